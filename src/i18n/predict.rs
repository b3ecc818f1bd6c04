//! Text of the predictions (`ui/learn/predict`), Spanish and English, one exhaustive match each:
//! each question's prompt, its choices and the explanation of what the simulation did.
//!
//! Every value comes from the simulation (keys, shard ids, counts the engine measured), so a
//! message is data, written out in whichever language is chosen when it is shown. AWS terms
//! (`shard`, `PartitionKey`, `TRIM_HORIZON`, API names) stay visible beside the Spanish.

use super::lang::{Lang, Message, FSI, PDI};
use super::numbers::{grouped, usd};

/// Which architecture a pipelines question is about, and what is done after the bug.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arch {
    /// Lambda architecture: the speed layer has the bug; nothing else is done.
    Lambda,
    /// Kappa architecture: the job the app reads has the bug; nothing else is done.
    Kappa,
    /// Kappa architecture, then a replay: job v2 from TRIM_HORIZON, and the app switches to it.
    KappaReplay,
}

/// A capacity mode, as a choice or in an explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// PROVISIONED: shard-hours.
    Provisioned,
    /// ON_DEMAND: per GB.
    OnDemand,
}

/// A message of the predictions, with its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A number of records per second (a choice).
    RecordsPerSec {
        /// Records per second.
        n: u64,
    },
    /// A number of GetRecords calls per second (a choice).
    CallsPerSec {
        /// Calls per second.
        n: u64,
    },
    /// Ch. 1 prompt: how much a stream of `shards` shards takes in when offered `offered`.
    CapacityPrompt {
        /// Open shards.
        shards: u64,
        /// Records per second the producer tries to write.
        offered: u64,
        /// Bytes of each record.
        bytes: u64,
    },
    /// Ch. 1 explanation.
    CapacityExplain {
        /// Open shards.
        shards: u64,
        /// Records per second accepted, measured.
        accepted: u64,
        /// Records per second refused, measured.
        throttled: u64,
        /// The engine's write limit, records per second per shard.
        limit: u64,
        /// Seconds measured.
        secs: u64,
    },
    /// Ch. 2 prompt: which shard a key goes to.
    ShardPrompt {
        /// The partition key.
        key: String,
        /// Open shards now.
        shards: u64,
    },
    /// Ch. 2 choice: a shard, or a group of shards when there are many.
    ShardChoice {
        /// Shard ids (`shardId-000000000001`).
        shards: Vec<String>,
    },
    /// Ch. 2 explanation: the PutRecord and where it went.
    ShardExplain {
        /// The partition key.
        key: String,
        /// MD5 of the key as a 128-bit number, decimal.
        hash: String,
        /// The shard PutRecord answered.
        shard: String,
        /// The SequenceNumber PutRecord answered.
        sequence: String,
    },
    /// Ch. 3 prompt: two records, A then B, with keys `first` and `second`.
    OrderPrompt {
        /// Key of A.
        first: String,
        /// Key of B.
        second: String,
    },
    /// Ch. 3 choice: A before B, guaranteed.
    OrderSame,
    /// Ch. 3 choice: no order between them.
    OrderNone,
    /// Ch. 3 choice: B before A.
    OrderReverse,
    /// Ch. 3 explanation.
    OrderExplain {
        /// Key of A.
        first: String,
        /// Shard of A.
        shard_a: String,
        /// SequenceNumber of A.
        seq_a: String,
        /// Key of B.
        second: String,
        /// Shard of B.
        shard_b: String,
        /// SequenceNumber of B.
        seq_b: String,
        /// Whether a GetRecords from A's SequenceNumber returned B after A.
        read_in_order: bool,
    },
    /// Ch. 4 prompt: one key at `rate` records/s.
    HotPrompt {
        /// The hot partition key.
        key: String,
        /// Records per second sent with it.
        rate: u64,
        /// Open shards.
        shards: u64,
    },
    /// Ch. 4 explanation.
    HotExplain {
        /// The hot partition key.
        key: String,
        /// Its shard.
        shard: String,
        /// Records per second sent.
        sent: u64,
        /// Records per second accepted.
        accepted: u64,
        /// Records per second refused.
        throttled: u64,
        /// The engine's write limit, records per second per shard.
        limit: u64,
    },
    /// Ch. 5 prompt: `apps` polling applications on one shard, `calls` GetRecords/s each.
    ReadersPrompt {
        /// Polling applications.
        apps: u64,
        /// GetRecords calls per second each.
        calls: u64,
    },
    /// Ch. 5 explanation.
    ReadersExplain {
        /// Polling applications.
        apps: u64,
        /// Calls made per second, all together.
        made: u64,
        /// Calls served per second, all together.
        served: u64,
        /// The engine's read limit, calls per second per shard.
        limit: u64,
        /// The engine's read limit, MiB per second per shard (shared).
        shared_mib: u64,
        /// Enhanced fan-out, MiB per second per consumer and shard.
        efo_mib: u64,
    },
    /// Ch. 6 prompt: a record, then the consumer stops for `hours`.
    RetentionPrompt {
        /// The record's partition key.
        key: String,
        /// Hours the consumer stays away.
        hours: u64,
        /// The stream's retention period, hours.
        retention: u64,
    },
    /// Ch. 6 choice: the record is still retained (TRIM_HORIZON starts at it or before).
    RetentionYours,
    /// Ch. 6 choice: the record expired (TRIM_HORIZON starts after it).
    RetentionLater,
    /// Ch. 6 choice: the shard is empty.
    RetentionNothing,
    /// Ch. 6 explanation.
    RetentionExplain {
        /// The shard.
        shard: String,
        /// Hours the consumer stayed away.
        hours: u64,
        /// Retention period, hours.
        retention: u64,
        /// The student's record is still retained.
        yours: bool,
        /// Records of the shard that expired meanwhile.
        expired: u64,
        /// Age of the first record returned, minutes (None: nothing returned).
        first_age_min: Option<u64>,
    },
    /// Ch. 7 prompt: UpdateShardCount `from` → `to` and a key's shard.
    ReshardPrompt {
        /// Open shards now.
        from: u64,
        /// Target shard count.
        to: u64,
        /// The partition key.
        key: String,
        /// Its shard now.
        shard: String,
    },
    /// Ch. 7 choice: open shards after, and whether the key keeps its shard.
    ReshardChoice {
        /// Open shards.
        open: u64,
        /// The key stays in the same shard.
        stays: bool,
    },
    /// Ch. 7 explanation.
    ReshardExplain {
        /// Open shards after.
        open: u64,
        /// Shards ListShards lists (closed parents too).
        listed: u64,
        /// The partition key.
        key: String,
        /// Its shard before.
        before: String,
        /// Its shard after.
        after: String,
        /// Simulated seconds until ACTIVE.
        secs: u64,
    },
    /// Ch. 8 prompt: the commands, and what the last one prints.
    CliPrompt {
        /// The command lines, in order.
        lines: Vec<String>,
    },
    /// Ch. 8 choice: a printed line.
    CliPrints {
        /// The text.
        text: String,
    },
    /// Ch. 8 explanation: what the console printed.
    CliExplain {
        /// What the last command printed (trimmed).
        printed: String,
    },
    /// Ch. 9 prompt: a bug for a while in one architecture, then fixed.
    PipelinesPrompt {
        /// Which architecture, and what was done after.
        arch: Arch,
        /// Minutes the bug ran.
        bug_min: u64,
    },
    /// Ch. 9 choice: the app shows the right totals.
    PipelinesRight,
    /// Ch. 9 choice: the app still shows the bug's error.
    PipelinesWrong,
    /// Ch. 9 explanation.
    PipelinesExplain {
        /// Which architecture.
        arch: Arch,
        /// Units by which the app's answer differs from what correct code answers.
        off_by: u64,
        /// Simulated minutes the reveal ran.
        minutes: u64,
    },
    /// Ch. 10 prompt: a steady load, which mode is cheaper.
    CheaperPrompt {
        /// Records per second.
        rate: u64,
        /// Bytes per record.
        bytes: u64,
        /// Open shards (provisioned).
        shards: u64,
    },
    /// Ch. 10 choice.
    CheaperChoice {
        /// The mode.
        mode: Mode,
    },
    /// Ch. 10 explanation.
    CheaperExplain {
        /// Records per second measured.
        rate: u64,
        /// Average bytes per record measured.
        bytes: u64,
        /// Open shards.
        shards: u64,
        /// Provisioned month, µ$.
        provisioned: u64,
        /// On-demand month, µ$.
        on_demand: u64,
    },
}

