//! The CLI's output: `--query` (JMESPath) and the `json`, `text` and `table` formats, written
//! byte for byte as the AWS CLI writes them.
//!
//! The reference is the CLI's Python source: `awscli/formatter.py` (which formatter, what an
//! empty response prints), `awscli/text.py`, `awscli/table.py`, `awscli/utils.py`
//! (`json_encoder`), `awscli/customizations/globalargs.py` (`--query`), and `jmespath.py`.
//! CLI v1 (1.45) and v2 (2.x, branch `v2` of `aws/aws-cli`) have the same `text.py` and
//! `table.py` and the same json/text/table formatters; v2 adds `yaml`, `yaml-stream` and `off`
//! (not emulated) and differs in timestamps ([`timestamp`]) and error framing (the CLI layer's).
//!
//! The CLI's order, which the console follows:
//!
//! ```text
//!  response ─► (v2: timestamps → ISO 8601, timestamp::iso8601_timestamps)
//!           ─► --query (query::Query::search)  ─► format (render)  ─► stdout
//! ```
//!
//! Each step is a pure function of its input; a formatter that would raise a Python exception
//! returns a [`RenderError`] instead (and [`render`] then writes nothing, as the CLI does).
//!
//! Not emulated here (the CLI layer's part): paginated operations (`DescribeStream`,
//! `ListStreams`, `ListShards`, `ListStreamConsumers`) reach the formatter after botocore's
//! `build_full_result`, which puts the result keys first and drops the "more results" and
//! token members unless `--no-paginate` is given.

pub mod eaw;
pub mod error;
pub mod json;
pub mod python;
pub mod query;
pub mod table;
pub mod text;
pub mod timestamp;

pub use error::RenderError;
pub use query::{Query, QueryError};
pub use table::DEFAULT_TERMINAL_WIDTH;
pub use timestamp::{iso8601, iso8601_timestamps, TIMESTAMP_MEMBERS};

use serde_json::Value;

/// The deepest value the formatters write; deeper is refused with Python's `maximum recursion
/// depth exceeded` (Python stops somewhat deeper; no Kinesis response comes near), so that no
/// value can overflow the browser's stack.
pub const MAX_RENDER_DEPTH: usize = 100;

/// The CLI's `--output` formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// `json` (the default): 4-space indent, keys in the service's order.
    #[default]
    Json,
    /// `text`: tab-separated.
    Text,
    /// `table`: boxed, titled by the operation.
    Table,
}

impl Format {
    /// The format named `name` (`json`, `text`, `table`), as `--output` takes it.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "text" => Some(Format::Text),
            "table" => Some(Format::Table),
            _ => None,
        }
    }
}

/// `value` written in `format`; `operation` titles a table (`DescribeStream`). What the CLI
/// prints on stdout: empty where the CLI prints nothing, and also where its formatter fails
/// (see [`render_checked`] for the error it prints then).
pub fn render(value: &Value, format: Format, operation: &str) -> String {
    render_checked(value, format, operation).unwrap_or_default()
}

/// [`render`], or the exception the CLI's formatter raises on `value` (the CLI prints it on
/// stderr and exits with 255). A table is laid out for a [`DEFAULT_TERMINAL_WIDTH`]-column
/// terminal, as the CLI does when stdout is not a terminal; see [`render_table`].
///
/// - `json` (`formatter.py`, `JSONFormatter`): `json.dumps(value, indent=4,
///   ensure_ascii=False)` and a newline, except for an empty object `{}`, which prints nothing
///   (the response of `DeleteStream`, `PutRecord`-less operations…); `[]`, `null`, `""` print.
/// - `text` (`TextFormatter`, `text.py`): see [`text`].
/// - `table` (`TableFormatter`, `table.py`): see [`table`].
pub fn render_checked(value: &Value, format: Format, operation: &str) -> Result<String, RenderError> {
    if query::depth(value) > MAX_RENDER_DEPTH {
        return Err(RenderError::new("maximum recursion depth exceeded"));
    }
    match format {
        Format::Json => Ok(match value {
            Value::Object(map) if map.is_empty() => String::new(),
            _ => json::dumps(value, json::JsonStyle::Indented) + "\n",
        }),
        Format::Text => text::format_text(value),
        Format::Table => table::format_table(value, operation, DEFAULT_TERMINAL_WIDTH),
    }
}

/// `--output table` for a terminal `terminal_width` columns wide: the CLI turns one-row
/// sections into `key | value` rows when the table would be wider than the terminal
/// (`table.py`, `MultiTable.render`).
pub fn render_table(value: &Value, operation: &str, terminal_width: usize) -> Result<String, RenderError> {
    if query::depth(value) > MAX_RENDER_DEPTH {
        return Err(RenderError::new("maximum recursion depth exceeded"));
    }
    table::format_table(value, operation, terminal_width)
}

/// `--query`: the JMESPath `expression` applied to `value`, with the keys of every object in
/// the service's order (as the CLI prints them); on a bad expression or a failed search, the
/// CLI's message (`Bad value for --query …`). The same as [`Query::compile`] then
/// [`Query::search`]; the CLI compiles before it calls the service, which the two steps allow.
pub fn query(value: &Value, expression: &str) -> Result<Value, String> {
    Query::compile(expression).and_then(|q| q.search(value)).map_err(|e| e.to_string())
}
