//! Text of the retention view (`#/retention`), Spanish and English, one exhaustive match each.

use super::Lang;

/// A fixed string of the retention view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RetentionText {
    /// The view's heading.
    Title,
}

impl RetentionText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [RetentionText] = &[RetentionText::Title];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }
}

fn es(t: RetentionText) -> &'static str {
    match t {
        RetentionText::Title => "Retención: los registros en el tiempo",
    }
}

fn en(t: RetentionText) -> &'static str {
    match t {
        RetentionText::Title => "Retention: records over time",
    }
}
