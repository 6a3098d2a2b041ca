//! One fiscal year of statements (FINANCE.md §1): every line optional, absent is not zero.

use crate::domain::lang::Lang;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Declares a family of statement lines: an enum with its exchange-format key, liasse code and
/// labels, and a fixed-size table holding one optional amount per line.
macro_rules! lines {
    (
        $(#[$meta:meta])*
        $enum:ident, $table:ident {
            $( $variant:ident => $key:literal, $code:literal, $fr:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $enum { $( $variant ),+ }

        impl $enum {
            /// Every line, in liasse order.
            pub const ALL: &'static [$enum] = &[ $( $enum::$variant ),+ ];

            /// The field name of the exchange format.
            pub const fn key(self) -> &'static str {
                match self { $( $enum::$variant => $key ),+ }
            }

            /// The liasse box or boxes the line comes from.
            pub const fn liasse(self) -> &'static str {
                match self { $( $enum::$variant => $code ),+ }
            }

            /// The label, in French or English.
            pub const fn label(self, lang: Lang) -> &'static str {
                let french = lang.is_fr();
                match self { $( $enum::$variant => if french { $fr } else { $en } ),+ }
            }

            /// The line whose exchange-format key is `key`.
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $( $key => Some($enum::$variant), )+ _ => None }
            }
        }

        /// One optional amount per line.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
        pub struct $table([Option<Decimal>; $enum::ALL.len()]);

        impl $table {
            pub fn get(&self, line: $enum) -> Option<Decimal> {
                self.0[line as usize]
            }

            pub fn set(&mut self, line: $enum, value: Option<Decimal>) {
                self.0[line as usize] = value;
            }

            /// Builder form of [`Self::set`], handy in tests and samples.
            pub fn with(mut self, line: $enum, value: Decimal) -> Self {
                self.set(line, Some(value));
                self
            }

            /// The lines that hold an amount, in liasse order.
            pub fn present(&self) -> impl Iterator<Item = ($enum, Decimal)> + '_ {
                $enum::ALL.iter().filter_map(move |&l| self.get(l).map(|v| (l, v)))
            }

            pub fn is_empty(&self) -> bool {
                self.0.iter().all(Option::is_none)
            }
        }
    };
}

lines! {
    /// Balance-sheet lines (net amounts), cerfa 2050 and 2051.
    BalanceLine, BalanceSheet {
        UncalledCapital => "uncalled_capital", "AA", "Capital souscrit non appelé", "Uncalled share capital";
        IntangibleAssets => "intangible_assets", "AB+CX+AF+AH+AJ+AL", "Immobilisations incorporelles", "Intangible assets";
        TangibleAssets => "tangible_assets", "AN+AP+AR+AT+AV+AX", "Immobilisations corporelles", "Tangible assets";
        FinancialAssets => "financial_assets", "CS+CU+BB+BD+BF+BH", "Immobilisations financières", "Financial assets";
        Inventories => "inventories", "BL+BN+BP+BR+BT", "Stocks et en-cours", "Inventories and work in progress";
        AdvancesPaid => "advances_paid", "BV", "Avances et acomptes versés sur commandes", "Advances paid on orders";
        TradeReceivables => "trade_receivables", "BX", "Clients et comptes rattachés", "Trade receivables";
        OtherReceivables => "other_receivables", "BZ+CB", "Autres créances, capital appelé non versé", "Other receivables, called-up capital unpaid";
        MarketableSecurities => "marketable_securities", "CD", "Valeurs mobilières de placement", "Marketable securities";
        Cash => "cash", "CF", "Disponibilités", "Cash at bank and in hand";
        PrepaidExpenses => "prepaid_expenses", "CH", "Charges constatées d'avance", "Prepaid expenses";
        AccrualsAssets => "accruals_assets", "CW+CM+CN", "Comptes de régularisation actif", "Other accruals (assets)";
        ShareCapital => "share_capital", "DA+DB+DC", "Capital, primes, écarts de réévaluation", "Share capital, premiums, revaluation";
        Reserves => "reserves", "DD+DE+DF+DG+DH", "Réserves et report à nouveau", "Reserves and retained earnings";
        YearResult => "year_result", "DI", "Résultat de l'exercice", "Profit or loss for the year";
        SubsidiesAndRegulatedProvisions => "subsidies_and_regulated_provisions", "DJ+DK", "Subventions d'investissement, provisions réglementées", "Investment grants, regulated provisions";
        OtherEquity => "other_equity", "DO", "Autres fonds propres", "Other equity";
        Provisions => "provisions", "DR", "Provisions pour risques et charges", "Provisions for liabilities and charges";
        Bonds => "bonds", "DS+DT", "Emprunts obligataires", "Bonds";
        BankDebt => "bank_debt", "DU", "Emprunts et dettes auprès des établissements de crédit", "Bank loans and borrowings";
        BankOverdrafts => "bank_overdrafts", "EH", "dont concours bancaires courants", "of which bank overdrafts";
        OtherFinancialDebt => "other_financial_debt", "DV", "Emprunts et dettes financières divers", "Other borrowings (incl. shareholder loans)";
        CustomerAdvances => "customer_advances", "DW", "Avances et acomptes reçus", "Advances received from customers";
        TradePayables => "trade_payables", "DX", "Dettes fournisseurs", "Trade payables";
        TaxAndSocialLiabilities => "tax_and_social_liabilities", "DY", "Dettes fiscales et sociales", "Tax and social security liabilities";
        OtherLiabilities => "other_liabilities", "DZ+EA", "Dettes sur immobilisations, autres dettes", "Fixed-asset payables, other liabilities";
        DeferredIncome => "deferred_income", "EB", "Produits constatés d'avance", "Deferred income";
        AccrualsLiabilities => "accruals_liabilities", "ED", "Écarts de conversion passif", "Translation differences (liabilities)";
        DebtsWithinOneYear => "debts_within_one_year", "EG", "Dettes à moins d'un an", "Debts due within one year";
    }
}

