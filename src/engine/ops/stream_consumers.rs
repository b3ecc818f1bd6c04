//! RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers and
//! DeregisterStreamConsumer: the registry of enhanced fan-out (EFO) consumers.
//!
//! AWS facts reproduced (KINESIS.md B10; AWS API reference `RegisterStreamConsumer`,
//! `DescribeStreamConsumer`, `ListStreamConsumers`, `DeregisterStreamConsumer`):
//! - A consumer is registered on a stream ARN under a `ConsumerName` (`[a-zA-Z0-9_.-]+`,
//!   1..=128). Its ARN is `<stream ARN>/consumer/<name>:<creation epoch seconds>`, so a name
//!   registered again later gets a new ARN. It is `CREATING`, then `ACTIVE`; deregistering makes it
//!   `DELETING`, then it is gone. A stream holds at most 20 consumers and at most 5 may be
//!   `CREATING` at once (LimitExceededException); a name already registered on the stream is
//!   ResourceInUseException. Consumers disappear with their stream.
//! - Describe and Deregister address a consumer by its `ConsumerARN`, or by `StreamARN` and
//!   `ConsumerName`; ListStreamConsumers pages by at most 100 with a `NextToken`.
//!
//! Simplifications:
//! - `CREATING → ACTIVE` and `DELETING → gone` take the engine's `update_delay_ms` (3 s by
//!   default), like a stream update; AWS takes some seconds and does not publish a figure.
//! - DeregisterStreamConsumer needs an `ACTIVE` consumer (as kinesis-mock does); AWS's rule for a
//!   `CREATING` consumer is not documented.
//! - Consumer-level resource policies, tags and the On-demand Advantage limit (50 consumers) are
//!   not modelled.
//!
//! SubscribeToShard, which reads through a registered consumer, is in `subscribe_to_shard.rs`.

use crate::engine::error::{invalid_argument, limit_exceeded, ApiError, ErrorType};
use crate::engine::events::Event;
use crate::engine::state::consumer::{Consumer, ConsumerKey, ConsumerStatus};
use crate::engine::state::stream::{Stream, StreamKey, StreamStatus};
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::wire::pagination::{check_token_age, invalid_next_token, ConsumerPageToken};
use crate::engine::wire::shapes::epoch_seconds;
use crate::engine::wire::validation::{parse_stream_arn, validation_item, validation_result, Pattern, Type};
use crate::engine::{Engine, Scheduled};
use serde::{Deserialize, Serialize};

/// Consumers a stream may hold (AWS: 20; 50 with On-demand Advantage, not modelled).
pub const MAX_CONSUMERS_PER_STREAM: usize = 20;
/// Consumers of one stream that may be `CREATING` at once (RegisterStreamConsumer reference).
pub const MAX_CREATING_CONSUMERS: usize = 5;
/// Default and largest ListStreamConsumers page ("If you specify a value greater than 100, at
/// most 100 results are returned").
pub const LIST_CONSUMERS_PAGE: usize = 100;

/// `Consumer` on the wire (RegisterStreamConsumer, ListStreamConsumers).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConsumerShape {
    /// Name.
    pub consumer_name: String,
    /// ARN.
    #[serde(rename = "ConsumerARN")]
    pub consumer_arn: String,
    /// `CREATING`, `ACTIVE` or `DELETING`.
    pub consumer_status: String,
    /// Registration time, epoch seconds.
    #[serde(serialize_with = "epoch_seconds")]
    pub consumer_creation_timestamp: SimTime,
}

impl From<&Consumer> for ConsumerShape {
    fn from(c: &Consumer) -> Self {
        Self {
            consumer_name: c.name.clone(),
            consumer_arn: c.arn.clone(),
            consumer_status: c.status.as_str().into(),
            consumer_creation_timestamp: c.created,
        }
    }
}

/// `ConsumerDescription` on the wire (DescribeStreamConsumer).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConsumerDescription {
    /// Name, ARN, status, creation time.
    #[serde(flatten)]
    pub consumer: ConsumerShape,
    /// The stream it is registered with.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
}

