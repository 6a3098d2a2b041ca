//! Ledger imports in the workspace, natively (docs/receivables.md §4): customers matched by code
//! then by SIREN, unmatched ones created or skipped, stock mode closing what the file no longer
//! lists, a re-import counted once, the measured payment behaviour reaching the rating, and an
//! import that does not fit refused whole.

mod common;

use std::rc::Rc;

use common::{d, date};
use encours::domain::receivables::fec::{read_fec, FecOptions};
use encours::domain::receivables::open_items::{preview, read_open_items};
use encours::domain::receivables::source::{CsvMode, Source};
use encours::store::MemoryKv;
use encours::workspace::{CustomerChoice, Workspace, DEMO_PORTFOLIO};

fn open(kv: &Rc<MemoryKv>) -> Workspace {
    let mut ws = common::open_workspace(kv);
    let plan = ws
        .plan_import(
            encours::store::Bilingual::new("demo", "demo"),
            DEMO_PORTFOLIO,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
    if let Err(e) = ws.apply_import(plan) {
        panic!("{e:?}");
    }
    ws
}

const HEADER: &str =
    "Code client;Raison sociale;SIREN;Pièce;Date pièce;Échéance;Montant TTC;Reste dû\n";

fn csv(body: &str, as_of: chrono::NaiveDate, mode: CsvMode) -> Source {
    let text = format!("{HEADER}{body}");
    let p = preview(text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    read_open_items(text.as_bytes(), &p.mapping, as_of, mode).unwrap_or_else(|e| panic!("{e:?}"))
}

fn encours_of(ws: &Workspace, id: &str) -> rust_decimal::Decimal {
    ws.file(id)
        .and_then(|f| f.ledger.as_ref())
        .map(|l| l.items.iter().map(|i| i.open).sum())
        .unwrap_or_else(|| panic!("no ledger on {id}"))
}

#[test]
fn a_customer_goes_to_the_file_with_its_siren_then_by_its_code() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    let as_of = date(2025, 3, 31);
    // Boulangerie Martin's SIREN; a second customer nobody knows.
    let source = csv(
        "BM01;Boulangerie Martin;732829320;F-100;15/01/2025;14/02/2025;1 200,00;1 200,00\n\
         ZZ9;Inconnu SA;;F-900;01/03/2025;;500,00;500,00\n",
        as_of,
        CsvMode::Stock,
    );
    let plan = ws.plan_ledger("a.csv", source, None);
    assert_eq!(plan.customers.len(), 2);
    let bm = &plan.customers[0];
    assert_eq!(bm.customer.code, "BM01");
    assert_eq!(
        bm.choice,
        CustomerChoice::Link("demo-boulangerie-martin".into())
    );
    // 1 200 added; nothing before.
    assert_eq!(
        (
            bm.changes.added,
            bm.changes.encours_before,
            bm.changes.encours_after
        ),
        (1, d("0"), d("1200.00"))
    );
    // Unmatched: skipped unless the user chooses.
    assert_eq!(plan.customers[1].choice, CustomerChoice::Skip);
    // Nothing stored before the confirmation.
    assert!(ws
        .file("demo-boulangerie-martin")
        .and_then(|f| f.ledger.as_ref())
        .is_none());
    let summary = ws.apply_ledger(&plan).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        (
            summary.updated_files,
            summary.created_files,
            summary.skipped
        ),
        (1, 0, 1)
    );
    assert_eq!(encours_of(&ws, "demo-boulangerie-martin"), d("1200.00"));

    // Next time the code is known: matched by code, even without the SIREN.
    let again = csv(
        "BM01;;;F-101;10/02/2025;;2 400,00;400,00\n",
        as_of,
        CsvMode::Delta,
    );
    let plan = ws.plan_ledger("b.csv", again, None);
    assert_eq!(
        plan.customers[0].matched,
        Some((
            "demo-boulangerie-martin".into(),
            encours::workspace::MatchedBy::Code
        ))
    );
    ws.apply_ledger(&plan).unwrap_or_else(|e| panic!("{e:?}"));
    // Delta: F-100 stays open, F-101 adds 400: 1 600.
    assert_eq!(encours_of(&ws, "demo-boulangerie-martin"), d("1600.00"));
}

