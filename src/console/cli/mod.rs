//! `aws …`: the AWS CLI, from the words after `aws` to the API calls and what it prints.
//!
//! The console emulates AWS CLI v2 (2.36.7) by default, or v1 (1.45.11, what the course's
//! tutorial was written with), as [`Settings`] says; both were checked against the real ones
//! (tests/console/CLI-NOTES.md). A command goes through the CLI's own stages, in its order,
//! and fails where the CLI fails, with its text and exit status ([`errors`]):
//!
//! ```text
//!  words ─► main parser (global options, command)      argparse.rs, table.rs, globals.rs
//!         ─► service parser (operation | wait | help)  help.rs (help pages, --version)
//!         ─► operation parser (its options)             table.rs (from service_model.rs)
//!         ─► paging checks, option values → parameters  params.rs, shorthand.rs, pyjson.rs
//!         ─► --cli-input-json, --generate-cli-skeleton  params.rs, skeleton.rs
//!         ─► client: v2 blob decoding, validation,       client.rs, wire.rs, validate.rs
//!            JSON body, Host::call (with retries)
//!         ─► one call | pages | waiter polls             paginate.rs, waiter.rs
//!         ─► answer parsing (v2 timestamps), --query,   answer.rs, console::output
//!            then json | text | table
//! ```
//!
//! The model (commands, options, shapes, paginators, waiters) is data generated from botocore
//! by `tests/console/gen_cli_model.py` (`service_model.rs`, `cli_commands.rs`; types in
//! `shapes.rs`, lookups in `model.rs`). Python's own behaviour the CLI's texts depend on is
//! ported where needed: `json.loads` errors (`pyjson.rs`), `repr`, `int()` (`pyval.rs`),
//! `difflib` suggestions (`difflib.rs`).
//!
//! Every HTTP exchange is recorded in [`Outcome::exchanges`]; the console's own explanations
//! (why a blob reads differently under v2, how to let time pass) go to [`Outcome::notes`],
//! localized, never into the CLI's output.

pub mod answer;
pub mod argparse;
pub mod cli_commands;
pub mod client;
pub mod difflib;
pub mod errors;
pub mod globals;
pub mod help;
pub mod model;
pub mod paginate;
pub mod params;
pub mod pyjson;
pub mod pyval;
pub mod service_model;
pub mod shapes;
pub mod shorthand;
pub mod skeleton;
pub mod table;
pub mod validate;
pub mod waiter;
pub mod wire;

use super::output::{self, Format};
use super::{CliVersion, Host, Outcome, Settings};
use crate::engine::api::OPERATIONS as ENGINE_OPERATIONS;
use crate::i18n::console::{Msg, Text};
use crate::i18n::Message;
use argparse::{Namespace, Parser, Pos, Stop, Value as ArgValue};
use client::{CallError, Client};
use errors::{ErrorFormat, Failure};
use globals::{
    has_no_scheme, valid_endpoint, valid_region, Globals, BAD_QUERY, V2_BLOB_WARNING, V2_PAGER_WARNING,
    V2_TIMESTAMP_WARNING,
};
use model::{Operation, ShapeId, Waiter};
use pyval::{Py, PyDict};
use serde_json::Value;
use table::{Arg, ArgKind};

/// Whether a top-level blob option (`--data`) was given a non-empty value.
fn has_blob_option(table: &[Arg], ns: &Namespace) -> bool {
    table.iter().any(|a| match a.kind {
        ArgKind::Member { shape, .. } if model::shape(shape).kind == model::Kind::Blob => {
            matches!(ns.get(&a.dest()), Some(ArgValue::Str(s)) if !s.is_empty())
        }
        _ => false,
    })
}

/// Runs the words after `aws` (`["kinesis", "put-record", "--stream-name", "Foo", …]`).
pub fn run(args: &[String], host: &mut dyn Host, settings: Settings) -> Outcome {
    let mut cli = Cli {
        settings,
        stdout: String::new(),
        stderr: String::new(),
        notes: Vec::new(),
        exchanges: Vec::new(),
        error_format: ErrorFormat::Enhanced,
        error_output: None,
    };
    let status = match cli.main(args, host) {
        Ok(()) => 0,
        Err(f) => cli.fail(&f),
    };
    let lang = settings.lang;
    Outcome {
        stdout: cli.stdout,
        stderr: cli.stderr,
        status,
        exchanges: cli.exchanges,
        notes: cli.notes.iter().map(|n| n.text(lang)).collect(),
    }
}

