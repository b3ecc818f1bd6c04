//! Geometry of the overview, in the fixed logical units of its `<svg viewBox>` (CSS sizes it).
//!
//! ```text
//!  x: 0 ── label (shard number, range bar) ── lane_x ── age 0 … window ── lane_end ── width
//!  y: one lane per shard, LANE_GAP apart; a dot's height in its lane is where its hash key
//!     falls in the shard's HashKeyRange, so the lane is the shard's slice of 0…2^128−1
//! ```
//!
//! Pure: no Yew, unit-tested natively (STYLE rule 10). Floats appear only here, in geometry.

use super::snapshot::OverviewSnapshot;
use crate::engine::state::shard::ShardId;
use crate::i18n::Lang;
use crate::ui::format::{duration, hash_fraction, hash_fraction_in, shard_short, DurationStyle};

/// viewBox width on wide screens.
pub const WIDTH: f64 = 800.0;
/// viewBox width on phones (the same drawing with narrower margins, so text stays legible).
pub const NARROW_WIDTH: f64 = 420.0;
/// Screens narrower than this many CSS pixels get the narrow drawing.
pub const NARROW_BELOW_PX: f64 = 600.0;
/// Top margin.
pub const TOP: f64 = 10.0;
/// Space for the age axis below the lanes.
pub const AXIS_H: f64 = 34.0;
/// Gap between lanes.
pub const LANE_GAP: f64 = 6.0;

/// A record's dot.
#[derive(Clone, Debug, PartialEq)]
pub struct DotGeom {
    /// Stable key (the record's position in its shard).
    pub key: u64,
    /// Centre x relative to [`Layout::shift`]: fixed by the record's arrival time, so a dot's
    /// attributes never change while it travels (only the lanes' shared shift does, which keeps
    /// each frame's DOM work to new and leaving dots).
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Hue, degrees (from the hash key, so one partition key keeps one colour).
    pub hue: u16,
    /// A record of yours (put in the console): drawn with a ring.
    pub yours: bool,
}

/// One shard's lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneGeom {
    /// The shard.
    pub id: ShardId,
    /// Short label (`#7`).
    pub label: String,
    /// Open shard.
    pub open: bool,
    /// Top.
    pub y: f64,
    /// Height.
    pub h: f64,
    /// The shard's range on the range bar: start x and width.
    pub range_x: f64,
    /// Width of the range on the range bar (at least 1 unit, so tiny ranges stay visible).
    pub range_w: f64,
    /// Dots.
    pub dots: Vec<DotGeom>,
}

/// A tick of the age axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// x.
    pub x: f64,
    /// Age as text (`0 s`, `5 s`, `2 min`, `1 h`).
    pub label: String,
}

/// The whole drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// viewBox width.
    pub width: f64,
    /// Where lanes start (labels and range bars sit left of it).
    pub lane_x: f64,
    /// Where lanes end.
    pub lane_end: f64,
    /// Width of the range bar under a lane's label (the whole hash space).
    pub range_bar_w: f64,
    /// viewBox height.
    pub height: f64,
    /// Lanes, top to bottom.
    pub lanes: Vec<LaneGeom>,
    /// Age ticks.
    pub ticks: Vec<Tick>,
    /// y of the axis line.
    pub axis_y: f64,
    /// Dot radius.
    pub dot_r: f64,
    /// x translation of every dot group at this instant: a dot is drawn at `shift + x`.
    pub shift: f64,
}

/// Lane height for `n` lanes: roomy for a few, compact for many.
pub fn lane_height(n: usize) -> f64 {
    match n {
        0..=4 => 60.0,
        5..=8 => 44.0,
        _ => (360.0 / n as f64).max(12.0),
    }
}

/// Round windows the lanes can show, ms (quarters of each make readable ticks).
pub const WINDOWS_MS: [u64; 15] = [
    4_000, 8_000, 20_000, 40_000, 60_000, 120_000, 240_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 7_200_000,
    14_400_000, 28_800_000, 86_400_000,
];

/// The time window the lanes show at a clock speed: the smallest round window that holds about
/// 8 wall seconds of travel (from 4 s up to 24 h of simulated time).
pub fn window_ms(speed_milli: u64) -> u64 {
    let want = speed_milli.saturating_mul(8);
    WINDOWS_MS.iter().copied().find(|w| *w >= want).unwrap_or(86_400_000)
}

