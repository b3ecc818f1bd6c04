//! Every class of error, with its exact text and exit status under v1 and v2 (from the fixtures
//! recorded with the real CLIs: tests/console/fixtures/errors.txt and v2/errors.txt).

use super::*;

fn err(h: &mut EngineHost, version: CliVersion, line: &str) -> (String, i32) {
    let out = aws(h, version, line);
    assert!(out.stdout.is_empty(), "{line}: stdout {:?}", out.stdout);
    (out.stderr, out.status)
}

fn v1_usage(msg: &str) -> (String, i32) {
    (format!("{V1_USAGE}aws: error: {msg}\n"), 2)
}

fn v2_usage(msg: &str) -> (String, i32) {
    (format!("\naws: [ERROR]: An error occurred (ParamValidation): {msg}\n\n{V2_USAGE}"), 252)
}

fn v1_plain(msg: &str) -> (String, i32) {
    (format!("\n{msg}\n"), 255)
}

fn v2_param(msg: &str) -> (String, i32) {
    (format!("\naws: [ERROR]: An error occurred (ParamValidation): {msg}\n"), 252)
}

fn v2_general(msg: &str) -> (String, i32) {
    (format!("\naws: [ERROR]: {msg}\n"), 255)
}

#[test]
fn the_command_line_alone() {
    let mut h = host();
    assert_eq!(err(&mut h, CliVersion::V1, ""), v1_usage("the following arguments are required: command"));
    assert_eq!(err(&mut h, CliVersion::V2, ""), v2_usage("the following arguments are required: command"));
    assert_eq!(err(&mut h, CliVersion::V1, "kinesis"), v1_usage("the following arguments are required: operation"));
    assert_eq!(err(&mut h, CliVersion::V2, "kinesis"), v2_usage("the following arguments are required: operation"));
    assert_eq!(
        err(&mut h, CliVersion::V1, "kinesis wait"),
        ("\nusage: aws [options] <command> <subcommand> [parameters]\naws: error: too few arguments\n".into(), 255)
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis wait"),
        v2_param("usage: aws [options] kinesis wait <subcommand> [parameters]\naws: [ERROR]: too few arguments")
    );
}

#[test]
fn invalid_choices_list_or_suggest() {
    let mut h = host();
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis describe-streams --stream-name Foo"),
        v2_usage("argument operation: Found invalid choice 'describe-streams'\n\nMaybe you meant:\n\n  * describe-stream\n  * describe-stream-summary\n  * describe-stream-consumer")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis frobnicate"),
        v2_usage("argument operation: Found invalid choice 'frobnicate'\n")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesys list-streams"),
        v2_usage("argument command: Found invalid choice 'kinesys'\n\nMaybe you meant:\n\n  * kinesis")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis list-streams --output xml"),
        v2_usage("argument --output: Found invalid choice 'xml'\n")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis wait stream-exist --stream-name Foo"),
        v2_usage("argument subcommand: Found invalid choice 'stream-exist'\n\nMaybe you meant:\n\n  * stream-exists\n  * stream-not-exists")
    );
    // v1 lists every choice, two per line, 40 columns each.
    let ops = [
        "add-tags-to-stream",
        "create-stream",
        "decrease-stream-retention-period",
        "delete-resource-policy",
        "delete-stream",
        "deregister-stream-consumer",
        "describe-account-settings",
        "describe-limits",
        "describe-stream",
        "describe-stream-consumer",
        "describe-stream-summary",
        "disable-enhanced-monitoring",
        "enable-enhanced-monitoring",
        "get-records",
        "get-resource-policy",
        "get-shard-iterator",
        "increase-stream-retention-period",
        "list-shards",
        "list-stream-consumers",
        "list-streams",
        "list-tags-for-resource",
        "list-tags-for-stream",
        "merge-shards",
        "put-record",
        "put-records",
        "put-resource-policy",
        "register-stream-consumer",
        "remove-tags-from-stream",
        "split-shard",
        "start-stream-encryption",
        "stop-stream-encryption",
        "tag-resource",
        "untag-resource",
        "update-account-settings",
        "update-max-record-size",
        "update-shard-count",
        "update-stream-mode",
        "update-stream-warm-throughput",
        "wait",
        "help",
    ];
    let rows: Vec<String> = ops.chunks(2).map(|p| format!("{:<40} | {:<40}", p[0], p[1])).collect();
    let list = format!("argument operation: Invalid choice, valid choices are:\n\n{}", rows.join("\n"));
    assert_eq!(err(&mut h, CliVersion::V1, "kinesis frobnicate"), v1_usage(&list));
    assert_eq!(
        err(&mut h, CliVersion::V1, "kinesis describe-streams --stream-name Foo"),
        v1_usage(&format!("{list}\n\n\nInvalid choice: 'describe-streams', maybe you meant:\n\n  * describe-stream\n  * describe-stream-summary\n  * describe-stream-consumer"))
    );
    let (stderr, status) = err(&mut h, CliVersion::V1, "kinesys list-streams");
    assert_eq!(status, 2);
    assert_eq!(stderr.lines().count(), 230, "v1 lists every command of the CLI");
    assert!(stderr.ends_with(
        "help                                    \n\n\nInvalid choice: 'kinesys', maybe you meant:\n\n  * kinesis\n"
    ));
    assert_eq!(
        err(&mut h, CliVersion::V1, "kinesis list-streams --output yaml"),
        v1_usage(&format!(
            "argument --output: Invalid choice, valid choices are:\n\n{:<40} | {:<40}\n{:<40}",
            "json", "text", "table"
        ))
    );
}

