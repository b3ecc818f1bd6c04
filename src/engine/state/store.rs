//! The compact per-shard record store: a segmented log.
//!
//! What it models: a shard's retained records, oldest first, appended at the tail and trimmed at
//! the head when they outlive the retention period (AWS keeps each shard as an ordered log; it
//! trims by age, never from the middle).
//!
//! Layout. Records live in chunks of up to [`CHUNK_RECORDS`] fixed 32-byte entries
//! (`seqIx`, arrival, offset, sizes, flags) plus one byte arena per chunk. Trimming frees whole
//! chunks, so memory follows what retention keeps, not the run's history, and the store never
//! reallocates one huge buffer. Per record:
//! - a record written through the API keeps its partition key and data (and a 16-byte
//!   ExplicitHashKey when one was given) in the arena: 32 bytes + payload;
//! - a record written by reference keeps only its 16-byte [`RecordRef`] `(n, event time)` (the
//!   source id fits in the entry): its key and data are rendered again by its
//!   [`RecordSource`](crate::engine::state::record_source::RecordSource)
//!   when read, so it costs 48 bytes whatever its size;
//! - a full chunk whose records were all written by reference is **packed** column by column
//!   (see `packed.rs`): a steady producer's record then costs one to two and a half bytes, one
//!   on a throttled shard full of retries about five. Only the newest, open chunk of each shard
//!   keeps 48-byte entries, so a shard's memory is about `48 × 1024 + (1…5) × retained` bytes
//!   for simulated traffic.
//!
//! The sequence number is not stored: its shard fields come from the shard, and its `seqTime` is
//! the arrival time, or the shard's creation time when that is later (a child shard's first
//! records, see `ops/put_records.rs`).

use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::packed::{Packed, Row};
use crate::engine::state::record_source::{RecordRef, RecordSources, RenderedRecord, SourceId};
use crate::engine::time::SimTime;
use std::collections::VecDeque;
use std::sync::Arc;

/// Entries per chunk.
pub const CHUNK_RECORDS: usize = 1024;
const _: () = assert!(CHUNK_RECORDS <= crate::engine::state::packed::MAX_ROWS);
/// A chunk takes no more records once its arena holds this many bytes.
const CHUNK_ARENA_BYTES: usize = 4 * 1024 * 1024;

const EXPLICIT: u8 = 1;
const KMS: u8 = 2;
const BY_REFERENCE: u8 = 4;

/// One stored record: 32 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    seq_ix: u64,
    arrival: u64,
    /// Start of its bytes in the chunk arena.
    offset: u32,
    /// Data length, bytes (the real length, also for records written by reference).
    data_len: u32,
    /// Partition key length, bytes (UTF-8).
    key_len: u16,
    /// Record source (records written by reference only).
    source: SourceId,
    flags: u8,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 32);

#[derive(Clone, Debug)]
struct Chunk {
    /// Global index of the chunk's record 0.
    first: u64,
    /// Records before `head` are trimmed.
    head: usize,
    body: Body,
}

/// A chunk's records.
#[derive(Clone, Debug)]
enum Body {
    /// Taking records: 32-byte entries and their bytes.
    Open {
        /// The records.
        entries: Vec<Entry>,
        /// Their payload bytes (or references).
        arena: Vec<u8>,
    },
    /// Full, every record written by reference, packed (see `packed.rs`). Immutable once
    /// packed (trimming moves the chunk's `head`, never its rows), so it is shared, not copied,
    /// when the store is cloned: a clone of a world (the app's rewind checkpoints,
    /// `ui/timeline.rs`) costs its open chunks and metadata, not its retained records.
    Packed(Arc<Packed>),
}

/// How a new record's payload is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewPayload {
    /// Bytes as sent through the API.
    Inline {
        /// Partition key.
        partition_key: String,
        /// Data.
        data: Vec<u8>,
        /// ExplicitHashKey, if one routed it.
        explicit_hash_key: Option<u128>,
    },
    /// A record written by reference, rendered again by its source when read.
    ByReference {
        /// Which record of which source.
        reference: RecordRef,
        /// Data length, bytes.
        data_len: u32,
        /// Partition key length, bytes.
        key_len: u16,
        /// True when an ExplicitHashKey routed it.
        explicit: bool,
    },
}

