//! Late-payment penalties of a client (docs/receivables.md §6; L441-10 and D441-5 C. com.):
//! interest at the ECB rate + 10 points, or the contractual rate, on each late invoice, each day
//! at the rate of its half-year, and the flat 40 € recovery indemnity per late invoice.
//!
//! Computed at a date `at`: the ledger's `as_of` for the ledger view, a letter's date for a
//! letter (on the open amounts at `as_of`). Segments are summed unrounded; each invoice's
//! interest is rounded to the cent, half-even; the client's figures sum the rounded figures.

mod rates;

pub use rates::{
    check_rules, default_rate_table, half_year_end, half_year_start, PenaltyRules, RateProblem,
    RateRow,
};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::figure::{over, plus, saturating_add, times};
use crate::domain::lang::Lang;
use crate::domain::receivables::dates::months_before;
use crate::domain::receivables::figures::round_amount;
use crate::domain::receivables::ledger::{Item, ItemKind, Ledger};

/// Why a segment's rate was what it was, for the figure's explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateSource {
    /// The ECB rate of the half-year's row plus the margin.
    Default,
    /// The policy's contractual rate.
    Contractual,
    /// A half-year after the table's last row (or one the table skips): the row starting on
    /// `row_from`, the latest before it, is used.
    LastRowExtended { row_from: NaiveDate },
    /// A half-year before the table's first row, without a contractual rate: no rate.
    Missing,
}

impl RateSource {
    /// How the rate was chosen, in words.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            RateSource::Default => lang.pick("taux BCE + 10 points", "ECB rate + 10 points"),
            RateSource::Contractual => lang.pick("taux contractuel", "contractual rate"),
            RateSource::LastRowExtended { .. } => lang.pick(
                "taux du dernier semestre connu, reconduit",
                "rate of the last known half-year, carried forward",
            ),
            RateSource::Missing => lang.pick("taux non renseigné", "rate not provided"),
        }
    }
}

/// A run of late days under one row of the table (one half-year when the table has a row for
/// each; the days before the table, or after it, make one segment).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    /// First late day of the run.
    pub from: NaiveDate,
    /// Last late day of the run (included).
    pub to: NaiveDate,
    pub days: u32,
    /// The yearly rate as a fraction; absent before the table without a contractual rate.
    pub rate: Option<Decimal>,
    pub source: RateSource,
    /// late amount × rate × days / 365, unrounded; absent without a rate.
    pub interest: Option<Decimal>,
}

/// The penalties of one late invoice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InvoicePenalty {
    pub reference: String,
    pub due_on: NaiveDate,
    /// The invoice's amount when paid, its `open` when open.
    pub late_amount: Decimal,
    /// Days from the day after `due_on` to `paid_on` (or `at`), both included.
    pub days: u32,
    /// Σ of the segments' interest, rounded to the cent, half-even; absent when a segment has
    /// no rate.
    pub interest: Option<Decimal>,
    /// The flat recovery indemnity (no VAT).
    pub indemnity: Decimal,
    pub segments: Vec<Segment>,
    /// True when paid late, false when still open at `at`.
    pub paid: bool,
}

/// The penalties of a client's late invoices at `at`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Penalties {
    /// The date they are computed to.
    pub at: NaiveDate,
    /// In the ledger's order.
    pub invoices: Vec<InvoicePenalty>,
    /// `penalties-interest`: Σ of the invoices' rounded interest; absent when one has none.
    pub interest: Option<Decimal>,
    /// `penalties-indemnity`: indemnity × `count`.
    pub indemnity: Decimal,
    /// `penalties-invoices`: the number of late invoices.
    pub count: usize,
    /// The half-years (their first day) whose legal rate × 3 (given) is above the contractual
    /// rate: a contractual rate that low is illegal (L441-10). Oldest first, once each.
    pub illegal_contractual: Vec<(NaiveDate, Decimal)>,
    /// Some days used the rate of an earlier row (after the table's last row): the figure says so.
    pub extended: bool,
    /// Some days had no rate ("taux non renseigné"): `interest` is absent.
    pub missing_rate: bool,
}

/// Days under one row of the table, or under none.
struct Period<'a> {
    from: NaiveDate,
    to: NaiveDate,
    row: Option<&'a RateRow>,
    /// The row is this period's own half-year (not carried forward).
    own: bool,
}

/// The whole calendar cut by the table: before its first row (no row), each row's half-year,
/// and after each row until the next one (that row, carried forward). Rows are taken at their
/// half-year, in date order; of two rows for one half-year the later in the table wins.
fn periods(rates: &[RateRow]) -> Vec<Period<'_>> {
    let mut rows: Vec<(NaiveDate, &RateRow)> =
        rates.iter().map(|r| (half_year_start(r.from), r)).collect();
    rows.sort_by_key(|(start, _)| *start);
    let mut unique: Vec<(NaiveDate, &RateRow)> = Vec::with_capacity(rows.len());
    for (start, row) in rows {
        match unique.last_mut() {
            Some(last) if last.0 == start => last.1 = row,
            _ => unique.push((start, row)),
        }
    }
    let mut out = Vec::with_capacity(unique.len() * 2 + 1);
    let before_end = unique
        .first()
        .map_or(Some(NaiveDate::MAX), |(start, _)| start.pred_opt());
    if let Some(to) = before_end {
        out.push(Period {
            from: NaiveDate::MIN,
            to,
            row: None,
            own: false,
        });
    }
    for (i, &(start, row)) in unique.iter().enumerate() {
        let end = half_year_end(start);
        out.push(Period {
            from: start,
            to: end,
            row: Some(row),
            own: true,
        });
        let next_start = unique.get(i + 1).map(|(s, _)| *s);
        let gap_to = next_start.map_or(Some(NaiveDate::MAX), |s| s.pred_opt());
        if let (Some(from), Some(to)) = (end.succ_opt(), gap_to) {
            if from <= to {
                out.push(Period {
                    from,
                    to,
                    row: Some(row),
                    own: false,
                });
            }
        }
    }
    out
}

