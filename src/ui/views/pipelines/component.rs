//! The pipelines view: the Lambda panel, the Kappa panel and the measured facts, fed by the
//! same stream.
//!
//! ```text
//!  Pipelines ─┬─ panel links (both · Lambda only · Kappa only)
//!             ├─ LambdaPanel (lambda.rs) ─ <svg> boxes, edges ─ Dots
//!             ├─ KappaPanel (kappa.rs)   ─ <svg> boxes, edges ─ Dots
//!             └─ Facts (facts.rs): measured side by side + the course's table
//! ```
//!
//! Per-frame work stays small: the snapshot is recomputed at most every [`REFRESH_MS`] of wall
//! time while playing (at once when paused, after a step, or after a pipeline step), and the
//! panels are memoised on it; only the record dots, which read an animation phase from a
//! context, re-render every frame.

use super::model::{dot_points, Curve, PipelinesSnapshot, Rect, DOT_PERIOD_MS, NARROW, WIDE};
use crate::i18n::pipelines::{query_line, PipelinesText as P};
use crate::ui::app::store::{Action, Store};
use crate::ui::route::{Panel, UrlState, PIPELINES_SCENARIO};
use crate::world::pipelines::PipelineAction;
use crate::world::scenario::Command;
use std::rc::Rc;
use yew::prelude::*;

/// Wall milliseconds between two snapshots while playing.
pub const REFRESH_MS: f64 = 100.0;
/// Wall milliseconds one frame may move the dots at most (a step or a hidden tab).
const MAX_DOT_STEP_MS: f64 = 100.0;

/// Props of [`Pipelines`].
#[derive(Properties, PartialEq)]
pub struct PipelinesProps {
    /// The store (snapshot source, language, dispatch).
    pub store: UseReducerHandle<Store>,
}

/// The record dots' animation phase (0..1 along an edge), shared through a context so that
/// only the dots re-render every frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DotPhase(pub f64);

/// The last snapshot and what it was taken from.
struct SnapCache {
    /// Wall ms when taken.
    wall: f64,
    /// Simulated ms it shows.
    elapsed: u64,
    /// The world it came from (a rebuilt world is a new `Rc`).
    sim: usize,
    /// The pipeline step it saw last.
    step: Option<u64>,
    /// `None` before the first.
    snap: Option<Option<Rc<PipelinesSnapshot>>>,
}

fn now_wall_ms() -> f64 {
    js_sys::Date::now()
}

/// The pipelines view.
#[component]
pub fn Pipelines(props: &PipelinesProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let narrow = crate::ui::app::is_narrow();
    let cache = use_mut_ref(|| SnapCache { wall: 0.0, elapsed: 0, sim: 0, step: None, snap: None });
    let anim = use_mut_ref(|| (0.0f64, u64::MAX, 0.0f64));
    let (snap, elapsed) = {
        let sim = store.sim.borrow();
        let elapsed = sim.elapsed_ms();
        let now = now_wall_ms();
        let mut c = cache.borrow_mut();
        let ptr = Rc::as_ptr(&store.sim) as usize;
        let step = store.last_pipeline.as_ref().map(|o| o.version);
        let moved = elapsed != c.elapsed;
        let stale = c.snap.is_none()
            || c.sim != ptr
            || c.step != step
            || (moved && (store.pacer.paused || now - c.wall >= REFRESH_MS));
        if stale {
            *c = SnapCache { wall: now, elapsed, sim: ptr, step, snap: Some(sim.pipelines().map(Rc::new)) };
        }
        (c.snap.clone().flatten(), elapsed)
    };
    // The dots move with wall time while the simulation runs, and stop when it stops.
    let phase = {
        let mut a = anim.borrow_mut();
        let now = now_wall_ms();
        if a.1 != elapsed && a.1 != u64::MAX {
            a.2 += (now - a.0).clamp(0.0, MAX_DOT_STEP_MS);
        }
        a.0 = now;
        a.1 = elapsed;
        (a.2 / DOT_PERIOD_MS).fract()
    };
    let on_step = {
        let d = store.dispatcher();
        use_callback((), move |action: PipelineAction, _| d.dispatch(Action::World(Command::Pipeline { action })))
    };

    let Some(snap) = snap else {
        let d = store.dispatcher();
        let open = Callback::from(move |_| d.dispatch(Action::SetScenario(PIPELINES_SCENARIO.into())));
        return html! {
            <section class="pipelines" data-testid="pipelines">
                <h2>{ P::Title.text(lang) }</h2>
                <p class="notice" role="status" data-testid="no-pipelines">{ P::NoPipelines.text(lang) }</p>
                <p><button type="button" class="primary" data-testid="open-e-commerce" onclick={open}>{ P::OpenECommerce.text(lang) }</button></p>
            </section>
        };
    };

    let panel = store.url.panel;
    let width = if narrow { NARROW } else { WIDE };
    let outcome = store.last_pipeline.clone();
    let links = [(None, P::Both), (Some(Panel::Lambda), P::LambdaOnly), (Some(Panel::Kappa), P::KappaOnly)].map(|(p, t)| {
        let d = store.dispatcher();
        let href = UrlState { panel: p, ..store.url.clone() }.to_hash(lang);
        let current = panel == p;
        html! {
            <li key={t.text(crate::i18n::Lang::En)}>
                <a href={href} aria-current={current.then_some("page")} class={classes!(current.then_some("current"))}
                   data-testid={format!("panel-{}", p.map_or("both", Panel::slug))}
                   onclick={Callback::from(move |e: MouseEvent| { e.prevent_default(); d.dispatch(Action::SetPanel(p)); })}>
                    { t.text(lang) }
                </a>
            </li>
        }
    });
    html! {
        <section class={classes!("pipelines", panel.is_some().then_some("single"))} data-testid="pipelines">
            <h2>{ P::Title.text(lang) }</h2>
            <p class="help">{ query_line(lang, &snap.stream, &snap.group_by, &snap.sum_of) }</p>
            <nav class="panel-links" aria-label={P::Show.text(lang)}>
                <span>{ P::Show.text(lang) }{ ":" }</span>
                <ul>{ for links }</ul>
            </nav>
            <ContextProvider<DotPhase> context={DotPhase(phase)}>
                <div class="pipelines-grid">
                    if panel != Some(Panel::Kappa) {
                        <super::lambda::LambdaPanel snap={snap.clone()} {lang} {width} on_step={on_step.clone()} />
                    }
                    if panel != Some(Panel::Lambda) {
                        <super::kappa::KappaPanel snap={snap.clone()} {lang} {width} on_step={on_step.clone()} outcome={outcome} />
                    }
                </div>
            </ContextProvider<DotPhase>>
            if panel.is_none() {
                <super::facts::Facts snap={snap.clone()} {lang} />
            }
        </section>
    }
}

