//! B9: records expire `retention` after they arrive; a decrease trims at once, an increase does
//! not bring anything back; closed shards leave the listings once retention has passed.

use super::helpers::{
    datas, describe_shards, expect_error, get_records, ids, iterator, list_shards, ok, put, with_stream, ACCOUNT, HOUR,
};
use kinesis_playground::engine::ErrorType;
use serde_json::json;

fn retention(e: &mut kinesis_playground::engine::Engine, op: &str, hours: u32) {
    ok(e, op, json!({"StreamName": "s", "RetentionPeriodHours": hours}));
}

fn trim_horizon(e: &mut kinesis_playground::engine::Engine) -> Vec<String> {
    let it = iterator(e, "s", "0", "TRIM_HORIZON", None);
    datas(&get_records(e, &it, None))
}

#[test]
fn a_record_is_readable_for_24_h_and_gone_1_ms_later() {
    let mut e = with_stream(1);
    let arrival = e.now();
    put(&mut e, "s", "a", b"old");
    e.advance_by(1_000);
    put(&mut e, "s", "a", b"new");
    e.step_until(arrival.plus(24 * HOUR));
    assert_eq!(trim_horizon(&mut e), vec!["old", "new"]);
    e.step_until(arrival.plus(24 * HOUR + 1));
    assert_eq!(trim_horizon(&mut e), vec!["new"]);
    assert_eq!(e.stream("s").map(|s| s.shards[0].counters.expired_records), Some(1));
}

#[test]
fn decrease_trims_at_once_and_increase_does_not_restore() {
    let mut e = with_stream(1);
    retention(&mut e, "IncreaseStreamRetentionPeriod", 48);
    let t0 = e.now();
    put(&mut e, "s", "a", b"day0");
    e.step_until(t0.plus(30 * HOUR));
    put(&mut e, "s", "a", b"day1");
    e.step_until(t0.plus(40 * HOUR));
    assert_eq!(trim_horizon(&mut e), vec!["day0", "day1"], "48 h retention keeps a 40 h old record");
    retention(&mut e, "DecreaseStreamRetentionPeriod", 24);
    assert_eq!(e.now(), t0.plus(40 * HOUR), "no time passed");
    assert_eq!(trim_horizon(&mut e), vec!["day1"], "the 40 h old record went at once");
    retention(&mut e, "IncreaseStreamRetentionPeriod", 48);
    assert_eq!(trim_horizon(&mut e), vec!["day1"], "an increase does not bring it back");
}

#[test]
fn a_closed_shard_leaves_the_listings_once_retention_has_passed_since_its_close() {
    let mut e = with_stream(1);
    put(&mut e, "s", "a", b"x");
    ok(&mut e, "SplitShard", json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": "1000"}));
    let closed = e.now().plus(3_000);
    e.step_until(closed.plus(24 * HOUR));
    let all = vec!["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"];
    assert_eq!(ids(&list_shards(&mut e, "s")), all);
    e.step_until(closed.plus(24 * HOUR + 1));
    assert_eq!(ids(&list_shards(&mut e, "s")), all[1..].to_vec());
    assert_eq!(ids(&describe_shards(&mut e, "s")), all[1..].to_vec());
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}),
        ErrorType::ResourceNotFoundException,
        &format!("Shard shardId-000000000000 in stream s under account {ACCOUNT} does not exist"),
    );
}
