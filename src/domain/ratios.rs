//! Ratios of one fiscal year (FINANCE.md §3), with their appreciation from the policy.

use rust_decimal::Decimal;

use super::aggregates::{annualise, sum, Aggregate as A, Aggregates};
use super::figure::{div, minus, mul, positive, req, saturating_add, Figure, Input, Why};
use super::policy::Policy;
use super::statement::{BalanceLine as B, IncomeLine as I, Statement};

pub use super::ids::{RatioId, Unit};

/// Appreciation of a ratio against its bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Appreciation {
    Good,
    Watch,
    Poor,
}

impl Appreciation {
    pub const fn key(self) -> &'static str {
        match self {
            Appreciation::Good => "good",
            Appreciation::Watch => "watch",
            Appreciation::Poor => "poor",
        }
    }
}

/// One ratio of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatioResult {
    pub id: RatioId,
    pub value: Figure,
    /// `None` when the ratio is absent or has no bands.
    pub appreciation: Option<Appreciation>,
    /// Change from the previous year, in the ratio's unit (percentage points as a fraction).
    pub change: Option<Decimal>,
}

/// What the ratios of one year read: the statement, its aggregates, and the previous year's.
pub struct YearInputs<'a> {
    pub statement: &'a Statement,
    pub agg: &'a Aggregates,
    pub previous: Option<(&'a Statement, &'a Aggregates)>,
}

impl YearInputs<'_> {
    fn a(&self, k: A) -> Figure {
        req(self.agg.get(k), Input::Agg(k))
    }

    /// An aggregate that is a flow, annualised.
    fn flow(&self, k: A) -> Figure {
        self.a(k).map(|v| annualise(v, self.statement.months()))
    }

    fn b(&self, l: B) -> Figure {
        req(self.statement.bs(l), Input::Bs(l))
    }

    fn i(&self, l: I) -> Figure {
        req(self.statement.is(l), Input::Is(l))
    }
}

const DAYS: Decimal = Decimal::from_parts(365, 0, 0, false, 0);

