//! After the contract: a client's ledger, read from a FEC or an open-items CSV, and the figures
//! a credit manager follows (docs/receivables.md). Plain Rust, like the rest of the domain.
//!
//! Rooms: `ledger` (the model), `source` (what a reader hands over, per customer, and its
//! refusals), `dates` (calendar arithmetic and due dates), `text` (bytes to text), `fec` and
//! `open_items` (the two readers), `figures` (a client's figures at `as_of`), `monitoring` (the
//! portfolio's totals).

pub mod dates;
pub mod dunning;
pub mod fec;
pub mod figures;
pub mod ledger;
pub mod letters;
pub mod merge;
pub mod monitoring;
pub mod open_items;
pub mod penalties;
pub mod rules;
pub mod source;
pub mod text;
