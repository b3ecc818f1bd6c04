//! The simulation behind the app: a [`World`] built from the URL settings, moved by the pacer,
//! and read back as plain snapshots for the views.
//!
//! Settings start from a scenario preset ([`crate::world::presets::Preset`]) and
//! override its shard count, its first producer's rate and key distribution, the limits switch
//! and the stream name. Changing the seed, the preset, the shard count or the stream name builds
//! a new world (time 0); the rate, the keys and the limits change the running world at the
//! current instant, as the scenario commands `set-rate`, `set-keys` and `set-limits` do.

use super::route::{KeyMode, UrlState};
use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::shard::{Shard, ShardCounters, ShardId, ShardState};
use crate::engine::state::store::StoredRecord;
use crate::engine::time::{SimTime, SECOND_MS};
use crate::engine::{Engine, EngineConfig};
use crate::i18n::Msg;
use crate::world::error::WorldError;
use crate::world::metrics::{MetricName, Scope};
use crate::world::payload::KeyDistribution;
use crate::world::presets::Preset;
use crate::world::producer::{Batching, Rate};
use crate::world::scenario::{Command, Scenario};
use crate::world::{ConsumerApp, World};
use std::collections::BTreeMap;

/// Most records a browser simulation keeps before it pauses itself (48 bytes each, about 200 MB).
pub const MAX_RETAINED_RECORDS: u64 = 4_000_000;
/// Most records one animation frame may simulate; above it the clock runs slower than asked.
pub const FRAME_RECORD_BUDGET: u64 = 20_000;
/// How far a single step moves the clock, ms.
pub const STEP_MS: u64 = SECOND_MS;
/// Keys of the "few hot keys" distribution: 2 of 100 keys carry 80 % of records.
const HOT_KEYS: KeyDistribution = KeyDistribution::HotKeys { keys: 100, hot: 2, hot_percent: 80 };

/// The settings a world is built from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Seed.
    pub seed: u64,
    /// Preset name.
    pub scenario: String,
    /// Shard count override.
    pub shards: Option<u32>,
    /// First producer's rate override, records/s.
    pub rate: Option<u32>,
    /// First producer's key distribution override.
    pub keys: Option<KeyMode>,
    /// Limits enforced.
    pub limits: bool,
    /// Stream name override.
    pub stream_name: Option<String>,
}

impl Settings {
    /// The settings a URL names.
    pub fn from_url(u: &UrlState) -> Self {
        Self {
            seed: u.seed,
            scenario: u.scenario.clone(),
            shards: u.shards,
            rate: u.rate,
            keys: u.keys,
            limits: u.limits,
            stream_name: None,
        }
    }

    /// The scenario: the preset with the overrides applied.
    pub fn scenario(&self) -> Result<Scenario, Msg> {
        let mut s = Preset::from_slug(&self.scenario).map(|p| p.scenario(self.seed)).ok_or_else(|| {
            let presets = Preset::ALL.map(Preset::slug).join(", ");
            let message = format!("unknown preset {}; presets: {presets}", self.scenario);
            Msg::AwsError { error: "InvalidArgumentException".into(), message }
        })?;
        if let Some(n) = self.shards {
            s.settings.shards = n;
        }
        s.settings.limits = self.limits;
        if let Some(name) = &self.stream_name {
            check_stream_name(name)?;
            s.settings.stream_name = name.clone();
        }
        if let Some(p) = s.producers.first_mut() {
            if let Some(r) = self.rate {
                p.rate = Rate::Constant { per_sec: r };
            }
            if let Some(k) = self.keys {
                p.keys = key_distribution(k);
            }
        }
        Ok(s)
    }
}

/// The producer key distribution of a key mode.
pub fn key_distribution(k: KeyMode) -> KeyDistribution {
    match k {
        KeyMode::Uniform => KeyDistribution::Uniform { keys: 1_000 },
        KeyMode::Hot => HOT_KEYS,
    }
}

/// Checks a stream name as CreateStream does, on a scratch engine, and returns AWS's own error.
pub fn check_stream_name(name: &str) -> Result<(), Msg> {
    let mut e = Engine::new(EngineConfig::default());
    match e.call("CreateStream", &serde_json::json!({"StreamName": name, "ShardCount": 1})) {
        Ok(_) => Ok(()),
        Err(err) => {
            Err(Msg::AwsError { error: err.error_type.as_str().into(), message: err.message.unwrap_or_default() })
        }
    }
}

