//! Text of the firehose view (`#/firehose`). Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values.

use super::lang::{keys, Message, Phrase};

keys! {
    /// A fixed string of the firehose view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// What the view shows, in one paragraph.
        Help,
        /// Model assumption: what this view's model simplifies (side panel and README).
        Assume,
        /// Heading of the source column.
        Source,
        /// Heading of the delivery stream column.
        Delivery,
        /// Heading of the bucket column.
        Bucket,
        /// Buffer size gauge label.
        SizeGauge,
        /// Buffer clock label.
        ClockGauge,
        /// Marks the trigger closer to firing.
        Closer,
        /// The buffer is empty.
        Empty,
        /// No delivery stream yet.
        NoDelivery,
        /// Create button.
        Create,
        /// Update button.
        Update,
        /// Size field label.
        SizeLabel,
        /// Interval field label.
        IntervalLabel,
        /// Form heading.
        FormHeading,
        /// Form rules.
        Rules,
        /// Size out of range.
        SizeError,
        /// Interval out of range.
        IntervalError,
        /// Not a whole number.
        NotNumber,
        /// No object yet.
        NoObjects,
        /// Objects table: key.
        ColKey,
        /// Objects table: size.
        ColSize,
        /// Objects table: records.
        ColRecords,
        /// Objects table: why it was written.
        ColTrigger,
        /// Objects table: arrivals.
        ColArrivals,
        /// Trigger: size.
        BySize,
        /// Trigger: interval.
        ByInterval,
        /// Newest object marker.
        Newest,
        /// Link to the Lambda architecture.
        SameArchiver,
        /// Note shown when the delivery stream is the Lambda architecture's archiver.
        IsArchiver,
        /// The list of recent objects.
        RecentHeading,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Firehose: del stream a objetos en S3",
            Text::Help => "Un delivery stream de Amazon Data Firehose lee el stream como cualquier consumidor (GetRecords en cada shard una vez por segundo, dentro del límite de lectura del shard), acumula los registros en un búfer y escribe un objeto en S3 cuando el búfer llega a SizeInMBs o cuando pasan IntervalInSeconds desde su primer registro: lo que ocurra antes. Los objetos quedan en carpetas por fecha y hora UTC (YYYY/MM/DD/HH/).",
            Text::Assume => "Firehose: sin S3 real (un objeto es su clave y sus cuentas), sin compresión, sin conversión de formato ni transformación con Lambda, sin particionado dinámico ni reintentos; el objeto se escribe en el segundo en que se cumple su condición; el tamaño cuenta datos + clave de partición; se guardan en detalle los 48 últimos objetos.",
            Text::Source => "Origen: stream de Kinesis",
            Text::Delivery => "Delivery stream (Firehose)",
            Text::Bucket => "Bucket de S3",
            Text::SizeGauge => "Búfer (tamaño)",
            Text::ClockGauge => "Tiempo en el búfer",
            Text::Closer => "dispara antes",
            Text::Empty => "búfer vacío",
            Text::NoDelivery => "Este escenario aún no tiene delivery stream. Crea uno: empezará a leer en LATEST (solo registros nuevos).",
            Text::Create => "Crear delivery stream (CreateDeliveryStream)",
            Text::Update => "Cambiar (UpdateDestination)",
            Text::SizeLabel => "SizeInMBs (MiB, 1–128)",
            Text::IntervalLabel => "IntervalInSeconds (s, 0–900)",
            Text::FormHeading => "Pistas de búfer (BufferingHints)",
            Text::Rules => "Valores por defecto de AWS para S3: 5 MiB y 300 s. Cada cambio sube la versión del delivery stream, que aparece en el nombre de los objetos.",
            Text::SizeError => "SizeInMBs debe ser un entero entre 1 y 128.",
            Text::IntervalError => "IntervalInSeconds debe ser un entero entre 0 y 900.",
            Text::NotNumber => "Escribe un número entero.",
            Text::NoObjects => "Aún no hay objetos: el búfer no se ha llenado ni ha pasado el intervalo.",
            Text::ColKey => "Clave (key)",
            Text::ColSize => "Tamaño",
            Text::ColRecords => "Registros",
            Text::ColTrigger => "Motivo",
            Text::ColArrivals => "Llegadas",
            Text::BySize => "tamaño",
            Text::ByInterval => "intervalo",
            Text::Newest => "el más nuevo",
            Text::SameArchiver => "Es el mismo archivador del dataset maestro de la arquitectura Lambda →",
            Text::IsArchiver => "Este delivery stream es el archivador firehose-s3 de la arquitectura Lambda: la capa batch solo usa lo que ya está en S3.",
            Text::RecentHeading => "Objetos recientes",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Firehose: from the stream to S3 objects",
            Text::Help => "An Amazon Data Firehose delivery stream reads the stream like any consumer (GetRecords on each shard once a second, within the shard's read limit), gathers the records in a buffer and writes an object to S3 when the buffer reaches SizeInMBs or when IntervalInSeconds have passed since its first record: whichever comes first. Objects land in folders by UTC date and hour (YYYY/MM/DD/HH/).",
            Text::Assume => "Firehose: no real S3 (an object is its key and counts), no compression, no format conversion or Lambda transformation, no dynamic partitioning or retries; an object is written in the second its condition holds; size counts data + partition key; the last 48 objects are kept in detail.",
            Text::Source => "Source: Kinesis stream",
            Text::Delivery => "Delivery stream (Firehose)",
            Text::Bucket => "S3 bucket",
            Text::SizeGauge => "Buffer (size)",
            Text::ClockGauge => "Time in buffer",
            Text::Closer => "fires first",
            Text::Empty => "buffer empty",
            Text::NoDelivery => "This scenario has no delivery stream yet. Create one: it starts reading at LATEST (new records only).",
            Text::Create => "Create delivery stream (CreateDeliveryStream)",
            Text::Update => "Change (UpdateDestination)",
            Text::SizeLabel => "SizeInMBs (MiB, 1–128)",
            Text::IntervalLabel => "IntervalInSeconds (s, 0–900)",
            Text::FormHeading => "Buffering hints (BufferingHints)",
            Text::Rules => "AWS defaults for S3: 5 MiB and 300 s. Each change raises the delivery stream's version, which appears in the object names.",
            Text::SizeError => "SizeInMBs must be a whole number from 1 to 128.",
            Text::IntervalError => "IntervalInSeconds must be a whole number from 0 to 900.",
            Text::NotNumber => "Type a whole number.",
            Text::NoObjects => "No objects yet: the buffer has not filled and the interval has not passed.",
            Text::ColKey => "Key",
            Text::ColSize => "Size",
            Text::ColRecords => "Records",
            Text::ColTrigger => "Trigger",
            Text::ColArrivals => "Arrivals",
            Text::BySize => "size",
            Text::ByInterval => "interval",
            Text::Newest => "newest",
            Text::SameArchiver => "It is the same master-dataset archiver as the Lambda architecture's →",
            Text::IsArchiver => "This delivery stream is the Lambda architecture's firehose-s3 archiver: the batch layer only uses what is already in S3.",
            Text::RecentHeading => "Recent objects",
        }
    }
}

