//! What botocore's response parser does to an answer before the CLI prints it (and before a
//! paginator reads it): v2 writes timestamps in ISO 8601 (`cli_timestamp_format = iso8601`,
//! `customizations/timestampformat.py`), v1 leaves them as the service sent them (`wire`).
//! Blobs stay base64 in both (`blob_parser=identity`). The timestamps are found through the
//! operation's output shape.

use super::model::{self, Kind, ShapeId};
use crate::console::CliVersion;
use serde_json::Value;

/// Reads `answer` of an operation whose output is `output` as `version`'s parser does.
pub fn parse_answer(version: CliVersion, output: Option<ShapeId>, answer: &mut Value) {
    if version == CliVersion::V2 {
        if let Some(shape) = output {
            iso_timestamps(answer, shape);
        }
    }
}

fn iso_timestamps(value: &mut Value, shape: ShapeId) {
    match model::shape(shape).kind {
        Kind::Structure { members, .. } => {
            if let Value::Object(map) = value {
                for m in members {
                    if let Some(v) = map.get_mut(m.name) {
                        iso_timestamps(v, m.shape);
                    }
                }
            }
        }
        Kind::List { member } => {
            if let Value::Array(items) = value {
                for item in items {
                    iso_timestamps(item, member);
                }
            }
        }
        Kind::Map { value: vshape, .. } => {
            if let Value::Object(map) = value {
                for (_, v) in map.iter_mut() {
                    iso_timestamps(v, vshape);
                }
            }
        }
        Kind::Timestamp => iso8601(value),
        _ => {}
    }
}

/// CALL SITE for the output module's ISO 8601 writer (v2's `parse_timestamp(v).isoformat()`,
/// e.g. `"2026-12-03T15:31:26.599000+00:00"`, a whole second without `.000000`): a timestamp
/// the service sent as epoch seconds becomes that string. Until `console::output` provides the
/// function, the wire number is kept (v1's output).
fn iso8601(value: &mut Value) {
    if let Some(s) = value.as_f64().and_then(crate::console::output::timestamp::iso8601) {
        *value = Value::String(s);
    }
}

/// Whether `answer` has a timestamp where the output shape `shape` has one.
pub fn has_timestamp(answer: &Value, shape: ShapeId) -> bool {
    match (answer, model::shape(shape).kind) {
        (Value::Object(map), Kind::Structure { members, .. }) => {
            members.iter().any(|m| map.get(m.name).is_some_and(|v| has_timestamp(v, m.shape)))
        }
        (Value::Array(items), Kind::List { member }) => items.iter().any(|v| has_timestamp(v, member)),
        (Value::Object(map), Kind::Map { value, .. }) => map.values().any(|v| has_timestamp(v, value)),
        (v, Kind::Timestamp) => !v.is_null(),
        _ => false,
    }
}
