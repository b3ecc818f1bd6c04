//! Which records a consumer lost, and which it got out of order: the lists the views show.

use crate::helpers::{run, run_preset};
use kinesis_playground::engine::state::hashing::partition_key_hash;
use kinesis_playground::engine::state::shard::ShardId;
use kinesis_playground::engine::time::{SimTime, HOUR_MS, MINUTE_MS};
use kinesis_playground::world::consumer::ConsumerSpec;
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::reader::{push_loss, LossRange, MAX_LOSS_RANGES, MAX_OUT_OF_ORDER};
use kinesis_playground::world::World;

fn range(from: u64, to: u64, noticed: u64) -> LossRange {
    LossRange {
        from,
        to,
        lost: to - from,
        arrived_after: SimTime(from * 50),
        arrived_before: SimTime(to * 50),
        noticed: SimTime(noticed),
        last_noticed: SimTime(noticed),
    }
}

#[test]
fn loss_ranges_merge_when_they_touch_and_stay_bounded() {
    let mut v = Vec::new();
    push_loss(&mut v, range(0, 10, 1_000));
    push_loss(&mut v, range(10, 15, 2_000));
    assert_eq!(v.len(), 1, "touching ranges merge");
    assert_eq!(
        (v[0].from, v[0].to, v[0].lost, v[0].noticed, v[0].last_noticed),
        (0, 15, 15, SimTime(1_000), SimTime(2_000))
    );
    // An episode far away, then a continuous loss (15 lost, 5 read, every second).
    push_loss(&mut v, range(1_000, 1_015, 3_000));
    let mut at = 1_020;
    for i in 0..200 {
        push_loss(&mut v, range(at, at + 15, 4_000 + i * 1_000));
        at += 20;
    }
    assert_eq!(v.len(), MAX_LOSS_RANGES);
    assert_eq!(v.iter().map(|l| l.lost).sum::<u64>(), 15 + 15 + 200 * 15, "counts stay exact");
    assert_eq!((v[0].from, v[0].to), (0, 15), "the distinct first episode is kept apart");
    assert_eq!(v[1].from, 1_000, "the continuous loss merged from its start");
    assert_eq!(v[1].arrived_after, SimTime(50_000));
    assert!(v[1].lost < v[1].to - v[1].from, "a merged range spans the records read in between");
    assert!(v.windows(2).all(|w| w[0].to < w[1].from));
    assert_eq!(v.last().map(|l| (l.from, l.to)), Some((at - 20, at - 5)), "the latest ranges stay exact");
}

/// The slow-consumer preset with a retention of `hours`.
fn slow_consumer(hours: u32, minutes: u64) -> World {
    let mut s = Preset::SlowConsumer.scenario(2);
    s.settings.retention_hours = hours;
    run(s, minutes)
}

