//! Typed events: what happened inside the engine, for views, metrics and the determinism digest.
//!
//! Every state change the engine makes is reported as an [`Event`] stamped with its virtual time.
//! The engine keeps the most recent events in a bounded buffer that the UI drains each frame, and
//! folds *every* event into a running 64-bit XXH3 digest over an explicit little-endian
//! encoding (never `derive(Hash)`, whose `usize` lengths differ between 32-bit wasm and 64-bit
//! native). Two runs with the same commands have the same digest on every target.

use crate::engine::state::consumer::{ConsumerKey, ConsumerStatus};
use crate::engine::state::hashing::HashKeyRange;
use crate::engine::state::shard::{EncryptionType, ShardId};
use crate::engine::state::stream::{StreamKey, StreamMode, StreamStatus};
use crate::engine::state::subscription::{SubscriptionEnd, SubscriptionId};
use crate::engine::time::SimTime;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// Something that happened in the simulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// CreateStream accepted.
    StreamCreated {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Stream name.
        name: String,
    },
    /// The stream's status changed.
    StreamStatusChanged {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// New status.
        status: StreamStatus,
    },
    /// The stream is gone.
    StreamDeleted {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
    },
    /// A shard came into existence (at creation, split or merge).
    ShardCreated {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// The new shard.
        shard: ShardId,
        /// Its hash keys.
        range: HashKeyRange,
        /// `ParentShardId`.
        parent: Option<ShardId>,
        /// `AdjacentParentShardId`.
        adjacent_parent: Option<ShardId>,
    },
    /// A shard was closed by a split or merge.
    ShardClosed {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// The closed shard.
        shard: ShardId,
    },
    /// A closed shard passed retention and is no longer listed.
    ShardExpired {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// The expired shard.
        shard: ShardId,
    },
    /// A record was accepted.
    RecordAccepted {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Shard it went to.
        shard: ShardId,
        /// Its `seqIx` (with the shard, identifies it).
        seq_ix: u64,
        /// The hash key that routed it.
        hash_key: u128,
        /// Bytes counted against limits (data + key).
        bytes: u64,
    },
    /// A record was refused by the shard's write limits.
    WriteThrottled {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// The shard.
        shard: ShardId,
        /// Bytes of the refused record.
        bytes: u64,
    },
    /// GetRecords returned records.
    RecordsRead {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// The shard.
        shard: ShardId,
        /// Records returned.
        count: u64,
        /// Bytes returned.
        bytes: u64,
    },
    /// A read call was refused by the shard's read limits.
    ReadThrottled {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// The shard.
        shard: ShardId,
    },
    /// Records outlived the retention period and were removed.
    RecordsExpired {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// The shard.
        shard: ShardId,
        /// How many.
        count: u64,
    },
    /// Retention changed.
    RetentionChanged {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// New retention, hours.
        hours: u32,
    },
    /// Capacity mode changed.
    StreamModeChanged {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// New mode.
        mode: StreamMode,
    },
    /// Encryption changed.
    EncryptionChanged {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// New encryption type.
        encryption_type: EncryptionType,
    },
    /// RegisterStreamConsumer accepted (the consumer is `CREATING`).
    ConsumerRegistered {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Consumer identity.
        consumer: ConsumerKey,
        /// `ConsumerName`.
        name: String,
    },
    /// An enhanced fan-out consumer's status changed.
    ConsumerStatusChanged {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Consumer identity.
        consumer: ConsumerKey,
        /// New status.
        status: ConsumerStatus,
    },
    /// The consumer is gone (deregistered, or its stream was deleted).
    ConsumerDeleted {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Consumer identity.
        consumer: ConsumerKey,
    },
    /// SubscribeToShard accepted.
    SubscriptionStarted {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Consumer identity.
        consumer: ConsumerKey,
        /// The shard.
        shard: ShardId,
        /// The subscription.
        subscription: SubscriptionId,
        /// First `seqIx` it delivers.
        start_seq_ix: u64,
    },
    /// A subscription stopped delivering.
    SubscriptionEnded {
        /// Virtual time.
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Consumer identity.
        consumer: ConsumerKey,
        /// The shard.
        shard: ShardId,
        /// The subscription.
        subscription: SubscriptionId,
        /// Why.
        reason: SubscriptionEnd,
    },
    /// A SubscribeToShardEvent with records was pushed to a consumer.
    RecordsPushed {
        /// Virtual time (delivery).
        at: SimTime,
        /// Stream identity.
        stream: StreamKey,
        /// Consumer identity.
        consumer: ConsumerKey,
        /// The shard.
        shard: ShardId,
        /// Records pushed.
        count: u64,
        /// Bytes pushed (data + key).
        bytes: u64,
    },
}

