//! EnableEnhancedMonitoring and DisableEnhancedMonitoring: AWS's request and response shapes,
//! `ALL`, validation, and DescribeStream's `EnhancedMonitoring`.

use super::helpers::{engine, err, expect_error, ok, with_stream, ACCOUNT};
use kinesis_playground::engine::error::ErrorType;
use serde_json::json;

#[test]
fn enable_then_disable_answers_current_and_desired() {
    let mut e = with_stream(2);
    let arn = format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/s");
    let out = ok(
        &mut e,
        "EnableEnhancedMonitoring",
        json!({"StreamName": "s", "ShardLevelMetrics": ["IteratorAgeMilliseconds", "IncomingBytes"]}),
    );
    assert_eq!(
        out,
        json!({"StreamName": "s", "StreamARN": arn, "CurrentShardLevelMetrics": [],
               "DesiredShardLevelMetrics": ["IncomingBytes", "IteratorAgeMilliseconds"]})
    );
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "s"}));
    assert_eq!(
        d["StreamDescription"]["EnhancedMonitoring"],
        json!([{"ShardLevelMetrics": ["IncomingBytes", "IteratorAgeMilliseconds"]}])
    );
    let all = ok(&mut e, "EnableEnhancedMonitoring", json!({"StreamARN": arn, "ShardLevelMetrics": ["ALL"]}));
    assert_eq!(all["DesiredShardLevelMetrics"].as_array().map(Vec::len), Some(7));
    let off = ok(
        &mut e,
        "DisableEnhancedMonitoring",
        json!({"StreamName": "s", "ShardLevelMetrics": ["ALL", "IncomingBytes"]}),
    );
    assert_eq!(off["CurrentShardLevelMetrics"].as_array().map(Vec::len), Some(7));
    assert_eq!(off["DesiredShardLevelMetrics"], json!([]));
}

#[test]
fn validation_and_errors_are_aws() {
    let mut e = with_stream(1);
    expect_error(
        &mut e,
        "EnableEnhancedMonitoring",
        json!({"StreamName": "s", "ShardLevelMetrics": ["Bogus"]}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 'Bogus' at 'shardLevelMetrics.1.member' failed to satisfy constraint: Member must satisfy enum value set: [IncomingBytes, IncomingRecords, OutgoingBytes, OutgoingRecords, WriteProvisionedThroughputExceeded, ReadProvisionedThroughputExceeded, IteratorAgeMilliseconds, ALL]",
    );
    let missing = err(&mut e, "EnableEnhancedMonitoring", json!({"StreamName": "s"}));
    assert_eq!(missing.error_type, ErrorType::ValidationException);
    assert!(missing
        .message
        .unwrap_or_default()
        .contains("'shardLevelMetrics' failed to satisfy constraint: Member must not be null"));
    let empty = err(&mut e, "DisableEnhancedMonitoring", json!({"StreamName": "s", "ShardLevelMetrics": []}));
    assert_eq!(empty.error_type, ErrorType::ValidationException);
    expect_error(
        &mut e,
        "EnableEnhancedMonitoring",
        json!({"StreamName": "nope", "ShardLevelMetrics": ["ALL"]}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream nope under account {ACCOUNT} not found."),
    );
    let none = err(&mut e, "EnableEnhancedMonitoring", json!({"ShardLevelMetrics": ["ALL"]}));
    assert_eq!(none.error_type, ErrorType::InvalidArgumentException);
    // A stream still CREATING is not ACTIVE.
    let mut fresh = engine();
    ok(&mut fresh, "CreateStream", json!({"StreamName": "c", "ShardCount": 1}));
    expect_error(
        &mut fresh,
        "EnableEnhancedMonitoring",
        json!({"StreamName": "c", "ShardLevelMetrics": ["ALL"]}),
        ErrorType::ResourceInUseException,
        &format!("Stream c under account {ACCOUNT} not ACTIVE, instead in state CREATING"),
    );
}
