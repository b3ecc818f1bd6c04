//! B4 and B8: shard-id numbering after SplitShard / MergeShards / UpdateShardCount, the uniform
//! result of UNIFORM_SCALING, its limits, and the UPDATING state.

use super::helpers::{
    assert_tiles, describe_shards, err, expect_error, ids, is_open, list_shards, ok, open_ranges, range_of, status,
    str_at, u64_at, with_stream, ACCOUNT, HOUR,
};
use kinesis_playground::engine::state::hashing::{uniform_ranges, HashKeyRange};
use kinesis_playground::engine::{Engine, ErrorType};
use serde_json::{json, Value};

fn shard_id(i: u32) -> String {
    format!("shardId-{i:012}")
}

fn by_id<'a>(shards: &'a [Value], id: &str) -> &'a Value {
    match shards.iter().find(|s| s.get("ShardId").and_then(Value::as_str) == Some(id)) {
        Some(s) => s,
        None => panic!("{id} not listed in {shards:?}"),
    }
}

fn update_shard_count(e: &mut Engine, target: u32) -> Value {
    ok(e, "UpdateShardCount", json!({"StreamName": "s", "TargetShardCount": target, "ScalingType": "UNIFORM_SCALING"}))
}

/// Steps until the stream is ACTIVE again; returns how many ms that took.
fn wait_active(e: &mut Engine) -> u64 {
    let t0 = e.now();
    while status(e, "s") != "ACTIVE" {
        assert!(e.step().is_some(), "nothing scheduled while UPDATING");
        assert!(e.now().since(t0) < 600_000, "UPDATING for over 10 minutes");
    }
    e.now().since(t0)
}

#[test]
fn split_shard_0_of_one_shard_stream_creates_shards_1_lower_and_2_upper() {
    let mut e = with_stream(1);
    let k = 1u128 << 127;
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": k.to_string()}),
    );
    assert_eq!(status(&mut e, "s"), "UPDATING");
    // During UPDATING the shard list is unchanged.
    assert_eq!(ids(&describe_shards(&mut e, "s")), vec![shard_id(0)]);
    e.advance_by(3_000);
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    let shards = describe_shards(&mut e, "s");
    assert_eq!(ids(&shards), vec![shard_id(0), shard_id(1), shard_id(2)]);
    assert!(!is_open(&shards[0]));
    assert_eq!(range_of(&shards[1]), HashKeyRange { starting_hash_key: 0, ending_hash_key: k - 1 });
    assert_eq!(range_of(&shards[2]), HashKeyRange { starting_hash_key: k, ending_hash_key: u128::MAX });
    for child in &shards[1..] {
        assert_eq!(str_at(child, "/ParentShardId"), shard_id(0));
        assert!(child.get("AdjacentParentShardId").is_none());
    }
}

#[test]
fn split_shard_accepts_start_plus_2_and_end_minus_1_only() {
    let mut e = with_stream(2);
    let r = uniform_ranges(2)[1];
    for bad in [r.starting_hash_key, r.starting_hash_key + 1, r.ending_hash_key] {
        let error = err(
            &mut e,
            "SplitShard",
            json!({"StreamName": "s", "ShardToSplit": "shardId-000000000001", "NewStartingHashKey": bad.to_string()}),
        );
        assert_eq!(error.error_type, ErrorType::InvalidArgumentException, "{bad}");
    }
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000001", "NewStartingHashKey": (r.starting_hash_key + 2).to_string()}),
    );
    e.advance_by(3_000);
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000003", "NewStartingHashKey": (r.ending_hash_key - 1).to_string()}),
    );
    e.advance_by(3_000);
    let ranges = open_ranges(&mut e, "s");
    assert_tiles(&ranges);
    assert_eq!(ranges.len(), 4);
    assert_eq!(
        ranges[1],
        HashKeyRange { starting_hash_key: r.starting_hash_key, ending_hash_key: r.starting_hash_key + 1 }
    );
    assert_eq!(
        ranges[3],
        HashKeyRange { starting_hash_key: r.ending_hash_key - 1, ending_hash_key: r.ending_hash_key }
    );
}

