//! The engine on the demo portfolio, against figures computed by hand (arithmetic beside each).
//! Analysis date 2026-11-22, default policy.

mod common;

use common::{d, date, demo, demo_client, r2, r4, run, today};
use encours::domain::aggregates::Aggregate as A;
use encours::domain::analysis::Analysis;
use encours::domain::grid::{CriterionId as C, KnockOut, RiskClass};
use encours::domain::limit::{Binding, NeedSource, TermsFit};
use encours::domain::ratios::{Appreciation, RatioId as R};
use encours::domain::scores::{ScoreId, Zone};

fn agg(a: &Analysis, k: A) -> String {
    r2(a.aggregate(k))
}

fn ratio(a: &Analysis, id: R) -> String {
    r4(a.ratio(id).and_then(|r| r.value.ok()))
}

fn appreciation(a: &Analysis, id: R) -> Option<Appreciation> {
    a.ratio(id).and_then(|r| r.appreciation)
}

fn score(a: &Analysis, id: ScoreId) -> String {
    r4(a.score(id).and_then(|s| s.value.ok()))
}

fn zone(a: &Analysis, id: ScoreId) -> Option<Zone> {
    a.score(id).and_then(|s| s.zone)
}

fn points(a: &Analysis, id: C) -> Option<String> {
    a.grid
        .criteria
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.points)
        .map(|p| p.normalize().to_string())
}

/// Boulangerie Martin, year closed 2025-12-31 (12 months).
#[test]
fn boulangerie_martin_aggregates() {
    let a = run(&demo_client("demo-boulangerie-martin"));
    // revenue = sales of goods 226 000 + sales of production 668 000 = 894 000
    assert_eq!(agg(&a, A::Revenue), "894000.00");
    // commercial margin = 226 000 − 128 000 − (−1 500) = 99 500
    assert_eq!(agg(&a, A::CommercialMargin), "99500.00");
    // production = 668 000 (stored and capitalised production absent)
    assert_eq!(agg(&a, A::Production), "668000.00");
    // external consumption = 199 000 + (−500) + 121 000 = 319 500
    assert_eq!(agg(&a, A::ExternalConsumption), "319500.00");
    // VA = 99 500 + 668 000 − 319 500 = 448 000
    assert_eq!(agg(&a, A::ValueAdded), "448000.00");
    // personnel = 214 000 + 75 000 = 289 000
    assert_eq!(agg(&a, A::PersonnelCosts), "289000.00");
    // EBE = 448 000 − taxes 14 500 − 289 000 = 144 500
    assert_eq!(agg(&a, A::Ebitda), "144500.00");
    // REX = 144 500 − depreciation 37 000 = 107 500
    assert_eq!(agg(&a, A::OperatingResult), "107500.00");
    // RCAI = 107 500 − financial charges 3 600 = 103 900
    assert_eq!(agg(&a, A::CurrentResult), "103900.00");
    // net income = 103 900 − income tax 24 000 = 79 900 (= DI, no warning)
    assert_eq!(agg(&a, A::NetIncome), "79900.00");
    // CAF = 79 900 + 37 000 = 116 900
    assert_eq!(agg(&a, A::Caf), "116900.00");
    // fixed assets = 45 000 + 171 000 + 6 000 = 222 000
    assert_eq!(agg(&a, A::FixedAssets), "222000.00");
    // current assets = 15 500 + 10 500 + 11 000 + 84 000 + 3 200 = 124 200
    assert_eq!(agg(&a, A::CurrentAssets), "124200.00");
    // total assets = 222 000 + 124 200 = 346 200
    assert_eq!(agg(&a, A::TotalAssets), "346200.00");
    // equity = 50 000 + 43 300 + 79 900 + 0 = 173 200
    assert_eq!(agg(&a, A::Equity), "173200.00");
    // financial debt = 82 000 + 15 000 = 97 000; structural = 97 000 − overdrafts 0
    assert_eq!(agg(&a, A::FinancialDebt), "97000.00");
    assert_eq!(agg(&a, A::StructuralFinancialDebt), "97000.00");
    // operating liabilities = 30 500 + 42 000 + 3 500 = 76 000
    assert_eq!(agg(&a, A::OperatingLiabilities), "76000.00");
    // total debts = 97 000 + 76 000 = 173 000
    assert_eq!(agg(&a, A::TotalDebts), "173000.00");
    // total liabilities = 173 200 + 173 000 = 346 200 = total assets
    assert_eq!(agg(&a, A::TotalLiabilities), "346200.00");
    // short-term debt = overdrafts 0 + 76 000
    assert_eq!(agg(&a, A::ShortTermDebt), "76000.00");
    // stable resources = 173 200 + 97 000 = 270 200
    assert_eq!(agg(&a, A::StableResources), "270200.00");
    // FRNG = 270 200 − 222 000 = 48 200
    assert_eq!(agg(&a, A::WorkingCapital), "48200.00");
    // BFR = 15 500 + 10 500 + 11 000 + 3 200 − 76 000 = −35 800
    assert_eq!(agg(&a, A::WorkingCapitalRequirement), "-35800.00");
    // net cash = 84 000 − 0 = 84 000 (= FRNG − BFR = 48 200 + 35 800)
    assert_eq!(agg(&a, A::NetCash), "84000.00");
    // net financial debt = 97 000 − 84 000 = 13 000
    assert_eq!(agg(&a, A::NetFinancialDebt), "13000.00");
    // TNW = 173 200 − 45 000 = 128 200
    assert_eq!(agg(&a, A::TangibleNetWorth), "128200.00");
    assert!(a.years.iter().all(|y| y.warnings.is_empty()));
}

