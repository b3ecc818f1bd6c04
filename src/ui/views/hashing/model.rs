//! The hashing view's model: the steps from a partition key to its shard, the drawing of the
//! 128-bit hash space in the fixed logical units of its `<svg viewBox>` (CSS sizes it), the
//! per-shard histogram of recent records, the SplitShard rule, and which keys a reshard moved.
//!
//! ```text
//!  y: TOP ─ density strip: recent keys per bin of 0…2^128−1 (a hot key is one spike)
//!     ─ marker ▼ (the typed key) ─ bar: one segment per open shard, "#n" and its shardId
//!     ─ StartingHashKey labels under the segment edges
//!  x: MARGIN ── hash key 0 ─────────────── 2^128 − 1 ── width − MARGIN
//! ```
//!
//! Pure: no Yew, unit-tested natively (STYLE rule 10). Hash keys are `u128`; floats appear only
//! in geometry. AWS's wording of errors comes from the engine (a scratch [`Engine`]), never from
//! here.

use crate::engine::state::hashing::{md5_digest, partition_key_hash, HashKeyRange};
use crate::engine::{Engine, EngineConfig};
use crate::i18n::hashing::HashingText;
use crate::ui::sim::Sim;
use crate::ui::views::overview::model::abbreviate;
use std::collections::BTreeSet;

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
/// The operations this view sends, whose answers it shows.
pub const OPERATIONS: [&str; 3] = ["SplitShard", "MergeShards", "UpdateShardCount"];

/// Width of one character of the segment number (`#12`), in viewBox units (16 px bold).
const NUMBER_CHAR_W: f64 = 10.0;
/// Width of one character of a shard id or hash-key label (12 px), in viewBox units.
const SMALL_CHAR_W: f64 = 6.8;

/// One open shard: its id and the slice of the hash space it owns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenRange {
    /// `shardId-000000000001`.
    pub id: String,
    /// StartingHashKey (inclusive).
    pub start: u128,
    /// EndingHashKey (inclusive).
    pub end: u128,
}

impl OpenRange {
    /// The shard number (`1` for `shardId-000000000001`).
    pub fn number(&self) -> String {
        shard_number(&self.id)
    }

    /// The engine's range type.
    pub fn range(&self) -> HashKeyRange {
        HashKeyRange { starting_hash_key: self.start, ending_hash_key: self.end }
    }
}

/// What the view needs from the running stream.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamView {
    /// `ACTIVE`, `UPDATING`…
    pub status: String,
    /// Open shards, in hash order (they tile 0…2^128−1).
    pub ranges: Vec<OpenRange>,
    /// How long a reshard step keeps the stream `UPDATING`, simulated ms.
    pub update_delay_ms: u64,
    /// Writes refused by the per-shard limits so far, per listed shard (open or closed).
    pub throttled: Vec<(String, u64)>,
}

/// Reads the open shards and the status of the simulation's stream.
pub fn stream_view(sim: &Sim) -> StreamView {
    let world = sim.world();
    let engine = world.engine();
    let update_delay_ms = engine.config().update_delay_ms;
    let Some(s) = engine.stream(world.stream_name()) else {
        return StreamView { update_delay_ms, ..StreamView::default() };
    };
    let ranges = s
        .open_shards()
        .map(|sh| OpenRange {
            id: sh.id.to_string(),
            start: sh.hash_key_range.starting_hash_key,
            end: sh.hash_key_range.ending_hash_key,
        })
        .collect();
    let throttled = s.listed_shards().map(|sh| (sh.id.to_string(), sh.counters.write_throttled)).collect();
    StreamView { status: s.status.as_str().to_string(), ranges, update_delay_ms, throttled }
}

/// One recently accepted record, as this view needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRecord {
    /// Its shard (`shardId-…`).
    pub shard: String,
    /// Its position in the shard (0, 1, 2… in acceptance order).
    pub position: u64,
    /// PartitionKey.
    pub partition_key: String,
    /// The 128-bit hash key it was routed by.
    pub hash: u128,
    /// Routed by an ExplicitHashKey rather than the MD5 of its key.
    pub explicit: bool,
}

