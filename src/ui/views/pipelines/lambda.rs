//! The Lambda architecture panel (Marz): the stream fans out to the master dataset and the
//! speed layer; the batch layer recomputes the batch view, the serving layer swaps it in, and
//! the query merges it with the realtime view.

use super::model::{LambdaEdge as E, LambdaLayout, LambdaNode as N};
use super::numbers::{clock, duration};
use super::snapshot::PipelinesSnapshot;
use super::svg::{arrow_defs, bar, edge, edge_label, frame, line, Dots};
use crate::i18n::app::Msg;
use crate::i18n::pipelines::lambda::{self as t, Text as P};
use crate::i18n::pipelines::page;
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::{bytes, grouped};
use crate::ui::views::f1;
use crate::world::pipeline_spec::{PipelineAction, ARCHIVER, SPEED_LAYER};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`LambdaPanel`].
#[derive(Properties, PartialEq)]
pub struct LambdaPanelProps {
    /// The snapshot.
    pub snap: Rc<PipelinesSnapshot>,
    /// Language.
    pub lang: Lang,
    /// Diagram width ([`super::model::WIDE`] or [`super::model::NARROW`]).
    pub width: f64,
    /// Runs a pipeline step.
    pub on_step: Callback<PipelineAction>,
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()
}

/// The Lambda panel.
#[component]
pub fn LambdaPanel(props: &LambdaPanelProps) -> Html {
    let (s, lang) = (&props.snap, props.lang);
    let l = &s.lambda;
    let lay = LambdaLayout::new(props.width);
    let sum = |v: &[u64]| v.iter().sum::<u64>();
    let (batch_total, realtime_total, answer_total, truth_total) =
        (sum(&l.batch), sum(&l.realtime), sum(&l.answer), sum(&s.truth));
    let off = l.batch_only;

    let producers = lay.node(N::Producers);
    let stream = lay.node(N::Stream);
    let master = lay.node(N::Master);
    let speed = lay.node(N::Speed);
    let batch = lay.node(N::Batch);
    let realtime = lay.node(N::Realtime);
    let serving = lay.node(N::Serving);
    let query = lay.node(N::Query);

    // The master dataset: the newest objects its Firehose delivery stream wrote (new ones fade in).
    let objects = l.recent_objects.iter().enumerate().map(|(i, (number, records))| {
        let y = master.y + 40.0 + 17.0 * i as f64;
        // Numbered in the order they were written.
        html! {
            <g key={*number} class="object">
                <rect x={f1(master.x + 8.0)} y={f1(y)} width={f1(master.w - 16.0)} height="14" rx="2" />
                <text x={f1(master.x + 12.0)} y={f1(y + 10.5)}>
                    { format!("{}-{:05} · {}", s.stream, number, grouped(*records, lang)) }
                </text>
            </g>
        }
    });
    // The running cycle: progress from its start to its end.
    let cycle = l.cycle.map(|(version, started, horizon, ends, facts)| {
        let span = ends.saturating_sub(started).max(1);
        let done = s.elapsed_ms.saturating_sub(started).min(span) * 1000 / span;
        (version, started, horizon, ends, facts, done)
    });
    // The realtime view's minutes, one block each (at most 20 drawn).
    let cols = 10usize;
    let block = ((realtime.w - 16.0) / cols as f64).floor();
    let blocks = (0..l.realtime_buckets.min(20) as usize).map(|i| {
        let (x, y) = (realtime.x + 8.0 + block * (i % cols) as f64, realtime.y + 42.0 + block * (i / cols) as f64);
        html! { <rect key={i} class="minute" x={f1(x)} y={f1(y)} width={f1(block - 2.0)} height={f1(block - 2.0)} rx="1.5" /> }
    });
    let rate_of_cycle =
        cycle.map_or(0, |(_, started, _, ends, facts, _)| facts * 1000 / ends.saturating_sub(started).max(1));
    let dots = Rc::new(vec![
        (lay.edge(E::Ingest), s.ingest_per_sec),
        (lay.edge(E::Archive), l.archiver_per_sec),
        (lay.edge(E::ToSpeed), if off { 0 } else { l.speed_per_sec }),
        (lay.edge(E::BatchRead), rate_of_cycle),
        (lay.edge(E::SpeedWrite), if off { 0 } else { l.speed_per_sec }),
    ]);

    let rows = s.groups.iter().enumerate().map(|(i, g)| {
        let at = |v: &Vec<u64>| v.get(i).copied().unwrap_or(0);
        html! {
            <tr key={g.clone()} data-testid="lambda-row">
                <th scope="row">{ g.clone() }</th>
                <td class="num" data-testid="lambda-batch">{ grouped(at(&l.batch), lang) }</td>
                <td class="num" data-testid="lambda-realtime">{ if off { "—".into() } else { grouped(at(&l.realtime), lang) } }</td>
                <td class="num strong" data-testid="lambda-answer">{ grouped(at(&l.answer), lang) }</td>
                <td class="num" data-testid="lambda-truth">{ grouped(at(&s.truth), lang) }</td>
            </tr>
        }
    });
    let on_bug = {
        let cb = props.on_step.clone();
        Callback::from(move |e: Event| cb.emit(PipelineAction::SpeedBug { on: checked(&e) }))
    };
    let on_batch_only = {
        let cb = props.on_step.clone();
        Callback::from(move |e: Event| cb.emit(PipelineAction::BatchOnly { on: checked(&e) }))
    };
    let wrong = l.measures.wrong;

    html! {
        <section class={classes!("arch", "lambda", off.then_some("batch-only"))} aria-labelledby="lambda-h" data-testid="lambda-panel">
            <header class="arch-head">
                <h3 id="lambda-h">{ P::LambdaTitle.text(lang) }</h3>
                <span class="codebases" data-testid="lambda-codebases">{ page::Msg::Codebases { n: l.measures.code_paths }.text(lang) }</span>
            </header>
            <p class="help" data-testid="not-aws-lambda">{ P::NotAwsLambda.text(lang) }</p>
            <svg class="diagram" viewBox={format!("0 0 {:.0} {:.0}", lay.width, lay.height)} role="img"
                 aria-label={t::Msg::LambdaAlt { version: l.batch_version, answer: grouped(answer_total, lang), truth: grouped(truth_total, lang) }.text(lang)}>
                { arrow_defs("pl-arrow-lambda") }
                // Edges first, so boxes sit on top of their ends.
                { edge(&lay.edge(E::Ingest), "ingest", "pl-arrow-lambda") }
                { edge(&lay.edge(E::Archive), "batch-path", "pl-arrow-lambda") }
                { edge(&lay.edge(E::ToSpeed), if off { "speed-path off" } else { "speed-path" }, "pl-arrow-lambda") }
                { edge(&lay.edge(E::BatchRead), "batch-path", "pl-arrow-lambda") }
                <g key={format!("swap-{}", l.batch_version)} class="swap-edge">
                    { edge(&lay.edge(E::Swap), "batch-path swap", "pl-arrow-lambda") }
                </g>
                { edge(&lay.edge(E::SpeedWrite), if off { "speed-path off" } else { "speed-path" }, "pl-arrow-lambda") }
                { edge(&lay.edge(E::BatchQuery), "query-path", "pl-arrow-lambda") }
                { edge(&lay.edge(E::RealtimeQuery), if off { "query-path off" } else { "query-path" }, "pl-arrow-lambda") }
                { edge_label(&lay.edge(E::Archive), -6.0, 4.0, "end", format!("{ARCHIVER} · {}", page::Msg::PerSec { n: grouped(l.archiver_per_sec, lang) }.text(lang))) }
                { edge_label(&lay.edge(E::ToSpeed), 6.0, 4.0, "start", page::Msg::PerSec { n: grouped(if off { 0 } else { l.speed_per_sec }, lang) }.text(lang)) }

                <g class="node producers">
                    { frame(&producers, "source") }
                    { line(&producers, 17.0, "t-title", page::Text::Producers.text(lang)) }
                    { line(&producers, 33.0, "t-line", page::Msg::PerSec { n: grouped(s.ingest_per_sec, lang) }.text(lang)) }
                </g>
                <g class="node stream">
                    { frame(&stream, "stream") }
                    { line(&stream, 17.0, "t-title", "Kinesis Data Streams") }
                    { line(&stream, 33.0, "t-line", format!("“{}” · {}", s.stream, Msg::OpenShards { n: s.kappa.open_shards }.text(lang))) }
                </g>
                <g class="node master" data-testid="master-dataset">
                    { frame(&master, "batch-box") }
                    { line(&master, 16.0, "t-title", P::MasterDataset.text(lang)) }
                    { line(&master, 31.0, "t-note", P::AppendOnly.text(lang)) }
                    { for objects }
                    { line(&master, master.h - 8.0, "t-line", t::Msg::Objects { n: grouped(l.archive_objects, lang), bytes: bytes(l.archive_bytes, lang) }.text(lang)) }
                </g>
                <g class={classes!("node", "speed", off.then_some("off"), l.speed_bug.then_some("bug"))}>
                    { frame(&speed, "speed-box") }
                    { line(&speed, 16.0, "t-title", P::SpeedLayer.text(lang)) }
                    { line(&speed, 31.0, "t-line", format!("λ {SPEED_LAYER}")) }
                    { line(&speed, 45.0, "t-note", P::AwsLambdaFunction.text(lang)) }
                    if off {
                        { line(&speed, 60.0, "t-strong", P::SpeedOff.text(lang)) }
                    } else if l.speed_bug {
                        { line(&speed, 60.0, "t-bug", page::Text::BugBadge.text(lang)) }
                    } else {
                        { line(&speed, 60.0, "t-line", t::Msg::Lag { delay: duration(l.speed_lag_ms, lang) }.text(lang)) }
                    }
                </g>
                <g class="node batch" data-testid="batch-layer">
                    { frame(&batch, "batch-box") }
                    { line(&batch, 16.0, "t-title", P::BatchLayer.text(lang)) }
                    { line(&batch, 30.0, "t-note", P::FromScratch.text(lang)) }
                    { bar(&batch, 38.0, cycle.map_or(0, |c| c.5), "cycle") }
                    if let Some((version, _, horizon, _, facts, _)) = cycle {
                        { line(&batch, 60.0, "t-line", t::Msg::CycleShort { version, facts: grouped(facts, lang) }.text(lang)) }
                        { line(&batch, 74.0, "t-line", t::Msg::Absorbs { at: clock(horizon) }.text(lang)) }
                    } else {
                        { line(&batch, 60.0, "t-line", P::Idle.text(lang)) }
                        if let Some(next) = l.next_batch_ms {
                            { line(&batch, 74.0, "t-line", format!("→ {}", clock(next))) }
                        }
                    }
                </g>
                <g class={classes!("node", "realtime", off.then_some("off"))} data-testid="realtime-view">
                    { frame(&realtime, "speed-box") }
                    { line(&realtime, 16.0, "t-title", P::RealtimeView.text(lang)) }
                    { line(&realtime, 32.0, "t-line", t::Msg::Covers { at: clock(l.batch_horizon_ms) }.text(lang)) }
                    { for blocks }
                    { line(&realtime, realtime.h - 42.0, "t-line", t::Msg::RecordsMinutes { records: grouped(l.realtime_records, lang), minutes: l.realtime_buckets }.text(lang)) }
                    if let Some(sw) = l.last_swap {
                        { line(&realtime, realtime.h - 24.0, "t-note", P::LastSwapExpired.text(lang)) }
                        { line(&realtime, realtime.h - 10.0, "t-note", t::Msg::ExpiredShort { minutes: sw.expired_buckets, records: grouped(sw.expired_records, lang) }.text(lang)) }
                    }
                </g>
                <g class="node serving-layer" data-testid="serving-layer">
                    { frame(&serving, "batch-box") }
                    // A new element per version: its flash plays once when a new view lands.
                    <rect key={format!("flash-{}", l.batch_version)} class="flash" x={f1(serving.x)} y={f1(serving.y)}
                          width={f1(serving.w)} height={f1(serving.h)} rx="6" />
                    { line(&serving, 16.0, "t-title", P::ServingLayer.text(lang)) }
                    { line(&serving, 32.0, "t-strong", t::Msg::BatchView { version: l.batch_version }.text(lang)) }
                    { line(&serving, 46.0, "t-line", t::Msg::Absorbed { at: clock(l.batch_horizon_ms) }.text(lang)) }
                    if let Some(at) = l.batch_swapped_ms {
                        { line(&serving, 60.0, "t-note", t::Msg::Swapped { at: clock(at) }.text(lang)) }
                    }
                </g>
                <g class="node query" data-testid="lambda-query">
                    { frame(&query, "query-box") }
                    { line(&query, 17.0, "t-title", if off { P::QueryBatchOnly.text(lang) } else { P::QueryMerge.text(lang) }) }
                    { line(&query, 36.0, "t-strong", t::Msg::MergeLine { batch: grouped(batch_total, lang), realtime: grouped(if off { 0 } else { realtime_total }, lang), answer: grouped(answer_total, lang) }.text(lang)) }
                    { line(&query, 52.0, "t-line", t::Msg::TruthShort { truth: grouped(truth_total, lang) }.text(lang)) }
                </g>
                <Dots edges={dots} />
            </svg>

            <div class="table-wrap" tabindex="0" role="region" aria-label={format!("{} (Lambda)", page::Text::AnswerTable.text(lang))}>
                <table data-testid="lambda-table">
                    <thead><tr>
                        <th scope="col">{ page::Text::Product.text(lang) }</th>
                        <th scope="col" class="num">{ format!("{} v{}", P::BatchCol.text(lang), l.batch_version) }</th>
                        <th scope="col" class="num">{ format!("+\u{a0}{}", P::RealtimeCol.text(lang)) }</th>
                        <th scope="col" class="num">{ format!("=\u{a0}{}", page::Text::AnswerCol.text(lang)) }</th>
                        <th scope="col" class="num">{ page::Text::TruthCol.text(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                    <tfoot><tr>
                        <th scope="row">{ page::Text::Total.text(lang) }</th>
                        <td class="num" data-testid="lambda-batch-total">{ grouped(batch_total, lang) }</td>
                        <td class="num" data-testid="lambda-realtime-total">{ if off { "—".into() } else { grouped(realtime_total, lang) } }</td>
                        <td class="num strong" data-testid="lambda-answer-total">{ grouped(answer_total, lang) }</td>
                        <td class="num" data-testid="lambda-truth-total">{ grouped(truth_total, lang) }</td>
                    </tr></tfoot>
                </table>
            </div>
            <dl class="pl-status">
                <dt>{ P::Horizon.text(lang) }</dt>
                <dd data-testid="lambda-horizon" data-version={l.batch_version.to_string()}>
                    { format!("{} · {}", t::Msg::BatchView { version: l.batch_version }.text(lang), t::Msg::Absorbed { at: clock(l.batch_horizon_ms) }.text(lang)) }
                </dd>
                <dt>{ P::Cycle.text(lang) }</dt>
                <dd data-testid="lambda-cycle">
                    if let Some((version, started, horizon, ends, facts, _)) = cycle {
                        { t::Msg::CycleLine { version, started: clock(started), ends: clock(ends), horizon: clock(horizon), facts: grouped(facts, lang) }.text(lang) }
                    } else if let Some(next) = l.next_batch_ms {
                        { t::Msg::NextCycleLine { at: clock(next) }.text(lang) }
                    }
                </dd>
                <dt>{ P::LastSwap.text(lang) }</dt>
                <dd data-testid="lambda-swap">
                    if let Some(sw) = l.last_swap {
                        { t::Msg::SwapLine { version: sw.version, at: clock(sw.at_ms), minutes: sw.expired_buckets, records: grouped(sw.expired_records, lang) }.text(lang) }
                    } else {
                        { P::NoSwapYet.text(lang) }
                    }
                </dd>
            </dl>
            <div class="toggles">
                <label class="check">
                    <input type="checkbox" data-testid="speed-bug" checked={l.speed_bug} onchange={on_bug} />
                    <span>{ P::SpeedBugToggle.text(lang) }</span>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="batch-only" checked={off} onchange={on_batch_only} />
                    <span>{ P::BatchOnlyToggle.text(lang) }</span>
                </label>
            </div>
            <p class={classes!("wrong", (wrong > 0).then_some("warn"))} data-testid="lambda-wrong" data-wrong={wrong.to_string()}>
                if wrong > 0 { { t::Msg::WrongLine { units: grouped(wrong, lang) }.text(lang) } } else { { P::NoWrong.text(lang) } }
            </p>
        </section>
    }
}
