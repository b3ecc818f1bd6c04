//! What the durability view shows, built from the simulation once per frame: the stream's
//! status and encryption, each open shard's newest records with their `EncryptionType`, each
//! shard's copies per Availability Zone, and the acknowledged / readable / lost counts.
//! O(shards × [`STRIP_RECORDS`]), never O(records).

use super::model::STRIP_RECORDS;
use crate::engine::ops::replication::{ZoneState, ZONE_COUNT};
use crate::engine::state::shard::ShardId;
use crate::engine::state::store::RecordStore;
use crate::ui::sim::Sim;

/// What a zone is doing, for the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneKind {
    /// Up and holding every acknowledged record.
    InSync,
    /// Down: its copies are frozen.
    Down,
    /// Back, copying what it missed.
    CatchingUp,
}

/// One Availability Zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneView {
    /// Its name (`us-east-1a`).
    pub name: String,
    /// What it is doing.
    pub kind: ZoneKind,
}

/// One record of a strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StripMark {
    /// Its position in the shard (0 = the shard's first record ever).
    pub position: u64,
    /// Written while the stream was encrypted (`EncryptionType: KMS`).
    pub kms: bool,
}

/// One open shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardRow {
    /// Its id.
    pub id: ShardId,
    /// Records acknowledged since it opened.
    pub written: u64,
    /// Of those, how many each zone holds (index = zone).
    pub copies: [u64; ZONE_COUNT],
    /// Records around the last encryption switch (half before, half after) when there is one
    /// among the retained records, else the newest ones; oldest first, at most [`STRIP_RECORDS`].
    pub recent: Vec<StripMark>,
    /// Position of the first record after the last switch, when `recent` is centred on it.
    pub switch_at: Option<u64>,
    /// The `SequenceNumber` of the first record of `recent`.
    pub first_seq: Option<String>,
}

/// The view's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurabilitySnapshot {
    /// The stream drawn.
    pub stream: String,
    /// `StreamStatus` (`None`: the stream does not exist).
    pub status: Option<&'static str>,
    /// `EncryptionType` of the stream (`KMS` or `NONE`).
    pub encryption: &'static str,
    /// `KeyId` while encrypted.
    pub key_id: Option<String>,
    /// The three zones.
    pub zones: Vec<ZoneView>,
    /// The open shards, by starting hash key.
    pub shards: Vec<ShardRow>,
    /// Records acknowledged by the stream (every shard, closed ones too).
    pub acknowledged: u64,
    /// Records retained now (readable with GetRecords).
    pub retained: u64,
    /// Records removed by retention.
    pub expired: u64,
    /// Acknowledged records neither retained nor expired (0 is the promise).
    pub lost: u64,
    /// Records returned by GetRecords so far.
    pub reads: u64,
}

