//! Text of the learn path's chapters 4 to 6 (producers and the per-shard limits; consumers;
//! retention and expiry), Spanish first, one exhaustive match per language.

use super::lang::{keys, Lang};

keys! {
    /// A step of chapters 4 to 6.
    pub enum Step {
        /// 4.1 The per-shard write limits.
        Limits,
        /// 4.2 A hot key.
        HotKey,
        /// 4.3 How much is throttled? (prediction).
        HotPredict,
        /// 5.1 Polling consumers share a shard.
        Polling,
        /// 5.2 Enhanced fan-out.
        FanOut,
        /// 5.3 The KCL and a Lambda consumer.
        Kcl,
        /// 5.4 Who reads how much? (prediction).
        ReadersPredict,
        /// 6.1 The retention window.
        Window,
        /// 6.2 Iterators: TRIM_HORIZON, LATEST, AT_TIMESTAMP.
        Iterators,
        /// 6.3 What does a late consumer lose? (prediction).
        LossPredict,
    }
}

impl Step {
    /// The step's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => match self {
                Step::Limits => "Cada shard tiene un límite de escritura",
                Step::HotKey => "Una clave caliente (hot key)",
                Step::HotPredict => "¿Cuánto se rechaza?",
                Step::Polling => "Consumidores por polling: 2 MB/s compartidos",
                Step::FanOut => "Fan-out mejorado: 2 MB/s para cada uno",
                Step::Kcl => "La KCL y un consumidor Lambda",
                Step::ReadersPredict => "¿Cuánto lee cada consumidor?",
                Step::Window => "La ventana de retención",
                Step::Iterators => "Por dónde empezar a leer: TRIM_HORIZON y LATEST",
                Step::LossPredict => "¿Qué pierde un consumidor que va tarde?",
            },
            Lang::En => match self {
                Step::Limits => "Each shard has a write limit",
                Step::HotKey => "A hot key",
                Step::HotPredict => "How much is throttled?",
                Step::Polling => "Polling consumers: 2 MB/s shared",
                Step::FanOut => "Enhanced fan-out: 2 MB/s each",
                Step::Kcl => "The KCL and a Lambda consumer",
                Step::ReadersPredict => "How much does each consumer read?",
                Step::Window => "The retention window",
                Step::Iterators => "Where to start reading: TRIM_HORIZON and LATEST",
                Step::LossPredict => "What does a late consumer lose?",
            },
        }
    }

    /// The step's text: what to look at and what to notice.
    pub fn body(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => match self {
                Step::Limits => "Un productor escribe con PutRecord (uno a uno) o PutRecords (en lotes de hasta 500). Cada shard acepta 1.000 registros/s o 1 MiB/s; lo que pasa de ahí se rechaza (throttling) y el productor lo reintenta más tarde. Este stream tiene 2 shards, así que aguanta unos 2.000 registros/s. Sube el ritmo a 2.500 y mira la columna de rechazados; luego bájalo a 500.",
                Step::HotKey => "Si casi todos los registros llevan la misma PartitionKey, todos van al mismo shard: es una clave caliente (hot key). Ese shard se satura y rechaza registros mientras los otros están casi vacíos. Añadir shards no ayuda, porque la clave sigue cayendo en uno solo. Pulsa «claves uniformes» y mira cómo la carga se reparte.",
                Step::HotPredict => "Una clave caliente envía más registros por segundo de los que un shard admite. Calcula cuántos se rechazan por segundo con el límite de 1.000 registros/s por shard. Al comprobar, la simulación corre unos segundos y cuenta los rechazos que devolvió el shard.",
                Step::Polling => "Un consumidor clásico lee con GetRecords: pregunta cada poco (polling) y recibe lo nuevo. Todos los consumidores de un shard comparten sus 2 MB/s de lectura y sus 5 llamadas GetRecords por segundo. Aquí leen cinco aplicaciones por polling: mira en la tabla cuánto recibe cada una y su retraso (MillisBehindLatest).",
                Step::FanOut => "Con el fan-out mejorado (enhanced fan-out), cada consumidor registrado recibe sus propios 2 MB/s por shard, y Kinesis le empuja los registros con SubscribeToShard unos 70 ms después de llegar. No compiten entre sí, pero cada uno cuesta más. Compara en la tabla el retraso de los consumidores de fan-out con el de los de polling.",
                Step::Kcl => "La Kinesis Client Library (KCL) reparte los shards entre los trabajadores de una aplicación con concesiones (leases) y guarda por dónde va cada uno (checkpoint). Si un trabajador cae, otro toma su concesión y sigue desde el último checkpoint. En el ejemplo del curso lee una función Lambda: AWS la invoca con lotes de registros (batch size) desde TRIM_HORIZON o LATEST. Abajo está la tabla de concesiones de la KCL (la tabla de DynamoDB que guarda): para un trabajador y mira cómo su concesión caduca y otro la toma, releyendo los registros desde el último checkpoint.",
                Step::ReadersPredict => "Varios consumidores leen el mismo shard: unos por polling y otros con fan-out mejorado. Piensa cómo se reparte la lectura en cada caso y elige. La simulación corre unos segundos y mide lo que recibió cada uno.",
                Step::Window => "Kinesis no borra un registro cuando alguien lo lee: lo guarda durante el periodo de retención, 24 horas por defecto (ampliable hasta 365 días). Pasado ese tiempo, el registro caduca y desaparece, lo haya leído alguien o no. Aquí un consumidor lento se queda atrás. Pon el reloj a 1 h por segundo y mira cómo la ventana avanza y los registros más viejos salen por la izquierda.",
                Step::Iterators => "Para leer un shard se pide un iterador (GetShardIterator) que dice por dónde empezar. TRIM_HORIZON empieza por el registro más antiguo que aún se guarda; LATEST, por lo que llegue a partir de ahora. También hay AT_SEQUENCE_NUMBER y AT_TIMESTAMP. Prueba los botones de lectura de la vista y compara los números de secuencia que devuelve cada tipo.",
                Step::LossPredict => "Un consumidor va muchas horas por detrás y la retención es de 24 horas. Piensa qué leerá primero cuando vuelva y qué se habrá perdido. La simulación avanza el reloj y te dice qué devolvió GetRecords.",
            },
            Lang::En => match self {
                Step::Limits => "A producer writes with PutRecord (one at a time) or PutRecords (batches of up to 500). Each shard takes 1,000 records/s or 1 MiB/s; anything above is refused (throttling) and the producer retries later. This stream has 2 shards, so it holds about 2,000 records/s. Raise the rate to 2,500 and watch the throttled column; then lower it to 500.",
                Step::HotKey => "If almost every record carries the same PartitionKey, they all go to the same shard: a hot key. That shard saturates and throttles while the others sit nearly idle. Adding shards does not help, because the key still lands on just one. Press “uniform keys” and watch the load spread.",
                Step::HotPredict => "A hot key sends more records per second than a shard takes. Work out how many are throttled per second with the limit of 1,000 records/s per shard. When you check, the simulation runs a few seconds and counts the refusals the shard returned.",
                Step::Polling => "A classic consumer reads with GetRecords: it asks every so often (polling) and gets what is new. All the consumers of a shard share its 2 MB/s of reads and its 5 GetRecords calls per second. Here five applications read by polling: look in the table at how much each gets and its lag (MillisBehindLatest).",
                Step::FanOut => "With enhanced fan-out, each registered consumer gets its own 2 MB/s per shard, and Kinesis pushes records to it with SubscribeToShard about 70 ms after they arrive. They do not compete, but each one costs more. Compare in the table the lag of the fan-out consumers with that of the polling ones.",
                Step::Kcl => "The Kinesis Client Library (KCL) spreads the shards over an application's workers with leases and records how far each got (checkpoint). If a worker dies, another takes its lease and carries on from the last checkpoint. In the course's example a Lambda function reads: AWS invokes it with batches of records (batch size) from TRIM_HORIZON or LATEST. Below is the KCL's lease table (the DynamoDB table it keeps): stop a worker and watch its lease expire and another worker take it, reading the records again from the last checkpoint.",
                Step::ReadersPredict => "Several consumers read the same shard: some by polling, some with enhanced fan-out. Think how reading is shared in each case and choose. The simulation runs a few seconds and measures what each one got.",
                Step::Window => "Kinesis does not delete a record when someone reads it: it keeps it for the retention period, 24 hours by default (up to 365 days). After that the record expires and is gone, read or not. Here a slow consumer falls behind. Set the clock to 1 h per second and watch the window move and the oldest records leave on the left.",
                Step::Iterators => "To read a shard you ask for an iterator (GetShardIterator) that says where to start. TRIM_HORIZON starts at the oldest record still kept; LATEST, at whatever arrives from now on. There are also AT_SEQUENCE_NUMBER and AT_TIMESTAMP. Try the view's read buttons and compare the sequence numbers each type returns.",
                Step::LossPredict => "A consumer is many hours behind and retention is 24 hours. Think what it will read first when it comes back, and what will be lost. The simulation moves the clock on and tells you what GetRecords returned.",
            },
        }
    }
}
