//! The credit policy as data (FINANCE.md §3–6): grid, bands, zones, classes, limit rules.
//!
//! One value with a version number; the engine takes it as input and hard-codes nothing that
//! FINANCE.md calls a default. Written by serde's derived `Serialize`, read by hand
//! ([`Policy::from_json`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::grid::{CriterionId, RiskClass};
use super::json_tree::Step;
use super::ratios::RatioId;

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

/// A decimal's text, plain or scientific (`0.20`, `1.5E-3`), as rust_decimal's serde reads it.
fn read_dec(s: &str) -> Option<Decimal> {
    use std::str::FromStr;
    Decimal::from_str(s)
        .or_else(|_| Decimal::from_scientific(s))
        .ok()
}

// ---------------------------------------------------------------------------------------------
// Reading a policy from JSON, by hand: serde's derived readers (one per type, field and enum,
// over `serde_json::Value`'s deserializer) cost about 40 KB of wasm. The rules are those the
// derive had (tests/policy_read.rs runs a copy of it against this on every kind of mutation):
// the same required fields and defaults, decimals as rust_decimal's serde reads them, enums by
// their serde names, unknown fields ignored. One difference: serde also took a struct written
// as a list of its fields in order, which nothing writes; this wants an object. Each error
// names its place (`limits[2].max_terms_days: not a whole number from 0 to 4294967295`).

/// Why a policy was not read: what, and where (innermost place first, as it was found).
struct Fail {
    places: Vec<Step<'static>>,
    what: String,
}

type Read<T> = Result<T, Fail>;

fn bad(what: &str) -> Fail {
    Fail {
        places: Vec::new(),
        what: what.into(),
    }
}

impl Fail {
    fn at(mut self, place: Step<'static>) -> Self {
        self.places.push(place);
        self
    }

    /// `place: what`, the place written as in the JSON (`criteria[3].scale.bands[1].bound`).
    fn text(self) -> String {
        let mut out = String::new();
        for place in self.places.iter().rev() {
            place.push_to(&mut out);
        }
        if out.is_empty() {
            self.what
        } else {
            out + ": " + &self.what
        }
    }
}

type Object = serde_json::Map<String, Value>;

fn object(v: &Value) -> Read<&Object> {
    v.as_object().ok_or_else(|| bad("not an object"))
}

/// A field that must be present (`null` is read by `read`: some readers take it).
fn req<T>(m: &Object, key: &'static str, read: fn(&Value) -> Read<T>) -> Read<T> {
    match m.get(key) {
        Some(v) => read(v),
        None => Err(bad("missing")),
    }
    .map_err(|e| e.at(Step::Key(key)))
}

/// A field that may be left out.
fn opt<T>(m: &Object, key: &'static str, read: fn(&Value) -> Read<T>) -> Read<Option<T>> {
    m.get(key)
        .map(read)
        .transpose()
        .map_err(|e| e.at(Step::Key(key)))
}

fn list<T>(v: &Value, read: fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    let items = v.as_array().ok_or_else(|| bad("not a list"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, x)| read(x).map_err(|e| e.at(Step::Index(i))))
        .collect()
}

/// A decimal as rust_decimal's serde reads it: an integer, a float, or a string in plain or
/// scientific notation. A float goes through `serde_json::Number`'s text (the shortest that
/// reads back, as the exchange reader uses) rather than `f64`'s `Display`: the wasm then
/// carries no float formatting (about 4 KB gzip). 0.1 still reads as exactly 0.1.
fn dec_of(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Some(Decimal::from(u)),
            (None, Some(i)) => Some(Decimal::from(i)),
            // A float (always finite in a `Value`): its shortest text, as `visit_f64`.
            (None, None) => read_dec(&plain(&n.to_string())),
        },
        Value::String(s) => read_dec(s),
        _ => None,
    }
}

fn num(v: &Value) -> Read<Decimal> {
    dec_of(v).ok_or_else(|| bad("not a number"))
}

/// `null` (none), or a value as `read` reads it.
fn nullable<T>(v: &Value, read: fn(&Value) -> Read<T>) -> Read<Option<T>> {
    if v.is_null() {
        Ok(None)
    } else {
        read(v).map(Some)
    }
}

