#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]
//! The console's output (`src/console/output/`) against the real AWS CLI's.
//!
//! 1. **Goldens** (`golden_files_match_the_aws_cli`): every case of `tests/console/output/cases.json`
//!    (a response from `inputs/`, an operation, maybe a `--query`, the CLI version, a terminal
//!    width) rendered in json, text and table must equal, byte for byte, what the installed
//!    awscli printed (`golden/<case>.<format>`), or fail with the same message
//!    (`golden/<case>.<format>.error`, `golden/<case>.query-error`). Regenerate them with
//!    `tests/console/output/gen.py` (see its header).
//! 2. **Edge cases** below: Python's float repr, v2 timestamps, key order through queries,
//!    typed query errors, and hostile inputs that must never panic.

use kinesis_playground::console::output::python::float_repr;
use kinesis_playground::console::output::{
    iso8601, iso8601_timestamps, query, render, render_checked, render_table, Format, Query, QueryError,
};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/console/output")
}

fn read(path: &Path) -> Option<String> {
    fs::read_to_string(path).ok()
}

/// `text` without the addresses Python prints for an object (`<… object at 0x7f…>`), which
/// change from run to run; the console prints `<… object>`.
fn without_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" object at 0x") {
        out.push_str(&rest[..at + " object".len()]);
        rest = &rest[at + " object at 0x".len()..];
        rest = rest.trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn golden_files_match_the_aws_cli() {
    let cases: Vec<Value> = serde_json::from_str(&read(&dir().join("cases.json")).unwrap()).unwrap();
    let golden = dir().join("golden");
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let input: Value = serde_json::from_str(
            &read(&dir().join(format!("inputs/{}.json", case["input"].as_str().unwrap()))).unwrap(),
        )
        .unwrap();
        let operation = case["operation"].as_str().unwrap();
        let width = case["width"].as_u64().unwrap() as usize;
        let mut value = if case["version"] == "v2" { iso8601_timestamps(&input) } else { input };
        if let Some(expression) = case["query"].as_str() {
            let result = Query::compile(expression).and_then(|q| q.search(&value));
            let expected_error = read(&golden.join(format!("{name}.query-error")));
            checked += 1;
            match (result, expected_error) {
                (Ok(v), None) => value = v,
                (Err(e), Some(expected)) => {
                    if e.to_string() != expected {
                        failures.push(format!("{name} --query error:\n  got      {e:?}\n  expected {expected:?}"));
                    }
                    continue;
                }
                (Ok(v), Some(expected)) => {
                    failures.push(format!("{name}: query gave {v} but the CLI fails with {expected:?}"));
                    continue;
                }
                (Err(e), None) => {
                    failures.push(format!("{name}: query failed with {e:?} but the CLI succeeds"));
                    continue;
                }
            }
        }
        for (format, extension) in [(Format::Json, "json"), (Format::Text, "text"), (Format::Table, "table")] {
            let got = match format {
                Format::Table => render_table(&value, operation, width),
                _ => render_checked(&value, format, operation),
            };
            let expected = read(&golden.join(format!("{name}.{extension}")));
            let expected_error = read(&golden.join(format!("{name}.{extension}.error")));
            checked += 1;
            match (got, expected, expected_error) {
                (Ok(got), Some(expected), _) if got == expected => {}
                (Err(e), _, Some(expected)) if e.message == expected => {}
                (got, expected, expected_error) => failures.push(format!(
                    "{name}.{extension}:\n--- got\n{}\n--- expected\n{}",
                    match got {
                        Ok(s) => s,
                        Err(e) => format!("ERROR {}", e.message),
                    },
                    expected.unwrap_or_else(|| format!("ERROR {}", expected_error.unwrap_or_default()))
                )),
            }
        }
    }
    println!("console_output goldens: {} cases, {checked} outputs checked, {} mismatches", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} mismatches:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn float_repr_is_pythons() {
    let cases = [
        (1441215410.867, "1441215410.867"),
        (1572297168.0, "1572297168.0"),
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (123456789012345680.0, "1.2345678901234568e+17"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.5e-7, "1.5e-07"),
        (-2.5e300, "-2.5e+300"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (f64::INFINITY, "inf"),
    ];
    for (x, expected) in cases {
        assert_eq!(float_repr(x), expected, "repr({x:e})");
    }
}

#[test]
fn v2_timestamps_are_iso_8601_in_utc() {
    assert_eq!(iso8601(1441215410.867).as_deref(), Some("2015-09-02T17:36:50.867000+00:00"));
    assert_eq!(iso8601(1572297168.0).as_deref(), Some("2019-10-28T21:12:48+00:00"));
    assert_eq!(iso8601(0.0).as_deref(), Some("1970-01-01T00:00:00+00:00"));
    assert_eq!(iso8601(-1.5).as_deref(), Some("1969-12-31T23:59:58.500000+00:00"));
    // Microseconds round half to even, as CPython's `datetime.fromtimestamp` (checked with it).
    assert_eq!(iso8601(1_709_251_199.999_999_5).as_deref(), Some("2024-03-01T00:00:00+00:00"));
    assert_eq!(iso8601(1_709_251_199.999_999_3).as_deref(), Some("2024-02-29T23:59:59.999999+00:00"));
    assert_eq!(iso8601(5e-7).as_deref(), Some("1970-01-01T00:00:00+00:00"));
    assert_eq!(iso8601(1.5e-6).as_deref(), Some("1970-01-01T00:00:00.000002+00:00"));
    assert_eq!(iso8601(2.5e-6).as_deref(), Some("1970-01-01T00:00:00.000002+00:00"));
    assert_eq!(iso8601(253_402_300_800.0), None);
    assert_eq!(iso8601(f64::NAN), None);
    let response = json!({"Records": [{"ApproximateArrivalTimestamp": 1.5, "Data": "eA=="}],
                          "StreamCreationTimestamp": "already", "Other": 3.5});
    assert_eq!(
        iso8601_timestamps(&response),
        json!({"Records": [{"ApproximateArrivalTimestamp": "1970-01-01T00:00:01.500000+00:00", "Data": "eA=="}],
               "StreamCreationTimestamp": "already", "Other": 3.5})
    );
}

#[test]
fn queries_keep_the_service_and_expression_order() {
    let response = json!({"Shards": [{"ShardId": "s-1", "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": "9"}},
                                     {"ShardId": "s-2", "HashKeyRange": {"StartingHashKey": "10", "EndingHashKey": "19"}}]});
    let order = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    let shard = query(&response, "Shards[1].HashKeyRange").unwrap();
    assert_eq!(order(&shard), ["StartingHashKey", "EndingHashKey"]);
    let hashes = query(&response, "Shards[].{id: ShardId, range: HashKeyRange, a: `1`}").unwrap();
    assert_eq!(order(&hashes[0]), ["id", "range", "a"]);
    assert_eq!(order(&hashes[0]["range"]), ["StartingHashKey", "EndingHashKey"]);
    // The same keys in two orders, one per hash: each object keeps its own hash's order.
    let two = query(&response, "[Shards[0].{b: ShardId, a: ShardId}, Shards[0].{a: ShardId, b: ShardId}]").unwrap();
    assert_eq!(order(&two[0]), ["b", "a"]);
    assert_eq!(order(&two[1]), ["a", "b"]);
    // An object passed through keeps the input's order even when a hash has the same keys.
    let mixed = query(&response, "[Shards[0].HashKeyRange, {EndingHashKey: 'e', StartingHashKey: 's'}]").unwrap();
    assert_eq!(order(&mixed[0]), ["StartingHashKey", "EndingHashKey"]);
    assert_eq!(order(&mixed[1]), ["EndingHashKey", "StartingHashKey"]);
    assert_eq!(
        query(&response, "Shards[0].*").unwrap(),
        json!(["s-1", {"StartingHashKey": "0", "EndingHashKey": "9"}])
    );
    assert_eq!(query(&response, "keys(Shards[0].HashKeyRange)").unwrap(), json!(["StartingHashKey", "EndingHashKey"]));
}

#[test]
fn numbers_survive_a_query() {
    let response = json!({"MillisBehindLatest": 1500, "Big": 18446744073709551615u64, "Neg": -7, "T": 1441215410.867});
    assert_eq!(query(&response, "MillisBehindLatest").unwrap(), json!(1500));
    assert_eq!(
        render(&query(&response, "[MillisBehindLatest, Big, Neg, T]").unwrap(), Format::Json, "X"),
        "[\n    1500,\n    18446744073709551615,\n    -7,\n    1441215410.867\n]\n"
    );
    assert_eq!(render(&query(&response, "sum([MillisBehindLatest, Neg])").unwrap(), Format::Text, "X"), "1493\n");
    assert_eq!(render(&query(&response, "avg([MillisBehindLatest, Neg])").unwrap(), Format::Text, "X"), "746.5\n");
    assert_eq!(render(&query(&response, "floor(T)").unwrap(), Format::Json, "X"), "1441215410\n");
}

#[test]
fn query_errors_are_typed() {
    let bad = Query::compile("Shards[0").unwrap_err();
    assert!(matches!(&bad, QueryError::Invalid { expression, .. } if expression == "Shards[0"));
    assert!(bad.to_string().starts_with("Bad value for --query Shards[0: "));
    let compiled = Query::compile("nope(Shards)").expect("an unknown function compiles, as in Python");
    assert_eq!(compiled.search(&json!({})), Err(QueryError::Failed { message: "Unknown function: nope()".to_owned() }));
    assert_eq!(query(&json!({}), "length(@, @)").unwrap_err(), "Expected 1 argument for function length(), received 2");
}

#[test]
fn empty_and_falsy_responses() {
    assert_eq!(render(&json!({}), Format::Json, "DeleteStream"), "");
    assert_eq!(render(&json!({}), Format::Text, "DeleteStream"), "");
    assert_eq!(render(&json!({}), Format::Table, "DeleteStream"), "");
    assert_eq!(render(&json!([]), Format::Json, "X"), "[]\n");
    assert_eq!(render(&Value::Null, Format::Json, "X"), "null\n");
    assert_eq!(render(&Value::Null, Format::Text, "X"), "None\n");
    assert_eq!(render(&Value::Null, Format::Table, "X"), "");
    assert_eq!(render(&json!(""), Format::Text, "X"), "\n");
    // A scalar prints the title alone (formatter.py `_build_table`; checked with the CLI).
    assert_eq!(render(&json!("abc"), Format::Table, "Op"), "----\n|Op|\n+--+\n");
}

#[test]
fn unicode_partition_keys() {
    let records = json!({"Records": [{"PartitionKey": "camión-ñandú-日本", "Data": "eA=="}]});
    assert_eq!(
        render(&records, Format::Json, "GetRecords"),
        "{\n    \"Records\": [\n        {\n            \"PartitionKey\": \"camión-ñandú-日本\",\n            \"Data\": \"eA==\"\n        }\n    ]\n}\n"
    );
    assert_eq!(render(&records, Format::Text, "GetRecords"), "RECORDS\teA==\tcamión-ñandú-日本\n");
    assert_eq!(query(&records, "to_string(Records[0].PartitionKey)").unwrap(), json!("camión-ñandú-日本"));
    assert_eq!(
        query(&records, "to_string(Records[0])").unwrap(),
        json!("{\"PartitionKey\":\"cami\\u00f3n-\\u00f1and\\u00fa-\\u65e5\\u672c\",\"Data\":\"eA==\"}")
    );
    // 'ó' and 'ú' are east-Asian ambiguous (two columns for the CLI), 'ñ' is not, CJK is wide.
    let table = render(&json!({"K": "ó"}), Format::Table, "T");
    assert_eq!(table, "-------------\n|     T     |\n+----+------+\n|  K |  ó  |\n+----+------+\n");
}

#[test]
fn hostile_input_never_panics() {
    let response = json!({"a": [1, {"b": [null, true, "x", 2.5, {"c": {}}]}], "d": "ñ"});
    let mut expressions: Vec<String> = [
        "",
        " ",
        "`",
        "'",
        "\"",
        "[",
        "]",
        "{",
        "}",
        "(",
        ")",
        "[?",
        "a[",
        "a.",
        ".a",
        "a..b",
        "a[-",
        "a[1:2:0]",
        "a[::0]",
        "&a",
        "&",
        "@",
        "*",
        "**",
        "a[*].b[*].c.*",
        "`{`",
        "`[1,`",
        "'\\",
        "\"\\u12\"",
        "a[99999999999]",
        "a[-99999999999]",
        "length(",
        "merge(@, `1`)",
        "map(&a, @)",
        "sort_by(a, &b)",
        "max_by(a, b)",
        "type(&a)",
        "to_number('1e999')",
        "to_number('99999999999999999999999999999999999999999999')",
        "sum(`[1e308, 1e308]`)",
        "abs(`-9223372036854775808`)",
        "ceil(`1e300`)",
        "a || b && !c",
        "a[?b > `1`]",
        "a[?`1` < 'x']",
        "{a: b, a: c}",
        "[a, b][0][0]",
        "d[0]",
        "reverse(d)",
        "not_null()",
        "a[?@]",
        "`\"\\u0000\"`",
        "a[-2147483648]",
        "a[2147483648]",
        "a[-2147483647:2147483647:-2147483647]",
        "a[2147483647:-2147483647:2]",
        "a[::-99999999999]",
        "a[-99999999999::99999999999]",
        "a[:-1:-1]",
        "a[-1:-3:-1]",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    expressions.push("[".repeat(10_000));
    expressions.push(format!("{}a{}", "[".repeat(70), "]".repeat(70)));
    expressions.push(vec!["a"; 5000].join("."));
    expressions.push("!".repeat(5000) + "a");
    expressions.push("a | ".repeat(3000) + "a");
    for expression in &expressions {
        if let Ok(value) = query(&response, expression) {
            for format in [Format::Json, Format::Text, Format::Table] {
                let _ = render_checked(&value, format, "Op");
            }
        }
    }
    let mut deep = json!(1);
    for _ in 0..1000 {
        deep = json!([deep]);
    }
    assert!(render_checked(&deep, Format::Json, "X").is_err());
    assert!(query(&deep, "@").is_err());
    for value in [
        json!([{"a": 1}, "x"]),
        json!([{"a": 1}, ""]),
        json!([{"a": 1}, []]),
        json!([{"a": 1}, [1]]),
        json!([[1, [2]], 3]),
        json!([{"a": 1}, null]),
        json!([1, [{}], {"a": [1]}]),
    ] {
        for format in [Format::Json, Format::Text, Format::Table] {
            let _ = render_checked(&value, format, "Op");
        }
    }
}

#[test]
fn parse_errors_are_worded_as_the_cli_words_them() {
    let cases: Vec<Value> = serde_json::from_str(&read(&dir().join("parse_errors.json")).unwrap()).unwrap();
    let (mut exact, mut failures) = (0, Vec::new());
    for case in &cases {
        let expression = case["query"].as_str().unwrap();
        let expected = case["error"].as_str().unwrap();
        let got = match Query::compile(expression) {
            Err(e) => e.to_string(),
            // Python accepts a few expressions the crate refuses, and the other way round.
            Ok(q) => match q.search(&json!({})) {
                Err(e) => e.to_string(),
                Ok(v) => format!("compiles, gives {v}"),
            },
        };
        let prefix = format!("Bad value for --query {expression}: ");
        if got == expected {
            exact += 1;
        } else if expected.starts_with(&prefix) && !got.starts_with(&prefix) {
            failures.push(format!("{expression:?}:\n  got      {got:?}\n  expected {expected:?}"));
        } else {
            println!("worded differently {expression:?}:\n  got      {got:?}\n  expected {expected:?}");
        }
    }
    println!("console_output parse errors: {exact} of {} word for word, {} not refused", cases.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(exact * 100 >= cases.len() * 90, "only {exact} of {} word for word", cases.len());
}

#[test]
fn accepted_queries_give_what_the_cli_prints() {
    let cases: Vec<Value> = serde_json::from_str(&read(&dir().join("query_results.json")).unwrap()).unwrap();
    let input: Value = serde_json::from_str(&read(&dir().join("inputs/describe_stream_merged.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let expression = case["query"].as_str().unwrap();
        let got = match Query::compile(expression).and_then(|q| q.search(&input)) {
            Ok(value) => render(&value, Format::Json, "DescribeStream"),
            Err(e) => format!("ERROR {e}"),
        };
        let expected = match (case["json"].as_str(), case["error"].as_str()) {
            (Some(json), _) => without_addresses(json),
            (_, error) => format!("ERROR {}", without_addresses(error.unwrap_or_default())),
        };
        if got != expected {
            failures.push(format!("{expression:?}:\n--- got\n{got}\n--- expected\n{expected}"));
        }
    }
    println!(
        "console_output accepted queries: {} of {} as the CLI prints them",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn long_queries_fit_a_small_stack() {
    // The browser gives WebAssembly 1 MiB of stack; the deepest queries and values the console
    // accepts must run in half of that, even in a debug build (whose frames are larger).
    let accepted = [
        vec!["a"; 40].join("."),
        "!".repeat(39) + "a",
        vec!["a"; 40].join("|"),
        vec!["a"; 40].join("||"),
        vec!["a"; 20].join("[0]."),
        format!("{}a{}", "[".repeat(40), "]".repeat(40)),
        format!("{}a{}", "{b: ".repeat(15), "}".repeat(15)),
        format!("{}a{}", "length(".repeat(40), ")".repeat(40)),
        format!("{}a{}", "(".repeat(40), ")".repeat(40)),
        format!("{}a{}", "&".repeat(39), ""),
    ];
    let refused = [
        vec!["a"; 60].join("."),
        "!".repeat(41) + "a",
        format!("{}a{}", "{b: ".repeat(41), "}".repeat(41)),
        format!("{}a{}", "[".repeat(10_000), "]".repeat(10_000)),
    ];
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || {
            let mut deep = json!({"a": 1});
            for _ in 0..98 {
                deep = json!({"a": deep, "b": [1]});
            }
            for format in [Format::Json, Format::Text, Format::Table] {
                assert!(render_checked(&deep, format, "Op").is_ok());
            }
            assert_eq!(query(&deep, "a.a.a.b").unwrap(), json!([1]));
            for expression in &accepted {
                let result = query(&deep, expression);
                assert!(!matches!(&result, Err(e) if e.contains("recursion")), "{expression}: {result:?}");
                if let Ok(value) = result {
                    for format in [Format::Json, Format::Text, Format::Table] {
                        let _ = render_checked(&value, format, "Op");
                    }
                }
            }
            for expression in &refused {
                let error = query(&deep, expression).unwrap_err();
                assert!(error.ends_with(": maximum recursion depth exceeded"), "{error}");
            }
            let deeper = json!({"a": deep});
            assert!(render_checked(&deeper, Format::Json, "Op").is_err());
            assert_eq!(query(&deeper, "a").unwrap_err(), "maximum recursion depth exceeded");
        })
        .unwrap();
    handle.join().unwrap();
}

#[test]
fn python_grammar_quirks() {
    // What jmespath.py 1.1.0 (the CLI's) gives for each, checked with it.
    let data = json!({"a": [1, 2, 3, 4], "b": "x", "c": {"z": 1, "y": 2}});
    let cases = [
        ("a[-0]", json!(1)),
        ("a[::1-2]", json!([4, 2])),
        ("a[99999999999]", Value::Null),
        ("a[:99999999999]", json!([1, 2, 3, 4])),
        ("a[-99999999999:]", json!([1, 2, 3, 4])),
        ("not_null(b,)", json!("x")),
        ("{x: b y: a[0]}", json!({"x": "x", "y": 1})),
        ("a[?@==`2`]", json!([2])),
        ("b == `x`", json!(true)),
        ("[?`true`]", Value::Null),
        ("a[-007]", Value::Null),
        ("c.*", json!([1, 2])),
        ("keys(c)", json!(["z", "y"])),
        ("to_string(c)", json!("{\"z\":1,\"y\":2}")),
        ("merge(c, `[[\"k\", 1]]`)", json!({"z": 1, "y": 2, "k": 1})),
    ];
    for (expression, expected) in cases {
        let got = query(&data, expression).unwrap_or_else(|e| panic!("{expression}: {e}"));
        assert_eq!(got, expected, "{expression}");
        assert_eq!(render(&got, Format::Json, "X"), render(&expected, Format::Json, "X"), "{expression} (order)");
    }
    assert_eq!(
        query(&data, "[b c]").unwrap_err(),
        "Bad value for --query [b c]: Expecting: comma, got: unquoted_identifier: Parse error at column 3, \
         token \"c\" (UNQUOTED_IDENTIFIER), for expression:\n\"[b c]\"\n    ^"
    );
    for (expression, expected) in [
        ("a[-2147483647:2147483647:-2147483647]", json!([])),
        ("a[2147483647:-2147483647:2]", json!([])),
        ("a[::-99999999999]", json!([4])),
        ("a[:-1:-1]", json!([])),
        ("a[-1:-3:-1]", json!([4, 3])),
        ("a[5:1:-2]", json!([4])),
    ] {
        assert_eq!(query(&data, expression).unwrap(), expected, "{expression}");
    }
    assert_eq!(query(&data, "length(a b)").unwrap_err(), "Expected 1 argument for function length(), received 2");
    assert_eq!(
        query(&data, "merge(c, 'ab')").unwrap_err(),
        "dictionary update sequence element #0 has length 1; 2 is required"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]

    /// Any line typed after `--query` gives a result or an error, never a panic: random
    /// characters, and random sequences of JMESPath's pieces (which reach the evaluation).
    #[test]
    fn any_query_is_answered(
        characters in "[a-cA.\\[\\]{}(),:|&!?@'`=<>*0-9 \"\\\\-]{0,30}",
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "b", "c", ".", "[", "]", "[?", "{", "}", "(", ")", ",", ":", "|", "||", "&&", "&", "!", "@",
            "*", "[]", "`1`", "`{\"b\":1,\"a\":[2]}`", "'x'", "==", "<", ">=", "length", "sort_by", "merge",
            "keys", "values", "to_string", "max_by", "map", "not_null", "sum", " ", "0", "-1", "::", "a: ",
        ]), 0..25),
    ) {
        let response = json!({"a": [1, {"b": [null, true, "x", 2.5, {"c": {}}]}], "b": "ñ", "c": {"a": 1}});
        for expression in [characters, pieces.concat()] {
            if let Ok(value) = query(&response, &expression) {
                for format in [Format::Json, Format::Text, Format::Table] {
                    let _ = render_checked(&value, format, "Op");
                }
            }
        }
    }
}
