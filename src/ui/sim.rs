//! The simulation behind the app: a [`World`] built from [`Settings`], moved by the pacer, with
//! the per-shard rates sampled as it goes. Views read it through their own snapshot builders
//! (`views/<view>/snapshot.rs`, with the rows they share in [`super::snapshot`]).
//!
//! ```text
//!  1. Settings (the URL's simulation part, route::UrlState::sim) ─► Sim::new ─► World at time 0
//!  2. each frame: Pacer ─► Sim::advance(ms) (capped by pacer::SimBudget, wall time per frame,
//!     and FRAME_RECORD_BUDGET) ─► sample_rates
//!     or one step: Sim::step_second (exactly STEP_MS)
//!  3. controls: set_rate / set_keys / set_limits, command (world), api (Kinesis call), now
//!     show_stream: which of the engine's streams the views draw (the scenario's by default)
//!     every one of them is an [`Input`], logged by Sim::input before it is applied
//!  3b. time: go_to / rewind (the scrubber, −10 s) and seek_toward (a `t=` link), through the
//!     checkpoints and the input log of super::timeline
//!  4. the store pauses when Sim::retained_bytes passes MAX_RETAINED_BYTES (memory guard, a last
//!     resort: packed record stores keep every preset's 48 h far below it)
//! ```
//!
//! Settings start from a scenario preset ([`crate::world::presets::Preset`]) and override its
//! shard count, its first producer's rate and key distribution, the limits switch and the stream
//! name. Changing the seed, the preset, the shard count or the stream name builds a new world
//! (time 0); the rate, the keys and the limits change the running world at the current instant,
//! as the scenario commands `set-rate`, `set-keys` and `set-limits` do.
//!
//! The views draw one stream, [`Sim::shown_stream`]: the scenario's, or another stream of the
//! engine a person picked (one created in the console). The scenario's producers and consumers
//! still write and read the scenario's stream only.

use super::narrate::{Narrator, CHUNK_RECORDS};
use super::snapshot::DotCache;
use super::timeline::{Timeline, CHECKPOINT_INTERVAL_MS, SPAN_MS};
use crate::engine::error::ApiError;
use crate::engine::state::shard::{ShardCounters, ShardId};
use crate::engine::state::stream::StreamKey;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::wire::validation::validate_stream_name;
use crate::engine::{EngineConfig, ErrorType};
use crate::i18n::app::Msg;
use crate::world::error::WorldError;
use crate::world::payload::KeyDistribution;
use crate::world::presets::Preset;
use crate::world::producer::Rate;
use crate::world::scenario::{Command, Scenario};
use crate::world::World;
use std::collections::BTreeMap;

/// Most bytes the stream's record stores may hold before the app pauses itself: a last resort.
/// Records written by reference are packed (`engine/state/packed.rs`), 1 to 5 bytes each: the
/// heaviest presets at 24 h are hot-key (a throttled shard full of retries, about 480 MB) and
/// activity-logs (1,600 records/s, about 320 MB); README's memory table has the figures. A
/// student's own scenario at 1,000 records/s on many shards could pass it.
pub const MAX_RETAINED_BYTES: u64 = 1024 * 1024 * 1024;
/// Most records one animation frame may simulate (the first frame at a speed, before the app has
/// measured what a simulated ms costs: `pacer::SimBudget`); above it the clock runs slower than asked.
pub const FRAME_RECORD_BUDGET: u64 = 20_000;
/// How far [`Sim::step_second`] moves the clock, ms.
pub const STEP_MS: u64 = SECOND_MS;
/// The scenario preset used when the URL names none.
pub const DEFAULT_SCENARIO: Preset = Preset::ActivityLogs;
/// The default seed.
pub const DEFAULT_SEED: u64 = 1;
/// Keys of the "few hot keys" distribution: 2 of 100 keys carry 80 % of records.
const HOT_KEYS: KeyDistribution = KeyDistribution::HotKeys { keys: 100, hot: 2, hot_percent: 80 };

/// How the first producer's partition keys spread, when the settings override its preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyMode {
    /// Uniform over many keys.
    Uniform,
    /// A few hot keys carry most records.
    Hot,
}

impl KeyMode {
    /// URL spelling.
    pub fn slug(self) -> &'static str {
        match self {
            KeyMode::Uniform => "uniform",
            KeyMode::Hot => "hot",
        }
    }

    /// Parses the URL spelling.
    pub fn from_slug(s: &str) -> Option<KeyMode> {
        match s {
            "uniform" => Some(KeyMode::Uniform),
            "hot" => Some(KeyMode::Hot),
            _ => None,
        }
    }

    /// The producer key distribution of this mode.
    pub fn distribution(self) -> KeyDistribution {
        match self {
            KeyMode::Uniform => KeyDistribution::Uniform { keys: 1_000 },
            KeyMode::Hot => HOT_KEYS,
        }
    }
}

