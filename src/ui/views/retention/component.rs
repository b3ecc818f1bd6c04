//! The retention view component.

use crate::i18n::retention::RetentionText;
use crate::ui::app::store::Store;
use yew::prelude::*;

/// Props of [`Retention`].
#[derive(Properties, PartialEq)]
pub struct RetentionProps {
    /// The store (snapshot source, language, dispatch).
    pub store: UseReducerHandle<Store>,
}

/// The retention view.
#[component]
pub fn Retention(props: &RetentionProps) -> Html {
    let lang = props.store.lang;
    html! { <section class="retention" data-testid="retention"><h2>{ RetentionText::Title.text(lang) }</h2></section> }
}
