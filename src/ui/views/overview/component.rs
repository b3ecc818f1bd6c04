//! The overview component: draws [`model::layout`] and the per-shard and consumer tables.

use super::model::{layout, NARROW_WIDTH, WIDTH};
use super::snapshot::OverviewSnapshot;
use crate::i18n::app::{Msg, Text};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::{duration, grouped, hash_key_short, DurationStyle};
use crate::ui::views::dots::model::{DotShape, Paint, PaintDot};
use crate::ui::views::dots::DotsCanvas;
use crate::ui::views::f1;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Overview`].
#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    /// What to draw.
    pub snapshot: Rc<OverviewSnapshot>,
    /// Language.
    pub lang: Lang,
}

#[derive(Properties, PartialEq)]
struct LaneDotsProps {
    dots: Vec<super::model::DotGeom>,
    r: f64,
    lang: Lang,
    live: bool,
}

/// One lane's records of yours: a ring, the dot and its title (fixed geometry, so most frames
/// skip re-rendering it; see the model). The other dots are painted on the canvas.
#[component]
fn LaneDots(props: &LaneDotsProps) -> Html {
    let r = props.r;
    html! {
        { for props.dots.iter().filter(|d| d.yours).map(|d| html! {
            <g key={d.key} class="yours" data-testid="record-yours">
                <title>{ crate::ui::views::yours_text(props.live, props.lang) }</title>
                <circle class="yours-ring" cx={f1(d.x)} cy={f1(d.y)} r={f1(r * 2.2)} />
                <circle data-testid="record" cx={f1(d.x)} cy={f1(d.y)}
                        r={f1(r)} fill={format!("hsl({} 70% 45%)", d.hue)} />
            </g>
        }) }
    }
}

/// The dots that are not the student's, for the canvas.
fn paint_of(l: &super::model::Layout) -> Paint {
    let dots = l
        .lanes
        .iter()
        .flat_map(|lane| {
            lane.dots.iter().filter(|d| !d.yours).map(move |d| PaintDot {
                x: d.x,
                y: d.y,
                hue: d.hue,
                shape: DotShape::Circle,
                faded: !lane.open,
                key: (lane.id, d.key),
            })
        })
        .collect();
    Paint { width: l.width, height: l.height, shift: l.shift, r: l.dot_r, light: 45, outline: false, dots }
}

/// Shards as lanes, records as dots, counters beside.
#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let snap = &props.snapshot;
    let lang = props.lang;
    let narrow = crate::ui::views::is_narrow();
    let l = layout(snap, if narrow { NARROW_WIDTH } else { WIDTH }, lang);
    let (lane_x, lane_end) = (l.lane_x, l.lane_end);
    let open = snap.shards.iter().filter(|s| s.open).count();
    let paint = Rc::new(paint_of(&l));
    let backgrounds = l.lanes.iter().map(|lane| {
        html! {
            <g key={lane.id.to_string()} class={classes!("lane", (!lane.open).then_some("closed"))}>
                <rect class="lane-bg" x={lane_x.to_string()} y={f1(lane.y)}
                      width={(lane_end - lane_x).to_string()} height={f1(lane.h)} rx="4" />
            </g>
        }
    });
    let lanes = l.lanes.iter().map(|lane| {
        html! {
            <g key={lane.id.to_string()} data-testid="shard-lane" class={classes!("lane", (!lane.open).then_some("closed"))}>
                <title>{ lane.id.to_string() }</title>
                <text class="lane-label" x="10" y={f1(lane.y + lane.h / 2.0)} dominant-baseline="middle">
                    { lane.label.clone() }
                </text>
                <rect class="range-all" x="10" y={f1(lane.y + lane.h - 6.0)} width={l.range_bar_w.to_string()} height="3" />
                <rect class="range-own" x={format!("{:.2}", lane.range_x)} y={f1(lane.y + lane.h - 7.0)}
                      width={format!("{:.2}", lane.range_w)} height="5" />
                <g class="dots" transform={format!("translate({:.2} 0)", l.shift)}>
                    <LaneDots dots={lane.dots.clone()} r={l.dot_r} {lang} live={snap.live} />
                </g>
            </g>
        }
    });
    let last = l.ticks.len().saturating_sub(1);
    let ticks = l.ticks.iter().enumerate().map(|(i, t)| {
        let anchor = if i == 0 {
            "start"
        } else if i == last {
            "end"
        } else {
            "middle"
        };
        html! {
            <g key={format!("{:.0}", t.x)} class="tick">
                <line x1={f1(t.x)} x2={f1(t.x)} y1={f1(l.axis_y)} y2={f1(l.axis_y + 5.0)} />
                <text x={f1(t.x)} y={f1(l.axis_y + 18.0)} text-anchor={anchor}>{ t.label.clone() }</text>
            </g>
        }
    });
    let rows = snap.shards.iter().map(|s| {
        html! {
            <tr key={s.id.to_string()} class={classes!((!s.open).then_some("closed"))}>
                <th scope="row">{ s.id.to_string() }{ if s.open { String::new() } else { format!(" · {}", Text::Closed.text(lang)) } }</th>
                <td class="range">
                    <span title={s.start.to_string()}>{ hash_key_short(s.start) }</span>{ " – " }
                    <span title={s.end.to_string()}>{ hash_key_short(s.end) }</span>
                </td>
                <td class="num">{ grouped(s.incoming, lang) }</td>
                <td class="num">{ grouped(s.per_sec, lang) }</td>
                <td class={classes!("num", (s.throttled > 0).then_some("warn"))}>{ grouped(s.throttled, lang) }</td>
                <td class="num">{ grouped(s.stored, lang) }</td>
            </tr>
        }
    });
    let consumers = snap.consumers.iter().map(|c| {
        html! {
            <tr key={c.name.clone()}>
                <th scope="row"><bdi>{ c.name.clone() }</bdi></th>
                <td>{ c.kind.label().text(lang) }</td>
                <td class="num">{ grouped(c.delivered, lang) }</td>
                <td class="num">{ duration(c.lag_ms, DurationStyle::Precise, lang) }</td>
                <td class={classes!("num", (c.lost > 0).then_some("warn"))}>{ grouped(c.lost, lang) }</td>
            </tr>
        }
    });
    html! {
        <section class="overview" data-testid="overview">
            <div class="stream-head">
                <h2 data-testid="stream-label"><bdi>{ snap.stream_name.clone() }</bdi></h2>
                <span class="status">{ snap.status.map(|s| s.as_str()).unwrap_or_default() }</span>
                <span class="muted">{ Msg::OpenShards { n: open }.text(lang) }</span>
                if snap.scenario_stream.is_none() {
                    <dl class="totals">
                        <dt>{ Text::Produced.text(lang) }</dt><dd>{ grouped(snap.totals.produced, lang) }</dd>
                        <dt>{ Text::Accepted.text(lang) }</dt><dd data-testid="accepted-total">{ grouped(snap.totals.accepted, lang) }</dd>
                        <dt>{ Text::Throttled.text(lang) }</dt><dd>{ grouped(snap.totals.throttled, lang) }</dd>
                        <dt>{ Text::Dropped.text(lang) }</dt><dd>{ grouped(snap.totals.dropped, lang) }</dd>
                    </dl>
                }
            </div>
            { crate::ui::views::other_stream_note(lang, &snap.stream_name, snap.scenario_stream.as_ref()) }
            <p class="help">{ Text::OverviewHelp.text(lang) }</p>
            if l.lanes.iter().any(|lane| lane.dots.iter().any(|d| d.yours)) {
                <p class="help legend">{ if snap.live { crate::i18n::live::Text::YoursLegend.text(lang) } else { Text::YoursLegend.text(lang) } }</p>
            }
            <div class="lanes-stack" data-card="lanes">
                <svg class="lanes lanes-base" viewBox={format!("0 0 {} {:.0}", l.width, l.height)} aria-hidden="true"
                     preserveAspectRatio="xMinYMin meet">
                    { for backgrounds }
                </svg>
                <DotsCanvas {paint} />
                <svg class="lanes" viewBox={format!("0 0 {} {:.0}", l.width, l.height)} role="img"
                     aria-label={Msg::OpenShards { n: open }.text(lang)} preserveAspectRatio="xMinYMin meet">
                    { for lanes }
                    <line class="axis" x1={lane_x.to_string()} x2={lane_end.to_string()} y1={f1(l.axis_y)} y2={f1(l.axis_y)} />
                    { for ticks }
                    <text class="axis-label" x={lane_end.to_string()} y={f1(l.axis_y + 32.0)} text-anchor="end">{ Text::AgeAxis.text(lang) }</text>
                </svg>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label={Text::Shards.text(lang)} data-card="shards">
                <table class="shards">
                    <thead><tr>
                        <th scope="col">{ "ShardId" }</th>
                        <th scope="col">{ "HashKeyRange" }</th>
                        <th scope="col">{ Text::Incoming.text(lang) }</th>
                        <th scope="col">{ Text::PerSecond.text(lang) }</th>
                        <th scope="col">{ Text::Throttled.text(lang) }</th>
                        <th scope="col">{ Text::Stored.text(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !snap.consumers.is_empty() {
                <h3>{ Text::Consumers.text(lang) }</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-label={Text::Consumers.text(lang)} data-card="consumers">
                    <table class="consumers">
                        <thead><tr>
                            <th scope="col">{ "ConsumerName" }</th>
                            <th scope="col">{ Text::ConsumerKindCol.text(lang) }</th>
                            <th scope="col">{ Text::Delivered.text(lang) }</th>
                            <th scope="col">{ Text::Lag.text(lang) }</th>
                            <th scope="col">{ Text::Lost.text(lang) }</th>
                        </tr></thead>
                        <tbody>{ for consumers }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
