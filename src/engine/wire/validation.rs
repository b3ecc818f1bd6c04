//! Request validation, declared as data.
//!
//! Each operation declares its fields as a `&[Field]` table (see `api.rs`), the way kinesalite's
//! `validations/*.js` do. Checking runs in AWS's two phases (KINESIS.md B11):
//!
//! 1. **Types.** The first field whose JSON type is wrong ends the request with a
//!    `SerializationException` whose text is what AWS's Coral framework says
//!    (`class java.lang.String can not be converted to an Integer`, …). Integers are floored and
//!    clamped to `2^31 − 1`; unknown keys and `null`s are dropped.
//! 2. **Constraints.** Every failed constraint adds an item
//!    `Value <v> at '<path>' failed to satisfy constraint: <rule>`; at most 10 items are kept, and the
//!    message starts `1 validation error detected: ` or `N validation errors detected: `.

use crate::engine::error::{invalid_argument, serialization, ApiError, ErrorType};
use crate::engine::state::hashing::{parse_hash_key, HashKeyParse};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{Map, Value};

/// The wire type of a field.
#[derive(Clone, Copy, Debug)]
pub enum Type {
    /// A JSON string.
    String,
    /// A 32-bit integer (floored, clamped to `2^31 − 1`).
    Integer,
    /// A 64-bit integer (floored).
    Long,
    /// A JSON boolean.
    Boolean,
    /// A base64 string.
    Blob,
    /// Epoch seconds as a JSON number.
    Timestamp,
    /// A list of members.
    List(&'static Member),
    /// A string-keyed map of members.
    Map(&'static Member),
    /// A nested structure.
    Structure(&'static [Field]),
}

/// The type and rules of list or map members.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    /// Member type.
    pub ty: Type,
    /// Member rules.
    pub rules: &'static [Rule],
}

/// One declared request field.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Wire name (PascalCase).
    pub name: &'static str,
    /// Wire type.
    pub ty: Type,
    /// Constraints, checked in order.
    pub rules: &'static [Rule],
}

/// A regular-expression constraint of the Kinesis API model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// `[a-zA-Z0-9_.-]+` (stream names, shard ids, consumer names).
    Name,
    /// `0|([1-9]\d{0,38})` (hash keys).
    HashKey,
    /// `0|([1-9]\d{0,128})` (sequence numbers).
    SequenceNumber,
    /// `arn:aws.*:kinesis:.*:\d{12}:stream/\S+` (stream ARNs).
    StreamArn,
    /// `arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+` (the `ResourceARN` of TagResource,
    /// UntagResource and ListTagsForResource: a stream or a consumer).
    ResourceArn,
    /// `^(arn):aws.*:kinesis:.*:\d{12}:.*stream\/[a-zA-Z0-9_.-]+\/consumer\/[a-zA-Z0-9_.-]+:[0-9]+`
    /// (consumer ARNs, as the API reference of DescribeStreamConsumer prints it).
    ConsumerArn,
}

impl Pattern {
    /// The pattern as AWS prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Pattern::Name => "[a-zA-Z0-9_.-]+",
            Pattern::HashKey => "0|([1-9]\\d{0,38})",
            Pattern::SequenceNumber => "0|([1-9]\\d{0,128})",
            Pattern::StreamArn => "arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+",
            Pattern::ResourceArn => "arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+",
            Pattern::ConsumerArn => {
                "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+"
            }
        }
    }

    /// Whether `s` matches the whole pattern.
    pub fn matches(self, s: &str) -> bool {
        fn number(s: &str, max_extra: usize) -> bool {
            s == "0"
                || (s.len() <= max_extra + 1
                    && s.bytes().next().is_some_and(|b| (b'1'..=b'9').contains(&b))
                    && s.bytes().all(|b| b.is_ascii_digit()))
        }
        match self {
            Pattern::Name => {
                !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
            }
            Pattern::HashKey => number(s, 38),
            Pattern::SequenceNumber => number(s, 128),
            Pattern::StreamArn => parse_stream_arn(s).is_some(),
            Pattern::ResourceArn => resource_arn_matches(s),
            Pattern::ConsumerArn => parse_consumer_arn(s).is_some(),
        }
    }
}

