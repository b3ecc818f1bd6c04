//! Chapters 8 and 10: the AWS CLI's output, and the cheaper capacity mode.
//!
//! AWS facts: a new stream is `CREATING` until it becomes `ACTIVE`
//! (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html>), and
//! `describe-stream-summary` reports `StreamStatus` and `OpenShardCount`
//! (<https://docs.aws.amazon.com/cli/latest/reference/kinesis/describe-stream-summary.html>);
//! the console runs the emulated CLI (`ui/console.rs`) on the same world. Prices are
//! `world/cost.rs`'s (us-east-1, <https://aws.amazon.com/kinesis/data-streams/pricing/>):
//! provisioned bills shard-hours and PUT payload units, on-demand a stream-hour and each GB in
//! and out, so an over-provisioned stream with little traffic costs less on-demand.

use super::common::{
    constant, distinct, open_shards, restore_rate, shuffle, swap_rate, wait_active, write_counters, Spec,
};
use crate::console::CliVersion;
use crate::engine::state::stream::StreamMode;
use crate::engine::time::SECOND_MS;
use crate::i18n::predict::{Mode, Msg};
use crate::i18n::Lang;
use crate::ui::console::Session;
use crate::ui::sim::{KeyMode, Settings, Sim};
use crate::world::cost::monthly;
use crate::world::presets::Preset;
use crate::world::rng::SimRng;
use serde_json::json;

/// Seconds of traffic measured for a cost.
const COST_SECS: u64 = 5;
/// Shard counts of the cost question's worlds (by seed): right-sized to over-provisioned.
const COST_SHARDS: [u32; 4] = [1, 2, 8, 20];
/// Rates of the cost question, records/s: from a trickle to most of a shard.
const COST_RATES: [u64; 6] = [2, 10, 50, 200, 500, 900];

/// Ch. 8: the course's activity-log stream at a calm rate.
pub(super) fn cli_settings(seed: u64) -> Settings {
    Settings { seed, scenario: Preset::ActivityLogs, rate: Some(100), ..Settings::default() }
}

/// Ch. 10: the clickstream with a shard count by seed.
pub(super) fn cheaper_settings(seed: u64) -> Settings {
    Settings {
        seed,
        scenario: Preset::Clickstream,
        shards: Some(COST_SHARDS[(seed % COST_SHARDS.len() as u64) as usize]),
        rate: Some(50),
        keys: Some(KeyMode::Uniform),
        ..Settings::default()
    }
}

pub(super) fn ask_cli(sim: &Sim, rng: &mut SimRng, nonce: u64) -> (Msg, Vec<Msg>, Spec) {
    let mut stream = format!("curso-{}", rng.between(1, 99));
    while sim.world().engine().stream(&stream).is_some() {
        stream = format!("curso-{}", rng.between(100, 9_999));
    }
    let shards = rng.between(1, 6);
    let create = format!("aws kinesis create-stream --stream-name {stream} --shard-count {shards}");
    let summary = format!("aws kinesis describe-stream-summary --stream-name {stream} --query");
    // The nonce alternates the two questions: the status right away, the shards once ACTIVE.
    let (lines, texts) = if nonce % 2 == 0 {
        let lines = vec![create, format!("{summary} StreamDescriptionSummary.StreamStatus --output text")];
        (lines, vec!["CREATING".to_string(), "ACTIVE".to_string(), "UPDATING".to_string()])
    } else {
        let lines = vec![
            create,
            format!("aws kinesis wait stream-exists --stream-name {stream}"),
            format!("{summary} StreamDescriptionSummary.OpenShardCount"),
        ];
        let values = distinct([shards, 0, 1, shards * 2, shards + 1], 4);
        (lines, values.iter().map(u64::to_string).collect())
    };
    let texts = shuffle(texts, rng);
    let choices = texts.iter().map(|t| Msg::CliPrints { text: t.clone() }).collect();
    (Msg::CliPrompt { lines: lines.clone() }, choices, Spec::Cli { stream, lines, texts })
}

/// Runs the lines in a console session of its own; the choice is the text the last one printed.
/// The stream is deleted once ACTIVE, so that questions do not pile streams up.
pub(super) fn reveal_cli(sim: &mut Sim, stream: &str, lines: &[String], texts: &[String]) -> (usize, Msg) {
    let mut session = Session::new(CliVersion::default());
    for line in lines {
        session.run(line, sim, Lang::En);
    }
    let printed = session.entries.last().map(|e| e.ran.outcome.stdout.trim().to_string()).unwrap_or_default();
    let correct = texts.iter().position(|t| *t == printed).unwrap_or(0);
    wait_active(sim, stream, 60 * SECOND_MS);
    let _ = sim.api("DeleteStream", &json!({"StreamName": stream}));
    (correct, Msg::CliExplain { printed })
}

pub(super) fn ask_cheaper(sim: &Sim, rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let rate = COST_RATES[rng.below(COST_RATES.len() as u64) as usize];
    let bytes = sim.world().producers().first().map_or(0, |p| match p.spec.size {
        crate::world::payload::RecordSize::Fixed { bytes } => u64::from(bytes),
        crate::world::payload::RecordSize::Uniform { max, .. } => u64::from(max),
    });
    let modes = shuffle(vec![Mode::Provisioned, Mode::OnDemand], rng);
    let choices = modes.iter().map(|&mode| Msg::CheaperChoice { mode }).collect();
    (Msg::CheaperPrompt { rate, bytes, shards: open_shards(sim) }, choices, Spec::Cheaper { rate, modes })
}

/// Runs the producer at `rate`, measures records and bytes per second, and prices a month of
/// that in both modes with the world's cost model.
pub(super) fn reveal_cheaper(sim: &mut Sim, rate: u64, modes: &[Mode]) -> (usize, Msg) {
    let old = swap_rate(sim, constant(rate));
    sim.sleep(SECOND_MS);
    let (r0, b0, _) = write_counters(sim);
    sim.sleep(COST_SECS * SECOND_MS);
    let (r1, b1, _) = write_counters(sim);
    restore_rate(sim, old);
    let records = r1.saturating_sub(r0);
    let rate = records / COST_SECS;
    let bytes = b1.saturating_sub(b0).checked_div(records).unwrap_or(0);
    let shards = open_shards(sim);
    let retention = sim.world().engine().stream(sim.world().stream_name()).map_or(24, |s| s.retention_hours);
    let price = |mode| monthly(shards, retention, rate, bytes, 0, mode).total;
    let (provisioned, on_demand) = (price(StreamMode::Provisioned), price(StreamMode::OnDemand));
    let cheaper = if provisioned <= on_demand { Mode::Provisioned } else { Mode::OnDemand };
    let correct = modes.iter().position(|m| *m == cheaper).unwrap_or(0);
    (correct, Msg::CheaperExplain { rate, bytes, shards, provisioned, on_demand })
}
