//! Text of the record flow view (`#/flow`), Spanish and English, one exhaustive match each.

use super::Lang;

/// A fixed string of the flow view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowText {
    /// The view's heading.
    Title,
}

impl FlowText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [FlowText] = &[FlowText::Title];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }
}

fn es(t: FlowText) -> &'static str {
    match t {
        FlowText::Title => "Flujo de registros",
    }
}

fn en(t: FlowText) -> &'static str {
    match t {
        FlowText::Title => "Record flow",
    }
}
