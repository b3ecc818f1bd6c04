//! The live world: no simulated clients, only the calls a real client made on the local
//! endpoint, replayed from its command log (issue #18, "the live window").
//!
//! # Lifecycle
//!
//! 1. [`World::empty`] builds a world around an engine with the endpoint's [`EngineConfig`]: no
//!    producers, consumers, pipelines or scenario commands, and no stream until the client
//!    creates one. World time 0 is `config.start`, so a log line's `at_ms` is the world's
//!    elapsed time.
//! 2. [`World::replay_line`] runs one command-log line exactly as `engine::replay::run_line`
//!    does on the endpoint (the same function): the clock moves to its `at_ms` (world tasks on
//!    the way, the per-second metrics tick), then the engine answers the call.
//! 3. What the call did is then read off the line and its answer, as the views need it:
//!    - records a `PutRecord` / `PutRecords` answer names are the student's own
//!      ([`World::yours`]), so every view marks them;
//!    - the first stream the client names that exists becomes the world's stream (the one the
//!      views draw), and so does a later one once that stream is gone;
//!    - a `GetShardIterator` answer's iterator is remembered with its shard, and a
//!      `GetRecords` call through it (or through a `NextShardIterator` it returned) moves that
//!      shard's **client reader** past the last record it returned
//!      ([`World::client_readers`]).
//!
//! The engine's digest after the same lines at the same instants equals the endpoint's: the
//! world only reads the engine between calls (metrics samples), never calls it on its own.
//! Simplification: a reader is known by its iterator string, so an iterator the client built
//! another way (none exists in the API) would move no cursor; the last 256 iterators are kept.

use super::client_reads::ClientTraffic;
use super::World;
use crate::engine::replay::run_line;
use crate::engine::state::sequence::{parse_sequence, ParsedSequence, LAST_ENCODABLE_TIME};
use crate::engine::state::shard::ShardId;
use crate::engine::time::SECOND_MS;
use crate::engine::{Engine, EngineConfig};
use serde_json::Value;
use std::collections::BTreeMap;

/// The stream a request names: `StreamName`, else the last part of `StreamARN`
/// (`arn:aws:kinesis:<region>:<account>:stream/<name>`).
fn stream_named(request: &Value) -> Option<String> {
    if let Some(name) = request.get("StreamName").and_then(Value::as_str) {
        return Some(name.to_string());
    }
    let arn = request.get("StreamARN").and_then(Value::as_str)?;
    arn.split_once(":stream/").map(|(_, name)| name.to_string())
}

impl World {
    /// A world with no clients around an engine built from `config` (the endpoint's): the live
    /// window's. Its stream is the first one a replayed call names (none yet).
    pub fn empty(config: EngineConfig) -> World {
        let engine = Engine::new(EngineConfig { event_capacity: 4096, ..config });
        let started = engine.now();
        let mut scenario = super::scenario::Scenario { name: "live".into(), ..Default::default() };
        scenario.settings.stream_name = String::new();
        let mut world = World {
            stream: String::new(),
            started,
            queue: crate::engine::queue::EventQueue::default(),
            producers: Vec::new(),
            consumers: Vec::new(),
            removed: Default::default(),
            metrics: super::metrics::Metrics::new(scenario.settings.metrics_secs as usize),
            log: Vec::new(),
            digest: Default::default(),
            pipelines: None,
            payloads: super::payload::PayloadBook::new(scenario.seed),
            yours: BTreeMap::new(),
            capacity: Default::default(),
            client: ClientTraffic::default(),
            scenario,
            engine,
        };
        world.queue.push(started.plus(SECOND_MS), super::Task::Tick);
        world
    }

    /// Replays one command-log line (`{"at_ms", "op", "request"}`) as the endpoint ran it: the
    /// clock moves to `at_ms` (never back), then [`run_line`] answers it; returns that answer
    /// (`{"response": …}` or `{"error": …}`). A bad line gets run_line's error and changes
    /// nothing else.
    pub fn replay_line(&mut self, line: &str) -> Value {
        let parsed: Value = serde_json::from_str(line).unwrap_or(Value::Null);
        let last = LAST_ENCODABLE_TIME.since(self.started);
        if let Some(ms) = parsed.get("at_ms").and_then(Value::as_u64).filter(|ms| *ms <= last) {
            let at = self.started.plus(ms);
            if at > self.engine.now() {
                self.step_until(at);
            }
        }
        let answer = run_line(&mut self.engine, line);
        let op = parsed.get("op").and_then(Value::as_str).unwrap_or_default();
        let request = parsed.get("request").cloned().unwrap_or(Value::Null);
        if let Some(response) = answer.get("response") {
            self.track(op, &request, response);
        }
        answer
    }

