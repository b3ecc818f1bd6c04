//! Python's `argparse.ArgumentParser.parse_known_args`, as the AWS CLI uses it at each level of
//! `aws [global options] <command> <operation> [options]`.
//!
//! The CLI parses the same words three times: the main parser takes the global options
//! (anywhere on the line) and the command (`kinesis`), the service parser the operation
//! (`put-record`), the operation's parser its own options; each passes what it does not know to
//! the next. What the CLI prints on a bad line follows from argparse's rules, reproduced here
//! from CPython 3.11's `Lib/argparse.py`:
//!
//! 1. Each word is classified first: an option (`--stream-name`, `--stream-name=Foo`, or an
//!    unambiguous prefix such as `--stream-n`), an unknown option (`--bogus`, left over), or an
//!    argument (`Foo`, `-5`, anything after `--`). An ambiguous prefix is an error at once.
//! 2. Options take their arguments in order (`expected one argument` when none follows);
//!    positional arguments (`command`, `operation`, the operation parser's `help`) take the
//!    arguments before the next option.
//! 3. A value outside the choices, or not an `int` where one is expected, is an error when its
//!    option is taken; missing required options are reported together at the end.
//!
//! The last value of a repeated option wins. The invalid-choice message is the CLI's own
//! (`CLIArgParser._check_value`), which v1 and v2 word differently.

use super::difflib::get_close_matches;
use super::pyval::{py_int, str_repr, PyInt};
use crate::console::CliVersion;
use std::collections::BTreeMap;

/// How an option takes its values (`nargs` and `action`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arity {
    /// One value (`nargs=None`).
    One,
    /// Zero or one value (`nargs='?'`): alone, it takes `konst`.
    Optional {
        /// The value when the option is given without one.
        konst: &'static str,
    },
    /// Any number of values (`nargs='*'`): a list option.
    Many,
    /// No value (`store_true`, `store_false`): sets the dest to this.
    Flag(bool),
    /// `--version`: prints the version and ends the command.
    Version,
}

/// One option (`--stream-name`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opt {
    /// The option string, with its dashes.
    pub name: String,
    /// Where its value goes (`stream_name`); `--flag` and `--no-flag` share one.
    pub dest: String,
    /// How it takes values.
    pub arity: Arity,
    /// Converted with Python's `int` (`type=int`: `--max-items`, `--page-size`).
    pub int: bool,
    /// Must be given (unless the line has `--cli-input-json`, see the caller).
    pub required: bool,
    /// The accepted values (`--output json|text|table`); empty for any.
    pub choices: Vec<String>,
}

/// A positional argument (`command`, `operation`, `help`, `subcommand`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pos {
    /// Its name, as argparse writes it in messages (`argument operation: …`).
    pub dest: &'static str,
    /// `nargs='?'`: may be absent.
    pub optional: bool,
    /// The accepted values, if restricted.
    pub choices: Option<Vec<String>>,
}

/// A parser: its options, in the order they were added, and its positionals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parser {
    /// The options, in `add_argument` order (the order of "could match" and of required lists).
    pub opts: Vec<Opt>,
    /// The positional arguments, in order.
    pub pos: Vec<Pos>,
}

/// A parsed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string (most options, positionals).
    Str(String),
    /// A list option's words.
    List(Vec<String>),
    /// A flag.
    Bool(bool),
    /// An `int` option.
    Int(PyInt),
}

/// The parsed values by dest (argparse's `Namespace`); an absent dest is `None` in Python.
pub type Namespace = BTreeMap<String, Value>;

/// Why parsing stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// `parser.error(message)`: the CLI prints its usage and `aws: error: <message>`.
    Error(String),
    /// `--version` was taken: print the version, exit 0.
    Version,
}

#[derive(Clone, Copy)]
enum Class {
    /// An argument (`A`).
    Arg,
    /// `--` (`-`).
    DoubleDash,
    /// An option, known (`Some(index, explicit value)`) or not (`None`).
    Opt(Option<(usize, Option<usize>)>),
}

struct Run<'a> {
    parser: &'a Parser,
    version: CliVersion,
    args: &'a [String],
    /// Explicit values of `--opt=value` words, by index into `explicits`.
    explicits: Vec<String>,
    classes: Vec<Class>,
    ns: Namespace,
    seen_opts: Vec<bool>,
    seen_pos: usize,
    extras: Vec<String>,
}