/// A running simulation.
#[derive(Clone, Debug)]
pub struct Sim {
    /// What it was built from.
    pub settings: Settings,
    world: World,
    /// Per-shard counters at the last rate sample, and when it was taken.
    sampled: Option<(SimTime, BTreeMap<ShardId, ShardCounters>)>,
    /// Per-shard rates over the last sample interval (≥ 1 simulated second).
    rates: BTreeMap<ShardId, ShardRates>,
    /// Hash keys of the records drawn as dots, by (shard, position): a drawn record keeps its
    /// dot for many frames, and its hash needs the payload rebuilt and an MD5.
    dot_hashes: std::cell::RefCell<BTreeMap<(ShardId, u64), u128>>,
}

/// A shard's load per second, averaged over the last sample interval (at least one simulated
/// second, longer when a frame covers more).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShardRates {
    /// Bytes written per second (data + key), against 1 MiB/s.
    pub write_bytes: u64,
    /// Records written per second, against 1,000/s.
    pub write_records: u64,
    /// Writes refused per second (throttled).
    pub write_throttled: u64,
    /// Bytes read by GetRecords per second, against 2 MiB/s shared.
    pub read_bytes: u64,
    /// GetRecords calls per second, against 5/s shared.
    pub read_calls: u64,
    /// Reads refused per second.
    pub read_throttled: u64,
}

/// Totals of producers and the stream.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records produced.
    pub produced: u64,
    /// Records accepted.
    pub accepted: u64,
    /// Throttled attempts (retried).
    pub throttled: u64,
    /// Records dropped after their last retry.
    pub dropped: u64,
}

/// What kind a consumer is, for drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsumerKind {
    /// Shared-throughput polling (KCL).
    Polling,
    /// Enhanced fan-out.
    FanOut,
    /// Lambda event source mapping.
    Lambda,
}

/// One consumer, as the views show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsumerRow {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ConsumerKind,
    /// Records delivered.
    pub delivered: u64,
    /// Lag, ms.
    pub lag_ms: u64,
    /// Records lost (expired unread).
    pub lost: u64,
}

/// One record drawn in a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dot {
    /// Its position in the shard (stable key for the DOM).
    pub position: u64,
    /// Age, ms.
    pub age_ms: u64,
    /// Hash key (MD5 of the partition key, or the explicit hash key).
    pub hash: u128,
}

/// One shard lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardRow {
    /// `shardId-000000000000`.
    pub id: String,
    /// Open (accepts writes).
    pub open: bool,
    /// StartingHashKey.
    pub start: u128,
    /// EndingHashKey.
    pub end: u128,
    /// Records accepted so far.
    pub incoming: u64,
    /// Records accepted in the last whole second.
    pub per_sec: u64,
    /// Throttled writes so far.
    pub throttled: u64,
    /// Records retained now.
    pub stored: u64,
    /// Retained records older than the window (not drawn).
    pub older: u64,
    /// Records expired so far (past retention).
    pub expired: u64,
    /// Records inside the window (drawn, or sampled when more than the dot budget).
    pub in_window: u64,
    /// Recent records (oldest first), sampled.
    pub dots: Vec<Dot>,
}

/// A producer, as the flow view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProducerRow {
    /// Name.
    pub name: String,
    /// Target rate now, records/s (0 when stopped).
    pub rate: u64,
    /// Records made.
    pub produced: u64,
    /// Records accepted.
    pub accepted: u64,
    /// Throttled attempts retried.
    pub retried: u64,
    /// Records dropped after the last retry.
    pub dropped: u64,
    /// Records buffered or waiting for a retry.
    pub in_flight: u64,
    /// Stopped.
    pub stopped: bool,
    /// Key distribution, as scenarios spell it.
    pub keys: String,
    /// Sends PutRecords batches (else one PutRecord per record).
    pub batched: bool,
}

/// A shard lane of the flow view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowShard {
    /// Lane contents.
    pub row: ShardRow,
    /// Load per second.
    pub rates: ShardRates,
}

/// Where a consumer is in one shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// Shard id.
    pub shard: String,
    /// Age of its next unread record, ms; `None` when it has read everything.
    pub age_ms: Option<u64>,
    /// Read to the end of a closed shard.
    pub finished: bool,
}

/// A Lambda consumer's batches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LambdaBatches {
    /// Invocations so far.
    pub invocations: u64,
    /// Failed invocations.
    pub failed: u64,
    /// Records buffered or being processed.
    pub in_flight: u64,
}