    /// Reads what a successful call did for the views (see the module docs).
    fn track(&mut self, op: &str, request: &Value, response: &Value) {
        let named = stream_named(request);
        if let Some(name) = &named {
            let current_gone = self.engine.stream(&self.stream).is_none();
            if current_gone && self.engine.stream(name).is_some() {
                self.stream = name.clone();
            }
        }
        match op {
            "PutRecord" | "PutRecords" => {
                let Some(stream) = named else { return };
                let records: Vec<&Value> = match op {
                    "PutRecord" => vec![response],
                    _ => response
                        .get("Records")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().collect())
                        .unwrap_or_default(),
                };
                for r in records {
                    let shard = r.get("ShardId").and_then(Value::as_str);
                    let seq = r.get("SequenceNumber").and_then(Value::as_str);
                    if let (Some(shard), Some(seq)) = (shard, seq) {
                        self.remember_yours(&stream, shard, seq);
                    }
                }
            }
            "GetShardIterator" => {
                let shard = request.get("ShardId").and_then(Value::as_str).and_then(ShardId::resolve);
                let iterator = response.get("ShardIterator").and_then(Value::as_str);
                if let (Some(stream), Some(shard), Some(it)) = (named, shard, iterator) {
                    self.client.remember(it, &stream, shard);
                }
            }
            "GetRecords" => {
                let Some(it) = request.get("ShardIterator").and_then(Value::as_str) else { return };
                let Some((stream, shard)) = self.client.lookup(it) else { return };
                if let Some(next) = response.get("NextShardIterator").and_then(Value::as_str) {
                    self.client.remember(next, &stream, shard);
                }
                let last = response
                    .get("Records")
                    .and_then(Value::as_array)
                    .and_then(|a| a.last())
                    .and_then(|r| r.get("SequenceNumber"))
                    .and_then(Value::as_str);
                self.move_reader(&stream, shard, last);
            }
            _ => {}
        }
    }

    /// Moves the client reader of `shard` past the record numbered `last` (when the call
    /// returned records), counting the call.
    fn move_reader(&mut self, stream: &str, shard: ShardId, last: Option<&str>) {
        let Some(s) = self.engine.stream(stream) else { return };
        let key = (s.key, shard);
        let position = last.and_then(|seq| {
            let sh = s.shard(shard)?;
            let Ok(ParsedSequence::V2 { seq: parsed, .. }) = parse_sequence(seq) else { return None };
            let index = sh.records.position_of_seq_ix(parsed.seq_ix);
            let r = sh.records.get(index)?;
            (sh.sequence_number_of(&r).to_string() == seq).then(|| sh.records.first_index() + index as u64 + 1)
        });
        let reader = self.client.reader_mut(key);
        reader.calls += 1;
        if let (Some(p), Some(seq)) = (position, last) {
            reader.next_position = p;
            reader.last_sequence_number = seq.to_string();
        }
    }

    /// The client readers of the stream named `stream` (see [`ClientReader`]), by shard; only
    /// those that have read at least one record.
    pub fn client_readers(&self, stream: &str) -> Vec<&super::client_reads::ClientReader> {
        let Some(key) = self.engine.stream(stream).map(|s| s.key) else { return Vec::new() };
        self.client.readers_of(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_named_reads_a_name_or_an_arn() {
        assert_eq!(stream_named(&serde_json::json!({"StreamName": "a"})).as_deref(), Some("a"));
        let arn = serde_json::json!({"StreamARN": "arn:aws:kinesis:us-east-1:000000000000:stream/b"});
        assert_eq!(stream_named(&arn).as_deref(), Some("b"));
        assert_eq!(stream_named(&serde_json::json!({})), None);
    }
}