/// The `n` most recently accepted records of the stream, newest first, in the order of
/// [`Sim::recent_records`] (arrival, then shard id, then position). It merges the shards
/// newest-first on arrival time and rebuilds only the `n` records it returns, so a frame costs
/// `n` MD5s however many shards the stream has.
pub fn recent_keys(sim: &Sim, n: usize) -> Vec<KeyRecord> {
    let world = sim.world();
    let engine = world.engine();
    let Some(s) = engine.stream(world.stream_name()) else {
        return Vec::new();
    };
    sim.newest(n)
        .into_iter()
        .filter_map(|(slot, i)| {
            let sh = s.shards.get(slot)?;
            let body = sh.records.get(i)?.materialize(engine.record_sources());
            Some(KeyRecord {
                shard: sh.id.to_string(),
                position: sh.records.first_index() + i as u64,
                hash: body.explicit_hash_key.unwrap_or_else(|| partition_key_hash(&body.partition_key)),
                explicit: body.explicit_hash_key.is_some(),
                partition_key: body.partition_key,
            })
        })
        .collect()
}

/// The shard number of a shard id (`shardId-000000000012` → `12`).
pub fn shard_number(id: &str) -> String {
    let digits = id.trim_start_matches("shardId-").trim_start_matches('0');
    if digits.is_empty() {
        "0".into()
    } else {
        digits.into()
    }
}

/// The open range that owns hash key `h` (index into `ranges`, which are in hash order).
pub fn owner(ranges: &[OpenRange], h: u128) -> Option<usize> {
    let i = ranges.partition_point(|r| r.start <= h).checked_sub(1)?;
    ranges.get(i).filter(|r| h <= r.end).map(|_| i)
}

/// Where `h` lies in the hash space, 0 (key 0) to 1 (key 2^128 − 1).
pub fn fraction(h: u128) -> f64 {
    h as f64 / 2f64.powi(128)
}

/// The steps from a partition key to its hash key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeySteps {
    /// Each character with its UTF-8 bytes in hex (`ñ` → `c3 b1`).
    pub chars: Vec<(char, String)>,
    /// Number of UTF-8 bytes.
    pub byte_len: usize,
    /// MD5 of the bytes, 32 lowercase hex digits.
    pub md5_hex: String,
    /// The digest read as an unsigned big-endian 128-bit integer: the hash key.
    pub hash: u128,
}

/// The steps of `partition_key`, as the engine routes it (KINESIS.md B2).
pub fn key_steps(partition_key: &str) -> KeySteps {
    let chars = partition_key
        .chars()
        .map(|c| {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            (c, bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" "))
        })
        .collect();
    let md5_hex = md5_digest(partition_key).iter().map(|b| format!("{b:02x}")).collect();
    KeySteps { chars, byte_len: partition_key.len(), md5_hex, hash: partition_key_hash(partition_key) }
}

/// An ExplicitHashKey field, as PutRecord judges it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExplicitKey {
    /// The field is empty: the MD5 of the partition key routes the record.
    Empty,
    /// A valid key: it overrides the MD5.
    Valid(u128),
    /// PutRecord would refuse it with this AWS error.
    Refused {
        /// AWS `__type` (`ValidationException`, `InvalidArgumentException`).
        error: String,
        /// AWS's message, word for word.
        message: String,
    },
}