impl NewPayload {
    /// Bytes it takes in a chunk's arena.
    fn arena_bytes(&self) -> usize {
        match self {
            NewPayload::Inline { partition_key, data, explicit_hash_key } => {
                partition_key.len() + data.len() + if explicit_hash_key.is_some() { 16 } else { 0 }
            }
            NewPayload::ByReference { .. } => 16,
        }
    }
}

/// A retained record, borrowed from the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredRecord<'a> {
    /// Its `seqIx`.
    pub seq_ix: u64,
    /// When the shard accepted it.
    pub arrival: SimTime,
    /// Data length, bytes.
    pub data_len: u32,
    /// Partition key length, bytes.
    pub key_len: u16,
    /// Written while the stream was KMS-encrypted.
    pub kms: bool,
    /// Routed by an ExplicitHashKey.
    pub explicit_hash_key: bool,
    /// Its payload.
    pub payload: StoredPayload<'a>,
}

/// A retained record's payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredPayload<'a> {
    /// Kept as bytes.
    Inline {
        /// Partition key bytes (UTF-8).
        partition_key: &'a [u8],
        /// Data.
        data: &'a [u8],
        /// ExplicitHashKey.
        explicit_hash_key: Option<u128>,
    },
    /// Written by reference: rendered by its source on read.
    ByReference(RecordRef),
}

impl StoredRecord<'_> {
    /// Bytes counted against throughput limits: data plus partition key.
    pub fn size(&self) -> u64 {
        u64::from(self.data_len) + u64::from(self.key_len)
    }

    /// Partition key, data and ExplicitHashKey, rendering records written by reference with
    /// their source in `sources`.
    pub fn materialize(&self, sources: &RecordSources) -> RenderedRecord {
        match self.payload {
            StoredPayload::Inline { partition_key, data, explicit_hash_key } => RenderedRecord {
                partition_key: String::from_utf8_lossy(partition_key).into_owned(),
                data: data.to_vec(),
                explicit_hash_key,
            },
            StoredPayload::ByReference(reference) => sources.render(reference).unwrap_or_else(|| RenderedRecord {
                partition_key: String::new(),
                data: Vec::new(),
                explicit_hash_key: None,
            }),
        }
    }

    /// The 128-bit hash key that routed it.
    pub fn hash_key(&self, sources: &RecordSources) -> u128 {
        let r = self.materialize(sources);
        r.explicit_hash_key.unwrap_or_else(|| partition_key_hash(&r.partition_key))
    }
}

/// A shard's retained records, oldest first.
#[derive(Clone, Debug, Default)]
pub struct RecordStore {
    chunks: VecDeque<Chunk>,
    len: usize,
    /// Heap bytes of every chunk but the newest: those no longer change (a chunk is packed just
    /// before the next one starts, and trimming moves only its `head`), so
    /// [`RecordStore::heap_bytes`] adds the newest chunk's to this instead of walking them all.
    /// The app asks in every animation frame (its memory guard), and a day of activity-logs is
    /// 135,000 chunks.
    sealed_bytes: usize,
    /// Global index of the next record pushed.
    next_index: u64,
}

impl Chunk {
    /// Records in the chunk, trimmed ones included.
    fn total(&self) -> usize {
        match &self.body {
            Body::Open { entries, .. } => entries.len(),
            Body::Packed(p) => p.len(),
        }
    }

    /// True when the open chunk takes no more records.
    fn full(&self) -> bool {
        match &self.body {
            Body::Open { entries, arena } => entries.len() >= CHUNK_RECORDS || arena.len() >= CHUNK_ARENA_BYTES,
            Body::Packed(_) => true,
        }
    }

    /// Its records from `from` on (an index into the chunk, trimmed ones included).
    fn records_from(&self, from: usize) -> Box<dyn Iterator<Item = StoredRecord<'_>> + '_> {
        match &self.body {
            Body::Open { entries, arena } => Box::new(entries.iter().skip(from).map(move |e| view(arena, e))),
            Body::Packed(p) => Box::new(p.rows_from(from).map(|r| packed_view(&r))),
        }
    }

