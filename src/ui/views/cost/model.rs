//! The cost view's pure model: which mode is cheaper for a load, where the two monthly costs
//! cross (the break-even), and the geometry of the view's two charts (monthly cost vs records/s;
//! shards and write demand over time). Tested natively; floats only for geometry.

use crate::engine::state::limits::{MIB, WRITE_RECORDS_PER_SEC};
use crate::engine::state::stream::StreamMode;
use crate::world::capacity::CapacitySample;
use crate::world::cost::monthly;

/// Width of both charts' viewBox, logical units.
pub const W: f64 = 600.0;
/// Height of both charts' viewBox, logical units.
pub const H: f64 = 240.0;
/// Left margin (y tick labels), logical units.
pub const LEFT: f64 = 64.0;
/// Right margin, logical units.
pub const RIGHT: f64 = 16.0;
/// Top margin, logical units.
pub const TOP: f64 = 24.0;
/// Bottom margin (x tick labels), logical units.
pub const BOTTOM: f64 = 34.0;
/// Points per cost curve.
const CURVE_POINTS: u64 = 80;

/// Shards a steady load needs in provisioned mode: enough for its bytes (1 MiB/s each) and its
/// records (1,000/s each), at least one.
pub fn shards_needed(records_per_sec: u64, record_bytes: u64) -> u64 {
    let by_bytes = records_per_sec.saturating_mul(record_bytes).div_ceil(MIB);
    let by_records = records_per_sec.div_ceil(WRITE_RECORDS_PER_SEC);
    by_bytes.max(by_records).max(1)
}

/// What a load costs a month in each mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Records/s of the load.
    pub records_per_sec: u64,
    /// Shards the provisioned figure pays for: the stream's own (if provisioned) or the load's
    /// need, whichever is more.
    pub provisioned_shards: u64,
    /// Provisioned mode, µ$ a month.
    pub provisioned_micro_usd: u64,
    /// On-demand mode, µ$ a month.
    pub on_demand_micro_usd: u64,
}

impl Comparison {
    /// The cheaper mode (ties go to provisioned).
    pub fn cheaper(&self) -> StreamMode {
        if self.provisioned_micro_usd <= self.on_demand_micro_usd {
            StreamMode::Provisioned
        } else {
            StreamMode::OnDemand
        }
    }
}

/// The load the comparison is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Load {
    /// Average record size (data + key), bytes.
    pub record_bytes: u64,
    /// Shards kept in provisioned mode even with no traffic (the stream's own when provisioned).
    pub base_shards: u64,
    /// Retention, hours.
    pub retention_hours: u32,
    /// Enhanced fan-out consumers.
    pub efo_consumers: u64,
}

impl Load {
    /// Both modes' monthly cost at `records_per_sec`.
    pub fn compare(&self, records_per_sec: u64) -> Comparison {
        let shards = self.base_shards.max(shards_needed(records_per_sec, self.record_bytes));
        let cost = |shards, mode| {
            monthly(shards, self.retention_hours, records_per_sec, self.record_bytes, self.efo_consumers, mode).total
        };
        Comparison {
            records_per_sec,
            provisioned_shards: shards,
            provisioned_micro_usd: cost(shards, StreamMode::Provisioned),
            on_demand_micro_usd: cost(shards, StreamMode::OnDemand),
        }
    }

    /// The lowest rate (records/s, up to `max`) at which on-demand costs more than provisioned,
    /// when on-demand is the cheaper one at 0 records/s; `None` otherwise.
    pub fn break_even(&self, max: u64) -> Option<u64> {
        let dearer = |r: u64| self.compare(r).cheaper() == StreamMode::Provisioned;
        if dearer(0) || !dearer(max) {
            return None;
        }
        // Provisioned cost jumps by a shard at each step, so the answer is the first crossing;
        // the search assumes one (the on-demand line grows faster than the shard steps).
        let (mut lo, mut hi) = (0u64, max);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if dearer(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    }
}

/// A "nice" axis top at or above `v`: 1, 2 or 5 × 10ⁿ.
pub fn nice_ceiling(v: f64) -> f64 {
    if v.is_nan() || v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * p).find(|t| *t >= v * 0.999_999).unwrap_or(10.0 * p)
}

/// One tick: position along its axis (logical units) and the value it marks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    /// Position, logical units.
    pub at: f64,
    /// The value (records/s, dollars, MiB/s or seconds, per chart).
    pub value: f64,
}

