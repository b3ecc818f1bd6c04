//! A step of the learn path (`#/learn/3/2`): its text, "Prueba esto / Try this", the
//! prediction card, the chapter's step dots and prev/next on the left (on top on a phone), and
//! the step's live view beside it (under it on a phone). Opening the step builds its world when
//! it differs from the running one and starts the clock.

use super::super::hosts::{
    ConsoleHost, FlowHost, HashingHost, OverviewHost, PipelinesHost, ReshardingHost, RetentionHost,
};
use super::super::store::{Action, Store};
use super::links::{lesson_link, open_lesson, ProgressEvent};
use super::predict_card::PredictCard;
use crate::i18n::learn::{Msg, Text};
use crate::i18n::numbers::{grouped, usd};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::learn::cost::ModeCosts;
use crate::ui::learn::model::{step, Place, Stage, Try, CHAPTERS};
use crate::ui::learn::progress::Progress;
use crate::ui::pacer::Pacer;
use crate::ui::sim::KeyMode;
use yew::prelude::*;

/// Props of [`StepPage`].
#[derive(Properties, PartialEq)]
pub struct StepProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
    /// The step.
    pub place: Place,
    /// The student's progress.
    pub progress: Progress,
    /// Reports a visit or a right answer.
    pub on_progress: Callback<ProgressEvent>,
}

fn try_label(t: Try, lang: Lang) -> String {
    match t {
        Try::Put(key) => Msg::TryPut { key },
        Try::Rate(r) => Msg::TryRate { rate: grouped(u64::from(r), lang) },
        Try::Keys(KeyMode::Hot) => Msg::TryHot,
        Try::Keys(KeyMode::Uniform) => Msg::TryUniform,
        Try::Shards(n) => Msg::TryShards { shards: n },
        Try::Speed(s) => Msg::TrySpeed { speed: format!("×{}", Pacer::speed_text(s)) },
        Try::Console(line) => Msg::TryConsole { line },
    }
    .text(lang)
}

/// The store action of a "try this" button.
fn try_action(t: Try) -> Action {
    match t {
        Try::Put(key) => Action::Api(
            "PutRecord".into(),
            serde_json::json!({ "PartitionKey": key, "Data": "eyJhY3Rpb24iOiJjbGljayJ9" }),
        ),
        Try::Rate(r) => Action::SetRate(r.to_string()),
        Try::Keys(k) => Action::SetKeys(k),
        Try::Shards(n) => Action::Api(
            "UpdateShardCount".into(),
            serde_json::json!({ "TargetShardCount": n, "ScalingType": "UNIFORM_SCALING" }),
        ),
        Try::Speed(s) => Action::SetSpeed(s),
        Try::Console(line) => Action::Console(line.into()),
    }
}

fn cost_card(store: &Store) -> Html {
    let lang = store.lang;
    let c = ModeCosts::of(&store.sim.borrow());
    let cheap = c.provisioned_is_cheaper();
    let row = |mode: Text, micro: u64, cheaper: bool, id: &'static str| {
        html! {
            <li class={classes!(cheaper.then_some("cheaper"))} data-testid={id}>
                { Msg::CostLine { mode: mode.text(lang), usd: usd(micro, lang) }.text(lang) }
                if cheaper { <strong class="cost-cheaper">{ Text::Cheaper.text(lang) }</strong> }
            </li>
        }
    };
    html! {
        <section class="cost-card" data-testid="cost-card" aria-labelledby="cost-card-h">
            <h3 id="cost-card-h">{ Text::CostTitle.text(lang) }</h3>
            <p>{ Msg::CostLoad { rate: grouped(c.records_per_sec, lang), shards: c.shards }.text(lang) }</p>
            <ul>
                { row(Text::Provisioned, c.provisioned_micro_usd, cheap, "cost-provisioned") }
                { row(Text::OnDemand, c.on_demand_micro_usd, !cheap, "cost-on-demand") }
            </ul>
            <p class="help">{ Text::CostNote.text(lang) }</p>
        </section>
    }
}

