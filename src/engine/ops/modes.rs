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
//! midpoint (at most once every 30 s per stream), never scales down, and never takes the account
//! past its open-shard quota (AWS: on-demand shards count against the account's shard quota,
//! <https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html>).
//!
//! # Idle time costs nothing
//!
//! A check with no new writes since the one before, on a stream that already has its 4 shards,
//! changes nothing. So the check does not reschedule itself then: the stream falls asleep with
//! the instant of its last check. Before the clock moves, [`Engine::wake_on_demand`] looks at the
//! sleeping streams, and one that was written to since (its shards' byte counters moved past
//! their demand marks) gets its next check at the next instant of its old once-per-second grid.
//! Every check that runs therefore runs at the same instant and sees the same demand as when the
//! check ran every second, and a jump of a year, or to the end of time, costs one check per
//! stream, not one per second. The one difference: a woken check is queued when the clock next
//! moves, not a second before it runs, so among items due in the same millisecond it goes after
//! those already queued.

use crate::engine::error::{invalid_argument, limit_exceeded, ApiError};
use crate::engine::ops::stream_admin::ON_DEMAND_INITIAL_SHARDS;
use crate::engine::state::hashing::HashKeyRange;
use crate::engine::state::limits::MIB;
use crate::engine::state::shard::{EncryptionType, ShardId};
use crate::engine::state::stream::{StreamKey, StreamMode, StreamStatus, StreamUpdate};
use crate::engine::time::{SimTime, HOUR_MS, SECOND_MS};
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

    /// One on-demand capacity check (every second while the stream is ON_DEMAND and written to;
    /// see the module docs for how it sleeps).
    pub(crate) fn on_demand_tick(&mut self, key: StreamKey) {
        let now = self.now;
        self.on_demand_asleep.remove(&key);
        let room = self.config.shard_limit.saturating_sub(self.account_open_shards());
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
            let splits = usize::try_from((required - open).min(room)).unwrap_or(usize::MAX);
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
        let open = self.stream_by_key_mut(key).map_or(0, |s| s.open_shard_count() as u64);
        if open >= u64::from(ON_DEMAND_INITIAL_SHARDS) {
            // Without new writes the next check would find nothing to do: sleep.
            self.on_demand_asleep.insert(key, now);
        } else {
            self.schedule_recurring(SECOND_MS, Scheduled::OnDemandTick(key));
        }
    }

    /// The instant of the next check of each sleeping ON_DEMAND stream that has work again, or
    /// `None` for one that stays asleep (or is gone, or is no longer ON_DEMAND).
    fn on_demand_wakes(&self) -> impl Iterator<Item = (StreamKey, Option<SimTime>)> + '_ {
        self.on_demand_asleep.iter().map(move |(&key, &last)| {
            let Some(stream) = self.streams.values().find(|s| s.key == key) else {
                return (key, None);
            };
            let mut open = 0u64;
            let mut written = false;
            for s in stream.shards.iter().filter(|s| s.is_open()) {
                open += 1;
                written |= s.counters.incoming_bytes + s.counters.write_throttled_bytes != s.demand_mark;
            }
            let has_work =
                stream.mode == StreamMode::OnDemand && (written || open < u64::from(ON_DEMAND_INITIAL_SHARDS));
            // The first instant of the grid `last + k s` after now (k ≥ 1).
            let periods = self.now.since(last) / SECOND_MS + 1;
            let at = periods.checked_mul(SECOND_MS).and_then(|d| last.0.checked_add(d)).map(SimTime);
            (key, at.filter(|_| has_work))
        })
    }

    /// When the earliest sleeping ON_DEMAND check is due again (see the module docs).
    pub(crate) fn on_demand_wake_time(&self) -> Option<SimTime> {
        self.on_demand_wakes().filter_map(|(_, at)| at).min()
    }

    /// Queues the next check of every sleeping ON_DEMAND stream that was written to since its
    /// last check; forgets streams that are gone or no longer ON_DEMAND. Called before the clock
    /// moves, which is when a write made since the last check can first matter.
    pub(crate) fn wake_on_demand(&mut self) {
        if self.on_demand_asleep.is_empty() {
            return;
        }
        let wakes: Vec<(StreamKey, Option<SimTime>, bool)> = self
            .on_demand_wakes()
            .map(|(key, at)| {
                let keep = self.streams.values().any(|s| s.key == key && s.mode == StreamMode::OnDemand);
                (key, at, keep)
            })
            .collect();
        for (key, at, keep) in wakes {
            match at {
                Some(at) => {
                    self.on_demand_asleep.remove(&key);
                    if at <= crate::engine::state::sequence::LAST_ENCODABLE_TIME {
                        self.queue.push(at, Scheduled::OnDemandTick(key));
                    }
                }
                None if !keep => {
                    self.on_demand_asleep.remove(&key);
                }
                None => {}
            }
        }
    }
}
