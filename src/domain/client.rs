//! A client file: identity, qualitative facts, trade terms, statements and the last rating.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ids::RiskClass;
use super::receivables::ledger::Ledger;
use super::statement::Statement;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectorRisk {
    Low,
    Medium,
    High,
}

impl SectorRisk {
    pub const ALL: [SectorRisk; 3] = [SectorRisk::Low, SectorRisk::Medium, SectorRisk::High];

    pub const fn key(self) -> &'static str {
        match self {
            SectorRisk::Low => "low",
            SectorRisk::Medium => "medium",
            SectorRisk::High => "high",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CollectiveProceeding {
    #[default]
    None,
    Safeguard,
    Receivership,
    Liquidation,
}

impl CollectiveProceeding {
    pub const ALL: [CollectiveProceeding; 4] = [
        CollectiveProceeding::None,
        CollectiveProceeding::Safeguard,
        CollectiveProceeding::Receivership,
        CollectiveProceeding::Liquidation,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            CollectiveProceeding::None => "none",
            CollectiveProceeding::Safeguard => "safeguard",
            CollectiveProceeding::Receivership => "receivership",
            CollectiveProceeding::Liquidation => "liquidation",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TermsBasis {
    /// From the invoice date.
    #[default]
    Net,
    /// End of month: 15 days are added to compare with net terms.
    EndOfMonth,
}

impl TermsBasis {
    pub const fn key(self) -> &'static str {
        match self {
            TermsBasis::Net => "net",
            TermsBasis::EndOfMonth => "end_of_month",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "net" => Some(TermsBasis::Net),
            "end_of_month" => Some(TermsBasis::EndOfMonth),
            _ => None,
        }
    }
}

/// How the client has paid us so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PaymentHistory {
    pub new_client: bool,
    pub avg_days_late: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Qualitative {
    pub payment_history: PaymentHistory,
    pub payment_incidents_12m: Option<u32>,
    pub collective_proceeding: CollectiveProceeding,
    /// 1–5, judged by the analyst.
    pub information_quality: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Trade {
    /// Expected annual sales to this client, excluding VAT.
    pub expected_annual_sales: Option<Decimal>,
    pub terms_days: Option<u32>,
    pub terms_basis: TermsBasis,
    pub expected_delay_days: Option<u32>,
    pub insurance_cover: Option<Decimal>,
    pub guarantees: Option<Decimal>,
    pub requested_limit: Option<Decimal>,
}

/// The rating last recorded on the file, with the policy version that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RatingRecord {
    pub policy_version: u32,
    pub rated_on: NaiveDate,
    pub class: RiskClass,
    pub score: Option<Decimal>,
    pub limit: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ClientFile {
    pub id: String,
    pub name: String,
    pub siren: String,
    pub legal_form: String,
    pub naf_code: String,
    pub created_on: Option<NaiveDate>,
    pub sector_risk: Option<SectorRisk>,
    pub qualitative: Qualitative,
    pub trade: Trade,
    /// One to five years, in any order; the engine sorts by closing date.
    pub statements: Vec<Statement>,
    pub notes: String,
    pub rating: Option<RatingRecord>,
    /// Who sells to this client (monitoring groups by it); may be empty.
    pub sales_rep: String,
    /// What the client owes, read from the user's accounting (docs/receivables.md).
    pub ledger: Option<Ledger>,
}

/// Most fiscal years a file holds.
pub const MAX_STATEMENTS: usize = 5;

impl ClientFile {
    /// Statements sorted by closing date, oldest first.
    pub fn statements_by_date(&self) -> Vec<&Statement> {
        let mut v: Vec<&Statement> = self.statements.iter().collect();
        super::sorting::sort_by(&mut v, |a, b| a.closing_date.cmp(&b.closing_date));
        v
    }
}
