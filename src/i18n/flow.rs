//! Text of the record flow view (`#/flow`), Spanish and English, one exhaustive match each.

use super::Lang;

/// A fixed string of the flow view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowText {
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
    /// Recent records
    RecentRecords,
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
}

impl FlowText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [FlowText] = &[
        FlowText::Title,
        FlowText::Help,
        FlowText::Producers,
        FlowText::Consumers,
        FlowText::Rate,
        FlowText::Keys,
        FlowText::Accepted,
        FlowText::Retried,
        FlowText::Dropped,
        FlowText::InFlight,
        FlowText::Stopped,
        FlowText::Batched,
        FlowText::Single,
        FlowText::Stop,
        FlowText::AddProducer,
        FlowText::AddConsumer,
        FlowText::ConsumerKind,
        FlowText::Remove,
        FlowText::KillWorker,
        FlowText::AddWorker,
        FlowText::Workers,
        FlowText::Lag,
        FlowText::Delivered,
        FlowText::Processed,
        FlowText::Lost,
        FlowText::Duplicates,
        FlowText::ReadThrottled,
        FlowText::Latency,
        FlowText::Throughput,
        FlowText::Shared,
        FlowText::Dedicated,
        FlowText::LambdaNote,
        FlowText::LagShort,
        FlowText::SharedShort,
        FlowText::DedicatedShort,
        FlowText::LambdaShort,
        FlowText::Invocations,
        FlowText::FailedInvocations,
        FlowText::Buffered,
        FlowText::GaugesLegend,
        FlowText::CursorsLegend,
        FlowText::ThrottledLane,
        FlowText::RecentRecords,
        FlowText::RecentHelp,
        FlowText::Details,
        FlowText::Close,
        FlowText::PartitionKey,
        FlowText::HashKey,
        FlowText::ExplicitHashKey,
        FlowText::ShardId,
        FlowText::SequenceNumber,
        FlowText::SeqShardCreated,
        FlowText::SeqIndex,
        FlowText::SeqTime,
        FlowText::SeqShardIndex,
        FlowText::Arrival,
        FlowText::Data,
        FlowText::Expired,
        FlowText::Controls,
    ];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }
}

