//! The side panel: the stream's controls, the stream the views draw (when the console created
//! more than the scenario's), and the model assumptions.

use super::store::{Action, Store};
use crate::i18n::app::Text;
use crate::i18n::console_view::Text as ConsoleText;
use crate::i18n::input::{Msg as InputMsg, Text as InputText};
use crate::i18n::{Message, Phrase};
use crate::ui::format::grouped;
use crate::ui::route::{MAX_RATE, MAX_SHARDS};
use crate::ui::sim::KeyMode;
use crate::ui::views::live_input::model::{live_note, set_rate};
use crate::ui::views::live_input::LiveInput;
use crate::ui::views::toggletip::Toggletip;
use crate::world::presets::Preset;
use yew::prelude::*;

/// What the side panel's live fields show: each setting, and the live state beside it when the
/// scenario moved it (see [`LiveInput`]).
struct Fields {
    /// Shards the stream is set to (the link's or the preset's).
    shards: u32,
    /// Open shards now (UpdateShardCount, splits and merges change them).
    open: usize,
    /// The first producer's set rate, records/s; `None` when it follows a ramp or spikes.
    rate: Option<u64>,
    /// The first producer's rate now, records/s.
    rate_now: u64,
    /// The preset's first producer uses a few hot keys.
    preset_hot: bool,
    /// The streams the views can draw (the scenario's first), and the one they draw.
    streams: (Vec<String>, String),
}

impl Fields {
    fn of(store: &Store) -> Fields {
        let sim = store.sim.borrow();
        let w = sim.world();
        let first = w.producers().first();
        Fields {
            shards: store.url.sim.shards.unwrap_or(w.scenario().settings.shards),
            open: w.engine().stream(w.stream_name()).map_or(0, |s| s.open_shard_count()),
            rate: store
                .url
                .sim
                .rate
                .map(u64::from)
                .or_else(|| w.scenario().producers.first().and_then(|p| set_rate(&p.rate))),
            rate_now: first.filter(|p| !p.stopped).map_or(0, |p| p.spec.rate.at(w.now().since(p.started))),
            // Without an override, the keys select shows what the first producer really uses.
            preset_hot: first
                .is_some_and(|p| !matches!(p.spec.keys, crate::world::payload::KeyDistribution::Uniform { .. })),
            streams: (sim.stream_names(), sim.shown_stream().to_string()),
        }
    }
}

