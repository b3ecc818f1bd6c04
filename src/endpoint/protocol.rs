//! The Kinesis wire protocol: target parsing, JSON 1.1 and CBOR 1.1 bodies, errors.
//!
//! Sources: the AWS JSON 1.1 protocol (smithy `aws.protocols#awsJson1_1`: `POST /`,
//! `X-Amz-Target: Kinesis_20131202.<Operation>`, `Content-Type: application/x-amz-json-1.1`,
//! errors as `{"__type", "message"}` with HTTP 400, or 500 for `InternalFailure`); the Kinesis
//! API reference "Common Errors"; and kinesalite 3.3.3's `index.js`, whose request checks were
//! validated against AWS. The order of checks is kinesalite's:
//! 1. a body over [`MAX_BODY_BYTES`] → 413 with no body;
//! 2. `OPTIONS` with an `Origin` → CORS preflight; any other method but `POST` →
//!    403 `AccessDeniedException` (XML), "Unable to determine service/operation name to be
//!    authorized";
//! 3. an empty body → `SerializationException` (valid target) or `UnknownOperationException`;
//! 4. a content type that is none of JSON 1.1, CBOR 1.1, `application/json` → 403
//!    `AccessDeniedException` (no target) or 404 `UnknownOperationException` (XML);
//! 5. a body that does not parse to an object → `SerializationException`;
//!    `application/json` answers the coral envelope `{"Output": {"__type": …}, "Version": "1.0"}`;
//! 6. an unknown service or operation → `UnknownOperationException`;
//! 7. authentication present: `MissingAuthenticationTokenException` without `Authorization`
//!    nor `X-Amz-Algorithm`, `IncompleteSignatureException` when a part is missing. **The
//!    signature itself is never checked** (a local endpoint has no secret to check it with).
//!
//! Every answer after the body is read carries `x-amzn-RequestId` (UUID-shaped) and
//! `x-amz-id-2`, made from a counter (no OS entropy, so a run is reproducible).

use crate::endpoint::cbor;
use crate::engine::error::ApiError;
use crate::engine::ErrorType;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{HeaderMap, Response, StatusCode};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};

/// The response body type of every handler.
pub type Body = UnsyncBoxBody<Bytes, std::io::Error>;

/// AWS JSON 1.1.
pub const AMZ_JSON: &str = "application/x-amz-json-1.1";
/// AWS CBOR 1.1 (the Java SDK's default for Kinesis).
pub const AMZ_CBOR: &str = "application/x-amz-cbor-1.1";
/// The one API version Kinesis has.
pub const SERVICE: &str = "Kinesis_20131202";

/// Operations with no output shape in the Kinesis API model (botocore's `service-2.json` lists
/// no `output` for them): a success is HTTP 200 with an **empty body**, as the API reference says
/// for each ("If the action is successful, the service sends back an HTTP 200 response with an
/// empty HTTP body", e.g. <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html>)
/// and as kinesalite's AWS-validated suite checks (`res.body.should.equal('')`).
pub const NO_OUTPUT: [&str; 17] = [
    "AddTagsToStream",
    "CreateStream",
    "DecreaseStreamRetentionPeriod",
    "DeleteResourcePolicy",
    "DeleteStream",
    "DeregisterStreamConsumer",
    "IncreaseStreamRetentionPeriod",
    "MergeShards",
    "PutResourcePolicy",
    "RemoveTagsFromStream",
    "SplitShard",
    "StartStreamEncryption",
    "StopStreamEncryption",
    "TagResource",
    "UntagResource",
    "UpdateMaxRecordSize",
    "UpdateStreamMode",
];

/// Largest request body accepted, bytes. AWS: a PutRecords request holds up to 500 records and
/// "up to 10 MiB for the entire request, including partition keys" (API reference, PutRecords;
/// 10 MiB since UpdateMaxRecordSize raised the record size in 2025). JSON carries `Data` as
/// base64 (4/3 of the bytes), plus field names and keys: 10 MiB × 4/3 + 1 MiB of overhead.
/// A larger body gets 413 with no body, as kinesalite answers past its own cap.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024 * 4 / 3 + 1024 * 1024;

/// The protocol of a request body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// `application/x-amz-json-1.1`.
    Json,
    /// `application/x-amz-cbor-1.1`.
    Cbor,
    /// `application/json` (the coral envelope, never reaches an operation).
    PlainJson,
}

impl Protocol {
    /// The protocol of a `Content-Type` value (parameters ignored).
    pub fn of(content_type: &str) -> Option<Protocol> {
        match content_type.split(';').next().unwrap_or("").trim() {
            AMZ_JSON => Some(Protocol::Json),
            AMZ_CBOR => Some(Protocol::Cbor),
            "application/json" => Some(Protocol::PlainJson),
            _ => None,
        }
    }

    /// The `Content-Type` of this protocol's answers.
    pub fn content_type(self) -> &'static str {
        match self {
            Protocol::Json => AMZ_JSON,
            Protocol::Cbor => AMZ_CBOR,
            Protocol::PlainJson => "application/json",
        }
    }

    /// Decodes a body; `None` unless it is one object.
    pub fn decode(self, body: &[u8]) -> Option<Value> {
        let v = match self {
            Protocol::Cbor => cbor::decode(body)?,
            _ => serde_json::from_slice::<Value>(body).ok()?,
        };
        v.is_object().then_some(v)
    }

    /// Encodes a body.
    pub fn encode(self, value: &Value) -> Vec<u8> {
        match self {
            Protocol::Cbor => cbor::encode(value),
            _ => serde_json::to_vec(value).unwrap_or_default(),
        }
    }
}

