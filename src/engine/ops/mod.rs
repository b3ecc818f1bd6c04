//! The operations: one file per family of AWS API actions, each an `impl Engine` block.
pub mod efo;
pub mod get_records;
pub mod modes;
pub mod put_records;
pub mod resharding;
pub mod retention;
pub mod stream_admin;
pub mod tags;
