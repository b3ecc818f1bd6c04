//! [`LiveInput`]: an `<input>` whose draft survives the frames, with the live value beside it.

use super::model::Draft;
use crate::i18n::input::Text;
use crate::i18n::{Lang, Phrase};
use yew::prelude::*;

/// Props of [`LiveInput`].
#[derive(Properties, PartialEq)]
pub struct LiveInputProps {
    /// What the field shows while nobody edits it: the setting, not the live state.
    pub value: AttrValue,
    /// Gets the typed text, exactly, on Enter or blur (the `change` event).
    pub on_commit: Callback<String>,
    /// The live value, written out, shown beside the field when it says something the field
    /// does not (`None`: no note).
    #[prop_or_default]
    pub live: Option<AttrValue>,
    /// Language of the editing hint.
    pub lang: Lang,
    /// `data-testid` of the input; the note's is `{testid}-live`.
    pub testid: AttrValue,
    /// The input's `type`.
    #[prop_or(AttrValue::Static("number"))]
    pub kind: AttrValue,
    /// `id`, for a `<label for>` outside.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `min`.
    #[prop_or_default]
    pub min: Option<AttrValue>,
    /// `max`.
    #[prop_or_default]
    pub max: Option<AttrValue>,
    /// `step`.
    #[prop_or_default]
    pub step: Option<AttrValue>,
    /// `inputmode`.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// `maxlength`.
    #[prop_or_default]
    pub maxlength: Option<AttrValue>,
    /// `placeholder`, shown when `value` is empty.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// `aria-invalid`.
    #[prop_or_default]
    pub invalid: bool,
    /// Text inputs: no spellcheck or autocomplete (names, keys).
    #[prop_or_default]
    pub plain: bool,
}

fn value_of<E: AsRef<web_sys::Event>>(e: &E) -> String {
    e.as_ref()
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// An input that keeps what the student types while the clock re-renders it, commits exactly
/// that on Enter or blur, and shows live state beside itself instead of inside.
#[component]
pub fn LiveInput(props: &LiveInputProps) -> Html {
    let draft = use_state(Draft::default);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.edit(value_of(&e));
            draft.set(d);
        })
    };
    let onchange = {
        let (draft, on_commit) = (draft.clone(), props.on_commit.clone());
        Callback::from(move |e: Event| {
            let mut d = (*draft).clone();
            // The DOM holds what was typed, even if this handle is one event behind.
            let typed = value_of(&e);
            d.commit();
            draft.set(d);
            on_commit.emit(typed);
        })
    };
    let onkeydown = {
        let draft = draft.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && draft.is_editing() {
                e.prevent_default();
                let mut d = (*draft).clone();
                d.cancel();
                draft.set(d);
            }
        })
    };
    let editing = draft.is_editing();
    let shown = AttrValue::from(draft.shown(&props.value).to_string());
    let note_id = format!("{}-live", props.testid);
    html! {
        <>
            <input type={props.kind.clone()} data-testid={props.testid.clone()} id={props.id.clone()}
                   class={classes!("live-input", editing.then_some("editing"))}
                   min={props.min.clone()} max={props.max.clone()} step={props.step.clone()}
                   inputmode={props.inputmode.clone()} maxlength={props.maxlength.clone()}
                   placeholder={props.placeholder.clone()}
                   spellcheck={props.plain.then_some("false")} autocomplete={props.plain.then_some("off")}
                   title={editing.then(|| Text::EditHint.text(props.lang))}
                   aria-invalid={props.invalid.to_string()}
                   value={shown} {oninput} {onchange} {onkeydown} />
            if let Some(note) = props.live.clone() {
                <small class="live-note" data-testid={note_id}>{ note }</small>
            }
        </>
    }
}
