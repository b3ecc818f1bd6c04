//! The world's totals for reports, the native runner's JSON line and the pinned fixture
//! (`tests/fixtures/preset-digests.json`): what producers made and the stream accepted, what
//! each consumer received, processed, still has to read or lost, and the determinism digest.
//!
//! Every record is accounted for: per producer `produced = accepted + dropped + in flight`, and
//! per consumer and shard `accepted = delivered + lost + skipped + backlog`.
//!
//! [`ConsumerNow`] is what the views show of a consumer at this instant beyond its totals: a read
//! rate over a stated window of simulated time (a per-second reading is zero in most seconds for
//! a consumer that polls once a second), and a lag that keeps growing, flagged, when nobody
//! reads (`MillisBehindLatest` only comes back from GetRecords calls).

use super::consumer::ConsumerApp;
use super::metrics::{MetricName, Metrics, Scope};
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

/// Whole seconds of simulated time over which [`ConsumerNow`] averages a consumer's read rate.
pub const RATE_WINDOW_SECS: u64 = 10;

/// What the views show of one consumer now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConsumerNow {
    /// How far behind the tip of the stream it is, ms: the `MillisBehindLatest` of its last
    /// reads, and on a shard nobody reads (a polling lease no live worker holds), the age of its
    /// oldest unread record, which grows while nobody reads.
    pub lag_ms: u64,
    /// It has shards left to read and no live worker to read them (polling applications).
    pub nobody_reading: bool,
    /// Bytes it received (`DataBytesProcessed`) in the last `window_secs` whole seconds.
    pub window_bytes: u64,
    /// The window, s: [`RATE_WINDOW_SECS`], or the whole seconds it has existed if fewer.
    pub window_secs: u64,
}

impl ConsumerNow {
    /// Consumer `c` of `stream` at the engine's current instant, its rate read from `metrics`.
    pub fn of(c: &ConsumerApp, engine: &Engine, stream: &str, metrics: &Metrics) -> ConsumerNow {
        let (lag_ms, nobody_reading) = match c {
            ConsumerApp::Polling(p) => p.lag_now(engine, stream),
            _ => (c.lag(), false),
        };
        // Seconds `now − window … now − 1`: the last whole seconds, the current one left out.
        let second = engine.now().secs();
        let series = metrics.series(Scope::Consumer(c.name()), MetricName::DataBytesProcessed);
        let first = series.and_then(|r| r.first_second()).unwrap_or(second);
        let window_secs = RATE_WINDOW_SECS.min(second.saturating_sub(first));
        let window_bytes = (1..=window_secs).filter_map(|k| series?.get(second - k)).fold(0u64, u64::saturating_add);
        ConsumerNow { lag_ms, nobody_reading, window_bytes, window_secs }
    }

    /// Mean read rate over the window, bytes per second (rounded down; 0 without a window).
    pub fn bytes_per_sec(&self) -> u64 {
        self.window_bytes.checked_div(self.window_secs).unwrap_or(0)
    }
}
