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
//! frames before ([`FRAME_SIM_BUDGET_US`] per frame, less when drawing the view leaves less of a
//! [`FRAME_PERIOD_FLOOR_US`] frame): at high speeds the simulation runs slower than asked instead
//! of the page dropping frames.

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

/// The longest frame the budget aims for, µs (30 frames per second): when drawing a view takes
/// more than `FRAME_PERIOD_FLOOR_US − FRAME_SIM_BUDGET_US` (64 lanes at 3600×), the simulation
/// gets only what is left of it, down to [`MIN_FRAME_SIM_US`].
pub const FRAME_PERIOD_FLOOR_US: u64 = 33_333;

/// The least wall time a frame gives the simulation, µs, however long drawing takes: the clock
/// always moves.
pub const MIN_FRAME_SIM_US: u64 = 3_000;

/// How much simulated time fits in a frame's share of wall time, learnt from the frames before:
/// the wall cost of one simulated millisecond and the wall time of a frame outside the
/// simulation (drawing, the browser's own work), both moving averages (a quarter of each new
/// frame), so one slow frame (a garbage collection, a checkpoint) does not swing them. The share
/// is [`FRAME_SIM_BUDGET_US`], or less when the rest of a frame leaves less of
/// [`FRAME_PERIOD_FLOOR_US`]. Measuring is the caller's part (the app reads `performance.now()`
/// around `Sim::advance`); this stays pure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SimBudget {
    /// Wall ns one simulated ms took lately; 0 before the first measured frame.
    ns_per_ms: u64,
    /// Wall µs of a frame outside the simulation lately; 0 before it was measured.
    rest_us: u64,
    /// Wall µs the simulation took in the frame before (0: it ran nothing).
    last_took_us: u64,
}

/// A moving average that moves a quarter of the way to each new sample (the first one is taken
/// as it is).
fn ease(old: u64, sample: u64) -> u64 {
    match old {
        0 => sample,
        old => (old.saturating_mul(3).saturating_add(sample)) / 4,
    }
}

impl SimBudget {
    /// The wall time this frame gives the simulation, µs.
    pub fn share_us(&self) -> u64 {
        FRAME_PERIOD_FLOOR_US.saturating_sub(self.rest_us).clamp(MIN_FRAME_SIM_US, FRAME_SIM_BUDGET_US)
    }

    /// Most simulated ms this frame may run: unbounded until a frame was measured (the record
    /// budget, `sim::FRAME_RECORD_BUDGET`, caps that first one), then at least 1 ms, so the clock
    /// always moves.
    pub fn cap_ms(&self) -> u64 {
        match self.ns_per_ms {
            0 => u64::MAX,
            ns => (self.share_us() * 1_000 / ns).max(1),
        }
    }

    /// Learns from a frame that came `interval_us` wall µs after the one before and ran `ran_ms`
    /// simulated ms in `took_us` wall µs. The interval minus what the simulation took in the
    /// frame before is the rest of a frame; it is learnt only after a frame that simulated
    /// something and only from intervals above 0 (0: the first frame after play, which has no
    /// frame before) and up to [`MAX_FRAME_WALL_US`] (not from a hidden tab). Frames that ran
    /// nothing teach nothing about the cost of a simulated ms.
    pub fn observe(&mut self, interval_us: u64, ran_ms: u64, took_us: u64) {
        if self.last_took_us > 0 && (1..=MAX_FRAME_WALL_US).contains(&interval_us) {
            self.rest_us = ease(self.rest_us, interval_us.saturating_sub(self.last_took_us).max(1));
        }
        self.last_took_us = if ran_ms == 0 { 0 } else { took_us.max(1) };
        if let Some(ns) = took_us.saturating_mul(1_000).checked_div(ran_ms) {
            self.ns_per_ms = ease(self.ns_per_ms, ns.max(1));
        }
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
        b.observe(16_700, 2_000, 80_000);
        assert_eq!(b.cap_ms(), 250);
        // At that cap a frame takes the budget; the average holds (drawing takes 6.7 ms).
        b.observe(90_000, 250, 10_000);
        assert_eq!(b.rest_us, 10_000, "90 ms after a frame that simulated for 80");
        assert_eq!(b.cap_ms(), 250);
        // One frame four times slower (a garbage collection) moves it by a quarter of the way.
        b.observe(16_700, 250, 40_000);
        assert_eq!(b.cap_ms(), 142);
        b.observe(50_000, 0, 5_000);
        assert_eq!(b.cap_ms(), 142, "a frame that ran nothing teaches nothing");
        // However slow, the clock moves.
        b.observe(16_700, 1, 10_000_000);
        assert_eq!(b.cap_ms(), 1);
        // 1×: 16 ms in 0.5 ms: the cap is far above what a frame asks.
        let mut calm = SimBudget::default();
        calm.observe(16_700, 16, 500);
        assert!(calm.cap_ms() > 300, "{}", calm.cap_ms());
    }

    /// Frames of a view that takes `draw_us` to draw besides the simulation's share, 1 ms of
    /// simulated time costing 40 µs; returns the last frame's interval, µs.
    fn settle(b: &mut SimBudget, draw_us: u64) -> u64 {
        let mut interval = 16_700;
        for _ in 0..60 {
            let ran = b.cap_ms().min(60_000);
            let took = ran * 40;
            b.observe(interval, ran, took);
            interval = took + draw_us;
        }
        interval
    }

    #[test]
    fn a_view_slow_to_draw_leaves_the_simulation_less_of_a_30_fps_frame() {
        // Drawing in 8 ms: the simulation keeps its 10 ms (the frame takes 18 ms).
        let mut quick = SimBudget::default();
        let interval = settle(&mut quick, 8_000);
        assert_eq!(quick.share_us(), FRAME_SIM_BUDGET_US);
        assert!((17_900..=18_100).contains(&interval), "{interval}");
        // Drawing in 27 ms: the simulation gets what is left of 33.3 ms, and the page holds 30 fps.
        let mut slow = SimBudget::default();
        let interval = settle(&mut slow, 27_000);
        assert!((6_000..=6_700).contains(&slow.share_us()), "{}", slow.share_us());
        assert!(interval <= FRAME_PERIOD_FLOOR_US + 400, "{interval}");
        // Drawing in 40 ms: the simulation keeps its floor, so the clock moves.
        let mut slower = SimBudget::default();
        settle(&mut slower, 40_000);
        assert_eq!(slower.share_us(), MIN_FRAME_SIM_US);
        // A hidden tab (a frame long after the one before) teaches nothing about the rest.
        let rest = quick.rest_us;
        quick.observe(5_000_000, 250, 10_000);
        assert_eq!(quick.rest_us, rest);
        // Nor does the first frame after play (no frame before it: an interval of 0), though
        // the frame before the pause simulated.
        quick.observe(0, 0, 50);
        assert_eq!(quick.rest_us, rest);
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
