//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use encours::domain::analysis::{analyse, Analysis};
use encours::domain::client::ClientFile;
use encours::domain::exchange::{client_from_json, read_document, ExchangeError};
use encours::domain::json_tree::Json;
use encours::domain::policy::Policy;
use rust_decimal::Decimal;

/// A decimal from a literal (a typo fails the test).
pub fn d(s: &str) -> Decimal {
    match s.parse() {
        Ok(v) => v,
        Err(e) => panic!("bad test decimal {s}: {e}"),
    }
}

pub fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(v) => v,
        None => panic!("bad test date {y}-{m}-{day}"),
    }
}

/// The analysis date of every demo test.
pub fn today() -> NaiveDate {
    date(2026, 11, 22)
}

/// The demo portfolio shipped with the app.
pub fn demo() -> Vec<ClientFile> {
    match read_document(include_str!("../../samples/demo-portfolio.json")) {
        Ok(doc) => doc.clients,
        Err(e) => panic!("demo portfolio refused: {e}"),
    }
}

/// One file of the demo portfolio.
pub fn demo_client(id: &str) -> ClientFile {
    match demo().into_iter().find(|c| c.id == id) {
        Some(c) => c,
        None => panic!("no demo client {id}"),
    }
}

pub fn run(file: &ClientFile) -> Analysis {
    analyse(file, &Policy::default(), today())
}

/// A figure rounded as `data-value` shows it: four places, half-even.
pub fn r4(v: Option<Decimal>) -> String {
    encours::domain::figure::ratio_value(v)
}

pub fn r2(v: Option<Decimal>) -> String {
    encours::domain::figure::amount_value(v)
}

/// The exchange reader on a `serde_json::Value`, through its text (the reader walks a tree
/// borrowing the text it parsed).
pub fn client_from_value(v: &serde_json::Value, path: &str) -> Result<ClientFile, ExchangeError> {
    let text = v.to_string();
    match Json::parse(&text) {
        Ok(tree) => client_from_json(&tree, path),
        Err(e) => panic!("serde_json wrote invalid JSON: {e}"),
    }
}

/// The time every test record is saved at.
pub fn saved_at() -> String {
    "2026-11-22T09:00:00.000Z".to_string()
}

/// A workspace opened on `kv`, as a tab opening the app on the demo day (the save indicator
/// reads 10:00).
pub fn open_workspace(kv: &std::rc::Rc<encours::store::MemoryKv>) -> encours::workspace::Workspace {
    let store = encours::store::Store::new(Box::new(kv.clone()), saved_at);
    encours::workspace::Workspace::open(store, today(), || "10:00".to_string())
}
