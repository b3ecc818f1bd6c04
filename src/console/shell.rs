//! A minimal shell: enough of bash to type the course's CLI tutorial verbatim, and nothing more.
//!
//! What it does, as bash does it for these forms:
//! 1. **Expansion.** `$NAME`, `${NAME}`, `$?` and `$(command)` outside single quotes. An unquoted
//!    expansion is split into fields on blanks (bash's IFS splitting) and an empty one vanishes;
//!    inside double quotes it stays one piece; the value of an assignment (`X=$(aws …)`) is never
//!    split. The expanded text is re-quoted (`shell_words::quote`), so the quotes that a value
//!    carries stay literal: `SHARD_ITERATOR=$(aws … --query 'ShardIterator')` keeps the JSON
//!    quotes, exactly the tutorial's trap.
//! 2. **Words.** The `shell-words` crate splits the expanded line into words, removes quotes and
//!    backslashes and drops `# comments`.
//! 3. **Built-ins.** `NAME=value` (one or more), `aws …`, `echo [-n]`, `sleep N` (advances the
//!    simulated clock), `clear`, `history`.
//!
//! Anything else (pipes, `;`, `&&`, redirections, backquotes, other programs) gets a clear
//! "not available in this console" and status 127 or 2, like bash's "command not found" and
//! syntax errors. What this scanner does by hand is only the part no small crate does with
//! quoting in mind: finding `$…` and the end of `$(…)`; splitting and quote removal are the
//! crate's.

use super::{cli, Host, Outcome, Settings};
use crate::i18n::console_shell::ShellText;
use crate::i18n::Message;
use std::collections::BTreeMap;

/// How deep `$( $( … ) )` may nest.
const MAX_NESTING: usize = 8;
/// The longest line the shell takes (a pasted script is run line by line).
pub const MAX_LINE_CHARS: usize = 100_000;
/// The longest `sleep`, ms (five simulated minutes).
pub const MAX_SLEEP_MS: u64 = 300_000;
/// Bash's exit status for a command that does not exist.
const STATUS_NOT_FOUND: i32 = 127;
/// Bash's exit status for a syntax error.
const STATUS_SYNTAX: i32 = 2;

/// What one line did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ran {
    /// The line as typed.
    pub line: String,
    /// What it printed and did.
    pub outcome: Outcome,
    /// `clear` (or Ctrl+L): the scrollback is emptied.
    pub clear: bool,
}

/// The shell's state: variables, history and the last exit status.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shell {
    vars: BTreeMap<String, String>,
    history: Vec<String>,
    last_status: i32,
}

/// Where the scanner is inside a word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    None,
    Single,
    Double,
}

impl Shell {
    /// A shell with no variables and no history.
    pub fn new() -> Self {
        Self::default()
    }

    /// The lines run so far, oldest first (what `history` lists and ↑ walks).
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Replaces the history (a session restarted on a rebuilt world keeps its ↑ lines).
    pub fn set_history(&mut self, history: Vec<String>) {
        self.history = history;
    }

    /// The variables set so far (`NAME=value`), by name.
    pub fn vars(&self) -> &BTreeMap<String, String> {
        &self.vars
    }

    /// The exit status of the last command (`$?`).
    pub fn last_status(&self) -> i32 {
        self.last_status
    }

    /// Runs one line typed at the prompt.
    pub fn run(&mut self, line: &str, host: &mut dyn Host, settings: Settings) -> Ran {
        let line = line.trim_end_matches(['\r', '\n']);
        if !line.trim().is_empty() {
            self.history.push(line.to_string());
        }
        let mut ran = Ran { line: line.to_string(), ..Ran::default() };
        if line.chars().count() > MAX_LINE_CHARS {
            ran.outcome = error(ShellText::LineTooLong.text(settings.lang), STATUS_SYNTAX);
        } else {
            self.execute(line, host, settings, 0, &mut ran);
        }
        self.last_status = ran.outcome.status;
        ran
    }

    /// Expands and runs `line` into `ran` (appending to its outcome).
    fn execute(&mut self, line: &str, host: &mut dyn Host, settings: Settings, depth: usize, ran: &mut Ran) {
        let lang = settings.lang;
        let expanded = match self.expand(line, host, settings, depth, &mut ran.outcome) {
            Ok(e) => e,
            Err(text) => {
                merge(&mut ran.outcome, error(text, STATUS_SYNTAX));
                return;
            }
        };
        let words = match shell_words::split(&expanded) {
            Ok(w) => w,
            Err(_) => {
                merge(&mut ran.outcome, error(ShellText::UnclosedQuote.text(lang), STATUS_SYNTAX));
                return;
            }
        };
        let assignments = words.iter().take_while(|w| assignment(w).is_some()).count();
        let (sets, command) = words.split_at(assignments);
        if command.is_empty() {
            for w in sets {
                if let Some((name, value)) = assignment(w) {
                    self.vars.insert(name.to_string(), value.to_string());
                }
            }
            // `X=$(cmd)` keeps the status of `cmd`, as bash does.
            return;
        }
        if !sets.is_empty() {
            merge(&mut ran.outcome, error(ShellText::NoEnvPrefix.text(lang), STATUS_SYNTAX));
            return;
        }
        let (name, args) = (command[0].as_str(), &command[1..]);
        let outcome = match name {
            "aws" => cli::run(args, host, settings),
            "echo" => echo(args),
            "sleep" => sleep(args, host, settings),
            "clear" => {
                ran.clear = true;
                Outcome::default()
            }
            "history" => Outcome { stdout: self.history_listing(), ..Outcome::default() },
            other => error(ShellText::NotAvailable(other.to_string()).text(lang), STATUS_NOT_FOUND),
        };
        merge(&mut ran.outcome, outcome);
    }

