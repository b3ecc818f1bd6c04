//! Numbers as the pipelines panels print them, in each language's conventions (pure, tested
//! natively): the styles of [`crate::ui::format`] these panels use for times and lags, and what
//! only they print: accuracy, the storage ratio, an answer's difference from the truth, and the
//! parallelism typed in the deploy form.

use crate::i18n::Lang;
use crate::ui::format::{self, grouped, percent, percent_sign, scaled, DurationStyle};
use crate::world::pipeline_spec::MAX_PARALLELISM;

/// A simulated instant as the app's clock writes it, `HH:MM:SS` since the stream became ACTIVE
/// (hours grow past 24): batch horizons, cycle starts, swaps.
pub fn clock(ms: u64) -> String {
    format::clock(ms)
}

/// A lag or a run time, precise to a tenth of a second below a minute: `850 ms`, `12.3 s`,
/// `21 min 35 s`, `3 h 05 min` (`12,3 s` in Spanish).
pub fn duration(ms: u64, lang: Lang) -> String {
    format::duration(ms, DurationStyle::Precise, lang)
}

/// Share of the truth an answer gets right: `1 − error / truth`, as `99,98 %` / `99.98%` (two
/// decimals, rounded down so that a wrong answer never shows 100 %).
pub fn accuracy(error: u64, truth_total: u64, lang: Lang) -> String {
    if truth_total == 0 {
        return percent_sign(scaled(if error == 0 { 10_000 } else { 0 }, 2, lang), lang);
    }
    percent(truth_total.saturating_sub(error), truth_total, 2, lang)
}

/// `tables / serving` as `×2,0` / `×2.0` (the storage gauge: about 2× while both tables exist).
pub fn storage_ratio(tables: u64, serving: u64, lang: Lang) -> String {
    match (tables * 10).checked_div(serving) {
        Some(tenths) => format!("×{}", scaled(u128::from(tenths), 1, lang)),
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
pub fn delta(answer: u64, truth: u64, lang: Lang) -> String {
    match answer.cmp(&truth) {
        std::cmp::Ordering::Equal => "0".into(),
        std::cmp::Ordering::Greater => format!("+{}", grouped(answer - truth, lang)),
        std::cmp::Ordering::Less => format!("−{}", grouped(truth - answer, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_each_languages_conventions() {
        use Lang::{En, Es};
        assert_eq!((clock(3_723_400), clock(90_000_000)), ("01:02:03".into(), "25:00:00".into()));
        assert_eq!(
            [850, 12_345, 1_295_000, 91_000_000].map(|ms| duration(ms, En)),
            ["850 ms", "12.3 s", "21 min 35 s", "25 h 16 min"].map(String::from)
        );
        assert_eq!(duration(12_345, Es), "12,3 s");
        assert_eq!([delta(5, 5, En), delta(1_005, 5, En), delta(5, 1_005, En)], ["0", "+1,000", "−1,000"]);
        assert_eq!([delta(10_005, 5, Es), delta(5, 1_005, Es)], ["+10.000", "−1000"]);
        assert_eq!((accuracy(0, 0, En), accuracy(0, 0, Es)), ("100.00%".into(), "100,00\u{a0}%".into()));
        assert_eq!((accuracy(36, 39_196, En), accuracy(36, 39_196, Es)), ("99.90%".into(), "99,90\u{a0}%".into()));
        assert_eq!(accuracy(1, 1_000_000, En), "99.99%", "never rounds up to 100 %");
        assert_eq!(accuracy(5, 1, En), "0.00%");
        assert_eq!((storage_ratio(4_692, 2_346, En), storage_ratio(1, 0, En)), ("×2.0".into(), "—".into()));
        assert_eq!(storage_ratio(4_692, 2_346, Es), "×2,0");
        assert_eq!(["8", " 64 ", "1"].map(parse_parallelism), [Some(8), Some(64), Some(1)]);
        for bad in ["0", "65", "", "-1", "1e3", "8.5", "abc", "99999999999", "٣"] {
            assert_eq!(parse_parallelism(bad), None, "{bad}");
        }
    }
}
