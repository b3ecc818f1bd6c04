//! B10 enhanced fan-out: consumer registration, SubscribeToShard, dedicated 2 MiB/s pipes, the
//! 70 ms push delay, the 5-minute subscription and ChildShards at a closed shard's end.

use super::helpers::{
    arr_at, b64, engine, err, expect_error, ok, put, put_hash, str_at, u64_at, with_stream, ACCOUNT, START_MS,
};
use kinesis_playground::engine::ops::get_records::ShardIteratorType;
use kinesis_playground::engine::ops::subscribe_to_shard::{StartingPosition, SubscribeToShardInput};
use kinesis_playground::engine::state::limits::MIB;
use kinesis_playground::engine::state::shard::ShardId;
use kinesis_playground::engine::state::subscription::{SubscriptionEnd, SubscriptionId};
use kinesis_playground::engine::time::SimTime;
use kinesis_playground::engine::wire::shapes::SubscribeToShardEvent;
use kinesis_playground::engine::{Engine, ErrorType};
use serde_json::{json, Value};

const STREAM_ARN: &str = "arn:aws:kinesis:us-east-1:000000000000:stream/s";
/// `with_stream` leaves the clock at start + 60 s.
const T0: u64 = START_MS + 60_000;

/// RegisterStreamConsumer; returns the consumer ARN.
fn register(e: &mut Engine, name: &str) -> String {
    let r = ok(e, "RegisterStreamConsumer", json!({"StreamARN": STREAM_ARN, "ConsumerName": name}));
    str_at(&r, "/Consumer/ConsumerARN")
}

/// Registers `name` and waits until it is ACTIVE (3 s, the engine's update delay).
fn active(e: &mut Engine, name: &str) -> String {
    let arn = register(e, name);
    e.advance_by(3_000);
    arn
}

/// `ConsumerStatus` via DescribeStreamConsumer by ARN.
fn consumer_status(e: &mut Engine, arn: &str) -> String {
    let d = ok(e, "DescribeStreamConsumer", json!({"ConsumerARN": arn}));
    str_at(&d, "/ConsumerDescription/ConsumerStatus")
}

fn position(kind: ShardIteratorType, seq: Option<&str>) -> StartingPosition {
    StartingPosition { kind, sequence_number: seq.map(str::to_string), timestamp: None }
}

/// Typed SubscribeToShard (panics with the AWS error if it fails).
fn subscribe(e: &mut Engine, arn: &str, shard: &str, start: StartingPosition) -> SubscriptionId {
    let input =
        SubscribeToShardInput { consumer_arn: arn.to_string(), shard_id: shard.to_string(), starting_position: start };
    match e.subscribe_to_shard(input) {
        Ok(out) => out.subscription,
        Err(error) => panic!("SubscribeToShard {arn} {shard} failed at {}: {error}", e.now()),
    }
}

/// Typed SubscribeToShard that must fail; returns the error.
fn subscribe_err(
    e: &mut Engine,
    arn: &str,
    shard: &str,
    start: StartingPosition,
) -> kinesis_playground::engine::error::ApiError {
    let input =
        SubscribeToShardInput { consumer_arn: arn.to_string(), shard_id: shard.to_string(), starting_position: start };
    match e.subscribe_to_shard(input) {
        Ok(out) => panic!("SubscribeToShard succeeded with {out:?}, expected an error"),
        Err(error) => error,
    }
}

/// One delivered event, reduced to what the tests compare.
#[derive(Debug, PartialEq, Eq)]
struct Got {
    /// Delivery time, ms after `T0`.
    at: u64,
    datas: Vec<String>,
    seqs: Vec<String>,
    continuation: String,
    behind: u64,
    children: Option<Vec<String>>,
}

fn got(at: SimTime, ev: &SubscribeToShardEvent) -> Got {
    Got {
        at: at.0 - T0,
        datas: ev.records.iter().map(|r| String::from_utf8_lossy(&r.data).into_owned()).collect(),
        seqs: ev.records.iter().map(|r| r.sequence_number.to_string()).collect(),
        continuation: ev.continuation_sequence_number.to_string(),
        behind: ev.millis_behind_latest,
        children: ev.child_shards.as_ref().map(|c| c.iter().map(|s| s.shard_id.to_string()).collect()),
    }
}

