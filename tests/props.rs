//! Tier (b): property tests over random operation sequences.
//!
//! Each case is a random script of up to ~200 operations against up to two streams: CreateStream
//! (1..8 shards), PutRecord / PutRecords (random keys, sizes and ExplicitHashKeys, some out of
//! range), GetShardIterator of every type, GetRecords, SplitShard (valid and invalid keys),
//! MergeShards (adjacent and random pairs), UpdateShardCount, retention changes, DeleteStream,
//! UpdateStreamMode (on-demand streams split themselves), Start/StopStreamEncryption,
//! time advances from 0 ms to 30 h, and garbage JSON sent to random operations. After every
//! operation the runner checks:
//!
//! - no panic;
//! - the open shards of every stream tile `[0, 2^128 − 1]` with no gap or overlap;
//! - sequence numbers strictly increase within each shard (stored records, and every new
//!   acknowledgement against all earlier ones), inside the shard's sequence-number range;
//! - the records stored in each shard are exactly the acknowledged ones (PutRecord / PutRecords
//!   successes) whose `arrival + retention` has not passed, with their data: acknowledged
//!   records stay until they expire and are gone after; nothing unacknowledged is stored;
//! - every GetRecords answer is the run of stored records at the iterator's position;
//! - one `RecordAccepted` event per acknowledgement.
//!
//! At the end of a case it also reads every shard from TRIM_HORIZON through the API (on a
//! clone, limits off) and compares with the model, checks the write limits against the
//! `RecordAccepted` events, and replays the script on a fresh engine: responses and
//! `digest()` must be identical.
//!
//! Write limits are token buckets of one second's capacity refilled every millisecond
//! (`src/engine/limits.rs`), so the exact bound is: the records a shard accepts in any window
//! `[t1, t2]` are at most `1000 + (t2 − t1)` (ms), and the bytes at most
//! `1 MiB + (t2 − t1) × 1 MiB / 1000`. In particular at most 1000 records (1 MiB) at one instant.
//! A strict "≤ 1000 in every sliding 1000 ms window" does not hold for a token bucket (1000 at
//! `t`, 999 more at `t + 999`); `tests/engine/limits.rs` pins that case.
//!
//! Reproducing a failure: proptest prints the minimal failing script and stores its seed under
//! `proptest-regressions/`, replayed first by the next `cargo test --release --test props`.
//! `PROPTEST_CASES=1000 cargo test --release --test props` runs a longer sweep. The
//! `seed_sweep` test runs fixed seeds and names the failing seed in its message.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use kinesis_playground::engine::api::OPERATIONS;
use kinesis_playground::engine::events::Event;
use kinesis_playground::engine::ops::get_records::IteratorPosition;
use kinesis_playground::engine::state::hashing::{HashKeyRange, MAX_HASH_KEY};
use kinesis_playground::engine::state::sequence::{parse_sequence, ParsedSequence, SequenceNumber};
use kinesis_playground::engine::state::stream::{StreamKey, StreamStatus};
use kinesis_playground::engine::time::HOUR_MS;
use kinesis_playground::engine::{Engine, EngineConfig};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// Operations

/// A partition key: from a small pool (so keys repeat) or random.
#[derive(Clone, Debug)]
enum Key {
    Pool(u8),
    Random(String),
}

impl Key {
    fn text(&self) -> String {
        match self {
            Key::Pool(i) => format!("k{i}"),
            Key::Random(s) => s.clone(),
        }
    }
}

/// An ExplicitHashKey choice.
#[derive(Clone, Debug)]
enum Ehk {
    None,
    Value(u128),
    Max,
    /// `2^128 + n`: well-formed digits, out of range.
    TooBig(u8),
}

impl Ehk {
    fn text(&self) -> Option<String> {
        match self {
            Ehk::None => None,
            Ehk::Value(v) => Some(v.to_string()),
            Ehk::Max => Some(MAX_HASH_KEY.to_string()),
            Ehk::TooBig(n) => Some(format!("3402823669209384634633746074317682114{}", 56 + u32::from(*n))),
        }
    }
}

/// One PutRecord(s) entry: key, data size (bytes), data seed, hash key.
#[derive(Clone, Debug)]
struct Entry {
    key: Key,
    size: usize,
    seed: u8,
    ehk: Ehk,
}

#[derive(Clone, Copy, Debug)]
enum IterKind {
    TrimHorizon,
    Latest,
    AtSeq,
    AfterSeq,
    AtTimestamp,
}

/// How GetShardIterator's StartingSequenceNumber / Timestamp is chosen.
#[derive(Clone, Debug)]
enum Start {
    /// None given.
    Nothing,
    /// An acknowledged sequence number of this stream, picked by index (any shard).
    Acked(u32),
    /// A random 56-digit number (usually not a valid sequence number).
    Garbage(u128),
    /// A timestamp `ms` before now (AT_TIMESTAMP), or after now when `future`.
    Time { ms: u64, future: bool },
}

#[derive(Clone, Debug)]
enum SplitKey {
    Mid,
    StartPlus(u8),
    EndMinus(u8),
    Random(u128),
    TooBig,
}

