//! Text of the resharding view (`#/resharding`), Spanish and English, one exhaustive match each.

use super::Lang;

/// A fixed string of the resharding view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReshardingText {
    /// Shard lineage: splits and merges over time
    Title,
    /// Each bar is a shard from its creation to its close, at the height of its hash key range. A split forks a bar in two; a merge joins two adjacent ones. Arrows go from parent to child.
    Help,
    /// The stream is UPDATING: another reshard is refused (ResourceInUseException) until it is ACTIVE again.
    Updating,
    /// OPEN (accepts writes)
    StateOpen,
    /// CLOSED (still readable)
    StateClosed,
    /// EXPIRED (closed and past retention)
    StateExpired,
    /// hash key
    HashAxis,
    /// simulated time →
    TimeAxis,
    /// Shards
    Shards,
    /// created
    Created,
    /// closed
    ClosedAt,
    /// retained
    Retained,
    /// Reshard
    Actions,
    /// Shard to split (ShardToSplit)
    SplitLabel,
    /// NewStartingHashKey (the middle by default)
    SplitKey,
    /// Split (SplitShard)
    SplitButton,
    /// Adjacent shards (ShardToMerge + AdjacentShardToMerge)
    MergeLabel,
    /// Merge (MergeShards)
    MergeButton,
    /// Shard count (UpdateShardCount, UNIFORM_SCALING)
    CountLabel,
    /// Apply (UpdateShardCount)
    CountButton,
    /// UpdateShardCount: at most double and at least half the open shards, and 10 times per rolling 24 h.
    CountRules,
    /// AWS's answer
    Answer,
    /// No call made from this view yet.
    NoCall,
    /// Only one reshard at a time: wait until the stream is ACTIVE again.
    ExplainInUse,
    /// UpdateShardCount has limits: at most ×2, at least ½, and 10 changes per 24 h.
    ExplainLimit,
    /// The hash key must fall inside the shard (StartingHashKey + 1 < key < EndingHashKey) and only open, adjacent shards merge.
    ExplainArgument,
    /// Reshards and moved keys
    Reshards,
    /// No reshards yet.
    NoReshards,
    /// Only the keys in the parents' ranges change shard; every other key stays (with hash mod N almost all would move).
    MovedNote,
    /// Per-key order when reading
    Ordering,
    /// A consumer must read a parent to its end before its children: otherwise it gets a key's newer records before its older ones.
    OrderingHelp,
    /// parent first
    ParentFirst,
    /// children first (naive)
    ChildrenFirst,
    /// received
    Delivered,
    /// out of order
    OutOfOrder,
    /// Add a naive reader (children first)
    AddNaive,
    /// reading
    Reading,
    /// Records received out of order (the last 20)
    OooHeading,
    /// Each row is a record that a consumer received after a record of the same key that the stream accepted later (a child shard's record read before its parent's).
    OooHelp,
    /// No record received out of order yet.
    OooNone,
    /// Record (ShardId · SequenceNumber · arrival)
    OooRecord,
    /// Received after (accepted later)
    OooAfter,
    /// received at
    OooReceived,
}

impl ReshardingText {
    /// Every key, for completeness tests.
    pub const ALL: &'static [ReshardingText] = &[
        ReshardingText::Title,
        ReshardingText::Help,
        ReshardingText::Updating,
        ReshardingText::StateOpen,
        ReshardingText::StateClosed,
        ReshardingText::StateExpired,
        ReshardingText::HashAxis,
        ReshardingText::TimeAxis,
        ReshardingText::Shards,
        ReshardingText::Created,
        ReshardingText::ClosedAt,
        ReshardingText::Retained,
        ReshardingText::Actions,
        ReshardingText::SplitLabel,
        ReshardingText::SplitKey,
        ReshardingText::SplitButton,
        ReshardingText::MergeLabel,
        ReshardingText::MergeButton,
        ReshardingText::CountLabel,
        ReshardingText::CountButton,
        ReshardingText::CountRules,
        ReshardingText::Answer,
        ReshardingText::NoCall,
        ReshardingText::ExplainInUse,
        ReshardingText::ExplainLimit,
        ReshardingText::ExplainArgument,
        ReshardingText::Reshards,
        ReshardingText::NoReshards,
        ReshardingText::MovedNote,
        ReshardingText::Ordering,
        ReshardingText::OrderingHelp,
        ReshardingText::ParentFirst,
        ReshardingText::ChildrenFirst,
        ReshardingText::Delivered,
        ReshardingText::OutOfOrder,
        ReshardingText::AddNaive,
        ReshardingText::Reading,
        ReshardingText::OooHeading,
        ReshardingText::OooHelp,
        ReshardingText::OooNone,
        ReshardingText::OooRecord,
        ReshardingText::OooAfter,
        ReshardingText::OooReceived,
    ];

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es(self),
            Lang::En => en(self),
        }
    }
}

