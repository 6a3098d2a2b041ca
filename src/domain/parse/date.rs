//! Dates written exactly: `YYYY-MM-DD` (the exchange format, date inputs), `JJ/MM/AAAA` and
//! `AAAAMMJJ` (the FEC and the ERPs' exports).

use chrono::NaiveDate;

/// A real calendar date written exactly `YYYY-MM-DD` (`2025-02-30` is none), as the exchange
/// format and the browser's date inputs write them.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    ymd(b, 0..4, 5..7, 8..10)
}

/// A real calendar date written `JJ/MM/AAAA` with one of `separators` between its parts
/// (two-digit day and month, four-digit year, nothing else), as French exports write them.
pub fn parse_day_month_year(s: &str, separators: &[u8]) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let sep = *b.get(2)?;
    if b.len() != 10 || !separators.contains(&sep) || b.get(5) != Some(&sep) {
        return None;
    }
    ymd(b, 6..10, 3..5, 0..2)
}

/// `AAAAMMJJ`, digits only (the FEC's own form).
pub fn parse_compact_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 8 {
        return None;
    }
    ymd(b, 0..4, 4..6, 6..8)
}

/// The date whose year, month and day are the digits at these places of `b`.
fn ymd(
    b: &[u8],
    year: std::ops::Range<usize>,
    month: std::ops::Range<usize>,
    day: std::ops::Range<usize>,
) -> Option<NaiveDate> {
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(year)?).ok()?, num(month)?, num(day)?)
}
