//! Numbers as the pipelines panels print them, the same in Spanish and English (pure, tested
//! natively): the styles of [`crate::ui::format`] these panels use for times and lags, and what
//! only they print: accuracy, the storage ratio, an answer's difference from the truth, and the
//! parallelism typed in the deploy form.

use crate::ui::format::{self, grouped, percent, DurationStyle};
use crate::world::pipeline_spec::MAX_PARALLELISM;

/// A simulated instant as the app's clock writes it, `HH:MM:SS` since the stream became ACTIVE
/// (hours grow past 24): batch horizons, cycle starts, swaps.
pub fn clock(ms: u64) -> String {
    format::duration(ms, DurationStyle::Clock)
}

/// A lag or a run time, precise to a tenth of a second below a minute: `850 ms`, `12.3 s`,
/// `21 min 35 s`, `3 h 05 min`.
pub fn duration(ms: u64) -> String {
    format::duration(ms, DurationStyle::Precise)
}

/// Share of the truth an answer gets right: `1 − error / truth`, as `99.98 %` (two decimals,
/// rounded down so that a wrong answer never shows 100 %).
pub fn accuracy(error: u64, truth_total: u64) -> String {
    if truth_total == 0 {
        return if error == 0 { "100.00 %".into() } else { "0.00 %".into() };
    }
    percent(truth_total.saturating_sub(error), truth_total, 2)
}

/// `tables / serving` as `×2.0` (the storage gauge: about 2× while both tables exist).
pub fn storage_ratio(tables: u64, serving: u64) -> String {
    match (tables * 10).checked_div(serving) {
        Some(tenths) => format!("×{}.{}", tenths / 10, tenths % 10),
        None => "—".into(),
    }
}

/// The parallelism typed in the deploy form: plain digits, 1 to 64 (`None` otherwise).
pub fn parse_parallelism(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<u32>().ok().filter(|p| (1..=MAX_PARALLELISM).contains(p))
}

/// `+12` / `−3` / `0`: an answer's difference from the truth.
pub fn delta(answer: u64, truth: u64) -> String {
    match answer.cmp(&truth) {
        std::cmp::Ordering::Equal => "0".into(),
        std::cmp::Ordering::Greater => format!("+{}", grouped(answer - truth)),
        std::cmp::Ordering::Less => format!("−{}", grouped(truth - answer)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_the_same_in_both_languages() {
        assert_eq!((clock(3_723_400), clock(90_000_000)), ("01:02:03".into(), "25:00:00".into()));
        assert_eq!(
            [850, 12_345, 1_295_000, 91_000_000].map(duration),
            ["850 ms", "12.3 s", "21 min 35 s", "25 h 16 min"].map(String::from)
        );
        assert_eq!([delta(5, 5), delta(1_005, 5), delta(5, 1_005)], ["0", "+1\u{202f}000", "−1\u{202f}000"]);
        assert_eq!(accuracy(0, 0), "100.00 %");
        assert_eq!(accuracy(36, 39_196), "99.90 %");
        assert_eq!(accuracy(1, 1_000_000), "99.99 %", "never rounds up to 100 %");
        assert_eq!(accuracy(5, 1), "0.00 %");
        assert_eq!((storage_ratio(4_692, 2_346), storage_ratio(1, 0)), ("×2.0".into(), "—".into()));
        assert_eq!(["8", " 64 ", "1"].map(parse_parallelism), [Some(8), Some(64), Some(1)]);
        for bad in ["0", "65", "", "-1", "1e3", "8.5", "abc", "99999999999", "٣"] {
            assert_eq!(parse_parallelism(bad), None, "{bad}");
        }
    }
}
