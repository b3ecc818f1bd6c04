//! CBOR (`application/x-amz-cbor-1.1`) ⇄ the engine's JSON form.
//!
//! What the AWS SDK for Java (v1 `SdkCborGenerator`/`SdkCborParser`, v2 `SdkCborGenerator` with
//! `TimestampFormat.UNIX_TIMESTAMP_MILLIS` for the CBOR protocol) and so the KCL send and expect:
//! - blobs (`Data`) are CBOR byte strings, where JSON 1.1 has base64 text;
//! - timestamps are epoch **milliseconds** under CBOR tag 1, where JSON 1.1 has epoch seconds.
//!   RFC 8949 §3.4.2 says tag 1 holds seconds, but AWS's CBOR 1.1 puts milliseconds there: the
//!   Java SDK v2 writes `Instant.toEpochMilli()` (aws-sdk-java-v2 #4661, "timestamp is passed
//!   incorrectly based on CBOR Specification"; a wire capture in floci #2368 shows
//!   `c1 1b 000001a013accc38` = tag 1, 1787036486712), and reads arrival timestamps as millis
//!   (aws-sdk-java-v2 #979). Requests are read as milliseconds tagged or not; answers are
//!   tagged. kinesalite #101 and LocalStack's CBOR fixes are about exactly these points;
//! - errors are a CBOR map `{"__type", "message"}` with the JSON error's fields.
//!
//! The CBOR itself is read and written by `ciborium`; this module only maps shapes.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use ciborium::Value as Cbor;
use serde_json::{Map, Number, Value};

/// Member names whose values are timestamps in Kinesis requests and responses.
const TIMESTAMP_KEYS: &[&str] =
    &["Timestamp", "ApproximateArrivalTimestamp", "StreamCreationTimestamp", "ConsumerCreationTimestamp"];
/// Member names whose values are blobs.
const BLOB_KEYS: &[&str] = &["Data"];

/// The CBOR tag for epoch-based date/time (RFC 8949 §3.4.2).
const TAG_EPOCH: u64 = 1;
/// Nesting limit for decoded documents (bounded recursion on hostile input).
const MAX_DEPTH: usize = 64;

/// Decodes a CBOR request body into the JSON value the engine takes; `None` if it is not one
/// well-formed CBOR item (then the answer is a `SerializationException`).
pub fn decode(body: &[u8]) -> Option<Value> {
    let mut reader = body;
    let value: Cbor = ciborium::de::from_reader_with_recursion_limit(&mut reader, MAX_DEPTH).ok()?;
    to_json(value, None, 0)
}

fn to_json(value: Cbor, key: Option<&str>, depth: usize) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    let is_time = key.is_some_and(|k| TIMESTAMP_KEYS.contains(&k));
    Some(match value {
        Cbor::Null => Value::Null,
        Cbor::Bool(b) => Value::Bool(b),
        Cbor::Integer(i) => {
            let i = i128::from(i);
            if is_time {
                number(i as f64 / 1000.0)
            } else if let Ok(u) = u64::try_from(i) {
                Value::Number(u.into())
            } else if let Ok(s) = i64::try_from(i) {
                Value::Number(s.into())
            } else {
                number(i as f64)
            }
        }
        Cbor::Float(f) => {
            if is_time {
                number(f / 1000.0)
            } else {
                number(f)
            }
        }
        Cbor::Text(s) => Value::String(s),
        Cbor::Bytes(b) => Value::String(STANDARD.encode(b)),
        Cbor::Tag(TAG_EPOCH, inner) => match *inner {
            Cbor::Integer(i) => number(i128::from(i) as f64 / 1000.0),
            Cbor::Float(f) => number(f / 1000.0),
            other => to_json(other, None, depth + 1)?,
        },
        Cbor::Tag(_, inner) => to_json(*inner, key, depth + 1)?,
        Cbor::Array(items) => {
            Value::Array(items.into_iter().map(|v| to_json(v, key, depth + 1)).collect::<Option<Vec<_>>>()?)
        }
        Cbor::Map(entries) => {
            let mut map = Map::new();
            for (k, v) in entries {
                let Cbor::Text(k) = k else { return None };
                let v = to_json(v, Some(&k), depth + 1)?;
                map.insert(k, v);
            }
            Value::Object(map)
        }
        _ => return None,
    })
}

fn number(f: f64) -> Value {
    Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)
}

/// Encodes an engine JSON value (a response or an error body) as CBOR.
pub fn encode(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail for a value built here.
    let _ = ciborium::ser::into_writer(&to_cbor(value, None), &mut out);
    out
}

fn to_cbor(value: &Value, key: Option<&str>) -> Cbor {
    match value {
        Value::Null => Cbor::Null,
        Value::Bool(b) => Cbor::Bool(*b),
        Value::Number(n) if key.is_some_and(|k| TIMESTAMP_KEYS.contains(&k)) => {
            let ms = (n.as_f64().unwrap_or(0.0) * 1000.0).round();
            Cbor::Tag(TAG_EPOCH, Box::new(Cbor::Integer((ms as i64).into())))
        }
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Cbor::Integer(u.into())
            } else if let Some(i) = n.as_i64() {
                Cbor::Integer(i.into())
            } else {
                Cbor::Float(n.as_f64().unwrap_or(0.0))
            }
        }
        Value::String(s) if key.is_some_and(|k| BLOB_KEYS.contains(&k)) => match STANDARD.decode(s) {
            Ok(bytes) => Cbor::Bytes(bytes),
            Err(_) => Cbor::Text(s.clone()),
        },
        Value::String(s) => Cbor::Text(s.clone()),
        Value::Array(items) => Cbor::Array(items.iter().map(|v| to_cbor(v, key)).collect()),
        Value::Object(map) => {
            Cbor::Map(map.iter().map(|(k, v)| (Cbor::Text(k.clone()), to_cbor(v, Some(k)))).collect())
        }
    }
}
