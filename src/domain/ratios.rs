//! Ratios of one fiscal year (FINANCE.md §3), with their appreciation from the policy.

use rust_decimal::Decimal;
use serde::Serialize;

use super::aggregates::{annualise, sum, Aggregate as A, Aggregates};
use super::figure::{div, minus, mul, positive, req, saturating_add, Figure, Input, Why};
use super::policy::Policy;
use super::statement::{BalanceLine as B, IncomeLine as I, Statement};

/// How a ratio is expressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A fraction shown as a percentage (0.234 → 23.4 %).
    Percent,
    /// A multiple (1.5 ×).
    Times,
    Years,
    Days,
}

macro_rules! ratios {
    ( $( $variant:ident => $key:literal, $unit:ident, $fr:literal, $en:literal,
         $ffr:literal, $fen:literal; )+ ) => {
        /// Every ratio of FINANCE.md §3.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum RatioId { $( $variant ),+ }

        impl RatioId {
            pub const ALL: &'static [RatioId] = &[ $( RatioId::$variant ),+ ];

            /// The name used in `data-testid="ratio-<key>"`.
            pub const fn key(self) -> &'static str {
                match self { $( RatioId::$variant => $key ),+ }
            }

            pub const fn unit(self) -> Unit {
                match self { $( RatioId::$variant => Unit::$unit ),+ }
            }

            pub const fn label(self, french: bool) -> &'static str {
                match self { $( RatioId::$variant => if french { $fr } else { $en } ),+ }
            }

            /// The formula in words, with liasse codes.
            pub const fn formula(self, french: bool) -> &'static str {
                match self { $( RatioId::$variant => if french { $ffr } else { $fen } ),+ }
            }
        }
    };
}

ratios! {
    EquityRatio => "equity_ratio", Percent, "Autonomie financière", "Equity ratio",
        "Capitaux propres (DL) / total bilan (EE)", "Equity (DL) / total assets (EE)";
    Gearing => "gearing", Times, "Endettement net (gearing)", "Gearing",
        "Endettement financier net / capitaux propres (DL)", "Net financial debt / equity (DL)";
    RepaymentCapacity => "repayment_capacity", Years, "Capacité de remboursement", "Debt repayment capacity",
        "Dettes financières structurelles / CAF annualisée", "Structural financial debt / annualised CAF";
    CurrentRatio => "current_ratio", Times, "Liquidité générale", "Current ratio",
        "Actif circulant / dettes à court terme", "Current assets / short-term debt";
    QuickRatio => "quick_ratio", Times, "Liquidité réduite", "Quick ratio",
        "(Actif circulant − stocks) / dettes à court terme", "(Current assets − inventories) / short-term debt";
    CashRatio => "cash_ratio", Times, "Liquidité immédiate", "Cash ratio",
        "(Disponibilités CF + VMP CD) / dettes à court terme", "(Cash CF + securities CD) / short-term debt";
    DsoDays => "dso_days", Days, "Crédit clients", "Days sales outstanding",
        "Clients (BX) / (CA × (1 + TVA)) × 365", "Receivables (BX) / (revenue × (1 + VAT)) × 365";
    DpoDays => "dpo_days", Days, "Crédit fournisseurs", "Days payables outstanding",
        "Fournisseurs (DX) / ((FS + FU + FW) × (1 + TVA)) × 365", "Payables (DX) / ((FS + FU + FW) × (1 + VAT)) × 365";
    InventoryDays => "inventory_days", Days, "Rotation des stocks", "Inventory days",
        "Stocks / CA × 365", "Inventories / revenue × 365";
    WcrDays => "wcr_days", Days, "BFR en jours de CA", "Working capital requirement in days",
        "BFR / CA × 365", "Working capital requirement / revenue × 365";
    EbitdaMargin => "ebitda_margin", Percent, "Taux d'EBE", "EBITDA margin",
        "EBE / CA", "EBITDA / revenue";
    NetMargin => "net_margin", Percent, "Rentabilité nette", "Net margin",
        "Résultat net (HN) / CA", "Net income (HN) / revenue";
    ReturnOnEquity => "return_on_equity", Percent, "Rentabilité des capitaux propres", "Return on equity",
        "Résultat net annualisé / capitaux propres (DL)", "Annualised net income / equity (DL)";
    PersonnelWeight => "personnel_weight", Percent, "Poids des charges de personnel", "Personnel costs weight",
        "Charges de personnel (FY + FZ) / valeur ajoutée", "Personnel costs (FY + FZ) / value added";
    InterestCoverage => "interest_coverage", Times, "Couverture des intérêts", "Interest coverage",
        "EBE / intérêts (GR)", "EBITDA / interest expense (GR)";
    FinancialChargesWeight => "financial_charges_weight", Percent, "Poids des frais financiers", "Financial charges weight",
        "Charges financières (GU) / CA", "Financial charges (GU) / revenue";
    RevenueGrowth => "revenue_growth", Percent, "Croissance du CA", "Revenue growth",
        "CA(N) annualisé / CA(N−1) annualisé − 1", "Annualised revenue(N) / annualised revenue(N−1) − 1";
}

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
