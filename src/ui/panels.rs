//! Every panel a link can show alone, as data: a teacher's page lists each one with its link
//! and a ready iframe snippet (issue #16). A panel is a [`Card`] of a view (`#/hashing?panel=walk`)
//! or one of the pipelines view's diagrams ([`Panel`], `#/pipelines/lambda`).
//!
//! Also here: which notices come from the link itself ([`is_link_notice`]). In an embedded frame
//! (`embed=1`) those go to the browser console for the teacher, never onto the student's page.

use crate::i18n::app::Msg;
use crate::i18n::links::Text as LinkText;
use crate::i18n::Lang;
use crate::ui::route::{Card, Panel, UrlState, View};

/// One panel a link can show alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PanelLink {
    /// The view it belongs to.
    pub view: View,
    /// Its slug in `panel=` (and the pipelines view's sub-path).
    pub slug: &'static str,
    /// Its title.
    pub title: LinkText,
}

impl PanelLink {
    /// The URL state that opens it alone (time 0, the default scenario, or e-commerce for the
    /// pipelines).
    pub fn url(&self, embed: bool) -> UrlState {
        let (card, panel) = match self.view {
            View::Pipelines => (None, Panel::from_slug(self.slug)),
            view => (Card::of(view, self.slug), None),
        };
        let mut url = UrlState::parse(&format!("#/{}", self.view.slug()), "").0;
        url.card = card;
        url.panel = panel;
        url.embed = embed;
        url
    }

    /// Its link's hash in `lang`, e.g. `#/hashing?seed=1&lang=es&embed=1&panel=walk`.
    pub fn hash(&self, lang: Lang, embed: bool) -> String {
        self.url(embed).to_hash(lang)
    }

    /// A ready `<iframe>` for a page at `base` (the app's address without its hash): embedded,
    /// titled in `lang`, lazy; the app posts its height to the parent page
    /// (`kinesis-playground:height`), so a page may resize it.
    pub fn iframe(&self, base: &str, lang: Lang) -> String {
        let title = crate::i18n::Phrase::text(self.title, lang);
        iframe_snippet(base, &self.hash(lang, true), title, PANEL_IFRAME_HEIGHT)
    }
}

/// Height of a panel's iframe, CSS pixels: one card is compact.
pub const PANEL_IFRAME_HEIGHT: u32 = 480;

/// The `<iframe>` element a teacher pastes into a course page: `src` is `base` + `hash` and the
/// attribute values are escaped (`&`, `"`, `<`), so any hash and title make valid HTML.
pub fn iframe_snippet(base: &str, hash: &str, title: &str, height: u32) -> String {
    let attr = |v: &str| v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{height}" loading="lazy" style="border:0"></iframe>"#,
        attr(&format!("{base}{hash}")),
        attr(title)
    )
}

/// Every panel, by view in tab order: the cards, then the pipelines' diagrams.
pub fn panel_links() -> Vec<PanelLink> {
    let cards = Card::ALL.into_iter().map(|c| PanelLink { view: c.view(), slug: c.slug(), title: c.title() });
    let pipelines = Panel::ALL.into_iter().map(|p| PanelLink {
        view: View::Pipelines,
        slug: p.slug(),
        title: match p {
            Panel::Lambda => LinkText::CardPipelinesLambda,
            Panel::Kappa => LinkText::CardPipelinesKappa,
        },
    });
    cards.chain(pipelines).collect()
}