/// The settings a world is built from: a preset and its overrides. The URL carries all of them
/// but the stream name ([`crate::ui::route::UrlState::sim`]).
///
/// They are overrides, not the world's resolved settings: `None` keeps the preset's value, and
/// [`Settings::scenario()`] resolves them into a [`Scenario`] (whose own `settings` are the
/// stream's: name, shards, retention, limits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Seed of the world's random streams.
    pub seed: u64,
    /// The preset (its slug in the URL).
    pub scenario: Preset,
    /// Shard count override.
    pub shards: Option<u32>,
    /// First producer's rate override, records/s.
    pub rate: Option<u32>,
    /// First producer's key distribution override.
    pub keys: Option<KeyMode>,
    /// Throughput limits enforced.
    pub limits: bool,
    /// Stream name override, typed in the side panel; links never carry it.
    pub stream_name: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            scenario: DEFAULT_SCENARIO,
            shards: None,
            rate: None,
            keys: None,
            limits: true,
            stream_name: None,
        }
    }
}

impl Settings {
    /// The scenario: the preset with the overrides applied (AWS's error for a stream name it
    /// refuses).
    pub fn scenario(&self) -> Result<Scenario, Msg> {
        let mut s = self.scenario.scenario(self.seed);
        if let Some(n) = self.shards {
            s.settings.shards = n;
        }
        s.settings.limits = self.limits;
        if let Some(name) = &self.stream_name {
            check_stream_name(name)?;
            s.settings.stream_name = name.clone();
        }
        if let Some(p) = s.producers.first_mut() {
            if let Some(r) = self.rate {
                p.rate = Rate::Constant { per_sec: r };
            }
            if let Some(k) = self.keys {
                p.keys = k.distribution();
            }
        }
        Ok(s)
    }
}

/// Checks a stream name as CreateStream does (the engine's own rule) and returns AWS's error.
pub fn check_stream_name(name: &str) -> Result<(), Msg> {
    validate_stream_name(name)
        .map_err(|err| Msg::AwsError { error: err.error_type, message: err.message.unwrap_or_default() })
}

/// The memory guard's rule (see [`Sim::memory_guard_pauses`]): pause when running above the
/// limit, and only then.
fn guard_pauses(retained: u64, paused: bool) -> bool {
    !paused && retained > MAX_RETAINED_BYTES
}

/// A shard of one of the engine's streams (a stream's key, since names can be reused).
type StreamShard = (StreamKey, ShardId);

/// A running simulation.
///
/// Cloning copies the simulation, not its rewind history (a checkpoint, or a what-if copy to
/// run ahead): the record stores' full chunks are shared, so a clone is cheap.
#[derive(Clone, Debug)]
pub struct Sim {
    /// What it was built from, with the live changes since (rate, keys, limits).
    settings: Settings,
    world: World,
    /// The stream the views draw when it is not the scenario's: its name and the key of the
    /// stream that had it when picked (a stream deleted and created again is another stream).
    shown: Option<(String, StreamKey)>,
    /// Per-shard counters of every stream at the last rate sample, and when it was taken.
    sampled: Option<(SimTime, BTreeMap<StreamShard, ShardCounters>)>,
    /// Per-shard rates over the last sample interval (≥ 1 simulated second), every stream.
    rates: BTreeMap<StreamShard, ShardRates>,
    /// What it narrated lately (the event log): it belongs to this world, so a restored copy
    /// brings its log back.
    narrator: Narrator,
    /// Hash keys of the records drawn as dots: they belong to this world, so they go with it.
    dots: DotCache,
    /// Checkpoints of this simulation and the inputs since (empty inside a checkpoint): what a
    /// rewind restores. Every other field is part of a checkpoint, so whatever a `Sim` keeps
    /// comes back with it.
    timeline: Timeline<Sim, Input>,
    /// The live window's simulation ([`Sim::live`]): its records come from a real client.
    live: bool,
}

/// An input that changes the simulation: the only way to change it at an instant. Every one is
/// logged with its simulated instant by [`Sim::input`] and replayed there when a rewind
/// re-simulates ([`super::timeline`]). The public mutators ([`Sim::set_rate`], [`Sim::api`],
/// [`Sim::command`]…) are thin wrappers over it, so no caller can bypass the log.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// The first producer's rate, records/s.
    SetRate(u32),
    /// The first producer's keys.
    SetKeys(KeyMode),
    /// Throughput limits on or off.
    SetLimits(bool),
    /// A Kinesis API call: operation and JSON request.
    Api(String, serde_json::Value),
    /// A world command (add a producer, kill a worker, a pipeline step…).
    Command(Command),
    /// The stream the views draw, by name.
    ShowStream(String),
    /// Live mode: one line of the local endpoint's command log, replayed at its `at_ms`
    /// ([`World::replay_line`]).
    Live(String),
}

