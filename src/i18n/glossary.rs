//! The glossary (`#/glossary`): one entry per Kinesis concept, with AWS's own term and the
//! Spanish names a student meets for it, in Spanish and English.
//!
//! The same concept has several Spanish names: the course's notes say "transmisión" and
//! "partición" (note 000), AWS's Spanish documentation says "secuencia de datos" and
//! "fragmento", and this app says "stream (flujo de datos)" and "shard (fragmento)". Each
//! [`Term`] names the concept once; [`Term::aws`] is the API's spelling (the same in both
//! languages), [`Term::names`] lists the names to map, and its [`Phrase`] text defines it.
//! Definitions follow the Amazon Kinesis Data Streams Developer Guide
//! (<https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html>) and API reference.

use super::lang::{keys, Lang, Phrase};

keys! {
    /// A concept of the glossary, in the order a course meets them.
    pub enum Term {
        /// A Kinesis data stream.
        Stream,
        /// A shard.
        Shard,
        /// A data record.
        Record,
        /// The partition key.
        PartitionKey,
        /// The hash key range of a shard, and ExplicitHashKey.
        HashKeyRange,
        /// The sequence number.
        SequenceNumber,
        /// A producer and PutRecord / PutRecords.
        PutRecord,
        /// Throttling: ProvisionedThroughputExceededException.
        Throttling,
        /// A hot key / hot shard.
        HotKey,
        /// A consumer (KCL application).
        Consumer,
        /// GetRecords: shared polling.
        GetRecords,
        /// A shard iterator.
        ShardIterator,
        /// The iterator types: TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP.
        IteratorType,
        /// Enhanced fan-out: SubscribeToShard.
        EnhancedFanOut,
        /// Lambda event source mapping.
        EventSourceMapping,
        /// A KCL checkpoint and lease.
        Checkpoint,
        /// MillisBehindLatest and iterator age.
        MillisBehindLatest,
        /// The retention period.
        Retention,
        /// Resharding: SplitShard, MergeShards, UpdateShardCount.
        Resharding,
        /// Parent and child shards.
        Lineage,
        /// Capacity mode: provisioned or on-demand.
        CapacityMode,
        /// CloudWatch metrics and alarms.
        Metric,
        /// Server-side encryption with a KMS key.
        Encryption,
        /// Availability Zones and the three copies of each record.
        AvailabilityZone,
        /// Amazon Data Firehose delivering into S3.
        Firehose,
    }
}

