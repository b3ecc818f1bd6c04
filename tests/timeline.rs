//! The app's timeline (`src/ui/timeline.rs`, `Sim::go_to`, `Sim::seek_toward`): rewinding to
//! an instant gives exactly the simulation of a straight run to it, with the student's inputs
//! at their instants; the checkpoints stay within their cap and the oldest go first; a `t=`
//! seek in chunks lands where a straight run does. What a checkpoint costs in memory:
//! `tests/timeline_memory.rs`.

use kinesis_playground::ui::sim::{KeyMode, Settings, Sim};
use kinesis_playground::ui::timeline::{CHECKPOINT_INTERVAL_MS, MAX_CHECKPOINTS, SPAN_MS};
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::scenario::Command;
use serde_json::json;

/// A student's action at a simulated instant.
#[derive(Clone, Debug)]
enum Act {
    Rate(u32),
    Keys(KeyMode),
    Limits(bool),
    Api(&'static str, serde_json::Value),
    World(Command),
    /// The console's `sleep`, ms.
    Sleep(u64),
}

fn settings() -> Settings {
    Settings { seed: 7, shards: Some(4), rate: Some(50), ..Settings::default() }
}

fn new_sim(settings: Settings) -> Sim {
    Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"))
}

fn act(sim: &mut Sim, a: &Act) {
    match a {
        Act::Rate(r) => sim.set_rate(*r),
        Act::Keys(k) => sim.set_keys(*k),
        Act::Limits(on) => sim.set_limits(*on),
        Act::Api(op, req) => {
            let mut req = req.clone();
            req["StreamName"] = json!(sim.world().stream_name());
            sim.api(op, &req).unwrap_or_else(|e| panic!("{op}: {e}"));
        }
        Act::World(c) => sim.command(c.clone()).unwrap_or_else(|e| panic!("{e:?}")),
        Act::Sleep(ms) => sim.sleep(*ms),
    }
}

/// Moves `sim` to `t` ms in uneven frames, as the browser does.
fn frames_to(sim: &mut Sim, t: u64) {
    let frames = [16, 17, 250, 1_000, 33, 4_000];
    let mut i = 0;
    while sim.elapsed_ms() < t {
        let ms = frames[i % frames.len()].min(t - sim.elapsed_ms());
        sim.advance(ms);
        i += 1;
    }
}

/// Plays `script` (instants ascending) up to `t` in frames; a sleep stops at `t`.
fn straight(settings: Settings, script: &[(u64, Act)], t: u64) -> Sim {
    let mut sim = new_sim(settings);
    for (at, a) in script.iter().filter(|(at, _)| *at <= t) {
        frames_to(&mut sim, *at);
        match a {
            Act::Sleep(ms) => sim.sleep((*ms).min(t - at)),
            a => act(&mut sim, a),
        }
    }
    frames_to(&mut sim, t);
    assert_eq!(sim.elapsed_ms(), t);
    sim
}

fn script() -> Vec<(u64, Act)> {
    vec![
        (12_300, Act::Rate(200)),
        (47_000, Act::Api("PutRecord", json!({"PartitionKey": "user-42", "Data": "dGVzdGRhdGE=", "StreamName": ""}))),
        (61_000, Act::Sleep(5_000)),
        (
            75_000,
            Act::Api(
                "UpdateShardCount",
                json!({"TargetShardCount": 6, "ScalingType": "UNIFORM_SCALING", "StreamName": ""}),
            ),
        ),
        (90_000, Act::Keys(KeyMode::Hot)),
        (130_000, Act::Limits(false)),
        (150_500, Act::World(Command::StopProducer { name: "activity-app".into() })),
    ]
}

#[test]
fn rewinding_to_t_equals_a_straight_run_to_t_with_the_inputs_between() {
    let script = script();
    let end = 200_000;
    let mut live = straight(settings(), &script, end);
    let at_end = live.digest();
    // Backwards and forwards, onto inputs' instants, between them and onto checkpoints.
    for t in [190_000, 150_500, 171_234, 130_000, 75_001, 62_000, 90_000, 47_000, 12_299, 199_999, 60_000, 0, end] {
        let reached = live.go_to(t);
        assert_eq!(reached, t);
        let twin = straight(settings(), &script, t);
        assert_eq!(live.digest(), twin.digest(), "rewound to {t} ms");
        assert_eq!(live.settings(), twin.settings(), "settings at {t} ms");
        assert_eq!(live.open_shards(), twin.open_shards(), "shards at {t} ms");
    }
    assert_eq!(live.digest(), at_end, "the redo head replays every input");
}

#[test]
fn rewinding_then_playing_replays_and_acting_drops_the_later_inputs() {
    let script = script();
    let mut live = straight(settings(), &script, 200_000);
    let end = live.digest();
    assert_eq!(live.rewind(10_000), 190_000);
    assert_eq!(live.go_to(100_000), 100_000);
    frames_to(&mut live, 200_000);
    assert_eq!(live.digest(), end, "playing after a rewind replays what was done");

    live.go_to(100_000);
    live.set_rate(10);
    assert_eq!(live.rewind_span().1, 100_000, "the later history is gone");
    frames_to(&mut live, 200_000);
    let mut changed: Vec<(u64, Act)> = script.iter().filter(|(at, _)| *at <= 100_000).cloned().collect();
    changed.push((100_000, Act::Rate(10)));
    assert_eq!(live.digest(), straight(settings(), &changed, 200_000).digest());
    assert_ne!(live.digest(), end);

    // A console `sleep` is acting too.
    live.go_to(150_000);
    live.sleep(1_000);
    assert_eq!(live.rewind_span().1, 151_000);
}

#[test]
fn checkpoints_stay_within_their_cap_and_the_oldest_go_first() {
    let mut sim = new_sim(settings());
    for minute in 1..=12u64 {
        frames_to(&mut sim, minute * 60_000);
        sim.set_rate(40 + minute as u32);
        let (checkpoints, inputs) = sim.timeline_len();
        assert!(checkpoints <= MAX_CHECKPOINTS, "{checkpoints} checkpoints at {minute} min");
        assert!(inputs <= 6, "{inputs} inputs kept at {minute} min: only those of the span");
    }
    let now = sim.elapsed_ms();
    assert_eq!(sim.timeline_len().0, MAX_CHECKPOINTS);
    assert_eq!(sim.rewind_span(), (now - SPAN_MS, now));
    assert_eq!(sim.go_to(0), now - SPAN_MS, "no further back than the oldest checkpoint");
    let twin = {
        let mut t = new_sim(settings());
        for minute in 1..=7u64 {
            frames_to(&mut t, minute * 60_000);
            t.set_rate(40 + minute as u32);
        }
        t
    };
    assert_eq!(sim.digest(), twin.digest());
    assert_eq!(sim.rewind(10_000), now - SPAN_MS, "−10 s at the oldest stays there");
}

#[test]
fn a_seek_in_chunks_lands_where_a_straight_run_does_and_keeps_the_last_span() {
    let settings = Settings { scenario: Preset::SlowConsumer, ..Settings::default() };
    let target = 2 * 3_600_000 + 123_456;
    let mut seek = new_sim(settings.clone());
    let mut chunks = 0;
    while !seek.seek_toward(target, 7 * 60_000 + 1) {
        chunks += 1;
        assert!(seek.timeline_len().0 <= MAX_CHECKPOINTS);
    }
    assert_eq!((seek.elapsed_ms(), chunks), (target, 17));
    let mut straight = new_sim(settings);
    straight.sleep(target);
    assert_eq!(seek.digest(), straight.digest());
    // Only the checkpoints of the last five minutes: 10 multiples of 30 s after target − 5 min.
    assert_eq!(seek.timeline_len().0, 10);
    assert_eq!(seek.rewind_span().0, (target - SPAN_MS).div_ceil(CHECKPOINT_INTERVAL_MS) * CHECKPOINT_INTERVAL_MS);
    let back = seek.rewind(60_000);
    straight = new_sim(Settings { scenario: Preset::SlowConsumer, ..Settings::default() });
    straight.sleep(back);
    assert_eq!(seek.digest(), straight.digest());
}
