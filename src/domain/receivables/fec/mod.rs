//! The FEC reader (docs/receivables.md §2, art. A47 A-1 LPF): a *fichier des écritures
//! comptables* to the customers of its receivable accounts, with their items, open amounts,
//! monthly sales and doubtful-debt events at a situation date.
//!
//! Two stages, so the dialogue can show the journals and the default `as_of` before choosing:
//! [`FecReader`] (or [`read_fec`]) turns the bytes into a [`FecTable`], refusing the file with
//! its line and column when it breaks the format; [`FecTable::summarise`] then computes the
//! [`Source`](crate::domain::receivables::source::Source) at the options chosen.
//!
//! Rooms: `values` (amounts, dates, `Sens`), `header` (separator and columns), `lines` (line
//! ends), `reader` (lines to rows, incrementally), `table` (the compact rows), `kinds` (accounts,
//! entries, kinds), `allocation` (lettrage and open amounts), `summary` (the source at `as_of`),
//! `sample` (a generated FEC for benchmarks and fixtures).

mod allocation;
mod header;
mod kinds;
mod lines;
mod reader;
#[doc(hidden)]
pub mod sample;
mod summary;
mod table;
mod values;

use chrono::NaiveDate;

pub use kinds::{default_opening, forbidden_prefix, DEFAULT_PREFIX};
pub use reader::FecReader;
pub use table::FecTable;
pub use values::{parse_fec_amount, parse_fec_date, parse_sens};

use crate::domain::receivables::source::ReadError;

/// Largest file read: 150 MB, about a million lines of a wide FEC — beyond what a browser tab
/// should hold twice (bytes and text) and far beyond an SME's year.
pub const MAX_FEC_BYTES: usize = 150_000_000;
/// Most physical lines: 3,000,000.
pub const MAX_FEC_LINES: usize = 3_000_000;
/// Longest line: 10,000 characters (a FEC line is a few hundred).
pub const MAX_LINE_CHARS: usize = 10_000;

/// A journal of the file, for the dialogue that marks the à-nouveaux ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    pub code: String,
    /// The first non-blank `JournalLib` of its lines.
    pub label: String,
    /// Marked à-nouveaux by the default rule (code `AN`, `ANO`, `ANC`, `RAN`, or a label holding
    /// "nouveau" or "ouverture").
    pub opening: bool,
}

/// What the dialogue chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FecOptions {
    /// The situation date; `None`: the latest `EcritureDate` of the receivable lines.
    pub as_of: Option<NaiveDate>,
    /// The codes of the à-nouveaux journals; `None`: the default rule ([`Journal::opening`]).
    pub opening_journals: Option<Vec<String>>,
    /// The receivable account prefixes (forbidden ones ignored; none left: `411`).
    pub prefixes: Vec<String>,
}

impl Default for FecOptions {
    fn default() -> Self {
        FecOptions {
            as_of: None,
            opening_journals: None,
            prefixes: vec![DEFAULT_PREFIX.to_string()],
        }
    }
}

/// Reads a whole FEC at once: [`FecReader::new`], then every step, then [`FecReader::finish`].
pub fn read_fec(bytes: &[u8]) -> Result<FecTable, ReadError> {
    FecReader::new(bytes)?.finish()
}
