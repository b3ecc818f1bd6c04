//! JMESPath's built-in functions as `jmespath.py` 1.0/1.1 (`jmespath/functions.py`, what the
//! CLI runs) computes them, registered in the crate's runtime in place of the crate's own.
//!
//! The crate parses and interprets the expression; only the functions are the console's,
//! because the CLI's output depends on where Python's differ from the crate's:
//! - numbers: `sum`, `abs`, `ceil`, `floor` of integers are integers (`sum([1, 2])` is `3`, not
//!   `3.0`), `ceil`/`floor` of a float is an integer, `avg` is always a float and `null` on `[]`;
//! - key order: `keys`, `values`, `merge` and `to_string` follow the objects' order (see
//!   [`super::book`]);
//! - `to_string` writes Python's compact JSON (`ensure_ascii`, floats as `repr`),
//!   `to_number` reads a string as Python's `int()` then `float()` would;
//! - errors: arity and type errors are worded as Python's (`ArityError`,
//!   `VariadictArityError`, `JMESPathTypeError`), checked in the same order (`_validate_arguments`,
//!   `_type_check`), with Python's own `TypeError`s where Python raises them (`contains('abc', 1)`,
//!   `min_by` over keys of two types).
//!
//! Also here: the console's `$hash`, `$values` and `$compare` (see [`super::rewrite`]).
//!
//! Simplified: `merge()` after its first argument takes what Python's `dict.update` takes, but
//! a key that is not a string becomes the string JSON writes for it (Python would keep `1` and
//! `'1'` apart); `sum`/`avg` add floats left to right as Python 3.11 does (Python 3.12+
//! compensates the rounding).

use super::book::{lock, to_value_with, SharedBook};
use super::pyvalue::{
    add, cmp_num, eq, jmespath_equals, jmespath_type, num, num_var, str_of, type_name, Num, EXPREF_STR,
};
use super::rewrite::{COMPARE, HASH, NOT, TRUTH, VALUES};
use crate::console::output::json::{dumps, JsonStyle};
use crate::console::output::python::str_repr;
use jmespath::ast::Ast;
use jmespath::functions::Function;
use jmespath::{interpret, Context, ErrorReason, JmespathError, Rcvar, Runtime, SearchResult, Variable};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Every function of `jmespath.py`, with its `@signature`: per parameter, the accepted types
/// (empty: any), and whether the last one repeats.
const FUNCTIONS: [(&str, &[&[&str]], bool); 26] = [
    ("abs", &[&["number"]], false),
    ("avg", &[&["array-number"]], false),
    ("ceil", &[&["number"]], false),
    ("contains", &[&["array", "string"], &[]], false),
    ("ends_with", &[&["string"], &["string"]], false),
    ("floor", &[&["number"]], false),
    ("join", &[&["string"], &["array-string"]], false),
    ("keys", &[&["object"]], false),
    ("length", &[&["string", "array", "object"]], false),
    ("map", &[&["expref"], &["array"]], false),
    ("max", &[&["array-number", "array-string"]], false),
    ("max_by", &[&["array"], &["expref"]], false),
    ("merge", &[&["object"]], true),
    ("min", &[&["array-number", "array-string"]], false),
    ("min_by", &[&["array"], &["expref"]], false),
    ("not_null", &[&[]], true),
    ("reverse", &[&["array", "string"]], false),
    ("sort", &[&["array-string", "array-number"]], false),
    ("sort_by", &[&["array"], &["expref"]], false),
    ("starts_with", &[&["string"], &["string"]], false),
    ("sum", &[&["array-number"]], false),
    ("to_array", &[&[]], false),
    ("to_number", &[&[]], false),
    ("to_string", &[&[]], false),
    ("type", &[&[]], false),
    ("values", &[&["object"]], false),
];

