//! Text of the pipelines view (`#/pipelines`: Lambda vs Kappa), one module per part of the
//! view, like `ui/views/pipelines`: [`page`] (header, query, words both panels share),
//! [`lambda`], [`kappa`] (with the steps and their refusals) and [`facts`] (the comparison).

pub mod facts;
pub mod kappa;
pub mod lambda;
pub mod page;
