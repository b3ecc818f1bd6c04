//! Tier (a): native engine tests asserting exact numbers (KINESIS.md B1–B12).
//!
//! One integration binary; each family of behaviour lives in its own file under `tests/engine/`.
//! Run with `cargo test --release --test engine`.

#[path = "engine/helpers.rs"]
mod helpers;

#[path = "engine/clock.rs"]
mod clock;
#[path = "engine/cost.rs"]
mod cost;
#[path = "engine/determinism.rs"]
mod determinism;
#[path = "engine/efo.rs"]
mod efo;
#[path = "engine/errors.rs"]
mod errors;
#[path = "engine/hashing.rs"]
mod hashing;
#[path = "engine/lifecycle.rs"]
mod lifecycle;
#[path = "engine/limits.rs"]
mod limits;
#[path = "engine/listing.rs"]
mod listing;
#[path = "engine/max_record_size.rs"]
mod max_record_size;
#[path = "engine/metrics.rs"]
mod metrics;
#[path = "engine/modes.rs"]
mod modes;
#[path = "engine/monitoring.rs"]
mod monitoring;
#[path = "engine/reading.rs"]
mod reading;
#[path = "engine/replication.rs"]
mod replication;
#[path = "engine/resharding.rs"]
mod resharding;
#[path = "engine/retention.rs"]
mod retention;
#[path = "engine/robust.rs"]
mod robust;
#[path = "engine/sequence.rs"]
mod sequence;
#[path = "engine/wire.rs"]
mod wire;