impl Event {
    /// Virtual time of the event.
    pub fn at(&self) -> SimTime {
        match self {
            Event::StreamCreated { at, .. }
            | Event::StreamStatusChanged { at, .. }
            | Event::StreamDeleted { at, .. }
            | Event::ShardCreated { at, .. }
            | Event::ShardClosed { at, .. }
            | Event::ShardExpired { at, .. }
            | Event::RecordAccepted { at, .. }
            | Event::WriteThrottled { at, .. }
            | Event::RecordsRead { at, .. }
            | Event::ReadThrottled { at, .. }
            | Event::RecordsExpired { at, .. }
            | Event::RetentionChanged { at, .. }
            | Event::StreamModeChanged { at, .. }
            | Event::EncryptionChanged { at, .. }
            | Event::ConsumerRegistered { at, .. }
            | Event::ConsumerStatusChanged { at, .. }
            | Event::ConsumerDeleted { at, .. }
            | Event::SubscriptionStarted { at, .. }
            | Event::SubscriptionEnded { at, .. }
            | Event::RecordsPushed { at, .. } => *at,
        }
    }

    /// Folds the event into `h` with a fixed, target-independent encoding.
    pub fn digest_into(&self, h: &mut Digest) {
        let shard_opt = |s: &Option<ShardId>| s.map_or(u64::MAX, |s| u64::from(s.0));
        match self {
            Event::StreamCreated { at, stream, name } => h.tag(1).u64(at.0).u64(*stream).str(name),
            Event::StreamStatusChanged { at, stream, status } => h.tag(2).u64(at.0).u64(*stream).u64(*status as u64),
            Event::StreamDeleted { at, stream } => h.tag(3).u64(at.0).u64(*stream),
            Event::ShardCreated { at, stream, shard, range, parent, adjacent_parent } => h
                .tag(4)
                .u64(at.0)
                .u64(*stream)
                .u64(u64::from(shard.0))
                .u128(range.starting_hash_key)
                .u128(range.ending_hash_key)
                .u64(shard_opt(parent))
                .u64(shard_opt(adjacent_parent)),
            Event::ShardClosed { at, stream, shard } => h.tag(5).u64(at.0).u64(*stream).u64(u64::from(shard.0)),
            Event::ShardExpired { at, stream, shard } => h.tag(6).u64(at.0).u64(*stream).u64(u64::from(shard.0)),
            Event::RecordAccepted { at, stream, shard, seq_ix, hash_key, bytes } => {
                return h.record_accepted(*at, *stream, *shard, *seq_ix, *hash_key, *bytes);
            }
            Event::WriteThrottled { at, stream, shard, bytes } => {
                h.tag(8).u64(at.0).u64(*stream).u64(u64::from(shard.0)).u64(*bytes)
            }
            Event::RecordsRead { at, stream, shard, count, bytes } => {
                h.tag(9).u64(at.0).u64(*stream).u64(u64::from(shard.0)).u64(*count).u64(*bytes)
            }
            Event::ReadThrottled { at, stream, shard } => h.tag(10).u64(at.0).u64(*stream).u64(u64::from(shard.0)),
            Event::RecordsExpired { at, stream, shard, count } => {
                h.tag(11).u64(at.0).u64(*stream).u64(u64::from(shard.0)).u64(*count)
            }
            Event::RetentionChanged { at, stream, hours } => h.tag(12).u64(at.0).u64(*stream).u64(u64::from(*hours)),
            Event::StreamModeChanged { at, stream, mode } => h.tag(13).u64(at.0).u64(*stream).u64(*mode as u64),
            Event::EncryptionChanged { at, stream, encryption_type } => {
                h.tag(14).u64(at.0).u64(*stream).u64(*encryption_type as u64)
            }
            Event::ConsumerRegistered { at, stream, consumer, name } => {
                h.tag(15).u64(at.0).u64(*stream).u64(*consumer).str(name)
            }
            Event::ConsumerStatusChanged { at, stream, consumer, status } => {
                h.tag(16).u64(at.0).u64(*stream).u64(*consumer).u64(*status as u64)
            }
            Event::ConsumerDeleted { at, stream, consumer } => h.tag(17).u64(at.0).u64(*stream).u64(*consumer),
            Event::SubscriptionStarted { at, stream, consumer, shard, subscription, start_seq_ix } => h
                .tag(18)
                .u64(at.0)
                .u64(*stream)
                .u64(*consumer)
                .u64(u64::from(shard.0))
                .u64(subscription.0)
                .u64(*start_seq_ix),
            Event::SubscriptionEnded { at, stream, consumer, shard, subscription, reason } => h
                .tag(19)
                .u64(at.0)
                .u64(*stream)
                .u64(*consumer)
                .u64(u64::from(shard.0))
                .u64(subscription.0)
                .u64(*reason as u64),
            Event::RecordsPushed { at, stream, consumer, shard, count, bytes } => {
                h.tag(20).u64(at.0).u64(*stream).u64(*consumer).u64(u64::from(shard.0)).u64(*count).u64(*bytes)
            }
        };
        h.flush();
    }
}

