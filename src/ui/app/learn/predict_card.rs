//! The "Predice / Predict" card: a question drawn from the running simulation, its choices as
//! radio buttons, and "Comprobar / Check", which plays the question out in the simulation
//! (`predict::reveal`, through the store) and grades the choice against what the engine did.
//! The answer is never on the page before the check; "Otra pregunta" draws another.

use super::super::store::{Action, Store};
use crate::i18n::learn::{Msg, Text};
use crate::i18n::{Message, Phrase};
use crate::ui::learn::model::Place;
use crate::ui::learn::predict::{ask, Kind};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`PredictCard`].
#[derive(Properties, PartialEq)]
pub struct PredictProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
    /// The kind of question.
    pub kind: Kind,
    /// The step it is asked in.
    pub place: Place,
    /// Called when the student answers right.
    pub on_right: Callback<()>,
}

/// The prediction card.
#[component]
pub fn PredictCard(props: &PredictProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let nonce = use_state(|| 0u64);
    let choice = use_state(|| None::<usize>);
    let checked = use_state(|| false);
    let warn = use_state(|| false);
    // The question is drawn once per world, step and nonce: not again every frame.
    let world = Rc::as_ptr(&store.sim) as usize;
    let question = {
        let sim = store.sim.clone();
        use_memo((props.kind, props.place, *nonce, world), move |(kind, _, nonce, _)| ask(*kind, &sim.borrow(), *nonce))
    };
    {
        // A new question (or a new world) clears the previous answer.
        let (choice, checked, warn) = (choice.clone(), checked.clone(), warn.clone());
        use_effect_with(question.clone(), move |_| {
            choice.set(None);
            checked.set(false);
            warn.set(false);
        });
    }
    let outcome = match (&store.revealed, *checked) {
        (Some((q, o)), true) if *q == *question => Some(o.clone()),
        _ => None,
    };
    let right = outcome.as_ref().zip(*choice).is_some_and(|(o, c)| o.correct == c);
    {
        let on_right = props.on_right.clone();
        use_effect_with(right, move |right| {
            if *right {
                on_right.emit(());
            }
        });
    }
    let name = format!("predict-{}", props.place.path());
    let choices = question.choices.iter().enumerate().map(|(i, c)| {
        let choice_set = choice.clone();
        let warn = warn.clone();
        let id = format!("{name}-{i}");
        let mark = outcome.as_ref().map(|o| if o.correct == i { "correct" } else if *choice == Some(i) { "wrong" } else { "" });
        html! {
            <li key={i} class={classes!("choice", mark)} data-testid="choice" data-correct={outcome.as_ref().map(|o| (o.correct == i).to_string())}>
                <input type="radio" id={id.clone()} name={name.clone()} value={i.to_string()} checked={*choice == Some(i)}
                       disabled={outcome.is_some()}
                       onchange={Callback::from(move |_| { choice_set.set(Some(i)); warn.set(false); })} />
                <label for={id}>{ c.text(lang) }</label>
            </li>
        }
    });
    let on_check = {
        let (choice, checked, warn) = (choice.clone(), checked.clone(), warn.clone());
        let question = question.clone();
        let d = store.dispatcher();
        Callback::from(move |_| {
            if choice.is_none() {
                warn.set(true);
                return;
            }
            d.dispatch(Action::Reveal((*question).clone()));
            checked.set(true);
        })
    };
    let on_another = {
        let nonce = nonce.clone();
        Callback::from(move |_| nonce.set(*nonce + 1))
    };
    let verdict = outcome.as_ref().map(|o| {
        let answer = question.choices.get(o.correct).map(|c| c.text(lang)).unwrap_or_default();
        html! {
            <div class={classes!("verdict", if right { "right" } else { "wrong" })} role="status" data-testid="verdict"
                 data-right={right.to_string()}>
                <strong>{ if right { Text::Right.text(lang) } else { Text::Wrong.text(lang) } }</strong>
                if !right && !answer.is_empty() { { " " }{ Msg::RightWas { answer }.text(lang) } }
                <p data-testid="explanation">{ o.explanation.text(lang) }</p>
            </div>
        }
    });
    html! {
        <section class="predict" data-testid="predict" aria-labelledby="predict-h">
            <h3 id="predict-h">{ Text::Predict.text(lang) }</h3>
            <fieldset>
                <legend data-testid="prompt">{ question.prompt.text(lang) }</legend>
                if question.choices.is_empty() {
                    <p class="help">{ Text::NoQuestion.text(lang) }</p>
                } else {
                    <ul class="choices">{ for choices }</ul>
                }
            </fieldset>
            if *warn {
                <p class="help warn" role="alert" data-testid="pick-one">{ Text::PickOne.text(lang) }</p>
            }
            { for verdict }
            <div class="predict-buttons">
                if outcome.is_none() && !question.choices.is_empty() {
                    <button type="button" class="primary" data-testid="check" onclick={on_check}>{ Text::Check.text(lang) }</button>
                }
                <button type="button" data-testid="another" onclick={on_another}>{ Text::Another.text(lang) }</button>
            </div>
        </section>
    }
}
