//! Español.

use super::pipelines::PipelinesText;
use super::{Lang, Msg, Text};
use crate::world::error::{Named, WorldError};

/// The Spanish text of `t`.
pub fn text(t: Text) -> &'static str {
    match t {
        Text::AppTitle => "Kinesis Playground",
        Text::Tagline => "Amazon Kinesis Data Streams, simulado y dibujado",
        Text::ViewOverview => "Vista general",
        Text::ViewHashing => "Hashing de claves",
        Text::ViewFlow => "Flujo de registros",
        Text::ViewRetention => "Retención",
        Text::ViewResharding => "Resharding (linaje)",
        Text::ViewPipelines => "Lambda y Kappa",
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
        Text::AssumeBuckets => "Los límites de throughput son cubos de fichas que se rellenan de forma continua; AWS no publica sus ventanas exactas.",
        Text::AssumeConsumers => "Los consumidores no tienen latencia de red: los polling leen cada 1 s, enhanced fan-out recibe los registros ~70 ms después de llegar.",
        Text::AssumePayloads => "Los datos de los productores se generan de forma determinista a partir de la semilla, como los eventos JSON del ejemplo del curso.",
        Text::AssumeReshard => "Los cambios de estado (CREATING → ACTIVE, UPDATING) duran unos segundos fijos; en AWS varían.",
        Text::AssumePipelines => "Lambda vs Kappa (e-commerce): el dataset maestro guarda solo los dos campos que lee la consulta (producto y cantidad), un objeto por minuto de llegada; un ciclo batch cuesta 60 s + 0,2 ms por hecho y recalcula los objetos cerrados cuando empieza; un job Kappa con paralelismo P divide su coste por registro entre P y uno con enhanced fan-out procesa al ritmo que recibe; el almacenamiento cuenta filas clave-valor (producto, minuto, 8 bytes) fuera del stream; el bug de enseñanza escribe cada resultado dos veces.",
        Text::OverviewHelp => "Cada fila es un shard con su rango de hash keys. Los puntos son registros: entran por la izquierda cuando el stream los acepta y se desplazan según su edad; su altura es la posición de su hash dentro del rango del shard y su color depende de la partition key.",
        Text::Incoming => "aceptados",
        Text::PerSecond => "reg/s",
        Text::Throttled => "throttled (por límite)",
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
        Text::MemoryPaused => "Pausado: el stream retiene más de 4 millones de registros y el navegador se quedaría sin memoria. Baja el ritmo o la velocidad, o reinicia.",
        Text::CpuCapped => "El reloj va más lento de lo pedido: cada fotograma simula como mucho 20 000 registros.",
        Text::PresetActivityLogs => "activity-logs: el ejemplo del curso, logs de actividad, una Lambda que cuenta acciones y un aumento de shards",
        Text::PresetClickstream => "clickstream: varias aplicaciones leen el mismo stream por separado",
        Text::PresetHotKey => "hot-key: una clave caliente satura un solo shard",
        Text::PresetSlowConsumer => "slow-consumer: un consumidor lento se queda atrás más allá de la retención y pierde datos",
        Text::PresetResharding => "resharding: un split y un merge con carga, leídos en orden",
        Text::PresetFanOut => "fan-out: 5 consumidores polling comparten 2 MiB/s; 5 enhanced fan-out tienen 2 MiB/s cada uno",
        Text::PresetIotSensors => "iot-sensors: sensores de temperatura que envían lotes",
        Text::PresetECommerce => "e-commerce: pedidos que alimentan las arquitecturas Lambda y Kappa",
    }
}

/// The Spanish text of `m`.
pub fn msg(m: &Msg) -> String {
    match m {
        Msg::BadParam { name, value, allowed } => {
            format!("Se ignoró «{name}={value}» del enlace: se admite {allowed}. Se usa el valor por defecto.")
        }
        Msg::UnknownParam { name } => format!("Se ignoró el parámetro desconocido «{name}» del enlace."),
        Msg::UnknownView { slug } => format!("La vista «{slug}» no existe; se muestra la vista general."),
        Msg::UnknownPanel { view, panel, allowed } => {
            format!("La vista «{view}» no tiene el panel «{panel}» (se admite {allowed}); se muestran ambos.")
        }
        Msg::BadField { field, value, allowed } => format!("{field}: «{value}» no es válido; se admite {allowed}."),
        Msg::AwsError { error, message } => format!("AWS respondería {error}: {message}"),
        Msg::World(e) => world_error(e),
        Msg::OpenShards { n: 1 } => "1 shard abierto".into(),
        Msg::OpenShards { n } => format!("{n} shards abiertos"),
        Msg::SpeedOption { factor } => format!("{factor}×"),
    }
}

/// The Spanish text of a world command's failure.
pub fn world_error(e: &WorldError) -> String {
    match e {
        WorldError::Aws(a) => {
            format!("AWS respondería {}: {}", a.error_type.as_str(), a.message.as_deref().unwrap_or_default())
        }
        WorldError::NotFound { kind: Named::Producer, name } => format!("No hay ningún productor llamado «{name}»."),
        WorldError::NotFound { kind: Named::Consumer, name } => format!("No hay ningún consumidor llamado «{name}»."),
        WorldError::NotFound { kind: Named::PollingConsumer, name } => {
            format!("No hay ningún consumidor de polling (KCL) llamado «{name}».")
        }
        WorldError::Refused(r) => PipelinesText::refusal(*r).text(Lang::Es).into(),
    }
}
