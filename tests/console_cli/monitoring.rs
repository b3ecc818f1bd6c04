//! `aws kinesis enable-enhanced-monitoring` / `disable-enhanced-monitoring` run against the
//! engine's operations, with the real CLI's output shape (the JSON answer, formatted).

use super::*;

#[test]
fn enhanced_monitoring_commands_run() {
    let mut h = host();
    active(&mut h, "s", 1);
    let out = ok(
        &mut h,
        CliVersion::V2,
        "kinesis enable-enhanced-monitoring --stream-name s --shard-level-metrics IncomingBytes IteratorAgeMilliseconds",
    );
    assert_eq!(
        request(&out),
        json!({"StreamName": "s", "ShardLevelMetrics": ["IncomingBytes", "IteratorAgeMilliseconds"]})
    );
    let arn = "arn:aws:kinesis:us-east-1:000000000000:stream/s";
    let answer = json!({"StreamName": "s", "StreamARN": arn, "CurrentShardLevelMetrics": [],
                        "DesiredShardLevelMetrics": ["IncomingBytes", "IteratorAgeMilliseconds"]});
    assert_eq!(out.stdout, render(&answer, Format::Json, "EnableEnhancedMonitoring"));
    let off =
        ok(&mut h, CliVersion::V1, "kinesis disable-enhanced-monitoring --stream-name s --shard-level-metrics ALL");
    assert!(off.stdout.contains("\"DesiredShardLevelMetrics\": []"), "{}", off.stdout);
}
