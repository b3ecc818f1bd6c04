//! Firehose (#17): a delivery stream created on the running stream writes S3 objects by size or
//! interval, with deterministic default keys; its errors are Firehose's; the Lambda
//! architecture's archiver is the same component and the batch horizon waits for S3.

use kinesis_playground::engine::time::{MINUTE_MS, SECOND_MS};
use kinesis_playground::engine::ErrorType;
use kinesis_playground::world::delivery;
use kinesis_playground::world::error::WorldError;
use kinesis_playground::world::firehose::{self, BufferingHints, DeliveryStream, Trigger};
use kinesis_playground::world::pipeline_spec::ARCHIVER;
use kinesis_playground::world::presets::Preset;
use kinesis_playground::world::scenario::Command;
use kinesis_playground::world::World;

fn world(seed: u64) -> World {
    World::new(Preset::ActivityLogs.scenario(seed)).unwrap_or_else(|e| panic!("seed {seed}: {e:?}"))
}

fn delivery<'w>(w: &'w World, name: &str) -> &'w DeliveryStream {
    delivery::delivery_streams(w.consumers())
        .map(|(_, f)| f)
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn aws_type(r: Result<(), WorldError>) -> Option<ErrorType> {
    match r {
        Err(WorldError::Aws(e)) => Some(e.error_type),
        _ => None,
    }
}

fn create(w: &mut World, name: &str, size: u32, interval: u32) -> Result<(), WorldError> {
    let hints = BufferingHints { size_in_mbs: size, interval_in_seconds: interval };
    w.apply(Command::CreateDeliveryStream { name: name.into(), hints })
}

#[test]
fn an_object_is_written_once_the_interval_has_passed_since_the_first_record() {
    let mut w = world(7);
    w.advance_by(10 * SECOND_MS);
    let created = w.now();
    create(&mut w, "orders-to-s3", 5, 60).unwrap_or_else(|e| panic!("{e:?}"));
    let mut first_record = None;
    while w.now().since(created) < 3 * MINUTE_MS {
        w.advance_by(100);
        let f = delivery(&w, "orders-to-s3");
        if first_record.is_none() {
            first_record = f.buffer.since;
        }
        if f.objects > 0 {
            break;
        }
    }
    let f = delivery(&w, "orders-to-s3");
    let since = first_record.unwrap_or_else(|| panic!("no record was ever buffered"));
    assert_eq!(f.objects, 1);
    let o = &f.recent[0];
    assert_eq!(o.trigger, Trigger::Interval);
    assert!(o.written.since(since) >= 60 * SECOND_MS && o.written.since(since) < 61 * SECOND_MS, "{o:?}");
    assert!(o.first_arrival >= created, "a new delivery stream starts at LATEST");
    assert!(o.key.starts_with(&firehose::default_prefix(o.first_arrival)));
    assert!(o.name().starts_with("orders-to-s3-1-"), "{}", o.key);
    // Its reads are GetRecords calls of a polling consumer, one per shard about every second.
    let c = w.consumers().iter().find(|c| c.name() == "orders-to-s3").unwrap_or_else(|| panic!("consumer"));
    assert!(c.tally().calls >= 50, "{:?}", c.tally());
    assert_eq!(c.tally().lost, 0, "LATEST is taken at the creation instant: nothing is booked as lost");
}

#[test]
fn a_full_buffer_writes_before_the_interval_and_keys_are_deterministic() {
    let keys = |seed: u64| {
        let mut w = world(seed);
        create(&mut w, "big", 1, 900).unwrap_or_else(|e| panic!("{e:?}"));
        w.advance_by(3 * MINUTE_MS);
        let f = delivery(&w, "big");
        assert!(f.by_size >= 1 && f.by_size == f.objects, "{} objects, {} by size", f.objects, f.by_size);
        assert!(f.recent.iter().all(|o| o.bytes <= firehose::MIB));
        f.recent.iter().map(|o| o.key.clone()).collect::<Vec<_>>()
    };
    assert_eq!(keys(7), keys(7), "same seed, same keys");
    assert_ne!(keys(7), keys(8));
}

#[test]
fn errors_are_firehoses() {
    let mut w = world(7);
    assert_eq!(aws_type(create(&mut w, "d", 129, 60)), Some(ErrorType::InvalidArgumentException));
    assert_eq!(aws_type(create(&mut w, "d", 5, 901)), Some(ErrorType::InvalidArgumentException));
    assert_eq!(aws_type(create(&mut w, "bad name", 5, 60)), Some(ErrorType::InvalidArgumentException));
    assert!(create(&mut w, "d", 5, 60).is_ok());
    assert_eq!(aws_type(create(&mut w, "d", 5, 60)), Some(ErrorType::ResourceInUseException));
    let hints = BufferingHints { size_in_mbs: 0, interval_in_seconds: 60 };
    assert_eq!(
        aws_type(w.apply(Command::UpdateBufferingHints { name: "d".into(), hints })),
        Some(ErrorType::InvalidArgumentException)
    );
    let hints = BufferingHints { size_in_mbs: 2, interval_in_seconds: 60 };
    assert_eq!(
        aws_type(w.apply(Command::UpdateBufferingHints { name: "x".into(), hints })),
        Some(ErrorType::ResourceNotFoundException)
    );
    assert!(w.apply(Command::UpdateBufferingHints { name: "d".into(), hints }).is_ok());
    assert_eq!(delivery(&w, "d").version, 2);
}

#[test]
fn the_lambda_archiver_is_a_delivery_stream_and_the_horizon_waits_for_s3() {
    let mut w = World::new(Preset::ECommerce.scenario(7)).unwrap_or_else(|e| panic!("{e:?}"));
    for _ in 0..(10 * 60) {
        w.advance_by(SECOND_MS);
        let p = w.pipelines().unwrap_or_else(|| panic!("pipelines"));
        let f = delivery(&w, ARCHIVER);
        if let Some(t) = f.oldest_unwritten() {
            assert!(p.lambda.sealed_through_ms <= t.millis(), "sealed past a buffered record");
        }
    }
    let f = delivery(&w, ARCHIVER);
    assert_eq!(f.hints, BufferingHints { size_in_mbs: 5, interval_in_seconds: 60 });
    assert!((8..=11).contains(&f.objects), "about one object a minute: {}", f.objects);
    assert_eq!(f.objects, f.recent.len() as u64);
    let archived =
        w.consumers().iter().find(|c| c.name() == ARCHIVER).and_then(|c| c.sink()).and_then(|s| s.archive.as_ref());
    let facts = archived.map_or(0, |a| a.facts.len() as u64);
    assert_eq!(facts, f.records + f.buffer.records, "every fact read is in S3 or in the buffer");
}
