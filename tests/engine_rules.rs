//! The rules of FINANCE.md one by one: band bounds, absent cases, reported totals, knock-outs,
//! terms, secured limits. Files are built by hand so each test shows what it feeds the engine.

mod common;

use common::{d, date, r2, r4, today};
use encours::domain::aggregates::Aggregate as A;
use encours::domain::analysis::{analyse, Analysis};
use encours::domain::client::{ClientFile, CollectiveProceeding, SectorRisk, TermsBasis};
use encours::domain::figure::{Input, Why};
use encours::domain::grid::{class_of, points_for, CriterionId as C, KnockOut, RiskClass};
use encours::domain::limit::{Binding, NeedSource, TermsFit};
use encours::domain::policy::Policy;
use encours::domain::ratios::{appreciate, Appreciation, RatioId as R};
use encours::domain::statement::{
    BalanceLine as B, IncomeLine as I, ReportedLine as Rep, Statement,
};
use encours::domain::warnings::Warning;
use rust_decimal::Decimal;

fn pts(id: C, value: &str) -> String {
    let policy = Policy::default();
    let Some(c) = policy.criterion(id) else {
        panic!("no criterion {id:?}");
    };
    points_for(c, d(value))
        .map(|(_, p)| p.normalize().to_string())
        .unwrap_or_default()
}

/// Every bound of every band of the default grid (FINANCE.md §5): on the bound, the better band;
/// just past it, the worse one.
#[test]
fn grid_bands_bounds_take_the_better_band() {
    let table: &[(C, &[(&str, &str)])] = &[
        (
            C::EquityRatio,
            &[
                ("0.30", "100"),
                ("0.2999", "70"),
                ("0.20", "70"),
                ("0.1999", "40"),
                ("0.10", "40"),
                ("0.0999", "20"),
                ("0", "20"),
                ("-0.0001", "0"),
            ],
        ),
        (
            C::Gearing,
            &[
                ("-3", "100"),
                ("0.5", "100"),
                ("0.5001", "70"),
                ("1", "70"),
                ("1.0001", "30"),
                ("2", "30"),
                ("2.0001", "0"),
            ],
        ),
        (
            C::RepaymentCapacity,
            &[
                ("0", "100"),
                ("3", "100"),
                ("3.0001", "70"),
                ("4", "70"),
                ("4.0001", "40"),
                ("5", "40"),
                ("5.0001", "20"),
            ],
        ),
        (
            C::CurrentRatio,
            &[
                ("1.5", "100"),
                ("1.4999", "70"),
                ("1", "70"),
                ("0.9999", "30"),
                ("0.8", "30"),
                ("0.7999", "0"),
            ],
        ),
        (
            C::NetMargin,
            &[
                ("0.05", "100"),
                ("0.0499", "80"),
                ("0.02", "80"),
                ("0.0199", "50"),
                ("0", "50"),
                ("-0.0001", "20"),
                ("-0.05", "20"),
                ("-0.0501", "0"),
            ],
        ),
        (
            C::FinancialChargesWeight,
            &[
                ("0.01", "100"),
                ("0.0101", "70"),
                ("0.03", "70"),
                ("0.0301", "30"),
                ("0.05", "30"),
                ("0.0501", "0"),
            ],
        ),
        (
            C::DpoDays,
            &[
                ("60", "100"),
                ("60.01", "60"),
                ("75", "60"),
                ("75.01", "30"),
                ("90", "30"),
                ("90.01", "0"),
            ],
        ),
        (
            C::RevenueGrowth,
            &[
                ("0", "100"),
                ("-0.0001", "70"),
                ("-0.10", "70"),
                ("-0.1001", "30"),
                ("-0.20", "30"),
                ("-0.2001", "0"),
            ],
        ),
        (
            C::AltmanZ2,
            &[
                ("2.60", "100"),
                ("2.5999", "50"),
                ("1.10", "50"),
                ("1.0999", "0"),
            ],
        ),
        (
            C::CompanyAge,
            &[
                ("10", "100"),
                ("9", "80"),
                ("5", "80"),
                ("4", "50"),
                ("2", "50"),
                ("1", "20"),
                ("0", "20"),
            ],
        ),
        (
            C::PaymentHistory,
            &[
                ("0", "100"),
                ("5", "100"),
                ("6", "70"),
                ("15", "70"),
                ("16", "40"),
                ("30", "40"),
                ("31", "0"),
            ],
        ),
        (
            C::PaymentIncidents,
            &[("0", "100"), ("1", "50"), ("2", "0"), ("9", "0")],
        ),
        // Sector: 1 low, 2 medium, 3 high.
        (C::SectorRisk, &[("1", "100"), ("2", "60"), ("3", "20")]),
        (
            C::InformationQuality,
            &[
                ("5", "100"),
                ("4", "75"),
                ("3", "50"),
                ("2", "25"),
                ("1", "0"),
            ],
        ),
    ];
    assert_eq!(table.len(), C::ALL.len());
    for (id, cases) in table {
        for (value, expected) in *cases {
            assert_eq!(pts(*id, value), *expected, "{id:?} at {value}");
        }
    }
}

