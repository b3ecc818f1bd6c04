//! Stream control plane: CreateStream, DeleteStream, DescribeStream, DescribeStreamSummary,
//! ListStreams, ListShards and DescribeLimits.
//!
//! AWS facts reproduced (KINESIS.md B1, B4, B10, B11, B12):
//! - CreateStream gives `floor(2^128/N)` ranges, backdates the shards' creation time by 2 s (as
//!   kinesalite does; AWS-validated window 2–7 s) and leaves the stream `CREATING` with no
//!   visible shards until it turns `ACTIVE`.
//! - DeleteStream shows `DELETING`, then the stream is gone (`ResourceNotFoundException`).
//! - DescribeStream pages with `Limit` (default 100) and `ExclusiveStartShardId`; ListShards pages
//!   with `MaxResults` (default 1000) and an opaque `NextToken` that expires after 300 s, and
//!   filters with `ShardFilter`. Expired shards are never listed.
//! - ON_DEMAND streams start with 4 shards (4 MiB/s write capacity), and take no `ShardCount`:
//!   AWS answers `ShardCount is not expected when StreamMode=ON_DEMAND`
//!   (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html>: "for the
//!   data streams with a provisioned mode, you must specify the number of shards"; the wording of
//!   the refusal is AWS's as CloudFormation relays it, aws/aws-cdk#18247).
//! - Every open shard counts against the account's shard quota, whatever its stream's mode, and
//!   DescribeLimits' `OpenShardCount` counts them all
//!   (<https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>,
//!   <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeLimits.html>).
//!
//! Simplifications: the "5 streams CREATING at once" quota and the ExpiredNextToken / bad token
//! messages use our wording (AWS's exact text is not published).

use crate::engine::error::{invalid_argument, limit_exceeded, ApiError, ErrorType};
use crate::engine::events::Event;
use crate::engine::state::hashing::uniform_ranges;
use crate::engine::state::shard::{ShardId, ShardState};
use crate::engine::state::stream::{Stream, StreamMode, StreamStatus};
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::wire::pagination::{check_token_age, invalid_next_token, PageToken};
use crate::engine::wire::shapes::{epoch_seconds, EnhancedMetrics, ShardShape, StreamModeDetails};
use crate::engine::wire::validation::{validation_item, validation_result, Type};
use crate::engine::{Engine, Scheduled};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Kinesalite's (AWS-validated) backdating of a new stream's shard creation time.
const CREATE_BACKDATE_MS: u64 = 2_000;
/// Shards of a new ON_DEMAND stream (AWS: 4 MiB/s write capacity at creation).
pub const ON_DEMAND_INITIAL_SHARDS: u32 = 4;
/// On-demand streams per account (AWS default quota).
pub const ON_DEMAND_STREAM_LIMIT: u64 = 50;
/// Streams that may be `CREATING` at once (AWS CreateStream documentation).
pub const MAX_CREATING_STREAMS: usize = 5;

/// CreateStream request.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateStreamInput {
    /// Stream name.
    pub stream_name: String,
    /// Number of shards (required for PROVISIONED).
    #[serde(default)]
    pub shard_count: Option<i64>,
    /// Capacity mode.
    #[serde(default)]
    pub stream_mode_details: Option<StreamModeDetails>,
    /// Tags to attach.
    #[serde(default)]
    pub tags: Option<BTreeMap<String, String>>,
    /// Largest record, KiB (1024–10240; default 1024), as UpdateMaxRecordSize sets it.
    #[serde(default, rename = "MaxRecordSizeInKiB")]
    pub max_record_size_in_kib: Option<u32>,
}

/// DeleteStream request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteStreamInput {
    /// Stream name.
    pub stream_name: String,
    /// Delete the stream even if enhanced fan-out consumers are registered (they are
    /// deregistered with it); unset or false, registered consumers make the call fail.
    #[serde(default)]
    pub enforce_consumer_deletion: Option<bool>,
}

/// DescribeStream request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStreamInput {
    /// Stream name.
    pub stream_name: String,
    /// Page size (1..=10000, default 100).
    #[serde(default)]
    pub limit: Option<i64>,
    /// List shards after this id.
    #[serde(default)]
    pub exclusive_start_shard_id: Option<String>,
}

/// A request naming only a stream.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamNameInput {
    /// Stream name.
    pub stream_name: String,
}

