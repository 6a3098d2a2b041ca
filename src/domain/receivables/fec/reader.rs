//! Bytes to [`FecTable`], a slice of lines at a time: the limits, the encoding and the header
//! are settled in [`FecReader::new`], each [`FecReader::step`] reads a bounded number of lines, so
//! the browser can show progress and never block for long.

use crate::domain::receivables::source::{quoted, ReadError, ReadErrorKind as K};
use crate::domain::receivables::text::{decode, looks_binary, Fallback};

use super::header::{Header, Money};
use super::lines::{next_line, Scanner};
use super::table::{FecTable, Row};
use super::values::{parse_fec_amount, parse_fec_date, parse_sens};
use super::{MAX_FEC_BYTES, MAX_FEC_LINES, MAX_LINE_CHARS};

/// Checks the line count and each line's length on the raw bytes, before any decoding, so a
/// 20 MB line is refused after one scan (in ISO-8859-15 a byte is a character).
fn check_lines(bytes: &[u8], utf8: Option<&str>) -> Result<usize, ReadError> {
    let too_many = |count: usize| {
        let kind = K::TooManyLines {
            limit: MAX_FEC_LINES,
        };
        Err(ReadError::new(kind).at_line(count))
    };
    let too_long = |count: usize| {
        let kind = K::LineTooLong {
            limit: MAX_LINE_CHARS,
        };
        Err(ReadError::new(kind).at_line(count))
    };
    let mut count = 0;
    if let Some(text) = utf8 {
        let mut scanner = Scanner::default();
        while let Some((start, end)) = scanner.next(text) {
            count += 1;
            if count > MAX_FEC_LINES {
                return too_many(count);
            }
            // Bytes bound characters from above: count them only when the bytes are too many.
            if end - start > MAX_LINE_CHARS
                && text.get(start..end).map_or(0, |l| l.chars().count()) > MAX_LINE_CHARS
            {
                return too_long(count);
            }
        }
    } else {
        let mut pos = 0;
        while let Some((start, end, next)) = next_line(bytes, pos) {
            count += 1;
            if count > MAX_FEC_LINES {
                return too_many(count);
            }
            if end - start > MAX_LINE_CHARS {
                return too_long(count);
            }
            pos = next;
        }
    }
    Ok(count)
}

/// The physical line of the first control byte [`looks_binary`] objects to.
fn binary_line(bytes: &[u8]) -> usize {
    let at = bytes
        .iter()
        .take(64 * 1024)
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .unwrap_or(0);
    let mut line = 1;
    let mut pos = 0;
    while let Some((_, _, next)) = next_line(bytes, pos) {
        if next > at {
            break;
        }
        line += 1;
        pos = next;
    }
    line
}

/// Reads a FEC a slice of lines at a time.
#[derive(Debug)]
pub struct FecReader {
    text: String,
    /// Where the next line starts.
    lines: Scanner,
    /// Physical lines consumed so far, the header's included.
    line: usize,
    total_lines: usize,
    header: Header,
    table: FecTable,
    failed: Option<ReadError>,
}

impl FecReader {
    /// Checks the limits, decodes (UTF-8 without BOM, else ISO-8859-15), refuses binary data
    /// and reads the header. Nothing else is read yet.
    pub fn new(bytes: &[u8]) -> Result<FecReader, ReadError> {
        if bytes.len() > MAX_FEC_BYTES {
            let kind = K::TooLarge {
                limit: MAX_FEC_BYTES,
            };
            return Err(ReadError::new(kind));
        }
        let raw = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if looks_binary(raw) {
            return Err(ReadError::new(K::Binary).at_line(binary_line(raw)));
        }
        let total_lines = check_lines(raw, std::str::from_utf8(raw).ok())?;
        let text = decode(bytes, Fallback::Iso8859_15);
        let mut lines = Scanner::default();
        let mut line = 0;
        let header = loop {
            let Some((start, end)) = lines.next(&text) else {
                return Err(ReadError::new(K::Empty));
            };
            line += 1;
            let content = text.get(start..end).unwrap_or("");
            if !content.trim().is_empty() {
                break Header::read(content, line)?;
            }
        };
        Ok(FecReader {
            text,
            lines,
            line,
            total_lines,
            header,
            table: FecTable::with_capacity(total_lines),
            failed: None,
        })
    }

