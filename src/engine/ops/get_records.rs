//! GetShardIterator and GetRecords.
//!
//! AWS facts reproduced (KINESIS.md B3, B5, B7, B10, B11):
//! - Five iterator types: `TRIM_HORIZON` (oldest retained record), `LATEST` (just after the
//!   newest), `AT_SEQUENCE_NUMBER`, `AFTER_SEQUENCE_NUMBER` and `AT_TIMESTAMP` (first record that
//!   arrived at or after the time; a time older than every record behaves like the trim horizon,
//!   a future time is an error).
//! - Iterators are **positions**, not cursors: using one twice reads the same records. They
//!   expire 300 s after they were issued (`ExpiredIteratorException`). Garbage is
//!   `Invalid ShardIterator.`.
//! - GetRecords returns at most `Limit` (≤ 10,000) records and 10 MiB, a new `NextShardIterator`
//!   every time, and `MillisBehindLatest`. At the end of a closed shard it omits
//!   `NextShardIterator` and lists `ChildShards`.
//! - Reads share 5 calls/s and 2 MiB/s per shard; GetShardIterator allows 5 calls/s per shard.
//!
//! SubscribeToShard (`subscribe_to_shard.rs`) shares the start-position rules (`starting_seq_ix`)
//! and the record-collecting loop (`collect_records`), so pushed records look exactly like polled
//! ones.
//!
//! Positions are kept as "the first record whose `seqIx` is at least n", which avoids
//! kinesalite's second-granularity iterator defects (its issues #62 and #84).
//! `MillisBehindLatest` is the age of the oldest record still unread after this call (0 when the
//! reader has caught up), i.e. how far behind the tip the reader is.

use crate::engine::error::{expired_iterator, invalid_argument, invalid_iterator, ApiError};
use crate::engine::events::Event;
use crate::engine::state::limits::{GET_RECORDS_MAX_BYTES, GET_RECORDS_MAX_RECORDS};
use crate::engine::state::record_source::RecordSources;
use crate::engine::state::sequence::{parse_sequence, ParsedSequence, END_SEQ_IX};
use crate::engine::state::shard::{Shard, ShardId};
use crate::engine::state::stream::{Stream, StreamKey};
use crate::engine::time::SimTime;
use crate::engine::wire::shapes::{ChildShardShape, RecordShape};
use crate::engine::Engine;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};

/// Iterator lifetime, ms (AWS: 5 minutes).
pub const ITERATOR_TTL_MS: u64 = 300_000;

/// `ShardIteratorType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ShardIteratorType {
    /// At a given sequence number.
    #[serde(rename = "AT_SEQUENCE_NUMBER")]
    AtSequenceNumber,
    /// Just after a given sequence number.
    #[serde(rename = "AFTER_SEQUENCE_NUMBER")]
    AfterSequenceNumber,
    /// At the oldest retained record.
    #[serde(rename = "TRIM_HORIZON")]
    TrimHorizon,
    /// Just after the newest record.
    #[serde(rename = "LATEST")]
    Latest,
    /// At the first record that arrived at or after a time.
    #[serde(rename = "AT_TIMESTAMP")]
    AtTimestamp,
}

impl ShardIteratorType {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ShardIteratorType::AtSequenceNumber => "AT_SEQUENCE_NUMBER",
            ShardIteratorType::AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
            ShardIteratorType::TrimHorizon => "TRIM_HORIZON",
            ShardIteratorType::Latest => "LATEST",
            ShardIteratorType::AtTimestamp => "AT_TIMESTAMP",
        }
    }
}

/// GetShardIterator request.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetShardIteratorInput {
    /// Stream name.
    pub stream_name: String,
    /// Shard id (read leniently).
    pub shard_id: String,
    /// Iterator type.
    pub shard_iterator_type: ShardIteratorType,
    /// For AT/AFTER_SEQUENCE_NUMBER.
    #[serde(default)]
    pub starting_sequence_number: Option<String>,
    /// For AT_TIMESTAMP: epoch seconds.
    #[serde(default)]
    pub timestamp: Option<f64>,
}

/// GetShardIterator response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetShardIteratorOutput {
    /// Opaque iterator (valid 300 s).
    pub shard_iterator: String,
}