/// Computes one ratio (unrounded).
pub fn compute(id: RatioId, y: &YearInputs<'_>, vat: Decimal) -> Figure {
    // Through figure.rs' one-copy arithmetic: Decimal's operators are inlined at each use.
    let one_plus_vat = saturating_add(Decimal::ONE, vat);
    let days_of = |n: Decimal, d: Decimal, input: Input| -> Figure { mul(div(n, d, input)?, DAYS) };
    match id {
        RatioId::EquityRatio => div(
            y.a(A::Equity)?,
            y.a(A::TotalAssets)?,
            Input::Agg(A::TotalAssets),
        ),
        RatioId::Gearing => {
            let nfd = y.a(A::NetFinancialDebt)?;
            let equity = positive(y.a(A::Equity)?, Input::Agg(A::Equity))?;
            div(nfd, equity, Input::Agg(A::Equity))
        }
        RatioId::RepaymentCapacity => {
            let sfd = y.a(A::StructuralFinancialDebt)?;
            if sfd <= Decimal::ZERO {
                return Ok(Decimal::ZERO);
            }
            let caf = positive(y.flow(A::Caf)?, Input::Agg(A::Caf))?;
            div(sfd, caf, Input::Agg(A::Caf))
        }
        RatioId::CurrentRatio => div(
            y.a(A::CurrentAssets)?,
            y.a(A::ShortTermDebt)?,
            Input::Agg(A::ShortTermDebt),
        ),
        RatioId::QuickRatio => {
            let n = req(
                sum([
                    y.agg.get(A::CurrentAssets),
                    y.statement.bs(B::Inventories).map(|v| -v),
                ]),
                Input::Agg(A::CurrentAssets),
            )?;
            div(n, y.a(A::ShortTermDebt)?, Input::Agg(A::ShortTermDebt))
        }
        RatioId::CashRatio => {
            let n = req(
                sum([
                    y.statement.bs(B::Cash),
                    y.statement.bs(B::MarketableSecurities),
                ]),
                Input::LiquidAssets,
            )?;
            div(n, y.a(A::ShortTermDebt)?, Input::Agg(A::ShortTermDebt))
        }
        RatioId::DsoDays => {
            let receivables = y.b(B::TradeReceivables)?;
            let revenue = mul(y.flow(A::Revenue)?, one_plus_vat)?;
            days_of(receivables, revenue, Input::Agg(A::Revenue))
        }
        RatioId::DpoDays => {
            let payables = y.b(B::TradePayables)?;
            let s = y.statement;
            let purchases = req(
                sum([
                    s.is(I::PurchasesOfGoods),
                    s.is(I::PurchasesOfMaterials),
                    s.is(I::ExternalCharges),
                ]),
                Input::Purchases,
            )?;
            let purchases = mul(annualise(purchases, s.months()), one_plus_vat)?;
            days_of(payables, purchases, Input::Purchases)
        }
        RatioId::InventoryDays => days_of(
            y.b(B::Inventories)?,
            y.flow(A::Revenue)?,
            Input::Agg(A::Revenue),
        ),
        RatioId::WcrDays => days_of(
            y.a(A::WorkingCapitalRequirement)?,
            y.flow(A::Revenue)?,
            Input::Agg(A::Revenue),
        ),
        // Flow over flow: unaffected by annualisation.
        RatioId::EbitdaMargin => div(y.a(A::Ebitda)?, y.a(A::Revenue)?, Input::Agg(A::Revenue)),
        RatioId::NetMargin => div(y.a(A::NetIncome)?, y.a(A::Revenue)?, Input::Agg(A::Revenue)),
        RatioId::ReturnOnEquity => {
            let ni = y.flow(A::NetIncome)?;
            let equity = positive(y.a(A::Equity)?, Input::Agg(A::Equity))?;
            div(ni, equity, Input::Agg(A::Equity))
        }
        RatioId::PersonnelWeight => {
            let pc = y.a(A::PersonnelCosts)?;
            let va = positive(y.a(A::ValueAdded)?, Input::Agg(A::ValueAdded))?;
            div(pc, va, Input::Agg(A::ValueAdded))
        }
        RatioId::InterestCoverage => div(
            y.a(A::Ebitda)?,
            y.i(I::InterestExpense)?,
            Input::Is(I::InterestExpense),
        ),
        RatioId::FinancialChargesWeight => div(
            y.i(I::FinancialCharges)?,
            y.a(A::Revenue)?,
            Input::Agg(A::Revenue),
        ),
        RatioId::RevenueGrowth => {
            let (ps, pa) = y.previous.ok_or(Why::NoPreviousYear)?;
            let now = y.flow(A::Revenue)?;
            let before = req(pa.get(A::Revenue), Input::PreviousRevenue)
                .map(|v| annualise(v, ps.months()))?;
            minus(div(now, before, Input::PreviousRevenue)?, Decimal::ONE).ok_or(Why::OutOfRange)
        }
    }
}

/// The appreciation of `value` for `id` under the policy, `None` when the ratio has no bands.
pub fn appreciate(id: RatioId, value: Decimal, policy: &Policy) -> Option<Appreciation> {
    let b = policy.ratio_bands(id)?;
    Some(if b.direction.reaches(value, b.good) {
        Appreciation::Good
    } else if b.direction.reaches(value, b.watch) {
        Appreciation::Watch
    } else {
        Appreciation::Poor
    })
}

/// Every ratio of one year, without the year-on-year change (the analysis adds it).
pub fn compute_all(y: &YearInputs<'_>, policy: &Policy) -> Vec<RatioResult> {
    RatioId::ALL
        .iter()
        .map(|&id| {
            let value = compute(id, y, policy.vat_rate);
            RatioResult {
                id,
                value,
                appreciation: value.ok().and_then(|v| appreciate(id, v, policy)),
                change: None,
            }
        })
        .collect()
}
