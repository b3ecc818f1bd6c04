//! What the resharding view shows, built from the simulation: every shard the stream ever had
//! (its lineage) and each consumer's reading order, plus AWS's answer to the last call.

use crate::engine::error::ApiError;
use crate::engine::state::shard::ShardId;
use crate::engine::state::stream::StreamStatus;
use crate::engine::time::SimTime;
use crate::ui::sim::Sim;
use crate::ui::snapshot::{stream_status, ConsumerKind};
use crate::world::ConsumerApp;

/// One shard of the lineage (every shard the stream ever had).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineageShard {
    /// The shard.
    pub id: ShardId,
    /// ParentShardId.
    pub parent: Option<ShardId>,
    /// AdjacentParentShardId.
    pub adjacent_parent: Option<ShardId>,
    /// StartingHashKey.
    pub start: u128,
    /// EndingHashKey.
    pub end: u128,
    /// Created, ms since the stream became ACTIVE (0 for the first shards).
    pub created_ms: u64,
    /// Closed by a reshard, ms since the stream became ACTIVE.
    pub closed_ms: Option<u64>,
    /// Closed and past retention.
    pub expired: bool,
    /// Records retained.
    pub retained: u64,
}

/// A consumer's ordering, for the parent-first demo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderRow {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ConsumerKind,
    /// Reads parents to their end before children.
    pub parent_first: bool,
    /// Records received.
    pub delivered: u64,
    /// Records of a key received out of the order the stream accepted them.
    pub order_violations: u64,
    /// The last of those records (at most 20), oldest first.
    pub out_of_order: Vec<OutOfOrderRow>,
}

/// A record a consumer received after a record of its key that the stream accepted later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfOrderRow {
    /// PartitionKey.
    pub partition_key: String,
    /// Its shard.
    pub shard: ShardId,
    /// Its SequenceNumber.
    pub sequence_number: String,
    /// Its arrival, ms since the stream became ACTIVE.
    pub arrival_ms: u64,
    /// The shard of the record it came after.
    pub after_shard: ShardId,
    /// The SequenceNumber of the record it came after (accepted later, received earlier).
    pub after: String,
    /// That record's arrival, ms since the stream became ACTIVE.
    pub after_arrival_ms: u64,
    /// When the consumer received it, ms since the stream became ACTIVE.
    pub delivered_ms: u64,
}

/// What the resharding view draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineageSnapshot {
    /// Simulated ms since the stream became ACTIVE.
    pub elapsed_ms: u64,
    /// Stream status (`None` before the stream exists).
    pub status: Option<StreamStatus>,
    /// Every shard, in id order.
    pub shards: Vec<LineageShard>,
    /// Consumers (removed ones left out; none when another stream than the scenario's is drawn).
    pub consumers: Vec<OrderRow>,
    /// The name of the stream drawn ([`Sim::shown_stream`]).
    pub stream_name: String,
    /// The scenario's stream, when the stream drawn is another one (created in the console).
    pub scenario_stream: Option<String>,
}

impl LineageSnapshot {
    /// The shard lineage of `sim` and its consumers' ordering, now.
    pub fn of(sim: &Sim) -> LineageSnapshot {
        let w = sim.world();
        let shown = sim.shown_stream();
        let started = w.started();
        let since = |t: SimTime| t.since(started);
        let shards = w
            .engine()
            .stream(shown)
            .map(|s| {
                s.shards
                    .iter()
                    .map(|sh| LineageShard {
                        id: sh.id,
                        parent: sh.parent,
                        adjacent_parent: sh.adjacent_parent,
                        start: sh.hash_key_range.starting_hash_key,
                        end: sh.hash_key_range.ending_hash_key,
                        created_ms: since(sh.created),
                        closed_ms: sh.closed.map(since),
                        expired: sh.expired,
                        retained: sh.records.len() as u64,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let consumers = w
            .consumers()
            .iter()
            .enumerate()
            // The scenario's consumers read the scenario's stream: left out when another is drawn.
            .filter(|(i, _)| !w.is_removed(*i) && sim.shows_scenario_stream())
            .map(|(_, c)| OrderRow {
                name: c.name().to_string(),
                kind: ConsumerKind::of(c),
                parent_first: match c {
                    ConsumerApp::Polling(p) => p.spec.parent_first,
                    ConsumerApp::FanOut(f) => f.spec.parent_first,
                    ConsumerApp::Lambda(_) => true,
                },
                delivered: c.tally().delivered,
                order_violations: c.tally().order_violations,
                out_of_order: c
                    .audit()
                    .out_of_order
                    .iter()
                    .map(|o| OutOfOrderRow {
                        partition_key: o.partition_key.clone(),
                        shard: o.shard,
                        sequence_number: o.sequence_number.to_string(),
                        arrival_ms: since(o.arrival),
                        after_shard: o.after_shard,
                        after: o.after.to_string(),
                        after_arrival_ms: since(o.after_arrival),
                        delivered_ms: since(o.delivered_at),
                    })
                    .collect(),
            })
            .collect();
        let scenario_stream = (!sim.shows_scenario_stream()).then(|| w.stream_name().to_string());
        LineageSnapshot {
            elapsed_ms: sim.elapsed_ms(),
            status: stream_status(w, shown),
            shards,
            consumers,
            stream_name: shown.to_string(),
            scenario_stream,
        }
    }
}

/// AWS's answer to the last API call a view made, as the resharding view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallAnswer {
    /// The operation (`SplitShard`).
    pub operation: String,
    /// AWS's error; `None` for 200 OK.
    pub error: Option<ApiError>,
}
