//! The credit policy as data (FINANCE.md §3–6): grid, bands, zones, classes, limit rules.
//!
//! One value with a version number; the engine takes it as input and hard-codes nothing that
//! FINANCE.md calls a default. Written and read by serde's derive; [`Policy::from_json`] names the
//! place of a refusal (serde_path_to_error).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::ids::{CriterionId, RatioId, RiskClass};
use super::receivables::rules::ReceivablesRules;

/// A date `YYYY-MM-DD` or `null` (none), read as strictly as the exchange format reads dates:
/// `2025-02-30` or `2025-2-3` is refused, not taken for no date.
fn strict_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => super::parse::parse_iso_date(&s)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("not a date (YYYY-MM-DD): {s}"))),
    }
}

/// A serde error with its place: `criteria[2].weight: invalid type…`, or the message alone at
/// the top.
fn placed(e: serde_path_to_error::Error<serde_json::Error>) -> String {
    let place = e.path().to_string();
    if place == "." {
        e.inner().to_string()
    } else {
        format!("{place}: {}", e.inner())
    }
}

impl Policy {
    /// Reads a policy written by its `Serialize` (stored, exported), or the first problem with
    /// its place. Missing `created_on`, `comment`, `special_points`, a band's `bound` and a
    /// class's `deposit_share` take their defaults; unknown fields are ignored.
    pub fn from_json(v: &Value) -> Result<Policy, String> {
        serde_path_to_error::deserialize(v).map_err(placed)
    }

    /// Reads a policy from JSON text (an exported policy): serde_json's message when the text
    /// is not JSON, else as [`Policy::from_json`].
    pub fn from_json_text(text: &str) -> Result<Policy, String> {
        serde_json::from_str::<Value>(text)
            .map_err(|e| e.to_string())
            .and_then(|v| Policy::from_json(&v))
    }
}

/// The versions of a stored history, `{"versions": [policy, …]}`, or the first problem with
/// its place (`versions[2].vat_rate: …`). The order is `PolicyHistory`'s to check.
pub fn versions_from_json(v: &Value) -> Result<Vec<Policy>, String> {
    #[derive(Deserialize)]
    struct Stored {
        versions: Vec<Policy>,
    }
    serde_path_to_error::deserialize::<_, Stored>(v)
        .map(|s| s.versions)
        .map_err(placed)
}

/// Which way a value gets better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    /// True when `value` is on the good side of `bound`, the bound itself included (a value on a
    /// bound takes the better band).
    pub fn reaches(self, value: Decimal, bound: Decimal) -> bool {
        match self {
            Direction::HigherIsBetter => value >= bound,
            Direction::LowerIsBetter => value <= bound,
        }
    }
}

/// One band of a criterion: the values that reach `bound` (or every value, for the last band)
/// earn `points`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Band {
    /// `None` on the last band, which catches every value left.
    #[serde(default)]
    pub bound: Option<Decimal>,
    pub points: Decimal,
}

/// How a criterion turns its value into points.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scale {
    /// Ordered bands, best first; the first band whose bound the value reaches wins.
    Bands {
        direction: Direction,
        bands: Vec<Band>,
    },
    /// Points for each sector risk.
    Sector {
        low: Decimal,
        medium: Decimal,
        high: Decimal,
    },
}

/// One criterion of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CriterionPolicy {
    pub id: CriterionId,
    pub active: bool,
    pub weight: Decimal,
    pub scale: Scale,
    /// Points of the criterion's special case: equity ≤ 0 for gearing, caf ≤ 0 with debt for
    /// repayment capacity, a new client for payment history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_points: Option<Decimal>,
}

/// Appreciation bands of a ratio: good when it reaches `good`, watch when it reaches `watch`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RatioBands {
    pub ratio: RatioId,
    pub direction: Direction,
    pub good: Decimal,
    pub watch: Decimal,
}

