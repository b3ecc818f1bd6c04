//! UpdateMaxRecordSize (2025): AWS's range and errors, DescribeStreamSummary's
//! `MaxRecordSizeInKiB`, records above 1 MiB once raised, and the burst they take from a shard.

use super::helpers::{b64, create_active, engine, err, expect_error, ok, ACCOUNT};
use kinesis_playground::engine::ErrorType;
use serde_json::json;

fn arn(name: &str) -> String {
    format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/{name}")
}

#[test]
fn the_range_is_1024_to_10240_kib_and_the_summary_shows_it() {
    let mut e = engine();
    create_active(&mut e, "s", 1);
    let summary = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "s"}));
    assert_eq!(summary["StreamDescriptionSummary"]["MaxRecordSizeInKiB"], 1024);
    for bad in [1023, 10_241] {
        let error = err(&mut e, "UpdateMaxRecordSize", json!({"StreamARN": arn("s"), "MaxRecordSizeInKiB": bad}));
        assert_eq!(error.error_type, ErrorType::ValidationException, "{bad}");
    }
    let missing = err(&mut e, "UpdateMaxRecordSize", json!({"StreamARN": arn("s")}));
    assert_eq!(missing.error_type, ErrorType::ValidationException);
    let gone = err(&mut e, "UpdateMaxRecordSize", json!({"StreamARN": arn("nope"), "MaxRecordSizeInKiB": 2048}));
    assert_eq!(gone.error_type, ErrorType::ResourceNotFoundException);
    ok(&mut e, "UpdateMaxRecordSize", json!({"StreamARN": arn("s"), "MaxRecordSizeInKiB": 10_240}));
    let summary = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "s"}));
    assert_eq!(summary["StreamDescriptionSummary"]["MaxRecordSizeInKiB"], 10_240);
}

#[test]
fn a_record_above_the_stream_limit_is_refused_and_accepted_once_raised() {
    let mut e = engine();
    create_active(&mut e, "s", 1);
    let two_mib = b64(&vec![7u8; 2 * 1024 * 1024]);
    expect_error(
        &mut e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "k", "Data": two_mib}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=2097152 cap=2097152]' at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576",
    );
    ok(&mut e, "UpdateMaxRecordSize", json!({"StreamARN": arn("s"), "MaxRecordSizeInKiB": 4096}));
    ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "k", "Data": two_mib}));
    // The burst left the shard 1 MiB in debt: a small record right after is throttled.
    let throttled = err(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "k", "Data": "eA=="}));
    assert_eq!(throttled.error_type, ErrorType::ProvisionedThroughputExceededException);
    e.advance_by(2_100);
    ok(&mut e, "PutRecord", json!({"StreamName": "s", "PartitionKey": "k", "Data": "eA=="}));
}