#[test]
fn ratio_appreciation_bounds_take_the_better_band() {
    let p = Policy::default();
    let table: &[(R, &str, Appreciation)] = &[
        (R::EquityRatio, "0.30", Appreciation::Good),
        (R::EquityRatio, "0.2999", Appreciation::Watch),
        (R::EquityRatio, "0.20", Appreciation::Watch),
        (R::EquityRatio, "0.1999", Appreciation::Poor),
        (R::Gearing, "0.5", Appreciation::Good),
        (R::Gearing, "1", Appreciation::Watch),
        (R::Gearing, "1.0001", Appreciation::Poor),
        (R::RepaymentCapacity, "3", Appreciation::Good),
        (R::RepaymentCapacity, "4", Appreciation::Watch),
        (R::RepaymentCapacity, "4.0001", Appreciation::Poor),
        (R::CurrentRatio, "1.5", Appreciation::Good),
        (R::CurrentRatio, "1", Appreciation::Watch),
        (R::CurrentRatio, "0.9999", Appreciation::Poor),
        (R::QuickRatio, "1.2", Appreciation::Good),
        (R::QuickRatio, "0.8", Appreciation::Watch),
        (R::QuickRatio, "0.7999", Appreciation::Poor),
        (R::CashRatio, "0.3", Appreciation::Good),
        (R::CashRatio, "0.1", Appreciation::Watch),
        (R::CashRatio, "0.0999", Appreciation::Poor),
        (R::DsoDays, "45", Appreciation::Good),
        (R::DsoDays, "60", Appreciation::Watch),
        (R::DsoDays, "60.01", Appreciation::Poor),
        (R::DpoDays, "60", Appreciation::Good),
        (R::DpoDays, "75", Appreciation::Watch),
        (R::DpoDays, "75.01", Appreciation::Poor),
        (R::EbitdaMargin, "0.08", Appreciation::Good),
        (R::EbitdaMargin, "0.03", Appreciation::Watch),
        (R::EbitdaMargin, "0.0299", Appreciation::Poor),
        (R::NetMargin, "0.03", Appreciation::Good),
        (R::NetMargin, "0", Appreciation::Watch),
        (R::NetMargin, "-0.0001", Appreciation::Poor),
        (R::ReturnOnEquity, "0.10", Appreciation::Good),
        (R::ReturnOnEquity, "0", Appreciation::Watch),
        (R::ReturnOnEquity, "-0.0001", Appreciation::Poor),
        (R::PersonnelWeight, "0.60", Appreciation::Good),
        (R::PersonnelWeight, "0.80", Appreciation::Watch),
        (R::PersonnelWeight, "0.8001", Appreciation::Poor),
        (R::InterestCoverage, "5", Appreciation::Good),
        (R::InterestCoverage, "3", Appreciation::Watch),
        (R::InterestCoverage, "2.9999", Appreciation::Poor),
        (R::FinancialChargesWeight, "0.02", Appreciation::Good),
        (R::FinancialChargesWeight, "0.04", Appreciation::Watch),
        (R::FinancialChargesWeight, "0.0401", Appreciation::Poor),
        (R::RevenueGrowth, "0", Appreciation::Good),
        (R::RevenueGrowth, "-0.10", Appreciation::Watch),
        (R::RevenueGrowth, "-0.1001", Appreciation::Poor),
    ];
    for (id, value, expected) in table {
        assert_eq!(
            appreciate(*id, d(value), &p),
            Some(*expected),
            "{id:?} at {value}"
        );
    }
    // Inventory days and BFR days have no bands.
    assert_eq!(appreciate(R::InventoryDays, d("10"), &p), None);
    assert_eq!(appreciate(R::WcrDays, d("10"), &p), None);
}