fn es(t: FlowText) -> &'static str {
    match t {
        FlowText::Title => "Flujo de registros: productores → shards → consumidores",
        FlowText::Help => "Los puntos son registros (color y forma según la partition key) que envejecen hacia la derecha. Las letras marcan dónde va leyendo cada consumidor en cada shard. Las barras de la derecha comparan la carga con los límites del shard.",
        FlowText::Producers => "Productores",
        FlowText::Consumers => "Consumidores",
        FlowText::Rate => "registros/s",
        FlowText::Keys => "Partition keys",
        FlowText::Accepted => "aceptados",
        FlowText::Retried => "reintentos (throttled)",
        FlowText::Dropped => "descartados",
        FlowText::InFlight => "en espera",
        FlowText::Stopped => "detenido",
        FlowText::Batched => "PutRecords en lotes",
        FlowText::Single => "PutRecord uno a uno",
        FlowText::Stop => "Detener",
        FlowText::AddProducer => "Añadir productor",
        FlowText::AddConsumer => "Añadir consumidor",
        FlowText::ConsumerKind => "Tipo de consumidor",
        FlowText::Remove => "Quitar",
        FlowText::KillWorker => "Matar un worker",
        FlowText::AddWorker => "Añadir / reiniciar worker",
        FlowText::Workers => "workers vivos",
        FlowText::Lag => "retraso (MillisBehindLatest)",
        FlowText::Delivered => "recibidos",
        FlowText::Processed => "procesados",
        FlowText::Lost => "perdidos (expirados sin leer)",
        FlowText::Duplicates => "duplicados (relecturas)",
        FlowText::ReadThrottled => "lecturas throttled",
        FlowText::Latency => "retraso medio de propagación",
        FlowText::Throughput => "lectura",
        FlowText::Shared => "comparte con los demás consumidores polling 2 MiB/s y 5 llamadas/s por shard",
        FlowText::Dedicated => "tiene 2 MiB/s por shard solo para él (empuje ~70 ms)",
        FlowText::LagShort => "retraso",
        FlowText::SharedShort => "compartido",
        FlowText::DedicatedShort => "dedicado",
        FlowText::LambdaShort => "Lambda (lotes)",
        FlowText::LambdaNote => "una invocación por lote; lotes en paralelo según el parallelization factor",
        FlowText::Invocations => "invocaciones",
        FlowText::FailedInvocations => "fallidas",
        FlowText::Buffered => "en lote o procesándose",
        FlowText::GaugesLegend => "Barras por shard, de arriba abajo: escritura en MiB/s (límite 1 MiB/s) y en reg/s (1000), lectura compartida en MiB/s (2 MiB/s) y en llamadas/s (5). En rojo, por encima del 90 %.",
        FlowText::CursorsLegend => "▲ polling compartido · ◆ enhanced fan-out · ■ Lambda; la letra es la del consumidor.",
        FlowText::ThrottledLane => "¡throttling de escritura!",
        FlowText::RecentRecords => "Registros recientes",
        FlowText::RecentHelp => "Elige un registro (o pulsa un punto) para ver sus detalles.",
        FlowText::Details => "Detalles del registro",
        FlowText::Close => "Cerrar",
        FlowText::PartitionKey => "PartitionKey",
        FlowText::HashKey => "Hash key (MD5 de la partition key)",
        FlowText::ExplicitHashKey => "Hash key (ExplicitHashKey)",
        FlowText::ShardId => "ShardId",
        FlowText::SequenceNumber => "SequenceNumber",
        FlowText::SeqShardCreated => "creación del shard",
        FlowText::SeqIndex => "contador seqIx",
        FlowText::SeqTime => "hora del registro",
        FlowText::SeqShardIndex => "índice del shard",
        FlowText::Arrival => "ApproximateArrivalTimestamp",
        FlowText::Data => "Data (decodificado)",
        FlowText::Expired => "El registro ya expiró (pasó la retención).",
        FlowText::Controls => "Controles del flujo",
    }
}

