//! The guided path through the course: chapters, steps and their predictions.

pub mod predict;
