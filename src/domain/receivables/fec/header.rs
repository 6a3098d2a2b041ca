//! The header line of a FEC: its separator and where each column the reader needs is, found by
//! name (case, accents and surrounding spaces ignored; of duplicate names the first is used).

use crate::domain::receivables::source::{ReadError, ReadErrorKind};
use crate::domain::receivables::text::fold;

/// Where the amount of a line is written.
#[derive(Debug, Clone, Copy)]
pub(super) enum Money {
    DebitCredit { debit: usize, credit: usize },
    MontantSens { montant: usize, sens: usize },
}

/// The 0-based field of each column the reader uses.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    pub journal_code: usize,
    pub journal_lib: Option<usize>,
    pub num: usize,
    pub date: usize,
    pub account: usize,
    pub account_lib: Option<usize>,
    pub aux: Option<usize>,
    pub aux_lib: Option<usize>,
    pub piece_ref: Option<usize>,
    pub piece_date: Option<usize>,
    pub lettrage: Option<usize>,
    pub money: Money,
}

/// The header line, read.
#[derive(Debug, Clone)]
pub(super) struct Header {
    pub separator: char,
    /// The header's names, trimmed, as written (for the messages).
    pub names: Vec<String>,
    /// Number of fields, one extra empty trailing field dropped.
    pub width: usize,
    /// Its physical line.
    pub line: usize,
    pub columns: Columns,
}

/// TAB, `|` or `;`, whichever the header holds most (a tie goes to the first).
fn separator(header: &str) -> char {
    let mut best = ('\t', 0);
    for sep in ['\t', '|', ';'] {
        let n = header.matches(sep).count();
        if n > best.1 {
            best = (sep, n);
        }
    }
    best.0
}

impl Header {
    /// Reads the header `content` found on physical line `line`.
    pub(super) fn read(content: &str, line: usize) -> Result<Header, ReadError> {
        let separator = separator(content);
        let mut names: Vec<String> = content
            .split(separator)
            .map(|f| f.trim().to_string())
            .collect();
        if names.len() > 1 && names.last().is_some_and(String::is_empty) {
            names.pop();
        }
        let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
        let find = |name: &str| folded.iter().position(|f| f == name);
        let missing =
            |name: &str| ReadError::new(ReadErrorKind::MissingColumn(name.into())).at_line(line);
        let need = |folded: &str, name: &str| find(folded).ok_or_else(|| missing(name));
        let journal_code = need("journalcode", "JournalCode")?;
        let num = need("ecriturenum", "EcritureNum")?;
        let date = need("ecrituredate", "EcritureDate")?;
        let account = need("comptenum", "CompteNum")?;
        let money = match (find("debit"), find("credit"), find("montant"), find("sens")) {
            (Some(debit), Some(credit), _, _) => Money::DebitCredit { debit, credit },
            (_, _, Some(montant), Some(sens)) => Money::MontantSens { montant, sens },
            (Some(_), None, _, _) => return Err(missing("Credit")),
            (None, Some(_), _, _) => return Err(missing("Debit")),
            (None, None, Some(_), None) => return Err(missing("Sens")),
            (None, None, None, Some(_)) => return Err(missing("Montant")),
            (None, None, None, None) => return Err(missing("Debit")),
        };
        let columns = Columns {
            journal_code,
            journal_lib: find("journallib"),
            num,
            date,
            account,
            account_lib: find("comptelib"),
            aux: find("compauxnum"),
            aux_lib: find("compauxlib"),
            piece_ref: find("pieceref"),
            piece_date: find("piecedate"),
            lettrage: find("ecriturelet"),
            money,
        };
        Ok(Header {
            separator,
            width: names.len(),
            names,
            line,
            columns,
        })
    }

    /// `error` placed at the 0-based field `index`: its 1-based number and its header name.
    pub(super) fn at(&self, error: ReadError, index: usize) -> ReadError {
        let name = self.names.get(index).cloned().unwrap_or_default();
        error.at_column(index + 1, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_by_count_and_tie_order() {
        assert_eq!(separator("a|b|c;d"), '|');
        assert_eq!(separator("a;b;c\td"), ';');
        // One of each: TAB first.
        assert_eq!(separator("a\tb|c;d"), '\t');
        assert_eq!(separator("abc"), '\t');
    }

    #[test]
    fn columns_by_folded_name_first_duplicate_wins() {
        let h = Header::read(
            " journalcode |EcritureNum|ÉCRITUREDATE|CompteNum|Débit|Crédit|Débit|",
            1,
        )
        .map_err(|e| e.kind);
        let Ok(h) = h else {
            panic!("header refused: {h:?}");
        };
        assert_eq!(h.width, 7);
        assert_eq!(h.columns.date, 2);
        assert!(matches!(
            h.columns.money,
            Money::DebitCredit {
                debit: 4,
                credit: 5
            }
        ));
    }

    #[test]
    fn missing_columns_named() {
        let kind = |s: &str| Header::read(s, 1).err().map(|e| e.kind);
        let m = |n: &str| Some(ReadErrorKind::MissingColumn(n.into()));
        assert_eq!(
            kind("JournalCode;EcritureNum;CompteNum;Debit;Credit"),
            m("EcritureDate")
        );
        assert_eq!(
            kind("JournalCode;EcritureNum;EcritureDate;CompteNum;Montant"),
            m("Sens")
        );
        assert_eq!(
            kind("JournalCode;EcritureNum;EcritureDate;CompteNum;Debit"),
            m("Credit")
        );
    }
}
