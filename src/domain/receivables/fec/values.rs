//! The values of a FEC field (docs/receivables.md §2): amounts with a decimal comma or dot and a
//! sign first or last, dates in the three written forms, the `Sens` of a `Montant`.

use chrono::NaiveDate;

use crate::domain::parse::{parse_compact_date, parse_day_month_year, parse_iso_date};
use rust_decimal::Decimal;

use crate::domain::parse::{MAX_AMOUNT, MAX_DECIMALS};

/// Digits of the integer part of [`MAX_AMOUNT`] (10^15 has 16).
const MAX_INT_DIGITS: usize = 16;

/// A FEC amount: digits with at most one `,` or `.`, an optional sign first or last, leading
/// zeros allowed, no thousands separator; blank is 0. `None` when unreadable, when more than
/// [`MAX_DECIMALS`] significant decimals, or beyond [`MAX_AMOUNT`]: bounding the amounts keeps
/// every sum of a 3,000,000-line file far inside what a `Decimal` holds, so no sum can overflow.
pub fn parse_fec_amount(s: &str) -> Option<Decimal> {
    let s = s.trim();
    if s.is_empty() {
        return Some(Decimal::ZERO);
    }
    let (negative, body) = match (s.strip_prefix(['-', '+']), s.strip_suffix(['-', '+'])) {
        (Some(_), Some(_)) => return None,
        (Some(rest), None) => (s.starts_with('-'), rest),
        (None, Some(rest)) => (s.ends_with('-'), rest),
        (None, None) => (false, s),
    };
    let (int, frac) = match body.find([',', '.']) {
        Some(at) => (body.get(..at)?, body.get(at + 1..)?),
        None => (body, ""),
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() > MAX_INT_DIGITS || frac.len() > MAX_DECIMALS {
        return None;
    }
    // At most 16 + 6 digits: far inside i128.
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    if negative {
        mantissa = -mantissa;
    }
    let scale = u32::try_from(frac.len()).ok()?;
    let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    (value.abs() <= MAX_AMOUNT).then_some(value)
}

/// A real calendar date written `AAAAMMJJ`, `AAAA-MM-JJ` or `JJ/MM/AAAA` (`20250230` is none).
pub fn parse_fec_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    parse_compact_date(s)
        .or_else(|| parse_iso_date(s))
        .or_else(|| parse_day_month_year(s, b"/"))
}

/// The sign a `Sens` gives a `Montant`: `D` or `+1` is +1, `C` or `-1` is −1 (case ignored).
pub fn parse_sens(s: &str) -> Option<Decimal> {
    match s.trim() {
        "D" | "d" | "+1" => Some(Decimal::ONE),
        "C" | "c" | "-1" => Some(Decimal::NEGATIVE_ONE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or(Decimal::MAX)
    }

    #[test]
    fn amounts_in_fec_syntax() {
        assert_eq!(parse_fec_amount(""), Some(Decimal::ZERO));
        assert_eq!(parse_fec_amount("  "), Some(Decimal::ZERO));
        assert_eq!(parse_fec_amount("1234,56"), Some(d("1234.56")));
        assert_eq!(parse_fec_amount("1234.56"), Some(d("1234.56")));
        assert_eq!(parse_fec_amount("-12,5"), Some(d("-12.5")));
        assert_eq!(parse_fec_amount("12,5-"), Some(d("-12.5")));
        assert_eq!(parse_fec_amount("+12,5"), Some(d("12.5")));
        assert_eq!(parse_fec_amount("000012,50"), Some(d("12.5")));
        assert_eq!(parse_fec_amount(",5"), Some(d("0.5")));
        assert_eq!(parse_fec_amount("12,"), Some(d("12")));
        // Trailing zeros beyond the sixth decimal carry nothing.
        assert_eq!(parse_fec_amount("1,50000000"), Some(d("1.5")));
        assert_eq!(parse_fec_amount("1000000000000000"), Some(MAX_AMOUNT));
    }

    #[test]
    fn unreadable_amounts() {
        for s in [
            "12,3,4",
            "1.2,3",
            "-12-",
            "1 234,56",
            "12a",
            "-",
            ",",
            "1e5",
            "--1",
            "0,0000001",
            "1000000000000000,01",
            "99999999999999999999999999999999",
            "€12",
        ] {
            assert_eq!(parse_fec_amount(s), None, "{s}");
        }
    }

    #[test]
    fn dates_in_three_forms() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 7);
        assert_eq!(parse_fec_date("20250307"), day);
        assert_eq!(parse_fec_date("2025-03-07"), day);
        assert_eq!(parse_fec_date("07/03/2025"), day);
        assert_eq!(parse_fec_date(" 20250307 "), day);
        assert_eq!(
            parse_fec_date("20240229"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for s in [
            "20250230",
            "20250229",
            "2025-13-01",
            "31/04/2025",
            "2025/03/07",
            "7/3/2025",
            "",
            "2025030",
            "+2025030",
            "2025-03-7x",
            "20250307 00:00",
        ] {
            assert_eq!(parse_fec_date(s), None, "{s}");
        }
    }

    #[test]
    fn sens() {
        assert_eq!(parse_sens("D"), Some(Decimal::ONE));
        assert_eq!(parse_sens("c"), Some(Decimal::NEGATIVE_ONE));
        assert_eq!(parse_sens("+1"), Some(Decimal::ONE));
        assert_eq!(parse_sens("-1"), Some(Decimal::NEGATIVE_ONE));
        for s in ["", "1", "X", "DC", "+", "debit"] {
            assert_eq!(parse_sens(s), None, "{s}");
        }
    }
}
