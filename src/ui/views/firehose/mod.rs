//! Amazon Data Firehose reading the stream and writing S3 objects.
//! (`#/firehose`, issue #17.) `model.rs` is pure and tested natively; `component.rs` is the thin
//! Yew component (wasm32 only). The texts are in [`crate::i18n::firehose`].

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::FirehoseView;
