//! Chapters 2, 3 and 7: where a partition key goes, the order it gives, and resharding.
//!
//! AWS facts: "an MD5 hash function is used to map partition keys to 128-bit integer values and
//! to map associated data records to shards", so "all data records with the same partition key
//! map to the same shard"
//! (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecordsRequestEntry.html>); sequence numbers
//! "for the same partition key generally increase over time" and order holds within a shard
//! (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html>);
//! UpdateShardCount with UNIFORM_SCALING takes the stream to the target count of equal ranges,
//! closing the shards it replaces (parents stay listed until they expire), up to double or down
//! to half the current count
//! (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html>).
//! Every answer is what PutRecord, GetRecords, DescribeStreamSummary and ListShards returned.

use super::common::{draw_key, open_shards, put, seq_less, shuffle, text, wait_active, Claim, Spec};
use crate::engine::state::hashing::partition_key_hash;
use crate::engine::time::SECOND_MS;
use crate::i18n::predict::Msg;
use crate::ui::sim::{KeyMode, Settings, Sim};
use crate::world::presets::Preset;
use crate::world::rng::SimRng;
use serde_json::{json, Value};

/// Most choices a question shows; more open shards are grouped.
const MAX_CHOICES: usize = 5;
/// Longest wait for a reshard to end, ms.
const MAX_RESHARD_WAIT_MS: u64 = 120 * SECOND_MS;

/// Chapters 2, 3 and 7: the clickstream with 2–4 shards by seed, a calm producer.
pub(super) fn settings(seed: u64) -> Settings {
    Settings {
        seed,
        scenario: Preset::Clickstream,
        shards: Some(2 + (seed % 3) as u32),
        rate: Some(100),
        keys: Some(KeyMode::Uniform),
        ..Settings::default()
    }
}

/// The open shards' ids in hash-key order, in at most [`MAX_CHOICES`] groups of neighbours.
fn shard_groups(sim: &Sim) -> Vec<Vec<String>> {
    let ids: Vec<String> = sim
        .world()
        .engine()
        .stream(sim.world().stream_name())
        .map(|s| s.open_shards().map(|sh| sh.id.to_string()).collect())
        .unwrap_or_default();
    let per = ids.len().div_ceil(MAX_CHOICES).max(1);
    ids.chunks(per).map(<[String]>::to_vec).collect()
}

pub(super) fn ask_shard(sim: &Sim, rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let key = draw_key(rng);
    let groups = shard_groups(sim);
    let choices = groups.iter().map(|g| Msg::ShardChoice { shards: g.clone() }).collect();
    let prompt = Msg::ShardPrompt { key: key.clone(), shards: open_shards(sim) };
    (prompt, choices, Spec::ShardOfKey { key, groups })
}

/// PutRecord with the key; the choice is the group holding the shard the engine answered.
pub(super) fn reveal_shard(sim: &mut Sim, key: &str, groups: &[Vec<String>]) -> (usize, Msg) {
    let stream = sim.world().stream_name().to_string();
    wait_active(sim, &stream, 60 * SECOND_MS);
    let (shard, sequence) = put(sim, &stream, key).unwrap_or_else(|code| (code, String::new()));
    let correct = groups.iter().position(|g| g.contains(&shard)).unwrap_or(0);
    let hash = partition_key_hash(key).to_string();
    (correct, Msg::ShardExplain { key: key.to_string(), hash, shard, sequence })
}

pub(super) fn ask_order(rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let first = draw_key(rng);
    // A third of the questions use the same key twice; others two keys, which may still share
    // a shard: the guarantee is per shard.
    let second = if rng.below(3) == 0 {
        first.clone()
    } else {
        let mut k = draw_key(rng);
        while k == first {
            k = draw_key(rng);
        }
        k
    };
    let order = shuffle(vec![Claim::SameShardOrder, Claim::NoOrder, Claim::Reverse], rng);
    let choices = order
        .iter()
        .map(|c| match c {
            Claim::SameShardOrder => Msg::OrderSame,
            Claim::Reverse => Msg::OrderReverse,
            _ => Msg::OrderNone,
        })
        .collect();
    let prompt = Msg::OrderPrompt { first: first.clone(), second: second.clone() };
    (prompt, choices, Spec::Order { first, second, order })
}