#[test]
fn boulangerie_martin_ratios_and_scores() {
    let a = run(&demo_client("demo-boulangerie-martin"));
    // 173 200 / 346 200 = 0.500288…
    assert_eq!(ratio(&a, R::EquityRatio), "0.5003");
    assert_eq!(appreciation(&a, R::EquityRatio), Some(Appreciation::Good));
    // 13 000 / 173 200 = 0.075057…
    assert_eq!(ratio(&a, R::Gearing), "0.0751");
    // 97 000 / 116 900 = 0.829769…
    assert_eq!(ratio(&a, R::RepaymentCapacity), "0.8298");
    // 124 200 / 76 000 = 1.634210…
    assert_eq!(ratio(&a, R::CurrentRatio), "1.6342");
    // (124 200 − 15 500) / 76 000 = 108 700 / 76 000 = 1.430263…
    assert_eq!(ratio(&a, R::QuickRatio), "1.4303");
    // 84 000 / 76 000 = 1.105263…
    assert_eq!(ratio(&a, R::CashRatio), "1.1053");
    // 10 500 / (894 000 × 1.2) × 365 = 3 832 500 / 1 072 800 = 3.572427…
    assert_eq!(ratio(&a, R::DsoDays), "3.5724");
    // 30 500 / ((128 000 + 199 000 + 121 000) × 1.2) × 365 = 11 132 500 / 537 600 = 20.707775…
    assert_eq!(ratio(&a, R::DpoDays), "20.7078");
    // 15 500 / 894 000 × 365 = 6.328299…
    assert_eq!(ratio(&a, R::InventoryDays), "6.3283");
    // −35 800 / 894 000 × 365 = −14.616331…
    assert_eq!(ratio(&a, R::WcrDays), "-14.6163");
    // 144 500 / 894 000 = 0.161633…
    assert_eq!(ratio(&a, R::EbitdaMargin), "0.1616");
    // 79 900 / 894 000 = 0.089373…
    assert_eq!(ratio(&a, R::NetMargin), "0.0894");
    // 79 900 / 173 200 = 0.461316…
    assert_eq!(ratio(&a, R::ReturnOnEquity), "0.4613");
    // 289 000 / 448 000 = 0.645089… (watch: 60–80 %)
    assert_eq!(ratio(&a, R::PersonnelWeight), "0.6451");
    assert_eq!(
        appreciation(&a, R::PersonnelWeight),
        Some(Appreciation::Watch)
    );
    // 144 500 / 3 500 = 41.285714…
    assert_eq!(ratio(&a, R::InterestCoverage), "41.2857");
    // 3 600 / 894 000 = 0.004026…
    assert_eq!(ratio(&a, R::FinancialChargesWeight), "0.0040");
    // 2024 revenue 210 000 + 640 000 = 850 000; 894 000 / 850 000 − 1 = 0.051764…
    assert_eq!(ratio(&a, R::RevenueGrowth), "0.0518");
    // Year-on-year change of the equity ratio: 2024 equity 50 000 + 27 200 + 70 800 = 148 000;
    // 2024 total assets (45 000 + 182 000 + 6 000) + (14 000 + 9 000 + 12 000 + 61 000 + 3 000)
    // = 233 000 + 99 000 = 332 000; 148 000 / 332 000 = 0.445783…; 0.500289 − 0.445783 = 0.054506
    let change = a.ratio(R::EquityRatio).and_then(|r| r.change);
    assert_eq!(r4(change), "0.0545");

    // Z″: X1 = (124 200 − 76 000) / 346 200 = 0.139226…, X2 = 43 300 / 346 200 = 0.125072…,
    // X3 = 107 500 / 346 200 = 0.310514…, X4 = 173 200 / (346 200 − 173 200) = 1.001156…;
    // 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4 = 0.913324 + 0.407735 + 2.086655 + 1.051214 = 4.458928
    assert_eq!(score(&a, ScoreId::AltmanZ2), "4.4589");
    assert_eq!(zone(&a, ScoreId::AltmanZ2), Some(Zone::Safe));
    // Z′ = 0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5, X5 = 894 000 / 346 200 = 2.582322…
    //    = 0.099825 + 0.105936 + 0.964768 + 0.420485 + 2.577157 = 4.168171
    assert_eq!(score(&a, ScoreId::AltmanZ1), "4.1682");
    assert_eq!(zone(&a, ScoreId::AltmanZ1), Some(Zone::Safe));
    // C&H: R1 = 144 500 / 173 000 = 0.835260, R2 = 270 200 / 346 200 = 0.780474,
    // R3 = 108 700 / 346 200 = 0.313980, R4 = 3 600 / 894 000 = 0.004027, R5 = 0.645089;
    // 24 R1 + 22 R2 + 16 R3 − 87 R4 − 10 R5 = 20.046243 + 17.170422 + 5.023686 − 0.350336 − 6.450893
    //   = 35.439122
    assert_eq!(score(&a, ScoreId::ConanHolder), "35.4391");
    assert_eq!(zone(&a, ScoreId::ConanHolder), Some(Zone::VeryGood));
}

