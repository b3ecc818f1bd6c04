//! Wire details real clients and peers' test suites trip on (issue #18): shard-iterator tokens,
//! `EncryptionType` on puts, `StreamARN` addressing, DeleteStream while CREATING, PutRecords
//! numbering across shards, the end of a closed shard, resource tags, and the record
//! distribution strategy. Each test names the AWS source it follows.

use crate::helpers::*;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use kinesis_playground::engine::state::sequence::{parse_sequence, ParsedSequence};
use kinesis_playground::engine::{Engine, EngineConfig, ErrorType};
use serde_json::{json, Value};

const ARN: &str = "arn:aws:kinesis:us-east-1:000000000000:stream/s";

fn seq_ix(text: &str) -> u64 {
    match parse_sequence(text) {
        Ok(ParsedSequence::V2 { seq, .. }) => seq.seq_ix,
        other => panic!("{text} is not a version-2 sequence number: {other:?}"),
    }
}

/// The AWS CLI tutorial's iterator (course note 004): 204 base64 characters, 152 bytes, starting
/// with the eight bytes 00…01 and random-looking after them.
#[test]
fn shard_iterators_look_like_aws_ones() {
    let tutorial = "AAAAAAAAAAHSywljv0zEgPX4NyKdZ5wryMzP9yALs8NeKbUjp1IxtZs1Sp+KEd9I6AJ9ZG4lNR1EMi+9Md/nHvtLyxpfhEzYvkTZ4D9DQVz/mBYWRO6OTZRKnW9gd+efGN2aHFdkH1rJl4BL9Wyrk+ghYG22D2T1Da2EyNSH1+LAbK33gQweTJADBdyMwlo5r6PqcP2dzhg=";
    let mut e = with_stream(2);
    let it = iterator(&mut e, "s", "shardId-000000000000", "TRIM_HORIZON", None);
    assert_eq!(it.len(), tutorial.len());
    assert_eq!(it.len(), 204);
    assert!(it.starts_with("AAAAAAAAAA"), "{it}");
    let bytes = STANDARD.decode(&it).unwrap_or_default();
    assert_eq!(bytes.len(), 152);
    assert_eq!(&bytes[..8], &[0, 0, 0, 0, 0, 0, 0, 1]);
    // Opaque: the stream name does not show through, and no long run of zero bytes follows the prefix.
    assert!(!bytes.windows(1).skip(8).all(|w| w[0] == 0));
    assert!(bytes[8..].windows(8).all(|w| w.iter().any(|&b| b != 0)), "{it}");
    // Deterministic: a second engine driven the same way issues the same token.
    let mut again = with_stream(2);
    assert_eq!(iterator(&mut again, "s", "shardId-000000000000", "TRIM_HORIZON", None), it);
    // Another shard, or the same shard later, gives another token of the same length.
    let other = iterator(&mut e, "s", "shardId-000000000001", "TRIM_HORIZON", None);
    assert_ne!(other, it);
    assert_eq!(other.len(), 204);
    // It reads, and its NextShardIterator has the same look.
    put(&mut e, "s", "a", b"testdata");
    let first = iterator(&mut e, "s", "shardId-000000000000", "TRIM_HORIZON", None);
    let r = ok(&mut e, "GetRecords", json!({"ShardIterator": first}));
    let next = str_at(&r, "/NextShardIterator");
    assert_eq!(next.len(), 204);
    assert!(next.starts_with("AAAAAAAAAA"));
    // A 128-character stream name still works (the body grows past 152 bytes).
    let long = "n".repeat(128);
    create_active(&mut e, &long, 1);
    let long_it = iterator(&mut e, &long, "0", "LATEST", None);
    assert!(long_it.len() > 204 && long_it.starts_with("AAAAAAAAAA"));
    ok(&mut e, "GetRecords", json!({"ShardIterator": long_it}));
}

