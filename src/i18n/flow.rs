//! Text of the record flow view (`#/flow`), Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values.

use super::lang::{keys, Lang, Message, Phrase};
use super::numbers::grouped;
use crate::engine::state::shard::ShardId;
use crate::world::payload::KeyDistribution;

keys! {
    /// A fixed string of the flow view.
    pub enum Text {
        /// Record flow: producers → shards → consumers
        Title,
        /// Dots are records (colour and shape from the partition key) ageing to the right. Letters mark where each consumer is reading in each shard. The bars on the right compare each shard's load with its limits.
        Help,
        /// Producers
        Producers,
        /// Consumers
        Consumers,
        /// records/s
        Rate,
        /// Partition keys
        Keys,
        /// accepted
        Accepted,
        /// retries (throttled)
        Retried,
        /// dropped
        Dropped,
        /// in flight
        InFlight,
        /// stopped
        Stopped,
        /// PutRecords batches
        Batched,
        /// PutRecord one by one
        Single,
        /// Stop
        Stop,
        /// Add producer
        AddProducer,
        /// Add consumer
        AddConsumer,
        /// Consumer kind
        ConsumerKind,
        /// Remove
        Remove,
        /// Kill a worker
        KillWorker,
        /// Add / restart worker
        AddWorker,
        /// live workers
        Workers,
        /// lag (MillisBehindLatest)
        Lag,
        /// received
        Delivered,
        /// processed
        Processed,
        /// lost (expired unread)
        Lost,
        /// duplicates (re-reads)
        Duplicates,
        /// reads throttled
        ReadThrottled,
        /// average propagation delay
        Latency,
        /// read rate
        Throughput,
        /// shares 2 MiB/s and 5 calls/s per shard with the other polling consumers
        Shared,
        /// has 2 MiB/s per shard of its own (pushed in ~70 ms)
        Dedicated,
        /// one invocation per batch; batches in parallel up to the parallelization factor
        LambdaNote,
        /// lag
        LagShort,
        /// shared
        SharedShort,
        /// dedicated
        DedicatedShort,
        /// Lambda
        LambdaShort,
        /// invocations
        Invocations,
        /// failed
        FailedInvocations,
        /// batched or running
        Buffered,
        /// Bars per shard: W = writes (1 MiB/s and 1,000 rec/s), R = shared reads (2 MiB/s and 5 calls/s). Red above 90 %.
        GaugesLegend,
        /// ▲ shared polling · ◆ enhanced fan-out · ■ Lambda; the letter is the consumer's.
        CursorsLegend,
        /// write throttling!
        ThrottledLane,
        /// throttling! (the lane's label on a phone, where the long one does not fit)
        ThrottledLaneShort,
        /// Recent records
        RecentRecords,
        /// Caption of the per-lane counts table (for screen readers: the dots are a canvas).
        LaneCounts,
        /// Its column: records in the window.
        InWindow,
        /// Its column: records drawn as dots.
        DrawnDots,
        /// Pick a record (or click a dot) to see its details.
        RecentHelp,
        /// Record details
        Details,
        /// Close
        Close,
        /// PartitionKey
        PartitionKey,
        /// Hash key (MD5 of the partition key)
        HashKey,
        /// Hash key (ExplicitHashKey)
        ExplicitHashKey,
        /// ShardId
        ShardId,
        /// SequenceNumber
        SequenceNumber,
        /// shard created
        SeqShardCreated,
        /// seqIx counter
        SeqIndex,
        /// record time
        SeqTime,
        /// shard index
        SeqShardIndex,
        /// ApproximateArrivalTimestamp
        Arrival,
        /// Data (decoded)
        Data,
        /// The record has expired (past retention).
        Expired,
        /// Flow controls
        Controls,
        /// nobody reading
        NobodyReading,
        /// No live worker reads for this consumer: its lag is the age of its oldest unread record, and it grows until a worker is restarted.
        NobodyReadingNote,
        /// The letter of a write gauge (E, escritura / W, write).
        WriteLetter,
        /// The letter of a read gauge (L, lectura / R, read).
        ReadLetter,
        /// What a write gauge measures, for its tooltip.
        GaugeWrite,
        /// What a read gauge measures, for its tooltip.
        GaugeRead,
        /// The unit records per second (reg/s).
        RecordsUnit,
        /// The unit GetRecords calls per second (llamadas/s).
        CallsUnit,
        /// Key picker option: uniform keys.
        KeysUniform,
        /// Key picker option: Zipf keys.
        KeysZipf,
        /// Key picker option: a few hot keys.
        KeysHot,
        /// Key picker option: one key.
        KeysSingle,
        /// Consumer card: duplicates, short.
        DuplicatesShort,
    }
}

