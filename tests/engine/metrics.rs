//! Metrics: per-second CloudWatch-style series fed from the real engine's counters, with exact
//! seconds and byte counts (dense zeros, ring wrap-around, a split, throttling, expiry, deletion).

use super::helpers::{b64, get_records, iterator, ok, put_hash, with_stream, START_MS};
use kinesis_playground::engine::state::shard::ShardId;
use kinesis_playground::engine::state::stream::StreamKey;
use kinesis_playground::engine::time::SimTime;
use kinesis_playground::engine::Engine;
use kinesis_playground::world::metrics::{ConsumerSample, MetricName, Metrics, Scope};
use serde_json::json;

/// Epoch second of the default start.
const S: u64 = START_MS / 1000;

fn key(e: &Engine) -> StreamKey {
    match e.stream("s") {
        Some(s) => s.key,
        None => panic!("no stream s"),
    }
}

/// Advances one second and samples (what the world loop does).
fn tick(e: &mut Engine, m: &mut Metrics) {
    e.advance_by(1000);
    m.sample(e);
}

#[track_caller]
fn series(m: &Metrics, scope: Scope<'_>, metric: MetricName) -> Vec<(u64, u64)> {
    match m.series(scope, metric) {
        Some(r) => r.iter().collect(),
        None => panic!("no {} series for {scope:?}", metric.as_str()),
    }
}

#[test]
fn idle_seconds_are_zeros_and_puts_land_in_their_second_with_exact_bytes() {
    let mut e = with_stream(1); // ACTIVE, now = start + 60 s
    let mut m = Metrics::default();
    m.sample(&e); // second S+59 (the one that just ended)
    assert_eq!(m.last_sample_second(), Some(S + 59));
    // Three records of 5 data bytes + 1 key byte at S+60.000.
    for _ in 0..3 {
        put_hash(&mut e, "s", 0, b"hello");
    }
    tick(&mut e, &mut m); // S+60
    tick(&mut e, &mut m); // S+61
    e.advance_by(250);
    put_hash(&mut e, "s", 0, &[7u8; 99]); // 100 bytes at S+62.250
    e.advance_by(750);
    m.sample(&e); // S+62
    tick(&mut e, &mut m); // S+63
    let k = key(&e);
    let shard = Scope::Shard(k, ShardId(0));
    for scope in [Scope::Stream(k), shard] {
        assert_eq!(
            series(&m, scope, MetricName::IncomingBytes),
            vec![(S + 59, 0), (S + 60, 18), (S + 61, 0), (S + 62, 100), (S + 63, 0)]
        );
        assert_eq!(
            series(&m, scope, MetricName::IncomingRecords),
            vec![(S + 59, 0), (S + 60, 3), (S + 61, 0), (S + 62, 1), (S + 63, 0)]
        );
        assert_eq!(
            series(&m, scope, MetricName::WriteProvisionedThroughputExceeded).iter().map(|p| p.1).sum::<u64>(),
            0
        );
        assert_eq!(m.total(scope, MetricName::IncomingBytes), Some(118));
    }
    let Some(ring) = m.series(Scope::Stream(k), MetricName::IncomingBytes) else { panic!("no series") };
    assert_eq!(
        (ring.latest(), ring.sum_last(3), ring.max_last(5), ring.get(S + 60)),
        (Some((S + 63, 0)), 100, 100, Some(18))
    );
    assert_eq!(ring.get_at(SimTime(START_MS + 62_999)), Some(100));
    // Stream-level names are CloudWatch's: no OutgoingBytes at stream level, no GetRecords.* at shard level.
    assert!(m.series(Scope::Stream(k), MetricName::OutgoingBytes).is_none());
    assert!(m.series(shard, MetricName::GetRecordsBytes).is_none());
}

