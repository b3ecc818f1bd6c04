//! Server-side encryption (KMS) and the three Availability Zone copies.
//! (`#/durability`, issue #17.) `model.rs` is pure and tested natively; `snapshot.rs` reads the
//! simulation; `component.rs` is the thin Yew component (wasm32 only). The texts are in
//! [`crate::i18n::durability`].

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::DurabilityView;