#[test]
fn class_thresholds_take_the_better_class() {
    let p = Policy::default();
    for (score, class) in [
        ("100", RiskClass::A),
        ("80", RiskClass::A),
        ("79.9999", RiskClass::B),
        ("65", RiskClass::B),
        ("64.9999", RiskClass::C),
        ("50", RiskClass::C),
        ("49.9999", RiskClass::D),
        ("35", RiskClass::D),
        ("34.9999", RiskClass::E),
        ("0", RiskClass::E),
    ] {
        assert_eq!(class_of(d(score), &p), class, "{score}");
    }
}

// ---------------------------------------------------------------- files built by hand

fn year(y: i32) -> Statement {
    Statement::new(date(y, 12, 31))
}

fn file(statements: Vec<Statement>) -> ClientFile {
    ClientFile {
        id: "t".into(),
        name: "Test".into(),
        statements,
        ..ClientFile::default()
    }
}

fn run(f: &ClientFile) -> Analysis {
    analyse(f, &Policy::default(), today())
}

fn ratio(a: &Analysis, id: R) -> Result<Decimal, Why> {
    a.ratio(id)
        .map(|r| r.value)
        .unwrap_or(Err(Why::NoStatement))
}

fn points(a: &Analysis, id: C) -> Option<Decimal> {
    a.grid
        .criteria
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.points)
}

/// A simple healthy year: equity 400, total assets 1 000, revenue 2 000.
fn healthy(y: i32) -> Statement {
    let mut s = year(y);
    let bs = &mut s.balance_sheet;
    bs.set(B::TangibleAssets, Some(d("400")));
    bs.set(B::TradeReceivables, Some(d("300")));
    bs.set(B::Cash, Some(d("300")));
    bs.set(B::ShareCapital, Some(d("300")));
    bs.set(B::YearResult, Some(d("100")));
    bs.set(B::BankDebt, Some(d("200")));
    bs.set(B::TradePayables, Some(d("400")));
    let is = &mut s.income_statement;
    is.set(I::SalesOfProduction, Some(d("2000")));
    is.set(I::ExternalCharges, Some(d("1000")));
    is.set(I::Wages, Some(d("750")));
    is.set(I::Depreciation, Some(d("50")));
    is.set(I::FinancialCharges, Some(d("10")));
    is.set(I::InterestExpense, Some(d("10")));
    is.set(I::IncomeTax, Some(d("90")));
    s
}

#[test]
fn the_healthy_year_is_consistent() {
    let a = run(&file(vec![healthy(2025)]));
    // EBE = 2 000 − 1 000 − 750 = 250; REX = 200; RCAI = 190; net = 100 = DI
    assert_eq!(r2(a.aggregate(A::NetIncome)), "100.00");
    // assets 400 + 300 + 300 = 1 000 = liabilities 400 + 200 + 400
    assert_eq!(r2(a.aggregate(A::TotalAssets)), "1000.00");
    assert_eq!(r2(a.aggregate(A::TotalLiabilities)), "1000.00");
    assert!(a.years[0].warnings.is_empty());
}

