//! How the views print values: one formatter per kind of value, so a duration, a hash key or a
//! shard reads the same in every view, and one rule set per language for every number.
//!
//! | value                         | formatter                                   | es                 | en                 |
//! |-------------------------------|---------------------------------------------|--------------------|--------------------|
//! | duration / simulated instant  | [`duration`] with a [`DurationStyle`]       | `2,5 s`, `00:21:35`| `2.5 s`, `00:21:35`|
//! | wall-clock instant (epoch ms) | [`iso_time`] (AWS's own format)             | `2025-01-01T00:00:05.250Z` | same       |
//! | hash key                      | [`hash_key_short`]                          | `340282…1455`      | same               |
//! | place in the hash space       | [`hash_fraction`], [`hash_fraction_in`]     | `0.5` (geometry)   | same               |
//! | shard                         | [`shard_short`], [`shard_number`]           | `#7`, `7`          | same               |
//! | sequence number               | [`sequence_tail`]                           | `…123456`          | same               |
//! | bytes                         | [`bytes`] (decimal), [`mib`] (binary)       | `2,3 KB`, `0,42`   | `2.3 KB`, `0.42`   |
//! | share                         | [`percent`]                                 | `99,90 %`          | `99.90%`           |
//! | count                         | [`grouped`]                                 | `1000`, `12.345`   | `1,000`, `12,345`  |
//! | decimal                       | [`decimal`]                                 | `2,5`              | `2.5`              |
//! | money                         | [`usd`], [`usd_precise`]                    | `19,11 US$`        | `$19.11`           |
//!
//! The rules are Unicode CLDR's for each locale (`common/main/es.xml` and `en.xml`,
//! <https://github.com/unicode-org/cldr/blob/main/common/main/es.xml>), as browsers'
//! `Intl.NumberFormat` applies them:
//! - **es**: decimal comma; thousands grouped with a dot, but only from five digits on
//!   (`minimumGroupingDigits` 2: `1000`, `12.345`, as the RAE also recommends for four-digit
//!   numbers); percent `#,##0 %` and currency `#,##0.00 ¤` with a no-break space (U+00A0)
//!   before the sign; the US dollar's symbol is `US$`.
//! - **en**: decimal point; thousands grouped with a comma from four digits on; percent
//!   `#,##0%` and currency `¤#,##0.00` with no space; the dollar's symbol is `$`.
//!
//! Units follow the number after a space (`2,3 KB`, `0,42 MiB/s`). Identifiers (hash keys,
//! sequence numbers, shard numbers) and AWS's ISO 8601 timestamps are not numbers to read and
//! keep their plain digits. Words around the numbers come from [`crate::i18n`].
//!
//! Pure (no Yew), tested natively. Integer arithmetic wherever the text depends on it; floats
//! only where a value is drawn ([`hash_fraction`], [`hash_fraction_in`]) or has no exact decimal ([`mib`]).

use crate::engine::state::limits::MIB;
use crate::engine::state::shard::ShardId;
use crate::engine::time::{HOUR_MS, MINUTE_MS, SECOND_MS};
pub use crate::i18n::numbers::{decimal, decimal_separator, grouped, percent, percent_sign, scaled, usd, usd_precise};
use crate::i18n::Lang;

/// A day, ms.
const DAY_MS: u64 = 24 * HOUR_MS;

/// How [`duration`] writes a span of milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationStyle {
    /// `HH:MM:SS`, hours growing past 24: simulated time since the stream became ACTIVE, in
    /// tables and lists (`01:02:03`, `25:00:00`).
    Clock,
    /// `HH:MM:SS.d`: the running clock of the top bar (`00:00:01.5`).
    ClockTenths,
    /// `HH:MM:SS.mmm`: record arrivals a few ms apart (`00:00:01.250`).
    ClockMillis,
    /// One unit, at most one decimal: labels of an axis of ages (`0 s`, `2.5 s`, `1.5 min`, `2 h`).
    Axis,
    /// The largest whole unit, with the next one when it is not zero: retention windows and
    /// gaps (`45 s`, `12 min`, `1 h 30 min`, `26 h`, `3 d 4 h`; days from 48 h on).
    Whole,
    /// Precise to a tenth of a second below a minute: lags and run times (`850 ms`, `12.3 s`,
    /// `21 min 35 s`, `3 h 05 min`).
    Precise,
    /// Whole units of an axis step: tick labels of an axis stepped in round seconds, minutes,
    /// hours or days (`30 s`, `45 min`, `30 h`, `12 d`). The field is the step, ms.
    Tick(u64),
}

