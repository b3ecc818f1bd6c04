//! B11: the error catalogue, with AWS's exact messages.

use super::helpers::{
    b64, create_active, engine, err, expect_error, iterator, ok, put, put_hash, str_at, with_stream, ACCOUNT,
};
use kinesis_playground::engine::{Engine, EngineConfig, ErrorType};
use serde_json::json;

const MISMATCH: &str = "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified";

#[test]
fn stream_not_found_from_every_stream_operation() {
    let mut e = engine();
    let msg = format!("Stream nope under account {ACCOUNT} not found.");
    for (op, req) in [
        ("DescribeStream", json!({"StreamName": "nope"})),
        ("DescribeStreamSummary", json!({"StreamName": "nope"})),
        ("DeleteStream", json!({"StreamName": "nope"})),
        ("PutRecord", json!({"StreamName": "nope", "PartitionKey": "a", "Data": "eA=="})),
        ("PutRecords", json!({"StreamName": "nope", "Records": [{"PartitionKey": "a", "Data": "eA=="}]})),
        ("ListShards", json!({"StreamName": "nope"})),
        ("AddTagsToStream", json!({"StreamName": "nope", "Tags": {"a": "b"}})),
        ("ListTagsForStream", json!({"StreamName": "nope"})),
        ("IncreaseStreamRetentionPeriod", json!({"StreamName": "nope", "RetentionPeriodHours": 48})),
        ("SplitShard", json!({"StreamName": "nope", "ShardToSplit": "shardId-0", "NewStartingHashKey": "100"})),
        ("MergeShards", json!({"StreamName": "nope", "ShardToMerge": "0", "AdjacentShardToMerge": "1"})),
    ] {
        let error = err(&mut e, op, req);
        assert_eq!(error.error_type, ErrorType::ResourceNotFoundException, "{op}");
        assert_eq!(error.message_text(), msg, "{op}");
    }
    // GetShardIterator names the shard instead.
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "nope", "ShardId": "shardId-000000000000", "ShardIteratorType": "LATEST"}),
        ErrorType::ResourceNotFoundException,
        &format!("Shard shardId-000000000000 in stream nope under account {ACCOUNT} does not exist"),
    );
}

#[test]
fn create_existing_stream_is_resource_in_use() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "CreateStream",
        json!({"StreamName": "s", "ShardCount": 2}),
        ErrorType::ResourceInUseException,
        &format!("Stream s under account {ACCOUNT} already exists."),
    );
}

#[test]
fn shard_ids_are_read_leniently() {
    let mut e = with_stream(2);
    for id in ["shardId-0", "shard-1", "0", "foo-0", "shardId-000000000001", "1"] {
        let it = iterator(&mut e, "s", id, "TRIM_HORIZON", None);
        assert!(it.starts_with("AAAAAAAAAA"), "{id}: {it}");
        e.advance_by(1_000); // stay inside the 5 GetShardIterator calls/s
    }
    for bad in ["ABKLFD8", "2147483648", "2.14E4", "shardId-002147483648"] {
        expect_error(
            &mut e,
            "GetShardIterator",
            json!({"StreamName": "s", "ShardId": bad, "ShardIteratorType": "LATEST"}),
            ErrorType::ResourceNotFoundException,
            &format!("Could not find shard {bad} in stream s under account {ACCOUNT}."),
        );
    }
    // A well-formed id beyond the stream's shards "does not exist".
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-7", "ShardIteratorType": "LATEST"}),
        ErrorType::ResourceNotFoundException,
        &format!("Shard shardId-000000000007 in stream s under account {ACCOUNT} does not exist"),
    );
}

