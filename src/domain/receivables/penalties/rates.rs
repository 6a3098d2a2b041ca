//! The rates of late-payment penalties (docs/receivables.md §6): the dated table of the ECB main
//! refinancing rate and the legal interest rate, the policy's penalty rules, and the checks the
//! policy editor runs on them.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use crate::domain::lang::Lang;

/// A date `YYYY-MM-DD`, read as strictly as the policy reads its dates (`2025-2-3` or
/// `2025-02-30` is refused).
fn strict_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    crate::domain::parse::parse_iso_date(&s)
        .ok_or_else(|| D::Error::custom(format!("not a date (YYYY-MM-DD): {s}")))
}

/// One dated row of the rate table: the half-year starting on `from` (1 January or 1 July), the
/// ECB main refinancing rate in force that day, and the legal interest rate ("autres cas") of
/// the half-year. Rates as fractions (2.15 % = 0.0215).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RateRow {
    /// Serialized as `YYYY-MM-DD`.
    #[serde(deserialize_with = "strict_date")]
    pub from: NaiveDate,
    pub ecb: Decimal,
    pub legal: Decimal,
}

/// The first day of `d`'s half-year: 1 January or 1 July.
pub fn half_year_start(d: NaiveDate) -> NaiveDate {
    let month = if d.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

/// The last day of `d`'s half-year: 30 June or 31 December.
pub fn half_year_end(d: NaiveDate) -> NaiveDate {
    let (month, day) = if d.month() <= 6 { (6, 30) } else { (12, 31) };
    NaiveDate::from_ymd_opt(d.year(), month, day).unwrap_or(d)
}

/// The default table of §6 (2019 H1 … 2026 H1), oldest first: (year, half, ECB %, legal %),
/// in hundredths of a percent so that the table stays exact.
const DEFAULT_TABLE: [(i32, u32, i64, i64); 15] = [
    (2019, 1, 0, 86),
    (2019, 7, 0, 87),
    (2020, 1, 0, 87),
    (2020, 7, 0, 84),
    (2021, 1, 0, 79),
    (2021, 7, 0, 76),
    (2022, 1, 0, 76),
    (2022, 7, 0, 77),
    (2023, 1, 250, 206),
    (2023, 7, 400, 422),
    (2024, 1, 450, 507),
    (2024, 7, 425, 492),
    (2025, 1, 315, 371),
    (2025, 7, 215, 276),
    (2026, 1, 215, 262),
];

/// The default table of §6 (2019 H1 … 2026 H1), oldest first.
pub fn default_rate_table() -> Vec<RateRow> {
    DEFAULT_TABLE
        .iter()
        .filter_map(|&(year, month, ecb, legal)| {
            Some(RateRow {
                from: NaiveDate::from_ymd_opt(year, month, 1)?,
                // Hundredths of a percent are fractions with 4 places: 2.15 % = 215 / 10⁴.
                ecb: Decimal::new(ecb, 4),
                legal: Decimal::new(legal, 4),
            })
        })
        .collect()
}

/// The penalty rules of the policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct PenaltyRules {
    /// The dated table, oldest first.
    pub rates: Vec<RateRow>,
    /// Points added to the ECB rate (0.10: ECB + 10 points, the legal minimum of L441-10).
    pub margin: Decimal,
    /// A rate agreed in the terms of sale; replaces the default rate when set.
    pub contractual_rate: Option<Decimal>,
    /// The flat recovery indemnity per late invoice (40 €, D441-5).
    pub indemnity: Decimal,
}

impl Default for PenaltyRules {
    fn default() -> Self {
        PenaltyRules {
            rates: default_rate_table(),
            margin: Decimal::new(10, 2),
            contractual_rate: None,
            indemnity: Decimal::new(40, 0),
        }
    }
}

/// A problem of the penalty rules. `usize` is the row's index in `rates` (0-based, as in the
/// JSON path [`RateProblem::path`] gives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateProblem {
    /// The row's date is not a 1 January or a 1 July.
    NotHalfYearStart(usize),
    /// The row's date is not after the previous row's.
    NotIncreasing(usize),
    /// A half-year is missing between the previous row and this one (its days would use the
    /// previous row, flagged as extended).
    Gap(usize),
    /// The row's ECB rate is outside 0–100 %.
    EcbRange(usize),
    /// The row's legal rate is outside 0–100 %.
    LegalRange(usize),
    /// The margin is outside 0–100 %.
    MarginRange,
    /// The contractual rate is outside 0–100 %.
    ContractualRange,
    /// The indemnity is negative.
    IndemnityRange,
}

impl RateProblem {
    /// The row it is about, if any.
    pub fn row(self) -> Option<usize> {
        match self {
            RateProblem::NotHalfYearStart(i)
            | RateProblem::NotIncreasing(i)
            | RateProblem::Gap(i)
            | RateProblem::EcbRange(i)
            | RateProblem::LegalRange(i) => Some(i),
            _ => None,
        }
    }

    /// The place in the rules' JSON (`rates[3].ecb`, `margin`).
    pub fn path(self) -> String {
        match self {
            RateProblem::NotHalfYearStart(i)
            | RateProblem::NotIncreasing(i)
            | RateProblem::Gap(i) => format!("rates[{i}].from"),
            RateProblem::EcbRange(i) => format!("rates[{i}].ecb"),
            RateProblem::LegalRange(i) => format!("rates[{i}].legal"),
            RateProblem::MarginRange => "margin".to_string(),
            RateProblem::ContractualRange => "contractual_rate".to_string(),
            RateProblem::IndemnityRange => "indemnity".to_string(),
        }
    }

