//! Reading one shard through the API, with exact delivery accounting.
//!
//! Polling consumers (the KCL model and Lambda's event source mapping) read a shard the way the
//! real libraries do: `GetShardIterator` (from a checkpoint with `AFTER_SEQUENCE_NUMBER`, or from
//! `TRIM_HORIZON` / `LATEST`), then `GetRecords` with the returned `NextShardIterator`, until a
//! closed shard's end (no `NextShardIterator`, `ChildShards` listed; AWS API reference,
//! GetRecords). An `ExpiredIteratorException` (the iterator is older than 5 minutes) gets a new
//! iterator from the checkpoint; a `ProvisionedThroughputExceededException` is retried later.
//!
//! Accounting is done by the simulator, not the consumer: each shard's records have positions
//! `0, 1, 2, …` in the order they were accepted (`RecordStore::first_index`/`end_index`), and a
//! reader keeps its `high_water`, the position after the furthest record it has received. If the
//! first record a read returns sits above `high_water`, the records in between expired before the
//! consumer read them: they are counted as **lost**. Records received again below `high_water`
//! (a worker resumed from an older checkpoint) are **duplicates**. So, per consumer and shard,
//! `accepted = delivered + lost + skipped + backlog` holds exactly at every instant.
//!
//! Losses are also kept as **ranges** of positions ([`LossRange`]), so a view can say which
//! records a consumer lost, not only how many. The lost records are gone from the store, so their
//! arrival times are kept as bounds: they arrived after the last record the reader received
//! before them, and before the first record returned after them (both known when the loss is
//! noticed). At most [`MAX_LOSS_RANGES`] ranges are kept per shard: beyond that the two
//! neighbouring ranges with the fewest records between them are merged (the count stays exact).
//!
//! [`OrderAudit`] checks per-key order and keeps the last [`MAX_OUT_OF_ORDER`] offending records.

use crate::engine::ops::get_records::{GetRecordsInput, GetShardIteratorInput, ShardIteratorType};
use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::{ShardId, ShardState};
use crate::engine::time::SimTime;
use crate::engine::wire::shapes::RecordShape;
use crate::engine::{Engine, ErrorType};
use serde::{Deserialize, Serialize};

/// Where a consumer starts in a shard it has no checkpoint for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StartPosition {
    /// The oldest retained record.
    #[default]
    TrimHorizon,
    /// Only records arriving after the consumer starts.
    Latest,
}

/// Delivery totals of one consumer (all its shards).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Distinct records received.
    pub delivered: u64,
    /// Bytes of those records (data + key).
    pub delivered_bytes: u64,
    /// Records received again (after a resume from an older checkpoint).
    pub duplicates: u64,
    /// Records that expired before the consumer read them.
    pub lost: u64,
    /// Records that were already in the stream when a `LATEST` consumer started.
    pub skipped: u64,
    /// Read calls made (GetShardIterator + GetRecords, or SubscribeToShard).
    pub calls: u64,
    /// Read calls refused by throughput limits.
    pub throttled: u64,
    /// Records of one partition key received out of the order the stream accepted them.
    pub order_violations: u64,
    /// Lag: the largest `MillisBehindLatest` of its shards' last reads, ms.
    pub millis_behind: u64,
    /// Sum over delivered records of (delivery time − arrival time), ms: divided by
    /// `delivered`, the average propagation delay (about 70 ms with enhanced fan-out, about
    /// 200 ms or more with polling; developer guide, shared vs enhanced fan-out).
    #[serde(default)]
    pub latency_ms_total: u64,
}

/// What a read produced.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOutcome {
    /// Records (possibly none) and how far behind the tip they are.
    Records {
        /// The records, in order: position in the shard, first delivery (not a re-read), record.
        records: Vec<(u64, bool, RecordShape)>,
        /// `MillisBehindLatest`.
        millis_behind: u64,
        /// The shard is closed and has been read to its end.
        at_end: bool,
    },
    /// Throttled; try again later.
    Throttled,
    /// The stream or shard is gone.
    Gone,
}

/// Most loss ranges a reader keeps per shard (older ones merge; see [`ShardReader::lost_ranges`]).
pub const MAX_LOSS_RANGES: usize = 64;

