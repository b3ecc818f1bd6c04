//! Text of the pipelines view (`#/pipelines`: Lambda vs Kappa), Spanish and English, one
//! exhaustive match each. Messages with values are functions below the enum. Numbers and times
//! arrive already formatted (`ui::views::pipelines::model`), the same in both languages.

use super::Lang;
use crate::world::error::Refusal;

/// A fixed string of the pipelines view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PipelinesText {
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
    /// Retention hint: how to see what a replay cannot reprocess.
    RetentionHint,
    /// Lambda architecture (Nathan Marz)
    LambdaTitle,
    /// Not the AWS Lambda service …
    NotAwsLambda,
    /// Kappa architecture (Jay Kreps)
    KappaTitle,
    /// One retained log, one stream job …
    KappaHelp,
    /// producers
    Producers,
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
    /// BUG: writes ×2
    BugBadge,
    /// idle
    Idle,
    /// Product
    Product,
    /// Batch view
    BatchCol,
    /// Realtime view
    RealtimeCol,
    /// Answer
    AnswerCol,
    /// Ground truth
    TruthCol,
    /// Total
    Total,
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
    /// now
    Now,
    /// not deployed yet
    NotDeployed,
    /// application
    App,
    /// deleted
    Deleted,
    /// stopped
    Stopped,
    /// caught up
    CaughtUp,
    /// replaying
    Replaying,
    /// Parallelism (1–64)
    Parallelism,
    /// Enhanced fan-out toggle label.
    EfoToggle,
    /// Steps
    Steps,
    /// Why Deploy is disabled.
    DeployWhy,
    /// Why Switch is disabled.
    SwitchWhy,
    /// Why Revert is disabled.
    RevertWhy,
    /// Why Stop is disabled.
    StopWhy,
    /// Why Delete is disabled.
    DeleteWhy,
    /// Jobs
    Jobs,
    /// Job
    JobCol,
    /// Reads with
    ReadsWith,
    /// shared (polling)
    Shared,
    /// Status
    StatusCol,
    /// Progress
    ProgressCol,
    /// GetRecords calls (throttled)
    CallsCol,
    /// Answer per product
    AnswerTable,
    /// Output storage
    StorageTitle,
    /// About 2× while both tables exist …
    StorageNote,
    /// Throttled reads explanation.
    ThrottleNote,
    /// Records the replay never saw
    MissedTitle,
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
    /// Refusal: the scenario runs no pipelines.
    RefusePipelinesOff,
    /// Refusal: v2 has not caught up.
    RefuseNotCaughtUp,
    /// Refusal: two jobs already run.
    RefuseAlreadyReprocessing,
    /// Refusal: parallelism out of range.
    RefuseInvalidParallelism,
    /// Refusal: nothing to revert to.
    RefuseCannotRevert,
    /// Refusal: the old job still serves.
    RefuseStillServing,
    /// Refusal: the old job still runs.
    RefuseJobRunning,
    /// Refusal: no running job writes the served table.
    RefuseNoRunningJob,
    /// Refused
    Refused,
    /// Done
    Done,
}

