//! Text of the Kappa architecture panel (Kreps) of the pipelines view: the log, the stream
//! jobs and their tables, and the steps of a logic change with their outcome, Spanish and
//! English.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values. The steps are typed
//! codes of the world and are their own keys: a [`PipelineAction`] names itself and a
//! [`Refusal`] explains itself (both panels' steps are answered in this panel's step list).

use crate::i18n::lang::{keys, Message, Phrase, FSI, PDI};
use crate::world::error::Refusal;
use crate::world::pipeline_spec::PipelineAction;

keys! {
    /// A fixed string of the Kappa panel.
    pub enum Text {
        /// Retention hint: how to see what a replay cannot reprocess.
        RetentionHint,
        /// Kappa architecture (Jay Kreps)
        KappaTitle,
        /// One retained log, one stream job …
        KappaHelp,
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
        /// Output storage
        StorageTitle,
        /// About 2× while both tables exist …
        StorageNote,
        /// Throttled reads explanation.
        ThrottleNote,
        /// After a job's read rate: how many of its reads were throttled (`12 rechazadas`).
        ThrottledReads,
        /// Records the replay never saw
        MissedTitle,
        /// Refused
        Refused,
        /// Done
        Done,
    }
}

impl Text {
    /// A job's status: its table deleted, stopped, caught up or replaying.
    pub fn job_status(running: bool, table_deleted: bool, caught_up: bool) -> Text {
        match (running, table_deleted, caught_up) {
            (false, true, _) => Text::Deleted,
            (false, false, _) => Text::Stopped,
            (true, _, true) => Text::CaughtUp,
            (true, _, false) => Text::Replaying,
        }
    }
}

