//! The resharding view. See `model.rs` (pure geometry) and `component.rs` (Yew).

pub mod model;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Resharding;
