//! The metrics view's pure chart model: CloudWatch periods and statistics over the world's
//! per-minute rollups, "nice" axis ticks, unit formatting per language, chart geometry, and the
//! alarm's state machine. Tested natively.
//!
//! The charts are the app's own SVG, drawn from this small model, not a charting crate: a crate
//! would cost much of the 300 KB (gzipped) size budget, and our x axis must follow the simulated
//! clock (time since the stream became ACTIVE), which a generic crate does not know.
//!
//! ```text
//!   MinuteStat per minute ──► aggregate(period, statistic, range) ──► Point { start, value }
//!                                                                      │
//!        nice_ticks(max) ──► y axis        x(t), y(v) ──► SVG path ◄────┘
//!        evaluate(points, AlarmSpec) ──► OK / ALARM / INSUFFICIENT_DATA + when it last changed
//! ```
//!
//! Statistics follow CloudWatch (<https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Statistic>):
//! `Sum`, `Average` (Sum / SampleCount), `Maximum`, `Minimum`, `SampleCount` over the data points
//! of each period. Which statistic is meaningful per metric is AWS's table in
//! <https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html> (e.g.
//! `IncomingRecords`: Sum; `GetRecords.IteratorAgeMilliseconds`: Maximum or Average). Here a
//! data point is one simulated second (see `world/metrics.rs`).
//!
//! Alarm semantics follow CloudWatch
//! (<https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html>):
//! a threshold, an evaluation window of M periods and "N datapoints to alarm"; the alarm is
//! ALARM when at least N of the last M periods breach (value > threshold), OK otherwise, and
//! INSUFFICIENT_DATA while fewer than M periods have data.

use crate::i18n::numbers::{decimal, grouped};
use crate::i18n::Lang;
use crate::ui::format::bytes;
use crate::world::metrics::{MetricName, MinuteStat};

/// A CloudWatch period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// 60 s.
    OneMinute,
    /// 300 s.
    FiveMinutes,
    /// 3600 s.
    OneHour,
}

impl Period {
    /// Every period, shortest first.
    pub const ALL: [Period; 3] = [Period::OneMinute, Period::FiveMinutes, Period::OneHour];

    /// Length in seconds.
    pub fn secs(self) -> u64 {
        match self {
            Period::OneMinute => 60,
            Period::FiveMinutes => 300,
            Period::OneHour => 3600,
        }
    }

    /// Short label (same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            Period::OneMinute => "1 min",
            Period::FiveMinutes => "5 min",
            Period::OneHour => "1 h",
        }
    }
}

/// A CloudWatch statistic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stat {
    /// `Sum`.
    Sum,
    /// `Average` (Sum / SampleCount).
    Average,
    /// `Maximum`.
    Maximum,
    /// `Minimum`.
    Minimum,
    /// `SampleCount`: data points (here: seconds) in the period.
    SampleCount,
}

impl Stat {
    /// Every statistic, in CloudWatch's console order.
    pub const ALL: [Stat; 5] = [Stat::Sum, Stat::Average, Stat::Maximum, Stat::Minimum, Stat::SampleCount];

    /// The name as CloudWatch spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stat::Sum => "Sum",
            Stat::Average => "Average",
            Stat::Maximum => "Maximum",
            Stat::Minimum => "Minimum",
            Stat::SampleCount => "SampleCount",
        }
    }

    /// The statistic's value over one period's rollup; `None` when it has no data points.
    pub fn of(self, m: MinuteStat) -> Option<f64> {
        if m.count == 0 {
            return None;
        }
        Some(match self {
            Stat::Sum => m.sum as f64,
            Stat::Average => m.sum as f64 / m.count as f64,
            Stat::Maximum => m.max as f64,
            Stat::Minimum => m.min as f64,
            Stat::SampleCount => m.count as f64,
        })
    }

    /// The statistic AWS recommends for `metric` (monitoring-with-cloudwatch.html): Maximum for
    /// ages and lags, Sum for counts and bytes.
    pub fn default_for(metric: MetricName) -> Stat {
        match metric.unit() {
            "Milliseconds" => Stat::Maximum,
            _ => Stat::Sum,
        }
    }
}

/// A time range the charts show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Range {
    /// Last 15 minutes.
    Min15,
    /// Last hour.
    Hour1,
    /// Last 3 hours.
    Hour3,
}

impl Range {
    /// Every range, shortest first.
    pub const ALL: [Range; 3] = [Range::Min15, Range::Hour1, Range::Hour3];

    /// Length in seconds.
    pub fn secs(self) -> u64 {
        match self {
            Range::Min15 => 900,
            Range::Hour1 => 3600,
            Range::Hour3 => 3 * 3600,
        }
    }

    /// Short label (same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            Range::Min15 => "15 min",
            Range::Hour1 => "1 h",
            Range::Hour3 => "3 h",
        }
    }
}

