//! The metrics view's Yew component: pickers, a grid of small charts (the app's own SVG from
//! `model.rs`), the alarm, and the shard-level (enhanced monitoring) section.

use super::model::{format_tick, format_value, time_label, AlarmState, Period, Range, Stat};
use super::snapshot::{pickable, Chart, Choices, MetricsSnapshot};
use crate::i18n::metrics::{Msg, Text};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::shard_short;
use crate::ui::views::f1;
use crate::world::metrics::MetricName;
use serde_json::json;
use std::rc::Rc;
use yew::prelude::*;

/// Changes the choices from a form event.
type Edit = Rc<dyn Fn(&mut Choices, &Event)>;
/// Applies a number field's value to the choices.
type Apply = Rc<dyn Fn(&mut Choices, u64)>;

/// Points listed in a chart's table of exact values (the newest ones).
const TABLE_ROWS: usize = 20;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct MetricsProps {
    /// UI language.
    pub lang: Lang,
    /// This frame's snapshot.
    pub snapshot: Rc<MetricsSnapshot>,
    /// The view's choices.
    pub choices: Choices,
    /// Changes the choices.
    pub on_choices: Callback<Choices>,
    /// A Kinesis API call (EnableEnhancedMonitoring / DisableEnhancedMonitoring).
    pub on_api: Callback<(String, serde_json::Value)>,
    /// The last enhanced-monitoring call's error, if it failed (`Type: message`).
    pub api_error: Option<String>,
}

fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value())
}

