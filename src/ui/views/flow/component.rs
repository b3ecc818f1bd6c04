//! The record flow component: producer cards → the lanes SVG → consumer cards, the record
//! details panel, the flow controls and an ARIA live region. It draws the props it gets (built
//! by the app from `snapshot.rs`) and reports clicks through callbacks.

use super::model::{
    consumer_letter, data_view, keys_slug, kind_shape, layout, sequence_fields, shape_path, CountsCache, DataView,
    LaneCount, Shape, NARROW_WIDTH, WIDTH,
};
use super::snapshot::{FlowSnapshot, Selected};
use crate::engine::state::shard::ShardId;
use crate::i18n::app::Text;
use crate::i18n::console_view::Text as ConsoleText;
use crate::i18n::flow::{Msg as FlowMsg, Text as F};
use crate::i18n::input::{Msg as InputMsg, Text as InputText};
use crate::i18n::live::Text as LiveText;
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::{duration, grouped, iso_time, mib, sequence_tail, DurationStyle};
use crate::ui::sim::KeyMode;
use crate::ui::snapshot::{ConsumerKind, RecentRecord};
use crate::ui::views::dots::model::{DotShape, Paint, PaintDot};
use crate::ui::views::dots::{on_own_target, viewbox_point, DotsCanvas};
use crate::ui::views::f1;
use crate::ui::views::live_input::model::live_note;
use crate::ui::views::live_input::LiveInput;
use crate::world::consumer::ConsumerSpec;
use crate::world::fanout::FanOutSpec;
use crate::world::lambda::LambdaSpec;
use crate::world::payload::KeyDistribution;
use crate::world::polling::PollingSpec;
use crate::world::producer::{ProducerSpec, Rate};
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// The live region speaks at most this often, wall ms.
const ANNOUNCE_EVERY_MS: f64 = 3_000.0;

/// Props of [`Flow`].
#[derive(Properties, PartialEq)]
pub struct FlowProps {
    /// What to draw.
    pub snapshot: Rc<FlowSnapshot>,
    /// The newest records, newest first (refreshed every few seconds, so the list can be read
    /// and clicked while the simulation plays).
    pub recent: Rc<Vec<RecentRecord>>,
    /// The record in the details panel, if one was picked.
    pub selected: Option<Selected>,
    /// Language.
    pub lang: Lang,
    /// Picks a record (shard, position) for the details panel; `None` closes it. Keep it stable
    /// across renders: the lanes' dot layers skip frames when their props are unchanged.
    pub on_select: Callback<Option<(ShardId, u64)>>,
    /// Runs a world command now (add or stop a producer, add or remove a consumer…).
    pub on_command: Callback<Command>,
    /// The clock is paused: the lane-counts table shows every frame's counts (while it plays,
    /// once a second).
    pub paused: bool,
}

fn now_wall_ms() -> f64 {
    js_sys::Date::now()
}

