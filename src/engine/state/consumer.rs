//! Enhanced fan-out consumers as the service keeps them: identity, name, ARN and status.
//!
//! AWS facts reproduced (API reference `RegisterStreamConsumer`, `Consumer`): a consumer is
//! registered on a stream under a `ConsumerName`; its ARN is
//! `<stream ARN>/consumer/<name>:<creation epoch seconds>`; its `ConsumerStatus` runs
//! `CREATING → ACTIVE → DELETING → gone`. The operations that change a consumer are in
//! `ops/stream_consumers.rs`; its subscriptions are in `subscription.rs`.
//!
//! Simplification: events and subscriptions name a consumer by a registration counter
//! ([`ConsumerKey`]) rather than by its ARN, so two registrations of one name never mix.

use crate::engine::state::stream::StreamKey;
use crate::engine::time::SimTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A consumer identity: each RegisterStreamConsumer gets a new one.
pub type ConsumerKey = u64;

/// `ConsumerStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConsumerStatus {
    /// Registered, not yet usable.
    Creating,
    /// Can subscribe.
    Active,
    /// Deregistered, about to disappear.
    Deleting,
}

impl ConsumerStatus {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsumerStatus::Creating => "CREATING",
            ConsumerStatus::Active => "ACTIVE",
            ConsumerStatus::Deleting => "DELETING",
        }
    }
}

/// A registered enhanced fan-out consumer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consumer {
    /// Identity, unique per registration.
    pub key: ConsumerKey,
    /// `ConsumerName`.
    pub name: String,
    /// `ConsumerARN` (ends with the creation epoch seconds).
    pub arn: String,
    /// `ConsumerStatus`.
    pub status: ConsumerStatus,
    /// `ConsumerCreationTimestamp` (whole seconds, as in the ARN).
    pub created: SimTime,
    /// The stream it reads.
    pub stream: StreamKey,
    /// That stream's name.
    pub stream_name: String,
    /// That stream's ARN.
    pub stream_arn: String,
    /// Tags (key → value), set by TagResource on the consumer's ARN.
    pub tags: BTreeMap<String, String>,
}

/// The consumers of every stream, in registration order.
#[derive(Clone, Debug, Default)]
pub struct ConsumerRegistry {
    /// Registered consumers by key (registration order).
    pub(crate) by_key: BTreeMap<ConsumerKey, Consumer>,
    /// The key the next registration gets.
    pub(crate) next_key: ConsumerKey,
}

impl ConsumerRegistry {
    /// Registered consumers, in registration order.
    pub fn iter(&self) -> impl Iterator<Item = &Consumer> + '_ {
        self.by_key.values()
    }

    /// A registered consumer.
    pub fn get(&self, key: ConsumerKey) -> Option<&Consumer> {
        self.by_key.get(&key)
    }
}
