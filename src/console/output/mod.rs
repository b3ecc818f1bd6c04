//! The CLI's output: `--query` (JMESPath) and the `json`, `text` and `table` formats.

use serde_json::Value;

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

/// `value` written in `format`; `operation` titles a table (`DescribeStream`).
pub fn render(value: &Value, format: Format, operation: &str) -> String {
    let _ = (value, format, operation);
    String::new()
}

/// `--query`: the JMESPath `expression` applied to `value`, with the keys of every object in
/// the service's order (as the CLI prints them); on a bad expression, the CLI's message.
pub fn query(value: &Value, expression: &str) -> Result<Value, String> {
    let _ = expression;
    Ok(value.clone())
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
