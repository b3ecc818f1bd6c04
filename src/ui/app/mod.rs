//! The Yew app (wasm32 only): the shell around the views.
//!
//! ```text
//!  App ─┬─ TopBar (tabs, clock controls, seed, language)      hidden in embed mode
//!       ├─ EmbedStrip (play, step, clock, link to the full app) only in embed mode
//!       ├─ NarrationBar (status line, callout, event log; sticky)  narration.rs
//!       ├─ notices (bad URL values, refused fields), localized
//!       ├─ side_panel() (scenario, shards, rate, keys, limits, stream name, model assumptions)
//!       └─ the selected view, through its host (hosts.rs), which builds its
//!          snapshot props
//! ```
//!
//! Effects owned here: the animation-frame loop (while playing), the URL hash (rewritten with
//! `history.replaceState` on every change, read back on `hashchange`), the saved language, the
//! keyboard shortcuts, in live mode the EventSource on the endpoint's log and, inside an
//! iframe, the height posted to the parent page.

mod controls;
mod cost_host;
mod durability_host;
mod firehose_host;
mod hooks;
mod hosts;
mod kcl_host;
mod learn;
mod links;
mod live;
mod metrics_host;
mod narration;
mod rewind;
mod side_panel;
pub mod store;

use crate::i18n::app::Text;
use crate::i18n::narrate::Text as NarrText;
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::route::{UrlState, View};
use crate::ui::views::toggletip::Toggletip;
use controls::{clock_controls, LangSwitch};
use gloo::events::EventListener;
use hooks::{use_animation_frame, use_shortcuts};
use hosts::{ConsoleHost, FlowHost, HashingHost, OverviewHost, PipelinesHost, ReshardingHost, RetentionHost};
use narration::NarrationBar;
use side_panel::side_panel;
use store::{Action, Notice, Store};
use yew::prelude::*;

/// `localStorage` key of the saved language.
const LANG_KEY: &str = "kinesis-playground.lang";
/// The message type posted to a parent page.
pub const HEIGHT_MESSAGE: &str = "kinesis-playground:height";

fn location() -> (String, String) {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return (String::new(), String::new());
    };
    (loc.hash().unwrap_or_default(), loc.search().unwrap_or_default())
}

fn saved_lang() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_code(&storage.get_item(LANG_KEY).ok()??)
}

fn browser_lang() -> Lang {
    let tag = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    Lang::from_navigator(&tag)
}

/// The initial store: the URL, else the saved language, else the browser's.
fn initial_store() -> Store {
    let (hash, search) = location();
    let (url, notes) = UrlState::parse(&hash, &search);
    let lang = url.lang.or_else(saved_lang).unwrap_or_else(browser_lang);
    Store::new(url, lang, notes)
}