/// Ticks from 0 to `top` (a [`nice_ceiling`]) on an axis from `from` to `to` logical units: steps
/// of a round size (4 steps for a top of 2 × 10ⁿ, 5 otherwise).
fn ticks(top: f64, from: f64, to: f64) -> Vec<Tick> {
    let lead = if top > 0.0 { top / 10f64.powf(top.log10().floor()) } else { 1.0 };
    let n: u32 = if (lead - 2.0).abs() < 1e-9 { 4 } else { 5 };
    (0..=n).map(|i| f64::from(i) / f64::from(n)).map(|f| Tick { at: from + (to - from) * f, value: top * f }).collect()
}

/// The cost chart: monthly cost vs records/s for both modes.
#[derive(Clone, Debug, PartialEq)]
pub struct CostChart {
    /// Provisioned curve, SVG `points`.
    pub provisioned: String,
    /// On-demand curve, SVG `points`.
    pub on_demand: String,
    /// X ticks (value: records/s).
    pub x_ticks: Vec<Tick>,
    /// Y ticks (value: dollars a month).
    pub y_ticks: Vec<Tick>,
    /// The current load's x, logical units.
    pub now_x: f64,
    /// The break-even's x and rate, if within the chart.
    pub break_even: Option<(f64, u64)>,
    /// Highest rate drawn, records/s.
    pub max_rate: u64,
}

/// Lays out the cost chart for `load` with the current rate `rate` marked.
pub fn cost_chart(load: &Load, rate: u64) -> CostChart {
    let guess = load.break_even(1_000_000).unwrap_or(0);
    let max_rate = nice_ceiling((rate.max(guess).max(50) * 2) as f64) as u64;
    let points: Vec<Comparison> = (0..=CURVE_POINTS).map(|i| load.compare(max_rate * i / CURVE_POINTS)).collect();
    let top_usd =
        points.iter().map(|c| c.provisioned_micro_usd.max(c.on_demand_micro_usd)).max().unwrap_or(0) as f64 / 1e6;
    let y_top = nice_ceiling(top_usd);
    let x = |r: u64| LEFT + (W - LEFT - RIGHT) * (r as f64 / max_rate as f64);
    let y = |micro: u64| (H - BOTTOM) - (H - BOTTOM - TOP) * ((micro as f64 / 1e6) / y_top).min(1.0);
    let line = |f: &dyn Fn(&Comparison) -> u64| {
        points.iter().map(|c| format!("{:.1},{:.1}", x(c.records_per_sec), y(f(c)))).collect::<Vec<_>>().join(" ")
    };
    CostChart {
        provisioned: line(&|c| c.provisioned_micro_usd),
        on_demand: line(&|c| c.on_demand_micro_usd),
        x_ticks: ticks(max_rate as f64, LEFT, W - RIGHT),
        y_ticks: ticks(y_top, H - BOTTOM, TOP),
        now_x: x(rate.min(max_rate)),
        break_even: load.break_even(max_rate).map(|r| (x(r), r)),
        max_rate,
    }
}

/// The scaling chart: write capacity (open shards × 1 MiB/s) and write demand over time.
#[derive(Clone, Debug, PartialEq)]
pub struct ScalingChart {
    /// Capacity, a step line, SVG `points`.
    pub capacity: String,
    /// Demand, SVG `points`.
    pub demand: String,
    /// X ticks (value: seconds).
    pub x_ticks: Vec<Tick>,
    /// Y ticks (value: MiB/s).
    pub y_ticks: Vec<Tick>,
    /// X spans where the stream was ON_DEMAND: (from, to), logical units.
    pub on_demand_spans: Vec<(f64, f64)>,
}

