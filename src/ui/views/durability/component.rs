//! The durability view's Yew component.

use crate::i18n::durability::Text;
use crate::i18n::{Lang, Phrase};
use yew::prelude::*;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct DurabilityProps {
    /// UI language.
    pub lang: Lang,
}

/// The view.
#[component]
pub fn DurabilityView(props: &DurabilityProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="durability-view" data-testid="durability-view">
            <h2>{ Text::Title.text(lang) }</h2>
        </section>
    }
}
