//! The credit policy as data (FINANCE.md §3–6): grid, bands, zones, classes, limit rules.
//!
//! One serde value with a version number; the engine takes it as input and hard-codes nothing
//! that FINANCE.md calls a default.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::grid::{CriterionId, RiskClass};
use super::ratios::RatioId;

/// Which way a value gets better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    /// True when `value` is on the good side of `bound`, the bound itself included (a value on a
    /// bound takes the better band).
    pub fn reaches(self, value: Decimal, bound: Decimal) -> bool {
        match self {
            Direction::HigherIsBetter => value >= bound,
            Direction::LowerIsBetter => value <= bound,
        }
    }
}

/// One band of a criterion: the values that reach `bound` (or every value, for the last band)
/// earn `points`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Band {
    /// `None` on the last band, which catches every value left.
    pub bound: Option<Decimal>,
    pub points: Decimal,
}

/// How a criterion turns its value into points.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scale {
    /// Ordered bands, best first; the first band whose bound the value reaches wins.
    Bands {
        direction: Direction,
        bands: Vec<Band>,
    },
    /// Points for each sector risk.
    Sector {
        low: Decimal,
        medium: Decimal,
        high: Decimal,
    },
}

/// One criterion of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CriterionPolicy {
    pub id: CriterionId,
    pub active: bool,
    pub weight: Decimal,
    pub scale: Scale,
    /// Points of the criterion's special case: equity ≤ 0 for gearing, caf ≤ 0 with debt for
    /// repayment capacity, a new client for payment history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_points: Option<Decimal>,
}

/// Appreciation bands of a ratio: good when it reaches `good`, watch when it reaches `watch`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RatioBands {
    pub ratio: RatioId,
    pub direction: Direction,
    pub good: Decimal,
    pub watch: Decimal,
}

/// Zones of the failure scores: `safe`/`grey` bounds (Altman), four zones (Conan & Holder).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScoreZones {
    pub altman_z2_safe: Decimal,
    pub altman_z2_grey: Decimal,
    pub altman_z1_safe: Decimal,
    pub altman_z1_grey: Decimal,
    pub conan_holder_very_good: Decimal,
    pub conan_holder_good: Decimal,
    pub conan_holder_alert: Decimal,
}

/// Lowest score of each class; E takes everything below D.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClassThresholds {
    pub a: Decimal,
    pub b: Decimal,
    pub c: Decimal,
    pub d: Decimal,
}

/// Knock-out rules, applied after the score in this order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KnockOuts {
    /// A collective proceeding gives class E.
    pub collective_proceeding: bool,
    /// No statement at all: not rated.
    pub no_statement: bool,
    /// Negative equity caps the class (default D); `None` disables the rule.
    pub negative_equity_cap: Option<RiskClass>,
}

/// Limit and terms rules of one class.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClassPolicy {
    pub class: RiskClass,
    /// Share of tangible net worth (0.20 = 20 %).
    pub tnw_share: Decimal,
    /// Share of annualised revenue.
    pub revenue_share: Decimal,
    /// Longest payment terms, days net; 0 means payment with order.
    pub max_terms_days: u32,
    /// Deposit asked on each order (0.30 = 30 %), or direct debit instead.
    #[serde(default)]
    pub deposit_share: Decimal,
    pub review_months: u32,
}

/// The whole credit policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Policy {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    pub vat_rate: Decimal,
    /// Under this completeness the rating is provisional (0.60 = 60 %).
    pub provisional_threshold: Decimal,
    pub criteria: Vec<CriterionPolicy>,
    pub classes: ClassThresholds,
    pub knock_outs: KnockOuts,
    pub limits: Vec<ClassPolicy>,
    /// The recommended limit is rounded down to a multiple of this.
    pub rounding_step: Decimal,
    pub ratio_bands: Vec<RatioBands>,
    pub zones: ScoreZones,
    /// Months after its closing date past which a statement is flagged as stale.
    pub stale_after_months: u32,
}

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn bands(direction: Direction, spec: &[(Option<Decimal>, i64)]) -> Scale {
    Scale::Bands {
        direction,
        bands: spec
            .iter()
            .map(|&(bound, points)| Band {
                bound,
                points: Decimal::from(points),
            })
            .collect(),
    }
}