#[test]
fn missing_and_unknown_options() {
    let mut h = host();
    for (line, msg) in [
        (
            "kinesis put-record --stream-name Foo --data testdata",
            "the following arguments are required: --partition-key",
        ),
        (
            "kinesis get-shard-iterator --stream-name Foo",
            "the following arguments are required: --shard-id, --shard-iterator-type",
        ),
        ("kinesis put-record --stream-name Foo --partition-key 1 --data", "argument --data: expected one argument"),
        ("kinesis describe-stream --stream-name Foo --output", "argument --output: expected one argument"),
        ("kinesis list-streams --max-items abc", "argument --max-items: invalid int value: 'abc'"),
        (
            "kinesis describe-stream --stream",
            "ambiguous option: --stream could match --stream-name, --stream-arn, --stream-id",
        ),
        (
            "kinesis delete-stream --stream-name x --enforce-consumer-deletion=yes",
            "argument --enforce-consumer-deletion: ignored explicit argument 'yes'",
        ),
    ] {
        assert_eq!(err(&mut h, CliVersion::V1, line), v1_usage(msg), "{line}");
        assert_eq!(err(&mut h, CliVersion::V2, line), v2_usage(msg), "{line}");
    }
    for (line, rest) in [
        ("kinesis describe-stream --stream-name Foo --bogus 1", "--bogus, 1"),
        ("kinesis describe-stream --stream-name Foo extra words", "words, extra"),
        (
            "kinesis put-record --stream-name Foo --partition-key 1 --data testdata --cli-binary-format raw",
            "--cli-binary-format, raw",
        ),
    ] {
        assert_eq!(
            err(&mut h, CliVersion::V1, line),
            (format!("{V1_USAGE}\nUnknown options: {rest}\n"), 255),
            "{line}"
        );
    }
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis describe-stream --stream-name Foo --bogus 1"),
        (format!("\n{V2_USAGE}\n\naws: [ERROR]: Unknown options: --bogus, 1\n"), 252)
    );
    assert_eq!(
        err(
            &mut h,
            CliVersion::V2,
            "kinesis put-record --stream-name Foo --partition-key 1 --data testdata --cli-binary-format raw"
        ),
        v2_usage("argument --cli-binary-format: Found invalid choice 'raw'\n")
    );
    assert_eq!(err(&mut h, CliVersion::V1, "kinesis wait --bogus"), v1_plain("Unknown options: --bogus"));
    assert_eq!(err(&mut h, CliVersion::V2, "kinesis wait --bogus"), v2_param("Unknown options: --bogus"));
    assert!(h.engine.streams().is_empty(), "no request was sent");
}