/// The CSS that shows only the card `slug` of the view (`main.view[data-only]`): everything in
/// the view that is neither the card, inside it, nor around it is hidden (but for the
/// `.panel-bar` that names the card). Generated from the
/// slug, so no stylesheet lists the cards.
pub fn only_card_css(slug: &str) -> String {
    let c = format!(r#"[data-card="{slug}"]"#);
    format!(
        "main.view[data-only] *:not({c}, :has({c}), {c} *, .panel-bar, .panel-bar *) {{ display: none !important; }}"
    )
}

/// A notice about the link itself (a bad or unknown parameter, view or panel), as opposed to
/// one about the running simulation or a field the person typed.
pub fn is_link_notice(m: &Msg) -> bool {
    matches!(
        m,
        Msg::BadParam { .. }
            | Msg::UnknownParam { .. }
            | Msg::UnknownView { .. }
            | Msg::UnknownPanel { .. }
            | Msg::Link(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Phrase;

    #[test]
    fn every_panel_link_opens_that_panel_alone() {
        let links = panel_links();
        assert_eq!(links.len(), Card::ALL.len() + Panel::ALL.len());
        for p in &links {
            for lang in Lang::ALL {
                let hash = p.hash(lang, true);
                let (url, notes) = UrlState::parse(&hash, "");
                assert_eq!(notes, vec![], "{hash}");
                assert!(url.embed && url.view == p.view, "{hash}");
                let slug = url.card.map(Card::slug).or(url.panel.map(Panel::slug));
                assert_eq!(slug, Some(p.slug), "{hash}");
                assert!(!p.title.text(lang).is_empty());
            }
        }
        let walk = links.iter().find(|p| p.slug == "walk").copied();
        assert_eq!(
            walk.map(|p| p.hash(Lang::Es, true)).as_deref(),
            Some("#/hashing?seed=1&lang=es&embed=1&panel=walk")
        );
        let lambda = links.iter().find(|p| p.slug == "lambda").map(|p| p.hash(Lang::En, false));
        assert_eq!(lambda.as_deref(), Some("#/pipelines/lambda?seed=1&scenario=e-commerce&lang=en"));
    }

    #[test]
    fn the_iframe_snippet_is_escaped_html() {
        let p = PanelLink { view: View::Hashing, slug: "walk", title: LinkText::CardHashingWalk };
        let s = p.iframe("https://example.org/app/", Lang::Es);
        assert!(
            s.starts_with(
                r#"<iframe src="https://example.org/app/#/hashing?seed=1&amp;lang=es&amp;embed=1&amp;panel=walk""#
            ),
            "{s}"
        );
        assert!(s.contains(r#"title="De la PartitionKey al shard: clave → MD5 → shard""#), "{s}");
    }

    /// Each card's slug is on its element in the view's component (`data-card="…"`), so
    /// `panel=` finds something to show.
    #[test]
    fn every_card_is_marked_in_its_component() {
        let sources = [
            (View::Overview, include_str!("views/overview/component.rs")),
            (View::Hashing, include_str!("views/hashing/component.rs")),
            (View::Flow, concat!(include_str!("views/flow/component.rs"), include_str!("views/code/component.rs"))),
            (View::Retention, include_str!("views/retention/component.rs")),
            (View::Resharding, include_str!("views/resharding/component.rs")),
        ];
        for card in Card::ALL {
            let (_, src) = sources.iter().find(|(v, _)| *v == card.view()).copied().unwrap_or((View::Glossary, ""));
            let mark = format!(r#"data-card="{}""#, card.slug());
            assert_eq!(src.matches(&mark).count(), 1, "{card:?}: {mark}");
        }
    }

    #[test]
    fn only_card_css_names_the_card_three_times() {
        let css = only_card_css("walk");
        assert_eq!(css.matches(r#"[data-card="walk"]"#).count(), 3, "{css}");
    }

    #[test]
    fn link_notices_are_told_apart() {
        assert!(is_link_notice(&Msg::UnknownParam { name: "x".into() }));
        assert!(is_link_notice(&Msg::Link(crate::i18n::links::Msg::BadKey { value: String::new() })));
        assert!(!is_link_notice(&Msg::OpenShards { n: 1 }));
        assert!(!is_link_notice(&Msg::BadField { field: "x", value: "y".into(), allowed: "z".into() }));
    }
}
