//! PutRecord and PutRecords.
//!
//! AWS facts reproduced (KINESIS.md B2, B3, B6, B10, B11):
//! - The target is the open shard whose range holds `MD5(PartitionKey)`, or the ExplicitHashKey.
//!   An ExplicitHashKey outside `[0, 2^128 − 1]` is an InvalidArgumentException, and in PutRecords
//!   it fails the **whole** request.
//! - Writes are accepted only while the stream is `ACTIVE` or `UPDATING`; otherwise AWS answers
//!   "Stream … not found.".
//! - Each shard takes 1 MiB/s and 1,000 records/s; beyond that PutRecord fails with
//!   ProvisionedThroughputExceededException and PutRecords marks just those entries as failed,
//!   keeping the response in request order with `FailedRecordCount`.
//! - Data is at most the stream's `MaxRecordSizeInKiB`: 1 MiB by default, up to 10 MiB after
//!   UpdateMaxRecordSize ("Handle large records",
//!   <https://docs.aws.amazon.com/streams/latest/dev/large-records.html>). The wire model accepts
//!   up to 10 MiB; a record above its stream's limit gets the same ValidationException wording
//!   with the stream's limit (AWS's message for that case is not documented: an assumption).
//! - A PutRecords request carries at most 500 records and 10 MiB including partition keys: the
//!   older 5 MiB cannot hold one 10 MiB record, and the 2025 figure is 10 MiB (the stored
//!   API reference pages still say 5 MiB; the model follows the large-records feature).
//! - `SequenceNumberForOrdering` is validated; since the engine is sequential, numbers already
//!   increase strictly per shard.
//!
//! - PutRecords numbers its records **shard by shard**: the records of one request that land on
//!   one shard get consecutive sequence numbers, in request order; the response stays in request
//!   order. kinesalite's AWS-validated test `putRecords.js` "should work with mixed values"
//!   (validated against production Kinesis, kinesalite commit 7d62e92, 2018) checks exactly this
//!   on three shards: records 2, 4, 6 (shard 2) consecutive, then 1, 3, 5 (shard 1), then 0. Its
//!   action's comment says this "appears to be the order that shards are processed", with the
//!   note "No longer true – shards can be processed simultaneously and do not appear to be
//!   deterministic": AWS promises no order between shards. The engine takes the highest shard
//!   index first (kinesalite's recorded order for small streams: 2, then 1, then 0); sequence
//!   numbers share a counter per group of five shards, as in kinesalite, so the order between
//!   shards shows only within a group.
//! - On a stream whose record distribution strategy is `AUTO` (`distribution.rs`), keys are
//!   ignored: records go round-robin over the open shards, `PartitionKey` may be absent, and a
//!   PutRecord with `SequenceNumberForOrdering` is an InvalidArgumentException.

use crate::engine::error::{invalid_argument, ApiError, ErrorType};
use crate::engine::events::Event;
use crate::engine::ops::distribution::NO_ORDERING_IN_AUTO;
use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::record_source::RecordRef;
use crate::engine::state::sequence::{parse_sequence, SequenceNumber};
use crate::engine::state::shard::{EncryptionType, ShardId};
use crate::engine::state::store::NewPayload;
use crate::engine::state::stream::{RecordDistribution, Stream, StreamKey, StreamStatus};
use crate::engine::time::SimTime;
use crate::engine::wire::shapes::{blob, display};
use crate::engine::wire::validation::{
    explicit_hash_key_item, explicit_hash_key_value, validation_item, validation_result, Type,
};
use crate::engine::Engine;
use serde::{Deserialize, Serialize};

/// Largest data blob the wire model accepts, bytes (10 MiB; each stream's own limit is
/// `Stream::max_record_size_kib`, 1 MiB by default).
pub const MAX_RECORD_DATA_BYTES: usize = 10 * 1024 * 1024;
/// Largest PutRecords request, bytes of data plus partition keys (10 MiB).
pub const MAX_PUT_RECORDS_BYTES: usize = 10 * 1024 * 1024;

/// The ValidationException item of a record larger than `limit` bytes (the wording of AWS's
/// length constraint on `data`).
fn too_large(data_len: usize, limit: usize, path: &str) -> String {
    format!(
        "Value 'java.nio.HeapByteBuffer[pos=0 lim={data_len} cap={data_len}]' at '{path}data' failed to satisfy constraint: Member must have length less than or equal to {limit}"
    )
}
/// Most entries in one PutRecords request.
pub const MAX_PUT_RECORDS_ENTRIES: usize = 500;
/// Longest partition key, characters.
pub const MAX_PARTITION_KEY_LEN: usize = 256;

