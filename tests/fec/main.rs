//! The FEC reader (docs/receivables.md §2): layouts and encodings, kinds, refs, names, months,
//! open amounts by hand, refusals with their place, and properties over generated files.

mod allocation;
mod layout;
mod props;
mod refusals;

use chrono::NaiveDate;
use encours::domain::receivables::fec::{read_fec, FecOptions, FecTable};
use encours::domain::receivables::ledger::Item;
use encours::domain::receivables::source::{ReadError, Source, SourceCustomer};
use rust_decimal::Decimal;

/// The 13 columns the fixtures use, written with `|` for legibility.
pub const H: &str = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|\
CompAuxNum|CompAuxLib|PieceRef|PieceDate|Debit|Credit|EcritureLet";

/// A TAB-separated FEC: the header `H`, then `lines` (written with `|`), LF-terminated.
pub fn tab_fec(lines: &[&str]) -> String {
    let mut s = H.replace('|', "\t");
    for l in lines {
        s.push('\n');
        s.push_str(&l.replace('|', "\t"));
    }
    s.push('\n');
    s
}

pub fn d(s: &str) -> Decimal {
    match s.parse() {
        Ok(v) => v,
        Err(e) => panic!("bad test decimal {s}: {e}"),
    }
}

pub fn day(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(v) => v,
        Err(e) => panic!("bad test date {s}: {e}"),
    }
}

pub fn table(text: &str) -> FecTable {
    match read_fec(text.as_bytes()) {
        Ok(t) => t,
        Err(e) => panic!("refused: {e:?}"),
    }
}

pub fn refusal(bytes: &[u8]) -> ReadError {
    match read_fec(bytes) {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    }
}

/// The summary at `as_of` (None: the default) with the default options otherwise.
pub fn summary(text: &str, as_of: Option<&str>) -> Source {
    let options = FecOptions {
        as_of: as_of.map(day),
        ..FecOptions::default()
    };
    match table(text).summarise(&options) {
        Ok(s) => s,
        Err(e) => panic!("summary refused: {e:?}"),
    }
}

pub fn customer<'a>(s: &'a Source, code: &str) -> &'a SourceCustomer {
    match s.customers.iter().find(|c| c.code == code) {
        Some(c) => c,
        None => panic!("no customer {code} in {:?}", s.customers),
    }
}

pub fn item<'a>(c: &'a SourceCustomer, reference: &str) -> &'a Item {
    match c.items.iter().find(|i| i.reference == reference) {
        Some(i) => i,
        None => panic!("no item {reference} in {:?}", c.items),
    }
}

/// Σ open of a customer's items.
pub fn total_open(c: &SourceCustomer) -> Decimal {
    c.items.iter().map(|i| i.open).sum()
}
