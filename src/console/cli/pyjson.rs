//! Python's `json.loads`, as the AWS CLI calls it on a JSON option value (`--records '[…]'`)
//! and on `--cli-input-json`, with Python's error messages: `Expecting ',' delimiter: line 1
//! column 35 (char 34)` is part of the CLI's answer (`Error parsing parameter '--records':
//! Invalid JSON: …`).
//!
//! A port of CPython 3.11's C scanner (`Modules/_json.c`) and `json/decoder.py`: the same
//! grammar (plus `NaN`, `Infinity`, `-Infinity`), the same positions (in characters) and
//! texts. Integers are unbounded, objects keep their key order (a repeated key keeps its first
//! place and its last value). Simplified: a lone surrogate escape (`"\ud800"`), which a Rust
//! string cannot hold, reads as U+FFFD.

use super::pyval::{Py, PyDict, PyInt};

/// A `json.JSONDecodeError`: the message and the character index it points at; or a
/// `RecursionError` (`recursion`), which is not a `ValueError` and escapes the CLI's handlers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// `Expecting value`, `Extra data`…
    pub msg: &'static str,
    /// The character index.
    pub pos: usize,
    /// `str(err)`: `msg: line L column C (char P)`.
    pub text: String,
    /// A `RecursionError` rather than a decoding error.
    pub recursion: bool,
}

