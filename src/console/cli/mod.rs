//! `aws kinesis <command> …` (and `aws --version`, `aws kinesis help`): see the helper's docs.

use super::{Host, Outcome, Settings};

/// Runs the words after `aws` (`["kinesis", "put-record", "--stream-name", "Foo", …]`).
pub fn run(args: &[String], host: &mut dyn Host, settings: Settings) -> Outcome {
    let _ = (args, host, settings);
    Outcome::default()
}

/// The options of `command` (`--stream-name` …), for completion.
pub fn options_of(command: &str) -> Vec<String> {
    let _ = command;
    Vec::new()
}