fn es(t: ReshardingText) -> &'static str {
    match t {
        ReshardingText::Title => "Linaje de shards: splits y merges en el tiempo",
        ReshardingText::Help => "Cada barra es un shard desde su creación hasta su cierre, a la altura de su rango de hash keys. Un split bifurca una barra en dos; un merge une dos adyacentes. Las flechas van del padre al hijo.",
        ReshardingText::Updating => "El stream está UPDATING: otro reshard será rechazado (ResourceInUseException) hasta que vuelva a ACTIVE.",
        ReshardingText::StateOpen => "OPEN (abierto: acepta escrituras)",
        ReshardingText::StateClosed => "CLOSED (cerrado: aún se puede leer)",
        ReshardingText::StateExpired => "EXPIRED (cerrado y fuera de la retención)",
        ReshardingText::HashAxis => "hash key",
        ReshardingText::TimeAxis => "tiempo simulado →",
        ReshardingText::Shards => "Shards",
        ReshardingText::Created => "creado",
        ReshardingText::ClosedAt => "cerrado",
        ReshardingText::Retained => "retenidos",
        ReshardingText::Actions => "Reshard",
        ReshardingText::SplitLabel => "Shard a dividir (ShardToSplit)",
        ReshardingText::SplitKey => "NewStartingHashKey (por defecto, la mitad)",
        ReshardingText::SplitButton => "Dividir (SplitShard)",
        ReshardingText::MergeLabel => "Shards adyacentes (ShardToMerge + AdjacentShardToMerge)",
        ReshardingText::MergeButton => "Fusionar (MergeShards)",
        ReshardingText::CountLabel => "Número de shards (UpdateShardCount, UNIFORM_SCALING)",
        ReshardingText::CountButton => "Aplicar (UpdateShardCount)",
        ReshardingText::CountRules => "UpdateShardCount: como mucho el doble y como poco la mitad de los shards abiertos, y 10 veces por periodo de 24 h.",
        ReshardingText::Answer => "Respuesta de AWS",
        ReshardingText::NoCall => "Aún no se ha hecho ninguna llamada desde esta vista.",
        ReshardingText::ExplainInUse => "Solo se puede hacer un reshard a la vez: espera a que el stream vuelva a ACTIVE.",
        ReshardingText::ExplainLimit => "UpdateShardCount tiene límites: ×2 como mucho, ½ como poco y 10 cambios por 24 h.",
        ReshardingText::ExplainArgument => "El hash key debe caer dentro del shard (StartingHashKey + 1 < clave < EndingHashKey) y solo se fusionan shards abiertos y adyacentes.",
        ReshardingText::Reshards => "Reshards y claves movidas",
        ReshardingText::NoReshards => "Aún no hay reshards.",
        ReshardingText::MovedNote => "Solo cambian de shard las claves de los rangos de los padres; el resto se queda donde estaba (con hash mod N se movería casi todo).",
        ReshardingText::Ordering => "Orden por clave al leer",
        ReshardingText::OrderingHelp => "Un consumidor debe leer el padre hasta el final antes que sus hijos: si no, recibe registros nuevos de una clave antes que los viejos.",
        ReshardingText::ParentFirst => "padre primero",
        ReshardingText::ChildrenFirst => "hijos primero (ingenuo)",
        ReshardingText::Delivered => "recibidos",
        ReshardingText::OutOfOrder => "fuera de orden",
        ReshardingText::AddNaive => "Añadir un lector ingenuo (hijos primero)",
        ReshardingText::OooHeading => "Registros recibidos fuera de orden (los últimos 20)",
        ReshardingText::OooHelp => "Cada fila es un registro que un consumidor recibió después de otro de la misma clave que el stream aceptó más tarde (el registro de un shard hijo leído antes que el de su padre).",
        ReshardingText::OooNone => "Ningún registro recibido fuera de orden por ahora.",
        ReshardingText::OooRecord => "Registro (ShardId · SequenceNumber · llegada)",
        ReshardingText::OooAfter => "Recibido después de (aceptado más tarde)",
        ReshardingText::OooReceived => "recibido a las",
        ReshardingText::Reading => "lectura",
    }
}

