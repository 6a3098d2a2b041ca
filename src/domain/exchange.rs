//! Exchange format v1 (SPEC.md "Exchange format v1"): the JSON files client files travel in.
//!
//! Reading parses the text into a tree ([`Json`], borrowing the text) and walks it by hand, so that every refusal
//! names its place (`clients[3].statements[0].balance_sheet.cash: not a number`). Unknown fields
//! are ignored everywhere, and `null` counts as absent. Writing leaves absent lines out and writes
//! amounts as decimal strings with the scale they hold ("21000.50").

pub use super::parse::parse_iso_date;
use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::domain::json_tree::{Json, Step};

use super::client::{
    ClientFile, CollectiveProceeding, PaymentHistory, Qualitative, RatingRecord, SectorRisk,
    TermsBasis, Trade, MAX_STATEMENTS,
};
use super::ids::RiskClass;
use super::parse::{parse_decimal, AmountError};
use super::policy::Policy;
use super::statement::{
    BalanceLine, BalanceSheet, IncomeLine, IncomeStatement, Reported, ReportedLine, Statement,
    MAX_DURATION_MONTHS, MIN_DURATION_MONTHS,
};

/// The `format` of every Encours file.
pub const FORMAT: &str = "encours";
/// The version this app writes and the newest it reads.
pub const VERSION: u64 = 1;
/// Largest input read, in bytes (20 MB); anything larger is refused before parsing.
pub const MAX_INPUT_BYTES: usize = 20_000_000;

/// Longest piece of a refused value quoted back in a message, in characters.
const QUOTE_CHARS: usize = 40;

/// A whole exchange file: an optional policy and the client files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub exported_at: Option<String>,
    pub policy: Option<Policy>,
    pub clients: Vec<ClientFile>,
}

/// What is wrong at the place an [`ExchangeError`] names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON at all, or nested too deeply; serde_json's description (in English).
    InvalidJson(String),
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge,
    /// `format` missing or other than "encours".
    UnknownFormat,
    /// A `version` newer than [`VERSION`]: written by a newer app.
    NewerVersion(u64),
    NotAnObject,
    NotAList,
    NotAString,
    /// An amount that is neither a decimal string ("-1234.5") nor a JSON number.
    NotANumber,
    /// Expected a whole number of 0 or more (days, headcount, incidents, versions).
    NotAWholeNumber,
    NotABoolean,
    /// Not a calendar date written `YYYY-MM-DD`.
    BadDate,
    /// An amount whose magnitude exceeds `parse::MAX_AMOUNT`.
    AmountOutOfRange,
    /// An amount with more than `parse::MAX_DECIMALS` decimal places.
    AmountTooPrecise,
    /// A whole number above 4 294 967 295.
    NumberOutOfRange,
    /// `duration_months` outside 1–24.
    DurationOutOfRange,
    /// `information_quality` outside 1–5.
    QualityOutOfRange,
    /// A required field is absent (or null).
    Missing,
    /// A client `id` that is the empty string.
    Empty,
    /// A value outside its list (sector risk, proceeding, terms basis, class, version 0); the
    /// value is quoted, cut to 40 characters.
    UnknownValue(String),
    /// More than `client::MAX_STATEMENTS` statements in one client.
    TooManyStatements,
    /// A client `id` that an earlier client of the same file already uses.
    DuplicateId,
    /// The `policy` does not have the shape of a credit policy; serde's description.
    InvalidPolicy(String),
}

