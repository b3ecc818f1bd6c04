//! Narration (issue #16, part B): turns the engine's typed events and the world's consumer
//! changes into [`Narration`]s, keeps the last [`LOG_CAP`] of them in a bounded log that lives
//! inside [`crate::ui::sim::Sim`] (so a restored checkpoint brings its log back), and paces what
//! the page shows and announces. Pure: no wall clock is read here; the component passes its own.
//!
//! ```text
//!  Sim::run (chunks of ≤ CHUNK_RECORDS records) ─► Engine::drain_events ─┐
//!  World::consumers (lost, lag, Lambda invocations) ─────────────────────┴─► Narrator::collect
//!        ─► Entry { n, at, kind, rare, callout, what: Narration } ─► log (≤ LOG_CAP, newest last)
//!  component: Pace (status line, ≥ STATUS_GAP_MS wall apart unless rare)
//!             Pace (aria-live, rare only, ≥ ANNOUNCE_GAP_MS wall apart)
//!             Callout (the newest callout-worthy entry, for CALLOUT_MS wall)
//! ```
//!
//! # Sampling (what is narrated at thousands of records per second)
//!
//! - **Rare events are always logged**: shards opened, closed or expired; stream status,
//!   retention, mode and encryption changes; enhanced fan-out consumers registered, changing
//!   status or deleted, and subscriptions that end for a reason other than their routine 5-minute
//!   renewal; the student's own PutRecord/PutRecords (a view's button or the console); the first
//!   throttled write or read on a shard after [`THROTTLE_QUIET_MS`] without one; a consumer that
//!   lost records to expiry; a consumer whose lag passes [`BEHIND_MS`].
//! - **Common events are sampled**: of the writes, reads, pushes, Lambda invocations, trims and
//!   continued throttling, only the most recent of each kind per collection (one per frame or
//!   step) is kept, and only when [`SAMPLE_MS`] simulated ms (trims: [`EXPIRY_SAMPLE_MS`]) passed
//!   since that kind's previous entry; the entry says how many it stands for ("+1.234 more").
//!   At most [`COMMON_CAP`] of the log's entries are sampled ones, so a burst of writes at
//!   3600× never pushes the rare events out.
//! - **The page is paced by wall time**: the status line changes at most every
//!   [`STATUS_GAP_MS`] of wall time (a rare event shows at once), screen readers hear only rare
//!   events, at most one per [`ANNOUNCE_GAP_MS`], and one callout at a time stays [`CALLOUT_MS`].
//!
//! The engine keeps only its newest 4,096 events (`World::new`); [`CHUNK_RECORDS`] bounds how
//! many records one chunk simulates, so a shard closing in a busy frame is not dropped.

use crate::engine::events::Event;
use crate::engine::state::consumer::ConsumerKey;
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::{Stream, StreamKey};
use crate::engine::state::subscription::SubscriptionEnd;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::i18n::narrate::{Narration, Text};
use crate::world::consumer::ConsumerApp;
use crate::world::World;
use std::collections::{BTreeMap, VecDeque};

/// Entries the event log keeps.
pub const LOG_CAP: usize = 100;
/// Most sampled (common) entries among them.
pub const COMMON_CAP: usize = 30;
/// Least simulated time between two sampled entries of one kind, ms.
pub const SAMPLE_MS: u64 = SECOND_MS;
/// Least simulated time between two sampled trims (records expired by retention), ms.
pub const EXPIRY_SAMPLE_MS: u64 = 10 * SECOND_MS;
/// A shard throttled again after this long without throttling "starts" throttling again, ms.
pub const THROTTLE_QUIET_MS: u64 = 10 * SECOND_MS;
/// A consumer this far behind the tip has fallen behind, ms (it is back under half of it).
pub const BEHIND_MS: u64 = 60 * SECOND_MS;
/// Most records one simulated chunk may hold (the engine buffers 4,096 events).
pub const CHUNK_RECORDS: u64 = 1_000;
/// Least wall time between two changes of the status line, ms.
pub const STATUS_GAP_MS: f64 = 1_500.0;
/// Least wall time between two announcements to screen readers, ms.
pub const ANNOUNCE_GAP_MS: f64 = 5_000.0;
/// How long a callout stays, wall ms.
pub const CALLOUT_MS: f64 = 8_000.0;

/// The kinds the log can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// PutRecord and friends.
    Writes,
    /// Shards and the stream itself.
    Shards,
    /// ProvisionedThroughputExceededException.
    Throttling,
    /// Retention and records expiring.
    Expiry,
    /// Reads, pushes, Lambda, consumers.
    Consumers,
}

impl Kind {
    /// Every kind, in the filters' order.
    pub const ALL: [Kind; 5] = [Kind::Writes, Kind::Shards, Kind::Throttling, Kind::Expiry, Kind::Consumers];

