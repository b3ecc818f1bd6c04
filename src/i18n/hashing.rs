//! Text of the hashing view (`#/hashing`), Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values. AWS API
//! names (`PartitionKey`, `ExplicitHashKey`, `SplitShard`, `UPDATING`) stay as AWS spells them,
//! next to a Spanish gloss where one helps.

use super::lang::{keys, Lang, Message, Phrase};
use super::numbers::grouped;

keys! {
    /// A fixed string of the hashing view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// What the view shows, under the heading.
        Intro,
        /// Heading of the hash-space bar.
        BarHeading,
        /// Why shards own ranges.
        WhyRanges,
        /// Label of the density strip above the bar.
        DensityLabel,
        /// How to see a hash key's every digit.
        FullValueHint,
        /// Heading of the key steps.
        KeyHeading,
        /// Partition key field label.
        PartitionKeyLabel,
        /// ExplicitHashKey field label.
        ExplicitLabel,
        /// ExplicitHashKey field help.
        ExplicitHelp,
        /// Step 1: the bytes.
        StepBytes,
        /// Step 2: the digest.
        StepMd5,
        /// Step 3: the integer.
        StepDecimal,
        /// Step 4: the shard.
        StepShard,
        /// The ExplicitHashKey replaces the MD5.
        ExplicitUsed,
        /// The partition key field is empty.
        EmptyKey,
        /// Why MD5.
        WhyMd5,
        /// Why the same key always lands on the same shard.
        SameKey,
        /// Heading of the many-keys section.
        ManyHeading,
        /// Histogram column: records.
        ColRecords,
        /// Histogram column: share.
        ColShare,
        /// Histogram column: throttled writes so far.
        ColThrottled,
        /// Tooltip of the throttled column.
        ColThrottledHelp,
        /// Badge of a hot shard.
        HotBadge,
        /// Badge of a closed shard.
        ClosedBadge,
        /// What a hot key costs.
        HotKeyCost,
        /// No records yet.
        NoRecords,
        /// Heading of the recent keys table.
        RecentHeading,
        /// Recent keys column: the hash key.
        ColHash,
        /// Marks a record routed by an ExplicitHashKey.
        ExplicitMark,
        /// Heading of the resharding section.
        ReshardHeading,
        /// What resharding does here.
        ReshardHelp,
        /// Shard-to-split picker label.
        SplitShardLabel,
        /// Help of the NewStartingHashKey field.
        SplitKeyHelp,
        /// Split button.
        SplitButton,
        /// The NewStartingHashKey is not a number.
        SplitNotANumber,
        /// Merge pair picker label.
        MergeLabel,
        /// Merge button.
        MergeButton,
        /// Target shard count label.
        CountLabel,
        /// UpdateShardCount button.
        CountButton,
        /// Heading of the API answer.
        ApiHeading,
        /// No call yet.
        ApiNone,
        /// Explanation: SplitShard's rule.
        ExplainSplitRule,
        /// Explanation: MergeShards needs neighbours.
        ExplainMergeAdjacent,
        /// Explanation: UpdateShardCount's limits.
        ExplainScaleLimits,
        /// Explanation: another change is running.
        ExplainInUse,
        /// Explanation: no such shard.
        ExplainNotFound,
        /// Explanation: a malformed field.
        ExplainValidation,
        /// Heading of the moved-keys result.
        MovedHeading,
        /// Keys outside the touched range kept their shard.
        OutsideStayed,
        /// No open shards.
        NoShards,
    }
}

