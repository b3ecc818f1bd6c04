//! Text of the learn path's chapters 7 to 10 (resharding; the CLI tutorial; Batch, Lambda and
//! Kappa; costs), Spanish first, one exhaustive match per language.

use super::lang::{keys, Lang};

keys! {
    /// A step of chapters 7 to 10.
    pub enum Step {
        /// 7.1 Split and merge.
        SplitMerge,
        /// 7.2 Parents before children.
        ParentFirst,
        /// 7.3 UpdateShardCount (prediction).
        ReshardPredict,
        /// 8.1 create-stream and describe-stream.
        CliCreate,
        /// 8.2 put-record.
        CliPut,
        /// 8.3 get-shard-iterator and get-records (prediction).
        CliRead,
        /// 9.1 The batch architecture.
        Batch,
        /// 9.2 Lambda and Kappa.
        LambdaKappa,
        /// 9.3 After a bug (prediction).
        PipelinesPredict,
        /// 10.1 Provisioned and on-demand.
        CostModes,
        /// 10.2 Which is cheaper? (prediction).
        CostPredict,
        /// 9.4 Firehose into S3 (#17; last in its chapter, so the links to 10.x keep working).
        Firehose,
        /// 10.3 CloudWatch metrics and an alarm (#17).
        Metrics,
        /// 10.4 Encryption and the three Availability Zones (#17).
        Safety,
    }
}

