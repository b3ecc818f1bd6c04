//! The Lambda and Kappa architectures, side by side, fed by the same live stream.
//!
//! Both answer one [`Query`] (units sold per product) over everything the producers wrote, and
//! a ground truth (every record the stream accepted, folded with the correct code) measures
//! them. Every piece that reads the stream is a real consumer of the world, so they share each
//! shard's 5 GetRecords calls/s and 2 MiB/s as AWS consumers do.
//!
//! ```text
//!                    ┌─ firehose-s3 (polling) ─► master dataset (S3 objects, append-only)
//!                    │                                 │ batch layer: recompute from scratch
//!  producers ─► stream ─ speed-layer (AWS Lambda) ─► realtime view   ▼
//!                    │                       (arrival ≥ horizon)  batch view vN ─► serving
//!                    │                   answer = batch view + realtime view (Lambda, Marz)
//!                    ├─ kappa-job-v1 (polling) ─► table_v1 ◄─ app reads
//!                    └─ kappa-job-v2 (from TRIM_HORIZON) ─► table_v2   (Kappa, Kreps)
//! ```
//!
//! # Lambda architecture (Marz and Warren, *Big Data*, §1.7 and ch. 12)
//! 1. Every record goes to the master dataset and to the speed layer. The archiver is a Firehose
//!    delivery stream (`firehose.rs`, the same component as the Firehose view's) that writes S3
//!    objects by its buffering hints ([`PipelinesSpec::archiver_buffering`], 60 s by default).
//!    The master dataset is **sealed through** the start of the minute of the oldest record not
//!    yet in S3 (still in the shard or in the delivery stream's buffer).
//! 2. The batch layer runs in a `while(true)` loop: a cycle takes the minutes sealed so far (the
//!    **batch horizon**), recomputes the batch view from every fact in them, and takes
//!    `batch_overhead_ms + batch_us_per_record · facts` of virtual time.
//! 3. When it ends, the serving layer swaps in view vN+1 atomically, and the speed layer's
//!    realtime view drops the minutes the new view absorbed (ch. 12.5, "expiring realtime views").
//! 4. A query merges the batch view and the realtime view. A bug in the speed layer only spoils
//!    minutes after the horizon: the next cycle corrects them (eventual accuracy).
//!
//! # Kappa architecture (Kreps, "Questioning the Lambda Architecture", 2014)
//! 1. Job v1 reads the stream with its own per-shard positions and writes `table_v1`; the app
//!    reads that table.
//! 2. Deploying new code starts job v2 at `TRIM_HORIZON` with its own parallelism (or enhanced
//!    fan-out), writing `table_v2`. It can only see what the stream still retains.
//! 3. Once v2 has caught up, the app switches to `table_v2`; while v1 runs, it can switch back.
//! 4. Stopping v1 and deleting `table_v1` are explicit steps.
//!
//! Simplifications: the master dataset keeps the two fields the query reads, not the raw JSON;
//! the batch view is computed from the objects sealed when a cycle starts; a job with
//! parallelism P spreads its per-record cost over P tasks (`cost · shards / P` per record of a
//! shard); an enhanced fan-out job processes events as fast as they are pushed.

use super::consumer::{ConsumerApp, ConsumerSpec};
use super::error::Refusal;
use super::firehose::DeliveryStream;
use super::pipeline_spec::{job_spec, PipelineAction, PipelinesSpec, ARCHIVER, CAUGHT_UP_MS, MAX_PARALLELISM};
use super::reader::ShardReader;
use super::sink::{FactLog, Sink, Table, BUCKET_MS};
use crate::engine::state::shard::ShardId;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::Engine;
use serde::Serialize;
use std::collections::BTreeMap;

/// A batch cycle in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// The view version it will produce.
    pub version: u64,
    /// When it started.
    pub started: SimTime,
    /// It covers records that arrived before this instant (virtual ms).
    pub horizon_ms: u64,
    /// When it ends.
    pub ends: SimTime,
    /// Facts it read.
    pub records: u64,
    result: BTreeMap<String, u64>,
}

