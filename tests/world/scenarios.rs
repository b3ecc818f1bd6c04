//! Scenario assertions that would catch a toy.

use crate::helpers::{run, run_preset};
use kinesis_playground::engine::state::hashing::partition_key_hash;
use kinesis_playground::engine::time::{HOUR_MS, MINUTE_MS};
use kinesis_playground::world::consumer::ConsumerSpec;
use kinesis_playground::world::lambda::LambdaSpec;
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::scenario::{Command, TimedCommand};
use kinesis_playground::world::ConsumerApp;
use std::collections::BTreeMap;

#[test]
fn hot_key_throttles_exactly_the_hot_shard() {
    let w = run_preset(Preset::HotKey, 5, 3);
    let stream = w.engine().stream("hot-key").unwrap_or_else(|| panic!("no stream"));
    let hot = partition_key_hash("user-0");
    for sh in &stream.shards {
        let throttled = sh.counters.write_throttled;
        if sh.hash_key_range.contains(hot) {
            assert!(throttled > 10_000, "{}: hot shard throttled only {throttled}", sh.id);
            // It runs at its limit: about 1,000 records/s accepted.
            let per_sec = sh.counters.incoming_records / 180;
            assert!((950..=1_010).contains(&per_sec), "{}: {per_sec} records/s", sh.id);
        } else {
            assert_eq!(throttled, 0, "{} is not hot but was throttled", sh.id);
            assert!(sh.counters.incoming_records > 0);
        }
    }
    let r = w.report();
    assert!(r.dropped > 0 && r.retried > r.dropped, "{r:?}");
}

#[test]
fn slow_consumer_loses_only_records_older_than_retention() {
    // 20 records/s in, 5 records/s processed: the backlog's age grows by 0.75 s per second and
    // passes the 24 h retention after 32 h.
    let w = run_preset(Preset::SlowConsumer, 2, 30 * 60);
    assert_eq!(w.report().consumers[0].tally.lost, 0, "nothing is lost before the backlog is 24 h old");
    let w = run_preset(Preset::SlowConsumer, 2, 36 * 60);
    let r = w.report();
    let c = &r.consumers[0];
    assert!(c.tally.lost > 10_000, "{c:?}");
    // Only expired records can be lost: never more than the stream expired.
    assert!(c.tally.lost + c.expired_unread <= r.expired, "{r:?}");
    // Everything still retained is either delivered already or in the backlog.
    let stream = w.engine().stream("slow-consumer").unwrap_or_else(|| panic!("no stream"));
    let oldest = stream.shards[0].records.front().map(|rec| rec.arrival);
    let cutoff = w.now().minus(24 * HOUR_MS);
    assert!(oldest.is_some_and(|a| a >= cutoff), "retained records are younger than retention");
}

#[test]
fn fan_out_consumers_get_their_own_two_mib_while_polling_consumers_share() {
    let w = run_preset(Preset::FanOut, 4, 7);
    let r = w.report();
    let secs = r.elapsed_ms / 1000;
    let (polling, efo): (Vec<_>, Vec<_>) = r.consumers.iter().partition(|c| c.name.starts_with("app-"));
    assert_eq!((polling.len(), efo.len()), (5, 5));
    // Five polling readers each want ~0.9 MB/s; together they get the shard's 2 MiB/s, not 4.5 MB/s.
    let shared: u64 = polling.iter().map(|c| c.tally.delivered_bytes).sum::<u64>() / secs;
    assert!(shared <= 2 * 1024 * 1024 + 10 * 1024 * 1024 / secs, "{shared} B/s");
    assert!(shared > 1_800_000, "{shared} B/s: the shared budget is used");
    for c in &polling {
        assert!(c.tally.throttled > 0, "{c:?}");
        assert!(c.tally.millis_behind > 60_000, "{}: a shared reader falls behind: {c:?}", c.name);
    }
    // Each enhanced fan-out consumer receives everything (~0.9 MB/s) on its own pipe, ~70 ms late.
    let accepted_bytes: u64 = w.producers().iter().map(|p| p.stats.accepted_bytes).sum();
    let mut dedicated = 0;
    for c in &efo {
        let t = &c.tally;
        assert!(t.delivered_bytes + 2_000_000 >= accepted_bytes, "{}: {t:?} of {accepted_bytes}", c.name);
        assert_eq!((t.lost, t.duplicates, t.order_violations, t.throttled), (0, 0, 0, 0), "{}", c.name);
        let avg_latency = t.latency_ms_total / t.delivered.max(1);
        assert!((70..150).contains(&avg_latency), "{}: average propagation {avg_latency} ms", c.name);
        assert!(t.millis_behind < 1_000, "{}: {t:?}", c.name);
        dedicated += t.delivered_bytes;
    }
    assert!(dedicated / secs > 4 * 1024 * 1024, "five dedicated pipes carry more than one shared 2 MiB/s");
    // Subscriptions last 5 minutes and were renewed without a gap or a re-read.
    for c in w.consumers() {
        if let ConsumerApp::FanOut(f) = c {
            assert!(f.core.shards.values().all(|s| s.subscriptions == 2), "{:?}", f.core.shards);
        }
    }
    assert_eq!(w.engine().consumer_count("fan-out"), 5);
}