#[test]
fn a_slow_consumer_s_lost_records_are_kept_as_exact_ranges_with_arrival_bounds() {
    let w = run_preset(Preset::SlowConsumer, 2, 30 * 60);
    let r = w.consumers()[0].reader(ShardId(0)).unwrap_or_else(|| panic!("no reader"));
    assert_eq!((r.lost, r.lost_ranges.len()), (0, 0), "nothing lost before the backlog is 24 h old");

    let w = slow_consumer(24, 36 * 60);
    let c = &w.consumers()[0];
    let r = c.reader(ShardId(0)).unwrap_or_else(|| panic!("no reader"));
    let t = c.tally();
    assert!(r.lost > 10_000, "{t:?}");
    assert_eq!(r.lost, t.lost, "one shard: its losses are the consumer's");
    assert_eq!(r.lost_ranges.iter().map(|l| l.lost).sum::<u64>(), r.lost, "the ranges hold every lost record");
    assert!(!r.lost_ranges.is_empty() && r.lost_ranges.len() <= MAX_LOSS_RANGES);
    // Every position below the high-water mark was delivered or lost, never both.
    assert_eq!(r.high_water, t.delivered + t.lost);
    let first = w.engine().stream("slow-consumer").map_or(0, |s| s.shards[0].records.first_index());
    for l in &r.lost_ranges {
        assert!(l.from < l.to && l.lost <= l.to - l.from && l.to <= first, "{l:?}: lost records are expired ones");
        assert!(l.arrived_after <= l.arrived_before && l.noticed <= l.last_noticed, "{l:?}");
        // The first record returned after them sat at the trim horizon when they were noticed.
        let age = l.last_noticed.since(l.arrived_before);
        assert!((24 * HOUR_MS - MINUTE_MS..=24 * HOUR_MS).contains(&age), "{l:?}: {age}");
    }
    assert!(r.lost_ranges.windows(2).all(|p| p[0].to < p[1].from), "sorted and apart");
    // Overtaken after about 32 h: the loss began with records that arrived about 8 h in.
    let started = w.started();
    let l0 = r.lost_ranges[0];
    assert!((31 * HOUR_MS..33 * HOUR_MS).contains(&l0.noticed.since(started)), "{l0:?}");
    assert!((7 * HOUR_MS..9 * HOUR_MS).contains(&l0.arrived_after.since(started)), "{l0:?}");

    // The arrival bounds hold for the records themselves: the same world with 48 h retention
    // still has them (the consumer never touches what producers send).
    let twin = slow_consumer(48, 36 * 60);
    let store = &twin.engine().stream("slow-consumer").unwrap_or_else(|| panic!("no stream")).shards[0].records;
    assert_eq!(store.first_index(), 0);
    let last = r.lost_ranges.len() - 1;
    for l in [&r.lost_ranges[0], &r.lost_ranges[last]] {
        let arrival = |p: u64| store.get(p as usize).map(|rec| rec.arrival).unwrap_or_else(|| panic!("{p}"));
        for p in [l.from, l.to - 1] {
            assert!((l.arrived_after..=l.arrived_before).contains(&arrival(p)), "{l:?}: #{p} at {:?}", arrival(p));
        }
        assert_eq!(arrival(l.to), l.arrived_before, "the upper bound is the next record's arrival");
    }
}

#[test]
fn a_children_first_reader_keeps_the_records_it_got_out_of_order() {
    // Seeds whose reshards catch the naive reader with a backlog (seed 1 reads promptly enough
    // to get nothing out of order).
    for seed in [2, 3, 7] {
        let mut s = Preset::Resharding.scenario(seed);
        for c in &mut s.consumers {
            if let ConsumerSpec::Polling(p) = c {
                p.parent_first = false;
            }
        }
        let w = run(s, 8);
        let stream = w.engine().stream("resharding").unwrap_or_else(|| panic!("no stream"));
        for c in w.consumers() {
            let list = &c.audit().out_of_order;
            let n = c.tally().order_violations;
            let ctx = format!("seed {seed}, {}", c.name());
            assert_eq!(list.len() as u64, n.min(MAX_OUT_OF_ORDER as u64), "{ctx}: the last ones are kept");
            if c.name() != "ordered-reader" {
                assert_eq!(n, 0, "{ctx} reads parents first");
                continue;
            }
            assert!(n > 0, "{ctx}: the children-first reader got keys out of order");
            for o in list {
                // A parent's record, delivered after a record of its key that a child accepted later.
                let (Some(sh), Some(after)) = (stream.shard(o.shard), stream.shard(o.after_shard)) else {
                    panic!("{ctx}: {o:?}")
                };
                assert!(sh.closed.is_some_and(|closed| after.created >= closed), "{ctx}: {o:?}");
                assert!((o.after_arrival, o.after.seq_ix) > (o.arrival, o.sequence_number.seq_ix), "{ctx}: {o:?}");
                assert!(o.arrival <= o.delivered_at && o.after_arrival <= o.delivered_at, "{ctx}: {o:?}");
                let hash = partition_key_hash(&o.partition_key);
                assert!(sh.hash_key_range.contains(hash) && after.hash_key_range.contains(hash), "{ctx}: {o:?}");
            }
            assert!(list.iter().zip(list.iter().skip(1)).all(|(a, b)| a.delivered_at <= b.delivered_at), "{ctx}");
        }
    }
}