    /// Its filter label.
    pub fn label(self) -> Text {
        match self {
            Kind::Writes => Text::KindWrites,
            Kind::Shards => Text::KindShards,
            Kind::Throttling => Text::KindThrottling,
            Kind::Expiry => Text::KindExpiry,
            Kind::Consumers => Text::KindConsumers,
        }
    }

    /// Its slug (CSS class, test id).
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Writes => "writes",
            Kind::Shards => "shards",
            Kind::Throttling => "throttling",
            Kind::Expiry => "expiry",
            Kind::Consumers => "consumers",
        }
    }
}

/// One narrated event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its number: 1, 2, 3… in the order narrated (a newer entry has a larger one).
    pub n: u64,
    /// Simulated ms since the stream became ACTIVE.
    pub at_ms: u64,
    /// Its filter kind.
    pub kind: Kind,
    /// Always narrated (not sampled).
    pub rare: bool,
    /// Deserves a callout (important, and it happened while the student watched).
    pub callout: bool,
    /// What happened.
    pub what: Narration,
}

/// Sampled kinds: one pending "latest" each per collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sample {
    Write,
    Read,
    Push,
    Expired,
    Lambda,
}

/// What the narrator remembers of one consumer application.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct ConsumerMark {
    lost: u64,
    invocations: u64,
    batched: u64,
    behind: bool,
}

/// A throttled shard: when it was last throttled and how many refusals are not narrated yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Throttle {
    last: SimTime,
    logged: SimTime,
    pending: u64,
}

/// The narrator: the log and what it needs to sample.
#[derive(Clone, Debug, Default)]
pub struct Narrator {
    log: VecDeque<Entry>,
    next: u64,
    /// Per sampled kind: when its last entry was logged.
    sampled: BTreeMap<Sample, SimTime>,
    /// Records accepted since the last write entry.
    writes: u64,
    /// Write (false) and read (true) throttling per shard.
    throttles: BTreeMap<(bool, StreamKey, ShardId), Throttle>,
    consumers: BTreeMap<String, ConsumerMark>,
    names: BTreeMap<ConsumerKey, String>,
}

/// The stream with key `key`.
fn stream_by_key(world: &World, key: StreamKey) -> Option<&Stream> {
    world.engine().streams().values().find(|s| s.key == key)
}

/// The newest record of a shard as a sampled write: its key and sequence number.
fn newest_put(world: &World, key: StreamKey, shard: ShardId, more: u64) -> Option<Narration> {
    let sh = stream_by_key(world, key)?.shard(shard)?;
    let r = sh.records.back()?;
    let body = r.materialize(world.engine().record_sources());
    Some(Narration::Put {
        key: body.partition_key,
        shard,
        seq: sh.sequence_number_of(&r).to_string(),
        yours: false,
        more,
    })
}

impl Narrator {
    /// The log, oldest first.
    pub fn log(&self) -> &VecDeque<Entry> {
        &self.log
    }

    /// The newest entry.
    pub fn latest(&self) -> Option<&Entry> {
        self.log.back()
    }

    /// The newest entry that deserves a callout.
    pub fn latest_callout(&self) -> Option<&Entry> {
        self.log.iter().rev().find(|e| e.callout)
    }

    /// The newest rare entry.
    pub fn latest_rare(&self) -> Option<&Entry> {
        self.log.iter().rev().find(|e| e.rare)
    }

    fn push(&mut self, at: SimTime, world: &World, kind: Kind, rare: bool, callout: bool, what: Narration) {
        if !rare && self.log.iter().filter(|e| !e.rare).count() >= COMMON_CAP {
            if let Some(i) = self.log.iter().position(|e| !e.rare) {
                self.log.remove(i);
            }
        }
        if self.log.len() >= LOG_CAP {
            self.log.pop_front();
        }
        self.next += 1;
        let at_ms = at.since(world.started());
        self.log.push_back(Entry { n: self.next, at_ms, kind, rare, callout, what });
    }

    /// Whether a sampled kind may log an entry at `at` (and marks it logged if so).
    fn due(&mut self, sample: Sample, at: SimTime) -> bool {
        let gap = if sample == Sample::Expired { EXPIRY_SAMPLE_MS } else { SAMPLE_MS };
        match self.sampled.get(&sample) {
            Some(last) if at.since(*last) < gap && at >= *last => false,
            _ => {
                self.sampled.insert(sample, at);
                true
            }
        }
    }

    /// Narrates what happened since the last call: the engine's buffered events (drained) and
    /// the consumers' changes. `callouts`: whether rare events may ask for a callout (not for
    /// the events that built the world).
    pub fn collect(&mut self, world: &mut World, callouts: bool) {
        let events = world.engine_mut().drain_events();
        self.narrate(&events, world, callouts, false);
    }

