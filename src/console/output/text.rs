//! `--output text`: a port of `awscli/text.py` (`format_text`), the same in CLI v1 and v2.
//!
//! The algorithm, function by function (names are `text.py`'s):
//! - a scalar is written with `str()` and a newline (`_format_text`): `None`, `True`, floats as
//!   `repr`;
//! - a dict (`_format_dict`) writes one line with its scalar values, tab-separated, **in the
//!   sorted order of their keys** (`_partition_dict` sorts `item_dict.items()`), headed by the
//!   upper-cased key it hangs from (`identifier.upper()`) when it has one; then each non-scalar
//!   member, in sorted key order, with that key as its identifier;
//! - a list of dicts (`_format_list`) takes the sorted union of every element's scalar keys
//!   (`_all_scalar_keys`) as the columns of every element, writing `''` where one lacks a key;
//! - a list of scalars is one tab-joined line, or, under an identifier, one `IDENTIFIER\tvalue`
//!   line per item (`_format_scalar_list`);
//! - a list mixing scalars and lists writes the scalars first as above, then each list;
//! - an empty list or dict writes nothing; an empty string writes an empty line.
//!
//! A list holding a dict and something else makes `_all_scalar_keys` call `.items()` on the
//! other thing, and the CLI fails with Python's `AttributeError`; that is a [`RenderError`].

use super::error::RenderError;
use super::python::{py_str, type_name};
use serde_json::{Map, Value};

/// The text `format_text(value, stream)` writes.
pub fn format_text(value: &Value) -> Result<String, RenderError> {
    let mut out = String::new();
    format_item(value, &mut out, None, None)?;
    Ok(out)
}

/// `_format_text(item, stream, identifier, scalar_keys)`.
fn format_item(
    item: &Value,
    out: &mut String,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
) -> Result<(), RenderError> {
    match item {
        Value::Object(map) => format_dict(scalar_keys, map, identifier, out),
        Value::Array(items) => format_list(items, identifier, out),
        scalar => {
            out.push_str(&py_str(scalar));
            out.push('\n');
            Ok(())
        }
    }
}

/// `_format_list(item, identifier, stream)`.
fn format_list(items: &[Value], identifier: Option<&str>, out: &mut String) -> Result<(), RenderError> {
    if items.is_empty() {
        return Ok(());
    }
    if items.iter().any(Value::is_object) {
        let all_keys = all_scalar_keys(items)?;
        for element in items {
            format_item(element, out, identifier, Some(&all_keys))?;
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, non_scalars): (Vec<&Value>, Vec<&Value>) =
            items.iter().partition(|element| !is_container(element));
        if !scalars.is_empty() {
            format_scalar_list(&scalars, identifier, out);
        }
        for non_scalar in non_scalars {
            format_item(non_scalar, out, identifier, None)?;
        }
    } else {
        let scalars: Vec<&Value> = items.iter().collect();
        format_scalar_list(&scalars, identifier, out);
    }
    Ok(())
}

/// `_format_scalar_list(elements, identifier, stream)`.
fn format_scalar_list(elements: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(identifier) => {
            let upper = identifier.to_uppercase();
            for item in elements {
                out.push_str(&upper);
                out.push('\t');
                out.push_str(&py_str(item));
                out.push('\n');
            }
        }
        None => {
            let cells: Vec<String> = elements.iter().map(|item| py_str(item)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

/// `_format_dict(scalar_keys, item, identifier, stream)`.
fn format_dict(
    scalar_keys: Option<&[String]>,
    map: &Map<String, Value>,
    identifier: Option<&str>,
    out: &mut String,
) -> Result<(), RenderError> {
    let (mut scalars, non_scalars) = partition_dict(map, scalar_keys);
    if !scalars.is_empty() {
        if let Some(identifier) = identifier {
            scalars.insert(0, identifier.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (key, non_scalar) in non_scalars {
        format_item(non_scalar, out, Some(key), None)?;
    }
    Ok(())
}

/// `_all_scalar_keys(list_of_dicts)`: the sorted keys whose value is a scalar in some element.
/// Python calls `.items()` on every element, so a non-dict element raises `AttributeError`.
fn all_scalar_keys(items: &[Value]) -> Result<Vec<String>, RenderError> {
    let mut keys = std::collections::BTreeSet::new();
    for item in items {
        let Value::Object(map) = item else {
            return Err(RenderError::new(format!("'{}' object has no attribute 'items'", type_name(item))));
        };
        for (key, value) in map {
            if !is_container(value) {
                keys.insert(key.clone());
            }
        }
    }
    Ok(keys.into_iter().collect())
}

/// `_partition_dict(item_dict, scalar_keys)`: the `str()` of the scalar values, and the
/// non-scalar `(key, value)` pairs, both in sorted key order. With `scalar_keys` (from a list of
/// dicts), one cell per scalar key (`''` where this dict lacks it, a `repr` where its value is
/// not a scalar here), and the other keys as the non-scalars.
fn partition_dict<'a>(
    map: &'a Map<String, Value>,
    scalar_keys: Option<&[String]>,
) -> (Vec<String>, Vec<(&'a str, &'a Value)>) {
    let mut scalars = Vec::new();
    let mut non_scalars = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (key, value) in entries {
                if is_container(value) {
                    non_scalars.push((key.as_str(), value));
                } else {
                    scalars.push(py_str(value));
                }
            }
        }
        Some(scalar_keys) => {
            for key in scalar_keys {
                scalars.push(map.get(key).map_or_else(String::new, py_str));
            }
            let mut remaining: Vec<(&String, &Value)> =
                map.iter().filter(|(key, _)| !scalar_keys.contains(key)).collect();
            remaining.sort_by(|a, b| a.0.cmp(b.0));
            non_scalars.extend(remaining.into_iter().map(|(key, value)| (key.as_str(), value)));
        }
    }
    (scalars, non_scalars)
}

/// A `list` or `dict` (what `text.py` calls non-scalar).
fn is_container(value: &Value) -> bool {
    matches!(value, Value::Array(_) | Value::Object(_))
}