/// The message of `CLIArgParser._check_value` for `value` not in `choices`.
pub fn invalid_choice(version: CliVersion, value: &str, choices: &[&str]) -> String {
    let possible = get_close_matches(value, choices, 3, 0.8);
    match version {
        CliVersion::V1 => {
            let mut msg = vec!["Invalid choice, valid choices are:\n".to_string()];
            for pair in choices.chunks(2) {
                let cells: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
                msg.push(cells.join(" | "));
            }
            if !possible.is_empty() {
                msg.push(format!("\n\nInvalid choice: {}, maybe you meant:\n", str_repr(value)));
                msg.extend(possible.iter().map(|w| format!("  * {w}")));
            }
            msg.join("\n")
        }
        CliVersion::V2 => {
            let mut msg = vec![format!("Found invalid choice '{value}'\n")];
            if !possible.is_empty() {
                msg.push("Maybe you meant:\n".into());
                msg.extend(possible.iter().map(|w| format!("  * {w}")));
            }
            msg.join("\n")
        }
    }
}

impl Parser {
    /// `parse_known_args(args)`: the values, and the words left over (in argparse's order).
    pub fn parse_known_args(&self, args: &[String], version: CliVersion) -> Result<(Namespace, Vec<String>), Stop> {
        let mut run = Run {
            parser: self,
            version,
            args,
            explicits: Vec::new(),
            classes: Vec::with_capacity(args.len()),
            ns: Namespace::new(),
            seen_opts: vec![false; self.opts.len()],
            seen_pos: 0,
            extras: Vec::new(),
        };
        run.classify()?;
        run.consume()?;
        run.check_required()?;
        Ok((run.ns, run.extras))
    }

    /// The option strings that start with `prefix`, in the order they were added.
    fn prefixed(&self, prefix: &str) -> Vec<usize> {
        (0..self.opts.len()).filter(|&i| self.opts[i].name.starts_with(prefix)).collect()
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.opts.iter().position(|o| o.name == name)
    }
}

fn is_negative_number(s: &str) -> bool {
    // argparse's `^-\d+$|^-\d*\.\d+$`.
    let Some(rest) = s.strip_prefix('-') else {
        return false;
    };
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    if digits(rest) {
        return true;
    }
    match rest.split_once('.') {
        Some((a, b)) => (a.is_empty() || a.chars().all(|c| c.is_ascii_digit())) && digits(b),
        None => false,
    }
}