/// The operation named by `X-Amz-Target`: `(service valid, operation)`.
pub fn parse_target(target: Option<&str>) -> (Option<&str>, Option<&str>) {
    let Some(t) = target else { return (None, None) };
    let mut parts = t.split('.');
    let service = parts.next().filter(|s| !s.is_empty());
    let operation = parts.next().filter(|s| !s.is_empty());
    (service, operation)
}

/// Deterministic request ids: a counter through SplitMix64, laid out as a version-4 UUID.
#[derive(Debug, Default)]
pub struct RequestIds {
    next: AtomicU64,
}

fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl RequestIds {
    /// The next `(x-amzn-RequestId, x-amz-id-2)` pair.
    pub fn next(&self) -> (String, String) {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let a = splitmix64(n.wrapping_mul(2));
        let b = splitmix64(n.wrapping_mul(2).wrapping_add(1));
        let id = format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | (b >> 48 & 0x3fff),
            b & 0xffff_ffff_ffff
        );
        let mut raw = Vec::with_capacity(72);
        let mut s = a ^ b;
        while raw.len() < 72 {
            s = splitmix64(s);
            raw.extend_from_slice(&s.to_be_bytes());
        }
        raw.truncate(72);
        (id, STANDARD.encode(raw))
    }
}

/// A body from bytes.
pub fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into()).map_err(|never| match never {}).boxed_unsync()
}

/// A response with a status, a content type (or none) and a body.
pub fn response(status: u16, content_type: Option<&str>, body: impl Into<Bytes>) -> Response<Body> {
    let body: Bytes = body.into();
    let mut r = Response::new(full(body.clone()));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if let Some(ct) = content_type {
        if let Ok(v) = HeaderValue::from_str(ct) {
            r.headers_mut().insert(CONTENT_TYPE, v);
        }
    }
    r.headers_mut().insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    r
}

/// A body in the request's protocol.
pub fn encoded(protocol: Protocol, status: u16, value: &Value) -> Response<Body> {
    response(status, Some(protocol.content_type()), protocol.encode(value))
}

/// An engine error in the request's protocol.
pub fn api_error(protocol: Protocol, e: &ApiError) -> Response<Body> {
    encoded(protocol, e.error_type.http_status(), &e.to_json())
}

/// A bare `{"__type": …}` answer with HTTP 400.
pub fn bare(protocol: Protocol, error_type: ErrorType) -> Response<Body> {
    encoded(protocol, 400, &json!({ "__type": error_type.as_str() }))
}

/// An error for a request whose content type is not an AWS one: XML, as kinesalite
/// (AWS-validated) answers. `status` `None` is the 403 with a message.
pub fn xml_error(error_type: &str, message: Option<&str>, status: u16) -> Response<Body> {
    let body = match message {
        Some(m) => format!("<{error_type}>\n  <Message>{m}</Message>\n</{error_type}>\n"),
        None => format!("<{error_type}/>\n"),
    };
    response(status, None, body)
}

/// An `{"__type", "message"}` error in the request's protocol, or XML when the content type is
/// not an AWS one (kinesalite `sendError`).
pub fn error_with_message(protocol: Option<Protocol>, error_type: &str, message: &str) -> Response<Body> {
    match protocol {
        Some(p) => encoded(p, 400, &json!({ "__type": error_type, "message": message })),
        None => xml_error(error_type, Some(message), 403),
    }
}

/// The authentication checks of step 7 (presence only; signatures are not verified).
pub fn check_auth(headers: &HeaderMap, query: Option<&str>) -> Option<(&'static str, String)> {
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok());
    let query_params: Vec<(String, String)> = query
        .map(|q| {
            q.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let mut kv = p.splitn(2, '=');
                    (kv.next().unwrap_or("").to_owned(), kv.next().unwrap_or("").to_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    let has_q = |k: &str| query_params.iter().any(|(n, v)| n == k && !v.is_empty());
    let auth_query = query_params.iter().any(|(n, _)| n == "X-Amz-Algorithm");
    if auth.is_some() && auth_query {
        return Some((
            "InvalidSignatureException",
            "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.".into(),
        ));
    }
    let Some(auth) = auth else {
        if !auth_query {
            return Some(("MissingAuthenticationTokenException", "Missing Authentication Token".into()));
        }
        let mut msg = String::new();
        for p in ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"] {
            if !has_q(p) {
                msg += &format!("AWS query-string parameters must include '{p}'. ");
            }
        }
        if msg.is_empty() {
            return None;
        }
        msg += "Re-examine the query-string parameters.";
        return Some(("IncompleteSignatureException", msg));
    };
    let mut msg = String::new();
    let params: Vec<(&str, &str)> = auth
        .split([',', ' '])
        .skip(1)
        .filter(|s| !s.is_empty())
        .map(|x| {
            let mut kv = x.trim().splitn(2, '=');
            (kv.next().unwrap_or(""), kv.next().unwrap_or(""))
        })
        .collect();
    for p in ["Credential", "Signature", "SignedHeaders"] {
        if !params.iter().any(|(k, v)| *k == p && !v.is_empty()) {
            msg += &format!("Authorization header requires '{p}' parameter. ");
        }
    }
    if !headers.contains_key("x-amz-date") && !headers.contains_key("date") {
        msg += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    }
    if msg.is_empty() {
        return None;
    }
    msg += &format!("Authorization={auth}");
    Some(("IncompleteSignatureException", msg))
}
