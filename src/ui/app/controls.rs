//! The clock controls (play, pause, step, speed, simulated time, reset, seed) and the language
//! switch.

use super::rewind::rewind_controls;
use super::store::{Action, Store};
use crate::i18n::app::{Msg, Text};
use crate::i18n::narrate::Text as NarrText;
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::{duration, DurationStyle};
use crate::ui::pacer::{Pacer, SPEEDS_MILLI};
use crate::ui::views::live_input::LiveInput;
use crate::ui::views::toggletip::Toggletip;
use yew::prelude::*;

/// SVG path data of the control icons (drawn inline: no icon font, nothing fetched).
const PLAY: &str = "M3 2l10 6-10 6z";
const PAUSE: &str = "M3 2h4v12H3zM9 2h4v12H9z";
const STEP: &str = "M2 2l8 6-8 6zM11 2h3v12h-3z";
const RESET: &str = "M8 2a6 6 0 1 1-6 6h2a4 4 0 1 0 4-4v3L3.5 3.5 8 0z";

fn icon(path: &'static str) -> Html {
    html! { <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d={path} /></svg> }
}

/// Play/pause, step, speed, clock, reset and seed.
///
/// A function, not a component: it reads the store, which changes every frame the clock runs,
/// so a component boundary would re-render it every frame all the same. `compact` is embed
/// mode: no seed field, no reset.
pub fn clock_controls(store: &UseReducerHandle<Store>, compact: bool) -> Html {
    let lang = store.lang;
    let playing = !store.pacer.paused;
    let d = store.dispatcher();
    let on_play = Callback::from(move |_| d.dispatch(Action::TogglePlay));
    let d = store.dispatcher();
    let on_step = Callback::from(move |_| d.dispatch(Action::Step));
    let d = store.dispatcher();
    let on_reset = Callback::from(move |_| d.dispatch(Action::Reset));
    let d = store.dispatcher();
    let on_speed = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        if let Some(s) = Pacer::parse_speed(&v) {
            d.dispatch(Action::SetSpeed(s));
        }
    });
    let d = store.dispatcher();
    let on_seed = Callback::from(move |text: String| d.dispatch(Action::SetSeed(text)));
    let elapsed = store.sim.borrow().elapsed_ms();
    let speed = Pacer::speed_text(store.pacer.speed_milli);
    let (play_icon, play_text) = if playing { (PAUSE, Text::Pause) } else { (PLAY, Text::Play) };
    html! {
        <div class="clock" role="group" aria-label={Text::SimTime.text(lang)}>
            <button type="button" class="primary" data-testid="play" aria-pressed={playing.to_string()}
                    title={play_text.text(lang)} onclick={on_play}>
                { icon(play_icon) }{ " " }{ play_text.text(lang) }
            </button>
            <button type="button" data-testid="step" title={Text::StepHelp.text(lang)} onclick={on_step}>
                { icon(STEP) }{ " " }{ Text::Step.text(lang) }
            </button>
            <label class="speed" title={Text::SpeedHelp.text(lang)}>
                <span>{ Text::Speed.text(lang) }</span>
                <select data-testid="speed" onchange={on_speed}>
                    { for SPEEDS_MILLI.iter().map(|s| {
                        let v = Pacer::speed_text(*s);
                        html! { <option key={v.clone()} value={v.clone()} selected={v == speed}>{ Msg::SpeedOption { factor: v.clone() }.text(lang) }</option> }
                    }) }
                </select>
            </label>
            <output class="sim-time" data-testid="clock" title={Text::SimTime.text(lang)}>{ duration(elapsed, DurationStyle::ClockTenths, lang) }</output>
            { rewind_controls(store) }
            <Toggletip {lang} topic={NarrText::ClockHelpTopic.text(lang)} testid="tip-clock">
                <ul class="tip-list">
                    <li><strong>{ Text::Step.text(lang) }</strong>{ ": " }{ Text::StepHelp.text(lang) }</li>
                    <li><strong>{ Text::Speed.text(lang) }</strong>{ ": " }{ Text::SpeedHelp.text(lang) }</li>
                    if !compact {
                        <li><strong>{ Text::Reset.text(lang) }</strong>{ ": " }{ Text::ResetHelp.text(lang) }</li>
                        <li><strong>{ Text::Seed.text(lang) }</strong>{ ": " }{ Text::SeedHelp.text(lang) }</li>
                    }
                </ul>
            </Toggletip>
            if !compact {
                <button type="button" data-testid="reset" title={Text::ResetHelp.text(lang)} onclick={on_reset}>
                    { icon(RESET) }{ " " }{ Text::Reset.text(lang) }
                </button>
                <label class="seed" title={Text::SeedHelp.text(lang)}>
                    <span>{ Text::Seed.text(lang) }</span>
                    <LiveInput testid="seed" min="0" max="4294967295" inputmode="numeric" {lang}
                               value={store.url.sim.seed.to_string()} on_commit={on_seed} />
                </label>
            }
        </div>
    }
}

/// Props of [`LangSwitch`].
#[derive(Properties, PartialEq)]
pub struct LangProps {
    /// Current language.
    pub lang: Lang,
    /// Where to send the choice.
    pub dispatch: UseReducerDispatcher<Store>,
}

/// Español / English.
#[component]
pub fn LangSwitch(props: &LangProps) -> Html {
    html! {
        <div class="lang" role="group" aria-label={Text::Language.text(props.lang)}>
            { for Lang::ALL.iter().map(|l| {
                let l = *l;
                let d = props.dispatch.clone();
                html! {
                    <button type="button" key={l.code()} data-testid={format!("lang-{}", l.code())} lang={l.code()}
                            aria-pressed={(props.lang == l).to_string()} onclick={Callback::from(move |_| d.dispatch(Action::SetLang(l)))}>
                        { l.native_name() }
                    </button>
                }
            }) }
        </div>
    }
}
