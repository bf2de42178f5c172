//! afterword: a static site generator for incident postmortems.
//!
//! Data flows one way: [`config`] → [`load`] → [`validate`] → [`model`] → [`render`] →
//! [`output`]; [`build`] runs the pipeline.

pub mod build;
pub mod config;
pub mod diag;
pub mod escape;
pub mod fsutil;
pub mod import;
pub mod json;
pub mod lint;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod route;
pub mod scaffold;
pub mod serve;
pub mod slug;
pub mod stats;
pub mod status;
pub mod theme;
pub mod timefmt;
pub mod tomlx;
pub mod uptime;
pub mod validate;
