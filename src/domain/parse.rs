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

use crate::domain::lang::Lang;
use chrono::NaiveDate;
use std::fmt;

use rust_decimal::Decimal;

/// Largest magnitude of an amount: 10^15. No real balance-sheet line is larger, and bounding the
/// inputs keeps all engine arithmetic far from `Decimal` overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// Most decimal places an amount may carry.
pub const MAX_DECIMALS: usize = 6;

/// Digits of the integer part of [`MAX_AMOUNT`].
const MAX_INT_DIGITS: usize = 16;

/// Why a typed amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountError {
    /// A character or an arrangement that is not an amount ("12a", "--5", "1e5", "-").
    Invalid,
    /// Thousands separators that do not split groups of three digits ("1 2", "1,2,3").
    Grouping,
    /// Magnitude above [`MAX_AMOUNT`].
    TooLarge,
    /// More than [`MAX_DECIMALS`] decimal places.
    TooPrecise,
}

impl AmountError {
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        let s = match (self, french) {
            (AmountError::Invalid, true) => {
                "Montant invalide : utilisez des chiffres, une virgule ou un point pour les \
                 décimales (ex. 1 234 567,89)"
            }
            (AmountError::Invalid, false) => {
                "Invalid amount: use digits, with a point or a comma for decimals \
                 (e.g. 1,234,567.89)"
            }
            (AmountError::Grouping, true) => {
                "Montant invalide : les séparateurs de milliers doivent isoler des groupes de \
                 3 chiffres (ex. 1 234 567,89)"
            }
            (AmountError::Grouping, false) => {
                "Invalid amount: thousands separators must split the digits into groups of \
                 three (e.g. 1,234,567.89)"
            }
            (AmountError::TooLarge, true) => {
                "Montant trop grand : au plus 1 000 000 000 000 000 en valeur absolue"
            }
            (AmountError::TooLarge, false) => {
                "Amount too large: at most 1,000,000,000,000,000 either way"
            }
            (AmountError::TooPrecise, true) => "Trop de décimales : 6 au plus",
            (AmountError::TooPrecise, false) => "Too many decimal places: 6 at most",
        };
        s.to_string()
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AmountError {}

/// Spaces accepted between digit groups.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// An amount from its sign and its ASCII digit strings (either may be empty), within bounds.
fn build(negative: bool, int: &str, frac: &str) -> Result<Decimal, AmountError> {
    let int = int.trim_start_matches('0');
    if int.len() > MAX_INT_DIGITS {
        return Err(AmountError::TooLarge);
    }
    let frac = if frac.len() > MAX_DECIMALS {
        if frac.trim_end_matches('0').len() > MAX_DECIMALS {
            return Err(AmountError::TooPrecise);
        }
        frac.get(..MAX_DECIMALS).unwrap_or(frac)
    } else {
        frac
    };
    // At most 16 + 6 digits: far inside i128 and Decimal's 28 digits.
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return Err(AmountError::Invalid);
        }
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    if negative {
        mantissa = -mantissa;
    }
    // frac.len() ≤ 6 here.
    let value = Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32)
        .map_err(|_| AmountError::TooLarge)?;
    if value.abs() > MAX_AMOUNT {
        return Err(AmountError::TooLarge);
    }
    Ok(value)
}

/// Removes the currency sign and the sign; returns whether the amount is negative and the number.
fn strip_sign_and_currency(s: &str) -> Result<(bool, &str), AmountError> {
    let mut rest = s;
    let mut euro = false;
    if let Some(r) = rest.strip_suffix('€') {
        rest = r.trim_end();
        euro = true;
    }
    if let Some(r) = rest.strip_prefix('€') {
        if euro {
            return Err(AmountError::Invalid);
        }
        rest = r.trim_start();
        euro = true;
    }
    let mut negative = false;
    let mut chars = rest.chars();
    match chars.next() {
        Some('-' | '\u{2212}') => {
            negative = true;
            rest = chars.as_str().trim_start();
        }
        Some('+') => rest = chars.as_str().trim_start(),
        _ => {}
    }
    if !euro {
        if let Some(r) = rest.strip_prefix('€') {
            rest = r.trim_start();
        }
    }
    if rest.is_empty() {
        return Err(AmountError::Invalid);
    }
    Ok((negative, rest))
}

