//! Calendar arithmetic shared by the readers and the figures (docs/receivables.md): "D − n
//! months", month ends, due dates from the client's terms.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::domain::client::TermsBasis;

/// Terms used when the client file has none: 30 days net.
pub const DEFAULT_TERMS_DAYS: u32 = 30;

/// The same day `n` months earlier, or that month's last day when it is shorter (chrono clamps
/// the same way). `None` only before year −262 000, which no ledger reaches.
pub fn months_before(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(n))
}

/// The first day of `d`'s month.
pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The last day of `d`'s month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    month_start(d)
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(d)
}

/// The number of days of `d`'s month.
pub fn days_in_month(d: NaiveDate) -> u32 {
    month_end(d).day()
}

/// `d` plus `days`, saturating at chrono's last date.
pub fn add_days(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// How an end-of-month term is counted (policy option).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EndOfMonthRule {
    /// The last day of the month in which item date + days falls (the default).
    #[default]
    DaysThenMonthEnd,
    /// The last day of the item's month, then + days.
    MonthEndThenDays,
}

/// The due date of a debit issued on `issued_on` under the client's terms; the flag is true when
/// the terms were absent and the default 30 days net was used.
pub fn due_date(
    issued_on: NaiveDate,
    terms_days: Option<u32>,
    basis: TermsBasis,
    rule: EndOfMonthRule,
) -> (NaiveDate, bool) {
    let Some(days) = terms_days else {
        return (add_days(issued_on, DEFAULT_TERMS_DAYS), true);
    };
    let due = match (basis, rule) {
        (TermsBasis::Net, _) => add_days(issued_on, days),
        (TermsBasis::EndOfMonth, EndOfMonthRule::DaysThenMonthEnd) => {
            month_end(add_days(issued_on, days))
        }
        (TermsBasis::EndOfMonth, EndOfMonthRule::MonthEndThenDays) => {
            add_days(month_end(issued_on), days)
        }
    };
    (due, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn months_before_clamps_to_the_shorter_month() {
        assert_eq!(months_before(date(2025, 3, 31), 1), Some(date(2025, 2, 28)));
        assert_eq!(months_before(date(2024, 3, 31), 1), Some(date(2024, 2, 29)));
        assert_eq!(
            months_before(date(2025, 6, 15), 12),
            Some(date(2024, 6, 15))
        );
    }

    #[test]
    fn month_bounds() {
        assert_eq!(month_end(date(2024, 2, 10)), date(2024, 2, 29));
        assert_eq!(month_end(date(2025, 12, 31)), date(2025, 12, 31));
        assert_eq!(days_in_month(date(2025, 4, 1)), 30);
        assert_eq!(month_start(date(2025, 4, 17)), date(2025, 4, 1));
    }

    #[test]
    fn due_dates_by_terms() {
        // 30 days net from 15/01: 14/02.
        let net = due_date(
            date(2025, 1, 15),
            Some(30),
            TermsBasis::Net,
            EndOfMonthRule::default(),
        );
        assert_eq!(net, (date(2025, 2, 14), false));
        // 30 days end of month from 15/01: 14/02 falls in February, whose last day is 28/02.
        let eom = due_date(
            date(2025, 1, 15),
            Some(30),
            TermsBasis::EndOfMonth,
            EndOfMonthRule::DaysThenMonthEnd,
        );
        assert_eq!(eom, (date(2025, 2, 28), false));
        // The other reading: 31/01, then + 30 days = 02/03.
        let other = due_date(
            date(2025, 1, 15),
            Some(30),
            TermsBasis::EndOfMonth,
            EndOfMonthRule::MonthEndThenDays,
        );
        assert_eq!(other, (date(2025, 3, 2), false));
        // No terms: 30 days net, said so.
        let none = due_date(
            date(2025, 1, 15),
            None,
            TermsBasis::EndOfMonth,
            EndOfMonthRule::default(),
        );
        assert_eq!(none, (date(2025, 2, 14), true));
    }
}