/// A message of the flow view with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The live region's line for a new record: `registro …123456 → shardId-000000000001`.
    AnnounceRecord {
        /// The sequence number's last digits.
        seq_tail: String,
        /// The record's shard.
        shard: String,
    },
    /// The live region's line for write throttling.
    AnnounceThrottle {
        /// The throttled shard.
        shard: ShardId,
        /// Writes refused per second.
        per_sec: u64,
    },
    /// Records in the window that are aggregated instead of drawn.
    Hidden {
        /// Records not drawn.
        n: u64,
    },
    /// The read rate's tooltip: a mean over the last `secs` seconds of simulated time.
    ThroughputWindow {
        /// The window, whole seconds of simulated time.
        secs: u64,
    },
    /// A lane's write throttling: refused per second now and in all (on a phone's narrow
    /// lanes, the short word and the rate only).
    ThrottledLane {
        /// Writes refused per second in the last interval.
        per_sec: u64,
        /// Writes refused so far.
        total: u64,
        /// The narrow layout.
        short: bool,
    },
    /// Retained records older than the window and expired ones.
    Older {
        /// Retained records older than the window.
        older: u64,
        /// Expired records.
        expired: u64,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Flujo de registros: productores → shards → consumidores",
            Text::Help => "Los puntos son registros (color y forma según la partition key) que envejecen hacia la derecha. Las letras marcan dónde va leyendo cada consumidor en cada shard. Las barras de la derecha comparan la carga con los límites del shard.",
            Text::Producers => "Productores",
            Text::Consumers => "Consumidores",
            Text::Rate => "registros/s",
            Text::Keys => "Partition keys",
            Text::Accepted => "aceptados",
            Text::Retried => "reintentos (por throttling)",
            Text::Dropped => "descartados",
            Text::InFlight => "en espera",
            Text::Stopped => "detenido",
            Text::Batched => "PutRecords en lotes",
            Text::Single => "PutRecord uno a uno",
            Text::Stop => "Detener",
            Text::AddProducer => "Añadir productor",
            Text::AddConsumer => "Añadir consumidor",
            Text::ConsumerKind => "Tipo de consumidor",
            Text::Remove => "Quitar",
            Text::KillWorker => "Matar un worker",
            Text::AddWorker => "Añadir / reiniciar worker",
            Text::Workers => "workers vivos",
            Text::Lag => "retraso (MillisBehindLatest)",
            Text::Delivered => "recibidos",
            Text::Processed => "procesados",
            Text::Lost => "perdidos (expirados sin leer)",
            Text::Duplicates => "duplicados (relecturas)",
            Text::ReadThrottled => "lecturas limitadas (throttled)",
            Text::Latency => "retraso medio de propagación",
            Text::Throughput => "lectura",
            Text::Shared => "comparte con los demás consumidores polling 2 MiB/s y 5 llamadas/s por shard",
            Text::Dedicated => "tiene 2 MiB/s por shard solo para él (empuje ~70 ms)",
            Text::LagShort => "retraso",
            Text::SharedShort => "compartido",
            Text::DedicatedShort => "dedicado",
            Text::LambdaShort => "Lambda (lotes)",
            Text::LambdaNote => "una invocación por lote; lotes en paralelo según el parallelization factor",
            Text::Invocations => "invocaciones",
            Text::FailedInvocations => "fallidas",
            Text::Buffered => "en lote o procesándose",
            Text::GaugesLegend => "Barras por shard, de arriba abajo: E = escritura (PutRecord) en MiB/s (límite 1 MiB/s) y en reg/s (límite 1000); L = lectura compartida (GetRecords) en MiB/s (límite 2 MiB/s) y en llamadas/s (límite 5). Cada barra dice «carga / límite»; la raya vertical marca el límite. En rojo, por encima del 90 %.",
            Text::CursorsLegend => "▲ polling compartido · ◆ enhanced fan-out · ■ Lambda; la letra es la del consumidor.",
            Text::ThrottledLane => "¡escrituras rechazadas (throttling)!",
            Text::ThrottledLaneShort => "¡throttling!",
            Text::RecentRecords => "Registros recientes",
            Text::LaneCounts => "Registros de cada shard en la ventana de las líneas (con el reloj en marcha, se actualiza cada segundo)",
            Text::InWindow => "Registros en la ventana",
            Text::DrawnDots => "Dibujados como puntos",
            Text::RecentHelp => "Elige un registro (o pulsa un punto) para ver sus detalles.",
            Text::Details => "Detalles del registro",
            Text::Close => "Cerrar",
            Text::PartitionKey => "PartitionKey",
            Text::HashKey => "Hash key (MD5 de la partition key)",
            Text::ExplicitHashKey => "Hash key (ExplicitHashKey)",
            Text::ShardId => "ShardId",
            Text::SequenceNumber => "SequenceNumber",
            Text::SeqShardCreated => "creación del shard",
            Text::SeqIndex => "contador seqIx",
            Text::SeqTime => "hora del registro",
            Text::SeqShardIndex => "índice del shard",
            Text::Arrival => "ApproximateArrivalTimestamp",
            Text::Data => "Data (decodificado)",
            Text::Expired => "El registro ya expiró (pasó la retención).",
            Text::Controls => "Controles del flujo",
            Text::NobodyReading => "nadie lee",
            Text::NobodyReadingNote => "Ningún worker vivo lee para este consumidor: su retraso es la edad de su registro sin leer más antiguo, y crece hasta que se reinicie un worker.",
            Text::WriteLetter => "E",
            Text::ReadLetter => "L",
            Text::GaugeWrite => "escritura (PutRecord/PutRecords)",
            Text::GaugeRead => "lectura compartida (GetRecords)",
            Text::RecordsUnit => "reg/s",
            Text::CallsUnit => "llamadas/s",
            Text::KeysUniform => "uniformes",
            Text::KeysZipf => "sesgadas (Zipf)",
            Text::KeysHot => "pocas claves calientes",
            Text::KeysSingle => "una sola clave",
            Text::DuplicatesShort => "duplicados",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Record flow: producers → shards → consumers",
            Text::Help => "Dots are records (colour and shape from the partition key) ageing to the right. Letters mark where each consumer is reading in each shard. The bars on the right compare each shard's load with its limits.",
            Text::Producers => "Producers",
            Text::Consumers => "Consumers",
            Text::Rate => "records/s",
            Text::Keys => "Partition keys",
            Text::Accepted => "accepted",
            Text::Retried => "retries (throttled)",
            Text::Dropped => "dropped",
            Text::InFlight => "in flight",
            Text::Stopped => "stopped",
            Text::Batched => "PutRecords batches",
            Text::Single => "PutRecord one by one",
            Text::Stop => "Stop",
            Text::AddProducer => "Add producer",
            Text::AddConsumer => "Add consumer",
            Text::ConsumerKind => "Consumer kind",
            Text::Remove => "Remove",
            Text::KillWorker => "Kill a worker",
            Text::AddWorker => "Add / restart worker",
            Text::Workers => "live workers",
            Text::Lag => "lag (MillisBehindLatest)",
            Text::Delivered => "received",
            Text::Processed => "processed",
            Text::Lost => "lost (expired unread)",
            Text::Duplicates => "duplicates (re-reads)",
            Text::ReadThrottled => "reads throttled",
            Text::Latency => "average propagation delay",
            Text::Throughput => "read rate",
            Text::Shared => "shares 2 MiB/s and 5 calls/s per shard with the other polling consumers",
            Text::Dedicated => "has 2 MiB/s per shard of its own (pushed in ~70 ms)",
            Text::LagShort => "lag",
            Text::SharedShort => "shared",
            Text::DedicatedShort => "dedicated",
            Text::LambdaShort => "Lambda (batches)",
            Text::LambdaNote => "one invocation per batch; batches in parallel up to the parallelization factor",
            Text::Invocations => "invocations",
            Text::FailedInvocations => "failed",
            Text::Buffered => "batched or running",
            Text::GaugesLegend => "Bars per shard, top to bottom: W = writes (PutRecord) in MiB/s (limit 1 MiB/s) and in rec/s (limit 1,000); R = shared reads (GetRecords) in MiB/s (limit 2 MiB/s) and in calls/s (limit 5). Each bar reads “load / limit”; the vertical line marks the limit. Red above 90%.",
            Text::CursorsLegend => "▲ shared polling · ◆ enhanced fan-out · ■ Lambda; the letter is the consumer's.",
            Text::ThrottledLane => "write throttling!",
            Text::ThrottledLaneShort => "throttling!",
            Text::RecentRecords => "Recent records",
            Text::LaneCounts => "Records of each shard in the lanes' window (updated every second while the clock runs)",
            Text::InWindow => "Records in the window",
            Text::DrawnDots => "Drawn as dots",
            Text::RecentHelp => "Pick a record (or click a dot) to see its details.",
            Text::Details => "Record details",
            Text::Close => "Close",
            Text::PartitionKey => "PartitionKey",
            Text::HashKey => "Hash key (MD5 of the partition key)",
            Text::ExplicitHashKey => "Hash key (ExplicitHashKey)",
            Text::ShardId => "ShardId",
            Text::SequenceNumber => "SequenceNumber",
            Text::SeqShardCreated => "shard created",
            Text::SeqIndex => "seqIx counter",
            Text::SeqTime => "record time",
            Text::SeqShardIndex => "shard index",
            Text::Arrival => "ApproximateArrivalTimestamp",
            Text::Data => "Data (decoded)",
            Text::Expired => "The record has expired (past retention).",
            Text::Controls => "Flow controls",
            Text::NobodyReading => "nobody reading",
            Text::NobodyReadingNote => "No live worker reads for this consumer: its lag is the age of its oldest unread record, and it grows until a worker is restarted.",
            Text::WriteLetter => "W",
            Text::ReadLetter => "R",
            Text::GaugeWrite => "writes (PutRecord/PutRecords)",
            Text::GaugeRead => "shared reads (GetRecords)",
            Text::RecordsUnit => "rec/s",
            Text::CallsUnit => "calls/s",
            Text::KeysUniform => "uniform",
            Text::KeysZipf => "skewed (Zipf)",
            Text::KeysHot => "a few hot keys",
            Text::KeysSingle => "a single key",
            Text::DuplicatesShort => "duplicates",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::AnnounceRecord { seq_tail, shard } => format!("registro …{seq_tail} → {shard}"),
            Msg::AnnounceThrottle { shard, per_sec } => {
                format!("throttling en {shard}: {} escrituras/s rechazadas", grouped(*per_sec, Lang::Es))
            }
            Msg::Hidden { n } => {
                format!("+{} registros en la ventana sin dibujar (se dibuja una muestra)", grouped(*n, Lang::Es))
            }
            Msg::ThrottledLane { per_sec, short: true, .. } => {
                format!("{} {}/s", Text::ThrottledLaneShort.es(), grouped(*per_sec, Lang::Es))
            }
            Msg::ThrottledLane { per_sec, total, short: false } => format!(
                "{} {}/s · Σ {}",
                Text::ThrottledLane.es(),
                grouped(*per_sec, Lang::Es),
                grouped(*total, Lang::Es)
            ),
            Msg::Older { older, expired } => format!(
                "{} retenidos más antiguos · {} expirados",
                grouped(*older, Lang::Es),
                grouped(*expired, Lang::Es)
            ),
            Msg::ThroughputWindow { secs } => {
                format!("lectura: media de los últimos {secs} s de tiempo simulado, en MiB/s")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::AnnounceRecord { seq_tail, shard } => format!("record …{seq_tail} → {shard}"),
            Msg::AnnounceThrottle { shard, per_sec } => {
                format!("throttling on {shard}: {} writes/s refused", grouped(*per_sec, Lang::En))
            }
            Msg::Hidden { n } => {
                format!("+{} records in the window not drawn (a sample is drawn)", grouped(*n, Lang::En))
            }
            Msg::ThrottledLane { per_sec, short: true, .. } => {
                format!("{} {}/s", Text::ThrottledLaneShort.en(), grouped(*per_sec, Lang::En))
            }
            Msg::ThrottledLane { per_sec, total, short: false } => format!(
                "{} {}/s · Σ {}",
                Text::ThrottledLane.en(),
                grouped(*per_sec, Lang::En),
                grouped(*total, Lang::En)
            ),
            Msg::Older { older, expired } => {
                format!("{} older retained · {} expired", grouped(*older, Lang::En), grouped(*expired, Lang::En))
            }
            Msg::ThroughputWindow { secs } => {
                format!("read rate: mean over the last {secs} s of simulated time, in MiB/s")
            }
        }
    }
}

