//! What the cost view shows, built from the simulation: the shown stream's mode and shards, its
//! bill so far and per month by line item, the mode comparison for the producers' rate, and the
//! scenario stream's capacity history. O(shards + history samples), never O(records).

use super::model::{Comparison, Load};
use crate::engine::state::stream::{RecordDistribution, StreamMode};
use crate::engine::time::HOUR_MS;
use crate::ui::sim::Sim;
use crate::ui::snapshot::ConsumerKind;
use crate::world::capacity::CapacitySample;
use crate::world::cost::{billed_bytes, estimate, monthly, put_payload_units, CostBreakdown, CostInputs};

/// Record size assumed before any record was written, bytes.
pub const DEFAULT_RECORD_BYTES: u64 = 1_024;

/// The view's data.
#[derive(Clone, Debug, PartialEq)]
pub struct CostSnapshot {
    /// The shown stream's name.
    pub stream_name: String,
    /// Its ARN (for UpdateStreamMode).
    pub stream_arn: String,
    /// Its capacity mode.
    pub mode: StreamMode,
    /// Its record distribution strategy (AUTO only on ON_DEMAND streams).
    pub distribution: RecordDistribution,
    /// Its `StreamStatus`.
    pub status: &'static str,
    /// Mode switches accepted in the last 24 h (AWS allows two).
    pub switches_last_day: usize,
    /// Open shards.
    pub open_shards: u64,
    /// Retention, hours.
    pub retention_hours: u32,
    /// Simulated ms since the world started.
    pub elapsed_ms: u64,
    /// Records written so far.
    pub records: u64,
    /// Average record size (data + key), bytes.
    pub record_bytes: u64,
    /// Enhanced fan-out consumers of the scenario.
    pub efo_consumers: u64,
    /// The producers' rate now, records/s.
    pub records_per_sec: u64,
    /// The bill so far in the stream's mode (elapsed time, records written and read so far).
    pub live: CostBreakdown,
    /// Per month (730 h) at this rate, provisioned with the comparison's shards.
    pub month_provisioned: CostBreakdown,
    /// Per month (730 h) at this rate, on-demand.
    pub month_on_demand: CostBreakdown,
    /// The load, for the comparison chart.
    pub load: Load,
    /// Both modes at this rate.
    pub comparison: Comparison,
    /// One shard for one hour, µ$ (the course's $0.015 must come out).
    pub one_shard_hour_micro_usd: u64,
    /// Capacity history of the scenario stream, oldest first.
    pub history: Vec<CapacitySample>,
    /// Seconds each history sample covers.
    pub history_stride_s: u64,
}

impl CostSnapshot {
    /// The snapshot of `sim`'s shown stream.
    pub fn of(sim: &Sim) -> CostSnapshot {
        let w = sim.world();
        let engine = w.engine();
        let stream = engine.stream(sim.shown_stream());
        let mode = stream.map_or(StreamMode::Provisioned, |s| s.mode);
        let (bytes, records, out_bytes, out_records) = stream
            .map(|s| {
                s.shards.iter().fold((0u64, 0u64, 0u64, 0u64), |(b, r, ob, or), sh| {
                    let c = &sh.counters;
                    (
                        b.saturating_add(c.incoming_bytes),
                        r.saturating_add(c.incoming_records),
                        ob.saturating_add(c.outgoing_bytes),
                        or.saturating_add(c.outgoing_records),
                    )
                })
            })
            .unwrap_or_default();
        let record_bytes = bytes.checked_div(records).unwrap_or(DEFAULT_RECORD_BYTES).max(1);
        let out_record_bytes = out_bytes.checked_div(out_records).unwrap_or(record_bytes);
        let open_shards = sim.open_shards() as u64;
        let retention_hours = stream.map_or(24, |s| s.retention_hours);
        let efo_consumers = w.consumers().iter().filter(|c| ConsumerKind::of(c) == ConsumerKind::FanOut).count() as u64;
        let elapsed_ms = sim.elapsed_ms();
        let live = estimate(CostInputs {
            mode,
            open_shards,
            retention_hours,
            put_payload_units: records.saturating_mul(put_payload_units(record_bytes)),
            efo_consumers,
            efo_bytes: 0,
            incoming_bytes: records.saturating_mul(billed_bytes(record_bytes)),
            outgoing_bytes: out_records.saturating_mul(billed_bytes(out_record_bytes)),
            elapsed_ms,
        });
        let records_per_sec = sim.target_rate();
        let base_shards = if mode == StreamMode::Provisioned { open_shards.max(1) } else { 1 };
        let load = Load { record_bytes, base_shards, retention_hours, efo_consumers };
        let comparison = load.compare(records_per_sec);
        let month = |m| {
            monthly(comparison.provisioned_shards, retention_hours, records_per_sec, record_bytes, efo_consumers, m)
        };
        let one =
            estimate(CostInputs { open_shards: 1, elapsed_ms: HOUR_MS, retention_hours: 24, ..CostInputs::default() });
        CostSnapshot {
            stream_name: sim.shown_stream().to_string(),
            stream_arn: stream.map(|s| s.arn.clone()).unwrap_or_default(),
            mode,
            distribution: stream.map_or(RecordDistribution::UserPartitionKey, |s| s.record_distribution),
            status: stream.map_or("", |s| s.status.as_str()),
            switches_last_day: stream.map_or(0, |s| {
                let day_ago = engine.now().minus(24 * HOUR_MS);
                s.mode_switches.iter().filter(|t| **t > day_ago).count()
            }),
            open_shards,
            retention_hours,
            elapsed_ms,
            records,
            record_bytes,
            efo_consumers,
            records_per_sec,
            live,
            month_provisioned: month(StreamMode::Provisioned),
            month_on_demand: month(StreamMode::OnDemand),
            load,
            comparison,
            one_shard_hour_micro_usd: one.total,
            history: w.capacity().samples().to_vec(),
            history_stride_s: w.capacity().stride_s(),
        }
    }
}
