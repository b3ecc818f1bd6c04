//! The hashing view component.

use crate::i18n::hashing::HashingText;
use crate::ui::app::store::Store;
use yew::prelude::*;

/// Props of [`Hashing`].
#[derive(Properties, PartialEq)]
pub struct HashingProps {
    /// The store (snapshot source, language, dispatch).
    pub store: UseReducerHandle<Store>,
}

/// The hashing view.
#[component]
pub fn Hashing(props: &HashingProps) -> Html {
    let lang = props.store.lang;
    html! { <section class="hashing" data-testid="hashing"><h2>{ HashingText::Title.text(lang) }</h2></section> }
}