/// Records of one shard that expired before a consumer read them: positions `from..to`.
///
/// A range made by merging two (when more than [`MAX_LOSS_RANGES`] were noticed) spans the
/// records delivered between them too; `lost` stays the exact count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LossRange {
    /// Position of the first lost record.
    pub from: u64,
    /// Position after the last lost record.
    pub to: u64,
    /// Records lost within `from..to` (`to − from` unless merged).
    pub lost: u64,
    /// Lower bound of their arrival times: the arrival of the last record the reader had
    /// received before them (the shard's creation, or the reader's start for `LATEST`, if none).
    pub arrived_after: SimTime,
    /// Upper bound of their arrival times: the arrival of the first record returned after them
    /// (the time the loss was noticed when nothing was returned and nothing is retained).
    pub arrived_before: SimTime,
    /// When the reader noticed the (first) loss: the read that skipped the records.
    pub noticed: SimTime,
    /// When it noticed the last loss merged into this range (= `noticed` unless merged).
    pub last_noticed: SimTime,
}

impl LossRange {
    /// Merges `next` (a later range of the same shard) into this one.
    fn absorb(&mut self, next: &LossRange) {
        self.to = next.to;
        self.lost += next.lost;
        self.arrived_after = self.arrived_after.min(next.arrived_after);
        self.arrived_before = self.arrived_before.max(next.arrived_before);
        self.last_noticed = next.last_noticed;
    }
}

/// Adds `range` (which starts at or after the last one) to `ranges`: merged with the last one if
/// they touch; when more than [`MAX_LOSS_RANGES`], the neighbours with the fewest positions
/// between them (the oldest such pair on ties) merge, so distinct episodes of loss stay apart
/// longest and a continuous loss becomes one range.
pub fn push_loss(ranges: &mut Vec<LossRange>, range: LossRange) {
    if let Some(last) = ranges.last_mut().filter(|l| l.to == range.from) {
        last.absorb(&range);
        return;
    }
    ranges.push(range);
    if ranges.len() > MAX_LOSS_RANGES {
        let closest = ranges
            .windows(2)
            .enumerate()
            .min_by_key(|(i, w)| (w[1].from.saturating_sub(w[0].to), *i))
            .map_or(0, |(i, _)| i);
        let next = ranges.remove(closest + 1);
        if let Some(r) = ranges.get_mut(closest) {
            r.absorb(&next);
        }
    }
}

/// One consumer's position in one shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardReader {
    /// The shard.
    pub shard: ShardId,
    /// Last record handed to the application (read position).
    pub read_to: Option<SequenceNumber>,
    /// Last record whose processing is committed.
    pub checkpoint: Option<SequenceNumber>,
    /// Position after the furthest record received.
    pub high_water: u64,
    /// Position `read_to` corresponds to (+1).
    pub read_pos: u64,
    /// Position `checkpoint` corresponds to (+1).
    pub checkpoint_pos: u64,
    /// Closed and read to the end.
    pub finished: bool,
    /// Where to start without a checkpoint.
    pub start: StartPosition,
    /// `MillisBehindLatest` of the last read, ms.
    pub millis_behind: u64,
    /// Records of this shard that expired before this reader got them.
    pub lost: u64,
    /// Where they were, oldest first (at most [`MAX_LOSS_RANGES`]).
    pub lost_ranges: Vec<LossRange>,
    /// Arrival of the record at `high_water − 1` (or the bound a loss left there): every record
    /// from `high_water` on arrived at or after it.
    pub high_water_arrival: SimTime,
    iterator: Option<String>,
}

impl ShardReader {
    /// A reader of `shard` for a consumer starting now. A `LATEST` start skips what is already
    /// stored (counted in `tally.skipped`).
    pub fn new(engine: &Engine, stream: &str, shard: ShardId, start: StartPosition, tally: &mut Tally) -> Self {
        let sh = engine.stream(stream).and_then(|s| s.shard(shard));
        let (high_water, high_water_arrival) = match start {
            StartPosition::TrimHorizon => (0, sh.map_or(engine.now(), |sh| sh.created)),
            StartPosition::Latest => {
                let end = store_bounds(engine, stream, shard).map_or(0, |(_, e)| e);
                tally.skipped += end;
                (end, sh.and_then(|sh| sh.records.back()).map_or(engine.now(), |r| r.arrival))
            }
        };
        Self {
            shard,
            read_to: None,
            checkpoint: None,
            high_water,
            read_pos: high_water,
            checkpoint_pos: high_water,
            finished: false,
            start,
            millis_behind: 0,
            lost: 0,
            lost_ranges: Vec::new(),
            high_water_arrival,
            iterator: None,
        }
    }