struct Cli {
    settings: Settings,
    stdout: String,
    stderr: String,
    notes: Vec<Msg>,
    exchanges: Vec<super::Exchange>,
    /// v2's `--cli-error-format`.
    error_format: ErrorFormat,
    /// v2's structured error format (`json`, `text`, `table`).
    error_output: Option<Format>,
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(String::from).collect()
}

impl Cli {
    fn version(&self) -> CliVersion {
        self.settings.version
    }

    fn note(&mut self, msg: Msg) {
        if !self.notes.contains(&msg) {
            self.notes.push(msg);
        }
    }

    /// Writes a failure as the CLI does; its exit status.
    fn fail(&mut self, f: &Failure) -> i32 {
        if let (Some(format), Some(fields)) = (self.error_output, f.error_info()) {
            let status = match f {
                Failure::Client { .. } => 254,
                _ => 252,
            };
            let info: serde_json::Map<String, Value> =
                fields.into_iter().map(|(k, v)| (k.to_string(), Value::String(v))).collect();
            self.stderr.push_str(&output::render(&Value::Object(info), format, "error"));
            return status;
        }
        let (text, status) = f.render(self.version(), self.error_format, self.settings.lang);
        self.stderr.push_str(&text);
        status
    }

    fn main(&mut self, args: &[String], host: &mut dyn Host) -> Result<(), Failure> {
        let version = self.version();
        let commands = words(match version {
            CliVersion::V1 => cli_commands::V1_COMMANDS,
            CliVersion::V2 => cli_commands::V2_COMMANDS,
        });
        let parser = table::main_parser(version, commands);
        let (ns, remaining) = match parser.parse_known_args(args, version) {
            Ok(r) => r,
            Err(Stop::Version) => {
                self.stdout = format!("{}\n", help::version_line(version));
                return Ok(());
            }
            Err(Stop::Error(m)) => return Err(Failure::Usage(m)),
        };
        let globals = Globals { ns };
        self.top_level(&globals)?;
        match globals.str("command") {
            Some("help") => {
                self.stdout = help::aws_help(version, self.settings.lang);
                Ok(())
            }
            Some("kinesis") => self.service(&remaining, &globals, host),
            Some(other) => Err(Failure::Console(Msg::OtherService { command: other.to_string() })),
            None => Err(Failure::Usage("the following arguments are required: command".into())),
        }
    }

    /// `_handle_top_level_args`: `--query` and `--endpoint-url` are checked, v2's error format
    /// is set; the console's notes on the options it only pretends to honour.
    fn top_level(&mut self, g: &Globals) -> Result<(), Failure> {
        if let Some(format) = g.str("cli_error_format") {
            match format {
                "legacy" => self.error_format = ErrorFormat::Legacy,
                "json" | "text" | "table" => {
                    self.error_format = ErrorFormat::Structured;
                    self.error_output = Format::from_name(format);
                }
                "yaml" => self.note(Msg::NoYaml),
                _ => {}
            }
        }
        if let Some(q) = g.str("query") {
            // `jmespath.compile` before anything is sent: only a syntax error stops the command
            // here (the output module words it `Bad value for --query <q>: …`); an error of
            // the search itself comes when the answer is printed.
            if let Err(msg) = output::query(&Value::Null, q) {
                if msg.starts_with(BAD_QUERY) {
                    return Err(Failure::Param(msg));
                }
            }
        }
        if let Some(url) = g.str("endpoint_url") {
            if has_no_scheme(url) {
                return Err(Failure::Param(format!(
                    "Bad value for --endpoint-url \"{url}\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"
                )));
            }
        }
        if g.flag("cli_auto_prompt") == Some(true) {
            return Err(Failure::Console(Msg::Fixed(Text::AutoPromptNote)));
        }
        if matches!(g.str("output"), Some("yaml" | "yaml-stream")) {
            return Err(Failure::Console(Msg::NoYaml));
        }
        if g.flag("v2_debug") == Some(true) {
            // `detect_migration_breakage`: the console has no `cli_pager` setting nor AWS_PAGER.
            self.stderr.push_str(V2_PAGER_WARNING);
        }
        if g.flag("debug") == Some(true) {
            self.note(Msg::Fixed(Text::DebugNote));
        }
        if g.flag("sign_request") == Some(false) {
            self.note(Msg::Fixed(Text::NoSignNote));
        }
        if g.flag("verify_ssl") == Some(false) {
            self.note(Msg::Fixed(Text::NoVerifySslNote));
        }
        for timeout in ["read_timeout", "connect_timeout"] {
            if let Some(v) = g.str(timeout) {
                pyval::py_int(v).map_err(Failure::General)?;
            }
        }
        Ok(())
    }

