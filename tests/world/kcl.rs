//! The KCL's lease coordination (issue #17, `src/world/lease.rs` and `polling.rs`): a new
//! worker gets its share one steal per taker run, a killed worker's leases still name it until
//! failoverTimeMillis has passed since their last renewal and another worker's taker takes them,
//! and the records read again after the failover are counted.

use kinesis_playground::world::consumer::ConsumerSpec;
use kinesis_playground::world::lease::taker_interval_ms;
use kinesis_playground::world::polling::{PollingApp, PollingSpec};
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::scenario::Command;
use kinesis_playground::world::{ConsumerApp, World};

fn app(w: &World) -> &PollingApp {
    match w.consumers().iter().find(|c| matches!(c, ConsumerApp::Polling(_))) {
        Some(ConsumerApp::Polling(p)) => p,
        _ => panic!("no polling application"),
    }
}

/// Activity logs on 4 shards, with a KCL application of `workers` workers added at once.
fn world(workers: u32, handler_us: u64) -> World {
    let mut s = Preset::ActivityLogs.scenario(7);
    s.settings.shards = 4;
    s.commands.clear();
    let mut w = World::new(s).unwrap_or_else(|e| panic!("{e:?}"));
    let spec =
        PollingSpec { name: "kcl-app".into(), workers, handler_us_per_record: handler_us, ..PollingSpec::default() };
    w.apply(Command::AddConsumer { consumer: ConsumerSpec::Polling(spec) }).unwrap_or_else(|e| panic!("{e:?}"));
    w
}

#[test]
fn workers_start_unbalanced_and_even_out_one_steal_per_taker_run() {
    let mut w = world(2, 0);
    // Worker 0's first taker run takes all four leases; worker 1's, right after, steals one.
    assert_eq!(app(&w).held_counts(), vec![3, 1]);
    assert_eq!(app(&w).move_count, 5);
    w.advance_by(taker_interval_ms(10_000) + 1_000);
    assert_eq!(app(&w).held_counts(), vec![2, 2]);
    // A third worker: its first taker run steals exactly one lease (maxLeasesToStealAtOneTime).
    w.apply(Command::AddWorker { name: "kcl-app".into() }).unwrap_or_else(|e| panic!("{e:?}"));
    w.advance_by(1_000);
    let counts = app(&w).held_counts();
    assert_eq!(counts[2], 1, "{counts:?}");
    assert_eq!(counts.iter().sum::<usize>(), 4);
    let last = app(&w).moves.back().copied().unwrap_or_else(|| panic!("no move"));
    assert!(last.stolen && last.to == 2, "{last:?}");
}

#[test]
fn a_killed_worker_s_leases_expire_then_move_and_its_batch_is_read_twice() {
    let mut w = world(2, 5_000);
    w.advance_by(60_000);
    assert_eq!(app(&w).held_counts(), vec![2, 2]);
    // Kill worker 0 in the middle of a batch: find an instant when one of its leases is busy.
    let mut tries = 0;
    while !app(&w).core.shards.values().any(|l| l.owner == Some(0) && l.busy_until > w.engine().now()) {
        w.advance_by(50);
        tries += 1;
        assert!(tries < 200, "worker 0 never busy");
    }
    let killed_at = w.engine().now();
    let dup_before = app(&w).core.tally.duplicates;
    w.apply(Command::KillWorker { name: "kcl-app".into(), worker: 0 }).unwrap_or_else(|e| panic!("{e:?}"));
    let owned: Vec<_> = app(&w).core.shards.iter().filter(|(_, l)| l.owner == Some(0)).map(|(id, _)| *id).collect();
    assert_eq!(owned.len(), 2);
    // Until failoverTimeMillis has passed since the last renewal, the table still names worker 0.
    w.advance_by(6_000);
    for id in &owned {
        let l = &app(&w).core.shards[id];
        assert_eq!(l.owner, Some(0));
        assert!(!l.held && l.expires_at(10_000) > killed_at);
    }
    w.advance_by(taker_interval_ms(10_000) + 10_000);
    let p = app(&w);
    for id in &owned {
        let l = &p.core.shards[id];
        assert_eq!(l.owner, Some(1), "{id} moved to the live worker");
        assert!(l.taken_at.since(killed_at) >= 10_000, "taken {} ms after the kill", l.taken_at.since(killed_at));
    }
    assert!(p.core.tally.duplicates > dup_before, "the lost batch is read again");
    assert!(!p.rereads.is_empty());
    // Every record is still delivered at least once: nothing lost, books balance.
    let r = w.report();
    let c = r.consumers.iter().find(|c| c.name == "kcl-app").unwrap_or_else(|| panic!("no report"));
    assert_eq!(c.tally.lost, 0);
    assert_eq!(c.tally.order_violations, 0);
}