    /// Like [`Narrator::collect`] after a call the student made: its records are narrated as
    /// theirs, from AWS's response (`ShardId`, `SequenceNumber`) and the request's keys.
    pub fn collect_call(
        &mut self,
        world: &mut World,
        operation: &str,
        request: &serde_json::Value,
        response: &serde_json::Value,
    ) {
        let events = world.engine_mut().drain_events();
        self.narrate(&events, world, true, true);
        let at = world.now();
        let yours = |key: &serde_json::Value, answer: &serde_json::Value| -> Option<Narration> {
            let shard = ShardId::resolve(answer["ShardId"].as_str()?)?;
            Some(Narration::Put {
                key: key.as_str()?.to_string(),
                shard,
                seq: answer["SequenceNumber"].as_str()?.to_string(),
                yours: true,
                more: 0,
            })
        };
        let puts: Vec<Narration> = match operation {
            "PutRecord" => yours(&request["PartitionKey"], response).into_iter().collect(),
            "PutRecords" => {
                let entries = request["Records"].as_array().map(Vec::as_slice).unwrap_or_default();
                let answers = response["Records"].as_array().map(Vec::as_slice).unwrap_or_default();
                entries.iter().zip(answers).filter_map(|(e, a)| yours(&e["PartitionKey"], a)).collect()
            }
            _ => Vec::new(),
        };
        let total = puts.len() as u64;
        if let Some(Narration::Put { key, shard, seq, .. }) = puts.into_iter().next() {
            let what = Narration::Put { key, shard, seq, yours: true, more: total - 1 };
            self.push(at, world, Kind::Writes, true, false, what);
        }
    }

    fn narrate(&mut self, events: &[Event], world: &World, callouts: bool, call: bool) {
        let mut latest: BTreeMap<Sample, (SimTime, Narration)> = BTreeMap::new();
        let mut last_write: Option<(SimTime, StreamKey, ShardId)> = None;
        let mut rares = Vec::new();
        for e in events {
            let at = e.at();
            match e {
                Event::RecordAccepted { stream, shard, .. } if !call => {
                    self.writes += 1;
                    last_write = Some((at, *stream, *shard));
                }
                Event::RecordAccepted { .. } => {}
                Event::WriteThrottled { stream, shard, .. } => {
                    self.throttled(false, at, *stream, *shard, world, callouts)
                }
                Event::ReadThrottled { stream, shard, .. } => {
                    self.throttled(true, at, *stream, *shard, world, callouts)
                }
                Event::RecordsRead { shard, count, .. } if *count > 0 => {
                    latest.insert(Sample::Read, (at, Narration::Read { shard: *shard, records: *count }));
                }
                Event::RecordsPushed { shard, count, .. } if *count > 0 => {
                    latest.insert(Sample::Push, (at, Narration::Pushed { shard: *shard, records: *count }));
                }
                Event::RecordsExpired { stream, shard, count, .. } => {
                    let hours = stream_by_key(world, *stream).map_or(24, |s| s.retention_hours);
                    let what = Narration::RecordsExpired { shard: *shard, count: *count, hours };
                    latest.insert(Sample::Expired, (at, what));
                }
                _ => {
                    if let Some((kind, callout, what)) = self.rare(e, world) {
                        let last = u8::from(matches!(what, Narration::ShardClosed { .. }));
                        rares.push((at, last, kind, callout && callouts, what));
                    }
                }
            }
        }
        // A reshard closes the parent, then opens its children at the same instant: the parent's
        // line, which names the children, goes last (newest), so the status line says it.
        rares.sort_by_key(|r| (r.0, r.1));
        for (at, _, kind, callout, what) in rares {
            self.push(at, world, kind, true, callout, what);
        }
        // Continued throttling: one entry per shard per SAMPLE_MS with the refusals since.
        let keys: Vec<_> = self.throttles.keys().copied().collect();
        for k in keys {
            let Some(t) = self.throttles.get(&k).copied() else { continue };
            if t.pending > 0 && t.last.since(t.logged) >= SAMPLE_MS {
                let what = if k.0 {
                    Narration::ReadThrottled { shard: k.2, count: t.pending }
                } else {
                    Narration::WriteThrottled { shard: k.2, count: t.pending }
                };
                self.throttles.insert(k, Throttle { logged: t.last, pending: 0, ..t });
                self.push(t.last, world, Kind::Throttling, false, false, what);
            }
        }
        if let Some((at, stream, shard)) = last_write {
            if self.due(Sample::Write, at) {
                if let Some(what) = newest_put(world, stream, shard, self.writes.saturating_sub(1)) {
                    self.writes = 0;
                    self.push(at, world, Kind::Writes, false, false, what);
                }
            }
        }
        self.consumer_changes(world, callouts, &mut latest);
        for (sample, (at, what)) in latest {
            if self.due(sample, at) {
                let kind = if sample == Sample::Expired { Kind::Expiry } else { Kind::Consumers };
                self.push(at, world, kind, false, false, what);
            }
        }
    }

