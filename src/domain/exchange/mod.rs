//! Exchange format v1 (docs/product.md, "Exchange format v1"): the JSON files client files travel
//! in. Rooms: `read` (the reader, every refusal with its place), `write` (the writer), `merge`
//! (an import's conflicts of ids).
//!
//! Reading parses the text into a tree ([`Json`], borrowing the text) and walks it by hand, so that every refusal
//! names its place (`clients[3].statements[0].balance_sheet.cash: not a number`). Unknown fields
//! are ignored everywhere, and `null` counts as absent. Writing leaves absent lines out and writes
//! amounts as decimal strings with the scale they hold ("21000.50").

use crate::domain::lang::Lang;
use std::fmt;

pub use super::parse::parse_iso_date;
use super::policy::Policy;
use crate::domain::client::{ClientFile, MAX_STATEMENTS};
use crate::domain::receivables::ledger::MAX_MONTHS;

mod ledger;
mod merge;
mod read;
mod write;

pub use merge::{conflicts, fresh_id, merge, ConflictChoice};
pub use read::{client_from_json, read_document};
pub use write::{client_to_json, write_document, write_parts};

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
    /// Not a calendar month written `YYYY-MM`.
    BadMonth,
    /// More than `ledger::MAX_MONTHS` months of sales in one ledger.
    TooManyMonths,
    /// A month of sales not after the one before it (the list runs oldest first, each month once).
    MonthsOutOfOrder,
    /// A customer code that the same ledger already lists.
    DuplicateCode,
    /// A customer code that an earlier client of the same file already lists.
    CodeOfAnotherFile,
    /// An item's `open` on the other side of its `amount`, or larger than it.
    OpenBeyondAmount,
    /// A `paid_on` on an item whose `open` is not 0.
    PaidWhileOpen,
}

impl ErrorKind {
    /// The problem in words, without its place.
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
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
            (ErrorKind::BadMonth, true) => {
                "n'est pas un mois valide (format AAAA-MM attendu, ex. 2025-12)".into()
            }
            (ErrorKind::BadMonth, false) => {
                "not a valid month (expected YYYY-MM, e.g. 2025-12)".into()
            }
            (ErrorKind::TooManyMonths, true) => {
                format!("plus de {MAX_MONTHS} mois de ventes ({MAX_MONTHS} au plus)")
            }
            (ErrorKind::TooManyMonths, false) => {
                format!("more than {MAX_MONTHS} months of sales ({MAX_MONTHS} at most)")
            }
            (ErrorKind::MonthsOutOfOrder, true) => {
                "mois en double ou dans le désordre (du plus ancien au plus récent, une fois \
                 chacun)"
                    .into()
            }
            (ErrorKind::MonthsOutOfOrder, false) => {
                "month repeated or out of order (oldest first, each month once)".into()
            }
            (ErrorKind::DuplicateCode, true) => "code client déjà listé pour ce client".into(),
            (ErrorKind::DuplicateCode, false) => {
                "customer code already listed for this client".into()
            }
            (ErrorKind::CodeOfAnotherFile, true) => {
                "code client déjà listé par un autre client du fichier (un code n'appartient \
                 qu'à un seul client)"
                    .into()
            }
            (ErrorKind::CodeOfAnotherFile, false) => {
                "customer code already listed by another client of the file (a code belongs \
                 to one client at most)"
                    .into()
            }
            (ErrorKind::OpenBeyondAmount, true) => {
                "le reste dû doit être du signe du montant, ou 0, et ne pas le dépasser".into()
            }
            (ErrorKind::OpenBeyondAmount, false) => {
                "the open amount must have the sign of the amount, or be 0, and not exceed it"
                    .into()
            }
            (ErrorKind::PaidWhileOpen, true) => {
                "date de règlement sur une pièce dont le reste dû n'est pas 0".into()
            }
            (ErrorKind::PaidWhileOpen, false) => {
                "a payment date on an item whose open amount is not 0".into()
            }
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
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        let what = self.kind.message(lang);
        match (self.path.is_empty(), french) {
            (true, _) => what,
            (false, true) => format!("{} : {what}", self.path),
            (false, false) => format!("{}: {what}", self.path),
        }
    }
}

impl fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ExchangeError {}