/// Puts A then B; same shard and B's SequenceNumber larger: ordered; different shards: none.
/// Reads the shard from A's SequenceNumber to show B after A.
pub(super) fn reveal_order(sim: &mut Sim, first: &str, second: &str, order: &[Claim]) -> (usize, Msg) {
    let stream = sim.world().stream_name().to_string();
    wait_active(sim, &stream, 60 * SECOND_MS);
    let (shard_a, seq_a) = put(sim, &stream, first).unwrap_or_default();
    let (shard_b, seq_b) = put(sim, &stream, second).unwrap_or_default();
    let claim = match (shard_a == shard_b, seq_less(&seq_a, &seq_b)) {
        (true, true) => Claim::SameShardOrder,
        (true, false) => Claim::Reverse,
        (false, _) => Claim::NoOrder,
    };
    let read_in_order = shard_a == shard_b && read_a_then_b(sim, &stream, &shard_a, &seq_a, &seq_b);
    let correct = order.iter().position(|c| *c == claim).unwrap_or(0);
    let explanation = Msg::OrderExplain {
        first: first.to_string(),
        shard_a,
        seq_a,
        second: second.to_string(),
        shard_b,
        seq_b,
        read_in_order,
    };
    (correct, explanation)
}

/// GetRecords from `seq_a` (AT_SEQUENCE_NUMBER): whether A comes back before B.
fn read_a_then_b(sim: &mut Sim, stream: &str, shard: &str, seq_a: &str, seq_b: &str) -> bool {
    let request = json!({"StreamName": stream, "ShardId": shard, "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": seq_a});
    let Ok(it) = sim.api("GetShardIterator", &request) else { return false };
    let Ok(answer) = sim.api("GetRecords", &json!({"ShardIterator": text(&it, "/ShardIterator")})) else {
        return false;
    };
    let seqs: Vec<String> = answer
        .get("Records")
        .and_then(Value::as_array)
        .map(|rs| rs.iter().map(|r| text(r, "/SequenceNumber")).collect())
        .unwrap_or_default();
    let a = seqs.iter().position(|s| s == seq_a);
    let b = seqs.iter().position(|s| s == seq_b);
    matches!((a, b), (Some(a), Some(b)) if a < b)
}

pub(super) fn ask_reshard(sim: &Sim, rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let from = open_shards(sim).max(1);
    // UNIFORM_SCALING: at most double, at least half, and not the same count.
    let targets: Vec<u64> = (from.div_ceil(2)..=from * 2).filter(|&t| t != from).collect();
    let to = targets.get(rng.below(targets.len() as u64) as usize).copied().unwrap_or(from + 1);
    let key = draw_key(rng);
    let shard = sim
        .world()
        .engine()
        .stream(sim.world().stream_name())
        .and_then(|s| s.route(partition_key_hash(&key)).and_then(|i| s.shards.get(i as usize)))
        .map(|sh| sh.id.to_string())
        .unwrap_or_default();
    let options = shuffle(vec![(to, true), (to, false), (from, true), (from, false)], rng);
    let choices = options.iter().map(|&(open, stays)| Msg::ReshardChoice { open, stays }).collect();
    let prompt = Msg::ReshardPrompt { from, to, key: key.clone(), shard };
    (prompt, choices, Spec::Reshard { to, key, options })
}

/// The stream's summary: (open shards, shards ListShards lists).
fn counts(sim: &mut Sim, stream: &str) -> (u64, u64) {
    let summary = sim.api("DescribeStreamSummary", &json!({"StreamName": stream})).unwrap_or_default();
    let open = summary.pointer("/StreamDescriptionSummary/OpenShardCount").and_then(Value::as_u64).unwrap_or(0);
    let listed = sim.api("ListShards", &json!({"StreamName": stream})).unwrap_or_default();
    (open, listed.get("Shards").and_then(Value::as_array).map_or(0, |a| a.len() as u64))
}

/// PutRecord the key, UpdateShardCount, wait for ACTIVE, count the shards and PutRecord again.
pub(super) fn reveal_reshard(sim: &mut Sim, to: u64, key: &str, options: &[(u64, bool)]) -> (usize, Msg) {
    let stream = sim.world().stream_name().to_string();
    wait_active(sim, &stream, 60 * SECOND_MS);
    let (before, _) = put(sim, &stream, key).unwrap_or_default();
    let request = json!({"StreamName": stream, "TargetShardCount": to, "ScalingType": "UNIFORM_SCALING"});
    let _ = sim.api("UpdateShardCount", &request);
    let secs = wait_active(sim, &stream, MAX_RESHARD_WAIT_MS) / SECOND_MS;
    let (open, listed) = counts(sim, &stream);
    let (after, _) = put(sim, &stream, key).unwrap_or_default();
    let stays = before == after;
    let correct = options
        .iter()
        .position(|&o| o == (open, stays))
        .or_else(|| options.iter().position(|&(_, s)| s == stays))
        .unwrap_or(0);
    (correct, Msg::ReshardExplain { open, listed, key: key.to_string(), before, after, secs })
}
