//! The rows that several views' snapshots share, and their builders: what kind a consumer is,
//! the producers' totals, a shard's lane of recent records (overview and flow), and one stored
//! record read back in full (the flow's details, retention's reads, hashing's recent keys).
//!
//! Each view builds its own snapshot in its folder (`views/<view>/snapshot.rs`). What they share
//! sits here, beside [`super::sim`] rather than among the views, because `ui::sim` needs
//! [`ConsumerKind`] and [`DotCache`] too; everything here reads only the [`World`], so the
//! imports run one way:
//!
//! ```text
//!  views/<view>/snapshot.rs ──► ui/sim.rs ──► ui/snapshot.rs ──► world, engine
//!            └─────────────────────────────────────┘
//! ```
//!
//! Every builder takes the name of the stream it reads: the views draw
//! [`super::sim::Sim::shown_stream`], which may be a stream created in the console rather than
//! the scenario's. Records a person put through [`World::call`] are marked `yours`.
//!
//! Shards stay [`ShardId`]s here; views print them with [`super::format`].

use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::{Shard, ShardId, ShardState};
use crate::engine::state::store::StoredRecord;
use crate::engine::state::stream::{StreamKey, StreamStatus};
use crate::engine::time::SimTime;
use crate::engine::Engine;
use crate::i18n::app::Text;
use crate::world::metrics::{MetricName, Scope};
use crate::world::{ConsumerApp, World};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// What kind a consumer is, for drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsumerKind {
    /// Shared-throughput polling (KCL).
    Polling,
    /// Enhanced fan-out.
    FanOut,
    /// Lambda event source mapping.
    Lambda,
}

impl ConsumerKind {
    /// The kind of a simulated consumer.
    pub fn of(c: &ConsumerApp) -> ConsumerKind {
        match c {
            ConsumerApp::Polling(_) => ConsumerKind::Polling,
            ConsumerApp::FanOut(_) => ConsumerKind::FanOut,
            ConsumerApp::Lambda(_) => ConsumerKind::Lambda,
        }
    }

    /// What the views call this kind.
    pub fn label(self) -> Text {
        match self {
            ConsumerKind::Polling => Text::KindPolling,
            ConsumerKind::FanOut => Text::KindFanOut,
            ConsumerKind::Lambda => Text::KindLambda,
        }
    }
}

/// Totals of the producers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records produced.
    pub produced: u64,
    /// Records accepted.
    pub accepted: u64,
    /// Throttled attempts (retried).
    pub throttled: u64,
    /// Records dropped after their last retry.
    pub dropped: u64,
}

impl Totals {
    /// The totals of every producer of `world`, stopped ones included.
    pub fn of(world: &World) -> Totals {
        let mut totals = Totals::default();
        for p in world.producers() {
            totals.produced += p.stats.produced;
            totals.accepted += p.stats.accepted;
            totals.throttled += p.stats.retried;
            totals.dropped += p.stats.dropped;
        }
        totals
    }
}

/// The status of `stream` (`None` when it does not exist).
pub fn stream_status(world: &World, stream: &str) -> Option<StreamStatus> {
    world.engine().stream(stream).map(|s| s.status)
}

/// One record drawn in a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dot {
    /// Its position in the shard (stable key for the DOM).
    pub position: u64,
    /// Age, ms.
    pub age_ms: u64,
    /// Hash key (MD5 of the partition key, or the explicit hash key).
    pub hash: u128,
    /// Put by a person through [`World::call`] (the console): always drawn, and marked.
    pub yours: bool,
}

/// One shard lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardRow {
    /// The shard.
    pub id: ShardId,
    /// Open (accepts writes).
    pub open: bool,
    /// StartingHashKey.
    pub start: u128,
    /// EndingHashKey.
    pub end: u128,
    /// Records accepted so far.
    pub incoming: u64,
    /// Records accepted in the last whole second.
    pub per_sec: u64,
    /// Throttled writes so far.
    pub throttled: u64,
    /// Records retained now.
    pub stored: u64,
    /// Retained records older than the window (not drawn).
    pub older: u64,
    /// Records expired so far (past retention).
    pub expired: u64,
    /// Records inside the window (drawn, or sampled when more than the dot budget).
    pub in_window: u64,
    /// Recent records (oldest first), sampled, and every record of yours in the window.
    pub dots: Vec<Dot>,
}

