//! An AWS Lambda function reading the stream through an event source mapping, as in the course's
//! `lambda.py` example ("count how often an action occurs").
//!
//! What it models (AWS Lambda developer guide, "Using AWS Lambda with Amazon Kinesis"):
//! - The event source mapping polls each shard with `GetRecords` once per second (its base rate
//!   for shared-throughput reads), and five times a second while it is behind the shard's tip
//!   ("Lambda keeps processing batches until the function catches up"). It invokes the function
//!   with a batch when it holds **BatchSize** records (default 100, max 10,000) or when the
//!   **batching window** (`MaximumBatchingWindowInSeconds`, 0..=300) has passed since the first
//!   buffered record.
//! - **ParallelizationFactor** (1..=10) lets up to that many batches of one shard run at once;
//!   records of one partition key always go to the same one, so per-key order is kept.
//! - **StartingPosition** is `TRIM_HORIZON` or `LATEST`.
//! - A failed batch is retried; with **BisectBatchOnFunctionError** it is split in two and each
//!   half retried, which isolates a bad record. After **MaximumRetryAttempts** a batch is sent
//!   to the on-failure destination (counted as `discarded`) and the shard moves on.
//! - The handler takes `handler_overhead_ms + handler_us_per_record · n` per invocation and
//!   counts records by a field of their JSON (`action`, `user`, `product`, …).
//!
//! Simplifications: a failed invocation has no side effects (its counts are not applied), so the
//! counts stay exact; a "poison" record fails every time, chosen by the seed; transient failures
//! are drawn per invocation from the consumer's own random stream.

use super::app::{AppCore, PerShard};
use super::reader::{parents_done, ReadOutcome, ShardReader, StartPosition};
use super::rng::{mix, SimRng};
use super::sink::eval_fields;
use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::shard::ShardId;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::wire::shapes::RecordShape;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};

/// The mapping polls each shard once per second (Lambda developer guide).
pub const LAMBDA_POLL_MS: u64 = SECOND_MS;

/// Gap before the next poll while the mapping is behind the shard's tip, ms: "When more records
/// are available, Lambda keeps processing batches until the function catches up with the
/// stream" (Lambda developer guide, "Polling and batching streams",
/// <https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html>). Five polls a second is a
/// shard's `GetRecords` limit (5 transactions per second), shared with the shard's other
/// readers; the function's own pace then bounds how fast it catches up. The same gap as a
/// polling consumer's ([`super::polling::CATCH_UP_POLL_MS`]).
pub const LAMBDA_CATCH_UP_POLL_MS: u64 = super::polling::CATCH_UP_POLL_MS;

/// Settings of a Lambda consumer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LambdaSpec {
    /// Function name.
    pub name: String,
    /// `BatchSize`, 1..=10000.
    pub batch_size: u32,
    /// `MaximumBatchingWindowInSeconds` in ms, 0..=300000.
    pub batching_window_ms: u64,
    /// `ParallelizationFactor`, 1..=10.
    pub parallelization_factor: u32,
    /// `StartingPosition`.
    pub start: StartPosition,
    /// Fixed cost of an invocation, ms.
    pub handler_overhead_ms: u64,
    /// Cost per record, microseconds.
    pub handler_us_per_record: u64,
    /// The JSON field to count by (`action`, `user`, …); empty counts by partition key.
    pub count_by: String,
    /// `MaximumRetryAttempts` (0..=10000).
    pub max_retries: u32,
    /// `BisectBatchOnFunctionError`.
    pub bisect_on_error: bool,
    /// Share of records that always make the function fail, per million.
    pub poison_ppm: u32,
    /// Chance that an invocation fails once, per million.
    pub transient_error_ppm: u32,
}

impl Default for LambdaSpec {
    fn default() -> Self {
        Self {
            name: "count-actions".into(),
            batch_size: 100,
            batching_window_ms: 0,
            parallelization_factor: 1,
            start: StartPosition::TrimHorizon,
            handler_overhead_ms: 20,
            handler_us_per_record: 500,
            count_by: "action".into(),
            max_retries: 2,
            bisect_on_error: true,
            poison_ppm: 0,
            transient_error_ppm: 0,
        }
    }
}

