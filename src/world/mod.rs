//! The simulation world: producers and consumers that call the engine on their own.
//!
//! # Lifecycle
//!
//! 1. [`World::new`] takes a [`Scenario`]: it builds an [`Engine`] with the scenario's seed,
//!    creates the stream (`CreateStream`, then `IncreaseStreamRetentionPeriod` if asked), runs the
//!    clock until the stream is `ACTIVE`, and starts the producers and consumers. Scenario times
//!    count from that instant.
//! 2. [`World::step_until`] moves the virtual clock. Engine work (status changes, expiry) and
//!    world work (a producer's next record, a consumer's next poll, a command, the per-second
//!    metrics tick) are interleaved in time order; at equal times the engine goes first, then
//!    world tasks in the order they were scheduled.
//! 3. Read the state: [`World::engine`], [`World::producers`], [`World::consumers`],
//!    [`World::metrics`], [`World::report`], [`World::digest`].
//!
//! ```text
//!  Scenario ─► World ─┬─ producers ── PutRecord / PutRecords ──┐
//!                     │                                        ▼
//!                     │                                     Engine ── events ─► digest
//!                     │                                        ▲
//!                     ├─ consumers ── GetShardIterator/GetRecords (KCL, Lambda)
//!                     └─ commands ─── any API call / world action
//!          every second: Metrics::sample ◄─ engine counters + consumer samples
//! ```
//!
//! Everything is deterministic: the seed drives payloads (stateless, per record) and one
//! xoshiro256++ stream per concern (a producer's retry jitter, a Lambda's transient failures).

pub mod cost;
pub mod fanout;
pub mod lambda;
pub mod metrics;
pub mod payload;
pub mod pipelines;
pub mod polling;
pub mod producer;
pub mod reader;
pub mod rng;
pub mod scenario;
pub mod sink;

use crate::engine::ops::put_records::{PutRecordInput, PutRecordsInput, PutRecordsRequestEntry, PutRecordsResultEntry};
use crate::engine::queue::EventQueue;
use crate::engine::state::record_source::RecordRef;
use crate::engine::state::shard::ShardId;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::{Engine, EngineConfig};
use fanout::{FanOutApp, DRAIN_INTERVAL_MS};
use lambda::LambdaApp;
use metrics::{ConsumerSample, Metrics};
use payload::PayloadBook;
use pipelines::{PipelineAction, Pipelines, PipelinesSpec};
use polling::PollingApp;
use producer::{Batching, Pending, Producer, ProducerSpec};
use reader::Tally;
use scenario::{Command, ConsumerSpec, Scenario, ScenarioError};
use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

/// A consumer application of any kind.
#[derive(Clone, Debug)]
pub enum ConsumerApp {
    /// KCL-style polling.
    Polling(PollingApp),
    /// Lambda event source mapping.
    Lambda(LambdaApp),
    /// Enhanced fan-out (SubscribeToShard).
    FanOut(FanOutApp),
}

impl ConsumerApp {
    /// Its name.
    pub fn name(&self) -> &str {
        match self {
            ConsumerApp::Polling(c) => &c.spec.name,
            ConsumerApp::Lambda(c) => &c.spec.name,
            ConsumerApp::FanOut(c) => &c.spec.name,
        }
    }

    fn name_mut(&mut self) -> &mut String {
        match self {
            ConsumerApp::Polling(c) => &mut c.spec.name,
            ConsumerApp::Lambda(c) => &mut c.spec.name,
            ConsumerApp::FanOut(c) => &mut c.spec.name,
        }
    }

    /// Its delivery totals.
    pub fn tally(&self) -> &Tally {
        match self {
            ConsumerApp::Polling(c) => &c.tally,
            ConsumerApp::Lambda(c) => &c.tally,
            ConsumerApp::FanOut(c) => &c.tally,
        }
    }

    fn tally_mut(&mut self) -> &mut Tally {
        match self {
            ConsumerApp::Polling(c) => &mut c.tally,
            ConsumerApp::Lambda(c) => &mut c.tally,
            ConsumerApp::FanOut(c) => &mut c.tally,
        }
    }

    /// Its lag: the largest `MillisBehindLatest` over the shards it still reads, ms.
    pub fn lag(&self) -> u64 {
        match self {
            ConsumerApp::Polling(c) => {
                c.leases.values().filter(|l| !l.reader.finished).map(|l| l.reader.millis_behind).max()
            }
            ConsumerApp::Lambda(c) => {
                c.shards.values().filter(|l| !l.reader.finished).map(|l| l.reader.millis_behind).max()
            }
            ConsumerApp::FanOut(c) => return c.lag(),
        }
        .unwrap_or(0)
    }