/// PutRecord request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRecordInput {
    /// Stream name.
    pub stream_name: String,
    /// The data blob (base64 on the wire).
    #[serde(with = "blob")]
    pub data: Vec<u8>,
    /// Partition key, 1..=256 characters (optional, and ignored, on an `AUTO` stream: empty when
    /// absent).
    #[serde(default)]
    pub partition_key: String,
    /// Decimal hash key overriding the partition key's hash.
    #[serde(default)]
    pub explicit_hash_key: Option<String>,
    /// A previous sequence number of the same key (validated only).
    #[serde(default)]
    pub sequence_number_for_ordering: Option<String>,
    /// Set by clients that keep the bytes themselves (never on the wire); see
    /// [`PutRecordsRequestEntry::by_reference`].
    #[serde(skip)]
    pub by_reference: Option<RecordRef>,
}

/// PutRecord response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRecordOutput {
    /// Where it went.
    #[serde(serialize_with = "display")]
    pub shard_id: ShardId,
    /// Its sequence number.
    #[serde(serialize_with = "display")]
    pub sequence_number: SequenceNumber,
    /// `KMS` on an encrypted stream; absent (`NONE`) otherwise, see [`unencrypted`].
    #[serde(serialize_with = "encryption", skip_serializing_if = "unencrypted")]
    pub encryption_type: EncryptionType,
}

/// Whether a PutRecord/PutRecords answer leaves `EncryptionType` out: it does on an unencrypted
/// stream. AWS's own transcripts: kinesalite's `test/putRecord.js` ("should work with empty
/// Data", …) and `test/putRecords.js` compare the whole body with `{ShardId}` /
/// `{FailedRecordCount, Records}` after removing the sequence numbers, and pass against
/// production Kinesis (kinesalite commit 7d62e92, "All tests passing against live production
/// kinesis", 2018-03-25, eight months after server-side encryption launched); the AWS CLI
/// reference examples `put-record` / `put-records` (awscli's `examples/kinesis/put-record.rst`)
/// show `"EncryptionType": "KMS"` for an encrypted stream.
pub fn unencrypted(e: &EncryptionType) -> bool {
    *e == EncryptionType::None
}

fn encryption<S: serde::Serializer>(e: &EncryptionType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(e.as_str())
}

/// One PutRecords entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRecordsRequestEntry {
    /// The data blob.
    #[serde(with = "blob")]
    pub data: Vec<u8>,
    /// Partition key (optional, and ignored, on an `AUTO` stream: empty when absent).
    #[serde(default)]
    pub partition_key: String,
    /// Decimal hash key overriding the partition key's hash.
    #[serde(default)]
    pub explicit_hash_key: Option<String>,
    /// Set by clients that keep the bytes themselves (never on the wire): the record is what
    /// this reference renders, so the store keeps the reference instead of the bytes. The key and
    /// data above must be that rendering: they are what is validated, routed and sized.
    #[serde(skip)]
    pub by_reference: Option<RecordRef>,
}

/// PutRecords request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRecordsInput {
    /// Stream name.
    pub stream_name: String,
    /// 1..=500 entries.
    pub records: Vec<PutRecordsRequestEntry>,
}

/// One PutRecords result, in request order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PutRecordsResultEntry {
    /// Accepted.
    Ok {
        /// Its sequence number.
        #[serde(rename = "SequenceNumber", serialize_with = "display")]
        sequence_number: SequenceNumber,
        /// Where it went.
        #[serde(rename = "ShardId", serialize_with = "display")]
        shard_id: ShardId,
    },
    /// Refused.
    Failed {
        /// `ProvisionedThroughputExceededException` or `InternalFailure`.
        #[serde(rename = "ErrorCode")]
        error_code: String,
        /// AWS's message.
        #[serde(rename = "ErrorMessage")]
        error_message: String,
    },
}

/// PutRecords response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRecordsOutput {
    /// Entries that failed.
    pub failed_record_count: u64,
    /// One result per request entry, same order.
    pub records: Vec<PutRecordsResultEntry>,
    /// `KMS` on an encrypted stream; absent (`NONE`) otherwise, see [`unencrypted`].
    #[serde(serialize_with = "encryption", skip_serializing_if = "unencrypted")]
    pub encryption_type: EncryptionType,
}

