//! The learn path ("Empieza aquí / Start here", `#/learn`): ten chapters that follow the
//! course's notes, one idea per step, each on the live simulation, with "try this" actions and
//! a prediction the simulation grades.
//!
//! ```text
//!  model.rs     the registry: chapters → steps (text key, world, view, tries, prediction)
//!  progress.rs  steps seen and predictions right, as kept in localStorage (pure parser)
//!  cost.rs      the cost card's figures for the running load (world::cost)
//!  predict/     the predictions: ask(kind, sim, nonce) → Question; reveal(q, sim) → Outcome
//! ```
//!
//! All pure and tested natively. The components (start page, step page, teacher page) are in
//! `ui/app/learn/`, beside the hosts they reuse: the layering lets only the app import the views.

pub mod cost;
pub mod model;
pub mod predict;
pub mod progress;
