//! What the overview draws, built from the simulation: the lanes of [`shard_rows`], the
//! producers' totals and one row per consumer.

use crate::engine::state::stream::StreamStatus;
use crate::ui::sim::Sim;
use crate::ui::snapshot::{shard_rows, stream_status, ConsumerKind, ShardRow, Totals};
use crate::world::report::ConsumerNow;

/// Dots the overview draws in all at most (the rest are counted): 120 per lane for a few
/// shards, fewer per lane for many, so a frame's SVG stays small.
pub const MAX_DOTS: usize = 960;

/// Dots per lane for `lanes` lanes (24 to 120).
pub fn dots_per_lane(lanes: usize) -> usize {
    (MAX_DOTS / lanes.max(1)).clamp(24, 120)
}

/// One consumer, as the overview lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsumerRow {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ConsumerKind,
    /// Records delivered.
    pub delivered: u64,
    /// Lag, ms (it grows while nobody reads; see [`ConsumerNow`]).
    pub lag_ms: u64,
    /// Records lost (expired unread).
    pub lost: u64,
}

/// What the overview view draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewSnapshot {
    /// Simulated ms since the stream became ACTIVE.
    pub elapsed_ms: u64,
    /// Records younger than this are drawn, ms.
    pub window_ms: u64,
    /// The name of the stream drawn ([`Sim::shown_stream`]).
    pub stream_name: String,
    /// The scenario's stream, when the stream drawn is another one (created in the console):
    /// its producers' totals and its consumers are left out.
    pub scenario_stream: Option<String>,
    /// Stream status (`None` before the stream exists).
    pub status: Option<StreamStatus>,
    /// Lanes, open shards in hash order, then closed ones still holding records.
    pub shards: Vec<ShardRow>,
    /// Totals.
    pub totals: Totals,
    /// Consumers, removed ones included.
    pub consumers: Vec<ConsumerRow>,
    /// Determinism digest, hex.
    pub digest: String,
    /// The live window: the records of yours came from the student's own client.
    pub live: bool,
}

impl OverviewSnapshot {
    /// The overview of `sim` now, in the stream it shows: records younger than `window_ms`, at
    /// most about `max_dots` per lane.
    pub fn of(sim: &Sim, window_ms: u64, max_dots: usize) -> OverviewSnapshot {
        let w = sim.world();
        let shown = sim.shown_stream();
        let scenario_stream = (!sim.shows_scenario_stream()).then(|| w.stream_name().to_string());
        let consumers = w
            .consumers()
            .iter()
            .map(|c| ConsumerRow {
                name: c.name().to_string(),
                kind: ConsumerKind::of(c),
                delivered: c.tally().delivered,
                lag_ms: ConsumerNow::of(c, w.engine(), w.stream_name(), w.metrics()).lag_ms,
                lost: c.tally().lost,
            })
            .filter(|_| scenario_stream.is_none())
            .collect();
        OverviewSnapshot {
            elapsed_ms: sim.elapsed_ms(),
            window_ms,
            stream_name: shown.to_string(),
            status: stream_status(w, shown),
            shards: shard_rows(w, shown, sim.dot_cache(), window_ms, max_dots),
            totals: if scenario_stream.is_none() { Totals::of(w) } else { Totals::default() },
            scenario_stream,
            consumers,
            digest: sim.digest(),
            live: sim.is_live(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sim::Settings;

    #[test]
    fn the_url_settings_shape_the_world() {
        let settings = Settings { seed: 7, shards: Some(4), rate: Some(50), ..Settings::default() };
        let mut sim = Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..10 {
            sim.step_second();
        }
        let snap = OverviewSnapshot::of(&sim, 10_000, 200);
        assert_eq!(snap.elapsed_ms, 10_000);
        assert_eq!(snap.status, Some(StreamStatus::Active));
        assert_eq!(snap.shards.iter().map(|s| s.per_sec).sum::<u64>(), 50, "records/s in the last whole second");
        assert_eq!(snap.shards.len(), 4);
        assert_eq!(snap.totals.accepted, 500, "50 records/s for 10 s");
        let drawn: usize = snap.shards.iter().map(|s| s.dots.len()).sum();
        assert_eq!(drawn, 500, "every record of the 10 s window is drawn");
        for s in &snap.shards {
            assert!(s.dots.iter().all(|d| (s.start..=s.end).contains(&d.hash) && d.age_ms <= 10_000), "{}", s.id);
        }
        // Few dots per lane: sampled on stable positions.
        let sparse = OverviewSnapshot::of(&sim, 10_000, 5);
        assert!(sparse.shards.iter().all(|s| s.dots.len() <= 6));
        assert_eq!((dots_per_lane(1), dots_per_lane(4), dots_per_lane(64)), (120, 120, 24));
    }
}