#[test]
fn boulangerie_martin_grid_and_limit() {
    let a = run(&demo_client("demo-boulangerie-martin"));
    // Every criterion at 100 but information quality 4 → 75 (weight 5).
    for c in [
        C::EquityRatio,
        C::Gearing,
        C::RepaymentCapacity,
        C::CurrentRatio,
        C::NetMargin,
        C::FinancialChargesWeight,
        C::DpoDays,
        C::RevenueGrowth,
        C::AltmanZ2,
        C::CompanyAge,     // created 2009-05-12: 17 full years
        C::PaymentHistory, // 2 days late ≤ 5
        C::PaymentIncidents,
        C::SectorRisk,
    ] {
        assert_eq!(points(&a, c).as_deref(), Some("100"), "{c:?}");
    }
    assert_eq!(points(&a, C::InformationQuality).as_deref(), Some("75"));
    // score = (95 × 100 + 5 × 75) / 100 = 98.75 → A; completeness 100/100
    assert_eq!(r4(a.grid.score), "98.7500");
    assert_eq!(r4(Some(a.grid.completeness)), "1.0000");
    assert!(!a.grid.provisional);
    assert_eq!(a.grid.class, RiskClass::A);
    // Contribution of information quality: 5 × 75 / 100 = 3.75
    let iq = a
        .grid
        .criteria
        .iter()
        .find(|c| c.id == C::InformationQuality);
    assert_eq!(r4(iq.and_then(|c| c.contribution)), "3.7500");

    let l = &a.limit;
    // need = 36 000 × 1.2 × (30 days net + 2 days late) / 365 = 1 382 400 / 365 = 3 787.397…
    assert_eq!(r2(l.need), "3787.40");
    assert_eq!(l.need_source, Some(NeedSource::Sales));
    assert_eq!((l.effective_days, l.delay_days), (30, 2));
    // capacity A = min(20 % × 128 200, 5 % × 894 000) = min(25 640, 44 700) = 25 640 (tnw)
    assert_eq!(r2(Some(l.capacity)), "25640.00");
    assert_eq!(r2(l.capacity_revenue), "44700.00");
    assert_eq!(r2(Some(l.secured)), "0.00");
    // limit = min(3 787.40, 25 640 + 0) rounded down to 500 = 3 500; the need binds
    assert_eq!(r2(Some(l.recommended)), "3500.00");
    assert_eq!(r2(Some(l.unsecured)), "3500.00");
    assert_eq!(l.binding, Binding::Need);
    assert_eq!(l.gap, None);
    assert_eq!(l.terms.max_days, 60);
    assert_eq!(l.review_due, date(2027, 11, 22));
    assert!(!a.stale);
}

