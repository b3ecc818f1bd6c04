//! The retention view: `snapshot.rs` (the running stream → [`snapshot::RetentionSnapshot`]),
//! `model.rs` (the time axis, rows, markers and labels; both pure, tested natively) and
//! `component.rs` (Yew, wasm32).

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Retention;
