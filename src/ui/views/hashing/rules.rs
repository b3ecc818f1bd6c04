//! The hashing view's rules (pure, tested natively): the steps from a partition key to its hash
//! key, SplitShard's rule on a NewStartingHashKey, the pairs MergeShards accepts, which keys a
//! reshard moved, and which explanation an error of the reshard calls gets.

use super::snapshot::{hash_key_ranges, OpenRange};
use crate::engine::state::hashing::{md5_digest, partition_key_hash, route, HashKeyRange};
use crate::engine::state::shard::ShardId;
use crate::engine::ErrorType;
use crate::i18n::hashing::Text as HashingText;
use std::collections::BTreeSet;

/// The steps from a partition key to its hash key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeySteps {
    /// Each character with its UTF-8 bytes in hex (`ñ` → `c3 b1`).
    pub chars: Vec<(char, String)>,
    /// Number of UTF-8 bytes.
    pub byte_len: usize,
    /// MD5 of the bytes, 32 lowercase hex digits.
    pub md5_hex: String,
    /// The digest read as an unsigned big-endian 128-bit integer: the hash key.
    pub hash: u128,
}

/// The steps of `partition_key`, as the engine routes it (KINESIS.md B2).
pub fn key_steps(partition_key: &str) -> KeySteps {
    let chars = partition_key
        .chars()
        .map(|c| {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            (c, bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" "))
        })
        .collect();
    let md5_hex = md5_digest(partition_key).iter().map(|b| format!("{b:02x}")).collect();
    KeySteps { chars, byte_len: partition_key.len(), md5_hex, hash: partition_key_hash(partition_key) }
}

/// Whether a NewStartingHashKey may split a shard (SplitShard's rule, KINESIS.md B8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitCheck {
    /// `StartingHashKey + 1 < key < EndingHashKey`: the split is allowed.
    Valid(u128),
    /// Not a decimal number in `[0, 2^128 − 1]`.
    NotANumber,
    /// Outside the allowed keys `min…max` (`min > max` when the shard is too small to split).
    OutOfRule {
        /// Smallest allowed key: StartingHashKey + 2.
        min: u128,
        /// Largest allowed key: EndingHashKey − 1.
        max: u128,
    },
}

/// Checks `text` as the NewStartingHashKey of `range` (the engine gives AWS's error; this gives
/// the hint while typing).
pub fn split_check(range: &OpenRange, text: &str) -> SplitCheck {
    let (min, max) = (range.start.saturating_add(2), range.end.saturating_sub(1));
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return SplitCheck::NotANumber;
    }
    match text.parse::<u128>() {
        Ok(k) if k > range.start.saturating_add(1) && k < range.end => SplitCheck::Valid(k),
        Ok(_) => SplitCheck::OutOfRule { min, max },
        Err(_) => SplitCheck::NotANumber,
    }
}

/// The split key offered by default: the start of the shard's upper half.
pub fn default_split_key(range: &OpenRange) -> u128 {
    range.range().midpoint()
}

/// Pairs of neighbouring open shards that MergeShards accepts (`End + 1 == next Start`), as
/// indexes into `ranges`.
pub fn adjacent_pairs(ranges: &[OpenRange]) -> Vec<(usize, usize)> {
    (1..ranges.len())
        .filter(|&i| ranges[i - 1].end.checked_add(1) == Some(ranges[i].start))
        .map(|i| (i - 1, i))
        .collect()
}

/// What a reshard did to a set of recent keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    /// Distinct hash keys compared.
    pub keys: usize,
    /// Keys whose shard changed.
    pub moved: usize,
    /// Keys that changed shard although their old shard was not closed (always 0 for Kinesis).
    pub moved_outside: usize,
    /// Shards open before and closed now: the touched ranges.
    pub closed: Vec<ShardId>,
    /// Keys that would have moved had shards been chosen by `hash mod N` instead of ranges.
    pub mod_n_moved: usize,
    /// Open shards before.
    pub shards_before: usize,
    /// Open shards after.
    pub shards_after: usize,
}

