//! Scenarios: `(seed, settings, timed commands)`, serialised as compact JSON.
//!
//! One format serves as the URL state, the replay file of the native runner and a test fixture
//! (STYLE rule 5). A scenario names the stream's starting settings, the producers and consumers
//! present at the start, and commands at times counted from the moment the stream became
//! `ACTIVE`. A command is either any Kinesis API call (`{"api":"SplitShard","request":{…}}`, with
//! `StreamName` filled in when omitted) or a world action (add a producer, kill a worker, …).
//!
//! The named presets are the course's teaching cases; see [`preset`] and [`PRESETS`].

use super::fanout::FanOutSpec;
use super::lambda::LambdaSpec;
use super::payload::{KeyDistribution, PayloadKind, RecordSize};
use super::pipelines::{PipelineAction, PipelinesSpec};
use super::polling::PollingSpec;
use super::producer::{Batching, ProducerSpec, Rate};
use crate::engine::time::{MINUTE_MS, SECOND_MS};
use serde::{Deserialize, Serialize};

/// Starting settings of the stream and the world.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Stream name.
    pub stream_name: String,
    /// Shards at creation (1..=500).
    pub shards: u32,
    /// Retention, hours (24..=8760).
    pub retention_hours: u32,
    /// Enforce per-shard throughput limits (AWS always does; switching off is a teaching aid).
    pub limits: bool,
    /// Seconds of per-second metrics kept.
    pub metrics_secs: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            stream_name: "my-activity-logs".into(),
            shards: 1,
            retention_hours: 24,
            limits: true,
            metrics_secs: 3600,
        }
    }
}

/// A consumer present in a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ConsumerSpec {
    /// A KCL-style polling application (shared throughput).
    Polling(PollingSpec),
    /// An AWS Lambda function behind an event source mapping.
    Lambda(LambdaSpec),
    /// An enhanced fan-out application (RegisterStreamConsumer + SubscribeToShard).
    FanOut(FanOutSpec),
}

impl ConsumerSpec {
    /// The consumer's name.
    pub fn name(&self) -> &str {
        match self {
            ConsumerSpec::Polling(s) => &s.name,
            ConsumerSpec::Lambda(s) => &s.name,
            ConsumerSpec::FanOut(s) => &s.name,
        }
    }
}

/// Something that happens at a time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "do")]
pub enum Command {
    /// Any Kinesis API call, e.g. `{"do":"api","api":"UpdateShardCount","request":{"TargetShardCount":2,"ScalingType":"UNIFORM_SCALING"}}`.
    Api {
        /// Operation name.
        api: String,
        /// Request body; `StreamName` defaults to the scenario's stream.
        #[serde(default)]
        request: serde_json::Value,
    },
    /// Starts a producer.
    AddProducer {
        /// Its settings.
        producer: ProducerSpec,
    },
    /// Stops a producer (it keeps its totals).
    StopProducer {
        /// Its name.
        name: String,
    },
    /// Changes a producer's rate.
    SetRate {
        /// Producer name.
        name: String,
        /// New rate.
        rate: Rate,
    },
    /// Changes a producer's key distribution.
    SetKeys {
        /// Producer name.
        name: String,
        /// New distribution.
        keys: KeyDistribution,
    },
    /// Starts a consumer.
    AddConsumer {
        /// Its settings.
        consumer: ConsumerSpec,
    },
    /// Stops a consumer.
    RemoveConsumer {
        /// Its name.
        name: String,
    },
    /// Kills one worker of a polling application.
    KillWorker {
        /// Application name.
        name: String,
        /// Worker number (0-based).
        worker: u32,
    },
    /// Adds (or restarts) a worker of a polling application.
    AddWorker {
        /// Application name.
        name: String,
    },
    /// Turns throughput limits on or off.
    SetLimits {
        /// On or off.
        enabled: bool,
    },
    /// A step on the Lambda and Kappa pipelines (deploy, switch, inject a bug, …).
    Pipeline {
        /// The step.
        action: PipelineAction,
    },
}

/// A command and when it runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimedCommand {
    /// Milliseconds after the stream became `ACTIVE`.
    pub at_ms: u64,
    /// What to do.
    #[serde(flatten)]
    pub command: Command,
}

/// A whole scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// Preset name or a title.
    pub name: String,
    /// The world's seed.
    pub seed: u64,
    /// Stream settings.
    pub settings: Settings,
    /// Producers at the start.
    pub producers: Vec<ProducerSpec>,
    /// Consumers at the start.
    pub consumers: Vec<ConsumerSpec>,
    /// Timed commands, in any order (run by time, then list order).
    pub commands: Vec<TimedCommand>,
    /// The Lambda and Kappa pipelines, when the scenario runs them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pipelines: Option<PipelinesSpec>,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            name: "custom".into(),
            seed: 1,
            settings: Settings::default(),
            producers: Vec::new(),
            consumers: Vec::new(),
            commands: Vec::new(),
            pipelines: None,
        }
    }
}