impl ErrorKind {
    /// The problem in words, without its place.
    pub fn message(&self, french: bool) -> String {
        match (self, french) {
            (ErrorKind::InvalidJson(d), true) => {
                format!("le fichier n'est pas un JSON valide ({d})")
            }
            (ErrorKind::InvalidJson(d), false) => format!("the file is not valid JSON ({d})"),
            (ErrorKind::TooLarge, true) => "le fichier est trop volumineux (plus de 20 Mo)".into(),
            (ErrorKind::TooLarge, false) => "the file is too large (more than 20 MB)".into(),
            (ErrorKind::UnknownFormat, true) => {
                "ce n'est pas un fichier Encours (« format » doit valoir « encours »)".into()
            }
            (ErrorKind::UnknownFormat, false) => {
                "not an Encours file (\"format\" must be \"encours\")".into()
            }
            (ErrorKind::NewerVersion(v), true) => format!(
                "ce fichier vient d'une version plus récente d'Encours (format version {v}, cette \
                 application lit la version {VERSION}) : mettez l'application à jour"
            ),
            (ErrorKind::NewerVersion(v), false) => format!(
                "this file comes from a newer version of Encours (format version {v}; this app \
                 reads version {VERSION}): update the app"
            ),
            (ErrorKind::NotAnObject, true) => "n'est pas un objet ({ … })".into(),
            (ErrorKind::NotAnObject, false) => "not an object ({ … })".into(),
            (ErrorKind::NotAList, true) => "n'est pas une liste ([ … ])".into(),
            (ErrorKind::NotAList, false) => "not a list ([ … ])".into(),
            (ErrorKind::NotAString, true) => "n'est pas un texte entre guillemets".into(),
            (ErrorKind::NotAString, false) => "not a text in quotes".into(),
            (ErrorKind::NotANumber, true) => "n'est pas un nombre".into(),
            (ErrorKind::NotANumber, false) => "not a number".into(),
            (ErrorKind::NotAWholeNumber, true) => {
                "n'est pas un nombre entier positif ou nul".into()
            }
            (ErrorKind::NotAWholeNumber, false) => "not a whole number of 0 or more".into(),
            (ErrorKind::NotABoolean, true) => "doit valoir true ou false".into(),
            (ErrorKind::NotABoolean, false) => "must be true or false".into(),
            (ErrorKind::BadDate, true) => {
                "n'est pas une date valide (format AAAA-MM-JJ attendu, ex. 2025-12-31)".into()
            }
            (ErrorKind::BadDate, false) => {
                "not a valid date (expected YYYY-MM-DD, e.g. 2025-12-31)".into()
            }
            (ErrorKind::AmountOutOfRange, true) => {
                "montant hors limites (au plus 1 000 000 000 000 000 en valeur absolue)".into()
            }
            (ErrorKind::AmountOutOfRange, false) => {
                "amount out of range (at most 1,000,000,000,000,000 either way)".into()
            }
            (ErrorKind::AmountTooPrecise, true) => "trop de décimales (6 au plus)".into(),
            (ErrorKind::AmountTooPrecise, false) => "too many decimal places (6 at most)".into(),
            (ErrorKind::NumberOutOfRange, true) => "nombre trop grand".into(),
            (ErrorKind::NumberOutOfRange, false) => "number too large".into(),
            (ErrorKind::DurationOutOfRange, true) => {
                "la durée de l'exercice doit être comprise entre 1 et 24 mois".into()
            }
            (ErrorKind::DurationOutOfRange, false) => {
                "the fiscal year must last between 1 and 24 months".into()
            }
            (ErrorKind::QualityOutOfRange, true) => "doit être compris entre 1 et 5".into(),
            (ErrorKind::QualityOutOfRange, false) => "must be between 1 and 5".into(),
            (ErrorKind::Missing, true) => "manquant".into(),
            (ErrorKind::Missing, false) => "missing".into(),
            (ErrorKind::Empty, true) => "ne doit pas être vide".into(),
            (ErrorKind::Empty, false) => "must not be empty".into(),
            (ErrorKind::UnknownValue(v), true) => format!("valeur inconnue « {v} »"),
            (ErrorKind::UnknownValue(v), false) => format!("unknown value \"{v}\""),
            (ErrorKind::TooManyStatements, true) => {
                format!("plus de {MAX_STATEMENTS} exercices ({MAX_STATEMENTS} au plus)")
            }
            (ErrorKind::TooManyStatements, false) => {
                format!("more than {MAX_STATEMENTS} fiscal years ({MAX_STATEMENTS} at most)")
            }
            (ErrorKind::DuplicateId, true) => {
                "identifiant déjà utilisé par un autre client du fichier".into()
            }
            (ErrorKind::DuplicateId, false) => {
                "id already used by another client of the file".into()
            }
            (ErrorKind::InvalidPolicy(d), true) => format!("politique de crédit invalide ({d})"),
            (ErrorKind::InvalidPolicy(d), false) => format!("invalid credit policy ({d})"),
        }
    }
}

