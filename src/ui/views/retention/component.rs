//! The retention view component: the time-axis SVG (one row per shard), the retention control,
//! the iterator panel, consumer positions and the cost line.

use super::model::{
    abbreviate_iterator, height, iter_markers, loss_band, loss_episodes, marks_path, nearest_mark, refusal_text,
    retention_refusal, row_y, Axis, Chosen, IterKind, RetentionOp, MARK_REACH_PX, NARROW_WIDTH, ROW_H, WIDTH,
};
use super::snapshot::{Mark, RetLoss, RetentionSnapshot};
use crate::engine::error::ErrorType;
use crate::engine::ops::get_records::ITERATOR_TTL_MS;
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamMode;
use crate::engine::time::HOUR_MS;
use crate::i18n::app::Text as AppText;
use crate::i18n::retention::{Msg as RetentionMsg, Text as R};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::answers::{ApiOutcome, ShardRead};
use crate::ui::format::{grouped, sequence_tail, shard_short, usd, whole};
use crate::ui::views::f1;
use crate::ui::views::flow::model::{consumer_letter, shape_path, Shape};
use crate::ui::views::live_input::LiveInput;
use crate::world::cost::monthly;
use serde_json::json;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Records of a GetRecords answer listed.
const FIRST_FEW: usize = 3;
/// Loss episodes listed per consumer (the latest ones).
const LOSSES_LISTED: usize = 5;

/// Props of [`Retention`].
#[derive(Properties, PartialEq)]
pub struct RetentionProps {
    /// The snapshot ([`RetentionSnapshot::of`]).
    pub snapshot: Rc<RetentionSnapshot>,
    /// Language.
    pub lang: Lang,
    /// The last API call a view made (this view shows its retention changes).
    pub last_api: Option<ApiOutcome>,
    /// The iterator panel's last read.
    pub last_read: Option<ShardRead>,
    /// Runs a Kinesis API call on the stream (`StreamName` filled in): a retention change.
    pub on_api: Callback<(String, serde_json::Value)>,
    /// Reads from an iterator: `GetShardIterator` with this request, then `GetRecords`.
    pub on_read: Callback<serde_json::Value>,
    /// `GetRecords` again with the last read's iterator.
    pub on_read_again: Callback<()>,
}

/// Retention windows, gaps and ages, as this view writes them (`26 h`, `3 d 4 h`, `12 min`).
fn duration_text(ms: u64) -> String {
    whole(ms)
}