/// Judges an ExplicitHashKey exactly as PutRecord does: it puts one record with it on a scratch
/// engine (never the running simulation) and reports AWS's own error when refused. The text is
/// sent as typed, so `" 12"` fails the pattern as it would on AWS.
pub fn check_explicit_hash_key(text: &str) -> ExplicitKey {
    if text.is_empty() {
        return ExplicitKey::Empty;
    }
    let config = EngineConfig { event_capacity: 16, limits_enabled: false, ..EngineConfig::default() };
    let mut engine = Engine::new(config);
    let created = engine.call("CreateStream", &serde_json::json!({"StreamName": "scratch", "ShardCount": 1}));
    let delay = engine.config().create_delay_ms;
    engine.advance_by(delay);
    let put = created.and_then(|_| {
        engine.call(
            "PutRecord",
            &serde_json::json!({"StreamName": "scratch", "PartitionKey": "k", "Data": "", "ExplicitHashKey": text}),
        )
    });
    match put {
        Ok(_) => match text.parse::<u128>() {
            Ok(v) => ExplicitKey::Valid(v),
            Err(_) => ExplicitKey::Refused { error: "InternalFailure".into(), message: String::new() },
        },
        Err(e) => ExplicitKey::Refused { error: e.error_type.as_str().into(), message: e.message.unwrap_or_default() },
    }
}

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
    /// `shardId-…` (stable key for the DOM).
    pub id: String,
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

