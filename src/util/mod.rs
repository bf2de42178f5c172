//! Leaves: text, time and path utilities that know nothing of incidents or of any stage.

pub mod escape;
pub mod fsutil;
pub mod i18n;
pub mod json;
pub mod markdown;
pub mod route;
pub mod slug;
pub mod textwidth;
pub mod timefmt;