/// The common case, which has no shape error: a key of 1..=256 bytes, no ExplicitHashKey, data
/// within the wire model's bound.
#[inline]
fn plain_entry(pk: &str, data_len: usize, ehk: Option<&str>) -> bool {
    (1..=MAX_PARTITION_KEY_LEN).contains(&pk.len()) && ehk.is_none() && data_len <= MAX_RECORD_DATA_BYTES
}

/// Checks the shape rules of one entry (the same items the JSON validation tables produce), so
/// typed callers get AWS's errors too. `path` is `""` for PutRecord or `records.N.member.`.
fn entry_shape_errors(pk: &str, data_len: usize, ehk: Option<&str>, path: &str, auto: bool, out: &mut Vec<String>) {
    if plain_entry(pk, data_len, ehk) {
        return;
    }
    // A key of 1..=256 UTF-8 bytes has 1..=256 UTF-16 units: only count units outside that case.
    let pk_len = if (1..=MAX_PARTITION_KEY_LEN).contains(&pk.len()) { 1 } else { pk.encode_utf16().count() };
    let pk_item = |rule: &str| {
        validation_item(Some(&serde_json::Value::from(pk)), Type::String, &format!("{path}partitionKey"), rule)
    };
    if pk_len < 1 && !auto {
        out.push(pk_item("Member must have length greater than or equal to 1"));
    }
    if pk_len > MAX_PARTITION_KEY_LEN {
        out.push(pk_item("Member must have length less than or equal to 256"));
    }
    if let Some(item) = ehk.and_then(|k| explicit_hash_key_item(k, path)) {
        out.push(item);
    }
    if data_len > MAX_RECORD_DATA_BYTES {
        out.push(too_large(data_len, MAX_RECORD_DATA_BYTES, path));
    }
}

/// The hash key of an entry, or the whole-request error for an out-of-range ExplicitHashKey.
fn entry_hash(pk: &str, ehk: Option<&str>) -> Result<(u128, bool), ApiError> {
    match ehk {
        None => Ok((partition_key_hash(pk), false)),
        Some(k) => explicit_hash_key_value(k).map(|v| (v, true)),
    }
}

/// Outcome of writing one record into a stream.
enum Written {
    Accepted { shard: ShardId, seq: SequenceNumber, bytes: u64, hash: u128 },
    Throttled { shard: ShardId, bytes: u64 },
}

/// Routes, admits and stores one record.
#[inline]
#[allow(clippy::too_many_arguments)] // one record's fields, passed by value to avoid copies
fn write_record(
    stream: &mut Stream,
    now: SimTime,
    limits_enabled: bool,
    partition_key: String,
    data: Vec<u8>,
    hash: u128,
    explicit: bool,
    by_reference: Option<RecordRef>,
) -> Option<Written> {
    let idx = stream.route(hash)?;
    let encryption_type = stream.encryption_type;
    let bytes = (data.len() + partition_key.len()) as u64;
    let created = {
        let shard = stream.shards.get_mut(idx as usize)?;
        if limits_enabled && !shard.limits.admit_write(now, bytes) {
            shard.counters.write_throttled += 1;
            shard.counters.write_throttled_bytes += bytes;
            return Some(Written::Throttled { shard: shard.id, bytes });
        }
        shard.created
    };
    // A child shard's creation time may lie up to 1 s ahead (kinesalite, AWS-validated): its
    // records then carry that time, so they sort above its StartingSequenceNumber.
    let seq_time = now.max(created);
    let seq_ix = stream.take_seq_ix(idx, created, seq_time);
    let shard = stream.shards.get_mut(idx as usize)?;
    let seq =
        SequenceNumber { shard_create_secs: created.secs(), seq_ix, seq_time_secs: seq_time.secs(), shard_index: idx };
    shard.counters.incoming_records += 1;
    shard.counters.incoming_bytes += bytes;
    let payload = match by_reference {
        Some(reference) => NewPayload::ByReference {
            reference,
            data_len: data.len() as u32,
            key_len: partition_key.len() as u16,
            explicit,
        },
        None => NewPayload::Inline { partition_key, data, explicit_hash_key: explicit.then_some(hash) },
    };
    shard.records.push(seq_ix, now, encryption_type == EncryptionType::Kms, payload);
    Some(Written::Accepted { shard: shard.id, seq, bytes, hash })
}

