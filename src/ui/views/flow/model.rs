//! Geometry and text of the record flow view (pure, tested natively).
//!
//! ```text
//!  [producers]  ──►  x: 0 ─ label ─ lane_x ── age 0 … window ── lane_end ─ gauges ─ width  ──►  [consumers]
//!  (HTML cards)        one lane per shard; dots = records (colour + shape from the key's hash),     (HTML cards)
//!                      cursors = each consumer's next unread record (letter + kind shape)
//! ```
//!
//! Producers and consumers are HTML cards around the SVG, so every control in them is a real,
//! labelled element and the column layout can stack on phones. The SVG holds the lanes, the
//! gauges (write 1 MiB/s and 1,000 records/s, read 2 MiB/s and 5 calls/s per shard) and the
//! cursors. Floats appear only here, in geometry.

use super::snapshot::FlowSnapshot;
use crate::engine::state::limits::{
    MIB, READ_BYTES_PER_SEC, READ_CALLS_PER_SEC, WRITE_BYTES_PER_SEC, WRITE_RECORDS_PER_SEC,
};
use crate::engine::state::sequence::{parse_sequence, ParsedSequence};
use crate::engine::state::shard::ShardId;
use crate::ui::format::{duration, hash_fraction_in, mib, sequence_tail, shard_short, DurationStyle};
use crate::ui::snapshot::{ConsumerKind, RecentRecord};
use crate::ui::views::overview::model::lane_height;
use crate::world::payload::KeyDistribution;

/// viewBox width on wide screens.
pub const WIDTH: f64 = 640.0;
/// viewBox width on phones.
pub const NARROW_WIDTH: f64 = 420.0;
/// Top margin (room for cursor markers above the first lane).
pub const TOP: f64 = 18.0;
/// Gap between lanes (cursor markers sit in it, above their own lane).
pub const LANE_GAP: f64 = 18.0;
/// Space for the age axis.
pub const AXIS_H: f64 = 30.0;

/// The shape a dot or cursor is drawn with, so that colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
    /// ◆
    Diamond,
}

/// The shape of a consumer kind: polling ▲, enhanced fan-out ◆, Lambda ■.
pub fn kind_shape(k: ConsumerKind) -> Shape {
    match k {
        ConsumerKind::Polling => Shape::Triangle,
        ConsumerKind::FanOut => Shape::Diamond,
        ConsumerKind::Lambda => Shape::Square,
    }
}

/// SVG path of `shape` centred on `(x, y)` with half-size `r`.
pub fn shape_path(shape: Shape, x: f64, y: f64, r: f64) -> String {
    match shape {
        Shape::Circle => {
            format!("M{:.1} {y:.1}a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0", x - r, 2.0 * r, -2.0 * r)
        }
        Shape::Square => format!("M{:.1} {:.1}h{:.1}v{:.1}h{:.1}z", x - r, y - r, 2.0 * r, 2.0 * r, -2.0 * r),
        Shape::Triangle => format!("M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}z", y - r, x + r, y + r, x - r, y + r),
        Shape::Diamond => format!("M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}z", y - r, x + r, y + r, x - r),
    }
}

/// The letter that names consumer `i` on its card and its cursors (A, B, … Z, then AA…).
pub fn consumer_letter(i: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if i < 26 {
        (letters[i] as char).to_string()
    } else {
        format!("{}{}", letters[(i / 26 - 1) % 26] as char, letters[i % 26] as char)
    }
}

/// A record's dot.
#[derive(Clone, Debug, PartialEq)]
pub struct DotGeom {
    /// The shard (with `key`, what a click selects).
    pub shard: ShardId,
    /// Position in the shard.
    pub key: u64,
    /// Centre x relative to [`Layout::shift`] (fixed by arrival time; see the overview model).
    pub x: f64,
    /// Centre.
    pub y: f64,
    /// Hue, degrees.
    pub hue: u16,
    /// Shape, from the hash too.
    pub shape: Shape,
}

/// One gauge: a load against its limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Gauge {
    /// What it measures (`W MiB/s`, `W rec/s`, `R MiB/s`, `R calls/s`).
    pub label: &'static str,
    /// Load / limit (may exceed 1: limits off, or a burst).
    pub fraction: f64,
    /// The load, as text with its limit (`0.42 / 1 MiB/s`).
    pub text: String,
    /// Bar rectangle.
    pub x: f64,
    /// Bar rectangle.
    pub y: f64,
    /// Full width (the limit).
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// A consumer's cursor in a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct CursorGeom {
    /// Consumer letter.
    pub letter: String,
    /// Its kind's shape.
    pub shape: Shape,
    /// x of the next unread record (lane start when caught up).
    pub x: f64,
    /// Its next unread record is older than the window (drawn at the lane's end).
    pub beyond: bool,
}

