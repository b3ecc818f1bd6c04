//! The narration bar (issue #16, part B): under the clock controls, sticky at the top of the page
//! while the student scrolls. It holds the status line (the last notable thing the simulation
//! did), a play/pause button that phones show there (the top bar scrolls away), the callout on
//! rare events, and the collapsible event log with its filters. The data and its pacing are
//! pure (`ui::narrate`); this is the Yew side (wasm32): wall time is read here and passed in.
//!
//! Screen readers hear only rare events (a visually hidden `aria-live="polite"` line, at most
//! one per [`ANNOUNCE_GAP_MS`]); the visible line is not live, so a running clock never floods
//! them. A callout never takes the focus.

use super::store::{Action, Store};
use crate::i18n::app::Text as AppText;
use crate::i18n::narrate::Text;
use crate::i18n::{Message, Phrase};
use crate::ui::format::{duration, DurationStyle};
use crate::ui::narrate::{Callout, Entry, Kind, Pace, ANNOUNCE_GAP_MS, STATUS_GAP_MS};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`NarrationBar`].
#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
    /// Embed mode: the status line only.
    pub compact: bool,
}

/// What the bar remembers between renders (wall-time pacing), for one world.
struct BarState {
    /// The world it paces (a new world, after a reset or a new seed, starts afresh).
    sim: usize,
    status: Pace,
    announce: Pace,
    callout: Callout,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The status line, the callout, the log.
#[component]
pub fn NarrationBar(props: &NarrationProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let playing = !store.pacer.paused;
    let sim_id = Rc::as_ptr(&store.sim) as usize;
    let sim = store.sim.borrow();
    let narrator = sim.narrator();
    let state = use_mut_ref(|| BarState {
        sim: sim_id,
        status: Pace::default(),
        announce: Pace::default(),
        callout: Callout::after(narrator.latest_callout().map_or(0, |e| e.n)),
    });
    let open = use_state(|| false);
    let hidden = use_state(BTreeSet::<Kind>::new);
    let force = use_force_update();
    let now = now_ms();
    let (status, announced, callout, remaining) = {
        let mut st = state.borrow_mut();
        if st.sim != sim_id {
            *st = BarState {
                sim: sim_id,
                status: Pace::default(),
                announce: Pace::default(),
                callout: Callout::after(narrator.latest_callout().map_or(0, |e| e.n)),
            };
        }
        let gap = if playing { STATUS_GAP_MS } else { 0.0 };
        let status = st.status.pick(narrator.latest(), narrator.latest_rare(), now, gap).cloned();
        let announced = st.announce.pick(narrator.latest_rare(), None, now, ANNOUNCE_GAP_MS).cloned();
        let callout = st.callout.pick(narrator.latest_callout(), now).cloned();
        (status, announced, callout, st.callout.remaining_ms(now))
    };
    // Close the callout on time even when nothing else renders (a paused clock).
    {
        let force = force.clone();
        let shown = callout.as_ref().map(|e| e.n);
        use_effect_with(shown, move |shown| {
            let handle = shown.and_then(|_| {
                let cb = Closure::once_into_js(move || force.force_update());
                web_sys::window().and_then(|w| {
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), remaining as i32 + 50)
                        .ok()
                })
            });
            move || {
                if let (Some(h), Some(w)) = (handle, web_sys::window()) {
                    w.clear_timeout_with_handle(h);
                }
            }
        });
    }
    let at = |e: &Entry| duration(e.at_ms, DurationStyle::ClockTenths, lang);
    let status_line = match &status {
        Some(e) => html! {
            <>
                <time class="status-time">{ at(e) }</time>
                <span class="status-text" data-testid="status-text">{ e.what.text(lang) }</span>
            </>
        },
        None => html! { <span class="status-text" data-testid="status-text">{ Text::StatusIdle.text(lang) }</span> },
    };
    let d = store.dispatcher();
    let on_play = Callback::from(move |_| d.dispatch(Action::TogglePlay));
    let play_text = if playing { AppText::Pause } else { AppText::Play };
    let callout_html = callout.map(|e| {
        let state = state.clone();
        let force = force.clone();
        let dismiss = Callback::from(move |_| {
            state.borrow_mut().callout.dismiss();
            force.force_update();
        });
        let why = e.what.why().map(|w| w.text(lang)).unwrap_or_default();
        html! {
            <div class={classes!("callout", format!("kind-{}", e.kind.slug()))} role="note" data-testid="callout">
                <p class="callout-what"><strong>{ e.what.text(lang) }</strong></p>
                <p class="callout-why">{ why }</p>
                <button type="button" class="ghost" data-testid="callout-close" aria-label={Text::CloseCallout.text(lang)}
                        onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    let log_html = (!props.compact && *open).then(|| {
        let filters = Kind::ALL.iter().map(|k| {
            let k = *k;
            let hidden = hidden.clone();
            let checked = !hidden.contains(&k);
            let onchange = Callback::from(move |_: Event| {
                let mut h = (*hidden).clone();
                if !h.remove(&k) {
                    h.insert(k);
                }
                hidden.set(h);
            });
            html! {
                <label key={k.slug()} class={classes!("log-filter", format!("kind-{}", k.slug()))}>
                    <input type="checkbox" data-testid={format!("log-filter-{}", k.slug())} {checked} {onchange} />
                    { k.label().text(lang) }
                </label>
            }
        });
        let rows: Vec<Html> = narrator
            .log()
            .iter()
            .rev()
            .filter(|e| !hidden.contains(&e.kind))
            .map(|e| {
                html! {
                    <li key={e.n} class={classes!(format!("kind-{}", e.kind.slug()), e.rare.then_some("rare"))}>
                        <time>{ at(e) }</time>{ " " }<span>{ e.what.text(lang) }</span>
                    </li>
                }
            })
            .collect();
        html! {
            <div id="event-log" class="event-log" data-testid="event-log">
                <fieldset class="log-filters">
                    <legend class="sr-only">{ Text::LogFilters.text(lang) }</legend>
                    { for filters }
                </fieldset>
                if rows.is_empty() {
                    <p class="muted">{ Text::LogEmpty.text(lang) }</p>
                } else {
                    <ol class="log-list" data-testid="log-list">{ for rows }</ol>
                }
            </div>
        }
    });
    let toggle_log = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <section class={classes!("narration", props.compact.then_some("compact"))} data-testid="narration"
                 aria-label={Text::StatusLabel.text(lang)}>
            <div class="narration-row">
                <button type="button" class="primary play-sticky" data-testid="play-sticky" aria-pressed={playing.to_string()}
                        onclick={on_play}>
                    <span aria-hidden="true">{ if playing { "❚❚ " } else { "▶ " } }</span>{ play_text.text(lang) }
                </button>
                <p class="status-line" data-testid="status-line">
                    <span class="sr-only">{ Text::StatusLabel.text(lang) }{ ": " }</span>
                    { status_line }
                </p>
                if !props.compact {
                    <button type="button" class="log-toggle" data-testid="log-toggle" aria-expanded={open.to_string()}
                            aria-controls="event-log" onclick={toggle_log}>
                        { Text::LogTitle.text(lang) }{ format!(" ({})", narrator.log().len()) }
                    </button>
                }
            </div>
            <p class="sr-only" aria-live="polite" data-testid="announce">
                { announced.map(|e| e.what.text(lang)).unwrap_or_default() }
            </p>
            { for callout_html }
            { for log_html }
        </section>
    }
}
