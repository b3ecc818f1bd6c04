//! Cost estimate: what a stream would cost on AWS, in integer micro-dollars.
//!
//! # What is modelled
//!
//! The Amazon Kinesis Data Streams price list for US East (N. Virginia), `us-east-1`, from the
//! AWS pricing page <https://aws.amazon.com/kinesis/data-streams/pricing/>. Every price is a named
//! constant in micro-dollars (1 µ$ = 10⁻⁶ USD) per the quantity AWS bills, and every price is an
//! assumption: AWS changes prices, and they differ by region. Where a figure could not be
//! confirmed against the AWS page itself, its doc comment says so.
//!
//! AWS facts reproduced (same page):
//! - Provisioned mode bills shard-hours, PUT payload units (each record counted in 25 KB chunks,
//!   "a 5KB record contains one PUT Payload Unit, a 45KB record contains two"), extended retention
//!   (beyond 24 h and up to 7 days) per shard-hour, long-term retention (beyond 7 days) per
//!   GB-month, and enhanced fan-out per consumer-shard-hour plus per GB retrieved.
//! - On-demand mode bills a per-stream hourly charge, data in and data out per GB (each record
//!   "rounded up to the nearest 1 KB (1,024 bytes)"), retention per GB-month and enhanced fan-out
//!   per GB retrieved.
//! - Monthly figures use 730 hours per month, the convention of the AWS Pricing Calculator
//!   (365 days × 24 h / 12).
//!
//! # What is simplified
//!
//! - KB is 1,024 bytes and GB is 2³⁰ bytes, as the pricing page defines 1 KB for on-demand data.
//!   So a PUT payload unit is 25 × 1,024 = 25,600 bytes; AWS's "a 1MB record contains 40 units"
//!   holds for 1,000 KB, and the largest record (1 MiB = 1,048,576 bytes) counts 41.
//! - A record's size for billing is its data plus partition key, the size the engine counts
//!   against the throughput limits.
//! - Time-based charges are pro rata to the millisecond (AWS bills whole hours of usage), and the
//!   shard count is taken as constant over the period.
//! - Retention storage assumes steady state: the stream has run long enough to fill its window, so
//!   the GB-months stored beyond a threshold are `bytes ingested × hours beyond it / 730`.
//! - No free tier, taxes, data transfer, KMS, CloudWatch enhanced-metrics or long-term retrieval
//!   charges.
//! - Rounding: each term is computed exactly in integers and rounded to the nearest micro-dollar
//!   (halves up); a line item is the sum of its rounded terms and the total is the sum of the line
//!   items.

use crate::engine::state::stream::StreamMode;
use crate::engine::time::HOUR_MS;

/// The day the prices below were last checked against AWS's pricing page (ISO 8601). The page
/// loads its price table with a script, so the stored copy read that day showed the worked
/// descriptions (units, rounding) but not every figure: see each constant's note.
pub const PRICES_AS_OF: &str = "2026-12-04";

/// Bytes in a billing KB (the pricing page: "1 KB (1,024 bytes)").
pub const KB: u64 = 1024;
/// Bytes in a billing GB (2³⁰; assumption consistent with KB = 1,024 bytes).
pub const GB: u64 = 1 << 30;
/// Bytes in one PUT payload unit: 25 KB.
pub const PUT_PAYLOAD_UNIT_BYTES: u64 = 25 * KB;
/// Hours in a billing month (AWS Pricing Calculator convention).
pub const HOURS_PER_MONTH: u64 = 730;
/// Retention included in the base price, hours.
pub const INCLUDED_RETENTION_HOURS: u64 = 24;
/// Retention up to which extended (not long-term) retention applies, hours (7 days).
pub const EXTENDED_RETENTION_MAX_HOURS: u64 = 168;
/// Micro-dollars in one dollar.
pub const MICRO_USD_PER_USD: u64 = 1_000_000;

/// Provisioned: $0.015 per shard-hour, in micro-dollars (15,000 µ$). Source: AWS Kinesis Data
/// Streams pricing page, us-east-1; the figure the course notes quote. An assumption that may
/// change.
pub const SHARD_HOUR_MICRO_USD: u64 = 15_000;

