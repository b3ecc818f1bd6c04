//! Help in both languages for every command, and `aws --version`.

use super::*;
use kinesis_playground::console::cli::help::cli_operations;

#[test]
fn version_line_names_the_emulated_cli() {
    let mut h = host();
    let out = ok(&mut h, CliVersion::V2, "--version");
    assert_eq!(out.stdout, "aws-cli/2.36.7 Python/3.11.7 Linux/6.8.0-1021-aws source/x86_64.ubuntu.24\n");
    let out = ok(&mut h, CliVersion::V1, "--version");
    assert_eq!(out.stdout, "aws-cli/1.45.11 Python/3.11.7 Linux/6.8.0-1021-aws botocore/1.43.11\n");
    // argparse's version action ends the parse where it is met.
    assert_eq!(ok(&mut h, CliVersion::V2, "kinesis list-streams --version").exchanges.len(), 0);
}

fn help(version: CliVersion, lang: Lang, line: &str) -> String {
    let mut h = host();
    let out = run(&words(line), &mut h, Settings { version, lang });
    assert_eq!(out.status, 0, "{line}: {}", out.stderr);
    assert!(out.exchanges.is_empty());
    out.stdout
}

#[test]
fn every_command_has_its_help_in_both_languages() {
    for lang in [Lang::Es, Lang::En] {
        for version in [CliVersion::V1, CliVersion::V2] {
            let service = help(version, lang, "kinesis help");
            for op in cli_operations() {
                assert!(service.contains(&format!("o {}\n", op.command)), "{}", op.command);
                for line in [
                    format!("kinesis {} help", op.command),
                    format!("kinesis {} --cli-input-json {{}} help", op.command),
                ] {
                    let page = help(version, lang, &line);
                    assert!(page.contains(&format!("            {}\n", op.command)), "{line}");
                    // No empty description: every option line is followed by its text.
                    let lines: Vec<&str> = page.lines().collect();
                    for (i, l) in lines.iter().enumerate() {
                        if l.starts_with("       --") && l.contains(" (") && !l.contains(") ") {
                            let next = lines.get(i + 1).map_or("", |n| n.trim());
                            assert!(!next.is_empty(), "{line}: {l} has no description ({lang:?})");
                        }
                    }
                }
            }
            assert!(help(version, lang, "kinesis wait help").contains("stream-exists"));
            assert!(help(version, lang, "kinesis wait stream-exists help").contains("[--stream-name <value>]"));
            assert!(help(version, lang, "help").contains("o kinesis"));
        }
    }
}

#[test]
fn synopsis_reads_as_the_cli_s() {
    let page = help(CliVersion::V2, Lang::En, "kinesis get-shard-iterator help");
    let synopsis = "            get-shard-iterator\n          [--stream-name <value>]\n          --shard-id <value>\n          --shard-iterator-type <value>\n          [--starting-sequence-number <value>]\n          [--timestamp <value>]\n          [--stream-arn <value>]\n          [--stream-id <value>]\n          [--cli-input-json | --cli-input-yaml]\n          [--generate-cli-skeleton <value>]\n          [--debug]\n          [--endpoint-url <value>]\n          [--no-verify-ssl]\n          [--no-paginate]\n          [--output <value>]\n          [--query <value>]\n          [--profile <value>]\n          [--region <value>]\n          [--version <value>]\n          [--color <value>]\n          [--no-sign-request]\n          [--ca-bundle <value>]\n          [--cli-read-timeout <value>]\n          [--cli-connect-timeout <value>]\n          [--cli-binary-format <value>]\n          [--no-cli-pager]\n          [--cli-auto-prompt]\n          [--no-cli-auto-prompt]\n          [--cli-error-format <value>]\n";
    assert!(page.contains(synopsis), "{page}");
    assert!(page.contains("--shard-iterator-type (string) [required]"));
    assert!(page.contains("AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP"));
    let page = help(CliVersion::V1, Lang::Es, "kinesis delete-stream help");
    assert!(page.contains("          [--enforce-consumer-deletion | --no-enforce-consumer-deletion]\n"));
    assert!(page.contains("[obligatoria]") || !page.contains("[required]"));
    let page = help(CliVersion::V1, Lang::Es, "kinesis put-records help");
    assert!(page.contains("Data=blob,ExplicitHashKey=string,PartitionKey=string ..."), "{page}");
    assert!(page.contains("aws-cli/1.45.11"));
    let page = help(CliVersion::V2, Lang::Es, "kinesis list-shards help");
    assert!(page.contains("Type=string,ShardId=string,Timestamp=timestamp"));
    assert!(!page.contains("--next-token"), "the API's paging members are hidden");
}

#[test]
fn generate_cli_skeleton() {
    let mut h = host();
    let out = ok(&mut h, CliVersion::V2, "kinesis delete-stream --generate-cli-skeleton");
    assert_eq!(out.stdout, "{\n    \"StreamName\": \"\",\n    \"EnforceConsumerDeletion\": true,\n    \"StreamARN\": \"\",\n    \"StreamId\": \"\"\n}\n");
    assert!(out.exchanges.is_empty());
    let out = ok(&mut h, CliVersion::V1, "kinesis describe-limits --generate-cli-skeleton");
    assert_eq!(out.stdout, "{}\n");
}

#[test]
fn output_skeleton_is_validated_like_a_stubbed_answer() {
    let mut h = host();
    // The sample answer's MaxRecordSizeInKiB (0) is below the output shape's min (1024).
    let out = v1(&mut h, "kinesis describe-stream-summary --generate-cli-skeleton output --stream-name x");
    assert_eq!(
        (out.stderr.as_str(), out.status),
        ("\nParameter validation failed:\nInvalid value for parameter StreamDescriptionSummary.MaxRecordSizeInKiB, value: 0, valid min value: 1024\n", 255)
    );
    let out = ok(&mut h, CliVersion::V2, "kinesis list-shards --generate-cli-skeleton output --stream-name x");
    assert!(out.exchanges.is_empty());
    let sample = json!({"Shards": [{"ShardId": "ShardId", "ParentShardId": "ParentShardId", "AdjacentParentShardId": "AdjacentParentShardId",
        "HashKeyRange": {"StartingHashKey": "StartingHashKey", "EndingHashKey": "EndingHashKey"},
        "SequenceNumberRange": {"StartingSequenceNumber": "StartingSequenceNumber", "EndingSequenceNumber": "EndingSequenceNumber"}}],
        "NextToken": "NextToken"});
    assert_eq!(out.stdout, render(&sample, Format::Json, "ListShards"));
    let out = ok(&mut h, CliVersion::V1, "kinesis create-stream --generate-cli-skeleton");
    assert_eq!(
        out.stdout,
        "{\n    \"StreamName\": \"\",\n    \"ShardCount\": 0,\n    \"StreamModeDetails\": {\n        \"StreamMode\": \"PROVISIONED\"\n    },\n    \"Tags\": {\n        \"KeyName\": \"\"\n    },\n    \"WarmThroughputMiBps\": 0,\n    \"MaxRecordSizeInKiB\": 0\n}\n"
    );
    assert_eq!(out.notes.len(), 1, "the enum value is the first, not a random one");
}
