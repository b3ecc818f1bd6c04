//! Geometry of the retention view (pure, tested natively).
