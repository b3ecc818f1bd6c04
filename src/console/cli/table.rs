//! The CLI's options as data: the global options of each version, and the argument table of
//! an operation, built from its input structure plus the CLI's customizations.
//!
//! An operation's table (`ServiceOperation._create_argument_table`, then the
//! `building-argument-table` handlers) is, in order:
//!
//! 1. one option per member of the input structure, named by `xform_name` (`StreamName` →
//!    `--stream-name`); a boolean member gives `--x` and `--no-x`, a list member takes several
//!    words; a required member is a required option;
//! 2. `--cli-input-json` (and v2's `--cli-input-yaml`), `customizations/cliinputjson.py`;
//! 3. for a paginated operation, `--starting-token`, `--page-size` (when it has a limit key) and
//!    `--max-items`, `customizations/paginate.py`; the API's own paging members stay but are
//!    hidden from the help;
//! 4. `--generate-cli-skeleton`, `customizations/generatecliskeleton.py`.
//!
//! The `wait` subcommands (`stream-exists`) have the table of the operation they poll.

use super::argparse::{Arity, Opt, Parser, Pos};
use super::model::{self, Kind, Operation, ShapeId};
use crate::console::CliVersion;

/// What an option of an operation stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// A member of the input structure (`--stream-name` ↔ `StreamName`).
    Member {
        /// The API member name.
        member: &'static str,
        /// Its shape.
        shape: ShapeId,
    },
    /// `--no-x` of a boolean member `--x` (same member, same dest).
    NegatedMember {
        /// The API member name.
        member: &'static str,
        /// Its shape.
        shape: ShapeId,
    },
    /// `--cli-input-json`: the request as JSON, under the options given on the line.
    CliInputJson,
    /// v2's `--cli-input-yaml`.
    CliInputYaml,
    /// `--starting-token`: where a truncated listing goes on (the previous `NextToken`).
    StartingToken,
    /// `--page-size`: the API limit of each call.
    PageSize,
    /// `--max-items`: how many items to print in all.
    MaxItems,
    /// `--generate-cli-skeleton [input|output]`.
    Skeleton,
}

/// One option of an operation's argument table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arg {
    /// The name without dashes (`stream-name`).
    pub name: String,
    /// What it stands for.
    pub kind: ArgKind,
    /// Required by the model (argparse reports it when missing).
    pub required: bool,
    /// Hidden from the help (`_UNDOCUMENTED`): the API's own paging members.
    pub undocumented: bool,
}

impl Arg {
    /// The argparse dest (`stream_name`; `--no-x` writes to `x`'s).
    pub fn dest(&self) -> String {
        match self.kind {
            ArgKind::NegatedMember { .. } => self.name.trim_start_matches("no-").replace('-', "_"),
            _ => self.name.replace('-', "_"),
        }
    }

    /// The option string (`--stream-name`).
    pub fn option(&self) -> String {
        format!("--{}", self.name)
    }
}

/// The argument table of `op` (see the module docs), for the emulated `version`.
pub fn operation_args(op: &Operation, version: CliVersion) -> Vec<Arg> {
    let mut args = Vec::new();
    let paginator = model::paginator(op.name);
    let hidden: Vec<&str> = match paginator {
        Some(p) => p.input_tokens.iter().chain(p.limit_key.iter()).copied().collect(),
        None => Vec::new(),
    };
    if let Some(input) = op.input {
        let required = model::required(input);
        for m in model::members(input) {
            // `customizations/kinesis.py` hides ExclusiveStartStreamName as a paging member too.
            let undocumented =
                hidden.contains(&m.name) || (op.name == "ListStreams" && m.name == "ExclusiveStartStreamName");
            let kind = ArgKind::Member { member: m.name, shape: m.shape };
            args.push(Arg { name: m.cli.to_string(), kind, required: required.contains(&m.name), undocumented });
            if model::shape(m.shape).kind == Kind::Boolean {
                let kind = ArgKind::NegatedMember { member: m.name, shape: m.shape };
                args.push(Arg { name: format!("no-{}", m.cli), kind, required: false, undocumented });
            }
        }
    }
    let custom = |name: &str, kind| Arg { name: name.to_string(), kind, required: false, undocumented: false };
    args.push(custom("cli-input-json", ArgKind::CliInputJson));
    if version == CliVersion::V2 {
        args.push(custom("cli-input-yaml", ArgKind::CliInputYaml));
    }
    if let Some(p) = paginator {
        args.push(custom("starting-token", ArgKind::StartingToken));
        if p.limit_key.is_some() {
            args.push(custom("page-size", ArgKind::PageSize));
        }
        args.push(custom("max-items", ArgKind::MaxItems));
    }
    args.push(custom("generate-cli-skeleton", ArgKind::Skeleton));
    args
}

/// The choices of `--generate-cli-skeleton`.
pub fn skeleton_choices(version: CliVersion) -> &'static [&'static str] {
    match version {
        CliVersion::V1 => &["input", "output"],
        CliVersion::V2 => &["input", "output", "yaml-input"],
    }
}