    /// Its reader of `shard`, if it has one.
    pub fn reader(&self, shard: ShardId) -> Option<&reader::ShardReader> {
        match self {
            ConsumerApp::Polling(c) => c.leases.get(&shard).map(|l| &l.reader),
            ConsumerApp::Lambda(c) => c.shards.get(&shard).map(|l| &l.reader),
            ConsumerApp::FanOut(c) => c.shards.get(&shard).map(|f| &f.reader),
        }
    }

    /// Its code's output, when it is part of the pipelines.
    pub fn sink(&self) -> Option<&sink::Sink> {
        match self {
            ConsumerApp::Polling(c) => c.sink.as_ref(),
            ConsumerApp::Lambda(c) => c.sink.as_ref(),
            ConsumerApp::FanOut(c) => c.sink.as_ref(),
        }
    }

    fn sink_mut(&mut self) -> Option<&mut sink::Sink> {
        match self {
            ConsumerApp::Polling(c) => c.sink.as_mut(),
            ConsumerApp::Lambda(c) => c.sink.as_mut(),
            ConsumerApp::FanOut(c) => c.sink.as_mut(),
        }
    }

    /// Gives it a sink (it becomes part of the pipelines).
    fn set_sink(&mut self, sink: sink::Sink) {
        match self {
            ConsumerApp::Polling(c) => c.sink = Some(sink),
            ConsumerApp::Lambda(c) => c.sink = Some(sink),
            ConsumerApp::FanOut(c) => c.sink = Some(sink),
        }
    }

    /// Its per-key order check (with the last records it got out of order).
    pub fn audit(&self) -> &reader::OrderAudit {
        match self {
            ConsumerApp::Polling(c) => &c.audit,
            ConsumerApp::Lambda(c) => &c.audit,
            ConsumerApp::FanOut(c) => &c.audit,
        }
    }

    /// Records processed by the application.
    pub fn processed(&self) -> u64 {
        match self {
            ConsumerApp::Polling(c) => c.processed,
            ConsumerApp::Lambda(c) => c.stats.processed,
            ConsumerApp::FanOut(c) => c.processed,
        }
    }

    /// `(unread, of which expired)` records in the stream for this consumer.
    pub fn unread(&self, engine: &Engine, stream: &str) -> (u64, u64) {
        match self {
            ConsumerApp::Polling(c) => c.unread(engine, stream),
            ConsumerApp::Lambda(c) => c.unread(engine, stream),
            ConsumerApp::FanOut(c) => c.unread(engine, stream),
        }
    }
}

/// Work the world schedules on its own queue.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Task {
    /// A producer's next records are due.
    Produce(usize),
    /// A producer's batch buffer has lingered long enough.
    Flush(usize),
    /// A producer's retries are due.
    Retry(usize),
    /// A consumer polls a shard (a fan-out consumer subscribes to it).
    Poll(usize, ShardId),
    /// A fan-out consumer collects the events pushed to it.
    Drain(usize),
    /// A Lambda invocation ends.
    LambdaDone(usize, ShardId, usize),
    /// The per-second tick: metrics, lease sync.
    Tick,
    /// A batch cycle of the Lambda architecture ends.
    BatchDone,
    /// A scenario command.
    Command(usize),
}

/// The outcome of a scenario command, for logs and views.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommandLog {
    /// When it ran.
    pub at: SimTime,
    /// Its index in the scenario's command list.
    pub index: usize,
    /// `None` if it succeeded, else the AWS error type (or a world error code).
    pub error: Option<String>,
    /// The error message, if any.
    pub message: Option<String>,
}

/// Totals of one consumer for reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConsumerReport {
    /// Name.
    pub name: String,
    /// Delivery totals.
    pub tally: Tally,
    /// Records processed.
    pub processed: u64,
    /// Records stored and not yet received.
    pub backlog: u64,
    /// Of the unread ones, already expired (lost, not yet noticed by the consumer).
    pub expired_unread: u64,
}

/// Totals of the whole world.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Virtual milliseconds since the stream became active.
    pub elapsed_ms: u64,
    /// Records made by producers.
    pub produced: u64,
    /// Records the stream accepted.
    pub accepted: u64,
    /// Throttled attempts that were retried.
    pub retried: u64,
    /// Records dropped after the last retry.
    pub dropped: u64,
    /// Records buffered or waiting for a retry.
    pub in_flight: u64,
    /// Records the stream has stored (all shards, expired ones included).
    pub stored: u64,
    /// Records expired from the stream.
    pub expired: u64,
    /// Per consumer.
    pub consumers: Vec<ConsumerReport>,
    /// The determinism digest.
    pub digest: String,
}

