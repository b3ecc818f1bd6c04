//! Text of the Lambda architecture panel (Marz) of the pipelines view: batch layer, serving
//! layer, speed layer and the query that merges them, Spanish and English.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values. Numbers and times
//! arrive already formatted (`ui::views::pipelines::numbers`), the same in both languages.

use crate::i18n::lang::{keys, Message, Phrase};

keys! {
    /// A fixed string of the Lambda panel.
    pub enum Text {
        /// Lambda architecture (Nathan Marz)
        LambdaTitle,
        /// Not the AWS Lambda service …
        NotAwsLambda,
        /// Master dataset (S3)
        MasterDataset,
        /// append-only, never edited
        AppendOnly,
        /// Batch layer
        BatchLayer,
        /// recomputes from scratch
        FromScratch,
        /// Serving layer
        ServingLayer,
        /// Speed layer
        SpeedLayer,
        /// AWS Lambda function
        AwsLambdaFunction,
        /// Realtime view
        RealtimeView,
        /// the last swap expired
        LastSwapExpired,
        /// off: Batch architecture
        SpeedOff,
        /// query = batch view + realtime view
        QueryMerge,
        /// query = batch view (no speed layer)
        QueryBatchOnly,
        /// idle
        Idle,
        /// Batch view
        BatchCol,
        /// Realtime view
        RealtimeCol,
        /// Batch horizon
        Horizon,
        /// Batch cycle
        Cycle,
        /// Last swap
        LastSwap,
        /// No swap yet: the first cycle is running.
        NoSwapYet,
        /// Inject a bug in the speed layer only …
        SpeedBugToggle,
        /// Batch-only mode …
        BatchOnlyToggle,
        /// No wrong units …
        NoWrong,
    }
}