/// Values read back from record stores by position, kept from one pass to the next for the
/// positions read in the last pass only: a sampled record stays drawn for many frames, and
/// reading it again costs the decoding of its packed chunk up to it (`RecordStore::get`), or
/// a payload rebuilt and an MD5 (its hash). A record at a position never changes, so a kept
/// value is always right while the world is the same.
#[derive(Clone, Debug)]
pub struct PositionMemo<V> {
    last: BTreeMap<(StreamKey, ShardId, u64), V>,
    now: BTreeMap<(StreamKey, ShardId, u64), V>,
}

impl<V> Default for PositionMemo<V> {
    fn default() -> Self {
        PositionMemo { last: BTreeMap::new(), now: BTreeMap::new() }
    }
}

impl<V: Copy> PositionMemo<V> {
    /// The value at `key`: kept from the last pass, or `read` (`None` when the record is gone).
    pub fn get_or(&mut self, key: (StreamKey, ShardId, u64), read: impl FnOnce() -> Option<V>) -> Option<V> {
        let value = match self.last.get(&key) {
            Some(known) => *known,
            None => read()?,
        };
        self.now.insert(key, value);
        Some(value)
    }

    /// Ends a pass: only the values it read are kept for the next one.
    pub fn finish(&mut self) {
        self.last = std::mem::take(&mut self.now);
    }
}

/// What the views keep between frames, so that a frame reads the record stores only for the
/// records it did not draw the frame before: [`shard_rows`]' dots and the retention view's
/// marks. A world owns one ([`super::sim::Sim::dot_cache`]), since a position's record is only
/// valid in its world.
#[derive(Clone, Debug, Default)]
pub struct DotCache(RefCell<DotCacheInner>);

#[derive(Clone, Debug, Default)]
struct DotCacheInner {
    /// Hash key and arrival of the records drawn as dots.
    records: PositionMemo<(u128, SimTime)>,
    /// The sampling stride each lane used last ([`lane_stride`]).
    strides: BTreeMap<(StreamKey, ShardId), u64>,
    /// Arrival and sequence number of the retention view's marks.
    marks: PositionMemo<(SimTime, SequenceNumber)>,
}

impl DotCache {
    /// The retention view's marks (arrival, sequence number by position), for one pass.
    pub fn marks(&self) -> std::cell::RefMut<'_, PositionMemo<(SimTime, SequenceNumber)>> {
        std::cell::RefMut::map(self.0.borrow_mut(), |c| &mut c.marks)
    }
}

/// The sampling stride of a lane with `in_window` records and room for `max_dots`: every
/// record while they fit; else the `previous` stride while it draws between half and all of
/// `max_dots`, so the sampled positions (and the cache) stay the same from frame to frame as the
/// count jitters; else a new stride that draws about three quarters of `max_dots`.
pub fn lane_stride(previous: Option<u64>, in_window: u64, max_dots: u64) -> u64 {
    let max = max_dots.max(1);
    if in_window <= max {
        return 1;
    }
    if let Some(s) = previous.filter(|s| *s > 1) {
        let n = in_window.div_ceil(s);
        if n <= max && n * 2 >= max {
            return s;
        }
    }
    (in_window * 4).div_ceil(max * 3).max(2)
}

/// The positions to draw of one shard's window `lo..end`: the multiples of `stride`, and every
/// position in `yours` (sorted), in order and once each.
pub fn sampled_positions(lo: u64, end: u64, stride: u64, yours: &[u64]) -> Vec<u64> {
    let stride = stride.max(1);
    let mut out = Vec::new();
    let mut pos = lo.div_ceil(stride) * stride;
    let mut mine = yours.iter().copied().filter(|p| (lo..end).contains(p)).peekable();
    loop {
        let sampled = (pos < end).then_some(pos);
        let p = match (sampled, mine.peek().copied()) {
            (None, None) => break,
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (Some(a), Some(b)) => a.min(b),
        };
        if sampled == Some(p) {
            pos += stride;
        }
        if mine.peek() == Some(&p) {
            mine.next();
        }
        out.push(p);
    }
    out
}

