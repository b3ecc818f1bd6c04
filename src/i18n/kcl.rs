//! Text of the kcl view (`#/kcl`). Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values. The lease table's
//! column names are the KCL's own attribute names and read the same in both languages.

use super::lang::{keys, Lang, Message, Phrase, FSI, PDI};
use super::numbers::{decimal, grouped};
use crate::engine::state::shard::ShardId;

keys! {
    /// A fixed string of the kcl view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// What the view shows, in two sentences.
        Help,
        /// Model assumption: what this view's model simplifies (side panel and README).
        Assume,
        /// The running scenario has no polling application.
        NoApp,
        /// Button: add a KCL application.
        AddApp,
        /// Heading of the lease table.
        TableHeading,
        /// `leaseKey` column.
        ColKey,
        /// `leaseOwner` column.
        ColOwner,
        /// `checkpoint` column.
        ColCheckpoint,
        /// `leaseCounter` column.
        ColCounter,
        /// `ownerSwitchesSinceCheckpoint` column.
        ColSwitches,
        /// `parentShardId` column.
        ColParents,
        /// The state column (not in the table: what the workers make of the row).
        ColState,
        /// Gloss under leaseKey.
        GlossKey,
        /// Gloss under leaseOwner.
        GlossOwner,
        /// Gloss under checkpoint.
        GlossCheckpoint,
        /// Gloss under leaseCounter.
        GlossCounter,
        /// Gloss under ownerSwitchesSinceCheckpoint.
        GlossSwitches,
        /// Gloss under parentShardId.
        GlossParents,
        /// A row whose owner renews it.
        Renewed,
        /// A row nobody owns.
        Unowned,
        /// A finished row (checkpoint SHARD_END).
        Finished,
        /// An expired row waiting for a taker.
        ExpiredWaiting,
        /// What a highlighted row means.
        MovedLegend,
        /// No owner, no parent.
        None,
        /// Heading of the workers.
        WorkersHeading,
        /// A live worker.
        Alive,
        /// A killed worker.
        Killed,
        /// A worker holding no lease.
        NoLeases,
        /// Button: add a worker.
        AddWorker,
        /// Chips of a killed worker: leases that still name it.
        StillNamed,
        /// Heading: records read twice.
        DupHeading,
        /// Why records are read twice.
        DupExplain,
        /// No record read twice yet.
        NoDup,
        /// Heading: lease moves.
        MovesHeading,
        /// No move yet.
        NoMoves,
        /// Heading of the version box.
        VersionHeading,
        /// What KCL 2.x does (modelled).
        Version2,
        /// Heading: what KCL 3.x changes.
        Version3Heading,
        /// KCL 3.x: worker metrics table.
        V3Metrics,
        /// KCL 3.x: the leader's LeaseAssignmentManager.
        V3Leader,
        /// KCL 3.x: CPU-based rebalancing.
        V3Cpu,
        /// KCL 3.x: graceful lease handoff.
        V3Handoff,
        /// Sources heading.
        Sources,
        /// Link: lease table page.
        SourceTable,
        /// Link: configuration page.
        SourceConfig,
        /// Link: KCL 3.x page.
        SourceV3,
    }
}

