//! The hashing view component: draws [`super::model::layout`] (the hash space with its shards),
//! the steps from a typed key to its shard, the per-shard histogram of recent records, the
//! recent keys, and the reshard controls. Every number comes from the snapshot, the model, the
//! rules or the engine.
//!
//! State kept here (not in the store, since only this view needs it): the typed key and
//! ExplicitHashKey, the reshard form's fields, and the recent keys and ranges captured when a
//! reshard was sent, so the view can count which keys moved once the new shards open.

use super::model::{colours, histogram, layout, Layout, BAR_H, DENSITY_H, MARKER_ROOM, NARROW_WIDTH, WIDTH};
use super::rules::{
    adjacent_pairs, default_split_key, explanation, key_steps, moved_keys, split_check, ReshardOp, SplitCheck,
};
use super::snapshot::{check_explicit_hash_key, owner, ExplicitKey, HashingSnapshot, KeyRecord, OpenRange, StreamView};
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamStatus;
use crate::i18n::app::Text as AppText;
use crate::i18n::hashing::{Msg as HashingMsg, Text as HashingText};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::answers::ApiOutcome;
use crate::ui::format::{grouped, hash_key_short as abbreviate, percent_sign, shard_short};
use crate::ui::views::f1;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Rows of the recent keys table.
const RECENT_ROWS: usize = 10;
/// The partition key shown when the view opens.
const FIRST_KEY: &str = "user-42";

/// Props of [`Hashing`].
#[derive(Properties, PartialEq)]
pub struct HashingProps {
    /// The snapshot ([`super::snapshot::SnapshotCache::get`]).
    pub snapshot: Rc<HashingSnapshot>,
    /// Language.
    pub lang: Lang,
    /// The last API call a view made (this view shows its reshards).
    pub last_api: Option<ApiOutcome>,
    /// Runs a Kinesis API call on the stream (`StreamName` filled in): a reshard.
    pub on_api: Callback<(String, serde_json::Value)>,
    /// The PartitionKey field from the link (`pk=`; `None`: `user-42`).
    #[prop_or_default]
    pub pk: Option<String>,
    /// The ExplicitHashKey field from the link (`ehk=`; `None`: empty).
    #[prop_or_default]
    pub ehk: Option<String>,
    /// The fields were edited: `(PartitionKey, ExplicitHashKey)` as typed.
    #[prop_or_default]
    pub on_key: Callback<(String, String)>,
}

/// What the view captured when it sent a reshard.
struct Before {
    /// The world it belongs to ([`HashingSnapshot::world`]) and its clock then. A rebuilt world
    /// (reset, new seed) starts again at time 0, so an address reused by the allocator does not
    /// fool it.
    sim: usize,
    /// Simulated ms when it was captured.
    at_ms: u64,
    /// Open ranges then.
    ranges: Vec<OpenRange>,
    /// Hash keys of the recent records then.
    hashes: Vec<u128>,
}