/// Menuiserie Leroy, year closed 2025-06-30 (12 months).
#[test]
fn menuiserie_leroy_aggregates() {
    let a = run(&demo_client("demo-menuiserie-leroy"));
    assert_eq!(agg(&a, A::Revenue), "2530000.00"); // sales of production only
                                                   // no sales of goods, purchases of goods or goods inventory change: absent, not zero
    assert_eq!(agg(&a, A::CommercialMargin), "");
    assert_eq!(agg(&a, A::Production), "2542000.00"); // 2 530 000 + stored 12 000
    assert_eq!(agg(&a, A::ExternalConsumption), "1409000.00"); // 1 052 000 − 15 000 + 372 000
    assert_eq!(agg(&a, A::ValueAdded), "1133000.00"); // 2 542 000 − 1 409 000
    assert_eq!(agg(&a, A::PersonnelCosts), "970000.00"); // 716 000 + 254 000
    assert_eq!(agg(&a, A::Ebitda), "121000.00"); // 1 133 000 − 42 000 − 970 000
    assert_eq!(agg(&a, A::OperatingResult), "39000.00"); // 121 000 + 3 000 − 80 000 − 5 000
    assert_eq!(agg(&a, A::CurrentResult), "16600.00"); // 39 000 − 22 400
    assert_eq!(agg(&a, A::NetIncome), "8600.00"); // 16 600 − 2 000 − 6 000
    assert_eq!(agg(&a, A::Caf), "90600.00"); // 8 600 + 80 000 + 5 000 − 3 000
    assert_eq!(agg(&a, A::FixedAssets), "421000.00"); // 11 000 + 395 000 + 15 000
    assert_eq!(agg(&a, A::CurrentAssets), "798500.00"); // 290 000 + 425 000 + 52 000 + 22 000 + 9 500
    assert_eq!(agg(&a, A::TotalAssets), "1219500.00"); // 421 000 + 798 500
    assert_eq!(agg(&a, A::Equity), "305500.00"); // 150 000 + 126 900 + 8 600 + 20 000
    assert_eq!(agg(&a, A::FinancialDebt), "432000.00"); // 372 000 + 60 000
    assert_eq!(agg(&a, A::StructuralFinancialDebt), "364000.00"); // 432 000 − 68 000
    assert_eq!(agg(&a, A::OperatingLiabilities), "462000.00"); // 21 000 + 262 000 + 161 000 + 18 000
    assert_eq!(agg(&a, A::TotalDebts), "894000.00"); // 432 000 + 462 000
    assert_eq!(agg(&a, A::TotalLiabilities), "1219500.00"); // 305 500 + provisions 20 000 + 894 000
    assert_eq!(agg(&a, A::ShortTermDebt), "530000.00"); // 68 000 + 462 000
    assert_eq!(agg(&a, A::StableResources), "689500.00"); // 305 500 + 20 000 + 364 000
    assert_eq!(agg(&a, A::WorkingCapital), "268500.00"); // 689 500 − 421 000
    assert_eq!(agg(&a, A::WorkingCapitalRequirement), "314500.00"); // 776 500 − 462 000
    assert_eq!(agg(&a, A::NetCash), "-46000.00"); // 22 000 − 68 000
    assert_eq!(agg(&a, A::NetFinancialDebt), "410000.00"); // 432 000 − 22 000
    assert_eq!(agg(&a, A::TangibleNetWorth), "294500.00"); // 305 500 − 11 000
}