#[test]
fn iterator_type_and_sequence_number_mismatch_both_ways() {
    let mut e = with_stream(1);
    let (_, seq) = put(&mut e, "s", "a", b"x");
    for kind in ["TRIM_HORIZON", "LATEST"] {
        expect_error(
            &mut e,
            "GetShardIterator",
            json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": kind, "StartingSequenceNumber": seq}),
            ErrorType::InvalidArgumentException,
            &format!("{MISMATCH} {kind} and also a StartingSequenceNumber."),
        );
    }
    for kind in ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"] {
        expect_error(
            &mut e,
            "GetShardIterator",
            json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": kind}),
            ErrorType::InvalidArgumentException,
            &format!("{MISMATCH} {kind} and no StartingSequenceNumber."),
        );
    }
}

#[test]
fn sequence_number_from_another_shard_names_both_shards() {
    let mut e = with_stream(2);
    let (shard, seq) = put(&mut e, "s", "b", b"x");
    assert_eq!(shard, "shardId-000000000001");
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": seq}),
        ErrorType::InvalidArgumentException,
        "Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with shardId-000000000000",
    );
}

#[test]
fn garbage_sequence_number_is_invalid() {
    let mut e = with_stream(1);
    let garbage = format!("1{}", "0".repeat(50));
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": garbage}),
        ErrorType::InvalidArgumentException,
        &format!("StartingSequenceNumber {garbage} used in GetShardIterator on shard shardId-000000000000 in stream s under account {ACCOUNT} is invalid."),
    );
}

/// Decimal numbers that parse as legacy version-0 sequence numbers (everything below 2^129,
/// with 2^124 added below 2^124), each with the shard its low 16 bits name: "0", "1" and 2^124.
/// The engine never issues them; they used to answer InternalFailure.
const LEGACY_V0: [(&str, &str); 3] = [
    ("0", "shardId-000000000000"),
    ("1", "shardId-000000000001"),
    ("21267647932558653966460912964485513216", "shardId-000000000000"),
];

#[test]
fn legacy_v0_sequence_number_is_the_callers_error_in_get_shard_iterator() {
    let mut e = with_stream(2);
    for (seq, shard) in LEGACY_V0 {
        for kind in ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"] {
            expect_error(
                &mut e,
                "GetShardIterator",
                json!({"StreamName": "s", "ShardId": shard, "ShardIteratorType": kind, "StartingSequenceNumber": seq}),
                ErrorType::InvalidArgumentException,
                &format!("StartingSequenceNumber {seq} used in GetShardIterator on shard {shard} in stream s under account {ACCOUNT} is invalid."),
            );
        }
    }
}

#[test]
fn legacy_v0_sequence_number_is_the_callers_error_in_subscribe_to_shard() {
    let mut e = with_stream(2);
    let arn = format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/s");
    let r = ok(&mut e, "RegisterStreamConsumer", json!({"StreamARN": arn, "ConsumerName": "c"}));
    let consumer = str_at(&r, "/Consumer/ConsumerARN");
    e.advance_by(3_000);
    for (seq, shard) in LEGACY_V0 {
        for kind in ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"] {
            // SubscribeToShard allows one call per second per consumer and shard.
            e.advance_by(1_000);
            expect_error(
                &mut e,
                "SubscribeToShard",
                json!({"ConsumerARN": consumer, "ShardId": shard, "StartingPosition": {"Type": kind, "SequenceNumber": seq}}),
                ErrorType::InvalidArgumentException,
                &format!("StartingSequenceNumber {seq} used in SubscribeToShard on shard {shard} in stream s under account {ACCOUNT} is invalid."),
            );
        }
    }
}

#[test]
fn sequence_number_of_a_previous_incarnation_did_not_come_from_this_stream() {
    let mut e = with_stream(1);
    let (_, seq) = put(&mut e, "s", "a", b"x");
    ok(&mut e, "DeleteStream", json!({"StreamName": "s"}));
    e.advance_by(10_000);
    super::helpers::create_active(&mut e, "s", 1);
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": seq}),
        ErrorType::InvalidArgumentException,
        &format!("StartingSequenceNumber {seq} used in GetShardIterator on shard shardId-000000000000 in stream s under account {ACCOUNT} is invalid because it did not come from this stream."),
    );
}