/// The simulated world around one stream.
#[derive(Clone, Debug)]
pub struct World {
    engine: Engine,
    scenario: Scenario,
    stream: String,
    started: SimTime,
    queue: EventQueue<Task>,
    producers: Vec<Producer>,
    consumers: Vec<ConsumerApp>,
    /// Indexes of removed consumers (kept in `consumers`, so scheduled tasks keep their index).
    removed: std::collections::BTreeSet<usize>,
    metrics: Metrics,
    log: Vec<CommandLog>,
    digest: Xxh3Digest,
    pipelines: Option<Pipelines>,
    /// The producers' payload templates, registered with the engine as record sources.
    payloads: PayloadBook,
}

/// XXH3 over the world's own decisions (the engine digests its events separately).
#[derive(Clone, Default)]
struct Xxh3Digest(Box<Xxh3>);

impl std::fmt::Debug for Xxh3Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Xxh3Digest({:016x})", self.0.digest())
    }
}

impl Xxh3Digest {
    fn words(&mut self, words: &[u64]) {
        for w in words {
            self.0.update(&w.to_le_bytes());
        }
    }
}

impl World {
    /// Builds the world of `scenario` (validated first).
    pub fn new(scenario: Scenario) -> Result<Self, ScenarioError> {
        Self::with_config(scenario, EngineConfig::default())
    }

    /// Like [`World::new`] with engine settings (identity, start, delays); the seed and the limits
    /// switch come from the scenario.
    pub fn with_config(scenario: Scenario, config: EngineConfig) -> Result<Self, ScenarioError> {
        scenario.validate()?;
        let st = scenario.settings.clone();
        let mut engine = Engine::new(EngineConfig { limits_enabled: st.limits, event_capacity: 4096, ..config });
        let stream = st.stream_name.clone();
        let created = engine.call("CreateStream", &serde_json::json!({"StreamName": stream, "ShardCount": st.shards}));
        if let Err(e) = created {
            return Err(ScenarioError::OutOfRange {
                field: "settings".into(),
                allowed: e.message.unwrap_or_else(|| e.error_type.as_str().into()),
            });
        }
        while engine.stream(&stream).is_some_and(|s| s.status != crate::engine::state::stream::StreamStatus::Active) {
            if engine.step().is_none() {
                break;
            }
        }
        if st.retention_hours > 24 {
            let _ = engine.call(
                "IncreaseStreamRetentionPeriod",
                &serde_json::json!({"StreamName": stream, "RetentionPeriodHours": st.retention_hours}),
            );
        }
        let started = engine.now();
        let mut world = World {
            engine,
            stream,
            started,
            queue: EventQueue::default(),
            producers: Vec::new(),
            consumers: Vec::new(),
            removed: std::collections::BTreeSet::new(),
            metrics: Metrics::new(st.metrics_secs as usize),
            log: Vec::new(),
            digest: Xxh3Digest::default(),
            pipelines: None,
            payloads: PayloadBook::new(scenario.seed),
            scenario: scenario.clone(),
        };
        for p in scenario.producers {
            world.add_producer(p);
        }
        for c in scenario.consumers {
            world.add_consumer(c);
        }
        if let Some(spec) = scenario.pipelines {
            world.start_pipelines(spec, u64::from(st.shards));
        }
        for (i, c) in scenario.commands.iter().enumerate() {
            world.queue.push(started.plus(c.at_ms), Task::Command(i));
        }
        world.queue.push(started.plus(SECOND_MS), Task::Tick);
        Ok(world)
    }

    fn start_pipelines(&mut self, spec: PipelinesSpec, shards: u64) {
        let base = self.consumers.len();
        let p = Pipelines::new(spec, base, self.engine.now());
        for (i, cs) in pipelines::start_specs(&p.spec, shards).into_iter().enumerate() {
            self.add_consumer(cs);
            if let Some(c) = self.consumers.get_mut(base + i) {
                c.set_sink(p.sink(i == 0));
            }
        }
        self.pipelines = Some(p);
    }

    /// The Lambda and Kappa pipelines, when the scenario runs them.
    pub fn pipelines(&self) -> Option<&Pipelines> {
        self.pipelines.as_ref()
    }

