//! What the metrics view shows, built from `&Sim` and the view's choices: one chart per chosen
//! stream-level metric, one per enabled shard-level metric (a line per shard), and the alarm.
//!
//! Cost per frame: O(charts × (minutes in the range + shards)); never O(records).

use super::model::{aggregate, evaluate, AlarmEval, AlarmSpec, Frame, Period, Point, Range, Stat};
use crate::engine::state::shard::ShardId;
use crate::ui::sim::Sim;
use crate::world::metrics::{MetricName, Metrics, Scope};

/// Stream-level metrics charted by default.
pub const DEFAULT_METRICS: [MetricName; 4] = [
    MetricName::IncomingRecords,
    MetricName::IncomingBytes,
    MetricName::WriteProvisionedThroughputExceeded,
    MetricName::GetRecordsIteratorAgeMilliseconds,
];

/// Stream-level metrics offered in the picker (AWS's own, in display order).
pub fn pickable() -> impl Iterator<Item = MetricName> {
    MetricName::STREAM.into_iter().filter(|m| m.is_aws_metric())
}

/// Shard lines drawn per shard-level chart (the busiest by their sum in the range).
pub const MAX_SHARD_LINES: usize = 6;

/// The view's choices (kept by the host between frames).
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    /// Stream-level metrics charted, in display order.
    pub metrics: Vec<MetricName>,
    /// Period.
    pub period: Period,
    /// Statistic; `None`: each metric's recommended one ([`Stat::default_for`]).
    pub stat: Option<Stat>,
    /// Time range.
    pub range: Range,
    /// Fixed end of the range (epoch seconds); `None`: follows the clock.
    pub fixed_end: Option<u64>,
    /// The alarm's metric.
    pub alarm_metric: MetricName,
    /// The alarm.
    pub alarm: AlarmSpec,
}

impl Default for Choices {
    fn default() -> Self {
        Choices {
            metrics: DEFAULT_METRICS.to_vec(),
            period: Period::OneMinute,
            stat: None,
            range: Range::Min15,
            fixed_end: None,
            alarm_metric: MetricName::GetRecordsIteratorAgeMilliseconds,
            alarm: AlarmSpec { threshold: 30_000.0, periods: 3, datapoints: 3 },
        }
    }
}

/// One line of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The shard it draws (`None`: the stream).
    pub shard: Option<ShardId>,
    /// Its points, oldest first.
    pub points: Vec<Point>,
}

/// One chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The metric.
    pub metric: MetricName,
    /// The statistic drawn.
    pub stat: Stat,
    /// Its lines (one for a stream-level chart).
    pub lines: Vec<Line>,
    /// Axes.
    pub frame: Frame,
    /// The alarm drawn on it.
    pub alarm: Option<(AlarmSpec, AlarmEval)>,
}

impl Chart {
    /// The newest point of the first line.
    pub fn latest(&self) -> Option<Point> {
        self.lines.first().and_then(|l| l.points.last().copied())
    }
}

/// What the view draws this frame.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricsSnapshot {
    /// The stream's name.
    pub stream: String,
    /// Epoch second the stream became ACTIVE (x labels are time since then).
    pub started: u64,
    /// Now, epoch seconds.
    pub now: u64,
    /// Range shown, epoch seconds.
    pub from: u64,
    /// End of the range, epoch seconds.
    pub to: u64,
    /// The period.
    pub period: Period,
    /// Stream-level charts.
    pub charts: Vec<Chart>,
    /// Shard-level metrics enabled, with the epoch second they publish from.
    pub enhanced: Vec<(MetricName, u64)>,
    /// Shard-level charts (enabled metrics only).
    pub shard_charts: Vec<Chart>,
    /// The alarm's evaluation (on its own metric, whether charted or not).
    pub alarm: AlarmEval,
    /// The alarm's statistic.
    pub alarm_stat: Stat,
}

