//! What the learn pages share: the action that opens a step, a link that opens it in place,
//! and the progress events a step reports.

use super::super::store::{Action, Store};
use crate::ui::learn::model::{step, Place, Stage};
use crate::ui::sim::Settings;
use yew::prelude::*;

/// What the pages change in the progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProgressEvent {
    /// A step was opened.
    Visit(Place),
    /// A step's prediction was answered right.
    Right(Place),
}

/// The action that opens `place` (`None`: the start page, on the course's activity-log world)
/// with its world, and starts the clock.
pub fn open_lesson(place: Option<Place>) -> Action {
    let lesson = place.and_then(step);
    let settings = lesson.map_or_else(Settings::default, |s| s.settings());
    let console_step = match lesson.map(|s| s.stage) {
        Some(Stage::Console(n)) => Some(n),
        _ => None,
    };
    Action::OpenLesson { place, settings, console_step, play: true }
}

/// A link to `place` that opens it in place (no page load, no second world built).
pub fn lesson_link(
    store: &UseReducerHandle<Store>,
    place: Option<Place>,
    class: &'static str,
    test_id: String,
    body: Html,
) -> Html {
    let href = match place {
        Some(p) => format!("#/learn/{}", p.path()),
        None => "#/learn".to_string(),
    };
    let d = store.dispatcher();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        d.dispatch(open_lesson(place));
    });
    html! { <a {class} {href} {onclick} data-testid={test_id}>{ body }</a> }
}
