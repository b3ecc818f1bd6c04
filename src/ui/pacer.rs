//! The pacer: the only mapping from wall time to simulated time (STYLE rule 2).
//!
//! Each animation frame hands the pacer the wall-clock milliseconds since the previous frame; it
//! answers how many whole simulated milliseconds to run: `wall Δ × speed`, nothing while paused,
//! and never more than a catch-up cap per frame, so a tab that was hidden (browsers stop
//! `requestAnimationFrame` there) does not run away when it comes back. Fractions of a
//! millisecond carry over to the next frame, so 0.1× is exact over time.
//!
//! Pure and integer-based: speeds are per-mille multipliers (`1000` = 1×), wall time arrives as
//! microseconds.
//!
//! The [`SimBudget`] caps a frame's simulated time by the wall time the simulation took in the
//! frames before ([`FRAME_SIM_BUDGET_US`] per frame): at high speeds the simulation runs slower
//! than asked instead of the page dropping frames.

/// Speeds the UI offers, in per-mille (0.1× … 3600×).
pub const SPEEDS_MILLI: [u64; 11] = [100, 250, 500, 1_000, 2_000, 5_000, 10_000, 60_000, 300_000, 600_000, 3_600_000];

/// Default speed: 1×.
pub const DEFAULT_SPEED_MILLI: u64 = 1_000;

/// Wall time one frame may account for at most, µs (a frame after a hidden period counts as
/// this long).
pub const MAX_FRAME_WALL_US: u64 = 100_000;

/// Wall time the simulation may take in one animation frame, µs: a 60 Hz frame lasts 16.7 ms,
/// and the rest is left for drawing. Above it the clock runs slower than asked (at 3600× a
/// busy stream does): the simulation slows, not the page.
pub const FRAME_SIM_BUDGET_US: u64 = 10_000;

/// How much simulated time fits in [`FRAME_SIM_BUDGET_US`], learnt from the frames before: the
/// wall cost of one simulated millisecond, a moving average (a quarter of each new frame), so
/// one slow frame (a garbage collection, a checkpoint) does not swing it. Measuring is the
/// caller's part (the app reads `performance.now()` around `Sim::advance`); this stays pure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SimBudget {
    /// Wall ns one simulated ms took lately; 0 before the first measured frame.
    ns_per_ms: u64,
}

impl SimBudget {
    /// Most simulated ms this frame may run: unbounded until a frame was measured (the record
    /// budget, `sim::FRAME_RECORD_BUDGET`, caps that first one), then at least 1 ms, so the clock
    /// always moves.
    pub fn cap_ms(&self) -> u64 {
        match self.ns_per_ms {
            0 => u64::MAX,
            ns => (FRAME_SIM_BUDGET_US * 1_000 / ns).max(1),
        }
    }

    /// Learns from a frame that ran `ran_ms` simulated ms in `took_us` wall µs (frames that ran
    /// nothing teach nothing).
    pub fn observe(&mut self, ran_ms: u64, took_us: u64) {
        if ran_ms == 0 {
            return;
        }
        let sample = (took_us.saturating_mul(1_000) / ran_ms).max(1);
        self.ns_per_ms = match self.ns_per_ms {
            0 => sample,
            old => (old.saturating_mul(3).saturating_add(sample)) / 4,
        };
    }
}

/// Clock state between frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pacer {
    /// Speed in per-mille (1000 = real time).
    pub speed_milli: u64,
    /// Paused: frames advance nothing.
    pub paused: bool,
    /// Simulated nanoseconds not yet handed out (below one millisecond).
    carry_ns: u64,
}

impl Default for Pacer {
    fn default() -> Self {
        Self { speed_milli: DEFAULT_SPEED_MILLI, paused: true, carry_ns: 0 }
    }
}

impl Pacer {
    /// A paused pacer at `speed_milli`.
    pub fn new(speed_milli: u64) -> Self {
        Self { speed_milli, ..Self::default() }
    }

    /// Simulated milliseconds to run for a frame that came `wall_us` microseconds after the
    /// previous one.
    pub fn advance(&mut self, wall_us: u64) -> u64 {
        if self.paused {
            self.carry_ns = 0;
            return 0;
        }
        let wall = wall_us.min(MAX_FRAME_WALL_US);
        // µs × per-mille = ns of simulated time.
        let total = self.carry_ns + wall * self.speed_milli;
        self.carry_ns = total % 1_000_000;
        total / 1_000_000
    }

