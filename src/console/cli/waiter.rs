//! `aws kinesis wait <waiter>`: botocore's `Waiter.wait` (`botocore/waiter.py`) over the
//! waiters of `waiters-2.json`.
//!
//! The waiter calls the operation at once, then after every answer that no acceptor settles it
//! sleeps `delay` seconds (on the simulated clock: the host's `sleep`) and calls again, at most
//! `max_attempts` times in all: `StreamExists` polls `DescribeStream` every 10 s, 18 times, until
//! `StreamDescription.StreamStatus` is `ACTIVE`. It prints nothing on success. It fails with
//! `Waiter StreamExists failed: Max attempts exceeded`, or at once on an error no acceptor
//! expects (`Waiter StreamExists failed: An error occurred (ResourceNotFoundException): …`, no
//! operation name). Errors before a request (parameter validation) are not caught.

use super::client::{CallError, Client};
use super::errors::Failure;
use super::model::{AcceptorState, Matcher, Operation, Waiter};
use super::paginate::search;
use super::pyval::PyDict;
use serde_json::Value;

/// What a wait did: the polls it made and how it ended.
#[derive(Debug)]
pub struct WaitRun {
    /// Polls made.
    pub attempts: u32,
    /// Simulated milliseconds slept.
    pub slept_ms: u64,
    /// `None` on success, else the failure.
    pub failure: Option<Failure>,
}

fn explanation(matcher: Matcher, expected: &str) -> String {
    match matcher {
        Matcher::Path { argument } => {
            format!("For expression \"{argument}\" we matched expected path: \"{expected}\"")
        }
        Matcher::Error => format!("Matched expected service error code: {expected}"),
    }
}

/// Waits with `waiter` on `op`, calling it with `params`.
pub fn wait(client: &mut Client<'_>, waiter: &Waiter, op: &'static Operation, params: &PyDict) -> WaitRun {
    let mut run = WaitRun { attempts: 0, slept_ms: 0, failure: None };
    let mut last_matched: Option<(Matcher, &str)> = None;
    let fail = |reason: String| Failure::General(format!("Waiter {} failed: {reason}", waiter.name));
    loop {
        let answer = client.call(op, params);
        run.attempts += 1;
        let (value, error) = match answer {
            Ok(v) => (v, None),
            Err(CallError::Service(e)) => (Value::Null, Some(e)),
            Err(CallError::Failure(f)) => {
                run.failure = Some(f);
                return run;
            }
        };
        let mut state = None;
        for a in waiter.acceptors {
            let matched = match (a.matcher, &error) {
                (Matcher::Path { argument }, None) => search(&value, argument).as_str() == Some(a.expected),
                (Matcher::Error, Some(e)) => e.code == a.expected,
                _ => false,
            };
            if matched {
                last_matched = Some((a.matcher, a.expected));
                state = Some(a.state);
                break;
            }
        }
        if state.is_none() {
            if let Some(e) = &error {
                run.failure = Some(fail(format!("An error occurred ({}): {}", e.code, e.message)));
                return run;
            }
        }
        match state {
            Some(AcceptorState::Success) => return run,
            Some(AcceptorState::Failure) => {
                let why = last_matched.map(|(m, e)| explanation(m, e)).unwrap_or_default();
                run.failure = Some(fail(format!("Waiter encountered a terminal failure state: {why}")));
                return run;
            }
            Some(AcceptorState::Retry) | None => {}
        }
        if run.attempts >= waiter.max_attempts {
            let reason = match last_matched {
                None => "Max attempts exceeded".to_string(),
                Some((m, e)) => format!("Max attempts exceeded. Previously accepted state: {}", explanation(m, e)),
            };
            run.failure = Some(fail(reason));
            return run;
        }
        let delay = waiter.delay_s * 1000;
        client.host().sleep(delay);
        run.slept_ms += delay;
    }
}
