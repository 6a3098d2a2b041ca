//! Refusals: each names the physical line and the column, or the whole file's fault.

use super::*;

fn at(e: &ReadError) -> (Option<usize>, Option<(usize, String)>) {
    (e.line, e.column.clone())
}

#[test]
fn refusals_name_the_line_and_the_column() {
    let head = "Code client;Pièce;Date;Montant\n";
    // Unbalanced quote opened on line 3, field 2.
    let e = refusal(
        format!("{head}C1;F1;01/03/2025;1\nC1;\"F2;01/03/2025;1\nC1;F3;01/03/2025;1\n").as_bytes(),
    );
    assert_eq!(e.kind, ReadErrorKind::BadQuote);
    assert_eq!(at(&e), (Some(3), Some((2, "Pièce".into()))));
    // A row that stops before the amount (column 4).
    let e = refusal(format!("{head}C1;F1;01/03/2025;1\nC1;F2\n").as_bytes());
    assert_eq!(
        e.kind,
        ReadErrorKind::FieldCount {
            expected: 4,
            found: 2
        }
    );
    assert_eq!(at(&e), (Some(3), Some((3, "Date".into()))));
    // A calendar date that does not exist, after a blank line (physical lines count).
    let e = refusal(format!("{head}\nC1;F1;31/02/2025;1\n").as_bytes());
    assert_eq!(e.kind, ReadErrorKind::BadDate("31/02/2025".into()));
    assert_eq!(at(&e), (Some(3), Some((3, "Date".into()))));
    // A blank issue date.
    let e = refusal(format!("{head}C1;F1;;1\n").as_bytes());
    assert_eq!(e.kind, ReadErrorKind::BadDate(String::new()));
    // An amount with bad grouping, and a blank one.
    let e = refusal(format!("{head}C1;F1;01/03/2025;1 2,5\n").as_bytes());
    assert_eq!(e.kind, ReadErrorKind::BadAmount("1 2,5".into()));
    assert_eq!(at(&e), (Some(2), Some((4, "Montant".into()))));
    let e = refusal(format!("{head}C1;F1;01/03/2025;\n").as_bytes());
    assert_eq!(e.kind, ReadErrorKind::BadAmount(String::new()));
    // A bad open amount and a bad due date name their own columns.
    let h2 = "Code client;Pièce;Date;Montant;Solde;Échéance\n";
    let e = refusal(format!("{h2}C1;F1;01/03/2025;10;dix;\n").as_bytes());
    assert_eq!(at(&e), (Some(2), Some((5, "Solde".into()))));
    let e = refusal(format!("{h2}C1;F1;01/03/2025;10;5;2025/03/31\n").as_bytes());
    assert_eq!(at(&e), (Some(2), Some((6, "Échéance".into()))));
    let msg = e.message(Lang::Fr);
    assert!(
        msg.starts_with("ligne 2, colonne 6 (Échéance) : date illisible"),
        "{msg}"
    );
}

#[test]
fn refusals_of_whole_files() {
    assert_eq!(refusal(b"").kind, ReadErrorKind::Empty);
    assert_eq!(refusal(b" \r\n\n ;; \n").kind, ReadErrorKind::Empty);
    assert_eq!(refusal(b"PK\x03\x04\x00\x00").kind, ReadErrorKind::Binary);
    assert_eq!(
        refusal("Code client;Pièce;Date;Montant\r\n\r\n".as_bytes()).kind,
        ReadErrorKind::OnlyHeader
    );
    let long = format!(
        "Code client;Pièce;Date;Montant\nC1;{};01/03/2025;1\n",
        "x".repeat(MAX_LINE_CHARS)
    );
    let e = refusal(long.as_bytes());
    assert_eq!(e.kind, ReadErrorKind::LineTooLong { limit: 10_000 });
    assert_eq!(e.line, Some(2));
    // Exactly the limit is read: "C1;" + 9,984 x + ";01/03/2025;1" = 3 + 9,984 + 13 = 10,000.
    let edge = format!(
        "Code client;Pièce;Date;Montant\nC1;{};01/03/2025;1\n",
        "x".repeat(9_984)
    );
    assert!(read(edge.as_bytes()).is_ok());
    let big = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(
        preview(&big).unwrap_err().kind,
        ReadErrorKind::TooLarge { limit: 50_000_000 }
    );
    // Every document after as_of, or none at all.
    let late = "Code client;Pièce;Date;Montant\nC1;F1;01/04/2025;1\n";
    assert_eq!(refusal(late.as_bytes()).kind, ReadErrorKind::AsOfTooEarly);
    let none = "Code client;Pièce;Date;Montant\nTotal;;;1\n";
    assert_eq!(
        refusal(none.as_bytes()).kind,
        ReadErrorKind::NothingToImport
    );
}
