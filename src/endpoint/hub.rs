//! The hub: the endpoint's one engine, its command log and the live broadcast.
//!
//! ```text
//!  request ──► Hub::call ──lock──► step engine to at_ms ──► Engine::call ──► log line
//!                                                                  │  (state file, flushed)
//!                                                                  └──► broadcast Call{id, line}
//!  every 250 ms ──► Hub::tick ──lock──► step engine to now ──► broadcast Tick{at_ms, calls, digest}
//! ```
//!
//! Every request that reaches the engine (errors and reads included) becomes exactly one replay
//! line `{"at_ms", "op", "request"}` (`src/engine/replay.rs`), so replaying the log into a fresh
//! engine with the same config reproduces this one (the live window relies on it). The lock is
//! a plain mutex held only for synchronous work; nothing awaits while holding it, and the
//! broadcast is sent under it, so a reader that snapshots the log and subscribes under the same
//! lock never misses nor repeats a call.

use crate::endpoint::clock::Clock;
use crate::endpoint::state::{self, StateFile};
use crate::engine::error::ApiError;
use crate::engine::ops::subscribe_to_shard::SubscribeToShardOutput;
use crate::engine::state::sequence::LAST_ENCODABLE_TIME;
use crate::engine::state::subscription::{SubscriptionEnd, SubscriptionId};
use crate::engine::time::SimTime;
use crate::engine::wire::shapes::SubscribeToShardEvent;
use crate::engine::{replay, Engine, EngineConfig};
use serde_json::Value;
use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::broadcast;

/// One message of the live broadcast.
#[derive(Clone, Debug)]
pub enum Live {
    /// A logged call: its 1-based id and its replay line.
    Call(u64, Arc<str>),
    /// A tick: the `/live/status` JSON.
    Tick(Arc<str>),
}

/// Logged calls with their 1-based ids.
pub type Calls = Vec<(u64, Arc<str>)>;

struct Inner {
    engine: Engine,
    clock: Clock,
    /// Latest virtual ms the engine was stepped to by the server (never goes back).
    last_at: u64,
    log: Vec<Arc<str>>,
    state: Option<StateFile>,
}

/// The shared endpoint state.
pub struct Hub {
    inner: Mutex<Inner>,
    live: broadcast::Sender<Live>,
    config: EngineConfig,
    speed: f64,
}