/// A step.
#[component]
pub fn StepPage(props: &StepProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let place = props.place;
    {
        // Opening a step (also by a link or the back button) builds its world and plays.
        let d = store.dispatcher();
        let on_progress = props.on_progress.clone();
        use_effect_with(place, move |place| {
            d.dispatch(open_lesson(Some(*place)));
            on_progress.emit(ProgressEvent::Visit(*place));
        });
    }
    let Some(lesson) = step(place) else { return Html::default() };
    let chapter = &CHAPTERS[usize::from(place.chapter) - 1];
    let steps = chapter.steps.len();
    let embed = store.url.embed;
    let dots = (1..=steps as u8).map(|s| {
        let p = Place { chapter: place.chapter, step: s };
        let current = s == place.step;
        let seen = props.progress.seen.contains(&p);
        let label = format!("{}.{s} {}", place.chapter, chapter.steps[usize::from(s) - 1].text.title(lang));
        let d = store.dispatcher();
        html! {
            <a key={s} href={format!("#/learn/{}", p.path())} aria-label={label.clone()} title={label}
               class={classes!("dot", current.then_some("current"), seen.then_some("seen"))}
               aria-current={current.then_some("step")}
               onclick={Callback::from(move |e: MouseEvent| { e.prevent_default(); d.dispatch(open_lesson(Some(p))); })}>
                { s }
            </a>
        }
    });
    let tries = lesson.tries.iter().map(|t| {
        let t = *t;
        let d = store.dispatcher();
        html! {
            <button type="button" class="try" data-testid="try" onclick={Callback::from(move |_| d.dispatch(try_action(t)))}>
                { try_label(t, lang) }
            </button>
        }
    });
    let on_right = {
        let on_progress = props.on_progress.clone();
        Callback::from(move |()| on_progress.emit(ProgressEvent::Right(place)))
    };
    let view = match lesson.stage {
        Stage::Overview => html! { <OverviewHost store={store.clone()} /> },
        Stage::Hashing => html! { <HashingHost store={store.clone()} /> },
        Stage::Flow => html! { <FlowHost store={store.clone()} /> },
        Stage::Retention => html! { <RetentionHost store={store.clone()} /> },
        Stage::Resharding => html! { <ReshardingHost store={store.clone()} /> },
        Stage::Pipelines => html! { <PipelinesHost store={store.clone()} /> },
        Stage::Console(_) => html! { <ConsoleHost store={store.clone()} /> },
        Stage::Cost => html! { <>{ cost_card(store) }<OverviewHost store={store.clone()} /></> },
        Stage::Kcl => html! { <crate::ui::app::kcl_host::KclHost store={store.clone()} /> },
        Stage::Firehose => html! { <crate::ui::app::firehose_host::FirehoseHost store={store.clone()} /> },
        Stage::Metrics => html! { <crate::ui::app::metrics_host::MetricsHost store={store.clone()} /> },
        Stage::Durability => html! { <crate::ui::app::durability_host::DurabilityHost store={store.clone()} /> },
    };
    let (prev, next) = (place.prev(), place.next());
    html! {
        <article class="lesson" data-testid="lesson" data-place={place.path()} aria-labelledby="lesson-title">
            <div class="lesson-text">
                <p class="lesson-where">
                    <span data-testid="lesson-where">{ Msg::StepOf { chapter: place.chapter, step: place.step, steps }.text(lang) }</span>
                    { " · " }{ chapter.title.text(lang) }
                </p>
                <h2 id="lesson-title" data-testid="lesson-title">{ lesson.text.title(lang) }</h2>
                <nav class="dots" aria-label={Text::StepDots.text(lang)}>{ for dots }</nav>
                <p class="lesson-body" data-testid="lesson-body">{ lesson.text.body(lang) }</p>
                if !lesson.tries.is_empty() {
                    <section class="try-this" aria-labelledby="try-h">
                        <h3 id="try-h">{ Text::TryThis.text(lang) }</h3>
                        <div class="try-buttons">{ for tries }</div>
                    </section>
                }
                if let Some(kind) = lesson.predict {
                    <PredictCard store={store.clone()} {kind} {place} {on_right} />
                }
                if !embed {
                    <nav class="lesson-nav" data-testid="lesson-nav">
                        if let Some(p) = prev {
                            { lesson_link(store, Some(p), "prev", "prev".into(), html! { { Text::Prev.text(lang) } }) }
                        }
                        { lesson_link(store, None, "contents", "contents".into(), html! { { Text::ToContents.text(lang) } }) }
                        if let Some(n) = next {
                            { lesson_link(store, Some(n), "next primary", "next".into(), html! { { Text::Next.text(lang) } }) }
                        } else {
                            <p class="help" data-testid="the-end">{ Text::TheEnd.text(lang) }</p>
                        }
                    </nav>
                }
            </div>
            <div class="lesson-stage" data-testid="lesson-stage">{ view }</div>
        </article>
    }
}