/// A message of the Kappa panel with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Units wrong because of the served job's bug.
    WrongLine {
        /// Units wrong, written out.
        units: String,
    },
    /// The log's header in the diagram: `stream “orders” (the log)`.
    LogTitle {
        /// The stream's name.
        stream: String,
    },
    /// The log's retention and content: `retention 24 h · 5 079 records`.
    LogLine {
        /// Retention period, hours.
        hours: u64,
        /// Records retained, written out.
        records: String,
    },
    /// Records that slid off the log: `retention 24 h · ← 93 599 expired`.
    ExpiredRecords {
        /// Retention period, hours.
        hours: u64,
        /// Records expired, written out.
        n: String,
    },
    /// A job's settings: `parallelism 8 · polling`.
    JobSettings {
        /// Its parallelism.
        parallelism: u32,
        /// It reads with enhanced fan-out (else shared polling).
        efo: bool,
    },
    /// A table's size: `21 000 records → 2.3 KB`.
    TableSize {
        /// Rows, written out.
        records: String,
        /// Bytes, written out.
        bytes: String,
    },
    /// The app's pointer: `reads → table_v1`.
    ReadsTable {
        /// The version of the table it reads.
        version: u32,
    },
    /// Deploy button: `Deploy v2 (from TRIM_HORIZON)`.
    Deploy {
        /// The version deployed.
        version: u32,
    },
    /// Switch button: `Switch the app to table_v2`.
    Switch {
        /// The version switched to.
        version: u32,
    },
    /// Revert button: `Revert to table_v1`.
    Revert {
        /// The version reverted to.
        version: u32,
    },
    /// Stop button: `Stop v1`.
    Stop {
        /// The version stopped.
        version: u32,
    },
    /// Delete button: `Delete table_v1`.
    Delete {
        /// The version whose table is deleted.
        version: u32,
    },
    /// Job-bug toggle: `Inject a bug in the job whose table the app reads (v1): …`.
    JobBug {
        /// The served job's version.
        version: u32,
    },
    /// The storage gauge: `4.9 KB in tables for 2.4 KB the app reads: ×2.0`.
    StorageLine {
        /// Bytes in all tables, written out.
        tables: String,
        /// Bytes in the served table, written out.
        serving: String,
        /// Their ratio, written out.
        ratio: String,
    },
    /// What a replay never saw.
    MissedLine {
        /// The replaying job's version.
        version: u32,
        /// Records it missed, written out.
        n: String,
        /// Arrival of the first, written out.
        from: String,
        /// Arrival of the last, written out.
        to: String,
        /// Retention period, hours.
        hours: u64,
    },
    /// The Kappa diagram's text alternative.
    KappaAlt {
        /// Stream jobs.
        jobs: usize,
        /// The version of the table the app reads.
        serving: u32,
        /// The answer, written out.
        answer: String,
        /// The ground truth, written out.
        truth: String,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::RetentionHint => "Para ver lo que un reproceso no puede recuperar, deja correr la simulación más allá de la retención de 24 h (a 3600×, unos 30 s) y despliega una versión nueva.",
            Text::KappaTitle => "Arquitectura Kappa (Jay Kreps)",
            Text::KappaHelp => "Un solo log retenido y un solo job de streaming. Cambiar la lógica = lanzar un segundo job que relee desde TRIM_HORIZON hacia una tabla nueva; la app cambia de tabla cuando el job nuevo se ha puesto al día.",
            Text::Now => "ahora",
            Text::NotDeployed => "aún sin desplegar",
            Text::App => "aplicación",
            Text::Deleted => "borrada",
            Text::Stopped => "detenido",
            Text::CaughtUp => "al día",
            Text::Replaying => "reprocesando",
            Text::Parallelism => "Paralelismo (1–64)",
            Text::EfoToggle => "Enhanced fan-out: 2 MiB/s dedicados por shard en vez de compartir 2 MiB/s y 5 GetRecords/s",
            Text::Steps => "Pasos del cambio de versión",
            Text::DeployWhy => "ya hay dos jobs en marcha: cambia la app y detén el antiguo primero",
            Text::SwitchWhy => "se permite cuando el job nuevo se ha puesto al día",
            Text::RevertWhy => "se permite tras cambiar, mientras el job antiguo siga en marcha",
            Text::StopWhy => "cambia primero la app a la tabla nueva",
            Text::DeleteWhy => "detén primero el job antiguo",
            Text::Jobs => "Jobs",
            Text::JobCol => "Job",
            Text::ReadsWith => "Lectura",
            Text::Shared => "compartida (polling)",
            Text::StatusCol => "Estado",
            Text::ProgressCol => "Progreso",
            Text::CallsCol => "llamadas (rechazadas por throttling)",
            Text::ThrottledReads => "lecturas rechazadas (throttling)",
            Text::StorageTitle => "Almacenamiento de salida",
            Text::StorageNote => "Unas 2× mientras existen las dos tablas (Kreps): el precio de poder volver atrás al instante.",
            Text::ThrottleNote => "Las lecturas rechazadas por límite (throttling) se deben a que el reproceso comparte con v1, el archivador y la speed layer los 2 MiB/s y 5 GetRecords/s de cada shard; con enhanced fan-out tiene los suyos.",
            Text::MissedTitle => "Registros que el reproceso nunca vio",
            Text::Refused => "Rechazado",
            Text::Done => "Hecho",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::RetentionHint => "To see what a replay cannot recover, let the simulation run past the 24 h retention (at 3600×, about 30 s) and deploy a new version.",
            Text::KappaTitle => "Kappa architecture (Jay Kreps)",
            Text::KappaHelp => "One retained log and one stream job. New logic = a second job that rereads from TRIM_HORIZON into a new table; the app switches tables once the new job has caught up.",
            Text::Now => "now",
            Text::NotDeployed => "not deployed yet",
            Text::App => "application",
            Text::Deleted => "deleted",
            Text::Stopped => "stopped",
            Text::CaughtUp => "caught up",
            Text::Replaying => "replaying",
            Text::Parallelism => "Parallelism (1–64)",
            Text::EfoToggle => "Enhanced fan-out: a dedicated 2 MiB/s per shard instead of sharing 2 MiB/s and 5 GetRecords/s",
            Text::Steps => "Version change steps",
            Text::DeployWhy => "two jobs are running already: switch the app and stop the old one first",
            Text::SwitchWhy => "allowed once the new job has caught up",
            Text::RevertWhy => "allowed after a switch, while the old job still runs",
            Text::StopWhy => "switch the app to the new table first",
            Text::DeleteWhy => "stop the old job first",
            Text::Jobs => "Stream jobs",
            Text::JobCol => "Stream job",
            Text::ReadsWith => "Reads with",
            Text::Shared => "shared (polling)",
            Text::StatusCol => "Status",
            Text::ProgressCol => "Progress",
            Text::CallsCol => "calls (throttled)",
            Text::ThrottledReads => "reads throttled",
            Text::StorageTitle => "Output storage",
            Text::StorageNote => "About 2× while both tables exist (Kreps): the price of an instant revert.",
            Text::ThrottleNote => "Throttled reads happen because the replay shares each shard's 2 MiB/s and 5 GetRecords/s with v1, the archiver and the speed layer; with enhanced fan-out it has its own.",
            Text::MissedTitle => "Records the replay never saw",
            Text::Refused => "Refused",
            Text::Done => "Done",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::WrongLine { units } => format!("Unidades erróneas por el bug: {units}. Kappa lo corrige desplegando código correcto y reprocesando desde TRIM_HORIZON."),
            Msg::LogTitle { stream } => format!("stream «{FSI}{stream}{PDI}» (el log)"),
            Msg::LogLine { hours, records } => format!("retención {hours} h · {records} registros"),
            Msg::ExpiredRecords { hours, n } => format!("retención {hours} h · ← {n} expirados"),
            Msg::JobSettings { parallelism, efo: false } => format!("paralelismo {parallelism} · polling"),
            Msg::JobSettings { parallelism, efo: true } => format!("paralelismo {parallelism} · enhanced fan-out"),
            Msg::TableSize { records, bytes } => format!("{records} registros → {bytes}"),
            Msg::ReadsTable { version } => format!("lee → table_v{version}"),
            Msg::Deploy { version } => format!("Desplegar v{version} (desde TRIM_HORIZON)"),
            Msg::Switch { version } => format!("Cambiar la app a table_v{version}"),
            Msg::Revert { version } => format!("Volver a table_v{version}"),
            Msg::Stop { version } => format!("Detener v{version}"),
            Msg::Delete { version } => format!("Borrar table_v{version}"),
            Msg::JobBug { version } => {
                format!("Inyectar un bug en el job cuya tabla lee la app (v{version}): escribe cada resultado dos veces")
            }
            Msg::StorageLine { tables, serving, ratio } => format!("{tables} en tablas para {serving} que lee la app: {ratio}"),
            Msg::MissedLine { version, n, from, to, hours } => format!("kappa-job-v{version} empezó en TRIM_HORIZON, pero {n} registros llegados entre {from} y {to} ya habían expirado (retención de {hours} h): ningún código nuevo puede reprocesarlos. A su respuesta le faltan, por producto:"),
            Msg::KappaAlt { jobs, serving, answer, truth } => format!("Diagrama Kappa: productores → log (stream) → {jobs} job(s) de streaming, cada uno con su tabla; la app lee table_v{serving}: {answer} unidades (verdad {truth})."),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::WrongLine { units } => format!("Units wrong because of the bug: {units}. Kappa fixes it by deploying correct code and replaying from TRIM_HORIZON."),
            Msg::LogTitle { stream } => format!("stream “{FSI}{stream}{PDI}” (the log)"),
            Msg::LogLine { hours, records } => format!("retention {hours} h · {records} records"),
            Msg::ExpiredRecords { hours, n } => format!("retention {hours} h · ← {n} expired"),
            Msg::JobSettings { parallelism, efo: false } => format!("parallelism {parallelism} · polling"),
            Msg::JobSettings { parallelism, efo: true } => format!("parallelism {parallelism} · enhanced fan-out"),
            Msg::TableSize { records, bytes } => format!("{records} records → {bytes}"),
            Msg::ReadsTable { version } => format!("reads → table_v{version}"),
            Msg::Deploy { version } => format!("Deploy v{version} (from TRIM_HORIZON)"),
            Msg::Switch { version } => format!("Switch the app to table_v{version}"),
            Msg::Revert { version } => format!("Revert to table_v{version}"),
            Msg::Stop { version } => format!("Stop v{version}"),
            Msg::Delete { version } => format!("Delete table_v{version}"),
            Msg::JobBug { version } => {
                format!("Inject a bug in the job whose table the app reads (v{version}): it writes every result twice")
            }
            Msg::StorageLine { tables, serving, ratio } => format!("{tables} in tables for {serving} the app reads: {ratio}"),
            Msg::MissedLine { version, n, from, to, hours } => format!("kappa-job-v{version} started at TRIM_HORIZON, but {n} records that arrived between {from} and {to} had already expired ({hours} h retention): no new code can reprocess them. Its answer misses, per product:"),
            Msg::KappaAlt { jobs, serving, answer, truth } => format!("Kappa diagram: producers → log (stream) → {jobs} stream job(s), each with its table; the app reads table_v{serving}: {answer} units (truth {truth})."),
        }
    }
}

