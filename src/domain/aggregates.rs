//! Aggregates of one fiscal year (FINANCE.md §2): SIG, balance-sheet masses, FRNG/BFR/trésorerie.

use rust_decimal::Decimal;

use super::figure::{over, times};
use super::statement::{BalanceLine as B, IncomeLine as I, ReportedLine as R, Statement};

pub use super::ids::Aggregate;

impl super::statement::ReportedLine {
    /// The aggregate a published key figure stands for (and replaces).
    pub const fn aggregate(self) -> Aggregate {
        match self {
            R::Revenue => Aggregate::Revenue,
            R::Ebitda => Aggregate::Ebitda,
            R::OperatingResult => Aggregate::OperatingResult,
            R::NetIncome => Aggregate::NetIncome,
            R::Equity => Aggregate::Equity,
            R::TotalAssets => Aggregate::TotalAssets,
        }
    }
}

/// A sum of optional terms: absent when every term is absent, otherwise absent terms count as 0.
pub fn sum<const N: usize>(terms: [Option<Decimal>; N]) -> Option<Decimal> {
    sum_slice(&terms)
}

/// The body of [`sum`], compiled once rather than once per number of terms.
#[inline(never)]
fn sum_slice(terms: &[Option<Decimal>]) -> Option<Decimal> {
    terms
        .iter()
        .flatten()
        // Saturating: inputs are bounded by the parsers; this only keeps hostile values from panicking.
        .fold(None, |acc, &v| {
            // Inline here (the one hot loop of the engine: every aggregate is a sum of lines);
            // through the out-of-line helper the analysis took 45 % longer.
            Some(acc.unwrap_or(Decimal::ZERO).saturating_add(v))
        })
}

/// The negation of an optional term, for differences written as sums.
pub fn neg(v: Option<Decimal>) -> Option<Decimal> {
    v.map(|x| -x)
}

/// The aggregates of one statement, as in the statement (not annualised).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Aggregates([Option<Decimal>; Aggregate::ALL.len()]);

impl Aggregates {
    pub fn get(&self, a: Aggregate) -> Option<Decimal> {
        self.0[a as usize]
    }

    fn set(&mut self, a: Aggregate, v: Option<Decimal>) {
        self.0[a as usize] = v;
    }