    /// The engine (read-only).
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The engine, to make API calls at the current time (a console, a view's buttons).
    pub fn engine_mut(&mut self) -> &mut Engine {
        &mut self.engine
    }

    /// The scenario it was built from.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The stream's name.
    pub fn stream_name(&self) -> &str {
        &self.stream
    }

    /// When the stream became active (scenario time 0).
    pub fn started(&self) -> SimTime {
        self.started
    }

    /// Current virtual time.
    pub fn now(&self) -> SimTime {
        self.engine.now()
    }

    /// The producers (stopped ones included).
    pub fn producers(&self) -> &[Producer] {
        &self.producers
    }

    /// The consumers.
    pub fn consumers(&self) -> &[ConsumerApp] {
        &self.consumers
    }

    /// Whether consumer `index` was removed (it stays in [`World::consumers`] with its totals).
    pub fn is_removed(&self, index: usize) -> bool {
        self.removed.contains(&index)
    }

    /// Per-second metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// Results of the scenario commands run so far.
    pub fn command_log(&self) -> &[CommandLog] {
        &self.log
    }

    /// The determinism digest: the engine's event digest combined with the world's own.
    pub fn digest(&self) -> u64 {
        let mut h = Xxh3::new();
        h.update(&self.engine.digest().to_le_bytes());
        h.update(&self.digest.0.digest().to_le_bytes());
        h.digest()
    }

    /// Starts a producer (a name already in use gets a numeric suffix).
    pub fn add_producer(&mut self, mut spec: ProducerSpec) {
        let base = spec.name.clone();
        let mut k = 2;
        while self.producers.iter().any(|p| p.spec.name == spec.name) {
            spec.name = format!("{base}-{k}");
            k += 1;
        }
        let index = self.producers.len() as u64;
        let template = self.payloads.source_id(&mut self.engine, Producer::payload_template(&spec, index)).unwrap_or(0);
        let now = self.engine.now();
        let p = Producer::new(spec, index, template, self.scenario.seed, now);
        let next = p.next_tick(now);
        self.producers.push(p);
        self.queue.push(next, Task::Produce(self.producers.len() - 1));
    }

    /// Starts a consumer (a name already in use gets a numeric suffix).
    pub fn add_consumer(&mut self, spec: ConsumerSpec) {
        let now = self.engine.now();
        let index = self.consumers.len() as u64;
        let mut c = match spec {
            ConsumerSpec::Polling(s) => ConsumerApp::Polling(PollingApp::new(s, now, self.scenario.seed, index)),
            ConsumerSpec::Lambda(s) => ConsumerApp::Lambda(LambdaApp::new(s, self.scenario.seed, index)),
            ConsumerSpec::FanOut(s) => ConsumerApp::FanOut(FanOutApp::new(s)),
        };
        let base = c.name().to_string();
        let mut k = 2;
        while self.consumers.iter().any(|o| o.name() == c.name()) {
            *c.name_mut() = format!("{base}-{k}");
            k += 1;
        }
        let fan_out = matches!(c, ConsumerApp::FanOut(_));
        self.consumers.push(c);
        let ci = self.consumers.len() - 1;
        self.sync_consumer(ci);
        if fan_out {
            self.queue.push(now.plus(DRAIN_INTERVAL_MS), Task::Drain(ci));
        }
    }

    fn sync_consumer(&mut self, ci: usize) {
        if self.removed.contains(&ci) {
            return;
        }
        let now = self.engine.now();
        let Some(c) = self.consumers.get_mut(ci) else {
            return;
        };
        match c {
            ConsumerApp::Polling(p) => {
                for shard in p.sync_leases(&self.engine, &self.stream) {
                    let phase = p.start_phase();
                    self.queue.push(now.plus(phase), Task::Poll(ci, shard));
                }
            }
            ConsumerApp::Lambda(l) => {
                for shard in l.sync_shards(&self.engine, &self.stream) {
                    self.queue.push(now, Task::Poll(ci, shard));
                }
            }
            ConsumerApp::FanOut(f) => {
                for shard in f.sync(&mut self.engine, &self.stream) {
                    self.queue.push(now, Task::Poll(ci, shard));
                }
            }
        }
    }

    /// Collects a fan-out consumer's pushed events; renews ended subscriptions, subscribes to
    /// children of finished shards.
    fn drain(&mut self, ci: usize) {
        if self.removed.contains(&ci) {
            return;
        }
        let now = self.engine.now();
        let Some(ConsumerApp::FanOut(f)) = self.consumers.get_mut(ci) else {
            return;
        };
        let before = f.tally;
        let drained = f.drain(&mut self.engine, &self.stream);
        let after = f.tally;
        let lag = f.lag();
        let name = f.spec.name.clone();
        for shard in drained.renew {
            self.queue.push(now, Task::Poll(ci, shard));
        }
        if drained.shard_ended {
            self.sync_consumer(ci);
        }
        if drained.records > 0 {
            let sample = ConsumerSample {
                records: after.delivered - before.delivered,
                bytes: after.delivered_bytes - before.delivered_bytes,
                millis_behind_latest: lag,
                expired_records: after.lost - before.lost,
            };
            self.metrics.record_consumer(now, &name, sample);
        }
        self.digest.words(&[8, ci as u64, now.millis(), drained.records, after.delivered, after.lost]);
        self.queue.push(now.plus(DRAIN_INTERVAL_MS), Task::Drain(ci));
    }

    /// The next instant at which anything happens.
    pub fn next_event_time(&self) -> Option<SimTime> {
        match (self.engine.next_event_time(), self.queue.peek_time()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Runs everything due up to `t`, then stops exactly at `t`.
    pub fn step_until(&mut self, t: SimTime) {
        while let Some(next) = self.queue.peek_time() {
            if next > t {
                break;
            }
            self.engine.step_until(next.max(self.engine.now()));
            while let Some((_, task)) = self.queue.pop_due(self.engine.now()) {
                self.run(task);
            }
        }
        self.engine.step_until(t);
    }

    /// Advances by `ms` milliseconds.
    pub fn advance_by(&mut self, ms: u64) {
        self.step_until(self.engine.now().plus(ms));
    }

    fn run(&mut self, task: Task) {
        match task {
            Task::Produce(p) => self.produce(p),
            Task::Flush(p) => self.flush(p, true),
            Task::Retry(p) => self.retry(p),
            Task::Poll(c, shard) => self.poll(c, shard),
            Task::Drain(c) => self.drain(c),
            Task::LambdaDone(c, _, _) if self.removed.contains(&c) => {}
            Task::LambdaDone(c, shard, lane) => {
                let now = self.engine.now();
                if let Some(ConsumerApp::Lambda(l)) = self.consumers.get_mut(c) {
                    let before = l.stats.processed;
                    let next = l.finish(shard, lane, now);
                    let done = l.stats.processed - before;
                    self.digest.words(&[7, c as u64, u64::from(shard.0), lane as u64, done]);
                    if let Some(t) = next {
                        self.queue.push(t, Task::LambdaDone(c, shard, lane));
                    }
                }
            }
            Task::Tick => self.tick(),
            Task::BatchDone => {
                let now = self.engine.now();
                if let Some(p) = &mut self.pipelines {
                    let next = p.batch_done(now, &mut self.consumers);
                    self.digest.words(&[10, now.millis(), p.lambda.serving.version, p.lambda.serving.records]);
                    if let Some(t) = next {
                        self.queue.push(t, Task::BatchDone);
                    }
                }
            }
            Task::Command(i) => self.command(i),
        }
    }

    fn tick(&mut self) {
        let now = self.engine.now();
        for ci in 0..self.consumers.len() {
            self.sync_consumer(ci);
            let c = &mut self.consumers[ci];
            let lag = c.lag();
            c.tally_mut().millis_behind = lag;
            let name = c.name().to_string();
            let sample = ConsumerSample { records: 0, bytes: 0, millis_behind_latest: lag, expired_records: 0 };
            self.metrics.record_consumer(now.minus(1), &name, sample);
        }
        self.metrics.sample(&self.engine);
        if let Some(p) = &mut self.pipelines {
            if let Some(t) = p.tick(&self.engine, &self.stream, &self.consumers) {
                self.queue.push(t, Task::BatchDone);
            }
            self.digest.words(&[11, now.millis(), p.lambda.sealed_through_ms, p.truth.records]);
        }
        self.queue.push(now.plus(SECOND_MS), Task::Tick);
    }

    fn produce(&mut self, pi: usize) {
        let now = self.engine.now();
        let Some(p) = self.producers.get_mut(pi) else {
            return;
        };
        let due = p.accrue(now);
        let mut fresh = Vec::with_capacity(due as usize);
        for _ in 0..due {
            let n = p.stats.produced;
            p.stats.produced += 1;
            fresh.push(Pending { template: p.template, n, event_time: now, attempts: 0, due: now });
        }
        let next = p.next_tick(now);
        let stopped = p.stopped;
        match p.spec.batching {
            Batching::Single => {
                for r in fresh {
                    self.send(pi, vec![r]);
                }
            }
            Batching::Batch { max_records, linger_ms } => {
                let was_empty = p.buffer.is_empty();
                p.buffer.extend(fresh);
                if p.buffer.len() >= max_records as usize {
                    self.flush(pi, false);
                } else if was_empty && !p.buffer.is_empty() {
                    self.queue.push(now.plus(linger_ms), Task::Flush(pi));
                }
            }
        }
        if !stopped {
            self.queue.push(next, Task::Produce(pi));
        }
    }

    /// Sends full batches (and, when `lingered`, the partial rest).
    fn flush(&mut self, pi: usize, lingered: bool) {
        let now = self.engine.now();
        let Some(p) = self.producers.get_mut(pi) else {
            return;
        };
        let Batching::Batch { max_records, linger_ms } = p.spec.batching else {
            return;
        };
        let max = (max_records as usize).clamp(1, producer::MAX_BATCH as usize);
        let mut batches = Vec::new();
        while p.buffer.len() >= max || (lingered && !p.buffer.is_empty()) {
            let n = p.buffer.len().min(max);
            batches.push(p.buffer.drain(..n).collect::<Vec<_>>());
        }
        // A partial buffer left after sending full batches waits its own linger time.
        let rest = !p.buffer.is_empty() && !lingered;
        for b in batches {
            self.send(pi, b);
        }
        if rest {
            self.queue.push(now.plus(linger_ms), Task::Flush(pi));
        }
    }

    fn retry(&mut self, pi: usize) {
        let now = self.engine.now();
        let Some(p) = self.producers.get_mut(pi) else {
            return;
        };
        let mut due = Vec::new();
        let mut later = std::collections::VecDeque::new();
        for r in p.retries.drain(..) {
            if r.due <= now {
                due.push(r);
            } else {
                later.push_back(r);
            }
        }
        p.retries = later;
        let batch = match p.spec.batching {
            Batching::Single => 1,
            Batching::Batch { max_records, .. } => (max_records as usize).clamp(1, producer::MAX_BATCH as usize),
        };
        for chunk in due.chunks(batch) {
            self.send(pi, chunk.to_vec());
        }
    }

    /// Sends records in one call (PutRecord for one record of a single-record producer, else
    /// PutRecords) and books the outcome of each.
    fn send(&mut self, pi: usize, records: Vec<Pending>) {
        if records.is_empty() {
            return;
        }
        let now = self.engine.now();
        let Some(p) = self.producers.get(pi) else {
            return;
        };
        let single = p.spec.batching == Batching::Single && records.len() == 1;
        let mut entries = Vec::with_capacity(records.len());
        for r in &records {
            let reference = RecordRef { source: r.template, n: r.n, event_time: r.event_time };
            let Some(body) = self.engine.record_sources().render(reference) else {
                continue;
            };
            entries.push(PutRecordsRequestEntry {
                data: body.data,
                partition_key: body.partition_key,
                explicit_hash_key: body.explicit_hash_key.map(|h| h.to_string()),
                by_reference: Some(reference),
            });
        }
        let sizes: Vec<u64> = entries.iter().map(|e| (e.data.len() + e.partition_key.len()) as u64).collect();
        // The pipelines' ground truth needs each accepted record's data.
        let bodies: Vec<Vec<u8>> =
            if self.pipelines.is_some() { entries.iter().map(|e| e.data.clone()).collect() } else { Vec::new() };
        // Per record: the shard that accepted it, or `None` (throttled or failed).
        let outcomes: Vec<Option<ShardId>> = if single {
            let Some(e) = entries.pop() else {
                return;
            };
            let r = self.engine.put_record(PutRecordInput {
                stream_name: self.stream.clone(),
                data: e.data,
                partition_key: e.partition_key,
                explicit_hash_key: e.explicit_hash_key,
                sequence_number_for_ordering: None,
                by_reference: e.by_reference,
            });
            vec![r.ok().map(|o| o.shard_id)]
        } else {
            match self.engine.put_records(PutRecordsInput { stream_name: self.stream.clone(), records: entries }) {
                Ok(out) => out
                    .records
                    .iter()
                    .map(|r| match r {
                        PutRecordsResultEntry::Ok { shard_id, .. } => Some(*shard_id),
                        PutRecordsResultEntry::Failed { .. } => None,
                    })
                    .collect(),
                // The whole request failed (e.g. the stream is gone): every record failed once.
                Err(_) => vec![None; records.len()],
            }
        };
        if let Some(p) = &mut self.pipelines {
            for ((shard, body), size) in outcomes.iter().zip(&bodies).zip(&sizes) {
                if let Some(shard) = shard {
                    p.accepted(*shard, body, *size, now);
                }
            }
        }
        let Some(p) = self.producers.get_mut(pi) else {
            return;
        };
        p.stats.calls += 1;
        let mut retry_at: Option<SimTime> = None;
        let (mut ok, mut retried, mut dropped) = (0u64, 0u64, 0u64);
        for ((r, accepted), size) in records.into_iter().zip(outcomes).zip(sizes) {
            if accepted.is_some() {
                p.stats.accepted += 1;
                p.stats.accepted_bytes += size;
                ok += 1;
            } else if r.attempts < p.spec.retry.max_retries {
                let attempts = r.attempts + 1;
                let due = now.plus(p.backoff(attempts));
                p.stats.retried += 1;
                retried += 1;
                p.retries.push_back(Pending { attempts, due, ..r });
                retry_at = Some(retry_at.map_or(due, |t: SimTime| t.min(due)));
            } else {
                p.stats.dropped += 1;
                dropped += 1;
            }
        }
        self.digest.words(&[1, pi as u64, now.millis(), ok, retried, dropped]);
        if let Some(t) = retry_at {
            self.queue.push(t, Task::Retry(pi));
        }
    }

    fn poll(&mut self, ci: usize, shard: ShardId) {
        if self.removed.contains(&ci) {
            return;
        }
        let now = self.engine.now();
        let stream = self.stream.clone();
        let Some(c) = self.consumers.get_mut(ci) else {
            return;
        };
        let before = *c.tally();
        match c {
            ConsumerApp::Polling(p) => {
                if let Some(t) = p.poll(&mut self.engine, &stream, shard) {
                    self.queue.push(t, Task::Poll(ci, shard));
                }
            }
            ConsumerApp::Lambda(l) => {
                let next = l.poll(&mut self.engine, &stream, shard);
                if let Some(t) = next.poll_at {
                    self.queue.push(t, Task::Poll(ci, shard));
                }
                for (lane, t) in next.done_at {
                    self.queue.push(t, Task::LambdaDone(ci, shard, lane));
                }
            }
            ConsumerApp::FanOut(f) => {
                if let Some(t) = f.subscribe(&mut self.engine, shard) {
                    self.queue.push(t, Task::Poll(ci, shard));
                }
            }
        }
        let after = *c.tally();
        let name = c.name().to_string();
        let sample = ConsumerSample {
            records: after.delivered - before.delivered,
            bytes: after.delivered_bytes - before.delivered_bytes,
            millis_behind_latest: c.lag(),
            expired_records: after.lost - before.lost,
        };
        // A GetRecords call that returned: its MillisBehindLatest is the shard's iterator age.
        let read =
            !matches!(c, ConsumerApp::FanOut(_)) && after.calls > before.calls && after.throttled == before.throttled;
        if let (true, Some(r), Some(key)) = (read, c.reader(shard), self.engine.stream(&stream).map(|s| s.key)) {
            self.metrics.record_iterator_age(now, key, shard, r.millis_behind);
        }
        self.metrics.record_consumer(now, &name, sample);
        self.digest.words(&[2, ci as u64, u64::from(shard.0), now.millis(), after.delivered, after.lost]);
    }

    fn command(&mut self, i: usize) {
        let Some(tc) = self.scenario.commands.get(i).cloned() else {
            return;
        };
        let now = self.engine.now();
        let error = self.apply(tc.command).err();
        self.digest.words(&[3, i as u64, now.millis(), u64::from(error.is_some())]);
        let (error, message) = match error {
            Some((e, m)) => (Some(e), Some(m)),
            None => (None, None),
        };
        self.log.push(CommandLog { at: now, index: i, error, message });
    }

    /// Runs a command now (a scenario's timed command, or a control of the app); on failure,
    /// the AWS error type (or `NotFound` for a missing producer or consumer) and its message.
    pub fn apply(&mut self, command: Command) -> Result<(), (String, String)> {
        let now = self.engine.now();
        let mut error: Option<(String, String)> = None;
        let not_found = |what: &str, name: &str| Some(("NotFound".to_string(), format!("no {what} named {name}")));
        match command {
            Command::Api { api, request } => {
                let mut request = if request.is_object() { request } else { serde_json::json!({}) };
                let needs_stream = !["ListStreams", "DescribeLimits", "GetRecords", "UpdateStreamMode"]
                    .contains(&api.as_str())
                    && request.get("StreamName").is_none()
                    && request.get("StreamARN").is_none()
                    && request.get("NextToken").is_none();
                if needs_stream {
                    request["StreamName"] = serde_json::Value::from(self.stream.clone());
                }
                if let Err(e) = self.engine.call(&api, &request) {
                    error = Some((e.error_type.as_str().to_string(), e.message.unwrap_or_default()));
                }
            }
            Command::AddProducer { producer } => self.add_producer(producer),
            Command::StopProducer { name } => match self.producers.iter_mut().find(|p| p.spec.name == name) {
                Some(p) => p.stopped = true,
                None => error = not_found("producer", &name),
            },
            Command::SetRate { name, rate } => match self.producers.iter_mut().find(|p| p.spec.name == name) {
                Some(p) => {
                    p.spec.rate = rate;
                    p.started = now;
                }
                None => error = not_found("producer", &name),
            },
            Command::SetKeys { name, keys } => match self.producers.iter().position(|p| p.spec.name == name) {
                Some(pi) => {
                    let mut spec = self.producers[pi].spec.clone();
                    spec.keys = keys;
                    let index = self.producers[pi].index;
                    let t = self.payloads.source_id(&mut self.engine, Producer::payload_template(&spec, index));
                    let p = &mut self.producers[pi];
                    p.spec = spec;
                    if let Some(t) = t {
                        p.template = t;
                    }
                }
                None => error = not_found("producer", &name),
            },
            Command::AddConsumer { consumer } => self.add_consumer(consumer),
            Command::RemoveConsumer { name } => match self.consumers.iter().position(|c| c.name() == name) {
                Some(ci) => self.remove_consumer(ci),
                None => error = not_found("consumer", &name),
            },
            Command::KillWorker { name, worker } => match self.polling_mut(&name) {
                Some(p) => p.kill_worker(worker, now),
                None => error = not_found("polling consumer", &name),
            },
            Command::AddWorker { name } => match self.polling_mut(&name) {
                Some(p) => p.add_worker(),
                None => error = not_found("polling consumer", &name),
            },
            Command::SetLimits { enabled } => self.engine.set_limits_enabled(enabled),
            Command::Pipeline { action } => {
                if let Err(e) = self.pipeline_step(action) {
                    error = Some(e);
                }
            }
        }
        self.digest.words(&[9, now.millis(), u64::from(error.is_some())]);
        error.map_or(Ok(()), Err)
    }

    fn pipeline_step(&mut self, action: PipelineAction) -> Result<(), (String, String)> {
        let now = self.engine.now();
        let open = self.engine.stream(&self.stream).map_or(1, |s| s.open_shards().count() as u64);
        let Some(p) = &mut self.pipelines else {
            return Err(("PipelinesOff".into(), "this scenario runs no pipelines".into()));
        };
        let new = p.apply(action, now, &mut self.consumers, open)?;
        if let Some(spec) = new {
            let sink = p.sink(false);
            self.add_consumer(spec);
            let ci = self.consumers.len() - 1;
            if let Some(c) = self.consumers.get_mut(ci) {
                c.set_sink(sink);
            }
            if let Some(p) = &mut self.pipelines {
                p.deployed(ci);
            }
        }
        let stopped: Vec<usize> = self.pipelines.iter().flat_map(|p| p.stopped_consumers()).collect();
        for ci in stopped {
            self.remove_consumer(ci);
        }
        Ok(())
    }

    /// Stops consumer `ci` for good (once): it stays listed with its totals, its scheduled polls
    /// and invocations are ignored, and a fan-out consumer deregisters.
    fn remove_consumer(&mut self, ci: usize) {
        if self.removed.insert(ci) {
            if let Some(ConsumerApp::FanOut(f)) = self.consumers.get_mut(ci) {
                f.deregister(&mut self.engine);
            }
        }
    }

    fn polling_mut(&mut self, name: &str) -> Option<&mut PollingApp> {
        self.consumers.iter_mut().find_map(|c| match c {
            ConsumerApp::Polling(p) if p.spec.name == name => Some(p),
            _ => None,
        })
    }

    /// Totals for the whole world.
    pub fn report(&self) -> Report {
        let (mut produced, mut accepted, mut retried, mut dropped, mut in_flight) = (0, 0, 0, 0, 0);
        for p in &self.producers {
            produced += p.stats.produced;
            accepted += p.stats.accepted;
            retried += p.stats.retried;
            dropped += p.stats.dropped;
            in_flight += p.in_flight();
        }
        let (mut stored, mut expired) = (0, 0);
        if let Some(s) = self.engine.stream(&self.stream) {
            for sh in &s.shards {
                stored += sh.records.end_index();
                expired += sh.records.first_index();
            }
        }
        let consumers = self
            .consumers
            .iter()
            .map(|c| {
                let (unread, expired_unread) = c.unread(&self.engine, &self.stream);
                ConsumerReport {
                    name: c.name().to_string(),
                    tally: *c.tally(),
                    processed: c.processed(),
                    backlog: unread - expired_unread,
                    expired_unread,
                }
            })
            .collect();
        Report {
            elapsed_ms: self.engine.now().since(self.started),
            produced,
            accepted,
            retried,
            dropped,
            in_flight,
            stored,
            expired,
            consumers,
            digest: format!("{:016x}", self.digest()),
        }
    }
}
