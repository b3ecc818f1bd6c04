//! Amazon Data Firehose delivering a Kinesis data stream into Amazon S3: one delivery stream,
//! its buffer and the objects it writes. The Lambda architecture's master-dataset archiver
//! (`firehose-s3` in `pipelines.rs`) is one of these, and so is any delivery stream a person
//! creates with [`crate::world::scenario::Command::CreateDeliveryStream`].
//!
//! # What it reproduces
//!
//! 1. **Source.** A delivery stream whose source is a Kinesis data stream reads it like any
//!    shared-throughput consumer: it calls `GetRecords` on every shard about once a second, and
//!    those calls count against the shard's 5 reads/s and 2 MiB/s
//!    (<https://docs.aws.amazon.com/firehose/latest/dev/writing-with-kinesis-streams.html>). A
//!    new delivery stream starts at `LATEST`. In the world it is a polling consumer with one
//!    worker and a 1 s poll interval that feeds this buffer ([`crate::world::sink::Sink`]).
//! 2. **Buffering hints** (`BufferingHints`,
//!    <https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html>):
//!    `SizeInMBs` 1–128, default 5 (MiB); `IntervalInSeconds` 0–900, default 300. An object is
//!    written when the buffer reaches `SizeInMBs` or when `IntervalInSeconds` have passed since
//!    the buffer's first record, whichever comes first.
//! 3. **Object keys** (<https://docs.aws.amazon.com/firehose/latest/dev/s3-object-name.html>):
//!    `<prefix><suffix>`; the default prefix is `YYYY/MM/dd/HH/` in UTC and the suffix is
//!    `<stream name>-<stream version>-<YYYY>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid>`. The version
//!    starts at 1 and grows by 1 with each configuration change (`UpdateDestination`). The
//!    time is the approximate arrival timestamp of the oldest record in the object
//!    (<https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html>).
//! 4. **Errors.** Out-of-range hints are refused with `InvalidArgumentException`, a name in use
//!    with `ResourceInUseException`, an unknown name with `ResourceNotFoundException`
//!    (<https://docs.aws.amazon.com/firehose/latest/APIReference/API_CreateDeliveryStream.html>).
//!
//! ```text
//!  shards ─ GetRecords 1/s ─► buffer (bytes, records, since) ─┬─ bytes ≥ SizeInMBs ──────┐
//!                                                             └─ now ≥ since + Interval ─┴► S3 object
//! ```
//!
//! # Simplifications
//! No real S3 (an object is its key and counts), no compression, no record format conversion,
//! no data transformation (Lambda), no dynamic partitioning, no error output prefix, no delivery
//! retries or latency: an object is written at the second its condition holds (checked after
//! each read and at each world tick). Object bytes are the records' data and partition keys.
//! Memory stays bounded: the last [`KEEP_OBJECTS`] objects in detail, per-hour folder totals for
//! the last [`KEEP_HOURS`] hours, and running totals for everything.

use super::rng::SimRng;
use crate::engine::error::{ApiError, ErrorType};
use crate::engine::time::{SimTime, SECOND_MS};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};

/// One MiB, bytes.
pub const MIB: u64 = 1024 * 1024;
/// Default `SizeInMBs` for an S3 destination, MiB.
pub const DEFAULT_SIZE_MIB: u32 = 5;
/// Smallest `SizeInMBs`, MiB.
pub const MIN_SIZE_MIB: u32 = 1;
/// Largest `SizeInMBs`, MiB.
pub const MAX_SIZE_MIB: u32 = 128;
/// Default `IntervalInSeconds`, seconds.
pub const DEFAULT_INTERVAL_S: u32 = 300;
/// Largest `IntervalInSeconds`, seconds (the smallest is 0: zero buffering).
pub const MAX_INTERVAL_S: u32 = 900;
/// Objects kept in detail (newest last); older ones count in the totals only.
pub const KEEP_OBJECTS: usize = 48;
/// Hour folders kept with their totals (newest last).
pub const KEEP_HOURS: usize = 48;
/// Longest delivery stream name (`DeliveryStreamName`, 1–64 of `[a-zA-Z0-9_.-]`).
pub const MAX_NAME_LEN: usize = 64;

