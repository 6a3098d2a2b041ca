//! Reading the exchange format: the text parsed into a tree borrowing it, walked by hand so
//! that every refusal names its place. (Longer than the other rooms: every field of a client
//! file is read here, one small function per part, with the unit tests of the path helpers.)

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::json_tree::{Json, Step};

use super::*;
use crate::domain::client::{
    ClientFile, CollectiveProceeding, PaymentHistory, Qualitative, RatingRecord, SectorRisk,
    TermsBasis, Trade, MAX_STATEMENTS,
};
use crate::domain::ids::RiskClass;
use crate::domain::parse::{parse_decimal, AmountError};
use crate::domain::policy::Policy;
use crate::domain::statement::{
    BalanceLine, BalanceSheet, IncomeLine, IncomeStatement, Reported, ReportedLine, Statement,
    MAX_DURATION_MONTHS, MIN_DURATION_MONTHS,
};

/// One step of a path.
#[derive(Clone, Copy)]
enum Seg<'a> {
    /// The prefix the caller gave (may be empty).
    Root(&'a str),
    Step(Step<'a>),
}

/// A place in the document, rendered only when an error needs it.
#[derive(Clone, Copy)]
pub(super) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg<'a>,
}

impl<'a> Path<'a> {
    pub(super) fn root(prefix: &'a str) -> Self {
        Path {
            parent: None,
            seg: Seg::Root(prefix),
        }
    }

    pub(super) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Step(Step::Key(key)),
        }
    }

    pub(super) fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Step(Step::Index(i)),
        }
    }

    fn render_into(&self, out: &mut String) {
        if let Some(p) = self.parent {
            p.render_into(out);
        }
        match self.seg {
            Seg::Root(prefix) => out.push_str(prefix),
            Seg::Step(step) => step.push_to(out),
        }
    }

    pub(super) fn err(&self, kind: ErrorKind) -> ExchangeError {
        let mut path = String::new();
        self.render_into(&mut path);
        ExchangeError { path, kind }
    }
}

/// A value quoted back to the user, cut short.
fn quoted(s: &str) -> String {
    let mut out: String = s.chars().take(QUOTE_CHARS).collect();
    if s.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// `v` itself when it is an object (its fields are then read with [`optional`]).
pub(super) fn object<'v, 'a>(v: &'v Json<'a>, p: &Path) -> Result<&'v Json<'a>, ExchangeError> {
    if v.is_object() {
        Ok(v)
    } else {
        Err(p.err(ErrorKind::NotAnObject))
    }
}

/// The field `key`, `None` when absent or null.
pub(super) fn optional<'v, 'a>(m: &'v Json<'a>, key: &str) -> Option<&'v Json<'a>> {
    m.get(key).filter(|v| !v.is_null())
}

pub(super) fn required<'v, 'a>(
    m: &'v Json<'a>,
    key: &'static str,
    p: &Path,
) -> Result<&'v Json<'a>, ExchangeError> {
    optional(m, key).ok_or_else(|| p.key(key).err(ErrorKind::Missing))
}

pub(super) fn string(v: &Json, p: &Path) -> Result<String, ExchangeError> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| p.err(ErrorKind::NotAString))
}

/// An optional text field, "" when absent.
fn text_or_empty(m: &Json, key: &'static str, p: &Path) -> Result<String, ExchangeError> {
    match optional(m, key) {
        Some(v) => string(v, &p.key(key)),
        None => Ok(String::new()),
    }
}

pub(super) fn boolean(v: &Json, p: &Path) -> Result<bool, ExchangeError> {
    v.as_bool().ok_or_else(|| p.err(ErrorKind::NotABoolean))
}

/// A calendar date written exactly `YYYY-MM-DD`.
pub(super) fn date(v: &Json, p: &Path) -> Result<NaiveDate, ExchangeError> {
    let s = v.as_str().ok_or_else(|| p.err(ErrorKind::NotAString))?;
    parse_iso_date(s).ok_or_else(|| p.err(ErrorKind::BadDate))
}