    fn throttled(&mut self, read: bool, at: SimTime, stream: StreamKey, shard: ShardId, world: &World, callouts: bool) {
        let key = (read, stream, shard);
        match self.throttles.get_mut(&key) {
            Some(t) if at.since(t.last) < THROTTLE_QUIET_MS => {
                t.last = at;
                t.pending += 1;
            }
            _ => {
                self.throttles.insert(key, Throttle { last: at, logged: at, pending: 0 });
                let what = if read {
                    Narration::ReadThrottled { shard, count: 1 }
                } else {
                    Narration::WriteThrottled { shard, count: 1 }
                };
                self.push(at, world, Kind::Throttling, true, callouts && !read, what);
            }
        }
    }

    /// A rare event's kind, whether it deserves a callout, and its narration (`None`: not narrated).
    fn rare(&mut self, e: &Event, world: &World) -> Option<(Kind, bool, Narration)> {
        let consumer_name = |names: &BTreeMap<ConsumerKey, String>, c: &ConsumerKey| {
            names.get(c).cloned().unwrap_or_else(|| format!("#{c}"))
        };
        Some(match e {
            Event::StreamCreated { name, .. } => (Kind::Shards, false, Narration::StreamCreated { name: name.clone() }),
            Event::StreamStatusChanged { status, .. } => {
                (Kind::Shards, false, Narration::StreamStatus { status: *status })
            }
            Event::StreamDeleted { stream, .. } => {
                let name = stream_by_key(world, *stream).map(|s| s.name.clone()).unwrap_or_default();
                (Kind::Shards, false, Narration::StreamDeleted { name })
            }
            Event::ShardCreated { shard, parent, adjacent_parent, .. } => {
                let parents: Vec<ShardId> = parent.iter().chain(adjacent_parent.iter()).copied().collect();
                (Kind::Shards, !parents.is_empty(), Narration::ShardOpened { shard: *shard, parents })
            }
            Event::ShardClosed { stream, shard, .. } => {
                let children = stream_by_key(world, *stream)
                    .map(|s| {
                        s.shards
                            .iter()
                            .filter(|c| c.parent == Some(*shard) || c.adjacent_parent == Some(*shard))
                            .map(|c| c.id)
                            .collect()
                    })
                    .unwrap_or_default();
                (Kind::Shards, true, Narration::ShardClosed { shard: *shard, children })
            }
            Event::ShardExpired { shard, .. } => (Kind::Shards, false, Narration::ShardExpired { shard: *shard }),
            Event::RetentionChanged { hours, .. } => {
                (Kind::Expiry, false, Narration::RetentionChanged { hours: *hours })
            }
            Event::StreamModeChanged { mode, .. } => {
                (Kind::Shards, false, Narration::ModeChanged { mode: mode.as_str() })
            }
            Event::EncryptionChanged { encryption_type, .. } => {
                (Kind::Shards, false, Narration::EncryptionChanged { encryption: encryption_type.as_str() })
            }
            Event::ConsumerRegistered { consumer, name, .. } => {
                self.names.insert(*consumer, name.clone());
                (Kind::Consumers, false, Narration::ConsumerRegistered { name: name.clone() })
            }
            Event::ConsumerStatusChanged { consumer, status, .. } => {
                let name = consumer_name(&self.names, consumer);
                (Kind::Consumers, false, Narration::ConsumerStatus { name, status: *status })
            }
            Event::ConsumerDeleted { consumer, .. } => {
                let name = consumer_name(&self.names, consumer);
                (Kind::Consumers, false, Narration::ConsumerDeleted { name })
            }
            Event::SubscriptionEnded { consumer, shard, reason, .. }
                if !matches!(reason, SubscriptionEnd::Expired | SubscriptionEnd::TakenOver) =>
            {
                let name = consumer_name(&self.names, consumer);
                (Kind::Consumers, false, Narration::SubscriptionEnded { name, shard: *shard, reason: *reason })
            }
            _ => return None,
        })
    }

    /// Records lost to expiry, consumers falling behind, Lambda invocations.
    fn consumer_changes(&mut self, world: &World, callouts: bool, latest: &mut BTreeMap<Sample, (SimTime, Narration)>) {
        let at = world.now();
        for (i, c) in world.consumers().iter().enumerate() {
            if world.is_removed(i) {
                continue;
            }
            let name = c.name().to_string();
            let mut mark = self.consumers.get(&name).copied().unwrap_or_default();
            let lost = c.tally().lost;
            if lost > mark.lost {
                let what = Narration::ConsumerLost { name: name.clone(), count: lost - mark.lost };
                self.push(at, world, Kind::Expiry, true, callouts, what);
            }
            mark.lost = lost;
            let lag = c.lag();
            if !mark.behind && lag >= BEHIND_MS {
                mark.behind = true;
                let what = Narration::ConsumerBehind { name: name.clone(), minutes: lag / (60 * SECOND_MS) };
                self.push(at, world, Kind::Consumers, true, callouts, what);
            } else if mark.behind && lag < BEHIND_MS / 2 {
                mark.behind = false;
            }
            if let ConsumerApp::Lambda(l) = c {
                // Records count when an invocation succeeds; started invocations since then
                // share them (an average when several shards' batches finished together).
                let (inv, batched) = (l.stats.invocations, l.stats.batched_records);
                if batched > mark.batched {
                    let calls = inv.saturating_sub(mark.invocations).max(1);
                    let records = ((batched - mark.batched) / calls).max(1);
                    latest.insert(Sample::Lambda, (at, Narration::LambdaInvoked { name: name.clone(), records }));
                    (mark.invocations, mark.batched) = (inv, batched);
                }
            }
            self.consumers.insert(name, mark);
        }
    }
}

