//! The resharding view: the lineage graph, the reshard actions, the moved keys and the
//! parent-first ordering demo.

use super::model::{layout, reshards, State, HASH_H, LEFT, NARROW_WIDTH, TOP, WIDTH};
use super::snapshot::{CallAnswer, LineageSnapshot};
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamStatus;
use crate::i18n::app::Text;
use crate::i18n::resharding::{Msg as ReshardingMsg, Text as R};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::{duration, grouped, hash_key_short, percent, sequence_tail, DurationStyle};
use crate::ui::views::f1;
use crate::ui::views::live_input::LiveInput;
use crate::world::consumer::ConsumerSpec;
use crate::world::polling::PollingSpec;
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Resharding`].
#[derive(Properties, PartialEq)]
pub struct ReshardingProps {
    /// What to draw.
    pub snapshot: Rc<LineageSnapshot>,
    /// AWS's answer to the last API call a view made, if any.
    pub answer: Option<CallAnswer>,
    /// Language.
    pub lang: Lang,
    /// Makes a Kinesis API call on the running stream: operation and request (the stream name
    /// is filled in).
    pub on_api: Callback<(String, serde_json::Value)>,
    /// Runs a world command now (adds the naive reader).
    pub on_command: Callback<Command>,
}

fn clock(ms: u64) -> String {
    crate::ui::format::clock(ms)
}

/// A record's shard, sequence number (its last digits; the whole one on hover) and arrival.
fn record_cell(shard: ShardId, seq: &str, arrival_ms: u64, lang: Lang) -> Html {
    html! {
        <>
            { shard.to_string() }<br />
            <code title={seq.to_string()}>{ format!("…{}", sequence_tail(seq, 10)) }</code>{ format!(" · {}", duration(arrival_ms, DurationStyle::ClockMillis, lang)) }
        </>
    }
}

/// A state's CSS class, its short word for a lineage bar and its table cell (AWS's word with
/// a gloss).
fn state_words(state: State) -> (&'static str, R, R) {
    match state {
        State::Open => ("open", R::OpenShort, R::OpenCell),
        State::Closed => ("closed", R::ClosedShort, R::ClosedCell),
        State::Expired => ("expired", R::ExpiredShort, R::ExpiredCell),
    }
}

/// Shard ids joined by `sep`.
fn ids(shards: &[ShardId], sep: &str) -> String {
    shards.iter().map(ShardId::to_string).collect::<Vec<_>>().join(sep)
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()
}

/// The resharding view.
#[component]
pub fn Resharding(props: &ReshardingProps) -> Html {
    let lang = props.lang;
    let snap = &props.snapshot;
    let l = layout(snap, if crate::ui::views::is_narrow() { NARROW_WIDTH } else { WIDTH }, lang);
    let open: Vec<_> = {
        let mut v: Vec<_> = snap.shards.iter().filter(|s| s.closed_ms.is_none()).collect();
        v.sort_by_key(|s| s.start);
        v
    };
    let split_shard = use_state(String::new);
    let split_key = use_state(String::new);
    let merge_pair = use_state(String::new);
    let count = use_state(|| String::from("2"));
    let chosen = open.iter().find(|s| s.id.to_string() == *split_shard).or_else(|| open.first()).copied();
    let midpoint = chosen.map(|s| s.start + (s.end - s.start) / 2 + 1).unwrap_or_default();
    let pairs: Vec<(ShardId, ShardId)> = open.windows(2).map(|w| (w[0].id, w[1].id)).collect();
    let pair = pairs.iter().find(|(a, b)| format!("{a}+{b}") == *merge_pair).or_else(|| pairs.first()).copied();

    let on_split = {
        let key = if split_key.is_empty() { midpoint.to_string() } else { (*split_key).clone() };
        let shard = chosen.map(|s| s.id.to_string()).unwrap_or_default();
        props.on_api.reform(move |_: MouseEvent| {
            ("SplitShard".into(), serde_json::json!({"ShardToSplit": shard, "NewStartingHashKey": key}))
        })
    };
    let on_merge = {
        let on_api = props.on_api.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((a, b)) = pair {
                on_api.emit((
                    "MergeShards".into(),
                    serde_json::json!({"ShardToMerge": a.to_string(), "AdjacentShardToMerge": b.to_string()}),
                ));
            }
        })
    };
    let on_count = {
        let n: i64 = count.trim().parse().unwrap_or(0);
        props.on_api.reform(move |_: MouseEvent| {
            ("UpdateShardCount".into(), serde_json::json!({"TargetShardCount": n, "ScalingType": "UNIFORM_SCALING"}))
        })
    };
    let n_naive = snap.consumers.len() + 1;
    let on_naive = props.on_command.reform(move |_: MouseEvent| Command::AddConsumer {
        consumer: ConsumerSpec::Polling(PollingSpec {
            name: format!("naive-reader-{n_naive}"),
            parent_first: false,
            ..PollingSpec::default()
        }),
    });

    let answer = match &props.answer {
        None => html! { <p class="help">{ R::NoCall.text(lang) }</p> },
        Some(a) => match &a.error {
            None => html! { <p data-testid="reshard-answer">{ format!("{} → 200 OK", a.operation) }</p> },
            Some(error) => {
                let why = R::explanation(error.error_type);
                html! {
                    <div data-testid="reshard-answer" class="error-box" role="alert">
                        <p><strong>{ format!("{}: {}", a.operation, error.error_type.as_str()) }</strong></p>
                        <p>{ crate::i18n::lang::isolate_quoted_value(error.message_text()) }</p>
                        if let Some(w) = why { <p class="help">{ w.text(lang) }</p> }
                    </div>
                }
            }
        },
    };

    let bars = l.bars.iter().map(|b| {
        let (class, short, cell) = state_words(b.state);
        let label = format!("{} {}", b.label, short.text(lang));
        // Only the shard's number when its state does not fit in the bar (≈ 6 units a letter).
        let label = if label.chars().count() as f64 * 6.0 + 8.0 <= b.w { label } else { b.label.clone() };
        html! {
            <g key={b.id.to_string()} class={classes!("bar", class)} data-testid="lineage-shard" data-state={b.state.word()}>
                <title>{ format!("{} · {}", b.id, cell.text(lang)) }</title>
                <rect x={f1(b.x)} y={f1(b.y)} width={f1(b.w)} height={f1(b.h)} rx="2" />
                if b.w > 24.0 && b.h > 12.0 {
                    <text x={f1(b.x + 4.0)} y={f1(b.y + b.h / 2.0)} dominant-baseline="middle">
                        { label }
                    </text>
                }
            </g>
        }
    });
    let edges = l.edges.iter().map(|e| {
        let mid = ((e.x1 + e.x2) / 2.0, (e.y1 + e.y2) / 2.0);
        html! {
            <g key={format!("{}-{}", e.parent, e.child)} class={classes!("edge", (e.field == "AdjacentParentShardId").then_some("adjacent"))} data-testid="lineage-edge">
                <title>{ format!("{}: {} → {}", e.field, e.parent, e.child) }</title>
                <path d={format!("M{:.1} {:.1}C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}", e.x1, e.y1, mid.0, e.y1, mid.0, e.y2, e.x2, e.y2)} marker-end="url(#arrow)" />
            </g>
        }
    });
    let rows = snap.shards.iter().map(|s| {
        let state = State::of(s);
        html! {
            <tr key={s.id.to_string()} class={classes!(format!("row-{}", state.word().to_lowercase()))}>
                <th scope="row">{ s.id.to_string() }</th>
                <td>{ s.parent.map(|p| p.to_string()).unwrap_or_default() }</td>
                <td>{ s.adjacent_parent.map(|p| p.to_string()).unwrap_or_default() }</td>
                <td><span title={s.start.to_string()}>{ hash_key_short(s.start) }</span>{ " – " }<span title={s.end.to_string()}>{ hash_key_short(s.end) }</span></td>
                <td>{ state_words(state).2.text(lang) }</td>
                <td>{ clock(s.created_ms) }</td>
                <td>{ s.closed_ms.map(clock).unwrap_or_default() }</td>
                <td class="num">{ grouped(s.retained, lang) }</td>
            </tr>
        }
    });
    let events = reshards(snap);
    let consumers = snap.consumers.iter().map(|c| {
        html! {
            <tr key={c.name.clone()}>
                <th scope="row"><bdi>{ c.name.clone() }</bdi></th>
                <td>{ c.kind.label().text(lang) }</td>
                <td>{ if c.parent_first { R::ParentFirst.text(lang) } else { R::ChildrenFirst.text(lang) } }</td>
                <td class="num">{ grouped(c.delivered, lang) }</td>
                <td class={classes!("num", (c.order_violations > 0).then_some("warn"))} data-testid="out-of-order">{ grouped(c.order_violations, lang) }</td>
            </tr>
        }
    });

    let out_of_order: Vec<Html> = snap
        .consumers
        .iter()
        .flat_map(|c| {
            c.out_of_order.iter().rev().map(move |o| {
                // `data-label`: the column's name, shown on phones where rows stack.
                html! {
                    <tr key={format!("{}-{}", c.name, o.sequence_number)} data-testid="out-of-order-record">
                        <th scope="row"><bdi>{ c.name.clone() }</bdi></th>
                        <td class="c-key" data-label="PartitionKey"><code><bdi>{ o.partition_key.clone() }</bdi></code></td>
                        <td class="c-rec" data-label={R::OooRecord.text(lang)}>{ record_cell(o.shard, &o.sequence_number, o.arrival_ms, lang) }</td>
                        <td class="c-after" data-label={R::OooAfter.text(lang)}>{ record_cell(o.after_shard, &o.after, o.after_arrival_ms, lang) }</td>
                        <td class="num c-at" data-label={R::OooReceived.text(lang)}>{ duration(o.delivered_ms, DurationStyle::ClockMillis, lang) }</td>
                    </tr>
                }
            })
        })
        .collect();

    html! {
        <section class="resharding" data-testid="resharding">
            <h2>{ R::Title.text(lang) }</h2>
            <p class="help">{ R::Help.text(lang) }</p>
            { crate::ui::views::other_stream_note(lang, &snap.stream_name, snap.scenario_stream.as_ref()) }
            if snap.status == Some(StreamStatus::Updating) {
                <p class="notice" role="status" data-testid="updating">{ R::Updating.text(lang) }</p>
            }
            <svg class="lineage" data-card="lineage" viewBox={format!("0 0 {:.0} {:.0}", l.width, l.height)} role="img" aria-label={R::Title.text(lang)}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" />
                    </marker>
                </defs>
                <rect class="space" x={LEFT.to_string()} y={TOP.to_string()} width={f1(l.width - LEFT - 10.0)} height={HASH_H.to_string()} />
                <text class="axis-label" x="4" y={f1(TOP + 8.0)}>{ "0" }</text>
                <text class="axis-label" x="4" y={f1(TOP + HASH_H / 2.0)}>{ "2¹²⁷" }</text>
                <text class="axis-label" x="4" y={f1(TOP + HASH_H)}>{ "2¹²⁸" }</text>
                { for bars }
                { for edges }
                { for l.ticks.iter().enumerate().map(|(i, (x, t))| {
                    let anchor = if i == 0 { "start" } else if i + 1 == l.ticks.len() { "end" } else { "middle" };
                    html! { <text key={i} class="axis-label" x={f1(*x)} y={f1(l.axis_y + 14.0)} text-anchor={anchor}>{ t.clone() }</text> }
                }) }
            </svg>
            <ul class="legend-states">
                <li><span class="swatch open" aria-hidden="true"></span>{ R::StateOpen.text(lang) }</li>
                <li><span class="swatch closed" aria-hidden="true"></span>{ R::StateClosed.text(lang) }</li>
                <li><span class="swatch expired" aria-hidden="true"></span>{ R::StateExpired.text(lang) }</li>
                <li>{ "→ ParentShardId · ⇢ AdjacentParentShardId" }</li>
            </ul>
            <div class="table-wrap" tabindex="0" role="region" aria-label={R::Shards.text(lang)}>
                <table data-testid="lineage-table">
                    <thead><tr>
                        <th scope="col">{ "ShardId" }</th>
                        <th scope="col">{ "ParentShardId" }</th>
                        <th scope="col">{ "AdjacentParentShardId" }</th>
                        <th scope="col">{ "HashKeyRange" }</th>
                        <th scope="col">{ R::StateCol.text(lang) }</th>
                        <th scope="col">{ R::Created.text(lang) }</th>
                        <th scope="col">{ R::ClosedAt.text(lang) }</th>
                        <th scope="col">{ R::Retained.text(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="reshard-grid">
                <section aria-labelledby="reshard-actions-h" data-card="actions">
                    <h3 id="reshard-actions-h">{ R::Actions.text(lang) }</h3>
                    <div class="form" role="group" aria-label="SplitShard">
                        <label class="field"><span>{ R::SplitLabel.text(lang) }</span>
                            <select data-testid="reshard-split-shard" onchange={{ let s = split_shard.clone(); let k = split_key.clone(); Callback::from(move |e: Event| { s.set(select_value(&e)); k.set(String::new()); }) }}>
                                { for open.iter().map(|s| html! { <option key={s.id.to_string()} value={s.id.to_string()} selected={chosen.is_some_and(|c| c.id == s.id)}>{ s.id.to_string() }</option> }) }
                            </select>
                        </label>
                        <label class="field"><span>{ R::SplitKey.text(lang) }</span>
                            <input data-testid="reshard-split-key" type="text" inputmode="numeric" spellcheck="false"
                                   value={if split_key.is_empty() { midpoint.to_string() } else { (*split_key).clone() }}
                                   oninput={{ let k = split_key.clone(); Callback::from(move |e: InputEvent| k.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())) }} />
                        </label>
                        <button type="button" data-testid="reshard-split" onclick={on_split}>{ R::SplitButton.text(lang) }</button>
                    </div>
                    <div class="form" role="group" aria-label="MergeShards">
                        <label class="field"><span>{ R::MergeLabel.text(lang) }</span>
                            <select data-testid="reshard-merge-pair" onchange={{ let m = merge_pair.clone(); Callback::from(move |e: Event| m.set(select_value(&e))) }}>
                                { for pairs.iter().map(|(a, b)| {
                                    let v = format!("{a}+{b}");
                                    html! { <option key={v.clone()} value={v.clone()} selected={pair.is_some_and(|(x, y)| x == *a && y == *b)}>{ format!("{a} + {b}") }</option> }
                                }) }
                            </select>
                        </label>
                        <button type="button" data-testid="reshard-merge" onclick={on_merge} disabled={pair.is_none()}>{ R::MergeButton.text(lang) }</button>
                    </div>
                    <div class="form" role="group" aria-label="UpdateShardCount">
                        <label class="field"><span>{ R::CountLabel.text(lang) }</span>
                            <LiveInput testid="reshard-count" min="1" max="64" inputmode="numeric" {lang} value={(*count).clone()}
                                       on_commit={{ let c = count.clone(); Callback::from(move |text: String| c.set(text)) }} />
                        </label>
                        <button type="button" data-testid="reshard-update-count" onclick={on_count}>{ R::CountButton.text(lang) }</button>
                        <p class="help">{ R::CountRules.text(lang) }</p>
                    </div>
                    <h4>{ R::Answer.text(lang) }</h4>
                    { answer }
                </section>
                <section aria-labelledby="moved-h">
                    <h3 id="moved-h">{ R::Reshards.text(lang) }</h3>
                    if events.is_empty() {
                        <p class="help">{ R::NoReshards.text(lang) }</p>
                    } else {
                        <ul data-testid="reshard-events">
                            { for events.iter().map(|r| html! {
                                <li key={format!("{}-{}", r.at_ms, ids(&r.children, ","))}>
                                    { ReshardingMsg::Reshard { at: clock(r.at_ms), parents: ids(&r.parents, " + "), children: ids(&r.children, ", "), moved: percent(r.moved_per_mille, 1000, 1, lang) }.text(lang) }
                                </li>
                            }) }
                        </ul>
                    }
                    <p class="help">{ R::MovedNote.text(lang) }</p>
                </section>
            </div>
            <section class="ordering-section" data-card="ordering">
                <h3>{ R::Ordering.text(lang) }</h3>
                <p class="help">{ R::OrderingHelp.text(lang) }</p>
                { crate::ui::views::consumers_elsewhere_note(lang, snap.scenario_stream.as_ref()) }
                <div class="table-wrap" tabindex="0" role="region" aria-label={R::Ordering.text(lang)}>
                    <table data-testid="ordering">
                        <thead><tr>
                            <th scope="col">{ "ConsumerName" }</th>
                            <th scope="col">{ Text::ConsumerKindCol.text(lang) }</th>
                            <th scope="col">{ R::Reading.text(lang) }</th>
                            <th scope="col">{ R::Delivered.text(lang) }</th>
                            <th scope="col">{ R::OutOfOrder.text(lang) }</th>
                        </tr></thead>
                        <tbody>{ for consumers }</tbody>
                    </table>
                </div>
                <button type="button" data-testid="add-naive" onclick={on_naive}>{ R::AddNaive.text(lang) }</button>
                <h3 id="ooo-h">{ R::OooHeading.text(lang) }</h3>
                <p class="help">{ R::OooHelp.text(lang) }</p>
                if out_of_order.is_empty() {
                    <p class="help" data-testid="out-of-order-none">{ R::OooNone.text(lang) }</p>
                } else {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ooo-h">
                        <table data-testid="out-of-order-records" class="ooo">
                            <thead><tr>
                                <th scope="col">{ "ConsumerName" }</th>
                                <th scope="col">{ "PartitionKey" }</th>
                                <th scope="col">{ R::OooRecord.text(lang) }</th>
                                <th scope="col">{ R::OooAfter.text(lang) }</th>
                                <th scope="col">{ R::OooReceived.text(lang) }</th>
                            </tr></thead>
                            <tbody>{ for out_of_order }</tbody>
                        </table>
                    </div>
                }
            </section>
        </section>
    }
}
