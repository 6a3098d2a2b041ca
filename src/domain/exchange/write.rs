//! Writing the exchange format: absent lines left out, amounts as decimal strings with the
//! scale they hold, written in place (no copy of the clients).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::*;
use crate::domain::client::{ClientFile, PaymentHistory, Qualitative, RatingRecord, Trade};
use crate::domain::policy::Policy;
use crate::domain::statement::Statement;

fn date_text(d: NaiveDate) -> String {
    // `Display` is ISO 8601, as `%Y-%m-%d` (no strftime machinery in the wasm).
    d.to_string()
}

/// A table of statement lines: the present ones, in liasse order, amounts as strings.
struct LinesOut(Vec<(&'static str, Decimal)>);

impl Serialize for LinesOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            m.serialize_entry(key, &value.to_string())?;
        }
        m.end()
    }
}

struct StatementOut<'a>(&'a Statement);

impl Serialize for StatementOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let st = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("closing_date", &date_text(st.closing_date))?;
        m.serialize_entry("duration_months", &st.duration_months)?;
        if let Some(h) = st.headcount {
            m.serialize_entry("headcount", &h)?;
        }
        if !st.balance_sheet.is_empty() {
            let lines = st.balance_sheet.present().map(|(l, v)| (l.key(), v));
            m.serialize_entry("balance_sheet", &LinesOut(lines.collect()))?;
        }
        if !st.income_statement.is_empty() {
            let lines = st.income_statement.present().map(|(l, v)| (l.key(), v));
            m.serialize_entry("income_statement", &LinesOut(lines.collect()))?;
        }
        if !st.reported.is_empty() {
            let lines = st.reported.present().map(|(l, v)| (l.key(), v));
            m.serialize_entry("reported", &LinesOut(lines.collect()))?;
        }
        m.end()
    }
}

struct QualitativeOut<'a>(&'a Qualitative);

impl Serialize for QualitativeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("payment_history", &PaymentHistoryOut(&q.payment_history))?;
        if let Some(n) = q.payment_incidents_12m {
            m.serialize_entry("payment_incidents_12m", &n)?;
        }
        m.serialize_entry("collective_proceeding", q.collective_proceeding.key())?;
        if let Some(n) = q.information_quality {
            m.serialize_entry("information_quality", &n)?;
        }
        m.end()
    }
}

struct PaymentHistoryOut<'a>(&'a PaymentHistory);

impl Serialize for PaymentHistoryOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("new_client", &h.new_client)?;
        if let Some(n) = h.avg_days_late {
            m.serialize_entry("avg_days_late", &n)?;
        }
        m.end()
    }
}

struct TradeOut<'a>(&'a Trade);

impl Serialize for TradeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = s.serialize_map(None)?;
        let amount = |m: &mut S::SerializeMap, key: &str, v: Option<Decimal>| match v {
            Some(v) => m.serialize_entry(key, &v.to_string()),
            None => Ok(()),
        };
        amount(&mut m, "expected_annual_sales", t.expected_annual_sales)?;
        if let Some(n) = t.terms_days {
            m.serialize_entry("terms_days", &n)?;
        }
        m.serialize_entry("terms_basis", t.terms_basis.key())?;
        if let Some(n) = t.expected_delay_days {
            m.serialize_entry("expected_delay_days", &n)?;
        }
        amount(&mut m, "insurance_cover", t.insurance_cover)?;
        amount(&mut m, "guarantees", t.guarantees)?;
        amount(&mut m, "requested_limit", t.requested_limit)?;
        m.end()
    }
}

struct RatingOut<'a>(&'a RatingRecord);

impl Serialize for RatingOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("policy_version", &r.policy_version)?;
        m.serialize_entry("rated_on", &date_text(r.rated_on))?;
        m.serialize_entry("class", r.class.key())?;
        if let Some(score) = r.score {
            m.serialize_entry("score", &score.to_string())?;
        }
        m.serialize_entry("limit", &r.limit.to_string())?;
        m.end()
    }
}

struct ClientOut<'a>(&'a ClientFile);

impl Serialize for ClientOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &c.id)?;
        m.serialize_entry("name", &c.name)?;
        for (key, text) in [
            ("siren", &c.siren),
            ("legal_form", &c.legal_form),
            ("naf_code", &c.naf_code),
            ("sales_rep", &c.sales_rep),
        ] {
            if !text.is_empty() {
                m.serialize_entry(key, text)?;
            }
        }
        if let Some(d) = c.created_on {
            m.serialize_entry("created_on", &date_text(d))?;
        }
        if let Some(r) = c.sector_risk {
            m.serialize_entry("sector_risk", r.key())?;
        }
        m.serialize_entry("qualitative", &QualitativeOut(&c.qualitative))?;
        m.serialize_entry("trade", &TradeOut(&c.trade))?;
        let statements: Vec<StatementOut> = c.statements.iter().map(StatementOut).collect();
        m.serialize_entry("statements", &statements)?;
        if !c.notes.is_empty() {
            m.serialize_entry("notes", &c.notes)?;
        }
        if let Some(r) = &c.rating {
            m.serialize_entry("rating", &RatingOut(r))?;
        }
        if let Some(l) = &c.ledger {
            m.serialize_entry("ledger", &super::ledger::LedgerOut(l))?;
        }
        m.end()
    }
}

/// The parts of a [`Document`], borrowed: the app writes its clients and policy in place.
struct DocumentOut<'a> {
    exported_at: Option<&'a str>,
    policy: Option<&'a Policy>,
    clients: &'a [ClientFile],
}

impl Serialize for DocumentOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("format", FORMAT)?;
        m.serialize_entry("version", &VERSION)?;
        if let Some(at) = self.exported_at {
            m.serialize_entry("exported_at", at)?;
        }
        if let Some(p) = self.policy {
            m.serialize_entry("policy", p)?;
        }
        let clients: Vec<ClientOut> = self.clients.iter().map(ClientOut).collect();
        m.serialize_entry("clients", &clients)?;
        m.end()
    }
}

/// The document as pretty JSON (format and version first, lines in liasse order, absent lines
/// left out, amounts as decimal strings), ending with a newline.
pub fn write_document(doc: &Document) -> String {
    write_parts(
        doc.exported_at.as_deref(),
        doc.policy.as_ref(),
        &doc.clients,
    )
}

/// [`write_document`] of a document made of these parts, without copying them into one.
pub fn write_parts(
    exported_at: Option<&str>,
    policy: Option<&Policy>,
    clients: &[ClientFile],
) -> String {
    let doc = DocumentOut {
        exported_at,
        policy,
        clients,
    };
    // Serialising these maps of strings, numbers and the derived Policy cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// One client file as a JSON value, the shape it has inside a document.
pub fn client_to_json(c: &ClientFile) -> Value {
    serde_json::to_value(ClientOut(c)).unwrap_or(Value::Null)
}