/// GetRecords request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetRecordsInput {
    /// Iterator from GetShardIterator or a previous GetRecords.
    pub shard_iterator: String,
    /// Maximum records (1..=10000, default 10000).
    #[serde(default)]
    pub limit: Option<i64>,
}

/// GetRecords response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetRecordsOutput {
    /// Records, in sequence order.
    pub records: Vec<RecordShape>,
    /// Next position; absent at the end of a closed shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_shard_iterator: Option<String>,
    /// Milliseconds behind the tip of the shard.
    pub millis_behind_latest: u64,
    /// Children, at the end of a closed shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_shards: Option<Vec<ChildShardShape>>,
}

/// What an iterator encodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IteratorPosition {
    /// When it was issued.
    pub issued: SimTime,
    /// Stream name.
    pub stream_name: String,
    /// Stream incarnation.
    pub stream: StreamKey,
    /// Shard.
    pub shard: ShardId,
    /// First `seqIx` it will return.
    pub min_seq_ix: u64,
}

/// The eight bytes every AWS shard iterator starts with (`AAAAAAAAAA` and one of `E`–`H` in
/// base64), as in the
/// AWS CLI tutorial's `get-shard-iterator` transcript
/// (<https://docs.aws.amazon.com/streams/latest/dev/fundamental-stream.html>, the course's note
/// 004): `AAAAAAAAAAHSywljv0zE…`, 204 base64 characters, 152 bytes.
const ITERATOR_PREFIX: [u8; 8] = [0, 0, 0, 0, 0, 0, 0, 1];
const ITERATOR_VERSION: u8 = 2;
/// Bytes of the authentication tag that follows the prefix.
const TAG_LEN: usize = 16;
/// Bytes of the sealed body for a stream name of up to [`PADDED_NAME_LEN`] bytes: the token is
/// then 8 + 16 + 128 = 152 bytes, 204 base64 characters, like AWS's. A longer name makes the
/// body longer (still deterministic).
const BODY_LEN: usize = 128;
/// Fixed fields of the body: version, issued, stream key, shard, first seqIx, name length.
const BODY_FIXED: usize = 1 + 8 + 8 + 4 + 8 + 1;
/// Longest stream name that fits the 128-byte body.
const PADDED_NAME_LEN: usize = BODY_LEN - BODY_FIXED;
/// The engine's own key for sealing iterators: they are opaque and unforgeable by accident, not
/// secret (anyone with the source can open them, which is fine for a simulator).
const SEAL_KEY: &[u8] = b"kinesis-playground/shard-iterator/v2";

/// The tag of a body: MD5 over the key, the prefix and the plain body.
fn seal_tag(body: &[u8]) -> [u8; TAG_LEN] {
    Md5::new().chain_update(SEAL_KEY).chain_update(ITERATOR_PREFIX).chain_update(body).finalize().into()
}

/// XORs `body` with the keystream of `tag` (MD5 of key, tag and block counter), which makes a
/// token look as random as AWS's and turns it back.
fn apply_keystream(tag: &[u8; TAG_LEN], body: &mut [u8]) {
    for (block, chunk) in body.chunks_mut(TAG_LEN).enumerate() {
        let pad: [u8; TAG_LEN] = Md5::new()
            .chain_update(SEAL_KEY)
            .chain_update(tag)
            .chain_update((block as u32).to_be_bytes())
            .finalize()
            .into();
        for (b, p) in chunk.iter_mut().zip(pad) {
            *b ^= p;
        }
    }
}

impl IteratorPosition {
    /// Encodes the position as an opaque base64 token laid out like AWS's: the eight bytes
    /// `00…01` (`AAAAAAAAAA` then `E`–`H` in base64), a 16-byte tag, then the sealed 128-byte body; 204
    /// characters in all for stream names up to 98 bytes. The same position issued at the same
    /// instant always gives the same token.
    pub fn encode(&self) -> String {
        let name = self.stream_name.as_bytes();
        let name = &name[..name.len().min(255)];
        let mut body = Vec::with_capacity(BODY_LEN.max(BODY_FIXED + name.len()));
        body.push(ITERATOR_VERSION);
        body.extend_from_slice(&self.issued.0.to_be_bytes());
        body.extend_from_slice(&self.stream.to_be_bytes());
        body.extend_from_slice(&self.shard.0.to_be_bytes());
        body.extend_from_slice(&self.min_seq_ix.to_be_bytes());
        body.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
        body.extend_from_slice(name);
        body.resize(BODY_LEN.max(body.len()), 0);
        let tag = seal_tag(&body);
        apply_keystream(&tag, &mut body);
        let mut b = Vec::with_capacity(ITERATOR_PREFIX.len() + TAG_LEN + body.len());
        b.extend_from_slice(&ITERATOR_PREFIX);
        b.extend_from_slice(&tag);
        b.extend_from_slice(&body);
        STANDARD.encode(b)
    }