    /// Commits the read position as the checkpoint (the application finished the records);
    /// returns how many records the checkpoint moved over.
    pub fn commit(&mut self) -> u64 {
        let moved = self.read_pos.saturating_sub(self.checkpoint_pos);
        self.checkpoint = self.read_to;
        self.checkpoint_pos = self.read_pos;
        moved
    }

    /// Forgets uncommitted progress: the next read resumes from the checkpoint, as a KCL worker
    /// that takes over a lease does.
    pub fn rewind(&mut self) {
        self.read_to = self.checkpoint;
        self.read_pos = self.checkpoint_pos;
        self.iterator = None;
        self.finished = false;
    }

    /// Records stored in the shard and not yet received, and how many of them already expired.
    pub fn unread(&self, engine: &Engine, stream: &str) -> (u64, u64) {
        let Some((first, end)) = store_bounds(engine, stream, self.shard) else {
            return (0, 0);
        };
        let unread = end.saturating_sub(self.high_water);
        let expired = first.saturating_sub(self.high_water).min(unread);
        (unread, expired)
    }

    /// Age of the oldest record this reader has not been handed yet (the one at its read
    /// position, or the oldest still stored after it), ms; `None` when it has everything stored.
    /// It is what `MillisBehindLatest` would say if the reader called GetRecords now, and it
    /// keeps growing while nobody calls.
    pub fn unread_age(&self, engine: &Engine, stream: &str) -> Option<u64> {
        let store = &engine.stream(stream)?.shard(self.shard)?.records;
        let next = self.read_pos.max(store.first_index());
        let offset = usize::try_from(next.checked_sub(store.first_index())?).ok()?;
        (next < store.end_index()).then(|| store.get(offset)).flatten().map(|r| engine.now().since(r.arrival))
    }

    fn iterator(&mut self, engine: &mut Engine, stream: &str, tally: &mut Tally) -> Result<String, ReadOutcome> {
        if let Some(it) = self.iterator.take() {
            return Ok(it);
        }
        let (kind, seq) = match (self.read_to, self.start) {
            (Some(seq), _) => (ShardIteratorType::AfterSequenceNumber, Some(seq.to_string())),
            (None, StartPosition::Latest) => (ShardIteratorType::Latest, None),
            (None, StartPosition::TrimHorizon) => (ShardIteratorType::TrimHorizon, None),
        };
        tally.calls += 1;
        let input = GetShardIteratorInput {
            stream_name: stream.to_string(),
            shard_id: self.shard.to_string(),
            shard_iterator_type: kind,
            starting_sequence_number: seq,
            timestamp: None,
        };
        match engine.get_shard_iterator(input) {
            Ok(out) => Ok(out.shard_iterator),
            Err(e) if e.error_type == ErrorType::ProvisionedThroughputExceededException => {
                tally.throttled += 1;
                Err(ReadOutcome::Throttled)
            }
            Err(_) => Err(ReadOutcome::Gone),
        }
    }

    /// One `GetRecords` call (getting an iterator first if needed), with accounting.
    pub fn read(&mut self, engine: &mut Engine, stream: &str, limit: u32, tally: &mut Tally) -> ReadOutcome {
        if self.finished {
            return ReadOutcome::Records { records: Vec::new(), millis_behind: 0, at_end: true };
        }
        let mut retried = false;
        loop {
            let it = match self.iterator(engine, stream, tally) {
                Ok(it) => it,
                Err(outcome) => return outcome,
            };
            tally.calls += 1;
            let out = engine.get_records(GetRecordsInput { shard_iterator: it.clone(), limit: Some(i64::from(limit)) });
            let out = match out {
                Ok(out) => out,
                Err(e) if e.error_type == ErrorType::ProvisionedThroughputExceededException => {
                    tally.throttled += 1;
                    self.iterator = Some(it);
                    return ReadOutcome::Throttled;
                }
                Err(e) if e.error_type == ErrorType::ExpiredIteratorException && !retried => {
                    retried = true;
                    continue;
                }
                Err(_) => return ReadOutcome::Gone,
            };
            let records = self.receive(engine, stream, out.records, engine.now(), tally);
            let at_end = out.next_shard_iterator.is_none();
            self.iterator = out.next_shard_iterator;
            self.finished = at_end;
            self.millis_behind = out.millis_behind_latest;
            return ReadOutcome::Records { records, millis_behind: out.millis_behind_latest, at_end };
        }
    }

