//! An enhanced fan-out consumer application (KCL 2.x with `SubscribeToShard`).
//!
//! What it models (AWS developer guide, "Develop enhanced fan-out consumers with dedicated
//! throughput"; API reference `RegisterStreamConsumer`, `SubscribeToShard`):
//! 1. **Register.** The application calls `RegisterStreamConsumer` with the stream's ARN. The
//!    consumer is `CREATING` for a few seconds, then `ACTIVE` (the world checks every second).
//! 2. **Subscribe per shard.** For each shard it calls `SubscribeToShard` with `TRIM_HORIZON` or
//!    `LATEST` (the spec's start) or, once it has records, `AFTER_SEQUENCE_NUMBER` its last one.
//!    The stream then *pushes* `SubscribeToShardEvent`s: about 70 ms after arrival, up to 2 MiB/s
//!    per shard **dedicated to this consumer**, shared with no other reader.
//! 3. **Renew.** A subscription lasts 5 minutes; the application subscribes again from the last
//!    `ContinuationSequenceNumber`, so nothing is skipped and nothing read twice.
//! 4. **Reshard.** The event at a closed shard's end lists `ChildShards`; children are subscribed
//!    once all their parents are read to the end (parent first, as the KCL does), unless
//!    `parent_first` is off.
//!
//! Accounting is the one of [`ShardReader`]: delivered, lost (expired before delivery),
//! duplicates, and per-record propagation delay from each event's delivery time.
//!
//! Simplifications: the application handles an event as it arrives and checkpoints at once (no
//! handler cost, no back-pressure); the world collects pushed events every
//! [`DRAIN_INTERVAL_MS`], but each record's delivery time is its event's own time.

use super::app::{AppCore, PerShard};
use super::reader::{parents_done, ShardReader, StartPosition};
use crate::engine::error::ApiError;
use crate::engine::ops::get_records::ShardIteratorType;
use crate::engine::ops::stream_consumers::{
    DeregisterStreamConsumerInput, RegisterStreamConsumerInput, MAX_CONSUMERS_PER_STREAM,
};
use crate::engine::ops::subscribe_to_shard::{StartingPosition, SubscribeToShardInput};
use crate::engine::state::consumer::ConsumerStatus;
use crate::engine::state::shard::ShardId;
use crate::engine::state::subscription::{SubscriptionEnd, SubscriptionId};
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::{Engine, ErrorType};
use serde::{Deserialize, Serialize};

/// How often the world collects the events pushed to a fan-out application, ms.
pub const DRAIN_INTERVAL_MS: u64 = 100;

/// Settings of an enhanced fan-out application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FanOutSpec {
    /// Application name, also its `ConsumerName` (`[a-zA-Z0-9_.-]+`).
    pub name: String,
    /// Where a shard without a position starts.
    pub start: StartPosition,
    /// Subscribe to children only after their parents are read to the end.
    pub parent_first: bool,
}

impl Default for FanOutSpec {
    fn default() -> Self {
        Self { name: "efo-app".into(), start: StartPosition::TrimHorizon, parent_first: true }
    }
}

/// Where the application's registration stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Registration {
    /// Not registered yet (or the stream refused with LimitExceededException: retried each
    /// second).
    Pending,
    /// Registered and `CREATING`.
    Creating,
    /// `ACTIVE`: subscriptions run.
    Active,
    /// Refused for good (e.g. the name is taken): AWS's error.
    Failed(ApiError),
    /// Deregistered (the application was removed).
    Deregistered,
}

/// The application's subscription to one shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FanOutShard {
    /// Position and accounting.
    pub reader: ShardReader,
    /// The subscription delivering now, if any.
    pub subscription: Option<SubscriptionId>,
    /// Successful SubscribeToShard calls on this shard (the first one and each renewal).
    pub subscriptions: u64,
    /// A subscribe attempt is scheduled.
    pub(crate) scheduled: bool,
}

