//! The views: each a folder with a pure `model.rs` (geometry, tested natively) and a thin
//! component (wasm32 only). The overview, flow and resharding views also have a
//! `snapshot.rs`: what they show, built from the simulation by the app and passed down as props.

pub mod console;
pub mod flow;
pub mod glossary;
pub mod hashing;
pub mod live_input;
pub mod overview;
pub mod pipelines;
pub mod resharding;
pub mod retention;

/// True on a phone-sized window: views then draw their narrow layout.
#[cfg(target_arch = "wasm32")]
pub fn is_narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_some_and(|px| px < overview::model::NARROW_BELOW_PX)
}