/// A message of the hashing view with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The bar's accessible name.
    BarAria {
        /// Open shards.
        n: usize,
    },
    /// The histogram's caption.
    HistogramCaption {
        /// Records counted.
        n: usize,
    },
    /// A reshard is in progress.
    Updating {
        /// Simulated seconds it takes.
        secs: u64,
    },
    /// The ranges the split would give.
    SplitChildren {
        /// `[start, key − 1]`.
        lower: String,
        /// `[key, end]`.
        upper: String,
    },
    /// The allowed NewStartingHashKeys of the chosen shard.
    SplitRule {
        /// StartingHashKey + 2.
        min: String,
        /// EndingHashKey − 1.
        max: String,
    },
    /// How many recent keys moved.
    Moved {
        /// Keys that changed shard.
        moved: usize,
        /// Distinct keys compared.
        keys: usize,
        /// Shards the reshard closed.
        closed: String,
    },
    /// What `hash mod N` would have moved.
    ModN {
        /// Keys that would have moved.
        moved: usize,
        /// Distinct keys compared.
        keys: usize,
        /// Shards before.
        from: usize,
        /// Shards after.
        to: usize,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "De la partition key al shard",
            Text::Intro => "Cada registro lleva una PartitionKey (clave de partición). Kinesis la convierte en un número entre 0 y 2¹²⁸−1 y envía el registro al único shard abierto cuyo rango contiene ese número.",
            Text::BarHeading => "El espacio de hash de 128 bits",
            Text::WhyRanges => "Por qué rangos: cada shard posee un tramo continuo de números (StartingHashKey…EndingHashKey) y entre todos los shards abiertos cubren el espacio entero, sin huecos. Dividir o fusionar solo mueve los bordes de los tramos afectados; el resto de claves se queda donde estaba.",
            Text::DensityLabel => "claves recientes",
            Text::FullValueHint => "Pasa el ratón o el foco por una hash key para ver todas sus cifras.",
            Text::KeyHeading => "Escribe una partition key",
            Text::PartitionKeyLabel => "PartitionKey (clave de partición)",
            Text::ExplicitLabel => "ExplicitHashKey (opcional)",
            Text::ExplicitHelp => "Un número decimal que sustituye al MD5: el registro va al shard cuyo rango lo contiene.",
            Text::StepBytes => "1. Bytes UTF-8",
            Text::StepMd5 => "2. Resumen MD5 (hex)",
            Text::StepDecimal => "3. Como entero de 128 bits (decimal)",
            Text::StepShard => "4. El shard abierto cuyo rango lo contiene",
            Text::ExplicitUsed => "Hay ExplicitHashKey: se ignora el MD5 de arriba y es este número el que elige el shard.",
            Text::EmptyKey => "Escribe una partition key (de 1 a 256 caracteres) para ver cada paso.",
            Text::WhyMd5 => "Por qué MD5: reparte claves parecidas (user-1, user-2…) de forma uniforme por todo el espacio, así cada shard recibe una parte justa. Se usa para repartir, no por seguridad.",
            Text::SameKey => "La misma clave da siempre el mismo número, así que todos sus registros van al mismo shard y en orden: Kinesis garantiza el orden por partition key dentro de un shard.",
            Text::ManyHeading => "Muchas claves: dónde caen los registros de los productores",
            Text::ColRecords => "Registros",
            Text::ColShare => "Proporción",
            Text::ColThrottled => "Rechazados (throttling)",
            Text::ColThrottledHelp => "Escrituras rechazadas por los límites del shard desde el inicio (throttling, ProvisionedThroughputExceededException)",
            Text::HotBadge => "caliente",
            Text::ClosedBadge => "cerrado",
            Text::HotKeyCost => "Lo que cuesta una clave caliente: todos sus registros van a un mismo shard, que acepta como mucho 1000 registros/s o 1 MiB/s. Por encima, PutRecord recibe throttling (ProvisionedThroughputExceededException) mientras los demás shards están ociosos; añadir shards no ayuda si no se reparte la clave (por ejemplo, con un sufijo).",
            Text::NoRecords => "Aún no hay registros: pulsa Reproducir o Paso.",
            Text::RecentHeading => "Últimos registros: clave → hash → shard",
            Text::ColHash => "Hash (clave de 128 bits)",
            Text::ExplicitMark => "explícita",
            Text::ReshardHeading => "Resharding aquí: dividir y fusionar shards",
            Text::ReshardHelp => "Cambia los shards del stream en marcha con las llamadas reales de la API. El stream pasa unos segundos simulados en UPDATING; después el shard antiguo se cierra y sus hijos se quedan con su rango.",
            Text::SplitShardLabel => "Shard a dividir (ShardToSplit)",
            Text::SplitKeyHelp => "Por defecto, la mitad del shard. Haz clic o arrastra sobre la barra para elegir otro punto.",
            Text::SplitButton => "Dividir (SplitShard)",
            Text::SplitNotANumber => "NewStartingHashKey debe ser un número entero decimal, sin espacios ni signo.",
            Text::MergeLabel => "Shards vecinos a fusionar",
            Text::MergeButton => "Fusionar (MergeShards)",
            Text::CountLabel => "Número objetivo de shards (UNIFORM_SCALING)",
            Text::CountButton => "Aplicar (UpdateShardCount)",
            Text::ApiHeading => "Respuesta de AWS",
            Text::ApiNone => "Aún no se ha hecho ninguna llamada desde esta vista.",
            Text::ExplainSplitRule => "El punto de corte debe quedar dentro del rango del shard: al menos StartingHashKey + 2 y por debajo de EndingHashKey, para que los dos hijos tengan claves.",
            Text::ExplainMergeAdjacent => "Solo se fusionan dos vecinos, el de abajo primero: el EndingHashKey del primero + 1 debe ser el StartingHashKey del segundo.",
            Text::ExplainScaleLimits => "UpdateShardCount puede como mucho duplicar y como poco reducir a la mitad los shards abiertos en una llamada (y 10 llamadas cada 24 h).",
            Text::ExplainInUse => "El stream ya está cambiando (UPDATING) o no está ACTIVE: espera a que termine el cambio anterior.",
            Text::ExplainNotFound => "Ese shard no existe o ya no aparece en el stream.",
            Text::ExplainValidation => "Un campo no tiene la forma que exige AWS (mira el mensaje).",
            Text::MovedHeading => "Claves que cambiaron de shard",
            Text::OutsideStayed => "Ninguna clave fuera del rango tocado cambió de shard: un resharding solo mueve las claves de los shards que cierra.",
            Text::NoShards => "El stream no tiene shards abiertos.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "From partition key to shard",
            Text::Intro => "Every record carries a PartitionKey. Kinesis turns it into a number between 0 and 2¹²⁸−1 and sends the record to the one open shard whose range holds that number.",
            Text::BarHeading => "The 128-bit hash space",
            Text::WhyRanges => "Why ranges: each shard owns one contiguous slice of the numbers (StartingHashKey…EndingHashKey), and together the open shards cover the whole space with no gaps. A split or merge only moves the edges of the slices involved; every other key stays where it was.",
            Text::DensityLabel => "recent keys",
            Text::FullValueHint => "Hover over or focus a hash key to see all its digits.",
            Text::KeyHeading => "Type a partition key",
            Text::PartitionKeyLabel => "PartitionKey",
            Text::ExplicitLabel => "ExplicitHashKey (optional)",
            Text::ExplicitHelp => "A decimal number that replaces the MD5: the record goes to the shard whose range holds it.",
            Text::StepBytes => "1. UTF-8 bytes",
            Text::StepMd5 => "2. MD5 digest (hex)",
            Text::StepDecimal => "3. As a 128-bit integer (decimal)",
            Text::StepShard => "4. The open shard whose range holds it",
            Text::ExplicitUsed => "An ExplicitHashKey is given: the MD5 above is ignored and this number picks the shard.",
            Text::EmptyKey => "Type a partition key (1 to 256 characters) to see each step.",
            Text::WhyMd5 => "Why MD5: it spreads similar keys (user-1, user-2…) evenly over the whole space, so each shard gets a fair share. It is used for spreading, not for security.",
            Text::SameKey => "The same key always gives the same number, so all its records land in the same shard, in order: Kinesis guarantees order per partition key within a shard.",
            Text::ManyHeading => "Many keys: where the producers' records land",
            Text::ColRecords => "Records",
            Text::ColShare => "Share",
            Text::ColThrottled => "Throttled",
            Text::ColThrottledHelp => "Writes refused by the shard's limits since the start (ProvisionedThroughputExceededException)",
            Text::HotBadge => "hot",
            Text::ClosedBadge => "closed",
            Text::HotKeyCost => "What a hot key costs: all its records go to one shard, which accepts at most 1,000 records/s or 1 MiB/s. Beyond that PutRecord is throttled (ProvisionedThroughputExceededException) while the other shards sit idle; more shards do not help unless the key is spread out (for example with a suffix).",
            Text::NoRecords => "No records yet: press Play or Step.",
            Text::RecentHeading => "Latest records: key → hash → shard",
            Text::ColHash => "Hash key (128-bit)",
            Text::ExplicitMark => "explicit",
            Text::ReshardHeading => "Resharding here: split and merge shards",
            Text::ReshardHelp => "Change the running stream's shards with the real API calls. The stream stays UPDATING for a few simulated seconds; then the old shard closes and its children take over its range.",
            Text::SplitShardLabel => "Shard to split (ShardToSplit)",
            Text::SplitKeyHelp => "By default, the middle of the shard. Click or drag on the bar to pick another point.",
            Text::SplitButton => "Split (SplitShard)",
            Text::SplitNotANumber => "NewStartingHashKey must be a decimal integer, with no spaces or sign.",
            Text::MergeLabel => "Neighbouring shards to merge",
            Text::MergeButton => "Merge (MergeShards)",
            Text::CountLabel => "Target shard count (UNIFORM_SCALING)",
            Text::CountButton => "Set (UpdateShardCount)",
            Text::ApiHeading => "AWS's answer",
            Text::ApiNone => "No call made from this view yet.",
            Text::ExplainSplitRule => "The split point must lie inside the shard's range: at least StartingHashKey + 2 and below EndingHashKey, so both children own some keys.",
            Text::ExplainMergeAdjacent => "Only two neighbours merge, the lower one first: the first shard's EndingHashKey + 1 must be the second's StartingHashKey.",
            Text::ExplainScaleLimits => "UpdateShardCount can at most double and at least halve the open shards in one call (and 10 calls per 24 h).",
            Text::ExplainInUse => "The stream is already changing (UPDATING) or not ACTIVE: wait until the previous change completes.",
            Text::ExplainNotFound => "That shard does not exist or is no longer listed.",
            Text::ExplainValidation => "A field does not have the form AWS requires (see the message).",
            Text::MovedHeading => "Keys that moved to another shard",
            Text::OutsideStayed => "No key outside the touched range changed shard: a reshard only moves the keys of the shards it closes.",
            Text::NoShards => "The stream has no open shards.",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::BarAria { n: 1 } => "El espacio de hash de 0 a 2¹²⁸−1, todo en 1 shard abierto".into(),
            Msg::BarAria { n } => format!("El espacio de hash de 0 a 2¹²⁸−1, repartido entre {n} shards abiertos"),
            Msg::HistogramCaption { n: 1 } => "Dónde cayó el último registro, por shard".into(),
            Msg::HistogramCaption { n } => {
                format!("Dónde cayeron los últimos {} registros, por shard", grouped(*n as u64, Lang::Es))
            }
            Msg::Updating { secs } => format!(
                "El stream está UPDATING: el cambio se aplica tras {secs} s de tiempo simulado. Pulsa Reproducir o Paso (→)."
            ),
            Msg::SplitChildren { lower, upper } => format!("Hijos: {lower} y {upper}"),
            Msg::SplitRule { min, max } => {
                format!("NewStartingHashKey válidos para este shard: de {min} a {max}.")
            }
            Msg::Moved { moved, keys, closed } => format!(
                "{} de las {} claves distintas más recientes cambiaron de shard: justo las de {closed}, que el resharding cerró.",
                grouped(*moved as u64, Lang::Es),
                grouped(*keys as u64, Lang::Es)
            ),
            Msg::ModN { moved, keys, from, to } => format!(
                "Si el shard se eligiera con hash mod N, pasar de {from} a {to} shards habría movido {} de esas {} claves.",
                grouped(*moved as u64, Lang::Es),
                grouped(*keys as u64, Lang::Es)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::BarAria { n: 1 } => "The hash space from 0 to 2¹²⁸−1, all in 1 open shard".into(),
            Msg::BarAria { n } => format!("The hash space from 0 to 2¹²⁸−1, shared by {n} open shards"),
            Msg::HistogramCaption { n: 1 } => "Where the last record landed, per shard".into(),
            Msg::HistogramCaption { n } => {
                format!("Where the last {} records landed, per shard", grouped(*n as u64, Lang::En))
            }
            Msg::Updating { secs } => format!(
                "The stream is UPDATING: the change takes effect after {secs} s of simulated time. Press Play or Step (→)."
            ),
            Msg::SplitChildren { lower, upper } => format!("Children: {lower} and {upper}"),
            Msg::SplitRule { min, max } => format!("Valid NewStartingHashKeys for this shard: {min} to {max}."),
            Msg::Moved { moved, keys, closed } => format!(
                "{} of the {} most recent distinct keys moved to another shard: exactly those of {closed}, which the reshard closed.",
                grouped(*moved as u64, Lang::En),
                grouped(*keys as u64, Lang::En)
            ),
            Msg::ModN { moved, keys, from, to } => format!(
                "Had shards been chosen by hash mod N, going from {from} to {to} shards would have moved {} of those {} keys.",
                grouped(*moved as u64, Lang::En),
                grouped(*keys as u64, Lang::En)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_messages_are_grouped_per_language() {
        let m = Msg::ModN { moved: 12_345, keys: 20_000, from: 3, to: 4 };
        assert!(m.text(Lang::Es).contains("12.345 de esas 20.000 claves"), "{}", m.text(Lang::Es));
        assert!(m.text(Lang::En).contains("12,345 of those 20,000 keys"), "{}", m.text(Lang::En));
        assert!(Msg::HistogramCaption { n: 2_000 }.text(Lang::En).contains("last 2,000 records"));
    }
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_hashing_text_is_translated_and_non_empty() {
        // Only pure AWS terms may read the same in both languages.
        assert_eq!(same_in_both(Text::ALL), vec![], "untranslated keys");
        assert_eq!(Text::ALL.len(), Text::NoShards as usize + 1, "every key is listed in ALL");
        assert!(Text::ALL.windows(2).all(|w| w[0] < w[1]), "ALL lists each key once, in order");
    }

    #[test]
    fn every_hashing_message_carries_its_values_in_both_languages() {
        let msgs = [
            (Msg::BarAria { n: 3 }, vec!["3"]),
            (Msg::HistogramCaption { n: 500 }, vec!["500"]),
            (Msg::Updating { secs: 3 }, vec!["3 s", "UPDATING"]),
            (Msg::SplitChildren { lower: "[0, 9]".into(), upper: "[10, 20]".into() }, vec!["[0, 9]", "[10, 20]"]),
            (Msg::SplitRule { min: "12".into(), max: "19".into() }, vec!["12", "19", "NewStartingHashKey"]),
            (
                Msg::Moved { moved: 4, keys: 9, closed: "shardId-000000000001".into() },
                vec!["4", "9", "shardId-000000000001"],
            ),
            (Msg::ModN { moved: 7, keys: 9, from: 3, to: 4 }, vec!["7", "9", "3", "4", "mod N"]),
        ];
        for (m, values) in msgs {
            let (es, en) = (m.text(Lang::Es), m.text(Lang::En));
            assert_ne!(es, en, "{m:?}");
            for v in values {
                assert!(es.contains(v) && en.contains(v), "{m:?}: {v}");
            }
        }
        assert!(Msg::BarAria { n: 1 }.text(Lang::En).contains("1 open shard"));
    }
}