/// A consumer, as the flow view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowConsumer {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ConsumerKind,
    /// MillisBehindLatest, ms.
    pub lag_ms: u64,
    /// Records received.
    pub delivered: u64,
    /// Records processed.
    pub processed: u64,
    /// Records lost (expired unread).
    pub lost: u64,
    /// Records received again (after a failover).
    pub duplicates: u64,
    /// Read calls refused by limits.
    pub throttled: u64,
    /// Average propagation delay, ms.
    pub latency_avg_ms: u64,
    /// Bytes received in the last whole second.
    pub bytes_per_sec: u64,
    /// Per shard.
    pub cursors: Vec<Cursor>,
    /// Polling: (live, total) workers.
    pub workers: Option<(u32, u32)>,
    /// Lambda: its batches.
    pub batches: Option<LambdaBatches>,
}

/// What the flow view draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowSnapshot {
    /// Simulated ms since the stream became ACTIVE.
    pub elapsed_ms: u64,
    /// Records younger than this are drawn, ms.
    pub window_ms: u64,
    /// Stream name.
    pub stream_name: String,
    /// Stream status.
    pub status: String,
    /// Producers.
    pub producers: Vec<ProducerRow>,
    /// Shard lanes.
    pub shards: Vec<FlowShard>,
    /// Consumers (removed ones left out).
    pub consumers: Vec<FlowConsumer>,
    /// Totals.
    pub totals: Totals,
}

/// One stored record, as the views show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentRecord {
    /// Its shard.
    pub shard: String,
    /// Its position in the shard (0, 1, 2… in acceptance order).
    pub position: u64,
    /// SequenceNumber (56 digits).
    pub sequence_number: String,
    /// ApproximateArrivalTimestamp, ms since the epoch.
    pub arrival_ms: u64,
    /// PartitionKey.
    pub partition_key: String,
    /// The 128-bit hash key it was routed by.
    pub hash: u128,
    /// Routed by an ExplicitHashKey rather than the MD5 of its key.
    pub explicit: bool,
    /// Data bytes.
    pub data: Vec<u8>,
}

/// One shard of the lineage (every shard the stream ever had).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineageShard {
    /// Shard id.
    pub id: String,
    /// ParentShardId.
    pub parent: Option<String>,
    /// AdjacentParentShardId.
    pub adjacent_parent: Option<String>,
    /// StartingHashKey.
    pub start: u128,
    /// EndingHashKey.
    pub end: u128,
    /// Created, ms since the stream became ACTIVE (0 for the first shards).
    pub created_ms: u64,
    /// Closed by a reshard, ms since the stream became ACTIVE.
    pub closed_ms: Option<u64>,
    /// Closed and past retention.
    pub expired: bool,
    /// Records retained.
    pub retained: u64,
}

/// A consumer's ordering, for the parent-first demo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderRow {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ConsumerKind,
    /// Reads parents to their end before children.
    pub parent_first: bool,
    /// Records received.
    pub delivered: u64,
    /// Records of a key received out of the order the stream accepted them.
    pub order_violations: u64,
    /// The last of those records (at most 20), oldest first.
    pub out_of_order: Vec<OutOfOrderRow>,
}

/// A record a consumer received after a record of its key that the stream accepted later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfOrderRow {
    /// PartitionKey.
    pub partition_key: String,
    /// Its shard.
    pub shard: String,
    /// Its SequenceNumber.
    pub sequence_number: String,
    /// Its arrival, ms since the stream became ACTIVE.
    pub arrival_ms: u64,
    /// The shard of the record it came after.
    pub after_shard: String,
    /// The SequenceNumber of the record it came after (accepted later, received earlier).
    pub after: String,
    /// That record's arrival, ms since the stream became ACTIVE.
    pub after_arrival_ms: u64,
    /// When the consumer received it, ms since the stream became ACTIVE.
    pub delivered_ms: u64,
}

/// What the resharding view draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineageSnapshot {
    /// Simulated ms since the stream became ACTIVE.
    pub elapsed_ms: u64,
    /// `ACTIVE`, `UPDATING`…
    pub status: String,
    /// Every shard, in id order.
    pub shards: Vec<LineageShard>,
    /// Consumers (removed ones left out).
    pub consumers: Vec<OrderRow>,
}

impl RecentRecord {
    /// The record at `position` of shard `sh`, rendered once: the hash comes from the rendered
    /// key (or its ExplicitHashKey) rather than a second rendering.
    fn of(engine: &Engine, sh: &Shard, position: u64, r: &StoredRecord<'_>) -> Self {
        let body = r.materialize(engine.record_sources());
        let hash = body.explicit_hash_key.unwrap_or_else(|| partition_key_hash(&body.partition_key));
        RecentRecord {
            shard: sh.id.to_string(),
            position,
            sequence_number: sh.sequence_number_of(r).to_string(),
            arrival_ms: r.arrival.millis(),
            partition_key: body.partition_key,
            hash,
            explicit: body.explicit_hash_key.is_some(),
            data: body.data,
        }
    }
}