    fn service(&mut self, args: &[String], g: &Globals, host: &mut dyn Host) -> Result<(), Failure> {
        let version = self.version();
        let mut choices: Vec<String> = help::cli_operations().map(|op| op.command.to_string()).collect();
        choices.push("wait".into());
        choices.push("help".into());
        // The console's extension: accepted, but not among the CLI's choices in messages.
        let extension = args.iter().find(|a| !a.starts_with('-')).is_some_and(|a| a == "subscribe-to-shard");
        if extension {
            choices.push("subscribe-to-shard".into());
        }
        let parser =
            Parser { opts: vec![], pos: vec![Pos { dest: "operation", optional: false, choices: Some(choices) }] };
        let (ns, remaining) = parser.parse_known_args(args, version).map_err(|e| match e {
            Stop::Error(m) => Failure::Usage(m),
            Stop::Version => Failure::Usage(String::new()),
        })?;
        let Some(ArgValue::Str(operation)) = ns.get("operation") else {
            return Err(Failure::Usage("the following arguments are required: operation".into()));
        };
        match operation.as_str() {
            "help" => {
                self.stdout = help::kinesis_help(version, self.settings.lang);
                Ok(())
            }
            "wait" => self.wait(&remaining, g, host),
            cmd => {
                let Some(op) = model::operation_by_command(cmd) else {
                    return Err(Failure::Usage(format!("argument operation: invalid choice: {cmd}")));
                };
                if op.name == "SubscribeToShard" {
                    self.note(Msg::SubscribeToShard);
                }
                self.operation(op, None, &remaining, g, host)
            }
        }
    }

    fn wait(&mut self, args: &[String], g: &Globals, host: &mut dyn Host) -> Result<(), Failure> {
        let version = self.version();
        if args.len() == 1 && args[0] == "help" {
            self.stdout = help::wait_help(version, self.settings.lang);
            return Ok(());
        }
        let choices: Vec<String> = model::waiters().iter().map(|w| w.command.to_string()).collect();
        let parser =
            Parser { opts: vec![], pos: vec![Pos { dest: "subcommand", optional: true, choices: Some(choices) }] };
        let (ns, remaining) = parser.parse_known_args(args, version).map_err(|e| match e {
            Stop::Error(m) => Failure::Usage(m),
            Stop::Version => Failure::Usage(String::new()),
        })?;
        let Some(ArgValue::Str(sub)) = ns.get("subcommand") else {
            if !remaining.is_empty() {
                let msg = format!("Unknown options: {}", remaining.join(","));
                return Err(match version {
                    CliVersion::V1 => Failure::General(msg),
                    CliVersion::V2 => Failure::Param(msg),
                });
            }
            return Err(match version {
                CliVersion::V1 => Failure::General(
                    "usage: aws [options] <command> <subcommand> [parameters]\naws: error: too few arguments".into(),
                ),
                CliVersion::V2 => Failure::Param(
                    "usage: aws [options] kinesis wait <subcommand> [parameters]\naws: [ERROR]: too few arguments"
                        .into(),
                ),
            });
        };
        let Some(waiter) = model::waiter_by_command(sub) else {
            return Err(Failure::Usage(format!("argument subcommand: invalid choice: {sub}")));
        };
        let Some(op) = model::operation(waiter.operation) else {
            return Err(Failure::General(format!("no operation {}", waiter.operation)));
        };
        self.operation(op, Some(waiter), &remaining, g, host)
    }

