//! The retention view's geometry and labels, and the rule that explains a refused retention
//! change (pure, tested natively).
//!
//! ```text
//!   label │ expired (hatched) ┆ retention window (shaded) ........ │ LATEST
//!   #0    │  ░░░░░░░░░░░░░░░  ┆ |  | ||  |  | | || |  |  | |  | |  │ ▶
//!         │                   ┆ trim horizon = now − retention     │ now
//!         └─ axis: simulated time since the stream became ACTIVE, "nice" ticks ─┘
//! ```
//!
//! Records are thin marks at their arrival time. Their x is fixed in seconds since the stream
//! started; the whole row of marks moves and rescales with one `translate(…) scale(k 1)`, so a
//! frame re-renders a row's marks only when a mark arrives or expires. The axis span follows
//! `max(elapsed, 1 min)` (capped at twice the retention), so it rescales continuously from
//! seconds to minutes, hours and days. Floats appear only here, in geometry. The rows and
//! consumers it lays out come from `snapshot.rs`.

use super::snapshot::{Mark, RetLoss, RetRow};
use crate::engine::error::ErrorType;
use crate::engine::ops::retention::RETENTION_FIELD_MIN_HOURS;
use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::{MAX_RETENTION_HOURS, MIN_RETENTION_HOURS};
use crate::engine::time::{HOUR_MS, MINUTE_MS, SECOND_MS};
use crate::i18n::retention::Text as RetentionText;
use crate::i18n::Lang;
use crate::ui::format::{duration, DurationStyle};
use crate::ui::views::f1;

/// viewBox width on wide screens.
pub const WIDTH: f64 = 640.0;
/// viewBox width on phones.
pub const NARROW_WIDTH: f64 = 360.0;
/// x where rows start (room for the shard label).
pub const LANE_X: f64 = 34.0;
/// Space right of `now` (the LATEST marker sits there).
pub const RIGHT_PAD: f64 = 22.0;
/// Top margin (the first row's iterator markers sit above it).
pub const TOP: f64 = 22.0;
/// Row height.
pub const ROW_H: f64 = 30.0;
/// Gap between rows (iterator markers and cursors sit in it).
pub const ROW_GAP: f64 = 26.0;
/// Height of the axis labels.
pub const AXIS_H: f64 = 30.0;
/// Day, ms.
pub const DAY_MS: u64 = 24 * HOUR_MS;
/// Shortest axis span, ms.
pub const MIN_SPAN_MS: u64 = MINUTE_MS;
/// Width of one character of a tick label, viewBox units (11 px sans-serif, generous).
pub const CHAR_W: f64 = 6.5;
/// Space between tick labels, viewBox units.
pub const LABEL_GAP: f64 = 10.0;

/// Least distance between ticks, viewBox units (an uncrowded axis).
pub const MIN_TICK_GAP: f64 = 48.0;

/// "Nice" tick steps, ms: seconds, minutes, hours, days.
pub const STEPS_MS: [u64; 27] = [
    SECOND_MS,
    2 * SECOND_MS,
    5 * SECOND_MS,
    10 * SECOND_MS,
    15 * SECOND_MS,
    30 * SECOND_MS,
    MINUTE_MS,
    2 * MINUTE_MS,
    5 * MINUTE_MS,
    10 * MINUTE_MS,
    15 * MINUTE_MS,
    30 * MINUTE_MS,
    HOUR_MS,
    2 * HOUR_MS,
    3 * HOUR_MS,
    6 * HOUR_MS,
    12 * HOUR_MS,
    DAY_MS,
    2 * DAY_MS,
    7 * DAY_MS,
    14 * DAY_MS,
    30 * DAY_MS,
    60 * DAY_MS,
    90 * DAY_MS,
    180 * DAY_MS,
    365 * DAY_MS,
    730 * DAY_MS,
];

/// Losses noticed less than this apart belong to one episode (a consumer overtaken by the trim
/// horizon loses records at every read), ms.
pub const EPISODE_GAP_MS: u64 = MINUTE_MS;

/// A consumer's losses grouped into episodes, per shard in order: consecutive ranges of one
/// shard noticed at most [`EPISODE_GAP_MS`] apart merge (their counts add up, the span and the
/// arrival bounds widen).
pub fn loss_episodes(losses: &[RetLoss]) -> Vec<RetLoss> {
    let mut out: Vec<RetLoss> = Vec::new();
    for l in losses {
        match out.last_mut() {
            Some(e) if e.shard == l.shard && l.noticed_ms <= e.last_noticed_ms + EPISODE_GAP_MS => {
                e.to = e.to.max(l.to);
                e.lost += l.lost;
                e.after_ms = e.after_ms.min(l.after_ms);
                e.before_ms = e.before_ms.max(l.before_ms);
                e.last_noticed_ms = e.last_noticed_ms.max(l.last_noticed_ms);
            }
            _ => out.push(l.clone()),
        }
    }
    out
}

