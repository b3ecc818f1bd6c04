//! The JSON face of the engine: request tables (validation as data) and the operation dispatch.
//!
//! `Engine::call("PutRecord", &json)` does what an AWS endpoint does with a
//! `X-Amz-Target: Kinesis_20131202.PutRecord` request: check JSON types
//! (SerializationException), check constraints (ValidationException), run the operation, and
//! answer with the AWS JSON response or error body. The tables follow the AWS API model and
//! kinesalite's AWS-validated `validations/*.js`; where current AWS differs (retention up to
//! 8760 h, newer operations and fields), current AWS wins.
//!
//! SubscribeToShard is an HTTP/2 event stream on AWS. Here its JSON answer is
//! `{"EventStream": [{"SubscribeToShardEvent": {…}}, …]}`: the event-stream messages delivered
//! during the call (the subscription's first event). The subscription keeps running on the
//! virtual clock; its later events are read with `Engine::take_subscription_events` (see
//! `ops/subscribe_to_shard.rs`).

use crate::engine::error::{serialization, ApiError, ErrorType};
use crate::engine::ops::distribution::UpdateRecordDistributionInput;
use crate::engine::ops::get_records::{GetRecordsInput, GetShardIteratorInput};
use crate::engine::ops::max_record_size::{UpdateMaxRecordSizeInput, UPDATE_MAX_RECORD_SIZE};
use crate::engine::ops::modes::{EncryptionInput, UpdateStreamModeInput};
use crate::engine::ops::monitoring::{EnhancedMonitoringInput, METRICS_NAMES};
use crate::engine::ops::put_records::{PutRecordInput, PutRecordsInput};
use crate::engine::ops::resharding::{MergeShardsInput, SplitShardInput, UpdateShardCountInput};
use crate::engine::ops::retention::{RetentionInput, RETENTION_FIELD_MIN_HOURS};
use crate::engine::ops::stream_admin::{
    CreateStreamInput, DeleteStreamInput, DescribeStreamInput, ListShardsInput, ListStreamsInput, StreamNameInput,
};
use crate::engine::ops::stream_consumers::{
    DeregisterStreamConsumerInput, DescribeStreamConsumerInput, ListStreamConsumersInput, RegisterStreamConsumerInput,
};
use crate::engine::ops::subscribe_to_shard::SubscribeToShardInput;
use crate::engine::ops::tags::{
    AddTagsInput, ListTagsForResourceInput, ListTagsInput, RemoveTagsInput, TagResourceInput, UntagResourceInput,
};
use crate::engine::state::limits::{MAX_MAX_RECORD_SIZE_KIB, MIN_MAX_RECORD_SIZE_KIB};
use crate::engine::state::stream::MAX_RETENTION_HOURS;
use crate::engine::wire::address::resolve_stream_arn;
use crate::engine::wire::shapes::Empty;
use crate::engine::wire::validation::{
    check_rules, check_types, Field, Member, Pattern, Rule, Type, NAME_RULES, REQUIRED_NAME_RULES, STREAM_NAME,
};
use crate::engine::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use Rule::{ChildKeyLengths, ChildLengths, ChildValueLengths, Max, MaxLen, MemberStr, Min, MinLen, NotNull, OneOf};

/// Every operation `call` understands, in alphabetical order.
pub const OPERATIONS: &[&str] = &[
    "AddTagsToStream",
    "CreateStream",
    "DecreaseStreamRetentionPeriod",
    "DeleteStream",
    "DeregisterStreamConsumer",
    "DescribeLimits",
    "DescribeStream",
    "DescribeStreamConsumer",
    "DescribeStreamSummary",
    "DisableEnhancedMonitoring",
    "EnableEnhancedMonitoring",
    "GetRecords",
    "GetShardIterator",
    "IncreaseStreamRetentionPeriod",
    "ListShards",
    "ListStreamConsumers",
    "ListStreams",
    "ListTagsForResource",
    "ListTagsForStream",
    "MergeShards",
    "PutRecord",
    "PutRecords",
    "RegisterStreamConsumer",
    "RemoveTagsFromStream",
    "SplitShard",
    "StartStreamEncryption",
    "StopStreamEncryption",
    "SubscribeToShard",
    "TagResource",
    "UntagResource",
    "UpdateMaxRecordSize",
    "UpdateShardCount",
    "UpdateStreamMode",
    "UpdateStreamRecordDistributionStrategy",
];

