//! The client readers of the live window (`live.rs`): which shard each iterator a real client
//! got from `GetShardIterator` reads, and how far its `GetRecords` calls have read each shard.
//! Plain data, kept by the world beside the engine; it reads nothing of the engine itself.

use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamKey;
use std::collections::{BTreeMap, VecDeque};

/// How many iterators (with their shard) a live world remembers for its client readers.
pub const ITERATORS_KEPT: usize = 256;

/// Where the client's `GetRecords` calls have read a shard to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientReader {
    /// The shard the iterator was issued for.
    pub shard: ShardId,
    /// Store position of the next record after the last one read (a consumer's `read_pos`).
    pub next_position: u64,
    /// SequenceNumber of the last record read.
    pub last_sequence_number: String,
    /// `GetRecords` calls through this shard's iterators so far.
    pub calls: u64,
}

/// The client traffic a live world tracks beside the engine.
#[derive(Clone, Debug, Default)]
pub struct ClientTraffic {
    /// Recent iterators and the `(stream name, shard)` they read, oldest first.
    iterators: VecDeque<(String, String, ShardId)>,
    /// Each shard's client reader, by stream key (one per CreateStream).
    readers: BTreeMap<(StreamKey, ShardId), ClientReader>,
}

impl ClientTraffic {
    /// The reader of a shard (a stream's key and the shard), created at the shard's start.
    pub fn reader_mut(&mut self, key: (StreamKey, ShardId)) -> &mut ClientReader {
        self.readers.entry(key).or_insert_with(|| ClientReader {
            shard: key.1,
            next_position: 0,
            last_sequence_number: String::new(),
            calls: 0,
        })
    }

    /// The readers of the stream with `key` that have read a record, by shard.
    pub fn readers_of(&self, key: StreamKey) -> Vec<&ClientReader> {
        self.readers
            .range((key, ShardId(0))..)
            .take_while(|((k, _), _)| *k == key)
            .map(|(_, r)| r)
            .filter(|r| !r.last_sequence_number.is_empty())
            .collect()
    }

    /// Remembers that `iterator` reads `shard` of `stream` (the oldest goes past
    /// [`ITERATORS_KEPT`]).
    pub fn remember(&mut self, iterator: &str, stream: &str, shard: ShardId) {
        if self.iterators.iter().any(|(it, _, _)| it == iterator) {
            return;
        }
        if self.iterators.len() >= ITERATORS_KEPT {
            self.iterators.pop_front();
        }
        self.iterators.push_back((iterator.to_string(), stream.to_string(), shard));
    }

    /// The `(stream, shard)` an iterator reads, if it is one of those remembered.
    pub fn lookup(&self, iterator: &str) -> Option<(String, ShardId)> {
        self.iterators.iter().find(|(it, _, _)| it == iterator).map(|(_, s, sh)| (s.clone(), *sh))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iterators_kept_are_bounded_and_found() {
        let mut c = ClientTraffic::default();
        for i in 0..(ITERATORS_KEPT + 10) {
            c.remember(&format!("it{i}"), "s", ShardId(1));
        }
        assert_eq!(c.iterators.len(), ITERATORS_KEPT);
        assert_eq!(c.lookup("it0"), None, "the oldest left");
        assert_eq!(c.lookup(&format!("it{}", ITERATORS_KEPT + 9)), Some(("s".into(), ShardId(1))));
    }
}
