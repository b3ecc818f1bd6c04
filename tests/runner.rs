//! Tier (b): the JSON-lines runner (`engine::replay`, behind `examples/replay.rs`) under random
//! and hostile input (#14, reliability).
//!
//! Each case is a script of lines mixing well-formed operations on a few streams (ON_DEMAND ones
//! among them) with hostile ones: bytes that are not UTF-8, malformed JSON, wrong types, huge
//! numbers, unicode and control characters, hash keys at 2^128 and −1, `at_ms` going backwards,
//! at 2^63 and at u64::MAX, and time jumps of up to a year. The script runs in-process through
//! the same function the example calls, and every line must get exactly one well-formed
//! AWS-style answer (`{"response": {…}}`, or `{"error": {"__type": …, "message"|"Message": …}}`
//! whose type is never `InternalFailure`), with no panic and a bounded amount of scheduled work
//! per line (counted with `Engine::scheduled_runs`, not timed). Run with
//! `cargo test --release --test runner`; `PROPTEST_CASES=1000` runs a longer sweep.

use kinesis_playground::engine::replay::{answer, replay};
use kinesis_playground::engine::{Engine, EngineConfig};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Scheduled runs one line may cost at most. Without idle on-demand checks sleeping, a jump of a
/// year cost 31.5 million per ON_DEMAND stream; what remains is bounded by the streams, shards and
/// subscriptions a script can create.
const MAX_RUNS_PER_LINE: u64 = 50_000;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
}

const NAMES: &[&str] = &["s", "od", "t\u{202e}x", "ñandú", ""];
const HOSTILE_STRINGS: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{7}\u{1b}[31m",
    "\u{202e}evil",
    "\u{feff}",
    "\u{3000}",
    "𝕂inesis🦀",
    "a\"b\\c",
    "-1",
    "0",
    "1",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    "21267647932558653966460912964485513216",
    "99999999999999999999999999999999999999999999999999999999999999999999999999999999",
    "shardId-000000000000",
    "shardId-999999999999",
    "shardId-",
    "AAAA",
    "%%%",
];

fn hostile_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        prop::sample::select(HOSTILE_STRINGS).prop_map(|s| json!(s)),
        any::<String>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(json!(1e300)),
        Just(json!(-0.5)),
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(prop::sample::select(FIELDS).prop_map(String::from), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const FIELDS: &[&str] = &[
    "StreamName",
    "ShardCount",
    "StreamModeDetails",
    "StreamMode",
    "PartitionKey",
    "ExplicitHashKey",
    "Data",
    "Records",
    "ShardId",
    "ShardIteratorType",
    "StartingSequenceNumber",
    "SequenceNumberForOrdering",
    "ShardIterator",
    "Limit",
    "NewStartingHashKey",
    "ShardToSplit",
    "AdjacentShardToMerge",
    "ShardToMerge",
    "TargetShardCount",
    "ScalingType",
    "RetentionPeriodHours",
    "StreamARN",
    "ConsumerName",
    "ConsumerARN",
    "StartingPosition",
    "Type",
    "Timestamp",
    "NextToken",
    "MaxResults",
    "ShardFilter",
    "Tags",
];

/// `at_ms` values: forward, backward, huge and the ends of u64.
fn at_ms() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        3 => Just(None),
        3 => (0u64..120_000).prop_map(|ms| Some(json!(ms))),
        1 => Just(Some(json!(365u64 * 24 * 3_600_000))),
        1 => Just(Some(json!(1u64 << 63))),
        1 => Just(Some(json!(u64::MAX))),
        1 => Just(Some(json!(-1))),
        1 => Just(Some(json!("5"))),
        1 => Just(Some(json!(1.5))),
        1 => Just(Some(json!(18446744073709551616.0))),
    ]
}

fn stream_name() -> impl Strategy<Value = String> {
    prop::sample::select(NAMES).prop_map(String::from)
}

