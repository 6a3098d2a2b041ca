//! Open amounts, payment dates, kinds, refs, names, months and events, checked by hand.

use super::*;
use encours::domain::receivables::fec::FecOptions;
use encours::domain::receivables::ledger::{EventKind, ItemKind};

/// C1: F1 1,200 lettered A with V1 500 (a partial group), F2 600 unlettered, V2 1,500 unlettered.
fn partial_fec() -> String {
    tab_fec(&[
        "VT|Ventes|1|20250110|411000|Clients|C1|Un|F1|20250110|1200,00||A",
        "VT|Ventes|1|20250110|706000|Ventes|||F1|20250110||1000,00|",
        "VT|Ventes|1|20250110|445710|TVA|||F1|20250110||200,00|",
        "VT|Ventes|2|20250115|411000|Clients|C1|Un|F2|20250115|600,00||",
        "VT|Ventes|2|20250115|706000|Ventes|||F2|20250115||600,00|",
        "BQ|Banque|1|20250201|512000|Banque|||V1|20250201|500,00||",
        "BQ|Banque|1|20250201|411000|Clients|C1|Un|V1|20250201||500,00|A",
        "BQ|Banque|2|20250301|512000|Banque|||V2|20250301|1500,00||",
        "BQ|Banque|2|20250301|411000|Clients|C1|Un|V2|20250301||1500,00|",
    ])
}

#[test]
fn partial_lettrage_then_unapplied_credit() {
    let s = summary(&partial_fec(), None);
    assert_eq!(s.as_of, day("2025-03-01"));
    let c = customer(&s, "C1");
    // Step 2: V1 settles 500 of F1 → F1 700. Step 3: V2 1,500 settles F1 700 (oldest) then
    // F2 600; 1,500 − 700 − 600 = 200 left: an unapplied payment of −200.
    let (f1, f2, v1, v2) = (item(c, "F1"), item(c, "F2"), item(c, "V1"), item(c, "V2"));
    assert_eq!(
        (f1.kind, f1.amount, f1.open),
        (ItemKind::Invoice, d("1200"), d("0"))
    );
    assert_eq!((f2.amount, f2.open), (d("600"), d("0")));
    assert_eq!(
        (v1.kind, v1.amount, v1.open),
        (ItemKind::Payment, d("-500"), d("0"))
    );
    assert_eq!((v2.amount, v2.open), (d("-1500"), d("-200")));
    // F1 was settled by V1 (01/02) and V2 (01/03): the latest.
    assert_eq!(f1.paid_on, Some(day("2025-03-01")));
    assert_eq!(f2.paid_on, Some(day("2025-03-01")));
    assert_eq!((v1.paid_on, v2.paid_on), (None, None));
    // Σ open = 1,200 + 600 − 500 − 1,500 = −200.
    assert_eq!(total_open(c), d("-200"));
    assert_eq!(s.report.receivable_lines, 4);
    assert_eq!(s.report.unbalanced_entries, 0);
    assert!(f1.due_on.is_none());
}

#[test]
fn as_of_before_the_last_lines() {
    let s = summary(&partial_fec(), Some("2025-02-15"));
    let c = customer(&s, "C1");
    // BQ 2 (01/03) is ignored: F1 1,200 − 500 = 700 open, F2 600 open, no payment date.
    assert_eq!(item(c, "F1").open, d("700"));
    assert_eq!(item(c, "F1").paid_on, None);
    assert_eq!(item(c, "F2").open, d("600"));
    assert!(c.items.iter().all(|i| i.reference != "V2"));
    assert_eq!(total_open(c), d("1300"));
    assert_eq!(s.report.after_as_of, 2);
    assert_eq!(s.report.receivable_lines, 3);
    assert_eq!(s.report.lines, 9);
}