/// Why a scenario was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// Not valid JSON for a scenario (serde's message).
    Json(String),
    /// A setting is out of range: which one and the allowed range.
    OutOfRange {
        /// Field path, e.g. `settings.shards`.
        field: String,
        /// Allowed values, e.g. `1..=500`.
        allowed: String,
    },
    /// Two producers or consumers share a name.
    DuplicateName(String),
    /// No preset has this name.
    UnknownPreset(String),
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Json(m) => write!(f, "invalid scenario JSON: {m}"),
            ScenarioError::OutOfRange { field, allowed } => write!(f, "{field} must be in {allowed}"),
            ScenarioError::DuplicateName(n) => write!(f, "duplicate name {n}"),
            ScenarioError::UnknownPreset(n) => write!(f, "unknown preset {n}; presets: {}", PRESETS.join(", ")),
        }
    }
}

fn check(ok: bool, field: &str, allowed: &str) -> Result<(), ScenarioError> {
    if ok {
        Ok(())
    } else {
        Err(ScenarioError::OutOfRange { field: field.into(), allowed: allowed.into() })
    }
}

impl Scenario {
    /// Compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Parses and validates JSON.
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        let s: Scenario = serde_json::from_str(text).map_err(|e| ScenarioError::Json(e.to_string()))?;
        s.validate()?;
        Ok(s)
    }

    /// Checks every range the world relies on.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        let st = &self.settings;
        check((1..=500).contains(&st.shards), "settings.shards", "1..=500")?;
        check((24..=8760).contains(&st.retention_hours), "settings.retention_hours", "24..=8760")?;
        check((60..=86_400).contains(&st.metrics_secs), "settings.metrics_secs", "60..=86400")?;
        let name_ok = !st.stream_name.is_empty()
            && st.stream_name.len() <= 128
            && st.stream_name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
        check(name_ok, "settings.stream_name", "[a-zA-Z0-9_.-]{1,128}")?;
        let mut names = std::collections::BTreeSet::new();
        let producers = self.producers.iter().chain(self.commands.iter().filter_map(|c| match &c.command {
            Command::AddProducer { producer } => Some(producer),
            _ => None,
        }));
        for p in producers {
            check_producer(p)?;
            if !names.insert(format!("p/{}", p.name)) {
                return Err(ScenarioError::DuplicateName(p.name.clone()));
            }
        }
        let consumers = self.consumers.iter().chain(self.commands.iter().filter_map(|c| match &c.command {
            Command::AddConsumer { consumer } => Some(consumer),
            _ => None,
        }));
        for c in consumers {
            check_consumer(c)?;
            if !names.insert(format!("c/{}", c.name())) {
                return Err(ScenarioError::DuplicateName(c.name().to_string()));
            }
        }
        Ok(())
    }
}

fn check_producer(p: &ProducerSpec) -> Result<(), ScenarioError> {
    let rate_ok = match p.rate {
        Rate::Constant { per_sec } => per_sec <= super::producer::MAX_RATE,
        Rate::Ramp { from, to, .. } => from.max(to) <= super::producer::MAX_RATE,
        Rate::Spikes { base, peak, .. } => base.max(peak) <= super::producer::MAX_RATE,
    };
    check(rate_ok, "producer.rate", "0..=1000000 records/s")?;
    check((1..=256).contains(&p.name.len()), "producer.name", "1..=256 characters")?;
    if let Batching::Batch { max_records, linger_ms } = p.batching {
        check((1..=500).contains(&max_records), "producer.batching.max_records", "1..=500")?;
        check(linger_ms <= 60_000, "producer.batching.linger_ms", "0..=60000")?;
    }
    let keys = match &p.keys {
        KeyDistribution::Uniform { keys } | KeyDistribution::Zipf { keys } => *keys,
        KeyDistribution::HotKeys { keys, hot, hot_percent } => {
            check(*hot >= 1 && hot <= keys, "producer.keys.hot", "1..=keys")?;
            check(*hot_percent <= 100, "producer.keys.hot_percent", "0..=100")?;
            *keys
        }
        KeyDistribution::Single => 1,
        KeyDistribution::ExplicitHashKeys { hash_keys } => hash_keys.len() as u32,
    };
    check((1..=super::payload::MAX_KEYS).contains(&keys), "producer.keys", "1..=1000000 keys")?;
    let size_ok = match p.size {
        RecordSize::Fixed { bytes } => bytes <= super::payload::MAX_PAYLOAD_BYTES,
        RecordSize::Uniform { min, max } => min <= max && max <= super::payload::MAX_PAYLOAD_BYTES,
    };
    check(size_ok, "producer.size", "0..=1048576 bytes, min <= max")?;
    check(p.retry.max_retries <= 100, "producer.retry.max_retries", "0..=100")
}