/// An amount: a decimal string ("-1234.5", JSON exponents allowed) or a JSON number.
pub(super) fn amount(v: &Json, p: &Path) -> Result<Decimal, ExchangeError> {
    let parsed = match v {
        Json::String(s) => parse_decimal(s),
        // Integers print exactly; floats print as their shortest round-trip form ("1234.5",
        // "1e21"), which parse_decimal reads exactly.
        Json::Number(n) => parse_decimal(&n.to_string()),
        _ => return Err(p.err(ErrorKind::NotANumber)),
    };
    parsed.map_err(|e| {
        p.err(match e {
            AmountError::TooLarge => ErrorKind::AmountOutOfRange,
            AmountError::TooPrecise => ErrorKind::AmountTooPrecise,
            AmountError::Invalid | AmountError::Grouping => ErrorKind::NotANumber,
        })
    })
}

fn optional_amount(
    m: &Json,
    key: &'static str,
    p: &Path,
) -> Result<Option<Decimal>, ExchangeError> {
    optional(m, key).map(|v| amount(v, &p.key(key))).transpose()
}

/// A JSON number that is a whole number, saturated to the i128 range beyond it.
fn integer(v: &Json, p: &Path) -> Result<i128, ExchangeError> {
    let Json::Number(n) = v else {
        return Err(p.err(ErrorKind::NotAWholeNumber));
    };
    let text = n.to_string();
    match parse_decimal(&text) {
        Ok(d) if d.is_integer() => Ok(d.normalize().mantissa()),
        Ok(_) | Err(AmountError::TooPrecise) => Err(p.err(ErrorKind::NotAWholeNumber)),
        Err(AmountError::TooLarge) if text.starts_with('-') => Ok(i128::MIN),
        Err(AmountError::TooLarge) => Ok(i128::MAX),
        Err(AmountError::Invalid | AmountError::Grouping) => Err(p.err(ErrorKind::NotAWholeNumber)),
    }
}

/// A whole number of 0 or more that fits a u32.
fn count(v: &Json, p: &Path) -> Result<u32, ExchangeError> {
    let n = integer(v, p)?;
    if n < 0 {
        return Err(p.err(ErrorKind::NotAWholeNumber));
    }
    u32::try_from(n).map_err(|_| p.err(ErrorKind::NumberOutOfRange))
}

fn optional_count(m: &Json, key: &'static str, p: &Path) -> Result<Option<u32>, ExchangeError> {
    optional(m, key).map(|v| count(v, &p.key(key))).transpose()
}

/// One of the values of a closed list, by its key.
pub(super) fn choice<T>(
    v: &Json,
    p: &Path,
    from_key: impl Fn(&str) -> Option<T>,
) -> Result<T, ExchangeError> {
    let s = v.as_str().ok_or_else(|| p.err(ErrorKind::NotAString))?;
    from_key(s).ok_or_else(|| p.err(ErrorKind::UnknownValue(quoted(s))))
}

/// Reads a whole exchange file. Refuses input over [`MAX_INPUT_BYTES`] before parsing it.
pub fn read_document(json: &str) -> Result<Document, ExchangeError> {
    let root = Path::root("");
    if json.len() > MAX_INPUT_BYTES {
        return Err(root.err(ErrorKind::TooLarge));
    }
    // Editors on Windows may save a byte-order mark, which JSON does not allow.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value = Json::parse(json).map_err(|e| root.err(invalid_json(&e)))?;
    document_from_json(&value)
}

fn invalid_json(e: &serde_json::Error) -> ErrorKind {
    let text = e.to_string();
    if text.starts_with("recursion limit exceeded") {
        ErrorKind::InvalidJson(format!(
            "nested more than 128 levels deep, at line {} column {}",
            e.line(),
            e.column()
        ))
    } else {
        ErrorKind::InvalidJson(text)
    }
}