/// Paces a changing line by wall time: a rare entry newer than the one shown takes its place at
/// once (even when common entries came after it in the same frame), any other newer entry only
/// once `gap_ms` has passed since the line last changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pace {
    shown: Option<Entry>,
    since_ms: f64,
}

impl Pace {
    /// The entry to show at wall time `now_ms`, given the newest entry and the newest rare one.
    pub fn pick(&mut self, newest: Option<&Entry>, rare: Option<&Entry>, now_ms: f64, gap_ms: f64) -> Option<&Entry> {
        let shown_n = self.shown.as_ref().map(|s| s.n);
        let take = match (rare, newest) {
            (_, None) => {
                self.shown = None;
                return None;
            }
            (Some(r), _) if shown_n.is_none_or(|n| r.n > n) => Some(r),
            (_, Some(e)) if shown_n.is_none() || (shown_n != Some(e.n) && now_ms - self.since_ms >= gap_ms) => Some(e),
            _ => None,
        };
        if let Some(e) = take {
            self.shown = Some(e.clone());
            self.since_ms = now_ms;
        }
        self.shown.as_ref()
    }
}

/// The callout: the newest callout-worthy entry, shown for [`CALLOUT_MS`] unless dismissed; one
/// at a time (a newer one replaces it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Callout {
    shown: Option<Entry>,
    since_ms: f64,
    /// The newest entry number already taken (shown, dismissed or expired).
    seen: u64,
}

impl Callout {
    /// Starts from the log as it is: what is already there never calls out.
    pub fn after(seen: u64) -> Self {
        Self { seen, ..Self::default() }
    }

    /// The callout to show at wall time `now_ms`, given the newest callout-worthy entry.
    pub fn pick(&mut self, newest: Option<&Entry>, now_ms: f64) -> Option<&Entry> {
        if let Some(e) = newest.filter(|e| e.n > self.seen) {
            self.seen = e.n;
            self.shown = Some(e.clone());
            self.since_ms = now_ms;
        }
        if now_ms - self.since_ms >= CALLOUT_MS {
            self.shown = None;
        }
        self.shown.as_ref()
    }

    /// Closes it.
    pub fn dismiss(&mut self) {
        self.shown = None;
    }

