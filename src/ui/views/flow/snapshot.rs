//! What the flow view shows, built from the simulation: producers, the lanes of
//! [`shard_rows`] with each shard's load per second, the consumers with their place in every
//! shard, and the record picked for the details panel.

use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamStatus;
use crate::ui::sim::{ShardRates, Sim};
use crate::ui::snapshot::{shard_rows, stream_status, ConsumerKind, RecentRecord, ShardRow, Totals};
use crate::ui::views::live_input::model::set_rate;
use crate::world::payload::KeyDistribution;
use crate::world::producer::Batching;
use crate::world::report::ConsumerNow;
use crate::world::ConsumerApp;

/// A producer, as the flow view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProducerRow {
    /// Name.
    pub name: String,
    /// Target rate now, records/s (0 when stopped).
    pub rate: u64,
    /// The rate it is set to, records/s, when that is one number; `None` for a ramp or spikes,
    /// whose value now ([`ProducerRow::rate`]) is live state.
    pub set_rate: Option<u64>,
    /// Records made.
    pub produced: u64,
    /// Records accepted.
    pub accepted: u64,
    /// Throttled attempts retried.
    pub retried: u64,
    /// Records dropped after the last retry.
    pub dropped: u64,
    /// Records buffered or waiting for a retry.
    pub in_flight: u64,
    /// Stopped.
    pub stopped: bool,
    /// How it picks partition keys.
    pub keys: KeyDistribution,
    /// Sends PutRecords batches (else one PutRecord per record).
    pub batched: bool,
}

/// A shard lane of the flow view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowShard {
    /// Lane contents.
    pub row: ShardRow,
    /// Load per second.
    pub rates: ShardRates,
}

/// Where a consumer is in one shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The shard.
    pub shard: ShardId,
    /// Age of its next unread record, ms; `None` when it has read everything.
    pub age_ms: Option<u64>,
    /// Read to the end of a closed shard.
    pub finished: bool,
}

/// A Lambda consumer's batches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LambdaBatches {
    /// Invocations so far.
    pub invocations: u64,
    /// Failed invocations.
    pub failed: u64,
    /// Records buffered or being processed.
    pub in_flight: u64,
}

/// A consumer, as the flow view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowConsumer {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ConsumerKind,
    /// MillisBehindLatest, ms; on shards nobody reads, the age of the oldest unread record.
    pub lag_ms: u64,
    /// It has shards to read and no live worker reading them.
    pub nobody_reading: bool,
    /// Records received.
    pub delivered: u64,
    /// Records processed.
    pub processed: u64,
    /// Records lost (expired unread).
    pub lost: u64,
    /// Records received again (after a failover).
    pub duplicates: u64,
    /// Read calls refused by limits.
    pub throttled: u64,
    /// Average propagation delay, ms.
    pub latency_avg_ms: u64,
    /// Bytes received per second, mean over the last `rate_window_secs` whole seconds.
    pub bytes_per_sec: u64,
    /// The window of that mean, s (10, fewer at the start).
    pub rate_window_secs: u64,
    /// Per shard.
    pub cursors: Vec<Cursor>,
    /// Polling: (live, total) workers.
    pub workers: Option<(u32, u32)>,
    /// Lambda: its batches.
    pub batches: Option<LambdaBatches>,
}

/// What the flow view draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowSnapshot {
    /// Simulated ms since the stream became ACTIVE.
    pub elapsed_ms: u64,
    /// Records younger than this are drawn, ms.
    pub window_ms: u64,
    /// The name of the stream drawn ([`Sim::shown_stream`]).
    pub stream_name: String,
    /// The scenario's stream, when the stream drawn is another one (created in the console):
    /// the scenario's producers and consumers write and read that one, so they are left out.
    pub scenario_stream: Option<String>,
    /// Stream status (`None` before the stream exists).
    pub status: Option<StreamStatus>,
    /// Producers.
    pub producers: Vec<ProducerRow>,
    /// Shard lanes.
    pub shards: Vec<FlowShard>,
    /// Consumers (removed ones left out).
    pub consumers: Vec<FlowConsumer>,
    /// Totals of the producers (zero when the scenario's stream is not the one drawn).
    pub totals: Totals,
    /// Live mode: where the client's own `GetRecords` calls have read each shard to (the last
    /// record read; `age_ms` `None` once it expired), from
    /// [`crate::world::World::client_readers`].
    pub readers: Vec<Cursor>,
    /// The live window: every record of yours came from the student's client.
    pub live: bool,
}

