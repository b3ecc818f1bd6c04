//! The pipelines view: the Lambda and Kappa architectures side by side, driven by the same live
//! stream. See `model.rs` (pure data and geometry) and `component.rs` (Yew: the view, with
//! `lambda.rs`, `kappa.rs` and `facts.rs` for its three parts).

pub mod model;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
mod facts;
#[cfg(target_arch = "wasm32")]
mod kappa;
#[cfg(target_arch = "wasm32")]
mod lambda;
#[cfg(target_arch = "wasm32")]
pub use component::Pipelines;