/// Checks the thousands grouping of an integer part and returns its digits.
fn ungroup(int: &str, thousands: Option<char>) -> Result<String, AmountError> {
    let is_sep = |c: char| is_group_space(c) || Some(c) == thousands;
    if !int.chars().any(is_sep) {
        return Ok(int.to_string());
    }
    let uses_space = int.chars().any(is_group_space);
    let uses_mark = thousands.is_some_and(|t| int.contains(t));
    if uses_space && uses_mark {
        return Err(AmountError::Grouping);
    }
    let mut digits = String::with_capacity(int.len());
    for (i, group) in int.split(is_sep).enumerate() {
        let n = group.len();
        let ok = if i == 0 { (1..=3).contains(&n) } else { n == 3 };
        if !ok || !group.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AmountError::Grouping);
        }
        digits.push_str(group);
    }
    Ok(digits)
}

/// Splits the number into the digits of its integer and decimal parts.
fn split_number(body: &str) -> Result<(String, String), AmountError> {
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c)))
    {
        return Err(AmountError::Invalid);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (decimal, thousands) = match (commas, dots) {
        (0, 0) => (None, None),
        (1, 0) => (Some(','), None),
        (0, 1) => (Some('.'), None),
        (_, 0) => (None, Some(',')),
        (0, _) => (None, Some('.')),
        _ => {
            let last_comma = body.rfind(',');
            let last_dot = body.rfind('.');
            if last_comma > last_dot {
                if commas != 1 {
                    return Err(AmountError::Invalid);
                }
                (Some(','), Some('.'))
            } else {
                if dots != 1 {
                    return Err(AmountError::Invalid);
                }
                (Some('.'), Some(','))
            }
        }
    };
    let (int, frac) = match decimal.and_then(|d| body.split_once(d)) {
        Some((int, frac)) => (int, frac),
        None => (body, ""),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::Invalid);
    }
    if int.is_empty() && frac.is_empty() {
        return Err(AmountError::Invalid);
    }
    if int.is_empty() {
        return Ok((String::new(), frac.to_string()));
    }
    Ok((ungroup(int, thousands)?, frac.to_string()))
}

/// An amount typed by a user, the French or the English way (see the module documentation).
/// Empty or blank input is `Ok(None)`: absent, not zero.
pub fn parse_amount(input: &str) -> Result<Option<Decimal>, AmountError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (negative, body) = strip_sign_and_currency(s)?;
    let (int, frac) = split_number(body)?;
    build(negative, &int, &frac).map(Some)
}

/// An amount in machine form: `-?digits(.digits)?`, optionally followed by a JSON exponent
/// (`e`/`E`, optional sign, digits). No spaces, no thousands separators, no leading `+`. The
/// scale written is kept ("21000.50" stays 21000.50) except after an exponent. Bounded by
/// [`MAX_AMOUNT`] and [`MAX_DECIMALS`] like [`parse_amount`].
pub fn parse_decimal(s: &str) -> Result<Decimal, AmountError> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (
            rest.get(..i).unwrap_or(""),
            Some(rest.get(i + 1..).unwrap_or("")),
        ),
        None => (rest, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => {
            if frac.is_empty() {
                return Err(AmountError::Invalid);
            }
            (int, frac)
        }
        None => (mantissa, ""),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(AmountError::Invalid);
    }
    let Some(exponent) = exponent else {
        return build(negative, int, frac);
    };
    let exp = parse_exponent(exponent)?;
    let digits: String = [int, frac].concat();
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return build(negative, "0", "");
    }
    // Position of the decimal point within `significant`, counted from its first digit.
    let leading_zeros = (digits.len() - significant.len()) as i64;
    let point = int.len() as i64 - leading_zeros + exp;
    if point > MAX_INT_DIGITS as i64 {
        return Err(AmountError::TooLarge);
    }
    if point < -(MAX_DECIMALS as i64) {
        return Err(AmountError::TooPrecise);
    }
    let len = significant.len() as i64;
    if point <= 0 {
        let zeros = "0".repeat(point.unsigned_abs() as usize);
        build(negative, "", &[zeros.as_str(), significant].concat())
    } else if point >= len {
        let zeros = "0".repeat((point - len) as usize);
        build(negative, &[significant, zeros.as_str()].concat(), "")
    } else {
        let at = point as usize;
        let (i, f) = (
            significant.get(..at).unwrap_or(""),
            significant.get(at..).unwrap_or(""),
        );
        build(negative, i, f)
    }
}

