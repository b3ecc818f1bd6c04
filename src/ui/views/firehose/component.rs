//! The firehose view's Yew component: source shards → delivery stream (fill gauge and clock)
//! → S3 bucket drawn as a folder tree by date prefix, with the hints form and the objects list.

use super::model::{
    bar_fill, clock_sector, closer, fraction, parse_hints, Closer, FormError, BAR, CLOCK, VIEW_H, VIEW_W,
};
use super::snapshot::{DeliverySnap, FirehoseSnapshot};
use crate::i18n::firehose::{Msg, Text};
use crate::i18n::numbers::{grouped, percent_sign};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::{bytes, clock, duration, mib, DurationStyle};
use crate::world::firehose::{BufferingHints, HintError};
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// Name of a delivery stream created from the view.
pub const NEW_NAME: &str = "orders-to-s3";

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct FirehoseProps {
    /// UI language.
    pub lang: Lang,
    /// What to show.
    pub snapshot: Rc<FirehoseSnapshot>,
    /// Sends a world command (create, change hints).
    pub on_command: Callback<Command>,
}

fn secs(ms: u64, lang: Lang) -> String {
    duration(ms, DurationStyle::Precise, lang)
}

fn form_error(e: FormError, lang: Lang) -> &'static str {
    match e {
        FormError::NotNumber => Text::NotNumber.text(lang),
        FormError::Range(HintError::Size) => Text::SizeError.text(lang),
        FormError::Range(HintError::Interval) => Text::IntervalError.text(lang),
    }
}

/// The view.
#[component]
pub fn FirehoseView(props: &FirehoseProps) -> Html {
    let lang = props.lang;
    let snap = &props.snapshot;
    let defaults = snap.delivery.as_ref().map_or(BufferingHints::default(), |d| BufferingHints {
        size_in_mbs: d.size_mib,
        interval_in_seconds: d.interval_s,
    });
    let size = use_state(|| defaults.size_in_mbs.to_string());
    let interval = use_state(|| defaults.interval_in_seconds.to_string());
    let error = use_state(|| None::<FormError>);
    let submit = {
        let (size, interval, error, on_command) =
            (size.clone(), interval.clone(), error.clone(), props.on_command.clone());
        let existing = snap.delivery.as_ref().map(|d| d.name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_hints(&size, &interval) {
                Err(fe) => error.set(Some(fe)),
                Ok(hints) => {
                    error.set(None);
                    on_command.emit(match &existing {
                        Some(name) => Command::UpdateBufferingHints { name: name.clone(), hints },
                        None => Command::CreateDeliveryStream { name: NEW_NAME.into(), hints },
                    });
                }
            }
        })
    };
    let field = |id: &'static str,
                 label: Text,
                 state: &UseStateHandle<String>,
                 min: &'static str,
                 max: &'static str| {
        let s = state.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                s.set(i.value());
            }
        });
        html! {
            <div class="fh-field">
                <label for={id}>{ label.text(lang) }</label>
                <input id={id} data-testid={id} type="number" inputmode="numeric" {min} {max} value={(**state).clone()} {oninput}
                       aria-invalid={error.is_some().to_string()} aria-describedby="fh-form-err" />
            </div>
        }
    };
    let form = html! {
        <form class="fh-form" data-testid="fh-form" onsubmit={submit} aria-labelledby="fh-form-h" novalidate=true>
            <h3 id="fh-form-h">{ Text::FormHeading.text(lang) }</h3>
            { field("fh-size", Text::SizeLabel, &size, "1", "128") }
            { field("fh-interval", Text::IntervalLabel, &interval, "0", "900") }
            <button type="submit" data-testid={if snap.delivery.is_some() { "fh-update" } else { "fh-create" }}>
                { if snap.delivery.is_some() { Text::Update.text(lang) } else { Text::Create.text(lang) } }
            </button>
            <p id="fh-form-err" class="err" role="alert" data-testid="fh-form-error">
                { error.map(|e| form_error(e, lang)).unwrap_or_default() }
            </p>
            <p class="fh-rules">{ Text::Rules.text(lang) }</p>
        </form>
    };
    html! {
        <section class="firehose-view" data-testid="firehose-view" aria-labelledby="fh-title">
            <h2 id="fh-title">{ Text::Title.text(lang) }</h2>
            <p class="fh-help">{ Text::Help.text(lang) }</p>
            <p class="fh-link"><a href="#/pipelines/lambda" data-testid="fh-lambda-link">{ Text::SameArchiver.text(lang) }</a></p>
            <div class="fh-flow">
                { source(snap, lang) }
                <div class="fh-arrow" aria-hidden="true">{ "→" }</div>
                <section class="fh-col fh-delivery" aria-labelledby="fh-del-h">
                    <h3 id="fh-del-h">{ Text::Delivery.text(lang) }</h3>
                    { match &snap.delivery {
                        Some(d) => delivery(d, lang),
                        None => html! { <p class="fh-none" data-testid="fh-none">{ Text::NoDelivery.text(lang) }</p> },
                    } }
                    { form }
                </section>
                <div class="fh-arrow" aria-hidden="true">{ "→" }</div>
                { bucket(snap.delivery.as_ref(), lang) }
            </div>
            { objects_table(snap.delivery.as_ref(), lang) }
        </section>
    }
}

