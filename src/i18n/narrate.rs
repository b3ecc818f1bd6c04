//! Text of the narration (issue #16, part B): the status line under the clock, the event log,
//! the callouts on rare events, and the "ⓘ" toggletips that make every explanation reachable by
//! tap and keyboard. Spanish and English, one exhaustive match each.
//!
//! [`Narration`] is what happened, as data (a shard, a key, a count): `ui::narrate` builds one
//! from each engine event or world change, and it is written out here in the student's language.
//! AWS's own names (PutRecord, `shardId-…`, ProvisionedThroughputExceededException, CLOSED) stay
//! as AWS spells them, with a Spanish gloss beside them.
//!
//! The callouts' "why" sentences state AWS's behaviour: after a reshard the parent stops taking
//! writes, its keys are routed to the children, and its records stay readable until they expire,
//! so readers finish parents before children (developer guide, "Complete the resharding action",
//! <https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-after-resharding.html>);
//! a shard takes up to 1 MB/s or 1,000 records/s of writes and refuses the rest with
//! ProvisionedThroughputExceededException (API reference, PutRecord,
//! <https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html>).

use super::lang::{isolate, keys, Lang, Message, Phrase};
use super::numbers::grouped;
use crate::engine::state::consumer::ConsumerStatus;
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamStatus;
use crate::engine::state::subscription::SubscriptionEnd;

keys! {
    /// A fixed string of the narration.
    pub enum Text {
        /// Label of the status line (visually hidden: the line speaks for itself).
        StatusLabel,
        /// The status line before anything happened.
        StatusIdle,
        /// Summary of the collapsible event log.
        LogTitle,
        /// The event log when no entry passes the filters.
        LogEmpty,
        /// Label of the log's filter group.
        LogFilters,
        /// Filter: writes.
        KindWrites,
        /// Filter: shards.
        KindShards,
        /// Filter: throttling.
        KindThrottling,
        /// Filter: expiry.
        KindExpiry,
        /// Filter: consumers.
        KindConsumers,
        /// The callout's close button.
        CloseCallout,
        /// Why a closed shard matters.
        WhyShardClosed,
        /// Why a new child shard matters.
        WhyShardOpened,
        /// Why throttling matters.
        WhyThrottled,
        /// Why a record that expired unread matters.
        WhyLost,
        /// Why a consumer falling behind matters.
        WhyBehind,
        /// The toggletip button's accessible name prefix.
        MoreInfo,
        /// The clock toggletip's topic.
        ClockHelpTopic,
        /// What the footer's digest is (topic of its toggletip).
        DigestTopic,
        /// Topic of the flow view's consumer-card toggletip.
        ConsumerCardTopic,
        /// The hashing view's button that sends the typed key with PutRecord.
        PutThisKey,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::StatusLabel => "Lo último que pasó",
            Text::StatusIdle => "Aún no ha pasado nada: pulsa ▶ Reproducir o ⏭ Paso.",
            Text::LogTitle => "Registro de eventos",
            Text::LogEmpty => "Ningún evento de estos tipos todavía.",
            Text::LogFilters => "Tipos de evento",
            Text::KindWrites => "Escrituras",
            Text::KindShards => "Shards",
            Text::KindThrottling => "Limitación (throttling)",
            Text::KindExpiry => "Caducidad",
            Text::KindConsumers => "Consumidores",
            Text::CloseCallout => "Cerrar el aviso",
            Text::WhyShardClosed => "Un shard cerrado (CLOSED) ya no acepta escrituras: sus claves van ahora a los hijos, y un lector debe terminar el padre antes de leer los hijos para no desordenar una clave.",
            Text::WhyShardOpened => "El nuevo shard recibe parte del espacio de hash: las claves de ese rango escriben ahora en él.",
            Text::WhyThrottled => "El shard superó su límite (1 MB/s o 1000 registros/s): AWS rechaza el exceso y el productor debe reintentar, así que los registros llegan tarde.",
            Text::WhyLost => "Esos registros salieron de la retención antes de que el consumidor los leyera: se han perdido para él y no se pueden recuperar.",
            Text::WhyBehind => "El consumidor lee más despacio de lo que se escribe: si su retraso llega a la retención, empezará a perder registros.",
            Text::MoreInfo => "Más información",
            Text::ClockHelpTopic => "los controles del reloj",
            Text::DigestTopic => "el resumen (digest)",
            Text::ConsumerCardTopic => "las cifras de cada consumidor",
            Text::PutThisKey => "Enviar con PutRecord",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::StatusLabel => "What just happened",
            Text::StatusIdle => "Nothing has happened yet: press ▶ Play or ⏭ Step.",
            Text::LogTitle => "Event log",
            Text::LogEmpty => "No events of these kinds yet.",
            Text::LogFilters => "Event kinds",
            Text::KindWrites => "Writes",
            Text::KindShards => "Shards",
            Text::KindThrottling => "Throttling",
            Text::KindExpiry => "Expiry",
            Text::KindConsumers => "Consumers",
            Text::CloseCallout => "Close the callout",
            Text::WhyShardClosed => "A CLOSED shard takes no more writes: its keys now go to its children, and a reader must finish the parent before reading the children to keep each key in order.",
            Text::WhyShardOpened => "The new shard owns part of the hash space: keys in that range now write to it.",
            Text::WhyThrottled => "The shard passed its limit (1 MB/s or 1,000 records/s): AWS refuses the excess and the producer must retry, so records arrive late.",
            Text::WhyLost => "Those records left the retention window before the consumer read them: they are lost to it and cannot be recovered.",
            Text::WhyBehind => "The consumer reads slower than records are written: if its lag reaches the retention period, it will start losing records.",
            Text::MoreInfo => "More information",
            Text::ClockHelpTopic => "the clock controls",
            Text::DigestTopic => "the digest",
            Text::ConsumerCardTopic => "each consumer's figures",
            Text::PutThisKey => "Send with PutRecord",
        }
    }
}

