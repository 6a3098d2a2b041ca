//! The full analysis of a client file: every year's aggregates, ratios and scores, the grid,
//! the limit and terms, the legal checks. Derived, never stored.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::aggregates::{annualise, Aggregate, Aggregates};
use super::client::ClientFile;
use super::figure::minus;
use super::grid::{self, GridInputs, GridResult};
use super::legal::{self, LegalCheck};
use super::limit::{self, add_months, LimitInputs, LimitResult};
use super::policy::Policy;
use super::ratios::{self, RatioId, RatioResult, YearInputs};
use super::receivables::figures::measured_payment;
use super::scores::{self, ScoreId, ScoreResult};
use super::statement::Statement;
use super::warnings::{self, Warning};

/// One fiscal year, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearAnalysis {
    pub closing_date: NaiveDate,
    pub duration_months: u8,
    /// As in the statement, not annualised.
    pub aggregates: Aggregates,
    pub ratios: Vec<RatioResult>,
    pub scores: Vec<ScoreResult>,
    pub warnings: Vec<Warning>,
}

impl YearAnalysis {
    pub fn ratio(&self, id: RatioId) -> Option<&RatioResult> {
        self.ratios.iter().find(|r| r.id == id)
    }

    pub fn score(&self, id: ScoreId) -> Option<&ScoreResult> {
        self.scores.iter().find(|s| s.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub today: NaiveDate,
    pub policy_version: u32,
    /// Oldest first; the last is the latest year, the one the rating uses.
    pub years: Vec<YearAnalysis>,
    pub grid: GridResult,
    pub limit: LimitResult,
    pub legal: Vec<LegalCheck>,
    /// The latest statement closed more than the policy's months ago.
    pub stale: bool,
    /// When the ledger measured enough paid invoices: the weighted days late the payment
    /// history criterion used (unrounded) and on how many invoices.
    pub measured_payment: Option<(Decimal, u32)>,
}

impl Analysis {
    pub fn latest(&self) -> Option<&YearAnalysis> {
        self.years.last()
    }

    /// An aggregate of the latest year.
    pub fn aggregate(&self, a: Aggregate) -> Option<Decimal> {
        self.latest().and_then(|y| y.aggregates.get(a))
    }

    /// A ratio of the latest year.
    pub fn ratio(&self, id: RatioId) -> Option<&RatioResult> {
        self.latest().and_then(|y| y.ratio(id))
    }

    /// A failure score of the latest year.
    pub fn score(&self, id: ScoreId) -> Option<&ScoreResult> {
        self.latest().and_then(|y| y.score(id))
    }
}

fn analyse_year(
    s: &Statement,
    agg: Aggregates,
    prev: Option<(&Statement, &Aggregates)>,
    policy: &Policy,
) -> YearAnalysis {
    let lines = Aggregates::compute(s, false);
    let inputs = YearInputs {
        statement: s,
        agg: &agg,
        previous: prev,
    };
    YearAnalysis {
        closing_date: s.closing_date,
        duration_months: s.months(),
        ratios: ratios::compute_all(&inputs, policy),
        scores: scores::compute_all(s, &agg, &policy.zones),
        warnings: warnings::check(s, &agg, &lines),
        aggregates: agg,
    }
}

/// Analyses a client file under a policy, on the analysis date `today`.
pub fn analyse(file: &ClientFile, policy: &Policy, today: NaiveDate) -> Analysis {
    analyse_recent(file, policy, today, usize::MAX)
}

/// The verdict alone — class, score, limit, terms, legal checks, staleness — as [`analyse`]
/// gives it, with only the latest year analysed (its ratios then carry no change from the
/// year before; the grid and the limit never read those). For lists of many files: the
/// portfolio rates 1,000 three-year files in about a third of the time.
pub fn verdict(file: &ClientFile, policy: &Policy, today: NaiveDate) -> Analysis {
    analyse_recent(file, policy, today, 1)
}

/// [`analyse`] on the `keep` latest years; the year before them is still read where a ratio
/// needs it (growth), so every figure of the years kept is the same.
fn analyse_recent(file: &ClientFile, policy: &Policy, today: NaiveDate, keep: usize) -> Analysis {
    let statements = file.statements_by_date();
    let from = statements.len().saturating_sub(keep);
    let first = from.saturating_sub(1);
    let aggs: Vec<Aggregates> = statements[first..]
        .iter()
        .map(|s| Aggregates::compute(s, true))
        .collect();
    let mut years: Vec<YearAnalysis> = Vec::with_capacity(statements.len() - from);
    for (i, s) in statements.iter().enumerate().skip(from) {
        let prev = i.checked_sub(1).map(|j| (statements[j], &aggs[j - first]));
        let mut year = analyse_year(s, aggs[i - first], prev, policy);
        if let Some(before) = years.last() {
            for r in &mut year.ratios {
                r.change = match (r.value, before.ratio(r.id).map(|p| p.value)) {
                    (Ok(now), Some(Ok(then))) => minus(now, then),
                    _ => None,
                };
            }
        }
        years.push(year);
    }

    let latest = years.last();
    let latest_statement = statements.last();
    let empty: [RatioResult; 0] = [];
    let no_scores: [ScoreResult; 0] = [];
    let measured_payment = file
        .ledger
        .as_ref()
        .and_then(|l| measured_payment(l, &policy.receivables.figure_rules()));
    let grid: GridResult = grid::rate(
        &GridInputs {
            file,
            has_statement: latest.is_some(),
            ratios: latest.map_or(&empty[..], |y| &y.ratios[..]),
            scores: latest.map_or(&no_scores[..], |y| &y.scores[..]),
            equity: latest.and_then(|y| y.aggregates.get(Aggregate::Equity)),
            today,
            measured_payment,
        },
        policy,
    );

    let limit: LimitResult = limit::compute(
        &LimitInputs {
            trade: &file.trade,
            avg_days_late: if file.qualitative.payment_history.new_client {
                None
            } else {
                file.qualitative.payment_history.avg_days_late
            },
            class: grid.class,
            tangible_net_worth: latest.and_then(|y| y.aggregates.get(Aggregate::TangibleNetWorth)),
            revenue: latest.zip(latest_statement).and_then(|(y, s)| {
                y.aggregates
                    .get(Aggregate::Revenue)
                    .map(|r| annualise(r, s.months()))
            }),
            today,
        },
        policy,
    );

    let dpo = latest
        .and_then(|y| y.ratio(RatioId::DpoDays))
        .and_then(|r| r.value.ok());
    let stale = latest
        .map(|y| add_months(y.closing_date, policy.stale_after_months) < today)
        .unwrap_or(false);

    Analysis {
        today,
        policy_version: policy.version,
        legal: legal::checks(&file.trade, dpo),
        stale,
        grid,
        limit,
        years,
        measured_payment,
    }
}

/// The ledger figures of a file at its `as_of` (docs/receivables.md §5), with the recommended
/// limit of its analysis as the limit when none is authorised; `None` without a ledger.
pub fn ledger_figures(
    file: &ClientFile,
    policy: &Policy,
    today: NaiveDate,
) -> Option<crate::domain::receivables::figures::LedgerFigures> {
    let ledger = file.ledger.as_ref()?;
    let recommended = verdict(file, policy, today).limit.recommended;
    Some(crate::domain::receivables::figures::figures(
        ledger,
        Some(recommended),
        &policy.receivables.figure_rules(),
    ))
}