fn en(t: FlowText) -> &'static str {
    match t {
        FlowText::Title => "Record flow: producers → shards → consumers",
        FlowText::Help => "Dots are records (colour and shape from the partition key) ageing to the right. Letters mark where each consumer is reading in each shard. The bars on the right compare each shard's load with its limits.",
        FlowText::Producers => "Producers",
        FlowText::Consumers => "Consumers",
        FlowText::Rate => "records/s",
        FlowText::Keys => "Partition keys",
        FlowText::Accepted => "accepted",
        FlowText::Retried => "retries (throttled)",
        FlowText::Dropped => "dropped",
        FlowText::InFlight => "in flight",
        FlowText::Stopped => "stopped",
        FlowText::Batched => "PutRecords batches",
        FlowText::Single => "PutRecord one by one",
        FlowText::Stop => "Stop",
        FlowText::AddProducer => "Add producer",
        FlowText::AddConsumer => "Add consumer",
        FlowText::ConsumerKind => "Consumer kind",
        FlowText::Remove => "Remove",
        FlowText::KillWorker => "Kill a worker",
        FlowText::AddWorker => "Add / restart worker",
        FlowText::Workers => "live workers",
        FlowText::Lag => "lag (MillisBehindLatest)",
        FlowText::Delivered => "received",
        FlowText::Processed => "processed",
        FlowText::Lost => "lost (expired unread)",
        FlowText::Duplicates => "duplicates (re-reads)",
        FlowText::ReadThrottled => "reads throttled",
        FlowText::Latency => "average propagation delay",
        FlowText::Throughput => "read rate",
        FlowText::Shared => "shares 2 MiB/s and 5 calls/s per shard with the other polling consumers",
        FlowText::Dedicated => "has 2 MiB/s per shard of its own (pushed in ~70 ms)",
        FlowText::LagShort => "lag",
        FlowText::SharedShort => "shared",
        FlowText::DedicatedShort => "dedicated",
        FlowText::LambdaShort => "Lambda (batches)",
        FlowText::LambdaNote => "one invocation per batch; batches in parallel up to the parallelization factor",
        FlowText::Invocations => "invocations",
        FlowText::FailedInvocations => "failed",
        FlowText::Buffered => "batched or running",
        FlowText::GaugesLegend => "Bars per shard, top to bottom: writes in MiB/s (limit 1 MiB/s) and in rec/s (1,000), shared reads in MiB/s (2 MiB/s) and in calls/s (5). Red above 90 %.",
        FlowText::CursorsLegend => "▲ shared polling · ◆ enhanced fan-out · ■ Lambda; the letter is the consumer's.",
        FlowText::ThrottledLane => "write throttling!",
        FlowText::RecentRecords => "Recent records",
        FlowText::RecentHelp => "Pick a record (or click a dot) to see its details.",
        FlowText::Details => "Record details",
        FlowText::Close => "Close",
        FlowText::PartitionKey => "PartitionKey",
        FlowText::HashKey => "Hash key (MD5 of the partition key)",
        FlowText::ExplicitHashKey => "Hash key (ExplicitHashKey)",
        FlowText::ShardId => "ShardId",
        FlowText::SequenceNumber => "SequenceNumber",
        FlowText::SeqShardCreated => "shard created",
        FlowText::SeqIndex => "seqIx counter",
        FlowText::SeqTime => "record time",
        FlowText::SeqShardIndex => "shard index",
        FlowText::Arrival => "ApproximateArrivalTimestamp",
        FlowText::Data => "Data (decoded)",
        FlowText::Expired => "The record has expired (past retention).",
        FlowText::Controls => "Flow controls",
    }
}

/// The live region's line for a new record: `registro …123456 → shardId-000000000001`.
pub fn announce_record(lang: Lang, seq_tail: &str, shard: &str) -> String {
    match lang {
        Lang::Es => format!("registro …{seq_tail} → {shard}"),
        Lang::En => format!("record …{seq_tail} → {shard}"),
    }
}

/// The live region's line for write throttling.
pub fn announce_throttle(lang: Lang, shard: &str, per_sec: u64) -> String {
    match lang {
        Lang::Es => format!("throttling en {shard}: {per_sec} escrituras/s rechazadas"),
        Lang::En => format!("throttling on {shard}: {per_sec} writes/s refused"),
    }
}

/// Records in the window that are aggregated instead of drawn.
pub fn hidden(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Es => format!("+{n} registros en la ventana sin dibujar (se dibuja una muestra)"),
        Lang::En => format!("+{n} records in the window not drawn (a sample is drawn)"),
    }
}

/// Retained records older than the window and expired ones.
pub fn older(lang: Lang, older: u64, expired: u64) -> String {
    match lang {
        Lang::Es => format!("{older} retenidos más antiguos · {expired} expirados"),
        Lang::En => format!("{older} older retained · {expired} expired"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flow_text_is_translated() {
        let mut same = Vec::new();
        for t in FlowText::ALL {
            let (es, en) = (t.text(Lang::Es), t.text(Lang::En));
            assert!(!es.is_empty() && !en.is_empty(), "{t:?}");
            if es == en {
                same.push(*t);
            }
        }
        // Only AWS API names stay the same.
        assert_eq!(
            same,
            vec![
                FlowText::Keys,
                FlowText::PartitionKey,
                FlowText::ExplicitHashKey,
                FlowText::ShardId,
                FlowText::SequenceNumber,
                FlowText::Arrival
            ]
        );
    }
}