/// A refused file: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeError {
    /// Like `clients[3].statements[0].balance_sheet.cash`; empty for the document itself.
    pub path: String,
    pub kind: ErrorKind,
}

impl ExchangeError {
    /// "path: problem" (English) or "path : problème" (French); the problem alone at the root.
    pub fn message(&self, french: bool) -> String {
        let what = self.kind.message(french);
        match (self.path.is_empty(), french) {
            (true, _) => what,
            (false, true) => format!("{} : {what}", self.path),
            (false, false) => format!("{}: {what}", self.path),
        }
    }
}

impl fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(false))
    }
}

impl std::error::Error for ExchangeError {}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// One step of a path.
#[derive(Clone, Copy)]
enum Seg<'a> {
    /// The prefix the caller gave (may be empty).
    Root(&'a str),
    Step(Step<'a>),
}

/// A place in the document, rendered only when an error needs it.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg<'a>,
}

impl<'a> Path<'a> {
    fn root(prefix: &'a str) -> Self {
        Path {
            parent: None,
            seg: Seg::Root(prefix),
        }
    }

    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Step(Step::Key(key)),
        }
    }

    fn index(&'a self, i: usize) -> Path<'a> {
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

    fn err(&self, kind: ErrorKind) -> ExchangeError {
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
fn object<'v, 'a>(v: &'v Json<'a>, p: &Path) -> Result<&'v Json<'a>, ExchangeError> {
    if v.is_object() {
        Ok(v)
    } else {
        Err(p.err(ErrorKind::NotAnObject))
    }
}

/// The field `key`, `None` when absent or null.
fn optional<'v, 'a>(m: &'v Json<'a>, key: &str) -> Option<&'v Json<'a>> {
    m.get(key).filter(|v| !v.is_null())
}

fn required<'v, 'a>(
    m: &'v Json<'a>,
    key: &'static str,
    p: &Path,
) -> Result<&'v Json<'a>, ExchangeError> {
    optional(m, key).ok_or_else(|| p.key(key).err(ErrorKind::Missing))
}

fn string(v: &Json, p: &Path) -> Result<String, ExchangeError> {
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

fn boolean(v: &Json, p: &Path) -> Result<bool, ExchangeError> {
    v.as_bool().ok_or_else(|| p.err(ErrorKind::NotABoolean))
}

/// A calendar date written exactly `YYYY-MM-DD`.
fn date(v: &Json, p: &Path) -> Result<NaiveDate, ExchangeError> {
    let s = v.as_str().ok_or_else(|| p.err(ErrorKind::NotAString))?;
    parse_iso_date(s).ok_or_else(|| p.err(ErrorKind::BadDate))
}

/// An amount: a decimal string ("-1234.5", JSON exponents allowed) or a JSON number.
fn amount(v: &Json, p: &Path) -> Result<Decimal, ExchangeError> {
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
fn choice<T>(v: &Json, p: &Path, from_key: impl Fn(&str) -> Option<T>) -> Result<T, ExchangeError> {
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
        clients.reserve(list.len());
        for (i, item) in list.iter().enumerate() {
            let ip = cp.index(i);
            let client = client_at(item, &ip)?;
            // The id was read from this very item, so it is a string there.
            let id = item.get("id").and_then(Json::as_str).unwrap_or_default();
            if !seen.insert(id) {
                return Err(ip.key("id").err(ErrorKind::DuplicateId));
            }
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
    let rating = optional(m, "rating")
        .map(|v| rating_at(v, &p.key("rating")))
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

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

fn date_text(d: NaiveDate) -> String {
    // `Display` is ISO 8601, as `%Y-%m-%d` (no strftime machinery in the wasm).
    d.to_string()
}

/// A table of statement lines: the present ones, in liasse order, amounts as strings.
struct LinesOut(Vec<(&'static str, Decimal)>);

impl Serialize for LinesOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            m.serialize_entry(key, &value.to_string())?;
        }
        m.end()
    }
}

struct StatementOut<'a>(&'a Statement);

impl Serialize for StatementOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let st = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("closing_date", &date_text(st.closing_date))?;
        m.serialize_entry("duration_months", &st.duration_months)?;
        if let Some(h) = st.headcount {
            m.serialize_entry("headcount", &h)?;
        }
        if !st.balance_sheet.is_empty() {
            let lines = st.balance_sheet.present().map(|(l, v)| (l.key(), v));
            m.serialize_entry("balance_sheet", &LinesOut(lines.collect()))?;
        }
        if !st.income_statement.is_empty() {
            let lines = st.income_statement.present().map(|(l, v)| (l.key(), v));
            m.serialize_entry("income_statement", &LinesOut(lines.collect()))?;
        }
        if !st.reported.is_empty() {
            let lines = st.reported.present().map(|(l, v)| (l.key(), v));
            m.serialize_entry("reported", &LinesOut(lines.collect()))?;
        }
        m.end()
    }
}

struct QualitativeOut<'a>(&'a Qualitative);

impl Serialize for QualitativeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("payment_history", &PaymentHistoryOut(&q.payment_history))?;
        if let Some(n) = q.payment_incidents_12m {
            m.serialize_entry("payment_incidents_12m", &n)?;
        }
        m.serialize_entry("collective_proceeding", q.collective_proceeding.key())?;
        if let Some(n) = q.information_quality {
            m.serialize_entry("information_quality", &n)?;
        }
        m.end()
    }
}

