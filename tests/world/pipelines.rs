//! The Lambda and Kappa pipelines: merge arithmetic, eventual accuracy after a speed-layer bug,
//! Kappa reprocessing with switch and revert, and the records a replay cannot see.

use kinesis_playground::engine::time::{HOUR_MS, MINUTE_MS};
use kinesis_playground::engine::ErrorType;
use kinesis_playground::world::error::{Named, Refusal, WorldError};
use kinesis_playground::world::pipeline_spec::PipelineAction;
use kinesis_playground::world::pipelines::{distance, Pipelines};
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::producer::Rate;
use kinesis_playground::world::scenario::{Command, Scenario};
use kinesis_playground::world::World;
use std::collections::BTreeMap;

fn shop(seed: u64) -> World {
    let s = Preset::ECommerce.scenario(seed);
    World::new(s).unwrap_or_else(|e| panic!("e-commerce seed {seed}: {e:?}"))
}

fn pipes(w: &World) -> &Pipelines {
    w.pipelines().unwrap_or_else(|| panic!("e-commerce runs the pipelines"))
}

fn step(w: &mut World, action: PipelineAction) -> Result<(), WorldError> {
    w.apply(Command::Pipeline { action })
}

fn stop_shop(w: &mut World) {
    w.apply(Command::StopProducer { name: "shop".into() }).unwrap_or_else(|e| panic!("stop: {e:?}"));
}

fn lambda(w: &World) -> BTreeMap<String, u64> {
    pipes(w).lambda_answer(w.consumers(), false)
}

fn kappa(w: &World) -> BTreeMap<String, u64> {
    pipes(w).kappa_answer(w.consumers(), false)
}

fn truth(w: &World) -> BTreeMap<String, u64> {
    pipes(w).truth.sums.clone()
}

#[test]
fn lambda_answer_is_batch_view_plus_realtime_view_and_equals_truth_once_drained() {
    for seed in [1, 7, 42] {
        let mut w = shop(seed);
        let mut swaps = 0;
        let mut last_version = 0;
        for _ in 0..40 {
            w.advance_by(30_000);
            let p = pipes(&w);
            // Without a bug the answer is what the correct code gives on what each layer saw.
            assert_eq!(lambda(&w), p.lambda_answer(w.consumers(), true), "seed {seed}");
            // The realtime view only holds minutes after the batch horizon once a view swapped.
            let speed = w.consumers()[p.lambda.speed].sink().unwrap_or_else(|| panic!("speed sink"));
            if p.lambda.serving.version > last_version {
                last_version = p.lambda.serving.version;
                swaps += 1;
                // A swap drops at most the minutes since the previous horizon: about 20 orders/s.
                let swap = p.lambda.last_swap.unwrap_or_else(|| panic!("a swap"));
                assert!(swap.expired_records <= swap.expired_buckets * 20 * 60 + 100, "seed {seed}: {swap:?}");
                assert!(speed.table.buckets.keys().all(|b| *b >= p.lambda.serving.horizon_ms), "seed {seed}");
            }
            // The answer never exceeds the truth: it can only be behind.
            for (g, v) in lambda(&w) {
                assert!(v <= truth(&w).get(&g).copied().unwrap_or(0), "seed {seed} group {g}");
            }
        }
        assert!(swaps >= 3, "seed {seed}: {swaps} batch views in 20 min");
        let p = pipes(&w);
        assert!(p.lambda.serving.horizon_ms > w.started().millis() + 10 * MINUTE_MS, "seed {seed}");
        // A cycle takes visible time: at least its fixed overhead.
        assert!(p.lambda.last_cycle_ms.unwrap_or(0) >= p.spec.batch_overhead_ms, "seed {seed}");
        stop_shop(&mut w);
        w.advance_by(30_000);
        assert_eq!(lambda(&w), truth(&w), "seed {seed}: drained answer");
        assert!(pipes(&w).truth.records > 20 * 60 * 19, "seed {seed}");
    }
}

