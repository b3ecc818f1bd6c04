//! Text of the app's shell (header, controls, side panel, notices, URL checks) and of the
//! overview view (`#/overview`), Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values. The world's typed codes
//! are keys too: a [`Preset`] is its own description and a [`WorldError`] its own message (a
//! refusal's text is with the pipelines' steps, `i18n::pipelines::page`).

use super::lang::{isolate_quoted_value, keys, Message, Phrase, FSI, PDI};
use crate::engine::ErrorType;
use crate::world::error::{Named, WorldError};
use crate::world::presets::Preset;

keys! {
    /// A fixed string of the UI.
    pub enum Text {
        /// The app's name.
        AppTitle,
        /// What the app is, under the title.
        Tagline,
        /// Tab: the overview view.
        ViewOverview,
        /// Tab: the hashing view.
        ViewHashing,
        /// Tab: the record flow view.
        ViewFlow,
        /// Tab: the retention view.
        ViewRetention,
        /// Tab: the resharding view.
        ViewResharding,
        /// Tab: the pipelines (Lambda vs Kappa) view.
        ViewPipelines,
        /// Tab: the aws kinesis console.
        ViewConsole,
        /// Tab: the KCL (lease table).
        ViewKcl,
        /// Tab: Firehose.
        ViewFirehose,
        /// Tab: CloudWatch metrics.
        ViewMetrics,
        /// Tab: cost and capacity.
        ViewCost,
        /// Tab: encryption and replicas.
        ViewDurability,
        /// Tab: the glossary.
        ViewGlossary,
        /// Tab: the learn path.
        ViewLearn,
        /// Tab: the teacher page.
        ViewTeach,
        /// Label of the view tabs.
        Views,
        /// Play button.
        Play,
        /// Pause button.
        Pause,
        /// Step button.
        Step,
        /// Step button tooltip.
        StepHelp,
        /// Reset button.
        Reset,
        /// Reset button tooltip.
        ResetHelp,
        /// Speed selector label.
        Speed,
        /// Speed selector tooltip.
        SpeedHelp,
        /// Label of the simulated clock.
        SimTime,
        /// Seed field label.
        Seed,
        /// Seed field tooltip.
        SeedHelp,
        /// Language switch label.
        Language,
        /// Side panel heading.
        StreamControls,
        /// Scenario picker label.
        Scenario,
        /// Shard count label.
        Shards,
        /// Shard count tooltip.
        ShardsHelp,
        /// Producer rate label.
        Rate,
        /// Key distribution label.
        Keys,
        /// Uniform keys option.
        KeysUniform,
        /// Few hot keys option.
        KeysHot,
        /// Limits switch label.
        Limits,
        /// Limits switch tooltip.
        LimitsHelp,
        /// Stream name field label.
        StreamName,
        /// Stream name field tooltip.
        StreamNameHelp,
        /// Heading of the model assumptions.
        ModelAssumptions,
        /// Assumption: virtual time.
        AssumeTime,
        /// At high speeds the simulation slows itself (a frame budget), not the page.
        AssumeSpeed,
        /// Assumption: token buckets.
        AssumeBuckets,
        /// Assumption: consumers.
        AssumeConsumers,
        /// Assumption: payloads.
        AssumePayloads,
        /// Assumption: resharding timing.
        AssumeReshard,
        /// Assumption: what the Lambda and Kappa pipelines simplify.
        AssumePipelines,
        /// Assumption: what the console simplifies.
        AssumeConsole,
        /// Overview: what the lanes show.
        OverviewHelp,
        /// Shard lane counter: records accepted.
        Incoming,
        /// Shard lane counter: records/s.
        PerSecond,
        /// Shard lane counter: throttled puts.
        Throttled,
        /// Shard lane counter: records retained.
        Stored,
        /// Shard state CLOSED gloss.
        Closed,
        /// Totals: records accepted by the stream.
        Accepted,
        /// Totals: records produced.
        Produced,
        /// Totals: dropped after retries.
        Dropped,
        /// Consumers table heading.
        Consumers,
        /// Consumer column: delivered records.
        Delivered,
        /// Consumer column: lag.
        Lag,
        /// Consumer column: lost records.
        Lost,
        /// Consumers table column: the consumer's kind.
        ConsumerKindCol,
        /// Consumer kind: polling.
        KindPolling,
        /// Consumer kind: enhanced fan-out.
        KindFanOut,
        /// Consumer kind: Lambda.
        KindLambda,
        /// Digest label.
        Digest,
        /// Digest tooltip.
        DigestHelp,
        /// Dismiss a notice.
        Dismiss,
        /// Link from embed mode to the full app.
        OpenFull,
        /// Keyboard shortcuts hint.
        Shortcuts,
        /// The time axis of the lanes: age of records.
        AgeAxis,
        /// Footer: this is a simulation.
        Disclaimer,
        /// Notice: the simulation paused itself because the browser's memory guard was reached.
        MemoryPaused,
        /// Notice: the clock runs slower than asked because a frame's work is capped.
        CpuCapped,
        /// Label of the side panel's picker of the stream the views draw.
        ShownStream,
        /// What that picker does.
        ShownStreamHelp,
        /// Beside the scenario's stream in that picker.
        ScenarioStreamTag,
        /// Legend entry of a record of yours (put in the console), in the views that draw records.
        YoursLegend,
    }
}

