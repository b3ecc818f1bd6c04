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
//! `tools.rs` (8, 10), and this file: the API and what they share.

mod later;
mod routing;
mod throughput;
mod tools;

use crate::engine::state::stream::StreamStatus;
use crate::engine::time::SECOND_MS;
use crate::i18n::predict::{Arch, Msg as PredictMsg};
use crate::ui::sim::{Settings, Sim};
use crate::world::producer::Rate;
use crate::world::rng::SimRng;
use crate::world::scenario::Command;
use serde_json::{json, Value};

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

/// What a question needs to be played out (private to this module).
#[derive(Clone, Debug, PartialEq)]
enum Spec {
    /// Ch. 1: offer `offered` records/s; `values` are the choices' records/s.
    Capacity { offered: u64, values: Vec<u64> },
    /// Ch. 2: put `key`; `groups` are the choices' shard ids.
    ShardOfKey { key: String, groups: Vec<Vec<String>> },
    /// Ch. 3: put `first` then `second`; `order[i]` is what choice `i` claims.
    Order { first: String, second: String, order: Vec<Claim> },
    /// Ch. 4: send `rate` records/s with `key`; `values` are the choices' refusals/s.
    HotKey { key: String, rate: u64, values: Vec<u64> },
    /// Ch. 5: `apps` pollers, `calls` GetRecords/s each; `values` are the choices' calls served/s.
    Readers { apps: u64, calls: u64, values: Vec<u64> },
    /// Ch. 6: put `key`, stay away `hours`; `claims[i]` is what choice `i` claims.
    Retention { key: String, hours: u64, claims: Vec<Claim> },
    /// Ch. 7: UpdateShardCount to `to`; `options[i]` is choice `i`'s (open shards, key stays).
    Reshard { to: u64, key: String, options: Vec<(u64, bool)> },
    /// Ch. 8: run `lines` in the console; `texts[i]` is choice `i`'s printed text.
    Cli { stream: String, lines: Vec<String>, texts: Vec<String> },
    /// Ch. 9: the bug for `bug_min` minutes in `arch`; `claims[i]` is choice `i`'s.
    Pipelines { arch: Arch, bug_min: u64, claims: Vec<Claim> },
    /// Ch. 10: run at `rate` records/s; `modes[i]` is choice `i`'s mode.
    Cheaper { rate: u64, modes: Vec<crate::i18n::predict::Mode> },
}

/// What a choice of a non-numeric question claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Claim {
    /// Ch. 3: A before B, guaranteed (same shard).
    SameShardOrder,
    /// Ch. 3: no order (different shards).
    NoOrder,
    /// Ch. 3: B before A.
    Reverse,
    /// Ch. 6: the student's record first.
    Yours,
    /// Ch. 6: a later record first.
    Later,
    /// Ch. 6: nothing.
    Nothing,
    /// Ch. 9: the right totals.
    Right,
    /// Ch. 9: totals still wrong.
    Wrong,
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

/// `items` in an order drawn from `rng` (Fisher–Yates).
fn shuffle<T>(mut items: Vec<T>, rng: &mut SimRng) -> Vec<T> {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    items
}

/// The first `n` distinct values of `candidates`, in their order.
fn distinct(candidates: impl IntoIterator<Item = u64>, n: usize) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    for c in candidates {
        if out.len() < n && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Index of the value nearest `measured` (the first on a tie; 0 for no values).
fn nearest(values: &[u64], measured: u64) -> usize {
    values.iter().enumerate().min_by_key(|(_, v)| v.abs_diff(measured)).map_or(0, |(i, _)| i)
}

/// A partition key drawn from `rng`: a course-like prefix and a number.
fn draw_key(rng: &mut SimRng) -> String {
    const PREFIXES: [&str; 5] = ["user", "cliente", "sensor", "pedido", "tienda"];
    let prefix = PREFIXES[rng.below(PREFIXES.len() as u64) as usize];
    format!("{prefix}-{}", rng.between(1, 999))
}

/// The scenario stream's open shard count (0 when it is gone).
fn open_shards(sim: &Sim) -> u64 {
    sim.world().engine().stream(sim.world().stream_name()).map_or(0, |s| s.open_shard_count() as u64)
}

/// Lets simulated time pass, a second at a time, until `stream` is ACTIVE (at most `max_ms`);
/// returns the ms waited.
fn wait_active(sim: &mut Sim, stream: &str, max_ms: u64) -> u64 {
    let mut waited = 0;
    while waited < max_ms && sim.world().engine().stream(stream).is_some_and(|s| s.status != StreamStatus::Active) {
        sim.sleep(SECOND_MS);
        waited += SECOND_MS;
    }
    waited
}

/// PutRecord of a small record ("hola") with `key` on `stream`: `(ShardId, SequenceNumber)`,
/// or AWS's error code.
fn put(sim: &mut Sim, stream: &str, key: &str) -> Result<(String, String), String> {
    let request = json!({"StreamName": stream, "PartitionKey": key, "Data": "aG9sYQ=="});
    let answer = sim.api("PutRecord", &request).map_err(|e| e.error_type.as_str().to_string())?;
    Ok((text(&answer, "/ShardId"), text(&answer, "/SequenceNumber")))
}

/// The string at `pointer` in an API answer (empty when absent).
fn text(answer: &Value, pointer: &str) -> String {
    answer.pointer(pointer).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// Sequence numbers compared as the decimal numbers they are (they exceed 128 bits).
fn seq_less(a: &str, b: &str) -> bool {
    (a.len(), a) < (b.len(), b)
}

/// Sets the first producer's rate through a world command and returns the rate it had, to
/// give back with [`restore_rate`] (the sim's settings stay as they were).
fn swap_rate(sim: &mut Sim, rate: Rate) -> Option<(String, Rate)> {
    let p = sim.world().producers().first()?;
    let old = (p.spec.name.clone(), p.spec.rate);
    sim.command(Command::SetRate { name: old.0.clone(), rate }).ok()?;
    Some(old)
}

/// A constant rate of `per_sec` records/s.
fn constant(per_sec: u64) -> Rate {
    Rate::Constant { per_sec: u32::try_from(per_sec).unwrap_or(u32::MAX) }
}

/// Gives the first producer back the rate [`swap_rate`] took.
fn restore_rate(sim: &mut Sim, old: Option<(String, Rate)>) {
    if let Some((name, rate)) = old {
        let _ = sim.command(Command::SetRate { name, rate });
    }
}

/// Sums of the scenario stream's shard counters: (incoming records, incoming bytes, throttled
/// writes), over every shard.
fn write_counters(sim: &Sim) -> (u64, u64, u64) {
    let Some(s) = sim.world().engine().stream(sim.world().stream_name()) else {
        return (0, 0, 0);
    };
    s.shards.iter().fold((0, 0, 0), |(r, b, t), sh| {
        (r + sh.counters.incoming_records, b + sh.counters.incoming_bytes, t + sh.counters.write_throttled)
    })
}

#[cfg(test)]
mod tests;