/// A runtime with the console's functions (and no others), sharing `book`.
pub fn runtime(book: &SharedBook) -> Runtime {
    let mut runtime = Runtime::new();
    for (name, params, variadic) in FUNCTIONS {
        let function = PyFunction { name, params, variadic, book: book.clone() };
        runtime.register_function(name, Box::new(function));
    }
    for name in [HASH, VALUES, COMPARE, NOT, TRUTH] {
        runtime.register_function(name, Box::new(PyFunction { name, params: &[], variadic: true, book: book.clone() }));
    }
    runtime
}

/// One function: its name (which selects what it computes), signature, and the book.
struct PyFunction {
    name: &'static str,
    params: &'static [&'static [&'static str]],
    variadic: bool,
    book: SharedBook,
}

type Outcome = Result<Rcvar, Failure>;

/// Why a function stopped: a Python exception's message, or an error of the crate (from an
/// expression reference it evaluated) to pass on as it is.
enum Failure {
    Python(String),
    Crate(JmespathError),
}

impl From<JmespathError> for Failure {
    fn from(error: JmespathError) -> Failure {
        Failure::Crate(error)
    }
}

fn new(var: Variable) -> Outcome {
    Ok(Rc::new(var))
}

impl Function for PyFunction {
    fn evaluate(&self, args: &[Rcvar], ctx: &mut Context<'_>) -> SearchResult {
        let result = self.validate(args).and_then(|()| self.call(args, ctx));
        result.map_err(|failure| match failure {
            Failure::Crate(error) => error,
            Failure::Python(message) => {
                lock(&self.book).error = Some(message);
                JmespathError::new(ctx.expression, ctx.offset, ErrorReason::Parse(String::new()))
            }
        })
    }
}

impl PyFunction {
    fn str_of(&self, var: &Rcvar) -> String {
        str_of(var, &lock(&self.book))
    }

    /// `Functions._validate_arguments`: the arity, then the declared parameters' types.
    fn validate(&self, args: &[Rcvar]) -> Result<(), Failure> {
        if self.name.starts_with('$') {
            return Ok(());
        }
        let expected = self.params.len();
        let plural = if expected == 1 { "argument" } else { "arguments" };
        if self.variadic && args.len() < expected {
            return Err(Failure::Python(format!(
                "Expected at least {expected} {plural} for function {}(), received {}",
                self.name,
                args.len()
            )));
        }
        if !self.variadic && args.len() != expected {
            return Err(Failure::Python(format!(
                "Expected {expected} {plural} for function {}(), received {}",
                self.name,
                args.len()
            )));
        }
        for (arg, types) in args.iter().zip(self.params) {
            if !types.is_empty() {
                self.type_check(arg, types)?;
            }
        }
        Ok(())
    }

    /// `JMESPathTypeError(function_name, current_value, actual_type, expected_types)`.
    fn type_error(&self, value: &Rcvar, actual: &str, types: &[&str]) -> Failure {
        let expected: Vec<String> = types.iter().map(|t| str_repr(t)).collect();
        Failure::Python(format!(
            "In function {}(), invalid type for value: {}, expected one of: [{}], received: \"{actual}\"",
            self.name,
            self.str_of(value),
            expected.join(", ")
        ))
    }

    /// `Functions._type_check_single` and `_subtype_check`.
    fn type_check(&self, value: &Rcvar, types: &[&str]) -> Result<(), Failure> {
        let actual = type_name(value);
        let mut allowed_subtypes: Vec<&str> = Vec::new();
        let mut accepted = false;
        for t in types {
            let (base, sub) = t.split_once('-').map_or((*t, None), |(b, s)| (b, Some(s)));
            accepted |= jmespath_type(actual) == base;
            if let Some(sub) = sub {
                allowed_subtypes.push(sub);
            }
        }
        if !accepted {
            return Err(self.type_error(value, jmespath_type(actual), types));
        }
        let Variable::Array(items) = &**value else {
            return Ok(());
        };
        let allowed = match allowed_subtypes.as_slice() {
            [] => return Ok(()),
            [only] => *only,
            several => {
                let Some(first) = items.first() else {
                    return Ok(());
                };
                let first_type = type_name(first);
                match several.iter().find(|sub| jmespath_type(first_type) == **sub) {
                    Some(sub) => *sub,
                    None => return Err(self.type_error(first, first_type, types)),
                }
            }
        };
        for item in items {
            let item_type = type_name(item);
            if jmespath_type(item_type) != allowed {
                return Err(self.type_error(item, item_type, types));
            }
        }
        Ok(())
    }