    /// Books records received from the shard at `delivered_at` (a GetRecords page or a
    /// SubscribeToShard event), in order: lost records below them, fresh deliveries and
    /// duplicates; moves the read position after the last one.
    pub fn receive(
        &mut self,
        engine: &Engine,
        stream: &str,
        page: Vec<RecordShape>,
        delivered_at: SimTime,
        tally: &mut Tally,
    ) -> Vec<(u64, bool, RecordShape)> {
        let store = engine.stream(stream).and_then(|s| s.shard(self.shard)).map(|sh| &sh.records);
        let first = store.map_or(0, |st| st.first_index());
        let base = match (page.first(), store) {
            (Some(r), Some(st)) => first + st.position_of_seq_ix(r.sequence_number.seq_ix) as u64,
            (Some(_), None) => first,
            (None, _) => self.read_pos.max(first),
        };
        // Records between our position and the first one returned have expired unread.
        if base > self.high_water {
            let n = base - self.high_water;
            tally.lost += n;
            self.lost += n;
            // They arrived no later than the record now at `base` (the first returned, or the
            // oldest retained); with nothing there, no later than now.
            let after_them = match page.first() {
                Some(r) => Some(r.approximate_arrival_timestamp),
                None => store.and_then(|st| st.get(base.checked_sub(first)? as usize)).map(|r| r.arrival),
            };
            let arrived_before = after_them.unwrap_or(delivered_at).max(self.high_water_arrival);
            push_loss(
                &mut self.lost_ranges,
                LossRange {
                    from: self.high_water,
                    to: base,
                    lost: n,
                    arrived_after: self.high_water_arrival,
                    arrived_before,
                    noticed: delivered_at,
                    last_noticed: delivered_at,
                },
            );
            self.high_water = base;
            self.high_water_arrival = arrived_before;
        }
        let mut records = Vec::with_capacity(page.len());
        for (i, r) in page.into_iter().enumerate() {
            let pos = base + i as u64;
            let fresh = pos >= self.high_water;
            if fresh {
                tally.delivered += 1;
                tally.delivered_bytes += (r.data.len() + r.partition_key.len()) as u64;
                tally.latency_ms_total += delivered_at.since(r.approximate_arrival_timestamp);
                self.high_water = pos + 1;
                self.high_water_arrival = r.approximate_arrival_timestamp;
            } else {
                tally.duplicates += 1;
            }
            records.push((pos, fresh, r));
        }
        if let Some((pos, _, last)) = records.last() {
            self.read_to = Some(last.sequence_number);
            self.read_pos = pos + 1;
        } else {
            self.read_pos = base;
        }
        records
    }
}

/// `(first_index, end_index)` of a shard's store.
pub fn store_bounds(engine: &Engine, stream: &str, shard: ShardId) -> Option<(u64, u64)> {
    let sh = engine.stream(stream)?.shard(shard)?;
    Some((sh.records.first_index(), sh.records.end_index()))
}

/// Readers for the stream's shards that `known` does not cover yet (expired, emptied shards are
/// skipped). Shards that exist at a consumer's first sync use its `start`; shards born later
/// (children) are read from their beginning, as the KCL and Lambda do.
pub fn new_readers(
    engine: &Engine,
    stream: &str,
    known: impl Fn(ShardId) -> bool,
    first_sync: bool,
    start: StartPosition,
    tally: &mut Tally,
) -> Vec<ShardReader> {
    let Some(s) = engine.stream(stream) else {
        return Vec::new();
    };
    let start = if first_sync { start } else { StartPosition::TrimHorizon };
    s.shards
        .iter()
        .filter(|sh| !(known(sh.id) || sh.state() == ShardState::Expired && sh.records.is_empty()))
        .map(|sh| ShardReader::new(engine, stream, sh.id, start, tally))
        .collect()
}

/// Adds to `known` a reader (wrapped by `make`) for each shard of the stream it does not cover
/// yet; see [`new_readers`]. The first sync (an empty map) uses `start`.
pub fn add_new_readers<T>(
    engine: &Engine,
    stream: &str,
    known: &mut std::collections::BTreeMap<ShardId, T>,
    start: StartPosition,
    tally: &mut Tally,
    mut make: impl FnMut(ShardReader) -> T,
) {
    let fresh = new_readers(engine, stream, |id| known.contains_key(&id), known.is_empty(), start, tally);
    for reader in fresh {
        known.insert(reader.shard, make(reader));
    }
}