#[test]
fn lambda_counts_equal_produced_counts() {
    let mut s = Preset::ActivityLogs.scenario(9);
    s.consumers = vec![ConsumerSpec::Lambda(LambdaSpec { parallelization_factor: 4, ..LambdaSpec::default() })];
    s.commands
        .push(TimedCommand { at_ms: 3 * MINUTE_MS, command: Command::StopProducer { name: "activity-app".into() } });
    let w = run(s, 15);
    // Ground truth: every record the stream holds, rebuilt from the store and counted by action.
    let stream = w.engine().stream("my-activity-logs").unwrap_or_else(|| panic!("no stream"));
    let mut truth: BTreeMap<String, u64> = BTreeMap::new();
    for sh in &stream.shards {
        for rec in sh.records.iter() {
            let body = rec.materialize(w.engine().record_sources());
            let v: serde_json::Value = serde_json::from_slice(&body.data).unwrap_or_default();
            *truth.entry(v["action"].as_str().unwrap_or("?").to_string()).or_insert(0) += 1;
        }
    }
    let Some(kinesis_playground::world::ConsumerApp::Lambda(l)) = w.consumers().first() else {
        panic!("no lambda");
    };
    assert_eq!(l.counts, truth);
    assert_eq!(l.core.processed, w.report().accepted);
    assert!(truth.len() == 6 && truth.values().sum::<u64>() > 50_000);
}

/// AWS polls each shard once per second, and "when more records are available, Lambda keeps
/// processing batches until the function catches up with the stream" (Lambda developer guide,
/// "Polling and batching streams"). The course's example writes about 800 records/s to each of
/// its two shards after the resharding, more than the 400 a poll buffers, and its function takes
/// 20 ms + 0.5 ms per record, about 1,400 records/s: it keeps up. Polling once a second whatever
/// the lag left it 13 minutes behind after 30 (issue #19, ninth round).
#[test]
fn a_lambda_that_can_keep_up_catches_up_with_a_busy_shard() {
    let report = run_preset(Preset::ActivityLogs, 7, 30).report();
    let Some(lambda) = report.consumers.first() else { panic!("no lambda") };
    assert!(lambda.tally.millis_behind < 5_000, "{} ms behind", lambda.tally.millis_behind);
    assert!(lambda.backlog < 5_000, "{} records not yet processed", lambda.backlog);
    assert!(lambda.processed + lambda.backlog >= report.accepted - 5_000, "{lambda:?}");
    // Five polls a second at most: the shard's GetRecords limit is never passed.
    assert_eq!(lambda.tally.throttled, 0);
}