/// Least width of a loss band, viewBox units (a few records on a day-long axis stay visible).
pub const MIN_BAND_W: f64 = 3.0;

/// Where a loss band sits on the axis: `(x, width)` over its arrival bounds, at least
/// [`MIN_BAND_W`] wide (widened to the left), clipped to the lane; `None` once it is wholly
/// left of the axis.
pub fn loss_band(axis: &Axis, loss: &RetLoss) -> Option<(f64, f64)> {
    let (a, b) = (axis.x_of(loss.after_ms as f64), axis.x_of(loss.before_ms as f64));
    if b < axis.lane_x {
        return None;
    }
    // Widened to the left only: the records arrived no later than `before_ms`.
    let x0 = a.min(b - MIN_BAND_W).max(axis.lane_x);
    let x1 = b.min(axis.lane_end);
    (x1 > x0).then_some((x0, x1 - x0))
}

/// The axis span for `elapsed_ms` and a retention: the elapsed time (at least a minute), with
/// 10 % room on the left, but no more than twice the retention.
pub fn span_ms(elapsed_ms: u64, retention_ms: u64) -> u64 {
    (elapsed_ms.max(MIN_SPAN_MS) + elapsed_ms.max(MIN_SPAN_MS) / 10).min(2 * retention_ms.max(MIN_SPAN_MS))
}

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// x.
    pub x: f64,
    /// Time since start, ms.
    pub at_ms: u64,
    /// `30 s`, `45 min`, `30 h`, `12 d`.
    pub label: String,
}

/// The time axis: `from_ms … to_ms` (ms since start; `from_ms` may be negative) onto
/// `lane_x … lane_end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// Left edge, ms since start.
    pub from_ms: f64,
    /// Right edge (now), ms since start.
    pub to_ms: f64,
    /// x of the left edge.
    pub lane_x: f64,
    /// x of now.
    pub lane_end: f64,
    /// Tick step, ms.
    pub step_ms: u64,
    /// Ticks, left to right.
    pub ticks: Vec<Tick>,
}

/// Estimated width of a tick label, viewBox units.
pub fn label_w(label: &str) -> f64 {
    label.chars().count() as f64 * CHAR_W
}

impl Axis {
    /// The axis at `elapsed_ms` for a retention, drawn `width` wide, its labels in `lang`.
    pub fn new(elapsed_ms: u64, retention_ms: u64, width: f64, lang: Lang) -> Axis {
        let span = span_ms(elapsed_ms, retention_ms);
        let lane_x = LANE_X;
        let lane_end = width - RIGHT_PAD;
        let to_ms = elapsed_ms as f64;
        let from_ms = to_ms - span as f64;
        let w = lane_end - lane_x;
        // The smallest nice step whose labels (the widest one is the last) do not touch.
        let widest = |step: u64| {
            (label_w(&duration(elapsed_ms / step * step, DurationStyle::Tick(step), lang)) + LABEL_GAP)
                .max(MIN_TICK_GAP)
        };
        let step_ms = STEPS_MS
            .iter()
            .copied()
            .find(|s| *s as f64 / span as f64 * w >= widest(*s))
            .unwrap_or(STEPS_MS[STEPS_MS.len() - 1]);
        let mut axis = Axis { from_ms, to_ms, lane_x, lane_end, step_ms, ticks: Vec::new() };
        let first = if from_ms <= 0.0 { 0 } else { (from_ms as u64).div_ceil(step_ms) * step_ms };
        let mut t = first;
        while t <= elapsed_ms {
            axis.ticks.push(Tick {
                x: axis.x_of(t as f64),
                at_ms: t,
                label: duration(t, DurationStyle::Tick(step_ms), lang),
            });
            t += step_ms;
        }
        axis
    }

    /// x of a time, ms since start (not clamped).
    pub fn x_of(&self, t_ms: f64) -> f64 {
        let span = (self.to_ms - self.from_ms).max(1.0);
        self.lane_x + (t_ms - self.from_ms) / span * (self.lane_end - self.lane_x)
    }

    /// The time at `x`, ms since start, clamped to `0 … now` (a click on the axis).
    pub fn t_of(&self, x: f64) -> u64 {
        let w = (self.lane_end - self.lane_x).max(1.0);
        let t = self.from_ms + (x - self.lane_x) / w * (self.to_ms - self.from_ms);
        t.clamp(0.0, self.to_ms.max(0.0)) as u64
    }

    /// The transform that draws marks placed at `x = seconds since start` on this axis:
    /// `translate(tx 0) scale(k 1)`.
    pub fn marks_transform(&self) -> (f64, f64) {
        let k = (self.lane_end - self.lane_x) / ((self.to_ms - self.from_ms).max(1.0) / 1000.0);
        (self.lane_x - self.from_ms / 1000.0 * k, k)
    }

