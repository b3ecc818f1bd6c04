//! B3: the 56-digit version-2 sequence-number layout, shared seqIx counters, and the numbers of
//! closed shards and their children.

use super::helpers::{describe_shards, ok, put, put_hash, str_at, v2, with_stream, START_MS};
use ethnum::U256;
use kinesis_playground::engine::state::hashing::uniform_ranges;
use kinesis_playground::engine::state::sequence::{parse_sequence, END_SEQ_IX};
use serde_json::json;

/// The 47 hex digits of a decimal sequence number.
fn hex(seq: &str) -> String {
    match U256::from_str_radix(seq, 10) {
        Ok(n) => format!("{n:x}"),
        Err(e) => panic!("not a number {seq}: {e}"),
    }
}

/// Hex field `[from, to)` as a number.
fn field(hex: &str, from: usize, to: usize) -> u64 {
    match u64::from_str_radix(&hex[from..to], 16) {
        Ok(v) => v,
        Err(e) => panic!("bad field {from}..{to} of {hex}: {e}"),
    }
}

#[test]
fn put_record_sequence_number_has_the_b3_hex_layout() {
    let mut e = with_stream(2);
    let record_ms = e.now().millis();
    assert_eq!(record_ms, START_MS + 60_000);
    let create_secs = (START_MS - 2_000) / 1_000;
    let (shard, seq) = put(&mut e, "s", "a", b"hello");
    assert_eq!(shard, "shardId-000000000000");
    assert_eq!(seq.len(), 56, "56 decimal digits: {seq}");
    let h = hex(&seq);
    assert_eq!(h.len(), 47, "47 hex digits: {h}");
    assert_eq!(&h[0..1], "2", "leading 2");
    assert_eq!(field(&h, 1, 10), create_secs, "shard create seconds = (start - 2000 ms) / 1000");
    assert_eq!(field(&h, 10, 11), 0, "shard-index nibble");
    assert_eq!(field(&h, 11, 27), 0, "first seqIx of the group (time differs from create time)");
    assert_eq!(&h[27..29], "00", "byte1");
    assert_eq!(field(&h, 29, 38), record_ms / 1000, "record time seconds");
    assert_eq!(field(&h, 38, 46), 0, "shard index");
    assert_eq!(&h[46..47], "2", "version 2");
    let expected = format!("2{create_secs:09x}0{:016x}00{:09x}{:08x}2", 0, record_ms / 1000, 0);
    assert_eq!(h, expected);

    // A record in shard 1 of the same group takes the next seqIx, with nibble and index 1.
    let (shard, seq1) = put(&mut e, "s", "b", b"hello");
    assert_eq!(shard, "shardId-000000000001");
    let h1 = hex(&seq1);
    assert_eq!(h1, format!("2{create_secs:09x}1{:016x}00{:09x}{:08x}2", 1, record_ms / 1000, 1));
    assert_eq!(seq1.len(), 56);
}

#[test]
fn starting_sequence_numbers_of_consecutive_fresh_shards_differ_by_16_pow_36_plus_16() {
    let mut e = with_stream(8);
    let shards = describe_shards(&mut e, "s");
    let starts: Vec<U256> = shards
        .iter()
        .map(|s| str_at(s, "/SequenceNumberRange/StartingSequenceNumber"))
        .map(|t| U256::from_str_radix(&t, 10).unwrap_or_default())
        .collect();
    let diff = U256::from_str_radix("22300745198530623141535718272648361505980432", 10).unwrap_or_default();
    assert_eq!(diff, (U256::ONE << 144) + U256::new(16));
    for w in starts.windows(2) {
        assert_eq!(w[1] - w[0], diff);
    }
    // Shard 0's start: seqIx 0, seqTime = create time.
    let create_secs = (START_MS - 2_000) / 1_000;
    let h = format!("{:x}", starts[0]);
    assert_eq!(h, format!("2{create_secs:09x}0{:016x}00{create_secs:09x}{:08x}2", 0, 0));
    assert_eq!(starts[0].to_string().len(), 56);
}

#[test]
fn seq_ix_is_shared_by_shards_0_and_1_and_consecutive_when_interleaved() {
    let mut e = with_stream(2);
    let mut ixs = Vec::new();
    for i in 0..10u32 {
        // "a" → shard 0, "b" → shard 1 (B2).
        let key = if i % 2 == 0 { "a" } else { "b" };
        let (shard, seq) = put(&mut e, "s", key, b"x");
        assert_eq!(shard, format!("shardId-{:012}", i % 2));
        ixs.push(v2(&seq).seq_ix);
        e.advance_by(7);
    }
    assert_eq!(ixs, (0..10).collect::<Vec<u64>>());
}