    fn call(&self, args: &[Rcvar], ctx: &mut Context<'_>) -> Outcome {
        let arg = |i: usize| args.get(i).cloned().unwrap_or_else(|| Rc::new(Variable::Null));
        let array = |i: usize| match args.get(i).map(|a| &**a) {
            Some(Variable::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let string = |i: usize| match args.get(i).map(|a| &**a) {
            Some(Variable::String(s)) => s.clone(),
            _ => String::new(),
        };
        match self.name {
            "abs" => new(match num(&arg(0)) {
                Some(Num::Int(i)) => num_var(Num::Int(i.abs())),
                Some(Num::Float(f)) => num_var(Num::Float(f.abs())),
                None => Variable::Null,
            }),
            "avg" => {
                let items = array(0);
                if items.is_empty() {
                    return new(Variable::Null);
                }
                new(num_var(match sum(&items) {
                    Num::Int(total) => Num::Float(total as f64 / items.len() as f64),
                    Num::Float(total) => Num::Float(total / items.len() as f64),
                }))
            }
            "ceil" | "floor" => new(match num(&arg(0)) {
                Some(Num::Float(f)) => {
                    let whole = if self.name == "ceil" { f.ceil() } else { f.floor() };
                    if whole.abs() < 1.7e38 {
                        num_var(Num::Int(whole as i128))
                    } else {
                        num_var(Num::Float(whole))
                    }
                }
                Some(n) => num_var(n),
                None => Variable::Null,
            }),
            "contains" => match &*arg(0) {
                Variable::String(subject) => match &*arg(1) {
                    Variable::String(search) => new(Variable::Bool(subject.contains(search.as_str()))),
                    other => Err(Failure::Python(format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(other)
                    ))),
                },
                _ => new(Variable::Bool(array(0).iter().any(|item| eq(item, &arg(1))))),
            },
            "ends_with" => new(Variable::Bool(string(0).ends_with(string(1).as_str()))),
            "starts_with" => new(Variable::Bool(string(0).starts_with(string(1).as_str()))),
            "join" => {
                let parts: Vec<String> = array(1)
                    .iter()
                    .map(|item| match &**item {
                        Variable::String(s) => s.clone(),
                        _ => String::new(),
                    })
                    .collect();
                new(Variable::String(parts.join(&string(0))))
            }
            "keys" | "values" | VALUES => {
                let object = arg(0);
                let Variable::Object(map) = &*object else {
                    return new(Variable::Null);
                };
                let keys = lock(&self.book).keys(&object);
                let items = if self.name == "keys" {
                    keys.into_iter().map(|key| Rc::new(Variable::String(key))).collect()
                } else {
                    keys.iter().filter_map(|key| map.get(key).cloned()).collect()
                };
                new(Variable::Array(items))
            }
            "length" => {
                let count = match &*arg(0) {
                    Variable::String(s) => s.chars().count(),
                    Variable::Array(items) => items.len(),
                    Variable::Object(map) => map.len(),
                    _ => 0,
                };
                new(num_var(Num::Int(count as i128)))
            }
            "map" => {
                let expression = expref(&arg(0));
                let mut out = Vec::new();
                for item in array(1) {
                    out.push(interpret(&item, &expression, ctx)?);
                }
                new(Variable::Array(out))
            }
            "max" | "min" => {
                let wanted = if self.name == "max" { Ordering::Greater } else { Ordering::Less };
                let mut best: Option<Rcvar> = None;
                for item in array(0) {
                    let better = match &best {
                        None => true,
                        Some(current) => python_cmp(&item, current) == Some(wanted),
                    };
                    if better {
                        best = Some(item);
                    }
                }
                Ok(best.unwrap_or_else(|| Rc::new(Variable::Null)))
            }
            "max_by" | "min_by" => self.min_max_by(&array(0), &expref(&arg(1)), ctx),
            "merge" | HASH => self.merge(args),
            "not_null" => Ok(args.iter().find(|a| !a.is_null()).cloned().unwrap_or_else(|| Rc::new(Variable::Null))),
            "reverse" => match &*arg(0) {
                Variable::String(s) => new(Variable::String(s.chars().rev().collect())),
                _ => new(Variable::Array(array(0).into_iter().rev().collect())),
            },
            "sort" => {
                let mut items = array(0);
                items.sort_by(|a, b| python_cmp(a, b).unwrap_or(Ordering::Equal));
                new(Variable::Array(items))
            }
            "sort_by" => self.sort_by(&arg(0), &expref(&arg(1)), ctx),
            "sum" => new(num_var(sum(&array(0)))),
            "to_array" => match &*arg(0) {
                Variable::Array(_) => Ok(arg(0)),
                _ => new(Variable::Array(vec![arg(0)])),
            },
            "to_number" => match &*arg(0) {
                Variable::Number(_) => Ok(arg(0)),
                Variable::String(s) => new(python_number(s).map_or(Variable::Null, num_var)),
                Variable::Expref(_) => Err(Failure::Python(
                    "int() argument must be a string, a bytes-like object or a real number, not '_Expression'"
                        .to_owned(),
                )),
                _ => new(Variable::Null),
            },
            "to_string" => match &*arg(0) {
                Variable::String(_) => Ok(arg(0)),
                _ => {
                    // `json.dumps(arg, default=str)`: an expression reference as its `str()`.
                    let expref = serde_json::Value::String(EXPREF_STR.to_owned());
                    let value = to_value_with(&arg(0), &lock(&self.book), &expref);
                    new(Variable::String(dumps(&value, JsonStyle::CompactAscii)))
                }
            },
            "type" => new(match &*arg(0) {
                Variable::Expref(_) => Variable::Null,
                other => Variable::String(jmespath_type(type_name(other)).to_owned()),
            }),
            COMPARE => self.compare(&string(0), &arg(1), &arg(2)),
            TRUTH => new(Variable::Bool(matches!(&*arg(0), Variable::Expref(_)) || arg(0).is_truthy())),
            // `visit_not_expression`: `not value` (an expression reference is true), `!0` false.
            NOT => new(Variable::Bool(match &*arg(0) {
                Variable::Expref(_) | Variable::Number(_) => false,
                other => !other.is_truthy(),
            })),
            _ => new(Variable::Null),
        }
    }

    /// `merge(*objects)` (`merged.update(arg)` in turn: keys in order of first appearance, the
    /// last value winning), and `$hash([keys…], values…)` built the same way.
    fn merge(&self, args: &[Rcvar]) -> Outcome {
        let mut book = lock(&self.book);
        let mut order: Vec<String> = Vec::new();
        let mut members = BTreeMap::new();
        let mut put = |key: String, value: Rcvar, order: &mut Vec<String>| {
            if !members.contains_key(&key) {
                order.push(key.clone());
            }
            members.insert(key, value);
        };
        if self.name == HASH {
            let keys = match args.first().map(|a| &**a) {
                Some(Variable::Array(keys)) => keys.clone(),
                _ => Vec::new(),
            };
            for (key, value) in keys.iter().zip(args.iter().skip(1)) {
                if let Variable::String(key) = &**key {
                    put(key.clone(), value.clone(), &mut order);
                }
            }
        } else {
            for object in args {
                match &**object {
                    Variable::Object(map) => {
                        for key in book.keys(object) {
                            if let Some(value) = map.get(&key) {
                                put(key, value.clone(), &mut order);
                            }
                        }
                    }
                    other => {
                        for (key, value) in update_pairs(other).map_err(Failure::Python)? {
                            put(key, value, &mut order);
                        }
                    }
                }
            }
        }
        let merged = Rc::new(Variable::Object(members));
        book.register(&merged, order);
        Ok(merged)
    }

    /// The console's comparison: `jmespath/visitor.py` `visit_comparator`.
    fn compare(&self, operator: &str, left: &Rcvar, right: &Rcvar) -> Outcome {
        match operator {
            "==" => return new(Variable::Bool(jmespath_equals(left, right))),
            "!=" => return new(Variable::Bool(!jmespath_equals(left, right))),
            _ => {}
        }
        let comparable = |v: &Variable| num(v).is_some() || matches!(v, Variable::String(_));
        if !comparable(left) || !comparable(right) {
            return new(Variable::Null);
        }
        let Some(ordering) = python_cmp(left, right) else {
            if num(left).is_some() != num(right).is_some() {
                return Err(Failure::Python(format!(
                    "'{operator}' not supported between instances of '{}' and '{}'",
                    type_name(left),
                    type_name(right)
                )));
            }
            return new(Variable::Bool(false));
        };
        let result = match operator {
            "<" => ordering == Ordering::Less,
            "<=" => ordering != Ordering::Greater,
            ">" => ordering == Ordering::Greater,
            _ => ordering != Ordering::Less,
        };
        new(Variable::Bool(result))
    }

    /// `sort_by(array, &key)`: the first element's key decides the type every key must have.
    fn sort_by(&self, array: &Rcvar, key: &Ast, ctx: &mut Context<'_>) -> Outcome {
        let Variable::Array(items) = &**array else {
            return Ok(array.clone());
        };
        let Some(first) = items.first() else {
            return Ok(array.clone());
        };
        let first_key = interpret(first, key, ctx)?;
        let required = jmespath_type(type_name(&first_key));
        if required != "number" && required != "string" {
            return Err(self.type_error(first, required, &["string", "number"]));
        }
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            let k = interpret(item, key, ctx)?;
            let actual = jmespath_type(type_name(&k));
            if actual != required {
                return Err(self.type_error(&k, actual, &[required]));
            }
            keyed.push((k, item.clone()));
        }
        keyed.sort_by(|a, b| python_cmp(&a.0, &b.0).unwrap_or(Ordering::Equal));
        new(Variable::Array(keyed.into_iter().map(|(_, item)| item).collect()))
    }

