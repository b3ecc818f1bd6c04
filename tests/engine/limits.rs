//! B10: per-shard write limits (1000 records/s, 1 MiB/s), read limits (5 GetRecords/s) and the
//! teaching switch that turns them off.

use super::helpers::{
    arr_at, b64, engine_no_limits, err, get_records, iterator, ok, put_hash, str_at, with_stream, ACCOUNT,
};
use kinesis_playground::engine::state::hashing::uniform_ranges;
use kinesis_playground::engine::ErrorType;
use serde_json::{json, Value};

fn rate_exceeded(shard: &str) -> String {
    format!("Rate exceeded for shard {shard} in stream s under account {ACCOUNT}.")
}

fn ten_bytes() -> Value {
    json!({"StreamName": "s", "PartitionKey": "k", "Data": b64(b"0123456789")})
}

#[test]
fn put_record_accepts_exactly_1000_records_per_shard_at_one_instant() {
    let mut e = with_stream(1);
    for i in 0..1000 {
        assert!(e.call("PutRecord", &ten_bytes()).is_ok(), "record {i}");
    }
    let error = err(&mut e, "PutRecord", ten_bytes());
    assert_eq!(error.error_type, ErrorType::ProvisionedThroughputExceededException);
    assert_eq!(error.message_text(), rate_exceeded("shardId-000000000000"));
    assert_eq!(
        e.stream("s").map(|s| (s.shards[0].records.len(), s.shards[0].counters.write_throttled)),
        Some((1000, 1))
    );
}

#[test]
fn write_bucket_refills_one_record_per_ms_so_a_1000_ms_window_can_hold_1999() {
    // Pinned behaviour of the token bucket (limits.rs): full at 1000, refilled pro rata.
    let mut e = with_stream(1);
    let accepted = |e: &mut kinesis_playground::engine::Engine, n: usize| {
        (0..n).filter(|_| e.call("PutRecord", &ten_bytes()).is_ok()).count()
    };
    assert_eq!(accepted(&mut e, 1100), 1000);
    e.advance_by(1);
    assert_eq!(accepted(&mut e, 5), 1);
    e.advance_by(998);
    assert_eq!(accepted(&mut e, 2000), 998);
}

#[test]
fn put_records_500_500_500_at_one_instant_fails_the_third_in_request_order() {
    let mut e = with_stream(1);
    let batch =
        json!({"StreamName": "s", "Records": vec![json!({"PartitionKey": "k", "Data": b64(b"0123456789")}); 500]});
    for _ in 0..2 {
        let r = ok(&mut e, "PutRecords", batch.clone());
        assert_eq!(r["FailedRecordCount"], json!(0));
        assert_eq!(arr_at(&r, "/Records").len(), 500);
    }
    let r = ok(&mut e, "PutRecords", batch);
    assert_eq!(r["FailedRecordCount"], json!(500));
    let records = arr_at(&r, "/Records");
    assert_eq!(records.len(), 500);
    for entry in &records {
        assert_eq!(
            entry,
            &json!({"ErrorCode": "ProvisionedThroughputExceededException", "ErrorMessage": rate_exceeded("shardId-000000000000")})
        );
    }
    // No EncryptionType on an unencrypted stream (see ops/put_records.rs).
    assert!(r.get("EncryptionType").is_none(), "{r}");
}

#[test]
fn put_records_partial_failure_keeps_request_order_across_shards() {
    let mut e = with_stream(2);
    let upper = uniform_ranges(2)[1].starting_hash_key;
    // Fill shard 0 for this instant.
    for _ in 0..1000 {
        put_hash(&mut e, "s", 0, b"x");
    }
    let entries: Vec<Value> = (0..10)
        .map(|i| {
            let hash = if i % 2 == 0 { 0 } else { upper };
            json!({"PartitionKey": "k", "ExplicitHashKey": hash.to_string(), "Data": b64(format!("e{i}").as_bytes())})
        })
        .collect();
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "s", "Records": entries}));
    assert_eq!(r["FailedRecordCount"], json!(5));
    let records = arr_at(&r, "/Records");
    let mut prev_ix = None;
    for (i, entry) in records.iter().enumerate() {
        if i % 2 == 0 {
            assert_eq!(entry["ErrorCode"], json!("ProvisionedThroughputExceededException"), "entry {i}");
            assert_eq!(entry["ErrorMessage"], json!(rate_exceeded("shardId-000000000000")));
            assert!(entry.get("SequenceNumber").is_none() && entry.get("ShardId").is_none());
        } else {
            assert_eq!(str_at(entry, "/ShardId"), "shardId-000000000001", "entry {i}");
            assert!(entry.get("ErrorCode").is_none());
            let ix = super::helpers::v2(&str_at(entry, "/SequenceNumber")).seq_ix;
            assert!(prev_ix.is_none_or(|p| ix > p), "request order gives increasing numbers");
            prev_ix = Some(ix);
        }
    }
}

#[test]
fn one_mib_per_second_byte_limit_per_shard() {
    let mut e = with_stream(1);
    // 102400 bytes of data + 1-byte key = 102401 bytes; 10 fit in 1 MiB (1048576), 11 do not.
    let req = json!({"StreamName": "s", "PartitionKey": "k", "Data": b64(&vec![7u8; 102_400])});
    for i in 0..10 {
        assert!(e.call("PutRecord", &req).is_ok(), "record {i}");
    }
    let error = err(&mut e, "PutRecord", req.clone());
    assert_eq!(error.error_type, ErrorType::ProvisionedThroughputExceededException);
    assert_eq!(error.message_text(), rate_exceeded("shardId-000000000000"));
    // 1048576 - 1024010 = 24566 bytes left; at 1048.576 bytes/ms, 74 ms bring it to 102160.6 (short of
    // 102401) and 75 ms to 103209.2.
    e.advance_by(74);
    assert!(e.call("PutRecord", &req).is_err());
    e.advance_by(1);
    assert!(e.call("PutRecord", &req).is_ok());
}

