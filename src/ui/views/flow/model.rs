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
use crate::i18n::flow::Text as F;
use crate::i18n::{Lang, Phrase};
use crate::ui::format::{duration, grouped, hash_fraction_in, mib, sequence_tail, shard_short, DurationStyle};
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
    /// A record of yours (put in the console): drawn with a ring and labelled.
    pub yours: bool,
}

/// One gauge: a load against its limit. The bar's full width is [`GAUGE_SCALE`] times the
/// limit, so the limit is a line drawn across the bar at `limit_x` and a load above it (limits
/// switched off, or a burst) shows past the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Gauge {
    /// What it measures, in words (`escritura`, `write`, …), for the tooltip.
    pub label: &'static str,
    /// Load / limit (may exceed 1: limits off, or a burst).
    pub fraction: f64,
    /// The load with its limit and unit, written on the bar (`E 612 / 1000 reg/s`,
    /// `W 0.42 / 1 MiB/s`).
    pub text: String,
    /// x of the limit line.
    pub limit_x: f64,
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
    /// While that record is in the window: the cursor's x in the frame of the lane's dots (the
    /// group translated by [`Layout::shift`]), the record's own dot x. It stays the same while
    /// the cursor waits on the same record, so the drawing does not change every frame; `x` is
    /// `shift + moving`.
    pub moving: Option<f64>,
    /// The live client's reader (its `GetRecords` calls), not a simulated consumer.
    pub client: bool,
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

/// The gauge bar spans this many times the limit, so a load above the limit stays visible.
pub const GAUGE_SCALE: f64 = 1.25;
/// Height of one gauge bar, viewBox units: its text (CSS 13 units) fits inside.
pub const GAUGE_H: f64 = 16.0;
/// Gap between two gauge bars.
const GAUGE_GAP: f64 = 2.0;

/// What a gauge measures: the per-shard limits AWS enforces
/// (<https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GaugeKind {
    WriteBytes,
    WriteRecords,
    ReadBytes,
    ReadCalls,
}

/// `E 612 / 1000 reg/s`: the gauge's side letter, the load, the limit and the unit, in `lang`.
fn gauge_text(kind: GaugeKind, load: u64, limit: u64, lang: Lang) -> String {
    let (side, numbers, unit) = match kind {
        GaugeKind::WriteBytes => (F::WriteLetter, format!("{} / {}", mib(load, lang), limit / MIB), "MiB/s"),
        GaugeKind::ReadBytes => (F::ReadLetter, format!("{} / {}", mib(load, lang), limit / MIB), "MiB/s"),
        GaugeKind::WriteRecords => {
            (F::WriteLetter, format!("{} / {}", grouped(load, lang), grouped(limit, lang)), F::RecordsUnit.text(lang))
        }
        GaugeKind::ReadCalls => {
            (F::ReadLetter, format!("{} / {}", grouped(load, lang), grouped(limit, lang)), F::CallsUnit.text(lang))
        }
    };
    format!("{} {numbers} {unit}", side.text(lang))
}

