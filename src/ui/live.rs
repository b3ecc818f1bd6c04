//! Live mode's read side (pure): the local endpoint's command log, as its server-sent events
//! arrive, applied to a [`Sim`] built with the endpoint's configuration (issue #18).
//!
//! ```text
//!  1. `?live=1` (route.rs) ─► Store builds Sim::live(default config) and a LiveFeed
//!  2. EventSource (app/live.rs) ─► LiveEvent::parse(event, id, data) ─► LiveFeed::receive
//!       config: the first one (re)builds the Sim with the endpoint's EngineConfig and speed
//!       call:   kept by id (a duplicate or an already applied id is ignored)
//!       tick:   kept in order: the server's (at_ms, calls, digest)
//!  3. each animation frame: LiveFeed::advance(sim, ms) ─► calls in id order at their at_ms
//!     (Sim::replay_call), ticks reached ─► Check (our digest beside theirs)
//! ```
//!
//! The clock never passes the latest instant the server has vouched for: a call's or a tick's
//! `at_ms`, and only while every call before it has arrived (a missing id stalls the clock,
//! since the missing call may come at any instant after its predecessor). A frame runs the
//! pacer's milliseconds, or jumps straight to that instant when it is more than
//! [`CATCH_UP_MS`] behind (a reload, a reconnect, a tab that was hidden), a bounded number
//! of calls per frame ([`CALLS_PER_FRAME`]).

use crate::engine::EngineConfig;
use crate::ui::sim::Sim;
use serde_json::Value;
use std::collections::{BTreeMap, VecDeque};

/// The command log's path on the page's origin when `?live=1` names none.
pub const DEFAULT_LOG_PATH: &str = "/live/log";
/// The shortest record window the flow view draws in live mode, ms.
pub const LIVE_WINDOW_MS: u64 = 60_000;
/// Behind the server by more than this (simulated ms), a frame jumps to it.
pub const CATCH_UP_MS: u64 = 1_000;
/// Most calls one frame replays (the rest wait for the next frame).
pub const CALLS_PER_FRAME: usize = 2_000;
/// The fastest endpoint speed the window follows, per-mille (10⁶×).
pub const MAX_SPEED_MILLI: u64 = 1_000_000_000;
/// Ticks kept while waiting to be reached (a hidden tab gets 4 a second).
const TICKS_KEPT: usize = 4_096;

/// The EventSource's state, as the badge shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connection {
    /// Opening the first connection.
    Connecting,
    /// Connected: events arrive.
    Live,
    /// The connection dropped; the browser is opening it again.
    Reconnecting,
    /// The browser gave up (the server refused, or is not an event stream).
    Disconnected,
}

/// A server tick: the endpoint's engine at an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// Virtual ms since `config.start`.
    pub at_ms: u64,
    /// Id of the last call logged by then.
    pub calls: u64,
    /// `Engine::digest()`, 16 lowercase hex digits.
    pub digest: String,
}

/// One event of `/live/log`.
#[derive(Clone, Debug, PartialEq)]
pub enum LiveEvent {
    /// The endpoint's settings, first on every connection.
    Config {
        /// Its engine's configuration.
        config: EngineConfig,
        /// Virtual ms per wall ms.
        speed: f64,
        /// Calls logged so far.
        calls: u64,
    },
    /// A call, 1-based id, its log line.
    Call {
        /// Its id.
        id: u64,
        /// Its `at_ms`.
        at_ms: u64,
        /// The replay line as the server logged it.
        line: String,
    },
    /// The endpoint's engine now.
    Tick(Tick),
}

/// Why an event was not understood (counted, never fatal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadEvent {
    /// An event type the protocol does not have.
    UnknownType(String),
    /// Its data is not the JSON the protocol says.
    BadData(String),
    /// A call without a positive integer id.
    BadId(String),
}

fn u64_field(v: &Value, name: &str) -> Result<u64, BadEvent> {
    v.get(name).and_then(Value::as_u64).ok_or_else(|| BadEvent::BadData(format!("\"{name}\" is not a whole number")))
}

