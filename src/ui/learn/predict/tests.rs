//! Native tests of the predictions: every kind over seeds and nonces, and for each kind a pair of
//! states whose answers differ, read from what the engine did.

use super::common::{open_shards, Claim};
use super::*;
use crate::engine::state::hashing::partition_key_hash;
use crate::engine::state::limits::{READ_CALLS_PER_SEC, WRITE_RECORDS_PER_SEC};
use crate::engine::time::{HOUR_MS, MINUTE_MS, SECOND_MS};
use crate::i18n::predict::{Mode, Msg};
use crate::i18n::{Lang, Message};

fn sim(kind: Kind, seed: u64) -> Sim {
    let mut s = Sim::new(kind.settings(seed)).unwrap_or_else(|e| panic!("{kind:?} seed {seed}: {e:?}"));
    s.sleep(3 * SECOND_MS);
    s
}

/// The kinds whose reveal is cheap enough to sweep over many seeds and nonces.
const QUICK: [Kind; 7] = [
    Kind::StreamCapacity,
    Kind::ShardOfKey,
    Kind::OrderInShard,
    Kind::HotKeyThrottle,
    Kind::ReadersShare,
    Kind::ReshardCount,
    Kind::CliOutput,
];

#[test]
fn every_kind_asks_2_to_5_distinct_choices_and_reveals_one_of_them_deterministically() {
    for kind in Kind::ALL {
        let seeds: &[u64] = if QUICK.contains(&kind) { &[1, 2, 3] } else { &[1] };
        for &seed in seeds {
            for nonce in 0..3 {
                let base = sim(kind, seed);
                let q = ask(kind, &base, nonce);
                assert_eq!(q.kind, kind);
                assert!((2..=5).contains(&q.choices.len()), "{kind:?} seed {seed} nonce {nonce}: {q:?}");
                for lang in Lang::ALL {
                    let texts: Vec<String> = q.choices.iter().map(|c| c.text(lang)).collect();
                    let mut unique = texts.clone();
                    unique.sort();
                    unique.dedup();
                    assert_eq!(unique.len(), texts.len(), "{kind:?} seed {seed} nonce {nonce}: {texts:?}");
                    assert!(!q.prompt.text(lang).is_empty());
                }
                let (mut a, mut b) = (base.clone(), base);
                let (oa, ob) = (reveal(&q, &mut a), reveal(&q, &mut b));
                assert!(oa.correct < q.choices.len(), "{kind:?} seed {seed} nonce {nonce}");
                assert_eq!(oa, ob, "{kind:?} seed {seed} nonce {nonce}: the same world, the same outcome");
                assert_eq!(a.digest(), b.digest());
                assert_eq!(oa.ran_ms, a.elapsed_ms() - 3 * SECOND_MS, "{kind:?}: ran_ms is the clock's move");
            }
        }
    }
}

#[test]
fn another_nonce_draws_another_question() {
    for kind in Kind::ALL {
        let s = sim(kind, 1);
        let prompts: Vec<String> = (0..6).map(|n| ask(kind, &s, n).prompt.text(Lang::Es)).collect();
        let mut unique = prompts.clone();
        unique.sort();
        unique.dedup();
        assert!(unique.len() >= 2, "{kind:?}: {prompts:?}");
    }
}

/// The value of the right choice of a numeric question.
fn right_value(q: &Question, o: &Outcome) -> u64 {
    match &q.spec {
        Spec::Capacity { values, .. } | Spec::HotKey { values, .. } | Spec::Readers { values, .. } => values[o.correct],
        other => panic!("not numeric: {other:?}"),
    }
}

#[test]
fn capacity_is_the_shard_count_times_the_engine_s_write_limit() {
    let mut seen = Vec::new();
    for seed in [4, 1, 2, 3] {
        let mut s = sim(Kind::StreamCapacity, seed);
        let shards = open_shards(&s);
        let q = ask(Kind::StreamCapacity, &s, 0);
        let o = reveal(&q, &mut s);
        assert_eq!(right_value(&q, &o), shards * WRITE_RECORDS_PER_SEC, "seed {seed}");
        let Msg::CapacityExplain { accepted, .. } = o.explanation else { panic!("{o:?}") };
        // Retries of throttled records come in waves, so a shard's bucket is not always empty
        // when the measurement starts: within 5 %.
        assert!(
            accepted.abs_diff(shards * WRITE_RECORDS_PER_SEC) * 20 <= shards * WRITE_RECORDS_PER_SEC,
            "seed {seed}: {accepted}"
        );
        assert!(o.ran_ms <= 10 * SECOND_MS);
        seen.push(right_value(&q, &o));
    }
    assert_eq!(seen, vec![1000, 2000, 3000, 4000], "more shards, a larger answer");
}