/// A record as the function sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaRecord {
    /// The value it is counted under.
    pub group: String,
    /// Arrival at the stream.
    pub arrival: SimTime,
    /// What the pipelines' query adds for it (1 without a sink).
    pub amount: u64,
    /// Data plus partition key, bytes.
    pub bytes: u64,
    /// Always fails the function.
    pub poison: bool,
}

/// A batch being processed or waiting for a retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    /// Its records.
    pub records: Vec<LambdaRecord>,
    /// Attempts already made.
    pub attempts: u32,
}

/// One of a shard's parallel lanes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lane {
    /// Records polled, not yet in a batch.
    pub buffer: VecDeque<LambdaRecord>,
    /// When the oldest buffered record was polled.
    pub buffered_since: Option<SimTime>,
    /// The batch in flight and when it finishes.
    pub running: Option<(Batch, SimTime, bool)>,
    /// Batches waiting (bisected halves).
    pub queued: VecDeque<Batch>,
}

/// Invocation totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LambdaStats {
    /// Invocations started.
    pub invocations: u64,
    /// Invocations that failed.
    pub failed_invocations: u64,
    /// Records sent to the on-failure destination after the last retry.
    pub discarded: u64,
    /// Batches split in two.
    pub bisections: u64,
    /// Sum of batch sizes of successful invocations.
    pub batched_records: u64,
}

/// One shard as the mapping sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaShard {
    /// Position and accounting.
    pub reader: ShardReader,
    /// Parallel lanes (ParallelizationFactor).
    pub lanes: Vec<Lane>,
    pub(crate) scheduled: bool,
}

impl PerShard for LambdaShard {
    fn reader(&self) -> &ShardReader {
        &self.reader
    }
}

/// A running Lambda consumer.
#[derive(Clone, Debug)]
pub struct LambdaApp {
    /// Settings.
    pub spec: LambdaSpec,
    /// Shard pollers by id, totals (records of successful invocations are `processed`), order
    /// check, and the sink when it is the pipelines' speed layer.
    pub core: AppCore<LambdaShard>,
    /// Invocation totals.
    pub stats: LambdaStats,
    /// The function's result: records counted per group (action, user, …).
    pub counts: BTreeMap<String, u64>,
    rng: SimRng,
    seed: u64,
}

/// What a consumer task should do next for one shard.
pub(crate) struct Next {
    pub(crate) poll_at: Option<SimTime>,
    pub(crate) done_at: Vec<(usize, SimTime)>,
}

impl LambdaApp {
    /// A new mapping; `index` names its random stream.
    pub fn new(spec: LambdaSpec, seed: u64, index: u64) -> Self {
        Self {
            spec,
            core: AppCore::default(),
            stats: LambdaStats::default(),
            counts: BTreeMap::new(),
            rng: SimRng::fork(seed, &format!("consumer/{index}/lambda")),
            seed,
        }
    }

    fn lanes(&self) -> usize {
        self.spec.parallelization_factor.clamp(1, 10) as usize
    }

    /// Creates shard pollers for new shards; returns those that need a poll scheduled.
    pub(crate) fn sync_shards(&mut self, engine: &Engine, stream: &str) -> Vec<ShardId> {
        let Some(s) = engine.stream(stream) else {
            return Vec::new();
        };
        let lanes = self.lanes();
        self.core.add_new_shards(engine, stream, self.spec.start, |reader| LambdaShard {
            reader,
            lanes: vec![Lane::default(); lanes],
            scheduled: false,
        });
        let mut ready = Vec::new();
        for (id, ls) in &self.core.shards {
            if s.shard(*id).is_none() {
                continue;
            }
            let parents_done =
                parents_done(s, *id, |p| self.core.shards.get(&p).is_none_or(|l| l.reader.finished && l.idle()));
            if !ls.scheduled && !ls.reader.finished && parents_done {
                ready.push(*id);
            }
        }
        for id in &ready {
            if let Some(ls) = self.core.shards.get_mut(id) {
                ls.scheduled = true;
            }
        }
        ready
    }