    /// `ServiceOperation.__call__` (and a waiter's, with `waiter`).
    fn operation(
        &mut self,
        op: &'static Operation,
        waiter: Option<&'static Waiter>,
        args: &[String],
        g: &Globals,
        host: &mut dyn Host,
    ) -> Result<(), Failure> {
        let version = self.version();
        let table = table::operation_args(op, version);
        let skeleton_at = args.iter().position(|a| a == "--generate-cli-skeleton");
        let skeleton_output = skeleton_at.and_then(|i| args.get(i + 1)).is_some_and(|n| n == "output");
        let input_option =
            |a: &String| a == "--cli-input-json" || (version == CliVersion::V2 && a == "--cli-input-yaml");
        let relax = args.iter().any(input_option) || (skeleton_at.is_some() && !skeleton_output);
        if args.len() == 1 && args[0] == "help" {
            self.stdout = help::command_help(op, waiter, version, self.settings.lang);
            return Ok(());
        }
        let parser = table::operation_parser(&table, version, !relax);
        let (ns, mut remaining) = parser.parse_known_args(args, version).map_err(|e| match e {
            Stop::Error(m) => Failure::Usage(m),
            Stop::Version => Failure::Usage(String::new()),
        })?;
        match ns.get("help") {
            Some(ArgValue::Str(h)) if h == "help" => {
                self.stdout = help::command_help(op, waiter, version, self.settings.lang);
                return Ok(());
            }
            Some(ArgValue::Str(h)) => remaining.push(h.clone()),
            _ => {}
        }
        if !remaining.is_empty() {
            return Err(Failure::UnknownOptions(format!("Unknown options: {}", remaining.join(", "))));
        }
        let mut paginate = g.flag("paginate") != Some(false);
        let paginator = model::paginator(op.name);
        if let Some(p) = paginator {
            paginate = self.check_paging(op, p, &table, &ns, paginate)?;
        }
        let mut built = params::build(&table, &ns, version)?;
        for n in built.notes.drain(..) {
            if !self.notes.contains(&n) {
                self.notes.push(n);
            }
        }
        self.stderr.push_str(&built.warnings);
        if g.flag("v2_debug") == Some(true) && has_blob_option(&table, &ns) {
            // `_detect_binary_file_migration_change` (clidriver.py), printed with `print`.
            self.stderr.push_str(V2_BLOB_WARNING);
            self.stderr.push('\n');
        }
        params::merge_cli_input_json(&mut built, version)?;
        if let Some(kind) = built.skeleton.clone() {
            if kind != "output" {
                return self.skeleton(op, &kind);
            }
        }
        if version == CliVersion::V2 {
            if let Some(p) = paginator {
                let tokens: Vec<&str> = p.input_tokens.iter().chain(p.limit_key.iter()).copied().collect();
                if built.params.keys().any(|k| tokens.contains(&k)) {
                    paginate = false;
                }
            }
        }
        self.client_checks(g, host)?;
        let binary_raw = g.str("cli_binary_format") == Some("raw-in-base64-out");
        let decode = version == CliVersion::V2 && !binary_raw;
        let mut client = Client::new(host, version, decode);
        let result = if built.skeleton.as_deref() == Some("output") {
            self.skeleton_output(op, &built.params, g)
        } else if let Some(w) = waiter {
            let run = waiter::wait(&mut client, w, op, &built.params);
            if run.slept_ms > 0 {
                self.note(Msg::Waited {
                    waiter: w.name.to_string(),
                    polls: run.attempts,
                    seconds: run.slept_ms / 1000,
                });
            }
            match run.failure {
                Some(f) => Err(f),
                None => Ok(()),
            }
        } else if let (Some(p), true) = (paginator, paginate) {
            self.paginated(op, p, &mut client, built.params, g)
        } else {
            self.single(op, &mut client, &built.params, g)
        };
        self.exchanges.append(&mut client.exchanges);
        for n in client.notes.drain(..) {
            if !self.notes.contains(&n) {
                self.notes.push(n);
            }
        }
        if !ENGINE_OPERATIONS.contains(&op.name) {
            self.note(Msg::Unsimulated { operation: op.name.to_string() });
        }
        result
    }