/// What the overview view draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewSnapshot {
    /// Simulated ms since the stream became ACTIVE.
    pub elapsed_ms: u64,
    /// Records younger than this are drawn, ms.
    pub window_ms: u64,
    /// Stream name.
    pub stream_name: String,
    /// `ACTIVE`, `UPDATING`…
    pub status: String,
    /// Lanes, open shards in hash order, then closed ones still holding records.
    pub shards: Vec<ShardRow>,
    /// Totals.
    pub totals: Totals,
    /// Consumers.
    pub consumers: Vec<ConsumerRow>,
    /// Determinism digest, hex.
    pub digest: String,
}

impl Sim {
    /// Builds the world of `settings`.
    pub fn new(settings: Settings) -> Result<Sim, Msg> {
        let scenario = settings.scenario()?;
        let world = World::new(scenario)
            .map_err(|e| Msg::AwsError { error: "InvalidArgumentException".into(), message: e.to_string() })?;
        Ok(Sim { settings, world, sampled: None, rates: BTreeMap::new(), dot_hashes: Default::default() })
    }

    /// The world.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// Simulated ms since the stream became ACTIVE.
    pub fn elapsed_ms(&self) -> u64 {
        self.world.now().since(self.world.started())
    }

    /// Records per second the producers aim at now (for the frame budget).
    pub fn target_rate(&self) -> u64 {
        let now = self.world.now();
        self.world.producers().iter().filter(|p| !p.stopped).map(|p| p.spec.rate.at(now.since(p.started))).sum()
    }

    /// The most simulated ms one frame may run at the current rate.
    pub fn frame_cap_ms(&self) -> u64 {
        (FRAME_RECORD_BUDGET * SECOND_MS / self.target_rate().max(1)).max(16)
    }

    /// Open shards of the stream.
    pub fn open_shards(&self) -> usize {
        self.world.engine().stream(self.world.stream_name()).map_or(0, |s| s.open_shard_count())
    }

    /// Records retained in the stream.
    pub fn retained(&self) -> u64 {
        self.world
            .engine()
            .stream(self.world.stream_name())
            .map_or(0, |s| s.shards.iter().map(|sh| sh.records.len() as u64).sum())
    }

    /// Runs `ms` simulated milliseconds (capped by the frame budget); returns what it ran.
    pub fn advance(&mut self, ms: u64) -> u64 {
        let ms = ms.min(self.frame_cap_ms());
        self.world.advance_by(ms);
        self.sample_rates();
        ms
    }

    /// One step: [`STEP_MS`].
    pub fn step(&mut self) {
        self.world.advance_by(STEP_MS);
        self.sample_rates();
    }

    /// Updates [`Sim::rates`] once at least a simulated second has passed since the last sample.
    fn sample_rates(&mut self) {
        let now = self.world.now();
        let Some(stream) = self.world.engine().stream(self.world.stream_name()) else {
            return;
        };
        let counters: BTreeMap<ShardId, ShardCounters> = stream.shards.iter().map(|sh| (sh.id, sh.counters)).collect();
        match &self.sampled {
            Some((at, _)) if now.since(*at) < SECOND_MS => {}
            Some((at, before)) => {
                let secs = now.since(*at);
                let per_sec = |a: u64, b: u64| a.saturating_sub(b) * SECOND_MS / secs;
                self.rates = counters
                    .iter()
                    .map(|(id, c)| {
                        let b = before.get(id).copied().unwrap_or_default();
                        let r = ShardRates {
                            write_bytes: per_sec(c.incoming_bytes, b.incoming_bytes),
                            write_records: per_sec(c.incoming_records, b.incoming_records),
                            write_throttled: per_sec(c.write_throttled, b.write_throttled),
                            read_bytes: per_sec(c.outgoing_bytes, b.outgoing_bytes),
                            read_calls: per_sec(c.get_records_calls, b.get_records_calls),
                            read_throttled: per_sec(c.read_throttled, b.read_throttled),
                        };
                        (*id, r)
                    })
                    .collect();
                self.sampled = Some((now, counters));
            }
            None => self.sampled = Some((now, counters)),
        }
    }

    /// A shard's recent load (zero before the first second).
    pub fn rates(&self, shard: ShardId) -> ShardRates {
        self.rates.get(&shard).copied().unwrap_or_default()
    }

    /// Runs a world command now (add a producer, kill a worker…); on failure why.
    pub fn command(&mut self, command: Command) -> Result<(), WorldError> {
        self.world.apply(command)
    }