/// The batch view the serving layer holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchView {
    /// Version (0 = the empty view before the first cycle).
    pub version: u64,
    /// Records that arrived before this instant are in it (virtual ms).
    pub horizon_ms: u64,
    /// Sum per group.
    pub sums: BTreeMap<String, u64>,
    /// Facts it was computed from.
    pub records: u64,
    /// When it was swapped in.
    pub swapped_at: Option<SimTime>,
}

/// The last swap of the serving layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Swap {
    /// When.
    pub at_ms: u64,
    /// The new version.
    pub version: u64,
    /// Its horizon (virtual ms).
    pub horizon_ms: u64,
    /// Realtime-view minutes dropped because the new view absorbed them.
    pub expired_buckets: u64,
    /// Records in those minutes.
    pub expired_records: u64,
}

/// The Lambda architecture's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaArch {
    /// Consumer index of the archiver.
    pub archiver: usize,
    /// Consumer index of the speed layer.
    pub speed: usize,
    /// Batch architecture only.
    pub batch_only: bool,
    /// The master dataset holds every record that arrived before this instant (virtual ms,
    /// minute-aligned): the sealed objects.
    pub sealed_through_ms: u64,
    /// The cycle running, if any.
    pub cycle: Option<Cycle>,
    /// The serving layer's view.
    pub serving: BatchView,
    /// Cycles completed.
    pub cycles_done: u64,
    /// Duration of the last completed cycle, ms.
    pub last_cycle_ms: Option<u64>,
    /// In batch-only mode, when the next cycle starts.
    pub next_batch_at: SimTime,
    /// The last swap.
    pub last_swap: Option<Swap>,
}

/// One Kappa job instance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    /// Code version (1, 2, …); it writes `table_v{version}`.
    pub version: u32,
    /// Consumer index.
    pub consumer: usize,
    /// Parallelism.
    pub parallelism: u32,
    /// Reads with enhanced fan-out.
    pub enhanced_fan_out: bool,
    /// When it started.
    pub started: SimTime,
    /// When it was stopped.
    pub stopped: Option<SimTime>,
    /// Its table was deleted.
    pub table_deleted: bool,
    /// When it first caught up.
    pub caught_up_at: Option<SimTime>,
    /// What it never saw (see [`Pipelines::missed`]), refreshed each tick when its lost count
    /// changes.
    pub missed: Missed,
}

/// Records a job never saw because retention expired them before it read them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Missed {
    /// Records.
    pub records: u64,
    /// Arrival range of those records (virtual ms).
    pub range: Option<(u64, u64)>,
    /// Their sums per group: what the job's table lacks.
    pub sums: BTreeMap<String, u64>,
}

/// The Kappa architecture's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kappa {
    /// Every job deployed, oldest first.
    pub jobs: Vec<Job>,
    /// The version whose table the app reads.
    pub serving: u32,
}

/// Every record the stream accepted, folded with the correct code, per shard in store order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Truth {
    /// Per shard: its records' facts by position.
    pub shards: BTreeMap<ShardId, FactLog>,
    /// Sum per group.
    pub sums: BTreeMap<String, u64>,
    /// Records.
    pub records: u64,
}

/// The two pipelines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipelines {
    /// Settings.
    pub spec: PipelinesSpec,
    /// Ground truth.
    pub truth: Truth,
    /// Lambda architecture.
    pub lambda: LambdaArch,
    /// Kappa architecture.
    pub kappa: Kappa,
    /// Records per second over the last tick: ingest, archiver, speed layer, jobs by version.
    pub rates: Rates,
    counters: Rates,
    /// The world's seed (the archiver's random key strings) and when the pipelines started.
    seed: u64,
    created: SimTime,
}

/// Per-second throughput of each edge.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Rates {
    /// Records accepted by the stream.
    pub ingest: u64,
    /// Records the archiver delivered to S3.
    pub archiver: u64,
    /// Records the speed layer processed.
    pub speed: u64,
    /// Records each job processed, by version.
    pub jobs: BTreeMap<u32, u64>,
}