    /// Computes every aggregate; with `use_reported`, the published key figures replace the sums
    /// of lines ("reported totals win"), otherwise the lines alone are used (for the warnings).
    pub fn compute(s: &Statement, use_reported: bool) -> Self {
        let b = |l: B| s.bs(l);
        let i = |l: I| s.is(l);
        let rep = |l: R, lines: Option<Decimal>| {
            if use_reported {
                s.rep(l).or(lines)
            } else {
                lines
            }
        };
        let mut a = Aggregates::default();

        // Income statement (soldes intermédiaires de gestion).
        let revenue = rep(
            R::Revenue,
            sum([i(I::SalesOfGoods), i(I::SalesOfProduction)]),
        );
        let commercial_margin = sum([
            i(I::SalesOfGoods),
            neg(i(I::PurchasesOfGoods)),
            neg(i(I::GoodsInventoryChange)),
        ]);
        let production = sum([
            i(I::SalesOfProduction),
            i(I::StoredProduction),
            i(I::CapitalisedProduction),
        ]);
        let external_consumption = sum([
            i(I::PurchasesOfMaterials),
            i(I::MaterialsInventoryChange),
            i(I::ExternalCharges),
        ]);
        let value_added = sum([commercial_margin, production, neg(external_consumption)]);
        let personnel_costs = sum([i(I::Wages), i(I::SocialCharges)]);
        let ebitda = rep(
            R::Ebitda,
            sum([
                value_added,
                i(I::OperatingSubsidies),
                neg(i(I::TaxesAndDuties)),
                neg(personnel_costs),
            ]),
        );
        let operating_result = rep(
            R::OperatingResult,
            sum([
                ebitda,
                i(I::ReversalsAndTransfers),
                i(I::OtherOperatingIncome),
                neg(i(I::Depreciation)),
                neg(i(I::OperatingProvisions)),
                neg(i(I::OtherOperatingCharges)),
            ]),
        );
        let current_result = sum([
            operating_result,
            i(I::FinancialIncome),
            neg(i(I::FinancialCharges)),
        ]);
        let net_income = rep(
            R::NetIncome,
            sum([
                current_result,
                i(I::ExceptionalIncome),
                neg(i(I::ExceptionalCharges)),
                neg(i(I::EmployeeProfitSharing)),
                neg(i(I::IncomeTax)),
            ]),
        );
        let caf = sum([
            net_income,
            i(I::Depreciation),
            i(I::OperatingProvisions),
            i(I::FinancialProvisions),
            neg(i(I::ReversalsAndTransfers)),
        ]);

        // Balance sheet.
        let fixed_assets = sum([
            b(B::IntangibleAssets),
            b(B::TangibleAssets),
            b(B::FinancialAssets),
        ]);
        let current_assets = sum([
            b(B::Inventories),
            b(B::AdvancesPaid),
            b(B::TradeReceivables),
            b(B::OtherReceivables),
            b(B::MarketableSecurities),
            b(B::Cash),
            b(B::PrepaidExpenses),
        ]);
        let total_assets = rep(
            R::TotalAssets,
            sum([
                b(B::UncalledCapital),
                fixed_assets,
                current_assets,
                b(B::AccrualsAssets),
            ]),
        );
        let equity = rep(
            R::Equity,
            sum([
                b(B::ShareCapital),
                b(B::Reserves),
                b(B::YearResult),
                b(B::SubsidiesAndRegulatedProvisions),
            ]),
        );
        let financial_debt = sum([b(B::Bonds), b(B::BankDebt), b(B::OtherFinancialDebt)]);
        let structural_financial_debt = sum([financial_debt, neg(b(B::BankOverdrafts))]);
        let operating_liabilities = sum([
            b(B::CustomerAdvances),
            b(B::TradePayables),
            b(B::TaxAndSocialLiabilities),
            b(B::OtherLiabilities),
            b(B::DeferredIncome),
        ]);
        let total_debts = sum([financial_debt, operating_liabilities]);
        let total_liabilities = sum([
            equity,
            b(B::OtherEquity),
            b(B::Provisions),
            total_debts,
            b(B::AccrualsLiabilities),
        ]);
        let short_term_debt =
            b(B::DebtsWithinOneYear).or_else(|| sum([b(B::BankOverdrafts), operating_liabilities]));
        let stable_resources = sum([
            equity,
            b(B::OtherEquity),
            b(B::Provisions),
            structural_financial_debt,
        ]);
        let working_capital = sum([
            stable_resources,
            neg(fixed_assets),
            neg(b(B::UncalledCapital)),
        ]);
        let working_capital_requirement = sum([
            b(B::Inventories),
            b(B::AdvancesPaid),
            b(B::TradeReceivables),
            b(B::OtherReceivables),
            b(B::PrepaidExpenses),
            neg(operating_liabilities),
        ]);
        let net_cash = sum([
            b(B::Cash),
            b(B::MarketableSecurities),
            neg(b(B::BankOverdrafts)),
        ]);
        let net_financial_debt = sum([
            financial_debt,
            neg(b(B::Cash)),
            neg(b(B::MarketableSecurities)),
        ]);
        let tangible_net_worth = sum([
            equity,
            neg(b(B::IntangibleAssets)),
            neg(b(B::UncalledCapital)),
        ]);

        use Aggregate as A;
        for (k, v) in [
            (A::Revenue, revenue),
            (A::CommercialMargin, commercial_margin),
            (A::Production, production),
            (A::ExternalConsumption, external_consumption),
            (A::ValueAdded, value_added),
            (A::PersonnelCosts, personnel_costs),
            (A::Ebitda, ebitda),
            (A::OperatingResult, operating_result),
            (A::CurrentResult, current_result),
            (A::NetIncome, net_income),
            (A::Caf, caf),
            (A::FixedAssets, fixed_assets),
            (A::CurrentAssets, current_assets),
            (A::TotalAssets, total_assets),
            (A::Equity, equity),
            (A::FinancialDebt, financial_debt),
            (A::StructuralFinancialDebt, structural_financial_debt),
            (A::OperatingLiabilities, operating_liabilities),
            (A::TotalDebts, total_debts),
            (A::TotalLiabilities, total_liabilities),
            (A::ShortTermDebt, short_term_debt),
            (A::StableResources, stable_resources),
            (A::WorkingCapital, working_capital),
            (A::WorkingCapitalRequirement, working_capital_requirement),
            (A::NetCash, net_cash),
            (A::NetFinancialDebt, net_financial_debt),
            (A::TangibleNetWorth, tangible_net_worth),
        ] {
            a.set(k, v);
        }
        a
    }
}

