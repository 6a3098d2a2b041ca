//! The documents of an open-items CSV gathered per customer: its items, its attributes, its
//! monthly sales (docs/receivables.md §1 and §3).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::receivables::dates::{month_start, months_before};
use crate::domain::receivables::ledger::{Item, ItemKind, MonthSales, MAX_MONTHS};
use crate::domain::receivables::source::SourceCustomer;

/// One document line, read.
#[derive(Debug, Clone)]
pub(super) struct Document<'a> {
    pub code: &'a str,
    pub name: Option<&'a str>,
    pub siren: Option<String>,
    pub sales_rep: Option<&'a str>,
    pub item: Item,
}

#[derive(Debug, Default)]
struct Customer {
    name: String,
    siren: Option<String>,
    sales_rep: Option<String>,
    items: Vec<Item>,
    months: BTreeMap<NaiveDate, Decimal>,
}

/// The customers of the file, by code.
#[derive(Debug)]
pub(super) struct Customers {
    by_code: BTreeMap<String, Customer>,
    /// The first month kept: the 24 calendar months ending with `as_of`'s.
    first_month: NaiveDate,
    /// Closed items whose closing is on or before this day are dropped (12 months before
    /// `as_of`).
    closed_floor: NaiveDate,
}

impl Customers {
    pub fn new(as_of: NaiveDate) -> Self {
        let span = u32::try_from(MAX_MONTHS - 1).unwrap_or(23);
        Customers {
            by_code: BTreeMap::new(),
            first_month: month_start(months_before(as_of, span).unwrap_or(NaiveDate::MIN)),
            closed_floor: months_before(as_of, 12).unwrap_or(NaiveDate::MIN),
        }
    }

    /// Adds a document issued on or before `as_of`; false when it was a closed item older than
    /// the 12 months a ledger keeps, dropped (its sales are still counted).
    pub fn add(&mut self, doc: Document<'_>) -> bool {
        let customer = self.by_code.entry(doc.code.to_string()).or_default();
        // The last non-empty value seen for the code wins: exports list the current name.
        if let Some(name) = doc.name {
            customer.name = name.to_string();
        }
        if doc.siren.is_some() {
            customer.siren = doc.siren;
        }
        if let Some(rep) = doc.sales_rep {
            customer.sales_rep = Some(rep.to_string());
        }
        let item = doc.item;
        // "CSV imports add their invoices to the month's sales": invoices and credit notes by
        // calendar month of issue; the import merges them with the stored months.
        if matches!(item.kind, ItemKind::Invoice | ItemKind::CreditNote) {
            let month = month_start(item.issued_on);
            if month >= self.first_month {
                *customer.months.entry(month).or_default() += item.amount;
            }
        }
        let closed_on = item.paid_on.unwrap_or(item.issued_on);
        if item.open.is_zero() && closed_on <= self.closed_floor {
            return false;
        }
        customer.items.push(item);
        true
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    /// The customers sorted by code; `history_from` is the first day of the first stored month.
    pub fn finish(self) -> Vec<SourceCustomer> {
        self.by_code
            .into_iter()
            .map(|(code, c)| {
                let months: Vec<MonthSales> = c
                    .months
                    .into_iter()
                    .map(|(month, sales)| MonthSales { month, sales })
                    .collect();
                SourceCustomer {
                    code,
                    name: c.name,
                    siren: c.siren,
                    sales_rep: c.sales_rep,
                    items: c.items,
                    history_from: months.first().map(|m| m.month),
                    months,
                    events: Vec::new(),
                }
            })
            .collect()
    }
}
