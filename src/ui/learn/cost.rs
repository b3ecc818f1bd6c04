//! The cost card of chapter 10: what the running load would cost a month in each capacity mode,
//! from the world's price model (`world::cost`, AWS's us-east-1 price list:
//! <https://aws.amazon.com/kinesis/data-streams/pricing/>).

use crate::engine::state::stream::StreamMode;
use crate::ui::sim::Sim;
use crate::world::cost::monthly;

/// Record size assumed before any record was written, bytes.
const DEFAULT_RECORD_BYTES: u64 = 1_024;

/// The monthly cost of the running load in both modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModeCosts {
    /// The producers' target rate, records/s.
    pub records_per_sec: u64,
    /// Open shards.
    pub shards: usize,
    /// Average record size written so far (data + key), bytes.
    pub record_bytes: u64,
    /// Provisioned mode, micro-dollars a month.
    pub provisioned_micro_usd: u64,
    /// On-demand mode, micro-dollars a month.
    pub on_demand_micro_usd: u64,
}

impl ModeCosts {
    /// The figures for `sim`'s shown stream: its open shards, the producers' rate, 24 h
    /// retention, each record read once by a shared-throughput consumer.
    pub fn of(sim: &Sim) -> ModeCosts {
        let (bytes, records) = sim
            .world()
            .engine()
            .stream(sim.shown_stream())
            .map(|s| {
                s.listed_shards().fold((0u64, 0u64), |(b, r), sh| {
                    (b.saturating_add(sh.counters.incoming_bytes), r.saturating_add(sh.counters.incoming_records))
                })
            })
            .unwrap_or_default();
        let record_bytes = bytes.checked_div(records).unwrap_or(DEFAULT_RECORD_BYTES);
        let rate = sim.target_rate();
        let shards = sim.open_shards();
        let cost = |mode| monthly(shards as u64, 24, rate, record_bytes, 0, mode).total;
        ModeCosts {
            records_per_sec: rate,
            shards,
            record_bytes,
            provisioned_micro_usd: cost(StreamMode::Provisioned),
            on_demand_micro_usd: cost(StreamMode::OnDemand),
        }
    }

    /// Whether provisioned mode is the cheaper one (ties go to provisioned).
    pub fn provisioned_is_cheaper(&self) -> bool {
        self.provisioned_micro_usd <= self.on_demand_micro_usd
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sim::Settings;

    fn sim(rate: u32, shards: u32) -> Sim {
        let settings = Settings { rate: Some(rate), shards: Some(shards), ..Settings::default() };
        match Sim::new(settings) {
            Ok(mut s) => {
                s.advance(5_000);
                s
            }
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn idle_shards_are_cheaper_on_demand_and_a_big_steady_load_provisioned() {
        // On-demand bills a per-stream hour (above one shard-hour): one shard is cheaper
        // provisioned even when idle, ten idle ones are not.
        assert!(ModeCosts::of(&sim(1, 1)).provisioned_is_cheaper());
        let low = ModeCosts::of(&sim(1, 10));
        assert!(!low.provisioned_is_cheaper(), "{low:?}");
        let high = ModeCosts::of(&sim(5_000, 6));
        assert!(high.provisioned_is_cheaper(), "{high:?}");
        assert_eq!(high.records_per_sec, 5_000);
        assert!(high.record_bytes > 0);
    }
}
