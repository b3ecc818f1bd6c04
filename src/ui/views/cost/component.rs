//! The cost view's Yew component: the bill, the prices, the mode comparison with its chart,
//! UpdateStreamMode with the on-demand scaling chart (and, on ON_DEMAND streams, the record
//! distribution strategy: AUTO or USER_PARTITION_KEY), and the current quotas.

use super::model::{cost_chart, scaling_chart, Tick, BOTTOM, H, LEFT, RIGHT, TOP, W};
use super::snapshot::CostSnapshot;
use crate::engine::state::limits::MIB;
use crate::engine::state::stream::{RecordDistribution, StreamMode};
use crate::i18n::cost::{Msg, Text};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::answers::ApiOutcome;
use crate::ui::format::{decimal, duration, grouped, usd, usd_precise, DurationStyle};
use crate::ui::views::f1;
use crate::world::cost::{
    CostBreakdown, EFO_CONSUMER_SHARD_HOUR_MICRO_USD, EFO_RETRIEVAL_MICRO_USD_PER_GB,
    EXTENDED_RETENTION_SHARD_HOUR_MICRO_USD, ON_DEMAND_DATA_IN_MICRO_USD_PER_GB, ON_DEMAND_DATA_OUT_MICRO_USD_PER_GB,
    ON_DEMAND_EFO_RETRIEVAL_MICRO_USD_PER_GB, ON_DEMAND_STREAM_HOUR_MICRO_USD, PRICES_AS_OF,
    PUT_PAYLOAD_MICRO_USD_PER_MILLION_UNITS,
};
use serde_json::json;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct CostProps {
    /// What to show.
    pub snapshot: Rc<CostSnapshot>,
    /// UI language.
    pub lang: Lang,
    /// The last UpdateStreamMode call, if it was the last API call.
    pub last_call: Option<ApiOutcome>,
    /// Sends an API call (operation, request).
    pub on_api: Callback<(String, serde_json::Value)>,
}

/// One line of the bill: label, so far, per month.
fn bill_rows(live: &CostBreakdown, month: &CostBreakdown, mode: StreamMode) -> Vec<(Text, u64, u64)> {
    let mut rows = match mode {
        StreamMode::Provisioned => vec![
            (Text::ShardHours, live.shard_hours_micro_usd, month.shard_hours_micro_usd),
            (Text::PutUnits, live.put_units_micro_usd, month.put_units_micro_usd),
        ],
        StreamMode::OnDemand => vec![(Text::OnDemandUsage, live.on_demand_micro_usd, month.on_demand_micro_usd)],
    };
    rows.push((Text::Retention, live.retention_micro_usd, month.retention_micro_usd));
    rows.push((Text::Efo, live.efo_micro_usd, month.efo_micro_usd));
    rows
}

/// X axis ticks as SVG: grid lines and labels.
fn x_axis(ticks: &[Tick], label: impl Fn(f64) -> String) -> Html {
    let last = ticks.len().saturating_sub(1);
    ticks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // The last label ends at its tick, so it stays inside the chart.
            let anchor = if i == last { "end" } else { "middle" };
            html! {
                <g key={i}>
                    <line class="cost-grid" x1={f1(t.at)} x2={f1(t.at)} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                    <text class="cost-tick" x={f1(t.at)} y={(H - BOTTOM + 16.0).to_string()} text-anchor={anchor}>{ label(t.value) }</text>
                </g>
            }
        })
        .collect()
}

/// Y axis ticks as SVG: grid lines and labels.
fn y_axis(ticks: &[Tick], label: impl Fn(f64) -> String) -> Html {
    ticks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            html! {
                <g key={i}>
                    <line class="cost-grid" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={f1(t.at)} y2={f1(t.at)} />
                    <text class="cost-tick" x={(LEFT - 6.0).to_string()} y={f1(t.at + 4.0)} text-anchor="end">{ label(t.value) }</text>
                </g>
            }
        })
        .collect()
}

/// A compact number for tick labels.
fn tick_number(v: f64, lang: Lang) -> String {
    if v.fract().abs() < 1e-9 {
        grouped(v as u64, lang)
    } else {
        decimal(v, 1, lang)
    }
}

