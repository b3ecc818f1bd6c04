//! The endpoint's one reader of the wall clock: wall time → virtual time.
//!
//! Virtual milliseconds since `config.start` = `base_ms` + wall elapsed × `speed`. `base_ms` is 0
//! for a fresh endpoint and the last logged instant after a `--state` restart, so the virtual
//! clock continues where it stopped. The engine itself never reads a clock (STYLE.md rule 2).

use std::time::Instant;

/// Maps wall time to virtual milliseconds since the engine's start.
#[derive(Clone, Debug)]
pub struct Clock {
    wall_start: Instant,
    /// Virtual ms at `wall_start`.
    base_ms: u64,
    /// Virtual ms per wall ms (≥ 0).
    speed: f64,
    /// Virtual ms already elapsed at `wall_start` (a fresh clock: wall time since the start was
    /// read; 0 after a restart).
    frac_ms: f64,
}

impl Clock {
    /// A clock at `base_ms` now, running `speed` times faster than the wall.
    // The endpoint is the one place that maps the wall clock to the engine's virtual clock
    // (clippy.toml bans `Instant::now` everywhere else).
    #[allow(clippy::disallowed_methods)]
    pub fn start(base_ms: u64, speed: f64) -> Self {
        let speed = if speed.is_finite() && speed >= 0.0 { speed } else { 1.0 };
        Self { wall_start: Instant::now(), base_ms, speed, frac_ms: 0.0 }
    }

    /// A fresh clock whose virtual start is `start_epoch_ms`, read from the wall clock a moment
    /// earlier: the time spent since then (building the engine) is kept as an offset, so at
    /// speed 1 the virtual time is the wall clock's millisecond exactly.
    #[allow(clippy::disallowed_methods)]
    pub fn start_from_epoch(start_epoch_ms: u64, speed: f64) -> Self {
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0);
        let offset = now_ms - start_epoch_ms as f64;
        let mut clock = Self::start(0, speed);
        clock.frac_ms = if offset.is_finite() && (0.0..1000.0).contains(&offset) { offset } else { 0.0 };
        clock
    }

    /// Virtual ms since the engine's start, now.
    #[allow(clippy::disallowed_methods)]
    pub fn now_ms(&self) -> u64 {
        let wall = Instant::now().duration_since(self.wall_start).as_secs_f64() * 1000.0;
        // Float only for the wall → virtual scale; the engine sees integer ms. `frac_ms` keeps
        // the wall time between reading the start and starting this clock, so a fresh endpoint at
        // speed 1 reads exactly the client's `Date.now()` / `time.time()` millisecond, neither
        // behind nor ahead (kinesalite suite: "should return correct AT_TIMESTAMP records" puts,
        // waits 1 ms, reads its clock, puts again, and asks AT_TIMESTAMP at that time: it must
        // get the second put's records and none of the first's).
        let virtual_ms = (self.frac_ms + wall * self.speed).floor();
        let add = if virtual_ms.is_finite() && virtual_ms < 1e15 { virtual_ms as u64 } else { 0 };
        self.base_ms.saturating_add(add)
    }

    /// The wall clock now, as epoch milliseconds: the virtual start of a fresh endpoint, so
    /// that the timestamps real clients see and send (`ApproximateArrivalTimestamp`,
    /// `AT_TIMESTAMP` with their own `time.time()`) are today's, as on AWS.
    #[allow(clippy::disallowed_methods)]
    pub fn wall_epoch_ms() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0)
    }

    /// The speed factor.
    pub fn speed(&self) -> f64 {
        self.speed
    }
}
