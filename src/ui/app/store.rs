//! The app's state and its reducer (`use_reducer`, STYLE rule 9).
//!
//! The world is large and changes every frame, so the store holds it behind `Rc<RefCell<Sim>>`
//! and every action returns a new `Rc<Store>` with a bumped `version`: components compare
//! versions, and views get plain snapshots. Timers and animation-frame handles live in hooks,
//! never here.

use crate::console::CliVersion;
use crate::engine::EngineConfig;
use crate::i18n::app::{Msg, Text};
use crate::i18n::{Lang, Phrase};
use crate::ui::answers::{ApiOutcome, PipelineOutcome, ShardRead};
use crate::ui::console::Session;
use crate::ui::learn::model::Place;
use crate::ui::learn::predict::{reveal, Outcome, Question};
use crate::ui::live::{ConfigOutcome, Connection, LiveEvent, LiveFeed};
use crate::ui::pacer::{Pacer, SimBudget};
use crate::ui::route::{Panel, UrlState, View, MAX_RATE, MAX_SEED, MAX_SHARDS};
use crate::ui::sim::{KeyMode, Settings, Sim};
use crate::ui::timeline::{Seek, REWIND_STEP_MS};
use crate::world::presets::Preset;
use crate::world::scenario::Command;
use std::cell::RefCell;
use std::rc::Rc;

/// A notice shown above the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A fixed text.
    Text(Text),
    /// A message with values.
    Msg(Msg),
}

/// The app's state.
#[derive(Clone, Debug)]
pub struct Store {
    /// The running simulation.
    pub sim: Rc<RefCell<Sim>>,
    /// Bumped by every action.
    pub version: u64,
    /// View and settings, as the URL carries them (and the stream name typed, which links never
    /// carry): the world is rebuilt from `url.sim`.
    pub url: UrlState,
    /// The language in use.
    pub lang: Lang,
    /// Clock speed and pause.
    pub pacer: Pacer,
    /// Notices to show.
    pub notices: Vec<Notice>,
    /// The stream name as typed.
    pub stream_name: String,
    /// AWS's answer to a refused stream name.
    pub stream_error: Option<Msg>,
    /// The last frames ran slower than asked (the per-frame work cap).
    pub capped: bool,
    /// How much simulated time a frame's simulation budget holds (learnt frame by frame).
    pub budget: SimBudget,
    /// The last API call a view made: operation, request, and AWS's response or error.
    pub last_api: Option<ApiOutcome>,
    /// The last read of the retention view's iterator panel (cleared when the world is rebuilt
    /// or the view changes).
    pub last_read: Option<ShardRead>,
    /// The last pipeline step and whether the pipelines refused it (the pipelines view
    /// explains a refusal by its code next to the buttons, instead of a notice).
    pub last_pipeline: Option<PipelineOutcome>,
    /// The console's session (shell, scrollback), behind a `RefCell` like the world: it is
    /// large, and every action clones the store.
    pub console: Rc<RefCell<Session>>,
    /// The learn path's last prediction played out: the question and what the simulation did.
    pub revealed: Option<(Question, Outcome)>,
    /// A `t=` link being played forward, a piece per animation frame (the clock is paused
    /// meanwhile; the timeline shows its progress).
    pub seek: Option<Seek>,
    /// Live mode (`?live=1`): the local endpoint's command log as it arrives, behind a
    /// `RefCell` like the world (it holds the calls not yet applied).
    pub live: Option<Rc<RefCell<LiveFeed>>>,
}

/// Records one `GetRecords` call asks for in the iterator panel (`Limit`).
pub const READ_LIMIT: u32 = 100;

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && Rc::ptr_eq(&self.sim, &other.sim)
    }
}

