//! Text of the pipelines view's comparison: the facts measured side by side and the course's
//! static table, Spanish and English.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values.

use crate::i18n::lang::{keys, Message, Phrase};

keys! {
    /// A fixed string of the comparison tables.
    pub enum Text {
        /// Measured side by side
        FactsTitle,
        /// Facts help.
        FactsHelp,
        /// Measure
        Measure,
        /// Freshness
        Freshness,
        /// Correctness against the ground truth
        Correctness,
        /// Code paths implementing the query
        CodePaths,
        /// Storage besides the stream
        Storage,
        /// Reprocessing after a logic change
        Reprocessing,
        /// no replay yet: deploy a new version
        NoReplay,
        /// no cycle finished yet
        NoCycle,
        /// The course's comparison (static, for contrast)
        CourseTitle,
        /// Characteristic
        Characteristic,
        /// Processing
        Processing,
        /// Batch + Streaming
        LambdaProcessing,
        /// Streaming only
        KappaProcessing,
        /// Complexity
        Complexity,
        /// High (two pipelines)
        LambdaComplexity,
        /// Low (a single pipeline)
        KappaComplexity,
        /// Latency
        Latency,
        /// Low, but with batch
        LambdaLatency,
        /// Minimal
        KappaLatency,
        /// Common use
        CommonUse,
        /// Big Data, IoT
        LambdaUse,
        /// IoT, ML, finance
        KappaUse,
    }
}

/// A message of the comparison with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Lambda's correctness cell: `99.98 % (12 units off; 0 from wrong code)`.
    Correctness {
        /// Share correct, written out.
        pct: String,
        /// Units off, written out.
        error: String,
        /// Units off because of wrong code, written out.
        wrong: String,
    },
    /// Lambda's reprocessing cell.
    BatchReprocess {
        /// The last cycle's duration, written out.
        duration: String,
    },
    /// Kappa's reprocessing cell.
    ReplayReprocess {
        /// The last replay's time to catch up, written out.
        duration: String,
    },
    /// Code paths cell: `2 (batch + speed)`.
    CodePaths {
        /// Code paths.
        n: u32,
        /// Lambda's cell (else Kappa's).
        lambda: bool,
    },
    /// The storage cells: `313 MB (master dataset and views)`.
    StorageCell {
        /// Bytes, written out.
        bytes: String,
        /// Lambda's cell (else Kappa's).
        lambda: bool,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::FactsTitle => "Medido lado a lado",
            Text::FactsHelp => {
                "Valores medidos ahora en la simulación: el mismo stream alimenta las dos arquitecturas."
            }
            Text::Measure => "Medida",
            Text::Freshness => "Frescura (edad del registro más antiguo que falta en la respuesta)",
            Text::Correctness => "Exactitud frente a la verdad",
            Text::CodePaths => "Caminos de código que implementan la consulta",
            Text::Storage => "Almacenamiento aparte del stream",
            Text::Reprocessing => "Reprocesar todo tras un cambio de lógica",
            Text::NoReplay => "aún sin reproceso: despliega una versión nueva",
            Text::NoCycle => "aún no ha terminado ningún ciclo",
            Text::CourseTitle => "La comparación del curso (estática, para contrastar)",
            Text::Characteristic => "Característica",
            Text::Processing => "Procesamiento",
            Text::LambdaProcessing => "Batch + Streaming",
            Text::KappaProcessing => "Solo Streaming",
            Text::Complexity => "Complejidad",
            Text::LambdaComplexity => "Alta (doble pipeline)",
            Text::KappaComplexity => "Baja (un solo pipeline)",
            Text::Latency => "Latencia",
            Text::LambdaLatency => "Baja, pero con batch",
            Text::KappaLatency => "Mínima",
            Text::CommonUse => "Uso común",
            Text::LambdaUse => "Big Data, IoT",
            Text::KappaUse => "IoT, ML, Finanzas",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::FactsTitle => "Measured side by side",
            Text::FactsHelp => "Values measured now in the simulation: the same stream feeds both architectures.",
            Text::Measure => "Measure",
            Text::Freshness => "Freshness (age of the oldest record missing from the answer)",
            Text::Correctness => "Correctness against the ground truth",
            Text::CodePaths => "Code paths implementing the query",
            Text::Storage => "Storage besides the stream",
            Text::Reprocessing => "Reprocessing everything after a logic change",
            Text::NoReplay => "no replay yet: deploy a new version",
            Text::NoCycle => "no cycle has finished yet",
            Text::CourseTitle => "The course's comparison (static, for contrast)",
            Text::Characteristic => "Characteristic",
            Text::Processing => "Processing",
            Text::LambdaProcessing => "Batch + streaming",
            Text::KappaProcessing => "Streaming only",
            Text::Complexity => "Complexity",
            Text::LambdaComplexity => "High (two pipelines)",
            Text::KappaComplexity => "Low (a single pipeline)",
            Text::Latency => "Latency",
            Text::LambdaLatency => "Low, but with batch",
            Text::KappaLatency => "Minimal",
            Text::CommonUse => "Common use",
            Text::LambdaUse => "Big data, IoT",
            Text::KappaUse => "IoT, ML, finance",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Correctness { pct, error, wrong } => {
                format!("{pct} ({error} unidades de diferencia; {wrong} por código erróneo)")
            }
            Msg::BatchReprocess { duration } => format!("{duration}: un ciclo batch completo (el último)"),
            Msg::ReplayReprocess { duration } => {
                format!("{duration}: lo que tardó el último reproceso en ponerse al día")
            }
            Msg::CodePaths { n: 2, lambda: true } => "2 (batch + speed)".into(),
            Msg::CodePaths { n, lambda: true } => format!("{n} (solo batch)"),
            Msg::CodePaths { n, lambda: false } => format!("{n} (el job de streaming)"),
            Msg::StorageCell { bytes, lambda: true } => format!("{bytes} (dataset maestro y vistas)"),
            Msg::StorageCell { bytes, lambda: false } => format!("{bytes} (tablas de salida)"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Correctness { pct, error, wrong } => format!("{pct} ({error} units off; {wrong} from wrong code)"),
            Msg::BatchReprocess { duration } => format!("{duration}: one full batch cycle (the last one)"),
            Msg::ReplayReprocess { duration } => format!("{duration}: the last replay's time to catch up"),
            Msg::CodePaths { n: 2, lambda: true } => "2 (batch + speed)".into(),
            Msg::CodePaths { n, lambda: true } => format!("{n} (batch only)"),
            Msg::CodePaths { n, lambda: false } => format!("{n} (the stream job)"),
            Msg::StorageCell { bytes, lambda: true } => format!("{bytes} (master dataset and views)"),
            Msg::StorageCell { bytes, lambda: false } => format!("{bytes} (output tables)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_comparison_text_is_translated() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
    }
}
