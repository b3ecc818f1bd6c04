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
//! Shards stay [`ShardId`]s here; views print them with [`super::format`].

use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::shard::{Shard, ShardId, ShardState};
use crate::engine::state::store::StoredRecord;
use crate::engine::state::stream::StreamStatus;
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

/// The stream's status (`None` when it does not exist).
pub fn stream_status(world: &World) -> Option<StreamStatus> {
    world.engine().stream(world.stream_name()).map(|s| s.status)
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
    /// Recent records (oldest first), sampled.
    pub dots: Vec<Dot>,
}

/// Hash keys of the records drawn as dots, by (shard, position): a drawn record keeps its dot
/// for many frames, and its hash needs the payload rebuilt and an MD5. A world owns one
/// ([`super::sim::Sim::dot_cache`]), since a position's hash is only valid in its world.
#[derive(Clone, Debug, Default)]
pub struct DotCache(RefCell<BTreeMap<(ShardId, u64), u128>>);

/// Lanes: open shards in hash order, then closed ones still holding records; each with its
/// records younger than `window_ms`, at most about `max_dots` of them (sampled on stable
/// positions, so a dot stays drawn while the window slides). `cache` keeps the hashes of the
/// dots drawn by this call only.
pub fn shard_rows(world: &World, cache: &DotCache, window_ms: u64, max_dots: usize) -> Vec<ShardRow> {
    let engine = world.engine();
    let now = world.now();
    let Some(s) = engine.stream(world.stream_name()) else {
        return Vec::new();
    };
    let mut listed: Vec<_> = s
        .shards
        .iter()
        .filter(|sh| sh.is_open() || sh.state() != ShardState::Expired && !sh.records.is_empty())
        .collect();
    listed.sort_by_key(|sh| (!sh.is_open(), sh.hash_key_range.starting_hash_key, sh.id));
    let mut rows = Vec::with_capacity(listed.len());
    let mut cache = cache.0.borrow_mut();
    let mut kept = BTreeMap::new();
    for sh in listed {
        let per_sec = world
            .metrics()
            .series(Scope::Shard(s.key, sh.id), MetricName::IncomingRecords)
            .and_then(|r| r.get(now.secs().saturating_sub(1)))
            .unwrap_or(0);
        let store = &sh.records;
        let from = store.position_of_arrival(now.minus(window_ms));
        let in_window = store.len().saturating_sub(from);
        let stride = in_window.div_ceil(max_dots.max(1)).max(1) as u64;
        let first = store.first_index();
        let mut dots = Vec::with_capacity(in_window.min(max_dots));
        let mut pos = (first + from as u64).div_ceil(stride) * stride;
        while pos < store.end_index() {
            let Some(r) = store.get((pos - first) as usize) else { break };
            let hash = match cache.get(&(sh.id, pos)) {
                Some(h) => *h,
                None => r.hash_key(engine.record_sources()),
            };
            kept.insert((sh.id, pos), hash);
            dots.push(Dot { position: pos, age_ms: now.since(r.arrival), hash });
            pos += stride;
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
    // Only the records drawn this frame stay cached.
    *cache = kept;
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
}

impl RecentRecord {
    /// The record at `position` of shard `sh`, rendered once: the hash comes from the rendered
    /// key (or its ExplicitHashKey) rather than a second rendering.
    fn of(engine: &Engine, sh: &Shard, position: u64, r: &StoredRecord<'_>) -> Self {
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
        }
    }

    /// The record at `position` of `shard`, if still retained.
    pub fn at(world: &World, shard: ShardId, position: u64) -> Option<RecentRecord> {
        let engine = world.engine();
        let sh = engine.stream(world.stream_name())?.shard(shard)?;
        let index = position.checked_sub(sh.records.first_index())?;
        let r = sh.records.get(usize::try_from(index).ok()?)?;
        Some(RecentRecord::of(engine, sh, position, &r))
    }
}

/// The `n` most recently accepted records of the stream as `(shard slot, index in its store)`,
/// newest first: by arrival, then lower shard id, then newer position. It merges the shards
/// newest-first on arrival time, so it touches `n` records however many shards the stream has.
pub fn newest(world: &World, n: usize) -> Vec<(usize, usize)> {
    use std::cmp::Reverse;
    let Some(s) = world.engine().stream(world.stream_name()) else {
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

/// The `n` most recently accepted records of the stream, newest first (see [`newest`]), over
/// all shards still holding records.
pub fn recent_records(world: &World, n: usize) -> Vec<RecentRecord> {
    let engine = world.engine();
    let Some(s) = engine.stream(world.stream_name()) else {
        return Vec::new();
    };
    newest(world, n)
        .into_iter()
        .filter_map(|(slot, i)| {
            let sh = s.shards.get(slot)?;
            let r = sh.records.get(i)?;
            Some(RecentRecord::of(engine, sh, sh.records.first_index() + i as u64, &r))
        })
        .collect()
}
