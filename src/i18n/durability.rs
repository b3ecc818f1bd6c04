//! Text of the durability view (`#/durability`). Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values; [`zone_refusal`]
//! explains why the Availability Zone control refused.

use super::lang::{keys, Lang, Message, Phrase};
use super::numbers::grouped;
use crate::engine::ops::replication::ZoneRefusal;

keys! {
    /// A fixed string of the durability view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// Model assumption: what this view's model simplifies (side panel and README).
        Assume,
        /// Server-side encryption (SSE-KMS)
        EncHeading,
        /// What Start/StopStreamEncryption do.
        EncHelp,
        /// KMS key (KeyId)
        KeyLabel,
        /// The four KeyId forms.
        KeyHint,
        /// Start button.
        Start,
        /// Stop button.
        Stop,
        /// Stream status label.
        StatusLabel,
        /// Encryption label.
        EncryptionLabel,
        /// Key in use label.
        KeyInUse,
        /// Empty KeyId.
        KeyEmpty,
        /// KeyId over 2048 characters.
        KeyTooLong,
        /// KeyId in none of the documented forms.
        KeyUnknownForm,
        /// Form: alias name.
        FormAlias,
        /// Form: alias ARN.
        FormAliasArn,
        /// Form: key ARN.
        FormKeyArn,
        /// Form: key id.
        FormKeyId,
        /// AWS's answer heading.
        AwsAnswer,
        /// Accepted, now UPDATING.
        Accepted,
        /// Recent records heading.
        StripHeading,
        /// Legend of the strip.
        StripLegend,
        /// No records yet.
        NoRecords,
        /// GetRecords panel heading.
        ReadHeading,
        /// GetRecords panel help.
        ReadHelp,
        /// GetRecords button.
        ReadButton,
        /// (field absent)
        NoField,
        /// What SSE protects heading.
        ExplainHeading,
        /// Protects: data at rest.
        Protects,
        /// Does not: transit.
        NotTransit,
        /// Does not: permissions.
        NotPermissions,
        /// Does not: producer and consumer.
        NotEnds,
        /// Does not: metadata.
        NotMetadata,
        /// Does not: earlier records.
        NotBefore,
        /// No real cryptography here.
        NoCrypto,
        /// Source of the explanation.
        EncSource,
        /// Replication heading.
        RepHeading,
        /// Replication help.
        RepHelp,
        /// A model of the promise, not the internals.
        ModelNote,
        /// Zone in sync.
        ZoneUp,
        /// Zone down.
        ZoneDown,
        /// Zone catching up.
        ZoneCatchingUp,
        /// Teacher control heading.
        TeacherHeading,
        /// Only one zone at a time.
        OneAtATime,
        /// Wait for the catch-up.
        WaitCatchUp,
        /// Acknowledged.
        Acked,
        /// Readable now.
        Readable,
        /// Expired by retention.
        ExpiredLabel,
        /// Lost.
        Lost,
        /// Read by consumers.
        Reads,
        /// Table caption.
        TableCaption,
        /// Shard column.
        Shard,
        /// Source of the replication promise.
        RepSource,
        /// Drawing label of the replication drawing.
        RepAria,
        /// Drawing label of the strip.
        StripAria,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Cifrado y réplicas",
            Text::Assume => "Cifrado y réplicas: no hay criptografía, solo la marca EncryptionType (KMS en los registros escritos con el cifrado activo) y el paso por UPDATING; cualquier KeyId de 1 a 2048 caracteres vale (no hay KMS que lo rechace). Las tres copias son un modelo de la promesa de AWS («replica de forma síncrona en tres zonas de disponibilidad»), no de su funcionamiento interno: zonas us-east-1a/b/c (nombres, no ids), una sola zona caída a la vez, y al volver copia lo que le falta a 200 registros/s por shard.",
            Text::EncHeading => "Cifrado del lado del servidor (server-side encryption, SSE-KMS)",
            Text::EncHelp => "StartStreamEncryption y StopStreamEncryption cambian el cifrado del stream: pasa unos segundos por UPDATING y vuelve a ACTIVE. Desde ese instante, los registros nuevos llevan EncryptionType: KMS; los anteriores se quedan como estaban.",
            Text::KeyLabel => "Clave KMS (KeyId)",
            Text::KeyHint => "alias/aws/kinesis es la clave que AWS gestiona para Kinesis. También valen un id de clave (12345678-1234-…), un ARN de clave (arn:aws:kms:…:key/…), alias/MiAlias o un ARN de alias.",
            Text::Start => "Cifrar (StartStreamEncryption)",
            Text::Stop => "Dejar de cifrar (StopStreamEncryption)",
            Text::StatusLabel => "Estado (StreamStatus)",
            Text::EncryptionLabel => "Cifrado (EncryptionType)",
            Text::KeyInUse => "Clave (KeyId)",
            Text::KeyEmpty => "Escribe un KeyId: AWS lo exige (de 1 a 2048 caracteres).",
            Text::KeyTooLong => "Un KeyId tiene como mucho 2048 caracteres.",
            Text::KeyUnknownForm => "No es ninguna de las cuatro formas que documenta AWS. Aquí se acepta porque no hay KMS; AWS respondería con un error de KMS (por ejemplo KMSNotFoundException).",
            Text::FormAlias => "Forma: nombre de alias",
            Text::FormAliasArn => "Forma: ARN de alias",
            Text::FormKeyArn => "Forma: ARN de clave",
            Text::FormKeyId => "Forma: id de clave",
            Text::AwsAnswer => "Respuesta de AWS",
            Text::Accepted => "Aceptado: el stream pasa a UPDATING y en unos segundos vuelve a ACTIVE.",
            Text::StripHeading => "Registros de cada shard alrededor del cambio",
            Text::StripLegend => "16 registros por shard: 8 antes y 8 después del último cambio de cifrado (o los 16 más nuevos si no hubo cambio). Candado = EncryptionType KMS (guardado cifrado). Cuadro discontinuo = sin cifrar (NONE). La raya naranja es el instante del cambio. Pulsa ▶ para que los productores escriban.",
            Text::NoRecords => "Todavía no hay registros: pulsa ▶.",
            Text::ReadHeading => "GetRecords: lo que recibe un consumidor",
            Text::ReadHelp => "Lee desde el primer registro de la franja (AT_SEQUENCE_NUMBER). Mira EncryptionType en cada registro: el consumidor recibe los datos descifrados igualmente.",
            Text::ReadButton => "GetRecords",
            Text::NoField => "(sin campo)",
            Text::ExplainHeading => "Qué protege el cifrado del lado del servidor, y qué no",
            Text::Protects => "Protege los datos en reposo: Kinesis los cifra antes de escribirlos en su almacenamiento y los descifra al leerlos de él. Quien accediera a los discos del servicio no podría leerlos.",
            Text::NotTransit => "No es el cifrado en tránsito: eso lo hace TLS (HTTPS) entre tu programa y AWS, con o sin SSE.",
            Text::NotPermissions => "No impide leer a quien tiene permiso: con kinesis:GetRecords y kms:Decrypt sobre la clave, se leen los datos en claro.",
            Text::NotEnds => "El productor y el consumidor ven siempre los datos en claro: no cifran ni descifran nada ellos mismos.",
            Text::NotMetadata => "No oculta los metadatos: el nombre del stream, sus shards, el número y el tamaño de los registros y las métricas siguen visibles para quien pueda describir el stream.",
            Text::NotBefore => "No cifra lo ya escrito: los registros anteriores al cambio siguen sin cifrar hasta que expiran.",
            Text::NoCrypto => "En este simulador no hay criptografía: solo se modelan la marca EncryptionType, la clave elegida y el paso por UPDATING.",
            Text::EncSource => "Fuente: AWS, «What is server-side encryption for Kinesis Data Streams?»",
            Text::RepHeading => "Tres copias en tres zonas de disponibilidad (Availability Zones)",
            Text::RepHelp => "Kinesis guarda cada registro en tres zonas de disponibilidad y solo lo confirma al productor (acknowledged) cuando ya está guardado en todas las zonas que funcionan. Cada fila es un shard; cada columna, una zona; la barra dice cuántos de los registros del shard tiene esa copia.",
            Text::ModelNote => "Esto es un modelo de la promesa de durabilidad de AWS, no de su funcionamiento interno (que AWS no publica).",
            Text::ZoneUp => "al día",
            Text::ZoneDown => "CAÍDA",
            Text::ZoneCatchingUp => "poniéndose al día",
            Text::TeacherHeading => "Control del profesor (simulación, no es una API de AWS)",
            Text::OneAtATime => "Solo una zona puede caer a la vez: la promesa de AWS cubre la pérdida de una zona, y con dos caídas un registro quedaría en una sola copia.",
            Text::WaitCatchUp => "Espera a que la zona que volvió se ponga al día antes de tumbar otra.",
            Text::Acked => "Confirmados (acknowledged)",
            Text::Readable => "Legibles ahora (retenidos)",
            Text::ExpiredLabel => "Expirados por retención",
            Text::Lost => "Perdidos",
            Text::Reads => "Leídos por consumidores (GetRecords)",
            Text::TableCaption => "Registros que guarda cada zona, por shard",
            Text::Shard => "Shard",
            Text::RepSource => "Fuente: AWS, preguntas frecuentes de Kinesis Data Streams («replica de forma síncrona los datos en tres zonas de disponibilidad»)",
            Text::RepAria => "Tres columnas de zonas de disponibilidad por shard con la parte de los registros que guarda cada una; la tabla de abajo tiene los mismos números.",
            Text::StripAria => "Últimos registros de cada shard, con candado los cifrados con KMS; la lista de abajo da los mismos datos.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Encryption & replicas",
            Text::Assume => "Encryption & replicas: no cryptography happens, only the EncryptionType mark (KMS on records written while encryption is on) and the pass through UPDATING; any KeyId of 1 to 2048 characters is accepted (there is no KMS to refuse it). The three copies are a model of AWS's promise (\"synchronously replicates data across three Availability Zones\"), not of its internals: zones us-east-1a/b/c (names, not ids), one zone down at a time, and one that comes back copies what it missed at 200 records/s per shard.",
            Text::EncHeading => "Server-side encryption (SSE-KMS)",
            Text::EncHelp => "StartStreamEncryption and StopStreamEncryption change the stream's encryption: it spends a few seconds UPDATING, then is ACTIVE again. From that instant new records carry EncryptionType: KMS; earlier ones stay as they were.",
            Text::KeyLabel => "KMS key (KeyId)",
            Text::KeyHint => "alias/aws/kinesis is the key AWS manages for Kinesis. A key id (12345678-1234-…), a key ARN (arn:aws:kms:…:key/…), alias/MyAlias or an alias ARN also work.",
            Text::Start => "Encrypt (StartStreamEncryption)",
            Text::Stop => "Stop encrypting (StopStreamEncryption)",
            Text::StatusLabel => "Status (StreamStatus)",
            Text::EncryptionLabel => "Encryption (EncryptionType)",
            Text::KeyInUse => "Key (KeyId)",
            Text::KeyEmpty => "Type a KeyId: AWS requires one (1 to 2048 characters).",
            Text::KeyTooLong => "A KeyId has at most 2048 characters.",
            Text::KeyUnknownForm => "This is none of the four forms AWS documents. It is accepted here because there is no KMS; AWS would answer with a KMS error (for example KMSNotFoundException).",
            Text::FormAlias => "Form: alias name",
            Text::FormAliasArn => "Form: alias ARN",
            Text::FormKeyArn => "Form: key ARN",
            Text::FormKeyId => "Form: key id",
            Text::AwsAnswer => "AWS's answer",
            Text::Accepted => "Accepted: the stream goes UPDATING and is ACTIVE again in a few seconds.",
            Text::StripHeading => "Each shard's records around the switch",
            Text::StripLegend => "16 records per shard: 8 before and 8 after the last encryption switch (or the newest 16 when there was none). Lock = EncryptionType KMS (stored encrypted). Dashed square = not encrypted (NONE). The orange bar is the instant of the switch. Press ▶ so that the producers write.",
            Text::NoRecords => "No records yet: press ▶.",
            Text::ReadHeading => "GetRecords: what a consumer receives",
            Text::ReadHelp => "Reads from the strip's first record (AT_SEQUENCE_NUMBER). Look at each record's EncryptionType: the consumer gets the data decrypted either way.",
            Text::ReadButton => "GetRecords",
            Text::NoField => "(no field)",
            Text::ExplainHeading => "What server-side encryption protects, and what it does not",
            Text::Protects => "It protects data at rest: Kinesis encrypts records before writing them to its storage and decrypts them when reading them back. Someone reaching the service's disks could not read them.",
            Text::NotTransit => "It is not encryption in transit: TLS (HTTPS) does that between your program and AWS, with or without SSE.",
            Text::NotPermissions => "It does not stop anyone who has permission: with kinesis:GetRecords and kms:Decrypt on the key, the data reads in plaintext.",
            Text::NotEnds => "The producer and the consumer always see plaintext: they encrypt and decrypt nothing themselves.",
            Text::NotMetadata => "It does not hide metadata: the stream's name, its shards, the number and size of records and the metrics stay visible to whoever may describe the stream.",
            Text::NotBefore => "It does not encrypt what is already written: records from before the switch stay unencrypted until they expire.",
            Text::NoCrypto => "No cryptography happens in this simulator: only the EncryptionType mark, the chosen key and the pass through UPDATING are modelled.",
            Text::EncSource => "Source: AWS, \"What is server-side encryption for Kinesis Data Streams?\"",
            Text::RepHeading => "Three copies in three Availability Zones",
            Text::RepHelp => "Kinesis stores each record in three Availability Zones and acknowledges it to the producer only once it is stored in every zone that is up. Each row is a shard; each column, a zone; the bar says how many of the shard's records that copy holds.",
            Text::ModelNote => "This is a model of AWS's durability promise, not of its internals (which AWS does not publish).",
            Text::ZoneUp => "in sync",
            Text::ZoneDown => "DOWN",
            Text::ZoneCatchingUp => "catching up",
            Text::TeacherHeading => "Teacher's control (simulation, not an AWS API)",
            Text::OneAtATime => "Only one zone can be down at a time: AWS's promise covers the loss of one zone, and with two down a record would be left with a single copy.",
            Text::WaitCatchUp => "Wait until the zone that came back has caught up before taking another one down.",
            Text::Acked => "Acknowledged",
            Text::Readable => "Readable now (retained)",
            Text::ExpiredLabel => "Expired by retention",
            Text::Lost => "Lost",
            Text::Reads => "Read by consumers (GetRecords)",
            Text::TableCaption => "Records each zone holds, per shard",
            Text::Shard => "Shard",
            Text::RepSource => "Source: AWS, Kinesis Data Streams FAQ (\"synchronously replicates data across three Availability Zones\")",
            Text::RepAria => "Three Availability Zone columns per shard with the share of records each one holds; the table below has the same numbers.",
            Text::StripAria => "Latest records of each shard, the KMS-encrypted ones with a lock; the list below gives the same data.",
        }
    }
}

