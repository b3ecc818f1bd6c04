//! Spanish and English text for everything a person reads (STYLE rule 8).
//!
//! Every module is written in one pattern:
//!
//! 1. **`Text`** names the module's fixed strings. It is declared with `lang::keys!`, which
//!    also lists every key in `Text::ALL` for the completeness tests.
//! 2. **`Msg`** names the messages with values; each variant carries its values, so a message is
//!    data: the store can keep one and write it out later in whichever language is chosen then.
//! 3. `Text` implements [`Phrase`] and `Msg` implements [`Message`], each with one exhaustive
//!    `match self` per language (`fn es`, `fn en`) and no `_` arm: a key without its translation
//!    does not compile.
//! 4. Callers write `key.text(lang)` for both.
//!
//! Typed codes of the layers below are keys too, with the same traits, so i18n matches on the
//! enum itself instead of on a string: a [`Preset`](crate::world::presets::Preset) is its own
//! description and a [`WorldError`](crate::world::error::WorldError) its own message
//! ([`app`]), a [`Refusal`](crate::world::error::Refusal) explains itself and a
//! [`PipelineAction`](crate::world::pipeline_spec::PipelineAction) names itself
//! ([`pipelines::kappa`]). A view's explanation of an AWS error maps the engine's
//! [`ErrorType`](crate::engine::ErrorType) (`resharding::Text::explanation`).
//!
//! ```text
//!   lang.rs   Lang · Phrase · Message · keys!      ◄── every other file here
//!   app.rs    the shell, notices and the overview   (Text, Msg; Preset, WorldError)
//!   flow.rs · hashing.rs · resharding.rs · retention.rs     one per view (Text, Msg)
//!   links.rs  view links: the cards a link shows alone (`panel=`); code.rs the code panel
//!   live.rs   the live window: badge, connection, digests side by side
//!   input.rs  the live input fields (a live value beside the field that sets it)
//!   glossary.rs  one Term per concept: AWS's term, the Spanish names, a definition
//!   numbers.rs   CLDR number rules per language (decimal sign, grouping, %, US$)
//!   learn.rs · learn_a.rs · learn_b.rs · learn_c.rs   the learn path and the teacher page
//!   predict.rs   the predictions of the learn path
//!   metrics.rs · cost.rs · durability.rs · kcl.rs · firehose.rs   the #17 views, one each
//!   pipelines/  page.rs · lambda.rs · kappa.rs · facts.rs   one per part of the view
//! ```
//!
//! This file only declares the modules and re-exports the shared vocabulary; the modules import
//! it from `lang`, never from here, so there is no import circle. AWS API terms (`shard`,
//! `TRIM_HORIZON`, `PartitionKey`) stay visible next to their Spanish glosses. The engine never
//! produces prose; AWS error messages are shown as AWS words them.

pub mod app;
pub mod code;
pub mod console;
pub mod console_shell;
pub mod console_view;
pub mod cost;
pub mod durability;
pub mod firehose;
pub mod flow;
pub mod glossary;
pub mod hashing;
pub mod input;
pub mod kcl;
pub mod lang;
pub mod learn;
pub mod learn_a;
pub mod learn_b;
pub mod learn_c;
pub mod links;
pub mod live;
pub mod metrics;
pub mod narrate;
pub mod numbers;
pub mod pipelines;
pub mod predict;
pub mod resharding;
pub mod retention;
pub mod timeline;

pub use lang::{Lang, Message, Phrase};
