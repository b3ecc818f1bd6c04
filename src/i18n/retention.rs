//! Text of the retention view (`#/retention`), Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values.

use super::lang::{keys, Lang, Message, Phrase, FSI, PDI};
use super::numbers::grouped;
use crate::engine::state::shard::ShardId;

keys! {
    /// A fixed string of the retention view.
    pub enum Text {
        /// Retention: records over time
        Title,
        /// Each row is a shard (closed ones too). Marks are records at their arrival time; the shaded zone is the retention period and its left edge is the trim horizon. As the clock runs, records cross that edge and expire. Use 3600× to pass 24 h in 24 s.
        Help,
        /// Retention period
        RetentionHeading,
        /// New period (hours, 24–8760)
        RetentionLabel,
        /// Increase (IncreaseStreamRetentionPeriod)
        Increase,
        /// Decrease (DecreaseStreamRetentionPeriod)
        Decrease,
        /// AWS rules: 24 to 8760 h; Increase needs a value ≥ the current one and Decrease ≤ it. A decrease deletes older records at once; an increase does not bring expired ones back.
        Rules,
        /// Increased. Records that had already expired do not come back: they were deleted, not hidden.
        IncreaseNote,
        /// Decreased. Records older than the new period were deleted right now.
        DecreaseNote,
        /// The minimum is 24 hours.
        ExplainTooShort,
        /// The maximum is 8760 hours (365 days).
        ExplainTooLong,
        /// Increase does not accept a value below the current one: use Decrease.
        ExplainNotLonger,
        /// Decrease does not accept a value above the current one: use Increase.
        ExplainNotShorter,
        /// AWS refused the request; the message above says why.
        ExplainOther,
        /// Iterators: GetShardIterator + GetRecords
        IteratorsHeading,
        /// Iterator type (ShardIteratorType)
        IteratorType,
        /// Shard
        Shard,
        /// Chosen record (or click a mark)
        Record,
        /// — none —
        NoRecord,
        /// Time for AT_TIMESTAMP, hours since start (or click a row)
        Timestamp,
        /// Read (GetShardIterator + GetRecords)
        Run,
        /// GetRecords again with the same iterator
        Again,
        /// Records returned
        RecordsReturned,
        /// No NextShardIterator: the end of a closed shard.
        EndOfShard,
        /// The iterator was more than 5 minutes old: get a new one with GetShardIterator.
        ExpiredExplain,
        /// Choose a record first (click a mark or use the list).
        NeedRecord,
        /// Consumers
        ConsumersHeading,
        /// Cost
        CostHeading,
        /// Assumptions: us-east-1 prices (they change), provisioned mode: $0.015/shard-hour; extended retention (24 h–7 d) $0.020/shard-hour; long-term (> 7 d) $0.023/GB-month; 730-hour month, current traffic held steady, no free tier or taxes.
        CostAssumptions,
        /// The link from the cost card to the cost view.
        CostLink,
        /// Markers: TH = TRIM_HORIZON, AT = AT_SEQUENCE_NUMBER, AF = AFTER_SEQUENCE_NUMBER, TS = AT_TIMESTAMP, L = LATEST. Letters with a triangle: consumers (red with ⚠ = overtaken by the trim horizon). Hatched zone: expired. Red band ✗A: records consumer A lost, drawn over their arrival bounds.
        Legend,
        /// expired
        Expired,
        /// retained
        Retained,
        /// closed
        Closed,
        /// now
        Now,
    }
}

