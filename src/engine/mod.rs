//! The Kinesis engine: a deterministic simulation of Amazon Kinesis Data Streams on a virtual
//! clock, speaking the real API shapes.
//!
//! # Lifecycle
//!
//! 1. Build an [`Engine`] from an [`EngineConfig`] (identity, start instant, state-change delays,
//!    shard quota, limits on/off).
//! 2. Call operations, either typed (`engine.put_record(PutRecordInput { … })`) or as AWS JSON
//!    (`engine.call("PutRecord", &json)`), always at the current virtual time [`Engine::now`].
//! 3. Move time with [`Engine::step`] (to the next scheduled change) or [`Engine::step_until`]
//!    (process everything due up to `t`, then stop exactly at `t`). Status changes, reshards,
//!    on-demand scaling and retention expiry happen only here. The work of an advance follows
//!    the number of scheduled changes it meets, never the length of the jump: a recurring check
//!    that has nothing to do sleeps until a call gives it something (see `ops/modes.rs`). The
//!    clock ends at [`LAST_ENCODABLE_TIME`] (year 2477), the last instant whose sequence numbers
//!    the 56-digit layout can carry (see `state/sequence.rs`).
//! 4. Read what happened with [`Engine::drain_events`], [`Engine::digest`] and the read-only
//!    accessors ([`Engine::streams`]).
//!
//! ```text
//!   commands (typed / JSON) ──► validation ──► operation ──► state (streams, shards, records)
//!                                                   │                │
//!                                                   ▼                ▼
//!                                            event queue ◄── step()/step_until(t)
//!                                         (time, insertion seq)      │
//!                                                                    ▼
//!                                                     events ──► digest, views, metrics
//! ```
//!
//! The engine is pure: it uses only `std`, `md-5` and plain-data crates, reads no clock, uses no
//! randomness of its own, and iterates only ordered collections, so the same commands give the
//! same responses and the same [`Engine::digest`] natively and in WebAssembly.
//!
//! # Layout
//!
//! ```text
//!   mod.rs      Engine: configuration, the clock (step, step_until), scheduled work, events
//!   api.rs      the JSON face: request tables and Engine::call
//!   error.rs    AWS's error types and messages     events.rs  typed events and the digest
//!   time.rs     SimTime (virtual milliseconds)     queue.rs   the (time, insertion seq) queue
//!   ops/        one file per family of AWS actions, each an `impl Engine` block
//!   state/      the nouns the service keeps: streams, shards, records, consumers, subscriptions
//!   wire/       JSON shapes, request validation, NextToken pages
//! ```
//!
//! Imports go one way: `ops/` and `api.rs` use `Engine`, `state/` and `wire/`; `state/` never
//! uses `Engine` or an operation; no two files import each other, directly or through others.
//!
//! Records written by reference: a client that can regenerate its records registers a
//! [`state::record_source::RecordSource`] and writes each record with a reference to it; shards
//! then keep the reference instead of the bytes (see `state/store.rs`).

pub mod api;
pub mod error;
pub mod events;
pub mod ops;
pub mod queue;
pub mod replay;
pub mod state;
pub mod time;
pub mod wire;

use crate::engine::error::{ApiError, Identity};
use crate::engine::events::{Digest, Event};
use crate::engine::queue::EventQueue;
use crate::engine::state::consumer::{ConsumerKey, ConsumerRegistry};
use crate::engine::state::record_source::{RecordSource, RecordSources, SourceId};
use crate::engine::state::sequence::LAST_ENCODABLE_TIME;
use crate::engine::state::stream::{Stream, StreamKey, StreamMode, StreamStatus, StreamUpdate};
use crate::engine::state::subscription::{SubscriptionId, Subscriptions};
use crate::engine::time::{SimTime, SECOND_MS};
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

pub use crate::engine::error::ErrorType;

/// Settings of a simulated Kinesis endpoint.
///
/// It serializes to JSON with every field (`start` as epoch milliseconds under `start_ms`), so
/// that a second engine (the browser's live window, a restarted endpoint) can be built with the
/// same settings; a missing field takes its default.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct EngineConfig {
    /// 12-digit account id used in ARNs and messages.
    pub account_id: String,
    /// Region used in ARNs and messages.
    pub region: String,
    /// Virtual instant at which the simulation starts.
    #[serde(rename = "start_ms")]
    pub start: SimTime,
    /// Milliseconds a stream stays `CREATING`.
    pub create_delay_ms: u64,
    /// Milliseconds a stream stays `UPDATING` per reshard step, mode or encryption change.
    pub update_delay_ms: u64,
    /// Milliseconds a stream stays `DELETING`.
    pub delete_delay_ms: u64,
    /// Open-shard quota of the account (AWS default 20,000 in us-east-1, us-west-2 and eu-west-1,
    /// see [`state::limits::default_shard_quota`]).
    pub shard_limit: u64,
    /// Whether the per-shard throughput limits are enforced.
    pub limits_enabled: bool,
    /// How many recent events the engine buffers for [`Engine::drain_events`].
    pub event_capacity: usize,
}

