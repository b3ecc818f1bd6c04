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

/// Speeds the UI offers, in per-mille (0.1× … 3600×).
pub const SPEEDS_MILLI: [u64; 11] = [100, 250, 500, 1_000, 2_000, 5_000, 10_000, 60_000, 300_000, 600_000, 3_600_000];

/// Default speed: 1×.
pub const DEFAULT_SPEED_MILLI: u64 = 1_000;

/// Wall time one frame may account for at most, µs (a frame after a hidden period counts as
/// this long).
pub const MAX_FRAME_WALL_US: u64 = 100_000;

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
