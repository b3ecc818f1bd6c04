//! Text of the firehose view (`#/firehose`). Spanish and English, one exhaustive match each.

use super::lang::{keys, Phrase};

keys! {
    /// A fixed string of the firehose view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// Model assumption: what this view's model simplifies (side panel and README).
        Assume,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Firehose",
            Text::Assume => "Firehose: modelo pendiente.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Firehose",
            Text::Assume => "Firehose: model pending.",
        }
    }
}