    /// One stored record by shard id and position, if still retained.
    pub fn record(&self, shard: &str, position: u64) -> Option<RecentRecord> {
        let w = &self.world;
        let engine = w.engine();
        let sh = engine.stream(w.stream_name())?.shard(ShardId::resolve(shard)?)?;
        let index = position.checked_sub(sh.records.first_index())?;
        let r = sh.records.get(usize::try_from(index).ok()?)?;
        Some(RecentRecord::of(engine, sh, position, &r))
    }

    /// Changes the first producer's rate now.
    pub fn set_rate(&mut self, per_sec: u32) {
        self.settings.rate = Some(per_sec);
        if let Some(name) = self.world.producers().first().map(|p| p.spec.name.clone()) {
            let _ = self.world.apply(Command::SetRate { name, rate: Rate::Constant { per_sec } });
        }
    }

    /// Changes the first producer's keys now.
    pub fn set_keys(&mut self, k: KeyMode) {
        self.settings.keys = Some(k);
        if let Some(name) = self.world.producers().first().map(|p| p.spec.name.clone()) {
            let _ = self.world.apply(Command::SetKeys { name, keys: key_distribution(k) });
        }
    }

    /// Switches limits now.
    pub fn set_limits(&mut self, enabled: bool) {
        self.settings.limits = enabled;
        let _ = self.world.apply(Command::SetLimits { enabled });
    }

    /// Any Kinesis API call on the running engine, now (a view's buttons, the console):
    /// AWS's JSON response, or AWS's error type and message.
    pub fn api(&mut self, operation: &str, request: &serde_json::Value) -> Result<serde_json::Value, (String, String)> {
        self.world
            .engine_mut()
            .call(operation, request)
            .map_err(|e| (e.error_type.as_str().to_string(), e.message.unwrap_or_default()))
    }

    /// The `n` most recently accepted records of the stream as `(shard slot, index in its
    /// store)`, newest first: by arrival, then lower shard id, then newer position. It merges
    /// the shards newest-first on arrival time, so it touches `n` records however many shards
    /// the stream has.
    pub fn newest(&self, n: usize) -> Vec<(usize, usize)> {
        use std::cmp::Reverse;
        let w = &self.world;
        let Some(s) = w.engine().stream(w.stream_name()) else {
            return Vec::new();
        };
        // (arrival ms, lower shard id first, newer index first, shard slot)
        let key = |slot: usize, i: usize| {
            let sh = s.shards.get(slot)?;
            let r = sh.records.get(i)?;
            Some((r.arrival.millis(), Reverse(sh.id.0), i, slot))
        };
        let mut heap = std::collections::BinaryHeap::new();
        for (slot, sh) in s.shards.iter().enumerate() {
            if let Some(top) = sh.records.len().checked_sub(1).and_then(|i| key(slot, i)) {
                heap.push(top);
            }
        }
        let mut out = Vec::with_capacity(n.min(4_096));
        while out.len() < n {
            let Some((_, _, i, slot)) = heap.pop() else { break };
            out.push((slot, i));
            if let Some(next) = i.checked_sub(1).and_then(|j| key(slot, j)) {
                heap.push(next);
            }
        }
        out
    }

    /// The `n` most recently accepted records of the stream, newest first (see
    /// [`Sim::newest`]), over all shards still holding records.
    pub fn recent_records(&self, n: usize) -> Vec<RecentRecord> {
        let w = &self.world;
        let engine = w.engine();
        let Some(s) = engine.stream(w.stream_name()) else {
            return Vec::new();
        };
        self.newest(n)
            .into_iter()
            .filter_map(|(slot, i)| {
                let sh = s.shards.get(slot)?;
                let r = sh.records.get(i)?;
                Some(RecentRecord::of(engine, sh, sh.records.first_index() + i as u64, &r))
            })
            .collect()
    }

    /// The determinism digest, hex.
    pub fn digest(&self) -> String {
        format!("{:016x}", self.world.digest())
    }

