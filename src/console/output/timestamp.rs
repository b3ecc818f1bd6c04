//! Timestamps as each CLI version prints them.
//!
//! Kinesis sends timestamps as epoch seconds (`1441215410.867`), and botocore hands each one to
//! the CLI's timestamp parser:
//! - **v1** (`awscli/customizations/scalarparse.py`, `add_timestamp_parser`): `cli_timestamp_format`
//!   defaults to `wire`, the identity: the number is printed as received (a Python float:
//!   `1441215410.867`, `1572297168.0`). The engine's `f64` seconds print the same way.
//! - **v2** (`awscli/customizations/timestampformat.py`, `iso_format`): the default `iso8601`
//!   is `parse_timestamp(value).isoformat()` (botocore `utils.py`), i.e.
//!   `datetime.datetime.fromtimestamp(value, tzlocal()).isoformat()`: `2015-09-02T17:36:50.867000+00:00`.
//!   Python rounds the fraction to microseconds half to even, and `isoformat` leaves the
//!   fraction out when it is zero (`2019-10-28T21:12:48+00:00`).
//!
//! Known difference: v2 writes the machine's **local** time zone (`tzlocal()`); the console
//! writes UTC, `+00:00` (what AWS CloudShell and most CI machines print), so that the output
//! does not depend on where the browser runs.
//!
//! Under v2 the parser runs while the response is parsed, before `--query`: apply
//! [`iso8601_timestamps`] to the response first, then the query, then the format.

use serde_json::{Map, Value};

/// The members of Kinesis output shapes whose shape is `Timestamp` (botocore
/// `data/kinesis/2013-12-02/service-2.json`): `StreamDescription`, `StreamDescriptionSummary`
/// and `StreamSummary` (`StreamCreationTimestamp`), `Record` (`ApproximateArrivalTimestamp`),
/// `Consumer` and `ConsumerDescription` (`ConsumerCreationTimestamp`), and
/// `MinimumThroughputBillingCommitmentOutput` (`StartedAt`, `EndedAt`, `EarliestAllowedEndAt`).
/// No other output member of the API has these names.
pub const TIMESTAMP_MEMBERS: [&str; 6] = [
    "StreamCreationTimestamp",
    "ApproximateArrivalTimestamp",
    "ConsumerCreationTimestamp",
    "StartedAt",
    "EndedAt",
    "EarliestAllowedEndAt",
];

/// `response` with every numeric [`TIMESTAMP_MEMBERS`] member, at any depth, rewritten as CLI v2
/// prints it ([`iso8601`]); everything else (and a timestamp already a string) unchanged.
pub fn iso8601_timestamps(response: &Value) -> Value {
    match response {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                let rewritten = match value {
                    Value::Number(n) if TIMESTAMP_MEMBERS.contains(&key.as_str()) => {
                        n.as_f64().and_then(iso8601).map_or_else(|| value.clone(), Value::String)
                    }
                    other => iso8601_timestamps(other),
                };
                out.insert(key.clone(), rewritten);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(iso8601_timestamps).collect()),
        other => other.clone(),
    }
}

/// Epoch seconds as CLI v2 prints them, in UTC: `datetime.fromtimestamp(s, tz).isoformat()`,
/// `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`. `None` for a time Python cannot represent (not finite,
/// or outside the years 1 to 9999).
pub fn iso8601(epoch_seconds: f64) -> Option<String> {
    if !epoch_seconds.is_finite() {
        return None;
    }
    // CPython `_PyTime_ObjectToTimeval(…, _PyTime_ROUND_HALF_EVEN)`: split with modf, round the
    // fraction's microseconds half to even, carry into the seconds.
    let mut whole = epoch_seconds.trunc();
    let mut micros = ((epoch_seconds - whole) * 1e6).round_ties_even();
    if micros >= 1e6 {
        micros -= 1e6;
        whole += 1.0;
    } else if micros < 0.0 {
        micros += 1e6;
        whole -= 1.0;
    }
    // Years 1 ..= 9999, as `datetime` allows.
    const MIN: f64 = -62_135_596_800.0;
    const MAX: f64 = 253_402_300_799.0;
    if !(MIN..=MAX).contains(&whole) {
        return None;
    }
    let seconds = whole as i64;
    let micros = micros as u32;
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let mut out =
        format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}", of_day / 3600, of_day % 3600 / 60, of_day % 60);
    if micros != 0 {
        out.push_str(&format!(".{micros:06}"));
    }
    out.push_str("+00:00");
    Some(out)
}

/// The proleptic Gregorian date `days` days after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
