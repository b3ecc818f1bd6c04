//! `aws kinesis wait`: polls DescribeStream every 10 s of simulated time, at most 18 times.

use super::*;

#[test]
fn stream_exists_advances_the_clock_until_active() {
    let mut h = host();
    ok(&mut h, CliVersion::V2, "kinesis create-stream --stream-name Foo --shard-count 1");
    let start = h.engine.now();
    let out = ok(&mut h, CliVersion::V2, "kinesis wait stream-exists --stream-name Foo");
    // CREATING (5 s) at the first poll, ACTIVE at the second, 10 s later.
    assert_eq!(out.exchanges.len(), 2);
    assert_eq!(h.engine.now().millis() - start.millis(), 10_000);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "");
    let status: Vec<Value> = out
        .exchanges
        .iter()
        .map(|e| {
            e.response
                .as_ref()
                .ok()
                .and_then(|r| r.pointer("/StreamDescription/StreamStatus").cloned())
                .unwrap_or(Value::Null)
        })
        .collect();
    assert_eq!(status, [json!("CREATING"), json!("ACTIVE")]);
    assert!(out.exchanges.iter().all(|e| e.operation == "DescribeStream" && e.request == json!({"StreamName": "Foo"})));
    // Already ACTIVE: one poll, no time passes.
    let out = ok(&mut h, CliVersion::V1, "kinesis wait stream-exists --stream-name Foo");
    assert_eq!(out.exchanges.len(), 1);
    ok(&mut h, CliVersion::V1, "kinesis delete-stream --stream-name Foo");
    let out = ok(&mut h, CliVersion::V1, "kinesis wait stream-not-exists --stream-name Foo");
    assert_eq!(out.exchanges.len(), 2, "DELETING, then gone");
}

#[test]
fn waiter_failures() {
    let mut h = host();
    // An error no acceptor expects ends the wait at once (no operation name in the text).
    let msg = "Waiter StreamExists failed: An error occurred (ResourceNotFoundException): Stream Missing under account 000000000000 not found.";
    let out = v1(&mut h, "kinesis wait stream-exists --stream-name Missing");
    assert_eq!((out.stderr.as_str(), out.status), (format!("\n{msg}\n").as_str(), 255));
    assert_eq!(out.exchanges.len(), 1);
    let out = v2(&mut h, "kinesis wait stream-exists --stream-name Missing");
    assert_eq!((out.stderr.as_str(), out.status), (format!("\naws: [ERROR]: {msg}\n").as_str(), 255));
    // No acceptor ever matches: 18 polls, 170 s, then "Max attempts exceeded".
    active(&mut h, "Bar", 1);
    let start = h.engine.now();
    let out = v1(&mut h, "kinesis wait stream-not-exists --stream-name Bar");
    assert_eq!((out.stderr.as_str(), out.status), ("\nWaiter StreamNotExists failed: Max attempts exceeded\n", 255));
    assert_eq!(out.exchanges.len(), 18);
    assert_eq!(h.engine.now().millis() - start.millis(), 170_000);
    // Parameter validation is not caught by the waiter; paging options reach DescribeStream.
    let out = v2(&mut h, "kinesis wait stream-exists --stream-name Bar --max-items 3");
    assert_eq!(
        (out.stderr.as_str(), out.status),
        ("\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nUnknown parameter in input: \"PaginationConfig\", must be one of: StreamName, Limit, ExclusiveStartShardId, StreamARN, StreamId\n", 252)
    );
}
