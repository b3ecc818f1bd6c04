//! The web app. Pure parts (URL state, pacer, simulation snapshots, view geometry) compile and are
//! tested natively; the Yew components ([`app`]) exist only in the wasm32 build.
//!
//! ```text
//!  requestAnimationFrame ─► Pacer (wall Δ × speed, cap) ─► Store::reduce(Frame)
//!        ─► Sim::advance (engine::world::World) ─► Sim::overview() snapshot ─► <svg> view
//!  controls ─► Action ─► Store ─► hash (route::UrlState)       i18n::Lang ─► every string
//! ```

pub mod format;
pub mod pacer;
pub mod route;
pub mod sim;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod app;
