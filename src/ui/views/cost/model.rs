//! The cost view's pure model (geometry, layout), tested natively.
