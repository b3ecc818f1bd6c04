//! Values as the AWS CLI holds them between the command line and the request: Python objects
//! (`str`, `int`, `bytes`, `dict`…), because the CLI's messages print them the way Python does.
//!
//! botocore's validation message `Invalid type for parameter ShardCount, value: 1, type:
//! <class 'str'>, valid types: <class 'int'>` writes the value with `str()` and its type with
//! `type()`; argparse writes `invalid int value: 'abc'` with `repr()`; `int('1.5')` fails with
//! `invalid literal for int() with base 10: '1.5'`. This module reproduces those (CPython 3.11,
//! the Python of the CLIs the console was checked against) for the values the CLI can build.
//!
//! Simplified: `repr` escapes the control and format characters and the Unicode spaces that
//! CPython does not print, from a short table rather than the full Unicode database.

/// A Python `int` (unbounded in Python: one beyond `i128` keeps its decimal digits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PyInt {
    /// A value that fits `i128`.
    Small(i128),
    /// A larger value: an optional `-` and its digits, without leading zeros.
    Big(String),
}

/// A Python dict: keys in insertion order, and whether it is a `collections.OrderedDict` (what
/// `json.loads(…, object_pairs_hook=OrderedDict)` builds for a JSON option value).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PyDict {
    /// The entries, in insertion order (a repeated key keeps its first place, as in Python).
    pub items: Vec<(String, Py)>,
    /// `OrderedDict` rather than `dict` (only the type's name and repr differ).
    pub ordered: bool,
}

/// A Python value.
#[derive(Clone, Debug, PartialEq)]
pub enum Py {
    /// `None`.
    None,
    /// `True`, `False`.
    Bool(bool),
    /// `int`.
    Int(PyInt),
    /// `float`.
    Float(f64),
    /// `str`.
    Str(String),
    /// `bytes` (a blob after v2 decoded its base64, or a `fileb://` file).
    Bytes(Vec<u8>),
    /// `list`.
    List(Vec<Py>),
    /// `dict` or `OrderedDict`.
    Dict(PyDict),
}

impl PyDict {
    /// An empty plain `dict`.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Py> {
        self.items.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Py> {
        self.items.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub fn contains(&self, key: &str) -> bool {
        self.items.iter().any(|(k, _)| k == key)
    }

    /// `d[key] = value`: replaces in place, or appends.
    pub fn insert(&mut self, key: &str, value: Py) {
        match self.get_mut(key) {
            Some(slot) => *slot = value,
            None => self.items.push((key.to_string(), value)),
        }
    }

    /// `d.pop(key, None)`.
    pub fn remove(&mut self, key: &str) -> Option<Py> {
        let at = self.items.iter().position(|(k, _)| k == key)?;
        Some(self.items.remove(at).1)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(k, _)| k.as_str())
    }
}

impl PyInt {
    /// The int of a decimal digit string with an optional sign (already checked to be digits).
    pub fn from_digits(negative: bool, digits: &str) -> PyInt {
        let trimmed = digits.trim_start_matches('0');
        let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
        let text = if negative && trimmed != "0" { format!("-{trimmed}") } else { trimmed.to_string() };
        match text.parse::<i128>() {
            Ok(v) => PyInt::Small(v),
            Err(_) => PyInt::Big(text),
        }
    }

    /// The value as `i128`, saturating a big one.
    pub fn saturating(&self) -> i128 {
        match self {
            PyInt::Small(v) => *v,
            PyInt::Big(s) if s.starts_with('-') => i128::MIN,
            PyInt::Big(_) => i128::MAX,
        }
    }

    /// The decimal text (`str(n)`).
    pub fn text(&self) -> String {
        match self {
            PyInt::Small(v) => v.to_string(),
            PyInt::Big(s) => s.clone(),
        }
    }
}

impl Py {
    /// `str(value)`: a string as it is, anything else as its `repr`.
    pub fn py_str(&self) -> String {
        match self {
            Py::Str(s) => s.clone(),
            other => other.py_repr(),
        }
    }

    /// `repr(value)`.
    pub fn py_repr(&self) -> String {
        match self {
            Py::None => "None".into(),
            Py::Bool(true) => "True".into(),
            Py::Bool(false) => "False".into(),
            Py::Int(n) => n.text(),
            Py::Float(f) => float_repr(*f),
            Py::Str(s) => str_repr(s),
            Py::Bytes(b) => bytes_repr(b),
            Py::List(items) => {
                let inner: Vec<String> = items.iter().map(Py::py_repr).collect();
                format!("[{}]", inner.join(", "))
            }
            Py::Dict(d) if d.ordered => {
                if d.items.is_empty() {
                    return "OrderedDict()".into();
                }
                let inner: Vec<String> =
                    d.items.iter().map(|(k, v)| format!("({}, {})", str_repr(k), v.py_repr())).collect();
                format!("OrderedDict([{}])", inner.join(", "))
            }
            Py::Dict(d) => {
                let inner: Vec<String> =
                    d.items.iter().map(|(k, v)| format!("{}: {}", str_repr(k), v.py_repr())).collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }

    /// `type(value)` as Python prints it: `<class 'str'>`.
    pub fn py_type(&self) -> &'static str {
        match self {
            Py::None => "<class 'NoneType'>",
            Py::Bool(_) => "<class 'bool'>",
            Py::Int(_) => "<class 'int'>",
            Py::Float(_) => "<class 'float'>",
            Py::Str(_) => "<class 'str'>",
            Py::Bytes(_) => "<class 'bytes'>",
            Py::List(_) => "<class 'list'>",
            Py::Dict(d) if d.ordered => "<class 'collections.OrderedDict'>",
            Py::Dict(_) => "<class 'dict'>",
        }
    }

    /// The Python type's bare name (`list`), as in `'list' object has no attribute 'keys'`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Py::None => "NoneType",
            Py::Bool(_) => "bool",
            Py::Int(_) => "int",
            Py::Float(_) => "float",
            Py::Str(_) => "str",
            Py::Bytes(_) => "bytes",
            Py::List(_) => "list",
            Py::Dict(d) if d.ordered => "OrderedDict",
            Py::Dict(_) => "dict",
        }
    }

    /// Python truthiness (`if value:`).
    pub fn truthy(&self) -> bool {
        match self {
            Py::None => false,
            Py::Bool(b) => *b,
            Py::Int(n) => n.saturating() != 0,
            Py::Float(f) => *f != 0.0,
            Py::Str(s) => !s.is_empty(),
            Py::Bytes(b) => !b.is_empty(),
            Py::List(l) => !l.is_empty(),
            Py::Dict(d) => !d.items.is_empty(),
        }
    }
}

