//! The operations: one file per family of AWS API actions, each an `impl Engine` block with the
//! family's request and response shapes.
//!
//! - `stream_admin.rs`: CreateStream, DeleteStream, DescribeStream, DescribeStreamSummary,
//!   ListStreams, ListShards, DescribeLimits.
//! - `put_records.rs`: PutRecord, PutRecords.
//! - `get_records.rs`: GetShardIterator, GetRecords.
//! - `resharding.rs`: SplitShard, MergeShards, UpdateShardCount, and the completion of every
//!   `UPDATING` change.
//! - `modes.rs`: UpdateStreamMode, StartStreamEncryption, StopStreamEncryption, on-demand scaling.
//! - `max_record_size.rs`: UpdateMaxRecordSize.
//! - `retention.rs`: IncreaseStreamRetentionPeriod, DecreaseStreamRetentionPeriod.
//! - `tags.rs`: AddTagsToStream, ListTagsForStream, RemoveTagsFromStream, TagResource,
//!   UntagResource, ListTagsForResource.
//! - `distribution.rs`: UpdateStreamRecordDistributionStrategy (`AUTO` placement is in
//!   `put_records.rs`).
//! - `stream_consumers.rs`: RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers,
//!   DeregisterStreamConsumer.
//! - `monitoring.rs`: EnableEnhancedMonitoring, DisableEnhancedMonitoring.
//! - `subscribe_to_shard.rs`: SubscribeToShard, and the pushes that feed its subscriptions.
//! - `replication.rs`: the three Availability Zone copies and the zone control (not an AWS API).
//!
//! Each file's header lists the AWS behaviour it reproduces and what it simplifies. An operation
//! may use another family's shared rule (SubscribeToShard reads records the way GetRecords does),
//! never the other way round.

pub mod distribution;
pub mod get_records;
pub mod max_record_size;
pub mod modes;
pub mod monitoring;
pub mod put_records;
pub mod replication;
pub mod resharding;
pub mod retention;
pub mod stream_admin;
pub mod stream_consumers;
pub mod subscribe_to_shard;
pub mod tags;
