//! The console (`#/console`): a terminal running the `aws kinesis` CLI on the live world, and
//! the course's CLI tutorial as a guided level beside it. `model.rs` holds the level (steps,
//! commands, checks), `snapshot.rs` what the view shows and the HTTP text of each call; both
//! plain Rust, tested natively. `component.rs` is the Yew view.

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::Console;