    /// `check_should_enable_pagination`: the API's own paging options turn paging off, and
    /// then the CLI's paging options are refused.
    fn check_paging(
        &mut self,
        op: &Operation,
        p: &model::Paginator,
        table: &[Arg],
        ns: &Namespace,
        mut paginate: bool,
    ) -> Result<bool, Failure> {
        let manual: Vec<&str> = p.input_tokens.iter().chain(p.limit_key.iter()).copied().collect();
        for arg in table {
            if let ArgKind::Member { member, .. } = arg.kind {
                let listed =
                    manual.contains(&member) || (op.name == "ListStreams" && member == "ExclusiveStartStreamName");
                if listed && ns.contains_key(&arg.dest()) {
                    paginate = false;
                }
            }
        }
        if paginate {
            return Ok(true);
        }
        let truthy = |dest: &str| match ns.get(dest) {
            Some(ArgValue::Str(s)) => !s.is_empty(),
            Some(ArgValue::Int(n)) => n.saturating() != 0,
            Some(_) => true,
            None => false,
        };
        let used: Vec<&str> =
            [("starting_token", "--starting-token"), ("page_size", "--page-size"), ("max_items", "--max-items")]
                .into_iter()
                .filter(|(dest, _)| truthy(dest))
                .map(|(_, name)| name)
                .collect();
        if !used.is_empty() {
            let msg = format!("Cannot specify --no-paginate along with pagination arguments: {}", used.join(", "));
            return Err(match self.version() {
                CliVersion::V1 => Failure::General(format!("Error during pagination: {msg}")),
                CliVersion::V2 => Failure::Param(msg),
            });
        }
        Ok(false)
    }

    /// What creating the client checks: the profile, the region; and the endpoint note.
    fn client_checks(&mut self, g: &Globals, host: &mut dyn Host) -> Result<(), Failure> {
        if let Some(profile) = g.str("profile") {
            self.note(Msg::Fixed(Text::ProfileNote));
            return Err(Failure::General(format!("The config profile ({profile}) could not be found")));
        }
        let simulated = host.region();
        if let Some(region) = g.str("region") {
            if !valid_region(region) {
                return Err(Failure::General(format!(
                    "Provided region_name {} doesn't match a supported format.",
                    pyval::str_repr(region)
                )));
            }
            if region != simulated {
                return Err(Failure::Console(Msg::OtherRegion { asked: region.to_string(), simulated }));
            }
        }
        if let Some(url) = g.str("endpoint_url") {
            if !valid_endpoint(url) {
                return Err(Failure::General(format!("Invalid endpoint: {url}")));
            }
            let real = format!("https://kinesis.{simulated}.amazonaws.com");
            self.note(Msg::EndpointUrl { url: url.to_string(), real });
        }
        Ok(())
    }

    fn format(g: &Globals) -> Option<Format> {
        match g.str("output") {
            None => Some(Format::Json),
            Some("off") => None,
            Some(name) => Format::from_name(name),
        }
    }

    /// `--query`, then the format, appended to standard output.
    fn print(&mut self, value: &Value, g: &Globals, operation: &str) -> Result<(), Failure> {
        let Some(format) = Self::format(g) else {
            return Ok(());
        };
        let shown = match g.str("query") {
            // A syntax error was refused before the call; a failed search is an uncaught
            // exception of the formatter's caller (exit 255 in both versions).
            Some(q) => output::Query::compile(q).and_then(|c| c.search(value)).map_err(|e| match e {
                output::QueryError::Invalid { .. } => Failure::Param(e.to_string()),
                output::QueryError::Failed { .. } => Failure::General(e.to_string()),
            })?,
            None => value.clone(),
        };
        let text = output::render_checked(&shown, format, operation).map_err(|e| Failure::General(e.message))?;
        self.stdout.push_str(&text);
        Ok(())
    }

    fn after_answer(&mut self, op: &Operation, params: &PyDict, answer: &Value) {
        let status = match op.name {
            "DescribeStream" => answer.pointer("/StreamDescription/StreamStatus"),
            "DescribeStreamSummary" => answer.pointer("/StreamDescriptionSummary/StreamStatus"),
            _ => None,
        };
        let stream = match params.get("StreamName") {
            Some(Py::Str(s)) => s.clone(),
            _ => String::new(),
        };
        if op.name == "CreateStream" || status.and_then(Value::as_str) == Some("CREATING") {
            self.note(Msg::StreamCreating { stream });
        }
    }

    fn single(
        &mut self,
        op: &'static Operation,
        client: &mut Client<'_>,
        params: &PyDict,
        g: &Globals,
    ) -> Result<(), Failure> {
        match client.call(op, params) {
            Ok(mut answer) => {
                self.after_answer(op, params, &answer);
                self.timestamp_warning(g, op.output, &answer);
                self.parse_answer(op.output, &mut answer);
                self.print(&answer, g, op.name)
            }
            Err(e) => {
                self.explain(op, params, &e);
                Err(e.into_failure())
            }
        }
    }