/// What an [`Input`] answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Nothing to say (rates, keys, limits).
    Done,
    /// AWS's response or error.
    Api(Result<serde_json::Value, ApiError>),
    /// The world's refusal, if any.
    Command(Result<(), WorldError>),
    /// Whether the stream asked for is shown now.
    Shown(bool),
    /// A live call's answer line (`{"response": …}` or `{"error": …}`).
    Live(serde_json::Value),
}

/// A shard's load per second, averaged over the last sample interval (at least one simulated
/// second, longer when a frame covers more).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShardRates {
    /// Bytes written per second (data + key), against 1 MiB/s.
    pub write_bytes: u64,
    /// Records written per second, against 1,000/s.
    pub write_records: u64,
    /// Writes refused per second (throttled).
    pub write_throttled: u64,
    /// Bytes read by GetRecords per second, against 2 MiB/s shared.
    pub read_bytes: u64,
    /// GetRecords calls per second, against 5/s shared.
    pub read_calls: u64,
    /// Reads refused per second.
    pub read_throttled: u64,
}

impl Sim {
    /// Builds the world of `settings`.
    pub fn new(settings: Settings) -> Result<Sim, Msg> {
        let scenario = settings.scenario()?;
        let world = World::new(scenario)
            .map_err(|e| Msg::AwsError { error: ErrorType::InvalidArgumentException, message: e.to_string() })?;
        Ok(Sim::around(settings, world, false))
    }

    /// A simulation around `world`, its narrator and timeline started.
    fn around(settings: Settings, world: World, live: bool) -> Sim {
        let mut sim = Sim {
            settings,
            world,
            shown: None,
            sampled: None,
            rates: BTreeMap::new(),
            dots: DotCache::default(),
            narrator: Narrator::default(),
            timeline: Timeline::default(),
            live,
        };
        sim.narrator.collect(&mut sim.world, false);
        sim.timeline = Timeline::new(sim.clone());
        sim
    }

    /// The live window's simulation (`?live=1`): an empty world around an engine built from
    /// the local endpoint's `config`, fed its command log ([`Sim::replay_call`]).
    pub fn live(config: EngineConfig) -> Sim {
        Sim::around(Settings::default(), World::empty(config), true)
    }

    /// Whether this is the live window's simulation ([`Sim::live`]).
    pub fn is_live(&self) -> bool {
        self.live
    }

    /// Live mode: runs the clock to `at_ms` (ms since `config.start`), then replays the
    /// command-log `line` there, as a logged input (a rewind replays it too); its answer.
    pub fn replay_call(&mut self, at_ms: u64, line: &str) -> serde_json::Value {
        self.play_to(at_ms);
        match self.input(Input::Live(line.to_string())) {
            Answer::Live(v) => v,
            _ => serde_json::Value::Null,
        }
    }

    /// Runs the clock to `at_ms` (simulated ms since ACTIVE; nothing if it is already past),
    /// with no frame cap.
    pub fn play_to(&mut self, at_ms: u64) {
        if at_ms > self.elapsed_ms() {
            self.run_to(at_ms, 0);
        }
    }

    /// The engine's own digest, 16 lowercase hex digits (what the local endpoint's ticks carry;
    /// [`Sim::digest`] also covers the simulated clients).
    pub fn engine_digest(&self) -> String {
        format!("{:016x}", self.world.engine().digest())
    }

    /// The name of the stream the views draw: the one picked with [`Sim::show_stream`] while
    /// it exists, else the scenario's (also once the picked one is deleted).
    pub fn shown_stream(&self) -> &str {
        match &self.shown {
            Some((name, key)) if self.world.engine().stream(name).is_some_and(|s| s.key == *key) => name,
            _ => self.world.stream_name(),
        }
    }

    /// Whether the views draw the scenario's stream (the one its producers and consumers use).
    pub fn shows_scenario_stream(&self) -> bool {
        self.shown_stream() == self.world.stream_name()
    }

    /// Makes the views draw the engine's stream `name` (the scenario's name, or a stream that
    /// does not exist, brings back the scenario's); returns whether `name` is shown now.
    pub fn show_stream(&mut self, name: &str) -> bool {
        matches!(self.input(Input::ShowStream(name.to_string())), Answer::Shown(true))
    }

    fn apply_show_stream(&mut self, name: &str) -> bool {
        self.shown = match self.world.engine().stream(name) {
            Some(s) if name != self.world.stream_name() => Some((name.to_string(), s.key)),
            _ => None,
        };
        self.shown_stream() == name
    }