#[test]
fn stock_mode_closes_what_the_file_no_longer_lists_and_a_reimport_counts_once() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    let body = "BM01;Boulangerie Martin;732829320;F-100;15/01/2025;14/02/2025;1 200,00;1 200,00\n\
                BM01;Boulangerie Martin;732829320;F-101;10/02/2025;12/03/2025;2 400,00;2 400,00\n";
    let plan = ws.plan_ledger("a.csv", csv(body, date(2025, 3, 31), CsvMode::Stock), None);
    ws.apply_ledger(&plan).unwrap_or_else(|e| panic!("{e:?}"));
    // The same file again: nothing added, sales not counted twice (3 600 over two months).
    let plan = ws.plan_ledger("a.csv", csv(body, date(2025, 3, 31), CsvMode::Stock), None);
    assert_eq!(plan.customers[0].changes.added, 0);
    ws.apply_ledger(&plan).unwrap_or_else(|e| panic!("{e:?}"));
    let sales: rust_decimal::Decimal = ws
        .file("demo-boulangerie-martin")
        .and_then(|f| f.ledger.as_ref())
        .map(|l| l.months.iter().map(|m| m.sales).sum())
        .unwrap_or_default();
    assert_eq!(sales, d("3600.00"));
    // A month later F-100 is no longer listed: closed, paid on the new as_of.
    let later = "BM01;Boulangerie Martin;732829320;F-101;10/02/2025;12/03/2025;2 400,00;2 400,00\n";
    let plan = ws.plan_ledger("c.csv", csv(later, date(2025, 4, 30), CsvMode::Stock), None);
    assert_eq!(plan.customers[0].changes.closed, 1);
    ws.apply_ledger(&plan).unwrap_or_else(|e| panic!("{e:?}"));
    let ledger = ws
        .file("demo-boulangerie-martin")
        .and_then(|f| f.ledger.clone())
        .unwrap_or_else(|| panic!("no ledger"));
    let f100 = ledger.items.iter().find(|i| i.reference == "F-100");
    assert_eq!(
        f100.map(|i| (i.open, i.paid_on)),
        Some((d("0"), Some(date(2025, 4, 30))))
    );
    assert_eq!(ledger.as_of, date(2025, 4, 30));
}

/// A FEC of one customer with three invoices paid 11, 20 and 5 days late, and one open.
const FEC: &str = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise
VT|Ventes|1|20250110|411000|Clients|C9|Gamma|FA1|20250110|F|1000,00|0,00|A||||
VT|Ventes|1|20250110|706000|Ventes|||FA1|20250110|F|0,00|1000,00|||||
VT|Ventes|2|20250115|411000|Clients|C9|Gamma|FA2|20250115|F|1000,00|0,00|B||||
VT|Ventes|2|20250115|706000|Ventes|||FA2|20250115|F|0,00|1000,00|||||
VT|Ventes|3|20250120|411000|Clients|C9|Gamma|FA3|20250120|F|2000,00|0,00|C||||
VT|Ventes|3|20250120|706000|Ventes|||FA3|20250120|F|0,00|2000,00|||||
BQ|Banque|4|20250220|411000|Clients|C9|Gamma|RG1|20250220|R|0,00|1000,00|A||||
BQ|Banque|4|20250220|512000|Banque|||RG1|20250220|R|1000,00|0,00|||||
BQ|Banque|5|20250306|411000|Clients|C9|Gamma|RG2|20250306|R|0,00|1000,00|B||||
BQ|Banque|5|20250306|512000|Banque|||RG2|20250306|R|1000,00|0,00|||||
BQ|Banque|6|20250224|411000|Clients|C9|Gamma|RG3|20250224|R|0,00|2000,00|C||||
BQ|Banque|6|20250224|512000|Banque|||RG3|20250224|R|2000,00|0,00|||||
VT|Ventes|7|20250325|411000|Clients|C9|Gamma|FA4|20250325|F|500,00|0,00|||||
VT|Ventes|7|20250325|706000|Ventes|||FA4|20250325|F|0,00|500,00|||||
";

