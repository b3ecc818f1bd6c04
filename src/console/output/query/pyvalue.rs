//! Python's view of the crate's variables: types, numbers, equality and ordering, as
//! `jmespath.py` (the library the CLI runs) sees them through Python's own operators.

use super::book::Book;
use crate::console::output::python::py_str as value_str;
use jmespath::{Rcvar, Variable};
use serde_json::Number;
use std::cmp::Ordering;

/// A Python number: an `int` (wide enough for any JSON integer and their sums) or a `float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// A Python `int`.
    Int(i128),
    /// A Python `float`.
    Float(f64),
}

/// The number `var` holds, if it is a number (a `bool` is not, for JMESPath).
pub fn num(var: &Variable) -> Option<Num> {
    let Variable::Number(n) = var else {
        return None;
    };
    Some(number_num(n))
}

/// A JSON number as a Python number: serde's `f64` numbers are floats, the others ints.
pub fn number_num(n: &Number) -> Num {
    if let Some(u) = n.as_u64() {
        Num::Int(i128::from(u))
    } else if let Some(i) = n.as_i64() {
        Num::Int(i128::from(i))
    } else {
        Num::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// A Python number as a variable: an int as an integer (as an `f64` beyond 64 bits, where
/// Python would keep every digit), a float as a float (`null` for an infinity or a NaN, which
/// Python would print as `Infinity`/`NaN`, not JSON).
pub fn num_var(n: Num) -> Variable {
    match n {
        Num::Int(i) => {
            if let Ok(small) = i64::try_from(i) {
                Variable::Number(Number::from(small))
            } else if let Ok(big) = u64::try_from(i) {
                Variable::Number(Number::from(big))
            } else {
                Number::from_f64(i as f64).map_or(Variable::Null, Variable::Number)
            }
        }
        Num::Float(f) => Number::from_f64(f).map_or(Variable::Null, Variable::Number),
    }
}

/// Python `a + b` on numbers (an int meeting a float becomes a float).
pub fn add(a: Num, b: Num) -> Num {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x.checked_add(y).map_or(Num::Float(x as f64 + y as f64), Num::Int),
        (Num::Int(x), Num::Float(y)) => Num::Float(x as f64 + y),
        (Num::Float(x), Num::Int(y)) => Num::Float(x + y as f64),
        (Num::Float(x), Num::Float(y)) => Num::Float(x + y),
    }
}

/// Python's exact comparison of two numbers (an int and a float compare by value, not after
/// rounding the int); `None` with a NaN.
pub fn cmp_num(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Int(x), Num::Float(y)) => cmp_int_float(x, y),
        (Num::Float(x), Num::Int(y)) => cmp_int_float(y, x).map(Ordering::reverse),
    }
}

fn cmp_int_float(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    let floor = f.floor();
    // `as` saturates: a float beyond i128 compares as the extreme, which any JSON int is not.
    let whole = floor as i128;
    match i.cmp(&whole) {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        other => Some(other),
    }
}

/// `type(value).__name__`: `NoneType`, `bool`, `int`, `float`, `str`, `list`, `dict`, and
/// `_Expression` for an expression reference.
pub fn type_name(var: &Variable) -> &'static str {
    match var {
        Variable::Null => "NoneType",
        Variable::Bool(_) => "bool",
        Variable::Number(n) if n.is_f64() => "float",
        Variable::Number(_) => "int",
        Variable::String(_) => "str",
        Variable::Array(_) => "list",
        Variable::Object(_) => "dict",
        Variable::Expref(_) => "_Expression",
    }
}

/// `TYPES_MAP[type_name]` (`jmespath/functions.py`): the JMESPath type of a Python type name.
pub fn jmespath_type(python_type: &str) -> &'static str {
    match python_type {
        "bool" => "boolean",
        "list" => "array",
        "dict" => "object",
        "NoneType" => "null",
        "str" => "string",
        "float" | "int" => "number",
        "_Expression" => "expref",
        _ => "unknown",
    }
}

/// Python `a == b` (deep; `True == 1`, `1 == 1.0`, dicts equal whatever their key order).
pub fn eq(a: &Variable, b: &Variable) -> bool {
    let as_num = |v: &Variable| match v {
        Variable::Bool(b) => Some(Num::Int(i128::from(*b))),
        other => num(other),
    };
    match (a, b) {
        (Variable::Null, Variable::Null) => true,
        (Variable::String(x), Variable::String(y)) => x == y,
        (Variable::Bool(x), Variable::Bool(y)) => x == y,
        (Variable::Array(x), Variable::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q)),
        (Variable::Object(x), Variable::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(key, p)| y.get(key).is_some_and(|q| eq(p, q)))
        }
        (Variable::Expref(x), Variable::Expref(y)) => x == y,
        _ => match (as_num(a), as_num(b)) {
            (Some(x), Some(y)) => cmp_num(x, y) == Some(Ordering::Equal),
            _ => false,
        },
    }
}

/// `jmespath/visitor.py` `_equals(x, y)`: Python `==`, except that `0` and `1` never equal a
/// boolean.
pub fn jmespath_equals(a: &Variable, b: &Variable) -> bool {
    let zero_or_one = |v: &Variable| {
        num(v).is_some_and(|n| {
            matches!(cmp_num(n, Num::Int(0)), Some(Ordering::Equal))
                || matches!(cmp_num(n, Num::Int(1)), Some(Ordering::Equal))
        })
    };
    let special =
        (zero_or_one(a) && matches!(b, Variable::Bool(_))) || (zero_or_one(b) && matches!(a, Variable::Bool(_)));
    !special && eq(a, b)
}

/// `str()` of an expression reference (Python adds the object's address, which varies).
pub const EXPREF_STR: &str = "<jmespath.visitor._Expression object>";

/// `str(value)` in Python, objects in the book's order.
pub fn str_of(var: &Rcvar, book: &Book) -> String {
    match &**var {
        Variable::Expref(_) => EXPREF_STR.to_owned(),
        _ => value_str(&super::book::to_value(var, book)),
    }
}