lines! {
    /// Income-statement lines (flows), cerfa 2052 and 2053.
    IncomeLine, IncomeStatement {
        SalesOfGoods => "sales_of_goods", "FC", "Ventes de marchandises", "Sales of goods for resale";
        SalesOfProduction => "sales_of_production", "FF+FI", "Production vendue (biens et services)", "Sales of own production (goods and services)";
        StoredProduction => "stored_production", "FM", "Production stockée", "Change in finished goods and WIP";
        CapitalisedProduction => "capitalised_production", "FN", "Production immobilisée", "Own work capitalised";
        OperatingSubsidies => "operating_subsidies", "FO", "Subventions d'exploitation", "Operating subsidies";
        ReversalsAndTransfers => "reversals_and_transfers", "FP", "Reprises sur provisions, transferts de charges", "Reversals of provisions, expense transfers";
        OtherOperatingIncome => "other_operating_income", "FQ", "Autres produits", "Other operating income";
        PurchasesOfGoods => "purchases_of_goods", "FS", "Achats de marchandises", "Purchases of goods for resale";
        GoodsInventoryChange => "goods_inventory_change", "FT", "Variation de stock de marchandises", "Change in stock of goods";
        PurchasesOfMaterials => "purchases_of_materials", "FU", "Achats de matières premières et approvisionnements", "Purchases of raw materials and supplies";
        MaterialsInventoryChange => "materials_inventory_change", "FV", "Variation de stock de matières", "Change in stock of materials";
        ExternalCharges => "external_charges", "FW", "Autres achats et charges externes", "Other purchases and external charges";
        TaxesAndDuties => "taxes_and_duties", "FX", "Impôts, taxes et versements assimilés", "Taxes and duties";
        Wages => "wages", "FY", "Salaires et traitements", "Wages and salaries";
        SocialCharges => "social_charges", "FZ", "Charges sociales", "Social security charges";
        Depreciation => "depreciation", "GA", "Dotations aux amortissements", "Depreciation and amortisation";
        OperatingProvisions => "operating_provisions", "GB+GC+GD", "Dotations aux provisions d'exploitation", "Operating provisions";
        OtherOperatingCharges => "other_operating_charges", "GE", "Autres charges", "Other operating charges";
        FinancialIncome => "financial_income", "GP", "Produits financiers", "Financial income";
        FinancialCharges => "financial_charges", "GU", "Charges financières", "Financial charges";
        InterestExpense => "interest_expense", "GR", "dont intérêts et charges assimilées", "of which interest expense";
        FinancialProvisions => "financial_provisions", "GQ", "dont dotations financières", "of which financial provisions";
        ExceptionalIncome => "exceptional_income", "HD", "Produits exceptionnels", "Exceptional income";
        ExceptionalCharges => "exceptional_charges", "HH", "Charges exceptionnelles", "Exceptional charges";
        EmployeeProfitSharing => "employee_profit_sharing", "HJ", "Participation des salariés", "Employee profit sharing";
        IncomeTax => "income_tax", "HK", "Impôts sur les bénéfices", "Income tax";
    }
}

