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
//!
//!   engine::world::World (producers, consumers) ─► ui::sim snapshots ─► ui views (SVG)
//! ```
//!
//! [`engine`] is pure (no web dependency) and is the only source of every number the app shows.
//! [`i18n`] holds every string a person reads, in Spanish and English. [`ui`] is the web app:
//! its models are plain Rust; its Yew components build only for wasm32.

pub mod engine;
pub mod i18n;
pub mod ui;
pub mod world;