    /// Decodes an iterator string; `None` for anything this engine did not issue (a changed
    /// byte breaks the tag).
    pub fn decode(text: &str) -> Option<Self> {
        let b = STANDARD.decode(text.as_bytes()).ok()?;
        let rest = b.strip_prefix(&ITERATOR_PREFIX)?;
        let (tag, sealed) = rest.split_first_chunk::<TAG_LEN>()?;
        if sealed.len() < BODY_LEN {
            return None;
        }
        let mut body = sealed.to_vec();
        apply_keystream(tag, &mut body);
        if seal_tag(&body) != *tag {
            return None;
        }
        let (&version, rest) = body.split_first()?;
        if version != ITERATOR_VERSION {
            return None;
        }
        let (issued, rest) = rest.split_first_chunk::<8>()?;
        let (stream, rest) = rest.split_first_chunk::<8>()?;
        let (shard, rest) = rest.split_first_chunk::<4>()?;
        let (min, rest) = rest.split_first_chunk::<8>()?;
        let (&len, rest) = rest.split_first()?;
        let len = usize::from(len);
        if rest.len() < len || rest[len..].iter().any(|&p| p != 0) || (len > PADDED_NAME_LEN && rest.len() != len) {
            return None;
        }
        Some(Self {
            issued: SimTime(u64::from_be_bytes(*issued)),
            stream: u64::from_be_bytes(*stream),
            shard: ShardId(u32::from_be_bytes(*shard)),
            min_seq_ix: u64::from_be_bytes(*min),
            stream_name: String::from_utf8(rest[..len].to_vec()).ok()?,
        })
    }
}

/// Records read from one position of a shard.
pub(crate) struct Collected {
    /// The records, in sequence order, as the wire shows them.
    pub records: Vec<RecordShape>,
    /// Their size counted against read limits (data + partition key), bytes.
    pub bytes: u64,
}

/// Reads the records of `shard` from retained index `start` on, the same way for GetRecords and
/// enhanced fan-out pushes: at most `max_records`, at most `max_bytes` unless the first record
/// alone is larger (a reader always makes progress), and only records that arrived at or before
/// `visible_until` (pushes see a record only once its propagation delay has passed).
pub(crate) fn collect_records(
    shard: &Shard,
    sources: &RecordSources,
    start: usize,
    max_records: usize,
    max_bytes: u64,
    visible_until: SimTime,
) -> Collected {
    let mut records = Vec::new();
    let mut bytes = 0u64;
    for r in shard.records.iter_from(start) {
        if records.len() >= max_records
            || r.arrival > visible_until
            || (!records.is_empty() && bytes + r.size() > max_bytes)
        {
            break;
        }
        bytes += r.size();
        let body = r.materialize(sources);
        records.push(RecordShape {
            sequence_number: shard.sequence_number_of(&r),
            approximate_arrival_timestamp: r.arrival,
            data: body.data,
            partition_key: body.partition_key,
            encryption_type: r.kms.then(|| "KMS".to_string()),
        });
    }
    Collected { records, bytes }
}

/// `ChildShards` of `parent`: the shards split or merged from it.
pub(crate) fn child_shards(stream: &Stream, parent: ShardId) -> Vec<ChildShardShape> {
    stream
        .shards
        .iter()
        .filter(|c| c.parent == Some(parent) || c.adjacent_parent == Some(parent))
        .map(|c| ChildShardShape {
            shard_id: c.id,
            parent_shards: c.parent.iter().chain(c.adjacent_parent.iter()).map(ToString::to_string).collect(),
            hash_key_range: c.hash_key_range.into(),
        })
        .collect()
}

fn mismatch(kind: ShardIteratorType, also: bool) -> ApiError {
    invalid_argument(format!(
        "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified {} and {}.",
        kind.as_str(),
        if also { "also a StartingSequenceNumber" } else { "no StartingSequenceNumber" }
    ))
}

