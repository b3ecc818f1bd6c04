//! The timeline's controls beside the clock (`ui::timeline`): "−10 s", the scrubber over the
//! last simulated minutes (an `<input type=range>`: ← and → move a second, Home and End to
//! the ends), and, while a `t=` link plays forward, its progress line instead.

use super::store::{Action, Store};
use crate::i18n::timeline::{Msg, Text};
use crate::i18n::{Message, Phrase};
use crate::ui::format::{duration, DurationStyle};
use crate::ui::sim::STEP_MS;
use crate::ui::timeline::SPAN_MS;
use yew::prelude::*;

/// "−10 s" and the scrubber, or the progress of a seek.
///
/// A function, not a component: it reads the store, which changes every frame the clock runs,
/// so a component boundary would re-render it every frame all the same.
pub fn rewind_controls(store: &UseReducerHandle<Store>) -> Html {
    let lang = store.lang;
    let (now, (lo, hi)) = {
        let sim = store.sim.borrow();
        (sim.elapsed_ms(), sim.rewind_span())
    };
    if let Some(seek) = store.seek {
        let to = duration(seek.target_ms, DurationStyle::Whole, lang);
        return html! {
            <p class="seek-progress" role="status" data-testid="seek-progress">
                { Msg::Seeking { to, percent: seek.percent(now) }.text(lang) }
            </p>
        };
    }
    let d = store.dispatcher();
    let on_back = Callback::from(move |_| d.dispatch(Action::Rewind));
    let d = store.dispatcher();
    let on_scrub = Callback::from(move |e: InputEvent| {
        let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
        if let Ok(ms) = v.parse::<u64>() {
            // The browser snaps to whole seconds from `min`: the last one stands for the end.
            d.dispatch(Action::GoTo(if ms + STEP_MS > hi { hi } else { ms }));
        }
    });
    // The whole reach, from the oldest checkpoint to the furthest instant (not from `now`: after
    // a rewind the scrubber still reaches forward). Shorter than usual for a reason other than
    // youth: a seek to an instant off the 30 s grid started the checkpoints late.
    let back = hi.saturating_sub(lo);
    let short = back < SPAN_MS && hi >= SPAN_MS;
    let span = Msg::Span { span: duration(back, DurationStyle::Whole, lang), short }.text(lang);
    html! {
        <div class="rewind" role="group" aria-label={Text::Scrubber.text(lang)} data-testid="rewind-controls" data-ms={now.to_string()}>
            <button type="button" data-testid="rewind"
                    title={Text::Back10Help.text(lang)} disabled={now <= lo} onclick={on_back}>
                { Text::Back10.text(lang) }<span class="sr-only">{ format!(" ({})", Text::Back10Help.text(lang)) }</span>
            </button>
            <label class="scrub" title={Text::ScrubberHelp.text(lang)}>
                <span class="scrub-label">{ Text::Scrubber.text(lang) }</span>
                <input type="range" data-testid="scrubber" min={lo.to_string()} max={hi.to_string()} step={STEP_MS.to_string()}
                       value={now.to_string()} disabled={hi <= lo}
                       aria-valuetext={duration(now, DurationStyle::ClockTenths, lang)} oninput={on_scrub} />
                // Nothing to say at time 0 ("last 0 s" would only puzzle).
                if back > 0 {
                    <span class={classes!("scrub-span", short.then_some("short"))} data-testid="rewind-span">{ span }</span>
                }
            </label>
        </div>
    }
}
