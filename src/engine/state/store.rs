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
//!   when read, so it costs 48 bytes whatever its size.
//!
//! The sequence number is not stored: its shard fields come from the shard, and its `seqTime` is
//! the arrival time, or the shard's creation time when that is later (a child shard's first
//! records, see `ops/put_records.rs`).

use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::record_source::{RecordRef, RecordSources, RenderedRecord, SourceId};
use crate::engine::time::SimTime;
use std::collections::VecDeque;

/// Entries per chunk.
pub const CHUNK_RECORDS: usize = 1024;
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

#[derive(Clone, Debug, Default)]
struct Chunk {
    /// Global index of `entries[0]`.
    first: u64,
    /// Entries before `head` are trimmed.
    head: usize,
    entries: Vec<Entry>,
    arena: Vec<u8>,
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
    /// Global index of the next record pushed.
    next_index: u64,
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
    pub fn push(&mut self, seq_ix: u64, arrival: SimTime, kms: bool, payload: NewPayload) {
        let needs_chunk =
            self.chunks.back().is_none_or(|c| c.entries.len() >= CHUNK_RECORDS || c.arena.len() >= CHUNK_ARENA_BYTES);
        if needs_chunk {
            self.chunks.push_back(Chunk {
                first: self.next_index,
                head: 0,
                entries: Vec::with_capacity(CHUNK_RECORDS),
                arena: Vec::new(),
            });
        }
        let Some(chunk) = self.chunks.back_mut() else {
            return;
        };
        let offset = chunk.arena.len() as u32;
        let mut flags = if kms { KMS } else { 0 };
        let (data_len, key_len, source) = match payload {
            NewPayload::Inline { partition_key, data, explicit_hash_key } => {
                if let Some(h) = explicit_hash_key {
                    flags |= EXPLICIT;
                    chunk.arena.extend_from_slice(&h.to_le_bytes());
                }
                chunk.arena.extend_from_slice(partition_key.as_bytes());
                chunk.arena.extend_from_slice(&data);
                (data.len() as u32, partition_key.len() as u16, 0)
            }
            NewPayload::ByReference { reference, data_len, key_len, explicit } => {
                flags |= BY_REFERENCE;
                if explicit {
                    flags |= EXPLICIT;
                }
                chunk.arena.extend_from_slice(&reference.n.to_le_bytes());
                chunk.arena.extend_from_slice(&reference.event_time.millis().to_le_bytes());
                (data_len, key_len, reference.source)
            }
        };
        chunk.entries.push(Entry { seq_ix, arrival: arrival.millis(), offset, data_len, key_len, source, flags });
        self.len += 1;
        self.next_index += 1;
    }