#[test]
fn a_created_file_gets_the_fec_ledger_and_its_measured_delay_reaches_the_grid() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    let table = read_fec(FEC.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    let source = table
        .summarise(&FecOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(source.as_of, date(2025, 3, 25));
    let mut plan = ws.plan_ledger("g.fec", source, None);
    ws.create_all_unmatched(&mut plan);
    assert_eq!(plan.customers[0].choice, CustomerChoice::Create);
    let summary = ws.apply_ledger(&plan).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(summary.created_files, 1);
    let file = ws
        .files()
        .iter()
        .find(|f| f.name == "Gamma")
        .cloned()
        .unwrap_or_else(|| panic!("no file created"));
    assert_eq!(file.id, "client-c9");
    let ledger = file.ledger.clone().unwrap_or_else(|| panic!("no ledger"));
    assert_eq!(ledger.customer_codes, vec!["C9".to_string()]);
    assert!(
        ledger.default_terms,
        "no terms on a created file: 30 days net"
    );
    // Due 30 days net: FA1 09/02 paid 20/02 → 11 days; FA2 14/02 paid 06/03 → 20; FA3 19/02
    // paid 24/02 → 5. Weighted: (1000×11 + 1000×20 + 2000×5) / 4000 = 41000 / 4000 = 10.25.
    let analysis = encours::domain::analysis::analyse(&file, ws.policy(), ws.today());
    assert_eq!(analysis.measured_payment, Some((d("10.25"), 3)));
    let row = analysis
        .grid
        .criteria
        .iter()
        .find(|c| c.id == encours::domain::ids::CriterionId::PaymentHistory)
        .map(|c| c.value);
    assert_eq!(row, Some(Ok(d("10.25"))));
    // The rating recorded after the import is the one with the measured figure.
    assert_eq!(
        file.rating.as_ref().map(|r| r.score),
        Some(analysis.grid.score)
    );
    // Saved: a reopened workspace reads the ledger back.
    ws.flush();
    let again = common::open_workspace(&kv);
    assert_eq!(
        again.file("client-c9").and_then(|f| f.ledger.clone()),
        Some(ledger)
    );
}

#[test]
fn an_import_that_does_not_fit_is_refused_whole() {
    // Just enough room for the demo: the ledger import then has no room.
    let probe = Rc::new(MemoryKv::new());
    let _ = open(&probe);
    let quota = probe.used() + 200;
    let kv = Rc::new(MemoryKv::with_quota(quota));
    let mut ws = open(&kv);
    let before = kv.snapshot();
    let table = read_fec(FEC.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    let source = table
        .summarise(&FecOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut plan = ws.plan_ledger("g.fec", source, None);
    ws.create_all_unmatched(&mut plan);
    let refused = ws
        .apply_ledger(&plan)
        .err()
        .unwrap_or_else(|| panic!("accepted"));
    assert!(
        refused.fr.contains("Rien n'a été modifié"),
        "{}",
        refused.fr
    );
    assert_eq!(kv.snapshot(), before);
    assert!(ws.files().iter().all(|f| f.ledger.is_none()));
}

#[test]
fn the_demo_situation_goes_to_four_demo_files_by_siren() {
    let kv = Rc::new(MemoryKv::new());
    let mut ws = open(&kv);
    let text = include_str!("../samples/demo-situation.csv");
    let p = preview(text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    let source = read_open_items(
        text.as_bytes(),
        &p.mapping,
        date(2026, 11, 15),
        CsvMode::Stock,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let plan = ws.plan_ledger("demo", source, None);
    let matched: Vec<&str> = plan
        .customers
        .iter()
        .filter_map(|c| c.matched.as_ref().map(|(id, _)| id.as_str()))
        .collect();
    assert_eq!(
        matched,
        vec![
            "demo-boulangerie-martin",
            "demo-menuiserie-leroy",
            "demo-negoce-durand",
            "demo-translog-express"
        ]
    );
    ws.apply_ledger(&plan).unwrap_or_else(|e| panic!("{e:?}"));
    let figures = |id: &str| {
        let f = ws.file(id).cloned().unwrap_or_else(|| panic!("no {id}"));
        encours::domain::analysis::ledger_figures(&f, ws.policy(), ws.today())
            .unwrap_or_else(|| panic!("no ledger on {id}"))
    };
    // TransLog Express: 18 000 + 14 000 + 16 500 + 12 500 = 61 000 against its recommended
    // 54 500: over by 6 500. Past due at 15/11: all but T-5590 (due 24/11) = 48 500.
    let t = figures("demo-translog-express");
    assert_eq!(
        (t.encours, t.overrun, t.overdue),
        (d("61000.00"), Some(d("6500.00")), d("48500.00"))
    );
    // Négoce Durand: 85 000 + 95 000 − 4 000 (a credit note) = 176 000, nothing past due.
    let n = figures("demo-negoce-durand");
    assert_eq!((n.encours, n.overdue), (d("176000.00"), d("0")));
    // Boulangerie Martin: four invoices paid 5, 10, 0 and 12 days late on 1 200, 900, 1 500 and
    // 1 100: (6 000 + 9 000 + 0 + 13 200) / 4 700 = 6 days, measured on 4 invoices: the grid
    // uses it.
    let f = ws
        .file("demo-boulangerie-martin")
        .cloned()
        .unwrap_or_else(|| panic!("no file"));
    let a = encours::domain::analysis::analyse(&f, ws.policy(), ws.today());
    assert_eq!(a.measured_payment, Some((d("6"), 4)));
    assert_eq!(f.sales_rep, "Claire Martin");
}
