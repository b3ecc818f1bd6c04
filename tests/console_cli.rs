//! The `aws` console's CLI (`console::cli`) against a real engine: request mapping, errors and
//! exit statuses of AWS CLI v1 and v2, pagination, waiters, help, and a property test.
//!
//! Expected texts come from the real CLIs (AWS CLI 1.45.11 / botocore 1.43.11 and 2.36.7, the
//! recorded fixtures of tests/console/ and tests/console/CLI-NOTES.md). The output formatter is
//! another module's: standard output is compared with `output::render` of the expected answer.

use kinesis_playground::console::cli::run;
use kinesis_playground::console::output::{render, Format};
use kinesis_playground::console::{CliVersion, Host, Outcome, Settings};
use kinesis_playground::engine::error::ApiError;
use kinesis_playground::engine::{Engine, EngineConfig};
use kinesis_playground::i18n::Lang;
use serde_json::{json, Value};

/// A host over a real engine.
struct EngineHost {
    engine: Engine,
}

impl Host for EngineHost {
    fn call(&mut self, operation: &str, request: &Value) -> Result<Value, ApiError> {
        self.engine.call(operation, request)
    }

    fn sleep(&mut self, ms: u64) {
        self.engine.advance_by(ms);
    }

    fn region(&self) -> String {
        self.engine.config().region.clone()
    }

    fn stream_names(&self) -> Vec<String> {
        self.engine.streams().keys().cloned().collect()
    }
}

fn host() -> EngineHost {
    EngineHost { engine: Engine::new(EngineConfig::default()) }
}

fn words(line: &str) -> Vec<String> {
    match shell_words::split(line) {
        Ok(w) => w,
        Err(e) => panic!("{line}: {e}"),
    }
}

/// Runs `aws <line>` (the words after `aws`) under `version`, in Spanish.
fn aws(h: &mut EngineHost, version: CliVersion, line: &str) -> Outcome {
    run(&words(line), h, Settings { version, lang: Lang::Es })
}

fn v1(h: &mut EngineHost, line: &str) -> Outcome {
    aws(h, CliVersion::V1, line)
}

fn v2(h: &mut EngineHost, line: &str) -> Outcome {
    aws(h, CliVersion::V2, line)
}

/// Runs a command that must succeed; its outcome.
fn ok(h: &mut EngineHost, version: CliVersion, line: &str) -> Outcome {
    let out = aws(h, version, line);
    assert_eq!(out.status, 0, "{line}\nstderr: {:?}", out.stderr);
    out
}

/// The single request a command sent.
fn request(out: &Outcome) -> Value {
    assert_eq!(out.exchanges.len(), 1, "{:?}", out.exchanges);
    out.exchanges[0].request.clone()
}

/// A stream `name` with `shards` shards, ACTIVE.
fn active(h: &mut EngineHost, name: &str, shards: u32) {
    ok(h, CliVersion::V2, &format!("kinesis create-stream --stream-name {name} --shard-count {shards}"));
    h.engine.advance_by(10_000);
}

const V1_USAGE: &str = "usage: \rNote: AWS CLI version 2, the latest major version of the AWS CLI, is now stable and recommended for general use. For more information, see the AWS CLI version 2 installation instructions at: https://docs.aws.amazon.com/cli/latest/userguide/install-cliv2.html\n\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";
const V2_USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

#[path = "console_cli/errors.rs"]
mod errors;
#[path = "console_cli/help.rs"]
mod help;
#[path = "console_cli/mapping.rs"]
mod mapping;
#[path = "console_cli/monitoring.rs"]
mod monitoring;
#[path = "console_cli/paging.rs"]
mod paging;
#[path = "console_cli/props.rs"]
mod props;
#[path = "console_cli/waiting.rs"]
mod waiting;
