//! How the CLI ends a command that fails: what it writes on standard error, and its exit status.
//!
//! | Failure | v1 (1.45.11) | v2 (2.36.7) |
//! |---|---|---|
//! | argparse `error()` (missing required option, invalid choice, bad value count) | usage + `aws: error: <msg>`, **2** | `aws: [ERROR]: An error occurred (ParamValidation): <msg>` + usage, **252** |
//! | unknown options | usage + `Unknown options: …`, **255** | usage + `aws: [ERROR]: Unknown options: …`, **252** |
//! | parameter errors (bad JSON/shorthand, botocore's validation, `--query`) | `\n<msg>\n`, **255** | `aws: [ERROR]: An error occurred (ParamValidation): <msg>`, **252** |
//! | any other exception (`int('x')`, `Invalid base64`, a waiter's failure) | `\n<msg>\n`, **255** | `aws: [ERROR]: <msg>`, **255** |
//! | a service error | `\nAn error occurred (X) when calling the Y operation: msg\n`, **255** | `\naws: [ERROR]: An error occurred …\n`, **254** |
//!
//! Sources: v1 `awscli/clidriver.py` (`main`: `UnknownArgumentError` → 255, everything else
//! `write_exception` → 255), `awscli/argparser.py` (`USAGE`, which starts with a carriage
//! return and the "AWS CLI version 2" note), Python's `argparse.error` (exit 2); v2
//! `awscli/errorhandler.py` (the handler chain and `cli_error_format`, default `enhanced`),
//! `awscli/errorformat.py` (`write_error`: `\naws: [ERROR]: <msg stripped>\n`),
//! `awscli/constants.py` (252 parameter, 253 configuration, 254 service, 255 other). Checked
//! against both CLIs (tests/console/CLI-NOTES.md and fixtures).

use super::pyval::py_strip;
use crate::console::CliVersion;
use crate::i18n::console::Msg;
use crate::i18n::{Lang, Message};

/// The help blurb both versions print after their usage line.
const HELP_BLURB: &str =
    "To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

/// v1's `USAGE` (argparser.py): a carriage return, the note about v2, then the usage proper.
const V1_NOTE: &str = "\rNote: AWS CLI version 2, the latest major version of the AWS CLI, is now stable and recommended for general use. For more information, see the AWS CLI version 2 installation instructions at: https://docs.aws.amazon.com/cli/latest/userguide/install-cliv2.html";

/// `aws [options] <command> <subcommand> [<subcommand> ...] [parameters]`.
const USAGE_LINE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n";

/// A command that failed, by the exception class the CLI handles it as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// argparse's `error(message)`.
    Usage(String),
    /// `UnknownArgumentError`: `Unknown options: --bogus, 1`.
    UnknownOptions(String),
    /// A parameter error: `ParamError` (`Error parsing parameter '--x': …`), botocore's
    /// `ParamValidationError`, a bad `--query` or `--endpoint-url`.
    Param(String),
    /// Any other exception; the text is its `str()`.
    General(String),
    /// A service error: `An error occurred (Code) when calling the Op operation: message`.
    Client {
        /// The error code (`__type`).
        code: String,
        /// The message (empty when the service sent none).
        message: String,
        /// The whole `str(ClientError)`.
        text: String,
        /// The body's `message`, when the model declares the error with that member (v2's
        /// structured error formats show it as a field of its own).
        modeled: Option<String>,
    },
    /// The console cannot do it (another service, YAML, another region…): its note, on a
    /// line of its own, in the console's language.
    Console(Msg),
}

/// v2's `--cli-error-format`, for the errors it formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorFormat {
    /// `enhanced` (the default): `An error occurred (ParamValidation): …`.
    #[default]
    Enhanced,
    /// `legacy`: the bare message.
    Legacy,
    /// `json`, `text`, `table`: the error as data in that output format (rendered by the caller).
    Structured,
}