    fn to_record(&self, r: &RecordShape) -> LambdaRecord {
        let bytes = (r.data.len() + r.partition_key.len()) as u64;
        let (group, amount) = if let Some(s) = &self.core.sink {
            s.query.eval(&r.data)
        } else if self.spec.count_by.is_empty() {
            (r.partition_key.clone(), 1)
        } else {
            eval_fields(&r.data, &self.spec.count_by, "")
        };
        let poison = self.spec.poison_ppm > 0
            && (mix(self.seed, 0x9015_0000, r.sequence_number.seq_ix ^ partition_key_hash(&r.partition_key) as u64)
                % 1_000_000)
                < u64::from(self.spec.poison_ppm);
        LambdaRecord { group, arrival: r.approximate_arrival_timestamp, amount, bytes, poison }
    }

    /// Polls one shard and starts batches that are ready.
    pub(crate) fn poll(&mut self, engine: &mut Engine, stream: &str, shard: ShardId) -> Next {
        let now = engine.now();
        let mut next = Next { poll_at: None, done_at: Vec::new() };
        let lanes = self.lanes();
        let cap = (self.spec.batch_size.clamp(1, 10_000) as usize) * 4;
        let Some(ls) = self.core.shards.get_mut(&shard) else {
            return next;
        };
        ls.scheduled = false;
        let backlog: usize = ls.lanes.iter().map(|l| l.buffer.len()).sum();
        let mut finished = ls.reader.finished;
        if backlog < cap * lanes && !finished {
            // The mapping reads as much as its buffers can take (GetRecords returns at most
            // 10,000 records), not one batch per second.
            let limit = (cap * lanes - backlog).clamp(1, 10_000) as u32;
            match ls.reader.read(engine, stream, limit, &mut self.core.tally) {
                ReadOutcome::Records { records, at_end, .. } => {
                    finished = at_end;
                    let mut routed = Vec::with_capacity(records.len());
                    for (_, fresh, r) in records {
                        if fresh && !self.core.audit.observe(shard, &r, now) {
                            self.core.tally.order_violations += 1;
                        }
                        // With one lane (ParallelizationFactor 1, the default) every record
                        // goes to it: no MD5 of its key, 5 % of a day of activity-logs.
                        let lane = match lanes {
                            0 | 1 => 0,
                            n => (partition_key_hash(&r.partition_key) % n as u128) as usize,
                        };
                        routed.push((lane, self.to_record(&r)));
                    }
                    if let Some(ls) = self.core.shards.get_mut(&shard) {
                        for (lane, rec) in routed {
                            if let Some(l) = ls.lanes.get_mut(lane) {
                                l.buffer.push_back(rec);
                                l.buffered_since.get_or_insert(now);
                            }
                        }
                    }
                }
                ReadOutcome::Throttled => {}
                ReadOutcome::Gone => return next,
            }
        }
        for lane in 0..lanes {
            if let Some(done) = self.try_start(shard, lane, now, finished) {
                next.done_at.push((lane, done));
            }
        }
        let Some(ls) = self.core.shards.get_mut(&shard) else {
            return next;
        };
        if !(finished && ls.idle()) {
            ls.scheduled = true;
            let gap = if ls.reader.millis_behind > 0 { LAMBDA_CATCH_UP_POLL_MS } else { LAMBDA_POLL_MS };
            next.poll_at = Some(now.plus(gap));
        }
        next
    }

