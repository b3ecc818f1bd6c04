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
//! Simplifications: lease taking is instant and perfectly even; a worker processes its leases'
//! batches in parallel; a catching-up lease polls again 200 ms after a full batch instead of
//! waiting the whole interval.

use super::app::{AppCore, PerShard};
use super::reader::{parents_done, ReadOutcome, ShardReader, StartPosition};
use super::rng::SimRng;
use crate::engine::state::shard::ShardId;
use crate::engine::time::SimTime;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};

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

/// One shard lease.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lease {
    /// Position and accounting.
    pub reader: ShardReader,
    /// Owning worker, if any live worker holds it.
    pub owner: Option<u32>,
    /// Processing of the last batch ends here.
    pub busy_until: SimTime,
    /// A lease whose worker died can be taken over from this time on (failover).
    pub orphaned_until: SimTime,
    /// A poll is scheduled.
    pub(crate) scheduled: bool,
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
    /// Start phase and backoff jitter.
    rng: SimRng,
}

impl PollingApp {
    /// A new application.
    pub fn new(spec: PollingSpec, now: SimTime, seed: u64, index: u64) -> Self {
        let rng = SimRng::fork(seed, &format!("consumer/{index}/polling"));
        let workers = vec![true; spec.workers.clamp(1, 100) as usize];
        Self { spec, core: AppCore::default(), workers, started: now, rng }
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
        self.core.add_new_shards(engine, stream, self.spec.start, |reader| Lease {
            reader,
            owner: None,
            busy_until: SimTime(0),
            orphaned_until: SimTime(0),
            scheduled: false,
        });
        self.assign(engine.now());
        let ready: Vec<ShardId> = self
            .core
            .shards
            .iter()
            .filter(|(id, l)| !l.scheduled && l.owner.is_some() && !l.reader.finished && self.parents_done(s, **id))
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

    /// Spreads unfinished leases round-robin over live workers; a dead worker's leases wait
    /// for the failover time first.
    fn assign(&mut self, now: SimTime) {
        let live: Vec<u32> = (0..self.workers.len() as u32).filter(|w| self.workers[*w as usize]).collect();
        for (i, lease) in self.core.shards.values_mut().filter(|l| !l.reader.finished).enumerate() {
            lease.owner = if now < lease.orphaned_until { None } else { live.get(i % live.len().max(1)).copied() };
        }
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
            let held = lease.owner.is_some_and(|w| self.workers.get(w as usize) == Some(&true));
            let now = if held { behind } else { behind.max(lease.reader.unread_age(engine, stream).unwrap_or(0)) };
            lag = lag.max(now);
        }
        (lag, unread_leases && !self.workers.iter().any(|a| *a))
    }

    /// Kills worker `w`: the batches it was processing are lost (their leases rewind to the
    /// checkpoint) and its leases wait for failover.
    pub fn kill_worker(&mut self, w: u32, now: SimTime) {
        let Some(alive) = self.workers.get_mut(w as usize) else {
            return;
        };
        *alive = false;
        for lease in self.core.shards.values_mut().filter(|l| l.owner == Some(w)) {
            if now < lease.busy_until {
                lease.reader.rewind();
                lease.busy_until = now;
            } else {
                self.core.processed += lease.reader.commit();
            }
            lease.owner = None;
            lease.orphaned_until = now.plus(self.spec.failover_ms);
        }
    }

    /// Adds a worker (or restarts a dead one); leases rebalance on the next sync.
    pub fn add_worker(&mut self) {
        if let Some(dead) = self.workers.iter_mut().find(|a| !**a) {
            *dead = true;
        } else if self.workers.len() < 100 {
            self.workers.push(true);
        }
    }

    /// Removes the last live worker gracefully (it checkpoints first).
    pub fn remove_worker(&mut self, now: SimTime) {
        if let Some(w) = self.workers.iter().rposition(|a| *a) {
            if self.workers.iter().filter(|a| **a).count() > 1 {
                for lease in self.core.shards.values_mut().filter(|l| l.owner == Some(w as u32)) {
                    if now >= lease.busy_until {
                        self.core.processed += lease.reader.commit();
                    }
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
        lease.owner?;
        if now < lease.busy_until {
            lease.scheduled = true;
            return Some(lease.busy_until);
        }
        // The previous batch is done: checkpoint it.
        self.core.processed += lease.reader.commit();
        let limit = self.spec.limit.clamp(1, 10_000);
        let next = match lease.reader.read(engine, stream, limit, &mut self.core.tally) {
            ReadOutcome::Records { records, millis_behind, at_end } => {
                let n = records.len() as u64;
                for (_, fresh, r) in &records {
                    if *fresh && !self.core.audit.observe(shard, r, now) {
                        self.core.tally.order_violations += 1;
                    }
                    if let (true, Some(s)) = (*fresh, &mut self.core.sink) {
                        s.fold(r);
                    }
                }
                lease.busy_until = now.plus(n * self.spec.handler_us_per_record / 1_000);
                if at_end {
                    self.core.processed += lease.reader.commit();
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
