//! SubscribeToShard, and the pushes that feed enhanced fan-out (EFO) subscriptions.
//!
//! AWS facts reproduced (KINESIS.md B10; AWS API reference `SubscribeToShard`,
//! `SubscribeToShardEvent`; developer guide "Develop enhanced fan-out consumers with dedicated
//! throughput" and its shared-vs-EFO comparison table):
//! - SubscribeToShard needs an `ACTIVE` consumer (see `stream_consumers.rs`). Records are then
//!   pushed as `SubscribeToShardEvent`s (`Records`, `ContinuationSequenceNumber`,
//!   `MillisBehindLatest`, and `ChildShards` at the end of a closed shard) for up to 5 minutes;
//!   the consumer then calls SubscribeToShard again, starting `AFTER_SEQUENCE_NUMBER` the last
//!   `ContinuationSequenceNumber`.
//! - "You can make one call to SubscribeToShard per second per registered consumer per shard"
//!   (LimitExceededException). "If you call SubscribeToShard again with the same ConsumerARN and
//!   ShardId within 5 seconds of a successful call, you'll get a ResourceInUseException. If you
//!   call SubscribeToShard 5 seconds or more after a successful call, the second call takes over
//!   the subscription" (API reference, SubscribeToShard).
//! - Each consumer gets its own 2 MiB/s per shard: "this throughput is dedicated", shared neither
//!   with other consumers nor with GetRecords readers, whose 2 MiB/s per shard stays untouched.
//! - Propagation delay is "typically an average of 70 ms" with EFO, against about 200 ms for one
//!   polling consumer (developer guide comparison table).
//!
//! How a subscription is simulated (event-driven, no polling tick):
//!
//! ```text
//!  SubscribeToShard ──► first push now (always one event) ──► inbox: (delivery time, event)
//!  PutRecord(s) ──hook──► push at arrival + 70 ms ────────────┘ ▲
//!                            │ more data visible, bucket empty   │
//!                            └──► next push when the 2 MiB/s bucket holds the backlog (≤ 1 s)
//!  reshard closes the shard ──► push at close + 70 ms ──► last event has ChildShards ──► ended
//!  started + 5 min ──► ended (Expired); the inbox is kept until taken
//! ```
//!
//! 1. The put hook (`put_records.rs`) schedules a push for every live subscription of the written
//!    shards that has none pending, at `now + 70 ms`.
//! 2. A push delivers, in one event, the records that arrived at least 70 ms before it, up to what
//!    the `(consumer, shard)` token bucket holds (and 10,000 records). If visible records remain,
//!    the next push waits until the bucket holds them (at most one second's worth); if only
//!    records younger than 70 ms remain, it waits until they are 70 ms old.
//! 3. The subscription ends at 5 minutes, at the end of a closed shard, when another call takes
//!    it over, or when its consumer or stream goes away.
//!
//! Simplifications:
//! - The engine is the client too: events go to an inbox read with
//!   [`Engine::take_subscription_events`] instead of an HTTP/2 event stream. An inbox keeps at
//!   most [`INBOX_MAX_BYTES`](crate::engine::state::subscription::INBOX_MAX_BYTES) of records;
//!   older events are dropped and counted.
//! - Over JSON, SubscribeToShard answers `{"EventStream": [{"SubscribeToShardEvent": …}]}` with
//!   the events delivered during the call (the first one). The subscription keeps running (its
//!   pushes, position and `RecordsPushed` events are simulated) but keeps no inbox, since a JSON
//!   caller has no handle to read it with; typed callers get every event.
//! - No heartbeat events: after the first event, an event is pushed only with records or at a
//!   shard's end. AWS also sends empty events while a consumer is idle.
//! - The 1-call-per-second limit follows the engine's limits switch, as the throughput limits
//!   do; the 5-second ResourceInUse rule always applies.
//! - A continuation before any delivered record (an empty shard read from TRIM_HORIZON or LATEST)
//!   is the sequence number just below the subscription's start position in `seqIx` order,
//!   stamped with the shard's creation second.