#[test]
fn ring_keeps_only_capacity_seconds_and_memory_does_not_grow() {
    let mut e = with_stream(2);
    let mut m = Metrics::new(4);
    m.sample(&e);
    for i in 0..10usize {
        put_hash(&mut e, "s", 0, &vec![1u8; i + 1]); // i + 2 bytes at S+60+i
        tick(&mut e, &mut m);
    }
    let k = key(&e);
    assert_eq!(
        series(&m, Scope::Stream(k), MetricName::IncomingBytes),
        vec![(S + 66, 8), (S + 67, 9), (S + 68, 10), (S + 69, 11)]
    );
    assert_eq!(series(&m, Scope::Shard(k, ShardId(1)), MetricName::IncomingBytes).len(), 4);
    // Totals cover the whole run, not just the window.
    assert_eq!(m.total(Scope::Stream(k), MetricName::IncomingBytes), Some(65));
    // A long jump without samples: the whole difference lands in the last second, the rest is zeros.
    put_hash(&mut e, "s", 0, b"abc");
    e.advance_by(3_600_000);
    m.sample(&e);
    let last = S + 70 + 3600 - 1;
    assert_eq!(
        series(&m, Scope::Stream(k), MetricName::IncomingBytes),
        vec![(last - 3, 0), (last - 2, 0), (last - 1, 0), (last, 4)]
    );
}

#[test]
fn throttled_writes_and_reads_land_in_the_second_they_happened() {
    let mut e = with_stream(1);
    let mut m = Metrics::default();
    m.sample(&e); // S+59
    let ten = json!({"StreamName": "s", "PartitionKey": "k", "Data": b64(b"0123456789")});
    let accepted = (0..1003).filter(|_| e.call("PutRecord", &ten).is_ok()).count();
    assert_eq!(accepted, 1000);
    tick(&mut e, &mut m); // S+60: 1000 in, 3 throttled
    let it = iterator(&mut e, "s", "shardId-000000000000", "TRIM_HORIZON", None);
    let first = get_records(&mut e, &it, Some(10));
    assert_eq!(first["Records"].as_array().map(Vec::len), Some(10));
    let reads = (0..6).filter(|_| e.call("GetRecords", &json!({"ShardIterator": it, "Limit": 1})).is_ok()).count();
    assert_eq!(reads, 4, "5 GetRecords per second per shard");
    tick(&mut e, &mut m); // S+61: 5 calls served (14 records, 154 bytes), 2 throttled
    tick(&mut e, &mut m); // S+62
    let k = key(&e);
    let stream = Scope::Stream(k);
    let shard = Scope::Shard(k, ShardId(0));
    let w = vec![(S + 59, 0), (S + 60, 3), (S + 61, 0), (S + 62, 0)];
    assert_eq!(series(&m, stream, MetricName::WriteProvisionedThroughputExceeded), w);
    assert_eq!(series(&m, shard, MetricName::WriteProvisionedThroughputExceeded), w);
    assert_eq!(series(&m, stream, MetricName::IncomingRecords)[1], (S + 60, 1000));
    assert_eq!(series(&m, stream, MetricName::IncomingBytes)[1], (S + 60, 11_000));
    let r = vec![(S + 59, 0), (S + 60, 0), (S + 61, 2), (S + 62, 0)];
    assert_eq!(series(&m, stream, MetricName::ReadProvisionedThroughputExceeded), r);
    assert_eq!(series(&m, shard, MetricName::ReadProvisionedThroughputExceeded), r);
    assert_eq!(series(&m, stream, MetricName::GetRecordsSuccess)[2], (S + 61, 5));
    assert_eq!(series(&m, stream, MetricName::GetRecordsRecords)[2], (S + 61, 14));
    assert_eq!(series(&m, stream, MetricName::GetRecordsBytes)[2], (S + 61, 154));
    assert_eq!(series(&m, shard, MetricName::OutgoingRecords)[2], (S + 61, 14));
    assert_eq!(series(&m, shard, MetricName::OutgoingBytes)[2], (S + 61, 154));
}

