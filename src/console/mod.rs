//! The `aws kinesis` console: the AWS CLI, and just enough shell for the course's tutorial,
//! on the running engine.
//!
//! Pure (no web dependency), tested natively; `ui/views/console` is a thin component over it.
//!
//! ```text
//!   a line ─► shell (words, $VAR, $(…), NAME=…, echo/sleep/…) ─► cli (aws kinesis <op> …)
//!                                                                  │ options ─► API JSON
//!                                                                  ▼
//!                                                  Host::call ─► engine (through the world)
//!                                                                  │ JSON answer / AWS error
//!                                                                  ▼
//!                                   output (--query, then json | text | table) ─► Outcome
//! ```
//!
//! 1. [`shell`] splits a line into words (the `shell-words` crate), expands `$NAME`, `${NAME}`
//!    and `$(…)` the way bash does for these forms, and runs the few built-ins.
//! 2. [`cli`] maps `aws kinesis <command> --option …` to an API request from a data table per
//!    operation, as the AWS CLI maps it, with the CLI's own errors and exit statuses.
//! 3. [`output`] applies `--query` (JMESPath, the `jmespath` crate) and writes the answer in the
//!    CLI's `json`, `text` or `table` format.

pub mod cli;
pub mod complete;
pub mod output;
pub mod shell;

use crate::engine::error::ApiError;
use crate::i18n::Lang;
use serde_json::Value;

/// Which AWS CLI major version the console emulates. They differ in how `--data` (a blob) is
/// read, how timestamps are written, and in exit statuses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CliVersion {
    /// AWS CLI version 1 (the PyPI `awscli` package; what the course's tutorial was written for):
    /// blobs are raw text, timestamps are written as the service sent them.
    V1,
    /// AWS CLI version 2 (what AWS installs today): blobs are base64 unless
    /// `--cli-binary-format raw-in-base64-out`, timestamps are ISO 8601.
    #[default]
    V2,
}

/// What the console is set to: the emulated CLI and the language of its help and notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The emulated CLI.
    pub version: CliVersion,
    /// The language of help texts and of the console's own notes (never of AWS's messages).
    pub lang: Lang,
}

/// One HTTP exchange a command made: what the CLI sent and what the service answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    /// The API operation (`PutRecord`): the request's `X-Amz-Target: Kinesis_20131202.<operation>`.
    pub operation: String,
    /// The JSON body sent (blobs in base64, as on the wire).
    pub request: Value,
    /// The JSON body answered, or AWS's error.
    pub response: Result<Value, ApiError>,
}

/// What a command printed, and what it did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Standard output (ends with a newline when not empty).
    pub stdout: String,
    /// Standard error (ends with a newline when not empty).
    pub stderr: String,
    /// The exit status (0 success; the CLI's statuses otherwise, see [`cli`]).
    pub status: i32,
    /// The HTTP exchanges made, in order (a waiter makes several).
    pub exchanges: Vec<Exchange>,
    /// Notes of the console for the student (localized prose: why a blob reads differently
    /// under v2, how to let time pass…), shown apart from the CLI's own output.
    pub notes: Vec<String>,
}

/// What the CLI needs from the world it runs in.
pub trait Host {
    /// Calls a Kinesis API operation now, as an HTTP request to the endpoint would.
    fn call(&mut self, operation: &str, request: &Value) -> Result<Value, ApiError>;
    /// Lets `ms` milliseconds of simulated time pass (`sleep`, a waiter's delay).
    fn sleep(&mut self, ms: u64);
    /// The account's region (`us-east-1`): what `--region` is checked against.
    fn region(&self) -> String;
    /// The stream names, for completion.
    fn stream_names(&self) -> Vec<String>;
    /// The shard ids of `stream`, for completion (none by default).
    fn shard_ids(&self, stream: &str) -> Vec<String> {
        let _ = stream;
        Vec::new()
    }
}