#[test]
fn no_revenue_makes_revenue_ratios_absent_with_a_reason() {
    let mut s = healthy(2025);
    s.income_statement.set(I::SalesOfProduction, None);
    let a = run(&file(vec![s]));
    assert_eq!(a.aggregate(A::Revenue), None);
    assert_eq!(
        ratio(&a, R::NetMargin),
        Err(Why::Missing(Input::Agg(A::Revenue)))
    );
    assert_eq!(
        ratio(&a, R::DsoDays),
        Err(Why::Missing(Input::Agg(A::Revenue)))
    );
    // revenue entered as 0: the denominator is zero
    let mut s = healthy(2025);
    s.income_statement
        .set(I::SalesOfProduction, Some(Decimal::ZERO));
    let a = run(&file(vec![s]));
    assert_eq!(
        ratio(&a, R::NetMargin),
        Err(Why::ZeroDenominator(Input::Agg(A::Revenue)))
    );
    assert_eq!(points(&a, C::NetMargin), None);
}

#[test]
fn equity_not_positive() {
    let mut s = healthy(2025);
    // equity = 300 − 500 + 100 = −100
    s.balance_sheet.set(B::Reserves, Some(d("-500")));
    let a = run(&file(vec![s]));
    assert_eq!(r2(a.aggregate(A::Equity)), "-100.00");
    assert_eq!(
        ratio(&a, R::Gearing),
        Err(Why::NotPositive(Input::Agg(A::Equity)))
    );
    assert_eq!(
        ratio(&a, R::ReturnOnEquity),
        Err(Why::NotPositive(Input::Agg(A::Equity)))
    );
    // gearing: equity ≤ 0 → present with 0 points
    assert_eq!(points(&a, C::Gearing), Some(Decimal::ZERO));
    // knock-out: negative equity → no better than D
    assert!(a.grid.class >= RiskClass::D);
    // equity exactly 0 is not negative: no knock-out, but gearing still gets 0
    let mut s = healthy(2025);
    s.balance_sheet.set(B::Reserves, Some(d("-400")));
    let a = run(&file(vec![s]));
    assert_eq!(r2(a.aggregate(A::Equity)), "0.00");
    assert!(!a.grid.knock_outs.contains(&KnockOut::NegativeEquity));
    assert_eq!(points(&a, C::Gearing), Some(Decimal::ZERO));
}

#[test]
fn negative_equity_caps_a_good_score_at_d() {
    let mut f = file(vec![healthy(2024), healthy(2025)]);
    f.created_on = Some(date(2000, 1, 1));
    f.sector_risk = Some(SectorRisk::Low);
    f.qualitative.payment_history.avg_days_late = Some(0);
    f.qualitative.payment_incidents_12m = Some(0);
    f.qualitative.information_quality = Some(5);
    // A small negative equity (−1) on an otherwise excellent file.
    if let Some(s) = f.statements.last_mut() {
        s.balance_sheet.set(B::Reserves, Some(d("-401")));
        s.balance_sheet.set(B::BankDebt, Some(d("0")));
    }
    let a = run(&f);
    assert!(a.grid.score_class < RiskClass::D, "{:?}", a.grid.score);
    assert_eq!(a.grid.class, RiskClass::D);
    assert_eq!(a.grid.knock_outs, vec![KnockOut::NegativeEquity]);
}

#[test]
fn caf_not_positive_with_debt_scores_zero() {
    let mut s = healthy(2025);
    // CAF = net income + depreciation; make net income −200 through exceptional charges:
    // 100 − 300 = −200, CAF = −200 + 50 = −150
    s.income_statement
        .set(I::ExceptionalCharges, Some(d("300")));
    let a = run(&file(vec![s]));
    assert_eq!(r2(a.aggregate(A::Caf)), "-150.00");
    assert_eq!(
        ratio(&a, R::RepaymentCapacity),
        Err(Why::NotPositive(Input::Agg(A::Caf)))
    );
    assert_eq!(points(&a, C::RepaymentCapacity), Some(Decimal::ZERO));
}

