//! The SVG pieces both diagrams draw (wasm32 only): node frames, text lines and progress bars,
//! edges with arrow heads and labels, and the record dots that run along busy edges (they read
//! their animation phase, [`DotPhase`], from a context, so only they re-render every frame).

use super::model::{dot_points, Curve, Rect};
use crate::ui::views::f1;
use std::rc::Rc;
use yew::prelude::*;

/// The record dots' animation phase (0..1 along an edge), shared through a context so that
/// only the dots re-render every frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DotPhase(pub f64);

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
