//! Rewinding: checkpoints of the simulation at fixed simulated intervals and the log of every
//! input since, so that any instant of the last minutes can be rebuilt exactly by re-simulating
//! forward from the nearest checkpoint before it (the engine and the world are deterministic).
//!
//! ```text
//!  time ──────────────────────────────────────────────────────────────────────────► now
//!  checkpoints  C(30 s)       C(60 s)       C(90 s)       C(120 s) …   every CHECKPOINT_INTERVAL_MS
//!  inputs            i₁ (SetRate)    i₂ (PutRecord)   i₃ (UpdateShardCount) …  each at its instant
//!  rewind to T:  take the last C ≤ T, replay the inputs after it up to T, run the world to T
//! ```
//!
//! 1. `Timeline::new(state)` keeps the state at time 0 as the first checkpoint.
//! 2. Every input that changes the simulation (a rate, a key mode, the limits switch, a Kinesis
//!    API call, a world command, the stream the views draw) goes through one logged path
//!    (`Sim::input`): it is written to the log with its simulated instant, then applied.
//! 3. Moving the clock captures a checkpoint at each multiple of [`CHECKPOINT_INTERVAL_MS`] and
//!    applies the logged inputs it reaches (the redo head, below).
//! 4. Going to an instant `T` restores the last checkpoint at or before `T` and moves the clock
//!    from it to `T`, replaying the logged inputs on the way.
//!
//! **Redo head.** After a rewind, what was done later is kept while the student only moves in
//! time (the scrubber, −10 s, play, step): playing forward replays it at its instants, so
//! moving the scrubber back and forth always shows the same history. The first new input
//! (a button, a setting, a console line, including `sleep`) drops everything logged after the
//! current instant, the later checkpoints with it, as typing after an undo drops the redo.
//!
//! **Bounds.** Time: a rewind re-simulates at most one interval (30 simulated seconds) plus the
//! inputs logged in it. Memory: at most [`MAX_CHECKPOINTS`] clones of the simulation, the oldest
//! dropped first, and the log holds only inputs newer than the oldest checkpoint. A clone shares
//! the record stores' full chunks with the live world (`engine/state/store.rs`, `Arc<Packed>`),
//! so a checkpoint costs the world's metadata and open chunks, not its retained records
//! (`tests/timeline.rs` prints the bytes per checkpoint of every preset).
//!
//! The type is generic over the state and the input so that it imports nothing from `sim.rs`
//! (which owns it): it is the bookkeeping only; `Sim` applies inputs and moves the clock.

use std::collections::BTreeMap;
use std::time::Duration;

/// Simulated ms between two checkpoints: the most a rewind re-simulates. 30 s: about 50,000
/// records of the heaviest preset (activity-logs, 1,600 records/s), under 0.1 s of work in the
/// browser, while a span of five minutes needs only eleven checkpoints.
pub const CHECKPOINT_INTERVAL_MS: u64 = 30_000;
/// Simulated ms the scrubber reaches back: five minutes, a lesson step's worth at 1× (the
/// course's shard increase comes five minutes in), long enough to watch a rebalancing again,
/// short enough that the checkpoints stay few (`MAX_CHECKPOINTS`).
pub const SPAN_MS: u64 = 5 * 60_000;
/// Most checkpoints kept: the span's, plus the one at its start.
pub const MAX_CHECKPOINTS: usize = (SPAN_MS / CHECKPOINT_INTERVAL_MS) as usize + 1;
/// How far the "−10 s" button goes back, ms.
pub const REWIND_STEP_MS: u64 = 10_000;
/// Furthest a `t=` link may seek: 168 h, seven days. A stream keeps records 24 h by default and
/// up to 8,760 h (<https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention>);
/// 168 h was the longest before long-term retention and is where AWS's extended-retention
/// pricing tier ends. Every lesson about expiry fits in it (no preset keeps more than 48 h),
/// and beyond a week the browser would spend minutes simulating.
pub const MAX_SEEK_MS: u64 = 7 * 24 * 3_600_000;

/// A copy of the state at an instant, and how much of the log it had applied.
#[derive(Clone, Debug)]
struct Checkpoint<S> {
    /// Log entries applied when it was taken.
    log_len: usize,
    /// The state.
    state: S,
}

