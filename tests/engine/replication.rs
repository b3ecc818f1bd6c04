//! The three Availability Zone copies (`engine/state/replication.rs`): a write is acknowledged once
//! every zone that is up stores it; one zone may go down; it catches up when it comes back; no
//! acknowledged record is lost; the control changes nothing in runs that never use it.

use crate::helpers::*;
use kinesis_playground::engine::ops::replication::{ZoneRefusal, ZoneState, CATCH_UP_RECORDS_PER_SECOND, ZONE_COUNT};
use kinesis_playground::engine::Engine;
use serde_json::json;

/// Every shard of stream `s`: (its key, id, acknowledged count).
fn shards(e: &Engine) -> Vec<(u64, kinesis_playground::engine::state::shard::ShardId, u64)> {
    let Some(s) = e.stream("s") else { panic!("no stream s") };
    s.shards.iter().map(|sh| (s.key, sh.id, sh.counters.incoming_records)).collect()
}

/// Invariants at this instant: every acknowledged record has at least two live copies, and
/// three once no zone is down or catching up.
#[track_caller]
fn check_copies(e: &Engine) {
    let live: Vec<bool> = (0..ZONE_COUNT).map(|z| !matches!(e.zone_state(z), ZoneState::Down { .. })).collect();
    let synced = (0..ZONE_COUNT).all(|z| e.zone_state(z) == ZoneState::InSync);
    for (key, id, written) in shards(e) {
        let held = e.shard_copies(key, id, written);
        // Copies of record i (0-based): zones whose count exceeds i. The least-held record is the
        // newest one; check it and the oldest.
        for i in [0, written.saturating_sub(1)] {
            if written == 0 {
                continue;
            }
            let copies = (0..ZONE_COUNT).filter(|&z| live[z] && held[z] > i).count();
            assert!(copies >= 2, "record {i} of {id:?} has {copies} live copies: {held:?}");
            if synced {
                assert_eq!(copies, 3, "record {i} of {id:?}: {held:?}");
            }
        }
    }
}

/// Reads every shard from TRIM_HORIZON to its end: the records read.
fn read_all(e: &mut Engine) -> u64 {
    let mut n = 0;
    for sh in list_shards(e, "s") {
        let id = str_at(&sh, "/ShardId");
        let mut it = iterator(e, "s", &id, "TRIM_HORIZON", None);
        loop {
            let r = get_records(e, &it, Some(10_000));
            let got = arr_at(&r, "/Records").len() as u64;
            n += got;
            if got == 0 || r.get("NextShardIterator").is_none_or(|v| v.is_null()) {
                break;
            }
            it = str_at(&r, "/NextShardIterator");
        }
    }
    n
}

fn put_n(e: &mut Engine, n: u64, tag: u64) -> u64 {
    let mut acked = 0;
    for i in 0..n {
        let r =
            e.call("PutRecord", &json!({"StreamName": "s", "PartitionKey": format!("k{tag}-{i}"), "Data": b64(b"x")}));
        if r.is_ok() {
            acked += 1;
        }
    }
    acked
}

fn advance(e: &mut Engine, ms: u64) {
    let t = e.now().plus(ms);
    e.step_until(t);
}

#[test]
fn zone_names_follow_the_region() {
    let e = with_stream(1);
    assert_eq!(e.availability_zones(), ["us-east-1a", "us-east-1b", "us-east-1c"]);
}

#[test]
fn a_zone_down_freezes_its_copies_and_catches_up_at_the_modelled_rate() {
    let mut e = engine_no_limits();
    create_active(&mut e, "s", 1);
    let before = put_n(&mut e, 100, 0);
    assert_eq!(e.set_availability_zone(1, false), Ok(()), "down");
    assert!(matches!(e.zone_state(1), ZoneState::Down { .. }));
    let during = put_n(&mut e, 400, 1);
    let (key, id, written) = shards(&e)[0];
    assert_eq!(written, before + during);
    assert_eq!(e.shard_copies(key, id, written), [500, 100, 500]);
    check_copies(&e);
    // Only one zone at a time.
    assert_eq!(e.set_availability_zone(0, false), Err(ZoneRefusal::AnotherZoneDown));
    assert_eq!(e.set_availability_zone(3, false), Err(ZoneRefusal::UnknownZone));
    assert_eq!(e.set_availability_zone(1, true), Ok(()), "up");
    // 400 missed records at 200/s: 2 s to catch up; new writes reach it at once.
    assert_eq!(CATCH_UP_RECORDS_PER_SECOND, 200);
    assert!(matches!(e.zone_state(1), ZoneState::CatchingUp { .. }));
    assert_eq!(e.set_availability_zone(2, false), Err(ZoneRefusal::StillCatchingUp));
    advance(&mut e, 1_000);
    put_n(&mut e, 10, 2);
    let (key, id, written) = shards(&e)[0];
    assert_eq!(e.shard_copies(key, id, written), [510, 310, 510]);
    check_copies(&e);
    advance(&mut e, 1_000);
    assert_eq!(e.zone_state(1), ZoneState::InSync);
    assert_eq!(e.shard_copies(key, id, written), [510, 510, 510]);
    check_copies(&e);
    assert_eq!(read_all(&mut e), 510);
    assert_eq!(e.set_availability_zone(2, false), Ok(()), "another zone may go down once all agree");
}

#[test]
fn the_control_is_idempotent_and_leaves_the_digest_alone() {
    let mut a = engine_no_limits();
    let mut b = engine_no_limits();
    create_active(&mut a, "s", 2);
    create_active(&mut b, "s", 2);
    assert_eq!(b.set_availability_zone(0, true), Ok(()), "up when up does nothing");
    assert_eq!(b.set_availability_zone(2, false), Ok(()), "down");
    assert_eq!(b.set_availability_zone(2, false), Ok(()), "down again does nothing");
    put_n(&mut a, 50, 0);
    put_n(&mut b, 50, 0);
    assert_eq!(b.set_availability_zone(2, true), Ok(()), "up");
    advance(&mut a, 5_000);
    advance(&mut b, 5_000);
    assert_eq!(a.digest(), b.digest(), "the control is not an event");
    assert_eq!(read_all(&mut a), read_all(&mut b));
}

#[test]
fn seed_sweep_nothing_acknowledged_is_lost() {
    for seed in 0..24u64 {
        let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move |n: u64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng % n
        };
        let mut e = engine_no_limits();
        create_active(&mut e, "s", 1 + next(3) as u32);
        let mut acked = 0;
        for _ in 0..40 {
            match next(5) {
                0 | 1 => acked += put_n(&mut e, next(60), next(1000)),
                2 => advance(&mut e, next(3_000)),
                3 => {
                    let _ = e.set_availability_zone(next(3) as usize, false);
                }
                _ => {
                    let _ = e.set_availability_zone(next(3) as usize, true);
                }
            }
            check_copies(&e);
        }
        for z in 0..ZONE_COUNT {
            assert_eq!(e.set_availability_zone(z, true), Ok(()), "up");
        }
        advance(&mut e, 60_000);
        check_copies(&e);
        assert!((0..ZONE_COUNT).all(|z| e.zone_state(z) == ZoneState::InSync), "seed {seed}");
        assert_eq!(read_all(&mut e), acked, "seed {seed}: every acknowledged record reads back");
    }
}
