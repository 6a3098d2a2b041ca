//! The scoring grid (FINANCE.md §5): criterion points, score, completeness, class, knock-outs.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::client::{ClientFile, CollectiveProceeding, SectorRisk};
use super::figure::{Figure, Input, Why};
use super::policy::{CriterionPolicy, Policy, Scale};
use super::ratios::{RatioId, RatioResult};
use super::scores::{ScoreId, ScoreResult};

pub use super::ids::{CriterionId, RiskClass};

/// One criterion of the rating, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionResult {
    pub id: CriterionId,
    pub weight: Decimal,
    /// The value judged: a ratio, a score, years, days late, a count, 1–5; for the sector,
    /// 1 low, 2 medium, 3 high. Absent with its reason when the criterion is not present.
    pub value: Figure,
    /// Index of the band in the policy, 0 the best; `None` for a special case or when absent.
    pub band: Option<usize>,
    /// True when a special case set the points (equity ≤ 0, CAF ≤ 0, new client).
    pub special: bool,
    pub points: Option<Decimal>,
    /// weight × points / Σ weight present: the criterion's share of the score.
    pub contribution: Option<Decimal>,
}

/// A knock-out rule that changed the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnockOut {
    CollectiveProceeding(CollectiveProceeding),
    NoStatement,
    NegativeEquity,
}

/// The result of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridResult {
    /// 0–100, absent when no criterion is present.
    pub score: Option<Decimal>,
    /// Σ weight present / Σ weight, 0–1.
    pub completeness: Decimal,
    pub provisional: bool,
    /// The class of the score alone, before knock-outs.
    pub score_class: RiskClass,
    pub class: RiskClass,
    pub knock_outs: Vec<KnockOut>,
    pub criteria: Vec<CriterionResult>,
}

/// Completed years between `from` and `to`: the anniversary day counts, and a 29 February
/// creation has its anniversary on 1 March in other years.
pub fn full_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    let (fm, fd) = (from.month(), from.day());
    // Before the anniversary this year? Feb 29 counts as reached only from March 1 in common years.
    let before = (to.month(), to.day()) < (fm, fd);
    if before {
        years -= 1;
    }
    years
}

/// What the grid reads from the latest year.
pub struct GridInputs<'a> {
    pub file: &'a ClientFile,
    pub has_statement: bool,
    pub ratios: &'a [RatioResult],
    pub scores: &'a [ScoreResult],
    /// Equity of the latest year, for the negative-equity knock-out.
    pub equity: Option<Decimal>,
    pub today: NaiveDate,
    /// The ledger's measured days late (unrounded) and the number of paid invoices they cover,
    /// when there are enough of them (docs/receivables.md §5): it replaces the typed average.
    pub measured_payment: Option<(Decimal, u32)>,
}

fn ratio(inputs: &GridInputs<'_>, id: RatioId) -> Figure {
    if !inputs.has_statement {
        return Err(Why::NoStatement);
    }
    inputs
        .ratios
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.value)
        .unwrap_or(Err(Why::NoStatement))
}

/// The value of a criterion, and whether its special case applies.
fn criterion_value(id: CriterionId, inputs: &GridInputs<'_>) -> (Figure, bool) {
    let file = inputs.file;
    let q = &file.qualitative;
    let plain = |f: Figure| (f, false);
    match id {
        CriterionId::EquityRatio => plain(ratio(inputs, RatioId::EquityRatio)),
        CriterionId::Gearing => {
            let v = ratio(inputs, RatioId::Gearing);
            let special = matches!(v, Err(Why::NotPositive(_)));
            (v, special)
        }
        CriterionId::RepaymentCapacity => {
            let v = ratio(inputs, RatioId::RepaymentCapacity);
            let special = matches!(v, Err(Why::NotPositive(_)));
            (v, special)
        }
        CriterionId::CurrentRatio => plain(ratio(inputs, RatioId::CurrentRatio)),
        CriterionId::NetMargin => plain(ratio(inputs, RatioId::NetMargin)),
        CriterionId::FinancialChargesWeight => {
            plain(ratio(inputs, RatioId::FinancialChargesWeight))
        }
        CriterionId::DpoDays => plain(ratio(inputs, RatioId::DpoDays)),
        CriterionId::RevenueGrowth => plain(ratio(inputs, RatioId::RevenueGrowth)),
        CriterionId::AltmanZ2 => plain(if inputs.has_statement {
            inputs
                .scores
                .iter()
                .find(|s| s.id == ScoreId::AltmanZ2)
                .map(|s| s.value)
                .unwrap_or(Err(Why::NoStatement))
        } else {
            Err(Why::NoStatement)
        }),
        CriterionId::CompanyAge => plain(
            file.created_on
                .map(|c| Decimal::from(full_years(c, inputs.today).max(0)))
                .ok_or(Why::Missing(Input::CreationDate)),
        ),
        CriterionId::PaymentHistory => {
            if let Some((days, _)) = inputs.measured_payment {
                // Measured invoices make the file no longer a new client.
                plain(Ok(days))
            } else if q.payment_history.new_client {
                (Err(Why::Missing(Input::Qualitative)), true)
            } else {
                plain(
                    q.payment_history
                        .avg_days_late
                        .map(Decimal::from)
                        .ok_or(Why::Missing(Input::Qualitative)),
                )
            }
        }
        CriterionId::PaymentIncidents => plain(
            q.payment_incidents_12m
                .map(Decimal::from)
                .ok_or(Why::Missing(Input::Qualitative)),
        ),
        CriterionId::SectorRisk => plain(
            file.sector_risk
                .map(|s| {
                    Decimal::from(match s {
                        SectorRisk::Low => 1,
                        SectorRisk::Medium => 2,
                        SectorRisk::High => 3,
                    })
                })
                .ok_or(Why::Missing(Input::Qualitative)),
        ),
        CriterionId::InformationQuality => plain(
            q.information_quality
                .map(Decimal::from)
                .ok_or(Why::Missing(Input::Qualitative)),
        ),
    }
}

