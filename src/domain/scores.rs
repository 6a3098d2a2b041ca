//! Failure scores (FINANCE.md §4): Altman Z″ and Z′, Conan & Holder, with their zones.

use rust_decimal::Decimal;

use super::aggregates::{annualise, sum, Aggregate as A, Aggregates};
use super::figure::{add, div, mul, positive, req, Figure, Input};
use super::policy::ScoreZones;
use super::statement::{BalanceLine as B, IncomeLine as I, Statement};

/// Zone of a failure score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    Safe,
    Grey,
    Distress,
    /// Conan & Holder: failure probability under 10 %.
    VeryGood,
    /// 10–30 %.
    Good,
    /// 30–65 %.
    Alert,
    /// Over 65 %.
    Danger,
}

impl Zone {
    pub const fn key(self) -> &'static str {
        match self {
            Zone::Safe => "safe",
            Zone::Grey => "grey",
            Zone::Distress => "distress",
            Zone::VeryGood => "very_good",
            Zone::Good => "good",
            Zone::Alert => "alert",
            Zone::Danger => "danger",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScoreId {
    AltmanZ2,
    AltmanZ1,
    ConanHolder,
}

impl ScoreId {
    pub const ALL: [ScoreId; 3] = [ScoreId::AltmanZ2, ScoreId::AltmanZ1, ScoreId::ConanHolder];

    /// The name used in `data-testid="score-<key>"`.
    pub const fn key(self) -> &'static str {
        match self {
            ScoreId::AltmanZ2 => "altman_z2",
            ScoreId::AltmanZ1 => "altman_z1",
            ScoreId::ConanHolder => "conan_holder",
        }
    }
}

/// One failure score: its value, zone, and the ratios that went into it (X1…X5 or R1…R5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreResult {
    pub id: ScoreId,
    pub value: Figure,
    pub zone: Option<Zone>,
    /// Each component with its coefficient, in formula order.
    pub components: Vec<(Decimal, Figure)>,
}

const fn k(units: i64, scale: u32) -> Decimal {
    Decimal::from_parts(units.unsigned_abs() as u32, 0, 0, units < 0, scale)
}

/// Σ coefficient × component, absent when any component is.
fn weighted(components: &[(Decimal, Figure)]) -> Figure {
    components
        .iter()
        .try_fold(Decimal::ZERO, |acc, (c, x)| add(acc, mul(*c, (*x)?)?))
}

fn zone3(v: Decimal, safe: Decimal, grey: Decimal) -> Zone {
    if v >= safe {
        Zone::Safe
    } else if v >= grey {
        Zone::Grey
    } else {
        Zone::Distress
    }
}

/// The three failure scores of one year.
pub fn compute_all(s: &Statement, agg: &Aggregates, zones: &ScoreZones) -> Vec<ScoreResult> {
    let a = |key: A| req(agg.get(key), Input::Agg(key));
    let flow = |key: A| a(key).map(|v| annualise(v, s.months()));
    let ta = a(A::TotalAssets);
    let over_ta = |n: Figure| -> Figure { div(n?, ta?, Input::Agg(A::TotalAssets)) };
    let tl = req(
        sum([agg.get(A::TotalAssets), agg.get(A::Equity).map(|e| -e)]),
        Input::OutsideLiabilities,
    );

    let x1 = over_ta(req(
        sum([
            agg.get(A::CurrentAssets),
            agg.get(A::ShortTermDebt).map(|v| -v),
        ]),
        Input::Agg(A::CurrentAssets),
    ));
    let x2 = over_ta(req(s.bs(B::Reserves), Input::Bs(B::Reserves)));
    let x3 = over_ta(flow(A::OperatingResult));
    let x4 = a(A::Equity).and_then(|e| div(e, tl?, Input::OutsideLiabilities));
    let x5 = over_ta(flow(A::Revenue));

    let z2_parts = vec![
        (k(656, 2), x1),
        (k(326, 2), x2),
        (k(672, 2), x3),
        (k(105, 2), x4),
    ];
    let z1_parts = vec![
        (k(717, 3), x1),
        (k(847, 3), x2),
        (k(3107, 3), x3),
        (k(420, 3), x4),
        (k(998, 3), x5),
    ];

    let r1 = a(A::TotalDebts).and_then(|d| div(flow(A::Ebitda)?, d, Input::Agg(A::TotalDebts)));
    let r2 = over_ta(a(A::StableResources));
    let r3 = over_ta(req(
        sum([agg.get(A::CurrentAssets), s.bs(B::Inventories).map(|v| -v)]),
        Input::Agg(A::CurrentAssets),
    ));
    // Flow over flow: no annualisation needed.
    let r4 = req(s.is(I::FinancialCharges), Input::Is(I::FinancialCharges))
        .and_then(|fc| div(fc, a(A::Revenue)?, Input::Agg(A::Revenue)));
    let r5 = a(A::PersonnelCosts).and_then(|pc| {
        let va = positive(a(A::ValueAdded)?, Input::Agg(A::ValueAdded))?;
        div(pc, va, Input::Agg(A::ValueAdded))
    });
    let ch_parts = vec![
        (k(24, 0), r1),
        (k(22, 0), r2),
        (k(16, 0), r3),
        (k(-87, 0), r4),
        (k(-10, 0), r5),
    ];

    let z2 = weighted(&z2_parts);
    let z1 = weighted(&z1_parts);
    let ch = weighted(&ch_parts);
    vec![
        ScoreResult {
            id: ScoreId::AltmanZ2,
            value: z2,
            zone: z2
                .ok()
                .map(|v| zone3(v, zones.altman_z2_safe, zones.altman_z2_grey)),
            components: z2_parts,
        },
        ScoreResult {
            id: ScoreId::AltmanZ1,
            value: z1,
            zone: z1
                .ok()
                .map(|v| zone3(v, zones.altman_z1_safe, zones.altman_z1_grey)),
            components: z1_parts,
        },
        ScoreResult {
            id: ScoreId::ConanHolder,
            value: ch,
            zone: ch.ok().map(|v| {
                if v >= zones.conan_holder_very_good {
                    Zone::VeryGood
                } else if v >= zones.conan_holder_good {
                    Zone::Good
                } else if v >= zones.conan_holder_alert {
                    Zone::Alert
                } else {
                    Zone::Danger
                }
            }),
            components: ch_parts,
        },
    ]
}
