//! The flow view component.

use crate::i18n::flow::FlowText;
use crate::ui::app::store::Store;
use yew::prelude::*;

/// Props of [`Flow`].
#[derive(Properties, PartialEq)]
pub struct FlowProps {
    /// The store (snapshot source, language, dispatch).
    pub store: UseReducerHandle<Store>,
}

/// The flow view.
#[component]
pub fn Flow(props: &FlowProps) -> Html {
    let lang = props.store.lang;
    html! { <section class="flow" data-testid="flow"><h2>{ FlowText::Title.text(lang) }</h2></section> }
}