/// AWS's own spelling of a concept: the API names a student types or reads in AWS's answers.
impl Term {
    /// The API term, the same in both languages (`ShardId`, `TRIM_HORIZON`).
    pub fn aws(self) -> &'static str {
        match self {
            Term::Stream => "stream (StreamName, StreamARN)",
            Term::Shard => "shard (ShardId)",
            Term::Record => "record (Record: Data, PartitionKey, SequenceNumber)",
            Term::PartitionKey => "PartitionKey",
            Term::HashKeyRange => "HashKeyRange (StartingHashKey, EndingHashKey), ExplicitHashKey",
            Term::SequenceNumber => "SequenceNumber",
            Term::PutRecord => "producer: PutRecord, PutRecords",
            Term::Throttling => "throttling: ProvisionedThroughputExceededException",
            Term::HotKey => "hot key, hot shard",
            Term::Consumer => "consumer (KCL: Kinesis Client Library)",
            Term::GetRecords => "GetRecords",
            Term::ShardIterator => "ShardIterator (GetShardIterator)",
            Term::IteratorType => {
                "ShardIteratorType: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP"
            }
            Term::EnhancedFanOut => "enhanced fan-out (RegisterStreamConsumer, SubscribeToShard)",
            Term::EventSourceMapping => "AWS Lambda event source mapping",
            Term::Checkpoint => "checkpoint, lease (KCL)",
            Term::MillisBehindLatest => "MillisBehindLatest, GetRecords.IteratorAgeMilliseconds",
            Term::Retention => "retention period (RetentionPeriodHours)",
            Term::Resharding => "resharding: SplitShard, MergeShards, UpdateShardCount",
            Term::Lineage => "ParentShardId, AdjacentParentShardId",
            Term::CapacityMode => "StreamMode: PROVISIONED, ON_DEMAND",
            Term::Metric => "CloudWatch metric (IncomingRecords, WriteProvisionedThroughputExceeded), alarm, EnableEnhancedMonitoring",
            Term::Encryption => "StartStreamEncryption, EncryptionType: KMS, KeyId (alias/aws/kinesis)",
            Term::AvailabilityZone => "Availability Zone (us-east-1a, us-east-1b, us-east-1c)",
            Term::Firehose => "Amazon Data Firehose: delivery stream, BufferingHints, S3 bucket",
        }
    }

    /// The entry's heading in `lang`: the Spanish name with AWS's term beside it
    /// (`Shard (fragmento)`), or the English name.
    pub fn title(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => self.title_es(),
            Lang::En => self.title_en(),
        }
    }

    fn title_es(self) -> &'static str {
        match self {
            Term::Stream => "Stream (flujo de datos)",
            Term::Shard => "Shard (fragmento)",
            Term::Record => "Registro (record)",
            Term::PartitionKey => "Clave de partición (PartitionKey)",
            Term::HashKeyRange => "Rango de claves hash (HashKeyRange)",
            Term::SequenceNumber => "Número de secuencia (SequenceNumber)",
            Term::PutRecord => "Productor: PutRecord y PutRecords",
            Term::Throttling => "Throttling (limitación)",
            Term::HotKey => "Clave caliente (hot key)",
            Term::Consumer => "Consumidor (consumer)",
            Term::GetRecords => "GetRecords (polling compartido)",
            Term::ShardIterator => "Iterador de shard (ShardIterator)",
            Term::IteratorType => "Tipos de iterador: TRIM_HORIZON, LATEST…",
            Term::EnhancedFanOut => "Enhanced fan-out (consumidor dedicado)",
            Term::EventSourceMapping => "Lambda: event source mapping",
            Term::Checkpoint => "Checkpoint (punto de control)",
            Term::MillisBehindLatest => "Retraso: MillisBehindLatest",
            Term::Retention => "Periodo de retención",
            Term::Resharding => "Resharding: split y merge",
            Term::Lineage => "Linaje: shards padre e hijos",
            Term::CapacityMode => "Modo de capacidad: aprovisionado o bajo demanda",
            Term::Metric => "Métricas y alarmas de CloudWatch",
            Term::Encryption => "Cifrado del lado del servidor (KMS)",
            Term::AvailabilityZone => "Zona de disponibilidad (AZ)",
            Term::Firehose => "Firehose: del stream a S3",
        }
    }

    fn title_en(self) -> &'static str {
        match self {
            Term::Stream => "Stream",
            Term::Shard => "Shard",
            Term::Record => "Record",
            Term::PartitionKey => "Partition key (PartitionKey)",
            Term::HashKeyRange => "Hash key range (HashKeyRange)",
            Term::SequenceNumber => "Sequence number (SequenceNumber)",
            Term::PutRecord => "Producer: PutRecord and PutRecords",
            Term::Throttling => "Throttling",
            Term::HotKey => "Hot key",
            Term::Consumer => "Consumer",
            Term::GetRecords => "GetRecords (shared polling)",
            Term::ShardIterator => "Shard iterator (ShardIterator)",
            Term::IteratorType => "Iterator types: TRIM_HORIZON, LATEST…",
            Term::EnhancedFanOut => "Enhanced fan-out (dedicated consumer)",
            Term::EventSourceMapping => "Lambda event source mapping",
            Term::Checkpoint => "Checkpoint",
            Term::MillisBehindLatest => "Lag: MillisBehindLatest",
            Term::Retention => "Retention period",
            Term::Resharding => "Resharding: split and merge",
            Term::Lineage => "Lineage: parent and child shards",
            Term::CapacityMode => "Capacity mode: provisioned or on-demand",
            Term::Metric => "CloudWatch metrics and alarms",
            Term::Encryption => "Server-side encryption (KMS)",
            Term::AvailabilityZone => "Availability Zone (AZ)",
            Term::Firehose => "Firehose: from the stream into S3",
        }
    }

    /// The names a student may meet for the concept, in `lang`: this app's, the course's and
    /// AWS's translated documentation's.
    pub fn names(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => self.names_es(),
            Lang::En => self.names_en(),
        }
    }

    fn names_es(self) -> &'static str {
        match self {
            Term::Stream => "flujo de datos (esta app) · transmisión (apuntes del curso) · secuencia de datos (documentación de AWS en español)",
            Term::Shard => "fragmento (esta app y la documentación de AWS) · partición (apuntes del curso)",
            Term::Record => "registro, registro de datos",
            Term::PartitionKey => "clave de partición",
            Term::HashKeyRange => "rango de claves hash · clave hash explícita",
            Term::SequenceNumber => "número de secuencia",
            Term::PutRecord => "productor · escritura de registros (uno a uno o en lotes)",
            Term::Throttling => "limitación, estrangulamiento · «se supera el rendimiento aprovisionado»",
            Term::HotKey => "clave caliente · shard caliente, partición caliente",
            Term::Consumer => "consumidor, aplicación consumidora",
            Term::GetRecords => "lectura por sondeo (polling) · lectura compartida",
            Term::ShardIterator => "iterador de shard, iterador de fragmento",
            Term::IteratorType => "tipo de iterador: desde el más antiguo retenido (TRIM_HORIZON), desde ahora (LATEST), en o después de un número de secuencia, desde un instante",
            Term::EnhancedFanOut => "distribución ramificada mejorada (documentación de AWS) · consumidor dedicado, lectura por empuje",
            Term::EventSourceMapping => "asignación de origen de eventos · desencadenador (trigger) de Lambda",
            Term::Checkpoint => "punto de control · concesión (lease)",
            Term::MillisBehindLatest => "retraso del consumidor · antigüedad del iterador",
            Term::Retention => "periodo de retención",
            Term::Resharding => "cambio del número de shards: dividir (split), fusionar (merge), reescalar",
            Term::Lineage => "linaje: shard padre, shard padre adyacente, shards hijos",
            Term::CapacityMode => "modo de capacidad: aprovisionado, bajo demanda",
            Term::Metric => "métrica · monitorización · alarma",
            Term::Encryption => "cifrado en reposo · clave de KMS · SSE",
            Term::AvailabilityZone => "zona de disponibilidad · réplica · copia",
            Term::Firehose => "flujo de entrega · búfer · cubo (bucket) de S3",
        }
    }

    fn names_en(self) -> &'static str {
        match self {
            Term::Stream => "data stream, Kinesis stream",
            Term::Shard => "shard (Spanish: fragmento, partición)",
            Term::Record => "record, data record",
            Term::PartitionKey => "partition key",
            Term::HashKeyRange => "hash key range · explicit hash key",
            Term::SequenceNumber => "sequence number",
            Term::PutRecord => "producer · writing records (one by one or in batches)",
            Term::Throttling => "throttling · “provisioned throughput exceeded”",
            Term::HotKey => "hot key · hot shard, hot partition",
            Term::Consumer => "consumer, consumer application",
            Term::GetRecords => "polling · shared throughput",
            Term::ShardIterator => "shard iterator",
            Term::IteratorType => "iterator type: from the oldest retained record (TRIM_HORIZON), from now (LATEST), at or after a sequence number, from a time",
            Term::EnhancedFanOut => "enhanced fan-out · dedicated consumer, push",
            Term::EventSourceMapping => "event source mapping · Lambda trigger",
            Term::Checkpoint => "checkpoint · lease",
            Term::MillisBehindLatest => "consumer lag · iterator age",
            Term::Retention => "retention period",
            Term::Resharding => "changing the shard count: split, merge, scale",
            Term::Lineage => "lineage: parent shard, adjacent parent, child shards",
            Term::CapacityMode => "capacity mode: provisioned, on-demand",
            Term::Metric => "metric · monitoring · alarm",
            Term::Encryption => "encryption at rest · KMS key · SSE",
            Term::AvailabilityZone => "availability zone · replica · copy",
            Term::Firehose => "delivery stream · buffer · S3 bucket",
        }
    }
}

