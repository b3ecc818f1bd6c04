//! AWS errors: the `__type` and the exact message AWS sends.
//!
//! Messages are part of the API, so they are the only English the engine produces. Each
//! constructor cites where the wording comes from (KINESIS.md B11: kinesalite's AWS-validated tests,
//! or AWS documentation). Where AWS's wording is not known, the constructor says "our wording".

use serde_json::{json, Value};
use std::fmt;

/// The `__type` of an AWS Kinesis error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorType {
    /// A constraint on a request field failed (list of items, B11 format).
    ValidationException,
    /// A field had the wrong JSON type (message key is a capital `Message`).
    SerializationException,
    /// The stream or shard does not exist (or is not usable in its state).
    ResourceNotFoundException,
    /// The stream is busy or already exists.
    ResourceInUseException,
    /// A semantically invalid argument.
    InvalidArgumentException,
    /// An account or stream limit was reached.
    LimitExceededException,
    /// A per-shard throughput limit was exceeded.
    ProvisionedThroughputExceededException,
    /// A shard iterator is older than 300 s.
    ExpiredIteratorException,
    /// A `NextToken` is older than 300 s.
    ExpiredNextTokenException,
    /// The operation name is not a Kinesis operation.
    UnknownOperationException,
    /// HTTP 500 with no message.
    InternalFailure,
}

impl ErrorType {
    /// The `__type` string.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorType::ValidationException => "ValidationException",
            ErrorType::SerializationException => "SerializationException",
            ErrorType::ResourceNotFoundException => "ResourceNotFoundException",
            ErrorType::ResourceInUseException => "ResourceInUseException",
            ErrorType::InvalidArgumentException => "InvalidArgumentException",
            ErrorType::LimitExceededException => "LimitExceededException",
            ErrorType::ProvisionedThroughputExceededException => "ProvisionedThroughputExceededException",
            ErrorType::ExpiredIteratorException => "ExpiredIteratorException",
            ErrorType::ExpiredNextTokenException => "ExpiredNextTokenException",
            ErrorType::UnknownOperationException => "UnknownOperationException",
            ErrorType::InternalFailure => "InternalFailure",
        }
    }

    /// The HTTP status AWS answers with.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorType::InternalFailure => 500,
            _ => 400,
        }
    }
}

/// An error answer of the Kinesis API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// The `__type`.
    pub error_type: ErrorType,
    /// The message; `None` only for bodies AWS sends without one (`InternalFailure`,
    /// `UnknownOperationException`).
    pub message: Option<String>,
}

impl ApiError {
    /// An error with a message.
    pub fn new(error_type: ErrorType, message: impl Into<String>) -> Self {
        Self { error_type, message: Some(message.into()) }
    }

    /// An error with only a `__type`.
    pub fn bare(error_type: ErrorType) -> Self {
        Self { error_type, message: None }
    }

    /// The JSON body AWS sends: `{"__type", "message"}`, with a capital `Message` for
    /// `SerializationException` (kinesalite `validations/index.js`, AWS-validated).
    pub fn to_json(&self) -> Value {
        let key = if self.error_type == ErrorType::SerializationException { "Message" } else { "message" };
        match &self.message {
            Some(m) => json!({ "__type": self.error_type.as_str(), key: m }),
            None => json!({ "__type": self.error_type.as_str() }),
        }
    }

    /// The message text, or an empty string.
    pub fn message_text(&self) -> &str {
        self.message.as_deref().unwrap_or("")
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(m) => write!(f, "{}: {}", self.error_type.as_str(), m),
            None => f.write_str(self.error_type.as_str()),
        }
    }
}

impl std::error::Error for ApiError {}

/// Account and region: the identity every message names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// 12-digit AWS account id.
    pub account_id: String,
    /// AWS region, e.g. `us-east-1`.
    pub region: String,
}

use ErrorType::{
    ExpiredIteratorException, InvalidArgumentException, LimitExceededException, ProvisionedThroughputExceededException,
    ResourceInUseException, ResourceNotFoundException, SerializationException,
};

