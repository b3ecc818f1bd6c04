//! The "ⓘ" toggletip (issue #16, part B): an explanation that used to live only in a `title`
//! tooltip, which a phone cannot show and a keyboard cannot reach, made reachable by tap and
//! keyboard.
//!
//! ```text
//!  <button aria-expanded aria-controls=tip-N aria-label="More information: <topic>">i</button>
//!  <span id=tip-N role=note hidden={!open}>the explanation, inline</span>
//!  click / Enter / Space: toggle   Escape (on the button or the text): close, focus stays
//! ```
//!
//! `model.rs` holds the toggle rules (tested natively); `component.rs` the Yew component (wasm32).

pub mod model;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Toggletip;
