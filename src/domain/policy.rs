//! The credit policy as data (FINANCE.md §3–6): grid, bands, zones, classes, limit rules.
//!
//! One serde value with a version number; the engine takes it as input and hard-codes nothing
//! that FINANCE.md calls a default.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::grid::{CriterionId, RiskClass};
use super::ratios::RatioId;

/// Reads a policy decimal as rust_decimal's own serde does (an integer, a float, or a string in
/// plain or scientific notation), but a float goes through `serde_json::Number`'s text (the
/// shortest that reads back, as the exchange reader uses) rather than `f64`'s `Display`: the
/// wasm then carries no float formatting (about 4 KB gzip). 0.1 still reads as exactly 0.1.
struct DecVisitor;

impl serde::de::Visitor<'_> for DecVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Decimal type representing a fixed-point number")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
        serde_json::Number::from_f64(v)
            .and_then(|n| read_dec(&plain(&n.to_string())))
            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(v), &self))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
        read_dec(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
    }
}

/// A float's shortest text (`1.5e-7`, `1500.0`) written as `f64`'s `Display` writes it
/// (`0.00000015`, `1500`): the same digits without exponent, so the same scale and rounding.
fn plain(t: &str) -> String {
    let Some((mant, exp)) = t.split_once('e') else {
        return t.strip_suffix(".0").unwrap_or(t).into();
    };
    let (mut out, mant) = match mant.strip_prefix('-') {
        Some(m) => (String::from("-"), m),
        None => (String::new(), mant),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    // Where the decimal point falls among the digits `int` then `frac`.
    let point = int.len() as i32 + exp.parse::<i32>().unwrap_or(0);
    if point <= 0 {
        out.push_str("0.");
    }
    for _ in point..0 {
        out.push('0');
    }
    let mut at = 0;
    for c in int.chars().chain(frac.chars()) {
        if at == point && at > 0 {
            out.push('.');
        }
        out.push(c);
        at += 1;
    }
    for _ in at..point {
        out.push('0');
    }
    out
}

fn read_dec(s: &str) -> Option<Decimal> {
    use std::str::FromStr;
    Decimal::from_str(s)
        .or_else(|_| Decimal::from_scientific(s))
        .ok()
}

/// A newtype so that `Option<Decimal>` fields read `null` as `None` and the rest as [`de_dec`].
struct Dec(Decimal);

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecVisitor).map(Dec)
    }
}

fn de_dec<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecVisitor)
}

/// An optional date written `YYYY-MM-DD`, read as the exchange format reads dates (chrono's own
/// parser is a large part of the wasm, for this one field).
fn de_opt_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<std::borrow::Cow<'de, str>>::deserialize(d)? {
        None => Ok(None),
        Some(s) => super::exchange::parse_iso_date(&s)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {s}"))),
    }
}

fn de_opt_dec<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    Option::<Dec>::deserialize(d).map(|o| o.map(|x| x.0))
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
    #[serde(default, deserialize_with = "de_opt_dec")]
    pub bound: Option<Decimal>,
    #[serde(deserialize_with = "de_dec")]
    pub points: Decimal,
}

/// How a criterion turns its value into points.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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

/// The JSON form of a [`Scale`], read flat: serde's internally tagged enums buffer every value
/// in its `Content` type first, which linked a second copy of the band, decimal and direction
/// readers (about 2 KB gzip). The fields of the other kind are read too, so a malformed one
/// there is refused where the tagged enum ignored it.
#[derive(Deserialize)]
#[serde(expecting = "internally tagged enum Scale")]
struct ScaleIn {
    kind: ScaleKind,
    direction: Option<Direction>,
    bands: Option<Vec<Band>>,
    #[serde(default, deserialize_with = "de_opt_dec")]
    low: Option<Decimal>,
    #[serde(default, deserialize_with = "de_opt_dec")]
    medium: Option<Decimal>,
    #[serde(default, deserialize_with = "de_opt_dec")]
    high: Option<Decimal>,
}

enum ScaleKind {
    Bands,
    Sector,
}

/// Read as the tagged enum read its tag: a variant name (its error messages too).
impl<'de> Deserialize<'de> for ScaleKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ScaleKind;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("variant identifier")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ScaleKind, E> {
                match v {
                    "bands" => Ok(ScaleKind::Bands),
                    "sector" => Ok(ScaleKind::Sector),
                    _ => Err(E::unknown_variant(v, &["bands", "sector"])),
                }
            }
        }
        d.deserialize_identifier(V)
    }
}