/// Provisioned: $0.014 per 1,000,000 PUT payload units, in micro-dollars per million units
/// (14,000 µ$, i.e. 0.014 µ$ per unit). Source: AWS Kinesis Data Streams pricing page,
/// us-east-1. An assumption that may change.
pub const PUT_PAYLOAD_MICRO_USD_PER_MILLION_UNITS: u64 = 14_000;

/// Provisioned: extended retention (retention above 24 h, up to 7 days), $0.020 per shard-hour,
/// in micro-dollars (20,000 µ$). Source: AWS Kinesis Data Streams pricing page, us-east-1, as
/// quoted by secondary sources; the stored copy of the AWS page did not show the figure. An
/// assumption that may change.
pub const EXTENDED_RETENTION_SHARD_HOUR_MICRO_USD: u64 = 20_000;

/// Both modes: long-term retention (data older than 7 days), $0.023 per GB-month, in
/// micro-dollars (23,000 µ$). Source: AWS Kinesis Data Streams pricing page, us-east-1.
/// NOT CONFIRMED: the stored copy of the AWS page did not show the figure and secondary sources
/// disagree (one quotes $0.10). An assumption that may change.
pub const LONG_TERM_RETENTION_MICRO_USD_PER_GB_MONTH: u64 = 23_000;

/// Provisioned: enhanced fan-out, $0.015 per consumer-shard-hour, in micro-dollars (15,000 µ$).
/// Source: AWS Kinesis Data Streams pricing page, us-east-1, as quoted by secondary sources. An
/// assumption that may change.
pub const EFO_CONSUMER_SHARD_HOUR_MICRO_USD: u64 = 15_000;

/// Provisioned: enhanced fan-out data retrieval, $0.013 per GB, in micro-dollars (13,000 µ$).
/// Source: AWS Kinesis Data Streams pricing page, us-east-1, as quoted by secondary sources. An
/// assumption that may change.
pub const EFO_RETRIEVAL_MICRO_USD_PER_GB: u64 = 13_000;

/// On-demand: $0.04 per stream-hour, in micro-dollars (40,000 µ$). Source: AWS Kinesis Data
/// Streams pricing page, us-east-1. NOT CONFIRMED against the stored AWS page (secondary sources
/// agree on $0.04). An assumption that may change.
pub const ON_DEMAND_STREAM_HOUR_MICRO_USD: u64 = 40_000;

/// On-demand: data in, $0.08 per GB, in micro-dollars (80,000 µ$). Source: AWS Kinesis Data
/// Streams pricing page, us-east-1 (price at the mode's launch). NOT CONFIRMED: the stored AWS
/// page did not show the figure and one secondary source quotes $0.04. An assumption that may
/// change.
pub const ON_DEMAND_DATA_IN_MICRO_USD_PER_GB: u64 = 80_000;

/// On-demand: data out (shared-throughput reads), $0.04 per GB, in micro-dollars (40,000 µ$).
/// Source: AWS Kinesis Data Streams pricing page, us-east-1. NOT CONFIRMED against the stored
/// AWS page. An assumption that may change.
pub const ON_DEMAND_DATA_OUT_MICRO_USD_PER_GB: u64 = 40_000;

/// On-demand: enhanced fan-out data retrieval, $0.05 per GB, in micro-dollars (50,000 µ$); no
/// consumer-shard-hour charge in this mode. Source: AWS Kinesis Data Streams pricing page,
/// us-east-1. NOT CONFIRMED against the stored AWS page. An assumption that may change.
pub const ON_DEMAND_EFO_RETRIEVAL_MICRO_USD_PER_GB: u64 = 50_000;

/// On-demand: extended retention (above 24 h, up to 7 days), $0.10 per GB-month, in
/// micro-dollars (100,000 µ$). Source: AWS Kinesis Data Streams pricing page, us-east-1. NOT
/// CONFIRMED against the stored AWS page. An assumption that may change.
pub const ON_DEMAND_EXTENDED_RETENTION_MICRO_USD_PER_GB_MONTH: u64 = 100_000;

