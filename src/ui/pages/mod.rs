//! One module per screen.

pub mod analysis;
pub mod client;
pub mod ledger;
pub mod monitoring;
pub mod policy;
pub mod portfolio;
pub mod settings;