    /// Reads up to `max_lines` more physical lines; `Ok(true)` once the file is read through.
    /// After a refusal every later step returns the same refusal.
    pub fn step(&mut self, max_lines: usize) -> Result<bool, ReadError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let text = self.text.as_str();
        let mut fields: Vec<&str> = Vec::with_capacity(self.header.width + 1);
        let mut recent = Recent::default();
        for _ in 0..max_lines.max(1) {
            let Some((start, end)) = self.lines.next(text) else {
                return Ok(true);
            };
            self.line += 1;
            let content = text.get(start..end).unwrap_or("");
            if content.trim().is_empty() {
                continue;
            }
            fields.clear();
            fields.extend(content.split(self.header.separator));
            let row = read_row(
                &self.header,
                &fields,
                self.line,
                &mut self.table,
                &mut recent,
            );
            if let Err(e) = row {
                self.failed = Some(e.clone());
                return Err(e);
            }
        }
        Ok(self.lines.pos >= self.text.len())
    }

    /// (physical lines read, physical lines in the file), the header's included.
    pub fn progress(&self) -> (usize, usize) {
        (self.line, self.total_lines)
    }

    /// Reads what is left and hands the table over; a header with no data line is refused.
    pub fn finish(mut self) -> Result<FecTable, ReadError> {
        while !self.step(usize::MAX)? {}
        if self.table.rows.is_empty() {
            return Err(ReadError::new(K::OnlyHeader).at_line(self.header.line));
        }
        Ok(self.table)
    }
}

/// The last value and id of each interned column: consecutive lines mostly repeat their journal,
/// entry, account and customer, and comparing with the previous line is cheaper than hashing.
#[derive(Default)]
struct Recent<'a> {
    journal: Option<(&'a str, &'a str, usize)>,
    ids: [(&'a str, u32); 7],
}

impl<'a> Recent<'a> {
    /// The id of `s` in column slot `slot`.
    fn id(&mut self, table: &mut FecTable, slot: usize, s: &'a str) -> u32 {
        match self.ids.get_mut(slot) {
            Some(last) if last.0 == s => last.1,
            Some(last) => {
                let id = table.pool.intern(s);
                *last = (s, id);
                id
            }
            None => table.pool.intern(s),
        }
    }

    fn journal(&mut self, table: &mut FecTable, code: &'a str, label: &'a str) -> usize {
        match self.journal {
            Some((c, l, index)) if c == code && l == label => index,
            _ => {
                let index = table.journal(code, label);
                self.journal = Some((code, label, index));
                index
            }
        }
    }
}

/// One data line's fields into a row of `table`.
fn read_row<'a>(
    header: &Header,
    fields: &[&'a str],
    line: usize,
    table: &mut FecTable,
    recent: &mut Recent<'a>,
) -> Result<(), ReadError> {
    let width = header.width;
    let fits = fields.len() == width
        || (fields.len() == width + 1 && fields.last().is_some_and(|f| f.trim().is_empty()));
    if !fits {
        let kind = K::FieldCount {
            expected: width,
            found: fields.len(),
        };
        // The place: the first missing column, or the first field beyond the header.
        let at = fields.len().min(width);
        let name = header.names.get(at).cloned().unwrap_or_default();
        return Err(ReadError::new(kind).at_line(line).at_column(at + 1, name));
    }
    let field = |i: usize| fields.get(i).map_or("", |f| f.trim());
    let opt = |i: Option<usize>| i.map_or("", field);
    let at = |i: usize, kind: K| header.at(ReadError::new(kind).at_line(line), i);
    let c = &header.columns;
    let date_text = field(c.date);
    let date =
        parse_fec_date(date_text).ok_or_else(|| at(c.date, K::BadDate(quoted(date_text))))?;
    let amount_at = |i: usize| {
        let s = field(i);
        parse_fec_amount(s).ok_or_else(|| at(i, K::BadAmount(quoted(s))))
    };
    let amount = match c.money {
        Money::DebitCredit { debit, credit } => amount_at(debit)? - amount_at(credit)?,
        Money::MontantSens { montant, sens } => {
            let m = amount_at(montant)?;
            let s = field(sens);
            m * parse_sens(s).ok_or_else(|| at(sens, K::BadSens(quoted(s))))?
        }
    };
    let piece_text = opt(c.piece_date);
    let piece_date = parse_fec_date(piece_text);
    let journal = recent.journal(table, field(c.journal_code), opt(c.journal_lib));
    let row = Row {
        line,
        journal,
        num: recent.id(table, 0, field(c.num)),
        date,
        piece_date,
        piece_date_unreadable: piece_date.is_none() && !piece_text.is_empty(),
        account: recent.id(table, 1, field(c.account)),
        account_label: recent.id(table, 2, opt(c.account_lib)),
        aux: recent.id(table, 3, opt(c.aux)),
        aux_label: recent.id(table, 4, opt(c.aux_lib)),
        piece_ref: recent.id(table, 5, opt(c.piece_ref)),
        lettrage: recent.id(table, 6, opt(c.lettrage)),
        amount,
    };
    table.rows.push(row);
    Ok(())
}
