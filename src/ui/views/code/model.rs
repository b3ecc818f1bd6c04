//! The code panel's model: the Python that the simulation mirrors, generated from the
//! scenario's own specs, and which of its lines runs now.
//!
//! - [`producer_script`]: the course's boto3 loop (note 003: `kinesis_client.put_record(
//!   StreamName=stream_name, Data=json.dumps(data), PartitionKey=…)` then `time.sleep(1)`), with
//!   the scenario's stream name, its payload (the JSON fields the world renders), its
//!   partition-key expression and its rate. A rate of N records/s becomes `time.sleep(1 / RATE)`
//!   after each `put_record` (the course's loop, N times faster); a batching producer appends to
//!   a list and calls `put_records` when it holds `max_records` or has waited `linger_ms`.
//! - [`lambda_script`]: `lambda.py`, the standard Kinesis-triggered handler (base64-decode each
//!   record's `kinesis.data`, `json.loads`, count by the LambdaSpec's `count_by` field). The
//!   course's note 000 describes it but does not print it: the code says it is a reconstruction.
//!   The event shape (`event['Records'][i]['kinesis']['data']`, base64) is AWS's: "Invoke a
//!   Lambda function from a Kinesis trigger",
//!   <https://docs.aws.amazon.com/code-library/latest/ug/lambda_example_serverless_Kinesis_Lambda_section.html>,
//!   and the Lambda developer guide's "Using AWS Lambda with Amazon Kinesis"
//!   (<https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html>).
//! - [`ProducerTracker`] and [`LambdaTracker`] turn what the world shows each frame (calls made,
//!   invocations finished, a batch running) into a phase, and [`Script::line_of`] gives the
//!   phase's line. All pure and tested natively.

use crate::i18n::code::{Msg, Text};
use crate::i18n::{Lang, Message, Phrase};
use crate::world::lambda::LambdaSpec;
use crate::world::payload::{KeyDistribution, PayloadKind, RecordSize, ACTIONS, PAGES, PRODUCTS};
use crate::world::producer::{Batching, ProducerSpec, Rate};

/// A line the phases point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The producer's `put_record` / `put_records` call.
    Call,
    /// The producer's `time.sleep`.
    Sleep,
    /// The handler's `for record in event['Records']:`.
    Loop,
    /// The handler's `return`.
    Return,
}

/// Generated code: its lines and where the marked ones are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    /// The lines, without line ends.
    pub lines: Vec<String>,
    /// The marked lines: (mark, 0-based line index).
    pub marks: Vec<(Mark, usize)>,
}

impl Script {
    fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    fn mark(&mut self, mark: Mark, line: impl Into<String>) {
        self.marks.push((mark, self.lines.len()));
        self.push(line);
    }

    /// The 0-based index of the line a mark points at.
    pub fn line_of(&self, mark: Mark) -> Option<usize> {
        self.marks.iter().find(|(m, _)| *m == mark).map(|(_, i)| *i)
    }

    /// The whole text, lines joined by `\n` (what a copy gives).
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }
}

/// A Python string literal (single quotes, as the course writes them).
fn py_str(s: &str) -> String {
    let escaped = s.replace('\\', "\\\\").replace('\'', "\\'");
    format!("'{escaped}'")
}

/// A Python list of string literals.
fn py_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    format!("[{}]", items.map(py_str).collect::<Vec<_>>().join(", "))
}

/// The Python expression of a record's partition key, as the world picks it
/// (`world::payload`): the payload kind's prefix and a key number drawn by the distribution.
pub fn key_expression(kind: PayloadKind, keys: &KeyDistribution) -> String {
    let prefix = kind.key_prefix();
    let n = keys.key_count();
    let number = match keys {
        KeyDistribution::Uniform { .. } | KeyDistribution::ExplicitHashKeys { .. } => format!("random.randrange({n})"),
        KeyDistribution::Zipf { .. } => {
            format!("random.choices(range({n}), weights=[1 / (k + 1) for k in range({n})])[0]")
        }
        KeyDistribution::HotKeys { hot, hot_percent, .. } => {
            let hot = (*hot).clamp(1, n);
            if hot >= n {
                format!("random.randrange({n})")
            } else {
                let p = (*hot_percent).min(100);
                format!("random.randrange({hot}) if random.random() < {p} / 100 else random.randrange({hot}, {n})")
            }
        }
        KeyDistribution::Single => return py_str(&format!("{prefix}-0")),
    };
    format!("f'{prefix}-{{{number}}}'")
}