/// The retention view.
#[component]
pub fn Retention(props: &RetentionProps) -> Html {
    let lang = props.lang;
    let snap = props.snapshot.clone();
    let width = if crate::ui::views::is_narrow() { NARROW_WIDTH } else { WIDTH };
    let axis = Axis::new(snap.elapsed_ms, snap.retention_ms(), width, lang);

    let hours = use_state(|| "48".to_string());
    let kind = use_state(|| IterKind::TrimHorizon);
    let shard = use_state(|| None::<ShardId>);
    let chosen = use_state(|| None::<Chosen>);
    let at_time = use_state(|| None::<u64>);

    let shard_id = (*shard).or_else(|| snap.rows.first().map(|r| r.id));
    let on_mark = {
        let (chosen, shard, kind) = (chosen.clone(), shard.clone(), kind.clone());
        use_callback((), move |c: Chosen, _| {
            shard.set(Some(c.shard));
            if !matches!(*kind, IterKind::AtSequenceNumber | IterKind::AfterSequenceNumber) {
                kind.set(IterKind::AtSequenceNumber);
            }
            chosen.set(Some(c));
        })
    };
    let on_axis_click = {
        let (at_time, kind) = (at_time.clone(), kind.clone());
        let axis = axis.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(svg) = crate::ui::views::handler_element(&e, "svg.ret-axis") else { return };
            let rect = svg.get_bounding_client_rect();
            let x = (f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0) * width;
            if x >= axis.lane_x && x <= axis.lane_end {
                at_time.set(Some(axis.t_of(x)));
                kind.set(IterKind::AtTimestamp);
            }
        })
    };

    // Retention control.
    let change = |op: &'static str| {
        let (on_api, hours) = (props.on_api.clone(), hours.clone());
        Callback::from(move |_| {
            let h: i64 = hours.trim().parse().unwrap_or(0);
            on_api.emit((op.into(), json!({ "RetentionPeriodHours": h })));
        })
    };
    let retention_call = props.last_api.as_ref().and_then(|a| Some((a, RetentionOp::parse(&a.operation)?)));
    let retention_outcome = retention_call.map(|(a, op)| {
        match &a.result {
            Ok(_) => html! {
                <p class="ok" data-testid="retention-note" role="status">
                    { format!("{} → 200 OK. ", a.operation) }
                    { if a.operation.starts_with("Increase") { R::IncreaseNote.text(lang) } else { R::DecreaseNote.text(lang) } }
                </p>
            },
            Err(e) => {
                // The rule that refused it, judged on what was sent against the period the stream keeps.
                let requested = a.request["RetentionPeriodHours"].as_i64().unwrap_or(0);
                let refusal = retention_refusal(op, requested, snap.retention_hours);
                html! {
                    <p class="err" data-testid="retention-error" role="alert">
                        <code>{ format!("{}: {}", e.error_type.as_str(), e.message_text()) }</code><br />{ refusal_text(refusal).text(lang) }
                    </p>
                }
            }
        }
    });

    // Iterator read: the store runs the calls (one way in), the panel shows `last_read`.
    let run = {
        let (on_read, kind, chosen, at_time) = (props.on_read.clone(), kind.clone(), chosen.clone(), at_time.clone());
        let (snap, started, elapsed) = (snap.clone(), snap.started_epoch_ms, snap.elapsed_ms);
        Callback::from(move |_| {
            let shard = shard_id.map(|s| s.to_string()).unwrap_or_default();
            let mut req = json!({ "ShardId": shard, "ShardIteratorType": kind.as_str() });
            match *kind {
                IterKind::AtSequenceNumber | IterKind::AfterSequenceNumber => {
                    // The chosen record's SequenceNumber, while the stream still holds it.
                    let held = |c: &Chosen| {
                        snap.rows.iter().any(|r| r.id == c.shard && (r.first_index..r.end_index).contains(&c.position))
                    };
                    let seq = chosen
                        .as_ref()
                        .filter(|c| Some(c.shard) == shard_id && held(c))
                        .map(|c| c.sequence_number.to_string());
                    req["StartingSequenceNumber"] = json!(seq.unwrap_or_default());
                }
                IterKind::AtTimestamp => {
                    req["Timestamp"] = json!((started + at_time.unwrap_or(elapsed)) as f64 / 1000.0);
                }
                _ => {}
            }
            on_read.emit(req);
        })
    };
    let again = props.on_read_again.reform(|_: MouseEvent| ());
    let read = props.last_read.as_ref();

    // Cost.
    let mode = if snap.on_demand { StreamMode::OnDemand } else { StreamMode::Provisioned };
    let bill =
        |h: u32| monthly(snap.open_shards, h, snap.records_per_sec, snap.avg_record_bytes, snap.efo_consumers, mode);
    let now_bill = bill(snap.retention_hours);

    let chosen_here = (*chosen).clone().filter(|c| Some(c.shard) == shard_id);
    let row_here = snap.rows.iter().find(|r| Some(r.id) == shard_id);
    let pick_marks: Vec<Mark> = row_here.map(|r| r.marks.clone()).unwrap_or_default();
    let trim_x = axis.x_of(snap.trim_horizon_ms() as f64);
    let (tx, k) = axis.marks_transform();
    let total_retained: u64 = snap.rows.iter().map(|r| r.retained()).sum();
    let max_stride = snap.rows.iter().map(|r| r.stride).max().unwrap_or(1);
    let drawn: u64 = snap.rows.iter().map(|r| r.marks.len() as u64).sum();
    // Each consumer's losses, one band and one line per episode.
    let episodes: Vec<Vec<RetLoss>> = snap.consumers.iter().map(|c| loss_episodes(&c.losses)).collect();
    let any_yours = snap.rows.iter().any(|r| r.marks.iter().any(|m| m.yours));

    html! {
        <section class="retention" data-testid="retention">
            <h2>{ R::Title.text(lang) }</h2>
            <p class="help">{ R::Help.text(lang) }</p>
            { crate::ui::views::other_stream_note(lang, &snap.stream_name, snap.scenario_stream.as_ref()) }
            <p class="ret-status">
                <strong data-testid="retention-hours">{ RetentionMsg::Current { hours: snap.retention_hours, stream: snap.stream_name.clone() }.text(lang) }</strong>
                { " · " }
                <span data-testid="trim-horizon">{ RetentionMsg::TrimHorizon { retention: duration_text(snap.retention_ms()) }.text(lang) }</span>
                { format!(" ({})", duration_text(snap.trim_horizon_ms().max(0) as u64)) }
                { " · " }
                <span data-testid="retained-total">{ format!("{} {}", grouped(total_retained, lang), R::Retained.text(lang)) }</span>
                { " · " }
                <span data-testid="expired-total">{ format!("{} {}", grouped(snap.rows.iter().map(|r| r.first_index).sum::<u64>(), lang), R::Expired.text(lang)) }</span>
            </p>
            <svg class="ret-axis" data-card="timeline" viewBox={format!("0 0 {width:.0} {:.0}", height(snap.rows.len()))} role="img"
                 aria-label={R::Title.text(lang)} preserveAspectRatio="xMinYMin meet" onclick={on_axis_click}>
                <defs>
                    <pattern id="ret-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="6" class="hatch" />
                    </pattern>
                </defs>
                { for snap.rows.iter().enumerate().map(|(i, r)| {
                    let y = row_y(i);
                    let ex = trim_x.clamp(axis.lane_x, axis.lane_end);
                    let markers = iter_markers(&axis, r, chosen.as_ref(), *at_time);
                    // Cursors and markers at a time on the lane are drawn in the row's moving
                    // group (`Axis::moving_x`): while the axis slides, only its transform changes.
                    let (moving_cursors, fixed_cursors): (Vec<_>, Vec<_>) = snap.consumers.iter().enumerate().filter_map(|(ci, c)| {
                        let cur = c.cursors.iter().find(|cu| cu.shard == r.id)?;
                        if cur.finished { return None; }
                        let moving = cur.at_ms.and_then(|t| axis.moving_x(t as f64));
                        let x = moving.unwrap_or_else(|| cur.at_ms.map_or(axis.lane_end, |t| axis.x_of(t as f64)).clamp(axis.lane_x, axis.lane_end));
                        let over = cur.expired_unread > 0 || c.lost > 0 && cur.at_ms.is_some_and(|t| (t as i64) <= snap.trim_horizon_ms() + 60_000);
                        Some((moving.is_some(), html! {
                            <g key={c.name.clone()} class={classes!("ret-cursor", over.then_some("overtaken"))} data-testid="ret-cursor">
                                <title>{ c.name.clone() }</title>
                                <line x1={f1(x)} x2={f1(x)} y1={f1(y)} y2={f1(y + ROW_H + 4.0)} />
                                <path d={shape_path(Shape::Triangle, x, y + ROW_H + 8.0, 4.0)} />
                                <text x={f1(x + 6.0)} y={f1(y + ROW_H + 12.0)}>{ format!("{}{}", consumer_letter(ci), if over { " ⚠" } else { "" }) }</text>
                            </g>
                        }))
                    }).partition(|(moving, _)| *moving);
                    let marker = |m: &super::model::IterMarker| {
                        let x = m.moving.unwrap_or(m.x);
                        html! {
                            <g key={m.kind.as_str()} class={classes!("iter-marker", format!("k-{}", m.kind.short().to_lowercase()))} data-testid="iter-marker">
                                <title>{ m.kind.as_str() }</title>
                                <path d={shape_path(Shape::Diamond, x, y - 5.0, 4.0)} />
                                <text x={f1(x)} y={f1(y - 11.0)} text-anchor="middle">{ m.kind.short() }</text>
                            </g>
                        }
                    };
                    let bands = snap.consumers.iter().zip(&episodes).enumerate().flat_map(|(ci, (c, eps))| {
                        eps.iter().filter(|l| l.shard == r.id).filter_map(|l| {
                            let (x, w) = loss_band(&axis, l)?;
                            Some(html! {
                                <g key={format!("{}-{}", c.name, l.from)} class="loss-band" data-testid="loss-band">
                                    <title>{ loss_text(lang, &c.name, l) }</title>
                                    <rect x={f1(x)} y={f1(y + 1.0)} width={f1(w)} height={f1(ROW_H - 2.0)} />
                                    if w >= 12.0 {
                                        <text x={f1(x + w / 2.0)} y={f1(y + 11.0)} text-anchor="middle">{ format!("✗{}", consumer_letter(ci)) }</text>
                                    }
                                </g>
                            })
                        }).collect::<Vec<_>>()
                    });
                    // Records of yours: a ring and a caption, outside the scaled group so they keep
                    // their shape.
                    let yours = r.marks.iter().filter(|m| m.yours).map(|m| {
                        let x = axis.x_of(m.at_ms as f64).clamp(axis.lane_x, axis.lane_end);
                        let right = x > (axis.lane_x + axis.lane_end) / 2.0;
                        let (lx, anchor) = if right { (x - 9.0, "end") } else { (x + 9.0, "start") };
                        let c = Chosen { shard: r.id, position: m.position, at_ms: m.at_ms, sequence_number: m.sequence_number };
                        let on_mark = on_mark.clone();
                        let onclick = Callback::from(move |e: MouseEvent| { e.stop_propagation(); on_mark.emit(c.clone()); });
                        html! {
                            <g key={m.position} class="yours-mark" data-testid="ret-yours" {onclick}>
                                <title>{ format!("{} · {} #{}", crate::ui::views::yours_text(snap.live, lang), r.id, m.position) }</title>
                                <circle cx={f1(x)} cy={f1(y + ROW_H / 2.0)} r="6" />
                                <text class="yours-label" x={f1(lx)} y={f1(y + ROW_H - 4.0)} text-anchor={anchor}>
                                    { crate::ui::views::yours_text(snap.live, lang) }
                                </text>
                            </g>
                        }
                    });
                    html! {
                        <g key={r.id.to_string()} class={classes!("ret-row", (!r.open).then_some("closed"))} data-testid="ret-row">
                            <title>{ r.id.to_string() }</title>
                            <text class="row-label" x="4" y={f1(y + ROW_H / 2.0)} dominant-baseline="middle">{ shard_short(r.id) }</text>
                            <rect class="row-bg" x={f1(axis.lane_x)} y={f1(y)} width={f1(axis.lane_end - axis.lane_x)} height={f1(ROW_H)} />
                            if ex > axis.lane_x {
                                <rect class="expired-zone" x={f1(axis.lane_x)} y={f1(y)} width={f1(ex - axis.lane_x)} height={f1(ROW_H)} />
                            }
                            <rect class="window" x={f1(ex)} y={f1(y)} width={f1(axis.lane_end - ex)} height={f1(ROW_H)} />
                            { for bands }
                            <g class="marks" transform={format!("translate({tx:.3} 0) scale({k:.6} 1)")}>
                                <RowMarks shard={r.id} marks={r.marks.clone()} y={y} on_mark={on_mark.clone()} />
                            </g>
                            { for yours }
                            <text class="row-count" x={f1(axis.lane_x + 3.0)} y={f1(y + ROW_H - 4.0)} data-testid="expired-count">
                                { format!("{} {}", grouped(r.first_index, lang), R::Expired.text(lang)) }
                            </text>
                            <text class="row-count" x={f1(axis.lane_end - 3.0)} y={f1(y + 10.0)} text-anchor="end" data-testid="retained-count">
                                { format!("{} {}{}", grouped(r.retained(), lang), R::Retained.text(lang), if r.open { String::new() } else { format!(" · {}", R::Closed.text(lang)) }) }
                            </text>
                            { for markers.iter().filter(|m| m.moving.is_none()).map(marker) }
                            { for fixed_cursors.into_iter().map(|(_, h)| h) }
                            <g class="ret-moving" transform={format!("translate({tx:.3} 0)")}>
                                { for markers.iter().filter(|m| m.moving.is_some()).map(marker) }
                                { for moving_cursors.into_iter().map(|(_, h)| h) }
                            </g>
                        </g>
                    }
                }) }
                if trim_x > axis.lane_x {
                    <line class="trim-line" x1={f1(trim_x)} x2={f1(trim_x)} y1="4" y2={f1(row_y(snap.rows.len()) - 6.0)} />
                }
                <line class="axis" x1={f1(axis.lane_x)} x2={f1(axis.lane_end)}
                      y1={f1(row_y(snap.rows.len()) - 4.0)} y2={f1(row_y(snap.rows.len()) - 4.0)} />
                { for axis.ticks.iter().map(|tk| html! {
                    <text key={tk.at_ms} class="tick-label" x={f1(tk.x)} y={f1(row_y(snap.rows.len()) + 10.0)} text-anchor="middle">{ tk.label.clone() }</text>
                }) }
                <text class="tick-label now" x={f1(axis.lane_end)} y={f1(row_y(snap.rows.len()) + 22.0)} text-anchor="end">{ R::Now.text(lang) }</text>
            </svg>
            <p class="muted" data-testid="aggregated">{ RetentionMsg::Aggregated { stride: max_stride, drawn, total: total_retained }.text(lang) }</p>
            <p class="help legend">
                { R::Legend.text(lang) }
                if any_yours { { " " }<span class="yours-legend" data-testid="yours-legend">{ if snap.live { crate::i18n::live::Text::YoursLegend.text(lang) } else { AppText::YoursLegend.text(lang) } }</span> }
            </p>
            <div class="ret-panels">
                <section class="ret-panel" aria-labelledby="ret-h" data-card="period">
                    <h3 id="ret-h">{ R::RetentionHeading.text(lang) }</h3>
                    <label for="ret-hours">{ R::RetentionLabel.text(lang) }</label>
                    <input id="ret-hours" type="number" min="24" max="8760" inputmode="numeric" data-testid="retention-input"
                           value={(*hours).clone()}
                           oninput={{ let hours = hours.clone(); Callback::from(move |e: InputEvent| {
                               if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { hours.set(i.value()); }
                           }) }} />
                    <div class="ret-buttons">
                        <button type="button" data-testid="increase" onclick={change("IncreaseStreamRetentionPeriod")}>{ R::Increase.text(lang) }</button>
                        <button type="button" data-testid="decrease" onclick={change("DecreaseStreamRetentionPeriod")}>{ R::Decrease.text(lang) }</button>
                    </div>
                    <p class="help">{ R::Rules.text(lang) }</p>
                    { for retention_outcome }
                </section>
                <section class="ret-panel" aria-labelledby="it-h" data-card="iterator">
                    <h3 id="it-h">{ R::IteratorsHeading.text(lang) }</h3>
                    <label for="it-kind">{ R::IteratorType.text(lang) }</label>
                    <select id="it-kind" data-testid="iter-kind" onchange={{ let kind = kind.clone(); Callback::from(move |e: Event| {
                        if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                            if let Some(k) = IterKind::ALL.iter().find(|k| k.as_str() == s.value()) { kind.set(*k); }
                        }
                    }) }}>
                        { for IterKind::ALL.iter().map(|k| html! { <option value={k.as_str()} selected={*k == *kind}>{ format!("{} ({})", k.as_str(), k.short()) }</option> }) }
                    </select>
                    <label for="it-shard">{ R::Shard.text(lang) }</label>
                    <select id="it-shard" data-testid="iter-shard" onchange={{ let shard = shard.clone(); Callback::from(move |e: Event| {
                        if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() { shard.set(ShardId::resolve(&s.value())); }
                    }) }}>
                        { for snap.rows.iter().map(|r| html! { <option value={r.id.to_string()} selected={Some(r.id) == shard_id}>{ r.id.to_string() }</option> }) }
                    </select>
                    if matches!(*kind, IterKind::AtSequenceNumber | IterKind::AfterSequenceNumber) {
                        <label for="it-record">{ R::Record.text(lang) }</label>
                        <select id="it-record" data-testid="iter-record" onchange={{
                            let (chosen, marks) = (chosen.clone(), pick_marks.clone());
                            Callback::from(move |e: Event| {
                                if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                                    let pos: Option<u64> = s.value().parse().ok();
                                    let m = marks.iter().find(|m| Some(m.position) == pos);
                                    chosen.set(m.zip(shard_id).map(|(m, shard)| Chosen { shard, position: m.position, at_ms: m.at_ms, sequence_number: m.sequence_number }));
                                }
                            })
                        }}>
                            <option value="" selected={chosen_here.is_none()}>{ R::NoRecord.text(lang) }</option>
                            { for pick_marks.iter().map(|m| html! {
                                <option value={m.position.to_string()} selected={chosen_here.as_ref().is_some_and(|c| c.position == m.position)}>
                                    { format!("#{} · {}{}", m.position, duration_text(m.at_ms), if m.yours { format!(" · {}", crate::ui::views::yours_text(snap.live, lang)) } else { String::new() }) }
                                </option>
                            }) }
                        </select>
                    }
                    if *kind == IterKind::AtTimestamp {
                        <label for="it-time">{ R::Timestamp.text(lang) }</label>
                        <LiveInput id="it-time" min="0" step="0.5" testid="iter-time" {lang}
                                   value={format!("{:.2}", at_time.unwrap_or(0) as f64 / HOUR_MS as f64)}
                                   on_commit={{ let at_time = at_time.clone(); Callback::from(move |text: String| {
                                       if let Ok(h) = text.parse::<f64>() { at_time.set(Some((h.max(0.0) * HOUR_MS as f64) as u64)); }
                                   }) }} />
                    }
                    <div class="ret-buttons">
                        <button type="button" data-testid="iter-run" onclick={run}>{ R::Run.text(lang) }</button>
                        <button type="button" data-testid="iter-again" disabled={read.and_then(|r| r.iterator.as_ref()).is_none()} onclick={again}>{ R::Again.text(lang) }</button>
                    </div>
                    if let Some(r) = read {
                        <ReadView result={r.clone()} {lang} elapsed_ms={snap.elapsed_ms} />
                    }
                </section>
                <section class="ret-panel" aria-labelledby="rc-h" data-testid="ret-consumers" data-card="consumers">
                    <h3 id="rc-h">{ R::ConsumersHeading.text(lang) }</h3>
                    { crate::ui::views::consumers_elsewhere_note(lang, snap.scenario_stream.as_ref()) }
                    <ul>
                        { for snap.consumers.iter().enumerate().map(|(ci, c)| html! {
                            <li key={c.name.clone()} class={classes!((c.lost > 0).then_some("lost"))}>
                                <span class="letter">{ consumer_letter(ci) }</span>{ " " }<strong>{ c.name.clone() }</strong>
                                <br /><span data-testid="consumer-lost" class={classes!((c.lost > 0).then_some("warn"))}>{ RetentionMsg::Lost { lost: c.lost }.text(lang) }</span>
                                if let Some(eps) = episodes.get(ci).filter(|e| !e.is_empty()) {
                                    <ul class="losses">
                                        if eps.len() > LOSSES_LISTED {
                                            <li class="muted">{ RetentionMsg::EarlierLosses { n: eps.len() - LOSSES_LISTED }.text(lang) }</li>
                                        }
                                        { for eps.iter().skip(eps.len().saturating_sub(LOSSES_LISTED)).map(|l| html! {
                                            <li key={format!("{}-{}", l.shard, l.from)} class="loss" data-testid="loss-range">{ format!("✗ {}", loss_text(lang, &c.name, l)) }</li>
                                        }) }
                                    </ul>
                                }
                                { for c.cursors.iter().filter(|cu| !cu.finished).map(|cu| html! {
                                    <><br />{
                                        if cu.expired_unread > 0 {
                                            RetentionMsg::Overtaken { shard: cu.shard, n: cu.expired_unread, from: cu.read_pos, to: cu.read_pos + cu.expired_unread - 1 }.text(lang)
                                        } else {
                                            RetentionMsg::Behind { shard: cu.shard, ago: duration_text(cu.at_ms.map_or(0, |a| snap.elapsed_ms.saturating_sub(a))) }.text(lang)
                                        }
                                    }</>
                                }) }
                            </li>
                        }) }
                    </ul>
                </section>
                <section class="ret-panel" aria-labelledby="cost-h" data-card="cost">
                    <h3 id="cost-h">{ R::CostHeading.text(lang) }</h3>
                    <p data-testid="cost">{ RetentionMsg::Cost { total: usd(now_bill.total, lang), retention: usd(now_bill.retention_micro_usd, lang), shards: snap.open_shards, hours: snap.retention_hours, rate: snap.records_per_sec, bytes: snap.avg_record_bytes }.text(lang) }</p>
                    <p class="help">{ R::CostAssumptions.text(lang) }</p>
                    <p><a href="#/cost" data-testid="cost-link">{ R::CostLink.text(lang) }</a></p>
                </section>
            </div>
        </section>
    }
}

