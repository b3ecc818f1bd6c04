//! A parse error worded as `jmespath.py`'s parser (`jmespath/parser.py`) words it.
//!
//! The crate's parser says *that* the expression is wrong and where it stopped; the CLI prints
//! Python's words, which depend on what the Python parser was doing at the token where it
//! stopped. This module finds that token `E` from Python's tokens ([`super::lexer`]) and the
//! crate's stop, and words the error as the Python parser would there. It does not parse: it
//! reads the few tokens around `E` and the brackets still open before it.
//!
//! Measured on `tests/console/output/parse_errors.json` (typos, truncations, deletions and
//! insertions of realistic queries, with the CLI's message for each): the `Bad value for
//! --query <expression>:` prefix and the error's column are always the CLI's; the wording
//! matches word for word in all but a few constructed cases (see the test's summary line).

use super::lexer::Token;

/// The error Python's parser raises on `tokens` that the crate's parser accepted, if the tokens
/// show one for certain (`[a b]`, `a.&b`), worded as [`detail`] words it (at this token; were
/// there an earlier error that these checks do not see, Python would name that one). The
/// checks, in token order:
/// - two expressions side by side outside a function's arguments and a hash (`[a b]`, `a 'x'`);
/// - a dot followed by what a dot cannot take (`a.&b`, `a.1`);
/// - a `(` after something that is not a name (`a[0](…)`: `Invalid function name`), or after
///   a quoted name (`"f"(…)`).
pub fn definite(expression: &str, tokens: &[Token]) -> Option<String> {
    let stop = first_python_stop(tokens, tokens.len())?;
    Some(word(expression, tokens, stop, false))
}

/// The error's text for `expression` (tokens `tokens`) when the crate's parser stopped at byte
/// `byte` (at the end if `at_end`): Python's own first stop if it comes before, else the crate's.
pub fn detail(expression: &str, tokens: &[Token], byte: usize, at_end: bool) -> String {
    let crate_stop = if at_end {
        tokens.len().saturating_sub(1)
    } else {
        tokens.iter().position(|t| t.kind == "eof" || t.bytes.contains(&byte) || t.bytes.start >= byte).unwrap_or(0)
    };
    match first_python_stop(tokens, crate_stop) {
        Some(stop) => word(expression, tokens, stop, false),
        None => word(expression, tokens, crate_stop, at_end),
    }
}

/// The first token before `limit` where Python's parser certainly stops (see [`definite`]).
fn first_python_stop(tokens: &[Token], limit: usize) -> Option<usize> {
    const AFTER_DOT: [&str; 5] = ["quoted_identifier", "unquoted_identifier", "star", "lbracket", "lbrace"];
    for i in 1..limit.min(tokens.len()) {
        let (previous, token) = (&tokens[i - 1], &tokens[i]);
        let bad_call = token.kind == "lparen"
            && ends_expression(previous.kind)
            && !matches!(previous.kind, "unquoted_identifier" | "star" | "flatten");
        let bad_dot = i >= 2 && previous.kind == "dot" && !AFTER_DOT.contains(&token.kind);
        let side_by_side = ends_expression(previous.kind)
            && matches!(
                token.kind,
                "unquoted_identifier" | "quoted_identifier" | "literal" | "current" | "number" | "expref"
            )
            && !matches!(open_bracket(&tokens[..i]), Some((_, "lbrace")))
            && !in_call(tokens, i)
            && !in_slice(tokens, i);
        if bad_call || bad_dot || side_by_side {
            return Some(i);
        }
    }
    None
}