#[test]
fn six_get_records_calls_at_one_instant_throttle_the_sixth() {
    let mut e = with_stream(1);
    put_hash(&mut e, "s", 0, b"x");
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    for _ in 0..5 {
        get_records(&mut e, &it, None);
    }
    let error = err(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_eq!(error.error_type, ErrorType::ProvisionedThroughputExceededException);
    assert_eq!(error.message_text(), rate_exceeded("shardId-000000000000"));
    e.advance_by(200);
    get_records(&mut e, &it, None);
}

#[test]
fn six_get_shard_iterator_calls_at_one_instant_throttle_the_sixth() {
    let mut e = with_stream(1);
    for _ in 0..5 {
        iterator(&mut e, "s", "0", "LATEST", None);
    }
    let error =
        err(&mut e, "GetShardIterator", json!({"StreamName": "s", "ShardId": "0", "ShardIteratorType": "LATEST"}));
    assert_eq!(error.error_type, ErrorType::ProvisionedThroughputExceededException);
    assert_eq!(error.message_text(), rate_exceeded("shardId-000000000000"));
}

#[test]
fn with_limits_disabled_nothing_throttles() {
    let mut e = engine_no_limits();
    super::helpers::create_active(&mut e, "s", 1);
    assert!(!e.limits_enabled());
    for _ in 0..3000 {
        ok(&mut e, "PutRecord", ten_bytes());
    }
    let big = json!({"StreamName": "s", "PartitionKey": "k", "Data": b64(&vec![1u8; 1_000_000])});
    for _ in 0..5 {
        ok(&mut e, "PutRecord", big.clone());
    }
    let batch = json!({"StreamName": "s", "Records": vec![json!({"PartitionKey": "k", "Data": "eA=="}); 500]});
    for _ in 0..3 {
        assert_eq!(ok(&mut e, "PutRecords", batch.clone())["FailedRecordCount"], json!(0));
    }
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    for _ in 0..10 {
        iterator(&mut e, "s", "0", "LATEST", None);
        get_records(&mut e, &it, Some(10));
    }
    // The switch works at run time, both ways.
    let mut e = with_stream(1);
    e.set_limits_enabled(false);
    for _ in 0..1500 {
        ok(&mut e, "PutRecord", ten_bytes());
    }
    e.set_limits_enabled(true);
    assert!(e.limits_enabled());
    // Unlimited writes did not drain the buckets: a full second's worth is left.
    let accepted = (0..1001).filter(|_| e.call("PutRecord", &ten_bytes()).is_ok()).count();
    assert_eq!(accepted, 1000);
}

#[test]
fn a_record_of_exactly_1_mib_including_its_key_fits_a_full_bucket() {
    let mut e = with_stream(1);
    let req = json!({"StreamName": "s", "PartitionKey": "k", "Data": b64(&vec![0u8; 1_048_575])});
    ok(&mut e, "PutRecord", req.clone());
    let error = err(&mut e, "PutRecord", req.clone());
    assert_eq!(error.error_type, ErrorType::ProvisionedThroughputExceededException);
    e.advance_by(1_000);
    ok(&mut e, "PutRecord", req);
}

/// 10 records of 1048575 data bytes + a 1-byte key: exactly 10 MiB, written with limits off.
fn ten_mib_shard() -> kinesis_playground::engine::Engine {
    let mut e = with_stream(1);
    e.set_limits_enabled(false);
    let req = json!({"StreamName": "s", "PartitionKey": "k", "Data": b64(&vec![0u8; 1_048_575])});
    for _ in 0..10 {
        ok(&mut e, "PutRecord", req.clone());
    }
    e.set_limits_enabled(true);
    e.advance_by(10_000);
    e
}

#[test]
fn a_10_mib_get_records_response_returns_exactly_10_mib() {
    let mut e = ten_mib_shard();
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let r = get_records(&mut e, &it, None);
    let bytes: usize =
        arr_at(&r, "/Records").iter().map(|x| super::helpers::unb64(&str_at(x, "/Data")).len() + 1).sum();
    assert_eq!(bytes, 10 * 1_048_576);
}

#[test]

fn a_10_mib_get_records_response_throttles_reads_for_the_next_5_seconds() {
    let mut e = ten_mib_shard();
    let it = iterator(&mut e, "s", "0", "TRIM_HORIZON", None);
    let r = get_records(&mut e, &it, None);
    assert_eq!(arr_at(&r, "/Records").len(), 10);
    let next = str_at(&r, "/NextShardIterator");
    let read_at = e.now();
    // Poll every millisecond; a refused call spends nothing.
    let first_ok = loop {
        e.advance_by(1);
        if e.call("GetRecords", &json!({"ShardIterator": next})).is_ok() {
            break e.now().since(read_at);
        }
        assert!(e.now().since(read_at) < 60_000, "never readable again");
    };
    assert!(first_ok > 5_000, "a read {first_ok} ms after a 10 MiB response succeeded; AWS throttles for 5 s");
}
