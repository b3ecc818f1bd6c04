//! The tokens of a `--query` as Python's `jmespath/lexer.py` (`Lexer.tokenize`) reads them.
//!
//! The `jmespath` crate parses and evaluates the expression; this pass exists for what only the
//! Python lexer knows:
//! - its errors, word for word (`LexerError`, `EmptyExpressionError`), which the CLI prints in
//!   its `Bad value for --query` message: an unclosed quote, an unknown character, a lone `=`;
//! - its literals: a backtick literal that is not valid JSON is read as a JSON string of its
//!   text (`_consume_literal`, the JEP-12 "deprecated string literal syntax", as in AWS's old
//!   examples `` [?State==`running`] ``), which the crate rejects, so the console rewrites it;
//!   and a JSON object literal keeps its keys' order, which the crate's `BTreeMap` loses;
//! - the token at a position, to word a parse error as the Python parser does.
//!
//! Positions are in characters (Python string indices), as in Python's messages.

use serde_json::Value;

/// The value of a backtick literal, as `_consume_literal` reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// Valid JSON (`json.loads(lexeme)`), objects in order.
    Json(Value),
    /// Not JSON, but `json.loads('"%s"' % lexeme.lstrip())` reads it as this string.
    Legacy(String),
}

/// One token: its Python type, value, and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The Python token type (`unquoted_identifier`, `dot`, `lbracket`, `literal`, `eof`…).
    pub kind: &'static str,
    /// `str()` of the token's value (its text; a literal's value as Python writes it).
    pub value: String,
    /// Character index of the token's first character.
    pub start: usize,
    /// Byte range of the token's text in the expression.
    pub bytes: std::ops::Range<usize>,
    /// A backtick literal's value.
    pub literal: Option<Literal>,
}

/// A `LexerError` (or `EmptyExpressionError`), as the CLI prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    /// `str(e)` of the Python exception.
    pub message: String,
}

/// Python's tokens for `expression`, ending with `eof`; or the error Python's lexer raises.
pub fn tokenize(expression: &str) -> Result<Vec<Token>, LexError> {
    if expression.is_empty() {
        return Err(LexError { message: "Invalid JMESPath expression: cannot be empty.".to_owned() });
    }
    let chars: Vec<(usize, char)> = expression.char_indices().collect();
    let mut lexer = Lexer { expression, chars, pos: 0, tokens: Vec::new() };
    lexer.run()?;
    Ok(lexer.tokens)
}

struct Lexer<'a> {
    expression: &'a str,
    chars: Vec<(usize, char)>,
    /// Index into `chars` of the current character (`len` at the end).
    pos: usize,
    tokens: Vec<Token>,
}

