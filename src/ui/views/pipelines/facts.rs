//! The side-by-side facts: what the running simulation measures for both architectures, next
//! to the course's static comparison table.

use super::numbers::{accuracy, duration};
use super::snapshot::{Measures, PipelinesSnapshot};
use crate::i18n::pipelines::facts::{self as t, Text as P};
use crate::i18n::{Lang, Message, Phrase};
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
    let correctness = |m: &Measures| {
        t::Msg::Correctness {
            pct: accuracy(m.error, m.truth_total, lang),
            error: grouped(m.error, lang),
            wrong: grouped(m.wrong, lang),
        }
        .text(lang)
    };
    let rows = [
        ("freshness", P::Freshness, duration(l.freshness_ms, lang), duration(k.freshness_ms, lang)),
        ("correctness", P::Correctness, correctness(l), correctness(k)),
        (
            "code-paths",
            P::CodePaths,
            t::Msg::CodePaths { n: l.code_paths, lambda: true }.text(lang),
            t::Msg::CodePaths { n: k.code_paths, lambda: false }.text(lang),
        ),
        (
            "storage",
            P::Storage,
            t::Msg::StorageCell { bytes: bytes(l.storage_bytes, lang), lambda: true }.text(lang),
            t::Msg::StorageCell { bytes: bytes(k.storage_bytes, lang), lambda: false }.text(lang),
        ),
        (
            "reprocessing",
            P::Reprocessing,
            l.reprocess_ms.map_or_else(
                || P::NoCycle.text(lang).to_string(),
                |ms| t::Msg::BatchReprocess { duration: duration(ms, lang) }.text(lang),
            ),
            k.reprocess_ms.map_or_else(
                || P::NoReplay.text(lang).to_string(),
                |ms| t::Msg::ReplayReprocess { duration: duration(ms, lang) }.text(lang),
            ),
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