/// One data point of a chart: a period and its statistic.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Start of the period, epoch seconds (aligned to the period, as CloudWatch aligns).
    pub start: u64,
    /// The statistic's value, in the metric's unit.
    pub value: f64,
}

/// Aggregates per-minute rollups `(epoch minute, stat)` into `period` buckets aligned to the
/// period, keeps those whose start lies in `[from, to)` (epoch seconds), and applies `stat`;
/// periods without data points are left out (a gap, as CloudWatch shows).
pub fn aggregate(
    minutes: impl IntoIterator<Item = (u64, MinuteStat)>,
    period: Period,
    stat: Stat,
    from: u64,
    to: u64,
) -> Vec<Point> {
    let p = period.secs();
    let mut out: Vec<(u64, MinuteStat)> = Vec::new();
    for (minute, m) in minutes {
        let start = minute * 60 / p * p;
        if start + p <= from || start >= to || m.count == 0 {
            continue;
        }
        match out.last_mut() {
            Some((s, acc)) if *s == start => acc.merge(m),
            _ => out.push((start, m)),
        }
    }
    out.into_iter().filter_map(|(start, m)| stat.of(m).map(|value| Point { start, value })).collect()
}

/// "Nice" y-axis ticks from 0 to at least `max`: 0 and 4 more steps of 1, 2 or 5 × 10ⁿ (at
/// least 1, so an all-zero chart still has an axis).
pub fn nice_ticks(max: f64) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|k| k * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let step = if step < 1.0 { 1.0_f64.max(step) } else { step };
    let n = (max / step).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// A value in the metric's unit, formatted for `lang`: bytes in KB/MB, counts grouped (one
/// decimal when not whole, e.g. an Average), milliseconds with `ms`.
pub fn format_value(v: f64, unit: &str, lang: Lang) -> String {
    let whole = (v - v.round()).abs() < 1e-9;
    match unit {
        "Bytes" => bytes(v.max(0.0).round() as u64, lang),
        "Milliseconds" if whole => format!("{} ms", grouped(v.max(0.0) as u64, lang)),
        "Milliseconds" => format!("{} ms", decimal(v, 1, lang)),
        _ if whole => grouped(v.max(0.0) as u64, lang),
        _ => decimal(v, 1, lang),
    }
}

/// A compact axis label for a tick: `1,5 k`, `2 M`, `500`; bytes as `KB`/`MB`.
pub fn format_tick(v: f64, unit: &str, lang: Lang) -> String {
    match unit {
        "Bytes" => bytes(v.max(0.0).round() as u64, lang),
        _ if v >= 1_000_000.0 => format!("{} M", trim(decimal(v / 1_000_000.0, 1, lang))),
        _ if v >= 1_000.0 => format!("{} k", trim(decimal(v / 1_000.0, 1, lang))),
        _ => trim(decimal(v, 1, lang)),
    }
}

fn trim(s: String) -> String {
    s.strip_suffix(",0").or_else(|| s.strip_suffix(".0")).map(str::to_string).unwrap_or(s)
}

/// Elapsed simulated time as an axis label: `MM:SS` under an hour, else `H:MM:SS`.
pub fn time_label(elapsed_secs: u64) -> String {
    let (h, m, s) = (elapsed_secs / 3600, elapsed_secs / 60 % 60, elapsed_secs % 60);
    if h == 0 {
        format!("{m:02}:{s:02}")
    } else {
        format!("{h}:{m:02}:{s:02}")
    }
}

/// viewBox width of one chart.
pub const WIDTH: f64 = 360.0;
/// viewBox height of one chart.
pub const HEIGHT: f64 = 180.0;
/// Left margin (y labels).
pub const LEFT: f64 = 52.0;
/// Right margin.
pub const RIGHT: f64 = 22.0;
/// Top margin.
pub const TOP: f64 = 10.0;
/// Bottom margin (x labels).
pub const BOTTOM: f64 = 24.0;

/// Where a chart's data and axes go: x in epoch seconds over `[from, to]`, y from 0 to the top
/// tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// First second shown.
    pub from: u64,
    /// Last second shown.
    pub to: u64,
    /// y ticks (the last is the top of the axis).
    pub ticks: Vec<f64>,
}

impl Frame {
    /// A frame over `[from, to]` whose y axis holds `max` (and the alarm threshold, if any).
    pub fn new(from: u64, to: u64, max: f64) -> Frame {
        Frame { from, to: to.max(from + 1), ticks: nice_ticks(max) }
    }

    /// The top of the y axis.
    pub fn top(&self) -> f64 {
        self.ticks.last().copied().unwrap_or(1.0)
    }