/// The band and points of a present value.
pub fn points_for(policy: &CriterionPolicy, value: Decimal) -> Option<(usize, Decimal)> {
    match &policy.scale {
        Scale::Bands { direction, bands } => {
            bands.iter().enumerate().find_map(|(i, b)| match b.bound {
                None => Some((i, b.points)),
                Some(bound) if direction.reaches(value, bound) => Some((i, b.points)),
                Some(_) => None,
            })
        }
        Scale::Sector { low, medium, high } => {
            if value <= Decimal::ONE {
                Some((0, *low))
            } else if value <= Decimal::TWO {
                Some((1, *medium))
            } else {
                Some((2, *high))
            }
        }
    }
}

/// The class of a score under the policy's thresholds (bounds take the better class).
pub fn class_of(score: Decimal, policy: &Policy) -> RiskClass {
    let t = &policy.classes;
    if score >= t.a {
        RiskClass::A
    } else if score >= t.b {
        RiskClass::B
    } else if score >= t.c {
        RiskClass::C
    } else if score >= t.d {
        RiskClass::D
    } else {
        RiskClass::E
    }
}

/// Runs the grid.
pub fn rate(inputs: &GridInputs<'_>, policy: &Policy) -> GridResult {
    let mut rows: Vec<CriterionResult> = Vec::with_capacity(policy.criteria.len());
    for c in &policy.criteria {
        let (value, special) = if c.active {
            criterion_value(c.id, inputs)
        } else {
            (Err(Why::Inactive), false)
        };
        let (band, points) = match (c.active, special, value) {
            (false, _, _) => (None, None),
            (true, true, _) => (None, c.special_points.or(Some(Decimal::ZERO))),
            (true, false, Ok(v)) => match points_for(c, v) {
                Some((b, p)) => (Some(b), Some(p)),
                None => (None, None),
            },
            (true, false, Err(_)) => (None, None),
        };
        rows.push(CriterionResult {
            id: c.id,
            weight: c.weight,
            value,
            band,
            special,
            points,
            contribution: None,
        });
    }

    let total: Decimal = policy.total_weight();
    let present: Decimal = rows
        .iter()
        .filter(|r| r.points.is_some())
        .map(|r| r.weight)
        .sum();
    let weighted: Decimal = rows
        .iter()
        .filter_map(|r| r.points.map(|p| r.weight * p))
        .sum();
    let score = (present > Decimal::ZERO).then(|| weighted / present);
    for r in &mut rows {
        r.contribution = match (r.points, present > Decimal::ZERO) {
            (Some(p), true) => Some(r.weight * p / present),
            _ => None,
        };
    }
    let completeness = if total > Decimal::ZERO {
        present / total
    } else {
        Decimal::ZERO
    };

    let score_class = score.map_or(RiskClass::NotRated, |s| class_of(s, policy));
    let mut class = score_class;
    let mut knock_outs = Vec::new();
    let ko = &policy.knock_outs;
    let proceeding = inputs.file.qualitative.collective_proceeding;
    if ko.collective_proceeding && proceeding != CollectiveProceeding::None {
        class = RiskClass::E;
        knock_outs.push(KnockOut::CollectiveProceeding(proceeding));
    } else if !inputs.has_statement && ko.no_statement {
        class = RiskClass::NotRated;
        knock_outs.push(KnockOut::NoStatement);
    } else if let (Some(cap), Some(e)) = (ko.negative_equity_cap, inputs.equity) {
        if e < Decimal::ZERO && class < cap {
            class = cap;
            knock_outs.push(KnockOut::NegativeEquity);
        }
    }

    GridResult {
        score,
        completeness,
        provisional: completeness < policy.provisional_threshold,
        score_class,
        class,
        knock_outs,
        criteria: rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn full_years_counts_the_anniversary_day() {
        assert_eq!(full_years(date(2016, 2, 1), date(2026, 2, 1)), 10);
        assert_eq!(full_years(date(2016, 2, 1), date(2026, 1, 31)), 9);
        // 29 February: anniversary on 1 March in common years.
        assert_eq!(full_years(date(2020, 2, 29), date(2023, 2, 28)), 2);
        assert_eq!(full_years(date(2020, 2, 29), date(2023, 3, 1)), 3);
        assert_eq!(full_years(date(2020, 2, 29), date(2024, 2, 29)), 4);
    }
}