/// `BufferingHints` of an S3 destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct BufferingHints {
    /// Buffer size that triggers a write, MiB (1–128).
    #[serde(rename = "SizeInMBs")]
    pub size_in_mbs: u32,
    /// Time since the buffer's first record that triggers a write, seconds (0–900).
    pub interval_in_seconds: u32,
}

impl Default for BufferingHints {
    fn default() -> Self {
        Self { size_in_mbs: DEFAULT_SIZE_MIB, interval_in_seconds: DEFAULT_INTERVAL_S }
    }
}

/// A buffering hint outside its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintError {
    /// `SizeInMBs` is not in 1–128.
    Size,
    /// `IntervalInSeconds` is not in 0–900.
    Interval,
}

impl BufferingHints {
    /// Buffer size that triggers a write, bytes.
    pub fn size_bytes(&self) -> u64 {
        u64::from(self.size_in_mbs) * MIB
    }

    /// Buffer interval, ms.
    pub fn interval_ms(&self) -> u64 {
        u64::from(self.interval_in_seconds) * SECOND_MS
    }

    /// The first out-of-range hint, if any.
    pub fn check(&self) -> Result<(), HintError> {
        if !(MIN_SIZE_MIB..=MAX_SIZE_MIB).contains(&self.size_in_mbs) {
            return Err(HintError::Size);
        }
        if self.interval_in_seconds > MAX_INTERVAL_S {
            return Err(HintError::Interval);
        }
        Ok(())
    }

    /// [`BufferingHints::check`] as the API's error: `InvalidArgumentException` with the AWS
    /// JSON protocol's constraint wording.
    pub fn validate(&self) -> Result<(), ApiError> {
        let (field, value, bound) = match self.check() {
            Ok(()) => return Ok(()),
            Err(HintError::Size) if self.size_in_mbs < MIN_SIZE_MIB => {
                ("sizeInMBs", self.size_in_mbs, format!("greater than or equal to {MIN_SIZE_MIB}"))
            }
            Err(HintError::Size) => ("sizeInMBs", self.size_in_mbs, format!("less than or equal to {MAX_SIZE_MIB}")),
            Err(HintError::Interval) => {
                ("intervalInSeconds", self.interval_in_seconds, format!("less than or equal to {MAX_INTERVAL_S}"))
            }
        };
        Err(ApiError::new(
            ErrorType::InvalidArgumentException,
            format!(
                "1 validation error detected: Value '{value}' at \
                 'extendedS3DestinationConfiguration.bufferingHints.{field}' failed to satisfy \
                 constraint: Member must have value {bound}"
            ),
        ))
    }
}

/// Checks a `DeliveryStreamName` (1–64 of `[a-zA-Z0-9_.-]`).
pub fn validate_name(name: &str) -> Result<(), ApiError> {
    let ok = !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if ok {
        return Ok(());
    }
    Err(ApiError::new(
        ErrorType::InvalidArgumentException,
        format!(
            "1 validation error detected: Value '{name}' at 'deliveryStreamName' failed to satisfy \
             constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
        ),
    ))
}

/// What a buffer holds before it becomes an object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Buffer {
    /// Bytes (data + partition keys).
    pub bytes: u64,
    /// Records.
    pub records: u64,
    /// Arrival (`ApproximateArrivalTimestamp`) of its oldest record.
    pub oldest: Option<SimTime>,
    /// Arrival of its newest record.
    pub newest: Option<SimTime>,
    /// When its first record entered the buffer (the interval counts from here).
    pub since: Option<SimTime>,
}

impl Buffer {
    fn add(&mut self, bytes: u64, arrival: SimTime) {
        self.bytes += bytes;
        self.records += 1;
        self.oldest = Some(self.oldest.map_or(arrival, |t| t.min(arrival)));
        self.newest = Some(self.newest.map_or(arrival, |t| t.max(arrival)));
    }
}

/// Why an object was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The buffer reached `SizeInMBs`.
    Size,
    /// `IntervalInSeconds` passed since the buffer's first record.
    Interval,
}