impl PipelinesText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [PipelinesText] = &[
        PipelinesText::Title,
        PipelinesText::Show,
        PipelinesText::Both,
        PipelinesText::LambdaOnly,
        PipelinesText::KappaOnly,
        PipelinesText::NoPipelines,
        PipelinesText::OpenECommerce,
        PipelinesText::RetentionHint,
        PipelinesText::LambdaTitle,
        PipelinesText::NotAwsLambda,
        PipelinesText::KappaTitle,
        PipelinesText::KappaHelp,
        PipelinesText::Producers,
        PipelinesText::MasterDataset,
        PipelinesText::AppendOnly,
        PipelinesText::BatchLayer,
        PipelinesText::FromScratch,
        PipelinesText::ServingLayer,
        PipelinesText::SpeedLayer,
        PipelinesText::AwsLambdaFunction,
        PipelinesText::RealtimeView,
        PipelinesText::LastSwapExpired,
        PipelinesText::SpeedOff,
        PipelinesText::QueryMerge,
        PipelinesText::QueryBatchOnly,
        PipelinesText::BugBadge,
        PipelinesText::Idle,
        PipelinesText::Product,
        PipelinesText::BatchCol,
        PipelinesText::RealtimeCol,
        PipelinesText::AnswerCol,
        PipelinesText::TruthCol,
        PipelinesText::Total,
        PipelinesText::Horizon,
        PipelinesText::Cycle,
        PipelinesText::LastSwap,
        PipelinesText::NoSwapYet,
        PipelinesText::SpeedBugToggle,
        PipelinesText::BatchOnlyToggle,
        PipelinesText::NoWrong,
        PipelinesText::Now,
        PipelinesText::NotDeployed,
        PipelinesText::App,
        PipelinesText::Deleted,
        PipelinesText::Stopped,
        PipelinesText::CaughtUp,
        PipelinesText::Replaying,
        PipelinesText::Parallelism,
        PipelinesText::EfoToggle,
        PipelinesText::Steps,
        PipelinesText::DeployWhy,
        PipelinesText::SwitchWhy,
        PipelinesText::RevertWhy,
        PipelinesText::StopWhy,
        PipelinesText::DeleteWhy,
        PipelinesText::Jobs,
        PipelinesText::JobCol,
        PipelinesText::ReadsWith,
        PipelinesText::Shared,
        PipelinesText::StatusCol,
        PipelinesText::ProgressCol,
        PipelinesText::CallsCol,
        PipelinesText::AnswerTable,
        PipelinesText::StorageTitle,
        PipelinesText::StorageNote,
        PipelinesText::ThrottleNote,
        PipelinesText::MissedTitle,
        PipelinesText::FactsTitle,
        PipelinesText::FactsHelp,
        PipelinesText::Measure,
        PipelinesText::Freshness,
        PipelinesText::Correctness,
        PipelinesText::CodePaths,
        PipelinesText::Storage,
        PipelinesText::Reprocessing,
        PipelinesText::NoReplay,
        PipelinesText::NoCycle,
        PipelinesText::CourseTitle,
        PipelinesText::Characteristic,
        PipelinesText::Processing,
        PipelinesText::LambdaProcessing,
        PipelinesText::KappaProcessing,
        PipelinesText::Complexity,
        PipelinesText::LambdaComplexity,
        PipelinesText::KappaComplexity,
        PipelinesText::Latency,
        PipelinesText::LambdaLatency,
        PipelinesText::KappaLatency,
        PipelinesText::CommonUse,
        PipelinesText::LambdaUse,
        PipelinesText::KappaUse,
        PipelinesText::RefusePipelinesOff,
        PipelinesText::RefuseNotCaughtUp,
        PipelinesText::RefuseAlreadyReprocessing,
        PipelinesText::RefuseInvalidParallelism,
        PipelinesText::RefuseCannotRevert,
        PipelinesText::RefuseStillServing,
        PipelinesText::RefuseJobRunning,
        PipelinesText::RefuseNoRunningJob,
        PipelinesText::Refused,
        PipelinesText::Done,
    ];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }

    /// The explanation of a refused step.
    pub fn refusal(r: Refusal) -> PipelinesText {
        match r {
            Refusal::PipelinesOff => PipelinesText::RefusePipelinesOff,
            Refusal::NotCaughtUp => PipelinesText::RefuseNotCaughtUp,
            Refusal::AlreadyReprocessing => PipelinesText::RefuseAlreadyReprocessing,
            Refusal::InvalidParallelism => PipelinesText::RefuseInvalidParallelism,
            Refusal::CannotRevert => PipelinesText::RefuseCannotRevert,
            Refusal::StillServing => PipelinesText::RefuseStillServing,
            Refusal::JobRunning => PipelinesText::RefuseJobRunning,
            Refusal::NoRunningJob => PipelinesText::RefuseNoRunningJob,
        }
    }
}