/// The definition of a term.
impl Phrase for Term {
    fn es(self) -> &'static str {
        match self {
            Term::Stream => "Un registro de eventos ordenado y duradero al que escriben los productores y del que leen los consumidores. Se compone de shards; se crea con CreateStream.",
            Term::Shard => "La unidad de capacidad y de orden de un stream: acepta hasta 1 MiB/s o 1000 registros/s de escritura y sirve 2 MiB/s de lectura. Cada shard cubre un rango de claves hash y guarda sus registros en orden.",
            Term::Record => "La unidad de datos: un blob (Data, hasta 1 MiB) con su partition key y el número de secuencia que le asigna Kinesis al aceptarlo.",
            Term::PartitionKey => "Texto que elige el productor. Kinesis calcula su MD5 (un entero de 128 bits) y envía el registro al shard cuyo rango contiene ese hash: la misma clave va siempre al mismo shard y conserva su orden.",
            Term::HashKeyRange => "Cada shard abierto posee un tramo del espacio 0…2¹²⁸−1; entre todos lo cubren sin huecos. ExplicitHashKey permite al productor elegir el hash en vez de calcularlo de la clave.",
            Term::SequenceNumber => "Identificador único que Kinesis da a cada registro aceptado; crece dentro de cada shard, así que ordena los registros de un shard (no entre shards).",
            Term::PutRecord => "Un productor escribe con PutRecord (un registro) o PutRecords (hasta 500 por llamada; cada registro puede fallar por separado y hay que reintentar los fallidos).",
            Term::Throttling => "Cuando un shard supera su límite de escritura o de lectura, AWS rechaza la llamada con ProvisionedThroughputExceededException; el cliente debe esperar y reintentar.",
            Term::HotKey => "Una clave con muchos más registros que las demás: todos van a un mismo shard, que se satura mientras los otros están ociosos. Añadir shards no ayuda si la clave no se reparte.",
            Term::Consumer => "Aplicación que lee el stream. Con la KCL, sus workers se reparten los shards y guardan su avance; varias aplicaciones pueden leer el mismo stream, cada una a su ritmo.",
            Term::GetRecords => "Lectura por sondeo: el consumidor pide registros con un iterador. Todos los consumidores de polling comparten, por shard, 2 MiB/s y 5 llamadas/s.",
            Term::ShardIterator => "Un puntero a una posición de un shard que devuelve GetShardIterator; GetRecords lo usa y devuelve el siguiente (NextShardIterator). Caduca a los 5 minutos.",
            Term::IteratorType => "Dónde empieza a leer un iterador: TRIM_HORIZON, el registro más antiguo aún retenido; LATEST, solo lo que llegue después; AT_/AFTER_SEQUENCE_NUMBER, en o tras un registro concreto; AT_TIMESTAMP, desde un instante.",
            Term::EnhancedFanOut => "Un consumidor registrado recibe los registros por empuje (SubscribeToShard) con 2 MiB/s por shard solo para él y unos 70 ms de retraso, sin compartir con los demás.",
            Term::EventSourceMapping => "El recurso de Lambda que lee el stream por ti y llama a tu función con lotes de registros de cada shard, en orden, reintentando los lotes fallidos.",
            Term::Checkpoint => "El último número de secuencia que una aplicación KCL da por procesado en cada shard, guardado (en DynamoDB) para continuar desde ahí si un worker cae; el lease dice qué worker lee cada shard.",
            Term::MillisBehindLatest => "Cuánto va por detrás un consumidor: los milisegundos entre el último registro que leyó y el más reciente del shard. Si crece sin parar, el consumidor no da abasto.",
            Term::Retention => "Cuánto tiempo guarda Kinesis cada registro: 24 h por defecto, hasta 8760 h (365 días). Después el registro expira y ningún consumidor puede leerlo ya.",
            Term::Resharding => "Cambiar la capacidad: SplitShard divide un shard en dos, MergeShards une dos adyacentes y UpdateShardCount reescala todo el stream. El shard antiguo se cierra y sus hijos toman su rango.",
            Term::Lineage => "Tras un reshard, el shard cerrado es padre de los nuevos. Para conservar el orden por clave hay que leer el padre hasta el final antes que sus hijos.",
            Term::CapacityMode => "En modo aprovisionado eliges el número de shards y pagas por shard-hora; en modo bajo demanda Kinesis ajusta los shards al tráfico y pagas por dato.",
            Term::Metric => "Kinesis publica en CloudWatch métricas por minuto como IncomingRecords o GetRecords.IteratorAgeMilliseconds; las de cada shard, solo tras EnableEnhancedMonitoring. Una alarma avisa cuando una métrica pasa un umbral durante varios periodos seguidos.",
            Term::Encryption => "Con StartStreamEncryption, Kinesis cifra cada registro nuevo con una clave de KMS antes de guardarlo, y lo descifra al leerlo. Protege los datos en reposo; quien tenga permiso para leer el stream y usar la clave los sigue viendo en claro.",
            Term::AvailabilityZone => "Un centro de datos aislado dentro de una región. Kinesis guarda cada registro en tres zonas antes de confirmarlo, así que la caída de una zona no pierde nada.",
            Term::Firehose => "Un servicio que lee el stream y escribe los registros en S3 (u otros destinos) en objetos: junta registros en un búfer hasta un tamaño o un tiempo, lo que llegue antes. En la arquitectura Lambda guarda el dataset maestro.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Term::Stream => "An ordered, durable log of events that producers write to and consumers read from. It is made of shards and created with CreateStream.",
            Term::Shard => "A stream's unit of capacity and of order: it accepts up to 1 MiB/s or 1,000 records/s of writes and serves 2 MiB/s of reads. Each shard covers a hash key range and keeps its records in order.",
            Term::Record => "The unit of data: a blob (Data, up to 1 MiB) with its partition key and the sequence number Kinesis gives it when it accepts it.",
            Term::PartitionKey => "Text the producer chooses. Kinesis takes its MD5 (a 128-bit integer) and sends the record to the shard whose range holds that hash: the same key always goes to the same shard and keeps its order.",
            Term::HashKeyRange => "Each open shard owns a slice of the space 0…2¹²⁸−1; together they cover it with no gap. ExplicitHashKey lets the producer choose the hash instead of deriving it from the key.",
            Term::SequenceNumber => "A unique id Kinesis gives each accepted record; it grows within each shard, so it orders a shard's records (not records across shards).",
            Term::PutRecord => "A producer writes with PutRecord (one record) or PutRecords (up to 500 per call; each record can fail on its own and the failed ones must be retried).",
            Term::Throttling => "When a shard goes over its write or read limit, AWS refuses the call with ProvisionedThroughputExceededException; the client must back off and retry.",
            Term::HotKey => "A key with far more records than the others: they all go to one shard, which saturates while the others sit idle. More shards do not help unless the key is spread out.",
            Term::Consumer => "An application that reads the stream. With the KCL its workers share the shards and record their progress; several applications can read the same stream, each at its own pace.",
            Term::GetRecords => "Polling: the consumer asks for records with an iterator. All polling consumers share 2 MiB/s and 5 calls/s per shard.",
            Term::ShardIterator => "A pointer to a position in a shard, returned by GetShardIterator; GetRecords takes it and returns the next one (NextShardIterator). It expires after 5 minutes.",
            Term::IteratorType => "Where an iterator starts: TRIM_HORIZON, the oldest record still retained; LATEST, only what arrives afterwards; AT_/AFTER_SEQUENCE_NUMBER, at or after a given record; AT_TIMESTAMP, from a time.",
            Term::EnhancedFanOut => "A registered consumer gets records pushed (SubscribeToShard) with 2 MiB/s per shard of its own and about 70 ms of delay, sharing nothing with the others.",
            Term::EventSourceMapping => "The Lambda resource that reads the stream for you and calls your function with batches of each shard's records, in order, retrying failed batches.",
            Term::Checkpoint => "The last sequence number a KCL application marks as processed in each shard, stored (in DynamoDB) so it resumes there if a worker dies; the lease says which worker reads each shard.",
            Term::MillisBehindLatest => "How far behind a consumer is: the milliseconds between the last record it read and the newest one in the shard. If it keeps growing, the consumer cannot keep up.",
            Term::Retention => "How long Kinesis keeps each record: 24 h by default, up to 8,760 h (365 days). After that the record expires and no consumer can read it any more.",
            Term::Resharding => "Changing capacity: SplitShard splits a shard in two, MergeShards joins two adjacent ones and UpdateShardCount rescales the whole stream. The old shard closes and its children take over its range.",
            Term::Lineage => "After a reshard, the closed shard is the parent of the new ones. To keep per-key order, read the parent to its end before its children.",
            Term::CapacityMode => "In provisioned mode you choose the shard count and pay per shard-hour; in on-demand mode Kinesis fits the shards to the traffic and you pay per data.",
            Term::Metric => "Kinesis publishes per-minute metrics to CloudWatch such as IncomingRecords or GetRecords.IteratorAgeMilliseconds; per-shard ones only after EnableEnhancedMonitoring. An alarm fires when a metric crosses a threshold for several periods in a row.",
            Term::Encryption => "With StartStreamEncryption, Kinesis encrypts each new record with a KMS key before storing it, and decrypts it when read. It protects data at rest; whoever may read the stream and use the key still sees it in plain text.",
            Term::AvailabilityZone => "An isolated data centre within a region. Kinesis stores each record in three zones before acknowledging it, so losing one zone loses nothing.",
            Term::Firehose => "A service that reads the stream and writes its records to S3 (or other destinations) as objects: it buffers records up to a size or a time, whichever comes first. In the Lambda architecture it keeps the master dataset.",
        }
    }
}