#[derive(Clone, Debug)]
enum Op {
    Create {
        stream: u8,
        shards: u32,
    },
    Delete {
        stream: u8,
    },
    Put {
        stream: u8,
        entry: Entry,
    },
    PutBatch {
        stream: u8,
        entries: Vec<Entry>,
    },
    /// `calls` PutRecords of `count` identical small entries at one instant (drives the write
    /// limits).
    Burst {
        stream: u8,
        calls: u8,
        count: u16,
        ehk: Ehk,
    },
    /// GetShardIterator on a listed shard (picked by position) or, when `raw`, on `shardId-<shard>`.
    /// When `consistent`, the start matches the type (a sequence number of the same shard for
    /// AT/AFTER_SEQUENCE_NUMBER, a past time for AT_TIMESTAMP, nothing otherwise).
    Iterator {
        stream: u8,
        shard: u8,
        raw: bool,
        kind: IterKind,
        start: Start,
        consistent: bool,
    },
    /// `calls` GetRecords at one instant with one of the most recent iterators.
    Read {
        pick: u8,
        limit: Option<u16>,
        calls: u8,
    },
    Split {
        stream: u8,
        shard: u8,
        open_only: bool,
        key: SplitKey,
    },
    Merge {
        stream: u8,
        shard: u8,
        adjacent: bool,
        other: u8,
    },
    Scale {
        stream: u8,
        target: u32,
    },
    Retention {
        stream: u8,
        increase: bool,
        hours: i64,
    },
    /// UpdateStreamMode to ON_DEMAND or PROVISIONED (on-demand streams split themselves).
    Mode {
        stream: u8,
        on_demand: bool,
    },
    /// Start or stop encryption.
    Encryption {
        stream: u8,
        start: bool,
    },
    Advance {
        ms: u64,
    },
    Garbage {
        op: usize,
        body: Value,
    },
}

fn stream_name(i: u8) -> String {
    format!("s{}", i % 2)
}

fn key_strategy() -> impl Strategy<Value = Key> {
    prop_oneof![3 => (0u8..24).prop_map(Key::Pool), 1 => "[a-zA-Z0-9]{1,24}".prop_map(Key::Random)]
}

/// `too_big` is the weight (out of about 360) of an out-of-range key, which fails a whole
/// PutRecords request, so batches get a smaller one.
fn ehk_strategy(too_big: u32) -> impl Strategy<Value = Ehk> {
    prop_oneof![
        240 => Just(Ehk::None),
        80 => any::<u128>().prop_map(Ehk::Value),
        20 => (0u128..1000).prop_map(Ehk::Value),
        20 => Just(Ehk::Max),
        too_big => (0u8..9).prop_map(Ehk::TooBig),
    ]
}

fn size_strategy() -> impl Strategy<Value = usize> {
    prop_oneof![12 => 0usize..200, 3 => 200usize..20_000, 1 => 100_000usize..400_000]
}

fn entry_strategy(too_big: u32) -> impl Strategy<Value = Entry> {
    (key_strategy(), size_strategy(), any::<u8>(), ehk_strategy(too_big)).prop_map(|(key, size, seed, ehk)| Entry {
        key,
        size,
        seed,
        ehk,
    })
}

fn iter_kind() -> impl Strategy<Value = IterKind> {
    prop_oneof![
        Just(IterKind::TrimHorizon),
        Just(IterKind::Latest),
        Just(IterKind::AtSeq),
        Just(IterKind::AfterSeq),
        Just(IterKind::AtTimestamp),
    ]
}

fn start_strategy() -> impl Strategy<Value = Start> {
    prop_oneof![
        2 => Just(Start::Nothing),
        4 => any::<u32>().prop_map(Start::Acked),
        1 => any::<u128>().prop_map(Start::Garbage),
        2 => (0u64..40 * HOUR_MS, prop::bool::weighted(0.1)).prop_map(|(ms, future)| Start::Time { ms, future }),
    ]
}

fn split_key() -> impl Strategy<Value = SplitKey> {
    prop_oneof![
        4 => Just(SplitKey::Mid),
        1 => (0u8..4).prop_map(SplitKey::StartPlus),
        1 => (0u8..3).prop_map(SplitKey::EndMinus),
        2 => any::<u128>().prop_map(SplitKey::Random),
        1 => Just(SplitKey::TooBig),
    ]
}

fn advance_ms() -> impl Strategy<Value = u64> {
    prop_oneof![
        2 => Just(0u64),
        6 => 1u64..1_000,
        3 => 1_000u64..60_000,
        1 => 60_000u64..30 * HOUR_MS,
        1 => Just(30 * HOUR_MS),
    ]
}

const FIELD_NAMES: &[&str] = &[
    "StreamName",
    "ShardCount",
    "Records",
    "PartitionKey",
    "Data",
    "ExplicitHashKey",
    "SequenceNumberForOrdering",
    "ShardId",
    "ShardIteratorType",
    "StartingSequenceNumber",
    "Timestamp",
    "Limit",
    "ShardIterator",
    "NewStartingHashKey",
    "ShardToSplit",
    "ShardToMerge",
    "AdjacentShardToMerge",
    "TargetShardCount",
    "ScalingType",
    "RetentionPeriodHours",
    "Tags",
    "TagKeys",
    "StreamARN",
    "StreamModeDetails",
    "StreamMode",
    "EncryptionType",
    "KeyId",
    "NextToken",
    "MaxResults",
    "ShardFilter",
    "Type",
    "ExclusiveStartShardId",
    "ExclusiveStartStreamName",
    "ExclusiveStartTagKey",
    "EnforceConsumerDeletion",
    "StreamCreationTimestamp",
    "Bogus",
];

const STRING_POOL: &[&str] = &[
    "s0",
    "s1",
    "shardId-000000000000",
    "shardId-1",
    "0",
    "1",
    "2",
    "TRIM_HORIZON",
    "LATEST",
    "AT_SEQUENCE_NUMBER",
    "AT_TIMESTAMP",
    "UNIFORM_SCALING",
    "KMS",
    "NONE",
    "PROVISIONED",
    "ON_DEMAND",
    "AT_LATEST",
    "AFTER_SHARD_ID",
    "eA==",
    "AAAA",
    "AAAAAAAAAAE=",
    "",
    "340282366920938463463374607431768211456",
    "170141183460469231731687303715884105728",
    "49600871682957036442365024926191073437251060580128653314",
    "arn:aws:kinesis:us-east-1:000000000000:stream/s0",
    "alias/aws/kinesis",
    "a%b",
];

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![Just(0i64), Just(1), Just(-1), Just(3), Just(24), Just(48), Just(500), Just(2_147_483_648)]
            .prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        prop::sample::select(STRING_POOL).prop_map(Value::from),
        "[ -~]{0,10}".prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(FIELD_NAMES), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