/// Something the simulation did, as data: written out in either language by [`Message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Narration {
    /// CreateStream: the stream exists.
    StreamCreated {
        /// Its name.
        name: String,
    },
    /// The stream's status changed.
    StreamStatus {
        /// New status.
        status: StreamStatus,
    },
    /// The stream was deleted.
    StreamDeleted {
        /// Its name.
        name: String,
    },
    /// A shard opened; with parents, a split or merge made it.
    ShardOpened {
        /// The new shard.
        shard: ShardId,
        /// `ParentShardId` and `AdjacentParentShardId`, when it has them.
        parents: Vec<ShardId>,
    },
    /// A shard closed (split or merge).
    ShardClosed {
        /// The closed shard.
        shard: ShardId,
        /// Its children.
        children: Vec<ShardId>,
    },
    /// A closed shard passed retention and is no longer listed.
    ShardExpired {
        /// The shard.
        shard: ShardId,
    },
    /// A record was accepted (PutRecord or PutRecords).
    Put {
        /// Its PartitionKey.
        key: String,
        /// The shard it went to.
        shard: ShardId,
        /// Its SequenceNumber (all its digits).
        seq: String,
        /// Put by the student (a view's button, the console) rather than a simulated producer.
        yours: bool,
        /// Other records accepted since the previous write in the log (sampling).
        more: u64,
    },
    /// Writes refused with ProvisionedThroughputExceededException.
    WriteThrottled {
        /// The shard.
        shard: ShardId,
        /// Records refused since the previous throttling entry for this shard.
        count: u64,
    },
    /// Reads refused with ProvisionedThroughputExceededException.
    ReadThrottled {
        /// The shard.
        shard: ShardId,
        /// Calls refused since the previous entry.
        count: u64,
    },
    /// GetRecords returned records.
    Read {
        /// The shard.
        shard: ShardId,
        /// Records returned by the latest call.
        records: u64,
    },
    /// SubscribeToShard pushed records (enhanced fan-out).
    Pushed {
        /// The shard.
        shard: ShardId,
        /// Records in the latest event.
        records: u64,
    },
    /// Records passed the retention period and were removed.
    RecordsExpired {
        /// The shard.
        shard: ShardId,
        /// How many, in the latest trim.
        count: u64,
        /// The retention period, hours.
        hours: u32,
    },
    /// The retention period changed.
    RetentionChanged {
        /// New retention, hours.
        hours: u32,
    },
    /// The capacity mode changed.
    ModeChanged {
        /// `PROVISIONED` or `ON_DEMAND`.
        mode: &'static str,
    },
    /// Server-side encryption changed.
    EncryptionChanged {
        /// `NONE` or `KMS`.
        encryption: &'static str,
    },
    /// RegisterStreamConsumer (enhanced fan-out).
    ConsumerRegistered {
        /// `ConsumerName`.
        name: String,
    },
    /// An enhanced fan-out consumer's status changed.
    ConsumerStatus {
        /// `ConsumerName`.
        name: String,
        /// New status.
        status: ConsumerStatus,
    },
    /// An enhanced fan-out consumer is gone.
    ConsumerDeleted {
        /// `ConsumerName`.
        name: String,
    },
    /// A SubscribeToShard subscription ended.
    SubscriptionEnded {
        /// `ConsumerName`.
        name: String,
        /// The shard.
        shard: ShardId,
        /// Why.
        reason: SubscriptionEnd,
    },
    /// A Lambda consumer was invoked.
    LambdaInvoked {
        /// The consumer's name.
        name: String,
        /// Records in the batch (the average when several started together).
        records: u64,
    },
    /// Records expired before a consumer read them.
    ConsumerLost {
        /// The consumer's name.
        name: String,
        /// How many.
        count: u64,
    },
    /// A consumer fell behind the tip of the stream.
    ConsumerBehind {
        /// The consumer's name.
        name: String,
        /// How far behind, whole minutes.
        minutes: u64,
    },
}