/// PUT payload units of one record of `record_bytes` bytes (data + partition key): the size in
/// 25 KB (25,600-byte) chunks, rounded up, and at least 1 (every accepted record is a PUT).
pub fn put_payload_units(record_bytes: u64) -> u64 {
    record_bytes.div_ceil(PUT_PAYLOAD_UNIT_BYTES).max(1)
}

/// Bytes AWS bills for one record in on-demand data in / data out: its size rounded up to the
/// next whole KB (1,024 bytes).
pub fn billed_bytes(record_bytes: u64) -> u64 {
    record_bytes.div_ceil(KB).saturating_mul(KB)
}

/// What a stream did over a period, for [`estimate`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostInputs {
    /// Capacity mode.
    pub mode: StreamMode,
    /// Open shards, taken as constant over the period.
    pub open_shards: u64,
    /// Retention period, hours.
    pub retention_hours: u32,
    /// PUT payload units written ([`put_payload_units`] summed over records; provisioned only).
    pub put_payload_units: u64,
    /// Registered enhanced fan-out consumers.
    pub efo_consumers: u64,
    /// Bytes delivered to enhanced fan-out consumers.
    pub efo_bytes: u64,
    /// Bytes written, each record rounded up with [`billed_bytes`] (on-demand data in; both modes'
    /// retention storage).
    pub incoming_bytes: u64,
    /// Bytes read by shared-throughput (GetRecords) consumers, each record rounded up with
    /// [`billed_bytes`] (on-demand data out).
    pub outgoing_bytes: u64,
    /// Length of the period, ms.
    pub elapsed_ms: u64,
}

/// The estimate, by line item, in micro-dollars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostBreakdown {
    /// Provisioned shard-hours, µ$.
    pub shard_hours_micro_usd: u64,
    /// Provisioned PUT payload units, µ$.
    pub put_units_micro_usd: u64,
    /// Extended and long-term retention, µ$.
    pub retention_micro_usd: u64,
    /// Enhanced fan-out (consumer-shard-hours and data retrieved), µ$.
    pub efo_micro_usd: u64,
    /// On-demand stream-hours, data in and data out, µ$.
    pub on_demand_micro_usd: u64,
    /// Sum of the line items, µ$.
    pub total: u64,
}

/// `a × b × c / d`, rounded to the nearest integer (halves up), saturating at `u64::MAX`.
fn mul_div_round(a: u64, b: u64, c: u64, d: u128) -> u64 {
    if d == 0 {
        return 0;
    }
    let num = u128::from(a).saturating_mul(u128::from(b)).saturating_mul(u128::from(c));
    u64::try_from(num.saturating_add(d / 2) / d).unwrap_or(u64::MAX)
}

/// Cost of `units` of an hourly resource over `elapsed_ms` at `price` µ$ per unit-hour.
fn hourly(units: u64, price: u64, elapsed_ms: u64) -> u64 {
    mul_div_round(units, price, elapsed_ms, u128::from(HOUR_MS))
}

/// Cost of `bytes` at `price` µ$ per GB.
fn per_gb(bytes: u64, price: u64) -> u64 {
    mul_div_round(bytes, price, 1, u128::from(GB))
}

/// Steady-state storage cost of `hours` of retention for data ingested at `incoming_bytes` over
/// the period, at `price` µ$ per GB-month: `bytes × hours / 730` GB-months.
fn storage(incoming_bytes: u64, hours: u64, price: u64) -> u64 {
    mul_div_round(incoming_bytes, hours, price, u128::from(GB) * u128::from(HOURS_PER_MONTH))
}

