//! Serde helpers for the AWS JSON 1.1 wire shapes shared by several operations.
//!
//! AWS sends hash keys and sequence numbers as decimal strings, blobs as base64 strings and
//! timestamps as epoch seconds (a JSON number). The engine keeps integers inside and converts
//! only here.

use crate::engine::state::hashing::HashKeyRange;
use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::{Shard, ShardId};
use crate::engine::time::SimTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serializes any `Display` value as a JSON string.
pub fn display<T: std::fmt::Display, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// Serializes an optional `Display` value as a JSON string (use with `skip_serializing_if`).
pub fn display_opt<T: std::fmt::Display, S: Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// Serializes a [`SimTime`] as epoch seconds.
pub fn epoch_seconds<S: Serializer>(t: &SimTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(t.epoch_seconds())
}

/// Base64 (standard alphabet, padded) for blob fields.
pub mod blob {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Encodes bytes as base64.
    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(v))
    }

    /// Decodes base64 (already validated by the request checker).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text.as_bytes()).map_err(serde::de::Error::custom)
    }
}

/// Reads a JSON number or `null` as an optional float (timestamps in epoch seconds).
pub fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(d)
}

/// `HashKeyRange` on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct HashKeyRangeShape {
    /// Decimal string.
    pub starting_hash_key: String,
    /// Decimal string.
    pub ending_hash_key: String,
}

impl From<HashKeyRange> for HashKeyRangeShape {
    fn from(r: HashKeyRange) -> Self {
        Self { starting_hash_key: r.starting_hash_key.to_string(), ending_hash_key: r.ending_hash_key.to_string() }
    }
}

/// `SequenceNumberRange` on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SequenceNumberRangeShape {
    /// Decimal string.
    pub starting_sequence_number: String,
    /// Decimal string; present once the shard is closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ending_sequence_number: Option<String>,
}

/// `Shard` on the wire (DescribeStream, ListShards).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ShardShape {
    /// `shardId-…`.
    #[serde(serialize_with = "display")]
    pub shard_id: ShardId,
    /// Parent (split, or first parent of a merge).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "display_opt")]
    pub parent_shard_id: Option<ShardId>,
    /// Second parent of a merge.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "display_opt")]
    pub adjacent_parent_shard_id: Option<ShardId>,
    /// Its hash keys.
    pub hash_key_range: HashKeyRangeShape,
    /// Its sequence numbers.
    pub sequence_number_range: SequenceNumberRangeShape,
}

impl From<&Shard> for ShardShape {
    fn from(s: &Shard) -> Self {
        Self {
            shard_id: s.id,
            parent_shard_id: s.parent,
            adjacent_parent_shard_id: s.adjacent_parent,
            hash_key_range: s.hash_key_range.into(),
            sequence_number_range: SequenceNumberRangeShape {
                starting_sequence_number: s.starting_sequence_number().to_string(),
                ending_sequence_number: s.ending_sequence_number().map(|q| q.to_string()),
            },
        }
    }
}

/// `ChildShard` on the wire (GetRecords at the end of a closed shard).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ChildShardShape {
    /// The child.
    #[serde(serialize_with = "display")]
    pub shard_id: ShardId,
    /// Its parents (one for a split, two for a merge).
    pub parent_shards: Vec<String>,
    /// Its hash keys.
    pub hash_key_range: HashKeyRangeShape,
}

/// A data record on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RecordShape {
    /// Sequence number.
    #[serde(serialize_with = "display")]
    pub sequence_number: SequenceNumber,
    /// Arrival time, epoch seconds.
    #[serde(serialize_with = "epoch_seconds")]
    pub approximate_arrival_timestamp: SimTime,
    /// Data (base64 on the wire).
    #[serde(with = "blob")]
    pub data: Vec<u8>,
    /// Partition key; absent for a record written without one to an `AUTO` stream (AWS returns
    /// it as null, "Important considerations" of service-managed record distribution).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub partition_key: String,
    /// `KMS` when the record was written to an encrypted stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_type: Option<String>,
}

/// One pushed `SubscribeToShardEvent`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SubscribeToShardEvent {
    /// Records, in sequence order.
    pub records: Vec<RecordShape>,
    /// Resume point: the last record delivered (use with AFTER_SEQUENCE_NUMBER).
    #[serde(serialize_with = "display")]
    pub continuation_sequence_number: SequenceNumber,
    /// Age of the oldest record not yet delivered at delivery time, ms (0 when caught up).
    pub millis_behind_latest: u64,
    /// Children, at the end of a closed shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_shards: Option<Vec<ChildShardShape>>,
}

/// `StreamModeDetails` on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamModeDetails {
    /// `PROVISIONED` or `ON_DEMAND`.
    pub stream_mode: String,
}

/// `EnhancedMonitoring` entry on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnhancedMetrics {
    /// Enabled shard-level metrics (EnableEnhancedMonitoring, `ops/monitoring.rs`).
    pub shard_level_metrics: Vec<String>,
}

/// An output with no fields (AWS sends an empty body).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Empty {}

/// Deserialize helper for inputs that take no fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct NoInput {}