/// The instant before which a consumer has every record of the stream (virtual ms): the
/// arrival of the oldest record it has not yet folded into its table, or `now`.
pub fn complete_through(engine: &Engine, stream: &str, c: &ConsumerApp) -> u64 {
    let now = engine.now().millis();
    let Some(s) = engine.stream(stream) else {
        return now;
    };
    let mut oldest = now;
    for sh in &s.shards {
        let reader: Option<&ShardReader> = c.reader(sh.id);
        if reader.is_some_and(|r| r.finished) {
            continue;
        }
        let first = sh.records.first_index();
        let pos = reader.map_or(first, |r| r.high_water.max(first));
        if pos < sh.records.end_index() {
            if let Some(r) = sh.records.get((pos - first) as usize) {
                oldest = oldest.min(r.arrival.millis());
            }
        }
    }
    if let ConsumerApp::Lambda(l) = c {
        if let Some(t) = l.oldest_in_flight() {
            oldest = oldest.min(t.millis());
        }
    }
    oldest
}

impl Pipelines {
    /// The pipelines' state for consumers already added at `archiver`, `archiver + 1` (speed
    /// layer) and `archiver + 2` (job v1), starting at `now`.
    pub fn new(spec: PipelinesSpec, archiver: usize, now: SimTime) -> Self {
        let horizon = now.millis() / BUCKET_MS * BUCKET_MS;
        Self {
            lambda: LambdaArch {
                archiver,
                speed: archiver + 1,
                batch_only: false,
                sealed_through_ms: horizon,
                cycle: None,
                serving: BatchView { horizon_ms: horizon, ..BatchView::default() },
                cycles_done: 0,
                last_cycle_ms: None,
                next_batch_at: now,
                last_swap: None,
            },
            kappa: Kappa {
                jobs: vec![Job {
                    version: 1,
                    consumer: archiver + 2,
                    parallelism: spec.job_parallelism,
                    enhanced_fan_out: false,
                    started: now,
                    stopped: None,
                    table_deleted: false,
                    // v1 starts with the stream, at the head of an empty log: it is the live
                    // job, caught up from the start, never a replay (#14).
                    caught_up_at: Some(now),
                    missed: Missed::default(),
                }],
                serving: 1,
            },
            spec,
            truth: Truth::default(),
            rates: Rates::default(),
            counters: Rates::default(),
            seed: 0,
            created: now,
        }
    }

