//! Shards, shard ids and stored records.
//!
//! AWS facts reproduced (KINESIS.md B3, B4, B8):
//! - Shard ids are `shardId-` plus the index zero-padded to 12 digits; indexes are allocated
//!   sequentially for the stream's lifetime (splits and merges take the next numbers).
//! - Input shard ids are read leniently, as AWS does: the part after the first `-` (or the whole
//!   string) must be decimal digits in `0..=2147483647`, so `shardId-0`, `shard-0` and `0` all
//!   name shard 0.
//! - A shard's `StartingSequenceNumber` has `seqIx` 0 and its creation time; a closed shard's
//!   `EndingSequenceNumber` has `seqIx 0x7fffffffffffffff` and the close time.
//! - Shard states are OPEN → CLOSED (after a split or merge) → EXPIRED (once the retention period
//!   has passed since it closed, so every record it held has expired); expired shards leave
//!   `DescribeStream` and `ListShards`.

use crate::engine::state::hashing::HashKeyRange;
use crate::engine::state::limits::ShardLimits;
use crate::engine::state::sequence::{SequenceNumber, END_SEQ_IX};
use crate::engine::state::store::{RecordStore, StoredRecord};
use crate::engine::time::SimTime;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A shard index, displayed as AWS's shard id (`shardId-000000000007`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ShardId(pub u32);

impl fmt::Display for ShardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "shardId-{:012}", self.0)
    }
}

impl ShardId {
    /// Reads a shard id the lenient way AWS does (B4); `None` means AWS would answer
    /// "Could not find shard …".
    pub fn resolve(raw: &str) -> Option<ShardId> {
        let second = raw.split('-').nth(1).filter(|s| !s.is_empty());
        let digits = second.unwrap_or(raw);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Leading zeros are fine; the value must fit a signed 32-bit int.
        let trimmed = digits.trim_start_matches('0');
        if trimmed.len() > 10 {
            return None;
        }
        let value: u64 = if trimmed.is_empty() { 0 } else { trimmed.parse().ok()? };
        u32::try_from(value).ok().filter(|v| *v <= i32::MAX as u32).map(ShardId)
    }
}

/// The lifecycle state of a shard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ShardState {
    /// Accepts writes.
    Open,
    /// Split or merged; readable until its records expire.
    Closed,
    /// Closed and past retention; no longer listed.
    Expired,
}

/// How a record is encrypted at rest (`EncryptionType`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EncryptionType {
    /// `NONE`
    #[default]
    None,
    /// `KMS` (a flag only: the simulator does no cryptography).
    Kms,
}

impl EncryptionType {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EncryptionType::None => "NONE",
            EncryptionType::Kms => "KMS",
        }
    }
}

/// Cumulative per-shard counters (never reset; metrics take differences).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardCounters {
    /// Records accepted.
    pub incoming_records: u64,
    /// Bytes accepted (data + key).
    pub incoming_bytes: u64,
    /// Records refused by the write limits.
    pub write_throttled: u64,
    /// Bytes refused by the write limits.
    pub write_throttled_bytes: u64,
    /// GetRecords calls served.
    pub get_records_calls: u64,
    /// Records returned by GetRecords.
    pub outgoing_records: u64,
    /// Bytes returned by GetRecords.
    pub outgoing_bytes: u64,
    /// GetRecords / GetShardIterator calls refused by the read limits.
    pub read_throttled: u64,
    /// Records removed because they outlived the retention period.
    pub expired_records: u64,
}

/// One shard of a stream.
#[derive(Clone, Debug)]
pub struct Shard {
    /// Its index (the number in its id).
    pub id: ShardId,
    /// The hash keys it owns.
    pub hash_key_range: HashKeyRange,
    /// The shard it was split from, or the first of the two it was merged from.
    pub parent: Option<ShardId>,
    /// The second parent of a merge.
    pub adjacent_parent: Option<ShardId>,
    /// Creation time encoded in its sequence numbers (ms; whole seconds are encoded).
    pub created: SimTime,
    /// When it was closed by a split or merge.
    pub closed: Option<SimTime>,
    /// Set once it is closed and past retention.
    pub expired: bool,
    /// Retained records, oldest first, sequence numbers strictly increasing.
    pub records: RecordStore,
    /// Its throughput buckets.
    pub limits: ShardLimits,
    /// Its cumulative counters.
    pub counters: ShardCounters,
    /// Write demand (accepted + throttled bytes) at the last on-demand capacity check.
    pub(crate) demand_mark: u64,
}

impl Shard {
    /// A new open shard.
    pub fn new(id: ShardId, range: HashKeyRange, created: SimTime, now: SimTime) -> Self {
        Self {
            id,
            hash_key_range: range,
            parent: None,
            adjacent_parent: None,
            created,
            closed: None,
            expired: false,
            records: RecordStore::default(),
            limits: ShardLimits::new(now),
            counters: ShardCounters::default(),
            demand_mark: 0,
        }
    }

    /// OPEN, CLOSED or EXPIRED.
    pub fn state(&self) -> ShardState {
        match (self.closed, self.expired) {
            (None, _) => ShardState::Open,
            (Some(_), false) => ShardState::Closed,
            (Some(_), true) => ShardState::Expired,
        }
    }

    /// True while it accepts writes.
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// `SequenceNumberRange.StartingSequenceNumber`.
    pub fn starting_sequence_number(&self) -> SequenceNumber {
        SequenceNumber {
            shard_create_secs: self.created.secs(),
            seq_ix: 0,
            seq_time_secs: self.created.secs(),
            shard_index: self.id.0,
        }
    }

    /// `SequenceNumberRange.EndingSequenceNumber` (closed shards only).
    pub fn ending_sequence_number(&self) -> Option<SequenceNumber> {
        self.closed.map(|t| SequenceNumber {
            shard_create_secs: self.created.secs(),
            seq_ix: END_SEQ_IX,
            seq_time_secs: t.secs(),
            shard_index: self.id.0,
        })
    }

    /// Index of the first retained record whose `seqIx` is at least `min_seq_ix`.
    pub fn position_of(&self, min_seq_ix: u64) -> usize {
        self.records.position_of_seq_ix(min_seq_ix)
    }

    /// The full sequence number of a record of this shard. Its `seqTime` is the arrival time, or
    /// the shard's creation time when that is later (a child's first second, see
    /// `ops/put_records.rs`).
    pub fn sequence_number_of(&self, record: &StoredRecord<'_>) -> SequenceNumber {
        SequenceNumber {
            shard_create_secs: self.created.secs(),
            seq_ix: record.seq_ix,
            seq_time_secs: record.arrival.max(self.created).secs(),
            shard_index: self.id.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_shard_ids() {
        for ok in ["shardId-0", "shard-0", "foo-0", "0", "shardId-000000000000"] {
            assert_eq!(ShardId::resolve(ok), Some(ShardId(0)), "{ok}");
        }
        assert_eq!(ShardId::resolve("shardId-2147483647"), Some(ShardId(2_147_483_647)));
        for bad in ["ABKLFD8", "2.14E4", "2147483648", "shardId-002147483648", "shardId-", "-"] {
            assert_eq!(ShardId::resolve(bad), None, "{bad}");
        }
        assert_eq!(ShardId(7).to_string(), "shardId-000000000007");
    }
}
