//! The durability view's Yew component: the encryption card (KeyId form, Start/Stop, record
//! strips with locks, a GetRecords panel, what SSE protects) and the replication card (three
//! Availability Zone columns per shard, the teacher's zone buttons, the counts).

use super::model::{
    check_key, fill_width, narrow_bar_w, narrow_block_h, narrow_height, slot_x, strip_height, switches, zone_x,
    zones_height, KeyCheck, KeyForm, HEADER_H, LABEL_W, MARK, NARROW_LABEL_W, NARROW_ROW_H, NARROW_TITLE_H, NARROW_W,
    ROW_H, VIEW_W, ZONE_W,
};
use super::snapshot::{DurabilitySnapshot, ZoneKind};
use crate::engine::ops::replication::CATCH_UP_RECORDS_PER_SECOND;
use crate::i18n::durability::{Msg, Text as T};
use crate::i18n::numbers::grouped;
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::answers::{ApiOutcome, ShardRead};
use std::rc::Rc;
use yew::prelude::*;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct DurabilityProps {
    /// UI language.
    pub lang: Lang,
    /// What to draw.
    pub snapshot: Rc<DurabilitySnapshot>,
    /// The last API call made from any view (this view shows its own encryption calls).
    pub last_api: Option<ApiOutcome>,
    /// The last GetShardIterator + GetRecords read.
    pub last_read: Option<ShardRead>,
    /// A Kinesis API call: operation and request.
    pub on_api: Callback<(String, serde_json::Value)>,
    /// GetShardIterator with this request, then GetRecords.
    pub on_read: Callback<serde_json::Value>,
    /// Take zone `.0` down (`.1` false) or bring it back (`.1` true).
    pub on_zone: Callback<(usize, bool)>,
}

/// Rows of a GetRecords answer shown (the rest is counted).
const READ_ROWS: usize = 24;
const ENCRYPTION_CALLS: [&str; 2] = ["StartStreamEncryption", "StopStreamEncryption"];
const REFERENCE_SSE: &str = "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html";
const REFERENCE_FAQ: &str = "https://aws.amazon.com/kinesis/data-streams/faqs/";

fn short_shard(id: &str) -> String {
    // `shardId-000000000003` → `shardId-…003`, enough to tell rows apart on a phone.
    match id.strip_prefix("shardId-") {
        Some(n) if n.len() > 3 => format!("shardId-…{}", &n[n.len() - 3..]),
        _ => id.to_string(),
    }
}

/// A lock (KMS) or an open square (NONE) at `x`, `y`, keyed by its slot in the strip.
///
/// Keyed by slot, not by the record's position: while the clock runs every snapshot (every
/// 200 ms) brings a shard's newest records, all of them new positions, and position keys made
/// Yew remove and re-create every mark of every strip (the spike frames in benches/README.md,
/// "Busy time per frame"). By slot, a snapshot only changes what differs in place.
fn record_mark(x: f64, y: f64, kms: bool, key: usize) -> Html {
    if kms {
        let path = format!("M{sx} {sy} v-4 a5 5 0 0 1 10 0 v4", sx = x + MARK / 2.0 - 5.0, sy = y + 8.0);
        html! {
            <g key={key} class="rec kms">
                <path class="shackle" d={path} />
                <rect x={(x + 2.0).to_string()} y={(y + 8.0).to_string()} width={(MARK - 4.0).to_string()} height={(MARK - 8.0).to_string()} rx="2" />
            </g>
        }
    } else {
        html! {
            <g key={key} class="rec none">
                <rect x={(x + 2.0).to_string()} y={(y + 8.0).to_string()} width={(MARK - 4.0).to_string()} height={(MARK - 8.0).to_string()} rx="2" />
            </g>
        }
    }
}

