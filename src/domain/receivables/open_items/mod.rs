//! The open-items CSV reader (docs/receivables.md §3): one line per document, as ERPs export an
//! aged balance, read into a [`Source`] for the import (§4).
//!
//! Rooms: `layout` (bytes to a table: limits, encoding, separator, quotes), `mapping` (which
//! column feeds which field), `values` (dates, kinds, SIRENs), `customers` (documents gathered
//! per customer, with their monthly sales).
//!
//! Choices the contract leaves open, made here:
//! * A line whose customer code or reference is blank is no document (the subtotal and total
//!   lines aged balances interleave): it is skipped, and shows in the report as a line read that
//!   is neither a document nor after `as_of`.
//! * A line whose amount and open amount are both 0 is no item (as in a FEC).
//! * A blank open-amount cell is absent: open = amount.
//! * Kinds: see [`values::kind_of`]; a credit without a recognised `type` is `other`.
//! * A SIREN or SIRET that is not 9 (or 14) digits with a valid key is ignored, not refused.
//! * The payment date is read only when open is 0; otherwise the cell is not even parsed.
//! * Closed items whose payment date (else issue date) is 12 months or more before `as_of` are
//!   dropped (`report.dropped_closed`), as a ledger keeps them no longer; their sales count.
//! * Names, references and every text are kept as written, formulas included: neutralising them
//!   is the exporter's job ([`neutralise_formula`]).

mod customers;
mod layout;
mod mapping;
mod values;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use layout::{MAX_BYTES, MAX_LINE_CHARS};
pub use mapping::{header_key, ColumnMapping, Field};
pub use values::{kind_of, parse_csv_date, siren_of};

use crate::domain::lang::Lang;
use crate::domain::parse::parse_amount;
use crate::domain::receivables::ledger::Item;
use crate::domain::receivables::source::{
    quoted, CsvMode, ReadError, ReadErrorKind, Source, SourceKind, SourceReport,
};
use customers::{Customers, Document};
use layout::Row;

/// Rows shown in the dialogue's preview.
pub const SAMPLE_ROWS: usize = 5;

/// A first look at the file, for the mapping dialogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvPreview {
    /// `;`, `,` or TAB.
    pub separator: u8,
    /// The header's cells, trimmed.
    pub header: Vec<String>,
    /// The mapping detected from the header names.
    pub mapping: ColumnMapping,
    /// The first [`SAMPLE_ROWS`] data rows, cells trimmed.
    pub sample: Vec<Vec<String>>,
}

/// Reads the header and the first rows, or refuses the file (too large, binary, a line too
/// long, empty, only a header, a quote never closed).
pub fn preview(bytes: &[u8]) -> Result<CsvPreview, ReadError> {
    let table = layout::read_table(bytes)?;
    if table.rows.is_empty() {
        return Err(ReadError::new(ReadErrorKind::OnlyHeader));
    }
    Ok(CsvPreview {
        separator: table.separator,
        mapping: ColumnMapping::detect(&table.header),
        sample: table
            .rows
            .into_iter()
            .take(SAMPLE_ROWS)
            .map(|r| r.cells)
            .collect(),
        header: table.header,
    })
}

/// Reads every document of the file with `mapping`, at `as_of`. Documents issued after `as_of`
/// are ignored and counted in `report.after_as_of`. A refusal names the physical line (the
/// header is line 1 when the file starts with it) and the column (1-based, with its header
/// name).
pub fn read_open_items(
    bytes: &[u8],
    mapping: &ColumnMapping,
    as_of: NaiveDate,
    mode: CsvMode,
) -> Result<Source, ReadError> {
    let table = layout::read_table(bytes)?;
    if let Some(field) = mapping.missing_required().first() {
        let name = format!("{} / {}", field.label(Lang::Fr), field.label(Lang::En));
        return Err(ReadError::new(ReadErrorKind::MissingColumn(name)));
    }
    if table.rows.is_empty() {
        return Err(ReadError::new(ReadErrorKind::OnlyHeader));
    }
    let mut report = SourceReport::default();
    let mut customers = Customers::new(as_of);
    for row in &table.rows {
        report.lines += 1;
        let cells = Cells {
            row,
            header: &table.header,
            mapping,
        };
        cells.check_width()?;
        let Some(doc) = cells.document(as_of, &mut report)? else {
            continue;
        };
        if !customers.add(doc) {
            report.dropped_closed += 1;
        }
    }
    if customers.is_empty() {
        let kind = if report.after_as_of > 0 {
            ReadErrorKind::AsOfTooEarly
        } else {
            ReadErrorKind::NothingToImport
        };
        return Err(ReadError::new(kind));
    }
    Ok(Source {
        kind: SourceKind::OpenItems(mode),
        as_of,
        customers: customers.finish(),
        report,
    })
}

