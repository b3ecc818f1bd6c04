//! What the firehose view shows, built from the simulation: the source stream's open shards
//! (and how far behind the delivery stream reads each), the delivery stream's buffer and hints,
//! and the bucket's hour folders and newest objects. O(shards + objects drawn): the delivery
//! stream keeps its own totals, so nothing here walks records.

use crate::engine::time::SimTime;
use crate::ui::format::shard_short;
use crate::ui::sim::Sim;
use crate::world::firehose::{DeliveryStream, Trigger};
use crate::world::pipeline_spec::ARCHIVER;

/// Objects listed, newest first.
pub const LISTED: usize = 12;
/// Hour folders drawn, newest last.
pub const FOLDERS: usize = 6;

/// One shard of the source stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardRow {
    /// Short label (`shard 0`).
    pub label: String,
    /// How far behind the delivery stream reads it (`MillisBehindLatest`), ms.
    pub behind_ms: u64,
}

/// One object in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectRow {
    /// Its number in the bucket (1 = the first): the list's key.
    pub number: u64,
    /// Full key.
    pub key: String,
    /// Its hour folder (`YYYY/MM/DD/HH/`).
    pub prefix: String,
    /// Its name after the prefix.
    pub name: String,
    /// Size, bytes.
    pub bytes: u64,
    /// Records.
    pub records: u64,
    /// Arrival of its first and last record, ms since the stream became active.
    pub arrivals: (u64, u64),
    /// Written because the buffer was full (else the interval).
    pub by_size: bool,
}

/// One hour folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderRow {
    /// `YYYY/MM/DD/HH/`.
    pub prefix: String,
    /// Objects in it.
    pub objects: u64,
    /// Bytes in it.
    pub bytes: u64,
}

/// The delivery stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliverySnap {
    /// `DeliveryStreamName`.
    pub name: String,
    /// Version.
    pub version: u32,
    /// `SizeInMBs`.
    pub size_mib: u32,
    /// `IntervalInSeconds`.
    pub interval_s: u32,
    /// It is the Lambda architecture's archiver.
    pub archiver: bool,
    /// Buffered bytes (open buffer).
    pub buffer_bytes: u64,
    /// Buffered records.
    pub buffer_records: u64,
    /// Time since the buffer's first record, ms (0 when empty).
    pub buffer_age_ms: u64,
    /// Objects, bytes, records written and objects written by size.
    pub totals: (u64, u64, u64, u64),
    /// Newest objects, newest first.
    pub objects: Vec<ObjectRow>,
    /// Newest hour folders, oldest first.
    pub folders: Vec<FolderRow>,
}

/// The whole view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirehoseSnapshot {
    /// The source stream's name.
    pub stream: String,
    /// Its open shards.
    pub shards: Vec<ShardRow>,
    /// The delivery stream shown (the newest one created, else the archiver), if any.
    pub delivery: Option<DeliverySnap>,
}

impl FirehoseSnapshot {
    /// The snapshot of `sim` now.
    pub fn of(sim: &Sim) -> Self {
        let w = sim.world();
        let start = w.started();
        let rel = |t: SimTime| t.since(start);
        let consumers = w.consumers();
        // The newest delivery stream a person created wins over the pipelines' archiver.
        let shown = crate::world::delivery::delivery_streams(consumers)
            .filter(|(i, _)| !w.is_removed(*i))
            .max_by_key(|(i, f)| (f.name != ARCHIVER, *i));
        let mut shards = Vec::new();
        if let Some(s) = w.engine().stream(w.stream_name()) {
            for sh in s.open_shards() {
                let behind_ms = shown
                    .and_then(|(i, _)| consumers.get(i))
                    .and_then(|c| c.reader(sh.id))
                    .map_or(0, |r| r.millis_behind);
                shards.push(ShardRow { label: shard_short(sh.id), behind_ms });
            }
        }
        let now = w.now();
        let delivery = shown.map(|(_, f)| delivery(f, now, &rel));
        FirehoseSnapshot { stream: w.stream_name().to_string(), shards, delivery }
    }
}

fn delivery(f: &DeliveryStream, now: SimTime, rel: &dyn Fn(SimTime) -> u64) -> DeliverySnap {
    let objects = f
        .recent
        .iter()
        .rev()
        .take(LISTED)
        .map(|o| ObjectRow {
            number: o.number,
            key: o.key.clone(),
            prefix: o.prefix().to_string(),
            name: o.name().to_string(),
            bytes: o.bytes,
            records: o.records,
            arrivals: (rel(o.first_arrival), rel(o.last_arrival)),
            by_size: o.trigger == Trigger::Size,
        })
        .collect();
    let skip = f.hours.len().saturating_sub(FOLDERS);
    let folders = f
        .hours
        .iter()
        .skip(skip)
        .map(|(p, h)| FolderRow { prefix: p.clone(), objects: h.objects, bytes: h.bytes })
        .collect();
    DeliverySnap {
        name: f.name.clone(),
        version: f.version,
        size_mib: f.hints.size_in_mbs,
        interval_s: f.hints.interval_in_seconds,
        archiver: f.name == ARCHIVER,
        buffer_bytes: f.buffer.bytes,
        buffer_records: f.buffer.records,
        buffer_age_ms: f.buffer.since.map_or(0, |t| now.since(t)),
        totals: (f.objects, f.bytes, f.records, f.by_size),
        objects,
        folders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::firehose::BufferingHints;
    use crate::world::scenario::Command;

    #[test]
    fn a_created_delivery_stream_shows_its_objects_newest_first() {
        let settings = crate::ui::sim::Settings { seed: 7, ..crate::ui::sim::Settings::default() };
        let mut sim = Sim::new(settings).unwrap_or_else(|e| panic!("{e:?}"));
        let secs = |sim: &mut Sim, n: u32| (0..n).for_each(|_| sim.step_second());
        assert!(FirehoseSnapshot::of(&sim).delivery.is_none());
        let hints = BufferingHints { size_in_mbs: 128, interval_in_seconds: 60 };
        assert!(sim.command(Command::CreateDeliveryStream { name: "orders-to-s3".into(), hints }).is_ok());
        secs(&mut sim, 59);
        let s = FirehoseSnapshot::of(&sim);
        let d = s.delivery.clone().unwrap_or_else(|| panic!("no delivery stream"));
        assert_eq!((d.name.as_str(), d.version, d.totals.0), ("orders-to-s3", 1, 0));
        assert!(d.buffer_records > 0 && d.buffer_age_ms > 0 && d.buffer_age_ms < 60_000);
        assert!(!s.shards.is_empty());
        secs(&mut sim, 190);
        let d = FirehoseSnapshot::of(&sim).delivery.unwrap_or_else(|| panic!("no delivery stream"));
        assert!(d.totals.0 >= 3, "one object a minute: {:?}", d.totals);
        assert!(d.objects.windows(2).all(|p| p[0].number > p[1].number));
        assert!(d.objects.iter().all(|o| o.key.starts_with(&o.prefix) && o.name.starts_with("orders-to-s3-1-")));
        assert_eq!(d.folders.iter().map(|f| f.objects).sum::<u64>(), d.totals.0);
    }
}
