//! The overview: the stream's shards as lanes, records flowing in, per-shard counters.

pub mod model;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Overview;
