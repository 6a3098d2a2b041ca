//! The layouts §2 accepts: separators, encodings, line ends, padded fields, extra and duplicate
//! columns, `Montant` + `Sens`, `PieceDate` fallbacks, and the incremental reader.

use super::*;
use encours::domain::receivables::fec::FecReader;
use encours::domain::receivables::ledger::ItemKind;

/// The 18 standard columns, as a FEC generator writes them.
const STANDARD: &str = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|\
CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|\
ValidDate|Montantdevise|Idevise";

#[test]
fn pipe_separator_crlf_and_the_18_standard_columns() {
    let text = format!(
        "{STANDARD}\r\n\
         VT|Ventes|1|20250110|411000|Clients|C1|Un|F1|20250110|Facture|120,00|0,00|AA|20250120|20250110||EUR\r\n\
         VT|Ventes|1|20250110|706000|Ventes|||F1|20250110|Facture|0,00|120,00|||||\r\n\
         \r\n\
         BQ|Banque|1|20250120|411000|Clients|C1|Un|R1|20250120|Reglt|0,00|120,00|AA|20250120|20250120||EUR\r\n\
         BQ|Banque|1|20250120|512000|Banque|||R1|20250120|Reglt|120,00|0,00|||||\r\n"
    );
    let s = summary(&text, None);
    let c = customer(&s, "C1");
    assert_eq!(item(c, "F1").paid_on, Some(day("2025-01-20")));
    assert_eq!(total_open(c), d("0"));
    // 6 physical data lines, one blank: 4 read.
    assert_eq!(s.report.lines, 4);
}

#[test]
fn utf8_bom_and_iso_8859_15_bytes() {
    let body = "JournalCode\tEcritureNum\tEcritureDate\tCompteNum\tCompAuxNum\tCompAuxLib\tDebit\tCredit\n\
                VT\t1\t20250110\t411000\tC1\tSociété € Générale\t10,00\t\n";
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(body.as_bytes());
    let s = table(std::str::from_utf8(&bom).unwrap())
        .summarise(&FecOptions::default())
        .unwrap();
    assert_eq!(s.customers[0].name, "Société € Générale");
    // The same text in ISO-8859-15: é = E9, € = A4.
    let iso: Vec<u8> = body
        .chars()
        .map(|ch| match ch {
            'é' => 0xE9,
            '€' => 0xA4,
            other => other as u8,
        })
        .collect();
    let s = read_fec(&iso)
        .unwrap()
        .summarise(&FecOptions::default())
        .unwrap();
    assert_eq!(s.customers[0].name, "Société € Générale");
}

#[test]
fn padded_fields_extra_and_duplicate_columns_lone_cr() {
    // Semicolons, a header with odd case, accents and spaces, a duplicate Debit (the first wins),
    // an extra column, a trailing empty field on some lines, lone CR line ends.
    let text =
        " journalcode ;EcritureNum; ÉcritureDate ;CompteNum;CompAuxNum;Débit;Crédit;Debit;Note;\r\
                VT ; 1 ; 20250110 ; 411000 ;  C1  ; 0000120,50 ;  ; 999 ; x \r\
                VT;1;20250110;706000;;;120,50;;y;\r\
                BQ;2;2025-01-20;411000;C1;; 20,5 ;;z";
    let s = summary(text, None);
    let c = customer(&s, "C1");
    // 120.50 − 20.50 = 100 open on the invoice; the duplicate 999 is ignored.
    let amounts: Vec<_> = c.items.iter().map(|i| (i.kind, i.amount, i.open)).collect();
    assert_eq!(
        amounts,
        vec![
            (ItemKind::Invoice, d("120.50"), d("100")),
            (ItemKind::Other, d("-20.5"), d("0"))
        ]
    );
    // Entry BQ 2 has only its 411 line: unbalanced.
    assert_eq!(s.report.unbalanced_entries, 1);
}

