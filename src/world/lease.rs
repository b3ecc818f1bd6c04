//! The Kinesis Client Library's lease coordination (KCL 2.x): the lease table's row, the
//! renewer's and the taker's periods, and the taker's choice of which leases to take or steal.
//!
//! What it models:
//! - The **lease table** (AWS developer guide, "DynamoDB metadata tables and load balancing in
//!   KCL", <https://docs.aws.amazon.com/streams/latest/dev/kcl-dynamoDB.html>): one item per
//!   shard, keyed by `leaseKey` (the shard id), with `leaseOwner`, `leaseCounter`,
//!   `checkpoint` (a sequence number, or `TRIM_HORIZON` / `LATEST` / `SHARD_END`),
//!   `ownerSwitchesSinceCheckpoint` and `parentShardId`. [`Checkpoint`] is the checkpoint column.
//! - **Renewal and expiry** (KCL configuration table,
//!   <https://docs.aws.amazon.com/streams/latest/dev/kcl-configuration.html>):
//!   `failoverTimeMillis` (default 10,000 ms) is "the number of milliseconds that must pass
//!   before you can consider a lease owner to have failed". A worker renews the leases it holds
//!   by incrementing `leaseCounter` every [`renewer_interval_ms`] (KCL 2.x's
//!   `DynamoDBLeaseCoordinator`: failover / 3 − 25 ms); a lease whose counter has not moved for
//!   the failover time is expired, as is a lease nobody owns.
//! - **The lease taker** ([`leases_to_take`]), run by every worker every [`taker_interval_ms`]
//!   ((failover + 25 ms) × 2): it counts the unexpired leases per owner (counting itself), aims at
//!   `ceil(leases / workers)`, takes expired leases first and, only when there are none, steals
//!   from the most loaded worker — at most `maxLeasesToStealAtOneTime` (default 1) per run, and
//!   one even when that worker is exactly at the target if this one needs more than one. That is
//!   KCL 2.x's count-based balancing (`DynamoDBLeaseTaker`); `maxLeasesForWorker` is unlimited,
//!   its default.
//!
//! Simplified: KCL shuffles the expired leases and steals a random lease of the most loaded
//! worker; here the lowest shard id goes first and ties between equally loaded workers go to
//! the lowest worker number, so runs are deterministic. A worker sees a lease's expiry at the
//! instant it happens (KCL notices it on its next table scan). KCL 3.x's CPU-based balancing is
//! not modelled (the view explains what it changes).

use crate::engine::state::sequence::SequenceNumber;
use crate::engine::state::shard::ShardId;
use std::collections::BTreeMap;

/// KCL's `epsilonMillis`: slack subtracted from the renewal period and added to the taker's (ms).
pub const EPSILON_MS: u64 = 25;

/// KCL 2.x's `maxLeasesToStealAtOneTime` default: leases one taker run may steal.
pub const MAX_LEASES_TO_STEAL_AT_ONE_TIME: usize = 1;

/// How often a worker renews its leases, ms: `failoverTimeMillis / 3 − epsilonMillis` (3,308 ms
/// for the default 10,000 ms), at least 1 ms.
pub fn renewer_interval_ms(failover_ms: u64) -> u64 {
    (failover_ms / 3).saturating_sub(EPSILON_MS).max(1)
}

/// How often a worker runs the lease taker, ms: `(failoverTimeMillis + epsilonMillis) × 2`
/// (20,050 ms for the default 10,000 ms).
pub fn taker_interval_ms(failover_ms: u64) -> u64 {
    (failover_ms + EPSILON_MS) * 2
}

/// The `checkpoint` column of a lease.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checkpoint {
    /// No checkpoint yet; start at the oldest record kept.
    TrimHorizon,
    /// No checkpoint yet; start after the newest record.
    Latest,
    /// The last record processed and checkpointed.
    Sequence(SequenceNumber),
    /// The shard is closed and was read to its end.
    ShardEnd,
}