    /// Where time `t_ms` sits in a row's moving group (translated by `marks_transform().0`, not
    /// scaled), when it is on the lane: `x_of(t) = tx + moving_x(t)`. While the axis only
    /// slides (its span is fixed for the first minute, and again once it reaches twice the
    /// retention period) this stays the same from frame to frame, so a cursor or a marker at a
    /// fixed time is not rewritten in every frame; the group's transform moves it. `None` off
    /// the lane (drawn clamped to an edge instead).
    pub fn moving_x(&self, t_ms: f64) -> Option<f64> {
        let x = self.x_of(t_ms);
        (x >= self.lane_x && x <= self.lane_end).then(|| t_ms / 1000.0 * self.marks_transform().1)
    }
}

/// Where a mark's stroke starts below its row's top, viewBox units.
pub const MARK_TOP: f64 = 12.0;
/// Where a mark's stroke ends above its row's bottom, viewBox units.
pub const MARK_BOTTOM: f64 = 9.0;
/// How far from a mark a click still picks it, CSS px (a finger is wider than a 2 px stroke;
/// the click target, a transparent stroke, is narrower than twice this, so a click on it always
/// finds a mark).
pub const MARK_REACH_PX: f64 = 8.0;

/// The SVG path of a row's `marks`: one vertical stroke per mark at `x = seconds since start`
/// (the row's `translate(…) scale(k 1)` places them on the axis), from `y + MARK_TOP` to
/// `y + ROW_H - MARK_BOTTOM`.
///
/// One `<path>` per row instead of one `<line>` (with a `<title>` and a listener) per mark: at
/// 3600× marks arrive and expire in every row every frame, and thousands of elements cost Yew's
/// diff, the DOM calls and the browser's style pass (benches/README.md, "Retention marks as one
/// path per row").
pub fn marks_path<'a>(marks: impl Iterator<Item = &'a Mark>, y: f64) -> String {
    let (top, bottom) = (f1(y + MARK_TOP), f1(y + ROW_H - MARK_BOTTOM));
    let mut d = String::new();
    for m in marks {
        d.push('M');
        d.push_str(&f1(m.at_ms as f64 / 1000.0));
        d.push(' ');
        d.push_str(&top);
        d.push('V');
        d.push_str(&bottom);
    }
    d
}

/// The mark nearest to `secs` (seconds since start) within `reach_secs`, if any: what a click on
/// a row's marks picks.
pub fn nearest_mark(marks: &[Mark], secs: f64, reach_secs: f64) -> Option<&Mark> {
    marks
        .iter()
        .map(|m| ((m.at_ms as f64 / 1000.0 - secs).abs(), m))
        .filter(|(gap, _)| *gap <= reach_secs)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, m)| m)
}

/// The five `ShardIteratorType`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IterKind {
    /// `TRIM_HORIZON`.
    TrimHorizon,
    /// `LATEST`.
    Latest,
    /// `AT_SEQUENCE_NUMBER`.
    AtSequenceNumber,
    /// `AFTER_SEQUENCE_NUMBER`.
    AfterSequenceNumber,
    /// `AT_TIMESTAMP`.
    AtTimestamp,
}

impl IterKind {
    /// All five, in the order the controls list them.
    pub const ALL: [IterKind; 5] = [
        IterKind::TrimHorizon,
        IterKind::AtSequenceNumber,
        IterKind::AfterSequenceNumber,
        IterKind::AtTimestamp,
        IterKind::Latest,
    ];

    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            IterKind::TrimHorizon => "TRIM_HORIZON",
            IterKind::Latest => "LATEST",
            IterKind::AtSequenceNumber => "AT_SEQUENCE_NUMBER",
            IterKind::AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
            IterKind::AtTimestamp => "AT_TIMESTAMP",
        }
    }

    /// The short label drawn on the marker (with its shape, never colour alone).
    pub fn short(self) -> &'static str {
        match self {
            IterKind::TrimHorizon => "TH",
            IterKind::Latest => "L",
            IterKind::AtSequenceNumber => "AT",
            IterKind::AfterSequenceNumber => "AF",
            IterKind::AtTimestamp => "TS",
        }
    }
}

/// An iterator marker on a row.
#[derive(Clone, Debug, PartialEq)]
pub struct IterMarker {
    /// Which type.
    pub kind: IterKind,
    /// x.
    pub x: f64,
    /// Its x in the row's moving group when it marks a time on the lane (see
    /// [`Axis::moving_x`]); `None` for `LATEST` (just after now, which does not move) and for a
    /// marker clamped to the lane's start.
    pub moving: Option<f64>,
}

/// The record chosen for AT/AFTER_SEQUENCE_NUMBER.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen {
    /// Its shard.
    pub shard: ShardId,
    /// Position.
    pub position: u64,
    /// Arrival, ms since start.
    pub at_ms: u64,
    /// Its SequenceNumber.
    pub sequence_number: SequenceNumber,
}