fn write_hash(hash: &str) {
    let Some(w) = web_sys::window() else { return };
    let (current, _) = location();
    if current == hash {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

fn in_iframe() -> bool {
    let Some(w) = web_sys::window() else { return false };
    match (w.parent(), w.top()) {
        (Ok(Some(p)), _) => !js_sys::Object::is(&p, &w),
        _ => false,
    }
}

fn post_height(height: i32) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    let _ = parent.post_message(&msg, "*");
}

/// The page itself without `?embed=1`, at `hash`.
fn full_app_href(hash: &str) -> String {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    format!("{path}{hash}")
}

/// The app.
#[component]
pub fn App() -> Html {
    let store = use_reducer(initial_store);
    let lang = store.lang;
    let playing = !store.pacer.paused;

    {
        let dispatch = store.dispatcher();
        // A `t=` seek runs a piece per frame while the clock is paused.
        let active = playing || store.seek.is_some();
        use_animation_frame(active, Callback::from(move |us| dispatch.dispatch(Action::Frame(us))));
    }

    // Live mode: the endpoint's command log, open while the page is live (reopened when the
    // feed asks, after a rebuild or a reconnect).
    {
        let (key, url) = match &store.live {
            Some(l) => {
                let l = l.borrow();
                (Some((l.path.clone(), l.opens)), l.url())
            }
            None => (None, String::new()),
        };
        live::use_live_log(key, url, store.dispatcher());
    }

    // URL hash and <html lang>, after every change of view, settings or language.
    {
        let hash = store.url.to_hash(lang);
        use_effect_with((hash, lang), |(hash, lang)| {
            write_hash(hash);
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.code());
                }
                doc.set_title(&format!("{} · {}", Text::AppTitle.text(*lang), Text::Tagline.text(*lang)));
            }
        });
    }
    {
        use_effect_with(lang, |lang| {
            if let Some(Ok(Some(s))) = web_sys::window().map(|w| w.local_storage()) {
                let _ = s.set_item(LANG_KEY, lang.code());
            }
        });
    }

    // A link opened in this tab (or the hash edited by hand).
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    let (hash, search) = location();
                    let (url, notes) = UrlState::parse(&hash, &search);
                    dispatch.dispatch(Action::FromUrl(url, notes));
                })
            });
            move || drop(listener)
        });
    }

    // Keyboard shortcuts while the page has focus: space plays or pauses, → steps.
    {
        let d = store.dispatcher();
        let on_toggle = Callback::from(move |()| d.dispatch(Action::TogglePlay));
        let d = store.dispatcher();
        let on_step = Callback::from(move |()| d.dispatch(Action::Step));
        use_shortcuts(on_toggle, on_step);
    }

    // Inside an iframe: tell the parent page how tall we are, whenever that changes.
    let root = use_node_ref();
    let last_height = use_mut_ref(|| 0i32);
    {
        let root = root.clone();
        use_effect(move || {
            if in_iframe() {
                if let Some(el) = root.cast::<web_sys::Element>() {
                    let h = el.scroll_height();
                    if h != *last_height.borrow() {
                        *last_height.borrow_mut() = h;
                        post_height(h);
                    }
                }
            }
        });
    }

    let embed = store.url.embed;
    links::use_embed_warnings(&store);
    let is_live = store.live.is_some();
    // The live window's digest is the engine's own, the one the endpoint's ticks carry.
    let digest = if is_live { store.sim.borrow().engine_digest() } else { store.sim.borrow().digest() };
    // In an embedded frame the link's notices go to the console (links.rs), not to the student.
    let shown = store.notices.iter().enumerate().filter(|(_, n)| !(embed && links::is_link(n)));
    let notices: Vec<Html> = shown.map(|(i, n)| {
        let text = match n {
            Notice::Text(t) => t.text(lang).to_string(),
            Notice::Msg(m) => m.text(lang),
        };
        let dispatch = store.dispatcher();
        let dismiss = Callback::from(move |_| dispatch.dispatch(Action::Dismiss(i)));
        html! {
            <p class="notice" role="status" data-testid="notice" key={format!("{i}-{text}")}>
                <span>{ text }</span>
                <button type="button" class="ghost" onclick={dismiss} aria-label={Text::Dismiss.text(lang)}>{ "×" }</button>
            </p>
        }
    }).collect();
    let view = match store.url.view {
        View::Overview => html! { <OverviewHost store={store.clone()} /> },
        View::Hashing => html! { <HashingHost store={store.clone()} /> },
        View::Flow => html! { <FlowHost store={store.clone()} /> },
        View::Retention => html! { <RetentionHost store={store.clone()} /> },
        View::Resharding => html! { <ReshardingHost store={store.clone()} /> },
        View::Pipelines => html! { <PipelinesHost store={store.clone()} /> },
        View::Kcl => html! { <kcl_host::KclHost store={store.clone()} /> },
        View::Firehose => html! { <firehose_host::FirehoseHost store={store.clone()} /> },
        View::Metrics => html! { <metrics_host::MetricsHost store={store.clone()} /> },
        View::Cost => html! { <cost_host::CostHost store={store.clone()} /> },
        View::Durability => html! { <durability_host::DurabilityHost store={store.clone()} /> },
        View::Console => html! { <ConsoleHost store={store.clone()} /> },
        View::Glossary => html! { <crate::ui::views::glossary::Glossary {lang} /> },
        View::Learn => html! { <learn::LearnPage store={store.clone()} /> },
        View::Teach => html! { <learn::TeachPage {lang} /> },
    };
    let tabs = View::ALL.iter().map(|v| {
        let v = *v;
        let dispatch = store.dispatcher();
        let selected = store.url.view == v;
        html! {
            <a key={v.slug()} role="tab" aria-selected={selected.to_string()} class={classes!("tab", selected.then_some("selected"))}
               href={format!("#/{}", v.slug())}
               onclick={Callback::from(move |e: MouseEvent| { e.prevent_default(); dispatch.dispatch(Action::SetView(v)); })}>
                { v.title().text(lang) }
            </a>
        }
    });
    // On a phone the tabs are one row that scrolls sideways: keep the selected one in sight.
    let tabs_ref = use_node_ref();
    {
        let tabs_ref = tabs_ref.clone();
        use_effect_with(store.url.view, move |_| {
            if let Some(nav) = tabs_ref.cast::<web_sys::HtmlElement>() {
                let selected = nav.query_selector(".tab.selected").ok().flatten();
                if let Some(tab) = selected.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
                {
                    let (left, width, seen) = (tab.offset_left(), tab.offset_width(), nav.client_width());
                    if left < nav.scroll_left() || left + width > nav.scroll_left() + seen {
                        nav.set_scroll_left((left - 16).max(0));
                    }
                }
            }
        });
    }
    let clock = clock_controls(&store, embed);

    html! {
        <div class={classes!("app", embed.then_some("embed"))} data-testid="app" ref={root}>
            if embed {
                <div class="embed-strip" data-testid="embed-strip">
                    <h1 class="sr-only">{ Text::AppTitle.text(lang) }</h1>
                    { clock }
                    <a class="open-full" href={full_app_href(&UrlState { embed: false, ..store.url.clone() }.to_hash(lang))} target="_blank" rel="noopener">
                        { Text::OpenFull.text(lang) }
                    </a>
                </div>
            } else {
                <header class="topbar" data-testid="topbar">
                    <div class="brand">
                        <h1>{ Text::AppTitle.text(lang) }</h1>
                        <span class="tagline">{ Text::Tagline.text(lang) }</span>
                    </div>
                    <nav class="tabs" role="tablist" aria-label={Text::Views.text(lang)} ref={tabs_ref}>{ for tabs }</nav>
                    { clock }
                    <LangSwitch {lang} dispatch={store.dispatcher()} />
                </header>
            }
            if is_live {
                { live::live_banner(&store) }
            }
            <NarrationBar store={store.clone()} compact={embed} />
            if !notices.is_empty() {
                <div class="notices">{ for notices }</div>
            }
            if store.capped && playing {
                <p class="hint" data-testid="capped">{ Text::CpuCapped.text(lang) }</p>
            }
            <div class="body">
                if !embed && !is_live && !matches!(store.url.view, View::Learn | View::Teach) {
                    { side_panel(&store) }
                }
                <main class="view" data-only={links::only_card(&store.url).map(|c| c.slug())}>
                    { links::only_card_style(&store.url) }
                    { links::panel_bar(&store) }
                    { view }
                </main>
            </div>
            if !embed {
                <footer class="footer">
                    <span title={Text::DigestHelp.text(lang)}>
                        { Text::Digest.text(lang) }{ ": " }<code data-testid="digest">{ digest }</code>
                    </span>
                    <Toggletip {lang} topic={NarrText::DigestTopic.text(lang)} testid="tip-digest">
                        { Text::DigestHelp.text(lang) }
                    </Toggletip>
                    <span>{ Text::Shortcuts.text(lang) }</span>
                    <span>{ Text::Disclaimer.text(lang) }</span>
                </footer>
            }
        </div>
    }
}