/// A well-formed request for a useful operation, with hostile values mixed in.
fn plausible_request() -> impl Strategy<Value = (String, Value)> {
    let hash = prop_oneof![
        Just("340282366920938463463374607431768211456".to_string()),
        Just("-1".to_string()),
        Just("340282366920938463463374607431768211455".to_string()),
        Just("0".to_string()),
        any::<u128>().prop_map(|h| h.to_string()),
    ];
    prop_oneof![
        stream_name().prop_map(|n| (
            "CreateStream".into(),
            json!({"StreamName": n, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}})
        )),
        (stream_name(), prop_oneof![Just(json!(1)), Just(json!(3)), Just(json!(100_000)), Just(json!(0))])
            .prop_map(|(n, c)| ("CreateStream".into(), json!({"StreamName": n, "ShardCount": c}))),
        (stream_name(), prop_oneof![Just(json!(4)), Just(json!(100_000))]).prop_map(|(n, c)| (
            "CreateStream".into(),
            json!({"StreamName": n, "ShardCount": c, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}})
        )),
        (stream_name(), hash.clone(), prop::sample::select(HOSTILE_STRINGS)).prop_map(|(n, h, k)| (
            "PutRecord".into(),
            json!({"StreamName": n, "PartitionKey": if k.is_empty() { "k" } else { k }, "ExplicitHashKey": h, "Data": "eA=="})
        )),
        (stream_name(), 1usize..300).prop_map(|(n, count)| {
            let records: Vec<Value> =
                (0..count).map(|i| json!({"PartitionKey": format!("k{i}"), "Data": "AAAAAAAAAAAAAAAAAAAA"})).collect();
            ("PutRecords".into(), json!({"StreamName": n, "Records": records}))
        }),
        (stream_name(), hash.clone()).prop_map(|(n, h)| (
            "SplitShard".into(),
            json!({"StreamName": n, "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": h})
        )),
        (stream_name(), prop::sample::select(HOSTILE_STRINGS)).prop_map(|(n, s)| (
            "GetShardIterator".into(),
            json!({"StreamName": n, "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": s})
        )),
        stream_name().prop_map(|n| (
            "UpdateStreamMode".into(),
            json!({"StreamARN": format!("arn:aws:kinesis:us-east-1:000000000000:stream/{n}"), "StreamModeDetails": {"StreamMode": "ON_DEMAND"}})
        )),
        (stream_name(), 1u32..20).prop_map(|(n, c)| (
            "UpdateShardCount".into(),
            json!({"StreamName": n, "TargetShardCount": c, "ScalingType": "UNIFORM_SCALING"})
        )),
        stream_name().prop_map(|n| ("DeleteStream".into(), json!({"StreamName": n}))),
        Just(("DescribeLimits".into(), json!({}))),
        Just(("ListStreams".into(), json!({}))),
        stream_name().prop_map(|n| ("ListShards".into(), json!({"StreamName": n}))),
    ]
}

/// One input line, as bytes, without `\n`.
fn line() -> impl Strategy<Value = Vec<u8>> {
    let op = prop_oneof![
        4 => prop::sample::select(kinesis_playground::engine::api::OPERATIONS).prop_map(|s| json!(s)),
        1 => Just(json!("NoSuchOperation")),
        1 => Just(json!(42)),
        1 => Just(json!("")),
    ];
    let structured = (at_ms(), op, hostile_value()).prop_map(|(at, op, request)| {
        let mut line = json!({"op": op, "request": request});
        if let Some(at) = at {
            line["at_ms"] = at;
        }
        line.to_string().into_bytes()
    });
    let plausible = (at_ms(), plausible_request()).prop_map(|(at, (op, request))| {
        let mut line = json!({"op": op, "request": request});
        if let Some(at) = at {
            line["at_ms"] = at;
        }
        line.to_string().into_bytes()
    });
    let fragments = prop::sample::select(
        &[
            "",
            " ",
            "\r",
            "{",
            "}",
            "[]",
            "null",
            "{\"op\":",
            "{\"op\":\"ListStreams\",\"at_ms\":1e400}",
            "{\"op\":\"ListStreams\",\"at_ms\":99999999999999999999999}",
            "{\"op\":\"ListStreams\"} trailing",
            "{\"op\":\"ListStreams\",\"op\":\"DescribeLimits\"}",
            "\u{feff}{\"op\":\"ListStreams\"}",
            "\u{3000}",
            "\u{a0}",
            "\u{b}\u{c}",
        ][..],
    )
    .prop_map(|s: &str| s.as_bytes().to_vec());
    let bytes = prop::collection::vec(any::<u8>(), 0..64);
    prop_oneof![6 => plausible, 3 => structured, 2 => fragments, 1 => bytes].prop_map(|mut v| {
        v.retain(|b| *b != b'\n');
        v
    })
}

