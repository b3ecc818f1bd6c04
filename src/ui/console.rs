//! The console's session on the running simulation: the shell, the scrollback, and the host
//! that connects `console` to the world (every call goes through [`World::call`], so the digest
//! covers it and the views see its records).
//!
//! A console line is a command of the simulation like a button press: it runs at the
//! simulated time it is entered. The same seed and the same lines at the same times give the
//! same outputs and the same digest (`tests/console.rs`).
//!
//! [`World::call`]: crate::world::World::call

use crate::console::shell::{Ran, Shell};
use crate::console::{CliVersion, Host, Settings};
use crate::engine::error::ApiError;
use crate::i18n::console_shell::ConsoleNote;
use crate::i18n::{Lang, Message};
use crate::ui::sim::Sim;
use serde_json::Value;

/// Entries the scrollback keeps (older ones are dropped; `history` keeps every line).
pub const MAX_ENTRIES: usize = 400;

/// One line run, as the scrollback shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Unique in the session (a list key).
    pub id: u64,
    /// Simulated ms since the stream became ACTIVE when the line ran.
    pub at_ms: u64,
    /// The line and what it did.
    pub ran: Ran,
}

/// The console's state: shell, scrollback and the emulated CLI.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    /// Variables, history, `$?`.
    pub shell: Shell,
    /// What was run, oldest first (at most [`MAX_ENTRIES`]).
    pub entries: Vec<Entry>,
    /// The emulated AWS CLI.
    pub version: CliVersion,
    next_id: u64,
}

/// The world seen through the console's [`Host`].
struct SimHost<'a>(&'a mut Sim);

impl Host for SimHost<'_> {
    fn call(&mut self, operation: &str, request: &Value) -> Result<Value, ApiError> {
        self.0.api(operation, request)
    }

    fn sleep(&mut self, ms: u64) {
        self.0.sleep(ms);
    }

    fn region(&self) -> String {
        self.0.world().engine().config().region.clone()
    }

    fn stream_names(&self) -> Vec<String> {
        self.0.world().engine().streams().keys().cloned().collect()
    }

    fn shard_ids(&self, stream: &str) -> Vec<String> {
        self.0
            .world()
            .engine()
            .stream(stream)
            .map_or_else(Vec::new, |s| s.shards.iter().map(|sh| sh.id.to_string()).collect())
    }
}

impl Session {
    /// An empty session emulating `version`.
    pub fn new(version: CliVersion) -> Self {
        Session { version, ..Session::default() }
    }

    /// Runs `text` on `sim`: each of its lines in order (a paste of several lines runs them
    /// all), each as an entry of the scrollback.
    pub fn run(&mut self, text: &str, sim: &mut Sim, lang: Lang) {
        for line in text.lines() {
            let at_ms = sim.elapsed_ms();
            let settings = Settings { version: self.version, lang };
            let mut ran = self.shell.run(line, &mut SimHost(sim), settings);
            if let Some(note) = time_note(&ran) {
                ran.outcome.notes.push(note.text(lang));
            }
            if ran.clear {
                self.entries.clear();
                continue;
            }
            self.entries.push(Entry { id: self.next_id, at_ms, ran });
            self.next_id += 1;
            if self.entries.len() > MAX_ENTRIES {
                let extra = self.entries.len() - MAX_ENTRIES;
                self.entries.drain(..extra);
            }
        }
    }

    /// Tab completion of `line` on `sim` (streams and shards of the world).
    pub fn complete(line: &str, sim: &mut Sim) -> (String, Vec<String>) {
        crate::console::complete::complete(line, &SimHost(sim), &crate::console::cli::options_of)
    }

    /// Empties the scrollback (Ctrl+L); variables and history stay.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// A fresh session on a rebuilt world: variables and scrollback go (they named what the
    /// old world held), the history and the emulated CLI stay.
    pub fn restart(&mut self) {
        let history = self.shell.history().to_vec();
        *self = Session { version: self.version, next_id: self.next_id, ..Session::default() };
        self.shell.set_history(history);
    }
}

/// The note that tells how to let time pass, when an answer shows a stream still changing
/// state (CREATING, UPDATING, DELETING) or an operation was refused because of it.
fn time_note(ran: &Ran) -> Option<ConsoleNote> {
    let status = ran.outcome.exchanges.iter().rev().find_map(|x| match &x.response {
        Ok(v) => v
            .pointer("/StreamDescription/StreamStatus")
            .or_else(|| v.pointer("/StreamDescriptionSummary/StreamStatus"))
            .and_then(Value::as_str)
            .map(str::to_string),
        Err(e) if e.error_type.as_str() == "ResourceInUseException" => Some("IN_USE".to_string()),
        Err(_) => None,
    })?;
    match status.as_str() {
        "CREATING" => Some(ConsoleNote::Creating),
        "UPDATING" => Some(ConsoleNote::Updating),
        "DELETING" => Some(ConsoleNote::Deleting),
        "IN_USE" => Some(ConsoleNote::InUse),
        _ => None,
    }
}
