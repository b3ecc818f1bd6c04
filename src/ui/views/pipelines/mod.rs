//! The pipelines view: the Lambda and Kappa architectures side by side, driven by the same live
//! stream.
//!
//! - `snapshot.rs`: the world → [`snapshot::PipelinesSnapshot`], and the cache that retakes it
//!   at most every [`snapshot::REFRESH_MS`] of wall time;
//! - `model.rs`: the diagrams' geometry; `numbers.rs`: the numbers as the panels print them
//!   (both pure, tested natively);
//! - `component.rs` (Yew, wasm32): the view, with `lambda.rs`, `kappa.rs` and `facts.rs` for its
//!   three parts and `svg.rs` for the SVG pieces both diagrams draw.

pub mod model;
pub mod numbers;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
mod facts;
#[cfg(target_arch = "wasm32")]
mod kappa;
#[cfg(target_arch = "wasm32")]
mod lambda;
#[cfg(target_arch = "wasm32")]
mod svg;
#[cfg(target_arch = "wasm32")]
pub use component::Pipelines;
