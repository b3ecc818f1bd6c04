//! Text of view links: the titles of the cards a link can show alone (`panel=`), the bar that
//! says so, and the notices about `panel=`, `pk=` and `ehk=`, Spanish and English, one
//! exhaustive match each.

use super::lang::{keys, Message, Phrase, FSI, PDI};

keys! {
    /// A fixed string of view links.
    pub enum Text {
        /// Overview card: the shards as lanes.
        CardOverviewLanes,
        /// Overview card: the shards table.
        CardOverviewShards,
        /// Overview card: the consumers table.
        CardOverviewConsumers,
        /// Hashing card: the hash space bar.
        CardHashingBar,
        /// Hashing card: a key's walk to its shard.
        CardHashingWalk,
        /// Hashing card: many keys, the histogram.
        CardHashingMany,
        /// Hashing card: the reshard forms.
        CardHashingReshard,
        /// Flow card: producers, shards and consumers.
        CardFlowLanes,
        /// Flow card: the recent records.
        CardFlowRecords,
        /// Flow card: the producer and consumer controls.
        CardFlowControls,
        /// Flow card: the code panel.
        CardFlowCode,
        /// Retention card: the time axis.
        CardRetentionTimeline,
        /// Retention card: the retention period form.
        CardRetentionPeriod,
        /// Retention card: the shard iterators.
        CardRetentionIterator,
        /// Retention card: the consumers against the trim horizon.
        CardRetentionConsumers,
        /// Retention card: the cost.
        CardRetentionCost,
        /// Resharding card: the lineage drawing.
        CardReshardingLineage,
        /// Resharding card: split, merge, update count.
        CardReshardingActions,
        /// Resharding card: parent-first order.
        CardReshardingOrdering,
        /// Pipelines card: the Lambda architecture.
        CardPipelinesLambda,
        /// Pipelines card: the Kappa architecture.
        CardPipelinesKappa,
        /// The bar above a card shown alone: what it is.
        OnlyThisPanel,
        /// The bar's button: back to the whole view.
        WholeView,
    }
}

