//! The views: each a folder with a pure `model.rs` (geometry, tested natively) and a thin
//! component (wasm32 only).

pub mod flow;
pub mod hashing;
pub mod overview;
pub mod pipelines;
pub mod resharding;
pub mod retention;