    /// Record `i` of the chunk (trimmed ones included).
    fn record(&self, i: usize) -> Option<StoredRecord<'_>> {
        match &self.body {
            Body::Open { entries, arena } => entries.get(i).map(|e| view(arena, e)),
            Body::Packed(p) => p.row(i).map(|r| packed_view(&r)),
        }
    }

    /// Among live records, the count of the prefix for which `pred(seqIx, arrival)` holds.
    fn live_prefix(&self, pred: &impl Fn(u64, u64) -> bool) -> usize {
        match &self.body {
            Body::Open { entries, .. } => {
                entries.get(self.head..).unwrap_or_default().partition_point(|e| pred(e.seq_ix, e.arrival))
            }
            Body::Packed(p) => p.prefix_from(self.head, |r| pred(r.seq_ix, r.arrival)),
        }
    }

    /// True when its first live record satisfies `pred`.
    fn first_live(&self, pred: &impl Fn(u64, u64) -> bool) -> bool {
        self.record(self.head).is_some_and(|r| pred(r.seq_ix, r.arrival.millis()))
    }

    /// Packs a full open chunk of records written by reference; leaves any other as it is.
    fn pack(&mut self) {
        let Body::Open { entries, arena } = &self.body else {
            return;
        };
        let live = entries.get(self.head..).unwrap_or_default();
        if live.is_empty() || live.iter().any(|e| e.flags & BY_REFERENCE == 0) {
            return;
        }
        let rows: Vec<Row> = live.iter().map(|e| row_of(arena, e)).collect();
        if let Some(p) = Packed::pack(&rows) {
            self.first += self.head as u64;
            self.head = 0;
            self.body = Body::Packed(Arc::new(p));
        }
    }

    fn heap_bytes(&self) -> usize {
        match &self.body {
            Body::Open { entries, arena } => entries.capacity() * std::mem::size_of::<Entry>() + arena.capacity(),
            Body::Packed(p) => std::mem::size_of::<Packed>() + p.heap_bytes(),
        }
    }
}

/// The reference a record written by reference keeps in the arena: `(n, event time)`.
fn reference(arena: &[u8], e: &Entry) -> RecordRef {
    let word = |i: usize| {
        let mut b = [0u8; 8];
        if let Some(s) = arena.get(e.offset as usize + i..e.offset as usize + i + 8) {
            b.copy_from_slice(s);
        }
        u64::from_le_bytes(b)
    };
    RecordRef { source: e.source, n: word(0), event_time: SimTime(word(8)) }
}

/// A stored record from the fields an entry and a packed row share.
fn stored(
    seq_ix: u64,
    arrival: u64,
    data_len: u32,
    key_len: u16,
    flags: u8,
    payload: StoredPayload<'_>,
) -> StoredRecord<'_> {
    StoredRecord {
        seq_ix,
        arrival: SimTime(arrival),
        data_len,
        key_len,
        kms: flags & KMS != 0,
        explicit_hash_key: flags & EXPLICIT != 0,
        payload,
    }
}

fn view<'a>(arena: &'a [u8], e: &Entry) -> StoredRecord<'a> {
    let payload = if e.flags & BY_REFERENCE != 0 {
        StoredPayload::ByReference(reference(arena, e))
    } else {
        let at = e.offset as usize;
        let (explicit_hash_key, start) = if e.flags & EXPLICIT != 0 {
            let mut b = [0u8; 16];
            if let Some(s) = arena.get(at..at + 16) {
                b.copy_from_slice(s);
            }
            (Some(u128::from_le_bytes(b)), at + 16)
        } else {
            (None, at)
        };
        let key_end = start + usize::from(e.key_len);
        let data_end = key_end + e.data_len as usize;
        StoredPayload::Inline {
            partition_key: arena.get(start..key_end).unwrap_or_default(),
            data: arena.get(key_end..data_end).unwrap_or_default(),
            explicit_hash_key,
        }
    };
    stored(e.seq_ix, e.arrival, e.data_len, e.key_len, e.flags, payload)
}