/// Whether `s` matches `arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+`: some `:kinesis:` is followed
/// by anything, a colon, twelve digits, a colon, anything, and `stream/` with a non-empty tail
/// free of white space.
fn resource_arn_matches(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("arn:aws") else {
        return false;
    };
    rest.match_indices(":kinesis:").any(|(i, k)| {
        let after = &rest[i + k.len()..];
        after.char_indices().filter(|&(_, c)| c == ':').any(|(j, _)| {
            let tail = &after[j + 1..];
            let account_ok =
                tail.len() > 13 && tail.as_bytes()[..12].iter().all(u8::is_ascii_digit) && tail.as_bytes()[12] == b':';
            account_ok
                && tail[13..].match_indices("stream/").any(|(m, w)| {
                    let end = &tail[13 + m + w.len()..];
                    !end.is_empty() && !end.chars().any(char::is_whitespace)
                })
        })
    })
}

/// Splits a stream ARN into `(region, account, stream name)` if it has the AWS form.
pub fn parse_stream_arn(s: &str) -> Option<(&str, &str, &str)> {
    let rest = s.strip_prefix("arn:aws")?;
    let (_, rest) = rest.split_once(":kinesis:")?;
    let (region, rest) = rest.split_once(':')?;
    let (account, name) = rest.split_once(":stream/")?;
    let ok = account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && !name.is_empty()
        && !name.chars().any(char::is_whitespace);
    ok.then_some((region, account, name))
}

/// The parts of a consumer ARN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConsumerArnParts<'a> {
    /// Region.
    pub region: &'a str,
    /// 12-digit account.
    pub account: &'a str,
    /// Stream name.
    pub stream: &'a str,
    /// Consumer name.
    pub consumer: &'a str,
    /// Creation time, epoch seconds (the digits after the last `:`).
    pub created_secs: &'a str,
}

/// Splits a consumer ARN (`arn:aws:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<secs>`)
/// into its parts if it has the form of [`Pattern::ConsumerArn`].
pub fn parse_consumer_arn(s: &str) -> Option<ConsumerArnParts<'_>> {
    let name_ok = |n: &str| Pattern::Name.matches(n);
    let rest = s.strip_prefix("arn:aws")?;
    let (_, rest) = rest.split_once(":kinesis:")?;
    let (region, rest) = rest.split_once(':')?;
    let (account, rest) = rest.split_once(':')?;
    // The model allows anything before `stream/` (`.*stream\/`).
    let (_, rest) = rest.split_once("stream/")?;
    let (stream, rest) = rest.split_once("/consumer/")?;
    let (consumer, created_secs) = rest.rsplit_once(':')?;
    let ok = account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && name_ok(stream)
        && name_ok(consumer)
        && !created_secs.is_empty()
        && created_secs.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(ConsumerArnParts { region, account, stream, consumer, created_secs })
}

/// One constraint.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// The field must be present.
    NotNull,
    /// The string must match a pattern.
    Pattern(Pattern),
    /// Minimum length (UTF-16 units for strings, bytes for blobs, entries for lists and maps).
    MinLen(usize),
    /// Maximum length (same units as `MinLen`).
    MaxLen(usize),
    /// Minimum numeric value.
    Min(i64),
    /// Maximum numeric value.
    Max(i64),
    /// The string must be one of these values.
    OneOf(&'static [&'static str]),
    /// Every list member's length must lie in `[min, max]`.
    ChildLengths(usize, usize),
    /// Every map key's length must lie in `[min, max]`.
    ChildKeyLengths(usize, usize),
    /// Every map value's length must lie in `[min, max]`.
    ChildValueLengths(usize, usize),
    /// How AWS prints each list member inside a validation message (a Java object name).
    MemberStr(&'static str),
}