#[test]
fn menuiserie_leroy_ratios_scores_grid_limit() {
    let a = run(&demo_client("demo-menuiserie-leroy"));
    assert_eq!(ratio(&a, R::EquityRatio), "0.2505"); // 305 500 / 1 219 500 = 0.250513
    assert_eq!(appreciation(&a, R::EquityRatio), Some(Appreciation::Watch));
    assert_eq!(ratio(&a, R::Gearing), "1.3421"); // 410 000 / 305 500 = 1.342062
    assert_eq!(appreciation(&a, R::Gearing), Some(Appreciation::Poor));
    assert_eq!(ratio(&a, R::RepaymentCapacity), "4.0177"); // 364 000 / 90 600 = 4.017660
    assert_eq!(ratio(&a, R::CurrentRatio), "1.5066"); // 798 500 / 530 000 = 1.506604
    assert_eq!(ratio(&a, R::QuickRatio), "0.9594"); // 508 500 / 530 000 = 0.959434
    assert_eq!(ratio(&a, R::CashRatio), "0.0415"); // 22 000 / 530 000 = 0.041509
                                                   // 425 000 × 365 / (2 530 000 × 1.2) = 155 125 000 / 3 036 000 = 51.095191
    assert_eq!(ratio(&a, R::DsoDays), "51.0952");
    // 262 000 × 365 / ((1 052 000 + 372 000) × 1.2) = 95 630 000 / 1 708 800 = 55.963249
    assert_eq!(ratio(&a, R::DpoDays), "55.9632");
    assert_eq!(ratio(&a, R::InventoryDays), "41.8379"); // 290 000 × 365 / 2 530 000
    assert_eq!(ratio(&a, R::WcrDays), "45.3725"); // 314 500 × 365 / 2 530 000
    assert_eq!(ratio(&a, R::EbitdaMargin), "0.0478"); // 121 000 / 2 530 000
    assert_eq!(ratio(&a, R::NetMargin), "0.0034"); // 8 600 / 2 530 000
    assert_eq!(ratio(&a, R::ReturnOnEquity), "0.0282"); // 8 600 / 305 500
    assert_eq!(ratio(&a, R::PersonnelWeight), "0.8561"); // 970 000 / 1 133 000
    assert_eq!(ratio(&a, R::InterestCoverage), "5.8738"); // 121 000 / 20 600
    assert_eq!(ratio(&a, R::FinancialChargesWeight), "0.0089"); // 22 400 / 2 530 000
    assert_eq!(ratio(&a, R::RevenueGrowth), "0.0327"); // 2 530 000 / 2 450 000 − 1

    // Z″: X1 = 268 500 / 1 219 500 = 0.220172, X2 = 126 900 / 1 219 500 = 0.104059,
    // X3 = 39 000 / 1 219 500 = 0.031980, X4 = 305 500 / 914 000 = 0.334245;
    // 1.444330 + 0.339232 + 0.214908 + 0.350958 = 2.349428 → grey
    assert_eq!(score(&a, ScoreId::AltmanZ2), "2.3494");
    assert_eq!(zone(&a, ScoreId::AltmanZ2), Some(Zone::Grey));
    // Z′ = 0.717 × 0.220172 + 0.847 × 0.104059 + 3.107 × 0.031980 + 0.420 × 0.334245
    //      + 0.998 × 2.074621 = 0.157863 + 0.088138 + 0.099362 + 0.140383 + 2.070472 = 2.556218
    assert_eq!(score(&a, ScoreId::AltmanZ1), "2.5562");
    assert_eq!(zone(&a, ScoreId::AltmanZ1), Some(Zone::Grey));
    // C&H: 24 × 121 000/894 000 + 22 × 689 500/1 219 500 + 16 × 508 500/1 219 500
    //      − 87 × 22 400/2 530 000 − 10 × 970 000/1 133 000
    //    = 3.248322 + 12.438704 + 6.671587 − 0.770277 − 8.561342 = 13.026994 → good
    assert_eq!(score(&a, ScoreId::ConanHolder), "13.0270");
    assert_eq!(zone(&a, ScoreId::ConanHolder), Some(Zone::Good));

    let expected = [
        (C::EquityRatio, "70"),             // 25.05 % in 20–30 %
        (C::Gearing, "30"),                 // 1.34 in 1–2
        (C::RepaymentCapacity, "40"),       // 4.02 years in 4–5
        (C::CurrentRatio, "100"),           // 1.507 ≥ 1.5
        (C::NetMargin, "50"),               // 0.34 % in 0–2 %
        (C::FinancialChargesWeight, "100"), // 0.89 % ≤ 1 %
        (C::DpoDays, "100"),                // 55.96 ≤ 60
        (C::RevenueGrowth, "100"),          // +3.27 %
        (C::AltmanZ2, "50"),                // 2.35 in 1.10–2.60
        (C::CompanyAge, "100"),             // 2016-02-01 → 10 full years
        (C::PaymentHistory, "50"),          // new client
        (C::PaymentIncidents, "100"),
        (C::SectorRisk, "60"),         // medium
        (C::InformationQuality, "50"), // 3
    ];
    for (c, p) in expected {
        assert_eq!(points(&a, c).as_deref(), Some(p), "{c:?}");
    }
    // (12×70 + 8×30 + 10×40 + 8×100 + 8×50 + 6×100 + 5×100 + 4×100 + 4×50 + 8×100 + 10×50
    //  + 7×100 + 5×60 + 5×50) / 100 = 6 930 / 100 = 69.30 → B
    assert_eq!(r4(a.grid.score), "69.3000");
    assert_eq!(a.grid.class, RiskClass::B);

    let l = &a.limit;
    // 45 days end of month = 60 days; new client, no expected delay → 0
    // need from sales = 180 000 × 1.2 × 60 / 365 = 12 960 000 / 365 = 35 506.849…, under the
    // requested 40 000, so the need is 35 506.85
    assert_eq!((l.effective_days, l.delay_days), (60, 0));
    assert_eq!(r2(l.need), "35506.85");
    assert_eq!(l.need_source, Some(NeedSource::Sales));
    // capacity B = min(15 % × 294 500, 4 % × 2 530 000) = min(44 175, 101 200) = 44 175
    assert_eq!(r2(Some(l.capacity)), "44175.00");
    assert_eq!(r2(Some(l.secured)), "15000.00"); // insurance 15 000
                                                 // limit = min(35 506.85, 44 175 + 15 000) → 35 500; unsecured = 35 500 − 15 000 = 20 500
    assert_eq!(r2(Some(l.recommended)), "35500.00");
    assert_eq!(r2(Some(l.unsecured)), "20500.00");
    assert_eq!(l.binding, Binding::Need);
    // B allows 45 days net; the request (60 effective days) is beyond the policy, not the law
    assert_eq!(l.terms.max_days, 45);
    assert!(l.terms.requested_beyond_policy);
    assert!(a.legal.is_empty());
    assert_eq!(l.review_due, date(2027, 11, 22));
}