impl LiveEvent {
    /// Parses an event: its type (`event:`), its id (`lastEventId`) and its data.
    pub fn parse(kind: &str, id: &str, data: &str) -> Result<LiveEvent, BadEvent> {
        let json: Value = serde_json::from_str(data).map_err(|e| BadEvent::BadData(e.to_string()))?;
        match kind {
            "config" => {
                let config = json.get("config").cloned().ok_or_else(|| BadEvent::BadData("no \"config\"".into()))?;
                let config: EngineConfig =
                    serde_json::from_value(config).map_err(|e| BadEvent::BadData(e.to_string()))?;
                let speed = json.get("speed").and_then(Value::as_f64).unwrap_or(1.0);
                Ok(LiveEvent::Config { config, speed, calls: u64_field(&json, "calls")? })
            }
            "call" => {
                let id = id.trim().parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| BadEvent::BadId(id.into()))?;
                Ok(LiveEvent::Call { id, at_ms: u64_field(&json, "at_ms")?, line: data.to_string() })
            }
            "tick" => {
                let digest = json.get("digest").and_then(Value::as_str).unwrap_or_default().to_string();
                Ok(LiveEvent::Tick(Tick {
                    at_ms: u64_field(&json, "at_ms")?,
                    calls: u64_field(&json, "calls")?,
                    digest,
                }))
            }
            other => Err(BadEvent::UnknownType(other.to_string())),
        }
    }
}

/// Our digest beside the server's, at the same `(calls, at_ms)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The tick compared.
    pub tick: Tick,
    /// Our engine's digest there.
    pub ours: String,
}

impl Check {
    /// Whether both sides agree.
    pub fn agrees(&self) -> bool {
        self.tick.digest == self.ours
    }
}

/// What a config event asks of the store.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigOutcome {
    /// The same endpoint: go on (the browser resent Last-Event-ID, calls after it follow).
    Same,
    /// A first config, or another endpoint (other settings, or fewer calls than we applied: it
    /// restarted): build a new live Sim with this config and speed (per-mille), forget
    /// everything, and reopen the log from the start.
    Rebuild(EngineConfig, u64),
}

/// The live window's state between frames.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveFeed {
    /// The log's path on this origin.
    pub path: String,
    /// Connection state.
    pub connection: Connection,
    /// Bumped to open the EventSource again (after a rebuild, a reset, or a reconnect asked
    /// for): [`LiveFeed::url`] then names the call to resume after.
    pub opens: u64,
    /// The endpoint's configuration (`None` before its first config event).
    pub config: Option<EngineConfig>,
    /// Calls received (distinct ids).
    pub received: u64,
    /// The last call applied (ids are applied in order from 1).
    pub applied: u64,
    /// Events not understood, and duplicates ignored.
    pub ignored: u64,
    /// Calls received and not applied yet: id → (at_ms, line).
    pending: BTreeMap<u64, (u64, String)>,
    /// Ticks not reached yet, in arrival order.
    ticks: VecDeque<Tick>,
    /// The latest tick received.
    pub server: Option<Tick>,
    /// The latest comparison of digests.
    pub check: Option<Check>,
}

impl LiveFeed {
    /// A feed for the log at `path`, not connected yet.
    pub fn new(path: &str) -> LiveFeed {
        LiveFeed {
            path: path.to_string(),
            connection: Connection::Connecting,
            opens: 0,
            config: None,
            received: 0,
            applied: 0,
            ignored: 0,
            pending: BTreeMap::new(),
            ticks: VecDeque::new(),
            server: None,
            check: None,
        }
    }

    /// The URL the EventSource opens: the path, then, when opened again, `?after=<the last
    /// call applied>` (0 after a rebuild or a reset: the whole log again). The browser's own
    /// reconnects send `Last-Event-ID`, which the server prefers.
    pub fn url(&self) -> String {
        if self.opens == 0 {
            self.path.clone()
        } else {
            let sep = if self.path.contains('?') { '&' } else { '?' };
            format!("{}{sep}after={}", self.path, self.applied)
        }
    }

    /// Forgets every call (the world is rebuilt) and opens the log again from its start.
    pub fn restart(&mut self) {
        let path = std::mem::take(&mut self.path);
        *self = LiveFeed { config: self.config.take(), opens: self.opens + 1, ..LiveFeed::new(&path) };
    }

    /// Opens the log again from the last call applied (after the browser gave up).
    pub fn reopen(&mut self) {
        self.opens += 1;
        self.connection = Connection::Connecting;
    }