#[test]
fn forged_expired_and_foreign_iterators_get_aws_errors() {
    let mut e = with_stream(1);
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    // Every single-character change is refused.
    for i in (12..it.len() - 2).step_by(17) {
        let mut b = it.clone().into_bytes();
        b[i] = if b[i] == b'A' { b'B' } else { b'A' };
        let forged = String::from_utf8(b).unwrap_or_default();
        expect_error(
            &mut e,
            "GetRecords",
            json!({"ShardIterator": forged}),
            ErrorType::InvalidArgumentException,
            "Invalid ShardIterator.",
        );
    }
    // The old 45-character layout is not an iterator any more.
    expect_error(
        &mut e,
        "GetRecords",
        json!({"ShardIterator": "AAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}),
        ErrorType::InvalidArgumentException,
        "Invalid ShardIterator.",
    );
    // Expired after 300 s.
    e.advance_by(300_001);
    let error = err(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_eq!(error.error_type, ErrorType::ExpiredIteratorException);
    // An iterator of a deleted stream, read after a stream of the same name was created again.
    let old = iterator(&mut e, "s", "0", "LATEST", None);
    ok(&mut e, "DeleteStream", json!({"StreamName": "s"}));
    let t = e.now().plus(10_000);
    e.step_until(t);
    create_active(&mut e, "s", 1);
    let old_again = {
        // still inside 300 s of `old`? no: 70 s passed, so it is alive but names the old stream.
        old
    };
    expect_error(
        &mut e,
        "GetRecords",
        json!({"ShardIterator": old_again}),
        ErrorType::ResourceNotFoundException,
        &format!("Shard shardId-000000000000 in stream s under account {ACCOUNT} does not exist"),
    );
}

/// kinesalite `test/putRecord.js` "should work with empty Data" and `test/putRecords.js` (passed
/// against production Kinesis, 2018): no `EncryptionType` on an unencrypted stream; the AWS CLI
/// examples show `"EncryptionType": "KMS"` on an encrypted one.
#[test]
fn encryption_type_appears_only_on_encrypted_streams() {
    let mut e = with_stream(1);
    let r = ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "a", "Data": ""}));
    assert_eq!(r.as_object().map(|o| o.len()), Some(2), "{r}");
    assert!(r.get("EncryptionType").is_none());
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": [{"PartitionKey": "a", "Data": ""}]}));
    assert!(r.get("EncryptionType").is_none(), "{r}");
    assert_eq!(r["FailedRecordCount"], json!(0));
    ok(
        &mut e,
        "StartStreamEncryption",
        json!({"StreamName": "s", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
    );
    let t = e.now().plus(10_000);
    e.step_until(t);
    let r = ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "a", "Data": ""}));
    assert_eq!(r["EncryptionType"], json!("KMS"));
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": [{"PartitionKey": "a", "Data": ""}]}));
    assert_eq!(r["EncryptionType"], json!("KMS"));
}

