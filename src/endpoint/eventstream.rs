//! SubscribeToShard's answer as an AWS event stream (`application/vnd.amazon.eventstream`).
//!
//! The framing (prelude, headers, CRCs) is written by `aws-smithy-eventstream`, the crate the
//! AWS SDK for Rust uses. The messages follow the SubscribeToShard API reference and the smithy
//! event-stream spec (`smithy.api#streaming` unions over `awsJson1_1`):
//! - first an `initial-response` event (`:message-type` `event`, `:event-type`
//!   `initial-response`) with an empty structure as payload;
//! - then one `SubscribeToShardEvent` event per push of the engine, its payload the event's
//!   members (`Records`, `ContinuationSequenceNumber`, `MillisBehindLatest`, `ChildShards`);
//! - an error after the stream started is a message with `:message-type` `exception` and
//!   `:exception-type` the error's `__type`, its payload the error body.
//!
//! Payloads use the request's protocol: JSON for `application/x-amz-json-1.1` callers, CBOR for
//! `application/x-amz-cbor-1.1` ones (the Java SDK and the KCL).

use crate::endpoint::cbor;
use aws_smithy_eventstream::frame::write_message_to;
use aws_smithy_types::event_stream::{Header, HeaderValue, Message};
use bytes::Bytes;
use serde_json::Value;

/// The content type of an event-stream response.
pub const CONTENT_TYPE: &str = "application/vnd.amazon.eventstream";

/// How payloads are encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payload {
    /// `application/x-amz-json-1.1`.
    Json,
    /// `application/x-amz-cbor-1.1`.
    Cbor,
}

impl Payload {
    fn content_type(self) -> &'static str {
        match self {
            Payload::Json => "application/x-amz-json-1.1",
            Payload::Cbor => "application/x-amz-cbor-1.1",
        }
    }

    fn encode(self, value: &Value) -> Vec<u8> {
        match self {
            Payload::Json => serde_json::to_vec(value).unwrap_or_default(),
            Payload::Cbor => cbor::encode(value),
        }
    }
}

fn header(name: &'static str, value: &str) -> Header {
    Header::new(name, HeaderValue::String(value.to_owned().into()))
}

fn frame(message: &Message) -> Bytes {
    let mut out = Vec::with_capacity(message.payload().len() + 128);
    // Only a message over the 16 MiB frame limit fails to encode; an empty frame then ends
    // nothing and the client sees the stream stop.
    if write_message_to(message, &mut out).is_err() {
        out.clear();
    }
    Bytes::from(out)
}

/// An event message of type `event_type` with `payload`.
pub fn event(event_type: &str, payload: &Value, encoding: Payload) -> Bytes {
    let message = Message::new(encoding.encode(payload))
        .add_header(header(":event-type", event_type))
        .add_header(header(":content-type", encoding.content_type()))
        .add_header(header(":message-type", "event"));
    frame(&message)
}

/// The `initial-response` event.
pub fn initial_response(encoding: Payload) -> Bytes {
    event("initial-response", &serde_json::json!({}), encoding)
}

/// An exception message for an error `__type` and body.
pub fn exception(error_type: &str, body: &Value, encoding: Payload) -> Bytes {
    let message = Message::new(encoding.encode(body))
        .add_header(header(":exception-type", error_type))
        .add_header(header(":content-type", encoding.content_type()))
        .add_header(header(":message-type", "exception"));
    frame(&message)
}
