//! The kcl view's Yew component.

use crate::i18n::kcl::Text;
use crate::i18n::{Lang, Phrase};
use yew::prelude::*;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct KclProps {
    /// UI language.
    pub lang: Lang,
}

/// The view.
#[component]
pub fn KclView(props: &KclProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="kcl-view" data-testid="kcl-view">
            <h2>{ Text::Title.text(lang) }</h2>
        </section>
    }
}
