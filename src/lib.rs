//! # Kinesis Playground
//!
//! A deterministic, seedable simulation of Amazon Kinesis Data Streams that runs natively and in
//! the browser (WebAssembly), for teaching.
//!
//! # Data flow
//!
//! Each arrow points at the layer that is read, from the one that reads it; nothing reads
//! against the arrows (`tests/architecture.rs` checks it).
//!
//! ```text
//!   engine (service) ◄─ world (clients) ◄─ ui/sim (read model) ◄─ ui/views ◄─ ui/app
//!         ▲                  ▲                      │                 │
//!         │                  └───────── i18n ◄──────┴─────────────────┤
//!         └────────────────── console (aws CLI + shell) ◄─────────────┘
//! ```
//!
//! - [`engine`]: the service, what AWS runs, on a virtual clock: `ops/` (one file per operation
//!   family), `state/` (streams, shards, records, hash ranges, limits), `wire/` (shapes, validation).
//! - [`world`]: the clients on the same clock: producers, consumers (polling, enhanced fan-out,
//!   Lambda), pipelines, presets and scenarios, payloads, seeded rng, metrics, cost.
//! - [`ui::sim`]: the read model, a world built from the URL's settings and moved by the pacer;
//!   beside it `snapshot.rs` (shared rows), `format.rs` (one formatter per kind of value),
//!   `route.rs` (the URL state) and `answers.rs` (what the views' calls got back).
//! - [`ui::views`]: one folder per view, `snapshot.rs` (world → props) · `model.rs` (pure
//!   geometry) · `component.rs` (Yew); `ui/app` holds the store and hosts them.
//! - [`console`]: the `aws kinesis` CLI and a minimal shell over the engine (pure; the
//!   `#/console` view is a thin component).
//! - `endpoint` (native only): the local Kinesis endpoint that real AWS clients talk to; it owns
//!   one engine on the wall clock and streams its command log to the browser's live window.
//! - [`i18n`]: every word a person reads, in Spanish and English, one exhaustive `match` per
//!   language over typed keys and the world's typed codes (refusals, presets).
//!
//! [`engine`] and [`world`] are pure (no web dependency, no prose but AWS's own error messages)
//! and are the only source of every number the app shows. Everything but the Yew components
//! (`ui/app`, each view's `component.rs`, built only for wasm32) is plain Rust, tested natively.

pub mod console;
#[cfg(not(target_arch = "wasm32"))]
pub mod endpoint;
pub mod engine;
pub mod i18n;
pub mod ui;
pub mod world;

/// Native builds (the local endpoint, the `simulate` and `replay` runners, the benches and the
/// tests) allocate with mimalloc 2; the browser build keeps Rust's own allocator (dlmalloc).
///
/// A PutRecord allocates and frees its input (stream name, partition key, data) as a producer
/// builds it: with glibc's malloc that was about 400 of its 2,000 instructions, and glibc
/// handed freed memory back to the kernel only to fault it in again on the next chunk
/// (benches/README.md, "Where a PutRecord goes"); mimalloc saves about 300 of those
/// instructions and the faults ("The native allocator"). Declared once here, so every native
/// binary that links the engine runs on the allocator the figures were measured with.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
