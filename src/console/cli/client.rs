//! One API call as botocore's client makes it: the parameters are prepared (v2 decodes blobs),
//! validated, serialized to the JSON body, and sent; throttling and server errors are retried
//! as the CLI's retry mode does. Every attempt is recorded as an [`Exchange`].
//!
//! Retries (`botocore/data/_retry.json`, `botocore/retries/standard.py`): v1's `legacy` mode
//! makes up to 5 attempts on `ProvisionedThroughputExceededException`,
//! `LimitExceededException` and HTTP 500, v2's `standard` mode up to 3 (on the throttling codes
//! and 500). Between attempts the CLI sleeps a random `rand() · 2^(attempt−1)` seconds; here
//! the mean of that (0.5 s, 1 s, 2 s, 4 s) passes on the simulated clock, so that a run is
//! repeatable. When the attempts run out, the message says ` (reached max retries: N)`.

use super::errors::Failure;
use super::model::Operation;
use super::pyval::{Py, PyDict};
use super::validate::{report, timestamp_overflow, validate};
use super::wire::{decode_blobs, serialize, DecodeError};
use crate::console::{CliVersion, Exchange, Host};
use crate::engine::error::{ApiError, ErrorType};
use crate::i18n::console::Msg;
use serde_json::Value;

/// A service error as botocore parses it (`response['Error']`), and the `ClientError` text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceError {
    /// `Code`: the `__type`.
    pub code: String,
    /// `Message`: empty when the service sent none.
    pub message: String,
    /// `str(ClientError)`: `An error occurred (Code) when calling the Op operation: message`.
    pub text: String,
    /// The body's `message`, when the model declares the error with that member.
    pub modeled: Option<String>,
}

/// Why a call gave no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallError {
    /// It failed before any request (validation, an invalid base64 blob).
    Failure(Failure),
    /// The service answered with an error.
    Service(ServiceError),
}

impl CallError {
    /// As the CLI reports it when nothing catches it.
    pub fn into_failure(self) -> Failure {
        match self {
            CallError::Failure(f) => f,
            CallError::Service(s) => {
                Failure::Client { code: s.code, message: s.message, text: s.text, modeled: s.modeled }
            }
        }
    }
}

/// The CLI's client over the console's [`Host`].
pub struct Client<'h> {
    host: &'h mut dyn Host,
    version: CliVersion,
    /// v2 with `--cli-binary-format base64` (the default): blobs given as text are base64.
    decode: bool,
    /// Every HTTP exchange, in order.
    pub exchanges: Vec<Exchange>,
    /// Notes for the student about what the calls did.
    pub notes: Vec<Msg>,
}

/// The engine's errors both retry modes retry: throttling (`ProvisionedThroughputExceeded`,
/// `LimitExceeded`, both 400) and HTTP 500.
fn retryable(e: &ApiError) -> bool {
    use ErrorType::{InternalFailure, LimitExceededException, ProvisionedThroughputExceededException};
    matches!(e.error_type, ProvisionedThroughputExceededException | LimitExceededException | InternalFailure)
}

fn max_attempts(version: CliVersion) -> u32 {
    match version {
        CliVersion::V1 => 5,
        CliVersion::V2 => 3,
    }
}

impl<'h> Client<'h> {
    /// A client for `version`; `decode` as [`Client::decode`].
    pub fn new(host: &'h mut dyn Host, version: CliVersion, decode: bool) -> Self {
        Self { host, version, decode, exchanges: Vec::new(), notes: Vec::new() }
    }

    /// The host (to let time pass).
    pub fn host(&mut self) -> &mut dyn Host {
        &mut *self.host
    }

    /// Calls `op` with the parameters `params` (a dict of API member names).
    pub fn call(&mut self, op: &Operation, params: &PyDict) -> Result<Value, CallError> {
        let mut params = Py::Dict(params.clone());
        let Some(input) = op.input else {
            return Err(CallError::Failure(Failure::General(format!("{} has no input", op.name))));
        };
        if self.decode {
            let mut decoded = Vec::new();
            if let Err(e) = decode_blobs(&mut params, input, &mut decoded) {
                self.notes.push(match &e {
                    DecodeError::InvalidBase64(text) => Msg::BlobNotBase64 { text: text.clone() },
                    DecodeError::NotAscii => Msg::BlobNotAscii,
                });
                return Err(CallError::Failure(Failure::General(e.message())));
            }
            // One note is enough, for the first blob (put-records may carry 500).
            let noted = self.notes.iter().any(|n| matches!(n, Msg::BlobDecoded { .. }));
            if let (Some((text, bytes)), false) = (decoded.into_iter().next(), noted) {
                self.notes.push(Msg::BlobDecoded { text, bytes });
            }
        }
        if let Some(msg) = timestamp_overflow(&params, input) {
            return Err(CallError::Failure(Failure::General(msg)));
        }
        let errors = validate(&params, input);
        if !errors.is_empty() {
            return Err(CallError::Failure(Failure::Param(report(&errors))));
        }
        let body = serialize(&params, input);
        let max = max_attempts(self.version);
        let mut attempt = 1;
        loop {
            let answer = self.host.call(op.name, &body);
            self.exchanges.push(Exchange {
                operation: op.name.to_string(),
                request: body.clone(),
                response: answer.clone(),
            });
            match answer {
                Ok(v) => return Ok(v),
                Err(e) if retryable(&e) && attempt < max => {
                    self.host.sleep(500 << (attempt - 1));
                    attempt += 1;
                }
                Err(e) => {
                    let exhausted = retryable(&e);
                    if exhausted {
                        self.notes.push(Msg::Retried { operation: op.name.to_string(), attempts: attempt });
                    }
                    let code = e.error_type.as_str().to_string();
                    let message = e.message_text().to_string();
                    let retry =
                        if exhausted { format!(" (reached max retries: {})", attempt - 1) } else { String::new() };
                    let text =
                        format!("An error occurred ({code}) when calling the {} operation{retry}: {message}", op.name);
                    // The model's exception shapes (each with a `message` member).
                    let modeled = !matches!(
                        e.error_type,
                        ErrorType::SerializationException
                            | ErrorType::UnknownOperationException
                            | ErrorType::InternalFailure
                    );
                    let modeled = e.message.clone().filter(|_| modeled);
                    return Err(CallError::Service(ServiceError { code, message, text, modeled }));
                }
            }
        }
    }
}