/// `ms` written in `style` (see [`DurationStyle`]), with `lang`'s decimal separator.
pub fn duration(ms: u64, style: DurationStyle, lang: Lang) -> String {
    let sep = decimal_separator(lang);
    match style {
        DurationStyle::Clock => clock(ms),
        DurationStyle::ClockTenths => format!("{}{sep}{}", clock(ms), (ms / 100) % 10),
        DurationStyle::ClockMillis => format!("{}{sep}{:03}", clock(ms), ms % 1000),
        DurationStyle::Axis => match ms {
            0 => "0 s".into(),
            m if m < MINUTE_MS => format!("{} s", tenths_trimmed(m * 10 / SECOND_MS, lang)),
            m if m < HOUR_MS => format!("{} min", tenths_trimmed(m * 10 / MINUTE_MS, lang)),
            m => format!("{} h", tenths_trimmed(m * 10 / HOUR_MS, lang)),
        },
        DurationStyle::Whole => whole(ms),
        DurationStyle::Precise => match ms {
            0..=999 => format!("{ms} ms"),
            1_000..=59_999 => format!("{}{sep}{} s", ms / SECOND_MS, ms % SECOND_MS / 100),
            60_000..=3_599_999 => format!("{} min {:02} s", ms / MINUTE_MS, ms % MINUTE_MS / SECOND_MS),
            _ => format!("{} h {:02} min", grouped(ms / HOUR_MS, lang), ms % HOUR_MS / MINUTE_MS),
        },
        DurationStyle::Tick(step_ms) => {
            let n = if step_ms < MINUTE_MS {
                (ms / SECOND_MS, "s")
            } else if step_ms < HOUR_MS {
                (ms / MINUTE_MS, "min")
            } else if step_ms < DAY_MS {
                (ms / HOUR_MS, "h")
            } else {
                (ms / DAY_MS, "d")
            };
            format!("{} {}", grouped(n.0, lang), n.1)
        }
    }
}

