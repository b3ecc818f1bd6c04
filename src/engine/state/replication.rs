//! The three Availability Zone copies of every record, and a simulation control that takes one
//! Availability Zone down (not an AWS API).
//!
//! AWS's promise reproduced: "Amazon Kinesis Data Streams synchronously replicates data across
//! three Availability Zones, providing high availability and data durability"
//! (<https://aws.amazon.com/kinesis/data-streams/faqs/>). A write
//! is acknowledged only once it is stored in every zone that is up, so every acknowledged record
//! has at least two copies while one zone is down, and reads and writes go on from the other two.
//!
//! This is a model of the promise, not of AWS's internals (which AWS does not publish):
//!
//! ```text
//!   zone a ─┐                  written(shard) = the shard's IncomingRecords (acknowledged)
//!   zone b ─┼─ held(zone, shard) = written − missing(zone, shard)
//!   zone c ─┘
//!   down at t₀:   missing = written − written(t₀)   (its copies freeze)
//!   back at t₁:   missing = m₁ − CATCH_UP_RECORDS_PER_SECOND × (now − t₁) / 1 s, never below 0
//!                 (m₁ = what it missed while down; new writes reach it synchronously again)
//! ```
//!
//! Simplifications: the zone names are `<region>a`, `<region>b`, `<region>c` (names, which AWS
//! maps to physical zones per account, not zone ids such as `use1-az1`); counts are of records
//! acknowledged since the shard opened (retention trims all copies alike); re-replication goes at
//! a fixed modelled rate per shard ([`CATCH_UP_RECORDS_PER_SECOND`]); only one zone may be down,
//! and none may go down while another still catches up, because AWS's promise covers the loss of
//! one zone: taking a second one would leave a record with a single copy. The control changes no
//! event, digest, or API answer: a run that never uses it is the same run.

use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamKey;
use crate::engine::time::{SimTime, SECOND_MS};
use std::collections::BTreeMap;

/// Availability Zones each record is stored in.
pub const ZONE_COUNT: usize = 3;
/// Letters of the modelled zone names (`us-east-1a` …).
pub const ZONE_LETTERS: [char; ZONE_COUNT] = ['a', 'b', 'c'];
/// Records per second per shard a zone copies while it catches up after coming back (a
/// modelled rate; AWS publishes none).
pub const CATCH_UP_RECORDS_PER_SECOND: u64 = 200;

/// Why the zone control refused (codes; the UI explains them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ZoneRefusal {
    /// The zone number is not 0, 1 or 2.
    UnknownZone,
    /// Another zone is down: the promise covers the loss of one zone.
    AnotherZoneDown,
    /// A zone is still catching up: taking a second one down would leave single copies.
    StillCatchingUp,
}

impl ZoneRefusal {
    /// Every refusal, for completeness tests.
    pub const ALL: [ZoneRefusal; 3] =
        [ZoneRefusal::UnknownZone, ZoneRefusal::AnotherZoneDown, ZoneRefusal::StillCatchingUp];

    /// A stable code (`AnotherZoneDown`).
    pub fn code(self) -> &'static str {
        match self {
            ZoneRefusal::UnknownZone => "UnknownZone",
            ZoneRefusal::AnotherZoneDown => "AnotherZoneDown",
            ZoneRefusal::StillCatchingUp => "StillCatchingUp",
        }
    }
}

/// What a zone is doing now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneState {
    /// Up, holding every acknowledged record.
    InSync,
    /// Down since this instant: its copies are frozen.
    Down {
        /// When it went down.
        since: SimTime,
    },
    /// Back up and copying what it missed.
    CatchingUp {
        /// When it came back.
        since: SimTime,
        /// When its copies will agree with the others' again, if writes continue no faster.
        until: SimTime,
    },
}

/// One shard, identified across streams.
pub(crate) type ShardKey = (StreamKey, ShardId);

/// The replication model's state (see the module docs). Empty until the control is used.
#[derive(Clone, Debug, Default)]
pub struct Replication {
    /// The zone that is down, when it went down, and each shard's acknowledged count then.
    pub(crate) down: Option<(usize, SimTime, BTreeMap<ShardKey, u64>)>,
    /// The last zone that came back, when, and what each shard had missed by then.
    pub(crate) back: Option<(usize, SimTime, BTreeMap<ShardKey, u64>)>,
}

impl Replication {
    /// Records the zone still misses of a shard with `written` acknowledged records, now.
    pub(crate) fn missing(&self, zone: usize, key: ShardKey, written: u64, now: SimTime) -> u64 {
        if let Some((z, _, marks)) = &self.down {
            if *z == zone {
                return written.saturating_sub(marks.get(&key).copied().unwrap_or(0));
            }
        }
        if let Some((z, at, missed)) = &self.back {
            if *z == zone {
                let copied = CATCH_UP_RECORDS_PER_SECOND.saturating_mul(now.since(*at)) / SECOND_MS;
                return missed.get(&key).copied().unwrap_or(0).saturating_sub(copied);
            }
        }
        0
    }

    /// When the zone that came back last agrees with the others again.
    pub(crate) fn caught_up_at(&self) -> Option<(usize, SimTime, SimTime)> {
        let (zone, at, missed) = self.back.as_ref()?;
        let most = missed.values().copied().max().unwrap_or(0);
        let ms = most.saturating_mul(SECOND_MS).div_ceil(CATCH_UP_RECORDS_PER_SECOND);
        Some((*zone, *at, SimTime(at.0.saturating_add(ms))))
    }
}