/// One lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneGeom {
    /// The shard.
    pub id: ShardId,
    /// Short label (`#7`).
    pub label: String,
    /// Open.
    pub open: bool,
    /// Writes were throttled in the last interval.
    pub throttled: bool,
    /// Writes refused per second in the last interval.
    pub throttled_per_sec: u64,
    /// Writes refused so far.
    pub throttled_total: u64,
    /// Top.
    pub y: f64,
    /// Height.
    pub h: f64,
    /// Dots.
    pub dots: Vec<DotGeom>,
    /// Gauges, write then read.
    pub gauges: Vec<Gauge>,
    /// Cursors.
    pub cursors: Vec<CursorGeom>,
    /// Records in the window that are not drawn (beyond the dot budget).
    pub hidden: u64,
}

/// The drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Lanes start.
    pub lane_x: f64,
    /// Lanes end.
    pub lane_end: f64,
    /// Dot half-size.
    pub dot_r: f64,
    /// x translation of the dot groups now: a dot is drawn at `shift + x`.
    pub shift: f64,
    /// Lanes.
    pub lanes: Vec<LaneGeom>,
    /// Axis y.
    pub axis_y: f64,
    /// Age ticks `(x, label)`.
    pub ticks: Vec<(f64, String)>,
}

fn gauge_text(load: u64, limit: u64, unit: &str) -> String {
    if unit == "MiB/s" {
        format!("{} / {} {unit}", mib(load), limit / MIB)
    } else {
        format!("{load} / {limit} {unit}")
    }
}

/// Lays out a flow snapshot for a viewBox `width` wide.
pub fn layout(snap: &FlowSnapshot, width: f64) -> Layout {
    let n = snap.shards.len();
    let h = lane_height(n).max(40.0);
    let lane_x = 34.0;
    let gauge_w = if width < WIDTH { 70.0 } else { 110.0 };
    let lane_end = width - gauge_w - 14.0;
    let lane_w = lane_end - lane_x;
    let window = snap.window_ms.max(1) as f64;
    let dot_r = (h / 12.0).clamp(2.0, 4.0);
    let x_of = |age: u64| lane_x + dot_r + (age.min(snap.window_ms) as f64 / window) * (lane_w - 2.0 * dot_r);
    let lanes = snap
        .shards
        .iter()
        .enumerate()
        .map(|(i, fs)| {
            let s = &fs.row;
            let y = TOP + i as f64 * (h + LANE_GAP);
            let dots: Vec<DotGeom> = s
                .dots
                .iter()
                .filter(|d| d.age_ms <= snap.window_ms)
                .map(|d| {
                    let within = hash_fraction_in(d.hash, s.start, s.end);
                    DotGeom {
                        shard: s.id,
                        key: d.position,
                        x: -((snap.elapsed_ms.saturating_sub(d.age_ms)) as f64 / window) * (lane_w - 2.0 * dot_r),
                        y: y + h - dot_r - within.clamp(0.0, 1.0) * (h - 2.0 * dot_r),
                        hue: (d.hash % 360) as u16,
                        shape: match (d.hash >> 64) % 3 {
                            0 => Shape::Circle,
                            1 => Shape::Square,
                            _ => Shape::Triangle,
                        },
                    }
                })
                .collect();
            let r = fs.rates;
            let gx = lane_end + 8.0;
            let gh = (h - 10.0) / 4.0;
            let loads = [
                ("W MiB/s", r.write_bytes, WRITE_BYTES_PER_SEC, "MiB/s"),
                ("W rec/s", r.write_records, WRITE_RECORDS_PER_SEC, "rec/s"),
                ("R MiB/s", r.read_bytes, READ_BYTES_PER_SEC, "MiB/s"),
                ("R calls/s", r.read_calls, READ_CALLS_PER_SEC, "calls/s"),
            ];
            let gauges = loads
                .iter()
                .enumerate()
                .map(|(k, (label, load, limit, unit))| Gauge {
                    label,
                    fraction: *load as f64 / (*limit).max(1) as f64,
                    text: gauge_text(*load, *limit, unit),
                    x: gx,
                    y: y + 2.0 + k as f64 * (gh + 2.0),
                    w: gauge_w,
                    h: gh,
                })
                .collect();
            let cursors = snap
                .consumers
                .iter()
                .enumerate()
                .filter_map(|(ci, c)| {
                    let cur = c.cursors.iter().find(|cu| cu.shard == s.id)?;
                    if cur.finished {
                        return None;
                    }
                    let beyond = cur.age_ms.is_some_and(|a| a > snap.window_ms);
                    Some(CursorGeom {
                        letter: consumer_letter(ci),
                        shape: kind_shape(c.kind),
                        x: cur.age_ms.map_or(lane_x, x_of),
                        beyond,
                    })
                })
                .collect();
            LaneGeom {
                id: s.id,
                label: shard_short(s.id),
                open: s.open,
                throttled: r.write_throttled > 0,
                throttled_per_sec: r.write_throttled,
                throttled_total: s.throttled,
                y,
                h,
                hidden: s.in_window.saturating_sub(dots.len() as u64),
                dots,
                gauges,
                cursors,
            }
        })
        .collect();
    let axis_y = TOP + n as f64 * (h + LANE_GAP);
    let ticks = (0..=4)
        .map(|k| (lane_x + lane_w * k as f64 / 4.0, duration(snap.window_ms * k / 4, DurationStyle::Axis)))
        .collect();
    let shift = lane_x + dot_r + (snap.elapsed_ms as f64 / window) * (lane_w - 2.0 * dot_r);
    Layout { width, height: axis_y + AXIS_H, lane_x, lane_end, dot_r, shift, lanes, axis_y, ticks }
}

