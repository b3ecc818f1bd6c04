//! The record dots of the lanes, painted on a canvas (the overview and flow views): `model.rs`
//! (pure: what to paint, the hit test) and `component.rs` (Yew and the 2D context).

pub mod model;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::{on_own_target, viewbox_point, DotsCanvas};