fn document_from_json(value: &Json) -> Result<Document, ExchangeError> {
    let root = Path::root("");
    let m = object(value, &root)?;

    let format_ok = optional(m, "format").and_then(Json::as_str) == Some(FORMAT);
    if !format_ok {
        return Err(root.key("format").err(ErrorKind::UnknownFormat));
    }
    let vp = root.key("version");
    let version = integer(required(m, "version", &root)?, &vp)?;
    if version > i128::from(VERSION) {
        return Err(vp.err(ErrorKind::NewerVersion(
            u64::try_from(version).unwrap_or(u64::MAX),
        )));
    }
    if version < 1 {
        return Err(vp.err(ErrorKind::UnknownValue(version.to_string())));
    }

    let exported_at = optional(m, "exported_at")
        .map(|v| string(v, &root.key("exported_at")))
        .transpose()?;

    let policy = match optional(m, "policy") {
        Some(v) => Some(
            Policy::from_json(&v.to_value())
                .map_err(|e| root.key("policy").err(ErrorKind::InvalidPolicy(e)))?,
        ),
        None => None,
    };

    let mut clients = Vec::new();
    if let Some(list) = optional(m, "clients") {
        let cp = root.key("clients");
        let list = list.as_array().ok_or_else(|| cp.err(ErrorKind::NotAList))?;
        let mut seen: HashSet<&str> = HashSet::with_capacity(list.len());
        // A customer code belongs to one file at most (docs/receivables.md §1).
        let mut codes: HashSet<&str> = HashSet::new();
        clients.reserve(list.len());
        for (i, item) in list.iter().enumerate() {
            let ip = cp.index(i);
            let client = client_at(item, &ip)?;
            // The id was read from this very item, so it is a string there.
            let id = item.get("id").and_then(Json::as_str).unwrap_or_default();
            if !seen.insert(id) {
                return Err(ip.key("id").err(ErrorKind::DuplicateId));
            }
            super::ledger::claim_codes(item, &mut codes, &ip)?;
            clients.push(client);
        }
    }

    Ok(Document {
        exported_at,
        policy,
        clients,
    })
}

/// Reads one client file; `path` is the place of `v` in its document ("" for a bare client),
/// prefixed to every error.
pub fn client_from_json(v: &Json, path: &str) -> Result<ClientFile, ExchangeError> {
    client_at(v, &Path::root(path))
}

fn client_at(v: &Json, p: &Path) -> Result<ClientFile, ExchangeError> {
    let m = object(v, p)?;

    let id = string(required(m, "id", p)?, &p.key("id"))?;
    if id.is_empty() {
        return Err(p.key("id").err(ErrorKind::Empty));
    }
    let name = string(required(m, "name", p)?, &p.key("name"))?;
    let siren = text_or_empty(m, "siren", p)?;
    let legal_form = text_or_empty(m, "legal_form", p)?;
    let naf_code = text_or_empty(m, "naf_code", p)?;
    let created_on = optional(m, "created_on")
        .map(|v| date(v, &p.key("created_on")))
        .transpose()?;
    let sector_risk = optional(m, "sector_risk")
        .map(|v| choice(v, &p.key("sector_risk"), SectorRisk::from_key))
        .transpose()?;
    let qualitative = match optional(m, "qualitative") {
        Some(v) => qualitative_at(v, &p.key("qualitative"))?,
        None => Qualitative::default(),
    };
    let trade = match optional(m, "trade") {
        Some(v) => trade_at(v, &p.key("trade"))?,
        None => Trade::default(),
    };

    let mut statements = Vec::new();
    if let Some(list) = optional(m, "statements") {
        let sp = p.key("statements");
        let list = list.as_array().ok_or_else(|| sp.err(ErrorKind::NotAList))?;
        if list.len() > MAX_STATEMENTS {
            return Err(sp.err(ErrorKind::TooManyStatements));
        }
        for (i, s) in list.iter().enumerate() {
            statements.push(statement_at(s, &sp.index(i))?);
        }
    }

    let notes = text_or_empty(m, "notes", p)?;
    let sales_rep = text_or_empty(m, "sales_rep", p)?;
    let rating = optional(m, "rating")
        .map(|v| rating_at(v, &p.key("rating")))
        .transpose()?;
    let ledger = optional(m, "ledger")
        .map(|v| super::ledger::ledger_at(v, &p.key("ledger")))
        .transpose()?;

    Ok(ClientFile {
        id,
        name,
        siren,
        legal_form,
        naf_code,
        created_on,
        sector_risk,
        qualitative,
        trade,
        statements,
        notes,
        rating,
        sales_rep,
        ledger,
    })
}