/// Lays out a snapshot for a viewBox `width` units wide ([`WIDTH`] or [`NARROW_WIDTH`]), its
/// tick labels written in `lang`.
pub fn layout(snap: &OverviewSnapshot, width: f64, lang: Lang) -> Layout {
    let n = snap.shards.len();
    let h = lane_height(n);
    let lane_x = if width < WIDTH { 64.0 } else { 110.0 };
    let lane_end = width - 10.0;
    let range_bar_w = lane_x - 20.0;
    let lane_w = lane_end - lane_x;
    let window = snap.window_ms.max(1) as f64;
    let dot_r = (h / 10.0).clamp(1.5, 4.0);
    let lanes = snap
        .shards
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = TOP + i as f64 * (h + LANE_GAP);
            let dots = s
                .dots
                .iter()
                .filter(|d| d.age_ms <= snap.window_ms)
                .map(|d| {
                    let within = hash_fraction_in(d.hash, s.start, s.end);
                    DotGeom {
                        key: d.position,
                        x: -((snap.elapsed_ms.saturating_sub(d.age_ms)) as f64 / window) * (lane_w - 2.0 * dot_r),
                        // Low hash at the bottom, as on a number line turned upright.
                        y: y + h - dot_r - within.clamp(0.0, 1.0) * (h - 2.0 * dot_r),
                        hue: (d.hash % 360) as u16,
                        yours: d.yours,
                    }
                })
                .collect();
            LaneGeom {
                id: s.id,
                label: shard_short(s.id),
                open: s.open,
                y,
                h,
                range_x: 10.0 + hash_fraction(s.start) * range_bar_w,
                range_w: ((hash_fraction(s.end) - hash_fraction(s.start)) * range_bar_w).max(1.0),
                dots,
            }
        })
        .collect();
    let axis_y = TOP + n as f64 * (h + LANE_GAP);
    let ticks = (0..=4)
        .map(|k| Tick {
            x: lane_x + lane_w * k as f64 / 4.0,
            label: duration(snap.window_ms * k / 4, DurationStyle::Axis, lang),
        })
        .collect();
    let shift = lane_x + dot_r + (snap.elapsed_ms as f64 / window) * (lane_w - 2.0 * dot_r);
    Layout { width, lane_x, lane_end, range_bar_w, height: axis_y + AXIS_H, lanes, ticks, axis_y, dot_r, shift }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::snapshot::{Dot, ShardRow, Totals};

    fn row(id: u32, start: u128, end: u128, dots: Vec<Dot>) -> ShardRow {
        ShardRow {
            id: ShardId(id),
            open: true,
            start,
            end,
            incoming: 0,
            per_sec: 0,
            throttled: 0,
            stored: 0,
            older: 0,
            expired: 0,
            in_window: 0,
            dots,
        }
    }

    fn snap(shards: Vec<ShardRow>) -> OverviewSnapshot {
        OverviewSnapshot {
            elapsed_ms: 10_000,
            window_ms: 10_000,
            stream_name: "s".into(),
            scenario_stream: None,
            status: None,
            shards,
            totals: Totals::default(),
            consumers: vec![],
            digest: String::new(),
            live: false,
        }
    }

    const HALF: u128 = u128::MAX / 2;

    #[test]
    fn lanes_stack_without_overlap_and_dots_stay_inside_their_lane() {
        let d = |age_ms, hash| Dot { position: age_ms, age_ms, hash, yours: false };
        let l = layout(
            &snap(vec![
                row(0, 0, HALF, vec![d(0, 0), d(10_000, HALF), d(5_000, HALF / 2)]),
                row(1, HALF + 1, u128::MAX, vec![d(0, u128::MAX)]),
            ]),
            WIDTH,
            Lang::En,
        );
        assert_eq!(l.lanes.len(), 2);
        let (a, b) = (&l.lanes[0], &l.lanes[1]);
        assert!(a.y + a.h < b.y, "no overlap");
        assert_eq!((a.label.as_str(), b.label.as_str()), ("#0", "#1"));
        for lane in &l.lanes {
            for dot in &lane.dots {
                assert!(dot.y - l.dot_r >= lane.y - 1e-9 && dot.y + l.dot_r <= lane.y + lane.h + 1e-9, "{dot:?}");
                let x = l.shift + dot.x;
                assert!(x - l.dot_r >= l.lane_x - 1e-6 && x + l.dot_r <= l.lane_end + 1e-6, "{dot:?}");
            }
        }
        // Age 0 at the lane's left edge, the window's age at its right; low hash at the bottom.
        assert!(a.dots[0].x < a.dots[2].x && a.dots[2].x < a.dots[1].x);
        assert!(a.dots[0].y > a.dots[1].y);
        // The range bar: shard 0 covers the left half, shard 1 the right half.
        assert!((a.range_x - 10.0).abs() < 1e-9 && (a.range_w - l.range_bar_w / 2.0).abs() < 1e-6);
        assert!((b.range_x - (10.0 + l.range_bar_w / 2.0)).abs() < 1e-6);
        assert_eq!(l.ticks.first().map(|t| t.label.as_str()), Some("0 s"));
        assert_eq!(l.ticks.last().map(|t| t.label.as_str()), Some("10 s"));
        assert!(l.axis_y > b.y + b.h && l.height > l.axis_y);
    }

    #[test]
    fn many_lanes_get_compact_but_positive_height() {
        let rows: Vec<ShardRow> = (0..64u32).map(|i| row(i, u128::from(i), u128::from(i), vec![])).collect();
        for width in [WIDTH, NARROW_WIDTH] {
            let l = layout(&snap(rows.clone()), width, Lang::Es);
            assert!(l.lanes.iter().all(|x| x.h >= 12.0 && x.range_w >= 1.0));
            assert!(l.lanes.windows(2).all(|w| w[0].y + w[0].h < w[1].y));
            assert!(l.lane_x > l.range_bar_w && l.lane_end < width && l.lane_x < l.lane_end);
        }
    }

    #[test]
    fn windows_have_round_tick_labels() {
        assert_eq!(window_ms(1_000), 8_000);
        assert_eq!(window_ms(100), 4_000);
        assert_eq!(window_ms(10_000), 120_000);
        assert_eq!(window_ms(3_600_000), 8 * 3_600_000);
        for (lang, sep) in [(Lang::En, '.'), (Lang::Es, ',')] {
            for w in WINDOWS_MS {
                for k in 0..=4 {
                    let label = duration(w * k / 4, DurationStyle::Axis, lang);
                    assert!(
                        !label.contains(sep)
                            || w < 60_000
                            || label.ends_with(&format!("{sep}5 min"))
                            || label.ends_with(&format!("{sep}5 h")),
                        "{w}: {label}"
                    );
                    assert!(lang == Lang::En || !label.contains('.'), "a decimal point in Spanish: {label}");
                }
            }
        }
    }
}
