//! The live window (issue #18): the local endpoint's command log replayed into the browser's
//! world gives the endpoint's engine digest at every tick, in any arrival order, and draws the
//! client's records and reads.
//!
//! `tests/fixtures/live-log.jsonl` is the course's producer (note 003) as the endpoint logs it:
//! `mi-stream` created, polled until ACTIVE, ten `PutRecord` calls with `PartitionKey=str(i)`,
//! one call to a stream that does not exist, a `GetShardIterator` (TRIM_HORIZON) and a
//! `GetRecords` through it. `tests/fixtures/live-ticks.json` holds the endpoint's config and the
//! ticks it would send (the digest after each prefix of the log, by `replay::run_line` on a
//! fresh engine): the e2e fake server sends exactly these, so a drift of the engine fails here
//! first. After a deliberate change, `UPDATE_FIXTURES=1 cargo test --release --test world live
//! -- --test-threads=1` rewrites the ticks and the GetRecords line's iterator (one thread: the
//! other tests read the log being rewritten).

use kinesis_playground::engine::replay::run_line;
use kinesis_playground::engine::state::shard::ShardId;
use kinesis_playground::engine::{Engine, EngineConfig};
use kinesis_playground::ui::live::{LiveEvent, LiveFeed, Tick};
use kinesis_playground::ui::sim::Sim;
use kinesis_playground::ui::views::flow::snapshot::{Cursor, FlowSnapshot};
use kinesis_playground::world::World;
use serde_json::{json, Value};

const LOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/live-log.jsonl");
const TICKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/live-ticks.json");
/// The last tick comes this long after the last call (time passes with nothing to do).
const QUIET_MS: u64 = 2_000;

fn lines() -> Vec<String> {
    let text = std::fs::read_to_string(LOG).unwrap_or_else(|e| panic!("{LOG}: {e}"));
    text.lines().map(str::to_string).collect()
}

fn at_ms(line: &str) -> u64 {
    serde_json::from_str::<Value>(line).ok().and_then(|v| v["at_ms"].as_u64()).unwrap_or(0)
}

/// The endpoint's side: its engine after each prefix of the log, and once more later.
fn server_ticks(config: &EngineConfig, lines: &[String]) -> Vec<Tick> {
    let mut engine = Engine::new(config.clone());
    let mut ticks = vec![Tick { at_ms: 0, calls: 0, digest: format!("{:016x}", engine.digest()) }];
    for (i, line) in lines.iter().enumerate() {
        run_line(&mut engine, line);
        ticks.push(Tick { at_ms: at_ms(line), calls: i as u64 + 1, digest: format!("{:016x}", engine.digest()) });
    }
    let last = lines.last().map_or(0, |l| at_ms(l)) + QUIET_MS;
    engine.step_until(config.start.plus(last));
    ticks.push(Tick { at_ms: last, calls: lines.len() as u64, digest: format!("{:016x}", engine.digest()) });
    ticks
}

fn tick_json(t: &Tick) -> Value {
    json!({"at_ms": t.at_ms, "calls": t.calls, "digest": t.digest})
}