/// Checkpoints and the input log of one simulation (see the module docs).
///
/// Cloning gives an empty timeline: a copy of a simulation (a checkpoint, a what-if) starts
/// with no history of its own, so checkpoints never nest and a copy costs the state alone.
#[derive(Debug)]
pub struct Timeline<S, I> {
    /// Checkpoints by simulated ms since the stream became ACTIVE.
    checkpoints: BTreeMap<u64, Checkpoint<S>>,
    /// Inputs with their simulated ms, in the order they were applied.
    log: Vec<(u64, I)>,
    /// Log entries applied to the live state; later ones are the redo head.
    cursor: usize,
    /// The furthest simulated ms reached on this line of history.
    head_ms: u64,
}

impl<S, I> Default for Timeline<S, I> {
    fn default() -> Self {
        Timeline { checkpoints: BTreeMap::new(), log: Vec::new(), cursor: 0, head_ms: 0 }
    }
}

impl<S, I> Clone for Timeline<S, I> {
    fn clone(&self) -> Self {
        Timeline::default()
    }
}

impl<S: Clone, I: Clone> Timeline<S, I> {
    /// A timeline whose first checkpoint is `state`, at time 0.
    pub fn new(state: S) -> Self {
        let mut t = Timeline::default();
        t.checkpoints.insert(0, Checkpoint { log_len: 0, state });
        t
    }

    /// Writes `input`, applied at `at_ms`, to the log, dropping the redo head first.
    pub fn record(&mut self, at_ms: u64, input: I) {
        self.drop_future(at_ms);
        self.log.push((at_ms, input));
        self.cursor = self.log.len();
    }

    /// Drops what was logged after the live state (the redo head) and the checkpoints after
    /// `at_ms`: the student acted at `at_ms`, so a different history starts there.
    pub fn drop_future(&mut self, at_ms: u64) {
        self.log.truncate(self.cursor);
        self.checkpoints.retain(|t, c| *t <= at_ms && c.log_len <= self.cursor);
        self.head_ms = at_ms;
    }

    /// The next logged input of the redo head if it is due at or before `at_ms`; it counts as
    /// applied from now on.
    pub fn take_due(&mut self, at_ms: u64) -> Option<I> {
        let (t, input) = self.log.get(self.cursor)?;
        (*t <= at_ms).then(|| {
            self.cursor += 1;
            input.clone()
        })
    }

    /// When the next logged input of the redo head is due, if any.
    pub fn next_due_ms(&self) -> Option<u64> {
        self.log.get(self.cursor).map(|(t, _)| *t)
    }

    /// Whether a checkpoint belongs at `at_ms` and is missing.
    pub fn wants_checkpoint(&self, at_ms: u64) -> bool {
        at_ms % CHECKPOINT_INTERVAL_MS == 0 && !self.checkpoints.contains_key(&at_ms)
    }

    /// Keeps `state` as the checkpoint at `at_ms`; drops those more than [`SPAN_MS`] older
    /// (after a seek, the one at time 0 would let a rewind re-simulate hours) and the oldest
    /// beyond [`MAX_CHECKPOINTS`], and the log entries only they could replay.
    pub fn capture(&mut self, at_ms: u64, state: S) {
        self.checkpoints.insert(at_ms, Checkpoint { log_len: self.cursor, state });
        let oldest = at_ms.saturating_sub(SPAN_MS);
        self.checkpoints.retain(|t, _| *t >= oldest);
        while self.checkpoints.len() > MAX_CHECKPOINTS {
            self.checkpoints.pop_first();
        }
        let Some(first) = self.checkpoints.values().next().map(|c| c.log_len) else { return };
        if first > 0 {
            self.log.drain(..first);
            self.cursor -= first;
            for c in self.checkpoints.values_mut() {
                c.log_len -= first;
            }
        }
    }

    /// The state to restart from to reach `at_ms`: the last checkpoint at or before it, its
    /// time, and the redo head set back to what it had applied.
    pub fn restore(&mut self, at_ms: u64) -> Option<(u64, S)> {
        let (t, c) = self.checkpoints.range(..=at_ms).next_back()?;
        self.cursor = c.log_len;
        Some((*t, c.state.clone()))
    }

    /// The checkpoint time a move to `at_ms` would restart from.
    pub fn restart_ms(&self, at_ms: u64) -> Option<u64> {
        self.checkpoints.range(..=at_ms).next_back().map(|(t, _)| *t)
    }

    /// Notes that the live state reached `at_ms` (the head moves forward only).
    pub fn reached(&mut self, at_ms: u64) {
        self.head_ms = self.head_ms.max(at_ms);
    }