    /// `history`'s listing, numbered as bash numbers it (`    1  aws kinesis list-streams`).
    fn history_listing(&self) -> String {
        self.history.iter().enumerate().map(|(i, l)| format!("{:>5}  {l}\n", i + 1)).collect()
    }

    /// `line` with every expansion done and re-quoted for `shell_words::split`; on an
    /// unsupported construct, the text that says so.
    fn expand(
        &mut self,
        line: &str,
        host: &mut dyn Host,
        settings: Settings,
        depth: usize,
        outcome: &mut Outcome,
    ) -> Result<String, String> {
        let lang = settings.lang;
        let chars: Vec<char> = line.chars().collect();
        let mut out = String::with_capacity(line.len());
        let mut quote = Quote::None;
        // Whether the current word is an assignment in command-prefix position.
        let mut word_start = true;
        let mut prefix = true;
        let mut in_assignment = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let starts_word = quote == Quote::None && word_start && !c.is_whitespace();
            if starts_word {
                in_assignment = prefix && starts_assignment(&chars[i..]);
                prefix = in_assignment;
                word_start = false;
            }
            match (quote, c) {
                (Quote::None, c) if c.is_whitespace() => {
                    word_start = true;
                    out.push(c);
                }
                (Quote::None, '#') if starts_word => {
                    // A comment: the rest of the line is dropped (shell-words would drop it too).
                    break;
                }
                (Quote::None, '\'') => {
                    quote = Quote::Single;
                    out.push(c);
                }
                (Quote::Single, '\'') => {
                    quote = Quote::None;
                    out.push(c);
                }
                (Quote::Single, _) => out.push(c),
                (Quote::None, '"') => {
                    quote = Quote::Double;
                    out.push(c);
                }
                (Quote::Double, '"') => {
                    quote = Quote::None;
                    out.push(c);
                }
                (_, '\\') => {
                    out.push(c);
                    if let Some(&n) = chars.get(i + 1) {
                        out.push(n);
                        i += 1;
                    }
                }
                (_, '`') => return Err(ShellText::Unsupported("`…`".into()).text(lang)),
                (Quote::None, '|' | ';' | '&' | '>' | '<' | '(' | ')') => {
                    let op: String = chars[i..].iter().take_while(|c| "|;&><()".contains(**c)).collect();
                    return Err(ShellText::Unsupported(op).text(lang));
                }
                (_, '$') => {
                    let (value, used) = self.dollar(&chars[i + 1..], host, settings, depth, outcome)?;
                    i += used;
                    match value {
                        None => out.push('$'),
                        Some(v) if quote == Quote::Double => out.push_str(&escape_double(&v)),
                        Some(v) if in_assignment => {
                            if !v.is_empty() {
                                out.push_str(&shell_words::quote(&v));
                            }
                        }
                        Some(v) => {
                            let fields: Vec<String> =
                                v.split([' ', '\t', '\n']).filter(|f| !f.is_empty()).map(quote_field).collect();
                            out.push_str(&fields.join(" "));
                        }
                    }
                }
                (_, c) => out.push(c),
            }
            i += 1;
        }
        Ok(out)
    }

    /// What follows a `$` (`rest` starts after it): the expanded value (`None`: a literal `$`)
    /// and how many characters of `rest` it used.
    fn dollar(
        &mut self,
        rest: &[char],
        host: &mut dyn Host,
        settings: Settings,
        depth: usize,
        outcome: &mut Outcome,
    ) -> Result<(Option<String>, usize), String> {
        let lang = settings.lang;
        match rest.first() {
            Some('?') => Ok((Some(self.last_status.to_string()), 1)),
            Some('{') => {
                let Some(end) = rest.iter().position(|c| *c == '}') else {
                    return Err(ShellText::BadSubstitution.text(lang));
                };
                let name: String = rest[1..end].iter().collect();
                if !is_name(&name) {
                    return Err(ShellText::BadSubstitution.text(lang));
                }
                Ok((Some(self.vars.get(&name).cloned().unwrap_or_default()), end + 1))
            }
            Some('(') => {
                if rest.get(1) == Some(&'(') {
                    return Err(ShellText::Unsupported("$((…))".into()).text(lang));
                }
                let Some(end) = matching_paren(rest) else {
                    return Err(ShellText::UnclosedSubstitution.text(lang));
                };
                if depth >= MAX_NESTING {
                    return Err(ShellText::TooDeep.text(lang));
                }
                let inner: String = rest[1..end].iter().collect();
                let mut sub = Ran::default();
                self.execute(&inner, host, settings, depth + 1, &mut sub);
                // Its standard output is the value; the rest goes to the terminal.
                let mut value = std::mem::take(&mut sub.outcome.stdout);
                while value.ends_with('\n') {
                    value.pop();
                }
                merge(outcome, sub.outcome);
                Ok((Some(value), end + 1))
            }
            _ => {
                let name: String = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '_').collect();
                if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                    return Ok((None, 0));
                }
                let used = name.chars().count();
                Ok((Some(self.vars.get(&name).cloned().unwrap_or_default()), used))
            }
        }
    }
}

