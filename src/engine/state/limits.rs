//! Per-shard throughput limits as integer token buckets.
//!
//! AWS facts reproduced (KINESIS.md B10, AWS "Quotas and limits"):
//! - **Writes:** each shard takes up to 1 MiB/s (data plus partition key) **and** 1,000 records/s.
//! - **Reads:** each shard serves 5 `GetRecords` calls/s and 2 MiB/s, shared by every polling
//!   consumer. A call may return up to 10 MiB; "if a call returns 10 MiB, subsequent calls made
//!   within the next 5 seconds throw an exception" (GetRecords API reference).
//! - **GetShardIterator:** 5 calls/s per shard.
//! - **Account quotas** (AWS "Quotas and limits",
//!   <https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>): the default
//!   open-shard quota by region and the on-demand starting and maximum capacity.
//!
//! Simplification: a bucket refills continuously (one second's worth of capacity, refilled
//! pro rata every millisecond) rather than in AWS's undisclosed per-second windows. The read-bytes
//! bucket goes into debt when a response is larger than the budget left: the read forfeits the
//! rest of the budget and its whole size becomes debt, so a 10 MiB read blocks the shard's reads
//! for exactly 5 s at 2 MiB/s — AWS's penalty.
//! Levels are kept in milli-units so refills are exact integers.

use crate::engine::time::SimTime;
use serde::{Deserialize, Serialize};

/// One MiB in bytes.
pub const MIB: u64 = 1024 * 1024;
/// Bytes per second a shard accepts (data + partition key).
pub const WRITE_BYTES_PER_SEC: u64 = MIB;
/// Records per second a shard accepts.
pub const WRITE_RECORDS_PER_SEC: u64 = 1_000;
/// GetRecords calls per second per shard (shared by all polling consumers).
pub const READ_CALLS_PER_SEC: u64 = 5;
/// Bytes per second a shard serves to polling consumers (shared).
pub const READ_BYTES_PER_SEC: u64 = 2 * MIB;
/// Largest GetRecords response in bytes.
pub const GET_RECORDS_MAX_BYTES: u64 = 10 * MIB;
/// Largest GetRecords response in records.
pub const GET_RECORDS_MAX_RECORDS: usize = 10_000;
/// GetShardIterator calls per second per shard.
pub const ITERATOR_CALLS_PER_SEC: u64 = 5;

/// Default open-shard quota per account in US East (N. Virginia), US West (Oregon) and Europe
/// (Ireland): "The default shard quota is 20,000 shards per AWS account" there (AWS "Quotas and
/// limits", <https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>).
pub const SHARD_QUOTA_LARGE_REGIONS: u64 = 20_000;
/// Default open-shard quota per account elsewhere. AWS says "1,000 or 6,000 shards" without
/// listing which region has which (same page); the model takes the lower figure.
pub const SHARD_QUOTA_OTHER_REGIONS: u64 = 1_000;
/// The regions with the 20,000-shard default quota (same page).
pub const LARGE_QUOTA_REGIONS: [&str; 3] = ["us-east-1", "us-west-2", "eu-west-1"];

/// The default open-shard quota of an account in `region`, shards.
pub fn default_shard_quota(region: &str) -> u64 {
    if LARGE_QUOTA_REGIONS.contains(&region) {
        SHARD_QUOTA_LARGE_REGIONS
    } else {
        SHARD_QUOTA_OTHER_REGIONS
    }
}

/// An on-demand stream's write capacity when created, bytes/s: "new data streams created with
/// the on-demand capacity mode have 4 MB/s of write and 8 MB/s of read throughput" (same page;
/// the engine reads MB as MiB, as it does for the shard limits).
pub const ON_DEMAND_START_WRITE_BYTES_PER_SEC: u64 = 4 * MIB;
/// An on-demand stream's read capacity when created, bytes/s (same page).
pub const ON_DEMAND_START_READ_BYTES_PER_SEC: u64 = 8 * MIB;
/// Most write capacity an on-demand stream scales to in us-east-1, us-west-2 and eu-west-1,
/// bytes/s: "up to 10 GB/s write and 20 GB/s read" (same page; 200 MB/s and 400 MB/s in the
/// other regions unless raised). The engine's scaling is bounded by the shard quota first.
pub const ON_DEMAND_MAX_WRITE_BYTES_PER_SEC: u64 = 10 * 1024 * MIB;
/// Most read capacity of an on-demand stream in those regions, bytes/s (same page).
pub const ON_DEMAND_MAX_READ_BYTES_PER_SEC: u64 = 20 * 1024 * MIB;
/// Most write capacity of an on-demand stream in the other regions, bytes/s (same page).
pub const ON_DEMAND_MAX_WRITE_OTHER_REGIONS: u64 = 200 * MIB;

