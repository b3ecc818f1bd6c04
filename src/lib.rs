//! # Kinesis Playground
//!
//! A deterministic, seedable simulation of Amazon Kinesis Data Streams that runs natively and in
//! the browser (WebAssembly), for teaching.
//!
//! ```text
//!   aws kinesis … / JSON lines / UI controls
//!                 │
//!                 ▼
//!        engine::Engine::call(op, request)  ──►  AWS JSON response or error
//!                 │
//!        virtual clock: step() / step_until(t)
//!                 │
//!                 ▼
//!        engine::events::Event stream ──► digest, views, metrics
//! ```
//!
//! [`engine`] is pure (no web dependency) and is the only source of every number the app shows.

pub mod engine;
