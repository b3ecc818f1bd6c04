//! UpdateStreamMode, StartStreamEncryption, StopStreamEncryption and on-demand scaling.
//!
//! AWS facts reproduced (KINESIS.md B10; AWS developer guide "on-demand mode"):
//! - A stream is PROVISIONED or ON_DEMAND; switching takes the stream through `UPDATING`, and is
//!   allowed twice per rolling 24 h.
//! - An ON_DEMAND stream starts with 4 MiB/s of write capacity (4 shards) and AWS adds capacity
//!   as write traffic grows, up to double the peak it has seen.
//! - Server-side encryption is a stream setting (`EncryptionType` KMS with a `KeyId`); records
//!   written while it is on carry `EncryptionType: KMS`.
//!
//! Simplifications (stated in the README's model assumptions): no cryptography happens; on-demand
//! scaling checks once per simulated second, keeps the open-shard count at least
//! `max(4, ceil(2 × last-second write demand / 1 MiB))` by splitting the busiest shards at their
//! midpoint (at most once every 30 s per stream), and never scales down.

use crate::engine::error::{invalid_argument, limit_exceeded, ApiError};
use crate::engine::ops::stream_admin::ON_DEMAND_INITIAL_SHARDS;
use crate::engine::state::hashing::HashKeyRange;
use crate::engine::state::limits::MIB;
use crate::engine::state::shard::{EncryptionType, ShardId};
use crate::engine::state::stream::{StreamKey, StreamMode, StreamStatus, StreamUpdate};
use crate::engine::time::{HOUR_MS, SECOND_MS};
use crate::engine::wire::shapes::StreamModeDetails;
use crate::engine::wire::validation::parse_stream_arn;
use crate::engine::{Engine, Scheduled};

use serde::Deserialize;

/// Mode switches allowed per stream per rolling 24 h.
pub const MODE_SWITCHES_PER_DAY: usize = 2;
/// Minimum time between two on-demand capacity increases of one stream, ms.
pub const AUTOSCALE_COOLDOWN_MS: u64 = 30 * SECOND_MS;

/// UpdateStreamMode request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateStreamModeInput {
    /// Stream ARN.
    #[serde(rename = "StreamARN")]
    pub stream_arn: String,
    /// New mode.
    pub stream_mode_details: StreamModeDetails,
}

/// Start/StopStreamEncryption request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EncryptionInput {
    /// Stream name.
    pub stream_name: String,
    /// Must be `KMS`.
    pub encryption_type: String,
    /// KMS key id, alias or ARN (not checked: no KMS here).
    pub key_id: String,
}

impl Engine {
    /// UpdateStreamMode.
    pub fn update_stream_mode(&mut self, input: UpdateStreamModeInput) -> Result<(), ApiError> {
        let name = match parse_stream_arn(&input.stream_arn) {
            Some((region, account, name)) if region == self.identity.region && account == self.identity.account_id => {
                name.to_string()
            }
            Some((_, _, name)) => return Err(self.identity.stream_not_found(name)),
            None => return Err(invalid_argument(format!("Invalid StreamARN {}.", input.stream_arn))),
        };
        let mode = StreamMode::parse(&input.stream_mode_details.stream_mode).ok_or_else(|| {
            invalid_argument(format!("Invalid StreamMode {}.", input.stream_mode_details.stream_mode))
        })?;
        let stream = self.existing_stream(&name)?;
        if stream.status != StreamStatus::Active {
            return Err(self.identity.stream_not_active(&name, stream.status.as_str()));
        }
        if stream.mode == mode {
            return Ok(());
        }
        let day_ago = self.now.minus(24 * HOUR_MS);
        if stream.mode_switches.iter().filter(|t| **t > day_ago).count() >= MODE_SWITCHES_PER_DAY {
            return Err(limit_exceeded(format!(
                "Stream {name} under account {} has already switched capacity mode {MODE_SWITCHES_PER_DAY} times in the last 24 hours.",
                self.identity.account_id
            )));
        }
        let key = stream.key;
        let now = self.now;
        if let Some(s) = self.streams.get_mut(&name) {
            s.mode_switches.retain(|t| *t > day_ago);
            s.mode_switches.push(now);
        }
        self.begin_update(key, StreamUpdate::Mode(mode));
        Ok(())
    }

    /// StartStreamEncryption.
    pub fn start_stream_encryption(&mut self, input: EncryptionInput) -> Result<(), ApiError> {
        self.change_encryption(input, EncryptionType::Kms)
    }

    /// StopStreamEncryption.
    pub fn stop_stream_encryption(&mut self, input: EncryptionInput) -> Result<(), ApiError> {
        self.change_encryption(input, EncryptionType::None)
    }

    fn change_encryption(&mut self, input: EncryptionInput, target: EncryptionType) -> Result<(), ApiError> {
        let stream = self.existing_stream(&input.stream_name)?;
        if input.encryption_type != "KMS" {
            return Err(invalid_argument(format!(
                "Encryption type {} is not supported. The only supported encryption type is KMS.",
                input.encryption_type
            )));
        }
        if stream.status != StreamStatus::Active {
            return Err(self.identity.stream_not_active(&input.stream_name, stream.status.as_str()));
        }
        let key = stream.key;
        let key_id = (target == EncryptionType::Kms).then_some(input.key_id);
        self.begin_update(key, StreamUpdate::Encryption(target, key_id));
        Ok(())
    }

    /// One on-demand capacity check (scheduled every second while the stream is ON_DEMAND).
    pub(crate) fn on_demand_tick(&mut self, key: StreamKey) {
        let now = self.now;
        let Some(stream) = self.stream_by_key_mut(key) else {
            return;
        };
        if stream.mode != StreamMode::OnDemand {
            return;
        }
        let mut demand: Vec<(u64, ShardId, HashKeyRange)> = Vec::new();
        for s in stream.shards.iter_mut().filter(|s| s.is_open()) {
            let total = s.counters.incoming_bytes + s.counters.write_throttled_bytes;
            demand.push((total - s.demand_mark.min(total), s.id, s.hash_key_range));
            s.demand_mark = total;
        }
        let total: u64 = demand.iter().map(|d| d.0).sum();
        let required = u64::from(ON_DEMAND_INITIAL_SHARDS).max((2 * total).div_ceil(MIB));
        let open = demand.len() as u64;
        let cooled = stream.last_autoscale.is_none_or(|t| now.since(t) >= AUTOSCALE_COOLDOWN_MS);
        let active = matches!(stream.status, StreamStatus::Active | StreamStatus::Updating);
        if active && cooled && open < required {
            stream.last_autoscale = Some(now);
            // Busiest first; ties by shard index, so the choice is deterministic.
            demand.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let splits = usize::try_from(required - open).unwrap_or(usize::MAX);
            let picked: Vec<(ShardId, HashKeyRange)> = demand
                .into_iter()
                .filter(|(_, _, r)| r.ending_hash_key - r.starting_hash_key >= 2)
                .take(splits)
                .map(|(_, id, r)| (id, r))
                .collect();
            for (id, r) in picked {
                let mid = r.midpoint();
                let lower = HashKeyRange { starting_hash_key: r.starting_hash_key, ending_hash_key: mid - 1 };
                let upper = HashKeyRange { starting_hash_key: mid, ending_hash_key: r.ending_hash_key };
                self.apply_reshard(key, &[id], &[lower, upper]);
            }
        }
        self.schedule_recurring(SECOND_MS, Scheduled::OnDemandTick(key));
    }
}
