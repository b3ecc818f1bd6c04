//! The wire: JSON shapes and request validation.
pub mod pagination;
pub mod shapes;
pub mod validation;
