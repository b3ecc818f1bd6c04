//! Text of the retention view (`#/retention`), Spanish and English, one exhaustive match each.

use super::Lang;

/// A fixed string of the retention view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RetentionText {
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

impl RetentionText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [RetentionText] = &[
        RetentionText::Title,
        RetentionText::Help,
        RetentionText::RetentionHeading,
        RetentionText::RetentionLabel,
        RetentionText::Increase,
        RetentionText::Decrease,
        RetentionText::Rules,
        RetentionText::IncreaseNote,
        RetentionText::DecreaseNote,
        RetentionText::ExplainTooShort,
        RetentionText::ExplainTooLong,
        RetentionText::ExplainNotLonger,
        RetentionText::ExplainNotShorter,
        RetentionText::ExplainOther,
        RetentionText::IteratorsHeading,
        RetentionText::IteratorType,
        RetentionText::Shard,
        RetentionText::Record,
        RetentionText::NoRecord,
        RetentionText::Timestamp,
        RetentionText::Run,
        RetentionText::Again,
        RetentionText::RecordsReturned,
        RetentionText::EndOfShard,
        RetentionText::ExpiredExplain,
        RetentionText::NeedRecord,
        RetentionText::ConsumersHeading,
        RetentionText::CostHeading,
        RetentionText::CostAssumptions,
        RetentionText::Legend,
        RetentionText::Expired,
        RetentionText::Retained,
        RetentionText::Closed,
        RetentionText::Now,
    ];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }
}

fn es(t: RetentionText) -> &'static str {
    match t {
        RetentionText::Title => "Retención: los registros en el tiempo",
        RetentionText::Help => "Cada fila es un shard (también los cerrados). Las marcas son registros en su instante de llegada; la zona sombreada es el periodo de retención y su borde izquierdo es el trim horizon. Al correr el reloj, los registros cruzan ese borde y expiran. Usa 3600× para que 24 h pasen en 24 s.",
        RetentionText::RetentionHeading => "Periodo de retención",
        RetentionText::RetentionLabel => "Nuevo periodo (horas, 24–8760)",
        RetentionText::Increase => "Aumentar (IncreaseStreamRetentionPeriod)",
        RetentionText::Decrease => "Reducir (DecreaseStreamRetentionPeriod)",
        RetentionText::Rules => "Reglas de AWS: entre 24 y 8760 h; Increase pide un valor ≥ al actual y Decrease ≤ al actual. Reducir borra al instante los registros más antiguos; aumentar no devuelve los ya expirados.",
        RetentionText::IncreaseNote => "Aumentado. Los registros que ya habían expirado no vuelven: se borraron, no estaban ocultos.",
        RetentionText::DecreaseNote => "Reducido. Los registros más antiguos que el nuevo periodo se han borrado ahora mismo.",
        RetentionText::ExplainTooShort => "El mínimo es 24 horas.",
        RetentionText::ExplainTooLong => "El máximo es 8760 horas (365 días).",
        RetentionText::ExplainNotLonger => "Increase no acepta un valor menor que el actual: usa Decrease.",
        RetentionText::ExplainNotShorter => "Decrease no acepta un valor mayor que el actual: usa Increase.",
        RetentionText::ExplainOther => "AWS rechazó la petición; el mensaje de arriba dice por qué.",
        RetentionText::IteratorsHeading => "Iteradores: GetShardIterator + GetRecords",
        RetentionText::IteratorType => "Tipo de iterador (ShardIteratorType)",
        RetentionText::Shard => "Shard",
        RetentionText::Record => "Registro elegido (o clic en una marca)",
        RetentionText::NoRecord => "— ninguno —",
        RetentionText::Timestamp => "Instante para AT_TIMESTAMP, horas desde el inicio (o clic en una fila)",
        RetentionText::Run => "Leer (GetShardIterator + GetRecords)",
        RetentionText::Again => "GetRecords otra vez con el mismo iterador",
        RetentionText::RecordsReturned => "Registros devueltos",
        RetentionText::EndOfShard => "Sin NextShardIterator: fin de un shard cerrado.",
        RetentionText::ExpiredExplain => "El iterador tenía más de 5 minutos: pide uno nuevo con GetShardIterator.",
        RetentionText::NeedRecord => "Elige primero un registro (clic en una marca o en la lista).",
        RetentionText::ConsumersHeading => "Consumidores",
        RetentionText::CostHeading => "Coste",
        RetentionText::CostAssumptions => "Supuestos: precios de us-east-1 (pueden cambiar), modo aprovisionado: 0,015 $/shard-hora; retención extendida (24 h–7 d) 0,020 $/shard-hora; a largo plazo (> 7 d) 0,023 $/GB-mes; mes de 730 h, tráfico actual constante, sin nivel gratuito ni impuestos.",
        RetentionText::Legend => "Marcadores: TH = TRIM_HORIZON, AT = AT_SEQUENCE_NUMBER, AF = AFTER_SEQUENCE_NUMBER, TS = AT_TIMESTAMP, L = LATEST. Letras con triángulo: consumidores (rojo con ⚠ = adelantado por el trim horizon). Zona rayada: expirado. Banda roja ✗A: registros que el consumidor A perdió (expiraron antes de que los leyera), dibujados entre la llegada del último que leyó antes y la del primero que leyó después.",
        RetentionText::Expired => "expirados",
        RetentionText::Retained => "retenidos",
        RetentionText::Closed => "cerrado",
        RetentionText::Now => "ahora",
    }
}

