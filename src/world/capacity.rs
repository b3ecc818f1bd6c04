//! Capacity history: the scenario stream's open shards and write demand over simulated time, for
//! the cost view's on-demand scaling chart.
//!
//! # What is modelled
//!
//! AWS scales an ON_DEMAND stream's shards to follow its write traffic ("Choose the data stream
//! capacity mode", <https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html>);
//! the engine does it in `engine::ops::modes`. This sampler records, once per simulated second
//! (the world's tick), the open-shard count (the write capacity: 1 MiB/s per shard) and the
//! bytes producers tried to write in that second (accepted plus throttled: the demand the
//! capacity follows). It reads the engine's counters only; it changes nothing, so it does not
//! touch the decision digest.
//!
//! # Bounded
//!
//! At most [`MAX_SAMPLES`] samples are kept. When full, neighbouring pairs merge (the later
//! shard count, the higher demand) and each sample then covers twice as many seconds, so a
//! run of any length keeps its whole shape in constant memory.

use crate::engine::state::stream::StreamMode;
use crate::engine::Engine;

/// Most samples kept (an even number; see the module docs).
pub const MAX_SAMPLES: usize = 240;

/// One sample of the scenario stream's capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapacitySample {
    /// End of the interval the sample covers, simulated seconds since the world started.
    pub at_s: u64,
    /// Open shards at the end of the interval.
    pub open_shards: u32,
    /// Highest write demand (bytes accepted + bytes throttled) of one second in the interval,
    /// bytes/s.
    pub demand_bytes_per_sec: u64,
    /// Whether the stream was ON_DEMAND at the end of the interval.
    pub on_demand: bool,
}

/// The bounded history (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CapacityHistory {
    /// Samples, oldest first.
    samples: Vec<CapacitySample>,
    /// Seconds each sample covers (1, 2, 4 …).
    stride_s: u64,
    /// The sample being filled, and how many seconds it holds.
    pending: Option<(CapacitySample, u64)>,
    /// Bytes written + throttled so far (all shards), at the last tick.
    last_total: u64,
}

impl CapacityHistory {
    /// Records second `at_s` of stream `stream` (called from the world's per-second tick).
    pub fn sample(&mut self, engine: &Engine, stream: &str, at_s: u64) {
        let Some(s) = engine.stream(stream) else {
            return;
        };
        let total: u64 = s
            .shards
            .iter()
            .map(|sh| sh.counters.incoming_bytes.saturating_add(sh.counters.write_throttled_bytes))
            .fold(0, u64::saturating_add);
        let demand = total.saturating_sub(self.last_total);
        self.last_total = total;
        let now = CapacitySample {
            at_s,
            open_shards: u32::try_from(s.open_shard_count()).unwrap_or(u32::MAX),
            demand_bytes_per_sec: demand,
            on_demand: s.mode == StreamMode::OnDemand,
        };
        self.stride_s = self.stride_s.max(1);
        let (merged, secs) = match self.pending.take() {
            Some((p, n)) => (merge(p, now), n + 1),
            None => (now, 1),
        };
        if secs >= self.stride_s {
            self.samples.push(merged);
            if self.samples.len() >= MAX_SAMPLES {
                self.samples =
                    self.samples.chunks(2).map(|c| c.iter().copied().reduce(merge).unwrap_or(c[0])).collect();
                self.stride_s *= 2;
            }
        } else {
            self.pending = Some((merged, secs));
        }
    }

    /// The samples, oldest first.
    pub fn samples(&self) -> &[CapacitySample] {
        &self.samples
    }

    /// Seconds each sample covers.
    pub fn stride_s(&self) -> u64 {
        self.stride_s.max(1)
    }
}

/// Two consecutive samples as one: the later's time, shards and mode, the higher demand.
fn merge(a: CapacitySample, b: CapacitySample) -> CapacitySample {
    CapacitySample { demand_bytes_per_sec: a.demand_bytes_per_sec.max(b.demand_bytes_per_sec), ..b }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EngineConfig;

    #[test]
    fn the_history_stays_bounded_and_keeps_its_span() {
        let mut e = Engine::new(EngineConfig::default());
        let _ = e.call("CreateStream", &serde_json::json!({"StreamName": "s", "ShardCount": 2}));
        e.advance_by(10_000);
        let mut h = CapacityHistory::default();
        for t in 1..=10_000 {
            h.sample(&e, "s", t);
        }
        assert!(h.samples().len() < MAX_SAMPLES);
        assert!(h.samples().len() >= MAX_SAMPLES / 2 - 1);
        let last = h.samples().last().copied().unwrap_or(CapacitySample {
            at_s: 0,
            open_shards: 0,
            demand_bytes_per_sec: 0,
            on_demand: false,
        });
        assert!(last.at_s > 9_000, "{last:?}");
        assert_eq!(last.open_shards, 2);
        assert!(h.samples().windows(2).all(|w| w[0].at_s < w[1].at_s));
    }

    #[test]
    fn demand_is_the_bytes_of_each_second() {
        let mut e = Engine::new(EngineConfig::default());
        let _ = e.call("CreateStream", &serde_json::json!({"StreamName": "s", "ShardCount": 1}));
        e.advance_by(10_000);
        let mut h = CapacityHistory::default();
        h.sample(&e, "s", 1);
        let _ = e.call("PutRecord", &serde_json::json!({"StreamName": "s", "PartitionKey": "k", "Data": "AAAA"}));
        h.sample(&e, "s", 2);
        h.sample(&e, "s", 3);
        let d: Vec<u64> = h.samples().iter().map(|s| s.demand_bytes_per_sec).collect();
        assert_eq!(d, [0, 4, 0]);
    }
}