fn take(e: &mut Engine, id: SubscriptionId) -> Vec<Got> {
    e.take_subscription_events(id).iter().map(|(at, ev)| got(*at, ev)).collect()
}

fn datas_of(events: &[Got]) -> Vec<String> {
    events.iter().flat_map(|g| g.datas.iter().cloned()).collect()
}

#[test]
fn register_is_creating_then_active_after_the_update_delay() {
    let mut e = with_stream(1);
    let r = ok(&mut e, "RegisterStreamConsumer", json!({"StreamARN": STREAM_ARN, "ConsumerName": "app"}));
    let arn = format!("{STREAM_ARN}/consumer/app:1735689660");
    assert_eq!(
        r,
        json!({"Consumer": {"ConsumerName": "app", "ConsumerARN": arn, "ConsumerStatus": "CREATING", "ConsumerCreationTimestamp": 1_735_689_660.0}})
    );
    e.advance_by(2_999);
    assert_eq!(consumer_status(&mut e, &arn), "CREATING");
    e.advance_by(1);
    let d = ok(&mut e, "DescribeStreamConsumer", json!({"StreamARN": STREAM_ARN, "ConsumerName": "app"}));
    assert_eq!(
        d,
        json!({"ConsumerDescription": {"ConsumerName": "app", "ConsumerARN": arn, "ConsumerStatus": "ACTIVE", "ConsumerCreationTimestamp": 1_735_689_660.0, "StreamARN": STREAM_ARN}})
    );
    // All three addressing fields together, when they agree.
    let all = json!({"StreamARN": STREAM_ARN, "ConsumerName": "app", "ConsumerARN": arn});
    assert_eq!(ok(&mut e, "DescribeStreamConsumer", all), d);
}

