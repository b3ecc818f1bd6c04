//! The service model the CLI is built from: lookups into the generated tables of
//! [`service_model`](super::service_model), and their types (re-exported from
//! [`shapes`](super::shapes)).
//!
//! The CLI derives everything from these: the command names, the options of each command (one
//! per member of the input structure, `--stream-name` for `StreamName`), how a value is read
//! (scalar, JSON or shorthand), what botocore checks before sending (required members, `min`),
//! and how a paginated command or a waiter calls the API.

use super::service_model::{OPERATIONS, PAGINATORS, SHAPES, WAITERS};

pub use super::shapes::{Acceptor, AcceptorState, Kind, Matcher, Member, Operation, Paginator, Shape, ShapeId, Waiter};

/// The shape `id` (a generated index, always in range; a bad one reads as an empty string shape).
pub fn shape(id: ShapeId) -> &'static Shape {
    const FALLBACK: Shape = Shape { name: "", kind: Kind::String, min: None, max: None, pattern: None, enums: &[] };
    SHAPES.get(id).unwrap_or(&FALLBACK)
}

/// The operation whose command is `command` (`create-stream`).
pub fn operation_by_command(command: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.command == command)
}

/// The operation named `name` (`CreateStream`).
pub fn operation(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

/// The paginator of the operation named `name`, if it has one.
pub fn paginator(name: &str) -> Option<&'static Paginator> {
    PAGINATORS.iter().find(|p| p.operation == name)
}

/// The waiter whose subcommand is `command` (`stream-exists`).
pub fn waiter_by_command(command: &str) -> Option<&'static Waiter> {
    WAITERS.iter().find(|w| w.command == command)
}

/// Every waiter, in the model's order.
pub fn waiters() -> &'static [Waiter] {
    WAITERS
}

/// Every operation, in the model's order.
pub fn operations() -> &'static [Operation] {
    OPERATIONS
}

/// The members of a structure shape (empty for any other shape).
pub fn members(id: ShapeId) -> &'static [Member] {
    match shape(id).kind {
        Kind::Structure { members, .. } => members,
        _ => &[],
    }
}

/// The required member names of a structure shape.
pub fn required(id: ShapeId) -> &'static [&'static str] {
    match shape(id).kind {
        Kind::Structure { required, .. } => required,
        _ => &[],
    }
}

/// botocore's `type_name` of a shape (`string`, `structure`…).
pub fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::String => "string",
        Kind::Integer => "integer",
        Kind::Long => "long",
        Kind::Boolean => "boolean",
        Kind::Blob => "blob",
        Kind::Timestamp => "timestamp",
        Kind::Double => "double",
        Kind::Float => "float",
        Kind::Structure { .. } => "structure",
        Kind::List { .. } => "list",
        Kind::Map { .. } => "map",
    }
}