/// Checks that `answer` is one well-formed AWS-style answer; returns why not.
fn malformed(answer: &Value) -> Option<String> {
    let Value::Object(top) = answer else { return Some("not an object".into()) };
    if top.len() != 1 {
        return Some(format!("{} keys", top.len()));
    }
    if let Some(response) = top.get("response") {
        return (!response.is_object()).then(|| "response is not an object".into());
    }
    let Some(Value::Object(error)) = top.get("error") else { return Some("neither response nor error".into()) };
    let Some(ty) = error.get("__type").and_then(Value::as_str) else { return Some("no __type".into()) };
    if ty.is_empty() || ty == "InternalFailure" {
        return Some(format!("error type {ty:?}"));
    }
    let messages = ["message", "Message"].iter().filter_map(|k| error.get(*k)).collect::<Vec<_>>();
    if messages.len() > 1 || messages.iter().any(|m| !m.is_string()) || error.len() != 1 + messages.len() {
        return Some("bad message field".into());
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), max_shrink_iters: 500, ..ProptestConfig::default() })]

    /// Every line gets one well-formed answer, with bounded work, and the runner goes on.
    #[test]
    fn every_hostile_line_gets_one_well_formed_answer_with_bounded_work(
        lines in prop::collection::vec(line(), 1..40)
    ) {
        let mut engine = Engine::new(EngineConfig { event_capacity: 0, ..EngineConfig::default() });
        for raw in &lines {
            let before = engine.scheduled_runs();
            let got = answer(&mut engine, raw);
            let work = engine.scheduled_runs() - before;
            prop_assert!(malformed(&got).is_none(), "line {:?} got {}: {:?}", String::from_utf8_lossy(raw), got, malformed(&got));
            prop_assert!(work <= MAX_RUNS_PER_LINE, "line {:?} cost {} scheduled runs", String::from_utf8_lossy(raw), work);
        }
        // The same script through the stream entry point gives one answer line per input line.
        let mut input = lines.join(&b'\n');
        input.push(b'\n');
        let mut out = Vec::new();
        let mut engine = Engine::new(EngineConfig { event_capacity: 0, ..EngineConfig::default() });
        prop_assert!(replay(&mut engine, &input[..], &mut out).is_ok());
        let text = String::from_utf8(out);
        prop_assert!(text.is_ok());
        let text = text.unwrap_or_default();
        prop_assert_eq!(text.lines().count(), lines.len());
        for l in text.lines() {
            let v: Result<Value, _> = serde_json::from_str(l);
            prop_assert!(v.as_ref().is_ok_and(|v| malformed(v).is_none()), "answer {}", l);
        }
    }
}

/// The issue's own hostile lines, in order, each with its expected kind of answer.
#[test]
fn the_issues_reproducers_each_get_their_answer() {
    let mut engine = Engine::new(EngineConfig { event_capacity: 0, ..EngineConfig::default() });
    let script: &[(&[u8], &str)] = &[
        (b"\xff", "SerializationException"),
        (br#"{"at_ms":0,"op":"CreateStream","request":{"StreamName":"s","StreamModeDetails":{"StreamMode":"ON_DEMAND"}}}"#, "response"),
        (br#"{"at_ms":0,"op":"CreateStream","request":{"StreamName":"x","ShardCount":100000,"StreamModeDetails":{"StreamMode":"ON_DEMAND"}}}"#, "InvalidArgumentException"),
        (br#"{"at_ms":31536000000,"op":"PutRecord","request":{"StreamName":"s","PartitionKey":"k","Data":"eA=="}}"#, "response"),
        (br#"{"at_ms":1000,"op":"ListStreams"}"#, "response"),
        (br#"{"at_ms":9223372036854775808,"op":"ListStreams"}"#, "SerializationException"),
        (br#"{"at_ms":18446744073709551615,"op":"ListStreams"}"#, "SerializationException"),
        (br#"{"op":"GetShardIterator","request":{"StreamName":"s","ShardId":"shardId-000000000000","ShardIteratorType":"AT_SEQUENCE_NUMBER","StartingSequenceNumber":"0"}}"#, "InvalidArgumentException"),
        (br#"{"op":"PutRecord","request":{"StreamName":"s","PartitionKey":"k","ExplicitHashKey":"340282366920938463463374607431768211456","Data":"eA=="}}"#, "InvalidArgumentException"),
        (b"\xe3\x80\x80", "SerializationException"),
    ];
    for (raw, kind) in script {
        let before = engine.scheduled_runs();
        let got = answer(&mut engine, raw);
        assert!(malformed(&got).is_none(), "{got}");
        let seen = got
            .get("response")
            .map_or_else(|| got["error"]["__type"].as_str().unwrap_or("?").to_string(), |_| "response".into());
        assert_eq!(&seen, kind, "{:?} → {got}", String::from_utf8_lossy(raw));
        assert!(
            engine.scheduled_runs() - before <= 4,
            "{:?} cost {}",
            String::from_utf8_lossy(raw),
            engine.scheduled_runs() - before
        );
    }
}