/// A JSON exponent, saturated far beyond any amount (the caller only compares it with ±40).
fn parse_exponent(s: &str) -> Result<i64, AmountError> {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..).unwrap_or("")),
        Some(b'+') => (false, s.get(1..).unwrap_or("")),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::Invalid);
    }
    let mut value: i64 = 0;
    for b in digits.bytes() {
        value = (value * 10 + i64::from(b - b'0')).min(1_000_000);
    }
    Ok(if negative { -value } else { value })
}

/// Why a typed whole number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountError {
    /// Not digits (or digit groups that are not groups of three).
    Invalid,
    /// A minus sign: days, headcount and incidents are 0 or more.
    Negative,
    /// A decimal separator: a whole number is expected.
    NotWhole,
    /// Above 4 294 967 295.
    TooLarge,
}

impl CountError {
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        let s = match (self, french) {
            (CountError::Invalid, true) => "Nombre invalide : tapez des chiffres (ex. 45)",
            (CountError::Invalid, false) => "Invalid number: type digits (e.g. 45)",
            (CountError::Negative, true) => "Le nombre ne peut pas être négatif",
            (CountError::Negative, false) => "The number cannot be negative",
            (CountError::NotWhole, true) => "Nombre entier attendu, sans décimales",
            (CountError::NotWhole, false) => "A whole number is expected, without decimals",
            (CountError::TooLarge, true) => "Nombre trop grand",
            (CountError::TooLarge, false) => "Number too large",
        };
        s.to_string()
    }
}

impl fmt::Display for CountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CountError {}

/// A whole number of days, people or incidents: digits, optionally grouped by three with spaces
/// ("1 200"); no sign, no decimals. Empty or blank input is `Ok(None)`.
pub fn parse_count(input: &str) -> Result<Option<u32>, CountError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.starts_with(['-', '\u{2212}']) {
        return Err(CountError::Negative);
    }
    if s.contains([',', '.']) {
        let rest_is_number = s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c));
        return Err(if rest_is_number {
            CountError::NotWhole
        } else {
            CountError::Invalid
        });
    }
    if !s.chars().all(|c| c.is_ascii_digit() || is_group_space(c)) {
        return Err(CountError::Invalid);
    }
    let digits = ungroup(s, None).map_err(|_| CountError::Invalid)?;
    let mut value: u32 = 0;
    for b in digits.bytes() {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u32::from(b - b'0')))
            .ok_or(CountError::TooLarge)?;
    }
    Ok(Some(value))
}

/// Why a SIREN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SirenError {
    /// Not 9 digits.
    Length,
    /// Something other than digits and spaces.
    NotDigits,
    /// The Luhn check digit does not match: a typing error.
    Checksum,
}

impl SirenError {
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        let s = match (self, french) {
            (SirenError::Length, true) => "Le SIREN compte exactement 9 chiffres",
            (SirenError::Length, false) => "A SIREN has exactly 9 digits",
            (SirenError::NotDigits, true) => "Le SIREN ne contient que des chiffres",
            (SirenError::NotDigits, false) => "A SIREN holds digits only",
            (SirenError::Checksum, true) => {
                "SIREN invalide : la clé de contrôle ne correspond pas, vérifiez la saisie"
            }
            (SirenError::Checksum, false) => {
                "Invalid SIREN: the check digit does not match, check what was typed"
            }
        };
        s.to_string()
    }
}

impl fmt::Display for SirenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SirenError {}

/// Checks a SIREN: whitespace ignored, 9 digits, Luhn checksum.
pub fn validate_siren(s: &str) -> Result<(), SirenError> {
    let mut digits = Vec::with_capacity(9);
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => digits.push(d),
            _ => return Err(SirenError::NotDigits),
        }
    }
    if digits.len() != 9 {
        return Err(SirenError::Length);
    }
    if luhn_valid(&digits) {
        Ok(())
    } else {
        Err(SirenError::Checksum)
    }
}

/// Luhn: from the right, every second digit doubled (minus 9 above 9); the sum ends in 0.
fn luhn_valid(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 {
                    dd - 9
                } else {
                    dd
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testutil::d;

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