fn es(t: PipelinesText) -> &'static str {
    use PipelinesText as P;
    match t {
        P::Title => "Lambda vs Kappa: un mismo stream, una misma consulta",
        P::Show => "Mostrar",
        P::Both => "Ambas",
        P::LambdaOnly => "Solo Lambda",
        P::KappaOnly => "Solo Kappa",
        P::NoPipelines => "Este escenario no ejecuta pipelines: solo «e-commerce» alimenta las arquitecturas Lambda y Kappa.",
        P::OpenECommerce => "Abrir el escenario e-commerce",
        P::RetentionHint => "Para ver lo que un reproceso no puede recuperar, deja correr la simulación más allá de la retención de 24 h (a 3600×, unos 30 s) y despliega una versión nueva.",
        P::LambdaTitle => "Arquitectura Lambda (Nathan Marz)",
        P::NotAwsLambda => "Es la arquitectura de Marz, no el servicio AWS Lambda; aquí su speed layer (capa de velocidad) se ejecuta, eso sí, como una función de AWS Lambda («speed-layer»).",
        P::KappaTitle => "Arquitectura Kappa (Jay Kreps)",
        P::KappaHelp => "Un solo log retenido y un solo job de streaming. Cambiar la lógica = lanzar un segundo job que relee desde TRIM_HORIZON hacia una tabla nueva; la app cambia de tabla cuando el job nuevo se ha puesto al día.",
        P::Producers => "productores",
        P::MasterDataset => "Dataset maestro (S3)",
        P::AppendOnly => "solo se añade, nunca se edita",
        P::BatchLayer => "Capa batch",
        P::FromScratch => "recalcula desde cero",
        P::ServingLayer => "Capa de servicio",
        P::SpeedLayer => "Capa de velocidad",
        P::AwsLambdaFunction => "función AWS Lambda",
        P::RealtimeView => "Vista en tiempo real",
        P::LastSwapExpired => "el último cambio expiró",
        P::SpeedOff => "apagada: arquitectura Batch",
        P::QueryMerge => "consulta = vista batch + vista en tiempo real",
        P::QueryBatchOnly => "consulta = vista batch (sin speed layer)",
        P::BugBadge => "BUG: escribe ×2",
        P::Idle => "en espera",
        P::Product => "Producto",
        P::BatchCol => "Vista batch",
        P::RealtimeCol => "Tiempo real",
        P::AnswerCol => "Respuesta",
        P::TruthCol => "Verdad",
        P::Total => "Totales",
        P::Horizon => "Horizonte batch",
        P::Cycle => "Ciclo batch",
        P::LastSwap => "Último cambio de vista",
        P::NoSwapYet => "Aún ningún cambio: el primer ciclo está en marcha.",
        P::SpeedBugToggle => "Inyectar un bug solo en el código de la speed layer (escribe cada resultado dos veces)",
        P::BatchOnlyToggle => "Modo solo batch: la arquitectura Batch del curso (un ciclo cada hora, sin speed layer, horas de latencia)",
        P::NoWrong => "Ninguna unidad errónea por el código: lo que falta son solo registros aún en vuelo.",
        P::Now => "ahora",
        P::NotDeployed => "aún sin desplegar",
        P::App => "aplicación",
        P::Deleted => "borrada",
        P::Stopped => "detenido",
        P::CaughtUp => "al día",
        P::Replaying => "reprocesando",
        P::Parallelism => "Paralelismo (1–64)",
        P::EfoToggle => "Enhanced fan-out: 2 MiB/s dedicados por shard en vez de compartir 2 MiB/s y 5 GetRecords/s",
        P::Steps => "Pasos del cambio de versión",
        P::DeployWhy => "ya hay dos jobs en marcha: cambia la app y detén el antiguo primero",
        P::SwitchWhy => "se permite cuando el job nuevo se ha puesto al día",
        P::RevertWhy => "se permite tras cambiar, mientras el job antiguo siga en marcha",
        P::StopWhy => "cambia primero la app a la tabla nueva",
        P::DeleteWhy => "detén primero el job antiguo",
        P::Jobs => "Jobs",
        P::JobCol => "Job",
        P::ReadsWith => "Lectura",
        P::Shared => "compartida (polling)",
        P::StatusCol => "Estado",
        P::ProgressCol => "Progreso",
        P::CallsCol => "llamadas (throttled)",
        P::AnswerTable => "Respuesta por producto",
        P::StorageTitle => "Almacenamiento de salida",
        P::StorageNote => "Unas 2× mientras existen las dos tablas (Kreps): el precio de poder volver atrás al instante.",
        P::ThrottleNote => "Las lecturas throttled (rechazadas por límite) se deben a que el reproceso comparte con v1, el archivador y la speed layer los 2 MiB/s y 5 GetRecords/s de cada shard; con enhanced fan-out tiene los suyos.",
        P::MissedTitle => "Registros que el reproceso nunca vio",
        P::FactsTitle => "Medido lado a lado",
        P::FactsHelp => "Valores medidos ahora en la simulación: el mismo stream alimenta las dos arquitecturas.",
        P::Measure => "Medida",
        P::Freshness => "Frescura (edad del registro más antiguo que falta en la respuesta)",
        P::Correctness => "Exactitud frente a la verdad",
        P::CodePaths => "Caminos de código que implementan la consulta",
        P::Storage => "Almacenamiento aparte del stream",
        P::Reprocessing => "Reprocesar todo tras un cambio de lógica",
        P::NoReplay => "aún sin reproceso: despliega una versión nueva",
        P::NoCycle => "aún no ha terminado ningún ciclo",
        P::CourseTitle => "La comparación del curso (estática, para contrastar)",
        P::Characteristic => "Característica",
        P::Processing => "Procesamiento",
        P::LambdaProcessing => "Batch + Streaming",
        P::KappaProcessing => "Solo Streaming",
        P::Complexity => "Complejidad",
        P::LambdaComplexity => "Alta (doble pipeline)",
        P::KappaComplexity => "Baja (un solo pipeline)",
        P::Latency => "Latencia",
        P::LambdaLatency => "Baja, pero con batch",
        P::KappaLatency => "Mínima",
        P::CommonUse => "Uso común",
        P::LambdaUse => "Big Data, IoT",
        P::KappaUse => "IoT, ML, Finanzas",
        P::RefusePipelinesOff => "Este escenario no ejecuta pipelines.",
        P::RefuseNotCaughtUp => "El job nuevo aún no se ha puesto al día: cambiar ahora daría a la app una tabla incompleta.",
        P::RefuseAlreadyReprocessing => "Ya hay dos jobs en marcha: cambia la app al nuevo y detén el antiguo antes de desplegar otro.",
        P::RefuseInvalidParallelism => "El paralelismo debe estar entre 1 y 64.",
        P::RefuseCannotRevert => "No hay ningún job antiguo en marcha al que volver.",
        P::RefuseStillServing => "La app aún lee la tabla del job antiguo: cambia a la tabla nueva antes de detenerlo.",
        P::RefuseJobRunning => "El job antiguo sigue en marcha: detenlo antes de borrar su tabla.",
        P::RefuseNoRunningJob => "La app lee una tabla que ningún job en marcha escribe.",
        P::Refused => "Rechazado",
        P::Done => "Hecho",
    }
}

