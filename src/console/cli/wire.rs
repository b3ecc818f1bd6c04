//! From the CLI's parameters to the JSON body on the wire, and the conversions on the way.
//!
//! - **Blobs.** v2 (`cli_binary_format = base64`, its default) base64-decodes every blob given
//!   as text before anything else (`customizations/binaryformat.py`, `base64.b64decode`, which
//!   skips characters outside the alphabet); v1, and v2 with `raw-in-base64-out`, send the
//!   text's UTF-8 bytes. On the wire a blob is always base64 (`JSONSerializer._get_base64`).
//! - **Timestamps** are read as botocore's `parse_to_aware_datetime` reads them (epoch seconds,
//!   or a date and time; no zone means UTC) and sent as whole epoch seconds
//!   (`_timestamp_unixtimestamp`, second precision for this service).
//! - **Order.** The body's keys follow the parameters' order, as `json.dumps` of the
//!   serialized dict does.
//!
//! Simplified: botocore reads date text with `dateutil`, which accepts almost any date
//! writing; here ISO 8601 and its common variants are read (`2024-01-01`, `2024-01-01T10:00`,
//! `2024-01-01 10:00:00.5Z`, `+02:00` offsets, `2024/01/01`, `20240101`).

use super::model::{self, Kind, ShapeId};
use super::pyval::{py_float, Py, PyInt};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{Map, Number, Value};

/// The least and greatest epoch seconds a Python `datetime` can hold (years 1 to 9999).
const MIN_EPOCH: i64 = -62_135_596_800;
const MAX_EPOCH: i64 = 253_402_300_799;

/// Why a v2 blob could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not base64 (`binascii.Error`): the CLI says `Invalid base64: "<text>"`.
    InvalidBase64(String),
    /// Not ASCII: Python's `ValueError`, uncaught.
    NotAscii,
}

impl DecodeError {
    /// The message the CLI prints.
    pub fn message(&self) -> String {
        match self {
            DecodeError::InvalidBase64(text) => format!("Invalid base64: \"{text}\""),
            DecodeError::NotAscii => "string argument should contain only ASCII characters".into(),
        }
    }
}

/// Python's `base64.b64decode(text)` (non-strict `binascii.a2b_base64`, CPython 3.11).
pub fn py_b64decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    if !text.is_ascii() {
        return Err(DecodeError::NotAscii);
    }
    let bad = || DecodeError::InvalidBase64(text.to_string());
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut quad_pos = 0u8;
    let mut pads = 0u8;
    let mut left = 0u32;
    for &c in text.as_bytes() {
        if c == b'=' {
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    return Ok(out);
                }
            }
            continue;
        }
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        } as u32;
        pads = 0;
        match quad_pos {
            0 => {
                left = v;
                quad_pos = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
                quad_pos = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
                quad_pos = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad_pos = 0;
            }
        }
    }
    if quad_pos != 0 {
        return Err(bad());
    }
    Ok(out)
}

