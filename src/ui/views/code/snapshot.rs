//! What the code panel shows, read from the running world each frame: the scenario's first
//! producer and first Lambda function, their code ([`super::model`]), the line each runs now,
//! the event source mapping's settings, and the Lambda's counts (`LambdaApp::counts`, the
//! course's result: how often each action occurs).

use super::model::{
    lambda_script, lit_line, producer_script, LambdaPhase, LambdaTracker, ProducerPhase, ProducerTracker, Script,
};
use crate::i18n::Lang;
use crate::ui::sim::Sim;
use crate::ui::snapshot::ConsumerKind;
use crate::world::lambda::LambdaSpec;
use crate::world::producer::Batching;
use crate::world::ConsumerApp;

/// The producer's part of the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProducerCode {
    /// Its name.
    pub name: String,
    /// Its code.
    pub script: Script,
    /// What it does now.
    pub phase: ProducerPhase,
    /// The line it runs now (0-based).
    pub lit: Option<usize>,
    /// Records per second now.
    pub rate: u64,
    /// Records per `put_records` call (0: one `put_record` per record).
    pub batch: u32,
    /// The longest a batched record waits, ms.
    pub linger_ms: u64,
}

/// The Lambda's part of the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaCode {
    /// Its settings (function name, event source mapping, the field it counts by).
    pub spec: LambdaSpec,
    /// `lambda.py`.
    pub script: Script,
    /// What it does now.
    pub phase: LambdaPhase,
    /// The line it runs now (0-based).
    pub lit: Option<usize>,
    /// Invocations that finished.
    pub invocations: u64,
    /// Records counted per value of the `count_by` field, most frequent first (ties by name).
    pub counts: Vec<(String, u64)>,
}

/// Everything the code panel shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeSnapshot {
    /// The stream the scenario's producers write.
    pub stream: String,
    /// The first producer (`None`: the scenario has none).
    pub producer: Option<ProducerCode>,
    /// The other producers' names.
    pub other_producers: Vec<String>,
    /// The first Lambda consumer.
    pub lambda: Option<LambdaCode>,
    /// The other Lambda consumers' names.
    pub other_lambdas: Vec<String>,
    /// Every consumer: name and kind (what to say when there is no Lambda).
    pub consumers: Vec<(String, ConsumerKind)>,
}

/// The phases seen from frame to frame: keep one per open panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeTracker {
    /// The first producer's.
    pub producer: ProducerTracker,
    /// The first Lambda's.
    pub lambda: LambdaTracker,
}

