//! Exchange format v1: reading the demo portfolio, round trips, every refusal with its place,
//! hostile input, import conflicts, and properties.

mod common;

use encours::domain::lang::Lang;
use std::cell::Cell;

use chrono::NaiveDate;
use encours::domain::client::{
    ClientFile, CollectiveProceeding, PaymentHistory, Qualitative, RatingRecord, SectorRisk,
    TermsBasis, Trade, MAX_STATEMENTS,
};
use encours::domain::exchange::{
    client_to_json, conflicts, fresh_id, merge, read_document, write_document, ConflictChoice,
    Document, ErrorKind, ExchangeError, FORMAT, MAX_INPUT_BYTES, VERSION,
};
use encours::domain::grid::RiskClass;
use encours::domain::parse::MAX_AMOUNT;
use encours::domain::policy::Policy;
use encours::domain::receivables::ledger::{
    Action, Event, EventKind, Item, ItemKind, Ledger, MonthSales, MAX_MONTHS,
};
use encours::domain::statement::{
    BalanceLine, IncomeLine, ReportedLine, Statement, MAX_DURATION_MONTHS, MIN_DURATION_MONTHS,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use common::client_from_value;

const SAMPLE: &str = include_str!("../samples/demo-portfolio.json");

fn d(s: &str) -> Decimal {
    match s.parse() {
        Ok(v) => v,
        Err(e) => panic!("bad test decimal {s}: {e}"),
    }
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn read(json: &str) -> Document {
    match read_document(json) {
        Ok(doc) => doc,
        Err(e) => panic!("refused: {e}"),
    }
}

fn sample() -> Document {
    read(SAMPLE)
}

fn client<'a>(doc: &'a Document, id: &str) -> &'a ClientFile {
    doc.clients
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no client {id}"))
}

/// A small valid document: one client, two statements, cash present in the second.
fn base() -> Value {
    json!({
        "format": "encours",
        "version": 1,
        "clients": [{
            "id": "c1",
            "name": "Client One",
            "statements": [
                { "closing_date": "2024-12-31" },
                { "closing_date": "2025-12-31", "balance_sheet": { "cash": "10" } }
            ]
        }]
    })
}

/// `base()` with `value` put at the JSON pointer `pointer` (its parent must exist).
fn base_with(pointer: &str, value: Value) -> Value {
    let mut doc = base();
    put(&mut doc, pointer, value);
    doc
}

fn put(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer");
    match doc.pointer_mut(parent).expect("parent exists") {
        Value::Object(m) => {
            m.insert(key.to_string(), value);
        }
        Value::Array(a) => {
            let i: usize = key.parse().expect("index");
            a[i] = value;
        }
        _ => panic!("parent of {pointer} is not a container"),
    }
}

fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer");
    if let Some(Value::Object(m)) = doc.pointer_mut(parent) {
        m.remove(key);
    }
}

fn refusal(doc: &Value) -> ExchangeError {
    match read_document(&doc.to_string()) {
        Ok(_) => panic!("accepted: {doc}"),
        Err(e) => e,
    }
}

fn assert_refused(doc: &Value, path: &str, kind: ErrorKind) {
    assert_eq!(
        refusal(doc),
        ExchangeError {
            path: path.to_string(),
            kind
        },
        "{doc}"
    );
}

/// The cash of the second statement of `base_with(cash = value)`.
fn cash_read_as(value: Value) -> Result<Option<Decimal>, ExchangeError> {
    let doc = base_with("/clients/0/statements/1/balance_sheet/cash", value);
    read_document(&doc.to_string()).map(|d| d.clients[0].statements[1].bs(BalanceLine::Cash))
}

const CASH: &str = "clients[0].statements[1].balance_sheet.cash";

// ----------------------------------------------------------------------------------------------
// The demo portfolio
// ----------------------------------------------------------------------------------------------

#[test]
fn demo_portfolio_reads() {
    let doc = sample();
    assert_eq!(doc.clients.len(), 6);
    assert_eq!(doc.exported_at.as_deref(), Some("2026-11-22T09:00:00Z"));
    assert_eq!(doc.policy, None);
    let ids: Vec<&str> = doc.clients.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "demo-boulangerie-martin",
            "demo-menuiserie-leroy",
            "demo-translog-express",
            "demo-atelier-numerique",
            "demo-negoce-durand",
            "demo-btp-renov",
        ]
    );
}

#[test]
fn demo_boulangerie_martin() {
    let doc = sample();
    let c = client(&doc, "demo-boulangerie-martin");
    assert_eq!(c.name, "Boulangerie Martin");
    assert_eq!(c.siren, "732829320");
    assert_eq!(c.legal_form, "SARL");
    assert_eq!(c.naf_code, "1071C");
    assert_eq!(c.created_on, Some(date(2009, 5, 12)));
    assert_eq!(c.sector_risk, Some(SectorRisk::Low));
    assert_eq!(
        c.qualitative,
        Qualitative {
            payment_history: PaymentHistory {
                new_client: false,
                avg_days_late: Some(2)
            },
            payment_incidents_12m: Some(0),
            collective_proceeding: CollectiveProceeding::None,
            information_quality: Some(4),
        }
    );
    assert_eq!(c.trade.expected_annual_sales, Some(d("36000")));
    assert_eq!(c.trade.terms_days, Some(30));
    assert_eq!(c.trade.terms_basis, TermsBasis::Net);
    assert_eq!(c.trade.requested_limit, None);
    assert_eq!(c.notes, "Client historique, paie à 30 jours.");
    assert_eq!(c.rating, None);

    assert_eq!(c.statements.len(), 2);
    let (s0, s1) = (&c.statements[0], &c.statements[1]);
    assert_eq!(s0.closing_date, date(2024, 12, 31));
    assert_eq!(s0.duration_months, 12);
    assert_eq!(s0.headcount, Some(9));
    assert_eq!(s0.bs(BalanceLine::Cash), Some(d("61000")));
    assert_eq!(s0.bs(BalanceLine::Reserves), Some(d("27200")));
    assert_eq!(s0.is(IncomeLine::GoodsInventoryChange), Some(d("-2000")));
    assert_eq!(s0.is(IncomeLine::SalesOfProduction), Some(d("640000")));
    // Present as "0" in the first year, left out in the second: zero is not absent.
    assert_eq!(s0.is(IncomeLine::OperatingProvisions), Some(Decimal::ZERO));
    assert_eq!(s1.is(IncomeLine::OperatingProvisions), None);
    assert_eq!(s0.bs(BalanceLine::UncalledCapital), None);
    assert!(s0.reported.is_empty());
    assert_eq!(s1.closing_date, date(2025, 12, 31));
    assert_eq!(s1.bs(BalanceLine::Cash), Some(d("84000")));
    assert_eq!(s1.headcount, Some(10));
    // The sample's balance sheet holds 18 lines in each year, its income statement 15 then 14.
    assert_eq!(s0.balance_sheet.present().count(), 18);
    assert_eq!(s0.income_statement.present().count(), 15);
    assert_eq!(s1.income_statement.present().count(), 14);
}