/// A flow brought to twelve months: `x × 12 / months` (multiplication first, one division).
pub fn annualise(x: Decimal, months: u8) -> Decimal {
    let m = Decimal::from(months.max(1));
    if months == 12 {
        x
    } else {
        // Through the one-copy helpers (figure.rs); dividing by m ≥ 1 cannot fail.
        let twelve = Decimal::from(12);
        times(x, twelve)
            .and_then(|v| over(v, m))
            .unwrap_or_else(|| {
                // As `saturating_mul`: the product overflows only away from zero, on x's side.
                let q = over(x, m).unwrap_or(x);
                times(q, twelve).unwrap_or(if q.is_sign_negative() {
                    Decimal::MIN
                } else {
                    Decimal::MAX
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testutil::d;
    use chrono::NaiveDate;

    fn year() -> Statement {
        Statement::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default())
    }

    #[test]
    fn sum_is_absent_only_when_every_term_is() {
        assert_eq!(sum::<2>([None, None]), None);
        assert_eq!(sum([None, Some(d("5"))]), Some(d("5")));
        assert_eq!(sum([Some(d("0")), None]), Some(d("0")));
        assert_eq!(sum([Some(d("5")), neg(Some(d("7")))]), Some(d("-2")));
    }

    #[test]
    fn empty_statement_has_no_aggregate() {
        let a = Aggregates::compute(&year(), true);
        for &k in Aggregate::ALL {
            assert_eq!(a.get(k), None, "{}", k.key());
        }
    }

    #[test]
    fn reported_totals_win_and_flow_into_dependants() {
        let mut s = year();
        s.income_statement.set(I::SalesOfGoods, Some(d("100")));
        s.income_statement.set(I::PurchasesOfGoods, Some(d("60")));
        s.income_statement.set(I::Depreciation, Some(d("10")));
        s.reported.set(R::Ebitda, Some(d("50")));
        let with = Aggregates::compute(&s, true);
        let lines = Aggregates::compute(&s, false);
        // Lines: VA = 100 − 60 = 40; EBE = 40. Reported EBE 50 wins.
        assert_eq!(lines.get(Aggregate::Ebitda), Some(d("40")));
        assert_eq!(with.get(Aggregate::Ebitda), Some(d("50")));
        // REX = EBE − depreciation: 50 − 10 = 40 with the reported EBE, 40 − 10 = 30 from lines.
        assert_eq!(with.get(Aggregate::OperatingResult), Some(d("40")));
        assert_eq!(lines.get(Aggregate::OperatingResult), Some(d("30")));
    }

    #[test]
    fn short_term_debt_prefers_debts_within_one_year() {
        let mut s = year();
        s.balance_sheet.set(B::BankOverdrafts, Some(d("10")));
        s.balance_sheet.set(B::TradePayables, Some(d("20")));
        let a = Aggregates::compute(&s, true);
        assert_eq!(a.get(Aggregate::ShortTermDebt), Some(d("30")));
        s.balance_sheet.set(B::DebtsWithinOneYear, Some(d("25")));
        let a = Aggregates::compute(&s, true);
        assert_eq!(a.get(Aggregate::ShortTermDebt), Some(d("25")));
    }

    #[test]
    fn annualise_eighteen_months() {
        // 600 over 18 months → 600 × 12 / 18 = 400 a year.
        assert_eq!(annualise(d("600"), 18), d("400"));
        assert_eq!(annualise(d("600"), 12), d("600"));
        assert_eq!(annualise(d("100"), 6), d("200"));
    }

    /// Through the one-copy helpers, `annualise` gives what Decimal's operators gave, bounds
    /// included (the product overflows first, then saturates).
    #[test]
    fn annualise_is_the_operator_formula() {
        let twelve = Decimal::from(12);
        for x in [
            Decimal::MAX,
            Decimal::MIN,
            d("7922816251426433759354395033.5"),
            d("-123456.789"),
            Decimal::ZERO,
            d("0.0000000000000000000000000007"),
        ] {
            for months in [0u8, 1, 6, 7, 12, 18, 255] {
                let m = Decimal::from(months.max(1));
                let expected = if months == 12 {
                    x
                } else {
                    x.checked_mul(twelve)
                        .map(|v| v / m)
                        .unwrap_or_else(|| (x / m).saturating_mul(twelve))
                };
                assert_eq!(annualise(x, months), expected, "{x} over {months}");
            }
        }
    }
}