    /// x of epoch second `t` (clamped to the plot).
    pub fn x(&self, t: f64) -> f64 {
        let span = (self.to - self.from) as f64;
        let f = ((t - self.from as f64) / span).clamp(0.0, 1.0);
        LEFT + f * (WIDTH - LEFT - RIGHT)
    }

    /// y of value `v` (clamped to the plot).
    pub fn y(&self, v: f64) -> f64 {
        let f = (v / self.top()).clamp(0.0, 1.0);
        HEIGHT - BOTTOM - f * (HEIGHT - TOP - BOTTOM)
    }

    /// x of a point: the middle of its period, within the frame.
    pub fn point_x(&self, p: &Point, period: Period) -> f64 {
        let mid = p.start as f64 + period.secs() as f64 / 2.0;
        self.x(mid.clamp(self.from as f64, self.to as f64))
    }

    /// The SVG path of the points, a line broken at gaps (a missing period between two points).
    pub fn path(&self, points: &[Point], period: Period) -> String {
        let mut d = String::new();
        let mut prev: Option<u64> = None;
        for p in points {
            let cmd = match prev {
                Some(s) if s + period.secs() == p.start => 'L',
                _ => 'M',
            };
            d.push_str(&format!("{cmd}{:.1},{:.1} ", self.point_x(p, period), self.y(p.value)));
            prev = Some(p.start);
        }
        d.trim_end().to_string()
    }

    /// x-axis ticks: up to 6 epoch seconds, `origin` (the stream's ACTIVE instant) plus whole
    /// multiples of a step (1, 5, 15, 30 min or 1 h), within the frame; so the labels, time
    /// since ACTIVE, are round.
    pub fn time_ticks(&self, origin: u64) -> Vec<u64> {
        let span = self.to - self.from;
        let step = [60, 300, 900, 1800, 3600, 7200].into_iter().find(|s| span / s <= 5).unwrap_or(7200);
        let first = origin + self.from.saturating_sub(origin).div_ceil(step) * step;
        (0..).map(|i| first + i * step).take_while(|t| *t <= self.to).collect()
    }
}

/// An alarm on one metric: "value > threshold in `datapoints` of the last `periods` periods".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlarmSpec {
    /// Threshold, in the metric's unit (breach: strictly greater).
    pub threshold: f64,
    /// Evaluation periods (M), at least 1.
    pub periods: usize,
    /// Datapoints to alarm (N ≤ M), at least 1.
    pub datapoints: usize,
}

/// An alarm's state (CloudWatch's three).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlarmState {
    /// Not enough data to evaluate.
    InsufficientData,
    /// Fewer than N of the last M periods breach.
    Ok,
    /// At least N of the last M periods breach.
    Alarm,
}

impl AlarmState {
    /// The state as CloudWatch spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            AlarmState::InsufficientData => "INSUFFICIENT_DATA",
            AlarmState::Ok => "OK",
            AlarmState::Alarm => "ALARM",
        }
    }
}

/// An alarm evaluated over a chart's points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlarmEval {
    /// State after the last point.
    pub state: AlarmState,
    /// Start of the period (epoch seconds) at which the state last changed; `None` if it never
    /// left INSUFFICIENT_DATA.
    pub changed_at: Option<u64>,
    /// Breaching points among the last M.
    pub breaching: usize,
}

