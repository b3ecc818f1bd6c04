//! Streams: status, shards, routing, retention and the sequence counters.
//!
//! AWS facts reproduced (KINESIS.md B1, B3, B9, B12):
//! - Status runs `CREATING → ACTIVE`, `ACTIVE → UPDATING → ACTIVE`, `DELETING → gone`.
//! - A record goes to the **open** shard whose hash-key range contains its hash key (the rule is
//!   `hashing::route`; the stream keeps its open ranges sorted for it).
//! - Sequence numbers come from one counter per group of five shards (shard index / 5), so puts to
//!   shards 0 and 1 get consecutive `seqIx` values, as AWS-validated kinesalite tests show.
//! - Retention is 24 h by default, 24..=8760 h; records older than it are gone, a decrease takes
//!   effect at once, and an increase does not bring expired data back.

use crate::engine::state::hashing::{route, HashKeyRange};
use crate::engine::state::shard::{EncryptionType, Shard, ShardId};
use crate::engine::time::{SimTime, HOUR_MS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Default retention, hours.
pub const DEFAULT_RETENTION_HOURS: u32 = 24;
/// Minimum retention, hours.
pub const MIN_RETENTION_HOURS: u32 = 24;
/// Maximum retention, hours (365 days; AWS raised it from 168 in 2020).
pub const MAX_RETENTION_HOURS: u32 = 8760;

/// `StreamStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StreamStatus {
    /// Being created; no shards visible yet.
    Creating,
    /// Ready.
    Active,
    /// Resharding or changing mode/encryption; reads and writes continue.
    Updating,
    /// Being deleted.
    Deleting,
}

impl StreamStatus {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamStatus::Creating => "CREATING",
            StreamStatus::Active => "ACTIVE",
            StreamStatus::Updating => "UPDATING",
            StreamStatus::Deleting => "DELETING",
        }
    }
}

/// `StreamModeDetails.StreamMode`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StreamMode {
    /// Fixed shard count, set by the user.
    #[default]
    Provisioned,
    /// AWS manages the shard count from the write traffic.
    OnDemand,
}

impl StreamMode {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamMode::Provisioned => "PROVISIONED",
            StreamMode::OnDemand => "ON_DEMAND",
        }
    }

    /// Reads the API spelling; `None` for anything else.
    pub fn parse(text: &str) -> Option<StreamMode> {
        match text {
            "PROVISIONED" => Some(StreamMode::Provisioned),
            "ON_DEMAND" => Some(StreamMode::OnDemand),
            _ => None,
        }
    }
}

/// A change in progress: the stream is `UPDATING` until it completes (see `ops/resharding.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StreamUpdate {
    /// Split a shard at a hash key.
    Split(ShardId, u128),
    /// Merge two adjacent shards.
    Merge(ShardId, ShardId),
    /// One step of UpdateShardCount towards a target count.
    Scale(u32),
    /// Switch capacity mode.
    Mode(StreamMode),
    /// Switch encryption.
    Encryption(EncryptionType, Option<String>),
}

/// A stream identity that survives renames of nothing: each `CreateStream` gets a new one, so a
/// deleted-and-recreated stream is a different stream (old iterators stop working).
pub type StreamKey = u64;

/// One Kinesis data stream.
#[derive(Clone, Debug)]
pub struct Stream {
    /// Unique per CreateStream.
    pub key: StreamKey,
    /// `StreamName`.
    pub name: String,
    /// `StreamARN`.
    pub arn: String,
    /// `StreamStatus`.
    pub status: StreamStatus,
    /// `StreamModeDetails.StreamMode`.
    pub mode: StreamMode,
    /// Creation instant (kinesalite backdates it 2 s; AWS-validated range 2–7 s).
    pub created: SimTime,
    /// `RetentionPeriodHours`.
    pub retention_hours: u32,
    /// Every shard ever created, indexed by shard index (expired ones included, flagged).
    pub shards: Vec<Shard>,
    /// The routing table: open shards' ranges sorted by `StartingHashKey` …
    open_ranges: Vec<HashKeyRange>,
    /// … and their shard indexes, in the same order.
    open_indexes: Vec<u32>,
    /// `seqIx` counters, one per group of five shard indexes.
    seq_counters: Vec<u64>,
    /// Tags (key → value).
    pub tags: BTreeMap<String, String>,
    /// `EncryptionType`.
    pub encryption_type: EncryptionType,
    /// `KeyId` when encrypted.
    pub key_id: Option<String>,
    /// `EnhancedMonitoring[0].ShardLevelMetrics`.
    pub shard_level_metrics: Vec<String>,
    /// When UpdateShardCount calls were accepted (rolling 24 h limit).
    pub scaling_calls: Vec<SimTime>,
    /// When UpdateStreamMode calls were accepted (rolling 24 h limit).
    pub mode_switches: Vec<SimTime>,
    /// Last on-demand capacity increase.
    pub last_autoscale: Option<SimTime>,
    /// `MaxRecordSizeInKiB`: the largest record the stream accepts (1024 by default, up to 10240
    /// with UpdateMaxRecordSize; see `engine::ops::max_record_size`).
    pub max_record_size_kib: u32,
    /// Whether the stream has been `ACTIVE`: one deleted while still `CREATING` lists no shards
    /// (DescribeStream shows `DELETING` with `Shards: []`, kinesalite's AWS-validated
    /// `deleteStream.js`, and the AWS CLI tutorial's transcript of describe-stream after
    /// delete-stream).
    pub was_active: bool,
    /// The record distribution strategy (`USER_PARTITION_KEY` or `AUTO`, see
    /// `engine::ops::distribution`).
    pub record_distribution: RecordDistribution,
    /// Records placed by `AUTO` so far: the round-robin cursor over the open shards.
    pub auto_placed: u64,
}

