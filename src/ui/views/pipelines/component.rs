//! The pipelines view: the Lambda panel, the Kappa panel and the measured facts, fed by the
//! same stream.
//!
//! ```text
//!  Pipelines ─┬─ title (the comparison, or one architecture's when shown alone)
//!             ├─ panel links (both · Lambda only · Kappa only; not in a one-panel embed)
//!             ├─ LambdaPanel (lambda.rs) ─ <svg> boxes, edges ─ Dots (svg.rs)
//!             ├─ KappaPanel (kappa.rs)   ─ <svg> boxes, edges ─ Dots (svg.rs)
//!             └─ Facts (facts.rs): measured side by side + the course's table
//! ```
//!
//! Per-frame work stays small: the host (`ui/app/hosts.rs`) retakes the snapshot at most every
//! [`super::snapshot::REFRESH_MS`] of wall time while playing ([`super::snapshot::SnapshotCache`]),
//! and the panels are memoised on it; only the record dots, which read an animation phase from a
//! context, re-render every frame.

use super::model::{DOT_PERIOD_MS, NARROW, WIDE};
use super::snapshot::PipelinesSnapshot;
use super::svg::DotPhase;
use crate::i18n::pipelines::page::{self, Text as P};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::answers::PipelineOutcome;
use crate::ui::route::{Panel, UrlState};
use crate::world::pipeline_spec::PipelineAction;
use std::rc::Rc;
use yew::prelude::*;

/// Wall milliseconds one frame may move the dots at most (a step or a hidden tab).
const MAX_DOT_STEP_MS: f64 = 100.0;

/// Props of [`Pipelines`].
#[derive(Properties, PartialEq)]
pub struct PipelinesProps {
    /// The snapshot; `None` when the scenario runs no pipelines.
    pub snapshot: Option<Rc<PipelinesSnapshot>>,
    /// Simulated ms since the stream became `ACTIVE`, now (the snapshot may be up to
    /// [`super::snapshot::REFRESH_MS`] older): the record dots move while it moves.
    pub elapsed_ms: u64,
    /// Language.
    pub lang: Lang,
    /// The URL state: the panel shown, and the links to the others.
    pub url: UrlState,
    /// The last pipeline step and the pipelines' answer.
    pub outcome: Option<PipelineOutcome>,
    /// Runs a pipeline step (the same callback every render, so the panels stay memoised).
    pub on_step: Callback<PipelineAction>,
    /// Shows one panel alone (`None`: both).
    pub on_panel: Callback<Option<Panel>>,
    /// Opens the scenario that runs the pipelines (`e-commerce`).
    pub on_open: Callback<()>,
}

fn now_wall_ms() -> f64 {
    js_sys::Date::now()
}

/// The page's title: the comparison with both panels, each architecture's own when it is shown
/// alone (a `#/pipelines/kappa` embed is about Kappa, not "Lambda vs Kappa").
fn title(panel: Option<Panel>) -> P {
    match panel {
        None => P::Title,
        Some(Panel::Lambda) => P::TitleLambdaOnly,
        Some(Panel::Kappa) => P::TitleKappaOnly,
    }
}

/// The pipelines view. With one panel alone in embed mode, the links to the other panels go:
/// an iframe shows the panel its page chose, and the full app (linked from the embed strip)
/// has them.
#[component]
pub fn Pipelines(props: &PipelinesProps) -> Html {
    let lang = props.lang;
    let elapsed = props.elapsed_ms;
    let narrow = crate::ui::views::is_narrow();
    let anim = use_mut_ref(|| (0.0f64, u64::MAX, 0.0f64));
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
    let on_step = props.on_step.clone();

    let Some(snap) = props.snapshot.clone() else {
        let open = props.on_open.reform(|_: MouseEvent| ());
        return html! {
            <section class="pipelines" data-testid="pipelines">
                <h2>{ P::Title.text(lang) }</h2>
                <p class="notice" role="status" data-testid="no-pipelines">{ P::NoPipelines.text(lang) }</p>
                <p><button type="button" class="primary" data-testid="open-e-commerce" onclick={open}>{ P::OpenECommerce.text(lang) }</button></p>
            </section>
        };
    };

    let url = &props.url;
    let panel = url.panel;
    let width = if narrow { NARROW } else { WIDE };
    let outcome = props.outcome.clone();
    let links = [(None, P::Both), (Some(Panel::Lambda), P::LambdaOnly), (Some(Panel::Kappa), P::KappaOnly)].map(|(p, t)| {
        let on_panel = props.on_panel.clone();
        let href = UrlState { panel: p, ..url.clone() }.to_hash(lang);
        let current = panel == p;
        html! {
            <li key={t.text(Lang::En)}>
                <a href={href} aria-current={current.then_some("page")} class={classes!(current.then_some("current"))}
                   data-testid={format!("panel-{}", p.map_or("both", Panel::slug))}
                   onclick={Callback::from(move |e: MouseEvent| { e.prevent_default(); on_panel.emit(p); })}>
                    { t.text(lang) }
                </a>
            </li>
        }
    });
    html! {
        <section class={classes!("pipelines", panel.is_some().then_some("single"))} data-testid="pipelines">
            <h2 data-testid="pipelines-title">{ title(panel).text(lang) }</h2>
            <p class="help">{ page::Msg::Query { stream: snap.stream.clone(), group_by: snap.group_by.clone(), sum_of: snap.sum_of.clone() }.text(lang) }</p>
            if !(url.embed && panel.is_some()) {
                <nav class="panel-links" aria-label={P::Show.text(lang)} data-testid="panel-links">
                    <span>{ P::Show.text(lang) }{ ":" }</span>
                    <ul>{ for links }</ul>
                </nav>
            }
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
