//! The open-items CSV reader (docs/receivables.md §3): layouts, encodings, mappings, values,
//! refusals with their place, and properties on arbitrary and generated files.

use chrono::NaiveDate;
use encours::domain::lang::Lang;
use encours::domain::receivables::ledger::ItemKind;
use encours::domain::receivables::open_items::{
    neutralise_formula, preview, read_open_items, ColumnMapping, Field, MAX_BYTES, MAX_LINE_CHARS,
};
use encours::domain::receivables::source::{
    CsvMode, ReadError, ReadErrorKind, Source, SourceCustomer, SourceKind,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

#[path = "open_items/props.rs"]
mod props;
#[path = "open_items/refusals.rs"]
mod refusals;

fn d(s: &str) -> Decimal {
    match s.parse() {
        Ok(v) => v,
        Err(e) => panic!("bad test decimal {s}: {e}"),
    }
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(v) => v,
        None => panic!("bad test date {y}-{m}-{day}"),
    }
}

const AS_OF: (i32, u32, u32) = (2025, 3, 31);

fn as_of() -> NaiveDate {
    date(AS_OF.0, AS_OF.1, AS_OF.2)
}

/// Reads with the detected mapping, in stock mode, at 31/03/2025.
fn read(bytes: &[u8]) -> Result<Source, ReadError> {
    let mapping = preview(bytes)?.mapping;
    read_open_items(bytes, &mapping, as_of(), CsvMode::Stock)
}

fn read_ok(bytes: &[u8]) -> Source {
    match read(bytes) {
        Ok(s) => s,
        Err(e) => panic!("refused: {}", e.message(Lang::En)),
    }
}

fn customer<'a>(source: &'a Source, code: &str) -> &'a SourceCustomer {
    match source.customers.iter().find(|c| c.code == code) {
        Some(c) => c,
        None => panic!("no customer {code}"),
    }
}

fn opens(c: &SourceCustomer) -> Vec<Decimal> {
    c.items.iter().map(|i| i.open).collect()
}

fn refusal(bytes: &[u8]) -> ReadError {
    match read(bytes) {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e,
    }
}

const FRENCH: &str = "Code client;Raison sociale;Pièce;Date pièce;Échéance;Montant TTC;Solde\n\
C002;Martin SARL;F-10;15/01/2025;14/02/2025;1 234,56;1 234,56\n\
C001;Dupont SA;F-11;2025-02-03;;2 000,00;500,00\n\
C002;;F-12;10.02.2025;;-300,00;\n\
C002;Martin SAS;F-13;20/02/2025;;100;0\n";

#[test]
fn french_semicolon_file_with_french_amounts_and_three_date_forms() {
    let source = read_ok(FRENCH.as_bytes());
    assert_eq!(source.kind, SourceKind::OpenItems(CsvMode::Stock));
    assert_eq!(source.as_of, as_of());
    // Sorted by code, whatever the file order.
    let codes: Vec<&str> = source.customers.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, vec!["C001", "C002"]);
    let dupont = customer(&source, "C001");
    assert_eq!(dupont.name, "Dupont SA");
    assert_eq!(dupont.items[0].issued_on, date(2025, 2, 3));
    assert_eq!(dupont.items[0].amount, d("2000.00"));
    assert_eq!(dupont.items[0].open, d("500.00"));
    // No due date in the file: left to the import.
    assert_eq!(dupont.items[0].due_on, None);
    let martin = customer(&source, "C002");
    // The last non-empty name for the code (the blank one of F-12 does not erase it).
    assert_eq!(martin.name, "Martin SAS");
    let first = &martin.items[0];
    assert_eq!(first.reference, "F-10");
    assert_eq!(first.kind, ItemKind::Invoice);
    assert_eq!(first.issued_on, date(2025, 1, 15));
    assert_eq!(first.due_on, Some(date(2025, 2, 14)));
    assert_eq!(first.amount, d("1234.56"));
    // F-12: dotted date; blank balance = the amount; a credit without a type is `other`.
    assert_eq!(martin.items[1].issued_on, date(2025, 2, 10));
    assert_eq!(martin.items[1].open, d("-300.00"));
    assert_eq!(martin.items[1].kind, ItemKind::Other);
    assert_eq!(opens(martin), vec![d("1234.56"), d("-300.00"), d("0")]);
    // Sales by month: January 1,234.56 (F-10); February only the invoice F-13, 100 (F-12 is
    // `other`, never sales). history_from = 1 January.
    let months: Vec<(NaiveDate, Decimal)> =
        martin.months.iter().map(|m| (m.month, m.sales)).collect();
    assert_eq!(
        months,
        vec![
            (date(2025, 1, 1), d("1234.56")),
            (date(2025, 2, 1), d("100"))
        ]
    );
    assert_eq!(martin.history_from, Some(date(2025, 1, 1)));
    assert_eq!(dupont.history_from, Some(date(2025, 2, 1)));
    assert_eq!(source.report.lines, 4);
    assert_eq!(source.report.receivable_lines, 4);
    assert!(martin.events.is_empty());
}