/// Where the iterator markers of `row` sit: `TRIM_HORIZON` at the oldest retained record (at
/// now when the shard is empty), `LATEST` just after now, `AT_`/`AFTER_SEQUENCE_NUMBER` on the
/// chosen record of this row (`AFTER` just right of it), `AT_TIMESTAMP` at the chosen time.
pub fn iter_markers(axis: &Axis, row: &RetRow, chosen: Option<&Chosen>, at_time_ms: Option<u64>) -> Vec<IterMarker> {
    let mut out = Vec::with_capacity(5);
    let now_x = axis.x_of(axis.to_ms);
    let th = row.oldest_ms.map_or(now_x, |t| axis.x_of(t as f64));
    let th_moving = row.oldest_ms.and_then(|t| axis.moving_x(t as f64));
    out.push(IterMarker { kind: IterKind::TrimHorizon, x: th.max(axis.lane_x), moving: th_moving });
    if let Some(c) = chosen.filter(|c| c.shard == row.id && c.position >= row.first_index) {
        let x = axis.x_of(c.at_ms as f64).max(axis.lane_x);
        let moving = axis.moving_x(c.at_ms as f64);
        out.push(IterMarker { kind: IterKind::AtSequenceNumber, x, moving });
        out.push(IterMarker { kind: IterKind::AfterSequenceNumber, x: x + 3.0, moving: moving.map(|m| m + 3.0) });
    }
    if let Some(t) = at_time_ms {
        let x = axis.x_of(t as f64).max(axis.lane_x);
        out.push(IterMarker { kind: IterKind::AtTimestamp, x, moving: axis.moving_x(t as f64) });
    }
    out.push(IterMarker { kind: IterKind::Latest, x: now_x + 6.0, moving: None });
    out
}

/// y of row `i`.
pub fn row_y(i: usize) -> f64 {
    TOP + i as f64 * (ROW_H + ROW_GAP)
}

/// viewBox height for `n` rows.
pub fn height(n: usize) -> f64 {
    row_y(n) + AXIS_H - ROW_GAP + 8.0
}

/// A ShardIterator shortened for display: its first 12 and last 6 characters.
pub fn abbreviate_iterator(s: &str) -> String {
    let n = s.chars().count();
    if n <= 24 {
        return s.to_string();
    }
    let head: String = s.chars().take(12).collect();
    let tail: String = s.chars().skip(n - 6).collect();
    format!("{head}…{tail}")
}

/// One of the two operations that change a stream's retention period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RetentionOp {
    /// `IncreaseStreamRetentionPeriod`: the new period may not be shorter than the current one.
    Increase,
    /// `DecreaseStreamRetentionPeriod`: the new period may not be longer than the current one.
    Decrease,
}

impl RetentionOp {
    /// Both.
    pub const ALL: [RetentionOp; 2] = [RetentionOp::Increase, RetentionOp::Decrease];

    /// The API name.
    pub fn as_str(self) -> &'static str {
        match self {
            RetentionOp::Increase => "IncreaseStreamRetentionPeriod",
            RetentionOp::Decrease => "DecreaseStreamRetentionPeriod",
        }
    }

    /// The operation named `name`, if it is one of the two.
    pub fn parse(name: &str) -> Option<RetentionOp> {
        RetentionOp::ALL.into_iter().find(|op| op.as_str() == name)
    }
}

/// Why AWS refuses a retention change, by the engine's rules (`engine/ops/retention.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetentionRefusal {
    /// `RetentionPeriodHours` lies outside what the request field admits,
    /// [`RETENTION_FIELD_MIN_HOURS`]`..=`[`MAX_RETENTION_HOURS`]: a ValidationException whose
    /// message names the bound. (Above the maximum the field's check answers first, so the
    /// operation's own "Maximum allowed" refusal is never seen.)
    OutsideField,
    /// Shorter than [`MIN_RETENTION_HOURS`] (InvalidArgumentException).
    TooShort,
    /// An increase to less than the current period (InvalidArgumentException: use Decrease).
    ShorterThanCurrent,
    /// A decrease to more than the current period (InvalidArgumentException: use Increase).
    LongerThanCurrent,
}

impl RetentionRefusal {
    /// The `__type` AWS answers with.
    pub fn error_type(self) -> ErrorType {
        match self {
            RetentionRefusal::OutsideField => ErrorType::ValidationException,
            RetentionRefusal::TooShort | RetentionRefusal::ShorterThanCurrent | RetentionRefusal::LongerThanCurrent => {
                ErrorType::InvalidArgumentException
            }
        }
    }
}