/// RegisterStreamConsumer request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RegisterStreamConsumerInput {
    /// Stream ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// Name for the consumer (unique per stream).
    pub consumer_name: String,
    /// Tags to set on the new consumer (the current model's `Tags`, up to 50).
    #[serde(default)]
    pub tags: Option<std::collections::BTreeMap<String, String>>,
}

/// RegisterStreamConsumer response.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RegisterStreamConsumerOutput {
    /// The new consumer (`CREATING`).
    pub consumer: ConsumerShape,
}

/// DescribeStreamConsumer request: a `ConsumerARN`, or a `StreamARN` and `ConsumerName` (all
/// three are accepted if they agree).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStreamConsumerInput {
    /// Stream ARN.
    #[serde(rename = "StreamARN", default)]
    pub stream_arn: Option<String>,
    /// Consumer name.
    #[serde(default)]
    pub consumer_name: Option<String>,
    /// Consumer ARN.
    #[serde(rename = "ConsumerARN", default)]
    pub consumer_arn: Option<String>,
}

/// DeregisterStreamConsumer request (the same addressing as DescribeStreamConsumer).
pub type DeregisterStreamConsumerInput = DescribeStreamConsumerInput;

/// DescribeStreamConsumer response.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStreamConsumerOutput {
    /// The consumer.
    pub consumer_description: ConsumerDescription,
}

/// ListStreamConsumers request.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStreamConsumersInput {
    /// Stream ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// Page size (1..=10000; at most 100 are returned, default 100).
    #[serde(default)]
    pub max_results: Option<i64>,
    /// Token from a previous page (valid 300 s).
    #[serde(default)]
    pub next_token: Option<String>,
    /// Accepted for shape compatibility.
    #[serde(default)]
    pub stream_creation_timestamp: Option<f64>,
}

