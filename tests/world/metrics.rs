//! CloudWatch metrics of a whole run: the sums equal the engine's and the producers' counts,
//! the per-minute rollups add up to the per-second series, and shard-level rollups exist only
//! for the metrics enabled with EnableEnhancedMonitoring, from the second after the call.

use crate::helpers::run_preset;
use kinesis_playground::engine::time::MINUTE_MS;
use kinesis_playground::world::metrics::{MetricName, Metrics, Scope};
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::World;
use serde_json::json;

/// The world's metrics with the instant's last writes sampled too.
fn settled(w: &World) -> Metrics {
    let mut m = w.metrics().clone();
    m.sample(w.engine());
    m
}

#[test]
fn metric_sums_equal_the_engines_counts_in_hot_key() {
    let w = run_preset(Preset::HotKey, 7, 2);
    let m = settled(&w);
    let r = w.report();
    let Some(stream) = w.engine().stream(w.stream_name()) else { panic!("no stream") };
    let s = Scope::Stream(stream.key);
    let total = |metric| m.total(s, metric).unwrap_or_else(|| panic!("no {metric:?}"));
    let throttled: u64 = stream.shards.iter().map(|sh| sh.counters.write_throttled).sum();
    assert_eq!(total(MetricName::IncomingRecords), r.accepted, "IncomingRecords == records acknowledged");
    assert!(throttled > 0, "hot-key throttles");
    assert_eq!(total(MetricName::WriteProvisionedThroughputExceeded), throttled);
    assert_eq!(throttled, r.retried + r.dropped, "every throttled record is retried or dropped");
    let put_ok = total(MetricName::PutRecordsSuccessfulRecords) + total(MetricName::PutRecordSuccess);
    assert_eq!(put_ok, r.accepted, "PutRecord(s) successes == records acknowledged");
    assert!(total(MetricName::PutRecordsThrottledRecords) <= throttled);
    assert_eq!(total(MetricName::PutRecordsFailedRecords), 0);
    let bytes = total(MetricName::PutRecordsBytes) + total(MetricName::PutRecordBytes);
    assert_eq!(bytes, total(MetricName::IncomingBytes), "PutRecord(s).Bytes == IncomingBytes");
    // The per-minute rollups add up to the same totals, one data point per second.
    for metric in [MetricName::IncomingRecords, MetricName::WriteProvisionedThroughputExceeded] {
        let Some(minutes) = m.minutes(s, metric) else { panic!("no rollup of {metric:?}") };
        let Some(series) = m.series(s, metric) else { panic!("no series of {metric:?}") };
        let sampled = m.last_sample_second().unwrap_or_default();
        let unfolded: u64 = series.iter().filter(|(sec, _)| *sec >= sampled).map(|(_, v)| v).sum();
        let sum: u64 = minutes.values().map(|v| v.sum).sum();
        assert_eq!(sum + unfolded, total(metric), "{metric:?} rollup (folded through the second before the last)");
        let count: u64 = minutes.values().map(|v| v.count).sum();
        assert_eq!(count, series.iter().filter(|(sec, _)| *sec < sampled).count() as u64);
    }
}

#[test]
fn enhanced_rollups_follow_enable_enhanced_monitoring() {
    let mut w = run_preset(Preset::HotKey, 7, 1);
    let key = w.engine().stream(w.stream_name()).map(|s| s.key).unwrap_or_else(|| panic!("no stream"));
    let name = w.stream_name().to_string();
    let shard = Scope::Shard(key, kinesis_playground::engine::state::shard::ShardId(0));
    assert!(settled(&w).minutes(shard, MetricName::IncomingRecords).is_none(), "nothing before enabling");
    let enabled_at = w.engine().now().secs();
    let out = w
        .engine_mut()
        .call("EnableEnhancedMonitoring", &json!({"StreamName": name, "ShardLevelMetrics": ["IncomingRecords"]}));
    assert!(out.is_ok(), "{out:?}");
    w.advance_by(2 * MINUTE_MS);
    let m = settled(&w);
    assert_eq!(m.enhanced(key).collect::<Vec<_>>(), vec![(MetricName::IncomingRecords, enabled_at + 1)]);
    let Some(minutes) = m.minutes(shard, MetricName::IncomingRecords) else { panic!("no shard rollup") };
    let first = minutes.iter().find(|(_, v)| v.count > 0).map(|(minute, _)| minute);
    assert_eq!(first, Some((enabled_at + 1) / 60), "published from the second after the call");
    let counted: u64 = minutes.values().map(|v| v.count).sum();
    assert_eq!(counted, 118, "two minutes of seconds, from the second after the call to the one before the last");
    assert!(m.minutes(shard, MetricName::IncomingBytes).is_none(), "not enabled, not published");
}