#[test]
fn at_timestamp_missing_or_in_the_future() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP"}),
        ErrorType::InvalidArgumentException,
        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.",
    );
    let now = e.now().millis();
    let future_ms = now + 5_500;
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": future_ms as f64 / 1000.0}),
        ErrorType::InvalidArgumentException,
        &format!("The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: {future_ms}, currentTimestampInMillis: {now}"),
    );
    // Exactly now is fine.
    ok(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": now as f64 / 1000.0}),
    );
}

#[test]
fn garbage_iterator_is_invalid_shard_iterator() {
    let mut e = with_stream(1);
    for it in ["AAAA", "not-base64!", "AAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] {
        expect_error(
            &mut e,
            "GetRecords",
            json!({"ShardIterator": it}),
            ErrorType::InvalidArgumentException,
            "Invalid ShardIterator.",
        );
    }
    // A real iterator with one character changed.
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let mut bytes = it.into_bytes();
    let i = bytes.len() / 2;
    bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap_or_default();
    expect_error(
        &mut e,
        "GetRecords",
        json!({"ShardIterator": tampered}),
        ErrorType::InvalidArgumentException,
        "Invalid ShardIterator.",
    );
}

#[test]
fn iterator_expires_after_300_000_ms_with_java_dates() {
    let mut e = with_stream(1);
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    // Issued at 2025-01-01T00:01:00Z.
    e.advance_by(300_000);
    ok(&mut e, "GetRecords", json!({"ShardIterator": it}));
    e.advance_by(1);
    expect_error(
        &mut e,
        "GetRecords",
        json!({"ShardIterator": it}),
        ErrorType::ExpiredIteratorException,
        "Iterator expired. The iterator was created at time Wed Jan 01 00:01:00 UTC 2025 while right now it is Wed Jan 01 00:06:00 UTC 2025 which is further in the future than the tolerated delay of 300000 milliseconds.",
    );
}

const TOO_BIG: &str = "340282366920938463463374607431768211456";

#[test]
fn explicit_hash_key_out_of_range_in_put_record() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "a", "ExplicitHashKey": TOO_BIG, "Data": "eA=="}),
        ErrorType::InvalidArgumentException,
        &format!("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {TOO_BIG}"),
    );
    // 2^128 - 1 itself is fine.
    put_hash(&mut e, "s", u128::MAX, b"x");
}

#[test]
fn explicit_hash_key_out_of_range_fails_the_whole_put_records_request() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "PutRecords",
        json!({"StreamName": "s", "Records": [
            {"PartitionKey": "a", "Data": "eA=="},
            {"PartitionKey": "b", "ExplicitHashKey": TOO_BIG, "Data": "eA=="},
            {"PartitionKey": "c", "Data": "eA=="},
        ]}),
        ErrorType::InvalidArgumentException,
        &format!("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {TOO_BIG}"),
    );
    assert_eq!(e.stream("s").map(|s| s.shards[0].records.len()), Some(0), "nothing was written");
}

#[test]
fn explicit_hash_key_with_a_bad_pattern_is_a_validation_error() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "a", "ExplicitHashKey": "0123", "Data": "eA=="}),
        ErrorType::ValidationException,
        "1 validation error detected: Value '0123' at 'explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})",
    );
}

#[test]
fn split_shard_new_starting_hash_key_out_of_range_message() {
    let mut e = with_stream(1);
    for k in ["1", "0", "340282366920938463463374607431768211455", TOO_BIG] {
        expect_error(
            &mut e,
            "SplitShard",
            json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": k}),
            ErrorType::InvalidArgumentException,
            &format!("NewStartingHashKey {k} used in SplitShard() on shard shardId-000000000000 in stream s under account {ACCOUNT} is not both greater than one plus the shard's StartingHashKey 0 and less than the shard's EndingHashKey 340282366920938463463374607431768211455."),
        );
    }
}

