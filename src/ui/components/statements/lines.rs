//! The lines of the statement tables: the quick entry's few and the complete entry's groups,
//! each a balance-sheet, income-statement or reported line of the liasse.

use rust_decimal::Decimal;

use crate::domain::statement::{
    BalanceLine as B, IncomeLine as I, QuickField, ReportedLine as R, Statement, QUICK_FIELDS,
};
use crate::ui::Lang;

/// A line of any of the three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Bs(B),
    Is(I),
    Rep(R),
}

impl Line {
    pub fn key(self) -> &'static str {
        match self {
            Line::Bs(l) => l.key(),
            Line::Is(l) => l.key(),
            Line::Rep(l) => l.key(),
        }
    }

    pub fn liasse(self) -> &'static str {
        match self {
            Line::Bs(l) => l.liasse(),
            Line::Is(l) => l.liasse(),
            Line::Rep(l) => l.liasse(),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Line::Bs(l) => l.label(lang),
            Line::Is(l) => l.label(lang),
            Line::Rep(l) => l.label(lang),
        }
    }

    pub(super) fn get(self, s: &Statement) -> Option<Decimal> {
        match self {
            Line::Bs(l) => s.bs(l),
            Line::Is(l) => s.is(l),
            Line::Rep(l) => s.rep(l),
        }
    }

    pub(super) fn set(self, s: &mut Statement, v: Option<Decimal>) {
        match self {
            Line::Bs(l) => s.balance_sheet.set(l, v),
            Line::Is(l) => s.income_statement.set(l, v),
            Line::Rep(l) => s.reported.set(l, v),
        }
    }

    /// "of which" lines are shown indented under their total.
    pub(super) fn is_detail(self) -> bool {
        matches!(
            self,
            Line::Bs(B::BankOverdrafts) | Line::Is(I::InterestExpense | I::FinancialProvisions)
        )
    }
}

/// A group of lines as on the liasse.
pub(super) struct Group {
    pub(super) fr: &'static str,
    pub(super) en: &'static str,
    pub(super) lines: &'static [Line],
}

pub(super) const COMPLETE: &[Group] = &[
    Group {
        fr: "Actif immobilisé",
        en: "Fixed assets",
        lines: &[
            Line::Bs(B::UncalledCapital),
            Line::Bs(B::IntangibleAssets),
            Line::Bs(B::TangibleAssets),
            Line::Bs(B::FinancialAssets),
        ],
    },
    Group {
        fr: "Actif circulant",
        en: "Current assets",
        lines: &[
            Line::Bs(B::Inventories),
            Line::Bs(B::AdvancesPaid),
            Line::Bs(B::TradeReceivables),
            Line::Bs(B::OtherReceivables),
            Line::Bs(B::MarketableSecurities),
            Line::Bs(B::Cash),
            Line::Bs(B::PrepaidExpenses),
            Line::Bs(B::AccrualsAssets),
        ],
    },
    Group {
        fr: "Capitaux propres",
        en: "Equity",
        lines: &[
            Line::Bs(B::ShareCapital),
            Line::Bs(B::Reserves),
            Line::Bs(B::YearResult),
            Line::Bs(B::SubsidiesAndRegulatedProvisions),
        ],
    },
    Group {
        fr: "Autres fonds propres et provisions",
        en: "Other equity and provisions",
        lines: &[Line::Bs(B::OtherEquity), Line::Bs(B::Provisions)],
    },
    Group {
        fr: "Dettes",
        en: "Liabilities",
        lines: &[
            Line::Bs(B::Bonds),
            Line::Bs(B::BankDebt),
            Line::Bs(B::BankOverdrafts),
            Line::Bs(B::OtherFinancialDebt),
            Line::Bs(B::CustomerAdvances),
            Line::Bs(B::TradePayables),
            Line::Bs(B::TaxAndSocialLiabilities),
            Line::Bs(B::OtherLiabilities),
            Line::Bs(B::DeferredIncome),
            Line::Bs(B::AccrualsLiabilities),
            Line::Bs(B::DebtsWithinOneYear),
        ],
    },
    Group {
        fr: "Produits d'exploitation",
        en: "Operating income",
        lines: &[
            Line::Is(I::SalesOfGoods),
            Line::Is(I::SalesOfProduction),
            Line::Is(I::StoredProduction),
            Line::Is(I::CapitalisedProduction),
            Line::Is(I::OperatingSubsidies),
            Line::Is(I::ReversalsAndTransfers),
            Line::Is(I::OtherOperatingIncome),
        ],
    },
    Group {
        fr: "Charges d'exploitation",
        en: "Operating charges",
        lines: &[
            Line::Is(I::PurchasesOfGoods),
            Line::Is(I::GoodsInventoryChange),
            Line::Is(I::PurchasesOfMaterials),
            Line::Is(I::MaterialsInventoryChange),
            Line::Is(I::ExternalCharges),
            Line::Is(I::TaxesAndDuties),
            Line::Is(I::Wages),
            Line::Is(I::SocialCharges),
            Line::Is(I::Depreciation),
            Line::Is(I::OperatingProvisions),
            Line::Is(I::OtherOperatingCharges),
        ],
    },
    Group {
        fr: "Résultat financier",
        en: "Financial items",
        lines: &[
            Line::Is(I::FinancialIncome),
            Line::Is(I::FinancialCharges),
            Line::Is(I::InterestExpense),
            Line::Is(I::FinancialProvisions),
        ],
    },
    Group {
        fr: "Résultat exceptionnel",
        en: "Exceptional items",
        lines: &[
            Line::Is(I::ExceptionalIncome),
            Line::Is(I::ExceptionalCharges),
        ],
    },
    Group {
        fr: "Participation et impôt",
        en: "Profit sharing and tax",
        lines: &[Line::Is(I::EmployeeProfitSharing), Line::Is(I::IncomeTax)],
    },
    Group {
        fr: "Chiffres clés publiés (priment sur les lignes)",
        en: "Published key figures (override the lines)",
        lines: &[
            Line::Rep(R::Revenue),
            Line::Rep(R::Ebitda),
            Line::Rep(R::OperatingResult),
            Line::Rep(R::NetIncome),
            Line::Rep(R::Equity),
            Line::Rep(R::TotalAssets),
        ],
    },
];

/// Every quick field is in the quick groups, in the order of `QUICK_FIELDS`.
pub(super) fn quick_lines() -> impl Iterator<Item = Line> {
    QUICK_FIELDS.iter().map(|q| match *q {
        QuickField::Reported(r) => Line::Rep(r),
        QuickField::Balance(b) => Line::Bs(b),
    })
}