const ITERATOR_TYPES: &[&str] =
    &["AFTER_SEQUENCE_NUMBER", "LATEST", "AT_TIMESTAMP", "AT_SEQUENCE_NUMBER", "TRIM_HORIZON"];
const STREAM_MODES: &[&str] = &["PROVISIONED", "ON_DEMAND"];
const SHARD_FILTER_TYPES: &[&str] =
    &["AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST", "AT_TIMESTAMP", "FROM_TIMESTAMP"];

const STRING_MEMBER: Member = Member { ty: Type::String, rules: &[] };
const STREAM_MODE_DETAILS: &[Field] =
    &[Field { name: "StreamMode", ty: Type::String, rules: &[NotNull, OneOf(STREAM_MODES)] }];
const TAGS: Field = Field {
    name: "Tags",
    ty: Type::Map(&STRING_MEMBER),
    rules: &[NotNull, MinLen(1), MaxLen(10), ChildKeyLengths(1, 128), ChildValueLengths(0, 256)],
};

const CREATE_MODE: Field = Field { name: "StreamModeDetails", ty: Type::Structure(STREAM_MODE_DETAILS), rules: &[] };
const CREATE_TAGS: Field = Field {
    name: "Tags",
    ty: Type::Map(&STRING_MEMBER),
    rules: &[MaxLen(50), ChildKeyLengths(1, 128), ChildValueLengths(0, 256)],
};
/// PROVISIONED streams need a ShardCount; ON_DEMAND ones may omit it.
const CREATE_STREAM_PROVISIONED: &[Field] = &[
    Field { name: "ShardCount", ty: Type::Integer, rules: &[NotNull, Min(1), Max(100_000)] },
    STREAM_NAME,
    CREATE_MODE,
    CREATE_TAGS,
    CREATE_MAX_RECORD_SIZE,
];
const CREATE_STREAM_ON_DEMAND: &[Field] = &[
    Field { name: "ShardCount", ty: Type::Integer, rules: &[Min(1), Max(100_000)] },
    STREAM_NAME,
    CREATE_MODE,
    CREATE_TAGS,
    CREATE_MAX_RECORD_SIZE,
];
/// CreateStream's optional `MaxRecordSizeInKiB` (the current model: 1024–10240).
const CREATE_MAX_RECORD_SIZE: Field = Field {
    name: "MaxRecordSizeInKiB",
    ty: Type::Integer,
    rules: &[Min(MIN_MAX_RECORD_SIZE_KIB as i64), Max(MAX_MAX_RECORD_SIZE_KIB as i64)],
};
const DELETE_STREAM: &[Field] =
    &[STREAM_NAME, Field { name: "EnforceConsumerDeletion", ty: Type::Boolean, rules: &[] }];
