//! API calls a person makes on the world (the console, a view's button), and the records they
//! put: [`World::call`] runs the call as the endpoint would, digests it, and remembers each
//! record a `PutRecord` or `PutRecords` answer names as `(shard, position)` in its stream, so
//! the views can mark the student's own records among the producers'.
//!
//! A record is found by the answer's SequenceNumber: its `seqIx` gives the position in the
//! shard's store (the record was just appended), and the stored record's own sequence number
//! must read the same. Positions are kept per stream key (one per CreateStream), in ordered
//! sets, so they are deterministic and a stream created again under the same name starts with
//! none. Positions of expired records stay (a few per person); the views look up the positions
//! they draw.

use super::World;
use crate::engine::error::ApiError;
use crate::engine::state::sequence::{parse_sequence, ParsedSequence};
use crate::engine::state::shard::ShardId;
use std::collections::BTreeSet;

/// No records of yours (what [`World::yours`] answers for a stream without any).
static NONE_YOURS: BTreeSet<(ShardId, u64)> = BTreeSet::new();

impl World {
    /// Calls a Kinesis API operation now for a person (the console, a view's button), as an
    /// HTTP request to the endpoint would: AWS's JSON answer or error. The digest covers the
    /// call and its outcome, so a replay of the same calls at the same times gives the same
    /// digest; records it puts are remembered as [`World::yours`].
    pub fn call(&mut self, operation: &str, request: &serde_json::Value) -> Result<serde_json::Value, ApiError> {
        let now = self.engine.now();
        let result = self.engine.call(operation, request);
        let name_hash = operation.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        self.digest.words(&[10, now.millis(), name_hash, u64::from(result.is_err())]);
        if let (Ok(answer), Some(stream)) = (&result, request.get("StreamName").and_then(|v| v.as_str())) {
            let put: Vec<&serde_json::Value> = match operation {
                "PutRecord" => vec![answer],
                "PutRecords" => {
                    answer.get("Records").and_then(|r| r.as_array()).map(|a| a.iter().collect()).unwrap_or_default()
                }
                _ => Vec::new(),
            };
            for r in put {
                let shard = r.get("ShardId").and_then(|v| v.as_str());
                let seq = r.get("SequenceNumber").and_then(|v| v.as_str());
                if let (Some(shard), Some(seq)) = (shard, seq) {
                    self.remember_yours(stream, shard, seq);
                }
            }
        }
        result
    }

    /// Finds the record an answer names (it was just appended to its shard) and remembers its
    /// position: the answer's SequenceNumber gives its `seqIx`, the shard's store the position,
    /// and the stored record's own sequence number must read the same.
    pub(super) fn remember_yours(&mut self, stream: &str, shard: &str, sequence_number: &str) {
        let Some(s) = self.engine.stream(stream) else { return };
        let Some(sh) = ShardId::resolve(shard).and_then(|id| s.shard(id)) else { return };
        let Ok(ParsedSequence::V2 { seq, .. }) = parse_sequence(sequence_number) else { return };
        let index = sh.records.position_of_seq_ix(seq.seq_ix);
        let Some(r) = sh.records.get(index) else { return };
        if sh.sequence_number_of(&r).to_string() != sequence_number {
            return;
        }
        let position = sh.records.first_index() + index as u64;
        self.yours.entry(s.key).or_default().insert((sh.id, position));
    }

    /// The records a person put with [`World::call`] (the console, a view) in the stream named
    /// `stream` now, as `(shard, position)`: the views mark them as the student's own. Expired
    /// ones stay listed; a view looks up the positions it draws.
    pub fn yours(&self, stream: &str) -> &BTreeSet<(ShardId, u64)> {
        self.engine.stream(stream).and_then(|s| self.yours.get(&s.key)).unwrap_or(&NONE_YOURS)
    }

    /// Whether record `position` of `shard` in `stream` was put by a person ([`World::yours`]).
    pub fn is_yours(&self, stream: &str, shard: ShardId, position: u64) -> bool {
        self.yours(stream).contains(&(shard, position))
    }
}