/// The error at token `E` = `tokens[index]`. Python's cases, first match wins:
/// 1. a `(` after a quoted name or after something that is not a name: `Quoted identifier not
///    allowed for function names.`, `Invalid function name '<token>'` (`_token_led_lparen`);
/// 2. `E` after a dot that cannot take it (`a.`, `a.1`): `_parse_dot_rhs`'s `Expecting:
///    ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: <type>`;
/// 3. inside brackets, what Python `_match`es there (see [`expected_here`]): `Expecting: …`,
///    or `syntax error` in a slice;
/// 4. `E` is the end: `IncompleteExpressionError`;
/// 5. `E` is where an expression must start (first, after an operator, a hash's colon…) and no
///    expression starts with it (`.a`, `a || ]`): `_error_nud_token`, `invalid token`;
/// 6. `E` follows a whole expression: `invalid token` if it binds without a `led` (`a{`),
///    else what encloses it expects: `Unexpected token` at the top (`_parse`), `Expecting:
///    comma` in a list, `rbracket` in a filter, `rparen` in parentheses, a key in a hash.
fn word(expression: &str, tokens: &[Token], index: usize, at_end: bool) -> String {
    let parse_error = |reason: &str, token: &Token| {
        let kind = token.kind.to_uppercase();
        format!(
            "{reason}: Parse error at column {start}, token \"{value}\" ({kind}), for expression:\n\"{expression}\"\n{pad}^",
            value = token.value,
            start = token.start,
            pad = " ".repeat(token.start + 1),
        )
    };
    let Some(token) = tokens.get(index) else {
        return incomplete(expression);
    };
    if let Some(previous) = index.checked_sub(1).map(|i| &tokens[i]) {
        if token.kind == "lparen" && previous.kind == "quoted_identifier" {
            return format!(
                "Quoted identifier not allowed for function names.: Parse error at column 0, token \"(\" (LPAREN), for expression:\n\"{expression}\"\n ^"
            );
        }
        if token.kind == "lparen" && ends_expression(previous.kind) && previous.kind != "unquoted_identifier" {
            return parse_error(&format!("Invalid function name '{}'", previous.value), previous);
        }
    }
    const AFTER_DOT: [&str; 5] = ["quoted_identifier", "unquoted_identifier", "star", "lbracket", "lbrace"];
    for i in 2..=index {
        if tokens[i - 1].kind == "dot" && !AFTER_DOT.contains(&tokens[i].kind) {
            let reason = format!(
                "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: {}",
                tokens[i].kind
            );
            return parse_error(&reason, &tokens[i]);
        }
    }
    match expected_here(tokens, index) {
        Some(Expected::Syntax) => return parse_error("syntax error", token),
        Some(Expected::Tokens(_)) if token.kind == "eof" => return incomplete(expression),
        Some(Expected::Tokens(list)) => return parse_error(&format!("Expecting: {list}, got: {}", token.kind), token),
        None => {}
    }
    if token.kind == "eof" || at_end {
        return incomplete(expression);
    }
    const NUD: [&str; 12] = [
        "literal",
        "unquoted_identifier",
        "quoted_identifier",
        "star",
        "filter",
        "lbrace",
        "lparen",
        "flatten",
        "not",
        "lbracket",
        "current",
        "expref",
    ];
    const BEFORE_NUD: [&str; 14] =
        ["or", "and", "pipe", "eq", "ne", "lt", "gt", "lte", "gte", "not", "lparen", "comma", "filter", "expref"];
    let context = open_bracket(&tokens[..index]).map(|(_, kind)| kind);
    let nud_position = match index.checked_sub(1).map(|i| tokens[i].kind) {
        None => true,
        Some(kind) if BEFORE_NUD.contains(&kind) => true,
        // A hash's value, and a multiselect list's first element.
        Some("colon") => context == Some("lbrace"),
        Some("lbracket") => !lbracket_is_led(tokens, index - 1),
        Some(_) => false,
    };
    if nud_position {
        return if NUD.contains(&token.kind) {
            parse_error(&format!("Unexpected token: {}", token.value), token)
        } else {
            parse_error("invalid token", token)
        };
    }
    // `E` follows a whole expression (`_expression`'s loop).
    if matches!(token.kind, "star" | "not" | "lbrace") {
        return parse_error("invalid token", token);
    }
    let expecting = |what: &str| parse_error(&format!("Expecting: {what}, got: {}", token.kind), token);
    match context {
        None => parse_error(&format!("Unexpected token: {}", token.value), token),
        Some("lbrace") => expecting("['quoted_identifier', 'unquoted_identifier']"),
        Some("filter") => expecting("rbracket"),
        Some("lbracket") => expecting("comma"),
        _ if !in_call(tokens, index) => expecting("rparen"),
        _ if NUD.contains(&token.kind) => parse_error(&format!("Unexpected token: {}", token.value), token),
        _ => parse_error("invalid token", token),
    }
}

/// What the Python parser does without a comma at `tokens[index]` (see `crate_text`).
pub enum Comma {
    /// Nothing to change.
    Keep,
    /// A comma the Python parser does without goes before this token.
    Insert,
    /// This comma is one the Python parser ignores (a function's trailing comma).
    Drop,
}

/// Whether Python reads a comma before `tokens[index]` that is not there (a function's
/// arguments side by side, a hash's next `key:` right after a value), or ignores this token
/// (a function's last comma; a slice's number followed by another, which replaces it:
/// `_parse_slice_expression` reads `[::1-2]` as `[::-2]`).
pub fn python_comma(tokens: &[Token], index: usize) -> Comma {
    let token = &tokens[index];
    let next = tokens.get(index + 1).map_or("", |t| t.kind);
    if token.kind == "number" && next == "number" && in_slice(tokens, index + 1) {
        return Comma::Drop;
    }
    let Some(previous) = index.checked_sub(1).map(|i| &tokens[i]) else {
        return Comma::Keep;
    };
    if !ends_expression(previous.kind) {
        return Comma::Keep;
    }
    if in_call(tokens, index) {
        if token.kind == "comma" && next == "rparen" {
            return Comma::Drop;
        }
        if matches!(token.kind, "unquoted_identifier" | "quoted_identifier" | "literal" | "current" | "expref") {
            return Comma::Insert;
        }
    }
    let in_hash = matches!(open_bracket(&tokens[..index]), Some((_, "lbrace")));
    if in_hash && token.kind.ends_with("identifier") && next == "colon" {
        return Comma::Insert;
    }
    Comma::Keep
}