/// Lays out a flow snapshot for a viewBox `width` wide, its text in `lang`.
pub fn layout(snap: &FlowSnapshot, width: f64, lang: Lang) -> Layout {
    let n = snap.shards.len();
    let h = lane_height(n).max(4.0 * GAUGE_H + 3.0 * GAUGE_GAP + 4.0);
    let lane_x = 34.0;
    let gauge_w = if width < WIDTH { 160.0 } else { 175.0 };
    let lane_end = width - gauge_w - 14.0;
    let lane_w = lane_end - lane_x;
    let window = snap.window_ms.max(1) as f64;
    let dot_r = (h / 12.0).clamp(2.0, 4.0);
    let x_of = |age: u64| lane_x + dot_r + (age.min(snap.window_ms) as f64 / window) * (lane_w - 2.0 * dot_r);
    // Where a record of this age sits in the dots' frame: fixed by its arrival, not its age.
    let arrival_x = |age: u64| -((snap.elapsed_ms.saturating_sub(age)) as f64 / window) * (lane_w - 2.0 * dot_r);
    let moving = |age: Option<u64>| age.filter(|a| *a <= snap.window_ms).map(arrival_x);
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
                        x: arrival_x(d.age_ms),
                        y: y + h - dot_r - within.clamp(0.0, 1.0) * (h - 2.0 * dot_r),
                        hue: (d.hash % 360) as u16,
                        shape: match (d.hash >> 64) % 3 {
                            0 => Shape::Circle,
                            1 => Shape::Square,
                            _ => Shape::Triangle,
                        },
                        yours: d.yours,
                    }
                })
                .collect();
            let r = fs.rates;
            let gx = lane_end + 8.0;
            let loads = [
                (GaugeKind::WriteBytes, F::GaugeWrite, r.write_bytes, WRITE_BYTES_PER_SEC),
                (GaugeKind::WriteRecords, F::GaugeWrite, r.write_records, WRITE_RECORDS_PER_SEC),
                (GaugeKind::ReadBytes, F::GaugeRead, r.read_bytes, READ_BYTES_PER_SEC),
                (GaugeKind::ReadCalls, F::GaugeRead, r.read_calls, READ_CALLS_PER_SEC),
            ];
            let gauges = loads
                .iter()
                .enumerate()
                .map(|(k, (kind, label, load, limit))| Gauge {
                    label: label.text(lang),
                    fraction: *load as f64 / (*limit).max(1) as f64,
                    text: gauge_text(*kind, *load, *limit, lang),
                    limit_x: gx + gauge_w / GAUGE_SCALE,
                    x: gx,
                    y: y + 2.0 + k as f64 * (GAUGE_H + GAUGE_GAP),
                    w: gauge_w,
                    h: GAUGE_H,
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
                        moving: moving(cur.age_ms),
                        client: false,
                    })
                })
                .chain(snap.readers.iter().filter(|r| r.shard == s.id).map(|r| CursorGeom {
                    letter: format!("GetRecords {}", shard_short(s.id)),
                    shape: Shape::Circle,
                    x: r.age_ms.map_or(lane_x, x_of),
                    beyond: r.age_ms.is_some_and(|a| a > snap.window_ms),
                    moving: moving(r.age_ms),
                    client: true,
                }))
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
        .map(|k| (lane_x + lane_w * k as f64 / 4.0, duration(snap.window_ms * k / 4, DurationStyle::Axis, lang)))
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

/// The option of the flow controls' key picker a distribution is (`uniform`, `zipf`, `hot`,
/// `single`; `None` for explicit hash keys, which the picker does not offer).
pub fn keys_slug(k: &KeyDistribution) -> Option<&'static str> {
    match k {
        KeyDistribution::Uniform { .. } => Some("uniform"),
        KeyDistribution::Zipf { .. } => Some("zipf"),
        KeyDistribution::HotKeys { .. } => Some("hot"),
        KeyDistribution::Single => Some("single"),
        KeyDistribution::ExplicitHashKeys { .. } => None,
    }
}

/// How often the screen-reader table of lane counts follows the clock while it plays, wall ms.
/// Its numbers change every frame at 1×, and rewriting a table no one can read at 60 Hz cost
/// about 0.3 ms of layout per frame (benches/README.md, "Flow's frame, seventh round").
pub const COUNTS_EVERY_MS: f64 = 1_000.0;

/// One row of the lane-counts table: the shard, its records in the window, the dots drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaneCount {
    /// The lane's shard.
    pub shard: ShardId,
    /// Records in the window.
    pub in_window: u64,
    /// Dots drawn for them.
    pub drawn: usize,
}

/// The lane-counts table as last shown, refreshed at most every [`COUNTS_EVERY_MS`] while the
/// clock plays; at once when it is paused (so the last frame before a pause, and every frame
/// after, shows the current counts) or when the lanes themselves change.
#[derive(Debug)]
pub struct CountsCache {
    wall_ms: f64,
    rows: std::rc::Rc<Vec<LaneCount>>,
}

impl Default for CountsCache {
    fn default() -> Self {
        Self { wall_ms: f64::NEG_INFINITY, rows: Default::default() }
    }
}