/// For all six: class, score and limit (see the comments for the reasoning of each).
#[test]
fn all_six_demo_files() {
    let expected = [
        (
            "demo-boulangerie-martin",
            RiskClass::A,
            "98.7500",
            "3500.00",
            Binding::Need,
        ),
        (
            "demo-menuiserie-leroy",
            RiskClass::B,
            "69.3000",
            "35500.00",
            Binding::Need,
        ),
        // TransLog: 1 year (no growth: completeness 96 %); score 4 200 / 96 = 43.75 → D.
        // need = 420 000 × 1.2 × (30 + 18 days late) / 365 = 66 279.45; capacity D =
        // min(5 % × 495 000, 1 % × 8 900 000) = 24 750; + insurance 30 000 = 54 750 → 54 500, tnw binds
        (
            "demo-translog-express",
            RiskClass::D,
            "43.7500",
            "54500.00",
            Binding::Tnw,
        ),
        // Atelier Numérique: 18-month year; score 3 905 / 96 = 40.677… → D; TNW = 36 000 − 85 000
        // < 0 → capacity 0, nothing secured → limit 0, `secured` binds
        (
            "demo-atelier-numerique",
            RiskClass::D,
            "40.6771",
            "0.00",
            Binding::Secured,
        ),
        // Négoce Durand: only net margin 2.09 % → 80 (weight 8): (9 200 + 640) / 100 = 98.40 → A;
        // need = 1 200 000 × 1.2 × 60 / 365 = 236 712.33 < capacity + 200 000 secured → 236 500
        (
            "demo-negoce-durand",
            RiskClass::A,
            "98.4000",
            "236500.00",
            Binding::Need,
        ),
        // BTP Rénov: receivership → E whatever the score (1 445 / 96 = 15.05); capacity 0 → limit 0
        (
            "demo-btp-renov",
            RiskClass::E,
            "15.0521",
            "0.00",
            Binding::Secured,
        ),
    ];
    let files = demo();
    assert_eq!(files.len(), 6);
    for (id, class, score, limit, binding) in expected {
        let a = run(&demo_client(id));
        assert_eq!(a.grid.class, class, "{id}");
        assert_eq!(r4(a.grid.score), score, "{id}");
        assert_eq!(r2(Some(a.limit.recommended)), limit, "{id}");
        assert_eq!(a.limit.binding, binding, "{id}");
    }
}