struct PaymentHistoryOut<'a>(&'a PaymentHistory);

impl Serialize for PaymentHistoryOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("new_client", &h.new_client)?;
        if let Some(n) = h.avg_days_late {
            m.serialize_entry("avg_days_late", &n)?;
        }
        m.end()
    }
}

struct TradeOut<'a>(&'a Trade);

impl Serialize for TradeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = s.serialize_map(None)?;
        let amount = |m: &mut S::SerializeMap, key: &str, v: Option<Decimal>| match v {
            Some(v) => m.serialize_entry(key, &v.to_string()),
            None => Ok(()),
        };
        amount(&mut m, "expected_annual_sales", t.expected_annual_sales)?;
        if let Some(n) = t.terms_days {
            m.serialize_entry("terms_days", &n)?;
        }
        m.serialize_entry("terms_basis", t.terms_basis.key())?;
        if let Some(n) = t.expected_delay_days {
            m.serialize_entry("expected_delay_days", &n)?;
        }
        amount(&mut m, "insurance_cover", t.insurance_cover)?;
        amount(&mut m, "guarantees", t.guarantees)?;
        amount(&mut m, "requested_limit", t.requested_limit)?;
        m.end()
    }
}

struct RatingOut<'a>(&'a RatingRecord);

impl Serialize for RatingOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("policy_version", &r.policy_version)?;
        m.serialize_entry("rated_on", &date_text(r.rated_on))?;
        m.serialize_entry("class", r.class.key())?;
        if let Some(score) = r.score {
            m.serialize_entry("score", &score.to_string())?;
        }
        m.serialize_entry("limit", &r.limit.to_string())?;
        m.end()
    }
}

struct ClientOut<'a>(&'a ClientFile);

impl Serialize for ClientOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &c.id)?;
        m.serialize_entry("name", &c.name)?;
        for (key, text) in [
            ("siren", &c.siren),
            ("legal_form", &c.legal_form),
            ("naf_code", &c.naf_code),
        ] {
            if !text.is_empty() {
                m.serialize_entry(key, text)?;
            }
        }
        if let Some(d) = c.created_on {
            m.serialize_entry("created_on", &date_text(d))?;
        }
        if let Some(r) = c.sector_risk {
            m.serialize_entry("sector_risk", r.key())?;
        }
        m.serialize_entry("qualitative", &QualitativeOut(&c.qualitative))?;
        m.serialize_entry("trade", &TradeOut(&c.trade))?;
        let statements: Vec<StatementOut> = c.statements.iter().map(StatementOut).collect();
        m.serialize_entry("statements", &statements)?;
        if !c.notes.is_empty() {
            m.serialize_entry("notes", &c.notes)?;
        }
        if let Some(r) = &c.rating {
            m.serialize_entry("rating", &RatingOut(r))?;
        }
        m.end()
    }
}