/// One row seen through the mapping.
struct Cells<'a> {
    row: &'a Row,
    header: &'a [String],
    mapping: &'a ColumnMapping,
}

impl<'a> Cells<'a> {
    /// The refusal `kind` at this row, in `column`.
    fn error_at(&self, column: usize, kind: ReadErrorKind) -> ReadError {
        let name = self.header.get(column).cloned().unwrap_or_default();
        ReadError::new(kind)
            .at_line(self.row.line)
            .at_column(column + 1, name)
    }

    fn error(&self, field: Field, kind: ReadErrorKind) -> ReadError {
        self.error_at(self.mapping.get(field).unwrap_or(0), kind)
    }

    /// A row shorter than a mapped column needs is refused, at the first mapped column it lacks.
    fn check_width(&self) -> Result<(), ReadError> {
        let found = self.row.cells.len();
        let needed = self.mapping.columns_needed();
        if found >= needed {
            return Ok(());
        }
        let column = self
            .mapping
            .mapped()
            .into_iter()
            .map(|(_, c)| c)
            .filter(|&c| c >= found)
            .min()
            .unwrap_or(found);
        let expected = needed.max(self.header.len());
        Err(self.error_at(column, ReadErrorKind::FieldCount { expected, found }))
    }

    /// The cell feeding `field`, when it is mapped and not blank.
    fn text(&self, field: Field) -> Option<&'a str> {
        let column = self.mapping.get(field)?;
        let cell = self.row.cells.get(column)?.as_str();
        (!cell.is_empty()).then_some(cell)
    }

    fn amount(&self, field: Field) -> Result<Option<Decimal>, ReadError> {
        let Some(raw) = self.text(field) else {
            return Ok(None);
        };
        parse_amount(raw).map_err(|_| self.error(field, ReadErrorKind::BadAmount(quoted(raw))))
    }

    fn date(&self, field: Field) -> Result<Option<NaiveDate>, ReadError> {
        let Some(raw) = self.text(field) else {
            return Ok(None);
        };
        parse_csv_date(raw)
            .map(Some)
            .ok_or_else(|| self.error(field, ReadErrorKind::BadDate(quoted(raw))))
    }

    /// The document of the row; `None` when the row is no document or is after `as_of`.
    fn document(
        &self,
        as_of: NaiveDate,
        report: &mut SourceReport,
    ) -> Result<Option<Document<'a>>, ReadError> {
        let (Some(code), Some(reference)) =
            (self.text(Field::CustomerCode), self.text(Field::Reference))
        else {
            return Ok(None);
        };
        let issued_on = self
            .date(Field::IssueDate)?
            .ok_or_else(|| self.error(Field::IssueDate, ReadErrorKind::BadDate(String::new())))?;
        if issued_on > as_of {
            report.after_as_of += 1;
            return Ok(None);
        }
        let amount = self
            .amount(Field::Amount)?
            .ok_or_else(|| self.error(Field::Amount, ReadErrorKind::BadAmount(String::new())))?;
        let open = self.amount(Field::OpenAmount)?.unwrap_or(amount);
        if amount.is_zero() && open.is_zero() {
            return Ok(None);
        }
        report.receivable_lines += 1;
        let due_on = self.date(Field::DueDate)?;
        let paid_on = if open.is_zero() {
            self.date(Field::PaymentDate)?
        } else {
            None
        };
        let item = Item {
            reference: reference.to_string(),
            kind: kind_of(self.text(Field::Kind), amount),
            issued_on,
            due_on,
            amount,
            open,
            paid_on,
            disputed: false,
            actions: Vec::new(),
        };
        Ok(Some(Document {
            code,
            name: self.text(Field::CustomerName),
            siren: self.text(Field::Siren).and_then(siren_of),
            sales_rep: self.text(Field::SalesRep),
            item,
        }))
    }
}

/// `s` made safe for a spreadsheet cell on export (OWASP, CSV injection): a text starting with
/// `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` so that no spreadsheet runs it as a formula.
/// For text cells only: a negative number written as a number must not go through it.
pub fn neutralise_formula(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
