//! Checking: raw values to the model ([`validate`]: errors) and warnings on what validated
//! ([`lint`]). Neither calls the other; `build::analyze` runs them in order.

pub mod lint;
pub mod validate;