    /// The earliest instant a rewind can reach (the oldest checkpoint).
    pub fn earliest_ms(&self) -> u64 {
        self.checkpoints.keys().next().copied().unwrap_or(0)
    }

    /// The furthest instant reached on this line of history (the scrubber's end).
    pub fn head_ms(&self) -> u64 {
        self.head_ms
    }

    /// Checkpoints held now.
    pub fn checkpoint_count(&self) -> usize {
        self.checkpoints.len()
    }

    /// Inputs held in the log now (applied and redo head).
    pub fn log_len(&self) -> usize {
        self.log.len()
    }
}

/// Records the first animation frame of a `t=` seek simulates: the running clock's budget
/// (`sim::FRAME_RECORD_BUDGET`). Later frames size their piece by how long the last one took
/// ([`Seek::adapted`]).
pub const SEEK_FIRST_RECORDS: u64 = 20_000;
/// Wall ms of work one frame of a seek aims at: the page stays responsive (the progress line
/// repaints, a click gets through) while the seek moves as fast as the machine allows.
pub const SEEK_FRAME_WALL_MS: u64 = 40;

/// A `t=` seek under way: the page plays forward to `target_ms` a piece per animation frame,
/// so that the page never freezes, and shows how far it got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seek {
    /// Where it goes, simulated ms since ACTIVE.
    pub target_ms: u64,
    /// Simulated ms the next frame runs (0 until the first frame sizes it by the rate).
    pub chunk_ms: u64,
}

impl Seek {
    /// A seek to `target_ms`.
    pub fn to(target_ms: u64) -> Seek {
        Seek { target_ms, chunk_ms: 0 }
    }

    /// Simulated ms this frame runs: what the last frame's timing asked for, or, on the first
    /// frame, [`SEEK_FIRST_RECORDS`] at `records_per_sec`; at least a second.
    pub fn chunk_ms(self, records_per_sec: u64) -> u64 {
        match self.chunk_ms {
            0 => (SEEK_FIRST_RECORDS * 1_000 / records_per_sec.max(1)).max(1_000),
            c => c,
        }
    }

    /// The seek after a frame that ran `ran_ms` simulated ms in `took_ms` wall ms: the next
    /// piece aims at [`SEEK_FRAME_WALL_MS`], at most doubling or halving (one slow frame, a
    /// garbage collection, does not swing it), and at least a second.
    pub fn adapted(self, ran_ms: u64, took_ms: u64) -> Seek {
        let want = ran_ms.saturating_mul(SEEK_FRAME_WALL_MS) / took_ms.max(1);
        let next = want.clamp(ran_ms / 2, ran_ms.saturating_mul(2)).max(1_000);
        Seek { chunk_ms: next, ..self }
    }

    /// Whole percent done at `now_ms` (100 only once there).
    pub fn percent(self, now_ms: u64) -> u64 {
        match now_ms.checked_mul(100).and_then(|p| p.checked_div(self.target_ms)) {
            _ if now_ms >= self.target_ms => 100,
            Some(p) => p.min(99),
            None => 100,
        }
    }
}

/// Parses a `t=` duration (`90s`, `10m`, `32h`, `1h30m`, `2d`) with `humantime`'s parser, to
/// whole ms; `None` when it is not one or exceeds [`MAX_SEEK_MS`]. A bare number is refused:
/// `t=32` could mean seconds or hours.
pub fn parse_seek(text: &str) -> Option<u64> {
    let d: Duration = humantime::parse_duration(text.trim()).ok()?;
    let ms = u64::try_from(d.as_millis()).ok()?;
    (ms <= MAX_SEEK_MS).then_some(ms)
}