#[test]
fn list_pages_in_registration_order_and_tokens_expire() {
    let mut e = with_stream(1);
    for name in ["e", "d", "c"] {
        register(&mut e, name);
    }
    e.advance_by(3_000);
    for name in ["b", "a"] {
        register(&mut e, name);
    }
    let names =
        |v: &Value| -> Vec<String> { arr_at(v, "/Consumers").iter().map(|c| str_at(c, "/ConsumerName")).collect() };
    let all = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": STREAM_ARN}));
    assert_eq!(names(&all), ["e", "d", "c", "b", "a"]);
    assert!(all.get("NextToken").is_none());
    let status: Vec<String> = arr_at(&all, "/Consumers").iter().map(|c| str_at(c, "/ConsumerStatus")).collect();
    assert_eq!(status, ["ACTIVE", "ACTIVE", "ACTIVE", "CREATING", "CREATING"]);
    assert_eq!(e.consumer_count("s"), 5);

    let p1 = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": STREAM_ARN, "MaxResults": 2}));
    assert_eq!(names(&p1), ["e", "d"]);
    let t1 = str_at(&p1, "/NextToken");
    let p2 = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": STREAM_ARN, "MaxResults": 2, "NextToken": t1}));
    assert_eq!(names(&p2), ["c", "b"]);
    let t2 = str_at(&p2, "/NextToken");
    let p3 = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": STREAM_ARN, "NextToken": t2}));
    assert_eq!(names(&p3), ["a"]);
    assert!(p3.get("NextToken").is_none());

    e.advance_by(300_001);
    expect_error(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": STREAM_ARN, "NextToken": t2}),
        ErrorType::ExpiredNextTokenException,
        "The NextToken has expired.",
    );
    expect_error(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": STREAM_ARN, "MaxResults": 10001}),
        ErrorType::ValidationException,
        "1 validation error detected: Value '10001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
}

#[test]
fn five_creating_at_once_and_twenty_per_stream() {
    let mut e = with_stream(1);
    for i in 0..5 {
        register(&mut e, &format!("c{i}"));
    }
    expect_error(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": STREAM_ARN, "ConsumerName": "c5"}),
        ErrorType::LimitExceededException,
        &format!("This request would exceed the limit of 5 consumers in CREATING state for stream s under account {ACCOUNT}."),
    );
    e.advance_by(3_000);
    for i in 5..20 {
        register(&mut e, &format!("c{i}"));
        if i % 5 == 4 {
            e.advance_by(3_000);
        }
    }
    expect_error(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": STREAM_ARN, "ConsumerName": "c20"}),
        ErrorType::LimitExceededException,
        &format!("This request would exceed the limit of 20 consumers registered to stream s under account {ACCOUNT}."),
    );
    let all = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": STREAM_ARN}));
    assert_eq!(arr_at(&all, "/Consumers").len(), 20);
}

#[test]
fn duplicate_names_missing_streams_and_bad_names() {
    let mut e = with_stream(1);
    register(&mut e, "app");
    expect_error(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": STREAM_ARN, "ConsumerName": "app"}),
        ErrorType::ResourceInUseException,
        &format!("Consumer app under stream s and account {ACCOUNT} already exists."),
    );
    expect_error(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:000000000000:stream/nope", "ConsumerName": "app"}),
        ErrorType::ResourceNotFoundException,
        &format!("Stream nope under account {ACCOUNT} not found."),
    );
    expect_error(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": STREAM_ARN, "ConsumerName": "a b"}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 'a b' at 'consumerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
    expect_error(
        &mut e,
        "DescribeStreamConsumer",
        json!({"ConsumerARN": "arn:aws:kinesis:us-east-1:000000000000:stream/s"}),
        ErrorType::ValidationException,
        "1 validation error detected: Value 'arn:aws:kinesis:us-east-1:000000000000:stream/s' at 'consumerARN' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+",
    );
    expect_error(
        &mut e,
        "DescribeStreamConsumer",
        json!({"StreamARN": STREAM_ARN, "ConsumerName": "other"}),
        ErrorType::ResourceNotFoundException,
        &format!("Consumer other under stream s and account {ACCOUNT} not found."),
    );
    expect_error(
        &mut e,
        "DescribeStreamConsumer",
        json!({"ConsumerName": "app"}),
        ErrorType::InvalidArgumentException,
        "Either ConsumerARN or both StreamARN and ConsumerName must be provided.",
    );
}

#[test]
fn deregister_is_deleting_then_gone_and_needs_an_active_consumer() {
    let mut e = with_stream(1);
    let arn = register(&mut e, "app");
    expect_error(
        &mut e,
        "DeregisterStreamConsumer",
        json!({"ConsumerARN": arn}),
        ErrorType::ResourceInUseException,
        &format!("Consumer app with creation timestamp 1735689660 under stream s and account {ACCOUNT} is not in ACTIVE status."),
    );
    e.advance_by(3_000);
    let id = subscribe(&mut e, &arn, "shardId-000000000000", position(ShardIteratorType::Latest, None));
    assert_eq!(
        ok(&mut e, "DeregisterStreamConsumer", json!({"StreamARN": STREAM_ARN, "ConsumerName": "app"})),
        json!({})
    );
    assert_eq!(consumer_status(&mut e, &arn), "DELETING");
    let state = e.subscription_state(id);
    assert_eq!(state.map(|s| s.ended), Some(Some((SimTime(T0 + 3_000), SubscriptionEnd::ConsumerDeleted))));
    e.advance_by(3_000);
    expect_error(
        &mut e,
        "DescribeStreamConsumer",
        json!({"ConsumerARN": arn}),
        ErrorType::ResourceNotFoundException,
        &format!("Consumer {arn} under account {ACCOUNT} not found."),
    );
    // The name is free again, with a new ARN (new creation second).
    let again = register(&mut e, "app");
    assert_eq!(again, format!("{STREAM_ARN}/consumer/app:1735689666"));
}

#[test]
fn subscribe_needs_an_active_consumer_and_an_existing_shard() {
    let mut e = with_stream(1);
    let arn = register(&mut e, "app");
    let error = subscribe_err(&mut e, &arn, "shardId-000000000000", position(ShardIteratorType::Latest, None));
    assert_eq!(error.error_type, ErrorType::ResourceInUseException);
    assert_eq!(
        error.message_text(),
        format!("Consumer app with creation timestamp 1735689660 under stream: s , account {ACCOUNT} is not in ACTIVE status.")
    );
    e.advance_by(3_000);
    let error = subscribe_err(&mut e, &arn, "shardId-000000000009", position(ShardIteratorType::Latest, None));
    assert_eq!(error.error_type, ErrorType::ResourceNotFoundException);
    assert_eq!(
        error.message_text(),
        format!("Shard shardId-000000000009 in stream s under account {ACCOUNT} does not exist")
    );
    let missing = format!("{STREAM_ARN}/consumer/ghost:1");
    let error = subscribe_err(&mut e, &missing, "0", position(ShardIteratorType::Latest, None));
    assert_eq!(error.error_type, ErrorType::ResourceNotFoundException);
}

#[test]
fn records_put_at_t_arrive_at_t_plus_70_ms_with_their_sequence_numbers() {
    let mut e = with_stream(1);
    let arn = active(&mut e, "app");
    // Over JSON: the first event, delivered at once, with no records.
    let r = ok(
        &mut e,
        "SubscribeToShard",
        json!({"ConsumerARN": arn, "ShardId": "shardId-000000000000", "StartingPosition": {"Type": "LATEST"}}),
    );
    let first = arr_at(&r, "/EventStream");
    assert_eq!(first.len(), 1, "{r}");
    assert_eq!(arr_at(&first[0], "/SubscribeToShardEvent/Records"), Vec::<Value>::new());
    assert_eq!(u64_at(&first[0], "/SubscribeToShardEvent/MillisBehindLatest"), 0);
    assert!(first[0].pointer("/SubscribeToShardEvent/ContinuationSequenceNumber").is_some());

    // A second consumer, typed, to read the later events.
    let arn2 = active(&mut e, "app2"); // now T0 + 6 s
    let id = subscribe(&mut e, &arn2, "0", position(ShardIteratorType::Latest, None));
    let initial = take(&mut e, id);
    assert_eq!(initial.len(), 1);
    assert_eq!((initial[0].at, initial[0].datas.len(), initial[0].behind), (6_000, 0, 0));

    e.advance_by(1_000); // T0 + 7 s
    let (_, s1) = put(&mut e, "s", "k", b"one");
    e.advance_by(30);
    let (_, s2) = put(&mut e, "s", "k", b"two");
    e.advance_by(39); // T0 + 7.069 s: nothing is pushed yet
    assert_eq!(take(&mut e, id), vec![]);
    e.advance_by(1); // T0 + 7.070 s: "one" is 70 ms old, "two" only 40 ms
    let behind_two = Got {
        at: 7_070,
        datas: vec!["one".into()],
        seqs: vec![s1.clone()],
        continuation: s1.clone(),
        behind: 40,
        children: None,
    };
    assert_eq!(take(&mut e, id), vec![behind_two]);
    e.advance_by(30);
    let caught_up = Got {
        at: 7_100,
        datas: vec!["two".into()],
        seqs: vec![s2.clone()],
        continuation: s2.clone(),
        behind: 0,
        children: None,
    };
    assert_eq!(take(&mut e, id), vec![caught_up]);

    // A PutRecords of two records is one push of both.
    let entries = json!([{"PartitionKey": "a", "Data": b64(b"x")}, {"PartitionKey": "b", "Data": b64(b"y")}]);
    let resp = ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": entries}));
    let seqs: Vec<String> = arr_at(&resp, "/Records").iter().map(|r| str_at(r, "/SequenceNumber")).collect();
    e.advance_by(70);
    let both = take(&mut e, id);
    assert_eq!(both.len(), 1);
    assert_eq!((both[0].at, &both[0].seqs, &both[0].continuation), (7_170, &seqs, &seqs[1]));
    let state = e.subscription_state(id);
    assert_eq!(state.as_ref().map(|s| (s.active, s.ends_at)), Some((true, SimTime(T0 + 6_000 + 300_000))));
}

#[test]
fn each_consumer_gets_its_own_two_mib_per_second_and_polling_keeps_its_budget() {
    // 96 records of 64 KiB (data + key) = 6 MiB, written at once with the write limits off.
    let mut e = with_stream(1);
    let a = active(&mut e, "a");
    let b = active(&mut e, "b"); // T0 + 6 s
    e.set_limits_enabled(false);
    let data = vec![b'x'; 64 * 1024 - 1];
    for _ in 0..2 {
        let entries: Vec<Value> = (0..48).map(|_| json!({"PartitionKey": "k", "Data": b64(&data)})).collect();
        let r = ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": entries}));
        assert_eq!(r["FailedRecordCount"], json!(0));
    }
    e.set_limits_enabled(true);
    e.advance_by(1_000); // T0 + 7 s
    let ids = [a, b].map(|arn| subscribe(&mut e, &arn, "0", position(ShardIteratorType::TrimHorizon, None)));
    e.advance_by(10_000);
    for id in ids {
        let events = take(&mut e, id);
        let shape: Vec<(u64, usize, u64)> = events.iter().map(|g| (g.at, g.datas.len(), g.behind)).collect();
        // 2 MiB at once (a full bucket), then 2 MiB per second: 6 MiB by T0 + 9 s.
        assert_eq!(shape, vec![(7_000, 32, 1_000), (8_000, 32, 2_000), (9_000, 32, 0)]);
    }
    // The shard's shared GetRecords budget (2 MiB/s) was never drawn on.
    let budget =
        e.stream("s").and_then(|s| s.shard(ShardId(0))).map(|sh| sh.limits.read_bytes.clone().available(e.now()));
    assert_eq!(budget, Some(2 * MIB));
    let pushed: Vec<(u64, u64)> = e
        .drain_events()
        .iter()
        .filter_map(|ev| match ev {
            kinesis_playground::engine::events::Event::RecordsPushed { consumer, bytes, .. } => {
                Some((*consumer, *bytes))
            }
            _ => None,
        })
        .collect();
    assert_eq!(pushed.len(), 6);
    assert!(pushed.iter().all(|(_, bytes)| *bytes == 2 * MIB), "{pushed:?}");
}

#[test]
fn a_subscription_ends_after_five_minutes_and_the_continuation_resumes_without_gap_or_duplicate() {
    let mut e = with_stream(1);
    let arn = active(&mut e, "app"); // T0 + 3 s
    let start = T0 + 3_000;
    let first = subscribe(&mut e, &arn, "0", position(ShardIteratorType::Latest, None));
    let mut expected = Vec::new();
    let put_at = |e: &mut Engine, ms_after_start: u64, expected: &mut Vec<String>| {
        e.step_until(SimTime(start + ms_after_start));
        let data = format!("r{ms_after_start}");
        put(e, "s", "k", data.as_bytes());
        expected.push(data);
    };
    for i in 1..=29 {
        put_at(&mut e, i * 10_000, &mut expected);
    }
    put_at(&mut e, 299_950, &mut expected); // pushed at 300,020 ms: after the end
    e.step_until(SimTime(start + 300_000));
    let state = e.subscription_state(first);
    assert_eq!(
        state.map(|s| (s.active, s.ended, s.next_seq_ix > 0)),
        Some((false, Some((SimTime(start + 300_000), SubscriptionEnd::Expired)), true))
    );
    let mut events = take(&mut e, first);
    assert_eq!(datas_of(&events).len(), 29, "r299950 is not delivered by the ended subscription");
    assert_eq!(e.subscription_state(first), None, "forgotten once ended and drained");
    let continuation = events.last().map(|g| g.continuation.clone()).unwrap_or_default();

    put_at(&mut e, 301_000, &mut expected);
    e.step_until(SimTime(start + 302_000));
    let second = subscribe(&mut e, &arn, "0", position(ShardIteratorType::AfterSequenceNumber, Some(&continuation)));
    put_at(&mut e, 305_000, &mut expected);
    e.step_until(SimTime(start + 310_000));
    events.extend(take(&mut e, second));
    assert_eq!(datas_of(&events), expected);
    let seqs: Vec<String> = events.iter().flat_map(|g| g.seqs.iter().cloned()).collect();
    let mut unique = seqs.clone();
    unique.dedup();
    assert_eq!(unique, seqs);
}

#[test]
fn resubscribing_within_five_seconds_is_in_use_and_later_takes_over() {
    let mut e = with_stream(1);
    let arn = active(&mut e, "app");
    let first = subscribe(&mut e, &arn, "0", position(ShardIteratorType::Latest, None));
    e.advance_by(500);
    let error = subscribe_err(&mut e, &arn, "0", position(ShardIteratorType::Latest, None));
    assert_eq!((error.error_type, error.message_text()), (ErrorType::LimitExceededException, "Rate exceeded"));
    e.advance_by(500);
    let error = subscribe_err(&mut e, &arn, "shardId-000000000000", position(ShardIteratorType::Latest, None));
    assert_eq!(error.error_type, ErrorType::ResourceInUseException);
    assert_eq!(
        error.message_text(),
        format!("Another active subscription exists for this consumer: {ACCOUNT}:s:shardId-000000000000:app")
    );
    e.advance_by(3_999); // 4.999 s after the successful call
    let error = subscribe_err(&mut e, &arn, "0", position(ShardIteratorType::Latest, None));
    assert_eq!(error.error_type, ErrorType::ResourceInUseException);
    e.advance_by(1_000);
    let second = subscribe(&mut e, &arn, "0", position(ShardIteratorType::Latest, None));
    let ended = e.subscription_state(first).and_then(|s| s.ended);
    assert_eq!(ended, Some((SimTime(T0 + 3_000 + 5_999), SubscriptionEnd::TakenOver)));
    assert_eq!(e.subscription_state(second).map(|s| s.active), Some(true));
    // A bad starting position still counts as a call for the rate limit.
    let another = active(&mut e, "other");
    let bad = subscribe_err(&mut e, &another, "0", position(ShardIteratorType::AtSequenceNumber, None));
    assert_eq!(bad.error_type, ErrorType::InvalidArgumentException);
    let error = subscribe_err(&mut e, &another, "0", position(ShardIteratorType::Latest, None));
    assert_eq!(error.error_type, ErrorType::LimitExceededException);
}

#[test]
fn child_shards_come_once_a_closed_parent_is_fully_delivered() {
    let mut e = with_stream(1);
    let arn = active(&mut e, "app");
    let id = subscribe(&mut e, &arn, "0", position(ShardIteratorType::TrimHorizon, None));
    let mut seqs = Vec::new();
    for i in 0..3 {
        seqs.push(put_hash(&mut e, "s", 0, format!("p{i}").as_bytes()).1);
    }
    let k = 1u128 << 127;
    ok(&mut e, "SplitShard", json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": k.to_string()}));
    e.advance_by(1_000);
    seqs.push(put_hash(&mut e, "s", 0, b"p3").1); // UPDATING: still the parent
    e.advance_by(2_000); // the split completes at T0 + 6 s
    assert_eq!(e.subscription_state(id).map(|s| s.active), Some(true));
    e.advance_by(70);
    let events = take(&mut e, id);
    let children = Some(vec!["shardId-000000000001".to_string(), "shardId-000000000002".to_string()]);
    let expected = vec![
        Got {
            at: 3_000,
            datas: vec![],
            seqs: vec![],
            continuation: events[0].continuation.clone(),
            behind: 0,
            children: None,
        },
        Got {
            at: 3_070,
            datas: vec!["p0".into(), "p1".into(), "p2".into()],
            seqs: seqs[..3].to_vec(),
            continuation: seqs[2].clone(),
            behind: 0,
            children: None,
        },
        Got {
            at: 4_070,
            datas: vec!["p3".into()],
            seqs: vec![seqs[3].clone()],
            continuation: seqs[3].clone(),
            behind: 0,
            children: None,
        },
        Got {
            at: 6_070,
            datas: vec![],
            seqs: vec![],
            continuation: seqs[3].clone(),
            behind: 0,
            children: children.clone(),
        },
    ];
    assert_eq!(events, expected);
    assert_eq!(e.subscription_state(id), None, "ended at the shard's end and drained");

    // Subscribing to the closed parent later: records and ChildShards in the first event.
    e.advance_by(2_000);
    let again = subscribe(&mut e, &arn, "0", position(ShardIteratorType::TrimHorizon, None));
    let events = take(&mut e, again);
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].datas.len(), &events[0].children), (4, &children));
    // The children are read like any shard.
    let (child, _) = put_hash(&mut e, "s", 0, b"c0");
    assert_eq!(child, "shardId-000000000001");
}