/// Compares where each distinct hash key of `hashes` lands among `before`'s open ranges and
/// among `after`'s.
pub fn moved_keys(before: &[OpenRange], after: &[OpenRange], hashes: &[u128]) -> Moved {
    let keys: BTreeSet<u128> = hashes.iter().copied().collect();
    let after_ids: BTreeSet<ShardId> = after.iter().map(|r| r.id).collect();
    let closed: Vec<ShardId> = before.iter().filter(|r| !after_ids.contains(&r.id)).map(|r| r.id).collect();
    let (before_keys, after_keys) = (hash_key_ranges(before), hash_key_ranges(after));
    let id_of =
        |ranges: &[OpenRange], keys: &[HashKeyRange], h: u128| route(keys, h).and_then(|i| ranges.get(i)).map(|r| r.id);
    let (mut moved, mut moved_outside, mut mod_n_moved) = (0, 0, 0);
    let (nb, na) = (before.len() as u128, after.len() as u128);
    for &h in &keys {
        let (old, new) = (id_of(before, &before_keys, h), id_of(after, &after_keys, h));
        if old != new {
            moved += 1;
            if old.as_ref().is_none_or(|o| !closed.contains(o)) {
                moved_outside += 1;
            }
        }
        if nb > 0 && na > 0 && h % nb != h % na {
            mod_n_moved += 1;
        }
    }
    Moved {
        keys: keys.len(),
        moved,
        moved_outside,
        closed,
        mod_n_moved,
        shards_before: before.len(),
        shards_after: after.len(),
    }
}

/// The operations this view sends, whose answers it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReshardOp {
    /// `SplitShard`.
    SplitShard,
    /// `MergeShards`.
    MergeShards,
    /// `UpdateShardCount`.
    UpdateShardCount,
}

impl ReshardOp {
    /// All three.
    pub const ALL: [ReshardOp; 3] = [ReshardOp::SplitShard, ReshardOp::MergeShards, ReshardOp::UpdateShardCount];

    /// The API name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReshardOp::SplitShard => "SplitShard",
            ReshardOp::MergeShards => "MergeShards",
            ReshardOp::UpdateShardCount => "UpdateShardCount",
        }
    }

    /// The operation named `name`, if it is one of the three.
    pub fn parse(name: &str) -> Option<ReshardOp> {
        ReshardOp::ALL.into_iter().find(|op| op.as_str() == name)
    }
}

