//! Geometry of the flow view (pure, tested natively).
