//! Commands on the running world ([`World::apply`]): API calls, and world actions that AWS has
//! no API for (add a producer, kill a KCL worker, take an Availability Zone down, a pipelines
//! step, a Firehose delivery stream). A scenario's timed commands and the app's controls both
//! come through here; every command is a digest word, so a replay reproduces it.

use super::consumer::ConsumerApp;
use super::error::{Named, Refusal, WorldError};
use super::pipeline_spec::PipelineAction;
use super::polling::PollingApp;
use super::producer::Producer;
use super::scenario::Command;
use super::{delivery, firehose, World};

impl World {
    /// Runs a command now (a scenario's timed command, or a control of the app); on failure,
    /// AWS's error, the kind and name of an application it found none of, or the pipelines'
    /// refusal.
    pub fn apply(&mut self, command: Command) -> Result<(), WorldError> {
        let now = self.engine.now();
        let mut error: Option<WorldError> = None;
        let not_found = |kind: Named, name: &str| Some(WorldError::NotFound { kind, name: name.to_string() });
        match command {
            Command::Api { api, request } => {
                let mut request = if request.is_object() { request } else { serde_json::json!({}) };
                let needs_stream = !["ListStreams", "DescribeLimits", "GetRecords", "UpdateStreamMode"]
                    .contains(&api.as_str())
                    && request.get("StreamName").is_none()
                    && request.get("StreamARN").is_none()
                    && request.get("NextToken").is_none();
                if needs_stream {
                    request["StreamName"] = serde_json::Value::from(self.stream.clone());
                }
                if let Err(e) = self.engine.call(&api, &request) {
                    error = Some(WorldError::Aws(e));
                }
            }
            Command::AddProducer { producer } => self.add_producer(producer),
            Command::StopProducer { name } => match self.producers.iter_mut().find(|p| p.spec.name == name) {
                Some(p) => p.stopped = true,
                None => error = not_found(Named::Producer, &name),
            },
            Command::SetRate { name, rate } => match self.producers.iter_mut().find(|p| p.spec.name == name) {
                Some(p) => {
                    p.spec.rate = rate;
                    p.started = now;
                }
                None => error = not_found(Named::Producer, &name),
            },
            Command::SetKeys { name, keys } => match self.producers.iter().position(|p| p.spec.name == name) {
                Some(pi) => {
                    let mut spec = self.producers[pi].spec.clone();
                    spec.keys = keys;
                    let index = self.producers[pi].index;
                    let t = self.payloads.source_id(&mut self.engine, Producer::payload_template(&spec, index));
                    let p = &mut self.producers[pi];
                    p.spec = spec;
                    if let Some(t) = t {
                        p.template = t;
                    }
                }
                None => error = not_found(Named::Producer, &name),
            },
            Command::AddConsumer { consumer } => self.add_consumer(consumer),
            Command::RemoveConsumer { name } => match self.consumers.iter().position(|c| c.name() == name) {
                Some(ci) => self.remove_consumer(ci),
                None => error = not_found(Named::Consumer, &name),
            },
            Command::KillWorker { name, worker } => match self.polling_mut(&name) {
                Some(p) => p.kill_worker(worker, now),
                None => error = not_found(Named::PollingConsumer, &name),
            },
            Command::AddWorker { name } => match self.polling_mut(&name) {
                Some(p) => p.add_worker(),
                None => error = not_found(Named::PollingConsumer, &name),
            },
            Command::SetLimits { enabled } => self.engine.set_limits_enabled(enabled),
            Command::SetAvailabilityZone { zone, up } => {
                if let Err(r) = self.engine.set_availability_zone(zone, up) {
                    error = Some(WorldError::Zone(r));
                }
            }
            Command::Pipeline { action } => {
                if let Err(r) = self.pipeline_step(action) {
                    error = Some(WorldError::Refused(r));
                }
            }
            Command::CreateDeliveryStream { name, hints } => match delivery::create(&self.consumers, &name, hints) {
                Ok(spec) => {
                    self.add_consumer(spec);
                    let f = firehose::DeliveryStream::new(&name, hints, self.scenario.seed, now);
                    if let Some(c) = self.consumers.last_mut() {
                        delivery::attach(c, f);
                    }
                }
                Err(e) => error = Some(WorldError::Aws(e)),
            },
            Command::UpdateBufferingHints { name, hints } => {
                if let Err(e) = delivery::update(&mut self.consumers, &name, hints) {
                    error = Some(WorldError::Aws(e));
                }
            }
        }
        self.digest.words(&[9, now.millis(), u64::from(error.is_some())]);
        error.map_or(Ok(()), Err)
    }

    fn pipeline_step(&mut self, action: PipelineAction) -> Result<(), Refusal> {
        let now = self.engine.now();
        let open = self.engine.stream(&self.stream).map_or(1, |s| s.open_shards().count() as u64);
        let Some(p) = &mut self.pipelines else {
            return Err(Refusal::PipelinesOff);
        };
        let new = p.apply(action, now, &mut self.consumers, open)?;
        if let Some(spec) = new {
            let sink = p.sink(false);
            self.add_consumer(spec);
            let ci = self.consumers.len() - 1;
            if let Some(c) = self.consumers.get_mut(ci) {
                c.set_sink(sink);
            }
            if let Some(p) = &mut self.pipelines {
                p.deployed(ci);
            }
        }
        let stopped: Vec<usize> = self.pipelines.iter().flat_map(|p| p.stopped_consumers()).collect();
        for ci in stopped {
            self.remove_consumer(ci);
        }
        Ok(())
    }

    fn polling_mut(&mut self, name: &str) -> Option<&mut PollingApp> {
        self.consumers.iter_mut().find_map(|c| match c {
            ConsumerApp::Polling(p) if p.spec.name == name => Some(p),
            _ => None,
        })
    }
}