impl Layout {
    /// x of hash key `h`.
    pub fn x_of(&self, h: u128) -> f64 {
        self.bar_x + fraction(h) * self.bar_w
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

/// The colour class of each open range: its shard number modulo [`PALETTE`], so a shard keeps
/// its colour through reshards, moved on by one where it would equal its left neighbour's.
pub fn colours(ranges: &[OpenRange]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(ranges.len());
    for r in ranges {
        let natural = r.number().parse::<usize>().unwrap_or(0) % PALETTE;
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
    let x_of = |h: u128| bar_x + fraction(h) * bar_w;

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
            let number = r.number();
            let with_hash = format!("#{number}");
            let room = w - 6.0;
            let label = if with_hash.len() as f64 * NUMBER_CHAR_W <= room {
                with_hash
            } else if number.len() as f64 * NUMBER_CHAR_W <= room {
                number
            } else {
                String::new()
            };
            let colour = colours.get(i).copied().unwrap_or(0);
            let show_id = r.id.len() as f64 * SMALL_CHAR_W <= room;
            Segment { id: r.id.clone(), x, w, colour, label, show_id, hit: hit == Some(i) }
        })
        .collect();

    // Labels under the bar: the last EndingHashKey at the right edge, then StartingHashKeys
    // left to right wherever they fit between their neighbours.
    let mut edge_labels = Vec::new();
    let right_edge = bar_x + bar_w;
    let mut right_limit = right_edge;
    if let Some(r) = ranges.last() {
        let text = abbreviate(r.end);
        right_limit = right_edge - text.chars().count() as f64 * SMALL_CHAR_W - 8.0;
        edge_labels.push(EdgeLabel { x: right_edge, anchor: Anchor::End, text, full: r.end.to_string() });
    }
    let mut left_limit = f64::NEG_INFINITY;
    for (i, r) in ranges.iter().enumerate() {
        let text = abbreviate(r.start);
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
        marker_label: marker.map(x_of).map(|x| {
            if x > bar_x + bar_w * 0.6 {
                (x - 6.0, Anchor::End)
            } else {
                (x + 6.0, Anchor::Start)
            }
        }),
        split: split.map(x_of),
        edge_labels,
    }
}

/// One row of the per-shard histogram.
#[derive(Clone, Debug, PartialEq)]
pub struct HistRow {
    /// `shardId-…`.
    pub id: String,
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
pub fn histogram<'a>(ranges: &[OpenRange], record_shards: impl IntoIterator<Item = &'a str>) -> Vec<HistRow> {
    let mut rows: Vec<(String, bool, Option<usize>, usize)> =
        ranges.iter().zip(colours(ranges)).map(|(r, c)| (r.id.clone(), true, Some(c), 0)).collect();
    let mut total = 0usize;
    for id in record_shards {
        total += 1;
        match rows.iter_mut().find(|r| r.0 == id) {
            Some(r) => r.3 += 1,
            None => rows.push((id.to_string(), false, None, 1)),
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

/// Whether a NewStartingHashKey may split a shard (SplitShard's rule, KINESIS.md B8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitCheck {
    /// `StartingHashKey + 1 < key < EndingHashKey`: the split is allowed.
    Valid(u128),
    /// Not a decimal number in `[0, 2^128 − 1]`.
    NotANumber,
    /// Outside the allowed keys `min…max` (`min > max` when the shard is too small to split).
    OutOfRule {
        /// Smallest allowed key: StartingHashKey + 2.
        min: u128,
        /// Largest allowed key: EndingHashKey − 1.
        max: u128,
    },
}

/// Checks `text` as the NewStartingHashKey of `range` (the engine gives AWS's error; this gives
/// the hint while typing).
pub fn split_check(range: &OpenRange, text: &str) -> SplitCheck {
    let (min, max) = (range.start.saturating_add(2), range.end.saturating_sub(1));
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return SplitCheck::NotANumber;
    }
    match text.parse::<u128>() {
        Ok(k) if k > range.start.saturating_add(1) && k < range.end => SplitCheck::Valid(k),
        Ok(_) => SplitCheck::OutOfRule { min, max },
        Err(_) => SplitCheck::NotANumber,
    }
}

/// The split key offered by default: the start of the shard's upper half.
pub fn default_split_key(range: &OpenRange) -> u128 {
    range.range().midpoint()
}

/// Pairs of neighbouring open shards that MergeShards accepts (`End + 1 == next Start`), as
/// indexes into `ranges`.
pub fn adjacent_pairs(ranges: &[OpenRange]) -> Vec<(usize, usize)> {
    (1..ranges.len())
        .filter(|&i| ranges[i - 1].end.checked_add(1) == Some(ranges[i].start))
        .map(|i| (i - 1, i))
        .collect()
}

/// What a reshard did to a set of recent keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    /// Distinct hash keys compared.
    pub keys: usize,
    /// Keys whose shard changed.
    pub moved: usize,
    /// Keys that changed shard although their old shard was not closed (always 0 for Kinesis).
    pub moved_outside: usize,
    /// Shards open before and closed now: the touched ranges.
    pub closed: Vec<String>,
    /// Keys that would have moved had shards been chosen by `hash mod N` instead of ranges.
    pub mod_n_moved: usize,
    /// Open shards before.
    pub shards_before: usize,
    /// Open shards after.
    pub shards_after: usize,
}

/// Compares where each distinct hash key of `hashes` lands among `before`'s open ranges and
/// among `after`'s.
pub fn moved_keys(before: &[OpenRange], after: &[OpenRange], hashes: &[u128]) -> Moved {
    let keys: BTreeSet<u128> = hashes.iter().copied().collect();
    let after_ids: BTreeSet<&str> = after.iter().map(|r| r.id.as_str()).collect();
    let closed: Vec<String> =
        before.iter().filter(|r| !after_ids.contains(r.id.as_str())).map(|r| r.id.clone()).collect();
    let id_of = |ranges: &[OpenRange], h: u128| owner(ranges, h).and_then(|i| ranges.get(i)).map(|r| r.id.clone());
    let (mut moved, mut moved_outside, mut mod_n_moved) = (0, 0, 0);
    let (nb, na) = (before.len() as u128, after.len() as u128);
    for &h in &keys {
        let (old, new) = (id_of(before, h), id_of(after, h));
        if old != new {
            moved += 1;
            if old.as_ref().is_none_or(|o| !closed.contains(o)) {
                moved_outside += 1;
            }
        }
        if nb > 0 && na > 0 && h % nb != h % na {
            mod_n_moved += 1;
        }
    }
    Moved {
        keys: keys.len(),
        moved,
        moved_outside,
        closed,
        mod_n_moved,
        shards_before: before.len(),
        shards_after: after.len(),
    }
}

/// The one-line explanation of an AWS error a reshard call got, if the view has one.
pub fn explanation(operation: &str, error_type: &str) -> Option<HashingText> {
    Some(match (operation, error_type) {
        ("SplitShard", "InvalidArgumentException") => HashingText::ExplainSplitRule,
        ("MergeShards", "InvalidArgumentException") => HashingText::ExplainMergeAdjacent,
        ("UpdateShardCount", "LimitExceededException") => HashingText::ExplainScaleLimits,
        (_, "ResourceInUseException") => HashingText::ExplainInUse,
        (_, "ResourceNotFoundException") => HashingText::ExplainNotFound,
        (_, "ValidationException") => HashingText::ExplainValidation,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::state::hashing::uniform_ranges;
    use crate::ui::route::UrlState;
    use crate::ui::sim::Settings;

    fn uniform(n: u32) -> Vec<OpenRange> {
        uniform_ranges(n)
            .iter()
            .enumerate()
            .map(|(i, r)| OpenRange {
                id: format!("shardId-{i:012}"),
                start: r.starting_hash_key,
                end: r.ending_hash_key,
            })
            .collect()
    }

    /// KINESIS.md B2: key, MD5 hex, decimal, shard of 3, shard of 4.
    const TABLE: [(&str, &str, u128, usize, usize); 9] = [
        ("a", "0cc175b9c0f1b6a831c399e269772661", 16955237001963240173058271559858726497, 0, 0),
        ("b", "92eb5ffee6ae2fec3ad71c777531578f", 195289424170611159128911017612795795343, 1, 2),
        ("c", "4a8a08f09d37b73795649038408b5f33", 99079589977253916124855502156832923443, 0, 1),
        ("d", "8277e0910d750195b448797616e091ad", 173422077530204247440288476180261147053, 1, 2),
        ("e", "e1671797c52e15f763380b45e841ec32", 299611584147932843547128611849858313266, 2, 3),
        ("f", "8fa14cdd754f91cc6554c9e71929cce7", 190917122200326810055233066464581373159, 1, 2),
        ("0", "cfcd208495d565ef66e7dff9f98764da", 276215275525073243129443018166533317850, 2, 3),
        ("1", "c4ca4238a0b923820dcc509a6f75849b", 261578874264819908609102035485573088411, 2, 3),
        ("hello", "5d41402abc4b2a76b9719d911017c592", 123957004363873451094272536567338222994, 1, 1),
    ];

    #[test]
    fn key_steps_and_owners_match_the_aws_table() {
        for (key, md5, dec, of3, of4) in TABLE {
            let s = key_steps(key);
            assert_eq!((s.md5_hex.as_str(), s.hash), (md5, dec), "{key}");
            assert_eq!(owner(&uniform(3), s.hash), Some(of3), "{key} of 3");
            assert_eq!(owner(&uniform(4), s.hash), Some(of4), "{key} of 4");
        }
        let hello = key_steps("hello");
        let bytes: Vec<&str> = hello.chars.iter().map(|(_, b)| b.as_str()).collect();
        assert_eq!(bytes, ["68", "65", "6c", "6c", "6f"]);
        let n = key_steps("ñ€");
        assert_eq!(n.chars, vec![('ñ', "c3 b1".into()), ('€', "e2 82 ac".into())]);
        assert_eq!(n.byte_len, 5);
        assert_eq!(owner(&uniform(3), u128::MAX), Some(2));
        assert_eq!(owner(&uniform(3), 0), Some(0));
        assert_eq!(owner(&[], 5), None);
    }

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
        let hello = key_steps("hello").hash;
        let l = layout(&ranges, &[], Some(hello), None, WIDTH);
        let x = l.marker.unwrap_or_default();
        let expected = l.bar_x + 0.364_276_9 * l.bar_w;
        assert!((x - expected).abs() < 0.01, "{x} vs {expected}");
        let hit: Vec<usize> = l.segments.iter().enumerate().filter(|(_, s)| s.hit).map(|(i, _)| i).collect();
        assert_eq!(hit, vec![1]);
        assert_eq!(l.marker_label, Some((x + 6.0, Anchor::Start)), "caption on the roomier side");
        let l = layout(&ranges, &[], Some(key_steps("e").hash), None, WIDTH);
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
            let l = layout(&ranges, &[], Some(key_steps(key).hash), None, NARROW_WIDTH);
            let x = l.marker.unwrap_or_default();
            let s = &l.segments[of3];
            assert!(s.hit && s.x <= x && x <= s.x + s.w, "{key}");
        }
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
        let hot = key_steps("user-1").hash;
        let mut hashes = vec![hot; 90];
        hashes.extend((0..10).map(|i| key_steps(&format!("k{i}")).hash));
        let l = layout(&ranges, &hashes, None, None, WIDTH);
        assert_eq!(l.bins.len(), 64);
        assert_eq!(l.bins.iter().map(|b| b.count).sum::<usize>(), 100);
        let top = l.bins.iter().max_by_key(|b| b.count).map(|b| (b.count, b.h));
        assert_eq!(top.map(|t| t.1), Some(DENSITY_H));
        assert!(top.is_some_and(|t| t.0 >= 90));
        assert_eq!(layout(&ranges, &hashes, None, None, NARROW_WIDTH).bins.len(), 32);

        let shard_ids: Vec<String> =
            hashes.iter().map(|h| owner(&ranges, *h).map(|i| ranges[i].id.clone()).unwrap_or_default()).collect();
        let mut ids: Vec<&str> = shard_ids.iter().map(String::as_str).collect();
        ids.push("shardId-000000000009"); // a closed parent still holding a record
        let rows = histogram(&ranges, ids);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows.iter().map(|r| r.count).sum::<usize>(), 101);
        let hot_rows: Vec<&HistRow> = rows.iter().filter(|r| r.hot).collect();
        assert_eq!(hot_rows.len(), 1);
        assert_eq!(Some(hot_rows[0].id.clone()), owner(&ranges, hot).map(|i| ranges[i].id.clone()));
        assert!(hot_rows[0].percent >= 89 && (hot_rows[0].fill - 1.0).abs() < 1e-9);
        let closed = &rows[4];
        assert_eq!(
            (closed.id.as_str(), closed.open, closed.colour, closed.count),
            ("shardId-000000000009", false, None, 1)
        );
        // Uniform keys: no shard is hot.
        let spread: Vec<String> = (0..400)
            .map(|i| owner(&ranges, key_steps(&format!("u{i}")).hash).map(|i| ranges[i].id.clone()).unwrap_or_default())
            .collect();
        assert!(histogram(&ranges, spread.iter().map(String::as_str)).iter().all(|r| !r.hot));
        assert!(histogram(&ranges, []).iter().all(|r| r.count == 0 && r.percent == 0 && !r.hot));
    }

