//! UpdateStreamRecordDistributionStrategy: how an ON_DEMAND stream places records on shards.
//!
//! AWS facts reproduced (API reference
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamRecordDistributionStrategy.html>;
//! developer guide "Service-managed record distribution",
//! <https://docs.aws.amazon.com/streams/latest/dev/service-managed-record-distribution.html>,
//! `service-managed-pk-producing-behavior.html`, `service-managed-pk-transition.html`):
//! - The request names the stream by `StreamARN` (required) and gives `RecordDistributionStrategy`
//!   `AUTO` or `USER_PARTITION_KEY` (the default). The change takes effect at once; records
//!   already written keep their shards.
//! - Only ON_DEMAND streams support the setting: `AUTO` on a PROVISIONED stream is an
//!   `InvalidArgumentException`.
//! - Under `AUTO` the service spreads records evenly over the shards and **ignores**
//!   `PartitionKey` and `ExplicitHashKey`; `PartitionKey` becomes optional; a PutRecord with
//!   `SequenceNumberForOrdering` is rejected with `InvalidArgumentException`. Records of one key
//!   no longer share a shard, so their order is lost: the teaching contrast with
//!   `USER_PARTITION_KEY`.
//!
//! Simplifications and assumptions (README, "Model assumptions"): AWS's placement algorithm is
//! not published; the engine deals records round-robin over the open shards in hash-key order,
//! from a per-stream counter (deterministic, no randomness). The messages of the two
//! InvalidArgumentExceptions are ours (AWS publishes none). A stream switched back to
//! PROVISIONED returns to `USER_PARTITION_KEY`. botocore's model in awscli 1.46.3 (the newest on
//! PyPI here) does not list this operation yet, so the CLI and boto3 cannot call it; the engine
//! answers it for clients that send the target directly.

use crate::engine::error::{invalid_argument, ApiError};
use crate::engine::state::stream::{RecordDistribution, StreamMode, StreamStatus};
use crate::engine::wire::validation::parse_stream_arn;
use crate::engine::Engine;
use serde::Deserialize;

/// The engine's message for `AUTO` on a PROVISIONED stream (AWS publishes none).
pub const AUTO_NEEDS_ON_DEMAND: &str =
    "Record distribution strategy AUTO is only supported for streams in ON_DEMAND capacity mode.";
/// The engine's message for a PutRecord with `SequenceNumberForOrdering` on an `AUTO` stream.
pub const NO_ORDERING_IN_AUTO: &str =
    "SequenceNumberForOrdering is not supported for streams with record distribution strategy AUTO.";

/// UpdateStreamRecordDistributionStrategy request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateRecordDistributionInput {
    /// Stream ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// `AUTO` or `USER_PARTITION_KEY`.
    pub record_distribution_strategy: String,
}

impl Engine {
    /// UpdateStreamRecordDistributionStrategy.
    pub fn update_stream_record_distribution_strategy(
        &mut self,
        input: UpdateRecordDistributionInput,
    ) -> Result<(), ApiError> {
        let name = match parse_stream_arn(&input.stream_arn) {
            Some((region, account, name)) if region == self.identity.region && account == self.identity.account_id => {
                name.to_string()
            }
            Some((_, _, name)) => return Err(self.identity.stream_not_found(name)),
            None => return Err(invalid_argument(format!("Invalid StreamARN {}.", input.stream_arn))),
        };
        let strategy = RecordDistribution::parse(&input.record_distribution_strategy).ok_or_else(|| {
            invalid_argument(format!("Invalid RecordDistributionStrategy {}.", input.record_distribution_strategy))
        })?;
        let stream = self.existing_stream(&name)?;
        if stream.status != StreamStatus::Active {
            return Err(self.identity.stream_not_active(&name, stream.status.as_str()));
        }
        if strategy == RecordDistribution::Auto && stream.mode != StreamMode::OnDemand {
            return Err(invalid_argument(AUTO_NEEDS_ON_DEMAND));
        }
        if let Some(s) = self.streams.get_mut(&name) {
            s.record_distribution = strategy;
        }
        Ok(())
    }
}
