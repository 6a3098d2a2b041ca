//! The analysis over the years: SIG and balance-sheet aggregates, and the ratio table with its
//! appreciation marks, year-on-year changes and each ratio's formula on tap.
//!
//! Test ids: `agg-<aggregate>` and `ratio-<ratio>` on the latest year's cells (present, with an
//! empty `data-value`, even when the file has no statement).

mod aggregates;
mod ratios;

pub use aggregates::aggregates_table;
pub use aggregates::sig_table;
pub use aggregates::structure_table;
pub use ratios::ratios_table;

pub use super::snapshot::Snapshot;
