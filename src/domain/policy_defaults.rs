//! The defaults of the credit policy, as the scoring contract sets them (docs/finance.md): the
//! grid, the ratios' bands, the limit rules by class, the zones and thresholds. Data rather than
//! code, built when compiling.

use rust_decimal::Decimal;

use super::ids::{CriterionId, RatioId, RiskClass};
use super::policy::{
    Band, ClassPolicy, ClassThresholds, CriterionPolicy, Direction, KnockOuts, Policy, RatioBands,
    Scale, ScoreZones,
};

/// `units / 10^scale`, as `Decimal::new` (which is not `const`) for the small values of the
/// tables below, built when compiling.
const fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::from_parts(units.unsigned_abs() as u32, 0, 0, units < 0, scale)
}

const fn pct(x: i64) -> Option<Decimal> {
    Some(dec(x, 2))
}

const fn s(x: i64) -> Option<Decimal> {
    Some(dec(x, 0))
}

/// How a default criterion scores: bands `(bound, points)` best first, or the sector points.
enum DefaultScale {
    Bands(Direction, &'static [(Option<Decimal>, i64)]),
    Sector,
}

use CriterionId as C;
use Direction::{HigherIsBetter as Hi, LowerIsBetter as Lo};

/// The grid of FINANCE.md §5: criterion, weight, scale, special-case points. Data rather than
/// code: the defaults cost their bytes, not the instructions that would store them.
#[rustfmt::skip]
static DEFAULT_CRITERIA: [(CriterionId, i64, DefaultScale, Option<i64>); 14] = [
    (C::EquityRatio, 12, DefaultScale::Bands(Hi, &[(pct(30), 100), (pct(20), 70), (pct(10), 40), (s(0), 20), (None, 0)]), None),
    (C::Gearing, 8, DefaultScale::Bands(Lo, &[(Some(dec(5, 1)), 100), (s(1), 70), (s(2), 30), (None, 0)]), Some(0)),
    (C::RepaymentCapacity, 10, DefaultScale::Bands(Lo, &[(s(3), 100), (s(4), 70), (s(5), 40), (None, 20)]), Some(0)),
    (C::CurrentRatio, 8, DefaultScale::Bands(Hi, &[(Some(dec(15, 1)), 100), (s(1), 70), (Some(dec(8, 1)), 30), (None, 0)]), None),
    (C::NetMargin, 8, DefaultScale::Bands(Hi, &[(pct(5), 100), (pct(2), 80), (s(0), 50), (pct(-5), 20), (None, 0)]), None),
    (C::FinancialChargesWeight, 6, DefaultScale::Bands(Lo, &[(pct(1), 100), (pct(3), 70), (pct(5), 30), (None, 0)]), None),
    (C::DpoDays, 5, DefaultScale::Bands(Lo, &[(s(60), 100), (s(75), 60), (s(90), 30), (None, 0)]), None),
    (C::RevenueGrowth, 4, DefaultScale::Bands(Hi, &[(s(0), 100), (pct(-10), 70), (pct(-20), 30), (None, 0)]), None),
    (C::AltmanZ2, 4, DefaultScale::Bands(Hi, &[(Some(dec(260, 2)), 100), (Some(dec(110, 2)), 50), (None, 0)]), None),
    (C::CompanyAge, 8, DefaultScale::Bands(Hi, &[(s(10), 100), (s(5), 80), (s(2), 50), (None, 20)]), None),
    (C::PaymentHistory, 10, DefaultScale::Bands(Lo, &[(s(5), 100), (s(15), 70), (s(30), 40), (None, 0)]), Some(50)),
    (C::PaymentIncidents, 7, DefaultScale::Bands(Lo, &[(s(0), 100), (s(1), 50), (None, 0)]), None),
    (C::SectorRisk, 5, DefaultScale::Sector, None),
    (C::InformationQuality, 5, DefaultScale::Bands(Hi, &[(s(5), 100), (s(4), 75), (s(3), 50), (s(2), 25), (None, 0)]), None),
];

/// Ratio bands of FINANCE.md §3: ratio, direction, good, watch.
#[rustfmt::skip]
static DEFAULT_RATIO_BANDS: [(RatioId, Direction, Decimal, Decimal); 15] = {
    use RatioId as R;
    [
        (R::EquityRatio, Hi, dec(30, 2), dec(20, 2)),
        (R::Gearing, Lo, dec(5, 1), dec(1, 0)),
        (R::RepaymentCapacity, Lo, dec(3, 0), dec(4, 0)),
        (R::CurrentRatio, Hi, dec(15, 1), dec(1, 0)),
        (R::QuickRatio, Hi, dec(12, 1), dec(8, 1)),
        (R::CashRatio, Hi, dec(3, 1), dec(1, 1)),
        (R::DsoDays, Lo, dec(45, 0), dec(60, 0)),
        (R::DpoDays, Lo, dec(60, 0), dec(75, 0)),
        (R::EbitdaMargin, Hi, dec(8, 2), dec(3, 2)),
        (R::NetMargin, Hi, dec(3, 2), dec(0, 0)),
        (R::ReturnOnEquity, Hi, dec(10, 2), dec(0, 0)),
        (R::PersonnelWeight, Lo, dec(60, 2), dec(80, 2)),
        (R::InterestCoverage, Hi, dec(5, 0), dec(3, 0)),
        (R::FinancialChargesWeight, Lo, dec(2, 2), dec(4, 2)),
        (R::RevenueGrowth, Hi, dec(0, 0), dec(-10, 2)),
    ]
};

/// Limit rules of FINANCE.md §6: class, share of TNW (‰), of revenue (‰), terms (days),
/// deposit (%), review (months).
#[rustfmt::skip]
static DEFAULT_LIMITS: [(RiskClass, i64, i64, u32, i64, u32); 6] = [
    (RiskClass::A, 200, 50, 60, 0, 12),
    (RiskClass::B, 150, 40, 45, 0, 12),
    (RiskClass::C, 100, 25, 30, 0, 6),
    (RiskClass::D, 50, 10, 30, 30, 3),
    (RiskClass::E, 0, 0, 0, 0, 1),
    (RiskClass::NotRated, 0, 0, 0, 0, 1),
];

impl Default for Policy {
    /// The defaults of FINANCE.md §3–6, version 1.
    fn default() -> Self {
        let criteria = DEFAULT_CRITERIA
            .iter()
            .map(|(id, weight, scale, special)| CriterionPolicy {
                id: *id,
                active: true,
                weight: Decimal::from(*weight),
                scale: match scale {
                    DefaultScale::Bands(direction, spec) => Scale::Bands {
                        direction: *direction,
                        bands: spec
                            .iter()
                            .map(|&(bound, points)| Band {
                                bound,
                                points: Decimal::from(points),
                            })
                            .collect(),
                    },
                    DefaultScale::Sector => Scale::Sector {
                        low: Decimal::from(100),
                        medium: Decimal::from(60),
                        high: Decimal::from(20),
                    },
                },
                special_points: special.map(Decimal::from),
            })
            .collect();
        let ratio_bands = DEFAULT_RATIO_BANDS
            .iter()
            .map(|&(ratio, direction, good, watch)| RatioBands {
                ratio,
                direction,
                good,
                watch,
            })
            .collect();
        let limits = DEFAULT_LIMITS
            .iter()
            .map(|&(class, tnw, rev, terms, deposit, review)| ClassPolicy {
                class,
                tnw_share: dec(tnw, 3),
                revenue_share: dec(rev, 3),
                max_terms_days: terms,
                deposit_share: dec(deposit, 2),
                review_months: review,
            })
            .collect();

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
            receivables: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn const_decimals_are_decimal_new() {
        for (u, sc) in [
            (0, 0),
            (30, 2),
            (-5, 2),
            (-10, 2),
            (260, 2),
            (5, 1),
            (200, 3),
        ] {
            let (a, b) = (dec(u, sc), Decimal::new(u, sc));
            assert_eq!(
                (a, a.scale(), a.is_sign_negative()),
                (b, b.scale(), b.is_sign_negative())
            );
        }
    }
}
