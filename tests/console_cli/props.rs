//! Random and hostile argument vectors: no panic, and every failure has a message.

use super::*;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "kinesis",
    "help",
    "wait",
    "stream-exists",
    "stream-not-exists",
    "create-stream",
    "put-record",
    "put-records",
    "describe-stream",
    "list-streams",
    "list-shards",
    "get-records",
    "get-shard-iterator",
    "delete-stream",
    "subscribe-to-shard",
    "add-tags-to-stream",
    "--stream-name",
    "--shard-count",
    "--data",
    "--partition-key",
    "--records",
    "--tags",
    "--shard-filter",
    "--cli-input-json",
    "--query",
    "--output",
    "--max-items",
    "--starting-token",
    "--page-size",
    "--no-paginate",
    "--region",
    "--endpoint-url",
    "--generate-cli-skeleton",
    "--cli-binary-format",
    "--enforce-consumer-deletion",
    "--no-enforce-consumer-deletion",
    "--",
    "-",
    "-5",
    "--stream",
    "--no",
    "Foo",
    "text",
    "table",
    "json",
    "0",
    "1",
    "abc",
    "testdata",
    "Type=AT_LATEST",
    "Data=x,PartitionKey=1",
    "k=v,k=w",
    "{",
    "[",
    "{\"StreamName\": \"Foo\"}",
    "[1,",
    "a=[1,{b=c}]",
    "'quoted'",
    "\"",
    "file://x",
    "http://x",
    "eyJ9",
    "Zm9v",
    "\u{202e}",
    "😀",
    "=",
    "a=b,",
    "-x=1",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![proptest::sample::select(WORDS).prop_map(String::from), "[ -~]{0,12}", any::<String>(),]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn never_panics_and_every_failure_says_why(args in proptest::collection::vec(word(), 0..8), v2 in any::<bool>()) {
        let mut h = host();
        ok(&mut h, CliVersion::V2, "kinesis create-stream --stream-name Foo --shard-count 1");
        let version = if v2 { CliVersion::V2 } else { CliVersion::V1 };
        let mut line = vec!["kinesis".to_string()];
        line.extend(args.iter().cloned());
        for words in [args.clone(), line] {
            let out = run(&words, &mut h, Settings { version, lang: Lang::Es });
            if out.status != 0 {
                prop_assert!(!out.stderr.trim().is_empty(), "{:?}: status {} without a message", words, out.status);
                prop_assert!(matches!(out.status, 2 | 252 | 254 | 255), "{:?}: status {}", words, out.status);
            }
        }
    }
}