/// A message of the kcl view, with its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The application shown.
    App {
        /// Its name.
        name: String,
        /// Live workers.
        live: usize,
        /// Leases still being read.
        leases: usize,
    },
    /// The lease timing in force.
    Timing {
        /// failoverTimeMillis, ms.
        failover: u64,
        /// Renewal period, ms.
        renew: u64,
        /// Taker period, ms.
        taker: u64,
    },
    /// A worker's name.
    Worker {
        /// Its number.
        n: u32,
    },
    /// Button: kill a worker.
    Kill {
        /// Its number.
        n: u32,
    },
    /// A lease of a dead worker, counting down to expiry.
    ExpiresIn {
        /// Time left, ms.
        ms: u64,
    },
    /// When the next taker runs.
    NextTaker {
        /// Time left, ms.
        ms: u64,
    },
    /// Records read twice so far.
    Rereads {
        /// How many.
        n: u64,
    },
    /// One record read twice.
    RereadLine {
        /// When, on the app's clock (`HH:MM:SS`).
        at: String,
        /// Its shard.
        shard: ShardId,
        /// Its sequence number, shortened.
        seq: String,
        /// The worker that read it again.
        worker: u32,
    },
    /// One lease move.
    MoveLine {
        /// When, on the app's clock (`HH:MM:SS`).
        at: String,
        /// The lease.
        shard: ShardId,
        /// Previous owner.
        from: Option<u32>,
        /// New owner.
        to: u32,
        /// Stolen from a live worker.
        stolen: bool,
    },
    /// Lease moves so far.
    Moves {
        /// How many.
        n: u64,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "KCL: leases (arrendamientos) y checkpoints",
            Text::Help => "Una aplicación KCL reparte los shards entre sus workers con una tabla de DynamoDB: una fila (lease) por shard, con su dueño y su checkpoint. Cada worker renueva sus leases sumando 1 a leaseCounter; si un worker cae, sus leases dejan de renovarse, expiran y otro worker los toma y sigue desde el checkpoint.",
            Text::Assume => "KCL: se modela KCL 2.x (reparto por número de leases). Renovaciones y lease taker con los periodos de KCL (failoverTimeMillis/3 − 25 ms y (failoverTimeMillis + 25 ms) × 2), pero evaluados en el tic de 1 s del mundo (y el lease taker corre en el acto cuando aparecen shards hijos); se toma el shard de id menor en vez de uno al azar; el worker que pierde un lease robado para en el acto; un worker procesa sus leases en paralelo.",
            Text::NoApp => "Este escenario no tiene ninguna aplicación KCL (consumidor por sondeo con GetRecords).",
            Text::AddApp => "Añadir una aplicación KCL (2 workers, 5 ms de proceso por registro)",
            Text::TableHeading => "Tabla de leases (DynamoDB)",
            Text::ColKey => "leaseKey",
            Text::ColOwner => "leaseOwner",
            Text::ColCheckpoint => "checkpoint",
            Text::ColCounter => "leaseCounter",
            Text::ColSwitches => "ownerSwitchesSinceCheckpoint",
            Text::ColParents => "parentShardId",
            Text::ColState => "Estado",
            Text::GlossKey => "el shard",
            Text::GlossOwner => "worker dueño",
            Text::GlossCheckpoint => "último registro confirmado",
            Text::GlossCounter => "sube al renovar",
            Text::GlossSwitches => "cambios de dueño sin checkpoint",
            Text::GlossParents => "shards padre",
            Text::Renewed => "renovado",
            Text::Unowned => "sin dueño",
            Text::Finished => "terminado (SHARD_END)",
            Text::ExpiredWaiting => "expirado: lo tomará el próximo lease taker",
            Text::MovedLegend => "Una fila resaltada (⇄) acaba de cambiar de dueño.",
            Text::None => "—",
            Text::WorkersHeading => "Workers (procesos de la aplicación)",
            Text::Alive => "vivo",
            Text::Killed => "caído",
            Text::NoLeases => "sin leases",
            Text::AddWorker => "Añadir worker",
            Text::StillNamed => "aún lo nombran:",
            Text::DupHeading => "Registros leídos dos veces",
            Text::DupExplain => "Tras un failover o un robo de lease, el nuevo dueño sigue desde el último checkpoint: lo leído y aún no confirmado se lee otra vez. KCL entrega al menos una vez (at-least-once).",
            Text::NoDup => "Ninguno todavía: mata un worker mientras procesa y espera al failover.",
            Text::MovesHeading => "Últimos cambios de dueño",
            Text::NoMoves => "Ninguno todavía.",
            Text::VersionHeading => "Versión modelada: KCL 2.x",
            Text::Version2 => "KCL 2.x reparte por número de leases: cada lease taker apunta a techo(leases ÷ workers), toma primero los leases expirados o sin dueño y, si no hay, roba uno (maxLeasesToStealAtOneTime = 1) al worker con más leases. Por eso un worker nuevo recibe su parte poco a poco, un lease por ejecución.",
            Text::Version3Heading => "Qué cambia en KCL 3.x",
            Text::V3Metrics => "Cada worker publica su uso de CPU en una tabla nueva de DynamoDB, la worker metrics table (y hay otra, la coordinator state table).",
            Text::V3Leader => "Un único worker líder, con su LeaseAssignmentManager, asigna los leases; los demás ya no compiten robándoselos.",
            Text::V3Cpu => "El reparto busca igualar el uso de CPU de los workers, no el número de leases; también tiene en cuenta el caudal de cada lease.",
            Text::V3Handoff => "Traspaso ordenado (graceful lease handoff): el dueño actual hace checkpoint de lo procesado antes de ceder el lease, así se relee mucho menos.",
            Text::Sources => "Fuentes (guía para desarrolladores de Kinesis Data Streams):",
            Text::SourceTable => "Tablas de metadatos de KCL en DynamoDB",
            Text::SourceConfig => "Configuración de KCL",
            Text::SourceV3 => "Migrar de KCL 2.x a 3.x",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "KCL: leases and checkpoints",
            Text::Help => "A KCL application shares the shards among its workers through a DynamoDB table: one row (lease) per shard, with its owner and its checkpoint. Each worker renews its leases by adding 1 to leaseCounter; if a worker dies, its leases are no longer renewed, they expire, and another worker takes them and resumes from the checkpoint.",
            Text::Assume => "KCL: KCL 2.x is modelled (balancing by lease count). Renewals and the lease taker use KCL's periods (failoverTimeMillis/3 − 25 ms and (failoverTimeMillis + 25 ms) × 2) but run on the world's 1 s tick (and the lease taker runs at once when child shards appear); the lowest shard id is taken instead of a random one; the worker that loses a stolen lease stops at once; a worker processes its leases in parallel.",
            Text::NoApp => "This scenario has no KCL application (a polling consumer using GetRecords).",
            Text::AddApp => "Add a KCL application (2 workers, 5 ms of processing per record)",
            Text::TableHeading => "Lease table (DynamoDB)",
            Text::ColKey => "leaseKey",
            Text::ColOwner => "leaseOwner",
            Text::ColCheckpoint => "checkpoint",
            Text::ColCounter => "leaseCounter",
            Text::ColSwitches => "ownerSwitchesSinceCheckpoint",
            Text::ColParents => "parentShardId",
            Text::ColState => "State",
            Text::GlossKey => "the shard",
            Text::GlossOwner => "owning worker",
            Text::GlossCheckpoint => "last record committed",
            Text::GlossCounter => "goes up on renewal",
            Text::GlossSwitches => "owner changes without a checkpoint",
            Text::GlossParents => "parent shards",
            Text::Renewed => "renewed",
            Text::Unowned => "no owner",
            Text::Finished => "finished (SHARD_END)",
            Text::ExpiredWaiting => "expired: the next lease taker will take it",
            Text::MovedLegend => "A highlighted row (⇄) has just changed owner.",
            Text::None => "—",
            Text::WorkersHeading => "Workers (the application's processes)",
            Text::Alive => "alive",
            Text::Killed => "killed",
            Text::NoLeases => "no leases",
            Text::AddWorker => "Add worker",
            Text::StillNamed => "still named on:",
            Text::DupHeading => "Records read twice",
            Text::DupExplain => "After a failover or a lease steal, the new owner resumes from the last checkpoint: what was read but not yet committed is read again. KCL delivers at least once.",
            Text::NoDup => "None yet: kill a worker while it is processing and wait for the failover.",
            Text::MovesHeading => "Latest owner changes",
            Text::NoMoves => "None yet.",
            Text::VersionHeading => "Modelled version: KCL 2.x",
            Text::Version2 => "KCL 2.x balances by lease count: each lease taker aims at ceil(leases ÷ workers), takes expired or unowned leases first and, when there are none, steals one (maxLeasesToStealAtOneTime = 1) from the worker with the most leases. That is why a new worker gets its share gradually, one lease per run.",
            Text::Version3Heading => "What KCL 3.x changes",
            Text::V3Metrics => "Each worker publishes its CPU utilisation in a new DynamoDB table, the worker metrics table (there is also a coordinator state table).",
            Text::V3Leader => "A single leader worker, with its LeaseAssignmentManager, assigns the leases; the others no longer compete by stealing them.",
            Text::V3Cpu => "Balancing aims at even CPU utilisation across workers, not an equal lease count; it also weighs each lease's throughput.",
            Text::V3Handoff => "Graceful lease handoff: the current owner checkpoints what it has processed before giving the lease up, so far less is read again.",
            Text::Sources => "Sources (Kinesis Data Streams developer guide):",
            Text::SourceTable => "KCL's DynamoDB metadata tables",
            Text::SourceConfig => "KCL configurations",
            Text::SourceV3 => "Migrate from KCL 2.x to 3.x",
        }
    }
}