/// A decimal or `null` (none).
fn opt_num(v: &Value) -> Read<Option<Decimal>> {
    nullable(v, num)
}

fn whole(v: &Value) -> Read<u32> {
    v.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| bad("not a whole number from 0 to 4294967295"))
}

fn boolean(v: &Value) -> Read<bool> {
    v.as_bool().ok_or_else(|| bad("not true or false"))
}

fn text(v: &Value) -> Read<String> {
    v.as_str()
        .map(String::from)
        .ok_or_else(|| bad("not a text"))
}

/// A date `YYYY-MM-DD` or `null` (none), read as the exchange format reads dates (chrono's own
/// parser is a large part of the wasm, for this one field).
fn opt_date(v: &Value) -> Read<Option<NaiveDate>> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => super::exchange::parse_iso_date(s)
            .map(Some)
            .ok_or_else(|| bad(&format!("not a date (YYYY-MM-DD): {s}"))),
        _ => Err(bad("not a date (YYYY-MM-DD)")),
    }
}

/// One of the values `all`, by its serde name (`key`). Serde also reads a unit variant written
/// as an object of one key whose value is `null` (`{"D": null}`); so does this.
fn pick<T: Copy>(v: &Value, all: &[T], key: fn(T) -> &'static str) -> Read<T> {
    let name = match v {
        Value::String(s) => s,
        Value::Object(m) if m.len() == 1 => match m.iter().next() {
            Some((k, Value::Null)) => k,
            _ => return Err(bad("not a name")),
        },
        _ => return Err(bad("not a name")),
    };
    all.iter()
        .copied()
        .find(|x| key(*x) == name)
        .ok_or_else(|| bad(&format!("unknown value \"{name}\"")))
}

fn direction(v: &Value) -> Read<Direction> {
    pick(
        v,
        &[Direction::HigherIsBetter, Direction::LowerIsBetter],
        |d| match d {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::LowerIsBetter => "lower_is_better",
        },
    )
}

fn risk_class(v: &Value) -> Read<RiskClass> {
    pick(v, &RiskClass::ALL, RiskClass::key)
}

fn band(v: &Value) -> Read<Band> {
    let m = object(v)?;
    Ok(Band {
        bound: opt(m, "bound", opt_num)?.flatten(),
        points: req(m, "points", num)?,
    })
}

/// A field of a scale's kind, which the kind makes required.
fn need<T>(v: Option<T>, key: &'static str) -> Read<T> {
    v.ok_or_else(|| bad("missing").at(Step::Key(key)))
}

/// A scale: its `kind`, then the fields of that kind. The fields of the other kind are read
/// too, so a malformed one there is refused (as the reader before this one did).
fn scale(v: &Value) -> Read<Scale> {
    let m = object(v)?;
    let bands_kind = req(m, "kind", |v| match v.as_str() {
        Some("bands") => Ok(true),
        Some("sector") => Ok(false),
        Some(other) => Err(bad(&format!("unknown value \"{other}\""))),
        None => Err(bad("not a name")),
    })?;
    let direction = opt(m, "direction", |v| nullable(v, direction))?.flatten();
    let bands = opt(m, "bands", |v| nullable(v, |v| list(v, band)))?.flatten();
    let low = opt(m, "low", opt_num)?.flatten();
    let medium = opt(m, "medium", opt_num)?.flatten();
    let high = opt(m, "high", opt_num)?.flatten();
    Ok(if bands_kind {
        Scale::Bands {
            direction: need(direction, "direction")?,
            bands: need(bands, "bands")?,
        }
    } else {
        Scale::Sector {
            low: need(low, "low")?,
            medium: need(medium, "medium")?,
            high: need(high, "high")?,
        }
    })
}

fn criterion(v: &Value) -> Read<CriterionPolicy> {
    let m = object(v)?;
    Ok(CriterionPolicy {
        id: req(m, "id", |v| pick(v, CriterionId::ALL, CriterionId::key))?,
        active: req(m, "active", boolean)?,
        weight: req(m, "weight", num)?,
        scale: req(m, "scale", scale)?,
        special_points: opt(m, "special_points", opt_num)?.flatten(),
    })
}

