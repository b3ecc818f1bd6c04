//! ListShards (MaxResults + NextToken, ShardFilter), DescribeStream (Limit, ExclusiveStartShardId,
//! HasMoreShards) and ListStreams (StreamSummaries, paging).

use super::helpers::{arr_at, create_active, engine, ids, ok, str_at, with_stream, ACCOUNT};
use kinesis_playground::engine::ErrorType;
use serde_json::{json, Value};

fn sid(i: u32) -> String {
    format!("shardId-{i:012}")
}

#[test]
fn list_shards_pages_with_max_results_and_next_token() {
    let mut e = with_stream(5);
    let first = ok(&mut e, "ListShards", json!({"StreamName": "s", "MaxResults": 2}));
    assert_eq!(ids(&arr_at(&first, "/Shards")), vec![sid(0), sid(1)]);
    let mut token = str_at(&first, "/NextToken");
    let mut all = ids(&arr_at(&first, "/Shards"));
    loop {
        let page = ok(&mut e, "ListShards", json!({"NextToken": token, "MaxResults": 2}));
        all.extend(ids(&arr_at(&page, "/Shards")));
        match page.get("NextToken").and_then(Value::as_str) {
            Some(t) => token = t.to_string(),
            None => break,
        }
    }
    assert_eq!(all, (0..5).map(sid).collect::<Vec<_>>());
    // One page of everything has no NextToken.
    let whole = ok(&mut e, "ListShards", json!({"StreamName": "s"}));
    assert!(whole.get("NextToken").is_none());
    assert_eq!(arr_at(&whole, "/Shards").len(), 5);
}

#[test]
fn list_shards_next_token_expires_after_300_s() {
    let mut e = with_stream(3);
    let first = ok(&mut e, "ListShards", json!({"StreamName": "s", "MaxResults": 1}));
    let token = str_at(&first, "/NextToken");
    e.advance_by(300_001);
    let error = super::helpers::err(&mut e, "ListShards", json!({"NextToken": token}));
    assert_eq!(error.error_type, ErrorType::ExpiredNextTokenException);
}

#[test]
fn list_shards_filters_at_latest_and_after_shard_id() {
    let mut e = with_stream(3);
    ok(&mut e, "MergeShards", json!({"StreamName": "s", "ShardToMerge": "0", "AdjacentShardToMerge": "1"}));
    e.advance_by(3_000);
    let latest = ok(&mut e, "ListShards", json!({"StreamName": "s", "ShardFilter": {"Type": "AT_LATEST"}}));
    assert_eq!(ids(&arr_at(&latest, "/Shards")), vec![sid(2), sid(3)]);
    let after = ok(
        &mut e,
        "ListShards",
        json!({"StreamName": "s", "ShardFilter": {"Type": "AFTER_SHARD_ID", "ShardId": sid(1)}}),
    );
    assert_eq!(ids(&arr_at(&after, "/Shards")), vec![sid(2), sid(3)]);
    let from = ok(&mut e, "ListShards", json!({"StreamName": "s", "ShardFilter": {"Type": "FROM_TRIM_HORIZON"}}));
    assert_eq!(ids(&arr_at(&from, "/Shards")), (0..4).map(sid).collect::<Vec<_>>());
    let start = ok(&mut e, "ListShards", json!({"StreamName": "s", "ExclusiveStartShardId": sid(2)}));
    assert_eq!(ids(&arr_at(&start, "/Shards")), vec![sid(3)]);
    // The filter survives paging.
    let p1 =
        ok(&mut e, "ListShards", json!({"StreamName": "s", "MaxResults": 1, "ShardFilter": {"Type": "AT_LATEST"}}));
    assert_eq!(ids(&arr_at(&p1, "/Shards")), vec![sid(2)]);
    let p2 = ok(&mut e, "ListShards", json!({"NextToken": str_at(&p1, "/NextToken")}));
    assert_eq!(ids(&arr_at(&p2, "/Shards")), vec![sid(3)]);
    assert!(p2.get("NextToken").is_none());
}

#[test]
fn describe_stream_pages_with_limit_and_exclusive_start_shard_id() {
    let mut e = with_stream(5);
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s", "Limit": 2}));
    assert_eq!(ids(&arr_at(&d, "/StreamDescription/Shards")), vec![sid(0), sid(1)]);
    assert_eq!(d["StreamDescription"]["HasMoreShards"], json!(true));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s", "Limit": 2, "ExclusiveStartShardId": sid(1)}));
    assert_eq!(ids(&arr_at(&d, "/StreamDescription/Shards")), vec![sid(2), sid(3)]);
    assert_eq!(d["StreamDescription"]["HasMoreShards"], json!(true));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s", "Limit": 2, "ExclusiveStartShardId": sid(3)}));
    assert_eq!(ids(&arr_at(&d, "/StreamDescription/Shards")), vec![sid(4)]);
    assert_eq!(d["StreamDescription"]["HasMoreShards"], json!(false));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s", "Limit": 5}));
    assert_eq!(d["StreamDescription"]["HasMoreShards"], json!(false));
}

#[test]
fn list_streams_returns_summaries_and_pages() {
    let mut e = engine();
    for name in ["c", "a", "b"] {
        create_active(&mut e, name, 1);
    }
    let p1 = ok(&mut e, "ListStreams", json!({"Limit": 2}));
    assert_eq!(p1["StreamNames"], json!(["a", "b"]));
    assert_eq!(p1["HasMoreStreams"], json!(true));
    let summaries = arr_at(&p1, "/StreamSummaries");
    assert_eq!(summaries.len(), 2);
    assert_eq!(
        summaries[0],
        json!({
            "StreamName": "a",
            "StreamARN": format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/a"),
            "StreamStatus": "ACTIVE",
            "StreamModeDetails": {"StreamMode": "PROVISIONED"},
            "StreamCreationTimestamp": summaries[0]["StreamCreationTimestamp"].clone(),
        })
    );
    assert!(summaries[0]["StreamCreationTimestamp"].is_f64());
    let p2 = ok(&mut e, "ListStreams", json!({"NextToken": str_at(&p1, "/NextToken")}));
    assert_eq!(p2["StreamNames"], json!(["c"]));
    assert_eq!(p2["HasMoreStreams"], json!(false));
    assert!(p2.get("NextToken").is_none());
    let p3 = ok(&mut e, "ListStreams", json!({"ExclusiveStartStreamName": "a"}));
    assert_eq!(p3["StreamNames"], json!(["b", "c"]));
}

#[test]
fn describe_limits_counts_open_shards() {
    let mut e = with_stream(3);
    ok(&mut e, "SplitShard", json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": "1000"}));
    e.advance_by(3_000);
    let l = ok(&mut e, "DescribeLimits", json!({}));
    assert_eq!(
        l,
        json!({"ShardLimit": 20000, "OpenShardCount": 4, "OnDemandStreamCount": 0, "OnDemandStreamCountLimit": 50})
    );
}