/// One object in the bucket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Object {
    /// Its key (`2025/01/01/00/name-1-2025-01-01-00-00-00-<uuid>`).
    pub key: String,
    /// Size, bytes.
    pub bytes: u64,
    /// Records in it.
    pub records: u64,
    /// Arrival of its oldest record.
    pub first_arrival: SimTime,
    /// Arrival of its newest record.
    pub last_arrival: SimTime,
    /// When it was written.
    pub written: SimTime,
    /// What wrote it.
    pub trigger: Trigger,
    /// Its number in the bucket (1 = the first object written).
    pub number: u64,
}

impl S3Object {
    /// Its prefix (`YYYY/MM/dd/HH/`).
    pub fn prefix(&self) -> &str {
        self.key.get(..14).unwrap_or("")
    }

    /// Its name after the prefix.
    pub fn name(&self) -> &str {
        self.key.get(14..).unwrap_or(&self.key)
    }
}

/// Totals of one hour folder (`YYYY/MM/dd/HH/`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HourFolder {
    /// Objects.
    pub objects: u64,
    /// Bytes.
    pub bytes: u64,
    /// Records.
    pub records: u64,
}

/// One Firehose delivery stream with an S3 destination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryStream {
    /// `DeliveryStreamName`.
    pub name: String,
    /// Version: 1, plus one per configuration change.
    pub version: u32,
    /// Buffering hints.
    pub hints: BufferingHints,
    /// When it was created.
    pub created: SimTime,
    /// The buffer filling now.
    pub buffer: Buffer,
    /// Buffers that reached their size, waiting for the next [`DeliveryStream::settle`].
    full: Vec<Buffer>,
    /// The newest objects, oldest first (at most [`KEEP_OBJECTS`]).
    pub recent: VecDeque<S3Object>,
    /// Hour folders by prefix (at most [`KEEP_HOURS`], newest last).
    pub hours: BTreeMap<String, HourFolder>,
    /// Objects written.
    pub objects: u64,
    /// Bytes written.
    pub bytes: u64,
    /// Records written.
    pub records: u64,
    /// Objects written because the buffer was full.
    pub by_size: u64,
    rng: SimRng,
}

impl DeliveryStream {
    /// A delivery stream created at `now` (its random strings come from `seed`'s stream for
    /// `firehose/<name>`).
    pub fn new(name: &str, hints: BufferingHints, seed: u64, now: SimTime) -> Self {
        Self {
            name: name.to_string(),
            version: 1,
            hints,
            created: now,
            buffer: Buffer::default(),
            full: Vec::new(),
            recent: VecDeque::new(),
            hours: BTreeMap::new(),
            objects: 0,
            bytes: 0,
            records: 0,
            by_size: 0,
            rng: SimRng::fork(seed, &format!("firehose/{name}")),
        }
    }

    /// Changes the buffering hints (`UpdateDestination`): the version grows by one. The buffer
    /// filling keeps its records.
    pub fn update(&mut self, hints: BufferingHints) -> Result<(), ApiError> {
        hints.validate()?;
        if hints != self.hints {
            self.hints = hints;
            self.version += 1;
        }
        Ok(())
    }

    /// A record read from the stream enters the buffer (`bytes`: its data and partition key;
    /// `arrival`: its `ApproximateArrivalTimestamp`). A buffer that would pass `SizeInMBs`
    /// is closed first, so an object holds at most `SizeInMBs` unless one record is larger.
    pub fn put(&mut self, bytes: u64, arrival: SimTime) {
        let size = self.hints.size_bytes();
        if self.buffer.records > 0 && self.buffer.bytes + bytes > size {
            self.full.push(std::mem::take(&mut self.buffer));
        }
        self.buffer.add(bytes, arrival);
        if self.buffer.bytes >= size {
            self.full.push(std::mem::take(&mut self.buffer));
        }
    }

    /// Writes what is due at `now`: full buffers, then the filling buffer if its interval has
    /// passed. Called after each read and at each world tick.
    pub fn settle(&mut self, now: SimTime) {
        for mut b in std::mem::take(&mut self.full) {
            b.since.get_or_insert(now);
            self.write(b, now, Trigger::Size);
        }
        if self.buffer.records == 0 {
            return;
        }
        let since = *self.buffer.since.get_or_insert(now);
        if now.millis() >= since.millis() + self.hints.interval_ms() {
            let b = std::mem::take(&mut self.buffer);
            self.write(b, now, Trigger::Interval);
        }
    }