/// A message with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A URL parameter was ignored.
    BadParam {
        /// The parameter.
        name: String,
        /// What it held.
        value: String,
        /// What is allowed, e.g. `1–64`.
        allowed: String,
    },
    /// A URL parameter is not known.
    UnknownParam {
        /// The parameter.
        name: String,
    },
    /// The learn path has no such step (`#/learn/12/9`); the nearest one opens.
    BadLearnStep {
        /// The path after `#/learn/`, as written.
        asked: String,
        /// The step opened instead (`3/2`).
        shown: String,
    },
    /// A view in the URL does not exist.
    UnknownView {
        /// The slug.
        slug: String,
    },
    /// A view's sub-path in the URL does not exist (`#/pipelines/gamma`).
    UnknownPanel {
        /// The view's slug.
        view: String,
        /// The sub-path.
        panel: String,
        /// The sub-paths it takes.
        allowed: String,
    },
    /// A form field value was refused.
    BadField {
        /// The field's label.
        field: &'static str,
        /// What it held.
        value: String,
        /// What is allowed.
        allowed: String,
    },
    /// The stream could not be created: AWS's error.
    AwsError {
        /// AWS error type.
        error: ErrorType,
        /// AWS message.
        message: String,
    },
    /// A world command failed (a notice).
    World(WorldError),
    /// A view link's notice (`panel=`, `pk=`, `ehk=`).
    Link(super::links::Msg),
    /// `n` shards open.
    OpenShards {
        /// Count.
        n: usize,
    },
    /// Speed as a multiplier, with what it means.
    SpeedOption {
        /// Multiplier text (`0.1`, `3600`).
        factor: String,
    },
    /// In place of the consumers, when the views draw another stream than the scenario's.
    ConsumersElsewhere {
        /// The scenario's stream, which its consumers read.
        scenario: String,
    },
    /// The views draw another stream than the scenario's, so its apps are not shown.
    OtherStream {
        /// The stream drawn.
        shown: String,
        /// The scenario's stream, which its producers write and its consumers read.
        scenario: String,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::AppTitle => "Kinesis Playground",
            Text::Tagline => "Amazon Kinesis Data Streams, simulado y dibujado",
            Text::ViewOverview => "Vista general",
            Text::ViewHashing => "Hashing de claves",
            Text::ViewFlow => "Flujo de registros",
            Text::ViewRetention => "Retención",
            Text::ViewResharding => "Resharding (linaje)",
            Text::ViewPipelines => "Lambda y Kappa",
            Text::ViewConsole => "Consola (CLI)",
            Text::ViewGlossary => "Glosario",
            Text::ViewKcl => "KCL",
            Text::ViewFirehose => "Firehose",
            Text::ViewMetrics => "Métricas",
            Text::ViewCost => "Coste",
            Text::ViewDurability => "Cifrado y AZ",
            Text::ViewLearn => "Empieza aquí",
            Text::ViewTeach => "Docentes",
            Text::Views => "Vistas",
            Text::Play => "Reproducir",
            Text::Pause => "Pausa",
            Text::Step => "Paso",
            Text::StepHelp => "Avanza un segundo simulado (tecla →)",
            Text::Reset => "Reiniciar",
            Text::ResetHelp => "Vuelve al instante 0 con la misma semilla y los mismos ajustes",
            Text::Speed => "Velocidad",
            Text::SpeedHelp => "Segundos simulados por cada segundo real: 1× es tiempo real, 60× hace pasar un minuto por segundo y 3600× una hora por segundo",
            Text::SimTime => "Tiempo simulado",
            Text::Seed => "Semilla",
            Text::SeedHelp => "La misma semilla y los mismos ajustes dan exactamente la misma simulación",
            Text::Language => "Idioma",
            Text::StreamControls => "Stream (flujo de datos)",
            Text::Scenario => "Escenario",
            Text::Shards => "Shards (fragmentos)",
            Text::ShardsHelp => "Número de shards al crear el stream (CreateStream ShardCount), de 1 a 64 en esta vista",
            Text::Rate => "Productor: registros/s",
            Text::Keys => "Partition keys (claves de partición)",
            Text::KeysUniform => "Uniformes",
            Text::KeysHot => "Pocas claves calientes",
            Text::Limits => "Límites por shard",
            Text::LimitsHelp => "AWS siempre aplica 1 MiB/s y 1000 registros/s de escritura y 2 MiB/s y 5 lecturas/s por shard; desactivarlos sirve para comparar",
            Text::StreamName => "Nombre del stream (StreamName)",
            Text::StreamNameHelp => "Se valida como lo hace AWS: [a-zA-Z0-9_.-]+, hasta 128 caracteres",
            Text::ModelAssumptions => "Supuestos del modelo",
            Text::AssumeTime => "El tiempo es virtual: empieza el 2025-01-01 00:00 UTC y solo avanza con el reloj de la simulación.",
            Text::AssumeSpeed => "A velocidades altas (3600×, muchos shards) la simulación va más lenta que el reloj pedido: cada fotograma le dedica como mucho 10 ms (menos si dibujar la vista tarda, para mantener al menos 30 fotogramas por segundo), así la página sigue fluida; un aviso lo indica.",
            Text::AssumeBuckets => "Los límites de throughput son cubos de fichas que se rellenan de forma continua; AWS no publica sus ventanas exactas.",
            Text::AssumeConsumers => "Los consumidores no tienen latencia de red: los polling y la Lambda leen cada 1 s (cada 0,2 s mientras van atrasados), enhanced fan-out recibe los registros ~70 ms después de llegar.",
            Text::AssumePayloads => "Los datos de los productores se generan de forma determinista a partir de la semilla, como los eventos JSON del ejemplo del curso.",
            Text::AssumeReshard => "Los cambios de estado (CREATING → ACTIVE, UPDATING) duran unos segundos fijos; en AWS varían.",
            Text::AssumeConsole => "Consola: emula la AWS CLI v2 (o v1) sin red, credenciales ni firma (la petición HTTP que muestra omite las cabeceras de firma); la v2 escribe las fechas en UTC, no en la zona local; el shell solo tiene lo que usa el tutorial (comillas, $VAR, $(…), NOMBRE=valor, echo, sleep, clear, history); sleep avanza el reloj simulado, como mucho cinco minutos por orden; una orden corre entera en el instante en que se escribe.",
            Text::AssumePipelines => "Lambda vs Kappa (e-commerce): el dataset maestro guarda solo los dos campos que lee la consulta (producto y cantidad), escrito en objetos por un delivery stream de Firehose (5 MiB / 60 s, como en #/firehose); un ciclo batch cuesta 60 s + 0,2 ms por hecho y recalcula los minutos que ya están en S3 cuando empieza; un job Kappa con paralelismo P divide su coste por registro entre P y uno con enhanced fan-out procesa al ritmo que recibe; el almacenamiento cuenta filas clave-valor (producto, minuto, 8 bytes) fuera del stream; el bug de enseñanza escribe cada resultado dos veces.",
            Text::OverviewHelp => "Cada fila es un shard con su rango de hash keys. Los puntos son registros: entran por la izquierda cuando el stream los acepta y se desplazan según su edad; su altura es la posición de su hash dentro del rango del shard y su color depende de la partition key.",
            Text::Incoming => "aceptados",
            Text::PerSecond => "reg/s",
            Text::Throttled => "rechazados (throttling)",
            Text::Stored => "retenidos",
            Text::Closed => "CLOSED (cerrado)",
            Text::Accepted => "Aceptados",
            Text::Produced => "Producidos",
            Text::Dropped => "Descartados",
            Text::Consumers => "Consumidores",
            Text::Delivered => "entregados",
            Text::Lag => "retraso (MillisBehindLatest)",
            Text::Lost => "perdidos (expirados sin leer)",
            Text::ConsumerKindCol => "Tipo",
            Text::KindPolling => "polling compartido (GetRecords)",
            Text::KindFanOut => "enhanced fan-out (SubscribeToShard, dedicado)",
            Text::KindLambda => "AWS Lambda (event source mapping, fuente de eventos)",
            Text::Digest => "Huella (digest)",
            Text::DigestHelp => "Resumen del registro de eventos: igual semilla y ajustes dan la misma huella aquí y en el simulador nativo",
            Text::Dismiss => "Cerrar",
            Text::OpenFull => "Abrir completo",
            Text::Shortcuts => "Atajos: espacio = reproducir/pausa, → = paso",
            Text::AgeAxis => "edad del registro →",
            Text::Disclaimer => "Simulación didáctica: no se conecta a AWS.",
            Text::MemoryPaused => "Pausado: los registros retenidos en el stream ocupan más de 1 GB y el navegador se quedaría sin memoria. Baja el ritmo o la retención, o reinicia.",
            Text::CpuCapped => "El reloj va más lento de lo pedido: cada fotograma dedica como mucho 10 ms a simular (menos si dibujar tarda), para que la página siga fluida.",
            Text::ShownStream => "Stream en las vistas",
            Text::ShownStreamHelp => "Flujo, Hashing, Retención y las demás vistas dibujan este stream. Los que crees en la consola aparecen aquí junto al del escenario.",
            Text::ScenarioStreamTag => "del escenario",
            Text::YoursLegend => "◎ tuyo (consola): un registro que pusiste con put-record o put-records en la consola; siempre se dibuja.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::AppTitle => "Kinesis Playground",
            Text::Tagline => "Amazon Kinesis Data Streams, simulated and drawn",
            Text::ViewOverview => "Overview",
            Text::ViewHashing => "Key hashing",
            Text::ViewFlow => "Record flow",
            Text::ViewRetention => "Retention",
            Text::ViewResharding => "Resharding (lineage)",
            Text::ViewPipelines => "Lambda vs Kappa",
            Text::ViewConsole => "Console (CLI)",
            Text::ViewGlossary => "Glossary",
            Text::ViewKcl => "KCL",
            Text::ViewFirehose => "Firehose",
            Text::ViewMetrics => "Metrics",
            Text::ViewCost => "Cost",
            Text::ViewDurability => "Encryption & AZs",
            Text::ViewLearn => "Start here",
            Text::ViewTeach => "Teachers",
            Text::Views => "Views",
            Text::Play => "Play",
            Text::Pause => "Pause",
            Text::Step => "Step",
            Text::StepHelp => "Advance one simulated second (→ key)",
            Text::Reset => "Reset",
            Text::ResetHelp => "Back to time 0 with the same seed and settings",
            Text::Speed => "Speed",
            Text::SpeedHelp => "Simulated seconds per real second: 1× is real time, 60× runs a minute per second and 3600× an hour per second",
            Text::SimTime => "Simulated time",
            Text::Seed => "Seed",
            Text::SeedHelp => "The same seed and settings always give exactly the same simulation",
            Text::Language => "Language",
            Text::StreamControls => "Stream",
            Text::Scenario => "Scenario",
            Text::Shards => "Shards",
            Text::ShardsHelp => "Shards when the stream is created (CreateStream ShardCount), 1 to 64 in this view",
            Text::Rate => "Producer records/s",
            Text::Keys => "Partition keys",
            Text::KeysUniform => "Uniform",
            Text::KeysHot => "A few hot keys",
            Text::Limits => "Per-shard limits",
            Text::LimitsHelp => "AWS always enforces 1 MiB/s and 1,000 records/s of writes and 2 MiB/s and 5 reads/s per shard; switch them off to compare",
            Text::StreamName => "Stream name (StreamName)",
            Text::StreamNameHelp => "Validated as AWS does: [a-zA-Z0-9_.-]+, up to 128 characters",
            Text::ModelAssumptions => "Model assumptions",
            Text::AssumeTime => "Time is virtual: it starts at 2025-01-01 00:00 UTC and only moves with the simulation clock.",
            Text::AssumeSpeed => "At high speeds (3600×, many shards) the simulation runs slower than the clock asked: each frame gives it at most 10 ms (less when drawing the view takes long, to keep at least 30 frames per second), so the page stays smooth; a note says so.",
            Text::AssumeBuckets => "Throughput limits are token buckets that refill continuously; AWS does not publish its exact windows.",
            Text::AssumeConsumers => "Consumers have no network latency: polling readers and the Lambda call every 1 s (every 0.2 s while behind), enhanced fan-out receives records ~70 ms after arrival.",
            Text::AssumePayloads => "Producer data is generated deterministically from the seed, like the JSON events of the course's example.",
            Text::AssumeReshard => "Status changes (CREATING → ACTIVE, UPDATING) take a fixed few seconds; in AWS they vary.",
            Text::AssumeConsole => "Console: emulates AWS CLI v2 (or v1) with no network, credentials or signing (the HTTP request it shows leaves out the signing headers); v2 writes timestamps in UTC, not the local time zone; the shell has only what the tutorial uses (quotes, $VAR, $(…), NAME=value, echo, sleep, clear, history); sleep moves the simulated clock on, five minutes at most per command; a command runs whole at the instant it is entered.",
            Text::AssumePipelines => "Lambda vs Kappa (e-commerce): the master dataset keeps only the two fields the query reads (product and quantity), written in objects by a Firehose delivery stream (5 MiB / 60 s, as in #/firehose); a batch cycle costs 60 s + 0.2 ms per fact and recomputes the minutes already in S3 when it starts; a Kappa job with parallelism P divides its per-record cost by P, and one with enhanced fan-out processes events as fast as they arrive; storage counts key-value rows (product, minute, 8 bytes) outside the stream; the teaching bug writes every result twice.",
            Text::OverviewHelp => "Each row is a shard with its hash key range. Dots are records: they enter on the left when the stream accepts them and move with their age; their height is their hash's place in the shard's range and their colour follows the partition key.",
            Text::Incoming => "accepted",
            Text::PerSecond => "rec/s",
            Text::Throttled => "throttled",
            Text::Stored => "retained",
            Text::Closed => "CLOSED",
            Text::Accepted => "Accepted",
            Text::Produced => "Produced",
            Text::Dropped => "Dropped",
            Text::Consumers => "Consumers",
            Text::Delivered => "delivered",
            Text::Lag => "lag (MillisBehindLatest)",
            Text::Lost => "lost (expired unread)",
            Text::ConsumerKindCol => "Kind",
            Text::KindPolling => "shared polling (GetRecords)",
            Text::KindFanOut => "enhanced fan-out (SubscribeToShard)",
            Text::KindLambda => "AWS Lambda (event source mapping)",
            Text::Digest => "Digest",
            Text::DigestHelp => "A hash of the event log: the same seed and settings give the same digest here and in the native runner",
            Text::Dismiss => "Dismiss",
            Text::OpenFull => "Open full app",
            Text::Shortcuts => "Shortcuts: space = play/pause, → = step",
            Text::AgeAxis => "record age →",
            Text::Disclaimer => "A teaching simulation: it never connects to AWS.",
            Text::MemoryPaused => "Paused: the records the stream retains take more than 1 GB and the browser would run out of memory. Lower the rate or the retention, or reset.",
            Text::CpuCapped => "The clock runs slower than asked: each frame spends at most 10 ms simulating (less when drawing takes long), so the page stays smooth.",
            Text::ShownStream => "Stream in the views",
            Text::ShownStreamHelp => "Flow, Hashing, Retention and the other views draw this stream. Streams you create in the console appear here beside the scenario's.",
            Text::ScenarioStreamTag => "the scenario's",
            Text::YoursLegend => "◎ yours (console): a record you put with put-record or put-records in the console; it is always drawn.",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::BadParam { name, value, allowed } => {
                format!("Se ignoró «{FSI}{name}={value}{PDI}» del enlace: se admite {allowed}. Se usa el valor por defecto.")
            }
            Msg::UnknownParam { name } => format!("Se ignoró el parámetro desconocido «{FSI}{name}{PDI}» del enlace."),
            Msg::BadLearnStep { asked, shown } => {
                format!("El recorrido no tiene el paso «{FSI}{asked}{PDI}»; se abre el más cercano, {shown}.")
            }
            Msg::UnknownView { slug } => format!("La vista «{FSI}{slug}{PDI}» no existe; se muestra la vista general."),
            Msg::UnknownPanel { view, panel, allowed } => {
                format!("La vista «{FSI}{view}{PDI}» no tiene el panel «{FSI}{panel}{PDI}» (se admite {allowed}); se muestran ambos.")
            }
            Msg::BadField { field, value, allowed } => {
                format!("{field}: «{FSI}{value}{PDI}» no es válido; se admite {allowed}.")
            }
            Msg::AwsError { error, message } => {
                format!("AWS respondería {}: {}", error.as_str(), isolate_quoted_value(message))
            }
            Msg::World(e) => e.es(),
            Msg::Link(m) => m.es(),
            Msg::OpenShards { n: 1 } => "1 shard abierto".into(),
            Msg::OpenShards { n } => format!("{n} shards abiertos"),
            Msg::SpeedOption { factor } => format!("{factor}×"),
            Msg::ConsumersElsewhere { scenario } => {
                format!("Los consumidores del escenario leen «{FSI}{scenario}{PDI}», no este stream.")
            }
            Msg::OtherStream { shown, scenario } => format!(
                "Se muestra «{FSI}{shown}{PDI}». Los productores y consumidores del escenario escriben y leen «{FSI}{scenario}{PDI}», así que aquí no aparecen: elige «{FSI}{scenario}{PDI}» en «Stream en las vistas» para verlos."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::BadParam { name, value, allowed } => {
                format!("Ignored “{FSI}{name}={value}{PDI}” in the link: allowed is {allowed}. Using the default.")
            }
            Msg::UnknownParam { name } => format!("Ignored the unknown link parameter “{FSI}{name}{PDI}”."),
            Msg::BadLearnStep { asked, shown } => {
                format!("The path has no step “{FSI}{asked}{PDI}”; opening the nearest one, {shown}.")
            }
            Msg::UnknownView { slug } => format!("There is no view “{FSI}{slug}{PDI}”; showing the overview."),
            Msg::UnknownPanel { view, panel, allowed } => {
                format!(
                    "The view “{FSI}{view}{PDI}” has no panel “{FSI}{panel}{PDI}” (it takes {allowed}); showing both."
                )
            }
            Msg::BadField { field, value, allowed } => {
                format!("{field}: “{FSI}{value}{PDI}” is not valid; allowed is {allowed}.")
            }
            Msg::AwsError { error, message } => {
                format!("AWS would answer {}: {}", error.as_str(), isolate_quoted_value(message))
            }
            Msg::World(e) => e.en(),
            Msg::Link(m) => m.en(),
            Msg::OpenShards { n: 1 } => "1 open shard".into(),
            Msg::OpenShards { n } => format!("{n} open shards"),
            Msg::SpeedOption { factor } => format!("{factor}×"),
            Msg::ConsumersElsewhere { scenario } => {
                format!("The scenario's consumers read “{FSI}{scenario}{PDI}”, not this stream.")
            }
            Msg::OtherStream { shown, scenario } => format!(
                "Showing “{FSI}{shown}{PDI}”. The scenario's producers and consumers write and read “{FSI}{scenario}{PDI}”, so they are not shown here: pick “{FSI}{scenario}{PDI}” in “Stream in the views” to see them."
            ),
        }
    }
}

