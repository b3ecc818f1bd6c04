//! B5 and B7: shard iterators as positions, GetRecords paging, the end of a closed shard, and
//! MillisBehindLatest.

use super::helpers::{arr_at, datas, get_records, iterator, ok, put, put_hash, seqs, str_at, u64_at, with_stream};
use kinesis_playground::engine::Engine;
use serde_json::json;

/// A 1-shard stream holding records "r0".."r4", 1 s apart, starting at start + 60 s.
fn five_records() -> (Engine, Vec<String>) {
    let mut e = with_stream(1);
    let mut seq = Vec::new();
    for i in 0..5 {
        let (_, s) = put(&mut e, "s", &format!("k{i}"), format!("r{i}").as_bytes());
        seq.push(s);
        e.advance_by(1_000);
    }
    (e, seq)
}

#[test]
fn trim_horizon_reads_everything_in_order() {
    let (mut e, seq) = five_records();
    let it = iterator(&mut e, "s", "shardId-000000000000", "TRIM_HORIZON", None);
    let r = get_records(&mut e, &it, None);
    assert_eq!(datas(&r), vec!["r0", "r1", "r2", "r3", "r4"]);
    assert_eq!(seqs(&r), seq);
    let first = &arr_at(&r, "/Records")[0];
    assert_eq!(str_at(first, "/PartitionKey"), "k0");
    assert_eq!(first["ApproximateArrivalTimestamp"], json!(1_735_689_660.0));
    assert!(first.get("EncryptionType").is_none());
    assert_eq!(u64_at(&r, "/MillisBehindLatest"), 0);
    assert!(r.get("ChildShards").is_none());
}

#[test]
fn latest_sees_only_records_written_after_it() {
    let (mut e, _) = five_records();
    let it = iterator(&mut e, "s", "0", "LATEST", None);
    let r = get_records(&mut e, &it, None);
    assert_eq!(datas(&r), Vec::<String>::new());
    let next = str_at(&r, "/NextShardIterator");
    put(&mut e, "s", "k", b"new");
    assert_eq!(datas(&get_records(&mut e, &it, None)), vec!["new"], "the LATEST position itself");
    assert_eq!(datas(&get_records(&mut e, &next, None)), vec!["new"], "the empty page's NextShardIterator");
}

#[test]
fn at_and_after_sequence_number() {
    let (mut e, seq) = five_records();
    let at = iterator(&mut e, "s", "0", "AT_SEQUENCE_NUMBER", Some(&seq[2]));
    assert_eq!(datas(&get_records(&mut e, &at, None)), vec!["r2", "r3", "r4"]);
    let after = iterator(&mut e, "s", "0", "AFTER_SEQUENCE_NUMBER", Some(&seq[2]));
    assert_eq!(datas(&get_records(&mut e, &after, None)), vec!["r3", "r4"]);
    let after_last = iterator(&mut e, "s", "0", "AFTER_SEQUENCE_NUMBER", Some(&seq[4]));
    assert_eq!(datas(&get_records(&mut e, &after_last, None)), Vec::<String>::new());
}

