//! Chapters 1, 4 and 5: the per-shard limits, measured by pushing past them.
//!
//! AWS facts (Amazon Kinesis Data Streams quotas and limits,
//! <https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>): each shard
//! takes up to 1,000 records/s and 1 MiB/s of writes, and serves 5 GetRecords calls/s and
//! 2 MiB/s of reads shared by every polling consumer; an enhanced fan-out consumer gets its own
//! 2 MiB/s per shard (<https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html>).
//! The numbers are the engine's (`engine::state::limits`), and each reveal measures what the
//! engine accepted and refused.

use super::common::{
    constant, distinct, draw_key, nearest, open_shards, restore_rate, shuffle, swap_rate, text, wait_active,
    write_counters, Spec,
};
use crate::engine::ops::subscribe_to_shard::EFO_BYTES_PER_SEC;
use crate::engine::state::limits::{MIB, READ_BYTES_PER_SEC, READ_CALLS_PER_SEC, WRITE_RECORDS_PER_SEC};
use crate::engine::time::SECOND_MS;
use crate::i18n::predict::Msg;
use crate::ui::sim::Sim;
use crate::ui::sim::{KeyMode, Settings};
use crate::world::payload::RecordSize;
use crate::world::presets::Preset;
use crate::world::producer::{Batching, ProducerSpec, RetryPolicy};
use crate::world::rng::SimRng;
use crate::world::scenario::Command;
use serde_json::{json, Value};

/// Seconds of load before a measurement: a shard's token bucket starts full (one second's
/// worth), so the first second takes in up to twice the limit.
const WARM_UP_MS: u64 = 2 * SECOND_MS;
/// Seconds measured.
const MEASURE_SECS: u64 = 3;
/// Load before the capacity measurement, ms: at twice the limit or more, one second empties
/// every shard's bucket.
const CAPACITY_WARM_UP_MS: u64 = SECOND_MS;
/// Seconds the capacity is measured: the overloaded producer's retries make every simulated
/// second of it cost (about 0.1 s natively per shard), so it is kept short.
const CAPACITY_SECS: u64 = 2;
/// How often the hot key's PutRecords go, ms.
const SLICE_MS: u64 = 100;

/// Ch. 1: the clickstream, 1–4 shards by seed, a calm producer over many keys.
pub(super) fn capacity_settings(seed: u64) -> Settings {
    Settings {
        seed,
        scenario: Preset::Clickstream,
        shards: Some(1 + (seed % 4) as u32),
        rate: Some(300),
        keys: Some(KeyMode::Uniform),
        ..Settings::default()
    }
}

/// Ch. 4: the hot-key stream (4 shards), calm: the reveal makes one key hot.
pub(super) fn hot_settings(seed: u64) -> Settings {
    Settings { seed, scenario: Preset::HotKey, rate: Some(40), keys: Some(KeyMode::Uniform), ..Settings::default() }
}

/// Ch. 5: the fan-out stream (5 polling and 5 enhanced fan-out applications on one shard).
pub(super) fn readers_settings(seed: u64) -> Settings {
    Settings { seed, scenario: Preset::FanOut, rate: Some(200), ..Settings::default() }
}

/// The first producer's record size, bytes (its largest, for a range).
fn record_bytes(sim: &Sim) -> u64 {
    sim.world().producers().first().map_or(0, |p| match p.spec.size {
        RecordSize::Fixed { bytes } => u64::from(bytes),
        RecordSize::Uniform { max, .. } => u64::from(max),
    })
}

pub(super) fn ask_capacity(sim: &Sim, rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let shards = open_shards(sim).max(1);
    let limit = WRITE_RECORDS_PER_SEC;
    // 2×, 2.5× or 3× what the shards take, so that every shard is saturated.
    let offered = shards * limit * rng.between(4, 6) / 2;
    let values = distinct([shards * limit, offered, limit, shards * limit / 2, (shards + 1) * limit], 4);
    let values = shuffle(values, rng);
    let choices = values.iter().map(|&n| Msg::RecordsPerSec { n }).collect();
    let prompt = Msg::CapacityPrompt { shards, offered, bytes: record_bytes(sim) };
    (prompt, choices, Spec::Capacity { offered, values })
}

/// Starts a load-test producer like the first one (same records and keys) at `offered`
/// records/s, with no retries (a throttled record is dropped, so the load stays `offered`), and
/// measures what the stream accepts; then stops it.
pub(super) fn reveal_capacity(sim: &mut Sim, offered: u64, values: &[u64]) -> (usize, Msg) {
    let like = sim.world().producers().first().map(|p| p.spec.clone()).unwrap_or_default();
    let spec = ProducerSpec {
        name: "load-test".into(),
        rate: constant(offered),
        retry: RetryPolicy { max_retries: 0, ..RetryPolicy::default() },
        batching: Batching::Single,
        ..like
    };
    let _ = sim.command(Command::AddProducer { producer: spec });
    let name = sim.world().producers().last().map(|p| p.spec.name.clone()).unwrap_or_default();
    sim.sleep(CAPACITY_WARM_UP_MS);
    let (r0, _, t0) = write_counters(sim);
    sim.sleep(CAPACITY_SECS * SECOND_MS);
    let (r1, _, t1) = write_counters(sim);
    let _ = sim.command(Command::StopProducer { name });
    let accepted = r1.saturating_sub(r0) / CAPACITY_SECS;
    let throttled = t1.saturating_sub(t0) / CAPACITY_SECS;
    let explanation = Msg::CapacityExplain {
        shards: open_shards(sim),
        accepted,
        throttled,
        limit: WRITE_RECORDS_PER_SEC,
        secs: CAPACITY_SECS,
    };
    (nearest(values, accepted), explanation)
}