#[test]
fn credit_note_settles_without_payment_date_and_sales_by_month() {
    let s = summary(
        &tab_fec(&[
            "VT|Ventes|1|20250105|411000|Clients|C2|Deux|F10|20250105|240,00||B",
            "VT|Ventes|1|20250105|706000|Ventes|||F10|20250105||200,00|",
            "VT|Ventes|1|20250105|445710|TVA|||F10|20250105||40,00|",
            "VT|Ventes|2|20250120|411000|Clients|C2|Deux|AV10|20250120||240,00|B",
            "VT|Ventes|2|20250120|709000|RRR|||AV10|20250120|200,00||",
            "VT|Ventes|2|20250120|445710|TVA|||AV10|20250120|40,00||",
            "VT|Ventes|3|20250210|411000|Clients|C2|Deux|F11|20250210|120,00||",
            "VT|Ventes|3|20250210|706000|Ventes|||F11|20250210||120,00|",
        ]),
        None,
    );
    let c = customer(&s, "C2");
    let (f10, av) = (item(c, "F10"), item(c, "AV10"));
    assert_eq!((f10.open, f10.paid_on), (d("0"), None));
    assert_eq!(
        (av.kind, av.amount, av.open),
        (ItemKind::CreditNote, d("-240"), d("0"))
    );
    // January: 240 − 240 = 0; February: 120.
    let months: Vec<_> = c.months.iter().map(|m| (m.month, m.sales)).collect();
    assert_eq!(
        months,
        vec![(day("2025-01-01"), d("0")), (day("2025-02-01"), d("120"))]
    );
}

#[test]
fn complete_group_keeps_its_difference_on_its_latest_line() {
    let s = summary(
        &tab_fec(&[
            "VT|Ventes|1|20250110|411000|Clients|C3|Trois|F20|20250110|100,00||C",
            "VT|Ventes|1|20250110|706000|Ventes|||F20|20250110||100,00|",
            "VT|Ventes|2|20250111|411000|Clients|C3|Trois|F21|20250111|100,00||D",
            "VT|Ventes|2|20250111|706000|Ventes|||F21|20250111||100,00|",
            "BQ|Banque|1|20250120|512000|Banque|||V20|20250120|99,99||",
            "BQ|Banque|1|20250120|411000|Clients|C3|Trois|V20|20250120||99,99|C",
            "BQ|Banque|2|20250121|512000|Banque|||V21|20250121|99,98||",
            "BQ|Banque|2|20250121|411000|Clients|C3|Trois|V21|20250121||99,98|D",
        ]),
        None,
    );
    let c = customer(&s, "C3");
    // Group C: 100 − 99.99 = 0.01 ≤ 0.01, complete: F20 closes, paid 20/01; the payment (latest
    // line) keeps +0.01.
    assert_eq!(item(c, "F20").open, d("0"));
    assert_eq!(item(c, "F20").paid_on, Some(day("2025-01-20")));
    assert_eq!(item(c, "V20").open, d("0.01"));
    // Group D: 100 − 99.98 = 0.02, partial: F21 keeps 0.02 and has no payment date.
    assert_eq!(item(c, "F21").open, d("0.02"));
    assert_eq!(item(c, "F21").paid_on, None);
    assert_eq!(item(c, "V21").open, d("0"));
    // Σ open = 200 − 99.99 − 99.98 = 0.03.
    assert_eq!(total_open(c), d("0.03"));
}

#[test]
fn refs_fall_back_to_journal_and_number() {
    let s = summary(
        &tab_fec(&[
            "VT|Ventes|1|20250110|411000|Clients|C1|Un||20250110|10,00||",
            "VT|Ventes|1|20250110|706000|Ventes||||20250110||10,00|",
            "VT|Ventes|2|20250110|411000|Clients|C1|Un|X|20250110|20,00||",
            "VT|Ventes|2|20250110|706000|Ventes|||X|20250110||20,00|",
            "VT|Ventes|3|20250110|411000|Clients|C1|Un|F30|20250110|30,00||",
            "VT|Ventes|3|20250110|706000|Ventes|||F30|20250110||30,00|",
            "BQ|Banque|7|20250115|512000|Banque|||F30|20250115|30,00||",
            "BQ|Banque|7|20250115|411000|Clients|C1|Un|F30|20250115||30,00|",
            "VT|Ventes|4|20250110|411000|Clients|C2|Deux|F30|20250110|40,00||",
            "VT|Ventes|4|20250110|706000|Ventes|||F30|20250110||40,00|",
        ]),
        None,
    );
    let c1 = customer(&s, "C1");
    let refs: Vec<&str> = c1.items.iter().map(|i| i.reference.as_str()).collect();
    // Blank → VT-1, one character → VT-2, F30 used by two items of C1 → VT-3 and BQ-7.
    assert_eq!(refs, vec!["VT-1", "VT-2", "VT-3", "BQ-7"]);
    // C2's only F30 keeps its PieceRef.
    assert_eq!(customer(&s, "C2").items[0].reference, "F30");
}

