//! UpdateMaxRecordSize: a stream's largest record, from 1 MiB up to 10 MiB.
//!
//! AWS facts reproduced (API reference,
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateMaxRecordSize.html>, and
//! "Handle large records", <https://docs.aws.amazon.com/streams/latest/dev/large-records.html>):
//! - Request `{"MaxRecordSizeInKiB": number, "StreamARN": "string"}`; `MaxRecordSizeInKiB` is
//!   required, an integer from 1024 to 10240 ("If you specify a value that is out of this range,
//!   UpdateMaxRecordSize sends back an ValidationException"); the response is empty.
//! - "The default maximum record size for existing, and newly created streams is set to 1 MiB".
//! - DescribeStreamSummary reports `MaxRecordSizeInKiB`.
//! - The per-shard write limit stays 1 MB/s: a large record bursts and the shard averages
//!   1 MiB/s (modelled in `engine::state::limits::ShardLimits::admit_write`).
//!
//! Simplifications: the change applies at once (no UPDATING state; AWS does not document one);
//! the stream must be ACTIVE (ResourceInUseException otherwise, like the other stream updates);
//! `StreamId` ("Not Implemented. Reserved for future use.") is ignored. CreateStream takes the
//! same optional `MaxRecordSizeInKiB` (botocore's current model: shape `MaxRecordSizeInKiB`,
//! 1024–10240, "The maximum record size of a single record in kibibyte (KiB) that you can write
//! to, and read from a stream"), checked by the same rule.

use crate::engine::error::{invalid_argument, ApiError};
use crate::engine::state::limits::{MAX_MAX_RECORD_SIZE_KIB, MIN_MAX_RECORD_SIZE_KIB};
use crate::engine::state::stream::StreamStatus;
use crate::engine::wire::validation::{parse_stream_arn, Field, Pattern, Rule, Type};
use crate::engine::Engine;
use serde::Deserialize;

/// The request table (validation as data): AWS's shapes and ranges.
pub const UPDATE_MAX_RECORD_SIZE: &[Field] = &[
    Field {
        name: "StreamARN",
        ty: Type::String,
        rules: &[Rule::NotNull, Rule::MinLen(1), Rule::MaxLen(2048), Rule::Pattern(Pattern::StreamArn)],
    },
    Field {
        name: "MaxRecordSizeInKiB",
        ty: Type::Integer,
        rules: &[Rule::NotNull, Rule::Min(MIN_MAX_RECORD_SIZE_KIB as i64), Rule::Max(MAX_MAX_RECORD_SIZE_KIB as i64)],
    },
];

/// UpdateMaxRecordSize request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct UpdateMaxRecordSizeInput {
    /// Stream ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// New largest record, KiB (1024–10240).
    #[serde(rename = "MaxRecordSizeInKiB")]
    pub max_record_size_in_kib: u32,
}

impl Engine {
    /// UpdateMaxRecordSize.
    pub fn update_max_record_size(&mut self, input: UpdateMaxRecordSizeInput) -> Result<(), ApiError> {
        let name = match parse_stream_arn(&input.stream_arn) {
            Some((region, account, name)) if region == self.identity.region && account == self.identity.account_id => {
                name.to_string()
            }
            Some((_, _, name)) => return Err(self.identity.stream_not_found(name)),
            None => return Err(invalid_argument(format!("Invalid StreamARN {}.", input.stream_arn))),
        };
        let kib = input.max_record_size_in_kib.clamp(MIN_MAX_RECORD_SIZE_KIB, MAX_MAX_RECORD_SIZE_KIB);
        let stream = self.existing_stream(&name)?;
        if stream.status != StreamStatus::Active {
            return Err(self.identity.stream_not_active(&name, stream.status.as_str()));
        }
        if let Some(s) = self.streams.get_mut(&name) {
            s.max_record_size_kib = kib;
        }
        Ok(())
    }
}
