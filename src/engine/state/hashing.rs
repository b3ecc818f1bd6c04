//! Partition-key hashing onto the 128-bit hash-key space.
//!
//! AWS facts reproduced (KINESIS.md B1, B2):
//! - The hash space is `[0, 2^128 − 1]`.
//! - A partition key maps to `MD5(UTF-8 bytes)` read as an unsigned big-endian 128-bit integer
//!   (PutRecord API reference: "An MD5 hash function is used to map partition keys to 128-bit
//!   integer values").
//! - A record goes to the **open** shard whose range contains its hash key ([`route`]).
//! - `CreateStream` and `UpdateShardCount` give shard `i` of `N` the range
//!   `[i·h, (i+1)·h − 1]` with `h = floor(2^128 / N)`, and the last shard ends at `2^128 − 1`
//!   (kinesalite `createStream.js`, AWS-validated; real AWS output for N = 3 and N = 8).

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};

/// The largest hash key, `2^128 − 1`.
pub const MAX_HASH_KEY: u128 = u128::MAX;

/// An inclusive range of hash keys owned by one shard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct HashKeyRange {
    /// First hash key of the range (inclusive).
    pub starting_hash_key: u128,
    /// Last hash key of the range (inclusive).
    pub ending_hash_key: u128,
}

impl HashKeyRange {
    /// The whole hash space `[0, 2^128 − 1]`.
    pub const ALL: HashKeyRange = HashKeyRange { starting_hash_key: 0, ending_hash_key: MAX_HASH_KEY };

    /// True when `key` lies inside the range.
    pub fn contains(&self, key: u128) -> bool {
        self.starting_hash_key <= key && key <= self.ending_hash_key
    }

    /// The midpoint used to halve the range (the start of its upper half).
    pub fn midpoint(&self) -> u128 {
        self.starting_hash_key + (self.ending_hash_key - self.starting_hash_key) / 2 + 1
    }
}

/// The hash key of a partition key: MD5 of its UTF-8 bytes as a big-endian `u128`.
pub fn partition_key_hash(partition_key: &str) -> u128 {
    let digest = Md5::digest(partition_key.as_bytes());
    u128::from_be_bytes(digest.into())
}

/// The MD5 digest of a partition key, for display (the steps of the hashing view).
pub fn md5_digest(partition_key: &str) -> [u8; 16] {
    Md5::digest(partition_key.as_bytes()).into()
}

/// The routing rule: the position, in `open_ranges`, of the range that owns `hash_key`.
///
/// `open_ranges` are the open shards' ranges sorted by starting hash key (as
/// `Stream::open_hash_key_ranges` gives them). AWS sends a record to the open shard whose range
/// contains its hash key; open shards tile `[0, 2^128 − 1]`, so that is the last range starting at
/// or below the key. `None` only when no range contains it (no shards, or ranges with a gap).
pub fn route(open_ranges: &[HashKeyRange], hash_key: u128) -> Option<usize> {
    let i = open_ranges.partition_point(|r| r.starting_hash_key <= hash_key).checked_sub(1)?;
    open_ranges.get(i).filter(|r| r.contains(hash_key)).map(|_| i)
}

/// `floor(2^128 / n)` for `n ≥ 2` (2^128 itself does not fit in a `u128`).
fn width_for(n: u128) -> u128 {
    // 2^128 = MAX + 1 = q·n + r + 1, so floor(2^128 / n) = q + 1 exactly when r + 1 == n.
    let q = MAX_HASH_KEY / n;
    let r = MAX_HASH_KEY % n;
    if r + 1 == n {
        q + 1
    } else {
        q
    }
}

/// The `n` uniform ranges AWS assigns at `CreateStream` / `UpdateShardCount` (`n ≥ 1`).
pub fn uniform_ranges(n: u32) -> Vec<HashKeyRange> {
    let n = n.max(1);
    if n == 1 {
        return vec![HashKeyRange::ALL];
    }
    let h = width_for(u128::from(n));
    (0..n)
        .map(|i| {
            let i = u128::from(i);
            let start = h * i;
            let end = if i + 1 < u128::from(n) { h * (i + 1) - 1 } else { MAX_HASH_KEY };
            HashKeyRange { starting_hash_key: start, ending_hash_key: end }
        })
        .collect()
}

/// Result of reading a decimal hash key (ExplicitHashKey, NewStartingHashKey).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashKeyParse {
    /// A value in `[0, 2^128 − 1]`.
    InRange(u128),
    /// Well-formed digits whose value is `≥ 2^128`.
    OutOfRange,
    /// Not a decimal integer.
    Malformed,
}

/// Reads a decimal hash key. The API patterns (`0|([1-9]\d{0,38})`) are checked by validation;
/// this only turns digits into a number and tells an overflow apart.
pub fn parse_hash_key(text: &str) -> HashKeyParse {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return HashKeyParse::Malformed;
    }
    match text.parse::<u128>() {
        Ok(v) => HashKeyParse::InRange(v),
        Err(_) => HashKeyParse::OutOfRange,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_picks_the_range_holding_the_key() {
        let four = uniform_ranges(4);
        let q = four[1].starting_hash_key;
        assert_eq!(route(&four, 0), Some(0));
        assert_eq!(route(&four, q - 1), Some(0));
        assert_eq!(route(&four, q), Some(1));
        assert_eq!(route(&four, MAX_HASH_KEY), Some(3));
        assert_eq!(route(&four, partition_key_hash("user-7")), Some((partition_key_hash("user-7") / q) as usize));
        assert_eq!(route(&[], 5), None);
        let gap = [
            HashKeyRange { starting_hash_key: 0, ending_hash_key: 9 },
            HashKeyRange { starting_hash_key: 20, ending_hash_key: MAX_HASH_KEY },
        ];
        assert_eq!((route(&gap, 9), route(&gap, 10), route(&gap, 20)), (Some(0), None, Some(1)));
    }
}