/// The payload lines (`data = {…}`) of a kind, indented by `pad`, and the constants they use.
fn payload(kind: PayloadKind, size: RecordSize, key: &str, pad: &str, lang: Lang) -> (Vec<String>, Vec<String>) {
    let weights = |w: &[(&str, u64)]| w.iter().map(|(_, n)| n.to_string()).collect::<Vec<_>>().join(", ");
    let names = |w: &'static [(&'static str, u64)]| py_list(w.iter().map(|(s, _)| *s));
    let fields: Vec<(&str, String)> = match kind {
        PayloadKind::Activity => vec![
            ("event_id", "i".into()),
            ("user", key.into()),
            ("action", "random.choices(ACTIONS, weights=WEIGHTS)[0]".into()),
            ("ts", "time.time()".into()),
        ],
        PayloadKind::Clickstream => vec![
            ("event_id", "i".into()),
            ("session", key.into()),
            ("page", "random.choice(PAGES)".into()),
            ("ts", "time.time()".into()),
        ],
        PayloadKind::Sensor => vec![
            ("sensor", key.into()),
            ("temp_c", "round(random.uniform(16.5, 25.4), 1)".into()),
            ("ts", "time.time()".into()),
        ],
        PayloadKind::Order => vec![
            ("order_id", "i".into()),
            ("customer", key.into()),
            ("product", "random.choices(PRODUCTS, weights=WEIGHTS)[0]".into()),
            ("qty", "random.randint(1, 3)".into()),
            ("ts", "time.time()".into()),
        ],
        PayloadKind::Opaque => {
            return (
                vec![
                    format!("{pad}{}", Text::CommentOpaque.text(lang)),
                    format!(
                        "{pad}data = os.urandom({})",
                        match size {
                            RecordSize::Fixed { bytes } => bytes.to_string(),
                            RecordSize::Uniform { min, max } => format!("random.randint({min}, {max})"),
                        }
                    ),
                ],
                vec![],
            );
        }
    };
    let consts = match kind {
        PayloadKind::Activity => {
            vec![format!("ACTIONS = {}", names(&ACTIONS)), format!("WEIGHTS = [{}]", weights(&ACTIONS))]
        }
        PayloadKind::Clickstream => vec![format!("PAGES = {}", py_list(PAGES.iter().copied()))],
        PayloadKind::Order => {
            vec![format!("PRODUCTS = {}", names(&PRODUCTS)), format!("WEIGHTS = [{}]", weights(&PRODUCTS))]
        }
        PayloadKind::Sensor | PayloadKind::Opaque => vec![],
    };
    let mut lines = vec![format!("{pad}data = {{")];
    lines.extend(fields.iter().map(|(k, v)| format!("{pad}    '{k}': {v},")));
    lines.push(format!("{pad}}}"));
    (lines, consts)
}

/// How the rate changes, for the `RATE` comment (empty when it is constant).
fn rate_how(rate: &Rate) -> String {
    match *rate {
        Rate::Constant { .. } => String::new(),
        Rate::Ramp { from, to, over_ms } => format!("{from} → {to}, {} min", over_ms / 60_000),
        Rate::Spikes { base, peak, every_ms, spike_ms } => {
            format!("{base} … {peak}, {} s / {} s", spike_ms / 1000, every_ms / 1000)
        }
    }
}

