//! The hashing view's geometry (pure, tested natively): the drawing of the 128-bit hash space
//! in the fixed logical units of its `<svg viewBox>` (CSS sizes it), its density strip of recent
//! keys, and the per-shard histogram of recent records.
//!
//! ```text
//!  y: TOP ─ density strip: recent keys per bin of 0…2^128−1 (a hot key is one spike)
//!     ─ marker ▼ (the typed key) ─ bar: one segment per open shard, "#n" and its shardId
//!     ─ StartingHashKey labels under the segment edges
//!  x: MARGIN ── hash key 0 ─────────────── 2^128 − 1 ── width − MARGIN
//! ```
//!
//! Hash keys are `u128`; floats appear only here, in geometry.

use super::snapshot::{owner, OpenRange};
use crate::engine::state::shard::ShardId;
use crate::ui::format::{hash_fraction, hash_key_short, shard_number, shard_short};

/// viewBox width on wide screens.
pub const WIDTH: f64 = 800.0;
/// viewBox width on phones (the same drawing with fewer labels, so text stays legible).
pub const NARROW_WIDTH: f64 = 420.0;
/// Left and right margin of the bar.
pub const MARGIN: f64 = 12.0;
/// Top of the density strip (its label sits above it).
pub const TOP: f64 = 18.0;
/// Height of the density strip (its tallest bin).
pub const DENSITY_H: f64 = 56.0;
/// Room between the density strip and the bar, for the marker's triangle.
pub const MARKER_ROOM: f64 = 20.0;
/// Height of the bar.
pub const BAR_H: f64 = 52.0;
/// Room under the bar for the StartingHashKey labels.
pub const LABELS_H: f64 = 26.0;
/// Colours the segments cycle through (CSS classes `c0` … `c7`); neighbours always differ.
pub const PALETTE: usize = 8;
/// Steps of the hash space that a click or drag on the bar snaps to (2^10: a step is 2^118, so
/// halves and quarters are AWS's exact uniform boundaries).
pub const DRAG_STEPS: u32 = 1024;

/// Width of one character of the segment number (`#12`), in viewBox units (16 px bold).
const NUMBER_CHAR_W: f64 = 10.0;
/// Width of one character of a shard id or hash-key label (12 px), in viewBox units.
const SMALL_CHAR_W: f64 = 6.8;

/// A text anchor of an SVG label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

impl Anchor {
    /// The `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One bin of the density strip.
#[derive(Clone, Debug, PartialEq)]
pub struct Bin {
    /// Left edge.
    pub x: f64,
    /// Width.
    pub w: f64,
    /// Height (the fullest bin is [`DENSITY_H`]).
    pub h: f64,
    /// Recent keys in the bin.
    pub count: usize,
}

/// One open shard's segment of the bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The shard (its id is the stable key for the DOM).
    pub id: ShardId,
    /// Left edge.
    pub x: f64,
    /// Width (at least 1 unit, so a tiny range stays visible).
    pub w: f64,
    /// Colour class index, `0..PALETTE`.
    pub colour: usize,
    /// The number drawn in the segment (`#1`, or `1` when narrow, or empty when it does not fit:
    /// the legend under the bar still names it).
    pub label: String,
    /// The shard id, drawn under the number when it fits.
    pub show_id: bool,
    /// The typed key (or ExplicitHashKey) lands here.
    pub hit: bool,
}

/// A StartingHashKey label under the bar.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeLabel {
    /// x of the anchor.
    pub x: f64,
    /// How the text hangs from x.
    pub anchor: Anchor,
    /// The abbreviated hash key.
    pub text: String,
    /// The whole hash key (tooltip).
    pub full: String,
}

/// The whole drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Left edge of the bar (hash key 0).
    pub bar_x: f64,
    /// Width of the bar (the whole hash space).
    pub bar_w: f64,
    /// Top of the bar.
    pub bar_y: f64,
    /// Top of the density strip.
    pub density_y: f64,
    /// Density bins, left to right (empty ones included).
    pub bins: Vec<Bin>,
    /// Segments, in hash order.
    pub segments: Vec<Segment>,
    /// x of the typed key's marker.
    pub marker: Option<f64>,
    /// Where the marker's caption goes: beside the marker, on the side with room.
    pub marker_label: Option<(f64, Anchor)>,
    /// x of the proposed split.
    pub split: Option<f64>,
    /// StartingHashKey labels that fit, and the last EndingHashKey.
    pub edge_labels: Vec<EdgeLabel>,
}

