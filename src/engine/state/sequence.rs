//! Sequence numbers.
//!
//! AWS facts reproduced (KINESIS.md B3): current ("version 2") sequence numbers are 56-digit
//! decimal strings whose hexadecimal form has 47 digits laid out as
//!
//! ```text
//! hex pos  0   1..=9        10        11..=26   27..=28  29..=37      38..=45      46
//!          2   shard create shard-ix  seqIx     byte1    record time  shard index  version 2
//!              (epoch s)    low nibble (u64,≤7…) ("00")  (epoch s)    (32 bit)
//! ```
//!
//! This is the layout AWS's own sequence numbers decode to (the CLI `describe-stream` and
//! `put-records` examples), and the one kinesalite reproduces. Numeric order within one shard is
//! therefore `seqIx` first, which is why the engine keeps `seqIx` strictly increasing per shard.
//!
//! Parsing accepts what kinesalite's AWS-validated parser accepts (versions 0, 1 and 2) so that
//! foreign or legacy numbers get AWS's exact errors.
//!
//! # The range of time the layout can carry
//!
//! The `shard create` field holds 36 bits of seconds, but the parser rejects any value at or above
//! [`MAX_CREATE_SECS`] (16,025,175,000 s, 2477-10-25T13:30:00Z) as a date too large, and the
//! `record time` field wraps at 2^36 s (4147-08-20). A shard created at or after that instant would
//! hand out numbers that GetShardIterator and `SequenceNumberForOrdering` then refuse. So the
//! engine's clock ends at [`LAST_ENCODABLE_TIME`], the last millisecond before it: advancing past it
//! stops there, a configured start past it is brought back to it, and the replay runner answers
//! such a start or `at_ms` with an error instead of running (see `engine::replay`). Every number
//! the engine issues up to that instant reads back.

use crate::engine::time::{SimTime, SECOND_MS};
use ethnum::U256;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `seqIx` of a closed shard's `EndingSequenceNumber` (`0x7fffffffffffffff`).
pub const END_SEQ_IX: u64 = 0x7fff_ffff_ffff_ffff;

/// A version-2 sequence number, held as its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SequenceNumber {
    /// Creation time of the shard, in whole seconds since the Unix epoch (36 bits).
    pub shard_create_secs: u64,
    /// Per-shard-group counter (63 bits); strictly increasing within a shard.
    pub seq_ix: u64,
    /// Arrival time of the record, in whole seconds since the Unix epoch (36 bits).
    pub seq_time_secs: u64,
    /// Index of the shard (the number in `shardId-NNNNNNNNNNNN`).
    pub shard_index: u32,
}

impl SequenceNumber {
    /// The 188-bit integer this sequence number stands for.
    pub fn to_u256(self) -> U256 {
        let mask36 = (1u64 << 36) - 1;
        (U256::new(2) << 184)
            | (U256::from(self.shard_create_secs & mask36) << 148)
            | (U256::from(self.shard_index & 0xf) << 144)
            | (U256::from(self.seq_ix) << 80)
            | (U256::from(self.seq_time_secs & mask36) << 36)
            | (U256::from(self.shard_index) << 4)
            | U256::new(2)
    }
}

impl PartialOrd for SequenceNumber {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for SequenceNumber {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.to_u256().cmp(&other.to_u256())
    }
}

impl fmt::Display for SequenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.to_u256(), f)
    }
}

/// A sequence number decoded from a request, in any version kinesalite's parser knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParsedSequence {
    /// Legacy 32-hex-digit numbers (and anything below 2^124, which gets 2^124 added).
    V0 {
        /// Shard creation time, whole seconds.
        shard_create_secs: u64,
        /// Shard index (16 bits in this version).
        shard_index: i64,
    },
    /// Version 1 numbers.
    V1 {
        /// Shard creation time, whole seconds.
        shard_create_secs: u64,
        /// Record time, whole seconds.
        seq_time_secs: u64,
        /// Shard index; negative when the field's top bit is set.
        shard_index: i64,
    },
    /// Current numbers.
    V2 {
        /// The decoded fields (`shard_index` as the 32-bit field).
        seq: SequenceNumber,
        /// Shard index as kinesalite reads it: negative when the field's top bit is set.
        signed_shard_index: i64,
    },
}

impl ParsedSequence {
    /// Shard index encoded in the number.
    pub fn shard_index(&self) -> i64 {
        match *self {
            ParsedSequence::V0 { shard_index, .. } | ParsedSequence::V1 { shard_index, .. } => shard_index,
            ParsedSequence::V2 { signed_shard_index, .. } => signed_shard_index,
        }
    }