const DESCRIBE_STREAM: &[Field] = &[
    Field { name: "Limit", ty: Type::Integer, rules: &[Min(1), Max(10_000)] },
    Field { name: "ExclusiveStartShardId", ty: Type::String, rules: NAME_RULES },
    STREAM_NAME,
];
const STREAM_ONLY: &[Field] = &[STREAM_NAME];
const LIST_STREAMS: &[Field] = &[
    Field { name: "Limit", ty: Type::Integer, rules: &[Min(1), Max(10_000)] },
    Field { name: "ExclusiveStartStreamName", ty: Type::String, rules: NAME_RULES },
    Field { name: "NextToken", ty: Type::String, rules: &[MinLen(1), MaxLen(1_048_576)] },
];
const SHARD_FILTER: &[Field] = &[
    Field { name: "Type", ty: Type::String, rules: &[NotNull, OneOf(SHARD_FILTER_TYPES)] },
    Field { name: "ShardId", ty: Type::String, rules: NAME_RULES },
    Field { name: "Timestamp", ty: Type::Timestamp, rules: &[] },
];
const LIST_SHARDS: &[Field] = &[
    Field { name: "ExclusiveStartShardId", ty: Type::String, rules: NAME_RULES },
    Field { name: "MaxResults", ty: Type::Integer, rules: &[Min(1), Max(10_000)] },
    Field { name: "NextToken", ty: Type::String, rules: &[MinLen(1), MaxLen(1_048_576)] },
    Field { name: "StreamCreationTimestamp", ty: Type::Timestamp, rules: &[] },
    Field { name: "StreamName", ty: Type::String, rules: NAME_RULES },
    Field { name: "ShardFilter", ty: Type::Structure(SHARD_FILTER), rules: &[] },
];
/// Retention bounds of the current AWS model (kinesalite still says 168).
const RETENTION: &[Field] = &[
    Field {
        name: "RetentionPeriodHours",
        ty: Type::Integer,
        rules: &[NotNull, Min(RETENTION_FIELD_MIN_HOURS), Max(MAX_RETENTION_HOURS as i64)],
    },
    STREAM_NAME,
];
const ADD_TAGS: &[Field] = &[TAGS, STREAM_NAME];
const LIST_TAGS: &[Field] = &[
    Field { name: "Limit", ty: Type::Integer, rules: &[Min(1), Max(10)] },
    Field { name: "ExclusiveStartTagKey", ty: Type::String, rules: &[MinLen(1), MaxLen(128)] },
    STREAM_NAME,
];
const REMOVE_TAGS: &[Field] = &[
    Field {
        name: "TagKeys",
        ty: Type::List(&STRING_MEMBER),
        rules: &[NotNull, MinLen(1), MaxLen(10), ChildLengths(1, 128)],
    },
    STREAM_NAME,
];
const PARTITION_KEY: Field =
    Field { name: "PartitionKey", ty: Type::String, rules: &[NotNull, MinLen(1), MaxLen(256)] };
const EXPLICIT_HASH_KEY: Field =
    Field { name: "ExplicitHashKey", ty: Type::String, rules: &[Rule::Pattern(Pattern::HashKey)] };
const DATA: Field = Field { name: "Data", ty: Type::Blob, rules: &[NotNull, MaxLen(10_485_760)] };
const PUT_RECORD: &[Field] = &[
    Field { name: "SequenceNumberForOrdering", ty: Type::String, rules: &[Rule::Pattern(Pattern::SequenceNumber)] },
    PARTITION_KEY,
    EXPLICIT_HASH_KEY,
    DATA,
    STREAM_NAME,
];
/// PutRecord on an `AUTO` stream: `PartitionKey` optional (see `ops/distribution.rs`).
const PUT_RECORD_AUTO: &[Field] = &[
    Field { name: "SequenceNumberForOrdering", ty: Type::String, rules: &[Rule::Pattern(Pattern::SequenceNumber)] },
    OPTIONAL_PARTITION_KEY,
    EXPLICIT_HASH_KEY,
    DATA,
    STREAM_NAME,
];
const OPTIONAL_PARTITION_KEY: Field = Field { name: "PartitionKey", ty: Type::String, rules: &[MaxLen(256)] };
const PUT_RECORDS_ENTRY_AUTO: Member =
    Member { ty: Type::Structure(&[OPTIONAL_PARTITION_KEY, EXPLICIT_HASH_KEY, DATA]), rules: &[] };
