//! Shared helpers: an engine at the default start, ACTIVE streams, and JSON calls that fail the
//! test with the AWS error when they do not go the expected way.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use kinesis_playground::engine::error::ApiError;
use kinesis_playground::engine::state::hashing::HashKeyRange;
use kinesis_playground::engine::state::sequence::{parse_sequence, ParsedSequence, SequenceNumber};
use kinesis_playground::engine::time::SimTime;
use kinesis_playground::engine::{Engine, EngineConfig, ErrorType};
use serde_json::{json, Value};

/// The account every message names with the default config.
pub const ACCOUNT: &str = "000000000000";
/// `2^128 − 1`.
pub const MAX_HASH: u128 = u128::MAX;
/// The default start of the simulated world (2025-01-01T00:00:00Z), ms.
pub const START_MS: u64 = 1_735_689_600_000;
/// One hour, ms.
pub const HOUR: u64 = 3_600_000;

/// A fresh engine with the default config (limits on, 5 s CREATING, 3 s UPDATING/DELETING).
pub fn engine() -> Engine {
    Engine::new(EngineConfig::default())
}

/// An engine with throughput limits off.
pub fn engine_no_limits() -> Engine {
    Engine::new(EngineConfig { limits_enabled: false, ..EngineConfig::default() })
}

/// Calls `op`; panics with the AWS error if it fails.
pub fn ok(e: &mut Engine, op: &str, request: Value) -> Value {
    match e.call(op, &request) {
        Ok(v) => v,
        Err(err) => panic!("{op} {request} failed at {}: {err}", e.now()),
    }
}

/// Calls `op`; panics if it succeeds, else returns the error.
pub fn err(e: &mut Engine, op: &str, request: Value) -> ApiError {
    match e.call(op, &request) {
        Ok(v) => panic!("{op} {request} succeeded with {v}, expected an error"),
        Err(err) => err,
    }
}

/// Asserts an error's type and exact message.
#[track_caller]
pub fn assert_error(error: &ApiError, ty: ErrorType, message: &str) {
    assert_eq!(error.error_type, ty, "error type of {error}");
    assert_eq!(error.message_text(), message, "message of {error}");
}

/// Calls `op` and asserts it fails with `ty` and exactly `message`.
#[track_caller]
pub fn expect_error(e: &mut Engine, op: &str, request: Value, ty: ErrorType, message: &str) {
    let error = err(e, op, request);
    assert_error(&error, ty, message);
}

/// CreateStream, then `step_until(now + 60 s)`: the stream is ACTIVE.
pub fn create_active(e: &mut Engine, name: &str, shards: u32) {
    ok(e, "CreateStream", json!({"StreamName": name, "ShardCount": shards}));
    let until = e.now().plus(60_000);
    e.step_until(until);
    assert_eq!(status(e, name), "ACTIVE");
}

/// An engine holding one ACTIVE stream `s` with `shards` shards, at start + 60 s.
pub fn with_stream(shards: u32) -> Engine {
    let mut e = engine();
    create_active(&mut e, "s", shards);
    e
}

/// `StreamStatus` from DescribeStreamSummary.
pub fn status(e: &mut Engine, name: &str) -> String {
    let d = ok(e, "DescribeStreamSummary", json!({"StreamName": name}));
    str_at(&d, "/StreamDescriptionSummary/StreamStatus")
}

/// A string field by JSON pointer (panics if missing).
#[track_caller]
pub fn str_at(v: &Value, pointer: &str) -> String {
    match v.pointer(pointer).and_then(Value::as_str) {
        Some(s) => s.to_string(),
        None => panic!("no string at {pointer} in {v}"),
    }
}

/// A u64 field by JSON pointer (panics if missing).
#[track_caller]
pub fn u64_at(v: &Value, pointer: &str) -> u64 {
    match v.pointer(pointer).and_then(Value::as_u64) {
        Some(n) => n,
        None => panic!("no integer at {pointer} in {v}"),
    }
}

/// An array field by JSON pointer (panics if missing).
#[track_caller]
pub fn arr_at(v: &Value, pointer: &str) -> Vec<Value> {
    match v.pointer(pointer).and_then(Value::as_array) {
        Some(a) => a.clone(),
        None => panic!("no array at {pointer} in {v}"),
    }
}

/// Base64 of `bytes`.
pub fn b64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Bytes of a base64 string.
pub fn unb64(text: &str) -> Vec<u8> {
    match STANDARD.decode(text) {
        Ok(b) => b,
        Err(e) => panic!("bad base64 {text}: {e}"),
    }
}

/// PutRecord of `data` with `key`; returns `(ShardId, SequenceNumber)`.
pub fn put(e: &mut Engine, stream: &str, key: &str, data: &[u8]) -> (String, String) {
    let r = ok(e, "PutRecord", json!({"StreamName": stream, "PartitionKey": key, "Data": b64(data)}));
    (str_at(&r, "/ShardId"), str_at(&r, "/SequenceNumber"))
}