use crate::engine::error::{limit_exceeded, ApiError, ErrorType};
use crate::engine::events::Event;
use crate::engine::ops::get_records::{child_shards, collect_records, Collected, ShardIteratorType};
use crate::engine::state::consumer::{ConsumerKey, ConsumerStatus};
use crate::engine::state::limits::{TokenBucket, GET_RECORDS_MAX_BYTES, GET_RECORDS_MAX_RECORDS, MIB};
use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::{Shard, ShardId};
use crate::engine::state::stream::StreamKey;
use crate::engine::state::subscription::{Pipe, Subscription, SubscriptionEnd, SubscriptionId};
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::wire::shapes::SubscribeToShardEvent;
use crate::engine::{Engine, Scheduled};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Typical propagation delay of an enhanced fan-out push, ms ("typically an average of 70 ms",
/// developer guide, enhanced fan-out vs shared throughput).
pub const EFO_PROPAGATION_MS: u64 = 70;
/// Bytes per second each consumer receives from each shard (2 MiB/s, dedicated).
pub const EFO_BYTES_PER_SEC: u64 = 2 * MIB;
/// How long one subscription delivers, ms (5 minutes).
pub const SUBSCRIPTION_LIFETIME_MS: u64 = 300_000;
/// A SubscribeToShard within this many ms of a successful one is ResourceInUseException.
pub const RESUBSCRIBE_GUARD_MS: u64 = 5_000;
/// SubscribeToShard calls are limited to one per this many ms per consumer per shard.
pub const SUBSCRIBE_INTERVAL_MS: u64 = SECOND_MS;

/// SubscribeToShard `StartingPosition`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StartingPosition {
    /// Where to start (the GetShardIterator types).
    #[serde(rename = "Type")]
    pub kind: ShardIteratorType,
    /// For AT/AFTER_SEQUENCE_NUMBER.
    #[serde(default)]
    pub sequence_number: Option<String>,
    /// For AT_TIMESTAMP: epoch seconds.
    #[serde(default)]
    pub timestamp: Option<f64>,
}

/// SubscribeToShard request.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SubscribeToShardInput {
    /// The `ACTIVE` consumer that subscribes.
    #[serde(rename = "ConsumerARN")]
    pub consumer_arn: String,
    /// Shard id (read leniently, as GetShardIterator does).
    pub shard_id: String,
    /// Where delivery starts.
    pub starting_position: StartingPosition,
}

/// SubscribeToShard response of the typed API: the subscription handle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscribeToShardOutput {
    /// Handle for [`Engine::take_subscription_events`] and [`Engine::subscription_state`].
    pub subscription: SubscriptionId,
    /// The consumer.
    pub consumer_arn: String,
    /// The shard.
    pub shard_id: ShardId,
    /// When it started.
    pub started: SimTime,
    /// When it ends at the latest (started + 5 min).
    pub ends_at: SimTime,
}

/// One message of the SubscribeToShard event stream on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EventStreamMessage {
    /// The event.
    pub subscribe_to_shard_event: SubscribeToShardEvent,
}

/// SubscribeToShard over JSON: the events delivered during the call (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SubscribeToShardJsonOutput {
    /// Event-stream messages, oldest first.
    pub event_stream: Vec<EventStreamMessage>,
}

/// What a subscription is doing (for views and tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionState {
    /// The consumer.
    pub consumer: ConsumerKey,
    /// The consumer's ARN.
    pub consumer_arn: String,
    /// The shard.
    pub shard: ShardId,
    /// When it started.
    pub started: SimTime,
    /// When it ends at the latest.
    pub ends_at: SimTime,
    /// True while it delivers.
    pub active: bool,
    /// When and why it ended.
    pub ended: Option<(SimTime, SubscriptionEnd)>,
    /// The `ContinuationSequenceNumber` of its latest event.
    pub continuation_sequence_number: SequenceNumber,
    /// First `seqIx` not yet delivered.
    pub next_seq_ix: u64,
    /// Events in the inbox.
    pub pending_events: usize,
    /// Events dropped because the inbox held more than
    /// [`INBOX_MAX_BYTES`](crate::engine::state::subscription::INBOX_MAX_BYTES).
    pub dropped_events: u64,
}

