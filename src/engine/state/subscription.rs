//! SubscribeToShard subscriptions as the service keeps them: where each one stands, what it has
//! delivered and not yet handed over, and the dedicated pipe of each `(consumer, shard)`.
//!
//! AWS facts reproduced (API reference `SubscribeToShard`; developer guide "Develop enhanced
//! fan-out consumers with dedicated throughput"): a subscription delivers for at most 5 minutes
//! and ends early at a closed shard's end, when another call takes it over, or when its consumer
//! or stream goes away; each consumer gets its own 2 MiB/s from each shard, shared with nobody.
//! The operation and the pushes that fill these records are in `ops/subscribe_to_shard.rs`.
//!
//! Simplification: the engine is the client too, so delivered events wait in an inbox until
//! taken; an inbox keeps at most [`INBOX_MAX_BYTES`] of records and drops its oldest events.

use crate::engine::state::consumer::ConsumerKey;
use crate::engine::state::limits::{TokenBucket, MIB};
use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamKey;
use crate::engine::time::SimTime;
use crate::engine::wire::shapes::SubscribeToShardEvent;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};

/// Record bytes an undrained subscription inbox keeps before dropping its oldest events
/// (8 s of a full-rate pipe).
pub const INBOX_MAX_BYTES: u64 = 16 * MIB;

/// The handle of one SubscribeToShard subscription.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SubscriptionId(pub u64);

/// Why a subscription stopped delivering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SubscriptionEnd {
    /// Its 5 minutes were up: subscribe again from the `ContinuationSequenceNumber`.
    Expired,
    /// The shard is closed and was delivered to its end; the last event listed `ChildShards`.
    ShardEnd,
    /// A SubscribeToShard 5 s or more after this one took the subscription over.
    TakenOver,
    /// The consumer was deregistered.
    ConsumerDeleted,
    /// The stream was deleted.
    StreamDeleted,
    /// The shard passed retention before it was read to its end.
    ShardExpired,
}

/// One delivered event waiting to be taken.
#[derive(Clone, Debug)]
pub(crate) struct InboxEntry {
    /// Delivery time.
    pub(crate) at: SimTime,
    /// The event.
    pub(crate) event: SubscribeToShardEvent,
    /// Its records' bytes.
    pub(crate) bytes: u64,
}

/// One subscription.
#[derive(Clone, Debug)]
pub(crate) struct Subscription {
    pub(crate) consumer: ConsumerKey,
    pub(crate) consumer_arn: String,
    pub(crate) stream: StreamKey,
    pub(crate) stream_name: String,
    pub(crate) shard: ShardId,
    pub(crate) started: SimTime,
    pub(crate) ends_at: SimTime,
    /// First `seqIx` not yet delivered.
    pub(crate) position: u64,
    pub(crate) continuation: SequenceNumber,
    pub(crate) ended: Option<(SimTime, SubscriptionEnd)>,
    /// A push is on the event queue.
    pub(crate) push_pending: bool,
    pub(crate) inbox: VecDeque<InboxEntry>,
    pub(crate) inbox_bytes: u64,
    pub(crate) dropped: u64,
    /// False for JSON subscriptions: nobody holds a handle to read their inbox.
    pub(crate) keep_inbox: bool,
}

impl Subscription {
    /// Puts a delivered event in the inbox (dropping the oldest beyond [`INBOX_MAX_BYTES`]).
    pub(crate) fn deliver(&mut self, at: SimTime, event: SubscribeToShardEvent, bytes: u64) {
        if !self.keep_inbox {
            return;
        }
        self.inbox.push_back(InboxEntry { at, event, bytes });
        self.inbox_bytes += bytes;
        while self.inbox_bytes > INBOX_MAX_BYTES && self.inbox.len() > 1 {
            let Some(old) = self.inbox.pop_front() else { break };
            self.inbox_bytes -= old.bytes;
            self.dropped += 1;
        }
    }
}

/// The dedicated pipe of one consumer to one shard.
#[derive(Clone, Debug)]
pub(crate) struct Pipe {
    /// 2 MiB/s, this consumer's alone.
    pub(crate) bucket: TokenBucket,
    /// Last SubscribeToShard call that was not throttled.
    pub(crate) last_call: Option<SimTime>,
    /// Last successful SubscribeToShard.
    pub(crate) last_success: Option<SimTime>,
    /// The subscription currently delivering.
    pub(crate) current: Option<SubscriptionId>,
}

/// Every subscription of the engine, and the pipes they deliver through.
#[derive(Clone, Debug, Default)]
pub struct Subscriptions {
    /// Subscriptions by id: delivering ones, and ended ones whose inbox was not taken yet.
    pub(crate) by_id: BTreeMap<SubscriptionId, Subscription>,
    /// The number the next subscription gets.
    pub(crate) next_id: u64,
    /// Delivering subscriptions per `(stream, shard)`: what the put hook looks up.
    pub(crate) live: BTreeMap<(StreamKey, ShardId), Vec<SubscriptionId>>,
    /// Pipes per `(consumer, shard)`, created by the first SubscribeToShard.
    pub(crate) pipes: BTreeMap<(ConsumerKey, ShardId), Pipe>,
}
