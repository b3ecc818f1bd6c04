//! Text of the metrics view (`#/metrics`). Spanish and English, one exhaustive match each.

use super::lang::{keys, Phrase};

keys! {
    /// A fixed string of the metrics view.
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
            Text::Title => "Métricas",
            Text::Assume => "Métricas: modelo pendiente.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Metrics",
            Text::Assume => "Metrics: model pending.",
        }
    }
}