/// A step's name, for the outcome line (`Done: Switch`).
impl Message for PipelineAction {
    fn es(&self) -> String {
        use PipelineAction as A;
        match self {
            A::SpeedBug { on: true } => "Bug en la speed layer".into(),
            A::SpeedBug { on: false } => "Bug de la speed layer corregido".into(),
            A::BatchOnly { on: true } => "Modo solo batch".into(),
            A::BatchOnly { on: false } => "Modo Lambda".into(),
            A::JobBug { on: true } => "Bug en el job servido".into(),
            A::JobBug { on: false } => "Bug del job corregido".into(),
            A::Deploy { parallelism, .. } => format!("Despliegue (paralelismo {parallelism})"),
            A::Switch => "Cambio de tabla".into(),
            A::Revert => "Vuelta atrás".into(),
            A::StopOld => "Detener el job antiguo".into(),
            A::DeleteOldTable => "Borrar la tabla antigua".into(),
        }
    }

    fn en(&self) -> String {
        use PipelineAction as A;
        match self {
            A::SpeedBug { on: true } => "Speed-layer bug".into(),
            A::SpeedBug { on: false } => "Speed-layer bug fixed".into(),
            A::BatchOnly { on: true } => "Batch-only mode".into(),
            A::BatchOnly { on: false } => "Lambda mode".into(),
            A::JobBug { on: true } => "Bug in the served job".into(),
            A::JobBug { on: false } => "Job bug fixed".into(),
            A::Deploy { parallelism, .. } => format!("Deploy (parallelism {parallelism})"),
            A::Switch => "Switch".into(),
            A::Revert => "Revert".into(),
            A::StopOld => "Stop the old job".into(),
            A::DeleteOldTable => "Delete the old table".into(),
        }
    }
}

