//! Drives the engine with JSON lines on stdin, one AWS operation per line:
//!
//! ```text
//! {"at_ms": 0, "op": "CreateStream", "request": {"StreamName": "s", "ShardCount": 2}}
//! {"at_ms": 30000, "op": "PutRecord", "request": {"StreamName": "s", "PartitionKey": "a", "Data": "aGk="}}
//! ```
//!
//! `at_ms` is virtual milliseconds since the simulation started; the clock moves forward to it
//! (never back) before the operation runs. Each input line gives exactly one output line,
//! flushed at once: `{"response": {…}}` or `{"error": {"__type": …, "message": …}}`.
//! A malformed line (blank, whitespace only, not UTF-8, not JSON) gives a
//! `SerializationException` line and the runner goes on.
//!
//! Environment: `KINESIS_ACCOUNT_ID`, `KINESIS_REGION`, `KINESIS_START_MS` (Unix ms of virtual
//! time 0; default 2025-01-01T00:00:00Z), `KINESIS_LIMITS=off` (teaching switch).

use kinesis_playground::engine::error::{serialization, ApiError};
use kinesis_playground::engine::{Engine, EngineConfig};
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};
use std::str;

fn run_line(engine: &mut Engine, line: &str) -> Value {
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
        let target = engine.config().start.plus(ms);
        engine.step_until(target);
    }
    let request = parsed.get("request").cloned().unwrap_or_else(|| json!({}));
    match engine.call(op, &request) {
        Ok(response) => json!({ "response": response }),
        Err(e) => error_line(&e),
    }
}

/// The answer to one raw input line (its `\n` removed): bytes that are not UTF-8 are malformed
/// input like any other, so one bad line never ends the session.
fn answer(engine: &mut Engine, raw: &[u8]) -> Value {
    // `\r\n` line ends, as `BufRead::lines` accepted them.
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    match str::from_utf8(raw) {
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
fn replay(engine: &mut Engine, input: impl BufRead, mut out: impl Write) -> io::Result<()> {
    for raw in input.split(b'\n') {
        let result = answer(engine, &raw?);
        writeln!(out, "{result}")?;
        out.flush()?;
    }
    Ok(())
}

fn main() -> io::Result<()> {
    let mut config = EngineConfig::default();
    if let Ok(account) = std::env::var("KINESIS_ACCOUNT_ID") {
        config.account_id = account;
    }
    if let Ok(region) = std::env::var("KINESIS_REGION") {
        config.region = region;
    }
    if let Some(ms) = std::env::var("KINESIS_START_MS").ok().and_then(|v| v.parse::<u64>().ok()) {
        config.start = kinesis_playground::engine::time::SimTime(ms);
    }
    if std::env::var("KINESIS_LIMITS").is_ok_and(|v| v == "off") {
        config.limits_enabled = false;
    }
    config.event_capacity = 0; // nobody drains events here; keep only the digest
    let mut engine = Engine::new(config);
    replay(&mut engine, io::stdin().lock(), io::stdout().lock())
}

#[cfg(test)]
mod tests {
    use super::{replay, Engine, EngineConfig, Value};

    /// Runs `input` through a fresh engine and parses each answer line.
    fn answers(input: &[u8]) -> Vec<Value> {
        let mut engine = Engine::new(EngineConfig::default());
        let mut out = Vec::new();
        if let Err(e) = replay(&mut engine, input, &mut out) {
            panic!("replay failed: {e}");
        }
        String::from_utf8_lossy(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("answer {l:?} is not JSON: {e}")))
            .collect()
    }

    fn is_serialization_error(v: &Value) -> bool {
        v["error"]["__type"] == "SerializationException" && v["error"]["Message"].is_string()
    }

    #[test]
    fn invalid_utf8_gets_a_serialization_error_and_the_runner_goes_on() {
        let got = answers(b"\xff\n{\"op\":\"ListStreams\"}\n");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(is_serialization_error(&got[0]), "{got:?}");
        assert_eq!(got[0]["error"]["Message"], "Malformed input line: invalid UTF-8 at byte 0");
        assert_eq!(got[1]["response"]["StreamNames"], serde_json::json!([]), "{got:?}");
    }

    #[test]
    fn blank_and_whitespace_only_lines_get_a_serialization_error_each() {
        // Empty, spaces and tab, a lone CR, VT, FF, NBSP, U+3000, and a CR inside a CRLF file.
        let blanks: [&[u8]; 8] =
            [b"", b"  \t ", b"\r", b"\x0b", b"\x0c", "\u{a0}".as_bytes(), "\u{3000}".as_bytes(), b"\r\r"];
        let mut input = Vec::new();
        for b in blanks {
            input.extend_from_slice(b);
            input.push(b'\n');
        }
        input.extend_from_slice(b"{\"op\":\"ListStreams\"}\r\n{\"op\":\"ListStreams\"}");
        let got = answers(&input);
        assert_eq!(got.len(), blanks.len() + 2, "{got:?}");
        for (i, v) in got[..blanks.len()].iter().enumerate() {
            assert!(is_serialization_error(v), "line {i}: {v}");
        }
        // A CRLF line end and a last line without one are read as before.
        for v in &got[blanks.len()..] {
            assert!(v["response"]["StreamNames"].is_array(), "{v}");
        }
    }
}
