//! `aws kinesis <command> …` (and `aws --version`, `aws kinesis help`): see the helper's docs.

pub mod argparse;
pub mod cli_commands;
pub mod difflib;
pub mod model;
pub mod pyjson;
pub mod pyval;
pub mod service_model;
pub mod shorthand;

use super::{Host, Outcome, Settings};

/// Runs the words after `aws` (`["kinesis", "put-record", "--stream-name", "Foo", …]`).
pub fn run(args: &[String], host: &mut dyn Host, settings: Settings) -> Outcome {
    let _ = (args, host, settings);
    Outcome::default()
}