/// The view.
#[component]
pub fn MetricsView(props: &MetricsProps) -> Html {
    let lang = props.lang;
    let snap = &props.snapshot;
    let c = &props.choices;
    let set = |f: Edit| {
        let c = c.clone();
        let on = props.on_choices.clone();
        Callback::from(move |e: Event| {
            let mut next = c.clone();
            f(&mut next, &e);
            on.emit(next);
        })
    };
    let on_period = set(Rc::new(|c, e| {
        if let Some(p) = select_value(e).and_then(|v| Period::ALL.into_iter().find(|p| p.label() == v)) {
            c.period = p;
        }
    }));
    let on_stat = set(Rc::new(|c, e| {
        c.stat = select_value(e).and_then(|v| Stat::ALL.into_iter().find(|s| s.as_str() == v));
    }));
    let on_range = set(Rc::new(|c, e| {
        if let Some(r) = select_value(e).and_then(|v| Range::ALL.into_iter().find(|r| r.label() == v)) {
            c.range = r;
        }
    }));
    let now = snap.now;
    let on_follow = set(Rc::new(move |c, _| {
        c.fixed_end = if c.fixed_end.is_some() { None } else { Some(now) };
    }));
    let on_alarm_metric = set(Rc::new(|c, e| {
        if let Some(m) = select_value(e).and_then(|v| MetricName::parse(&v)) {
            c.alarm_metric = m;
        }
    }));
    let bad = use_state(|| None::<&'static str>);
    let number_field = |label: Text, id: &'static str, value: u64, apply: Apply| {
        let c = c.clone();
        let on = props.on_choices.clone();
        let invalid = *bad == Some(id);
        let bad = bad.clone();
        let onchange = Callback::from(move |e: Event| {
            let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let t = i.value();
            match t.trim().parse::<u64>() {
                Ok(v) if v > 0 || id == "metrics-threshold" => {
                    bad.set(None);
                    let mut next = c.clone();
                    apply(&mut next, v);
                    on.emit(next);
                }
                _ => bad.set(Some(id)),
            }
        });
        html! {
            <label class="metrics-field" for={id}>
                <span>{ label.text(lang) }</span>
                <input id={id} type="number" min="0" inputmode="numeric" value={value.to_string()} {onchange}
                       aria-invalid={invalid.to_string()} />
                if invalid { <span class="metrics-error" role="alert">{ Text::BadNumber.text(lang) }</span> }
            </label>
        }
    };
    let threshold = number_field(
        Text::Threshold,
        "metrics-threshold",
        c.alarm.threshold.max(0.0) as u64,
        Rc::new(|c, v| c.alarm.threshold = v as f64),
    );
    let periods = number_field(
        Text::EvalPeriods,
        "metrics-periods",
        c.alarm.periods as u64,
        Rc::new(|c, v| {
            c.alarm.periods = v.clamp(1, 100) as usize;
            c.alarm.datapoints = c.alarm.datapoints.min(c.alarm.periods);
        }),
    );
    let datapoints = number_field(
        Text::Datapoints,
        "metrics-datapoints",
        c.alarm.datapoints as u64,
        Rc::new(|c, v| c.alarm.datapoints = (v as usize).clamp(1, c.alarm.periods)),
    );
    let metric_boxes = pickable()
        .map(|m| {
            let checked = c.metrics.contains(&m);
            let c = c.clone();
            let on = props.on_choices.clone();
            let onchange = Callback::from(move |_: Event| {
                let mut next = c.clone();
                if checked {
                    next.metrics.retain(|x| *x != m);
                } else {
                    next.metrics = pickable().filter(|x| *x == m || next.metrics.contains(x)).collect();
                }
                on.emit(next);
            });
            html! {
                <label key={m.as_str()} class="metrics-check">
                    <input type="checkbox" {checked} {onchange} data-metric={m.as_str()} />
                    <span>{ m.as_str() }</span>
                </label>
            }
        })
        .collect::<Html>();
    let enable = {
        let on = props.on_api.clone();
        Callback::from(move |_| on.emit(("EnableEnhancedMonitoring".into(), json!({"ShardLevelMetrics": ["ALL"]}))))
    };
    let disable = {
        let on = props.on_api.clone();
        Callback::from(move |_| on.emit(("DisableEnhancedMonitoring".into(), json!({"ShardLevelMetrics": ["ALL"]}))))
    };
    let alarm = snap.alarm;
    let state = alarm.state;
    let state_class = match state {
        AlarmState::Alarm => "metrics-state alarm",
        AlarmState::Ok => "metrics-state ok",
        AlarmState::InsufficientData => "metrics-state insufficient",
    };
    let rule = Msg::Rule {
        stat: snap.alarm_stat.as_str(),
        metric: c.alarm_metric.as_str(),
        threshold: format_value(c.alarm.threshold, c.alarm_metric.unit(), lang),
        datapoints: c.alarm.datapoints as u64,
        periods: c.alarm.periods as u64,
        period: c.period.label(),
    }
    .text(lang);
    let since = match alarm.changed_at {
        Some(t) => Msg::Since { at: time_label(t.saturating_sub(snap.started)) }.text(lang),
        None => Text::Never.text(lang).to_string(),
    };
    let charts = snap.charts.iter().map(|ch| chart(ch, snap, lang)).collect::<Html>();
    let shard_charts = snap.shard_charts.iter().map(|ch| chart(ch, snap, lang)).collect::<Html>();
    let enhanced = snap
        .enhanced
        .iter()
        .map(|(m, since)| {
            let at = time_label(since.saturating_sub(snap.started));
            html! { <li key={m.as_str()}><code>{ m.as_str() }</code>{ " — " }{ Msg::PublishedSince { at }.text(lang) }</li> }
        })
        .collect::<Html>();
    let follow = c.fixed_end.is_none();
    html! {
        <section class="metrics-view" data-testid="metrics-view">
            <h2>{ Text::Title.text(lang) }</h2>
            <p class="metrics-intro">{ Text::Intro.text(lang) }</p>
            <div class="metrics-controls">
                <label class="metrics-field" for="metrics-period">
                    <span>{ Text::Period.text(lang) }</span>
                    <select id="metrics-period" onchange={on_period}>
                        { for Period::ALL.iter().map(|p| html! {
                            <option key={p.label()} value={p.label()} selected={*p == c.period}>{ p.label() }</option>
                        }) }
                    </select>
                </label>
                <label class="metrics-field" for="metrics-stat">
                    <span>{ Text::Statistic.text(lang) }</span>
                    <select id="metrics-stat" onchange={on_stat}>
                        <option value="" selected={c.stat.is_none()}>{ Text::StatDefault.text(lang) }</option>
                        { for Stat::ALL.iter().map(|s| html! {
                            <option key={s.as_str()} value={s.as_str()} selected={Some(*s) == c.stat}>{ s.as_str() }</option>
                        }) }
                    </select>
                </label>
                <label class="metrics-field" for="metrics-range">
                    <span>{ Text::Range.text(lang) }</span>
                    <select id="metrics-range" onchange={on_range}>
                        { for Range::ALL.iter().map(|r| html! {
                            <option key={r.label()} value={r.label()} selected={*r == c.range}>{ r.label() }</option>
                        }) }
                    </select>
                </label>
                <label class="metrics-check metrics-follow">
                    <input type="checkbox" checked={follow} onchange={on_follow} data-testid="metrics-follow" />
                    <span>{ Text::Follow.text(lang) }</span>
                </label>
            </div>
            <details class="metrics-picker">
                <summary>{ Text::Metrics.text(lang) }</summary>
                <div class="metrics-checks">{ metric_boxes }</div>
                <p class="metrics-note">{ Text::NotModelled.text(lang) }</p>
            </details>
            <h3>{ Text::StreamLevel.text(lang) }</h3>
            <div class="metrics-grid">{ charts }</div>
            <p class="metrics-note">{ format!("x: {}", Text::Elapsed.text(lang)) }</p>
            <section class="metrics-alarm" aria-labelledby="metrics-alarm-h">
                <h3 id="metrics-alarm-h">{ Text::Alarm.text(lang) }</h3>
                <p class="metrics-note">{ Text::AlarmIntro.text(lang) }</p>
                <p class="metrics-alarm-line" data-testid="metrics-alarm" data-alarm-state={state.as_str()}>
                    <span>{ Text::State.text(lang) }{ ": " }</span>
                    <strong class={state_class}>{ state.as_str() }</strong>
                    <span>{ " · " }{ since }</span>
                </p>
                <p class="metrics-rule">{ rule }</p>
                <div class="metrics-controls">
                    <label class="metrics-field" for="metrics-alarm-metric">
                        <span>{ Text::AlarmMetric.text(lang) }</span>
                        <select id="metrics-alarm-metric" onchange={on_alarm_metric}>
                            { for pickable().map(|m| html! {
                                <option key={m.as_str()} value={m.as_str()} selected={m == c.alarm_metric}>{ m.as_str() }</option>
                            }) }
                        </select>
                    </label>
                    { threshold }
                    { periods }
                    { datapoints }
                </div>
            </section>
            <section class="metrics-shards" aria-labelledby="metrics-shards-h">
                <h3 id="metrics-shards-h">{ Text::ShardLevel.text(lang) }</h3>
                <p class="metrics-note">{ Text::ShardIntro.text(lang) }</p>
                <div class="metrics-buttons">
                    <button type="button" onclick={enable} data-testid="metrics-enable">{ Text::Enable.text(lang) }</button>
                    <button type="button" onclick={disable} data-testid="metrics-disable">{ Text::Disable.text(lang) }</button>
                </div>
                if let Some(e) = &props.api_error { <p class="metrics-error" role="alert">{ e }</p> }
                if snap.enhanced.is_empty() {
                    <p class="metrics-note">{ Text::NoneEnabled.text(lang) }</p>
                } else {
                    <ul class="metrics-enabled">{ enhanced }</ul>
                }
                <div class="metrics-grid" data-testid="metrics-shard-charts">{ shard_charts }</div>
            </section>
        </section>
    }
}