#[test]
fn montant_and_sens() {
    let text = "JournalCode|EcritureNum|EcritureDate|CompteNum|CompAuxNum|PieceRef|Montant|Sens\n\
                VT|1|20250110|411000|C1|F1|100,00|D\n\
                VT|1|20250110|706000||F1|100,00|c\n\
                VT|2|20250111|411000|C1|F2|30,00|+1\n\
                VT|2|20250111|706000||F2|30,00|-1\n\
                OD|3|20250112|411000|C1|AV1|-10,00|d\n\
                OD|3|20250112|709000||AV1|10,00|D\n";
    let s = summary(text, None);
    let c = customer(&s, "C1");
    assert_eq!(item(c, "F1").amount, d("100"));
    assert_eq!(item(c, "F2").amount, d("30"));
    // A negative Montant reverses D: a credit of 10, against 709: a credit note.
    assert_eq!(item(c, "AV1").amount, d("-10"));
    assert_eq!(item(c, "AV1").kind, ItemKind::CreditNote);
    // Debit + Credit win when both pairs are there.
    let both = "JournalCode|EcritureNum|EcritureDate|CompteNum|Montant|Sens|Debit|Credit\n\
                VT|1|20250110|411000|999|C|5|\n";
    assert_eq!(summary(both, None).customers[0].items[0].amount, d("5"));
}

#[test]
fn piece_dates_fall_back_and_are_counted() {
    let text = tab_fec(&[
        "VT|V|1|20250110|411000|C|C1|Un|F1|20250105|10,00||",
        "VT|V|2|20250110|411000|C|C1|Un|F2|20250230|10,00||",
        "VT|V|3|20250110|411000|C|C1|Un|F3|20250115|10,00||",
        "VT|V|4|20250110|411000|C|C1|Un|F4||10,00||",
    ]);
    let s = summary(&text, None);
    let c = customer(&s, "C1");
    // Readable and earlier: 05/01. Unreadable: 10/01, counted. After EcritureDate: 10/01, not
    // counted. Blank: 10/01, not counted.
    let dates: Vec<_> = c
        .items
        .iter()
        .map(|i| (i.reference.as_str(), i.issued_on))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("F1", day("2025-01-05")),
            ("F2", day("2025-01-10")),
            ("F3", day("2025-01-10")),
            ("F4", day("2025-01-10"))
        ]
    );
    assert_eq!(s.report.piece_date_fallbacks, 1);
}

#[test]
fn invoice_lines_of_one_entry_are_one_item() {
    let text = tab_fec(&[
        "VT|V|1|20250110|411000|C|C1|Un|F1|20250110|100,00||",
        "VT|V|1|20250110|411000|C|C1|Un|F1b|20250108|20,00||",
        "VT|V|1|20250110|706000|V|||F1|20250110||120,00|",
    ]);
    let s = summary(&text, None);
    let c = customer(&s, "C1");
    // One item: the first line's ref, 100 + 20, the earliest item date.
    assert_eq!(c.items.len(), 1);
    let f = &c.items[0];
    assert_eq!(
        (f.reference.as_str(), f.amount, f.issued_on),
        ("F1", d("120"), day("2025-01-08"))
    );
}

#[test]
fn the_incremental_reader_matches_the_whole_read() {
    let text = tab_fec(&[
        "VT|V|1|20250110|411000|C|C1|Un|F1|20250110|100,00||",
        "VT|V|1|20250110|706000|V|||F1|20250110||100,00|",
        "",
        "BQ|B|1|20250120|411000|C|C1|Un|R1|20250120||60,00|",
        "BQ|B|1|20250120|512000|B|||R1|20250120|60,00||",
    ]);
    let mut reader = FecReader::new(text.as_bytes()).unwrap();
    // 1 header + 5 lines (one blank).
    assert_eq!(reader.progress(), (1, 6));
    assert_eq!(reader.step(2), Ok(false));
    assert_eq!(reader.progress(), (3, 6));
    assert_eq!(reader.step(2), Ok(false));
    assert_eq!(reader.step(2), Ok(true));
    assert_eq!(reader.progress(), (6, 6));
    let stepped = reader.finish().unwrap();
    assert_eq!(stepped.lines(), 4);
    let options = FecOptions::default();
    assert_eq!(
        stepped.summarise(&options),
        table(&text).summarise(&options)
    );
    assert_eq!(
        stepped.latest_receivable_date(&["411".to_string()]),
        Some(day("2025-01-20"))
    );
    assert_eq!(stepped.latest_receivable_date(&["4119".to_string()]), None);
}
