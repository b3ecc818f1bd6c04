//! The console on the live world (`ui::console::Session` over a `Sim`): the course's tutorial
//! end to end with the level's checks, determinism (same seed and same lines at the same times,
//! same outputs and digest), and the session's bookkeeping.

use kinesis_playground::console::CliVersion;
use kinesis_playground::i18n::console_view::Step;
use kinesis_playground::i18n::Lang;
use kinesis_playground::ui::console::{Session, MAX_ENTRIES};
use kinesis_playground::ui::sim::{Settings, Sim};
use kinesis_playground::ui::views::console::model::{commands, progress};

fn sim() -> Sim {
    match Sim::new(Settings::default()) {
        Ok(s) => s,
        Err(e) => panic!("the default world builds: {e:?}"),
    }
}

/// Every line of the level's steps, in order, with the waits the tutorial needs.
fn tutorial_lines() -> Vec<&'static str> {
    let mut lines = Vec::new();
    for &step in Step::ALL {
        let cs = commands(step);
        match step {
            // The waiter alone is enough; `sleep 10` is the other way shown.
            Step::Wait => lines.push(cs[0]),
            Step::Gone => {
                lines.push("sleep 5");
                lines.extend_from_slice(cs);
            }
            _ => lines.extend_from_slice(cs),
        }
    }
    lines
}

fn last_out(session: &Session) -> (String, String, i32) {
    let o = &session.entries.last().map(|e| e.ran.outcome.clone()).unwrap_or_default();
    (o.stdout.clone(), o.stderr.clone(), o.status)
}

#[test]
fn the_tutorial_ticks_every_step_of_the_level() {
    for version in [CliVersion::V2, CliVersion::V1] {
        let mut sim = sim();
        let mut session = Session::new(version);
        for line in tutorial_lines() {
            session.run(line, &mut sim, Lang::Es);
        }
        let done = progress(sim.world().engine(), &session);
        let missing: Vec<String> =
            Step::ALL.iter().zip(&done).filter(|(_, d)| !**d).map(|(s, _)| format!("{s:?}")).collect();
        assert!(
            missing.is_empty(),
            "{version:?}: steps not done: {missing:?}\n{:#?}",
            session
                .entries
                .iter()
                .map(|e| (&e.ran.line, &e.ran.outcome.stdout, &e.ran.outcome.stderr))
                .collect::<Vec<_>>()
        );
        let (_, stderr, status) = last_out(&session);
        assert!(
            stderr.contains("An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream Foo under account 000000000000 not found."),
            "{stderr}"
        );
        assert_ne!(status, 0);
    }
}

#[test]
fn the_query_trap_keeps_the_json_quotes_and_get_records_fails() {
    let mut sim = sim();
    let mut session = Session::new(CliVersion::V2);
    for line in ["aws kinesis create-stream --stream-name Foo --shard-count 1", "sleep 10"] {
        session.run(line, &mut sim, Lang::En);
    }
    for line in commands(Step::Trap) {
        session.run(line, &mut sim, Lang::En);
    }
    let it = session.shell.vars().get("SHARD_ITERATOR").cloned().unwrap_or_default();
    assert!(it.starts_with('"') && it.ends_with('"'), "the variable keeps the quotes: {it}");
    let (_, stderr, status) = last_out(&session);
    assert!(stderr.contains("InvalidArgumentException") && stderr.contains("GetRecords"), "{stderr}");
    assert_ne!(status, 0);
}

#[test]
fn a_creating_stream_comes_with_a_note_on_letting_time_pass() {
    let mut sim = sim();
    let mut session = Session::new(CliVersion::V2);
    session.run("aws kinesis create-stream --stream-name Foo --shard-count 1", &mut sim, Lang::Es);
    session.run("aws kinesis describe-stream --stream-name Foo", &mut sim, Lang::Es);
    let notes = &session.entries.last().map(|e| e.ran.outcome.notes.clone()).unwrap_or_default();
    assert!(notes.iter().any(|n| n.contains("CREATING") && n.contains("sleep 10")), "{notes:?}");
}

#[test]
fn the_same_seed_and_lines_at_the_same_times_give_the_same_outputs_and_digest() {
    let script = [
        (0, "aws kinesis create-stream --stream-name Foo --shard-count 2"),
        (0, "aws kinesis describe-stream --stream-name Foo"),
        (7_000, "aws kinesis put-record --stream-name Foo --partition-key a --data aGk="),
        (7_000, "aws kinesis list-shards --stream-name Foo --output table"),
        (9_500, "IT=$(aws kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000001 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)"),
        (9_500, "aws kinesis get-records --shard-iterator $IT --output text"),
    ];
    let run = || {
        let mut sim = sim();
        let mut session = Session::new(CliVersion::V2);
        for (at, line) in script {
            let now = sim.elapsed_ms();
            if at > now {
                sim.sleep(at - now);
            }
            session.run(line, &mut sim, Lang::En);
        }
        let outs: Vec<(String, String, i32)> = session
            .entries
            .iter()
            .map(|e| (e.ran.outcome.stdout.clone(), e.ran.outcome.stderr.clone(), e.ran.outcome.status))
            .collect();
        (outs, sim.digest())
    };
    let (a, b) = (run(), run());
    assert_eq!(a, b);
    // The console's calls are in the digest: the same world without them differs.
    let mut quiet = sim();
    quiet.sleep(9_500);
    assert_ne!(quiet.digest(), a.1);
}

#[test]
fn a_paste_runs_each_line_and_clear_and_restart_keep_what_they_should() {
    let mut sim = sim();
    let mut session = Session::new(CliVersion::V2);
    session.run("X=1\necho $X\r\necho two\n", &mut sim, Lang::En);
    assert_eq!(session.entries.len(), 3);
    assert_eq!(last_out(&session).0, "two\n");
    session.run("clear", &mut sim, Lang::En);
    assert!(session.entries.is_empty());
    session.run("echo $X", &mut sim, Lang::En);
    assert_eq!(last_out(&session).0, "1\n", "clear keeps variables");
    session.restart();
    assert!(session.entries.is_empty() && session.shell.vars().is_empty());
    assert_eq!(session.shell.history().len(), 5, "restart keeps the history: {:?}", session.shell.history());
    for i in 0..MAX_ENTRIES + 10 {
        session.run(&format!("echo {i}"), &mut sim, Lang::En);
    }
    assert_eq!(session.entries.len(), MAX_ENTRIES);
    let ids: Vec<u64> = session.entries.iter().map(|e| e.id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "entry ids stay unique and ordered");
}