/// PutRecord routed by an ExplicitHashKey; returns `(ShardId, SequenceNumber)`.
pub fn put_hash(e: &mut Engine, stream: &str, hash: u128, data: &[u8]) -> (String, String) {
    let r = ok(
        e,
        "PutRecord",
        json!({"StreamName": stream, "PartitionKey": "k", "ExplicitHashKey": hash.to_string(), "Data": b64(data)}),
    );
    (str_at(&r, "/ShardId"), str_at(&r, "/SequenceNumber"))
}

/// Every listed shard, via ListShards without paging.
pub fn list_shards(e: &mut Engine, stream: &str) -> Vec<Value> {
    let r = ok(e, "ListShards", json!({"StreamName": stream}));
    arr_at(&r, "/Shards")
}

/// Every listed shard, via DescribeStream.
pub fn describe_shards(e: &mut Engine, stream: &str) -> Vec<Value> {
    let r = ok(e, "DescribeStream", json!({"StreamName": stream}));
    arr_at(&r, "/StreamDescription/Shards")
}

/// Shard ids of a list of `Shard` shapes.
pub fn ids(shards: &[Value]) -> Vec<String> {
    shards.iter().map(|s| str_at(s, "/ShardId")).collect()
}

/// The hash-key range of a `Shard` / `ChildShard` shape.
pub fn range_of(shard: &Value) -> HashKeyRange {
    let start = str_at(shard, "/HashKeyRange/StartingHashKey");
    let end = str_at(shard, "/HashKeyRange/EndingHashKey");
    HashKeyRange { starting_hash_key: dec(&start), ending_hash_key: dec(&end) }
}

/// A decimal `u128` (panics otherwise).
#[track_caller]
pub fn dec(text: &str) -> u128 {
    match text.parse() {
        Ok(v) => v,
        Err(e) => panic!("not a u128: {text}: {e}"),
    }
}

/// True when the shape has no `EndingSequenceNumber`.
pub fn is_open(shard: &Value) -> bool {
    shard.pointer("/SequenceNumberRange/EndingSequenceNumber").is_none()
}

/// Hash ranges of the open shards of a stream (via ListShards), sorted by start.
pub fn open_ranges(e: &mut Engine, stream: &str) -> Vec<HashKeyRange> {
    let mut r: Vec<HashKeyRange> = list_shards(e, stream).iter().filter(|s| is_open(s)).map(range_of).collect();
    r.sort();
    r
}

/// Asserts the ranges (sorted) tile `[0, 2^128 − 1]` with no gap or overlap.
#[track_caller]
pub fn assert_tiles(ranges: &[HashKeyRange]) {
    assert!(!ranges.is_empty(), "no ranges");
    assert_eq!(ranges[0].starting_hash_key, 0, "first range starts at 0: {ranges:?}");
    for w in ranges.windows(2) {
        assert!(w[0].starting_hash_key <= w[0].ending_hash_key, "empty range {:?}", w[0]);
        assert_eq!(w[0].ending_hash_key.checked_add(1), Some(w[1].starting_hash_key), "gap/overlap in {ranges:?}");
    }
    assert_eq!(ranges[ranges.len() - 1].ending_hash_key, MAX_HASH, "last range ends at 2^128-1: {ranges:?}");
}

/// GetShardIterator; returns the iterator.
pub fn iterator(e: &mut Engine, stream: &str, shard: &str, kind: &str, seq: Option<&str>) -> String {
    let mut req = json!({"StreamName": stream, "ShardId": shard, "ShardIteratorType": kind});
    if let Some(s) = seq {
        req["StartingSequenceNumber"] = json!(s);
    }
    let r = ok(e, "GetShardIterator", req);
    str_at(&r, "/ShardIterator")
}

/// GetRecords (optionally with a Limit).
pub fn get_records(e: &mut Engine, it: &str, limit: Option<u32>) -> Value {
    let mut req = json!({"ShardIterator": it});
    if let Some(l) = limit {
        req["Limit"] = json!(l);
    }
    ok(e, "GetRecords", req)
}

/// Data of the records of a GetRecords response, as UTF-8 strings.
pub fn datas(resp: &Value) -> Vec<String> {
    arr_at(resp, "/Records").iter().map(|r| String::from_utf8_lossy(&unb64(&str_at(r, "/Data"))).into_owned()).collect()
}

/// Sequence numbers of the records of a GetRecords response.
pub fn seqs(resp: &Value) -> Vec<String> {
    arr_at(resp, "/Records").iter().map(|r| str_at(r, "/SequenceNumber")).collect()
}

/// Decodes a version-2 sequence number (panics on anything else).
#[track_caller]
pub fn v2(text: &str) -> SequenceNumber {
    match parse_sequence(text) {
        Ok(ParsedSequence::V2 { seq, .. }) => seq,
        other => panic!("{text} is not a v2 sequence number: {other:?}"),
    }
}

/// `SimTime` at `ms` after the default start.
pub fn at(ms: u64) -> SimTime {
    SimTime(START_MS + ms)
}
