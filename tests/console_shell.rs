//! The console's minimal shell (`console::shell`): expansion as bash does it for the forms the
//! course's tutorial uses, the built-ins, and a clear error for everything else.

use kinesis_playground::console::shell::Shell;
use kinesis_playground::console::{CliVersion, Host, Settings};
use kinesis_playground::engine::error::ApiError;
use kinesis_playground::i18n::Lang;
use proptest::prelude::*;
use serde_json::Value;

/// A host with no service: it only counts the time that passes.
#[derive(Default)]
struct Clock {
    slept_ms: u64,
}

impl Host for Clock {
    fn call(&mut self, _operation: &str, _request: &Value) -> Result<Value, ApiError> {
        Ok(Value::Object(Default::default()))
    }
    fn sleep(&mut self, ms: u64) {
        self.slept_ms += ms;
    }
    fn region(&self) -> String {
        "us-east-1".into()
    }
    fn stream_names(&self) -> Vec<String> {
        Vec::new()
    }
}

const EN: Settings = Settings { version: CliVersion::V2, lang: Lang::En };
const ES: Settings = Settings { version: CliVersion::V2, lang: Lang::Es };

/// Runs `lines` in a fresh shell; the last line's (stdout, stderr, status).
fn run(lines: &[&str]) -> (String, String, i32) {
    let mut shell = Shell::new();
    let mut host = Clock::default();
    let mut last = None;
    for l in lines {
        last = Some(shell.run(l, &mut host, EN));
    }
    let o = last.map(|r| r.outcome).unwrap_or_default();
    (o.stdout, o.stderr, o.status)
}

fn out(lines: &[&str]) -> String {
    let (stdout, stderr, status) = run(lines);
    assert_eq!((stderr.as_str(), status), ("", 0), "{lines:?}");
    stdout
}

#[test]
fn variables_expand_outside_single_quotes() {
    assert_eq!(out(&["X=hello", "echo $X"]), "hello\n");
    assert_eq!(out(&["X=hello", "echo \"${X} world\""]), "hello world\n");
    assert_eq!(out(&["X=hello", "echo '$X'"]), "$X\n");
    assert_eq!(out(&["X=hello", "echo pre${X}post"]), "prehellopost\n");
    assert_eq!(out(&["echo [$UNSET]"]), "[]\n");
    assert_eq!(out(&["echo costs \\$5 and $ alone"]), "costs $5 and $ alone\n");
    assert_eq!(out(&["A=1 B=2", "echo $A$B"]), "12\n");
}

#[test]
fn an_unquoted_expansion_is_split_and_a_quoted_one_is_not() {
    assert_eq!(out(&["X='a   b'", "echo $X"]), "a b\n");
    assert_eq!(out(&["X='a   b'", "echo \"$X\""]), "a   b\n");
    assert_eq!(out(&["X=", "echo a $X b"]), "a b\n");
}

#[test]
fn quotes_inside_a_value_stay_literal_as_in_the_tutorial() {
    // `SHARD_ITERATOR=$(aws … --query 'ShardIterator')` with json output keeps the quotes.
    assert_eq!(out(&["IT=$(echo '\"AAAA+/=\"')", "echo $IT"]), "\"AAAA+/=\"\n");
    assert_eq!(out(&["X='\"q\"'", "echo $X"]), "\"q\"\n");
    // An assignment's value is not split, even from a command with blanks and newlines.
    assert_eq!(out(&["X=$(echo a   b)", "echo \"$X\""]), "a b\n");
    assert_eq!(out(&["X=\"$(echo 'a   b')\"", "echo \"[$X]\""]), "[a   b]\n");
    assert_eq!(out(&["echo $(echo $(echo deep))"]), "deep\n");
}

#[test]
fn comments_and_blank_lines_do_nothing() {
    assert_eq!(out(&["echo hi # a comment"]), "hi\n");
    assert_eq!(out(&["# only a comment"]), "");
    assert_eq!(out(&["   "]), "");
    assert_eq!(out(&["echo a#b"]), "a#b\n");
    assert_eq!(out(&["echo '# not a comment'"]), "# not a comment\n");
}

