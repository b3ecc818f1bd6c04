//! Scenarios: `(seed, settings, timed commands)`, serialised as compact JSON.
//!
//! One format serves as the URL state, the replay file of the native runner and a test fixture
//! (STYLE rule 5). A scenario names the stream's starting settings, the producers and consumers
//! present at the start, and commands at times counted from the moment the stream became
//! `ACTIVE`. A command is either any Kinesis API call (`{"api":"SplitShard","request":{…}}`, with
//! `StreamName` filled in when omitted) or a world action (add a producer, kill a worker, …).
//!
//! The named presets are the course's teaching cases; see `Preset` (`presets.rs`).

use super::consumer::ConsumerSpec;
use super::pipeline_spec::{PipelineAction, PipelinesSpec};
use super::producer::{Batching, ProducerSpec, Rate, MAX_RATE};
use crate::engine::error::ApiError;
use crate::world::payload::{KeyDistribution, RecordSize, MAX_KEYS, MAX_PAYLOAD_BYTES};
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
    /// Takes an Availability Zone down or brings it back (a simulation control, not an AWS API;
    /// see `engine/state/replication.rs`), e.g. `{"do":"set-availability-zone","zone":1,"up":false}`.
    SetAvailabilityZone {
        /// Zone number: 0, 1 or 2 (`<region>a`, `b`, `c`).
        zone: usize,
        /// Up (true) or down (false).
        up: bool,
    },
    /// Creates a Firehose delivery stream reading the stream into S3 (`CreateDeliveryStream`).
    CreateDeliveryStream {
        /// `DeliveryStreamName`.
        name: String,
        /// Its buffering hints (AWS's defaults when absent).
        #[serde(default)]
        hints: crate::world::firehose::BufferingHints,
    },
    /// Changes a delivery stream's buffering hints (`UpdateDestination`).
    UpdateBufferingHints {
        /// `DeliveryStreamName`.
        name: String,
        /// The new hints.
        hints: crate::world::firehose::BufferingHints,
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
    /// The engine refused to create the stream: AWS's error.
    CreateStream(ApiError),
}

/// Terse and code-like, for logs and the native runner: `OutOfRange: settings.shards 1..=500`.
/// What a person reads is written by `i18n`.
impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Json(m) => write!(f, "Json: {m}"),
            ScenarioError::OutOfRange { field, allowed } => write!(f, "OutOfRange: {field} {allowed}"),
            ScenarioError::DuplicateName(n) => write!(f, "DuplicateName: {n}"),
            ScenarioError::CreateStream(e) => {
                write!(f, "{}: {}", e.error_type.as_str(), e.message.as_deref().unwrap_or_default())
            }
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
        Rate::Constant { per_sec } => per_sec <= MAX_RATE,
        Rate::Ramp { from, to, .. } => from.max(to) <= MAX_RATE,
        Rate::Spikes { base, peak, .. } => base.max(peak) <= MAX_RATE,
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
    check((1..=MAX_KEYS).contains(&keys), "producer.keys", "1..=1000000 keys")?;
    let size_ok = match p.size {
        RecordSize::Fixed { bytes } => bytes <= MAX_PAYLOAD_BYTES,
        RecordSize::Uniform { min, max } => min <= max && max <= MAX_PAYLOAD_BYTES,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_gets_a_clear_error() {
        let e = Scenario::from_json(r#"{"settings":{"shards":0}}"#);
        assert_eq!(e, Err(ScenarioError::OutOfRange { field: "settings.shards".into(), allowed: "1..=500".into() }));
        assert!(matches!(Scenario::from_json("{"), Err(ScenarioError::Json(_))));
        assert!(matches!(Scenario::from_json(r#"{"seed":-1}"#), Err(ScenarioError::Json(_))));
    }
}
