//! Whole numbers as people type them (a count of employees, days, months).

use crate::domain::lang::Lang;
use std::fmt;

use super::amount::*;

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