fn en(t: PipelinesText) -> &'static str {
    use PipelinesText as P;
    match t {
        P::Title => "Lambda vs Kappa: one stream, one query",
        P::Show => "Show",
        P::Both => "Both",
        P::LambdaOnly => "Lambda only",
        P::KappaOnly => "Kappa only",
        P::NoPipelines => "This scenario runs no pipelines: only “e-commerce” feeds the Lambda and Kappa architectures.",
        P::OpenECommerce => "Open the e-commerce scenario",
        P::RetentionHint => "To see what a replay cannot recover, let the simulation run past the 24 h retention (at 3600×, about 30 s) and deploy a new version.",
        P::LambdaTitle => "Lambda architecture (Nathan Marz)",
        P::NotAwsLambda => "Marz's architecture, not the AWS Lambda service, although its speed layer does run here as an AWS Lambda function (“speed-layer”).",
        P::KappaTitle => "Kappa architecture (Jay Kreps)",
        P::KappaHelp => "One retained log and one stream job. New logic = a second job that rereads from TRIM_HORIZON into a new table; the app switches tables once the new job has caught up.",
        P::Producers => "producers",
        P::MasterDataset => "Master dataset (S3)",
        P::AppendOnly => "append-only, never edited",
        P::BatchLayer => "Batch layer",
        P::FromScratch => "recomputes from scratch",
        P::ServingLayer => "Serving layer",
        P::SpeedLayer => "Speed layer",
        P::AwsLambdaFunction => "AWS Lambda function",
        P::RealtimeView => "Realtime view",
        P::LastSwapExpired => "the last swap expired",
        P::SpeedOff => "off: Batch architecture",
        P::QueryMerge => "query = batch view + realtime view",
        P::QueryBatchOnly => "query = batch view (no speed layer)",
        P::BugBadge => "BUG: writes ×2",
        P::Idle => "idle",
        P::Product => "Product",
        P::BatchCol => "Batch view",
        P::RealtimeCol => "Realtime",
        P::AnswerCol => "Answer",
        P::TruthCol => "Truth",
        P::Total => "Total",
        P::Horizon => "Batch horizon",
        P::Cycle => "Batch cycle",
        P::LastSwap => "Last view swap",
        P::NoSwapYet => "No swap yet: the first cycle is running.",
        P::SpeedBugToggle => "Inject a bug in the speed layer's code only (it writes every result twice)",
        P::BatchOnlyToggle => "Batch-only mode: the course's Batch architecture (a cycle every hour, no speed layer, hours of latency)",
        P::NoWrong => "No unit is wrong because of code: what is missing are records still in flight.",
        P::Now => "now",
        P::NotDeployed => "not deployed yet",
        P::App => "application",
        P::Deleted => "deleted",
        P::Stopped => "stopped",
        P::CaughtUp => "caught up",
        P::Replaying => "replaying",
        P::Parallelism => "Parallelism (1–64)",
        P::EfoToggle => "Enhanced fan-out: a dedicated 2 MiB/s per shard instead of sharing 2 MiB/s and 5 GetRecords/s",
        P::Steps => "Version change steps",
        P::DeployWhy => "two jobs are running already: switch the app and stop the old one first",
        P::SwitchWhy => "allowed once the new job has caught up",
        P::RevertWhy => "allowed after a switch, while the old job still runs",
        P::StopWhy => "switch the app to the new table first",
        P::DeleteWhy => "stop the old job first",
        P::Jobs => "Stream jobs",
        P::JobCol => "Stream job",
        P::ReadsWith => "Reads with",
        P::Shared => "shared (polling)",
        P::StatusCol => "Status",
        P::ProgressCol => "Progress",
        P::CallsCol => "calls (throttled)",
        P::AnswerTable => "Answer per product",
        P::StorageTitle => "Output storage",
        P::StorageNote => "About 2× while both tables exist (Kreps): the price of an instant revert.",
        P::ThrottleNote => "Throttled reads happen because the replay shares each shard's 2 MiB/s and 5 GetRecords/s with v1, the archiver and the speed layer; with enhanced fan-out it has its own.",
        P::MissedTitle => "Records the replay never saw",
        P::FactsTitle => "Measured side by side",
        P::FactsHelp => "Values measured now in the simulation: the same stream feeds both architectures.",
        P::Measure => "Measure",
        P::Freshness => "Freshness (age of the oldest record missing from the answer)",
        P::Correctness => "Correctness against the ground truth",
        P::CodePaths => "Code paths implementing the query",
        P::Storage => "Storage besides the stream",
        P::Reprocessing => "Reprocessing everything after a logic change",
        P::NoReplay => "no replay yet: deploy a new version",
        P::NoCycle => "no cycle has finished yet",
        P::CourseTitle => "The course's comparison (static, for contrast)",
        P::Characteristic => "Characteristic",
        P::Processing => "Processing",
        P::LambdaProcessing => "Batch + streaming",
        P::KappaProcessing => "Streaming only",
        P::Complexity => "Complexity",
        P::LambdaComplexity => "High (two pipelines)",
        P::KappaComplexity => "Low (a single pipeline)",
        P::Latency => "Latency",
        P::LambdaLatency => "Low, but with batch",
        P::KappaLatency => "Minimal",
        P::CommonUse => "Common use",
        P::LambdaUse => "Big data, IoT",
        P::KappaUse => "IoT, ML, finance",
        P::RefusePipelinesOff => "This scenario runs no pipelines.",
        P::RefuseNotCaughtUp => "The new job has not caught up yet: switching now would give the app an incomplete table.",
        P::RefuseAlreadyReprocessing => "Two jobs are running already: switch the app to the new one and stop the old one before deploying another.",
        P::RefuseInvalidParallelism => "Parallelism must be between 1 and 64.",
        P::RefuseCannotRevert => "No older job is running to go back to.",
        P::RefuseStillServing => "The app still reads the old job's table: switch to the new table before stopping it.",
        P::RefuseJobRunning => "The old job is still running: stop it before deleting its table.",
        P::RefuseNoRunningJob => "The app reads a table no running job writes.",
        P::Refused => "Refused",
        P::Done => "Done",
    }
}