#[test]
fn no_debt_at_all_versus_debt_lines_absent() {
    // Debt lines entered as 0: structural debt 0 → repayment capacity 0 years → 100 points.
    let mut s = healthy(2025);
    s.balance_sheet.set(B::BankDebt, Some(Decimal::ZERO));
    let a = run(&file(vec![s]));
    assert_eq!(ratio(&a, R::RepaymentCapacity), Ok(Decimal::ZERO));
    assert_eq!(points(&a, C::RepaymentCapacity), Some(d("100")));
    // Debt lines absent: the figure is unknown → the criterion is absent.
    let mut s = healthy(2025);
    s.balance_sheet.set(B::BankDebt, None);
    let a = run(&file(vec![s]));
    assert_eq!(a.aggregate(A::FinancialDebt), None);
    assert_eq!(
        ratio(&a, R::RepaymentCapacity),
        Err(Why::Missing(Input::Agg(A::StructuralFinancialDebt)))
    );
    assert_eq!(points(&a, C::RepaymentCapacity), None);
    // No debt and a negative CAF: still 0 years, nothing to repay.
    let mut s = healthy(2025);
    s.balance_sheet.set(B::BankDebt, Some(Decimal::ZERO));
    s.income_statement
        .set(I::ExceptionalCharges, Some(d("300")));
    let a = run(&file(vec![s]));
    assert_eq!(points(&a, C::RepaymentCapacity), Some(d("100")));
}

#[test]
fn no_previous_year_and_statements_in_any_order() {
    let a = run(&file(vec![healthy(2025)]));
    assert_eq!(ratio(&a, R::RevenueGrowth), Err(Why::NoPreviousYear));
    assert_eq!(a.ratio(R::EquityRatio).and_then(|r| r.change), None);
    // 2024 revenue 1 600, 2025 revenue 2 000: growth 2 000 / 1 600 − 1 = 0.25, whatever the order
    let mut before = healthy(2024);
    before
        .income_statement
        .set(I::SalesOfProduction, Some(d("1600")));
    let a = run(&file(vec![healthy(2025), before]));
    assert_eq!(a.latest().map(|y| y.closing_date), Some(date(2025, 12, 31)));
    assert_eq!(ratio(&a, R::RevenueGrowth), Ok(d("0.25")));
}

#[test]
fn growth_compares_annualised_revenues() {
    // 18-month year with 3 000 of revenue = 2 000 a year; then 12 months at 2 200: +10 %.
    let mut first = healthy(2024);
    first.duration_months = 18;
    first
        .income_statement
        .set(I::SalesOfProduction, Some(d("3000")));
    let mut second = healthy(2025);
    second
        .income_statement
        .set(I::SalesOfProduction, Some(d("2200")));
    let a = run(&file(vec![first, second]));
    assert_eq!(ratio(&a, R::RevenueGrowth), Ok(d("0.1")));
}

#[test]
fn no_statement_is_not_rated_but_shows_the_score_of_what_is_there() {
    let mut f = file(vec![]);
    f.sector_risk = Some(SectorRisk::Low); // weight 5 → 100
    f.qualitative.payment_incidents_12m = Some(1); // weight 7 → 50
    f.trade.insurance_cover = Some(d("5000"));
    f.trade.expected_annual_sales = Some(d("100000"));
    let a = run(&f);
    assert_eq!(a.grid.class, RiskClass::NotRated);
    assert_eq!(a.grid.knock_outs, vec![KnockOut::NoStatement]);
    // score = (5 × 100 + 7 × 50) / 12 = 850 / 12 = 70.8333…; completeness 12 / 100
    assert_eq!(r4(a.grid.score), "70.8333");
    assert_eq!(r4(Some(a.grid.completeness)), "0.1200");
    assert!(a.grid.provisional);
    // only secured amounts can be granted: capacity 0, limit = insurance 5 000
    assert_eq!(a.limit.capacity, Decimal::ZERO);
    assert_eq!(r2(Some(a.limit.recommended)), "5000.00");
    assert_eq!(a.limit.binding, Binding::Secured);
    assert_eq!(a.limit.terms.max_days, 0);
    assert!(a.latest().is_none());
}