/// A stream's `MaxRecordSizeInKiB` when created, KiB (1 MiB; UpdateMaxRecordSize raises it, see
/// `engine::ops::max_record_size`).
pub const DEFAULT_MAX_RECORD_SIZE_KIB: u32 = 1024;
/// Smallest `MaxRecordSizeInKiB`, KiB (UpdateMaxRecordSize API reference).
pub const MIN_MAX_RECORD_SIZE_KIB: u32 = 1024;
/// Largest `MaxRecordSizeInKiB`, KiB (10 MiB).
pub const MAX_MAX_RECORD_SIZE_KIB: u32 = 10_240;

/// Records above this size (bytes of data + key) burst past the write bucket (see
/// [`ShardLimits::admit_write`]): 1 MiB of data plus the longest partition key (256 bytes).
pub const LARGE_RECORD_BYTES: u64 = MIB + 256;

/// A token bucket holding up to one second of `rate_per_sec` units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenBucket {
    /// Units added per second (and the bucket's capacity).
    pub rate_per_sec: u64,
    /// Current level in thousandths of a unit; negative means debt.
    level_milli: i128,
    /// When the level was last brought up to date.
    updated: SimTime,
}

impl TokenBucket {
    /// A full bucket at `now`.
    pub fn new(rate_per_sec: u64, now: SimTime) -> Self {
        Self { rate_per_sec, level_milli: i128::from(rate_per_sec) * 1000, updated: now }
    }

    fn refill(&mut self, now: SimTime) {
        let elapsed = now.since(self.updated);
        self.updated = self.updated.max(now);
        let cap = i128::from(self.rate_per_sec) * 1000;
        // rate units/s = rate milli-units per ms.
        self.level_milli = (self.level_milli + i128::from(elapsed) * i128::from(self.rate_per_sec)).min(cap);
    }

    /// Units available at `now` (zero when in debt).
    pub fn available(&mut self, now: SimTime) -> u64 {
        self.refill(now);
        u64::try_from((self.level_milli / 1000).max(0)).unwrap_or(u64::MAX)
    }

    /// Takes `units` if the bucket holds them all; returns whether it did.
    pub fn try_take(&mut self, now: SimTime, units: u64) -> bool {
        self.refill(now);
        let need = i128::from(units) * 1000;
        if self.level_milli >= need {
            self.level_milli -= need;
            true
        } else {
            false
        }
    }

    /// True when the level is above zero (some budget left).
    pub fn has_budget(&mut self, now: SimTime) -> bool {
        self.refill(now);
        self.level_milli > 0
    }

    /// Takes `units` unconditionally, possibly going into debt.
    pub fn charge(&mut self, now: SimTime, units: u64) {
        self.refill(now);
        self.level_milli -= i128::from(units) * 1000;
    }

    /// Charges a read of `units`: within the remaining budget it is simply taken; a read larger
    /// than the budget forfeits what is left and leaves the whole read as debt, so it blocks for
    /// `units / rate` seconds — a 10 MiB read at 2 MiB/s blocks the next 5 s, as AWS states.
    pub fn charge_read(&mut self, now: SimTime, units: u64) {
        self.refill(now);
        let need = i128::from(units) * 1000;
        self.level_milli = if need <= self.level_milli { self.level_milli - need } else { -need };
    }

    /// Milliseconds until the bucket is out of debt (0 if it has budget).
    pub fn millis_until_budget(&mut self, now: SimTime) -> u64 {
        self.refill(now);
        if self.level_milli > 0 || self.rate_per_sec == 0 {
            return 0;
        }
        let deficit = (-self.level_milli) as u128 + 1;
        u64::try_from(deficit.div_ceil(u128::from(self.rate_per_sec))).unwrap_or(u64::MAX)
    }
}

/// The buckets of one shard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardLimits {
    /// Write bytes (1 MiB/s).
    pub write_bytes: TokenBucket,
    /// Write records (1000/s).
    pub write_records: TokenBucket,
    /// GetRecords calls (5/s).
    pub read_calls: TokenBucket,
    /// Read bytes (2 MiB/s, may go into debt).
    pub read_bytes: TokenBucket,
    /// GetShardIterator calls (5/s).
    pub iterator_calls: TokenBucket,
}

