//! A SIREN: nine digits with a valid Luhn key.

use crate::domain::lang::Lang;
use std::fmt;

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
pub(super) fn luhn_valid(digits: &[u32]) -> bool {
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