#[test]
fn a_speed_layer_bug_drifts_and_the_next_batch_cycle_corrects_it() {
    let mut w = shop(3);
    w.advance_by(5 * MINUTE_MS);
    step(&mut w, PipelineAction::SpeedBug { on: true }).unwrap_or_else(|e| panic!("{e:?}"));
    w.advance_by(3 * MINUTE_MS);
    let wrong = distance(&lambda(&w), &pipes(&w).lambda_answer(w.consumers(), true));
    assert!(wrong > 1_000, "the bug shows in the answer: {wrong}");
    let fixed_at = w.now().millis();
    step(&mut w, PipelineAction::SpeedBug { on: false }).unwrap_or_else(|e| panic!("{e:?}"));
    // Once a batch view absorbs the buggy minutes, the answer is right again.
    let mut corrected = false;
    for _ in 0..60 {
        w.advance_by(10_000);
        if pipes(&w).lambda.serving.horizon_ms > fixed_at {
            corrected = true;
            break;
        }
    }
    assert!(corrected, "a batch view passed the fix within 10 min");
    assert_eq!(distance(&lambda(&w), &pipes(&w).lambda_answer(w.consumers(), true)), 0);
    stop_shop(&mut w);
    w.advance_by(30_000);
    assert_eq!(lambda(&w), truth(&w));
}

#[test]
fn batch_only_mode_answers_from_the_batch_view_alone_hours_behind() {
    let mut w = shop(5);
    step(&mut w, PipelineAction::BatchOnly { on: true }).unwrap_or_else(|e| panic!("{e:?}"));
    w.advance_by(90 * MINUTE_MS);
    let p = pipes(&w);
    assert_eq!(lambda(&w), p.lambda.serving.sums);
    let behind = w.now().millis() - p.lambda.serving.horizon_ms;
    assert!(behind >= 30 * MINUTE_MS, "batch-only answer is {behind} ms behind");
}

#[test]
fn kappa_reprocessing_deploy_switch_revert_stop_delete() {
    let mut w = shop(11);
    w.advance_by(5 * MINUTE_MS);
    step(&mut w, PipelineAction::JobBug { on: true }).unwrap_or_else(|e| panic!("{e:?}"));
    w.advance_by(5 * MINUTE_MS);
    assert!(distance(&kappa(&w), &truth(&w)) > 1_000, "v1's bug shows");
    let refused = |w: &mut World, a: PipelineAction, why: Refusal| {
        assert_eq!(step(w, a), Err(WorldError::Refused(why)));
    };
    refused(&mut w, PipelineAction::Switch, Refusal::NotCaughtUp);
    refused(&mut w, PipelineAction::Deploy { parallelism: 0, enhanced_fan_out: false }, Refusal::InvalidParallelism);
    step(&mut w, PipelineAction::Deploy { parallelism: 8, enhanced_fan_out: false })
        .unwrap_or_else(|e| panic!("{e:?}"));
    refused(&mut w, PipelineAction::Deploy { parallelism: 8, enhanced_fan_out: false }, Refusal::AlreadyReprocessing);
    refused(&mut w, PipelineAction::Switch, Refusal::NotCaughtUp);
    refused(&mut w, PipelineAction::StopOld, Refusal::StillServing);
    refused(&mut w, PipelineAction::DeleteOldTable, Refusal::JobRunning);
    let mut waited = 0;
    while pipes(&w).job(2).and_then(|j| j.caught_up_at).is_none() {
        w.advance_by(1_000);
        waited += 1;
        assert!(waited < 600, "v2 catches up within 10 min");
    }
    step(&mut w, PipelineAction::Switch).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(pipes(&w).kappa.serving, 2);
    step(&mut w, PipelineAction::Revert).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(pipes(&w).kappa.serving, 1);
    step(&mut w, PipelineAction::Switch).unwrap_or_else(|e| panic!("{e:?}"));
    step(&mut w, PipelineAction::StopOld).unwrap_or_else(|e| panic!("{e:?}"));
    refused(&mut w, PipelineAction::Revert, Refusal::CannotRevert);
    step(&mut w, PipelineAction::DeleteOldTable).unwrap_or_else(|e| panic!("{e:?}"));
    let p = pipes(&w);
    assert!(p.job(1).is_some_and(|j| j.table_deleted && j.stopped.is_some()));
    // v2 read everything from TRIM_HORIZON with the correct code: it converges to the truth.
    stop_shop(&mut w);
    w.advance_by(30_000);
    assert_eq!(kappa(&w), truth(&w));
    assert_eq!(pipes(&w).missed(&w.consumers()[pipes(&w).job(2).map_or(0, |j| j.consumer)]).records, 0);
}

