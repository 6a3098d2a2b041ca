//! One module per screen.

pub mod analysis;
pub mod client;
pub mod policy;
pub mod portfolio;
pub mod settings;
