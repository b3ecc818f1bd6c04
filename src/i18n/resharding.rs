//! Text of the resharding view (`#/resharding`), Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values.

use super::lang::{keys, Message, Phrase};
use crate::engine::ErrorType;

keys! {
    /// A fixed string of the resharding view.
    pub enum Text {
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
        /// Lineage table column: the shard's state.
        StateCol,
        /// A table cell: OPEN with its gloss.
        OpenCell,
        /// A table cell: CLOSED with its gloss.
        ClosedCell,
        /// A table cell: EXPIRED with its gloss.
        ExpiredCell,
        /// A lineage bar's short state: open.
        OpenShort,
        /// A lineage bar's short state: closed.
        ClosedShort,
        /// A lineage bar's short state: expired.
        ExpiredShort,
    }
}

impl Text {
    /// What a refused reshard's AWS error means here, if the view explains it.
    pub fn explanation(error: ErrorType) -> Option<Text> {
        use ErrorType as E;
        match error {
            E::ResourceInUseException => Some(Text::ExplainInUse),
            E::LimitExceededException => Some(Text::ExplainLimit),
            E::InvalidArgumentException => Some(Text::ExplainArgument),
            E::ValidationException
            | E::SerializationException
            | E::ResourceNotFoundException
            | E::ProvisionedThroughputExceededException
            | E::ExpiredIteratorException
            | E::ExpiredNextTokenException
            | E::UnknownOperationException
            | E::InternalFailure => None,
        }
    }
}

