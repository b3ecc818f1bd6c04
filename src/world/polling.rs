//! A shared-throughput polling consumer application, modelled on the Kinesis Client Library.
//!
//! What it models (AWS developer guide, "Develop consumers with KCL" and "Use the shared
//! throughput model"):
//! - The application has **workers**; each shard is a **lease** owned by one worker. Leases are
//!   spread evenly over the live workers and **rebalance** when workers are added or removed.
//! - For each lease the owner calls `GetRecords` in a loop, waiting the **poll interval** between
//!   calls (KCL's `idleTimeBetweenReadsInMillis`, default 1 s), asking for at most `limit`
//!   records. All polling applications of a stream share each shard's **5 calls/s and 2 MiB/s**,
//!   because they all go through the engine's per-shard read limits; a throttled call waits for
//!   the next interval.
//! - The worker **checkpoints** after processing a batch (`handler_us_per_record` per record).
//!   A **killed worker** loses the batch it was processing; after the lease failover time (KCL
//!   `failoverTimeMillis`, default 10 s) another worker takes the lease and resumes from the
//!   checkpoint, so that batch is read again (at-least-once delivery: duplicates are counted).
//! - A child shard is read only after its parents have been read to their end (KCL's
//!   `ShardSyncer`/lease dependencies), which keeps each key in order across a reshard. The
//!   `parent_first = false` switch turns that off to show what goes wrong.
//!
//! - **Leases move as in KCL 2.x** (see `lease.rs`, with its AWS sources): each live worker
//!   renews the leases it holds (`leaseCounter` + 1) every `failoverTimeMillis / 3 − 25` ms and
//!   runs the lease taker every `(failoverTimeMillis + 25) × 2` ms. The taker takes expired or
//!   unowned leases first and otherwise steals one lease from the most loaded worker, so a new
//!   worker gets its share gradually, one lease per taker run. A killed worker stops renewing:
//!   its leases still name it as `leaseOwner` until the failover time has passed since their
//!   last renewal and another worker's taker takes them. A stolen lease's batch in progress is
//!   lost too (the thief resumes from the checkpoint).
//!
//! Simplifications: renewals and taker runs happen on the world's one-second tick (at the first
//! tick at or after they are due); when the shard sync finds new (child) shards, every live
//! worker's taker runs at that tick instead of waiting for its next scheduled run; a worker processes its leases' batches in parallel; a
//! catching-up lease polls again 200 ms after a full batch instead of waiting the whole
//! interval; the worker that loses a stolen lease stops at once (KCL notices at its next
//! renewal, and its checkpoint fails).

use super::app::{AppCore, PerShard};
use super::lease::{leases_to_take, renewer_interval_ms, taker_interval_ms, Checkpoint, Take, TakerRow};
use super::reader::{parents_done, ReadOutcome, ShardReader, StartPosition};
use super::rng::SimRng;
use crate::engine::state::shard::ShardId;
use crate::engine::time::SimTime;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Gap before the next poll when the last one returned a full page (ms).
pub const CATCH_UP_POLL_MS: u64 = 200;

/// Settings of a polling application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PollingSpec {
    /// Application name.
    pub name: String,
    /// Worker count (1..=100).
    pub workers: u32,
    /// Wait between GetRecords calls of one lease, ms.
    pub poll_interval_ms: u64,
    /// GetRecords `Limit` (1..=10000).
    pub limit: u32,
    /// Processing time per record, microseconds.
    pub handler_us_per_record: u64,
    /// Where a shard without checkpoint starts.
    pub start: StartPosition,
    /// Read parents to their end before children.
    pub parent_first: bool,
    /// Lease failover time, ms.
    pub failover_ms: u64,
}

impl Default for PollingSpec {
    fn default() -> Self {
        Self {
            name: "kcl-app".into(),
            workers: 1,
            poll_interval_ms: 1_000,
            limit: 10_000,
            handler_us_per_record: 0,
            start: StartPosition::TrimHorizon,
            parent_first: true,
            failover_ms: 10_000,
        }
    }
}

/// How many re-read records (and lease moves) the application remembers for the view.
pub const RECENT_MAX: usize = 6;

/// One shard lease: a row of the KCL lease table plus the worker's reading state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lease {
    /// Position and accounting (its checkpoint is the `checkpoint` column).
    pub reader: ShardReader,
    /// `leaseOwner`: the worker the table names (a dead worker stays named until its lease is
    /// taken).
    pub owner: Option<u32>,
    /// The owner is alive and holds the lease (renews it, reads the shard).
    pub held: bool,
    /// `leaseCounter`: +1 at every renewal, take and checkpoint.
    pub counter: u64,
    /// `ownerSwitchesSinceCheckpoint`.
    pub owner_switches: u64,
    /// When `leaseCounter` last moved.
    pub renewed_at: SimTime,
    /// When `leaseOwner` last changed.
    pub taken_at: SimTime,
    /// Processing of the last batch ends here.
    pub busy_until: SimTime,
    /// A poll is scheduled.
    pub(crate) scheduled: bool,
}