impl PerShard for FanOutShard {
    fn reader(&self) -> &ShardReader {
        &self.reader
    }
}

/// What collecting pushed events found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drained {
    /// Records received (fresh or not).
    pub records: u64,
    /// Shards whose subscription ended and must be renewed now.
    pub renew: Vec<ShardId>,
    /// A shard was read to its end: children may be ready.
    pub shard_ended: bool,
}

/// A running enhanced fan-out application.
#[derive(Clone, Debug)]
pub struct FanOutApp {
    /// Settings.
    pub spec: FanOutSpec,
    /// Registration state.
    pub registration: Registration,
    /// `ConsumerARN`, once registered.
    pub consumer_arn: Option<String>,
    /// Subscriptions by shard, totals (records are processed as they arrive), order check, and
    /// the sink when it is a pipeline job.
    pub core: AppCore<FanOutShard>,
    /// Events received.
    pub events: u64,
}

impl FanOutApp {
    /// A new, unregistered application.
    pub fn new(spec: FanOutSpec) -> Self {
        Self { spec, registration: Registration::Pending, consumer_arn: None, core: AppCore::default(), events: 0 }
    }

    /// Registers with the stream, or checks whether the registration became `ACTIVE`; then
    /// creates subscriptions for shards it does not know yet. Returns the shards to subscribe to.
    pub(crate) fn sync(&mut self, engine: &mut Engine, stream: &str) -> Vec<ShardId> {
        match self.registration {
            Registration::Pending => self.register(engine, stream),
            Registration::Creating => {
                let arn = self.consumer_arn.as_deref();
                if engine.consumers().any(|c| Some(c.arn.as_str()) == arn && c.status == ConsumerStatus::Active) {
                    self.registration = Registration::Active;
                }
            }
            Registration::Active | Registration::Failed(_) | Registration::Deregistered => {}
        }
        if self.registration != Registration::Active {
            return Vec::new();
        }
        let Some(s) = engine.stream(stream) else {
            return Vec::new();
        };
        self.core.add_new_shards(engine, stream, self.spec.start, |reader| FanOutShard {
            reader,
            subscription: None,
            subscriptions: 0,
            scheduled: false,
        });
        let ready: Vec<ShardId> = self
            .core
            .shards
            .iter()
            .filter(|(id, f)| {
                !f.scheduled && f.subscription.is_none() && !f.reader.finished && self.parents_done(s, **id)
            })
            .map(|(id, _)| *id)
            .collect();
        for id in &ready {
            if let Some(f) = self.core.shards.get_mut(id) {
                f.scheduled = true;
            }
        }
        ready
    }

    fn register(&mut self, engine: &mut Engine, stream: &str) {
        let Some(arn) = engine.stream(stream).map(|s| s.arn.clone()) else {
            return;
        };
        // The 20-per-stream limit does not pass by waiting; the 5-CREATING one does.
        let below_max = (engine.consumer_count(stream) as usize) < MAX_CONSUMERS_PER_STREAM;
        self.core.tally.calls += 1;
        let input = RegisterStreamConsumerInput { stream_arn: arn, consumer_name: self.spec.name.clone(), tags: None };
        match engine.register_stream_consumer(input) {
            Ok(out) => {
                self.consumer_arn = Some(out.consumer.consumer_arn);
                self.registration = Registration::Creating;
            }
            // At most 5 consumers may be CREATING at once: try again next second.
            Err(e) if e.error_type == ErrorType::LimitExceededException && below_max => {
                self.core.tally.throttled += 1;
            }
            Err(e) => self.registration = Registration::Failed(e),
        }
    }

    fn parents_done(&self, s: &crate::engine::state::stream::Stream, id: ShardId) -> bool {
        !self.spec.parent_first || parents_done(s, id, |p| self.core.shards.get(&p).is_none_or(|f| f.reader.finished))
    }