/// ListStreams request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStreamsInput {
    /// Page size (1..=10000, default 100).
    #[serde(default)]
    pub limit: Option<i64>,
    /// List names after this one.
    #[serde(default)]
    pub exclusive_start_stream_name: Option<String>,
    /// Token from a previous page.
    #[serde(default)]
    pub next_token: Option<String>,
}

/// ListShards `ShardFilter`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ShardFilter {
    /// `AFTER_SHARD_ID`, `AT_TRIM_HORIZON`, `FROM_TRIM_HORIZON`, `AT_LATEST`, `AT_TIMESTAMP`,
    /// `FROM_TIMESTAMP`.
    #[serde(rename = "Type")]
    pub filter_type: String,
    /// For `AFTER_SHARD_ID`.
    #[serde(default)]
    pub shard_id: Option<String>,
    /// For `AT_TIMESTAMP` / `FROM_TIMESTAMP`, epoch seconds.
    #[serde(default)]
    pub timestamp: Option<f64>,
}

/// ListShards request.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListShardsInput {
    /// Stream name (not with NextToken).
    #[serde(default)]
    pub stream_name: Option<String>,
    /// Token from a previous page (not with StreamName).
    #[serde(default)]
    pub next_token: Option<String>,
    /// List shards after this id.
    #[serde(default)]
    pub exclusive_start_shard_id: Option<String>,
    /// Page size (1..=10000, default 1000).
    #[serde(default)]
    pub max_results: Option<i64>,
    /// Accepted for shape compatibility.
    #[serde(default)]
    pub stream_creation_timestamp: Option<f64>,
    /// Which shards to list.
    #[serde(default)]
    pub shard_filter: Option<ShardFilter>,
}

/// Fields `StreamDescription` and `StreamDescriptionSummary` share.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamFacts {
    /// Name.
    pub stream_name: String,
    /// ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// Status.
    pub stream_status: String,
    /// Capacity mode.
    pub stream_mode_details: StreamModeDetails,
    /// Retention, hours.
    pub retention_period_hours: u32,
    /// Creation time, epoch seconds.
    #[serde(serialize_with = "epoch_seconds")]
    pub stream_creation_timestamp: SimTime,
    /// Enhanced monitoring (always one empty entry).
    pub enhanced_monitoring: Vec<EnhancedMetrics>,
    /// `NONE` or `KMS`.
    pub encryption_type: String,
    /// KMS key when encrypted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

impl From<&Stream> for StreamFacts {
    fn from(s: &Stream) -> Self {
        Self {
            stream_name: s.name.clone(),
            stream_arn: s.arn.clone(),
            stream_status: s.status.as_str().into(),
            stream_mode_details: mode_details(s.mode),
            retention_period_hours: s.retention_hours,
            stream_creation_timestamp: creation_second(s),
            enhanced_monitoring: vec![EnhancedMetrics { shard_level_metrics: s.shard_level_metrics.clone() }],
            encryption_type: s.encryption_type.as_str().into(),
            key_id: s.key_id.clone(),
        }
    }
}

/// `StreamCreationTimestamp`: whole seconds, as AWS reports it.
fn creation_second(s: &Stream) -> SimTime {
    SimTime(s.created.secs() * SECOND_MS)
}

/// `StreamDescription`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamDescription {
    /// Name, ARN, status, mode, retention, creation, monitoring, encryption.
    #[serde(flatten)]
    pub facts: StreamFacts,
    /// One page of shards.
    pub shards: Vec<ShardShape>,
    /// More pages follow.
    pub has_more_shards: bool,
}

/// DescribeStream response.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStreamOutput {
    /// The description.
    pub stream_description: StreamDescription,
}

/// `StreamDescriptionSummary`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamDescriptionSummary {
    /// Name, ARN, status, mode, retention, creation, monitoring, encryption.
    #[serde(flatten)]
    pub facts: StreamFacts,
    /// Open shards.
    pub open_shard_count: u64,
    /// Registered enhanced fan-out consumers.
    pub consumer_count: u64,
    /// The largest record the stream accepts, KiB (UpdateMaxRecordSize).
    #[serde(rename = "MaxRecordSizeInKiB")]
    pub max_record_size_in_kib: u32,
}

/// DescribeStreamSummary response.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStreamSummaryOutput {
    /// The summary.
    pub stream_description_summary: StreamDescriptionSummary,
}