#[test]
fn consumers_disappear_with_their_stream() {
    let mut e = with_stream(1);
    let arn = active(&mut e, "app");
    let id = subscribe(&mut e, &arn, "0", position(ShardIteratorType::Latest, None));
    let summary = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "s"}));
    assert_eq!(summary["StreamDescriptionSummary"]["ConsumerCount"], json!(1));
    // Registered consumers block DeleteStream unless EnforceConsumerDeletion is true.
    for request in [json!({"StreamName": "s"}), json!({"StreamName": "s", "EnforceConsumerDeletion": false})] {
        let error = err(&mut e, "DeleteStream", request);
        assert_eq!(error.error_type, ErrorType::ResourceInUseException);
        assert_eq!(
            error.message.as_deref(),
            Some("Stream s under account 000000000000 has registered consumers. Set EnforceConsumerDeletion to delete it with its consumers.")
        );
    }
    ok(&mut e, "DeleteStream", json!({"StreamName": "s", "EnforceConsumerDeletion": true}));
    e.advance_by(3_000);
    assert_eq!(
        e.subscription_state(id).and_then(|s| s.ended).map(|(_, why)| why),
        Some(SubscriptionEnd::StreamDeleted)
    );
    assert_eq!(e.consumers().count(), 0);
    let error = err(&mut e, "DescribeStreamConsumer", json!({"ConsumerARN": arn}));
    assert_eq!(error.error_type, ErrorType::ResourceNotFoundException);
    // A new stream of the same name starts with no consumers.
    super::helpers::create_active(&mut e, "s", 1);
    let all = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": STREAM_ARN}));
    assert_eq!(all, json!({"Consumers": []}));
}