impl Engine {
    /// The stream if it accepts writes (`ACTIVE` or `UPDATING`), else AWS's "not found".
    fn writable_stream(&mut self, name: &str) -> Result<&mut Stream, ApiError> {
        match self.streams.get_mut(name) {
            Some(s) if matches!(s.status, StreamStatus::Active | StreamStatus::Updating) => Ok(s),
            _ => Err(self.identity.stream_not_found(name)),
        }
    }

    fn emit_written(&mut self, key: StreamKey, w: &Written) {
        match *w {
            Written::Accepted { shard, seq, bytes, hash } => {
                self.emit_record_accepted(key, shard, seq.seq_ix, hash, bytes)
            }
            Written::Throttled { shard, bytes } => {
                self.emit(Event::WriteThrottled { at: self.now, stream: key, shard, bytes })
            }
        }
    }

    /// Whether the stream named `name` places records with `AUTO` (see `distribution.rs`).
    pub(crate) fn is_auto(&self, name: &str) -> bool {
        self.streams.get(name).is_some_and(|s| s.record_distribution == RecordDistribution::Auto)
    }

    /// PutRecord.
    pub fn put_record(&mut self, input: PutRecordInput) -> Result<PutRecordOutput, ApiError> {
        let PutRecordInput {
            stream_name,
            data,
            partition_key,
            explicit_hash_key,
            sequence_number_for_ordering,
            by_reference,
        } = input;
        let (now, limits) = (self.now, self.limits_enabled);
        // One lookup serves the AUTO check, the status check and the write.
        let found = self.streams.get_mut(&stream_name);
        let auto = found.as_ref().is_some_and(|s| s.record_distribution == RecordDistribution::Auto);
        if !plain_entry(&partition_key, data.len(), explicit_hash_key.as_deref()) {
            let mut shape = Vec::new();
            entry_shape_errors(&partition_key, data.len(), explicit_hash_key.as_deref(), "", auto, &mut shape);
            validation_result(shape)?;
        }
        let hashed = entry_hash(&partition_key, explicit_hash_key.as_deref());
        // A missing stream is reported before a bad ExplicitHashKey, as AWS does.
        let stream = match found {
            Some(s) if matches!(s.status, StreamStatus::Active | StreamStatus::Updating) => s,
            _ => return Err(self.identity.stream_not_found(&stream_name)),
        };
        let limit = stream.max_record_size_kib as usize * 1024;
        if data.len() > limit {
            validation_result(vec![too_large(data.len(), limit, "")])?;
        }
        let (mut hash, mut explicit) = hashed?;
        if auto {
            if sequence_number_for_ordering.is_some() {
                return Err(invalid_argument(NO_ORDERING_IN_AUTO));
            }
            hash = stream.next_auto_hash().ok_or_else(|| ApiError::bare(ErrorType::InternalFailure))?;
            explicit = false;
        }
        if let Some(ordering) = &sequence_number_for_ordering {
            // A sequence number's time may be up to 1 s ahead (a new child shard's records carry its
            // creation time), so "in the future" means later than both now and the newest shard.
            let latest = stream.newest_shard_created().max(now);
            let ok = match parse_sequence(ordering) {
                Ok(p) => p.seq_time_secs().is_none_or(|t| t.saturating_mul(1000) <= latest.0),
                Err(_) => false,
            };
            if !ok {
                return Err(invalid_argument(format!(
                    "ExclusiveMinimumSequenceNumber {ordering} used in PutRecord on stream {stream_name} under account {} is invalid.",
                    self.identity.account_id
                )));
            }
        }
        let (key, encryption_type) = (stream.key, stream.encryption_type);
        let written = write_record(stream, now, limits, partition_key, data, hash, explicit, by_reference)
            .ok_or_else(|| ApiError::bare(ErrorType::InternalFailure))?;
        self.emit_written(key, &written);
        match written {
            Written::Accepted { shard, seq, .. } => {
                self.efo_records_arrived(key, [shard]);
                Ok(PutRecordOutput { shard_id: shard, sequence_number: seq, encryption_type })
            }
            Written::Throttled { shard, .. } => Err(self.identity.rate_exceeded(&shard.to_string(), &stream_name)),
        }
    }

