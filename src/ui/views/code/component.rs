//! The code panel component: two blocks of Python as selectable text with line numbers, the
//! running line marked by ▶ and `aria-current` (not by colour alone), the event source
//! mapping's settings and the Lambda's counts. Everything it shows comes from the snapshot.

use super::model::Script;
use super::snapshot::{CodeSnapshot, LambdaCode, ProducerCode};
use crate::i18n::code::{Msg, Text};
use crate::i18n::{Lang, Message, Phrase};
use crate::ui::format::grouped;
use crate::world::reader::StartPosition;
use std::rc::Rc;
use yew::prelude::*;

/// Rows of the counts table.
const COUNT_ROWS: usize = 12;

/// Props of [`CodePanel`].
#[derive(Properties, PartialEq)]
pub struct CodePanelProps {
    /// This frame's snapshot.
    pub snapshot: Rc<CodeSnapshot>,
    /// Language.
    pub lang: Lang,
}

/// A block of code: one line per row, its number and ▶ in a gutter that is not selected or
/// copied with the code.
fn code_block(script: &Script, lit: Option<usize>, lang: Lang, testid: &'static str, label: String) -> Html {
    let width = script.lines.len().to_string().len();
    let lines = script.lines.iter().enumerate().map(|(i, line)| {
        let on = lit == Some(i);
        html! {
            <span key={i} class={classes!("ln", on.then_some("lit"))} aria-current={on.then_some("step")}
                  data-testid={on.then_some("lit-line")}>
                <span class="gutter" aria-hidden="true">{ if on { "▶" } else { " " } }{ format!("{:>width$} ", i + 1) }</span>
                { line.clone() }{ "\n" }
            </span>
        }
    });
    html! {
        <pre class="code" data-testid={testid} tabindex="0" role="region" aria-label={format!("{} · {label}", Text::CodeLabel.text(lang))}>
            <code>{ for lines }</code>
        </pre>
    }
}

/// "▶ 23 · sending: put_record to Kinesis".
fn phase_line(lit: Option<usize>, phase: Text, lang: Lang, testid: &'static str) -> Html {
    let at = lit.map(|i| format!("▶ {} · ", i + 1)).unwrap_or_default();
    html! { <p class="phase" data-testid={testid}>{ at }{ phase.text(lang) }</p> }
}

fn producer_part(p: &ProducerCode, others: &[String], lang: Lang) -> Html {
    html! {
        <section class="code-part" aria-labelledby="code-producer-h">
            <h4 id="code-producer-h">{ Text::ProducerHeading.text(lang) }{ " · " }<code>{ p.name.clone() }</code></h4>
            { phase_line(p.lit, p.phase.text(), lang, "producer-phase") }
            { code_block(&p.script, p.lit, lang, "producer-code", "producer.py".into()) }
            <p class="help">{ Msg::RateNote { rate: p.rate, batch: p.batch, linger_ms: p.linger_ms }.text(lang) }</p>
            if !others.is_empty() {
                <p class="help">{ Msg::OtherProducers { names: others.join(", ") }.text(lang) }</p>
            }
        </section>
    }
}

fn lambda_part(l: &LambdaCode, others: &[String], lang: Lang) -> Html {
    let spec = &l.spec;
    let start = match spec.start {
        StartPosition::TrimHorizon => "TRIM_HORIZON",
        StartPosition::Latest => "LATEST",
    };
    let window = spec.batching_window_ms / 1000;
    let rows = l.counts.iter().take(COUNT_ROWS).map(|(k, n)| {
        html! { <tr key={k.clone()}><th scope="row"><code>{ k.clone() }</code></th><td class="num">{ grouped(*n, lang) }</td></tr> }
    });
    html! {
        <section class="code-part" aria-labelledby="code-lambda-h">
            <h4 id="code-lambda-h">{ Text::LambdaHeading.text(lang) }{ " · " }<code>{ spec.name.clone() }</code></h4>
            { phase_line(l.lit, l.phase.text(), lang, "lambda-phase") }
            { code_block(&l.script, l.lit, lang, "lambda-code", "lambda.py".into()) }
            <p class="help">{ Text::Reconstruction.text(lang) }</p>
            <div class="code-side">
                <div>
                    <h5>{ Text::MappingHeading.text(lang) }</h5>
                    <dl class="mapping" data-testid="mapping">
                        <dt>{ "BatchSize" }</dt><dd>{ spec.batch_size }</dd>
                        <dt>{ "StartingPosition" }</dt><dd><code>{ start }</code></dd>
                        <dt>{ "MaximumBatchingWindowInSeconds" }</dt><dd>{ window }</dd>
                        <dt>{ "ParallelizationFactor" }</dt><dd>{ spec.parallelization_factor }</dd>
                        <dt>{ Text::Invocations.text(lang) }</dt><dd data-testid="invocations">{ grouped(l.invocations, lang) }</dd>
                    </dl>
                </div>
                <div>
                    <h5>{ Text::CountsHeading.text(lang) }</h5>
                    if l.counts.is_empty() {
                        <p class="help" data-testid="counts-empty">{ Text::CountsEmpty.text(lang) }</p>
                    } else {
                        <table class="counts" data-testid="lambda-counts">
                            <caption>{ Msg::CountsBy { field: spec.count_by.clone() }.text(lang) }</caption>
                            <thead><tr>
                                <th scope="col"><code>{ spec.count_by.clone() }</code></th>
                                <th scope="col">{ Text::ColCount.text(lang) }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    }
                </div>
            </div>
            if !others.is_empty() {
                <p class="help">{ Msg::OtherLambdas { names: others.join(", ") }.text(lang) }</p>
            }
        </section>
    }
}

/// The code panel.
#[component]
pub fn CodePanel(props: &CodePanelProps) -> Html {
    let (snap, lang) = (&props.snapshot, props.lang);
    let consumers = snap
        .consumers
        .iter()
        .map(|(name, kind)| format!("{name} ({})", kind.label().text(lang)))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <section class="code-panel" data-card="code" data-testid="code-panel" aria-labelledby="code-h">
            <h3 id="code-h">{ Text::Title.text(lang) }</h3>
            <p class="help">{ Text::Intro.text(lang) }</p>
            <div class="code-grid">
                if let Some(p) = &snap.producer {
                    { producer_part(p, &snap.other_producers, lang) }
                }
                if let Some(l) = &snap.lambda {
                    { lambda_part(l, &snap.other_lambdas, lang) }
                } else {
                    <p class="note" data-testid="no-lambda">{ Msg::NoLambda { consumers }.text(lang) }</p>
                }
            </div>
        </section>
    }
}