/// `IncompleteExpressionError`'s text.
fn incomplete(expression: &str) -> String {
    format!(
        "Invalid jmespath expression: Incomplete expression:\n\"{expression}\"\n{}^",
        " ".repeat(expression.chars().count() + 1)
    )
}

/// What Python's parser `_match`es at a token inside a bracket, when it is specific.
enum Expected {
    /// `Expecting: <list>, got: <type>` (`_match`, `_match_multiple_tokens`).
    Tokens(&'static str),
    /// `syntax error` (`_parse_slice_expression`).
    Syntax,
}

/// The innermost bracket still open at the end of `tokens` (`lbrace`, `lbracket`, `filter`,
/// `lparen`): its index and kind.
fn open_bracket(tokens: &[Token]) -> Option<(usize, &'static str)> {
    let mut stack = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token.kind {
            "lbrace" | "lbracket" | "filter" | "lparen" => stack.push((i, token.kind)),
            "rbrace" | "rbracket" | "rparen" => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// Whether `tokens[index]` is inside a function call's parentheses (innermost bracket).
fn in_call(tokens: &[Token], index: usize) -> bool {
    match open_bracket(&tokens[..index]) {
        Some((open, "lparen")) => open >= 1 && tokens[open - 1].kind == "unquoted_identifier",
        _ => false,
    }
}

/// Whether `tokens[index]` is inside a slice's brackets (`[1:2 3]`, which Python reads as
/// `[1:3]`).
fn in_slice(tokens: &[Token], index: usize) -> bool {
    match open_bracket(&tokens[..index]) {
        Some((open, "lbracket")) => tokens[open + 1..index].iter().any(|t| t.kind == "colon"),
        _ => false,
    }
}

/// Whether a token of this kind can end an expression.
fn ends_expression(kind: &str) -> bool {
    matches!(
        kind,
        "unquoted_identifier"
            | "quoted_identifier"
            | "literal"
            | "current"
            | "number"
            | "rbracket"
            | "rparen"
            | "rbrace"
            | "star"
            | "flatten"
    )
}

/// Whether the `[` at `tokens[index]` follows an expression as its `led` (an index, `[*]`), as
/// opposed to starting one (a multiselect list, or after a projection: `a[*][…]`, `a[][…]`,
/// `a.*[…]`, `a[?…][…]`, where `_parse_projection_rhs` reads it as a new expression).
fn lbracket_is_led(tokens: &[Token], index: usize) -> bool {
    let Some(previous) = index.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    match previous.kind {
        "unquoted_identifier" | "quoted_identifier" | "literal" | "current" | "rparen" | "rbrace" => true,
        "rbracket" => match open_bracket(&tokens[..index - 1]) {
            // The `]` closes the bracket that this finds open just before it.
            Some((open, "lbracket")) => tokens.get(open + 1).is_none_or(|t| t.kind != "star"),
            _ => false,
        },
        _ => false,
    }
}

/// What must come at `tokens[index]` given the tokens before it, where Python's parser names
/// it: a multiselect hash's key (after `{` or a `,` in a hash) and the colon after it
/// (`_parse_multi_select_hash`), `[*]` after an expression (`_token_led_lbracket`), and the
/// numbers and colons of an index or slice (`_parse_index_expression`, `_parse_slice_expression`).
fn expected_here(tokens: &[Token], index: usize) -> Option<Expected> {
    let kind = |i: usize| tokens.get(i).map_or("", |t| t.kind);
    let in_hash = |i: usize| matches!(open_bracket(&tokens[..i]), Some((_, "lbrace")));
    let key_position = |i: usize| kind(i) == "lbrace" || (kind(i) == "comma" && in_hash(i));
    if index >= 1 && key_position(index - 1) {
        return Some(Expected::Tokens("['quoted_identifier', 'unquoted_identifier']"));
    }
    if index >= 2 && key_position(index - 2) && kind(index - 1).ends_with("identifier") {
        return Some(Expected::Tokens("colon"));
    }
    let (open, "lbracket") = open_bracket(&tokens[..index])? else {
        return None;
    };
    let inside: Vec<&str> = tokens[open + 1..index].iter().map(|t| t.kind).collect();
    let first = kind(open + 1);
    if first == "number" || first == "colon" {
        let slice = first == "colon" || kind(open + 2) == "colon";
        if !slice {
            return (inside.len() == 1).then_some(Expected::Tokens("rbracket"));
        }
        let colons = inside.iter().filter(|k| **k == "colon").count();
        let current = kind(index);
        if (current == "colon" && colons >= 2) || !matches!(current, "number" | "colon" | "rbracket") {
            return Some(Expected::Syntax);
        }
        return None;
    }
    let led = lbracket_is_led(tokens, open);
    match inside.as_slice() {
        [] if led => Some(Expected::Tokens("star")),
        ["star"] if led => Some(Expected::Tokens("rbracket")),
        _ => None,
    }
}
