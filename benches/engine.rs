//! Engine throughput benches (criterion).
//!
//! - `put_record`: PutRecord with a 16-byte partition key and 100-byte data into a 4-shard
//!   stream, limits off (typed API; includes MD5 routing, sequence numbering and storage).
//! - `put_record_steady_x100k`: the same, in a stream whose storage is already allocated (after
//!   a retention period), which is what a long-running simulation sees.
//! - `md5_route_only_x100k`: the MD5 of the same keys alone (the floor under PutRecord).
//! - `put_records_500`: one PutRecords call of 500 such entries.
//! - `get_records_10000`: one GetRecords call returning 10,000 records.
//! - `record_store`: 65,536 records written by reference (a steady producer on one of two
//!   shards) pushed into a shard's store, which packs every full chunk (`packed.rs`), and read
//!   back in order; `bytes/record` is printed once.
//! - `learn_reveal`: each prediction of the learn path played out (`ui::learn::predict::reveal`,
//!   seed 2, nonce 0) on a copy of its world: what a student waits for after "Comprobar".
//!
//! The PutRecord workload (setup, keys, the calls) is `workload/mod.rs`, shared with the
//! native and browser runner `examples/engine_workload.rs` (`make bench-wasm`).
//!
//! Run with `make bench` (or `cargo bench --bench engine`). Figures are in benches/README.md.

#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kinesis_playground::engine::ops::get_records::{GetRecordsInput, GetShardIteratorInput, ShardIteratorType};
use kinesis_playground::engine::ops::put_records::{PutRecordInput, PutRecordsInput, PutRecordsRequestEntry};
use kinesis_playground::engine::state::record_source::RecordRef;
use kinesis_playground::engine::state::store::{NewPayload, RecordStore};
use kinesis_playground::engine::time::SimTime;
use std::hint::black_box;

mod workload;

use workload::{key, put_all, ready_engine, STREAM};

fn bench_put_record(c: &mut Criterion) {
    const BATCH: u64 = workload::BATCH;
    let keys = workload::keys(BATCH);
    let data = workload::data();
    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Elements(BATCH));
    g.bench_function("put_record_x100k", |b| {
        b.iter_batched_ref(
            || (ready_engine(4), keys.clone()),
            |(engine, keys)| {
                put_all(engine, keys.drain(..), &data);
            },
            BatchSize::PerIteration,
        )
    });
    // Steady state: the same engine for every batch; between batches (untimed) the virtual clock
    // moves 25 h so retention empties the shards but their storage stays allocated, as in a
    // stream that has run for longer than its retention period.
    g.bench_function("put_record_steady_x100k", |b| {
        let mut engine = ready_engine(4);
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                engine.advance_by(25 * 3_600_000);
                let batch = keys.clone();
                #[allow(clippy::disallowed_methods)] // wall time is what a bench measures
                let start = std::time::Instant::now();
                put_all(&mut engine, batch.into_iter(), &data);
                total += start.elapsed();
            }
            total
        })
    });
    g.bench_function("md5_route_only_x100k", |b| b.iter(|| workload::md5_all(&keys)));
    g.throughput(Throughput::Elements(500));
    g.bench_function("put_records_500", |b| {
        let mut engine = ready_engine(4);
        let mut n = 0u64;
        b.iter_batched(
            || {
                let records = (0..500)
                    .map(|i| PutRecordsRequestEntry {
                        data: data.clone(),
                        partition_key: key(n * 500 + i),
                        explicit_hash_key: None,
                        by_reference: None,
                    })
                    .collect();
                n += 1;
                PutRecordsInput { stream_name: STREAM.into(), records }
            },
            |input| black_box(engine.put_records(input)),
            BatchSize::SmallInput,
        )
    });
    g.throughput(Throughput::Elements(10_000));
    g.bench_function("get_records_10000", |b| {
        let mut engine = ready_engine(1);
        for i in 0..10_000 {
            let r = engine.put_record(PutRecordInput {
                stream_name: STREAM.into(),
                data: data.clone(),
                partition_key: key(i),
                ..PutRecordInput::default()
            });
            assert!(r.is_ok());
        }
        b.iter(|| {
            let it = engine.get_shard_iterator(GetShardIteratorInput {
                stream_name: STREAM.into(),
                shard_id: "shardId-000000000000".into(),
                shard_iterator_type: ShardIteratorType::TrimHorizon,
                starting_sequence_number: None,
                timestamp: None,
            });
            let Ok(it) = it else { panic!("iterator") };
            let out = engine.get_records(GetRecordsInput { shard_iterator: it.shard_iterator, limit: Some(10_000) });
            assert_eq!(out.as_ref().map(|o| o.records.len()).unwrap_or(0), 10_000);
            black_box(out)
        })
    });
    g.finish();
}

/// A store holding `n` records of a steady producer on one of two shards.
fn steady_store(n: u64) -> RecordStore {
    let mut s = RecordStore::default();
    for i in 0..n {
        let at = SimTime(i * 5 / 8);
        let reference = RecordRef { source: 0, n: i * 2 + (i % 3 == 0) as u64, event_time: at };
        let payload =
            NewPayload::ByReference { reference, data_len: 120, key_len: 6 + (i % 3) as u16, explicit: false };
        s.push(i * 2, at, false, payload);
    }
    s
}

#[allow(clippy::print_stdout)] // it prints the bytes per record it measures
fn bench_store(c: &mut Criterion) {
    const N: u64 = 65_536;
    let mut g = c.benchmark_group("record_store");
    g.throughput(Throughput::Elements(N));
    g.bench_function("push_by_reference_x64k", |b| b.iter(|| black_box(steady_store(N))));
    let s = steady_store(N);
    println!("record_store: {:.2} bytes/record over {N} records", s.heap_bytes() as f64 / N as f64);
    g.bench_function("read_in_order_x64k", |b| b.iter(|| black_box(s.iter().map(|r| r.seq_ix).sum::<u64>())));
    g.finish();
}

fn bench_reveal(c: &mut Criterion) {
    use kinesis_playground::ui::learn::predict::{ask, reveal, Kind};
    use kinesis_playground::ui::sim::Sim;
    let mut g = c.benchmark_group("learn_reveal");
    g.sample_size(10);
    for kind in Kind::ALL {
        let Ok(base) = Sim::new(kind.settings(2)) else { continue };
        let q = ask(kind, &base, 0);
        g.bench_function(format!("{kind:?}"), |b| {
            b.iter_batched(|| base.clone(), |mut s| black_box(reveal(&q, &mut s)), BatchSize::LargeInput)
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(5));
    targets = bench_put_record, bench_store, bench_reveal
}
criterion_main!(benches);