/// A fan-out scenario: two consumers on a 2-shard stream, puts, a split, a 5-minute expiry.
fn script(e: &mut Engine) -> Vec<Result<Value, Value>> {
    let mut out = Vec::new();
    let mut call = |e: &mut Engine, op: &str, req: Value| out.push(e.call(op, &req).map_err(|x| x.to_json()));
    call(e, "CreateStream", json!({"StreamName": "s", "ShardCount": 2}));
    e.advance_by(6_000);
    for name in ["a", "b"] {
        call(e, "RegisterStreamConsumer", json!({"StreamARN": STREAM_ARN, "ConsumerName": name}));
    }
    e.advance_by(3_000);
    let arns: Vec<String> = e.consumers().map(|c| c.arn.clone()).collect();
    for arn in &arns {
        for shard in ["0", "1"] {
            call(
                e,
                "SubscribeToShard",
                json!({"ConsumerARN": arn, "ShardId": shard, "StartingPosition": {"Type": "TRIM_HORIZON"}}),
            );
        }
    }
    for i in 0..400u32 {
        call(
            e,
            "PutRecord",
            json!({"StreamName": "s", "PartitionKey": format!("k{}", i % 17), "Data": b64(&[7; 3000])}),
        );
        e.advance_by(25);
    }
    call(e, "SplitShard", json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": "1000"}));
    e.advance_by(400_000);
    call(e, "DeregisterStreamConsumer", json!({"ConsumerARN": arns[0]}));
    e.advance_by(10_000);
    out
}

#[test]
fn fan_out_runs_are_deterministic() {
    let run = || {
        let mut e = engine();
        let responses = script(&mut e);
        let pushed = e
            .drain_events()
            .iter()
            .filter(|ev| matches!(ev, kinesis_playground::engine::events::Event::RecordsPushed { .. }))
            .count();
        (responses, e.digest(), e.events_total(), pushed)
    };
    let (r1, d1, n1, p1) = run();
    let (r2, d2, n2, p2) = run();
    assert_eq!(r1, r2);
    assert_eq!((d1, n1, p1), (d2, n2, p2));
    assert!(p1 > 100, "many pushes: {p1}");
    // The same script without consumers has another digest (fan-out events are in the log).
    let mut plain = engine();
    let _ = plain.call("CreateStream", &json!({"StreamName": "s", "ShardCount": 2}));
    assert_ne!(plain.digest(), d1);
}
