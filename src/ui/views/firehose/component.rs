//! The firehose view's Yew component.

use crate::i18n::firehose::Text;
use crate::i18n::{Lang, Phrase};
use yew::prelude::*;

/// Props of the view.
#[derive(Properties, PartialEq)]
pub struct FirehoseProps {
    /// UI language.
    pub lang: Lang,
}

/// The view.
#[component]
pub fn FirehoseView(props: &FirehoseProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="firehose-view" data-testid="firehose-view">
            <h2>{ Text::Title.text(lang) }</h2>
        </section>
    }
}
