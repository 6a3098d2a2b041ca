//! What users type, turned into values or a message in their language.
//!
//! A thin layer over `crate::domain::parse` (the parsers live in the domain, where they are
//! property-tested); the UI only picks the message language.

use crate::domain::lang::Lang;
use rust_decimal::Decimal;

use crate::domain::parse;

/// An amount ("1 234 567,89", "1234567.89", "-12 000"); empty is absent.
pub fn amount(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    parse::parse_amount(text).map_err(|e| e.message(lang))
}

/// A whole count (days, incidents, headcount); empty is absent.
pub fn count(text: &str, lang: Lang) -> Result<Option<u32>, String> {
    parse::parse_count(text).map_err(|e| e.message(lang))
}

/// A SIREN: nine digits with the Luhn check; empty is accepted (not given).
pub fn siren(text: &str, lang: Lang) -> Result<(), String> {
    if text.trim().is_empty() {
        return Ok(());
    }
    parse::validate_siren(text).map_err(|e| e.message(lang))
}

/// A fiscal year's duration in months, 1–24.
pub fn duration(text: &str, lang: Lang) -> Result<Option<u8>, String> {
    let french = lang.is_fr();
    let n = count(text, lang)?;
    match n {
        None => Ok(None),
        Some(m) if (1..=24).contains(&m) => Ok(Some(m as u8)),
        Some(_) => Err(if french {
            "Durée de l'exercice : de 1 à 24 mois.".to_string()
        } else {
            "Fiscal year length: 1 to 24 months.".to_string()
        }),
    }
}
