//! What users type: amounts, whole numbers and SIREN numbers, read strictly and without panics.
//!
//! # Amounts ([`parse_amount`])
//!
//! Empty or blank input is an absent amount (`Ok(None)`), never zero. Otherwise the input is, in
//! order: an optional `€`, an optional sign (`-`, the Unicode minus `−`, or `+`), an optional `€`,
//! the number, an optional `€` (one `€` at most, spaces allowed around it and after the sign).
//!
//! The number is made of digits, thousands separators and at most one decimal separator:
//!
//! * Spaces between digit groups (ordinary U+0020, non-breaking U+00A0, narrow no-break U+202F or
//!   thin U+2009) are thousands separators.
//! * When the number holds both `,` and `.`, the one that comes last is the decimal separator and
//!   must appear once; the other one is the thousands separator: `1,234,567.89` and `1.234.567,89`
//!   are both 1234567.89.
//! * A **single** `,` or a **single** `.` alone is the decimal separator: `1,234` is 1.234 (the
//!   French reading: French users type a comma for decimals) and `1.234` is 1.234 too.
//! * The same character appearing twice or more, with no other separator, is a thousands
//!   separator: `1,234,567` and `1.234.567` are 1234567.
//! * Thousands separators must split the integer part into groups of three digits (the first group
//!   one to three digits); a space and `,`/`.` cannot both be thousands separators in one number.
//! * The decimal part is digits only. `12,` is 12 and `,5` is 0.5.
//!
//! The scale typed is kept (`21 000,50` is 21000.50, scale 2). Trailing zeros beyond the sixth
//! decimal are dropped; any other seventh decimal is [`AmountError::TooPrecise`]. A magnitude above
//! [`MAX_AMOUNT`] is [`AmountError::TooLarge`]. Exponents (`1e5`), letters, two signs and every
//! other character are [`AmountError::Invalid`].
//!
//! # Machine amounts ([`parse_decimal`])
//!
//! The exchange format writes amounts as `-1234.5`; [`parse_decimal`] reads that form and the JSON
//! number grammar (`1.5e3`), with the same bounds.

mod amount;
mod count;
mod date;
mod siren;

pub use amount::parse_amount;
pub use amount::parse_decimal;
pub use amount::AmountError;
pub use amount::MAX_AMOUNT;
pub use amount::MAX_DECIMALS;
pub use count::parse_count;
pub use count::CountError;
pub use date::{parse_compact_date, parse_day_month_year, parse_iso_date};
pub use siren::validate_siren;
pub use siren::SirenError;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testutil::d;
    use rust_decimal::Decimal;

    fn amount(s: &str) -> Result<Option<Decimal>, AmountError> {
        parse_amount(s)
    }

    #[test]
    fn max_amount_is_ten_to_the_fifteen() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
    }

    #[test]
    fn blank_is_absent() {
        assert_eq!(amount(""), Ok(None));
        assert_eq!(amount("  \u{a0}\t"), Ok(None));
    }

    #[test]
    fn french_and_english_forms() {
        assert_eq!(amount("1 234 567,89"), Ok(Some(d("1234567.89"))));
        assert_eq!(amount("1234567.89"), Ok(Some(d("1234567.89"))));
        assert_eq!(amount("1,234,567.89"), Ok(Some(d("1234567.89"))));
        assert_eq!(amount("1.234.567,89"), Ok(Some(d("1234567.89"))));
        assert_eq!(amount("-12 000"), Ok(Some(d("-12000"))));
        assert_eq!(amount("\u{2212}12\u{202f}000"), Ok(Some(d("-12000"))));
        assert_eq!(amount("+5"), Ok(Some(d("5"))));
        assert_eq!(amount("12 000 €"), Ok(Some(d("12000"))));
        assert_eq!(amount("€12000"), Ok(Some(d("12000"))));
    }

    #[test]
    fn single_separator_is_decimal() {
        assert_eq!(amount("1,234"), Ok(Some(d("1.234"))));
        assert_eq!(amount("1.234"), Ok(Some(d("1.234"))));
        assert_eq!(amount("1,234,567"), Ok(Some(d("1234567"))));
    }

    #[test]
    fn refusals() {
        assert_eq!(amount("12a"), Err(AmountError::Invalid));
        assert_eq!(amount("1,2,3.4.5"), Err(AmountError::Invalid));
        assert_eq!(amount("--5"), Err(AmountError::Invalid));
        assert_eq!(amount("1e5"), Err(AmountError::Invalid));
        assert_eq!(amount("1 2"), Err(AmountError::Grouping));
        assert_eq!(amount("0,0000001"), Err(AmountError::TooPrecise));
        assert_eq!(amount("1000000000000000,01"), Err(AmountError::TooLarge));
    }

    #[test]
    fn machine_decimals() {
        assert_eq!(parse_decimal("-1234.5"), Ok(d("-1234.5")));
        assert_eq!(
            parse_decimal("21000.50").map(|v| v.to_string()),
            Ok("21000.50".into())
        );
        assert_eq!(parse_decimal("1.5e3"), Ok(d("1500")));
        assert_eq!(parse_decimal("15e-1"), Ok(d("1.5")));
        assert_eq!(parse_decimal("1e21"), Err(AmountError::TooLarge));
        assert_eq!(parse_decimal("1e15"), Ok(MAX_AMOUNT));
        assert_eq!(parse_decimal("1e-7"), Err(AmountError::TooPrecise));
        assert_eq!(parse_decimal("1 000"), Err(AmountError::Invalid));
        assert_eq!(parse_decimal("1."), Err(AmountError::Invalid));
        assert_eq!(parse_decimal(".5"), Err(AmountError::Invalid));
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count(" 1 200 "), Ok(Some(1200)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("-3"), Err(CountError::Negative));
        assert_eq!(parse_count("2,5"), Err(CountError::NotWhole));
        assert_eq!(parse_count("4294967296"), Err(CountError::TooLarge));
        assert_eq!(parse_count("4294967295"), Ok(Some(u32::MAX)));
    }

    #[test]
    fn siren() {
        assert_eq!(validate_siren("552 100 554"), Ok(()));
        assert_eq!(validate_siren("552100555"), Err(SirenError::Checksum));
        assert_eq!(validate_siren("55210055"), Err(SirenError::Length));
        assert_eq!(validate_siren("55210055a"), Err(SirenError::NotDigits));
    }
}
