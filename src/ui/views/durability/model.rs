//! The durability view's pure model (geometry, layout), tested natively.