impl EngineConfig {
    /// Whether `start` is an instant whose sequence numbers can be encoded (at most
    /// [`LAST_ENCODABLE_TIME`]); [`Engine::new`] brings a later start back to that instant.
    pub fn start_is_encodable(&self) -> bool {
        self.start <= LAST_ENCODABLE_TIME
    }
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            account_id: "000000000000".into(),
            region: "us-east-1".into(),
            start: time::DEFAULT_START,
            create_delay_ms: 5 * SECOND_MS,
            update_delay_ms: 3 * SECOND_MS,
            delete_delay_ms: 3 * SECOND_MS,
            shard_limit: state::limits::default_shard_quota("us-east-1"),
            limits_enabled: true,
            event_capacity: 1 << 16,
        }
    }
}

/// Work scheduled for later on the virtual clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Scheduled {
    /// `CREATING → ACTIVE`.
    CreateDone(StreamKey),
    /// `DELETING → gone`.
    DeleteDone(StreamKey),
    /// An `UPDATING` change completes.
    UpdateDone(StreamKey, StreamUpdate),
    /// On-demand capacity check (every second while the stream is ON_DEMAND and has work).
    OnDemandTick(StreamKey),
    /// An enhanced fan-out consumer turns `CREATING → ACTIVE`.
    ConsumerActive(ConsumerKey),
    /// A `DELETING` consumer disappears.
    ConsumerGone(ConsumerKey),
    /// A push to an enhanced fan-out subscription.
    EfoPush(SubscriptionId),
    /// A subscription's 5 minutes are up.
    SubscriptionExpire(SubscriptionId),
}

/// The simulated Kinesis endpoint.
#[derive(Clone, Debug)]
pub struct Engine {
    config: EngineConfig,
    identity: Identity,
    now: SimTime,
    queue: EventQueue<Scheduled>,
    streams: BTreeMap<String, Stream>,
    next_stream_key: StreamKey,
    limits_enabled: bool,
    events: VecDeque<Event>,
    events_dropped: u64,
    events_total: u64,
    digest: Digest,
    record_sources: RecordSources,
    consumers: ConsumerRegistry,
    subscriptions: Subscriptions,
    /// ON_DEMAND streams whose capacity check sleeps, with the instant of their last check (the
    /// phase of their once-per-second grid); see `ops/modes.rs`.
    on_demand_asleep: BTreeMap<StreamKey, SimTime>,
    /// Scheduled items run so far.
    scheduled_runs: u64,
    /// The Availability Zone copies (a simulation control; see `state/replication.rs`).
    replication: state::replication::Replication,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new(EngineConfig::default())
    }
}

impl Engine {
    /// A new endpoint with no streams, at `config.start`.
    pub fn new(config: EngineConfig) -> Self {
        let identity = Identity { account_id: config.account_id.clone(), region: config.region.clone() };
        Self {
            now: config.start.min(LAST_ENCODABLE_TIME),
            limits_enabled: config.limits_enabled,
            identity,
            config,
            queue: EventQueue::default(),
            streams: BTreeMap::new(),
            next_stream_key: 1,
            events: VecDeque::new(),
            events_dropped: 0,
            events_total: 0,
            digest: Digest::default(),
            record_sources: RecordSources::default(),
            consumers: ConsumerRegistry::default(),
            subscriptions: Subscriptions::default(),
            on_demand_asleep: BTreeMap::new(),
            scheduled_runs: 0,
            replication: state::replication::Replication::default(),
        }
    }

    /// Scheduled changes processed so far (status changes, reshards, on-demand checks, pushes):
    /// the work that advancing the clock has cost, independent of how far it went.
    pub fn scheduled_runs(&self) -> u64 {
        self.scheduled_runs
    }

    /// The configuration it was built with.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// The registered record sources (to render records written by reference).
    pub fn record_sources(&self) -> &RecordSources {
        &self.record_sources
    }

