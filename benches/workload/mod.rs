//! The PutRecord workload, shared by the criterion bench (`benches/engine.rs`) and the native
//! and browser runner (`examples/engine_workload.rs`, `make bench-wasm`), so that every figure
//! measures the same code.
//!
//! A 4-shard stream, limits off, no event buffer; 100,000 PutRecord calls with 16-byte
//! partition keys `key-00000000000n` and 100-byte data, each call built as a producer would
//! build it (owned stream name, key and data). Three workloads:
//! - `put_record_cold`: a fresh engine per batch (storage grows as it fills);
//! - `put_record_steady`: one engine for every batch; before each batch (untimed) the clock
//!   moves 25 h so that retention empties the shards, as in a stream that has run for longer
//!   than its retention period;
//! - `md5_route_only`: the MD5 of the same keys alone, the floor under PutRecord.
//!
//! [`measure`] times them with a clock the caller passes in (`Instant` natively,
//! `performance.now()` in the browser): the timing loop is the same code on both targets.

#![allow(dead_code)] // each includer uses part of it

use kinesis_playground::engine::ops::put_records::PutRecordInput;
use kinesis_playground::engine::ops::stream_admin::CreateStreamInput;
use kinesis_playground::engine::state::hashing::partition_key_hash;
use kinesis_playground::engine::{Engine, EngineConfig};
use std::hint::black_box;

/// The stream every workload writes to.
pub const STREAM: &str = "bench";
/// Records per batch.
pub const BATCH: u64 = 100_000;
/// Data bytes per record.
pub const DATA_BYTES: usize = 100;

/// An engine with an `ACTIVE` stream of `shards` shards, limits off and no event buffer.
pub fn ready_engine(shards: i64) -> Engine {
    let config = EngineConfig { limits_enabled: false, event_capacity: 0, ..EngineConfig::default() };
    let mut e = Engine::new(config);
    let created = e.create_stream(CreateStreamInput {
        stream_name: STREAM.into(),
        shard_count: Some(shards),
        ..CreateStreamInput::default()
    });
    assert!(created.is_ok());
    e.advance_by(60_000);
    e
}

/// The 16-byte partition key `key-00000000000n`.
pub fn key(i: u64) -> String {
    format!("key-{i:012}")
}

/// The keys of one batch.
pub fn keys(n: u64) -> Vec<String> {
    (0..n).map(key).collect()
}

/// The data of every record.
pub fn data() -> Vec<u8> {
    vec![b'x'; DATA_BYTES]
}

/// One PutRecord per key, as a producer would send them.
pub fn put_all(engine: &mut Engine, keys: impl Iterator<Item = String>, data: &[u8]) {
    for k in keys {
        let out = engine.put_record(PutRecordInput {
            stream_name: STREAM.into(),
            data: data.to_vec(),
            partition_key: k,
            ..PutRecordInput::default()
        });
        black_box(&out);
    }
}

/// The MD5 of every key (the floor under PutRecord).
pub fn md5_all(keys: &[String]) {
    for k in keys {
        black_box(partition_key_hash(k));
    }
}

/// The workloads, in the order [`measure`] runs them.
pub const WORKLOADS: [&str; 3] = ["put_record_cold", "put_record_steady", "md5_route_only"];

/// One workload's figure.
pub struct Figure {
    /// Its name (one of [`WORKLOADS`]).
    pub name: &'static str,
    /// Median of the samples, records (or keys) per second.
    pub records_per_s: f64,
    /// Samples taken.
    pub samples: usize,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Runs workload `name` once on `batch` keys with `clock` (milliseconds) around the timed part;
/// returns the milliseconds it took. `steady` is the engine kept between calls.
fn sample(name: &str, keys: &[String], data: &[u8], steady: &mut Engine, clock: &dyn Fn() -> f64) -> f64 {
    match name {
        "put_record_cold" => {
            let mut engine = ready_engine(4);
            let batch = keys.to_vec();
            let t0 = clock();
            put_all(&mut engine, batch.into_iter(), data);
            let t = clock() - t0;
            drop(black_box(engine));
            t
        }
        "put_record_steady" => {
            steady.advance_by(25 * 3_600_000);
            let batch = keys.to_vec();
            let t0 = clock();
            put_all(steady, batch.into_iter(), data);
            clock() - t0
        }
        _ => {
            let t0 = clock();
            md5_all(keys);
            clock() - t0
        }
    }
}

/// Times every workload: `warmup` untimed batches, then the median of `samples` batches of
/// [`BATCH`] records.
pub fn measure(clock: &dyn Fn() -> f64, warmup: usize, samples: usize) -> Vec<Figure> {
    let keys = keys(BATCH);
    let data = data();
    WORKLOADS
        .iter()
        .map(|&name| {
            let mut steady = ready_engine(4);
            for _ in 0..warmup {
                sample(name, &keys, &data, &mut steady, clock);
            }
            let ms: Vec<f64> = (0..samples).map(|_| sample(name, &keys, &data, &mut steady, clock)).collect();
            let records_per_s = BATCH as f64 / (median(ms) / 1000.0);
            Figure { name, records_per_s, samples }
        })
        .collect()
}

/// Runs workload `name` `batches` times untimed (for `valgrind --tool=callgrind`); false for an
/// unknown name.
pub fn profile(name: &str, batches: usize) -> bool {
    if !WORKLOADS.contains(&name) {
        return false;
    }
    let keys = keys(BATCH);
    let data = data();
    let mut steady = ready_engine(4);
    let zero = || 0.0;
    for _ in 0..batches {
        sample(name, &keys, &data, &mut steady, &zero);
    }
    true
}