    /// Wall ms left before it closes by itself (0 when none is shown).
    pub fn remaining_ms(&self, now_ms: f64) -> f64 {
        if self.shown.is_some() {
            (CALLOUT_MS - (now_ms - self.since_ms)).max(0.0)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::state::consumer::ConsumerStatus;
    use crate::engine::state::stream::StreamStatus;
    use crate::i18n::{Lang, Message};
    use crate::ui::sim::{KeyMode, Settings, Sim};
    use crate::world::presets::Preset;

    const SEQ: &str = "49590338271490256608559692538361571095921575989136588898";

    /// One of each narration, with the values it must show.
    fn every_narration() -> Vec<(Narration, Vec<&'static str>)> {
        let (s0, s1, s2) = (ShardId(0), ShardId(1), ShardId(2));
        let name = || "reader-1".to_string();
        vec![
            (Narration::StreamCreated { name: "orders".into() }, vec!["CreateStream", "orders"]),
            (Narration::StreamStatus { status: StreamStatus::Updating }, vec!["UPDATING"]),
            (Narration::StreamDeleted { name: "orders".into() }, vec!["orders"]),
            (
                Narration::ShardOpened { shard: s1, parents: vec![s0] },
                vec!["shardId-000000000001", "OPEN", "shardId-000000000000"],
            ),
            (
                Narration::ShardClosed { shard: s0, children: vec![s1, s2] },
                vec!["shardId-000000000000", "CLOSED", "shardId-000000000001, shardId-000000000002"],
            ),
            (Narration::ShardExpired { shard: s0 }, vec!["shardId-000000000000", "EXPIRED"]),
            (
                Narration::Put { key: "user-42".into(), shard: s1, seq: SEQ.into(), yours: false, more: 1234 },
                vec!["PutRecord", "user-42", "→ shardId-000000000001", "seq 4959…588898"],
            ),
            (
                Narration::WriteThrottled { shard: s0, count: 3 },
                vec!["ProvisionedThroughputExceededException", "shardId-000000000000", "3"],
            ),
            (Narration::ReadThrottled { shard: s0, count: 2 }, vec!["ProvisionedThroughputExceededException", "2"]),
            (Narration::Read { shard: s2, records: 100 }, vec!["GetRecords", "shardId-000000000002", "100"]),
            (Narration::Pushed { shard: s2, records: 7 }, vec!["SubscribeToShard", "7"]),
            (Narration::RecordsExpired { shard: s0, count: 5, hours: 24 }, vec!["5", "24 h"]),
            (Narration::RetentionChanged { hours: 48 }, vec!["48 h"]),
            (Narration::ModeChanged { mode: "ON_DEMAND" }, vec!["ON_DEMAND"]),
            (Narration::EncryptionChanged { encryption: "KMS" }, vec!["KMS"]),
            (Narration::ConsumerRegistered { name: name() }, vec!["RegisterStreamConsumer", "reader-1"]),
            (Narration::ConsumerStatus { name: name(), status: ConsumerStatus::Active }, vec!["reader-1", "ACTIVE"]),
            (Narration::ConsumerDeleted { name: name() }, vec!["reader-1"]),
            (
                Narration::SubscriptionEnded { name: name(), shard: s1, reason: SubscriptionEnd::ShardEnd },
                vec!["reader-1", "shardId-000000000001"],
            ),
            (Narration::LambdaInvoked { name: "lambda".into(), records: 100 }, vec!["Lambda", "100"]),
            (Narration::ConsumerLost { name: name(), count: 12 }, vec!["reader-1", "12"]),
            (Narration::ConsumerBehind { name: name(), minutes: 3 }, vec!["reader-1", "3 min"]),
        ]
    }

    /// Exhaustive (no `_` arm): a new narration does not compile until it is listed above.
    fn variant(n: &Narration) -> usize {
        match n {
            Narration::StreamCreated { .. } => 0,
            Narration::StreamStatus { .. } => 1,
            Narration::StreamDeleted { .. } => 2,
            Narration::ShardOpened { .. } => 3,
            Narration::ShardClosed { .. } => 4,
            Narration::ShardExpired { .. } => 5,
            Narration::Put { .. } => 6,
            Narration::WriteThrottled { .. } => 7,
            Narration::ReadThrottled { .. } => 8,
            Narration::Read { .. } => 9,
            Narration::Pushed { .. } => 10,
            Narration::RecordsExpired { .. } => 11,
            Narration::RetentionChanged { .. } => 12,
            Narration::ModeChanged { .. } => 13,
            Narration::EncryptionChanged { .. } => 14,
            Narration::ConsumerRegistered { .. } => 15,
            Narration::ConsumerStatus { .. } => 16,
            Narration::ConsumerDeleted { .. } => 17,
            Narration::SubscriptionEnded { .. } => 18,
            Narration::LambdaInvoked { .. } => 19,
            Narration::ConsumerLost { .. } => 20,
            Narration::ConsumerBehind { .. } => 21,
        }
    }

    /// The text without the bidi isolates around names and keys.
    fn plain(n: &Narration, lang: Lang) -> String {
        n.text(lang).replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn every_narration_reads_in_both_languages_with_its_values() {
        let all = every_narration();
        let kinds: std::collections::BTreeSet<usize> = all.iter().map(|(n, _)| variant(n)).collect();
        assert_eq!(kinds.len(), 22, "one of each kind");
        for (n, values) in &all {
            let (es, en) = (plain(n, Lang::Es), plain(n, Lang::En));
            assert_ne!(es, en, "{n:?} is not translated");
            for v in values {
                assert!(es.contains(v) && en.contains(v), "{n:?} lacks {v}: {es} / {en}");
            }
        }
        let put =
            Narration::Put { key: "user-42".into(), shard: ShardId(1), seq: SEQ.into(), yours: false, more: 1234 };
        assert_eq!(
            plain(&put, Lang::En),
            "PutRecord user-42 → shardId-000000000001, seq 4959…588898 (+1,234 more records)"
        );
        assert_eq!(
            plain(&put, Lang::Es),
            "PutRecord user-42 → shardId-000000000001, seq 4959…588898 (+1234 registros más)"
        );
        let closed = Narration::ShardClosed { shard: ShardId(0), children: vec![ShardId(1), ShardId(2)] };
        assert_eq!(
            plain(&closed, Lang::En),
            "shardId-000000000000 CLOSED; children shardId-000000000001, shardId-000000000002"
        );
        let why: Vec<_> = all.iter().filter_map(|(n, _)| n.why()).collect();
        assert_eq!(why.len(), 5, "closed, opened by a reshard, throttled, lost, behind");
    }

    fn sim(preset: Preset, shards: u32, rate: u32) -> Sim {
        let s = Settings { seed: 7, scenario: preset, shards: Some(shards), rate: Some(rate), ..Settings::default() };
        Sim::new(s).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn texts(sim: &Sim, lang: Lang) -> Vec<String> {
        sim.narrator().log().iter().map(|e| plain(&e.what, lang)).collect()
    }

    #[test]
    fn the_student_s_put_record_is_narrated_at_once_with_aws_s_answer() {
        let mut sim = sim(Preset::ActivityLogs, 3, 10);
        sim.step_second();
        let stream = sim.world().stream_name().to_string();
        let req = serde_json::json!({"StreamName": stream, "PartitionKey": "hello", "Data": "aGk="});
        let answer = sim.api("PutRecord", &req).unwrap_or_else(|e| panic!("{e}"));
        let e = sim.narrator().latest().cloned().unwrap_or_else(|| panic!("no entry"));
        assert!(e.rare && !e.callout && e.kind == Kind::Writes);
        let seq = answer["SequenceNumber"].as_str().unwrap_or_default().to_string();
        assert_eq!(
            e.what,
            Narration::Put { key: "hello".into(), shard: ShardId(1), seq: seq.clone(), yours: true, more: 0 }
        );
        assert!(plain(&e.what, Lang::Es).starts_with("Tu PutRecord hello → shardId-000000000001, seq 4"));
        // PutRecords: the first record, and how many more.
        let recs = serde_json::json!({"StreamName": stream, "Records": [
            {"PartitionKey": "a", "Data": "aGk="}, {"PartitionKey": "b", "Data": "aGk="}, {"PartitionKey": "c", "Data": "aGk="}]});
        sim.api("PutRecords", &recs).unwrap_or_else(|e| panic!("{e}"));
        let last = sim.narrator().latest().map(|e| e.what.clone());
        assert!(matches!(last, Some(Narration::Put { ref key, yours: true, more: 2, .. }) if key == "a"), "{last:?}");
        // The records the call wrote are not counted again among the producers' writes.
        assert_eq!(sim.narrator().writes, 0);
    }

    #[test]
    fn a_reshard_narrates_the_parent_closed_with_its_children_and_calls_out() {
        let mut sim = sim(Preset::ActivityLogs, 1, 10);
        let built = sim.narrator().log().len();
        assert!(built >= 3, "the world's creation is in the log: {:?}", texts(&sim, Lang::En));
        assert!(sim.narrator().log().iter().all(|e| !e.callout), "nothing calls out before the student watches");
        let stream = sim.world().stream_name().to_string();
        let req = serde_json::json!({"StreamName": stream, "TargetShardCount": 2, "ScalingType": "UNIFORM_SCALING"});
        sim.api("UpdateShardCount", &req).unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..5 {
            sim.step_second();
        }
        let log = texts(&sim, Lang::En);
        assert!(
            log.iter().any(|t| t == "shardId-000000000000 CLOSED; children shardId-000000000001, shardId-000000000002"),
            "{log:?}"
        );
        assert!(log.iter().any(|t| t == "The stream is now UPDATING"), "{log:?}");
        let callout = sim.narrator().latest_callout().map(|e| e.what.clone());
        assert!(matches!(callout, Some(Narration::ShardClosed { .. })), "the parent's line goes last: {callout:?}");
        let rare = sim.narrator().latest_rare().map(|e| e.what.clone());
        assert_eq!(rare, callout, "the status line says the parent CLOSED, naming its children");
        let es = texts(&sim, Lang::Es);
        assert!(es.iter().any(|t| t.starts_with("shardId-000000000000 cerrado (CLOSED); hijos: ")), "{es:?}");
    }

    /// At thousands of records per second: writes are sampled (one entry per simulated second
    /// at most, each counting the records it stands for), and a shard closing in a busy frame is
    /// still narrated although the engine keeps only its newest 4,096 events.
    #[test]
    fn busy_frames_are_sampled_and_keep_their_rare_events() {
        let mut sim = sim(Preset::ActivityLogs, 2, 5_000);
        let stream = sim.world().stream_name().to_string();
        let req = serde_json::json!({"StreamName": stream, "TargetShardCount": 4, "ScalingType": "UNIFORM_SCALING"});
        sim.api("UpdateShardCount", &req).unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..15 {
            assert_eq!(sim.advance(4_000), 4_000, "20,000 records per frame");
        }
        let log = sim.narrator().log();
        let closed = log.iter().filter(|e| matches!(e.what, Narration::ShardClosed { .. })).count();
        assert_eq!(closed, 2, "{:?}", texts(&sim, Lang::En));
        let writes: Vec<&Entry> = log.iter().filter(|e| e.kind == Kind::Writes).collect();
        assert!(!writes.is_empty() && writes.len() <= COMMON_CAP, "{}", writes.len());
        for w in writes.windows(2) {
            assert!(w[1].at_ms - w[0].at_ms >= SAMPLE_MS, "sampled one per simulated second");
        }
        let Some(Narration::Put { more, .. }) = writes.last().map(|e| &e.what) else { panic!("no write") };
        assert!(*more > 1_000, "a sampled write counts the records it stands for: {more}");
        assert!(log.len() <= LOG_CAP);
        // Three more minutes of writes: the sampled entries never push the rare ones out.
        let rare: Vec<u64> = log.iter().filter(|e| e.rare).map(|e| e.n).collect();
        for _ in 0..45 {
            sim.advance(4_000);
        }
        let log = sim.narrator().log();
        assert!(log.iter().filter(|e| !e.rare).count() <= COMMON_CAP);
        let kept: Vec<u64> = log.iter().filter(|e| e.rare).map(|e| e.n).take(rare.len()).collect();
        assert_eq!(kept, rare, "{:?}", texts(&sim, Lang::En));
    }

    #[test]
    fn throttling_calls_out_once_when_it_starts_then_is_sampled() {
        let mut s = sim(Preset::HotKey, 2, 3_000);
        s.set_keys(KeyMode::Hot);
        for _ in 0..20 {
            s.step_second();
        }
        let log = s.narrator().log();
        let starts: Vec<&Entry> =
            log.iter().filter(|e| e.rare && matches!(e.what, Narration::WriteThrottled { .. })).collect();
        assert!(!starts.is_empty(), "{:?}", texts(&s, Lang::En));
        assert!(starts.iter().all(|e| e.callout && e.kind == Kind::Throttling));
        let shards: std::collections::BTreeSet<String> = starts.iter().map(|e| plain(&e.what, Lang::En)).collect();
        assert_eq!(shards.len(), starts.len(), "one start per shard while it keeps throttling");
        let continued = log.iter().filter(|e| !e.rare && matches!(e.what, Narration::WriteThrottled { .. })).count();
        assert!(continued >= 5, "continued throttling is sampled: {continued}");
        assert!(plain(&starts[0].what, Lang::En)
            .starts_with("Throttled: ProvisionedThroughputExceededException on shardId-"));
    }

    #[test]
    fn lambda_invocations_are_narrated_with_their_batch() {
        let mut s = sim(Preset::ActivityLogs, 2, 200);
        for _ in 0..10 {
            s.step_second();
        }
        let lambda = s.narrator().log().iter().find_map(|e| match &e.what {
            Narration::LambdaInvoked { records, .. } => Some(*records),
            _ => None,
        });
        assert!(lambda.is_some_and(|r| r >= 1), "{:?}", texts(&s, Lang::En));
    }

    #[test]
    fn a_copy_of_the_sim_keeps_its_log_as_it_was() {
        let mut s = sim(Preset::ActivityLogs, 2, 100);
        s.step_second();
        let checkpoint = s.clone();
        let before: Vec<Entry> = checkpoint.narrator().log().iter().cloned().collect();
        for _ in 0..5 {
            s.step_second();
        }
        assert_ne!(s.narrator().latest(), checkpoint.narrator().latest());
        assert_eq!(checkpoint.narrator().log().iter().cloned().collect::<Vec<_>>(), before);
    }

    fn entry(n: u64, rare: bool) -> Entry {
        Entry { n, at_ms: n, kind: Kind::Writes, rare, callout: rare, what: Narration::RetentionChanged { hours: 24 } }
    }

    #[test]
    fn the_status_line_changes_at_most_every_gap_unless_rare() {
        let mut p = Pace::default();
        let pick = |p: &mut Pace, newest: Entry, rare: Option<Entry>, now: f64| {
            p.pick(Some(&newest), rare.as_ref(), now, 1_500.0).map(|e| e.n)
        };
        assert_eq!(pick(&mut p, entry(1, false), None, 0.0), Some(1), "the first at once");
        assert_eq!(pick(&mut p, entry(2, false), None, 500.0), Some(1), "too soon");
        assert_eq!(pick(&mut p, entry(3, true), Some(entry(3, true)), 600.0), Some(3), "rare: at once");
        assert_eq!(pick(&mut p, entry(4, false), Some(entry(3, true)), 2_000.0), Some(3), "the rare one stays");
        assert_eq!(pick(&mut p, entry(5, false), Some(entry(3, true)), 2_100.0), Some(5));
        // A frame that closed a shard, then read records: the closed shard is what the line says.
        assert_eq!(pick(&mut p, entry(8, false), Some(entry(7, true)), 2_200.0), Some(7));
        assert_eq!(p.pick(None, None, 9_000.0, 1_500.0), None, "a new world starts empty");
    }

    #[test]
    fn one_callout_at_a_time_for_a_few_seconds_and_dismissible() {
        let mut c = Callout::after(1);
        assert_eq!(c.pick(Some(&entry(1, true)), 0.0), None, "already in the log when the page opened");
        assert_eq!(c.pick(Some(&entry(2, true)), 100.0).map(|e| e.n), Some(2));
        assert_eq!(c.pick(Some(&entry(3, true)), 200.0).map(|e| e.n), Some(3), "a newer one replaces it");
        assert!(c.remaining_ms(200.0) == CALLOUT_MS);
        assert_eq!(c.pick(Some(&entry(3, true)), 200.0 + CALLOUT_MS).map(|e| e.n), None, "gone after CALLOUT_MS");
        assert_eq!(c.pick(Some(&entry(4, true)), 9_000.0).map(|e| e.n), Some(4));
        c.dismiss();
        assert_eq!(c.pick(Some(&entry(4, true)), 9_100.0), None, "dismissed stays closed");
        assert_eq!(c.remaining_ms(9_100.0), 0.0);
    }
}