impl Failure {
    /// v2's `error_info` of a structured error (`--cli-error-format json|text|table`), in its
    /// key order, when this failure has one: `Code`, `Message` for parameter errors; `Message`,
    /// `Code` and the modeled `message` for a service error (botocore's parsed `Error`).
    pub fn error_info(&self) -> Option<Vec<(&'static str, String)>> {
        match self {
            Failure::Usage(m) => Some(vec![("Code", "ParamValidation".into()), ("Message", usage_v2_message(m))]),
            Failure::Param(m) => Some(vec![("Code", "ParamValidation".into()), ("Message", m.clone())]),
            Failure::Client { code, message, modeled, .. } => {
                let mut info = vec![("Message", message.clone()), ("Code", code.clone())];
                if let Some(m) = modeled {
                    info.push(("message", m.clone()));
                }
                Some(info)
            }
            _ => None,
        }
    }

    /// Standard error and exit status, as `version` writes them (`lang` for the console's own).
    pub fn render(&self, version: CliVersion, format: ErrorFormat, lang: Lang) -> (String, i32) {
        if let Failure::Console(m) = self {
            return (format!("{}\n", m.text(lang)), 255);
        }
        match version {
            CliVersion::V1 => self.render_v1(),
            CliVersion::V2 => self.render_v2(format),
        }
    }

    fn render_v1(&self) -> (String, i32) {
        match self {
            Failure::Usage(m) => (format!("usage: {V1_NOTE}\n\n{USAGE_LINE}{HELP_BLURB}aws: error: {m}\n"), 2),
            Failure::UnknownOptions(m) => (format!("usage: {V1_NOTE}\n\n{USAGE_LINE}{HELP_BLURB}\n{m}\n"), 255),
            Failure::Param(m) | Failure::General(m) => (format!("\n{m}\n"), 255),
            Failure::Client { text, .. } => (format!("\n{text}\n"), 255),
            Failure::Console(_) => (String::new(), 255),
        }
    }

    fn render_v2(&self, format: ErrorFormat) -> (String, i32) {
        let write = |m: &str| format!("\naws: [ERROR]: {}\n", py_strip(m));
        match (self, format) {
            (Failure::UnknownOptions(m), _) => (format!("\n{USAGE_LINE}{HELP_BLURB}\n{}", write(m)), 252),
            (Failure::Usage(m), ErrorFormat::Legacy) => (write(&usage_v2_message(m)), 252),
            (Failure::Usage(m), _) => {
                (write(&format!("An error occurred (ParamValidation): {}", usage_v2_message(m))), 252)
            }
            (Failure::Param(m), ErrorFormat::Legacy) => (write(m), 252),
            (Failure::Param(m), _) => (write(&format!("An error occurred (ParamValidation): {m}")), 252),
            (Failure::General(m), _) => (write(m), 255),
            (Failure::Client { text, .. }, _) => (write(text), 254),
            (Failure::Console(_), _) => (String::new(), 255),
        }
    }
}

/// v2's `ArgParseException` text: the message, a blank line, and argparse's usage.
fn usage_v2_message(m: &str) -> String {
    format!("{m}\n\n{USAGE_LINE}{HELP_BLURB}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const V2_USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

    #[test]
    fn usage_errors_read_as_each_cli_writes_them() {
        let f = Failure::Usage("the following arguments are required: --stream-name".into());
        let (v1, s1) = f.render(CliVersion::V1, ErrorFormat::Enhanced, Lang::Es);
        assert_eq!(s1, 2);
        assert!(v1.starts_with("usage: \rNote: AWS CLI version 2"));
        assert!(v1.ends_with(
            "  aws <command> <subcommand> help\naws: error: the following arguments are required: --stream-name\n"
        ));
        let (v2, s2) = f.render(CliVersion::V2, ErrorFormat::Enhanced, Lang::Es);
        assert_eq!(s2, 252);
        assert_eq!(
            v2,
            format!("\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --stream-name\n\n{V2_USAGE}")
        );
        let u = Failure::UnknownOptions("Unknown options: --bogus, 1".into());
        assert_eq!(
            u.render(CliVersion::V2, ErrorFormat::Enhanced, Lang::Es),
            (format!("\n{V2_USAGE}\n\naws: [ERROR]: Unknown options: --bogus, 1\n"), 252)
        );
        let (v1u, s) = u.render(CliVersion::V1, ErrorFormat::Enhanced, Lang::Es);
        assert_eq!(s, 255);
        assert!(v1u.ends_with("  aws <command> <subcommand> help\n\nUnknown options: --bogus, 1\n"));
    }
}
