//! The side-by-side facts: what the running simulation measures for both architectures, next
//! to the course's static comparison table.

use super::numbers::{accuracy, duration};
use super::snapshot::{Measures, PipelinesSnapshot};
use crate::i18n::pipelines::{self as t, PipelinesText as P};
use crate::i18n::Lang;
use crate::ui::format::{bytes, grouped};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Facts`].
#[derive(Properties, PartialEq)]
pub struct FactsProps {
    /// The snapshot.
    pub snap: Rc<PipelinesSnapshot>,
    /// Language.
    pub lang: Lang,
}

/// Measured facts and the course's table.
#[component]
pub fn Facts(props: &FactsProps) -> Html {
    let (s, lang) = (&props.snap, props.lang);
    let (l, k) = (&s.lambda.measures, &s.kappa.measures);
    let correctness =
        |m: &Measures| t::correctness(lang, &accuracy(m.error, m.truth_total), &grouped(m.error), &grouped(m.wrong));
    let rows = [
        ("freshness", P::Freshness, duration(l.freshness_ms), duration(k.freshness_ms)),
        ("correctness", P::Correctness, correctness(l), correctness(k)),
        ("code-paths", P::CodePaths, t::code_paths(lang, l.code_paths, true), t::code_paths(lang, k.code_paths, false)),
        (
            "storage",
            P::Storage,
            t::storage_cell(lang, &bytes(l.storage_bytes), true),
            t::storage_cell(lang, &bytes(k.storage_bytes), false),
        ),
        (
            "reprocessing",
            P::Reprocessing,
            l.reprocess_ms
                .map_or_else(|| P::NoCycle.text(lang).to_string(), |ms| t::batch_reprocess(lang, &duration(ms))),
            k.reprocess_ms
                .map_or_else(|| P::NoReplay.text(lang).to_string(), |ms| t::replay_reprocess(lang, &duration(ms))),
        ),
    ];
    let course = [
        (P::Processing, P::LambdaProcessing, P::KappaProcessing),
        (P::Complexity, P::LambdaComplexity, P::KappaComplexity),
        (P::Latency, P::LambdaLatency, P::KappaLatency),
        (P::CommonUse, P::LambdaUse, P::KappaUse),
    ];
    html! {
        <section class="facts" aria-labelledby="facts-h" data-testid="facts">
            <h3 id="facts-h">{ P::FactsTitle.text(lang) }</h3>
            <p class="help">{ P::FactsHelp.text(lang) }</p>
            <div class="facts-grid">
                <div class="table-wrap" tabindex="0" role="region" aria-label={format!("{}: Lambda, Kappa", P::Measure.text(lang))}>
                    <table data-testid="facts-measured">
                        <thead><tr>
                            <th scope="col">{ P::Measure.text(lang) }</th>
                            <th scope="col">{ "Lambda" }</th>
                            <th scope="col">{ "Kappa" }</th>
                        </tr></thead>
                        <tbody>
                            { for rows.into_iter().map(|(id, name, lambda, kappa)| html! {
                                <tr key={id} data-testid={format!("fact-{id}")}>
                                    <th scope="row">{ name.text(lang) }</th>
                                    <td data-testid={format!("fact-{id}-lambda")}>{ lambda }</td>
                                    <td data-testid={format!("fact-{id}-kappa")}>{ kappa }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <div class="table-wrap" tabindex="0" role="region" aria-label={P::CourseTitle.text(lang)}>
                    <table class="course" data-testid="facts-course">
                        <caption>{ P::CourseTitle.text(lang) }</caption>
                        <thead><tr>
                            <th scope="col">{ P::Characteristic.text(lang) }</th>
                            <th scope="col">{ "Lambda" }</th>
                            <th scope="col">{ "Kappa" }</th>
                        </tr></thead>
                        <tbody>
                            { for course.into_iter().map(|(what, lambda, kappa)| html! {
                                <tr key={format!("{what:?}")}>
                                    <th scope="row">{ what.text(lang) }</th>
                                    <td>{ lambda.text(lang) }</td>
                                    <td>{ kappa.text(lang) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}