#[test]
fn a_key_goes_where_md5_routes_it_and_two_keys_can_differ() {
    let base = sim(Kind::ShardOfKey, 1);
    let mut shards = std::collections::BTreeSet::new();
    for nonce in 0..12 {
        let q = ask(Kind::ShardOfKey, &base, nonce);
        let Spec::ShardOfKey { key, groups } = &q.spec else { panic!() };
        let stream = base.world().engine().stream(base.world().stream_name()).unwrap_or_else(|| panic!());
        let routed = stream.route(partition_key_hash(key)).map(|i| stream.shards[i as usize].id.to_string());
        let mut s = base.clone();
        let o = reveal(&q, &mut s);
        assert_eq!(Some(&groups[o.correct][0]), routed.as_ref(), "{key}");
        assert_eq!(o.ran_ms, 0, "only an API call");
        shards.insert(o.correct);
    }
    assert!(shards.len() >= 2, "different keys, different shards: {shards:?}");
}

#[test]
fn order_is_guaranteed_on_one_shard_only() {
    let base = sim(Kind::OrderInShard, 1);
    let mut claims = std::collections::BTreeSet::new();
    for nonce in 0..12 {
        let q = ask(Kind::OrderInShard, &base, nonce);
        let Spec::Order { first, second, order } = &q.spec else { panic!() };
        let mut s = base.clone();
        let o = reveal(&q, &mut s);
        let Msg::OrderExplain { shard_a, shard_b, read_in_order, .. } = &o.explanation else { panic!() };
        let claim = order[o.correct];
        assert_eq!(claim == Claim::SameShardOrder, shard_a == shard_b, "{first} {second}");
        if first == second {
            assert_eq!(claim, Claim::SameShardOrder);
        }
        if claim == Claim::SameShardOrder {
            assert!(read_in_order, "GetRecords returns A then B");
        }
        claims.insert(format!("{claim:?}"));
    }
    assert_eq!(claims.len(), 2, "both answers occur: {claims:?}");
}

#[test]
fn a_hot_key_is_throttled_by_what_it_sends_above_the_limit() {
    let mut answers = std::collections::BTreeSet::new();
    for nonce in 0..6 {
        let mut s = sim(Kind::HotKeyThrottle, 1);
        let q = ask(Kind::HotKeyThrottle, &s, nonce);
        let Spec::HotKey { rate, .. } = q.spec else { panic!() };
        let o = reveal(&q, &mut s);
        let Msg::HotExplain { throttled, accepted, .. } = o.explanation else { panic!() };
        assert_eq!((accepted, throttled), (WRITE_RECORDS_PER_SEC, rate - WRITE_RECORDS_PER_SEC), "rate {rate}");
        assert_eq!(right_value(&q, &o), rate - WRITE_RECORDS_PER_SEC);
        answers.insert(right_value(&q, &o));
    }
    assert!(answers.len() >= 2, "other rates, other answers: {answers:?}");
}

#[test]
fn polling_readers_share_the_shard_s_five_calls() {
    let mut saw_full = false;
    let mut saw_under = false;
    for nonce in 0..16 {
        let mut s = sim(Kind::ReadersShare, 1);
        let q = ask(Kind::ReadersShare, &s, nonce);
        let Spec::Readers { apps, calls, .. } = q.spec else { panic!() };
        let streams = s.stream_names();
        let o = reveal(&q, &mut s);
        let want = (apps * calls).min(READ_CALLS_PER_SEC);
        assert_eq!(right_value(&q, &o), want, "{apps} apps × {calls} calls/s");
        saw_full |= apps * calls > READ_CALLS_PER_SEC;
        saw_under |= apps * calls <= READ_CALLS_PER_SEC;
        s.sleep(10 * SECOND_MS);
        assert_eq!(s.stream_names(), streams, "its own stream is gone");
    }
    assert!(saw_full && saw_under, "both cases drawn");
}

#[test]
fn retention_loses_the_record_only_past_the_retention_period() {
    let base = sim(Kind::RetentionLoss, 1);
    let mut seen = std::collections::BTreeMap::new();
    for nonce in 0..12 {
        let q = ask(Kind::RetentionLoss, &base, nonce);
        let Spec::Retention { hours, claims, .. } = &q.spec else { panic!() };
        if seen.contains_key(hours) {
            continue;
        }
        let mut s = base.clone();
        let o = reveal(&q, &mut s);
        let want = if *hours < 24 { Claim::Yours } else { Claim::Later };
        assert_eq!(claims[o.correct], want, "{hours} h: {o:?}");
        seen.insert(*hours, claims[o.correct]);
    }
    assert!(seen.len() >= 3, "{seen:?}");
}