/// A producer's key distribution in words, with its parameters (`uniformes (1000 claves)`,
/// `calientes: 2 de 100 claves llevan el 80 % (hot keys)`).
impl Message for KeyDistribution {
    fn es(&self) -> String {
        let n = |k: &u32| grouped(u64::from(*k), Lang::Es);
        match self {
            KeyDistribution::Uniform { keys } => format!("uniformes ({} claves)", n(keys)),
            KeyDistribution::Zipf { keys } => format!("sesgadas, Zipf ({} claves)", n(keys)),
            KeyDistribution::HotKeys { keys, hot, hot_percent } => {
                format!("calientes (hot keys): {} de {} claves llevan el {hot_percent}\u{a0}%", n(hot), n(keys))
            }
            KeyDistribution::Single => "una sola clave".into(),
            KeyDistribution::ExplicitHashKeys { hash_keys } => {
                format!("ExplicitHashKey ({} valores)", grouped(hash_keys.len() as u64, Lang::Es))
            }
        }
    }

    fn en(&self) -> String {
        let n = |k: &u32| grouped(u64::from(*k), Lang::En);
        match self {
            KeyDistribution::Uniform { keys } => format!("uniform ({} keys)", n(keys)),
            KeyDistribution::Zipf { keys } => format!("skewed, Zipf ({} keys)", n(keys)),
            KeyDistribution::HotKeys { keys, hot, hot_percent } => {
                format!("hot keys: {} of {} keys carry {hot_percent}%", n(hot), n(keys))
            }
            KeyDistribution::Single => "a single key".into(),
            KeyDistribution::ExplicitHashKeys { hash_keys } => {
                format!("ExplicitHashKey ({} values)", grouped(hash_keys.len() as u64, Lang::En))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_flow_text_is_translated() {
        // Only AWS API names stay the same.
        assert_eq!(
            same_in_both(Text::ALL),
            vec![
                Text::Keys,
                Text::PartitionKey,
                Text::ExplicitHashKey,
                Text::ShardId,
                Text::SequenceNumber,
                Text::Arrival
            ]
        );
    }

    #[test]
    fn key_distributions_read_in_each_language() {
        let hot = KeyDistribution::HotKeys { keys: 100, hot: 2, hot_percent: 80 };
        assert_eq!(hot.es(), "calientes (hot keys): 2 de 100 claves llevan el 80\u{a0}%");
        assert_eq!(hot.en(), "hot keys: 2 of 100 keys carry 80%");
        let many = KeyDistribution::Uniform { keys: 10_000 };
        assert_eq!((many.es(), many.en()), ("uniformes (10.000 claves)".into(), "uniform (10,000 keys)".into()));
        assert_eq!(Msg::Older { older: 12_345, expired: 0 }.es(), "12.345 retenidos más antiguos · 0 expirados");
    }

    #[test]
    fn a_throttled_lane_is_labelled_in_full_or_short_on_a_phone() {
        let long = Msg::ThrottledLane { per_sec: 1_318, total: 20_451, short: false };
        assert_eq!(long.text(Lang::Es), "¡escrituras rechazadas (throttling)! 1318/s · Σ 20.451");
        assert_eq!(long.text(Lang::En), "write throttling! 1,318/s · Σ 20,451");
        let short = Msg::ThrottledLane { per_sec: 1_318, total: 20_451, short: true };
        assert_eq!(short.text(Lang::Es), "¡throttling! 1318/s");
        assert_eq!(short.text(Lang::En), "throttling! 1,318/s");
    }
}