#[test]
fn an_empty_file_is_not_rated_with_no_score() {
    let a = run(&file(vec![]));
    assert_eq!(a.grid.score, None);
    assert_eq!(a.grid.completeness, Decimal::ZERO);
    assert_eq!(a.grid.class, RiskClass::NotRated);
    assert_eq!(a.limit.need, None);
    assert_eq!(a.limit.recommended, Decimal::ZERO);
}

#[test]
fn reported_totals_override_lines_and_warn_when_they_differ() {
    let mut s = healthy(2025);
    // Published equity 450 against lines 300 + 100 = 400; published revenue 2 000 = lines.
    s.reported.set(Rep::Equity, Some(d("450")));
    s.reported.set(Rep::Revenue, Some(d("2000")));
    let a = run(&file(vec![s]));
    assert_eq!(r2(a.aggregate(A::Equity)), "450.00");
    // equity ratio on the published figure: 450 / 1 000
    assert_eq!(ratio(&a, R::EquityRatio), Ok(d("0.45")));
    // TNW uses it too: 450 − 0 intangible
    assert_eq!(r2(a.aggregate(A::TangibleNetWorth)), "450.00");
    let w = &a.years[0].warnings;
    assert!(w.contains(&Warning::ReportedDiffers {
        closing_date: date(2025, 12, 31),
        line: Rep::Equity,
        reported: d("450"),
        from_lines: d("400"),
    }));
    // the lines themselves balance (1 000 = 1 000): the published equity gets its own warning,
    // not a second one for the balance sheet
    assert!(!w.iter().any(|x| matches!(x, Warning::Unbalanced { .. })));
    // revenue matches its lines: no warning for it
    assert!(!w.iter().any(|x| matches!(
        x,
        Warning::ReportedDiffers {
            line: Rep::Revenue,
            ..
        }
    )));
}

#[test]
fn a_difference_of_one_euro_is_rounding() {
    let mut s = healthy(2025);
    s.reported.set(Rep::Equity, Some(d("401")));
    s.balance_sheet.set(B::YearResult, Some(d("101")));
    // equity lines now 401 = reported; DI 101 vs HN 100: 1 € apart, no warning
    let a = run(&file(vec![s]));
    assert!(a.years[0].warnings.iter().all(|w| !matches!(
        w,
        Warning::YearResultDiffers { .. } | Warning::ReportedDiffers { .. }
    )));
    let mut s = healthy(2025);
    s.balance_sheet.set(B::YearResult, Some(d("101.01")));
    let a = run(&file(vec![s]));
    assert!(a.years[0]
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::YearResultDiffers { .. })));
}

#[test]
fn quick_mode_key_figures_alone_give_a_rating() {
    let mut s = year(2025);
    for (l, v) in [
        (Rep::Revenue, "1200000"),
        (Rep::Ebitda, "150000"),
        (Rep::OperatingResult, "90000"),
        (Rep::NetIncome, "60000"),
        (Rep::Equity, "400000"),
        (Rep::TotalAssets, "1000000"),
    ] {
        s.reported.set(l, Some(d(v)));
    }
    for (l, v) in [
        (B::TradeReceivables, "200000"),
        (B::TradePayables, "150000"),
        (B::Cash, "80000"),
        (B::BankDebt, "250000"),
    ] {
        s.balance_sheet.set(l, Some(d(v)));
    }
    let a = run(&file(vec![s]));
    assert_eq!(ratio(&a, R::EquityRatio), Ok(d("0.4"))); // 400 000 / 1 000 000
    assert_eq!(ratio(&a, R::NetMargin), Ok(d("0.05"))); // 60 000 / 1 200 000
                                                        // gearing = (250 000 − 80 000) / 400 000 = 0.425
    assert_eq!(ratio(&a, R::Gearing), Ok(d("0.425")));
    assert!(a.grid.score.is_some());
    assert_ne!(a.grid.class, RiskClass::NotRated);
    // a partial balance sheet is not an unbalanced one
    assert!(a.years[0].warnings.is_empty());
}