/// The query both panels answer.
pub fn query_line(lang: Lang, stream: &str, group_by: &str, sum_of: &str) -> String {
    match (lang, sum_of.is_empty()) {
        (Lang::Es, false) => format!("Consulta: unidades vendidas (suma de «{sum_of}») por «{group_by}» desde que empezó el stream «{stream}». Las dos arquitecturas leen el mismo stream de Kinesis y se comparan con la verdad: todo lo que el stream aceptó, con el código correcto."),
        (Lang::Es, true) => format!("Consulta: registros por «{group_by}» desde que empezó el stream «{stream}»."),
        (Lang::En, false) => format!("Query: units sold (sum of “{sum_of}”) per “{group_by}” since the stream “{stream}” started. Both architectures read the same Kinesis stream and are measured against the ground truth: everything the stream accepted, folded with the correct code."),
        (Lang::En, true) => format!("Query: records per “{group_by}” since the stream “{stream}” started."),
    }
}

/// The codebases badge: `2 codebases`.
pub fn codebases(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Es, 1) => "1 base de código".into(),
        (Lang::Es, n) => format!("{n} bases de código"),
        (Lang::En, 1) => "1 codebase".into(),
        (Lang::En, n) => format!("{n} codebases"),
    }
}

/// `{n}/s` on an edge.
pub fn per_sec(lang: Lang, n: &str) -> String {
    match lang {
        Lang::Es => format!("{n} reg/s"),
        Lang::En => format!("{n} rec/s"),
    }
}

/// The master dataset's size: `17 objects · 3.4 MB`.
pub fn objects(lang: Lang, n: &str, bytes: &str) -> String {
    match lang {
        Lang::Es => format!("{n} objetos · {bytes}"),
        Lang::En => format!("{n} objects · {bytes}"),
    }
}

/// Records and minutes: `3 080 records · 3 min`.
pub fn records_minutes(lang: Lang, records: &str, minutes: u64) -> String {
    match lang {
        Lang::Es => format!("{records} registros · {minutes} min"),
        Lang::En => format!("{records} records · {minutes} min"),
    }
}

/// The running batch cycle in the diagram: `cycle v17 · 19 099 facts`.
pub fn cycle_short(lang: Lang, version: u64, facts: &str) -> String {
    match lang {
        Lang::Es => format!("ciclo v{version} · {facts} hechos"),
        Lang::En => format!("cycle v{version} · {facts} facts"),
    }
}

/// What a cycle absorbs: `absorbs up to 00:16:30`.
pub fn absorbs(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Es => format!("absorbe hasta {at}"),
        Lang::En => format!("absorbs up to {at}"),
    }
}

/// The batch view's horizon: `absorbed up to 00:15:30`.
pub fn absorbed(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Es => format!("absorbido hasta {at}"),
        Lang::En => format!("absorbed up to {at}"),
    }
}

/// The batch view in the serving layer: `batch view v16`.
pub fn batch_view(lang: Lang, version: u64) -> String {
    match lang {
        Lang::Es => format!("vista batch v{version}"),
        Lang::En => format!("batch view v{version}"),
    }
}

/// When the view was swapped in: `swapped in at 00:16:29`.
pub fn swapped(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Es => format!("cambio atómico {at}"),
        Lang::En => format!("atomic swap {at}"),
    }
}

/// The realtime view's window: `covers (00:15:30, now]`.
pub fn covers(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Es => format!("cubre ({at}, ahora]"),
        Lang::En => format!("covers ({at}, now]"),
    }
}