/// Seconds with one decimal, from ms.
fn secs(ms: u64, lang: Lang) -> String {
    decimal(ms as f64 / 1000.0, 1, lang)
}

impl Message for Msg {
    fn es(&self) -> String {
        let l = Lang::Es;
        match self {
            Msg::App { name, live, leases } => {
                let workers = if *live == 1 { "worker vivo" } else { "workers vivos" };
                format!("Aplicación {FSI}{name}{PDI}: {live} {workers}, {leases} leases en lectura")
            }
            Msg::Timing { failover, renew, taker } => format!(
                "failoverTimeMillis = {} ms: cada worker renueva sus leases cada {} ms y ejecuta el lease taker cada {} ms.",
                grouped(*failover, l),
                grouped(*renew, l),
                grouped(*taker, l)
            ),
            Msg::Worker { n } => format!("worker-{n}"),
            Msg::Kill { n } => format!("Matar worker-{n}"),
            Msg::ExpiresIn { ms } => format!("sin renovar: expira en {} s", secs(*ms, l)),
            Msg::NextTaker { ms } => format!("Próximo lease taker en {} s", secs(*ms, l)),
            Msg::Rereads { n } => format!("{} registros leídos dos veces", grouped(*n, l)),
            Msg::RereadLine { at, shard, seq, worker } => {
                format!("{at} · {shard} · {seq} · releído por worker-{worker}")
            }
            Msg::MoveLine { at, shard, from, to, stolen } => {
                let how = match (from, stolen) {
                    (_, true) => "robado a",
                    (Some(_), false) => "expirado, era de",
                    (None, false) => "sin dueño",
                };
                let from = from.map(|f| format!(" worker-{f}")).unwrap_or_default();
                format!("{at} · {shard}: {how}{from} → worker-{to}")
            }
            Msg::Moves { n } => format!("{} cambios de dueño en total", grouped(*n, l)),
        }
    }