/// `4959…123456`: the head and tail of a sequence number (all 56 digits do not fit a line).
pub fn seq_short(seq: &str) -> String {
    let n = seq.chars().count();
    if n <= 12 {
        return seq.to_string();
    }
    let head: String = seq.chars().take(4).collect();
    let tail: String = seq.chars().skip(n - 6).collect();
    format!("{head}…{tail}")
}

fn list(ids: &[ShardId]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

fn status_es(s: ConsumerStatus) -> &'static str {
    match s {
        ConsumerStatus::Creating => "CREATING (creándose)",
        ConsumerStatus::Active => "ACTIVE (listo)",
        ConsumerStatus::Deleting => "DELETING (borrándose)",
    }
}

fn status_en(s: ConsumerStatus) -> &'static str {
    match s {
        ConsumerStatus::Creating => "CREATING",
        ConsumerStatus::Active => "ACTIVE",
        ConsumerStatus::Deleting => "DELETING",
    }
}

impl Message for Narration {
    fn es(&self) -> String {
        let l = Lang::Es;
        match self {
            Narration::StreamCreated { name } => format!("CreateStream: se crea el stream {}", isolate(name)),
            Narration::StreamStatus { status } => format!("El stream pasa a {}", stream_status(*status, l)),
            Narration::StreamDeleted { name } => format!("Stream {} borrado", isolate(name)),
            Narration::ShardOpened { shard, parents } if parents.is_empty() => format!("{shard} abierto (OPEN)"),
            Narration::ShardOpened { shard, parents } => format!("{shard} abierto (OPEN); padre: {}", list(parents)),
            Narration::ShardClosed { shard, children } if children.is_empty() => format!("{shard} cerrado (CLOSED)"),
            Narration::ShardClosed { shard, children } => {
                format!("{shard} cerrado (CLOSED); hijos: {}", list(children))
            }
            Narration::ShardExpired { shard } => format!("{shard} caducado (EXPIRED): ya pasó la retención"),
            Narration::Put { key, shard, seq, yours, more } => {
                let who = if *yours { "Tu PutRecord" } else { "PutRecord" };
                let more = match more {
                    0 => String::new(),
                    n => format!(" (+{} registros más)", grouped(*n, l)),
                };
                format!("{who} {} → {shard}, seq {}{more}", isolate(key), seq_short(seq))
            }
            Narration::WriteThrottled { shard, count } => format!(
                "Escritura limitada (throttling): ProvisionedThroughputExceededException en {shard} ({} rechazados)",
                grouped(*count, l)
            ),
            Narration::ReadThrottled { shard, count } => format!(
                "Lectura limitada (throttling): ProvisionedThroughputExceededException en {shard} ({} llamadas)",
                grouped(*count, l)
            ),
            Narration::Read { shard, records } => {
                format!("GetRecords en {shard} devolvió {} registros", grouped(*records, l))
            }
            Narration::Pushed { shard, records } => {
                format!("SubscribeToShard empujó {} registros de {shard}", grouped(*records, l))
            }
            Narration::RecordsExpired { shard, count, hours } => format!(
                "{} registros caducados en {shard} (retención {} h)",
                grouped(*count, l),
                grouped(u64::from(*hours), l)
            ),
            Narration::RetentionChanged { hours } => {
                format!("Retención cambiada a {} h", grouped(u64::from(*hours), l))
            }
            Narration::ModeChanged { mode } => format!("Modo de capacidad: {mode}"),
            Narration::EncryptionChanged { encryption } => format!("Cifrado: {encryption}"),
            Narration::ConsumerRegistered { name } => {
                format!("RegisterStreamConsumer: consumidor {} (enhanced fan-out)", isolate(name))
            }
            Narration::ConsumerStatus { name, status } => {
                format!("Consumidor {}: {}", isolate(name), status_es(*status))
            }
            Narration::ConsumerDeleted { name } => format!("Consumidor {} eliminado", isolate(name)),
            Narration::SubscriptionEnded { name, shard, reason } => {
                format!("Suscripción de {} a {shard} terminada: {}", isolate(name), end_reason(*reason, l))
            }
            Narration::LambdaInvoked { name, records } => {
                format!("Lambda {} invocada con {} registros", isolate(name), grouped(*records, l))
            }
            Narration::ConsumerLost { name, count } => {
                format!("{} registros caducaron sin que {} los leyera", grouped(*count, l), isolate(name))
            }
            Narration::ConsumerBehind { name, minutes } => {
                format!("{} va {} min por detrás del último registro", isolate(name), grouped(*minutes, l))
            }
        }
    }