impl Step {
    /// The step's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => match self {
                Step::SplitMerge => "Dividir y fusionar shards",
                Step::ParentFirst => "Primero el padre, luego los hijos",
                Step::ReshardPredict => "¿Cuántos shards quedan abiertos?",
                Step::CliCreate => "Crear un stream con la CLI",
                Step::CliPut => "Escribir un registro con put-record",
                Step::CliRead => "Leer con get-shard-iterator y get-records",
                Step::Batch => "Arquitectura batch: cada cierto tiempo",
                Step::LambdaKappa => "Lambda y Kappa con el mismo stream",
                Step::PipelinesPredict => "¿Qué muestra la capa de servicio?",
                Step::CostModes => "Aprovisionado o bajo demanda",
                Step::CostPredict => "¿Qué modo sale más barato?",
                Step::Firehose => "Firehose: del stream a S3",
                Step::Metrics => "CloudWatch: métricas y alarmas",
                Step::Safety => "Cifrado y tres zonas de disponibilidad",
            },
            Lang::En => match self {
                Step::SplitMerge => "Splitting and merging shards",
                Step::ParentFirst => "Parent first, then the children",
                Step::ReshardPredict => "How many shards are open?",
                Step::CliCreate => "Creating a stream with the CLI",
                Step::CliPut => "Writing a record with put-record",
                Step::CliRead => "Reading with get-shard-iterator and get-records",
                Step::Batch => "Batch architecture: every so often",
                Step::LambdaKappa => "Lambda and Kappa on the same stream",
                Step::PipelinesPredict => "What does the serving layer show?",
                Step::CostModes => "Provisioned or on-demand",
                Step::CostPredict => "Which mode is cheaper?",
                Step::Firehose => "Firehose: from the stream to S3",
                Step::Metrics => "CloudWatch: metrics and alarms",
                Step::Safety => "Encryption and three Availability Zones",
            },
        }
    }

    /// The step's text: what to look at and what to notice.
    pub fn body(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => match self {
                Step::SplitMerge => "Cambiar el número de shards se llama resharding. SplitShard divide un shard en dos hijos que se reparten su rango de claves; MergeShards une dos shards vecinos en uno. El shard padre no desaparece: se cierra (CLOSED) y sigue guardando sus registros hasta que caducan. Mira el árbol de linaje: en este escenario llega una división y luego una fusión.",
                Step::ParentFirst => "Tras un resharding, los registros nuevos de una clave van al hijo, pero los viejos siguen en el padre. Para no romper el orden, el consumidor lee el padre hasta el final y solo después pasa a los hijos; la KCL lo hace sola. Pulsa «UpdateShardCount → 4» y mira cómo se cierran los shards y aparecen los hijos con su ParentShardId.",
                Step::ReshardPredict => "UpdateShardCount cambia el número de shards abiertos de una vez, dividiendo o fusionando por ti (UNIFORM_SCALING). Te preguntamos cuántos shards abiertos habrá después, o si una clave cambia de shard. La simulación lanza la llamada, espera a que el stream vuelva a ACTIVE y cuenta los shards.",
                Step::CliCreate => "Este es el tutorial de la CLI de los apuntes: los mismos comandos aws kinesis, contra el stream simulado. Crea el stream Foo con un shard y pregunta por él con describe-stream: primero está CREATING y unos segundos después ACTIVE. Pulsa el botón del paso para escribir el comando y Enter para ejecutarlo.",
                Step::CliPut => "Con put-record escribes un registro: --stream-name, --partition-key y --data. La respuesta trae el ShardId al que fue y su SequenceNumber. Fíjate en que la CLI v2 espera --data en base64 salvo que digas otra cosa; el tutorial lo explica.",
                Step::CliRead => "Para leer pides un iterador con get-shard-iterator (TRIM_HORIZON lee desde el principio) y se lo pasas a get-records. El iterador caduca a los 5 minutos, y cada respuesta trae NextShardIterator para seguir leyendo. Cuidado con las comillas del JSON al guardar el iterador en una variable: es la trampa del paso 8.",
                Step::Batch => "La arquitectura batch procesa los datos a lotes cada cierto tiempo, por ejemplo cada hora: los resultados son exactos pero llegan tarde. En la vista, la capa de servicio solo cambia cuando termina cada ciclo. Acelera el reloj y mira cuándo se actualizan los totales de pedidos.",
                Step::LambdaKappa => "La arquitectura Lambda suma una capa de velocidad (speed layer) que lee el stream y da resultados aproximados al momento, y una capa batch que los corrige después. La arquitectura Kappa usa solo el stream: un trabajo lee desde TRIM_HORIZON y, para corregir un fallo, se lanza otra versión que vuelve a leerlo todo. Mira las dos tiendas alimentadas por el mismo stream de pedidos.",
                Step::PipelinesPredict => "Algo falla en el código de una de las capas. Piensa qué verá la capa de servicio en cada arquitectura, antes y después de arreglarlo. La simulación inyecta el fallo, deja correr el reloj y muestra los totales.",
                Step::CostModes => "En modo aprovisionado (provisioned) pagas por shard y hora, más las unidades PUT (cada registro cuenta en trozos de 25 KB). En modo bajo demanda (on-demand) pagas por hora de stream y por GB escrito y leído, y AWS ajusta la capacidad solo. Bajo demanda cobra también una hora de stream que cuesta más que una hora de shard: compensa cuando el tráfico es irregular y el modo aprovisionado dejaría muchos shards ociosos. Mira la tarjeta con el coste mensual de cada modo para la carga actual y cambia el ritmo.",
                Step::CostPredict => "Con la carga de este stream, ¿qué modo cuesta menos al mes? Mira el ritmo y el número de shards y elige. Las cifras salen de la lista de precios de us-east-1 que usa la simulación.",
                Step::Firehose => "Amazon Data Firehose (antes Kinesis Data Firehose) lee el stream y escribe objetos en un bucket de S3 sin que programes nada: es el archivador del dataset maestro de la arquitectura Lambda. Junta registros en un búfer y escribe un objeto cuando el búfer llega a su tamaño o pasa su intervalo, lo que ocurra antes. Cada objeto lleva delante la fecha y la hora (AAAA/MM/DD/HH/), así que el bucket queda ordenado por tiempo. Cambia el tamaño y el intervalo del búfer y mira cuándo aparece el siguiente objeto.",
                Step::Metrics => "Amazon CloudWatch recibe métricas del stream: registros y bytes que entran (IncomingRecords, IncomingBytes), los rechazados por superar el límite del shard (WriteProvisionedThroughputExceeded) y la edad del último registro leído (GetRecords.IteratorAgeMilliseconds), que crece cuando un consumidor se queda atrás. Una alarma vigila una métrica: si pasa de un umbral durante varios periodos seguidos, pasa de OK a ALARM. En este stream una clave caliente satura un shard: mira subir WriteProvisionedThroughputExceeded. Cambia el periodo y la estadística para leer la misma serie de otra forma.",
                Step::Safety => "Con el cifrado del lado del servidor (StartStreamEncryption), Kinesis cifra con una clave de AWS KMS cada registro antes de guardarlo; los registros escritos después llevan EncryptionType KMS y los de antes no. Protege los datos guardados, no a quien tiene permiso para leerlos. Además, AWS confirma cada escritura solo cuando el registro está copiado en tres zonas de disponibilidad (AZ) de la región. Apaga una zona: las escrituras y lecturas siguen y no se pierde ningún registro confirmado.",
            },
            Lang::En => match self {
                Step::SplitMerge => "Changing the number of shards is called resharding. SplitShard divides a shard into two children that share its key range; MergeShards joins two neighbouring shards into one. The parent shard does not vanish: it closes (CLOSED) and keeps its records until they expire. Look at the lineage tree: in this scenario a split comes, then a merge.",
                Step::ParentFirst => "After resharding, a key's new records go to the child, but the old ones stay in the parent. To keep order, the consumer reads the parent to its end and only then moves on to the children; the KCL does this by itself. Press “UpdateShardCount → 4” and watch the shards close and the children appear with their ParentShardId.",
                Step::ReshardPredict => "UpdateShardCount changes the number of open shards in one go, splitting or merging for you (UNIFORM_SCALING). We ask how many open shards there will be afterwards, or whether a key changes shard. The simulation makes the call, waits for the stream to be ACTIVE again and counts the shards.",
                Step::CliCreate => "This is the CLI tutorial from the notes: the same aws kinesis commands, against the simulated stream. Create the stream Foo with one shard and ask about it with describe-stream: first it is CREATING, a few seconds later ACTIVE. Press the step's button to type the command and Enter to run it.",
                Step::CliPut => "With put-record you write a record: --stream-name, --partition-key and --data. The answer holds the ShardId it went to and its SequenceNumber. Note that CLI v2 expects --data in base64 unless told otherwise; the tutorial explains it.",
                Step::CliRead => "To read, you ask for an iterator with get-shard-iterator (TRIM_HORIZON reads from the start) and pass it to get-records. The iterator expires after 5 minutes, and each answer holds NextShardIterator to keep reading. Watch out for the JSON quotes when you keep the iterator in a variable: that is step 8's trap.",
                Step::Batch => "The batch architecture processes data in batches every so often, say every hour: results are exact but late. In the view, the serving layer only changes when a cycle ends. Speed the clock up and watch when the order totals update.",
                Step::LambdaKappa => "The Lambda architecture adds a speed layer that reads the stream and gives approximate results at once, and a batch layer that corrects them later. The Kappa architecture uses only the stream: a job reads from TRIM_HORIZON and, to fix a bug, a new version is started that reads everything again. Look at the two shops fed by the same stream of orders.",
                Step::PipelinesPredict => "Something is wrong in one layer's code. Think what the serving layer will show in each architecture, before and after the fix. The simulation injects the bug, lets the clock run and shows the totals.",
                Step::CostModes => "In provisioned mode you pay per shard-hour, plus PUT payload units (each record counted in 25 KB chunks). In on-demand mode you pay per stream-hour and per GB written and read, and AWS adjusts capacity for you. On-demand also bills a stream-hour that costs more than a shard-hour: it pays off when traffic is spiky and provisioned mode would leave many shards idle. Look at the card with each mode's monthly cost for the current load and change the rate.",
                Step::CostPredict => "With this stream's load, which mode costs less per month? Look at the rate and the shard count and choose. The figures come from the us-east-1 price list the simulation uses.",
                Step::Firehose => "Amazon Data Firehose (formerly Kinesis Data Firehose) reads the stream and writes objects into an S3 bucket without any code of yours: it is the Lambda architecture's master-dataset archiver. It gathers records in a buffer and writes an object when the buffer reaches its size or its interval passes, whichever comes first. Each object's key starts with the date and hour (YYYY/MM/DD/HH/), so the bucket is ordered by time. Change the buffer's size and interval and watch when the next object appears.",
                Step::Metrics => "Amazon CloudWatch receives the stream's metrics: records and bytes coming in (IncomingRecords, IncomingBytes), those rejected for going over a shard's limit (WriteProvisionedThroughputExceeded) and the age of the last record read (GetRecords.IteratorAgeMilliseconds), which grows when a consumer falls behind. An alarm watches one metric: above a threshold for several periods in a row, it goes from OK to ALARM. In this stream a hot key saturates one shard: watch WriteProvisionedThroughputExceeded rise. Change the period and the statistic to read the same series another way.",
                Step::Safety => "With server-side encryption (StartStreamEncryption), Kinesis encrypts each record with an AWS KMS key before storing it; records written afterwards carry EncryptionType KMS and earlier ones do not. It protects the stored data, not from whoever is allowed to read it. Also, AWS acknowledges a write only once the record is copied into three Availability Zones (AZs) of the region. Take one zone down: writes and reads go on, and no acknowledged record is lost.",
            },
        }
    }
}