#[test]
fn demo_other_clients() {
    let doc = sample();

    let leroy = client(&doc, "demo-menuiserie-leroy");
    assert_eq!(leroy.name, "Menuiserie Leroy");
    assert_eq!(leroy.trade.requested_limit, Some(d("40000")));
    assert_eq!(leroy.trade.terms_basis, TermsBasis::EndOfMonth);
    assert_eq!(leroy.trade.terms_days, Some(45));
    assert_eq!(leroy.trade.insurance_cover, Some(d("15000")));
    assert_eq!(leroy.trade.expected_delay_days, None);
    assert_eq!(
        leroy.qualitative.payment_history,
        PaymentHistory {
            new_client: true,
            avg_days_late: None
        }
    );
    assert_eq!(leroy.sector_risk, Some(SectorRisk::Medium));
    assert_eq!(leroy.statements[0].closing_date, date(2024, 6, 30));
    assert_eq!(
        leroy.statements[1].bs(BalanceLine::TradeReceivables),
        Some(d("425000"))
    );

    let atelier = client(&doc, "demo-atelier-numerique");
    assert_eq!(atelier.name, "Atelier Numérique");
    assert_eq!(atelier.statements.len(), 1);
    assert_eq!(atelier.statements[0].duration_months, 18);
    assert_eq!(atelier.statements[0].closing_date, date(2025, 6, 30));
    assert_eq!(atelier.trade.insurance_cover, None);
    assert_eq!(atelier.qualitative.information_quality, Some(2));

    let translog = client(&doc, "demo-translog-express");
    assert_eq!(translog.sector_risk, Some(SectorRisk::High));
    assert_eq!(translog.qualitative.payment_incidents_12m, Some(1));
    assert_eq!(
        translog.statements[0].is(IncomeLine::SalesOfProduction),
        Some(d("8900000"))
    );

    let durand = client(&doc, "demo-negoce-durand");
    assert_eq!(durand.siren, "356000000");
    assert_eq!(durand.trade.guarantees, Some(d("50000")));
    assert_eq!(durand.trade.insurance_cover, Some(d("150000")));
    assert_eq!(durand.created_on, Some(date(1987, 4, 6)));

    let btp = client(&doc, "demo-btp-renov");
    assert_eq!(btp.name, "BTP Rénov 33");
    assert_eq!(
        btp.qualitative.collective_proceeding,
        CollectiveProceeding::Receivership
    );
    assert_eq!(btp.qualitative.payment_incidents_12m, Some(3));
    assert_eq!(
        btp.statements[0].bs(BalanceLine::Reserves),
        Some(d("-61000"))
    );
}

#[test]
fn demo_amounts_match_the_json_text_line_by_line() {
    // Every line of every statement, compared with the raw JSON independently of the reader.
    let raw: Value = serde_json::from_str(SAMPLE).expect("sample");
    let doc = sample();
    for (c, rc) in doc
        .clients
        .iter()
        .zip(raw["clients"].as_array().expect("list"))
    {
        for (s, rs) in c
            .statements
            .iter()
            .zip(rc["statements"].as_array().expect("list"))
        {
            let table = rs["balance_sheet"].as_object().expect("object");
            for &line in BalanceLine::ALL {
                let want = table.get(line.key()).and_then(Value::as_str).map(d);
                assert_eq!(s.bs(line), want, "{} {}", c.id, line.key());
            }
            let table = rs["income_statement"].as_object().expect("object");
            for &line in IncomeLine::ALL {
                let want = table.get(line.key()).and_then(Value::as_str).map(d);
                assert_eq!(s.is(line), want, "{} {}", c.id, line.key());
            }
            // Every key of the sample is a known line: nothing was silently dropped.
            for key in table.keys() {
                assert!(IncomeLine::from_key(key).is_some(), "{key}");
            }
        }
    }
}

// ----------------------------------------------------------------------------------------------
// Round trips
// ----------------------------------------------------------------------------------------------

#[test]
fn demo_round_trips() {
    let doc = sample();
    let written = write_document(&doc);
    let again = read(&written);
    assert_eq!(again, doc);
    assert_eq!(write_document(&again), written);
}

#[test]
fn written_document_shape() {
    let mut c = ClientFile {
        id: "x".into(),
        name: "X".into(),
        ..ClientFile::default()
    };
    let mut s = Statement::new(date(2025, 12, 31));
    s.balance_sheet.set(BalanceLine::Cash, Some(d("21000.50")));
    s.reported.set(ReportedLine::NetIncome, Some(d("-18500")));
    c.statements.push(s);
    let doc = Document {
        exported_at: None,
        policy: None,
        clients: vec![c],
    };
    let text = write_document(&doc);
    let v: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["format"], json!(FORMAT));
    assert_eq!(v["version"], json!(VERSION));
    assert!(v.get("exported_at").is_none());
    assert!(v.get("policy").is_none());
    let st = &v["clients"][0]["statements"][0];
    // Amounts are strings, with the scale they hold.
    assert_eq!(st["balance_sheet"], json!({ "cash": "21000.50" }));
    assert_eq!(st["reported"], json!({ "net_income": "-18500" }));
    // Absent lines and empty tables are left out.
    assert!(st.get("income_statement").is_none());
    assert!(st.get("headcount").is_none());
    assert_eq!(st["duration_months"], json!(12));
    assert_eq!(st["closing_date"], json!("2025-12-31"));
    // Format and version come first, for people opening the file.
    let format_at = text.find("\"format\"").expect("format");
    let clients_at = text.find("\"clients\"").expect("clients");
    assert!(format_at < clients_at);
    assert!(text.contains('\n'), "pretty printed");
}

#[test]
fn policy_and_rating_round_trip() {
    let mut c = ClientFile {
        id: "r".into(),
        name: "Rated".into(),
        ..ClientFile::default()
    };
    c.rating = Some(RatingRecord {
        policy_version: 3,
        rated_on: date(2026, 1, 15),
        class: RiskClass::NotRated,
        score: None,
        limit: d("0"),
    });
    let mut c2 = c.clone();
    c2.id = "r2".into();
    c2.rating = Some(RatingRecord {
        policy_version: 1,
        rated_on: date(2026, 2, 1),
        class: RiskClass::B,
        score: Some(d("71.2500")),
        limit: d("35000.00"),
    });
    let doc = Document {
        exported_at: Some("2026-11-22T10:15:00Z".into()),
        policy: Some(Policy::default()),
        clients: vec![c, c2],
    };
    let text = write_document(&doc);
    assert_eq!(read(&text), doc);
    let v: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["clients"][0]["rating"]["class"], json!("NR"));
    assert!(v["clients"][0]["rating"].get("score").is_none());
    assert_eq!(v["clients"][1]["rating"]["score"], json!("71.2500"));
    assert_eq!(v["clients"][1]["rating"]["limit"], json!("35000.00"));
}

#[test]
fn client_json_round_trips_alone() {
    let doc = sample();
    for c in &doc.clients {
        let v = client_to_json(c);
        assert_eq!(client_from_value(&v, "").as_ref(), Ok(c));
        assert_eq!(v["id"], json!(c.id));
    }
}