lines! {
    /// Published key figures that override the sum of lines ("reported totals win").
    ReportedLine, Reported {
        Revenue => "revenue", "FL", "Chiffre d'affaires", "Revenue";
        Ebitda => "ebitda", "EBE", "Excédent brut d'exploitation", "EBITDA";
        OperatingResult => "operating_result", "GG", "Résultat d'exploitation", "Operating result";
        NetIncome => "net_income", "HN", "Résultat net", "Net income";
        Equity => "equity", "DL", "Capitaux propres", "Equity";
        TotalAssets => "total_assets", "EE", "Total bilan", "Total assets";
    }
}

/// Shortest and longest fiscal year the engine accepts, in months.
pub const MIN_DURATION_MONTHS: u8 = 1;
pub const MAX_DURATION_MONTHS: u8 = 24;

/// One fiscal year: closing date, duration and the three tables of amounts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Statement {
    pub closing_date: NaiveDate,
    /// 1–24; the exchange reader and the UI refuse anything else, and the engine clamps.
    pub duration_months: u8,
    pub headcount: Option<u32>,
    pub balance_sheet: BalanceSheet,
    pub income_statement: IncomeStatement,
    pub reported: Reported,
}

impl Statement {
    /// An empty twelve-month year closing on `closing_date`.
    pub fn new(closing_date: NaiveDate) -> Self {
        Self {
            closing_date,
            duration_months: 12,
            headcount: None,
            balance_sheet: BalanceSheet::default(),
            income_statement: IncomeStatement::default(),
            reported: Reported::default(),
        }
    }

    /// The duration, brought into 1–24 so no input can make annualisation divide by zero.
    pub fn months(&self) -> u8 {
        self.duration_months
            .clamp(MIN_DURATION_MONTHS, MAX_DURATION_MONTHS)
    }

    pub fn bs(&self, line: BalanceLine) -> Option<Decimal> {
        self.balance_sheet.get(line)
    }

    pub fn is(&self, line: IncomeLine) -> Option<Decimal> {
        self.income_statement.get(line)
    }

    pub fn rep(&self, line: ReportedLine) -> Option<Decimal> {
        self.reported.get(line)
    }
}

/// The key figures of the quick entry mode: what a sales rep has at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickField {
    Reported(ReportedLine),
    Balance(BalanceLine),
}

/// Revenue, EBE, operating result, net income, equity, total assets, receivables, payables, cash,
/// financial debt (as bank debt, DU).
pub const QUICK_FIELDS: &[QuickField] = &[
    QuickField::Reported(ReportedLine::Revenue),
    QuickField::Reported(ReportedLine::Ebitda),
    QuickField::Reported(ReportedLine::OperatingResult),
    QuickField::Reported(ReportedLine::NetIncome),
    QuickField::Reported(ReportedLine::Equity),
    QuickField::Reported(ReportedLine::TotalAssets),
    QuickField::Balance(BalanceLine::TradeReceivables),
    QuickField::Balance(BalanceLine::TradePayables),
    QuickField::Balance(BalanceLine::Cash),
    QuickField::Balance(BalanceLine::BankDebt),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for &l in BalanceLine::ALL {
            assert_eq!(BalanceLine::from_key(l.key()), Some(l));
        }
        for &l in IncomeLine::ALL {
            assert_eq!(IncomeLine::from_key(l.key()), Some(l));
        }
        for &l in ReportedLine::ALL {
            assert_eq!(ReportedLine::from_key(l.key()), Some(l));
        }
        assert_eq!(BalanceLine::ALL.len(), 29);
        assert_eq!(IncomeLine::ALL.len(), 26);
        assert_eq!(BalanceLine::from_key("nope"), None);
    }

    #[test]
    fn duration_is_clamped() {
        let mut s = Statement::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default());
        s.duration_months = 0;
        assert_eq!(s.months(), 1);
        s.duration_months = 200;
        assert_eq!(s.months(), 24);
    }
}
