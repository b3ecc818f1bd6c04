//! Accounting invariants under every preset and several seeds.

use crate::helpers::run_preset;
use kinesis_playground::engine::state::limits::{WRITE_BYTES_PER_SEC, WRITE_RECORDS_PER_SEC};
use kinesis_playground::world::metrics::{MetricName, Scope};
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::World;

const SEEDS: [u64; 3] = [1, 7, 1234];

/// produced = accepted + dropped + in flight; for every consumer, what the stream stored is
/// delivered, lost (expired before read), skipped (before a LATEST start) or still unread.
fn check_accounting(w: &World, ctx: &str) {
    let r = w.report();
    assert_eq!(r.produced, r.accepted + r.dropped + r.in_flight, "{ctx}: producer ledger {r:?}");
    assert_eq!(r.stored, r.accepted, "{ctx}: the stream stored exactly the accepted records");
    for c in &r.consumers {
        let t = &c.tally;
        assert_eq!(
            r.stored,
            t.delivered + t.lost + t.skipped + c.backlog + c.expired_unread,
            "{ctx}: consumer {} ledger {c:?}",
            c.name
        );
        assert_eq!(t.order_violations, 0, "{ctx}: consumer {} saw a key out of order", c.name);
    }
}

/// Per shard and any window of k whole seconds, accepted writes stay within the token bucket's
/// bound: one second of burst plus k seconds of refill.
fn check_write_limits(w: &World, ctx: &str) {
    let m = w.metrics();
    let Some(stream) = w.engine().stream(w.stream_name()) else {
        panic!("{ctx}: no stream");
    };
    for sh in &stream.shards {
        for (metric, rate) in
            [(MetricName::IncomingBytes, WRITE_BYTES_PER_SEC), (MetricName::IncomingRecords, WRITE_RECORDS_PER_SEC)]
        {
            let Some(series) = m.series(Scope::Shard(stream.key, sh.id), metric) else {
                continue;
            };
            let values: Vec<u64> = series.values().collect();
            for k in 1..=10usize {
                for win in values.windows(k) {
                    let sum: u64 = win.iter().sum();
                    assert!(sum <= rate * (k as u64 + 1), "{ctx}: {} {metric:?} {sum} in {k} s", sh.id);
                }
            }
        }
    }
}

#[test]
fn every_preset_keeps_the_books_for_many_seeds() {
    for preset in Preset::ALL {
        for seed in SEEDS {
            let w = run_preset(preset, seed, 6);
            let ctx = format!("preset {} seed {seed}", preset.slug());
            check_accounting(&w, &ctx);
            check_write_limits(&w, &ctx);
            assert!(w.report().accepted > 0, "{ctx}: nothing accepted");
        }
    }
}

#[test]
fn same_seed_same_digest_different_seed_different_digest() {
    for preset in Preset::ALL {
        let name = preset.slug();
        let a = run_preset(preset, 7, 3);
        let b = run_preset(preset, 7, 3);
        let c = run_preset(preset, 8, 3);
        assert_eq!(a.digest(), b.digest(), "{name}: replay differs");
        assert_eq!(a.report(), b.report(), "{name}: replay differs");
        assert_ne!(a.digest(), c.digest(), "{name}: seeds 7 and 8 give the same digest");
    }
}

#[test]
fn scenario_json_replays_to_the_same_digest() {
    let s = Preset::Resharding.scenario(3);
    let from_json = kinesis_playground::world::scenario::Scenario::from_json(&s.to_json());
    let a = crate::helpers::run(s, 4);
    let b = crate::helpers::run(from_json.unwrap_or_default(), 4);
    assert_eq!(a.digest(), b.digest());
}