/// `HH:MM:SS` since the stream became ACTIVE, hours growing past 24: the same in both
/// languages ([`DurationStyle::Clock`]).
pub fn clock(ms: u64) -> String {
    let s = ms / SECOND_MS;
    format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// The largest whole unit and the next one (`1 h 30 min`, `3 d 4 h`): no decimals, so the
/// same in both languages ([`DurationStyle::Whole`]).
pub fn whole(ms: u64) -> String {
    if ms >= 2 * DAY_MS {
        match (ms / DAY_MS, ms % DAY_MS / HOUR_MS) {
            (d, 0) => format!("{d} d"),
            (d, h) => format!("{d} d {h} h"),
        }
    } else if ms >= HOUR_MS {
        match (ms / HOUR_MS, ms % HOUR_MS / MINUTE_MS) {
            (h, 0) => format!("{h} h"),
            (h, m) => format!("{h} h {m} min"),
        }
    } else if ms >= MINUTE_MS {
        format!("{} min", ms / MINUTE_MS)
    } else {
        format!("{} s", ms / SECOND_MS)
    }
}

/// A count of tenths with one decimal, without a trailing zero decimal (`25` → `2,5` / `2.5`,
/// `20` → `2`).
fn tenths_trimmed(tenths: u64, lang: Lang) -> String {
    if tenths % 10 == 0 {
        grouped(tenths / 10, lang)
    } else {
        scaled(u128::from(tenths), 1, lang)
    }
}

/// An instant in epoch milliseconds as ISO 8601 in UTC, to the millisecond
/// (`2025-01-01T00:00:05.250Z`), as AWS prints ApproximateArrivalTimestamp.
pub fn iso_time(epoch_ms: u64) -> String {
    let secs = i64::try_from(epoch_ms / 1000).unwrap_or(0);
    let Ok(t) = time::OffsetDateTime::from_unix_timestamp(secs) else {
        return format!("{epoch_ms} ms");
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        epoch_ms % 1000
    )
}

/// A 128-bit hash key shortened for labels: the whole number up to 12 digits, else its first 6
/// and last 4 digits (`340282…1455`). Views put the whole value in a tooltip.
pub fn hash_key_short(h: u128) -> String {
    let s = h.to_string();
    if s.len() <= 12 {
        s
    } else {
        format!("{}…{}", &s[..6], &s[s.len() - 4..])
    }
}

/// Where hash key `h` lies in the hash space, from 0 (key 0) to 1 (key 2¹²⁸ − 1, which rounds
/// to 2¹²⁸ as a float): the one place a hash key becomes a float, for drawing.
pub fn hash_fraction(h: u128) -> f64 {
    h as f64 / 2f64.powi(128)
}

/// Where hash key `h` lies in the range `start..=end` (a shard's), from 0 (at `start`) to 1 (at
/// `end`): a dot's height in its shard's lane. Keys outside the range give values outside
/// `0..=1` only above it (below, the distance saturates at 0); callers clamp.
pub fn hash_fraction_in(h: u128, start: u128, end: u128) -> f64 {
    h.saturating_sub(start) as f64 / end.saturating_sub(start).max(1) as f64
}

/// A shard's number, the index in its id (`7` for `shardId-000000000007`).
pub fn shard_number(id: ShardId) -> String {
    id.0.to_string()
}

/// A shard's short label, `#7` for `shardId-000000000007`: lane labels, lists, the lineage.
/// Tables and tooltips show the whole id (`ShardId`'s `Display`).
pub fn shard_short(id: ShardId) -> String {
    format!("#{}", id.0)
}

/// The last `digits` characters of a sequence number (the whole number when shorter); views
/// write it after an ellipsis (`…123456`) and put the whole one in a tooltip.
pub fn sequence_tail(sequence_number: &str, digits: usize) -> &str {
    let start = sequence_number.len().saturating_sub(digits);
    sequence_number.get(start..).unwrap_or(sequence_number)
}

/// Bytes in decimal units with one decimal, rounded down, in `lang`'s conventions: `940 B`,
/// `2,3 KB` / `2.3 KB`, `3,4 MB`, `1,2 GB`.
pub fn bytes(b: u64, lang: Lang) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")];
    for (size, unit) in UNITS {
        if b >= size {
            return format!("{} {unit}", scaled(u128::from(b) * 10 / u128::from(size), 1, lang));
        }
    }
    format!("{b} B")
}

