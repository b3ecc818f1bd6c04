//! Cost and capacity: provisioned vs on-demand, prices, quotas, on-demand scaling.
//! (`#/cost`, issue #17.) `model.rs` is pure and tested natively; `component.rs` is the thin
//! Yew component (wasm32 only). The texts are in [`crate::i18n::cost`].

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::CostView;