/// Python's `str.isspace()` for one character: Unicode whitespace, and the information
/// separators U+001C–U+001F that Python counts as spaces.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `s.strip()` with Python's notion of whitespace.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python's `int(text)` (base 10): surrounding whitespace, a sign, digits with single
/// underscores between them. The error is Python's message.
pub fn py_int(text: &str) -> Result<PyInt, String> {
    let fail = || format!("invalid literal for int() with base 10: {}", str_repr(text));
    let s = py_strip(text);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return Err(fail());
    }
    if !body.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return Err(fail());
    }
    Ok(PyInt::from_digits(negative, &body.replace('_', "")))
}

/// Python's `float(text)`. The error is Python's message.
pub fn py_float(text: &str) -> Result<f64, String> {
    let fail = || format!("could not convert string to float: {}", str_repr(text));
    let s = py_strip(text);
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let negative = lower.starts_with('-');
    if lower.len() - unsigned.len() > 1 {
        return Err(fail());
    }
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    if unsigned.starts_with('_') || unsigned.ends_with('_') || unsigned.contains("__") || unsigned.contains("_.") {
        return Err(fail());
    }
    let cleaned = lower.replace('_', "");
    let ok_chars = cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'));
    if !ok_chars || !cleaned.chars().any(|c| c.is_ascii_digit()) {
        return Err(fail());
    }
    cleaned.parse::<f64>().map_err(|_| fail())
}

/// Whether CPython's `str.isprintable()` holds for `c` (an approximation: control characters,
/// the Unicode spaces other than U+0020, format characters, surrogates, private use and
/// non-characters are not printable).
fn is_printable(c: char) -> bool {
    let u = c as u32;
    !(u < 0x20
        || (0x7f..=0xa0).contains(&u)
        || u == 0xad
        || u == 0x1680
        || (0x2000..=0x200f).contains(&u)
        || (0x2028..=0x202f).contains(&u)
        || (0x205f..=0x206f).contains(&u)
        || u == 0x3000
        || (0xe000..=0xf8ff).contains(&u)
        || u == 0xfeff
        || (0xfff0..=0xfffb).contains(&u)
        || u == 0xfffe
        || u == 0xffff
        || (0xf0000..).contains(&u))
}

/// `repr(s)` of a `str`: single quotes unless the text has a `'` and no `"`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` of `bytes`: `b'…'`, with `\xNN` for bytes outside printable ASCII.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            q if q == quote => {
                out.push('\\');
                out.push(q as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `repr(f)` of a `float`: the shortest digits that read back, in fixed notation when the
/// decimal exponent is in `-4..16`, else `1e+16` style.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` writes the shortest round-trip digits: `1.5e-5`, `1e16`.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat(point.unsigned_abs() as usize), digits)
        } else if (point as usize) >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            let (a, b) = digits.split_at(point as usize);
            format!("{a}.{b}")
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{frac}e{esign}{:02}", exp.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_read_as_python_writes_them() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(str_repr("señal \u{7}"), "'señal \\x07'");
        assert_eq!(bytes_repr(&[0xb5, b'a', b'\'']), "b\"\\xb5a'\"");
        assert_eq!(float_repr(1.5), "1.5");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1796311875.0), "1796311875.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1441215410.867), "1441215410.867");
        let d = PyDict { items: vec![("a".into(), Py::Int(PyInt::Small(1)))], ordered: true };
        assert_eq!(Py::Dict(d.clone()).py_repr(), "OrderedDict([('a', 1)])");
        assert_eq!(Py::Dict(PyDict { ordered: false, ..d }).py_repr(), "{'a': 1}");
        assert_eq!(Py::List(vec![Py::Str("x".into()), Py::None]).py_str(), "['x', None]");
    }

    #[test]
    fn int_parses_as_python_int_does() {
        assert_eq!(py_int(" 7 "), Ok(PyInt::Small(7)));
        assert_eq!(py_int("1_0"), Ok(PyInt::Small(10)));
        assert_eq!(py_int("-3"), Ok(PyInt::Small(-3)));
        assert_eq!(py_int("abc"), Err("invalid literal for int() with base 10: 'abc'".into()));
        assert_eq!(py_int("1.5"), Err("invalid literal for int() with base 10: '1.5'".into()));
        assert!(py_int("1__0").is_err());
        assert!(py_int("").is_err());
        assert_eq!(
            py_int("123456789012345678901234567890123456789012"),
            Ok(PyInt::Big("123456789012345678901234567890123456789012".into()))
        );
        assert_eq!(py_float("2.5"), Ok(2.5));
        assert!(py_float("x").is_err());
    }
}