/// Evaluates `spec` after each of `points` (oldest first): the state after the last one, and
/// when it last changed.
pub fn evaluate(points: &[Point], spec: AlarmSpec) -> AlarmEval {
    let m = spec.periods.max(1);
    let n = spec.datapoints.clamp(1, m);
    let mut state = AlarmState::InsufficientData;
    let mut changed_at = None;
    let mut breaching = 0;
    for i in 0..points.len() {
        let window = &points[(i + 1).saturating_sub(m)..=i];
        breaching = window.iter().filter(|p| p.value > spec.threshold).count();
        let next = if window.len() < m {
            AlarmState::InsufficientData
        } else if breaching >= n {
            AlarmState::Alarm
        } else {
            AlarmState::Ok
        };
        if next != state {
            state = next;
            changed_at = Some(points[i].start);
        }
    }
    AlarmEval { state, changed_at, breaching }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(sum: u64, min: u64, max: u64, count: u64) -> MinuteStat {
        MinuteStat { sum, min, max, count }
    }

    #[test]
    fn periods_aggregate_minutes_with_each_statistic() {
        // Minutes 10..=14 (epoch seconds 600..900), one empty.
        let minutes = vec![
            (10, stat(60, 0, 5, 60)),
            (11, stat(120, 1, 9, 60)),
            (12, MinuteStat::default()),
            (13, stat(30, 0, 3, 30)),
            (14, stat(0, 0, 0, 60)),
        ];
        let one = aggregate(minutes.clone(), Period::OneMinute, Stat::Sum, 0, 10_000);
        assert_eq!(
            one.iter().map(|p| (p.start, p.value)).collect::<Vec<_>>(),
            vec![(600, 60.0), (660, 120.0), (780, 30.0), (840, 0.0)]
        );
        let five = |s| aggregate(minutes.clone(), Period::FiveMinutes, s, 0, 10_000);
        assert_eq!(five(Stat::Sum), vec![Point { start: 600, value: 210.0 }]);
        assert_eq!(five(Stat::SampleCount)[0].value, 210.0);
        assert_eq!(five(Stat::Average)[0].value, 1.0);
        assert_eq!((five(Stat::Maximum)[0].value, five(Stat::Minimum)[0].value), (9.0, 0.0));
        // The range keeps periods that overlap it.
        assert_eq!(aggregate(minutes, Period::OneMinute, Stat::Sum, 700, 800).len(), 2);
        assert_eq!(Stat::default_for(MetricName::GetRecordsIteratorAgeMilliseconds), Stat::Maximum);
        assert_eq!(Stat::default_for(MetricName::IncomingRecords), Stat::Sum);
    }

    #[test]
    fn ticks_are_nice_and_cover_the_max() {
        assert_eq!(nice_ticks(0.0), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(3.0), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(1000.0), vec![0.0, 250.0, 500.0, 750.0, 1000.0]);
        assert_eq!(nice_ticks(1234.0), vec![0.0, 500.0, 1000.0, 1500.0]);
        let t = nice_ticks(987_654.0);
        assert!(t.len() <= 6 && *t.last().unwrap_or(&0.0) >= 987_654.0, "{t:?}");
    }

    #[test]
    fn units_read_in_each_language() {
        assert_eq!(format_value(12345.0, "Count", Lang::Es), "12.345");
        assert_eq!(format_value(12345.0, "Count", Lang::En), "12,345");
        assert_eq!(format_value(2.5, "Count", Lang::Es), "2,5");
        assert_eq!(format_value(2_300.0, "Bytes", Lang::Es), "2,3 KB");
        assert_eq!(format_value(1500.0, "Milliseconds", Lang::En), "1,500 ms");
        assert_eq!(format_tick(1500.0, "Count", Lang::Es), "1,5 k");
        assert_eq!(format_tick(2_000_000.0, "Count", Lang::En), "2 M");
        assert_eq!((time_label(75), time_label(3_725)), ("01:15".to_string(), "1:02:05".to_string()));
    }

    #[test]
    fn geometry_and_gaps() {
        let f = Frame::new(0, 600, 100.0);
        assert_eq!(f.top(), 100.0);
        assert_eq!((f.x(0.0), f.x(600.0)), (LEFT, WIDTH - RIGHT));
        assert_eq!((f.y(0.0), f.y(100.0)), (HEIGHT - BOTTOM, TOP));
        let pts =
            [Point { start: 0, value: 0.0 }, Point { start: 60, value: 50.0 }, Point { start: 180, value: 100.0 }];
        let d = f.path(&pts, Period::OneMinute);
        assert_eq!(d.matches('M').count(), 2, "a missing minute breaks the line: {d}");
        assert_eq!(f.time_ticks(0), vec![0, 300, 600]);
        assert_eq!(Frame::new(100, 400, 1.0).time_ticks(5), vec![125, 185, 245, 305, 365]);
    }

    #[test]
    fn alarm_follows_n_of_m_and_remembers_when_it_changed() {
        let spec = AlarmSpec { threshold: 10.0, periods: 3, datapoints: 2 };
        let pts: Vec<Point> = [0.0, 20.0, 5.0, 30.0, 0.0, 0.0]
            .iter()
            .enumerate()
            .map(|(i, v)| Point { start: i as u64 * 60, value: *v })
            .collect();
        let at = |k: usize| evaluate(&pts[..k], spec);
        assert_eq!(at(0).state, AlarmState::InsufficientData);
        assert_eq!(at(2).state, AlarmState::InsufficientData, "fewer than M periods");
        assert_eq!((at(3).state, at(3).changed_at), (AlarmState::Ok, Some(120)), "1 of 3 breach");
        assert_eq!((at(4).state, at(4).changed_at, at(4).breaching), (AlarmState::Alarm, Some(180), 2));
        assert_eq!((at(5).state, at(5).changed_at), (AlarmState::Ok, Some(240)), "only 30 of 5, 30, 0 breaches");
        assert_eq!((at(6).state, at(6).changed_at), (AlarmState::Ok, Some(240)), "unchanged since");
        // A value equal to the threshold does not breach.
        let eq = [Point { start: 0, value: 10.0 }];
        assert_eq!(evaluate(&eq, AlarmSpec { threshold: 10.0, periods: 1, datapoints: 1 }).state, AlarmState::Ok);
        assert_eq!(AlarmState::InsufficientData.as_str(), "INSUFFICIENT_DATA");
    }
}