pub(super) fn ask_hot(sim: &Sim, rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let limit = WRITE_RECORDS_PER_SEC;
    let rate = limit * rng.between(3, 6) / 2;
    let key = draw_key(rng);
    let shards = open_shards(sim);
    let values = shuffle(distinct([rate - limit, rate, limit, 0, rate / shards.max(1)], 4), rng);
    let choices = values.iter().map(|&n| Msg::RecordsPerSec { n }).collect();
    let prompt = Msg::HotPrompt { key: key.clone(), rate, shards };
    (prompt, choices, Spec::HotKey { key, rate, values })
}

/// Sends `rate` records/s with `key` (PutRecords every [`SLICE_MS`]) with the producer paused,
/// and counts the records the engine refused per second.
pub(super) fn reveal_hot(sim: &mut Sim, key: &str, rate: u64, values: &[u64]) -> (usize, Msg) {
    let stream = sim.world().stream_name().to_string();
    wait_active(sim, &stream, 60 * SECOND_MS);
    let old = swap_rate(sim, constant(0));
    // Let records already on their way land first.
    sim.sleep(SECOND_MS);
    let per_slice = (rate * SLICE_MS / SECOND_MS).clamp(1, 500) as usize;
    let entries: Vec<Value> = (0..per_slice).map(|_| json!({"PartitionKey": key, "Data": "aG9sYQ=="})).collect();
    let request = json!({"StreamName": stream, "Records": entries});
    let slices = (WARM_UP_MS + MEASURE_SECS * SECOND_MS) / SLICE_MS;
    let (mut accepted, mut refused, mut shard) = (0u64, 0u64, String::new());
    for i in 0..slices {
        let answer = sim.api("PutRecords", &request).unwrap_or_default();
        let records = answer.get("Records").and_then(Value::as_array).cloned().unwrap_or_default();
        let failed = records.iter().filter(|r| r.get("ErrorCode").is_some()).count() as u64;
        if let Some(ok) = records.iter().find(|r| r.get("ShardId").is_some()) {
            shard = text(ok, "/ShardId");
        }
        if i * SLICE_MS >= WARM_UP_MS {
            accepted += records.len() as u64 - failed;
            refused += failed;
        }
        sim.sleep(SLICE_MS);
    }
    restore_rate(sim, old);
    let (accepted, throttled) = (accepted / MEASURE_SECS, refused / MEASURE_SECS);
    let sent = per_slice as u64 * SECOND_MS / SLICE_MS;
    let explanation =
        Msg::HotExplain { key: key.to_string(), shard, sent, accepted, throttled, limit: WRITE_RECORDS_PER_SEC };
    (nearest(values, throttled), explanation)
}

pub(super) fn ask_readers(rng: &mut SimRng) -> (Msg, Vec<Msg>, Spec) {
    let apps = rng.between(2, 6);
    let calls = rng.between(1, 2);
    let limit = READ_CALLS_PER_SEC;
    let values = shuffle(distinct([apps * calls, limit, calls, apps * limit, limit + 1], 4), rng);
    let choices = values.iter().map(|&n| Msg::CallsPerSec { n }).collect();
    (Msg::ReadersPrompt { apps, calls }, choices, Spec::Readers { apps, calls, values })
}

/// A stream name for the reveal's own stream, free in the engine.
fn free_name(sim: &Sim, base: &str) -> String {
    let mut name = base.to_string();
    let mut k = 2;
    while sim.world().engine().stream(&name).is_some() {
        name = format!("{base}-{k}");
        k += 1;
    }
    name
}

/// Creates a one-shard stream of its own (so that the world's consumers do not take calls from
/// the count), gives each of `apps` applications an iterator, then has each call GetRecords
/// `calls` times a second and counts the calls the engine served. The stream is deleted after.
pub(super) fn reveal_readers(sim: &mut Sim, apps: u64, calls: u64, values: &[u64]) -> (usize, Msg) {
    let stream = free_name(sim, "lectores");
    let _ = sim.api("CreateStream", &json!({"StreamName": stream, "ShardCount": 1}));
    wait_active(sim, &stream, 60 * SECOND_MS);
    let shard = "shardId-000000000000";
    let mut iterators = Vec::new();
    for _ in 0..apps {
        let request = json!({"StreamName": stream, "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON"});
        // GetShardIterator has its own 5 calls/s per shard: space them out.
        iterators.push(text(&sim.api("GetShardIterator", &request).unwrap_or_default(), "/ShardIterator"));
        sim.sleep(SECOND_MS / 4);
    }
    sim.sleep(SECOND_MS);
    let step = SECOND_MS / calls.max(1);
    let slices = (WARM_UP_MS + MEASURE_SECS * SECOND_MS) / step;
    let (mut made, mut served) = (0, 0);
    for i in 0..slices {
        for it in iterators.iter_mut() {
            let result = sim.api("GetRecords", &json!({"ShardIterator": it.as_str()}));
            let measured = i * step >= WARM_UP_MS;
            made += u64::from(measured);
            if let Ok(answer) = result {
                served += u64::from(measured);
                *it = text(&answer, "/NextShardIterator");
            }
        }
        sim.sleep(step);
    }
    let _ = sim.api("DeleteStream", &json!({"StreamName": stream}));
    let served = served / MEASURE_SECS;
    let explanation = Msg::ReadersExplain {
        apps,
        made: made / MEASURE_SECS,
        served,
        limit: READ_CALLS_PER_SEC,
        shared_mib: READ_BYTES_PER_SEC / MIB,
        efo_mib: EFO_BYTES_PER_SEC / MIB,
    };
    (nearest(values, served), explanation)
}