/// One entry per kind for customer K; entry 9 is in journal RN "Reprise A nouveaux".
fn kinds_fec() -> String {
    tab_fec(&[
        "VT|Ventes|1|20250110|411000|C|K|K|P1|20250110|120,00||",
        "VT|Ventes|1|20250110|706000|V|||P1|20250110||100,00|",
        "VT|Ventes|1|20250110|445710|T|||P1|20250110||20,00|",
        "VT|Ventes|2|20250111|411000|C|K|K|P2|20250111|20,00||",
        "VT|Ventes|2|20250111|445710|T|||P2|20250111||20,00|",
        "BQ|Banque|1|20250112|411000|C|K|K|P3|20250112||50,00|",
        "BQ|Banque|1|20250112|512000|B|||P3|20250112|50,00||",
        "OD|Divers|1|20250113|413000|Avances|||P4|20250113|10,00||",
        "OD|Divers|1|20250113|411000|C|K|K|P4|20250113||10,00|",
        "VT|Ventes|3|20250114|709000|R|||P5|20250114|30,00||",
        "VT|Ventes|3|20250114|411000|C|K|K|P5|20250114||30,00|",
        "OD|Divers|2|20250115|411000|C|K|K|P6|20250115|5,00||",
        "OD|Divers|2|20250115|401000|F|||P6|20250115||5,00|",
        "OD|Divers|3|20250116|411000|C|K|K|P7|20250116||7,00|",
        "OD|Divers|3|20250116|658000|X|||P7|20250116|7,00||",
        "AN|Journal AN|1|20250101|411000|C|K|K|P8|20250101|300,00||",
        "AN|Journal AN|1|20250101|890000|Bilan|||P8|20250101||300,00|",
        "RN|Reprise A nouveaux|1|20250101|411000|C|K|K|P9|20250101||40,00|",
        "RN|Reprise A nouveaux|1|20250101|512000|B|||P9|20250101|40,00||",
    ])
}

#[test]
fn kinds_in_the_contract_order() {
    let s = summary(&kinds_fec(), None);
    let c = customer(&s, "K");
    let kind = |r: &str| item(c, r).kind;
    assert_eq!(kind("P1"), ItemKind::Invoice); // 706 + 44571
    assert_eq!(kind("P2"), ItemKind::Invoice); // 4457 alone
    assert_eq!(kind("P3"), ItemKind::Payment); // 512
    assert_eq!(kind("P4"), ItemKind::Payment); // 413
    assert_eq!(kind("P5"), ItemKind::CreditNote); // 709
    assert_eq!(kind("P6"), ItemKind::Other); // a debit against 401
    assert_eq!(kind("P7"), ItemKind::Other); // a credit against 658
    assert_eq!(kind("P8"), ItemKind::Opening); // journal AN
    assert_eq!(kind("P9"), ItemKind::Opening); // "A nouveaux" label, even against 512
    let t = table(&kinds_fec());
    let opening: Vec<(String, bool)> = t
        .journals()
        .into_iter()
        .map(|j| (j.code, j.opening))
        .collect();
    assert_eq!(
        opening,
        [
            ("VT", false),
            ("BQ", false),
            ("OD", false),
            ("AN", true),
            ("RN", true)
        ]
        .map(|(c, o)| (c.to_string(), o))
    );
    // The dialogue unmarks every journal: P8 is an other debit, P9 a payment (512).
    let options = FecOptions {
        opening_journals: Some(vec![]),
        ..FecOptions::default()
    };
    let s = t.summarise(&options).unwrap();
    let c = customer(&s, "K");
    assert_eq!(item(c, "P8").kind, ItemKind::Other);
    assert_eq!(item(c, "P9").kind, ItemKind::Payment);
    // Σ open = 120 + 20 − 50 − 10 − 30 + 5 − 7 + 300 − 40 = 308 either way.
    assert_eq!(total_open(c), d("308"));
}

#[test]
fn doubtful_transfer_is_an_event() {
    let s = summary(
        &tab_fec(&[
            "VT|Ventes|1|20250110|411000|C|C4|Quatre|F1|20250110|1200,00||",
            "VT|Ventes|1|20250110|706000|V|||F1|20250110||1200,00|",
            "OD|Divers|5|20250301|416000|Douteux|C4|Quatre|DT1|20250228|1200,00||",
            "OD|Divers|5|20250301|411000|C|C4|Quatre|DT1|20250228||1200,00|",
        ]),
        None,
    );
    let c = customer(&s, "C4");
    assert_eq!(item(c, "DT1").kind, ItemKind::Other);
    assert_eq!(c.events.len(), 1);
    let e = c.events[0];
    // Its item date (PieceDate 28/02 ≤ EcritureDate) and its signed amount.
    assert_eq!(
        (e.kind, e.on, e.amount),
        (EventKind::Doubtful, day("2025-02-28"), d("-1200"))
    );
    // 416 is no receivable account: 1,200 − 1,200 = 0 open on 411.
    assert_eq!(total_open(c), d("0"));
    assert_eq!(s.customers.len(), 1);
}