/// A scenario preset's description, starting with its slug.
impl Phrase for Preset {
    fn es(self) -> &'static str {
        match self {
            Preset::ActivityLogs => "activity-logs: el ejemplo del curso, logs de actividad, una Lambda que cuenta acciones y un aumento de shards",
            Preset::Clickstream => "clickstream: varias aplicaciones leen el mismo stream por separado",
            Preset::HotKey => "hot-key: una clave caliente satura un solo shard",
            Preset::SlowConsumer => "slow-consumer: un consumidor lento se queda atrás más allá de la retención y pierde datos",
            Preset::Resharding => "resharding: un split y un merge con carga, leídos en orden",
            Preset::FanOut => "fan-out: 5 consumidores polling comparten 2 MiB/s; 5 enhanced fan-out tienen 2 MiB/s cada uno",
            Preset::IotSensors => "iot-sensors: sensores de temperatura que envían lotes",
            Preset::ECommerce => "e-commerce: pedidos que alimentan las arquitecturas Lambda y Kappa",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Preset::ActivityLogs => {
                "activity-logs: the course's example, activity logs, a Lambda counting actions and a shard increase"
            }
            Preset::Clickstream => "clickstream: several applications read the same stream independently",
            Preset::HotKey => "hot-key: one hot key saturates a single shard",
            Preset::SlowConsumer => "slow-consumer: a slow consumer falls behind past retention and loses data",
            Preset::Resharding => "resharding: a split and a merge under load, read in order",
            Preset::FanOut => {
                "fan-out: 5 polling consumers share 2 MiB/s; 5 enhanced fan-out consumers get 2 MiB/s each"
            }
            Preset::IotSensors => "iot-sensors: temperature sensors sending batches",
            Preset::ECommerce => "e-commerce: orders feeding the Lambda and Kappa pipelines",
        }
    }
}