impl Identity {
    /// `arn:aws:kinesis:<region>:<account>:stream/<name>`.
    pub fn stream_arn(&self, stream: &str) -> String {
        format!("arn:aws:kinesis:{}:{}:stream/{}", self.region, self.account_id, stream)
    }

    /// B11: `Stream <S> under account <A> not found.`
    pub fn stream_not_found(&self, stream: &str) -> ApiError {
        ApiError::new(
            ResourceNotFoundException,
            format!("Stream {stream} under account {} not found.", self.account_id),
        )
    }

    /// B11: `Stream <S> under account <A> already exists.`
    pub fn stream_exists(&self, stream: &str) -> ApiError {
        ApiError::new(
            ResourceInUseException,
            format!("Stream {stream} under account {} already exists.", self.account_id),
        )
    }

    /// B11: `Stream <S> under account <A> not ACTIVE, instead in state <STATE>` (no final period).
    pub fn stream_not_active(&self, stream: &str, state: &str) -> ApiError {
        ApiError::new(
            ResourceInUseException,
            format!("Stream {stream} under account {} not ACTIVE, instead in state {state}", self.account_id),
        )
    }

    /// B11: `Shard <id> in stream <S> under account <A> does not exist` (no period).
    pub fn shard_does_not_exist(&self, shard_id: &str, stream: &str) -> ApiError {
        ApiError::new(
            ResourceNotFoundException,
            format!("Shard {shard_id} in stream {stream} under account {} does not exist", self.account_id),
        )
    }

    /// B11: `Could not find shard <raw> in stream <S> under account <A>.`
    pub fn could_not_find_shard(&self, raw: &str, stream: &str) -> ApiError {
        ApiError::new(
            ResourceNotFoundException,
            format!("Could not find shard {raw} in stream {stream} under account {}.", self.account_id),
        )
    }

    /// B11: the account shard limit message.
    pub fn shard_limit(&self, current: u64, limit: u64, additional: u64) -> ApiError {
        ApiError::new(
            LimitExceededException,
            format!(
                "This request would exceed the shard limit for the account {} in {}. Current shard count for the account: {current}. Limit: {limit}. Number of additional shards that would have resulted from this request: {additional}. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.",
                self.account_id, self.region
            ),
        )
    }

    /// B11/B6: `Rate exceeded for shard <id> in stream <S> under account <A>.`
    pub fn rate_exceeded(&self, shard_id: &str, stream: &str) -> ApiError {
        ApiError::new(ProvisionedThroughputExceededException, self.rate_exceeded_message(shard_id, stream))
    }

    /// The throttling message alone, for PutRecords entries.
    pub fn rate_exceeded_message(&self, shard_id: &str, stream: &str) -> String {
        format!("Rate exceeded for shard {shard_id} in stream {stream} under account {}.", self.account_id)
    }

    /// A SubscribeToShard on a consumer that is not `ACTIVE`. AWS's wording as a real
    /// SubscribeToShard answered it (awslabs/kinesis-hot-shard-advisor issue #37):
    /// `Consumer <name> with creation timestamp <secs> under stream: <S> , account <A> is not in
    /// ACTIVE status.`
    pub fn consumer_not_active_for_subscribe(&self, consumer: &str, created_secs: u64, stream: &str) -> ApiError {
        ApiError::new(
            ResourceInUseException,
            format!(
                "Consumer {consumer} with creation timestamp {created_secs} under stream: {stream} , account {} is not in ACTIVE status.",
                self.account_id
            ),
        )
    }

    /// A control-plane call on a consumer that is not `ACTIVE`. AWS's wording as a control-plane
    /// call answered it (aws-cloudformation/cloudformation-coverage-roadmap issue #2442):
    /// `Consumer <name> with creation timestamp <secs> under stream <S> and account <A> is not in
    /// ACTIVE status.`
    pub fn consumer_not_active(&self, consumer: &str, created_secs: u64, stream: &str) -> ApiError {
        ApiError::new(
            ResourceInUseException,
            format!(
                "Consumer {consumer} with creation timestamp {created_secs} under stream {stream} and account {} is not in ACTIVE status.",
                self.account_id
            ),
        )
    }

