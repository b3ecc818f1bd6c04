//! botocore's client-side parameter validation (`botocore/validate.py`, `ParamValidator`),
//! which runs before every request and fails with `Parameter validation failed:` and one line
//! per problem.
//!
//! It checks only required members, unknown members, Python types, and `min` (the length of a
//! string or list, the value of a number): never `max`, `pattern` or `enum`, which the service
//! checks. Types are Python's: a `bool` passes as an `int` (it is one in Python), a blob may be
//! `str` or `bytes`, a timestamp may be a number or a date text. All problems are collected, in
//! the order botocore visits them.

use super::model::{self, Kind, ShapeId};
use super::pyval::Py;
use super::wire::{read_timestamp, timestamp_seconds, Timestamp};

/// Validates `params` against the input structure `shape`; the report lines, empty when valid.
pub fn validate(params: &Py, shape: ShapeId) -> Vec<String> {
    let mut errors = Vec::new();
    check(params, shape, "", &mut errors);
    errors
}

/// The first timestamp botocore cannot even fail to read (`Unable to calculate correct
/// timezone offset for "<value>"`, raised from inside the validation), if any.
pub fn timestamp_overflow(params: &Py, shape: ShapeId) -> Option<String> {
    match (params, model::shape(shape).kind) {
        (Py::Dict(d), Kind::Structure { members, .. }) => d.items.iter().find_map(|(k, v)| {
            let m = members.iter().find(|m| m.name == k)?;
            timestamp_overflow(v, m.shape)
        }),
        (Py::Dict(d), Kind::Map { value, .. }) => d.items.iter().find_map(|(_, v)| timestamp_overflow(v, value)),
        (Py::List(items), Kind::List { member }) => items.iter().find_map(|v| timestamp_overflow(v, member)),
        (v, Kind::Timestamp) if read_timestamp(v) == Timestamp::Overflow => {
            Some(format!("Unable to calculate correct timezone offset for \"{}\"", v.py_str()))
        }
        _ => None,
    }
}

/// `ParamValidationError`'s text for a non-empty report.
pub fn report(errors: &[String]) -> String {
    format!("Parameter validation failed:\n{}", errors.join("\n"))
}

fn display_name(name: &str) -> &str {
    if name.is_empty() {
        "input"
    } else {
        name.strip_prefix('.').unwrap_or(name)
    }
}

fn invalid_type(errors: &mut Vec<String>, name: &str, param: &Py, valid: &str) {
    errors.push(format!(
        "Invalid type for parameter {}, value: {}, type: {}, valid types: {valid}",
        display_name(name),
        param.py_str(),
        param.py_type()
    ));
}

/// `range_check`: `value < min` for the shape's `min`.
fn below_min(value: i128, shape: ShapeId) -> Option<i64> {
    let min = model::shape(shape).min?;
    (value < i128::from(min)).then_some(min)
}

fn int_value(param: &Py) -> Option<i128> {
    match param {
        Py::Int(n) => Some(n.saturating()),
        Py::Bool(b) => Some(i128::from(*b)),
        _ => None,
    }
}

fn has_constraints(shape: ShapeId) -> bool {
    // VALIDATED_METADATA_ATTRS = {'required', 'min', 'document', 'union'}.
    let s = model::shape(shape);
    s.min.is_some() || matches!(s.kind, Kind::Structure { required, .. } if !required.is_empty())
}

