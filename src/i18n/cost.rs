//! Text of the cost view (`#/cost`). Spanish and English, one exhaustive match each.

use super::lang::{keys, Phrase};

keys! {
    /// A fixed string of the cost view.
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
            Text::Title => "Coste y capacidad",
            Text::Assume => "Coste y capacidad: modelo pendiente.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Cost & capacity",
            Text::Assume => "Cost & capacity: model pending.",
        }
    }
}