/// Scenario, shards, rate, keys, limits, stream name; then the model assumptions.
///
/// A function, not a component: it reads the store, which changes every frame the clock runs,
/// so a component boundary would re-render it every frame all the same.
pub fn side_panel(store: &UseReducerHandle<Store>) -> Html {
    let lang = store.lang;
    let f = Fields::of(store);
    let shards_live = live_note(Some(u64::from(f.shards)), f.open as u64)
        .map(|open| AttrValue::from(InputMsg::ShardsNow { open: open as usize }.text(lang)));
    let rate_live = live_note(f.rate, f.rate_now)
        .map(|n| AttrValue::from(InputMsg::RateNow { per_sec: grouped(n, lang) }.text(lang)));
    let preset_hot = f.preset_hot;
    let d = store.dispatcher();
    let on_scenario = Callback::from(move |e: Event| {
        // The options are the presets' slugs, so this always finds one.
        if let Some(p) = Preset::from_slug(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()) {
            d.dispatch(Action::SetScenario(p));
        }
    });
    let d = store.dispatcher();
    let on_shards = Callback::from(move |text: String| d.dispatch(Action::SetShards(text)));
    let d = store.dispatcher();
    let on_rate = Callback::from(move |text: String| d.dispatch(Action::SetRate(text)));
    let d = store.dispatcher();
    let on_keys = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        d.dispatch(Action::SetKeys(if v == "hot" { KeyMode::Hot } else { KeyMode::Uniform }));
    });
    let d = store.dispatcher();
    let on_limits = Callback::from(move |e: Event| {
        d.dispatch(Action::SetLimits(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()));
    });
    let d = store.dispatcher();
    let on_name = Callback::from(move |text: String| d.dispatch(Action::SetStreamName(text)));
    let d = store.dispatcher();
    let on_shown = Callback::from(move |e: Event| {
        d.dispatch(Action::ShowStream(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
    });
    let (streams, shown) = f.streams;
    // Only once the console created another stream: the scenario's first, then the others.
    let picker = (streams.len() > 1).then(|| {
        let options = streams.iter().enumerate().map(|(i, name)| {
            let tag = if i == 0 { Text::ScenarioStreamTag.text(lang) } else { ConsoleText::ConsoleStream.text(lang) };
            html! {
                <option key={name.clone()} value={name.clone()} selected={*name == shown}>{ format!("{name} ({tag})") }</option>
            }
        });
        html! {
            <label class="field shown-stream">
                <span>{ Text::ShownStream.text(lang) }</span>
                <select data-testid="shown-stream" onchange={on_shown}>{ for options }</select>
                <small class="help">{ Text::ShownStreamHelp.text(lang) }</small>
            </label>
        }
    });
    let keys = store.url.sim.keys.or(Some(if preset_hot { KeyMode::Hot } else { KeyMode::Uniform }));
    let scenario = store.url.sim.scenario;
    let description = scenario.text(lang);
    html! {
        <aside class="side-panel" data-testid="side-panel">
            <h2>{ Text::StreamControls.text(lang) }</h2>
            { for picker }
            <label class="field">
                <span>{ Text::Scenario.text(lang) }</span>
                <select data-testid="scenario" onchange={on_scenario}>
                    { for Preset::ALL.map(|p| html! {
                        <option key={p.slug()} value={p.slug()} selected={scenario == p}>{ p.slug() }</option>
                    }) }
                </select>
                <small class="help">{ description }</small>
            </label>
            <div class="field-tip">
                <label class="field" title={Text::ShardsHelp.text(lang)}>
                    <span>{ Text::Shards.text(lang) }</span>
                    <LiveInput testid="shards" min="1" max={MAX_SHARDS.to_string()} inputmode="numeric" {lang}
                               value={f.shards.to_string()} live={shards_live} on_commit={on_shards} />
                </label>
                <Toggletip {lang} topic={Text::Shards.text(lang)} testid="tip-shards">{ Text::ShardsHelp.text(lang) }</Toggletip>
            </div>
            <label class="field">
                <span>{ Text::Rate.text(lang) }</span>
                <LiveInput testid="rate" min="0" max={MAX_RATE.to_string()} step="10" inputmode="numeric" {lang}
                           value={f.rate.map(|r| r.to_string()).unwrap_or_default()}
                           placeholder={f.rate.is_none().then_some(InputText::RateVaries.text(lang))}
                           live={rate_live} on_commit={on_rate} />
            </label>
            <label class="field">
                <span>{ Text::Keys.text(lang) }</span>
                <select data-testid="keys" onchange={on_keys}>
                    <option value="uniform" selected={keys != Some(KeyMode::Hot)}>{ Text::KeysUniform.text(lang) }</option>
                    <option value="hot" selected={keys == Some(KeyMode::Hot)}>{ Text::KeysHot.text(lang) }</option>
                </select>
            </label>
            <div class="field-tip">
                <label class="field check" title={Text::LimitsHelp.text(lang)}>
                    <input data-testid="limits" type="checkbox" checked={store.url.sim.limits} onchange={on_limits} />
                    <span>{ Text::Limits.text(lang) }</span>
                </label>
                <Toggletip {lang} topic={Text::Limits.text(lang)} testid="tip-limits">{ Text::LimitsHelp.text(lang) }</Toggletip>
            </div>
            <label class="field" title={Text::StreamNameHelp.text(lang)}>
                <span>{ Text::StreamName.text(lang) }</span>
                <LiveInput testid="stream-name" kind="text" maxlength="256" plain=true {lang}
                           value={store.stream_name.clone()} on_commit={on_name}
                           invalid={store.stream_error.is_some()} />
                if let Some(err) = &store.stream_error {
                    <small class="error" role="alert" data-testid="stream-name-error">{ err.text(lang) }</small>
                } else {
                    <small class="help">{ Text::StreamNameHelp.text(lang) }</small>
                }
            </label>
            <details class="assumptions" data-testid="assumptions">
                <summary>{ Text::ModelAssumptions.text(lang) }</summary>
                <ul>
                    { for [Text::AssumeTime, Text::AssumeSpeed, Text::AssumeBuckets, Text::AssumeConsumers, Text::AssumePayloads, Text::AssumeReshard, Text::AssumePipelines, Text::AssumeConsole]
                        .iter().map(|t| html! { <li key={format!("{t:?}")}>{ t.text(lang) }</li> }) }
                    <li key="rewind">{ crate::i18n::timeline::Text::AssumeRewind.text(lang) }</li>
                    <li key="metrics">{ crate::i18n::metrics::Text::Assume.text(lang) }</li>
                    <li key="cost">{ crate::i18n::cost::Text::Assume.text(lang) }</li>
                    <li key="durability">{ crate::i18n::durability::Text::Assume.text(lang) }</li>
                    <li key="kcl">{ crate::i18n::kcl::Text::Assume.text(lang) }</li>
                    <li key="firehose">{ crate::i18n::firehose::Text::Assume.text(lang) }</li>
                </ul>
            </details>
        </aside>
    }
}
