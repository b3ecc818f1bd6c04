//! What the predictions share: the private description of a question ([`Spec`], [`Claim`])
//! and the helpers the kinds use to draw values and to play questions out through `Sim`'s
//! public methods. It imports none of its siblings, so that the kinds and `mod.rs` import it
//! without a circle.

use crate::engine::state::stream::StreamStatus;
use crate::engine::time::SECOND_MS;
use crate::i18n::predict::{Arch, Mode};
use crate::ui::sim::Sim;
use crate::world::producer::Rate;
use crate::world::rng::SimRng;
use crate::world::scenario::Command;
use serde_json::{json, Value};

/// What a question needs to be played out (private to the predictions).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Spec {
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
    Cheaper { rate: u64, modes: Vec<Mode> },
}

/// What a choice of a non-numeric question claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Claim {
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

/// `items` in an order drawn from `rng` (Fisher–Yates).
pub(super) fn shuffle<T>(mut items: Vec<T>, rng: &mut SimRng) -> Vec<T> {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    items
}

/// The first `n` distinct values of `candidates`, in their order.
pub(super) fn distinct(candidates: impl IntoIterator<Item = u64>, n: usize) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    for c in candidates {
        if out.len() < n && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Index of the value nearest `measured` (the first on a tie; 0 for no values).
pub(super) fn nearest(values: &[u64], measured: u64) -> usize {
    values.iter().enumerate().min_by_key(|(_, v)| v.abs_diff(measured)).map_or(0, |(i, _)| i)
}

/// A partition key drawn from `rng`: a course-like prefix and a number.
pub(super) fn draw_key(rng: &mut SimRng) -> String {
    const PREFIXES: [&str; 5] = ["user", "cliente", "sensor", "pedido", "tienda"];
    let prefix = PREFIXES[rng.below(PREFIXES.len() as u64) as usize];
    format!("{prefix}-{}", rng.between(1, 999))
}

/// The scenario stream's open shard count (0 when it is gone).
pub(super) fn open_shards(sim: &Sim) -> u64 {
    sim.world().engine().stream(sim.world().stream_name()).map_or(0, |s| s.open_shard_count() as u64)
}

/// Lets simulated time pass, a second at a time, until `stream` is ACTIVE (at most `max_ms`);
/// returns the ms waited.
pub(super) fn wait_active(sim: &mut Sim, stream: &str, max_ms: u64) -> u64 {
    let mut waited = 0;
    while waited < max_ms && sim.world().engine().stream(stream).is_some_and(|s| s.status != StreamStatus::Active) {
        sim.sleep(SECOND_MS);
        waited += SECOND_MS;
    }
    waited
}

/// PutRecord of a small record ("hola") with `key` on `stream`: `(ShardId, SequenceNumber)`,
/// or AWS's error code.
pub(super) fn put(sim: &mut Sim, stream: &str, key: &str) -> Result<(String, String), String> {
    let request = json!({"StreamName": stream, "PartitionKey": key, "Data": "aG9sYQ=="});
    let answer = sim.api("PutRecord", &request).map_err(|e| e.error_type.as_str().to_string())?;
    Ok((text(&answer, "/ShardId"), text(&answer, "/SequenceNumber")))
}

/// The string at `pointer` in an API answer (empty when absent).
pub(super) fn text(answer: &Value, pointer: &str) -> String {
    answer.pointer(pointer).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// Sequence numbers compared as the decimal numbers they are (they exceed 128 bits).
pub(super) fn seq_less(a: &str, b: &str) -> bool {
    (a.len(), a) < (b.len(), b)
}

/// Sets the first producer's rate through a world command and returns the rate it had, to
/// give back with [`restore_rate`] (the sim's settings stay as they were).
pub(super) fn swap_rate(sim: &mut Sim, rate: Rate) -> Option<(String, Rate)> {
    let p = sim.world().producers().first()?;
    let old = (p.spec.name.clone(), p.spec.rate);
    sim.command(Command::SetRate { name: old.0.clone(), rate }).ok()?;
    Some(old)
}

/// A constant rate of `per_sec` records/s.
pub(super) fn constant(per_sec: u64) -> Rate {
    Rate::Constant { per_sec: u32::try_from(per_sec).unwrap_or(u32::MAX) }
}

/// Gives the first producer back the rate [`swap_rate`] took.
pub(super) fn restore_rate(sim: &mut Sim, old: Option<(String, Rate)>) {
    if let Some((name, rate)) = old {
        let _ = sim.command(Command::SetRate { name, rate });
    }
}

/// Sums of the scenario stream's shard counters: (incoming records, incoming bytes, throttled
/// writes), over every shard.
pub(super) fn write_counters(sim: &Sim) -> (u64, u64, u64) {
    let Some(s) = sim.world().engine().stream(sim.world().stream_name()) else {
        return (0, 0, 0);
    };
    s.shards.iter().fold((0, 0, 0), |(r, b, t), sh| {
        (r + sh.counters.incoming_records, b + sh.counters.incoming_bytes, t + sh.counters.write_throttled)
    })
}