/// True when every parent of shard `id` is done by `done(parent)` (a parent the consumer never
/// knew counts as done): the KCL's and Lambda's parent-first rule.
pub fn parents_done(s: &crate::engine::state::stream::Stream, id: ShardId, done: impl Fn(ShardId) -> bool) -> bool {
    let Some(sh) = s.shard(id) else {
        return true;
    };
    [sh.parent, sh.adjacent_parent].into_iter().flatten().all(done)
}

/// `(unread, of which expired)` over every shard of the stream, for a consumer whose reader of a
/// shard is `reader(shard)`; a shard it has no reader for is wholly unread.
pub fn unread_in_stream<'a>(
    engine: &Engine,
    stream: &str,
    reader: impl Fn(ShardId) -> Option<&'a ShardReader>,
) -> (u64, u64) {
    let mut total = (0, 0);
    if let Some(s) = engine.stream(stream) {
        for sh in &s.shards {
            let (u, e) = match reader(sh.id) {
                Some(r) => r.unread(engine, stream),
                None => (sh.records.end_index(), sh.records.first_index()),
            };
            total.0 += u;
            total.1 += e;
        }
    }
    total
}

/// Checks that records of one partition key arrive in the order the stream accepted them.
///
/// Accepted order per key is `(arrival, seqIx)`: one key maps to one open shard at a time, a
/// child shard only accepts writes after its parent closed, and within a shard sequence numbers
/// follow acceptance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderAudit {
    /// Per key, the latest record (in accepted order) delivered so far.
    last: std::collections::BTreeMap<String, Seen>,
    /// The last [`MAX_OUT_OF_ORDER`] records delivered out of their key's order, oldest first.
    pub out_of_order: std::collections::VecDeque<OutOfOrder>,
}

/// The latest delivered record of a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seen {
    arrival: SimTime,
    sequence_number: SequenceNumber,
    shard: ShardId,
}

impl Seen {
    /// The stream's acceptance order.
    fn order(&self) -> (SimTime, u64) {
        (self.arrival, self.sequence_number.seq_ix)
    }
}

/// A record delivered after a record of the same key that the stream accepted later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutOfOrder {
    /// Its partition key.
    pub partition_key: String,
    /// Its sequence number.
    pub sequence_number: SequenceNumber,
    /// Its shard.
    pub shard: ShardId,
    /// Its arrival (ApproximateArrivalTimestamp).
    pub arrival: SimTime,
    /// The sequence number of the key's record delivered before it though accepted after it.
    pub after: SequenceNumber,
    /// That record's shard.
    pub after_shard: ShardId,
    /// That record's arrival.
    pub after_arrival: SimTime,
    /// When it was delivered.
    pub delivered_at: SimTime,
}

/// Most keys one audit tracks (keys beyond it are not checked, to keep memory bounded).
pub const AUDIT_MAX_KEYS: usize = 100_000;

/// Offending records an audit keeps (the last ones).
pub const MAX_OUT_OF_ORDER: usize = 20;

impl OrderAudit {
    /// Records the delivery of `r`, read from `shard` at `delivered_at`; returns false when it
    /// breaks the key's order (and keeps it in [`OrderAudit::out_of_order`]).
    pub fn observe(&mut self, shard: ShardId, r: &RecordShape, delivered_at: SimTime) -> bool {
        let seen = Seen { arrival: r.approximate_arrival_timestamp, sequence_number: r.sequence_number, shard };
        match self.last.get_mut(&r.partition_key) {
            Some(prev) if seen.order() > prev.order() => {
                *prev = seen;
                true
            }
            Some(prev) => {
                if self.out_of_order.len() >= MAX_OUT_OF_ORDER {
                    self.out_of_order.pop_front();
                }
                self.out_of_order.push_back(OutOfOrder {
                    partition_key: r.partition_key.clone(),
                    sequence_number: r.sequence_number,
                    shard,
                    arrival: seen.arrival,
                    after: prev.sequence_number,
                    after_shard: prev.shard,
                    after_arrival: prev.arrival,
                    delivered_at,
                });
                false
            }
            None => {
                if self.last.len() < AUDIT_MAX_KEYS {
                    self.last.insert(r.partition_key.clone(), seen);
                }
                true
            }
        }
    }
}
