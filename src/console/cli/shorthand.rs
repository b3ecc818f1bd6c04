//! The AWS CLI's shorthand syntax for structure, map and list-of-structure options:
//! `--shard-filter Type=AT_TRIM_HORIZON`, `--tags k1=v1,k2=v2`,
//! `--records Data=a,PartitionKey=1 Data=b,PartitionKey=2`.
//!
//! A port of `awscli/shorthand.py` (identical in v1 1.45.11 and v2 2.36.7 but for two
//! messages). The grammar (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html>):
//!
//! ```text
//! parameter    = keyval *("," keyval)
//! keyval       = key "=" [values] / key "@=" [file-optional-values]
//! key          = 1*([a-zA-Z0-9] / "-" / "_" / "." / "#" / "/" / ":")
//! values       = csv-list / explicit-list / hash-literal
//! csv-list     = first-value *("," second-value)      ; `a=b,c` is the list [b, c]
//! explicit-list= "[" [value *("," value)] "]"
//! hash-literal = "{" keyval *("," keyval) "}"
//! value        = a bare word, 'single quoted' or "double quoted"; `\,` escapes a comma
//! ```
//!
//! Values are strings; [`visit`] then adjusts them to the model as `BackCompatVisitor` does (a
//! single value where a list is expected becomes a list, integers are converted with `int()`,
//! booleans read `true`/`false`). `key@=file://x` reads a file, which the console has none of.

use super::model::{self, Kind, ShapeId};
use super::pyval::{is_py_space, py_int, Py, PyDict};
use crate::console::CliVersion;

/// Why a shorthand value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShorthandError {
    /// A syntax error (`ShorthandParseError`): the CLI writes `Error parsing parameter '--x': <msg>`.
    Parse(String),
    /// A Python exception the CLI does not catch (a file that does not load, `int('x')`): the
    /// CLI writes the bare message.
    Uncaught(String),
}

/// The characters a shorthand word may start with (`_START_WORD`).
fn start_word(c: char) -> bool {
    matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='Z' | '\\'..='z' | '|'..='\u{ffff}')
}

/// The characters that may follow in a first value (`_FIRST_FOLLOW_CHARS`): `=` is allowed.
fn first_follow(c: char) -> bool {
    is_py_space(c) || matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='\\' | '^'..='|' | '~'..='\u{ffff}')
}

/// The characters that may follow in a later value (`_SECOND_FOLLOW_CHARS`): not `=`.
fn second_follow(c: char) -> bool {
    is_py_space(c) || matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='\u{ffff}')
}

/// `string.whitespace`, which the parser skips between tokens.
fn ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

fn key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

struct Parser<'a> {
    s: Vec<char>,
    i: usize,
    resolve_files: bool,
    text: &'a str,
    depth: usize,
}

/// How deep `[…]` and `{…}` may nest before Python's `RecursionError`: CPython reaches about
/// 490 levels (two frames a level, 1000 frames); the console stops at 240, inside WebAssembly's
/// 1 MiB stack.
const MAX_DEPTH: usize = 240;

enum Syntax {
    /// `Expected: '<expected>', received: '<actual>'` at an index.
    Expected(String, String, usize),
    /// A repeated key (`DuplicateKeyInObjectError`) at an index.
    Duplicate(String, usize),
    /// A file reference that does not load.
    File(String),
    /// Python's `RecursionError`.
    Recursion,
}

/// Parses `text` (`ShorthandParser.parse`).
pub fn parse(text: &str, version: CliVersion) -> Result<Py, ShorthandError> {
    let mut p = Parser { s: text.chars().collect(), i: 0, resolve_files: false, text, depth: 0 };
    match p.parameter() {
        Ok(v) => Ok(v),
        Err(Syntax::File(msg)) => Err(ShorthandError::Uncaught(msg)),
        Err(Syntax::Recursion) => Err(ShorthandError::Uncaught("maximum recursion depth exceeded".into())),
        Err(Syntax::Expected(expected, actual, index)) => {
            let location = p.location(index);
            Err(ShorthandError::Parse(match version {
                // v1's f-string lacks its `f`: the CLI prints the placeholder itself.
                CliVersion::V1 => {
                    format!("Expected: '{expected}', received: '{actual}' for input:\n{{self._error_location()}}")
                }
                CliVersion::V2 => format!("Expected: '{expected}', received: '{actual}' for input:\n {location}"),
            }))
        }
        Err(Syntax::Duplicate(key, index)) => {
            let location = p.location(index);
            Err(ShorthandError::Parse(format!(
                "Second instance of key \"{key}\" encountered for input:\n{location}\nThis is often because there is a preceding \",\" instead of a space."
            )))
        }
    }
}

