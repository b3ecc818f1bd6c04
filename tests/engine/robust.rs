//! Reliability (#14 items 3, 4, 6): idle virtual time costs no work, on-demand streams and the
//! account shard quota, and the range of time the sequence-number layout can carry.

use super::helpers::{
    assert_error, b64, engine, err, expect_error, get_records, iterator, ok, put, str_at, u64_at, ACCOUNT, START_MS,
};
use kinesis_playground::engine::events::Event;
use kinesis_playground::engine::replay::run_line;
use kinesis_playground::engine::state::sequence::{LAST_ENCODABLE_TIME, MAX_CREATE_SECS};
use kinesis_playground::engine::time::{SimTime, HOUR_MS};
use kinesis_playground::engine::{Engine, EngineConfig, ErrorType};
use serde_json::{json, Value};

const YEAR_MS: u64 = 365 * 24 * HOUR_MS;

fn on_demand(e: &mut Engine, name: &str) {
    ok(e, "CreateStream", json!({"StreamName": name, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
}

fn open_shards(e: &mut Engine, name: &str) -> u64 {
    u64_at(&ok(e, "DescribeStreamSummary", json!({"StreamName": name})), "/StreamDescriptionSummary/OpenShardCount")
}

/// `per_tick` records of 10 KiB over many keys every 100 ms for `ms`.
fn write_load(e: &mut Engine, name: &str, ms: u64, per_tick: usize) {
    let data = b64(&[7u8; 10 * 1024]);
    for tick in 0..ms / 100 {
        let records: Vec<Value> =
            (0..per_tick).map(|i| json!({"PartitionKey": format!("k-{tick}-{i}"), "Data": data})).collect();
        ok(e, "PutRecords", json!({"StreamName": name, "Records": records}));
        e.advance_by(100);
    }
}

// ── Item 3: the work of advancing follows the events, not the length of the jump ──

/// An idle ON_DEMAND stream used to be checked once per simulated second: a year cost
/// 31,536,000 checks (about 2 s), and 2^63 ms never ended.
#[test]
fn a_year_with_an_idle_on_demand_stream_costs_a_handful_of_scheduled_runs() {
    let mut e = engine();
    on_demand(&mut e, "s");
    e.advance_by(10_000);
    let before = e.scheduled_runs();
    e.advance_by(YEAR_MS);
    assert_eq!(e.scheduled_runs() - before, 0, "nothing is due in an idle year");
    assert_eq!(e.now(), SimTime(START_MS + 10_000 + YEAR_MS));
    assert_eq!(open_shards(&mut e, "s"), 4);
}

#[test]
fn a_jump_of_2_pow_63_ms_with_on_demand_streams_returns_after_a_bounded_number_of_runs() {
    let mut e = engine();
    on_demand(&mut e, "a");
    on_demand(&mut e, "b");
    e.advance_by(5_000);
    ok(&mut e, "PutRecord", json!({"StreamName": "a", "PartitionKey": "k", "Data": "eA=="}));
    let before = e.scheduled_runs();
    e.advance_by(1 << 63);
    // Two CreateDone, then one check per stream that finds nothing new and sleeps.
    assert!(e.scheduled_runs() - before <= 4, "{} runs", e.scheduled_runs() - before);
    assert_eq!(e.now(), LAST_ENCODABLE_TIME, "the clock ends where sequence numbers end");
    assert_eq!(e.next_event_time(), None);
}

/// A stream that slept for a year wakes on the first write and is checked on its old
/// once-per-second grid: it grows exactly as a stream checked every second would.
#[test]
fn a_sleeping_on_demand_stream_wakes_on_writes_and_scales_on_its_grid() {
    let mut e = engine();
    on_demand(&mut e, "s");
    e.advance_by(5_000); // ACTIVE at START + 5 s: the grid is START + 5 s + k s.
    e.advance_by(YEAR_MS + 250);
    e.drain_events();
    let runs = e.scheduled_runs();
    // 30 × 10 KiB every 100 ms from 250 ms past a grid instant: the check at the next grid
    // instant sees 8 batches, 2,457,600 bytes: ceil(2 × 2,457,600 / 1 MiB) = 5 shards; the 30 s
    // cooldown holds it there for the rest of the 3 s.
    write_load(&mut e, "s", 3_000, 30);
    assert_eq!(open_shards(&mut e, "s"), 5);
    let grid = START_MS + 5_000;
    let splits: Vec<u64> = e
        .drain_events()
        .iter()
        .filter_map(|ev| match ev {
            Event::ShardCreated { at, parent: Some(_), .. } => Some(at.0),
            _ => None,
        })
        .collect();
    assert_eq!(splits.len(), 2, "one split, two children: {splits:?}");
    assert!(splits.iter().all(|t| (t - grid) % 1_000 == 0), "checks stay on the grid: {splits:?}");
    assert_eq!(splits[0], grid + YEAR_MS + 1_000, "the first check after the first write");
    assert!(e.scheduled_runs() - runs <= 10, "one check per busy second: {}", e.scheduled_runs() - runs);
    // Idle again: it sleeps, and never scales down.
    let runs = e.scheduled_runs();
    e.advance_by(YEAR_MS);
    assert!(e.scheduled_runs() - runs <= 3, "{}", e.scheduled_runs() - runs);
    assert_eq!(open_shards(&mut e, "s"), 5);
}

/// A PROVISIONED stream switched to ON_DEMAND with 1 shard is brought to 4 with no traffic.
#[test]
fn switching_one_shard_to_on_demand_still_grows_to_4_shards_without_traffic() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 1}));
    e.advance_by(5_000);
    let arn = format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/s");
    ok(&mut e, "UpdateStreamMode", json!({"StreamARN": arn, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    e.advance_by(YEAR_MS);
    assert_eq!(open_shards(&mut e, "s"), 4);
}

// ── Item 4: ShardCount with ON_DEMAND, and the account shard quota ──

#[test]
fn create_stream_on_demand_with_a_shard_count_is_refused() {
    let mut e = engine();
    for n in [1, 4, 100_000] {
        expect_error(
            &mut e,
            "CreateStream",
            json!({"StreamName": "s", "ShardCount": n, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}),
            ErrorType::InvalidArgumentException,
            "ShardCount is not expected when StreamMode=ON_DEMAND",
        );
    }
    assert_eq!(ok(&mut e, "ListStreams", json!({}))["StreamNames"], json!([]));
    assert_eq!(e.account_open_shards(), 0);
}

#[test]
fn describe_limits_counts_on_demand_shards() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "p", "ShardCount": 3}));
    on_demand(&mut e, "od");
    e.advance_by(10_000);
    let limits = ok(&mut e, "DescribeLimits", json!({}));
    assert_eq!(
        limits,
        json!({"ShardLimit": 20000, "OpenShardCount": 7, "OnDemandStreamCount": 1, "OnDemandStreamCountLimit": 50})
    );
}

