//! The Kappa architecture panel (Kreps): one retained log, job v1 writing `table_v1` that the
//! app reads, and the explicit steps of a logic change: deploy v2 from `TRIM_HORIZON`, switch
//! once it has caught up, revert while v1 runs, stop v1, delete `table_v1`.

use super::model::{job_rate, job_slots, marker_x, KappaEdge as E, KappaLayout, KappaNode as N, Rect};
use super::numbers::{clock, delta, duration, parse_parallelism, storage_ratio};
use super::snapshot::{JobRow, PipelinesSnapshot};
use super::svg::{arrow_defs, bar, edge, edge_label, frame, line, Dots};
use crate::engine::time::HOUR_MS;
use crate::i18n::app::Msg;
use crate::i18n::pipelines::kappa::{self as t, Text as P};
use crate::i18n::pipelines::page;
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::answers::PipelineOutcome;
use crate::ui::format::{bytes, grouped, percent, shard_short};
use crate::ui::views::f1;
use crate::world::pipeline_spec::{job_name, PipelineAction};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`KappaPanel`].
#[derive(Properties, PartialEq)]
pub struct KappaPanelProps {
    /// The snapshot.
    pub snap: Rc<PipelinesSnapshot>,
    /// Language.
    pub lang: Lang,
    /// Diagram width.
    pub width: f64,
    /// Runs a pipeline step.
    pub on_step: Callback<PipelineAction>,
    /// The last pipeline step and the pipelines' answer.
    pub outcome: Option<PipelineOutcome>,
}

/// A job's box in the diagram (or the place of the next deploy).
fn job_box(r: &Rect, job: Option<&JobRow>, next: u32, serving: u32, now: u64, lang: Lang) -> Html {
    let Some(j) = job else {
        return html! {
            <g class="node job placeholder">
                { frame(r, "placeholder") }
                { line(r, 16.0, "t-title", job_name(next)) }
                { line(r, 32.0, "t-note", P::NotDeployed.text(lang)) }
            </g>
        };
    };
    let status = P::job_status(j.running, j.table_deleted, j.caught_up_ms.is_some()).text(lang);
    let class = classes!(
        "node",
        "job",
        (!j.running).then_some("off"),
        (j.version == serving).then_some("serving"),
        j.bug.then_some("bug")
    );
    html! {
        <g class={class} data-testid="job-box" data-version={j.version.to_string()}>
            { frame(r, "job-frame") }
            { line(r, 16.0, "t-title", job_name(j.version)) }
            { line(r, 31.0, "t-line", t::Msg::JobSettings { parallelism: j.parallelism, efo: j.enhanced_fan_out }.text(lang)) }
            { bar(r, 38.0, u64::from(j.progress_permille), if j.caught_up_ms.is_some() { "done" } else { "replay" }) }
            { line(r, 58.0, "t-small", format!("MillisBehindLatest {}", duration(j.millis_behind_latest, lang))) }
            { line(r, 73.0, if j.throttled > 0 { "t-warn" } else { "t-line" },
                   if j.throttled > 0 { format!("{} · {} {}", page::Msg::PerSec { n: grouped(job_rate(j, now), lang) }.text(lang), grouped(j.throttled, lang), P::ThrottledReads.text(lang)) }
                   else { page::Msg::PerSec { n: grouped(job_rate(j, now), lang) }.text(lang) }) }
            if j.bug && j.running {
                { line(r, 89.0, "t-bug", page::Text::BugBadge.text(lang)) }
            } else {
                { line(r, 89.0, "t-note", format!("{} · {}", status, percent(u64::from(j.progress_permille), 1000, 1, lang))) }
            }
        </g>
    }
}

