//! What the Lambda and Kappa pipelines are made of, before they run: their settings
//! ([`PipelinesSpec`]), the steps a teacher takes on them ([`PipelineAction`]), the names of
//! their consumers, and the consumer specs the world starts for them. The running pipelines
//! (batch cycles, serving swaps, Kappa jobs, the ground truth) are in `pipelines.rs`.

use super::consumer::ConsumerSpec;
use super::fanout::FanOutSpec;
use super::firehose::BufferingHints;
use super::lambda::LambdaSpec;
use super::polling::PollingSpec;
use super::sink::Query;
use crate::engine::time::{HOUR_MS, SECOND_MS};
use serde::{Deserialize, Serialize};

/// Name of the archiver that writes the master dataset.
pub const ARCHIVER: &str = "firehose-s3";
/// Name of the speed layer's function.
pub const SPEED_LAYER: &str = "speed-layer";
/// A job has caught up when nothing older than this is missing from its table, ms.
pub const CAUGHT_UP_MS: u64 = 5 * SECOND_MS;
/// Largest parallelism of a Kappa job.
pub const MAX_PARALLELISM: u32 = 64;

/// The Kappa job of version `v`.
pub fn job_name(v: u32) -> String {
    format!("kappa-job-v{v}")
}

/// Settings of the two pipelines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PipelinesSpec {
    /// The query both answer.
    pub query: Query,
    /// Fixed cost of a batch cycle (scheduling, reading the object list), ms.
    pub batch_overhead_ms: u64,
    /// Batch cost per fact of the master dataset, microseconds.
    pub batch_us_per_record: u64,
    /// In batch-only mode, a cycle starts every this many ms (a scheduled job).
    pub batch_only_every_ms: u64,
    /// Parallelism of Kappa job v1.
    pub job_parallelism: u32,
    /// Cost of a Kappa job per record, microseconds of one task.
    pub job_us_per_record: u64,
    /// Buffering hints of the archiver's Firehose delivery stream (60 s, 5 MiB by default:
    /// about one object per minute, as the batch layer's minutes).
    pub archiver_buffering: BufferingHints,
}

impl Default for PipelinesSpec {
    fn default() -> Self {
        Self {
            query: Query::default(),
            batch_overhead_ms: 60 * SECOND_MS,
            batch_us_per_record: 200,
            batch_only_every_ms: HOUR_MS,
            job_parallelism: 2,
            job_us_per_record: 500,
            archiver_buffering: BufferingHints { size_in_mbs: 5, interval_in_seconds: 60 },
        }
    }
}

/// A teacher's or operator's step on the pipelines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum PipelineAction {
    /// Injects (or fixes) the bug in the speed layer's code only.
    SpeedBug {
        /// Bug on.
        on: bool,
    },
    /// Batch architecture: no speed layer, a batch cycle every `batch_only_every_ms`.
    BatchOnly {
        /// Mode on.
        on: bool,
    },
    /// Injects (or fixes) the bug in the code of the Kappa job the app reads.
    JobBug {
        /// Bug on.
        on: bool,
    },
    /// Starts the next job version from `TRIM_HORIZON` with the correct code.
    Deploy {
        /// Its parallelism (1..=64).
        parallelism: u32,
        /// Read with enhanced fan-out instead of shared throughput.
        enhanced_fan_out: bool,
    },
    /// Points the app at the newest job's table (only once that job has caught up).
    Switch,
    /// Points the app back at the older job's table (while that job still runs).
    Revert,
    /// Stops the older job (only once the app reads the newer one).
    StopOld,
    /// Deletes the older job's table (only once that job is stopped).
    DeleteOldTable,
}

/// The consumers the pipelines need at the start, in order: archiver, speed layer, job v1.
/// The world adds them, then gives each its sink (a [`Pipelines::sink`]).
pub fn start_specs(spec: &PipelinesSpec, shards: u64) -> [ConsumerSpec; 3] {
    [
        ConsumerSpec::Polling(PollingSpec { name: ARCHIVER.into(), ..PollingSpec::default() }),
        ConsumerSpec::Lambda(LambdaSpec {
            name: SPEED_LAYER.into(),
            count_by: spec.query.group_by.clone(),
            handler_us_per_record: 200,
            ..LambdaSpec::default()
        }),
        job_spec(spec, 1, spec.job_parallelism, false, shards),
    ]
}

/// A Kappa job: a polling application whose per-record cost falls with its parallelism, or an
/// enhanced fan-out application; both start at `TRIM_HORIZON`.
pub fn job_spec(spec: &PipelinesSpec, version: u32, parallelism: u32, efo: bool, shards: u64) -> ConsumerSpec {
    if efo {
        return ConsumerSpec::FanOut(FanOutSpec { name: job_name(version), ..FanOutSpec::default() });
    }
    let p = parallelism.clamp(1, MAX_PARALLELISM);
    let per = spec.job_us_per_record * shards.max(1) / u64::from(p);
    ConsumerSpec::Polling(PollingSpec {
        name: job_name(version),
        workers: p,
        handler_us_per_record: per.max(1),
        ..PollingSpec::default()
    })
}