const PUT_RECORDS_AUTO: &[Field] = &[put_records_list(&PUT_RECORDS_ENTRY_AUTO), STREAM_NAME];
const PUT_RECORDS_ENTRY: Member = Member { ty: Type::Structure(&[PARTITION_KEY, EXPLICIT_HASH_KEY, DATA]), rules: &[] };
const PUT_RECORDS: &[Field] = &[put_records_list(&PUT_RECORDS_ENTRY), STREAM_NAME];
/// PutRecords' `Records`: 1 to 500 entries of the given shape.
const fn put_records_list(entry: &'static Member) -> Field {
    Field {
        name: "Records",
        ty: Type::List(entry),
        rules: &[
            NotNull,
            MinLen(1),
            MaxLen(500),
            MemberStr("com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310"),
        ],
    }
}
const GET_SHARD_ITERATOR: &[Field] = &[
    Field { name: "ShardId", ty: Type::String, rules: REQUIRED_NAME_RULES },
    Field { name: "ShardIteratorType", ty: Type::String, rules: &[NotNull, OneOf(ITERATOR_TYPES)] },
    Field { name: "StartingSequenceNumber", ty: Type::String, rules: &[Rule::Pattern(Pattern::SequenceNumber)] },
    STREAM_NAME,
    Field { name: "Timestamp", ty: Type::Timestamp, rules: &[] },
];
/// GetRecords: the current model's optional `StreamARN` is checked, then not needed (the
/// iterator names the stream).
const GET_RECORDS: &[Field] = &[
    Field { name: "Limit", ty: Type::Integer, rules: &[Min(1), Max(10_000)] },
    Field { name: "ShardIterator", ty: Type::String, rules: &[NotNull, MinLen(1), MaxLen(512)] },
    Field { name: "StreamARN", ty: Type::String, rules: STREAM_ARN_RULES },
];
const SPLIT_SHARD: &[Field] = &[
    Field { name: "NewStartingHashKey", ty: Type::String, rules: &[NotNull, Rule::Pattern(Pattern::HashKey)] },
    STREAM_NAME,
    Field { name: "ShardToSplit", ty: Type::String, rules: REQUIRED_NAME_RULES },
];
const MERGE_SHARDS: &[Field] = &[
    Field { name: "ShardToMerge", ty: Type::String, rules: REQUIRED_NAME_RULES },
    Field { name: "AdjacentShardToMerge", ty: Type::String, rules: REQUIRED_NAME_RULES },
    STREAM_NAME,
];
const UPDATE_SHARD_COUNT: &[Field] = &[
    STREAM_NAME,
    Field { name: "TargetShardCount", ty: Type::Integer, rules: &[NotNull, Min(1), Max(100_000)] },
    Field { name: "ScalingType", ty: Type::String, rules: &[NotNull, OneOf(&["UNIFORM_SCALING"])] },
];
const UPDATE_STREAM_MODE: &[Field] = &[
    Field {
        name: "StreamARN",
        ty: Type::String,
        rules: &[NotNull, MinLen(1), MaxLen(2048), Rule::Pattern(Pattern::StreamArn)],
    },
    Field { name: "StreamModeDetails", ty: Type::Structure(STREAM_MODE_DETAILS), rules: &[NotNull] },
];
const ENCRYPTION: &[Field] = &[
    STREAM_NAME,
    Field { name: "EncryptionType", ty: Type::String, rules: &[NotNull, OneOf(&["NONE", "KMS"])] },
    Field { name: "KeyId", ty: Type::String, rules: &[NotNull, MinLen(1), MaxLen(2048)] },
];

const METRICS_NAME: Member = Member { ty: Type::String, rules: &[OneOf(METRICS_NAMES)] };
/// EnableEnhancedMonitoring and DisableEnhancedMonitoring (`ops/monitoring.rs`).
const ENHANCED_MONITORING: &[Field] = &[
    Field { name: "ShardLevelMetrics", ty: Type::List(&METRICS_NAME), rules: &[NotNull, MinLen(1), MaxLen(7)] },
    Field { name: "StreamARN", ty: Type::String, rules: STREAM_ARN_RULES },
    Field { name: "StreamName", ty: Type::String, rules: NAME_RULES },
];

const STREAM_ARN_RULES: &[Rule] = &[MinLen(1), MaxLen(2048), Rule::Pattern(Pattern::StreamArn)];
const REQUIRED_STREAM_ARN_RULES: &[Rule] = &[NotNull, MinLen(1), MaxLen(2048), Rule::Pattern(Pattern::StreamArn)];
const CONSUMER_ARN_RULES: &[Rule] = &[MinLen(1), MaxLen(2048), Rule::Pattern(Pattern::ConsumerArn)];
const REQUIRED_CONSUMER_ARN_RULES: &[Rule] = &[NotNull, MinLen(1), MaxLen(2048), Rule::Pattern(Pattern::ConsumerArn)];
const REGISTER_STREAM_CONSUMER: &[Field] = &[
    Field { name: "StreamARN", ty: Type::String, rules: REQUIRED_STREAM_ARN_RULES },
    Field { name: "ConsumerName", ty: Type::String, rules: REQUIRED_NAME_RULES },
    RESOURCE_TAGS_OPTIONAL,
];