/// The bound: seeking 30 h must stay under about a second natively (wasm is 2–5×
/// slower). Release builds only: a debug build is many times slower.
#[test]
#[allow(clippy::disallowed_methods, clippy::print_stdout)] // a wall-clock measurement of the test itself, native only
fn a_retention_question_of_30_hours_runs_30_simulated_hours() {
    // How long it takes is measured by `cargo bench --bench engine -- learn_reveal`, not here.
    let base = sim(Kind::RetentionLoss, 2);
    let q = (0..20)
        .map(|n| ask(Kind::RetentionLoss, &base, n))
        .find(|q| matches!(q.spec, Spec::Retention { hours: 30, .. }))
        .unwrap_or_else(|| panic!("no 30 h question"));
    let mut s = base.clone();
    let o = reveal(&q, &mut s);
    assert!(o.ran_ms >= 30 * HOUR_MS);
}

#[test]
fn resharding_opens_the_target_count_and_moves_keys_of_split_shards() {
    for seed in [1, 2, 3] {
        let base = sim(Kind::ReshardCount, seed);
        for nonce in 0..3 {
            let q = ask(Kind::ReshardCount, &base, nonce);
            let Spec::Reshard { to, options, .. } = &q.spec else { panic!() };
            let mut s = base.clone();
            let o = reveal(&q, &mut s);
            let Msg::ReshardExplain { open, before, after, .. } = &o.explanation else { panic!() };
            assert_eq!(options[o.correct], (*to, before == after), "seed {seed} nonce {nonce}: {o:?}");
            assert_eq!(*open, *to);
            assert_eq!(open_shards(&s), *to);
        }
    }
}

#[test]
fn the_cli_prints_creating_at_once_and_the_shard_count_once_active() {
    let base = sim(Kind::CliOutput, 1);
    for nonce in 0..4 {
        let q = ask(Kind::CliOutput, &base, nonce);
        let Spec::Cli { texts, lines, stream } = &q.spec else { panic!() };
        let mut s = base.clone();
        let o = reveal(&q, &mut s);
        let want = if nonce % 2 == 0 {
            "CREATING".to_string()
        } else {
            lines[0].rsplit(' ').next().unwrap_or_default().to_string()
        };
        assert_eq!(texts[o.correct], want, "{lines:?}");
        s.sleep(10 * SECOND_MS);
        assert!(s.world().engine().stream(stream).is_none(), "cleaned up");
    }
}

#[test]
fn a_bug_heals_in_lambda_but_stays_in_kappa_until_a_replay() {
    let base = sim(Kind::Pipelines, 1);
    for (nonce, want) in [(0, Claim::Right), (1, Claim::Wrong), (2, Claim::Right)] {
        let q = ask(Kind::Pipelines, &base, nonce);
        let Spec::Pipelines { arch, claims, .. } = &q.spec else { panic!() };
        let mut s = base.clone();
        let o = reveal(&q, &mut s);
        assert_eq!(claims[o.correct], want, "{arch:?}: {o:?}");
        assert!(o.ran_ms <= 30 * MINUTE_MS, "{arch:?}: {} ms", o.ran_ms);
    }
}

#[test]
fn on_demand_wins_only_when_shards_sit_idle() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in [4, 7] {
        // seed 4: 1 shard; seed 7: 20 shards.
        let base = sim(Kind::CheaperMode, seed);
        for nonce in 0..6 {
            let q = ask(Kind::CheaperMode, &base, nonce);
            let Spec::Cheaper { rate, modes } = &q.spec else { panic!() };
            let mut s = base.clone();
            let o = reveal(&q, &mut s);
            let Msg::CheaperExplain { provisioned, on_demand, rate: measured, .. } = o.explanation else { panic!() };
            assert!(measured.abs_diff(*rate) <= 1, "{rate} vs {measured}");
            let cheaper = if provisioned <= on_demand { Mode::Provisioned } else { Mode::OnDemand };
            assert_eq!(modes[o.correct], cheaper);
            seen.insert((open_shards(&s), format!("{cheaper:?}")));
        }
    }
    assert!(seen.contains(&(1, "Provisioned".to_string())), "{seen:?}");
    assert!(seen.contains(&(20, "OnDemand".to_string())), "{seen:?}");
}