/// Every operation of botocore's model that takes `StreamName` also takes `StreamARN`.
#[test]
fn stream_arn_addresses_every_stream_operation() {
    let mut e = with_stream(2);
    let d = ok(&mut e, "DescribeStream", json!({"StreamARN": ARN}));
    assert_eq!(d["StreamDescription"]["StreamName"], json!("s"));
    let s = ok(&mut e, "DescribeStreamSummary", json!({"StreamARN": ARN, "StreamName": "s"}));
    assert_eq!(s["StreamDescriptionSummary"]["OpenShardCount"], json!(2));
    let p = ok(&mut e, "PutRecord", json!({"StreamARN": ARN, "PartitionKey": "a", "Data": "AA=="}));
    let shard = str_at(&p, "/ShardId");
    ok(&mut e, "PutRecords", json!({"StreamARN": ARN, "Records": [{"PartitionKey": "a", "Data": "AA=="}]}));
    let it = ok(
        &mut e,
        "GetShardIterator",
        json!({"StreamARN": ARN, "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON"}),
    );
    let r = ok(&mut e, "GetRecords", json!({"StreamARN": ARN, "ShardIterator": it["ShardIterator"]}));
    assert_eq!(arr_at(&r, "/Records").len(), 2);
    assert_eq!(arr_at(&ok(&mut e, "ListShards", json!({"StreamARN": ARN})), "/Shards").len(), 2);
    ok(&mut e, "AddTagsToStream", json!({"StreamARN": ARN, "Tags": {"k": "v"}}));
    assert_eq!(arr_at(&ok(&mut e, "ListTagsForStream", json!({"StreamARN": ARN})), "/Tags").len(), 1);
    ok(&mut e, "RemoveTagsFromStream", json!({"StreamARN": ARN, "TagKeys": ["k"]}));
    ok(&mut e, "IncreaseStreamRetentionPeriod", json!({"StreamARN": ARN, "RetentionPeriodHours": 48}));
    ok(&mut e, "DecreaseStreamRetentionPeriod", json!({"StreamARN": ARN, "RetentionPeriodHours": 24}));
    ok(&mut e, "EnableEnhancedMonitoring", json!({"StreamARN": ARN, "ShardLevelMetrics": ["ALL"]}));
    ok(&mut e, "DisableEnhancedMonitoring", json!({"StreamARN": ARN, "ShardLevelMetrics": ["ALL"]}));
    ok(&mut e, "UpdateShardCount", json!({"StreamARN": ARN, "TargetShardCount": 4, "ScalingType": "UNIFORM_SCALING"}));
    let t = e.now().plus(60_000);
    e.step_until(t);
    let open: Vec<String> =
        list_shards(&mut e, "s").iter().filter(|s| is_open(s)).map(|s| str_at(s, "/ShardId")).collect();
    ok(&mut e, "SplitShard", json!({"StreamARN": ARN, "ShardToSplit": open[0], "NewStartingHashKey": "1000"}));
    let t = e.now().plus(60_000);
    e.step_until(t);
    let mut open: Vec<Value> = list_shards(&mut e, "s").into_iter().filter(is_open).collect();
    open.sort_by_key(|s| range_of(s).starting_hash_key);
    ok(
        &mut e,
        "MergeShards",
        json!({"StreamARN": ARN, "ShardToMerge": open[0]["ShardId"], "AdjacentShardToMerge": open[1]["ShardId"]}),
    );
    let t = e.now().plus(60_000);
    e.step_until(t);
    ok(
        &mut e,
        "StartStreamEncryption",
        json!({"StreamARN": ARN, "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
    );
    let t = e.now().plus(60_000);
    e.step_until(t);
    ok(
        &mut e,
        "StopStreamEncryption",
        json!({"StreamARN": ARN, "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
    );
    let t = e.now().plus(60_000);
    e.step_until(t);
    ok(&mut e, "DeleteStream", json!({"StreamARN": ARN}));
    assert_eq!(status(&mut e, "s"), "DELETING");
}

#[test]
fn stream_arn_errors() {
    let mut e = with_stream(1);
    create_active(&mut e, "t", 1);
    // Malformed: the pattern's ValidationException, as for any member.
    expect_error(
        &mut e,
        "DescribeStreamSummary",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:123:stream/s"}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 'arn:aws:kinesis:us-east-1:123:stream/s' at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+",
    );
    // Of the wrong JSON type: SerializationException.
    let error = err(&mut e, "PutRecord", json!({"StreamARN": 12, "PartitionKey": "a", "Data": ""}));
    assert_eq!(error.error_type, ErrorType::SerializationException);
    // Naming another stream than StreamName (our message: AWS publishes none).
    expect_error(
        &mut e,
        "DescribeStream",
        json!({"StreamName": "t", "StreamARN": ARN}),
        ErrorType::InvalidArgumentException,
        "StreamARN and StreamName must refer to the same stream.",
    );
    // Of another account: not found in ours.
    expect_error(
        &mut e,
        "DescribeStream",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:123456789012:stream/s"}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream s under account {ACCOUNT} not found."),
    );
    // Of a stream that does not exist.
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:000000000000:stream/nope", "PartitionKey": "a", "Data": ""}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream nope under account {ACCOUNT} not found."),
    );
    // Neither: the kinesalite-validated message for a missing StreamName.
    expect_error(
        &mut e,
        "DescribeStreamSummary",
        json!({}),
        ErrorType::ValidationException,
        "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null",
    );
    // ListShards: NextToken identifies the stream on its own.
    let page = ok(&mut e, "ListShards", json!({"StreamName": "s", "MaxResults": 1}));
    let _ = page;
    create_active(&mut e, "u", 3);
    let page = ok(&mut e, "ListShards", json!({"StreamName": "u", "MaxResults": 1}));
    let token = str_at(&page, "/NextToken");
    expect_error(
        &mut e,
        "ListShards",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:000000000000:stream/u", "NextToken": token}),
        ErrorType::InvalidArgumentException,
        "NextToken and StreamARN cannot be provided together.",
    );
    // GetRecords checks its StreamARN's pattern.
    let it = iterator(&mut e, "s", "0", "LATEST", None);
    let error = err(&mut e, "GetRecords", json!({"ShardIterator": it, "StreamARN": "nope"}));
    assert_eq!(error.error_type, ErrorType::ValidationException);
}

/// kinesalite `test/deleteStream.js` (AWS-validated) and the AWS CLI tutorial: DELETING with
/// `Shards: []` when the stream never became ACTIVE.
#[test]
fn delete_while_creating_lists_no_shards() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 3}));
    ok(&mut e, "DeleteStream", json!({"StreamName": "s"}));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s"}));
    assert_eq!(d["StreamDescription"]["StreamStatus"], json!("DELETING"));
    assert_eq!(d["StreamDescription"]["Shards"], json!([]));
    assert_eq!(d["StreamDescription"]["HasMoreShards"], json!(false));
    let l = ok(&mut e, "ListShards", json!({"StreamName": "s"}));
    assert_eq!(l["Shards"], json!([]));
    // Even past the CREATING delay, until it is gone.
    e.advance_by(2_000);
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s"}));
    assert_eq!(d["StreamDescription"]["Shards"], json!([]));
    // An ACTIVE stream being deleted still lists its shards.
    let mut e = with_stream(2);
    ok(&mut e, "DeleteStream", json!({"StreamName": "s"}));
    assert_eq!(describe_shards(&mut e, "s").len(), 2);
}