/// An optional name: `[a-zA-Z0-9_.-]+`, 1..=128 characters (shard ids, consumer names, …).
pub const NAME_RULES: &[Rule] = &[Rule::Pattern(Pattern::Name), Rule::MinLen(1), Rule::MaxLen(128)];
/// A required name: present, `[a-zA-Z0-9_.-]+`, 1..=128 characters.
pub const REQUIRED_NAME_RULES: &[Rule] =
    &[Rule::NotNull, Rule::Pattern(Pattern::Name), Rule::MinLen(1), Rule::MaxLen(128)];
/// The `StreamName` field every stream operation declares.
pub const STREAM_NAME: Field = Field { name: "StreamName", ty: Type::String, rules: REQUIRED_NAME_RULES };

/// Checks a stream name the way CreateStream, and every operation that takes a `StreamName`,
/// checks it: `[a-zA-Z0-9_.-]+`, 1..=128 characters. The error is the ValidationException the
/// engine answers, with AWS's exact message (every failed rule, in order).
pub fn validate_stream_name(name: &str) -> Result<(), ApiError> {
    let mut request = Map::new();
    request.insert(STREAM_NAME.name.to_string(), Value::from(name));
    check_rules(&request, &[STREAM_NAME])
}

/// Reads an ExplicitHashKey the way PutRecord and PutRecords do: the text must match
/// `0|([1-9]\d{0,38})` (else a ValidationException) and lie in `[0, 2^128 − 1]` (else an
/// InvalidArgumentException). Errors carry AWS's exact messages, as the engine answers them.
pub fn parse_explicit_hash_key(text: &str) -> Result<u128, ApiError> {
    validation_result(explicit_hash_key_item(text, "").into_iter().collect())?;
    explicit_hash_key_value(text)
}

/// The constraint-failure item of an ExplicitHashKey that does not match its pattern; `path` is
/// `""` for PutRecord or `records.N.member.` for a PutRecords entry.
pub(crate) fn explicit_hash_key_item(text: &str, path: &str) -> Option<String> {
    (!Pattern::HashKey.matches(text)).then(|| {
        validation_item(
            Some(&Value::from(text)),
            Type::String,
            &format!("{path}explicitHashKey"),
            &format!("Member must satisfy regular expression pattern: {}", Pattern::HashKey.as_str()),
        )
    })
}

/// The value of an ExplicitHashKey, or AWS's InvalidArgumentException for one outside
/// `[0, 2^128 − 1]` (in PutRecords it fails the whole request).
pub(crate) fn explicit_hash_key_value(text: &str) -> Result<u128, ApiError> {
    match parse_hash_key(text) {
        HashKeyParse::InRange(v) => Ok(v),
        HashKeyParse::OutOfRange | HashKeyParse::Malformed => Err(invalid_argument(format!(
            "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {text}"
        ))),
    }
}

fn type_error(msg: impl Into<String>) -> ApiError {
    serialization(msg)
}

fn structure_found() -> ApiError {
    type_error("Start of structure or map found where not expected.")
}

fn list_found() -> ApiError {
    type_error("Start of list found where not expected")
}

/// Phase 1: checks JSON types and returns the normalised object (only declared, non-null fields).
pub fn check_types(value: &Value, fields: &[Field]) -> Result<Map<String, Value>, ApiError> {
    let Value::Object(obj) = value else {
        return Err(ApiError::bare(ErrorType::SerializationException));
    };
    check_structure(obj, fields)
}

fn check_structure(obj: &Map<String, Value>, fields: &[Field]) -> Result<Map<String, Value>, ApiError> {
    let mut out = Map::new();
    for field in fields {
        let Some(v) = obj.get(field.name) else {
            continue;
        };
        if let Some(v) = check_type(v, field.ty)? {
            out.insert(field.name.to_string(), v);
        }
    }
    Ok(out)
}