fn en(t: ReshardingText) -> &'static str {
    match t {
        ReshardingText::Title => "Shard lineage: splits and merges over time",
        ReshardingText::Help => "Each bar is a shard from its creation to its close, at the height of its hash key range. A split forks a bar in two; a merge joins two adjacent ones. Arrows go from parent to child.",
        ReshardingText::Updating => "The stream is UPDATING: another reshard is refused (ResourceInUseException) until it is ACTIVE again.",
        ReshardingText::StateOpen => "OPEN (accepts writes)",
        ReshardingText::StateClosed => "CLOSED (still readable)",
        ReshardingText::StateExpired => "EXPIRED (closed and past retention)",
        ReshardingText::HashAxis => "hash key",
        ReshardingText::TimeAxis => "simulated time →",
        ReshardingText::Shards => "Shards",
        ReshardingText::Created => "created",
        ReshardingText::ClosedAt => "closed",
        ReshardingText::Retained => "retained",
        ReshardingText::Actions => "Reshard",
        ReshardingText::SplitLabel => "Shard to split (ShardToSplit)",
        ReshardingText::SplitKey => "NewStartingHashKey (the middle by default)",
        ReshardingText::SplitButton => "Split (SplitShard)",
        ReshardingText::MergeLabel => "Adjacent shards (ShardToMerge + AdjacentShardToMerge)",
        ReshardingText::MergeButton => "Merge (MergeShards)",
        ReshardingText::CountLabel => "Shard count (UpdateShardCount, UNIFORM_SCALING)",
        ReshardingText::CountButton => "Apply (UpdateShardCount)",
        ReshardingText::CountRules => "UpdateShardCount: at most double and at least half the open shards, and 10 times per rolling 24 h.",
        ReshardingText::Answer => "AWS's answer",
        ReshardingText::NoCall => "No call made from this view yet.",
        ReshardingText::ExplainInUse => "Only one reshard at a time: wait until the stream is ACTIVE again.",
        ReshardingText::ExplainLimit => "UpdateShardCount has limits: at most ×2, at least ½, and 10 changes per 24 h.",
        ReshardingText::ExplainArgument => "The hash key must fall inside the shard (StartingHashKey + 1 < key < EndingHashKey) and only open, adjacent shards merge.",
        ReshardingText::Reshards => "Reshards and moved keys",
        ReshardingText::NoReshards => "No reshards yet.",
        ReshardingText::MovedNote => "Only the keys in the parents' ranges change shard; every other key stays (with hash mod N almost all would move).",
        ReshardingText::Ordering => "Per-key order when reading",
        ReshardingText::OrderingHelp => "A consumer must read a parent to its end before its children: otherwise it gets a key's newer records before its older ones.",
        ReshardingText::ParentFirst => "parent first",
        ReshardingText::ChildrenFirst => "children first (naive)",
        ReshardingText::Delivered => "received",
        ReshardingText::OutOfOrder => "out of order",
        ReshardingText::AddNaive => "Add a naive reader (children first)",
        ReshardingText::OooHeading => "Records received out of order (the last 20)",
        ReshardingText::OooHelp => "Each row is a record that a consumer received after a record of the same key that the stream accepted later (a child shard's record read before its parent's).",
        ReshardingText::OooNone => "No record received out of order yet.",
        ReshardingText::OooRecord => "Record (ShardId · SequenceNumber · arrival)",
        ReshardingText::OooAfter => "Received after (accepted later)",
        ReshardingText::OooReceived => "received at",
        ReshardingText::Reading => "reading",
    }
}

/// One reshard in the list: when, parents → children, and the share of keys moved (`50.0 %`,
/// written by `ui::format::percent`).
pub fn reshard_line(lang: Lang, at: &str, parents: &str, children: &str, moved: &str) -> String {
    match lang {
        Lang::Es => format!("{at}: {parents} → {children}; cambió de shard el {moved} de las claves"),
        Lang::En => format!("{at}: {parents} → {children}; {moved} of keys changed shard"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resharding_text_is_translated() {
        let mut same = Vec::new();
        for t in ReshardingText::ALL {
            let (es, en) = (t.text(Lang::Es), t.text(Lang::En));
            assert!(!es.is_empty() && !en.is_empty(), "{t:?}");
            if es == en {
                same.push(*t);
            }
        }
        // Only AWS terms stay the same.
        assert_eq!(same, vec![ReshardingText::HashAxis, ReshardingText::Shards, ReshardingText::Actions]);
        assert!(reshard_line(Lang::Es, "00:01", "#0", "#2, #3", "50.0 %").contains("el 50.0 % de las claves"));
    }
}