    #[test]
    fn a_split_moves_only_the_keys_of_the_split_shard() {
        let before = uniform(3);
        // SplitShard(shardId-1) at its midpoint: children 3 and 4 replace it, in hash order.
        let mid = default_split_key(&before[1]);
        assert_eq!(split_check(&before[1], &mid.to_string()), SplitCheck::Valid(mid));
        let after = vec![
            before[0].clone(),
            OpenRange { id: "shardId-000000000003".into(), start: before[1].start, end: mid - 1 },
            OpenRange { id: "shardId-000000000004".into(), start: mid, end: before[1].end },
            before[2].clone(),
        ];
        let hashes: Vec<u128> = TABLE.iter().map(|t| t.2).chain([TABLE[8].2, TABLE[0].2]).collect();
        let m = moved_keys(&before, &after, &hashes);
        // b, d, f and hello were in shard 1; a, c, e, 0 and 1 kept their shards. Duplicates count once.
        assert_eq!(
            m,
            Moved {
                keys: 9,
                moved: 4,
                moved_outside: 0,
                closed: vec!["shardId-000000000001".into()],
                mod_n_moved: m.mod_n_moved,
                shards_before: 3,
                shards_after: 4,
            }
        );
        assert!(m.mod_n_moved > m.moved, "hash mod N would move most keys: {}", m.mod_n_moved);
        // Nothing changed: nothing moved.
        let same = moved_keys(&before, &before, &hashes);
        assert_eq!((same.moved, same.mod_n_moved, same.closed.len()), (0, 0, 0));
        // A merge of 0 and 1 into 3: the keys of both parents move, shard 2's stay.
        let merged =
            vec![OpenRange { id: "shardId-000000000003".into(), start: 0, end: before[1].end }, before[2].clone()];
        let m = moved_keys(&before, &merged, &hashes);
        assert_eq!((m.moved, m.moved_outside, m.closed.len()), (6, 0, 2));
    }