/// Why a world command failed: AWS's error as AWS words it, or what the world looked for.
impl Message for WorldError {
    fn es(&self) -> String {
        match self {
            WorldError::Aws(a) => {
                format!(
                    "AWS respondería {}: {}",
                    a.error_type.as_str(),
                    isolate_quoted_value(a.message.as_deref().unwrap_or_default())
                )
            }
            WorldError::NotFound { kind: Named::Producer, name } => {
                format!("No hay ningún productor llamado «{FSI}{name}{PDI}».")
            }
            WorldError::NotFound { kind: Named::Consumer, name } => {
                format!("No hay ningún consumidor llamado «{FSI}{name}{PDI}».")
            }
            WorldError::NotFound { kind: Named::PollingConsumer, name } => {
                format!("No hay ningún consumidor de polling (KCL) llamado «{FSI}{name}{PDI}».")
            }
            WorldError::Refused(r) => r.es().into(),
            WorldError::Zone(r) => super::durability::zone_refusal(*r, super::Lang::Es).into(),
        }
    }

    fn en(&self) -> String {
        match self {
            WorldError::Aws(a) => {
                format!(
                    "AWS would answer {}: {}",
                    a.error_type.as_str(),
                    isolate_quoted_value(a.message.as_deref().unwrap_or_default())
                )
            }
            WorldError::NotFound { kind: Named::Producer, name } => {
                format!("There is no producer named “{FSI}{name}{PDI}”.")
            }
            WorldError::NotFound { kind: Named::Consumer, name } => {
                format!("There is no consumer named “{FSI}{name}{PDI}”.")
            }
            WorldError::NotFound { kind: Named::PollingConsumer, name } => {
                format!("There is no polling (KCL) consumer named “{FSI}{name}{PDI}”.")
            }
            WorldError::Refused(r) => r.en().into(),
            WorldError::Zone(r) => super::durability::zone_refusal(*r, super::Lang::En).into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_text_is_translated_and_non_empty() {
        // Only names that are the same in both languages may be identical (product names).
        assert_eq!(
            same_in_both(Text::ALL),
            vec![Text::AppTitle, Text::ViewKcl, Text::ViewFirehose],
            "untranslated keys"
        );
        assert!(Text::ALL.len() > 50, "every key is listed in Text::ALL");
    }

    #[test]
    fn every_preset_has_its_own_description() {
        assert_eq!(same_in_both(&Preset::ALL), vec![]);
        let texts: std::collections::BTreeSet<&str> = Preset::ALL.into_iter().map(Preset::en).collect();
        assert_eq!(texts.len(), Preset::ALL.len());
        for p in Preset::ALL {
            assert!(p.text(Lang::En).starts_with(p.slug()), "{p:?}");
        }
    }

    #[test]
    fn world_errors_carry_their_values_in_both_languages() {
        for kind in Named::ALL {
            let e = WorldError::NotFound { kind, name: "app-7".into() };
            for lang in Lang::ALL {
                assert!(e.text(lang).contains("app-7"), "{kind:?} {lang:?}");
                assert_eq!(Msg::World(e.clone()).text(lang), e.text(lang));
            }
        }
        let aws = crate::engine::error::ApiError {
            error_type: crate::engine::ErrorType::ResourceInUseException,
            message: Some("Stream x is in use".into()),
        };
        let text = WorldError::Aws(aws).text(Lang::Es);
        assert!(text.contains("ResourceInUseException: Stream x is in use"), "{text}");
    }

    #[test]
    fn messages_carry_their_values_in_both_languages() {
        let m = Msg::BadParam { name: "shards".into(), value: "abc".into(), allowed: "1–64".into() };
        for lang in Lang::ALL {
            let text = m.text(lang);
            assert!(text.contains("shards") && text.contains("abc") && text.contains("1–64"), "{text}");
        }
        let shown = Msg::OtherStream { shown: "Foo".into(), scenario: "my-activity-logs".into() };
        let elsewhere = Msg::ConsumersElsewhere { scenario: "my-activity-logs".into() };
        for lang in Lang::ALL {
            let text = shown.text(lang);
            assert!(text.contains("Foo") && text.contains("my-activity-logs"), "{text}");
            assert!(elsewhere.text(lang).contains("my-activity-logs"));
            // It names the picker by its own label.
            assert!(text.contains(Text::ShownStream.text(lang)), "{text}");
        }
    }
}
