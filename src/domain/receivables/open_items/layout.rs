//! From bytes to a table of trimmed cells with their physical line numbers: the limits, the
//! encoding, the separator, the quotes (RFC 4180, read by the `csv` crate).

use crate::domain::receivables::source::{ReadError, ReadErrorKind};
use crate::domain::receivables::text::{decode, looks_binary, Fallback};

/// Largest file read: 50 MB. An aged balance of 100,000 documents is about 10 MB; a larger file
/// is not an open-items export, and reading it would freeze the browser tab.
pub const MAX_BYTES: usize = 50_000_000;

/// Longest physical line read, in characters: a document line is a few hundred; a longer one is
/// a file that is not line by line (a spreadsheet's XML, a minified dump).
pub const MAX_LINE_CHARS: usize = 10_000;

/// One non-blank record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    /// The physical line the record starts on, the first line being 1.
    pub line: usize,
    /// The fields, trimmed.
    pub cells: Vec<String>,
}

/// A file read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Table {
    pub separator: u8,
    /// The first non-blank record, trimmed.
    pub header: Vec<String>,
    /// The other non-blank records, in file order.
    pub rows: Vec<Row>,
}

/// The separators §3 allows, in the order a tie is broken.
const SEPARATORS: [u8; 3] = [b';', b',', b'\t'];

/// Reads `bytes` as a table, or refuses it: too large, binary, a line too long, empty, a quote
/// never closed. A header without data is a table with no rows (the caller refuses it).
pub(super) fn read_table(bytes: &[u8]) -> Result<Table, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::new(ReadErrorKind::TooLarge { limit: MAX_BYTES }));
    }
    if looks_binary(bytes) {
        return Err(ReadError::new(ReadErrorKind::Binary));
    }
    // A CR LF, a lone CR or a lone LF ends a line (as for a FEC): one terminator for the csv
    // reader, whose line counter only counts LF.
    let text = decode(bytes, Fallback::Windows1252)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_CHARS && line.chars().count() > MAX_LINE_CHARS {
            return Err(ReadError::new(ReadErrorKind::LineTooLong {
                limit: MAX_LINE_CHARS,
            })
            .at_line(i + 1));
        }
    }
    let Some(first) = text.split('\n').find(|l| !l.trim().is_empty()) else {
        return Err(ReadError::new(ReadErrorKind::Empty));
    };
    let separator = separator_of(first);
    let unclosed = unclosed_quote(&text, separator);
    let records = records(&text, separator)?;
    let mut records = records.into_iter();
    let header = records.next();
    if let Some((line, field)) = unclosed {
        let name = header
            .as_ref()
            .and_then(|h| h.cells.get(field))
            .cloned()
            .unwrap_or_default();
        return Err(ReadError::new(ReadErrorKind::BadQuote)
            .at_line(line)
            .at_column(field + 1, name));
    }
    let Some(header) = header else {
        return Err(ReadError::new(ReadErrorKind::Empty));
    };
    Ok(Table {
        separator,
        header: header.cells,
        rows: records.collect(),
    })
}

/// The separator of §3: whichever of `;`, `,`, TAB occurs most often in the header line outside
/// quotes; a tie goes to the first in that order (a one-column header gives `;`).
fn separator_of(header_line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in header_line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = SEPARATORS.iter().position(|&s| s == b) {
                if let Some(c) = counts.get_mut(i) {
                    *c += 1;
                }
            }
        }
    }
    let mut best = 0;
    for (i, &c) in counts.iter().enumerate() {
        if c > counts.get(best).copied().unwrap_or(0) {
            best = i;
        }
    }
    SEPARATORS.get(best).copied().unwrap_or(b';')
}

/// Where a quote opens that no quote closes (the line and the 0-based field), read as the csv
/// crate reads quotes: a quote opens a quoted field only at a field's start; inside, `""` is a
/// quote and a lone `"` closes it. The crate itself takes such a quote to the end of the file.
fn unclosed_quote(text: &str, separator: u8) -> Option<(usize, usize)> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line = 1;
    let mut field = 0;
    let mut opened = (1, 0);
    for b in text.bytes() {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart, b'"') => {
                opened = (line, field);
                State::Quoted
            }
            (_, b'\n') => {
                field = 0;
                State::FieldStart
            }
            (_, s) if s == separator => {
                field += 1;
                State::FieldStart
            }
            _ => State::Unquoted,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    matches!(state, State::Quoted).then_some(opened)
}

/// The non-blank records of `text` (records whose every field is blank are skipped), each with
/// the physical line it starts on.
fn records(text: &str, separator: u8) -> Result<Vec<Row>, ReadError> {
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect();
    // The crate's record position is where it started reading, before the empty lines it
    // skips: the record's own start is past those line feeds.
    let line_of = |offset: usize| -> usize {
        let start = text
            .get(offset..)
            .map(|rest| offset + (rest.len() - rest.trim_start_matches('\n').len()))
            .unwrap_or(offset);
        newlines.partition_point(|&nl| nl < start) + 1
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let offset = record
                    .position()
                    .and_then(|p| usize::try_from(p.byte()).ok())
                    .unwrap_or(0);
                let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    rows.push(Row {
                        line: line_of(offset),
                        cells,
                    });
                }
            }
            Ok(false) => break,
            // Reading a `&str` the crate has no UTF-8 or I/O error to give, and quotes were
            // checked before; kept as a refusal rather than a panic.
            Err(e) => {
                let line = e
                    .position()
                    .and_then(|p| usize::try_from(p.line()).ok())
                    .unwrap_or(1);
                return Err(ReadError::new(ReadErrorKind::BadQuote).at_line(line));
            }
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_by_count_with_ties_to_semicolon() {
        assert_eq!(separator_of("a;b;c,d"), b';');
        assert_eq!(separator_of("a,b,c;d"), b',');
        assert_eq!(separator_of("a\tb\tc"), b'\t');
        assert_eq!(separator_of("a;b,c"), b';');
        assert_eq!(separator_of("\"a;b;c\",d"), b',');
        assert_eq!(separator_of("code"), b';');
    }

    #[test]
    fn lines_count_blank_lines_and_multi_line_fields() {
        let t = read_table(b"h1;h2\r\n\r\na;b\n\"x\ny\";z\n\n\n;\nc;d").unwrap();
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        // a;b on 3, the quoted x/y on 4 (it runs to 5), c;d on 9 (6, 7 blank, 8 only `;`).
        assert_eq!(lines, vec![3, 4, 9]);
        assert_eq!(t.rows[1].cells, vec!["x\ny", "z"]);
    }

    #[test]
    fn unclosed_quote_is_found_where_it_opens() {
        assert_eq!(unclosed_quote("a;b\nc;\"d\ne;f", b';'), Some((2, 1)));
        assert_eq!(unclosed_quote("a;\"b\"\"c\"\n", b';'), None);
        assert_eq!(unclosed_quote("a;b\"c\n", b';'), None);
        assert_eq!(unclosed_quote("\"a\"b\"c\n", b';'), None);
    }
}