/// The line that names a loss episode's records.
fn loss_text(lang: Lang, consumer: &str, l: &RetLoss) -> String {
    RetentionMsg::LostRange {
        consumer: consumer.to_string(),
        shard: l.shard,
        from: l.from,
        to: l.to.saturating_sub(1),
        n: l.lost,
        read: l.span() - l.lost,
        after: duration_text(l.after_ms),
        before: duration_text(l.before_ms),
    }
    .text(lang)
}

#[derive(Properties, PartialEq)]
struct RowMarksProps {
    shard: ShardId,
    marks: Vec<Mark>,
    y: f64,
    on_mark: Callback<Chosen>,
}

/// A row's marks, at seconds since start (the group scales them), as one path (and one path for
/// the records of yours); re-rendered only when a mark arrives or expires, or the pointer moves
/// to another mark. The mark nearest the pointer ([`nearest_mark`]) is drawn highlighted with
/// its position and age as the tooltip, and a click picks it; the record list in the iterator
/// panel offers the same choice by keyboard.
#[component]
fn RowMarks(props: &RowMarksProps) -> Html {
    let y = props.y;
    let marks = &props.marks;
    // Position of the mark under the pointer.
    let hovered = use_state_eq(|| None::<u64>);
    let onclick = {
        let (marks, shard, on_mark) = (marks.clone(), props.shard, props.on_mark.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(m) = mark_at(&marks, &e) {
                e.stop_propagation();
                on_mark.emit(Chosen {
                    shard,
                    position: m.position,
                    at_ms: m.at_ms,
                    sequence_number: m.sequence_number,
                });
            }
        })
    };
    let onmousemove = {
        let (marks, hovered) = (marks.clone(), hovered.clone());
        Callback::from(move |e: MouseEvent| hovered.set(mark_at(&marks, &e).map(|m| m.position)))
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(None))
    };
    let hover = hovered.and_then(|p| marks.iter().find(|m| m.position == p));
    let yours = marks.iter().any(|m| m.yours);
    let all = marks_path(marks.iter(), y);
    html! {
        <>
            <path class="mark-lines" data-testid="ret-marks" data-count={marks.len().to_string()} vector-effect="non-scaling-stroke"
                  d={if yours { marks_path(marks.iter().filter(|m| !m.yours), y) } else { all.clone() }} />
            if yours {
                <path class="mark-lines yours" vector-effect="non-scaling-stroke" d={marks_path(marks.iter().filter(|m| m.yours), y)} />
            }
            if let Some(m) = hover {
                <path class="mark-lines hover" data-testid="ret-mark-hover" vector-effect="non-scaling-stroke" d={marks_path(std::iter::once(m), y)} />
            }
            <path class="mark-hit" vector-effect="non-scaling-stroke" d={all} {onclick} {onmousemove} {onmouseleave}>
                if let Some(m) = hover {
                    <title>{ format!("#{} · {}", m.position, duration_text(m.at_ms)) }</title>
                }
            </path>
        </>
    }
}