/// Milliseconds until `bucket` holds `units`: exact while the level is a whole number of units
/// (pushes only take whole records within the budget), otherwise an upper bound by 1 ms.
fn wait_for(bucket: &mut TokenBucket, now: SimTime, units: u64) -> u64 {
    let avail = bucket.available(now);
    if avail >= units {
        return 0;
    }
    // Pushes never leave the level below zero (they take only what it holds); if it ever is,
    // the debt is waited out first.
    let debt = if bucket.has_budget(now) { 0 } else { bucket.millis_until_budget(now).saturating_sub(1) };
    let fill = (u128::from(units - avail) * 1000).div_ceil(u128::from(bucket.rate_per_sec.max(1)));
    debt.saturating_add(u64::try_from(fill).unwrap_or(u64::MAX))
}

/// Bytes of the records visible at `visible_until` from index `from` on, counted up to `cap`.
fn visible_backlog(shard: &Shard, from: usize, visible_until: SimTime, cap: u64) -> u64 {
    let mut total = 0u64;
    for r in shard.records.iter_from(from).take(GET_RECORDS_MAX_RECORDS) {
        if r.arrival > visible_until || total >= cap {
            break;
        }
        total += r.size();
    }
    total.min(cap)
}

/// The sequence number just before `position` in this shard: the record itself if it is
/// retained, else one made of the shard's fields (see the module docs).
fn continuation_before(shard: &Shard, position: u64) -> SequenceNumber {
    let previous =
        position.checked_sub(1).and_then(|p| shard.records.get(shard.position_of(p)).filter(|r| r.seq_ix == p));
    match previous {
        Some(r) => shard.sequence_number_of(&r),
        None => SequenceNumber {
            shard_create_secs: shard.created.secs(),
            seq_ix: position.saturating_sub(1),
            seq_time_secs: shard.created.secs(),
            shard_index: shard.id.0,
        },
    }
}

impl Engine {
    /// SubscribeToShard: starts a subscription and delivers its first event at once. Later events
    /// arrive on the virtual clock; read them with [`Engine::take_subscription_events`].
    pub fn subscribe_to_shard(&mut self, input: SubscribeToShardInput) -> Result<SubscribeToShardOutput, ApiError> {
        let now = self.now;
        let Some(c) = self.consumers.by_key.values().find(|c| c.arn == input.consumer_arn) else {
            return Err(self.identity.consumer_arn_not_found(&input.consumer_arn));
        };
        if c.status != ConsumerStatus::Active {
            return Err(self.identity.consumer_not_active_for_subscribe(&c.name, c.created.secs(), &c.stream_name));
        }
        let (consumer, consumer_name, stream_key, stream_name) =
            (c.key, c.name.clone(), c.stream, c.stream_name.clone());
        let Some(shard_id) = ShardId::resolve(&input.shard_id) else {
            return Err(self.identity.could_not_find_shard(&input.shard_id, &stream_name));
        };
        let not_exist = || self.identity.shard_does_not_exist(&shard_id.to_string(), &stream_name);
        let Some(stream) = self.streams.get(&stream_name).filter(|s| s.key == stream_key) else {
            return Err(not_exist());
        };
        let Some(shard) = stream.shard(shard_id) else {
            return Err(not_exist());
        };
        let start = &input.starting_position;
        let position = self.starting_seq_ix(
            stream,
            shard,
            start.kind,
            start.sequence_number.as_deref(),
            start.timestamp,
            "SubscribeToShard",
        );
        let continuation = position.as_ref().map(|p| continuation_before(shard, *p)).ok();
        let limits = self.limits_enabled;
        let pipe = self.subscriptions.pipes.entry((consumer, shard_id)).or_insert_with(|| Pipe {
            bucket: TokenBucket::new(EFO_BYTES_PER_SEC, now),
            last_call: None,
            last_success: None,
            current: None,
        });
        if limits && pipe.last_call.is_some_and(|t| now.since(t) < SUBSCRIBE_INTERVAL_MS) {
            // AWS's control-plane throttling text (KINESIS.md B11: "Rate exceeded",
            // LimitExceededException); that SubscribeToShard words it the same is our assumption.
            return Err(limit_exceeded("Rate exceeded"));
        }
        pipe.last_call = Some(now);
        if pipe.last_success.is_some_and(|t| now.since(t) < RESUBSCRIBE_GUARD_MS) {
            return Err(self.identity.subscription_in_use(&stream_name, &shard_id.to_string(), &consumer_name));
        }
        let (position, Some(continuation)) = (position?, continuation) else {
            return Err(ApiError::bare(ErrorType::InternalFailure));
        };
        let id = SubscriptionId(self.subscriptions.next_id);
        self.subscriptions.next_id += 1;
        pipe.last_success = Some(now);
        let taken_over = pipe.current.replace(id);
        if let Some(old) = taken_over {
            self.end_subscription(old, SubscriptionEnd::TakenOver);
        }
        let ends_at = now.plus(SUBSCRIPTION_LIFETIME_MS);
        self.subscriptions.by_id.insert(
            id,
            Subscription {
                consumer,
                consumer_arn: input.consumer_arn.clone(),
                stream: stream_key,
                stream_name,
                shard: shard_id,
                started: now,
                ends_at,
                position,
                continuation,
                ended: None,
                push_pending: false,
                inbox: VecDeque::new(),
                inbox_bytes: 0,
                dropped: 0,
                keep_inbox: true,
            },
        );
        self.subscriptions.live.entry((stream_key, shard_id)).or_default().push(id);
        self.emit(Event::SubscriptionStarted {
            at: now,
            stream: stream_key,
            consumer,
            shard: shard_id,
            subscription: id,
            start_seq_ix: position,
        });
        self.queue.push(ends_at, Scheduled::SubscriptionExpire(id));
        self.push(id, true);
        Ok(SubscribeToShardOutput {
            subscription: id,
            consumer_arn: input.consumer_arn,
            shard_id,
            started: now,
            ends_at,
        })
    }