    fn en(&self) -> String {
        let l = Lang::En;
        match self {
            Msg::App { name, live, leases } => {
                let workers = if *live == 1 { "live worker" } else { "live workers" };
                format!("Application {FSI}{name}{PDI}: {live} {workers}, {leases} leases being read")
            }
            Msg::Timing { failover, renew, taker } => format!(
                "failoverTimeMillis = {} ms: each worker renews its leases every {} ms and runs the lease taker every {} ms.",
                grouped(*failover, l),
                grouped(*renew, l),
                grouped(*taker, l)
            ),
            Msg::Worker { n } => format!("worker-{n}"),
            Msg::Kill { n } => format!("Kill worker-{n}"),
            Msg::ExpiresIn { ms } => format!("not renewed: expires in {} s", secs(*ms, l)),
            Msg::NextTaker { ms } => format!("Next lease taker in {} s", secs(*ms, l)),
            Msg::Rereads { n } => format!("{} records read twice", grouped(*n, l)),
            Msg::RereadLine { at, shard, seq, worker } => {
                format!("{at} · {shard} · {seq} · read again by worker-{worker}")
            }
            Msg::MoveLine { at, shard, from, to, stolen } => {
                let how = match (from, stolen) {
                    (_, true) => "stolen from",
                    (Some(_), false) => "expired, was",
                    (None, false) => "unowned",
                };
                let from = from.map(|f| format!(" worker-{f}")).unwrap_or_default();
                format!("{at} · {shard}: {how}{from} → worker-{to}")
            }
            Msg::Moves { n } => format!("{} owner changes in all", grouped(*n, l)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_text_is_translated_and_non_empty() {
        let same = same_in_both(Text::ALL);
        let aws = [
            Text::None,
            Text::ColKey,
            Text::ColOwner,
            Text::ColCheckpoint,
            Text::ColCounter,
            Text::ColSwitches,
            Text::ColParents,
        ];
        assert!(same.iter().all(|k| aws.contains(k)), "{same:?}");
    }

    #[test]
    fn numbers_use_the_language_s_decimal_mark() {
        assert_eq!(Msg::ExpiresIn { ms: 7_500 }.text(Lang::Es), "sin renovar: expira en 7,5 s");
        assert_eq!(Msg::ExpiresIn { ms: 7_500 }.text(Lang::En), "not renewed: expires in 7.5 s");
        let m = Msg::Timing { failover: 10_000, renew: 3_308, taker: 20_050 };
        assert!(
            m.text(Lang::Es).contains("20\u{a0}050") || m.text(Lang::Es).contains("20.050"),
            "{}",
            m.text(Lang::Es)
        );
    }
}