#[test]
fn comma_file_with_english_headers_quotes_and_types() {
    let csv = "Customer code,Customer name,Invoice,Invoice date,Due date,Amount,Open amount,Type\r\n\
C9,\"Smith, Jones & Co\",\"INV \"\"A\"\" 1\",2025-03-01,2025-03-31,\"1,500.00\",\"1,000.00\",Invoice\r\n\
C9,\"Smith, Jones & Co\",CN-1,2025-03-05,,-200.00,-200.00,Credit note\r\n\
C9,\"Smith, Jones & Co\",PAY-1,2025-03-06,,-50,-50,Payment\r\n";
    let source = read_ok(csv.as_bytes());
    let c = customer(&source, "C9");
    assert_eq!(c.name, "Smith, Jones & Co");
    assert_eq!(c.items[0].reference, "INV \"A\" 1");
    assert_eq!(c.items[0].amount, d("1500.00"));
    assert_eq!(c.items[0].open, d("1000.00"));
    let kinds: Vec<ItemKind> = c.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![ItemKind::Invoice, ItemKind::CreditNote, ItemKind::Payment]
    );
    // March sales: 1,500 − 200 (the credit note); the payment is no sale.
    assert_eq!(c.months.len(), 1);
    assert_eq!(c.months[0].sales, d("1300.00"));
}

#[test]
fn tab_separated_file_with_padded_fields_and_extra_columns() {
    let csv = "  Compte \tNom\tCommentaire\tNuméro\tDate\tMontant\tCommercial\n\
  411A  \t  Alpha  \tà voir\t  7  \t 01/03/2025 \t  12,5 \t Zoé \textra\tmore\n";
    let p = preview(csv.as_bytes()).unwrap();
    assert_eq!(p.separator, b'\t');
    assert_eq!(p.header[0], "Compte");
    assert_eq!(p.mapping.get(Field::CustomerCode), Some(0));
    assert_eq!(p.mapping.get(Field::Reference), Some(3));
    assert_eq!(p.mapping.get(Field::SalesRep), Some(6));
    assert_eq!(
        p.sample,
        vec![vec![
            "411A",
            "Alpha",
            "à voir",
            "7",
            "01/03/2025",
            "12,5",
            "Zoé",
            "extra",
            "more"
        ]]
    );
    let source = read_ok(csv.as_bytes());
    let c = customer(&source, "411A");
    assert_eq!(c.name, "Alpha");
    assert_eq!(c.sales_rep.as_deref(), Some("Zoé"));
    assert_eq!(c.items[0].reference, "7");
    assert_eq!(c.items[0].amount, d("12.5"));
}

#[test]
fn utf8_bom_is_dropped_before_the_first_header_name() {
    let csv = "\u{FEFF}Code client;Pièce;Date;Montant\nC1;F1;01/03/2025;10\n";
    let p = preview(csv.as_bytes()).unwrap();
    assert_eq!(p.header[0], "Code client");
    assert_eq!(p.mapping.get(Field::CustomerCode), Some(0));
    assert_eq!(
        customer(&read_ok(csv.as_bytes()), "C1").items[0].amount,
        d("10")
    );
}

#[test]
fn windows_1252_bytes_are_decoded() {
    // "Pièce" with è = 0xE8, "Échéance" with É = 0xC9 and é = 0xE9, "Société" with é = 0xE9,
    // "1 000,00 €" with € = 0x80.
    let bytes: &[u8] = b"Code client;Nom;Pi\xE8ce;Date;\xC9ch\xE9ance;Montant\r\n\
C1;Soci\xE9t\xE9 G\xE9n\xE9rale;F1;01/03/2025;31/03/2025;1 000,00 \x80\r\n";
    let p = preview(bytes).unwrap();
    assert_eq!(p.header[2], "Pièce");
    assert_eq!(p.mapping.get(Field::DueDate), Some(4));
    let source = read_ok(bytes);
    let c = customer(&source, "C1");
    assert_eq!(c.name, "Société Générale");
    assert_eq!(c.items[0].amount, d("1000.00"));
    assert_eq!(c.items[0].due_on, Some(date(2025, 3, 31)));
}