/// `RecordDistributionStrategy`: how a stream places records on shards
/// (<https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamRecordDistributionStrategy.html>).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RecordDistribution {
    /// The partition key's MD5 (or the ExplicitHashKey) picks the shard: the default.
    #[default]
    #[serde(rename = "USER_PARTITION_KEY")]
    UserPartitionKey,
    /// The service spreads records evenly and ignores keys (ON_DEMAND streams only).
    #[serde(rename = "AUTO")]
    Auto,
}

impl RecordDistribution {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordDistribution::UserPartitionKey => "USER_PARTITION_KEY",
            RecordDistribution::Auto => "AUTO",
        }
    }

    /// Reads the API spelling.
    pub fn parse(text: &str) -> Option<RecordDistribution> {
        match text {
            "USER_PARTITION_KEY" => Some(RecordDistribution::UserPartitionKey),
            "AUTO" => Some(RecordDistribution::Auto),
            _ => None,
        }
    }
}

impl Stream {
    /// A new stream in `CREATING` with `shard_count` uniform shards created at `shard_created`.
    pub fn new(
        key: StreamKey,
        name: String,
        arn: String,
        ranges: Vec<HashKeyRange>,
        shard_created: SimTime,
        now: SimTime,
    ) -> Self {
        let shards: Vec<Shard> =
            ranges.into_iter().enumerate().map(|(i, r)| Shard::new(ShardId(i as u32), r, shard_created, now)).collect();
        let mut s = Self {
            key,
            name,
            arn,
            status: StreamStatus::Creating,
            mode: StreamMode::Provisioned,
            created: shard_created,
            retention_hours: DEFAULT_RETENTION_HOURS,
            shards,
            open_ranges: Vec::new(),
            open_indexes: Vec::new(),
            seq_counters: Vec::new(),
            tags: BTreeMap::new(),
            encryption_type: EncryptionType::None,
            key_id: None,
            shard_level_metrics: Vec::new(),
            scaling_calls: Vec::new(),
            mode_switches: Vec::new(),
            last_autoscale: None,
            max_record_size_kib: crate::engine::state::limits::DEFAULT_MAX_RECORD_SIZE_KIB,
            was_active: false,
            record_distribution: RecordDistribution::UserPartitionKey,
            auto_placed: 0,
        };
        s.rebuild_routes();
        s
    }

    /// Retention in milliseconds.
    pub fn retention_ms(&self) -> u64 {
        u64::from(self.retention_hours) * HOUR_MS
    }

    /// Rebuilds the routing table after the set of open shards changed.
    pub fn rebuild_routes(&mut self) {
        let mut open: Vec<(u128, u32, HashKeyRange)> = self
            .shards
            .iter()
            .filter(|s| s.is_open())
            .map(|s| (s.hash_key_range.starting_hash_key, s.id.0, s.hash_key_range))
            .collect();
        open.sort_unstable();
        self.open_ranges = open.iter().map(|(_, _, r)| *r).collect();
        self.open_indexes = open.iter().map(|(_, i, _)| *i).collect();
    }

    /// The index of the open shard that owns `hash_key` ([`route`]). Open shards always tile
    /// the hash space, so this only fails for a stream with no shards.
    pub fn route(&self, hash_key: u128) -> Option<u32> {
        route(&self.open_ranges, hash_key).and_then(|i| self.open_indexes.get(i).copied())
    }

    /// The open shards' hash-key ranges, sorted by `StartingHashKey` (the input of [`route`]).
    pub fn open_hash_key_ranges(&self) -> &[HashKeyRange] {
        &self.open_ranges
    }

