//! The resharding view: the shard lineage, reshard actions and the parent-first demo. See
//! `snapshot.rs` (what it shows, from the simulation), `model.rs` (pure geometry) and
//! `component.rs` (Yew).

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Resharding;