    /// `min_by`/`max_by`: Python's `min(array, key=…)`, keys checked as they are computed and
    /// compared with the best so far (`<` for min, `>` for max).
    fn min_max_by(&self, items: &[Rcvar], key: &Ast, ctx: &mut Context<'_>) -> Outcome {
        let (wanted, symbol) = if self.name == "max_by" { (Ordering::Greater, ">") } else { (Ordering::Less, "<") };
        let mut best: Option<(Rcvar, Rcvar)> = None;
        for item in items {
            let k = interpret(item, key, ctx)?;
            let actual = jmespath_type(type_name(&k));
            if actual != "number" && actual != "string" {
                return Err(self.type_error(&k, actual, &["number", "string"]));
            }
            let better = match &best {
                None => true,
                Some((best_key, _)) => match python_cmp(&k, best_key) {
                    Some(ordering) => ordering == wanted,
                    None if num(&k).is_some() != num(best_key).is_some() => {
                        return Err(Failure::Python(format!(
                            "'{symbol}' not supported between instances of '{}' and '{}'",
                            type_name(&k),
                            type_name(best_key)
                        )));
                    }
                    None => false,
                },
            };
            if better {
                best = Some((k, item.clone()));
            }
        }
        Ok(best.map_or_else(|| Rc::new(Variable::Null), |(_, item)| item))
    }
}

/// The `(key, value)` pairs Python's `dict.update(other)` takes from a non-dict (only `merge`'s
/// arguments after the first are not type-checked): a list of two-item lists or two-character
/// strings, or an empty string; anything else raises Python's `TypeError`/`ValueError`. A key
/// that is not a string becomes the string `json.dumps` writes for it.
fn update_pairs(other: &Variable) -> Result<Vec<(String, Rcvar)>, String> {
    let items = match other {
        Variable::String(s) if s.is_empty() => return Ok(Vec::new()),
        // Its items are one-character strings.
        Variable::String(_) => {
            return Err("dictionary update sequence element #0 has length 1; 2 is required".to_owned())
        }
        Variable::Array(items) => items,
        other => return Err(format!("'{}' object is not iterable", type_name(other))),
    };
    let mut pairs = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (key, value) = match &**item {
            Variable::Array(pair) if pair.len() == 2 => (pair[0].clone(), pair[1].clone()),
            Variable::String(s) if s.chars().count() == 2 => {
                let mut chars = s.chars().map(|c| Rc::new(Variable::String(c.to_string())));
                match (chars.next(), chars.next()) {
                    (Some(k), Some(v)) => (k, v),
                    _ => continue,
                }
            }
            Variable::Object(map) if map.len() == 2 => {
                let mut keys = map.keys().map(|k| Rc::new(Variable::String(k.clone())));
                match (keys.next(), keys.next()) {
                    (Some(k), Some(v)) => (k, v),
                    _ => continue,
                }
            }
            Variable::Array(pair) => {
                return Err(format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()))
            }
            Variable::Object(map) => {
                return Err(format!("dictionary update sequence element #{i} has length {}; 2 is required", map.len()))
            }
            Variable::String(s) => {
                return Err(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    s.chars().count()
                ))
            }
            _ => return Err(format!("cannot convert dictionary update sequence element #{i} to a sequence")),
        };
        let key = match &*key {
            Variable::String(s) => s.clone(),
            Variable::Array(_) | Variable::Object(_) => return Err(format!("unhashable type: '{}'", type_name(&key))),
            Variable::Null => "null".to_owned(),
            Variable::Bool(b) => b.to_string(),
            Variable::Number(n) => crate::console::output::python::number_repr(n),
            Variable::Expref(_) => EXPREF_STR.to_owned(),
        };
        pairs.push((key, value));
    }
    Ok(pairs)
}