#[test]
fn customer_names_and_codes() {
    let s = summary(
        &tab_fec(&[
            "VT|V|1|20250110|411000|Clients|C5|Ancien nom|F1|20250110|10,00||",
            "VT|V|2|20250120|411000|Clients|C5|Nouveau nom|F2|20250120|10,00||",
            "VT|V|3|20250120|411000|Clients|C5|Dernier nom|F3|20250120|10,00||",
            "VT|V|4|20250105|411000|Clients|C5|Plus ancien|F4|20250105|10,00||",
            "VT|V|5|20250110|411DUPONT|Dupont SA|||F5|20250110|10,00||",
            "VT|V|6|20250102|411DUPONT|Dupont ancien|||F6|20250102|10,00||",
            "VT|V|7|20250110|601000|Achats|||F7|20250110||60,00|",
        ]),
        None,
    );
    // Latest EcritureDate 20/01, tie broken by the last in the file.
    assert_eq!(customer(&s, "C5").name, "Dernier nom");
    // No CompAuxNum: the code is CompteNum and the name its latest CompteLib.
    assert_eq!(customer(&s, "411DUPONT").name, "Dupont SA");
    let codes: Vec<&str> = s.customers.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, vec!["411DUPONT", "C5"]);
}

#[test]
fn months_window_history_and_dropped_closed_items() {
    let s = summary(
        &tab_fec(&[
            "OD|Divers|1|20221231|601000|Achats|||X1|20221231|5,00||",
            "OD|Divers|1|20221231|401000|Fourn|||X1|20221231||5,00|",
            "VT|V|1|20230110|411000|C|C6|Six|F1|20230110|100,00||A",
            "VT|V|1|20230110|706000|V|||F1|20230110||100,00|",
            "BQ|B|1|20230210|411000|C|C6|Six|R1|20230210||100,00|A",
            "BQ|B|1|20230210|512000|B|||R1|20230210|100,00||",
            "VT|V|2|20230410|411000|C|C6|Six|F2|20230410|200,00||B",
            "VT|V|2|20230410|706000|V|||F2|20230410||200,00|",
            "BQ|B|2|20230510|411000|C|C6|Six|R2|20230510||200,00|B",
            "BQ|B|2|20230510|512000|B|||R2|20230510|200,00||",
            "VT|V|3|20250305|411000|C|C6|Six|F3|20250305|300,00||",
            "VT|V|3|20250305|706000|V|||F3|20250305||300,00|",
            "VT|V|4|20250310|411000|C|C6|Six|AV3|20250310||50,00|",
            "VT|V|4|20250310|706000|V|||AV3|20250310|50,00||",
            "VT|V|5|20250320|411000|C|C6|Six|F4|20250320|999,00||",
            "VT|V|5|20250320|706000|V|||F4|20250320||999,00|",
        ]),
        Some("2025-03-15"),
    );
    let c = customer(&s, "C6");
    // The 24 months up to 03/2025 start in 04/2023: January 2023 is out; 2023-04 = 200 (its
    // items dropped but their sales kept), 2025-03 = 300 − 50 = 250 (F4 is after as_of).
    let months: Vec<_> = c.months.iter().map(|m| (m.month, m.sales)).collect();
    assert_eq!(
        months,
        vec![(day("2023-04-01"), d("200")), (day("2025-03-01"), d("250"))]
    );
    // F1/R1 (closed 10/02/2023) and F2/R2 (closed 10/05/2023) are before 15/03/2024: dropped.
    assert_eq!(s.report.dropped_closed, 4);
    let refs: Vec<&str> = c.items.iter().map(|i| i.reference.as_str()).collect();
    assert_eq!(refs, vec!["F3", "AV3"]);
    // Step 3: AV3 settles 50 of F3.
    assert_eq!(item(c, "F3").open, d("250"));
    assert_eq!(c.history_from, Some(day("2022-12-31")));
}