#[test]
fn client_from_json_prefixes_its_path() {
    let v = json!({ "id": "a", "name": "A", "statements": [{ "closing_date": "2025-13-01" }] });
    assert_eq!(
        client_from_value(&v, "clients[3]"),
        Err(ExchangeError {
            path: "clients[3].statements[0].closing_date".into(),
            kind: ErrorKind::BadDate
        })
    );
    assert_eq!(
        client_from_value(&v, "").map_err(|e| e.path),
        Err("statements[0].closing_date".to_string())
    );
    assert_eq!(
        client_from_value(&json!("a"), "").map_err(|e| e.kind),
        Err(ErrorKind::NotAnObject)
    );
}

#[test]
fn defaults_for_absent_optional_fields() {
    let doc = read(&json!({
        "format": "encours", "version": 1,
        "clients": [{ "id": "a", "name": "A", "statements": [{ "closing_date": "2025-12-31" }] }]
    })
    .to_string());
    let c = &doc.clients[0];
    assert_eq!(c.qualitative, Qualitative::default());
    assert_eq!(c.trade, Trade::default());
    assert_eq!(c.trade.terms_basis, TermsBasis::Net);
    assert_eq!(c.notes, "");
    assert_eq!(c.siren, "");
    assert_eq!(c.sector_risk, None);
    assert_eq!(c.created_on, None);
    assert_eq!(c.rating, None);
    assert_eq!(c.statements[0].duration_months, 12);
    assert_eq!(c.statements[0].headcount, None);
    assert!(c.statements[0].balance_sheet.is_empty());
    assert_eq!(doc.exported_at, None);

    // No clients at all (a document carrying only a policy) is an empty list.
    let doc = read(r#"{"format":"encours","version":1}"#);
    assert!(doc.clients.is_empty());
}

#[test]
fn null_counts_as_absent() {
    assert_eq!(cash_read_as(Value::Null), Ok(None));
    let doc = base_with("/clients/0/sector_risk", Value::Null);
    assert_eq!(read(&doc.to_string()).clients[0].sector_risk, None);
}

#[test]
fn unknown_fields_are_ignored_everywhere() {
    let mut doc = base();
    put(
        &mut doc,
        "/generator",
        json!({ "name": "Encours 2", "nested": [1, 2, 3] }),
    );
    put(&mut doc, "/clients/0/favourite_colour", json!("blue"));
    put(&mut doc, "/clients/0/statements/0/auditor", json!(null));
    put(
        &mut doc,
        "/clients/0/statements/1/balance_sheet/goodwill",
        json!("abc"),
    );
    put(
        &mut doc,
        "/clients/0/statements/1/extra_table",
        json!({ "cash": "abc" }),
    );
    put(&mut doc, "/clients/0/qualitative", json!({ "mood": 3 }));
    put(&mut doc, "/clients/0/trade", json!({ "currency": "EUR" }));
    assert_eq!(read(&doc.to_string()), read(&base().to_string()));
}

#[test]
fn names_with_html_are_kept_verbatim() {
    let name = "<script>alert(\"x\")</script> & <b>Dupont</b> \u{202e}";
    let doc = base_with("/clients/0/name", json!(name));
    let got = read(&doc.to_string());
    assert_eq!(got.clients[0].name, name);
    let again = read(&write_document(&got));
    assert_eq!(again.clients[0].name, name);
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", base());
    assert_eq!(read(&text), read(&base().to_string()));
}

// ----------------------------------------------------------------------------------------------
// Amounts
// ----------------------------------------------------------------------------------------------

#[test]
fn amounts_as_strings() {
    assert_eq!(cash_read_as(json!("-1234.5")), Ok(Some(d("-1234.5"))));
    assert_eq!(
        cash_read_as(json!("21000.50")).map(|v| v.map(|x| x.to_string())),
        Ok(Some("21000.50".to_string()))
    );
    assert_eq!(
        cash_read_as(json!("1000000000000000")),
        Ok(Some(MAX_AMOUNT))
    );
    assert_eq!(
        cash_read_as(json!("-1000000000000000")),
        Ok(Some(-MAX_AMOUNT))
    );
}

#[test]
fn amounts_as_json_numbers() {
    assert_eq!(cash_read_as(json!(1234.5)), Ok(Some(d("1234.5"))));
    assert_eq!(cash_read_as(json!(84000)), Ok(Some(d("84000"))));
    assert_eq!(cash_read_as(json!(-12)), Ok(Some(d("-12"))));
    // 0.1 has no exact binary form; the shortest text of the f64 is read, not its binary value.
    assert_eq!(cash_read_as(json!(0.1)), Ok(Some(d("0.1"))));
    assert_eq!(cash_read_as(json!(1e15)), Ok(Some(MAX_AMOUNT)));
    // From the raw text too, where serde_json picks the number type itself.
    let text = base()
        .to_string()
        .replace("\"cash\":\"10\"", "\"cash\":1234.50");
    assert!(text.contains("1234.50"));
    let got = read(&text).clients[0].statements[1].bs(BalanceLine::Cash);
    assert_eq!(got, Some(d("1234.5")));
}

#[test]
fn amounts_out_of_range() {
    for v in [
        json!("1e40"),
        json!(1e40),
        json!(-1e40),
        json!(1e21),
        json!("100000000000000000000000000000000"),
        json!("1000000000000000.01"),
        json!("-1000000000000001"),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(f64::MAX),
    ] {
        assert_eq!(
            cash_read_as(v.clone()),
            Err(ExchangeError {
                path: CASH.into(),
                kind: ErrorKind::AmountOutOfRange
            }),
            "{v}"
        );
    }
    // The same as raw JSON numbers, beyond what f64 or Decimal hold.
    for raw in [
        "1e40",
        "100000000000000000000000000000000",
        "1e999",
        "-1e400",
    ] {
        let text = base()
            .to_string()
            .replace("\"cash\":\"10\"", &format!("\"cash\":{raw}"));
        let e = read_document(&text);
        assert!(
            matches!(
                &e,
                Err(ExchangeError { kind: ErrorKind::AmountOutOfRange, path })
                    if path == CASH
            ) || matches!(
                &e,
                Err(ExchangeError {
                    kind: ErrorKind::InvalidJson(_),
                    ..
                })
            ),
            "{raw}: {e:?}"
        );
    }
}

#[test]
fn amounts_too_precise() {
    for v in [json!("0.0000001"), json!(1e-7), json!(0.30000000000000004)] {
        assert_eq!(
            cash_read_as(v.clone()),
            Err(ExchangeError {
                path: CASH.into(),
                kind: ErrorKind::AmountTooPrecise
            }),
            "{v}"
        );
    }
    assert_eq!(cash_read_as(json!("0.000001")), Ok(Some(d("0.000001"))));
}

#[test]
fn amounts_that_are_not_numbers() {
    for v in [
        json!("abc"),
        json!(""),
        json!("1 000"),
        json!("1,5"),
        json!("12 €"),
        json!(" 12"),
        json!("+12"),
        json!("NaN"),
        json!(true),
        json!([1]),
        json!({ "value": 1 }),
    ] {
        assert_eq!(
            cash_read_as(v.clone()),
            Err(ExchangeError {
                path: CASH.into(),
                kind: ErrorKind::NotANumber
            }),
            "{v}"
        );
    }
}

#[test]
fn amount_error_paths_in_every_table_and_in_trade() {
    let cases = [
        (
            "/clients/0/statements/0/income_statement",
            json!({ "wages": "x" }),
            "clients[0].statements[0].income_statement.wages",
        ),
        (
            "/clients/0/statements/0/reported",
            json!({ "net_income": "x" }),
            "clients[0].statements[0].reported.net_income",
        ),
        (
            "/clients/0/trade",
            json!({ "requested_limit": "x" }),
            "clients[0].trade.requested_limit",
        ),
        (
            "/clients/0/trade",
            json!({ "expected_annual_sales": "x" }),
            "clients[0].trade.expected_annual_sales",
        ),
    ];
    for (pointer, value, path) in cases {
        assert_refused(&base_with(pointer, value), path, ErrorKind::NotANumber);
    }
}

// ----------------------------------------------------------------------------------------------
// Refusals with their place
// ----------------------------------------------------------------------------------------------

#[test]
fn the_spec_example_message() {
    let e = refusal(&base_with(
        "/clients/0/statements/1/balance_sheet/cash",
        json!("abc"),
    ));
    assert_eq!(e.path, CASH);
    assert_eq!(e.kind, ErrorKind::NotANumber);
    assert_eq!(
        e.message(Lang::En),
        "clients[0].statements[1].balance_sheet.cash: not a number"
    );
    assert_eq!(
        e.message(Lang::Fr),
        "clients[0].statements[1].balance_sheet.cash : n'est pas un nombre"
    );
    assert_eq!(e.to_string(), e.message(Lang::En));
}

#[test]
fn format_and_version() {
    assert_refused(
        &base_with("/format", json!("other")),
        "format",
        ErrorKind::UnknownFormat,
    );
    assert_refused(
        &base_with("/format", json!(1)),
        "format",
        ErrorKind::UnknownFormat,
    );
    let mut no_format = base();
    remove(&mut no_format, "/format");
    assert_refused(&no_format, "format", ErrorKind::UnknownFormat);

    assert_refused(
        &base_with("/version", json!(2)),
        "version",
        ErrorKind::NewerVersion(2),
    );
    assert_refused(
        &base_with("/version", json!(1e30)),
        "version",
        ErrorKind::NewerVersion(u64::MAX),
    );
    let mut no_version = base();
    remove(&mut no_version, "/version");
    assert_refused(&no_version, "version", ErrorKind::Missing);
    assert_refused(
        &base_with("/version", json!("1")),
        "version",
        ErrorKind::NotAWholeNumber,
    );
    assert_refused(
        &base_with("/version", json!(1.5)),
        "version",
        ErrorKind::NotAWholeNumber,
    );
    assert_refused(
        &base_with("/version", json!(0)),
        "version",
        ErrorKind::UnknownValue("0".into()),
    );
    // 1.0 is the whole number 1.
    assert!(read_document(&base_with("/version", json!(1.0)).to_string()).is_ok());

    let e = refusal(&base_with("/version", json!(2)));
    assert!(e.message(Lang::En).contains("newer"));
    assert!(e.message(Lang::Fr).contains("plus récente"));
}

#[test]
fn wrong_shapes() {
    assert_refused(&json!([1, 2]), "", ErrorKind::NotAnObject);
    assert_refused(&json!("encours"), "", ErrorKind::NotAnObject);
    assert_refused(
        &base_with("/clients", json!({ "a": 1 })),
        "clients",
        ErrorKind::NotAList,
    );
    assert_refused(
        &base_with("/clients/0", json!("c1")),
        "clients[0]",
        ErrorKind::NotAnObject,
    );
    assert_refused(
        &base_with("/clients/0/statements", json!({})),
        "clients[0].statements",
        ErrorKind::NotAList,
    );
    assert_refused(
        &base_with("/clients/0/statements/1", json!([])),
        "clients[0].statements[1]",
        ErrorKind::NotAnObject,
    );
    assert_refused(
        &base_with("/clients/0/statements/1/balance_sheet", json!(["cash"])),
        "clients[0].statements[1].balance_sheet",
        ErrorKind::NotAnObject,
    );
    assert_refused(
        &base_with("/clients/0/qualitative", json!(4)),
        "clients[0].qualitative",
        ErrorKind::NotAnObject,
    );
    assert_refused(
        &base_with("/clients/0/qualitative", json!({ "payment_history": true })),
        "clients[0].qualitative.payment_history",
        ErrorKind::NotAnObject,
    );
    assert_refused(
        &base_with(
            "/clients/0/qualitative",
            json!({ "payment_history": { "new_client": "yes" } }),
        ),
        "clients[0].qualitative.payment_history.new_client",
        ErrorKind::NotABoolean,
    );
    assert_refused(
        &base_with("/clients/0/name", json!(42)),
        "clients[0].name",
        ErrorKind::NotAString,
    );
    assert_refused(
        &base_with("/clients/0/notes", json!(["a"])),
        "clients[0].notes",
        ErrorKind::NotAString,
    );
    assert_refused(
        &base_with("/clients/0/siren", json!(552100554)),
        "clients[0].siren",
        ErrorKind::NotAString,
    );
    assert_refused(
        &base_with("/exported_at", json!(20261122)),
        "exported_at",
        ErrorKind::NotAString,
    );
    assert_refused(
        &base_with("/clients/0/trade", json!("net")),
        "clients[0].trade",
        ErrorKind::NotAnObject,
    );
}

#[test]
fn required_fields() {
    let mut doc = base();
    remove(&mut doc, "/clients/0/id");
    assert_refused(&doc, "clients[0].id", ErrorKind::Missing);
    assert_refused(
        &base_with("/clients/0/id", json!("")),
        "clients[0].id",
        ErrorKind::Empty,
    );
    assert_refused(
        &base_with("/clients/0/id", json!(7)),
        "clients[0].id",
        ErrorKind::NotAString,
    );
    let mut doc = base();
    remove(&mut doc, "/clients/0/name");
    assert_refused(&doc, "clients[0].name", ErrorKind::Missing);
    let mut doc = base();
    remove(&mut doc, "/clients/0/statements/1/closing_date");
    assert_refused(
        &doc,
        "clients[0].statements[1].closing_date",
        ErrorKind::Missing,
    );
    // An empty name is a name.
    assert!(read_document(&base_with("/clients/0/name", json!("")).to_string()).is_ok());
}

#[test]
fn dates() {
    for bad in [
        "2025-02-30",
        "2025-13-01",
        "2025-00-10",
        "2023-02-29",
        "2025-2-3",
        "31/12/2025",
        "2025-12-31T00:00:00Z",
        "",
        "20251231",
    ] {
        assert_refused(
            &base_with("/clients/0/statements/0/closing_date", json!(bad)),
            "clients[0].statements[0].closing_date",
            ErrorKind::BadDate,
        );
    }
    assert_refused(
        &base_with("/clients/0/created_on", json!("2025-02-30")),
        "clients[0].created_on",
        ErrorKind::BadDate,
    );
    assert_refused(
        &base_with("/clients/0/created_on", json!(20250101)),
        "clients[0].created_on",
        ErrorKind::NotAString,
    );
    let leap =
        read(&base_with("/clients/0/statements/0/closing_date", json!("2024-02-29")).to_string());
    assert_eq!(
        leap.clients[0].statements[0].closing_date,
        date(2024, 2, 29)
    );
}

#[test]
fn duration_months() {
    let path = "clients[0].statements[0].duration_months";
    for bad in [json!(0), json!(25), json!(-1), json!(1000), json!(1e300)] {
        assert_refused(
            &base_with("/clients/0/statements/0/duration_months", bad),
            path,
            ErrorKind::DurationOutOfRange,
        );
    }
    for bad in [json!(12.5), json!("12"), json!(true)] {
        assert_refused(
            &base_with("/clients/0/statements/0/duration_months", bad),
            path,
            ErrorKind::NotAWholeNumber,
        );
    }
    for ok in [MIN_DURATION_MONTHS, 6, 18, MAX_DURATION_MONTHS] {
        let doc =
            read(&base_with("/clients/0/statements/0/duration_months", json!(ok)).to_string());
        assert_eq!(doc.clients[0].statements[0].duration_months, ok);
    }
}

#[test]
fn whole_numbers() {
    let cases = [
        (
            "/clients/0/statements/0/headcount",
            "clients[0].statements[0].headcount",
        ),
        ("/clients/0/trade/terms_days", "clients[0].trade.terms_days"),
        (
            "/clients/0/trade/expected_delay_days",
            "clients[0].trade.expected_delay_days",
        ),
        (
            "/clients/0/qualitative/payment_incidents_12m",
            "clients[0].qualitative.payment_incidents_12m",
        ),
    ];
    for (pointer, path) in cases {
        let mut with_parents = base();
        put(&mut with_parents, "/clients/0/trade", json!({}));
        put(&mut with_parents, "/clients/0/qualitative", json!({}));
        for (bad, kind) in [
            (json!(-1), ErrorKind::NotAWholeNumber),
            (json!(1.5), ErrorKind::NotAWholeNumber),
            (json!("3"), ErrorKind::NotAWholeNumber),
            (json!(4_294_967_296u64), ErrorKind::NumberOutOfRange),
            (json!(1e20), ErrorKind::NumberOutOfRange),
        ] {
            let mut doc = with_parents.clone();
            put(&mut doc, pointer, bad);
            assert_refused(&doc, path, kind);
        }
        let mut doc = with_parents.clone();
        put(&mut doc, pointer, json!(u32::MAX));
        assert!(read_document(&doc.to_string()).is_ok(), "{path}");
    }
    let doc = base_with(
        "/clients/0/qualitative",
        json!({ "payment_history": { "new_client": false, "avg_days_late": -3 } }),
    );
    assert_refused(
        &doc,
        "clients[0].qualitative.payment_history.avg_days_late",
        ErrorKind::NotAWholeNumber,
    );
}

#[test]
fn information_quality() {
    let path = "clients[0].qualitative.information_quality";
    for bad in [json!(0), json!(6), json!(-1), json!(255), json!(256)] {
        assert_refused(
            &base_with(
                "/clients/0/qualitative",
                json!({ "information_quality": bad }),
            ),
            path,
            ErrorKind::QualityOutOfRange,
        );
    }
    assert_refused(
        &base_with(
            "/clients/0/qualitative",
            json!({ "information_quality": 2.5 }),
        ),
        path,
        ErrorKind::NotAWholeNumber,
    );
    for q in 1u8..=5 {
        let doc = read(
            &base_with(
                "/clients/0/qualitative",
                json!({ "information_quality": q }),
            )
            .to_string(),
        );
        assert_eq!(doc.clients[0].qualitative.information_quality, Some(q));
    }
}

#[test]
fn closed_lists() {
    assert_refused(
        &base_with("/clients/0/sector_risk", json!("extreme")),
        "clients[0].sector_risk",
        ErrorKind::UnknownValue("extreme".into()),
    );
    assert_refused(
        &base_with("/clients/0/sector_risk", json!("Low")),
        "clients[0].sector_risk",
        ErrorKind::UnknownValue("Low".into()),
    );
    assert_refused(
        &base_with("/clients/0/sector_risk", json!(1)),
        "clients[0].sector_risk",
        ErrorKind::NotAString,
    );
    assert_refused(
        &base_with(
            "/clients/0/qualitative",
            json!({ "collective_proceeding": "bankrupt" }),
        ),
        "clients[0].qualitative.collective_proceeding",
        ErrorKind::UnknownValue("bankrupt".into()),
    );
    assert_refused(
        &base_with("/clients/0/trade", json!({ "terms_basis": "eom" })),
        "clients[0].trade.terms_basis",
        ErrorKind::UnknownValue("eom".into()),
    );
    // A long unknown value is quoted cut short.
    let long = "z".repeat(5000);
    let e = refusal(&base_with("/clients/0/sector_risk", json!(long)));
    match e.kind {
        ErrorKind::UnknownValue(v) => assert!(v.chars().count() < 50),
        other => panic!("{other:?}"),
    }
    for (key, want) in [
        ("low", SectorRisk::Low),
        ("medium", SectorRisk::Medium),
        ("high", SectorRisk::High),
    ] {
        let doc = read(&base_with("/clients/0/sector_risk", json!(key)).to_string());
        assert_eq!(doc.clients[0].sector_risk, Some(want));
    }
}

#[test]
fn ratings() {
    let rating = json!({
        "policy_version": 2, "rated_on": "2026-03-01", "class": "C",
        "score": "55.5", "limit": "12000", "comment": "ignored"
    });
    let doc = read(&base_with("/clients/0/rating", rating.clone()).to_string());
    assert_eq!(
        doc.clients[0].rating,
        Some(RatingRecord {
            policy_version: 2,
            rated_on: date(2026, 3, 1),
            class: RiskClass::C,
            score: Some(d("55.5")),
            limit: d("12000"),
        })
    );
    let cases = [
        ("class", json!("F"), ErrorKind::UnknownValue("F".into())),
        ("class", Value::Null, ErrorKind::Missing),
        ("rated_on", json!("2026-02-30"), ErrorKind::BadDate),
        ("limit", json!("lots"), ErrorKind::NotANumber),
        ("limit", Value::Null, ErrorKind::Missing),
        ("score", json!("1e40"), ErrorKind::AmountOutOfRange),
        ("policy_version", json!(-1), ErrorKind::NotAWholeNumber),
    ];
    for (key, value, kind) in cases {
        let mut r = rating.clone();
        r[key] = value;
        assert_refused(
            &base_with("/clients/0/rating", r),
            &format!("clients[0].rating.{key}"),
            kind,
        );
    }
    assert_refused(
        &base_with("/clients/0/rating", json!("A")),
        "clients[0].rating",
        ErrorKind::NotAnObject,
    );
}

#[test]
fn at_most_five_statements() {
    let year = |y: i32| json!({ "closing_date": format!("{y}-12-31") });
    let five: Vec<Value> = (2021..2021 + MAX_STATEMENTS as i32).map(year).collect();
    let doc = read(&base_with("/clients/0/statements", json!(five)).to_string());
    assert_eq!(doc.clients[0].statements.len(), MAX_STATEMENTS);
    let six: Vec<Value> = (2020..2021 + MAX_STATEMENTS as i32).map(year).collect();
    assert_refused(
        &base_with("/clients/0/statements", json!(six)),
        "clients[0].statements",
        ErrorKind::TooManyStatements,
    );
}

#[test]
fn duplicate_ids_in_one_document() {
    let doc = json!({
        "format": "encours", "version": 1,
        "clients": [
            { "id": "a", "name": "A" },
            { "id": "b", "name": "B" },
            { "id": "a", "name": "A again" }
        ]
    });
    assert_refused(&doc, "clients[2].id", ErrorKind::DuplicateId);
}

#[test]
fn invalid_policy_is_reported_at_policy() {
    let e = refusal(&base_with("/policy", json!({ "version": "one" })));
    assert_eq!(e.path, "policy");
    assert!(matches!(e.kind, ErrorKind::InvalidPolicy(_)), "{e:?}");
    let policy = serde_json::to_value(Policy::default()).expect("policy");
    let doc = read(&base_with("/policy", policy).to_string());
    assert_eq!(doc.policy, Some(Policy::default()));
}

#[test]
fn first_error_wins_in_document_order() {
    let mut doc = base();
    put(
        &mut doc,
        "/clients/0/statements/0/duration_months",
        json!(0),
    );
    put(
        &mut doc,
        "/clients/0/statements/1/balance_sheet/cash",
        json!("x"),
    );
    assert_refused(
        &doc,
        "clients[0].statements[0].duration_months",
        ErrorKind::DurationOutOfRange,
    );
}

// ----------------------------------------------------------------------------------------------
// Hostile input
// ----------------------------------------------------------------------------------------------

#[test]
fn invalid_json() {
    for bad in [
        "",
        "{",
        "not json",
        "{\"format\": \"encours\",}",
        "{'format': 'encours'}",
        "[1, 2",
        "\u{0}",
        "{\"a\": NaN}",
    ] {
        match read_document(bad) {
            Err(ExchangeError {
                path,
                kind: ErrorKind::InvalidJson(detail),
            }) => {
                assert_eq!(path, "");
                assert!(!detail.is_empty());
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    let e = read_document("{").expect_err("refused");
    assert!(e.message(Lang::En).contains("not valid JSON"));
    assert!(e.message(Lang::Fr).contains("JSON valide"));
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let n = 10_000;
    let arrays = format!("{}{}", "[".repeat(n), "]".repeat(n));
    let objects = format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
    let in_a_client = format!(
        "{{\"format\":\"encours\",\"version\":1,\"clients\":[{{\"id\":\"a\",\"name\":\"b\",\"notes\":{}{}}}]}}",
        "[".repeat(n),
        "]".repeat(n)
    );
    for text in [arrays, objects, in_a_client] {
        match read_document(&text) {
            Err(ExchangeError {
                kind: ErrorKind::InvalidJson(detail),
                ..
            }) => assert!(detail.contains("nested"), "{detail}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn size_limit() {
    // A 21 MB name.
    let big = base_with("/clients/0/name", json!("x".repeat(21 * 1024 * 1024))).to_string();
    assert_eq!(
        read_document(&big),
        Err(ExchangeError {
            path: String::new(),
            kind: ErrorKind::TooLarge
        })
    );
    // 21 MB of anything, valid or not, is refused before parsing.
    assert_eq!(
        read_document(&"[".repeat(21_000_000)).map_err(|e| e.kind),
        Err(ErrorKind::TooLarge)
    );
    // The limit itself: padding a valid document with spaces to exactly the limit is read,
    // one byte more is not.
    let text = base().to_string();
    let mut at_limit = text.clone();
    at_limit.push_str(&" ".repeat(MAX_INPUT_BYTES - text.len()));
    assert_eq!(at_limit.len(), MAX_INPUT_BYTES);
    assert!(read_document(&at_limit).is_ok());
    at_limit.push(' ');
    assert_eq!(
        read_document(&at_limit).map_err(|e| e.kind),
        Err(ErrorKind::TooLarge)
    );
    let e = read_document(&at_limit).expect_err("too large");
    assert!(e.message(Lang::Fr).contains("20 Mo"));
}

// ----------------------------------------------------------------------------------------------
// Import conflicts
// ----------------------------------------------------------------------------------------------

fn named(id: &str, name: &str) -> ClientFile {
    ClientFile {
        id: id.into(),
        name: name.into(),
        ..ClientFile::default()
    }
}

fn ids(v: &[ClientFile]) -> Vec<&str> {
    v.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn conflicts_lists_incoming_indices_with_a_known_id() {
    let existing = [named("a", "A"), named("b", "B")];
    let incoming = [named("b", "B2"), named("c", "C"), named("a", "A2")];
    assert_eq!(conflicts(&existing, &incoming), vec![0, 2]);
    assert_eq!(conflicts(&[], &incoming), Vec::<usize>::new());
    assert_eq!(conflicts(&existing, &[]), Vec::<usize>::new());
}

#[test]
fn merge_replace_keeps_the_position() {
    let existing = vec![named("a", "A"), named("b", "B"), named("c", "C")];
    let incoming = vec![named("b", "B new"), named("d", "D")];
    let out = merge(existing, incoming, |_| ConflictChoice::Replace);
    assert_eq!(ids(&out), ["a", "b", "c", "d"]);
    assert_eq!(out[1].name, "B new");
}

#[test]
fn merge_keep_both_gives_a_fresh_id() {
    let existing = vec![named("a", "A"), named("b", "B")];
    let incoming = vec![named("a", "A new")];
    let out = merge(existing, incoming, |_| ConflictChoice::KeepBoth);
    assert_eq!(ids(&out), ["a", "b", "a-2"]);
    assert_eq!(out[0].name, "A");
    assert_eq!(out[2].name, "A new");

    // "-2" already stored: "-3"; and an id that an incoming file carries is not handed out.
    let existing = vec![named("a", "A"), named("a-2", "A2")];
    let incoming = vec![named("a", "A new"), named("a-3", "incoming a-3")];
    let out = merge(existing, incoming, |_| ConflictChoice::KeepBoth);
    assert_eq!(ids(&out), ["a", "a-2", "a-4", "a-3"]);

    // Importing the same file twice with keep both.
    let first = merge(vec![named("x", "X")], vec![named("x", "X")], |_| {
        ConflictChoice::KeepBoth
    });
    let second = merge(first, vec![named("x", "X")], |_| ConflictChoice::KeepBoth);
    assert_eq!(ids(&second), ["x", "x-2", "x-3"]);
}

#[test]
fn merge_skip_leaves_the_stored_file() {
    let existing = vec![named("a", "A"), named("b", "B")];
    let incoming = vec![named("a", "A new"), named("c", "C")];
    let out = merge(existing, incoming, |_| ConflictChoice::Skip);
    assert_eq!(ids(&out), ["a", "b", "c"]);
    assert_eq!(out[0].name, "A");
}

#[test]
fn merge_asks_only_about_conflicts_and_per_client() {
    let asked = Cell::new(0);
    let existing = vec![named("a", "A"), named("b", "B"), named("c", "C")];
    let incoming = vec![
        named("a", "A new"),
        named("new", "N"),
        named("b", "B new"),
        named("c", "C new"),
    ];
    let out = merge(existing, incoming, |c| {
        asked.set(asked.get() + 1);
        match c.id.as_str() {
            "a" => ConflictChoice::Replace,
            "b" => ConflictChoice::KeepBoth,
            _ => ConflictChoice::Skip,
        }
    });
    assert_eq!(asked.get(), 3);
    assert_eq!(ids(&out), ["a", "b", "c", "new", "b-2"]);
    let names: Vec<&str> = out.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["A new", "B", "C", "N", "B new"]);
}

#[test]
fn fresh_ids() {
    assert_eq!(fresh_id("a", |_| false), "a");
    assert_eq!(fresh_id("a", |s| s == "a"), "a-2");
    assert_eq!(fresh_id("a", |s| ["a", "a-2", "a-3"].contains(&s)), "a-4");
    assert_eq!(fresh_id("", |s| s.is_empty()), "-2");
}

// ----------------------------------------------------------------------------------------------
// Properties
// ----------------------------------------------------------------------------------------------

fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        1 => Just(MAX_AMOUNT),
        1 => Just(-MAX_AMOUNT),
        1 => Just(Decimal::ZERO),
        10 => (0u32..=6).prop_flat_map(|scale| {
            let bound = 10i128.pow(15 + scale);
            (-bound..=bound).prop_map(move |m| Decimal::from_i128_with_scale(m, scale))
        }),
    ]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i32..=9999, 1u32..=12, 1u32..=31).prop_filter_map("a calendar date", |(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just(String::new()),
        1 => "[ -~]{0,20}",
    ]
}

fn statement() -> impl Strategy<Value = Statement> {
    (
        any_date(),
        MIN_DURATION_MONTHS..=MAX_DURATION_MONTHS,
        proptest::option::of(any::<u32>()),
        proptest::collection::vec(proptest::option::of(amount()), BalanceLine::ALL.len()),
        proptest::collection::vec(proptest::option::of(amount()), IncomeLine::ALL.len()),
        proptest::collection::vec(proptest::option::of(amount()), ReportedLine::ALL.len()),
    )
        .prop_map(|(closing, months, headcount, bs, is, rep)| {
            let mut s = Statement::new(closing);
            s.duration_months = months;
            s.headcount = headcount;
            for (&l, v) in BalanceLine::ALL.iter().zip(bs) {
                s.balance_sheet.set(l, v);
            }
            for (&l, v) in IncomeLine::ALL.iter().zip(is) {
                s.income_statement.set(l, v);
            }
            for (&l, v) in ReportedLine::ALL.iter().zip(rep) {
                s.reported.set(l, v);
            }
            s
        })
}

fn qualitative() -> impl Strategy<Value = Qualitative> {
    (
        any::<bool>(),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        proptest::sample::select(CollectiveProceeding::ALL.to_vec()),
        proptest::option::of(1u8..=5),
    )
        .prop_map(
            |(new_client, late, incidents, proceeding, quality)| Qualitative {
                payment_history: PaymentHistory {
                    new_client,
                    avg_days_late: late,
                },
                payment_incidents_12m: incidents,
                collective_proceeding: proceeding,
                information_quality: quality,
            },
        )
}

fn trade() -> impl Strategy<Value = Trade> {
    (
        proptest::option::of(amount()),
        proptest::option::of(any::<u32>()),
        any::<bool>(),
        proptest::option::of(any::<u32>()),
        proptest::option::of(amount()),
        proptest::option::of(amount()),
        proptest::option::of(amount()),
    )
        .prop_map(
            |(sales, terms, eom, delay, cover, guarantees, requested)| Trade {
                expected_annual_sales: sales,
                terms_days: terms,
                terms_basis: if eom {
                    TermsBasis::EndOfMonth
                } else {
                    TermsBasis::Net
                },
                expected_delay_days: delay,
                insurance_cover: cover,
                guarantees,
                requested_limit: requested,
            },
        )
}

fn rating() -> impl Strategy<Value = Option<RatingRecord>> {
    proptest::option::of(
        (
            any::<u32>(),
            any_date(),
            proptest::sample::select(RiskClass::ALL.to_vec()),
            proptest::option::of(amount()),
            amount(),
        )
            .prop_map(
                |(policy_version, rated_on, class, score, limit)| RatingRecord {
                    policy_version,
                    rated_on,
                    class,
                    score,
                    limit,
                },
            ),
    )
}

/// An item as the reader accepts it: `open` on the side of `amount` and no larger (a fraction of
/// it, kept to the amount's scale), `paid_on` only when nothing is open.
fn ledger_item() -> impl Strategy<Value = Item> {
    (
        (
            text(),
            proptest::sample::select(ItemKind::ALL.to_vec()),
            any_date(),
            proptest::option::of(any_date()),
            amount(),
            0u32..=4,
            proptest::option::of(any_date()),
            any::<bool>(),
        ),
        proptest::collection::vec((text(), any_date(), text()), 0..3),
    )
        .prop_map(
            |((reference, kind, issued_on, due_on, amount, quarters, paid, disputed), acts)| {
                // 0, ¼, ½, ¾ or all of the amount, truncated to its scale (so |open| ≤ |amount|).
                let open = (amount * Decimal::from(quarters) / Decimal::from(4))
                    .trunc_with_scale(amount.scale());
                // A tiny negative amount truncates to −0: written "0" like any zero.
                let open = if open.is_zero() { open.abs() } else { open };
                Item {
                    reference,
                    kind,
                    issued_on,
                    due_on,
                    amount,
                    open,
                    paid_on: if open.is_zero() { paid } else { None },
                    disputed,
                    actions: acts
                        .into_iter()
                        .map(|(stage, on, note)| Action { stage, on, note })
                        .collect(),
                }
            },
        )
}

fn ledger() -> impl Strategy<Value = Option<Ledger>> {
    proptest::option::of(
        (
            // Codes made unique by a random number (across the clients of a document) and their
            // index (within the ledger); the prefix brings odd characters.
            proptest::collection::vec((text(), any::<u64>()), 0..4),
            any_date(),
            proptest::option::of(any_date()),
            proptest::option::of(amount()),
            any::<bool>(),
            proptest::collection::vec(ledger_item(), 0..5),
            // Distinct months, oldest first, at most 24.
            proptest::collection::btree_map(0i32..120_000, amount(), 0..=MAX_MONTHS),
            proptest::collection::vec((any_date(), amount()), 0..3),
        )
            .prop_map(
                |(codes, as_of, history_from, limit, default_terms, items, months, events)| {
                    Ledger {
                        customer_codes: codes
                            .into_iter()
                            .enumerate()
                            .map(|(i, (prefix, n))| format!("{prefix}{n:x}-{i}"))
                            .collect(),
                        as_of,
                        history_from,
                        authorised_limit: limit,
                        default_terms,
                        items,
                        months: months
                            .into_iter()
                            .filter_map(|(m, sales)| {
                                let month = date(m / 12, u32::try_from(m % 12).ok()? + 1, 1);
                                Some(MonthSales { month, sales })
                            })
                            .collect(),
                        events: events
                            .into_iter()
                            .map(|(on, amount)| Event {
                                kind: EventKind::Doubtful,
                                on,
                                amount,
                            })
                            .collect(),
                    }
                },
            ),
    )
}

fn client_file() -> impl Strategy<Value = ClientFile> {
    (
        (
            text().prop_filter("ids are not empty", |s| !s.is_empty()),
            text(),
            text(),
            text(),
            text(),
            proptest::option::of(any_date()),
            proptest::option::of(proptest::sample::select(SectorRisk::ALL.to_vec())),
            text(),
        ),
        qualitative(),
        trade(),
        proptest::collection::vec(statement(), 0..=MAX_STATEMENTS),
        rating(),
        (text(), ledger()),
    )
        .prop_map(
            |(
                (id, name, siren, legal_form, naf_code, created_on, sector_risk, notes),
                qualitative,
                trade,
                statements,
                rating,
                (sales_rep, ledger),
            )| ClientFile {
                id,
                name,
                siren,
                legal_form,
                naf_code,
                created_on,
                sector_risk,
                qualitative,
                trade,
                statements,
                notes,
                rating,
                sales_rep,
                ledger,
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    (
        proptest::option::of(text()),
        any::<bool>(),
        proptest::collection::vec(client_file(), 0..4),
    )
        .prop_map(|(exported_at, with_policy, mut clients)| {
            // Ids unique within the document, as the reader demands.
            for (i, c) in clients.iter_mut().enumerate() {
                c.id = format!("{}#{i}", c.id);
            }
            Document {
                exported_at,
                policy: with_policy.then(Policy::default),
                clients,
            }
        })
}

/// "clients[3].statements[0].cash" → "/clients/3/statements/0/cash".
fn pointer_of(path: &str) -> String {
    let mut out = String::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next() {
            out.push('/');
            out.push_str(key);
        }
        for index in pieces {
            out.push('/');
            out.push_str(index.trim_end_matches(']'));
        }
    }
    out
}

/// A refusal names a place of `doc`: the value refused, or for a missing field (or a missing
/// format) the object that lacks it.
fn refusal_names_a_real_place(doc: &Value, e: &ExchangeError) -> Result<(), TestCaseError> {
    let pointer = pointer_of(&e.path);
    match e.kind {
        ErrorKind::Missing | ErrorKind::UnknownFormat => {
            let parent = pointer.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
            prop_assert!(doc.pointer(parent).is_some(), "{}", e);
        }
        _ => prop_assert!(doc.pointer(&pointer).is_some(), "{}", e),
    }
    Ok(())
}

/// A random JSON value, keys drawn from the format's own names so the walk goes deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        proptest::sample::select(vec![
            "abc",
            "",
            "1e40",
            "12",
            "-0.5",
            "2025-02-30",
            "2025-12-31",
            "low",
            "net",
            "NR",
            "encours",
        ])
        .prop_map(|s| json!(s)),
        any::<String>().prop_map(Value::String),
    ];
    let keys = proptest::sample::select(vec![
        "format",
        "version",
        "clients",
        "id",
        "name",
        "statements",
        "closing_date",
        "duration_months",
        "headcount",
        "balance_sheet",
        "cash",
        "income_statement",
        "wages",
        "reported",
        "qualitative",
        "payment_history",
        "new_client",
        "trade",
        "terms_basis",
        "rating",
        "class",
        "limit",
        "policy",
        "sector_risk",
        "other",
    ]);
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone().prop_map(String::from), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every node of `v`, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(child, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn write_then_read_is_the_identity(doc in document()) {
        let text = write_document(&doc);
        let back = read_document(&text);
        prop_assert_eq!(back.as_ref(), Ok(&doc));
        // And writing what was read gives the same text.
        if let Ok(back) = back {
            prop_assert_eq!(write_document(&back), text);
        }
    }

    #[test]
    fn client_json_is_the_identity(c in client_file()) {
        prop_assert_eq!(client_from_value(&client_to_json(&c), "clients[0]"), Ok(c));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_string_makes_the_reader_panic(s in any::<String>()) {
        let _ = read_document(&s);
    }

    #[test]
    fn no_bytes_make_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_document(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_json_is_read_or_refused_with_a_real_place(clients in json_value()) {
        let doc = json!({ "format": "encours", "version": 1, "clients": clients });
        if let Err(e) = read_document(&doc.to_string()) {
            let pointer = pointer_of(&e.path);
            match e.kind {
                // Missing names a field the parent lacks.
                ErrorKind::Missing => {
                    let parent = pointer.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
                    prop_assert!(doc.pointer(parent).is_some(), "{}", e);
                }
                _ => prop_assert!(doc.pointer(&pointer).is_some(), "{}", e),
            }
        }
    }

    #[test]
    fn mutating_the_demo_never_panics_and_errors_name_real_places(
        pick in any::<proptest::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut doc: Value = serde_json::from_str(SAMPLE).expect("sample");
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let target = pick.get(&all).clone();
        if target.is_empty() {
            doc = replacement;
        } else if let Some(slot) = doc.pointer_mut(&target) {
            *slot = replacement;
        }
        if let Err(e) = read_document(&doc.to_string()) {
            refusal_names_a_real_place(&doc, &e)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_whole_documents_are_read_or_refused_with_a_real_place(
        doc in json_value(),
        header in any::<bool>(),
    ) {
        // Half of them with a right header, so that the walk goes past it.
        let mut doc = doc;
        if header {
            if let Some(m) = doc.as_object_mut() {
                m.insert("format".into(), json!("encours"));
                m.insert("version".into(), json!(1));
            }
        }
        if let Err(e) = read_document(&doc.to_string()) {
            refusal_names_a_real_place(&doc, &e)?;
        }
    }

    #[test]
    fn a_random_policy_is_read_or_refused_at_policy(policy in json_value()) {
        let doc = json!({ "format": "encours", "version": 1, "policy": policy, "clients": [] });
        match read_document(&doc.to_string()) {
            Ok(_) => {}
            Err(e) => prop_assert_eq!(e.path, "policy"),
        }
    }
}