    /// The same pipelines, whose archiver draws its random key strings from `seed`.
    pub fn seeded(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// A fresh sink running the query (an archiver's keeps the raw facts and feeds the Firehose
    /// delivery stream [`ARCHIVER`]).
    pub fn sink(&self, archive: bool) -> Sink {
        let mut s = Sink::new(self.spec.query.clone(), archive);
        if archive {
            s.firehose = Some(DeliveryStream::new(ARCHIVER, self.spec.archiver_buffering, self.seed, self.created));
        }
        s
    }

    /// Books a record the stream accepted on `shard` (`data` is its payload).
    pub fn accepted(&mut self, shard: ShardId, data: &[u8], bytes: u64, at: SimTime) {
        let (group, amount) = self.spec.query.eval(data);
        self.truth.shards.entry(shard).or_default().push(&group, at, amount, bytes);
        *self.truth.sums.entry(group).or_insert(0) += amount;
        self.truth.records += 1;
    }

    /// The per-second work: seal master-dataset objects, start a batch cycle when one is due
    /// (returns its end, for the world to schedule), note jobs that caught up, measure rates.
    pub fn tick(&mut self, engine: &Engine, stream: &str, consumers: &[ConsumerApp]) -> Option<SimTime> {
        let now = engine.now();
        if let Some(a) = consumers.get(self.lambda.archiver) {
            let read = complete_through(engine, stream, a);
            let unwritten = a.sink().and_then(|s| s.firehose.as_ref()).and_then(DeliveryStream::oldest_unwritten);
            let complete = unwritten.map_or(read, |t| read.min(t.millis())) / BUCKET_MS * BUCKET_MS;
            self.lambda.sealed_through_ms = self.lambda.sealed_through_ms.max(complete);
        }
        for i in 0..self.kappa.jobs.len() {
            let job = &self.kappa.jobs[i];
            let Some(c) = consumers.get(job.consumer) else { continue };
            if job.stopped.is_none()
                && job.caught_up_at.is_none()
                && complete_through(engine, stream, c) + CAUGHT_UP_MS >= now.millis()
            {
                self.kappa.jobs[i].caught_up_at = Some(now);
            }
            if c.tally().lost != self.kappa.jobs[i].missed.records {
                let missed = self.missed(c);
                self.kappa.jobs[i].missed = missed;
            }
        }
        self.measure(consumers);
        let due = self.lambda.cycle.is_none() && (!self.lambda.batch_only || now >= self.lambda.next_batch_at);
        if due {
            return Some(self.start_cycle(consumers, now));
        }
        None
    }

    fn measure(&mut self, consumers: &[ConsumerApp]) {
        let processed = |i: usize| consumers.get(i).and_then(ConsumerApp::sink).map_or(0, |s| s.shadow.records);
        let mut now = Rates {
            ingest: self.truth.records,
            archiver: processed(self.lambda.archiver),
            speed: processed(self.lambda.speed),
            jobs: BTreeMap::new(),
        };
        for j in &self.kappa.jobs {
            now.jobs.insert(j.version, processed(j.consumer));
        }
        self.rates = Rates {
            ingest: now.ingest - self.counters.ingest.min(now.ingest),
            archiver: now.archiver - self.counters.archiver.min(now.archiver),
            speed: now.speed - self.counters.speed.min(now.speed),
            jobs: now
                .jobs
                .iter()
                .map(|(v, n)| (*v, n - self.counters.jobs.get(v).copied().unwrap_or(0).min(*n)))
                .collect(),
        };
        self.counters = now;
    }

    fn start_cycle(&mut self, consumers: &[ConsumerApp], now: SimTime) -> SimTime {
        let horizon = self.lambda.sealed_through_ms;
        let archive = consumers.get(self.lambda.archiver).and_then(ConsumerApp::sink).and_then(|s| s.archive.as_ref());
        let (result, records) = archive.map(|a| a.sums_before(horizon)).unwrap_or_default();
        let cost = self.spec.batch_overhead_ms + records * self.spec.batch_us_per_record / 1_000;
        let ends = now.plus(cost.max(1));
        self.lambda.cycle = Some(Cycle {
            version: self.lambda.serving.version + 1,
            started: now,
            horizon_ms: horizon,
            ends,
            records,
            result,
        });
        ends
    }

    /// A batch cycle ended: the serving layer swaps in its view and the realtime view expires
    /// what it absorbed. In the Lambda architecture the next cycle starts at once (returned for
    /// the world to schedule); in batch-only mode it waits for its slot.
    pub fn batch_done(&mut self, now: SimTime, consumers: &mut [ConsumerApp]) -> Option<SimTime> {
        let cycle = self.lambda.cycle.take()?;
        if now < cycle.ends {
            self.lambda.cycle = Some(cycle);
            return None;
        }
        let mut swap = Swap {
            at_ms: now.millis(),
            version: cycle.version,
            horizon_ms: cycle.horizon_ms,
            expired_buckets: 0,
            expired_records: 0,
        };
        if let Some(s) = consumers.get_mut(self.lambda.speed).and_then(ConsumerApp::sink_mut) {
            swap.expired_records = s.table.buckets.range(..cycle.horizon_ms).map(|(_, b)| b.records).sum();
            swap.expired_buckets = s.table.drop_before(cycle.horizon_ms);
            s.shadow.drop_before(cycle.horizon_ms);
        }
        self.lambda.serving = BatchView {
            version: cycle.version,
            horizon_ms: cycle.horizon_ms,
            sums: cycle.result,
            records: cycle.records,
            swapped_at: Some(now),
        };
        self.lambda.cycles_done += 1;
        self.lambda.last_cycle_ms = Some(now.since(cycle.started));
        self.lambda.last_swap = Some(swap);
        let every = self.spec.batch_only_every_ms.max(SECOND_MS);
        self.lambda.next_batch_at = SimTime((now.millis() / every + 1) * every);
        if self.lambda.batch_only {
            return None;
        }
        Some(self.start_cycle(consumers, now))
    }

    /// The running jobs, oldest first.
    fn running(&self) -> impl Iterator<Item = &Job> {
        self.kappa.jobs.iter().filter(|j| j.stopped.is_none())
    }

    /// What the Kappa panel allows now: (deploy, switch, revert, stop old, delete old table).
    pub fn allowed(&self) -> [bool; 5] {
        let running: Vec<&Job> = self.running().collect();
        let newest = running.last();
        let serving_newest = newest.is_some_and(|j| j.version == self.kappa.serving);
        let old_running = running.len() > 1;
        let deletable = self.kappa.jobs.iter().any(|j| j.stopped.is_some() && !j.table_deleted);
        [
            running.len() < 2,
            old_running && !serving_newest && newest.is_some_and(|j| j.caught_up_at.is_some()),
            old_running && serving_newest,
            old_running && serving_newest,
            deletable,
        ]
    }

    /// Runs a step. New consumers to add are returned (the world adds them); `Ok` means the
    /// step happened.
    pub fn apply(
        &mut self,
        action: PipelineAction,
        now: SimTime,
        consumers: &mut [ConsumerApp],
        open_shards: u64,
    ) -> Result<Option<ConsumerSpec>, Refusal> {
        let [deploy, switch, revert, stop_old, delete_old] = self.allowed();
        match action {
            PipelineAction::SpeedBug { on } => {
                if let Some(s) = consumers.get_mut(self.lambda.speed).and_then(ConsumerApp::sink_mut) {
                    s.bug = on;
                }
            }
            PipelineAction::BatchOnly { on } => {
                self.lambda.batch_only = on;
                if on {
                    let every = self.spec.batch_only_every_ms.max(SECOND_MS);
                    self.lambda.next_batch_at = SimTime((now.millis() / every + 1) * every);
                }
            }
            PipelineAction::JobBug { on } => {
                let serving = self.kappa.serving;
                let job = self.kappa.jobs.iter().find(|j| j.version == serving && j.stopped.is_none());
                match job.and_then(|j| consumers.get_mut(j.consumer)).and_then(ConsumerApp::sink_mut) {
                    Some(s) => s.bug = on,
                    None => return Err(Refusal::NoRunningJob),
                }
            }
            PipelineAction::Deploy { parallelism, enhanced_fan_out } => {
                if !(1..=MAX_PARALLELISM).contains(&parallelism) {
                    return Err(Refusal::InvalidParallelism);
                }
                if !deploy {
                    return Err(Refusal::AlreadyReprocessing);
                }
                let version = self.kappa.jobs.last().map_or(1, |j| j.version + 1);
                let consumer = job_spec(&self.spec, version, parallelism, enhanced_fan_out, open_shards);
                self.kappa.jobs.push(Job {
                    version,
                    consumer: usize::MAX,
                    parallelism,
                    enhanced_fan_out,
                    started: now,
                    stopped: None,
                    table_deleted: false,
                    caught_up_at: None,
                    missed: Missed::default(),
                });
                return Ok(Some(consumer));
            }
            PipelineAction::Switch => {
                if !switch {
                    return Err(Refusal::NotCaughtUp);
                }
                let newest = self.running().last().map(|j| j.version);
                self.kappa.serving = newest.unwrap_or(self.kappa.serving);
            }
            PipelineAction::Revert => {
                if !revert {
                    return Err(Refusal::CannotRevert);
                }
                let oldest = self.running().next().map(|j| j.version);
                self.kappa.serving = oldest.unwrap_or(self.kappa.serving);
            }
            PipelineAction::StopOld => {
                if !stop_old {
                    return Err(Refusal::StillServing);
                }
                if let Some(j) = self.kappa.jobs.iter_mut().find(|j| j.stopped.is_none()) {
                    j.stopped = Some(now);
                }
            }
            PipelineAction::DeleteOldTable => {
                if !delete_old {
                    return Err(Refusal::JobRunning);
                }
                for j in self.kappa.jobs.iter_mut().filter(|j| j.stopped.is_some() && !j.table_deleted) {
                    j.table_deleted = true;
                    if let Some(s) = consumers.get_mut(j.consumer).and_then(ConsumerApp::sink_mut) {
                        s.table = Table::default();
                        s.shadow = Table::default();
                    }
                }
            }
        }
        Ok(None)
    }

    /// The job just deployed got consumer index `ci`.
    pub fn deployed(&mut self, ci: usize) {
        if let Some(j) = self.kappa.jobs.last_mut() {
            j.consumer = ci;
        }
    }

    /// The consumer index of a stopped job that the world must remove, if any.
    pub fn stopped_consumers(&self) -> impl Iterator<Item = usize> + '_ {
        self.kappa.jobs.iter().filter(|j| j.stopped.is_some()).map(|j| j.consumer)
    }