    /// The streams a view can draw: the scenario's first, then the engine's others by name.
    pub fn stream_names(&self) -> Vec<String> {
        let scenario = self.world.stream_name();
        let others = self.world.engine().streams().keys().filter(|n| n.as_str() != scenario).cloned();
        std::iter::once(scenario.to_string()).chain(others).collect()
    }

    /// The world.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The settings it was built from, with the live changes since (rate, keys, limits).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The hash keys of the records drawn as dots (see [`super::snapshot::shard_rows`]).
    pub fn dot_cache(&self) -> &DotCache {
        &self.dots
    }

    /// Simulated ms since the stream became ACTIVE.
    pub fn elapsed_ms(&self) -> u64 {
        self.world.now().since(self.world.started())
    }

    /// Records per second the producers aim at now (for the frame budget).
    pub fn target_rate(&self) -> u64 {
        let now = self.world.now();
        self.world.producers().iter().filter(|p| !p.stopped).map(|p| p.spec.rate.at(now.since(p.started))).sum()
    }

    /// The most simulated ms one frame may run at the current rate.
    pub fn frame_cap_ms(&self) -> u64 {
        (FRAME_RECORD_BUDGET * SECOND_MS / self.target_rate().max(1)).max(16)
    }

    /// Open shards of the stream the views draw ([`Sim::shown_stream`]).
    pub fn open_shards(&self) -> usize {
        self.world.engine().stream(self.shown_stream()).map_or(0, |s| s.open_shard_count())
    }

    /// Heap bytes the stream's record stores hold (the memory guard compares it with
    /// [`MAX_RETAINED_BYTES`]).
    pub fn retained_bytes(&self) -> u64 {
        self.world.engine().stream(self.world.stream_name()).map_or(0, |s| s.retained().1)
    }

    /// The memory guard for one frame: true when it must pause the clock now, which is when
    /// the clock runs (`paused` false) and the record stores hold more than [`MAX_RETAINED_BYTES`]. The
    /// store pauses and shows its notice only then, so the notice appears once per pause: the
    /// browser has often scheduled one more animation frame before the pause takes effect, and
    /// that frame sees a paused clock (#14: the notice was shown twice).
    pub fn memory_guard_pauses(&self, paused: bool) -> bool {
        guard_pauses(self.retained_bytes(), paused)
    }

    /// Runs `ms` simulated milliseconds (capped by the frame budget); returns what it ran.
    pub fn advance(&mut self, ms: u64) -> u64 {
        let ms = ms.min(self.frame_cap_ms());
        self.run_to(self.elapsed_ms() + ms, 0);
        ms
    }

    /// Moves the clock exactly one second ([`STEP_MS`]), whatever happens in it (unlike
    /// `Engine::step`, which moves to the next event), with no frame cap.
    pub fn step_second(&mut self) {
        self.run_to(self.elapsed_ms() + STEP_MS, 0);
    }

    /// Updates [`Sim::rates`] once at least a simulated second has passed since the last sample
    /// (every stream's shards: the views may draw any of them).
    fn sample_rates(&mut self) {
        let now = self.world.now();
        let counters: BTreeMap<StreamShard, ShardCounters> = self
            .world
            .engine()
            .streams()
            .values()
            .flat_map(|s| s.shards.iter().map(move |sh| ((s.key, sh.id), sh.counters)))
            .collect();
        match &self.sampled {
            Some((at, _)) if now.since(*at) < SECOND_MS => {}
            Some((at, before)) => {
                let secs = now.since(*at);
                let per_sec = |a: u64, b: u64| a.saturating_sub(b) * SECOND_MS / secs;
                self.rates = counters
                    .iter()
                    .map(|(id, c)| {
                        let b = before.get(id).copied().unwrap_or_default();
                        let r = ShardRates {
                            write_bytes: per_sec(c.incoming_bytes, b.incoming_bytes),
                            write_records: per_sec(c.incoming_records, b.incoming_records),
                            write_throttled: per_sec(c.write_throttled, b.write_throttled),
                            read_bytes: per_sec(c.outgoing_bytes, b.outgoing_bytes),
                            read_calls: per_sec(c.get_records_calls, b.get_records_calls),
                            read_throttled: per_sec(c.read_throttled, b.read_throttled),
                        };
                        (*id, r)
                    })
                    .collect();
                self.sampled = Some((now, counters));
            }
            None => self.sampled = Some((now, counters)),
        }
    }

    /// The recent load of a shard of the stream the views draw (zero before the first second).
    pub fn rates(&self, shard: ShardId) -> ShardRates {
        let Some(key) = self.world.engine().stream(self.shown_stream()).map(|s| s.key) else {
            return ShardRates::default();
        };
        self.rates.get(&(key, shard)).copied().unwrap_or_default()
    }

