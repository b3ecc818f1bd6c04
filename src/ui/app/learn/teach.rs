//! The teacher page (`#/teach`): every chapter and step with its link (`#/learn/3/2`) and a
//! ready `<iframe>` snippet (`embed=1`) in Spanish and in English, each copyable; then the
//! views themselves (`#/hashing?embed=1` …).

use crate::i18n::learn::{Msg, Text};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::learn::model::{Place, CHAPTERS};
use crate::ui::panels::{iframe_snippet, panel_links};
use crate::ui::route::{UrlState, View};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Height of the snippets' iframes, CSS pixels.
const IFRAME_HEIGHT: u32 = 720;

/// The page's address without its hash and query (`https://…/sub/`).
fn base_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}

fn hash_of(view: View, place: Option<Place>, lang: Lang, embed: bool) -> String {
    let mut url = UrlState { view, learn: place, embed, ..UrlState::default() };
    if view == View::Pipelines {
        url.sim.scenario = crate::ui::route::PIPELINES_SCENARIO;
    }
    url.to_hash(lang)
}

fn snippet(base: &str, hash: &str, title: &str) -> String {
    iframe_snippet(base, hash, title, IFRAME_HEIGHT)
}

/// Copies `text` with the asynchronous clipboard API (nothing happens where it is missing).
fn copy(text: &str) {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return };
    let Ok(clipboard) = js_sys::Reflect::get(&nav, &"clipboard".into()) else { return };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else { return };
    if let Ok(f) = write.dyn_into::<js_sys::Function>() {
        let _ = f.call1(&clipboard, &text.into());
    }
}

/// Props of [`Snippet`].
#[derive(Properties, PartialEq)]
struct SnippetProps {
    lang: Lang,
    /// The snippet's language (its label).
    of: Lang,
    text: String,
    id: String,
}

/// A readonly snippet with a Copy button.
#[component]
fn Snippet(props: &SnippetProps) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let (text, copied) = (props.text.clone(), copied.clone());
        Callback::from(move |_| {
            copy(&text);
            copied.set(true);
        })
    };
    let label = format!("iframe · {}", props.of.native_name());
    html! {
        <div class="snippet">
            <label for={props.id.clone()}>{ label }</label>
            <textarea id={props.id.clone()} readonly=true rows="3" data-testid="snippet" value={props.text.clone()} />
            <button type="button" data-testid="copy" {onclick}>
                { if *copied { Text::Copied.text(props.lang) } else { Text::Copy.text(props.lang) } }
            </button>
        </div>
    }
}

/// Props of [`TeachPage`].
#[derive(Properties, PartialEq)]
pub struct TeachProps {
    /// The page's language.
    pub lang: Lang,
}

/// The teacher page.
#[component]
pub fn TeachPage(props: &TeachProps) -> Html {
    let lang = props.lang;
    let base = base_url();
    let chapters = CHAPTERS.iter().enumerate().map(|(i, ch)| {
        let c = i as u8 + 1;
        let steps = ch.steps.iter().enumerate().map(|(j, s)| {
            let place = Place { chapter: c, step: j as u8 + 1 };
            let links = Lang::ALL.map(|l| {
                let hash = hash_of(View::Learn, Some(place), l, false);
                html! { <a key={l.code()} href={hash.clone()} data-testid="teach-link" hreflang={l.code()}>{ format!("#/learn/{}?lang={}", place.path(), l.code()) }</a> }
            });
            let snippets = Lang::ALL.map(|l| {
                let title = format!("Kinesis Playground · {c}.{} {}", j + 1, s.text.title(l));
                let text = snippet(&base, &hash_of(View::Learn, Some(place), l, true), &title);
                html! { <Snippet key={l.code()} {lang} of={l} {text} id={format!("snip-{c}-{}-{}", j + 1, l.code())} /> }
            });
            html! {
                <li key={place.path()} class="teach-step" data-testid="teach-step">
                    <h3>{ format!("{c}.{} {}", j + 1, s.text.title(lang)) }</h3>
                    <p class="teach-links">{ Text::Link.text(lang) }{ ": " }{ for links }</p>
                    <div class="snippets">{ for snippets }</div>
                </li>
            }
        });
        html! {
            <li key={c} class="teach-chapter">
                <details open={c == 1}>
                    <summary>{ Msg::ChapterHeading { chapter: c, title: ch.title.text(lang) }.text(lang) }</summary>
                    <ol class="teach-steps">{ for steps }</ol>
                </details>
            </li>
        }
    });
    let views = View::ALL.into_iter().filter(|v| !matches!(v, View::Learn | View::Teach)).map(|v| {
        let hash = hash_of(v, None, lang, true);
        let title = format!("Kinesis Playground · {}", v.title().text(lang));
        let text = snippet(&base, &hash, &title);
        html! {
            <li key={v.slug()} class="teach-step" data-testid="teach-view">
                <h4>{ v.title().text(lang) }</h4>
                <p class="teach-links"><a href={hash.clone()}>{ hash.clone() }</a></p>
                <Snippet {lang} of={lang} {text} id={format!("snip-view-{}", v.slug())} />
            </li>
        }
    });
    let panels = panel_links().into_iter().map(|p| {
        let title = crate::i18n::Phrase::text(p.title, lang);
        let links = Lang::ALL.map(|l| {
            let hash = p.hash(l, true);
            html! { <a key={l.code()} href={hash.clone()} hreflang={l.code()} data-testid="teach-panel-link">{ hash }</a> }
        });
        let snippets = Lang::ALL.map(|l| {
            let text = p.iframe(&base, l);
            html! { <Snippet key={l.code()} {lang} of={l} {text} id={format!("snip-panel-{}-{}-{}", p.view.slug(), p.slug, l.code())} /> }
        });
        html! {
            <li key={format!("{}-{}", p.view.slug(), p.slug)} class="teach-step" data-testid="teach-panel">
                <h4>{ format!("{} · {}", p.view.title().text(lang), title) }</h4>
                <p class="teach-links">{ for links }</p>
                <div class="snippets">{ for snippets }</div>
            </li>
        }
    });
    html! {
        <section class="teach" data-testid="teach" aria-labelledby="teach-title">
            <h2 id="teach-title">{ Text::TeachTitle.text(lang) }</h2>
            <p class="help">{ Text::TeachIntro.text(lang) }</p>
            <ol class="teach-chapters">{ for chapters }</ol>
            <h3>{ Text::TeachViews.text(lang) }</h3>
            <ul class="teach-views">{ for views }</ul>
            <h3>{ Text::TeachPanels.text(lang) }</h3>
            <p class="help">{ Text::TeachPanelsHelp.text(lang) }</p>
            <ul class="teach-views" data-testid="teach-panels">{ for panels }</ul>
        </section>
    }
}