    /// The Lambda architecture's answer: the batch view plus the realtime view after its
    /// horizon (or the batch view alone in batch-only mode); with `shadow`, what correct
    /// speed-layer code would answer.
    pub fn lambda_answer(&self, consumers: &[ConsumerApp], shadow: bool) -> BTreeMap<String, u64> {
        let mut out = self.lambda.serving.sums.clone();
        if !self.lambda.batch_only {
            if let Some(s) = consumers.get(self.lambda.speed).and_then(ConsumerApp::sink) {
                let t = if shadow { &s.shadow } else { &s.table };
                for (g, v) in t.totals_from(self.lambda.serving.horizon_ms) {
                    *out.entry(g).or_insert(0) += v;
                }
            }
        }
        out
    }

    /// The Kappa architecture's answer: the table the app reads (empty once deleted).
    pub fn kappa_answer(&self, consumers: &[ConsumerApp], shadow: bool) -> BTreeMap<String, u64> {
        self.job(self.kappa.serving)
            .and_then(|j| consumers.get(j.consumer))
            .and_then(ConsumerApp::sink)
            .map(|s| if shadow { s.shadow.totals() } else { s.table.totals() })
            .unwrap_or_default()
    }

    /// Job `version`.
    pub fn job(&self, version: u32) -> Option<&Job> {
        self.kappa.jobs.iter().find(|j| j.version == version)
    }