impl<'de> Deserialize<'de> for Scale {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let s = ScaleIn::deserialize(d)?;
        let need = |v: Option<Decimal>, name| v.ok_or_else(|| D::Error::missing_field(name));
        Ok(match s.kind {
            ScaleKind::Bands => Scale::Bands {
                direction: s
                    .direction
                    .ok_or_else(|| D::Error::missing_field("direction"))?,
                bands: s.bands.ok_or_else(|| D::Error::missing_field("bands"))?,
            },
            ScaleKind::Sector => Scale::Sector {
                low: need(s.low, "low")?,
                medium: need(s.medium, "medium")?,
                high: need(s.high, "high")?,
            },
        })
    }
}

/// One criterion of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CriterionPolicy {
    pub id: CriterionId,
    pub active: bool,
    #[serde(deserialize_with = "de_dec")]
    pub weight: Decimal,
    pub scale: Scale,
    /// Points of the criterion's special case: equity ≤ 0 for gearing, caf ≤ 0 with debt for
    /// repayment capacity, a new client for payment history.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_dec"
    )]
    pub special_points: Option<Decimal>,
}

/// Appreciation bands of a ratio: good when it reaches `good`, watch when it reaches `watch`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RatioBands {
    pub ratio: RatioId,
    pub direction: Direction,
    #[serde(deserialize_with = "de_dec")]
    pub good: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub watch: Decimal,
}

/// Zones of the failure scores: `safe`/`grey` bounds (Altman), four zones (Conan & Holder).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScoreZones {
    #[serde(deserialize_with = "de_dec")]
    pub altman_z2_safe: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub altman_z2_grey: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub altman_z1_safe: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub altman_z1_grey: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub conan_holder_very_good: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub conan_holder_good: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub conan_holder_alert: Decimal,
}

/// Lowest score of each class; E takes everything below D.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClassThresholds {
    #[serde(deserialize_with = "de_dec")]
    pub a: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub b: Decimal,
    #[serde(deserialize_with = "de_dec")]
    pub c: Decimal,
    #[serde(deserialize_with = "de_dec")]
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
    #[serde(deserialize_with = "de_dec")]
    pub tnw_share: Decimal,
    /// Share of annualised revenue.
    #[serde(deserialize_with = "de_dec")]
    pub revenue_share: Decimal,
    /// Longest payment terms, days net; 0 means payment with order.
    pub max_terms_days: u32,
    /// Deposit asked on each order (0.30 = 30 %), or direct debit instead.
    #[serde(default, deserialize_with = "de_dec")]
    pub deposit_share: Decimal,
    pub review_months: u32,
}

/// The whole credit policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Policy {
    pub version: u32,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_date"
    )]
    pub created_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    #[serde(deserialize_with = "de_dec")]
    pub vat_rate: Decimal,
    /// Under this completeness the rating is provisional (0.60 = 60 %).
    #[serde(deserialize_with = "de_dec")]
    pub provisional_threshold: Decimal,
    pub criteria: Vec<CriterionPolicy>,
    pub classes: ClassThresholds,
    pub knock_outs: KnockOuts,
    pub limits: Vec<ClassPolicy>,
    /// The recommended limit is rounded down to a multiple of this.
    #[serde(deserialize_with = "de_dec")]
    pub rounding_step: Decimal,
    pub ratio_bands: Vec<RatioBands>,
    pub zones: ScoreZones,
    /// Months after its closing date past which a statement is flagged as stale.
    pub stale_after_months: u32,
}

/// `units / 10^scale`, as `Decimal::new` (which is not `const`) for the small values of the
/// tables below, built when compiling.
const fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::from_parts(units.unsigned_abs() as u32, 0, 0, units < 0, scale)
}

const fn pct(x: i64) -> Option<Decimal> {
    Some(dec(x, 2))
}

const fn s(x: i64) -> Option<Decimal> {
    Some(dec(x, 0))
}