    /// Lanes: open shards in hash order, then closed ones still holding records; each with its
    /// records younger than `window_ms`, at most about `max_dots` of them (sampled on stable
    /// positions, so a dot stays drawn while the window slides).
    pub fn shard_rows(&self, window_ms: u64, max_dots: usize) -> Vec<ShardRow> {
        let w = &self.world;
        let engine = w.engine();
        let now = w.now();
        let Some(s) = engine.stream(w.stream_name()) else {
            return Vec::new();
        };
        let mut listed: Vec<_> = s
            .shards
            .iter()
            .filter(|sh| sh.is_open() || sh.state() != ShardState::Expired && !sh.records.is_empty())
            .collect();
        listed.sort_by_key(|sh| (!sh.is_open(), sh.hash_key_range.starting_hash_key, sh.id));
        let mut rows = Vec::with_capacity(listed.len());
        let mut cache = self.dot_hashes.borrow_mut();
        let mut kept = BTreeMap::new();
        for sh in listed {
            let per_sec = w
                .metrics()
                .series(Scope::Shard(s.key, sh.id), MetricName::IncomingRecords)
                .and_then(|r| r.get(now.secs().saturating_sub(1)))
                .unwrap_or(0);
            let store = &sh.records;
            let from = store.position_of_arrival(now.minus(window_ms));
            let in_window = store.len().saturating_sub(from);
            let stride = in_window.div_ceil(max_dots.max(1)).max(1) as u64;
            let first = store.first_index();
            let mut dots = Vec::with_capacity(in_window.min(max_dots));
            let mut pos = (first + from as u64).div_ceil(stride) * stride;
            while pos < store.end_index() {
                let Some(r) = store.get((pos - first) as usize) else { break };
                let hash = match cache.get(&(sh.id, pos)) {
                    Some(h) => *h,
                    None => r.hash_key(engine.record_sources()),
                };
                kept.insert((sh.id, pos), hash);
                dots.push(Dot { position: pos, age_ms: now.since(r.arrival), hash });
                pos += stride;
            }
            rows.push(ShardRow {
                id: sh.id.to_string(),
                open: sh.is_open(),
                start: sh.hash_key_range.starting_hash_key,
                end: sh.hash_key_range.ending_hash_key,
                incoming: sh.counters.incoming_records,
                per_sec,
                throttled: sh.counters.write_throttled,
                stored: store.len() as u64,
                older: from as u64,
                expired: first,
                in_window: in_window as u64,
                dots,
            });
        }
        // Only the records drawn this frame stay cached.
        *cache = kept;
        rows
    }

    fn totals(&self) -> Totals {
        let mut totals = Totals::default();
        for p in self.world.producers() {
            totals.produced += p.stats.produced;
            totals.accepted += p.stats.accepted;
            totals.throttled += p.stats.retried;
            totals.dropped += p.stats.dropped;
        }
        totals
    }

    fn status(&self) -> String {
        self.world.engine().stream(self.world.stream_name()).map(|s| s.status.as_str().to_string()).unwrap_or_default()
    }

    /// The overview's snapshot: records younger than `window_ms`, at most `max_dots` per lane.
    pub fn overview(&self, window_ms: u64, max_dots: usize) -> OverviewSnapshot {
        let w = &self.world;
        let consumers = w
            .consumers()
            .iter()
            .map(|c| ConsumerRow {
                name: c.name().to_string(),
                kind: kind_of(c),
                delivered: c.tally().delivered,
                lag_ms: c.lag(),
                lost: c.tally().lost,
            })
            .collect();
        OverviewSnapshot {
            elapsed_ms: self.elapsed_ms(),
            window_ms,
            stream_name: w.stream_name().to_string(),
            status: self.status(),
            shards: self.shard_rows(window_ms, max_dots),
            totals: self.totals(),
            consumers,
            digest: self.digest(),
        }
    }

