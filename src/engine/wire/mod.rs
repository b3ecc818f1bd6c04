//! The wire: JSON shapes and request validation.
pub mod shapes;
pub mod validation;