#[test]
fn lines_that_do_not_balance_are_flagged_with_both_totals() {
    let mut s = healthy(2025);
    // one more 50 of cash: assets 1 050 against liabilities 1 000
    s.balance_sheet.set(B::Cash, Some(d("350")));
    let a = run(&file(vec![s]));
    assert_eq!(
        a.years[0].warnings,
        vec![Warning::Unbalanced {
            closing_date: date(2025, 12, 31),
            total_assets: d("1050"),
            total_liabilities: d("1000"),
        }]
    );
}

#[test]
fn collective_proceeding_knocks_out_to_e() {
    for p in [
        CollectiveProceeding::Safeguard,
        CollectiveProceeding::Receivership,
        CollectiveProceeding::Liquidation,
    ] {
        let mut f = file(vec![healthy(2025)]);
        f.qualitative.collective_proceeding = p;
        let a = run(&f);
        assert_eq!(a.grid.class, RiskClass::E, "{p:?}");
        assert_eq!(a.grid.knock_outs, vec![KnockOut::CollectiveProceeding(p)]);
        assert_eq!(a.limit.terms.max_days, 0);
    }
    // first rule wins: a proceeding with no statement is E, not NR
    let mut f = file(vec![]);
    f.qualitative.collective_proceeding = CollectiveProceeding::Liquidation;
    assert_eq!(run(&f).grid.class, RiskClass::E);
}

fn trade_file() -> ClientFile {
    let mut f = file(vec![healthy(2025)]);
    // TNW 400, revenue 2 000: a small company.
    f.trade.expected_annual_sales = Some(d("36500"));
    f
}

#[test]
fn end_of_month_terms_add_fifteen_days() {
    let mut f = trade_file();
    f.trade.terms_days = Some(45);
    f.trade.terms_basis = TermsBasis::EndOfMonth;
    f.trade.expected_delay_days = Some(5);
    let a = run(&f);
    // need = 36 500 × 1.2 × (45 + 15 + 5) / 365 = 43 800 × 65 / 365 = 7 800
    assert_eq!((a.limit.effective_days, a.limit.delay_days), (60, 5));
    assert_eq!(r2(a.limit.need), "7800.00");
    // no terms given: 30 days net, the legal default
    let mut f = trade_file();
    f.trade.terms_basis = TermsBasis::EndOfMonth;
    let a = run(&f);
    assert_eq!(a.limit.effective_days, 30);
    // 36 500 × 1.2 × 30 / 365 = 3 600
    assert_eq!(r2(a.limit.need), "3600.00");
}

#[test]
fn requested_limit_caps_the_need_or_stands_alone() {
    let mut f = trade_file();
    f.trade.requested_limit = Some(d("1000"));
    let a = run(&f);
    assert_eq!(r2(a.limit.need), "1000.00");
    assert_eq!(a.limit.need_source, Some(NeedSource::Requested));
    f.trade.expected_annual_sales = None;
    let a = run(&f);
    assert_eq!(r2(a.limit.need), "1000.00");
    f.trade.requested_limit = None;
    assert_eq!(run(&f).limit.need, None);
}

