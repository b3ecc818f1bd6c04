//! The world's totals for reports, the native runner's JSON line and the pinned fixture
//! (`tests/fixtures/preset-digests.json`): what producers made and the stream accepted, what
//! each consumer received, processed, still has to read or lost, and the determinism digest.
//!
//! Every record is accounted for: per producer `produced = accepted + dropped + in flight`, and
//! per consumer and shard `accepted = delivered + lost + skipped + backlog`.

use super::consumer::ConsumerApp;
use super::producer::Producer;
use super::reader::Tally;
use crate::engine::time::SimTime;
use crate::engine::Engine;
use serde::Serialize;

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

impl Report {
    /// The totals of `producers` and `consumers` around `stream` in `engine`, since `started`
    /// (the instant the stream became active); `digest` is the world's determinism digest.
    pub fn new(
        engine: &Engine,
        stream: &str,
        started: SimTime,
        producers: &[Producer],
        consumers: &[ConsumerApp],
        digest: u64,
    ) -> Report {
        let (mut produced, mut accepted, mut retried, mut dropped, mut in_flight) = (0, 0, 0, 0, 0);
        for p in producers {
            produced += p.stats.produced;
            accepted += p.stats.accepted;
            retried += p.stats.retried;
            dropped += p.stats.dropped;
            in_flight += p.in_flight();
        }
        let (mut stored, mut expired) = (0, 0);
        if let Some(s) = engine.stream(stream) {
            for sh in &s.shards {
                stored += sh.records.end_index();
                expired += sh.records.first_index();
            }
        }
        let consumers = consumers
            .iter()
            .map(|c| {
                let (unread, expired_unread) = c.unread(engine, stream);
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
            elapsed_ms: engine.now().since(started),
            produced,
            accepted,
            retried,
            dropped,
            in_flight,
            stored,
            expired,
            consumers,
            digest: format!("{digest:016x}"),
        }
    }
}