fn floor_number(n: &serde_json::Number) -> i64 {
    if let Some(i) = n.as_i64() {
        i
    } else if let Some(u) = n.as_u64() {
        i64::try_from(u).unwrap_or(i64::MAX)
    } else {
        // Float input only: floor it, saturating at the i64 bounds (`as` saturates).
        n.as_f64().map_or(0, |f| f.floor() as i64)
    }
}

fn check_type(v: &Value, ty: Type) -> Result<Option<Value>, ApiError> {
    if v.is_null() {
        return Ok(None);
    }
    let checked =
        match ty {
            Type::Boolean => match v {
                Value::Number(_) => return Err(type_error(
                    "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean",
                )),
                Value::String(s) => {
                    return Err(type_error(format!("'{}' can not be converted to an Boolean", s.to_uppercase())))
                }
                Value::Array(_) => return Err(list_found()),
                Value::Object(_) => return Err(structure_found()),
                _ => v.clone(),
            },
            Type::Integer | Type::Long => {
                let name = if matches!(ty, Type::Integer) { "Integer" } else { "Long" };
                match v {
                    Value::Bool(_) => {
                        return Err(type_error(format!("class java.lang.Boolean can not be converted to an {name}")))
                    }
                    Value::String(_) => {
                        return Err(type_error(format!("class java.lang.String can not be converted to an {name}")))
                    }
                    Value::Array(_) => return Err(list_found()),
                    Value::Object(_) => return Err(structure_found()),
                    Value::Number(n) => {
                        let mut i = floor_number(n);
                        if matches!(ty, Type::Integer) {
                            i = i.min(2_147_483_647);
                        }
                        Value::from(i)
                    }
                    Value::Null => return Ok(None),
                }
            }
            Type::String => match v {
                Value::Bool(_) => return Err(type_error("class java.lang.Boolean can not be converted to an String")),
                Value::Number(_) => return Err(type_error(
                    "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
                )),
                Value::Array(_) => return Err(list_found()),
                Value::Object(_) => return Err(structure_found()),
                _ => v.clone(),
            },
            Type::Blob => {
                match v {
                    Value::Bool(_) => return Err(type_error("class java.lang.Boolean can not be converted to a Blob")),
                    Value::Number(_) => return Err(type_error(
                        "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob",
                    )),
                    Value::Array(_) => return Err(list_found()),
                    Value::Object(_) => return Err(structure_found()),
                    Value::String(s) => {
                        check_base64(s)?;
                        v.clone()
                    }
                    Value::Null => return Ok(None),
                }
            }
            Type::Timestamp => match v {
                Value::Bool(_) => {
                    return Err(type_error("class java.lang.Boolean can not be converted to milliseconds since epoch"))
                }
                Value::String(_) => {
                    return Err(type_error("class java.lang.String can not be converted to milliseconds since epoch"))
                }
                Value::Array(_) => return Err(list_found()),
                Value::Object(_) => return Err(structure_found()),
                _ => v.clone(),
            },
            Type::List(member) => match v {
                Value::Array(items) => {
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        out.push(check_type(item, member.ty)?.unwrap_or(Value::Null));
                    }
                    Value::Array(out)
                }
                Value::Object(_) => return Err(structure_found()),
                _ => return Err(type_error("Expected list or null")),
            },
            Type::Map(member) => match v {
                Value::Object(entries) => {
                    let mut out = Map::new();
                    for (k, item) in entries {
                        out.insert(k.clone(), check_type(item, member.ty)?.unwrap_or(Value::Null));
                    }
                    Value::Object(out)
                }
                Value::Array(_) => return Err(list_found()),
                _ => return Err(type_error("Expected map or null")),
            },
            Type::Structure(fields) => match v {
                Value::Object(entries) => Value::Object(check_structure(entries, fields)?),
                Value::Array(_) => return Err(list_found()),
                _ => return Err(type_error("Expected null")),
            },
        };
    Ok(Some(checked))
}