#[test]
fn insurance_and_guarantees_make_secured_bind() {
    // A file with no statement: capacity 0. Need 3 600 (36 500 × 1.2 × 30 / 365).
    let mut f = file(vec![]);
    f.trade.expected_annual_sales = Some(d("36500"));
    f.trade.insurance_cover = Some(d("1000"));
    f.trade.guarantees = Some(d("700"));
    let a = run(&f);
    assert_eq!(r2(Some(a.limit.secured)), "1700.00");
    // min(3 600, 0 + 1 700) = 1 700 → rounded down to 1 500
    assert_eq!(r2(Some(a.limit.recommended)), "1500.00");
    assert_eq!(a.limit.binding, Binding::Secured);
    assert_eq!(r2(Some(a.limit.unsecured)), "0.00");
    let Some(gap) = a.limit.gap else {
        panic!("the need exceeds what is secured");
    };
    // guarantee 3 600 − 1 700 = 1 900; terms: 1 700 × 365 / 43 800 = 14.16… → 14 days;
    // deposit 1 − 1 700 / 3 600 = 0.527777…
    assert_eq!(r2(Some(gap.extra_guarantee)), "1900.00");
    assert_eq!(gap.shorter_terms, Some(TermsFit::Days(14)));
    assert_eq!(r4(Some(gap.deposit_share)), "0.5278");
    // enough cover: the need binds again
    f.trade.guarantees = Some(d("5000"));
    let a = run(&f);
    assert_eq!(a.limit.binding, Binding::Need);
    assert_eq!(r2(Some(a.limit.recommended)), "3500.00");
    // 3 500 − 6 000 secured < 0 → unsecured 0
    assert_eq!(r2(Some(a.limit.unsecured)), "0.00");
}

#[test]
fn capacity_rule_that_binds_and_tnw_on_a_tie() {
    let mut f = trade_file();
    f.created_on = Some(date(2000, 1, 1));
    f.sector_risk = Some(SectorRisk::Low);
    f.qualitative.payment_history.avg_days_late = Some(0);
    f.qualitative.payment_incidents_12m = Some(0);
    f.qualitative.information_quality = Some(5);
    f.trade.expected_annual_sales = Some(d("10000000"));
    let a = run(&f);
    let class = a.grid.class;
    let p = Policy::default().class_policy(class);
    // TNW 400 × x against revenue 2 000 × y; with the default shares TNW is smaller for A–D.
    assert!(matches!(
        class,
        RiskClass::A | RiskClass::B | RiskClass::C | RiskClass::D
    ));
    assert_eq!(a.limit.capacity, d("400") * p.tnw_share);
    assert_eq!(a.limit.binding, Binding::Tnw);
    // Equal bases under a policy with equal products: the tie goes to tnw.
    let mut policy = Policy::default();
    for l in &mut policy.limits {
        l.tnw_share = d("0.05");
        l.revenue_share = d("0.01"); // 0.05 × 400 = 20 = 0.01 × 2 000
    }
    let a = analyse(&f, &policy, today());
    assert_eq!(a.limit.capacity, d("20"));
    assert_eq!(a.limit.binding, Binding::Tnw);
    // revenue smaller: revenue binds
    for l in &mut policy.limits {
        l.revenue_share = d("0.005");
    }
    let a = analyse(&f, &policy, today());
    assert_eq!(a.limit.binding, Binding::Revenue);
}

#[test]
fn stale_statements_and_review_dates_at_month_ends() {
    // 2025-05-21 + 18 months = 2026-11-21 < 2026-11-22: stale. 2025-05-22 + 18 = today: not yet.
    let mut s = healthy(2025);
    s.closing_date = date(2025, 5, 21);
    assert!(run(&file(vec![s.clone()])).stale);
    s.closing_date = date(2025, 5, 22);
    assert!(!run(&file(vec![s])).stale);
    // review = analysis date + months, kept on the month's last day when shorter
    let f = file(vec![]);
    let a = analyse(&f, &Policy::default(), date(2026, 1, 31));
    assert_eq!(a.limit.review_due, date(2026, 2, 28)); // NR: 1 month
}

#[test]
fn a_hand_made_policy_with_a_tiny_step_does_not_crash_the_engine() {
    // policy_check refuses steps under 0.01 €; the engine must still survive one it is handed.
    let policy = Policy {
        rounding_step: Decimal::new(1, 28),
        ..Policy::default()
    };
    let mut f = file(vec![]);
    f.trade.insurance_cover = Some(d("1000000000000000"));
    let a = analyse(&f, &policy, today());
    assert_eq!(a.limit.recommended, d("1000000000000000"));
    assert!(!encours::domain::policy_check::validate(&policy).is_empty());
}