    /// Runs a world command now (add a producer, kill a worker…); on failure why.
    pub fn command(&mut self, command: Command) -> Result<(), WorldError> {
        match self.input(Input::Command(command)) {
            Answer::Command(r) => r,
            _ => Ok(()),
        }
    }

    /// Changes the first producer's rate now.
    pub fn set_rate(&mut self, per_sec: u32) {
        self.input(Input::SetRate(per_sec));
    }

    /// Changes the first producer's keys now.
    pub fn set_keys(&mut self, k: KeyMode) {
        self.input(Input::SetKeys(k));
    }

    /// Switches limits now.
    pub fn set_limits(&mut self, enabled: bool) {
        self.input(Input::SetLimits(enabled));
    }

    /// Any Kinesis API call on the running engine, now (a view's buttons, the console):
    /// AWS's JSON response, or AWS's error.
    pub fn api(&mut self, operation: &str, request: &serde_json::Value) -> Result<serde_json::Value, ApiError> {
        match self.input(Input::Api(operation.to_string(), request.clone())) {
            Answer::Api(r) => r,
            _ => Ok(serde_json::Value::Null),
        }
    }

    /// Lets `ms` of simulated time pass at once, with no frame cap (the console's `sleep`
    /// and waiters). A console line is the student acting: after a rewind, it drops the redo
    /// head first (nothing to log: the clock alone moves, and a replay moves it anyway).
    pub fn sleep(&mut self, ms: u64) {
        let now = self.elapsed_ms();
        self.timeline.drop_future(now);
        self.run_to(now + ms, 0);
    }

    /// The one way to change the simulation: logs `input` at the current instant (dropping
    /// what a rewind left after it), then applies it.
    pub fn input(&mut self, input: Input) -> Answer {
        self.timeline.record(self.elapsed_ms(), input.clone());
        self.apply(input)
    }

    /// Applies an input, unlogged: [`Sim::input`] and the replay of the log only.
    fn apply(&mut self, input: Input) -> Answer {
        let first = || self.world.producers().first().map(|p| p.spec.name.clone());
        match input {
            Input::SetRate(per_sec) => {
                if let Some(name) = first() {
                    let _ = self.world.apply(Command::SetRate { name, rate: Rate::Constant { per_sec } });
                }
                self.settings.rate = Some(per_sec);
                Answer::Done
            }
            Input::SetKeys(k) => {
                if let Some(name) = first() {
                    let _ = self.world.apply(Command::SetKeys { name, keys: k.distribution() });
                }
                self.settings.keys = Some(k);
                Answer::Done
            }
            Input::SetLimits(enabled) => {
                self.settings.limits = enabled;
                let _ = self.world.apply(Command::SetLimits { enabled });
                Answer::Done
            }
            Input::Api(operation, request) => {
                let result = self.world.call(&operation, &request);
                match &result {
                    Ok(response) => self.narrator.collect_call(&mut self.world, &operation, &request, response),
                    Err(_) => self.narrator.collect(&mut self.world, true),
                }
                Answer::Api(result)
            }
            Input::Command(command) => {
                let result = self.world.apply(command);
                self.narrator.collect(&mut self.world, true);
                Answer::Command(result)
            }
            Input::ShowStream(name) => Answer::Shown(self.apply_show_stream(&name)),
            Input::Live(line) => {
                let answer = self.world.replay_line(&line);
                let parsed: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
                let (op, request) = (parsed["op"].as_str().unwrap_or_default(), &parsed["request"]);
                match answer.get("response") {
                    Some(response) => self.narrator.collect_call(&mut self.world, op, request, response),
                    None => self.narrator.collect(&mut self.world, true),
                }
                Answer::Live(answer)
            }
        }
    }

    /// Moves the clock to `target` (simulated ms since ACTIVE): captures the checkpoints due on
    /// the way (those at or after `keep_from`: a seek skips the ones it would drop at once) and
    /// applies the logged inputs of the redo head at their instants.
    fn run_to(&mut self, target: u64, keep_from: u64) {
        loop {
            let now = self.elapsed_ms();
            if now >= keep_from && self.timeline.wants_checkpoint(now) {
                let state = self.clone();
                self.timeline.capture(now, state);
            }
            while let Some(input) = self.timeline.take_due(now) {
                self.apply(input);
            }
            if now >= target {
                break;
            }
            let next_checkpoint = (now / CHECKPOINT_INTERVAL_MS + 1) * CHECKPOINT_INTERVAL_MS;
            let next_input = self.timeline.next_due_ms().unwrap_or(u64::MAX);
            let next = target.min(next_checkpoint).min(next_input.max(now + 1));
            self.advance_chunked(next - now);
        }
        self.timeline.reached(self.elapsed_ms());
        self.sample_rates();
    }

