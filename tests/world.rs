//! Simulation world tests: accounting invariants under every preset and many seeds, and the
//! scenario assertions that tell a faithful simulation from a toy.
//!
//! Run with `cargo test --release --test world`. A failing case prints its preset and seed.

#[path = "world/helpers.rs"]
mod helpers;

#[path = "world/firehose.rs"]
mod firehose;
#[path = "world/fixture.rs"]
mod fixture;
#[path = "world/invariants.rs"]
mod invariants;
#[path = "world/kcl.rs"]
mod kcl;
#[path = "world/live.rs"]
mod live;
#[path = "world/metrics.rs"]
mod metrics;
#[path = "world/pipelines.rs"]
mod pipelines;
#[path = "world/records.rs"]
mod records;
#[path = "world/robust.rs"]
mod robust;
#[path = "world/scenarios.rs"]
mod scenarios;
#[path = "world/yours.rs"]
mod yours;
