//! Which accounts a line touches, what its entry is, and so what kind of document a receivable
//! line is (docs/receivables.md §2, "Kinds").

use rust_decimal::Decimal;

use crate::domain::receivables::ledger::ItemKind;
use crate::domain::receivables::text::fold;

/// The policy's default receivable prefix.
pub const DEFAULT_PREFIX: &str = "411";

/// A prefix the policy may not hold: it would make bank, sales, advance or doubtful-debt lines
/// receivable ones (starts with 413, 416, 5 or 7), or every line (blank).
pub fn forbidden_prefix(prefix: &str) -> bool {
    let p = prefix.trim();
    p.is_empty() || ["413", "416", "5", "7"].iter().any(|f| p.starts_with(f))
}

/// The policy's prefixes, trimmed, without the forbidden ones; the default `411` when none is
/// left, so a bad policy never turns the bank into customers.
pub(super) fn usable_prefixes(prefixes: &[String]) -> Vec<String> {
    let usable: Vec<String> = prefixes
        .iter()
        .filter(|p| !forbidden_prefix(p))
        .map(|p| p.trim().to_string())
        .collect();
    if usable.is_empty() {
        vec![DEFAULT_PREFIX.to_string()]
    } else {
        usable
    }
}

/// The default rule for à-nouveaux journals: code `AN`, `ANO`, `ANC` or `RAN`, or a label
/// holding "nouveau" or "ouverture" (case and accents ignored).
pub fn default_opening(code: &str, label: &str) -> bool {
    let code = fold(code);
    let label = fold(label);
    matches!(code.as_str(), "an" | "ano" | "anc" | "ran")
        || label.contains("nouveau")
        || label.contains("ouverture")
}

/// What an account is, as bits.
pub(super) const RECEIVABLE: u8 = 1;
/// Sales or output VAT: 7…, 4457….
pub(super) const SALES: u8 = 2;
/// Cash or customer advances: 5…, 413….
pub(super) const CASH: u8 = 4;
/// Doubtful debts: 416….
pub(super) const DOUBTFUL: u8 = 8;

/// The bits of `account` under the receivable `prefixes`.
pub(super) fn account_class(account: &str, prefixes: &[String]) -> u8 {
    let mut class = 0;
    if prefixes.iter().any(|p| account.starts_with(p.as_str())) {
        class |= RECEIVABLE;
    }
    if account.starts_with('7') || account.starts_with("4457") {
        class |= SALES;
    }
    if account.starts_with('5') || account.starts_with("413") {
        class |= CASH;
    }
    if account.starts_with("416") {
        class |= DOUBTFUL;
    }
    class
}

/// An entry: the lines sharing `JournalCode`, `EcritureNum` and `EcritureDate`.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Entry {
    /// Σ debit − credit of its lines (0 when it balances).
    pub sum: Decimal,
    /// It has a line on 7… or 4457….
    pub sales: bool,
    /// It has a line on 5… or 413….
    pub cash: bool,
    /// It debits a 416… account.
    pub doubtful_debit: bool,
    /// Its journal is marked à-nouveaux.
    pub opening: bool,
}

impl Entry {
    /// Adds one line on an account of `class` with debit − credit `amount`.
    pub(super) fn add(&mut self, class: u8, amount: Decimal) {
        self.sum += amount;
        self.sales |= class & SALES != 0;
        self.cash |= class & CASH != 0;
        self.doubtful_debit |= class & DOUBTFUL != 0 && amount > Decimal::ZERO;
    }

    /// The kind of a receivable line of this entry with debit − credit `amount` (not 0).
    pub(super) fn kind_of(&self, amount: Decimal) -> ItemKind {
        if self.opening {
            ItemKind::Opening
        } else if amount > Decimal::ZERO {
            if self.sales {
                ItemKind::Invoice
            } else {
                ItemKind::Other
            }
        } else if self.cash {
            ItemKind::Payment
        } else if self.sales {
            ItemKind::CreditNote
        } else {
            ItemKind::Other
        }
    }

    /// A credit of kind `kind` in this entry is a transfer to doubtful debts.
    pub(super) fn is_doubtful(&self, kind: ItemKind, amount: Decimal) -> bool {
        amount < Decimal::ZERO && kind != ItemKind::Opening && self.doubtful_debit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_journals() {
        assert!(forbidden_prefix("413"));
        assert!(forbidden_prefix("4160"));
        assert!(forbidden_prefix("512"));
        assert!(forbidden_prefix("7"));
        assert!(forbidden_prefix(" "));
        assert!(!forbidden_prefix("411"));
        assert!(!forbidden_prefix("41"));
        assert_eq!(
            usable_prefixes(&["512".into(), " 4111 ".into()]),
            vec!["4111".to_string()]
        );
        assert_eq!(usable_prefixes(&[]), vec!["411".to_string()]);
        assert!(default_opening("an", ""));
        assert!(default_opening(" RAN ", ""));
        assert!(default_opening("X", "Journal des À-Nouveaux"));
        assert!(default_opening("OD", "Écritures d'OUVERTURE"));
        assert!(!default_opening("ANX", "Ventes"));
    }

    #[test]
    fn kinds_in_order() {
        let hundred = Decimal::ONE_HUNDRED;
        let mut e = Entry::default();
        e.add(SALES, -hundred);
        assert_eq!(e.kind_of(hundred), ItemKind::Invoice);
        assert_eq!(e.kind_of(-hundred), ItemKind::CreditNote);
        e.add(CASH, hundred);
        // A credit with both a 5… and a 7… line is a payment: tested first.
        assert_eq!(e.kind_of(-hundred), ItemKind::Payment);
        e.opening = true;
        assert_eq!(e.kind_of(hundred), ItemKind::Opening);
        let mut other = Entry::default();
        other.add(DOUBTFUL, hundred);
        assert_eq!(other.kind_of(hundred), ItemKind::Other);
        assert!(other.is_doubtful(ItemKind::Other, -hundred));
        assert!(!other.is_doubtful(ItemKind::Other, hundred));
    }
}
