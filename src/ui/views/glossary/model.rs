//! What the glossary lists (pure, tested natively): every [`Term`] in the course's order, each
//! with the view that shows it best, so that an entry links to the place to try it.

use crate::i18n::glossary::Term;
use crate::ui::route::View;

/// One entry of the glossary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The concept.
    pub term: Term,
    /// The view where the concept can be seen and tried.
    pub view: View,
    /// The entry's anchor id (`g-partitionkey`): a stable, ASCII id for tests and links.
    pub id: &'static str,
}

/// The view that shows `term` best.
pub fn view_of(term: Term) -> View {
    match term {
        Term::Stream | Term::Shard | Term::Record | Term::Consumer | Term::MillisBehindLatest => View::Overview,
        Term::PartitionKey | Term::HashKeyRange | Term::HotKey => View::Hashing,
        Term::SequenceNumber | Term::PutRecord | Term::Throttling | Term::GetRecords | Term::EnhancedFanOut => {
            View::Flow
        }
        Term::EventSourceMapping => View::Pipelines,
        Term::Checkpoint => View::Kcl,
        Term::ShardIterator | Term::IteratorType | Term::Retention => View::Retention,
        Term::Resharding | Term::Lineage => View::Resharding,
        Term::CapacityMode => View::Cost,
        Term::Metric => View::Metrics,
        Term::Encryption | Term::AvailabilityZone => View::Durability,
        Term::Firehose => View::Firehose,
    }
}

fn id_of(term: Term) -> &'static str {
    match term {
        Term::Stream => "g-stream",
        Term::Shard => "g-shard",
        Term::Record => "g-record",
        Term::PartitionKey => "g-partitionkey",
        Term::HashKeyRange => "g-hashkeyrange",
        Term::SequenceNumber => "g-sequencenumber",
        Term::PutRecord => "g-putrecord",
        Term::Throttling => "g-throttling",
        Term::HotKey => "g-hotkey",
        Term::Consumer => "g-consumer",
        Term::GetRecords => "g-getrecords",
        Term::ShardIterator => "g-sharditerator",
        Term::IteratorType => "g-iteratortype",
        Term::EnhancedFanOut => "g-enhancedfanout",
        Term::EventSourceMapping => "g-eventsourcemapping",
        Term::Checkpoint => "g-checkpoint",
        Term::MillisBehindLatest => "g-millisbehindlatest",
        Term::Retention => "g-retention",
        Term::Resharding => "g-resharding",
        Term::Lineage => "g-lineage",
        Term::CapacityMode => "g-capacitymode",
        Term::Metric => "g-metric",
        Term::Encryption => "g-encryption",
        Term::AvailabilityZone => "g-availabilityzone",
        Term::Firehose => "g-firehose",
    }
}

/// Every entry, in the order of [`Term::ALL`].
pub fn entries() -> Vec<Entry> {
    Term::ALL.iter().map(|&term| Entry { term, view: view_of(term), id: id_of(term) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_term_has_one_entry_with_a_unique_id_and_a_real_view() {
        let e = entries();
        assert_eq!(e.len(), Term::ALL.len());
        let ids: BTreeSet<&str> = e.iter().map(|x| x.id).collect();
        assert_eq!(ids.len(), e.len(), "ids are unique");
        assert!(e.iter().all(|x| x.view != View::Glossary && x.id.starts_with("g-") && x.id.is_ascii()));
        assert_eq!(view_of(Term::Lineage), View::Resharding);
        assert_eq!((view_of(Term::Checkpoint), view_of(Term::CapacityMode)), (View::Kcl, View::Cost));
    }
}