fn source(snap: &FirehoseSnapshot, lang: Lang) -> Html {
    html! {
        <section class="fh-col fh-source" aria-labelledby="fh-src-h">
            <h3 id="fh-src-h">{ Text::Source.text(lang) }</h3>
            <p class="fh-stream">{ &snap.stream }</p>
            <ul class="fh-shards">
                { for snap.shards.iter().map(|s| html! {
                    <li key={s.label.clone()}>
                        <span class="fh-shard">{ &s.label }</span>
                        <span class="fh-muted">{ " GetRecords 1/s · " }{ Msg::Behind { lag: secs(s.behind_ms, lang) }.text(lang) }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn delivery(d: &DeliverySnap, lang: Lang) -> Html {
    let limit = u64::from(d.size_mib) * crate::world::firehose::MIB;
    let size_frac = fraction(d.buffer_bytes, limit);
    let interval_ms = u64::from(d.interval_s) * 1_000;
    let time_frac = if d.buffer_records == 0 { 0.0 } else { fraction(d.buffer_age_ms, interval_ms) };
    let near = closer(d.buffer_records, size_frac, time_frac);
    let (bx, by, bw, bh) = BAR;
    let fill = bar_fill(size_frac);
    let (cx, cy, r) = CLOCK;
    let buffered = format!("{} MiB", mib(d.buffer_bytes, lang));
    let size_limit = format!("{} MiB", d.size_mib);
    let size_text =
        Msg::Buffered { records: grouped(d.buffer_records, lang), bytes: buffered.clone(), limit: size_limit.clone() }
            .text(lang);
    let time_text = if d.buffer_records == 0 {
        Text::Empty.text(lang).to_string()
    } else {
        Msg::Waiting { elapsed: secs(d.buffer_age_ms, lang), interval: secs(interval_ms, lang) }.text(lang)
    };
    let label = Msg::Figure {
        bytes: buffered,
        limit: size_limit,
        elapsed: secs(d.buffer_age_ms, lang),
        interval: secs(interval_ms, lang),
    }
    .text(lang);
    let hot = |c: Closer| if near == c { "fh-gauge hot" } else { "fh-gauge" };
    let (o, b, rec, by_size) = d.totals;
    html! {
        <div class="fh-del" data-testid="fh-delivery" data-version={d.version.to_string()} data-objects={o.to_string()}
             data-buffer-records={d.buffer_records.to_string()} data-by-size={d.totals.3.to_string()} data-closer={format!("{near:?}")}>
            <p class="fh-config" data-testid="fh-config">
                { Msg::Config { name: d.name.clone(), version: d.version, size: d.size_mib, interval: d.interval_s }.text(lang) }
            </p>
            if d.archiver { <p class="fh-note">{ Text::IsArchiver.text(lang) }</p> }
            <svg class="fh-gauges" viewBox={format!("0 0 {VIEW_W} {VIEW_H}")} role="img" aria-label={label}>
                <g class={hot(Closer::Size)}>
                    <text x={(bx + bw / 2.0).to_string()} y="18" text-anchor="middle" class="fh-glabel">{ Text::SizeGauge.text(lang) }</text>
                    <rect x={bx.to_string()} y={by.to_string()} width={bw.to_string()} height={bh.to_string()} class="fh-bar-bg" />
                    <rect x={bx.to_string()} y={(by + bh - fill).to_string()} width={bw.to_string()} height={fill.to_string()} class="fh-bar" />
                    <text x={(bx + bw / 2.0).to_string()} y={(by + bh / 2.0 + 5.0).to_string()} text-anchor="middle" class="fh-pct">
                        { percent_sign(((size_frac * 100.0).round() as u64).to_string(), lang) }
                    </text>
                </g>
                <g class={hot(Closer::Interval)}>
                    <text x={cx.to_string()} y="18" text-anchor="middle" class="fh-glabel">{ Text::ClockGauge.text(lang) }</text>
                    <circle cx={cx.to_string()} cy={cy.to_string()} r={r.to_string()} class="fh-clock-bg" />
                    <path d={clock_sector(time_frac)} class="fh-clock" />
                    <circle cx={cx.to_string()} cy={cy.to_string()} r="3" class="fh-clock-pin" />
                </g>
                if near != Closer::Neither {
                    <text x={if near == Closer::Size { bx + bw / 2.0 } else { cx }.to_string()} y={(VIEW_H - 6.0).to_string()} text-anchor="middle" class="fh-closer">
                        { format!("▲ {}", Text::Closer.text(lang)) }
                    </text>
                }
            </svg>
            <ul class="fh-readout">
                <li class={classes!((near == Closer::Size).then_some("hot"))} data-testid="fh-size-text">{ size_text }</li>
                <li class={classes!((near == Closer::Interval).then_some("hot"))} data-testid="fh-time-text">{ time_text }</li>
                <li data-testid="fh-totals">
                    { Msg::Totals { objects: grouped(o, lang), bytes: bytes(b, lang), records: grouped(rec, lang), by_size: grouped(by_size, lang) }.text(lang) }
                </li>
            </ul>
        </div>
    }
}

fn bucket(d: Option<&DeliverySnap>, lang: Lang) -> Html {
    let newest = d.and_then(|d| d.objects.first()).map(|o| o.number);
    let body = match d {
        Some(d) if !d.folders.is_empty() => {
            let mut last: Option<String> = None;
            let mut items = Vec::new();
            for f in &d.folders {
                // One line per level that changes: YYYY/ MM/ DD/ then the hour folder.
                let parts: Vec<&str> = f.prefix.trim_end_matches('/').split('/').collect();
                let prev: Vec<String> = last
                    .as_deref()
                    .map(|p| p.trim_end_matches('/').split('/').map(str::to_string).collect())
                    .unwrap_or_default();
                for (depth, part) in parts.iter().enumerate().take(3) {
                    if prev.get(..=depth).map(|p| p.iter().map(String::as_str).collect::<Vec<_>>())
                        != parts.get(..=depth).map(<[&str]>::to_vec)
                    {
                        let key = parts.get(..=depth).map(|p| p.join("/")).unwrap_or_default();
                        items.push(
                            html! { <li key={key} class={format!("fh-dir d{depth}")}>{ format!("▾ {part}/") }</li> },
                        );
                    }
                }
                let hour = parts.get(3).copied().unwrap_or("");
                let objs: Vec<Html> = d
                    .objects
                    .iter()
                    .filter(|o| o.prefix == f.prefix)
                    .map(|o| {
                        let title = Msg::Object { key: o.key.clone(), bytes: bytes(o.bytes, lang), records: grouped(o.records, lang) }.text(lang);
                        let is_new = Some(o.number) == newest;
                        html! {
                            <li key={o.number} class={classes!("fh-obj", is_new.then_some("newest"))} tabindex="0" title={title.clone()}
                                data-testid="fh-object" data-key={o.key.clone()}>
                                <span class="fh-objname">{ format!("▪ {}", o.name) }</span>
                                <span class="fh-muted">{ format!(" · {} · {} ", bytes(o.bytes, lang), grouped(o.records, lang)) }{ Text::ColRecords.text(lang).to_lowercase() }</span>
                                if is_new { <strong class="fh-new">{ format!(" ★ {}", Text::Newest.text(lang)) }</strong> }
                            </li>
                        }
                    })
                    .collect();
                items.push(html! {
                    <li key={f.prefix.clone()} class="fh-dir d3" data-testid="fh-folder" data-prefix={f.prefix.clone()}>
                        { format!("▾ {hour}/ ") }<span class="fh-muted">{ Msg::Folder { objects: grouped(f.objects, lang), bytes: bytes(f.bytes, lang) }.text(lang) }</span>
                        if !objs.is_empty() { <ul class="fh-objs">{ for objs }</ul> }
                    </li>
                });
                last = Some(f.prefix.clone());
            }
            html! { <ul class="fh-tree" data-testid="fh-tree">{ for items }</ul> }
        }
        _ => html! { <p class="fh-muted" data-testid="fh-no-objects">{ Text::NoObjects.text(lang) }</p> },
    };
    html! {
        <section class="fh-col fh-bucket" aria-labelledby="fh-bkt-h">
            <h3 id="fh-bkt-h">{ Text::Bucket.text(lang) }</h3>
            { body }
        </section>
    }
}

fn objects_table(d: Option<&DeliverySnap>, lang: Lang) -> Html {
    let Some(d) = d.filter(|d| !d.objects.is_empty()) else {
        return html! {};
    };
    html! {
        <div class="fh-list">
            <h3 id="fh-list-h">{ Text::RecentHeading.text(lang) }</h3>
            <div class="fh-table-wrap" tabindex="0" role="region" aria-labelledby="fh-list-h">
                <table data-testid="fh-table">
                    <thead><tr>
                        <th scope="col">{ Text::ColKey.text(lang) }</th>
                        <th scope="col">{ Text::ColSize.text(lang) }</th>
                        <th scope="col">{ Text::ColRecords.text(lang) }</th>
                        <th scope="col">{ Text::ColTrigger.text(lang) }</th>
                        <th scope="col">{ Text::ColArrivals.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for d.objects.iter().map(|o| html! {
                            <tr key={o.number}>
                                <td class="fh-key" data-label={Text::ColKey.text(lang)}>{ &o.key }</td>
                                <td data-label={Text::ColSize.text(lang)}>{ bytes(o.bytes, lang) }</td>
                                <td data-label={Text::ColRecords.text(lang)}>{ grouped(o.records, lang) }</td>
                                <td data-label={Text::ColTrigger.text(lang)}>{ if o.by_size { Text::BySize.text(lang) } else { Text::ByInterval.text(lang) } }</td>
                                <td data-label={Text::ColArrivals.text(lang)}>{ format!("{}–{}", clock(o.arrivals.0), clock(o.arrivals.1)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
