//! The hashing view's snapshot (pure, tested natively): the stream's open ranges, status and
//! throttled writes, and the hash keys of its most recent records, read from the simulation,
//! with the cache that rebuilds those records at most every [`RECENT_EVERY_MS`] simulated ms.
//!
//! It also holds the view's two questions to the engine's rules, so that the view keeps no copy
//! of them: which open range owns a hash key ([`owner`], the engine's routing) and how
//! PutRecord judges an ExplicitHashKey ([`check_explicit_hash_key`], the engine's validation).

use crate::engine::state::hashing::{partition_key_hash, route, HashKeyRange};
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamStatus;
use crate::engine::wire::validation::parse_explicit_hash_key;
use crate::engine::ErrorType;
use crate::ui::sim::Sim;
use std::cell::RefCell;
use std::rc::Rc;

/// Records the histogram and the density strip count.
pub const RECENT: usize = 500;
/// Simulated ms between two rebuilds of the recent records (each costs an MD5).
pub const RECENT_EVERY_MS: u64 = 250;

/// One open shard: its id and the slice of the hash space it owns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenRange {
    /// The shard.
    pub id: ShardId,
    /// StartingHashKey (inclusive).
    pub start: u128,
    /// EndingHashKey (inclusive).
    pub end: u128,
}

impl OpenRange {
    /// The engine's range type.
    pub fn range(&self) -> HashKeyRange {
        HashKeyRange { starting_hash_key: self.start, ending_hash_key: self.end }
    }
}

/// What the view needs from the running stream.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamView {
    /// `ACTIVE`, `UPDATING`… (`None` without a stream).
    pub status: Option<StreamStatus>,
    /// Open shards, in hash order (they tile 0…2^128−1).
    pub ranges: Vec<OpenRange>,
    /// How long a reshard step keeps the stream `UPDATING`, simulated ms.
    pub update_delay_ms: u64,
    /// Writes refused by the per-shard limits so far, per listed shard (open or closed).
    pub throttled: Vec<(ShardId, u64)>,
}

/// Reads the open shards and the status of the stream the simulation shows.
pub fn stream_view(sim: &Sim) -> StreamView {
    let world = sim.world();
    let engine = world.engine();
    let update_delay_ms = engine.config().update_delay_ms;
    let Some(s) = engine.stream(sim.shown_stream()) else {
        return StreamView { update_delay_ms, ..StreamView::default() };
    };
    let ranges = s
        .open_shards()
        .map(|sh| OpenRange {
            id: sh.id,
            start: sh.hash_key_range.starting_hash_key,
            end: sh.hash_key_range.ending_hash_key,
        })
        .collect();
    let throttled = s.listed_shards().map(|sh| (sh.id, sh.counters.write_throttled)).collect();
    StreamView { status: Some(s.status), ranges, update_delay_ms, throttled }
}

/// One recently accepted record, as this view needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRecord {
    /// Its shard.
    pub shard: ShardId,
    /// Its position in the shard (0, 1, 2… in acceptance order).
    pub position: u64,
    /// PartitionKey.
    pub partition_key: String,
    /// The 128-bit hash key it was routed by.
    pub hash: u128,
    /// Routed by an ExplicitHashKey rather than the MD5 of its key.
    pub explicit: bool,
    /// Put by a person through [`crate::world::World::call`] (the console).
    pub yours: bool,
}

/// The `n` most recently accepted records of the stream the simulation shows, newest first, in
/// the order of [`crate::ui::snapshot::recent_records`] (arrival, then shard id, then
/// position). It merges the shards newest-first on arrival time and rebuilds only the `n`
/// records it returns, so a frame costs `n` MD5s however many shards the stream has.
pub fn recent_keys(sim: &Sim, n: usize) -> Vec<KeyRecord> {
    let world = sim.world();
    let engine = world.engine();
    let shown = sim.shown_stream();
    let Some(s) = engine.stream(shown) else {
        return Vec::new();
    };
    crate::ui::snapshot::newest(world, shown, n)
        .into_iter()
        .filter_map(|(slot, i)| {
            let sh = s.shards.get(slot)?;
            let body = sh.records.get(i)?.materialize(engine.record_sources());
            let position = sh.records.first_index() + i as u64;
            Some(KeyRecord {
                shard: sh.id,
                position,
                hash: body.explicit_hash_key.unwrap_or_else(|| partition_key_hash(&body.partition_key)),
                explicit: body.explicit_hash_key.is_some(),
                partition_key: body.partition_key,
                yours: world.is_yours(shown, sh.id, position),
            })
        })
        .collect()
}

