//! The Kinesis Client Library drawn: lease table, workers, checkpoints, failover.
//! (`#/kcl`, issue #17.) `model.rs` (row states, highlight, sequence tails) and `snapshot.rs`
//! (the world → [`snapshot::KclSnapshot`]) are pure and tested natively; `component.rs` is the
//! thin Yew component (wasm32 only). The texts are in [`crate::i18n::kcl`].

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::KclView;
