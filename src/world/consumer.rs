//! Consumer applications of any kind: the settings a scenario names ([`ConsumerSpec`]) and the
//! running application ([`ConsumerApp`]).
//!
//! The three kinds read the stream in the three ways AWS offers: a KCL-style polling
//! application ([`PollingApp`], shared throughput), an AWS Lambda event source mapping
//! ([`LambdaApp`]) and an enhanced fan-out application ([`FanOutApp`], `SubscribeToShard`).
//! Each keeps an `AppCore` (`app.rs`) (readers by shard, totals, order check, sink), so the accessors
//! below are written once; only starting, syncing and polling differ by kind.

use super::fanout::{FanOutApp, FanOutSpec};
use super::lambda::{LambdaApp, LambdaSpec};
use super::polling::{PollingApp, PollingSpec};
use super::reader::{OrderAudit, ShardReader, Tally};
use super::sink::Sink;
use crate::engine::state::shard::ShardId;
use crate::engine::time::SimTime;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};

/// A consumer present in a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ConsumerSpec {
    /// A KCL-style polling application (shared throughput).
    Polling(PollingSpec),
    /// An AWS Lambda function behind an event source mapping.
    Lambda(LambdaSpec),
    /// An enhanced fan-out application (RegisterStreamConsumer + SubscribeToShard).
    FanOut(FanOutSpec),
}

impl ConsumerSpec {
    /// The consumer's name.
    pub fn name(&self) -> &str {
        match self {
            ConsumerSpec::Polling(s) => &s.name,
            ConsumerSpec::Lambda(s) => &s.name,
            ConsumerSpec::FanOut(s) => &s.name,
        }
    }

    /// The consumer's name, to make it unique.
    pub(crate) fn name_mut(&mut self) -> &mut String {
        match self {
            ConsumerSpec::Polling(s) => &mut s.name,
            ConsumerSpec::Lambda(s) => &mut s.name,
            ConsumerSpec::FanOut(s) => &mut s.name,
        }
    }
}

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

/// Evaluates `$body` with `$c` bound to the application inside `$app`, whatever its kind: the
/// one place that lists the kinds for the accessors that every kind answers the same way.
macro_rules! each_kind {
    ($app:expr, $c:ident => $body:expr) => {
        match $app {
            ConsumerApp::Polling($c) => $body,
            ConsumerApp::Lambda($c) => $body,
            ConsumerApp::FanOut($c) => $body,
        }
    };
}

/// What a consumer asks the world to schedule after a poll.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Polled {
    /// When to poll the shard again (fan-out: to subscribe again), if at all.
    pub(crate) again: Option<SimTime>,
    /// Lambda invocations started on the shard: lane and when each ends.
    pub(crate) invocations: Vec<(usize, SimTime)>,
}

impl ConsumerApp {
    /// A new application of `spec`'s kind, the `index`-th consumer of the world (it names the
    /// application's random stream), started at `now`.
    pub(crate) fn new(spec: ConsumerSpec, now: SimTime, seed: u64, index: u64) -> Self {
        match spec {
            ConsumerSpec::Polling(s) => ConsumerApp::Polling(PollingApp::new(s, now, seed, index)),
            ConsumerSpec::Lambda(s) => ConsumerApp::Lambda(LambdaApp::new(s, seed, index)),
            ConsumerSpec::FanOut(s) => ConsumerApp::FanOut(FanOutApp::new(s)),
        }
    }

    /// Its name.
    pub fn name(&self) -> &str {
        each_kind!(self, c => &c.spec.name)
    }

    /// Its delivery totals.
    pub fn tally(&self) -> &Tally {
        each_kind!(self, c => &c.core.tally)
    }

    /// Its delivery totals, to refresh its lag once a second.
    pub(crate) fn tally_mut(&mut self) -> &mut Tally {
        each_kind!(self, c => &mut c.core.tally)
    }

    /// Its lag: the largest `MillisBehindLatest` over the shards it still reads, ms.
    pub fn lag(&self) -> u64 {
        each_kind!(self, c => c.core.lag())
    }

    /// Its reader of `shard`, if it has one.
    pub fn reader(&self, shard: ShardId) -> Option<&ShardReader> {
        each_kind!(self, c => c.core.reader(shard))
    }

    /// Its code's output, when it is part of the pipelines.
    pub fn sink(&self) -> Option<&Sink> {
        each_kind!(self, c => c.core.sink.as_ref())
    }

    /// Its code's output, to inject a bug or expire what a batch view absorbed.
    pub(crate) fn sink_mut(&mut self) -> Option<&mut Sink> {
        each_kind!(self, c => c.core.sink.as_mut())
    }

    /// Gives it a sink (it becomes part of the pipelines).
    pub(crate) fn set_sink(&mut self, sink: Sink) {
        each_kind!(self, c => c.core.sink = Some(sink))
    }

    /// Its per-key order check (with the last records it got out of order).
    pub fn audit(&self) -> &OrderAudit {
        each_kind!(self, c => &c.core.audit)
    }

    /// Records processed by the application.
    pub fn processed(&self) -> u64 {
        each_kind!(self, c => c.core.processed)
    }

    /// `(unread, of which expired)` records in the stream for this consumer.
    pub fn unread(&self, engine: &Engine, stream: &str) -> (u64, u64) {
        each_kind!(self, c => c.core.unread(engine, stream))
    }

    /// Picks up shards it does not know yet (a fan-out application registers first, then waits
    /// for `ACTIVE`); returns the shards to poll (subscribe to) and when, in order.
    pub(crate) fn sync(&mut self, engine: &mut Engine, stream: &str) -> Vec<(SimTime, ShardId)> {
        let now = engine.now();
        match self {
            ConsumerApp::Polling(p) => {
                // Each lease's first poll has its own phase, drawn in shard order.
                let shards = p.sync_leases(engine, stream);
                shards.into_iter().map(|shard| (now.plus(p.start_phase()), shard)).collect()
            }
            ConsumerApp::Lambda(l) => l.sync_shards(engine, stream).into_iter().map(|shard| (now, shard)).collect(),
            ConsumerApp::FanOut(f) => f.sync(engine, stream).into_iter().map(|shard| (now, shard)).collect(),
        }
    }

    /// Polls `shard` (GetRecords; a fan-out application calls SubscribeToShard instead).
    pub(crate) fn poll(&mut self, engine: &mut Engine, stream: &str, shard: ShardId) -> Polled {
        match self {
            ConsumerApp::Polling(p) => Polled { again: p.poll(engine, stream, shard), invocations: Vec::new() },
            ConsumerApp::Lambda(l) => {
                let next = l.poll(engine, stream, shard);
                Polled { again: next.poll_at, invocations: next.done_at }
            }
            ConsumerApp::FanOut(f) => Polled { again: f.subscribe(engine, shard), invocations: Vec::new() },
        }
    }
}