    #[test]
    fn a_shard_keeps_its_colour_through_a_split() {
        let before = uniform(3);
        let mid = default_split_key(&before[0]);
        let after = vec![
            OpenRange { id: "shardId-000000000003".into(), start: 0, end: mid - 1 },
            OpenRange { id: "shardId-000000000004".into(), start: mid, end: before[0].end },
            before[1].clone(),
            before[2].clone(),
        ];
        assert_eq!(colours(&before), vec![0, 1, 2]);
        assert_eq!(colours(&after), vec![3, 4, 1, 2]);
        // Shards 0 and 8 share a natural colour: the right one moves on.
        let clash = vec![
            OpenRange { id: "shardId-000000000000".into(), start: 0, end: 9 },
            OpenRange { id: "shardId-000000000008".into(), start: 10, end: u128::MAX },
        ];
        assert_eq!(colours(&clash), vec![0, 1]);
    }

    #[test]
    fn the_split_rule_and_merge_pairs() {
        let r = OpenRange { id: "shardId-000000000000".into(), start: 10, end: 20 };
        assert_eq!(split_check(&r, "12"), SplitCheck::Valid(12));
        assert_eq!(split_check(&r, "19"), SplitCheck::Valid(19));
        assert_eq!(split_check(&r, "11"), SplitCheck::OutOfRule { min: 12, max: 19 });
        assert_eq!(split_check(&r, "20"), SplitCheck::OutOfRule { min: 12, max: 19 });
        for bad in ["", " 12", "-1", "1e3", "abc", "340282366920938463463374607431768211456"] {
            assert_eq!(split_check(&r, bad), SplitCheck::NotANumber, "{bad:?}");
        }
        let all = OpenRange { id: "x".into(), start: 0, end: u128::MAX };
        assert_eq!(split_check(&all, &u128::MAX.to_string()), SplitCheck::OutOfRule { min: 2, max: u128::MAX - 1 });
        let tiny = OpenRange { id: "x".into(), start: u128::MAX - 1, end: u128::MAX };
        assert!(matches!(split_check(&tiny, &u128::MAX.to_string()), SplitCheck::OutOfRule { .. }));
        assert_eq!(adjacent_pairs(&uniform(3)), vec![(0, 1), (1, 2)]);
        assert_eq!(adjacent_pairs(&uniform(1)), vec![]);
        assert_eq!(shard_number("shardId-000000000000"), "0");
        assert_eq!(shard_number("shardId-000000000012"), "12");
    }

