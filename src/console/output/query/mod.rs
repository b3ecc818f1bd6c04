//! `--query`: a JMESPath expression applied to the response, as the AWS CLI applies it.
//!
//! The CLI compiles `--query` while it parses its arguments (`awscli/customizations/globalargs.py`,
//! `_resolve_query`: `jmespath.compile(value)`), before it calls the service, and refuses a bad
//! one with `Bad value for --query <expression>: <the jmespath error>`; it searches the response
//! after the call (`formatter.py`: `self._args.query.search(response_data)`), where an error
//! (an unknown function, a wrong argument) is an ordinary Python exception. Hence two steps:
//! [`Query::compile`] and [`Query::search`], and the two kinds of [`QueryError`].
//!
//! ```text
//!  expression ─► lexer (Python's tokens: its errors, its literals) ─► jmespath::parse
//!             ─► rewrite (Python semantics through the console's functions) ─► Query
//!  response ─► book::to_variable (records key orders) ─► jmespath::interpret ─► book::to_value
//! ```
//!
//! The `jmespath` crate does the parsing and the evaluation. Around it, the console restores
//! Python's behaviour where the printed result depends on it: key order ([`book`]), numbers and
//! function semantics ([`functions`]), comparisons and multiselect hashes ([`rewrite`]), and the
//! error messages of `jmespath.py` ([`lexer`]).
//!
//! Python's grammar decides what is valid, as in the CLI: the text handed to the crate is
//! rewritten where Python reads more than the crate does (legacy literals `` `running` ``,
//! missing commas in `f(a b)` and `{a: b c: d}`, `[-0]`), and what the crate accepts but Python
//! refuses (`[a b]`, `a.&b`) is refused ([`parse_error::definite`]). Measured against the CLI
//! on every truncation, deletion and insertion of the golden queries (`gen.py`): all the ones
//! Python refuses are refused, with its message word for word for more than 99 % of them (and
//! always its column and the `Bad value for --query <expression>:` prefix); all the ones it
//! accepts print what the CLI prints.
//!
//! Known differences from the CLI:
//! - a few parse errors are worded differently (see [`parse_error`]): the position and the
//!   prefix are right, the reason (`syntax error`, `Expecting: …`) may not be;
//! - a slice with step 0 fails even on a non-list (Python returns `null` there);
//! - integers beyond 64 bits (Python keeps every digit) become floats; `inf`/`nan` results
//!   (`to_number('1e999')`) become `null`; a literal `` `NaN` `` is read as a string;
//! - an expression reference (`&a`) is false for `||` and `&&` (Python: true; it only matters
//!   when the result is itself an expression reference, which the CLI cannot print anyway);
//!   a result holding one fails as the CLI's json output fails (`Encountered unrecognized
//!   type in JSON encoder.`), where the CLI's text and table outputs would print something;
//! - a query nested deeper than [`MAX_NESTING`] (brackets, `!`, `&`) or whose syntax tree is
//!   deeper than [`MAX_AST_DEPTH`] (`a.b.c…` with more than about 40 steps), longer than
//!   [`MAX_TOKENS`] tokens, and input deeper than [`MAX_INPUT_DEPTH`], are refused with
//!   Python's `maximum recursion depth exceeded` (Python's own limit is near 300 nested
//!   brackets): the crate's parser and interpreter recurse, and no input may overflow the
//!   browser's stack (`long_queries_fit_a_small_stack` runs the deepest accepted shapes in
//!   512 KiB).

pub mod book;
pub mod functions;
pub mod lexer;
pub mod parse_error;
pub mod pyvalue;
pub mod rewrite;

use book::{lock, to_value, to_variable, Book};
use jmespath::ast::Ast;
use jmespath::{Context, ErrorReason, Rcvar, RuntimeError};
use lexer::{Literal, Token};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

/// The deepest a query may nest before it is parsed: open brackets (`[`, `(`, `{`, `[?`) plus
/// every `!` and `&` before the point (the crate's parser recurses on each).
pub const MAX_NESTING: usize = 40;
/// The deepest syntax tree (before and after the console's rewriting) a query may have: the
/// crate's interpreter recurses once per level.
pub const MAX_AST_DEPTH: usize = 48;
/// The most tokens a query may have (its syntax tree, dropped recursively, is never deeper).
pub const MAX_TOKENS: usize = 1000;
/// The deepest JSON a query searches (deeper input is refused, never met in a Kinesis response).
pub const MAX_INPUT_DEPTH: usize = 100;