/// Lanes of `stream`: open shards in hash order, then closed ones still holding records; each
/// with its records younger than `window_ms`, at most about `max_dots` of them (sampled on
/// stable positions, so a dot stays drawn while the window slides) plus every record of yours
/// in the window, sampled or not. `cache` keeps the hashes of the dots drawn by this call only.
pub fn shard_rows(world: &World, stream: &str, cache: &DotCache, window_ms: u64, max_dots: usize) -> Vec<ShardRow> {
    let engine = world.engine();
    let now = world.now();
    let Some(s) = engine.stream(stream) else {
        return Vec::new();
    };
    let yours = world.yours(stream);
    let mut listed: Vec<_> = s
        .shards
        .iter()
        .filter(|sh| sh.is_open() || sh.state() != ShardState::Expired && !sh.records.is_empty())
        .collect();
    listed.sort_by_key(|sh| (!sh.is_open(), sh.hash_key_range.starting_hash_key, sh.id));
    let mut rows = Vec::with_capacity(listed.len());
    let mut cache = cache.0.borrow_mut();
    let mut strides = BTreeMap::new();
    for sh in listed {
        let per_sec = world
            .metrics()
            .series(Scope::Shard(s.key, sh.id), MetricName::IncomingRecords)
            .and_then(|r| r.get(now.secs().saturating_sub(1)))
            .unwrap_or(0);
        let store = &sh.records;
        let from = store.position_of_arrival(now.minus(window_ms));
        let in_window = store.len().saturating_sub(from);
        let previous = cache.strides.get(&(s.key, sh.id)).copied();
        let stride = lane_stride(previous, in_window as u64, max_dots as u64);
        strides.insert((s.key, sh.id), stride);
        let first = store.first_index();
        let (lo, end) = (first + from as u64, store.end_index());
        let mine: Vec<u64> = yours.range((sh.id, lo)..(sh.id, end)).map(|(_, p)| *p).collect();
        let mut dots = Vec::with_capacity(in_window.min(max_dots) + mine.len());
        for pos in sampled_positions(lo, end, stride, &mine) {
            let read = || store.get((pos - first) as usize).map(|r| (r.hash_key(engine.record_sources()), r.arrival));
            let Some((hash, arrival)) = cache.records.get_or((s.key, sh.id, pos), read) else { break };
            let yours = mine.binary_search(&pos).is_ok();
            dots.push(Dot { position: pos, age_ms: now.since(arrival), hash, yours });
        }
        rows.push(ShardRow {
            id: sh.id,
            open: sh.is_open(),
            start: sh.hash_key_range.starting_hash_key,
            end: sh.hash_key_range.ending_hash_key,
            incoming: sh.counters.incoming_records,
            per_sec,
            throttled: sh.counters.write_throttled,
            stored: store.len() as u64,
            older: from as u64,
            expired: first,
            in_window: in_window as u64,
            dots,
        });
    }
    // Only the records drawn this frame stay cached (and the strides of the lanes drawn).
    cache.records.finish();
    cache.strides = strides;
    rows
}

/// One stored record, read back in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentRecord {
    /// Its shard.
    pub shard: ShardId,
    /// Its position in the shard (0, 1, 2… in acceptance order).
    pub position: u64,
    /// SequenceNumber (56 digits).
    pub sequence_number: String,
    /// ApproximateArrivalTimestamp, ms since the epoch.
    pub arrival_ms: u64,
    /// PartitionKey.
    pub partition_key: String,
    /// The 128-bit hash key it was routed by.
    pub hash: u128,
    /// Routed by an ExplicitHashKey rather than the MD5 of its key.
    pub explicit: bool,
    /// Data bytes.
    pub data: Vec<u8>,
    /// Put by a person through [`World::call`] (the console).
    pub yours: bool,
}

impl RecentRecord {
    /// The record at `position` of shard `sh`, rendered once: the hash comes from the rendered
    /// key (or its ExplicitHashKey) rather than a second rendering.
    fn of(engine: &Engine, sh: &Shard, position: u64, r: &StoredRecord<'_>, yours: bool) -> Self {
        let body = r.materialize(engine.record_sources());
        let hash = body.explicit_hash_key.unwrap_or_else(|| partition_key_hash(&body.partition_key));
        RecentRecord {
            shard: sh.id,
            position,
            sequence_number: sh.sequence_number_of(r).to_string(),
            arrival_ms: r.arrival.millis(),
            partition_key: body.partition_key,
            hash,
            explicit: body.explicit_hash_key.is_some(),
            data: body.data,
            yours,
        }
    }

    /// The record at `position` of `shard` in `stream`, if still retained.
    pub fn at(world: &World, stream: &str, shard: ShardId, position: u64) -> Option<RecentRecord> {
        let engine = world.engine();
        let sh = engine.stream(stream)?.shard(shard)?;
        let index = position.checked_sub(sh.records.first_index())?;
        let r = sh.records.get(usize::try_from(index).ok()?)?;
        Some(RecentRecord::of(engine, sh, position, &r, world.is_yours(stream, shard, position)))
    }
}

