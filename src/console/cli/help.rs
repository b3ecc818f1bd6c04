//! The help pages: `aws help`, `aws kinesis help`, `aws kinesis <command> help`,
//! `aws kinesis wait help`, and `aws --version`.
//!
//! The real CLI renders its man pages from the service model's English documentation; the
//! console writes its own, localized (`i18n::console`), in the same layout: NAME, DESCRIPTION,
//! SYNOPSIS as the CLI prints it (`--stream-name <value>`, `[…]` around optional options,
//! `--x | --no-x` for a boolean, the global options at the end), OPTIONS with the type,
//! `[required]`, the constraints, the possible values and the shorthand syntax
//! (`awscli/clidocs.py`, `argprocess.py ParamShorthandDocGen`). Every page says which CLI is
//! emulated.

use super::model::{self, Kind, Operation, ShapeId, Waiter};
use super::table::{globals, operation_args, Arg, ArgKind};
use crate::console::CliVersion;
use crate::engine::api::OPERATIONS as ENGINE_OPERATIONS;
use crate::i18n::console::{Command, OptionDoc, Text};
use crate::i18n::{Lang, Phrase};

/// `aws --version`: the emulated CLI's line (format of v2's `clidriver._cli_version`, v1's
/// user agent), with the versions whose behaviour the console reproduces.
pub fn version_line(version: CliVersion) -> &'static str {
    match version {
        CliVersion::V1 => "aws-cli/1.45.11 Python/3.11.7 Linux/6.8.0-1021-aws botocore/1.43.11",
        CliVersion::V2 => "aws-cli/2.36.7 Python/3.11.7 Linux/6.8.0-1021-aws source/x86_64.ubuntu.24",
    }
}

const INDENT: &str = "       ";

fn title(name: &str) -> String {
    let upper = format!("{}()", name.to_uppercase());
    format!("{upper}{}{upper}\n\n", " ".repeat(78usize.saturating_sub(2 * upper.len()).max(1)))
}

fn heading(out: &mut String, text: Text, lang: Lang) {
    out.push_str(text.text(lang));
    out.push('\n');
}

fn footer(out: &mut String, version: CliVersion, lang: Lang) {
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&format!("{INDENT}{}\n", Text::Emulation.text(lang)));
    out.push_str(&format!("{INDENT}{}\n", version_line(version)));
}

/// The description of an operation's command.
fn command_doc(op: &Operation, lang: Lang) -> String {
    let base = Command::from_name(op.name).map_or("", |c| c.text(lang)).to_string();
    if op.name != "SubscribeToShard" && !ENGINE_OPERATIONS.contains(&op.name) {
        return format!("{base} {}", Text::NotSimulated.text(lang));
    }
    base
}

/// The commands `aws kinesis` lists: the model's operations but `subscribe-to-shard` (which
/// the CLI removes), then `wait`.
pub fn cli_operations() -> impl Iterator<Item = &'static Operation> {
    model::operations().iter().filter(|op| op.name != "SubscribeToShard" && !op.deprecated)
}

/// `aws help`.
pub fn aws_help(version: CliVersion, lang: Lang) -> String {
    let mut out = title("aws");
    heading(&mut out, Text::Name, lang);
    out.push_str(&format!("{INDENT}aws -\n\n"));
    heading(&mut out, Text::Description, lang);
    out.push_str(&format!("{INDENT}{}\n\n", Text::AwsAbout.text(lang)));
    heading(&mut out, Text::Synopsis, lang);
    out.push_str(&format!("{INDENT}aws [options] <command> <subcommand> [parameters]\n\n"));
    heading(&mut out, Text::GlobalOptions, lang);
    global_options(&mut out, version, lang);
    heading(&mut out, Text::AvailableServices, lang);
    out.push_str(&format!("{INDENT}o kinesis\n"));
    footer(&mut out, version, lang);
    out
}

/// `aws kinesis help`.
pub fn kinesis_help(version: CliVersion, lang: Lang) -> String {
    let mut out = title("kinesis");
    heading(&mut out, Text::Name, lang);
    out.push_str(&format!("{INDENT}kinesis -\n\n"));
    heading(&mut out, Text::Description, lang);
    out.push_str(&format!("{INDENT}{}\n{INDENT}{}\n\n", Text::KinesisAbout.text(lang), Text::HelpUsage.text(lang)));
    heading(&mut out, Text::AvailableCommands, lang);
    for op in cli_operations() {
        out.push_str(&format!("{INDENT}o {}\n{INDENT}  {}\n", op.command, command_doc(op, lang)));
    }
    out.push_str(&format!("{INDENT}o wait\n{INDENT}  {}\n\n", Command::Wait.text(lang)));
    heading(&mut out, Text::ConsoleOnly, lang);
    if let Some(op) = model::operation("SubscribeToShard") {
        out.push_str(&format!("{INDENT}o {}\n{INDENT}  {}\n", op.command, command_doc(op, lang)));
    }
    footer(&mut out, version, lang);
    out
}