fn check_consumer(c: &ConsumerSpec) -> Result<(), ScenarioError> {
    check((1..=128).contains(&c.name().len()), "consumer.name", "1..=128 characters")?;
    match c {
        ConsumerSpec::Polling(p) => {
            check((1..=100).contains(&p.workers), "consumer.workers", "1..=100")?;
            check((1..=10_000).contains(&p.limit), "consumer.limit", "1..=10000")?;
            check((1..=3_600_000).contains(&p.poll_interval_ms), "consumer.poll_interval_ms", "1..=3600000")
        }
        ConsumerSpec::Lambda(l) => {
            check((1..=10_000).contains(&l.batch_size), "consumer.batch_size", "1..=10000")?;
            check(l.batching_window_ms <= 300_000, "consumer.batching_window_ms", "0..=300000")?;
            check((1..=10).contains(&l.parallelization_factor), "consumer.parallelization_factor", "1..=10")?;
            check(l.max_retries <= 10_000, "consumer.max_retries", "0..=10000")?;
            check(l.poison_ppm <= 1_000_000 && l.transient_error_ppm <= 1_000_000, "consumer.*_ppm", "0..=1000000")
        }
        ConsumerSpec::FanOut(f) => {
            let ok = f.name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
            check(ok, "consumer.name", "[a-zA-Z0-9_.-]{1,128} (a ConsumerName)")
        }
    }
}

/// Names of the shipped presets.
pub const PRESETS: [&str; 8] =
    ["activity-logs", "clickstream", "hot-key", "slow-consumer", "resharding", "fan-out", "iot-sensors", "e-commerce"];

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

/// The named preset with `seed`.
pub fn preset(name: &str, seed: u64) -> Result<Scenario, ScenarioError> {
    let base = Scenario { name: name.into(), seed, ..Scenario::default() };
    let s = match name {
        // The course's example: an activity-log producer (boto3 put_record loop), a Lambda
        // function counting actions, and scaling up when traffic grows.
        "activity-logs" => Scenario {
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
        "clickstream" => Scenario {
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
        "hot-key" => Scenario {
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
        "slow-consumer" => Scenario {
            settings: Settings { stream_name: "slow-consumer".into(), shards: 1, ..Settings::default() },
            producers: vec![producer("app", 20, PayloadKind::Activity, KeyDistribution::Uniform { keys: 100 }, 100)],
            consumers: vec![ConsumerSpec::Polling(PollingSpec {
                name: "slow-app".into(),
                limit: 5,
                handler_us_per_record: 200_000,
                ..PollingSpec::default()
            })],
            ..base
        },
        // A split and a merge under load; consumers read parents before children.
        "resharding" => Scenario {
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
        "fan-out" => Scenario {
            settings: Settings { stream_name: "fan-out".into(), shards: 1, ..Settings::default() },
            producers: vec![producer("app", 900, PayloadKind::Opaque, KeyDistribution::Uniform { keys: 100 }, 1_000)],
            consumers: (1..=5)
                .map(|i| polling(&format!("app-{i}")))
                .chain(
                    (1..=5).map(|i| {
                        ConsumerSpec::FanOut(FanOutSpec { name: format!("efo-{i}"), ..FanOutSpec::default() })
                    }),
                )
                .collect(),
            ..base
        },
        // IoT: 50 sensors report every second.
        "iot-sensors" => Scenario {
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
        "e-commerce" => Scenario {
            settings: Settings { stream_name: "orders".into(), shards: 2, ..Settings::default() },
            producers: vec![producer("shop", 20, PayloadKind::Order, KeyDistribution::Uniform { keys: 1_000 }, 160)],
            pipelines: Some(PipelinesSpec::default()),
            ..base
        },
        other => return Err(ScenarioError::UnknownPreset(other.into())),
    };
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_valid_and_round_trip_through_json() {
        for name in PRESETS {
            let s = preset(name, 7).unwrap_or_default();
            assert_eq!(s.name, name);
            assert_eq!(s.validate(), Ok(()), "{name}");
            let back = Scenario::from_json(&s.to_json());
            assert_eq!(back.as_ref().ok(), Some(&s), "{name}: {back:?}");
        }
        assert!(matches!(preset("nope", 1), Err(ScenarioError::UnknownPreset(_))));
    }

    #[test]
    fn bad_input_gets_a_clear_error() {
        let e = Scenario::from_json(r#"{"settings":{"shards":0}}"#);
        assert_eq!(e, Err(ScenarioError::OutOfRange { field: "settings.shards".into(), allowed: "1..=500".into() }));
        assert!(matches!(Scenario::from_json("{"), Err(ScenarioError::Json(_))));
        assert!(matches!(Scenario::from_json(r#"{"seed":-1}"#), Err(ScenarioError::Json(_))));
    }
}
