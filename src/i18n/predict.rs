//! Text of the predictions (`ui::learn::predict`), Spanish and English.
//!
//! Part D's minimal version of part E's file, with only the `ShardOfKey` prediction: the lead
//! replaces it with part E's at merge.

use super::lang::{Message, FSI, PDI};

/// A prediction's text with its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Which shard will this key go to?
    ShardOfKeyPrompt {
        /// The partition key.
        key: String,
    },
    /// A choice: a shard.
    Shard {
        /// Its id.
        shard: String,
    },
    /// What PutRecord answered.
    ShardOfKeyExplained {
        /// The partition key.
        key: String,
        /// The shard AWS named.
        shard: String,
        /// The sequence number it gave.
        sequence: String,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::ShardOfKeyPrompt { key } => format!(
                "¿A qué shard (fragmento) irá un registro con PartitionKey «{FSI}{key}{PDI}»? Mira los rangos de claves hash de cada shard."
            ),
            Msg::Shard { shard } => shard.clone(),
            Msg::ShardOfKeyExplained { key, shard, sequence } => format!(
                "PutRecord «{FSI}{key}{PDI}» → {shard}, SequenceNumber {sequence}: el MD5 de la clave cae en el rango de ese shard."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::ShardOfKeyPrompt { key } => format!(
                "Which shard will a record with PartitionKey “{FSI}{key}{PDI}” go to? Look at each shard's hash key range."
            ),
            Msg::Shard { shard } => shard.clone(),
            Msg::ShardOfKeyExplained { key, shard, sequence } => format!(
                "PutRecord “{FSI}{key}{PDI}” → {shard}, SequenceNumber {sequence}: the key's MD5 falls in that shard's range."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn both_languages_name_the_key_and_the_shard() {
        let m = Msg::ShardOfKeyExplained {
            key: "user-42".into(),
            shard: "shardId-000000000001".into(),
            sequence: "4".into(),
        };
        for lang in Lang::ALL {
            let t = m.text(lang);
            assert!(t.contains("user-42") && t.contains("shardId-000000000001"), "{t}");
        }
    }
}