/// The one-line explanation of an AWS error a reshard call got, if the view has one. Every error
/// type is named, so a new one does not compile until it is given an explanation or none.
pub fn explanation(op: ReshardOp, error: ErrorType) -> Option<HashingText> {
    use ErrorType as E;
    use ReshardOp as O;
    match error {
        E::InvalidArgumentException => match op {
            O::SplitShard => Some(HashingText::ExplainSplitRule),
            O::MergeShards => Some(HashingText::ExplainMergeAdjacent),
            O::UpdateShardCount => None,
        },
        E::LimitExceededException => match op {
            O::UpdateShardCount => Some(HashingText::ExplainScaleLimits),
            O::SplitShard | O::MergeShards => None,
        },
        E::ResourceInUseException => Some(HashingText::ExplainInUse),
        E::ResourceNotFoundException => Some(HashingText::ExplainNotFound),
        E::ValidationException => Some(HashingText::ExplainValidation),
        E::SerializationException
        | E::ProvisionedThroughputExceededException
        | E::ExpiredIteratorException
        | E::ExpiredNextTokenException
        | E::UnknownOperationException
        | E::InternalFailure => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::snapshot::fixtures::{uniform, TABLE};
    use super::super::snapshot::owner;
    use super::*;

    #[test]
    fn key_steps_and_owners_match_the_aws_table() {
        for (key, md5, dec, of3, of4) in TABLE {
            let s = key_steps(key);
            assert_eq!((s.md5_hex.as_str(), s.hash), (md5, dec), "{key}");
            assert_eq!(owner(&uniform(3), s.hash), Some(of3), "{key} of 3");
            assert_eq!(owner(&uniform(4), s.hash), Some(of4), "{key} of 4");
            assert_eq!(s.hash, partition_key_hash(key));
        }
        let hello = key_steps("hello");
        let bytes: Vec<&str> = hello.chars.iter().map(|(_, b)| b.as_str()).collect();
        assert_eq!(bytes, ["68", "65", "6c", "6c", "6f"]);
        let n = key_steps("ñ€");
        assert_eq!(n.chars, vec![('ñ', "c3 b1".into()), ('€', "e2 82 ac".into())]);
        assert_eq!(n.byte_len, 5);
    }

    #[test]
    fn a_split_moves_only_the_keys_of_the_split_shard() {
        let before = uniform(3);
        // SplitShard(shardId-1) at its midpoint: children 3 and 4 replace it, in hash order.
        let mid = default_split_key(&before[1]);
        assert_eq!(split_check(&before[1], &mid.to_string()), SplitCheck::Valid(mid));
        let after = vec![
            before[0].clone(),
            OpenRange { id: ShardId(3), start: before[1].start, end: mid - 1 },
            OpenRange { id: ShardId(4), start: mid, end: before[1].end },
            before[2].clone(),
        ];
        let hashes: Vec<u128> = TABLE.iter().map(|t| t.2).chain([TABLE[8].2, TABLE[0].2]).collect();
        let m = moved_keys(&before, &after, &hashes);
        // b, d, f and hello were in shard 1; a, c, e, 0 and 1 kept their shards. Duplicates count once.
        assert_eq!(
            m,
            Moved {
                keys: 9,
                moved: 4,
                moved_outside: 0,
                closed: vec![ShardId(1)],
                mod_n_moved: m.mod_n_moved,
                shards_before: 3,
                shards_after: 4,
            }
        );
        assert!(m.mod_n_moved > m.moved, "hash mod N would move most keys: {}", m.mod_n_moved);
        // Nothing changed: nothing moved.
        let same = moved_keys(&before, &before, &hashes);
        assert_eq!((same.moved, same.mod_n_moved, same.closed.len()), (0, 0, 0));
        // A merge of 0 and 1 into 3: the keys of both parents move, shard 2's stay.
        let merged = vec![OpenRange { id: ShardId(3), start: 0, end: before[1].end }, before[2].clone()];
        let m = moved_keys(&before, &merged, &hashes);
        assert_eq!((m.moved, m.moved_outside, m.closed.len()), (6, 0, 2));
    }

    #[test]
    fn the_split_rule_and_merge_pairs() {
        let r = OpenRange { id: ShardId(0), start: 10, end: 20 };
        assert_eq!(split_check(&r, "12"), SplitCheck::Valid(12));
        assert_eq!(split_check(&r, "19"), SplitCheck::Valid(19));
        assert_eq!(split_check(&r, "11"), SplitCheck::OutOfRule { min: 12, max: 19 });
        assert_eq!(split_check(&r, "20"), SplitCheck::OutOfRule { min: 12, max: 19 });
        for bad in ["", " 12", "-1", "1e3", "abc", "340282366920938463463374607431768211456"] {
            assert_eq!(split_check(&r, bad), SplitCheck::NotANumber, "{bad:?}");
        }
        let all = OpenRange { id: ShardId(0), start: 0, end: u128::MAX };
        assert_eq!(split_check(&all, &u128::MAX.to_string()), SplitCheck::OutOfRule { min: 2, max: u128::MAX - 1 });
        let tiny = OpenRange { id: ShardId(0), start: u128::MAX - 1, end: u128::MAX };
        assert!(matches!(split_check(&tiny, &u128::MAX.to_string()), SplitCheck::OutOfRule { .. }));
        assert_eq!(adjacent_pairs(&uniform(3)), vec![(0, 1), (1, 2)]);
        assert_eq!(adjacent_pairs(&uniform(1)), vec![]);
    }

    #[test]
    fn explanations_cover_the_errors_a_reshard_gets() {
        use ErrorType as E;
        use ReshardOp as O;
        assert_eq!(explanation(O::SplitShard, E::InvalidArgumentException), Some(HashingText::ExplainSplitRule));
        assert_eq!(explanation(O::MergeShards, E::InvalidArgumentException), Some(HashingText::ExplainMergeAdjacent));
        assert_eq!(explanation(O::UpdateShardCount, E::LimitExceededException), Some(HashingText::ExplainScaleLimits));
        assert_eq!(explanation(O::SplitShard, E::ResourceInUseException), Some(HashingText::ExplainInUse));
        assert_eq!(explanation(O::SplitShard, E::InternalFailure), None);
        assert_eq!(explanation(O::UpdateShardCount, E::InvalidArgumentException), None);
        assert_eq!(ReshardOp::ALL.map(|o| ReshardOp::parse(o.as_str())), ReshardOp::ALL.map(Some));
        assert_eq!(ReshardOp::parse("PutRecord"), None);
    }
}