/// The `n` most recently accepted records of `stream` as `(shard slot, index in its store)`,
/// newest first: by arrival, then lower shard id, then newer position. It merges the shards
/// newest-first on arrival time, so it touches `n` records however many shards the stream has.
pub fn newest(world: &World, stream: &str, n: usize) -> Vec<(usize, usize)> {
    use std::cmp::Reverse;
    let Some(s) = world.engine().stream(stream) else {
        return Vec::new();
    };
    // (arrival ms, lower shard id first, newer index first, shard slot)
    let key = |slot: usize, i: usize| {
        let sh = s.shards.get(slot)?;
        let r = sh.records.get(i)?;
        Some((r.arrival.millis(), Reverse(sh.id.0), i, slot))
    };
    let mut heap = std::collections::BinaryHeap::new();
    for (slot, sh) in s.shards.iter().enumerate() {
        if let Some(top) = sh.records.len().checked_sub(1).and_then(|i| key(slot, i)) {
            heap.push(top);
        }
    }
    let mut out = Vec::with_capacity(n.min(4_096));
    while out.len() < n {
        let Some((_, _, i, slot)) = heap.pop() else { break };
        out.push((slot, i));
        if let Some(next) = i.checked_sub(1).and_then(|j| key(slot, j)) {
            heap.push(next);
        }
    }
    out
}

/// The `n` most recently accepted records of `stream`, newest first (see [`newest`]), over
/// all shards still holding records.
pub fn recent_records(world: &World, stream: &str, n: usize) -> Vec<RecentRecord> {
    let engine = world.engine();
    let Some(s) = engine.stream(stream) else {
        return Vec::new();
    };
    newest(world, stream, n)
        .into_iter()
        .filter_map(|(slot, i)| {
            let sh = s.shards.get(slot)?;
            let r = sh.records.get(i)?;
            let position = sh.records.first_index() + i as u64;
            Some(RecentRecord::of(engine, sh, position, &r, world.is_yours(stream, sh.id, position)))
        })
        .collect()
}

/// Positions of the records of yours that `stream` still retains, `(shard, position)`, newest
/// first (by arrival, then shard, then position), at most `n`.
pub fn yours_retained(world: &World, stream: &str, n: usize) -> Vec<(ShardId, u64)> {
    let Some(s) = world.engine().stream(stream) else {
        return Vec::new();
    };
    let mut held: Vec<(u64, ShardId, u64)> = world
        .yours(stream)
        .iter()
        .filter_map(|&(id, position)| {
            let sh = s.shard(id)?;
            let index = position.checked_sub(sh.records.first_index())?;
            let r = sh.records.get(usize::try_from(index).ok()?)?;
            Some((r.arrival.millis(), id, position))
        })
        .collect();
    held.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
    held.into_iter().take(n).map(|(_, id, position)| (id, position)).collect()
}