keys! {
    /// The glossary page's own strings.
    pub enum Text {
        /// The page's title.
        Title,
        /// What the page is for.
        Intro,
        /// Label before AWS's term.
        AwsTerm,
        /// Label before the names to map.
        AlsoCalled,
        /// Label of the link to the view that shows the concept.
        SeeIn,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Glosario",
            Text::Intro => "El mismo concepto tiene varios nombres en español: los apuntes del curso dicen «transmisión» y «partición», la documentación de AWS en español dice «secuencia de datos» y «fragmento», y esta app dice «stream (flujo de datos)» y «shard (fragmento)». Cada entrada da el término de la API de AWS y los nombres que puedes encontrar.",
            Text::AwsTerm => "En AWS",
            Text::AlsoCalled => "También se llama",
            Text::SeeIn => "Míralo en",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Glossary",
            Text::Intro => "One concept has several names: the course's Spanish notes say “transmisión” and “partición”, AWS's Spanish documentation says “secuencia de datos” and “fragmento”, and this app says “stream” and “shard”. Each entry gives the AWS API term and the names you may meet.",
            Text::AwsTerm => "In AWS",
            Text::AlsoCalled => "Also called",
            Text::SeeIn => "See it in",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_term_is_defined_and_named_in_both_languages() {
        assert_eq!(same_in_both(Term::ALL), vec![], "definitions");
        assert_eq!(same_in_both(Text::ALL), vec![]);
        for &t in Term::ALL {
            assert!(!t.aws().is_empty() && t.names(Lang::Es) != t.names(Lang::En), "{t:?}");
            assert!(!t.title(Lang::Es).is_empty() && !t.title(Lang::En).is_empty(), "{t:?}");
        }
        assert!(Term::ALL.len() >= 20);
    }

    #[test]
    fn a_student_can_map_every_spanish_name_of_a_stream_and_a_shard() {
        let stream = Term::Stream.names(Lang::Es);
        for name in ["flujo de datos", "transmisión", "secuencia de datos"] {
            assert!(stream.contains(name), "{name}");
        }
        let shard = Term::Shard.names(Lang::Es);
        assert!(shard.contains("fragmento") && shard.contains("partición"));
        assert!(Term::IteratorType.aws().contains("TRIM_HORIZON") && Term::IteratorType.aws().contains("LATEST"));
    }
}
