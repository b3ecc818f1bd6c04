//! Determinism: the same script gives the same responses and digest; a golden digest pins the
//! event encoding so that native and wasm runs can be compared.
//!
//! To regenerate the golden value after an intended change of the event log or its encoding,
//! run `cargo test --release --test engine golden_digest` and copy the `actual` value from the
//! failure message into `GOLDEN_DIGEST` (and say why in the commit message).

use super::helpers::{b64, engine};
use kinesis_playground::engine::{Engine, EngineConfig};
use serde_json::{json, Value};

/// `0x…` value of `engine.digest()` after [`script`] (see the module docs to regenerate).
const GOLDEN_DIGEST: u64 = 0x20b8_abaf_8459_5b3a;

/// A fixed scenario touching every kind of event: create, puts (some throttled), reads,
/// split, merge, retention change and expiry, encryption, delete.
fn script(e: &mut Engine, variant: u8) -> Vec<Result<Value, Value>> {
    let mut out = Vec::new();
    let mut call = |e: &mut Engine, op: &str, req: Value| out.push(e.call(op, &req).map_err(|x| x.to_json()));
    call(e, "CreateStream", json!({"StreamName": "orders", "ShardCount": 3}));
    call(e, "CreateStream", json!({"StreamName": "clicks", "ShardCount": 1}));
    e.advance_by(6_000);
    for i in 0..1_200u32 {
        let key = format!("user-{}", i % (37 + u32::from(variant)));
        call(
            e,
            "PutRecord",
            json!({"StreamName": "clicks", "PartitionKey": key, "Data": b64(format!("click {i}").as_bytes())}),
        );
    }
    let entries: Vec<Value> =
        (0..200).map(|i| json!({"PartitionKey": format!("o{i}"), "Data": b64(&[i as u8; 64])})).collect();
    call(e, "PutRecords", json!({"StreamName": "orders", "Records": entries}));
    let it = e.call(
        "GetShardIterator",
        &json!({"StreamName": "orders", "ShardId": "shardId-000000000001", "ShardIteratorType": "TRIM_HORIZON"}),
    );
    if let Ok(it) = &it {
        call(e, "GetRecords", json!({"ShardIterator": it["ShardIterator"], "Limit": 25}));
    }
    call(
        e,
        "SplitShard",
        json!({"StreamName": "orders", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "12345678901234567890"}),
    );
    e.advance_by(3_000);
    call(
        e,
        "MergeShards",
        json!({"StreamName": "orders", "ShardToMerge": "shardId-000000000001", "AdjacentShardToMerge": "shardId-000000000002"}),
    );
    e.advance_by(3_000);
    call(
        e,
        "UpdateShardCount",
        json!({"StreamName": "clicks", "TargetShardCount": 2, "ScalingType": "UNIFORM_SCALING"}),
    );
    call(
        e,
        "StartStreamEncryption",
        json!({"StreamName": "orders", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
    );
    e.advance_by(10_000);
    call(e, "IncreaseStreamRetentionPeriod", json!({"StreamName": "orders", "RetentionPeriodHours": 30}));
    call(e, "PutRecord", json!({"StreamName": "orders", "PartitionKey": "late", "Data": "bGF0ZQ=="}));
    e.advance_by(25 * 3_600_000);
    call(e, "DecreaseStreamRetentionPeriod", json!({"StreamName": "orders", "RetentionPeriodHours": 24}));
    call(e, "ListShards", json!({"StreamName": "orders"}));
    call(e, "DescribeStream", json!({"StreamName": "clicks"}));
    call(e, "DeleteStream", json!({"StreamName": "clicks"}));
    e.advance_by(3_600_000);
    call(e, "ListStreams", json!({}));
    out
}

fn run(variant: u8) -> (Vec<Result<Value, Value>>, u64, u64) {
    let mut e = engine();
    let responses = script(&mut e, variant);
    (responses, e.digest(), e.events_total())
}

#[test]
fn same_script_twice_gives_identical_responses_and_digest() {
    let (r1, d1, n1) = run(0);
    let (r2, d2, n2) = run(0);
    assert_eq!(r1, r2);
    assert_eq!((d1, n1), (d2, n2));
    assert!(n1 > 1_000, "the script emits many events: {n1}");
    assert!(r1.iter().any(|r| r.is_err()), "the script includes throttled calls");
}

#[test]
fn a_different_script_gives_a_different_digest() {
    let (_, d0, _) = run(0);
    let (_, d1, _) = run(1);
    assert_ne!(d0, d1);
    // Even one extra millisecond of waiting changes it (events carry their time).
    let mut a = engine();
    let mut b = engine();
    for (e, wait) in [(&mut a, 0u64), (&mut b, 1)] {
        e.advance_by(wait);
        let _ = e.call("CreateStream", &json!({"StreamName": "s", "ShardCount": 1}));
    }
    assert_ne!(a.digest(), b.digest());
}

#[test]
fn clones_and_event_buffer_size_do_not_change_the_digest() {
    let mut small = Engine::new(kinesis_playground::engine::EngineConfig { event_capacity: 0, ..Default::default() });
    let r_small = script(&mut small, 0);
    let (r_big, d_big, n_big) = run(0);
    assert_eq!(r_small, r_big);
    assert_eq!(small.digest(), d_big);
    assert_eq!(small.events_total(), n_big);
    assert_eq!(small.events_dropped(), n_big);
}

#[test]
fn golden_digest() {
    let (_, digest, _) = run(0);
    assert_eq!(
        digest, GOLDEN_DIGEST,
        "golden digest changed: actual {digest:#018x}; if the change is intended, set GOLDEN_DIGEST to it (see module docs)"
    );
}

#[test]
fn engine_config_round_trips_through_json_with_start_ms() {
    let config = EngineConfig { limits_enabled: false, shard_limit: 7, ..EngineConfig::default() };
    let json = serde_json::to_value(&config).unwrap_or_else(|e| panic!("serializes: {e}"));
    assert_eq!(json["start_ms"], json!(1_735_689_600_000u64));
    assert_eq!(json["limits_enabled"], json!(false));
    let back: EngineConfig = serde_json::from_value(json).unwrap_or_else(|e| panic!("deserializes: {e}"));
    assert_eq!(back, config);
    let partial: EngineConfig =
        serde_json::from_str(r#"{"shard_limit": 3}"#).unwrap_or_else(|e| panic!("defaults fill the rest: {e}"));
    assert_eq!(partial, EngineConfig { shard_limit: 3, ..EngineConfig::default() });
}