/// Records of yours listed and drawn on the bar at most.
pub const YOURS: usize = 20;

/// The records of yours the stream the simulation shows still retains, newest first, at most
/// `n`: the view marks them on the bar and lists them first.
pub fn yours_keys(sim: &Sim, n: usize) -> Vec<KeyRecord> {
    crate::ui::snapshot::yours_records(sim.world(), sim.shown_stream(), n)
        .into_iter()
        .map(|r| KeyRecord {
            shard: r.shard,
            position: r.position,
            partition_key: r.partition_key,
            hash: r.hash,
            explicit: r.explicit,
            yours: true,
        })
        .collect()
}

/// What the hashing view shows of the running simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct HashingSnapshot {
    /// Which world it shows: the address of the app's simulation cell. A rebuilt world (reset,
    /// new seed, a link) is a new cell and starts again at time 0.
    pub world: usize,
    /// Simulated ms since the stream became `ACTIVE`.
    pub elapsed_ms: u64,
    /// The stream.
    pub stream: StreamView,
    /// The [`RECENT`] most recent records, newest first (at most [`RECENT_EVERY_MS`] old).
    pub recent: Rc<Vec<KeyRecord>>,
    /// The records of yours still retained, newest first, at most [`YOURS`] ([`yours_keys`]).
    pub yours: Rc<Vec<KeyRecord>>,
    /// The name of the stream drawn ([`Sim::shown_stream`]).
    pub stream_name: String,
    /// The scenario's stream, when the stream drawn is another one (created in the console).
    pub scenario_stream: Option<String>,
    /// The live window: the records of yours came from the student's own client.
    pub live: bool,
}

/// The records of the last snapshot and what they were read from: they are read again when the
/// world, the stream shown, its records of yours, the open ranges or the clock's
/// [`RECENT_EVERY_MS`] slot change.
#[derive(Debug, Default)]
pub struct SnapshotCache {
    /// World, stream shown, records of yours, clock slot and open ranges they were read at.
    key: Option<(usize, String, usize, u64, Vec<OpenRange>)>,
    /// The recent records.
    recent: Rc<Vec<KeyRecord>>,
    /// The records of yours.
    yours: Rc<Vec<KeyRecord>>,
}

