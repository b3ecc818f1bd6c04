//! Geometry of the hashing view (pure, tested natively).