    /// A note for an error the tutorial leads to.
    fn explain(&mut self, op: &Operation, params: &PyDict, e: &CallError) {
        if let CallError::Service(s) = e {
            let quoted = matches!(params.get("ShardIterator"), Some(Py::Str(it)) if it.starts_with('"'));
            if op.name == "GetRecords" && s.code == "InvalidArgumentException" && quoted {
                self.note(Msg::Fixed(Text::QuotedIterator));
            }
        }
    }

    fn paginated(
        &mut self,
        op: &'static Operation,
        p: &'static model::Paginator,
        client: &mut Client<'_>,
        mut params: PyDict,
        g: &Globals,
    ) -> Result<(), Failure> {
        let cfg = paginate::extract_paging(&mut params, p).map_err(CallError::into_failure)?;
        let version = self.version();
        let output = op.output;
        let convert = move |v: &mut Value| answer::parse_answer(version, output, v);
        let run = paginate::paginate(client, op, p, params.clone(), &cfg, &convert);
        if let Some(first) = run.pages.first() {
            self.after_answer(op, &params, first);
            self.timestamp_warning(g, op.output, first);
        }
        if g.str("output") == Some("text") {
            for i in 0..run.pages.len() {
                let page = paginate::text_page(&run, p, i);
                self.print(&page, g, op.name)?;
            }
            if let Some(e) = run.error {
                return Err(e.into_failure());
            }
            if let Some(token) = &run.resume_token {
                self.print(&paginate::text_next_token(token), g, op.name)?;
            }
            return Ok(());
        }
        if let Some(e) = run.error {
            return Err(e.into_failure());
        }
        let full = paginate::build_full_result(&run, p);
        self.print(&full, g, op.name)
    }

    /// v1 with `--v2-debug`: the parser warns at the first timestamp of an answer.
    fn timestamp_warning(&mut self, g: &Globals, output: Option<ShapeId>, answer: &Value) {
        let wanted = self.version() == CliVersion::V1 && g.flag("v2_debug") == Some(true);
        if wanted && output.is_some_and(|o| answer::has_timestamp(answer, o)) {
            self.stderr.push_str(V2_TIMESTAMP_WARNING);
        }
    }

    fn parse_answer(&self, output: Option<ShapeId>, answer: &mut Value) {
        answer::parse_answer(self.version(), output, answer);
    }

    /// `--generate-cli-skeleton input`: a JSON skeleton of the input (botocore's
    /// `ArgumentGenerator`), printed with `json.dumps(indent=4)`.
    fn skeleton(&mut self, op: &Operation, kind: &str) -> Result<(), Failure> {
        if kind == "yaml-input" {
            return Err(Failure::Console(Msg::NoYaml));
        }
        let mut enums = false;
        let skeleton = match op.input {
            Some(input) => skeleton::skeleton_of(input, &mut Vec::new(), false, "", &mut enums),
            None => Value::Object(serde_json::Map::new()),
        };
        if enums {
            self.note(Msg::SkeletonEnum);
        }
        self.stdout.push_str(&skeleton::python_indent4(&skeleton));
        self.stdout.push('\n');
        Ok(())
    }

    /// `--generate-cli-skeleton output`: the parameters are validated, no request is sent, and
    /// a sample answer (member names as values) is printed in the chosen format.
    fn skeleton_output(&mut self, op: &Operation, params: &PyDict, g: &Globals) -> Result<(), Failure> {
        let mut enums = false;
        let sample = match op.output {
            Some(output) => skeleton::skeleton_of(output, &mut Vec::new(), true, "", &mut enums),
            None => Value::Object(serde_json::Map::new()),
        };
        // botocore's Stubber validates the sample answer first (`min` of the output shapes),
        // then the client validates the parameters; nothing is sent.
        if let Some(output) = op.output {
            let errors = validate::validate(&wire::from_json(&sample), output);
            if !errors.is_empty() {
                return Err(Failure::Param(validate::report(&errors)));
            }
        }
        if let Some(input) = op.input {
            let errors = validate::validate(&Py::Dict(params.clone()), input);
            if !errors.is_empty() {
                return Err(Failure::Param(validate::report(&errors)));
            }
        }
        self.print(&sample, g, op.name)
    }
}

/// The options of `command` (`--stream-name` …), for completion.
pub fn options_of(command: &str) -> Vec<String> {
    let Some(op) = model::operation_by_command(command) else {
        return Vec::new();
    };
    table::operation_args(op, CliVersion::V2).iter().map(table::Arg::option).collect()
}