fn q(s: &str) -> String {
    format!("«{FSI}{s}{PDI}»")
}

fn qe(s: &str) -> String {
    format!("\u{201c}{FSI}{s}{PDI}\u{201d}")
}

/// `n shard(s)` in Spanish: `1 shard abierto`, `3 shards abiertos` (`open`), or without the
/// adjective.
fn shards_es(n: u64, open: bool) -> String {
    match (n == 1, open) {
        (true, true) => "1 shard abierto".into(),
        (true, false) => "1 shard".into(),
        (false, true) => format!("{} shards abiertos", grouped(n, Lang::Es)),
        (false, false) => format!("{} shards", grouped(n, Lang::Es)),
    }
}

/// `n shard(s)` in English: `1 open shard`, `3 open shards` (`open`), or without the adjective.
fn shards_en(n: u64, open: bool) -> String {
    let noun = if n == 1 { "shard" } else { "shards" };
    let g = grouped(n, Lang::En);
    if open {
        format!("{g} open {noun}")
    } else {
        format!("{g} {noun}")
    }
}

fn shard_list(shards: &[String], or: &str) -> String {
    match shards {
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
        [] => String::new(),
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        let g = |n: &u64| grouped(*n, Lang::Es);
        match self {
            Msg::RecordsPerSec { n } => format!("{} registros/s", g(n)),
            Msg::CallsPerSec { n } => format!("{} {}", g(n), if *n == 1 { "llamada/s" } else { "llamadas/s" }),
            Msg::CapacityPrompt { shards, offered, bytes } => format!(
                "El stream tiene {}. Un productor de prueba (load-test) intenta escribir {} registros/s más, de {} B cada uno, repartidos entre muchas PartitionKey. ¿Cuántos registros/s aceptará el stream en total?",
                shards_es(*shards, true), g(offered), g(bytes)
            ),
            Msg::CapacityExplain { shards, accepted, throttled, limit, secs } => format!(
                "Medido durante {secs} s: {} registros/s aceptados ≈ {} × {} registros/s, el límite de escritura de cada shard (y 1 MiB/s). Otros {} registros/s recibieron ProvisionedThroughputExceededException.",
                g(accepted), shards_es(*shards, false), g(limit), g(throttled)
            ),
            Msg::ShardPrompt { key, shards } => format!(
                "El stream tiene {}. ¿A qué shard irá un registro con PartitionKey {}?",
                shards_es(*shards, true), q(key)
            ),
            Msg::ShardChoice { shards } => shard_list(shards, "o"),
            Msg::ShardExplain { key, hash, shard, sequence } => format!(
                "PutRecord {} → {shard}, SequenceNumber {sequence}. MD5({}) como número de 128 bits es {hash}: cae en el rango de hash (HashKeyRange) de ese shard.",
                q(key), q(key)
            ),
            Msg::OrderPrompt { first, second } => format!(
                "Escribes el registro A con PartitionKey {} y justo después el B con PartitionKey {}. ¿En qué orden los leerá un consumidor?",
                q(first), q(second)
            ),
            Msg::OrderSame => "A antes que B, garantizado: van al mismo shard y B recibe un SequenceNumber mayor".into(),
            Msg::OrderNone => "Sin orden garantizado entre A y B: van a shards distintos".into(),
            Msg::OrderReverse => "B antes que A: el último en llegar se lee primero".into(),
            Msg::OrderExplain { first, shard_a, seq_a, second, shard_b, seq_b, read_in_order } => {
                let mut s = format!(
                    "PutRecord {} → {shard_a}, SequenceNumber {seq_a}. PutRecord {} → {shard_b}, SequenceNumber {seq_b}. ",
                    q(first), q(second)
                );
                if shard_a == shard_b {
                    s += "Mismo shard: el orden dentro de un shard lo fija el SequenceNumber.";
                    if *read_in_order {
                        s += " GetRecords devolvió A y luego B.";
                    }
                } else {
                    s += "Shards distintos: cada shard tiene su propia secuencia y no hay orden entre shards.";
                }
                s
            }
            Msg::HotPrompt { key, rate, shards } => format!(
                "El stream tiene {}. Un productor envía {} registros/s, todos con PartitionKey {}. ¿Cuántos registros/s rechazará su shard (ProvisionedThroughputExceededException)?",
                shards_es(*shards, false), g(rate), q(key)
            ),
            Msg::HotExplain { key, shard, sent, accepted, throttled, limit } => format!(
                "Todos los registros de {} van a {shard}. Medido: de {} registros/s enviados, {} aceptados (límite: {} registros/s por shard) y {} rechazados. Los demás shards no ayudan: la clave decide el shard.",
                q(key), g(sent), g(accepted), g(limit), g(throttled)
            ),
            Msg::ReadersPrompt { apps, calls } => format!(
                "{} aplicaciones leen el mismo shard por sondeo (GetRecords), cada una {}. ¿Cuántas llamadas por segundo atenderá el shard entre todas?",
                g(apps), Msg::CallsPerSec { n: *calls }.es()
            ),
            Msg::ReadersExplain { apps, made, served, limit, shared_mib, efo_mib } => format!(
                "Medido: {} llamadas/s hechas, {} atendidas{}. Las {} aplicaciones de sondeo comparten {} llamadas/s y {shared_mib} MiB/s por shard. Con enhanced fan-out (SubscribeToShard) cada consumidor recibiría sus propios {efo_mib} MiB/s por shard.",
                g(made),
                g(served),
                if served < made { "; el resto, ProvisionedThroughputExceededException" } else { ": caben en el límite" },
                g(apps),
                g(limit)
            ),
            Msg::RetentionPrompt { key, hours, retention } => format!(
                "Escribes un registro con PartitionKey {} y tu consumidor se detiene antes de leerlo. Vuelve {hours} h después y lee su shard desde TRIM_HORIZON, el registro más antiguo que queda (retención: {retention} h). ¿Qué le pasa a tu registro?",
                q(key)
            ),
            Msg::RetentionYours => "Sigue ahí: lo leerá (TRIM_HORIZON empieza en él o antes)".into(),
            Msg::RetentionLater => "Expiró y se perdió: TRIM_HORIZON empieza después de él".into(),
            Msg::RetentionNothing => "No lee nada: el shard está vacío".into(),
            Msg::RetentionExplain { shard, hours, retention, yours, expired, first_age_min } => {
                let first = match first_age_min {
                    Some(m) => format!("empezó por un registro llegado hace {} h {} min", m / 60, m % 60),
                    None => "no devolvió nada".to_string(),
                };
                let yours = if *yours { "tu registro sigue retenido" } else { "tu registro ya expiró" };
                format!(
                    "Tras {hours} h, GetRecords desde TRIM_HORIZON en {shard} {first}: {yours}. Con {retention} h de retención, {} registros de ese shard expiraron mientras tanto.",
                    g(expired)
                )
            }
            Msg::ReshardPrompt { from, to, key, shard } => format!(
                "UpdateShardCount {} → {} (UNIFORM_SCALING). Cuando el stream vuelva a ACTIVE, ¿cuántos shards abiertos tendrá, y la PartitionKey {} (hoy en {shard}) seguirá yendo a ese mismo shard?",
                g(from), g(to), q(key)
            ),
            Msg::ReshardChoice { open, stays } => format!(
                "{} shards abiertos; la clave {}",
                g(open),
                if *stays { "sigue en el mismo shard" } else { "pasa a otro shard" }
            ),
            Msg::ReshardExplain { open, listed, key, before, after, secs } => format!(
                "ACTIVE de nuevo tras {secs} s: {} shards abiertos; ListShards lista {} (los padres cerrados siguen ahí hasta que expiran). PutRecord {} → {after} (antes {before}).",
                g(open), g(listed), q(key)
            ),
            Msg::CliPrompt { lines } => {
                format!("Ejecutas en la consola:\n{}\n¿Qué imprime la última orden?", lines.join("\n"))
            }
            Msg::CliPrints { text } => text.clone(),
            Msg::CliExplain { printed } => format!("La consola imprimió: {printed}"),
            Msg::PipelinesPrompt { arch, bug_min } => match arch {
                Arch::Lambda => format!(
                    "Arquitectura Lambda: la capa de velocidad (speed-layer) cuenta cada pedido dos veces durante {bug_min} min y luego se corrige. Unos minutos después, sin hacer nada más, ¿qué muestra la capa de servicio (batch + tiempo real)?"
                ),
                Arch::Kappa => format!(
                    "Arquitectura Kappa: el job que lee la app cuenta cada pedido dos veces durante {bug_min} min y luego se corrige. Unos minutos después, sin hacer nada más, ¿qué muestra la tabla que lee la app?"
                ),
                Arch::KappaReplay => format!(
                    "Arquitectura Kappa: el job que lee la app cuenta cada pedido dos veces durante {bug_min} min y luego se corrige. Despliegas el job v2, que relee el stream desde TRIM_HORIZON, y la app pasa a su tabla (Switch). ¿Qué muestra la app?"
                ),
            },
            Msg::PipelinesRight => "Los totales correctos".into(),
            Msg::PipelinesWrong => "Totales todavía inflados por el fallo".into(),
            Msg::PipelinesExplain { arch, off_by, minutes } => {
                let why = match (arch, *off_by == 0) {
                    (Arch::Lambda, true) => "La capa batch recalculó la vista desde el dataset maestro, que guarda los datos, no los resultados: el fallo se borró solo.",
                    (Arch::Kappa, false) => "La tabla guarda resultados ya calculados: corregir el código no arregla lo ya escrito. Hace falta reprocesar (job v2 desde TRIM_HORIZON).",
                    (Arch::KappaReplay, true) => "El job v2 releyó todo lo retenido con el código correcto: reprocesar arregla la tabla.",
                    (_, true) => "El resultado ya coincide con el del código correcto.",
                    (_, false) => "El resultado aún no coincide con el del código correcto.",
                };
                format!("Tras {minutes} min simulados, la app difiere en {} unidades de lo que daría el código correcto. {why}", g(off_by))
            }
            Msg::CheaperPrompt { rate, bytes, shards } => format!(
                "Un stream recibe {} registros/s de {} B, sin parar, todo el mes. ¿Qué modo de capacidad costará menos: aprovisionado con {} o bajo demanda?",
                g(rate), g(bytes), shards_es(*shards, false)
            ),
            Msg::CheaperChoice { mode } => match mode {
                Mode::Provisioned => "Aprovisionado (PROVISIONED): pagas shards por hora".into(),
                Mode::OnDemand => "Bajo demanda (ON_DEMAND): pagas por GB escrito y leído".into(),
            },
            Msg::CheaperExplain { rate, bytes, shards, provisioned, on_demand } => format!(
                "Medido: {} registros/s de {} B. Un mes así (us-east-1, 730 h): aprovisionado con {}, {}; bajo demanda, {}.",
                g(rate), g(bytes), shards_es(*shards, false), usd(*provisioned, Lang::Es), usd(*on_demand, Lang::Es)
            ),
        }
    }

    fn en(&self) -> String {
        let g = |n: &u64| grouped(*n, Lang::En);
        match self {
            Msg::RecordsPerSec { n } => format!("{} records/s", g(n)),
            Msg::CallsPerSec { n } => format!("{} {}", g(n), if *n == 1 { "call/s" } else { "calls/s" }),
            Msg::CapacityPrompt { shards, offered, bytes } => format!(
                "The stream has {}. A load-test producer tries to write {} more records/s, of {} B each, spread over many PartitionKeys. How many records/s will the stream accept in all?",
                shards_en(*shards, true), g(offered), g(bytes)
            ),
            Msg::CapacityExplain { shards, accepted, throttled, limit, secs } => format!(
                "Measured over {secs} s: {} records/s accepted ≈ {} × {} records/s, each shard's write limit (and 1 MiB/s). Another {} records/s got ProvisionedThroughputExceededException.",
                g(accepted), shards_en(*shards, false), g(limit), g(throttled)
            ),
            Msg::ShardPrompt { key, shards } => format!(
                "The stream has {}. Which shard will a record with PartitionKey {} go to?",
                shards_en(*shards, true), qe(key)
            ),
            Msg::ShardChoice { shards } => shard_list(shards, "or"),
            Msg::ShardExplain { key, hash, shard, sequence } => format!(
                "PutRecord {} → {shard}, SequenceNumber {sequence}. MD5({}) as a 128-bit number is {hash}: it falls in that shard's hash key range (HashKeyRange).",
                qe(key), qe(key)
            ),
            Msg::OrderPrompt { first, second } => format!(
                "You write record A with PartitionKey {} and right after it record B with PartitionKey {}. In which order will a consumer read them?",
                qe(first), qe(second)
            ),
            Msg::OrderSame => "A before B, guaranteed: same shard, and B gets a larger SequenceNumber".into(),
            Msg::OrderNone => "No order guaranteed between A and B: they go to different shards".into(),
            Msg::OrderReverse => "B before A: the newest is read first".into(),
            Msg::OrderExplain { first, shard_a, seq_a, second, shard_b, seq_b, read_in_order } => {
                let mut s = format!(
                    "PutRecord {} → {shard_a}, SequenceNumber {seq_a}. PutRecord {} → {shard_b}, SequenceNumber {seq_b}. ",
                    qe(first), qe(second)
                );
                if shard_a == shard_b {
                    s += "Same shard: within a shard the SequenceNumber sets the order.";
                    if *read_in_order {
                        s += " GetRecords returned A, then B.";
                    }
                } else {
                    s += "Different shards: each shard has its own sequence, and there is no order across shards.";
                }
                s
            }
            Msg::HotPrompt { key, rate, shards } => format!(
                "The stream has {}. A producer sends {} records/s, all with PartitionKey {}. How many records/s will its shard refuse (ProvisionedThroughputExceededException)?",
                shards_en(*shards, false), g(rate), qe(key)
            ),
            Msg::HotExplain { key, shard, sent, accepted, throttled, limit } => format!(
                "Every record of {} goes to {shard}. Measured: of {} records/s sent, {} accepted (limit: {} records/s per shard) and {} refused. The other shards do not help: the key picks the shard.",
                qe(key), g(sent), g(accepted), g(limit), g(throttled)
            ),
            Msg::ReadersPrompt { apps, calls } => format!(
                "{} applications poll the same shard (GetRecords), {} each. How many calls per second will the shard serve, all together?",
                g(apps), Msg::CallsPerSec { n: *calls }.en()
            ),
            Msg::ReadersExplain { apps, made, served, limit, shared_mib, efo_mib } => format!(
                "Measured: {} calls/s made, {} served{}. The {} polling applications share {} calls/s and {shared_mib} MiB/s per shard. With enhanced fan-out (SubscribeToShard) each consumer would get its own {efo_mib} MiB/s per shard.",
                g(made),
                g(served),
                if served < made { "; the rest got ProvisionedThroughputExceededException" } else { ": they fit in the limit" },
                g(apps),
                g(limit)
            ),
            Msg::RetentionPrompt { key, hours, retention } => format!(
                "You write a record with PartitionKey {} and your consumer stops before reading it. It comes back {hours} h later and reads its shard from TRIM_HORIZON, the oldest record left (retention: {retention} h). What happens to your record?",
                qe(key)
            ),
            Msg::RetentionYours => "Still there: it will be read (TRIM_HORIZON starts at it or before)".into(),
            Msg::RetentionLater => "It expired and is lost: TRIM_HORIZON starts after it".into(),
            Msg::RetentionNothing => "It reads nothing: the shard is empty".into(),
            Msg::RetentionExplain { shard, hours, retention, yours, expired, first_age_min } => {
                let first = match first_age_min {
                    Some(m) => format!("started with a record that arrived {} h {} min ago", m / 60, m % 60),
                    None => "returned nothing".to_string(),
                };
                let yours = if *yours { "your record is still retained" } else { "your record has expired" };
                format!(
                    "After {hours} h, GetRecords from TRIM_HORIZON on {shard} {first}: {yours}. With {retention} h of retention, {} records of that shard expired meanwhile.",
                    g(expired)
                )
            }
            Msg::ReshardPrompt { from, to, key, shard } => format!(
                "UpdateShardCount {} → {} (UNIFORM_SCALING). When the stream is ACTIVE again, how many open shards will it have, and will PartitionKey {} (now on {shard}) still go to that same shard?",
                g(from), g(to), qe(key)
            ),
            Msg::ReshardChoice { open, stays } => format!(
                "{} open shards; the key {}",
                g(open),
                if *stays { "stays on the same shard" } else { "moves to another shard" }
            ),
            Msg::ReshardExplain { open, listed, key, before, after, secs } => format!(
                "ACTIVE again after {secs} s: {} open shards; ListShards lists {} (closed parents stay until they expire). PutRecord {} → {after} (before: {before}).",
                g(open), g(listed), qe(key)
            ),
            Msg::CliPrompt { lines } => {
                format!("You run in the console:\n{}\nWhat does the last command print?", lines.join("\n"))
            }
            Msg::CliPrints { text } => text.clone(),
            Msg::CliExplain { printed } => format!("The console printed: {printed}"),
            Msg::PipelinesPrompt { arch, bug_min } => match arch {
                Arch::Lambda => format!(
                    "Lambda architecture: the speed layer counts every order twice for {bug_min} min, then it is fixed. A few minutes later, doing nothing else, what does the serving layer (batch + realtime) show?"
                ),
                Arch::Kappa => format!(
                    "Kappa architecture: the job the app reads counts every order twice for {bug_min} min, then it is fixed. A few minutes later, doing nothing else, what does the app's table show?"
                ),
                Arch::KappaReplay => format!(
                    "Kappa architecture: the job the app reads counts every order twice for {bug_min} min, then it is fixed. You deploy job v2, which rereads the stream from TRIM_HORIZON, and switch the app to its table (Switch). What does the app show?"
                ),
            },
            Msg::PipelinesRight => "The right totals".into(),
            Msg::PipelinesWrong => "Totals still inflated by the bug".into(),
            Msg::PipelinesExplain { arch, off_by, minutes } => {
                let why = match (arch, *off_by == 0) {
                    (Arch::Lambda, true) => "The batch layer recomputed the view from the master dataset, which keeps the data, not results: the bug went away by itself.",
                    (Arch::Kappa, false) => "The table keeps computed results: fixing the code does not fix what was written. It takes a reprocessing (job v2 from TRIM_HORIZON).",
                    (Arch::KappaReplay, true) => "Job v2 reread everything retained with the right code: reprocessing fixes the table.",
                    (_, true) => "The result now matches the right code's.",
                    (_, false) => "The result does not match the right code's yet.",
                };
                format!("After {minutes} simulated min, the app is off by {} units from what the right code gives. {why}", g(off_by))
            }
            Msg::CheaperPrompt { rate, bytes, shards } => format!(
                "A stream takes {} records/s of {} B, nonstop, all month. Which capacity mode costs less: provisioned with {}, or on-demand?",
                g(rate), g(bytes), shards_en(*shards, false)
            ),
            Msg::CheaperChoice { mode } => match mode {
                Mode::Provisioned => "Provisioned (PROVISIONED): you pay for shards by the hour".into(),
                Mode::OnDemand => "On-demand (ON_DEMAND): you pay per GB written and read".into(),
            },
            Msg::CheaperExplain { rate, bytes, shards, provisioned, on_demand } => format!(
                "Measured: {} records/s of {} B. A month like this (us-east-1, 730 h): provisioned with {}, {}; on-demand, {}.",
                g(rate), g(bytes), shards_en(*shards, false), usd(*provisioned, Lang::En), usd(*on_demand, Lang::En)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prediction_text_differs_by_language_and_isolates_keys() {
        let samples = [
            Msg::ShardPrompt { key: "user-42".into(), shards: 4 },
            Msg::OrderSame,
            Msg::RetentionLater,
            Msg::ReshardChoice { open: 5, stays: false },
            Msg::PipelinesRight,
            Msg::CheaperChoice { mode: Mode::OnDemand },
            Msg::RecordsPerSec { n: 2000 },
        ];
        for m in samples {
            let (es, en) = (m.text(Lang::Es), m.text(Lang::En));
            assert!(!es.is_empty() && es != en, "{m:?}");
        }
        let p = Msg::ShardPrompt { key: "user-42".into(), shards: 4 }.text(Lang::Es);
        assert!(p.contains("PartitionKey «\u{2068}user-42\u{2069}»"), "{p}");
        assert_eq!(Msg::RecordsPerSec { n: 2000 }.text(Lang::Es), "2000 registros/s");
        assert_eq!(Msg::RecordsPerSec { n: 12000 }.text(Lang::Es), "12.000 registros/s");
        assert_eq!(Msg::RecordsPerSec { n: 2000 }.text(Lang::En), "2,000 records/s");
        assert_eq!(shards_es(1, true), "1 shard abierto");
        assert_eq!(shards_en(3, true), "3 open shards");
        assert_eq!(Msg::CallsPerSec { n: 1 }.text(Lang::Es), "1 llamada/s");
        let c = Msg::ShardChoice { shards: vec!["a".into(), "b".into(), "c".into()] };
        assert_eq!((c.text(Lang::Es), c.text(Lang::En)), ("a, b o c".into(), "a, b or c".into()));
    }
}
