//! Predictions graded by the simulation: a question is drawn from the running world, the
//! student picks a choice, and [`reveal`] plays the question out on the same world and reads the
//! right choice from what the engine did. There is no table of answers anywhere.
//!
//! ```text
//!  1. a learn step builds the world of Kind::settings(seed)          (part D, the learn UI)
//!  2. ask(kind, &sim, nonce) ─► Question { prompt, choices, spec }    values drawn from the state
//!  3. the student picks a choice
//!  4. reveal(&question, &mut sim) ─► Outcome { correct, explanation, ran_ms }
//!        PutRecord / PutRecords / GetRecords / UpdateShardCount through Sim::api,
//!        producer rates and pipeline steps through Sim::command, time through Sim::sleep;
//!        `correct` is the choice that matches what the engine answered or measured
//! ```
//!
//! Numbers in the questions (limits, retention, shard counts) are read from the engine and the
//! world (`engine::state::limits`, the stream's own settings), never written here. Choices are
//! candidate values around them; a reveal measures, then picks the choice nearest the
//! measurement (numeric kinds) or the one that names what happened.
//!
//! Files: `throughput.rs` (chapters 1, 4, 5), `routing.rs` (2, 3, 7), `later.rs` (6, 9),
//! `tools.rs` (8, 10), `common.rs` (what they share), and this file: the API.

mod common;
mod later;
mod routing;
mod throughput;
mod tools;

use crate::i18n::predict::Msg as PredictMsg;
use crate::ui::sim::{Settings, Sim};
use crate::world::rng::SimRng;
use common::Spec;

/// One kind of prediction; a chapter step names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Ch. 1: how many records/s a stream of N shards can take in (N, the limits: from the engine).
    StreamCapacity,
    /// Ch. 2: which shard a partition key goes to (key drawn fresh each time).
    ShardOfKey,
    /// Ch. 3: order of records: same key (same shard) vs different shards.
    OrderInShard,
    /// Ch. 4: a hot key at R records/s on one shard: how many records/s are throttled.
    HotKeyThrottle,
    /// Ch. 5: polling consumers sharing a shard's 5 calls/s (and 2 MiB/s) vs enhanced fan-out.
    ReadersShare,
    /// Ch. 6: a consumer H hours behind with 24 h retention: what it reads first.
    RetentionLoss,
    /// Ch. 7: UpdateShardCount a → b: open shards after, and whether a given key moves.
    ReshardCount,
    /// Ch. 8: the CLI: what a command will print.
    CliOutput,
    /// Ch. 9: Lambda vs Kappa architecture: what the app shows after a bug / a replay.
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

    /// The settings of the world this question is asked on (preset, shards, rate, keys, seed):
    /// the learn step builds it when the step opens. `seed` varies the question.
    pub fn settings(self, seed: u64) -> Settings {
        match self {
            Kind::StreamCapacity => throughput::capacity_settings(seed),
            Kind::HotKeyThrottle => throughput::hot_settings(seed),
            Kind::ReadersShare => throughput::readers_settings(seed),
            Kind::ShardOfKey | Kind::OrderInShard | Kind::ReshardCount => routing::settings(seed),
            Kind::RetentionLoss => later::retention_settings(seed),
            Kind::Pipelines => later::pipelines_settings(seed),
            Kind::CliOutput => tools::cli_settings(seed),
            Kind::CheaperMode => tools::cheaper_settings(seed),
        }
    }

    /// A short label for the random streams of this kind.
    fn label(self) -> &'static str {
        match self {
            Kind::StreamCapacity => "predict/capacity",
            Kind::ShardOfKey => "predict/shard-of-key",
            Kind::OrderInShard => "predict/order",
            Kind::HotKeyThrottle => "predict/hot-key",
            Kind::ReadersShare => "predict/readers",
            Kind::RetentionLoss => "predict/retention",
            Kind::ReshardCount => "predict/reshard",
            Kind::CliOutput => "predict/cli",
            Kind::Pipelines => "predict/pipelines",
            Kind::CheaperMode => "predict/cheaper",
        }
    }
}

