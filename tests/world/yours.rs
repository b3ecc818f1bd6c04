//! Records a person puts through `World::call` (the console, a view's button) are remembered as
//! theirs, as `(shard, position)` in the stream they went to, so the views can mark the very
//! record; the producers' records never are.

use kinesis_playground::engine::state::shard::ShardId;
use kinesis_playground::engine::time::SECOND_MS;
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::World;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The tutorial's record: `--partition-key 123 --data dGVzdGRhdGE=` ("testdata").
const DATA: &str = "dGVzdGRhdGE=";

fn world(seed: u64) -> World {
    let mut w = World::new(Preset::ActivityLogs.scenario(seed)).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    w.advance_by(2 * SECOND_MS);
    w
}

fn call(w: &mut World, op: &str, request: Value) -> Value {
    w.call(op, &request).unwrap_or_else(|e| panic!("{op}: {e}"))
}

/// The position of the record of `stream` whose SequenceNumber is `seq`, found by reading every
/// retained record (the slow way the world must agree with).
fn position_of(w: &World, stream: &str, shard: &str, seq: &str) -> Option<(ShardId, u64)> {
    let s = w.engine().stream(stream)?;
    let sh = s.shard(ShardId::resolve(shard)?)?;
    let first = sh.records.first_index();
    sh.records
        .iter()
        .enumerate()
        .find(|(_, r)| sh.sequence_number_of(r).to_string() == seq)
        .map(|(i, _)| (sh.id, first + i as u64))
}

fn answer_of(v: &Value) -> (String, String) {
    let field = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("no {k} in {v}")).to_string();
    (field("ShardId"), field("SequenceNumber"))
}

#[test]
fn a_put_record_to_the_scenario_s_stream_is_yours_at_its_position_among_the_producers_records() {
    let mut w = world(1);
    let stream = w.stream_name().to_string();
    let before = w.engine().stream(&stream).map_or(0, |s| s.shards.iter().map(|sh| sh.records.end_index()).sum());
    assert!(before > 0, "the producers wrote already");
    let answer = call(&mut w, "PutRecord", json!({"StreamName": stream, "PartitionKey": "123", "Data": DATA}));
    let (shard, seq) = answer_of(&answer);
    let at = position_of(&w, &stream, &shard, &seq).unwrap_or_else(|| panic!("{seq} not stored"));
    // It was just appended: the newest record of its shard.
    let end = w.engine().stream(&stream).and_then(|s| s.shard(at.0)).map(|sh| sh.records.end_index());
    assert_eq!(Some(at.1 + 1), end);
    assert_eq!(w.yours(&stream), &BTreeSet::from([at]));
    // The producers keep writing around it; it stays yours, alone, at the same position.
    w.advance_by(5 * SECOND_MS);
    assert_eq!(w.yours(&stream), &BTreeSet::from([at]));
    assert!(w.is_yours(&stream, at.0, at.1));
    assert!(!w.is_yours(&stream, at.0, at.1 + 1), "the producers' next record is not yours");
    assert_eq!(position_of(&w, &stream, &shard, &seq), Some(at));
    // Reads and failed calls remember nothing.
    let _ = w.call("PutRecord", &json!({"StreamName": "nope", "PartitionKey": "1", "Data": DATA}));
    let _ = call(&mut w, "DescribeStream", json!({"StreamName": stream}));
    assert_eq!(w.yours(&stream).len(), 1);
    assert!(w.yours("nope").is_empty());
}

#[test]
fn put_records_remembers_every_accepted_entry() {
    let mut w = world(2);
    let stream = w.stream_name().to_string();
    let records: Vec<Value> = (0..5).map(|i| json!({"PartitionKey": format!("k{i}"), "Data": DATA})).collect();
    let answer = call(&mut w, "PutRecords", json!({"StreamName": stream, "Records": records}));
    assert_eq!(answer["FailedRecordCount"], json!(0));
    let expected: BTreeSet<(ShardId, u64)> = answer["Records"]
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"))
        .iter()
        .map(|r| {
            let (shard, seq) = answer_of(r);
            position_of(&w, &stream, &shard, &seq).unwrap_or_else(|| panic!("{seq}"))
        })
        .collect();
    assert_eq!(expected.len(), 5);
    assert_eq!(w.yours(&stream), &expected);
}

#[test]
fn a_stream_created_in_the_console_keeps_its_own_records_and_a_new_one_starts_empty() {
    let mut w = world(3);
    let scenario = w.stream_name().to_string();
    call(&mut w, "CreateStream", json!({"StreamName": "Foo", "ShardCount": 1}));
    w.advance_by(10 * SECOND_MS);
    let a = call(&mut w, "PutRecord", json!({"StreamName": "Foo", "PartitionKey": "123", "Data": DATA}));
    assert_eq!(answer_of(&a).0, "shardId-000000000000");
    let b = call(
        &mut w,
        "PutRecords",
        json!({"StreamName": "Foo", "Records": [{"PartitionKey": "a", "Data": DATA}, {"PartitionKey": "b", "Data": DATA}]}),
    );
    assert_eq!(b["FailedRecordCount"], json!(0));
    let mine: BTreeSet<(ShardId, u64)> = (0..3).map(|p| (ShardId(0), p)).collect();
    assert_eq!(w.yours("Foo"), &mine, "nobody else writes to Foo: positions 0, 1, 2");
    assert!(w.yours(&scenario).is_empty(), "none in the scenario's stream");
    // Deleted: nothing of yours there; created again under the same name: a new stream.
    call(&mut w, "DeleteStream", json!({"StreamName": "Foo"}));
    w.advance_by(10 * SECOND_MS);
    assert!(w.yours("Foo").is_empty());
    call(&mut w, "CreateStream", json!({"StreamName": "Foo", "ShardCount": 1}));
    w.advance_by(10 * SECOND_MS);
    assert!(w.yours("Foo").is_empty(), "the old stream's positions do not carry over");
    call(&mut w, "PutRecord", json!({"StreamName": "Foo", "PartitionKey": "123", "Data": DATA}));
    assert_eq!(w.yours("Foo"), &BTreeSet::from([(ShardId(0), 0)]));
}

#[test]
fn the_same_calls_at_the_same_times_give_the_same_records_of_yours_and_digest() {
    let session = |seed: u64| {
        let mut w = world(seed);
        let stream = w.stream_name().to_string();
        call(&mut w, "CreateStream", json!({"StreamName": "Foo", "ShardCount": 2}));
        w.advance_by(10 * SECOND_MS);
        for i in 0..20 {
            let target = if i % 2 == 0 { stream.as_str() } else { "Foo" };
            call(&mut w, "PutRecord", json!({"StreamName": target, "PartitionKey": format!("k{i}"), "Data": DATA}));
            w.advance_by(137);
        }
        let entries: Vec<Value> = (0..7).map(|i| json!({"PartitionKey": format!("b{i}"), "Data": DATA})).collect();
        call(&mut w, "PutRecords", json!({"StreamName": stream, "Records": entries}));
        w.advance_by(SECOND_MS);
        (w.yours(&stream).clone(), w.yours("Foo").clone(), w.digest())
    };
    for seed in 1..=4 {
        let (a, b) = (session(seed), session(seed));
        assert_eq!(a, b, "seed {seed}");
        assert_eq!((a.0.len(), a.1.len()), (17, 10), "seed {seed}");
    }
    assert_ne!(session(1).2, session(2).2);
}