fn en(t: RetentionText) -> &'static str {
    match t {
        RetentionText::Title => "Retention: records over time",
        RetentionText::Help => "Each row is a shard (closed ones too). Marks are records at their arrival time; the shaded zone is the retention period and its left edge is the trim horizon. As the clock runs, records cross that edge and expire. Use 3600× to pass 24 h in 24 s.",
        RetentionText::RetentionHeading => "Retention period",
        RetentionText::RetentionLabel => "New period (hours, 24–8760)",
        RetentionText::Increase => "Increase (IncreaseStreamRetentionPeriod)",
        RetentionText::Decrease => "Decrease (DecreaseStreamRetentionPeriod)",
        RetentionText::Rules => "AWS rules: 24 to 8760 h; Increase needs a value ≥ the current one and Decrease ≤ it. A decrease deletes older records at once; an increase does not bring expired ones back.",
        RetentionText::IncreaseNote => "Increased. Records that had already expired do not come back: they were deleted, not hidden.",
        RetentionText::DecreaseNote => "Decreased. Records older than the new period were deleted right now.",
        RetentionText::ExplainTooShort => "The minimum is 24 hours.",
        RetentionText::ExplainTooLong => "The maximum is 8760 hours (365 days).",
        RetentionText::ExplainNotLonger => "Increase does not accept a value below the current one: use Decrease.",
        RetentionText::ExplainNotShorter => "Decrease does not accept a value above the current one: use Increase.",
        RetentionText::ExplainOther => "AWS refused the request; the message above says why.",
        RetentionText::IteratorsHeading => "Iterators: GetShardIterator + GetRecords",
        RetentionText::IteratorType => "Iterator type (ShardIteratorType)",
        RetentionText::Shard => "Shard",
        RetentionText::Record => "Chosen record (or click a mark)",
        RetentionText::NoRecord => "— none —",
        RetentionText::Timestamp => "Time for AT_TIMESTAMP, hours since start (or click a row)",
        RetentionText::Run => "Read (GetShardIterator + GetRecords)",
        RetentionText::Again => "GetRecords again with the same iterator",
        RetentionText::RecordsReturned => "Records returned",
        RetentionText::EndOfShard => "No NextShardIterator: the end of a closed shard.",
        RetentionText::ExpiredExplain => "The iterator was more than 5 minutes old: get a new one with GetShardIterator.",
        RetentionText::NeedRecord => "Choose a record first (click a mark or use the list).",
        RetentionText::ConsumersHeading => "Consumers",
        RetentionText::CostHeading => "Cost",
        RetentionText::CostAssumptions => "Assumptions: us-east-1 prices (they change), provisioned mode: $0.015/shard-hour; extended retention (24 h–7 d) $0.020/shard-hour; long-term (> 7 d) $0.023/GB-month; 730-hour month, current traffic held steady, no free tier or taxes.",
        RetentionText::Legend => "Markers: TH = TRIM_HORIZON, AT = AT_SEQUENCE_NUMBER, AF = AFTER_SEQUENCE_NUMBER, TS = AT_TIMESTAMP, L = LATEST. Letters with a triangle: consumers (red with ⚠ = overtaken by the trim horizon). Hatched zone: expired. Red band ✗A: records consumer A lost (they expired before it read them), drawn from the arrival of the last record it read before them to that of the first one it read after.",
        RetentionText::Expired => "expired",
        RetentionText::Retained => "retained",
        RetentionText::Closed => "closed",
        RetentionText::Now => "now",
    }
}

