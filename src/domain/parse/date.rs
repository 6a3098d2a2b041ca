//! Dates written exactly `YYYY-MM-DD`, as the exchange format and date inputs write them.

use chrono::NaiveDate;

/// A real calendar date written exactly `YYYY-MM-DD` (`2025-02-30` is none), as the exchange
/// format and the browser's date inputs write them.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(range)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}