#[test]
fn merge_of_non_adjacent_or_reversed_shards_is_refused() {
    let mut e = with_stream(3);
    for (a, b) in [(0, 2), (1, 0), (2, 1), (0, 0)] {
        expect_error(
            &mut e,
            "MergeShards",
            json!({"StreamName": "s", "ShardToMerge": format!("shardId-{a:012}"), "AdjacentShardToMerge": format!("shardId-{b:012}")}),
            ErrorType::InvalidArgumentException,
            &format!("Shards shardId-{a:012} and shardId-{b:012} in stream s under account {ACCOUNT} are not an adjacent pair of shards eligible for merging"),
        );
    }
}

#[test]
fn retention_limits_and_messages() {
    let mut e = with_stream(1);
    let req = |h: i64| json!({"StreamName": "s", "RetentionPeriodHours": h});
    expect_error(
        &mut e,
        "IncreaseStreamRetentionPeriod",
        req(23),
        ErrorType::InvalidArgumentException,
        "Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.",
    );
    expect_error(
        &mut e,
        "DecreaseStreamRetentionPeriod",
        req(23),
        ErrorType::InvalidArgumentException,
        "Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.",
    );
    ok(&mut e, "IncreaseStreamRetentionPeriod", req(48));
    ok(&mut e, "IncreaseStreamRetentionPeriod", req(48)); // equal is accepted
    expect_error(
        &mut e,
        "IncreaseStreamRetentionPeriod",
        req(30),
        ErrorType::InvalidArgumentException,
        "Requested retention period (30 hours) for stream s can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.",
    );
    expect_error(
        &mut e,
        "DecreaseStreamRetentionPeriod",
        req(72),
        ErrorType::InvalidArgumentException,
        "Requested retention period (72 hours) for stream s can not be longer than existing retention period (48 hours). Use IncreaseRetentionPeriod API.",
    );
    ok(&mut e, "DecreaseStreamRetentionPeriod", req(48)); // equal is accepted
    ok(&mut e, "IncreaseStreamRetentionPeriod", req(8760));
    let d = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "s"}));
    assert_eq!(d["StreamDescriptionSummary"]["RetentionPeriodHours"], json!(8760));
    expect_error(
        &mut e,
        "IncreaseStreamRetentionPeriod",
        req(8761),
        ErrorType::ValidationException,
        "1 validation error detected: Value '8761' at 'retentionPeriodHours' failed to satisfy constraint: Member must have value less than or equal to 8760",
    );
}

#[test]
fn list_shards_needs_exactly_one_of_stream_name_and_next_token() {
    let mut e = with_stream(3);
    expect_error(
        &mut e,
        "ListShards",
        json!({}),
        ErrorType::InvalidArgumentException,
        "Either NextToken or StreamName should be provided.",
    );
    let page = ok(&mut e, "ListShards", json!({"StreamName": "s", "MaxResults": 1}));
    let token = str_at(&page, "/NextToken");
    expect_error(
        &mut e,
        "ListShards",
        json!({"StreamName": "s", "NextToken": token}),
        ErrorType::InvalidArgumentException,
        "NextToken and StreamName cannot be provided together.",
    );
}

#[test]
fn tags_with_bad_characters_or_percent_are_refused() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "s", "Tags": {"a!b": "c"}}),
        ErrorType::InvalidArgumentException,
        "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.",
    );
    expect_error(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "s", "Tags": {"a": "50%"}}),
        ErrorType::InvalidArgumentException,
        &format!("Failed to add tags to stream s under account {ACCOUNT} because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'."),
    );
    expect_error(
        &mut e,
        "RemoveTagsFromStream",
        json!({"StreamName": "s", "TagKeys": ["x%"]}),
        ErrorType::InvalidArgumentException,
        &format!("Failed to remove tags from stream s under account {ACCOUNT} because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'."),
    );
    ok(&mut e, "AddTagsToStream", json!({"StreamName": "s", "Tags": {"team": "data eng", "k.v/=+-@_": ""}}));
    let tags = ok(&mut e, "ListTagsForStream", json!({"StreamName": "s"}));
    assert_eq!(
        tags,
        json!({"Tags": [{"Key": "k.v/=+-@_", "Value": ""}, {"Key": "team", "Value": "data eng"}], "HasMoreTags": false})
    );
}