impl Parser<'_> {
    fn current(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn at_eof(&self) -> bool {
        self.i >= self.s.len()
    }

    /// `_error_location`: the input, a caret under `index`, split at newlines.
    fn location(&self, index: usize) -> String {
        let value = &self.s;
        let index = index.min(value.len());
        let mut num_spaces = index;
        if let Some(nl) = value[..index].iter().rposition(|&c| c == '\n') {
            num_spaces = index - nl - 1;
        }
        let (consumed, remaining): (String, String) = match value[index..].iter().position(|&c| c == '\n') {
            Some(off) => (value[..index + off].iter().collect(), value[index + off..].iter().collect()),
            None => (self.text.to_string(), String::new()),
        };
        format!("{consumed}\n{}^{remaining}", " ".repeat(num_spaces))
    }

    fn expect(&mut self, c: char, skip_ws: bool) -> Result<(), Syntax> {
        if skip_ws {
            self.consume_whitespace();
        }
        let Some(actual) = self.current() else {
            return Err(Syntax::Expected(c.to_string(), "EOF".into(), self.i));
        };
        if actual != c {
            return Err(Syntax::Expected(c.to_string(), actual.to_string(), self.i));
        }
        self.i += 1;
        if skip_ws {
            self.consume_whitespace();
        }
        Ok(())
    }

    fn consume_whitespace(&mut self) {
        while self.current().is_some_and(ascii_space) {
            self.i += 1;
        }
    }

    fn parameter(&mut self) -> Result<Py, Syntax> {
        let mut params = PyDict::new();
        let (key, val) = self.keyval()?;
        params.insert(&key, val);
        let mut last_index = self.i;
        while !self.at_eof() {
            self.expect(',', true)?;
            let (key, val) = self.keyval()?;
            if params.contains(&key) {
                return Err(Syntax::Duplicate(key, last_index + 1));
            }
            params.insert(&key, val);
            last_index = self.i;
        }
        Ok(Py::Dict(params))
    }

    fn at_file_marker(&mut self) -> bool {
        // `_expect('@', consume_whitespace=True)` inside a try: whitespace is consumed either way.
        self.consume_whitespace();
        if self.current() == Some('@') {
            self.i += 1;
            self.consume_whitespace();
            true
        } else {
            false
        }
    }

    fn keyval(&mut self) -> Result<(String, Py), Syntax> {
        let key = self.key();
        self.resolve_files = self.at_file_marker();
        self.expect('=', true)?;
        let values = self.values()?;
        Ok((key, values))
    }

    fn key(&mut self) -> String {
        let start = self.i;
        while self.current().is_some_and(key_char) {
            self.i += 1;
        }
        self.s[start..self.i].iter().collect()
    }

    fn values(&mut self) -> Result<Py, Syntax> {
        match self.current() {
            None => Ok(Py::Str(String::new())),
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            Some(_) => self.csv_value(),
        }
    }

    fn csv_value(&mut self) -> Result<Py, Syntax> {
        let first = self.first_value()?;
        self.consume_whitespace();
        if self.current() != Some(',') {
            return Ok(first);
        }
        self.expect(',', true)?;
        let mut list = vec![first.clone()];
        loop {
            let attempt = (|| {
                let current = self.second_value()?;
                self.consume_whitespace();
                if self.at_eof() {
                    return Ok((current, true));
                }
                self.expect(',', true)?;
                Ok((current, false))
            })();
            match attempt {
                Ok((current, done)) => {
                    list.push(current);
                    if done {
                        break;
                    }
                }
                Err(Syntax::Expected(..)) if !self.at_eof() => {
                    // `a=b,c=d`: back to the comma before `c`, which starts the next keyval.
                    while self.i > 0 && self.s.get(self.i) != Some(&',') {
                        self.i -= 1;
                    }
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if list.len() == 1 {
            return Ok(first);
        }
        Ok(Py::List(list))
    }

    fn resolve(&self, value: String) -> Result<Py, Syntax> {
        if !self.resolve_files {
            return Ok(Py::Str(value));
        }
        match missing_paramfile(&value) {
            Some(msg) => Err(Syntax::File(msg)),
            None => Ok(Py::Str(value)),
        }
    }

    /// A bare word matched by `regex` (first or second), `\,` unescaped, trailing spaces dropped.
    fn word(&mut self, follow: fn(char) -> bool) -> Option<String> {
        let start = self.i;
        let mut j = start;
        let mut first = true;
        loop {
            let c = self.s.get(j).copied();
            let escaped_comma = c == Some('\\') && self.s.get(j + 1) == Some(&',');
            if escaped_comma {
                j += 2;
            } else if c.is_some_and(|c| if first { start_word(c) } else { follow(c) }) {
                j += 1;
            } else {
                break;
            }
            first = false;
        }
        if j == start {
            return None;
        }
        self.i = j;
        let consumed: String = self.s[start..j].iter().collect();
        Some(consumed.replace("\\,", ",").trim_end_matches(is_py_space).to_string())
    }

    fn value(&mut self) -> Result<Py, Syntax> {
        match self.word(first_follow) {
            Some(w) => self.resolve(w),
            None => Ok(Py::Str(String::new())),
        }
    }

    fn first_value(&mut self) -> Result<Py, Syntax> {
        match self.current() {
            Some('\'') => self.quoted('\'', "singled quoted"),
            Some('"') => self.quoted('"', "double quoted"),
            _ => self.value(),
        }
    }

    fn second_value(&mut self) -> Result<Py, Syntax> {
        match self.current() {
            Some('\'') => self.quoted('\'', "singled quoted"),
            Some('"') => self.quoted('"', "double quoted"),
            _ => match self.word(second_follow) {
                Some(w) => self.resolve(w),
                None => Err(Syntax::Expected("<second>".into(), "<none>".into(), self.i)),
            },
        }
    }

    /// The end (exclusive) of the quoted string at `self.i`, as the backtracking regex
    /// `q(?:\\q|[^q])*q` finds it: escaped quotes first, the longest match that closes.
    fn quoted_end(&self, q: char) -> Option<usize> {
        let n = self.s.len();
        // `ok[p]`: from inside position p, some continuation reaches a closing quote.
        let mut best: Vec<Option<usize>> = vec![None; n + 2];
        for p in (self.i + 1..=n).rev() {
            let mut found = None;
            if self.s.get(p) == Some(&'\\') && self.s.get(p + 1) == Some(&q) {
                found = best[p + 2];
            }
            if found.is_none() && p < n && self.s[p] != q {
                found = best[p + 1];
            }
            if found.is_none() && self.s.get(p) == Some(&q) {
                found = Some(p + 1);
            }
            best[p] = found;
        }
        best.get(self.i + 1).copied().flatten()
    }

    fn quoted(&mut self, q: char, name: &str) -> Result<Py, Syntax> {
        let Some(end) = self.quoted_end(q) else {
            return Err(Syntax::Expected(format!("<{name}>"), "<none>".into(), self.i));
        };
        let inner: String = self.s[self.i + 1..end - 1].iter().collect();
        self.i = end;
        let value = inner.replace(&format!("\\{q}"), &q.to_string()).replace("\\\\", "\\");
        self.resolve(value)
    }

    fn explicit_list(&mut self) -> Result<Py, Syntax> {
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current() != Some(']') {
            let v = self.explicit_values()?;
            values.push(v);
            self.consume_whitespace();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
        }
        self.expect(']', false)?;
        Ok(Py::List(values))
    }

    fn explicit_values(&mut self) -> Result<Py, Syntax> {
        match self.current() {
            Some('[') | Some('{') => {
                if self.depth >= MAX_DEPTH {
                    return Err(Syntax::Recursion);
                }
                self.depth += 1;
                let r = if self.current() == Some('[') { self.explicit_list() } else { self.hash_literal() };
                self.depth -= 1;
                r
            }
            _ => self.first_value(),
        }
    }

    fn hash_literal(&mut self) -> Result<Py, Syntax> {
        self.expect('{', true)?;
        let mut keyvals = PyDict::new();
        while self.current() != Some('}') {
            let key = self.key();
            self.resolve_files = self.at_file_marker();
            self.expect('=', true)?;
            let v = self.explicit_values()?;
            self.consume_whitespace();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
            keyvals.insert(&key, v);
        }
        self.expect('}', false)?;
        Ok(Py::Dict(keyvals))
    }
}

/// The error of a `file://` or `fileb://` reference: the console has no files, so every one is
/// missing (`paramfile.py get_file`: `Unable to load paramfile file://x: [Errno 2] No such file
/// or directory: 'x'`). `None` for any other value.
pub fn missing_paramfile(value: &str) -> Option<String> {
    let path = value.strip_prefix("fileb://").or_else(|| value.strip_prefix("file://"))?;
    Some(format!(
        "Unable to load paramfile {value}: [Errno 2] No such file or directory: {}",
        super::pyval::str_repr(path)
    ))
}

/// `BackCompatVisitor.visit(parsed, shape)`: adjusts parsed shorthand strings to the model.
pub fn visit(value: &mut Py, shape: ShapeId) -> Result<(), ShorthandError> {
    visit_node(value, shape)
}

fn visit_node(value: &mut Py, shape: ShapeId) -> Result<(), ShorthandError> {
    match model::shape(shape).kind {
        Kind::Structure { members, .. } => {
            if let Py::Dict(d) = value {
                for m in members {
                    if let Some(v) = d.get_mut(m.name) {
                        visit_node(v, m.shape)?;
                    }
                }
            }
            Ok(())
        }
        Kind::List { member } => {
            match value {
                Py::List(items) => {
                    for item in items {
                        visit_node(item, member)?;
                    }
                }
                Py::None => {}
                other => *other = Py::List(vec![other.clone()]),
            }
            Ok(())
        }
        Kind::Map { value: vshape, .. } => {
            if let Py::Dict(d) = value {
                for (_, v) in d.items.iter_mut() {
                    visit_node(v, vshape)?;
                }
            }
            Ok(())
        }
        Kind::Integer | Kind::Long => {
            let converted = match &*value {
                Py::Str(s) => Py::Int(py_int(s).map_err(ShorthandError::Uncaught)?),
                Py::None => return Ok(()),
                other => {
                    return Err(ShorthandError::Uncaught(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        other.type_name()
                    )))
                }
            };
            *value = converted;
            Ok(())
        }
        Kind::Double | Kind::Float => {
            if let Py::Str(s) = &*value {
                let f = super::pyval::py_float(s).map_err(ShorthandError::Uncaught)?;
                *value = Py::Float(f);
            }
            Ok(())
        }
        Kind::Boolean => {
            let lowered = match &*value {
                Py::Str(s) => s.to_lowercase(),
                Py::None => return Ok(()),
                other => {
                    return Err(ShorthandError::Uncaught(format!(
                        "'{}' object has no attribute 'lower'",
                        other.type_name()
                    )))
                }
            };
            if lowered == "true" {
                *value = Py::Bool(true);
            } else if lowered == "false" {
                *value = Py::Bool(false);
            }
            Ok(())
        }
        Kind::String | Kind::Blob | Kind::Timestamp => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> String {
        match parse(text, CliVersion::V2) {
            Ok(v) => v.py_repr(),
            Err(ShorthandError::Parse(m)) | Err(ShorthandError::Uncaught(m)) => format!("error: {m}"),
        }
    }

    /// Each case is awscli's own answer (`ShorthandParser().parse`, v2 2.36.7, CPython 3.11.7).
    const CASES: &[(&str, &str)] = &[
        ("Type=AT_TRIM_HORIZON", "{'Type': 'AT_TRIM_HORIZON'}"),
        ("k1=v1,k2=v2", "{'k1': 'v1', 'k2': 'v2'}"),
        ("a=b,c", "{'a': ['b', 'c']}"),
        ("Data=x,PartitionKey", "{'Data': ['x', 'PartitionKey']}"),
        ("Data=x,Partition=1", "{'Data': 'x', 'Partition': '1'}"),
        ("a=b,c,d=e", "{'a': ['b', 'c'], 'd': 'e'}"),
        ("a=[1,2],b={c=d,e=[f]}", "{'a': ['1', '2'], 'b': {'c': 'd', 'e': ['f']}}"),
        ("a='x,y',b=\"it's\"", "{'a': 'x,y', 'b': \"it's\"}"),
        ("a=x\\,y", "{'a': 'x,y'}"),
        ("a= b ,c=d", "{'a': 'b', 'c': 'd'}"),
        ("vacio=", "{'vacio': ''}"),
        ("Type", "error: Expected: '=', received: 'EOF' for input:\n Type\n    ^"),
        ("k", "error: Expected: '=', received: 'EOF' for input:\n k\n ^"),
        ("a=b,", "error: Expected: '<second>', received: '<none>' for input:\n a=b,\n    ^"),
        ("a=b,a=c", "error: Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\nThis is often because there is a preceding \",\" instead of a space."),
        ("Data@=fileb://x.bin", "error: Unable to load paramfile fileb://x.bin: [Errno 2] No such file or directory: 'x.bin'"),
        ("a=b,,c=d", "{'a': 'b', 'c': 'd'}"),
        ("a='unterminated", "error: Expected: '<singled quoted>', received: '<none>' for input:\n a='unterminated\n  ^"),
        ("a=b,'x", "error: Expected: '=', received: ''' for input:\n a=b,'x\n    ^"),
        ("a=[1,2", "error: Expected: ',', received: 'EOF' for input:\n a=[1,2\n      ^"),
        ("a={b=c", "error: Expected: ',', received: 'EOF' for input:\n a={b=c\n      ^"),
        ("=x", "{'': 'x'}"),
        ("a=b c=d", "{'a': 'b c=d'}"),
        ("a=😀x", "error: Expected: ',', received: '😀' for input:\n a=😀x\n  ^"),
        ("a=x😀", "error: Expected: ',', received: '😀' for input:\n a=x😀\n   ^"),
        ("a\n=b", "{'a': 'b'}"),
        ("a=b,\nc=d", "{'a': 'b', 'c': 'd'}"),
        ("a='it\\'s'", "{'a': \"it's\"}"),
        ("a=\"q\\\"q\"", "{'a': 'q\"q'}"),
        ("a=b , c", "{'a': ['b', 'c']}"),
        ("a=[ 1 , 2 ]", "{'a': ['1', '2']}"),
        ("a={}", "{'a': {}}"),
        ("a=[]", "{'a': []}"),
        ("  a=b", "error: Expected: '=', received: 'a' for input:\n   a=b\n  ^"),
        ("a=b,\nc", "{'a': ['b', 'c']}"),
        ("x=1,\ny=2,\nx=3", "error: Second instance of key \"x\" encountered for input:\nx=1,\ny=2,\n    ^\nx=3\nThis is often because there is a preceding \",\" instead of a space."),
    ];

    #[test]
    fn parses_as_the_cli_does() {
        for (input, expected) in CASES {
            assert_eq!(parsed(input), *expected, "{input:?}");
        }
        assert_eq!(
            parse("Type", CliVersion::V1),
            Err(ShorthandError::Parse("Expected: '=', received: 'EOF' for input:\n{self._error_location()}".into()))
        );
        assert_eq!(
            parsed("Data@=fileb://x.bin"),
            "error: Unable to load paramfile fileb://x.bin: [Errno 2] No such file or directory: 'x.bin'"
        );
    }
}
