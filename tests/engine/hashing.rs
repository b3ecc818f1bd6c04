//! B1 and B2: uniform hash-key ranges and MD5 partition-key routing.

use super::helpers::{
    assert_tiles, create_active, describe_shards, engine, ok, put, range_of, str_at, with_stream, MAX_HASH,
};
use ethnum::U256;
use kinesis_playground::engine::state::hashing::{partition_key_hash, uniform_ranges, HashKeyRange};
use serde_json::json;

fn r(start: u128, end: u128) -> HashKeyRange {
    HashKeyRange { starting_hash_key: start, ending_hash_key: end }
}

#[test]
fn uniform_ranges_for_1_to_8_shards_are_floor_2_pow_128_over_n_and_tile_the_space() {
    for n in 1..=8u32 {
        let ranges = uniform_ranges(n);
        assert_eq!(ranges.len(), n as usize, "N={n}");
        assert_tiles(&ranges);
        // h = floor(2^128 / N), computed in 256 bits.
        let two_pow_128: U256 = U256::ONE << 128u32;
        let h = (two_pow_128 / U256::from(n)).as_u128();
        for (i, range) in ranges.iter().enumerate().skip(1) {
            assert_eq!(range.starting_hash_key, h * i as u128, "N={n} shard {i} start");
            assert_eq!(ranges[i - 1].ending_hash_key, h * i as u128 - 1, "N={n} shard {} end", i - 1);
        }
        assert_eq!(ranges.last().map(|x| x.ending_hash_key), Some(MAX_HASH), "N={n} last end");
    }
}

#[test]
fn uniform_ranges_match_kinesis_md_b1_table_for_1_2_3_4_shards() {
    assert_eq!(uniform_ranges(1), vec![r(0, 340282366920938463463374607431768211455)]);
    assert_eq!(
        uniform_ranges(2),
        vec![
            r(0, 170141183460469231731687303715884105727),
            r(170141183460469231731687303715884105728, 340282366920938463463374607431768211455),
        ]
    );
    assert_eq!(
        uniform_ranges(3),
        vec![
            r(0, 113427455640312821154458202477256070484),
            r(113427455640312821154458202477256070485, 226854911280625642308916404954512140969),
            r(226854911280625642308916404954512140970, 340282366920938463463374607431768211455),
        ]
    );
    assert_eq!(
        uniform_ranges(4),
        vec![
            r(0, 85070591730234615865843651857942052863),
            r(85070591730234615865843651857942052864, 170141183460469231731687303715884105727),
            r(170141183460469231731687303715884105728, 255211775190703847597530955573826158591),
            r(255211775190703847597530955573826158592, 340282366920938463463374607431768211455),
        ]
    );
}

#[test]
fn eight_shards_split_at_exact_multiples_of_2_pow_125() {
    let ranges = uniform_ranges(8);
    let step: u128 = 1 << 125;
    assert_eq!(step, 42535295865117307932921825928971026432);
    assert_eq!(ranges[0], r(0, 42535295865117307932921825928971026431));
    assert_eq!(ranges[1], r(42535295865117307932921825928971026432, 85070591730234615865843651857942052863));
    for (k, range) in ranges.iter().enumerate() {
        assert_eq!(range.starting_hash_key, step * k as u128, "start of shard {k}");
        let end = if k == 7 { MAX_HASH } else { step * (k as u128 + 1) - 1 };
        assert_eq!(range.ending_hash_key, end, "end of shard {k}");
    }
}

#[test]
fn describe_stream_ranges_equal_uniform_ranges_for_1_to_8_shards() {
    let mut e = engine();
    for n in 1..=8u32 {
        let name = format!("s{n}");
        create_active(&mut e, &name, n);
        let shards = describe_shards(&mut e, &name);
        let got: Vec<HashKeyRange> = shards.iter().map(range_of).collect();
        assert_eq!(got, uniform_ranges(n), "N={n}");
        let expected_ids: Vec<String> = (0..n).map(|i| format!("shardId-{i:012}")).collect();
        let got_ids: Vec<String> = shards.iter().map(|s| str_at(s, "/ShardId")).collect();
        assert_eq!(got_ids, expected_ids, "N={n}");
        for s in &shards {
            assert!(s.get("ParentShardId").is_none(), "fresh shards have no parent: {s}");
            assert!(s.pointer("/SequenceNumberRange/EndingSequenceNumber").is_none(), "fresh shards are open: {s}");
        }
    }
}