/// A `StreamSummaries` entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamSummary {
    /// Name.
    pub stream_name: String,
    /// ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// Status.
    pub stream_status: String,
    /// Capacity mode.
    pub stream_mode_details: StreamModeDetails,
    /// Creation time, epoch seconds.
    #[serde(serialize_with = "epoch_seconds")]
    pub stream_creation_timestamp: SimTime,
}

/// ListStreams response.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStreamsOutput {
    /// Names, in order.
    pub stream_names: Vec<String>,
    /// More pages follow.
    pub has_more_streams: bool,
    /// Token for the next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Per-stream summaries.
    pub stream_summaries: Vec<StreamSummary>,
}

/// ListShards response.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListShardsOutput {
    /// One page of shards.
    pub shards: Vec<ShardShape>,
    /// Token for the next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// DescribeLimits response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeLimitsOutput {
    /// Open-shard quota.
    pub shard_limit: u64,
    /// Open shards in the account, of every stream whatever its mode.
    pub open_shard_count: u64,
    /// ON_DEMAND streams.
    pub on_demand_stream_count: u64,
    /// ON_DEMAND stream quota.
    pub on_demand_stream_count_limit: u64,
}

pub(crate) fn mode_details(mode: StreamMode) -> StreamModeDetails {
    StreamModeDetails { stream_mode: mode.as_str().to_string() }
}

fn shard_filter_matches(
    filter: &ShardFilter,
    shard: &crate::engine::state::shard::Shard,
    trim_horizon: SimTime,
) -> bool {
    let open_at = |t: SimTime| shard.created <= t && shard.closed.is_none_or(|c| c > t);
    match filter.filter_type.as_str() {
        "AFTER_SHARD_ID" => filter.shard_id.as_deref().and_then(ShardId::resolve).is_none_or(|after| shard.id > after),
        "AT_TRIM_HORIZON" => open_at(trim_horizon),
        "FROM_TRIM_HORIZON" => true,
        "AT_LATEST" => shard.state() == ShardState::Open,
        "AT_TIMESTAMP" => filter.timestamp.is_none_or(|ts| open_at(SimTime::from_epoch_seconds(ts))),
        "FROM_TIMESTAMP" => {
            filter.timestamp.is_none_or(|ts| shard.closed.is_none_or(|c| c >= SimTime::from_epoch_seconds(ts)))
        }
        _ => true,
    }
}

impl Engine {
    /// CreateStream.
    pub fn create_stream(&mut self, input: CreateStreamInput) -> Result<(), ApiError> {
        let mode = match &input.stream_mode_details {
            Some(d) => StreamMode::parse(&d.stream_mode).ok_or_else(|| {
                let item = validation_item(
                    Some(&serde_json::Value::from(d.stream_mode.clone())),
                    Type::String,
                    "streamModeDetails.streamMode",
                    "Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]",
                );
                validation_result(vec![item]).err().unwrap_or_else(|| ApiError::bare(ErrorType::ValidationException))
            })?,
            None => StreamMode::Provisioned,
        };
        let shard_count = match (input.shard_count, mode) {
            (Some(_), StreamMode::OnDemand) => {
                return Err(invalid_argument("ShardCount is not expected when StreamMode=ON_DEMAND"));
            }
            (Some(n), StreamMode::Provisioned) => n,
            (None, StreamMode::OnDemand) => i64::from(ON_DEMAND_INITIAL_SHARDS),
            (None, StreamMode::Provisioned) => {
                let item = validation_item(None, Type::Integer, "shardCount", "Member must not be null");
                return Err(validation_result(vec![item])
                    .err()
                    .unwrap_or_else(|| ApiError::bare(ErrorType::ValidationException)));
            }
        };
        let name = input.stream_name;
        if self.streams.contains_key(&name) {
            return Err(self.identity.stream_exists(&name));
        }
        let count = u32::try_from(shard_count.clamp(1, 100_000)).unwrap_or(1);
        if mode == StreamMode::OnDemand && self.on_demand_stream_count() >= ON_DEMAND_STREAM_LIMIT {
            return Err(limit_exceeded(format!(
                "This request would exceed the limit of {ON_DEMAND_STREAM_LIMIT} on-demand streams for the account {} in {}.",
                self.identity.account_id, self.identity.region
            )));
        }
        let current = self.account_open_shards();
        if current + u64::from(count) > self.config.shard_limit {
            return Err(self.identity.shard_limit(current, self.config.shard_limit, u64::from(count)));
        }
        let creating = self.streams.values().filter(|s| s.status == StreamStatus::Creating).count();
        if creating >= MAX_CREATING_STREAMS {
            return Err(limit_exceeded(format!(
                "This request would exceed the limit of {MAX_CREATING_STREAMS} streams in CREATING state for the account {} in {}.",
                self.identity.account_id, self.identity.region
            )));
        }
        let key = self.new_stream_key();
        let arn = self.identity.stream_arn(&name);
        let created = self.now.minus(CREATE_BACKDATE_MS);
        let mut stream = Stream::new(key, name.clone(), arn, uniform_ranges(count), created, self.now);
        stream.mode = mode;
        if let Some(tags) = input.tags {
            stream.tags.extend(tags);
        }
        if let Some(kib) = input.max_record_size_in_kib {
            stream.max_record_size_kib = kib.clamp(
                crate::engine::state::limits::MIN_MAX_RECORD_SIZE_KIB,
                crate::engine::state::limits::MAX_MAX_RECORD_SIZE_KIB,
            );
        }
        self.streams.insert(name.clone(), stream);
        self.emit(Event::StreamCreated { at: self.now, stream: key, name });
        self.emit_status(key, StreamStatus::Creating);
        self.schedule(self.config.create_delay_ms, Scheduled::CreateDone(key));
        Ok(())
    }

