//! Text of the durability view (`#/durability`). Spanish and English, one exhaustive match each.

use super::lang::{keys, Phrase};

keys! {
    /// A fixed string of the durability view.
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
            Text::Title => "Cifrado y réplicas",
            Text::Assume => "Cifrado y réplicas: modelo pendiente.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Encryption & replicas",
            Text::Assume => "Encryption & replicas: model pending.",
        }
    }
}
