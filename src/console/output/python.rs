//! How Python writes the values the AWS CLI holds, since the CLI's formatters are Python.
//!
//! The CLI parses the service's JSON with `json.loads` into `dict`, `list`, `str`, `int`,
//! `float`, `bool` and `None`, and its formatters then write them with `str()` (`text.py`,
//! `table.py`), `repr()` (a `str()` of a `dict` or `list`) and `float.__repr__` (`json.dumps`).
//! Here a [`serde_json::Value`] stands for such a Python value: an object is a `dict` (keys in
//! their order), a number that serde holds as `f64` is a `float`, any other number an `int`.
//!
//! Simplified: `repr()` of a string decides which characters are printable with a short list of
//! the non-printable ones (controls, separators, format characters, private use) instead of the
//! whole Unicode database; it only matters for a `str()` of a list or dict, which the formatters
//! write only for odd, mixed-type `--query` results.

use serde_json::{Number, Value};

/// `float.__repr__(x)` (CPython `float_repr`, `format_float_short` with mode `'r'`): the
/// shortest digits that read back as `x`, in positional notation when the decimal exponent is
/// in `-4 ..= 15` (`1441215410.867`, `0.0001`, `1e+16`, `1.5e-05`), with `.0` on whole numbers.
/// `inf`, `-inf` and `nan` as Python writes them (they never come out of JSON).
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // Rust's `{:e}` writes the same shortest round-trip digits as Python's repr (both pick the
    // shortest string that reads back exactly, the closest one on a tie): `1.441215410867e9`.
    let scientific = format!("{x:e}");
    let (negative, unsigned) = match scientific.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, scientific.as_str()),
    };
    let (mantissa, exponent) = unsigned.split_once('e').unwrap_or((unsigned, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    // `decpt` is where the decimal point goes, counted from the first digit.
    let decpt = exponent + 1;
    let len = digits.len() as i64;
    if decpt <= -4 || decpt > 16 {
        // Exponent form: d[.ddd]e±XX (at least two exponent digits).
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let sign = if exponent < 0 { '-' } else { '+' };
        out.push_str(&format!("e{sign}{:02}", exponent.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat(decpt.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if decpt >= len {
        out.push_str(&digits);
        out.push_str(&"0".repeat((decpt - len) as usize));
        out.push_str(".0");
    } else {
        let (whole, fraction) = digits.split_at(decpt as usize);
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `str(n)` / `repr(n)` of a JSON number: an `int` in decimal, a `float` by [`float_repr`].
pub fn number_repr(n: &Number) -> String {
    if let Some(u) = n.as_u64() {
        u.to_string()
    } else if let Some(i) = n.as_i64() {
        i.to_string()
    } else {
        float_repr(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// `str(value)`: a string as it is, `None`, `True`, `False`, numbers by [`number_repr`], and a
/// list or dict as its `repr()` (`text.py` and `table.py` write every cell this way).
pub fn py_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// `repr(value)`: `'abc'`, `None`, `True`, `1.5`, `[1, 'a']`, `{'a': 1}` (keys in order).
pub fn py_repr(value: &Value) -> String {
    let mut out = String::new();
    write_repr(value, &mut out);
    out
}

fn write_repr(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&number_repr(n)),
        Value::String(s) => out.push_str(&str_repr(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&str_repr(key));
                out.push_str(": ");
                write_repr(item, out);
            }
            out.push('}');
        }
    }
}

/// `repr(s)` of a `str` (CPython `unicode_repr`): single quotes unless the text holds a `'` and
/// no `"`; `\\`, the quote, `\t`, `\n`, `\r` escaped; other non-printable characters as `\xhh`,
/// `\uhhhh` or `\Uhhhhhhhh`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => {
                let code = u32::from(c);
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code < 0x1_0000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one character, approximated (see the module doc): not a
/// control (Cc), format (Cf), separator other than the space (Zs, Zl, Zp), private-use (Co)
/// or noncharacter.
fn is_printable(c: char) -> bool {
    let code = u32::from(c);
    let not_printable = code < 0x20
        || (0x7f..=0xa0).contains(&code)
        || code == 0xad
        || matches!(code, 0x061c | 0x06dd | 0x070f | 0x1680 | 0x180e | 0x202f | 0x205f | 0x3000 | 0xfeff)
        || (0x2000..=0x200f).contains(&code)
        || (0x2028..=0x202e).contains(&code)
        || (0x2060..=0x206f).contains(&code)
        || (0xd800..=0xf8ff).contains(&code)
        || (0xfff9..=0xfffb).contains(&code)
        || (code & 0xfffe) == 0xfffe
        || (0xfdd0..=0xfdef).contains(&code)
        || code == 0xe0001
        || (0xe0020..=0xe007f).contains(&code)
        || code >= 0xf0000;
    !not_printable
}

/// `type(value).__name__` of the Python value: `str`, `int`, `float`, `bool`, `NoneType`,
/// `list`, `dict` (what Python's `TypeError` messages name).
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Python's truth value of `value` (`if not current:` in `formatter.py`): `None`, `False`,
/// `0`, `0.0`, `''`, `[]` and `{}` are false.
pub fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}
