//! Pagination as the CLI does it: botocore's `PageIterator` (`botocore/paginate.py`) over the
//! paginators of `paginators-1.json`.
//!
//! Without paging options the CLI calls the operation until the last page and prints one result
//! merged by `build_full_result`: the result keys' lists concatenated, then the paginator's
//! non-aggregate keys (taken from the first page), then `NextToken` when it stopped early. Every
//! other key of the answer is dropped (`describe-stream` never shows `HasMoreShards`).
//!
//! - `--max-items N` stops after N items of the first result key; the rest of the page is
//!   counted in `boto_truncate_amount` and the CLI prints its own `NextToken`: base64 of
//!   `json.dumps` of the service's tokens and that amount.
//! - `--starting-token T` decodes such a token (or the older `token___index` form, or takes it
//!   as the service's own token) and skips the items already printed.
//! - `--page-size N` sets the paginator's limit key (`Limit`, `MaxResults`) on every call.
//!
//! Each page is read (`convert`) as botocore's parser reads it before the paginator sees it.

use super::client::{CallError, Client};
use super::errors::Failure;
use super::model::{Operation, Paginator};
use super::pyjson::{dumps, loads};
use super::pyval::{py_int, Py, PyDict, PyInt};
use super::wire::{from_json, plain};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{Map, Value};

/// The paging options of the command line (`PaginationConfig`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PagingConfig {
    /// `--max-items`.
    pub max_items: Option<PyInt>,
    /// `--page-size` (already an `int` for these paginators' integer limit keys).
    pub page_size: Option<PyInt>,
    /// `--starting-token`.
    pub starting_token: Option<String>,
}

