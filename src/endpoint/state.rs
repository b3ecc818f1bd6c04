//! The `--state FILE`: the command log on disk, so a restart loses nothing acknowledged.
//!
//! Format (JSON lines): the first line is `{"config": <EngineConfig>, "speed": <f64>}`; every
//! other line is one replay line of `src/engine/replay.rs`
//! (`{"at_ms": …, "op": …, "request": {…}}`), appended and flushed before the answer is sent.
//! On start the file is read back: the config line rebuilds the engine, each replay line is run
//! through [`replay::run_line`](crate::engine::replay::run_line) (deterministic, so the engine is
//! the one that answered), and the virtual clock continues from the last logged instant. A line
//! that is not a replay line (a torn tail after a crash, a hand edit) is reported and dropped,
//! and the file is rewritten without it; it never stops the server.

use crate::engine::EngineConfig;
use serde_json::Value;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// What a state file held.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The config of the first line, if the file had one.
    pub config: Option<EngineConfig>,
    /// The valid replay lines, in order.
    pub lines: Vec<String>,
    /// One message per dropped line (for the operator).
    pub dropped: Vec<String>,
}

/// The open state file, appended to.
#[derive(Debug)]
pub struct StateFile {
    path: PathBuf,
    out: BufWriter<File>,
}

/// The config line.
pub fn config_line(config: &EngineConfig, speed: f64) -> String {
    serde_json::json!({ "config": config, "speed": speed }).to_string()
}

/// Whether `line` is a replay line the server could have written.
fn is_replay_line(line: &str) -> bool {
    let Ok(v) = serde_json::from_str::<Value>(line) else { return false };
    v.get("at_ms").is_some_and(Value::is_u64)
        && v.get("op").is_some_and(Value::is_string)
        && v.get("request").is_some_and(Value::is_object)
}

/// Reads `path` (a missing file is empty).
pub fn load(path: &Path) -> io::Result<Loaded> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(e) => return Err(e),
    };
    let mut loaded = Loaded::default();
    for (i, raw) in BufReader::new(file).split(b'\n').enumerate() {
        let raw = raw?;
        let Ok(line) = std::str::from_utf8(&raw) else {
            loaded.dropped.push(format!("line {}: not UTF-8", i + 1));
            continue;
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if i == 0 {
            let config = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| v.get("config").cloned())
                .and_then(|c| serde_json::from_value::<EngineConfig>(c).ok());
            match config {
                Some(c) => loaded.config = Some(c),
                None => loaded.dropped.push("line 1: not a config line".into()),
            }
            continue;
        }
        if is_replay_line(line) {
            loaded.lines.push(line.to_owned());
        } else {
            let shown: String = line.chars().take(80).collect();
            loaded.dropped.push(format!("line {}: not a replay line: {shown}", i + 1));
        }
    }
    Ok(loaded)
}

impl StateFile {
    /// Writes `path` anew with the config line and `lines` (the file as it was, minus dropped
    /// lines), then keeps it open for appending.
    pub fn create(path: &Path, config: &EngineConfig, speed: f64, lines: &[String]) -> io::Result<Self> {
        let tmp = path.with_extension("tmp");
        {
            let mut out = BufWriter::new(File::create(&tmp)?);
            writeln!(out, "{}", config_line(config, speed))?;
            for l in lines {
                writeln!(out, "{l}")?;
            }
            out.flush()?;
            out.get_ref().sync_all()?;
        }
        std::fs::rename(&tmp, path)?;
        let file = OpenOptions::new().append(true).open(path)?;
        Ok(Self { path: path.to_owned(), out: BufWriter::new(file) })
    }

    /// Appends one replay line and flushes it to the OS before the answer goes out.
    pub fn append(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
