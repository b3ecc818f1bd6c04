//! Geometry of the resharding view (pure, tested natively).