    fn view<'a>(chunk: &'a Chunk, e: &Entry) -> StoredRecord<'a> {
        let at = e.offset as usize;
        let payload = if e.flags & BY_REFERENCE != 0 {
            let word = |i: usize| {
                let mut b = [0u8; 8];
                if let Some(s) = chunk.arena.get(at + i..at + i + 8) {
                    b.copy_from_slice(s);
                }
                u64::from_le_bytes(b)
            };
            StoredPayload::ByReference(RecordRef { source: e.source, n: word(0), event_time: SimTime(word(8)) })
        } else {
            let (explicit_hash_key, start) = if e.flags & EXPLICIT != 0 {
                let mut b = [0u8; 16];
                if let Some(s) = chunk.arena.get(at..at + 16) {
                    b.copy_from_slice(s);
                }
                (Some(u128::from_le_bytes(b)), at + 16)
            } else {
                (None, at)
            };
            let key_end = start + usize::from(e.key_len);
            let data_end = key_end + e.data_len as usize;
            StoredPayload::Inline {
                partition_key: chunk.arena.get(start..key_end).unwrap_or_default(),
                data: chunk.arena.get(key_end..data_end).unwrap_or_default(),
                explicit_hash_key,
            }
        };
        StoredRecord {
            seq_ix: e.seq_ix,
            arrival: SimTime(e.arrival),
            data_len: e.data_len,
            key_len: e.key_len,
            kms: e.flags & KMS != 0,
            explicit_hash_key: e.flags & EXPLICIT != 0,
            payload,
        }
    }

    /// Locates retained record `i` (0 = oldest) as (chunk, entry index).
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
        let chunk = self.chunks.get(c)?;
        chunk.entries.get(e).map(|e| Self::view(chunk, e))
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
            chunk.entries.iter().skip(from).map(move |e| Self::view(chunk, e))
        })
    }

    /// All retained records, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = StoredRecord<'_>> + '_ {
        self.iter_from(0)
    }

    /// Index of the first record for which `pred` is false, given that `pred` holds for a
    /// prefix (binary search over chunks, then inside one).
    fn partition_point(&self, pred: impl Fn(&Entry) -> bool) -> usize {
        let c = self.chunks.partition_point(|ch| ch.entries.get(ch.head).is_some_and(&pred));
        // Every record of chunks before `c - 1` satisfies `pred`; search inside chunk `c - 1`.
        let Some(ci) = c.checked_sub(1) else {
            return 0;
        };
        let Some(chunk) = self.chunks.get(ci) else {
            return 0;
        };
        let inside = chunk.entries[chunk.head..].partition_point(&pred);
        // Chunks hold consecutive global indexes, so the live records before chunk `ci` are the
        // distance from the oldest live record to the chunk's first live one.
        let oldest = self.chunks.front().map_or(0, |f| f.first + f.head as u64);
        (chunk.first + chunk.head as u64 - oldest) as usize + inside
    }

    /// Index of the first record whose `seqIx` is at least `min_seq_ix`.
    pub fn position_of_seq_ix(&self, min_seq_ix: u64) -> usize {
        self.partition_point(|e| e.seq_ix < min_seq_ix)
    }

    /// Index of the first record that arrived at or after `at`.
    pub fn position_of_arrival(&self, at: SimTime) -> usize {
        self.partition_point(|e| e.arrival < at.millis())
    }

    /// Removes records that arrived before `cutoff`; returns how many.
    pub fn trim_before(&mut self, cutoff: SimTime) -> u64 {
        let mut removed = 0u64;
        while let Some(chunk) = self.chunks.front_mut() {
            let live = &chunk.entries[chunk.head..];
            let expired = live.partition_point(|e| e.arrival < cutoff.millis());
            chunk.head += expired;
            removed += expired as u64;
            self.len -= expired;
            let drained = chunk.head >= chunk.entries.len();
            let full = chunk.entries.len() >= CHUNK_RECORDS || chunk.arena.len() >= CHUNK_ARENA_BYTES;
            if drained && (full || self.chunks.len() > 1) {
                self.chunks.pop_front();
                continue;
            }
            break;
        }
        if self.len == 0 {
            // Keep no empty chunk around (the next push starts a fresh one).
            self.chunks = VecDeque::new();
        }
        removed
    }

    /// Drops every record.
    pub fn clear(&mut self) {
        self.chunks = VecDeque::new();
        self.len = 0;
    }

    /// Heap bytes held (entries and arenas, by capacity), for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.chunks
            .iter()
            .map(|c| c.entries.capacity() * std::mem::size_of::<Entry>() + c.arena.capacity())
            .sum::<usize>()
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

    #[test]
    fn a_record_written_by_reference_costs_48_bytes() {
        let mut s = RecordStore::default();
        let n = CHUNK_RECORDS * 16;
        for i in 0..n as u64 {
            let reference = RecordRef { source: 0, n: i, event_time: SimTime(i) };
            let payload = NewPayload::ByReference { reference, data_len: 1000, key_len: 8, explicit: false };
            s.push(i, SimTime(i), false, payload);
        }
        let per = s.heap_bytes() / n;
        assert!(per <= 49, "{per} bytes per record");
    }
}