impl Lease {
    /// The `checkpoint` column.
    pub fn checkpoint(&self) -> Checkpoint {
        match (self.reader.finished, self.reader.checkpoint, self.reader.start) {
            (true, _, _) => Checkpoint::ShardEnd,
            (false, Some(seq), _) => Checkpoint::Sequence(seq),
            (false, None, StartPosition::TrimHorizon) => Checkpoint::TrimHorizon,
            (false, None, StartPosition::Latest) => Checkpoint::Latest,
        }
    }

    /// When the lease expires if its counter does not move again (ms): last renewal + failover.
    pub fn expires_at(&self, failover_ms: u64) -> SimTime {
        self.renewed_at.plus(failover_ms)
    }

    /// Unowned, or not renewed for the failover time.
    pub fn expired(&self, now: SimTime, failover_ms: u64) -> bool {
        self.owner.is_none() || now > self.expires_at(failover_ms)
    }
}

impl PerShard for Lease {
    fn reader(&self) -> &ShardReader {
        &self.reader
    }
}

/// A running polling application.
#[derive(Clone, Debug)]
pub struct PollingApp {
    /// Settings.
    pub spec: PollingSpec,
    /// Leases by shard, totals, order check, sink.
    pub core: AppCore<Lease>,
    /// Worker liveness, by worker number.
    pub workers: Vec<bool>,
    /// When it started.
    pub started: SimTime,
    /// Per worker: when its next renewal and its next taker run are due.
    pub clocks: Vec<WorkerClock>,
    /// The last lease moves, oldest first (at most [`RECENT_MAX`]).
    pub moves: VecDeque<LeaseMove>,
    /// Lease moves so far.
    pub move_count: u64,
    /// The last records read a second time, oldest first (at most [`RECENT_MAX`]).
    pub rereads: VecDeque<Reread>,
    /// Start phase and backoff jitter.
    rng: SimRng,
}

/// When a worker's lease coordinator runs next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkerClock {
    /// Next renewal of the leases it holds.
    pub next_renew: SimTime,
    /// Next run of its lease taker.
    pub next_take: SimTime,
}

/// A lease that changed owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaseMove {
    /// When.
    pub at: SimTime,
    /// The lease.
    pub shard: ShardId,
    /// Previous `leaseOwner`.
    pub from: Option<u32>,
    /// New `leaseOwner`.
    pub to: u32,
    /// Stolen from a live worker (otherwise taken because expired or unowned).
    pub stolen: bool,
}

/// A record delivered a second time (after a failover or a steal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reread {
    /// When it was read again.
    pub at: SimTime,
    /// Its shard.
    pub shard: ShardId,
    /// Its sequence number.
    pub sequence_number: crate::engine::state::sequence::SequenceNumber,
    /// The worker that read it again.
    pub worker: u32,
}

impl PollingApp {
    /// A new application.
    pub fn new(spec: PollingSpec, now: SimTime, seed: u64, index: u64) -> Self {
        let rng = SimRng::fork(seed, &format!("consumer/{index}/polling"));
        let n = spec.workers.clamp(1, 100) as usize;
        let workers = vec![true; n];
        let clock = WorkerClock { next_renew: now.plus(renewer_interval_ms(spec.failover_ms)), next_take: now };
        Self {
            spec,
            core: AppCore::default(),
            workers,
            started: now,
            clocks: vec![clock; n],
            moves: VecDeque::new(),
            move_count: 0,
            rereads: VecDeque::new(),
            rng,
        }
    }

    /// The failover time used, ms (at least 1).
    pub fn failover_ms(&self) -> u64 {
        self.spec.failover_ms.max(1)
    }

    /// Is worker `w` alive?
    fn alive(&self, w: u32) -> bool {
        self.workers.get(w as usize) == Some(&true)
    }