/// Python's `int(value)` for a paging value (an `int`, or text from `--cli-input-json`).
fn py_int_of(value: &Py) -> Result<PyInt, CallError> {
    match value {
        Py::Int(n) => Ok(n.clone()),
        Py::Bool(b) => Ok(PyInt::Small(i128::from(*b))),
        Py::Float(f) if f.is_finite() => Ok(PyInt::Small(f.trunc() as i128)),
        Py::Str(s) => py_int(s).map_err(general),
        other => Err(general(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// `Paginator._extract_paging_params`: takes `PaginationConfig` out of the parameters.
pub fn extract_paging(params: &mut PyDict, p: &Paginator) -> Result<PagingConfig, CallError> {
    let mut cfg = PagingConfig::default();
    let Some(config) = params.remove("PaginationConfig") else {
        return Ok(cfg);
    };
    let Py::Dict(config) = config else {
        return Err(general(format!("'{}' object has no attribute 'get'", config.type_name())));
    };
    if let Some(v) = config.get("MaxItems").filter(|v| !matches!(v, Py::None)) {
        cfg.max_items = Some(py_int_of(v)?);
    }
    if let Some(v) = config.get("PageSize").filter(|v| !matches!(v, Py::None)) {
        if p.limit_key.is_none() {
            return Err(general(
                "Error during pagination: PageSize parameter is not supported for the pagination interface for this operation."
                    .into(),
            ));
        }
        cfg.page_size = Some(py_int_of(v)?);
    }
    match config.get("StartingToken") {
        Some(Py::Str(s)) => cfg.starting_token = Some(s.clone()),
        Some(Py::None) | None => {}
        Some(other) => cfg.starting_token = Some(other.py_str()),
    }
    Ok(cfg)
}

/// What a paginated command got.
#[derive(Debug, Default)]
pub struct PageRun {
    /// The pages, as yielded (the first trimmed by a starting token, the last by `--max-items`).
    pub pages: Vec<Value>,
    /// The non-aggregate keys of the first page (`StreamDescription.StreamName`…).
    pub non_aggregate: Map<String, Value>,
    /// The CLI's `NextToken`, when it stopped before the end.
    pub resume_token: Option<String>,
    /// The error that ended the iteration early, after the pages above.
    pub error: Option<CallError>,
}

/// The value at a paginator path (`StreamDescription.Shards[-1].ShardId`), `Null` if absent:
/// the small part of JMESPath the paginators and waiters use (fields and an index).
pub fn search(value: &Value, path: &str) -> Value {
    let mut current = value;
    for segment in path.split('.') {
        let (field, index) = match segment.split_once('[') {
            Some((f, rest)) => (f, rest.strip_suffix(']').and_then(|i| i.parse::<i64>().ok())),
            None => (segment, None),
        };
        let Some(next) = current.get(field) else {
            return Value::Null;
        };
        current = next;
        if let Some(i) = index {
            let Value::Array(items) = current else {
                return Value::Null;
            };
            let at = if i < 0 { items.len() as i64 + i } else { i };
            let Some(item) = usize::try_from(at).ok().and_then(|a| items.get(a)) else {
                return Value::Null;
            };
            current = item;
        }
    }
    current.clone()
}

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// botocore's `set_value_from_jmespath` for a dotted path: creates the objects on the way.
pub fn set_value(target: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            target.insert(path.to_string(), value);
        }
        Some((head, rest)) => {
            let entry = target.entry(head.to_string()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = entry {
                set_value(inner, rest, value);
            }
        }
    }
}

/// botocore's `merge_dicts(dict1, dict2)`: nested objects merged, anything else replaced.
fn merge(into: &mut Map<String, Value>, from: &Map<String, Value>) {
    for (k, v) in from {
        match (into.get_mut(k), v) {
            (Some(Value::Object(a)), Value::Object(b)) => merge(a, b),
            _ => {
                into.insert(k.clone(), v.clone());
            }
        }
    }
}

/// Python's `seq[start:]` and `seq[:stop]` on a list.
fn py_slice(items: &[Value], start: Option<i128>, stop: Option<i128>) -> Vec<Value> {
    let n = items.len() as i128;
    let fix = |i: i128| if i < 0 { (n + i).max(0) } else { i.min(n) };
    let a = start.map_or(0, fix) as usize;
    let b = stop.map_or(n, fix) as usize;
    if a >= b {
        return Vec::new();
    }
    items[a..b].to_vec()
}

struct Pager<'c, 'h> {
    client: &'c mut Client<'h>,
    op: &'static Operation,
    p: &'static Paginator,
    convert: &'c dyn Fn(&mut Value),
}

fn general(msg: String) -> CallError {
    CallError::Failure(Failure::General(msg))
}

impl Pager<'_, '_> {
    /// `_parse_starting_token`: the service tokens and the items to skip.
    fn parse_starting_token(&self, token: &str) -> Result<(PyDict, Py), CallError> {
        // A JSON list fails `list.pop(key, None)` with a TypeError, which botocore catches:
        // the token is then read the old way. Any other non-object is an uncaught error.
        if let Some(decoded) = decode_token(token).filter(|d| !matches!(d, Py::List(_))) {
            let Py::Dict(mut d) = decoded else {
                return Err(general(format!("'{}' object has no attribute 'pop'", decoded.type_name())));
            };
            d.remove("boto_encoded_keys");
            let index = d.remove("boto_truncate_amount").unwrap_or(Py::Int(PyInt::Small(0)));
            return Ok((d, index));
        }
        // `_parse_starting_token_deprecated`: `token___index`, parts per input token.
        let inputs = self.p.input_tokens;
        let mut parts: Vec<String> = token.split("___").map(String::from).collect();
        let mut index = PyInt::Small(0);
        if parts.len() == inputs.len() + 1 {
            match parts.last().map(|l| py_int(l)) {
                Some(Ok(i)) => {
                    index = i;
                    parts.pop();
                }
                _ => parts = vec![token.to_string()],
            }
        }
        if parts.len() > inputs.len() {
            return Err(general(format!("Bad starting token: {token}")));
        }
        let mut d = PyDict::new();
        for (i, name) in inputs.iter().enumerate() {
            let value = match parts.get(i) {
                Some(p) if p != "None" => Py::Str(p.clone()),
                _ => Py::None,
            };
            d.insert(name, value);
        }
        Ok((d, Py::Int(index)))
    }

    fn inject(kwargs: &mut PyDict, tokens: &PyDict) {
        for (name, token) in &tokens.items {
            let is_none = matches!(token, Py::None) || matches!(token, Py::Str(s) if s == "None");
            if is_none {
                kwargs.remove(name);
            } else {
                kwargs.insert(name, token.clone());
            }
        }
    }

    /// The `resume_token` setter: the keys must be the input tokens (and the truncation).
    fn resume_token(&self, token: &PyDict) -> Result<String, CallError> {
        let mut expected: Vec<&str> = self.p.input_tokens.to_vec();
        if token.contains("boto_truncate_amount") {
            expected.push("boto_truncate_amount");
        }
        expected.sort_unstable();
        let mut keys: Vec<&str> = token.keys().collect();
        keys.sort_unstable();
        if keys != expected {
            return Err(general(format!("Bad starting token: {}", Py::Dict(token.clone()).py_str())));
        }
        Ok(STANDARD.encode(dumps(&Py::Dict(token.clone())).as_bytes()))
    }

    fn next_token(&self, page: &Value) -> PyDict {
        let mut tokens = PyDict::new();
        if let Some(more) = self.p.more_results {
            if !truthy(&search(page, more)) {
                return tokens;
            }
        }
        for (output, input) in self.p.output_tokens.iter().zip(self.p.input_tokens) {
            let t = search(page, output);
            tokens.insert(input, if truthy(&t) { from_json(&t) } else { Py::None });
        }
        tokens
    }

    fn run(&mut self, mut kwargs: PyDict, cfg: &PagingConfig, out: &mut PageRun) -> Result<(), CallError> {
        let primary = self.p.result_keys.first().copied().unwrap_or("");
        let max_items = cfg.max_items.as_ref().map(PyInt::saturating);
        let mut next_token = PyDict::new();
        for name in self.p.input_tokens {
            next_token.insert(name, Py::None);
        }
        let mut starting_truncation = Py::Int(PyInt::Small(0));
        if let Some(token) = &cfg.starting_token {
            let (tokens, index) = self.parse_starting_token(token)?;
            next_token = tokens.clone();
            starting_truncation = index;
            Self::inject(&mut kwargs, &tokens);
        }
        if let (Some(size), Some(limit)) = (&cfg.page_size, self.p.limit_key) {
            kwargs.insert(limit, Py::Int(size.clone()));
        }
        let mut total: i128 = 0;
        let mut first = true;
        let mut previous: Option<PyDict> = None;
        loop {
            let mut page = self.client.call(self.op, &kwargs)?;
            (self.convert)(&mut page);
            let mut skip: i128 = 0;
            if first {
                if cfg.starting_token.is_some() {
                    skip = match &starting_truncation {
                        Py::Int(i) => i.saturating(),
                        Py::Bool(b) => i128::from(*b),
                        Py::None => 0,
                        _ => {
                            return Err(general(
                                "slice indices must be integers or None or have an __index__ method".into(),
                            ))
                        }
                    };
                    self.handle_first_request(&mut page, primary, skip);
                }
                first = false;
                for expr in self.p.non_aggregate_keys {
                    set_value(&mut out.non_aggregate, expr, search(&page, expr));
                }
            }
            let current = match search(&page, primary) {
                Value::Array(a) => a,
                _ => Vec::new(),
            };
            let num = current.len() as i128;
            let truncate = max_items.map_or(0, |m| (total + num).saturating_sub(m));
            if truncate > 0 {
                let keep = num - truncate;
                if let Value::Object(map) = &mut page {
                    set_value(map, primary, Value::Array(py_slice(&current, None, Some(keep))));
                }
                next_token.insert("boto_truncate_amount", Py::Int(PyInt::Small(keep.saturating_add(skip))));
                out.pages.push(page);
                out.resume_token = Some(self.resume_token(&next_token)?);
                return Ok(());
            }
            out.pages.push(page.clone());
            total = total.saturating_add(num);
            next_token = self.next_token(&page);
            if next_token.items.iter().all(|(_, t)| matches!(t, Py::None)) {
                return Ok(());
            }
            if max_items == Some(total) {
                out.resume_token = Some(self.resume_token(&next_token)?);
                return Ok(());
            }
            if previous.as_ref() == Some(&next_token) {
                return Err(CallError::Failure(Failure::General(format!(
                    "Error during pagination: The same next token was received twice: {}",
                    Py::Dict(next_token).py_str()
                ))));
            }
            Self::inject(&mut kwargs, &next_token);
            previous = Some(next_token.clone());
        }
    }

    /// `_handle_first_request`: skip the items a starting token already printed; the other
    /// result keys are emptied.
    fn handle_first_request(&self, page: &mut Value, primary: &str, skip: i128) {
        let data = match search(page, primary) {
            Value::Array(a) => Value::Array(py_slice(&a, Some(skip), None)),
            Value::String(s) => {
                let chars: Vec<Value> = s.chars().map(|c| Value::String(c.to_string())).collect();
                let kept: String = py_slice(&chars, Some(skip), None).iter().filter_map(Value::as_str).collect();
                Value::String(kept)
            }
            _ => Value::Null,
        };
        let Value::Object(map) = page else {
            return;
        };
        set_value(map, primary, data);
        for key in self.p.result_keys.iter().skip(1) {
            let empty = match search(&Value::Object(map.clone()), key) {
                Value::Array(_) => Value::Array(Vec::new()),
                Value::String(_) => Value::String(String::new()),
                n @ Value::Number(_) => n,
                _ => Value::Null,
            };
            set_value(map, key, empty);
        }
    }
}

/// `TokenDecoder.decode`: base64 (lenient), UTF-8, JSON; `None` when any step fails.
fn decode_token(token: &str) -> Option<Py> {
    let bytes = super::wire::py_b64decode(token).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    loads(&text, false).ok()
}

/// Pages through `op` with `kwargs` (the call parameters without `PaginationConfig`).
pub fn paginate(
    client: &mut Client<'_>,
    op: &'static Operation,
    p: &'static Paginator,
    kwargs: PyDict,
    cfg: &PagingConfig,
    convert: &dyn Fn(&mut Value),
) -> PageRun {
    let mut out = PageRun::default();
    let mut pager = Pager { client, op, p, convert };
    if let Err(e) = pager.run(kwargs, cfg, &mut out) {
        out.error = Some(e);
    }
    out
}

/// `build_full_result`: the merged result the json and table formats print.
pub fn build_full_result(run: &PageRun, p: &Paginator) -> Value {
    let mut complete = Map::new();
    for page in &run.pages {
        for key in p.result_keys {
            let value = search(page, key);
            if value.is_null() {
                continue;
            }
            let existing = search(&Value::Object(complete.clone()), key);
            let merged = match (existing, value) {
                (Value::Null, v) => v,
                (Value::Array(mut a), Value::Array(b)) => {
                    a.extend(b);
                    Value::Array(a)
                }
                (Value::String(a), Value::String(b)) => Value::String(a + &b),
                (Value::Number(a), Value::Number(b)) => match (a.as_i64(), b.as_i64()) {
                    (Some(x), Some(y)) => Value::Number((x + y).into()),
                    _ => plain(&Py::Float(a.as_f64().unwrap_or(0.0) + b.as_f64().unwrap_or(0.0))),
                },
                (e, _) => e,
            };
            set_value(&mut complete, key, merged);
        }
    }
    merge(&mut complete, &run.non_aggregate);
    if let Some(token) = &run.resume_token {
        complete.insert("NextToken".into(), Value::String(token.clone()));
    }
    Value::Object(complete)
}

/// What the text format prints for page `i`: the non-aggregate keys (first page only) and
/// the page's result keys (`TextFormatter`, awscli/formatter.py).
pub fn text_page(run: &PageRun, p: &Paginator, i: usize) -> Value {
    let mut current = if i == 0 { run.non_aggregate.clone() } else { Map::new() };
    if let Some(page) = run.pages.get(i) {
        for key in p.result_keys {
            set_value(&mut current, key, search(page, key));
        }
    }
    Value::Object(current)
}

/// The text format's last piece when truncated: `{"NextToken": {"NextToken": token}}`.
pub fn text_next_token(token: &str) -> Value {
    serde_json::json!({ "NextToken": { "NextToken": token } })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_sets_and_tokens() {
        let v = json!({"StreamDescription": {"Shards": [{"ShardId": "a"}, {"ShardId": "b"}], "HasMoreShards": true}});
        assert_eq!(search(&v, "StreamDescription.Shards[-1].ShardId"), json!("b"));
        assert_eq!(search(&v, "StreamDescription.Missing"), Value::Null);
        let mut m = Map::new();
        set_value(&mut m, "StreamDescription.StreamName", json!("Foo"));
        assert_eq!(Value::Object(m), json!({"StreamDescription": {"StreamName": "Foo"}}));
        assert_eq!(
            decode_token("eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ==").map(|t| t.py_repr()),
            Some("{'NextToken': None, 'boto_truncate_amount': 0}".into())
        );
    }
}