/// Zones of the failure scores: `safe`/`grey` bounds (Altman), four zones (Conan & Holder).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScoreZones {
    pub altman_z2_safe: Decimal,
    pub altman_z2_grey: Decimal,
    pub altman_z1_safe: Decimal,
    pub altman_z1_grey: Decimal,
    pub conan_holder_very_good: Decimal,
    pub conan_holder_good: Decimal,
    pub conan_holder_alert: Decimal,
}

/// Lowest score of each class; E takes everything below D.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClassThresholds {
    pub a: Decimal,
    pub b: Decimal,
    pub c: Decimal,
    pub d: Decimal,
}

/// Knock-out rules, applied after the score in this order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KnockOuts {
    /// A collective proceeding gives class E.
    pub collective_proceeding: bool,
    /// No statement at all: not rated.
    pub no_statement: bool,
    /// Negative equity caps the class (default D); `None` disables the rule.
    pub negative_equity_cap: Option<RiskClass>,
}

/// Limit and terms rules of one class.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClassPolicy {
    pub class: RiskClass,
    /// Share of tangible net worth (0.20 = 20 %).
    pub tnw_share: Decimal,
    /// Share of annualised revenue.
    pub revenue_share: Decimal,
    /// Longest payment terms, days net; 0 means payment with order.
    pub max_terms_days: u32,
    /// Deposit asked on each order (0.30 = 30 %), or direct debit instead.
    #[serde(default)]
    pub deposit_share: Decimal,
    pub review_months: u32,
}

/// The whole credit policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Policy {
    pub version: u32,
    #[serde(
        default,
        deserialize_with = "strict_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    pub vat_rate: Decimal,
    /// Under this completeness the rating is provisional (0.60 = 60 %).
    pub provisional_threshold: Decimal,
    pub criteria: Vec<CriterionPolicy>,
    pub classes: ClassThresholds,
    pub knock_outs: KnockOuts,
    pub limits: Vec<ClassPolicy>,
    /// The recommended limit is rounded down to a multiple of this.
    pub rounding_step: Decimal,
    pub ratio_bands: Vec<RatioBands>,
    pub zones: ScoreZones,
    /// Months after its closing date past which a statement is flagged as stale.
    pub stale_after_months: u32,
    /// After the contract: accounts, aged bounds, measured payments (a policy stored before
    /// them reads the defaults).
    #[serde(default)]
    pub receivables: ReceivablesRules,
}

impl Policy {
    /// The rules of a class; a policy missing one (a hand-edited file) grants nothing.
    pub fn class_policy(&self, class: RiskClass) -> ClassPolicy {
        self.limits
            .iter()
            .find(|c| c.class == class)
            .cloned()
            .unwrap_or(ClassPolicy {
                class,
                tnw_share: Decimal::ZERO,
                revenue_share: Decimal::ZERO,
                max_terms_days: 0,
                deposit_share: Decimal::ZERO,
                review_months: 1,
            })
    }

    pub fn ratio_bands(&self, ratio: RatioId) -> Option<&RatioBands> {
        self.ratio_bands.iter().find(|b| b.ratio == ratio)
    }

    pub fn criterion(&self, id: CriterionId) -> Option<&CriterionPolicy> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Sum of the weights of the active criteria.
    pub fn total_weight(&self) -> Decimal {
        self.criteria
            .iter()
            .filter(|c| c.active)
            .map(|c| c.weight)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_weights_sum_to_100() {
        assert_eq!(Policy::default().total_weight(), Decimal::from(100));
    }

    #[test]
    fn default_policy_round_trips_through_json() {
        let p = Policy::default();
        let json = serde_json::to_string(&p).unwrap_or_default();
        let back = serde_json::from_str::<Value>(&json).map_err(|e| e.to_string());
        let back = back.and_then(|v| Policy::from_json(&v));
        assert_eq!(back.as_ref(), Ok(&p));
        let again = back.map(|b| serde_json::to_string(&b).unwrap_or_default());
        assert_eq!(again, Ok(json));
    }

    #[test]
    fn every_class_has_rules() {
        let p = Policy::default();
        for c in RiskClass::ALL {
            assert!(p.limits.iter().any(|l| l.class == c), "{c:?}");
        }
    }
}