impl CountsCache {
    /// The rows to show at wall time `now_wall_ms`, given this frame's `rows`.
    pub fn get(&mut self, rows: Vec<LaneCount>, now_wall_ms: f64, paused: bool) -> std::rc::Rc<Vec<LaneCount>> {
        let same_lanes =
            rows.len() == self.rows.len() && rows.iter().zip(self.rows.iter()).all(|(a, b)| a.shard == b.shard);
        if paused || !same_lanes || now_wall_ms - self.wall_ms >= COUNTS_EVERY_MS {
            if *self.rows != rows {
                self.rows = std::rc::Rc::new(rows);
            }
            self.wall_ms = now_wall_ms;
        }
        self.rows.clone()
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

    /// The hot-key scenario (seed 3) after 5 simulated seconds: an 8 s window, 40 dots per lane.
    fn hot_key_after_5s() -> FlowSnapshot {
        let mut s = sim("#/flow?seed=3&scenario=hot-key");
        for _ in 0..5 {
            s.step_second();
        }
        FlowSnapshot::of(&s, 8_000, 40)
    }

    #[test]
    fn lanes_gauges_and_cursors_of_a_live_stream() {
        let snap = hot_key_after_5s();
        let l = layout(&snap, WIDTH, Lang::Es);
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
            // Readable: each bar holds its text, and the limit is a line inside the bar.
            assert!(lane.gauges.iter().all(|g| g.h >= GAUGE_H && g.limit_x > g.x && g.limit_x < g.x + g.w));
            assert!(lane.gauges.windows(2).all(|w| w[0].y + w[0].h < w[1].y));
            assert!(lane.gauges.iter().all(|g| g.y + g.h <= lane.y + lane.h), "{}", lane.id);
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
            let l = layout(&snap, width, Lang::En);
            assert_eq!(l.lanes.len(), 16);
            assert!(l.lanes.iter().all(|x| x.dots.len() <= 31));
            assert!(l.lane_end - l.lane_x > 200.0, "{width}");
        }
    }

    #[test]
    fn record_details_decode() {
        let mut s = sim("#/flow?seed=7&shards=2&rate=10");
        s.step_second();
        let recent = recent_records(s.world(), s.shown_stream(), 3);
        assert_eq!(recent.len(), 3);
        let r = &recent[0];
        let f = sequence_fields(&r.sequence_number).unwrap_or_else(|| panic!("{}", r.sequence_number));
        assert_eq!(f.shard_index, r.shard.0);
        assert_eq!(f.seq_time_secs, r.arrival_ms / 1000);
        let DataView::Json(json) = data_view(&r.data) else { panic!("activity events are JSON") };
        assert!(json.contains("\"action\""), "{json}");
        assert_eq!(RecentRecord::at(s.world(), s.shown_stream(), r.shard, r.position).as_ref(), Some(r));
        assert_eq!(data_view(b"hi"), DataView::Text("hi".into()));
        assert_eq!(data_view(&[0xff, 0x00]), DataView::Bytes("ff00".into(), 2));
        assert_eq!(announce_record(r), (r.sequence_number[50..].to_string(), r.shard.to_string()));
    }

    #[test]
    fn keys_pick_their_option() {
        assert_eq!(keys_slug(&KeyDistribution::Uniform { keys: 1_000 }), Some("uniform"));
        let hot = KeyDistribution::HotKeys { keys: 100, hot: 2, hot_percent: 80 };
        assert_eq!(keys_slug(&hot), Some("hot"));
        assert_eq!(keys_slug(&KeyDistribution::ExplicitHashKeys { hash_keys: vec![] }), None);
    }

    #[test]
    fn a_waiting_cursor_keeps_its_place_among_the_dots() {
        let snap = hot_key_after_5s();
        // Half a second later with nothing read: every cursor's record is 500 ms older.
        let mut later = snap.clone();
        later.elapsed_ms += 500;
        for c in later.consumers.iter_mut().flat_map(|c| c.cursors.iter_mut()) {
            c.age_ms = c.age_ms.map(|a| a + 500);
        }
        let (a, b) = (layout(&snap, WIDTH, Lang::Es), layout(&later, WIDTH, Lang::Es));
        let mut waiting = 0;
        for (la, lb) in a.lanes.iter().zip(&b.lanes) {
            for (ca, cb) in la.cursors.iter().zip(&lb.cursors) {
                // Drawn where the lane frame puts it, on its record's dot.
                for (l, c) in [(&a, ca), (&b, cb)] {
                    if let Some(m) = c.moving {
                        assert!((l.shift + m - c.x).abs() < 1e-6, "{} {c:?}", la.id);
                    }
                }
                if let (Some(ma), Some(mb)) = (ca.moving, cb.moving) {
                    waiting += 1;
                    assert_eq!(ma.to_bits(), mb.to_bits(), "{}: the same record, the same place", la.id);
                    assert!(cb.x > ca.x, "{}: the lane frame moved it right", la.id);
                }
            }
        }
        assert!(waiting > 0, "some cursor waits on a record in the window");
        // A caught-up cursor (no record to read) stays at the lane's start, outside the dots.
        let mut caught_up = snap.clone();
        for c in caught_up.consumers.iter_mut().flat_map(|c| c.cursors.iter_mut()) {
            c.age_ms = None;
        }
        let l = layout(&caught_up, WIDTH, Lang::Es);
        assert!(l.lanes.iter().flat_map(|x| &x.cursors).all(|c| c.moving.is_none() && c.x == l.lane_x));
    }