    /// When the filling buffer's interval ends (`None` when it is empty).
    pub fn due(&self) -> Option<SimTime> {
        self.buffer.since.map(|t| t.plus(self.hints.interval_ms()))
    }

    /// Arrival of the oldest record not yet in an object (`None`: every record read is in S3).
    pub fn oldest_unwritten(&self) -> Option<SimTime> {
        self.full.iter().chain(std::iter::once(&self.buffer)).filter_map(|b| b.oldest).min()
    }

    fn write(&mut self, b: Buffer, now: SimTime, trigger: Trigger) {
        let (Some(first), Some(last)) = (b.oldest, b.newest) else {
            return;
        };
        let key = object_key(&self.name, self.version, first, self.rng.next_u64(), self.rng.next_u64());
        self.objects += 1;
        self.bytes += b.bytes;
        self.records += b.records;
        if trigger == Trigger::Size {
            self.by_size += 1;
        }
        let object = S3Object {
            key,
            bytes: b.bytes,
            records: b.records,
            first_arrival: first,
            last_arrival: last,
            written: now,
            trigger,
            number: self.objects,
        };
        let hour = self.hours.entry(object.prefix().to_string()).or_default();
        hour.objects += 1;
        hour.bytes += b.bytes;
        hour.records += b.records;
        while self.hours.len() > KEEP_HOURS {
            self.hours.pop_first();
        }
        self.recent.push_back(object);
        while self.recent.len() > KEEP_OBJECTS {
            self.recent.pop_front();
        }
    }
}

/// The UTC calendar fields of `t`: year, month, day, hour, minute, second.
pub fn utc_fields(t: SimTime) -> (i32, u8, u8, u8, u8, u8) {
    let secs = i64::try_from(t.secs()).unwrap_or(i64::MAX);
    match time::OffsetDateTime::from_unix_timestamp(secs) {
        Ok(d) => (d.year(), u8::from(d.month()), d.day(), d.hour(), d.minute(), d.second()),
        Err(_) => (1970, 1, 1, 0, 0, 0),
    }
}

/// The default prefix for time `t`: `YYYY/MM/dd/HH/` in UTC.
pub fn default_prefix(t: SimTime) -> String {
    let (y, mo, d, h, _, _) = utc_fields(t);
    format!("{y:04}/{mo:02}/{d:02}/{h:02}/")
}

