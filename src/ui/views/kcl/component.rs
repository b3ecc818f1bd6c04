//! The kcl view's Yew component: the workers holding their leases, the lease table, the
//! records read twice, the latest lease moves and the KCL version box.

use super::model::RowState;
use super::snapshot::{CheckpointCell, KclSnapshot, LeaseRow, WorkerBox};
use crate::i18n::kcl::{Msg, Text};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::{clock, shard_short};
use crate::world::consumer::ConsumerSpec;
use crate::world::polling::PollingSpec;
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// AWS's pages the view cites.
const SOURCES: [(Text, &str); 3] = [
    (Text::SourceTable, "https://docs.aws.amazon.com/streams/latest/dev/kcl-dynamoDB.html"),
    (Text::SourceConfig, "https://docs.aws.amazon.com/streams/latest/dev/kcl-configuration.html"),
    (Text::SourceV3, "https://docs.aws.amazon.com/streams/latest/dev/kcl-migration-from-2-3.html"),
];

/// Processing time per record of the application the "add" button starts, µs: long enough
/// that a killed worker is often caught in the middle of a batch (whose records are then read
/// twice).
const ADDED_APP_US_PER_RECORD: u64 = 5_000;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct KclProps {
    /// UI language.
    pub lang: Lang,
    /// What to show ([`KclSnapshot::of`]).
    pub snapshot: Rc<KclSnapshot>,
    /// Sends a world command (kill or add a worker, add an application).
    pub on_command: Callback<Command>,
}

