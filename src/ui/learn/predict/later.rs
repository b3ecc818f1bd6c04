//! Chapters 6 and 9: what time does to data. A record outlived by the retention period, and a
//! bug in each architecture of the course.
//!
//! AWS facts: a stream keeps records for its retention period, 24 hours by default, after which
//! they are no longer accessible (<https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html>);
//! `TRIM_HORIZON` starts at "the last untrimmed record in the shard", the oldest retained
//! (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html>).
//! The architectures are the world's (`world/pipelines.rs`: Marz's Lambda, Kreps's Kappa); the
//! reveal compares the app's answer with what correct code answers over the same records.
//!
//! RetentionLoss seeks the world forward up to 30 h: its world runs the slow-consumer preset at
//! 1 record/s; while it seeks, the reveal slows the producer to one record a minute
//! ([`SEEK_RATE`]) and stops the world's consumers (the question's consumer is away; they come
//! back afterwards, from their start position, with a `-2` name), so that 30 h cost about
//! 0.3–0.6 s natively (`cargo bench --bench engine -- learn_reveal` measures it; with the
//! producer at 1 record/s and the consumer polling, it took 1.5 s).

use super::common::{draw_key, put, restore_rate, seq_less, shuffle, swap_rate, text, wait_active, Claim, Spec};
use crate::engine::time::{HOUR_MS, MINUTE_MS, SECOND_MS};
use crate::i18n::predict::{Arch, Msg};
use crate::ui::sim::{Settings, Sim};
use crate::world::consumer::{ConsumerApp, ConsumerSpec};
use crate::world::pipeline_spec::PipelineAction;
use crate::world::pipelines::distance;
use crate::world::presets::Preset;
use crate::world::producer::Rate;
use crate::world::rng::SimRng;
use crate::world::scenario::Command;
use serde_json::{json, Value};

/// Hours a consumer may stay away in a question: some within 24 h, some beyond.
const HOURS: [u64; 5] = [6, 12, 20, 26, 30];
/// The producer while the retention reveal seeks forward: one record a minute.
const SEEK_RATE: Rate = Rate::Spikes { base: 0, peak: 1, every_ms: MINUTE_MS, spike_ms: SECOND_MS };
/// Minutes the app runs after the bug is fixed, before it is read.
const AFTER_FIX_MIN: u64 = 6;
/// Longest wait for job v2 to catch up, ms.
const MAX_CATCH_UP_MS: u64 = 15 * MINUTE_MS;

/// Ch. 6: the slow-consumer stream (one shard, 24 h retention) at 1 record/s.
pub(super) fn retention_settings(seed: u64) -> Settings {
    Settings { seed, scenario: Preset::SlowConsumer, rate: Some(1), ..Settings::default() }
}

/// Ch. 9: the online shop feeding both architectures.
pub(super) fn pipelines_settings(seed: u64) -> Settings {
    Settings { seed, scenario: Preset::ECommerce, ..Settings::default() }
}

/// The scenario stream's retention period, hours (from the engine).
fn retention_hours(sim: &Sim) -> u64 {
    sim.world().engine().stream(sim.world().stream_name()).map_or(0, |s| u64::from(s.retention_hours))
}

pub(super) fn ask_retention(sim: &Sim, rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let hours = HOURS[rng.below(HOURS.len() as u64) as usize];
    let key = draw_key(rng);
    let claims = shuffle(vec![Claim::Yours, Claim::Later, Claim::Nothing], rng);
    let choices = claims
        .iter()
        .map(|c| match c {
            Claim::Yours => Msg::RetentionYours,
            Claim::Later => Msg::RetentionLater,
            _ => Msg::RetentionNothing,
        })
        .collect();
    let prompt = Msg::RetentionPrompt { key: key.clone(), hours, retention: retention_hours(sim) };
    (prompt, choices, Spec::Retention { key, hours, claims })
}

/// The shard's expired-records counter.
fn expired(sim: &Sim, shard: &str) -> u64 {
    let s = sim.world().engine().stream(sim.world().stream_name());
    s.and_then(|s| s.shards.iter().find(|sh| sh.id.to_string() == shard)).map_or(0, |sh| sh.counters.expired_records)
}

/// Stops the world's consumers (they come back after the seek, from their start position):
/// the question's consumer is away, and a world without pollers seeks twice as fast.
fn stop_consumers(sim: &mut Sim) -> Vec<ConsumerSpec> {
    let specs: Vec<ConsumerSpec> = (0..sim.world().consumers().len())
        .filter(|&i| !sim.world().is_removed(i))
        .filter_map(|i| match sim.world().consumers().get(i)? {
            ConsumerApp::Polling(a) => Some(ConsumerSpec::Polling(a.spec.clone())),
            ConsumerApp::Lambda(a) => Some(ConsumerSpec::Lambda(a.spec.clone())),
            ConsumerApp::FanOut(a) => Some(ConsumerSpec::FanOut(a.spec.clone())),
        })
        .collect();
    for c in &specs {
        let _ = sim.command(Command::RemoveConsumer { name: c.name().to_string() });
    }
    specs
}

