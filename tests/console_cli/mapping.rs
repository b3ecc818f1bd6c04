//! How every command maps its options to the API request (the JSON body on the wire):
//! scalars, booleans, shorthand, JSON, `--cli-input-json`, blobs under v1 and v2, timestamps.

use super::*;

/// The body a command sends (it may fail at the service: only the request matters here).
fn body(h: &mut EngineHost, version: CliVersion, line: &str) -> Value {
    let out = aws(h, version, line);
    assert!(!out.exchanges.is_empty(), "{line}: no request; stderr {:?}", out.stderr);
    out.exchanges[0].request.clone()
}

#[test]
fn every_command_maps_its_options() {
    let mut h = host();
    let v = CliVersion::V2;
    let arn = "arn:aws:kinesis:us-east-1:000000000000:stream/Foo";
    let carn = "arn:aws:kinesis:us-east-1:000000000000:stream/Foo/consumer/c:1";
    for (line, expected) in [
        ("kinesis create-stream --stream-name Foo --shard-count 2", json!({"StreamName": "Foo", "ShardCount": 2})),
        (
            "kinesis create-stream --stream-name Od --stream-mode-details StreamMode=ON_DEMAND --tags k1=v1,k2=",
            json!({"StreamName": "Od", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}, "Tags": {"k1": "v1", "k2": ""}}),
        ),
        ("kinesis describe-stream --stream-name Foo --no-paginate", json!({"StreamName": "Foo"})),
        ("kinesis describe-stream-summary --stream-name Foo", json!({"StreamName": "Foo"})),
        ("kinesis describe-limits", json!({})),
        ("kinesis list-streams --no-paginate", json!({})),
        ("kinesis list-streams --limit 5 --exclusive-start-stream-name A", json!({"Limit": 5, "ExclusiveStartStreamName": "A"})),
        (
            "kinesis list-shards --stream-name Foo --shard-filter Type=AFTER_SHARD_ID,ShardId=shardId-000000000000 --max-results 3",
            json!({"StreamName": "Foo", "MaxResults": 3, "ShardFilter": {"Type": "AFTER_SHARD_ID", "ShardId": "shardId-000000000000"}}),
        ),
        ("kinesis add-tags-to-stream --stream-name Foo --tags a=1,b=2", json!({"StreamName": "Foo", "Tags": {"a": "1", "b": "2"}})),
        ("kinesis list-tags-for-stream --stream-name Foo --limit 2", json!({"StreamName": "Foo", "Limit": 2})),
        ("kinesis remove-tags-from-stream --stream-name Foo --tag-keys a b", json!({"StreamName": "Foo", "TagKeys": ["a", "b"]})),
        ("kinesis remove-tags-from-stream --stream-name Foo --tag-keys a,b", json!({"StreamName": "Foo", "TagKeys": ["a,b"]})),
        (r#"kinesis remove-tags-from-stream --stream-name Foo --tag-keys '["a", "b"]'"#, json!({"StreamName": "Foo", "TagKeys": ["a", "b"]})),
        ("kinesis increase-stream-retention-period --stream-name Foo --retention-period-hours 48", json!({"StreamName": "Foo", "RetentionPeriodHours": 48})),
        ("kinesis decrease-stream-retention-period --stream-name Foo --retention-period-hours 24", json!({"StreamName": "Foo", "RetentionPeriodHours": 24})),
        (
            "kinesis put-record --stream-name Foo --partition-key 123 --data dGVzdGRhdGE= --explicit-hash-key 0 --sequence-number-for-ordering 1",
            json!({"StreamName": "Foo", "Data": "dGVzdGRhdGE=", "PartitionKey": "123", "ExplicitHashKey": "0", "SequenceNumberForOrdering": "1"}),
        ),
        (
            "kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000000 --shard-iterator-type AT_TIMESTAMP --timestamp 2024-01-01T00:00:00.5Z",
            json!({"StreamName": "Foo", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": 1_704_067_200}),
        ),
        (
            "kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000000 --shard-iterator-type AT_TIMESTAMP --timestamp 1700000000.25",
            json!({"StreamName": "Foo", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": 1_700_000_000}),
        ),
        ("kinesis get-records --shard-iterator AAAA --limit 10", json!({"ShardIterator": "AAAA", "Limit": 10})),
        (
            "kinesis split-shard --stream-name Foo --shard-to-split shardId-000000000000 --new-starting-hash-key 170141183460469231731687303715884105728",
            json!({"StreamName": "Foo", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "170141183460469231731687303715884105728"}),
        ),
        (
            "kinesis merge-shards --stream-name Foo --shard-to-merge shardId-000000000001 --adjacent-shard-to-merge shardId-000000000002",
            json!({"StreamName": "Foo", "ShardToMerge": "shardId-000000000001", "AdjacentShardToMerge": "shardId-000000000002"}),
        ),
        (
            "kinesis update-shard-count --stream-name Foo --target-shard-count 4 --scaling-type UNIFORM_SCALING",
            json!({"StreamName": "Foo", "TargetShardCount": 4, "ScalingType": "UNIFORM_SCALING"}),
        ),
        (
            &format!("kinesis update-stream-mode --stream-arn {arn} --stream-mode-details StreamMode=PROVISIONED"),
            json!({"StreamARN": arn, "StreamModeDetails": {"StreamMode": "PROVISIONED"}}),
        ),
        (
            "kinesis start-stream-encryption --stream-name Foo --encryption-type KMS --key-id alias/aws/kinesis",
            json!({"StreamName": "Foo", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
        ),
        (
            "kinesis stop-stream-encryption --stream-name Foo --encryption-type KMS --key-id alias/aws/kinesis",
            json!({"StreamName": "Foo", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}),
        ),
        (&format!("kinesis register-stream-consumer --stream-arn {arn} --consumer-name c"), json!({"StreamARN": arn, "ConsumerName": "c"})),
        (&format!("kinesis describe-stream-consumer --consumer-arn {carn}"), json!({"ConsumerARN": carn})),
        (&format!("kinesis list-stream-consumers --stream-arn {arn} --no-paginate"), json!({"StreamARN": arn})),
        (&format!("kinesis deregister-stream-consumer --stream-arn {arn} --consumer-name c"), json!({"StreamARN": arn, "ConsumerName": "c"})),
        (
            &format!("kinesis subscribe-to-shard --consumer-arn {carn} --shard-id shardId-000000000000 --starting-position Type=LATEST"),
            json!({"ConsumerARN": carn, "ShardId": "shardId-000000000000", "StartingPosition": {"Type": "LATEST"}}),
        ),
        ("kinesis delete-stream --stream-name Foo --enforce-consumer-deletion", json!({"StreamName": "Foo", "EnforceConsumerDeletion": true})),
        ("kinesis delete-stream --stream-name Foo --no-enforce-consumer-deletion", json!({"StreamName": "Foo", "EnforceConsumerDeletion": false})),
    ] {
        assert_eq!(body(&mut h, v, line), expected, "{line}");
    }
}

#[test]
fn key_order_is_the_option_table_s_then_cli_input_json_s() {
    let mut h = host();
    let b = body(
        &mut h,
        CliVersion::V2,
        r#"kinesis create-stream --shard-count 3 --cli-input-json '{"ShardCount": 1, "Tags": {"x": "y"}, "StreamName": "Json"}' --stream-name Line"#,
    );
    assert_eq!(b, json!({"StreamName": "Line", "ShardCount": 3, "Tags": {"x": "y"}}));
    let keys: Vec<&String> = b.as_object().map(|m| m.keys().collect()).unwrap_or_default();
    assert_eq!(keys, ["StreamName", "ShardCount", "Tags"]);
    // Required options are not required with --cli-input-json.
    h.engine.advance_by(10_000);
    let out = ok(
        &mut h,
        CliVersion::V1,
        r#"kinesis put-record --cli-input-json '{"StreamName": "Line", "PartitionKey": "k", "Data": "dGVzdA=="}'"#,
    );
    assert_eq!(request(&out)["Data"], json!("ZEdWemRBPT0="), "v1: JSON blobs are text too");
}

#[test]
fn blobs_v1_text_v2_base64() {
    let mut h = host();
    active(&mut h, "Foo", 1);
    let put = "kinesis put-record --stream-name Foo --partition-key 123 --data testdata";
    // v1: the text's bytes; on the wire their base64, as the course shows.
    let out = ok(&mut h, CliVersion::V1, put);
    assert_eq!(request(&out)["Data"], json!("dGVzdGRhdGE="));
    assert!(out.notes.is_empty(), "{:?}", out.notes);
    // v2: `testdata` is base64: 6 odd bytes, sent as `testdata` on the wire.
    let out = ok(&mut h, CliVersion::V2, put);
    assert_eq!(request(&out)["Data"], json!("testdata"));
    assert_eq!(out.notes.len(), 1);
    assert!(
        out.notes[0].contains("b5 eb 2d 75 ab 5a") && out.notes[0].contains("raw-in-base64-out"),
        "{}",
        out.notes[0]
    );
    // v2 with raw-in-base64-out: as v1.
    let out = ok(&mut h, CliVersion::V2, &format!("{put} --cli-binary-format raw-in-base64-out"));
    assert_eq!(request(&out)["Data"], json!("dGVzdGRhdGE="));
    assert!(out.notes.is_empty());
    // The notes are in the console's language.
    let out = run(&words(put), &mut h, Settings { version: CliVersion::V2, lang: Lang::En });
    assert!(out.notes[0].starts_with("AWS CLI v2 reads blobs"), "{}", out.notes[0]);
    // PutRecords: shorthand and JSON, same rules.
    let out = ok(
        &mut h,
        CliVersion::V1,
        "kinesis put-records --stream-name Foo --records Data=testdata,PartitionKey=1 Data=b2s=,PartitionKey=2",
    );
    assert_eq!(
        request(&out),
        json!({"Records": [{"Data": "dGVzdGRhdGE=", "PartitionKey": "1"}, {"Data": "YjJzPQ==", "PartitionKey": "2"}], "StreamName": "Foo"})
    );
    let out = ok(
        &mut h,
        CliVersion::V2,
        r#"kinesis put-records --stream-name Foo --records '[{"Data": "b2s=", "PartitionKey": "1"}]'"#,
    );
    assert_eq!(request(&out)["Records"], json!([{"Data": "b2s=", "PartitionKey": "1"}]));
    let out = ok(
        &mut h,
        CliVersion::V2,
        r#"kinesis put-records --stream-name Foo --records '{"Data": "b2s=", "PartitionKey": "1"}' '{"Data": "b2s=", "PartitionKey": "2"}'"#,
    );
    assert_eq!(request(&out)["Records"][1], json!({"Data": "b2s=", "PartitionKey": "2"}));
}

#[test]
fn output_goes_through_the_formatter_and_query() {
    let mut h = host();
    active(&mut h, "Foo", 1);
    let out =
        ok(&mut h, CliVersion::V1, "kinesis put-record --stream-name Foo --partition-key 1 --data x --output text");
    let Ok(answer) = out.exchanges[0].response.clone() else {
        panic!("put-record failed");
    };
    assert_eq!(out.stdout, render(&answer, Format::Text, "PutRecord"));
    let out = ok(
        &mut h,
        CliVersion::V1,
        "kinesis describe-stream-summary --stream-name Foo --query StreamDescriptionSummary.StreamStatus",
    );
    let Ok(answer) = out.exchanges[0].response.clone() else {
        panic!("describe failed");
    };
    let shown = kinesis_playground::console::output::query(&answer, "StreamDescriptionSummary.StreamStatus")
        .unwrap_or(Value::Null);
    assert_eq!(out.stdout, render(&shown, Format::Json, "DescribeStreamSummary"));
    // An empty answer prints nothing.
    let out = ok(&mut h, CliVersion::V2, "kinesis add-tags-to-stream --stream-name Foo --tags a=b");
    assert_eq!(out.stdout, render(&json!({}), Format::Json, "AddTagsToStream"));
    assert_eq!(out.stderr, "");
}

#[test]
fn the_tutorial_runs() {
    let mut h = host();
    let v = CliVersion::V1;
    let out = ok(&mut h, v, "kinesis create-stream --stream-name Foo --shard-count 1");
    assert!(out.notes.iter().any(|n| n.contains("sleep 10")), "{:?}", out.notes);
    let out = ok(&mut h, v, "kinesis describe-stream --stream-name Foo");
    assert_eq!(
        out.exchanges[0].response.as_ref().ok().and_then(|r| r.pointer("/StreamDescription/StreamStatus").cloned()),
        Some(json!("CREATING"))
    );
    h.engine.advance_by(10_000);
    ok(&mut h, v, "kinesis list-streams");
    ok(&mut h, v, "kinesis put-record --stream-name Foo --partition-key 123 --data testdata");
    let out = ok(&mut h, v, "kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text");
    let Some(iterator) =
        out.exchanges[0].response.as_ref().ok().and_then(|r| r["ShardIterator"].as_str().map(String::from))
    else {
        panic!("no iterator");
    };
    let out = ok(&mut h, v, &format!("kinesis get-records --shard-iterator {iterator}"));
    let data = out.exchanges[0].response.as_ref().ok().and_then(|r| r.pointer("/Records/0/Data").cloned());
    assert_eq!(data, Some(json!("dGVzdGRhdGE=")), "the course's dGVzdGRhdGE=");
    ok(&mut h, v, "kinesis delete-stream --stream-name Foo");
    h.engine.advance_by(10_000);
    assert_eq!(v1(&mut h, "kinesis describe-stream --stream-name Foo").status, 255);
}