    fn on_demand_stream_count(&self) -> u64 {
        self.streams.values().filter(|s| s.mode == StreamMode::OnDemand).count() as u64
    }

    /// DeleteStream.
    pub fn delete_stream(&mut self, input: DeleteStreamInput) -> Result<(), ApiError> {
        let key = self.existing_stream(&input.stream_name)?.key;
        if input.enforce_consumer_deletion != Some(true) && self.consumer_count(&input.stream_name) > 0 {
            return Err(self.identity.stream_has_consumers(&input.stream_name));
        }
        let delay = self.config.delete_delay_ms;
        if let Some(s) = self.streams.get_mut(&input.stream_name) {
            if s.status == StreamStatus::Deleting {
                return Ok(());
            }
            s.status = StreamStatus::Deleting;
        }
        self.emit_status(key, StreamStatus::Deleting);
        self.schedule(delay, Scheduled::DeleteDone(key));
        Ok(())
    }

    /// DescribeStream.
    pub fn describe_stream(&self, input: DescribeStreamInput) -> Result<DescribeStreamOutput, ApiError> {
        let s = self.existing_stream(&input.stream_name)?;
        let limit = usize::try_from(input.limit.unwrap_or(100).clamp(1, 10_000)).unwrap_or(100);
        let visible: Vec<&crate::engine::state::shard::Shard> = if !s.was_active {
            Vec::new()
        } else {
            s.listed_shards()
                .filter(|sh| {
                    input.exclusive_start_shard_id.as_deref().is_none_or(|after| sh.id.to_string().as_str() > after)
                })
                .collect()
        };
        let has_more = visible.len() > limit;
        Ok(DescribeStreamOutput {
            stream_description: StreamDescription {
                facts: StreamFacts::from(s),
                shards: visible.into_iter().take(limit).map(ShardShape::from).collect(),
                has_more_shards: has_more,
            },
        })
    }

    /// DescribeStreamSummary.
    pub fn describe_stream_summary(&self, input: StreamNameInput) -> Result<DescribeStreamSummaryOutput, ApiError> {
        let s = self.existing_stream(&input.stream_name)?;
        let open = if s.was_active { s.open_shard_count() as u64 } else { 0 };
        Ok(DescribeStreamSummaryOutput {
            stream_description_summary: StreamDescriptionSummary {
                facts: StreamFacts::from(s),
                open_shard_count: open,
                consumer_count: self.consumer_count(&s.name),
                max_record_size_in_kib: s.max_record_size_kib,
            },
        })
    }