/// The course's boto3 producer for `spec` writing to `stream`, at `rate_now` records/s.
pub fn producer_script(spec: &ProducerSpec, stream: &str, rate_now: u64, lang: Lang) -> Script {
    let key = key_expression(spec.kind, &spec.keys);
    let opaque = spec.kind == PayloadKind::Opaque;
    let mut s = Script::default();
    s.push("import boto3");
    if !opaque {
        s.push("import json");
    }
    if opaque {
        s.push("import os");
    }
    s.push("import random");
    s.push("import time");
    s.push("");
    s.push(Text::CommentClient.text(lang));
    s.push("kinesis_client = boto3.client('kinesis', region_name='us-east-1')");
    s.push("");
    s.push(format!("stream_name = {}", py_str(stream)));
    s.push(Msg::CommentRate { how: rate_how(&spec.rate) }.text(lang));
    s.push(format!("RATE = {rate_now}"));
    let (data, consts) = payload(spec.kind, spec.size, "partition_key", "    ", lang);
    for c in consts {
        s.push(c);
    }
    let explicit = match &spec.keys {
        KeyDistribution::ExplicitHashKeys { hash_keys } => {
            s.push(format!(
                "HASH_KEYS = [{}]",
                hash_keys.iter().map(|h| py_str(&h.to_string())).collect::<Vec<_>>().join(", ")
            ));
            true
        }
        _ => false,
    };
    s.push("");
    s.push(Text::CommentSend.text(lang));
    let payload_arg = if opaque { "data" } else { "json.dumps(data)" };
    match spec.batching {
        Batching::Single => {
            s.push("i = 0");
            s.push("while True:");
            s.push(format!("    partition_key = {key}"));
            s.extend_lines(data);
            s.mark(Mark::Call, "    kinesis_client.put_record(");
            s.push("        StreamName=stream_name,");
            s.push(format!("        Data={payload_arg},"));
            if explicit {
                s.push("        ExplicitHashKey=random.choice(HASH_KEYS),");
            }
            s.push(format!("        PartitionKey=partition_key  {}", Text::CommentPartitionKey.text(lang)));
            s.push("    )");
            s.push("    i += 1");
            s.mark(Mark::Sleep, format!("    time.sleep(1 / RATE)  {}", Text::CommentSleep.text(lang)));
        }
        Batching::Batch { max_records, linger_ms } => {
            s.push(Text::CommentBatch.text(lang));
            s.push(format!("BATCH = {max_records}"));
            s.push(format!("LINGER = {}", py_seconds(linger_ms)));
            s.push("batch, first = [], time.time()");
            s.push("i = 0");
            s.push("while True:");
            s.push(format!("    partition_key = {key}"));
            s.extend_lines(data);
            let ehk = if explicit { ", 'ExplicitHashKey': random.choice(HASH_KEYS)" } else { "" };
            s.push(format!(
                "    batch.append({{'Data': {payload_arg}, 'PartitionKey': partition_key{ehk}}})  {}",
                Text::CommentPartitionKey.text(lang)
            ));
            s.push("    i += 1");
            s.push("    if len(batch) >= BATCH or time.time() - first >= LINGER:");
            s.mark(Mark::Call, "        kinesis_client.put_records(StreamName=stream_name, Records=batch)");
            s.push("        batch, first = [], time.time()");
            s.mark(Mark::Sleep, format!("    time.sleep(1 / RATE)  {}", Text::CommentSleep.text(lang)));
        }
    }
    s
}

/// Seconds as Python writes them (`0.1`, `5`).
fn py_seconds(ms: u64) -> String {
    if ms % 1000 == 0 {
        (ms / 1000).to_string()
    } else {
        let text = format!("{}.{:03}", ms / 1000, ms % 1000);
        text.trim_end_matches('0').to_string()
    }
}

impl Script {
    fn extend_lines(&mut self, lines: Vec<String>) {
        self.lines.extend(lines);
    }
}

/// `lambda.py` for a Lambda consumer: count the records by its `count_by` field.
pub fn lambda_script(spec: &LambdaSpec, lang: Lang) -> Script {
    let mut s = Script::default();
    s.push(Text::CommentReconstruction.text(lang));
    s.push("import base64");
    s.push("import json");
    s.push("");
    s.push(Text::CommentCounts.text(lang));
    s.push("counts = {}");
    s.push("");
    s.push("def lambda_handler(event, context):");
    s.mark(Mark::Loop, "    for record in event['Records']:");
    s.push(format!("        {}", Text::CommentBase64.text(lang)));
    s.push("        payload = base64.b64decode(record['kinesis']['data'])");
    s.push("        data = json.loads(payload)");
    s.push(format!("        key = data[{}]", py_str(&spec.count_by)));
    s.push("        counts[key] = counts.get(key, 0) + 1");
    s.push("    print(counts)");
    s.mark(Mark::Return, "    return {'statusCode': 200, 'body': json.dumps(counts)}");
    s
}