/// The flow view.
#[component]
pub fn Flow(props: &FlowProps) -> Html {
    let lang = props.lang;
    let snap = &props.snapshot;
    let recent = &props.recent;
    let announced = use_mut_ref(|| (0.0f64, String::new()));
    let counts_cache = use_mut_ref(CountsCache::default);

    // The live region: at most one line every few seconds, only when something changed.
    let live = {
        let mut a = announced.borrow_mut();
        let now = now_wall_ms();
        if now - a.0 >= ANNOUNCE_EVERY_MS {
            let throttled = snap.shards.iter().find(|s| s.rates.write_throttled > 0);
            let line = match (throttled, recent.first()) {
                (Some(s), _) => {
                    FlowMsg::AnnounceThrottle { shard: s.row.id, per_sec: s.rates.write_throttled }.text(lang)
                }
                (None, Some(r)) => {
                    let (seq_tail, shard) = super::model::announce_record(r);
                    FlowMsg::AnnounceRecord { seq_tail, shard }.text(lang)
                }
                (None, None) => String::new(),
            };
            if line != a.1 {
                *a = (now, line);
            }
        }
        a.1.clone()
    };

    let on_select = &props.on_select;
    let other = snap.scenario_stream.is_some();
    let any_yours = recent.iter().any(|r| r.yours) || snap.shards.iter().any(|s| s.row.dots.iter().any(|d| d.yours));
    html! {
        <section class="flow" data-testid="flow">
            <h2>{ F::Title.text(lang) }</h2>
            <p class="help">{ F::Help.text(lang) }</p>
            { crate::ui::views::other_stream_note(lang, &snap.stream_name, snap.scenario_stream.as_ref()) }
            <p class="sr-only" aria-live="polite" role="status" data-testid="live">{ live }</p>
            <div class={classes!("flow-grid", other.then_some("other-stream"))} data-card="lanes">
                if !other { { producers(snap, lang) } }
                { lanes(&LanesArgs { snap, lang, on_select, paused: props.paused, counts: &counts_cache }) }
                if !other { { consumers(snap, lang) } }
            </div>
            <p class="help legend">
                { F::GaugesLegend.text(lang) }
                if !other { { " " }{ F::CursorsLegend.text(lang) } }
                if any_yours {
                    { " " }<span class="yours-legend" data-testid="yours-legend">
                        { if snap.live { LiveText::YoursLegend.text(lang) } else { Text::YoursLegend.text(lang) } }
                    </span>
                }
                if !snap.readers.is_empty() { { " " }<span data-testid="reader-legend">{ crate::i18n::live::Text::ReaderLegend.text(lang) }</span> }
            </p>
            <div class="flow-bottom">
                <section class="recent" aria-labelledby="recent-h" data-card="records">
                    <h3 id="recent-h">{ F::RecentRecords.text(lang) }</h3>
                    <p class="help">{ F::RecentHelp.text(lang) }</p>
                    <ul data-testid="recent-records">
                        { for recent.iter().map(|r| {
                            let key = (r.shard, r.position);
                            let on_select = on_select.clone();
                            let label = format!(" · {} · …{}", r.shard, sequence_tail(&r.sequence_number, 6));
                            html! {
                                <li key={format!("{}-{}", r.shard, r.position)} class={classes!(r.yours.then_some("yours"))}>
                                    <button type="button" class="link" data-testid="recent-record"
                                            onclick={Callback::from(move |_| on_select.emit(Some(key)))}><bdi>{ r.partition_key.clone() }</bdi>{ label }</button>
                                    if r.yours { { " " }<span class="yours-badge" data-testid="recent-yours">{ format!("◎ {}", crate::ui::views::yours_text(snap.live, lang)) }</span> }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
                if let Some(selected) = props.selected.clone() {
                    <Details {lang} {selected} live={snap.live} on_close={on_select.reform(|_| None)} />
                }
                // Simulated producers and consumers would change the engine the live window
                // mirrors (its digest would leave the endpoint's): none there.
                if !other && !snap.live {
                    <FlowControls {lang} snap={snap.clone()} on_command={props.on_command.clone()} />
                }
            </div>
        </section>
    }
}

/// What [`lanes`] draws from.
struct LanesArgs<'a> {
    snap: &'a FlowSnapshot,
    lang: Lang,
    on_select: &'a Callback<Option<(ShardId, u64)>>,
    paused: bool,
    /// The lane-counts table as last shown (kept by [`Flow`]).
    counts: &'a std::cell::RefCell<CountsCache>,
}

/// The lanes: their backgrounds, the dots' canvas, the gauges, cursors and labels on top, and
/// the counts as a table. A function, not a component: its input changes every frame, so a
/// component boundary would only add a render of its own.
fn lanes(props: &LanesArgs) -> Html {
    let lang = props.lang;
    let snap = props.snap;
    let narrow = crate::ui::views::is_narrow();
    let l = layout(snap, if narrow { NARROW_WIDTH } else { WIDTH }, lang);
    let counts = props.counts.borrow_mut().get(
        snap.shards
            .iter()
            .zip(l.lanes.iter())
            .map(|(s, lane)| LaneCount { shard: lane.id, in_window: s.row.in_window, drawn: lane.dots.len() })
            .collect(),
        now_wall_ms(),
        props.paused,
    );
    let lanes = l.lanes.iter().map(|lane| {
        // A cursor waiting on a record in the window moves with the dots (its x there is fixed
        // while it waits); the others (caught up, or beyond the window) stay put in the lane.
        let top = lane.y - 2.0;
        let (moving, fixed): (Vec<_>, Vec<_>) = lane.cursors.iter().enumerate().partition(|(_, c)| c.moving.is_some());
        let cursor = |(i, c): (usize, &super::model::CursorGeom)| {
            let x = match (c.moving, c.beyond) {
                (Some(m), _) => m,
                (None, true) => l.lane_end - 2.0,
                (None, false) => c.x,
            };
            html! {
                <g key={c.letter.clone()} class={classes!("cursor", c.client.then_some("client"))}
                   data-testid={if c.client { "client-cursor" } else { "cursor" }}>
                    <line x1={f1(x)} x2={f1(x)} y1={f1(top)} y2={f1(lane.y + lane.h)} />
                    <path d={shape_path(c.shape, x, top - 5.0, 4.0)} />
                    // Letters of cursors at the same place fan out to the right.
                    <text x={f1(x + 5.0 + i as f64 * 9.0)} y={f1(top - 2.0)}>{ format!("{}{}", c.letter, if c.beyond { "»" } else { "" }) }</text>
                </g>
            }
        };
        html! {
            <g key={lane.id.to_string()} data-testid="shard-lane" class={classes!("lane", (!lane.open).then_some("closed"), lane.throttled.then_some("throttled"))}>
                <title>{ lane.id.to_string() }</title>
                // Transparent: where the lane's title shows and a click finds the dots below.
                <rect class="lane-hit" x={f1(l.lane_x)} y={f1(lane.y)} width={f1(l.lane_end - l.lane_x)} height={f1(lane.h)} />
                <text class="lane-label" x="4" y={f1(lane.y + lane.h / 2.0)} dominant-baseline="middle">{ lane.label.clone() }</text>
                if lane.throttled {
                    <text class="throttle-label" x={f1(l.lane_end - 4.0)} y={f1(lane.y + 12.0)} text-anchor="end">
                        { FlowMsg::ThrottledLane { per_sec: lane.throttled_per_sec, total: lane.throttled_total, short: narrow }.text(lang) }
                    </text>
                }
                <g class="dots" transform={format!("translate({:.2} 0)", l.shift)}>
                    <LaneDots dots={lane.dots.iter().filter(|d| d.yours).cloned().collect::<Vec<_>>()} r={l.dot_r} {lang}
                              live={snap.live} on_select={props.on_select.clone()} />
                    { for moving.into_iter().map(cursor) }
                </g>
                // The labels of records of yours, beside their rings, on the side of the lane
                // with room: placed every frame (there are few), so they never leave the lane.
                // In the live window every record is the student's: the rings and the legend say it.
                { for lane.dots.iter().filter(|d| d.yours && !snap.live).map(|d| {
                    let x = l.shift + d.x;
                    let gap = l.dot_r * 2.4 + 3.0;
                    let (lx, anchor) = if x < (l.lane_x + l.lane_end) / 2.0 { (x + gap, "start") } else { (x - gap, "end") };
                    html! {
                        <text key={format!("yours-{}", d.key)} class="yours-label" x={f1(lx)} y={f1(d.y + 3.5)} text-anchor={anchor}>
                            { ConsoleText::Yours.text(lang) }
                        </text>
                    }
                }) }
                <LaneGauges gauges={lane.gauges.clone()} />
                { for fixed.into_iter().map(cursor) }
            </g>
        }
    });
    let backgrounds = l.lanes.iter().map(|lane| html! {
        <g key={lane.id.to_string()} class={classes!("lane", (!lane.open).then_some("closed"), lane.throttled.then_some("throttled"))}>
            <rect class="lane-bg" x={f1(l.lane_x)} y={f1(lane.y)} width={f1(l.lane_end - l.lane_x)} height={f1(lane.h)} rx="4" />
        </g>
    });
    let paint = Rc::new(paint_of(&l));
    // A click on a painted dot opens its details (a record of yours answers its own click).
    let onclick = {
        let (paint, on_select) = (paint.clone(), props.on_select.clone());
        Callback::from(move |e: MouseEvent| {
            if on_own_target(&e) {
                return;
            }
            if let Some(key) = viewbox_point(&e, paint.width, paint.height).and_then(|(x, y)| paint.hit(x, y)) {
                on_select.emit(Some(key));
            }
        })
    };
    let hidden_total: u64 = l.lanes.iter().map(|x| x.hidden).sum();
    let (older_total, expired_total) =
        snap.shards.iter().fold((0, 0), |(o, e), s| (o + s.row.older, e + s.row.expired));
    let view_box = format!("0 0 {:.0} {:.0}", l.width, l.height);
    html! {
        <div class="lanes-col">
            <div class="lanes-stack">
                <svg class="lanes lanes-base" viewBox={view_box.clone()} aria-hidden="true" preserveAspectRatio="xMinYMin meet">
                    { for backgrounds }
                </svg>
                <DotsCanvas {paint} />
                <svg class="lanes" viewBox={view_box} role="img" {onclick}
                     aria-label={F::Title.text(lang)} preserveAspectRatio="xMinYMin meet">
                    { for lanes }
                    <line class="axis" x1={f1(l.lane_x)} x2={f1(l.lane_end)} y1={f1(l.axis_y)} y2={f1(l.axis_y)} />
                    { for l.ticks.iter().enumerate().map(|(i, (x, label))| {
                        let anchor = if i == 0 { "start" } else if i + 1 == l.ticks.len() { "end" } else { "middle" };
                        html! { <text key={i} class="tick-label" x={f1(*x)} y={f1(l.axis_y + 16.0)} text-anchor={anchor}>{ label.clone() }</text> }
                    }) }
                </svg>
            </div>
            // The dots are a picture: their counts, per lane, as text (for screen readers; hidden on
            // screen). While the clock plays the rows change once a second (`CountsCache`), so the
            // frames between write nothing to the table.
            // In a hidden box, not hidden itself: a table grows to its caption's width whatever its
            // own width says, and made the page scroll sideways on a phone.
            <div class="sr-only">
                <table data-testid="lane-counts">
                    <caption>{ F::LaneCounts.text(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ "ShardId" }</th>
                        <th scope="col">{ F::InWindow.text(lang) }</th>
                        <th scope="col">{ F::DrawnDots.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for counts.iter().map(|r| html! {
                            <tr key={r.shard.0}>
                                <th scope="row">{ r.shard.to_string() }</th>
                                <td>{ grouped(r.in_window, lang) }</td>
                                <td>{ r.drawn }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="muted" data-testid="aggregated">
                if hidden_total > 0 { { FlowMsg::Hidden { n: hidden_total }.text(lang) }{ " · " } }
                { FlowMsg::Older { older: older_total, expired: expired_total }.text(lang) }
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LaneGaugesProps {
    gauges: Vec<super::model::Gauge>,
}

/// A lane's four gauges. A component, unlike the rest of the lane: their load changes once per
/// simulated second, so at 1× Yew skips them in all but one frame of about sixty instead of
/// building and comparing their 20 elements in every frame.
#[component]
fn LaneGauges(props: &LaneGaugesProps) -> Html {
    html! {
        { for props.gauges.iter().enumerate().map(|(k, g)| {
            let level = if g.fraction >= 0.9 { "high" } else if g.fraction >= 0.6 { "mid" } else { "low" };
            html! {
                // Keyed by its place (a lane's gauges are always the same four): its text changes
                // with the load, and a key that changed would rebuild its elements every time.
                <g key={k} class={classes!("gauge", level)} data-testid="gauge">
                    <title>{ format!("{}: {}", g.label, g.text) }</title>
                    <rect class="gauge-bg" x={f1(g.x)} y={f1(g.y)} width={f1(g.w)} height={f1(g.h)} />
                    <rect class="gauge-fill" x={f1(g.x)} y={f1(g.y)}
                          width={f1((g.limit_x - g.x) * g.fraction.min(super::model::GAUGE_SCALE))} height={f1(g.h)} />
                    <line class="gauge-limit" x1={f1(g.limit_x)} x2={f1(g.limit_x)}
                          y1={f1(g.y - 1.0)} y2={f1(g.y + g.h + 1.0)} />
                    <text x={f1(g.x + 2.5)} y={f1(g.y + g.h - 3.0)}>{ g.text.clone() }</text>
                </g>
            }
        }) }
    }
}

#[derive(Properties, PartialEq)]
struct LaneDotsProps {
    /// The lane's records of yours (the other dots are painted on the canvas).
    dots: Vec<super::model::DotGeom>,
    r: f64,
    lang: Lang,
    live: bool,
    on_select: Callback<Option<(ShardId, u64)>>,
}

/// The dots that are not the student's, for the canvas (closed lanes faded, as their SVG).
fn paint_of(l: &super::model::Layout) -> Paint {
    let dots = l
        .lanes
        .iter()
        .flat_map(|lane| {
            lane.dots.iter().filter(|d| !d.yours).map(move |d| PaintDot {
                x: d.x,
                y: d.y,
                hue: d.hue,
                shape: match d.shape {
                    Shape::Square => DotShape::Square,
                    Shape::Triangle => DotShape::Triangle,
                    Shape::Circle | Shape::Diamond => DotShape::Circle,
                },
                faded: !lane.open,
                key: (d.shard, d.key),
            })
        })
        .collect();
    Paint { width: l.width, height: l.height, shift: l.shift, r: l.dot_r, light: 42, outline: true, dots }
}

/// One lane's records of yours: a ring, the dot and its title (its label is drawn by the lane,
/// which knows where the dot is now). Their geometry is fixed by arrival (the lane group moves),
/// so this re-renders only when one arrives or leaves. The other dots are on the canvas.
#[component]
fn LaneDots(props: &LaneDotsProps) -> Html {
    let (r, lang) = (props.r, props.lang);
    html! {
        { for props.dots.iter().map(|d| {
            let key = (d.shard, d.key);
            let on_select = props.on_select.clone();
            let onclick = Callback::from(move |_| on_select.emit(Some(key)));
            let (path, fill) = (shape_path(d.shape, d.x, d.y, r), format!("hsl({} 70% 42%)", d.hue));
            html! {
                <g key={d.key} class="yours" data-testid="record-yours" {onclick}>
                    <title>{ format!("{} · {} #{}", crate::ui::views::yours_text(props.live, lang), d.shard, d.key) }</title>
                    <circle class="yours-ring" cx={f1(d.x)} cy={f1(d.y)} r={f1(r * 2.4)} />
                    <path class="dot" data-testid="record" d={path} {fill} />
                </g>
            }
        }) }
    }
}

/// The producers' cards (a function, as [`lanes`]: the snapshot changes every frame).
fn producers(snap: &FlowSnapshot, lang: Lang) -> Html {
    html! {
        <div class="cards producers" data-testid="producers">
            <h3>{ F::Producers.text(lang) }</h3>
            { for snap.producers.iter().map(|p| html! {
                <article key={p.name.clone()} class={classes!("card", p.stopped.then_some("stopped"))} data-testid="producer">
                    <h4><bdi>{ p.name.clone() }</bdi></h4>
                    <p class="big">{ format!("{} {}", grouped(p.rate, lang), F::Rate.text(lang)) }</p>
                    <p class="muted">{ p.keys.text(lang) }{ " · " }{ if p.batched { F::Batched.text(lang) } else { F::Single.text(lang) } }</p>
                    <dl>
                        <dt>{ F::Accepted.text(lang) }</dt><dd>{ grouped(p.accepted, lang) }</dd>
                        <dt>{ F::Retried.text(lang) }</dt><dd class={classes!((p.retried > 0).then_some("warn"))} data-testid="producer-retried">{ grouped(p.retried, lang) }</dd>
                        <dt>{ F::Dropped.text(lang) }</dt><dd class={classes!((p.dropped > 0).then_some("warn"))}>{ grouped(p.dropped, lang) }</dd>
                        <dt>{ F::InFlight.text(lang) }</dt><dd>{ grouped(p.in_flight, lang) }</dd>
                    </dl>
                    if p.stopped { <p class="muted">{ F::Stopped.text(lang) }</p> }
                </article>
            }) }
        </div>
    }
}

/// The consumers' cards (a function, as [`lanes`]).
fn consumers(snap: &FlowSnapshot, lang: Lang) -> Html {
    html! {
        <div class="cards consumers" data-testid="consumers">
            <h3>
                { F::Consumers.text(lang) }{ " " }
                // #16: what each figure of a card means, by tap and keyboard too (not only titles).
                <crate::ui::views::toggletip::Toggletip {lang} topic={crate::i18n::narrate::Text::ConsumerCardTopic.text(lang)} testid="tip-consumers">
                    <ul class="tip-list">
                        <li>{ F::Lag.text(lang) }</li>
                        <li>{ FlowMsg::ThroughputWindow { secs: snap.consumers.first().map_or(10, |c| c.rate_window_secs) }.text(lang) }</li>
                        <li>{ "✓ " }{ F::Processed.text(lang) }</li>
                        <li>{ "⟳ " }{ F::Duplicates.text(lang) }</li>
                        <li>{ "✗ " }{ F::Lost.text(lang) }</li>
                        <li>{ F::NobodyReadingNote.text(lang) }</li>
                    </ul>
                </crate::ui::views::toggletip::Toggletip>
            </h3>
            { for snap.consumers.iter().enumerate().map(|(i, c)| {
                let shape = kind_shape(c.kind);
                let (badge, note) = match c.kind {
                    ConsumerKind::Polling => (F::SharedShort, F::Shared),
                    ConsumerKind::FanOut => (F::DedicatedShort, F::Dedicated),
                    ConsumerKind::Lambda => (F::LambdaShort, F::LambdaNote),
                };
                let title = format!(
                    "{} — {}. {}: {} · {}: {} · {}: {} · {}: {}",
                    c.kind.label().text(lang), note.text(lang),
                    F::Processed.text(lang), grouped(c.processed, lang),
                    F::Latency.text(lang), duration(c.latency_avg_ms, DurationStyle::Precise, lang),
                    F::Duplicates.text(lang), grouped(c.duplicates, lang),
                    F::ReadThrottled.text(lang), grouped(c.throttled, lang),
                );
                html! {
                    <article key={c.name.clone()} class={classes!("card", "compact", format!("kind-{:?}", c.kind).to_lowercase())}
                             data-testid="consumer" title={title}>
                        <h4>
                            <svg class="badge" viewBox="0 0 20 20" aria-hidden="true"><path d={shape_path(shape, 10.0, 10.0, 7.0)} /></svg>
                            <span class="letter">{ consumer_letter(i) }</span>
                            <span class="name"><bdi>{ c.name.clone() }</bdi></span>
                            <span class={classes!("pill", format!("kind-{:?}", c.kind).to_lowercase())}>{ badge.text(lang) }</span>
                        </h4>
                        <p class="stats">
                            <span data-testid="consumer-lag" class={classes!(c.nobody_reading.then_some("warn"))} title={F::Lag.text(lang)}>{ format!("{} {}", F::LagShort.text(lang), duration(c.lag_ms, DurationStyle::Precise, lang)) }</span>
                            if c.nobody_reading { <span class="warn" data-testid="nobody-reading" title={F::NobodyReadingNote.text(lang)}>{ F::NobodyReading.text(lang) }</span> }
                            <span data-testid="consumer-rate" title={FlowMsg::ThroughputWindow { secs: c.rate_window_secs }.text(lang)}>{ format!("{} MiB/s ({} s)", mib(c.bytes_per_sec, lang), c.rate_window_secs) }</span>
                            <span title={F::Processed.text(lang)}>{ format!("✓ {}", grouped(c.processed, lang)) }</span>
                            <span class={classes!((c.duplicates > 0).then_some("warn"))} title={F::Duplicates.text(lang)} data-testid="consumer-duplicates">
                                { format!("⟳ {} {}", grouped(c.duplicates, lang), F::DuplicatesShort.text(lang)) }
                            </span>
                            if c.lost > 0 { <span class="warn" title={F::Lost.text(lang)}>{ format!("✗ {}", grouped(c.lost, lang)) }</span> }
                        </p>
                        if let Some((live, total)) = c.workers {
                            <p class="stats muted">{ format!("{}: {live}/{total}", F::Workers.text(lang)) }</p>
                        }
                        if let Some(b) = c.batches {
                            <p class="stats muted">
                                <span data-testid="lambda-invocations">{ format!("{}: {}", F::Invocations.text(lang), grouped(b.invocations, lang)) }</span>
                                <span>{ format!("{}: {}", F::FailedInvocations.text(lang), grouped(b.failed, lang)) }</span>
                                <span>{ format!("{}: {}", F::Buffered.text(lang), grouped(b.in_flight, lang)) }</span>
                            </p>
                        }
                    </article>
                }
            }) }
            <p class="help">{ F::Shared.text(lang) }{ " · " }{ F::Dedicated.text(lang) }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    lang: Lang,
    live: bool,
    selected: Selected,
    on_close: Callback<()>,
}

#[component]
fn Details(props: &DetailsProps) -> Html {
    let lang = props.lang;
    let close = props.on_close.reform(|_: MouseEvent| ());
    let Selected { shard, position, record } = &props.selected;
    let body = match record {
        None => html! { <p>{ F::Expired.text(lang) }</p> },
        Some(r) => {
            let fields = sequence_fields(&r.sequence_number);
            let data = match data_view(&r.data) {
                DataView::Json(j) => html! { <pre data-testid="record-data">{ j }</pre> },
                DataView::Text(t) => html! { <pre data-testid="record-data">{ t }</pre> },
                DataView::Bytes(hex, n) => {
                    html! { <pre data-testid="record-data">{ format!("{hex}… ({})", crate::ui::format::bytes(n as u64, lang)) }</pre> }
                }
            };
            html! {
                <>
                if r.yours {
                    <p class="yours-badge" data-testid="details-yours">{ format!("◎ {}", crate::ui::views::yours_text(props.live, lang)) }</p>
                }
                <dl class="kv">
                    <dt>{ F::PartitionKey.text(lang) }</dt><dd data-testid="record-key"><bdi>{ r.partition_key.clone() }</bdi></dd>
                    <dt>{ if r.explicit { F::ExplicitHashKey.text(lang) } else { F::HashKey.text(lang) } }</dt><dd><code>{ r.hash.to_string() }</code></dd>
                    <dt>{ F::ShardId.text(lang) }</dt><dd data-testid="record-shard">{ r.shard.to_string() }</dd>
                    <dt>{ F::SequenceNumber.text(lang) }</dt><dd><code data-testid="record-seq">{ r.sequence_number.clone() }</code></dd>
                    if let Some(f) = fields {
                        <dt>{ F::SeqShardCreated.text(lang) }</dt><dd>{ iso_time(f.shard_create_secs * 1000) }</dd>
                        <dt>{ F::SeqIndex.text(lang) }</dt><dd>{ f.seq_ix }</dd>
                        <dt>{ F::SeqTime.text(lang) }</dt><dd>{ iso_time(f.seq_time_secs * 1000) }</dd>
                        <dt>{ F::SeqShardIndex.text(lang) }</dt><dd>{ f.shard_index }</dd>
                    }
                    <dt>{ F::Arrival.text(lang) }</dt><dd>{ iso_time(r.arrival_ms) }</dd>
                    <dt>{ F::Data.text(lang) }</dt><dd>{ data }</dd>
                </dl>
                </>
            }
        }
    };
    html! {
        <section class="details" data-testid="record-details" aria-labelledby="details-h">
            <div class="details-head">
                <h3 id="details-h">{ F::Details.text(lang) }{ format!(" · {shard} #{position}") }</h3>
                <button type="button" onclick={close}>{ F::Close.text(lang) }</button>
            </div>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ControlsProps {
    lang: Lang,
    snap: Rc<FlowSnapshot>,
    on_command: Callback<Command>,
}

fn select_of(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()
}

/// Keys a producer can switch to from the flow controls (uniform and hot as the side panel's).
fn keys_of(slug: &str) -> Option<KeyDistribution> {
    Some(match slug {
        "zipf" => KeyDistribution::Zipf { keys: 1_000 },
        "single" => KeyDistribution::Single,
        _ => KeyMode::from_slug(slug)?.distribution(),
    })
}

#[component]
fn FlowControls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let kind = use_state(|| "polling".to_string());
    let send = &props.on_command;
    let n_producers = props.snap.producers.len();
    let n_consumers = props.snap.consumers.len() + 1;
    let add_producer = send.reform(move |_: MouseEvent| Command::AddProducer {
        producer: ProducerSpec {
            name: format!("producer-{}", n_producers + 1),
            rate: Rate::Constant { per_sec: 100 },
            ..ProducerSpec::default()
        },
    });
    let add_consumer = {
        let kind = kind.clone();
        send.reform(move |_: MouseEvent| {
            let consumer = match kind.as_str() {
                "fan-out" => {
                    ConsumerSpec::FanOut(FanOutSpec { name: format!("efo-{n_consumers}"), ..FanOutSpec::default() })
                }
                "lambda" => {
                    ConsumerSpec::Lambda(LambdaSpec { name: format!("lambda-{n_consumers}"), ..LambdaSpec::default() })
                }
                _ => ConsumerSpec::Polling(PollingSpec {
                    name: format!("kcl-{n_consumers}"),
                    workers: 2,
                    ..PollingSpec::default()
                }),
            };
            Command::AddConsumer { consumer }
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| kind.set(select_of(&e)))
    };
    html! {
        <section class="flow-controls" data-testid="flow-controls" aria-labelledby="controls-h" data-card="controls">
            <h3 id="controls-h">{ F::Controls.text(lang) }</h3>
            <h4>{ F::Producers.text(lang) }</h4>
            { for props.snap.producers.iter().filter(|p| !p.stopped).map(|p| {
                let name = p.name.clone();
                let keys = keys_slug(&p.keys);
                let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
                html! {
                    <fieldset key={name.clone()} class="row">
                        <legend><bdi>{ name.clone() }</bdi></legend>
                        <label>{ F::Rate.text(lang) }
                            <LiveInput testid="producer-rate" min="0" max="10000" step="10" inputmode="numeric" {lang}
                                       value={p.set_rate.map(|r| r.to_string()).unwrap_or_default()}
                                       placeholder={p.set_rate.is_none().then_some(InputText::RateVaries.text(lang))}
                                       live={live_note(p.set_rate, p.rate).map(|n| AttrValue::from(InputMsg::RateNow { per_sec: grouped(n, lang) }.text(lang)))}
                                       on_commit={{
                                           let send = send.clone();
                                           // Exactly what was typed; text that is no rate changes nothing.
                                           Callback::from(move |text: String| {
                                               if let Ok(per_sec) = text.trim().parse::<u32>() {
                                                   send.emit(Command::SetRate { name: n1.clone(), rate: Rate::Constant { per_sec: per_sec.min(10_000) } });
                                               }
                                           })
                                       }} />
                        </label>
                        <label>{ F::Keys.text(lang) }
                            <select data-testid="producer-keys" onchange={{
                                let send = send.clone();
                                Callback::from(move |e: Event| {
                                    if let Some(keys) = keys_of(&select_of(&e)) {
                                        send.emit(Command::SetKeys { name: n2.clone(), keys });
                                    }
                                })
                            }}>
                                { for [("uniform", F::KeysUniform), ("zipf", F::KeysZipf), ("hot", F::KeysHot), ("single", F::KeysSingle)].iter().map(|(k, label)| html! {
                                    <option key={*k} value={*k} selected={keys == Some(*k)}>{ label.text(lang) }</option>
                                }) }
                            </select>
                        </label>
                        <button type="button" onclick={send.reform(move |_: MouseEvent| Command::StopProducer { name: n3.clone() })}>{ F::Stop.text(lang) }</button>
                    </fieldset>
                }
            }) }
            <button type="button" data-testid="add-producer" onclick={add_producer}>{ F::AddProducer.text(lang) }</button>
            <h4>{ F::Consumers.text(lang) }</h4>
            { for props.snap.consumers.iter().enumerate().map(|(i, c)| {
                let name = c.name.clone();
                let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
                html! {
                    <fieldset key={name.clone()} class="row">
                        <legend>{ format!("{} · ", consumer_letter(i)) }<bdi>{ name.clone() }</bdi></legend>
                        if c.workers.is_some() {
                            <button type="button" data-testid="kill-worker"
                                    onclick={send.reform(move |_: MouseEvent| Command::KillWorker { name: n1.clone(), worker: 0 })}>{ F::KillWorker.text(lang) }</button>
                            <button type="button" data-testid="add-worker"
                                    onclick={send.reform(move |_: MouseEvent| Command::AddWorker { name: n2.clone() })}>{ F::AddWorker.text(lang) }</button>
                        }
                        <button type="button" data-testid="remove-consumer"
                                onclick={send.reform(move |_: MouseEvent| Command::RemoveConsumer { name: n3.clone() })}>{ F::Remove.text(lang) }</button>
                    </fieldset>
                }
            }) }
            <div class="row">
                <label>{ F::ConsumerKind.text(lang) }
                    <select data-testid="consumer-kind" onchange={on_kind}>
                        <option value="polling" selected={*kind == "polling"}>{ Text::KindPolling.text(lang) }</option>
                        <option value="fan-out" selected={*kind == "fan-out"}>{ Text::KindFanOut.text(lang) }</option>
                        <option value="lambda" selected={*kind == "lambda"}>{ Text::KindLambda.text(lang) }</option>
                    </select>
                </label>
                <button type="button" data-testid="add-consumer" onclick={add_consumer}>{ F::AddConsumer.text(lang) }</button>
            </div>
        </section>
    }
}