    #[test]
    fn explicit_hash_keys_get_aws_s_own_errors() {
        assert_eq!(check_explicit_hash_key(""), ExplicitKey::Empty);
        assert_eq!(check_explicit_hash_key("0"), ExplicitKey::Valid(0));
        assert_eq!(check_explicit_hash_key(&u128::MAX.to_string()), ExplicitKey::Valid(u128::MAX));
        let too_big = "340282366920938463463374607431768211456";
        assert_eq!(
            check_explicit_hash_key(too_big),
            ExplicitKey::Refused {
                error: "InvalidArgumentException".into(),
                message: format!("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {too_big}"),
            }
        );
        for bad in ["01", "-1", "abc", " 1", "1234567890123456789012345678901234567890"] {
            let ExplicitKey::Refused { error, message } = check_explicit_hash_key(bad) else {
                panic!("{bad} accepted");
            };
            assert_eq!(error, "ValidationException", "{bad}");
            assert!(
                message.contains("Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})"),
                "{message}"
            );
        }
    }

    #[test]
    fn the_stream_view_reads_the_running_stream() {
        let url = UrlState { seed: 7, shards: Some(3), ..UrlState::default() };
        let sim = Sim::new(Settings::from_url(&url)).unwrap_or_else(|e| panic!("{e:?}"));
        let v = stream_view(&sim);
        assert_eq!(v.status, "ACTIVE");
        assert_eq!(v.ranges, uniform(3));
        assert_eq!(v.update_delay_ms, 3_000);
        assert_eq!(v.throttled.len(), 3);
    }