    /// The records a job never saw because they had expired before it read them: per shard,
    /// the positions below the first one it received (O(those records); the tick caches it in
    /// [`Job::missed`]).
    pub fn missed(&self, consumer: &ConsumerApp) -> Missed {
        let mut sums = BTreeMap::new();
        let (mut n, mut range): (u64, Option<(u64, u64)>) = (0, None);
        for (shard, log) in &self.truth.shards {
            let lost = consumer.reader(*shard).map_or(0, |r| r.lost) as usize;
            let facts = log.facts.get(..lost.min(log.facts.len())).unwrap_or_default();
            for (g, v) in log.sums_of(facts) {
                *sums.entry(g).or_insert(0) += v;
            }
            n += facts.len() as u64;
            for f in facts {
                range = Some(
                    range.map_or((f.arrival_ms, f.arrival_ms), |(a, b)| (a.min(f.arrival_ms), b.max(f.arrival_ms))),
                );
            }
        }
        Missed { records: n, range, sums }
    }
}

/// `Σ |a − b|` over the union of groups.
pub fn distance(a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>) -> u64 {
    let mut d = 0;
    for (g, x) in a {
        d += x.abs_diff(b.get(g).copied().unwrap_or(0));
    }
    for (g, y) in b {
        if !a.contains_key(g) {
            d += y;
        }
    }
    d
}