    /// PutRecords.
    pub fn put_records(&mut self, input: PutRecordsInput) -> Result<PutRecordsOutput, ApiError> {
        let auto = self.is_auto(&input.stream_name);
        let mut shape = Vec::new();
        let n = input.records.len();
        if !(1..=MAX_PUT_RECORDS_ENTRIES).contains(&n) {
            let rule = if n == 0 {
                "Member must have length greater than or equal to 1"
            } else {
                "Member must have length less than or equal to 500"
            };
            let members = vec!["com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310"; n].join(", ");
            shape.push(format!("Value '[{members}]' at 'records' failed to satisfy constraint: {rule}"));
        }
        for (i, r) in input.records.iter().enumerate() {
            let path = format!("records.{}.member.", i + 1);
            entry_shape_errors(&r.partition_key, r.data.len(), r.explicit_hash_key.as_deref(), &path, auto, &mut shape);
        }
        shape.truncate(10);
        validation_result(shape)?;
        let hashes: Result<Vec<(u128, bool)>, ApiError> =
            input.records.iter().map(|r| entry_hash(&r.partition_key, r.explicit_hash_key.as_deref())).collect();
        let total: usize = input.records.iter().map(|r| r.data.len() + r.partition_key.len()).sum();
        let (now, limits) = (self.now, self.limits_enabled);
        // One lookup: a missing stream is reported before a bad ExplicitHashKey, as AWS does.
        let stream = self.writable_stream(&input.stream_name)?;
        let limit = stream.max_record_size_kib as usize * 1024;
        let big: Vec<String> = input
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.data.len() > limit)
            .map(|(i, r)| too_large(r.data.len(), limit, &format!("records.{}.member.", i + 1)))
            .take(10)
            .collect();
        validation_result(big)?;
        let mut hashes = hashes?;
        if auto {
            for h in &mut hashes {
                *h = (stream.next_auto_hash().ok_or_else(|| ApiError::bare(ErrorType::InternalFailure))?, false);
            }
        }
        if total > MAX_PUT_RECORDS_BYTES {
            // Our wording: AWS documents the request limit but not this message.
            return Err(invalid_argument(format!(
                "Records size exceeds 10 MB limit. Request size was {total} bytes for stream {} under account {}.",
                input.stream_name, self.identity.account_id
            )));
        }
        let (key, encryption_type) = (stream.key, stream.encryption_type);
        // Shard by shard, highest shard index first, request order within a shard (see the
        // module docs): each shard's records of one request get consecutive sequence numbers.
        let mut order: Vec<(u32, usize)> = Vec::with_capacity(n);
        for (i, (hash, _)) in hashes.iter().enumerate() {
            let shard = stream.route(*hash).ok_or_else(|| ApiError::bare(ErrorType::InternalFailure))?;
            order.push((shard, i));
        }
        order.sort_by_key(|&(shard, i)| (std::cmp::Reverse(shard), i));
        let mut entries: Vec<Option<(PutRecordsRequestEntry, (u128, bool))>> =
            input.records.into_iter().zip(hashes).map(Some).collect();
        let mut slots: Vec<Option<Written>> = (0..n).map(|_| None).collect();
        let mut processed = Vec::with_capacity(n);
        for &(_, i) in &order {
            let Some((r, (hash, explicit))) = entries.get_mut(i).and_then(Option::take) else {
                return Err(ApiError::bare(ErrorType::InternalFailure));
            };
            let w = write_record(stream, now, limits, r.partition_key, r.data, hash, explicit, r.by_reference)
                .ok_or_else(|| ApiError::bare(ErrorType::InternalFailure))?;
            processed.push(i);
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(w);
            }
        }
        let written: Vec<Written> = slots.into_iter().flatten().collect();
        if written.len() != n {
            return Err(ApiError::bare(ErrorType::InternalFailure));
        }
        for &i in &processed {
            if let Some(w) = written.get(i) {
                self.emit_written(key, w);
            }
        }
        let mut failed = 0;
        let mut results = Vec::with_capacity(n);
        for w in &written {
            results.push(match *w {
                Written::Accepted { shard, seq, .. } => {
                    PutRecordsResultEntry::Ok { sequence_number: seq, shard_id: shard }
                }
                Written::Throttled { shard, .. } => {
                    failed += 1;
                    PutRecordsResultEntry::Failed {
                        error_code: "ProvisionedThroughputExceededException".into(),
                        error_message: self.identity.rate_exceeded_message(&shard.to_string(), &input.stream_name),
                    }
                }
            });
        }
        let accepted = written.iter().filter_map(|w| match w {
            Written::Accepted { shard, .. } => Some(*shard),
            Written::Throttled { .. } => None,
        });
        self.efo_records_arrived(key, accepted);
        Ok(PutRecordsOutput { failed_record_count: failed, records: results, encryption_type })
    }
}