#[test]
fn more_than_50_tags_in_total_is_refused_with_the_10_tags_quirk() {
    let mut e = with_stream(1);
    for batch in 0..5 {
        let tags: serde_json::Map<String, serde_json::Value> =
            (0..10).map(|i| (format!("k{batch}{i}"), json!("v"))).collect();
        ok(&mut e, "AddTagsToStream", json!({"StreamName": "s", "Tags": tags}));
    }
    expect_error(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "s", "Tags": {"one-more": "v"}}),
        ErrorType::InvalidArgumentException,
        &format!("Failed to add tags to stream s under account {ACCOUNT} because a given stream cannot have more than 10 tags associated with it."),
    );
}

#[test]
fn validation_exception_singular_and_plural() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "Data": "eA=="}),
        ErrorType::ValidationException,
        "1 validation error detected: Value null at 'partitionKey' failed to satisfy constraint: Member must not be null",
    );
    expect_error(
        &mut e,
        "CreateStream",
        json!({}),
        ErrorType::ValidationException,
        "2 validation errors detected: Value null at 'shardCount' failed to satisfy constraint: Member must not be null; Value null at 'streamName' failed to satisfy constraint: Member must not be null",
    );
    expect_error(
        &mut e,
        "CreateStream",
        json!({"StreamName": "bad name!", "ShardCount": 0}),
        ErrorType::ValidationException,
        "2 validation errors detected: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1; Value 'bad name!' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
    expect_error(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "s", "ShardId": "0", "ShardIteratorType": "OLDEST"}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]",
    );
    // Integers above 2^31 - 1 are clamped before validation.
    expect_error(
        &mut e,
        "CreateStream",
        json!({"StreamName": "t", "ShardCount": 1e12}),
        ErrorType::ValidationException,
        "1 validation error detected: Value '2147483647' at 'shardCount' failed to satisfy constraint: Member must have value less than or equal to 100000",
    );
}

#[test]
fn validation_exception_paths_name_list_members_1_based() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "PutRecords",
        json!({"StreamName": "s", "Records": [{"PartitionKey": "a", "Data": "eA=="}, {"PartitionKey": "", "Data": "eA=="}]}),
        ErrorType::ValidationException,
        "1 validation error detected: Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    let big = b64(&vec![0u8; 1_048_577]);
    expect_error(
        &mut e,
        "PutRecords",
        json!({"StreamName": "s", "Records": [{"PartitionKey": "a", "Data": big}]}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048577 cap=1048577]' at 'records.1.member.data' failed to satisfy constraint: Member must have length less than or equal to 1048576",
    );
    expect_error(
        &mut e,
        "PutRecords",
        json!({"StreamName": "s", "Records": []}),
        ErrorType::ValidationException,
        "1 validation error detected: Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
}

#[test]
fn validation_exception_keeps_at_most_10_items() {
    let mut e = with_stream(1);
    let records: Vec<serde_json::Value> = (0..12).map(|_| json!({"PartitionKey": "", "Data": "eA=="})).collect();
    let error = err(&mut e, "PutRecords", json!({"StreamName": "s", "Records": records}));
    assert_eq!(error.error_type, ErrorType::ValidationException);
    let expected: Vec<String> = (1..=10)
        .map(|i| format!("Value '' at 'records.{i}.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1"))
        .collect();
    assert_eq!(error.message_text(), format!("10 validation errors detected: {}", expected.join("; ")));
}

