//! The kcl view's pure model (geometry, layout), tested natively.