    /// SubscribeToShard as the JSON API answers it: the event-stream messages delivered during the
    /// call (taken from the subscription's inbox).
    pub fn subscribe_to_shard_json(
        &mut self,
        input: SubscribeToShardInput,
    ) -> Result<SubscribeToShardJsonOutput, ApiError> {
        let out = self.subscribe_to_shard(input)?;
        let event_stream = self
            .take_subscription_events(out.subscription)
            .into_iter()
            .map(|(_, event)| EventStreamMessage { subscribe_to_shard_event: event })
            .collect();
        if let Some(sub) = self.subscriptions.by_id.get_mut(&out.subscription) {
            sub.keep_inbox = false;
        }
        Ok(SubscribeToShardJsonOutput { event_stream })
    }

    /// Takes the events delivered to a subscription so far, oldest first, each with its delivery
    /// time. Once an ended subscription's events are taken, the subscription is forgotten.
    pub fn take_subscription_events(&mut self, id: SubscriptionId) -> Vec<(SimTime, SubscribeToShardEvent)> {
        let Some(sub) = self.subscriptions.by_id.get_mut(&id) else {
            return Vec::new();
        };
        let events = sub.inbox.drain(..).map(|e| (e.at, e.event)).collect();
        sub.inbox_bytes = 0;
        if sub.ended.is_some() {
            self.subscriptions.by_id.remove(&id);
        }
        events
    }

    /// Whether a subscription still delivers (`None`), or when and why it ended; `None` too for
    /// an unknown one. Cheaper than [`Engine::subscription_state`] for a poll loop.
    pub fn subscription_ended(&self, id: SubscriptionId) -> Option<(SimTime, SubscriptionEnd)> {
        self.subscriptions.by_id.get(&id).and_then(|s| s.ended)
    }

    /// The state of a subscription; `None` once it ended and its events were taken.
    pub fn subscription_state(&self, id: SubscriptionId) -> Option<SubscriptionState> {
        let s = self.subscriptions.by_id.get(&id)?;
        Some(SubscriptionState {
            consumer: s.consumer,
            consumer_arn: s.consumer_arn.clone(),
            shard: s.shard,
            started: s.started,
            ends_at: s.ends_at,
            active: s.ended.is_none(),
            ended: s.ended,
            continuation_sequence_number: s.continuation,
            next_seq_ix: s.position,
            pending_events: s.inbox.len(),
            dropped_events: s.dropped,
        })
    }

    /// Stops a subscription (its inbox stays until taken).
    fn end_subscription(&mut self, id: SubscriptionId, reason: SubscriptionEnd) {
        let now = self.now;
        let Some(sub) = self.subscriptions.by_id.get_mut(&id) else {
            return;
        };
        if sub.ended.is_some() {
            return;
        }
        sub.ended = Some((now, reason));
        let (stream, consumer, shard) = (sub.stream, sub.consumer, sub.shard);
        if let Some(list) = self.subscriptions.live.get_mut(&(stream, shard)) {
            list.retain(|x| *x != id);
            if list.is_empty() {
                self.subscriptions.live.remove(&(stream, shard));
            }
        }
        if !sub.keep_inbox {
            self.subscriptions.by_id.remove(&id);
        }
        if let Some(pipe) = self.subscriptions.pipes.get_mut(&(consumer, shard)) {
            if pipe.current == Some(id) {
                pipe.current = None;
            }
        }
        self.emit(Event::SubscriptionEnded { at: now, stream, consumer, shard, subscription: id, reason });
    }

