//! The exception a formatter raises on a value it cannot lay out.

use std::fmt;

/// A formatter gave up: the text of the Python exception the CLI's formatter would raise on this
/// value (`'str' object has no attribute 'items'`, `Row should have 1 elements, instead it has 2`).
///
/// The CLI prints nothing on stdout then (both formatters build their whole output before
/// writing), and its general exception handler writes the message on stderr with exit status
/// 255: `\n<message>\n` under v1 (`awscli/clidriver.py`, `main`), `\naws: [ERROR]: <message>\n`
/// under v2 (`awscli/errorhandler.py`, `GeneralExceptionHandler`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderError {
    /// The exception's `str()`.
    pub message: String,
}

impl RenderError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> RenderError {
        RenderError { message: message.into() }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RenderError {}