fn ratio_bands(v: &Value) -> Read<RatioBands> {
    let m = object(v)?;
    Ok(RatioBands {
        ratio: req(m, "ratio", |v| pick(v, RatioId::ALL, RatioId::key))?,
        direction: req(m, "direction", direction)?,
        good: req(m, "good", num)?,
        watch: req(m, "watch", num)?,
    })
}

fn zones(v: &Value) -> Read<ScoreZones> {
    let m = object(v)?;
    Ok(ScoreZones {
        altman_z2_safe: req(m, "altman_z2_safe", num)?,
        altman_z2_grey: req(m, "altman_z2_grey", num)?,
        altman_z1_safe: req(m, "altman_z1_safe", num)?,
        altman_z1_grey: req(m, "altman_z1_grey", num)?,
        conan_holder_very_good: req(m, "conan_holder_very_good", num)?,
        conan_holder_good: req(m, "conan_holder_good", num)?,
        conan_holder_alert: req(m, "conan_holder_alert", num)?,
    })
}

fn thresholds(v: &Value) -> Read<ClassThresholds> {
    let m = object(v)?;
    Ok(ClassThresholds {
        a: req(m, "a", num)?,
        b: req(m, "b", num)?,
        c: req(m, "c", num)?,
        d: req(m, "d", num)?,
    })
}

fn knock_outs(v: &Value) -> Read<KnockOuts> {
    let m = object(v)?;
    Ok(KnockOuts {
        collective_proceeding: req(m, "collective_proceeding", boolean)?,
        no_statement: req(m, "no_statement", boolean)?,
        // An `Option` field: serde reads it absent as `None` too.
        negative_equity_cap: opt(m, "negative_equity_cap", |v| nullable(v, risk_class))?.flatten(),
    })
}

fn class_policy(v: &Value) -> Read<ClassPolicy> {
    let m = object(v)?;
    Ok(ClassPolicy {
        class: req(m, "class", risk_class)?,
        tnw_share: req(m, "tnw_share", num)?,
        revenue_share: req(m, "revenue_share", num)?,
        max_terms_days: req(m, "max_terms_days", whole)?,
        deposit_share: opt(m, "deposit_share", num)?.unwrap_or_default(),
        review_months: req(m, "review_months", whole)?,
    })
}

fn policy(v: &Value) -> Read<Policy> {
    let m = object(v)?;
    Ok(Policy {
        version: req(m, "version", whole)?,
        created_on: opt(m, "created_on", opt_date)?.flatten(),
        comment: opt(m, "comment", text)?.unwrap_or_default(),
        vat_rate: req(m, "vat_rate", num)?,
        provisional_threshold: req(m, "provisional_threshold", num)?,
        criteria: req(m, "criteria", |v| list(v, criterion))?,
        classes: req(m, "classes", thresholds)?,
        knock_outs: req(m, "knock_outs", knock_outs)?,
        limits: req(m, "limits", |v| list(v, class_policy))?,
        rounding_step: req(m, "rounding_step", num)?,
        ratio_bands: req(m, "ratio_bands", |v| list(v, ratio_bands))?,
        zones: req(m, "zones", zones)?,
        stale_after_months: req(m, "stale_after_months", whole)?,
    })
}

impl Policy {
    /// Reads a policy written by its `Serialize` (stored, exported), or the first problem with
    /// its place. Missing `created_on`, `comment`, `special_points`, a band's `bound` and a
    /// class's `deposit_share` take their defaults; unknown fields are ignored.
    pub fn from_json(v: &Value) -> Result<Policy, String> {
        policy(v).map_err(Fail::text)
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
/// its place (`versions[2].vat_rate: not a number`). The order is `PolicyHistory`'s to check.
pub fn versions_from_json(v: &Value) -> Result<Vec<Policy>, String> {
    object(v)
        .and_then(|m| req(m, "versions", |v| list(v, policy)))
        .map_err(Fail::text)
}

/// Which way a value gets better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Band {
    /// `None` on the last band, which catches every value left.
    pub bound: Option<Decimal>,
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

/// One criterion of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CriterionPolicy {
    pub id: CriterionId,
    pub active: bool,
    pub weight: Decimal,
    pub scale: Scale,
    /// Points of the criterion's special case: equity ≤ 0 for gearing, caf ≤ 0 with debt for
    /// repayment capacity, a new client for payment history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub special_points: Option<Decimal>,
}

/// Appreciation bands of a ratio: good when it reaches `good`, watch when it reaches `watch`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct RatioBands {
    pub ratio: RatioId,
    pub direction: Direction,
    pub good: Decimal,
    pub watch: Decimal,
}