#[test]
fn lambda_bisects_a_poison_record_and_discards_only_it() {
    let mut s = Preset::ActivityLogs.scenario(3);
    s.consumers = vec![ConsumerSpec::Lambda(LambdaSpec { poison_ppm: 500, max_retries: 10, ..LambdaSpec::default() })];
    s.commands =
        vec![TimedCommand { at_ms: MINUTE_MS, command: Command::StopProducer { name: "activity-app".into() } }];
    let w = run(s, 10);
    let Some(kinesis_playground::world::ConsumerApp::Lambda(l)) = w.consumers().first() else {
        panic!("no lambda");
    };
    let accepted = w.report().accepted;
    assert!(l.stats.bisections > 0 && l.stats.discarded > 0, "{:?}", l.stats);
    // 500 per million of ~16k records: a handful of poison records, each isolated and discarded
    // alone while the rest of its batch is processed.
    assert!(l.stats.discarded < 30, "{:?}", l.stats);
    assert_eq!(l.core.processed + l.stats.discarded, accepted);
}

#[test]
fn killed_worker_resumes_from_its_checkpoint_and_keeps_order_across_resharding() {
    let mut s = Preset::Resharding.scenario(11);
    if let Some(ConsumerSpec::Polling(p)) = s.consumers.first_mut() {
        p.workers = 2;
        p.handler_us_per_record = 4_000;
    }
    s.commands.push(TimedCommand {
        at_ms: 150_000,
        command: Command::KillWorker { name: "ordered-reader".into(), worker: 0 },
    });
    s.commands.push(TimedCommand { at_ms: 200_000, command: Command::AddWorker { name: "ordered-reader".into() } });
    let w = run(s, 8);
    let r = w.report();
    let c = &r.consumers[0];
    assert_eq!(c.tally.order_violations, 0);
    assert!(c.tally.duplicates > 0, "the killed worker's batch is read again: {c:?}");
    assert_eq!(r.stored, c.tally.delivered + c.backlog + c.tally.lost);
    let stream = w.engine().stream("resharding").unwrap_or_else(|| panic!("no stream"));
    assert_eq!(stream.shards.len(), 5, "2 shards, split 0 into 2 and 3, merge 2 and 3 into 4");
}

#[test]
fn a_removed_consumer_stops_reading_for_good() {
    let mut s = Preset::Clickstream.scenario(6);
    for name in ["page-counter", "dashboard"] {
        s.commands.push(TimedCommand { at_ms: MINUTE_MS, command: Command::RemoveConsumer { name: name.into() } });
    }
    let mut w = crate::helpers::run(s, 1);
    w.advance_by(2_000);
    let at_removal: Vec<u64> = w.report().consumers.iter().map(|c| c.tally.delivered).collect();
    w.advance_by(3 * MINUTE_MS);
    let r = w.report();
    let later: Vec<u64> = r.consumers.iter().map(|c| c.tally.delivered).collect();
    assert_eq!((later[0], later[2]), (at_removal[0], at_removal[2]), "removed consumers read nothing more");
    assert!(later[1] > at_removal[1], "the remaining consumer keeps reading");
    // Their books still balance: what they did not read is backlog.
    for c in &r.consumers {
        assert_eq!(r.stored, c.tally.delivered + c.tally.lost + c.tally.skipped + c.backlog + c.expired_unread);
    }
}

#[test]
fn reading_children_before_parents_breaks_key_order_and_parent_first_keeps_it() {
    let naive = |s: &mut kinesis_playground::world::scenario::Scenario| {
        for c in &mut s.consumers {
            match c {
                ConsumerSpec::Polling(p) => p.parent_first = false,
                ConsumerSpec::FanOut(f) => f.parent_first = false,
                ConsumerSpec::Lambda(_) => {}
            }
        }
    };
    let mut violations = 0;
    for seed in [1, 2, 3] {
        let w = run_preset(Preset::Resharding, seed, 8);
        for c in w.report().consumers {
            assert_eq!(c.tally.order_violations, 0, "seed {seed}: {c:?}");
            assert!(c.tally.delivered > 200_000, "seed {seed}: {c:?}");
        }
        let mut s = Preset::Resharding.scenario(seed);
        naive(&mut s);
        let w = run(s, 8);
        violations +=
            w.report().consumers.iter().find(|c| c.name == "ordered-reader").map_or(0, |c| c.tally.order_violations);
    }
    assert!(violations > 0, "a children-first polling reader gets some keys out of order");
}