    /// Runs `ms` in chunks of at most [`CHUNK_RECORDS`] records at the current rate, narrating
    /// after each (the engine buffers only its newest events). The world ends where one
    /// `advance_by(ms)` would: chunks change nothing it simulates.
    fn advance_chunked(&mut self, ms: u64) {
        let chunk = (CHUNK_RECORDS * SECOND_MS / self.target_rate().max(1)).max(16);
        let mut left = ms;
        while left > 0 {
            let step = left.min(chunk);
            self.world.advance_by(step);
            self.narrator.collect(&mut self.world, true);
            left -= step;
        }
    }

    /// What the simulation did lately, narrated (the status line, the event log, callouts).
    pub fn narrator(&self) -> &Narrator {
        &self.narrator
    }

    /// Goes to `at_ms` (simulated ms since ACTIVE), clamped to what the timeline reaches
    /// ([`Sim::rewind_span`]): the simulation is then exactly what a straight run to `at_ms`
    /// with the same inputs gives. Re-simulates at most one checkpoint interval (30 s) plus the
    /// inputs in it. Returns the instant reached.
    pub fn go_to(&mut self, at_ms: u64) -> u64 {
        let now = self.elapsed_ms();
        let (earliest, head) = self.rewind_span();
        let at = at_ms.clamp(earliest, head);
        let restart = self.timeline.restart_ms(at);
        // Forward within one interval: run on from here, no restore needed.
        let run_on = now <= at && restart.is_some_and(|r| r <= now);
        if !run_on {
            let Some((_, state)) = self.timeline.restore(at) else { return now };
            let timeline = std::mem::take(&mut self.timeline);
            *self = state;
            self.timeline = timeline;
        }
        self.run_to(at, 0);
        self.elapsed_ms()
    }

    /// Goes back `ms` ("−10 s"), no further than the oldest checkpoint; returns the instant.
    pub fn rewind(&mut self, ms: u64) -> u64 {
        self.go_to(self.elapsed_ms().saturating_sub(ms))
    }

    /// The instants a rewind can reach now, ms since ACTIVE: from the oldest checkpoint to the
    /// furthest instant reached (after a rewind, the redo head's end). Shorter than
    /// [`SPAN_MS`] while the simulation is young or after a seek.
    pub fn rewind_span(&self) -> (u64, u64) {
        let now = self.elapsed_ms();
        (self.timeline.earliest_ms().min(now), self.timeline.head_ms().max(now))
    }

    /// Checkpoints and logged inputs held now (the bounds' evidence).
    pub fn timeline_len(&self) -> (usize, usize) {
        (self.timeline.checkpoint_count(), self.timeline.log_len())
    }

    /// Plays forward toward `target` (a `t=` link) by at most `chunk_ms`, with no frame cap:
    /// one piece of a seek spread over animation frames. Keeps only the checkpoints of the
    /// last [`SPAN_MS`] before `target`. Returns true once the clock is at `target`.
    pub fn seek_toward(&mut self, target: u64, chunk_ms: u64) -> bool {
        let to = target.min(self.elapsed_ms().saturating_add(chunk_ms.max(1)));
        self.run_to(to, target.saturating_sub(SPAN_MS));
        self.elapsed_ms() >= target
    }