/// A message with values about a view link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// `panel=` names no card of the view.
    UnknownCard {
        /// The view's slug.
        view: String,
        /// What `panel=` held.
        panel: String,
        /// The view's card slugs, comma-separated (empty: the view has none).
        allowed: String,
    },
    /// `pk=` is not a partition key AWS takes (1 to 256 characters).
    BadKey {
        /// What `pk=` held (its first characters).
        value: String,
    },
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::CardOverviewLanes => "Los shards como carriles",
            Text::CardOverviewShards => "Tabla de shards (HashKeyRange, ritmo)",
            Text::CardOverviewConsumers => "Tabla de consumidores (retraso, pérdidas)",
            Text::CardHashingBar => "El espacio de hash (0…2¹²⁸−1) y sus shards",
            Text::CardHashingWalk => "De la PartitionKey al shard: clave → MD5 → shard",
            Text::CardHashingMany => "Muchas claves: registros por shard",
            Text::CardHashingReshard => "Resharding: SplitShard, MergeShards, UpdateShardCount",
            Text::CardFlowLanes => "Productores → shards → consumidores",
            Text::CardFlowRecords => "Registros recientes",
            Text::CardFlowControls => "Controles de productores y consumidores",
            Text::CardFlowCode => "Código: el productor boto3 y lambda.py",
            Text::CardRetentionTimeline => "Registros frente a la retención (eje de tiempo)",
            Text::CardRetentionPeriod => "Periodo de retención",
            Text::CardRetentionIterator => "Iteradores: TRIM_HORIZON, LATEST, AT_TIMESTAMP…",
            Text::CardRetentionConsumers => "Consumidores y registros perdidos",
            Text::CardRetentionCost => "Coste de la retención",
            Text::CardReshardingLineage => "Linaje de shards (padres e hijos)",
            Text::CardReshardingActions => "Acciones: split, merge, número de shards",
            Text::CardReshardingOrdering => "Orden: padres antes que hijos",
            Text::CardPipelinesLambda => "Arquitectura Lambda (batch + velocidad)",
            Text::CardPipelinesKappa => "Arquitectura Kappa (solo stream)",
            Text::OnlyThisPanel => "Solo este panel:",
            Text::WholeView => "Ver la vista completa",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::CardOverviewLanes => "The shards as lanes",
            Text::CardOverviewShards => "Shards table (HashKeyRange, rate)",
            Text::CardOverviewConsumers => "Consumers table (lag, losses)",
            Text::CardHashingBar => "The hash space (0…2¹²⁸−1) and its shards",
            Text::CardHashingWalk => "From PartitionKey to shard: key → MD5 → shard",
            Text::CardHashingMany => "Many keys: records per shard",
            Text::CardHashingReshard => "Resharding: SplitShard, MergeShards, UpdateShardCount",
            Text::CardFlowLanes => "Producers → shards → consumers",
            Text::CardFlowRecords => "Recent records",
            Text::CardFlowControls => "Producer and consumer controls",
            Text::CardFlowCode => "Code: the boto3 producer and lambda.py",
            Text::CardRetentionTimeline => "Records against retention (time axis)",
            Text::CardRetentionPeriod => "Retention period",
            Text::CardRetentionIterator => "Iterators: TRIM_HORIZON, LATEST, AT_TIMESTAMP…",
            Text::CardRetentionConsumers => "Consumers and lost records",
            Text::CardRetentionCost => "Retention cost",
            Text::CardReshardingLineage => "Shard lineage (parents and children)",
            Text::CardReshardingActions => "Actions: split, merge, shard count",
            Text::CardReshardingOrdering => "Order: parents before children",
            Text::CardPipelinesLambda => "Lambda architecture (batch + speed)",
            Text::CardPipelinesKappa => "Kappa architecture (stream only)",
            Text::OnlyThisPanel => "Only this panel:",
            Text::WholeView => "Show the whole view",
        }
    }
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::UnknownCard { view, panel, allowed } if allowed.is_empty() => format!(
                "La vista «{FSI}{view}{PDI}» no tiene paneles sueltos; se ignoró «{FSI}panel={panel}{PDI}» y se muestra entera."
            ),
            Msg::UnknownCard { view, panel, allowed } => format!(
                "La vista «{FSI}{view}{PDI}» no tiene el panel «{FSI}{panel}{PDI}» (se admite {allowed}); se muestra la vista entera."
            ),
            Msg::BadKey { value } => format!(
                "Se ignoró «{FSI}pk={value}{PDI}» del enlace: una PartitionKey tiene de 1 a 256 caracteres. Se usa la clave por defecto."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::UnknownCard { view, panel, allowed } if allowed.is_empty() => format!(
                "The view “{FSI}{view}{PDI}” has no panels to show alone; ignored “{FSI}panel={panel}{PDI}” and showing all of it."
            ),
            Msg::UnknownCard { view, panel, allowed } => format!(
                "The view “{FSI}{view}{PDI}” has no panel “{FSI}{panel}{PDI}” (it takes {allowed}); showing the whole view."
            ),
            Msg::BadKey { value } => format!(
                "Ignored “{FSI}pk={value}{PDI}” in the link: a PartitionKey has 1 to 256 characters. Using the default key."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::{same_in_both, Lang};

    #[test]
    fn every_link_text_is_translated() {
        assert_eq!(same_in_both(Text::ALL), vec![Text::CardHashingReshard]);
    }

    #[test]
    fn unknown_card_names_the_panel_and_what_is_allowed() {
        let m = Msg::UnknownCard { view: "hashing".into(), panel: "nope".into(), allowed: "walk, bar".into() };
        let none = Msg::UnknownCard { view: "glossary".into(), panel: "x".into(), allowed: String::new() };
        for lang in Lang::ALL {
            let t = m.text(lang);
            assert!(t.contains("hashing") && t.contains("nope") && t.contains("walk, bar"), "{t}");
            assert!(none.text(lang).contains("panel=x"), "{}", none.text(lang));
        }
    }
}