#[test]
fn shard_5_starts_its_own_seq_ix_counter() {
    let mut e = with_stream(6);
    let ranges = uniform_ranges(6);
    let (_, s0) = put_hash(&mut e, "s", ranges[0].starting_hash_key, b"x");
    let (_, s4) = put_hash(&mut e, "s", ranges[4].starting_hash_key, b"x");
    let (shard5, s5) = put_hash(&mut e, "s", ranges[5].starting_hash_key, b"x");
    assert_eq!(shard5, "shardId-000000000005");
    assert_eq!((v2(&s0).seq_ix, v2(&s4).seq_ix, v2(&s5).seq_ix), (0, 1, 0));
}

#[test]
fn sequence_numbers_strictly_increase_within_a_shard_across_time() {
    let mut e = with_stream(1);
    let mut prev: Option<U256> = None;
    for i in 0..50u64 {
        let (_, seq) = put(&mut e, "s", &format!("k{i}"), b"x");
        let n = U256::from_str_radix(&seq, 10).unwrap_or_default();
        if let Some(p) = prev {
            assert!(n > p, "{seq} after {p}");
        }
        prev = Some(n);
        e.advance_by(i * 137 % 2_000);
    }
}

#[test]
fn split_closes_parent_with_max_seq_ix_and_children_are_created_1000_ms_later() {
    let mut e = with_stream(1);
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": (1u128 << 127).to_string()}),
    );
    let close_ms = e.now().millis() + 3_000;
    e.advance_by(10_000);
    let shards = describe_shards(&mut e, "s");
    assert_eq!(shards.len(), 3);
    let end = str_at(&shards[0], "/SequenceNumberRange/EndingSequenceNumber");
    let h = hex(&end);
    assert_eq!(field(&h, 11, 27), END_SEQ_IX, "seqIx 0x7fffffffffffffff");
    assert_eq!(&h[11..27], "7fffffffffffffff");
    assert_eq!(field(&h, 29, 38), close_ms / 1000, "end seqTime = close time");
    assert_eq!(field(&h, 1, 10), (START_MS - 2_000) / 1_000, "same create time as the start");
    assert_eq!(field(&h, 38, 46), 0);
    let parent_end = v2(&end);
    for child in &shards[1..] {
        let start = v2(&str_at(child, "/SequenceNumberRange/StartingSequenceNumber"));
        assert_eq!(start.seq_ix, 0);
        assert_eq!(start.shard_create_secs * 1000, close_ms + 1_000, "children created 1 s after the close");
        assert_eq!(start.shard_create_secs - parent_end.seq_time_secs, 1, "KL splitShard.js: 1000 ms");
    }
    assert!(parse_sequence(&end).is_ok());
}

#[test]
fn put_into_a_child_whose_create_time_is_ahead_gets_seq_ix_1_and_the_create_time() {
    let mut e = with_stream(1);
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": (1u128 << 127).to_string()}),
    );
    e.advance_by(3_000); // closes now; children are created at now + 1 s
    let child_create = e.now().millis() + 1_000;
    let (shard, seq) = put_hash(&mut e, "s", 0, b"x");
    assert_eq!(shard, "shardId-000000000001");
    let s = v2(&seq);
    assert_eq!(s.seq_ix, 1, "first record at the create time gets seqIx 1");
    assert_eq!(s.seq_time_secs * 1000, child_create);
    assert_eq!(s.shard_create_secs * 1000, child_create);
}

#[test]

fn first_record_in_a_child_shard_sorts_above_its_starting_sequence_number() {
    let mut e = with_stream(1);
    e.advance_by(500); // split at start + 60.5 s: parent closes at +63.5 s, children created at +64.5 s
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": (1u128 << 127).to_string()}),
    );
    e.advance_by(3_000 + 1_000 + 300); // +64.8 s: same second as the children's creation
    let (shard, seq) = put_hash(&mut e, "s", 0, b"x");
    assert_eq!(shard, "shardId-000000000001");
    let shards = describe_shards(&mut e, "s");
    let start = str_at(&shards[1], "/SequenceNumberRange/StartingSequenceNumber");
    assert!(v2(&seq) > v2(&start), "record {seq} must sort above StartingSequenceNumber {start}");
}

#[test]

fn a_sequence_number_just_issued_by_a_child_shard_is_accepted_as_sequence_number_for_ordering() {
    let mut e = with_stream(1);
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": (1u128 << 127).to_string()}),
    );
    e.advance_by(3_000);
    let (_, seq) = put_hash(&mut e, "s", 0, b"first");
    let r = e.call(
        "PutRecord",
        &json!({"StreamName": "s", "PartitionKey": "k", "ExplicitHashKey": "0", "Data": "eA==", "SequenceNumberForOrdering": seq}),
    );
    assert!(r.is_ok(), "PutRecord with the previous record's sequence number {seq}: {r:?}");
}