/// `ResourceARN` of the resource tag operations (a stream or a consumer).
const RESOURCE_ARN: Field = Field {
    name: "ResourceARN",
    ty: Type::String,
    rules: &[NotNull, MinLen(1), MaxLen(2048), Rule::Pattern(Pattern::ResourceArn)],
};
/// `TagMap` of the current model (1..=200 entries; a resource holds at most 50).
const RESOURCE_TAGS: Field = Field {
    name: "Tags",
    ty: Type::Map(&STRING_MEMBER),
    rules: &[NotNull, MinLen(1), MaxLen(200), ChildKeyLengths(1, 128), ChildValueLengths(0, 256)],
};
const RESOURCE_TAGS_OPTIONAL: Field = Field {
    name: "Tags",
    ty: Type::Map(&STRING_MEMBER),
    rules: &[MinLen(1), MaxLen(200), ChildKeyLengths(1, 128), ChildValueLengths(0, 256)],
};
const TAG_RESOURCE: &[Field] = &[RESOURCE_TAGS, RESOURCE_ARN];
const UNTAG_RESOURCE: &[Field] = &[
    Field {
        name: "TagKeys",
        ty: Type::List(&STRING_MEMBER),
        rules: &[NotNull, MinLen(1), MaxLen(50), ChildLengths(1, 128)],
    },
    RESOURCE_ARN,
];
const LIST_TAGS_FOR_RESOURCE: &[Field] = &[RESOURCE_ARN];
const RECORD_DISTRIBUTION_STRATEGIES: &[&str] = &["AUTO", "USER_PARTITION_KEY"];
const UPDATE_RECORD_DISTRIBUTION: &[Field] = &[
    Field { name: "StreamARN", ty: Type::String, rules: REQUIRED_STREAM_ARN_RULES },
    Field {
        name: "RecordDistributionStrategy",
        ty: Type::String,
        rules: &[NotNull, OneOf(RECORD_DISTRIBUTION_STRATEGIES)],
    },
];
/// DescribeStreamConsumer and DeregisterStreamConsumer: a ConsumerARN, or a StreamARN and a
/// ConsumerName (each optional in the model; the operation checks the combination).
const CONSUMER_ADDRESS: &[Field] = &[
    Field { name: "StreamARN", ty: Type::String, rules: STREAM_ARN_RULES },
    Field { name: "ConsumerName", ty: Type::String, rules: NAME_RULES },
    Field { name: "ConsumerARN", ty: Type::String, rules: CONSUMER_ARN_RULES },
];
const LIST_STREAM_CONSUMERS: &[Field] = &[
    Field { name: "StreamARN", ty: Type::String, rules: REQUIRED_STREAM_ARN_RULES },
    Field { name: "NextToken", ty: Type::String, rules: &[MinLen(1), MaxLen(1_048_576)] },
    Field { name: "MaxResults", ty: Type::Integer, rules: &[Min(1), Max(10_000)] },
    Field { name: "StreamCreationTimestamp", ty: Type::Timestamp, rules: &[] },
];
const STARTING_POSITION: &[Field] = &[
    Field { name: "Type", ty: Type::String, rules: &[NotNull, OneOf(ITERATOR_TYPES)] },
    Field { name: "SequenceNumber", ty: Type::String, rules: &[Rule::Pattern(Pattern::SequenceNumber)] },
    Field { name: "Timestamp", ty: Type::Timestamp, rules: &[] },
];
const SUBSCRIBE_TO_SHARD: &[Field] = &[
    Field { name: "ConsumerARN", ty: Type::String, rules: REQUIRED_CONSUMER_ARN_RULES },
    Field { name: "ShardId", ty: Type::String, rules: REQUIRED_NAME_RULES },
    Field { name: "StartingPosition", ty: Type::Structure(STARTING_POSITION), rules: &[NotNull] },
];

/// Checks types and constraints, then builds the typed input.
fn parse<T: DeserializeOwned>(request: &Value, fields: &[Field]) -> Result<T, ApiError> {
    let obj = check_types(request, fields)?;
    check_rules(&obj, fields)?;
    serde_json::from_value(Value::Object(obj)).map_err(|e| serialization(e.to_string()))
}

