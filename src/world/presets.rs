//! The shipped presets: the course's teaching cases, each a whole [`Scenario`] built from a seed.
//!
//! A preset is named by its kebab-case slug (`hot-key`) in URLs, on the command line and in the
//! scenario's `name`; [`Preset::from_slug`] is the one place that parses it.

use super::consumer::ConsumerSpec;
use super::fanout::FanOutSpec;
use super::lambda::LambdaSpec;
use super::pipeline_spec::PipelinesSpec;
use super::polling::PollingSpec;
use super::producer::{Batching, ProducerSpec, Rate};
use super::scenario::{Command, Scenario, Settings, TimedCommand};
use crate::engine::time::{MINUTE_MS, SECOND_MS};
use crate::world::payload::{KeyDistribution, PayloadKind, RecordSize};

/// A shipped scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Preset {
    /// The course's example: an activity-log producer, a Lambda function counting actions, and
    /// a scale-up when traffic grows.
    ActivityLogs,
    /// Several applications read the same stream independently.
    Clickstream,
    /// One hot key sends 90 % of the traffic: its shard throttles, the others idle.
    HotKey,
    /// A consumer falls behind until records expire before it reads them.
    SlowConsumer,
    /// A split and a merge under load; consumers read parents before children.
    Resharding,
    /// Five polling applications share a shard; five enhanced fan-out ones each get their own.
    FanOut,
    /// Fifty sensors report every second, in batches.
    IotSensors,
    /// An online shop's orders feed the Lambda and Kappa architectures.
    ECommerce,
}

fn producer(name: &str, per_sec: u32, kind: PayloadKind, keys: KeyDistribution, bytes: u32) -> ProducerSpec {
    ProducerSpec {
        name: name.into(),
        rate: Rate::Constant { per_sec },
        kind,
        keys,
        size: RecordSize::Fixed { bytes },
        ..ProducerSpec::default()
    }
}

fn polling(name: &str) -> ConsumerSpec {
    ConsumerSpec::Polling(PollingSpec { name: name.into(), ..PollingSpec::default() })
}

fn api(at_ms: u64, api: &str, request: serde_json::Value) -> TimedCommand {
    TimedCommand { at_ms, command: Command::Api { api: api.into(), request } }
}

impl Preset {
    /// Every preset, in the order the app lists them.
    pub const ALL: [Preset; 8] = [
        Preset::ActivityLogs,
        Preset::Clickstream,
        Preset::HotKey,
        Preset::SlowConsumer,
        Preset::Resharding,
        Preset::FanOut,
        Preset::IotSensors,
        Preset::ECommerce,
    ];

