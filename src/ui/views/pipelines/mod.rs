//! The pipelines view: the Lambda and Kappa architectures side by side, driven by the same live
//! stream. See `model.rs` (pure data) and `component.rs` (Yew).

pub mod model;