#[test]
fn status_and_history_are_kept() {
    assert_eq!(out(&["nope", "echo $?"]), "127\n");
    assert_eq!(out(&["echo x", "echo $?"]), "0\n");
    assert_eq!(out(&["echo a", "", "history"]), "    1  echo a\n    2  history\n");
    assert_eq!(out(&["echo -n a"]), "a");
}

#[test]
fn sleep_lets_simulated_time_pass() {
    let mut shell = Shell::new();
    let mut host = Clock::default();
    for (line, ms) in [("sleep 10", 10_000), ("sleep 0.5", 10_500), ("sleep 2m", 130_500), ("sleep 0.05h", 310_500)] {
        let r = shell.run(line, &mut host, EN);
        assert_eq!((r.outcome.status, host.slept_ms), (0, ms), "{line}");
    }
    for bad in [
        "sleep",
        "sleep x",
        "sleep -1",
        "sleep 1e9",
        "sleep nan",
        "sleep inf",
        "sleep 2d",
        "sleep 1 2",
        "sleep 1h",
        "sleep 301",
        "sleep 6m",
    ] {
        let r = shell.run(bad, &mut host, ES);
        assert_eq!(r.outcome.status, 1, "{bad}");
        assert!(r.outcome.stderr.starts_with("sleep:"), "{bad}: {}", r.outcome.stderr);
    }
    assert_eq!(host.slept_ms, 310_500, "a refused sleep lets no time pass");
}

#[test]
fn clear_empties_the_scrollback() {
    let mut shell = Shell::new();
    let r = shell.run("clear", &mut Clock::default(), EN);
    assert!(r.clear);
    assert_eq!(r.outcome.status, 0);
}

#[test]
fn anything_else_is_not_available_with_a_clear_message() {
    for (line, status, needle) in [
        ("ls -l", 127, "ls: not available in this console"),
        ("cat file", 127, "cat: not available"),
        ("echo a | grep a", 2, "“|” is not available"),
        ("echo a; echo b", 2, "“;” is not available"),
        ("echo a && echo b", 2, "“&&” is not available"),
        ("echo a > f", 2, "“>” is not available"),
        ("echo `date`", 2, "“`…`” is not available"),
        ("echo $((1+2))", 2, "“$((…))” is not available"),
        ("echo 'open", 2, "a quote (' or \") is never closed"),
        ("echo $(echo", 2, "the “)” closing “$(” is missing"),
        ("echo ${X", 2, "bad substitution"),
        ("echo ${1x}", 2, "bad substitution"),
        ("X=1 aws kinesis list-streams", 2, "NAME=value before a command"),
    ] {
        let (stdout, stderr, s) = run(&[line]);
        assert_eq!(s, status, "{line}: {stderr}");
        assert!(stderr.contains(needle), "{line}: {stderr}");
        assert!(stdout.is_empty(), "{line}");
    }
    let (_, stderr, _) = {
        let mut shell = Shell::new();
        let r = shell.run("ls", &mut Clock::default(), ES);
        (r.outcome.stdout, r.outcome.stderr, r.outcome.status)
    };
    assert!(stderr.contains("no está disponible en esta consola"), "{stderr}");
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("echo {}x{}", "$(echo ".repeat(20), ")".repeat(20));
    // As in bash, an error inside `$(…)` is printed and the outer command still runs.
    let (_, stderr, _) = run(&[&deep]);
    assert!(stderr.contains("too many nested"), "{stderr}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Random and hostile lines never panic; a failure always says something.
    #[test]
    fn no_line_panics(line in prop_oneof![
        ".{0,80}",
        "[ $(){}\"'\\\\#|;&<>`=a-zA-Z0-9_?-]{0,60}",
        "(aws |echo |sleep |X=)[ $(){}\"'\\\\#a-z=]{0,40}",
    ]) {
        let mut shell = Shell::new();
        let mut host = Clock::default();
        let r = shell.run(&line, &mut host, EN);
        if r.outcome.status != 0 && !line.trim_start().starts_with("aws") {
            prop_assert!(!r.outcome.stderr.is_empty(), "{:?} failed silently", line);
        }
        prop_assert!(host.slept_ms <= 300_000);
    }
}