fn to_json<T: Serialize>(output: &T) -> Result<Value, ApiError> {
    serde_json::to_value(output).map_err(|_| ApiError::bare(ErrorType::InternalFailure))
}

fn empty() -> Result<Value, ApiError> {
    to_json(&Empty {})
}

impl Engine {
    /// Runs one AWS operation given as its JSON request body; returns the JSON response body.
    pub fn call(&mut self, operation: &str, request: &Value) -> Result<Value, ApiError> {
        let request = resolve_stream_arn(operation, request, &self.identity)?;
        let request = request.as_ref();
        match operation {
            "AddTagsToStream" => {
                self.add_tags_to_stream(parse::<AddTagsInput>(request, ADD_TAGS)?)?;
                empty()
            }
            "CreateStream" => {
                let on_demand =
                    request.pointer("/StreamModeDetails/StreamMode").and_then(Value::as_str) == Some("ON_DEMAND");
                let table = if on_demand { CREATE_STREAM_ON_DEMAND } else { CREATE_STREAM_PROVISIONED };
                self.create_stream(parse::<CreateStreamInput>(request, table)?)?;
                empty()
            }
            "DecreaseStreamRetentionPeriod" => {
                self.decrease_stream_retention_period(parse::<RetentionInput>(request, RETENTION)?)?;
                empty()
            }
            "DeleteStream" => {
                self.delete_stream(parse::<DeleteStreamInput>(request, DELETE_STREAM)?)?;
                empty()
            }
            "DeregisterStreamConsumer" => {
                self.deregister_stream_consumer(parse::<DeregisterStreamConsumerInput>(request, CONSUMER_ADDRESS)?)?;
                empty()
            }
            "DescribeLimits" => {
                check_types(request, &[])?;
                to_json(&self.describe_limits())
            }
            "DescribeStream" => {
                to_json(&self.describe_stream(parse::<DescribeStreamInput>(request, DESCRIBE_STREAM)?)?)
            }
            "DescribeStreamConsumer" => to_json(
                &self.describe_stream_consumer(parse::<DescribeStreamConsumerInput>(request, CONSUMER_ADDRESS)?)?,
            ),
            "DescribeStreamSummary" => {
                to_json(&self.describe_stream_summary(parse::<StreamNameInput>(request, STREAM_ONLY)?)?)
            }
            "DisableEnhancedMonitoring" => {
                to_json(
                    &self
                        .disable_enhanced_monitoring(parse::<EnhancedMonitoringInput>(request, ENHANCED_MONITORING)?)?,
                )
            }
            "EnableEnhancedMonitoring" => to_json(
                &self.enable_enhanced_monitoring(parse::<EnhancedMonitoringInput>(request, ENHANCED_MONITORING)?)?,
            ),
            "GetRecords" => to_json(&self.get_records(parse::<GetRecordsInput>(request, GET_RECORDS)?)?),
            "GetShardIterator" => {
                to_json(&self.get_shard_iterator(parse::<GetShardIteratorInput>(request, GET_SHARD_ITERATOR)?)?)
            }
            "IncreaseStreamRetentionPeriod" => {
                self.increase_stream_retention_period(parse::<RetentionInput>(request, RETENTION)?)?;
                empty()
            }
            "ListShards" => to_json(&self.list_shards(parse::<ListShardsInput>(request, LIST_SHARDS)?)?),
            "ListStreamConsumers" => to_json(
                &self.list_stream_consumers(parse::<ListStreamConsumersInput>(request, LIST_STREAM_CONSUMERS)?)?,
            ),
            "ListStreams" => to_json(&self.list_streams(parse::<ListStreamsInput>(request, LIST_STREAMS)?)?),
            "ListTagsForResource" => to_json(
                &self.list_tags_for_resource(parse::<ListTagsForResourceInput>(request, LIST_TAGS_FOR_RESOURCE)?)?,
            ),
            "ListTagsForStream" => to_json(&self.list_tags_for_stream(parse::<ListTagsInput>(request, LIST_TAGS)?)?),
            "MergeShards" => {
                self.merge_shards(parse::<MergeShardsInput>(request, MERGE_SHARDS)?)?;
                empty()
            }
            "PutRecord" => {
                let table = if self.request_is_auto(request) { PUT_RECORD_AUTO } else { PUT_RECORD };
                to_json(&self.put_record(parse::<PutRecordInput>(request, table)?)?)
            }
            "PutRecords" => {
                let table = if self.request_is_auto(request) { PUT_RECORDS_AUTO } else { PUT_RECORDS };
                to_json(&self.put_records(parse::<PutRecordsInput>(request, table)?)?)
            }
            "RegisterStreamConsumer" => {
                to_json(&self.register_stream_consumer(parse::<RegisterStreamConsumerInput>(
                    request,
                    REGISTER_STREAM_CONSUMER,
                )?)?)
            }
            "RemoveTagsFromStream" => {
                self.remove_tags_from_stream(parse::<RemoveTagsInput>(request, REMOVE_TAGS)?)?;
                empty()
            }
            "SplitShard" => {
                self.split_shard(parse::<SplitShardInput>(request, SPLIT_SHARD)?)?;
                empty()
            }
            "StartStreamEncryption" => {
                self.start_stream_encryption(parse::<EncryptionInput>(request, ENCRYPTION)?)?;
                empty()
            }
            "StopStreamEncryption" => {
                self.stop_stream_encryption(parse::<EncryptionInput>(request, ENCRYPTION)?)?;
                empty()
            }
            "SubscribeToShard" => {
                to_json(&self.subscribe_to_shard_json(parse::<SubscribeToShardInput>(request, SUBSCRIBE_TO_SHARD)?)?)
            }
            "TagResource" => {
                self.tag_resource(parse::<TagResourceInput>(request, TAG_RESOURCE)?)?;
                empty()
            }
            "UntagResource" => {
                self.untag_resource(parse::<UntagResourceInput>(request, UNTAG_RESOURCE)?)?;
                empty()
            }
            "UpdateStreamRecordDistributionStrategy" => {
                self.update_stream_record_distribution_strategy(parse::<UpdateRecordDistributionInput>(
                    request,
                    UPDATE_RECORD_DISTRIBUTION,
                )?)?;
                empty()
            }
            "UpdateShardCount" => {
                to_json(&self.update_shard_count(parse::<UpdateShardCountInput>(request, UPDATE_SHARD_COUNT)?)?)
            }
            "UpdateStreamMode" => {
                self.update_stream_mode(parse::<UpdateStreamModeInput>(request, UPDATE_STREAM_MODE)?)?;
                empty()
            }
            "UpdateMaxRecordSize" => {
                self.update_max_record_size(parse::<UpdateMaxRecordSizeInput>(request, UPDATE_MAX_RECORD_SIZE)?)?;
                empty()
            }
            _ => Err(ApiError::bare(ErrorType::UnknownOperationException)),
        }
    }

