//! Text of the code panel ("Código / Code"): its headings and notes, the comments inside the
//! generated boto3 producer and `lambda.py`, and what the highlighted line means, Spanish and
//! English, one exhaustive match each. Python identifiers stay as the course writes them.

use super::lang::{keys, Message, Phrase, FSI, PDI};

keys! {
    /// A fixed string of the code panel.
    pub enum Text {
        /// The panel's heading.
        Title,
        /// What the panel shows.
        Intro,
        /// Heading of the producer's code.
        ProducerHeading,
        /// Heading of the Lambda function's code.
        LambdaHeading,
        /// Under lambda.py: it is a reconstruction.
        Reconstruction,
        /// Heading of the event source mapping's settings.
        MappingHeading,
        /// Heading of the counts table.
        CountsHeading,
        /// The counts table is empty so far.
        CountsEmpty,
        /// Column: how many.
        ColCount,
        /// Invocations so far (label).
        Invocations,
        /// Marker legend: ▶ marks the running line.
        MarkerLegend,
        /// Producer state: calling Kinesis.
        PhaseSending,
        /// Producer state: sleeping between records.
        PhaseSleeping,
        /// Producer state: stopped.
        PhaseStopped,
        /// Lambda state: an invocation is running.
        PhaseRunning,
        /// Lambda state: an invocation just returned.
        PhaseReturned,
        /// Lambda state: waiting for the next batch.
        PhaseIdle,
        /// Label of a code block's line numbers for screen readers.
        CodeLabel,
        /// Python comment: create the Kinesis client (the course's words).
        CommentClient,
        /// Python comment: the partition key decides the shard (the course's words).
        CommentPartitionKey,
        /// Python comment: the pause that sets the rate.
        CommentSleep,
        /// Python comment: send data to Kinesis (the course's words).
        CommentSend,
        /// Python comment: a batch of records in one call.
        CommentBatch,
        /// Python comment: lambda.py is a reconstruction.
        CommentReconstruction,
        /// Python comment: the counts live in the warm container (in production, DynamoDB).
        CommentCounts,
        /// Python comment: Kinesis sends the data in base64.
        CommentBase64,
        /// Python comment: Data is random bytes in this scenario.
        CommentOpaque,
    }
}