/// Why `--query` failed, with the text the CLI prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// The expression does not compile. The CLI refuses it before calling the service:
    /// `Bad value for --query <expression>: <detail>` (v1: a `ValueError`, exit 255; v2: a
    /// `ParamValidationError`, exit 252).
    Invalid {
        /// The expression as given.
        expression: String,
        /// `str()` of the jmespath exception (`Bad jmespath expression: Unclosed ' delimiter:…`).
        detail: String,
    },
    /// The search raised an exception, after the service was called: its message
    /// (`Unknown function: foo()`, `Expected 1 argument for function length(), received 2`;
    /// exit 255 in both versions).
    Failed {
        /// `str()` of the exception.
        message: String,
    },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::Invalid { expression, detail } => write!(f, "Bad value for --query {expression}: {detail}"),
            QueryError::Failed { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for QueryError {}

/// A compiled `--query`.
#[derive(Debug)]
pub struct Query {
    /// The expression as given.
    expression: String,
    /// The text handed to the crate (see `crate_text`).
    parsed: String,
    /// The rewritten syntax tree.
    ast: Ast,
    /// The key orders of the expression's literal objects (their allocations live in `ast`).
    literal_orders: Book,
}

impl Query {
    /// Compiles `expression` as the CLI's `jmespath.compile` does, or says why it does not.
    pub fn compile(expression: &str) -> Result<Query, QueryError> {
        let invalid = |detail: String| QueryError::Invalid { expression: expression.to_owned(), detail };
        let tokens = lexer::tokenize(expression).map_err(|e| invalid(e.message))?;
        if too_deep(&tokens) {
            return Err(invalid(TOO_DEEP.to_owned()));
        }
        let (parsed, shifts, literal_values) = crate_text(expression, &tokens);
        let ast = jmespath::parse(&parsed).map_err(|error| {
            let at_end = match &error.reason {
                ErrorReason::Parse(message) => message.ends_with("found Eof") || error.offset >= parsed.len(),
                ErrorReason::Runtime(_) => false,
            };
            invalid(parse_error::detail(expression, &tokens, original_offset(&shifts, error.offset), at_end))
        })?;
        // The crate accepts a few expressions Python refuses (`[a b]`, `a.&b`).
        if let Some(detail) = parse_error::definite(expression, &tokens) {
            return Err(invalid(detail));
        }
        let mut literal_orders = Book::default();
        let literals: BTreeMap<usize, Rcvar> = literal_values
            .into_iter()
            .map(|(offset, value)| (offset, to_variable(&value, &mut literal_orders)))
            .collect();
        if ast_depth(&ast) > MAX_AST_DEPTH {
            return Err(invalid(TOO_DEEP.to_owned()));
        }
        let ast = rewrite::rewrite(ast, &literals);
        if ast_depth(&ast) > MAX_AST_DEPTH {
            return Err(invalid(TOO_DEEP.to_owned()));
        }
        Ok(Query { expression: expression.to_owned(), parsed, ast, literal_orders })
    }

    /// The expression as given.
    pub fn expression(&self) -> &str {
        &self.expression
    }

    /// `value` searched (`expression.search(response)`), every object's keys in the order the
    /// CLI prints them.
    pub fn search(&self, value: &Value) -> Result<Value, QueryError> {
        if depth(value) > MAX_INPUT_DEPTH {
            return Err(QueryError::Failed { message: TOO_DEEP.to_owned() });
        }
        let mut book = self.literal_orders.clone();
        let input = to_variable(value, &mut book);
        let shared = Arc::new(Mutex::new(book));
        let runtime = functions::runtime(&shared);
        let mut ctx = Context::new(&self.parsed, &runtime);
        let result = jmespath::interpret(&input, &self.ast, &mut ctx);
        let mut book = lock(&shared);
        match result {
            // Python's `json_encoder` refuses the `_Expression` object (`awscli/utils.py`).
            Ok(var) if book::holds_expref(&var) => {
                Err(QueryError::Failed { message: "Encountered unrecognized type in JSON encoder.".to_owned() })
            }
            Ok(var) => Ok(to_value(&var, &book)),
            Err(error) => {
                let message = book.error.take().unwrap_or_else(|| match &error.reason {
                    ErrorReason::Runtime(RuntimeError::UnknownFunction(name)) => format!("Unknown function: {name}()"),
                    ErrorReason::Runtime(RuntimeError::InvalidSlice) => "slice step cannot be zero".to_owned(),
                    _ => error.to_string(),
                });
                Err(QueryError::Failed { message })
            }
        }
    }
}

/// Python's `RecursionError` message.
const TOO_DEEP: &str = "maximum recursion depth exceeded";

/// Whether the tokens nest deeper than [`MAX_NESTING`] at some point, or are too many.
fn too_deep(tokens: &[Token]) -> bool {
    let (mut brackets, mut prefixes) = (0usize, 0usize);
    for token in tokens {
        match token.kind {
            "lbracket" | "filter" | "lparen" | "lbrace" => brackets += 1,
            "rbracket" | "rparen" | "rbrace" => brackets = brackets.saturating_sub(1),
            "not" | "expref" => prefixes += 1,
            _ => {}
        }
        if brackets + prefixes > MAX_NESTING {
            return true;
        }
    }
    tokens.len() > MAX_TOKENS
}

/// The depth of a syntax tree, counted without recursion.
fn ast_depth(ast: &Ast) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(ast, 1usize)];
    while let Some((node, level)) = stack.pop() {
        deepest = deepest.max(level);
        stack.extend(children(node).into_iter().map(|child| (child, level + 1)));
    }
    deepest
}