/// The view.
#[component]
pub fn CostView(props: &CostProps) -> Html {
    let lang = props.lang;
    let s = &*props.snapshot;
    let mode_name = s.mode.as_str();
    let month = if s.mode == StreamMode::Provisioned { &s.month_provisioned } else { &s.month_on_demand };
    let rows = bill_rows(&s.live, month, s.mode);

    // Prices.
    let prices: Vec<(Text, &str, String)> = vec![
        (Text::PriceShardHour, "price-shard-hour", usd_precise(s.one_shard_hour_micro_usd, 3, lang)),
        (Text::PricePut, "price-put", usd_precise(PUT_PAYLOAD_MICRO_USD_PER_MILLION_UNITS, 3, lang)),
        (Text::PriceExtended, "price-extended", usd_precise(EXTENDED_RETENTION_SHARD_HOUR_MICRO_USD, 3, lang)),
        (Text::PriceEfoHour, "price-efo-hour", usd_precise(EFO_CONSUMER_SHARD_HOUR_MICRO_USD, 3, lang)),
        (Text::PriceEfoGb, "price-efo-gb", usd_precise(EFO_RETRIEVAL_MICRO_USD_PER_GB, 3, lang)),
        (Text::PriceOdHour, "price-od-hour", usd_precise(ON_DEMAND_STREAM_HOUR_MICRO_USD, 3, lang)),
        (Text::PriceOdIn, "price-od-in", usd_precise(ON_DEMAND_DATA_IN_MICRO_USD_PER_GB, 3, lang)),
        (Text::PriceOdOut, "price-od-out", usd_precise(ON_DEMAND_DATA_OUT_MICRO_USD_PER_GB, 3, lang)),
        (Text::PriceOdEfo, "price-od-efo", usd_precise(ON_DEMAND_EFO_RETRIEVAL_MICRO_USD_PER_GB, 3, lang)),
    ];

    // Comparison.
    let c = &s.comparison;
    let cheaper = c.cheaper();
    let chart = cost_chart(&s.load, s.records_per_sec);
    let cheaper_text = Msg::Cheaper {
        on_demand: cheaper == StreamMode::OnDemand,
        rate: s.records_per_sec,
        bytes: s.record_bytes,
        provisioned: usd(c.provisioned_micro_usd, lang),
        shards: c.provisioned_shards,
        on_demand_cost: usd(c.on_demand_micro_usd, lang),
    }
    .text(lang);
    let compare_label = format!(
        "{} {}",
        cheaper_text,
        chart.break_even.map(|(_, r)| Msg::BreakEvenAt { rate: r }.text(lang)).unwrap_or_default()
    );

    // Mode and scaling.
    let target = if s.mode == StreamMode::Provisioned { StreamMode::OnDemand } else { StreamMode::Provisioned };
    let on_switch = {
        let on_api = props.on_api.clone();
        let arn = s.stream_arn.clone();
        Callback::from(move |_: MouseEvent| {
            on_api.emit((
                "UpdateStreamMode".to_string(),
                json!({"StreamARN": arn, "StreamModeDetails": {"StreamMode": target.as_str()}}),
            ))
        })
    };
    // The record distribution strategy: AUTO exists only on ON_DEMAND streams.
    let distribution_target = if s.distribution == RecordDistribution::Auto {
        RecordDistribution::UserPartitionKey
    } else {
        RecordDistribution::Auto
    };
    let on_distribution = {
        let on_api = props.on_api.clone();
        let arn = s.stream_arn.clone();
        Callback::from(move |_: MouseEvent| {
            on_api.emit((
                "UpdateStreamRecordDistributionStrategy".to_string(),
                json!({"StreamARN": arn, "RecordDistributionStrategy": distribution_target.as_str()}),
            ))
        })
    };
    let answer = props.last_call.as_ref().map(|a| match &a.result {
        Ok(_) => {
            // The strategy applies at once (API_UpdateStreamRecordDistributionStrategy); the mode
            // switch goes through UPDATING.
            let text = if a.operation == "UpdateStreamRecordDistributionStrategy" {
                Text::DistributionAccepted
            } else {
                Text::Accepted
            };
            html! { <p class="cost-ok" role="status" data-testid="mode-answer">{ text.text(lang) }</p> }
        }
        Err(e) => html! {
            <p class="cost-error" role="alert" data-testid="mode-answer">
                <code>{ e.error_type.as_str() }</code>{ ": " }{ e.message_text().to_string() }
            </p>
        },
    });
    let scaling = scaling_chart(&s.history);
    let peak = s.history.iter().map(|h| h.demand_bytes_per_sec).max().unwrap_or(0);
    let scaling_text = Msg::ScalingSummary {
        shards: s.history.last().map_or(s.open_shards as u32, |h| h.open_shards),
        peak: decimal(peak as f64 / MIB as f64, 2, lang),
        stride: s.history_stride_s,
    }
    .text(lang);

    let quotas = [
        Text::QuotaShards,
        Text::QuotaOdStart,
        Text::QuotaOdMax,
        Text::QuotaRecord,
        Text::QuotaPutRecords,
        Text::QuotaShard,
    ];

    html! {
        <section class="cost-view" data-testid="cost-view">
            <h2>{ Text::Title.text(lang) }</h2>
            <p class="help">{ Text::Help.text(lang) }</p>
            <div class="cost-grid-cards">
                <section class="cost-card" aria-labelledby="cost-bill-h" data-testid="cost-bill">
                    <h3 id="cost-bill-h">{ Text::BillHeading.text(lang) }</h3>
                    <p>{ Msg::BillFor { mode: mode_name, shards: s.open_shards, elapsed: duration(s.elapsed_ms, DurationStyle::Clock, lang) }.text(lang) }</p>
                    <table class="cost-table">
                        <thead><tr>
                            <th scope="col">{ Text::Item.text(lang) }</th>
                            <th scope="col" class="num">{ Text::SoFar.text(lang) }</th>
                            <th scope="col" class="num">{ Text::PerMonth.text(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|(t, live, m)| html! {
                                <tr key={format!("{t:?}")}>
                                    <th scope="row">{ t.text(lang) }</th>
                                    <td class="num">{ usd_precise(*live, 4, lang) }</td>
                                    <td class="num">{ usd(*m, lang) }</td>
                                </tr>
                            }) }
                            <tr class="cost-total">
                                <th scope="row">{ Text::Total.text(lang) }</th>
                                <td class="num" data-testid="live-total">{ usd_precise(s.live.total, 4, lang) }</td>
                                <td class="num" data-testid="month-total">{ usd(month.total, lang) }</td>
                            </tr>
                        </tbody>
                    </table>
                </section>

                <section class="cost-card" aria-labelledby="cost-prices-h" data-testid="cost-prices">
                    <h3 id="cost-prices-h">{ Text::PricesHeading.text(lang) }</h3>
                    <p class="help" data-testid="prices-date">{ Msg::PricesAsOf { date: PRICES_AS_OF }.text(lang) }</p>
                    <dl class="cost-prices">
                        { for prices.iter().map(|(t, id, v)| html! {
                            <div key={*id}>
                                <dt>{ t.text(lang) }</dt>
                                <dd data-testid={*id}>{ v.clone() }</dd>
                            </div>
                        }) }
                    </dl>
                </section>

                <section class="cost-card cost-wide" aria-labelledby="cost-compare-h" data-testid="cost-compare">
                    <h3 id="cost-compare-h">{ Text::CompareHeading.text(lang) }</h3>
                    <p class="cost-answer" data-testid="cheaper" data-mode={cheaper.as_str()} aria-live="polite">
                        <strong>{ cheaper_text.clone() }</strong>
                        { chart.break_even.map(|(_, r)| html! { <> { " " }{ Msg::BreakEvenAt { rate: r }.text(lang) }</> }) }
                    </p>
                    <svg class="cost-chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={compare_label}>
                        { y_axis(&chart.y_ticks, |v| tick_number(v, lang)) }
                        { x_axis(&chart.x_ticks, |v| tick_number(v, lang)) }
                        <polyline class="cost-line-prov" points={chart.provisioned.clone()} />
                        <polyline class="cost-line-od" points={chart.on_demand.clone()} />
                        { chart.break_even.map(|(x, _)| html! {
                            <line class="cost-breakeven" x1={f1(x)} x2={f1(x)} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                        }) }
                        <line class="cost-now" x1={f1(chart.now_x)} x2={f1(chart.now_x)} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                        <text class="cost-axis" x={(W - RIGHT).to_string()} y={(H - 2.0).to_string()} text-anchor="end">{ Text::RateAxis.text(lang) }</text>
                        <text class="cost-axis" x={(LEFT + 4.0).to_string()} y="17">{ Text::CostAxis.text(lang) }</text>
                    </svg>
                    <ul class="cost-legend">
                        <li key="p"><span class="sw sw-prov" aria-hidden="true"></span>{ Text::Provisioned.text(lang) }{ " — " }{ usd(c.provisioned_micro_usd, lang) }</li>
                        <li key="o"><span class="sw sw-od" aria-hidden="true"></span>{ Text::OnDemand.text(lang) }{ " — " }{ usd(c.on_demand_micro_usd, lang) }</li>
                        <li key="n"><span class="sw sw-now" aria-hidden="true"></span>{ Text::YourLoad.text(lang) }{ format!(" — {} ", grouped(s.records_per_sec, lang)) }{ Text::RateAxis.text(lang) }</li>
                        { chart.break_even.map(|(_, r)| html! {
                            <li key="b"><span class="sw sw-be" aria-hidden="true"></span>{ Text::BreakEven.text(lang) }{ format!(" — {} ", grouped(r, lang)) }{ Text::RateAxis.text(lang) }</li>
                        }) }
                    </ul>
                    <p class="help">{ Text::CompareHelp.text(lang) }</p>
                </section>

                <section class="cost-card cost-wide" aria-labelledby="cost-mode-h" data-testid="cost-mode">
                    <h3 id="cost-mode-h">{ Text::ModeHeading.text(lang) }</h3>
                    <p data-testid="mode-now">{ Msg::ModeNow { mode: mode_name, status: s.status, shards: s.open_shards, left: 2usize.saturating_sub(s.switches_last_day) }.text(lang) }</p>
                    <button type="button" class="cost-switch" data-testid="switch-mode" onclick={on_switch}>
                        { if target == StreamMode::OnDemand { Text::ToOnDemand.text(lang) } else { Text::ToProvisioned.text(lang) } }
                    </button>
                    if s.mode == StreamMode::OnDemand {
                        <p data-testid="distribution-now">
                            { Text::DistributionLabel.text(lang) }{ " " }<code>{ s.distribution.as_str() }</code>
                        </p>
                        <button type="button" class="cost-switch" data-testid="switch-distribution" onclick={on_distribution}>
                            { if distribution_target == RecordDistribution::Auto { Text::ToAuto.text(lang) } else { Text::ToUserKey.text(lang) } }
                        </button>
                    }
                    { answer }
                    <p class="help">{ Text::ModeHelp.text(lang) }</p>
                    if s.mode == StreamMode::OnDemand {
                        <p class="help" data-testid="distribution-help">{ Text::DistributionHelp.text(lang) }</p>
                    }
                    if s.history.is_empty() {
                        <p class="help">{ Text::NoHistory.text(lang) }</p>
                    } else {
                        <svg class="cost-chart" data-testid="scaling-chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={scaling_text.clone()}>
                            { for scaling.on_demand_spans.iter().enumerate().map(|(i, (a, b))| html! {
                                <rect key={i} class="cost-od-span" x={f1(*a)} y={TOP.to_string()} width={f1((b - a).max(1.0))} height={(H - BOTTOM - TOP).to_string()} />
                            }) }
                            { y_axis(&scaling.y_ticks, |v| tick_number(v, lang)) }
                            { x_axis(&scaling.x_ticks, |v| duration((v * 1000.0) as u64, DurationStyle::Axis, lang)) }
                            <polyline class="cost-line-demand" points={scaling.demand.clone()} />
                            <polyline class="cost-line-capacity" points={scaling.capacity.clone()} />
                            <text class="cost-axis" x={(W - RIGHT).to_string()} y={(H - 2.0).to_string()} text-anchor="end">{ Text::TimeAxis.text(lang) }</text>
                            <text class="cost-axis" x={(LEFT + 4.0).to_string()} y="17">{ Text::MibAxis.text(lang) }</text>
                        </svg>
                        <ul class="cost-legend">
                            <li key="c"><span class="sw sw-cap" aria-hidden="true"></span>{ Text::Capacity.text(lang) }</li>
                            <li key="d"><span class="sw sw-dem" aria-hidden="true"></span>{ Text::Demand.text(lang) }</li>
                            <li key="o"><span class="sw sw-odspan" aria-hidden="true"></span>{ Text::OnDemandPeriod.text(lang) }</li>
                        </ul>
                        <p class="help" data-testid="scaling-summary">{ scaling_text }</p>
                    }
                </section>

                <section class="cost-card cost-wide" aria-labelledby="cost-quotas-h" data-testid="cost-quotas">
                    <h3 id="cost-quotas-h">{ Text::QuotasHeading.text(lang) }</h3>
                    <ul>
                        { for quotas.iter().map(|q| html! { <li key={format!("{q:?}")}>{ q.text(lang) }</li> }) }
                    </ul>
                    <p class="help">{ Text::QuotaSource.text(lang) }</p>
                </section>
            </div>
        </section>
    }
}