fn check_base64(s: &str) -> Result<(), ApiError> {
    if s.len() % 4 != 0 {
        return Err(type_error(format!(
            "'{s}' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: {}",
            s.len()
        )));
    }
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let bad_char = !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=');
        let pad_then_data = b == b'=' && bytes.get(i + 1).is_some_and(|&n| n != b'=');
        if bad_char || pad_then_data {
            let c = s[i..].chars().next().unwrap_or('?');
            return Err(type_error(format!("'{s}' can not be converted to a Blob: Invalid Base64 character: '{c}'")));
        }
    }
    match STANDARD.decode(s) {
        Ok(decoded) if STANDARD.encode(&decoded) == s => Ok(()),
        _ => Err(type_error(format!(
            "'{s}' can not be converted to a Blob: Invalid last non-pad Base64 character dectected"
        ))),
    }
}

/// Byte length of a validated base64 string.
fn blob_len(s: &str) -> usize {
    let pad = s.bytes().rev().take_while(|&b| b == b'=').count();
    s.len() / 4 * 3 - pad.min(2)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn value_str(v: Option<&Value>, ty: Type, member_str: Option<&str>) -> String {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return "null".into();
    };
    let shown = match (ty, v) {
        (Type::Blob, Value::String(s)) => {
            let n = blob_len(s);
            format!("java.nio.HeapByteBuffer[pos=0 lim={n} cap={n}]")
        }
        (Type::List(_), Value::Array(items)) => {
            let parts: Vec<String> =
                items.iter().map(|i| member_str.map_or_else(|| plain(i), str::to_string)).collect();
            format!("[{}]", parts.join(", "))
        }
        (Type::Map(_), Value::Object(m)) => {
            let parts: Vec<String> =
                m.iter().map(|(k, i)| format!("{k}={}", member_str.map_or_else(|| plain(i), str::to_string))).collect();
            format!("{{{}}}", parts.join(", "))
        }
        _ => plain(v),
    };
    format!("'{shown}'")
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn length_of(v: &Value, ty: Type) -> usize {
    match (ty, v) {
        (Type::Blob, Value::String(s)) => blob_len(s),
        (_, Value::String(s)) => s.encode_utf16().count(),
        (_, Value::Array(a)) => a.len(),
        (_, Value::Object(m)) => m.len(),
        _ => 0,
    }
}

fn str_len(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.encode_utf16().count())
}

/// Phase 2: collects constraint failures; returns a `ValidationException` if there are any.
pub fn check_rules(obj: &Map<String, Value>, fields: &[Field]) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    check_fields(obj, fields, "", &mut errors);
    validation_result(errors)
}

/// Formats a list of constraint failures as AWS's `ValidationException` (B11).
pub fn validation_result(errors: Vec<String>) -> Result<(), ApiError> {
    if errors.is_empty() {
        return Ok(());
    }
    let n = errors.len();
    let plural = if n > 1 { "s" } else { "" };
    Err(ApiError::new(
        ErrorType::ValidationException,
        format!("{n} validation error{plural} detected: {}", errors.join("; ")),
    ))
}

/// One constraint-failure item (`Value … at '…' failed to satisfy constraint: …`).
pub fn validation_item(value: Option<&Value>, ty: Type, path: &str, message: &str) -> String {
    format!("Value {} at '{path}' failed to satisfy constraint: {message}", value_str(value, ty, None))
}

fn check_fields(obj: &Map<String, Value>, fields: &[Field], parent: &str, errors: &mut Vec<String>) {
    for field in fields {
        check_value(obj.get(field.name), field.name, field.ty, field.rules, parent, errors);
    }
}

