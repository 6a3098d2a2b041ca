//! Every refusal of §2, with its line and column, and the limits.

use super::*;
use encours::domain::lang::Lang;
use encours::domain::receivables::fec::{FecOptions, MAX_FEC_BYTES, MAX_FEC_LINES, MAX_LINE_CHARS};
use encours::domain::receivables::source::ReadErrorKind as K;

const GOOD: &str = "VT|V|1|20250110|411000|C|C1|Un|F1|20250110|10,00||";

/// The refusal of `H` then `lines`, as (line, column, kind).
fn refused(lines: &[&str]) -> (Option<usize>, Option<(usize, String)>, K) {
    let e = refusal(tab_fec(lines).as_bytes());
    (e.line, e.column, e.kind)
}

fn col(i: usize, name: &str) -> Option<(usize, String)> {
    Some((i, name.to_string()))
}

#[test]
fn missing_column_named_on_the_header_line() {
    let e = refusal(b"JournalCode;EcritureNum;CompteNum;Debit;Credit\nVT;1;411;1;\n");
    assert_eq!(
        (e.line, &e.kind),
        (Some(1), &K::MissingColumn("EcritureDate".into()))
    );
    assert!(e.message(Lang::Fr).contains("ligne 1"));
    assert!(e.message(Lang::Fr).contains("EcritureDate"));
}

#[test]
fn wrong_field_count() {
    let short = "VT|V|2|20250110|411000|C|C1|Un|F1|20250110|10,00";
    let (line, column, kind) = refused(&[GOOD, short]);
    // 11 fields of 13: line 3, the first missing column is the 12th, Credit.
    assert_eq!(line, Some(3));
    assert_eq!(column, col(12, "Credit"));
    assert_eq!(
        kind,
        K::FieldCount {
            expected: 13,
            found: 11
        }
    );
    // One extra empty field is allowed, a second one or a non-empty one is not.
    assert!(read_fec(tab_fec(&[&format!("{GOOD}|")]).as_bytes()).is_ok());
    let (line, column, kind) = refused(&[&format!("{GOOD}||")]);
    assert_eq!((line, column), (Some(2), col(14, "")));
    assert_eq!(
        kind,
        K::FieldCount {
            expected: 13,
            found: 15
        }
    );
    assert!(matches!(
        refused(&[&format!("{GOOD}|x")]).2,
        K::FieldCount { .. }
    ));
}

#[test]
fn unreadable_dates_amounts_and_sens() {
    let (line, column, kind) = refused(&[GOOD, "VT|V|1|20250230|411000|C|C1|Un|F1||10,00||"]);
    assert_eq!((line, column), (Some(3), col(4, "EcritureDate")));
    assert_eq!(kind, K::BadDate("20250230".into()));
    let (line, column, kind) = refused(&["VT|V|1|20250110|411000|C|C1|Un|F1||12,3,4||"]);
    assert_eq!(
        (line, column, kind),
        (Some(2), col(11, "Debit"), K::BadAmount("12,3,4".into()))
    );
    let huge = "99999999999999999999999999999999";
    let (line, column, kind) = refused(&[&format!("VT|V|1|20250110|411000|C|C1|Un|F1|||{huge}|")]);
    assert_eq!(
        (line, column, kind),
        (Some(2), col(12, "Credit"), K::BadAmount(huge.into()))
    );
    let sens = refusal(
        b"JournalCode|EcritureNum|EcritureDate|CompteNum|Montant|Sens\nVT|1|20250110|411|5|X\n",
    );
    assert_eq!(
        (sens.line, sens.column, sens.kind),
        (Some(2), col(6, "Sens"), K::BadSens("X".into()))
    );
}

#[test]
fn binary_empty_and_header_only() {
    let e = refusal(b"JournalCode\tEcritureNum\nVT\t\x00\x01\x02");
    assert_eq!((e.kind, e.line), (K::Binary, Some(2)));
    assert_eq!(refusal(b"").kind, K::Empty);
    assert_eq!(refusal(b"\r\n  \n\t\n").kind, K::Empty);
    let e = refusal(tab_fec(&["", "   "]).as_bytes());
    assert_eq!((e.kind, e.line), (K::OnlyHeader, Some(1)));
}

#[test]
fn limits_are_refused_before_any_work() {
    // A 20 MB line, refused after one scan of the bytes.
    let mut big = tab_fec(&[GOOD]).into_bytes();
    big.extend(std::iter::repeat_n(b'9', 20_000_000));
    let started = std::time::Instant::now();
    let e = refusal(&big);
    assert_eq!(
        e.kind,
        K::LineTooLong {
            limit: MAX_LINE_CHARS
        }
    );
    assert_eq!(e.line, Some(3));
    assert!(
        started.elapsed().as_secs_f64() < 2.0,
        "{:?}",
        started.elapsed()
    );
    // 10,000 characters of 2 bytes each are 20,000 bytes and still fit.
    let wide = format!("VT|V|1|20250110|411000|C|C1|{}|F1||1||", "é".repeat(9_000));
    assert!(read_fec(tab_fec(&[&wide]).as_bytes()).is_ok());
    let lines = vec![b'\n'; MAX_FEC_LINES + 1];
    assert_eq!(
        refusal(&lines).kind,
        K::TooManyLines {
            limit: MAX_FEC_LINES
        }
    );
    // Zeroed memory is not touched: only the length is read.
    let bytes = vec![0u8; MAX_FEC_BYTES + 1];
    assert_eq!(
        refusal(&bytes).kind,
        K::TooLarge {
            limit: MAX_FEC_BYTES
        }
    );
}

#[test]
fn nothing_to_import_and_as_of_too_early() {
    let t = table(&tab_fec(&["OD|D|1|20250110|601000|A|||X||10,00||"]));
    assert_eq!(
        t.summarise(&FecOptions::default()).map_err(|e| e.kind),
        Err(K::NothingToImport)
    );
    let t = table(&tab_fec(&[GOOD]));
    let early = FecOptions {
        as_of: Some(day("2025-01-09")),
        ..FecOptions::default()
    };
    assert_eq!(
        t.summarise(&early).map_err(|e| e.kind),
        Err(K::AsOfTooEarly)
    );
    // Forbidden prefixes are ignored: 512 alone falls back to 411.
    let bank = FecOptions {
        prefixes: vec!["512".into()],
        ..FecOptions::default()
    };
    assert_eq!(t.summarise(&bank).map(|s| s.customers.len()), Ok(1));
}