    /// SubscribeToShard again within 5 s of a successful call. AWS's wording, observed in KCL logs
    /// (awslabs/amazon-kinesis-client issue #391): `Another active subscription exists for this
    /// consumer: <A>:<S>:<shardId>:<consumer name>`.
    pub fn subscription_in_use(&self, stream: &str, shard_id: &str, consumer: &str) -> ApiError {
        ApiError::new(
            ResourceInUseException,
            format!(
                "Another active subscription exists for this consumer: {}:{stream}:{shard_id}:{consumer}",
                self.account_id
            ),
        )
    }

    /// RegisterStreamConsumer with a name already registered on the stream. Our wording (AWS's
    /// text is not published), shaped like AWS's stream and consumer messages.
    pub fn consumer_exists(&self, consumer: &str, stream: &str) -> ApiError {
        ApiError::new(
            ResourceInUseException,
            format!("Consumer {consumer} under stream {stream} and account {} already exists.", self.account_id),
        )
    }

    /// DeleteStream of a stream with registered consumers without `EnforceConsumerDeletion`
    /// (API reference, DeleteStream: "the call to DeleteStream fails with a
    /// ResourceInUseException"). Our wording (AWS's text is not published).
    pub fn stream_has_consumers(&self, stream: &str) -> ApiError {
        ApiError::new(
            ResourceInUseException,
            format!(
                "Stream {stream} under account {} has registered consumers. Set EnforceConsumerDeletion to delete it with its consumers.",
                self.account_id
            ),
        )
    }

    /// No consumer of that name on the stream. Our wording (AWS's text is not published).
    pub fn consumer_not_found(&self, consumer: &str, stream: &str) -> ApiError {
        ApiError::new(
            ResourceNotFoundException,
            format!("Consumer {consumer} under stream {stream} and account {} not found.", self.account_id),
        )
    }

    /// No consumer has that ARN. Our wording (AWS's text is not published).
    pub fn consumer_arn_not_found(&self, consumer_arn: &str) -> ApiError {
        ApiError::new(
            ResourceNotFoundException,
            format!("Consumer {consumer_arn} under account {} not found.", self.account_id),
        )
    }

    /// B11: `Shard <id> in stream <S> under account <A> has already been merged or split, and thus is
    /// not eligible for merging or splitting.` (moto, checked against AWS).
    pub fn shard_closed(&self, shard_id: &str, stream: &str) -> ApiError {
        ApiError::new(
            InvalidArgumentException,
            format!(
                "Shard {shard_id} in stream {stream} under account {} has already been merged or split, and thus is not eligible for merging or splitting.",
                self.account_id
            ),
        )
    }
}

/// B11: `Invalid ShardIterator.`
pub fn invalid_iterator() -> ApiError {
    ApiError::new(InvalidArgumentException, "Invalid ShardIterator.")
}

/// B11: the `ExpiredIteratorException` wording with Java `Date.toString()` times.
pub fn expired_iterator(created: crate::engine::time::SimTime, now: crate::engine::time::SimTime) -> ApiError {
    ApiError::new(
        ExpiredIteratorException,
        format!(
            "Iterator expired. The iterator was created at time {} while right now it is {} which is further in the future than the tolerated delay of 300000 milliseconds.",
            created.java_date_string(),
            now.java_date_string()
        ),
    )
}

/// An `InvalidArgumentException` with the given message.
pub fn invalid_argument(message: impl Into<String>) -> ApiError {
    ApiError::new(InvalidArgumentException, message)
}

/// A `LimitExceededException` with the given message.
pub fn limit_exceeded(message: impl Into<String>) -> ApiError {
    ApiError::new(LimitExceededException, message)
}

/// A `SerializationException` with the given message.
pub fn serialization(message: impl Into<String>) -> ApiError {
    ApiError::new(SerializationException, message)
}
