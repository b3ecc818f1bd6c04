//! The flow view: producers → shards → consumers, record by record. See `snapshot.rs` (what it
//! shows, from the simulation), `model.rs` (pure geometry and text) and `component.rs` (Yew).

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Flow;
