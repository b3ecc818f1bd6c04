//! The firehose view's pure model (geometry, layout), tested natively.