/// A message of the resharding view with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// One reshard in the list: when, parents → children, and the share of keys moved.
    Reshard {
        /// When (`00:01`).
        at: String,
        /// The parents (`#0`, or `#0 + #1`).
        parents: String,
        /// The children (`#2, #3`).
        children: String,
        /// The share of keys that changed shard (`50.0 %`, written by `ui::format::percent`).
        moved: String,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Linaje de shards: splits y merges en el tiempo",
            Text::Help => "Cada barra es un shard desde su creación hasta su cierre, a la altura de su rango de hash keys. Un split bifurca una barra en dos; un merge une dos adyacentes. Las flechas van del padre al hijo.",
            Text::Updating => "El stream está UPDATING: otro reshard será rechazado (ResourceInUseException) hasta que vuelva a ACTIVE.",
            Text::StateOpen => "OPEN (abierto: acepta escrituras)",
            Text::StateClosed => "CLOSED (cerrado: aún se puede leer)",
            Text::StateExpired => "EXPIRED (cerrado y fuera de la retención)",
            Text::HashAxis => "hash key",
            Text::TimeAxis => "tiempo simulado →",
            Text::Shards => "Shards",
            Text::Created => "creado",
            Text::ClosedAt => "cerrado",
            Text::Retained => "retenidos",
            Text::Actions => "Reshard",
            Text::SplitLabel => "Shard a dividir (ShardToSplit)",
            Text::SplitKey => "NewStartingHashKey (por defecto, la mitad)",
            Text::SplitButton => "Dividir (SplitShard)",
            Text::MergeLabel => "Shards adyacentes (ShardToMerge + AdjacentShardToMerge)",
            Text::MergeButton => "Fusionar (MergeShards)",
            Text::CountLabel => "Número de shards (UpdateShardCount, UNIFORM_SCALING)",
            Text::CountButton => "Aplicar (UpdateShardCount)",
            Text::CountRules => "UpdateShardCount: como mucho el doble y como poco la mitad de los shards abiertos, y 10 veces por periodo de 24 h.",
            Text::Answer => "Respuesta de AWS",
            Text::NoCall => "Aún no se ha hecho ninguna llamada desde esta vista.",
            Text::ExplainInUse => "Solo se puede hacer un reshard a la vez: espera a que el stream vuelva a ACTIVE.",
            Text::ExplainLimit => "UpdateShardCount tiene límites: ×2 como mucho, ½ como poco y 10 cambios por 24 h.",
            Text::ExplainArgument => "El hash key debe caer dentro del shard (StartingHashKey + 1 < clave < EndingHashKey) y solo se fusionan shards abiertos y adyacentes.",
            Text::Reshards => "Reshards y claves movidas",
            Text::NoReshards => "Aún no hay reshards.",
            Text::MovedNote => "Solo cambian de shard las claves de los rangos de los padres; el resto se queda donde estaba (con hash mod N se movería casi todo).",
            Text::Ordering => "Orden por clave al leer",
            Text::OrderingHelp => "Un consumidor debe leer el padre hasta el final antes que sus hijos: si no, recibe registros nuevos de una clave antes que los viejos.",
            Text::ParentFirst => "padre primero",
            Text::ChildrenFirst => "hijos primero (ingenuo)",
            Text::Delivered => "recibidos",
            Text::OutOfOrder => "fuera de orden",
            Text::AddNaive => "Añadir un lector ingenuo (hijos primero)",
            Text::OooHeading => "Registros recibidos fuera de orden (los últimos 20)",
            Text::OooHelp => "Cada fila es un registro que un consumidor recibió después de otro de la misma clave que el stream aceptó más tarde (el registro de un shard hijo leído antes que el de su padre).",
            Text::OooNone => "Ningún registro recibido fuera de orden por ahora.",
            Text::OooRecord => "Registro (ShardId · SequenceNumber · llegada)",
            Text::OooAfter => "Recibido después de (aceptado más tarde)",
            Text::OooReceived => "recibido a las",
            Text::Reading => "lectura",
            Text::StateCol => "Estado",
            Text::OpenCell => "OPEN (abierto)",
            Text::ClosedCell => "CLOSED (cerrado)",
            Text::ExpiredCell => "EXPIRED (expirado)",
            Text::OpenShort => "abierto",
            Text::ClosedShort => "cerrado",
            Text::ExpiredShort => "expirado",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Shard lineage: splits and merges over time",
            Text::Help => "Each bar is a shard from its creation to its close, at the height of its hash key range. A split forks a bar in two; a merge joins two adjacent ones. Arrows go from parent to child.",
            Text::Updating => "The stream is UPDATING: another reshard is refused (ResourceInUseException) until it is ACTIVE again.",
            Text::StateOpen => "OPEN (accepts writes)",
            Text::StateClosed => "CLOSED (still readable)",
            Text::StateExpired => "EXPIRED (closed and past retention)",
            Text::HashAxis => "hash key",
            Text::TimeAxis => "simulated time →",
            Text::Shards => "Shards",
            Text::Created => "created",
            Text::ClosedAt => "closed",
            Text::Retained => "retained",
            Text::Actions => "Reshard",
            Text::SplitLabel => "Shard to split (ShardToSplit)",
            Text::SplitKey => "NewStartingHashKey (the middle by default)",
            Text::SplitButton => "Split (SplitShard)",
            Text::MergeLabel => "Adjacent shards (ShardToMerge + AdjacentShardToMerge)",
            Text::MergeButton => "Merge (MergeShards)",
            Text::CountLabel => "Shard count (UpdateShardCount, UNIFORM_SCALING)",
            Text::CountButton => "Apply (UpdateShardCount)",
            Text::CountRules => "UpdateShardCount: at most double and at least half the open shards, and 10 times per rolling 24 h.",
            Text::Answer => "AWS's answer",
            Text::NoCall => "No call made from this view yet.",
            Text::ExplainInUse => "Only one reshard at a time: wait until the stream is ACTIVE again.",
            Text::ExplainLimit => "UpdateShardCount has limits: at most ×2, at least ½, and 10 changes per 24 h.",
            Text::ExplainArgument => "The hash key must fall inside the shard (StartingHashKey + 1 < key < EndingHashKey) and only open, adjacent shards merge.",
            Text::Reshards => "Reshards and moved keys",
            Text::NoReshards => "No reshards yet.",
            Text::MovedNote => "Only the keys in the parents' ranges change shard; every other key stays (with hash mod N almost all would move).",
            Text::Ordering => "Per-key order when reading",
            Text::OrderingHelp => "A consumer must read a parent to its end before its children: otherwise it gets a key's newer records before its older ones.",
            Text::ParentFirst => "parent first",
            Text::ChildrenFirst => "children first (naive)",
            Text::Delivered => "received",
            Text::OutOfOrder => "out of order",
            Text::AddNaive => "Add a naive reader (children first)",
            Text::OooHeading => "Records received out of order (the last 20)",
            Text::OooHelp => "Each row is a record that a consumer received after a record of the same key that the stream accepted later (a child shard's record read before its parent's).",
            Text::OooNone => "No record received out of order yet.",
            Text::OooRecord => "Record (ShardId · SequenceNumber · arrival)",
            Text::OooAfter => "Received after (accepted later)",
            Text::OooReceived => "received at",
            Text::Reading => "reading",
            Text::StateCol => "State",
            Text::OpenCell => "OPEN",
            Text::ClosedCell => "CLOSED",
            Text::ExpiredCell => "EXPIRED",
            Text::OpenShort => "open",
            Text::ClosedShort => "closed",
            Text::ExpiredShort => "expired",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Reshard { at, parents, children, moved } => {
                format!("{at}: {parents} → {children}; cambió de shard el {moved} de las claves")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Reshard { at, parents, children, moved } => {
                format!("{at}: {parents} → {children}; {moved} of keys changed shard")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_resharding_text_is_translated() {
        // Only AWS terms stay the same.
        assert_eq!(same_in_both(Text::ALL), vec![Text::HashAxis, Text::Shards, Text::Actions]);
        let line = Msg::Reshard {
            at: "00:01".into(),
            parents: "#0".into(),
            children: "#2, #3".into(),
            moved: "50.0 %".into(),
        };
        assert!(line.text(Lang::Es).contains("el 50.0 % de las claves"));
    }

    #[test]
    fn only_the_errors_a_reshard_meets_are_explained() {
        assert_eq!(Text::explanation(ErrorType::ResourceInUseException), Some(Text::ExplainInUse));
        assert_eq!(Text::explanation(ErrorType::LimitExceededException), Some(Text::ExplainLimit));
        assert_eq!(Text::explanation(ErrorType::InvalidArgumentException), Some(Text::ExplainArgument));
        assert_eq!(Text::explanation(ErrorType::ValidationException), None);
    }
}