fn garbage_body() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => prop::collection::vec((prop::sample::select(FIELD_NAMES), json_value()), 0..6)
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>())),
        1 => json_value(),
    ]
}

fn op_strategy() -> impl Strategy<Value = Op> {
    // Mostly s0, which every script creates first.
    let s = || prop_oneof![3 => Just(0u8), 1 => any::<u8>()];
    prop_oneof![
        4 => (s(), 1u32..=8).prop_map(|(stream, shards)| Op::Create { stream, shards }),
        1 => s().prop_map(|stream| Op::Delete { stream }),
        20 => (s(), entry_strategy(20)).prop_map(|(stream, entry)| Op::Put { stream, entry }),
        8 => (s(), prop::collection::vec(entry_strategy(1), 1..40)).prop_map(|(stream, entries)| Op::PutBatch { stream, entries }),
        3 => (s(), 1u8..=4, 1u16..=500, ehk_strategy(20)).prop_map(|(stream, calls, count, ehk)| Op::Burst { stream, calls, count, ehk }),
        10 => (s(), any::<u8>(), prop::bool::weighted(0.15), iter_kind(), start_strategy(), prop::bool::weighted(0.8))
            .prop_map(|(stream, shard, raw, kind, start, consistent)| Op::Iterator { stream, shard, raw, kind, start, consistent }),
        12 => (any::<u8>(), prop::option::of(1u16..50), prop_oneof![6 => Just(1u8), 1 => 2u8..=8]).prop_map(|(pick, limit, calls)| Op::Read { pick, limit, calls }),
        4 => (s(), any::<u8>(), prop::bool::weighted(0.8), split_key()).prop_map(|(stream, shard, open_only, key)| Op::Split { stream, shard, open_only, key }),
        3 => (s(), any::<u8>(), prop::bool::weighted(0.7), 0u8..14).prop_map(|(stream, shard, adjacent, other)| Op::Merge { stream, shard, adjacent, other }),
        3 => (s(), 1u32..=16).prop_map(|(stream, target)| Op::Scale { stream, target }),
        3 => (s(), any::<bool>(), prop_oneof![Just(24i64), Just(25), Just(48), Just(1), Just(23), Just(8760), Just(8761), 24i64..200]).prop_map(|(stream, increase, hours)| Op::Retention { stream, increase, hours }),
        1 => (s(), any::<bool>()).prop_map(|(stream, on_demand)| Op::Mode { stream, on_demand }),
        1 => (s(), any::<bool>()).prop_map(|(stream, start)| Op::Encryption { stream, start }),
        16 => advance_ms().prop_map(|ms| Op::Advance { ms }),
        6 => (0..OPERATIONS.len(), garbage_body()).prop_map(|(op, body)| Op::Garbage { op, body }),
    ]
}

/// A script: limits on or off, then the operations. Every script starts by creating `s0` (and
/// sometimes `s1`) and waiting 6 s, so most operations meet an ACTIVE stream.
fn script_strategy() -> impl Strategy<Value = (bool, Vec<Op>)> {
    (
        prop::bool::weighted(0.85),
        1u32..=8,
        prop::option::weighted(0.4, 1u32..=8),
        prop::collection::vec(op_strategy(), 1..200),
    )
        .prop_map(|(limits, shards0, shards1, ops)| {
            let mut script = vec![Op::Create { stream: 0, shards: shards0 }];
            if let Some(shards) = shards1 {
                script.push(Op::Create { stream: 1, shards });
            }
            script.push(Op::Advance { ms: 6_000 });
            script.extend(ops);
            (limits, script)
        })
}

// ---------------------------------------------------------------------------------------------
// The runner and its model

/// An acknowledged record.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Acked {
    arrival_ms: u64,
    data: Vec<u8>,
    seq: SequenceNumber,
}

/// `(stream incarnation, shard index, seqIx)`.
type RecordKey = (StreamKey, u32, u64);

struct Runner {
    engine: Engine,
    check: bool,
    /// Iterators handed out so far (GetShardIterator and NextShardIterator).
    iterators: Vec<String>,
    /// Acknowledged records not yet expired.
    alive: BTreeMap<RecordKey, Acked>,
    /// Highest acknowledged sequence number per (stream, shard), ever.
    last_seq: BTreeMap<(StreamKey, u32), SequenceNumber>,
    /// Acknowledged sequence numbers, for AT/AFTER_SEQUENCE_NUMBER picks (stream name, text).
    acked_texts: Vec<(String, u32, String)>,
    /// `RecordAccepted` events per (stream, shard): (time ms, bytes).
    accepted: BTreeMap<(StreamKey, u32), Vec<(u64, u64)>>,
    /// Every response in order (for the determinism replay).
    responses: Vec<Result<Value, Value>>,
    /// What the script exercised: `Operation ok` / `Operation ErrorType` / event kind → count.
    stats: BTreeMap<String, u64>,
}

type Check = Result<(), String>;

fn seq_of(text: &str) -> Result<SequenceNumber, String> {
    match parse_sequence(text) {
        Ok(ParsedSequence::V2 { seq, .. }) => Ok(seq),
        other => Err(format!("acknowledged sequence number {text} does not parse as v2: {other:?}")),
    }
}

fn shard_index(text: &str) -> Result<u32, String> {
    text.strip_prefix("shardId-")
        .filter(|d| d.len() == 12)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| format!("bad ShardId in a response: {text}"))
}