#[test]
fn merge_0_and_1_of_three_shard_stream_creates_shard_3_with_both_parents() {
    let mut e = with_stream(3);
    ok(
        &mut e,
        "MergeShards",
        json!({"StreamName": "s", "ShardToMerge": "shardId-000000000000", "AdjacentShardToMerge": "shardId-000000000001"}),
    );
    assert_eq!(status(&mut e, "s"), "UPDATING");
    e.advance_by(3_000);
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    let shards = describe_shards(&mut e, "s");
    assert_eq!(ids(&shards), (0..4).map(shard_id).collect::<Vec<_>>());
    let child = &shards[3];
    assert_eq!(str_at(child, "/ParentShardId"), shard_id(0));
    assert_eq!(str_at(child, "/AdjacentParentShardId"), shard_id(1));
    let u = uniform_ranges(3);
    assert_eq!(range_of(child), HashKeyRange { starting_hash_key: 0, ending_hash_key: u[1].ending_hash_key });
    // Both parents closed with the same end sequence time.
    let end0 = str_at(&shards[0], "/SequenceNumberRange/EndingSequenceNumber");
    let end1 = str_at(&shards[1], "/SequenceNumberRange/EndingSequenceNumber");
    assert_eq!(super::helpers::v2(&end0).seq_time_secs, super::helpers::v2(&end1).seq_time_secs);
    assert!(is_open(&shards[2]));
    assert_tiles(&open_ranges(&mut e, "s"));
}

#[test]
fn update_shard_count_4_to_8_splits_each_parent_once_in_order_into_shards_4_to_11() {
    let mut e = with_stream(4);
    let out = update_shard_count(&mut e, 8);
    assert_eq!(
        out,
        json!({"StreamName": "s", "CurrentShardCount": 4, "TargetShardCount": 8, "StreamARN": format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/s")})
    );
    assert_eq!(status(&mut e, "s"), "UPDATING");
    let took = wait_active(&mut e);
    assert_eq!(took, 12_000, "four splits, 3 s each");
    let shards = list_shards(&mut e, "s");
    assert_eq!(ids(&shards), (0..12).map(shard_id).collect::<Vec<_>>());
    for p in 0..4u32 {
        assert!(!is_open(by_id(&shards, &shard_id(p))));
        for c in [4 + 2 * p, 5 + 2 * p] {
            assert_eq!(str_at(by_id(&shards, &shard_id(c)), "/ParentShardId"), shard_id(p), "parent of {c}");
        }
    }
    let open: Vec<Value> = shards.iter().filter(|s| is_open(s)).cloned().collect();
    assert_eq!(ids(&open), (4..12).map(shard_id).collect::<Vec<_>>());
    assert_eq!(open_ranges(&mut e, "s"), uniform_ranges(8));
}

#[test]
fn update_shard_count_2_to_1_merges_into_shard_2() {
    let mut e = with_stream(2);
    update_shard_count(&mut e, 1);
    wait_active(&mut e);
    let shards = list_shards(&mut e, "s");
    assert_eq!(ids(&shards), (0..3).map(shard_id).collect::<Vec<_>>());
    assert_eq!(str_at(&shards[2], "/ParentShardId"), shard_id(0));
    assert_eq!(str_at(&shards[2], "/AdjacentParentShardId"), shard_id(1));
    assert_eq!(open_ranges(&mut e, "s"), uniform_ranges(1));
}

#[test]
fn update_shard_count_3_to_4_and_4_to_3_end_with_exactly_uniform_ranges() {
    for (from, to, steps) in [(3u32, 4u32, 5u64), (4, 3, 5)] {
        let mut e = with_stream(from);
        update_shard_count(&mut e, to);
        let took = wait_active(&mut e);
        assert_eq!(took, steps * 3_000, "{from}->{to}: three splits and two merges (or two splits, three merges)");
        let ranges = open_ranges(&mut e, "s");
        assert_eq!(ranges, uniform_ranges(to), "{from}->{to}");
        assert_tiles(&ranges);
        let count = u64_at(
            &ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "s"})),
            "/StreamDescriptionSummary/OpenShardCount",
        );
        assert_eq!(count, u64::from(to));
    }
}

#[test]
fn update_shard_count_3_to_4_numbers_splits_then_merges() {
    let mut e = with_stream(3);
    update_shard_count(&mut e, 4);
    wait_active(&mut e);
    let shards = list_shards(&mut e, "s");
    // Splits of 0, 1, 2 → 3..8; merges (4,5) → 9 and (6,7) → 10.
    assert_eq!(shards.len(), 11);
    for (child, parent) in [(3, 0), (4, 0), (5, 1), (6, 1), (7, 2), (8, 2)] {
        assert_eq!(str_at(by_id(&shards, &shard_id(child)), "/ParentShardId"), shard_id(parent));
    }
    for (child, a, b) in [(9, 4, 5), (10, 6, 7)] {
        let c = by_id(&shards, &shard_id(child));
        assert_eq!((str_at(c, "/ParentShardId"), str_at(c, "/AdjacentParentShardId")), (shard_id(a), shard_id(b)));
    }
    let open: Vec<String> = shards.iter().filter(|s| is_open(s)).map(|s| str_at(s, "/ShardId")).collect();
    assert_eq!(open, vec![shard_id(3), shard_id(8), shard_id(9), shard_id(10)]);
}