/// The trim horizon's label: `trim horizon (TRIM_HORIZON) = now − 24 h`.
pub fn trim_horizon(lang: Lang, retention: &str) -> String {
    match lang {
        Lang::Es => format!("trim horizon = ahora − {retention}"),
        Lang::En => format!("trim horizon = now − {retention}"),
    }
}

/// The current retention and its window.
pub fn current(lang: Lang, hours: u32, stream: &str) -> String {
    match lang {
        Lang::Es => format!("{stream}: {hours} h de retención"),
        Lang::En => format!("{stream}: {hours} h retention"),
    }
}

/// How many records one mark stands for.
pub fn aggregated(lang: Lang, stride: u64, drawn: u64, total: u64) -> String {
    match lang {
        Lang::Es => format!("{drawn} marcas de {total} registros retenidos: cada marca agrupa {stride}"),
        Lang::En => format!("{drawn} marks for {total} retained records: each mark stands for {stride}"),
    }
}

/// A consumer's losses.
pub fn lost(lang: Lang, lost: u64) -> String {
    match lang {
        Lang::Es => format!("{lost} registros perdidos (expiraron sin leerse)"),
        Lang::En => format!("{lost} records lost (expired unread)"),
    }
}

/// Records a consumer lost on one shard: positions `#from–#to` (inclusive), how many, and
/// between which axis times they arrived; `read` more records in that span were read, not lost.
pub fn lost_range(
    lang: Lang,
    consumer: &str,
    shard: &str,
    (from, to): (u64, u64),
    n: u64,
    read: u64,
    (after, before): (&str, &str),
) -> String {
    match lang {
        Lang::Es => {
            let mut s = format!(
                "{consumer} perdió los registros #{from}–#{to} ({n}) de {shard}, llegados entre {after} y {before}"
            );
            if read > 0 {
                s += &format!("; de ese tramo leyó los otros {read}");
            }
            s
        }
        Lang::En => {
            let mut s = format!(
                "{consumer} lost records #{from}–#{to} ({n}) on {shard}, which arrived between {after} and {before}"
            );
            if read > 0 {
                s += &format!("; it read the other {read} in that span");
            }
            s
        }
    }
}

/// Older loss episodes not listed.
pub fn earlier_losses(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Es => format!("… y {n} episodios de pérdida anteriores"),
        Lang::En => format!("… and {n} earlier loss episodes"),
    }
}

/// A consumer overtaken by the trim horizon: records `from..to` expired before it read them.
pub fn overtaken(lang: Lang, shard: &str, n: u64, from: u64, to: u64) -> String {
    match lang {
        Lang::Es => {
            format!("⚠ {shard}: el trim horizon lo adelantó; {n} registros sin leer expiraron (posiciones {from}–{to})")
        }
        Lang::En => {
            format!("⚠ {shard}: overtaken by the trim horizon; {n} unread records expired (positions {from}–{to})")
        }
    }
}

/// A consumer's position in a shard.
pub fn behind(lang: Lang, shard: &str, ago: &str) -> String {
    match lang {
        Lang::Es => format!("{shard}: leyendo registros de hace {ago}"),
        Lang::En => format!("{shard}: reading records from {ago} ago"),
    }
}

/// The monthly cost line.
pub fn cost(lang: Lang, total: &str, retention: &str, shards: u64, hours: u32, rate: u64, bytes: u64) -> String {
    match lang {
        Lang::Es => format!("{shards} shard(s), {hours} h de retención, {rate} registros/s de {bytes} B: {total} al mes, de ellos {retention} por la retención"),
        Lang::En => format!("{shards} shard(s), {hours} h retention, {rate} records/s of {bytes} B: {total} per month, of which {retention} for retention"),
    }
}

/// The age of the kept iterator.
pub fn iterator_age(lang: Lang, age: &str) -> String {
    match lang {
        Lang::Es => format!("iterador emitido hace {age} (caduca a los 5 min)"),
        Lang::En => format!("iterator issued {age} ago (expires after 5 min)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_retention_text_is_translated() {
        let mut same = Vec::new();
        for t in RetentionText::ALL {
            let (es, en) = (t.text(Lang::Es), t.text(Lang::En));
            assert!(!es.is_empty() && !en.is_empty(), "{t:?}");
            if es == en {
                same.push(*t);
            }
        }
        // Only AWS API names stay the same.
        assert_eq!(same, vec![RetentionText::Shard]);
        for l in Lang::ALL {
            assert!(trim_horizon(l, "24 h").contains("trim horizon"));
        }
    }
}
