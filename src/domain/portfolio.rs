//! Figures of the whole portfolio: exposure (the sum of recommended limits) and the number of
//! files in each risk class.

use rust_decimal::Decimal;

use super::grid::RiskClass;

/// The files of one risk class: how many, and the sum of their recommended limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassTotal {
    pub class: RiskClass,
    pub count: usize,
    /// Σ recommended limit of the class's files, in euros.
    pub exposure: Decimal,
}

/// Exposure and count by class, for each `(class, recommended limit)` of the portfolio.
///
/// Every class is in the result, in the order A, B, C, D, E, NR, with zero for a class without
/// file (a chart shows every class). The sum saturates rather than overflows: limits come from
/// what users type, and a sum past 7.9 × 10²⁸ € is no portfolio.
pub fn exposure_by_class(ratings: &[(RiskClass, Decimal)]) -> Vec<ClassTotal> {
    RiskClass::ALL
        .iter()
        .map(|&class| {
            let (count, exposure) = ratings
                .iter()
                .filter(|(c, _)| *c == class)
                .fold((0, Decimal::ZERO), |(n, sum), (_, limit)| {
                    (n + 1, sum.saturating_add(*limit))
                });
            ClassTotal {
                class,
                count,
                exposure,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testutil::d;

    #[test]
    fn empty_portfolio_has_every_class_at_zero() {
        let t = exposure_by_class(&[]);
        assert_eq!(t.len(), 6);
        assert!(t.iter().all(|c| c.count == 0 && c.exposure.is_zero()));
        let order: Vec<&str> = t.iter().map(|c| c.class.key()).collect();
        assert_eq!(order, ["A", "B", "C", "D", "E", "NR"]);
    }

    #[test]
    fn sums_limits_by_class() {
        let t = exposure_by_class(&[
            (RiskClass::C, d("1000.50")),
            (RiskClass::NotRated, d("0")),
            (RiskClass::C, d("2500")),
        ]);
        // C: 1 000,50 + 2 500 = 3 500,50, two files; NR: one file at 0.
        assert_eq!(t[2].count, 2);
        assert_eq!(t[2].exposure, d("3500.50"));
        assert_eq!(t[5].count, 1);
        assert_eq!(t[5].exposure, Decimal::ZERO);
        assert_eq!(t[0].count, 0);
    }

    #[test]
    fn a_huge_sum_saturates() {
        let t = exposure_by_class(&[(RiskClass::A, Decimal::MAX), (RiskClass::A, Decimal::ONE)]);
        assert_eq!(t[0].exposure, Decimal::MAX);
        assert_eq!(t[0].count, 2);
    }
}
