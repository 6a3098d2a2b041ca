//! The names of what the engine computes and rates — aggregates, ratios (with their units),
//! criteria, risk classes — with their keys (test ids, exchange names) and labels, before any
//! computation: the ground floor of the domain, which every other room may use and which uses
//! none of them.

use crate::domain::lang::Lang;
use serde::{Deserialize, Serialize};

macro_rules! aggregates {
    ( $( $variant:ident => $key:literal, $flow:literal, $fr:literal, $en:literal; )+ ) => {
        /// Every aggregate of FINANCE.md §2.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Aggregate { $( $variant ),+ }

        impl Aggregate {
            pub const ALL: &'static [Aggregate] = &[ $( Aggregate::$variant ),+ ];

            /// The name used in `data-testid="agg-<key>"`.
            pub const fn key(self) -> &'static str {
                match self { $( Aggregate::$variant => $key ),+ }
            }

            /// True for income-statement flows, which are annualised before meeting a stock.
            pub const fn is_flow(self) -> bool {
                match self { $( Aggregate::$variant => $flow ),+ }
            }

            pub const fn label(self, lang: Lang) -> &'static str {
                let french = lang.is_fr();
                match self { $( Aggregate::$variant => if french { $fr } else { $en } ),+ }
            }
        }
    };
}

aggregates! {
    Revenue => "revenue", true, "Chiffre d'affaires HT (FL)", "Revenue excl. VAT (FL)";
    CommercialMargin => "commercial_margin", true, "Marge commerciale", "Commercial margin";
    Production => "production", true, "Production de l'exercice", "Production for the year";
    ExternalConsumption => "external_consumption", true, "Consommations en provenance des tiers", "External consumption";
    ValueAdded => "value_added", true, "Valeur ajoutée", "Value added";
    PersonnelCosts => "personnel_costs", true, "Charges de personnel", "Personnel costs";
    Ebitda => "ebitda", true, "Excédent brut d'exploitation (EBE)", "EBITDA (gross operating surplus)";
    OperatingResult => "operating_result", true, "Résultat d'exploitation (GG)", "Operating result (GG)";
    CurrentResult => "current_result", true, "Résultat courant avant impôts", "Current result before tax";
    NetIncome => "net_income", true, "Résultat net (HN)", "Net income (HN)";
    Caf => "caf", true, "Capacité d'autofinancement (CAF)", "Cash flow from operations (CAF)";
    FixedAssets => "fixed_assets", false, "Actif immobilisé", "Fixed assets";
    CurrentAssets => "current_assets", false, "Actif circulant", "Current assets";
    TotalAssets => "total_assets", false, "Total bilan (EE)", "Total assets (EE)";
    Equity => "equity", false, "Capitaux propres (DL)", "Equity (DL)";
    FinancialDebt => "financial_debt", false, "Dettes financières", "Financial debt";
    StructuralFinancialDebt => "structural_financial_debt", false, "Dettes financières structurelles", "Structural financial debt";
    OperatingLiabilities => "operating_liabilities", false, "Dettes d'exploitation", "Operating liabilities";
    TotalDebts => "total_debts", false, "Total des dettes (EC)", "Total debts (EC)";
    TotalLiabilities => "total_liabilities", false, "Total passif", "Total liabilities";
    ShortTermDebt => "short_term_debt", false, "Dettes à court terme", "Short-term debt";
    StableResources => "stable_resources", false, "Ressources stables", "Stable resources";
    WorkingCapital => "working_capital", false, "Fonds de roulement net global (FRNG)", "Net working capital";
    WorkingCapitalRequirement => "working_capital_requirement", false, "Besoin en fonds de roulement (BFR)", "Working capital requirement";
    NetCash => "net_cash", false, "Trésorerie nette", "Net cash";
    NetFinancialDebt => "net_financial_debt", false, "Endettement financier net", "Net financial debt";
    TangibleNetWorth => "tangible_net_worth", false, "Actif net tangible", "Tangible net worth";
}

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
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

            pub const fn label(self, lang: Lang) -> &'static str {
                let french = lang.is_fr();
                match self { $( RatioId::$variant => if french { $fr } else { $en } ),+ }
            }

            /// The formula in words, with liasse codes.
            pub const fn formula(self, lang: Lang) -> &'static str {
                let french = lang.is_fr();
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