/// What the last swap expired from the realtime view: `1 min · 17 899 rec` (under
/// [`PipelinesText::LastSwapExpired`]).
pub fn expired_short(lang: Lang, minutes: u64, records: &str) -> String {
    match lang {
        Lang::Es => format!("−{minutes} min · −{records} reg"),
        Lang::En => format!("−{minutes} min · −{records} rec"),
    }
}

/// The speed layer's lag: `lag 0 ms`.
pub fn lag(lang: Lang, d: &str) -> String {
    match lang {
        Lang::Es => format!("retraso {d}"),
        Lang::En => format!("lag {d}"),
    }
}

/// The merge in the query box: `39 100 + 3 080 = 42 180 units`.
pub fn merge_line(lang: Lang, batch: &str, realtime: &str, answer: &str) -> String {
    match lang {
        Lang::Es => format!("{batch} + {realtime} = {answer} unidades"),
        Lang::En => format!("{batch} + {realtime} = {answer} units"),
    }
}

/// The ground truth in a diagram: `truth 42 190`.
pub fn truth_short(lang: Lang, truth: &str) -> String {
    match lang {
        Lang::Es => format!("verdad {truth}"),
        Lang::En => format!("truth {truth}"),
    }
}

/// The running cycle, in full.
pub fn cycle_line(lang: Lang, version: u64, started: &str, ends: &str, horizon: &str, facts: &str) -> String {
    match lang {
        Lang::Es => format!("v{version} de {started} a {ends}: recalcula desde cero {facts} hechos del dataset maestro, los llegados antes de {horizon}."),
        Lang::En => format!("v{version} from {started} to {ends}: recomputes from scratch {facts} facts of the master dataset, those that arrived before {horizon}."),
    }
}

/// Batch-only mode waiting for its slot.
pub fn next_cycle_line(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Es => format!("El próximo ciclo empieza a las {at} (uno por hora)."),
        Lang::En => format!("The next cycle starts at {at} (one per hour)."),
    }
}

/// The last swap, in full.
pub fn swap_line(lang: Lang, version: u64, at: &str, minutes: u64, records: &str) -> String {
    match lang {
        Lang::Es => format!("v{version} a las {at}: la vista en tiempo real descartó {minutes} min ({records} registros) que la vista nueva ya absorbía."),
        Lang::En => format!("v{version} at {at}: the realtime view dropped {minutes} min ({records} records) the new view had absorbed."),
    }
}

/// Units wrong because of buggy code.
pub fn wrong_line(lang: Lang, units: &str) -> String {
    match lang {
        Lang::Es => format!("Unidades erróneas por el bug: {units}. El siguiente ciclo batch recalcula desde el dataset maestro los minutos que absorbe y las corrige (exactitud eventual)."),
        Lang::En => format!("Units wrong because of the bug: {units}. The next batch cycle recomputes the minutes it absorbs from the master dataset and corrects them (eventual accuracy)."),
    }
}

/// Units wrong because of the served Kappa job's bug.
pub fn kappa_wrong_line(lang: Lang, units: &str) -> String {
    match lang {
        Lang::Es => format!("Unidades erróneas por el bug: {units}. Kappa lo corrige desplegando código correcto y reprocesando desde TRIM_HORIZON."),
        Lang::En => format!("Units wrong because of the bug: {units}. Kappa fixes it by deploying correct code and replaying from TRIM_HORIZON."),
    }
}

/// The log's header in the diagram: `stream “orders” (the log)`.
pub fn log_title(lang: Lang, stream: &str) -> String {
    match lang {
        Lang::Es => format!("stream «{stream}» (el log)"),
        Lang::En => format!("stream “{stream}” (the log)"),
    }
}

/// The log's retention and content: `retention 24 h · 5 079 records`.
pub fn log_line(lang: Lang, hours: u64, records: &str) -> String {
    match lang {
        Lang::Es => format!("retención {hours} h · {records} registros"),
        Lang::En => format!("retention {hours} h · {records} records"),
    }
}

/// Records that slid off the log: `retention 24 h · ← 93 599 expired`.
pub fn expired_records(lang: Lang, hours: u64, n: &str) -> String {
    match lang {
        Lang::Es => format!("retención {hours} h · ← {n} expirados"),
        Lang::En => format!("retention {hours} h · ← {n} expired"),
    }
}

/// A job's settings: `parallelism 8 · polling`.
pub fn job_settings(lang: Lang, parallelism: u32, efo: bool) -> String {
    match (lang, efo) {
        (Lang::Es, false) => format!("paralelismo {parallelism} · polling"),
        (Lang::Es, true) => format!("paralelismo {parallelism} · enhanced fan-out"),
        (Lang::En, false) => format!("parallelism {parallelism} · polling"),
        (Lang::En, true) => format!("parallelism {parallelism} · enhanced fan-out"),
    }
}

/// A table's size: `21 000 records → 2.3 KB`.
pub fn table_size(lang: Lang, records: &str, bytes: &str) -> String {
    match lang {
        Lang::Es => format!("{records} registros → {bytes}"),
        Lang::En => format!("{records} records → {bytes}"),
    }
}

