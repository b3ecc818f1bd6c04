//! Text of the learn path's chapters 1 to 3 (stream and shards; PartitionKey → MD5 → shard;
//! records and sequence numbers), Spanish first, one exhaustive match per language.

use super::lang::{keys, Lang};

keys! {
    /// A step of chapters 1 to 3.
    pub enum Step {
        /// 1.1 What a stream is.
        StreamWhat,
        /// 1.2 Shards are the stream's lanes.
        StreamShards,
        /// 1.3 Capacity grows with shards (prediction).
        StreamCapacity,
        /// 2.1 The key goes through MD5.
        KeyMd5,
        /// 2.2 Each shard owns a hash key range.
        KeyRanges,
        /// 2.3 Which shard? (prediction).
        KeyPredict,
        /// 3.1 The parts of a record.
        RecordParts,
        /// 3.2 Order within a shard, none across shards.
        RecordOrder,
        /// 3.3 Which record comes first? (prediction).
        RecordPredict,
    }
}

impl Step {
    /// The step's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => match self {
                Step::StreamWhat => "Qué es un stream",
                Step::StreamShards => "Los shards son los carriles",
                Step::StreamCapacity => "Más shards, más capacidad",
                Step::KeyMd5 => "La PartitionKey pasa por MD5",
                Step::KeyRanges => "Cada shard tiene su rango de claves hash",
                Step::KeyPredict => "¿A qué shard va esta clave?",
                Step::RecordParts => "Las partes de un registro",
                Step::RecordOrder => "Orden dentro de un shard, no entre shards",
                Step::RecordPredict => "¿Qué registro llega antes?",
            },
            Lang::En => match self {
                Step::StreamWhat => "What a stream is",
                Step::StreamShards => "Shards are the lanes",
                Step::StreamCapacity => "More shards, more capacity",
                Step::KeyMd5 => "The PartitionKey goes through MD5",
                Step::KeyRanges => "Each shard owns a hash key range",
                Step::KeyPredict => "Which shard does this key go to?",
                Step::RecordParts => "The parts of a record",
                Step::RecordOrder => "Order within a shard, none across shards",
                Step::RecordPredict => "Which record comes first?",
            },
        }
    }

    /// The step's text: what to look at and what to notice.
    pub fn body(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => match self {
                Step::StreamWhat => "Un stream (flujo de datos, «transmisión» en los apuntes) recibe registros de los productores y los guarda en orden para que los lean los consumidores. Aquí corre el ejemplo del curso: una web envía su registro de actividad (logs de clics y visitas) y una función Lambda cuenta las acciones. Cada punto que se mueve es un registro. Mira cómo entran por la izquierda y avanzan por los carriles.",
                Step::StreamShards => "Un stream se divide en shards (fragmentos; «particiones» en los apuntes). Cada carril del dibujo es un shard: una cola ordenada con su propia capacidad. Este stream tiene 4 shards. Pulsa «UpdateShardCount → 8» y mira cómo aparecen carriles nuevos mientras los antiguos se cierran.",
                Step::StreamCapacity => "Cada shard admite como mucho 1 MiB/s o 1.000 registros/s de escritura, lo que llegue antes. La capacidad del stream es la suma de la de sus shards: con 2 shards, el doble que con uno. Si se escribe más rápido, AWS rechaza lo que sobra con ProvisionedThroughputExceededException. Fíjate en la tabla de shards: registros por segundo y rechazados (throttled).",
                Step::KeyMd5 => "Cada registro lleva una PartitionKey (clave de partición), un texto que elige el productor: en el curso, el id del usuario. Kinesis calcula el MD5 de esa clave y lo lee como un número de 128 bits. La misma clave da siempre el mismo número. Escribe una clave o pulsa un botón y sigue el camino clave → MD5 → número → shard.",
                Step::KeyRanges => "El espacio de 0 a 2¹²⁸−1 se reparte entre los shards: cada uno tiene un rango (HashKeyRange) y recibe las claves cuyo MD5 cae dentro. Con 4 shards, cada rango es una cuarta parte. Mira la barra del espacio de claves y dónde cae «user-42». Si cambias el número de shards, los rangos cambian y algunas claves pasan a otro shard.",
                Step::KeyPredict => "Ahora te toca a ti. Se elige una clave nueva y tienes que decir a qué shard irá, antes de enviarla. Mira los rangos de claves hash en la vista. Al comprobar, la simulación hace el PutRecord de verdad y te dice qué shard respondió AWS.",
                Step::RecordParts => "Un registro (record) tiene tres partes: Data (los bytes, hasta 1 MiB), la PartitionKey y el SequenceNumber que le da Kinesis al guardarlo. El productor solo envía Data y la clave; el número de secuencia lo pone el shard. Pulsa un registro en el dibujo para ver sus campos. La hora de llegada (ApproximateArrivalTimestamp) también la pone Kinesis.",
                Step::RecordOrder => "Dentro de un shard, los números de secuencia crecen: quien lee un shard recibe sus registros en el orden en que llegaron. Entre shards distintos no hay ningún orden común. Por eso los registros de un mismo usuario van con la misma PartitionKey: caen en el mismo shard y se leen en orden. Envía dos registros con claves distintas y compara sus shards y números.",
                Step::RecordPredict => "Una pregunta sobre el orden. Piensa qué garantiza Kinesis y qué no, y elige. La simulación enviará los registros y te enseñará los números de secuencia que devolvió cada shard.",
            },
            Lang::En => match self {
                Step::StreamWhat => "A stream takes records from producers and keeps them in order for consumers to read. Here the course's example runs: a website sends its activity log (clicks and page views) and a Lambda function counts the actions. Every moving dot is a record. Watch them come in on the left and move along the lanes.",
                Step::StreamShards => "A stream is split into shards. Each lane in the drawing is a shard: an ordered queue with its own capacity. This stream has 4 shards. Press “UpdateShardCount → 8” and watch new lanes appear while the old ones close.",
                Step::StreamCapacity => "Each shard takes at most 1 MiB/s or 1,000 records/s of writes, whichever comes first. The stream's capacity is the sum of its shards': with 2 shards, twice that of one. If producers write faster, AWS refuses the excess with ProvisionedThroughputExceededException. Watch the shards table: records per second and throttled.",
                Step::KeyMd5 => "Every record carries a PartitionKey, a text the producer picks: in the course, the user's id. Kinesis computes the MD5 of that key and reads it as a 128-bit number. The same key always gives the same number. Type a key or press a button and follow the path key → MD5 → number → shard.",
                Step::KeyRanges => "The space from 0 to 2¹²⁸−1 is split among the shards: each owns a range (HashKeyRange) and gets the keys whose MD5 falls in it. With 4 shards, each range is a quarter. Look at the key-space bar and where “user-42” lands. If you change the shard count, the ranges change and some keys move to another shard.",
                Step::KeyPredict => "Your turn. A new key is drawn and you say which shard it will go to, before it is sent. Look at the hash key ranges in the view. When you check, the simulation really calls PutRecord and shows you which shard AWS answered.",
                Step::RecordParts => "A record has three parts: Data (the bytes, up to 1 MiB), the PartitionKey, and the SequenceNumber Kinesis gives it when it stores it. The producer sends only Data and the key; the shard sets the sequence number. Click a record in the drawing to see its fields. The arrival time (ApproximateArrivalTimestamp) is Kinesis's too.",
                Step::RecordOrder => "Within a shard, sequence numbers grow: whoever reads a shard gets its records in the order they arrived. Across shards there is no common order. That is why one user's records share a PartitionKey: they land on the same shard and are read in order. Send two records with different keys and compare their shards and numbers.",
                Step::RecordPredict => "A question about order. Think about what Kinesis guarantees and what it does not, and choose. The simulation will send the records and show you the sequence numbers each shard returned.",
            },
        }
    }
}