/// kinesalite `test/putRecords.js` "should work with mixed values" (AWS-validated): on three
/// shards, each shard's records get consecutive sequence numbers; the engine takes shard 2, then
/// 1, then 0, as kinesalite recorded.
#[test]
fn put_records_numbers_shard_by_shard() {
    let mut e = with_stream(3);
    let third = u128::MAX / 3;
    let records = json!([
        {"PartitionKey": "a", "Data": ""},
        {"PartitionKey": "b", "Data": ""},
        {"PartitionKey": "e", "Data": ""},
        {"PartitionKey": "f", "Data": ""},
        {"PartitionKey": "a", "Data": "", "ExplicitHashKey": MAX_HASH.to_string()},
        {"PartitionKey": "a", "Data": "", "ExplicitHashKey": (third * 2 - 1).to_string()},
        {"PartitionKey": "a", "Data": "", "ExplicitHashKey": (third * 2).to_string()},
    ]);
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": records}));
    let out = arr_at(&r, "/Records");
    let shards: Vec<String> = out.iter().map(|x| str_at(x, "/ShardId")).collect();
    assert_eq!(shards, ["0", "1", "2", "1", "2", "1", "2"].map(|i| format!("shardId-00000000000{i}")).to_vec());
    let ix: Vec<u64> = out.iter().map(|x| seq_ix(&str_at(x, "/SequenceNumber"))).collect();
    for group in [[2, 4, 6], [1, 3, 5]] {
        assert_eq!(ix[group[1]], ix[group[0]] + 1, "{ix:?}");
        assert_eq!(ix[group[2]], ix[group[1]] + 1, "{ix:?}");
    }
    // Shard 2 first, then 1, then 0 (one counter for shards 0–4).
    assert!(ix[6] < ix[1] && ix[5] < ix[0], "{ix:?}");
}

