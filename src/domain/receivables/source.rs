//! What a reader (FEC or open-items CSV) hands over: one entry per customer of the source, with
//! its items as of the situation date, and the refusals with their place in the file.

use chrono::NaiveDate;

use super::ledger::{Event, Item, MonthSales};
use crate::domain::lang::Lang;

/// Which kind of file the data came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Fec,
    OpenItems(CsvMode),
}

/// How an open-items CSV relates to what is stored (docs/receivables.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CsvMode {
    /// The file lists every open item at `as_of`: a stored open item of a matched client that is
    /// absent from it is closed, paid on `as_of`.
    #[default]
    Stock,
    /// Only the items in the file change.
    Delta,
}

/// One customer of the source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceCustomer {
    /// `CompAuxNum`, else `CompteNum`; the ERP's customer code for a CSV.
    pub code: String,
    /// May be empty (a FEC whose customers have no name).
    pub name: String,
    /// Nine digits, when the source gives one (CSV `siren`/`siret`).
    pub siren: Option<String>,
    pub sales_rep: Option<String>,
    /// Open items and items closed in the 12 months before `as_of`; `due_on` is `None` when the
    /// source has none (a FEC): the import computes it from the client's terms.
    pub items: Vec<Item>,
    /// Sales by calendar month, oldest first, at most 24 (up to `as_of`).
    pub months: Vec<MonthSales>,
    pub events: Vec<Event>,
    /// The earliest date the source covers for this customer's file.
    pub history_from: Option<NaiveDate>,
}

/// Counts shown in the import report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SourceReport {
    /// Physical data lines read (header and blank lines excluded).
    pub lines: usize,
    /// Lines on a receivable account, up to `as_of`.
    pub receivable_lines: usize,
    /// Lines after `as_of`, ignored.
    pub after_as_of: usize,
    /// FEC entries (JournalCode, EcritureNum, EcritureDate) whose debits and credits differ.
    pub unbalanced_entries: usize,
    /// Unreadable `PieceDate`s replaced by `EcritureDate`.
    pub piece_date_fallbacks: usize,
    /// Closed items older than 12 months before `as_of`, dropped.
    pub dropped_closed: usize,
}

/// Everything a reader produced for one situation date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    pub as_of: NaiveDate,
    /// Sorted by code.
    pub customers: Vec<SourceCustomer>,
    pub report: SourceReport,
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// Larger than the reader accepts (bytes).
    TooLarge { limit: usize },
    /// A line longer than the reader accepts (characters).
    LineTooLong { limit: usize },
    /// More lines than the reader accepts.
    TooManyLines { limit: usize },
    /// Control bytes (NUL…) that no text export holds: a binary file.
    Binary,
    /// No header line.
    Empty,
    /// A header and no data line.
    OnlyHeader,
    /// A required column is absent; its standard name.
    MissingColumn(String),
    /// A line with a different number of fields than the header.
    FieldCount { expected: usize, found: usize },
    /// An unreadable date (the value, cut short).
    BadDate(String),
    /// An unreadable amount, or one beyond what a decimal holds.
    BadAmount(String),
    /// A `Sens` other than D, C, +1, -1.
    BadSens(String),
    /// Unbalanced quotes in a CSV.
    BadQuote,
    /// No line on a receivable account (FEC) / no document (CSV).
    NothingToImport,
    /// The chosen `as_of` is before every receivable line.
    AsOfTooEarly,
}

/// A refusal, at its place: the physical line (header = 1) and the column (1-based field number
/// and its header name), when the refusal has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub line: Option<usize>,
    pub column: Option<(usize, String)>,
    pub kind: ReadErrorKind,
}

impl ReadError {
    pub fn new(kind: ReadErrorKind) -> Self {
        ReadError {
            line: None,
            column: None,
            kind,
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn at_column(mut self, index: usize, name: impl Into<String>) -> Self {
        self.column = Some((index, name.into()));
        self
    }

    /// The message shown, in `lang`, place first: « ligne 5, colonne 3 (EcritureDate) : … ».
    /// Each language's sentence is written whole, so that no word of one is read alone in the
    /// other (a parser's English message quoted in a French one, say).
    pub fn message(&self, lang: Lang) -> String {
        let what = self.kind.message(lang);
        let column = self.column.as_ref().map(|(index, name)| {
            if name.is_empty() {
                index.to_string()
            } else {
                format!("{index} ({name})")
            }
        });
        match (self.line, column, lang.is_fr()) {
            (Some(l), Some(c), true) => format!("ligne {l}, colonne {c} : {what}"),
            (Some(l), Some(c), false) => format!("line {l}, column {c}: {what}"),
            (Some(l), None, true) => format!("ligne {l} : {what}"),
            (Some(l), None, false) => format!("line {l}: {what}"),
            (None, Some(c), true) => format!("colonne {c} : {what}"),
            (None, Some(c), false) => format!("column {c}: {what}"),
            (None, None, _) => what,
        }
    }
}

impl ReadErrorKind {
    pub fn message(&self, lang: Lang) -> String {
        use ReadErrorKind as K;
        let fr = lang.is_fr();
        match self {
            K::TooLarge { limit } => if fr {
                format!("le fichier dépasse {} Mo", limit / 1_000_000)
            } else {
                format!("the file is larger than {} MB", limit / 1_000_000)
            },
            K::LineTooLong { limit } => if fr {
                format!("ligne de plus de {limit} caractères : ce n'est pas un export ligne à ligne")
            } else {
                format!("a line longer than {limit} characters: not a line-by-line export")
            },
            K::TooManyLines { limit } => if fr {
                format!("plus de {limit} lignes")
            } else {
                format!("more than {limit} lines")
            },
            K::Binary => lang
                .pick(
                    "le fichier n'est pas du texte (octets de contrôle) : est-ce bien un export texte ?",
                    "the file is not text (control bytes): is it a text export?",
                )
                .into(),
            K::Empty => lang.pick("le fichier est vide", "the file is empty").into(),
            K::OnlyHeader => lang
                .pick(
                    "le fichier n'a qu'une ligne d'en-tête, aucune donnée",
                    "the file has a header line and no data",
                )
                .into(),
            K::MissingColumn(name) => if fr {
                format!("colonne « {name} » absente de l'en-tête")
            } else {
                format!("column “{name}” is missing from the header")
            },
            K::FieldCount { expected, found } => if fr {
                format!("{found} champs au lieu des {expected} de l'en-tête")
            } else {
                format!("{found} fields instead of the header's {expected}")
            },
            K::BadDate(v) => if fr {
                format!("date illisible « {v} » (attendu AAAAMMJJ, AAAA-MM-JJ ou JJ/MM/AAAA)")
            } else {
                format!("unreadable date “{v}” (expected YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY)")
            },
            K::BadAmount(v) => if fr {
                format!("montant illisible « {v} »")
            } else {
                format!("unreadable amount “{v}”")
            },
            K::BadSens(v) => if fr {
                format!("sens « {v} » inconnu (attendu D, C, +1 ou -1)")
            } else {
                format!("unknown direction “{v}” (expected D, C, +1 or -1)")
            },
            K::BadQuote => lang
                .pick("guillemet non refermé", "a quote is not closed")
                .into(),
            K::NothingToImport => lang
                .pick(
                    "aucune ligne de compte client (411…) dans le fichier",
                    "no customer account line (411…) in the file",
                )
                .into(),
            K::AsOfTooEarly => lang
                .pick(
                    "la date de situation précède toutes les lignes clients",
                    "the situation date is before every customer line",
                )
                .into(),
        }
    }
}

/// A value quoted back in a message, cut to 40 characters.
pub fn quoted(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}