impl ShardLimits {
    /// Full buckets at `now`.
    pub fn new(now: SimTime) -> Self {
        Self {
            write_bytes: TokenBucket::new(WRITE_BYTES_PER_SEC, now),
            write_records: TokenBucket::new(WRITE_RECORDS_PER_SEC, now),
            read_calls: TokenBucket::new(READ_CALLS_PER_SEC, now),
            read_bytes: TokenBucket::new(READ_BYTES_PER_SEC, now),
            iterator_calls: TokenBucket::new(ITERATOR_CALLS_PER_SEC, now),
        }
    }

    /// Admits one record of `bytes` (data + key) if both write buckets allow it.
    /// A record larger than one second of capacity (1 MiB of data plus its key) is admitted when
    /// the byte bucket is full and drains it; otherwise the largest record could never be written.
    ///
    /// A large record (more than 1 MiB of data plus the longest key, only possible after
    /// UpdateMaxRecordSize) bursts: it is admitted when the byte bucket is full and charged in
    /// full, leaving the bucket in debt, so the shard still averages 1 MiB/s. AWS: "To accommodate
    /// large records, Kinesis Data Streams can burst up to 10 MiBs, while averaging 1 MiB per
    /// second" ("Handle large records",
    /// <https://docs.aws.amazon.com/streams/latest/dev/large-records.html>).
    pub fn admit_write(&mut self, now: SimTime, bytes: u64) -> bool {
        if bytes > LARGE_RECORD_BYTES {
            let full = self.write_bytes.available(now) >= self.write_bytes.rate_per_sec;
            if !full || !self.write_records.try_take(now, 1) {
                return false;
            }
            self.write_bytes.charge(now, bytes);
            return true;
        }
        let bytes = bytes.min(self.write_bytes.rate_per_sec);
        if self.write_bytes.available(now) < bytes || self.write_records.available(now) < 1 {
            return false;
        }
        self.write_bytes.try_take(now, bytes) && self.write_records.try_take(now, 1)
    }

    /// Admits one GetRecords call if a call token and some read budget are left.
    pub fn admit_read(&mut self, now: SimTime) -> bool {
        if !self.read_bytes.has_budget(now) || self.read_calls.available(now) < 1 {
            return false;
        }
        self.read_calls.try_take(now, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_shard_quota_is_twenty_thousand_in_the_three_large_regions() {
        assert_eq!(default_shard_quota("us-east-1"), 20_000);
        assert_eq!(default_shard_quota("eu-west-1"), 20_000);
        assert_eq!(default_shard_quota("us-west-2"), 20_000);
        assert_eq!(default_shard_quota("eu-south-2"), 1_000);
        assert_eq!(crate::engine::EngineConfig::default().shard_limit, 20_000);
    }

    #[test]
    fn a_ten_mib_record_bursts_then_the_shard_waits_ten_seconds() {
        let t0 = SimTime(0);
        let mut l = ShardLimits::new(t0);
        assert!(l.admit_write(t0, 10 * MIB));
        // 9 MiB of debt at 1 MiB/s: nothing fits for 9 s, a full bucket is back after 10 s.
        assert!(!l.admit_write(SimTime(9_000), 10));
        assert!(l.admit_write(SimTime(9_100), 10));
        assert!(!l.admit_write(SimTime(9_500), 10 * MIB));
        assert!(l.admit_write(SimTime(10_100), 10 * MIB));
    }

    #[test]
    fn a_ten_mib_read_blocks_reads_for_five_seconds() {
        let t0 = SimTime(0);
        let mut l = ShardLimits::new(t0);
        assert!(l.admit_read(t0));
        l.read_bytes.charge_read(t0, GET_RECORDS_MAX_BYTES);
        assert!(!l.admit_read(SimTime(5000)));
        assert!(l.admit_read(SimTime(5001)));
    }

    #[test]
    fn reads_within_the_budget_share_it() {
        let t0 = SimTime(0);
        let mut l = ShardLimits::new(t0);
        l.read_bytes.charge_read(t0, MIB);
        assert!(l.admit_read(t0));
        l.read_bytes.charge_read(t0, MIB);
        assert!(!l.admit_read(t0));
        assert!(l.admit_read(SimTime(1)));
    }

    #[test]
    fn writes_stop_at_one_thousand_records_per_second() {
        let t0 = SimTime(0);
        let mut l = ShardLimits::new(t0);
        let admitted = (0..1500).filter(|_| l.admit_write(t0, 10)).count();
        assert_eq!(admitted, 1000);
        assert!(!l.admit_write(SimTime(0), 10));
        assert!(l.admit_write(SimTime(1), 10)); // 1 ms refills one record
    }
}