/// The fields of a record's sequence number, as the details panel lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SequenceFields {
    /// Shard creation time, epoch seconds.
    pub shard_create_secs: u64,
    /// The stream-wide sequence counter (`seqIx`).
    pub seq_ix: u64,
    /// Record time, epoch seconds.
    pub seq_time_secs: u64,
    /// Shard index.
    pub shard_index: u32,
}

/// Decodes a 56-digit (version 2) sequence number; `None` for other versions.
pub fn sequence_fields(sequence_number: &str) -> Option<SequenceFields> {
    match parse_sequence(sequence_number).ok()? {
        ParsedSequence::V2 { seq, .. } => Some(SequenceFields {
            shard_create_secs: seq.shard_create_secs,
            seq_ix: seq.seq_ix,
            seq_time_secs: seq.seq_time_secs,
            shard_index: seq.shard_index,
        }),
        _ => None,
    }
}

/// How a record's data reads: pretty JSON, plain UTF-8 text, or bytes (hex, first 64).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataView {
    /// Parsed and re-indented JSON.
    Json(String),
    /// UTF-8 text.
    Text(String),
    /// Binary: the first bytes in hex, and the total length.
    Bytes(String, usize),
}

/// Decodes a record's data for display.
pub fn data_view(data: &[u8]) -> DataView {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
            if v.is_object() || v.is_array() {
                return DataView::Json(serde_json::to_string_pretty(&v).unwrap_or_else(|_| text.to_string()));
            }
        }
        return DataView::Text(text.to_string());
    }
    let hex: String = data.iter().take(64).map(|b| format!("{b:02x}")).collect();
    DataView::Bytes(hex, data.len())
}

/// The record a live region announces: the newest one, as `(short sequence, shard)`; the
/// short sequence is its last 6 digits.
pub fn announce_record(r: &RecentRecord) -> (String, String) {
    (sequence_tail(&r.sequence_number, 6).to_string(), r.shard.to_string())
}