impl Engine {
    /// The first `seqIx` a reader starting at `kind` reads: the position GetShardIterator encodes
    /// and SubscribeToShard starts from (both take the same `ShardIteratorType`s and check them the
    /// same way; `operation` names the caller inside AWS's messages).
    pub(crate) fn starting_seq_ix(
        &self,
        stream: &Stream,
        shard: &Shard,
        kind: ShardIteratorType,
        sequence_number: Option<&str>,
        timestamp: Option<f64>,
        operation: &str,
    ) -> Result<u64, ApiError> {
        let name = &stream.name;
        let shard_id = shard.id;
        let start = match (sequence_number, kind) {
            (Some(_), ShardIteratorType::TrimHorizon | ShardIteratorType::Latest | ShardIteratorType::AtTimestamp) => {
                return Err(mismatch(kind, true))
            }
            (Some(text), _) => {
                let invalid = || {
                    invalid_argument(format!(
                        "StartingSequenceNumber {text} used in {operation} on shard {shard_id} in stream {name} under account {} is invalid.",
                        self.identity.account_id
                    ))
                };
                let parsed = parse_sequence(text).map_err(|_| invalid())?;
                if parsed.shard_index() != i64::from(shard_id.0) {
                    let encoded = parsed.shard_index();
                    let encoded_id = if encoded < 0 {
                        format!("shardId--{:011}", encoded.unsigned_abs())
                    } else {
                        format!("shardId-{encoded:012}")
                    };
                    return Err(invalid_argument(format!(
                        "Invalid StartingSequenceNumber. It encodes {encoded_id}, while it was used in a call to a shard with {shard_id}"
                    )));
                }
                let seq = match parsed {
                    ParsedSequence::V2 { seq, .. } if seq.shard_create_secs == shard.created.secs() => seq,
                    // A legacy version-0 number (any decimal below 2^129, "0" and "1" included) is
                    // one this engine never issues: the caller's error, worded as AWS words an
                    // unusable StartingSequenceNumber (kinesalite answers a bare HTTP 500).
                    ParsedSequence::V0 { .. } => return Err(invalid()),
                    _ => {
                        return Err(invalid_argument(format!(
                            "StartingSequenceNumber {text} used in {operation} on shard {shard_id} in stream {name} under account {} is invalid because it did not come from this stream.",
                            self.identity.account_id
                        )))
                    }
                };
                // A closed shard's EndingSequenceNumber (seqIx 2^63 − 1) has nothing after it. AWS's
                // answer, as quoted in etspaceman/kinesis-mock PR #1536 and matched by Spring
                // Integration AWS's KinesisMessageDrivenChannelAdapter, which treats it as "shard
                // closed".
                if kind == ShardIteratorType::AfterSequenceNumber && seq.seq_ix >= END_SEQ_IX {
                    return Err(invalid_argument(
                        "Invalid SequenceNumber for ShardIteratorType AFTER_SEQUENCE_NUMBER, SequenceNumber has reached max possible value for the shard.",
                    ));
                }
                if kind == ShardIteratorType::AtSequenceNumber {
                    seq.seq_ix
                } else {
                    seq.seq_ix.saturating_add(1)
                }
            }
            (None, ShardIteratorType::TrimHorizon) => 0,
            (None, ShardIteratorType::Latest) => stream.peek_seq_ix(shard_id.0),
            (None, ShardIteratorType::AtTimestamp) => {
                let Some(ts) = timestamp else {
                    return Err(invalid_argument(
                        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.",
                    ));
                };
                let at = SimTime::from_epoch_seconds(ts);
                if at > self.now {
                    return Err(invalid_argument(format!(
                        "The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: {}, currentTimestampInMillis: {}",
                        at.0, self.now.0
                    )));
                }
                let first = shard.records.position_of_arrival(at);
                shard.records.get(first).map_or_else(|| stream.peek_seq_ix(shard_id.0), |r| r.seq_ix)
            }
            (None, _) => return Err(mismatch(kind, false)),
        };
        Ok(start)
    }