    /// Starts a batch on `lane` if it is free and one is ready; returns when it ends.
    fn try_start(&mut self, shard: ShardId, lane: usize, now: SimTime, flush: bool) -> Option<SimTime> {
        let batch_size = self.spec.batch_size.clamp(1, 10_000) as usize;
        let window = self.spec.batching_window_ms.min(300_000);
        let (overhead, per) = (self.spec.handler_overhead_ms, self.spec.handler_us_per_record);
        let transient = self.spec.transient_error_ppm;
        let l = self.core.shards.get_mut(&shard)?.lanes.get_mut(lane)?;
        if l.running.is_some() {
            return None;
        }
        let batch = if let Some(b) = l.queued.pop_front() {
            b
        } else {
            let ready = l.buffer.len() >= batch_size
                || (!l.buffer.is_empty() && (flush || l.buffered_since.is_some_and(|t| now.since(t) >= window)));
            if !ready {
                return None;
            }
            let n = l.buffer.len().min(batch_size);
            let records: Vec<LambdaRecord> = l.buffer.drain(..n).collect();
            l.buffered_since = if l.buffer.is_empty() { None } else { Some(now) };
            Batch { records, attempts: 0 }
        };
        let fails = batch.records.iter().any(|r| r.poison) || (transient > 0 && self.rng.chance_ppm(transient));
        let done = now.plus(overhead + batch.records.len() as u64 * per / 1_000).max(now.plus(1));
        self.stats.invocations += 1;
        let l = self.core.shards.get_mut(&shard)?.lanes.get_mut(lane)?;
        l.running = Some((batch, done, fails));
        Some(done)
    }

    /// An invocation on `lane` ended; applies or retries it and starts the next one.
    pub(crate) fn finish(&mut self, shard: ShardId, lane: usize, now: SimTime) -> Option<SimTime> {
        let max_retries = self.spec.max_retries;
        let bisect = self.spec.bisect_on_error;
        let l = self.core.shards.get_mut(&shard)?.lanes.get_mut(lane)?;
        let (batch, _, failed) = l.running.take()?;
        if !failed {
            self.core.processed += batch.records.len() as u64;
            self.stats.batched_records += batch.records.len() as u64;
            for r in &batch.records {
                *self.counts.entry(r.group.clone()).or_insert(0) += 1;
                if let Some(s) = &mut self.core.sink {
                    s.fold_fact(&r.group, r.arrival, r.amount, r.bytes);
                }
            }
        } else {
            self.stats.failed_invocations += 1;
            let attempts = batch.attempts + 1;
            if attempts > max_retries {
                self.stats.discarded += batch.records.len() as u64;
            } else if bisect && batch.records.len() > 1 {
                self.stats.bisections += 1;
                let mut first = batch.records;
                let second = first.split_off(first.len() / 2);
                // The halves go first, in order, ahead of anything else queued.
                l.queued.push_front(Batch { records: second, attempts });
                l.queued.push_front(Batch { records: first, attempts });
            } else {
                l.queued.push_front(Batch { records: batch.records, attempts });
            }
        }
        let finished = self.core.shards.get(&shard).is_some_and(|s| s.reader.finished);
        self.try_start(shard, lane, now, finished)
    }

    /// Arrival of the oldest record received and not yet processed (buffered, running or
    /// queued for a retry).
    pub fn oldest_in_flight(&self) -> Option<SimTime> {
        self.core
            .shards
            .values()
            .flat_map(|s| &s.lanes)
            .flat_map(|l| {
                let running = l.running.as_ref().map(|(b, _, _)| b.records.iter()).into_iter().flatten();
                l.buffer.iter().chain(running).chain(l.queued.iter().flat_map(|b| b.records.iter()))
            })
            .map(|r| r.arrival)
            .min()
    }

    /// Records received but not yet processed, retried or discarded.
    pub fn in_flight(&self) -> u64 {
        self.core
            .shards
            .values()
            .flat_map(|s| &s.lanes)
            .map(|l| {
                (l.buffer.len()
                    + l.running.as_ref().map_or(0, |(b, _, _)| b.records.len())
                    + l.queued.iter().map(|b| b.records.len()).sum::<usize>()) as u64
            })
            .sum()
    }
}

impl LambdaShard {
    /// Nothing buffered, running or queued.
    pub fn idle(&self) -> bool {
        self.lanes.iter().all(|l| l.buffer.is_empty() && l.running.is_none() && l.queued.is_empty())
    }
}