    fn en(&self) -> String {
        let l = Lang::En;
        match self {
            Narration::StreamCreated { name } => format!("CreateStream: stream {} created", isolate(name)),
            Narration::StreamStatus { status } => format!("The stream is now {}", stream_status(*status, l)),
            Narration::StreamDeleted { name } => format!("Stream {} deleted", isolate(name)),
            Narration::ShardOpened { shard, parents } if parents.is_empty() => format!("{shard} OPEN"),
            Narration::ShardOpened { shard, parents } => format!("{shard} OPEN; parent: {}", list(parents)),
            Narration::ShardClosed { shard, children } if children.is_empty() => format!("{shard} CLOSED"),
            Narration::ShardClosed { shard, children } => format!("{shard} CLOSED; children {}", list(children)),
            Narration::ShardExpired { shard } => format!("{shard} EXPIRED: past the retention period"),
            Narration::Put { key, shard, seq, yours, more } => {
                let who = if *yours { "Your PutRecord" } else { "PutRecord" };
                let more = match more {
                    0 => String::new(),
                    n => format!(" (+{} more records)", grouped(*n, l)),
                };
                format!("{who} {} → {shard}, seq {}{more}", isolate(key), seq_short(seq))
            }
            Narration::WriteThrottled { shard, count } => format!(
                "Throttled: ProvisionedThroughputExceededException on {shard} ({} writes refused)",
                grouped(*count, l)
            ),
            Narration::ReadThrottled { shard, count } => format!(
                "Read throttled: ProvisionedThroughputExceededException on {shard} ({} calls)",
                grouped(*count, l)
            ),
            Narration::Read { shard, records } => {
                format!("GetRecords on {shard} returned {} records", grouped(*records, l))
            }
            Narration::Pushed { shard, records } => {
                format!("SubscribeToShard pushed {} records from {shard}", grouped(*records, l))
            }
            Narration::RecordsExpired { shard, count, hours } => format!(
                "{} records expired on {shard} (retention {} h)",
                grouped(*count, l),
                grouped(u64::from(*hours), l)
            ),
            Narration::RetentionChanged { hours } => format!("Retention set to {} h", grouped(u64::from(*hours), l)),
            Narration::ModeChanged { mode } => format!("Capacity mode: {mode}"),
            Narration::EncryptionChanged { encryption } => format!("Encryption: {encryption}"),
            Narration::ConsumerRegistered { name } => {
                format!("RegisterStreamConsumer: consumer {} (enhanced fan-out)", isolate(name))
            }
            Narration::ConsumerStatus { name, status } => {
                format!("Consumer {}: {}", isolate(name), status_en(*status))
            }
            Narration::ConsumerDeleted { name } => format!("Consumer {} deleted", isolate(name)),
            Narration::SubscriptionEnded { name, shard, reason } => {
                format!("{}'s subscription to {shard} ended: {}", isolate(name), end_reason(*reason, l))
            }
            Narration::LambdaInvoked { name, records } => {
                format!("Lambda {} invoked with {} records", isolate(name), grouped(*records, l))
            }
            Narration::ConsumerLost { name, count } => {
                format!("{} records expired before {} read them", grouped(*count, l), isolate(name))
            }
            Narration::ConsumerBehind { name, minutes } => {
                format!("{} is {} min behind the latest record", isolate(name), grouped(*minutes, l))
            }
        }
    }
}

