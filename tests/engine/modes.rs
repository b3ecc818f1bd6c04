//! UpdateStreamMode and on-demand scaling; Start/StopStreamEncryption.

use super::helpers::{
    arr_at, assert_tiles, b64, engine, get_records, iterator, ok, open_ranges, status, u64_at, with_stream, ACCOUNT,
};
use kinesis_playground::engine::state::sequence::LAST_ENCODABLE_TIME;
use kinesis_playground::engine::time::SimTime;
use kinesis_playground::engine::Engine;
use serde_json::{json, Value};

fn summary(e: &mut Engine) -> Value {
    ok(e, "DescribeStreamSummary", json!({"StreamName": "s"}))["StreamDescriptionSummary"].clone()
}

fn to_on_demand(e: &mut Engine) {
    let arn = format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/s");
    ok(e, "UpdateStreamMode", json!({"StreamARN": arn, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
}

/// Writes `per_tick` records of `size` bytes (data) every 100 ms for `ms`, over many keys.
fn write_load(e: &mut Engine, ms: u64, per_tick: usize, size: usize) {
    let data = b64(&vec![1u8; size]);
    let mut n = 0u64;
    for _ in 0..ms / 100 {
        let entries: Vec<Value> = (0..per_tick)
            .map(|_| {
                n += 1;
                json!({"PartitionKey": format!("key-{n}"), "Data": data})
            })
            .collect();
        ok(e, "PutRecords", json!({"StreamName": "s", "Records": entries}));
        e.advance_by(100);
    }
}

#[test]
fn update_stream_mode_to_on_demand_by_arn() {
    let mut e = with_stream(2);
    to_on_demand(&mut e);
    assert_eq!(status(&mut e, "s"), "UPDATING");
    assert_eq!(summary(&mut e)["StreamModeDetails"], json!({"StreamMode": "PROVISIONED"}));
    e.advance_by(3_000);
    let s = summary(&mut e);
    assert_eq!(s["StreamStatus"], json!("ACTIVE"));
    assert_eq!(s["StreamModeDetails"], json!({"StreamMode": "ON_DEMAND"}));
    let l = ok(&mut e, "DescribeLimits", json!({}));
    assert_eq!(l["OnDemandStreamCount"], json!(1));
}

#[test]
fn on_demand_stream_grows_above_4_shards_under_3_mib_per_second() {
    // modes.rs: every second, open shards >= max(4, ceil(2 x last-second bytes / 1 MiB)), by
    // splitting the busiest shards at their midpoint, at most once per 30 s, never down.
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    e.advance_by(60_000);
    assert_eq!(u64_at(&summary(&mut e), "/OpenShardCount"), 4, "ON_DEMAND starts with 4 shards");
    // 30 x 10 KiB every 100 ms = 3000 KiB/s ~ 2.93 MiB/s, spread over many keys:
    // ceil(2 x 3072000 / 1048576) = 6 shards.
    write_load(&mut e, 5_000, 30, 10 * 1024);
    let open = u64_at(&summary(&mut e), "/OpenShardCount");
    assert!(open > 4, "grew above 4: {open}");
    assert_eq!(open, 6);
    assert_tiles(&open_ranges(&mut e, "s"));
    // Same load for another 40 s: demand still asks for 6, so no more splits.
    write_load(&mut e, 40_000, 30, 10 * 1024);
    assert_eq!(u64_at(&summary(&mut e), "/OpenShardCount"), 6);
    // Idle for a minute: on-demand never scales down.
    e.advance_by(60_000);
    assert_eq!(u64_at(&summary(&mut e), "/OpenShardCount"), 6);
    assert_eq!(status(&mut e, "s"), "ACTIVE");
}

#[test]

fn switching_to_on_demand_does_not_count_old_writes_as_current_demand() {
    let mut e = with_stream(4);
    // 6 MiB written over a minute (0.1 MiB/s) while PROVISIONED.
    write_load(&mut e, 60_000, 1, 10 * 1024);
    to_on_demand(&mut e);
    e.advance_by(10_000);
    assert_eq!(u64_at(&summary(&mut e), "/OpenShardCount"), 4, "no traffic since the switch");
}

#[test]
fn encryption_flips_encryption_type_in_summary_and_records() {
    let mut e = with_stream(1);
    let plain = ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "a", "Data": "eA=="}));
    // No EncryptionType on an unencrypted stream (kinesalite's AWS-validated putRecord.js).
    assert!(plain.get("EncryptionType").is_none(), "{plain}");
    ok(
        &mut e,
        "StartStreamEncryption",
        json!({"StreamName": "s", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
    );
    assert_eq!(status(&mut e, "s"), "UPDATING");
    e.advance_by(3_000);
    let s = summary(&mut e);
    assert_eq!((s["EncryptionType"].clone(), s["KeyId"].clone()), (json!("KMS"), json!("alias/aws/kinesis")));
    let enc = ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "a", "Data": "eQ=="}));
    assert_eq!(enc["EncryptionType"], json!("KMS"));
    let batch =
        ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": [{"PartitionKey": "a", "Data": "eg=="}]}));
    assert_eq!(batch["EncryptionType"], json!("KMS"));
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let records = arr_at(&get_records(&mut e, &it, None), "/Records");
    let types: Vec<Option<String>> =
        records.iter().map(|r| r.get("EncryptionType").and_then(Value::as_str).map(String::from)).collect();
    assert_eq!(types, vec![None, Some("KMS".into()), Some("KMS".into())]);
    ok(
        &mut e,
        "StopStreamEncryption",
        json!({"StreamName": "s", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
    );
    e.advance_by(3_000);
    let s = summary(&mut e);
    assert_eq!(s["EncryptionType"], json!("NONE"));
    assert!(s.get("KeyId").is_none());
    let after = ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "a", "Data": "eA=="}));
    assert!(after.get("EncryptionType").is_none(), "{after}");
}