/// The parts of a [`Document`], borrowed: the app writes its clients and policy in place.
struct DocumentOut<'a> {
    exported_at: Option<&'a str>,
    policy: Option<&'a Policy>,
    clients: &'a [ClientFile],
}

impl Serialize for DocumentOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("format", FORMAT)?;
        m.serialize_entry("version", &VERSION)?;
        if let Some(at) = self.exported_at {
            m.serialize_entry("exported_at", at)?;
        }
        if let Some(p) = self.policy {
            m.serialize_entry("policy", p)?;
        }
        let clients: Vec<ClientOut> = self.clients.iter().map(ClientOut).collect();
        m.serialize_entry("clients", &clients)?;
        m.end()
    }
}

/// The document as pretty JSON (format and version first, lines in liasse order, absent lines
/// left out, amounts as decimal strings), ending with a newline.
pub fn write_document(doc: &Document) -> String {
    write_parts(
        doc.exported_at.as_deref(),
        doc.policy.as_ref(),
        &doc.clients,
    )
}

/// [`write_document`] of a document made of these parts, without copying them into one.
pub fn write_parts(
    exported_at: Option<&str>,
    policy: Option<&Policy>,
    clients: &[ClientFile],
) -> String {
    let doc = DocumentOut {
        exported_at,
        policy,
        clients,
    };
    // Serialising these maps of strings, numbers and the derived Policy cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// One client file as a JSON value, the shape it has inside a document.
pub fn client_to_json(c: &ClientFile) -> Value {
    serde_json::to_value(ClientOut(c)).unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------------------
// Import conflicts
// ---------------------------------------------------------------------------------------------

/// What to do with an incoming client whose id is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictChoice {
    /// The incoming file takes the place of the stored one.
    Replace,
    /// Both are kept; the incoming one gets a fresh id.
    KeepBoth,
    /// The incoming file is dropped.
    Skip,
}

/// Indices in `incoming` of the clients whose id is already in `existing`.
pub fn conflicts(existing: &[ClientFile], incoming: &[ClientFile]) -> Vec<usize> {
    let ids: HashSet<&str> = existing.iter().map(|c| c.id.as_str()).collect();
    incoming
        .iter()
        .enumerate()
        .filter(|(_, c)| ids.contains(c.id.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// `existing` followed by the incoming clients. An incoming client whose id is free is appended;
/// for one whose id is taken (by a stored client or an incoming one already merged), `choice`
/// decides: `Replace` puts it in the place of the one holding the id, `KeepBoth` appends it under
/// [`fresh_id`] (free among stored and incoming ids), `Skip` drops it.
pub fn merge(
    existing: Vec<ClientFile>,
    incoming: Vec<ClientFile>,
    choice: impl Fn(&ClientFile) -> ConflictChoice,
) -> Vec<ClientFile> {
    let mut out = existing;
    let mut position: HashMap<String, usize> = HashMap::with_capacity(out.len() + incoming.len());
    for (i, c) in out.iter().enumerate() {
        position.entry(c.id.clone()).or_insert(i);
    }
    let incoming_ids: HashSet<String> = incoming.iter().map(|c| c.id.clone()).collect();
    out.reserve(incoming.len());
    for mut c in incoming {
        match position.get(&c.id).copied() {
            None => {
                position.insert(c.id.clone(), out.len());
                out.push(c);
            }
            Some(pos) => match choice(&c) {
                ConflictChoice::Replace => {
                    if let Some(slot) = out.get_mut(pos) {
                        *slot = c;
                    }
                }
                ConflictChoice::KeepBoth => {
                    c.id = fresh_id(&c.id, |id| {
                        position.contains_key(id) || incoming_ids.contains(id)
                    });
                    position.insert(c.id.clone(), out.len());
                    out.push(c);
                }
                ConflictChoice::Skip => {}
            },
        }
    }
    out
}

/// `base` when it is free, else the first free of `base-2`, `base-3`, …
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    let mut n: u64 = 2;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken(&candidate) || n == u64::MAX {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
