//! The toggletip component (wasm32).

use super::model::{key_input, next, Input};
use crate::i18n::narrate::Text;
use crate::i18n::{Lang, Phrase};
use std::cell::Cell;
use yew::prelude::*;

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

fn fresh_id() -> String {
    NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("tip-{}", n.get())
    })
}

/// Props of [`Toggletip`].
#[derive(Properties, PartialEq)]
pub struct ToggletipProps {
    /// Language of the button's accessible name.
    pub lang: Lang,
    /// What it explains, for the button's name ("More information: <topic>").
    pub topic: AttrValue,
    /// The explanation.
    pub children: Html,
    /// `data-testid` of the wrapper.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// A "ⓘ" button that shows its explanation inline (see the module docs).
#[component]
pub fn Toggletip(props: &ToggletipProps) -> Html {
    let open = use_state(|| false);
    let id = use_state(fresh_id);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(next(*open, Input::Press)))
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            let input = key_input(&e.key());
            if *open && !next(*open, input) {
                e.stop_propagation();
                open.set(false);
            }
        })
    };
    let label = format!("{}: {}", Text::MoreInfo.text(props.lang), props.topic);
    html! {
        <span class={classes!("toggletip", open.then_some("open"))} data-testid={props.testid.clone()}>
            <button type="button" class="tip-button" aria-expanded={open.to_string()} aria-controls={(*id).clone()}
                    aria-label={label} onclick={toggle} onkeydown={on_key.clone()}>
                <span class="tip-i" aria-hidden="true">{ "i" }</span>
            </button>
            <span id={(*id).clone()} class="tip-text" role="note" hidden={!*open} onkeydown={on_key}>
                { props.children.clone() }
            </span>
        </span>
    }
}