/// The expression an expression reference holds (`&foo`), or `@`.
fn expref(var: &Rcvar) -> Ast {
    match &**var {
        Variable::Expref(ast) => ast.clone(),
        _ => Ast::Identity { offset: 0 },
    }
}

/// Python's `<`/`>` between two numbers or two strings (code point order); `None` otherwise.
fn python_cmp(a: &Variable, b: &Variable) -> Option<Ordering> {
    match (a, b) {
        (Variable::String(x), Variable::String(y)) => Some(x.cmp(y)),
        _ => cmp_num(num(a)?, num(b)?),
    }
}

/// Python's `sum(numbers)`: from the int `0`, left to right.
fn sum(items: &[Rcvar]) -> Num {
    items.iter().filter_map(|item| num(item)).fold(Num::Int(0), add)
}

/// `to_number` of a string: Python's `int(s)`, else `float(s)`, else nothing.
fn python_number(s: &str) -> Option<Num> {
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c));
    let unsigned = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
    let digits_ok = |part: &str| {
        !part.is_empty()
            && !part.starts_with('_')
            && !part.ends_with('_')
            && !part.contains("__")
            && part.chars().all(|c| c.is_ascii_digit() || c == '_')
    };
    if digits_ok(unsigned) {
        let clean: String = trimmed.chars().filter(|&c| c != '_').collect();
        if let Ok(i) = clean.parse::<i128>() {
            return Some(Num::Int(i));
        }
        return clean.parse::<f64>().ok().map(Num::Float);
    }
    // float(): digits[.digits][e[±]digits], .digits…, inf, infinity, nan (any case).
    let lower = unsigned.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return None;
    }
    let (mantissa, exponent) = match lower.split_once('e') {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (lower.as_str(), None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok = (whole.is_empty() || digits_ok(whole))
        && (fraction.is_empty() || digits_ok(fraction))
        && !(whole.is_empty() && fraction.is_empty());
    if !mantissa_ok || exponent.is_some_and(|e| !digits_ok(e)) {
        return None;
    }
    let clean: String = trimmed.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().filter(|f| f.is_finite()).map(Num::Float)
}
