//! The virtual clock: `step()` jumps to the next scheduled change, `step_until(t)` ends exactly at
//! `t` and never goes back.

use super::helpers::{at, engine, ok, put, status, with_stream, HOUR};
use serde_json::json;

#[test]
fn step_goes_to_active_at_start_plus_5000_ms() {
    let mut e = engine();
    assert_eq!(e.now(), at(0));
    assert_eq!(e.step(), None, "nothing scheduled");
    assert_eq!(e.now(), at(0));
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 1}));
    assert_eq!(e.next_event_time(), Some(at(5_000)));
    assert_eq!(e.step(), Some(at(5_000)));
    assert_eq!(e.now(), at(5_000));
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    assert_eq!(e.step(), None);
}

#[test]
fn step_goes_to_a_record_expiry_at_arrival_plus_retention_plus_1_ms() {
    let mut e = with_stream(1);
    let arrival = e.now();
    put(&mut e, "s", "a", b"x");
    e.advance_by(500);
    put(&mut e, "s", "a", b"y");
    assert_eq!(e.step(), Some(arrival.plus(24 * HOUR + 1)));
    assert_eq!(e.stream("s").map(|s| s.shards[0].records.len()), Some(1));
    assert_eq!(e.step(), Some(arrival.plus(24 * HOUR + 501)));
    assert_eq!(e.stream("s").map(|s| s.shards[0].records.len()), Some(0));
    assert_eq!(e.step(), None);
}

#[test]
fn step_visits_each_update_of_a_reshard() {
    let mut e = with_stream(2);
    ok(&mut e, "UpdateShardCount", json!({"StreamName": "s", "TargetShardCount": 4, "ScalingType": "UNIFORM_SCALING"}));
    let t0 = e.now();
    assert_eq!(e.step(), Some(t0.plus(3_000)));
    assert_eq!(status(&mut e, "s"), "UPDATING");
    assert_eq!(e.step(), Some(t0.plus(6_000)));
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    // Next: the closed parents expire 24 h + 1 ms after they closed.
    assert_eq!(e.step(), Some(t0.plus(3_000 + 24 * HOUR + 1)));
}

#[test]
fn step_until_ends_exactly_at_t_and_never_goes_back() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "s", "ShardCount": 1}));
    e.step_until(at(4_321));
    assert_eq!(e.now(), at(4_321));
    assert_eq!(status(&mut e, "s"), "CREATING");
    e.step_until(at(123_457));
    assert_eq!(e.now(), at(123_457));
    assert_eq!(status(&mut e, "s"), "ACTIVE");
    e.step_until(at(1_000));
    assert_eq!(e.now(), at(123_457), "never back");
    e.advance_by(0);
    assert_eq!(e.now(), at(123_457));
    assert_eq!(e.elapsed_ms(), 123_457);
}