impl Lexer<'_> {
    fn current(&self) -> Option<char> {
        self.chars.get(self.pos).map(|&(_, c)| c)
    }

    fn byte(&self, pos: usize) -> usize {
        self.chars.get(pos).map_or(self.expression.len(), |&(b, _)| b)
    }

    fn push(&mut self, kind: &'static str, start: usize, end: usize) {
        let bytes = self.byte(start)..self.byte(end);
        let value = self.expression.get(bytes.clone()).unwrap_or_default().to_owned();
        self.tokens.push(Token { kind, value, start, bytes, literal: None });
    }

    /// `LexerError(lexer_position=position, message=message)` with the whole expression.
    fn error(&self, position: usize, message: &str) -> LexError {
        LexError {
            message: format!("Bad jmespath expression: {message}:\n{}\n{}^", self.expression, " ".repeat(position)),
        }
    }

    fn run(&mut self) -> Result<(), LexError> {
        while let Some(c) = self.current() {
            let start = self.pos;
            match c {
                '.' | '*' | ']' | ',' | ':' | '@' | '(' | ')' | '{' | '}' => {
                    self.pos += 1;
                    self.push(simple_kind(c), start, self.pos);
                }
                'a'..='z' | 'A'..='Z' | '_' => {
                    while self.current().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                        self.pos += 1;
                    }
                    self.push("unquoted_identifier", start, self.pos);
                }
                ' ' | '\t' | '\n' | '\r' => self.pos += 1,
                '[' => {
                    self.pos += 1;
                    match self.current() {
                        Some(']') => {
                            self.pos += 1;
                            self.push("flatten", start, self.pos);
                        }
                        Some('?') => {
                            self.pos += 1;
                            self.push("filter", start, self.pos);
                        }
                        _ => self.push("lbracket", start, self.pos),
                    }
                }
                '\'' => {
                    let lexeme = self.consume_until('\'')?.replace("\\'", "'");
                    self.push("literal", start, self.pos);
                    if let Some(token) = self.tokens.last_mut() {
                        token.value = lexeme;
                    }
                }
                '|' => self.match_or_else('|', "or", "pipe"),
                '&' => self.match_or_else('&', "and", "expref"),
                '`' => self.consume_literal()?,
                '0'..='9' | '-' => {
                    self.pos += 1;
                    while self.current().is_some_and(|c| c.is_ascii_digit()) {
                        self.pos += 1;
                    }
                    if c == '-' && self.pos - start == 1 {
                        return Err(self.error(start, "Unknown token '-'"));
                    }
                    self.push("number", start, self.pos);
                }
                '"' => self.consume_quoted_identifier()?,
                '<' => self.match_or_else('=', "lte", "lt"),
                '>' => self.match_or_else('=', "gte", "gt"),
                '!' => self.match_or_else('=', "ne", "not"),
                '=' => {
                    self.pos += 1;
                    if self.current() == Some('=') {
                        self.pos += 1;
                        self.push("eq", start, self.pos);
                    } else {
                        // Python reports the `=` itself, or the end when `=` is last.
                        let position = if self.current().is_none() { start } else { self.pos - 1 };
                        return Err(self.error(position, "Unknown token '='"));
                    }
                }
                other => return Err(self.error(start, &format!("Unknown token {other}"))),
            }
        }
        let end = self.chars.len();
        self.push("eof", end, end);
        Ok(())
    }

    /// `_match_or_else(expected, match_type, else_type)`.
    fn match_or_else(&mut self, expected: char, matched: &'static str, otherwise: &'static str) {
        let start = self.pos;
        self.pos += 1;
        if self.current() == Some(expected) {
            self.pos += 1;
            self.push(matched, start, self.pos);
        } else {
            self.push(otherwise, start, self.pos);
        }
    }

    /// `_consume_until(delimiter)`: the text up to the closing delimiter (a backslash keeps
    /// itself and the next character), the position after it.
    fn consume_until(&mut self, delimiter: char) -> Result<String, LexError> {
        let start = self.pos;
        let mut buffer = String::new();
        self.pos += 1;
        loop {
            match self.current() {
                Some(c) if c == delimiter => break,
                Some('\\') => {
                    buffer.push('\\');
                    self.pos += 1;
                    match self.current() {
                        Some(c) => buffer.push(c),
                        None => return Err(self.error(start, &format!("Unclosed {delimiter} delimiter"))),
                    }
                    self.pos += 1;
                }
                Some(c) => {
                    buffer.push(c);
                    self.pos += 1;
                }
                None => return Err(self.error(start, &format!("Unclosed {delimiter} delimiter"))),
            }
        }
        self.pos += 1;
        Ok(buffer)
    }

    /// `_consume_literal()`.
    fn consume_literal(&mut self) -> Result<(), LexError> {
        let start = self.pos;
        let lexeme = self.consume_until('`')?.replace("\\`", "`");
        let literal = match serde_json::from_str::<Value>(&lexeme) {
            Ok(value) => Literal::Json(value),
            Err(_) => {
                let quoted = format!("\"{}\"", lexeme.trim_start());
                match serde_json::from_str::<Value>(&quoted) {
                    Ok(Value::String(s)) => Literal::Legacy(s),
                    _ => return Err(self.error(start, &format!("Bad token {lexeme}"))),
                }
            }
        };
        self.push("literal", start, self.pos);
        if let Some(token) = self.tokens.last_mut() {
            token.value = match &literal {
                Literal::Json(value) => crate::console::output::python::py_str(value),
                Literal::Legacy(s) => s.clone(),
            };
            token.literal = Some(literal);
        }
        Ok(())
    }

    /// `_consume_quoted_identifier()`: a JSON string; Python names the JSON error.
    fn consume_quoted_identifier(&mut self) -> Result<(), LexError> {
        let start = self.pos;
        let lexeme = format!("\"{}\"", self.consume_until('"')?);
        match serde_json::from_str::<Value>(&lexeme) {
            Ok(Value::String(s)) => {
                self.push("quoted_identifier", start, self.pos);
                if let Some(token) = self.tokens.last_mut() {
                    token.value = s;
                }
                Ok(())
            }
            _ => Err(self.error(start, json_string_error(&lexeme))),
        }
    }
}

fn simple_kind(c: char) -> &'static str {
    match c {
        '.' => "dot",
        '*' => "star",
        ']' => "rbracket",
        ',' => "comma",
        ':' => "colon",
        '@' => "current",
        '(' => "lparen",
        ')' => "rparen",
        '{' => "lbrace",
        _ => "rbrace",
    }
}

/// The first part (`str(e).split(':')[0]`) of the message Python's `json.loads` gives for the
/// quoted string `lexeme` that serde_json refused.
fn json_string_error(lexeme: &str) -> &'static str {
    let inner: Vec<char> = lexeme.chars().collect();
    let body = inner.get(1..inner.len().saturating_sub(1)).unwrap_or(&[]);
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            '\\' => match body.get(i + 1) {
                Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') => i += 2,
                Some('u') => {
                    let hex = body.get(i + 2..i + 6).unwrap_or(&[]);
                    if hex.len() == 4 && hex.iter().all(char::is_ascii_hexdigit) {
                        i += 6;
                    } else {
                        return "Invalid \\uXXXX escape";
                    }
                }
                _ => return "Invalid \\escape",
            },
            c if u32::from(c) < 0x20 => return "Invalid control character at",
            _ => i += 1,
        }
    }
    "Expecting value"
}
