//! The glossary component: a heading, an introduction and one `<article>` per concept, with
//! AWS's term, the names to map and a link to the view that shows it. Plain HTML, so it reads
//! on a phone, and every link is keyboard reachable.

use super::model::entries;
use crate::i18n::glossary::Text as G;
use crate::i18n::{Lang, Phrase};
use yew::prelude::*;

/// Props of [`Glossary`].
#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    /// Language.
    pub lang: Lang,
}

/// The glossary view.
#[component]
pub fn Glossary(props: &GlossaryProps) -> Html {
    let lang = props.lang;
    let items = entries().into_iter().map(|e| {
        let heading = format!("{}-h", e.id);
        html! {
            <article key={e.id} id={e.id} class="term" data-testid="glossary-entry" aria-labelledby={heading.clone()}>
                <h3 id={heading}>{ e.term.title(lang) }</h3>
                <dl>
                    <dt>{ G::AwsTerm.text(lang) }</dt>
                    <dd><code lang="en">{ e.term.aws() }</code></dd>
                    <dt>{ G::AlsoCalled.text(lang) }</dt>
                    <dd data-testid="glossary-names">{ e.term.names(lang) }</dd>
                </dl>
                <p>{ e.term.text(lang) }</p>
                <p class="see">
                    { G::SeeIn.text(lang) }{ ": " }
                    <a href={format!("#/{}", e.view.slug())}>{ e.view.title().text(lang) }</a>
                </p>
            </article>
        }
    });
    html! {
        <section class="glossary" data-testid="glossary" aria-labelledby="glossary-h">
            <h2 id="glossary-h">{ G::Title.text(lang) }</h2>
            <p class="help">{ G::Intro.text(lang) }</p>
            <div class="terms">{ for items }</div>
        </section>
    }
}