    /// GetShardIterator.
    pub fn get_shard_iterator(&mut self, input: GetShardIteratorInput) -> Result<GetShardIteratorOutput, ApiError> {
        let name = &input.stream_name;
        let Some(shard_id) = ShardId::resolve(&input.shard_id) else {
            return Err(self.identity.could_not_find_shard(&input.shard_id, name));
        };
        let not_exist = || self.identity.shard_does_not_exist(&shard_id.to_string(), name);
        let Some(stream) = self.streams.get(name) else {
            return Err(not_exist());
        };
        if !stream.was_active {
            return Err(not_exist());
        }
        let Some(shard) = stream.shard(shard_id) else {
            return Err(not_exist());
        };
        let min_seq_ix = self.starting_seq_ix(
            stream,
            shard,
            input.shard_iterator_type,
            input.starting_sequence_number.as_deref(),
            input.timestamp,
            "GetShardIterator",
        )?;
        let key = stream.key;
        let (now, limits) = (self.now, self.limits_enabled);
        if limits {
            let Some(sh) = self.streams.get_mut(name).and_then(|s| s.shard_mut(shard_id)) else {
                return Err(not_exist());
            };
            if !sh.limits.iterator_calls.try_take(now, 1) {
                sh.counters.read_throttled += 1;
                self.emit(Event::ReadThrottled { at: now, stream: key, shard: shard_id });
                return Err(self.identity.rate_exceeded(&shard_id.to_string(), name));
            }
        }
        let pos = IteratorPosition { issued: now, stream_name: name.clone(), stream: key, shard: shard_id, min_seq_ix };
        Ok(GetShardIteratorOutput { shard_iterator: pos.encode() })
    }

    /// GetRecords.
    pub fn get_records(&mut self, input: GetRecordsInput) -> Result<GetRecordsOutput, ApiError> {
        let pos = IteratorPosition::decode(&input.shard_iterator).ok_or_else(invalid_iterator)?;
        let now = self.now;
        if pos.issued > now {
            return Err(invalid_iterator());
        }
        if now.since(pos.issued) > ITERATOR_TTL_MS {
            return Err(expired_iterator(pos.issued, now));
        }
        let shard_name = pos.shard.to_string();
        let not_exist = self.identity.shard_does_not_exist(&shard_name, &pos.stream_name);
        let limit = usize::try_from(input.limit.unwrap_or(10_000).clamp(1, 10_000))
            .unwrap_or(GET_RECORDS_MAX_RECORDS)
            .min(GET_RECORDS_MAX_RECORDS);
        let limits = self.limits_enabled;
        let Some(stream) = self.streams.get_mut(&pos.stream_name).filter(|s| s.key == pos.stream) else {
            return Err(not_exist);
        };
        let key = stream.key;
        let Some(shard) = stream.shard_mut(pos.shard) else {
            return Err(not_exist);
        };
        if limits && !shard.limits.admit_read(now) {
            shard.counters.read_throttled += 1;
            self.emit(Event::ReadThrottled { at: now, stream: key, shard: pos.shard });
            return Err(self.identity.rate_exceeded(&shard_name, &pos.stream_name));
        }
        let start = shard.position_of(pos.min_seq_ix);
        let Collected { records: out, bytes } =
            collect_records(shard, &self.record_sources, start, limit, GET_RECORDS_MAX_BYTES, now);
        if limits {
            shard.limits.read_bytes.charge_read(now, bytes);
        }
        shard.counters.get_records_calls += 1;
        shard.counters.outgoing_records += out.len() as u64;
        shard.counters.outgoing_bytes += bytes;
        let next_min = out.last().map_or(pos.min_seq_ix, |r| r.sequence_number.seq_ix + 1);
        let next_unread = shard.records.get(start + out.len());
        let millis_behind = next_unread.map_or(0, |r| now.since(r.arrival));
        let at_end = !shard.is_open() && next_unread.is_none();
        // Only a read that reaches a closed shard's end lists its children.
        let children = at_end.then(|| child_shards(stream, pos.shard));
        let count = out.len() as u64;
        if count > 0 {
            self.emit(Event::RecordsRead { at: now, stream: key, shard: pos.shard, count, bytes });
        }
        let next = IteratorPosition { issued: now, min_seq_ix: next_min, ..pos };
        Ok(GetRecordsOutput {
            records: out,
            next_shard_iterator: (!at_end).then(|| next.encode()),
            millis_behind_latest: millis_behind,
            child_shards: children,
        })
    }
}