impl Hub {
    /// A hub with a fresh engine, or the one replayed from `state_path` (whose config wins over
    /// `config`). Returns the hub and a message per state line dropped.
    pub fn open(config: EngineConfig, speed: f64, state_path: Option<&Path>) -> io::Result<(Self, Vec<String>)> {
        let loaded = match state_path {
            Some(p) => state::load(p)?,
            None => state::Loaded::default(),
        };
        let config = loaded.config.clone().unwrap_or(config);
        let mut engine = Engine::new(config.clone());
        let mut last_at = 0u64;
        let mut log = Vec::with_capacity(loaded.lines.len());
        for line in &loaded.lines {
            replay::run_line(&mut engine, line);
            if let Some(at) = serde_json::from_str::<Value>(line).ok().and_then(|v| v.get("at_ms")?.as_u64()) {
                last_at = last_at.max(at);
            }
            log.push(Arc::from(line.as_str()));
        }
        let state = match state_path {
            Some(p) => Some(StateFile::create(p, &config, speed, &loaded.lines)?),
            None => None,
        };
        let (live, _) = broadcast::channel(4096);
        let inner = Inner {
            engine,
            clock: if loaded.lines.is_empty() && state_path.is_none() {
                Clock::start_from_epoch(config.start.0, speed)
            } else {
                Clock::start(last_at, speed)
            },
            last_at,
            log,
            state,
        };
        Ok((Self { inner: Mutex::new(inner), live, config, speed }, loaded.dropped))
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the engine half-updated in a way that
        // matters more than stopping the server would; keep serving.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The engine's settings.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// The wall → virtual speed factor.
    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Runs one operation on the engine at the current virtual instant and logs it.
    pub fn call(&self, op: &str, request: &Value) -> Result<Value, ApiError> {
        let mut g = self.lock();
        let at = g.advance();
        let result = g.engine.call(op, request);
        self.log_call(&mut g, at, op, request);
        result
    }

    /// SubscribeToShard with a handle to the subscription's events; logged as `call` logs it.
    pub fn subscribe(
        &self,
        request: &Value,
    ) -> Result<(SubscribeToShardOutput, Vec<(SimTime, SubscribeToShardEvent)>), ApiError> {
        let mut g = self.lock();
        let at = g.advance();
        let result = g.engine.call_subscribe_to_shard(request);
        self.log_call(&mut g, at, "SubscribeToShard", request);
        let out = result?;
        let first = g.engine.take_subscription_events(out.subscription);
        Ok((out, first))
    }

    /// The events a subscription received since the last poll, and whether it ended.
    pub fn poll_subscription(
        &self,
        id: SubscriptionId,
    ) -> (Vec<(SimTime, SubscribeToShardEvent)>, Option<SubscriptionEnd>) {
        let mut g = self.lock();
        g.advance();
        let ended = g.engine.subscription_ended(id).map(|(_, why)| why);
        let known = g.engine.subscription_state(id).is_some();
        let events = g.engine.take_subscription_events(id);
        let ended = if known { ended } else { Some(ended.unwrap_or(SubscriptionEnd::Expired)) };
        (events, ended)
    }

    fn log_call(&self, g: &mut Inner, at: u64, op: &str, request: &Value) {
        let request_json = serde_json::to_string(request).unwrap_or_else(|_| "{}".into());
        let op_json = serde_json::to_string(op).unwrap_or_else(|_| "\"\"".into());
        let line: Arc<str> = Arc::from(format!("{{\"at_ms\":{at},\"op\":{op_json},\"request\":{request_json}}}"));
        if let Some(state) = g.state.as_mut() {
            if let Err(e) = state.append(&line) {
                eprintln!("endpoint: could not write {}: {e}", state.path().display());
            }
        }
        g.log.push(line.clone());
        let id = g.log.len() as u64;
        let _ = self.live.send(Live::Call(id, line));
    }

    /// Steps the engine to now and broadcasts a tick; returns the status JSON.
    pub fn tick(&self) -> Arc<str> {
        let mut g = self.lock();
        g.advance();
        let status: Arc<str> = Arc::from(g.status().to_string());
        let _ = self.live.send(Live::Tick(status.clone()));
        status
    }

    /// `{"at_ms", "calls", "digest"}` at the current virtual instant.
    pub fn status(&self) -> Value {
        let mut g = self.lock();
        g.advance();
        g.status()
    }

    /// The logged calls after id `after`, with their ids, and a receiver of everything logged
    /// from then on (taken under the same lock, so nothing is missed or repeated).
    pub fn follow(&self, after: u64) -> (Calls, u64, broadcast::Receiver<Live>) {
        let g = self.lock();
        let rx = self.live.subscribe();
        (g.calls_after(after), g.log.len() as u64, rx)
    }

    /// The calls after id `after` (for a reader that lagged behind the broadcast).
    pub fn calls_after(&self, after: u64) -> Calls {
        self.lock().calls_after(after)
    }

    /// Number of calls logged.
    pub fn calls(&self) -> u64 {
        self.lock().log.len() as u64
    }

    /// The engine digest now (for tests).
    pub fn digest(&self) -> u64 {
        self.lock().engine.digest()
    }

    /// A copy of the command log (for tests).
    pub fn log(&self) -> Vec<String> {
        self.lock().log.iter().map(|l| l.to_string()).collect()
    }
}

impl Inner {
    /// The logged calls after id `after`, each with its 1-based id.
    fn calls_after(&self, after: u64) -> Calls {
        let from = usize::try_from(after).unwrap_or(usize::MAX).min(self.log.len());
        self.log[from..].iter().enumerate().map(|(i, l)| ((from + i + 1) as u64, l.clone())).collect()
    }

    /// Steps the engine to the virtual now (never backwards, never past the last encodable
    /// instant) and returns it as ms since the start.
    fn advance(&mut self) -> u64 {
        let last = LAST_ENCODABLE_TIME.since(self.engine.config().start);
        let at = self.clock.now_ms().max(self.last_at).min(last);
        self.last_at = at;
        let target = self.engine.config().start.plus(at);
        self.engine.step_until(target);
        at
    }

    fn status(&self) -> Value {
        serde_json::json!({
            "at_ms": self.last_at,
            "calls": self.log.len(),
            "digest": format!("{:016x}", self.engine.digest()),
        })
    }
}