/// A message of the retention view with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The trim horizon's label: `trim horizon = now − 24 h`.
    TrimHorizon {
        /// The retention period, written out (`24 h`).
        retention: String,
    },
    /// The current retention and its stream.
    Current {
        /// Retention period, hours.
        hours: u32,
        /// The stream's name.
        stream: String,
    },
    /// How many records one mark stands for.
    Aggregated {
        /// Records per mark.
        stride: u64,
        /// Marks drawn.
        drawn: u64,
        /// Records retained.
        total: u64,
    },
    /// A consumer's losses.
    Lost {
        /// Records lost.
        lost: u64,
    },
    /// Records a consumer lost on one shard: positions `#from–#to` (inclusive), how many, and
    /// between which axis times they arrived; `read` more records in that span were read, not
    /// lost.
    LostRange {
        /// The consumer's name.
        consumer: String,
        /// The shard.
        shard: ShardId,
        /// First position lost.
        from: u64,
        /// Last position lost (inclusive).
        to: u64,
        /// Records lost.
        n: u64,
        /// Records of that span that were read.
        read: u64,
        /// Arrival time (on the axis) of the last record read before them.
        after: String,
        /// Arrival time (on the axis) of the first record read after them.
        before: String,
    },
    /// Older loss episodes not listed.
    EarlierLosses {
        /// Episodes not listed.
        n: usize,
    },
    /// A consumer overtaken by the trim horizon: records `from..=to` expired before it read them.
    Overtaken {
        /// The shard.
        shard: ShardId,
        /// Records that expired unread.
        n: u64,
        /// First position expired.
        from: u64,
        /// Last position expired (inclusive).
        to: u64,
    },
    /// A consumer's position in a shard.
    Behind {
        /// The shard.
        shard: ShardId,
        /// How old the records it reads are, written out.
        ago: String,
    },
    /// The monthly cost line.
    Cost {
        /// Monthly total, written out (`$10.95`).
        total: String,
        /// The part due to retention, written out.
        retention: String,
        /// Open shards.
        shards: u64,
        /// Retention period, hours.
        hours: u32,
        /// Records per second.
        rate: u64,
        /// Average record size, bytes.
        bytes: u64,
    },
    /// The age of the kept iterator.
    IteratorAge {
        /// Its age, written out.
        age: String,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Retención: los registros en el tiempo",
            Text::Help => "Cada fila es un shard (también los cerrados). Las marcas son registros en su instante de llegada; la zona sombreada es el periodo de retención y su borde izquierdo es el trim horizon. Al correr el reloj, los registros cruzan ese borde y expiran. Usa 3600× para que 24 h pasen en 24 s.",
            Text::RetentionHeading => "Periodo de retención",
            Text::RetentionLabel => "Nuevo periodo (horas, 24–8760)",
            Text::Increase => "Aumentar (IncreaseStreamRetentionPeriod)",
            Text::Decrease => "Reducir (DecreaseStreamRetentionPeriod)",
            Text::Rules => "Reglas de AWS: entre 24 y 8760 h; Increase pide un valor ≥ al actual y Decrease ≤ al actual. Reducir borra al instante los registros más antiguos; aumentar no devuelve los ya expirados.",
            Text::IncreaseNote => "Aumentado. Los registros que ya habían expirado no vuelven: se borraron, no estaban ocultos.",
            Text::DecreaseNote => "Reducido. Los registros más antiguos que el nuevo periodo se han borrado ahora mismo.",
            Text::ExplainTooShort => "El mínimo es 24 horas.",
            Text::ExplainTooLong => "El máximo es 8760 horas (365 días).",
            Text::ExplainNotLonger => "Increase no acepta un valor menor que el actual: usa Decrease.",
            Text::ExplainNotShorter => "Decrease no acepta un valor mayor que el actual: usa Increase.",
            Text::ExplainOther => "AWS rechazó la petición; el mensaje de arriba dice por qué.",
            Text::IteratorsHeading => "Iteradores: GetShardIterator + GetRecords",
            Text::IteratorType => "Tipo de iterador (ShardIteratorType)",
            Text::Shard => "Shard",
            Text::Record => "Registro elegido (o clic en una marca)",
            Text::NoRecord => "— ninguno —",
            Text::Timestamp => "Instante para AT_TIMESTAMP, horas desde el inicio (o clic en una fila)",
            Text::Run => "Leer (GetShardIterator + GetRecords)",
            Text::Again => "GetRecords otra vez con el mismo iterador",
            Text::RecordsReturned => "Registros devueltos",
            Text::EndOfShard => "Sin NextShardIterator: fin de un shard cerrado.",
            Text::ExpiredExplain => "El iterador tenía más de 5 minutos: pide uno nuevo con GetShardIterator.",
            Text::NeedRecord => "Elige primero un registro (clic en una marca o en la lista).",
            Text::ConsumersHeading => "Consumidores",
            Text::CostHeading => "Coste",
            Text::CostLink => "Factura por conceptos, modo más barato, modos de capacidad y cuotas: vista Coste →",
            Text::CostAssumptions => "Supuestos: precios de us-east-1 (pueden cambiar), modo aprovisionado: 0,015 US$/shard-hora; retención extendida (24 h–7 d) 0,020 US$/shard-hora; a largo plazo (> 7 d) 0,023 US$/GB-mes; mes de 730 h, tráfico actual constante, sin nivel gratuito ni impuestos.",
            Text::Legend => "Marcadores: TH = TRIM_HORIZON, AT = AT_SEQUENCE_NUMBER, AF = AFTER_SEQUENCE_NUMBER, TS = AT_TIMESTAMP, L = LATEST. Letras con triángulo: consumidores (rojo con ⚠ = adelantado por el trim horizon). Zona rayada: expirado. Banda roja ✗A: registros que el consumidor A perdió (expiraron antes de que los leyera), dibujados entre la llegada del último que leyó antes y la del primero que leyó después.",
            Text::Expired => "expirados",
            Text::Retained => "retenidos",
            Text::Closed => "cerrado",
            Text::Now => "ahora",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Retention: records over time",
            Text::Help => "Each row is a shard (closed ones too). Marks are records at their arrival time; the shaded zone is the retention period and its left edge is the trim horizon. As the clock runs, records cross that edge and expire. Use 3600× to pass 24 h in 24 s.",
            Text::RetentionHeading => "Retention period",
            Text::RetentionLabel => "New period (hours, 24–8760)",
            Text::Increase => "Increase (IncreaseStreamRetentionPeriod)",
            Text::Decrease => "Decrease (DecreaseStreamRetentionPeriod)",
            Text::Rules => "AWS rules: 24 to 8760 h; Increase needs a value ≥ the current one and Decrease ≤ it. A decrease deletes older records at once; an increase does not bring expired ones back.",
            Text::IncreaseNote => "Increased. Records that had already expired do not come back: they were deleted, not hidden.",
            Text::DecreaseNote => "Decreased. Records older than the new period were deleted right now.",
            Text::ExplainTooShort => "The minimum is 24 hours.",
            Text::ExplainTooLong => "The maximum is 8760 hours (365 days).",
            Text::ExplainNotLonger => "Increase does not accept a value below the current one: use Decrease.",
            Text::ExplainNotShorter => "Decrease does not accept a value above the current one: use Increase.",
            Text::ExplainOther => "AWS refused the request; the message above says why.",
            Text::IteratorsHeading => "Iterators: GetShardIterator + GetRecords",
            Text::IteratorType => "Iterator type (ShardIteratorType)",
            Text::Shard => "Shard",
            Text::Record => "Chosen record (or click a mark)",
            Text::NoRecord => "— none —",
            Text::Timestamp => "Time for AT_TIMESTAMP, hours since start (or click a row)",
            Text::Run => "Read (GetShardIterator + GetRecords)",
            Text::Again => "GetRecords again with the same iterator",
            Text::RecordsReturned => "Records returned",
            Text::EndOfShard => "No NextShardIterator: the end of a closed shard.",
            Text::ExpiredExplain => "The iterator was more than 5 minutes old: get a new one with GetShardIterator.",
            Text::NeedRecord => "Choose a record first (click a mark or use the list).",
            Text::ConsumersHeading => "Consumers",
            Text::CostHeading => "Cost",
            Text::CostLink => "Line items, the cheaper mode, capacity modes and quotas: the Cost view →",
            Text::CostAssumptions => "Assumptions: us-east-1 prices (they change), provisioned mode: $0.015/shard-hour; extended retention (24 h–7 d) $0.020/shard-hour; long-term (> 7 d) $0.023/GB-month; 730-hour month, current traffic held steady, no free tier or taxes.",
            Text::Legend => "Markers: TH = TRIM_HORIZON, AT = AT_SEQUENCE_NUMBER, AF = AFTER_SEQUENCE_NUMBER, TS = AT_TIMESTAMP, L = LATEST. Letters with a triangle: consumers (red with ⚠ = overtaken by the trim horizon). Hatched zone: expired. Red band ✗A: records consumer A lost (they expired before it read them), drawn from the arrival of the last record it read before them to that of the first one it read after.",
            Text::Expired => "expired",
            Text::Retained => "retained",
            Text::Closed => "closed",
            Text::Now => "now",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::TrimHorizon { retention } => format!("trim horizon = ahora − {retention}"),
            Msg::Current { hours, stream } => format!("{FSI}{stream}{PDI}: {hours} h de retención"),
            Msg::Aggregated { stride, drawn, total } => {
                let g = |n: &u64| grouped(*n, Lang::Es);
                format!("{} marcas de {} registros retenidos: cada marca agrupa {}", g(drawn), g(total), g(stride))
            }
            Msg::Lost { lost } => format!("{} registros perdidos (expiraron sin leerse)", grouped(*lost, Lang::Es)),
            Msg::LostRange { consumer, shard, from, to, n, read, after, before } => {
                let mut s = format!(
                    "{FSI}{consumer}{PDI} perdió los registros #{from}–#{to} ({}) de {shard}, llegados entre {after} y {before}",
                    grouped(*n, Lang::Es)
                );
                if *read > 0 {
                    s += &format!("; de ese tramo leyó los otros {}", grouped(*read, Lang::Es));
                }
                s
            }
            Msg::EarlierLosses { n } => format!("… y {} episodios de pérdida anteriores", grouped(*n as u64, Lang::Es)),
            Msg::Overtaken { shard, n, from, to } => {
                format!(
                    "⚠ {shard}: el trim horizon lo adelantó; {} registros sin leer expiraron (posiciones {from}–{to})",
                    grouped(*n, Lang::Es)
                )
            }
            Msg::Behind { shard, ago } => format!("{shard}: leyendo registros de hace {ago}"),
            Msg::Cost { total, retention, shards, hours, rate, bytes } => format!(
                "{} {}, {hours} h de retención, {} {} de {} B: {total} al mes, de ellos {retention} por la retención",
                grouped(*shards, Lang::Es),
                if *shards == 1 { "shard abierto" } else { "shards abiertos" },
                grouped(*rate, Lang::Es),
                if *rate == 1 { "registro/s" } else { "registros/s" },
                grouped(*bytes, Lang::Es)
            ),
            Msg::IteratorAge { age } => format!("iterador emitido hace {age} (caduca a los 5 min)"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::TrimHorizon { retention } => format!("trim horizon = now − {retention}"),
            Msg::Current { hours, stream } => format!("{FSI}{stream}{PDI}: {hours} h retention"),
            Msg::Aggregated { stride, drawn, total } => {
                let g = |n: &u64| grouped(*n, Lang::En);
                format!("{} marks for {} retained records: each mark stands for {}", g(drawn), g(total), g(stride))
            }
            Msg::Lost { lost } => format!("{} records lost (expired unread)", grouped(*lost, Lang::En)),
            Msg::LostRange { consumer, shard, from, to, n, read, after, before } => {
                let mut s = format!(
                    "{FSI}{consumer}{PDI} lost records #{from}–#{to} ({}) on {shard}, which arrived between {after} and {before}",
                    grouped(*n, Lang::En)
                );
                if *read > 0 {
                    s += &format!("; it read the other {} in that span", grouped(*read, Lang::En));
                }
                s
            }
            Msg::EarlierLosses { n } => format!("… and {} earlier loss episodes", grouped(*n as u64, Lang::En)),
            Msg::Overtaken { shard, n, from, to } => {
                format!(
                    "⚠ {shard}: overtaken by the trim horizon; {} unread records expired (positions {from}–{to})",
                    grouped(*n, Lang::En)
                )
            }
            Msg::Behind { shard, ago } => format!("{shard}: reading records from {ago} ago"),
            Msg::Cost { total, retention, shards, hours, rate, bytes } => format!(
                "{} {}, {hours} h retention, {} {} of {} B: {total} per month, of which {retention} for retention",
                grouped(*shards, Lang::En),
                if *shards == 1 { "open shard" } else { "open shards" },
                grouped(*rate, Lang::En),
                if *rate == 1 { "record/s" } else { "records/s" },
                grouped(*bytes, Lang::En)
            ),
            Msg::IteratorAge { age } => format!("iterator issued {age} ago (expires after 5 min)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_retention_text_is_translated() {
        // Only AWS API names stay the same.
        assert_eq!(same_in_both(Text::ALL), vec![Text::Shard]);
        for l in Lang::ALL {
            assert!(Msg::TrimHorizon { retention: "24 h".into() }.text(l).contains("trim horizon"));
        }
    }
}