fn check(param: &Py, shape: ShapeId, name: &str, errors: &mut Vec<String>) {
    let kind = model::shape(shape).kind;
    match kind {
        Kind::Structure { members, required } => {
            let Py::Dict(d) = param else {
                return invalid_type(errors, name, param, "<class 'dict'>");
            };
            for r in required {
                if !d.contains(r) {
                    errors.push(format!("Missing required parameter in {}: \"{r}\"", display_name(name)));
                }
            }
            let valid: Vec<&str> = members.iter().map(|m| m.name).collect();
            for k in d.keys() {
                if !valid.contains(&k) {
                    errors.push(format!(
                        "Unknown parameter in {}: \"{k}\", must be one of: {}",
                        display_name(name),
                        valid.join(", ")
                    ));
                }
            }
            for (k, v) in &d.items {
                if let Some(m) = members.iter().find(|m| m.name == k) {
                    check(v, m.shape, &format!("{name}.{k}"), errors);
                }
            }
        }
        Kind::String => match param {
            Py::Str(s) => {
                if let Some(min) = below_min(s.chars().count() as i128, shape) {
                    errors.push(format!(
                        "Invalid length for parameter {}, value: {}, valid min length: {min}",
                        display_name(name),
                        s.chars().count()
                    ));
                }
            }
            _ => invalid_type(errors, name, param, "<class 'str'>"),
        },
        Kind::List { member } => {
            let Py::List(items) = param else {
                return invalid_type(errors, name, param, "<class 'list'>, <class 'tuple'>");
            };
            if let Some(min) = below_min(items.len() as i128, shape) {
                errors.push(format!(
                    "Invalid length for parameter {}, value: {}, valid min length: {min}",
                    display_name(name),
                    items.len()
                ));
            }
            let member_kind = model::shape(member).kind;
            let scalar_type = match member_kind {
                Kind::Integer | Kind::Long => Some("<class 'int'>"),
                Kind::Boolean => Some("<class 'bool'>"),
                Kind::String => Some("<class 'str'>"),
                Kind::Double | Kind::Float => Some("<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>"),
                _ => None,
            };
            if let (Some(valid), false) = (scalar_type, has_constraints(member)) {
                for (i, item) in items.iter().enumerate() {
                    let ok = match member_kind {
                        Kind::Integer | Kind::Long => matches!(item, Py::Int(_) | Py::Bool(_)),
                        Kind::Boolean => matches!(item, Py::Bool(_)),
                        Kind::String => matches!(item, Py::Str(_)),
                        _ => matches!(item, Py::Int(_) | Py::Bool(_) | Py::Float(_)),
                    };
                    if !ok {
                        invalid_type(errors, &format!("{name}[{i}]"), item, valid);
                    }
                }
                return;
            }
            for (i, item) in items.iter().enumerate() {
                check(item, member, &format!("{name}[{i}]"), errors);
            }
        }
        Kind::Map { key, value } => {
            let Py::Dict(d) = param else {
                return invalid_type(errors, name, param, "<class 'dict'>");
            };
            for (k, v) in &d.items {
                check(&Py::Str(k.clone()), key, &format!("{name} (key: {k})"), errors);
                check(v, value, &format!("{name}.{k}"), errors);
            }
        }
        Kind::Integer | Kind::Long => match int_value(param) {
            Some(v) => {
                if let Some(min) = below_min(v, shape) {
                    errors.push(format!(
                        "Invalid value for parameter {}, value: {}, valid min value: {min}",
                        display_name(name),
                        param.py_str()
                    ));
                }
            }
            None => invalid_type(errors, name, param, "<class 'int'>"),
        },
        Kind::Double | Kind::Float => {
            let v = match param {
                Py::Float(f) => Some(*f),
                other => int_value(other).map(|i| i as f64),
            };
            match v {
                Some(f) => {
                    if let Some(min) = model::shape(shape).min.filter(|m| f < *m as f64) {
                        errors.push(format!(
                            "Invalid value for parameter {}, value: {}, valid min value: {min}",
                            display_name(name),
                            param.py_str()
                        ));
                    }
                }
                None => invalid_type(errors, name, param, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>"),
            }
        }
        Kind::Boolean => {
            if !matches!(param, Py::Bool(_)) {
                invalid_type(errors, name, param, "<class 'bool'>");
            }
        }
        Kind::Blob => {
            if !matches!(param, Py::Str(_) | Py::Bytes(_)) {
                invalid_type(errors, name, param, "<class 'bytes'>, <class 'bytearray'>, file-like object");
            }
        }
        Kind::Timestamp => {
            if timestamp_seconds(param).is_none() {
                invalid_type(errors, name, param, "<class 'datetime.datetime'>, timestamp-string");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::cli::pyjson::loads;

    fn errors(op: &str, json: &str) -> Vec<String> {
        let Some(input) = model::operation(op).and_then(|o| o.input) else {
            panic!("{op}");
        };
        match loads(json, false) {
            Ok(params) => validate(&params, input),
            Err(e) => panic!("{json}: {}", e.text),
        }
    }

    /// The texts of the recorded fixtures (tests/console/fixtures/errors.txt).
    #[test]
    fn reports_read_as_botocore_writes_them() {
        assert_eq!(
            errors("CreateStream", r#"{"StreamName": "Bar", "ShardCount": "1"}"#),
            ["Invalid type for parameter ShardCount, value: 1, type: <class 'str'>, valid types: <class 'int'>"]
        );
        assert_eq!(
            errors("CreateStream", r#"{"StreamName": "Bar", "ShardCount": 1, "Bogus": true}"#),
            ["Unknown parameter in input: \"Bogus\", must be one of: StreamName, ShardCount, StreamModeDetails, Tags, WarmThroughputMiBps, MaxRecordSizeInKiB"]
        );
        assert_eq!(
            errors("CreateStream", r#"{"ShardCount": 1}"#),
            ["Missing required parameter in input: \"StreamName\""]
        );
        assert_eq!(
            errors("PutRecord", r#"{"StreamName": "", "PartitionKey": "", "Data": "x"}"#),
            [
                "Invalid length for parameter StreamName, value: 0, valid min length: 1",
                "Invalid length for parameter PartitionKey, value: 0, valid min length: 1"
            ]
        );
        assert_eq!(
            errors("PutRecords", r#"{"StreamName": "Foo", "Records": [{"Data": ["x", "PartitionKey"]}]}"#),
            [
                "Missing required parameter in Records[0]: \"PartitionKey\"",
                "Invalid type for parameter Records[0].Data, value: ['x', 'PartitionKey'], type: <class 'list'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object"
            ]
        );
        assert_eq!(
            errors("CreateStream", r#"{"StreamName": "x", "ShardCount": false}"#),
            ["Invalid value for parameter ShardCount, value: False, valid min value: 1"]
        );
        assert_eq!(errors("CreateStream", r#"{"StreamName": "x", "ShardCount": true}"#), Vec::<String>::new());
    }
}