/// A small lock beside the text `KMS` (the text carries the meaning; the icon is decoration).
fn lock_icon() -> Html {
    html! {
        <svg class="lock-icon" viewBox="0 0 12 14" width="11" height="13" aria-hidden="true" focusable="false">
            <path d="M3 6 V4 a3 3 0 0 1 6 0 V6" fill="none" stroke="currentColor" stroke-width="1.6" />
            <rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
        </svg>
    }
}

/// The view.
#[component]
pub fn DurabilityView(props: &DurabilityProps) -> Html {
    let lang = props.lang;
    let snap = &props.snapshot;
    let key = use_state(|| "alias/aws/kinesis".to_string());
    let check = check_key(&key);

    let call = |op: &'static str| {
        let on_api = props.on_api.clone();
        let key = key.clone();
        Callback::from(move |_: MouseEvent| {
            let k = key.trim().to_string();
            if k.is_empty() || k.chars().count() > 2048 {
                return;
            }
            on_api.emit((op.to_string(), serde_json::json!({ "EncryptionType": "KMS", "KeyId": k })));
        })
    };
    let key_note = match check {
        KeyCheck::Empty => {
            html! { <p class="error" role="alert" data-testid="key-error">{ T::KeyEmpty.text(lang) }</p> }
        }
        KeyCheck::TooLong => {
            html! { <p class="error" role="alert" data-testid="key-error">{ T::KeyTooLong.text(lang) }</p> }
        }
        KeyCheck::Fits(form) => {
            let t = match form {
                KeyForm::AliasName => T::FormAlias,
                KeyForm::AliasArn => T::FormAliasArn,
                KeyForm::KeyArn => T::FormKeyArn,
                KeyForm::KeyId => T::FormKeyId,
                KeyForm::Unknown => T::KeyUnknownForm,
            };
            html! { <p class="help" data-testid="key-form">{ t.text(lang) }</p> }
        }
    };
    let blocked = !matches!(check, KeyCheck::Fits(_));
    let outcome = props.last_api.as_ref().filter(|a| ENCRYPTION_CALLS.contains(&a.operation.as_str())).map(|a| {
        match &a.result {
            Ok(_) => html! { <p class="dur-outcome ok" data-testid="enc-outcome" data-code="ok" role="status">
                <strong>{ format!("{}: ", a.operation) }</strong>{ T::Accepted.text(lang) }</p> },
            Err(e) => html! { <p class="dur-outcome error" data-testid="enc-outcome" data-code={e.error_type.as_str()} role="alert">
                <strong>{ format!("{} — {}: ", T::AwsAnswer.text(lang), a.operation) }</strong>
                <code>{ e.to_string() }</code></p> },
        }
    });

    // The strip: each open shard's newest records.
    let rows = snap.shards.len();
    let strip_h = strip_height(rows);
    let strip = snap.shards.iter().enumerate().map(|(i, s)| {
        let y = i as f64 * ROW_H + 6.0;
        let kms: Vec<bool> = s.recent.iter().map(|m| m.kms).collect();
        let bars = switches(&kms).into_iter().map(|j| {
            let x = slot_x(j) - 3.0;
            html! { <line key={format!("sw{j}")} class="switch" x1={x.to_string()} x2={x.to_string()} y1={(y + 2.0).to_string()} y2={(y + ROW_H - 10.0).to_string()} /> }
        });
        html! {
            <g key={s.id.to_string()}>
                <text class="label" x="4" y={(y + 20.0).to_string()}>{ short_shard(&s.id.to_string()) }</text>
                // Keyed lists apart from the unkeyed label, so Yew diffs them by key.
                <g>{ for s.recent.iter().enumerate().map(|(j, m)| record_mark(slot_x(j), y, m.kms, j)) }</g>
                <g>{ for bars }</g>
            </g>
        }
    });
    let strip_list = snap.shards.iter().map(|s| {
        let kms = s.recent.iter().filter(|m| m.kms).count() as u64;
        let read = {
            let on_read = props.on_read.clone();
            let seq = s.first_seq.clone();
            let id = s.id.to_string();
            Callback::from(move |_: MouseEvent| {
                let mut req = serde_json::json!({ "ShardId": id, "ShardIteratorType": "TRIM_HORIZON" });
                if let Some(seq) = &seq {
                    req["ShardIteratorType"] = "AT_SEQUENCE_NUMBER".into();
                    req["StartingSequenceNumber"] = seq.clone().into();
                }
                on_read.emit(req);
            })
        };
        html! {
            <li key={s.id.to_string()} data-testid="strip-row" data-kms={kms.to_string()} data-n={s.recent.len().to_string()}>
                <span class="mono">{ s.id.to_string() }</span>{ ": " }
                { Msg::StripRow { n: s.recent.len() as u64, kms }.text(lang) }{ " " }
                <button type="button" data-testid="read-shard" onclick={read}
                        aria-label={format!("{} {}", T::ReadButton.text(lang), s.id)}>{ T::ReadButton.text(lang) }</button>
            </li>
        }
    });

    // The GetRecords panel.
    let read_panel = props.last_read.as_ref().map(|r| match &r.answer {
        Err(e) => html! { <p class="dur-outcome error" role="alert" data-code={e.error_type.as_str()}><code>{ e.to_string() }</code></p> },
        Ok(v) => {
            let records = v.get("Records").and_then(|r| r.as_array()).cloned().unwrap_or_default();
            html! {
                <div class="dur-read" data-testid="read-result">
                    <p>{ Msg::Returned { n: records.len() as u64 }.text(lang) }</p>
                    <div class="dur-table-wrap" tabindex="0" role="region" aria-label={T::ReadHeading.text(lang)}>
                    <table class="dur-table">
                        <thead><tr><th scope="col">{ "SequenceNumber" }</th><th scope="col">{ "PartitionKey" }</th><th scope="col">{ "EncryptionType" }</th></tr></thead>
                        <tbody>
                        { for records.iter().take(READ_ROWS).map(|rec| {
                            let seq = rec.get("SequenceNumber").and_then(|s| s.as_str()).unwrap_or_default().to_string();
                            let short = if seq.len() > 10 { format!("…{}", &seq[seq.len() - 10..]) } else { seq.clone() };
                            let pk = rec.get("PartitionKey").and_then(|s| s.as_str()).unwrap_or_default().to_string();
                            let enc = rec.get("EncryptionType").and_then(|s| s.as_str()).map(str::to_string);
                            html! {
                                <tr key={seq.clone()} data-testid="read-record" data-enc={enc.clone().unwrap_or_else(|| "NONE".into())}>
                                    <td class="mono" title={seq}>{ short }</td>
                                    <td class="mono">{ pk }</td>
                                    <td>{ match enc {
                                        Some(e) if e == "KMS" => html! { <strong class="kms">{ lock_icon() }{ " KMS" }</strong> },
                                        Some(e) => html! { { e } },
                                        None => html! { <span class="muted">{ T::NoField.text(lang) }</span> },
                                    } }</td>
                                </tr>
                            }
                        }) }
                        </tbody>
                    </table>
                    </div>
                    if records.len() > READ_ROWS {
                        <p class="muted">{ Msg::MoreRecords { n: (records.len() - READ_ROWS) as u64 }.text(lang) }</p>
                    }
                </div>
            }
        }
    });

    // The zones drawing.
    let zones_h = zones_height(rows);
    let any_down = snap.zones.iter().any(|z| z.kind == ZoneKind::Down);
    let catching = snap.zones.iter().any(|z| z.kind == ZoneKind::CatchingUp);
    let zone_state = |k: ZoneKind| match k {
        ZoneKind::InSync => T::ZoneUp,
        ZoneKind::Down => T::ZoneDown,
        ZoneKind::CatchingUp => T::ZoneCatchingUp,
    };
    let header = snap.zones.iter().enumerate().map(|(z, zone)| {
        let x = zone_x(z);
        let class = match zone.kind {
            ZoneKind::InSync => "zone-head up",
            ZoneKind::Down => "zone-head down",
            ZoneKind::CatchingUp => "zone-head catching",
        };
        html! {
            <g key={zone.name.clone()} class={class}>
                <text class="zone-name" x={(x + ZONE_W / 2.0).to_string()} y="16" text-anchor="middle">{ zone.name.clone() }</text>
                <text class="zone-state" x={(x + ZONE_W / 2.0).to_string()} y="34" text-anchor="middle">{ zone_state(zone.kind).text(lang) }</text>
            </g>
        }
    });
    let cells = snap.shards.iter().enumerate().map(|(i, s)| {
        let y = HEADER_H + i as f64 * ROW_H;
        html! {
            <g key={s.id.to_string()}>
                <text class="label" x="4" y={(y + 24.0).to_string()}>{ short_shard(&s.id.to_string()) }</text>
                { for snap.zones.iter().enumerate().map(|(z, zone)| {
                    let x = zone_x(z);
                    let down = zone.kind == ZoneKind::Down;
                    html! {
                        <g key={z} class={if down { "cell down" } else { "cell" }}>
                            <rect class="cell-bg" x={x.to_string()} y={(y + 6.0).to_string()} width={ZONE_W.to_string()} height={(ROW_H - 12.0).to_string()} rx="3" />
                            <rect class="cell-fill" x={x.to_string()} y={(y + 6.0).to_string()} width={fill_width(s.copies[z], s.written, ZONE_W).to_string()} height={(ROW_H - 12.0).to_string()} rx="3" />
                            <text class="cell-text" x={(x + ZONE_W / 2.0).to_string()} y={(y + 25.0).to_string()} text-anchor="middle">
                                { Msg::Held { held: s.copies[z], written: s.written }.text(lang) }
                            </text>
                        </g>
                    }
                }) }
            </g>
        }
    });
    // The phone's drawing: a block per shard, a row per zone (CSS shows one of the two).
    let narrow_h = narrow_height(rows);
    let narrow = snap.shards.iter().enumerate().map(|(i, s)| {
        let y0 = i as f64 * narrow_block_h();
        html! {
            <g key={s.id.to_string()}>
                <text class="label" x="2" y={(y0 + 17.0).to_string()}>{ s.id.to_string() }</text>
                { for snap.zones.iter().enumerate().map(|(z, zone)| {
                    let y = y0 + NARROW_TITLE_H + z as f64 * NARROW_ROW_H;
                    let bar = narrow_bar_w();
                    let class = match zone.kind {
                        ZoneKind::InSync => "cell",
                        ZoneKind::Down => "cell down",
                        ZoneKind::CatchingUp => "cell catching",
                    };
                    let mut label = Msg::Held { held: s.copies[z], written: s.written }.text(lang);
                    if zone.kind != ZoneKind::InSync {
                        label = format!("{} · {label}", zone_state(zone.kind).text(lang));
                    }
                    html! {
                        <g key={z} class={class}>
                            <text class="zone-name" x="2" y={(y + 19.0).to_string()}>{ zone.name.clone() }</text>
                            <rect class="cell-bg" x={NARROW_LABEL_W.to_string()} y={(y + 3.0).to_string()} width={bar.to_string()} height={(NARROW_ROW_H - 6.0).to_string()} rx="3" />
                            <rect class="cell-fill" x={NARROW_LABEL_W.to_string()} y={(y + 3.0).to_string()} width={fill_width(s.copies[z], s.written, bar).to_string()} height={(NARROW_ROW_H - 6.0).to_string()} rx="3" />
                            <text class="cell-text" x={(NARROW_LABEL_W + bar / 2.0).to_string()} y={(y + 19.0).to_string()} text-anchor="middle">{ label }</text>
                        </g>
                    }
                }) }
            </g>
        }
    });
    let zone_buttons = snap.zones.iter().enumerate().map(|(z, zone)| {
        let down = zone.kind == ZoneKind::Down;
        let disabled = !down && (any_down || catching);
        let onclick = props.on_zone.reform(move |_: MouseEvent| (z, down));
        let label = if down { Msg::BringBack { zone: zone.name.clone() } } else { Msg::TakeDown { zone: zone.name.clone() } };
        html! {
            <button key={zone.name.clone()} type="button" class={if down { "zone-btn back" } else { "zone-btn" }}
                    data-testid={format!("zone-{z}")} data-down={down.to_string()} {disabled} {onclick}>{ label.text(lang) }</button>
        }
    });
    let why_disabled = if any_down {
        Some(T::OneAtATime)
    } else if catching {
        Some(T::WaitCatchUp)
    } else {
        None
    };
    let g = |n: u64| grouped(n, lang);

    html! {
        <section class="durability-view" data-testid="durability-view">
            <h2>{ T::Title.text(lang) }</h2>
            <div class="dur-cards">
            <section class="dur-card" aria-labelledby="enc-h">
                <h3 id="enc-h">{ T::EncHeading.text(lang) }</h3>
                <p class="help">{ T::EncHelp.text(lang) }</p>
                <dl class="dur-facts">
                    <div><dt>{ T::StatusLabel.text(lang) }</dt><dd data-testid="stream-status" class="mono">{ snap.status.unwrap_or("—") }</dd></div>
                    <div><dt>{ T::EncryptionLabel.text(lang) }</dt><dd data-testid="stream-encryption" class="mono">
                        if snap.encryption == "KMS" { <span class="kms">{ lock_icon() }{ " KMS" }</span> } else { { "NONE" } }</dd></div>
                    if let Some(k) = &snap.key_id {
                        <div><dt>{ T::KeyInUse.text(lang) }</dt><dd class="mono">{ k.clone() }</dd></div>
                    }
                </dl>
                <label for="dur-key">{ T::KeyLabel.text(lang) }</label>
                <input id="dur-key" type="text" data-testid="key-input" spellcheck="false" autocomplete="off"
                       aria-describedby="dur-key-hint" value={(*key).clone()}
                       oninput={{ let key = key.clone(); Callback::from(move |e: InputEvent| {
                           if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { key.set(i.value()); }
                       }) }} />
                <p class="help" id="dur-key-hint">{ T::KeyHint.text(lang) }</p>
                { key_note }
                <div class="dur-buttons">
                    <button type="button" data-testid="start-encryption" disabled={blocked} onclick={call("StartStreamEncryption")}>{ T::Start.text(lang) }</button>
                    <button type="button" data-testid="stop-encryption" disabled={blocked} onclick={call("StopStreamEncryption")}>{ T::Stop.text(lang) }</button>
                </div>
                { for outcome }
                <h4>{ T::StripHeading.text(lang) }</h4>
                <p class="help">{ T::StripLegend.text(lang) }</p>
                if snap.shards.iter().all(|s| s.recent.is_empty()) {
                    <p class="muted">{ T::NoRecords.text(lang) }</p>
                }
                <svg class="dur-strip" viewBox={format!("0 0 {VIEW_W} {strip_h}")} role="img" aria-label={T::StripAria.text(lang)}>
                    { for strip }
                </svg>
                <h4>{ T::ReadHeading.text(lang) }</h4>
                <p class="help">{ T::ReadHelp.text(lang) }</p>
                <ul class="dur-strip-list">{ for strip_list }</ul>
                { for read_panel }
                <h4>{ T::ExplainHeading.text(lang) }</h4>
                <ul class="dur-explain">
                    <li class="yes">{ T::Protects.text(lang) }</li>
                    <li class="no">{ T::NotTransit.text(lang) }</li>
                    <li class="no">{ T::NotPermissions.text(lang) }</li>
                    <li class="no">{ T::NotEnds.text(lang) }</li>
                    <li class="no">{ T::NotMetadata.text(lang) }</li>
                    <li class="no">{ T::NotBefore.text(lang) }</li>
                </ul>
                <p class="dur-note">{ T::NoCrypto.text(lang) }</p>
                <p class="help"><a href={REFERENCE_SSE} target="_blank" rel="noopener">{ T::EncSource.text(lang) }</a></p>
            </section>
            <section class="dur-card" aria-labelledby="rep-h">
                <h3 id="rep-h">{ T::RepHeading.text(lang) }</h3>
                <p class="help">{ T::RepHelp.text(lang) }</p>
                <p class="dur-note" data-testid="model-note">{ T::ModelNote.text(lang) }</p>
                <dl class="dur-facts dur-counts">
                    <div><dt>{ T::Acked.text(lang) }</dt><dd data-testid="acked" data-n={snap.acknowledged.to_string()}>{ g(snap.acknowledged) }</dd></div>
                    <div><dt>{ T::Readable.text(lang) }</dt><dd data-testid="readable" data-n={snap.retained.to_string()}>{ g(snap.retained) }</dd></div>
                    <div><dt>{ T::ExpiredLabel.text(lang) }</dt><dd data-testid="expired" data-n={snap.expired.to_string()}>{ g(snap.expired) }</dd></div>
                    <div><dt>{ T::Lost.text(lang) }</dt><dd data-testid="lost" data-n={snap.lost.to_string()} class={if snap.lost == 0 { "ok" } else { "bad" }}>{ g(snap.lost) }</dd></div>
                    <div><dt>{ T::Reads.text(lang) }</dt><dd data-testid="reads" data-n={snap.reads.to_string()}>{ g(snap.reads) }</dd></div>
                </dl>
                <p class="help" data-testid="live-copies">{ Msg::LiveCopies { live: snap.live_zones() }.text(lang) }</p>
                <svg class="dur-zones narrow" viewBox={format!("0 0 {NARROW_W} {narrow_h}")} role="img" aria-label={T::RepAria.text(lang)}>
                    { for narrow }
                </svg>
                <svg class="dur-zones wide" viewBox={format!("0 0 {VIEW_W} {zones_h}")} role="img" aria-label={T::RepAria.text(lang)}>
                    <line class="sep" x1={(LABEL_W - 6.0).to_string()} x2={(LABEL_W - 6.0).to_string()} y1="0" y2={zones_h.to_string()} />
                    { for header }
                    { for cells }
                </svg>
                <div class="dur-teacher" role="group" aria-labelledby="teacher-h">
                    <h4 id="teacher-h">{ T::TeacherHeading.text(lang) }</h4>
                    <div class="dur-buttons">{ for zone_buttons }</div>
                    if let Some(t) = why_disabled { <p class="help" data-testid="why-disabled">{ t.text(lang) }</p> }
                    <p class="help">{ Msg::CatchUpRate { rate: CATCH_UP_RECORDS_PER_SECOND }.text(lang) }</p>
                </div>
                <div class="dur-table-wrap" tabindex="0" role="region" aria-label={T::TableCaption.text(lang)}>
                <table class="dur-table" data-testid="zones-table">
                    <caption>{ T::TableCaption.text(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ T::Shard.text(lang) }</th>
                        { for snap.zones.iter().map(|z| html! { <th key={z.name.clone()} scope="col">{ format!("{} ({})", z.name, zone_state(z.kind).text(lang)) }</th> }) }
                    </tr></thead>
                    <tbody>
                    { for snap.shards.iter().map(|s| html! {
                        <tr key={s.id.to_string()} data-testid="zone-row" data-written={s.written.to_string()}
                            data-copies={s.copies.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(",")}>
                            <th scope="row" class="mono">{ s.id.to_string() }</th>
                            { for s.copies.iter().enumerate().map(|(z, c)| html! { <td key={z}>{ Msg::Held { held: *c, written: s.written }.text(lang) }</td> }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
                <p class="help"><a href={REFERENCE_FAQ} target="_blank" rel="noopener">{ T::RepSource.text(lang) }</a></p>
            </section>
            </div>
        </section>
    }
}
