//! The wire: what requests and responses look like as AWS JSON 1.1, and how requests are checked.
//!
//! [`shapes`] holds the response shapes several operations share and the serde helpers (decimal
//! strings, base64 blobs, epoch seconds); [`validation`] checks requests in AWS's two phases and
//! exposes the rules the UI needs without an engine ([`validation::validate_stream_name`],
//! [`validation::parse_explicit_hash_key`]); [`pagination`] issues and reads `NextToken`s; [`address`] reads a `StreamARN` in place of a
//! `StreamName`.
//! Shapes specific to one operation family live beside it in `ops/`.

pub mod address;
pub mod pagination;
pub mod shapes;
pub mod validation;