/// Props of [`Dots`].
#[derive(Properties, PartialEq)]
pub struct DotsProps {
    /// Each edge and its records per second.
    pub edges: Rc<Vec<(Curve, u64)>>,
}

/// Records flowing along the edges: a few dots per busy edge, moved by the animation phase.
#[component]
pub fn Dots(props: &DotsProps) -> Html {
    let phase = use_context::<DotPhase>().map_or(0.0, |p| p.0);
    let dots = props.edges.iter().flat_map(|(c, r)| dot_points(c, *r, phase));
    html! {
        <g class="dots" aria-hidden="true">
            { for dots.enumerate().map(|(i, (x, y))| html! {
                <circle key={i} class="rec-dot" cx={f1(x)} cy={f1(y)} r="3.2" />
            }) }
        </g>
    }
}

/// One decimal, for SVG attributes.
pub fn f1(v: f64) -> String {
    format!("{v:.1}")
}

/// A node's frame.
pub fn frame(r: &Rect, class: &'static str) -> Html {
    html! { <rect class={classes!("frame", class)} x={f1(r.x)} y={f1(r.y)} width={f1(r.w)} height={f1(r.h)} rx="6" /> }
}

/// A line of text in a node, `dy` below its top, indented.
pub fn line(r: &Rect, dy: f64, class: &'static str, text: impl Into<String>) -> Html {
    html! { <text class={class} x={f1(r.x + 8.0)} y={f1(r.y + dy)}>{ text.into() }</text> }
}

/// A progress bar inside a node, `dy` below its top, filled `permille`.
pub fn bar(r: &Rect, dy: f64, permille: u64, class: &'static str) -> Html {
    let w = r.w - 16.0;
    let fill = w * permille.min(1000) as f64 / 1000.0;
    html! {
        <g class={classes!("bar", class)}>
            <rect class="bar-bg" x={f1(r.x + 8.0)} y={f1(r.y + dy)} width={f1(w)} height="7" rx="2" />
            <rect class="bar-fill" x={f1(r.x + 8.0)} y={f1(r.y + dy)} width={f1(fill)} height="7" rx="2" />
        </g>
    }
}

/// An edge with an arrow head (`marker` is the id of the panel's arrow).
pub fn edge(c: &Curve, class: &'static str, marker: &str) -> Html {
    html! { <path class={classes!("edge", class)} d={c.d()} marker-end={format!("url(#{marker})")} /> }
}

/// A label next to an edge's middle, `dx` to its right (negative: to its left).
pub fn edge_label(c: &Curve, dx: f64, dy: f64, anchor: &'static str, text: String) -> Html {
    let (x, y) = c.at(0.5);
    html! { <text class="edge-label" x={f1(x + dx)} y={f1(y + dy)} text-anchor={anchor}>{ text }</text> }
}

/// The arrow head of a panel's edges.
pub fn arrow_defs(id: &'static str) -> Html {
    html! {
        <defs>
            <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0 0L10 5L0 10z" />
            </marker>
        </defs>
    }
}

/// `+12` / `−3` / `0`: an answer's difference from the truth.
pub fn delta(answer: u64, truth: u64) -> String {
    use super::model::grouped;
    match answer.cmp(&truth) {
        std::cmp::Ordering::Equal => "0".into(),
        std::cmp::Ordering::Greater => format!("+{}", grouped(answer - truth)),
        std::cmp::Ordering::Less => format!("−{}", grouped(truth - answer)),
    }
}
