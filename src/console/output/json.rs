//! Python's `json.dumps`, the two ways the CLI calls it.
//!
//! - `--output json` (`awscli/formatter.py`, `JSONFormatter._format_response`):
//!   `json.dump(response, stream, indent=4, default=json_encoder, ensure_ascii=False)` then a
//!   newline. With an indent, Python's item separator is `,` at the end of the line and the key
//!   separator `": "`; an empty list is `[]` and an empty dict `{}`, on one line.
//! - JMESPath's `to_string()` (`jmespath/functions.py`, `_func_to_string`):
//!   `json.dumps(arg, separators=(',', ':'))`, compact and with the default `ensure_ascii=True`.
//!
//! Strings are escaped as `json.encoder.py_encode_basestring(_ascii)` does: `\"`, `\\`, `\n`,
//! `\r`, `\t`, `\b`, `\f`, other characters below U+0020 as `\u00XX` (lower-case hex); with
//! `ensure_ascii`, every non-ASCII character as `\uXXXX` (a surrogate pair above U+FFFF).
//! Keys keep their order (serde_json's `preserve_order`); floats are `float.__repr__`.

use super::python::number_repr;
use serde_json::Value;

/// How `json.dumps` is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonStyle {
    /// `indent=4, ensure_ascii=False` (`--output json`).
    Indented,
    /// `separators=(',', ':')`, `ensure_ascii=True` (JMESPath `to_string`).
    CompactAscii,
}

/// `json.dumps(value, …)` in `style`, without the CLI's trailing newline.
pub fn dumps(value: &Value, style: JsonStyle) -> String {
    let mut out = String::new();
    write_value(value, style, 0, &mut out);
    out
}

fn write_value(value: &Value, style: JsonStyle, level: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(&number_repr(n)),
        Value::String(s) => write_string(s, style == JsonStyle::CompactAscii, out),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separator(i, style, level + 1, out);
                write_value(item, style, level + 1, out);
            }
            closing(style, level, out);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                separator(i, style, level + 1, out);
                write_string(key, style == JsonStyle::CompactAscii, out);
                out.push_str(match style {
                    JsonStyle::Indented => ": ",
                    JsonStyle::CompactAscii => ":",
                });
                write_value(item, style, level + 1, out);
            }
            closing(style, level, out);
            out.push('}');
        }
    }
}

/// What goes before the `index`-th member: `,` after the previous one, then, when indenting,
/// a newline and `level` indents of four spaces.
fn separator(index: usize, style: JsonStyle, level: usize, out: &mut String) {
    if index > 0 {
        out.push(',');
    }
    if style == JsonStyle::Indented {
        out.push('\n');
        out.push_str(&"    ".repeat(level));
    }
}

fn closing(style: JsonStyle, level: usize, out: &mut String) {
    if style == JsonStyle::Indented {
        out.push('\n');
        out.push_str(&"    ".repeat(level));
    }
}

/// A JSON string literal for `s`, as `py_encode_basestring` (or `_ascii` when `ascii`) writes it.
pub fn write_string(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            // `ensure_ascii` escapes everything outside ' '..'~' (`ESCAPE_ASCII`), DEL included.
            c if ascii && u32::from(c) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