fn check_value(v: Option<&Value>, name: &str, ty: Type, rules: &[Rule], parent: &str, errors: &mut Vec<String>) {
    let v = v.filter(|v| !v.is_null());
    let path = if parent.is_empty() { lower_first(name) } else { format!("{parent}.{}", lower_first(name)) };
    let member_str = rules.iter().find_map(|r| if let Rule::MemberStr(s) = r { Some(*s) } else { None });
    for rule in rules {
        if errors.len() >= 10 {
            return;
        }
        let Some(val) = v else {
            if matches!(rule, Rule::NotNull) {
                errors.push(format!("Value null at '{path}' failed to satisfy constraint: Member must not be null"));
            }
            continue;
        };
        let failure = match *rule {
            Rule::NotNull | Rule::MemberStr(_) => None,
            Rule::Pattern(p) => (!val.as_str().is_some_and(|s| p.matches(s)))
                .then(|| format!("Member must satisfy regular expression pattern: {}", p.as_str())),
            Rule::MinLen(n) => {
                (length_of(val, ty) < n).then(|| format!("Member must have length greater than or equal to {n}"))
            }
            Rule::MaxLen(n) => {
                (length_of(val, ty) > n).then(|| format!("Member must have length less than or equal to {n}"))
            }
            Rule::Min(n) => val
                .as_i64()
                .is_some_and(|x| x < n)
                .then(|| format!("Member must have value greater than or equal to {n}")),
            Rule::Max(n) => {
                val.as_i64().is_some_and(|x| x > n).then(|| format!("Member must have value less than or equal to {n}"))
            }
            Rule::OneOf(options) => (!val.as_str().is_some_and(|s| options.contains(&s)))
                .then(|| format!("Member must satisfy enum value set: [{}]", options.join(", "))),
            Rule::ChildLengths(lo, hi) => val
                .as_array()
                .is_some_and(|a| a.iter().any(|x| !(lo..=hi).contains(&str_len(x))))
                .then(|| {
                    format!("Member must satisfy constraint: [Member must have length less than or equal to {hi}, Member must have length greater than or equal to {lo}]")
                }),
            Rule::ChildKeyLengths(lo, hi) => val
                .as_object()
                .is_some_and(|m| m.keys().any(|k| !(lo..=hi).contains(&k.encode_utf16().count())))
                .then(|| {
                    format!("Map keys must satisfy constraint: [Member must have length less than or equal to {hi}, Member must have length greater than or equal to {lo}]")
                }),
            Rule::ChildValueLengths(lo, hi) => val
                .as_object()
                .is_some_and(|m| m.values().any(|x| !(lo..=hi).contains(&str_len(x))))
                .then(|| {
                    format!("Map value must satisfy constraint: [Member must have length less than or equal to {hi}, Member must have length greater than or equal to {lo}]")
                }),
        };
        if let Some(msg) = failure {
            errors.push(format!(
                "Value {} at '{path}' failed to satisfy constraint: {msg}",
                value_str(Some(val), ty, member_str)
            ));
        }
    }
    // Members and nested structures.
    let Some(val) = v else { return };
    match ty {
        Type::List(member) => {
            if let Some(items) = val.as_array() {
                for (i, item) in items.iter().enumerate() {
                    let member_path = format!("{path}.{}", i + 1);
                    check_value(Some(item), "member", member.ty, member.rules, &member_path, errors);
                }
            }
        }
        Type::Map(member) => {
            if let Some(m) = val.as_object() {
                for (k, item) in m.iter().rev() {
                    let member_path = format!("{path}.{k}");
                    check_value(Some(item), "member", member.ty, member.rules, &member_path, errors);
                }
            }
        }
        Type::Structure(fields) => {
            if let Some(m) = val.as_object() {
                check_fields(m, fields, &path, errors);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Engine, EngineConfig};

    /// What the engine answers CreateStream with, as `(type, message)`.
    fn create_stream_answer(name: &str) -> Result<(), (ErrorType, String)> {
        let mut e = Engine::new(EngineConfig::default());
        e.call("CreateStream", &serde_json::json!({"StreamName": name, "ShardCount": 1}))
            .map(|_| ())
            .map_err(|err| (err.error_type, err.message_text().to_string()))
    }

    /// What the engine answers PutRecord with for an ExplicitHashKey, as `(type, message)`.
    fn put_record_answer(ehk: &str) -> Result<(), (ErrorType, String)> {
        let mut e = Engine::new(EngineConfig { limits_enabled: false, ..EngineConfig::default() });
        let _ = e.call("CreateStream", &serde_json::json!({"StreamName": "s", "ShardCount": 1}));
        let delay = e.config().create_delay_ms;
        e.advance_by(delay);
        let body = serde_json::json!({"StreamName": "s", "PartitionKey": "k", "Data": "", "ExplicitHashKey": ehk});
        e.call("PutRecord", &body).map(|_| ()).map_err(|err| (err.error_type, err.message_text().to_string()))
    }

    fn answer<T>(r: Result<T, ApiError>) -> Result<(), (ErrorType, String)> {
        r.map(|_| ()).map_err(|err| (err.error_type, err.message_text().to_string()))
    }

    #[test]
    fn stream_names_are_judged_as_create_stream_judges_them() {
        let long = "a".repeat(129);
        for name in ["s", "orders-2025_v1.x", "", "a b", "ñ", "x/y", long.as_str(), &"b".repeat(128)] {
            assert_eq!(answer(validate_stream_name(name)), create_stream_answer(name), "{name:?}");
        }
        assert_eq!(
            answer(validate_stream_name("")),
            Err((
                ErrorType::ValidationException,
                "2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1".into()
            ))
        );
    }

    #[test]
    fn explicit_hash_keys_are_judged_as_put_record_judges_them() {
        let max = u128::MAX.to_string();
        let too_big = "340282366920938463463374607431768211456";
        for text in
            ["0", "7", max.as_str(), too_big, "01", "-1", "abc", " 1", "", "1234567890123456789012345678901234567890"]
        {
            assert_eq!(answer(parse_explicit_hash_key(text)), put_record_answer(text), "{text:?}");
        }
        assert_eq!(parse_explicit_hash_key(&max), Ok(u128::MAX));
        assert_eq!(
            answer(parse_explicit_hash_key(too_big)),
            Err((ErrorType::InvalidArgumentException, format!("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {too_big}")))
        );
        assert_eq!(
            answer(parse_explicit_hash_key("01")),
            Err((ErrorType::ValidationException, "1 validation error detected: Value '01' at 'explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})".into()))
        );
    }

    #[test]
    fn blob_lengths() {
        assert_eq!(blob_len(""), 0);
        assert_eq!(blob_len("YQ=="), 1);
        assert_eq!(blob_len("YWI="), 2);
        assert_eq!(blob_len("YWJj"), 3);
    }

    #[test]
    fn arn_parts() {
        assert_eq!(
            parse_stream_arn("arn:aws:kinesis:us-east-1:000000000000:stream/s1"),
            Some(("us-east-1", "000000000000", "s1"))
        );
        assert_eq!(parse_stream_arn("arn:aws:kinesis:us-east-1:0:stream/s1"), None);
    }

    #[test]
    fn consumer_arn_parts() {
        let arn = "arn:aws:kinesis:us-west-2:123456789012:stream/samplestream/consumer/App_1.x:1572383852";
        assert_eq!(
            parse_consumer_arn(arn),
            Some(ConsumerArnParts {
                region: "us-west-2",
                account: "123456789012",
                stream: "samplestream",
                consumer: "App_1.x",
                created_secs: "1572383852"
            })
        );
        assert!(Pattern::ConsumerArn.matches(arn));
        for bad in [
            "arn:aws:kinesis:us-west-2:123456789012:stream/s/consumer/c",
            "arn:aws:kinesis:us-west-2:123456789012:stream/s/consumer/c:12a",
            "arn:aws:kinesis:us-west-2:1234:stream/s/consumer/c:1",
            "arn:aws:kinesis:us-west-2:123456789012:stream/s",
            "arn:aws:kinesis:us-west-2:123456789012:stream/s t/consumer/c:1",
        ] {
            assert!(!Pattern::ConsumerArn.matches(bad), "{bad}");
        }
    }
}