#[test]
fn a_hand_mapping_overrides_detection() {
    // Detection takes `Client` (a name) for the code; the user maps `Compte` instead.
    let csv =
        "Client;Compte;Pièce;Date;Montant;Montant ouvert\nDupont;411DUP;F1;01/03/2025;100;40\n";
    let p = preview(csv.as_bytes()).unwrap();
    assert_eq!(p.mapping.get(Field::CustomerCode), Some(0));
    let mut mapping = p.mapping.clone();
    mapping.set(Field::CustomerCode, Some(1));
    mapping.set(Field::CustomerName, Some(0));
    mapping.set(Field::OpenAmount, None);
    let source = read_open_items(csv.as_bytes(), &mapping, as_of(), CsvMode::Delta).unwrap();
    assert_eq!(source.kind, SourceKind::OpenItems(CsvMode::Delta));
    let c = customer(&source, "411DUP");
    assert_eq!(c.name, "Dupont");
    // The open column is unmapped: open = amount.
    assert_eq!(opens(c), vec![d("100")]);
}

#[test]
fn a_remembered_mapping_is_reapplied_by_header_names() {
    let first = "Ref;Cust;When;Value;Left\nR1;K1;01/03/2025;100;60\n";
    let header = preview(first.as_bytes()).unwrap().header;
    let mut m = ColumnMapping::default();
    m.set(Field::Reference, Some(0));
    m.set(Field::CustomerCode, Some(1));
    m.set(Field::IssueDate, Some(2));
    m.set(Field::Amount, Some(3));
    m.set(Field::OpenAmount, Some(4));
    let remembered = m.by_names(&header);
    assert_eq!(
        remembered[0],
        ("customer_code".to_string(), "Cust".to_string())
    );
    assert_eq!(remembered.len(), 5);
    // Next month's export: the same names, in another order, and case changed.
    let next = "LEFT;Value;cust;Ref;When\n25;90;K1;R2;02/03/2025\n";
    let next_header = preview(next.as_bytes()).unwrap().header;
    let again = ColumnMapping::from_names(&remembered, &next_header);
    assert_eq!(again.get(Field::CustomerCode), Some(2));
    assert_eq!(again.get(Field::OpenAmount), Some(0));
    assert!(again.missing_required().is_empty());
    let source = read_open_items(next.as_bytes(), &again, as_of(), CsvMode::Stock).unwrap();
    let item = &customer(&source, "K1").items[0];
    assert_eq!(
        (item.reference.as_str(), item.amount, item.open),
        ("R2", d("90"), d("25"))
    );
    // A name the new header lacks leaves its field unmapped; unknown keys are skipped.
    let partial = ColumnMapping::from_names(
        &[
            ("amount".into(), "Gone".into()),
            ("bogus".into(), "Ref".into()),
        ],
        &next_header,
    );
    assert_eq!(partial, ColumnMapping::default());
}

#[test]
fn siret_gives_its_siren_and_a_bad_one_is_ignored() {
    let csv = "Code client;SIRET;Pièce;Date;Montant\n\
C1;552 100 554 00013;F1;01/03/2025;10\n\
C2;55210055;F2;01/03/2025;10\n\
C3;552100555;F3;01/03/2025;10\n";
    let source = read_ok(csv.as_bytes());
    assert_eq!(customer(&source, "C1").siren.as_deref(), Some("552100554"));
    // Eight digits, and nine with a wrong Luhn key: ignored, the file is still read.
    assert_eq!(customer(&source, "C2").siren, None);
    assert_eq!(customer(&source, "C3").siren, None);
}

#[test]
fn payment_date_only_when_open_is_zero() {
    let csv = "Code client;Pièce;Date;Montant;Solde;Date de règlement\n\
C1;F1;01/02/2025;100;0;15/03/2025\n\
C1;F2;01/02/2025;100;40;15/03/2025\n\
C1;F3;01/02/2025;100;60;pas une date\n";
    let c = customer(&read_ok(csv.as_bytes()), "C1").clone();
    let paid: Vec<Option<NaiveDate>> = c.items.iter().map(|i| i.paid_on).collect();
    assert_eq!(paid, vec![Some(date(2025, 3, 15)), None, None]);
}

