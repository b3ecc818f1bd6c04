//! B12: CREATING → ACTIVE → DELETING → gone, and what each status allows.

use super::helpers::{arr_at, engine, expect_error, ok, status, str_at, ACCOUNT};
use kinesis_playground::engine::ErrorType;
use serde_json::json;

#[test]
fn creating_stream_shows_no_shards_and_refuses_io_then_becomes_active_after_5_s() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 3}));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s"}));
    let sd = &d["StreamDescription"];
    assert_eq!(str_at(sd, "/StreamStatus"), "CREATING");
    assert_eq!(sd["Shards"], json!([]));
    assert_eq!(sd["HasMoreShards"], json!(false));
    assert_eq!(sd["RetentionPeriodHours"], json!(24));
    assert_eq!(sd["EncryptionType"], json!("NONE"));
    assert_eq!(sd["EnhancedMonitoring"], json!([{"ShardLevelMetrics": []}]));
    assert_eq!(sd["StreamARN"], json!(format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/s")));
    assert_eq!(sd["StreamModeDetails"], json!({"StreamMode": "PROVISIONED"}));
    // StreamCreationTimestamp: the backdated creation time in whole seconds.
    assert_eq!(sd["StreamCreationTimestamp"], json!(1_735_689_598.0));
    assert_eq!(arr_at(&ok(&mut e, "ListShards", json!({"StreamName": "s"})), "/Shards").len(), 0);
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "a", "Data": "eA=="}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream s under account {ACCOUNT} not found."),
    );
    expect_error(
        &mut e,
        "PutRecords",
        json!({"StreamName": "s", "Records": [{"PartitionKey": "a", "Data": "eA=="}]}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream s under account {ACCOUNT} not found."),
    );
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}),
        ErrorType::ResourceNotFoundException,
        &format!("Shard shardId-000000000000 in stream s under account {ACCOUNT} does not exist"),
    );
    expect_error(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "1000"}),
        ErrorType::ResourceInUseException,
        &format!("Stream s under account {ACCOUNT} not ACTIVE, instead in state CREATING"),
    );
    e.advance_by(4_999);
    assert_eq!(status(&mut e, "s"), "CREATING");
    e.advance_by(1);
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    assert_eq!(arr_at(&ok(&mut e, "DescribeStream", json!({"StreamName": "s"})), "/StreamDescription/Shards").len(), 3);
    ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "a", "Data": "eA=="}));
}

#[test]
fn delete_stream_shows_deleting_then_the_stream_is_gone() {
    let mut e = engine();
    super::helpers::create_active(&mut e, "s", 2);
    ok(&mut e, "DeleteStream", json!({"StreamName": "s"}));
    assert_eq!(status(&mut e, "s"), "DELETING");
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "a", "Data": "eA=="}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream s under account {ACCOUNT} not found."),
    );
    e.advance_by(2_999);
    assert_eq!(status(&mut e, "s"), "DELETING");
    e.advance_by(1);
    expect_error(
        &mut e,
        "DescribeStream",
        json!({"StreamName": "s"}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream s under account {ACCOUNT} not found."),
    );
    assert!(e.stream("s").is_none());
    let names = ok(&mut e, "ListStreams", json!({}));
    assert_eq!(names["StreamNames"], json!([]));
}

#[test]
fn delete_during_creating_succeeds_and_the_stream_never_becomes_active() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 1}));
    e.advance_by(1_000);
    ok(&mut e, "DeleteStream", json!({"StreamName": "s"}));
    assert_eq!(status(&mut e, "s"), "DELETING");
    e.advance_by(2_000);
    assert_eq!(status(&mut e, "s"), "DELETING", "CreateDone at +5 s must not revive it");
    e.advance_by(60_000);
    assert!(e.stream("s").is_none());
}

#[test]
fn mutating_calls_return_an_empty_body() {
    let mut e = engine();
    assert_eq!(ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 2})), json!({}));
    e.advance_by(60_000);
    assert_eq!(ok(&mut e, "AddTagsToStream", json!({"StreamName": "s", "Tags": {"a": "b"}})), json!({}));
    assert_eq!(
        ok(&mut e, "IncreaseStreamRetentionPeriod", json!({"StreamName": "s", "RetentionPeriodHours": 25})),
        json!({})
    );
    assert_eq!(
        ok(&mut e, "SplitShard", json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": "1000"})),
        json!({})
    );
    e.advance_by(60_000);
    assert_eq!(
        ok(&mut e, "MergeShards", json!({"StreamName": "s", "ShardToMerge": "2", "AdjacentShardToMerge": "3"})),
        json!({})
    );
    e.advance_by(60_000);
    assert_eq!(ok(&mut e, "DeleteStream", json!({"StreamName": "s"})), json!({}));
}
