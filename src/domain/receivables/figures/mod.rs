//! A client's figures at the ledger's `as_of` (docs/receivables.md §5): encours, overdue, limit
//! and its use, the aged balance, the DSOs and the measured payment delays.
//!
//! Every figure here is unrounded; [`LedgerFigures::published`] rounds them as the app shows them
//! (amounts to the cent, days and ratios to 4 places, half-even). Disputed items stay in every
//! figure: the dunning plan, not the encours, leaves them aside; [`LedgerFigures::disputed_open`]
//! says how much of the encours they are.

mod aged;
mod dso;
mod history;

pub use aged::{aged_balance, in_bucket, Bucket};
pub use dso::{
    accounting, count_back, history_start, month_days, month_sales, sales_last_12_months,
    LAST_MONTH,
};
pub use history::encours_by_month;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::figure::{over, plus, saturating_add, saturating_sub, times};
use crate::domain::lang::Lang;
use crate::domain::receivables::dates::months_before;
use crate::domain::receivables::ledger::{Item, ItemKind, Ledger};

/// The policy settings the figures use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRules {
    /// The aged balance's bounds in days past due (30, 60, 90).
    pub aged_bounds: [u32; 3],
    /// How many invoices paid in the last 6 months the measured payment delay needs before it
    /// replaces the typed average in the grid (3).
    pub min_measured_invoices: u32,
}

impl Default for FigureRules {
    fn default() -> Self {
        FigureRules {
            aged_bounds: [30, 60, 90],
            min_measured_invoices: 3,
        }
    }
}

/// Why a figure is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Absent {
    /// Neither an authorised nor a recommended limit.
    NoLimit,
    /// The limit is 0: no use ratio.
    ZeroLimit,
    /// The ledger's history does not reach back far enough ("historique insuffisant").
    HistoryTooShort,
    /// The sales of the period are ≤ 0.
    NoSales,
    /// Amounts too large to combine (only hostile inputs get here).
    OutOfRange,
}

impl Absent {
    /// Why, in words.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            Absent::NoLimit => lang.pick("aucune limite", "no limit"),
            Absent::ZeroLimit => lang.pick("limite nulle", "zero limit"),
            Absent::HistoryTooShort => lang.pick("historique insuffisant", "history too short"),
            Absent::NoSales => lang.pick("pas de ventes sur 12 mois", "no sales over 12 months"),
            Absent::OutOfRange => lang.pick("montants hors limites", "amounts out of range"),
        }
    }
}

/// A client's figures at `as_of`, unrounded unless they come from [`LedgerFigures::published`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerFigures {
    /// Σ `open` of all items (unapplied credits reduce it).
    pub encours: Decimal,
    /// Σ `open` of debits with `due_on` < D.
    pub overdue: Decimal,
    /// `authorised_limit`, else the recommended limit.
    pub limit: Option<Decimal>,
    /// True when the limit is the recommended one (no authorised limit).
    pub limit_is_recommended: bool,
    /// max(0, encours − limit); absent without a limit.
    pub overrun: Option<Decimal>,
    /// encours / limit.
    pub use_ratio: Result<Decimal, Absent>,
    /// The aged balance, in the order of [`Bucket::ALL`]; sums to the encours.
    pub aged: [(Bucket, Decimal); 6],
    /// Count-back DSO with R = encours.
    pub dso_count_back: Result<Decimal, Absent>,
    /// Count-back DSO with R = max(0, encours − overdue).
    pub dso_best_possible: Result<Decimal, Absent>,
    /// `dso_count_back` − `dso_best_possible` (from the unrounded two).
    pub dso_add: Result<Decimal, Absent>,
    /// encours / sales in (D − 12 months, D] × 365.
    pub dso_accounting: Result<Decimal, Absent>,
    /// Σ(amount × days late) / Σ amount over the invoices paid in (D − 6 months, D].
    pub days_late_weighted: Option<Decimal>,
    /// How many invoices `days_late_weighted` reads.
    pub days_late_count: u32,
    /// Σ `open` of the disputed items (part of the encours; for display).
    pub disputed_open: Decimal,
    /// The due dates were computed with the default 30 days net: the figures using them say
    /// "délai par défaut".
    pub default_terms: bool,
}

/// An amount as published: to the cent, half-even.
pub fn round_amount(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven)
}

/// Days or a ratio as published: 4 places, half-even.
pub fn round_ratio(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven)
}

