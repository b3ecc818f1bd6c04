//! What every consumer application keeps, whatever its kind: one reader per shard (inside the
//! kind's own per-shard state), the delivery totals, the records processed, the per-key order
//! check and, for a pipeline job, its sink.
//!
//! The three kinds (`PollingApp`, `LambdaApp`, `FanOutApp`) each hold an [`AppCore`] and add
//! what only they have (workers and leases, Lambda lanes, subscriptions). The accessors written
//! here once serve all three through `ConsumerApp` (`consumer.rs`).

use super::reader::{add_new_readers, unread_in_stream, OrderAudit, ShardReader, StartPosition, Tally};
use super::sink::Sink;
use crate::engine::state::shard::ShardId;
use crate::engine::Engine;
use std::collections::BTreeMap;

/// A kind's state on one shard (a lease, a Lambda shard poller, a subscription): it holds the
/// shard's reader.
pub trait PerShard {
    /// The shard's position and delivery accounting.
    fn reader(&self) -> &ShardReader;
}

/// The part of a consumer application that does not depend on its kind.
#[derive(Clone, Debug)]
pub struct AppCore<S> {
    /// Per shard, by id: the kind's state, which holds the shard's reader.
    pub shards: BTreeMap<ShardId, S>,
    /// Delivery totals over all shards.
    pub tally: Tally,
    /// Records whose processing finished (polling: checkpointed batches; Lambda: records of
    /// successful invocations; fan-out: handled as they arrive).
    pub processed: u64,
    /// Per-key order check.
    pub audit: OrderAudit,
    /// Its code's output, when it is part of the pipelines.
    pub sink: Option<Sink>,
}

impl<S> Default for AppCore<S> {
    fn default() -> Self {
        Self {
            shards: BTreeMap::new(),
            tally: Tally::default(),
            processed: 0,
            audit: OrderAudit::default(),
            sink: None,
        }
    }
}

impl<S: PerShard> AppCore<S> {
    /// Its reader of `shard`, if it has one.
    pub fn reader(&self, shard: ShardId) -> Option<&ShardReader> {
        self.shards.get(&shard).map(S::reader)
    }

    /// Lag: the largest `MillisBehindLatest` over the shards it still reads, ms.
    pub fn lag(&self) -> u64 {
        self.shards.values().map(S::reader).filter(|r| !r.finished).map(|r| r.millis_behind).max().unwrap_or(0)
    }

    /// Records stored in the stream and not yet received (and how many of those expired).
    pub fn unread(&self, engine: &Engine, stream: &str) -> (u64, u64) {
        unread_in_stream(engine, stream, |id| self.reader(id))
    }

    /// Adds state (built by `make` around a fresh reader) for each shard of the stream it does
    /// not know yet; see [`add_new_readers`].
    pub(crate) fn add_new_shards(
        &mut self,
        engine: &Engine,
        stream: &str,
        start: StartPosition,
        make: impl FnMut(ShardReader) -> S,
    ) {
        add_new_readers(engine, stream, &mut self.shards, start, &mut self.tally, make);
    }
}
