//! The glossary (`#/glossary`): one entry per Kinesis concept with AWS's term, the Spanish
//! names a student meets (this app's, the course's, AWS's translated documentation's) and a
//! definition. See `model.rs` (which view shows each concept, tested natively) and
//! `component.rs` (Yew). The texts are in [`crate::i18n::glossary`].

pub mod model;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Glossary;