fn qualitative_at(v: &Json, p: &Path) -> Result<Qualitative, ExchangeError> {
    let m = object(v, p)?;
    let payment_history = match optional(m, "payment_history") {
        Some(v) => {
            let hp = p.key("payment_history");
            let h = object(v, &hp)?;
            PaymentHistory {
                new_client: optional(h, "new_client")
                    .map(|v| boolean(v, &hp.key("new_client")))
                    .transpose()?
                    .unwrap_or(false),
                avg_days_late: optional_count(h, "avg_days_late", &hp)?,
            }
        }
        None => PaymentHistory::default(),
    };
    let payment_incidents_12m = optional_count(m, "payment_incidents_12m", p)?;
    let collective_proceeding = optional(m, "collective_proceeding")
        .map(|v| {
            choice(
                v,
                &p.key("collective_proceeding"),
                CollectiveProceeding::from_key,
            )
        })
        .transpose()?
        .unwrap_or_default();
    let information_quality = match optional(m, "information_quality") {
        Some(v) => {
            let qp = p.key("information_quality");
            let n = integer(v, &qp)?;
            if !(1..=5).contains(&n) {
                return Err(qp.err(ErrorKind::QualityOutOfRange));
            }
            u8::try_from(n).ok()
        }
        None => None,
    };
    Ok(Qualitative {
        payment_history,
        payment_incidents_12m,
        collective_proceeding,
        information_quality,
    })
}

fn trade_at(v: &Json, p: &Path) -> Result<Trade, ExchangeError> {
    let m = object(v, p)?;
    Ok(Trade {
        expected_annual_sales: optional_amount(m, "expected_annual_sales", p)?,
        terms_days: optional_count(m, "terms_days", p)?,
        terms_basis: optional(m, "terms_basis")
            .map(|v| choice(v, &p.key("terms_basis"), TermsBasis::from_key))
            .transpose()?
            .unwrap_or_default(),
        expected_delay_days: optional_count(m, "expected_delay_days", p)?,
        insurance_cover: optional_amount(m, "insurance_cover", p)?,
        guarantees: optional_amount(m, "guarantees", p)?,
        requested_limit: optional_amount(m, "requested_limit", p)?,
    })
}