/// Why a pipeline step was refused: the explanation next to the step's buttons (and in a notice).
impl Phrase for Refusal {
    fn es(self) -> &'static str {
        match self {
            Refusal::PipelinesOff => "Este escenario no ejecuta pipelines.",
            Refusal::NotCaughtUp => {
                "El job nuevo aún no se ha puesto al día: cambiar ahora daría a la app una tabla incompleta."
            }
            Refusal::AlreadyReprocessing => {
                "Ya hay dos jobs en marcha: cambia la app al nuevo y detén el antiguo antes de desplegar otro."
            }
            Refusal::InvalidParallelism => "El paralelismo debe estar entre 1 y 64.",
            Refusal::CannotRevert => "No hay ningún job antiguo en marcha al que volver.",
            Refusal::StillServing => {
                "La app aún lee la tabla del job antiguo: cambia a la tabla nueva antes de detenerlo."
            }
            Refusal::JobRunning => "El job antiguo sigue en marcha: detenlo antes de borrar su tabla.",
            Refusal::NoRunningJob => "La app lee una tabla que ningún job en marcha escribe.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Refusal::PipelinesOff => "This scenario runs no pipelines.",
            Refusal::NotCaughtUp => "The new job has not caught up yet: switching now would give the app an incomplete table.",
            Refusal::AlreadyReprocessing => "Two jobs are running already: switch the app to the new one and stop the old one before deploying another.",
            Refusal::InvalidParallelism => "Parallelism must be between 1 and 64.",
            Refusal::CannotRevert => "No older job is running to go back to.",
            Refusal::StillServing => "The app still reads the old job's table: switch to the new table before stopping it.",
            Refusal::JobRunning => "The old job is still running: stop it before deleting its table.",
            Refusal::NoRunningJob => "The app reads a table no running job writes.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_kappa_text_and_refusal_is_translated() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
        assert_eq!(same_in_both(&Refusal::ALL), vec![]);
        let texts: std::collections::BTreeSet<&str> = Refusal::ALL.into_iter().map(Refusal::en).collect();
        assert_eq!(texts.len(), Refusal::ALL.len(), "each refusal has its own explanation");
        for lang in Lang::ALL {
            let missed = Msg::MissedLine {
                version: 3,
                n: "93 061".into(),
                from: "00:00:00".into(),
                to: "01:17:33".into(),
                hours: 24,
            };
            assert!(missed.text(lang).contains("93 061"));
        }
    }
}