/// ListStreamConsumers response.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStreamConsumersOutput {
    /// One page of consumers, in registration order.
    pub consumers: Vec<ConsumerShape>,
    /// Token for the next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Engine {
    /// Registered consumers of every stream, in registration order.
    pub fn consumers(&self) -> impl Iterator<Item = &Consumer> + '_ {
        self.consumers.by_key.values()
    }

    /// Consumers registered with the stream named `stream` (DescribeStreamSummary's
    /// `ConsumerCount`).
    pub fn consumer_count(&self, stream: &str) -> u64 {
        let Some(key) = self.streams.get(stream).map(|s| s.key) else {
            return 0;
        };
        self.consumers.by_key.values().filter(|c| c.stream == key).count() as u64
    }

    /// The stream a stream ARN names, or AWS's "not found".
    fn stream_for_arn(&self, arn: &str) -> Result<&Stream, ApiError> {
        match parse_stream_arn(arn) {
            Some((region, account, name)) if region == self.identity.region && account == self.identity.account_id => {
                self.existing_stream(name)
            }
            Some((_, _, name)) => Err(self.identity.stream_not_found(name)),
            // Only typed callers get here (JSON requests are checked against the pattern first);
            // our wording, as UpdateStreamMode's.
            None => Err(invalid_argument(format!("Invalid StreamARN {arn}."))),
        }
    }

    /// The consumer addressed by a ConsumerARN, or by a StreamARN and ConsumerName.
    fn resolve_consumer(&self, input: &DescribeStreamConsumerInput) -> Result<ConsumerKey, ApiError> {
        if let Some(arn) = &input.consumer_arn {
            let Some(c) = self.consumers.by_key.values().find(|c| &c.arn == arn) else {
                return Err(self.identity.consumer_arn_not_found(arn));
            };
            let conflict = input.stream_arn.as_ref().is_some_and(|s| s != &c.stream_arn)
                || input.consumer_name.as_ref().is_some_and(|n| n != &c.name);
            if conflict {
                // Our wording: AWS only documents that the three must not conflict.
                return Err(invalid_argument(format!(
                    "ConsumerARN {arn} does not match the StreamARN and ConsumerName of the request."
                )));
            }
            return Ok(c.key);
        }
        let (Some(stream_arn), Some(name)) = (&input.stream_arn, &input.consumer_name) else {
            // Our wording (AWS's text is not published).
            return Err(invalid_argument("Either ConsumerARN or both StreamARN and ConsumerName must be provided."));
        };
        let stream = self.stream_for_arn(stream_arn)?;
        self.consumers
            .by_key
            .values()
            .find(|c| c.stream == stream.key && &c.name == name)
            .map(|c| c.key)
            .ok_or_else(|| self.identity.consumer_not_found(name, &stream.name))
    }

    /// RegisterStreamConsumer.
    pub fn register_stream_consumer(
        &mut self,
        input: RegisterStreamConsumerInput,
    ) -> Result<RegisterStreamConsumerOutput, ApiError> {
        let name = input.consumer_name;
        // Typed callers get the JSON table's checks too.
        let name_len = name.encode_utf16().count();
        let mut shape = Vec::new();
        let item = |rule: &str| {
            validation_item(Some(&serde_json::Value::from(name.as_str())), Type::String, "consumerName", rule)
        };
        if !Pattern::Name.matches(&name) {
            shape.push(item("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
        }
        if name_len > 128 {
            shape.push(item("Member must have length less than or equal to 128"));
        }
        validation_result(shape)?;
        let stream = self.stream_for_arn(&input.stream_arn)?;
        if !matches!(stream.status, StreamStatus::Active | StreamStatus::Updating) {
            return Err(self.identity.stream_not_active(&stream.name, stream.status.as_str()));
        }
        let (stream_key, stream_name, stream_arn) = (stream.key, stream.name.clone(), stream.arn.clone());
        let mine: Vec<&Consumer> = self.consumers.by_key.values().filter(|c| c.stream == stream_key).collect();
        if mine.iter().any(|c| c.name == name) {
            return Err(self.identity.consumer_exists(&name, &stream_name));
        }
        let account = &self.identity.account_id;
        if mine.len() >= MAX_CONSUMERS_PER_STREAM {
            // Our wording: AWS documents the limit, not its message.
            return Err(limit_exceeded(format!(
                "This request would exceed the limit of {MAX_CONSUMERS_PER_STREAM} consumers registered to stream {stream_name} under account {account}."
            )));
        }
        if mine.iter().filter(|c| c.status == ConsumerStatus::Creating).count() >= MAX_CREATING_CONSUMERS {
            // Our wording, as above.
            return Err(limit_exceeded(format!(
                "This request would exceed the limit of {MAX_CREATING_CONSUMERS} consumers in CREATING state for stream {stream_name} under account {account}."
            )));
        }
        let key = self.consumers.next_key;
        self.consumers.next_key += 1;
        let secs = self.now.secs();
        let consumer = Consumer {
            key,
            arn: format!("{stream_arn}/consumer/{name}:{secs}"),
            name: name.clone(),
            status: ConsumerStatus::Creating,
            created: SimTime(secs * SECOND_MS),
            stream: stream_key,
            stream_name,
            stream_arn,
            tags: input.tags.unwrap_or_default(),
        };
        let shape = ConsumerShape::from(&consumer);
        self.consumers.by_key.insert(key, consumer);
        self.emit(Event::ConsumerRegistered { at: self.now, stream: stream_key, consumer: key, name });
        self.schedule(self.config.update_delay_ms, Scheduled::ConsumerActive(key));
        Ok(RegisterStreamConsumerOutput { consumer: shape })
    }

    /// DescribeStreamConsumer.
    pub fn describe_stream_consumer(
        &self,
        input: DescribeStreamConsumerInput,
    ) -> Result<DescribeStreamConsumerOutput, ApiError> {
        let key = self.resolve_consumer(&input)?;
        let Some(c) = self.consumers.by_key.get(&key) else {
            return Err(ApiError::bare(ErrorType::InternalFailure));
        };
        Ok(DescribeStreamConsumerOutput {
            consumer_description: ConsumerDescription {
                consumer: ConsumerShape::from(c),
                stream_arn: c.stream_arn.clone(),
            },
        })
    }

    /// ListStreamConsumers.
    pub fn list_stream_consumers(
        &self,
        input: ListStreamConsumersInput,
    ) -> Result<ListStreamConsumersOutput, ApiError> {
        let stream = self.stream_for_arn(&input.stream_arn)?;
        let after = match &input.next_token {
            Some(text) => {
                let token = ConsumerPageToken::decode(text)
                    .filter(|t| t.stream == stream.key)
                    .ok_or_else(invalid_next_token)?;
                check_token_age(token.issued, self.now)?;
                Some(token.after)
            }
            None => None,
        };
        let page = usize::try_from(input.max_results.unwrap_or(100).clamp(1, 10_000))
            .unwrap_or(LIST_CONSUMERS_PAGE)
            .min(LIST_CONSUMERS_PAGE);
        let matching: Vec<&Consumer> = self
            .consumers
            .by_key
            .values()
            .filter(|c| c.stream == stream.key && after.is_none_or(|a| c.key > a))
            .collect();
        let has_more = matching.len() > page;
        let shown: Vec<&Consumer> = matching.into_iter().take(page).collect();
        let next_token = match (has_more, shown.last()) {
            (true, Some(last)) => {
                Some(ConsumerPageToken { stream: stream.key, after: last.key, issued: self.now }.encode())
            }
            _ => None,
        };
        Ok(ListStreamConsumersOutput { consumers: shown.into_iter().map(ConsumerShape::from).collect(), next_token })
    }

    /// DeregisterStreamConsumer: the consumer turns `DELETING`, its subscriptions end, and it is
    /// gone after `update_delay_ms`.
    pub fn deregister_stream_consumer(&mut self, input: DeregisterStreamConsumerInput) -> Result<(), ApiError> {
        let key = self.resolve_consumer(&input)?;
        let Some(c) = self.consumers.by_key.get_mut(&key) else {
            return Err(ApiError::bare(ErrorType::InternalFailure));
        };
        if c.status != ConsumerStatus::Active {
            return Err(self.identity.consumer_not_active(&c.name, c.created.secs(), &c.stream_name));
        }
        c.status = ConsumerStatus::Deleting;
        let stream = c.stream;
        self.emit(Event::ConsumerStatusChanged {
            at: self.now,
            stream,
            consumer: key,
            status: ConsumerStatus::Deleting,
        });
        self.end_consumer_subscriptions(key);
        self.schedule(self.config.update_delay_ms, Scheduled::ConsumerGone(key));
        Ok(())
    }

    /// Stream-deletion hook: its subscriptions end and its consumers disappear.
    pub(crate) fn efo_stream_deleted(&mut self, stream: StreamKey) {
        self.end_stream_subscriptions(stream);
        let gone: Vec<ConsumerKey> =
            self.consumers.by_key.values().filter(|c| c.stream == stream).map(|c| c.key).collect();
        for key in gone {
            self.efo_consumer_gone(key);
        }
    }

    /// `CREATING → ACTIVE` (from the event queue).
    pub(crate) fn efo_consumer_active(&mut self, key: ConsumerKey) {
        let Some(c) = self.consumers.by_key.get_mut(&key) else {
            return;
        };
        if c.status != ConsumerStatus::Creating {
            return;
        }
        c.status = ConsumerStatus::Active;
        let stream = c.stream;
        self.emit(Event::ConsumerStatusChanged { at: self.now, stream, consumer: key, status: ConsumerStatus::Active });
    }

    /// `DELETING → gone` (from the event queue, or with its stream).
    pub(crate) fn efo_consumer_gone(&mut self, key: ConsumerKey) {
        let Some(c) = self.consumers.by_key.remove(&key) else {
            return;
        };
        self.subscriptions.pipes.retain(|(consumer, _), _| *consumer != key);
        self.emit(Event::ConsumerDeleted { at: self.now, stream: c.stream, consumer: key });
    }
}
