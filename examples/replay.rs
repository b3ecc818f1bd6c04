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
//! A malformed line gives an error line and the runner goes on.
//!
//! Environment: `KINESIS_ACCOUNT_ID`, `KINESIS_REGION`, `KINESIS_START_MS` (Unix ms of virtual
//! time 0; default 2025-01-01T00:00:00Z), `KINESIS_LIMITS=off` (teaching switch).

use kinesis_playground::engine::error::{serialization, ApiError};
use kinesis_playground::engine::{Engine, EngineConfig};
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

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

fn error_line(e: &ApiError) -> Value {
    json!({ "error": e.to_json() })
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
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let result = run_line(&mut engine, &line);
        writeln!(out, "{result}")?;
        out.flush()?;
    }
    Ok(())
}
