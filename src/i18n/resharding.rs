//! Text of the resharding view (`#/resharding`), Spanish and English, one exhaustive match each.

use super::Lang;

/// A fixed string of the resharding view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReshardingText {
    /// The view's heading.
    Title,
}

impl ReshardingText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [ReshardingText] = &[ReshardingText::Title];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }
}

fn es(t: ReshardingText) -> &'static str {
    match t {
        ReshardingText::Title => "Linaje de shards",
    }
}

fn en(t: ReshardingText) -> &'static str {
    match t {
        ReshardingText::Title => "Shard lineage",
    }
}