    /// Deregistration hook: every delivering subscription of consumer `key` ends.
    pub(crate) fn end_consumer_subscriptions(&mut self, key: ConsumerKey) {
        let live: Vec<SubscriptionId> = self
            .subscriptions
            .by_id
            .iter()
            .filter(|(_, s)| s.consumer == key && s.ended.is_none())
            .map(|(id, _)| *id)
            .collect();
        for id in live {
            self.end_subscription(id, SubscriptionEnd::ConsumerDeleted);
        }
    }

    /// Stream-deletion hook: every delivering subscription of `stream` ends.
    pub(crate) fn end_stream_subscriptions(&mut self, stream: StreamKey) {
        let subs: Vec<SubscriptionId> = self
            .subscriptions
            .by_id
            .iter()
            .filter(|(_, s)| s.stream == stream && s.ended.is_none())
            .map(|(id, _)| *id)
            .collect();
        for id in subs {
            self.end_subscription(id, SubscriptionEnd::StreamDeleted);
        }
    }

    /// Schedules a push for `id` at `at` unless one is pending.
    fn schedule_push(&mut self, id: SubscriptionId, at: SimTime) {
        let Some(sub) = self.subscriptions.by_id.get_mut(&id) else {
            return;
        };
        if sub.push_pending || sub.ended.is_some() || at >= sub.ends_at {
            return;
        }
        sub.push_pending = true;
        self.queue.push(at, Scheduled::EfoPush(id));
    }

    /// Delivers what subscription `id` may receive now as one event (see the module docs).
    /// `initial` forces an event even without records (the first event of a subscription).
    fn push(&mut self, id: SubscriptionId, initial: bool) {
        let now = self.now;
        let limits = self.limits_enabled;
        let Some(sub) = self.subscriptions.by_id.get_mut(&id) else {
            return;
        };
        sub.push_pending = false;
        if sub.ended.is_some() {
            return;
        }
        let (consumer, stream_key, shard_id, position) = (sub.consumer, sub.stream, sub.shard, sub.position);
        let Some(stream) = self.streams.get(&sub.stream_name).filter(|s| s.key == stream_key) else {
            self.end_subscription(id, SubscriptionEnd::StreamDeleted);
            return;
        };
        let Some(shard) = stream.shard(shard_id) else {
            self.end_subscription(id, SubscriptionEnd::ShardExpired);
            return;
        };
        let Some(pipe) = self.subscriptions.pipes.get_mut(&(consumer, shard_id)) else {
            return;
        };
        let visible_until = now.minus(EFO_PROPAGATION_MS);
        let start = shard.position_of(position);
        let first_visible = shard.records.get(start).filter(|r| r.arrival <= visible_until).map(|r| r.size());
        let budget = match (limits, first_visible) {
            (false, _) => GET_RECORDS_MAX_BYTES,
            (true, None) => 0,
            (true, Some(size)) => {
                let need = size.min(EFO_BYTES_PER_SEC);
                let wait = wait_for(&mut pipe.bucket, now, need);
                if wait > 0 {
                    let at = now.plus(wait);
                    self.schedule_push(id, at);
                    if initial {
                        self.deliver_empty(id, shard_id, stream_key);
                    }
                    return;
                }
                pipe.bucket.available(now)
            }
        };
        let Collected { records, bytes } =
            collect_records(shard, &self.record_sources, start, GET_RECORDS_MAX_RECORDS, budget, visible_until);
        if limits {
            pipe.bucket.charge(now, bytes);
        }
        let count = records.len();
        let next_index = start + count;
        let next_unread = shard.records.get(next_index);
        let millis_behind = next_unread.map_or(0, |r| now.since(r.arrival));
        let at_end = !shard.is_open() && next_unread.is_none();
        let children = at_end.then(|| child_shards(stream, shard_id));
        let next_push = match next_unread {
            None => None,
            Some(r) if r.arrival > visible_until => Some(r.arrival.plus(EFO_PROPAGATION_MS)),
            Some(_) if !limits => Some(now),
            Some(_) => {
                let want = visible_backlog(shard, next_index, visible_until, EFO_BYTES_PER_SEC);
                Some(now.plus(wait_for(&mut pipe.bucket, now, want)))
            }
        };
        let Some(sub) = self.subscriptions.by_id.get_mut(&id) else {
            return;
        };
        if let Some(last) = records.last() {
            sub.position = last.sequence_number.seq_ix + 1;
            sub.continuation = last.sequence_number;
        }
        if count > 0 || initial || at_end {
            let event = SubscribeToShardEvent {
                records,
                continuation_sequence_number: sub.continuation,
                millis_behind_latest: millis_behind,
                child_shards: children,
            };
            sub.deliver(now, event, bytes);
        }
        if let Some(at) = next_push {
            self.schedule_push(id, at);
        }
        if count > 0 {
            self.emit(Event::RecordsPushed {
                at: now,
                stream: stream_key,
                consumer,
                shard: shard_id,
                count: count as u64,
                bytes,
            });
        }
        if at_end {
            self.end_subscription(id, SubscriptionEnd::ShardEnd);
        }
    }