/// What the producer is doing now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProducerPhase {
    /// It made a call to Kinesis within the last [`SENDING_SHOW_MS`].
    Sending,
    /// Between calls.
    Sleeping,
    /// Stopped, or its rate is 0.
    Stopped,
}

impl ProducerPhase {
    /// The line it runs.
    pub fn mark(self) -> Option<Mark> {
        match self {
            ProducerPhase::Sending => Some(Mark::Call),
            ProducerPhase::Sleeping => Some(Mark::Sleep),
            ProducerPhase::Stopped => None,
        }
    }

    /// Its description.
    pub fn text(self) -> Text {
        match self {
            ProducerPhase::Sending => Text::PhaseSending,
            ProducerPhase::Sleeping => Text::PhaseSleeping,
            ProducerPhase::Stopped => Text::PhaseStopped,
        }
    }
}

/// What the Lambda function is doing now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LambdaPhase {
    /// An invocation is in progress (a batch is running on some shard).
    Running,
    /// An invocation finished within the last [`RETURN_SHOW_MS`].
    Returned,
    /// Between batches.
    Idle,
}

impl LambdaPhase {
    /// The line it runs.
    pub fn mark(self) -> Option<Mark> {
        match self {
            LambdaPhase::Running => Some(Mark::Loop),
            LambdaPhase::Returned => Some(Mark::Return),
            LambdaPhase::Idle => None,
        }
    }

    /// Its description.
    pub fn text(self) -> Text {
        match self {
            LambdaPhase::Running => Text::PhaseRunning,
            LambdaPhase::Returned => Text::PhaseReturned,
            LambdaPhase::Idle => Text::PhaseIdle,
        }
    }
}

/// Simulated ms the call line stays lit after a call (a frame at 1× is ~17 ms: without it, a
/// producer of 20 records/s would flicker between two lines).
pub const SENDING_SHOW_MS: u64 = 250;
/// Simulated ms the `return` line stays lit after an invocation finishes.
pub const RETURN_SHOW_MS: u64 = 300;

/// Follows a producer's call count from frame to frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProducerTracker {
    /// Calls seen last time.
    calls: u64,
    /// Simulated ms when the count last grew.
    last_call_ms: Option<u64>,
    /// Simulated ms of the last observation (a smaller one means a rebuilt world).
    seen_ms: u64,
    /// Observed before: a count seen for the first time (a panel opened mid-run) is not a call
    /// made now.
    started: bool,
}

impl ProducerTracker {
    /// The phase at `now_ms`, given the producer's `calls` so far and whether it is `stopped`
    /// (or at rate 0).
    pub fn observe(&mut self, calls: u64, now_ms: u64, stopped: bool) -> ProducerPhase {
        if now_ms < self.seen_ms || calls < self.calls {
            *self = ProducerTracker::default();
        }
        if calls > self.calls && self.started {
            self.last_call_ms = Some(now_ms);
        }
        self.started = true;
        self.calls = calls;
        self.seen_ms = now_ms;
        let recent = self.last_call_ms.is_some_and(|t| now_ms.saturating_sub(t) <= SENDING_SHOW_MS);
        match (stopped, recent) {
            (_, true) => ProducerPhase::Sending,
            (true, false) => ProducerPhase::Stopped,
            (false, false) => ProducerPhase::Sleeping,
        }
    }
}

/// Follows a Lambda's invocations from frame to frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LambdaTracker {
    /// Invocations seen last time.
    invocations: u64,
    /// Simulated ms when the count last grew.
    last_return_ms: Option<u64>,
    /// Simulated ms of the last observation.
    seen_ms: u64,
    /// Observed before (see [`ProducerTracker`]).
    started: bool,
}

impl LambdaTracker {
    /// The phase at `now_ms`, given the finished `invocations` so far and whether a batch is
    /// `running` now.
    pub fn observe(&mut self, invocations: u64, running: bool, now_ms: u64) -> LambdaPhase {
        if now_ms < self.seen_ms || invocations < self.invocations {
            *self = LambdaTracker::default();
        }
        if invocations > self.invocations && self.started {
            self.last_return_ms = Some(now_ms);
        }
        self.started = true;
        self.invocations = invocations;
        self.seen_ms = now_ms;
        if running {
            LambdaPhase::Running
        } else if self.last_return_ms.is_some_and(|t| now_ms.saturating_sub(t) <= RETURN_SHOW_MS) {
            LambdaPhase::Returned
        } else {
            LambdaPhase::Idle
        }
    }
}

