//! The encours at the end of each of the last months, rebuilt from the ledger's items, for the
//! chart beside the sales by month. A ledger keeps the items closed in the last 12 months with
//! their payment dates, so the past can be approximated: a closed item counts for its whole
//! amount from its date to its settlement (`paid_on`, else its own date: a payment or a credit
//! note settles as it is issued); an item still open counts for what remains of it today from
//! its date on (when a part of it was paid is not known). At `as_of` the figure is the encours.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::figure::saturating_add;
use crate::domain::receivables::dates::{month_end, month_start, months_before};
use crate::domain::receivables::ledger::{Item, Ledger};

/// What `item` counts for in the encours at the end of day `at`.
fn at_day(item: &Item, at: NaiveDate) -> Decimal {
    if item.issued_on > at {
        return Decimal::ZERO;
    }
    if !item.open.is_zero() {
        return item.open;
    }
    match item.paid_on {
        Some(paid) if paid > at => item.amount,
        _ => Decimal::ZERO,
    }
}

/// The encours at the end of each of the `months` last calendar months, oldest first; the last
/// one is D's month, at D.
pub fn encours_by_month(ledger: &Ledger, months: u32) -> Vec<(NaiveDate, Decimal)> {
    let d = ledger.as_of;
    (0..months)
        .rev()
        .filter_map(|k| {
            let day = if k == 0 {
                d
            } else {
                month_end(months_before(month_start(d), k)?)
            };
            let sum = ledger
                .items
                .iter()
                .fold(Decimal::ZERO, |acc, i| saturating_add(acc, at_day(i, day)));
            Some((month_start(day), sum))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::receivables::ledger::ItemKind;
    use crate::domain::testutil::d;

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    fn item(issued: NaiveDate, amount: &str, open: &str, paid: Option<NaiveDate>) -> Item {
        Item {
            reference: String::new(),
            kind: ItemKind::Invoice,
            issued_on: issued,
            due_on: None,
            amount: d(amount),
            open: d(open),
            paid_on: paid,
            disputed: false,
            actions: Vec::new(),
        }
    }

    #[test]
    fn rebuilds_the_last_month_ends_from_the_items() {
        let mut l = Ledger::new(date(2025, 3, 20));
        // 1 000 issued 10/01, paid 15/02; 500 issued 20/02, still open; 300 issued 05/03 of which
        // 100 remains.
        l.items = vec![
            item(date(2025, 1, 10), "1000", "0", Some(date(2025, 2, 15))),
            item(date(2025, 2, 20), "500", "500", None),
            item(date(2025, 3, 5), "300", "100", None),
        ];
        let got = encours_by_month(&l, 3);
        // 31/01: the 1 000 not yet paid → 1 000. 28/02: 1 000 paid on 15/02, 500 open → 500.
        // 20/03 (D): 500 + 100 = 600, the encours.
        assert_eq!(
            got,
            vec![
                (date(2025, 1, 1), d("1000")),
                (date(2025, 2, 1), d("500")),
                (date(2025, 3, 1), d("600")),
            ]
        );
    }
}
