//! afterword: a static site generator for incident postmortems.
//!
//! The folders are the pipeline, and data flows one way (docs/architecture.md):
//!
//! [`input`] (site.toml, content, theme) → [`check`] (validation, lints) → [`model`] (every
//! derived fact) → [`render`] (pages, feeds, API: formatting only) → [`output`] (one sink).
//!
//! [`util`] and [`diag`] are leaves every stage may use; [`build`] drives the pipeline for
//! `build`, `check` and `serve`; [`serve`], [`import`], [`notify`] and [`scaffold`] are the other commands.

pub mod diag;
pub mod util;

pub mod check;
pub mod input;
pub mod model;
pub mod output;
pub mod render;

pub mod build;
pub mod import;
pub mod notify;
pub mod scaffold;
pub mod serve;