fn data_of(entry: &Entry) -> Vec<u8> {
    (0..entry.size).map(|i| entry.seed.wrapping_add(i as u8)).collect()
}

fn entry_json(entry: &Entry) -> Value {
    let mut v = json!({"PartitionKey": entry.key.text(), "Data": STANDARD.encode(data_of(entry))});
    if let Some(k) = entry.ehk.text() {
        v["ExplicitHashKey"] = json!(k);
    }
    v
}

impl Runner {
    fn new(limits: bool, check: bool) -> Self {
        let engine = Engine::new(EngineConfig { limits_enabled: limits, ..EngineConfig::default() });
        Self {
            engine,
            check,
            iterators: Vec::new(),
            alive: BTreeMap::new(),
            last_seq: BTreeMap::new(),
            acked_texts: Vec::new(),
            accepted: BTreeMap::new(),
            responses: Vec::new(),
            stats: BTreeMap::new(),
        }
    }

    /// Open shards of a stream in hash order: (index, range).
    fn open_shards(&self, name: &str) -> Vec<(u32, HashKeyRange)> {
        self.engine
            .stream(name)
            .map_or_else(Vec::new, |s| s.open_shards().map(|sh| (sh.id.0, sh.hash_key_range)).collect())
    }

    /// Turns a generated operation into an AWS call (resolving picks against the current state).
    fn request(&self, op: &Op) -> Option<(String, Value)> {
        let call = |name: &str, v: Value| Some((name.to_string(), v));
        match op {
            Op::Create { stream, shards } => {
                call("CreateStream", json!({"StreamName": stream_name(*stream), "ShardCount": shards}))
            }
            Op::Delete { stream } => call("DeleteStream", json!({"StreamName": stream_name(*stream)})),
            Op::Put { stream, entry } => {
                let mut v = entry_json(entry);
                v["StreamName"] = json!(stream_name(*stream));
                call("PutRecord", v)
            }
            Op::PutBatch { stream, entries } => call(
                "PutRecords",
                json!({"StreamName": stream_name(*stream), "Records": entries.iter().map(entry_json).collect::<Vec<_>>()}),
            ),
            Op::Burst { stream, count, ehk, .. } => {
                let mut entry = json!({"PartitionKey": "burst", "Data": "YnVyc3Q="});
                if let Some(k) = ehk.text() {
                    entry["ExplicitHashKey"] = json!(k);
                }
                call(
                    "PutRecords",
                    json!({"StreamName": stream_name(*stream), "Records": vec![entry; usize::from(*count)]}),
                )
            }
            Op::Iterator { stream, shard, raw, kind, start, consistent } => {
                let name = stream_name(*stream);
                let listed: Vec<u32> =
                    self.engine.stream(&name).map_or_else(Vec::new, |s| s.listed_shards().map(|sh| sh.id.0).collect());
                let shard = match listed.get(usize::from(*shard) % listed.len().max(1)) {
                    Some(id) if !*raw => *id,
                    _ => u32::from(*shard % 16),
                };
                let kind_text = match kind {
                    IterKind::TrimHorizon => "TRIM_HORIZON",
                    IterKind::Latest => "LATEST",
                    IterKind::AtSeq => "AT_SEQUENCE_NUMBER",
                    IterKind::AfterSeq => "AFTER_SEQUENCE_NUMBER",
                    IterKind::AtTimestamp => "AT_TIMESTAMP",
                };
                let mut v = json!({"StreamName": name, "ShardId": format!("shardId-{shard:012}"), "ShardIteratorType": kind_text});
                let pick_of = |s: &Start| match s {
                    Start::Acked(p) => *p,
                    Start::Garbage(n) => *n as u32,
                    Start::Time { ms, .. } => *ms as u32,
                    Start::Nothing => 0,
                };
                let start = match (consistent, kind) {
                    (false, _) => start.clone(),
                    (true, IterKind::TrimHorizon | IterKind::Latest) => Start::Nothing,
                    (true, IterKind::AtSeq | IterKind::AfterSeq) => Start::Acked(pick_of(start)),
                    (true, IterKind::AtTimestamp) => {
                        Start::Time { ms: u64::from(pick_of(start)) % (30 * HOUR_MS), future: false }
                    }
                };
                match &start {
                    Start::Nothing => {}
                    Start::Acked(pick) => {
                        let mine: Vec<&String> = self
                            .acked_texts
                            .iter()
                            .filter(|(s, sh, _)| *s == name && (!*consistent || *sh == shard))
                            .map(|(_, _, t)| t)
                            .collect();
                        if let Some(t) = mine.get(*pick as usize % mine.len().max(1)) {
                            v["StartingSequenceNumber"] = json!(t);
                        }
                    }
                    Start::Garbage(n) => v["StartingSequenceNumber"] = json!(format!("4{n:055}")),
                    Start::Time { ms, future } => {
                        let now = self.engine.now().millis();
                        let t = if *future { now + ms } else { now.saturating_sub(*ms) };
                        v["Timestamp"] = json!(t as f64 / 1000.0);
                    }
                }
                call("GetShardIterator", v)
            }
            Op::Read { pick, limit, .. } => {
                // One of the four most recent iterators (older ones have usually expired).
                let n = self.iterators.len();
                let it = n
                    .checked_sub(1 + usize::from(*pick % 4).min(n.saturating_sub(1)))
                    .and_then(|i| self.iterators.get(i))
                    .cloned();
                let mut v = json!({"ShardIterator": it.unwrap_or_else(|| "AAAA".into())});
                if let Some(l) = limit {
                    v["Limit"] = json!(l);
                }
                call("GetRecords", v)
            }
            Op::Split { stream, shard, open_only, key } => {
                let name = stream_name(*stream);
                let open = self.open_shards(&name);
                let (id, range) = match (open_only, open.get(usize::from(*shard) % open.len().max(1))) {
                    (true, Some(&(id, r))) => (id, Some(r)),
                    _ => {
                        let id = u32::from(*shard % 16);
                        (
                            id,
                            self.engine.stream(&name).and_then(|s| s.shards.get(id as usize)).map(|s| s.hash_key_range),
                        )
                    }
                };
                let r = range.unwrap_or(HashKeyRange::ALL);
                let k = match key {
                    SplitKey::Mid => r.midpoint().to_string(),
                    SplitKey::StartPlus(n) => r.starting_hash_key.saturating_add(u128::from(*n)).to_string(),
                    SplitKey::EndMinus(n) => r.ending_hash_key.saturating_sub(u128::from(*n)).to_string(),
                    SplitKey::Random(v) => v.to_string(),
                    SplitKey::TooBig => "340282366920938463463374607431768211456".to_string(),
                };
                call(
                    "SplitShard",
                    json!({"StreamName": name, "ShardToSplit": format!("shardId-{id:012}"), "NewStartingHashKey": k}),
                )
            }
            Op::Merge { stream, shard, adjacent, other } => {
                let name = stream_name(*stream);
                let open = self.open_shards(&name);
                let (a, b) = if *adjacent && open.len() >= 2 {
                    let i = usize::from(*shard) % (open.len() - 1);
                    (open[i].0, open[i + 1].0)
                } else {
                    (u32::from(*shard % 14), u32::from(*other))
                };
                call(
                    "MergeShards",
                    json!({"StreamName": name, "ShardToMerge": format!("shardId-{a:012}"), "AdjacentShardToMerge": format!("shardId-{b:012}")}),
                )
            }
            Op::Scale { stream, target } => call(
                "UpdateShardCount",
                json!({"StreamName": stream_name(*stream), "TargetShardCount": target, "ScalingType": "UNIFORM_SCALING"}),
            ),
            Op::Retention { stream, increase, hours } => call(
                if *increase { "IncreaseStreamRetentionPeriod" } else { "DecreaseStreamRetentionPeriod" },
                json!({"StreamName": stream_name(*stream), "RetentionPeriodHours": hours}),
            ),
            Op::Mode { stream, on_demand } => call(
                "UpdateStreamMode",
                json!({
                    "StreamARN": format!("arn:aws:kinesis:us-east-1:000000000000:stream/{}", stream_name(*stream)),
                    "StreamModeDetails": {"StreamMode": if *on_demand { "ON_DEMAND" } else { "PROVISIONED" }},
                }),
            ),
            Op::Encryption { stream, start } => call(
                if *start { "StartStreamEncryption" } else { "StopStreamEncryption" },
                json!({"StreamName": stream_name(*stream), "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
            ),
            Op::Advance { .. } => None,
            Op::Garbage { op, body } => call(OPERATIONS[*op % OPERATIONS.len()], body.clone()),
        }
    }

    fn step(&mut self, op: &Op) -> Check {
        let mut acks = 0usize;
        if let Op::Advance { ms } = op {
            self.engine.advance_by(*ms);
        } else if let Some((name, req)) = self.request(op) {
            let calls = match op {
                Op::Burst { calls, .. } | Op::Read { calls, .. } => *calls,
                _ => 1,
            };
            for _ in 0..calls.max(1) {
                acks += self.call_once(&name, &req)?;
            }
        }
        let mut accepted_events = 0usize;
        for event in self.engine.drain_events() {
            let kind = match &event {
                Event::ShardCreated { parent: Some(_), .. } => Some("event ShardCreated by reshard"),
                Event::ShardExpired { .. } => Some("event ShardExpired"),
                Event::RecordsExpired { .. } => Some("event RecordsExpired"),
                Event::WriteThrottled { .. } => Some("event WriteThrottled"),
                Event::ReadThrottled { .. } => Some("event ReadThrottled"),
                Event::RecordsRead { .. } => Some("event RecordsRead"),
                Event::RetentionChanged { .. } => Some("event RetentionChanged"),
                Event::StreamDeleted { .. } => Some("event StreamDeleted"),
                _ => None,
            };
            if let Some(k) = kind {
                *self.stats.entry(k.to_string()).or_default() += 1;
            }
            if let Event::RecordAccepted { at, stream, shard, bytes, .. } = event {
                accepted_events += 1;
                self.accepted.entry((stream, shard.0)).or_default().push((at.0, bytes));
            }
        }
        if accepted_events != acks {
            return Err(format!("{accepted_events} RecordAccepted events for {acks} acknowledgements"));
        }
        if self.check {
            self.check_state()?;
        }
        Ok(())
    }

    /// One AWS call; returns how many records it acknowledged.
    fn call_once(&mut self, name: &str, req: &Value) -> Result<usize, String> {
        let before = if self.check && name == "GetRecords" { self.read_snapshot(req) } else { None };
        let result = self.engine.call(name, req);
        let label = match &result {
            Ok(_) => format!("{name} ok"),
            Err(e) => format!("{name} {}", e.error_type.as_str()),
        };
        *self.stats.entry(label).or_default() += 1;
        let acks = match &result {
            Ok(resp) => self.observe(name, req, resp, before)?,
            Err(_) => 0,
        };
        self.responses.push(result.map_err(|e| e.to_json()));
        Ok(acks)
    }

    /// For GetRecords: the stored sequence numbers of the iterator's shard before the call.
    fn read_snapshot(&self, req: &Value) -> Option<(IteratorPosition, Vec<SequenceNumber>)> {
        let pos = IteratorPosition::decode(req["ShardIterator"].as_str()?)?;
        let stream = self.engine.stream(&pos.stream_name).filter(|s| s.key == pos.stream)?;
        let shard = stream.shards.get(pos.shard.0 as usize)?;
        let seqs = shard.records.iter().map(|r| shard.sequence_number_of(&r)).collect();
        Some((pos, seqs))
    }

    /// Updates the model from a successful response; returns the number of acknowledgements.
    fn observe(
        &mut self,
        op: &str,
        req: &Value,
        resp: &Value,
        before: Option<(IteratorPosition, Vec<SequenceNumber>)>,
    ) -> Result<usize, String> {
        let now = self.engine.now().millis();
        match op {
            "PutRecord" | "PutRecords" => {
                let name = req["StreamName"].as_str().unwrap_or_default().to_string();
                let key = self.engine.stream(&name).map(|s| s.key).ok_or("acknowledged write to a missing stream")?;
                let pairs: Vec<(&Value, &Value)> = if op == "PutRecord" {
                    vec![(resp, req)]
                } else {
                    let results = resp["Records"].as_array().ok_or("PutRecords without Records")?;
                    let entries = req["Records"].as_array().ok_or("PutRecords request without Records")?;
                    if results.len() != entries.len() {
                        return Err(format!("{} results for {} entries", results.len(), entries.len()));
                    }
                    let failed = results.iter().filter(|r| r.get("ErrorCode").is_some()).count() as u64;
                    if resp["FailedRecordCount"].as_u64() != Some(failed) {
                        return Err(format!(
                            "FailedRecordCount {} but {failed} failed entries",
                            resp["FailedRecordCount"]
                        ));
                    }
                    results.iter().zip(entries).collect()
                };
                let mut acks = 0;
                for (result, entry) in pairs {
                    let Some(seq_text) = result.get("SequenceNumber").and_then(Value::as_str) else {
                        if result.get("ErrorCode").and_then(Value::as_str)
                            != Some("ProvisionedThroughputExceededException")
                        {
                            return Err(format!("unexpected entry {result}"));
                        }
                        continue;
                    };
                    let shard = shard_index(result["ShardId"].as_str().unwrap_or_default())?;
                    let seq = seq_of(seq_text)?;
                    if seq.shard_index != shard {
                        return Err(format!("{seq_text} encodes shard {} but went to {shard}", seq.shard_index));
                    }
                    if let Some(prev) = self.last_seq.get(&(key, shard)) {
                        if seq <= *prev {
                            return Err(format!("shard {shard}: new sequence number {seq:?} not above {prev:?}"));
                        }
                    }
                    self.last_seq.insert((key, shard), seq);
                    let data =
                        STANDARD.decode(entry["Data"].as_str().unwrap_or_default()).map_err(|e| e.to_string())?;
                    self.alive.insert((key, shard, seq.seq_ix), Acked { arrival_ms: now, data, seq });
                    self.acked_texts.push((name.clone(), shard, seq_text.to_string()));
                    acks += 1;
                }
                Ok(acks)
            }
            "GetShardIterator" => {
                if let Some(it) = resp["ShardIterator"].as_str() {
                    self.iterators.push(it.to_string());
                }
                Ok(0)
            }
            "GetRecords" => {
                if let Some(it) = resp.get("NextShardIterator").and_then(Value::as_str) {
                    self.iterators.push(it.to_string());
                }
                if let Some((pos, stored)) = before {
                    let got: Vec<SequenceNumber> = resp["Records"]
                        .as_array()
                        .ok_or("GetRecords without Records")?
                        .iter()
                        .map(|r| seq_of(r["SequenceNumber"].as_str().unwrap_or_default()))
                        .collect::<Result<_, _>>()?;
                    let from = stored.partition_point(|s| s.seq_ix < pos.min_seq_ix);
                    if got.len() > stored.len() - from || got[..] != stored[from..from + got.len()] {
                        return Err(format!(
                            "GetRecords at seqIx >= {} returned {:?}, stored from there: {:?}",
                            pos.min_seq_ix,
                            got.iter().map(|s| s.seq_ix).collect::<Vec<_>>(),
                            stored[from..].iter().map(|s| s.seq_ix).collect::<Vec<_>>()
                        ));
                    }
                }
                Ok(0)
            }
            _ => Ok(0),
        }
    }

    /// Invariants on the engine state against the model.
    fn check_state(&mut self) -> Check {
        let now = self.engine.now().millis();
        // Expire the model: a record is gone once arrival < now - retention (B9); once gone, it
        // never comes back, even if retention grows later.
        let live_keys: BTreeMap<StreamKey, u64> =
            self.engine.streams().values().map(|s| (s.key, s.retention_ms())).collect();
        self.alive.retain(|(stream, _, _), a| {
            live_keys.get(stream).is_some_and(|retention| a.arrival_ms >= now.saturating_sub(*retention))
        });
        for s in self.engine.streams().values() {
            // Open shards tile the hash space.
            let mut open: Vec<HashKeyRange> =
                s.shards.iter().filter(|sh| sh.is_open()).map(|sh| sh.hash_key_range).collect();
            open.sort();
            if open.first().map(|r| r.starting_hash_key) != Some(0)
                || open.last().map(|r| r.ending_hash_key) != Some(MAX_HASH_KEY)
                || open.windows(2).any(|w| w[0].ending_hash_key.checked_add(1) != Some(w[1].starting_hash_key))
                || open.iter().any(|r| r.starting_hash_key > r.ending_hash_key)
            {
                return Err(format!("stream {}: open shards do not tile the hash space: {open:?}", s.name));
            }
            let cutoff = now.saturating_sub(s.retention_ms());
            for sh in &s.shards {
                let start = sh.starting_sequence_number();
                let end = sh.ending_sequence_number();
                let mut prev: Option<SequenceNumber> = None;
                for r in sh.records.iter() {
                    let seq = sh.sequence_number_of(&r);
                    let q = &seq;
                    if prev.is_some_and(|p| p >= *q || p.seq_ix >= q.seq_ix) {
                        return Err(format!(
                            "{} {}: sequence numbers not increasing: {prev:?} then {q:?}",
                            s.name, sh.id
                        ));
                    }
                    // `< start` rather than `<= start`: a record can equal the StartingSequenceNumber
                    // (engine bug, see tests/engine/sequence.rs
                    // `first_record_in_a_child_shard_sorts_above_its_starting_sequence_number`).
                    if *q < start || end.is_some_and(|e| *q >= e) {
                        return Err(format!("{} {}: {q:?} outside [{start:?}, {end:?}]", s.name, sh.id));
                    }
                    if q.shard_index != sh.id.0 {
                        return Err(format!("{} {}: record numbered for shard {}", s.name, sh.id, q.shard_index));
                    }
                    if !sh.hash_key_range.contains(r.hash_key(self.engine.record_sources())) {
                        return Err(format!(
                            "{} {}: hash key {} outside {:?}",
                            s.name,
                            sh.id,
                            r.hash_key(self.engine.record_sources()),
                            sh.hash_key_range
                        ));
                    }
                    if r.arrival.millis() < cutoff {
                        return Err(format!(
                            "{} {}: record of {} kept past retention at {now}",
                            s.name, sh.id, r.arrival
                        ));
                    }
                    prev = Some(seq);
                }
                let stored: Vec<(u64, u64, Vec<u8>)> = sh
                    .records
                    .iter()
                    .map(|r| (r.seq_ix, r.arrival.millis(), r.materialize(self.engine.record_sources()).data))
                    .collect();
                let expected: Vec<(u64, u64, Vec<u8>)> = self
                    .alive
                    .range((s.key, sh.id.0, 0)..=(s.key, sh.id.0, u64::MAX))
                    .map(|((_, _, ix), a)| (*ix, a.arrival_ms, a.data.clone()))
                    .collect();
                if stored != expected {
                    let ixs = |v: &[(u64, u64, Vec<u8>)]| v.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>();
                    return Err(format!(
                        "{} {} at {now}: stored records {:?} != acknowledged, unexpired {:?}",
                        s.name,
                        sh.id,
                        ixs(&stored),
                        ixs(&expected)
                    ));
                }
            }
        }
        Ok(())
    }

    /// End of a case: read every listed shard through the API (clone, limits off) and compare
    /// with the model; check the write limits against the accepted events.
    fn final_checks(&self) -> Check {
        let mut e = self.engine.clone();
        e.set_limits_enabled(false);
        for s in self.engine.streams().values() {
            // A stream deleted while CREATING lists no shards and has none to read (AWS).
            if !s.was_active
                || !matches!(s.status, StreamStatus::Active | StreamStatus::Updating | StreamStatus::Deleting)
            {
                continue;
            }
            for sh in s.listed_shards() {
                let req =
                    json!({"StreamName": s.name, "ShardId": sh.id.to_string(), "ShardIteratorType": "TRIM_HORIZON"});
                let mut it = e.call("GetShardIterator", &req).map_err(|x| format!("GetShardIterator {req}: {x}"))?
                    ["ShardIterator"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                let mut got: Vec<(u64, Vec<u8>)> = Vec::new();
                for _ in 0..10_000 {
                    let r =
                        e.call("GetRecords", &json!({"ShardIterator": it})).map_err(|x| format!("GetRecords: {x}"))?;
                    let records = r["Records"].as_array().cloned().unwrap_or_default();
                    for rec in &records {
                        let seq = seq_of(rec["SequenceNumber"].as_str().unwrap_or_default())?;
                        let data =
                            STANDARD.decode(rec["Data"].as_str().unwrap_or_default()).map_err(|x| x.to_string())?;
                        got.push((seq.seq_ix, data));
                    }
                    match r.get("NextShardIterator").and_then(Value::as_str) {
                        Some(next) if !records.is_empty() || !sh.is_open() => it = next.to_string(),
                        Some(_) => break,
                        None => {
                            if sh.is_open() {
                                return Err(format!("{} {}: open shard without NextShardIterator", s.name, sh.id));
                            }
                            if r.get("ChildShards").and_then(Value::as_array).is_none() {
                                return Err(format!("{} {}: shard end without ChildShards", s.name, sh.id));
                            }
                            break;
                        }
                    }
                }
                let expected: Vec<(u64, Vec<u8>)> = self
                    .alive
                    .range((s.key, sh.id.0, 0)..=(s.key, sh.id.0, u64::MAX))
                    .map(|((_, _, ix), a)| (*ix, a.data.clone()))
                    .collect();
                if got != expected {
                    return Err(format!(
                        "{} {}: TRIM_HORIZON read {:?}, acknowledged and unexpired {:?}",
                        s.name,
                        sh.id,
                        got.iter().map(|x| x.0).collect::<Vec<_>>(),
                        expected.iter().map(|x| x.0).collect::<Vec<_>>()
                    ));
                }
            }
        }
        if self.engine.limits_enabled() {
            for ((stream, shard), list) in &self.accepted {
                check_write_bounds(list).map_err(|m| format!("stream {stream} shard {shard}: {m}"))?;
            }
        }
        Ok(())
    }
}

/// Token-bucket bounds on one shard's accepted writes, `list` in time order: for every window
/// `[t_i, t_j]`, records ≤ 1000 + (t_j − t_i) and 1000 × bytes ≤ 1000 × MiB + (t_j − t_i) × MiB.
fn check_write_bounds(list: &[(u64, u64)]) -> Check {
    const MIB: i128 = 1024 * 1024;
    // records: (j - t_j) - (i - t_i) <= 999 for i <= j.
    // bytes:   (1000 B_j - t_j MiB) - (1000 B_{i-1} - t_i MiB) <= 1000 MiB, B = prefix sums.
    let mut min_rec = i128::MAX;
    let mut min_bytes = i128::MAX;
    let mut prefix: i128 = 0;
    for (j, &(t, bytes)) in list.iter().enumerate() {
        if j > 0 && t < list[j - 1].0 {
            return Err(format!("accepted events out of time order at {t}"));
        }
        let (j, t) = (j as i128, i128::from(t));
        min_rec = min_rec.min(j - t);
        min_bytes = min_bytes.min(1000 * prefix - t * MIB);
        prefix += i128::from(bytes);
        if (j - t) - min_rec > 999 {
            return Err(format!("more than 1000 + window records accepted in a window ending at {t}"));
        }
        if (1000 * prefix - t * MIB) - min_bytes > 1000 * MIB {
            return Err(format!("more than 1 MiB + window bytes accepted in a window ending at {t}"));
        }
    }
    Ok(())
}

/// What one run produced.
struct Outcome {
    responses: Vec<Result<Value, Value>>,
    digest: u64,
    stats: BTreeMap<String, u64>,
}

/// Runs a script (checking the invariants after every step when `check`).
fn run(limits: bool, ops: &[Op], check: bool) -> Result<Outcome, String> {
    let mut r = Runner::new(limits, check);
    for (i, op) in ops.iter().enumerate() {
        r.step(op).map_err(|m| format!("after op {i} ({op:?}) at {}: {m}", r.engine.now()))?;
    }
    if check {
        r.final_checks()?;
    }
    Ok(Outcome { responses: r.responses, digest: r.engine.digest(), stats: r.stats })
}

/// The whole property: invariants hold, and a replay gives the same responses and digest.
/// Returns what the script exercised.
fn property(limits: bool, ops: &[Op]) -> Result<BTreeMap<String, u64>, String> {
    let first = run(limits, ops, true)?;
    let second = run(limits, ops, false)?;
    if first.responses != second.responses {
        let i = first.responses.iter().zip(&second.responses).position(|(a, b)| a != b).unwrap_or(0);
        return Err(format!("replay differs at response {i}"));
    }
    if first.digest != second.digest {
        return Err(format!("replay digest {:#x} != {:#x}", second.digest, first.digest));
    }
    Ok(first.stats)
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), max_shrink_iters: 2_000, ..ProptestConfig::default() })]

    /// Random scripts keep every invariant (see the module docs). On failure, proptest prints
    /// the minimal script and saves its seed under `proptest-regressions/` for the next run.
    #[test]
    fn random_operation_sequences_keep_the_invariants((limits, ops) in script_strategy()) {
        let outcome = property(limits, &ops);
        prop_assert!(outcome.is_ok(), "{} (limits {})", outcome.err().unwrap_or_default(), if limits { "on" } else { "off" });
    }
}