#[test]
fn a_split_keeps_the_parents_series_and_starts_the_children_at_zero() {
    let mut e = with_stream(1);
    let mut m = Metrics::default();
    m.sample(&e); // S+59
    let half = 1u128 << 127;
    put_hash(&mut e, "s", 0, b"0123456789"); // 11 bytes to shard 0 at S+60
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": half.to_string()}),
    );
    put_hash(&mut e, "s", half, b"01234"); // 6 bytes, still shard 0 while UPDATING
    tick(&mut e, &mut m); // S+60
    tick(&mut e, &mut m); // S+61
    tick(&mut e, &mut m); // S+62; at S+63.000 the split completed, so the children are seen here
    put_hash(&mut e, "s", 0, b"abc"); // 4 bytes -> shard 1 at S+63
    put_hash(&mut e, "s", half, b"abcdefg"); // 8 bytes -> shard 2 at S+63
    put_hash(&mut e, "s", half, b"x"); // 2 bytes -> shard 2 at S+63
    tick(&mut e, &mut m); // S+63
    tick(&mut e, &mut m); // S+64
    let k = key(&e);
    assert_eq!(m.shard_ids(k).collect::<Vec<_>>(), vec![ShardId(0), ShardId(1), ShardId(2)]);
    let bytes = |sh: u32| series(&m, Scope::Shard(k, ShardId(sh)), MetricName::IncomingBytes);
    assert_eq!(bytes(0), vec![(S + 59, 0), (S + 60, 17), (S + 61, 0), (S + 62, 0), (S + 63, 0), (S + 64, 0)]);
    assert_eq!(bytes(1), vec![(S + 62, 0), (S + 63, 4), (S + 64, 0)]);
    assert_eq!(bytes(2), vec![(S + 62, 0), (S + 63, 10), (S + 64, 0)]);
    assert_eq!(
        series(&m, Scope::Stream(k), MetricName::IncomingBytes),
        vec![(S + 59, 0), (S + 60, 17), (S + 61, 0), (S + 62, 0), (S + 63, 14), (S + 64, 0)]
    );
    assert_eq!(m.total(Scope::Stream(k), MetricName::IncomingRecords), Some(5));
}

#[test]
fn expired_records_are_counted_and_a_deleted_stream_is_dropped_after_one_window() {
    let mut e = with_stream(1);
    let mut m = Metrics::new(5);
    m.sample(&e);
    put_hash(&mut e, "s", 0, b"a");
    put_hash(&mut e, "s", 0, b"b");
    e.advance_by(25 * 3_600_000);
    m.sample(&e);
    let k = key(&e);
    let last = S + 60 + 25 * 3600 - 1;
    assert_eq!(
        series(&m, Scope::Stream(k), MetricName::RecordsExpired),
        vec![(last - 4, 0), (last - 3, 0), (last - 2, 0), (last - 1, 0), (last, 2)]
    );
    assert_eq!(m.total(Scope::Shard(k, ShardId(0)), MetricName::RecordsExpired), Some(2));
    assert!(!MetricName::RecordsExpired.is_aws_metric());
    ok(&mut e, "DeleteStream", json!({"StreamName": "s"}));
    e.advance_by(3_000); // DELETING -> gone
    assert!(e.stream("s").is_none());
    m.sample(&e);
    assert!(m.is_retired(Scope::Stream(k)) && m.is_retired(Scope::Shard(k, ShardId(0))));
    for _ in 0..4 {
        tick(&mut e, &mut m);
    }
    assert_eq!(series(&m, Scope::Stream(k), MetricName::IncomingBytes).len(), 5, "zeros while retired");
    tick(&mut e, &mut m);
    assert!(m.series(Scope::Stream(k), MetricName::IncomingBytes).is_none());
    assert!(m.series(Scope::Shard(k, ShardId(0)), MetricName::IncomingBytes).is_none());
    assert_eq!(m.stream_keys().count(), 0);
}