#[test]
fn update_shard_count_refuses_over_double_and_below_half() {
    let mut e = with_stream(4);
    expect_error(
        &mut e,
        "UpdateShardCount",
        json!({"StreamName": "s", "TargetShardCount": 9, "ScalingType": "UNIFORM_SCALING"}),
        ErrorType::LimitExceededException,
        "UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 4, Target shard count: 9",
    );
    expect_error(
        &mut e,
        "UpdateShardCount",
        json!({"StreamName": "s", "TargetShardCount": 1, "ScalingType": "UNIFORM_SCALING"}),
        ErrorType::LimitExceededException,
        "UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: 4, Target shard count: 1",
    );
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    // The bounds themselves are fine.
    update_shard_count(&mut e, 2);
    wait_active(&mut e);
    assert_eq!(open_ranges(&mut e, "s"), uniform_ranges(2));
}

#[test]
fn update_shard_count_allows_10_calls_per_rolling_24_hours() {
    let mut e = with_stream(1);
    let first = e.now();
    for i in 0..10u32 {
        update_shard_count(&mut e, if i % 2 == 0 { 2 } else { 1 });
        wait_active(&mut e);
        e.advance_by(60_000);
    }
    expect_error(
        &mut e,
        "UpdateShardCount",
        json!({"StreamName": "s", "TargetShardCount": 2, "ScalingType": "UNIFORM_SCALING"}),
        ErrorType::LimitExceededException,
        &format!("UpdateShardCount has been called 10 times for stream s under account {ACCOUNT} in the last 24 hours; at most 10 scaling operations are allowed per rolling 24-hour period."),
    );
    // Once the first call is 24 h old, one more is allowed.
    e.step_until(first.plus(24 * HOUR - 1));
    let error = err(
        &mut e,
        "UpdateShardCount",
        json!({"StreamName": "s", "TargetShardCount": 2, "ScalingType": "UNIFORM_SCALING"}),
    );
    assert_eq!(error.error_type, ErrorType::LimitExceededException);
    e.step_until(first.plus(24 * HOUR));
    update_shard_count(&mut e, 2);
}

#[test]
fn second_reshard_while_updating_is_resource_in_use_and_io_continues() {
    let mut e = with_stream(2);
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "1000"}),
    );
    let msg = format!("Stream s under account {ACCOUNT} not ACTIVE, instead in state UPDATING");
    expect_error(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000001", "NewStartingHashKey": (3u128 << 126).to_string()}),
        ErrorType::ResourceInUseException,
        &msg,
    );
    expect_error(
        &mut e,
        "MergeShards",
        json!({"StreamName": "s", "ShardToMerge": "shardId-000000000000", "AdjacentShardToMerge": "shardId-000000000001"}),
        ErrorType::ResourceInUseException,
        &msg,
    );
    expect_error(
        &mut e,
        "UpdateShardCount",
        json!({"StreamName": "s", "TargetShardCount": 3, "ScalingType": "UNIFORM_SCALING"}),
        ErrorType::ResourceInUseException,
        &msg,
    );
    // A PutRecord during UPDATING goes to the (still open) parent.
    let (shard, _) = super::helpers::put_hash(&mut e, "s", 5, b"x");
    assert_eq!(shard, shard_id(0));
    e.advance_by(3_000);
    let (shard, _) = super::helpers::put_hash(&mut e, "s", 5, b"x");
    assert_eq!(shard, shard_id(2));
}

#[test]
fn split_or_merge_of_a_closed_shard_is_refused() {
    let mut e = with_stream(2);
    update_shard_count(&mut e, 1);
    wait_active(&mut e);
    let msg = |id: &str| {
        format!("Shard {id} in stream s under account {ACCOUNT} has already been merged or split, and thus is not eligible for merging or splitting.")
    };
    expect_error(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "1000"}),
        ErrorType::InvalidArgumentException,
        &msg("shardId-000000000000"),
    );
    expect_error(
        &mut e,
        "MergeShards",
        json!({"StreamName": "s", "ShardToMerge": "shardId-000000000000", "AdjacentShardToMerge": "shardId-000000000001"}),
        ErrorType::InvalidArgumentException,
        &msg("shardId-000000000000"),
    );
}

#[test]
fn split_and_merge_of_a_missing_shard_index_name_the_padded_id() {
    let mut e = with_stream(2);
    expect_error(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-5", "NewStartingHashKey": "1000"}),
        ErrorType::ResourceNotFoundException,
        &format!("Could not find shard shardId-000000000005 in stream s under account {ACCOUNT}."),
    );
    expect_error(
        &mut e,
        "MergeShards",
        json!({"StreamName": "s", "ShardToMerge": "0", "AdjacentShardToMerge": "5"}),
        ErrorType::ResourceNotFoundException,
        &format!("Could not find shard shardId-000000000005 in stream s under account {ACCOUNT}."),
    );
}