/// Whether AWS refuses `op` to `requested_hours` on a stream that keeps `current_hours`, and
/// why, checking what the engine checks in its order: the request field's bounds, the minimum
/// retention, then the current period (equal values are accepted). `None`: these rules accept
/// it (the stream's state may still refuse it).
pub fn retention_refusal(op: RetentionOp, requested_hours: i64, current_hours: u32) -> Option<RetentionRefusal> {
    if !(RETENTION_FIELD_MIN_HOURS..=i64::from(MAX_RETENTION_HOURS)).contains(&requested_hours) {
        return Some(RetentionRefusal::OutsideField);
    }
    if requested_hours < i64::from(MIN_RETENTION_HOURS) {
        return Some(RetentionRefusal::TooShort);
    }
    let current = i64::from(current_hours);
    match op {
        RetentionOp::Increase if requested_hours < current => Some(RetentionRefusal::ShorterThanCurrent),
        RetentionOp::Decrease if requested_hours > current => Some(RetentionRefusal::LongerThanCurrent),
        RetentionOp::Increase | RetentionOp::Decrease => None,
    }
}

/// The line under a refused retention change: what the rules say, or the general line (AWS's
/// message above it says why) for the field's bounds and for a refusal the rules do not make.
pub fn refusal_text(refusal: Option<RetentionRefusal>) -> RetentionText {
    match refusal {
        Some(RetentionRefusal::TooShort) => RetentionText::ExplainTooShort,
        Some(RetentionRefusal::ShorterThanCurrent) => RetentionText::ExplainNotLonger,
        Some(RetentionRefusal::LongerThanCurrent) => RetentionText::ExplainNotShorter,
        Some(RetentionRefusal::OutsideField) | None => RetentionText::ExplainOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::error::ApiError;
    use crate::engine::{Engine, EngineConfig};
    use serde_json::json;

    fn mark(position: u64, at_ms: u64, yours: bool) -> Mark {
        let sequence_number =
            SequenceNumber { shard_create_secs: 0, seq_ix: position, seq_time_secs: 0, shard_index: 0 };
        Mark { position, at_ms, sequence_number, yours }
    }

    #[test]
    fn a_rows_marks_are_one_path_of_vertical_strokes() {
        let marks = [mark(0, 1_500, false), mark(32, 61_000, true), mark(64, 90_250, false)];
        // Row at y 22: strokes from 34 to 43.
        assert_eq!(marks_path(marks.iter(), 22.0), "M1.5 34.0V43.0M61.0 34.0V43.0M90.2 34.0V43.0");
        assert_eq!(marks_path(marks.iter().filter(|m| m.yours), 22.0), "M61.0 34.0V43.0");
        assert_eq!(marks_path(marks.iter().filter(|_| false), 22.0), "", "no marks, an empty path");
    }

    #[test]
    fn a_click_picks_the_nearest_mark_within_reach() {
        let marks = [mark(0, 10_000, false), mark(1, 12_000, false), mark(2, 20_000, true)];
        assert_eq!(nearest_mark(&marks, 10.9, 2.0).map(|m| m.position), Some(0));
        assert_eq!(nearest_mark(&marks, 11.1, 2.0).map(|m| m.position), Some(1));
        assert_eq!(nearest_mark(&marks, 19.0, 1.0).map(|m| m.position), Some(2), "exactly at reach");
        assert_eq!(nearest_mark(&marks, 16.0, 2.0), None, "between marks, out of reach");
        assert_eq!(nearest_mark(&[], 16.0, 2.0), None);
    }

    fn no_overlap(a: &Axis) {
        for w in a.ticks.windows(2) {
            let gap = w[1].x - w[0].x;
            let need = (label_w(&w[0].label) + label_w(&w[1].label)) / 2.0;
            assert!(gap >= need, "{} and {} overlap ({gap} < {need})", w[0].label, w[1].label);
        }
        assert!(a.ticks.iter().all(|t| t.x >= a.lane_x - 1e-6 && t.x <= a.lane_end + 1e-6));
        let labels: Vec<&str> = a.ticks.iter().map(|t| t.label.as_str()).collect();
        let mut dedup = labels.clone();
        dedup.dedup();
        assert_eq!(labels, dedup, "labels are distinct");
    }

    #[test]
    fn ticks_are_nice_in_seconds_minutes_hours_and_days() {
        let day = DAY_MS;
        for (elapsed, retention, unit) in [
            (30 * SECOND_MS, day, " s"),
            (20 * MINUTE_MS, day, " min"),
            (26 * HOUR_MS, day, " h"),
            (30 * day, 8760 * HOUR_MS, " d"),
        ] {
            for width in [WIDTH, NARROW_WIDTH] {
                let a = Axis::new(elapsed, retention, width, Lang::Es);
                assert!(a.ticks.len() >= 2, "{elapsed} {width}: {:?}", a.ticks);
                assert!(a.ticks.iter().all(|t| t.label.ends_with(unit)), "{elapsed}: {:?}", a.ticks);
                assert!(a.ticks.iter().all(|t| t.at_ms % a.step_ms == 0));
                no_overlap(&a);
            }
        }
        // 26 h on a wide axis: every 3 hours (0 h … 24 h).
        let a = Axis::new(26 * HOUR_MS, day, WIDTH, Lang::Es);
        assert_eq!(a.step_ms, 3 * HOUR_MS);
        assert_eq!(a.ticks.first().map(|t| t.label.as_str()), Some("0 h"));
        assert_eq!(a.ticks.last().map(|t| t.label.as_str()), Some("24 h"));
    }

    #[test]
    fn the_span_follows_elapsed_time_smoothly_and_is_capped() {
        assert_eq!(span_ms(0, DAY_MS), MIN_SPAN_MS + MIN_SPAN_MS / 10);
        assert_eq!(span_ms(10 * HOUR_MS, DAY_MS), 11 * HOUR_MS);
        assert_eq!(span_ms(100 * HOUR_MS, DAY_MS), 48 * HOUR_MS, "at most twice the retention");
        // Continuous: a second more moves the span by about a second.
        let (a, b) = (span_ms(5 * HOUR_MS, DAY_MS), span_ms(5 * HOUR_MS + 1_000, DAY_MS));
        assert!(b - a <= 1_100);
        // Every elapsed time from a second to a year gives non-overlapping ticks.
        let mut t = SECOND_MS;
        while t < 400 * DAY_MS {
            no_overlap(&Axis::new(t, 8760 * HOUR_MS, NARROW_WIDTH, Lang::Es));
            no_overlap(&Axis::new(t, DAY_MS, WIDTH, Lang::Es));
            t = t * 5 / 4 + 1;
        }
    }

    #[test]
    fn x_and_time_round_trip_and_marks_transform_agrees() {
        let a = Axis::new(30 * HOUR_MS, DAY_MS, WIDTH, Lang::Es);
        assert!((a.x_of(a.to_ms) - a.lane_end).abs() < 1e-9);
        let t = 20 * HOUR_MS;
        assert!(a.t_of(a.x_of(t as f64)).abs_diff(t) <= 1);
        assert_eq!(a.t_of(0.0), 0, "left of the axis clamps to the start");
        let (tx, k) = a.marks_transform();
        assert!((tx + k * (t as f64 / 1000.0) - a.x_of(t as f64)).abs() < 1e-6);
    }

    fn row(oldest: Option<u64>) -> RetRow {
        RetRow {
            id: ShardId(0),
            open: true,
            first_index: 100,
            end_index: 200,
            oldest_ms: oldest,
            newest_ms: Some(30 * HOUR_MS),
            oldest_seq: None,
            closed_ms: None,
            marks: Vec::new(),
            stride: 1,
        }
    }

    #[test]
    fn iterator_markers_sit_where_aws_starts_reading() {
        let a = Axis::new(30 * HOUR_MS, DAY_MS, WIDTH, Lang::Es);
        let r = row(Some(6 * HOUR_MS));
        let sequence_number = SequenceNumber { shard_create_secs: 0, seq_ix: 150, seq_time_secs: 0, shard_index: 0 };
        let chosen = Chosen { shard: r.id, position: 150, at_ms: 20 * HOUR_MS, sequence_number };
        let m = iter_markers(&a, &r, Some(&chosen), Some(10 * HOUR_MS));
        let x = |k: IterKind| m.iter().find(|i| i.kind == k).map(|i| i.x).unwrap_or(f64::NAN);
        assert_eq!(m.len(), 5);
        assert!((x(IterKind::TrimHorizon) - a.x_of(6.0 * HOUR_MS as f64)).abs() < 1e-9);
        assert!(x(IterKind::TrimHorizon) < x(IterKind::AtTimestamp));
        assert!(x(IterKind::AtTimestamp) < x(IterKind::AtSequenceNumber));
        assert!(x(IterKind::AtSequenceNumber) < x(IterKind::AfterSequenceNumber));
        assert!(x(IterKind::AfterSequenceNumber) < x(IterKind::Latest));
        assert!(x(IterKind::Latest) > a.lane_end && x(IterKind::Latest) < WIDTH);
        // A record chosen on another shard, or already expired, has no marker here.
        let gone = Chosen { position: 50, ..chosen.clone() };
        assert_eq!(iter_markers(&a, &r, Some(&gone), None).len(), 2);
        // An empty shard: the trim horizon is at now, like LATEST.
        let e = iter_markers(&a, &row(None), None, None);
        assert!((e[0].x - a.lane_end).abs() < 1e-9);
    }

    #[test]
    fn what_sits_at_a_fixed_time_keeps_its_place_while_the_axis_slides() {
        // The first minute (a fixed span) and a capped span (two days of a one-day retention).
        for (now, retention) in [(20_000, DAY_MS), (50 * HOUR_MS, DAY_MS)] {
            let (a, b) = (Axis::new(now, retention, WIDTH, Lang::Es), Axis::new(now + 500, retention, WIDTH, Lang::Es));
            let t = (now - 5_000) as f64;
            let (ma, mb) = (a.moving_x(t), b.moving_x(t));
            assert!(ma.is_some() && mb.is_some(), "{now}: 5 s ago is on the lane");
            for (axis, m) in [(&a, ma), (&b, mb)] {
                let m = m.unwrap_or(f64::NAN);
                assert!((axis.marks_transform().0 + m - axis.x_of(t)).abs() < 1e-6, "{now}: tx + moving = x");
            }
            assert!((ma.unwrap_or(0.0) - mb.unwrap_or(1.0)).abs() < 1e-9, "{now}: the same place in the group");
            assert!(b.x_of(t) < a.x_of(t), "{now}: the lane moved it left");
            // Off the lane: clamped by the view, not moved.
            assert_eq!(a.moving_x(a.from_ms - 1_000.0), None);
            assert_eq!(a.moving_x(now as f64 + 1_000.0), None);
        }
        // Markers: LATEST never moves; the others carry their place in the group.
        let a = Axis::new(20_000, DAY_MS, WIDTH, Lang::Es);
        let r = row(Some(10_000));
        let m = iter_markers(&a, &r, None, Some(15_000));
        assert!(m.iter().all(|i| (i.kind == IterKind::Latest) == i.moving.is_none()), "{m:?}");
        for i in m.iter().filter(|i| i.moving.is_some()) {
            assert!((a.marks_transform().0 + i.moving.unwrap_or(f64::NAN) - i.x).abs() < 1e-6, "{i:?}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(abbreviate_iterator("AAAAAAAAAAE"), "AAAAAAAAAAE");
        assert_eq!(abbreviate_iterator(&"x".repeat(40)), format!("{}…{}", "x".repeat(12), "x".repeat(6)));
        assert!(row_y(1) > row_y(0) + ROW_H);
    }

    fn loss(shard: u32, from: u64, to: u64, noticed_s: u64) -> RetLoss {
        RetLoss {
            shard: ShardId(shard),
            from,
            to,
            lost: to - from,
            after_ms: from * 50,
            before_ms: to * 50,
            noticed_ms: noticed_s * 1000,
            last_noticed_ms: noticed_s * 1000,
        }
    }

    #[test]
    fn losses_group_into_episodes_and_bands_sit_at_their_arrival_times() {
        let a = 0;
        // A read every second losing 15 records: one episode; a loss an hour later: another.
        let mut v: Vec<RetLoss> = (0..10).map(|i| loss(a, 1_000 + i * 20, 1_015 + i * 20, 100 + i)).collect();
        v.push(loss(a, 100_000, 100_030, 3_700));
        v.push(loss(1, 5, 9, 3_701));
        let e = loss_episodes(&v);
        assert_eq!(e.len(), 3);
        assert_eq!((e[0].from, e[0].to, e[0].lost, e[0].span()), (1_000, 1_195, 150, 195));
        assert_eq!((e[0].after_ms, e[0].before_ms), (50_000, 1_195 * 50));
        assert_eq!((e[0].noticed_ms, e[0].last_noticed_ms), (100_000, 109_000));
        assert_eq!((e[1].from, e[1].lost), (100_000, 30));
        assert_eq!(e[2].shard, ShardId(1), "another shard is another episode");

        let axis = Axis::new(30 * HOUR_MS, DAY_MS, WIDTH, Lang::Es);
        let wide = RetLoss { after_ms: 8 * HOUR_MS, before_ms: 12 * HOUR_MS, ..e[0].clone() };
        let (x, w) = loss_band(&axis, &wide).unwrap_or((f64::NAN, f64::NAN));
        assert!((x - axis.x_of(8.0 * HOUR_MS as f64)).abs() < 1e-9);
        assert!((x + w - axis.x_of(12.0 * HOUR_MS as f64)).abs() < 1e-9);
        // A few records stay visible; a band wholly left of the axis is not drawn.
        let few = RetLoss { before_ms: 8 * HOUR_MS + 1, ..wide.clone() };
        let (x, w) = loss_band(&axis, &few).unwrap_or_default();
        assert!((w - MIN_BAND_W).abs() < 1e-9);
        assert!((x + w - axis.x_of(few.before_ms as f64)).abs() < 1e-9, "its right edge stays the upper bound");
        let late = Axis::new(60 * HOUR_MS, DAY_MS, WIDTH, Lang::Es);
        assert_eq!(loss_band(&late, &wide), None, "12 h is left of a 48 h span ending at 60 h");
    }

    #[test]
    fn the_slow_consumer_s_lost_records_are_listed_with_their_arrival_bounds() {
        use crate::ui::route::UrlState;
        use crate::ui::sim::Sim;
        use crate::ui::views::retention::snapshot::{RetentionSnapshot, MAX_MARKS};
        let (url, _) = UrlState::parse("#/retention?seed=1&scenario=slow-consumer", "");
        let mut sim = Sim::new(url.sim).unwrap_or_else(|e| panic!("{e:?}"));
        sim.sleep(34 * HOUR_MS);
        let snap = RetentionSnapshot::of(&sim, MAX_MARKS);
        let c = &snap.consumers[0];
        assert!(c.lost > 0, "overtaken around 32 h");
        assert_eq!(c.losses.iter().map(|l| l.lost).sum::<u64>(), c.lost);
        let e = loss_episodes(&c.losses);
        assert_eq!(e.len(), 1, "one continuous episode: {e:?}");
        assert_eq!(e[0].lost, c.lost);
        // The records lost had arrived about 8 h in, and are older than the trim horizon.
        assert!((7 * HOUR_MS..9 * HOUR_MS).contains(&e[0].after_ms), "{e:?}");
        assert!((e[0].before_ms as i64) <= snap.trim_horizon_ms(), "{e:?}");
        let axis = Axis::new(snap.elapsed_ms, snap.retention_ms(), WIDTH, Lang::Es);
        let (x, w) = loss_band(&axis, &e[0]).unwrap_or_default();
        assert!(x >= axis.lane_x && x + w <= axis.x_of(snap.trim_horizon_ms() as f64) + 1e-9 && w >= MIN_BAND_W);
    }

    /// How the view picked the explanation before, by searching AWS's message: the oracle
    /// that the typed rule shows the same line.
    fn by_message(message: &str) -> RetentionText {
        if message.contains("Minimum allowed") {
            RetentionText::ExplainTooShort
        } else if message.contains("Maximum allowed") {
            RetentionText::ExplainTooLong
        } else if message.contains("can not be shorter") {
            RetentionText::ExplainNotLonger
        } else if message.contains("can not be longer") {
            RetentionText::ExplainNotShorter
        } else {
            RetentionText::ExplainOther
        }
    }

    /// What the engine answers to `op` to `requested` hours on a stream that keeps `current`.
    fn engine_answer(op: RetentionOp, requested: i64, current: u32) -> Result<(), ApiError> {
        let mut engine = Engine::new(EngineConfig::default());
        let ok = |r: Result<serde_json::Value, ApiError>| r.unwrap_or_else(|e| panic!("setup: {e}"));
        ok(engine.call("CreateStream", &json!({"StreamName": "s", "ShardCount": 1})));
        let delay = engine.config().create_delay_ms;
        engine.advance_by(delay);
        if current != MIN_RETENTION_HOURS {
            ok(engine
                .call("IncreaseStreamRetentionPeriod", &json!({"StreamName": "s", "RetentionPeriodHours": current})));
        }
        engine.call(op.as_str(), &json!({"StreamName": "s", "RetentionPeriodHours": requested})).map(|_| ())
    }

    #[test]
    fn the_retention_rule_agrees_with_the_engine_and_explains_as_before() {
        use RetentionRefusal as R;
        let (inc, dec) = (RetentionOp::Increase, RetentionOp::Decrease);
        assert_eq!(retention_refusal(inc, 0, 24), Some(R::OutsideField));
        assert_eq!(retention_refusal(inc, 23, 24), Some(R::TooShort));
        assert_eq!(retention_refusal(dec, 1, 48), Some(R::TooShort));
        assert_eq!(retention_refusal(inc, 30, 48), Some(R::ShorterThanCurrent));
        assert_eq!(retention_refusal(dec, 72, 48), Some(R::LongerThanCurrent));
        assert_eq!(retention_refusal(inc, 8761, 24), Some(R::OutsideField));
        assert_eq!([retention_refusal(inc, 48, 48), retention_refusal(dec, 48, 48)], [None, None]);
        assert_eq!([retention_refusal(inc, 8760, 24), retention_refusal(dec, 24, 8760)], [None, None]);

        let mut seen = Vec::new();
        for op in RetentionOp::ALL {
            for current in [MIN_RETENTION_HOURS, 25, 48, 168, MAX_RETENTION_HOURS] {
                let near = [i64::from(current) - 1, i64::from(current), i64::from(current) + 1];
                for requested in
                    [i64::MIN, -1, 0, 1, 23, 24, 25, 8_759, 8_760, 8_761, 1_000_000, i64::MAX].into_iter().chain(near)
                {
                    let rule = retention_refusal(op, requested, current);
                    let case = format!("{} {requested} h on {current} h", op.as_str());
                    match engine_answer(op, requested, current) {
                        Ok(()) => assert_eq!(rule, None, "{case}: accepted"),
                        Err(e) => {
                            assert_eq!(rule.map(RetentionRefusal::error_type), Some(e.error_type), "{case}: {e}");
                            assert_eq!(refusal_text(rule), by_message(e.message_text()), "{case}: {e}");
                        }
                    }
                    seen.push(rule);
                }
            }
        }
        for r in
            [None, Some(R::OutsideField), Some(R::TooShort), Some(R::ShorterThanCurrent), Some(R::LongerThanCurrent)]
        {
            assert!(seen.contains(&r), "{r:?} covered");
        }
        assert_eq!(RetentionOp::ALL.map(|o| RetentionOp::parse(o.as_str())), RetentionOp::ALL.map(Some));
        assert_eq!(RetentionOp::parse("UpdateShardCount"), None);
    }
}