impl CodeSnapshot {
    /// The panel for the world in `sim` now, in `lang` (the code's comments), moving `tracker`
    /// on by this frame.
    pub fn of(sim: &Sim, tracker: &mut CodeTracker, lang: Lang) -> CodeSnapshot {
        let world = sim.world();
        let now = sim.elapsed_ms();
        let stream = world.stream_name().to_string();
        let producers = world.producers();
        let producer = producers.first().map(|p| {
            let rate = if p.stopped { 0 } else { p.spec.rate.at(world.now().since(p.started)) };
            let script = producer_script(&p.spec, &stream, rate, lang);
            let phase = tracker.producer.observe(p.stats.calls, now, rate == 0);
            let (batch, linger_ms) = match p.spec.batching {
                Batching::Single => (0, 0),
                Batching::Batch { max_records, linger_ms } => (max_records, linger_ms),
            };
            let lit = lit_line(&script, phase.mark());
            ProducerCode { name: p.spec.name.clone(), script, phase, lit, rate, batch, linger_ms }
        });
        let other_producers = producers.iter().skip(1).map(|p| p.spec.name.clone()).collect();
        let live: Vec<&ConsumerApp> =
            world.consumers().iter().enumerate().filter(|(i, _)| !world.is_removed(*i)).map(|(_, c)| c).collect();
        let mut lambdas = live.iter().filter_map(|c| match c {
            ConsumerApp::Lambda(l) => Some(l),
            _ => None,
        });
        let lambda = lambdas.next().map(|l| {
            let running = l.core.shards.values().any(|s| s.lanes.iter().any(|lane| lane.running.is_some()));
            let phase = tracker.lambda.observe(l.stats.invocations, running, now);
            let script = lambda_script(&l.spec, lang);
            let mut counts: Vec<(String, u64)> = l.counts.iter().map(|(k, n)| (k.clone(), *n)).collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let lit = lit_line(&script, phase.mark());
            LambdaCode { spec: l.spec.clone(), script, phase, lit, invocations: l.stats.invocations, counts }
        });
        let other_lambdas = lambdas.map(|l| l.spec.name.clone()).collect();
        let consumers = live.iter().map(|c| (c.name().to_string(), ConsumerKind::of(c))).collect();
        CodeSnapshot { stream, producer, other_producers, lambda, other_lambdas, consumers }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sim::Settings;
    use crate::world::presets::Preset;

    fn sim(p: Preset) -> Sim {
        let settings = Settings { scenario: p, ..Settings::default() };
        let Ok(sim) = Sim::new(settings) else { panic!("{p:?} builds") };
        sim
    }

    /// The course's scenario: the counts grow as the world runs, and equal what the engine's
    /// Lambda counted; the lit lines are the ones the phases name.
    #[test]
    fn the_counts_grow_and_the_lines_follow_the_world() {
        let mut s = sim(Preset::ActivityLogs);
        let mut tracker = CodeTracker::default();
        let first = CodeSnapshot::of(&s, &mut tracker, Lang::Es);
        assert_eq!(first.stream, "my-activity-logs");
        let p = first.producer.as_ref().map(|p| (p.rate, p.batch));
        assert_eq!(p, Some((200, 0)));
        let lambda = first.lambda.as_ref().map(|l| (l.spec.count_by.clone(), l.counts.len()));
        assert_eq!(lambda, Some(("action".to_string(), 0)));
        let mut phases = std::collections::BTreeSet::new();
        let mut lambda_phases = std::collections::BTreeSet::new();
        let mut last_total = 0;
        for _ in 0..300 {
            s.advance(20);
            let snap = CodeSnapshot::of(&s, &mut tracker, Lang::Es);
            let (Some(p), Some(l)) = (&snap.producer, &snap.lambda) else { panic!("producer and lambda") };
            assert_eq!(p.lit, p.phase.mark().and_then(|m| p.script.line_of(m)));
            assert_eq!(l.lit, l.phase.mark().and_then(|m| l.script.line_of(m)));
            phases.insert(format!("{:?}", p.phase));
            lambda_phases.insert(format!("{:?}", l.phase));
            let total: u64 = l.counts.iter().map(|(_, n)| n).sum();
            assert!(total >= last_total);
            last_total = total;
            assert!(l.counts.windows(2).all(|w| w[0].1 >= w[1].1), "most frequent first");
        }
        assert!(last_total > 0, "the Lambda counted records in 6 s");
        assert!(phases.contains("Sending"), "{phases:?}");
        assert!(lambda_phases.contains("Running") && lambda_phases.contains("Returned"), "{lambda_phases:?}");
        let Some(ConsumerApp::Lambda(engine_lambda)) = s.world().consumers().first() else { panic!("a lambda") };
        assert_eq!(engine_lambda.counts.values().sum::<u64>(), last_total);
    }

    #[test]
    fn a_scenario_without_lambda_lists_its_consumers() {
        let snap = CodeSnapshot::of(&sim(Preset::HotKey), &mut CodeTracker::default(), Lang::En);
        assert!(snap.lambda.is_none());
        assert_eq!(snap.consumers, vec![("reader".to_string(), ConsumerKind::Polling)]);
        assert!(snap.producer.is_some());
    }

    #[test]
    fn a_stopped_producer_lights_no_line() {
        let mut s = sim(Preset::SlowConsumer);
        let mut tracker = CodeTracker::default();
        s.set_rate(0);
        s.advance(2_000);
        let snap = CodeSnapshot::of(&s, &mut tracker, Lang::Es);
        let p = snap.producer.as_ref().map(|p| (p.phase, p.lit, p.rate));
        assert_eq!(p, Some((ProducerPhase::Stopped, None, 0)));
    }
}
