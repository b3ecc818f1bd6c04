//! EnableEnhancedMonitoring and DisableEnhancedMonitoring: the stream's shard-level
//! ("enhanced") CloudWatch metrics switch.
//!
//! AWS facts reproduced (API reference
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_EnableEnhancedMonitoring.html>,
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DisableEnhancedMonitoring.html>,
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_EnhancedMonitoringOutput.html>):
//! - `ShardLevelMetrics` is a list of 1 to 7 of `IncomingBytes`, `IncomingRecords`,
//!   `OutgoingBytes`, `OutgoingRecords`, `WriteProvisionedThroughputExceeded`,
//!   `ReadProvisionedThroughputExceeded`, `IteratorAgeMilliseconds` and `ALL` (every metric);
//!   the request names the stream by `StreamName`, `StreamARN` or both.
//! - The answer is `EnhancedMonitoringOutput`: `StreamName`, `StreamARN`,
//!   `CurrentShardLevelMetrics` (before the call) and `DesiredShardLevelMetrics` (after it).
//! - The stream must be `ACTIVE` (else `ResourceInUseException`); an unknown stream is
//!   `ResourceNotFoundException`; DescribeStream then lists the enabled metrics under
//!   `EnhancedMonitoring[0].ShardLevelMetrics`.
//!
//! Simplifications: the change applies at once (AWS takes the stream through `UPDATING` for a
//! moment); the enabled list is kept in the canonical order of the list above. AWS publishes no
//! message for a request with neither `StreamName` nor `StreamARN`; the engine answers
//! `InvalidArgumentException` with the text below.

use crate::engine::error::{invalid_argument, ApiError};
use crate::engine::state::stream::StreamStatus;
use crate::engine::wire::validation::parse_stream_arn;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};

/// The `MetricsName` enum of the API model: the seven shard-level metrics in AWS's order, then
/// `ALL`.
pub const METRICS_NAMES: &[&str] = &[
    "IncomingBytes",
    "IncomingRecords",
    "OutgoingBytes",
    "OutgoingRecords",
    "WriteProvisionedThroughputExceeded",
    "ReadProvisionedThroughputExceeded",
    "IteratorAgeMilliseconds",
    "ALL",
];

/// The seven shard-level metrics, in AWS's order (the API reference's `MetricsName` values
/// without `ALL`).
pub const SHARD_LEVEL_METRICS: &[&str] = METRICS_NAMES.split_at(7).0;

/// The engine's message when a request names no stream (AWS publishes none).
pub const NO_STREAM_MESSAGE: &str = "Either StreamName or StreamARN must be provided.";

/// EnableEnhancedMonitoring and DisableEnhancedMonitoring request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnhancedMonitoringInput {
    /// Stream name (or give `StreamARN`).
    #[serde(default)]
    pub stream_name: Option<String>,
    /// Stream ARN (or give `StreamName`).
    #[serde(default, rename = "StreamARN")]
    pub stream_arn: Option<String>,
    /// Metrics to enable or disable (`ALL`: the seven).
    pub shard_level_metrics: Vec<String>,
}

/// `EnhancedMonitoringOutput`: the answer of both operations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnhancedMonitoringOutput {
    /// Stream name.
    pub stream_name: String,
    /// Stream ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// Shard-level metrics enabled before the call.
    pub current_shard_level_metrics: Vec<String>,
    /// Shard-level metrics enabled after the call.
    pub desired_shard_level_metrics: Vec<String>,
}

/// The metrics a request names, `ALL` expanded, in canonical order.
fn named(list: &[String]) -> Vec<&'static str> {
    let all = list.iter().any(|m| m == "ALL");
    SHARD_LEVEL_METRICS.iter().copied().filter(|m| all || list.iter().any(|x| x == m)).collect()
}

impl Engine {
    /// EnableEnhancedMonitoring: adds the named metrics to the stream's enabled set.
    pub fn enable_enhanced_monitoring(
        &mut self,
        input: EnhancedMonitoringInput,
    ) -> Result<EnhancedMonitoringOutput, ApiError> {
        self.change_monitoring(input, true)
    }

    /// DisableEnhancedMonitoring: removes the named metrics from the stream's enabled set.
    pub fn disable_enhanced_monitoring(
        &mut self,
        input: EnhancedMonitoringInput,
    ) -> Result<EnhancedMonitoringOutput, ApiError> {
        self.change_monitoring(input, false)
    }

    fn change_monitoring(
        &mut self,
        input: EnhancedMonitoringInput,
        enable: bool,
    ) -> Result<EnhancedMonitoringOutput, ApiError> {
        let name = match (&input.stream_name, &input.stream_arn) {
            (Some(name), _) => name.clone(),
            (None, Some(arn)) => match parse_stream_arn(arn) {
                Some((_, _, name)) => name.to_string(),
                None => return Err(invalid_argument(format!("Invalid StreamARN {arn}."))),
            },
            (None, None) => return Err(invalid_argument(NO_STREAM_MESSAGE)),
        };
        let stream = self.existing_stream(&name)?;
        if let Some(arn) = &input.stream_arn {
            if *arn != stream.arn {
                return Err(self.identity.stream_not_found(&name));
            }
        }
        if stream.status != StreamStatus::Active {
            return Err(self.identity.stream_not_active(&name, stream.status.as_str()));
        }
        let current = stream.shard_level_metrics.clone();
        let change = named(&input.shard_level_metrics);
        let desired: Vec<String> = SHARD_LEVEL_METRICS
            .iter()
            .copied()
            .filter(|m| {
                let was = current.iter().any(|c| c == m);
                let named = change.contains(m);
                if enable {
                    was || named
                } else {
                    was && !named
                }
            })
            .map(str::to_string)
            .collect();
        let arn = stream.arn.clone();
        if let Some(s) = self.streams.get_mut(&name) {
            s.shard_level_metrics = desired.clone();
        }
        Ok(EnhancedMonitoringOutput {
            stream_name: name,
            stream_arn: arn,
            current_shard_level_metrics: current,
            desired_shard_level_metrics: desired,
        })
    }
}