/// B2: (partition key, md5 hex, decimal, shard for 3, 2, 4 shards).
const MD5_TABLE: &[(&str, &str, u128, usize, usize, usize)] = &[
    ("a", "0cc175b9c0f1b6a831c399e269772661", 16955237001963240173058271559858726497, 0, 0, 0),
    ("b", "92eb5ffee6ae2fec3ad71c777531578f", 195289424170611159128911017612795795343, 1, 1, 2),
    ("c", "4a8a08f09d37b73795649038408b5f33", 99079589977253916124855502156832923443, 0, 0, 1),
    ("d", "8277e0910d750195b448797616e091ad", 173422077530204247440288476180261147053, 1, 1, 2),
    ("e", "e1671797c52e15f763380b45e841ec32", 299611584147932843547128611849858313266, 2, 1, 3),
    ("f", "8fa14cdd754f91cc6554c9e71929cce7", 190917122200326810055233066464581373159, 1, 1, 2),
    ("0", "cfcd208495d565ef66e7dff9f98764da", 276215275525073243129443018166533317850, 2, 1, 3),
    ("1", "c4ca4238a0b923820dcc509a6f75849b", 261578874264819908609102035485573088411, 2, 1, 3),
    ("hello", "5d41402abc4b2a76b9719d911017c592", 123957004363873451094272536567338222994, 1, 0, 1),
];

#[test]
fn partition_key_hash_is_md5_big_endian_per_b2_table() {
    for &(pk, hex, decimal, ..) in MD5_TABLE {
        let h = partition_key_hash(pk);
        assert_eq!(format!("{h:032x}"), hex, "md5 hex of {pk:?}");
        assert_eq!(h, decimal, "decimal of {pk:?}");
    }
}

#[test]
fn put_record_routes_b2_keys_to_the_table_shard_with_2_3_and_4_shards() {
    for (n, column) in [(3u32, 0usize), (2, 1), (4, 2)] {
        let mut e = with_stream(n);
        for &(pk, _, decimal, s3, s2, s4) in MD5_TABLE {
            let expected = [s3, s2, s4][column];
            let (shard, _) = put(&mut e, "s", pk, b"x");
            assert_eq!(shard, format!("shardId-{expected:012}"), "key {pk:?} with {n} shards");
            let range = uniform_ranges(n)[expected];
            assert!(range.contains(decimal), "table shard owns the hash of {pk:?}");
        }
    }
}

#[test]
fn explicit_hash_key_overrides_the_partition_key_at_range_boundaries() {
    let mut e = with_stream(4);
    let ranges = uniform_ranges(4);
    for (i, range) in ranges.iter().enumerate() {
        for hash in [range.starting_hash_key, range.ending_hash_key] {
            // "a" hashes to shard 0; the explicit key wins.
            let resp = ok(
                &mut e,
                "PutRecord",
                json!({"StreamName": "s", "PartitionKey": "a", "ExplicitHashKey": hash.to_string(), "Data": "eA=="}),
            );
            assert_eq!(str_at(&resp, "/ShardId"), format!("shardId-{i:012}"), "hash {hash}");
        }
    }
    // The records are stored with the explicit hash key.
    let stream = e.stream("s").map(|s| {
        s.shards[3].records.iter().map(|r| (r.hash_key(e.record_sources()), r.explicit_hash_key)).collect::<Vec<_>>()
    });
    assert_eq!(stream, Some(vec![(ranges[3].starting_hash_key, true), (MAX_HASH, true)]));
}
