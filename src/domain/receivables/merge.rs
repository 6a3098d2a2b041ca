//! What an import does to one client's ledger (docs/receivables.md §1, §3, §4): the source's
//! customer merged into the stored ledger, due dates computed from the client's terms, old closed
//! items dropped. Pure: the workspace calls it once for the dialogue's preview and once to apply.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::dates::{due_date, month_start, months_before, EndOfMonthRule};
use super::ledger::{Item, ItemKind, Ledger, MonthSales, MAX_MONTHS};
use super::source::{CsvMode, SourceCustomer, SourceKind};
use crate::domain::client::Trade;

/// What an import changes in one ledger, for the dialogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    /// Items not stored before.
    pub added: usize,
    /// Stored open items the import closes.
    pub closed: usize,
    /// Stored items whose open amount, due date or payment date change.
    pub updated: usize,
    /// Σ open before and after (the encours).
    pub encours_before: Decimal,
    pub encours_after: Decimal,
}

/// Items from one source match stored ones on (`ref`, `issued_on`, `amount`).
fn same_item(a: &Item, b: &Item) -> bool {
    a.reference == b.reference && a.issued_on == b.issued_on && a.amount == b.amount
}

fn encours(items: &[Item]) -> Decimal {
    items.iter().map(|i| i.open).sum()
}

/// The ledger after importing `customer` from a source of `kind` at `as_of` into `stored` (the
/// file's ledger, if any), with the file's `trade` terms for due dates.
pub fn merge(
    stored: Option<&Ledger>,
    customer: &SourceCustomer,
    kind: SourceKind,
    as_of: NaiveDate,
    trade: &Trade,
    rule: EndOfMonthRule,
) -> (Ledger, Changes) {
    let mut ledger = stored.cloned().unwrap_or_else(|| Ledger::new(as_of));
    let mut changes = Changes {
        encours_before: encours(&ledger.items),
        ..Changes::default()
    };
    if !ledger.customer_codes.iter().any(|c| c == &customer.code) {
        ledger.customer_codes.push(customer.code.clone());
    }
    match kind {
        SourceKind::Fec => replace_items(&mut ledger, customer, &mut changes),
        SourceKind::OpenItems(mode) => {
            update_items(&mut ledger, customer, mode, as_of, &mut changes)
        }
    }
    ledger.history_from = match (ledger.history_from, customer.history_from) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    for event in &customer.events {
        if !ledger.events.contains(event) {
            ledger.events.push(*event);
        }
    }
    ledger.as_of = as_of;
    fill_due_dates(&mut ledger, trade, rule);
    drop_old_closed(&mut ledger);
    ledger.months.retain(|m| m.month <= as_of);
    ledger.months.sort_by_key(|m| m.month);
    let excess = ledger.months.len().saturating_sub(MAX_MONTHS);
    ledger.months.drain(..excess);
    ledger
        .items
        .sort_by(|a, b| (a.issued_on, &a.reference).cmp(&(b.issued_on, &b.reference)));
    changes.encours_after = encours(&ledger.items);
    (ledger, changes)
}

/// A FEC is the whole account up to `as_of`: its items replace the stored ones, which keep only
/// what the books do not hold (disputed, the dunning actions done).
fn replace_items(ledger: &mut Ledger, customer: &SourceCustomer, changes: &mut Changes) {
    let mut items = Vec::with_capacity(customer.items.len());
    for item in &customer.items {
        let mut item = item.clone();
        match ledger.items.iter().find(|s| same_item(s, &item)) {
            Some(stored) => {
                item.disputed = stored.disputed;
                item.actions = stored.actions.clone();
                if item.due_on.is_none() {
                    item.due_on = stored.due_on;
                }
                if stored.open != item.open || stored.paid_on != item.paid_on {
                    if item.open.is_zero() && !stored.open.is_zero() {
                        changes.closed += 1;
                    } else {
                        changes.updated += 1;
                    }
                }
            }
            None => changes.added += 1,
        }
        items.push(item);
    }
    ledger.items = items;
    for m in &customer.months {
        match ledger.months.iter_mut().find(|s| s.month == m.month) {
            Some(stored) => stored.sales = m.sales,
            None => ledger.months.push(*m),
        }
    }
}

/// An open-items file updates the items it lists; in stock mode it also closes the stored open
/// items it does not list (paid on `as_of`). New invoices and credit notes add to their month's
/// sales; items already stored do not, so importing the same file twice counts them once.
fn update_items(
    ledger: &mut Ledger,
    customer: &SourceCustomer,
    mode: CsvMode,
    as_of: NaiveDate,
    changes: &mut Changes,
) {
    let mut listed = vec![false; ledger.items.len()];
    for item in &customer.items {
        match ledger.items.iter().position(|s| same_item(s, item)) {
            Some(i) => {
                if let Some(seen) = listed.get_mut(i) {
                    *seen = true;
                }
                let Some(stored) = ledger.items.get_mut(i) else {
                    continue;
                };
                let due_on = item.due_on.or(stored.due_on);
                if stored.open != item.open
                    || stored.paid_on != item.paid_on
                    || stored.due_on != due_on
                {
                    if item.open.is_zero() && !stored.open.is_zero() {
                        changes.closed += 1;
                    } else {
                        changes.updated += 1;
                    }
                    stored.open = item.open;
                    stored.paid_on = item.paid_on;
                    stored.due_on = due_on;
                }
            }
            None => {
                changes.added += 1;
                if matches!(item.kind, ItemKind::Invoice | ItemKind::CreditNote) {
                    add_to_month(&mut ledger.months, item.issued_on, item.amount);
                }
                ledger.items.push(item.clone());
            }
        }
    }
    if mode == CsvMode::Stock {
        for (stored, seen) in ledger.items.iter_mut().zip(listed) {
            if !seen && !stored.open.is_zero() {
                stored.open = Decimal::ZERO;
                stored.paid_on = (stored.kind == ItemKind::Invoice).then_some(as_of);
                changes.closed += 1;
            }
        }
    }
}

fn add_to_month(months: &mut Vec<MonthSales>, day: NaiveDate, amount: Decimal) {
    let month = month_start(day);
    match months.iter_mut().find(|m| m.month == month) {
        Some(m) => m.sales += amount,
        None => months.push(MonthSales {
            month,
            sales: amount,
        }),
    }
}

/// Every debit gets a due date: the source's, else the client's terms (30 days net when the
/// file has none, and the ledger says so).
fn fill_due_dates(ledger: &mut Ledger, trade: &Trade, rule: EndOfMonthRule) {
    let mut defaulted = false;
    for item in ledger
        .items
        .iter_mut()
        .filter(|i| i.is_debit() && i.due_on.is_none())
    {
        let (due, default) = due_date(item.issued_on, trade.terms_days, trade.terms_basis, rule);
        item.due_on = Some(due);
        defaulted |= default;
    }
    ledger.default_terms = defaulted || (ledger.default_terms && trade.terms_days.is_none());
}

/// A ledger keeps its open items and the items closed in the 12 months before `as_of`.
fn drop_old_closed(ledger: &mut Ledger) {
    let Some(horizon) = months_before(ledger.as_of, 12) else {
        return;
    };
    ledger
        .items
        .retain(|i| !i.open.is_zero() || i.paid_on.unwrap_or(i.issued_on) > horizon);
}