/// A question drawn from the current state of `sim`: other keys, counts, rates each time.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Its kind.
    pub kind: Kind,
    /// The question, with its values.
    pub prompt: PredictMsg,
    /// The choices, 2–5, in display order.
    pub choices: Vec<PredictMsg>,
    /// What reveal needs.
    spec: Spec,
}

/// What the simulation did when the question was played out.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Index into `choices` of the right answer, as the engine computed it by doing it.
    pub correct: usize,
    /// What happened, with the engine's numbers (e.g. "PutRecord user-42 → shardId-000000000001").
    pub explanation: PredictMsg,
    /// Simulated ms the reveal ran the clock for (0 when it only called the API).
    pub ran_ms: u64,
}

/// Draws a question of `kind` from the current state; `nonce` picks among possible questions
/// (the learn step passes a counter, so "another question" gives another one).
pub fn ask(kind: Kind, sim: &Sim, nonce: u64) -> Question {
    let mut rng = draw(kind, sim, nonce);
    let (prompt, choices, spec) = match kind {
        Kind::StreamCapacity => throughput::ask_capacity(sim, &mut rng),
        Kind::HotKeyThrottle => throughput::ask_hot(sim, &mut rng),
        Kind::ReadersShare => throughput::ask_readers(&mut rng),
        Kind::ShardOfKey => routing::ask_shard(sim, &mut rng),
        Kind::OrderInShard => routing::ask_order(&mut rng),
        Kind::ReshardCount => routing::ask_reshard(sim, &mut rng),
        Kind::RetentionLoss => later::ask_retention(sim, &mut rng),
        Kind::Pipelines => later::ask_pipelines(&mut rng, nonce),
        Kind::CliOutput => tools::ask_cli(sim, &mut rng, nonce),
        Kind::CheaperMode => tools::ask_cheaper(sim, &mut rng),
    };
    Question { kind, prompt, choices, spec }
}

/// Plays the question out in the simulation (a PutRecord, an UpdateShardCount and the wait for
/// ACTIVE, a few simulated seconds of a hot key…) through Sim's public methods only (api, command,
/// sleep…), and returns the engine's answer. The student's choice is graded against
/// `Outcome::correct`, which never comes from a table of answers.
pub fn reveal(question: &Question, sim: &mut Sim) -> Outcome {
    let start = sim.world().now();
    let (correct, explanation) = match &question.spec {
        Spec::Capacity { offered, values } => throughput::reveal_capacity(sim, *offered, values),
        Spec::HotKey { key, rate, values } => throughput::reveal_hot(sim, key, *rate, values),
        Spec::Readers { apps, calls, values } => throughput::reveal_readers(sim, *apps, *calls, values),
        Spec::ShardOfKey { key, groups } => routing::reveal_shard(sim, key, groups),
        Spec::Order { first, second, order } => routing::reveal_order(sim, first, second, order),
        Spec::Reshard { to, key, options } => routing::reveal_reshard(sim, *to, key, options),
        Spec::Retention { key, hours, claims } => later::reveal_retention(sim, key, *hours, claims),
        Spec::Pipelines { arch, bug_min, claims } => later::reveal_pipelines(sim, *arch, *bug_min, claims),
        Spec::Cli { stream, lines, texts } => tools::reveal_cli(sim, stream, lines, texts),
        Spec::Cheaper { rate, modes } => tools::reveal_cheaper(sim, *rate, modes),
    };
    let correct = correct.min(question.choices.len().saturating_sub(1));
    Outcome { correct, explanation, ran_ms: sim.world().now().since(start) }
}

/// The random stream of one question: the kind, the world's seed, the nonce and the simulated
/// instant, so the same step asked again later, or with another nonce, draws other values.
fn draw(kind: Kind, sim: &Sim, nonce: u64) -> SimRng {
    let seed = sim.settings().seed ^ nonce.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ sim.elapsed_ms().rotate_left(17);
    SimRng::fork(seed, kind.label())
}

#[cfg(test)]
mod tests;