fn quota_message(current: u64, limit: u64, additional: u64) -> String {
    format!(
        "This request would exceed the shard limit for the account {ACCOUNT} in us-east-1. Current shard count for the account: {current}. Limit: {limit}. Number of additional shards that would have resulted from this request: {additional}. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits."
    )
}

#[test]
fn on_demand_shards_count_against_the_account_quota_both_ways() {
    let mut e = Engine::new(EngineConfig { shard_limit: 10, ..EngineConfig::default() });
    on_demand(&mut e, "od");
    // 4 on-demand shards + 7 would be 11 > 10.
    expect_error(
        &mut e,
        "CreateStream",
        json!({"StreamName": "p", "ShardCount": 7}),
        ErrorType::LimitExceededException,
        &quota_message(4, 10, 7),
    );
    ok(&mut e, "CreateStream", json!({"StreamName": "p", "ShardCount": 6}));
    let error =
        err(&mut e, "CreateStream", json!({"StreamName": "od2", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    assert_error(&error, ErrorType::LimitExceededException, &quota_message(10, 10, 4));
}

#[test]
fn on_demand_scaling_stops_at_the_account_quota() {
    let mut e = Engine::new(EngineConfig { shard_limit: 5, ..EngineConfig::default() });
    on_demand(&mut e, "s");
    e.advance_by(10_000);
    // Demand asks for 6 shards; the quota leaves room for 1 more.
    write_load(&mut e, "s", 5_000, 30);
    assert_eq!(open_shards(&mut e, "s"), 5);
    assert_eq!(u64_at(&ok(&mut e, "DescribeLimits", json!({})), "/OpenShardCount"), 5);
}

// ── Item 6: the range of time the 56-digit layout can carry ──

/// Writes a record at the engine's current time and reads it back by its own sequence number,
/// with GetShardIterator AT_SEQUENCE_NUMBER and as SequenceNumberForOrdering.
fn round_trip(e: &mut Engine) {
    let (shard, seq) = put(e, "s", "k", b"one");
    let it = iterator(e, "s", &shard, "AT_SEQUENCE_NUMBER", Some(&seq));
    let got = get_records(e, &it, None);
    assert_eq!(str_at(&got, "/Records/0/SequenceNumber"), seq);
    let next = ok(
        e,
        "PutRecord",
        json!({"StreamName": "s", "PartitionKey": "k", "Data": "dHdv", "SequenceNumberForOrdering": seq}),
    );
    assert!(str_at(&next, "/SequenceNumber") > seq);
}

fn engine_at(start_ms: u64) -> Engine {
    let mut e = Engine::new(EngineConfig { start: SimTime(start_ms), ..EngineConfig::default() });
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 1}));
    e.advance_by(5_000);
    e
}