/// A producer's key distribution as scenarios spell it, with its parameters
/// (`uniform (1000)`, `hot-keys (2/100: 80 %)`).
pub fn keys_label(k: &KeyDistribution) -> String {
    match k {
        KeyDistribution::Uniform { keys } => format!("uniform ({keys})"),
        KeyDistribution::Zipf { keys } => format!("zipf ({keys})"),
        KeyDistribution::HotKeys { keys, hot, hot_percent } => format!("hot-keys ({hot}/{keys}: {hot_percent} %)"),
        KeyDistribution::Single => "single".into(),
        KeyDistribution::ExplicitHashKeys { hash_keys } => format!("explicit-hash-keys ({})", hash_keys.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::route::UrlState;
    use crate::ui::sim::Sim;
    use crate::ui::snapshot::recent_records;

    fn sim(hash: &str) -> Sim {
        let (url, _) = UrlState::parse(hash, "");
        Sim::new(url.sim).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn lanes_gauges_and_cursors_of_a_live_stream() {
        let mut s = sim("#/flow?seed=3&scenario=hot-key");
        for _ in 0..5 {
            s.step_second();
        }
        let snap = FlowSnapshot::of(&s, 8_000, 40);
        let l = layout(&snap, WIDTH);
        assert_eq!(l.lanes.len(), 4);
        // Exactly the hot shard is throttled and its write gauge is full.
        let hot: Vec<&LaneGeom> = l.lanes.iter().filter(|x| x.throttled).collect();
        assert_eq!(hot.len(), 1, "{:?}", l.lanes.iter().map(|x| (&x.id, x.throttled)).collect::<Vec<_>>());
        assert!(hot[0].gauges[1].fraction >= 0.95, "{:?}", hot[0].gauges[1]);
        for lane in &l.lanes {
            assert!(lane.dots.len() <= 41);
            assert!(lane.dots.iter().all(|d| l.shift + d.x >= l.lane_x - 1e-6
                && l.shift + d.x <= l.lane_end + 1e-6
                && d.y >= lane.y
                && d.y <= lane.y + lane.h));
            assert!(lane.gauges.iter().all(|g| g.x > l.lane_end && g.x + g.w <= l.width));
            // Every consumer has a cursor in every lane it reads.
            assert_eq!(lane.cursors.len(), snap.consumers.len(), "{}", lane.id);
        }
        assert!(l.lanes.iter().any(|x| x.hidden > 0), "the hot lane has more records than dots: aggregated");
        assert!(l.lanes.windows(2).all(|w| w[0].y + w[0].h < w[1].y));
    }

    #[test]
    fn sixteen_shards_fit_in_both_widths() {
        let mut s = sim("#/flow?seed=1&shards=16&rate=10000");
        s.step_second();
        let snap = FlowSnapshot::of(&s, 8_000, 30);
        for width in [WIDTH, NARROW_WIDTH] {
            let l = layout(&snap, width);
            assert_eq!(l.lanes.len(), 16);
            assert!(l.lanes.iter().all(|x| x.dots.len() <= 31));
            assert!(l.lane_end - l.lane_x > 200.0, "{width}");
        }
    }

    #[test]
    fn record_details_decode() {
        let mut s = sim("#/flow?seed=7&shards=2&rate=10");
        s.step_second();
        let recent = recent_records(s.world(), 3);
        assert_eq!(recent.len(), 3);
        let r = &recent[0];
        let f = sequence_fields(&r.sequence_number).unwrap_or_else(|| panic!("{}", r.sequence_number));
        assert_eq!(f.shard_index, r.shard.0);
        assert_eq!(f.seq_time_secs, r.arrival_ms / 1000);
        let DataView::Json(json) = data_view(&r.data) else { panic!("activity events are JSON") };
        assert!(json.contains("\"action\""), "{json}");
        assert_eq!(RecentRecord::at(s.world(), r.shard, r.position).as_ref(), Some(r));
        assert_eq!(data_view(b"hi"), DataView::Text("hi".into()));
        assert_eq!(data_view(&[0xff, 0x00]), DataView::Bytes("ff00".into(), 2));
        assert_eq!(announce_record(r), (r.sequence_number[50..].to_string(), r.shard.to_string()));
    }

    #[test]
    fn keys_read_as_scenarios_spell_them() {
        assert_eq!(keys_label(&KeyDistribution::Uniform { keys: 1_000 }), "uniform (1000)");
        let hot = KeyDistribution::HotKeys { keys: 100, hot: 2, hot_percent: 80 };
        assert_eq!(keys_label(&hot), "hot-keys (2/100: 80 %)");
    }

    #[test]
    fn shapes_and_letters() {
        assert_eq!(consumer_letter(0), "A");
        assert_eq!(consumer_letter(25), "Z");
        assert_eq!(consumer_letter(26), "AA");
        assert_ne!(kind_shape(ConsumerKind::Polling), kind_shape(ConsumerKind::FanOut));
        assert_eq!(shape_path(Shape::Square, 10.0, 10.0, 2.0), "M8.0 8.0h4.0v4.0h-4.0z");
    }
}
