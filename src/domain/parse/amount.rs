//! Amounts as people type them (French or English, grouped or not, with a currency sign) and as
//! machines write them (exponents): exact decimals, or why not.

use crate::domain::lang::Lang;
use std::fmt;

use rust_decimal::Decimal;

/// Largest magnitude of an amount: 10^15. No real balance-sheet line is larger, and bounding the
/// inputs keeps all engine arithmetic far from `Decimal` overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// Most decimal places an amount may carry.
pub const MAX_DECIMALS: usize = 6;

/// Digits of the integer part of [`MAX_AMOUNT`].
pub(super) const MAX_INT_DIGITS: usize = 16;

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
pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// An amount from its sign and its ASCII digit strings (either may be empty), within bounds.
pub(super) fn build(negative: bool, int: &str, frac: &str) -> Result<Decimal, AmountError> {
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
pub(super) fn strip_sign_and_currency(s: &str) -> Result<(bool, &str), AmountError> {
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
pub(super) fn ungroup(int: &str, thousands: Option<char>) -> Result<String, AmountError> {
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
pub(super) fn split_number(body: &str) -> Result<(String, String), AmountError> {
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
pub(super) fn parse_exponent(s: &str) -> Result<i64, AmountError> {
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