/// `aws kinesis wait help`.
pub fn wait_help(version: CliVersion, lang: Lang) -> String {
    let mut out = title("wait");
    heading(&mut out, Text::Name, lang);
    out.push_str(&format!("{INDENT}wait -\n\n"));
    heading(&mut out, Text::Description, lang);
    out.push_str(&format!("{INDENT}{}\n{INDENT}{}\n\n", Command::Wait.text(lang), Text::WaitAbout.text(lang)));
    heading(&mut out, Text::AvailableCommands, lang);
    for w in model::waiters() {
        let doc = Command::from_name(w.name).map_or("", |c| c.text(lang));
        out.push_str(&format!("{INDENT}o {}\n{INDENT}  {doc}\n", w.command));
    }
    footer(&mut out, version, lang);
    out
}

/// `aws kinesis <command> help` (and `aws kinesis wait <waiter> help`, with `waiter`).
pub fn command_help(op: &Operation, waiter: Option<&Waiter>, version: CliVersion, lang: Lang) -> String {
    let (name, doc) = match waiter {
        Some(w) => (w.command, Command::from_name(w.name).map_or("", |c| c.text(lang)).to_string()),
        None => (op.command, command_doc(op, lang)),
    };
    let mut out = title(name);
    heading(&mut out, Text::Name, lang);
    out.push_str(&format!("{INDENT}{name} -\n\n"));
    heading(&mut out, Text::Description, lang);
    out.push_str(&format!("{INDENT}{doc}\n"));
    if waiter.is_some() {
        out.push_str(&format!("{INDENT}{}\n", Text::WaitAbout.text(lang)));
    } else if model::paginator(op.name).is_some() {
        out.push_str(&format!("{INDENT}{}\n", Text::Paginated.text(lang)));
    }
    if op.name == "SubscribeToShard" {
        out.push_str(&format!("{INDENT}{}\n", Text::ConsoleOnly.text(lang)));
    }
    out.push('\n');
    let args: Vec<Arg> = operation_args(op, version).into_iter().filter(|a| !a.undocumented).collect();
    heading(&mut out, Text::Synopsis, lang);
    out.push_str(&format!("            {name}\n"));
    for line in synopsis(&args, version) {
        out.push_str(&format!("          {line}\n"));
    }
    out.push('\n');
    heading(&mut out, Text::Options, lang);
    for arg in &args {
        option_doc(&mut out, arg, lang);
    }
    heading(&mut out, Text::GlobalOptions, lang);
    global_options(&mut out, version, lang);
    footer(&mut out, version, lang);
    out
}

fn synopsis(args: &[Arg], version: CliVersion) -> Vec<String> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let line = match arg.kind {
            ArgKind::Member { shape, .. } if model::shape(shape).kind == Kind::Boolean => {
                let negated = args.get(i + 1).filter(|a| matches!(a.kind, ArgKind::NegatedMember { .. }));
                if let Some(n) = negated {
                    i += 1;
                    format!("[--{} | --{}]", arg.name, n.name)
                } else {
                    format!("[--{}]", arg.name)
                }
            }
            ArgKind::CliInputJson if version == CliVersion::V2 => {
                i += 1;
                "[--cli-input-json | --cli-input-yaml]".to_string()
            }
            _ if arg.required => format!("--{} <value>", arg.name),
            _ => format!("[--{} <value>]", arg.name),
        };
        lines.push(line);
        i += 1;
    }
    for g in globals(version) {
        lines.push(match g.flag {
            Some(_) => format!("[--{}]", g.name),
            None => format!("[--{} <value>]", g.name),
        });
        if g.name == "region" {
            lines.push("[--version <value>]".into());
        }
    }
    lines
}

fn shape_type(shape: ShapeId) -> &'static str {
    model::type_name(model::shape(shape).kind)
}

/// `ParamShorthandDocGen._shorthand_docs`: `Type=string,ShardId=string,Timestamp=timestamp`.
fn shorthand_doc(shape: ShapeId, depth: usize) -> String {
    match model::shape(shape).kind {
        Kind::Structure { members, .. } => {
            let inner: Vec<String> =
                members.iter().map(|m| format!("{}={}", m.name, shorthand_doc(m.shape, depth + 1))).collect();
            if depth == 0 {
                inner.join(",")
            } else {
                format!("{{{}}}", inner.join(","))
            }
        }
        Kind::List { member } => {
            let e = shorthand_doc(member, depth + 1);
            if matches!(model::shape(member).kind, Kind::Structure { .. } | Kind::List { .. } | Kind::Map { .. })
                || depth > 0
            {
                format!("[{e},{e}]")
            } else {
                format!("{e},{e}")
            }
        }
        Kind::Map { value, .. } => {
            let v = shorthand_doc(value, depth + 1);
            let s = format!("KeyName1={v},KeyName2={v}");
            if depth > 0 {
                format!("{{{s}}}")
            } else {
                s
            }
        }
        kind => model::type_name(kind).to_string(),
    }
}