    #[test]
    fn recent_keys_equal_the_sims_recent_records_across_a_split() {
        let url = UrlState { seed: 7, shards: Some(3), rate: Some(300), ..UrlState::default() };
        let mut sim = Sim::new(Settings::from_url(&url)).unwrap_or_else(|e| panic!("{e:?}"));
        sim.step();
        let split = serde_json::json!({"StreamName": sim.world().stream_name(), "ShardToSplit": "shardId-000000000001",
            "NewStartingHashKey": "170141183460469231731687303715884105728"});
        assert!(sim.api("SplitShard", &split).is_ok());
        for _ in 0..5 {
            sim.step();
        }
        assert_eq!(stream_view(&sim).ranges.len(), 4);
        for n in [0, 1, 10, 500, 5_000] {
            let ours: Vec<(String, u64, String, u128, bool)> = recent_keys(&sim, n)
                .into_iter()
                .map(|r| (r.shard, r.position, r.partition_key, r.hash, r.explicit))
                .collect();
            let sims: Vec<(String, u64, String, u128, bool)> = sim
                .recent_records(n)
                .into_iter()
                .map(|r| (r.shard, r.position, r.partition_key, r.hash, r.explicit))
                .collect();
            assert_eq!(ours.len(), sims.len().min(n));
            assert_eq!(ours, sims, "n = {n}");
            // The merge returns what sorting every record would.
            let engine = sim.world().engine();
            let s = engine.stream(sim.world().stream_name()).unwrap_or_else(|| panic!("stream"));
            let mut all: Vec<(u64, String, u64)> = s
                .shards
                .iter()
                .flat_map(|sh| {
                    sh.records
                        .iter()
                        .enumerate()
                        .map(|(i, r)| (r.arrival.millis(), sh.id.to_string(), sh.records.first_index() + i as u64))
                })
                .collect();
            all.sort_by(|a, b| (b.0, &a.1, b.2).cmp(&(a.0, &b.1, a.2)));
            let brute: Vec<(String, u64)> = all.into_iter().take(n).map(|(_, sh, p)| (sh, p)).collect();
            let merged: Vec<(String, u64)> = ours.iter().map(|r| (r.0.clone(), r.1)).collect();
            assert_eq!(merged, brute, "n = {n}");
        }
    }

    #[test]
    fn explanations_cover_the_errors_a_reshard_gets() {
        assert_eq!(explanation("SplitShard", "InvalidArgumentException"), Some(HashingText::ExplainSplitRule));
        assert_eq!(explanation("MergeShards", "InvalidArgumentException"), Some(HashingText::ExplainMergeAdjacent));
        assert_eq!(explanation("UpdateShardCount", "LimitExceededException"), Some(HashingText::ExplainScaleLimits));
        assert_eq!(explanation("SplitShard", "ResourceInUseException"), Some(HashingText::ExplainInUse));
        assert_eq!(explanation("SplitShard", "InternalFailure"), None);
    }
}