    /// Takes in one event; a config event returns what the store must do.
    pub fn receive(&mut self, event: LiveEvent) -> Option<ConfigOutcome> {
        match event {
            LiveEvent::Config { config, speed, calls } => {
                self.connection = Connection::Live;
                let same = self.config.as_ref() == Some(&config) && calls >= self.applied;
                if same {
                    return Some(ConfigOutcome::Same);
                }
                let first = self.config.is_none() && self.applied == 0 && self.pending.is_empty();
                let path = std::mem::take(&mut self.path);
                let opens = self.opens + u64::from(!first);
                *self = LiveFeed {
                    config: Some(config.clone()),
                    opens,
                    connection: Connection::Live,
                    ..LiveFeed::new(&path)
                };
                // Saturating float-to-int conversion: a NaN or negative speed becomes 0 (paused);
                // a huge one is capped, so that the pacer's µs × per-mille cannot overflow.
                let speed_milli = ((speed * 1000.0).round().max(0.0) as u64).min(MAX_SPEED_MILLI);
                Some(ConfigOutcome::Rebuild(config, speed_milli))
            }
            LiveEvent::Call { id, at_ms, line } => {
                if id <= self.applied || self.pending.contains_key(&id) {
                    self.ignored += 1;
                } else {
                    self.pending.insert(id, (at_ms, line));
                    self.received += 1;
                }
                None
            }
            LiveEvent::Tick(t) => {
                if self.ticks.len() >= TICKS_KEPT {
                    self.ticks.pop_front();
                }
                self.server = Some(t.clone());
                self.ticks.push_back(t);
                None
            }
        }
    }

    /// Counts an event that was not understood.
    pub fn reject(&mut self) {
        self.ignored += 1;
    }

    /// The last id such that every call from the next to apply up to it has arrived.
    fn contiguous_end(&self) -> u64 {
        let mut end = self.applied;
        for id in self.pending.keys() {
            if *id != end + 1 {
                break;
            }
            end = *id;
        }
        end
    }

    /// The latest instant the server has vouched for (ms since `config.start`): the at_ms of
    /// every call up to [`Self::contiguous_end`] and of every tick with no later call, and
    /// never before `now_ms`.
    pub fn horizon_ms(&self, now_ms: u64) -> u64 {
        let end = self.contiguous_end();
        let calls = self.pending.range(..=end).map(|(_, (at, _))| *at).max().unwrap_or(0);
        let ticks = self.ticks.iter().filter(|t| t.calls <= end).map(|t| t.at_ms).max().unwrap_or(0);
        calls.max(ticks).max(now_ms)
    }

    /// Calls waiting (received, not applied).
    pub fn waiting(&self) -> usize {
        self.pending.len()
    }