    /// Whether a PutRecord/PutRecords request names an `AUTO` stream (its tables then let
    /// `PartitionKey` out).
    fn request_is_auto(&self, request: &Value) -> bool {
        request.get("StreamName").and_then(Value::as_str).is_some_and(|name| self.is_auto(name))
    }

    /// Like [`Engine::call`], but takes the raw request body; a body that is not a JSON object is
    /// a bare `SerializationException`, as AWS answers.
    pub fn call_str(&mut self, operation: &str, body: &str) -> Result<Value, ApiError> {
        if !OPERATIONS.contains(&operation) {
            return Err(ApiError::bare(ErrorType::UnknownOperationException));
        }
        match serde_json::from_str::<Value>(body) {
            Ok(v @ Value::Object(_)) => self.call(operation, &v),
            _ => Err(ApiError::bare(ErrorType::SerializationException)),
        }
    }
}

impl Engine {
    /// SubscribeToShard with the same validation as [`Engine::call`], returning the typed handle
    /// (whose inbox the native endpoint streams as an AWS event stream). Replaying the same
    /// request through [`Engine::call`] changes the engine identically: only the inbox, which is
    /// not part of the digest, is kept here and not there.
    pub fn call_subscribe_to_shard(
        &mut self,
        request: &Value,
    ) -> Result<crate::engine::ops::subscribe_to_shard::SubscribeToShardOutput, ApiError> {
        self.subscribe_to_shard(parse::<SubscribeToShardInput>(request, SUBSCRIBE_TO_SHARD)?)
    }
}