impl FlowSnapshot {
    /// The record flow of `sim` now, in the stream it shows: records younger than `window_ms`,
    /// at most about `max_dots` per lane, and every record of yours among them.
    pub fn of(sim: &Sim, window_ms: u64, max_dots: usize) -> FlowSnapshot {
        let w = sim.world();
        let now = w.now();
        let shown = sim.shown_stream();
        let stream = w.engine().stream(shown);
        let shards = shard_rows(w, shown, sim.dot_cache(), window_ms, max_dots)
            .into_iter()
            .map(|row| FlowShard { rates: sim.rates(row.id), row })
            .collect();
        let scenario_stream = (!sim.shows_scenario_stream()).then(|| w.stream_name().to_string());
        let readers: Vec<Cursor> = w
            .client_readers(shown)
            .into_iter()
            .filter_map(|r| {
                // At the last record it read (a consumer's cursor sits at its next unread one).
                let store = &stream?.shard(r.shard)?.records;
                let last = r.next_position.checked_sub(1)?;
                let age_ms = last
                    .checked_sub(store.first_index())
                    .and_then(|i| store.get(i as usize))
                    .map(|rec| now.since(rec.arrival));
                Some(Cursor { shard: r.shard, age_ms, finished: false })
            })
            .collect();
        if scenario_stream.is_some() {
            return FlowSnapshot {
                elapsed_ms: sim.elapsed_ms(),
                window_ms,
                stream_name: shown.to_string(),
                scenario_stream,
                status: stream_status(w, shown),
                producers: Vec::new(),
                shards,
                consumers: Vec::new(),
                totals: Totals::default(),
                readers,
                live: sim.is_live(),
            };
        }
        let producers = w
            .producers()
            .iter()
            .map(|p| ProducerRow {
                name: p.spec.name.clone(),
                rate: if p.stopped { 0 } else { p.spec.rate.at(now.since(p.started)) },
                set_rate: set_rate(&p.spec.rate),
                produced: p.stats.produced,
                accepted: p.stats.accepted,
                retried: p.stats.retried,
                dropped: p.stats.dropped,
                in_flight: p.in_flight(),
                stopped: p.stopped,
                keys: p.spec.keys.clone(),
                batched: !matches!(p.spec.batching, Batching::Single),
            })
            .collect();
        let consumers = w
            .consumers()
            .iter()
            .enumerate()
            .filter(|(i, _)| !w.is_removed(*i))
            .map(|(_, c)| {
                let t = c.tally();
                let cursors = stream
                    .map(|s| {
                        s.shards
                            .iter()
                            .filter_map(|sh| {
                                let r = c.reader(sh.id)?;
                                let store = &sh.records;
                                let next = r.read_pos.max(store.first_index());
                                let age_ms = (next < store.end_index())
                                    .then(|| store.get((next - store.first_index()) as usize))
                                    .flatten()
                                    .map(|rec| now.since(rec.arrival));
                                Some(Cursor { shard: sh.id, age_ms, finished: r.finished })
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let live = ConsumerNow::of(c, w.engine(), w.stream_name(), w.metrics());
                let (workers, batches) = match c {
                    ConsumerApp::Polling(p) => {
                        (Some((p.workers.iter().filter(|a| **a).count() as u32, p.workers.len() as u32)), None)
                    }
                    ConsumerApp::Lambda(l) => (
                        None,
                        Some(LambdaBatches {
                            invocations: l.stats.invocations,
                            failed: l.stats.failed_invocations,
                            in_flight: l.in_flight(),
                        }),
                    ),
                    ConsumerApp::FanOut(_) => (None, None),
                };
                FlowConsumer {
                    name: c.name().to_string(),
                    kind: ConsumerKind::of(c),
                    lag_ms: live.lag_ms,
                    nobody_reading: live.nobody_reading,
                    delivered: t.delivered,
                    processed: c.processed(),
                    lost: t.lost,
                    duplicates: t.duplicates,
                    throttled: t.throttled,
                    latency_avg_ms: t.latency_ms_total / t.delivered.max(1),
                    bytes_per_sec: live.bytes_per_sec(),
                    rate_window_secs: live.window_secs,
                    cursors,
                    workers,
                    batches,
                }
            })
            .collect();
        FlowSnapshot {
            elapsed_ms: sim.elapsed_ms(),
            window_ms,
            stream_name: shown.to_string(),
            scenario_stream,
            status: stream_status(w, shown),
            producers,
            shards,
            consumers,
            totals: Totals::of(w),
            readers,
            live: sim.is_live(),
        }
    }
}

/// The record the details panel shows: the one picked (a dot or a recent record), and what is
/// left of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selected {
    /// Its shard.
    pub shard: ShardId,
    /// Its position in the shard.
    pub position: u64,
    /// The record; `None` once it has expired.
    pub record: Option<RecentRecord>,
}

impl Selected {
    /// Record `position` of `shard` in the stream `sim` shows, read now.
    pub fn of(sim: &Sim, shard: ShardId, position: u64) -> Selected {
        Selected { shard, position, record: RecentRecord::at(sim.world(), sim.shown_stream(), shard, position) }
    }
}

/// Dots drawn in all lanes together at most (the rest are counted, not drawn).
pub const MAX_DOTS: usize = 480;
/// Recent records listed (a keyboard-reachable way to open details); records of yours still
/// retained are listed first, this many at most too.
pub const RECENT: usize = 6;
/// The recent-records list refreshes at most this often while playing, wall ms, so that it can
/// be read and clicked.
pub const RECENT_EVERY_MS: f64 = 3_000.0;

/// Dots per lane with `open_shards` open shards: [`MAX_DOTS`] shared, 12 to 48 per lane.
pub fn dots_per_lane(open_shards: usize) -> usize {
    (MAX_DOTS / open_shards.max(1)).clamp(12, 48)
}

/// The recent-records list of the stream `sim` shows: the records of yours it still retains
/// (newest first, at most [`RECENT`]), then its [`RECENT`] newest records that are not yours.
pub fn recent_list(sim: &Sim) -> Vec<RecentRecord> {
    let (w, shown) = (sim.world(), sim.shown_stream());
    let mut list = crate::ui::snapshot::yours_records(w, shown, RECENT);
    list.extend(crate::ui::snapshot::recent_records(w, shown, RECENT + list.len()).into_iter().filter(|r| !r.yours));
    list.truncate(RECENT + list.iter().filter(|r| r.yours).count());
    list
}

/// The recent-records list, kept between frames: rebuilt every [`RECENT_EVERY_MS`] of wall
/// time, at once when the simulation is paused and its clock moved (a step), and at once when
/// the stream shown or its records of yours change (a stream picked, a console put).
#[derive(Clone, Debug)]
pub struct RecentCache {
    /// Wall ms of the last rebuild.
    wall_ms: f64,
    /// Simulated ms of the last rebuild.
    elapsed_ms: u64,
    /// The stream shown and how many records of yours it had at the last rebuild.
    source: (String, usize),
    /// The list.
    records: std::rc::Rc<Vec<RecentRecord>>,
}

impl Default for RecentCache {
    fn default() -> Self {
        Self {
            wall_ms: f64::NEG_INFINITY,
            elapsed_ms: u64::MAX,
            source: (String::new(), 0),
            records: Default::default(),
        }
    }
}

impl RecentCache {
    /// The list of [`recent_list`], rebuilt only when stale at wall time `now_wall_ms`.
    pub fn get(&mut self, sim: &Sim, now_wall_ms: f64, paused: bool) -> std::rc::Rc<Vec<RecentRecord>> {
        let elapsed_ms = sim.elapsed_ms();
        let shown = sim.shown_stream();
        let source = (shown.to_string(), sim.world().yours(shown).len());
        let stale = now_wall_ms - self.wall_ms >= RECENT_EVERY_MS
            || (paused && self.elapsed_ms != elapsed_ms)
            || self.source != source;
        if stale {
            let records = recent_list(sim);
            *self = RecentCache { wall_ms: now_wall_ms, elapsed_ms, source, records: std::rc::Rc::new(records) };
        }
        self.records.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sim::Settings;

    #[test]
    fn the_recent_list_waits_while_playing_and_follows_steps_while_paused() {
        let settings = Settings { seed: 7, shards: Some(2), rate: Some(10), ..Settings::default() };
        let mut sim = Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"));
        sim.step_second();
        let mut cache = RecentCache::default();
        let first = cache.get(&sim, 0.0, false);
        assert_eq!(first.len(), RECENT);
        sim.step_second();
        assert_eq!(cache.get(&sim, 1_000.0, false), first, "playing: kept for a few wall seconds");
        assert_ne!(cache.get(&sim, 1_000.0, true), first, "paused and stepped: rebuilt at once");
        let stepped = cache.get(&sim, 1_500.0, true);
        sim.step_second();
        assert_ne!(cache.get(&sim, 5_000.0, false), stepped, "playing: rebuilt after a few wall seconds");
        assert_eq!(dots_per_lane(1), 48);
        assert_eq!(dots_per_lane(64), 12);
    }
}