    /// One frame: runs the live `sim` `ms` further (or catches up, see the module docs),
    /// replaying the calls and comparing the ticks it reaches.
    pub fn advance(&mut self, sim: &mut Sim, ms: u64) {
        let now = sim.elapsed_ms();
        let horizon = self.horizon_ms(now);
        let target = if horizon - now > CATCH_UP_MS { horizon } else { (now + ms).min(horizon) };
        let mut budget = CALLS_PER_FRAME;
        loop {
            // Old ticks (their calls already passed): nothing left to compare with.
            while self.ticks.front().is_some_and(|t| t.calls < self.applied) {
                self.ticks.pop_front();
            }
            let next_call = self.pending.first_key_value().filter(|(id, _)| **id == self.applied + 1);
            let tick_first = self.ticks.front().filter(|t| t.calls == self.applied && t.at_ms <= target);
            if let Some(t) = tick_first.cloned() {
                // Calls numbered after the tick come after it, even at the same instant.
                sim.play_to(t.at_ms);
                if sim.elapsed_ms() == t.at_ms {
                    self.check = Some(Check { ours: sim.engine_digest(), tick: t });
                }
                self.ticks.pop_front();
                continue;
            }
            match next_call {
                Some((id, (at, _))) if *at <= target && budget > 0 => {
                    let id = *id;
                    let Some((at, line)) = self.pending.remove(&id) else { break };
                    sim.replay_call(at, &line);
                    self.applied = id;
                    budget -= 1;
                }
                Some((_, (at, _))) if *at <= target => {
                    // Out of budget: stop where we are; the next frame goes on.
                    return;
                }
                _ => break,
            }
        }
        sim.play_to(target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(id: u64, at_ms: u64, line: &str) -> LiveEvent {
        LiveEvent::Call { id, at_ms, line: line.into() }
    }

    #[test]
    fn events_parse_as_the_protocol_says_and_bad_ones_are_errors() {
        let cfg =
            r#"{"config":{"account_id":"000000000000","start_ms":1000,"limits_enabled":false},"speed":2.0,"calls":3}"#;
        let Ok(LiveEvent::Config { config, speed, calls }) = LiveEvent::parse("config", "", cfg) else {
            panic!("config not parsed");
        };
        assert_eq!((config.start.millis(), config.limits_enabled, speed, calls), (1000, false, 2.0, 3));
        assert_eq!(config.region, "us-east-1", "a missing field takes its default");
        let line = r#"{"at_ms":5,"op":"ListStreams","request":{}}"#;
        assert_eq!(LiveEvent::parse("call", "7", line), Ok(call(7, 5, line)));
        let tick = LiveEvent::parse("tick", "", r#"{"at_ms":9,"calls":7,"digest":"00000000000000ab"}"#);
        assert_eq!(tick, Ok(LiveEvent::Tick(Tick { at_ms: 9, calls: 7, digest: "00000000000000ab".into() })));
        assert!(matches!(LiveEvent::parse("call", "0", line), Err(BadEvent::BadId(_))));
        assert!(matches!(LiveEvent::parse("call", "x", line), Err(BadEvent::BadId(_))));
        assert!(matches!(LiveEvent::parse("call", "1", "{not json"), Err(BadEvent::BadData(_))));
        assert!(matches!(LiveEvent::parse("call", "1", r#"{"at_ms":-1}"#), Err(BadEvent::BadData(_))));
        assert!(matches!(LiveEvent::parse("hello", "", "{}"), Err(BadEvent::UnknownType(_))));
        assert!(LiveEvent::parse("config", "", r#"{"config":{"start_ms":"x"},"calls":0}"#).is_err());
    }

    #[test]
    fn the_horizon_stops_at_a_missing_call_and_duplicates_are_ignored() {
        let mut f = LiveFeed::new(DEFAULT_LOG_PATH);
        f.receive(call(1, 100, "a"));
        f.receive(call(3, 300, "c"));
        assert_eq!(f.horizon_ms(0), 100, "call 2 is missing: it may come at any instant after 100");
        f.receive(LiveEvent::Tick(Tick { at_ms: 400, calls: 3, digest: String::new() }));
        assert_eq!(f.horizon_ms(0), 100);
        f.receive(call(2, 200, "b"));
        assert_eq!(f.horizon_ms(0), 400);
        f.receive(call(2, 200, "b"));
        assert_eq!((f.received, f.ignored), (3, 1));
        assert_eq!(f.horizon_ms(500), 500, "never before now");
    }

    #[test]
    fn a_config_rebuilds_once_and_a_reconnect_to_the_same_endpoint_goes_on() {
        let mut f = LiveFeed::new("/live/log");
        let config = EngineConfig::default();
        let ev = || LiveEvent::Config { config: EngineConfig::default(), speed: 1.0, calls: 0 };
        assert_eq!(f.receive(ev()), Some(ConfigOutcome::Rebuild(config.clone(), 1000)));
        let mut g = LiveFeed::new("/live/log");
        let fast = LiveEvent::Config { config: EngineConfig::default(), speed: 1e300, calls: 0 };
        assert_eq!(g.receive(fast), Some(ConfigOutcome::Rebuild(config.clone(), MAX_SPEED_MILLI)));
        assert_eq!((f.opens, f.url().as_str()), (0, "/live/log"));
        f.applied = 5;
        assert_eq!(
            f.receive(LiveEvent::Config { config: config.clone(), speed: 1.0, calls: 9 }),
            Some(ConfigOutcome::Same)
        );
        // The endpoint restarted with an empty log: start again from call 0.
        assert!(matches!(f.receive(ev()), Some(ConfigOutcome::Rebuild(..))));
        assert_eq!((f.opens, f.applied, f.url().as_str()), (1, 0, "/live/log?after=0"));
        f.applied = 3;
        f.reopen();
        assert_eq!(f.url(), "/live/log?after=3");
        f.restart();
        assert_eq!((f.applied, f.url().as_str(), f.config.is_some()), (0, "/live/log?after=0", true));
    }
}
