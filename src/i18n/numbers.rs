//! Numbers as each language writes them: the decimal sign, thousands grouping, the percent
//! sign and US dollars, by the Unicode CLDR rules of each locale (`common/main/es.xml` and
//! `en.xml`, <https://github.com/unicode-org/cldr/blob/main/common/main/es.xml>), as browsers'
//! `Intl.NumberFormat` applies them:
//!
//! | rule            | es (CLDR `es`)                        | en (CLDR `en`)        |
//! |-----------------|---------------------------------------|-----------------------|
//! | decimal sign    | `2,5`                                 | `2.5`                 |
//! | grouping        | `.` from five digits (`1000`, `12.345`; `minimumGroupingDigits` 2, as the RAE recommends) | `,` from four (`1,000`) |
//! | percent         | `50 %` (no-break space, `#,##0 %`)    | `50%` (`#,##0%`)      |
//! | US dollars      | `19,11 US$` (`#,##0.00 ¤`, symbol `US$`) | `$19.11` (`¤#,##0.00`) |
//!
//! They live in `i18n` so that a message with values ([`crate::i18n::Message`]) writes its
//! numbers the same way as the views; `ui::format` re-exports them beside the formatters of
//! each kind of value (durations, bytes, MiB/s), which are built on [`scaled`]. Integer
//! arithmetic throughout, except [`decimal`] for values measured as floats.

use super::lang::Lang;

/// The decimal separator of `lang`: a comma in Spanish, a point in English (CLDR).
pub fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::Es => ',',
        Lang::En => '.',
    }
}

/// `value / 10^decimals` written with `decimals` decimals in `lang`'s conventions, its
/// integer part grouped as [`grouped`] does (`scaled(12345, 2, Es)` is `123,45`).
pub fn scaled(value: u128, decimals: u32, lang: Lang) -> String {
    let scale = 10u128.pow(decimals);
    let int = group_digits(&(value / scale).to_string(), lang);
    if decimals == 0 {
        int
    } else {
        format!("{int}{}{:0width$}", decimal_separator(lang), value % scale, width = decimals as usize)
    }
}

/// A non-negative float with `decimals` decimals (rounded to nearest) in `lang`'s conventions
/// (`2,50` / `2.50`); a negative or non-finite value reads as 0. For values with no exact
/// decimal (rates measured as floats); counts go through [`grouped`].
pub fn decimal(v: f64, decimals: u32, lang: Lang) -> String {
    let scale = 10f64.powi(decimals as i32);
    let n = if v.is_finite() && v > 0.0 { (v * scale).round() } else { 0.0 };
    // `as` saturates: a float beyond u128 prints as u128::MAX, never panics.
    scaled(n as u128, decimals, lang)
}

/// `part` of `whole` in percent with `decimals` decimals, rounded down so that anything short
/// of the whole never shows 100 %: `99,90 %` in Spanish (no-break space before the sign),
/// `99.90%` in English (CLDR's percent patterns). An empty whole gives 0.
pub fn percent(part: u64, whole: u64, decimals: u32, lang: Lang) -> String {
    let scale = 10u128.pow(decimals);
    let scaled_value = (u128::from(part) * 100 * scale).checked_div(u128::from(whole)).unwrap_or(0);
    percent_sign(scaled(scaled_value, decimals, lang), lang)
}

/// `number` (already written in `lang`'s conventions) followed by the percent sign as `lang`
/// writes it: `50 %` (U+00A0) in Spanish, `50%` in English.
pub fn percent_sign(number: String, lang: Lang) -> String {
    match lang {
        Lang::Es => format!("{number}\u{a0}%"),
        Lang::En => format!("{number}%"),
    }
}

/// A count with its thousands grouped as `lang` groups them (CLDR): a dot in Spanish from five
/// digits on (`1000`, `12.345`, `1.234.567`), a comma in English (`1,000`, `1,234,567`).
pub fn grouped(n: u64, lang: Lang) -> String {
    group_digits(&n.to_string(), lang)
}

/// `digits` (ASCII digits only) with their thousands grouped for `lang`.
fn group_digits(digits: &str, lang: Lang) -> String {
    let (sep, min_len) = match lang {
        Lang::Es => ('.', 5),
        Lang::En => (',', 4),
    };
    if digits.len() < min_len {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Dollars from micro-dollars, two decimals, rounded down: `1,23 US$` in Spanish, `$1.23` in
/// English (CLDR's currency patterns and symbols). AWS bills in US dollars in both languages.
pub fn usd(micro: u64, lang: Lang) -> String {
    usd_precise(micro / 10_000 * 10_000, 2, lang)
}

/// Dollars from micro-dollars with `decimals` decimals (at most 6), rounded down: prices per
/// unit such as `0,015 US$` / `$0.015` a shard-hour.
pub fn usd_precise(micro: u64, decimals: u32, lang: Lang) -> String {
    let decimals = decimals.min(6);
    let amount = scaled(u128::from(micro / 10u64.pow(6 - decimals)), decimals, lang);
    match lang {
        Lang::Es => format!("{amount}\u{a0}US$"),
        Lang::En => format!("${amount}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Es};

    #[test]
    fn counts_group_as_cldr_says_for_each_language() {
        let n = [0, 999, 1_000, 9_999, 12_345, 1_234_567];
        assert_eq!(n.map(|n| grouped(n, Es)), ["0", "999", "1000", "9999", "12.345", "1.234.567"]);
        assert_eq!(n.map(|n| grouped(n, En)), ["0", "999", "1,000", "9,999", "12,345", "1,234,567"]);
    }

    #[test]
    fn decimals_use_a_comma_in_spanish_and_a_point_in_english() {
        assert_eq!((decimal(2.5, 1, Es), decimal(2.5, 1, En)), ("2,5".into(), "2.5".into()));
        assert_eq!((decimal(12_345.678, 2, Es), decimal(12_345.678, 2, En)), ("12.345,68".into(), "12,345.68".into()));
        assert_eq!([decimal(-1.0, 1, En), decimal(f64::NAN, 2, Es)], ["0.0", "0,00"]);
        assert_eq!(decimal(f64::INFINITY, 0, En), "0");
        assert_eq!((scaled(12_345, 2, Es), scaled(5, 3, En)), ("123,45".into(), "0.005".into()));
    }

    #[test]
    fn percents_put_the_sign_as_each_language_does() {
        assert_eq!(percent(39_160, 39_196, 2, Es), "99,90\u{a0}%");
        assert_eq!(percent(39_160, 39_196, 2, En), "99.90%");
        assert_eq!(percent(999_999, 1_000_000, 2, En), "99.99%", "never rounds up to 100 %");
        assert_eq!(
            (percent(500, 1000, 1, Es), percent(505, 1000, 1, En), percent(1, 3, 0, Es)),
            ("50,0\u{a0}%".into(), "50.5%".into(), "33\u{a0}%".into())
        );
        assert_eq!(percent(5, 0, 2, En), "0.00%");
    }

    #[test]
    fn dollars_are_us_dollars_after_the_amount_in_spanish_and_before_in_english() {
        assert_eq!(usd(19_119_999, Es), "19,11\u{a0}US$");
        assert_eq!(usd(19_119_999, En), "$19.11");
        assert_eq!(usd(1_234_567_890, Es), "1234,56\u{a0}US$", "four digits are not grouped in Spanish");
        assert_eq!(usd(12_345_670_000, En), "$12,345.67");
        assert_eq!(
            (usd_precise(15_000, 3, Es), usd_precise(15_000, 3, En)),
            ("0,015\u{a0}US$".into(), "$0.015".into())
        );
    }
}
