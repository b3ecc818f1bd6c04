//! What the world answered to the calls and steps the views asked for: plain data the store
//! (`ui::app::store`, wasm32 only) keeps and hands back to the views as props.
//!
//! They live here, below both, so that views never import the app: the store fills them in,
//! views only read them. Errors stay the engine's typed [`ApiError`] and the world's
//! [`WorldError`] all the way to the view, which matches on their types rather than on text.

use crate::engine::error::ApiError;
use crate::world::error::WorldError;
use crate::world::pipeline_spec::PipelineAction;

/// A Kinesis API call a view made and what AWS answered.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiOutcome {
    /// The operation (`SplitShard`).
    pub operation: String,
    /// The request as sent, `StreamName` filled in.
    pub request: serde_json::Value,
    /// The response, or AWS's error.
    pub result: Result<serde_json::Value, ApiError>,
    /// Store version when it ran (views show only their own, recent calls).
    pub version: u64,
}

/// A read from an iterator: `GetShardIterator`, then `GetRecords` with the iterator it returned
/// (or again with the same iterator).
#[derive(Clone, Debug, PartialEq)]
pub struct ShardRead {
    /// The iterator kept for "GetRecords again" (`None` when `GetShardIterator` failed).
    pub iterator: Option<String>,
    /// When that iterator was issued, simulated ms since the stream became ACTIVE.
    pub issued_ms: u64,
    /// `GetRecords`' response, or AWS's error (of `GetShardIterator` when it failed).
    pub answer: Result<serde_json::Value, ApiError>,
}

/// A pipeline step and the pipelines' answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineOutcome {
    /// The step.
    pub action: PipelineAction,
    /// Why it was refused (`Refused(NotCaughtUp)`…).
    pub result: Result<(), WorldError>,
    /// Store version when it ran.
    pub version: u64,
}