/// What can happen to the store.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An animation frame, `wall_us` after the previous one.
    Frame(u64),
    /// Play or pause.
    TogglePlay,
    /// One step.
    Step,
    /// Back to time 0.
    Reset,
    /// Clock speed, per-mille.
    SetSpeed(u64),
    /// Seed field.
    SetSeed(String),
    /// Scenario picker.
    SetScenario(Preset),
    /// Shard count field.
    SetShards(String),
    /// Rate field.
    SetRate(String),
    /// Key distribution.
    SetKeys(KeyMode),
    /// Limits switch.
    SetLimits(bool),
    /// Stream name field.
    SetStreamName(String),
    /// Language.
    SetLang(Lang),
    /// View tab.
    SetView(View),
    /// The pipelines view's panel shown alone (`None`: both).
    SetPanel(Option<Panel>),
    /// One card of the view shown alone (`None`: the whole view).
    SetCard(Option<crate::ui::route::Card>),
    /// The hashing view's PartitionKey and ExplicitHashKey fields, as typed: they go into the
    /// link, and the world is not rebuilt.
    SetKey(String, String),
    /// The hash changed (a link was opened in this tab).
    FromUrl(UrlState, Vec<Msg>),
    /// Dismiss notice `i`.
    Dismiss(usize),
    /// A Kinesis API call on the running stream (`StreamName` is filled in when missing).
    Api(String, serde_json::Value),
    /// A world action now: add or stop a producer, change its rate or keys, add or remove a
    /// consumer, kill or add a worker.
    World(Command),
    /// `GetShardIterator` with this request (`StreamName` filled in when missing), then
    /// `GetRecords` (`Limit` [`READ_LIMIT`]) with the iterator it returns: [`Store::last_read`].
    ReadFrom(serde_json::Value),
    /// `GetRecords` again with the last read's iterator (nothing without one).
    ReadAgain,
    /// Lines typed at the console's prompt (a paste may hold several), run in order now.
    Console(String),
    /// Empty the console's scrollback (Ctrl+L).
    ConsoleClear,
    /// The AWS CLI the console emulates.
    SetCli(CliVersion),
    /// The stream the views draw: one of the engine's streams by name (the scenario's name,
    /// or a name no stream has, brings back the scenario's).
    ShowStream(String),
    /// Opens the learn path at a step (`None`: its start page): builds `settings` when they
    /// differ from the running world's, opens the console's tutorial level at `console_step`,
    /// and starts the clock when `play`.
    OpenLesson {
        /// The step.
        place: Option<Place>,
        /// The world the step runs.
        settings: Settings,
        /// The console tutorial's step shown (from 1).
        console_step: Option<u8>,
        /// Start the clock.
        play: bool,
    },
    /// Plays a prediction's question out in the simulation: [`Store::revealed`].
    Reveal(Question),
    /// "−10 s": back [`REWIND_STEP_MS`] (pauses).
    Rewind,
    /// The scrubber: to this instant, simulated ms since ACTIVE (pauses).
    GoTo(u64),
    /// Live mode: an event of the endpoint's log.
    Live(LiveEvent),
    /// Live mode: an event that was not understood.
    LiveRejected,
    /// Live mode: the EventSource's state changed.
    LiveConnection(Connection),
    /// Live mode: open the log again (after the browser gave up), from the last call applied.
    LiveReconnect,
}

fn get_records(iterator: &str) -> serde_json::Value {
    serde_json::json!({ "ShardIterator": iterator, "Limit": READ_LIMIT })
}

fn field_number(text: &str, min: u64, max: u64) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<u64>().ok().filter(|v| (min..=max).contains(v))
}

impl Store {
    /// The store for a URL and a language.
    pub fn new(url: UrlState, lang: Lang, notes: Vec<Msg>) -> Self {
        let cli = url.cli;
        let live = url.live.as_deref().map(|path| Rc::new(RefCell::new(LiveFeed::new(path))));
        let built = match live {
            // The endpoint's own config arrives first on the log; until then, the defaults.
            Some(_) => Ok(Sim::live(EngineConfig::default())),
            None => Sim::new(url.sim.clone()),
        };
        let (sim, mut notices) = match built {
            Ok(sim) => (sim, Vec::new()),
            Err(m) => (Self::fallback_sim(), vec![Notice::Msg(m)]),
        };
        notices.extend(notes.into_iter().map(Notice::Msg));
        let stream_name = sim.world().stream_name().to_string();
        let seek = url.seek_ms.filter(|t| *t > 0).map(Seek::to);
        let mut pacer = Pacer::new(url.speed_milli);
        // A seek pauses until it lands, then plays if the link says so; the live window runs.
        pacer.paused = (!url.autoplay || seek.is_some()) && live.is_none();
        Self {
            sim: Rc::new(RefCell::new(sim)),
            version: 0,
            pacer,
            seek,
            url,
            lang,
            notices,
            stream_name,
            stream_error: None,
            capped: false,
            budget: SimBudget::default(),
            last_api: None,
            last_read: None,
            last_pipeline: None,
            console: Rc::new(RefCell::new(Session::new(cli))),
            revealed: None,
            live,
        }
    }