/// A running XXH3-64 digest over an explicit little-endian field encoding.
///
/// XXH3 is specified on bytes, so its value is the same on every target. A streaming hash
/// depends only on the concatenation of what it is fed, not on how that is cut into updates, so
/// events are encoded into a buffer that is hashed once it holds [`Digest::BATCH`] bytes (one
/// update per event cost a quarter of a PutRecord).
#[derive(Clone)]
pub struct Digest {
    hasher: Box<Xxh3>,
    /// Encoded events not hashed yet.
    scratch: Vec<u8>,
}

impl Default for Digest {
    fn default() -> Self {
        Self { hasher: Box::new(Xxh3::new()), scratch: Vec::with_capacity(Self::BATCH + 256) }
    }
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Digest({:016x})", self.value())
    }
}

impl Digest {
    fn write(&mut self, bytes: &[u8]) -> &mut Self {
        self.scratch.extend_from_slice(bytes);
        self
    }
    /// Bytes of encoded events buffered before they are hashed.
    const BATCH: usize = 4096;

    /// Ends an event: hashes the buffered encodings once they fill a batch.
    fn flush(&mut self) {
        if self.scratch.len() >= Self::BATCH {
            self.hasher.update(&self.scratch);
            self.scratch.clear();
        }
    }
    fn tag(&mut self, t: u8) -> &mut Self {
        self.write(&[t])
    }
    fn u64(&mut self, v: u64) -> &mut Self {
        self.write(&v.to_le_bytes())
    }
    fn u128(&mut self, v: u128) -> &mut Self {
        self.write(&v.to_le_bytes())
    }
    fn str(&mut self, s: &str) -> &mut Self {
        self.u64(s.len() as u64);
        self.write(s.as_bytes())
    }
    /// Folds in [`Event::RecordAccepted`] with these fields: the hottest event (one per
    /// record), encoded on the stack and appended at once, without building the event.
    #[inline]
    pub fn record_accepted(
        &mut self,
        at: SimTime,
        stream: StreamKey,
        shard: ShardId,
        seq_ix: u64,
        hash_key: u128,
        bytes: u64,
    ) {
        let mut b = [0u8; 57];
        b[0] = 7;
        b[1..9].copy_from_slice(&at.0.to_le_bytes());
        b[9..17].copy_from_slice(&stream.to_le_bytes());
        b[17..25].copy_from_slice(&u64::from(shard.0).to_le_bytes());
        b[25..33].copy_from_slice(&seq_ix.to_le_bytes());
        b[33..49].copy_from_slice(&hash_key.to_le_bytes());
        b[49..57].copy_from_slice(&bytes.to_le_bytes());
        self.write(&b).flush();
    }

    /// The digest so far.
    pub fn value(&self) -> u64 {
        if self.scratch.is_empty() {
            return self.hasher.digest();
        }
        let mut h = (*self.hasher).clone();
        h.update(&self.scratch);
        h.digest()
    }
}
