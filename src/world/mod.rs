//! The simulation world: producers and consumers that call the engine on their own.
//!
//! # Lifecycle
//!
//! 1. **Build.** [`World::new`] takes a [`Scenario`] (validated first): it builds an [`Engine`]
//!    with the scenario's seed, creates the stream (`CreateStream`, then
//!    `IncreaseStreamRetentionPeriod` if asked), runs the clock until the stream is `ACTIVE`,
//!    and starts the producers, the consumers and the pipelines. Scenario times count from that
//!    instant.
//! 2. **Run.** [`World::step_until`] moves the virtual clock. Engine work (status changes,
//!    expiry) and world tasks (a producer's next record, a consumer's next poll, a command, the
//!    per-second tick) are interleaved in time order; at equal times the engine goes first,
//!    then world tasks in the order they were scheduled.
//! 3. **Command.** [`World::apply`] runs a command now (the scenario's timed commands go through
//!    it too): any API call, or a world action. A failure is a [`WorldError`]: AWS's error, an
//!    application it found none of, or the pipelines' [`Refusal`]. No prose.
//! 4. **Read.** [`World::engine`], [`World::producers`], [`World::consumers`],
//!    [`World::metrics`], [`World::pipelines`], [`World::report`], [`World::digest`].
//!
//! ```text
//!  Scenario ─► World ─┬─ producers ── PutRecord / PutRecords ──┐
//!                     │                                        ▼
//!                     │                                     Engine ── events ─► digest
//!                     │                                        ▲
//!                     ├─ consumers ── GetShardIterator/GetRecords (KCL, Lambda), SubscribeToShard
//!                     └─ commands ─── any API call / world action ─► WorldError
//!          every second: Metrics::sample ◄─ engine counters + consumer samples
//! ```
//!
//! Everything is deterministic: the seed drives payloads (stateless, per record) and one
//! xoshiro256++ stream per concern (a producer's retry jitter, a Lambda's transient failures).
//!
//! # Where things are
//!
//! - `producer.rs`: producers, rates, and their send path (PutRecord/PutRecords, retries).
//! - `consumer.rs`: the consumer enum over `polling.rs` (KCL), `lambda.rs` and `fanout.rs`
//!   (enhanced fan-out); their shared core is `app.rs`, and they read shards with `reader.rs`.
//! - `pipelines.rs` and `sink.rs`: the Lambda and Kappa architectures and the code they run.
//! - `scenario.rs` (the JSON format, validation) and `presets.rs` (the course's scenarios).
//! - `calls.rs`: API calls a person makes ([`World::call`]) and the records they put.
//! - `lease.rs`: the KCL 2.x lease table (renewer, lease taker) that `polling.rs` runs.
//! - `firehose.rs` (a delivery stream's buffer and S3 objects) and `delivery.rs` (the polling
//!   application that reads the stream for it); the Lambda architecture's archiver is one.
//! - `live.rs`: the live window's world ([`World::empty`]): a real client's calls replayed
//!   from the local endpoint's command log; `client_reads.rs` its readers' cursors.
//! - `error.rs`: why a command failed. `report.rs`: totals. `metrics.rs` (CloudWatch),
//!   `capacity.rs` (shards vs write demand over time), `cost.rs`, `rng.rs`.
//!
//! This file holds the [`World`] itself: its task queue and the task handlers; `commands.rs`
//! runs a command ([`World::apply`]).

pub mod app;
pub mod calls;
pub mod capacity;
pub mod client_reads;
mod commands;
pub mod consumer;
pub mod cost;
pub mod delivery;
pub mod digest;
pub mod error;
pub mod fanout;
pub mod firehose;
pub mod lambda;
pub mod lease;
pub mod live;
pub mod metrics;
pub mod payload;
pub mod pipeline_spec;
pub mod pipelines;
pub mod polling;
pub mod presets;
pub mod producer;
pub mod reader;
pub mod report;
pub mod rng;
pub mod scenario;
pub mod sink;

