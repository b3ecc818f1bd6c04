//! The firehose view's pure model: the buffer's two gauges (a fill bar for the size, a clock for
//! the time since the first record), which trigger is closer to firing, and the hints form's
//! parsing. Tested natively.

use crate::world::firehose::{BufferingHints, HintError};

/// Logical width of the delivery stream's drawing.
pub const VIEW_W: f64 = 320.0;
/// Logical height of the delivery stream's drawing.
pub const VIEW_H: f64 = 146.0;
/// The fill bar: left, top, width, height.
pub const BAR: (f64, f64, f64, f64) = (20.0, 30.0, 120.0, 90.0);
/// The clock: centre x, centre y, radius.
pub const CLOCK: (f64, f64, f64) = (240.0, 75.0, 45.0);

/// Which trigger is closer to firing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closer {
    /// Nothing buffered.
    Neither,
    /// The size (`SizeInMBs`).
    Size,
    /// The interval (`IntervalInSeconds`).
    Interval,
}

/// `part / whole` clamped to 0–1 (0 when `whole` is 0).
pub fn fraction(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return if part > 0 { 1.0 } else { 0.0 };
    }
    (part as f64 / whole as f64).clamp(0.0, 1.0)
}

/// The trigger closer to firing, given both fractions (ties go to the interval).
pub fn closer(records: u64, size_frac: f64, time_frac: f64) -> Closer {
    match records {
        0 => Closer::Neither,
        _ if size_frac > time_frac => Closer::Size,
        _ => Closer::Interval,
    }
}

/// Height of the fill bar's filled part, logical units.
pub fn bar_fill(frac: f64) -> f64 {
    BAR.3 * frac.clamp(0.0, 1.0)
}

/// SVG path of the clock's swept sector for `frac` of a turn, clockwise from 12 o'clock.
pub fn clock_sector(frac: f64) -> String {
    let (cx, cy, r) = CLOCK;
    let f = frac.clamp(0.0, 1.0);
    if f <= 0.0 {
        return String::new();
    }
    if f >= 0.9999 {
        return format!("M{cx} {} A{r} {r} 0 1 1 {cx} {} A{r} {r} 0 1 1 {cx} {} Z", cy - r, cy + r, cy - r);
    }
    let a = f * std::f64::consts::TAU;
    let (x, y) = (cx + r * a.sin(), cy - r * a.cos());
    let large = u8::from(f > 0.5);
    format!("M{cx} {cy} L{cx} {} A{r} {r} 0 {large} 1 {x:.2} {y:.2} Z", cy - r)
}

/// A form field's problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormError {
    /// Not a whole number.
    NotNumber,
    /// A hint out of its range.
    Range(HintError),
}

/// Parses the form's two fields into hints, checking AWS's ranges.
pub fn parse_hints(size: &str, interval: &str) -> Result<BufferingHints, FormError> {
    let size: u32 = size.trim().parse().map_err(|_| FormError::NotNumber)?;
    let interval: u32 = interval.trim().parse().map_err(|_| FormError::NotNumber)?;
    let hints = BufferingHints { size_in_mbs: size, interval_in_seconds: interval };
    hints.check().map_err(FormError::Range)?;
    Ok(hints)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closer_trigger_is_the_larger_fraction() {
        assert_eq!(closer(0, 0.5, 0.1), Closer::Neither);
        assert_eq!(closer(3, 0.5, 0.1), Closer::Size);
        assert_eq!(closer(3, 0.2, 0.9), Closer::Interval);
        assert_eq!(fraction(5, 10), 0.5);
        assert_eq!(fraction(20, 10), 1.0);
        assert_eq!(fraction(1, 0), 1.0, "a zero interval fires at once");
        assert_eq!(bar_fill(0.5), BAR.3 / 2.0);
    }

    #[test]
    fn the_clock_sector_sweeps_clockwise_from_twelve() {
        assert_eq!(clock_sector(0.0), "");
        let (cx, cy, r) = CLOCK;
        assert_eq!(clock_sector(0.25), format!("M{cx} {cy} L{cx} {} A{r} {r} 0 0 1 {:.2} {:.2} Z", cy - r, cx + r, cy));
        assert!(clock_sector(0.75).contains(" 0 1 1 "), "more than half a turn takes the large arc");
        assert!(clock_sector(1.0).ends_with('Z'));
    }

    #[test]
    fn the_form_checks_aws_ranges() {
        assert_eq!(parse_hints(" 5 ", "300"), Ok(BufferingHints::default()));
        assert_eq!(parse_hints("1", "0").map(|h| h.interval_in_seconds), Ok(0));
        assert_eq!(parse_hints("0", "60"), Err(FormError::Range(HintError::Size)));
        assert_eq!(parse_hints("129", "60"), Err(FormError::Range(HintError::Size)));
        assert_eq!(parse_hints("5", "901"), Err(FormError::Range(HintError::Interval)));
        assert_eq!(parse_hints("5", "-1"), Err(FormError::NotNumber));
        assert_eq!(parse_hints("x", "60"), Err(FormError::NotNumber));
    }
}
