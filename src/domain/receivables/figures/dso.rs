//! Days sales outstanding of a client (docs/receivables.md §5): the count-back DSO (*fixed*),
//! which eats the encours month by month backwards through the sales, and the accounting DSO,
//! encours over twelve months of sales × 365.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::Absent;
use crate::domain::figure::{over, plus, saturating_add, saturating_sub, times};
use crate::domain::receivables::dates::{add_days, days_in_month, month_start, months_before};
use crate::domain::receivables::ledger::{ItemKind, Ledger};

/// The last month the count back may read: month 23, two years back with D's month.
pub const LAST_MONTH: u32 = 23;

/// The first day of month `k` (0 = D's month, k = the k-th calendar month before).
fn month_k_start(as_of: NaiveDate, k: u32) -> Option<NaiveDate> {
    months_before(month_start(as_of), k)
}

/// The days month `k` counts: D's day of the month for month 0 (so a D at a month's end counts
/// the whole month), the calendar days for the others.
pub fn month_days(as_of: NaiveDate, k: u32) -> u32 {
    if k == 0 {
        return as_of.day();
    }
    month_k_start(as_of, k).map_or(0, days_in_month)
}

/// Sales of month `k` (0 = D's month) from `ledger.months`; `None` when the ledger has no entry
/// for that month. Two entries for one month (a hand-made ledger) are added together.
pub fn month_sales(ledger: &Ledger, k: u32) -> Option<Decimal> {
    let start = month_k_start(ledger.as_of, k)?;
    ledger
        .months
        .iter()
        .filter(|m| month_start(m.month) == start)
        .fold(None, |acc, m| {
            Some(saturating_add(acc.unwrap_or(Decimal::ZERO), m.sales))
        })
}

/// Sales in (D − 12 months, D]: Σ `amount` of the `invoice` and `credit_note` items issued in
/// that interval (credit notes are negative).
pub fn sales_last_12_months(ledger: &Ledger) -> Decimal {
    let Some(after) = months_before(ledger.as_of, 12) else {
        return Decimal::ZERO;
    };
    ledger
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Invoice | ItemKind::CreditNote))
        .filter(|i| i.issued_on > after && i.issued_on <= ledger.as_of)
        .fold(Decimal::ZERO, |acc, i| saturating_add(acc, i.amount))
}

/// The first day the ledger covers: `history_from`, else the first day of its earliest stored
/// month (the rule of the CSV imports); `None` when it has neither.
pub fn history_start(ledger: &Ledger) -> Option<NaiveDate> {
    ledger
        .history_from
        .or_else(|| ledger.months.iter().map(|m| month_start(m.month)).min())
}

/// The count-back DSO of `r` (the encours, or the encours less the overdue), unrounded: 0 when
/// `r` ≤ 0; absent when `r` is still > 0 after the month holding the history's first day, or
/// after month 23.
pub fn count_back(ledger: &Ledger, r: Decimal) -> Result<Decimal, Absent> {
    if r <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    let history = history_start(ledger);
    let mut rest = r;
    let mut dso = Decimal::ZERO;
    for k in 0..=LAST_MONTH {
        let start = month_k_start(ledger.as_of, k).ok_or(Absent::OutOfRange)?;
        let days = Decimal::from(month_days(ledger.as_of, k));
        match month_sales(ledger, k) {
            Some(sales) if sales > Decimal::ZERO => {
                if rest <= sales {
                    // rest / sales ≤ 1 and days ≤ 31: only the checked helpers' form can fail.
                    return over(rest, sales)
                        .and_then(|part| times(part, days))
                        .and_then(|part| plus(dso, part))
                        .ok_or(Absent::OutOfRange);
                }
                rest = saturating_sub(rest, sales);
                dso = saturating_add(dso, days);
            }
            // No entry, zero or negative sales: the month is counted whole and R is unchanged.
            _ => dso = saturating_add(dso, days),
        }
        // This month holds the history's first day (or is after it): nothing older to read.
        if history.is_some_and(|h| h >= start) {
            return Err(Absent::HistoryTooShort);
        }
    }
    Err(Absent::HistoryTooShort)
}

/// The accounting DSO: encours / sales in (D − 12 months, D] × 365, unrounded; 0 when the
/// encours is ≤ 0; absent when the history starts after D − 12 months + 1 day (or is unknown),
/// or when those sales are ≤ 0.
pub fn accounting(ledger: &Ledger, encours: Decimal) -> Result<Decimal, Absent> {
    if encours <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    let after = months_before(ledger.as_of, 12).ok_or(Absent::OutOfRange)?;
    let history = history_start(ledger).ok_or(Absent::HistoryTooShort)?;
    if history > add_days(after, 1) {
        return Err(Absent::HistoryTooShort);
    }
    let sales = sales_last_12_months(ledger);
    if sales <= Decimal::ZERO {
        return Err(Absent::NoSales);
    }
    over(encours, sales)
        .and_then(|q| times(q, Decimal::from(365)))
        .ok_or(Absent::OutOfRange)
}