    /// Shard creation time encoded in the number, whole seconds.
    pub fn shard_create_secs(&self) -> u64 {
        match *self {
            ParsedSequence::V0 { shard_create_secs, .. } | ParsedSequence::V1 { shard_create_secs, .. } => {
                shard_create_secs
            }
            ParsedSequence::V2 { seq, .. } => seq.shard_create_secs,
        }
    }

    /// Record time encoded in the number (absent in version 0), whole seconds.
    pub fn seq_time_secs(&self) -> Option<u64> {
        match *self {
            ParsedSequence::V0 { .. } => None,
            ParsedSequence::V1 { seq_time_secs, .. } => Some(seq_time_secs),
            ParsedSequence::V2 { seq, .. } => Some(seq.seq_time_secs),
        }
    }
}

/// Why a sequence number could not be read. Callers turn this into the AWS message of their
/// operation; the variants only document the rule that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SequenceParseError {
    /// Not decimal digits, or larger than 256 bits.
    NotANumber,
    /// Outside every known version's numeric range.
    UnknownVersion,
    /// `seqIx` first nibble above 7.
    SequenceIndexTooHigh,
    /// Shard creation seconds `≥ 16025175000`.
    DateTooLarge,
}

fn hex_field(hex: &str, from: usize, to: usize) -> u64 {
    hex.get(from..to.min(hex.len())).and_then(|s| u64::from_str_radix(s, 16).ok()).unwrap_or(0)
}

fn signed32(v: u64) -> i64 {
    let v = v & 0xffff_ffff;
    if v >> 31 == 1 {
        v as i64 - (1i64 << 32)
    } else {
        v as i64
    }
}

/// The first shard-creation second that the parser refuses as a date too large (kinesalite's
/// AWS-validated rule): 16,025,175,000 s after the epoch, 2477-10-25T13:30:00Z.
pub const MAX_CREATE_SECS: u64 = 16_025_175_000;

/// The last instant whose sequence numbers the engine can issue and read back (one millisecond
/// before [`MAX_CREATE_SECS`]); the engine's clock never goes past it.
pub const LAST_ENCODABLE_TIME: SimTime = SimTime(MAX_CREATE_SECS * SECOND_MS - 1);

/// Decodes a decimal sequence number the way kinesalite's AWS-validated parser does.
pub fn parse_sequence(text: &str) -> Result<ParsedSequence, SequenceParseError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SequenceParseError::NotANumber);
    }
    let mut n = U256::from_str_radix(text, 10).map_err(|_| SequenceParseError::NotANumber)?;
    let pow124 = U256::ONE << 124;
    if n < pow124 {
        n += pow124;
    }
    let hex = format!("{n:x}");
    let pow185 = U256::ONE << 185;
    let v2_top = pow185 + (pow185 >> 1);
    if n < (U256::ONE << 129) {
        let shard_create_secs = hex_field(&hex, 1, 10);
        if shard_create_secs >= MAX_CREATE_SECS {
            return Err(SequenceParseError::DateTooLarge);
        }
        return Ok(ParsedSequence::V0 { shard_create_secs, shard_index: hex_field(&hex, 28, 32) as i64 });
    }
    if !(n > pow185 && n < v2_top) {
        return Err(SequenceParseError::UnknownVersion);
    }
    match hex_field(&hex, 46, 47) {
        2 => {
            let seq_ix_first = hex_field(&hex, 11, 12);
            if seq_ix_first > 7 {
                return Err(SequenceParseError::SequenceIndexTooHigh);
            }
            let shard_create_secs = hex_field(&hex, 1, 10);
            if shard_create_secs >= MAX_CREATE_SECS {
                return Err(SequenceParseError::DateTooLarge);
            }
            let raw_index = hex_field(&hex, 38, 46);
            Ok(ParsedSequence::V2 {
                seq: SequenceNumber {
                    shard_create_secs,
                    seq_ix: hex_field(&hex, 11, 27),
                    seq_time_secs: hex_field(&hex, 29, 38),
                    shard_index: raw_index as u32,
                },
                signed_shard_index: signed32(raw_index),
            })
        }
        1 => Ok(ParsedSequence::V1 {
            shard_create_secs: hex_field(&hex, 1, 10),
            seq_time_secs: hex_field(&hex, 13, 22),
            shard_index: signed32(hex_field(&hex, 38, 46)),
        }),
        _ => Err(SequenceParseError::UnknownVersion),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_aws_cli_example() {
        // `aws kinesis describe-stream` example output, shard 0 StartingSequenceNumber.
        let text = "49600871682957036442365024926191073437251060580128653314";
        let Ok(ParsedSequence::V2 { seq, .. }) = parse_sequence(text) else { panic!("not v2") };
        assert_eq!(seq.shard_create_secs, 0x5db759cd);
        assert_eq!(seq.seq_ix, 0);
        assert_eq!(seq.shard_index, 0);
        assert_eq!(seq.to_string(), text);
    }
}
