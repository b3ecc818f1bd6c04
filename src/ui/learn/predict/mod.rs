//! Predictions graded by the simulation: a question drawn from the running world, played out in
//! it, and graded against what the engine did.
//!
//! Part D's minimal, throwaway version of part E's API (the same items and signatures), with
//! only [`Kind::ShardOfKey`] implemented: every kind asks that question here. The lead replaces
//! this folder with part E's at merge; the learn path uses nothing beyond this API.

use crate::i18n::predict::Msg as PredictMsg;
use crate::ui::sim::{Settings, Sim};
use crate::world::presets::Preset;
use crate::world::rng::mix;

/// One kind of prediction; a chapter step names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Ch. 1: how many records/s a stream of N shards can take in.
    StreamCapacity,
    /// Ch. 2: which shard a partition key goes to (key drawn fresh each time).
    ShardOfKey,
    /// Ch. 3: order of records: same key (same shard) vs different shards.
    OrderInShard,
    /// Ch. 4: a hot key at R records/s on one shard: how many records/s are throttled.
    HotKeyThrottle,
    /// Ch. 5: polling consumers sharing a shard vs enhanced fan-out.
    ReadersShare,
    /// Ch. 6: a consumer H hours behind with 24 h retention.
    RetentionLoss,
    /// Ch. 7: UpdateShardCount a → b.
    ReshardCount,
    /// Ch. 8: what a CLI command will print.
    CliOutput,
    /// Ch. 9: Lambda vs Kappa architecture.
    Pipelines,
    /// Ch. 10: which capacity mode is cheaper for this load.
    CheaperMode,
}

impl Kind {
    /// Every kind, in chapter order.
    pub const ALL: [Kind; 10] = [
        Kind::StreamCapacity,
        Kind::ShardOfKey,
        Kind::OrderInShard,
        Kind::HotKeyThrottle,
        Kind::ReadersShare,
        Kind::RetentionLoss,
        Kind::ReshardCount,
        Kind::CliOutput,
        Kind::Pipelines,
        Kind::CheaperMode,
    ];

    /// The settings of the world this question is asked on.
    pub fn settings(self, seed: u64) -> Settings {
        let (scenario, shards) = match self {
            Kind::ShardOfKey => (Preset::ActivityLogs, Some(4)),
            Kind::HotKeyThrottle => (Preset::HotKey, None),
            Kind::ReadersShare => (Preset::FanOut, None),
            Kind::RetentionLoss => (Preset::SlowConsumer, None),
            Kind::ReshardCount => (Preset::ActivityLogs, Some(3)),
            Kind::Pipelines => (Preset::ECommerce, None),
            _ => (Preset::ActivityLogs, Some(2)),
        };
        Settings { seed, scenario, shards, ..Settings::default() }
    }
}

/// A question drawn from the current state of `sim`.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Its kind.
    pub kind: Kind,
    /// The question, with its values.
    pub prompt: PredictMsg,
    /// The choices, 2–5, in display order.
    pub choices: Vec<PredictMsg>,
    key: String,
    shards: Vec<String>,
}

/// What the simulation did when the question was played out.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Index into `choices` of the right answer, as the engine computed it by doing it.
    pub correct: usize,
    /// What happened, with the engine's numbers.
    pub explanation: PredictMsg,
    /// Simulated ms the reveal ran the clock for (0 when it only called the API).
    pub ran_ms: u64,
}

/// The open shards of the shown stream (at most 5, the choices' limit).
fn open_shards(sim: &Sim) -> Vec<String> {
    let Some(stream) = sim.world().engine().stream(sim.shown_stream()) else { return Vec::new() };
    stream.open_shards().map(|s| s.id.to_string()).take(5).collect()
}

/// Draws a question of `kind` from the current state; `nonce` picks among possible questions.
pub fn ask(kind: Kind, sim: &Sim, nonce: u64) -> Question {
    let _ = kind;
    let n = mix(sim.settings().seed, 0x1ea2, nonce) % 1000;
    let key = format!("user-{n}");
    let shards = open_shards(sim);
    Question {
        kind: Kind::ShardOfKey,
        prompt: PredictMsg::ShardOfKeyPrompt { key: key.clone() },
        choices: shards.iter().map(|s| PredictMsg::Shard { shard: s.clone() }).collect(),
        key,
        shards,
    }
}

/// Plays the question out in the simulation and returns the engine's answer.
pub fn reveal(question: &Question, sim: &mut Sim) -> Outcome {
    let request = serde_json::json!({
        "StreamName": sim.shown_stream(),
        "PartitionKey": question.key,
        "Data": "cHJlZGljdA==",
    });
    let (shard, sequence) = match sim.api("PutRecord", &request) {
        Ok(a) => (
            a["ShardId"].as_str().unwrap_or_default().to_string(),
            a["SequenceNumber"].as_str().unwrap_or_default().to_string(),
        ),
        Err(e) => (String::new(), e.error_type.as_str().to_string()),
    };
    let correct = question.shards.iter().position(|s| *s == shard).unwrap_or(usize::MAX);
    Outcome {
        correct,
        explanation: PredictMsg::ShardOfKeyExplained { key: question.key.clone(), shard, sequence },
        ran_ms: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shard_of_a_key_is_the_one_put_record_names() {
        let mut sim = match Sim::new(Kind::ShardOfKey.settings(1)) {
            Ok(s) => s,
            Err(e) => panic!("{e:?}"),
        };
        sim.advance(2_000);
        let q = ask(Kind::ShardOfKey, &sim, 3);
        assert_eq!(q.choices.len(), 4);
        let o = reveal(&q, &mut sim);
        assert!(o.correct < 4, "{o:?}");
        let again = ask(Kind::ShardOfKey, &sim, 4);
        assert_ne!(again.prompt, q.prompt);
    }
}