/// The argparse parser of an operation's table; `required` is false for every option when
/// the line has `--cli-input-json` or `--generate-cli-skeleton` (`OverrideRequiredArgsArgument`).
pub fn operation_parser(args: &[Arg], version: CliVersion, required: bool) -> Parser {
    let opts = args
        .iter()
        .map(|a| {
            let (arity, int, choices) = match a.kind {
                ArgKind::Member { shape, .. } => match model::shape(shape).kind {
                    Kind::Boolean => (Arity::Flag(true), false, vec![]),
                    Kind::List { .. } => (Arity::Many, false, vec![]),
                    _ => (Arity::One, false, vec![]),
                },
                ArgKind::NegatedMember { .. } => (Arity::Flag(false), false, vec![]),
                ArgKind::PageSize | ArgKind::MaxItems => (Arity::One, true, vec![]),
                ArgKind::Skeleton => (
                    Arity::Optional { konst: "input" },
                    false,
                    skeleton_choices(version).iter().map(|s| s.to_string()).collect(),
                ),
                ArgKind::CliInputJson | ArgKind::CliInputYaml | ArgKind::StartingToken => (Arity::One, false, vec![]),
            };
            Opt { name: a.option(), dest: a.dest(), arity, int, required: required && a.required, choices }
        })
        .collect();
    Parser { opts, pos: vec![Pos { dest: "help", optional: true, choices: None }] }
}

/// A global option (`aws --output text …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Global {
    /// The name without dashes.
    pub name: &'static str,
    /// The argparse dest.
    pub dest: &'static str,
    /// A flag (`Some(value stored)`) or an option with a value (`None`).
    pub flag: Option<bool>,
    /// The accepted values (empty: any).
    pub choices: &'static [&'static str],
}

const fn value(name: &'static str, dest: &'static str) -> Global {
    Global { name, dest, flag: None, choices: &[] }
}

const fn flag(name: &'static str, dest: &'static str, stores: bool) -> Global {
    Global { name, dest, flag: Some(stores), choices: &[] }
}

const fn choice(name: &'static str, choices: &'static [&'static str]) -> Global {
    Global { name, dest: name, flag: None, choices }
}

/// v1's global options (`awscli/data/cli.json`), in its order.
pub const GLOBALS_V1: &[Global] = &[
    flag("debug", "debug", true),
    value("endpoint-url", "endpoint_url"),
    flag("no-verify-ssl", "verify_ssl", false),
    flag("no-paginate", "paginate", false),
    choice("output", &["json", "text", "table"]),
    value("query", "query"),
    value("profile", "profile"),
    value("region", "region"),
    choice("color", &["on", "off", "auto"]),
    flag("no-sign-request", "sign_request", false),
    value("ca-bundle", "ca_bundle"),
    value("cli-read-timeout", "read_timeout"),
    value("cli-connect-timeout", "connect_timeout"),
    flag("v2-debug", "v2_debug", true),
];

/// v2's global options (`awscli/data/cli.json` of the v2 branch), in its order.
pub const GLOBALS_V2: &[Global] = &[
    flag("debug", "debug", true),
    value("endpoint-url", "endpoint_url"),
    flag("no-verify-ssl", "verify_ssl", false),
    flag("no-paginate", "paginate", false),
    choice("output", &["json", "text", "table", "yaml", "yaml-stream", "off"]),
    value("query", "query"),
    value("profile", "profile"),
    value("region", "region"),
    choice("color", &["on", "off", "auto"]),
    flag("no-sign-request", "sign_request", false),
    value("ca-bundle", "ca_bundle"),
    value("cli-read-timeout", "read_timeout"),
    value("cli-connect-timeout", "connect_timeout"),
    choice("cli-binary-format", &["base64", "raw-in-base64-out"]),
    flag("no-cli-pager", "no_cli_pager", true),
    flag("cli-auto-prompt", "cli_auto_prompt", true),
    flag("no-cli-auto-prompt", "no_cli_auto_prompt", true),
    choice("cli-error-format", &["legacy", "json", "yaml", "text", "table", "enhanced"]),
];

/// The global options of `version`.
pub fn globals(version: CliVersion) -> &'static [Global] {
    match version {
        CliVersion::V1 => GLOBALS_V1,
        CliVersion::V2 => GLOBALS_V2,
    }
}

/// The main parser (`MainArgParser`): the global options, then `--version` (added last, so it
/// comes last among the option strings), and the `command` positional.
pub fn main_parser(version: CliVersion, commands: Vec<String>) -> Parser {
    let mut opts: Vec<Opt> = globals(version)
        .iter()
        .map(|g| Opt {
            name: format!("--{}", g.name),
            dest: g.dest.replace('-', "_"),
            arity: match g.flag {
                Some(b) => Arity::Flag(b),
                None => Arity::One,
            },
            int: false,
            required: false,
            choices: g.choices.iter().map(|c| c.to_string()).collect(),
        })
        .collect();
    opts.push(Opt {
        name: "--version".into(),
        dest: "version".into(),
        arity: Arity::Version,
        int: false,
        required: false,
        choices: vec![],
    });
    Parser { opts, pos: vec![Pos { dest: "command", optional: false, choices: Some(commands) }] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_match_the_cli_s_own() {
        // `aws kinesis list-streams` and `delete-stream`, as awscli 1.45.11 builds them.
        let names = |cmd: &str, v| -> Vec<String> {
            let Some(op) = model::operation_by_command(cmd) else {
                panic!("{cmd}");
            };
            operation_args(op, v).into_iter().map(|a| a.name).collect()
        };
        assert_eq!(
            names("list-streams", CliVersion::V1),
            [
                "limit",
                "exclusive-start-stream-name",
                "next-token",
                "cli-input-json",
                "starting-token",
                "page-size",
                "max-items",
                "generate-cli-skeleton"
            ]
        );
        assert_eq!(
            names("delete-stream", CliVersion::V2),
            [
                "stream-name",
                "enforce-consumer-deletion",
                "no-enforce-consumer-deletion",
                "stream-arn",
                "stream-id",
                "cli-input-json",
                "cli-input-yaml",
                "generate-cli-skeleton"
            ]
        );
    }
}