/// The engine's time ends at `LAST_ENCODABLE_TIME` (year 2477, the last instant sequence numbers
/// can carry): an advance to u64::MAX stops there, and a change due after it never comes. The
/// on-demand check used to reschedule itself at the same instant forever there (`now + 1 s`
/// saturated). Every advance here is to a fixed instant, so the test ends by construction.
#[test]
fn on_demand_check_stops_at_the_end_of_time() {
    let mut e = engine();
    e.step_until(SimTime(u64::MAX));
    assert_eq!(e.now(), LAST_ENCODABLE_TIME);
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    e.step_until(SimTime(u64::MAX));
    assert_eq!(ok(&mut e, "ListStreams", json!({}))["StreamNames"], json!(["s"]));
    assert_eq!(status(&mut e, "s"), "CREATING", "5 s of CREATING would end after the end of time");
    assert_eq!(e.now(), LAST_ENCODABLE_TIME);
    assert_eq!(e.next_event_time(), None, "nothing may stay scheduled at the last instant");
}

/// Just before the end of time a stream that is written to is still checked once per second, up
/// to the last instant, then the checks stop: a bounded number of `step()`s empties the queue.
#[test]
fn on_demand_check_runs_up_to_the_end_of_time_then_stops() {
    let end = LAST_ENCODABLE_TIME;
    let mut e = engine();
    e.step_until(end.minus(10_500));
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    // CREATING until end − 5.5 s, then a check each second from end − 4.5 s while records keep
    // arriving; the one at end − 0.5 s has no next second before the end, so it is the last.
    let mut times = Vec::new();
    for _ in 0..20 {
        let Some(t) = e.step() else { break };
        times.push(end.since(t));
        ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "k", "Data": "eA=="}));
    }
    assert_eq!(times, [5_500, 4_500, 3_500, 2_500, 1_500, 500]);
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    assert_eq!(e.next_event_time(), None);
}
