//! Text of the hashing view (`#/hashing`), Spanish and English, one exhaustive match each.

use super::Lang;

/// A fixed string of the hashing view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HashingText {
    /// The view's heading.
    Title,
}

impl HashingText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [HashingText] = &[HashingText::Title];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }
}

fn es(t: HashingText) -> &'static str {
    match t {
        HashingText::Title => "De la partition key al shard",
    }
}

fn en(t: HashingText) -> &'static str {
    match t {
        HashingText::Title => "From partition key to shard",
    }
}