/// The lit line of `script` for a phase's mark (`None`: no line runs).
pub fn lit_line(script: &Script, mark: Option<Mark>) -> Option<usize> {
    mark.and_then(|m| script.line_of(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::consumer::ConsumerSpec;
    use crate::world::presets::Preset;

    fn first_producer(p: Preset) -> ProducerSpec {
        p.scenario(1).producers.first().cloned().unwrap_or_default()
    }

    fn first_lambda(p: Preset) -> Option<LambdaSpec> {
        p.scenario(1).consumers.into_iter().find_map(|c| match c {
            ConsumerSpec::Lambda(l) => Some(l),
            _ => None,
        })
    }

    /// The course's example scenario: its stream name, key expression and rate are in the code,
    /// and the marked lines are the call and the sleep.
    #[test]
    fn the_activity_logs_producer_is_the_course_loop_with_its_values() {
        let spec = first_producer(Preset::ActivityLogs);
        let s = producer_script(&spec, "my-activity-logs", 200, Lang::Es);
        let text = s.text();
        assert!(text.contains("stream_name = 'my-activity-logs'"), "{text}");
        assert!(text.contains("# registros por segundo ahora (200 → 1600, 10 min)\nRATE = 200\n"), "{text}");
        assert!(text.contains("partition_key = f'user-{random.randrange(500)}'"), "{text}");
        assert!(text.contains("ACTIONS = ['view', 'click', 'login', 'add_to_cart', 'purchase', 'logout']"), "{text}");
        assert!(text.contains("WEIGHTS = [40, 30, 10, 10, 5, 5]"), "{text}");
        assert!(text.contains("PartitionKey=partition_key  # Determina a qué shard irá el dato"), "{text}");
        let call = s.line_of(Mark::Call).map(|i| s.lines[i].as_str());
        let sleep = s.line_of(Mark::Sleep).map(|i| s.lines[i].as_str());
        assert_eq!(call, Some("    kinesis_client.put_record("));
        assert!(sleep.is_some_and(|l| l.starts_with("    time.sleep(1 / RATE)")), "{sleep:?}");
        assert_eq!(s.line_of(Mark::Loop), None);
        let en = producer_script(&spec, "orders", 7, Lang::En).text();
        assert!(
            en.contains("stream_name = 'orders'")
                && en.contains("# records per second now (200 → 1600, 10 min)\nRATE = 7\n"),
            "{en}"
        );
    }

    #[test]
    fn each_payload_kind_and_key_distribution_has_its_python() {
        let keys = |k: KeyDistribution| key_expression(PayloadKind::Sensor, &k);
        assert_eq!(keys(KeyDistribution::Single), "'sensor-0'");
        assert_eq!(keys(KeyDistribution::Uniform { keys: 50 }), "f'sensor-{random.randrange(50)}'");
        assert_eq!(
            keys(KeyDistribution::HotKeys { keys: 1000, hot: 1, hot_percent: 90 }),
            "f'sensor-{random.randrange(1) if random.random() < 90 / 100 else random.randrange(1, 1000)}'"
        );
        assert!(keys(KeyDistribution::Zipf { keys: 10 }).contains("weights=[1 / (k + 1) for k in range(10)]"));
        // The batching IoT producer calls put_records.
        let iot = producer_script(&first_producer(Preset::IotSensors), "iot-sensors", 50, Lang::En);
        let call = iot.line_of(Mark::Call).map(|i| iot.lines[i].clone()).unwrap_or_default();
        assert!(call.contains("put_records(StreamName=stream_name, Records=batch)"), "{call}");
        assert!(iot.text().contains("BATCH = 500") && iot.text().contains("LINGER = 0.1"), "{}", iot.text());
        assert!(iot.text().contains("'temp_c': round("), "{}", iot.text());
        // Opaque data is bytes, not JSON.
        let fan = producer_script(&first_producer(Preset::FanOut), "fan-out", 900, Lang::En).text();
        assert!(
            fan.contains("data = os.urandom(1000)") && fan.contains("Data=data,") && !fan.contains("json"),
            "{fan}"
        );
        let orders = producer_script(&first_producer(Preset::ECommerce), "orders", 20, Lang::Es).text();
        assert!(orders.contains("'customer': partition_key,") && orders.contains("PRODUCTS = ['laptop'"), "{orders}");
        // A quote in a stream name cannot break the string.
        assert!(producer_script(&ProducerSpec::default(), "a'b", 1, Lang::Es).text().contains(r"stream_name = 'a\'b'"));
    }

    #[test]
    fn lambda_py_counts_by_the_specs_field_and_says_it_is_reconstructed() {
        for (preset, field) in
            [(Preset::ActivityLogs, "action"), (Preset::Clickstream, "page"), (Preset::IotSensors, "sensor")]
        {
            let spec = first_lambda(preset).unwrap_or_default();
            let s = lambda_script(&spec, Lang::Es);
            assert!(s.text().contains(&format!("key = data['{field}']")), "{}", s.text());
            assert!(s.lines[0].contains("reconstruido"), "{}", s.lines[0]);
            assert!(s.text().contains("base64.b64decode(record['kinesis']['data'])"));
            assert_eq!(s.line_of(Mark::Loop).map(|i| s.lines[i].as_str()), Some("    for record in event['Records']:"));
            assert!(s.line_of(Mark::Return).is_some_and(|i| s.lines[i].trim_start().starts_with("return")));
        }
        assert_eq!(first_lambda(Preset::HotKey), None);
    }

    /// Which line is lit for which state, frame by frame.
    #[test]
    fn the_producer_line_follows_its_calls() {
        let s = producer_script(&ProducerSpec::default(), "s", 10, Lang::Es);
        let (call, sleep) = (s.line_of(Mark::Call), s.line_of(Mark::Sleep));
        let mut t = ProducerTracker::default();
        assert_eq!(t.observe(0, 0, false), ProducerPhase::Sleeping);
        assert_eq!(t.observe(3, 16, false), ProducerPhase::Sending);
        assert_eq!(lit_line(&s, ProducerPhase::Sending.mark()), call);
        assert_eq!(t.observe(3, 16 + SENDING_SHOW_MS, false), ProducerPhase::Sending);
        assert_eq!(t.observe(3, 17 + SENDING_SHOW_MS, false), ProducerPhase::Sleeping);
        assert_eq!(lit_line(&s, ProducerPhase::Sleeping.mark()), sleep);
        assert_eq!(t.observe(3, 2_000, true), ProducerPhase::Stopped);
        assert_eq!(lit_line(&s, ProducerPhase::Stopped.mark()), None);
        // A rebuilt world starts again at 0.
        assert_eq!(t.observe(0, 0, false), ProducerPhase::Sleeping);
        assert_eq!(t.observe(1, 10, false), ProducerPhase::Sending);
        // A panel opened mid-run has not seen a call yet.
        let mut late = ProducerTracker::default();
        assert_eq!(late.observe(500, 60_000, false), ProducerPhase::Sleeping);
        assert_eq!(late.observe(501, 60_016, false), ProducerPhase::Sending);
    }

    #[test]
    fn the_lambda_line_follows_its_invocations() {
        let s = lambda_script(&LambdaSpec::default(), Lang::En);
        let mut t = LambdaTracker::default();
        assert_eq!(t.observe(0, false, 0), LambdaPhase::Idle);
        assert_eq!(lit_line(&s, LambdaPhase::Idle.mark()), None);
        assert_eq!(t.observe(0, true, 1_000), LambdaPhase::Running);
        assert_eq!(lit_line(&s, LambdaPhase::Running.mark()), s.line_of(Mark::Loop));
        assert_eq!(t.observe(1, false, 1_070), LambdaPhase::Returned);
        assert_eq!(lit_line(&s, LambdaPhase::Returned.mark()), s.line_of(Mark::Return));
        assert_eq!(t.observe(1, false, 1_070 + RETURN_SHOW_MS), LambdaPhase::Returned);
        assert_eq!(t.observe(1, false, 1_071 + RETURN_SHOW_MS), LambdaPhase::Idle);
        // Running wins over a return seen in the same frame (the next batch started).
        assert_eq!(t.observe(2, true, 2_000), LambdaPhase::Running);
    }
}