    /// Registers a source of records written by reference (see [`state::record_source`]); `None`
    /// when [`state::record_source::MAX_RECORD_SOURCES`] are registered already.
    pub fn register_record_source(&mut self, source: Arc<dyn RecordSource>) -> Option<SourceId> {
        self.record_sources.register(source)
    }

    /// Account and region.
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// Current virtual time.
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// Milliseconds since the simulation started.
    pub fn elapsed_ms(&self) -> u64 {
        self.now.since(self.config.start)
    }

    /// Whether throughput limits are enforced.
    pub fn limits_enabled(&self) -> bool {
        self.limits_enabled
    }

    /// Turns throughput limits on or off (a teaching switch; AWS always enforces them).
    pub fn set_limits_enabled(&mut self, on: bool) {
        self.limits_enabled = on;
    }

    /// All streams by name (including `CREATING` and `DELETING` ones).
    pub fn streams(&self) -> &BTreeMap<String, Stream> {
        &self.streams
    }

    /// One stream by name.
    pub fn stream(&self, name: &str) -> Option<&Stream> {
        self.streams.get(name)
    }

    /// The digest of every event so far (same on every target for the same run).
    pub fn digest(&self) -> u64 {
        self.digest.value()
    }

    /// Number of events emitted so far.
    pub fn events_total(&self) -> u64 {
        self.events_total
    }

    /// Events dropped from the buffer because nobody drained them in time.
    pub fn events_dropped(&self) -> u64 {
        self.events_dropped
    }

    /// Takes the buffered events, oldest first.
    pub fn drain_events(&mut self) -> Vec<Event> {
        self.events.drain(..).collect()
    }

    pub(crate) fn emit(&mut self, event: Event) {
        event.digest_into(&mut self.digest);
        self.keep(event);
    }

    /// [`Engine::emit`] of `RecordAccepted`, the event of every record: the digest takes its
    /// fields directly, and the event is built only when there is a buffer to keep it in.
    pub(crate) fn emit_record_accepted(
        &mut self,
        stream: StreamKey,
        shard: state::shard::ShardId,
        seq_ix: u64,
        hash_key: u128,
        bytes: u64,
    ) {
        let at = self.now;
        self.digest.record_accepted(at, stream, shard, seq_ix, hash_key, bytes);
        self.keep(Event::RecordAccepted { at, stream, shard, seq_ix, hash_key, bytes });
    }

    /// Counts an event already folded into the digest, and buffers it.
    #[inline]
    fn keep(&mut self, event: Event) {
        self.events_total += 1;
        if self.config.event_capacity == 0 {
            self.events_dropped += 1;
            return;
        }
        if self.events.len() >= self.config.event_capacity {
            self.events.pop_front();
            self.events_dropped += 1;
        }
        self.events.push_back(event);
    }

    pub(crate) fn schedule(&mut self, delay_ms: u64, item: Scheduled) {
        self.queue.push(self.now.plus(delay_ms), item);
    }

    /// Schedules the next run of a recurring check, `period_ms` from now. Past the end of time
    /// ([`LAST_ENCODABLE_TIME`]) there is no next run: the clock never gets there, and a check that
    /// rescheduled itself at `now` would be popped again by the same advance, forever.
    pub(crate) fn schedule_recurring(&mut self, period_ms: u64, item: Scheduled) {
        let at = self.now.plus(period_ms);
        if at > self.now && at <= LAST_ENCODABLE_TIME {
            self.queue.push(at, item);
        }
    }

    pub(crate) fn new_stream_key(&mut self) -> StreamKey {
        let k = self.next_stream_key;
        self.next_stream_key += 1;
        k
    }

    pub(crate) fn stream_by_key_mut(&mut self, key: StreamKey) -> Option<&mut Stream> {
        self.streams.values_mut().find(|s| s.key == key)
    }

    /// The stream named `name`, or AWS's "not found".
    pub(crate) fn existing_stream(&self, name: &str) -> Result<&Stream, ApiError> {
        self.streams.get(name).ok_or_else(|| self.identity.stream_not_found(name))
    }

    /// Open shards of the whole account (the shard quota counts these).
    pub fn account_open_shards(&self) -> u64 {
        self.streams.values().map(|s| s.open_shard_count() as u64).sum()
    }