    /// Its kebab-case name, used in URLs, on the command line and as the scenario's name.
    pub fn slug(self) -> &'static str {
        match self {
            Preset::ActivityLogs => "activity-logs",
            Preset::Clickstream => "clickstream",
            Preset::HotKey => "hot-key",
            Preset::SlowConsumer => "slow-consumer",
            Preset::Resharding => "resharding",
            Preset::FanOut => "fan-out",
            Preset::IotSensors => "iot-sensors",
            Preset::ECommerce => "e-commerce",
        }
    }

    /// The preset named `slug`, if any.
    pub fn from_slug(slug: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// Its scenario with `seed`.
    pub fn scenario(self, seed: u64) -> Scenario {
        let base = Scenario { name: self.slug().into(), seed, ..Scenario::default() };
        match self {
            // The course's example: an activity-log producer (boto3 put_record loop), a Lambda
            // function counting actions, and scaling up when traffic grows.
            Preset::ActivityLogs => Scenario {
                settings: Settings { stream_name: "my-activity-logs".into(), shards: 1, ..Settings::default() },
                producers: vec![ProducerSpec {
                    rate: Rate::Ramp { from: 200, to: 1_600, over_ms: 10 * MINUTE_MS },
                    ..producer("activity-app", 200, PayloadKind::Activity, KeyDistribution::Uniform { keys: 500 }, 120)
                }],
                consumers: vec![ConsumerSpec::Lambda(LambdaSpec::default())],
                commands: vec![api(
                    5 * MINUTE_MS,
                    "UpdateShardCount",
                    serde_json::json!({"TargetShardCount": 2, "ScalingType": "UNIFORM_SCALING"}),
                )],
                ..base
            },
            // Several applications read the same stream independently (course: "dos aplicaciones
            // pueden leer datos de la misma secuencia").
            Preset::Clickstream => Scenario {
                settings: Settings { stream_name: "clickstream".into(), shards: 2, ..Settings::default() },
                producers: vec![producer(
                    "web",
                    400,
                    PayloadKind::Clickstream,
                    KeyDistribution::Uniform { keys: 2_000 },
                    300,
                )],
                consumers: vec![
                    polling("dashboard"),
                    polling("archiver-s3"),
                    ConsumerSpec::Lambda(LambdaSpec {
                        name: "page-counter".into(),
                        count_by: "page".into(),
                        ..LambdaSpec::default()
                    }),
                ],
                ..base
            },
            // One hot key sends 90 % of the traffic: its shard throttles, the others idle.
            Preset::HotKey => Scenario {
                settings: Settings { stream_name: "hot-key".into(), shards: 4, ..Settings::default() },
                producers: vec![producer(
                    "skewed",
                    1_500,
                    PayloadKind::Activity,
                    KeyDistribution::HotKeys { keys: 1_000, hot: 1, hot_percent: 90 },
                    200,
                )],
                consumers: vec![polling("reader")],
                ..base
            },
            // A consumer that processes 5 records/s behind a 20 records/s stream falls further
            // behind until records older than the 24 h retention expire before it reads them.
            Preset::SlowConsumer => Scenario {
                settings: Settings { stream_name: "slow-consumer".into(), shards: 1, ..Settings::default() },
                producers: vec![producer(
                    "app",
                    20,
                    PayloadKind::Activity,
                    KeyDistribution::Uniform { keys: 100 },
                    100,
                )],
                consumers: vec![ConsumerSpec::Polling(PollingSpec {
                    name: "slow-app".into(),
                    limit: 5,
                    handler_us_per_record: 200_000,
                    ..PollingSpec::default()
                })],
                ..base
            },
            // A split and a merge under load; consumers read parents before children.
            Preset::Resharding => Scenario {
                settings: Settings { stream_name: "resharding".into(), shards: 2, ..Settings::default() },
                producers: vec![producer("app", 600, PayloadKind::Order, KeyDistribution::Uniform { keys: 200 }, 150)],
                consumers: vec![
                    polling("ordered-reader"),
                    ConsumerSpec::FanOut(FanOutSpec { name: "ordered-efo".into(), ..FanOutSpec::default() }),
                    ConsumerSpec::Lambda(LambdaSpec {
                        name: "per-product".into(),
                        count_by: "product".into(),
                        ..LambdaSpec::default()
                    }),
                ],
                commands: vec![
                    api(
                        2 * MINUTE_MS,
                        "SplitShard",
                        serde_json::json!({"ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "85070591730234615865843651857942052864"}),
                    ),
                    api(
                        5 * MINUTE_MS,
                        "MergeShards",
                        serde_json::json!({"ShardToMerge": "shardId-000000000002", "AdjacentShardToMerge": "shardId-000000000003"}),
                    ),
                ],
                ..base
            },
            // Five applications poll one shard and share its 5 calls/s and 2 MiB/s; five enhanced
            // fan-out applications each get 2 MiB/s of their own.
            Preset::FanOut => Scenario {
                settings: Settings { stream_name: "fan-out".into(), shards: 1, ..Settings::default() },
                producers: vec![producer(
                    "app",
                    900,
                    PayloadKind::Opaque,
                    KeyDistribution::Uniform { keys: 100 },
                    1_000,
                )],
                consumers: (1..=5)
                    .map(|i| polling(&format!("app-{i}")))
                    .chain((1..=5).map(|i| {
                        ConsumerSpec::FanOut(FanOutSpec { name: format!("efo-{i}"), ..FanOutSpec::default() })
                    }))
                    .collect(),
                ..base
            },
            // IoT: 50 sensors report every second.
            Preset::IotSensors => Scenario {
                settings: Settings { stream_name: "iot-sensors".into(), shards: 2, ..Settings::default() },
                producers: vec![ProducerSpec {
                    batching: Batching::Batch { max_records: 500, linger_ms: 100 },
                    ..producer("sensors", 50, PayloadKind::Sensor, KeyDistribution::Uniform { keys: 50 }, 0)
                }],
                consumers: vec![
                    polling("alerts"),
                    ConsumerSpec::Lambda(LambdaSpec {
                        name: "per-sensor".into(),
                        count_by: "sensor".into(),
                        batching_window_ms: 5 * SECOND_MS,
                        ..LambdaSpec::default()
                    }),
                ],
                ..base
            },
            // An online shop's orders feed both architectures of the course, which answer "units
            // sold per product" (see `pipelines`).
            Preset::ECommerce => Scenario {
                settings: Settings { stream_name: "orders".into(), shards: 2, ..Settings::default() },
                producers: vec![producer(
                    "shop",
                    20,
                    PayloadKind::Order,
                    KeyDistribution::Uniform { keys: 1_000 },
                    160,
                )],
                pipelines: Some(PipelinesSpec::default()),
                ..base
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_valid_and_round_trip_through_json() {
        for p in Preset::ALL {
            let s = p.scenario(7);
            assert_eq!(s.name, p.slug());
            assert_eq!(Preset::from_slug(p.slug()), Some(p));
            assert_eq!(s.validate(), Ok(()), "{p:?}");
            let back = Scenario::from_json(&s.to_json());
            assert_eq!(back.as_ref().ok(), Some(&s), "{p:?}: {back:?}");
        }
        assert_eq!(Preset::from_slug("nope"), None);
    }
}