/// A firehose message with values (numbers already formatted for the language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The delivery stream's name, version and hints.
    Config {
        /// `DeliveryStreamName`.
        name: String,
        /// Version.
        version: u32,
        /// `SizeInMBs`.
        size: u32,
        /// `IntervalInSeconds`.
        interval: u32,
    },
    /// The buffer's contents.
    Buffered {
        /// Records, formatted.
        records: String,
        /// Size, formatted.
        bytes: String,
        /// Limit, formatted.
        limit: String,
    },
    /// Time since the first record against the interval.
    Waiting {
        /// Elapsed, formatted.
        elapsed: String,
        /// Interval, formatted.
        interval: String,
    },
    /// Totals written.
    Totals {
        /// Objects, formatted.
        objects: String,
        /// Size, formatted.
        bytes: String,
        /// Records, formatted.
        records: String,
        /// Objects written because the buffer was full, formatted.
        by_size: String,
    },
    /// A folder's totals.
    Folder {
        /// Objects, formatted.
        objects: String,
        /// Size, formatted.
        bytes: String,
    },
    /// One object, for its title and the screen reader.
    Object {
        /// Key.
        key: String,
        /// Size, formatted.
        bytes: String,
        /// Records, formatted.
        records: String,
    },
    /// A shard's reading lag.
    Behind {
        /// Lag, formatted.
        lag: String,
    },
    /// The text equivalent of the drawing.
    Figure {
        /// Buffered size, formatted.
        bytes: String,
        /// Limit, formatted.
        limit: String,
        /// Elapsed, formatted.
        elapsed: String,
        /// Interval, formatted.
        interval: String,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Config { name, version, size, interval } => {
                format!("{name} · versión {version} · SizeInMBs {size} · IntervalInSeconds {interval}")
            }
            Msg::Buffered { records, bytes, limit } => format!("{records} registros · {bytes} de {limit}"),
            Msg::Waiting { elapsed, interval } => format!("{elapsed} de {interval}"),
            Msg::Totals { objects, bytes, records, by_size } => {
                format!("{objects} objetos · {bytes} · {records} registros ({by_size} por tamaño)")
            }
            Msg::Folder { objects, bytes } => format!("{objects} objetos, {bytes}"),
            Msg::Object { key, bytes, records } => format!("{key}: {bytes}, {records} registros"),
            Msg::Behind { lag } => format!("{lag} por detrás"),
            Msg::Figure { bytes, limit, elapsed, interval } => {
                format!("Búfer: {bytes} de {limit}; {elapsed} de {interval} desde el primer registro.")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Config { name, version, size, interval } => {
                format!("{name} · version {version} · SizeInMBs {size} · IntervalInSeconds {interval}")
            }
            Msg::Buffered { records, bytes, limit } => format!("{records} records · {bytes} of {limit}"),
            Msg::Waiting { elapsed, interval } => format!("{elapsed} of {interval}"),
            Msg::Totals { objects, bytes, records, by_size } => {
                format!("{objects} objects · {bytes} · {records} records ({by_size} by size)")
            }
            Msg::Folder { objects, bytes } => format!("{objects} objects, {bytes}"),
            Msg::Object { key, bytes, records } => format!("{key}: {bytes}, {records} records"),
            Msg::Behind { lag } => format!("{lag} behind"),
            Msg::Figure { bytes, limit, elapsed, interval } => {
                format!("Buffer: {bytes} of {limit}; {elapsed} of {interval} since the first record.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;
    use crate::i18n::Lang;

    #[test]
    fn every_text_is_translated_and_non_empty() {
        // AWS names, the same in both languages.
        assert_eq!(same_in_both(Text::ALL), vec![Text::Delivery, Text::SizeLabel, Text::IntervalLabel]);
        let m = Msg::Waiting { elapsed: "30 s".into(), interval: "60 s".into() };
        assert_eq!((m.text(Lang::Es), m.text(Lang::En)), ("30 s de 60 s".into(), "30 s of 60 s".into()));
    }
}