fn criterion(id: CriterionId, weight: i64, scale: Scale, special: Option<i64>) -> CriterionPolicy {
    CriterionPolicy {
        id,
        active: true,
        weight: Decimal::from(weight),
        scale,
        special_points: special.map(Decimal::from),
    }
}

impl Default for Policy {
    /// The defaults of FINANCE.md §3–6, version 1.
    fn default() -> Self {
        use CriterionId as C;
        use Direction::{HigherIsBetter as Hi, LowerIsBetter as Lo};
        let s = |x: i64| Some(Decimal::from(x));
        let pct = |x: i64| Some(dec(x, 2));
        let criteria = vec![
            criterion(
                C::EquityRatio,
                12,
                bands(
                    Hi,
                    &[
                        (pct(30), 100),
                        (pct(20), 70),
                        (pct(10), 40),
                        (s(0), 20),
                        (None, 0),
                    ],
                ),
                None,
            ),
            criterion(
                C::Gearing,
                8,
                bands(
                    Lo,
                    &[(Some(dec(5, 1)), 100), (s(1), 70), (s(2), 30), (None, 0)],
                ),
                Some(0),
            ),
            criterion(
                C::RepaymentCapacity,
                10,
                bands(Lo, &[(s(3), 100), (s(4), 70), (s(5), 40), (None, 20)]),
                Some(0),
            ),
            criterion(
                C::CurrentRatio,
                8,
                bands(
                    Hi,
                    &[
                        (Some(dec(15, 1)), 100),
                        (s(1), 70),
                        (Some(dec(8, 1)), 30),
                        (None, 0),
                    ],
                ),
                None,
            ),
            criterion(
                C::NetMargin,
                8,
                bands(
                    Hi,
                    &[
                        (pct(5), 100),
                        (pct(2), 80),
                        (s(0), 50),
                        (pct(-5), 20),
                        (None, 0),
                    ],
                ),
                None,
            ),
            criterion(
                C::FinancialChargesWeight,
                6,
                bands(Lo, &[(pct(1), 100), (pct(3), 70), (pct(5), 30), (None, 0)]),
                None,
            ),
            criterion(
                C::DpoDays,
                5,
                bands(Lo, &[(s(60), 100), (s(75), 60), (s(90), 30), (None, 0)]),
                None,
            ),
            criterion(
                C::RevenueGrowth,
                4,
                bands(
                    Hi,
                    &[(s(0), 100), (pct(-10), 70), (pct(-20), 30), (None, 0)],
                ),
                None,
            ),
            criterion(
                C::AltmanZ2,
                4,
                bands(
                    Hi,
                    &[(Some(dec(260, 2)), 100), (Some(dec(110, 2)), 50), (None, 0)],
                ),
                None,
            ),
            criterion(
                C::CompanyAge,
                8,
                bands(Hi, &[(s(10), 100), (s(5), 80), (s(2), 50), (None, 20)]),
                None,
            ),
            criterion(
                C::PaymentHistory,
                10,
                bands(Lo, &[(s(5), 100), (s(15), 70), (s(30), 40), (None, 0)]),
                Some(50),
            ),
            criterion(
                C::PaymentIncidents,
                7,
                bands(Lo, &[(s(0), 100), (s(1), 50), (None, 0)]),
                None,
            ),
            criterion(
                C::SectorRisk,
                5,
                Scale::Sector {
                    low: Decimal::from(100),
                    medium: Decimal::from(60),
                    high: Decimal::from(20),
                },
                None,
            ),
            criterion(
                C::InformationQuality,
                5,
                bands(
                    Hi,
                    &[(s(5), 100), (s(4), 75), (s(3), 50), (s(2), 25), (None, 0)],
                ),
                None,
            ),
        ];

        let rb = |ratio, direction, good: Decimal, watch: Decimal| RatioBands {
            ratio,
            direction,
            good,
            watch,
        };
        use RatioId as R;
        let ratio_bands = vec![
            rb(R::EquityRatio, Hi, dec(30, 2), dec(20, 2)),
            rb(R::Gearing, Lo, dec(5, 1), dec(1, 0)),
            rb(R::RepaymentCapacity, Lo, dec(3, 0), dec(4, 0)),
            rb(R::CurrentRatio, Hi, dec(15, 1), dec(1, 0)),
            rb(R::QuickRatio, Hi, dec(12, 1), dec(8, 1)),
            rb(R::CashRatio, Hi, dec(3, 1), dec(1, 1)),
            rb(R::DsoDays, Lo, dec(45, 0), dec(60, 0)),
            rb(R::DpoDays, Lo, dec(60, 0), dec(75, 0)),
            rb(R::EbitdaMargin, Hi, dec(8, 2), dec(3, 2)),
            rb(R::NetMargin, Hi, dec(3, 2), dec(0, 0)),
            rb(R::ReturnOnEquity, Hi, dec(10, 2), dec(0, 0)),
            rb(R::PersonnelWeight, Lo, dec(60, 2), dec(80, 2)),
            rb(R::InterestCoverage, Hi, dec(5, 0), dec(3, 0)),
            rb(R::FinancialChargesWeight, Lo, dec(2, 2), dec(4, 2)),
            rb(R::RevenueGrowth, Hi, dec(0, 0), dec(-10, 2)),
        ];

        let class = |class, tnw: i64, rev: i64, terms, deposit: i64, review| ClassPolicy {
            class,
            tnw_share: dec(tnw, 3),
            revenue_share: dec(rev, 3),
            max_terms_days: terms,
            deposit_share: dec(deposit, 2),
            review_months: review,
        };
        let limits = vec![
            class(RiskClass::A, 200, 50, 60, 0, 12),
            class(RiskClass::B, 150, 40, 45, 0, 12),
            class(RiskClass::C, 100, 25, 30, 0, 6),
            class(RiskClass::D, 50, 10, 30, 30, 3),
            class(RiskClass::E, 0, 0, 0, 0, 1),
            class(RiskClass::NotRated, 0, 0, 0, 0, 1),
        ];

        Policy {
            version: 1,
            created_on: None,
            comment: String::new(),
            vat_rate: dec(20, 2),
            provisional_threshold: dec(60, 2),
            criteria,
            classes: ClassThresholds {
                a: Decimal::from(80),
                b: Decimal::from(65),
                c: Decimal::from(50),
                d: Decimal::from(35),
            },
            knock_outs: KnockOuts {
                collective_proceeding: true,
                no_statement: true,
                negative_equity_cap: Some(RiskClass::D),
            },
            limits,
            rounding_step: Decimal::from(500),
            ratio_bands,
            zones: ScoreZones {
                altman_z2_safe: dec(260, 2),
                altman_z2_grey: dec(110, 2),
                altman_z1_safe: dec(290, 2),
                altman_z1_grey: dec(123, 2),
                conan_holder_very_good: Decimal::from(16),
                conan_holder_good: Decimal::from(9),
                conan_holder_alert: Decimal::from(4),
            },
            stale_after_months: 18,
        }
    }
}

