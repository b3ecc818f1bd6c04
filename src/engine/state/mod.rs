//! The state nouns: what the service keeps between calls, as plain data.
//!
//! A [`stream::Stream`] holds its [`shard::Shard`]s; a shard holds its retained records in a
//! [`store::RecordStore`], its [`limits::ShardLimits`] and counters; records carry
//! [`sequence::SequenceNumber`]s and are routed over [`hashing::HashKeyRange`]s. Enhanced fan-out
//! adds [`consumer::Consumer`]s and [`subscription::Subscriptions`]; [`record_source`] lets a
//! client keep the bytes of what it writes.
//!
//! Nothing here imports `Engine` or an operation: the rules that change this state live in
//! `ops/`, and these files can be read (and tested) on their own.

pub mod consumer;
pub mod hashing;
pub mod limits;
pub mod packed;
pub mod record_source;
pub mod replication;
pub mod sequence;
pub mod shard;
pub mod store;
pub mod stream;
pub mod subscription;