    /// The speed as people write it: `0.1`, `2.5`, `3600`.
    pub fn speed_text(speed_milli: u64) -> String {
        let whole = speed_milli / 1000;
        let frac = speed_milli % 1000;
        if frac == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{}", format!("{frac:03}").trim_end_matches('0'))
        }
    }

    /// Parses `0.1`, `10`, `3600` into per-mille; `None` outside the offered speeds.
    pub fn parse_speed(text: &str) -> Option<u64> {
        SPEEDS_MILLI.iter().copied().find(|s| Self::speed_text(*s) == text.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_time_maps_wall_to_sim_one_to_one() {
        let mut p = Pacer { paused: false, ..Pacer::default() };
        assert_eq!(p.advance(16_667), 16);
        assert_eq!(p.advance(16_667), 17, "the 0.667 ms left over carries to the next frame");
        assert_eq!(p.advance(16_666), 17, "50 ms in three frames");
    }

    #[test]
    fn a_tenth_speed_is_exact_over_time() {
        let mut p = Pacer { paused: false, ..Pacer::new(100) };
        let total: u64 = (0..600).map(|_| p.advance(16_667)).sum();
        // 600 frames × 16.667 ms = 10.0002 s of wall time = 1.00002 s simulated.
        assert_eq!(total, 1_000);
    }

    #[test]
    fn fast_speeds_and_the_catch_up_cap() {
        let mut p = Pacer { paused: false, ..Pacer::new(3_600_000) };
        assert_eq!(p.advance(16_000), 57_600, "3600×: 16 ms of wall time is 57.6 s");
        // A tab hidden for a minute: one frame counts as 100 ms at most.
        assert_eq!(p.advance(60_000_000), 360_000);
    }

    #[test]
    fn the_simulation_budget_learns_the_cost_of_a_simulated_ms() {
        let mut b = SimBudget::default();
        assert_eq!(b.cap_ms(), u64::MAX, "nothing measured yet");
        // 3600×: 2,000 simulated ms took 80 ms of wall time (40 µs each): 10 ms fit 250 ms.
        b.observe(2_000, 80_000);
        assert_eq!(b.cap_ms(), 250);
        // At that cap a frame takes the budget; the average holds.
        b.observe(250, 10_000);
        assert_eq!(b.cap_ms(), 250);
        // One frame four times slower (a garbage collection) moves it by a quarter of the way.
        b.observe(250, 40_000);
        assert_eq!(b.cap_ms(), 142);
        b.observe(0, 5_000);
        assert_eq!(b.cap_ms(), 142, "a frame that ran nothing teaches nothing");
        // However slow, the clock moves.
        b.observe(1, 10_000_000);
        assert_eq!(b.cap_ms(), 1);
        // 1×: 16 ms in 0.5 ms: the cap is far above what a frame asks.
        let mut calm = SimBudget::default();
        calm.observe(16, 500);
        assert!(calm.cap_ms() > 300, "{}", calm.cap_ms());
    }

    #[test]
    fn paused_runs_nothing_and_drops_the_carry() {
        let mut p = Pacer { paused: false, ..Pacer::default() };
        assert_eq!(p.advance(500), 0);
        p.paused = true;
        assert_eq!(p.advance(1_000_000), 0);
        p.paused = false;
        assert_eq!(p.advance(500), 0, "the half millisecond from before the pause is gone");
    }

    #[test]
    fn speeds_print_and_parse_round_trip() {
        for s in SPEEDS_MILLI {
            assert_eq!(Pacer::parse_speed(&Pacer::speed_text(s)), Some(s));
        }
        assert_eq!(Pacer::speed_text(100), "0.1");
        assert_eq!(Pacer::speed_text(250), "0.25");
        assert_eq!(Pacer::speed_text(3_600_000), "3600");
        for bad in ["", "0", "7", "-1", "abc", "1e3", "3601"] {
            assert_eq!(Pacer::parse_speed(bad), None, "{bad}");
        }
    }
}
