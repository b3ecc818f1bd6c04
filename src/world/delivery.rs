//! Delivery streams among the world's consumers: the glue between the pure Firehose model
//! (`firehose.rs`: buffer, hints, S3 keys) and the polling application that reads the Kinesis
//! stream for it. AWS's Firehose reads a Kinesis source with `GetRecords` per shard, like any
//! shared-throughput consumer
//! (<https://docs.aws.amazon.com/firehose/latest/dev/writing-with-kinesis-streams.html>); here
//! that reader is a one-worker polling application whose sink feeds the delivery stream.
//! Kept apart from `firehose.rs` so that the model does not import the consumers that import it.

use super::consumer::{ConsumerApp, ConsumerSpec};
use super::firehose::{validate_name, BufferingHints, DeliveryStream};
use super::polling::PollingSpec;
use super::reader::StartPosition;
use crate::engine::error::{ApiError, ErrorType};
use crate::engine::time::{SimTime, SECOND_MS};

/// The delivery stream a consumer feeds, if any.
pub fn of(c: &ConsumerApp) -> Option<&DeliveryStream> {
    c.sink().and_then(|s| s.firehose.as_ref())
}

/// Every delivery stream of the world with its consumer index, in creation order.
pub fn delivery_streams(consumers: &[ConsumerApp]) -> impl Iterator<Item = (usize, &DeliveryStream)> {
    consumers.iter().enumerate().filter_map(|(i, c)| of(c).map(|f| (i, f)))
}

/// Writes what consumer `c`'s delivery stream has due at `now` (nothing if it feeds none).
pub(crate) fn settle(c: &mut ConsumerApp, now: SimTime) {
    if let Some(f) = c.sink_mut().and_then(|s| s.firehose.as_mut()) {
        f.settle(now);
    }
}

/// Checks a `CreateDeliveryStream` and returns the consumer that reads the stream for it: a
/// polling application named like the delivery stream, one worker, one `GetRecords` per shard
/// per second, starting at `LATEST`.
pub(crate) fn create(consumers: &[ConsumerApp], name: &str, hints: BufferingHints) -> Result<ConsumerSpec, ApiError> {
    validate_name(name)?;
    hints.validate()?;
    if consumers.iter().any(|c| c.name() == name) {
        return Err(ApiError::new(
            ErrorType::ResourceInUseException,
            format!("Firehose stream {name} already exists."),
        ));
    }
    // A 1 ms interval gives a start phase of 0: the first GetShardIterator(LATEST) happens at
    // the creation instant, so no record falls between "created" and "LATEST" (the reader would
    // book those as lost). [`attach`] sets the real interval, 1 s, right after.
    Ok(ConsumerSpec::Polling(PollingSpec {
        name: name.to_string(),
        workers: 1,
        poll_interval_ms: 1,
        start: StartPosition::Latest,
        ..PollingSpec::default()
    }))
}

/// Gives the consumer just added for delivery stream `f` its sink and its 1 s poll interval.
pub(crate) fn attach(c: &mut ConsumerApp, f: DeliveryStream) {
    if let ConsumerApp::Polling(p) = c {
        p.spec.poll_interval_ms = SECOND_MS;
    }
    c.set_sink(super::sink::Sink::delivery(f));
}

/// Changes delivery stream `name`'s buffering hints (`UpdateDestination`).
pub(crate) fn update(consumers: &mut [ConsumerApp], name: &str, hints: BufferingHints) -> Result<(), ApiError> {
    let f =
        consumers.iter_mut().filter_map(|c| c.sink_mut().and_then(|s| s.firehose.as_mut())).find(|f| f.name == name);
    match f {
        Some(f) => f.update(hints),
        None => Err(ApiError::new(ErrorType::ResourceNotFoundException, format!("Firehose stream {name} not found."))),
    }
}