    /// The message, without its place.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            RateProblem::NotHalfYearStart(_) => lang.pick(
                "une ligne commence un 1er janvier ou un 1er juillet",
                "a row starts on 1 January or 1 July",
            ),
            RateProblem::NotIncreasing(_) => lang.pick(
                "les dates doivent croître strictement",
                "dates must strictly increase",
            ),
            RateProblem::Gap(_) => lang.pick(
                "un semestre manque avant cette ligne",
                "a half-year is missing before this row",
            ),
            RateProblem::EcbRange(_)
            | RateProblem::LegalRange(_)
            | RateProblem::MarginRange
            | RateProblem::ContractualRange => lang.pick(
                "un taux est compris entre 0 et 100 %",
                "a rate lies between 0 and 100 %",
            ),
            RateProblem::IndemnityRange => lang.pick(
                "l'indemnité ne peut pas être négative",
                "the indemnity cannot be negative",
            ),
        }
    }
}

fn is_rate(r: Decimal) -> bool {
    (Decimal::ZERO..=Decimal::ONE).contains(&r)
}

/// Checks for the policy editor: every row dated on a 1 January or 1 July, dates strictly
/// increasing without a missing half-year, rates within 0–100 %, the indemnity not negative.
/// Empty when the rules are valid; in row order, then the rules' own fields.
pub fn check_rules(r: &PenaltyRules) -> Vec<RateProblem> {
    let mut problems = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    for (i, row) in r.rates.iter().enumerate() {
        if half_year_start(row.from) != row.from {
            problems.push(RateProblem::NotHalfYearStart(i));
        }
        if let Some(p) = previous {
            if row.from <= p {
                problems.push(RateProblem::NotIncreasing(i));
            } else if half_year_end(p).succ_opt() < Some(half_year_start(row.from)) {
                problems.push(RateProblem::Gap(i));
            }
        }
        previous = Some(row.from);
        if !is_rate(row.ecb) {
            problems.push(RateProblem::EcbRange(i));
        }
        if !is_rate(row.legal) {
            problems.push(RateProblem::LegalRange(i));
        }
    }
    if !is_rate(r.margin) {
        problems.push(RateProblem::MarginRange);
    }
    if r.contractual_rate.is_some_and(|c| !is_rate(c)) {
        problems.push(RateProblem::ContractualRange);
    }
    if r.indemnity < Decimal::ZERO {
        problems.push(RateProblem::IndemnityRange);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn half_year_bounds() {
        assert_eq!(half_year_start(date(2024, 6, 30)), date(2024, 1, 1));
        assert_eq!(half_year_start(date(2024, 7, 1)), date(2024, 7, 1));
        assert_eq!(half_year_end(date(2024, 2, 29)), date(2024, 6, 30));
        assert_eq!(half_year_end(date(2024, 12, 31)), date(2024, 12, 31));
    }

    #[test]
    fn the_default_table_and_its_checks() {
        let t = default_rate_table();
        assert_eq!(t.len(), 15);
        assert_eq!(
            t[0],
            RateRow {
                from: date(2019, 1, 1),
                ecb: d("0"),
                legal: d("0.0086")
            }
        );
        assert_eq!(
            t[14],
            RateRow {
                from: date(2026, 1, 1),
                ecb: d("0.0215"),
                legal: d("0.0262")
            }
        );
        assert_eq!(t[9].ecb, d("0.04")); // 2023 H2
        assert!(check_rules(&PenaltyRules::default()).is_empty());
        let mut r = PenaltyRules::default();
        r.rates[3].from = date(2020, 8, 1); // not a half-year's first day
        r.rates[5].from = date(2020, 1, 1); // before row 4 (2021-01-01)
        r.rates.remove(10); // 2024 H1 missing: row 10 is now 2024 H2
        r.rates[0].ecb = d("-0.01");
        r.rates[1].legal = d("1.5");
        r.margin = d("2");
        r.contractual_rate = Some(d("-0.1"));
        r.indemnity = d("-40");
        let found = check_rules(&r);
        assert_eq!(
            found,
            vec![
                RateProblem::EcbRange(0),
                RateProblem::LegalRange(1),
                RateProblem::NotHalfYearStart(3),
                RateProblem::NotIncreasing(5),
                RateProblem::Gap(6),
                RateProblem::Gap(10),
                RateProblem::MarginRange,
                RateProblem::ContractualRange,
                RateProblem::IndemnityRange,
            ]
        );
        assert_eq!(found[0].path(), "rates[0].ecb");
        assert_eq!(found[4].row(), Some(6));
        assert!(found.iter().all(|f| !f.message(Lang::En).is_empty()));
    }

    #[test]
    fn rules_read_and_write_as_json() {
        let r = PenaltyRules::default();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["rates"][13]["from"], "2025-07-01");
        assert_eq!(serde_json::from_value::<PenaltyRules>(json).unwrap(), r);
        // Missing fields take their defaults; a sloppy date is refused.
        let only = serde_json::from_str::<PenaltyRules>(r#"{"contractual_rate": "0.12"}"#).unwrap();
        assert_eq!(
            (only.contractual_rate, only.rates.len()),
            (Some(d("0.12")), 15)
        );
        let bad = r#"{"rates": [{"from": "2025-7-1", "ecb": "0.02", "legal": "0.03"}]}"#;
        assert!(serde_json::from_str::<PenaltyRules>(bad).is_err());
        let bad = r#"{"rates": [{"from": "2025-02-30", "ecb": "0.02", "legal": "0.03"}]}"#;
        assert!(serde_json::from_str::<PenaltyRules>(bad).is_err());
    }
}
