//! The resharding view component.

use crate::i18n::resharding::ReshardingText;
use crate::ui::app::store::Store;
use yew::prelude::*;

/// Props of [`Resharding`].
#[derive(Properties, PartialEq)]
pub struct ReshardingProps {
    /// The store (snapshot source, language, dispatch).
    pub store: UseReducerHandle<Store>,
}

/// The resharding view.
#[component]
pub fn Resharding(props: &ReshardingProps) -> Html {
    let lang = props.store.lang;
    html! { <section class="resharding" data-testid="resharding"><h2>{ ReshardingText::Title.text(lang) }</h2></section> }
}