/// The app's pointer: `reads table_v1`.
pub fn reads_table(lang: Lang, version: u32) -> String {
    match lang {
        Lang::Es => format!("lee → table_v{version}"),
        Lang::En => format!("reads → table_v{version}"),
    }
}

/// Deploy button: `Deploy v2 (from TRIM_HORIZON)`.
pub fn deploy(lang: Lang, version: u32) -> String {
    match lang {
        Lang::Es => format!("Desplegar v{version} (desde TRIM_HORIZON)"),
        Lang::En => format!("Deploy v{version} (from TRIM_HORIZON)"),
    }
}

/// Switch button: `Switch the app to table_v2`.
pub fn switch(lang: Lang, version: u32) -> String {
    match lang {
        Lang::Es => format!("Cambiar la app a table_v{version}"),
        Lang::En => format!("Switch the app to table_v{version}"),
    }
}

/// Revert button: `Revert to table_v1`.
pub fn revert(lang: Lang, version: u32) -> String {
    match lang {
        Lang::Es => format!("Volver a table_v{version}"),
        Lang::En => format!("Revert to table_v{version}"),
    }
}

/// Stop button: `Stop v1`.
pub fn stop(lang: Lang, version: u32) -> String {
    match lang {
        Lang::Es => format!("Detener v{version}"),
        Lang::En => format!("Stop v{version}"),
    }
}

/// Delete button: `Delete table_v1`.
pub fn delete(lang: Lang, version: u32) -> String {
    match lang {
        Lang::Es => format!("Borrar table_v{version}"),
        Lang::En => format!("Delete table_v{version}"),
    }
}

/// Job-bug toggle: `Inject a bug in the job the app reads (v1)`.
pub fn job_bug(lang: Lang, version: u32) -> String {
    match lang {
        Lang::Es => {
            format!("Inyectar un bug en el job cuya tabla lee la app (v{version}): escribe cada resultado dos veces")
        }
        Lang::En => {
            format!("Inject a bug in the job whose table the app reads (v{version}): it writes every result twice")
        }
    }
}

/// The storage gauge: `4.9 KB in tables for 2.4 KB the app reads: ×2.0`.
pub fn storage_line(lang: Lang, tables: &str, serving: &str, ratio: &str) -> String {
    match lang {
        Lang::Es => format!("{tables} en tablas para {serving} que lee la app: {ratio}"),
        Lang::En => format!("{tables} in tables for {serving} the app reads: {ratio}"),
    }
}

/// What a replay never saw.
pub fn missed_line(lang: Lang, version: u32, n: &str, from: &str, to: &str, hours: u64) -> String {
    match lang {
        Lang::Es => format!("kappa-job-v{version} empezó en TRIM_HORIZON, pero {n} registros llegados entre {from} y {to} ya habían expirado (retención de {hours} h): ningún código nuevo puede reprocesarlos. A su respuesta le faltan, por producto:"),
        Lang::En => format!("kappa-job-v{version} started at TRIM_HORIZON, but {n} records that arrived between {from} and {to} had already expired ({hours} h retention): no new code can reprocess them. Its answer misses, per product:"),
    }
}

/// Lambda's correctness cell: `99.98 % (12 units off, 0 from wrong code)`.
pub fn correctness(lang: Lang, pct: &str, error: &str, wrong: &str) -> String {
    match lang {
        Lang::Es => format!("{pct} ({error} unidades de diferencia; {wrong} por código erróneo)"),
        Lang::En => format!("{pct} ({error} units off; {wrong} from wrong code)"),
    }
}

/// Lambda's reprocessing cell.
pub fn batch_reprocess(lang: Lang, d: &str) -> String {
    match lang {
        Lang::Es => format!("{d}: un ciclo batch completo (el último)"),
        Lang::En => format!("{d}: one full batch cycle (the last one)"),
    }
}

/// Kappa's reprocessing cell.
pub fn replay_reprocess(lang: Lang, d: &str) -> String {
    match lang {
        Lang::Es => format!("{d}: lo que tardó el último reproceso en ponerse al día"),
        Lang::En => format!("{d}: the last replay's time to catch up"),
    }
}

/// Code paths cell: `2 (batch + speed)`.
pub fn code_paths(lang: Lang, n: u32, lambda: bool) -> String {
    match (lang, n, lambda) {
        (Lang::Es, 2, true) => "2 (batch + speed)".into(),
        (Lang::En, 2, true) => "2 (batch + speed)".into(),
        (Lang::Es, n, true) => format!("{n} (solo batch)"),
        (Lang::En, n, true) => format!("{n} (batch only)"),
        (Lang::Es, n, false) => format!("{n} (el job de streaming)"),
        (Lang::En, n, false) => format!("{n} (the stream job)"),
    }
}