/// The mark a pointer event on a row's marks points at: the nearest within [`MARK_REACH_PX`].
fn mark_at<'a>(marks: &'a [Mark], e: &MouseEvent) -> Option<&'a Mark> {
    let (secs, secs_per_px) = user_x(e)?;
    nearest_mark(marks, secs, MARK_REACH_PX * secs_per_px)
}

/// Where a click on a mark path falls, in the path's own units (seconds since start), and how
/// many of those units one CSS pixel spans there; `None` when the path has no usable transform.
fn user_x(e: &MouseEvent) -> Option<(f64, f64)> {
    let el = crate::ui::views::handler_element(e, ".mark-hit")?.dyn_into::<web_sys::SvgGraphicsElement>().ok()?;
    // The path's user space to the viewport: the row's translate + scale and the SVG's fit.
    let m = el.get_screen_ctm()?;
    let (a, tx) = (f64::from(m.a()), f64::from(m.e()));
    (a > 0.0).then(|| ((f64::from(e.client_x()) - tx) / a, 1.0 / a))
}

#[derive(Properties, PartialEq)]
struct ReadViewProps {
    result: ShardRead,
    lang: Lang,
    elapsed_ms: u64,
}

#[component]
fn ReadView(props: &ReadViewProps) -> Html {
    let lang = props.lang;
    let r = &props.result;
    let age = props.elapsed_ms.saturating_sub(r.issued_ms);
    let age_line = r.iterator.as_ref().map(|it| {
        html! {
            <p data-testid="iter-age" class={classes!((age > ITERATOR_TTL_MS).then_some("warn"))}>
                <code>{ abbreviate_iterator(it) }</code>{ " · " }{ RetentionMsg::IteratorAge { age: duration_text(age) }.text(lang) }
            </p>
        }
    });
    let body = match &r.answer {
        Err(e) => html! {
            <p class="err" data-testid="read-error" role="alert">
                <code>{ format!("{}: {}", e.error_type.as_str(), e.message_text()) }</code>
                if e.error_type == ErrorType::ExpiredIteratorException { <br />{ R::ExpiredExplain.text(lang) } }
            </p>
        },
        Ok(v) => {
            let records = v["Records"].as_array().cloned().unwrap_or_default();
            let next = v["NextShardIterator"].as_str().map(abbreviate_iterator);
            let children: Vec<String> = v["ChildShards"]
                .as_array()
                .map(|a| a.iter().filter_map(|c| c["ShardId"].as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            html! {
                <dl class="read-result" data-testid="read-result">
                    <dt>{ R::RecordsReturned.text(lang) }</dt>
                    <dd data-testid="read-count">{ records.len() }</dd>
                    { for records.iter().take(FIRST_FEW).map(|rec| {
                        let seq = rec["SequenceNumber"].as_str().unwrap_or_default();
                        html! { <dd class="seq"><code>{ format!("…{}", sequence_tail(seq, 10)) }</code>{ " " }<bdi>{ rec["PartitionKey"].as_str().unwrap_or_default().to_string() }</bdi></dd> }
                    }) }
                    <dt>{ "NextShardIterator" }</dt>
                    <dd data-testid="read-next"><code>{ next.unwrap_or_else(|| R::EndOfShard.text(lang).to_string()) }</code></dd>
                    <dt>{ "MillisBehindLatest" }</dt>
                    <dd data-testid="read-millis">{ format!("{} ({})", grouped(v["MillisBehindLatest"].as_u64().unwrap_or(0), lang), duration_text(v["MillisBehindLatest"].as_u64().unwrap_or(0))) }</dd>
                    if !children.is_empty() {
                        <dt>{ "ChildShards" }</dt>
                        <dd data-testid="read-children">{ children.join(", ") }</dd>
                    }
                </dl>
            }
        }
    };
    html! { <div class="read-view">{ for age_line }{ body }</div> }
}
