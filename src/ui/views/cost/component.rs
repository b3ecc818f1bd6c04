//! The cost view's Yew component.

use crate::i18n::cost::Text;
use crate::i18n::{Lang, Phrase};
use yew::prelude::*;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct CostProps {
    /// UI language.
    pub lang: Lang,
}

/// The view.
#[component]
pub fn CostView(props: &CostProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="cost-view" data-testid="cost-view">
            <h2>{ Text::Title.text(lang) }</h2>
        </section>
    }
}
