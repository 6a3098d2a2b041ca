//! The values of one cell: dates, kinds, SIRENs (docs/receivables.md §3).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::mapping::header_key;
use crate::domain::parse::{parse_day_month_year, parse_iso_date, validate_siren};
use crate::domain::receivables::ledger::ItemKind;

/// A real calendar date written `JJ/MM/AAAA`, `AAAA-MM-JJ` or `JJ.MM.AAAA` (`31/02/2025` is
/// none). Two-digit days and months, four-digit years, nothing else on the cell.
pub fn parse_csv_date(s: &str) -> Option<NaiveDate> {
    parse_iso_date(s).or_else(|| parse_day_month_year(s, b"/."))
}

/// The kind named by a `type` cell, when the word is one an ERP writes (case, accents, `-`
/// and `_` ignored); the exchange format's keys are accepted too.
fn kind_word(cell: &str) -> Option<ItemKind> {
    let word = header_key(&cell.replace('-', " "));
    let kind = match word.as_str() {
        "facture" | "fact" | "fac" | "invoice" | "inv" => ItemKind::Invoice,
        "avoir" | "av" | "credit note" | "cn" => ItemKind::CreditNote,
        "reglement" | "regl" | "paiement" | "payment" | "encaissement" | "virement" | "cheque"
        | "prelevement" => ItemKind::Payment,
        "a nouveau" | "a nouveaux" | "report a nouveau" | "ouverture" | "opening" => {
            ItemKind::Opening
        }
        "autre" | "other" | "divers" | "od" => ItemKind::Other,
        _ => return ItemKind::from_key(&word.replace(' ', "_")),
    };
    Some(kind)
}

/// The kind of a document. A `type` word is taken when its sign agrees (an invoice is a debit,
/// a credit note or a payment a credit; opening and other go either way); a word that
/// contradicts the sign gives `other`. Without a recognised word, by sign: a debit is an
/// invoice, a credit is `other` — an aged balance's credits are as often unapplied payments as
/// credit notes, and counting a payment as a credit note would take it off the month's sales.
pub fn kind_of(type_cell: Option<&str>, amount: Decimal) -> ItemKind {
    let debit = amount > Decimal::ZERO;
    match type_cell.and_then(kind_word) {
        Some(ItemKind::Invoice) if !debit => ItemKind::Other,
        Some(ItemKind::CreditNote | ItemKind::Payment) if debit => ItemKind::Other,
        Some(kind) => kind,
        None if debit => ItemKind::Invoice,
        None => ItemKind::Other,
    }
}

/// The SIREN of a `siren` or `siret` cell: 9 digits, or a SIRET's 14 whose first 9 are the
/// SIREN (spaces, dots and dashes ignored), with a valid Luhn key. Anything else is no SIREN:
/// the value is ignored, the file is not refused (matching falls back to the customer code).
pub fn siren_of(cell: &str) -> Option<String> {
    let digits: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
        .collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 9 | 14) {
        return None;
    }
    let siren = digits.get(..9)?.to_string();
    validate_siren(&siren).is_ok().then_some(siren)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_three_forms_and_real_ones_only() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 7);
        assert_eq!(parse_csv_date("07/03/2025"), d);
        assert_eq!(parse_csv_date("2025-03-07"), d);
        assert_eq!(parse_csv_date("07.03.2025"), d);
        assert_eq!(parse_csv_date("29/02/2025"), None);
        assert_eq!(
            parse_csv_date("29/02/2024"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(parse_csv_date("07/03.2025"), None);
        assert_eq!(parse_csv_date("7/3/2025"), None);
        assert_eq!(parse_csv_date("20250307"), None);
        assert_eq!(parse_csv_date("é7/03/2025"), None);
        assert_eq!(parse_csv_date("+7/03/2025"), None);
    }

    #[test]
    fn kinds_by_word_then_sign() {
        let plus = Decimal::ONE;
        let minus = Decimal::NEGATIVE_ONE;
        assert_eq!(kind_of(Some("Facture"), plus), ItemKind::Invoice);
        assert_eq!(kind_of(Some("AVOIR"), minus), ItemKind::CreditNote);
        assert_eq!(kind_of(Some("Credit note"), minus), ItemKind::CreditNote);
        assert_eq!(kind_of(Some("Règlement"), minus), ItemKind::Payment);
        assert_eq!(kind_of(Some("À-nouveau"), plus), ItemKind::Opening);
        assert_eq!(kind_of(Some("credit_note"), minus), ItemKind::CreditNote);
        assert_eq!(kind_of(Some("Facture"), minus), ItemKind::Other);
        assert_eq!(kind_of(Some("Paiement"), plus), ItemKind::Other);
        assert_eq!(kind_of(Some("XYZ"), plus), ItemKind::Invoice);
        assert_eq!(kind_of(None, minus), ItemKind::Other);
        assert_eq!(kind_of(Some(""), plus), ItemKind::Invoice);
    }

    #[test]
    fn sirens_from_siren_or_siret() {
        assert_eq!(siren_of("552 100 554"), Some("552100554".into()));
        assert_eq!(siren_of("552 100 554 00013"), Some("552100554".into()));
        assert_eq!(siren_of("552100555"), None); // Luhn key wrong
        assert_eq!(siren_of("55210055"), None);
        assert_eq!(siren_of("5521005540001"), None);
        assert_eq!(siren_of("FR55210055"), None);
        assert_eq!(siren_of(""), None);
    }
}
