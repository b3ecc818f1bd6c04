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