/// Dash patterns per line, so a shard is told apart without colour.
const DASHES: [&str; 6] = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

fn chart(ch: &Chart, snap: &MetricsSnapshot, lang: Lang) -> Html {
    let f = &ch.frame;
    let unit = ch.metric.unit();
    let period = snap.period;
    let latest = ch.latest();
    let latest_text = latest.map(|p| format_value(p.value, unit, lang)).unwrap_or_default();
    let points_n: usize = ch.lines.iter().map(|l| l.points.len()).sum();
    let label = Msg::ChartLabel {
        metric: ch.metric.as_str(),
        stat: ch.stat.as_str(),
        period: period.label(),
        points: points_n as u64,
        latest: latest_text.clone(),
    }
    .text(lang);
    let elapsed = |t: u64| time_label(t.saturating_sub(snap.started));
    let y_ticks = f
        .ticks
        .iter()
        .map(|v| {
            let y = f.y(*v);
            html! {
                <g key={format!("{v}")}>
                    <line class="metrics-gridline" x1={f1(super::model::LEFT)} x2={f1(super::model::WIDTH - super::model::RIGHT)}
                          y1={f1(y)} y2={f1(y)} />
                    <text class="metrics-tick" x={f1(super::model::LEFT - 4.0)} y={f1(y + 3.5)} text-anchor="end">
                        { format_tick(*v, unit, lang) }
                    </text>
                </g>
            }
        })
        .collect::<Html>();
    let x_ticks = f
        .time_ticks(snap.started)
        .into_iter()
        .map(|t| {
            let x = f.x(t as f64);
            html! {
                <text key={t} class="metrics-tick" x={f1(x)} y={f1(super::model::HEIGHT - 8.0)} text-anchor="middle">
                    { elapsed(t) }
                </text>
            }
        })
        .collect::<Html>();
    let lines = ch
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let who = l.shard.map_or_else(|| Text::StreamLine.text(lang).to_string(), shard_short);
            let dots = l
                .points
                .iter()
                .map(|p| {
                    let tip = format!("{who} · {} · {}", elapsed(p.start), format_value(p.value, unit, lang));
                    html! {
                        <circle key={p.start} class="metrics-dot" cx={f1(f.point_x(p, period))} cy={f1(f.y(p.value))} r="3">
                            <title>{ tip }</title>
                        </circle>
                    }
                })
                .collect::<Html>();
            html! {
                <g key={who.clone()} class={format!("metrics-line line-{}", i % DASHES.len())}>
                    <path d={f.path(&l.points, period)} stroke-dasharray={DASHES[i % DASHES.len()]} />
                    { dots }
                </g>
            }
        })
        .collect::<Html>();
    let alarm_line = ch.alarm.map(|(spec, eval)| {
        let y = f.y(spec.threshold);
        let cls = if eval.state == AlarmState::Alarm { "metrics-threshold alarm" } else { "metrics-threshold" };
        html! {
            <g class={cls}>
                <line x1={f1(super::model::LEFT)} x2={f1(super::model::WIDTH - super::model::RIGHT)}
                      y1={f1(y)} y2={f1(y)} stroke-dasharray="5 4" />
                <text x={f1(super::model::WIDTH - super::model::RIGHT - 2.0)} y={f1(y - 4.0)} text-anchor="end">
                    { format!("{} > {}", eval.state.as_str(), format_value(spec.threshold, unit, lang)) }
                </text>
            </g>
        }
    });
    let legend = (ch.lines.len() > 1 || ch.lines.first().is_some_and(|l| l.shard.is_some())).then(|| {
        ch.lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let who = l.shard.map_or_else(|| Text::StreamLine.text(lang).to_string(), shard_short);
                html! {
                    <li key={who.clone()}>
                        <svg class="metrics-swatch" viewBox="0 0 24 6" aria-hidden="true">
                            <line class={format!("line-{}", i % DASHES.len())} x1="0" x2="24" y1="3" y2="3" stroke-dasharray={DASHES[i % DASHES.len()]} />
                        </svg>
                        { who }
                    </li>
                }
            })
            .collect::<Html>()
    });
    let mut rows: Vec<(String, u64, f64)> = ch
        .lines
        .iter()
        .flat_map(|l| {
            let who = l.shard.map_or_else(|| Text::StreamLine.text(lang).to_string(), shard_short);
            l.points.iter().map(move |p| (who.clone(), p.start, p.value))
        })
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.truncate(TABLE_ROWS);
    let table = rows
        .into_iter()
        .map(|(who, t, v)| {
            html! {
                <tr key={format!("{who}-{t}")}>
                    <td>{ elapsed(t) }</td>
                    if ch.lines.len() > 1 || ch.lines.first().is_some_and(|l| l.shard.is_some()) { <td>{ who }</td> }
                    <td class="num">{ format_value(v, unit, lang) }</td>
                </tr>
            }
        })
        .collect::<Html>();
    let shard_col = ch.lines.len() > 1 || ch.lines.first().is_some_and(|l| l.shard.is_some());
    let key = format!("{}-{}", ch.metric.as_str(), ch.lines.first().map_or(0, |l| u8::from(l.shard.is_some())));
    html! {
        <figure key={key} class="metrics-chart" data-metric={ch.metric.as_str()} data-latest={latest.map(|p| p.value.to_string()).unwrap_or_default()}>
            <figcaption>
                <strong>{ ch.metric.as_str() }</strong>
                <span class="metrics-stat">{ format!(" · {} · {} · {unit}", ch.stat.as_str(), period.label()) }</span>
            </figcaption>
            <svg class="metrics-svg" viewBox={format!("0 0 {} {}", super::model::WIDTH, super::model::HEIGHT)} role="img" aria-label={label}>
                { y_ticks }
                { x_ticks }
                { alarm_line }
                { lines }
            </svg>
            if let Some(legend) = legend { <ul class="metrics-legend">{ legend }</ul> }
            <p class="metrics-latest">
                if let Some(p) = latest {
                    { Text::Latest.text(lang) }{ ": " }<strong>{ latest_text }</strong>{ format!(" · {}", elapsed(p.start)) }
                } else {
                    { Text::NoData.text(lang) }
                }
            </p>
            <details class="metrics-table">
                <summary>{ Text::Data.text(lang) }</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{ Text::Time.text(lang) }</th>
                        if shard_col { <th scope="col">{ "Shard" }</th> }
                        <th scope="col">{ Text::Value.text(lang) }</th>
                    </tr></thead>
                    <tbody>{ table }</tbody>
                </table>
            </details>
        </figure>
    }
}