#[test]
fn values_the_cli_cannot_convert() {
    let mut h = host();
    for (line, msg) in [
        ("kinesis create-stream --stream-name Bar --shard-count abc", "invalid literal for int() with base 10: 'abc'"),
        ("kinesis create-stream --stream-name Bar --shard-count 1.5", "invalid literal for int() with base 10: '1.5'"),
        ("kinesis list-streams --cli-read-timeout x", "invalid literal for int() with base 10: 'x'"),
        ("kinesis list-streams --profile foo", "The config profile (foo) could not be found"),
        (
            "kinesis list-streams --region 'bad region'",
            "Provided region_name 'bad region' doesn't match a supported format.",
        ),
    ] {
        assert_eq!(err(&mut h, CliVersion::V1, line), v1_plain(msg), "{line}");
        assert_eq!(err(&mut h, CliVersion::V2, line), v2_general(msg), "{line}");
    }
}

#[test]
fn botocore_validation() {
    let mut h = host();
    for (line, lines) in [
        ("kinesis create-stream --stream-name Bar --shard-count 0", "Invalid value for parameter ShardCount, value: 0, valid min value: 1"),
        ("kinesis create-stream --stream-name Bar --shard-count -1", "Invalid value for parameter ShardCount, value: -1, valid min value: 1"),
        ("kinesis create-stream --stream-name '' --shard-count 1", "Invalid length for parameter StreamName, value: 0, valid min length: 1"),
        ("kinesis get-records --shard-iterator ''", "Invalid length for parameter ShardIterator, value: 0, valid min length: 1"),
        ("kinesis get-records --shard-iterator x --limit 0", "Invalid value for parameter Limit, value: 0, valid min value: 1"),
        (
            "kinesis put-record --stream-name '' --partition-key '' --data dGVzdA==",
            "Invalid length for parameter StreamName, value: 0, valid min length: 1\nInvalid length for parameter PartitionKey, value: 0, valid min length: 1",
        ),
        (
            r#"kinesis create-stream --cli-input-json '{"StreamName": "Bar", "ShardCount": "1"}'"#,
            "Invalid type for parameter ShardCount, value: 1, type: <class 'str'>, valid types: <class 'int'>",
        ),
        (
            r#"kinesis create-stream --cli-input-json '{"StreamName": "Bar", "ShardCount": 1, "Bogus": true}'"#,
            "Unknown parameter in input: \"Bogus\", must be one of: StreamName, ShardCount, StreamModeDetails, Tags, WarmThroughputMiBps, MaxRecordSizeInKiB",
        ),
        (r#"kinesis create-stream --cli-input-json '{"ShardCount": 1}'"#, "Missing required parameter in input: \"StreamName\""),
        (
            "kinesis put-records --stream-name Foo --records Data=x,PartitionKey",
            "Missing required parameter in Records[0]: \"PartitionKey\"\nInvalid type for parameter Records[0].Data, value: ['x', 'PartitionKey'], type: <class 'list'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object",
        ),
        ("kinesis get-shard-iterator --stream-name s --shard-id x --shard-iterator-type AT_TIMESTAMP --timestamp yesterday", "Invalid type for parameter Timestamp, value: yesterday, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string"),
        ("kinesis remove-tags-from-stream --stream-name s --tag-keys", "Invalid length for parameter TagKeys, value: 0, valid min length: 1"),
    ] {
        let msg = format!("Parameter validation failed:\n{lines}");
        assert_eq!(err(&mut h, CliVersion::V1, line), v1_plain(&msg), "{line}");
        assert_eq!(err(&mut h, CliVersion::V2, line), v2_param(&msg), "{line}");
    }
    // v1 only: the same records, read as text, fail on the unknown key.
    assert_eq!(
        err(&mut h, CliVersion::V1, "kinesis put-records --stream-name Foo --records Data=x,Partition=1"),
        v1_plain("Parameter validation failed:\nMissing required parameter in Records[0]: \"PartitionKey\"\nUnknown parameter in Records[0]: \"Partition\", must be one of: Data, ExplicitHashKey, PartitionKey")
    );
    assert!(h.engine.streams().is_empty());
}

#[test]
fn bad_json_shorthand_query_and_files() {
    let mut h = host();
    for (line, msg) in [
        (
            r#"kinesis put-records --stream-name Foo --records '[{"Data": "x", "PartitionKey": "1"'"#,
            "Error parsing parameter '--records': Invalid JSON: Expecting ',' delimiter: line 1 column 35 (char 34)\nJSON received: [{\"Data\": \"x\", \"PartitionKey\": \"1\"",
        ),
        (
            r#"kinesis list-shards --stream-name Foo --shard-filter '{"Type": "AT_LATEST"'"#,
            "Error parsing parameter '--shard-filter': Invalid JSON: Expecting ',' delimiter: line 1 column 21 (char 20)\nJSON received: {\"Type\": \"AT_LATEST\"",
        ),
        (
            "kinesis create-stream --cli-input-json file://missing.json",
            "Error parsing parameter '--cli-input-json': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'",
        ),
        (
            "kinesis put-record --stream-name Foo --partition-key 1 --data fileb://missing.bin",
            "Error parsing parameter '--data': Unable to load paramfile fileb://missing.bin: [Errno 2] No such file or directory: 'missing.bin'",
        ),
    ] {
        assert_eq!(err(&mut h, CliVersion::V1, line), v1_plain(msg), "{line}");
        assert_eq!(err(&mut h, CliVersion::V2, line), v2_param(msg), "{line}");
    }
    // v1's shorthand message prints its own placeholder (a missing `f` in awscli/shorthand.py).
    assert_eq!(
        err(&mut h, CliVersion::V1, "kinesis list-shards --stream-name Foo --shard-filter Type"),
        v1_plain("Error parsing parameter '--shard-filter': Expected: '=', received: 'EOF' for input:\n{self._error_location()}")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis list-shards --stream-name Foo --shard-filter Type"),
        v2_param("Error parsing parameter '--shard-filter': Expected: '=', received: 'EOF' for input:\n Type\n    ^")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis add-tags-to-stream --stream-name Foo --tags k"),
        v2_param("Error parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\n k\n ^")
    );
    assert_eq!(
        err(&mut h, CliVersion::V1, r#"kinesis create-stream --cli-input-json '{"StreamName": "Bar",'"#),
        v1_plain("Error parsing parameter 'cli-input-json': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 22 (char 21)\nJSON received: {\"StreamName\": \"Bar\",")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, r#"kinesis create-stream --cli-input-json '{"StreamName": "Bar",'"#),
        v2_param("Error parsing parameter 'cli-input-json': Invalid JSON received.")
    );
    assert_eq!(
        err(&mut h, CliVersion::V1, "kinesis list-streams --no-paginate --max-items 1"),
        v1_plain("Error during pagination: Cannot specify --no-paginate along with pagination arguments: --max-items")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis list-streams --no-paginate --max-items 1"),
        v2_param("Cannot specify --no-paginate along with pagination arguments: --max-items")
    );
    assert_eq!(
        err(&mut h, CliVersion::V2, "kinesis list-streams --endpoint-url localhost"),
        v2_param("Bad value for --endpoint-url \"localhost\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/")
    );
}

#[test]
fn v2_blobs_that_are_not_base64() {
    let mut h = host();
    active(&mut h, "Foo", 1);
    for (line, msg) in [
        ("kinesis put-record --stream-name Foo --partition-key 1 --data abc", "Invalid base64: \"abc\""),
        (
            "kinesis put-record --stream-name Foo --partition-key 1 --data 'hola mundo'",
            "Invalid base64: \"hola mundo\"",
        ),
        (
            "kinesis put-record --stream-name Foo --partition-key 1 --data 'señal'",
            "string argument should contain only ASCII characters",
        ),
        ("kinesis put-records --stream-name Foo --records Data=abc,PartitionKey=1", "Invalid base64: \"abc\""),
        ("kinesis put-records --stream-name Foo --records Data=x,Partition=1", "Invalid base64: \"x\""),
    ] {
        let out = v2(&mut h, line);
        assert_eq!((out.stderr.clone(), out.status), v2_general(msg), "{line}");
        assert!(out.exchanges.is_empty(), "{line}: nothing is sent");
        assert_eq!(out.notes.len(), 1, "{line}: the console explains it");
        assert!(out.notes[0].contains("--cli-binary-format raw-in-base64-out"), "{:?}", out.notes);
        // v1 sends the text.
        let out = v1(&mut h, line);
        if !line.contains("Partition=1") {
            assert_eq!(out.status, 0, "{line}: {}", out.stderr);
        }
    }
}

#[test]
fn service_errors() {
    let mut h = host();
    active(&mut h, "Foo", 1);
    for (line, msg) in [
        ("kinesis describe-stream --stream-name Missing", "An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream Missing under account 000000000000 not found."),
        ("kinesis describe-stream --stream-name Missing --output text", "An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream Missing under account 000000000000 not found."),
        ("kinesis put-record --stream-name Missing --partition-key 123 --data dGVzdA==", "An error occurred (ResourceNotFoundException) when calling the PutRecord operation: Stream Missing under account 000000000000 not found."),
        ("kinesis create-stream --stream-name Foo --shard-count 1", "An error occurred (ResourceInUseException) when calling the CreateStream operation: Stream Foo under account 000000000000 already exists."),
        ("kinesis delete-stream --stream-name Missing", "An error occurred (ResourceNotFoundException) when calling the DeleteStream operation: Stream Missing under account 000000000000 not found."),
        ("kinesis decrease-stream-retention-period --stream-name Foo --retention-period-hours 48", "An error occurred (InvalidArgumentException) when calling the DecreaseStreamRetentionPeriod operation: Requested retention period (48 hours) for stream Foo can not be longer than existing retention period (24 hours). Use IncreaseRetentionPeriod API."),
    ] {
        let out = v1(&mut h, line);
        assert_eq!((out.stderr, out.status), (format!("\n{msg}\n"), 255), "{line}");
        assert_eq!(out.exchanges.len(), 1);
        assert!(out.exchanges[0].response.is_err());
        let out = v2(&mut h, line);
        assert_eq!((out.stderr, out.status), (format!("\naws: [ERROR]: {msg}\n"), 254), "{line}");
    }
    // An operation the engine does not simulate: the endpoint does not know it. The empty
    // message leaves v1's line ending in a space; v2 strips the whole message.
    let out = v1(&mut h, "kinesis describe-account-settings");
    assert_eq!(
        (out.stderr.as_str(), out.status),
        ("\nAn error occurred (UnknownOperationException) when calling the DescribeAccountSettings operation: \n", 255)
    );
    let out = v2(&mut h, "kinesis describe-account-settings");
    assert_eq!(
        (out.stderr.as_str(), out.status),
        ("\naws: [ERROR]: An error occurred (UnknownOperationException) when calling the DescribeAccountSettings operation:\n", 254)
    );
    assert!(out.notes.iter().any(|n| n.contains("DescribeAccountSettings")));
}

#[test]
fn the_tutorial_s_quoted_iterator_fails_as_with_the_real_cli() {
    let mut h = host();
    active(&mut h, "Foo", 1);
    // `SHARD_ITERATOR=$(… --query 'ShardIterator')` keeps the JSON quotes.
    let line = "kinesis get-records --shard-iterator '\"AAAAAAAAAAAAAAAAAAAAAA\"'";
    let out = v1(&mut h, line);
    assert_eq!(out.status, 255);
    assert!(
        out.stderr
            .starts_with("\nAn error occurred (InvalidArgumentException) when calling the GetRecords operation: "),
        "{}",
        out.stderr
    );
    assert!(out.notes.iter().any(|n| n.contains("--output text")), "{:?}", out.notes);
    assert_eq!(v2(&mut h, line).status, 254);
}

#[test]
fn console_limits_are_said_plainly() {
    let mut h = host();
    for line in [
        "s3 ls",
        "kinesis list-streams --region eu-west-1",
        "kinesis list-streams --output yaml",
        "kinesis create-stream --cli-input-yaml x",
        "kinesis list-streams --cli-auto-prompt",
    ] {
        let out = v2(&mut h, line);
        assert_eq!(out.status, 255, "{line}");
        assert!(!out.stderr.trim().is_empty(), "{line}");
        assert!(out.exchanges.is_empty(), "{line}");
    }
    let out = aws(&mut h, CliVersion::V2, "kinesis list-streams --region eu-west-1");
    assert!(out.stderr.contains("us-east-1") && out.stderr.contains("eu-west-1"), "{}", out.stderr);
}

#[test]
fn endpoint_url_is_checked_then_explained() {
    let mut h = host();
    let out = v1(&mut h, "kinesis describe-limits --endpoint-url localhost:4567");
    assert_eq!((out.stderr.as_str(), out.status), ("\nInvalid endpoint: localhost:4567\n", 255));
    let out = v1(&mut h, "kinesis describe-limits --endpoint-url ''");
    assert_eq!(out.status, 255);
    assert!(out.stderr.starts_with("\nBad value for --endpoint-url \"\": scheme is missing."));
    let out = ok(&mut h, CliVersion::V2, "kinesis describe-limits --endpoint-url http://127.0.0.1:4567");
    assert_eq!(out.exchanges.len(), 1, "the console is the endpoint");
    assert!(out.notes.iter().any(|n| n.contains("https://kinesis.us-east-1.amazonaws.com")), "{:?}", out.notes);
}

#[test]
fn v1_migration_warnings() {
    let mut h = host();
    active(&mut h, "Foo", 1);
    let out = ok(&mut h, CliVersion::V1, "kinesis put-record --stream-name Foo --partition-key k --data x --v2-debug");
    assert!(out.stderr.starts_with("\nAWS CLI v2 UPGRADE WARNING: By default, the AWS CLI v2 returns all output through your operating system’s default pager program."));
    assert!(out.stderr.ends_with("#cliv2-migration-binaryparam.\n\n"), "{}", out.stderr);
    let out = ok(&mut h, CliVersion::V1, "kinesis describe-stream-summary --stream-name Foo --v2-debug");
    assert!(out.stderr.ends_with("#cliv2-migration-timestamp.\n"), "{}", out.stderr);
    let out = v2(&mut h, "kinesis describe-stream-summary --stream-name Foo --v2-debug");
    assert_eq!(
        (out.stderr.as_str(), out.status),
        (format!("\n{V2_USAGE}\n\naws: [ERROR]: Unknown options: --v2-debug\n").as_str(), 252)
    );
}

#[test]
fn throttling_is_retried_as_each_cli_retries() {
    let mut h = host();
    // LimitExceededException (the account's shard quota) is retried: v1 makes 5 attempts,
    // v2 3, with pauses on the simulated clock; then the message names the retries.
    for (version, attempts, pauses_ms) in [(CliVersion::V1, 5, 7_500), (CliVersion::V2, 3, 1_500)] {
        let start = h.engine.now().millis();
        let out = aws(&mut h, version, "kinesis create-stream --stream-name Huge --shard-count 20001");
        assert_eq!(out.exchanges.len(), attempts, "{version:?}");
        assert_eq!(h.engine.now().millis() - start, pauses_ms, "{version:?}");
        let retries = attempts - 1;
        assert!(
            out.stderr.contains(&format!("when calling the CreateStream operation (reached max retries: {retries}): ")),
            "{}",
            out.stderr
        );
        assert!(out.notes.iter().any(|n| n.contains("CreateStream")), "{:?}", out.notes);
    }
}

#[test]
fn too_deep_values_end_as_python_s_recursion_error() {
    let mut h = host();
    let deep = "[".repeat(5000);
    let out = v1(&mut h, &format!("kinesis put-records --stream-name Foo --records '{deep}'"));
    assert_eq!(
        (out.stderr.as_str(), out.status),
        ("\nmaximum recursion depth exceeded while decoding a JSON array from a unicode string\n", 255)
    );
    let out = v1(&mut h, &format!("kinesis list-shards --stream-name Foo --shard-filter 'a={}'", "[".repeat(3000)));
    assert_eq!((out.stderr.as_str(), out.status), ("\nmaximum recursion depth exceeded\n", 255));
}
