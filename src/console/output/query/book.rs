//! The key order of every object a query touches, kept beside the `jmespath` crate's
//! `BTreeMap`s, and the conversions between `serde_json` values and the crate's variables.
//!
//! The crate stores an object as a `BTreeMap`, so its keys come back sorted; the CLI (Python
//! `dict`s) keeps the service's order, and a multiselect hash keeps the expression's. The crate
//! never copies an object: a search passes the same `Rc` allocations along (a field, an index,
//! a projection, a filter, `sort_by`… all clone the `Rc`). So the book records, for each object
//! allocation, the order its keys should have, and the result is read back through it:
//!
//! - every object of the input, when the input is converted ([`to_variable`]);
//! - every object of a JSON literal in the expression (parsed again, in order, from its text);
//! - every object the search creates: the console's multiselect-hash and `merge()` functions
//!   register the order Python gives them ([`Book::register`]) as they create it.
//!
//! An allocation stays alive while its address is in the book (the input and the expression
//! outlive the search; created objects register at birth, overwriting any stale entry), so an
//! address is never read for the wrong object. An object found nowhere in the book (none
//! should be) keeps the crate's sorted order.

use jmespath::{Rcvar, Variable};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::{Arc, Mutex, MutexGuard};

/// The key order of object allocations, and the Python error a console function raised.
#[derive(Clone, Debug, Default)]
pub struct Book {
    /// Object allocation address → its keys in order.
    orders: BTreeMap<usize, Arc<[String]>>,
    /// The message of the Python exception a function raised during the search, if any (the
    /// crate only carries its own error types through `interpret`).
    pub error: Option<String>,
}

/// The book shared by the search and the console's functions (the crate's functions must be
/// `Send + Sync`, hence the `Arc<Mutex<…>>` on a single thread).
pub type SharedBook = Arc<Mutex<Book>>;

/// Locks the book; a poisoned lock (a panic elsewhere, which this code does not do) is used as is.
pub fn lock(book: &SharedBook) -> MutexGuard<'_, Book> {
    book.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The address that identifies an allocation.
fn address(var: &Rcvar) -> usize {
    Rc::as_ptr(var) as usize
}

impl Book {
    /// Records that the object at `var` has its keys in `keys`' order.
    pub fn register(&mut self, var: &Rcvar, keys: Vec<String>) {
        self.orders.insert(address(var), keys.into());
    }

    /// The keys of the object `var` in order: the recorded order (keys it lacks dropped, keys
    /// it has beyond it appended sorted), or the crate's sorted order if none is recorded.
    pub fn keys(&self, var: &Rcvar) -> Vec<String> {
        let Variable::Object(map) = &**var else {
            return Vec::new();
        };
        let mut keys: Vec<String> = match self.orders.get(&address(var)) {
            Some(order) => order.iter().filter(|key| map.contains_key(*key)).cloned().collect(),
            None => Vec::new(),
        };
        if keys.len() < map.len() {
            for key in map.keys() {
                if !keys.contains(key) {
                    keys.push(key.clone());
                }
            }
        }
        keys
    }
}

/// `value` as the crate's variable, every object registered with its keys' order.
pub fn to_variable(value: &Value, book: &mut Book) -> Rcvar {
    match value {
        Value::Null => Rc::new(Variable::Null),
        Value::Bool(b) => Rc::new(Variable::Bool(*b)),
        Value::Number(n) => Rc::new(Variable::Number(n.clone())),
        Value::String(s) => Rc::new(Variable::String(s.clone())),
        Value::Array(items) => Rc::new(Variable::Array(items.iter().map(|item| to_variable(item, book)).collect())),
        Value::Object(map) => {
            let members = map.iter().map(|(key, item)| (key.clone(), to_variable(item, book))).collect();
            let var = Rc::new(Variable::Object(members));
            book.register(&var, map.keys().cloned().collect());
            var
        }
    }
}

/// Whether `var` is or holds an expression reference (`&foo`), which Python cannot write as JSON.
pub fn holds_expref(var: &Rcvar) -> bool {
    match &**var {
        Variable::Expref(_) => true,
        Variable::Array(items) => items.iter().any(holds_expref),
        Variable::Object(map) => map.values().any(holds_expref),
        _ => false,
    }
}

/// `var` as a `serde_json` value, with every object's keys in the book's order. Numbers come
/// back as they went in (an integer stays an integer). An expression reference becomes `null`
/// (a search refuses such a result first, see [`holds_expref`]).
pub fn to_value(var: &Rcvar, book: &Book) -> Value {
    to_value_with(var, book, &Value::Null)
}

/// [`to_value`], writing each expression reference as `expref`.
pub fn to_value_with(var: &Rcvar, book: &Book, expref: &Value) -> Value {
    let to_value = |var: &Rcvar, book: &Book| to_value_with(var, book, expref);
    match &**var {
        Variable::Null => Value::Null,
        Variable::Expref(_) => expref.clone(),
        Variable::Bool(b) => Value::Bool(*b),
        Variable::Number(n) => Value::Number(n.clone()),
        Variable::String(s) => Value::String(s.clone()),
        Variable::Array(items) => Value::Array(items.iter().map(|item| to_value(item, book)).collect()),
        Variable::Object(map) => {
            let mut out = Map::new();
            for key in book.keys(var) {
                if let Some(item) = map.get(&key) {
                    out.insert(key, to_value(item, book));
                }
            }
            Value::Object(out)
        }
    }
}