fn points(
    m: &Metrics,
    scope: Scope<'_>,
    metric: MetricName,
    c: &Choices,
    stat: Stat,
    from: u64,
    to: u64,
) -> Vec<Point> {
    let Some(ring) = m.minutes(scope, metric) else { return Vec::new() };
    let first_minute = from / 60;
    let minutes = ring.iter().filter(|(minute, _)| *minute >= first_minute.saturating_sub(60));
    aggregate(minutes, c.period, stat, from, to + 1)
}

fn frame_for(lines: &[Line], from: u64, to: u64, extra: f64) -> Frame {
    let max = lines.iter().flat_map(|l| l.points.iter().map(|p| p.value)).fold(extra, f64::max);
    Frame::new(from, to, max)
}

impl MetricsSnapshot {
    /// The snapshot of `sim`'s shown stream under `c`.
    pub fn of(sim: &Sim, c: &Choices) -> MetricsSnapshot {
        let world = sim.world();
        let m = world.metrics();
        let stream_name = sim.shown_stream().to_string();
        let key = world.engine().stream(&stream_name).map(|s| s.key);
        let started = world.started().secs();
        let now = world.now().secs();
        let end = c.fixed_end.unwrap_or(now).min(now).max(started);
        // A new stream's chart starts at ACTIVE and fills rightwards over at least 5 min (or one
        // period); later the range ends at `end`.
        let from = end.saturating_sub(c.range.secs()).max(started);
        let to = end.max(from + 300).max(from + c.period.secs());
        let alarm_stat = Stat::default_for(c.alarm_metric);
        let alarm_points = match key {
            Some(k) => points(m, Scope::Stream(k), c.alarm_metric, c, alarm_stat, 0, end),
            None => Vec::new(),
        };
        let alarm = evaluate(&alarm_points, c.alarm);
        let mut charts = Vec::new();
        let mut shard_charts = Vec::new();
        let mut enhanced = Vec::new();
        if let Some(k) = key {
            for metric in &c.metrics {
                let stat = c.stat.unwrap_or_else(|| Stat::default_for(*metric));
                let lines = vec![Line { shard: None, points: points(m, Scope::Stream(k), *metric, c, stat, from, to) }];
                let on_it = (*metric == c.alarm_metric && stat == alarm_stat).then_some((c.alarm, alarm));
                let extra = on_it.map_or(0.0, |(spec, _)| spec.threshold * 1.1);
                let frame = frame_for(&lines, from, to, extra);
                charts.push(Chart { metric: *metric, stat, lines, frame, alarm: on_it });
            }
            enhanced = m.enhanced(k).collect();
            let shards: Vec<ShardId> = m.shard_ids(k).collect();
            for (metric, _) in &enhanced {
                let stat = c.stat.unwrap_or_else(|| Stat::default_for(*metric));
                let mut lines: Vec<Line> = shards
                    .iter()
                    .map(|s| Line {
                        shard: Some(*s),
                        points: points(m, Scope::Shard(k, *s), *metric, c, stat, from, to),
                    })
                    .filter(|l| !l.points.is_empty())
                    .collect();
                // Keep the busiest shards (largest sum), then in shard order.
                lines.sort_by(|a, b| {
                    let sum = |l: &Line| l.points.iter().map(|p| p.value).sum::<f64>();
                    sum(b).total_cmp(&sum(a)).then(a.shard.cmp(&b.shard))
                });
                lines.truncate(MAX_SHARD_LINES);
                lines.sort_by_key(|l| l.shard);
                let frame = frame_for(&lines, from, to, 0.0);
                shard_charts.push(Chart { metric: *metric, stat, lines, frame, alarm: None });
            }
        }
        MetricsSnapshot {
            stream: stream_name,
            started,
            now,
            from,
            to,
            period: c.period,
            charts,
            enhanced,
            shard_charts,
            alarm,
            alarm_stat,
        }
    }
}
