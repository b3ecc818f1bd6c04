//! Text of the pipelines page (`#/pipelines`): its header and query, and the words both panels
//! share (the diagrams' producers, the answer table, the bug badge), Spanish and English.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values.

use crate::i18n::lang::{keys, Message, Phrase, FSI, PDI};

keys! {
    /// A fixed string of the whole view and of what both panels share.
    pub enum Text {
        /// Lambda vs Kappa: one stream, one query
        Title,
        /// Show
        Show,
        /// Both
        Both,
        /// Lambda only
        LambdaOnly,
        /// Kappa only
        KappaOnly,
        /// This scenario runs no pipelines: only e-commerce feeds the Lambda and Kappa architectures.
        NoPipelines,
        /// Open the e-commerce scenario
        OpenECommerce,
        /// producers
        Producers,
        /// BUG: writes ×2
        BugBadge,
        /// Product
        Product,
        /// Answer
        AnswerCol,
        /// Ground truth
        TruthCol,
        /// Total
        Total,
        /// Answer per product
        AnswerTable,
        // The page's title when it shows one panel alone (`#/pipelines/lambda`, an embed).
        /// Lambda: a batch layer and a speed layer on one stream
        TitleLambdaOnly,
        /// Kappa: one log, replayed to change the logic
        TitleKappaOnly,
    }
}

/// A message of the pipelines page with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The query both panels answer; without `sum_of` it counts records.
    Query {
        /// The stream's name.
        stream: String,
        /// The field grouped by (`product`).
        group_by: String,
        /// The field summed (`quantity`), or empty to count records.
        sum_of: String,
    },
    /// The codebases badge: `2 codebases`.
    Codebases {
        /// Codebases.
        n: u32,
    },
    /// A rate on an edge: `120 rec/s`.
    PerSec {
        /// Records per second, written out.
        n: String,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Lambda vs Kappa: un mismo stream, una misma consulta",
            Text::Show => "Mostrar",
            Text::Both => "Ambas",
            Text::LambdaOnly => "Solo Lambda",
            Text::KappaOnly => "Solo Kappa",
            Text::NoPipelines => {
                "Este escenario no ejecuta pipelines: solo «e-commerce» alimenta las arquitecturas Lambda y Kappa."
            }
            Text::OpenECommerce => "Abrir el escenario e-commerce",
            Text::Producers => "productores",
            Text::BugBadge => "BUG: escribe ×2",
            Text::Product => "Producto",
            Text::AnswerCol => "Respuesta",
            Text::TruthCol => "Verdad",
            Text::Total => "Totales",
            Text::AnswerTable => "Respuesta por producto",
            // One panel alone.
            Text::TitleLambdaOnly => "Arquitectura Lambda: una capa batch y una capa speed sobre el mismo stream",
            Text::TitleKappaOnly => "Arquitectura Kappa: un único log que se reprocesa para cambiar la lógica",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Lambda vs Kappa: one stream, one query",
            Text::Show => "Show",
            Text::Both => "Both",
            Text::LambdaOnly => "Lambda only",
            Text::KappaOnly => "Kappa only",
            Text::NoPipelines => {
                "This scenario runs no pipelines: only “e-commerce” feeds the Lambda and Kappa architectures."
            }
            Text::OpenECommerce => "Open the e-commerce scenario",
            Text::Producers => "producers",
            Text::BugBadge => "BUG: writes ×2",
            Text::Product => "Product",
            Text::AnswerCol => "Answer",
            Text::TruthCol => "Truth",
            Text::Total => "Total",
            Text::AnswerTable => "Answer per product",
            // One panel alone.
            Text::TitleLambdaOnly => "Lambda architecture: a batch layer and a speed layer on one stream",
            Text::TitleKappaOnly => "Kappa architecture: one log, replayed to change the logic",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Query { stream, group_by, sum_of } => {
                if sum_of.is_empty() {
                    format!("Consulta: registros por «{group_by}» desde que empezó el stream «{FSI}{stream}{PDI}».")
                } else {
                    format!("Consulta: unidades vendidas (suma de «{sum_of}») por «{group_by}» desde que empezó el stream «{FSI}{stream}{PDI}». Las dos arquitecturas leen el mismo stream de Kinesis y se comparan con la verdad: todo lo que el stream aceptó, con el código correcto.")
                }
            }
            Msg::Codebases { n: 1 } => "1 base de código".into(),
            Msg::Codebases { n } => format!("{n} bases de código"),
            Msg::PerSec { n } => format!("{n} reg/s"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Query { stream, group_by, sum_of } => {
                if sum_of.is_empty() {
                    format!("Query: records per “{group_by}” since the stream “{FSI}{stream}{PDI}” started.")
                } else {
                    format!("Query: units sold (sum of “{sum_of}”) per “{group_by}” since the stream “{FSI}{stream}{PDI}” started. Both architectures read the same Kinesis stream and are measured against the ground truth: everything the stream accepted, folded with the correct code.")
                }
            }
            Msg::Codebases { n: 1 } => "1 codebase".into(),
            Msg::Codebases { n } => format!("{n} codebases"),
            Msg::PerSec { n } => format!("{n} rec/s"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_page_text_is_translated() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
        for lang in Lang::ALL {
            assert!(Msg::Codebases { n: 2 }.text(lang).starts_with('2'));
        }
    }
}