impl LedgerFigures {
    /// The figures as shown: amounts to the cent, days and ratios to 4 places, each rounded
    /// from its unrounded value (`dso_add` too, not from the two rounded DSOs).
    pub fn published(&self) -> LedgerFigures {
        LedgerFigures {
            encours: round_amount(self.encours),
            overdue: round_amount(self.overdue),
            limit: self.limit.map(round_amount),
            limit_is_recommended: self.limit_is_recommended,
            overrun: self.overrun.map(round_amount),
            use_ratio: self.use_ratio.map(round_ratio),
            aged: self.aged.map(|(b, v)| (b, round_amount(v))),
            dso_count_back: self.dso_count_back.map(round_ratio),
            dso_best_possible: self.dso_best_possible.map(round_ratio),
            dso_add: self.dso_add.map(round_ratio),
            dso_accounting: self.dso_accounting.map(round_ratio),
            days_late_weighted: self.days_late_weighted.map(round_ratio),
            days_late_count: self.days_late_count,
            disputed_open: round_amount(self.disputed_open),
            default_terms: self.default_terms,
        }
    }

    /// The sum in one bucket of the aged balance.
    pub fn aged_in(&self, bucket: Bucket) -> Decimal {
        in_bucket(&self.aged, bucket)
    }
}

/// The figures of `ledger` at its `as_of`, unrounded. `recommended_limit` is the analysis's,
/// used when the ledger has no authorised limit.
pub fn figures(
    ledger: &Ledger,
    recommended_limit: Option<Decimal>,
    rules: &FigureRules,
) -> LedgerFigures {
    let as_of = ledger.as_of;
    let sum = |keep: &dyn Fn(&Item) -> bool| {
        ledger
            .items
            .iter()
            .filter(|i| keep(i))
            .fold(Decimal::ZERO, |acc, i| saturating_add(acc, i.open))
    };
    let encours = sum(&|_| true);
    // A debit without a due date is not overdue (the imports always fill it).
    let overdue = sum(&|i| i.is_debit() && i.due_on.is_some_and(|due| due < as_of));
    let disputed_open = sum(&|i| i.disputed);

    let limit = ledger.authorised_limit.or(recommended_limit);
    let use_ratio = match limit {
        None => Err(Absent::NoLimit),
        Some(l) if l.is_zero() => Err(Absent::ZeroLimit),
        Some(l) => over(encours, l).ok_or(Absent::OutOfRange),
    };
    let overrun = limit.map(|l| saturating_sub(encours, l).max(Decimal::ZERO));

    let dso_count_back = count_back(ledger, encours);
    let best_r = saturating_sub(encours, overdue).max(Decimal::ZERO);
    let dso_best_possible = count_back(ledger, best_r);
    let dso_add = match (dso_count_back, dso_best_possible) {
        (Ok(a), Ok(b)) => Ok(saturating_sub(a, b)),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    let (days_late_weighted, days_late_count) = days_late(ledger);

    LedgerFigures {
        encours,
        overdue,
        limit,
        limit_is_recommended: ledger.authorised_limit.is_none() && recommended_limit.is_some(),
        overrun,
        use_ratio,
        aged: aged_balance(&ledger.items, as_of, rules.aged_bounds),
        dso_count_back,
        dso_best_possible,
        dso_add,
        dso_accounting: accounting(ledger, encours),
        days_late_weighted,
        days_late_count,
        disputed_open,
        default_terms: ledger.default_terms,
    }
}

/// Days late weighted by amount over the `invoice` items paid in (D − 6 months, D], and how many
/// they are. Days late = max(0, `paid_on` − `due_on`). An invoice paid without a due date is
/// skipped (not counted), and so is one whose amount is not positive (an invoice is a debit;
/// a hostile negative one would turn the weighting upside down). The mean is absent when no
/// invoice counts, or on overflow.
pub fn days_late(ledger: &Ledger) -> (Option<Decimal>, u32) {
    let Some(after) = months_before(ledger.as_of, 6) else {
        return (None, 0);
    };
    let mut weighted = Some(Decimal::ZERO);
    let mut amounts = Some(Decimal::ZERO);
    let mut count = 0u32;
    for item in &ledger.items {
        let (Some(paid), Some(due)) = (item.paid_on, item.due_on) else {
            continue;
        };
        if item.kind != ItemKind::Invoice
            || item.amount <= Decimal::ZERO
            || paid <= after
            || paid > ledger.as_of
        {
            continue;
        }
        let late = Decimal::from((paid - due).num_days().max(0));
        weighted = weighted
            .zip(times(item.amount, late))
            .and_then(|(w, x)| plus(w, x));
        amounts = amounts.and_then(|a| plus(a, item.amount));
        count = count.saturating_add(1);
    }
    let mean = weighted
        .zip(amounts)
        .filter(|(_, a)| *a > Decimal::ZERO)
        .and_then(|(w, a)| over(w, a));
    (mean, count)
}

/// Measured payment behaviour for the grid: the unrounded days late weighted and the number of
/// invoices it reads, when they are at least `rules.min_measured_invoices`.
pub fn measured_payment(ledger: &Ledger, rules: &FigureRules) -> Option<(Decimal, u32)> {
    let (mean, count) = days_late(ledger);
    mean.filter(|_| count >= rules.min_measured_invoices)
        .map(|m| (m, count))
}