/// Estimates what `inputs` would cost on AWS (us-east-1 prices above).
pub fn estimate(inputs: CostInputs) -> CostBreakdown {
    let retention = u64::from(inputs.retention_hours);
    let extended_hours = retention.min(EXTENDED_RETENTION_MAX_HOURS).saturating_sub(INCLUDED_RETENTION_HOURS);
    let long_term_hours = retention.saturating_sub(EXTENDED_RETENTION_MAX_HOURS);
    let long_term = storage(inputs.incoming_bytes, long_term_hours, LONG_TERM_RETENTION_MICRO_USD_PER_GB_MONTH);
    let mut b = match inputs.mode {
        StreamMode::Provisioned => CostBreakdown {
            shard_hours_micro_usd: hourly(inputs.open_shards, SHARD_HOUR_MICRO_USD, inputs.elapsed_ms),
            put_units_micro_usd: mul_div_round(
                inputs.put_payload_units,
                PUT_PAYLOAD_MICRO_USD_PER_MILLION_UNITS,
                1,
                1_000_000,
            ),
            retention_micro_usd: if extended_hours > 0 {
                hourly(inputs.open_shards, EXTENDED_RETENTION_SHARD_HOUR_MICRO_USD, inputs.elapsed_ms)
            } else {
                0
            }
            .saturating_add(long_term),
            efo_micro_usd: hourly(
                inputs.efo_consumers.saturating_mul(inputs.open_shards),
                EFO_CONSUMER_SHARD_HOUR_MICRO_USD,
                inputs.elapsed_ms,
            )
            .saturating_add(per_gb(inputs.efo_bytes, EFO_RETRIEVAL_MICRO_USD_PER_GB)),
            on_demand_micro_usd: 0,
            total: 0,
        },
        StreamMode::OnDemand => CostBreakdown {
            shard_hours_micro_usd: 0,
            put_units_micro_usd: 0,
            retention_micro_usd: storage(
                inputs.incoming_bytes,
                extended_hours,
                ON_DEMAND_EXTENDED_RETENTION_MICRO_USD_PER_GB_MONTH,
            )
            .saturating_add(long_term),
            efo_micro_usd: per_gb(inputs.efo_bytes, ON_DEMAND_EFO_RETRIEVAL_MICRO_USD_PER_GB),
            on_demand_micro_usd: hourly(1, ON_DEMAND_STREAM_HOUR_MICRO_USD, inputs.elapsed_ms)
                .saturating_add(per_gb(inputs.incoming_bytes, ON_DEMAND_DATA_IN_MICRO_USD_PER_GB))
                .saturating_add(per_gb(inputs.outgoing_bytes, ON_DEMAND_DATA_OUT_MICRO_USD_PER_GB)),
            total: 0,
        },
    };
    b.total =
        [b.shard_hours_micro_usd, b.put_units_micro_usd, b.retention_micro_usd, b.efo_micro_usd, b.on_demand_micro_usd]
            .into_iter()
            .fold(0u64, u64::saturating_add);
    b
}

/// The inputs of a steady 730-hour month: `records_per_sec` records of `avg_record_bytes` each,
/// every record read once by shared-throughput consumers and once by each of `efo_consumers`
/// enhanced fan-out consumers.
pub fn monthly_inputs(
    open_shards: u64,
    retention_hours: u32,
    records_per_sec: u64,
    avg_record_bytes: u64,
    efo_consumers: u64,
    mode: StreamMode,
) -> CostInputs {
    let records = records_per_sec.saturating_mul(HOURS_PER_MONTH * 3600);
    let units = if records == 0 { 0 } else { records.saturating_mul(put_payload_units(avg_record_bytes)) };
    let bytes = records.saturating_mul(billed_bytes(avg_record_bytes));
    CostInputs {
        mode,
        open_shards,
        retention_hours,
        put_payload_units: units,
        efo_consumers,
        efo_bytes: bytes.saturating_mul(efo_consumers),
        incoming_bytes: bytes,
        outgoing_bytes: bytes,
        elapsed_ms: HOURS_PER_MONTH * HOUR_MS,
    }
}