impl Run<'_> {
    fn error(&self, msg: String) -> Stop {
        Stop::Error(msg)
    }

    fn explicit(&mut self, value: &str) -> Option<usize> {
        self.explicits.push(value.to_string());
        Some(self.explicits.len() - 1)
    }

    /// `_parse_optional` for every word.
    fn classify(&mut self) -> Result<(), Stop> {
        let mut after_dashes = false;
        for i in 0..self.args.len() {
            let arg = &self.args[i];
            if after_dashes {
                self.classes.push(Class::Arg);
                continue;
            }
            if arg == "--" {
                after_dashes = true;
                self.classes.push(Class::DoubleDash);
                continue;
            }
            let class = self.parse_optional(arg)?;
            self.classes.push(class);
        }
        Ok(())
    }

    fn parse_optional(&mut self, arg: &str) -> Result<Class, Stop> {
        if !arg.starts_with('-') {
            return Ok(Class::Arg);
        }
        if let Some(i) = self.parser.find(arg) {
            return Ok(Class::Opt(Some((i, None))));
        }
        if arg.len() == 1 {
            return Ok(Class::Arg);
        }
        if let Some((name, value)) = arg.split_once('=') {
            if let Some(i) = self.parser.find(name) {
                let e = self.explicit(value);
                return Ok(Class::Opt(Some((i, e))));
            }
        }
        // Abbreviations (`allow_abbrev`): only for `--` options, as all of the CLI's are.
        if arg.starts_with("--") {
            let (prefix, value) = match arg.split_once('=') {
                Some((p, v)) => (p, Some(v)),
                None => (arg, None),
            };
            let matches = self.parser.prefixed(prefix);
            if matches.len() > 1 {
                let names: Vec<&str> = matches.iter().map(|&i| self.parser.opts[i].name.as_str()).collect();
                return Err(self.error(format!("ambiguous option: {arg} could match {}", names.join(", "))));
            }
            if let Some(&i) = matches.first() {
                let e = match value {
                    Some(v) => self.explicit(v),
                    None => None,
                };
                return Ok(Class::Opt(Some((i, e))));
            }
        } else {
            // A single dash: `-x` matches an option `-x…` only by prefix; the CLI has none.
            let matches = self.parser.prefixed(arg);
            if matches.len() > 1 {
                let names: Vec<&str> = matches.iter().map(|&i| self.parser.opts[i].name.as_str()).collect();
                return Err(self.error(format!("ambiguous option: {arg} could match {}", names.join(", "))));
            }
            if let Some(&i) = matches.first() {
                return Ok(Class::Opt(Some((i, None))));
            }
        }
        if is_negative_number(arg) {
            return Ok(Class::Arg);
        }
        if arg.contains(' ') {
            return Ok(Class::Arg);
        }
        Ok(Class::Opt(None))
    }

    fn is_opt(&self, i: usize) -> bool {
        matches!(self.classes.get(i), Some(Class::Opt(_)))
    }

    fn consume(&mut self) -> Result<(), Stop> {
        let option_indices: Vec<usize> = (0..self.classes.len()).filter(|&i| self.is_opt(i)).collect();
        let max_option = option_indices.last().copied();
        let mut start = 0usize;
        while max_option.is_some_and(|m| start <= m) {
            let Some(next_opt) = option_indices.iter().copied().find(|&i| i >= start) else {
                break;
            };
            if start != next_opt {
                let end = self.consume_positionals(start)?;
                if end > start {
                    start = end;
                    continue;
                }
                start = end;
            }
            if !self.is_opt(start) {
                self.extras.extend(self.args[start..next_opt].iter().cloned());
                start = next_opt;
            }
            start = self.consume_optional(start)?;
        }
        let stop = self.consume_positionals(start)?;
        self.extras.extend(self.args[stop.min(self.args.len())..].iter().cloned());
        Ok(())
    }

    /// The words of an option's or positional's arguments, with the first `--` removed.
    fn strings(&self, from: usize, to: usize) -> Vec<String> {
        let mut v: Vec<String> = self.args[from..to].to_vec();
        if let Some(at) = v.iter().position(|s| s == "--") {
            v.remove(at);
        }
        v
    }

    fn consume_optional(&mut self, start: usize) -> Result<usize, Stop> {
        let Some(Class::Opt(found)) = self.classes.get(start).copied() else {
            return Ok(start + 1);
        };
        let Some((index, explicit)) = found else {
            self.extras.push(self.args[start].clone());
            return Ok(start + 1);
        };
        let opt = self.parser.opts[index].clone();
        if let Some(e) = explicit {
            let value = self.explicits[e].clone();
            return match opt.arity {
                Arity::Flag(_) | Arity::Version => {
                    Err(self.error(format!("argument {}: ignored explicit argument {}", opt.name, str_repr(&value))))
                }
                _ => {
                    self.take_option(index, vec![value])?;
                    Ok(start + 1)
                }
            };
        }
        // Count the arguments that follow (`A` words up to the next option or `--`).
        let following = self.classes[start + 1..].iter().take_while(|c| matches!(c, Class::Arg)).count();
        let count = match opt.arity {
            Arity::One if following == 0 => {
                return Err(self.error(format!("argument {}: expected one argument", opt.name)));
            }
            Arity::One => 1,
            Arity::Optional { .. } => following.min(1),
            Arity::Many => following,
            Arity::Flag(_) | Arity::Version => 0,
        };
        let strings = self.strings(start + 1, start + 1 + count);
        self.take_option(index, strings)?;
        Ok(start + 1 + count)
    }

    fn check_choice(&self, name: &str, value: &str, choices: &[String]) -> Result<(), Stop> {
        if choices.is_empty() || choices.iter().any(|c| c == value) {
            return Ok(());
        }
        let list: Vec<&str> = choices.iter().map(String::as_str).collect();
        Err(self.error(format!("argument {name}: {}", invalid_choice(self.version, value, &list))))
    }

    fn convert(&self, opt: &Opt, s: &str) -> Result<Value, Stop> {
        if opt.int {
            return match py_int(s) {
                Ok(n) => Ok(Value::Int(n)),
                Err(_) => Err(self.error(format!("argument {}: invalid int value: {}", opt.name, str_repr(s)))),
            };
        }
        Ok(Value::Str(s.to_string()))
    }

    fn take_option(&mut self, index: usize, strings: Vec<String>) -> Result<(), Stop> {
        let opt = self.parser.opts[index].clone();
        self.seen_opts[index] = true;
        let value = match &opt.arity {
            Arity::Version => return Err(Stop::Version),
            Arity::Flag(b) => Value::Bool(*b),
            Arity::One => {
                let s = strings.first().cloned().unwrap_or_default();
                let v = self.convert(&opt, &s)?;
                self.check_choice(&opt.name, &s, &opt.choices)?;
                v
            }
            Arity::Optional { konst } => {
                let s = strings.first().cloned().unwrap_or_else(|| konst.to_string());
                let v = self.convert(&opt, &s)?;
                self.check_choice(&opt.name, &s, &opt.choices)?;
                v
            }
            Arity::Many => {
                for s in &strings {
                    self.check_choice(&opt.name, s, &opt.choices)?;
                }
                Value::List(strings)
            }
        };
        self.ns.insert(opt.dest.clone(), value);
        Ok(())
    }

    fn consume_positionals(&mut self, start: usize) -> Result<usize, Stop> {
        let mut at = start;
        while self.seen_pos < self.parser.pos.len() {
            let pos = self.parser.pos[self.seen_pos].clone();
            // The pattern `-*A-*` (or `-*A?-*`) from here: dashes, one argument, dashes.
            let mut i = at;
            while matches!(self.classes.get(i), Some(Class::DoubleDash)) {
                i += 1;
            }
            let has_arg = matches!(self.classes.get(i), Some(Class::Arg));
            if has_arg {
                i += 1;
                while matches!(self.classes.get(i), Some(Class::DoubleDash)) {
                    i += 1;
                }
            } else if !pos.optional {
                // No match for this positional: argparse stops matching here.
                break;
            }
            let strings = self.strings(at, i);
            self.seen_pos += 1;
            if let Some(s) = strings.first() {
                if let Some(choices) = &pos.choices {
                    self.check_choice(pos.dest, s, choices)?;
                }
                self.ns.insert(pos.dest.to_string(), Value::Str(s.clone()));
            }
            at = i;
            if !has_arg {
                // An optional positional matched nothing; later ones match from here too.
                continue;
            }
        }
        Ok(at)
    }

    fn check_required(&self) -> Result<(), Stop> {
        let mut missing: Vec<String> = Vec::new();
        for (i, opt) in self.parser.opts.iter().enumerate() {
            if opt.required && !self.seen_opts[i] {
                missing.push(opt.name.clone());
            }
        }
        for pos in self.parser.pos.iter().skip(self.seen_pos) {
            if !pos.optional {
                missing.push(pos.dest.to_string());
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        Err(self.error(format!("the following arguments are required: {}", missing.join(", "))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parser() -> Parser {
        let opt = |name: &str, arity: Arity| Opt {
            name: name.into(),
            dest: name.trim_start_matches("--").replace('-', "_"),
            arity,
            int: false,
            required: false,
            choices: vec![],
        };
        let mut stream = opt("--stream-name", Arity::One);
        stream.required = true;
        Parser {
            opts: vec![
                stream,
                opt("--stream-arn", Arity::One),
                opt("--tag-keys", Arity::Many),
                Opt { dest: "enforce".into(), ..opt("--enforce", Arity::Flag(true)) },
                Opt { dest: "enforce".into(), ..opt("--no-enforce", Arity::Flag(false)) },
            ],
            pos: vec![Pos { dest: "help", optional: true, choices: None }],
        }
    }

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    fn ok(p: &Parser, line: &str) -> (Namespace, Vec<String>) {
        match p.parse_known_args(&words(line), CliVersion::V1) {
            Ok(r) => r,
            Err(e) => panic!("{line}: {e:?}"),
        }
    }

    #[test]
    fn leftovers_come_in_argparse_order() {
        let p = parser();
        let (ns, rest) = ok(&p, "--stream-name Foo extra words");
        assert_eq!(ns.get("help"), Some(&Value::Str("extra".into())));
        assert_eq!(rest, vec!["words"]);
        let (ns, rest) = ok(&p, "--stream-name Foo --bogus 1");
        assert_eq!(rest, vec!["--bogus"]);
        assert_eq!(ns.get("help"), Some(&Value::Str("1".into())));
    }

    #[test]
    fn abbreviations_lists_flags_and_errors() {
        let p = parser();
        let (ns, _) = ok(&p, "--stream-n=Foo --tag-keys a b --no-enforce");
        assert_eq!(ns.get("stream_name"), Some(&Value::Str("Foo".into())));
        assert_eq!(ns.get("tag_keys"), Some(&Value::List(vec!["a".into(), "b".into()])));
        assert_eq!(ns.get("enforce"), Some(&Value::Bool(false)));
        assert_eq!(
            p.parse_known_args(&words("--stream Foo"), CliVersion::V1),
            Err(Stop::Error("ambiguous option: --stream could match --stream-name, --stream-arn".into()))
        );
        assert_eq!(
            p.parse_known_args(&words("--stream-name"), CliVersion::V1),
            Err(Stop::Error("argument --stream-name: expected one argument".into()))
        );
        assert_eq!(
            p.parse_known_args(&words("--tag-keys a"), CliVersion::V1),
            Err(Stop::Error("the following arguments are required: --stream-name".into()))
        );
        assert_eq!(
            p.parse_known_args(&words("--stream-name x --enforce=1"), CliVersion::V1),
            Err(Stop::Error("argument --enforce: ignored explicit argument '1'".into()))
        );
        let (ns, _) = ok(&p, "--stream-name -5");
        assert_eq!(ns.get("stream_name"), Some(&Value::Str("-5".into())));
    }
}
