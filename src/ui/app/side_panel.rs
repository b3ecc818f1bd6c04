//! The side panel: the stream's controls and the model assumptions.

use super::store::{Action, Store};
use crate::i18n::app::Text;
use crate::i18n::{Message, Phrase};
use crate::ui::route::{MAX_RATE, MAX_SHARDS};
use crate::ui::sim::KeyMode;
use crate::world::presets::Preset;
use yew::prelude::*;

/// Props of [`SidePanel`].
#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

/// Scenario, shards, rate, keys, limits, stream name; then the model assumptions.
#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let (shards, rate, preset_hot) = {
        let sim = store.sim.borrow();
        let w = sim.world();
        // Without an override, the keys select shows what the first producer really uses.
        let hot = w
            .producers()
            .first()
            .is_some_and(|p| !matches!(p.spec.keys, crate::world::payload::KeyDistribution::Uniform { .. }));
        (w.scenario().settings.shards, sim.target_rate(), hot)
    };
    let shards = store.url.sim.shards.unwrap_or(shards);
    let rate = store.url.sim.rate.map_or(rate, u64::from);
    let d = store.dispatcher();
    let on_scenario = Callback::from(move |e: Event| {
        // The options are the presets' slugs, so this always finds one.
        if let Some(p) = Preset::from_slug(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()) {
            d.dispatch(Action::SetScenario(p));
        }
    });
    let d = store.dispatcher();
    let on_shards = Callback::from(move |e: Event| d.dispatch(Action::SetShards(input_value(&e))));
    let d = store.dispatcher();
    let on_rate = Callback::from(move |e: Event| d.dispatch(Action::SetRate(input_value(&e))));
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
    let on_name = Callback::from(move |e: Event| d.dispatch(Action::SetStreamName(input_value(&e))));
    let keys = store.url.sim.keys.or(Some(if preset_hot { KeyMode::Hot } else { KeyMode::Uniform }));
    let scenario = store.url.sim.scenario;
    let description = scenario.text(lang);
    html! {
        <aside class="side-panel" data-testid="side-panel">
            <h2>{ Text::StreamControls.text(lang) }</h2>
            <label class="field">
                <span>{ Text::Scenario.text(lang) }</span>
                <select data-testid="scenario" onchange={on_scenario}>
                    { for Preset::ALL.map(|p| html! {
                        <option key={p.slug()} value={p.slug()} selected={scenario == p}>{ p.slug() }</option>
                    }) }
                </select>
                <small class="help">{ description }</small>
            </label>
            <label class="field" title={Text::ShardsHelp.text(lang)}>
                <span>{ Text::Shards.text(lang) }</span>
                <input data-testid="shards" type="number" min="1" max={MAX_SHARDS.to_string()} inputmode="numeric"
                       value={shards.to_string()} onchange={on_shards} />
            </label>
            <label class="field">
                <span>{ Text::Rate.text(lang) }</span>
                <input data-testid="rate" type="number" min="0" max={MAX_RATE.to_string()} step="10" inputmode="numeric"
                       value={rate.to_string()} onchange={on_rate} />
            </label>
            <label class="field">
                <span>{ Text::Keys.text(lang) }</span>
                <select data-testid="keys" onchange={on_keys}>
                    <option value="uniform" selected={keys != Some(KeyMode::Hot)}>{ Text::KeysUniform.text(lang) }</option>
                    <option value="hot" selected={keys == Some(KeyMode::Hot)}>{ Text::KeysHot.text(lang) }</option>
                </select>
            </label>
            <label class="field check" title={Text::LimitsHelp.text(lang)}>
                <input data-testid="limits" type="checkbox" checked={store.url.sim.limits} onchange={on_limits} />
                <span>{ Text::Limits.text(lang) }</span>
            </label>
            <label class="field" title={Text::StreamNameHelp.text(lang)}>
                <span>{ Text::StreamName.text(lang) }</span>
                <input data-testid="stream-name" type="text" maxlength="256" spellcheck="false" autocomplete="off"
                       value={store.stream_name.clone()} onchange={on_name}
                       aria-invalid={store.stream_error.is_some().to_string()} />
                if let Some(err) = &store.stream_error {
                    <small class="error" role="alert" data-testid="stream-name-error">{ err.text(lang) }</small>
                } else {
                    <small class="help">{ Text::StreamNameHelp.text(lang) }</small>
                }
            </label>
            <details class="assumptions" data-testid="assumptions">
                <summary>{ Text::ModelAssumptions.text(lang) }</summary>
                <ul>
                    { for [Text::AssumeTime, Text::AssumeBuckets, Text::AssumeConsumers, Text::AssumePayloads, Text::AssumeReshard, Text::AssumePipelines]
                        .iter().map(|t| html! { <li key={format!("{t:?}")}>{ t.text(lang) }</li> }) }
                </ul>
            </details>
        </aside>
    }
}