fn input_text(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

fn select_text(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()
}

/// A hash key: abbreviated, with every digit on hover or focus (and for screen readers).
fn hash_key(h: u128) -> Html {
    let full = h.to_string();
    let short = abbreviate(h);
    if short == full {
        return html! { <span class="hk">{ full }</span> };
    }
    html! {
        <span class="hk" tabindex="0" title={full.clone()}>
            <span class="short" aria-hidden="true">{ short }</span>
            <span class="full">{ full }</span>
        </span>
    }
}

/// The colour swatch and number of a shard (shape and label, not only hue).
fn shard_badge(id: ShardId, colour: Option<usize>) -> Html {
    let class = colour.map_or("closed".to_string(), |c| format!("c{c}"));
    html! { <span class={classes!("swatch", class)} aria-hidden="true">{ shard_short(id) }</span> }
}

fn colour_of(ranges: &[OpenRange], colours: &[usize], id: ShardId) -> Option<usize> {
    ranges.iter().position(|r| r.id == id).and_then(|i| colours.get(i).copied())
}

/// The bar, its density strip, the typed key's marker and the proposed split.
fn bar_svg(
    l: &Layout,
    lang: Lang,
    svg_ref: NodeRef,
    hit_label: Option<String>,
    marker_caption: Option<String>,
    (yours, yours_text): (&[KeyRecord], &'static str),
    on_pointer: Callback<(PointerEvent, bool)>,
) -> Html {
    // Records of yours: a ring at the foot of the density strip, a line down the bar, a caption.
    let hashes: Vec<u128> = yours.iter().map(|r| r.hash).collect();
    let yours_marks = l.yours_marks(&hashes).into_iter().enumerate().map(|(i, m)| {
        let keys: Vec<String> =
            yours.iter().filter(|r| (l.x_of(r.hash) - m.x).abs() < 0.5).map(|r| r.partition_key.clone()).collect();
        let ring_y = l.density_y + DENSITY_H - 7.0;
        html! {
            <g key={i} class="yours-mark" data-testid="hash-yours">
                <title>{ format!("{}: {}", yours_text, keys.join(", ")) }</title>
                <line x1={f1(m.x)} x2={f1(m.x)} y1={f1(ring_y)} y2={f1(l.bar_y + BAR_H)} />
                <circle cx={f1(m.x)} cy={f1(ring_y)} r="5" />
                <text class="yours-label" x={f1(m.label.0)} y={f1(ring_y - 8.0)} text-anchor={m.label.1.as_str()}>
                    { yours_text }
                </text>
            </g>
        }
    });
    let n = l.segments.len();
    let bar_y = l.bar_y;
    let bins = l.bins.iter().enumerate().filter(|(_, b)| b.count > 0).map(|(i, b)| {
        html! {
            <rect key={i} x={format!("{:.2}", b.x)} y={f1(l.density_y + DENSITY_H - b.h)}
                  width={format!("{:.2}", (b.w - 0.6).max(0.6))} height={f1(b.h)}>
                <title>{ b.count }</title>
            </rect>
        }
    });
    let segments = l.segments.iter().map(|s| {
        let cx = s.x + s.w / 2.0;
        html! {
            <g key={s.id.to_string()} data-testid="range" class={classes!("seg", format!("c{}", s.colour), s.hit.then_some("hit"))}>
                <title>{ s.id.to_string() }</title>
                <rect x={format!("{:.2}", s.x)} y={f1(bar_y)} width={format!("{:.2}", s.w)} height={BAR_H.to_string()} />
                if !s.label.is_empty() {
                    <text class="seg-num" x={f1(cx)} y={f1(bar_y + 23.0)} text-anchor="middle">{ s.label.clone() }</text>
                }
                if s.show_id {
                    <text class="seg-id" x={f1(cx)} y={f1(bar_y + 41.0)} text-anchor="middle">{ s.id.to_string() }</text>
                }
            </g>
        }
    });
    let edges = l.edge_labels.iter().map(|e| {
        html! {
            <text key={e.full.clone()} class="edge-label" x={f1(e.x)} y={f1(bar_y + BAR_H + 17.0)}
                  text-anchor={e.anchor.as_str()}>
                <title>{ e.full.clone() }</title>{ e.text.clone() }
            </text>
        }
    });
    let down = on_pointer.clone();
    let onpointerdown = Callback::from(move |e: PointerEvent| down.emit((e, true)));
    let onpointermove = on_pointer.reform(|e: PointerEvent| (e, false));
    html! {
        <svg ref={svg_ref} class="hash-bar" data-testid="hash-bar" viewBox={format!("0 0 {} {:.0}", l.width, l.height)}
             preserveAspectRatio="xMinYMin meet" role="img" aria-label={HashingMsg::BarAria { n }.text(lang)}
             {onpointerdown} {onpointermove}>
            <g class="density" aria-hidden="true">
                <text class="density-label" x={f1(l.bar_x)} y={f1(l.density_y - 5.0)}>
                    { HashingText::DensityLabel.text(lang) }
                </text>
                { for bins }
                <line x1={f1(l.bar_x)} x2={f1(l.bar_x + l.bar_w)}
                      y1={f1(l.density_y + DENSITY_H)} y2={f1(l.density_y + DENSITY_H)} />
            </g>
            { for segments }
            { for yours_marks }
            if let Some(x) = l.split {
                <g class="split-mark" aria-hidden="true">
                    <line x1={f1(x)} x2={f1(x)} y1={f1(bar_y - 4.0)} y2={f1(bar_y + BAR_H + 4.0)} />
                    <path d={format!("M{:.1} {:.1}l5 6-5 6-5-6z", x, bar_y + BAR_H - 6.0)} />
                </g>
            }
            if let Some(x) = l.marker {
                <g class="marker" data-testid="marker">
                    <title>{ hit_label.clone().unwrap_or_default() }</title>
                    <line x1={f1(x)} x2={f1(x)} y1={f1(l.density_y)} y2={f1(bar_y + BAR_H)} />
                    <path d={format!("M{:.1} {:.1}h16l-8 {:.0}z", x - 8.0, bar_y - MARKER_ROOM + 2.0, MARKER_ROOM - 4.0)} />
                    if let (Some((lx, anchor)), Some(caption)) = (l.marker_label, marker_caption) {
                        <text class="marker-label" x={f1(lx)} y={f1(l.density_y + 10.0)} text-anchor={anchor.as_str()}>
                            { caption }
                        </text>
                    }
                </g>
            }
            { for edges }
        </svg>
    }
}

fn key_section(
    lang: Lang,
    pk: &str,
    ehk: &str,
    on_key: &Callback<(String, String)>,
    explicit: &ExplicitKey,
    ranges: &[OpenRange],
    on_api: &Callback<(String, serde_json::Value)>,
) -> Html {
    let steps = key_steps(pk);
    // #16: send the typed key with PutRecord (the status line narrates AWS's answer).
    let on_put = {
        let (on_api, pk, ehk) = (on_api.clone(), pk.to_string(), ehk.to_string());
        Callback::from(move |_: MouseEvent| {
            let mut request = serde_json::json!({ "PartitionKey": pk, "Data": "aGk=" });
            if !ehk.trim().is_empty() {
                request["ExplicitHashKey"] = serde_json::Value::from(ehk.trim());
            }
            on_api.emit(("PutRecord".to_string(), request));
        })
    };
    let set_pk = {
        let ehk = ehk.to_string();
        on_key.reform(move |e: InputEvent| (input_text(&e), ehk.clone()))
    };
    let set_ehk = {
        let pk = pk.to_string();
        on_key.reform(move |e: InputEvent| (pk.clone(), input_text(&e)))
    };
    let routed = match explicit {
        ExplicitKey::Empty => Some(steps.hash),
        ExplicitKey::Valid(v) => Some(*v),
        ExplicitKey::Refused { .. } => None,
    };
    let shard =
        routed.filter(|_| !pk.is_empty()).and_then(|h| owner(ranges, h)).and_then(|i| ranges.get(i).map(|r| (i, r)));
    let chars = steps.chars.iter().enumerate().map(|(i, (c, bytes))| {
        html! { <span key={i} class="byte"><span class="ch">{ c.to_string() }</span><code>{ bytes.clone() }</code></span> }
    });
    let ehk_invalid = matches!(explicit, ExplicitKey::Refused { .. });
    html! {
        <section class="hk-section key-steps" aria-labelledby="hashing-key-h" data-card="walk">
            <h3 id="hashing-key-h">{ HashingText::KeyHeading.text(lang) }</h3>
            <div class="key-fields">
                <label class="field">
                    <span>{ HashingText::PartitionKeyLabel.text(lang) }</span>
                    <input data-testid="pk-input" type="text" maxlength="256" spellcheck="false" autocomplete="off"
                           value={pk.to_string()} oninput={set_pk} />
                </label>
                <label class="field">
                    <span>{ HashingText::ExplicitLabel.text(lang) }</span>
                    <input data-testid="ehk-input" type="text" inputmode="numeric" maxlength="64" spellcheck="false"
                           autocomplete="off" value={ehk.to_string()} oninput={set_ehk}
                           aria-invalid={ehk_invalid.to_string()} aria-describedby="hashing-ehk-note" />
                    <small class="help">{ HashingText::ExplicitHelp.text(lang) }</small>
                </label>
            </div>
            <div id="hashing-ehk-note">
                if let ExplicitKey::Refused { error, message } = explicit {
                    <p class="error" data-testid="ehk-error"><strong>{ error.as_str() }</strong>{ ": " }{ message.clone() }</p>
                }
                <button type="button" data-testid="put-key" onclick={on_put} disabled={pk.is_empty() || ehk_invalid}>
                    { crate::i18n::narrate::Text::PutThisKey.text(lang) }
                </button>
            </div>
            if pk.is_empty() {
                <p class="help">{ HashingText::EmptyKey.text(lang) }</p>
            } else {
                <ol class="steps">
                    <li>
                        <span class="step-name">{ HashingText::StepBytes.text(lang) }{ format!(" ({})", steps.byte_len) }</span>
                        <span class="bytes" data-testid="pk-bytes">{ for chars }</span>
                    </li>
                    <li>
                        <span class="step-name">{ HashingText::StepMd5.text(lang) }</span>
                        <code class="value" data-testid="pk-md5">{ steps.md5_hex.clone() }</code>
                    </li>
                    <li>
                        <span class="step-name">{ HashingText::StepDecimal.text(lang) }</span>
                        <code class="value" data-testid="pk-decimal">{ steps.hash.to_string() }</code>
                    </li>
                    if let ExplicitKey::Valid(v) = explicit {
                        <li class="override">
                            <span class="step-name">{ "ExplicitHashKey" }</span>
                            <code class="value">{ v.to_string() }</code>
                            <small class="help">{ HashingText::ExplicitUsed.text(lang) }</small>
                        </li>
                    }
                    <li>
                        <span class="step-name">{ HashingText::StepShard.text(lang) }</span>
                        <span class="value shard-result" data-testid="pk-shard">
                            if let Some((i, r)) = shard {
                                { shard_badge(r.id, colours(ranges).get(i).copied()) }{ " " }<code>{ r.id.to_string() }</code>
                            } else {
                                { "—" }
                            }
                        </span>
                    </li>
                </ol>
            }
            <p class="teach">{ HashingText::WhyMd5.text(lang) }</p>
            <p class="teach">{ HashingText::SameKey.text(lang) }</p>
        </section>
    }
}

fn many_section(lang: Lang, recent: &[KeyRecord], yours: &[KeyRecord], live: bool, view: &StreamView) -> Html {
    let ranges = &view.ranges;
    let throttled = |id: ShardId| view.throttled.iter().find(|(s, _)| *s == id).map_or(0, |(_, n)| *n);
    let rows = histogram(ranges, recent.iter().map(|r| r.shard));
    let colours = colours(ranges);
    let hist = rows.iter().map(|r| {
        let colour = r.colour.map_or("closed".to_string(), |c| format!("c{c}"));
        html! {
            <tr key={r.id.to_string()} class={classes!(r.hot.then_some("hot"), (!r.open).then_some("closed"))}>
                <th scope="row">
                    { shard_badge(r.id, r.colour) }{ " " }<code class="long-id">{ r.id.to_string() }</code>
                    if r.hot { { " " }<span class="badge hot">{ "▲ " }{ HashingText::HotBadge.text(lang) }</span> }
                    if !r.open { { " " }<span class="badge">{ HashingText::ClosedBadge.text(lang) }</span> }
                </th>
                <td class="bar-cell"><span class={classes!("hbar", colour)} style={format!("width:{:.1}%", r.fill * 100.0)}></span></td>
                <td class="num">{ grouped(r.count as u64, lang) }<span class="pct">{ format!(" ({})", percent_sign(r.percent.to_string(), lang)) }</span></td>
                <td class={classes!("num", (throttled(r.id) > 0).then_some("warn"))}>{ grouped(throttled(r.id), lang) }</td>
            </tr>
        }
    });
    // Records of yours first (marked), then the newest others.
    let rows_shown = yours.iter().chain(recent.iter().filter(|r| !r.yours).take(RECENT_ROWS));
    let latest = rows_shown.map(|r| {
        html! {
            <tr key={format!("{}-{}", r.shard, r.position)} class={classes!(r.yours.then_some("yours"))}>
                <td class="pk">
                    <code title={r.partition_key.clone()}><bdi>{ r.partition_key.clone() }</bdi></code>
                    if r.yours { { " " }<span class="yours-badge" data-testid="recent-key-yours">{ format!("◎ {}", crate::ui::views::yours_text(live, lang)) }</span> }
                </td>
                <td>{ hash_key(r.hash) }if r.explicit { <small class="muted">{ " " }{ HashingText::ExplicitMark.text(lang) }</small> }</td>
                <td>{ shard_badge(r.shard, colour_of(ranges, &colours, r.shard)) }</td>
            </tr>
        }
    });
    html! {
        <section class="hk-section many" aria-labelledby="hashing-many-h" data-card="many">
            <h3 id="hashing-many-h">{ HashingText::ManyHeading.text(lang) }</h3>
            if recent.is_empty() {
                <p class="help">{ HashingText::NoRecords.text(lang) }</p>
            }
            <div class="many-grid">
                <div class="table-wrap" tabindex="0" role="region" aria-label={HashingMsg::HistogramCaption { n: recent.len() }.text(lang)}>
                    <table class="histogram" data-testid="histogram">
                        <caption>{ HashingMsg::HistogramCaption { n: recent.len() }.text(lang) }</caption>
                        <thead><tr>
                            <th scope="col">{ "ShardId" }</th>
                            <th scope="col"><span class="sr-only">{ HashingText::ColShare.text(lang) }</span></th>
                            <th scope="col">{ HashingText::ColRecords.text(lang) }</th>
                            <th scope="col" title={HashingText::ColThrottledHelp.text(lang)}>
                                { HashingText::ColThrottled.text(lang) }{ " " }
                                <crate::ui::views::toggletip::Toggletip {lang} topic={HashingText::ColThrottled.text(lang)} testid="tip-throttled">
                                    { HashingText::ColThrottledHelp.text(lang) }
                                </crate::ui::views::toggletip::Toggletip>
                            </th>
                        </tr></thead>
                        <tbody>{ for hist }</tbody>
                    </table>
                </div>
                <div class="table-wrap" tabindex="0" role="region" aria-label={HashingText::RecentHeading.text(lang)}>
                    <table class="recent" data-testid="recent-keys">
                        <caption>{ HashingText::RecentHeading.text(lang) }</caption>
                        <thead><tr>
                            <th scope="col">{ "PartitionKey" }</th>
                            <th scope="col">{ HashingText::ColHash.text(lang) }</th>
                            <th scope="col">{ "Shard" }</th>
                        </tr></thead>
                        <tbody>{ for latest }</tbody>
                    </table>
                </div>
            </div>
            <p class="teach">{ HashingText::HotKeyCost.text(lang) }</p>
        </section>
    }
}

/// The hashing view: the hash space, a typed key's way to its shard, the producers' keys, and
/// resharding.
#[component]
pub fn Hashing(props: &HashingProps) -> Html {
    let snap = &props.snapshot;
    let lang = props.lang;
    // The fields live in the link (`pk=`, `ehk=`): typing rewrites the hash, so a teacher can
    // copy it, and a link opens the view with them.
    let pk = props.pk.clone().unwrap_or_else(|| FIRST_KEY.to_string());
    let ehk = props.ehk.clone().unwrap_or_default();
    let split_shard = use_state(|| None::<ShardId>);
    let split_key = use_state(|| None::<String>);
    let merge_lower = use_state(|| None::<ShardId>);
    let target = use_state(|| None::<String>);
    let before: Rc<RefCell<Option<Before>>> = use_mut_ref(|| None);
    let dragging = use_mut_ref(|| false);
    let svg_ref = use_node_ref();

    let (sim_id, view, elapsed, recent) = (snap.world, &snap.stream, snap.elapsed_ms, &snap.recent);
    let explicit = use_memo(ehk.clone(), |t| check_explicit_hash_key(t));
    let ranges = &view.ranges;

    // The split form: the chosen shard (the first one until chosen) and its key (its midpoint
    // until typed or dragged).
    let split_range = (*split_shard).and_then(|id| ranges.iter().find(|r| r.id == id)).or(ranges.first());
    let split_text = match (&*split_key, split_range) {
        (Some(t), _) => t.clone(),
        (None, Some(r)) => default_split_key(r).to_string(),
        (None, None) => String::new(),
    };
    let check = split_range.map(|r| split_check(r, &split_text));

    let marker = match &*explicit {
        _ if pk.is_empty() => None,
        ExplicitKey::Empty => Some(key_steps(&pk).hash),
        ExplicitKey::Valid(v) => Some(*v),
        ExplicitKey::Refused { .. } => None,
    };
    let narrow = crate::ui::views::is_narrow();
    let hashes: Vec<u128> = recent.iter().map(|r| r.hash).collect();
    // The proposed split is drawn once the form was used (a shard picked, a key typed or dragged).
    let touched = split_shard.is_some() || split_key.is_some();
    let split_at = match check {
        Some(SplitCheck::Valid(k)) if touched => Some(k),
        _ => None,
    };
    let l = Rc::new(layout(ranges, &hashes, marker, split_at, if narrow { NARROW_WIDTH } else { WIDTH }));
    let hit = marker.and_then(|h| owner(ranges, h)).and_then(|i| ranges.get(i));
    let hit_label = hit.map(|r| r.id.to_string());
    // "user-42 → #1", the key shortened so the caption stays on the bar.
    let marker_caption = hit.map(|r| {
        let key: String =
            if pk.chars().count() > 16 { pk.chars().take(15).chain(['…']).collect() } else { pk.clone() };
        let key = if matches!(*explicit, ExplicitKey::Valid(_)) { "ExplicitHashKey".to_string() } else { key };
        // The typed key is isolated (bidi): an override in it cannot reverse "→ #1".
        format!("{} → {}", crate::i18n::lang::isolate(&key), shard_short(r.id))
    });

    // A click or drag on the bar picks the shard to split and the NewStartingHashKey.
    let on_pointer = {
        let (l, ranges) = (l.clone(), ranges.clone());
        let (split_shard, split_key, dragging, svg_ref) =
            (split_shard.clone(), split_key.clone(), dragging.clone(), svg_ref.clone());
        Callback::from(move |(e, down): (PointerEvent, bool)| {
            if !down && (!*dragging.borrow() || e.buttons() == 0) {
                *dragging.borrow_mut() = false;
                return;
            }
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else { return };
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let x = (f64::from(e.client_x()) - rect.left()) / rect.width() * l.width;
            let y = (f64::from(e.client_y()) - rect.top()) / rect.height() * l.height;
            if down {
                if y < l.bar_y - MARKER_ROOM || y > l.bar_y + BAR_H {
                    return;
                }
                *dragging.borrow_mut() = true;
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            let h = l.hash_at(x);
            if let Some(r) = owner(&ranges, h).and_then(|i| ranges.get(i)) {
                split_shard.set(Some(r.id));
                split_key.set(Some(h.to_string()));
            }
        })
    };

    // Sending a reshard: remember the keys and ranges first.
    let send = {
        let on_api = props.on_api.clone();
        let (before, ranges, hashes) = (before.clone(), ranges.clone(), hashes.clone());
        Callback::from(move |(op, request): (&'static str, serde_json::Value)| {
            *before.borrow_mut() =
                Some(Before { sim: sim_id, at_ms: elapsed, ranges: ranges.clone(), hashes: hashes.clone() });
            on_api.emit((op.to_string(), request));
        })
    };
    let on_split_shard = {
        let (split_shard, split_key) = (split_shard.clone(), split_key.clone());
        Callback::from(move |e: Event| {
            split_shard.set(ShardId::resolve(&select_text(&e)));
            split_key.set(None);
        })
    };
    let on_split_key = {
        let split_key = split_key.clone();
        Callback::from(move |e: InputEvent| split_key.set(Some(input_text(&e))))
    };
    let on_split = {
        let send = send.clone();
        let id = split_range.map(|r| r.id.to_string()).unwrap_or_default();
        let key = split_text.clone();
        Callback::from(move |_: MouseEvent| {
            send.emit(("SplitShard", serde_json::json!({"ShardToSplit": id, "NewStartingHashKey": key})));
        })
    };
    let pairs = adjacent_pairs(ranges);
    let pair = (*merge_lower)
        .and_then(|id| pairs.iter().find(|(a, _)| ranges.get(*a).is_some_and(|r| r.id == id)))
        .or(pairs.first())
        .and_then(|(a, b)| Some((ranges.get(*a)?.id, ranges.get(*b)?.id)));
    let on_merge_pair = {
        let merge_lower = merge_lower.clone();
        Callback::from(move |e: Event| merge_lower.set(ShardId::resolve(&select_text(&e))))
    };
    let on_merge = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((a, b)) = pair {
                let (a, b) = (a.to_string(), b.to_string());
                send.emit(("MergeShards", serde_json::json!({"ShardToMerge": a, "AdjacentShardToMerge": b})));
            }
        })
    };
    let target_text = (*target).clone().unwrap_or_else(|| (ranges.len() * 2).max(1).to_string());
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: InputEvent| target.set(Some(input_text(&e))))
    };
    let on_scale = {
        let text = target_text.clone();
        Callback::from(move |_: MouseEvent| {
            // Sent as typed when it is not a number, so the engine gives AWS's own error.
            let n = text.trim().parse::<i64>().map_or(serde_json::Value::from(text.clone()), serde_json::Value::from);
            send.emit((
                "UpdateShardCount",
                serde_json::json!({"TargetShardCount": n, "ScalingType": "UNIFORM_SCALING"}),
            ));
        })
    };

    // A rebuilt world (reset, new seed, a link) starts again at time 0: forget the capture.
    let stale = before.borrow().as_ref().is_some_and(|b| b.sim != sim_id || b.at_ms > elapsed);
    if stale {
        *before.borrow_mut() = None;
    }
    // After a reshard: which of the captured keys changed shard.
    let moved = before
        .borrow()
        .as_ref()
        .filter(|b| b.ranges != *ranges && !ranges.is_empty())
        .map(|b| moved_keys(&b.ranges, ranges, &b.hashes));
    let outcome = props.last_api.as_ref().filter(|o| ReshardOp::parse(&o.operation).is_some());

    let legend = ranges.iter().enumerate().map(|(i, r)| {
        html! {
            <li key={r.id.to_string()} data-testid="range-row" class={classes!(l.segments.get(i).is_some_and(|s| s.hit).then_some("hit"))}>
                { shard_badge(r.id, l.segments.get(i).map(|s| s.colour)) }
                <code>{ r.id.to_string() }</code>
                <span class="range-keys">{ hash_key(r.start) }{ " … " }{ hash_key(r.end) }</span>
            </li>
        }
    });
    let split_options = ranges.iter().map(|r| {
        let selected = split_range.is_some_and(|s| s.id == r.id);
        html! { <option key={r.id.to_string()} value={r.id.to_string()} {selected}>{ format!("{} · {}", shard_short(r.id), r.id) }</option> }
    });
    let merge_options = pairs.iter().filter_map(|(a, b)| Some((ranges.get(*a)?, ranges.get(*b)?))).map(|(a, b)| {
        let selected = pair.is_some_and(|(x, _)| x == a.id);
        html! {
            <option key={a.id.to_string()} value={a.id.to_string()} {selected}>{ format!("{} + {}", shard_short(a.id), shard_short(b.id)) }</option>
        }
    });
    let split_note = match (check, split_range) {
        (Some(SplitCheck::Valid(k)), Some(r)) => html! {
            <small class="help">{ HashingMsg::SplitChildren {
                lower: format!("[{}, {}]", abbreviate(r.start), abbreviate(k - 1)),
                upper: format!("[{}, {}]", abbreviate(k), abbreviate(r.end)),
            }.text(lang) }</small>
        },
        (Some(SplitCheck::OutOfRule { min, max }), _) => html! {
            <small class="error">{ HashingMsg::SplitRule { min: min.to_string(), max: max.to_string() }.text(lang) }</small>
        },
        (Some(SplitCheck::NotANumber), _) => {
            html! { <small class="error">{ HashingText::SplitNotANumber.text(lang) }</small> }
        }
        _ => html! {},
    };

    html! {
        <section class="hashing" data-testid="hashing">
            <h2>{ HashingText::Title.text(lang) }</h2>
            <p class="intro">{ HashingText::Intro.text(lang) }</p>
            { crate::ui::views::other_stream_note(lang, &snap.stream_name, snap.scenario_stream.as_ref()) }

            <section class="hk-section" aria-labelledby="hashing-bar-h" data-card="bar">
                <h3 id="hashing-bar-h">{ HashingText::BarHeading.text(lang) }</h3>
                if ranges.is_empty() {
                    <p class="help">{ HashingText::NoShards.text(lang) }</p>
                }
                { bar_svg(&l, lang, svg_ref, hit_label, marker_caption, (&snap.yours, crate::ui::views::yours_text(snap.live, lang)), on_pointer) }
                <ol class="ranges" aria-label={HashingMsg::BarAria { n: ranges.len() }.text(lang)}>{ for legend }</ol>
                if !snap.yours.is_empty() {
                    <p class="help legend" data-testid="yours-legend">
                        { if snap.live { crate::i18n::live::Text::YoursLegend.text(lang) } else { AppText::YoursLegend.text(lang) } }
                    </p>
                }
                <p class="help">{ HashingText::FullValueHint.text(lang) }</p>
            </section>

            { key_section(lang, &pk, &ehk, &props.on_key, &explicit, ranges, &props.on_api) }
            { many_section(lang, recent, &snap.yours, snap.live, view) }

            <section class="hk-section reshard" aria-labelledby="hashing-reshard-h" data-card="reshard">
                <h3 id="hashing-reshard-h">{ HashingText::ReshardHeading.text(lang) }</h3>
                <p class="help">{ HashingText::ReshardHelp.text(lang) }</p>
                <p class="teach">{ HashingText::WhyRanges.text(lang) }</p>
                <div class="reshard-forms">
                    <div class="form split" role="group" aria-label="SplitShard">
                        <label class="field">
                            <span>{ HashingText::SplitShardLabel.text(lang) }</span>
                            <select data-testid="split-shard" onchange={on_split_shard}>{ for split_options }</select>
                        </label>
                        <label class="field">
                            <span>{ "NewStartingHashKey" }</span>
                            <input data-testid="split-key" type="text" inputmode="numeric" spellcheck="false" autocomplete="off"
                                   maxlength="64" value={split_text.clone()} oninput={on_split_key}
                                   aria-invalid={(!matches!(check, Some(SplitCheck::Valid(_)))).to_string()} />
                            { split_note }
                            <small class="help">{ HashingText::SplitKeyHelp.text(lang) }</small>
                        </label>
                        <button type="button" data-testid="split-button" onclick={on_split} disabled={split_range.is_none()}>
                            { HashingText::SplitButton.text(lang) }
                        </button>
                    </div>
                    <div class="form" role="group" aria-label="MergeShards">
                        <label class="field">
                            <span>{ HashingText::MergeLabel.text(lang) }</span>
                            <select data-testid="merge-pair" onchange={on_merge_pair}>{ for merge_options }</select>
                        </label>
                        <button type="button" data-testid="merge-button" onclick={on_merge} disabled={pair.is_none()}>
                            { HashingText::MergeButton.text(lang) }
                        </button>
                    </div>
                    <div class="form" role="group" aria-label="UpdateShardCount">
                        <label class="field">
                            <span>{ HashingText::CountLabel.text(lang) }</span>
                            <input data-testid="shard-count" type="number" min="1" inputmode="numeric"
                                   value={target_text} oninput={on_target} />
                        </label>
                        <button type="button" data-testid="update-shard-count" onclick={on_scale}>
                            { HashingText::CountButton.text(lang) }
                        </button>
                    </div>
                </div>
                <div class="api-result" data-testid="api-result" role="status" aria-live="polite">
                    <h4>{ HashingText::ApiHeading.text(lang) }</h4>
                    { api_outcome(lang, outcome) }
                    if view.status == Some(StreamStatus::Updating) {
                        <p class="updating">{ HashingMsg::Updating { secs: view.update_delay_ms.div_ceil(1000) }.text(lang) }</p>
                    }
                </div>
                if let Some(m) = moved {
                    <div class="moved" data-testid="moved-keys">
                        <h4>{ HashingText::MovedHeading.text(lang) }</h4>
                        <p>
                            <strong>{ HashingMsg::Moved { moved: m.moved, keys: m.keys, closed: m.closed.iter().map(ShardId::to_string).collect::<Vec<_>>().join(", ") }.text(lang) }</strong>
                        </p>
                        if m.moved_outside == 0 {
                            <p>{ HashingText::OutsideStayed.text(lang) }</p>
                        }
                        <p class="teach">{ HashingMsg::ModN { moved: m.mod_n_moved, keys: m.keys, from: m.shards_before, to: m.shards_after }.text(lang) }</p>
                    </div>
                }
            </section>
        </section>
    }
}

fn api_outcome(lang: Lang, outcome: Option<&ApiOutcome>) -> Html {
    let Some(o) = outcome else {
        return html! { <p class="help">{ HashingText::ApiNone.text(lang) }</p> };
    };
    match &o.result {
        Ok(v) => html! {
            <p class="ok"><code>{ o.operation.clone() }</code>{ " → 200 OK " }<code>{ v.to_string() }</code></p>
        },
        Err(error) => html! {
            <>
                <p class="error"><code>{ o.operation.clone() }</code>{ " → " }<strong>{ error.error_type.as_str() }</strong>{ ": " }{ crate::i18n::lang::isolate_quoted_value(error.message_text()) }</p>
                if let Some(t) = ReshardOp::parse(&o.operation).and_then(|op| explanation(op, error.error_type)) {
                    <p class="explain">{ t.text(lang) }</p>
                }
            </>
        },
    }
}