    /// Live mode: a new live world with `config` (the log is replayed into it from call 0).
    fn rebuild_live(&mut self, config: EngineConfig) {
        self.sim = Rc::new(RefCell::new(Sim::live(config)));
        self.stream_name = String::new();
        self.last_read = None;
        self.last_pipeline = None;
        self.console.borrow_mut().restart();
        (self.url.seek_ms, self.seek) = (None, None);
    }

    /// The default world: it always builds (`ui::sim` tests build it natively). Were a preset
    /// ever broken, aborting is the only honest answer left.
    fn fallback_sim() -> Sim {
        match Sim::new(UrlState::default().sim) {
            Ok(s) => s,
            Err(_) => std::process::abort(),
        }
    }

    /// Rebuilds the world from the current settings (time 0); with a `stream_name`, from the
    /// current settings with that name, which they keep only if AWS accepts it.
    fn rebuild(&mut self, stream_name: Option<String>) {
        if let Some(live) = self.live.clone() {
            // Reset in the live window: replay the endpoint's log from its first call.
            let config = live.borrow().config.clone().unwrap_or_default();
            live.borrow_mut().restart();
            self.rebuild_live(config);
            return;
        }
        let mut settings = self.url.sim.clone();
        if stream_name.is_some() {
            settings.stream_name = stream_name;
        }
        match Sim::new(settings.clone()) {
            Ok(sim) => {
                self.url.sim = settings;
                self.stream_name = sim.world().stream_name().to_string();
                self.stream_error = None;
                self.sim = Rc::new(RefCell::new(sim));
                self.last_read = None;
                self.last_pipeline = None;
                self.console.borrow_mut().restart();
                // The link's starting point no longer describes this world.
                self.url.seek_ms = None;
                self.seek = None;
            }
            Err(m) => self.stream_error = Some(m),
        }
    }

    /// Goes to `ms` on the timeline (the scrubber, −10 s), ending a seek; the settings the
    /// side panel shows follow the simulation back (a rate changed later is not in force then).
    fn go_to(&mut self, ms: u64) {
        self.seek = None;
        let mut sim = self.sim.borrow_mut();
        sim.go_to(ms);
        let settings = sim.settings();
        (self.url.sim.rate, self.url.sim.keys, self.url.sim.limits) = (settings.rate, settings.keys, settings.limits);
        drop(sim);
        self.last_read = None;
    }

    /// One animation frame of a `t=` seek: a piece of it, then, once there, pause (or play
    /// with `autoplay=1`). The memory guard stops it like a running clock.
    fn seek_frame(&mut self) {
        let Some(seek) = self.seek else { return };
        let mut sim = self.sim.borrow_mut();
        let chunk = seek.chunk_ms(sim.target_rate());
        let started = js_sys::Date::now();
        let done = sim.seek_toward(seek.target_ms, chunk);
        // Saturating float-to-int conversion: a clock going backwards counts as 0 ms.
        let took = (js_sys::Date::now() - started) as u64;
        let guard = sim.memory_guard_pauses(false);
        drop(sim);
        self.seek = Some(seek.adapted(chunk, took));
        if done || guard {
            self.seek = None;
            self.pacer.paused = !self.url.autoplay || guard;
        }
        if guard {
            let notice = Notice::Text(Text::MemoryPaused);
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
    }

    fn bad_field(&mut self, field: Text, value: &str, allowed: String) {
        let m = Msg::BadField { field: field.text(self.lang), value: value.to_string(), allowed };
        self.notices.retain(|n| !matches!(n, Notice::Msg(Msg::BadField { .. })));
        self.notices.push(Notice::Msg(m));
    }
}

/// The page's clock, µs (`performance.now()`; the Date clock, ms, where it is missing). Only
/// the frame budget reads it: wall time never reaches the simulation.
fn now_us() -> u64 {
    let ms = web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now());
    // Saturating float-to-int conversion: a NaN counts as 0.
    (ms * 1_000.0) as u64
}

