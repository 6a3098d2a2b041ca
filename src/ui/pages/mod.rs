//! One module per screen.

pub mod analysis;
pub mod client;
pub mod portfolio;
