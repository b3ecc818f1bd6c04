//! `--generate-cli-skeleton`: a sample of an operation's input (for `--cli-input-json`) or
//! output, made as botocore's `ArgumentGenerator` makes it and written as `json.dumps(…,
//! indent=4)` writes it (`customizations/generatecliskeleton.py`).

use super::model::{self, Kind, ShapeId};
use super::pyjson;
use super::pyval::Py;
use super::wire;
use serde_json::Value;

/// botocore's `ArgumentGenerator.generate_skeleton`: `""` (or the member name for an output
/// sample) for strings, `0`, `0.0`, `true`, `"1970-01-01T00:00:00"` for timestamps, one element
/// per list, `{"KeyName": …}` per map; an enum gives its first value (the CLI picks one at
/// random), a blob `null`.
pub fn skeleton_of(
    shape: ShapeId,
    stack: &mut Vec<&'static str>,
    member_names: bool,
    name: &str,
    enums: &mut bool,
) -> Value {
    let s = model::shape(shape);
    stack.push(s.name);
    let v = match s.kind {
        Kind::Structure { members, .. } => {
            if stack.iter().filter(|n| **n == s.name).count() > 1 {
                Value::Object(serde_json::Map::new())
            } else {
                let mut map = serde_json::Map::new();
                for m in members {
                    map.insert(m.name.to_string(), skeleton_of(m.shape, stack, member_names, m.name, enums));
                }
                Value::Object(map)
            }
        }
        Kind::List { member } => {
            let n = if member_names { model::shape(member).name } else { "" };
            Value::Array(vec![skeleton_of(member, stack, member_names, n, enums)])
        }
        Kind::Map { value, .. } => {
            let mut map = serde_json::Map::new();
            map.insert("KeyName".into(), skeleton_of(value, stack, member_names, "", enums));
            Value::Object(map)
        }
        Kind::String if member_names => Value::String(name.to_string()),
        Kind::String => match s.enums.first() {
            Some(e) => {
                *enums = true;
                Value::String(e.to_string())
            }
            None => Value::String(String::new()),
        },
        Kind::Integer | Kind::Long => Value::Number(0.into()),
        Kind::Double | Kind::Float => serde_json::Number::from_f64(0.0).map_or(Value::Null, Value::Number),
        Kind::Boolean => Value::Bool(true),
        Kind::Timestamp => Value::String("1970-01-01T00:00:00".into()),
        Kind::Blob => Value::Null,
    };
    stack.pop();
    v
}

/// `json.dumps(value, indent=4)` (ASCII escapes, `0.0` for floats).
pub fn python_indent4(value: &Value) -> String {
    fn write(v: &Value, level: usize, out: &mut String) {
        let pad = "    ".repeat(level + 1);
        let end = "    ".repeat(level);
        match v {
            Value::Object(m) if !m.is_empty() => {
                out.push_str("{\n");
                for (i, (k, val)) in m.iter().enumerate() {
                    out.push_str(&pad);
                    out.push_str(&pyjson::dumps(&Py::Str(k.clone())));
                    out.push_str(": ");
                    write(val, level + 1, out);
                    if i + 1 < m.len() {
                        out.push(',');
                    }
                    out.push('\n');
                }
                out.push_str(&end);
                out.push('}');
            }
            Value::Array(a) if !a.is_empty() => {
                out.push_str("[\n");
                for (i, val) in a.iter().enumerate() {
                    out.push_str(&pad);
                    write(val, level + 1, out);
                    if i + 1 < a.len() {
                        out.push(',');
                    }
                    out.push('\n');
                }
                out.push_str(&end);
                out.push(']');
            }
            other => out.push_str(&pyjson::dumps(&wire::from_json(other))),
        }
    }
    let mut out = String::new();
    write(value, 0, &mut out);
    out
}