/// Messages with values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Take zone `zone` down.
    TakeDown {
        /// Zone name (`us-east-1a`).
        zone: String,
    },
    /// Bring zone `zone` back.
    BringBack {
        /// Zone name.
        zone: String,
    },
    /// Records a zone holds of a shard's acknowledged ones.
    Held {
        /// Held.
        held: u64,
        /// Acknowledged.
        written: u64,
    },
    /// Live copies of the newest record.
    LiveCopies {
        /// Zones up.
        live: u64,
    },
    /// The modelled catch-up rate.
    CatchUpRate {
        /// Records per second per shard.
        rate: u64,
    },
    /// A strip row's text equivalent: of the last `n`, `kms` are KMS.
    StripRow {
        /// Records drawn.
        n: u64,
        /// Of those, KMS.
        kms: u64,
    },
    /// `n` more records not listed.
    MoreRecords {
        /// Records.
        n: u64,
    },
    /// GetRecords returned `n` records.
    Returned {
        /// Records.
        n: u64,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        let g = |n: &u64| grouped(*n, Lang::Es);
        match self {
            Msg::TakeDown { zone } => format!("Tumbar {zone}"),
            Msg::BringBack { zone } => format!("Recuperar {zone}"),
            Msg::Held { held, written } => format!("{} de {}", g(held), g(written)),
            Msg::LiveCopies { live } => format!("cada registro nuevo tiene {live} copias vivas"),
            Msg::CatchUpRate { rate } => format!(
                "Al volver, la zona copia lo que le falta a {} registros/s por shard (un ritmo del modelo: AWS no lo publica); los registros nuevos le llegan a la vez que a las demás.",
                g(rate)
            ),
            Msg::StripRow { n, kms } => format!("{} registros en la franja: {} KMS, {} sin cifrar", g(n), g(kms), g(&(n - kms.min(n)))),
            Msg::MoreRecords { n } => format!("… y {} registros más", g(n)),
            Msg::Returned { n } => format!("GetRecords devolvió {} registros", g(n)),
        }
    }

    fn en(&self) -> String {
        let g = |n: &u64| grouped(*n, Lang::En);
        match self {
            Msg::TakeDown { zone } => format!("Take {zone} down"),
            Msg::BringBack { zone } => format!("Bring {zone} back"),
            Msg::Held { held, written } => format!("{} of {}", g(held), g(written)),
            Msg::LiveCopies { live } => format!("each new record has {live} live copies"),
            Msg::CatchUpRate { rate } => format!(
                "When it comes back, the zone copies what it missed at {} records/s per shard (a modelled rate: AWS publishes none); new records reach it together with the others.",
                g(rate)
            ),
            Msg::StripRow { n, kms } => format!("{} records in the strip: {} KMS, {} not encrypted", g(n), g(kms), g(&(n - kms.min(n)))),
            Msg::MoreRecords { n } => format!("… and {} more records", g(n)),
            Msg::Returned { n } => format!("GetRecords returned {} records", g(n)),
        }
    }
}

/// Why the Availability Zone control refused, in `lang`.
pub fn zone_refusal(r: ZoneRefusal, lang: Lang) -> &'static str {
    match r {
        ZoneRefusal::UnknownZone => match lang {
            Lang::Es => "Solo hay tres zonas: 0, 1 y 2.",
            Lang::En => "There are only three zones: 0, 1 and 2.",
        },
        ZoneRefusal::AnotherZoneDown => Text::OneAtATime.text(lang),
        ZoneRefusal::StillCatchingUp => Text::WaitCatchUp.text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_durability_text_is_translated() {
        // Only AWS API names stay the same.
        assert_eq!(same_in_both(Text::ALL), vec![Text::ReadButton, Text::Shard]);
        for r in ZoneRefusal::ALL {
            assert_ne!(zone_refusal(r, Lang::Es), zone_refusal(r, Lang::En));
        }
        assert_eq!(Msg::Held { held: 1500, written: 2000 }.text(Lang::Es), "1500 de 2000");
    }
}