#[test]
fn iterator_age_and_consumer_lag_keep_the_maximum_of_their_second() {
    let mut e = with_stream(2);
    let mut m = Metrics::default();
    m.sample(&e); // S+59
    let k = key(&e);
    let at = |ms: u64| SimTime(START_MS + ms);
    m.record_iterator_age(at(60_100), k, ShardId(0), 100);
    m.record_iterator_age(at(60_900), k, ShardId(0), 50);
    m.record_iterator_age(at(60_500), k, ShardId(1), 300);
    m.record_consumer(
        at(60_100),
        "app",
        ConsumerSample { records: 3, bytes: 30, millis_behind_latest: 900, expired_records: 0 },
    );
    m.record_consumer(
        at(60_700),
        "app",
        ConsumerSample { records: 2, bytes: 25, millis_behind_latest: 400, expired_records: 1 },
    );
    tick(&mut e, &mut m); // S+60
    m.record_consumer(
        at(61_200),
        "app",
        ConsumerSample { records: 1, bytes: 5, millis_behind_latest: 0, expired_records: 0 },
    );
    tick(&mut e, &mut m); // S+61
    tick(&mut e, &mut m); // S+62
    assert_eq!(series(&m, Scope::Shard(k, ShardId(0)), MetricName::IteratorAgeMilliseconds)[1], (S + 60, 100));
    assert_eq!(series(&m, Scope::Shard(k, ShardId(1)), MetricName::IteratorAgeMilliseconds)[1], (S + 60, 300));
    assert_eq!(
        series(&m, Scope::Stream(k), MetricName::GetRecordsIteratorAgeMilliseconds),
        vec![(S + 59, 0), (S + 60, 300), (S + 61, 0), (S + 62, 0)]
    );
    let app = Scope::Consumer("app");
    assert_eq!(series(&m, app, MetricName::RecordsProcessed), vec![(S + 60, 5), (S + 61, 1), (S + 62, 0)]);
    assert_eq!(series(&m, app, MetricName::DataBytesProcessed), vec![(S + 60, 55), (S + 61, 5), (S + 62, 0)]);
    assert_eq!(series(&m, app, MetricName::MillisBehindLatest), vec![(S + 60, 900), (S + 61, 0), (S + 62, 0)]);
    assert_eq!(series(&m, app, MetricName::RecordsExpired), vec![(S + 60, 1), (S + 61, 0), (S + 62, 0)]);
    assert_eq!(m.total(app, MetricName::RecordsProcessed), Some(6));
    assert_eq!(m.total(app, MetricName::MillisBehindLatest), Some(900));
    assert_eq!(m.consumer_names().collect::<Vec<_>>(), vec!["app"]);
    m.remove_consumer("app");
    assert!(m.series(app, MetricName::RecordsProcessed).is_none());
}

#[test]
fn metric_names_are_cloudwatchs() {
    let names: Vec<&str> = MetricName::STREAM.iter().map(|m| m.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "IncomingBytes",
            "IncomingRecords",
            "WriteProvisionedThroughputExceeded",
            "ReadProvisionedThroughputExceeded",
            "GetRecords.Records",
            "GetRecords.Bytes",
            "GetRecords.Success",
            "GetRecords.IteratorAgeMilliseconds",
            "RecordsExpired",
            "PutRecord.Success",
            "PutRecord.Bytes",
            "PutRecords.Success",
            "PutRecords.Bytes",
            "PutRecords.Records",
            "PutRecords.TotalRecords",
            "PutRecords.SuccessfulRecords",
            "PutRecords.FailedRecords",
            "PutRecords.ThrottledRecords",
            "SubscribeToShardEvent.Records",
            "SubscribeToShardEvent.Bytes",
            "SubscribeToShardEvent.MillisBehindLatest",
            "SubscribeToShardEvent.Success",
        ]
    );
    let shard: Vec<&str> = MetricName::SHARD.iter().map(|m| m.as_str()).collect();
    assert_eq!(
        shard,
        vec![
            "IncomingBytes",
            "IncomingRecords",
            "WriteProvisionedThroughputExceeded",
            "ReadProvisionedThroughputExceeded",
            "OutgoingBytes",
            "OutgoingRecords",
            "IteratorAgeMilliseconds",
            "RecordsExpired",
        ]
    );
    assert_eq!(MetricName::IncomingBytes.unit(), "Bytes");
    assert_eq!(MetricName::MillisBehindLatest.unit(), "Milliseconds");
}
