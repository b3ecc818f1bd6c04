//! The JSON-lines runner: one AWS operation per input line, one answer per line.
//!
//! ```text
//! {"at_ms": 0, "op": "CreateStream", "request": {"StreamName": "s", "ShardCount": 2}}
//! {"at_ms": 30000, "op": "PutRecord", "request": {"StreamName": "s", "PartitionKey": "a", "Data": "aGk="}}
//! ```
//!
//! `at_ms` is virtual milliseconds since the simulation started; the clock moves forward to it
//! (never back) before the operation runs. Each input line gives exactly one output line:
//! `{"response": {…}}` or `{"error": {"__type": …, "Message": …}}`. A malformed line (blank,
//! whitespace only, not UTF-8, not JSON, no `op`, a bad `at_ms`) gets a `SerializationException`
//! answer and the runner goes on; so does an `at_ms` past the end of the engine's time
//! ([`LAST_ENCODABLE_TIME`], the last instant the sequence-number layout can carry), which
//! would otherwise stop the clock short of the instant the line asked for.
//!
//! This is the library half of `examples/replay.rs` (which adds stdin/stdout and the
//! environment), so that tests drive exactly the same per-line logic in-process. It simplifies
//! nothing of the engine; the line format is the project's own, not an AWS protocol.

use crate::engine::error::{serialization, ApiError};
use crate::engine::state::sequence::LAST_ENCODABLE_TIME;
use crate::engine::Engine;
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

/// The answer to one input line that is valid UTF-8 (without its line end).
pub fn run_line(engine: &mut Engine, line: &str) -> Value {
    let parsed: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return error_line(&serialization(format!("Malformed input line: {e}"))),
    };
    let Some(op) = parsed.get("op").and_then(Value::as_str) else {
        return error_line(&serialization("Input line has no \"op\" string."));
    };
    if let Some(at) = parsed.get("at_ms") {
        let Some(ms) = at.as_u64() else {
            return error_line(&serialization("\"at_ms\" must be a non-negative integer."));
        };
        let last = LAST_ENCODABLE_TIME.since(engine.config().start);
        if ms > last {
            return error_line(&serialization(format!(
                "\"at_ms\" {ms} is past the end of simulated time: sequence numbers can encode instants up to at_ms {last} (2477-10-25T13:29:59.999Z)."
            )));
        }
        engine.step_until(engine.config().start.plus(ms));
    }
    let request = parsed.get("request").cloned().unwrap_or_else(|| json!({}));
    match engine.call(op, &request) {
        Ok(response) => json!({ "response": response }),
        Err(e) => error_line(&e),
    }
}

/// The answer to one raw input line (its `\n` removed, a trailing `\r` allowed): bytes that are
/// not UTF-8 are malformed input like any other, so one bad line never ends the session.
pub fn answer(engine: &mut Engine, raw: &[u8]) -> Value {
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    match std::str::from_utf8(raw) {
        Ok(line) => run_line(engine, line),
        Err(e) => {
            error_line(&serialization(format!("Malformed input line: invalid UTF-8 at byte {}", e.valid_up_to())))
        }
    }
}

fn error_line(e: &ApiError) -> Value {
    json!({ "error": e.to_json() })
}

/// Answers every line of `input` on `out`, one line each (blank lines too: a client waiting for
/// an answer must get one), flushed at once.
pub fn replay(engine: &mut Engine, input: impl BufRead, mut out: impl Write) -> io::Result<()> {
    for raw in input.split(b'\n') {
        let result = answer(engine, &raw?);
        writeln!(out, "{result}")?;
        out.flush()?;
    }
    Ok(())
}