/// A record of yours (put in the console) marked on the bar, at its hash key.
#[derive(Clone, Debug, PartialEq)]
pub struct YoursMark {
    /// x of its hash key.
    pub x: f64,
    /// Where its caption goes: beside the mark, on the side with room.
    pub label: (f64, Anchor),
}

impl Layout {
    /// The marks of records of yours with hash keys `hashes`, one per distinct x (records with
    /// one key share a mark).
    pub fn yours_marks(&self, hashes: &[u128]) -> Vec<YoursMark> {
        let mut out: Vec<YoursMark> = Vec::new();
        for &h in hashes {
            let x = self.x_of(h);
            if out.iter().any(|m| (m.x - x).abs() < 0.5) {
                continue;
            }
            out.push(YoursMark { x, label: caption_beside(self.bar_x, self.bar_w, x) });
        }
        out
    }

    /// x of hash key `h`.
    pub fn x_of(&self, h: u128) -> f64 {
        self.bar_x + hash_fraction(h) * self.bar_w
    }

    /// The hash key under x, snapped to a multiple of 2^118 ([`DRAG_STEPS`] steps; the right
    /// edge is 2^128 − 1).
    pub fn hash_at(&self, x: f64) -> u128 {
        let f = if self.bar_w > 0.0 { ((x - self.bar_x) / self.bar_w).clamp(0.0, 1.0) } else { 0.0 };
        let step = (f * f64::from(DRAG_STEPS)).round() as u128;
        if step >= u128::from(DRAG_STEPS) {
            u128::MAX
        } else {
            step << (128 - DRAG_STEPS.trailing_zeros())
        }
    }
}

/// Where the caption of a mark at `x` goes on a bar from `bar_x`, `bar_w` wide: right of it,
/// or left of it in the right part of the bar, so it stays on the bar.
fn caption_beside(bar_x: f64, bar_w: f64, x: f64) -> (f64, Anchor) {
    if x > bar_x + bar_w * 0.6 {
        (x - 6.0, Anchor::End)
    } else {
        (x + 6.0, Anchor::Start)
    }
}

/// The colour class of each open range: its shard number modulo [`PALETTE`], so a shard keeps
/// its colour through reshards, moved on by one where it would equal its left neighbour's.
pub fn colours(ranges: &[OpenRange]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(ranges.len());
    for r in ranges {
        let natural = r.id.0 as usize % PALETTE;
        out.push(if out.last() == Some(&natural) { (natural + 1) % PALETTE } else { natural });
    }
    out
}

/// Lays out the bar for a viewBox `width` units wide ([`WIDTH`] or [`NARROW_WIDTH`]):
/// `ranges` in hash order, `recent` hash keys for the density strip, the typed key's hash and a
/// proposed split key.
pub fn layout(ranges: &[OpenRange], recent: &[u128], marker: Option<u128>, split: Option<u128>, width: f64) -> Layout {
    let narrow = width < WIDTH;
    let bar_x = MARGIN;
    let bar_w = width - 2.0 * MARGIN;
    let density_y = TOP;
    let bar_y = TOP + DENSITY_H + MARKER_ROOM;
    let x_of = |h: u128| bar_x + hash_fraction(h) * bar_w;

    // Density: 2^k bins, so a key's bin is its top k bits.
    let bits: u32 = if narrow { 5 } else { 6 };
    let n_bins = 1usize << bits;
    let mut counts = vec![0usize; n_bins];
    for h in recent {
        if let Some(c) = counts.get_mut((h >> (128 - bits)) as usize) {
            *c += 1;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bin_w = bar_w / n_bins as f64;
    let bins = counts
        .iter()
        .enumerate()
        .map(|(i, &count)| Bin {
            x: bar_x + i as f64 * bin_w,
            w: bin_w,
            h: count as f64 / max as f64 * DENSITY_H,
            count,
        })
        .collect();

    let hit = marker.and_then(|h| owner(ranges, h));
    let colours = colours(ranges);
    let last = ranges.len().saturating_sub(1);
    let segments = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let x = x_of(r.start);
            let right = if i == last { bar_x + bar_w } else { x_of(r.end.saturating_add(1)) };
            let w = (right - x).max(1.0);
            let (short, number) = (shard_short(r.id), shard_number(r.id));
            let room = w - 6.0;
            let label = if short.len() as f64 * NUMBER_CHAR_W <= room {
                short
            } else if number.len() as f64 * NUMBER_CHAR_W <= room {
                number
            } else {
                String::new()
            };
            let colour = colours.get(i).copied().unwrap_or(0);
            let show_id = r.id.to_string().len() as f64 * SMALL_CHAR_W <= room;
            Segment { id: r.id, x, w, colour, label, show_id, hit: hit == Some(i) }
        })
        .collect();

    // Labels under the bar: the last EndingHashKey at the right edge, then StartingHashKeys
    // left to right wherever they fit between their neighbours.
    let mut edge_labels = Vec::new();
    let right_edge = bar_x + bar_w;
    let mut right_limit = right_edge;
    if let Some(r) = ranges.last() {
        let text = hash_key_short(r.end);
        right_limit = right_edge - text.chars().count() as f64 * SMALL_CHAR_W - 8.0;
        edge_labels.push(EdgeLabel { x: right_edge, anchor: Anchor::End, text, full: r.end.to_string() });
    }
    let mut left_limit = f64::NEG_INFINITY;
    for (i, r) in ranges.iter().enumerate() {
        let text = hash_key_short(r.start);
        let w = text.chars().count() as f64 * SMALL_CHAR_W;
        let x = x_of(r.start);
        let (anchor, lo, hi) =
            if i == 0 { (Anchor::Start, x, x + w) } else { (Anchor::Middle, x - w / 2.0, x + w / 2.0) };
        if lo >= left_limit && hi <= right_limit {
            edge_labels.push(EdgeLabel { x, anchor, text, full: r.start.to_string() });
            left_limit = hi + 8.0;
        }
    }

    Layout {
        width,
        height: bar_y + BAR_H + LABELS_H,
        bar_x,
        bar_w,
        bar_y,
        density_y,
        bins,
        segments,
        marker: marker.map(x_of),
        marker_label: marker.map(x_of).map(|x| caption_beside(bar_x, bar_w, x)),
        split: split.map(x_of),
        edge_labels,
    }
}

