//! The hashing view: `snapshot.rs` (the running stream → [`snapshot::HashingSnapshot`], and the
//! view's adapters to the engine's rules), `model.rs` (the hash-space drawing and the
//! histogram), `rules.rs` (key steps, the SplitShard rule, moved keys, explanations), all pure
//! and tested natively, and `component.rs` (Yew, wasm32).

pub mod model;
pub mod rules;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Hashing;