    #[test]
    fn gauges_write_the_load_and_the_limit_in_each_language() {
        let text = |kind, load, limit, lang| gauge_text(kind, load, limit, lang);
        assert_eq!(text(GaugeKind::WriteRecords, 612, 1_000, Lang::Es), "E 612 / 1000 reg/s");
        assert_eq!(text(GaugeKind::WriteRecords, 1_612, 1_000, Lang::En), "W 1,612 / 1,000 rec/s");
        assert_eq!(text(GaugeKind::WriteBytes, 440_402, MIB, Lang::Es), "E 0,42 / 1 MiB/s");
        assert_eq!(text(GaugeKind::ReadBytes, 440_402, 2 * MIB, Lang::En), "R 0.42 / 2 MiB/s");
        assert_eq!(text(GaugeKind::ReadCalls, 3, 5, Lang::Es), "L 3 / 5 llamadas/s");
    }

    #[test]
    fn shapes_and_letters() {
        assert_eq!(consumer_letter(0), "A");
        assert_eq!(consumer_letter(25), "Z");
        assert_eq!(consumer_letter(26), "AA");
        assert_ne!(kind_shape(ConsumerKind::Polling), kind_shape(ConsumerKind::FanOut));
        assert_eq!(shape_path(Shape::Square, 10.0, 10.0, 2.0), "M8.0 8.0h4.0v4.0h-4.0z");
    }

    #[test]
    fn lane_counts_follow_the_clock_once_a_second_while_playing_and_at_once_when_paused() {
        let row =
            |shard: u32, in_window: u64| LaneCount { shard: ShardId(shard), in_window, drawn: in_window as usize / 10 };
        let mut cache = CountsCache::default();
        // The first frame is shown.
        assert_eq!(*cache.get(vec![row(0, 100), row(1, 50)], 0.0, false), vec![row(0, 100), row(1, 50)]);
        // Playing: later frames within the second keep the rows shown.
        assert_eq!(*cache.get(vec![row(0, 120), row(1, 60)], 400.0, false), vec![row(0, 100), row(1, 50)]);
        assert_eq!(*cache.get(vec![row(0, 130), row(1, 70)], 999.0, false), vec![row(0, 100), row(1, 50)]);
        // A second after the last refresh, the current rows.
        assert_eq!(*cache.get(vec![row(0, 140), row(1, 80)], 1_000.0, false), vec![row(0, 140), row(1, 80)]);
        // Paused: the current rows at once, whatever the wall time.
        assert_eq!(*cache.get(vec![row(0, 150), row(1, 90)], 1_001.0, true), vec![row(0, 150), row(1, 90)]);
        // A lane added (a split) or taken away: at once, even while playing.
        let split = vec![row(0, 150), row(1, 90), row(2, 0)];
        assert_eq!(*cache.get(split.clone(), 1_002.0, false), split);
        assert_eq!(*cache.get(vec![row(0, 150), row(2, 0)], 1_003.0, false), vec![row(0, 150), row(2, 0)]);
        // Unchanged rows keep the same Rc (the table's props compare equal without a rebuild).
        let a = cache.get(vec![row(0, 150), row(2, 0)], 1_004.0, true);
        let b = cache.get(vec![row(0, 150), row(2, 0)], 1_005.0, true);
        assert!(std::rc::Rc::ptr_eq(&a, &b));
    }
}