/// v2's `Base64DecodeVisitor` over the parameters of an operation: every blob given as text
/// becomes bytes, in the model's member order; `decoded` gets each text and its bytes.
pub fn decode_blobs(params: &mut Py, shape: ShapeId, decoded: &mut Vec<(String, Vec<u8>)>) -> Result<(), DecodeError> {
    match model::shape(shape).kind {
        Kind::Structure { members, .. } => {
            if let Py::Dict(d) = params {
                for m in members {
                    if let Some(v) = d.get_mut(m.name) {
                        decode_blobs(v, m.shape, decoded)?;
                    }
                }
            }
            Ok(())
        }
        Kind::List { member } => {
            if let Py::List(items) = params {
                for item in items {
                    decode_blobs(item, member, decoded)?;
                }
            }
            Ok(())
        }
        Kind::Map { value, .. } => {
            if let Py::Dict(d) = params {
                for (_, v) in d.items.iter_mut() {
                    decode_blobs(v, value, decoded)?;
                }
            }
            Ok(())
        }
        Kind::Blob => {
            if let Py::Str(s) = params {
                let bytes = py_b64decode(s)?;
                decoded.push((s.clone(), bytes.clone()));
                *params = Py::Bytes(bytes);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(s: &str, n: usize) -> Option<i64> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// A date and time text (the ISO 8601 forms in the module docs) as epoch seconds (floored).
fn parse_date_text(text: &str) -> Option<i64> {
    let s = text.trim();
    let (date, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], s[i + 1..].trim_start()),
        None => (s, ""),
    };
    let (y, mo, d) = if let Some(v) = digits(date, 8) {
        (v / 10_000, v / 100 % 100, v % 100)
    } else {
        let sep = if date.contains('-') { '-' } else { '/' };
        let mut parts = date.split(sep);
        let y = digits(parts.next()?, 4)?;
        let mo = parts.next()?.parse::<i64>().ok()?;
        let d = parts.next()?.parse::<i64>().ok()?;
        if parts.next().is_some() {
            return None;
        }
        (y, mo, d)
    };
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || y < 1 {
        return None;
    }
    // The zone: Z, UTC, GMT, or ±HH[:MM] at the end of the time.
    let mut time = rest;
    let mut offset = 0i64;
    for zone in ["Z", "z", "UTC", "GMT"] {
        if let Some(t) = time.strip_suffix(zone) {
            time = t.trim_end();
            break;
        }
    }
    if let Some(i) = time.rfind(['+', '-']) {
        let (t, z) = time.split_at(i);
        let sign = if z.starts_with('-') { -1 } else { 1 };
        let z = z[1..].replace(':', "");
        if !z.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (h, m) = match z.len() {
            2 => (digits(&z, 2)?, 0),
            4 => (digits(&z[..2], 2)?, digits(&z[2..], 2)?),
            _ => return None,
        };
        offset = sign * (h * 3600 + m * 60);
        time = t.trim_end();
    }
    let (mut hh, mut mm, mut ss) = (0, 0, 0);
    if !time.is_empty() {
        let (clock, _frac) = match time.split_once(['.', ',']) {
            Some((c, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (c, f),
            Some(_) => return None,
            None => (time, ""),
        };
        let parts: Vec<&str> = clock.split(':').collect();
        match parts.as_slice() {
            [h, m] => {
                hh = digits(h, 2).or_else(|| digits(h, 1))?;
                mm = digits(m, 2)?;
            }
            [h, m, sec] => {
                hh = digits(h, 2).or_else(|| digits(h, 1))?;
                mm = digits(m, 2)?;
                ss = digits(sec, 2)?;
            }
            [hms] if hms.len() == 6 => {
                let v = digits(hms, 6)?;
                hh = v / 10_000;
                mm = v / 100 % 100;
                ss = v % 100;
            }
            _ => return None,
        }
        if hh > 23 || mm > 59 || ss > 59 {
            return None;
        }
    }
    Some(days_from_civil(y, mo, d) * 86_400 + hh * 3600 + mm * 60 + ss - offset)
}

/// How botocore reads a timestamp value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timestamp {
    /// Epoch seconds, floored (what is sent).
    Seconds(i64),
    /// Not a timestamp: a validation error.
    Invalid,
    /// A number no `datetime` holds: botocore gives up with `Unable to calculate correct
    /// timezone offset for "<value>"`, an uncaught error.
    Overflow,
}

/// Beyond this many seconds, Python's `fromtimestamp` overflows the platform's `time_t`
/// (botocore's fallback then fails too); below it, a year out of range is a `ValueError`.
const OVERFLOW_SECONDS: f64 = 1e18;

fn epoch_of_float(f: f64) -> Option<i64> {
    if !f.is_finite() {
        return None;
    }
    // `fromtimestamp` rounds to microseconds (half to even), then the seconds are floored.
    let micros = (f * 1e6).round_ties_even();
    let secs = (micros / 1e6).floor();
    ((MIN_EPOCH as f64)..=(MAX_EPOCH as f64)).contains(&secs).then_some(secs as i64)
}

/// botocore's `parse_to_aware_datetime(value)`, with the overflow it cannot recover from.
pub fn read_timestamp(value: &Py) -> Timestamp {
    let overflows = |f: f64| f.is_infinite() || f.abs() >= OVERFLOW_SECONDS;
    let as_float = match value {
        Py::Float(f) => Some(*f),
        Py::Int(n) => Some(n.saturating() as f64),
        Py::Str(s) => py_float(s).ok(),
        _ => None,
    };
    if as_float.is_some_and(overflows) {
        return Timestamp::Overflow;
    }
    match timestamp_seconds(value) {
        Some(s) => Timestamp::Seconds(s),
        None => Timestamp::Invalid,
    }
}

/// botocore's `parse_to_aware_datetime(value)` as epoch seconds, floored (what is sent), or
/// `None` when botocore cannot read it (a validation error).
pub fn timestamp_seconds(value: &Py) -> Option<i64> {
    match value {
        Py::Bool(b) => Some(i64::from(*b)),
        Py::Int(n) => {
            let v = n.saturating();
            ((MIN_EPOCH as i128)..=(MAX_EPOCH as i128)).contains(&v).then_some(v as i64)
        }
        Py::Float(f) => epoch_of_float(*f),
        Py::Str(s) => match py_float(s) {
            Ok(f) => epoch_of_float(f),
            Err(_) => parse_date_text(s),
        },
        _ => None,
    }
}

fn number_of_int(n: &PyInt) -> Value {
    match n {
        PyInt::Small(v) => {
            if let Ok(i) = i64::try_from(*v) {
                Value::Number(i.into())
            } else if let Ok(u) = u64::try_from(*v) {
                Value::Number(u.into())
            } else {
                Number::from_f64(*v as f64).map_or(Value::Null, Value::Number)
            }
        }
        PyInt::Big(s) => s.parse::<f64>().ok().and_then(Number::from_f64).map_or(Value::Null, Value::Number),
    }
}

/// The JSON body of `params` (a validated input structure) for `shape`: blobs in base64,
/// timestamps as epoch seconds, keys in the parameters' order.
pub fn serialize(params: &Py, shape: ShapeId) -> Value {
    let kind = model::shape(shape).kind;
    match (params, kind) {
        (Py::Dict(d), Kind::Structure { members, .. }) => {
            let mut out = Map::new();
            for (k, v) in &d.items {
                let member_shape = members.iter().find(|m| m.name == k).map(|m| m.shape);
                let value = match member_shape {
                    Some(s) => serialize(v, s),
                    None => plain(v),
                };
                out.insert(k.clone(), value);
            }
            Value::Object(out)
        }
        (Py::Dict(d), Kind::Map { value, .. }) => {
            Value::Object(d.items.iter().map(|(k, v)| (k.clone(), serialize(v, value))).collect())
        }
        (Py::List(items), Kind::List { member }) => Value::Array(items.iter().map(|v| serialize(v, member)).collect()),
        (Py::Str(s), Kind::Blob) => Value::String(STANDARD.encode(s.as_bytes())),
        (Py::Bytes(b), Kind::Blob) => Value::String(STANDARD.encode(b)),
        (v, Kind::Timestamp) => timestamp_seconds(v).map_or(Value::Null, |s| Value::Number(s.into())),
        (v, _) => plain(v),
    }
}

/// A Python value as JSON without a shape (`json.dumps` of it).
pub fn plain(v: &Py) -> Value {
    match v {
        Py::None => Value::Null,
        Py::Bool(b) => Value::Bool(*b),
        Py::Int(n) => number_of_int(n),
        Py::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Py::Str(s) => Value::String(s.clone()),
        Py::Bytes(b) => Value::String(STANDARD.encode(b)),
        Py::List(items) => Value::Array(items.iter().map(plain).collect()),
        Py::Dict(d) => Value::Object(d.items.iter().map(|(k, v)| (k.clone(), plain(v))).collect()),
    }
}

/// A JSON value as the Python value `json.loads` gives (objects as plain dicts).
pub fn from_json(v: &Value) -> Py {
    match v {
        Value::Null => Py::None,
        Value::Bool(b) => Py::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Py::Int(PyInt::Small(i128::from(i))),
            (None, Some(u)) => Py::Int(PyInt::Small(i128::from(u))),
            _ => Py::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Py::Str(s.clone()),
        Value::Array(items) => Py::List(items.iter().map(from_json).collect()),
        Value::Object(m) => Py::Dict(super::pyval::PyDict {
            items: m.iter().map(|(k, v)| (k.clone(), from_json(v))).collect(),
            ordered: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each checked against CPython 3.11.7's `base64.b64decode`.
    #[test]
    fn base64_decodes_as_python_does() {
        assert_eq!(py_b64decode("testdata"), Ok(vec![0xb5, 0xeb, 0x2d, 0x75, 0xab, 0x5a]));
        assert_eq!(py_b64decode("dGVzdGRhdGE="), Ok(b"testdata".to_vec()));
        assert_eq!(py_b64decode("abc"), Err(DecodeError::InvalidBase64("abc".into())));
        assert_eq!(py_b64decode("hola mundo"), Err(DecodeError::InvalidBase64("hola mundo".into())));
        assert_eq!(py_b64decode("señal"), Err(DecodeError::NotAscii));
        assert_eq!(py_b64decode("ab=="), Ok(vec![0x69]));
        assert_eq!(py_b64decode("ab==cd"), Ok(vec![0x69]));
        assert_eq!(py_b64decode("a*b*c*d"), Ok(vec![0x69, 0xb7, 0x1d]));
        assert_eq!(py_b64decode(""), Ok(vec![]));
        assert_eq!(py_b64decode("x"), Err(DecodeError::InvalidBase64("x".into())));
        assert_eq!(py_b64decode("ab=c"), Err(DecodeError::InvalidBase64("ab=c".into())));
    }

    #[test]
    fn timestamps_read_as_botocore_reads_them() {
        let s = |t: &str| timestamp_seconds(&Py::Str(t.into()));
        assert_eq!(s("2024-01-01T00:00:00.5Z"), Some(1_704_067_200));
        assert_eq!(s("1700000000.25"), Some(1_700_000_000));
        assert_eq!(s("2024-01-01 10:00"), Some(1_704_103_200));
        assert_eq!(s("2024-01-01"), Some(1_704_067_200));
        assert_eq!(s("2024-01-01T12:00:00+02:00"), Some(1_704_103_200));
        assert_eq!(s("yesterday"), None);
        assert_eq!(s("2024-02-30"), None);
        assert_eq!(timestamp_seconds(&Py::Int(PyInt::Small(5))), Some(5));
    }
}
