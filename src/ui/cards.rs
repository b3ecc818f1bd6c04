//! The cards of the views that a link can show alone (`#/hashing?panel=walk`, issue #16): each
//! view's main parts, with a slug unique within the view and a title. `route` parses and writes
//! them (`UrlState::card`); `panels` lists them for a teacher's page; each view's component marks
//! a card's element with `data-card="<slug>"`, and the app hides the rest of the view.
//!
//! Views are named here by their slug, so this file does not import `route` (which imports it).

use crate::i18n::links::Text as LinkText;

/// A card of a view that a link shows alone (`#/hashing?panel=walk`), e.g. in a compact
/// iframe with `embed=1`. The pipelines view's diagrams are `route::Panel`s (`#/pipelines/lambda`,
/// or `panel=lambda`). The view's component marks each card's element with
/// `data-card="<slug>"`; the app hides everything else in the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Card {
    /// Overview: the shards as lanes.
    OverviewLanes,
    /// Overview: the shards table.
    OverviewShards,
    /// Overview: the consumers table.
    OverviewConsumers,
    /// Hashing: the hash space bar.
    HashingBar,
    /// Hashing: a partition key's walk to its shard (key → MD5 → shard).
    HashingWalk,
    /// Hashing: many keys, records per shard.
    HashingMany,
    /// Hashing: the reshard forms.
    HashingReshard,
    /// Flow: producers → shards → consumers.
    FlowLanes,
    /// Flow: the recent records.
    FlowRecords,
    /// Flow: the producer and consumer controls.
    FlowControls,
    /// Flow: the code panel (the boto3 producer and `lambda.py`).
    FlowCode,
    /// Retention: records on the time axis.
    RetentionTimeline,
    /// Retention: the retention period form.
    RetentionPeriod,
    /// Retention: the shard iterators.
    RetentionIterator,
    /// Retention: the consumers against the trim horizon.
    RetentionConsumers,
    /// Retention: the cost.
    RetentionCost,
    /// Resharding: the lineage drawing.
    ReshardingLineage,
    /// Resharding: split, merge, update count.
    ReshardingActions,
    /// Resharding: parent-first order.
    ReshardingOrdering,
}

impl Card {
    /// Every card, by view in tab order.
    pub const ALL: [Card; 19] = [
        Card::OverviewLanes,
        Card::OverviewShards,
        Card::OverviewConsumers,
        Card::HashingWalk,
        Card::HashingBar,
        Card::HashingMany,
        Card::HashingReshard,
        Card::FlowLanes,
        Card::FlowRecords,
        Card::FlowControls,
        Card::FlowCode,
        Card::RetentionTimeline,
        Card::RetentionPeriod,
        Card::RetentionIterator,
        Card::RetentionConsumers,
        Card::RetentionCost,
        Card::ReshardingLineage,
        Card::ReshardingActions,
        Card::ReshardingOrdering,
    ];

    /// The slug of the view it belongs to (`Card::view` in `route` gives the view).
    pub fn view_slug(self) -> &'static str {
        match self {
            Card::OverviewLanes | Card::OverviewShards | Card::OverviewConsumers => "overview",
            Card::HashingBar | Card::HashingWalk | Card::HashingMany | Card::HashingReshard => "hashing",
            Card::FlowLanes | Card::FlowRecords | Card::FlowControls | Card::FlowCode => "flow",
            Card::RetentionTimeline
            | Card::RetentionPeriod
            | Card::RetentionIterator
            | Card::RetentionConsumers
            | Card::RetentionCost => "retention",
            Card::ReshardingLineage | Card::ReshardingActions | Card::ReshardingOrdering => "resharding",
        }
    }

    /// The slug in `panel=` (unique within its view).
    pub fn slug(self) -> &'static str {
        match self {
            Card::OverviewLanes | Card::FlowLanes => "lanes",
            Card::OverviewShards => "shards",
            Card::OverviewConsumers | Card::RetentionConsumers => "consumers",
            Card::HashingBar => "bar",
            Card::HashingWalk => "walk",
            Card::HashingMany => "many",
            Card::HashingReshard => "reshard",
            Card::FlowRecords => "records",
            Card::FlowControls => "controls",
            Card::FlowCode => "code",
            Card::RetentionTimeline => "timeline",
            Card::RetentionPeriod => "period",
            Card::RetentionIterator => "iterator",
            Card::RetentionCost => "cost",
            Card::ReshardingLineage => "lineage",
            Card::ReshardingActions => "actions",
            Card::ReshardingOrdering => "ordering",
        }
    }

    /// Its title, as a teacher's list of panels shows it.
    pub fn title(self) -> LinkText {
        match self {
            Card::OverviewLanes => LinkText::CardOverviewLanes,
            Card::OverviewShards => LinkText::CardOverviewShards,
            Card::OverviewConsumers => LinkText::CardOverviewConsumers,
            Card::HashingBar => LinkText::CardHashingBar,
            Card::HashingWalk => LinkText::CardHashingWalk,
            Card::HashingMany => LinkText::CardHashingMany,
            Card::HashingReshard => LinkText::CardHashingReshard,
            Card::FlowLanes => LinkText::CardFlowLanes,
            Card::FlowRecords => LinkText::CardFlowRecords,
            Card::FlowControls => LinkText::CardFlowControls,
            Card::FlowCode => LinkText::CardFlowCode,
            Card::RetentionTimeline => LinkText::CardRetentionTimeline,
            Card::RetentionPeriod => LinkText::CardRetentionPeriod,
            Card::RetentionIterator => LinkText::CardRetentionIterator,
            Card::RetentionConsumers => LinkText::CardRetentionConsumers,
            Card::RetentionCost => LinkText::CardRetentionCost,
            Card::ReshardingLineage => LinkText::CardReshardingLineage,
            Card::ReshardingActions => LinkText::CardReshardingActions,
            Card::ReshardingOrdering => LinkText::CardReshardingOrdering,
        }
    }

    /// The card of the view `view_slug` named `slug`.
    pub fn named(view_slug: &str, slug: &str) -> Option<Card> {
        Card::ALL.into_iter().find(|c| c.view_slug() == view_slug && c.slug() == slug)
    }

    /// The slugs of the cards of the view `view_slug`, in order.
    pub fn slugs_of(view_slug: &str) -> Vec<&'static str> {
        Card::ALL.into_iter().filter(|c| c.view_slug() == view_slug).map(Card::slug).collect()
    }
}
