//! Text of the kcl view (`#/kcl`). Spanish and English, one exhaustive match each.

use super::lang::{keys, Phrase};

keys! {
    /// A fixed string of the kcl view.
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
            Text::Title => "KCL",
            Text::Assume => "KCL: modelo pendiente.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "KCL",
            Text::Assume => "KCL: model pending.",
        }
    }
}