/// A duration as a `t=` value, compact and exact, in hours at most (as the course writes
/// retention): `32h`, `1h30m`, `90s` → `1m30s`, `1500ms` →
/// `1s500ms` ([`parse_seek`] reads it back).
pub fn seek_text(ms: u64) -> String {
    let units = [(3_600_000, "h"), (60_000, "m"), (1_000, "s"), (1, "ms")];
    let mut rest = ms;
    let mut out = String::new();
    for (size, unit) in units {
        if rest >= size {
            out.push_str(&format!("{}{unit}", rest / size));
            rest %= size;
        }
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seek_values_parse_and_round_trip() {
        for (text, ms) in [
            ("90s", 90_000),
            ("10m", 600_000),
            ("32h", 32 * 3_600_000),
            ("1h30m", 5_400_000),
            ("1h 30m", 5_400_000),
            ("2d", 2 * 86_400_000),
            ("7d", MAX_SEEK_MS),
            ("0s", 0),
            ("1500ms", 1_500),
        ] {
            assert_eq!(parse_seek(text), Some(ms), "{text}");
            assert_eq!(parse_seek(&seek_text(ms)), Some(ms), "{text} → {}", seek_text(ms));
        }
        assert_eq!(seek_text(32 * 3_600_000), "32h");
        assert_eq!(seek_text(5_400_000), "1h30m");
        assert_eq!(seek_text(90_000), "1m30s");
    }

    #[test]
    fn a_seek_reports_its_progress_and_sizes_its_pieces_by_their_timing() {
        let seek = Seek::to(32 * 3_600_000);
        assert_eq!((seek.percent(0), seek.percent(seek.target_ms / 4), seek.percent(seek.target_ms - 1)), (0, 25, 99));
        assert_eq!(seek.percent(seek.target_ms), 100);
        assert_eq!(seek.chunk_ms(20), 1_000_000, "20,000 records at 20 records/s");
        assert_eq!(seek.chunk_ms(0), 20_000_000, "no producer: big pieces");
        assert_eq!(seek.chunk_ms(1_000_000), 1_000, "at least a second");
        let slow = seek.adapted(1_000_000, 400);
        assert_eq!(slow.chunk_ms(20), 500_000, "ten times too slow: halved, no more");
        assert_eq!(slow.adapted(500_000, 50).chunk_ms(20), 400_000, "aims at 40 ms");
        assert_eq!(seek.adapted(1_000_000, 1).chunk_ms(20), 2_000_000, "fast: doubled, no more");
        assert_eq!(seek.adapted(1_500, 400).chunk_ms(20), 1_000, "at least a second");
    }

    #[test]
    fn bad_seek_values_are_refused() {
        for text in ["", "32", "-5s", "abc", "7d1ms", "8d", "1e3s", "32 hours ago", "NaN", "1y"] {
            assert_eq!(parse_seek(text), None, "{text}");
        }
    }

    #[test]
    fn checkpoints_are_capped_oldest_first_and_the_log_follows() {
        let mut t: Timeline<u64, &str> = Timeline::new(0);
        let mut at = 0;
        for i in 1..=20u64 {
            at = i * CHECKPOINT_INTERVAL_MS;
            t.record(at - 1, "input");
            assert!(t.wants_checkpoint(at));
            t.capture(at, i);
            t.reached(at);
            assert!(t.checkpoint_count() <= MAX_CHECKPOINTS);
        }
        assert_eq!(t.checkpoint_count(), MAX_CHECKPOINTS);
        assert_eq!(t.earliest_ms(), at - SPAN_MS, "the span is exactly five minutes");
        assert_eq!(t.log_len(), MAX_CHECKPOINTS - 1, "only inputs after the oldest checkpoint");
        assert_eq!(t.restore(at - SPAN_MS - 1), None, "before the oldest: unreachable");
        let (from, state) = t.restore(at - 45_000).unwrap_or_default();
        assert_eq!((from, state), (at - 60_000, 18));
        assert_eq!(t.take_due(at - 60_000), None);
        assert_eq!(t.next_due_ms(), Some(at - 30_001));
        assert_eq!(t.take_due(at - 30_000), Some("input"), "the redo head replays");
    }

    #[test]
    fn acting_after_a_rewind_drops_the_later_history() {
        let mut t: Timeline<u64, u32> = Timeline::new(0);
        for i in 1..=4u64 {
            t.record(i * CHECKPOINT_INTERVAL_MS - 5, 7);
            t.capture(i * CHECKPOINT_INTERVAL_MS, i);
            t.reached(i * CHECKPOINT_INTERVAL_MS);
        }
        assert_eq!(t.head_ms(), 120_000);
        assert_eq!(t.restore(50_000).map(|(at, _)| at), Some(30_000));
        assert_eq!(t.take_due(50_000), None, "the next input is at 59,995");
        t.record(50_000, 9);
        assert_eq!((t.log_len(), t.checkpoint_count(), t.head_ms()), (2, 2, 50_000));
        assert_eq!(t.next_due_ms(), None);
        assert!(t.wants_checkpoint(60_000));
    }
}