/// The view.
#[component]
pub fn KclView(props: &KclProps) -> Html {
    let lang = props.lang;
    let send = &props.on_command;
    let body = match &props.snapshot.app {
        None => {
            let add = send.reform(|_: MouseEvent| Command::AddConsumer {
                consumer: ConsumerSpec::Polling(PollingSpec {
                    name: "kcl-app".into(),
                    workers: 2,
                    handler_us_per_record: ADDED_APP_US_PER_RECORD,
                    ..PollingSpec::default()
                }),
            });
            html! {
                <div class="kcl-noapp">
                    <p>{ Text::NoApp.text(lang) }</p>
                    <button type="button" data-testid="kcl-add-app" onclick={add}>{ Text::AddApp.text(lang) }</button>
                </div>
            }
        }
        Some(app) => {
            let live = app.workers.iter().filter(|w| w.alive).count();
            let leases = app.rows.iter().filter(|r| r.state != RowState::Finished).count();
            let name = app.name.clone();
            let add_worker = send.reform(move |_: MouseEvent| Command::AddWorker { name: name.clone() });
            html! {
                <>
                    <p class="kcl-app">
                        <strong>{ Msg::App { name: app.name.clone(), live, leases }.text(lang) }</strong>
                        { " " }{ Msg::Timing { failover: app.failover_ms, renew: app.renew_ms, taker: app.taker_ms }.text(lang) }
                    </p>
                    <div class="kcl-grid">
                        <section class="kcl-workers">
                            <h3 id="kcl-workers-h">{ Text::WorkersHeading.text(lang) }</h3>
                            <ul class="kcl-worker-list">
                                { for app.workers.iter().map(|w| worker_box(w, &app.name, send, lang)) }
                            </ul>
                            <button type="button" class="kcl-add-worker" data-testid="kcl-add-worker" onclick={add_worker}>
                                { "+ " }{ Text::AddWorker.text(lang) }
                            </button>
                        </section>
                        <section class="kcl-leases">
                            <h3 id="kcl-table-h">{ Text::TableHeading.text(lang) }</h3>
                            <div class="kcl-table-scroll" tabindex="0" role="region" aria-labelledby="kcl-table-h">
                                <table class="kcl-table" data-testid="kcl-lease-table">
                                    <thead>
                                        <tr>
                                            { head(Text::ColKey, Text::GlossKey, lang) }
                                            { head(Text::ColOwner, Text::GlossOwner, lang) }
                                            { head(Text::ColCheckpoint, Text::GlossCheckpoint, lang) }
                                            { head(Text::ColCounter, Text::GlossCounter, lang) }
                                            { head(Text::ColSwitches, Text::GlossSwitches, lang) }
                                            { head(Text::ColParents, Text::GlossParents, lang) }
                                            <th scope="col">{ Text::ColState.text(lang) }</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        { for app.rows.iter().map(|r| lease_row(r, &app.workers, lang)) }
                                    </tbody>
                                </table>
                            </div>
                            <p class="kcl-note">
                                { Text::MovedLegend.text(lang) }
                                if let Some(ms) = app.next_taker_ms {
                                    { " " }{ Msg::NextTaker { ms }.text(lang) }{ "." }
                                }
                            </p>
                        </section>
                    </div>
                    <div class="kcl-lower">
                        <section class="kcl-dups" data-testid="kcl-dups" aria-labelledby="kcl-dups-h">
                            <h3 id="kcl-dups-h">{ Text::DupHeading.text(lang) }</h3>
                            <p class="kcl-dup-count" data-testid="kcl-dup-count" data-count={app.duplicates.to_string()}>
                                { Msg::Rereads { n: app.duplicates }.text(lang) }
                            </p>
                            <p class="kcl-note">{ Text::DupExplain.text(lang) }</p>
                            if app.rereads.is_empty() {
                                <p class="kcl-note">{ Text::NoDup.text(lang) }</p>
                            } else {
                                <ul class="kcl-log">
                                    { for app.rereads.iter().enumerate().map(|(i, r)| html! {
                                        <li key={i}>{ Msg::RereadLine { at: clock(r.at_ms), shard: r.shard, seq: r.seq.clone(), worker: r.worker }.text(lang) }</li>
                                    }) }
                                </ul>
                            }
                        </section>
                        <section class="kcl-moves" aria-labelledby="kcl-moves-h">
                            <h3 id="kcl-moves-h">{ Text::MovesHeading.text(lang) }</h3>
                            <p>{ Msg::Moves { n: app.move_count }.text(lang) }</p>
                            if app.moves.is_empty() {
                                <p class="kcl-note">{ Text::NoMoves.text(lang) }</p>
                            } else {
                                <ul class="kcl-log" data-testid="kcl-moves">
                                    { for app.moves.iter().enumerate().map(|(i, m)| html! {
                                        <li key={i}>{ Msg::MoveLine { at: clock(m.at.millis()), shard: m.shard, from: m.from, to: m.to, stolen: m.stolen }.text(lang) }</li>
                                    }) }
                                </ul>
                            }
                        </section>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="kcl-view" data-testid="kcl-view">
            <h2>{ Text::Title.text(lang) }</h2>
            <p class="kcl-help">{ Text::Help.text(lang) }</p>
            { body }
            <aside class="kcl-version" data-testid="kcl-version" aria-labelledby="kcl-version-h">
                <h3 id="kcl-version-h">{ Text::VersionHeading.text(lang) }</h3>
                <p>{ Text::Version2.text(lang) }</p>
                <h4>{ Text::Version3Heading.text(lang) }</h4>
                <ul>
                    <li>{ Text::V3Metrics.text(lang) }</li>
                    <li>{ Text::V3Leader.text(lang) }</li>
                    <li>{ Text::V3Cpu.text(lang) }</li>
                    <li>{ Text::V3Handoff.text(lang) }</li>
                </ul>
                <p class="kcl-sources">
                    { Text::Sources.text(lang) }
                    { for SOURCES.iter().map(|(t, url)| html! {
                        <>{ " " }<a href={*url} target="_blank" rel="noopener">{ t.text(lang) }</a></>
                    }) }
                </p>
            </aside>
        </section>
    }
}

/// A column head: the KCL attribute and a gloss under it.
fn head(name: Text, gloss: Text, lang: Lang) -> Html {
    html! {
        <th scope="col"><code>{ name.text(lang) }</code><span class="kcl-gloss">{ gloss.text(lang) }</span></th>
    }
}

/// The CSS class of worker `n`'s colour (eight, cycling); the name is always written too.
fn hue(n: u32) -> String {
    format!("kcl-w{}", n % 8)
}

/// A worker box with its lease chips and its kill button.
fn worker_box(w: &WorkerBox, app: &str, send: &Callback<Command>, lang: Lang) -> Html {
    let n = w.n;
    let name = app.to_string();
    let kill = send.reform(move |_: MouseEvent| Command::KillWorker { name: name.clone(), worker: n });
    let class = classes!("kcl-worker", hue(n), (!w.alive).then_some("dead"));
    html! {
        <li key={n} class={class} data-testid={format!("kcl-worker-{n}")} data-alive={w.alive.to_string()}>
            <div class="kcl-worker-head">
                <strong>{ Msg::Worker { n }.text(lang) }</strong>
                <span class="kcl-badge">{ if w.alive { Text::Alive.text(lang) } else { Text::Killed.text(lang) } }</span>
            </div>
            <div class="kcl-chips">
                if w.leases.is_empty() {
                    <span class="kcl-empty">{ Text::NoLeases.text(lang) }</span>
                } else {
                    if !w.alive { <span class="kcl-empty">{ Text::StillNamed.text(lang) }</span> }
                    { for w.leases.iter().map(|s| html! {
                        <span key={s.0} class="kcl-chip" title={s.to_string()}>{ shard_short(*s) }</span>
                    }) }
                }
            </div>
            if w.alive {
                <button type="button" class="kcl-kill" data-testid={format!("kcl-kill-{n}")} onclick={kill}>
                    { Msg::Kill { n }.text(lang) }
                </button>
            }
        </li>
    }
}

/// One row of the lease table.
fn lease_row(r: &LeaseRow, workers: &[WorkerBox], lang: Lang) -> Html {
    let none = Text::None.text(lang);
    let owner = match r.owner {
        Some(n) => {
            let dead = workers.get(n as usize).is_some_and(|w| !w.alive);
            html! {
                <span class={classes!("kcl-owner", hue(n))}>
                    { Msg::Worker { n }.text(lang) }
                    if dead { { " (" }{ Text::Killed.text(lang) }{ ")" } }
                </span>
            }
        }
        None => html! { none },
    };
    let checkpoint = match &r.checkpoint {
        CheckpointCell::TrimHorizon => html! { <code>{ "TRIM_HORIZON" }</code> },
        CheckpointCell::Latest => html! { <code>{ "LATEST" }</code> },
        CheckpointCell::ShardEnd => html! { <code>{ "SHARD_END" }</code> },
        CheckpointCell::Sequence { short, full } => html! { <code title={full.clone()}>{ short.clone() }</code> },
    };
    let parents = if r.parents.is_empty() {
        none.to_string()
    } else {
        r.parents.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")
    };
    let (state, state_class) = match r.state {
        RowState::Finished => (Text::Finished.text(lang).to_string(), "finished"),
        RowState::Renewed => (Text::Renewed.text(lang).to_string(), "renewed"),
        RowState::Unowned => (Text::Unowned.text(lang).to_string(), "unowned"),
        RowState::ExpiresIn(ms) => (Msg::ExpiresIn { ms }.text(lang), "expiring"),
        RowState::ExpiredWaiting => (Text::ExpiredWaiting.text(lang).to_string(), "expired"),
    };
    let class = classes!("kcl-row", state_class, r.moved.then_some("moved"));
    html! {
        <tr key={r.shard.0} class={class} data-shard={r.shard.0.to_string()}
            data-owner={r.owner.map(|o| o.to_string()).unwrap_or_default()}>
            <th scope="row"><code>{ r.shard.to_string() }</code>if r.moved { <span class="kcl-moved-mark">{ " ⇄" }</span> }</th>
            <td>{ owner }</td>
            <td>{ checkpoint }</td>
            <td class="num">{ r.counter }</td>
            <td class="num">{ r.owner_switches }</td>
            <td><code>{ parents }</code></td>
            <td class="kcl-state">{ state }</td>
        </tr>
    }
}