/// Estimated cost of a steady 730-hour month (see [`monthly_inputs`] for the assumptions).
pub fn monthly(
    open_shards: u64,
    retention_hours: u32,
    records_per_sec: u64,
    avg_record_bytes: u64,
    efo_consumers: u64,
    mode: StreamMode,
) -> CostBreakdown {
    estimate(monthly_inputs(open_shards, retention_hours, records_per_sec, avg_record_bytes, efo_consumers, mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provisioned(shards: u64, hours: u64, units: u64) -> CostBreakdown {
        estimate(CostInputs {
            mode: StreamMode::Provisioned,
            open_shards: shards,
            retention_hours: 24,
            put_payload_units: units,
            elapsed_ms: hours * HOUR_MS,
            ..CostInputs::default()
        })
    }

    #[test]
    fn the_course_figure_one_shard_hour_is_fifteen_thousandths_of_a_dollar() {
        // Course note 002: "Por tan solo 0,015 USD por hora" a stream of one shard.
        assert_eq!(provisioned(1, 1, 0).total, 15_000);
        assert_eq!(crate::i18n::numbers::usd_precise(15_000, 3, crate::i18n::Lang::En), "$0.015");
        assert_eq!(crate::i18n::numbers::usd_precise(15_000, 3, crate::i18n::Lang::Es), "0,015\u{a0}US$");
    }

    #[test]
    fn put_payload_units_count_25_kb_chunks_as_the_pricing_page_says() {
        // "a 5KB record contains one PUT Payload Unit, a 45KB record contains two PUT Payload
        // Units, and a 1MB record contains 40 PUT Payload Units" (1 MB = 1,000 KB there).
        assert_eq!(put_payload_units(5 * KB), 1);
        assert_eq!(put_payload_units(45 * KB), 2);
        assert_eq!(put_payload_units(1_000 * KB), 40);
        // On-demand: "if your data records are 4.5 KB each, Kinesis Data Streams will count
        // each record as 5 KB of data ingested".
        assert_eq!(billed_bytes(4 * KB + KB / 2), 5 * KB);
    }

    #[test]
    fn the_pricing_page_provisioned_example_reproduces_to_the_cent() {
        // AWS's worked example (provisioned): producers put 100 records/s of 35 KB, so 4 shards
        // (3.4 MB/s); a 31-day month. Shard-hours: $0.015 × 4 × 24 × 31 = $44.64. PUT payload
        // units: 2 per record, 200/s, 535,680,000 a month at $0.014 per million = $7.50
        // (7.49952). Total $52.14.
        let hours = 24 * 31;
        let units = 200 * 3600 * hours;
        assert_eq!(units, 535_680_000);
        let b = provisioned(4, hours, units);
        assert_eq!(b.shard_hours_micro_usd, 44_640_000);
        assert_eq!(b.put_units_micro_usd, 7_499_520);
        assert_eq!(b.total.div_ceil(10_000), 5_214); // $52.14
                                                     // The same load through `monthly` (730 h): 4 shards a month is $43.80.
        let m = monthly(4, 24, 100, 35 * KB, 0, StreamMode::Provisioned);
        assert_eq!(m.shard_hours_micro_usd, 43_800_000);
    }

    #[test]
    fn on_demand_bills_the_stream_hour_and_each_gb() {
        // One stream for a 730-hour month with nothing written: $0.04 × 730 = $29.20.
        let idle = monthly(4, 24, 0, 1_024, 0, StreamMode::OnDemand);
        assert_eq!(idle.total, 29_200_000);
        // 1 GB in and 1 GB out: $0.08 + $0.04.
        let gb = estimate(CostInputs {
            mode: StreamMode::OnDemand,
            incoming_bytes: GB,
            outgoing_bytes: GB,
            ..CostInputs::default()
        });
        assert_eq!(gb.total, 120_000);
        // Extended retention (7 days) in provisioned mode: $0.02 per shard-hour on top.
        let week = estimate(CostInputs {
            mode: StreamMode::Provisioned,
            open_shards: 1,
            retention_hours: 168,
            elapsed_ms: HOUR_MS,
            ..CostInputs::default()
        });
        assert_eq!(week.retention_micro_usd, 20_000);
    }
}
