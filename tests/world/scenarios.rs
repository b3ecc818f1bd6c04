//! Scenario assertions that would catch a toy.

use crate::helpers::{run, run_preset};
use kinesis_playground::engine::hashing::partition_key_hash;
use kinesis_playground::engine::time::{HOUR_MS, MINUTE_MS};
use kinesis_playground::engine::world::lambda::LambdaSpec;
use kinesis_playground::engine::world::scenario::{preset, Command, ConsumerSpec, TimedCommand};
use std::collections::BTreeMap;

#[test]
fn hot_key_throttles_exactly_the_hot_shard() {
    let w = run_preset("hot-key", 5, 3);
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
    let w = run_preset("slow-consumer", 2, 30 * 60);
    assert_eq!(w.report().consumers[0].tally.lost, 0, "nothing is lost before the backlog is 24 h old");
    let w = run_preset("slow-consumer", 2, 36 * 60);
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
fn polling_consumers_share_two_mib_per_second_per_shard() {
    let w = run_preset("fan-out", 4, 5);
    let r = w.report();
    let total: u64 = r.consumers.iter().map(|c| c.tally.delivered_bytes).sum();
    let secs = r.elapsed_ms / 1000;
    // Five readers each want ~0.9 MB/s; together they get the shard's 2 MiB/s, not 4.5 MB/s.
    let per_sec = total / secs;
    assert!(per_sec <= 2 * 1024 * 1024 + 10 * 1024 * 1024 / secs, "{per_sec} B/s");
    assert!(per_sec > 1_800_000, "{per_sec} B/s: the shared budget is used");
    assert!(r.consumers.iter().all(|c| c.tally.throttled > 0));
}

#[test]
fn lambda_counts_equal_produced_counts() {
    let mut s = preset("activity-logs", 9).unwrap_or_default();
    s.consumers = vec![ConsumerSpec::Lambda(LambdaSpec { parallelization_factor: 4, ..LambdaSpec::default() })];
    s.commands
        .push(TimedCommand { at_ms: 3 * MINUTE_MS, command: Command::StopProducer { name: "activity-app".into() } });
    let w = run(s, 15);
    // Ground truth: every record the stream holds, rebuilt from the store and counted by action.
    let stream = w.engine().stream("my-activity-logs").unwrap_or_else(|| panic!("no stream"));
    let mut truth: BTreeMap<String, u64> = BTreeMap::new();
    for sh in &stream.shards {
        for rec in sh.records.iter() {
            let body = rec.materialize(w.engine().payloads());
            let v: serde_json::Value = serde_json::from_slice(&body.data).unwrap_or_default();
            *truth.entry(v["action"].as_str().unwrap_or("?").to_string()).or_insert(0) += 1;
        }
    }
    let Some(kinesis_playground::engine::world::Consumer::Lambda(l)) = w.consumers().first() else {
        panic!("no lambda");
    };
    assert_eq!(l.counts, truth);
    assert_eq!(l.stats.processed, w.report().accepted);
    assert!(truth.len() == 6 && truth.values().sum::<u64>() > 50_000);
}

#[test]
fn lambda_bisects_a_poison_record_and_discards_only_it() {
    let mut s = preset("activity-logs", 3).unwrap_or_default();
    s.consumers = vec![ConsumerSpec::Lambda(LambdaSpec { poison_ppm: 500, max_retries: 10, ..LambdaSpec::default() })];
    s.commands =
        vec![TimedCommand { at_ms: MINUTE_MS, command: Command::StopProducer { name: "activity-app".into() } }];
    let w = run(s, 10);
    let Some(kinesis_playground::engine::world::Consumer::Lambda(l)) = w.consumers().first() else {
        panic!("no lambda");
    };
    let accepted = w.report().accepted;
    assert!(l.stats.bisections > 0 && l.stats.discarded > 0, "{:?}", l.stats);
    // 500 per million of ~16k records: a handful of poison records, each isolated and discarded
    // alone while the rest of its batch is processed.
    assert!(l.stats.discarded < 30, "{:?}", l.stats);
    assert_eq!(l.stats.processed + l.stats.discarded, accepted);
}

#[test]
fn killed_worker_resumes_from_its_checkpoint_and_keeps_order_across_resharding() {
    let mut s = preset("resharding", 11).unwrap_or_default();
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
    let mut s = preset("clickstream", 6).unwrap_or_default();
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
