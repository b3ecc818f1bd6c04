//! The metrics view's Yew component.

use crate::i18n::metrics::Text;
use crate::i18n::{Lang, Phrase};
use yew::prelude::*;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct MetricsProps {
    /// UI language.
    pub lang: Lang,
}

/// The view.
#[component]
pub fn MetricsView(props: &MetricsProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="metrics-view" data-testid="metrics-view">
            <h2>{ Text::Title.text(lang) }</h2>
        </section>
    }
}