    /// The first event of a subscription whose bucket is empty: no records, the current
    /// continuation and how far behind it is.
    fn deliver_empty(&mut self, id: SubscriptionId, shard_id: ShardId, stream_key: StreamKey) {
        let now = self.now;
        let Some(sub) = self.subscriptions.by_id.get_mut(&id) else {
            return;
        };
        let behind = self
            .streams
            .get(&sub.stream_name)
            .filter(|s| s.key == stream_key)
            .and_then(|s| s.shard(shard_id))
            .and_then(|sh| sh.records.get(sh.position_of(sub.position)).map(|r| now.since(r.arrival)))
            .unwrap_or(0);
        let event = SubscribeToShardEvent {
            records: Vec::new(),
            continuation_sequence_number: sub.continuation,
            millis_behind_latest: behind,
            child_shards: None,
        };
        sub.deliver(now, event, 0);
    }

    /// Put hook (called once per PutRecord/PutRecords request, after the writes): schedules a
    /// push `EFO_PROPAGATION_MS` from now for every delivering subscription of the shards that
    /// took records and has no push pending.
    pub(crate) fn efo_records_arrived(&mut self, stream: StreamKey, shards: impl IntoIterator<Item = ShardId>) {
        if self.subscriptions.live.is_empty() {
            return;
        }
        let at = self.now.plus(EFO_PROPAGATION_MS);
        for shard in shards {
            let Some(ids) = self.subscriptions.live.get(&(stream, shard)) else {
                continue;
            };
            for id in ids {
                let Some(sub) = self.subscriptions.by_id.get_mut(id) else {
                    continue;
                };
                if !sub.push_pending && at < sub.ends_at {
                    sub.push_pending = true;
                    self.queue.push(at, Scheduled::EfoPush(*id));
                }
            }
        }
    }

    /// Reshard hook: subscriptions of shards that just closed get a push `EFO_PROPAGATION_MS`
    /// from now, which ends them with `ChildShards` once everything is delivered.
    pub(crate) fn efo_shards_closed(&mut self, stream: StreamKey) {
        if self.subscriptions.live.is_empty() {
            return;
        }
        let Some(s) = self.streams.values().find(|s| s.key == stream) else {
            return;
        };
        let ids: Vec<SubscriptionId> = self
            .subscriptions
            .live
            .range((stream, ShardId(0))..=(stream, ShardId(u32::MAX)))
            .filter(|((_, shard), _)| s.shard(*shard).is_some_and(|sh| !sh.is_open()))
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        let at = self.now.plus(EFO_PROPAGATION_MS);
        for id in ids {
            self.schedule_push(id, at);
        }
    }

    /// A subscription's 5 minutes are up (from the event queue).
    pub(crate) fn efo_subscription_expired(&mut self, id: SubscriptionId) {
        self.end_subscription(id, SubscriptionEnd::Expired);
    }

    /// A scheduled push (from the event queue).
    pub(crate) fn efo_push(&mut self, id: SubscriptionId) {
        self.push(id, false);
    }
}