/// Risk class, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RiskClass {
    A,
    B,
    C,
    D,
    E,
    #[serde(rename = "NR")]
    NotRated,
}

impl RiskClass {
    pub const ALL: [RiskClass; 6] = [
        RiskClass::A,
        RiskClass::B,
        RiskClass::C,
        RiskClass::D,
        RiskClass::E,
        RiskClass::NotRated,
    ];

    /// The letter shown and used as `data-value`.
    pub const fn key(self) -> &'static str {
        match self {
            RiskClass::A => "A",
            RiskClass::B => "B",
            RiskClass::C => "C",
            RiskClass::D => "D",
            RiskClass::E => "E",
            RiskClass::NotRated => "NR",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The risk in words, so that colour is never the only sign.
    pub const fn label(self, lang: Lang) -> &'static str {
        let french = lang.is_fr();
        match (self, french) {
            (RiskClass::A, true) => "Risque très faible",
            (RiskClass::B, true) => "Risque faible",
            (RiskClass::C, true) => "Risque modéré",
            (RiskClass::D, true) => "Risque élevé",
            (RiskClass::E, true) => "Risque très élevé",
            (RiskClass::NotRated, true) => "Non noté",
            (RiskClass::A, false) => "Very low risk",
            (RiskClass::B, false) => "Low risk",
            (RiskClass::C, false) => "Moderate risk",
            (RiskClass::D, false) => "High risk",
            (RiskClass::E, false) => "Very high risk",
            (RiskClass::NotRated, false) => "Not rated",
        }
    }
}

macro_rules! criteria {
    ( $( $variant:ident => $key:literal, $fr:literal, $en:literal; )+ ) => {
        /// Every criterion of the grid.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum CriterionId { $( $variant ),+ }

        impl CriterionId {
            pub const ALL: &'static [CriterionId] = &[ $( CriterionId::$variant ),+ ];

            /// The name used in `data-testid="criterion-<key>"`.
            pub const fn key(self) -> &'static str {
                match self { $( CriterionId::$variant => $key ),+ }
            }

            pub const fn label(self, lang: Lang) -> &'static str {
                let french = lang.is_fr();
                match self { $( CriterionId::$variant => if french { $fr } else { $en } ),+ }
            }
        }
    };
}

criteria! {
    EquityRatio => "equity_ratio", "Autonomie financière", "Equity ratio";
    Gearing => "gearing", "Endettement net (gearing)", "Gearing";
    RepaymentCapacity => "repayment_capacity", "Capacité de remboursement", "Debt repayment capacity";
    CurrentRatio => "current_ratio", "Liquidité générale", "Current ratio";
    NetMargin => "net_margin", "Rentabilité nette", "Net margin";
    FinancialChargesWeight => "financial_charges_weight", "Poids des frais financiers", "Financial charges weight";
    DpoDays => "dpo_days", "Crédit fournisseurs", "Days payables outstanding";
    RevenueGrowth => "revenue_growth", "Croissance du CA", "Revenue growth";
    AltmanZ2 => "altman_z2", "Altman Z″", "Altman Z″";
    CompanyAge => "company_age", "Ancienneté (années)", "Company age (years)";
    PaymentHistory => "payment_history", "Historique de paiement (jours de retard)", "Payment history (days late)";
    PaymentIncidents => "payment_incidents", "Incidents de paiement (12 mois)", "Payment incidents (12 months)";
    SectorRisk => "sector_risk", "Risque sectoriel", "Sector risk";
    InformationQuality => "information_quality", "Qualité de l'information", "Information quality";
}