#[test]
fn sequence_numbers_read_back_at_the_epoch() {
    round_trip(&mut engine_at(0));
}

#[test]
fn sequence_numbers_read_back_up_to_the_last_encodable_instant() {
    assert_eq!(LAST_ENCODABLE_TIME, SimTime(MAX_CREATE_SECS * 1_000 - 1));
    let mut e = engine_at(LAST_ENCODABLE_TIME.0 - 60_000);
    round_trip(&mut e);
    // At the last instant itself, numbers still read back.
    e.step_until(SimTime(u64::MAX));
    assert_eq!(e.now(), LAST_ENCODABLE_TIME);
    round_trip(&mut e);
}

/// The reproducer of #14: KINESIS_START_MS=16100000000000 (year 2480) gave sequence numbers that
/// GetShardIterator refused as invalid. Such a start is now refused by the runner and brought back
/// to the last encodable instant by the engine.
#[test]
fn a_start_past_the_layout_is_not_encodable_and_the_engine_keeps_to_the_range() {
    let config = EngineConfig { start: SimTime(16_100_000_000_000), ..EngineConfig::default() };
    assert!(!config.start_is_encodable());
    assert!(EngineConfig { start: LAST_ENCODABLE_TIME, ..EngineConfig::default() }.start_is_encodable());
    let mut e = Engine::new(config);
    assert_eq!(e.now(), LAST_ENCODABLE_TIME);
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 1}));
    assert_eq!(e.now(), LAST_ENCODABLE_TIME);
}

#[test]
fn the_runner_answers_an_at_ms_past_the_end_of_time_with_an_error_and_keeps_its_clock() {
    let mut e = engine();
    let last = LAST_ENCODABLE_TIME.0 - START_MS;
    let line = format!(r#"{{"at_ms":{},"op":"ListStreams"}}"#, last + 1);
    let got = run_line(&mut e, &line);
    assert_eq!(got["error"]["__type"], json!("SerializationException"));
    assert_eq!(
        got["error"]["Message"],
        json!(format!(
            "\"at_ms\" {} is past the end of simulated time: sequence numbers can encode instants up to at_ms {last} (2477-10-25T13:29:59.999Z).",
            last + 1
        ))
    );
    assert_eq!(e.now(), SimTime(START_MS), "the clock did not move");
    let got = run_line(&mut e, &format!(r#"{{"at_ms":{last},"op":"ListStreams"}}"#));
    assert_eq!(got["response"]["StreamNames"], json!([]));
    assert_eq!(e.now(), LAST_ENCODABLE_TIME);
}
