//! The web app. Pure parts (URL state, pacer, simulation, snapshots, formats, view geometry)
//! compile and are tested natively; the Yew components (`app` and each view's component) exist
//! only in the wasm32 build.
//!
//! ```text
//!  requestAnimationFrame ─► Pacer (wall Δ × speed, cap) ─► Store::reduce(Frame)
//!        ─► Sim::advance (world::World) ─► views/<view>/snapshot.rs (+ shared rows: snapshot.rs)
//!        ─► props ─► <svg> view (geometry: views/<view>/model.rs, text: format.rs + i18n)
//!  controls ─► Action ─► Store ─► hash (route::UrlState { sim: sim::Settings, … })
//!        view calls ─► Store ─► answers.rs (ApiOutcome, ShardRead, PipelineOutcome) ─► props
//!  −10 s, scrubber, t= ─► Store ─► Sim::go_to / seek_toward (timeline.rs: checkpoints + input log)
//!  i18n::Lang ─► every string
//! ```

pub mod answers;
pub mod cards;
pub mod console;
pub mod format;
pub mod keys;
pub mod learn;
pub mod live;
pub mod narrate;
pub mod pacer;
pub mod panels;
pub mod route;
pub mod sim;
pub mod snapshot;
pub mod timeline;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod app;