/// The direct children of a syntax tree node.
fn children(node: &Ast) -> Vec<&Ast> {
    match node {
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => vec![&**lhs, &**rhs],
        Ast::Condition { predicate, then, .. } => vec![&**predicate, &**then],
        Ast::Expref { ast, .. } => vec![&**ast],
        Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => vec![&**node],
        Ast::Function { args: nodes, .. } | Ast::MultiList { elements: nodes, .. } => nodes.iter().collect(),
        Ast::MultiHash { elements, .. } => elements.iter().map(|kvp| &kvp.value).collect(),
        Ast::Identity { .. } | Ast::Field { .. } | Ast::Index { .. } | Ast::Literal { .. } | Ast::Slice { .. } => {
            Vec::new()
        }
    }
}

/// The depth of `value`, counted without recursion.
pub fn depth(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 1)];
    while let Some((value, level)) = stack.pop() {
        deepest = deepest.max(level);
        match value {
            Value::Array(items) => stack.extend(items.iter().map(|item| (item, level + 1))),
            Value::Object(map) => stack.extend(map.values().map(|item| (item, level + 1))),
            _ => {}
        }
    }
    deepest
}

/// One substitution made in the text handed to the crate: at byte `new` of that text, `new_len`
/// bytes replace the `old_len` bytes at byte `old` of the expression.
#[derive(Clone, Copy, Debug)]
struct Shift {
    new: usize,
    new_len: usize,
    old: usize,
    old_len: usize,
}

/// The text for the crate, as the Python parser reads the expression:
/// - each legacy literal (`` `running` ``) replaced by the JSON string Python reads it as
///   (`` `"running"` ``, backticks written `\u0060`);
/// - numbers the crate cannot read written as it can (`[-0]` as `[0]`, see `crate_number`);
/// - the commas Python does without put back: between a function's arguments (`f(a b)` is
///   `f(a, b)`: `_token_led_lparen` only skips a comma if there is one), before a hash's next
///   `key:` (`{a: b c: d}`, `_parse_multi_select_hash`), and a function's trailing one dropped
///   (`f(a,)`).
///
/// Also the substitutions made, and every JSON literal's value by its byte offset in the text.
fn crate_text(expression: &str, tokens: &[Token]) -> (String, Vec<Shift>, Vec<(usize, Value)>) {
    let mut text = String::with_capacity(expression.len());
    let mut shifts = Vec::new();
    let mut literals = Vec::new();
    let mut copied = 0;
    for (i, token) in tokens.iter().enumerate() {
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        match parse_error::python_comma(tokens, i) {
            parse_error::Comma::Insert => edits.push((token.bytes.start..token.bytes.start, ", ".to_owned())),
            parse_error::Comma::Drop => edits.push((token.bytes.clone(), String::new())),
            parse_error::Comma::Keep => {}
        }
        if let (Some(number), false) = (crate_number(token), edits.iter().any(|(old, _)| !old.is_empty())) {
            edits.push((token.bytes.clone(), number));
        }
        if let Some(Literal::Legacy(string)) = &token.literal {
            let json = crate::console::output::json::dumps(
                &Value::String(string.clone()),
                crate::console::output::json::JsonStyle::Indented,
            );
            edits.push((token.bytes.clone(), format!("`{}`", json.replace('`', "\\u0060"))));
        }
        for (old, new_text) in edits {
            text.push_str(expression.get(copied..old.start).unwrap_or_default());
            copied = old.end;
            let new = text.len();
            text.push_str(&new_text);
            shifts.push(Shift { new, new_len: new_text.len(), old: old.start, old_len: old.len() });
        }
        if let Some(Literal::Json(value)) = &token.literal {
            text.push_str(expression.get(copied..token.bytes.start).unwrap_or_default());
            copied = token.bytes.start;
            literals.push((text.len(), value.clone()));
        }
    }
    text.push_str(expression.get(copied..).unwrap_or_default());
    (text, shifts, literals)
}

/// A number token the crate cannot read, as one it reads to the same effect: Python reads any
/// run of digits as an `int` (`[-0]`, `[-007]`, `[99999999999]`); the crate takes an `i32` and
/// no `-0`. Beyond an `i32`, an index or slice bound is past the end of any list either way.
fn crate_number(token: &Token) -> Option<String> {
    if token.kind != "number" {
        return None;
    }
    let negative = token.value.starts_with('-');
    let digits = token.value.trim_start_matches('-').trim_start_matches('0');
    let value: i64 = match digits.parse::<i64>() {
        Ok(v) => v.min(i64::from(i32::MAX)),
        Err(_) if digits.is_empty() => 0,
        Err(_) => i64::from(i32::MAX),
    };
    let text = if negative && value != 0 { format!("-{value}") } else { value.to_string() };
    (text != token.value).then_some(text)
}

/// The byte of the expression that byte `offset` of the crate's text comes from.
fn original_offset(shifts: &[Shift], offset: usize) -> usize {
    let mut delta: isize = 0;
    for shift in shifts {
        if offset < shift.new {
            break;
        }
        if offset < shift.new + shift.new_len {
            return shift.old;
        }
        delta = (shift.old + shift.old_len) as isize - (shift.new + shift.new_len) as isize;
    }
    (offset as isize + delta).max(0) as usize
}