/// PutRecord, `hours` of simulated time, then TRIM_HORIZON: the first record returned (the
/// oldest retained) is the student's or older (it is retained), newer (it expired), or none.
pub(super) fn reveal_retention(sim: &mut Sim, key: &str, hours: u64, claims: &[Claim]) -> (usize, Msg) {
    let stream = sim.world().stream_name().to_string();
    wait_active(sim, &stream, 60 * SECOND_MS);
    let (shard, seq) = put(sim, &stream, key).unwrap_or_default();
    let expired_before = expired(sim, &shard);
    let old = swap_rate(sim, SEEK_RATE);
    let away = stop_consumers(sim);
    sim.sleep(hours * HOUR_MS);
    for consumer in away {
        let _ = sim.command(Command::AddConsumer { consumer });
    }
    restore_rate(sim, old);
    let request = json!({"StreamName": stream, "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON"});
    let mut first = None;
    // The world's consumers share the shard's 5 calls/s: try again a moment later if throttled.
    for _ in 0..5 {
        let answer = sim
            .api("GetShardIterator", &request)
            .and_then(|it| sim.api("GetRecords", &json!({"ShardIterator": text(&it, "/ShardIterator"), "Limit": 1})));
        if let Ok(a) = answer {
            first = Some(a.pointer("/Records/0").cloned());
            break;
        }
        sim.sleep(SECOND_MS / 2);
    }
    let first = first.flatten();
    let claim = match &first {
        Some(r) if !seq_less(&seq, &text(r, "/SequenceNumber")) => Claim::Yours,
        Some(_) => Claim::Later,
        None => Claim::Nothing,
    };
    let now_ms = sim.world().now().millis();
    let first_age_min =
        first.as_ref().and_then(|r| r.get("ApproximateArrivalTimestamp")).and_then(Value::as_f64).map(|secs| {
            let arrived = (secs * 1000.0).round() as u64;
            now_ms.saturating_sub(arrived) / MINUTE_MS
        });
    let explanation = Msg::RetentionExplain {
        shard: shard.clone(),
        hours,
        retention: retention_hours(sim),
        yours: claim == Claim::Yours,
        expired: expired(sim, &shard).saturating_sub(expired_before),
        first_age_min,
    };
    (claims.iter().position(|c| *c == claim).unwrap_or(0), explanation)
}

pub(super) fn ask_pipelines(rng: &mut SimRng, nonce: u64) -> (Msg, Vec<Msg>, Spec) {
    // The nonce walks the three cases, so "another question" shows the next one.
    let arch = [Arch::Lambda, Arch::Kappa, Arch::KappaReplay][(nonce % 3) as usize];
    let bug_min = rng.between(1, 2);
    let claims = shuffle(vec![Claim::Right, Claim::Wrong], rng);
    let choices =
        claims.iter().map(|c| if *c == Claim::Right { Msg::PipelinesRight } else { Msg::PipelinesWrong }).collect();
    (Msg::PipelinesPrompt { arch, bug_min }, choices, Spec::Pipelines { arch, bug_min, claims })
}

/// The app's answer and correct code's over the same records, in units: 0 when they agree.
fn off_by(sim: &Sim, arch: Arch) -> u64 {
    let Some(p) = sim.world().pipelines() else { return 0 };
    let consumers = sim.world().consumers();
    match arch {
        Arch::Lambda => distance(&p.lambda_answer(consumers, false), &p.lambda_answer(consumers, true)),
        Arch::Kappa | Arch::KappaReplay => {
            distance(&p.kappa_answer(consumers, false), &p.kappa_answer(consumers, true))
        }
    }
}

fn pipeline(sim: &mut Sim, action: PipelineAction) -> bool {
    sim.command(Command::Pipeline { action }).is_ok()
}

/// Turns the bug on for `bug_min` minutes, fixes it, (replays, for KappaReplay), runs a few
/// minutes and compares the app's answer with correct code's.
pub(super) fn reveal_pipelines(sim: &mut Sim, arch: Arch, bug_min: u64, claims: &[Claim]) -> (usize, Msg) {
    let start = sim.world().now();
    let bug = |on| match arch {
        Arch::Lambda => PipelineAction::SpeedBug { on },
        Arch::Kappa | Arch::KappaReplay => PipelineAction::JobBug { on },
    };
    pipeline(sim, bug(true));
    sim.sleep(bug_min * MINUTE_MS);
    pipeline(sim, bug(false));
    if arch == Arch::KappaReplay {
        let parallelism = sim.world().pipelines().map_or(2, |p| p.spec.job_parallelism);
        pipeline(sim, PipelineAction::Deploy { parallelism, enhanced_fan_out: false });
        let mut waited = 0;
        while waited < MAX_CATCH_UP_MS && !pipeline(sim, PipelineAction::Switch) {
            sim.sleep(10 * SECOND_MS);
            waited += 10 * SECOND_MS;
        }
    }
    sim.sleep(AFTER_FIX_MIN * MINUTE_MS);
    let off = off_by(sim, arch);
    let claim = if off == 0 { Claim::Right } else { Claim::Wrong };
    let minutes = sim.world().now().since(start) / MINUTE_MS;
    (claims.iter().position(|c| *c == claim).unwrap_or(0), Msg::PipelinesExplain { arch, off_by: off, minutes })
}
