//! The start page (`#/learn`): what a stream is in one sentence, the live overview of the
//! course's activity log already moving, the "Empieza aquí / Start here" button, "Continuar"
//! at the last step, and the contents with a tick on every step seen.

use super::super::hosts::OverviewHost;
use super::super::store::Store;
use super::links::{lesson_link, open_lesson};
use crate::i18n::learn::{Msg, Text};
use crate::i18n::{Message, Phrase};
use crate::ui::learn::model::{step, step_count, Place, CHAPTERS};
use crate::ui::learn::progress::Progress;
use yew::prelude::*;

/// Props of [`StartPage`].
#[derive(Properties, PartialEq)]
pub struct StartProps {
    /// The store.
    pub store: UseReducerHandle<Store>,
    /// The student's progress.
    pub progress: Progress,
}

/// The start page.
#[component]
pub fn StartPage(props: &StartProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    {
        // The first screen moves at once: the activity-log world, playing.
        let d = store.dispatcher();
        use_effect_with((), move |_| d.dispatch(open_lesson(None)));
    }
    let p = &props.progress;
    let first = Place { chapter: 1, step: 1 };
    let cont = p.last.filter(|l| *l != first).and_then(|l| step(l).map(|s| (l, s)));
    let chapters = CHAPTERS.iter().enumerate().map(|(i, ch)| {
        let c = i as u8 + 1;
        let done = p.chapter_done(c);
        let steps = ch.steps.iter().enumerate().map(|(j, s)| {
            let place = Place { chapter: c, step: j as u8 + 1 };
            let seen = p.seen.contains(&place);
            let body = html! {
                <>
                    <span class="toc-num">{ format!("{c}.{}", j + 1) }</span>
                    <span class="toc-title">{ s.text.title(lang) }</span>
                    if seen {
                        <span class="tick" aria-hidden="true">{ "✓" }</span>
                        <span class="sr-only">{ format!(" ({})", Text::Done.text(lang)) }</span>
                    }
                </>
            };
            html! {
                <li key={place.path()} class={classes!(seen.then_some("seen"))}>
                    { lesson_link(store, Some(place), "toc-step", format!("toc-{}-{}", c, j + 1), body) }
                </li>
            }
        });
        html! {
            <li key={c} class={classes!("toc-chapter", done.then_some("done"))}>
                <h3>
                    { Msg::ChapterHeading { chapter: c, title: ch.title.text(lang) }.text(lang) }
                    if done {
                        <span class="tick" aria-hidden="true">{ " ✓" }</span>
                        <span class="sr-only">{ format!(" ({})", Text::Done.text(lang)) }</span>
                    }
                </h3>
                <ol class="toc-steps">{ for steps }</ol>
            </li>
        }
    });
    let count = Msg::ProgressCount { seen: p.seen.len(), total: step_count(), right: p.right.len() };
    html! {
        <section class="learn-start" data-testid="learn-start" aria-labelledby="learn-title">
            <div class="learn-hero">
                <h2 id="learn-title">{ Text::StartTitle.text(lang) }</h2>
                <p class="learn-what" data-testid="learn-what">{ Text::StartWhat.text(lang) }</p>
                <div class="learn-actions">
                    { lesson_link(store, Some(first), "start-here", "start-here".into(), html! { { Text::StartHere.text(lang) } }) }
                    if let Some((l, s)) = cont {
                        { lesson_link(store, Some(l), "continue", "continue".into(),
                            html! { { Msg::Continue { chapter: l.chapter, step: l.step, title: s.text.title(lang) }.text(lang) } }) }
                    }
                </div>
            </div>
            <figure class="learn-live" data-testid="learn-live">
                <OverviewHost store={store.clone()} />
                <figcaption class="help">{ Text::StartLegend.text(lang) }</figcaption>
            </figure>
            <nav class="toc" aria-labelledby="toc-title" data-testid="toc">
                <h2 id="toc-title">{ Text::Contents.text(lang) }</h2>
                <p class="help" data-testid="progress-count">{ count.text(lang) }</p>
                <ol class="toc-chapters">{ for chapters }</ol>
            </nav>
        </section>
    }
}