/// A message of the Lambda panel with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The master dataset's size: `17 objects · 3.4 MB`.
    Objects {
        /// Objects, written out.
        n: String,
        /// Their size, written out.
        bytes: String,
    },
    /// Records and minutes: `3 080 records · 3 min`.
    RecordsMinutes {
        /// Records, written out.
        records: String,
        /// Minutes.
        minutes: u64,
    },
    /// The running batch cycle in the diagram: `cycle v17 · 19 099 facts`.
    CycleShort {
        /// The view version it will produce.
        version: u64,
        /// Facts it recomputes, written out.
        facts: String,
    },
    /// What a cycle absorbs: `absorbs up to 00:16:30`.
    Absorbs {
        /// Its horizon, written out.
        at: String,
    },
    /// The batch view's horizon: `absorbed up to 00:15:30`.
    Absorbed {
        /// Its horizon, written out.
        at: String,
    },
    /// The batch view in the serving layer: `batch view v16`.
    BatchView {
        /// Its version.
        version: u64,
    },
    /// When the view was swapped in: `atomic swap 00:16:29`.
    Swapped {
        /// When, written out.
        at: String,
    },
    /// The realtime view's window: `covers (00:15:30, now]`.
    Covers {
        /// Where it starts, written out.
        at: String,
    },
    /// What the last swap expired from the realtime view: `−1 min · −17 899 rec` (under
    /// [`Text::LastSwapExpired`]).
    ExpiredShort {
        /// Minutes expired.
        minutes: u64,
        /// Records expired, written out.
        records: String,
    },
    /// The speed layer's lag: `lag 0 ms`.
    Lag {
        /// The lag, written out.
        delay: String,
    },
    /// The merge in the query box: `39 100 + 3 080 = 42 180 units`.
    MergeLine {
        /// The batch view's part, written out.
        batch: String,
        /// The realtime view's part, written out.
        realtime: String,
        /// Their sum, written out.
        answer: String,
    },
    /// The ground truth in a diagram: `truth 42 190`.
    TruthShort {
        /// The ground truth, written out.
        truth: String,
    },
    /// The running cycle, in full.
    CycleLine {
        /// The view version it will produce.
        version: u64,
        /// When it started, written out.
        started: String,
        /// When it ends, written out.
        ends: String,
        /// Its horizon, written out.
        horizon: String,
        /// Facts it recomputes, written out.
        facts: String,
    },
    /// Batch-only mode waiting for its slot.
    NextCycleLine {
        /// When the next cycle starts, written out.
        at: String,
    },
    /// The last swap, in full.
    SwapLine {
        /// The view version swapped in.
        version: u64,
        /// When, written out.
        at: String,
        /// Minutes the realtime view dropped.
        minutes: u64,
        /// Records the realtime view dropped, written out.
        records: String,
    },
    /// Units wrong because of the speed layer's bug.
    WrongLine {
        /// Units wrong, written out.
        units: String,
    },
    /// The Lambda diagram's text alternative.
    LambdaAlt {
        /// The batch view's version.
        version: u64,
        /// The answer, written out.
        answer: String,
        /// The ground truth, written out.
        truth: String,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::LambdaTitle => "Arquitectura Lambda (Nathan Marz)",
            Text::NotAwsLambda => "Es la arquitectura de Marz, no el servicio AWS Lambda; aquí su speed layer (capa de velocidad) se ejecuta, eso sí, como una función de AWS Lambda («speed-layer»).",
            Text::MasterDataset => "Dataset maestro (S3)",
            Text::AppendOnly => "solo se añade, nunca se edita",
            Text::BatchLayer => "Capa batch",
            Text::FromScratch => "recalcula desde cero",
            Text::ServingLayer => "Capa de servicio",
            Text::SpeedLayer => "Capa de velocidad",
            Text::AwsLambdaFunction => "función AWS Lambda",
            Text::RealtimeView => "Vista en tiempo real",
            Text::LastSwapExpired => "el último cambio expiró",
            Text::SpeedOff => "apagada: arquitectura Batch",
            Text::QueryMerge => "consulta = vista batch + vista en tiempo real",
            Text::QueryBatchOnly => "consulta = vista batch (sin speed layer)",
            Text::Idle => "en espera",
            Text::BatchCol => "Vista batch",
            Text::RealtimeCol => "Tiempo real",
            Text::Horizon => "Horizonte batch",
            Text::Cycle => "Ciclo batch",
            Text::LastSwap => "Último cambio de vista",
            Text::NoSwapYet => "Aún ningún cambio: el primer ciclo está en marcha.",
            Text::SpeedBugToggle => "Inyectar un bug solo en el código de la speed layer (escribe cada resultado dos veces)",
            Text::BatchOnlyToggle => "Modo solo batch: la arquitectura Batch del curso (un ciclo cada hora, sin speed layer, horas de latencia)",
            Text::NoWrong => "Ninguna unidad errónea por el código: lo que falta son solo registros aún en vuelo.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::LambdaTitle => "Lambda architecture (Nathan Marz)",
            Text::NotAwsLambda => "Marz's architecture, not the AWS Lambda service, although its speed layer does run here as an AWS Lambda function (“speed-layer”).",
            Text::MasterDataset => "Master dataset (S3)",
            Text::AppendOnly => "append-only, never edited",
            Text::BatchLayer => "Batch layer",
            Text::FromScratch => "recomputes from scratch",
            Text::ServingLayer => "Serving layer",
            Text::SpeedLayer => "Speed layer",
            Text::AwsLambdaFunction => "AWS Lambda function",
            Text::RealtimeView => "Realtime view",
            Text::LastSwapExpired => "the last swap expired",
            Text::SpeedOff => "off: Batch architecture",
            Text::QueryMerge => "query = batch view + realtime view",
            Text::QueryBatchOnly => "query = batch view (no speed layer)",
            Text::Idle => "idle",
            Text::BatchCol => "Batch view",
            Text::RealtimeCol => "Realtime",
            Text::Horizon => "Batch horizon",
            Text::Cycle => "Batch cycle",
            Text::LastSwap => "Last view swap",
            Text::NoSwapYet => "No swap yet: the first cycle is running.",
            Text::SpeedBugToggle => "Inject a bug in the speed layer's code only (it writes every result twice)",
            Text::BatchOnlyToggle => "Batch-only mode: the course's Batch architecture (a cycle every hour, no speed layer, hours of latency)",
            Text::NoWrong => "No unit is wrong because of code: what is missing are records still in flight.",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Objects { n, bytes } => format!("{n} objetos · {bytes}"),
            Msg::RecordsMinutes { records, minutes } => format!("{records} registros · {minutes} min"),
            Msg::CycleShort { version, facts } => format!("ciclo v{version} · {facts} hechos"),
            Msg::Absorbs { at } => format!("absorbe hasta {at}"),
            Msg::Absorbed { at } => format!("absorbido hasta {at}"),
            Msg::BatchView { version } => format!("vista batch v{version}"),
            Msg::Swapped { at } => format!("cambio atómico {at}"),
            Msg::Covers { at } => format!("cubre ({at}, ahora]"),
            Msg::ExpiredShort { minutes, records } => format!("−{minutes} min · −{records} reg"),
            Msg::Lag { delay } => format!("retraso {delay}"),
            Msg::MergeLine { batch, realtime, answer } => format!("{batch} + {realtime} = {answer} unidades"),
            Msg::TruthShort { truth } => format!("verdad {truth}"),
            Msg::CycleLine { version, started, ends, horizon, facts } => format!("v{version} de {started} a {ends}: recalcula desde cero {facts} hechos del dataset maestro, los llegados antes de {horizon}."),
            Msg::NextCycleLine { at } => format!("El próximo ciclo empieza a las {at} (uno por hora)."),
            Msg::SwapLine { version, at, minutes, records } => format!("v{version} a las {at}: la vista en tiempo real descartó {minutes} min ({records} registros) que la vista nueva ya absorbía."),
            Msg::WrongLine { units } => format!("Unidades erróneas por el bug: {units}. El siguiente ciclo batch recalcula desde el dataset maestro los minutos que absorbe y las corrige (exactitud eventual)."),
            Msg::LambdaAlt { version, answer, truth } => format!("Diagrama Lambda: productores → stream → dataset maestro y speed layer; capa batch → vista batch v{version}; la consulta suma la vista batch y la vista en tiempo real: {answer} unidades (verdad {truth})."),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Objects { n, bytes } => format!("{n} objects · {bytes}"),
            Msg::RecordsMinutes { records, minutes } => format!("{records} records · {minutes} min"),
            Msg::CycleShort { version, facts } => format!("cycle v{version} · {facts} facts"),
            Msg::Absorbs { at } => format!("absorbs up to {at}"),
            Msg::Absorbed { at } => format!("absorbed up to {at}"),
            Msg::BatchView { version } => format!("batch view v{version}"),
            Msg::Swapped { at } => format!("atomic swap {at}"),
            Msg::Covers { at } => format!("covers ({at}, now]"),
            Msg::ExpiredShort { minutes, records } => format!("−{minutes} min · −{records} rec"),
            Msg::Lag { delay } => format!("lag {delay}"),
            Msg::MergeLine { batch, realtime, answer } => format!("{batch} + {realtime} = {answer} units"),
            Msg::TruthShort { truth } => format!("truth {truth}"),
            Msg::CycleLine { version, started, ends, horizon, facts } => format!("v{version} from {started} to {ends}: recomputes from scratch {facts} facts of the master dataset, those that arrived before {horizon}."),
            Msg::NextCycleLine { at } => format!("The next cycle starts at {at} (one per hour)."),
            Msg::SwapLine { version, at, minutes, records } => format!("v{version} at {at}: the realtime view dropped {minutes} min ({records} records) the new view had absorbed."),
            Msg::WrongLine { units } => format!("Units wrong because of the bug: {units}. The next batch cycle recomputes the minutes it absorbs from the master dataset and corrects them (eventual accuracy)."),
            Msg::LambdaAlt { version, answer, truth } => format!("Lambda diagram: producers → stream → master dataset and speed layer; batch layer → batch view v{version}; the query adds the batch view and the realtime view: {answer} units (truth {truth})."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_lambda_text_is_translated() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
    }
}
