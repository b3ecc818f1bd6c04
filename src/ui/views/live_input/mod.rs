//! A field fed by live state that keeps what the student types. Shared by the side panel
//! (shards, rate, stream name), the clock's seed, the flow view's per-producer rate and the
//! resharding and retention views' fields that the clock re-renders.
//!
//! Why it exists: the app re-renders every animation frame while the clock runs, and Yew
//! writes an input's `value` into the DOM whenever it differs from what the field holds. A
//! field rendered as `value={live}` therefore lost each keystroke at the next frame (typing `8`
//! in Shards stayed `4`), and one rendered from a value the scenario moves (a producer's ramp)
//! committed that value on Enter instead of the typed one.
//!
//! ```text
//!  not editing:  field shows `value` (the setting)          note shows `live`, if any
//!  input event:  Draft::edit(text) ─► field shows the draft  (frames no longer touch it)
//!  change event (Enter, blur):  Draft::commit ─► on_commit(typed text) ─► field shows `value`
//!  Escape:       Draft::cancel ─► field shows `value` again, nothing committed
//! ```
//!
//! `model.rs` is the draft and the live-note rules (tested natively); `component.rs` the Yew
//! component (wasm32).

pub mod model;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::LiveInput;