fn table_box(r: &Rect, job: Option<&JobRow>, next: u32, lang: Lang) -> Html {
    let Some(j) = job else {
        return html! {
            <g class="node table placeholder">
                { frame(r, "placeholder") }
                { line(r, 18.0, "t-title", format!("table_v{next}")) }
            </g>
        };
    };
    html! {
        <g class={classes!("node", "table", j.table_deleted.then_some("deleted"))} data-testid="table-box" data-version={j.version.to_string()}>
            { frame(r, "table-frame") }
            { line(r, 18.0, "t-title", format!("table_v{}", j.version)) }
            if j.table_deleted {
                { line(r, 36.0, "t-note", P::Deleted.text(lang)) }
            } else {
                { line(r, 36.0, "t-line", t::Msg::TableSize { records: grouped(j.records, lang), bytes: bytes(j.table_bytes, lang) }.text(lang)) }
            }
        </g>
    }
}

/// The Kappa panel.
#[component]
pub fn KappaPanel(props: &KappaPanelProps) -> Html {
    let (s, lang) = (&props.snap, props.lang);
    let k = &s.kappa;
    let parallelism = use_state(|| String::from("8"));
    let efo = use_state(|| false);
    let invalid = use_state(|| None::<String>);

    let lay = KappaLayout::new(props.width);
    let (slot_a, slot_b) = job_slots(&k.jobs);
    let job_a = slot_a.and_then(|i| k.jobs.get(i));
    let job_b = slot_b.and_then(|i| k.jobs.get(i));
    let next = k.jobs.last().map_or(1, |j| j.version + 1);
    let log = lay.node(N::Log);
    let producers = lay.node(N::Producers);
    let app = lay.node(N::App);
    let rows = lay.shard_rows(k.shards.len());
    let hours = s.retention_ms / HOUR_MS;

    let shards = rows.iter().zip(&k.shards).enumerate().map(|(i, (row, id))| {
        let marks = [(job_a, true), (job_b, false)].into_iter().filter_map(|(j, above)| {
            let j = j.filter(|j| j.running)?;
            let x = marker_x(row, j.positions.get(i).copied().unwrap_or(0));
            let (tip, base) = if above { (row.y - 1.0, row.y - 6.0) } else { (row.bottom() + 1.0, row.bottom() + 6.0) };
            Some(html! {
                <g key={j.version} class={classes!("marker", if above { "a" } else { "b" })} data-testid="job-marker">
                    <path d={format!("M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}z", x, tip, x - 4.0, base, x + 4.0, base)} />
                    // Labels sit on the side of the marker that has room.
                    <text x={f1(if x > row.cx() { x - 6.0 } else { x + 6.0 })} y={f1(if above { row.y - 1.5 } else { row.bottom() + 8.0 })}
                          text-anchor={if x > row.cx() { "end" } else { "start" }}>{ format!("v{}", j.version) }</text>
                </g>
            })
        });
        html! {
            <g key={i} class="shard-row">
                <rect class="shard-bar" x={f1(row.x)} y={f1(row.y)} width={f1(row.w)} height={f1(row.h)} rx="2" />
                <text class="shard-label" x={f1(row.x + 4.0)} y={f1(row.y + row.h - 3.0)}>{ shard_short(*id) }</text>
                { for marks }
            </g>
        }
    });

    let serving_in_a = job_a.is_some_and(|j| j.version == k.serving);
    let pointer = if serving_in_a { lay.edge(E::AppA) } else { lay.edge(E::AppB) };
    let rate = |j: Option<&JobRow>| j.filter(|j| j.running).map_or(0, |j| job_rate(j, s.elapsed_ms));
    let dots = Rc::new(vec![
        (lay.edge(E::Ingest), s.ingest_per_sec),
        (lay.edge(E::ReadA), rate(job_a)),
        (lay.edge(E::ReadB), rate(job_b)),
        (lay.edge(E::WriteA), rate(job_a)),
        (lay.edge(E::WriteB), rate(job_b)),
    ]);
    let sum = |v: &[u64]| v.iter().sum::<u64>();
    let (answer_total, truth_total) = (sum(&k.answer), sum(&s.truth));

    // The steps and their reasons.
    let running: Vec<&JobRow> = k.jobs.iter().filter(|j| j.running).collect();
    // With one job running, Switch names the version a deploy would start.
    let newest = if running.len() > 1 { running.last().map_or(next, |j| j.version) } else { next };
    let oldest = running.first().map_or(k.serving, |j| j.version);
    let stopped = k.jobs.iter().find(|j| !j.running && !j.table_deleted).map_or(oldest, |j| j.version);
    let [can_deploy, can_switch, can_revert, can_stop, can_delete] = k.allowed;
    let step = |action: PipelineAction| {
        let cb = props.on_step.clone();
        Callback::from(move |_: MouseEvent| cb.emit(action.clone()))
    };
    let on_deploy = {
        let (cb, p, efo, invalid) = (props.on_step.clone(), parallelism.clone(), efo.clone(), invalid.clone());
        Callback::from(move |_: MouseEvent| match parse_parallelism(&p) {
            Some(n) => {
                invalid.set(None);
                cb.emit(PipelineAction::Deploy { parallelism: n, enhanced_fan_out: *efo });
            }
            None => invalid.set(Some((*p).clone())),
        })
    };
    let on_parallelism = {
        let p = parallelism.clone();
        Callback::from(move |e: InputEvent| p.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let on_efo = {
        let efo = efo.clone();
        Callback::from(move |e: Event| efo.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };
    let serving_job = k.jobs.iter().find(|j| j.version == k.serving && j.running);
    let on_job_bug = {
        let cb = props.on_step.clone();
        Callback::from(move |e: Event| {
            cb.emit(PipelineAction::JobBug { on: e.target_unchecked_into::<web_sys::HtmlInputElement>().checked() })
        })
    };
    let step_button = |id: &'static str, label: String, allowed: bool, why: P, action: PipelineAction| {
        let why_id = format!("{id}-why");
        html! {
            <li>
                <button type="button" data-testid={id} disabled={!allowed} onclick={step(action)}
                        aria-describedby={(!allowed).then(|| why_id.clone())}>{ label }</button>
                if !allowed {
                    <span class="why" id={why_id}>{ why.text(lang) }</span>
                }
            </li>
        }
    };
    let outcome = props
        .outcome
        .as_ref()
        .filter(|o| !matches!(o.action, PipelineAction::SpeedBug { .. } | PipelineAction::BatchOnly { .. }));
    let answer_rows = s.groups.iter().enumerate().map(|(i, g)| {
        let (a, tr) = (k.answer.get(i).copied().unwrap_or(0), s.truth.get(i).copied().unwrap_or(0));
        html! {
            <tr key={g.clone()} data-testid="kappa-row">
                <th scope="row">{ g.clone() }</th>
                <td class="num strong" data-testid="kappa-answer">{ grouped(a, lang) }</td>
                <td class="num">{ grouped(tr, lang) }</td>
                <td class="num">{ delta(a, tr, lang) }</td>
            </tr>
        }
    });
    let job_rows = k.jobs.iter().map(|j| {
        let status = P::job_status(j.running, j.table_deleted, j.caught_up_ms.is_some()).text(lang);
        html! {
            <tr key={j.version} data-testid="job-row" data-version={j.version.to_string()}
                class={classes!((!j.running).then_some("off"), (j.version == k.serving).then_some("serving"))}>
                <th scope="row">
                    { job_name(j.version) }{ if j.version == k.serving { "\u{a0}◀\u{a0}app" } else { "" } }
                    <br /><small>{ if j.enhanced_fan_out { "enhanced fan-out".to_string() } else { format!("{} · P={}", P::Shared.text(lang), j.parallelism) } }</small>
                </th>
                <td><span data-testid="job-status">{ status }</span>{ format!(" · {}", percent(u64::from(j.progress_permille), 1000, 1, lang)) }</td>
                <td class="num" data-testid="job-mbl">{ duration(j.millis_behind_latest, lang) }</td>
                <td class={classes!("num", (j.throttled > 0).then_some("warn"))} data-testid="job-throttled">{ format!("{} ({})", grouped(j.calls, lang), grouped(j.throttled, lang)) }</td>
            </tr>
        }
    });
    let missed = k.jobs.iter().filter_map(|j| j.missed.as_ref().map(|m| (j.version, m))).map(|(v, m)| {
        html! {
            <div key={v} class="missed" role="note" data-testid="missed" data-records={m.records.to_string()}>
                <h4>{ P::MissedTitle.text(lang) }</h4>
                <p>{ t::Msg::MissedLine { version: v, n: grouped(m.records, lang), from: clock(m.from_ms), to: clock(m.to_ms), hours }.text(lang) }</p>
                <ul>
                    { for s.groups.iter().zip(&m.values).filter(|(_, u)| **u > 0).map(|(g, u)| html! {
                        <li key={g.clone()}><strong>{ g.clone() }</strong>{ format!(": −{}", grouped(*u, lang)) }</li>
                    }) }
                </ul>
            </div>
        }
    });
    let throttled = k.jobs.iter().any(|j| j.throttled > 0);
    let storage_pct = (k.serving_bytes * 100).checked_div(k.tables_bytes).unwrap_or(100);

    html! {
        <section class="arch kappa" aria-labelledby="kappa-h" data-testid="kappa-panel">
            <header class="arch-head">
                <h3 id="kappa-h">{ P::KappaTitle.text(lang) }</h3>
                <span class="codebases" data-testid="kappa-codebases">{ page::Msg::Codebases { n: k.measures.code_paths }.text(lang) }</span>
            </header>
            <p class="help">{ P::KappaHelp.text(lang) }</p>
            <svg class="diagram" viewBox={format!("0 0 {:.0} {:.0}", lay.width, lay.height)} role="img"
                 aria-label={t::Msg::KappaAlt { jobs: running.len(), serving: k.serving, answer: grouped(answer_total, lang), truth: grouped(truth_total, lang) }.text(lang)}>
                { arrow_defs("pl-arrow-kappa") }
                { edge(&lay.edge(E::Ingest), "ingest", "pl-arrow-kappa") }
                { edge(&lay.edge(E::ReadA), if rate(job_a) > 0 || job_a.is_some_and(|j| j.running) { "kappa-path" } else { "kappa-path off" }, "pl-arrow-kappa") }
                { edge(&lay.edge(E::ReadB), if job_b.is_some_and(|j| j.running) { "kappa-path" } else { "kappa-path off" }, "pl-arrow-kappa") }
                { edge(&lay.edge(E::WriteA), if job_a.is_some_and(|j| j.running) { "kappa-path" } else { "kappa-path off" }, "pl-arrow-kappa") }
                { edge(&lay.edge(E::WriteB), if job_b.is_some_and(|j| j.running) { "kappa-path" } else { "kappa-path off" }, "pl-arrow-kappa") }
                <g key={format!("pointer-{}", k.serving)} class="pointer-edge" data-testid="app-pointer" data-version={k.serving.to_string()}>
                    { edge(&pointer, "pointer", "pl-arrow-kappa") }
                </g>
                if let Some(j) = job_a.filter(|j| j.running) {
                    { edge_label(&lay.edge(E::ReadA), 6.0, 4.0, "start", page::Msg::PerSec { n: grouped(job_rate(j, s.elapsed_ms), lang) }.text(lang)) }
                }
                if let Some(j) = job_b.filter(|j| j.running) {
                    { edge_label(&lay.edge(E::ReadB), 6.0, 4.0, "start", page::Msg::PerSec { n: grouped(job_rate(j, s.elapsed_ms), lang) }.text(lang)) }
                }

                <g class="node producers">
                    { frame(&producers, "source") }
                    { line(&producers, 17.0, "t-title", page::Text::Producers.text(lang)) }
                    { line(&producers, 33.0, "t-line", page::Msg::PerSec { n: grouped(s.ingest_per_sec, lang) }.text(lang)) }
                </g>
                <g class="node log" data-testid="kappa-log">
                    { frame(&log, "stream") }
                    { line(&log, 16.0, "t-title", t::Msg::LogTitle { stream: s.stream.clone() }.text(lang)) }
                    if k.log_expired > 0 {
                        { line(&log, 30.0, "t-warn", t::Msg::ExpiredRecords { hours, n: grouped(k.log_expired, lang) }.text(lang)) }
                    } else {
                        { line(&log, 30.0, "t-note", t::Msg::LogLine { hours, records: grouped(k.log_records, lang) }.text(lang)) }
                    }
                    { for shards }
                    <text class="t-small" x={f1(log.x + 10.0)} y={f1(log.bottom() - 8.0)}>
                        { format!("TRIM_HORIZON {}", k.trim_horizon_ms.map(clock).unwrap_or_default()) }
                    </text>
                    <text class="t-small" x={f1(log.right() - 10.0)} y={f1(log.bottom() - 8.0)} text-anchor="end">
                        { format!("{} {}", P::Now.text(lang), clock(s.elapsed_ms)) }
                    </text>
                </g>
                { job_box(&lay.node(N::JobA), job_a, next, k.serving, s.elapsed_ms, lang) }
                { job_box(&lay.node(N::JobB), job_b, next, k.serving, s.elapsed_ms, lang) }
                { table_box(&lay.node(N::TableA), job_a, next, lang) }
                { table_box(&lay.node(N::TableB), job_b, next, lang) }
                <g class="node app">
                    { frame(&app, "app-frame") }
                    { line(&app, 16.0, "t-title", P::App.text(lang)) }
                    { line(&app, 32.0, "t-strong", t::Msg::ReadsTable { version: k.serving }.text(lang)) }
                </g>
                <Dots edges={dots} />
            </svg>

            <div class="table-wrap" tabindex="0" role="region" aria-label={format!("{} (Kappa)", page::Text::AnswerTable.text(lang))}>
                <table data-testid="kappa-table">
                    <thead><tr>
                        <th scope="col">{ page::Text::Product.text(lang) }</th>
                        <th scope="col" class="num">{ format!("table_v{} ({})", k.serving, page::Text::AnswerCol.text(lang)) }</th>
                        <th scope="col" class="num">{ page::Text::TruthCol.text(lang) }</th>
                        <th scope="col" class="num">{ "Δ" }</th>
                    </tr></thead>
                    <tbody>{ for answer_rows }</tbody>
                    <tfoot><tr>
                        <th scope="row">{ page::Text::Total.text(lang) }</th>
                        <td class="num strong" data-testid="kappa-answer-total">{ grouped(answer_total, lang) }</td>
                        <td class="num">{ grouped(truth_total, lang) }</td>
                        <td class="num">{ delta(answer_total, truth_total, lang) }</td>
                    </tr></tfoot>
                </table>
            </div>

            <div class="steps" role="group" aria-labelledby="kappa-steps-h">
                <h4 id="kappa-steps-h">{ P::Steps.text(lang) }</h4>
                <div class="deploy">
                    <label class="field">
                        <span>{ P::Parallelism.text(lang) }</span>
                        <input type="number" min="1" max="64" inputmode="numeric" data-testid="parallelism"
                               value={(*parallelism).clone()} oninput={on_parallelism}
                               aria-invalid={invalid.is_some().to_string()}
                               aria-describedby={invalid.is_some().then_some("parallelism-error")} />
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="efo" checked={*efo} onchange={on_efo} />
                        <span>{ P::EfoToggle.text(lang) }</span>
                    </label>
                    if let Some(v) = (*invalid).clone() {
                        <p class="error" role="alert" id="parallelism-error" data-testid="parallelism-error">
                            { Msg::BadField { field: P::Parallelism.text(lang), value: v, allowed: "1–64".into() }.text(lang) }
                        </p>
                    }
                </div>
                <ol class="step-list">
                    <li>
                        <button type="button" class="primary" data-testid="deploy" disabled={!can_deploy} onclick={on_deploy}
                                aria-describedby={(!can_deploy).then_some("deploy-why")}>{ t::Msg::Deploy { version: next }.text(lang) }</button>
                        if !can_deploy {
                            <span class="why" id="deploy-why">{ P::DeployWhy.text(lang) }</span>
                        }
                    </li>
                    { step_button("switch", t::Msg::Switch { version: newest }.text(lang), can_switch, P::SwitchWhy, PipelineAction::Switch) }
                    { step_button("revert", t::Msg::Revert { version: oldest }.text(lang), can_revert, P::RevertWhy, PipelineAction::Revert) }
                    { step_button("stop-old", t::Msg::Stop { version: oldest }.text(lang), can_stop, P::StopWhy, PipelineAction::StopOld) }
                    { step_button("delete-old", t::Msg::Delete { version: stopped }.text(lang), can_delete, P::DeleteWhy, PipelineAction::DeleteOldTable) }
                </ol>
                if let Some(o) = outcome {
                    { match &o.result {
                        Ok(()) => html! {
                            <p class="outcome ok" data-testid="pipeline-outcome" data-code="ok">
                                { format!("{}: {}", P::Done.text(lang), o.action.text(lang)) }
                            </p>
                        },
                        Err(e) => html! {
                            <p class="outcome error-box" role="alert" data-testid="pipeline-outcome" data-code={e.code()}>
                                <strong>{ format!("{} ({}): {}", P::Refused.text(lang), o.action.text(lang), e.code()) }</strong>
                                { " " }
                                { e.text(lang) }
                            </p>
                        },
                    } }
                }
            </div>
            if let Some(j) = serving_job {
                <div class="toggles">
                    <label class="check">
                        <input type="checkbox" data-testid="job-bug" checked={j.bug} onchange={on_job_bug} />
                        <span>{ t::Msg::JobBug { version: j.version }.text(lang) }</span>
                    </label>
                </div>
            }
            if k.measures.wrong > 0 {
                <p class="wrong warn" data-testid="kappa-wrong">{ t::Msg::WrongLine { units: grouped(k.measures.wrong, lang) }.text(lang) }</p>
            }
            <div class="table-wrap" tabindex="0" role="region" aria-label={P::Jobs.text(lang)}>
                <table data-testid="jobs-table">
                    <thead><tr>
                        <th scope="col">{ format!("{} · {}", P::JobCol.text(lang), P::ReadsWith.text(lang)) }</th>
                        <th scope="col">{ format!("{} · {}", P::StatusCol.text(lang), P::ProgressCol.text(lang)) }</th>
                        <th scope="col" class="num">{ "MillisBehind" }<wbr />{ "Latest" }</th>
                        <th scope="col" class="num">{ P::CallsCol.text(lang) }</th>
                    </tr></thead>
                    <tbody>{ for job_rows }</tbody>
                </table>
            </div>
            if throttled {
                <p class="help" data-testid="throttle-note">{ P::ThrottleNote.text(lang) }</p>
            }
            <div class="storage" data-testid="storage" data-ratio={storage_ratio(k.tables_bytes, k.serving_bytes, lang)}>
                <h4>{ P::StorageTitle.text(lang) }</h4>
                <div class="gauge" aria-hidden="true">
                    <div class="gauge-serving" style={format!("width: {storage_pct}%")}></div>
                </div>
                <p>{ t::Msg::StorageLine { tables: bytes(k.tables_bytes, lang), serving: bytes(k.serving_bytes, lang), ratio: storage_ratio(k.tables_bytes, k.serving_bytes, lang) }.text(lang) }</p>
                <p class="help">{ P::StorageNote.text(lang) }</p>
            </div>
            { for missed }
            <p class="help">{ P::RetentionHint.text(lang) }</p>
        </section>
    }
}
