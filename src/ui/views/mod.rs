//! The views: each a folder with a pure `model.rs` (geometry, tested natively) and a thin
//! component (wasm32 only). The overview, flow and resharding views also have a
//! `snapshot.rs`: what they show, built from the simulation by the app and passed down as props.

pub mod code;
pub mod console;
pub mod cost;
pub mod dots;
pub mod durability;
pub mod firehose;
pub mod flow;
pub mod glossary;
pub mod hashing;
pub mod kcl;
pub mod live_input;
pub mod metrics;
pub mod overview;
pub mod pipelines;
pub mod resharding;
pub mod retention;
pub mod toggletip;

/// True on a phone-sized window: views then draw their narrow layout.
#[cfg(target_arch = "wasm32")]
pub fn is_narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_some_and(|px| px < overview::model::NARROW_BELOW_PX)
}

/// What a record of the student's is called: put in the console, or by their own client (the
/// live window).
pub fn yours_text(live: bool, lang: crate::i18n::Lang) -> &'static str {
    use crate::i18n::Phrase;
    if live {
        crate::i18n::live::Text::Yours.text(lang)
    } else {
        crate::i18n::console_view::Text::Yours.text(lang)
    }
}

/// The note a view shows in place of the scenario's producers and consumers when it draws
/// another stream than the scenario's (`scenario`: that stream's name, `None` when it draws the
/// scenario's own and the note is not needed).
#[cfg(target_arch = "wasm32")]
pub fn other_stream_note(lang: crate::i18n::Lang, shown: &str, scenario: Option<&String>) -> yew::Html {
    use crate::i18n::Message;
    let Some(scenario) = scenario else { return yew::Html::default() };
    let text = crate::i18n::app::Msg::OtherStream { shown: shown.to_string(), scenario: scenario.clone() }.text(lang);
    yew::html! { <p class="note other-stream" data-testid="other-stream-note">{ text }</p> }
}

/// The short note a view's consumers part shows instead of them when the view draws another
/// stream than the scenario's (nothing when `scenario` is `None`).
#[cfg(target_arch = "wasm32")]
pub fn consumers_elsewhere_note(lang: crate::i18n::Lang, scenario: Option<&String>) -> yew::Html {
    use crate::i18n::Message;
    let Some(scenario) = scenario else { return yew::Html::default() };
    let text = crate::i18n::app::Msg::ConsumersElsewhere { scenario: scenario.clone() }.text(lang);
    yew::html! { <p class="help muted" data-testid="consumers-elsewhere">{ text }</p> }
}