/// A packed row as a stored record (packed rows are always written by reference).
fn packed_view<'a>(r: &Row) -> StoredRecord<'a> {
    let reference = RecordRef { source: r.source, n: r.n, event_time: SimTime(r.event_time) };
    stored(r.seq_ix, r.arrival, r.data_len, r.key_len, r.flags, StoredPayload::ByReference(reference))
}

/// The row an entry written by reference packs into.
fn row_of(arena: &[u8], e: &Entry) -> Row {
    let r = reference(arena, e);
    Row {
        seq_ix: e.seq_ix,
        arrival: e.arrival,
        n: r.n,
        event_time: r.event_time.millis(),
        data_len: e.data_len,
        key_len: e.key_len,
        source: e.source,
        flags: e.flags,
    }
}

impl RecordStore {
    /// Position of the oldest retained record among all records ever stored in this shard (the
    /// count of records trimmed so far).
    pub fn first_index(&self) -> u64 {
        self.chunks.front().map_or(self.next_index, |c| c.first + c.head as u64)
    }

    /// Count of records ever stored in this shard (the position the next one will take).
    pub fn end_index(&self) -> u64 {
        self.next_index
    }

    /// Number of retained records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing is retained.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends a record (its `seq_ix` must exceed every stored one).
    #[inline]
    pub fn push(&mut self, seq_ix: u64, arrival: SimTime, kms: bool, payload: NewPayload) {
        if self.chunks.back().is_none_or(Chunk::full) {
            if let Some(done) = self.chunks.back_mut() {
                done.pack();
                self.sealed_bytes += done.heap_bytes();
            }
            // The arena is sized for a chunk of records like this one, so that a steady
            // producer's chunk never reallocates (and copies) its arena while it fills.
            let arena = Vec::with_capacity(payload.arena_bytes().saturating_mul(CHUNK_RECORDS).min(CHUNK_ARENA_BYTES));
            self.chunks.push_back(Chunk {
                first: self.next_index,
                head: 0,
                body: Body::Open { entries: Vec::with_capacity(CHUNK_RECORDS), arena },
            });
        }
        let Some(Body::Open { entries, arena }) = self.chunks.back_mut().map(|c| &mut c.body) else {
            return;
        };
        let offset = arena.len() as u32;
        let mut flags = if kms { KMS } else { 0 };
        let (data_len, key_len, source) = match payload {
            NewPayload::Inline { partition_key, data, explicit_hash_key } => {
                if let Some(h) = explicit_hash_key {
                    flags |= EXPLICIT;
                    arena.extend_from_slice(&h.to_le_bytes());
                }
                arena.extend_from_slice(partition_key.as_bytes());
                arena.extend_from_slice(&data);
                (data.len() as u32, partition_key.len() as u16, 0)
            }
            NewPayload::ByReference { reference, data_len, key_len, explicit } => {
                flags |= BY_REFERENCE;
                if explicit {
                    flags |= EXPLICIT;
                }
                arena.extend_from_slice(&reference.n.to_le_bytes());
                arena.extend_from_slice(&reference.event_time.millis().to_le_bytes());
                (data_len, key_len, reference.source)
            }
        };
        entries.push(Entry { seq_ix, arrival: arrival.millis(), offset, data_len, key_len, source, flags });
        self.len += 1;
        self.next_index += 1;
    }

    /// Locates retained record `i` (0 = oldest) as (chunk, index in the chunk).
    fn locate(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.len {
            return None;
        }
        let front = self.chunks.front()?;
        let global = front.first + (front.head + i) as u64;
        let c = self.chunks.partition_point(|c| c.first <= global).checked_sub(1)?;
        let chunk = self.chunks.get(c)?;
        Some((c, (global - chunk.first) as usize))
    }

