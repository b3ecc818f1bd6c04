//! What the console view shows: the session's scrollback and history, the emulated CLI, the
//! level's progress; and the HTTP text of each exchange ("the CLI is the API").

use super::model::progress;
use crate::console::{CliVersion, Exchange};
use crate::engine::Engine;
use crate::ui::console::{Entry, Session};
use std::rc::Rc;

/// The console view's props.
#[derive(Clone, Debug)]
pub struct ConsoleSnapshot {
    /// The scrollback (shared with the session's copy of this frame).
    pub entries: Rc<Vec<Entry>>,
    /// The lines run so far, for ↑/↓.
    pub history: Rc<Vec<String>>,
    /// The emulated CLI.
    pub version: CliVersion,
    /// The account's region (the endpoint's host name).
    pub region: String,
    /// Whether each tutorial step is done.
    pub done: Vec<bool>,
    /// The step a link opened (`step=`, from 0), instead of the first one not done.
    pub open_step: Option<usize>,
}

impl PartialEq for ConsoleSnapshot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
            && Rc::ptr_eq(&self.history, &other.history)
            && self.version == other.version
            && self.region == other.region
            && self.done == other.done
            && self.open_step == other.open_step
    }
}

impl ConsoleSnapshot {
    /// The snapshot of `session` on `engine`; `shared` is the last snapshot's lists, reused
    /// when the session has not changed since (`revision`).
    pub fn of(engine: &Engine, session: &Session, open_step: Option<usize>, shared: Option<&ConsoleSnapshot>) -> Self {
        let (entries, history) = match shared {
            Some(s)
                if s.entries.last().map(|e| e.id) == session.entries.last().map(|e| e.id)
                    && s.entries.len() == session.entries.len()
                    && s.history.len() == session.shell.history().len() =>
            {
                (s.entries.clone(), s.history.clone())
            }
            _ => (Rc::new(session.entries.clone()), Rc::new(session.shell.history().to_vec())),
        };
        ConsoleSnapshot {
            entries,
            history,
            version: session.version,
            region: engine.config().region.clone(),
            done: progress(engine, session),
            open_step,
        }
    }
}

/// The HTTP request the CLI sent for `x`, as on the wire but with the JSON body indented.
/// The headers are the ones that decide what runs (AWS JSON 1.1 protocol: `POST /`,
/// `X-Amz-Target: Kinesis_20131202.<Operation>`); signing headers are left out.
pub fn http_request(x: &Exchange, region: &str) -> String {
    format!(
        "POST / HTTP/1.1\nHost: kinesis.{region}.amazonaws.com\nContent-Type: application/x-amz-json-1.1\nX-Amz-Target: Kinesis_20131202.{}\n\n{}",
        x.operation,
        pretty(&x.request)
    )
}

/// The HTTP response to `x`: `200 OK` with the answer, or the error's status with AWS's
/// `{"__type", "message"}` body.
pub fn http_response(x: &Exchange) -> String {
    match &x.response {
        Ok(v) => format!("HTTP/1.1 200 OK\nContent-Type: application/x-amz-json-1.1\n\n{}", pretty(v)),
        Err(e) => {
            let status = e.error_type.http_status();
            let reason = if status == 500 { "Internal Server Error" } else { "Bad Request" };
            format!("HTTP/1.1 {status} {reason}\nContent-Type: application/x-amz-json-1.1\n\n{}", pretty(&e.to_json()))
        }
    }
}

/// Whether `stdout` is a CLI table (`--output table`: a line of `-`, then a `|` line), which
/// the view shows unwrapped: wrapped, its borders would break.
pub fn is_table(stdout: &str) -> bool {
    let mut lines = stdout.lines();
    matches!((lines.next(), lines.next()), (Some(a), Some(b)) if !a.is_empty() && a.bytes().all(|c| c == b'-') && b.starts_with('|'))
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::error::{ApiError, ErrorType};
    use serde_json::json;

    #[test]
    fn only_a_table_is_kept_unwrapped() {
        assert!(is_table("-----\n|  ListStreams |\n+---+\n"));
        assert!(!is_table("{\n    \"StreamNames\": []\n}\n"));
        assert!(!is_table("STREAMNAMES\tFoo\n"));
        assert!(!is_table(""));
    }

    #[test]
    fn an_exchange_reads_as_http() {
        let x = Exchange {
            operation: "PutRecord".into(),
            request: json!({"StreamName": "Foo", "Data": "dGVzdGRhdGE=", "PartitionKey": "123"}),
            response: Ok(json!({"ShardId": "shardId-000000000000"})),
        };
        let req = http_request(&x, "us-east-1");
        assert!(req.starts_with("POST / HTTP/1.1\nHost: kinesis.us-east-1.amazonaws.com\n"), "{req}");
        assert!(req.contains("X-Amz-Target: Kinesis_20131202.PutRecord\n\n{\n  \"StreamName\": \"Foo\""), "{req}");
        assert!(http_response(&x).starts_with("HTTP/1.1 200 OK\n"));
        let err = Exchange {
            response: Err(ApiError::new(
                ErrorType::ResourceNotFoundException,
                "Stream Foo under account 000000000000 not found.",
            )),
            ..x
        };
        let res = http_response(&err);
        assert!(res.starts_with("HTTP/1.1 400 Bad Request\n"), "{res}");
        assert!(res.contains("\"__type\": \"ResourceNotFoundException\""), "{res}");
    }
}
