//! Pagination: merged pages, `--max-items`/`--starting-token` round trips, `--page-size`,
//! `--no-paginate`, and describe-stream over many shards (HasMoreShards, ExclusiveStartShardId).

use super::*;

fn answers(out: &Outcome) -> Vec<Value> {
    out.exchanges.iter().map(|e| e.response.clone().unwrap_or(Value::Null)).collect()
}

fn no_limits() -> EngineHost {
    EngineHost { engine: Engine::new(EngineConfig { limits_enabled: false, ..EngineConfig::default() }) }
}

#[test]
fn list_streams_pages_and_tokens() {
    let mut h = no_limits();
    for name in ["a", "b", "c", "d", "e"] {
        ok(&mut h, CliVersion::V2, &format!("kinesis create-stream --stream-name {name} --shard-count 1"));
    }
    // --page-size 2: three calls, Limit 2 each, NextToken from the second on.
    let out = ok(&mut h, CliVersion::V2, "kinesis list-streams --page-size 2");
    assert_eq!(out.exchanges.len(), 3, "{:?}", out.exchanges);
    assert_eq!(out.exchanges[0].request, json!({"Limit": 2}));
    assert!(out.exchanges[1].request.get("NextToken").is_some());
    // --max-items 3: the CLI's token is base64 of the service token and the truncation.
    let out = ok(&mut h, CliVersion::V2, "kinesis list-streams --max-items 3 --page-size 2");
    let pages = answers(&out);
    assert_eq!(pages.len(), 2);
    let service_token = pages[0]["NextToken"].as_str().map(String::from);
    let Some(service_token) = service_token else {
        panic!("the engine pages with NextToken: {:?}", pages[0]);
    };
    let token_json = format!("{{\"NextToken\": \"{service_token}\", \"boto_truncate_amount\": 1}}");
    use base64::Engine as _;
    let cli_token = base64::engine::general_purpose::STANDARD.encode(token_json.as_bytes());
    let mut full = json!({"StreamNames": ["a", "b", "c"]});
    if let Some(s) = pages[0].get("StreamSummaries") {
        let mut all: Vec<Value> = s.as_array().cloned().unwrap_or_default();
        all.extend(pages[1]["StreamSummaries"].as_array().cloned().unwrap_or_default());
        full["StreamSummaries"] = Value::Array(all);
    }
    full["NextToken"] = json!(cli_token);
    // v2 writes the timestamps in ISO 8601.
    let full = kinesis_playground::console::output::iso8601_timestamps(&full);
    assert_eq!(out.stdout, render(&full, Format::Json, "ListStreams"));
    // --starting-token resumes where it stopped: the same page again, its first item skipped.
    let out = ok(&mut h, CliVersion::V2, &format!("kinesis list-streams --starting-token {cli_token} --page-size 2"));
    assert_eq!(out.exchanges[0].request, json!({"NextToken": service_token, "Limit": 2}));
    let names: Vec<Value> =
        answers(&out).iter().flat_map(|p| p["StreamNames"].as_array().cloned().unwrap_or_default()).collect();
    assert_eq!(names, [json!("c"), json!("d"), json!("e")]);
    let mut expected = json!({"StreamNames": ["d", "e"]});
    if out.exchanges[0].response.as_ref().ok().and_then(|r| r.get("StreamSummaries")).is_some() {
        let summaries: Vec<Value> = answers(&out)
            .iter()
            .skip(1)
            .flat_map(|p| p["StreamSummaries"].as_array().cloned().unwrap_or_default())
            .collect();
        expected["StreamSummaries"] = Value::Array(summaries);
    }
    let expected = kinesis_playground::console::output::iso8601_timestamps(&expected);
    assert_eq!(out.stdout, render(&expected, Format::Json, "ListStreams"));
    // --no-paginate: one call, the answer as it is.
    let out = ok(&mut h, CliVersion::V1, "kinesis list-streams --no-paginate --limit 2");
    assert_eq!(out.exchanges.len(), 1);
    assert_eq!(out.stdout, render(&answers(&out)[0], Format::Json, "ListStreams"));
    // The API's own paging option turns paging off too.
    let out = ok(&mut h, CliVersion::V1, "kinesis list-streams --limit 2");
    assert_eq!(out.exchanges.len(), 1);
    // --max-items 0: a warning, an empty list and a token.
    let out = ok(&mut h, CliVersion::V1, "kinesis list-streams --max-items 0");
    assert_eq!(out.stderr, "warning: Non-positive values for --max-items may result in undefined behavior.\n");
}