    /// Open shards in hash-key order.
    pub fn open_shards(&self) -> impl Iterator<Item = &Shard> + '_ {
        self.open_indexes.iter().filter_map(|i| self.shards.get(*i as usize))
    }

    /// Number of open shards.
    pub fn open_shard_count(&self) -> usize {
        self.open_indexes.len()
    }

    /// Shards that are listed by DescribeStream / ListShards (not expired), by index.
    pub fn listed_shards(&self) -> impl Iterator<Item = &Shard> + '_ {
        self.shards.iter().filter(|s| !s.expired)
    }

    /// A listed shard by index.
    pub fn shard(&self, id: ShardId) -> Option<&Shard> {
        self.shards.get(id.0 as usize).filter(|s| !s.expired)
    }

    /// A listed shard by index, mutably.
    pub fn shard_mut(&mut self, id: ShardId) -> Option<&mut Shard> {
        self.shards.get_mut(id.0 as usize).filter(|s| !s.expired)
    }

    fn counter_slot(&mut self, shard: u32) -> &mut u64 {
        let g = (shard / 5) as usize;
        if self.seq_counters.len() <= g {
            self.seq_counters.resize(g + 1, 0);
        }
        &mut self.seq_counters[g]
    }

    /// Records retained over all its shards, and the heap bytes their stores hold.
    pub fn retained(&self) -> (u64, u64) {
        self.shards.iter().fold((0, 0), |(n, b), sh| (n + sh.records.len() as u64, b + sh.records.heap_bytes() as u64))
    }

    /// The next `seqIx` of a shard's group, without taking it (the LATEST position).
    pub fn peek_seq_ix(&self, shard: u32) -> u64 {
        self.seq_counters.get((shard / 5) as usize).copied().unwrap_or(0)
    }

    /// Takes the next `seqIx` for a record written to `shard` at sequence time `seq_time`.
    /// As in kinesalite, a group's first record gets 1 rather than 0 when its time falls in the
    /// shard's creation second (the only time field a sequence number keeps), so it sorts above
    /// the shard's StartingSequenceNumber.
    pub fn take_seq_ix(&mut self, shard: u32, shard_created: SimTime, seq_time: SimTime) -> u64 {
        let slot = self.counter_slot(shard);
        if *slot == 0 && seq_time.secs() == shard_created.secs() {
            *slot = 1;
        }
        let ix = *slot;
        *slot += 1;
        ix
    }

    /// The hash key an `AUTO` record is written under: the StartingHashKey of the next open shard
    /// in hash-key order, round-robin from [`Stream::auto_placed`]. `None` with no open shard.
    pub fn next_auto_hash(&mut self) -> Option<u128> {
        let n = self.open_ranges.len() as u64;
        let pick = self.auto_placed.checked_rem(n)?;
        let range = self.open_ranges.get(usize::try_from(pick).ok()?)?;
        self.auto_placed = self.auto_placed.wrapping_add(1);
        Some(range.starting_hash_key)
    }

    /// The latest creation time among the stream's shards (children of a reshard are created up
    /// to 1 s ahead of the clock, and their records carry that time).
    pub fn newest_shard_created(&self) -> SimTime {
        self.shards.iter().map(|s| s.created).max().unwrap_or(self.created)
    }

    /// Removes every record older than the retention period at `now`, and marks closed shards
    /// whose retention has passed as expired. Returns `(shard, records removed, became expired)`
    /// for each shard that changed.
    pub fn trim(&mut self, now: SimTime) -> Vec<(ShardId, u64, bool)> {
        let retention = self.retention_ms();
        let cutoff = now.minus(retention);
        let mut changes = Vec::new();
        for shard in self.shards.iter_mut().filter(|s| !s.expired) {
            let removed = shard.records.trim_before(cutoff);
            shard.counters.expired_records += removed;
            let expire = shard.closed.is_some_and(|c| now.since(c) > retention);
            if expire {
                shard.expired = true;
                shard.records.clear();
            }
            if removed > 0 || expire {
                changes.push((shard.id, removed, expire));
            }
        }
        changes
    }

    /// The earliest future instant at which `trim` would change something, if any.
    pub fn next_expiry(&self) -> Option<SimTime> {
        let retention = self.retention_ms();
        self.shards
            .iter()
            .filter(|s| !s.expired)
            .flat_map(|s| {
                let rec = s.records.front().map(|r| r.arrival.plus(retention + 1));
                let close = s.closed.map(|c| c.plus(retention + 1));
                rec.into_iter().chain(close)
            })
            .min()
    }
}