/// The records of yours that `stream` still retains ([`yours_retained`]), read back, newest
/// first, at most `n`.
pub fn yours_records(world: &World, stream: &str, n: usize) -> Vec<RecentRecord> {
    yours_retained(world, stream, n)
        .into_iter()
        .filter_map(|(shard, position)| RecentRecord::at(world, stream, shard, position))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sim::{Settings, Sim};
    use serde_json::json;

    fn busy() -> Sim {
        // One shard at 900 records/s: a lane holds far more records than dots.
        let settings = Settings { seed: 5, shards: Some(1), rate: Some(900), ..Settings::default() };
        let mut sim = Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"));
        sim.step_second();
        sim
    }

    fn put(sim: &mut Sim, stream: &str, key: &str) -> (ShardId, u64) {
        let req = json!({"StreamName": stream, "PartitionKey": key, "Data": "dGVzdGRhdGE="});
        sim.api("PutRecord", &req).unwrap_or_else(|e| panic!("{e}"));
        let mine = sim.world().yours(stream);
        *mine.iter().next_back().unwrap_or_else(|| panic!("not remembered"))
    }

    #[test]
    fn sampled_positions_add_every_record_of_yours_once_and_in_order() {
        assert_eq!(sampled_positions(10, 40, 8, &[]), vec![16, 24, 32]);
        assert_eq!(sampled_positions(10, 40, 8, &[3, 11, 24, 39, 40]), vec![11, 16, 24, 32, 39]);
        assert_eq!(sampled_positions(0, 3, 1, &[1]), vec![0, 1, 2]);
        assert_eq!(sampled_positions(5, 5, 4, &[5]), Vec::<u64>::new());
        assert_eq!(sampled_positions(0, 10, 0, &[]), (0..10).collect::<Vec<_>>(), "a zero stride is one");
    }

    #[test]
    fn a_lane_keeps_its_stride_while_its_count_jitters() {
        assert_eq!(lane_stride(None, 30, 30), 1, "every record while they fit");
        assert_eq!(lane_stride(Some(200), 30, 30), 1);
        let s = lane_stride(None, 5_000, 30);
        assert_eq!(5_000u64.div_ceil(s), 23, "a new stride draws about three quarters of the room");
        // The window's count moves by a few records per frame: the stride (and every sampled
        // position) stays.
        for n in [4_990, 5_010, 5_040, 4_000, 6_600] {
            assert_eq!(lane_stride(Some(s), n, 30), s, "{n}");
        }
        // Past the room, or under half of it, a new one.
        assert!(9_000u64.div_ceil(lane_stride(Some(s), 9_000, 30)) <= 30);
        assert!(lane_stride(Some(s), 2_000, 30) < s);
    }

    #[test]
    fn a_record_of_yours_in_the_window_is_always_drawn_and_marked() {
        let mut sim = busy();
        let stream = sim.world().stream_name().to_string();
        // Put until a record of yours lands between two sampled positions.
        let mut mine = put(&mut sim, &stream, "123");
        while mine.1 % 64 == 0 {
            sim.advance(7);
            mine = put(&mut sim, &stream, "123");
        }
        sim.advance(500);
        let rows = shard_rows(sim.world(), &stream, sim.dot_cache(), 10_000, 12);
        let row = rows.iter().find(|r| r.id == mine.0).unwrap_or_else(|| panic!("no lane"));
        assert!(row.in_window > 1_000, "{}", row.in_window);
        assert!(row.dots.len() <= 14, "sampled: {}", row.dots.len());
        let marked: Vec<&Dot> = row.dots.iter().filter(|d| d.yours).collect();
        let all_mine = sim.world().yours(&stream).iter().filter(|(s, _)| *s == mine.0).count();
        assert_eq!(marked.len(), all_mine, "every record of yours, sampled or not");
        assert!(marked.iter().any(|d| d.position == mine.1));
        assert!(row.dots.windows(2).all(|w| w[0].position < w[1].position), "oldest first, once each");
        // Its hash is the record's own (the cache keeps it for the next frame).
        let record = RecentRecord::at(sim.world(), &stream, mine.0, mine.1).unwrap_or_else(|| panic!("gone"));
        assert!(record.yours);
        assert_eq!(marked.iter().find(|d| d.position == mine.1).map(|d| d.hash), Some(record.hash));
        let again = shard_rows(sim.world(), &stream, sim.dot_cache(), 10_000, 12);
        assert_eq!(again, rows);
        // Outside the window it is not drawn.
        sim.advance(11_000);
        let later = shard_rows(sim.world(), &stream, sim.dot_cache(), 10_000, 12);
        assert!(later.iter().all(|r| r.dots.iter().all(|d| !d.yours)));
        // Still retained: listed as yours, newest first.
        assert_eq!(yours_retained(sim.world(), &stream, 10).first(), Some(&mine));
        assert!(yours_records(sim.world(), &stream, 10).iter().all(|r| r.yours));
    }

    #[test]
    fn the_lanes_of_a_stream_created_in_the_console_hold_its_records() {
        let mut sim = busy();
        sim.api("CreateStream", &json!({"StreamName": "Foo", "ShardCount": 1})).unwrap_or_else(|e| panic!("{e}"));
        sim.sleep(10_000);
        let mine = put(&mut sim, "Foo", "123");
        assert_eq!(mine, (ShardId(0), 0));
        let rows = shard_rows(sim.world(), "Foo", sim.dot_cache(), 30_000, 48);
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].in_window, rows[0].dots.len()), (1, 1));
        assert!(rows[0].dots[0].yours);
        let recent = recent_records(sim.world(), "Foo", 5);
        assert_eq!(recent.len(), 1);
        assert_eq!(
            (recent[0].partition_key.as_str(), recent[0].data.as_slice(), recent[0].yours),
            ("123", &b"testdata"[..], true)
        );
        assert_eq!(stream_status(sim.world(), "Foo"), Some(StreamStatus::Active));
        // The scenario's lanes share shard ids with Foo's: the cache must not mix them up.
        let stream = sim.world().stream_name().to_string();
        let scenario_rows = shard_rows(sim.world(), &stream, sim.dot_cache(), 30_000, 48);
        assert!(scenario_rows.iter().all(|r| r.dots.iter().all(|d| !d.yours)));
        let foo_again = shard_rows(sim.world(), "Foo", sim.dot_cache(), 30_000, 48);
        assert_eq!(foo_again[0].dots[0].hash, crate::engine::state::hashing::partition_key_hash("123"));
    }
}