#[test]
fn enhanced_fan_out_replay_catches_up_without_throttling_the_live_readers() {
    let mut w = shop(13);
    w.advance_by(20 * MINUTE_MS);
    step(&mut w, PipelineAction::Deploy { parallelism: 4, enhanced_fan_out: true }).unwrap_or_else(|e| panic!("{e:?}"));
    let mut waited = 0;
    while pipes(&w).job(2).and_then(|j| j.caught_up_at).is_none() {
        w.advance_by(1_000);
        waited += 1;
        assert!(waited < 300, "the EFO replay catches up within 5 min");
    }
    stop_shop(&mut w);
    w.advance_by(30_000);
    let p = pipes(&w);
    let v2 = &w.consumers()[p.job(2).map_or(0, |j| j.consumer)];
    assert_eq!(v2.tally().throttled, 0);
    assert_eq!(v2.sink().map(|s| s.table.totals()), Some(truth(&w)));
}

/// A slow stream (2 orders/s) kept 27 h: a replay from TRIM_HORIZON misses exactly the
/// records older than the 24 h retention, and its answer misses exactly their units.
#[test]
fn a_replay_never_sees_what_retention_expired() {
    let mut s: Scenario = Preset::ECommerce.scenario(17);
    s.producers[0].rate = Rate::Constant { per_sec: 2 };
    let mut w = World::new(s).unwrap_or_else(|e| panic!("{e:?}"));
    w.advance_by(27 * HOUR_MS);
    let expired: u64 =
        w.engine().stream("orders").map(|s| s.shards.iter().map(|sh| sh.records.first_index()).sum()).unwrap_or(0);
    assert!(expired > 2 * 3 * 3_600 - 100, "about 3 h of orders expired: {expired}");
    step(&mut w, PipelineAction::Deploy { parallelism: 8, enhanced_fan_out: false })
        .unwrap_or_else(|e| panic!("{e:?}"));
    w.advance_by(5 * MINUTE_MS);
    stop_shop(&mut w);
    w.advance_by(MINUTE_MS);
    let p = pipes(&w);
    let v2 = &w.consumers()[p.job(2).map_or(0, |j| j.consumer)];
    let m = p.missed(v2);
    assert_eq!(p.job(2).map(|j| &j.missed), Some(&m), "the tick's cache is current");
    let (missed, n, range) = (m.sums, m.records, m.range);
    assert_eq!(n, v2.tally().lost);
    assert!(n >= expired, "v2 misses {n}, {expired} had expired when it started");
    let (first, last) = range.unwrap_or_else(|| panic!("a range"));
    assert_eq!(first / MINUTE_MS, w.started().millis() / MINUTE_MS);
    assert!(last < w.now().millis() - 24 * HOUR_MS + 10 * MINUTE_MS);
    // What v2's table misses is exactly the units of the records it never saw.
    let table = v2.sink().map(|s| s.table.totals()).unwrap_or_default();
    for (g, t) in truth(&w) {
        let got = table.get(&g).copied().unwrap_or(0);
        assert_eq!(t - got, missed.get(&g).copied().unwrap_or(0), "group {g}");
    }
    // Job v1 read everything from the start: it lost nothing.
    assert_eq!(kappa(&w), truth(&w));
}

#[test]
fn a_failed_command_says_why_as_a_typed_code() {
    let mut w = World::new(Preset::HotKey.scenario(1)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(step(&mut w, PipelineAction::Switch), Err(WorldError::Refused(Refusal::PipelinesOff)));
    let missing = w.apply(Command::KillWorker { name: "nope".into(), worker: 0 });
    assert_eq!(missing, Err(WorldError::NotFound { kind: Named::PollingConsumer, name: "nope".into() }));
    let api = w.apply(Command::Api { api: "MergeShards".into(), request: serde_json::json!({}) });
    assert!(matches!(&api, Err(WorldError::Aws(e)) if e.error_type == ErrorType::ValidationException), "{api:?}");
    assert_eq!(api.err().map(|e| e.code()), Some("ValidationException"));
}

/// #14: at t = 0 the Kappa panel said v1 was "replaying · 100.0 %". v1 starts with the stream,
/// at the head of an empty log: it is the live job, caught up from its first instant, and only
/// a later version replays.
#[test]
fn job_v1_is_caught_up_from_the_start_and_only_a_new_version_replays() {
    let mut w = shop(1);
    let start = w.now();
    let v1 = pipes(&w).job(1).unwrap_or_else(|| panic!("v1 runs from the start"));
    assert_eq!(v1.caught_up_at, Some(start));
    w.advance_by(30_000);
    step(&mut w, PipelineAction::Deploy { parallelism: 8, enhanced_fan_out: false })
        .unwrap_or_else(|e| panic!("deploy v2: {e:?}"));
    let v2 = pipes(&w).job(2).unwrap_or_else(|| panic!("v2 deployed"));
    assert_eq!(v2.caught_up_at, None, "v2 starts at TRIM_HORIZON, 30 s behind");
}