    /// Retained record `i` (0 = oldest).
    pub fn get(&self, i: usize) -> Option<StoredRecord<'_>> {
        let (c, e) = self.locate(i)?;
        self.chunks.get(c)?.record(e)
    }

    /// The oldest retained record.
    pub fn front(&self) -> Option<StoredRecord<'_>> {
        self.get(0)
    }

    /// The newest retained record.
    pub fn back(&self) -> Option<StoredRecord<'_>> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// Records from index `i` (0 = oldest) on, oldest first.
    pub fn iter_from(&self, i: usize) -> impl Iterator<Item = StoredRecord<'_>> + '_ {
        let start = self.locate(i);
        let (c0, e0) = start.unwrap_or((self.chunks.len(), 0));
        self.chunks.iter().skip(c0).enumerate().flat_map(move |(k, chunk)| {
            let from = if k == 0 { e0 } else { chunk.head };
            chunk.records_from(from)
        })
    }

    /// All retained records, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = StoredRecord<'_>> + '_ {
        self.iter_from(0)
    }

    /// Index of the first record for which `pred(seqIx, arrival ms)` is false, given that
    /// `pred` holds for a prefix (binary search over chunks, then a search inside one).
    fn partition_point(&self, pred: impl Fn(u64, u64) -> bool) -> usize {
        let c = self.chunks.partition_point(|ch| ch.first_live(&pred));
        // Every record of chunks before `c - 1` satisfies `pred`; search inside chunk `c - 1`.
        let Some(ci) = c.checked_sub(1) else {
            return 0;
        };
        let Some(chunk) = self.chunks.get(ci) else {
            return 0;
        };
        let inside = chunk.live_prefix(&pred);
        // Chunks hold consecutive global indexes, so the live records before chunk `ci` are the
        // distance from the oldest live record to the chunk's first live one.
        let oldest = self.chunks.front().map_or(0, |f| f.first + f.head as u64);
        (chunk.first + chunk.head as u64 - oldest) as usize + inside
    }

    /// Index of the first record whose `seqIx` is at least `min_seq_ix`.
    pub fn position_of_seq_ix(&self, min_seq_ix: u64) -> usize {
        self.partition_point(|seq, _| seq < min_seq_ix)
    }

    /// Index of the first record that arrived at or after `at`.
    pub fn position_of_arrival(&self, at: SimTime) -> usize {
        self.partition_point(|_, arrival| arrival < at.millis())
    }

    /// Removes records that arrived before `cutoff`; returns how many.
    pub fn trim_before(&mut self, cutoff: SimTime) -> u64 {
        let mut removed = 0u64;
        let cutoff = cutoff.millis();
        while let Some(chunk) = self.chunks.front_mut() {
            let live = chunk.total() - chunk.head;
            let expired = match &chunk.body {
                // A packed chunk entirely older than the cutoff goes without decoding.
                Body::Packed(p) if p.last_arrival() < cutoff => live,
                _ => chunk.live_prefix(&|_, arrival| arrival < cutoff),
            };
            chunk.head += expired;
            removed += expired as u64;
            self.len -= expired;
            let drained = chunk.head >= chunk.total();
            if drained && (chunk.full() || self.chunks.len() > 1) {
                if let Some(gone) = self.chunks.pop_front() {
                    // It was not the newest chunk when one remains after it.
                    if !self.chunks.is_empty() {
                        self.sealed_bytes -= gone.heap_bytes();
                    }
                }
                continue;
            }
            break;
        }
        if self.len == 0 {
            // Keep no empty chunk around (the next push starts a fresh one).
            self.chunks = VecDeque::new();
            self.sealed_bytes = 0;
        }
        removed
    }

    /// Drops every record.
    pub fn clear(&mut self) {
        self.chunks = VecDeque::new();
        self.len = 0;
        self.sealed_bytes = 0;
    }

    /// Heap bytes held (entries, arenas and packed chunks, by capacity), for memory accounting.
    /// Constant time: the chunks before the newest are counted as they are sealed and trimmed.
    pub fn heap_bytes(&self) -> usize {
        self.sealed_bytes
            + self.chunks.back().map_or(0, Chunk::heap_bytes)
            + self.chunks.capacity() * std::mem::size_of::<Chunk>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(key: &str, data: &[u8]) -> NewPayload {
        NewPayload::Inline { partition_key: key.into(), data: data.to_vec(), explicit_hash_key: None }
    }

    #[test]
    fn push_read_and_trim_across_chunks() {
        let mut s = RecordStore::default();
        let n = CHUNK_RECORDS * 3 + 10;
        for i in 0..n {
            s.push(i as u64 * 2, SimTime(i as u64), false, inline(&format!("k{i}"), &[i as u8; 3]));
        }
        assert_eq!(s.len(), n);
        assert_eq!(s.get(1500).map(|r| r.seq_ix), Some(3000));
        assert_eq!(s.position_of_seq_ix(3001), 1501);
        assert_eq!(s.position_of_arrival(SimTime(2000)), 2000);
        assert_eq!(s.iter_from(n - 2).count(), 2);
        assert_eq!(s.trim_before(SimTime(1500)), 1500);
        assert_eq!(s.len(), n - 1500);
        assert_eq!(s.front().map(|r| r.seq_ix), Some(3000));
        assert_eq!(s.position_of_seq_ix(0), 0);
        assert_eq!(s.position_of_seq_ix(3001), 1);
        assert_eq!(s.iter().count(), n - 1500);
        assert_eq!(s.back().map(|r| r.seq_ix), Some((n as u64 - 1) * 2));
        let r = s.get(0).map(|r| match r.payload {
            StoredPayload::Inline { partition_key, data, .. } => (partition_key.to_vec(), data.to_vec()),
            StoredPayload::ByReference(_) => (vec![], vec![]),
        });
        assert_eq!(r, Some((b"k1500".to_vec(), vec![(1500 % 256) as u8; 3])));
        assert_eq!(s.trim_before(SimTime(u64::MAX)), (n - 1500) as u64);
        assert!(s.is_empty() && s.heap_bytes() == 0);
    }

    #[test]
    fn explicit_hash_keys_and_references_round_trip() {
        let mut s = RecordStore::default();
        s.push(
            1,
            SimTime(5),
            true,
            NewPayload::Inline {
                partition_key: "a".into(),
                data: b"xyz".to_vec(),
                explicit_hash_key: Some(u128::MAX - 3),
            },
        );
        let reference = RecordRef { source: 3, n: 99, event_time: SimTime(4) };
        s.push(2, SimTime(6), false, NewPayload::ByReference { reference, data_len: 500, key_len: 6, explicit: false });
        let a = s.get(0);
        assert!(
            matches!(a.map(|r| r.payload), Some(StoredPayload::Inline { explicit_hash_key: Some(h), .. }) if h == u128::MAX - 3)
        );
        assert_eq!(a.map(|r| (r.kms, r.explicit_hash_key, r.size())), Some((true, true, 4)));
        let b = s.get(1);
        assert_eq!(b.map(|r| r.payload), Some(StoredPayload::ByReference(reference)));
        assert_eq!(b.map(|r| r.size()), Some(506));
    }

    /// Record `i` of a producer writing to one of two shards: every other `n`, 0 to 2 ms
    /// apart, keys of 6 to 8 bytes; with `retries`, every 97th record is a retry from the past.
    fn steady(i: u64, retries: bool) -> (u64, SimTime, RecordRef, u32, u16) {
        let retry = retries && i % 97 == 0;
        let n = if retry { i } else { i * 2 };
        let at = SimTime(i * 3 / 4);
        let reference = RecordRef { source: 2, n, event_time: SimTime(at.0 - u64::from(retry) * 40) };
        (i * 2 + u64::from(retry), at, reference, 120, 6 + (n % 3) as u16)
    }

    fn fill(n: usize, retries: bool) -> RecordStore {
        let mut s = RecordStore::default();
        for i in 0..n as u64 {
            let (seq, at, reference, data_len, key_len) = steady(i + 100, retries);
            s.push(seq, at, false, NewPayload::ByReference { reference, data_len, key_len, explicit: false });
        }
        s
    }

    fn read(r: StoredRecord<'_>) -> Option<(u64, SimTime, RecordRef, u32, u16)> {
        match r.payload {
            StoredPayload::ByReference(x) => Some((r.seq_ix, r.arrival, x, r.data_len, r.key_len)),
            StoredPayload::Inline { .. } => None,
        }
    }

    #[test]
    fn a_steady_producer_s_records_pack_to_under_two_bytes() {
        let n = CHUNK_RECORDS * 256;
        let s = fill(n, false);
        let per = s.heap_bytes() as f64 / n as f64;
        assert!(per < 2.0, "{per:.2} bytes per record");
        assert!(s.iter().map(read).eq((0..n as u64).map(|i| Some(steady(i + 100, false)))));
    }

    #[test]
    fn packed_records_read_seek_and_trim_exactly() {
        let n = CHUNK_RECORDS * 40 + 17;
        let s0 = fill(n, true);
        let per = s0.heap_bytes() as f64 / n as f64;
        assert!(per < 5.0, "{per:.2} bytes per record");
        let expected = |i: usize| Some(steady(i as u64 + 100, true));
        assert!(s0.iter().map(read).eq((0..n).map(expected)));
        for i in [0usize, 1, 1023, 1024, 5000, n - 1] {
            assert_eq!(s0.get(i).and_then(read), expected(i), "record {i}");
            assert_eq!(s0.iter_from(i).next().and_then(read), expected(i), "record {i}");
            let (seq, at, ..) = steady(i as u64 + 100, true);
            assert_eq!(s0.position_of_seq_ix(seq), i);
            let first_at = (0..n).find(|j| steady(*j as u64 + 100, true).1 >= at).unwrap_or(n);
            assert_eq!(s0.position_of_arrival(at), first_at);
        }
        let mut s = s0.clone();
        let cutoff = steady(30_000, true).1;
        let first = s.position_of_arrival(cutoff);
        assert_eq!(s.trim_before(cutoff), first as u64);
        assert_eq!(s.front().and_then(read), expected(first));
        assert_eq!(s.len(), n - first);
        assert_eq!(s.get(1).and_then(read), expected(first + 1));
        assert_eq!(s.trim_before(SimTime(u64::MAX)), (n - first) as u64);
        assert!(s.is_empty());
    }

    /// What `heap_bytes` counts, walking every chunk.
    fn heap_bytes_recounted(s: &RecordStore) -> usize {
        s.chunks.iter().map(Chunk::heap_bytes).sum::<usize>() + s.chunks.capacity() * std::mem::size_of::<Chunk>()
    }

    /// `heap_bytes` keeps a running count of the sealed chunks (the app's memory guard asks in
    /// every frame); it must equal a walk over all of them through packing, chunks of inline
    /// records that stay open, trims that drop some chunks or all, and `clear`.
    #[test]
    fn the_running_heap_count_equals_a_walk_over_every_chunk() {
        let mut s = RecordStore::default();
        let check = |s: &RecordStore, when: &str| assert_eq!(s.heap_bytes(), heap_bytes_recounted(s), "{when}");
        let mut i = 0u64;
        let mut push = |s: &mut RecordStore, n: usize, inline_every: u64| {
            for _ in 0..n {
                i += 1;
                let (seq, at, reference, data_len, key_len) = steady(i + 100, true);
                let payload = if inline_every > 0 && i % inline_every == 0 {
                    NewPayload::Inline { partition_key: "k".into(), data: vec![7; 40], explicit_hash_key: None }
                } else {
                    NewPayload::ByReference { reference, data_len, key_len, explicit: false }
                };
                s.push(seq, at, false, payload);
            }
        };
        check(&s, "empty");
        push(&mut s, CHUNK_RECORDS * 5 + 3, 0);
        check(&s, "packed chunks and an open one");
        push(&mut s, CHUNK_RECORDS * 3, 500);
        check(&s, "chunks with inline records stay open");
        assert!(s.chunks.iter().filter(|c| matches!(c.body, Body::Open { .. })).count() > 1);
        for cutoff in [SimTime(1_000), steady(CHUNK_RECORDS as u64 * 6, true).1, SimTime(u64::MAX)] {
            s.trim_before(cutoff);
            check(&s, &format!("trimmed before {cutoff:?}"));
        }
        assert!(s.is_empty());
        push(&mut s, CHUNK_RECORDS * 2 + 1, 0);
        check(&s, "refilled");
        s.clear();
        check(&s, "cleared");
        push(&mut s, 10, 0);
        check(&s, "after clear");
    }
}
