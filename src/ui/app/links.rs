//! View links in the app shell: one card of the view alone (`panel=`), and, inside an embedded
//! frame (`embed=1`), the link's notices written to the browser console for the teacher instead
//! of shown to the student.

use super::store::{Action, Notice, Store};
use crate::i18n::links::Text as LinkText;
use crate::i18n::{Message, Phrase};
use crate::ui::panels::{is_link_notice, only_card_css};
use crate::ui::route::{Card, UrlState};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A notice about the link itself (not one about the simulation or a typed field).
pub fn is_link(n: &Notice) -> bool {
    matches!(n, Notice::Msg(m) if is_link_notice(m))
}

/// `console.warn(text)`, through the global `console` (no web-sys feature needed).
fn console_warn(text: &str) {
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).ok();
    let warn = console.as_ref().and_then(|c| js_sys::Reflect::get(c, &"warn".into()).ok());
    if let (Some(console), Some(warn)) = (console, warn.and_then(|w| w.dyn_into::<js_sys::Function>().ok())) {
        let _ = warn.call1(&console, &text.into());
    }
}

/// In embed mode, writes each link notice to the console once, in the page's language.
#[hook]
pub fn use_embed_warnings(store: &UseReducerHandle<Store>) {
    let lang = store.lang;
    let texts: Vec<String> = if store.url.embed {
        store
            .notices
            .iter()
            .filter_map(|n| match n {
                Notice::Msg(m) if is_link_notice(m) => Some(m.text(lang)),
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    use_effect_with(texts, |texts| {
        for t in texts {
            console_warn(&format!("Kinesis Playground: {t}"));
        }
    });
}

/// The card shown alone, if the link names one of this view's.
pub fn only_card(url: &UrlState) -> Option<Card> {
    url.card.filter(|c| c.view() == url.view)
}

/// The style that hides the rest of the view, when one card is shown alone.
pub fn only_card_style(url: &UrlState) -> Html {
    match only_card(url) {
        Some(card) => html! { <style>{ only_card_css(card.slug()) }</style> },
        None => Html::default(),
    }
}

/// Above a card shown alone on the full page: which card, and a way back to the whole view.
/// Not in embed mode, where the frame is the card.
///
/// A function, not a component: it reads the store, which changes every frame the clock runs,
/// so a component boundary would re-render it every frame all the same.
pub fn panel_bar(store: &UseReducerHandle<Store>) -> Html {
    let lang = store.lang;
    let Some(card) = only_card(&store.url).filter(|_| !store.url.embed) else {
        return Html::default();
    };
    let dispatch = store.dispatcher();
    let whole = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetCard(None)));
    html! {
        <p class="panel-bar" data-testid="panel-bar">
            <span>{ LinkText::OnlyThisPanel.text(lang) }{ " " }<strong>{ card.title().text(lang) }</strong></span>
            <button type="button" class="ghost" data-testid="whole-view" onclick={whole}>{ LinkText::WholeView.text(lang) }</button>
        </p>
    }
}