#[test]
fn at_timestamp_starts_at_the_first_record_arriving_at_or_after_it() {
    let (mut e, _) = five_records();
    e.advance_by(1_000);
    let ts = |ms: u64| (super::helpers::START_MS + ms) as f64 / 1000.0;
    let cases = [
        (60_000, vec!["r0", "r1", "r2", "r3", "r4"]),
        (0, vec!["r0", "r1", "r2", "r3", "r4"]),
        (62_000, vec!["r2", "r3", "r4"]),
        (62_001, vec!["r3", "r4"]),
        (64_500, vec![]),
    ];
    for (ms, expected) in cases {
        let r = ok(
            &mut e,
            "GetShardIterator",
            json!({"StreamName": "s", "ShardId": "0", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": ts(ms)}),
        );
        let it = str_at(&r, "/ShardIterator");
        assert_eq!(datas(&get_records(&mut e, &it, None)), expected, "timestamp start + {ms} ms");
        e.advance_by(1_000); // read limits: 5 calls/s
    }
}

#[test]
fn reusing_an_iterator_rereads_the_same_records() {
    let (mut e, _) = five_records();
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let a = get_records(&mut e, &it, Some(2));
    let b = get_records(&mut e, &it, Some(2));
    assert_eq!(a["Records"], b["Records"]);
    assert_eq!(datas(&a), vec!["r0", "r1"]);
}

#[test]
fn limit_pages_through_the_shard_and_next_iterator_is_always_present_on_an_open_shard() {
    let (mut e, _) = five_records();
    let mut it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let mut pages = Vec::new();
    for _ in 0..4 {
        let r = get_records(&mut e, &it, Some(2));
        pages.push(datas(&r));
        it = str_at(&r, "/NextShardIterator");
        e.advance_by(200);
    }
    assert_eq!(pages, vec![vec!["r0", "r1"], vec!["r2", "r3"], vec!["r4"], vec![]]);
}

#[test]
fn millis_behind_latest_is_the_age_of_the_first_unread_record() {
    let (mut e, _) = five_records();
    // Records arrived at +60 s .. +64 s; now is +65 s.
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let r = get_records(&mut e, &it, Some(1));
    assert_eq!(u64_at(&r, "/MillisBehindLatest"), 4_000, "r1 arrived 4 s ago");
    let r = get_records(&mut e, &it, Some(5));
    assert_eq!(u64_at(&r, "/MillisBehindLatest"), 0, "caught up");
    e.advance_by(2_500);
    let r = get_records(&mut e, &it, Some(3));
    assert_eq!(u64_at(&r, "/MillisBehindLatest"), 4_500, "r3 arrived at +63 s, now +67.5 s");
}

#[test]
fn end_of_a_split_shard_has_no_next_iterator_and_lists_the_children() {
    let mut e = with_stream(1);
    for i in 0..3 {
        put_hash(&mut e, "s", 0, format!("p{i}").as_bytes());
    }
    let k = 1u128 << 127;
    ok(&mut e, "SplitShard", json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": k.to_string()}));
    put_hash(&mut e, "s", 0, b"p3"); // UPDATING: still the parent
    e.advance_by(3_000);
    let (child, _) = put_hash(&mut e, "s", 0, b"c0");
    assert_eq!(child, "shardId-000000000001");

    let mut it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let mut got = Vec::new();
    let last = loop {
        let r = get_records(&mut e, &it, Some(2));
        got.extend(datas(&r));
        match r.get("NextShardIterator").and_then(|v| v.as_str()) {
            Some(next) => it = next.to_string(),
            None => break r,
        }
        assert!(got.len() <= 4, "no end after {got:?}");
    };
    assert_eq!(got, vec!["p0", "p1", "p2", "p3"]);
    assert_eq!(
        last["ChildShards"],
        json!([
            {"ShardId": "shardId-000000000001", "ParentShards": ["shardId-000000000000"], "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": (k - 1).to_string()}},
            {"ShardId": "shardId-000000000002", "ParentShards": ["shardId-000000000000"], "HashKeyRange": {"StartingHashKey": k.to_string(), "EndingHashKey": u128::MAX.to_string()}},
        ])
    );
    // An empty closed shard ends at once.
    let mut e2 = with_stream(2);
    ok(&mut e2, "MergeShards", json!({"StreamName": "s", "ShardToMerge": "0", "AdjacentShardToMerge": "1"}));
    e2.advance_by(3_000);
    let it = iterator(&mut e2, "s", "1", "LATEST", None);
    let r = get_records(&mut e2, &it, None);
    assert!(r.get("NextShardIterator").is_none(), "{r}");
    assert_eq!(
        r["ChildShards"],
        json!([{"ShardId": "shardId-000000000002", "ParentShards": ["shardId-000000000000", "shardId-000000000001"], "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": u128::MAX.to_string()}}])
    );
    assert_eq!(u64_at(&r, "/MillisBehindLatest"), 0);
}

#[test]
fn get_shard_iterator_on_a_closed_shard_is_valid() {
    let mut e = with_stream(1);
    put_hash(&mut e, "s", 7, b"old");
    ok(&mut e, "SplitShard", json!({"StreamName": "s", "ShardToSplit": "0", "NewStartingHashKey": "1000"}));
    e.advance_by(3_000);
    for kind in ["TRIM_HORIZON", "LATEST"] {
        let it = iterator(&mut e, "s", "shardId-000000000000", kind, None);
        let r = get_records(&mut e, &it, None);
        assert!(r.get("ChildShards").is_some(), "{kind}: {r}");
    }
}

#[test]
fn records_of_a_put_records_call_come_back_in_request_order_per_shard() {
    let mut e = with_stream(2);
    let entries: Vec<serde_json::Value> = (0..20)
        .map(|i| json!({"PartitionKey": format!("key{i}"), "Data": super::helpers::b64(format!("d{i}").as_bytes())}))
        .collect();
    let resp = ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": entries}));
    assert_eq!(resp["FailedRecordCount"], json!(0));
    let results = arr_at(&resp, "/Records");
    for shard in ["shardId-000000000000", "shardId-000000000001"] {
        let expected: Vec<String> = results
            .iter()
            .enumerate()
            .filter(|(_, r)| r["ShardId"] == json!(shard))
            .map(|(i, _)| format!("d{i}"))
            .collect();
        let it = iterator(&mut e, "s", shard, "TRIM_HORIZON", None);
        assert_eq!(datas(&get_records(&mut e, &it, None)), expected, "{shard}");
    }
}
