//! Why a world command failed, as codes with data: the UI explains each one through `i18n`
//! (a missing translation does not compile), and the world writes no prose of its own.
//!
//! An API call the engine refused keeps AWS's own error (its type and message are part of the
//! API); a command that names no producer or consumer says what it looked for; a pipeline step
//! the pipelines refused says why ([`Refusal`]).

use crate::engine::error::ApiError;

/// Why a command failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorldError {
    /// The engine refused the API call: AWS's error type and AWS's own message.
    Aws(ApiError),
    /// The command names no running application of this kind.
    NotFound {
        /// What it looked for.
        kind: Named,
        /// The name it gave.
        name: String,
    },
    /// The pipelines refused the step.
    Refused(Refusal),
    /// The Availability Zone control refused (one zone down at a time).
    Zone(crate::engine::ops::replication::ZoneRefusal),
}

impl WorldError {
    /// Its code: AWS's error type (`ResourceInUseException`), `NotFound`, or the refusal's code
    /// (`NotCaughtUp`). A stable identifier for logs and the page's `data-code`.
    pub fn code(&self) -> &'static str {
        match self {
            WorldError::Aws(e) => e.error_type.as_str(),
            WorldError::NotFound { .. } => "NotFound",
            WorldError::Refused(r) => r.code(),
            WorldError::Zone(r) => r.code(),
        }
    }
}

/// The kind of application a command names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Named {
    /// A producer.
    Producer,
    /// A consumer of any kind.
    Consumer,
    /// A polling (KCL) consumer: only those have workers.
    PollingConsumer,
}

impl Named {
    /// Every kind, for completeness tests.
    pub const ALL: [Named; 3] = [Named::Producer, Named::Consumer, Named::PollingConsumer];
}

/// Why a pipeline step was refused (the UI explains each one in both languages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Refusal {
    /// Any step: the scenario runs no pipelines.
    PipelinesOff,
    /// `Switch`: the newest job has not caught up yet (its table is incomplete).
    NotCaughtUp,
    /// `Deploy`: two jobs run already; switch to the new one and stop the old one first.
    AlreadyReprocessing,
    /// `Deploy`: the parallelism is outside `1..=MAX_PARALLELISM`.
    InvalidParallelism,
    /// `Revert`: no older job is running.
    CannotRevert,
    /// `StopOld`: the app still reads the old job's table.
    StillServing,
    /// `DeleteOldTable`: the old job still runs.
    JobRunning,
    /// `JobBug`: the app reads a table that no running job writes.
    NoRunningJob,
}

impl Refusal {
    /// Every refusal, for completeness tests.
    pub const ALL: [Refusal; 8] = [
        Refusal::PipelinesOff,
        Refusal::NotCaughtUp,
        Refusal::AlreadyReprocessing,
        Refusal::InvalidParallelism,
        Refusal::CannotRevert,
        Refusal::StillServing,
        Refusal::JobRunning,
        Refusal::NoRunningJob,
    ];

    /// Its code, the variant's name (`NotCaughtUp`): a stable identifier for logs and the
    /// page's `data-code`.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::PipelinesOff => "PipelinesOff",
            Refusal::NotCaughtUp => "NotCaughtUp",
            Refusal::AlreadyReprocessing => "AlreadyReprocessing",
            Refusal::InvalidParallelism => "InvalidParallelism",
            Refusal::CannotRevert => "CannotRevert",
            Refusal::StillServing => "StillServing",
            Refusal::JobRunning => "JobRunning",
            Refusal::NoRunningJob => "NoRunningJob",
        }
    }
}