/// GetShardIterator AFTER_SEQUENCE_NUMBER at a closed shard's EndingSequenceNumber: AWS's
/// InvalidArgumentException (etspaceman/kinesis-mock PR #1536 quotes it).
#[test]
fn after_a_closed_shards_end_is_invalid() {
    let mut e = with_stream(1);
    put(&mut e, "s", "a", b"x");
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "1000"}),
    );
    let t = e.now().plus(60_000);
    e.step_until(t);
    let parent = list_shards(&mut e, "s").into_iter().find(|s| !is_open(s)).unwrap_or_default();
    let end = str_at(&parent, "/SequenceNumberRange/EndingSequenceNumber");
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "StartingSequenceNumber": end}),
        ErrorType::InvalidArgumentException,
        "Invalid SequenceNumber for ShardIteratorType AFTER_SEQUENCE_NUMBER, SequenceNumber has reached max possible value for the shard.",
    );
    // AT the end still gives an iterator that reads nothing and ends the shard.
    let it = iterator(&mut e, "s", "shardId-000000000000", "AT_SEQUENCE_NUMBER", Some(&end));
    let r = ok(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_eq!(arr_at(&r, "/Records").len(), 0);
    assert!(r.get("NextShardIterator").is_none(), "{r}");
}

/// TagResource, UntagResource, ListTagsForResource on a stream and on a consumer.
#[test]
fn resource_tags_on_streams_and_consumers() {
    let mut e = with_stream(1);
    ok(&mut e, "TagResource", json!({"ResourceARN": ARN, "Tags": {"team": "a", "env": "dev"}}));
    let l = ok(&mut e, "ListTagsForResource", json!({"ResourceARN": ARN}));
    assert_eq!(l, json!({"Tags": [{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "a"}]}));
    // The same tags as the stream operations.
    let l = ok(&mut e, "ListTagsForStream", json!({"StreamName": "s"}));
    assert_eq!(arr_at(&l, "/Tags").len(), 2);
    ok(&mut e, "UntagResource", json!({"ResourceARN": ARN, "TagKeys": ["team", "absent"]}));
    assert_eq!(
        ok(&mut e, "ListTagsForResource", json!({"ResourceARN": ARN})),
        json!({"Tags": [{"Key": "env", "Value": "dev"}]})
    );
    // A consumer.
    let c = ok(&mut e, "RegisterStreamConsumer", json!({"StreamARN": ARN, "ConsumerName": "c", "Tags": {"x": "1"}}));
    let carn = str_at(&c, "/Consumer/ConsumerARN");
    assert_eq!(
        ok(&mut e, "ListTagsForResource", json!({"ResourceARN": carn})),
        json!({"Tags": [{"Key": "x", "Value": "1"}]})
    );
    ok(&mut e, "TagResource", json!({"ResourceARN": carn, "Tags": {"y": "2"}}));
    assert_eq!(arr_at(&ok(&mut e, "ListTagsForResource", json!({"ResourceARN": carn})), "/Tags").len(), 2);
    // Stream tags are untouched by consumer tags.
    assert_eq!(arr_at(&ok(&mut e, "ListTagsForResource", json!({"ResourceARN": ARN})), "/Tags").len(), 1);
    // 50 tags per resource.
    let many: serde_json::Map<String, Value> = (0..50).map(|i| (format!("k{i}"), json!("v"))).collect();
    let error = err(&mut e, "TagResource", json!({"ResourceARN": ARN, "Tags": many}));
    assert_eq!(error.error_type, ErrorType::InvalidArgumentException);
    // Errors: unknown stream, unknown consumer, malformed ARN, missing keys.
    expect_error(
        &mut e,
        "ListTagsForResource",
        json!({"ResourceARN": "arn:aws:kinesis:us-east-1:000000000000:stream/nope"}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream nope under account {ACCOUNT} not found."),
    );
    let error = err(&mut e, "ListTagsForResource", json!({"ResourceARN": format!("{ARN}/consumer/zz:1")}));
    assert_eq!(error.error_type, ErrorType::ResourceNotFoundException);
    expect_error(
        &mut e,
        "TagResource",
        json!({"ResourceARN": "s", "Tags": {"a": "b"}}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 's' at 'resourceARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+",
    );
    let error = err(&mut e, "UntagResource", json!({"ResourceARN": ARN}));
    assert_eq!(error.error_type, ErrorType::ValidationException);
}

fn on_demand() -> Engine {
    let mut e = Engine::new(EngineConfig { limits_enabled: false, ..EngineConfig::default() });
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    let t = e.now().plus(60_000);
    e.step_until(t);
    e
}

/// UpdateStreamRecordDistributionStrategy: AUTO spreads one key over every shard (so its order
/// is lost), accepts records without a key, refuses SequenceNumberForOrdering, and exists only on
/// ON_DEMAND streams.
#[test]
fn auto_distribution_spreads_one_key_over_shards() {
    let mut e = on_demand();
    // USER_PARTITION_KEY (the default): one key, one shard.
    let before: Vec<String> = (0..4).map(|i| put(&mut e, "s", "same", &[i]).0).collect();
    assert!(before.iter().all(|s| *s == before[0]), "{before:?}");
    ok(
        &mut e,
        "UpdateStreamRecordDistributionStrategy",
        json!({"StreamARN": ARN, "RecordDistributionStrategy": "AUTO"}),
    );
    let after: Vec<String> = (0..8).map(|i| put(&mut e, "s", "same", &[i]).0).collect();
    let distinct: std::collections::BTreeSet<&String> = after.iter().collect();
    assert_eq!(distinct.len(), 4, "one key over the 4 on-demand shards: {after:?}");
    assert_ne!(after[0], after[1], "two records of one key land on different shards");
    // Deterministic: a second engine places them the same way.
    let mut again = on_demand();
    (0..4).for_each(|i| {
        put(&mut again, "s", "same", &[i]);
    });
    ok(
        &mut again,
        "UpdateStreamRecordDistributionStrategy",
        json!({"StreamARN": ARN, "RecordDistributionStrategy": "AUTO"}),
    );
    let again_after: Vec<String> = (0..8).map(|i| put(&mut again, "s", "same", &[i]).0).collect();
    assert_eq!(again_after, after);
    // ExplicitHashKey is ignored too; PutRecords spreads as well; no key is fine.
    let r = ok(
        &mut e,
        "PutRecords",
        json!({"StreamName": "s", "Records": [{"Data": "AA=="}, {"Data": "AA==", "PartitionKey": "k", "ExplicitHashKey": "0"}, {"Data": "AA==", "ExplicitHashKey": "0"}]}),
    );
    let shards: std::collections::BTreeSet<String> =
        arr_at(&r, "/Records").iter().map(|x| str_at(x, "/ShardId")).collect();
    assert_eq!(shards.len(), 3, "{r}");
    let r = ok(&mut e, "PutRecord", json!({"StreamName": "s", "Data": "AA=="}));
    // A record without a key reads back without PartitionKey.
    let it = iterator(&mut e, "s", &str_at(&r, "/ShardId"), "AT_SEQUENCE_NUMBER", Some(&str_at(&r, "/SequenceNumber")));
    let got = ok(&mut e, "GetRecords", json!({"ShardIterator": it, "Limit": 1}));
    assert!(got["Records"][0].get("PartitionKey").is_none(), "{got}");
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "a", "Data": "", "SequenceNumberForOrdering": str_at(&r, "/SequenceNumber")}),
        ErrorType::InvalidArgumentException,
        "SequenceNumberForOrdering is not supported for streams with record distribution strategy AUTO.",
    );
    // Back to USER_PARTITION_KEY: a key is required again and keeps its shard.
    ok(
        &mut e,
        "UpdateStreamRecordDistributionStrategy",
        json!({"StreamARN": ARN, "RecordDistributionStrategy": "USER_PARTITION_KEY"}),
    );
    let error = err(&mut e, "PutRecord", json!({"StreamName": "s", "Data": ""}));
    assert_eq!(error.error_type, ErrorType::ValidationException);
    let back: Vec<String> = (0..3).map(|i| put(&mut e, "s", "same", &[i]).0).collect();
    assert!(back.iter().all(|s| *s == before[0]), "{back:?}");
    // PROVISIONED streams refuse AUTO.
    let mut p = with_stream(2);
    expect_error(
        &mut p,
        "UpdateStreamRecordDistributionStrategy",
        json!({"StreamARN": ARN, "RecordDistributionStrategy": "AUTO"}),
        ErrorType::InvalidArgumentException,
        "Record distribution strategy AUTO is only supported for streams in ON_DEMAND capacity mode.",
    );
    ok(
        &mut p,
        "UpdateStreamRecordDistributionStrategy",
        json!({"StreamARN": ARN, "RecordDistributionStrategy": "USER_PARTITION_KEY"}),
    );
    let error = err(
        &mut p,
        "UpdateStreamRecordDistributionStrategy",
        json!({"StreamARN": ARN, "RecordDistributionStrategy": "RANDOM"}),
    );
    assert_eq!(error.error_type, ErrorType::ValidationException);
}

