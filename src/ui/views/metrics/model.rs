//! The metrics view's pure model (geometry, layout), tested natively.