fn statement_at(v: &Json, p: &Path) -> Result<Statement, ExchangeError> {
    let m = object(v, p)?;
    let closing_date = date(required(m, "closing_date", p)?, &p.key("closing_date"))?;
    let duration_months = match optional(m, "duration_months") {
        Some(v) => {
            let dp = p.key("duration_months");
            let n = integer(v, &dp)?;
            let range = i128::from(MIN_DURATION_MONTHS)..=i128::from(MAX_DURATION_MONTHS);
            if !range.contains(&n) {
                return Err(dp.err(ErrorKind::DurationOutOfRange));
            }
            u8::try_from(n).map_err(|_| dp.err(ErrorKind::DurationOutOfRange))?
        }
        None => 12,
    };
    let headcount = optional_count(m, "headcount", p)?;

    let mut balance_sheet = BalanceSheet::default();
    if let Some(v) = optional(m, "balance_sheet") {
        let tp = p.key("balance_sheet");
        let t = object(v, &tp)?;
        for &line in BalanceLine::ALL {
            balance_sheet.set(line, optional_amount(t, line.key(), &tp)?);
        }
    }
    let mut income_statement = IncomeStatement::default();
    if let Some(v) = optional(m, "income_statement") {
        let tp = p.key("income_statement");
        let t = object(v, &tp)?;
        for &line in IncomeLine::ALL {
            income_statement.set(line, optional_amount(t, line.key(), &tp)?);
        }
    }
    let mut reported = Reported::default();
    if let Some(v) = optional(m, "reported") {
        let tp = p.key("reported");
        let t = object(v, &tp)?;
        for &line in ReportedLine::ALL {
            reported.set(line, optional_amount(t, line.key(), &tp)?);
        }
    }

    Ok(Statement {
        closing_date,
        duration_months,
        headcount,
        balance_sheet,
        income_statement,
        reported,
    })
}

fn rating_at(v: &Json, p: &Path) -> Result<RatingRecord, ExchangeError> {
    let m = object(v, p)?;
    let policy_version = count(required(m, "policy_version", p)?, &p.key("policy_version"))?;
    let rated_on = date(required(m, "rated_on", p)?, &p.key("rated_on"))?;
    let class = choice(
        required(m, "class", p)?,
        &p.key("class"),
        RiskClass::from_key,
    )?;
    let score = optional_amount(m, "score", p)?;
    let limit = amount(required(m, "limit", p)?, &p.key("limit"))?;
    Ok(RatingRecord {
        policy_version,
        rated_on,
        class,
        score,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn doc(clients: Value) -> String {
        serde_json::json!({"format": "encours", "version": 1, "clients": clients}).to_string()
    }

    #[test]
    fn paths_render_with_dots_and_indices() {
        let root = Path::root("");
        let c = root.key("clients");
        let i = c.index(3);
        let s = i.key("statements");
        assert_eq!(s.err(ErrorKind::Missing).path, "clients[3].statements");
        let prefixed = Path::root("clients[7]");
        assert_eq!(
            prefixed.key("id").err(ErrorKind::Missing).path,
            "clients[7].id"
        );
        assert_eq!(root.err(ErrorKind::Missing).path, "");
    }

    #[test]
    fn strict_iso_dates() {
        assert_eq!(
            parse_iso_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2025-02-30",
            "2025-2-03",
            "25-02-03",
            "2025/02/03",
            "+202-02-03",
            "2025-02-3 ",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn minimal_client() {
        let got = read_document(&doc(serde_json::json!([{"id": "a", "name": "A"}])));
        let want = ClientFile {
            id: "a".into(),
            name: "A".into(),
            ..ClientFile::default()
        };
        assert_eq!(got.map(|d| d.clients), Ok(vec![want]));
    }

    #[test]
    fn whole_numbers_from_float_forms() {
        let p = Path::root("x");
        assert_eq!(
            integer(&Json::parse("30.0").unwrap_or(Json::Null), &p),
            Ok(30)
        );
        assert_eq!(
            integer(&Json::parse("2.5").unwrap_or(Json::Null), &p).map_err(|e| e.kind),
            Err(ErrorKind::NotAWholeNumber)
        );
        assert_eq!(
            integer(&Json::parse("1e300").unwrap_or(Json::Null), &p),
            Ok(i128::MAX)
        );
        assert_eq!(
            integer(&Json::parse("-1e300").unwrap_or(Json::Null), &p),
            Ok(i128::MIN)
        );
    }

    #[test]
    fn quoted_values_are_cut() {
        let long = "x".repeat(100);
        let q = quoted(&long);
        assert_eq!(q.chars().count(), QUOTE_CHARS + 1);
        assert_eq!(quoted("abc"), "abc");
    }
}