/// Operations of the current model the engine does not implement answer like an unknown target.
#[test]
fn unsupported_operations_are_unknown_operations() {
    let mut e = with_stream(1);
    for op in [
        "DeleteResourcePolicy",
        "DescribeAccountSettings",
        "GetResourcePolicy",
        "PutResourcePolicy",
        "UpdateAccountSettings",
        "UpdateStreamWarmThroughput",
        "NoSuchOperation",
    ] {
        let error = err(&mut e, op, json!({"ResourceARN": ARN}));
        assert_eq!(error.error_type, ErrorType::UnknownOperationException, "{op}");
        assert_eq!(error.error_type.http_status(), 400);
        let error = e.call_str(op, "{}").err().map(|x| x.error_type);
        assert_eq!(error, Some(ErrorType::UnknownOperationException), "{op}");
    }
}

/// CreateStream's `MaxRecordSizeInKiB` (botocore's current model, 1024–10240), the same limit
/// UpdateMaxRecordSize sets: a 10 MiB record fits a stream created with 10240.
#[test]
fn create_stream_takes_max_record_size() {
    let mut e = engine_no_limits();
    ok(&mut e, "CreateStream", json!({"StreamName": "big", "ShardCount": 1, "MaxRecordSizeInKiB": 10240}));
    let t = e.now().plus(60_000);
    e.step_until(t);
    let s = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "big"}));
    assert_eq!(s["StreamDescriptionSummary"]["MaxRecordSizeInKiB"], json!(10240));
    let data = vec![7u8; 10 * 1024 * 1024];
    ok(&mut e, "PutRecord", json!({"StreamName": "big", "PartitionKey": "a", "Data": b64(&data)}));
    let error = err(&mut e, "CreateStream", json!({"StreamName": "x", "ShardCount": 1, "MaxRecordSizeInKiB": 1023}));
    assert_eq!(error.error_type, ErrorType::ValidationException);
    assert!(error.message_text().contains("maxRecordSizeInKiB"), "{error}");
}