/// A message with values of the code panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Python comment on `RATE`: records per second and how the scenario's rate changes.
    CommentRate {
        /// How the rate is set, e.g. `200 → 1600 en 10 min`, or empty when constant.
        how: String,
    },
    /// The scenario has no Lambda consumer: these are its consumers.
    NoLambda {
        /// Its consumers, `name (kind)`, comma-separated (empty: none).
        consumers: String,
    },
    /// The scenario has more Lambda functions than the one shown.
    OtherLambdas {
        /// Their names, comma-separated.
        names: String,
    },
    /// The scenario has more producers than the one shown.
    OtherProducers {
        /// Their names, comma-separated.
        names: String,
    },
    /// The counts table's caption: by which field.
    CountsBy {
        /// The JSON field counted (`action`).
        field: String,
    },
    /// The batch note: a rate of N records/s is one call per record or one call per batch.
    RateNote {
        /// Records per second now.
        rate: u64,
        /// Records per PutRecords call (0: one PutRecord per record).
        batch: u32,
        /// The batch's longest wait, ms.
        linger_ms: u64,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Código",
            Text::Intro => "El código Python que esta simulación imita, con los valores del escenario: el productor boto3 del curso y la función lambda.py que cuenta acciones. ▶ marca la línea que se ejecuta ahora.",
            Text::ProducerHeading => "Productor (boto3, PutRecord)",
            Text::LambdaHeading => "Consumidor: la función Lambda (lambda.py)",
            Text::Reconstruction => "La nota 000 del curso describe lambda.py («contar la cantidad de veces que ocurre una acción») pero no imprime su código: este es el handler estándar de una Lambda disparada por Kinesis, reconstruido.",
            Text::MappingHeading => "Event source mapping (el disparador)",
            Text::CountsHeading => "El resultado de la Lambda, en vivo",
            Text::CountsEmpty => "Aún no hay conteos: la Lambda no ha procesado ningún lote.",
            Text::ColCount => "Veces",
            Text::Invocations => "Invocaciones",
            Text::MarkerLegend => "▶ = la línea que se ejecuta ahora",
            Text::PhaseSending => "enviando: put_record a Kinesis",
            Text::PhaseSleeping => "esperando: time.sleep entre registros",
            Text::PhaseStopped => "detenido: el productor no envía",
            Text::PhaseRunning => "ejecutándose: recorre event['Records']",
            Text::PhaseReturned => "terminó el lote: return",
            Text::PhaseIdle => "en espera del siguiente lote",
            Text::CodeLabel => "Código Python",
            Text::CommentClient => "# Crear cliente de Kinesis",
            Text::CommentPartitionKey => "# Determina a qué shard irá el dato",
            Text::CommentSleep => "# Simulación de flujo de datos",
            Text::CommentSend => "# Enviar datos a Kinesis",
            Text::CommentBatch => "# Un lote: varios registros en una sola llamada",
            Text::CommentReconstruction => "# lambda.py, reconstruido: la nota 000 no imprime su código",
            Text::CommentCounts => "# Conteo por contenedor; en producción, en DynamoDB",
            Text::CommentBase64 => "# Kinesis entrega Data en base64",
            Text::CommentOpaque => "# En este escenario Data son bytes al azar, no JSON",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Code",
            Text::Intro => "The Python code this simulation mirrors, with the scenario's values: the course's boto3 producer and the lambda.py function that counts actions. ▶ marks the line running now.",
            Text::ProducerHeading => "Producer (boto3, PutRecord)",
            Text::LambdaHeading => "Consumer: the Lambda function (lambda.py)",
            Text::Reconstruction => "The course's note 000 describes lambda.py (\"count how often an action occurs\") but does not print its code: this is the standard handler of a Kinesis-triggered Lambda, reconstructed.",
            Text::MappingHeading => "Event source mapping (the trigger)",
            Text::CountsHeading => "The Lambda's result, live",
            Text::CountsEmpty => "No counts yet: the Lambda has not processed a batch.",
            Text::ColCount => "Count",
            Text::Invocations => "Invocations",
            Text::MarkerLegend => "▶ = the line running now",
            Text::PhaseSending => "sending: put_record to Kinesis",
            Text::PhaseSleeping => "waiting: time.sleep between records",
            Text::PhaseStopped => "stopped: the producer sends nothing",
            Text::PhaseRunning => "running: looping over event['Records']",
            Text::PhaseReturned => "batch done: return",
            Text::PhaseIdle => "waiting for the next batch",
            Text::CodeLabel => "Python code",
            Text::CommentClient => "# Create the Kinesis client",
            Text::CommentPartitionKey => "# Decides which shard the record goes to",
            Text::CommentSleep => "# Simulated data flow",
            Text::CommentSend => "# Send data to Kinesis",
            Text::CommentBatch => "# A batch: several records in one call",
            Text::CommentReconstruction => "# lambda.py, reconstructed: note 000 does not print its code",
            Text::CommentCounts => "# Counts per container; in production, in DynamoDB",
            Text::CommentBase64 => "# Kinesis delivers Data in base64",
            Text::CommentOpaque => "# In this scenario Data is random bytes, not JSON",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::CommentRate { how } if how.is_empty() => "# registros por segundo".into(),
            Msg::CommentRate { how } => format!("# registros por segundo ahora ({how})"),
            Msg::NoLambda { consumers } if consumers.is_empty() => {
                "Este escenario no tiene consumidor Lambda ni otros consumidores: solo se muestra el productor.".into()
            }
            Msg::NoLambda { consumers } => format!(
                "Este escenario no tiene consumidor Lambda, así que no hay lambda.py. Sus consumidores: {FSI}{consumers}{PDI}."
            ),
            Msg::OtherLambdas { names } => format!("También lee el stream la Lambda {FSI}{names}{PDI}; se muestra la primera."),
            Msg::OtherProducers { names } => {
                format!("Otros productores del escenario: {FSI}{names}{PDI}; se muestra el primero.")
            }
            Msg::CountsBy { field } => format!("Registros contados por «{field}»"),
            Msg::RateNote { rate, batch: 0, .. } => format!(
                "Un ritmo de {rate} registros/s se escribe como una llamada put_record por registro y una pausa time.sleep(1 / RATE) entre registros: el bucle del curso (time.sleep(1)) a {rate} veces su velocidad."
            ),
            Msg::RateNote { rate, batch, linger_ms } => format!(
                "Un ritmo de {rate} registros/s se envía en lotes: una llamada put_records con hasta {batch} registros, o antes si el primero lleva {linger_ms} ms esperando."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::CommentRate { how } if how.is_empty() => "# records per second".into(),
            Msg::CommentRate { how } => format!("# records per second now ({how})"),
            Msg::NoLambda { consumers } if consumers.is_empty() => {
                "This scenario has no Lambda consumer and no other consumers: only the producer is shown.".into()
            }
            Msg::NoLambda { consumers } => format!(
                "This scenario has no Lambda consumer, so there is no lambda.py. Its consumers: {FSI}{consumers}{PDI}."
            ),
            Msg::OtherLambdas { names } => format!("The Lambda {FSI}{names}{PDI} reads the stream too; the first is shown."),
            Msg::OtherProducers { names } => {
                format!("The scenario's other producers: {FSI}{names}{PDI}; the first is shown.")
            }
            Msg::CountsBy { field } => format!("Records counted by “{field}”"),
            Msg::RateNote { rate, batch: 0, .. } => format!(
                "A rate of {rate} records/s is written as one put_record call per record and a time.sleep(1 / RATE) pause between records: the course's loop (time.sleep(1)) at {rate} times its speed."
            ),
            Msg::RateNote { rate, batch, linger_ms } => format!(
                "A rate of {rate} records/s is sent in batches: one put_records call with up to {batch} records, or sooner once the first has waited {linger_ms} ms."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_code_text_is_translated() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
        for m in [
            Msg::CommentRate { how: String::new() },
            Msg::NoLambda { consumers: "reader (polling, GetRecords)".into() },
            Msg::RateNote { rate: 200, batch: 0, linger_ms: 0 },
            Msg::RateNote { rate: 50, batch: 500, linger_ms: 100 },
        ] {
            assert_ne!(m.text(Lang::Es), m.text(Lang::En), "{m:?}");
        }
    }

    #[test]
    fn python_comments_start_with_a_hash() {
        for t in [Text::CommentClient, Text::CommentPartitionKey, Text::CommentSleep, Text::CommentBatch] {
            for lang in Lang::ALL {
                assert!(t.text(lang).starts_with("# "), "{t:?}");
            }
        }
    }
}