    /// ListStreams.
    pub fn list_streams(&self, input: ListStreamsInput) -> Result<ListStreamsOutput, ApiError> {
        let limit = usize::try_from(input.limit.unwrap_or(100).clamp(1, 10_000)).unwrap_or(100);
        let after = match &input.next_token {
            Some(tok) => Some(self.read_token(tok)?.after),
            None => input.exclusive_start_stream_name.clone(),
        };
        let names: Vec<&Stream> =
            self.streams.values().filter(|s| after.as_deref().is_none_or(|a| s.name.as_str() > a)).collect();
        let has_more = names.len() > limit;
        let page: Vec<&Stream> = names.into_iter().take(limit).collect();
        let next_token = match (has_more, page.last()) {
            (true, Some(last)) => Some(
                PageToken { stream: String::new(), after: last.name.clone(), issued: self.now, filter: None }.encode(),
            ),
            _ => None,
        };
        Ok(ListStreamsOutput {
            stream_names: page.iter().map(|s| s.name.clone()).collect(),
            has_more_streams: has_more,
            next_token,
            stream_summaries: page
                .iter()
                .map(|s| StreamSummary {
                    stream_name: s.name.clone(),
                    stream_arn: s.arn.clone(),
                    stream_status: s.status.as_str().into(),
                    stream_mode_details: mode_details(s.mode),
                    stream_creation_timestamp: creation_second(s),
                })
                .collect(),
        })
    }

    /// ListShards.
    pub fn list_shards(&self, input: ListShardsInput) -> Result<ListShardsOutput, ApiError> {
        let (stream_name, after, filter) = match (&input.stream_name, &input.next_token) {
            (None, None) => return Err(invalid_argument("Either NextToken or StreamName should be provided.")),
            (Some(_), Some(_)) => {
                return Err(invalid_argument("NextToken and StreamName cannot be provided together."))
            }
            (Some(name), None) => {
                let filter = match &input.shard_filter {
                    Some(f) => {
                        self.check_shard_filter(f)?;
                        Some(f.clone())
                    }
                    None => None,
                };
                (name.clone(), input.exclusive_start_shard_id.clone(), filter)
            }
            (None, Some(tok)) => {
                let t = self.read_token(tok)?;
                let filter = t.filter.map(|(ft, fs, fts)| ShardFilter {
                    filter_type: ft,
                    shard_id: fs,
                    timestamp: fts.map(|ms| ms as f64 / 1000.0),
                });
                (t.stream, Some(t.after), filter)
            }
        };
        let s = self.existing_stream(&stream_name)?;
        let max = usize::try_from(input.max_results.unwrap_or(1000).clamp(1, 10_000)).unwrap_or(1000);
        let trim_horizon = self.now.minus(s.retention_ms());
        let matching: Vec<&crate::engine::state::shard::Shard> = if !s.was_active {
            Vec::new()
        } else {
            s.listed_shards()
                .filter(|sh| after.as_deref().is_none_or(|a| sh.id.to_string().as_str() > a))
                .filter(|sh| filter.as_ref().is_none_or(|f| shard_filter_matches(f, sh, trim_horizon)))
                .collect()
        };
        let has_more = matching.len() > max;
        let page: Vec<ShardShape> = matching.into_iter().take(max).map(ShardShape::from).collect();
        let next_token = match (has_more, page.last()) {
            (true, Some(last)) => Some(
                PageToken {
                    stream: stream_name.clone(),
                    after: last.shard_id.to_string(),
                    issued: self.now,
                    filter: filter
                        .map(|f| (f.filter_type, f.shard_id, f.timestamp.map(|t| SimTime::from_epoch_seconds(t).0))),
                }
                .encode(),
            ),
            _ => None,
        };
        Ok(ListShardsOutput { shards: page, next_token })
    }

    /// Decodes a `NextToken` and checks its 300 s lifetime.
    fn read_token(&self, text: &str) -> Result<PageToken, ApiError> {
        let t = PageToken::decode(text).ok_or_else(invalid_next_token)?;
        check_token_age(t.issued, self.now)?;
        Ok(t)
    }

    fn check_shard_filter(&self, f: &ShardFilter) -> Result<(), ApiError> {
        match f.filter_type.as_str() {
            "AFTER_SHARD_ID" if f.shard_id.is_none() => {
                Err(invalid_argument("ShardId must be specified when ShardFilter Type is AFTER_SHARD_ID."))
            }
            "AT_TIMESTAMP" | "FROM_TIMESTAMP" if f.timestamp.is_none() => Err(invalid_argument(format!(
                "Timestamp must be specified when ShardFilter Type is {}.",
                f.filter_type
            ))),
            _ => Ok(()),
        }
    }

    /// DescribeLimits.
    pub fn describe_limits(&self) -> DescribeLimitsOutput {
        DescribeLimitsOutput {
            shard_limit: self.config.shard_limit,
            open_shard_count: self.account_open_shards(),
            on_demand_stream_count: self.on_demand_stream_count(),
            on_demand_stream_count_limit: ON_DEMAND_STREAM_LIMIT,
        }
    }
}