/// Zones of the failure scores: `safe`/`grey` bounds (Altman), four zones (Conan & Holder).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ClassThresholds {
    pub a: Decimal,
    pub b: Decimal,
    pub c: Decimal,
    pub d: Decimal,
}

/// Knock-out rules, applied after the score in this order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct KnockOuts {
    /// A collective proceeding gives class E.
    pub collective_proceeding: bool,
    /// No statement at all: not rated.
    pub no_statement: bool,
    /// Negative equity caps the class (default D); `None` disables the rule.
    pub negative_equity_cap: Option<RiskClass>,
}

/// Limit and terms rules of one class.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ClassPolicy {
    pub class: RiskClass,
    /// Share of tangible net worth (0.20 = 20 %).
    pub tnw_share: Decimal,
    /// Share of annualised revenue.
    pub revenue_share: Decimal,
    /// Longest payment terms, days net; 0 means payment with order.
    pub max_terms_days: u32,
    /// Deposit asked on each order (0.30 = 30 %), or direct debit instead.
    pub deposit_share: Decimal,
    pub review_months: u32,
}

/// The whole credit policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Policy {
    pub version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
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
        let back = serde_json::from_str::<Value>(&json).map_err(|e| e.to_string());
        let back = back.and_then(|v| Policy::from_json(&v));
        assert_eq!(back.as_ref(), Ok(&p));
        let again = back.map(|b| serde_json::to_string(&b).unwrap_or_default());
        assert_eq!(again, Ok(json));
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
            let ours = num(&v).map(|d| d.to_string());
            assert_eq!(ours.ok(), theirs.ok(), "{t}");
            let theirs = serde_json::from_value::<Option<Decimal>>(v.clone())
                .map(|d| d.map(|d| d.to_string()));
            let ours = opt_num(&v).map(|d| d.map(|d| d.to_string()));
            assert_eq!(ours.ok(), theirs.ok(), "{t}");
        }
    }

    /// A scale reads as serde's tagged enum read it (before the flat reader that preceded this
    /// one): the same value, or a refusal, on well-formed scales and on the usual mistakes.
    #[test]
    fn scales_read_as_the_tagged_enum_read_them() {
        use serde::Deserialize;
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Dir {
            HigherIsBetter,
            LowerIsBetter,
        }
        #[derive(Deserialize)]
        struct B {
            #[serde(default)]
            bound: Option<Decimal>,
            points: Decimal,
        }
        #[derive(Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        enum Tagged {
            Bands {
                direction: Dir,
                bands: Vec<B>,
            },
            Sector {
                low: Decimal,
                medium: Decimal,
                high: Decimal,
            },
        }
        let old = |t: Tagged| match t {
            Tagged::Bands { direction, bands } => Scale::Bands {
                direction: match direction {
                    Dir::HigherIsBetter => Direction::HigherIsBetter,
                    Dir::LowerIsBetter => Direction::LowerIsBetter,
                },
                bands: bands
                    .into_iter()
                    .map(|b| Band {
                        bound: b.bound,
                        points: b.points,
                    })
                    .collect(),
            },
            Tagged::Sector { low, medium, high } => Scale::Sector { low, medium, high },
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
            r#""bands""#,
            r#"null"#,
        ];
        for c in cases {
            let v: Value = serde_json::from_str(c).unwrap_or_default();
            let new = scale(&v).ok();
            let was = serde_json::from_value::<Tagged>(v).map(old).ok();
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