/// A JSON sketch of a shape, as the CLI's help writes it (`"string"`, enum alternatives).
fn json_doc(shape: ShapeId, depth: usize) -> String {
    let s = model::shape(shape);
    match s.kind {
        Kind::Structure { members, .. } => {
            if depth > 3 {
                return "{…}".into();
            }
            let inner: Vec<String> =
                members.iter().map(|m| format!("\"{}\": {}", m.name, json_doc(m.shape, depth + 1))).collect();
            format!("{{{}}}", inner.join(", "))
        }
        Kind::List { member } => format!("[{}, …]", json_doc(member, depth + 1)),
        Kind::Map { value, .. } => format!("{{\"string\": {}, …}}", json_doc(value, depth + 1)),
        Kind::String if !s.enums.is_empty() => s.enums.iter().map(|e| format!("\"{e}\"")).collect::<Vec<_>>().join("|"),
        Kind::String => "\"string\"".into(),
        Kind::Blob => "blob".into(),
        Kind::Timestamp => "timestamp".into(),
        Kind::Boolean => "true|false".into(),
        kind => model::type_name(kind).into(),
    }
}

fn option_doc(out: &mut String, arg: &Arg, lang: Lang) {
    let (type_name, shape) = match arg.kind {
        ArgKind::Member { shape, .. } => (shape_type(shape), Some(shape)),
        ArgKind::NegatedMember { .. } => return,
        ArgKind::PageSize | ArgKind::MaxItems => ("integer", None),
        _ => ("string", None),
    };
    let key = match arg.kind {
        ArgKind::Member { member, .. } => OptionDoc::from_name(member),
        _ => OptionDoc::from_name(&arg.name),
    };
    let names = match (arg.kind, shape.map(|s| model::shape(s).kind)) {
        (ArgKind::Member { .. }, Some(Kind::Boolean)) => format!("--{} | --no-{}", arg.name, arg.name),
        _ => format!("--{}", arg.name),
    };
    let required = if arg.required { format!(" {}", Text::Required.text(lang)) } else { String::new() };
    out.push_str(&format!("{INDENT}{names} ({type_name}){required}\n"));
    out.push_str(&format!("{INDENT}   {}\n", key.map_or("", |k| k.text(lang))));
    let Some(shape) = shape else {
        out.push('\n');
        return;
    };
    let s = model::shape(shape);
    let constraints: Vec<String> = [
        s.min.map(|m| format!("min: {m}")),
        s.max.map(|m| format!("max: {m}")),
        s.pattern.map(|p| format!("pattern: {p}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !constraints.is_empty() && matches!(s.kind, Kind::String | Kind::Integer | Kind::Long) {
        out.push_str(&format!("{INDENT}   {} {}\n", Text::Constraints.text(lang), constraints.join(", ")));
    }
    if !s.enums.is_empty() {
        out.push_str(&format!("{INDENT}   {} {}\n", Text::PossibleValues.text(lang), s.enums.join(", ")));
    }
    let complex = match s.kind {
        Kind::Structure { .. } | Kind::Map { .. } => true,
        Kind::List { member } => matches!(model::shape(member).kind, Kind::Structure { .. } | Kind::Map { .. }),
        _ => false,
    };
    if complex {
        let doc = match s.kind {
            Kind::List { member } => format!("{} ...", shorthand_doc(member, 0)),
            _ => shorthand_doc(shape, 0),
        };
        out.push_str(&format!("{INDENT}   {} {doc}\n", Text::ShorthandSyntax.text(lang)));
    }
    if matches!(s.kind, Kind::Structure { .. } | Kind::Map { .. } | Kind::List { .. }) {
        out.push_str(&format!("{INDENT}   {} {}\n", Text::JsonSyntax.text(lang), json_doc(shape, 0)));
    }
    out.push('\n');
}

fn global_options(out: &mut String, version: CliVersion, lang: Lang) {
    for g in globals(version) {
        let type_name = if g.flag.is_some() { "boolean" } else { "string" };
        let doc = OptionDoc::from_name(g.name).map_or("", |d| d.text(lang));
        let choices = if g.choices.is_empty() { String::new() } else { format!(" ({})", g.choices.join(", ")) };
        out.push_str(&format!("{INDENT}--{} ({type_name}) {doc}{choices}\n", g.name));
        if g.name == "region" {
            let doc = OptionDoc::Version.text(lang);
            out.push_str(&format!("{INDENT}--version (string) {doc}\n"));
        }
    }
    out.push('\n');
}