/// Index (among the retained records) of the first record after the newest encryption switch:
/// a gallop back from the newest record, then a bisection, so O(log records). With several
/// switches it finds one of them (the newest unless the gallop jumps over an even number).
fn last_switch(store: &RecordStore) -> Option<usize> {
    let last = store.len().checked_sub(1)?;
    let kms = store.get(last)?.kms;
    let (mut hi, mut step) = (last, 1usize);
    let mut lo = loop {
        let probe = last.saturating_sub(step);
        if store.get(probe)?.kms != kms {
            break probe;
        }
        if probe == 0 {
            return None;
        }
        hi = probe;
        step = step.saturating_mul(2);
    };
    // kms(lo) differs from the newest record's, kms(hi) is the same.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if store.get(mid)?.kms == kms {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

impl DurabilitySnapshot {
    /// The snapshot of the stream the views draw.
    pub fn of(sim: &Sim) -> DurabilitySnapshot {
        let engine = sim.world().engine();
        let name = sim.shown_stream();
        let names = engine.availability_zones();
        let zones = (0..ZONE_COUNT)
            .map(|z| ZoneView {
                name: names[z].clone(),
                kind: match engine.zone_state(z) {
                    ZoneState::InSync => ZoneKind::InSync,
                    ZoneState::Down { .. } => ZoneKind::Down,
                    ZoneState::CatchingUp { .. } => ZoneKind::CatchingUp,
                },
            })
            .collect();
        let mut snap = DurabilitySnapshot {
            stream: name.to_string(),
            status: None,
            encryption: "NONE",
            key_id: None,
            zones,
            shards: Vec::new(),
            acknowledged: 0,
            retained: 0,
            expired: 0,
            lost: 0,
            reads: 0,
        };
        let Some(stream) = engine.stream(name) else { return snap };
        snap.status = Some(stream.status.as_str());
        snap.encryption = stream.encryption_type.as_str();
        snap.key_id = stream.key_id.clone();
        for sh in &stream.shards {
            snap.acknowledged += sh.counters.incoming_records;
            snap.retained += sh.records.len() as u64;
            snap.expired += sh.counters.expired_records;
            snap.reads += sh.counters.outgoing_records;
        }
        snap.lost = snap.acknowledged.saturating_sub(snap.retained + snap.expired);
        let mut open: Vec<_> = stream.open_shards().collect();
        open.sort_by_key(|sh| (sh.hash_key_range.starting_hash_key, sh.id));
        for sh in open {
            let store = &sh.records;
            let switch = last_switch(store);
            let from = match switch {
                Some(s) => s.saturating_sub(STRIP_RECORDS / 2).min(store.len().saturating_sub(STRIP_RECORDS)),
                None => store.len().saturating_sub(STRIP_RECORDS),
            };
            let first = store.first_index();
            let recent: Vec<StripMark> = store
                .iter_from(from)
                .take(STRIP_RECORDS)
                .enumerate()
                .map(|(i, r)| StripMark { position: first + (from + i) as u64, kms: r.kms })
                .collect();
            let first_seq = store.get(from).map(|r| sh.sequence_number_of(&r).to_string());
            let written = sh.counters.incoming_records;
            snap.shards.push(ShardRow {
                id: sh.id,
                written,
                copies: engine.shard_copies(stream.key, sh.id, written),
                recent,
                switch_at: switch.map(|s| first + s as u64),
                first_seq,
            });
        }
        snap
    }

    /// Zones up now.
    pub fn live_zones(&self) -> u64 {
        self.zones.iter().filter(|z| z.kind != ZoneKind::Down).count() as u64
    }
}

/// Wall ms between two snapshots while the clock runs: the strips hold a shard's newest records,
/// which at hundreds of records per second all change every frame (an unreadable blur that
/// cost a full redraw of every strip per frame: benches/README.md, "Frame times").
pub const REFRESH_MS: f64 = 200.0;

/// The last snapshot and what it was taken from: retaken at most every [`REFRESH_MS`] of wall
/// time while playing; at once when paused (after a step), for a rebuilt world, or after any
/// input (a zone switched, an API call: the simulation's input log grew).
#[derive(Debug, Default)]
pub struct SnapshotCache {
    /// Wall ms when taken.
    wall_ms: f64,
    /// Simulated ms it shows.
    elapsed_ms: u64,
    /// The world it came from (a rebuilt world is a new `Rc`).
    sim: usize,
    /// Inputs logged when taken.
    inputs: usize,
    /// `None` before the first.
    snap: Option<std::rc::Rc<DurabilitySnapshot>>,
}

impl SnapshotCache {
    /// The snapshot of `sim` at wall time `wall_ms` (ms, any origin): the cached one unless it
    /// is stale.
    pub fn get(
        &mut self,
        sim: &std::rc::Rc<std::cell::RefCell<Sim>>,
        paused: bool,
        wall_ms: f64,
    ) -> std::rc::Rc<DurabilitySnapshot> {
        let s = sim.borrow();
        let (elapsed_ms, inputs) = (s.elapsed_ms(), s.timeline_len().1);
        let ptr = std::rc::Rc::as_ptr(sim) as usize;
        let moved = elapsed_ms != self.elapsed_ms;
        match &self.snap {
            Some(snap)
                if self.sim == ptr
                    && self.inputs == inputs
                    && !(moved && (paused || wall_ms - self.wall_ms >= REFRESH_MS)) =>
            {
                snap.clone()
            }
            _ => {
                let snap = std::rc::Rc::new(DurabilitySnapshot::of(&s));
                *self = SnapshotCache { wall_ms, elapsed_ms, sim: ptr, inputs, snap: Some(snap.clone()) };
                snap
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::route::UrlState;
    use crate::world::scenario::Command;

    #[test]
    fn records_after_the_switch_carry_kms_and_a_zone_outage_loses_nothing() {
        let mut sim = Sim::new(UrlState::default().sim).unwrap_or_else(|e| panic!("{e:?}"));
        sim.advance(2_000);
        let before = DurabilitySnapshot::of(&sim);
        assert_eq!(before.encryption, "NONE");
        assert!(before.shards.iter().all(|s| s.recent.iter().all(|m| !m.kms)));
        let answer = sim.api(
            "StartStreamEncryption",
            &serde_json::json!({"StreamName": before.stream, "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
        );
        assert!(answer.is_ok(), "{answer:?}");
        assert_eq!(DurabilitySnapshot::of(&sim).status, Some("UPDATING"));
        sim.command(Command::SetAvailabilityZone { zone: 1, up: false }).unwrap_or_else(|e| panic!("{e:?}"));
        sim.advance(10_000);
        let after = DurabilitySnapshot::of(&sim);
        assert_eq!((after.encryption, after.status), ("KMS", Some("ACTIVE")));
        assert_eq!(after.key_id.as_deref(), Some("alias/aws/kinesis"));
        let row = &after.shards[0];
        // The strip is centred on the switch: half before it (NONE), half after (KMS).
        let kms: Vec<bool> = row.recent.iter().map(|m| m.kms).collect();
        assert_eq!(kms.len(), STRIP_RECORDS);
        assert_eq!(crate::ui::views::durability::model::switches(&kms), vec![STRIP_RECORDS / 2], "{kms:?}");
        let at = row.switch_at.unwrap_or_else(|| panic!("no switch found"));
        assert_eq!(row.recent[STRIP_RECORDS / 2].position, at);
        assert_eq!(after.zones[1].kind, ZoneKind::Down);
        assert_eq!(after.live_zones(), 2);
        assert!(row.copies[1] < row.written && row.copies[0] == row.written, "{:?}", row.copies);
        sim.command(Command::SetAvailabilityZone { zone: 1, up: true }).unwrap_or_else(|e| panic!("{e:?}"));
        sim.advance(120_000);
        let back = DurabilitySnapshot::of(&sim);
        assert_eq!(back.zones[1].kind, ZoneKind::InSync);
        assert!(back.shards.iter().all(|s| s.copies == [s.written; ZONE_COUNT]));
        assert!(back.acknowledged > 0);
        assert_eq!(back.lost, 0);
        assert_eq!(back.acknowledged, back.retained + back.expired);
    }

    #[test]
    fn the_cache_retakes_the_snapshot_only_when_stale() {
        let sim = std::rc::Rc::new(std::cell::RefCell::new(
            Sim::new(UrlState::default().sim).unwrap_or_else(|e| panic!("{e:?}")),
        ));
        let mut cache = SnapshotCache::default();
        let first = cache.get(&sim, false, 0.0);
        sim.borrow_mut().advance(16);
        assert!(std::rc::Rc::ptr_eq(&first, &cache.get(&sim, false, 50.0)), "playing: kept for a while");
        let later = cache.get(&sim, false, 250.0);
        assert!(!std::rc::Rc::ptr_eq(&first, &later), "then retaken");
        sim.borrow_mut().advance(16);
        assert!(!std::rc::Rc::ptr_eq(&later, &cache.get(&sim, true, 260.0)), "paused: at once");
        let held = cache.get(&sim, false, 270.0);
        sim.borrow_mut()
            .command(Command::SetAvailabilityZone { zone: 1, up: false })
            .unwrap_or_else(|e| panic!("{e:?}"));
        let after = cache.get(&sim, false, 280.0);
        assert!(!std::rc::Rc::ptr_eq(&held, &after), "an input retakes it");
        assert_eq!(after.zones[1].kind, ZoneKind::Down);
    }
}
