//! Honest consumer numbers (#14, "Misleading numbers"): a read rate over a stated window, and a
//! lag that grows, flagged, while nobody reads.

use crate::helpers::run;
use kinesis_playground::engine::time::{SimTime, SECOND_MS};
use kinesis_playground::world::consumer::ConsumerSpec;
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::report::{ConsumerNow, RATE_WINDOW_SECS};
use kinesis_playground::world::scenario::{Command, TimedCommand};
use kinesis_playground::world::World;

fn now_of(w: &World, consumer: usize) -> ConsumerNow {
    ConsumerNow::of(&w.consumers()[consumer], w.engine(), w.stream_name(), w.metrics())
}

/// The `resharding` preset with its polling reader (`ordered-reader`, consumer 0) on one worker,
/// killed at 60 s.
fn one_worker_killed_at_60_s() -> kinesis_playground::world::scenario::Scenario {
    let mut s = Preset::Resharding.scenario(3);
    if let Some(ConsumerSpec::Polling(p)) = s.consumers.first_mut() {
        p.workers = 1;
    }
    s.commands.push(TimedCommand {
        at_ms: 60_000,
        command: Command::KillWorker { name: "ordered-reader".into(), worker: 0 },
    });
    s
}

/// The issue: "retraso 0 ms" with `workers vivos: 0/1` while thousands of records behind. The
/// lag shown is now the age of the oldest unread record, it grows by exactly the time that
/// passes, it is flagged, and it comes back down once a worker is restarted.
#[test]
fn a_consumer_whose_only_worker_died_shows_a_growing_flagged_lag() {
    let mut w = run(one_worker_killed_at_60_s(), 3);
    let reported = w.consumers()[0].lag();
    let a = now_of(&w, 0);
    assert!(a.nobody_reading, "{a:?}");
    // Nobody has read since about 60 s (less one poll interval); it is 180 s now.
    assert!(a.lag_ms >= 119_000, "{a:?}");
    assert!(reported < 5_000, "the last MillisBehindLatest a GetRecords returned stays small: {reported}");
    let (unread, _) = w.consumers()[0].unread(w.engine(), w.stream_name());
    assert!(unread > 10_000, "{unread} records behind");
    w.advance_by(60_000);
    let b = now_of(&w, 0);
    assert!(b.nobody_reading);
    assert_eq!(b.lag_ms, a.lag_ms + 60_000, "the same oldest unread record, one minute older");
    // The other consumers of the same stream keep up.
    for i in 1..w.consumers().len() {
        let other = now_of(&w, i);
        assert!(!other.nobody_reading && other.lag_ms < 10_000, "consumer {i}: {other:?}");
    }
    w.apply(Command::AddWorker { name: "ordered-reader".into() }).unwrap_or_else(|e| panic!("{e:?}"));
    w.advance_by(2 * 60_000);
    let c = now_of(&w, 0);
    assert!(!c.nobody_reading, "{c:?}");
    assert!(c.lag_ms < 10_000, "caught up after the restart: {c:?}");
}

/// A polling consumer reads once a second, so a per-second reading is zero in many seconds;
/// the rate is a mean over the last 10 whole seconds of simulated time, exactly the bytes it
/// received in them.
#[test]
fn the_read_rate_is_the_exact_mean_over_the_last_10_simulated_seconds() {
    let mut w = run(Preset::Resharding.scenario(3), 1);
    let started = w.now();
    for step in 0..10u64 {
        // Tally just before whole seconds, so each read lands in one second of the window.
        let second = started.secs() + 1 + step * (RATE_WINDOW_SECS + 1);
        w.step_until(SimTime(second * SECOND_MS - 1));
        let before = w.consumers()[0].tally().delivered_bytes;
        w.step_until(SimTime((second + RATE_WINDOW_SECS) * SECOND_MS - 1));
        let after = w.consumers()[0].tally().delivered_bytes;
        w.step_until(SimTime((second + RATE_WINDOW_SECS) * SECOND_MS + 137));
        let rate = now_of(&w, 0);
        assert_eq!(rate.window_secs, RATE_WINDOW_SECS);
        assert_eq!(rate.window_bytes, after - before, "window of the seconds {second}..{}", second + 9);
        assert!(rate.bytes_per_sec() > 0, "{rate:?}");
    }
}