impl Policy {
    /// The rules of a class; a policy missing one (a hand-edited file) grants nothing.
    pub fn class_policy(&self, class: RiskClass) -> ClassPolicy {
        self.limits
            .iter()
            .find(|c| c.class == class)
            .cloned()
            .unwrap_or(ClassPolicy {
                class,
                tnw_share: Decimal::ZERO,
                revenue_share: Decimal::ZERO,
                max_terms_days: 0,
                deposit_share: Decimal::ZERO,
                review_months: 1,
            })
    }

    pub fn ratio_bands(&self, ratio: RatioId) -> Option<&RatioBands> {
        self.ratio_bands.iter().find(|b| b.ratio == ratio)
    }

    pub fn criterion(&self, id: CriterionId) -> Option<&CriterionPolicy> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Sum of the weights of the active criteria.
    pub fn total_weight(&self) -> Decimal {
        self.criteria
            .iter()
            .filter(|c| c.active)
            .map(|c| c.weight)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_weights_sum_to_100() {
        assert_eq!(Policy::default().total_weight(), Decimal::from(100));
    }

    #[test]
    fn default_policy_round_trips_through_json() {
        let p = Policy::default();
        let json = serde_json::to_string(&p).unwrap_or_default();
        let back: Result<Policy, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(p));
    }

    #[test]
    fn every_class_has_rules() {
        let p = Policy::default();
        for c in RiskClass::ALL {
            assert!(p.limits.iter().any(|l| l.class == c), "{c:?}");
        }
    }
}