/// The storage cells: `313 MB (master dataset and views)`.
pub fn storage_cell(lang: Lang, bytes: &str, lambda: bool) -> String {
    match (lang, lambda) {
        (Lang::Es, true) => format!("{bytes} (dataset maestro y vistas)"),
        (Lang::En, true) => format!("{bytes} (master dataset and views)"),
        (Lang::Es, false) => format!("{bytes} (tablas de salida)"),
        (Lang::En, false) => format!("{bytes} (output tables)"),
    }
}

/// A job's status words.
pub fn job_status(lang: Lang, running: bool, table_deleted: bool, caught_up: bool) -> &'static str {
    use PipelinesText as P;
    match (running, table_deleted, caught_up) {
        (false, true, _) => P::Deleted.text(lang),
        (false, false, _) => P::Stopped.text(lang),
        (true, _, true) => P::CaughtUp.text(lang),
        (true, _, false) => P::Replaying.text(lang),
    }
}

/// A step's name, for the outcome line.
pub fn step_name(lang: Lang, action: &crate::world::pipeline_spec::PipelineAction) -> String {
    use crate::world::pipeline_spec::PipelineAction as A;
    match (lang, action) {
        (Lang::Es, A::SpeedBug { on: true }) => "Bug en la speed layer".into(),
        (Lang::Es, A::SpeedBug { on: false }) => "Bug de la speed layer corregido".into(),
        (Lang::Es, A::BatchOnly { on: true }) => "Modo solo batch".into(),
        (Lang::Es, A::BatchOnly { on: false }) => "Modo Lambda".into(),
        (Lang::Es, A::JobBug { on: true }) => "Bug en el job servido".into(),
        (Lang::Es, A::JobBug { on: false }) => "Bug del job corregido".into(),
        (Lang::Es, A::Deploy { parallelism, .. }) => format!("Despliegue (paralelismo {parallelism})"),
        (Lang::Es, A::Switch) => "Cambio de tabla".into(),
        (Lang::Es, A::Revert) => "Vuelta atrás".into(),
        (Lang::Es, A::StopOld) => "Detener el job antiguo".into(),
        (Lang::Es, A::DeleteOldTable) => "Borrar la tabla antigua".into(),
        (Lang::En, A::SpeedBug { on: true }) => "Speed-layer bug".into(),
        (Lang::En, A::SpeedBug { on: false }) => "Speed-layer bug fixed".into(),
        (Lang::En, A::BatchOnly { on: true }) => "Batch-only mode".into(),
        (Lang::En, A::BatchOnly { on: false }) => "Lambda mode".into(),
        (Lang::En, A::JobBug { on: true }) => "Bug in the served job".into(),
        (Lang::En, A::JobBug { on: false }) => "Job bug fixed".into(),
        (Lang::En, A::Deploy { parallelism, .. }) => format!("Deploy (parallelism {parallelism})"),
        (Lang::En, A::Switch) => "Switch".into(),
        (Lang::En, A::Revert) => "Revert".into(),
        (Lang::En, A::StopOld) => "Stop the old job".into(),
        (Lang::En, A::DeleteOldTable) => "Delete the old table".into(),
    }
}

/// A diagram's text alternative.
pub fn lambda_alt(lang: Lang, version: u64, answer: &str, truth: &str) -> String {
    match lang {
        Lang::Es => format!("Diagrama Lambda: productores → stream → dataset maestro y speed layer; capa batch → vista batch v{version}; la consulta suma la vista batch y la vista en tiempo real: {answer} unidades (verdad {truth})."),
        Lang::En => format!("Lambda diagram: producers → stream → master dataset and speed layer; batch layer → batch view v{version}; the query adds the batch view and the realtime view: {answer} units (truth {truth})."),
    }
}

/// The Kappa diagram's text alternative.
pub fn kappa_alt(lang: Lang, jobs: usize, serving: u32, answer: &str, truth: &str) -> String {
    match lang {
        Lang::Es => format!("Diagrama Kappa: productores → log (stream) → {jobs} job(s) de streaming, cada uno con su tabla; la app lee table_v{serving}: {answer} unidades (verdad {truth})."),
        Lang::En => format!("Kappa diagram: producers → log (stream) → {jobs} stream job(s), each with its table; the app reads table_v{serving}: {answer} units (truth {truth})."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pipelines_text_is_translated() {
        let mut same = Vec::new();
        for t in PipelinesText::ALL {
            let (es, en) = (t.text(Lang::Es), t.text(Lang::En));
            assert!(!es.trim().is_empty() && !en.trim().is_empty(), "{t:?}");
            if es == en {
                same.push(*t);
            }
        }
        assert_eq!(same, vec![]);
        let refusals: std::collections::BTreeSet<PipelinesText> =
            Refusal::ALL.into_iter().map(PipelinesText::refusal).collect();
        assert_eq!(refusals.len(), Refusal::ALL.len(), "each refusal has its own explanation");
        for lang in Lang::ALL {
            assert!(missed_line(lang, 3, "93 061", "00:00:00", "01:17:33", 24).contains("93 061"));
            assert!(codebases(lang, 2).starts_with('2'));
        }
    }
}
