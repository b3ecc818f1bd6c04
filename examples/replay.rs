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
//! `SerializationException` line and the runner goes on. The per-line logic lives in the library
//! (`kinesis_playground::engine::replay`), where the tests drive it in-process.
//!
//! Environment: `KINESIS_ACCOUNT_ID`, `KINESIS_REGION`, `KINESIS_START_MS` (Unix ms of virtual
//! time 0; default 2025-01-01T00:00:00Z; at most 16025174999999, 2477-10-25T13:29:59.999Z, the last
//! instant the sequence-number layout can carry: a later or unreadable one stops the runner with
//! a message and exit status 2), `KINESIS_LIMITS=off` (teaching switch).

use kinesis_playground::engine::replay::replay;
use kinesis_playground::engine::state::sequence::LAST_ENCODABLE_TIME;
use kinesis_playground::engine::{Engine, EngineConfig};
use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut config = EngineConfig::default();
    if let Ok(account) = std::env::var("KINESIS_ACCOUNT_ID") {
        config.account_id = account;
    }
    if let Ok(region) = std::env::var("KINESIS_REGION") {
        config.region = region;
    }
    if let Ok(text) = std::env::var("KINESIS_START_MS") {
        let Ok(ms) = text.trim().parse::<u64>() else {
            eprintln!("replay: KINESIS_START_MS must be Unix milliseconds (a non-negative integer), got {text:?}");
            return ExitCode::from(2);
        };
        config.start = kinesis_playground::engine::time::SimTime(ms);
        if !config.start_is_encodable() {
            eprintln!(
                "replay: KINESIS_START_MS {ms} is past {} (2477-10-25T13:29:59.999Z), the last instant whose sequence numbers can be encoded",
                LAST_ENCODABLE_TIME.millis()
            );
            return ExitCode::from(2);
        }
    }
    if std::env::var("KINESIS_LIMITS").is_ok_and(|v| v == "off") {
        config.limits_enabled = false;
    }
    config.event_capacity = 0; // nobody drains events here; keep only the digest
    let mut engine = Engine::new(config);
    match replay(&mut engine, io::stdin().lock(), io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("replay: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{replay, Engine, EngineConfig};
    use serde_json::Value;

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