impl yew::Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.version += 1;
        match action {
            Action::Frame(_) if s.seek.is_some() => s.seek_frame(),
            Action::Frame(wall_us) if s.live.is_some() => {
                let want = s.pacer.advance(wall_us);
                if let Some(live) = &s.live {
                    live.borrow_mut().advance(&mut s.sim.borrow_mut(), want);
                }
            }
            Action::Frame(wall_us) => {
                let want = s.pacer.advance(wall_us);
                let mut sim = s.sim.borrow_mut();
                let started = now_us();
                let ran = sim.advance(want.min(s.budget.cap_ms()));
                s.budget.observe(wall_us, ran, now_us().saturating_sub(started));
                s.capped = ran < want;
                // `want` is 0 once paused, but a frame the browser scheduled before the pause
                // still arrives: the guard pauses, and speaks, only while the clock runs.
                if sim.memory_guard_pauses(s.pacer.paused) {
                    s.pacer.paused = true;
                    let notice = Notice::Text(Text::MemoryPaused);
                    if !s.notices.contains(&notice) {
                        s.notices.push(notice);
                    }
                }
            }
            Action::TogglePlay => s.pacer.paused = !s.pacer.paused,
            Action::Step => {
                s.pacer.paused = true;
                s.sim.borrow_mut().step_second();
            }
            Action::Reset => {
                s.pacer.paused = true;
                s.rebuild(None);
            }
            Action::SetSpeed(v) => {
                s.pacer.speed_milli = v;
                s.url.speed_milli = v;
            }
            Action::SetSeed(text) => match field_number(&text, 0, MAX_SEED) {
                Some(v) => {
                    s.url.sim.seed = v;
                    s.rebuild(None);
                }
                None => s.bad_field(Text::Seed, &text, format!("0–{MAX_SEED}")),
            },
            Action::SetScenario(preset) => {
                s.url.sim.scenario = preset;
                s.url.sim.shards = None;
                s.url.sim.rate = None;
                s.url.sim.keys = None;
                s.rebuild(None);
            }
            Action::SetShards(text) => match field_number(&text, 1, u64::from(MAX_SHARDS)) {
                Some(v) => {
                    s.url.sim.shards = u32::try_from(v).ok();
                    s.rebuild(None);
                }
                None => s.bad_field(Text::Shards, &text, format!("1–{MAX_SHARDS}")),
            },
            Action::SetRate(text) => match field_number(&text, 0, u64::from(MAX_RATE)) {
                Some(v) => {
                    let v = u32::try_from(v).unwrap_or(MAX_RATE);
                    s.url.sim.rate = Some(v);
                    s.sim.borrow_mut().set_rate(v);
                }
                None => s.bad_field(Text::Rate, &text, format!("0–{MAX_RATE}")),
            },
            Action::SetKeys(k) => {
                s.url.sim.keys = Some(k);
                s.sim.borrow_mut().set_keys(k);
            }
            Action::SetLimits(on) => {
                s.url.sim.limits = on;
                s.sim.borrow_mut().set_limits(on);
            }
            Action::SetStreamName(name) => {
                s.stream_name = name.clone();
                s.rebuild(Some(name));
            }
            Action::SetLang(l) => {
                s.lang = l;
                s.url.lang = Some(l);
            }
            Action::SetView(v) => {
                s.url.view = v;
                s.last_read = None;
                s.url.panel = None;
                s.url.card = None;
            }
            Action::SetCard(card) => s.url.card = card,
            Action::SetKey(pk, ehk) => {
                s.url.pk = Some(pk);
                s.url.ehk = Some(ehk);
            }
            Action::SetPanel(p) => s.url.panel = p,
            Action::FromUrl(url, notes) if url.live.is_some() && url.live == s.url.live => {
                // The same live window: keep its world and its log, take the view and language.
                s.lang = url.lang.unwrap_or(s.lang);
                s.notices.extend(notes.into_iter().map(Notice::Msg));
                s.url = UrlState { sim: s.url.sim.clone(), ..url };
            }
            Action::FromUrl(url, notes) => {
                let lang = url.lang.unwrap_or(s.lang);
                let paused = s.pacer.paused;
                let mut fresh = Store::new(url, lang, notes);
                fresh.version = s.version;
                // A `t=` seek pauses until it lands and `autoplay=1` plays; otherwise the clock
                // keeps its state.
                if fresh.seek.is_none() && !fresh.url.autoplay {
                    fresh.pacer.paused = paused;
                }
                s = fresh;
            }
            Action::Api(operation, mut request) => {
                // A view's button acts on the stream the view draws.
                let stream = s.sim.borrow().shown_stream().to_string();
                if let Some(obj) = request.as_object_mut() {
                    obj.entry("StreamName").or_insert(serde_json::Value::from(stream));
                }
                let result = s.sim.borrow_mut().api(&operation, &request);
                s.last_api = Some(ApiOutcome { operation, request, result, version: s.version });
            }
            Action::ReadFrom(mut request) => {
                let mut sim = s.sim.borrow_mut();
                let stream = sim.shown_stream().to_string();
                if let Some(obj) = request.as_object_mut() {
                    obj.entry("StreamName").or_insert(serde_json::Value::from(stream));
                }
                let issued_ms = sim.elapsed_ms();
                let read = match sim.api("GetShardIterator", &request) {
                    Err(e) => ShardRead { iterator: None, issued_ms, answer: Err(e) },
                    Ok(it) => {
                        let iterator = it["ShardIterator"].as_str().unwrap_or_default().to_string();
                        let answer = sim.api("GetRecords", &get_records(&iterator));
                        ShardRead { iterator: Some(iterator), issued_ms, answer }
                    }
                };
                drop(sim);
                s.last_read = Some(read);
            }
            Action::ReadAgain => {
                let iterator = s.last_read.as_ref().and_then(|r| r.iterator.clone());
                if let (Some(it), Some(read)) = (iterator, s.last_read.as_mut()) {
                    read.answer = s.sim.borrow_mut().api("GetRecords", &get_records(&it));
                }
            }
            Action::World(Command::Pipeline { action }) => {
                let result = s.sim.borrow_mut().command(Command::Pipeline { action: action.clone() });
                s.last_pipeline = Some(PipelineOutcome { action, result, version: s.version });
            }
            Action::World(command) => {
                if let Err(e) = s.sim.borrow_mut().command(command) {
                    s.notices.push(Notice::Msg(Msg::World(e)));
                }
            }
            Action::Console(text) => {
                let lang = s.lang;
                s.console.borrow_mut().run(&text, &mut s.sim.borrow_mut(), lang);
                s.url.cmd = None;
            }
            Action::ConsoleClear => s.console.borrow_mut().clear(),
            Action::SetCli(v) => {
                s.console.borrow_mut().version = v;
                s.url.cli = v;
            }
            Action::ShowStream(name) => {
                let mut sim = s.sim.borrow_mut();
                let before = sim.shown_stream().to_string();
                sim.show_stream(&name);
                if sim.shown_stream() != before {
                    // The iterator panel's last read named the other stream's shards.
                    s.last_read = None;
                }
            }
            Action::OpenLesson { place, settings, console_step, play } => {
                s.url.view = View::Learn;
                s.url.learn = place;
                s.url.panel = None;
                s.url.step = console_step;
                s.last_read = None;
                s.revealed = None;
                if s.url.sim != settings {
                    s.url.sim = settings;
                    s.rebuild(None);
                }
                if play {
                    s.pacer.paused = false;
                }
            }
            Action::Reveal(question) => {
                let outcome = reveal(&question, &mut s.sim.borrow_mut());
                s.revealed = Some((question, outcome));
            }
            Action::Rewind => {
                s.pacer.paused = true;
                let back = s.sim.borrow().elapsed_ms().saturating_sub(REWIND_STEP_MS);
                s.go_to(back);
            }
            Action::GoTo(ms) => {
                s.pacer.paused = true;
                s.go_to(ms);
            }
            Action::Live(event) => {
                let Some(live) = s.live.clone() else { return Rc::new(s) };
                let outcome = live.borrow_mut().receive(event);
                if let Some(ConfigOutcome::Rebuild(config, speed_milli)) = outcome {
                    s.pacer.speed_milli = speed_milli;
                    s.rebuild_live(config);
                }
            }
            Action::LiveRejected => {
                if let Some(live) = &s.live {
                    live.borrow_mut().reject();
                }
            }
            Action::LiveConnection(c) => {
                if let Some(live) = &s.live {
                    live.borrow_mut().connection = c;
                }
            }
            Action::LiveReconnect => {
                if let Some(live) = &s.live {
                    live.borrow_mut().reopen();
                }
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        Rc::new(s)
    }
}