impl SnapshotCache {
    /// The snapshot of `sim`, reusing the records while they are fresh.
    pub fn get(&mut self, sim: &Rc<RefCell<Sim>>) -> HashingSnapshot {
        let s = sim.borrow();
        let world = Rc::as_ptr(sim) as usize;
        let elapsed_ms = s.elapsed_ms();
        let stream = stream_view(&s);
        let shown = s.shown_stream().to_string();
        let mine = s.world().yours(&shown).len();
        let key = (world, shown.clone(), mine, elapsed_ms / RECENT_EVERY_MS, stream.ranges.clone());
        if self.key.as_ref() != Some(&key) {
            self.recent = Rc::new(recent_keys(&s, RECENT));
            self.yours = Rc::new(yours_keys(&s, YOURS));
            self.key = Some(key);
        }
        HashingSnapshot {
            world,
            elapsed_ms,
            stream,
            recent: self.recent.clone(),
            yours: self.yours.clone(),
            stream_name: shown,
            scenario_stream: (!s.shows_scenario_stream()).then(|| s.world().stream_name().to_string()),
            live: s.is_live(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The engine's rules, asked rather than copied.

/// The open range that owns hash key `h` (index into `ranges`, which are in hash order, as open
/// shards are listed): the engine's routing rule ([`route`]), so `None` only for no ranges or a
/// gap, which open shards never leave.
pub fn owner(ranges: &[OpenRange], h: u128) -> Option<usize> {
    route(&hash_key_ranges(ranges), h)
}

/// The engine's ranges of `ranges`, in the same order: what [`route`] reads. A caller that asks
/// [`owner`] for many keys takes them once and calls [`route`] itself.
pub fn hash_key_ranges(ranges: &[OpenRange]) -> Vec<HashKeyRange> {
    ranges.iter().map(OpenRange::range).collect()
}

/// An ExplicitHashKey field, as PutRecord judges it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExplicitKey {
    /// The field is empty: the MD5 of the partition key routes the record.
    Empty,
    /// A valid key: it overrides the MD5.
    Valid(u128),
    /// PutRecord would refuse it with this AWS error.
    Refused {
        /// AWS `__type` (`ValidationException`, `InvalidArgumentException`).
        error: ErrorType,
        /// AWS's message, word for word.
        message: String,
    },
}

/// Judges an ExplicitHashKey exactly as PutRecord does ([`parse_explicit_hash_key`], the
/// engine's own rule) and reports AWS's own error when refused. The text is judged as typed, so
/// `" 12"` fails the pattern as it would on AWS.
pub fn check_explicit_hash_key(text: &str) -> ExplicitKey {
    if text.is_empty() {
        return ExplicitKey::Empty;
    }
    match parse_explicit_hash_key(text) {
        Ok(v) => ExplicitKey::Valid(v),
        Err(e) => ExplicitKey::Refused { error: e.error_type, message: e.message.unwrap_or_default() },
    }
}

/// Shared test data: uniform ranges and KINESIS.md B2's table.
#[cfg(test)]
pub(super) mod fixtures {
    use super::OpenRange;
    use crate::engine::state::hashing::uniform_ranges;
    use crate::engine::state::shard::ShardId;

    /// `n` uniform open ranges, `shardId-0` … `shardId-(n−1)`.
    pub fn uniform(n: u32) -> Vec<OpenRange> {
        uniform_ranges(n)
            .iter()
            .enumerate()
            .map(|(i, r)| OpenRange { id: ShardId(i as u32), start: r.starting_hash_key, end: r.ending_hash_key })
            .collect()
    }

    /// KINESIS.md B2: key, MD5 hex, decimal, shard of 3, shard of 4.
    pub const TABLE: [(&str, &str, u128, usize, usize); 9] = [
        ("a", "0cc175b9c0f1b6a831c399e269772661", 16955237001963240173058271559858726497, 0, 0),
        ("b", "92eb5ffee6ae2fec3ad71c777531578f", 195289424170611159128911017612795795343, 1, 2),
        ("c", "4a8a08f09d37b73795649038408b5f33", 99079589977253916124855502156832923443, 0, 1),
        ("d", "8277e0910d750195b448797616e091ad", 173422077530204247440288476180261147053, 1, 2),
        ("e", "e1671797c52e15f763380b45e841ec32", 299611584147932843547128611849858313266, 2, 3),
        ("f", "8fa14cdd754f91cc6554c9e71929cce7", 190917122200326810055233066464581373159, 1, 2),
        ("0", "cfcd208495d565ef66e7dff9f98764da", 276215275525073243129443018166533317850, 2, 3),
        ("1", "c4ca4238a0b923820dcc509a6f75849b", 261578874264819908609102035485573088411, 2, 3),
        ("hello", "5d41402abc4b2a76b9719d911017c592", 123957004363873451094272536567338222994, 1, 1),
    ];
}

#[cfg(test)]
mod tests {
    use super::fixtures::{uniform, TABLE};
    use super::*;
    use crate::ui::sim::Settings;

    #[test]
    fn owners_match_the_aws_table() {
        for (key, _, dec, of3, of4) in TABLE {
            assert_eq!(partition_key_hash(key), dec, "{key}");
            assert_eq!(owner(&uniform(3), dec), Some(of3), "{key} of 3");
            assert_eq!(owner(&uniform(4), dec), Some(of4), "{key} of 4");
        }
        assert_eq!(owner(&uniform(3), u128::MAX), Some(2));
        assert_eq!(owner(&uniform(3), 0), Some(0));
        assert_eq!(owner(&[], 5), None);
        // A gap (never among open shards) owns nothing.
        let gap = [OpenRange { id: ShardId(0), start: 0, end: 9 }, OpenRange { id: ShardId(1), start: 20, end: 30 }];
        assert_eq!([5, 15, 25, 31].map(|h| owner(&gap, h)), [Some(0), None, Some(1), None]);
    }

    #[test]
    fn explicit_hash_keys_get_aws_s_own_errors() {
        assert_eq!(check_explicit_hash_key(""), ExplicitKey::Empty);
        assert_eq!(check_explicit_hash_key("0"), ExplicitKey::Valid(0));
        assert_eq!(check_explicit_hash_key(&u128::MAX.to_string()), ExplicitKey::Valid(u128::MAX));
        let too_big = "340282366920938463463374607431768211456";
        assert_eq!(
            check_explicit_hash_key(too_big),
            ExplicitKey::Refused {
                error: ErrorType::InvalidArgumentException,
                message: format!("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {too_big}"),
            }
        );
        for bad in ["01", "-1", "abc", " 1", "1234567890123456789012345678901234567890"] {
            let ExplicitKey::Refused { error, message } = check_explicit_hash_key(bad) else {
                panic!("{bad} accepted");
            };
            assert_eq!(error, ErrorType::ValidationException, "{bad}");
            assert!(
                message.contains("Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})"),
                "{message}"
            );
        }
    }

    #[test]
    fn the_stream_view_reads_the_running_stream() {
        let settings = Settings { seed: 7, shards: Some(3), ..Settings::default() };
        let sim = Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"));
        let v = stream_view(&sim);
        assert_eq!(v.status, Some(StreamStatus::Active));
        assert_eq!(v.ranges, uniform(3));
        assert_eq!(v.update_delay_ms, 3_000);
        assert_eq!(v.throttled.len(), 3);
    }

    #[test]
    fn recent_keys_equal_the_sims_recent_records_across_a_split() {
        let settings = Settings { seed: 7, shards: Some(3), rate: Some(300), ..Settings::default() };
        let mut sim = Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"));
        sim.step_second();
        let split = serde_json::json!({"StreamName": sim.world().stream_name(), "ShardToSplit": "shardId-000000000001",
            "NewStartingHashKey": "170141183460469231731687303715884105728"});
        assert!(sim.api("SplitShard", &split).is_ok());
        for _ in 0..5 {
            sim.step_second();
        }
        assert_eq!(stream_view(&sim).ranges.len(), 4);
        for n in [0, 1, 10, 500, 5_000] {
            let ours: Vec<(String, u64, String, u128, bool)> = recent_keys(&sim, n)
                .into_iter()
                .map(|r| (r.shard.to_string(), r.position, r.partition_key, r.hash, r.explicit))
                .collect();
            let shown = sim.shown_stream();
            let sims: Vec<(String, u64, String, u128, bool)> =
                crate::ui::snapshot::recent_records(sim.world(), shown, n)
                    .into_iter()
                    .map(|r| (r.shard.to_string(), r.position, r.partition_key, r.hash, r.explicit))
                    .collect();
            assert_eq!(ours.len(), sims.len().min(n));
            assert_eq!(ours, sims, "n = {n}");
            // The merge returns what sorting every record would.
            let engine = sim.world().engine();
            let s = engine.stream(sim.world().stream_name()).unwrap_or_else(|| panic!("stream"));
            let mut all: Vec<(u64, String, u64)> = s
                .shards
                .iter()
                .flat_map(|sh| {
                    sh.records
                        .iter()
                        .enumerate()
                        .map(|(i, r)| (r.arrival.millis(), sh.id.to_string(), sh.records.first_index() + i as u64))
                })
                .collect();
            all.sort_by(|a, b| (b.0, &a.1, b.2).cmp(&(a.0, &b.1, a.2)));
            let brute: Vec<(String, u64)> = all.into_iter().take(n).map(|(_, sh, p)| (sh, p)).collect();
            let merged: Vec<(String, u64)> = ours.iter().map(|r| (r.0.clone(), r.1)).collect();
            assert_eq!(merged, brute, "n = {n}");
        }
    }

    #[test]
    fn the_cache_reads_recent_records_again_only_when_stale() {
        let settings = Settings { seed: 7, shards: Some(2), rate: Some(300), ..Settings::default() };
        let sim = Rc::new(RefCell::new(Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"))));
        sim.borrow_mut().step_second();
        sim.borrow_mut().step_second();
        let mut cache = SnapshotCache::default();
        let a = cache.get(&sim);
        assert_eq!(a.recent.len(), RECENT);
        assert_eq!(*a.recent, recent_keys(&sim.borrow(), RECENT));
        assert!(Rc::ptr_eq(&a.recent, &cache.get(&sim).recent), "same clock slot: the same records");
        sim.borrow_mut().step_second();
        let b = cache.get(&sim);
        assert!(!Rc::ptr_eq(&a.recent, &b.recent) && b.elapsed_ms > a.elapsed_ms);
        let rebuilt = Rc::new(RefCell::new(sim.borrow().clone()));
        let c = cache.get(&rebuilt);
        assert!(c.world != b.world && !Rc::ptr_eq(&b.recent, &c.recent), "another world: read again");
    }
}
