//! The code panel ("Código / Code", `#/flow?panel=code`): the course's boto3 producer and the
//! `lambda.py` handler that the running scenario mirrors, with the line running now marked and
//! the Lambda's counts live. `model.rs` generates the code and picks the lines, `snapshot.rs`
//! reads the world each frame (both pure, tested natively), and `component.rs` draws them (Yew,
//! wasm32). The flow view's host shows it as the flow view's last card.

pub mod model;
pub mod snapshot;

#[cfg(target_arch = "wasm32")]
mod component;
#[cfg(target_arch = "wasm32")]
pub use component::CodePanel;