/// How a default criterion scores: bands `(bound, points)` best first, or the sector points.
enum DefaultScale {
    Bands(Direction, &'static [(Option<Decimal>, i64)]),
    Sector,
}

use CriterionId as C;
use Direction::{HigherIsBetter as Hi, LowerIsBetter as Lo};

/// The grid of FINANCE.md §5: criterion, weight, scale, special-case points. Data rather than
/// code: the defaults cost their bytes, not the instructions that would store them.
#[rustfmt::skip]
static DEFAULT_CRITERIA: [(CriterionId, i64, DefaultScale, Option<i64>); 14] = [
    (C::EquityRatio, 12, DefaultScale::Bands(Hi, &[(pct(30), 100), (pct(20), 70), (pct(10), 40), (s(0), 20), (None, 0)]), None),
    (C::Gearing, 8, DefaultScale::Bands(Lo, &[(Some(dec(5, 1)), 100), (s(1), 70), (s(2), 30), (None, 0)]), Some(0)),
    (C::RepaymentCapacity, 10, DefaultScale::Bands(Lo, &[(s(3), 100), (s(4), 70), (s(5), 40), (None, 20)]), Some(0)),
    (C::CurrentRatio, 8, DefaultScale::Bands(Hi, &[(Some(dec(15, 1)), 100), (s(1), 70), (Some(dec(8, 1)), 30), (None, 0)]), None),
    (C::NetMargin, 8, DefaultScale::Bands(Hi, &[(pct(5), 100), (pct(2), 80), (s(0), 50), (pct(-5), 20), (None, 0)]), None),
    (C::FinancialChargesWeight, 6, DefaultScale::Bands(Lo, &[(pct(1), 100), (pct(3), 70), (pct(5), 30), (None, 0)]), None),
    (C::DpoDays, 5, DefaultScale::Bands(Lo, &[(s(60), 100), (s(75), 60), (s(90), 30), (None, 0)]), None),
    (C::RevenueGrowth, 4, DefaultScale::Bands(Hi, &[(s(0), 100), (pct(-10), 70), (pct(-20), 30), (None, 0)]), None),
    (C::AltmanZ2, 4, DefaultScale::Bands(Hi, &[(Some(dec(260, 2)), 100), (Some(dec(110, 2)), 50), (None, 0)]), None),
    (C::CompanyAge, 8, DefaultScale::Bands(Hi, &[(s(10), 100), (s(5), 80), (s(2), 50), (None, 20)]), None),
    (C::PaymentHistory, 10, DefaultScale::Bands(Lo, &[(s(5), 100), (s(15), 70), (s(30), 40), (None, 0)]), Some(50)),
    (C::PaymentIncidents, 7, DefaultScale::Bands(Lo, &[(s(0), 100), (s(1), 50), (None, 0)]), None),
    (C::SectorRisk, 5, DefaultScale::Sector, None),
    (C::InformationQuality, 5, DefaultScale::Bands(Hi, &[(s(5), 100), (s(4), 75), (s(3), 50), (s(2), 25), (None, 0)]), None),
];

/// Ratio bands of FINANCE.md §3: ratio, direction, good, watch.
#[rustfmt::skip]
static DEFAULT_RATIO_BANDS: [(RatioId, Direction, Decimal, Decimal); 15] = {
    use RatioId as R;
    [
        (R::EquityRatio, Hi, dec(30, 2), dec(20, 2)),
        (R::Gearing, Lo, dec(5, 1), dec(1, 0)),
        (R::RepaymentCapacity, Lo, dec(3, 0), dec(4, 0)),
        (R::CurrentRatio, Hi, dec(15, 1), dec(1, 0)),
        (R::QuickRatio, Hi, dec(12, 1), dec(8, 1)),
        (R::CashRatio, Hi, dec(3, 1), dec(1, 1)),
        (R::DsoDays, Lo, dec(45, 0), dec(60, 0)),
        (R::DpoDays, Lo, dec(60, 0), dec(75, 0)),
        (R::EbitdaMargin, Hi, dec(8, 2), dec(3, 2)),
        (R::NetMargin, Hi, dec(3, 2), dec(0, 0)),
        (R::ReturnOnEquity, Hi, dec(10, 2), dec(0, 0)),
        (R::PersonnelWeight, Lo, dec(60, 2), dec(80, 2)),
        (R::InterestCoverage, Hi, dec(5, 0), dec(3, 0)),
        (R::FinancialChargesWeight, Lo, dec(2, 2), dec(4, 2)),
        (R::RevenueGrowth, Hi, dec(0, 0), dec(-10, 2)),
    ]
};

/// Limit rules of FINANCE.md §6: class, share of TNW (‰), of revenue (‰), terms (days),
/// deposit (%), review (months).
#[rustfmt::skip]
static DEFAULT_LIMITS: [(RiskClass, i64, i64, u32, i64, u32); 6] = [
    (RiskClass::A, 200, 50, 60, 0, 12),
    (RiskClass::B, 150, 40, 45, 0, 12),
    (RiskClass::C, 100, 25, 30, 0, 6),
    (RiskClass::D, 50, 10, 30, 30, 3),
    (RiskClass::E, 0, 0, 0, 0, 1),
    (RiskClass::NotRated, 0, 0, 0, 0, 1),
];

impl Default for Policy {
    /// The defaults of FINANCE.md §3–6, version 1.
    fn default() -> Self {
        let criteria = DEFAULT_CRITERIA
            .iter()
            .map(|(id, weight, scale, special)| CriterionPolicy {
                id: *id,
                active: true,
                weight: Decimal::from(*weight),
                scale: match scale {
                    DefaultScale::Bands(direction, spec) => Scale::Bands {
                        direction: *direction,
                        bands: spec
                            .iter()
                            .map(|&(bound, points)| Band {
                                bound,
                                points: Decimal::from(points),
                            })
                            .collect(),
                    },
                    DefaultScale::Sector => Scale::Sector {
                        low: Decimal::from(100),
                        medium: Decimal::from(60),
                        high: Decimal::from(20),
                    },
                },
                special_points: special.map(Decimal::from),
            })
            .collect();
        let ratio_bands = DEFAULT_RATIO_BANDS
            .iter()
            .map(|&(ratio, direction, good, watch)| RatioBands {
                ratio,
                direction,
                good,
                watch,
            })
            .collect();
        let limits = DEFAULT_LIMITS
            .iter()
            .map(|&(class, tnw, rev, terms, deposit, review)| ClassPolicy {
                class,
                tnw_share: dec(tnw, 3),
                revenue_share: dec(rev, 3),
                max_terms_days: terms,
                deposit_share: dec(deposit, 2),
                review_months: review,
            })
            .collect();

        Policy {
            version: 1,
            created_on: None,
            comment: String::new(),
            vat_rate: dec(20, 2),
            provisional_threshold: dec(60, 2),
            criteria,
            classes: ClassThresholds {
                a: Decimal::from(80),
                b: Decimal::from(65),
                c: Decimal::from(50),
                d: Decimal::from(35),
            },
            knock_outs: KnockOuts {
                collective_proceeding: true,
                no_statement: true,
                negative_equity_cap: Some(RiskClass::D),
            },
            limits,
            rounding_step: Decimal::from(500),
            ratio_bands,
            zones: ScoreZones {
                altman_z2_safe: dec(260, 2),
                altman_z2_grey: dec(110, 2),
                altman_z1_safe: dec(290, 2),
                altman_z1_grey: dec(123, 2),
                conan_holder_very_good: Decimal::from(16),
                conan_holder_good: Decimal::from(9),
                conan_holder_alert: Decimal::from(4),
            },
            stale_after_months: 18,
        }
    }
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
        let back: Result<Policy, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(p));
    }

    /// The policy's decimals read every JSON form exactly as rust_decimal's own serde reads it
    /// (value and scale, refusals included), floats of every magnitude too.
    #[test]
    fn decimals_read_as_rust_decimal_reads_them() {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "0.1",
            "0.2",
            "0.30000000000000004",
            "1500.0",
            "1.5e3",
            "1e-7",
            "1.5e-7",
            "1e21",
            "1e27",
            "1e28",
            "1e29",
            "1e300",
            "-1e300",
            "5e-324",
            "1e-28",
            "1e-29",
            "123456789.123456789",
            "18446744073709551615",
            "-9223372036854775808",
            "12.50",
            "\"0.20\"",
            "\"1e3\"",
            "\"1.5E-3\"",
            "\"-0.5\"",
            "\"abc\"",
            "\"\"",
            "\" 1\"",
            "\"1,5\"",
            "true",
            "null",
            "[1]",
            "{}",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Pseudo-random floats over many magnitudes (xorshift).
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mantissa = (x % 10_000_000_000) as f64 / 1e5;
            let exp = (x >> 40) as i32 % 40 - 20;
            texts.push(format!("{}", mantissa * 10f64.powi(exp)));
            texts.push(format!("{:e}", mantissa * 10f64.powi(exp)));
        }
        for t in texts {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&t) else {
                continue;
            };
            let theirs = serde_json::from_value::<Decimal>(v.clone()).map(|d| d.to_string());
            let ours = de_dec(v.clone()).map(|d| d.to_string());
            assert_eq!(ours.ok(), theirs.ok(), "{t}");
            let theirs = serde_json::from_value::<Option<Decimal>>(v.clone())
                .map(|d| d.map(|d| d.to_string()));
            let ours = de_opt_dec(v).map(|d| d.map(|d| d.to_string()));
            assert_eq!(ours.ok(), theirs.ok(), "{t}");
        }
    }

    /// The flat reading of a scale gives what serde's tagged enum gave, value or error message,
    /// on well-formed scales and on the usual mistakes.
    #[test]
    fn scales_read_as_the_tagged_enum_read_them() {
        #[derive(Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        // Named as the real enum: serde puts the name in its messages.
        enum Scale {
            Bands {
                direction: Direction,
                bands: Vec<Band>,
            },
            Sector {
                low: Decimal,
                medium: Decimal,
                high: Decimal,
            },
        }
        let old = |t: Scale| match t {
            Scale::Bands { direction, bands } => super::Scale::Bands { direction, bands },
            Scale::Sector { low, medium, high } => super::Scale::Sector { low, medium, high },
        };
        let cases = [
            r#"{"kind":"bands","direction":"higher_is_better","bands":[{"bound":"0.3","points":"100"},{"bound":null,"points":0}]}"#,
            r#"{"direction":"lower_is_better","bands":[{"points":5}],"kind":"bands","extra":1}"#,
            r#"{"kind":"sector","low":"100","medium":60,"high":20.5}"#,
            r#"{"kind":"sector","low":"100","medium":60}"#,
            r#"{"kind":"sector","high":1,"medium":60}"#,
            r#"{"kind":"bands","bands":[]}"#,
            r#"{"kind":"bands","direction":"higher_is_better"}"#,
            r#"{"kind":"bands","direction":"up","bands":[]}"#,
            r#"{"kind":"bands","direction":"higher_is_better","bands":[{"bound":"x","points":1}]}"#,
            r#"{"kind":"bands","direction":"higher_is_better","bands":[{"bound":1}]}"#,
            r#"{"kind":"stairs","low":1,"medium":2,"high":3}"#,
            r#"{"low":1,"medium":2,"high":3}"#,
            r#"{"kind":3}"#,
            r#"{"kind":0,"direction":"higher_is_better","bands":[]}"#,
            r#"{"kind":"Bands","direction":"higher_is_better","bands":[]}"#,
            r#"{"kind":null}"#,
            r#"{"kind":"bands","kind":"sector"}"#,
            r#"{"kind":"sector","low":1,"low":2,"medium":2,"high":3}"#,
            r#"["bands","higher_is_better",[]]"#,
            r#""bands""#,
            r#"null"#,
        ];
        for c in cases {
            let v: serde_json::Value = serde_json::from_str(c).unwrap_or_default();
            let new = serde_json::from_value::<super::Scale>(v.clone()).map_err(|e| e.to_string());
            let was = serde_json::from_value::<Scale>(v)
                .map(old)
                .map_err(|e| e.to_string());
            assert_eq!(new, was, "{c}");
        }
    }

    #[test]
    fn const_decimals_are_decimal_new() {
        for (u, sc) in [
            (0, 0),
            (30, 2),
            (-5, 2),
            (-10, 2),
            (260, 2),
            (5, 1),
            (200, 3),
        ] {
            let (a, b) = (dec(u, sc), Decimal::new(u, sc));
            assert_eq!(
                (a, a.scale(), a.is_sign_negative()),
                (b, b.scale(), b.is_sign_negative())
            );
        }
    }

    #[test]
    fn every_class_has_rules() {
        let p = Policy::default();
        for c in RiskClass::ALL {
            assert!(p.limits.iter().any(|l| l.class == c), "{c:?}");
        }
    }
}