#[test]
fn serialization_exception_uses_a_capital_message_key() {
    let mut e = with_stream(1);
    let error = err(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": 5, "Data": "eA=="}));
    assert_eq!(error.error_type, ErrorType::SerializationException);
    assert_eq!(
        error.to_json(),
        json!({"__type": "SerializationException", "Message": "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String"})
    );
    let error = err(&mut e, "CreateStream", json!({"StreamName": "x", "ShardCount": "a"}));
    assert_eq!(
        error.to_json(),
        json!({"__type": "SerializationException", "Message": "class java.lang.String can not be converted to an Integer"})
    );
    let error = err(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "a", "Data": "23456"}));
    assert_eq!(
        error.to_json()["Message"],
        json!("'23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5")
    );
    let error = err(&mut e, "PutRecords", json!({"StreamName": "s", "Records": {"a": 1}}));
    assert_eq!(error.to_json()["Message"], json!("Start of structure or map found where not expected."));
    let error = err(&mut e, "PutRecord", json!({"StreamName": ["s"], "PartitionKey": "a", "Data": "eA=="}));
    assert_eq!(error.to_json()["Message"], json!("Start of list found where not expected"));
    // Other errors use a lower-case `message`.
    let error = err(&mut e, "DescribeStream", json!({"StreamName": "zz"}));
    assert_eq!(
        error.to_json(),
        json!({"__type": "ResourceNotFoundException", "message": format!("Stream zz under account {ACCOUNT} not found.")})
    );
}

#[test]
fn unknown_operation_and_non_object_body() {
    let mut e = engine();
    let error = err(&mut e, "FlyToTheMoon", json!({}));
    assert_eq!(error.to_json(), json!({"__type": "UnknownOperationException"}));
    let error = match e.call_str("ListStreams", "[1,2]") {
        Ok(v) => panic!("accepted {v}"),
        Err(x) => x,
    };
    assert_eq!(error.to_json(), json!({"__type": "SerializationException"}));
}

#[test]
fn sequence_number_for_ordering_is_validated() {
    let mut e = with_stream(1);
    let (_, seq) = put(&mut e, "s", "a", b"x");
    let r = ok(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "a", "Data": "eA==", "SequenceNumberForOrdering": seq}),
    );
    assert!(super::helpers::v2(&str_at(&r, "/SequenceNumber")) > super::helpers::v2(&seq));
    let garbage = format!("1{}", "0".repeat(50));
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "a", "Data": "eA==", "SequenceNumberForOrdering": garbage}),
        ErrorType::InvalidArgumentException,
        &format!("ExclusiveMinimumSequenceNumber {garbage} used in PutRecord on stream s under account {ACCOUNT} is invalid."),
    );
}

#[test]
fn create_stream_beyond_the_account_shard_limit() {
    // The default quota is AWS's current 20,000 (see `limits::default_shard_quota`); a quota of
    // 500 (the old default, still kinesalite's in the cross-check) keeps this test small.
    let mut e = Engine::new(EngineConfig { shard_limit: 500, ..EngineConfig::default() });
    create_active(&mut e, "s", 400);
    expect_error(
        &mut e,
        "CreateStream",
        json!({"StreamName": "t", "ShardCount": 101}),
        ErrorType::LimitExceededException,
        &format!("This request would exceed the shard limit for the account {ACCOUNT} in us-east-1. Current shard count for the account: 400. Limit: 500. Number of additional shards that would have resulted from this request: 101. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits."),
    );
    ok(&mut e, "CreateStream", json!({"StreamName": "t", "ShardCount": 100}));
    expect_error(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": "1000"}),
        ErrorType::LimitExceededException,
        &format!("This request would exceed the shard limit for the account {ACCOUNT} in us-east-1. Current shard count for the account: 500. Limit: 500. Number of additional shards that would have resulted from this request: 1. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits."),
    );
}

#[test]
fn at_most_5_streams_creating_at_once() {
    let mut e = engine();
    for i in 0..5 {
        ok(&mut e, "CreateStream", json!({"StreamName": format!("s{i}"), "ShardCount": 1}));
    }
    let error = err(&mut e, "CreateStream", json!({"StreamName": "s5", "ShardCount": 1}));
    assert_eq!(error.error_type, ErrorType::LimitExceededException);
    e.advance_by(5_000);
    ok(&mut e, "CreateStream", json!({"StreamName": "s5", "ShardCount": 1}));
}