/// One row of the per-shard histogram.
#[derive(Clone, Debug, PartialEq)]
pub struct HistRow {
    /// The shard.
    pub id: ShardId,
    /// Open shard (closed ones still hold records written before a reshard).
    pub open: bool,
    /// Colour class index of its segment (open shards only).
    pub colour: Option<usize>,
    /// Records that landed in it.
    pub count: usize,
    /// Share of all the records, in whole percent.
    pub percent: u32,
    /// Bar length, 0…1 (the fullest shard is 1).
    pub fill: f64,
    /// Hot: at least twice a fair share of at least 20 records across 2 or more open shards.
    pub hot: bool,
}

/// Counts recent records per shard: open shards in hash order, then closed shards that still
/// hold some of them. `record_shards` is each record's shard id.
pub fn histogram(ranges: &[OpenRange], record_shards: impl IntoIterator<Item = ShardId>) -> Vec<HistRow> {
    let mut rows: Vec<(ShardId, bool, Option<usize>, usize)> =
        ranges.iter().zip(colours(ranges)).map(|(r, c)| (r.id, true, Some(c), 0)).collect();
    let mut total = 0usize;
    for id in record_shards {
        total += 1;
        match rows.iter_mut().find(|r| r.0 == id) {
            Some(r) => r.3 += 1,
            None => rows.push((id, false, None, 1)),
        }
    }
    // Closed shards after the open ones, by id.
    let open = ranges.len().min(rows.len());
    if let Some(closed) = rows.get_mut(open..) {
        closed.sort();
    }
    let max = rows.iter().map(|r| r.3).max().unwrap_or(0).max(1);
    let n_open = ranges.len();
    rows.into_iter()
        .map(|(id, open, colour, count)| HistRow {
            id,
            open,
            colour,
            count,
            percent: (count * 100 + total / 2).checked_div(total).unwrap_or(0) as u32,
            fill: count as f64 / max as f64,
            hot: open && n_open >= 2 && total >= 20 && count * n_open >= 2 * total,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::snapshot::fixtures::{uniform, TABLE};
    use super::*;
    use crate::engine::state::hashing::partition_key_hash;

    #[test]
    fn segments_tile_the_bar_in_hash_order_and_are_labelled() {
        for (n, width) in [(1, WIDTH), (3, WIDTH), (3, NARROW_WIDTH), (4, WIDTH), (64, WIDTH), (64, NARROW_WIDTH)] {
            let ranges = uniform(n);
            let l = layout(&ranges, &[], None, None, width);
            assert_eq!(l.segments.len(), n as usize);
            let first = &l.segments[0];
            assert!((first.x - l.bar_x).abs() < 1e-9);
            let last = &l.segments[n as usize - 1];
            assert!((last.x + last.w - (l.bar_x + l.bar_w)).abs() < 1e-6, "{n} {width}");
            for w in l.segments.windows(2) {
                assert!((w[0].x + w[0].w - w[1].x).abs() < 1e-6, "no gap, no overlap");
                assert_ne!(w[0].colour, w[1].colour, "neighbours differ in colour");
            }
            assert!(l.bar_x + l.bar_w <= width && l.height > l.bar_y + BAR_H);
        }
        // Three uniform shards: thirds of the bar, "#n" and the id fit on a wide screen.
        let l = layout(&uniform(3), &[], None, None, WIDTH);
        let third = l.bar_w / 3.0;
        for (i, s) in l.segments.iter().enumerate() {
            assert!((s.w - third).abs() < 1e-6);
            assert_eq!(s.label, format!("#{i}"));
            assert!(s.show_id);
        }
        // The narrow drawing keeps the numbers; 64 shards on a phone drop what does not fit.
        let l = layout(&uniform(3), &[], None, None, NARROW_WIDTH);
        assert!(l.segments.iter().all(|s| s.label.starts_with('#')));
        let l = layout(&uniform(64), &[], None, None, NARROW_WIDTH);
        assert!(l.segments.iter().all(|s| s.label.is_empty() && !s.show_id));
        // Edge labels never overlap and always include 0 and the last EndingHashKey.
        for n in [1, 2, 3, 8, 64] {
            for width in [WIDTH, NARROW_WIDTH] {
                let l = layout(&uniform(n), &[], None, None, width);
                let texts: Vec<&str> = l.edge_labels.iter().map(|e| e.text.as_str()).collect();
                assert!(texts.contains(&"0") && texts.contains(&"340282…1455"), "{texts:?}");
                let mut spans: Vec<(f64, f64)> = l
                    .edge_labels
                    .iter()
                    .map(|e| {
                        let w = e.text.chars().count() as f64 * SMALL_CHAR_W;
                        match e.anchor {
                            Anchor::Start => (e.x, e.x + w),
                            Anchor::Middle => (e.x - w / 2.0, e.x + w / 2.0),
                            Anchor::End => (e.x - w, e.x),
                        }
                    })
                    .collect();
                spans.sort_by(|a, b| a.0.total_cmp(&b.0));
                assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "{n} {width}: {spans:?}");
                assert!(spans.iter().all(|s| s.0 >= 0.0 && s.1 <= width));
            }
        }
    }

    #[test]
    fn the_marker_sits_where_the_key_hashes_inside_its_shard() {
        let ranges = uniform(3);
        let hello = partition_key_hash("hello");
        let l = layout(&ranges, &[], Some(hello), None, WIDTH);
        let x = l.marker.unwrap_or_default();
        let expected = l.bar_x + 0.364_276_9 * l.bar_w;
        assert!((x - expected).abs() < 0.01, "{x} vs {expected}");
        let hit: Vec<usize> = l.segments.iter().enumerate().filter(|(_, s)| s.hit).map(|(i, _)| i).collect();
        assert_eq!(hit, vec![1]);
        assert_eq!(l.marker_label, Some((x + 6.0, Anchor::Start)), "caption on the roomier side");
        let l = layout(&ranges, &[], Some(partition_key_hash("e")), None, WIDTH);
        assert_eq!(l.marker_label.map(|m| m.1), Some(Anchor::End));
        let seg = &l.segments[1];
        assert!(seg.x < x && x < seg.x + seg.w);
        // Key 0 at the left edge, 2^128 − 1 at the right edge, on both widths.
        for width in [WIDTH, NARROW_WIDTH] {
            let l = layout(&ranges, &[], Some(0), Some(u128::MAX), width);
            assert_eq!(l.marker, Some(l.bar_x));
            assert!((l.split.unwrap_or_default() - (l.bar_x + l.bar_w)).abs() < 1e-9);
        }
        // Every B2 key's marker lies in the segment of its shard.
        for (key, _, _, of3, _) in TABLE {
            let l = layout(&ranges, &[], Some(partition_key_hash(key)), None, NARROW_WIDTH);
            let x = l.marker.unwrap_or_default();
            let s = &l.segments[of3];
            assert!(s.hit && s.x <= x && x <= s.x + s.w, "{key}");
        }
    }

    #[test]
    fn records_of_yours_are_marked_where_their_keys_hash() {
        let l = layout(&uniform(3), &[], None, None, WIDTH);
        let (a, e) = (partition_key_hash("a"), partition_key_hash("e"));
        let marks = l.yours_marks(&[a, e, a]);
        assert_eq!(marks.len(), 2, "one mark per key");
        assert!((marks[0].x - l.x_of(a)).abs() < 1e-9);
        assert_eq!(marks[0].label, (marks[0].x + 6.0, Anchor::Start));
        assert_eq!(marks[1].label, (marks[1].x - 6.0, Anchor::End), "right part: caption on the left");
        assert!(marks.iter().all(|m| m.x >= l.bar_x && m.x <= l.bar_x + l.bar_w));
        assert_eq!(l.yours_marks(&[]), vec![]);
    }

    #[test]
    fn clicks_snap_to_round_hash_keys() {
        let l = layout(&uniform(2), &[], None, None, WIDTH);
        assert_eq!(l.hash_at(l.bar_x), 0);
        assert_eq!(l.hash_at(l.bar_x - 50.0), 0);
        assert_eq!(l.hash_at(l.bar_x + l.bar_w / 2.0), 1u128 << 127, "the half is AWS's 2-shard boundary");
        assert_eq!(l.hash_at(l.bar_x + l.bar_w / 4.0), 1u128 << 126);
        assert_eq!(l.hash_at(l.bar_x + l.bar_w), u128::MAX);
        assert_eq!(l.hash_at(f64::NAN), 0);
        for x in [0.0, 100.0, 333.3, 799.0] {
            assert!((l.x_of(l.hash_at(x)) - x.clamp(l.bar_x, l.bar_x + l.bar_w)).abs() <= l.bar_w / 2048.0 + 1e-9);
        }
    }

    #[test]
    fn a_hot_key_is_one_spike_and_one_hot_shard() {
        let ranges = uniform(4);
        let hot = partition_key_hash("user-1");
        let mut hashes = vec![hot; 90];
        hashes.extend((0..10).map(|i| partition_key_hash(&format!("k{i}"))));
        let l = layout(&ranges, &hashes, None, None, WIDTH);
        assert_eq!(l.bins.len(), 64);
        assert_eq!(l.bins.iter().map(|b| b.count).sum::<usize>(), 100);
        let top = l.bins.iter().max_by_key(|b| b.count).map(|b| (b.count, b.h));
        assert_eq!(top.map(|t| t.1), Some(DENSITY_H));
        assert!(top.is_some_and(|t| t.0 >= 90));
        assert_eq!(layout(&ranges, &hashes, None, None, NARROW_WIDTH).bins.len(), 32);

        let mut ids: Vec<ShardId> = hashes.iter().filter_map(|h| owner(&ranges, *h).map(|i| ranges[i].id)).collect();
        ids.push(ShardId(9)); // a closed parent still holding a record
        let rows = histogram(&ranges, ids);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows.iter().map(|r| r.count).sum::<usize>(), 101);
        let hot_rows: Vec<&HistRow> = rows.iter().filter(|r| r.hot).collect();
        assert_eq!(hot_rows.len(), 1);
        assert_eq!(Some(hot_rows[0].id), owner(&ranges, hot).map(|i| ranges[i].id));
        assert!(hot_rows[0].percent >= 89 && (hot_rows[0].fill - 1.0).abs() < 1e-9);
        let closed = &rows[4];
        assert_eq!((closed.id, closed.open, closed.colour, closed.count), (ShardId(9), false, None, 1));
        // Uniform keys: no shard is hot.
        let spread: Vec<ShardId> = (0..400)
            .filter_map(|i| owner(&ranges, partition_key_hash(&format!("u{i}"))).map(|i| ranges[i].id))
            .collect();
        assert!(histogram(&ranges, spread).iter().all(|r| !r.hot));
        assert!(histogram(&ranges, []).iter().all(|r| r.count == 0 && r.percent == 0 && !r.hot));
    }

    #[test]
    fn a_shard_keeps_its_colour_through_a_split() {
        let before = uniform(3);
        let mid = before[0].range().midpoint();
        let after = vec![
            OpenRange { id: ShardId(3), start: 0, end: mid - 1 },
            OpenRange { id: ShardId(4), start: mid, end: before[0].end },
            before[1].clone(),
            before[2].clone(),
        ];
        assert_eq!(colours(&before), vec![0, 1, 2]);
        assert_eq!(colours(&after), vec![3, 4, 1, 2]);
        // Shards 0 and 8 share a natural colour: the right one moves on.
        let clash = vec![
            OpenRange { id: ShardId(0), start: 0, end: 9 },
            OpenRange { id: ShardId(8), start: 10, end: u128::MAX },
        ];
        assert_eq!(colours(&clash), vec![0, 1]);
    }
}
