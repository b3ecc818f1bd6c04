//! Numbers as the pipelines panels print them, the same in Spanish and English (pure, tested
//! natively): grouped counts, the app's clock, durations, bytes, accuracy, the storage ratio, an
//! answer's difference from the truth, and the parallelism typed in the deploy form.

use crate::world::pipeline_spec::MAX_PARALLELISM;

/// `1 234 567`: thousands grouped with a narrow no-break space (SI style, read the same in
/// Spanish and English).
// format.rs: `grouped(n)`, the same.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// `HH:MM:SS` since the stream became ACTIVE (hours grow past 24), as the app's clock.
// format.rs: `duration(ms, DurationStyle::Clock)`, the same.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// A duration: `850 ms`, `12.3 s`, `21 min 35 s`, `3 h 05 min`.
// format.rs: `duration(ms, DurationStyle::Precise)`, the same.
pub fn duration(ms: u64) -> String {
    match ms {
        0..=999 => format!("{ms} ms"),
        1_000..=59_999 => format!("{}.{} s", ms / 1000, ms % 1000 / 100),
        60_000..=3_599_999 => format!("{} min {:02} s", ms / 60_000, ms % 60_000 / 1000),
        _ => format!("{} h {:02} min", ms / 3_600_000, ms % 3_600_000 / 60_000),
    }
}

/// Bytes in decimal units: `940 B`, `2.3 KB`, `3.4 MB`, `1.2 GB`.
// format.rs: `bytes(b)`, the same.
pub fn bytes(b: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")];
    for (size, unit) in UNITS {
        if b >= size {
            let tenths = b * 10 / size;
            return format!("{}.{} {unit}", tenths / 10, tenths % 10);
        }
    }
    format!("{b} B")
}

/// Share of the truth an answer gets right: `1 − error / truth`, as `99.98 %` (two decimals,
/// rounded down so that a wrong answer never shows 100 %).
// format.rs: `percent(truth − error, truth, 2)` when `truth > 0` (keep the empty-truth case).
pub fn accuracy(error: u64, truth_total: u64) -> String {
    if truth_total == 0 {
        return if error == 0 { "100.00 %".into() } else { "0.00 %".into() };
    }
    let right = truth_total.saturating_sub(error);
    let bp = u128::from(right) * 10_000 / u128::from(truth_total);
    format!("{}.{:02} %", bp / 100, bp % 100)
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
// format.rs: none (built on `grouped`).
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
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!((clock(3_723_400), clock(90_000_000)), ("01:02:03".into(), "25:00:00".into()));
        assert_eq!(
            [850, 12_345, 1_295_000, 91_000_000].map(duration),
            ["850 ms", "12.3 s", "21 min 35 s", "25 h 16 min"].map(String::from)
        );
        assert_eq!(
            [940, 2_346, 3_401_413, 1_200_000_000].map(bytes),
            ["940 B", "2.3 KB", "3.4 MB", "1.2 GB"].map(String::from)
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