/// An object's key: the default prefix, then
/// `<name>-<version>-<YYYY>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid>` (a version-4 UUID from two random
/// words).
pub fn object_key(name: &str, version: u32, t: SimTime, a: u64, b: u64) -> String {
    let (y, mo, d, h, mi, s) = utc_fields(t);
    let uuid = format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    );
    format!("{}{name}-{version}-{y:04}-{mo:02}-{d:02}-{h:02}-{mi:02}-{s:02}-{uuid}", default_prefix(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::DEFAULT_START;

    #[test]
    fn defaults_and_ranges_are_aws() {
        let h = BufferingHints::default();
        assert_eq!((h.size_in_mbs, h.interval_in_seconds), (5, 300));
        assert!(BufferingHints { size_in_mbs: 1, interval_in_seconds: 0 }.check().is_ok());
        assert!(BufferingHints { size_in_mbs: 128, interval_in_seconds: 900 }.check().is_ok());
        assert_eq!(BufferingHints { size_in_mbs: 0, interval_in_seconds: 60 }.check(), Err(HintError::Size));
        assert_eq!(BufferingHints { size_in_mbs: 129, interval_in_seconds: 60 }.check(), Err(HintError::Size));
        assert_eq!(BufferingHints { size_in_mbs: 5, interval_in_seconds: 901 }.check(), Err(HintError::Interval));
        let e = BufferingHints { size_in_mbs: 5, interval_in_seconds: 901 }.validate().err();
        assert_eq!(e.as_ref().map(|e| e.error_type), Some(ErrorType::InvalidArgumentException));
        assert!(e.is_some_and(|e| e.message_text().contains("less than or equal to 900")));
        let json = serde_json::to_string(&h).unwrap_or_default();
        assert_eq!(json, r#"{"SizeInMBs":5,"IntervalInSeconds":300}"#);
        assert!(validate_name("orders-to-s3").is_ok() && validate_name("a b").is_err() && validate_name("").is_err());
    }

    #[test]
    fn key_has_the_default_prefix_and_suffix() {
        // 2025-01-01T00:00:00Z plus 1 h 2 min 3 s.
        let t = DEFAULT_START.plus(3_723_000);
        let key = object_key("orders", 2, t, 0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210);
        assert_eq!(key, "2025/01/01/01/orders-2-2025-01-01-01-02-03-01234567-89ab-4def-bedc-ba9876543210");
    }

    #[test]
    fn interval_fires_after_the_first_record_not_before() {
        let hints = BufferingHints { size_in_mbs: 1, interval_in_seconds: 60 };
        let mut f = DeliveryStream::new("d", hints, 7, DEFAULT_START);
        f.settle(DEFAULT_START.plus(100_000));
        assert_eq!(f.objects, 0, "an empty buffer writes nothing");
        let t0 = DEFAULT_START.plus(200_000);
        f.put(100, t0);
        f.settle(t0);
        assert_eq!(f.due(), Some(t0.plus(60_000)));
        f.put(100, t0.plus(30_000));
        f.settle(t0.plus(59_999));
        assert_eq!(f.objects, 0);
        assert_eq!(f.oldest_unwritten(), Some(t0));
        f.settle(t0.plus(60_000));
        assert_eq!((f.objects, f.records, f.bytes, f.by_size), (1, 2, 200, 0));
        assert_eq!(f.oldest_unwritten(), None);
        let o = &f.recent[0];
        assert_eq!((o.first_arrival, o.last_arrival, o.trigger), (t0, t0.plus(30_000), Trigger::Interval));
        assert!(o.key.starts_with("2025/01/01/00/d-1-2025-01-01-00-03-20-"), "{}", o.key);
    }

    #[test]
    fn a_full_buffer_writes_before_the_interval_and_holds_at_most_the_size() {
        let hints = BufferingHints { size_in_mbs: 1, interval_in_seconds: 900 };
        let mut f = DeliveryStream::new("d", hints, 7, DEFAULT_START);
        for i in 0..2_500 {
            f.put(1_000, DEFAULT_START.plus(i));
        }
        f.settle(DEFAULT_START.plus(3_000));
        assert_eq!(f.objects, 2, "2.5 MB make two full objects of 1 MiB");
        assert!(f.recent.iter().all(|o| o.bytes <= MIB && o.bytes > MIB - 1_000 && o.trigger == Trigger::Size));
        assert_eq!(f.buffer.records + f.records, 2_500);
    }

    #[test]
    fn zero_interval_writes_at_once_and_updates_bump_the_version() {
        let mut f =
            DeliveryStream::new("d", BufferingHints { size_in_mbs: 5, interval_in_seconds: 0 }, 1, DEFAULT_START);
        f.put(10, DEFAULT_START);
        f.settle(DEFAULT_START);
        assert_eq!(f.objects, 1);
        assert!(f.update(BufferingHints { size_in_mbs: 200, interval_in_seconds: 0 }).is_err());
        assert_eq!(f.version, 1);
        assert!(f.update(BufferingHints { size_in_mbs: 6, interval_in_seconds: 0 }).is_ok());
        assert_eq!(f.version, 2);
        f.put(10, DEFAULT_START);
        f.settle(DEFAULT_START);
        assert!(f.recent[1].name().starts_with("d-2-"));
    }

    #[test]
    fn memory_is_bounded() {
        let mut f =
            DeliveryStream::new("d", BufferingHints { size_in_mbs: 1, interval_in_seconds: 0 }, 1, DEFAULT_START);
        for s in 0..(100 * 3_600) {
            let t = DEFAULT_START.plus(s * 1_000);
            f.put(10, t);
            f.settle(t);
        }
        assert_eq!(f.objects, 360_000);
        assert_eq!((f.recent.len(), f.hours.len()), (KEEP_OBJECTS, KEEP_HOURS));
        assert_eq!(f.hours.values().last().map(|h| h.objects), Some(3_600));
    }
}