    /// Calls SubscribeToShard for `shard`; returns when to try again if the call was refused.
    pub(crate) fn subscribe(&mut self, engine: &mut Engine, shard: ShardId) -> Option<SimTime> {
        let now = engine.now();
        let arn = self.consumer_arn.clone()?;
        let f = self.core.shards.get_mut(&shard)?;
        f.scheduled = false;
        if f.subscription.is_some() || f.reader.finished || self.registration != Registration::Active {
            return None;
        }
        let starting_position = match (f.reader.read_to, f.reader.start) {
            (Some(seq), _) => StartingPosition {
                kind: ShardIteratorType::AfterSequenceNumber,
                sequence_number: Some(seq.to_string()),
                timestamp: None,
            },
            (None, StartPosition::Latest) => {
                StartingPosition { kind: ShardIteratorType::Latest, sequence_number: None, timestamp: None }
            }
            (None, StartPosition::TrimHorizon) => {
                StartingPosition { kind: ShardIteratorType::TrimHorizon, sequence_number: None, timestamp: None }
            }
        };
        self.core.tally.calls += 1;
        let input = SubscribeToShardInput { consumer_arn: arn, shard_id: shard.to_string(), starting_position };
        match engine.subscribe_to_shard(input) {
            Ok(out) => {
                f.subscription = Some(out.subscription);
                f.subscriptions += 1;
                None
            }
            // One call per second per consumer and shard; a new subscription within 5 s of the
            // last one is ResourceInUse: both are retried a second later.
            Err(e) if matches!(e.error_type, ErrorType::LimitExceededException | ErrorType::ResourceInUseException) => {
                self.core.tally.throttled += 1;
                f.scheduled = true;
                Some(now.plus(SECOND_MS))
            }
            // The shard or the stream is gone.
            Err(_) => None,
        }
    }

    /// Collects the events pushed to every subscription and books their records.
    pub(crate) fn drain(&mut self, engine: &mut Engine, stream: &str) -> Drained {
        let mut out = Drained::default();
        for (id, f) in self.core.shards.iter_mut() {
            let Some(sub) = f.subscription else {
                continue;
            };
            let ended = engine.subscription_ended(sub);
            for (at, event) in engine.take_subscription_events(sub) {
                self.events += 1;
                out.records += event.records.len() as u64;
                let records = f.reader.receive(engine, stream, event.records, at, &mut self.core.tally);
                for (_, fresh, r) in &records {
                    if *fresh && !self.core.audit.observe(*id, r, at) {
                        self.core.tally.order_violations += 1;
                    }
                    if let (true, Some(s)) = (*fresh, &mut self.core.sink) {
                        s.fold(r);
                    }
                }
                f.reader.millis_behind = event.millis_behind_latest;
                if event.child_shards.is_some() {
                    f.reader.finished = true;
                    out.shard_ended = true;
                }
            }
            self.core.processed += f.reader.commit();
            let Some((_, reason)) = ended else {
                continue;
            };
            f.subscription = None;
            match reason {
                SubscriptionEnd::Expired | SubscriptionEnd::TakenOver => {
                    f.scheduled = true;
                    out.renew.push(*id);
                }
                SubscriptionEnd::ShardEnd | SubscriptionEnd::ShardExpired => {
                    f.reader.finished = true;
                    out.shard_ended = true;
                }
                SubscriptionEnd::ConsumerDeleted | SubscriptionEnd::StreamDeleted => {}
            }
        }
        out
    }

    /// Deregisters the consumer (the application is removed).
    pub(crate) fn deregister(&mut self, engine: &mut Engine) {
        if let Some(arn) = self.consumer_arn.clone() {
            let input = DeregisterStreamConsumerInput { consumer_arn: Some(arn), ..Default::default() };
            // A consumer still CREATING cannot be deregistered yet; it is left to the stream.
            let _ = engine.deregister_stream_consumer(input);
        }
        self.registration = Registration::Deregistered;
    }
}
