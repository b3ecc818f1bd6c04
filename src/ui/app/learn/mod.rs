//! The learn path's pages (wasm32): the start page (`#/learn`), a step (`#/learn/3/2`) and the
//! teacher page (`#/teach`). The registry, the progress and the predictions are pure
//! (`ui::learn`); these components only draw them and turn buttons into store actions.
//!
//! ```text
//!  LearnPage ─┬─ StartPage   (no step): what a stream is, the live overview, "Empieza aquí",
//!             │               "Continuar", the contents with ticks
//!             └─ StepPage    (a step): text, try this, PredictCard, prev/next, the step's view
//!  TeachPage  every step's link and <iframe> snippet, ES and EN, and the views' links
//! ```
//!
//! Effects owned here: reading and writing the progress in `localStorage`
//! ([`STORAGE_KEY`]); the step page builds its world and starts the clock when it opens.

mod links;
mod predict_card;
mod start;
mod step;
mod teach;

use super::store::Store;
use crate::i18n::learn::Text;
use crate::i18n::Phrase;
use crate::ui::learn::progress::{Progress, STORAGE_KEY};
use links::ProgressEvent;
use start::StartPage;
use step::StepPage;
pub use teach::TeachPage;
use yew::prelude::*;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stored progress, and whether a corrupt value was dropped.
fn load_progress() -> (Progress, bool) {
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok()).flatten();
    Progress::load(stored.as_deref())
}

fn save_progress(p: &Progress) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, &p.serialize());
    }
}

/// Props of the learn pages.
#[derive(Properties, PartialEq)]
pub struct LearnProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
}

/// The learn path: the start page or a step, with the progress kept in `localStorage`.
#[component]
pub fn LearnPage(props: &LearnProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let loaded = use_memo((), |_| load_progress());
    let progress = use_state(|| loaded.0.clone());
    let reset_notice = use_state(|| loaded.1);
    {
        // A corrupt value is overwritten at once, so the notice shows once.
        let corrupt = loaded.1;
        let p = (*progress).clone();
        use_effect_with((), move |_| {
            if corrupt {
                save_progress(&p);
            }
        });
    }
    let on_progress = {
        let progress = progress.clone();
        Callback::from(move |e: ProgressEvent| {
            let next = match e {
                ProgressEvent::Visit(p) => progress.visit(p),
                ProgressEvent::Right(p) => progress.answered_right(p),
            };
            if next != *progress {
                save_progress(&next);
                progress.set(next);
            }
        })
    };
    let notice = reset_notice.then(|| {
        let r = reset_notice.clone();
        html! {
            <p class="notice" role="status" data-testid="learn-reset">
                <span>{ Text::ProgressReset.text(lang) }</span>
                <button type="button" class="ghost" onclick={Callback::from(move |_| r.set(false))}
                        aria-label={crate::i18n::app::Text::Dismiss.text(lang)}>{ "×" }</button>
            </p>
        }
    });
    html! {
        <div class="learn" data-testid="learn">
            { for notice }
            if let Some(place) = store.url.learn {
                <StepPage store={store.clone()} {place} progress={(*progress).clone()} {on_progress} />
            } else {
                <StartPage store={store.clone()} progress={(*progress).clone()} />
            }
        </div>
    }
}
