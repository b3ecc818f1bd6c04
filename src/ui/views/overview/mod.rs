//! The overview: the stream's shards as lanes, records flowing in, per-shard counters. See
//! `snapshot.rs` (what it shows, from the simulation), `model.rs` (pure geometry) and
//! `component.rs` (Yew).

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Overview;