/// Whether `item` is late at `at`: its late amount, its last late day and whether it was paid.
/// `window_from` is at − 12 months: invoices paid on or before it are left out.
fn lateness(
    item: &Item,
    at: NaiveDate,
    window_from: NaiveDate,
) -> Option<(Decimal, NaiveDate, bool)> {
    if item.kind != ItemKind::Invoice || item.disputed {
        return None;
    }
    let due = item.due_on?;
    if item.open > Decimal::ZERO {
        return (due < at).then_some((item.open, at, false));
    }
    let paid = item.paid_on?;
    let late = item.open.is_zero()
        && item.amount > Decimal::ZERO
        && paid > due
        && paid > window_from
        && paid <= at;
    late.then_some((item.amount, paid, true))
}

/// One segment's interest: amount × rate × days / 365 (also in leap years), unrounded;
/// saturating at the largest amount when only hostile figures would overflow.
fn segment_interest(amount: Decimal, rate: Decimal, days: u32) -> Decimal {
    times(amount, rate)
        .and_then(|x| times(x, Decimal::from(days)))
        .and_then(|x| over(x, Decimal::from(365)))
        .unwrap_or(Decimal::MAX)
}

/// What one invoice owes, with the illegal half-years and flags it adds to the client's.
fn invoice_penalty(
    item: &Item,
    late: (Decimal, NaiveDate, bool),
    periods: &[Period<'_>],
    rules: &PenaltyRules,
    illegal: &mut Vec<(NaiveDate, Decimal)>,
) -> Option<InvoicePenalty> {
    let (amount, last, paid) = late;
    let due_on = item.due_on?;
    let first = due_on.succ_opt()?;
    let mut segments = Vec::new();
    for p in periods.iter().filter(|p| p.to >= first && p.from <= last) {
        let from = p.from.max(first);
        let to = p.to.min(last);
        let days = u32::try_from((to - from).num_days() + 1).unwrap_or(u32::MAX);
        let (rate, source) = match (rules.contractual_rate, p.row) {
            (Some(c), row) => {
                // The floor of L441-10: three times the legal rate of the half-year, or of the
                // table's last row after it (carried on, as the ECB rate is).
                let floor = row.and_then(|r| times(Decimal::from(3), r.legal));
                if let Some(floor) = floor.filter(|f| c < *f) {
                    illegal.push((p.from, floor));
                }
                (Some(c), RateSource::Contractual)
            }
            (None, Some(r)) if p.own => (plus(r.ecb, rules.margin), RateSource::Default),
            (None, Some(r)) => (
                plus(r.ecb, rules.margin),
                RateSource::LastRowExtended { row_from: r.from },
            ),
            (None, None) => (None, RateSource::Missing),
        };
        // A negative rate (refused by the policy editor) is no rate, never a negative interest.
        let rate = rate.filter(|r| *r >= Decimal::ZERO);
        segments.push(Segment {
            from,
            to,
            days,
            rate,
            source,
            interest: rate.map(|r| segment_interest(amount, r, days)),
        });
    }
    let interest = segments.iter().try_fold(Decimal::ZERO, |acc, s| {
        s.interest.map(|i| saturating_add(acc, i))
    });
    Some(InvoicePenalty {
        reference: item.reference.clone(),
        due_on,
        late_amount: amount,
        days: segments
            .iter()
            .fold(0u32, |acc, s| acc.saturating_add(s.days)),
        interest: interest.map(round_amount),
        indemnity: rules.indemnity,
        segments,
        paid,
    })
}

/// The penalties of the ledger's late invoices at `at`: the `invoice` items not disputed that
/// are open past their due date at `at`, or were paid late with `paid_on` in (at − 12 months,
/// at]. An invoice without a due date is never late. Interest is the late amount × rate × days
/// / 365 per segment, summed unrounded, rounded per invoice; the indemnity is owed once per
/// late invoice.
pub fn penalties(ledger: &Ledger, rules: &PenaltyRules, at: NaiveDate) -> Penalties {
    let periods = periods(&rules.rates);
    let window_from = months_before(at, 12).unwrap_or(NaiveDate::MIN);
    let mut illegal = Vec::new();
    let invoices: Vec<InvoicePenalty> = ledger
        .items
        .iter()
        .filter_map(|item| {
            let late = lateness(item, at, window_from)?;
            invoice_penalty(item, late, &periods, rules, &mut illegal)
        })
        .collect();
    illegal.sort();
    illegal.dedup();
    let segments = || invoices.iter().flat_map(|i| i.segments.iter());
    Penalties {
        at,
        interest: invoices.iter().try_fold(Decimal::ZERO, |acc, i| {
            i.interest.map(|v| saturating_add(acc, v))
        }),
        indemnity: invoices
            .iter()
            .fold(Decimal::ZERO, |acc, i| saturating_add(acc, i.indemnity)),
        count: invoices.len(),
        illegal_contractual: illegal,
        extended: segments().any(|s| matches!(s.source, RateSource::LastRowExtended { .. })),
        missing_rate: segments().any(|s| s.rate.is_none()),
        invoices,
    }
}
