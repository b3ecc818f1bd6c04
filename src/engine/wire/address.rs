//! How a request names its stream: `StreamName`, `StreamARN`, or both.
//!
//! AWS facts reproduced (API reference, e.g.
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStream.html>: "When
//! invoking this API, you must use either the StreamARN or the StreamName parameter, or both";
//! botocore's current `kinesis/2013-12-02/service-2.json` gives every operation in
//! [`STREAM_ADDRESSED`] an optional `StreamARN` member, shape `StreamARN`: 1..=2048 characters,
//! pattern `arn:aws.*:kinesis:.*:\d{12}:stream/\S+`):
//! - A `StreamARN` of the wrong JSON type is a `SerializationException`, one that breaks its
//!   length or pattern a `ValidationException` (`… at 'streamARN' failed to satisfy
//!   constraint: …`), as for every other member.
//! - A well-formed ARN names the stream after `stream/`; the request then goes on as if it had
//!   given that `StreamName`.
//! - ListShards: `NextToken` identifies the stream by itself, so a `StreamARN` beside it is an
//!   `InvalidArgumentException`, worded like AWS's (kinesalite-validated) message for
//!   `StreamName` beside `NextToken`.
//!
//! Assumptions, stated in the README's model assumptions (AWS publishes no message for these):
//! - `StreamName` and `StreamARN` naming different streams: `InvalidArgumentException`
//!   [`MISMATCH_MESSAGE`].
//! - An ARN of another account or region: `ResourceNotFoundException`, the usual
//!   `Stream <name> under account <our account> not found.` (there is no cross-account access
//!   here; UpdateStreamMode answered this way already).
//! - Neither member: the request is left as is, so the table's `StreamName` rule answers with the
//!   kinesalite-validated `Value null at 'streamName' failed to satisfy constraint: Member must not
//!   be null` (operations whose `StreamName` was optional before ARNs keep their own message).

use crate::engine::error::{invalid_argument, ApiError, Identity};
use crate::engine::wire::validation::{check_rules, check_types, parse_stream_arn, Field, Pattern, Rule, Type};
use serde_json::Value;
use std::borrow::Cow;

/// Operations that take `StreamName` and an optional `StreamARN` (botocore's current model).
/// UpdateStreamMode, UpdateMaxRecordSize, RegisterStreamConsumer, ListStreamConsumers and the
/// consumer operations take a `StreamARN` of their own, checked by their tables.
pub const STREAM_ADDRESSED: &[&str] = &[
    "AddTagsToStream",
    "DecreaseStreamRetentionPeriod",
    "DeleteStream",
    "DescribeStream",
    "DescribeStreamSummary",
    "DisableEnhancedMonitoring",
    "EnableEnhancedMonitoring",
    "GetShardIterator",
    "IncreaseStreamRetentionPeriod",
    "ListShards",
    "ListTagsForStream",
    "MergeShards",
    "PutRecord",
    "PutRecords",
    "RemoveTagsFromStream",
    "SplitShard",
    "StartStreamEncryption",
    "StopStreamEncryption",
    "UpdateShardCount",
];

/// The engine's message when `StreamName` and `StreamARN` name different streams (AWS publishes
/// none).
pub const MISMATCH_MESSAGE: &str = "StreamARN and StreamName must refer to the same stream.";

/// The optional `StreamARN` member of the current model.
pub const STREAM_ARN: Field = Field {
    name: "StreamARN",
    ty: Type::String,
    rules: &[Rule::MinLen(1), Rule::MaxLen(2048), Rule::Pattern(Pattern::StreamArn)],
};

/// Rewrites a request that names its stream by `StreamARN` into the `StreamName` form the
/// operation tables read; see the module docs for the errors. `operation` must be one of
/// [`STREAM_ADDRESSED`]; other requests come back unchanged.
pub fn resolve_stream_arn<'a>(
    operation: &str,
    request: &'a Value,
    identity: &Identity,
) -> Result<Cow<'a, Value>, ApiError> {
    let Some(obj) = request.as_object() else {
        return Ok(Cow::Borrowed(request));
    };
    // The member lookup first: most requests have no StreamARN.
    if obj.get("StreamARN").is_none_or(Value::is_null) || !STREAM_ADDRESSED.contains(&operation) {
        return Ok(Cow::Borrowed(request));
    }
    let checked = check_types(request, &[STREAM_ARN])?;
    check_rules(&checked, &[STREAM_ARN])?;
    let Some(arn) = checked.get("StreamARN").and_then(Value::as_str) else {
        return Ok(Cow::Borrowed(request));
    };
    if operation == "ListShards" && obj.get("NextToken").is_some_and(|t| !t.is_null()) {
        return Err(invalid_argument("NextToken and StreamARN cannot be provided together."));
    }
    let Some((region, account, name)) = parse_stream_arn(arn) else {
        return Err(invalid_argument(format!("Invalid StreamARN {arn}.")));
    };
    if let Some(given) = obj.get("StreamName").and_then(Value::as_str) {
        if given != name {
            return Err(invalid_argument(MISMATCH_MESSAGE));
        }
    }
    if region != identity.region || account != identity.account_id {
        return Err(identity.stream_not_found(name));
    }
    let mut out = obj.clone();
    out.insert("StreamName".into(), Value::from(name));
    Ok(Cow::Owned(Value::Object(out)))
}