enum Fail {
    /// The scanner's StopIteration: "Expecting value" at this index.
    Stop(usize),
    /// A JSONDecodeError raised by the scanner.
    Error(&'static str, usize),
    /// Python's `RecursionError` (nesting deeper than the interpreter's stack allows).
    Recursion(&'static str),
}

/// How deep containers may nest before Python's `RecursionError`. CPython reaches about 990
/// levels (its limit of 1000 frames); the console stops at 400, which keeps the recursive
/// parser well inside WebAssembly's 1 MiB stack. No real value nests that deep.
pub const MAX_DEPTH: usize = 400;

struct Scanner<'a> {
    s: &'a [char],
    ordered: bool,
    depth: std::cell::Cell<usize>,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `json.loads(text)`: `ordered` builds `OrderedDict`s (`object_pairs_hook=OrderedDict`).
pub fn loads(text: &str, ordered: bool) -> Result<Py, JsonError> {
    let chars: Vec<char> = text.chars().collect();
    let error = |msg: &'static str, pos: usize| {
        let before = &chars[..pos.min(chars.len())];
        let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
        let colno = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        JsonError { msg, pos, text: format!("{msg}: line {lineno} column {colno} (char {pos})"), recursion: false }
    };
    if chars.first() == Some(&'\u{feff}') {
        return Err(error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let scanner = Scanner { s: &chars, ordered, depth: std::cell::Cell::new(0) };
    let start = scanner.skip_ws(0);
    match scanner.scan_once(start) {
        Ok((value, end)) => {
            let end = scanner.skip_ws(end);
            if end != chars.len() {
                return Err(error("Extra data", end));
            }
            Ok(value)
        }
        Err(Fail::Stop(at)) => Err(error("Expecting value", at)),
        Err(Fail::Error(msg, at)) => Err(error(msg, at)),
        Err(Fail::Recursion(what)) => Err(JsonError {
            msg: "maximum recursion depth exceeded",
            pos: 0,
            text: format!("maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"),
            recursion: true,
        }),
    }
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn starts_with(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| self.at(i + k) == Some(c))
    }

    fn scan_once(&self, idx: usize) -> Result<(Py, usize), Fail> {
        let Some(c) = self.at(idx) else {
            return Err(Fail::Stop(idx));
        };
        match c {
            '"' => self.scan_string(idx + 1).map(|(s, end)| (Py::Str(s), end)),
            '{' | '[' => {
                let what = if c == '{' { "object" } else { "array" };
                if self.depth.get() >= MAX_DEPTH {
                    return Err(Fail::Recursion(what));
                }
                self.depth.set(self.depth.get() + 1);
                let r = if c == '{' { self.parse_object(idx + 1) } else { self.parse_array(idx + 1) };
                self.depth.set(self.depth.get() - 1);
                r
            }
            'n' if self.starts_with(idx, "null") => Ok((Py::None, idx + 4)),
            't' if self.starts_with(idx, "true") => Ok((Py::Bool(true), idx + 4)),
            'f' if self.starts_with(idx, "false") => Ok((Py::Bool(false), idx + 5)),
            'N' if self.starts_with(idx, "NaN") => Ok((Py::Float(f64::NAN), idx + 3)),
            'I' if self.starts_with(idx, "Infinity") => Ok((Py::Float(f64::INFINITY), idx + 8)),
            '-' if self.starts_with(idx, "-Infinity") => Ok((Py::Float(f64::NEG_INFINITY), idx + 9)),
            _ => self.match_number(idx),
        }
    }

    fn digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn match_number(&self, start: usize) -> Result<(Py, usize), Fail> {
        let end_idx = self.s.len();
        let mut idx = start;
        if self.at(idx) == Some('-') {
            idx += 1;
            if idx >= end_idx {
                return Err(Fail::Stop(start));
            }
        }
        match self.at(idx) {
            Some('1'..='9') => {
                idx += 1;
                while self.digit(idx) {
                    idx += 1;
                }
            }
            Some('0') => idx += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if idx + 1 < end_idx && self.at(idx) == Some('.') && self.digit(idx + 1) {
            is_float = true;
            idx += 2;
            while self.digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < end_idx && matches!(self.at(idx), Some('e' | 'E')) {
            let e_start = idx;
            idx += 1;
            if idx + 1 < end_idx && matches!(self.at(idx), Some('-' | '+')) {
                idx += 1;
            }
            while self.digit(idx) {
                idx += 1;
            }
            if self.digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = self.s[start..idx].iter().collect();
        if is_float {
            let f = text.parse::<f64>().unwrap_or(f64::NAN);
            Ok((Py::Float(f), idx))
        } else {
            let (negative, digits) = match text.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, text.as_str()),
            };
            Ok((Py::Int(PyInt::from_digits(negative, digits)), idx))
        }
    }

    fn hex4(&self, from: usize) -> Option<u32> {
        let mut v = 0u32;
        for k in 0..4 {
            v = v * 16 + self.at(from + k)?.to_digit(16)?;
        }
        Some(v)
    }

    /// `scanstring`: `end` is just after the opening quote.
    fn scan_string(&self, end: usize) -> Result<(String, usize), Fail> {
        let len = self.s.len();
        let begin = end - 1;
        let mut out = String::new();
        let mut end = end;
        loop {
            let mut next = end;
            let mut c = '\0';
            while next < len {
                c = self.s[next];
                if c == '"' || c == '\\' {
                    break;
                }
                if (c as u32) <= 0x1f {
                    return Err(Fail::Error("Invalid control character at", next));
                }
                next += 1;
            }
            if next >= len || (c != '"' && c != '\\') {
                return Err(Fail::Error("Unterminated string starting at", begin));
            }
            out.extend(&self.s[end..next]);
            next += 1;
            if c == '"' {
                end = next;
                break;
            }
            if next == len {
                return Err(Fail::Error("Unterminated string starting at", begin));
            }
            let e = self.s[next];
            if e != 'u' {
                end = next + 1;
                let decoded = match e {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(Fail::Error("Invalid \\escape", end - 2)),
                };
                out.push(decoded);
            } else {
                next += 1;
                end = next + 4;
                if end >= len {
                    return Err(Fail::Error("Invalid \\uXXXX escape", next - 1));
                }
                let Some(mut cp) = self.hex4(next) else {
                    return Err(Fail::Error("Invalid \\uXXXX escape", end - 5));
                };
                if (0xd800..0xdc00).contains(&cp)
                    && end + 6 < len
                    && self.at(end) == Some('\\')
                    && self.at(end + 1) == Some('u')
                {
                    let Some(low) = self.hex4(end + 2) else {
                        return Err(Fail::Error("Invalid \\uXXXX escape", end + 1));
                    };
                    if (0xdc00..0xe000).contains(&low) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                        end += 6;
                    }
                }
                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
            }
        }
        Ok((out, end))
    }

    fn parse_object(&self, start: usize) -> Result<(Py, usize), Fail> {
        let mut dict = PyDict { items: Vec::new(), ordered: self.ordered };
        let mut idx = self.skip_ws(start);
        if self.at(idx) != Some('}') {
            loop {
                if self.at(idx) != Some('"') {
                    return Err(Fail::Error("Expecting property name enclosed in double quotes", idx));
                }
                let (key, next) = self.scan_string(idx + 1)?;
                idx = self.skip_ws(next);
                if self.at(idx) != Some(':') {
                    return Err(Fail::Error("Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (value, next) = self.scan_once(idx)?;
                dict.insert(&key, value);
                idx = self.skip_ws(next);
                if self.at(idx) == Some('}') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Fail::Error("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Py::Dict(dict), idx + 1))
    }

    fn parse_array(&self, start: usize) -> Result<(Py, usize), Fail> {
        let mut items = Vec::new();
        let mut idx = self.skip_ws(start);
        if self.at(idx) != Some(']') {
            loop {
                let (value, next) = self.scan_once(idx)?;
                items.push(value);
                idx = self.skip_ws(next);
                if self.at(idx) == Some(']') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Fail::Error("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Py::List(items), idx + 1))
    }
}

/// Python's `json.dumps(value)` with its defaults: `ensure_ascii` (`\u00f1`), separators
/// `", "` and `": "`, `NaN`/`Infinity` for the float specials. Bytes are not JSON in Python;
/// here they are written as their base64 text.
pub fn dumps(value: &Py) -> String {
    let mut out = String::new();
    dump_into(value, &mut out);
    out
}

/// A string as `json.dumps` writes it with `ensure_ascii`: the output module's writer.
fn dump_str(s: &str, out: &mut String) {
    crate::console::output::json::write_string(s, true, out);
}

fn dump_into(value: &Py, out: &mut String) {
    match value {
        Py::None => out.push_str("null"),
        Py::Bool(true) => out.push_str("true"),
        Py::Bool(false) => out.push_str("false"),
        Py::Int(n) => out.push_str(&n.text()),
        Py::Float(f) if f.is_nan() => out.push_str("NaN"),
        Py::Float(f) if f.is_infinite() => out.push_str(if *f > 0.0 { "Infinity" } else { "-Infinity" }),
        Py::Float(f) => out.push_str(&super::pyval::float_repr(*f)),
        Py::Str(s) => dump_str(s, out),
        Py::Bytes(b) => {
            use base64::Engine as _;
            dump_str(&base64::engine::general_purpose::STANDARD.encode(b), out)
        }
        Py::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                dump_into(item, out);
            }
            out.push(']');
        }
        Py::Dict(d) => {
            out.push('{');
            for (i, (k, v)) in d.items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                dump_str(k, out);
                out.push_str(": ");
                dump_into(v, out);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match loads(text, true) {
            Err(e) => e.text,
            Ok(v) => format!("ok {}", v.py_repr()),
        }
    }

    /// Each message checked against CPython 3.11.7's `json.loads`.
    #[test]
    fn errors_read_as_python_writes_them() {
        assert_eq!(
            err("[{\"Data\": \"x\", \"PartitionKey\": \"1\""),
            "Expecting ',' delimiter: line 1 column 35 (char 34)"
        );
        assert_eq!(
            err("{\"StreamName\": \"Bar\","),
            "Expecting property name enclosed in double quotes: line 1 column 22 (char 21)"
        );
        assert_eq!(err("{\"Type\": \"AT_LATEST\""), "Expecting ',' delimiter: line 1 column 21 (char 20)");
        assert_eq!(err(""), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(err("[1,]"), "Expecting value: line 1 column 4 (char 3)");
        assert_eq!(err("{\"a\" 1}"), "Expecting ':' delimiter: line 1 column 6 (char 5)");
        assert_eq!(err("[1] x"), "Extra data: line 1 column 5 (char 4)");
        assert_eq!(err("\"ab"), "Unterminated string starting at: line 1 column 1 (char 0)");
        assert_eq!(err("\"a\\x\""), "Invalid \\escape: line 1 column 3 (char 2)");
        assert_eq!(err("\"a\tb\""), "Invalid control character at: line 1 column 3 (char 2)");
        assert_eq!(err("\"\\u12\""), "Invalid \\uXXXX escape: line 1 column 3 (char 2)");
        assert_eq!(err("\"\\ud800\\uzzzz\""), "Invalid \\uXXXX escape: line 1 column 9 (char 8)");
        assert_eq!(err("["), "Expecting value: line 1 column 2 (char 1)");
        assert_eq!(err("{"), "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
        assert_eq!(err("{\"a\":1,}"), "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)");
        assert_eq!(err("\"\\"), "Unterminated string starting at: line 1 column 1 (char 0)");
        assert_eq!(err("1.5e+"), "Extra data: line 1 column 4 (char 3)");
        assert_eq!(err("01"), "Extra data: line 1 column 2 (char 1)");
        assert_eq!(err("\u{feff}[]"), "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
        assert_eq!(err("{\n  \"a\": ,\n}"), "Expecting value: line 2 column 8 (char 9)");
        assert_eq!(
            err(" {\"b\": 2, \"a\": [1.5, -0, 1e3, null, true]} "),
            "ok OrderedDict([('b', 2), ('a', [1.5, 0, 1000.0, None, True])])"
        );
        assert_eq!(err("\"\\ud83d\\ude00\""), "ok '😀'");
        assert_eq!(err("-"), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(err("1e"), "Extra data: line 1 column 2 (char 1)");
        let token = Py::Dict(PyDict {
            items: vec![("NextToken".into(), Py::None), ("boto_truncate_amount".into(), Py::Int(PyInt::Small(2)))],
            ordered: false,
        });
        assert_eq!(dumps(&token), r#"{"NextToken": null, "boto_truncate_amount": 2}"#);
        assert_eq!(dumps(&Py::Str("señal \"😀\"\n".into())), r#""se\u00f1al \"\ud83d\ude00\"\n""#);
    }
}
