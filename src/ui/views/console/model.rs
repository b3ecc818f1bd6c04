//! The course's `aws kinesis` tutorial as a guided level: its steps, the commands each types,
//! and a check per step computed from the engine's state and from what the console's calls got
//! back. Pure, tested natively; the texts are in [`crate::i18n::console_view`].

use crate::console::Exchange;
use crate::engine::Engine;
use crate::i18n::console_view::Step;
use crate::ui::console::Session;
use serde_json::Value;

/// The tutorial's stream.
pub const TUTORIAL_STREAM: &str = "Foo";

/// The tutorial's shard.
pub const TUTORIAL_SHARD: &str = "shardId-000000000000";

/// The lines a step types into the prompt (one button each).
pub fn commands(step: Step) -> &'static [&'static str] {
    match step {
        Step::Create => &["aws kinesis create-stream --stream-name Foo --shard-count 1"],
        Step::DescribeCreating | Step::DescribeActive => &["aws kinesis describe-stream --stream-name Foo"],
        Step::Wait => &["aws kinesis wait stream-exists --stream-name Foo", "sleep 10"],
        Step::List => &["aws kinesis list-streams"],
        Step::Put => &["aws kinesis put-record --stream-name Foo --partition-key 123 --data testdata"],
        Step::Iterator => {
            &["aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo"]
        }
        Step::Trap => &[
            "SHARD_ITERATOR=$(aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo --query 'ShardIterator')",
            "aws kinesis get-records --shard-iterator $SHARD_ITERATOR",
        ],
        Step::Read => &[
            "SHARD_ITERATOR=$(aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo --query 'ShardIterator' --output text)",
            "aws kinesis get-records --shard-iterator $SHARD_ITERATOR",
        ],
        Step::Delete => &["aws kinesis delete-stream --stream-name Foo"],
        Step::Gone => &["aws kinesis describe-stream --stream-name Foo"],
    }
}

/// Every exchange the session made, oldest first.
fn exchanges(session: &Session) -> impl Iterator<Item = &Exchange> {
    session.entries.iter().flat_map(|e| e.ran.outcome.exchanges.iter())
}

/// Whether `x` is a call of `operation` on the tutorial's stream.
fn on_foo(x: &Exchange, operation: &str) -> bool {
    x.operation == operation && x.request.get("StreamName").and_then(Value::as_str) == Some(TUTORIAL_STREAM)
}

/// The `StreamStatus` a DescribeStream answer shows.
fn status(x: &Exchange) -> Option<&str> {
    x.response.as_ref().ok()?.pointer("/StreamDescription/StreamStatus")?.as_str()
}

/// Whether each step of [`Step::ALL`] is done, from the engine's state and the session's
/// calls. A step stays done once done: the checks look at the whole session, and a later state
/// (the stream gone) does not undo an earlier step.
pub fn progress(engine: &Engine, session: &Session) -> Vec<bool> {
    let stream = engine.stream(TUTORIAL_STREAM);
    let xs: Vec<&Exchange> = exchanges(session).collect();
    let described =
        |want: &dyn Fn(&str) -> bool| xs.iter().any(|x| on_foo(x, "DescribeStream") && status(x).is_some_and(want));
    let created = xs.iter().any(|x| on_foo(x, "CreateStream") && x.response.is_ok());
    let put = xs.iter().any(|x| on_foo(x, "PutRecord") && x.response.is_ok());
    let read_back = xs.iter().any(|x| {
        x.operation == "GetRecords"
            && x.response.as_ref().ok().and_then(|v| v.get("Records")).and_then(Value::as_array).is_some_and(|r| {
                r.iter().any(|rec| {
                    let seq = rec.get("SequenceNumber").and_then(Value::as_str).unwrap_or_default();
                    engine_yours(session, seq)
                })
            })
    });
    let trap = xs.iter().any(|x| {
        x.operation == "GetRecords"
            && matches!(&x.response, Err(e) if e.error_type.as_str() == "InvalidArgumentException")
            && x.request.get("ShardIterator").and_then(Value::as_str).is_some_and(|i| i.starts_with('"'))
    });
    let deleted = xs.iter().any(|x| on_foo(x, "DeleteStream") && x.response.is_ok());
    let gone = deleted
        && stream.is_none()
        && xs.iter().any(|x| {
            on_foo(x, "DescribeStream")
                && matches!(&x.response, Err(e) if e.error_type.as_str() == "ResourceNotFoundException")
        });
    Step::ALL
        .iter()
        .map(|step| match step {
            Step::Create => created,
            Step::DescribeCreating => described(&|_| true),
            Step::Wait => stream.is_some_and(|s| s.status.as_str() == "ACTIVE") || deleted,
            Step::DescribeActive => described(&|s| s == "ACTIVE"),
            Step::List => xs.iter().any(|x| {
                x.operation == "ListStreams"
                    && x.response
                        .as_ref()
                        .ok()
                        .and_then(|v| v.get("StreamNames"))
                        .and_then(Value::as_array)
                        .is_some_and(|names| names.iter().any(|n| n.as_str() == Some(TUTORIAL_STREAM)))
            }),
            Step::Put => put,
            Step::Iterator => xs.iter().any(|x| on_foo(x, "GetShardIterator") && x.response.is_ok()),
            Step::Trap => trap,
            Step::Read => read_back,
            Step::Delete => deleted,
            Step::Gone => gone,
        })
        .collect()
}

/// Whether `seq` is a record the session put on the tutorial's stream.
fn engine_yours(session: &Session, seq: &str) -> bool {
    exchanges(session).any(|x| {
        on_foo(x, "PutRecord")
            && x.response.as_ref().ok().and_then(|v| v.get("SequenceNumber")).and_then(Value::as_str) == Some(seq)
    })
}

/// The first step not done (the level's current step), `None` when all are.
pub fn current(done: &[bool]) -> Option<usize> {
    done.iter().position(|d| !d)
}