fn stream_status(s: StreamStatus, lang: Lang) -> String {
    let gloss = match (s, lang) {
        (StreamStatus::Creating, Lang::Es) => " (creándose)",
        (StreamStatus::Active, Lang::Es) => " (activo)",
        (StreamStatus::Updating, Lang::Es) => " (actualizándose)",
        (StreamStatus::Deleting, Lang::Es) => " (borrándose)",
        (_, Lang::En) => "",
    };
    format!("{}{gloss}", s.as_str())
}

fn end_reason(r: SubscriptionEnd, lang: Lang) -> &'static str {
    match (r, lang) {
        (SubscriptionEnd::Expired, Lang::Es) => "pasaron sus 5 minutos",
        (SubscriptionEnd::Expired, Lang::En) => "its 5 minutes were up",
        (SubscriptionEnd::ShardEnd, Lang::Es) => "leyó el shard cerrado hasta el final",
        (SubscriptionEnd::ShardEnd, Lang::En) => "it read the closed shard to its end",
        (SubscriptionEnd::TakenOver, Lang::Es) => "otra suscripción la sustituyó",
        (SubscriptionEnd::TakenOver, Lang::En) => "another subscription took over",
        (SubscriptionEnd::ConsumerDeleted, Lang::Es) => "el consumidor se eliminó",
        (SubscriptionEnd::ConsumerDeleted, Lang::En) => "the consumer was deleted",
        (SubscriptionEnd::StreamDeleted, Lang::Es) => "el stream se borró",
        (SubscriptionEnd::StreamDeleted, Lang::En) => "the stream was deleted",
        (SubscriptionEnd::ShardExpired, Lang::Es) => "el shard caducó antes de leerlo entero",
        (SubscriptionEnd::ShardExpired, Lang::En) => "the shard expired before it was read to its end",
    }
}

impl Narration {
    /// Why this event matters, in one sentence, when it deserves a callout.
    pub fn why(&self) -> Option<Text> {
        match self {
            Narration::ShardClosed { .. } => Some(Text::WhyShardClosed),
            Narration::ShardOpened { parents, .. } if !parents.is_empty() => Some(Text::WhyShardOpened),
            Narration::WriteThrottled { .. } => Some(Text::WhyThrottled),
            Narration::ConsumerLost { .. } => Some(Text::WhyLost),
            Narration::ConsumerBehind { .. } => Some(Text::WhyBehind),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_text_is_translated_and_non_empty() {
        assert_eq!(same_in_both(Text::ALL), vec![Text::KindShards], "only AWS's term may match");
    }

    /// Spanish groups thousands only from five digits (CLDR, `numbers.rs`): 1000, 10.000.
    #[test]
    fn spanish_callouts_write_four_digit_numbers_ungrouped() {
        for t in Text::ALL {
            assert!(!t.es().contains("1.000"), "{t:?}: {}", t.es());
        }
        assert!(Text::WhyThrottled.es().contains("1000 registros/s"));
        assert!(Text::WhyThrottled.en().contains("1,000 records/s"));
    }

    #[test]
    fn sequence_numbers_are_shortened_to_head_and_tail() {
        let seq = "49590338271490256608559692538361571095921575989136588898";
        assert_eq!(seq_short(seq), "4959…588898");
        assert_eq!(seq_short("123"), "123");
    }
}
