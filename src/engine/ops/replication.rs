//! The Availability Zone control (`set_availability_zone`, a simulation control, not an AWS API)
//! and the copy counts the views draw; the model itself, with AWS's promise
//! (<https://aws.amazon.com/kinesis/data-streams/faqs/>) and what it simplifies, is in
//! `state/replication.rs`.

use crate::engine::state::replication::ShardKey;
pub use crate::engine::state::replication::{
    ZoneRefusal, ZoneState, CATCH_UP_RECORDS_PER_SECOND, ZONE_COUNT, ZONE_LETTERS,
};
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamKey;
use crate::engine::Engine;

impl Engine {
    /// The modelled Availability Zone names, from the endpoint's region (`us-east-1a` …).
    pub fn availability_zones(&self) -> [String; ZONE_COUNT] {
        let region = &self.config().region;
        ZONE_LETTERS.map(|l| format!("{region}{l}"))
    }

    /// What zone `zone` (0, 1 or 2) is doing now.
    pub fn zone_state(&self, zone: usize) -> ZoneState {
        let r = &self.replication;
        if let Some((z, since, _)) = &r.down {
            if *z == zone {
                return ZoneState::Down { since: *since };
            }
        }
        match r.caught_up_at() {
            Some((z, since, until)) if z == zone && self.now() < until => ZoneState::CatchingUp { since, until },
            _ => ZoneState::InSync,
        }
    }

    /// Takes zone `zone` (0, 1 or 2) down (`up` false) or brings it back (`up` true). A
    /// simulation control, not an AWS API. Taking a down zone down again, or an up zone up, does
    /// nothing.
    pub fn set_availability_zone(&mut self, zone: usize, up: bool) -> Result<(), ZoneRefusal> {
        if zone >= ZONE_COUNT {
            return Err(ZoneRefusal::UnknownZone);
        }
        let now = self.now();
        if up {
            let Some((z, _, _)) = &self.replication.down else { return Ok(()) };
            if *z != zone {
                return Ok(());
            }
            let missed = self.shard_keys().map(|(key, written)| (key, self.missing_now(zone, key, written))).collect();
            self.replication.down = None;
            self.replication.back = Some((zone, now, missed));
            return Ok(());
        }
        match self.zone_state(zone) {
            ZoneState::Down { .. } => return Ok(()),
            ZoneState::CatchingUp { .. } | ZoneState::InSync => {}
        }
        if self.replication.down.is_some() {
            return Err(ZoneRefusal::AnotherZoneDown);
        }
        if (0..ZONE_COUNT).any(|z| matches!(self.zone_state(z), ZoneState::CatchingUp { .. })) {
            return Err(ZoneRefusal::StillCatchingUp);
        }
        let marks = self.shard_keys().collect();
        self.replication.down = Some((zone, now, marks));
        self.replication.back = None;
        Ok(())
    }

    /// How many of the shard's acknowledged records each zone holds now (index = zone).
    pub fn shard_copies(&self, stream: StreamKey, shard: ShardId, written: u64) -> [u64; ZONE_COUNT] {
        let mut held = [written; ZONE_COUNT];
        for (zone, h) in held.iter_mut().enumerate() {
            *h = written - self.missing_now(zone, (stream, shard), written);
        }
        held
    }

    fn missing_now(&self, zone: usize, key: ShardKey, written: u64) -> u64 {
        self.replication.missing(zone, key, written, self.now()).min(written)
    }

    /// Every shard of every stream with its acknowledged record count.
    fn shard_keys(&self) -> impl Iterator<Item = (ShardKey, u64)> + '_ {
        self.streams()
            .values()
            .flat_map(|s| s.shards.iter().map(move |sh| ((s.key, sh.id), sh.counters.incoming_records)))
    }
}
