//! Cost estimate: exact micro-dollar figures for the us-east-1 price list in `engine::cost`.

use kinesis_playground::engine::state::stream::StreamMode;
use kinesis_playground::world::cost::{
    billed_bytes, estimate, monthly, monthly_inputs, put_payload_units, CostBreakdown, CostInputs, GB, HOURS_PER_MONTH,
};

const HOUR_MS: u64 = 3_600_000;
const MONTH_MS: u64 = HOURS_PER_MONTH * HOUR_MS;

#[test]
fn one_shard_for_730_hours_is_10_dollars_95() {
    let b = estimate(CostInputs { open_shards: 1, retention_hours: 24, elapsed_ms: MONTH_MS, ..CostInputs::default() });
    assert_eq!(b, CostBreakdown { shard_hours_micro_usd: 10_950_000, total: 10_950_000, ..CostBreakdown::default() });
    assert_eq!(monthly(1, 24, 0, 0, 0, StreamMode::Provisioned).total, 10_950_000);
    // Pro rata: 90 minutes of 2 shards = 3 shard-hours = $0.045.
    let b =
        estimate(CostInputs { open_shards: 2, retention_hours: 24, elapsed_ms: 90 * 60_000, ..CostInputs::default() });
    assert_eq!(b.shard_hours_micro_usd, 45_000);
}

#[test]
fn put_payload_units_are_25_kib_chunks_rounded_up() {
    assert_eq!(put_payload_units(1), 1);
    assert_eq!(put_payload_units(5 * 1024), 1); // AWS: a 5KB record is one unit
    assert_eq!(put_payload_units(25 * 1024), 1);
    assert_eq!(put_payload_units(25 * 1024 + 1), 2);
    assert_eq!(put_payload_units(45 * 1024), 2); // AWS: a 45KB record is two units
    assert_eq!(put_payload_units(100 * 1024), 4);
    assert_eq!(put_payload_units(100 * 1024 + 1), 5);
    assert_eq!(put_payload_units(1000 * 1024), 40); // AWS: "a 1MB record contains 40 units"
    assert_eq!(put_payload_units(1024 * 1024), 41); // the largest record, 1 MiB
    assert_eq!(put_payload_units(0), 1);
    assert_eq!((billed_bytes(1), billed_bytes(1024), billed_bytes(4608)), (1024, 1024, 5120));
    // 4.5 KB bills 5 KB
}

#[test]
fn a_month_of_1000_records_per_second_of_1_kib() {
    let inputs = monthly_inputs(1, 24, 1000, 1024, 0, StreamMode::Provisioned);
    // 1,000/s × 2,628,000 s = 2,628,000,000 records of one unit each.
    assert_eq!(inputs.put_payload_units, 2_628_000_000);
    let b = estimate(inputs);
    // 2,628 million units × $0.014 = $36.792.
    assert_eq!(b.put_units_micro_usd, 36_792_000);
    assert_eq!(b.shard_hours_micro_usd, 10_950_000);
    assert_eq!(b.total, 47_742_000);
}

#[test]
fn retention_of_48_hours_adds_extended_retention_per_shard_hour() {
    let base = monthly(2, 24, 0, 0, 0, StreamMode::Provisioned);
    let b = monthly(2, 48, 0, 0, 0, StreamMode::Provisioned);
    // 2 shards × 730 h × $0.020 = $29.20.
    assert_eq!(base.retention_micro_usd, 0);
    assert_eq!(b.retention_micro_usd, 29_200_000);
    assert_eq!(b.total, base.total + 29_200_000);
    // 168 h costs the same extended rate; beyond it, long-term storage per GB-month adds up:
    // 730 GiB ingested with 898 h retention keeps 730 × (898 − 168) / 730 = 730 GiB-months × $0.023.
    let ext =
        estimate(CostInputs { open_shards: 1, retention_hours: 168, elapsed_ms: MONTH_MS, ..CostInputs::default() });
    assert_eq!(ext.retention_micro_usd, 14_600_000);
    let long = estimate(CostInputs {
        open_shards: 1,
        retention_hours: 898,
        incoming_bytes: 730 * GB,
        elapsed_ms: MONTH_MS,
        ..CostInputs::default()
    });
    assert_eq!(long.retention_micro_usd, 14_600_000 + 16_790_000);
}

#[test]
fn enhanced_fan_out_and_on_demand() {
    // Provisioned: 2 consumers × 4 shards × 730 h × $0.015 + 100 GiB × $0.013.
    let b = estimate(CostInputs {
        open_shards: 4,
        retention_hours: 24,
        efo_consumers: 2,
        efo_bytes: 100 * GB,
        elapsed_ms: MONTH_MS,
        ..CostInputs::default()
    });
    assert_eq!(b.efo_micro_usd, 87_600_000 + 1_300_000);
    // On-demand: 730 stream-hours × $0.04 + 10 GiB in × $0.08 + 20 GiB out × $0.04; no shard-hours
    // or PUT units.
    let b = estimate(CostInputs {
        mode: StreamMode::OnDemand,
        open_shards: 4,
        retention_hours: 24,
        put_payload_units: 1_000_000,
        incoming_bytes: 10 * GB,
        outgoing_bytes: 20 * GB,
        elapsed_ms: MONTH_MS,
        ..CostInputs::default()
    });
    assert_eq!(
        b,
        CostBreakdown {
            on_demand_micro_usd: 29_200_000 + 800_000 + 800_000,
            total: 30_800_000,
            ..CostBreakdown::default()
        }
    );
    assert_eq!(monthly(0, 24, 0, 0, 0, StreamMode::OnDemand).total, 29_200_000);
}

#[test]
fn zero_everything_costs_nothing() {
    assert_eq!(estimate(CostInputs::default()), CostBreakdown::default());
    assert_eq!(monthly(0, 24, 0, 0, 0, StreamMode::Provisioned), CostBreakdown::default());
    assert_eq!(estimate(CostInputs { open_shards: 10, retention_hours: 8760, ..CostInputs::default() }).total, 0);
}