#[test]
fn translog_gap_closing_options() {
    let a = run(&demo_client("demo-translog-express"));
    let gap = a
        .limit
        .gap
        .as_ref()
        .map(|g| (g.extra_guarantee, g.shorter_terms, g.deposit_share));
    let Some((guarantee, terms, deposit)) = gap else {
        panic!("TransLog's need exceeds its capacity + secured");
    };
    // extra guarantee = 66 279.45… − (24 750 + 30 000) = 11 529.45
    assert_eq!(r2(Some(guarantee)), "11529.45");
    // d = floor(54 750 × 365 / (420 000 × 1.2) − 18) = floor(39.65… − 18) = 21 days
    assert_eq!(terms, Some(TermsFit::Days(21)));
    // deposit = 1 − 54 750 / 66 279.45… = 0.173952…
    assert_eq!(r4(Some(deposit)), "0.1740");
    // D: 30 days net with a 30 % deposit or direct debit; review in 3 months
    assert_eq!(a.limit.terms.max_days, 30);
    assert_eq!(r2(Some(a.limit.terms.deposit_share)), "0.30");
    assert_eq!(a.limit.review_due, date(2027, 2, 22));
    // DPO 63.02 days > 60: flagged as beyond the legal maximum
    assert!(!a.legal.is_empty());
}

