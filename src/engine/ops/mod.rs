//! The operations: one file per family of AWS API actions, each an `impl Engine` block.
pub mod get_records;
pub mod modes;
pub mod put_records;
pub mod resharding;
pub mod retention;
pub mod stream_admin;
pub mod stream_consumers;
pub mod subscribe_to_shard;
pub mod tags;