/// Lays out the scaling chart from the capacity history (oldest first).
pub fn scaling_chart(samples: &[CapacitySample]) -> ScalingChart {
    let last_s = samples.last().map_or(1, |s| s.at_s.max(1));
    let first_s = samples.first().map_or(0, |s| s.at_s.saturating_sub(1));
    let span = (last_s - first_s).max(1) as f64;
    let top_mib =
        samples.iter().map(|s| (u64::from(s.open_shards) * MIB).max(s.demand_bytes_per_sec)).max().unwrap_or(MIB)
            as f64
            / MIB as f64;
    let y_top = nice_ceiling(top_mib);
    let x = |t: u64| LEFT + (W - LEFT - RIGHT) * ((t - first_s.min(t)) as f64 / span);
    let y = |bytes: f64| (H - BOTTOM) - (H - BOTTOM - TOP) * ((bytes / MIB as f64) / y_top).min(1.0);
    let mut capacity = Vec::new();
    let mut prev: Option<f64> = None;
    for s in samples {
        let cy = y((u64::from(s.open_shards) * MIB) as f64);
        if let Some(py) = prev {
            capacity.push(format!("{:.1},{:.1}", x(s.at_s), py));
        }
        capacity.push(format!("{:.1},{:.1}", x(s.at_s), cy));
        prev = Some(cy);
    }
    let demand = samples
        .iter()
        .map(|s| format!("{:.1},{:.1}", x(s.at_s), y(s.demand_bytes_per_sec as f64)))
        .collect::<Vec<_>>()
        .join(" ");
    let mut spans: Vec<(f64, f64)> = Vec::new();
    let mut from: Option<u64> = None;
    let mut before = first_s;
    for s in samples {
        match (s.on_demand, from) {
            (true, None) => from = Some(before),
            (false, Some(f)) => {
                spans.push((x(f), x(before)));
                from = None;
            }
            _ => {}
        }
        before = s.at_s;
    }
    if let Some(f) = from {
        spans.push((x(f), x(last_s)));
    }
    ScalingChart {
        capacity: capacity.join(" "),
        demand,
        x_ticks: ticks(span, LEFT, W - RIGHT)
            .into_iter()
            .map(|t| Tick { value: t.value + first_s as f64, ..t })
            .collect(),
        y_ticks: ticks(y_top, H - BOTTOM, TOP),
        on_demand_spans: spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(base: u64) -> Load {
        Load { record_bytes: 1_024, base_shards: base, retention_hours: 24, efo_consumers: 0 }
    }

    #[test]
    fn shards_follow_bytes_and_records() {
        assert_eq!(shards_needed(0, 100), 1);
        assert_eq!(shards_needed(1_000, 1_024), 1);
        assert_eq!(shards_needed(1_001, 10), 2);
        assert_eq!(shards_needed(100, 35 * 1024), 4); // 3.4 MiB/s
    }

    #[test]
    fn an_idle_four_shard_stream_is_cheaper_on_demand_and_a_busy_one_provisioned() {
        let l = load(4);
        assert_eq!(l.compare(10).cheaper(), StreamMode::OnDemand);
        assert_eq!(l.compare(1_000).cheaper(), StreamMode::Provisioned);
        let b = l.break_even(100_000).unwrap_or(0);
        assert!(b > 10 && b < 1_000, "{b}");
        assert_eq!(l.compare(b - 1).cheaper(), StreamMode::OnDemand);
        assert_eq!(l.compare(b).cheaper(), StreamMode::Provisioned);
        // One shard is cheaper than the on-demand stream-hour even idle: no break-even.
        assert_eq!(load(1).break_even(100_000), None);
    }

    #[test]
    fn the_cost_chart_marks_the_load_and_the_break_even() {
        let l = load(4);
        let c = cost_chart(&l, 30);
        assert!(c.max_rate >= 60);
        let (bx, b) = c.break_even.unwrap_or((0.0, 0));
        assert_eq!(Some(b), l.break_even(c.max_rate));
        assert!(bx > c.now_x);
        assert_eq!(c.provisioned.split(' ').count(), CURVE_POINTS as usize + 1);
        assert_eq!(c.x_ticks.len(), 5); // a top of 200: 0, 50, 100, 150, 200
        assert_eq!(nice_ceiling(43.8), 50.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }

    #[test]
    fn the_scaling_chart_steps_and_shades_on_demand() {
        let s = |at_s, open_shards, mib, on_demand| CapacitySample {
            at_s,
            open_shards,
            demand_bytes_per_sec: mib * MIB,
            on_demand,
        };
        let c = scaling_chart(&[s(1, 4, 1, false), s(2, 4, 3, true), s(3, 8, 5, true)]);
        assert_eq!(c.capacity.split(' ').count(), 5);
        assert_eq!(c.on_demand_spans.len(), 1);
        assert_eq!(c.y_ticks.last().map(|t| t.value), Some(10.0));
        assert_eq!(c.y_ticks.iter().map(|t| t.value).collect::<Vec<_>>(), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert!(scaling_chart(&[]).capacity.is_empty());
    }
}