/// A fixed seed sweep (turmoil-style): the failing seed is named in the message, so
/// `seed_sweep` failures reproduce with no saved state.
#[test]
fn seed_sweep() {
    let mut total: BTreeMap<String, u64> = BTreeMap::new();
    for seed in 0u64..12 {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        let mut runner =
            TestRunner::new_with_rng(ProptestConfig::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
        let (limits, ops) = match script_strategy().new_tree(&mut runner) {
            Ok(tree) => tree.current(),
            Err(e) => panic!("seed {seed}: cannot generate a script: {e}"),
        };
        let outcome = std::panic::catch_unwind(|| property(limits, &ops));
        match outcome {
            Ok(Ok(stats)) => {
                for (k, v) in stats {
                    *total.entry(k).or_default() += v;
                }
            }
            Ok(Err(m)) => panic!("seed {seed} (limits {limits}): {m}\nscript: {ops:?}"),
            Err(_) => panic!("seed {seed} (limits {limits}): the engine panicked\nscript: {ops:?}"),
        }
    }
    // The sweep must exercise what the invariants are about (else they hold vacuously).
    for needed in [
        "PutRecord ok",
        "PutRecords ok",
        "PutRecords InvalidArgumentException",
        "GetShardIterator ok",
        "GetRecords ok",
        "GetRecords ExpiredIteratorException",
        "SplitShard ok",
        "MergeShards ok",
        "UpdateShardCount ok",
        "DecreaseStreamRetentionPeriod ok",
        "DeleteStream ok",
        "event WriteThrottled",
        "event ReadThrottled",
        "event RecordsExpired",
        "event ShardExpired",
        "UpdateStreamMode ok",
        "StartStreamEncryption ok",
    ] {
        assert!(total.get(needed).is_some_and(|n| *n > 0), "the seed sweep never produced {needed:?}: {total:?}");
    }
    if std::env::var_os("PROPS_STATS").is_some() {
        for (k, v) in &total {
            eprintln!("{v:>8}  {k}");
        }
    }
}

/// The write-limit checker itself: it accepts a full bucket plus refill and refuses more.
#[test]
fn write_bound_checker_matches_the_token_bucket() {
    let mut list: Vec<(u64, u64)> = vec![(0, 10); 1000];
    list.extend(vec![(999, 10); 999]);
    assert!(check_write_bounds(&list).is_ok());
    list.push((999, 10));
    assert!(check_write_bounds(&list).is_err());
    assert!(check_write_bounds(&[(5, 1024 * 1024)]).is_ok());
    assert!(check_write_bounds(&[(5, 1024 * 1024), (5, 1)]).is_err());
    assert!(check_write_bounds(&[(5, 1024 * 1024), (6, 1048)]).is_ok());
    assert!(check_write_bounds(&[(5, 1024 * 1024), (6, 1049)]).is_err());
}