/// Bytes as mebibytes with two decimals and no unit (`0,42` / `0.42` for 440,402 bytes), for
/// throughput against the per-shard limits, which AWS states in MiB/s: callers write
/// `0,42 MiB/s` or `0,42 / 1 MiB/s`.
pub fn mib(b: u64, lang: Lang) -> String {
    decimal(b as f64 / MIB as f64, 2, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DurationStyle::{Axis, Clock, ClockMillis, ClockTenths, Precise, Tick, Whole};
    use Lang::{En, Es};

    #[test]
    fn clocks_grow_past_a_day_with_each_languages_decimal_sign() {
        assert_eq!(duration(3_723_400, Clock, Es), "01:02:03");
        assert_eq!(duration(90_000_000, Clock, En), "25:00:00");
        assert_eq!(duration(1_500, ClockTenths, En), "00:00:01.5");
        assert_eq!(duration(1_500, ClockTenths, Es), "00:00:01,5");
        assert_eq!(duration(0, ClockTenths, En), "00:00:00.0");
        assert_eq!(duration(61_250, ClockMillis, En), "00:01:01.250");
        assert_eq!(duration(61_250, ClockMillis, Es), "00:01:01,250");
    }

    #[test]
    fn axis_labels_use_one_unit_and_at_most_one_decimal() {
        let ms = [0, 2_500, 10_000, 90_000, 120_000, 5_400_000, 7_200_000];
        assert_eq!(ms.map(|m| duration(m, Axis, En)), ["0 s", "2.5 s", "10 s", "1.5 min", "2 min", "1.5 h", "2 h"]);
        assert_eq!(ms.map(|m| duration(m, Axis, Es)), ["0 s", "2,5 s", "10 s", "1,5 min", "2 min", "1,5 h", "2 h"]);
    }

    #[test]
    fn whole_durations_name_the_largest_unit_and_the_next() {
        let whole = |ms| duration(ms, Whole, Es);
        assert_eq!(
            [45_000, 12 * MINUTE_MS, 90 * MINUTE_MS, 26 * HOUR_MS, 47 * HOUR_MS].map(whole),
            ["45 s", "12 min", "1 h 30 min", "26 h", "47 h"]
        );
        assert_eq!([48 * HOUR_MS, 50 * HOUR_MS, 76 * HOUR_MS].map(whole), ["2 d", "2 d 2 h", "3 d 4 h"]);
    }

    #[test]
    fn precise_durations_keep_tenths_of_seconds() {
        let ms = [850, 12_345, 1_295_000, 11_100_000, 91_000_000];
        assert_eq!(
            ms.map(|m| duration(m, Precise, En)),
            ["850 ms", "12.3 s", "21 min 35 s", "3 h 05 min", "25 h 16 min"]
        );
        assert_eq!(
            ms.map(|m| duration(m, Precise, Es)),
            ["850 ms", "12,3 s", "21 min 35 s", "3 h 05 min", "25 h 16 min"]
        );
    }

    #[test]
    fn ticks_follow_the_unit_of_their_step() {
        assert_eq!(duration(30 * SECOND_MS, Tick(10 * SECOND_MS), Es), "30 s");
        assert_eq!(duration(45 * MINUTE_MS, Tick(15 * MINUTE_MS), Es), "45 min");
        assert_eq!(duration(30 * HOUR_MS, Tick(3 * HOUR_MS), En), "30 h");
        assert_eq!(duration(12 * DAY_MS, Tick(2 * DAY_MS), En), "12 d");
    }

    #[test]
    fn instants_print_as_iso_8601() {
        assert_eq!(iso_time(1_735_689_605_250), "2025-01-01T00:00:05.250Z");
        assert_eq!(iso_time(0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn hash_keys_shorten_and_place_in_the_space() {
        assert_eq!(hash_key_short(42), "42");
        assert_eq!(hash_key_short(999_999_999_999), "999999999999");
        assert_eq!(hash_key_short(u128::MAX), "340282…1455");
        assert_eq!(hash_fraction(0), 0.0);
        assert_eq!(hash_fraction(u128::MAX), 1.0);
        assert_eq!(hash_fraction(1 << 127), 0.5);
        // The old `h / u128::MAX` helpers gave the same floats: u128::MAX rounds to 2¹²⁸.
        assert_eq!(u128::MAX as f64, 2f64.powi(128));
        assert_eq!([10, 15, 20, 5, 30].map(|h| hash_fraction_in(h, 10, 20)), [0.0, 0.5, 1.0, 0.0, 2.0]);
        assert_eq!(hash_fraction_in(7, 7, 7), 0.0, "a one-key range");
    }

    #[test]
    fn shards_and_sequence_numbers_shorten() {
        assert_eq!((shard_short(ShardId(0)), shard_short(ShardId(12))), ("#0".into(), "#12".into()));
        assert_eq!(shard_number(ShardId(7)), "7");
        let seq = "49590338271490256608559692538361571095921575989136588898";
        assert_eq!(sequence_tail(seq, 6), "588898");
        assert_eq!(sequence_tail("123", 6), "123");
    }

    #[test]
    fn bytes_and_mebibytes_follow_the_language() {
        let b = [940, 2_346, 3_401_413, 1_200_000_000];
        assert_eq!(b.map(|b| bytes(b, En)), ["940 B", "2.3 KB", "3.4 MB", "1.2 GB"]);
        assert_eq!(b.map(|b| bytes(b, Es)), ["940 B", "2,3 KB", "3,4 MB", "1,2 GB"]);
        assert_eq!([mib(440_402, Es), mib(MIB, Es), mib(0, En), mib(440_402, En)], ["0,42", "1,00", "0.00", "0.42"]);
    }
}