/// One lease as the taker sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TakerRow {
    /// `leaseKey`: the shard.
    pub shard: ShardId,
    /// `leaseOwner`, if any.
    pub owner: Option<u32>,
    /// Unowned, or its counter has not moved for the failover time.
    pub expired: bool,
}

/// A lease the taker takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// An expired or unowned lease.
    Expired(ShardId),
    /// A lease stolen from a live worker (the most loaded one).
    Steal {
        /// The lease.
        shard: ShardId,
        /// Its owner until now.
        from: u32,
    },
}

/// The leases worker `me` takes in one taker run over `rows` (the shards still being read),
/// KCL 2.x's `DynamoDBLeaseTaker.computeLeasesToTake`: target `ceil(leases / workers)` where the
/// workers are the owners of unexpired leases plus `me`; expired leases first; otherwise steal
/// from the most loaded worker, at most [`MAX_LEASES_TO_STEAL_AT_ONE_TIME`].
pub fn leases_to_take(me: u32, rows: &[TakerRow]) -> Vec<Take> {
    if rows.is_empty() {
        return Vec::new();
    }
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.expired) {
        if let Some(o) = r.owner {
            *counts.entry(o).or_default() += 1;
        }
    }
    counts.entry(me).or_default();
    let (leases, workers) = (rows.len(), counts.len());
    let target = if workers >= leases { 1 } else { leases.div_ceil(workers) };
    let mine = counts.get(&me).copied().unwrap_or(0);
    let needed = target.saturating_sub(mine);
    if needed == 0 {
        return Vec::new();
    }
    let expired: Vec<Take> = rows.iter().filter(|r| r.expired).map(|r| Take::Expired(r.shard)).take(needed).collect();
    if !expired.is_empty() {
        return expired;
    }
    // Most loaded worker: the first with the highest count.
    let mut most: Option<(u32, usize)> = None;
    for (w, n) in &counts {
        if most.is_none_or(|(_, m)| *n > m) {
            most = Some((*w, *n));
        }
    }
    let Some((from, load)) = most else {
        return Vec::new();
    };
    if from == me || load < target {
        return Vec::new();
    }
    let mut steal = needed.min(load - target);
    if needed > 1 && steal == 0 {
        steal = 1;
    }
    steal = steal.min(MAX_LEASES_TO_STEAL_AT_ONE_TIME);
    rows.iter()
        .filter(|r| !r.expired && r.owner == Some(from))
        .take(steal)
        .map(|r| Take::Steal { shard: r.shard, from })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(shard: u32, owner: Option<u32>, expired: bool) -> TakerRow {
        TakerRow { shard: ShardId(shard), owner, expired }
    }

    #[test]
    fn periods_follow_kcl_defaults() {
        assert_eq!(renewer_interval_ms(10_000), 3_308);
        assert_eq!(taker_interval_ms(10_000), 20_050);
    }

    #[test]
    fn a_lone_worker_takes_every_unowned_lease() {
        let rows: Vec<_> = (0..4).map(|s| row(s, None, true)).collect();
        assert_eq!(leases_to_take(0, &rows).len(), 4);
    }

    #[test]
    fn a_new_worker_steals_one_lease_from_the_most_loaded() {
        let rows: Vec<_> = (0..4).map(|s| row(s, Some(0), false)).collect();
        assert_eq!(leases_to_take(1, &rows), vec![Take::Steal { shard: ShardId(0), from: 0 }]);
    }

    #[test]
    fn expired_leases_go_before_stealing() {
        let rows = vec![row(0, Some(0), false), row(1, Some(0), false), row(2, Some(1), true), row(3, Some(1), true)];
        assert_eq!(leases_to_take(2, &rows), vec![Take::Expired(ShardId(2)), Take::Expired(ShardId(3))]);
    }

    #[test]
    fn balanced_workers_take_nothing() {
        let rows = vec![row(0, Some(0), false), row(1, Some(1), false), row(2, Some(0), false)];
        assert!(leases_to_take(1, &rows).is_empty());
        assert!(leases_to_take(0, &rows).is_empty());
    }
}