pub use consumer::ConsumerApp;

use crate::engine::queue::EventQueue;
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamKey;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::{Engine, EngineConfig};
use consumer::ConsumerSpec;
use digest::DecisionDigest;
use error::WorldError;
use fanout::DRAIN_INTERVAL_MS;
use metrics::{ConsumerSample, Metrics};
use payload::PayloadBook;
use pipeline_spec::PipelinesSpec;
use pipelines::Pipelines;
use producer::{Batching, Pending, Producer, ProducerSpec};
use report::Report;
use scenario::{Scenario, ScenarioError};
use std::collections::{BTreeMap, BTreeSet};

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandLog {
    /// When it ran.
    pub at: SimTime,
    /// Its index in the scenario's command list.
    pub index: usize,
    /// What it did: done, or why it failed.
    pub result: Result<(), WorldError>,
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
    digest: DecisionDigest,
    pipelines: Option<Pipelines>,
    /// The producers' payload templates, registered with the engine as record sources.
    payloads: PayloadBook,
    /// Records put by a person through [`World::call`], per stream: `(shard, position)`. Keyed
    /// by the stream's [`StreamKey`] (one per CreateStream), so a stream deleted and created
    /// again under the same name starts with none.
    yours: BTreeMap<StreamKey, BTreeSet<(ShardId, u64)>>,
    /// The scenario stream's shards and write demand over time (cost view).
    capacity: capacity::CapacityHistory,
    /// A live world's client readers and iterators (`live.rs`); empty in a scenario's world.
    client: client_reads::ClientTraffic,
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
            return Err(ScenarioError::CreateStream(e));
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
            digest: DecisionDigest::default(),
            pipelines: None,
            payloads: PayloadBook::new(scenario.seed),
            yours: BTreeMap::new(),
            capacity: capacity::CapacityHistory::default(),
            client: client_reads::ClientTraffic::default(),
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
        let p = Pipelines::new(spec, base, self.engine.now()).seeded(self.scenario.seed);
        for (i, cs) in pipeline_spec::start_specs(&p.spec, shards).into_iter().enumerate() {
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

    /// The scenario stream's open shards and write demand over time.
    pub fn capacity(&self) -> &capacity::CapacityHistory {
        &self.capacity
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
        self.digest.combined_with(self.engine.digest())
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
    pub fn add_consumer(&mut self, mut spec: ConsumerSpec) {
        let now = self.engine.now();
        let index = self.consumers.len() as u64;
        let base = spec.name().to_string();
        let mut k = 2;
        while self.consumers.iter().any(|o| o.name() == spec.name()) {
            *spec.name_mut() = format!("{base}-{k}");
            k += 1;
        }
        let fan_out = matches!(spec, ConsumerSpec::FanOut(_));
        self.consumers.push(ConsumerApp::new(spec, now, self.scenario.seed, index));
        let ci = self.consumers.len() - 1;
        self.sync_consumer(ci);
        if fan_out {
            self.queue.push(now.plus(DRAIN_INTERVAL_MS), Task::Drain(ci));
        }
    }

    /// Lets consumer `ci` pick up new shards and schedules their first polls.
    fn sync_consumer(&mut self, ci: usize) {
        if self.removed.contains(&ci) {
            return;
        }
        let Some(c) = self.consumers.get_mut(ci) else {
            return;
        };
        for (t, shard) in c.sync(&mut self.engine, &self.stream) {
            self.queue.push(t, Task::Poll(ci, shard));
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
        let before = f.core.tally;
        let drained = f.drain(&mut self.engine, &self.stream);
        let after = f.core.tally;
        let lag = f.core.lag();
        let name = f.spec.name.clone();
        for shard in drained.renew {
            self.queue.push(now, Task::Poll(ci, shard));
        }
        if drained.shard_ended {
            self.sync_consumer(ci);
        }
        if let (true, Some(key)) = (drained.records > 0, self.engine.stream(&self.stream).map(|s| s.key)) {
            let (records, bytes) = (after.delivered - before.delivered, after.delivered_bytes - before.delivered_bytes);
            self.metrics.record_subscribe_event(now, key, records, bytes, lag);
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
                    let before = l.core.processed;
                    let next = l.finish(shard, lane, now);
                    let done = l.core.processed - before;
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
            delivery::settle(&mut self.consumers[ci], now);
        }
        self.metrics.sample(&self.engine);
        self.capacity.sample(&self.engine, &self.stream, now.since(self.started) / SECOND_MS);
        if let Some(p) = &mut self.pipelines {
            if let Some(t) = p.tick(&self.engine, &self.stream, &self.consumers) {
                self.queue.push(t, Task::BatchDone);
            }
            self.digest.words(&[11, now.millis(), p.lambda.sealed_through_ms, p.truth.records]);
        }
        self.queue.push(now.plus(SECOND_MS), Task::Tick);
    }

    /// A producer's next records are due: it sends them (one call each), or buffers them
    /// for a batch.
    fn produce(&mut self, pi: usize) {
        let now = self.engine.now();
        let Some(p) = self.producers.get_mut(pi) else {
            return;
        };
        let fresh = p.make(now);
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
        let Some((batches, rest)) = self.producers.get_mut(pi).and_then(|p| p.take_batches(lingered)) else {
            return;
        };
        for b in batches {
            self.send(pi, b);
        }
        if let Some(linger_ms) = rest {
            self.queue.push(now.plus(linger_ms), Task::Flush(pi));
        }
    }

    /// Sends a producer's retries that are due.
    fn retry(&mut self, pi: usize) {
        let now = self.engine.now();
        let Some(p) = self.producers.get_mut(pi) else {
            return;
        };
        for records in p.take_due_retries(now) {
            self.send(pi, records);
        }
    }

    /// One call of producer `pi` (see [`Producer::send`]); the pipelines' ground truth books
    /// each accepted record's data.
    fn send(&mut self, pi: usize, records: Vec<Pending>) {
        let now = self.engine.now();
        let keep_data = self.pipelines.is_some();
        let Some(p) = self.producers.get_mut(pi) else {
            return;
        };
        let (n, single, bytes_before) =
            (records.len() as u64, p.spec.batching == Batching::Single && records.len() == 1, p.stats.accepted_bytes);
        let Some(sent) = p.send(&mut self.engine, &self.stream, records, keep_data) else {
            return;
        };
        let call = metrics::PutCall { single, records: n, ok: sent.ok, bytes: p.stats.accepted_bytes - bytes_before };
        if let Some(key) = self.engine.stream(&self.stream).map(|s| s.key) {
            self.metrics.record_put(now, key, call);
        }
        if let Some(p) = &mut self.pipelines {
            for (shard, data, size) in &sent.accepted {
                p.accepted(*shard, data, *size, now);
            }
        }
        self.digest.words(&[1, pi as u64, now.millis(), sent.ok, sent.retried, sent.dropped]);
        if let Some(t) = sent.retry_at {
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
        let polled = c.poll(&mut self.engine, &stream, shard);
        delivery::settle(c, now);
        if let Some(t) = polled.again {
            self.queue.push(t, Task::Poll(ci, shard));
        }
        for (lane, t) in polled.invocations {
            self.queue.push(t, Task::LambdaDone(ci, shard, lane));
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
        let result = self.apply(tc.command);
        self.digest.words(&[3, i as u64, now.millis(), u64::from(result.is_err())]);
        self.log.push(CommandLog { at: now, index: i, result });
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

    /// Totals for the whole world.
    pub fn report(&self) -> Report {
        Report::new(&self.engine, &self.stream, self.started, &self.producers, &self.consumers, self.digest())
    }
}