/// `NAME` and `value` of a word `NAME=value`.
fn assignment(word: &str) -> Option<(&str, &str)> {
    let (name, value) = word.split_once('=')?;
    is_name(name).then_some((name, value))
}

/// Whether the raw text at a word's start reads `NAME=`.
fn starts_assignment(chars: &[char]) -> bool {
    let name: String = chars.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '_').collect();
    is_name(&name) && chars.get(name.chars().count()) == Some(&'=')
}

/// A shell variable name: a letter or `_`, then letters, digits or `_`.
fn is_name(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The index in `rest` (which starts with `(`) of the `)` that closes it, skipping quoted text.
fn matching_paren(rest: &[char]) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = Quote::None;
    let mut i = 0;
    while i < rest.len() {
        match (quote, rest[i]) {
            (Quote::None, '(') => depth += 1,
            (Quote::None, ')') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            (Quote::None, '\'') => quote = Quote::Single,
            (Quote::Single, '\'') => quote = Quote::None,
            (Quote::None, '"') => quote = Quote::Double,
            (Quote::Double, '"') => quote = Quote::None,
            (Quote::None | Quote::Double, '\\') => i += 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// A field of an unquoted expansion, quoted so that `shell_words::split` keeps it literal.
fn quote_field(field: &str) -> String {
    shell_words::quote(field).into_owned()
}

/// `value` inside double quotes: the characters that are special there escaped.
fn escape_double(value: &str) -> String {
    let mut s = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// `echo [-n] words…`.
fn echo(args: &[String]) -> Outcome {
    let (newline, words) = match args.first().map(String::as_str) {
        Some("-n") => (false, &args[1..]),
        _ => (true, args),
    };
    let mut stdout = words.join(" ");
    if newline {
        stdout.push('\n');
    }
    Outcome { stdout, ..Outcome::default() }
}

/// `sleep N` (seconds, decimals allowed, as GNU sleep takes them; `s`, `m`, `h` suffixes):
/// lets N seconds of simulated time pass.
fn sleep(args: &[String], host: &mut dyn Host, settings: Settings) -> Outcome {
    let lang = settings.lang;
    let [arg] = args else {
        return error(ShellText::SleepUsage.text(lang), 1);
    };
    let (number, unit_ms) = match arg.strip_suffix(['s', 'm', 'h']) {
        Some(n) if arg.ends_with('m') => (n, 60_000.0),
        Some(n) if arg.ends_with('h') => (n, 3_600_000.0),
        Some(n) => (n, 1_000.0),
        None => (arg.as_str(), 1_000.0),
    };
    let seconds: Option<f64> =
        number.parse().ok().filter(|s: &f64| s.is_finite() && *s >= 0.0 && !number.contains(['e', 'E', 'i', 'n']));
    let Some(s) = seconds else {
        return error(ShellText::SleepInvalid(arg.clone()).text(lang), 1);
    };
    // Every producer and consumer of the world runs through the sleep at once, on the page's
    // only thread: an hour of the default scenario takes about 20 s of wall time in the
    // browser (the e2e memory check: 6 h in about 120 s), so the shell takes five minutes at
    // most (about 2 s); Play covers longer spans.
    let ms = (s * unit_ms).round();
    if ms > MAX_SLEEP_MS as f64 {
        return error(ShellText::SleepTooLong.text(lang), 1);
    }
    host.sleep(ms as u64);
    Outcome::default()
}

/// An outcome that only prints `text` on standard error, with `status`.
fn error(text: String, status: i32) -> Outcome {
    Outcome { stderr: format!("{text}\n"), status, ..Outcome::default() }
}

/// Appends `more` to `into`: output, exchanges and notes; the status becomes `more`'s.
fn merge(into: &mut Outcome, more: Outcome) {
    into.stdout.push_str(&more.stdout);
    into.stderr.push_str(&more.stderr);
    into.exchanges.extend(more.exchanges);
    into.notes.extend(more.notes);
    into.status = more.status;
}