    /// The next instant at which something is scheduled or a record expires (never past the end
    /// of time, [`LAST_ENCODABLE_TIME`]).
    pub fn next_event_time(&self) -> Option<SimTime> {
        let expiry = self.streams.values().filter_map(Stream::next_expiry).min();
        [self.queue.peek_time(), expiry, self.on_demand_wake_time()]
            .into_iter()
            .flatten()
            .min()
            .filter(|t| *t <= LAST_ENCODABLE_TIME)
    }

    /// Advances to the next scheduled change and processes it; `None` if nothing is pending.
    pub fn step(&mut self) -> Option<SimTime> {
        self.wake_on_demand();
        let t = self.next_event_time()?.max(self.now);
        self.advance_to(t);
        Some(t)
    }

    /// Processes everything due up to `t` in order, then stops exactly at `t` (or at the end of
    /// time, [`LAST_ENCODABLE_TIME`], if `t` is later). Never goes back.
    pub fn step_until(&mut self, t: SimTime) {
        let t = t.min(LAST_ENCODABLE_TIME);
        self.wake_on_demand();
        while let Some(next) = self.next_event_time() {
            if next > t {
                break;
            }
            let before = (self.now, self.queue.len());
            self.advance_to(next.max(self.now));
            if (self.now, self.queue.len()) == before && self.next_event_time() == Some(next) {
                break; // nothing could be done at `next`; avoid spinning
            }
        }
        self.advance_to(t);
    }

    /// Advances by `ms` milliseconds (see [`Engine::step_until`]).
    pub fn advance_by(&mut self, ms: u64) {
        self.step_until(self.now.plus(ms));
    }

    fn advance_to(&mut self, t: SimTime) {
        let t = t.min(LAST_ENCODABLE_TIME);
        if t < self.now {
            return;
        }
        self.now = t;
        while let Some((_, item)) = self.queue.pop_due(t) {
            self.run_scheduled(item);
        }
        self.trim_all();
    }

    fn run_scheduled(&mut self, item: Scheduled) {
        self.scheduled_runs += 1;
        match item {
            Scheduled::CreateDone(key) => {
                let now = self.now;
                let Some(s) = self.stream_by_key_mut(key) else {
                    return;
                };
                if s.status != StreamStatus::Creating {
                    return;
                }
                s.status = StreamStatus::Active;
                s.was_active = true;
                let on_demand = s.mode == StreamMode::OnDemand;
                let created: Vec<Event> = s
                    .shards
                    .iter()
                    .map(|sh| Event::ShardCreated {
                        at: now,
                        stream: key,
                        shard: sh.id,
                        range: sh.hash_key_range,
                        parent: None,
                        adjacent_parent: None,
                    })
                    .collect();
                for e in created {
                    self.emit(e);
                }
                self.emit(Event::StreamStatusChanged { at: now, stream: key, status: StreamStatus::Active });
                if on_demand {
                    self.schedule_recurring(SECOND_MS, Scheduled::OnDemandTick(key));
                }
            }
            Scheduled::DeleteDone(key) => {
                let Some(name) = self.streams.values().find(|s| s.key == key).map(|s| s.name.clone()) else {
                    return;
                };
                self.streams.remove(&name);
                self.emit(Event::StreamDeleted { at: self.now, stream: key });
                self.efo_stream_deleted(key);
            }
            Scheduled::UpdateDone(key, change) => {
                self.complete_change(key, change);
                self.efo_shards_closed(key);
            }
            Scheduled::OnDemandTick(key) => {
                self.on_demand_tick(key);
                self.efo_shards_closed(key);
            }
            Scheduled::ConsumerActive(key) => self.efo_consumer_active(key),
            Scheduled::ConsumerGone(key) => self.efo_consumer_gone(key),
            Scheduled::EfoPush(id) => self.efo_push(id),
            Scheduled::SubscriptionExpire(id) => self.efo_subscription_expired(id),
        }
    }

    fn trim_all(&mut self) {
        let now = self.now;
        let mut changes = Vec::new();
        for s in self.streams.values_mut() {
            for (shard, removed, expired) in s.trim(now) {
                changes.push((s.key, shard, removed, expired));
            }
        }
        for (stream, shard, removed, expired) in changes {
            if removed > 0 {
                self.emit(Event::RecordsExpired { at: now, stream, shard, count: removed });
            }
            if expired {
                self.emit(Event::ShardExpired { at: now, stream, shard });
            }
        }
    }

    /// Emits `StreamStatusChanged` for `key`.
    pub(crate) fn emit_status(&mut self, key: StreamKey, status: StreamStatus) {
        self.emit(Event::StreamStatusChanged { at: self.now, stream: key, status });
    }
}