#[test]
fn after_as_of_blank_code_zero_lines_and_old_closed_items() {
    let csv = "Code client;Pièce;Date;Montant;Solde;Date de règlement\n\
C1;F1;01/04/2025;100;100;\n\
;;;1 000;1 000;\n\
Total;;;1 000;1 000;\n\
C1;F0;01/03/2025;0;0;\n\
C1;OLD;01/01/2024;100;0;31/03/2024\n\
C1;NEW;01/01/2024;100;0;01/04/2024\n\
C1;OPEN;01/01/2024;100;100;\n";
    let source = read_ok(csv.as_bytes());
    let r = source.report;
    assert_eq!(r.lines, 7);
    assert_eq!(r.after_as_of, 1);
    // F0 (amount and open 0) and the two lines without a reference are no documents: read, but
    // neither documents nor after as_of (7 − 1 − 3 = 3 documents).
    assert_eq!(r.receivable_lines, 3);
    // Closed on 31/03/2024 = 31/03/2025 − 12 months: dropped; 01/04/2024 is kept.
    assert_eq!(r.dropped_closed, 1);
    let refs: Vec<&str> = customer(&source, "C1")
        .items
        .iter()
        .map(|i| i.reference.as_str())
        .collect();
    assert_eq!(refs, vec!["NEW", "OPEN"]);
    // January 2024 is within the 24 months ending March 2025: 100 × 3 invoices, the dropped one
    // included.
    assert_eq!(customer(&source, "C1").months[0].sales, d("300"));
}

#[test]
fn formulas_in_names_are_kept_as_text_and_neutralised_on_demand() {
    let csv = "Code client;Nom;Pièce;Date;Montant\n\
C1;=HYPERLINK(\"http://x\",\"y\");F1;01/03/2025;10\n\
C2;+cmd|' /C calc'!A0;F2;01/03/2025;10\n\
C3;@SUM(A1);F3;01/03/2025;10\n";
    let source = read_ok(csv.as_bytes());
    assert_eq!(
        customer(&source, "C1").name,
        "=HYPERLINK(\"http://x\",\"y\")"
    );
    assert_eq!(customer(&source, "C2").name, "+cmd|' /C calc'!A0");
    assert_eq!(customer(&source, "C3").name, "@SUM(A1)");
    assert_eq!(neutralise_formula("=1+1"), "'=1+1");
    assert_eq!(neutralise_formula("+cmd"), "'+cmd");
    assert_eq!(neutralise_formula("-2"), "'-2");
    assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(neutralise_formula("\tx"), "'\tx");
    assert_eq!(neutralise_formula("\rx"), "'\rx");
    assert_eq!(neutralise_formula("Dupont = SA"), "Dupont = SA");
    assert_eq!(neutralise_formula(""), "");
}

#[test]
fn a_missing_required_column_is_named() {
    let csv = "Code client;Date;Montant\nC1;01/03/2025;1\n";
    let p = preview(csv.as_bytes()).unwrap();
    assert_eq!(p.mapping.missing_required(), vec![Field::Reference]);
    let e = read_open_items(csv.as_bytes(), &p.mapping, as_of(), CsvMode::Stock).unwrap_err();
    assert_eq!(
        e.kind,
        ReadErrorKind::MissingColumn("Pièce / Reference".into())
    );
    let empty = ColumnMapping::default().missing_required();
    assert_eq!(
        empty,
        vec![
            Field::CustomerCode,
            Field::Reference,
            Field::IssueDate,
            Field::Amount
        ]
    );
}

#[test]
fn preview_shows_five_rows_and_lone_cr_lines() {
    let mut csv = String::from("Code client;Pièce;Date;Montant\r");
    for i in 1..=7 {
        csv.push_str(&format!("C{i};F{i};01/03/2025;{i}\r"));
    }
    let p = preview(csv.as_bytes()).unwrap();
    assert_eq!(p.separator, b';');
    assert_eq!(p.sample.len(), 5);
    assert_eq!(p.sample[4][0], "C5");
    // Lone CRs end lines: the bad date on the 4th data row is line 5.
    let bad = csv.replace("C4;F4;01/03/2025", "C4;F4;01/13/2025");
    assert_eq!(refusal(bad.as_bytes()).line, Some(5));
}
