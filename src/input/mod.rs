//! The pipeline's inputs: site.toml ([`config`], read strictly through [`tomlx`]), the content
//! folder ([`load`]: files to raw values with spans) and the theme ([`theme`]).

pub mod config;
pub mod i18n;
pub mod load;
pub mod theme;
pub mod tomlx;