/// With `UPDATE_FIXTURES=1`, the log's GetRecords line takes the iterator the engine now
/// answers to the GetShardIterator line before it (the iterator format is the engine's), so
/// the fixture stays what a client would have sent.
fn refresh_iterators(config: &EngineConfig) {
    let mut engine = Engine::new(config.clone());
    let mut out = Vec::new();
    let mut iterator = None;
    for line in lines() {
        let mut v: Value = serde_json::from_str(&line).unwrap_or_default();
        if let (Some(it), "GetRecords") = (&iterator, v["op"].as_str().unwrap_or_default()) {
            v["request"]["ShardIterator"] = json!(it);
        }
        let line = serde_json::to_string(&v).unwrap_or_default();
        let answer = run_line(&mut engine, &line);
        if let Some(it) = answer["response"]["ShardIterator"].as_str() {
            iterator = Some(it.to_string());
        }
        out.push(line);
    }
    std::fs::write(LOG, out.join("\n") + "\n").unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_fixture_ticks_are_the_engine_s_digests() {
    let config = EngineConfig::default();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        refresh_iterators(&config);
    }
    let ticks = server_ticks(&config, &lines());
    let out = json!({
        "config": serde_json::to_value(&config).unwrap_or_default(),
        "speed": 1.0,
        "ticks": ticks.iter().map(tick_json).collect::<Vec<_>>(),
    });
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(TICKS, format!("{}\n", serde_json::to_string_pretty(&out).unwrap_or_default()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(TICKS).unwrap_or_default()).unwrap_or_default();
    assert_eq!(
        fixture, out,
        "the engine drifted from tests/fixtures/live-ticks.json: UPDATE_FIXTURES=1 after a deliberate change"
    );
}

/// The events the endpoint sends on a first connection: config, calls, then the last tick.
fn events(lines: &[String], ticks: &[Tick]) -> Vec<LiveEvent> {
    let config = LiveEvent::Config { config: EngineConfig::default(), speed: 1.0, calls: lines.len() as u64 };
    let calls =
        lines.iter().enumerate().map(|(i, l)| LiveEvent::Call { id: i as u64 + 1, at_ms: at_ms(l), line: l.clone() });
    std::iter::once(config).chain(calls).chain(ticks.last().cloned().map(LiveEvent::Tick)).collect()
}

/// Feeds `events` to a live sim the way the store does, then runs frames of `frame_ms`.
fn run(events: Vec<LiveEvent>, frame_ms: u64, frames: usize) -> (Sim, LiveFeed) {
    let mut feed = LiveFeed::new("/live/log");
    let mut sim = Sim::live(EngineConfig::default());
    for e in events {
        if let Some(kinesis_playground::ui::live::ConfigOutcome::Rebuild(config, _)) = feed.receive(e) {
            sim = Sim::live(config);
        }
    }
    for _ in 0..frames {
        feed.advance(&mut sim, frame_ms);
    }
    (sim, feed)
}

#[test]
fn the_browser_s_replay_gives_the_server_s_digest() {
    let lines = lines();
    let ticks = server_ticks(&EngineConfig::default(), &lines);
    let last = ticks.last().cloned().unwrap_or_else(|| panic!("no ticks"));
    let (sim, feed) = run(events(&lines, &ticks), 16, 4);
    assert_eq!((feed.applied, feed.received, feed.ignored), (lines.len() as u64, lines.len() as u64, 0));
    assert_eq!(sim.elapsed_ms(), last.at_ms, "caught up to the tick, not past it");
    let check = feed.check.clone().unwrap_or_else(|| panic!("no digest compared"));
    assert_eq!(check.tick, last);
    assert!(check.agrees(), "ours {} vs the server's {}", check.ours, check.tick.digest);
    assert_eq!(sim.engine_digest(), last.digest);
    // The flow view: ten records of yours on two lanes, the GetRecords cursor on shard 0 at the
    // record it read (key "6", put at 13 s: 6.6 s old at 19.6 s).
    let flow = FlowSnapshot::of(&sim, 60_000, 48);
    assert_eq!((flow.stream_name.as_str(), flow.shards.len(), flow.live), ("mi-stream", 2, true));
    assert_eq!(flow.shards.iter().map(|s| s.row.dots.iter().filter(|d| d.yours).count()).sum::<usize>(), 10);
    assert_eq!(flow.readers, vec![Cursor { shard: ShardId(0), age_ms: Some(6_600), finished: false }]);

    // Every intermediate tick agrees too, whatever the frame length.
    let mut evs = events(&lines, &ticks);
    evs.pop();
    let mut with_ticks = Vec::new();
    let mut it = evs.into_iter();
    with_ticks.extend(it.next());
    with_ticks.push(LiveEvent::Tick(ticks[0].clone()));
    for (call, tick) in it.zip(ticks.iter().skip(1)) {
        with_ticks.push(call);
        with_ticks.push(LiveEvent::Tick(tick.clone()));
    }
    let mut feed = LiveFeed::new("/live/log");
    let mut sim = Sim::live(EngineConfig::default());
    for e in with_ticks {
        feed.receive(e);
        feed.advance(&mut sim, 7);
        if let Some(c) = &feed.check {
            assert!(c.agrees(), "at {:?}: ours {}", c.tick, c.ours);
        }
    }
    for _ in 0..3 {
        feed.advance(&mut sim, 1000);
    }
    assert_eq!(feed.check.as_ref().map(|c| c.tick.calls), Some(lines.len() as u64));
}

#[test]
fn duplicates_and_out_of_order_calls_are_applied_once_in_id_order() {
    let lines = lines();
    let ticks = server_ticks(&EngineConfig::default(), &lines);
    let mut evs = events(&lines, &ticks);
    let tick = evs.pop();
    // Reversed, every call twice, then the tick: a reconnect resending what came before.
    let calls: Vec<LiveEvent> = evs.drain(1..).rev().collect();
    evs.extend(calls.iter().cloned());
    evs.extend(calls);
    evs.extend(tick);
    let (sim, feed) = run(evs, 16, 4);
    assert_eq!((feed.applied, feed.ignored), (lines.len() as u64, lines.len() as u64));
    assert!(feed.check.as_ref().is_some_and(|c| c.agrees()));
    assert_eq!(sim.engine_digest(), ticks.last().map(|t| t.digest.clone()).unwrap_or_default());
}

#[test]
fn a_missing_call_holds_the_clock_until_it_arrives() {
    let lines = lines();
    let mut feed = LiveFeed::new("/live/log");
    let mut sim = Sim::live(EngineConfig::default());
    for (i, l) in lines.iter().enumerate().filter(|(i, _)| *i != 4) {
        feed.receive(LiveEvent::Call { id: i as u64 + 1, at_ms: at_ms(l), line: l.clone() });
    }
    feed.advance(&mut sim, 100_000);
    assert_eq!(feed.applied, 4);
    assert_eq!(sim.elapsed_ms(), at_ms(&lines[3]), "call 5 may come at any instant after call 4");
    feed.receive(LiveEvent::Call { id: 5, at_ms: at_ms(&lines[4]), line: lines[4].clone() });
    feed.advance(&mut sim, 16);
    assert_eq!(feed.applied, lines.len() as u64);
}

#[test]
fn the_live_world_draws_the_client_s_records_and_reader() {
    let mut w = World::empty(EngineConfig::default());
    assert_eq!(w.stream_name(), "");
    for l in lines() {
        w.replay_line(&l);
    }
    assert_eq!(w.stream_name(), "mi-stream", "the stream the client created");
    assert_eq!(w.yours("mi-stream").len(), 10, "every record it put is the student's");
    assert!(w.producers().is_empty() && w.consumers().is_empty());
    let readers = w.client_readers("mi-stream");
    assert_eq!(readers.len(), 1);
    assert_eq!((readers[0].shard, readers[0].next_position, readers[0].calls), (ShardId(0), 1, 1));
    assert!(w.client_readers("otro-stream").is_empty());
}

#[test]
fn bad_lines_get_an_error_and_change_nothing() {
    let mut w = World::empty(EngineConfig::default());
    let before = w.engine().digest();
    for bad in [
        "",
        "not json",
        "{}",
        r#"{"op":1}"#,
        r#"{"at_ms":-5,"op":"ListStreams"}"#,
        "{\"at_ms\":18446744073709551615,\"op\":\"ListStreams\"}",
        "[1,2]",
    ] {
        let answer = w.replay_line(bad);
        assert_eq!(answer["error"]["__type"], "SerializationException", "{bad}: {answer}");
    }
    assert_eq!(w.engine().digest(), before);
    assert_eq!(w.elapsed_or_zero(), 0);
    // A GetRecords with an iterator never issued moves no reader.
    let a = w.replay_line(r#"{"at_ms":1,"op":"GetRecords","request":{"ShardIterator":"AAAA"}}"#);
    assert!(a.get("error").is_some());
}

trait Elapsed {
    fn elapsed_or_zero(&self) -> u64;
}

impl Elapsed for World {
    fn elapsed_or_zero(&self) -> u64 {
        self.now().since(self.started())
    }
}
