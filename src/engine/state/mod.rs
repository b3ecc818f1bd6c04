//! The state nouns: what the service keeps.
pub mod consumer;
pub mod hashing;
pub mod limits;
pub mod record_source;
pub mod sequence;
pub mod shard;
pub mod store;
pub mod stream;
pub mod subscription;
