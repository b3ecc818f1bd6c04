//! Tab completion at the prompt: programs, `kinesis`, the CLI's commands and options, stream
//! names after `--stream-name`, shard ids after `--shard-id`.

use super::Host;
use crate::engine::api::OPERATIONS;

/// The shell's programs, as completion offers them.
const PROGRAMS: &[&str] = &["aws", "clear", "echo", "history", "sleep"];

/// `CreateStream` → `create-stream` (botocore's `xform_name` for these names).
pub fn kebab(operation: &str) -> String {
    let mut s = String::with_capacity(operation.len() + 4);
    for (i, c) in operation.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            s.push('-');
        }
        s.push(c.to_ascii_lowercase());
    }
    s
}

/// The `aws kinesis` commands, sorted: every operation, `wait` and `help`.
pub fn commands() -> Vec<String> {
    let mut c: Vec<String> = OPERATIONS.iter().map(|o| kebab(o)).collect();
    c.push("wait".into());
    c.push("help".into());
    c.sort();
    c
}

/// Completes `line` (the cursor at its end): the completed line (the longest common prefix
/// of the candidates, with a space when there is only one) and the candidates.
/// `options` gives a command's options (`--stream-name` …).
pub fn complete(line: &str, host: &dyn Host, options: &dyn Fn(&str) -> Vec<String>) -> (String, Vec<String>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let fresh = line.is_empty() || line.ends_with(char::is_whitespace);
    let (done, partial): (&[&str], &str) = match words.split_last() {
        Some((last, rest)) if !fresh => (rest, last),
        _ => (&words[..], ""),
    };
    let pool: Vec<String> = match done {
        [] => PROGRAMS.iter().map(|s| s.to_string()).collect(),
        ["aws"] => vec!["kinesis".into(), "help".into(), "--version".into()],
        ["aws", "kinesis"] => commands(),
        ["aws", "kinesis", "wait"] => vec!["stream-exists".into(), "stream-not-exists".into()],
        [.., "--stream-name"] => host.stream_names(),
        [.., "--shard-id"
        | "--shard-to-split"
        | "--shard-to-merge"
        | "--adjacent-shard-to-merge"
        | "--exclusive-start-shard-id"] => {
            let stream = words.windows(2).find(|w| w[0] == "--stream-name").map(|w| w[1]).unwrap_or_default();
            host.shard_ids(stream)
        }
        [.., "--shard-iterator-type"] => {
            ["TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "AT_TIMESTAMP"]
                .map(String::from)
                .to_vec()
        }
        [.., "--output"] => ["json", "text", "table"].map(String::from).to_vec(),
        ["aws", "kinesis", command, ..] => {
            let mut o = options(command);
            o.retain(|opt| !words.contains(&opt.as_str()));
            o
        }
        _ => Vec::new(),
    };
    let candidates: Vec<String> = pool.into_iter().filter(|c| c.starts_with(partial)).collect();
    let head = &line[..line.len() - partial.len()];
    match candidates.as_slice() {
        [] => (line.to_string(), Vec::new()),
        [one] => (format!("{head}{one} "), Vec::new()),
        many => {
            let prefix = common_prefix(many);
            (format!("{head}{prefix}"), many.to_vec())
        }
    }
}

/// The longest prefix every string in `all` shares.
fn common_prefix(all: &[String]) -> String {
    let Some(first) = all.first() else { return String::new() };
    let mut end = first.len();
    for s in &all[1..] {
        end = first
            .char_indices()
            .zip(s.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0)
            .min(end);
    }
    first[..end].to_string()
}