    /// The shard lineage and the consumers' ordering.
    pub fn lineage(&self) -> LineageSnapshot {
        let w = &self.world;
        let started = w.started();
        let since = |t: SimTime| t.since(started);
        let shards = w
            .engine()
            .stream(w.stream_name())
            .map(|s| {
                s.shards
                    .iter()
                    .map(|sh| LineageShard {
                        id: sh.id.to_string(),
                        parent: sh.parent.map(|p| p.to_string()),
                        adjacent_parent: sh.adjacent_parent.map(|p| p.to_string()),
                        start: sh.hash_key_range.starting_hash_key,
                        end: sh.hash_key_range.ending_hash_key,
                        created_ms: since(sh.created),
                        closed_ms: sh.closed.map(since),
                        expired: sh.expired,
                        retained: sh.records.len() as u64,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let consumers = w
            .consumers()
            .iter()
            .enumerate()
            .filter(|(i, _)| !w.is_removed(*i))
            .map(|(_, c)| OrderRow {
                name: c.name().to_string(),
                kind: kind_of(c),
                parent_first: match c {
                    ConsumerApp::Polling(p) => p.spec.parent_first,
                    ConsumerApp::FanOut(f) => f.spec.parent_first,
                    ConsumerApp::Lambda(_) => true,
                },
                delivered: c.tally().delivered,
                order_violations: c.tally().order_violations,
                out_of_order: c
                    .audit()
                    .out_of_order
                    .iter()
                    .map(|o| OutOfOrderRow {
                        partition_key: o.partition_key.clone(),
                        shard: o.shard.to_string(),
                        sequence_number: o.sequence_number.to_string(),
                        arrival_ms: since(o.arrival),
                        after_shard: o.after_shard.to_string(),
                        after: o.after.to_string(),
                        after_arrival_ms: since(o.after_arrival),
                        delivered_ms: since(o.delivered_at),
                    })
                    .collect(),
            })
            .collect();
        LineageSnapshot { elapsed_ms: self.elapsed_ms(), status: self.status(), shards, consumers }
    }

    /// The record flow's snapshot.
    pub fn flow(&self, window_ms: u64, max_dots: usize) -> FlowSnapshot {
        let w = &self.world;
        let engine = w.engine();
        let now = w.now();
        let stream = engine.stream(w.stream_name());
        let rows = self.shard_rows(window_ms, max_dots);
        let shards = rows
            .into_iter()
            .map(|row| {
                let rates = ShardId::resolve(&row.id).map(|id| self.rates(id)).unwrap_or_default();
                FlowShard { row, rates }
            })
            .collect();
        let producers = w
            .producers()
            .iter()
            .map(|p| ProducerRow {
                name: p.spec.name.clone(),
                rate: if p.stopped { 0 } else { p.spec.rate.at(now.since(p.started)) },
                produced: p.stats.produced,
                accepted: p.stats.accepted,
                retried: p.stats.retried,
                dropped: p.stats.dropped,
                in_flight: p.in_flight(),
                stopped: p.stopped,
                keys: key_label(&p.spec.keys),
                batched: !matches!(p.spec.batching, Batching::Single),
            })
            .collect();
        let consumers = w
            .consumers()
            .iter()
            .enumerate()
            .filter(|(i, _)| !w.is_removed(*i))
            .map(|(_, c)| {
                let t = c.tally();
                let cursors = stream
                    .map(|s| {
                        s.shards
                            .iter()
                            .filter_map(|sh| {
                                let r = c.reader(sh.id)?;
                                let store = &sh.records;
                                let next = r.read_pos.max(store.first_index());
                                let age_ms = (next < store.end_index())
                                    .then(|| store.get((next - store.first_index()) as usize))
                                    .flatten()
                                    .map(|rec| now.since(rec.arrival));
                                Some(Cursor { shard: sh.id.to_string(), age_ms, finished: r.finished })
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let bytes_per_sec = w
                    .metrics()
                    .series(Scope::Consumer(c.name()), MetricName::DataBytesProcessed)
                    .and_then(|r| r.get(now.secs().saturating_sub(1)))
                    .unwrap_or(0);
                let (workers, batches) = match c {
                    ConsumerApp::Polling(p) => {
                        (Some((p.workers.iter().filter(|a| **a).count() as u32, p.workers.len() as u32)), None)
                    }
                    ConsumerApp::Lambda(l) => (
                        None,
                        Some(LambdaBatches {
                            invocations: l.stats.invocations,
                            failed: l.stats.failed_invocations,
                            in_flight: l.in_flight(),
                        }),
                    ),
                    ConsumerApp::FanOut(_) => (None, None),
                };
                FlowConsumer {
                    name: c.name().to_string(),
                    kind: kind_of(c),
                    lag_ms: c.lag(),
                    delivered: t.delivered,
                    processed: c.processed(),
                    lost: t.lost,
                    duplicates: t.duplicates,
                    throttled: t.throttled,
                    latency_avg_ms: t.latency_ms_total / t.delivered.max(1),
                    bytes_per_sec,
                    cursors,
                    workers,
                    batches,
                }
            })
            .collect();
        FlowSnapshot {
            elapsed_ms: self.elapsed_ms(),
            window_ms,
            stream_name: w.stream_name().to_string(),
            status: self.status(),
            producers,
            shards,
            consumers,
            totals: self.totals(),
        }
    }
}

fn kind_of(c: &ConsumerApp) -> ConsumerKind {
    match c {
        ConsumerApp::Polling(_) => ConsumerKind::Polling,
        ConsumerApp::FanOut(_) => ConsumerKind::FanOut,
        ConsumerApp::Lambda(_) => ConsumerKind::Lambda,
    }
}

/// The short name of a key distribution (`uniform`, `zipf`, `hot-keys`, `single`,
/// `explicit-hash-keys`), as scenarios spell it.
pub fn key_label(k: &KeyDistribution) -> String {
    match k {
        KeyDistribution::Uniform { keys } => format!("uniform ({keys})"),
        KeyDistribution::Zipf { keys } => format!("zipf ({keys})"),
        KeyDistribution::HotKeys { keys, hot, hot_percent } => format!("hot-keys ({hot}/{keys}: {hot_percent} %)"),
        KeyDistribution::Single => "single".into(),
        KeyDistribution::ExplicitHashKeys { hash_keys } => format!("explicit-hash-keys ({})", hash_keys.len()),
    }
}

/// The hash key of a partition key (for tooltips and the hashing view).
pub fn hash_of(key: &str) -> u128 {
    partition_key_hash(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings::from_url(&UrlState { seed: 7, shards: Some(4), rate: Some(50), ..UrlState::default() })
    }

    #[test]
    fn the_url_settings_shape_the_world() {
        let mut sim = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..10 {
            sim.step();
        }
        let snap = sim.overview(10_000, 200);
        assert_eq!(snap.elapsed_ms, 10_000);
        assert_eq!(snap.shards.iter().map(|s| s.per_sec).sum::<u64>(), 50, "records/s in the last whole second");
        assert_eq!(snap.shards.len(), 4);
        assert_eq!(snap.totals.accepted, 500, "50 records/s for 10 s");
        let drawn: usize = snap.shards.iter().map(|s| s.dots.len()).sum();
        assert_eq!(drawn, 500, "every record of the 10 s window is drawn");
        for s in &snap.shards {
            assert!(s.dots.iter().all(|d| (s.start..=s.end).contains(&d.hash) && d.age_ms <= 10_000), "{}", s.id);
        }
        // Few dots per lane: sampled on stable positions.
        let sparse = sim.overview(10_000, 5);
        assert!(sparse.shards.iter().all(|s| s.dots.len() <= 6));
    }

    #[test]
    fn same_settings_same_digest_and_steps_equal_frames() {
        let mut a = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        let mut b = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..5 {
            a.step();
        }
        // The same 5 s in uneven frames.
        for ms in [16, 17, 1_000, 2_967, 1_000] {
            b.advance(ms);
        }
        assert_eq!(a.elapsed_ms(), b.elapsed_ms());
        assert_eq!(a.digest(), b.digest());
        let mut c = Sim::new(Settings { seed: 8, ..settings() }).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..5 {
            c.step();
        }
        assert_ne!(a.digest(), c.digest());
    }

    /// The determinism fixture shared with the browser test (`tests/web.rs`): the same link and
    /// steps must give this digest natively and in wasm. `UPDATE_FIXTURES=1` rewrites it after a
    /// deliberate change of the simulation.
    #[test]
    fn the_web_fixture_digest_matches_natively() {
        const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web-digest.json");
        let text = std::fs::read_to_string(PATH).unwrap_or_default();
        let fixture: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let hash = fixture["hash"].as_str().unwrap_or("#/overview?seed=7&shards=4&rate=50");
        let steps = fixture["steps"].as_u64().unwrap_or(10);
        let (url, notes) = UrlState::parse(hash, "");
        assert_eq!(notes, vec![]);
        let mut sim = Sim::new(Settings::from_url(&url)).unwrap_or_else(|e| panic!("{e:?}"));
        for _ in 0..steps {
            sim.step();
        }
        let digest = sim.digest();
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            let out = serde_json::json!({"hash": hash, "steps": steps, "digest": digest, "accepted": sim.overview(1, 1).totals.accepted});
            std::fs::write(PATH, format!("{out}\n")).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(
            fixture["digest"].as_str(),
            Some(digest.as_str()),
            "run with UPDATE_FIXTURES=1 after a deliberate change"
        );
    }

    #[test]
    fn a_hostile_stream_name_gets_aws_s_validation_error() {
        let s = Settings { stream_name: Some("<img src=x onerror=alert(1)>".into()), ..settings() };
        let Err(Msg::AwsError { error, message }) = Sim::new(s).map(|_| ()) else {
            panic!("accepted a bad name");
        };
        assert_eq!(error, "ValidationException");
        assert!(
            message.contains("Value '<img src=x onerror=alert(1)>' at 'streamName' failed to satisfy constraint"),
            "{message}"
        );
    }

    #[test]
    fn live_changes_apply_at_the_current_instant() {
        let mut sim = Sim::new(settings()).unwrap_or_else(|e| panic!("{e:?}"));
        sim.step();
        sim.set_rate(200);
        sim.set_keys(KeyMode::Hot);
        sim.step();
        let snap = sim.overview(60_000, 1_000);
        assert_eq!(snap.totals.accepted, 250);
        assert_eq!(sim.frame_cap_ms(), 100_000, "20,000 records at 200 records/s");
    }
}