#[test]
fn atelier_numerique_eighteen_month_year() {
    let a = run(&demo_client("demo-atelier-numerique"));
    // Aggregates stay as in the statement (18 months)…
    assert_eq!(agg(&a, A::Revenue), "610000.00");
    // …but flows are annualised where they meet a stock: DSO = 96 000 / (610 000 × 12/18 × 1.2)
    // × 365 = 96 000 × 365 / 488 000 = 71.803278
    assert_eq!(ratio(&a, R::DsoDays), "71.8033");
    // margins are flow over flow: −150 500 / 610 000 = −0.246721
    assert_eq!(ratio(&a, R::NetMargin), "-0.2467");
    // ROE = −150 500 × 12/18 / 36 000 = −100 333.33 / 36 000 = −2.787037
    assert_eq!(ratio(&a, R::ReturnOnEquity), "-2.7870");
    // CAF = −150 500 + 32 000 = −118 500 ≤ 0 with debt 90 000: repayment capacity absent, 0 points
    assert_eq!(ratio(&a, R::RepaymentCapacity), "");
    assert_eq!(points(&a, C::RepaymentCapacity).as_deref(), Some("0"));
    // single year: no growth, so completeness = 96 / 100 and the criterion is absent
    assert_eq!(points(&a, C::RevenueGrowth), None);
    assert_eq!(r4(Some(a.grid.completeness)), "0.9600");
    // Z″ X3 = −148 000 × 12/18 / 282 000 = −0.349882; gives −0.986849 → distress
    assert_eq!(score(&a, ScoreId::AltmanZ2), "-0.9868");
    assert_eq!(zone(&a, ScoreId::AltmanZ2), Some(Zone::Distress));
    // shorter terms cannot help when capacity + secured is 0: payment with order
    assert_eq!(
        a.limit.gap.map(|g| g.shorter_terms),
        Some(Some(TermsFit::PaymentWithOrder))
    );
}

#[test]
fn btp_renov_knock_out() {
    let a = run(&demo_client("demo-btp-renov"));
    assert_eq!(a.grid.class, RiskClass::E);
    assert!(a
        .grid
        .knock_outs
        .iter()
        .any(|k| matches!(k, KnockOut::CollectiveProceeding(_))));
    // equity −277 000 ≤ 0: gearing absent as a ratio, present with 0 points in the grid
    assert_eq!(ratio(&a, R::Gearing), "");
    assert_eq!(points(&a, C::Gearing).as_deref(), Some("0"));
    // statements closed 2025-03-31: 18 months later is 2026-09-30 < 2026-11-22 → stale
    assert!(a.stale);
    assert_eq!(a.limit.terms.max_days, 0);
    assert_eq!(a.limit.review_due, date(2026, 12, 22));
}

/// The portfolio rates with `verdict` (the latest year only): on every demo file it gives the
/// class, score, limit and terms of the full analysis (Leroy: B and 35 500 €, as computed by hand
/// in `menuiserie_leroy_ratios_scores_grid_limit`).
#[test]
fn the_portfolio_verdict_matches_the_full_analysis_on_the_demo() {
    let policy = encours::domain::policy::Policy::default();
    for f in demo() {
        let full = encours::domain::analysis::analyse(&f, &policy, today());
        let short = encours::domain::analysis::verdict(&f, &policy, today());
        assert_eq!(short.grid, full.grid, "{}", f.id);
        assert_eq!(short.limit, full.limit, "{}", f.id);
        assert_eq!(short.stale, full.stale, "{}", f.id);
        assert_eq!(short.years.len(), full.years.len().min(1), "{}", f.id);
    }
    let leroy =
        encours::domain::analysis::verdict(&demo_client("demo-menuiserie-leroy"), &policy, today());
    assert_eq!(leroy.grid.class, RiskClass::B);
    assert_eq!(r4(leroy.grid.score), "69.3000");
    assert_eq!(leroy.limit.recommended, d("35500"));
}
