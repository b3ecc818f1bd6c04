//! English.

use super::pipelines::PipelinesText;
use super::{Lang, Msg, Text};
use crate::world::error::{Named, WorldError};

/// The English text of `t`.
pub fn text(t: Text) -> &'static str {
    match t {
        Text::AppTitle => "Kinesis Playground",
        Text::Tagline => "Amazon Kinesis Data Streams, simulated and drawn",
        Text::ViewOverview => "Overview",
        Text::ViewHashing => "Key hashing",
        Text::ViewFlow => "Record flow",
        Text::ViewRetention => "Retention",
        Text::ViewResharding => "Resharding (lineage)",
        Text::ViewPipelines => "Lambda vs Kappa",
        Text::Views => "Views",
        Text::Play => "Play",
        Text::Pause => "Pause",
        Text::Step => "Step",
        Text::StepHelp => "Advance one simulated second (→ key)",
        Text::Reset => "Reset",
        Text::ResetHelp => "Back to time 0 with the same seed and settings",
        Text::Speed => "Speed",
        Text::SpeedHelp => "Simulated seconds per real second: 1× is real time, 60× runs a minute per second and 3600× an hour per second",
        Text::SimTime => "Simulated time",
        Text::Seed => "Seed",
        Text::SeedHelp => "The same seed and settings always give exactly the same simulation",
        Text::Language => "Language",
        Text::StreamControls => "Stream",
        Text::Scenario => "Scenario",
        Text::Shards => "Shards",
        Text::ShardsHelp => "Shards when the stream is created (CreateStream ShardCount), 1 to 64 in this view",
        Text::Rate => "Producer records/s",
        Text::Keys => "Partition keys",
        Text::KeysUniform => "Uniform",
        Text::KeysHot => "A few hot keys",
        Text::Limits => "Per-shard limits",
        Text::LimitsHelp => "AWS always enforces 1 MiB/s and 1,000 records/s of writes and 2 MiB/s and 5 reads/s per shard; switch them off to compare",
        Text::StreamName => "Stream name (StreamName)",
        Text::StreamNameHelp => "Validated as AWS does: [a-zA-Z0-9_.-]+, up to 128 characters",
        Text::ModelAssumptions => "Model assumptions",
        Text::AssumeTime => "Time is virtual: it starts at 2025-01-01 00:00 UTC and only moves with the simulation clock.",
        Text::AssumeBuckets => "Throughput limits are token buckets that refill continuously; AWS does not publish its exact windows.",
        Text::AssumeConsumers => "Consumers have no network latency: polling readers call every 1 s, enhanced fan-out receives records ~70 ms after arrival.",
        Text::AssumePayloads => "Producer data is generated deterministically from the seed, like the JSON events of the course's example.",
        Text::AssumeReshard => "Status changes (CREATING → ACTIVE, UPDATING) take a fixed few seconds; in AWS they vary.",
        Text::AssumePipelines => "Lambda vs Kappa (e-commerce): the master dataset keeps only the two fields the query reads (product and quantity), one object per arrival minute; a batch cycle costs 60 s + 0.2 ms per fact and recomputes the objects sealed when it starts; a Kappa job with parallelism P divides its per-record cost by P, and one with enhanced fan-out processes events as fast as they arrive; storage counts key-value rows (product, minute, 8 bytes) outside the stream; the teaching bug writes every result twice.",
        Text::OverviewHelp => "Each row is a shard with its hash key range. Dots are records: they enter on the left when the stream accepts them and move with their age; their height is their hash's place in the shard's range and their colour follows the partition key.",
        Text::Incoming => "accepted",
        Text::PerSecond => "rec/s",
        Text::Throttled => "throttled",
        Text::Stored => "retained",
        Text::Closed => "CLOSED",
        Text::Accepted => "Accepted",
        Text::Produced => "Produced",
        Text::Dropped => "Dropped",
        Text::Consumers => "Consumers",
        Text::Delivered => "delivered",
        Text::Lag => "lag (MillisBehindLatest)",
        Text::Lost => "lost (expired unread)",
        Text::ConsumerKindCol => "Kind",
        Text::KindPolling => "shared polling (GetRecords)",
        Text::KindFanOut => "enhanced fan-out (SubscribeToShard)",
        Text::KindLambda => "AWS Lambda (event source mapping)",
        Text::Digest => "Digest",
        Text::DigestHelp => "A hash of the event log: the same seed and settings give the same digest here and in the native runner",
        Text::Dismiss => "Dismiss",
        Text::OpenFull => "Open full app",
        Text::Shortcuts => "Shortcuts: space = play/pause, → = step",
        Text::AgeAxis => "record age →",
        Text::Disclaimer => "A teaching simulation: it never connects to AWS.",
        Text::MemoryPaused => "Paused: the stream retains more than 4 million records and the browser would run out of memory. Lower the rate or the speed, or reset.",
        Text::CpuCapped => "The clock runs slower than asked: each frame simulates at most 20,000 records.",
        Text::PresetActivityLogs => "activity-logs: the course's example, activity logs, a Lambda counting actions and a shard increase",
        Text::PresetClickstream => "clickstream: several applications read the same stream independently",
        Text::PresetHotKey => "hot-key: one hot key saturates a single shard",
        Text::PresetSlowConsumer => "slow-consumer: a slow consumer falls behind past retention and loses data",
        Text::PresetResharding => "resharding: a split and a merge under load, read in order",
        Text::PresetFanOut => "fan-out: 5 polling consumers share 2 MiB/s; 5 enhanced fan-out consumers get 2 MiB/s each",
        Text::PresetIotSensors => "iot-sensors: temperature sensors sending batches",
        Text::PresetECommerce => "e-commerce: orders feeding the Lambda and Kappa pipelines",
    }
}

/// The English text of `m`.
pub fn msg(m: &Msg) -> String {
    match m {
        Msg::BadParam { name, value, allowed } => {
            format!("Ignored “{name}={value}” in the link: allowed is {allowed}. Using the default.")
        }
        Msg::UnknownParam { name } => format!("Ignored the unknown link parameter “{name}”."),
        Msg::UnknownView { slug } => format!("There is no view “{slug}”; showing the overview."),
        Msg::UnknownPanel { view, panel, allowed } => {
            format!("The view “{view}” has no panel “{panel}” (it takes {allowed}); showing both.")
        }
        Msg::BadField { field, value, allowed } => format!("{field}: “{value}” is not valid; allowed is {allowed}."),
        Msg::AwsError { error, message } => format!("AWS would answer {error}: {message}"),
        Msg::World(e) => world_error(e),
        Msg::OpenShards { n: 1 } => "1 open shard".into(),
        Msg::OpenShards { n } => format!("{n} open shards"),
        Msg::SpeedOption { factor } => format!("{factor}×"),
    }
}

/// The English text of a world command's failure.
pub fn world_error(e: &WorldError) -> String {
    match e {
        WorldError::Aws(a) => {
            format!("AWS would answer {}: {}", a.error_type.as_str(), a.message.as_deref().unwrap_or_default())
        }
        WorldError::NotFound { kind: Named::Producer, name } => format!("There is no producer named “{name}”."),
        WorldError::NotFound { kind: Named::Consumer, name } => format!("There is no consumer named “{name}”."),
        WorldError::NotFound { kind: Named::PollingConsumer, name } => {
            format!("There is no polling (KCL) consumer named “{name}”.")
        }
        WorldError::Refused(r) => PipelinesText::refusal(*r).text(Lang::En).into(),
    }
}