    /// Leases held per worker (the shards still being read), by worker number.
    pub fn held_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.workers.len()];
        for l in self.core.shards.values().filter(|l| l.held && !l.reader.finished) {
            if let Some(c) = l.owner.and_then(|w| counts.get_mut(w as usize)) {
                *c += 1;
            }
        }
        counts
    }

    /// Runs the lease coordinators due at `now`: every live worker's renewer first, then every
    /// live worker's taker, in worker order.
    fn coordinate(&mut self, now: SimTime) {
        let failover = self.failover_ms();
        for w in 0..self.workers.len() {
            if !self.workers[w] || now < self.clocks[w].next_renew {
                continue;
            }
            self.clocks[w].next_renew = now.plus(renewer_interval_ms(failover));
            for l in self.core.shards.values_mut().filter(|l| l.held && l.owner == Some(w as u32)) {
                l.counter += 1;
                l.renewed_at = now;
            }
        }
        for w in 0..self.workers.len() {
            if !self.workers[w] || now < self.clocks[w].next_take {
                continue;
            }
            self.clocks[w].next_take = now.plus(taker_interval_ms(failover));
            let rows: Vec<TakerRow> = self
                .core
                .shards
                .iter()
                .filter(|(_, l)| !l.reader.finished)
                .map(|(id, l)| TakerRow { shard: *id, owner: l.owner, expired: l.expired(now, failover) })
                .collect();
            for take in leases_to_take(w as u32, &rows) {
                let (shard, stolen) = match take {
                    Take::Expired(s) => (s, false),
                    Take::Steal { shard, .. } => (shard, true),
                };
                self.transfer(shard, w as u32, stolen, now);
            }
        }
    }

    /// Worker `to` takes the lease of `shard`: a batch its previous holder was still
    /// processing is lost (the new owner resumes from the checkpoint), a finished one was
    /// checkpointed.
    fn transfer(&mut self, shard: ShardId, to: u32, stolen: bool, now: SimTime) {
        let Some(l) = self.core.shards.get_mut(&shard) else {
            return;
        };
        if l.held {
            if now < l.busy_until {
                l.reader.rewind();
                l.busy_until = now;
            } else {
                self.core.processed += l.reader.commit();
            }
        }
        let from = l.owner;
        l.owner = Some(to);
        l.held = true;
        l.counter += 1;
        l.owner_switches += 1;
        l.renewed_at = now;
        l.taken_at = now;
        self.move_count += 1;
        push_recent(&mut self.moves, LeaseMove { at: now, shard, from, to, stolen });
    }

    /// A random delay before a lease's first poll (applications start at different moments).
    pub(crate) fn start_phase(&mut self) -> u64 {
        self.rng.below(self.spec.poll_interval_ms.max(1))
    }

    /// Creates leases for shards it does not know yet; returns the shards that need a poll.
    pub(crate) fn sync_leases(&mut self, engine: &Engine, stream: &str) -> Vec<ShardId> {
        let Some(s) = engine.stream(stream) else {
            return Vec::new();
        };
        let now = engine.now();
        let known = self.core.shards.len();
        self.core.add_new_shards(engine, stream, self.spec.start, |reader| Lease {
            reader,
            owner: None,
            held: false,
            counter: 0,
            owner_switches: 0,
            renewed_at: now,
            taken_at: now,
            busy_until: SimTime(0),
            scheduled: false,
        });
        if known > 0 && self.core.shards.len() > known {
            // New (child) shards: every live worker's taker runs now rather than at its next
            // scheduled run (see the module doc).
            for c in &mut self.clocks {
                c.next_take = c.next_take.min(now);
            }
        }
        self.coordinate(now);
        let ready: Vec<ShardId> = self
            .core
            .shards
            .iter()
            .filter(|(id, l)| !l.scheduled && l.held && !l.reader.finished && self.parents_done(s, **id))
            .map(|(id, _)| *id)
            .collect();
        for id in &ready {
            if let Some(l) = self.core.shards.get_mut(id) {
                l.scheduled = true;
            }
        }
        ready
    }

    fn parents_done(&self, s: &crate::engine::state::stream::Stream, id: ShardId) -> bool {
        !self.spec.parent_first || parents_done(s, id, |p| self.core.shards.get(&p).is_none_or(|l| l.reader.finished))
    }

    /// Its lag now, ms, and whether it has shards to read and no live worker. A lease a live
    /// worker holds shows the `MillisBehindLatest` of its last GetRecords; a lease nobody holds
    /// (its worker died, failover pending or no live worker at all) makes no calls, so it shows
    /// the age of its oldest unread record, which grows as long as nobody reads.
    pub fn lag_now(&self, engine: &Engine, stream: &str) -> (u64, bool) {
        let mut lag = 0;
        let mut unread_leases = false;
        for lease in self.core.shards.values().filter(|l| !l.reader.finished) {
            unread_leases = true;
            let behind = lease.reader.millis_behind;
            let held = lease.held && lease.owner.is_some_and(|w| self.alive(w));
            let now = if held { behind } else { behind.max(lease.reader.unread_age(engine, stream).unwrap_or(0)) };
            lag = lag.max(now);
        }
        (lag, unread_leases && !self.workers.iter().any(|a| *a))
    }

    /// Kills worker `w`: the batches it was processing are lost (their leases rewind to the
    /// checkpoint); its leases stop being renewed and still name it until another worker's
    /// taker finds them expired.
    pub fn kill_worker(&mut self, w: u32, now: SimTime) {
        let Some(alive) = self.workers.get_mut(w as usize) else {
            return;
        };
        *alive = false;
        for lease in self.core.shards.values_mut().filter(|l| l.held && l.owner == Some(w)) {
            if now < lease.busy_until {
                lease.reader.rewind();
                lease.busy_until = now;
            } else {
                self.core.processed += lease.reader.commit();
            }
            lease.held = false;
        }
    }

    /// Adds a worker (or restarts a dead one, which holds no lease until its taker runs); its
    /// renewer and taker first run at the next tick.
    pub fn add_worker(&mut self) {
        let clock = WorkerClock { next_renew: SimTime(0), next_take: SimTime(0) };
        if let Some(dead) = self.workers.iter().position(|a| !*a) {
            self.workers[dead] = true;
            self.clocks[dead] = clock;
        } else if self.workers.len() < 100 {
            self.workers.push(true);
            self.clocks.push(clock);
        }
    }

    /// Removes the last live worker gracefully (it checkpoints first).
    pub fn remove_worker(&mut self, now: SimTime) {
        if let Some(w) = self.workers.iter().rposition(|a| *a) {
            if self.workers.iter().filter(|a| **a).count() > 1 {
                for lease in self.core.shards.values_mut().filter(|l| l.held && l.owner == Some(w as u32)) {
                    if now >= lease.busy_until {
                        self.core.processed += lease.reader.commit();
                    } else {
                        lease.reader.rewind();
                        lease.busy_until = now;
                    }
                    lease.held = false;
                }
                self.workers[w] = false;
            }
        }
    }

    /// Polls one lease; returns when to poll it again (`None`: not now).
    pub(crate) fn poll(&mut self, engine: &mut Engine, stream: &str, shard: ShardId) -> Option<SimTime> {
        let now = engine.now();
        let interval = self.spec.poll_interval_ms.max(1);
        let lease = self.core.shards.get_mut(&shard)?;
        lease.scheduled = false;
        let worker = lease.owner?;
        if !lease.held {
            return None;
        }
        if now < lease.busy_until {
            lease.scheduled = true;
            return Some(lease.busy_until);
        }
        // The previous batch is done: checkpoint it.
        checkpoint(lease, &mut self.core.processed);
        let limit = self.spec.limit.clamp(1, 10_000);
        let next = match lease.reader.read(engine, stream, limit, &mut self.core.tally) {
            ReadOutcome::Records { records, millis_behind, at_end } => {
                let n = records.len() as u64;
                for (_, fresh, r) in &records {
                    if !*fresh {
                        let reread = Reread { at: now, shard, sequence_number: r.sequence_number, worker };
                        push_recent(&mut self.rereads, reread);
                    }
                    if *fresh && !self.core.audit.observe(shard, r, now) {
                        self.core.tally.order_violations += 1;
                    }
                    if let (true, Some(s)) = (*fresh, &mut self.core.sink) {
                        s.fold(r);
                    }
                }
                lease.busy_until = now.plus(n * self.spec.handler_us_per_record / 1_000);
                if at_end {
                    checkpoint(lease, &mut self.core.processed);
                    return None;
                }
                let gap = if n >= u64::from(limit) && millis_behind > 0 { CATCH_UP_POLL_MS } else { interval };
                lease.busy_until.max(now.plus(gap))
            }
            // Back off a full interval plus jitter, so competing applications drift apart.
            ReadOutcome::Throttled => now.plus(interval + self.rng.below(interval / 4 + 1)),
            ReadOutcome::Gone => return None,
        };
        lease.scheduled = true;
        Some(next)
    }
}

/// Checkpoints a lease's processed records: the `checkpoint` column moves, `leaseCounter` goes
/// up and `ownerSwitchesSinceCheckpoint` goes back to 0 (when there was anything to commit).
fn checkpoint(lease: &mut Lease, processed: &mut u64) {
    let moved = lease.reader.commit();
    *processed += moved;
    if moved > 0 || (lease.reader.finished && lease.owner_switches > 0) {
        lease.counter += 1;
        lease.owner_switches = 0;
    }
}

/// Appends to a short list, dropping the oldest beyond [`RECENT_MAX`].
fn push_recent<T>(list: &mut VecDeque<T>, item: T) {
    if list.len() == RECENT_MAX {
        list.pop_front();
    }
    list.push_back(item);
}