#[test]
fn max_items_token_matches_the_cli_s_for_a_single_page() {
    let mut h = no_limits();
    ok(&mut h, CliVersion::V2, "kinesis create-stream --stream-name Foo --shard-count 1");
    let out = ok(&mut h, CliVersion::V1, "kinesis list-streams --max-items 0");
    let mut expected =
        json!({"StreamNames": [], "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ=="});
    if let Some(s) = answers(&out)[0].get("StreamSummaries") {
        expected = json!({"StreamNames": [], "StreamSummaries": s, "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ=="});
    }
    assert_eq!(out.stdout, render(&expected, Format::Json, "ListStreams"));
    // A token that is not the CLI's goes to the service as its own NextToken.
    let out = v1(&mut h, "kinesis list-streams --starting-token garbage");
    assert_eq!(out.exchanges[0].request, json!({"NextToken": "garbage"}));
    // The old `token___index` form with too many parts is refused by botocore.
    let out = v1(&mut h, "kinesis list-streams --starting-token a___b___c");
    assert_eq!((out.stderr.as_str(), out.status), ("\nBad starting token: a___b___c\n", 255));
}

#[test]
fn describe_stream_pages_over_many_shards() {
    let mut h = no_limits();
    active(&mut h, "Big", 150);
    let out = ok(&mut h, CliVersion::V1, "kinesis describe-stream --stream-name Big");
    assert_eq!(out.exchanges.len(), 2, "100 shards per page, then the rest");
    assert_eq!(out.exchanges[0].request, json!({"StreamName": "Big"}));
    assert_eq!(out.exchanges[1].request, json!({"StreamName": "Big", "ExclusiveStartShardId": "shardId-000000000099"}));
    let pages = answers(&out);
    assert_eq!(pages[0]["StreamDescription"]["HasMoreShards"], json!(true));
    let mut shards = pages[0]["StreamDescription"]["Shards"].as_array().cloned().unwrap_or_default();
    shards.extend(pages[1]["StreamDescription"]["Shards"].as_array().cloned().unwrap_or_default());
    assert_eq!(shards.len(), 150);
    // build_full_result: Shards first, then the non-aggregate keys in the paginator's order.
    let d = &pages[0]["StreamDescription"];
    let expected = json!({"StreamDescription": {
        "Shards": shards,
        "StreamARN": d["StreamARN"],
        "StreamName": d["StreamName"],
        "StreamStatus": d["StreamStatus"],
        "RetentionPeriodHours": d["RetentionPeriodHours"],
        "EnhancedMonitoring": d["EnhancedMonitoring"],
        "EncryptionType": d["EncryptionType"],
        "KeyId": d.get("KeyId").cloned().unwrap_or(Value::Null),
        "StreamCreationTimestamp": d["StreamCreationTimestamp"],
    }});
    assert_eq!(out.stdout, render(&expected, Format::Json, "DescribeStream"));
    // --max-items 120 --page-size 50: three calls, a token naming the last shard read.
    let out = ok(&mut h, CliVersion::V2, "kinesis describe-stream --stream-name Big --max-items 120 --page-size 50");
    assert_eq!(out.exchanges.len(), 3);
    assert_eq!(
        out.exchanges[2].request,
        json!({"StreamName": "Big", "Limit": 50, "ExclusiveStartShardId": "shardId-000000000099"})
    );
    use base64::Engine as _;
    let token = base64::engine::general_purpose::STANDARD
        .encode(br#"{"ExclusiveStartShardId": "shardId-000000000099", "boto_truncate_amount": 20}"#);
    let resumed =
        ok(&mut h, CliVersion::V2, &format!("kinesis describe-stream --stream-name Big --starting-token {token}"));
    assert_eq!(
        resumed.exchanges[0].request,
        json!({"StreamName": "Big", "ExclusiveStartShardId": "shardId-000000000099"})
    );
    // Text output goes page by page, with the non-aggregate keys on the first only.
    let out = ok(&mut h, CliVersion::V1, "kinesis describe-stream --stream-name Big --output text");
    assert_eq!(out.exchanges.len(), 2);
}
