//! Virtual time.
//!
//! The simulation never reads a wall clock. [`SimTime`] is an integer count of milliseconds since the
//! Unix epoch *of the simulation*: the engine starts at a configurable instant
//! ([`crate::engine::EngineConfig::start`]) and moves forward only when it is told to
//! (`step`, `step_until`). Using Unix milliseconds directly means the AWS fields that carry real
//! timestamps (sequence numbers, `ApproximateArrivalTimestamp`, `StreamCreationTimestamp`) need no
//! conversion, and a run is identical on every target.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A point on the virtual clock, in milliseconds since 1970-01-01T00:00:00Z (simulated).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SimTime(pub u64);

/// Milliseconds in one second.
pub const SECOND_MS: u64 = 1_000;
/// Milliseconds in one minute.
pub const MINUTE_MS: u64 = 60 * SECOND_MS;
/// Milliseconds in one hour.
pub const HOUR_MS: u64 = 60 * MINUTE_MS;

/// 2025-01-01T00:00:00Z, the default start of the simulation.
pub const DEFAULT_START: SimTime = SimTime(1_735_689_600_000);

impl SimTime {
    /// Milliseconds since the Unix epoch.
    pub const fn millis(self) -> u64 {
        self.0
    }

    /// Whole seconds since the Unix epoch (floor), as sequence numbers encode them.
    pub const fn secs(self) -> u64 {
        self.0 / SECOND_MS
    }

    /// This instant plus `ms` milliseconds (saturating).
    pub const fn plus(self, ms: u64) -> SimTime {
        SimTime(self.0.saturating_add(ms))
    }

    /// This instant minus `ms` milliseconds (saturating at the epoch).
    pub const fn minus(self, ms: u64) -> SimTime {
        SimTime(self.0.saturating_sub(ms))
    }

    /// Milliseconds from `earlier` to `self`, zero if `earlier` is later.
    pub const fn since(self, earlier: SimTime) -> u64 {
        self.0.saturating_sub(earlier.0)
    }

    /// Epoch seconds (a request timestamp, a JSON number) to virtual time, rounded to the
    /// millisecond; a negative, NaN or infinite value is the epoch.
    pub fn from_epoch_seconds(secs: f64) -> SimTime {
        let ms = (secs * 1000.0).round();
        SimTime(if ms.is_finite() && ms > 0.0 { ms as u64 } else { 0 })
    }

    /// Seconds since the epoch as the JSON number AWS uses for timestamps (e.g. `1.7356896E9`).
    ///
    /// AWS's JSON 1.1 protocol sends timestamps as epoch seconds with a fraction. This and
    /// [`SimTime::from_epoch_seconds`] are the only places the engine touches a float, and only
    /// at the wire.
    pub fn epoch_seconds(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// The instant formatted as Java's `Date.toString()` in UTC (`Thu Jan 22 01:22:02 UTC 2015`),
    /// which is how AWS words times inside `ExpiredIteratorException` messages.
    pub fn java_date_string(self) -> String {
        let secs = i64::try_from(self.secs()).unwrap_or(i64::MAX);
        let Ok(dt) = time::OffsetDateTime::from_unix_timestamp(secs) else {
            return self.0.to_string();
        };
        let format = time::macros::format_description!(
            "[weekday repr:short] [month repr:short] [day] [hour]:[minute]:[second] UTC [year]"
        );
        dt.format(&format).unwrap_or_else(|_| self.0.to_string())
    }
}

impl fmt::Display for SimTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}ms", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_date_string_matches_aws_wording() {
        // 2015-01-22T01:22:02Z, the instant in AWS's own example message.
        assert_eq!(SimTime(1_421_889_722_000).java_date_string(), "Thu Jan 22 01:22:02 UTC 2015");
    }
}