    /// The determinism digest, hex.
    pub fn digest(&self) -> String {
        format!("{:016x}", self.world.digest())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::route::UrlState;
    use crate::ui::snapshot::Totals;

    fn settings() -> Settings {
        Settings { seed: 7, shards: Some(4), rate: Some(50), ..Settings::default() }
    }

    #[test]
    fn same_settings_same_digest_and_steps_equal_frames() {
        let mut a = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        let mut b = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..5 {
            a.step_second();
        }
        // The same 5 s in uneven frames.
        for ms in [16, 17, 1_000, 2_967, 1_000] {
            b.advance(ms);
        }
        assert_eq!(a.elapsed_ms(), b.elapsed_ms());
        assert_eq!(a.digest(), b.digest());
        let mut c = Sim::new(Settings { seed: 8, ..settings() }).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..5 {
            c.step_second();
        }
        assert_ne!(a.digest(), c.digest());
    }

    /// The determinism fixture shared with the browser test (`tests/web.rs`): the same link and
    /// steps must give this digest natively and in wasm. `UPDATE_FIXTURES=1` rewrites it after a
    /// deliberate change of the simulation.
    #[test]
    fn the_web_fixture_digest_matches_natively() {
        const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web-digest.json");
        let text = std::fs::read_to_string(PATH).unwrap_or_default();
        let fixture: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let hash = fixture["hash"].as_str().unwrap_or("#/overview?seed=7&shards=4&rate=50");
        let steps = fixture["steps"].as_u64().unwrap_or(10);
        let (url, notes) = UrlState::parse(hash, "");
        assert_eq!(notes, vec![]);
        let mut sim = Sim::new(url.sim).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..steps {
            sim.step_second();
        }
        let digest = sim.digest();
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            let accepted = Totals::of(sim.world()).accepted;
            let out = serde_json::json!({"hash": hash, "steps": steps, "digest": digest, "accepted": accepted});
            std::fs::write(PATH, format!("{out}\n")).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(
            fixture["digest"].as_str(),
            Some(digest.as_str()),
            "run with UPDATE_FIXTURES=1 after a deliberate change"
        );
    }

    #[test]
    fn a_hostile_stream_name_gets_aws_s_validation_error() {
        let s = Settings { stream_name: Some("<img src=x onerror=alert(1)>".into()), ..settings() };
        let Err(Msg::AwsError { error, message }) = Sim::new(s).map(|_| ()) else {
            panic!("accepted a bad name");
        };
        assert_eq!(error, ErrorType::ValidationException);
        assert!(
            message.contains("Value '<img src=x onerror=alert(1)>' at 'streamName' failed to satisfy constraint"),
            "{message}"
        );
    }

    /// #14: the guard's notice was pushed by every frame above the limit, including the frame
    /// the browser ran after the pause. Only the frame that finds the clock running pauses it.
    #[test]
    fn the_memory_guard_pauses_once_and_only_a_running_clock() {
        let over = MAX_RETAINED_BYTES + 1;
        // Frames as the store sees them: running above the limit, then the late frame (paused).
        let mut paused = false;
        let mut notices = 0;
        for retained in [MAX_RETAINED_BYTES, over, over, over] {
            if guard_pauses(retained, paused) {
                paused = true;
                notices += 1;
            }
        }
        assert!(paused);
        assert_eq!(notices, 1);
        assert!(!guard_pauses(MAX_RETAINED_BYTES, false), "at the limit it keeps running");
        let sim = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!sim.memory_guard_pauses(false), "an empty stream never trips it");
    }

    #[test]
    fn live_changes_apply_at_the_current_instant() {
        let mut sim = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        sim.step_second();
        sim.set_rate(200);
        sim.set_keys(KeyMode::Hot);
        sim.step_second();
        assert_eq!(Totals::of(sim.world()).accepted, 250);
        assert_eq!(sim.frame_cap_ms(), 100_000, "20,000 records at 200 records/s");
        assert_eq!((sim.settings().rate, sim.settings().keys), (Some(200), Some(KeyMode::Hot)));
    }

    fn call(sim: &mut Sim, op: &str, request: serde_json::Value) {
        sim.api(op, &request).unwrap_or_else(|e| panic!("{op}: {e}"));
    }

    #[test]
    fn the_views_show_a_stream_picked_until_it_is_deleted_then_the_scenario_s() {
        let mut sim = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        let scenario = sim.world().stream_name().to_string();
        assert_eq!((sim.shown_stream(), sim.shows_scenario_stream()), (scenario.as_str(), true));
        assert_eq!(sim.stream_names(), vec![scenario.clone()]);
        assert!(!sim.show_stream("Foo"), "no such stream yet");
        assert_eq!(sim.shown_stream(), scenario);

        call(&mut sim, "CreateStream", serde_json::json!({"StreamName": "Foo", "ShardCount": 1}));
        assert_eq!(sim.stream_names(), vec![scenario.clone(), "Foo".to_string()], "the scenario's first");
        assert!(sim.show_stream("Foo"), "CREATING streams can be shown");
        sim.sleep(10 * SECOND_MS);
        assert_eq!((sim.shown_stream(), sim.shows_scenario_stream()), ("Foo", false));
        assert_eq!(sim.open_shards(), 1, "the shown stream's, not the scenario's 4");
        call(
            &mut sim,
            "PutRecord",
            serde_json::json!({"StreamName": "Foo", "PartitionKey": "123", "Data": "dGVzdGRhdGE="}),
        );
        sim.step_second();
        assert_eq!(sim.rates(ShardId(0)).write_records, 1, "Foo's shard: one record in the last second");
        assert!(sim.show_stream(&scenario));
        assert!(sim.rates(ShardId(0)).write_records > 1, "the scenario's shard 0: its producer's share of 50/s");
        assert!(sim.show_stream("Foo"));

        // Deleting: still shown; gone: the scenario's again, and a new Foo is another stream.
        call(&mut sim, "DeleteStream", serde_json::json!({"StreamName": "Foo"}));
        assert_eq!(sim.shown_stream(), "Foo");
        sim.sleep(10 * SECOND_MS);
        assert_eq!(sim.shown_stream(), scenario);
        assert!(sim.shows_scenario_stream());
        call(&mut sim, "CreateStream", serde_json::json!({"StreamName": "Foo", "ShardCount": 2}));
        assert_eq!(sim.shown_stream(), scenario, "the picked stream was deleted");
        assert!(sim.show_stream("Foo"));
        assert!(sim.show_stream(&scenario), "the scenario's name brings it back");
        assert_eq!(sim.shown_stream(), scenario);
    }

    #[test]
    fn another_stream_shown_leaves_the_scenario_s_apps_out_of_the_views() {
        use crate::ui::views::flow::snapshot::{recent_list, FlowSnapshot};
        use crate::ui::views::retention::snapshot::{RetentionSnapshot, MAX_MARKS};
        let mut sim = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        let scenario = sim.world().stream_name().to_string();
        call(&mut sim, "CreateStream", serde_json::json!({"StreamName": "Foo", "ShardCount": 1}));
        sim.sleep(10 * SECOND_MS);
        call(
            &mut sim,
            "PutRecord",
            serde_json::json!({"StreamName": "Foo", "PartitionKey": "123", "Data": "dGVzdGRhdGE="}),
        );
        let flow = FlowSnapshot::of(&sim, 10_000, 48);
        assert_eq!((flow.stream_name.as_str(), flow.scenario_stream.as_ref()), (scenario.as_str(), None));
        assert!(!flow.consumers.is_empty());
        assert!(sim.show_stream("Foo"));
        let flow = FlowSnapshot::of(&sim, 10_000, 48);
        assert_eq!((flow.stream_name.as_str(), flow.scenario_stream.as_deref()), ("Foo", Some(scenario.as_str())));
        assert!(flow.producers.is_empty() && flow.consumers.is_empty() && flow.totals == Totals::default());
        assert_eq!(flow.shards.len(), 1);
        assert!(flow.shards[0].row.dots.iter().any(|d| d.yours));
        let recent = recent_list(&sim);
        assert_eq!(recent.len(), 1);
        assert!(recent[0].yours && recent[0].partition_key == "123");
        let ret = RetentionSnapshot::of(&sim, MAX_MARKS);
        assert_eq!((ret.stream_name.as_str(), ret.consumers.len(), ret.records_per_sec), ("Foo", 0, 0));
        assert_eq!(ret.rows.len(), 1);
        assert_eq!(ret.rows[0].marks.iter().filter(|m| m.yours).count(), 1);
    }

    #[test]
    fn records_of_yours_in_the_scenario_s_stream_lead_the_lists_and_stay_marked() {
        use crate::ui::views::flow::snapshot::{recent_list, Selected, RECENT};
        use crate::ui::views::hashing::snapshot::SnapshotCache;
        use crate::ui::views::retention::snapshot::{RetentionSnapshot, MAX_MARKS};
        let sim = std::rc::Rc::new(std::cell::RefCell::new(Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"))));
        sim.borrow_mut().step_second();
        let mut cache = SnapshotCache::default();
        let before = cache.get(&sim);
        assert!(before.yours.is_empty() && before.scenario_stream.is_none());
        let stream = sim.borrow().world().stream_name().to_string();
        let req = serde_json::json!({"StreamName": stream, "PartitionKey": "123", "Data": "dGVzdGRhdGE="});
        sim.borrow_mut().api("PutRecord", &req).unwrap_or_else(|e| panic!("{e}"));
        // Paused (same clock): the hashing view reads its records again at once.
        let after = cache.get(&sim);
        assert_eq!(after.yours.len(), 1);
        assert_eq!(after.yours[0].partition_key, "123");
        assert!(after.recent.iter().any(|r| r.yours), "the newest records include it");
        for _ in 0..3 {
            sim.borrow_mut().step_second();
        }
        let s = sim.borrow();
        let list = recent_list(&s);
        assert!(list[0].yours, "listed first while retained");
        assert_eq!(list.len(), RECENT + 1);
        assert_eq!(list.iter().filter(|r| r.yours).count(), 1);
        let picked = Selected::of(&s, list[0].shard, list[0].position);
        assert!(picked.record.is_some_and(|r| r.yours));
        let ret = RetentionSnapshot::of(&s, MAX_MARKS);
        let marked: Vec<_> =
            ret.rows.iter().flat_map(|r| r.marks.iter().filter(|m| m.yours).map(move |m| (r.id, m.position))).collect();
        assert_eq!(marked, vec![(list[0].shard, list[0].position)]);
        assert!(!ret.consumers.is_empty(), "the scenario's stream: its consumers are shown");
    }
}
