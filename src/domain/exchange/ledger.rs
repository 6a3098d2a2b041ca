//! A client's `ledger` in the exchange format (docs/receivables.md §1): read with its places like
//! the rest of a client file, written compactly — storage holds 1,000 of them with 20 items and
//! 24 months each, so nothing absent or default is written (no null, no `false`, no `[]` but
//! the three lists every ledger has).

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::read::{amount, boolean, choice, date, object, optional, required, string, Path};
use super::{ErrorKind, ExchangeError};
use crate::domain::json_tree::Json;
use crate::domain::parse::parse_iso_date;
use crate::domain::receivables::ledger::{
    Action, Event, EventKind, Item, ItemKind, Ledger, MonthSales, MAX_MONTHS,
};

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// The list at `key`, empty when absent or null.
fn list<'v, 'a>(
    m: &'v Json<'a>,
    key: &'static str,
    p: &Path,
) -> Result<&'v [Json<'a>], ExchangeError> {
    match optional(m, key) {
        Some(v) => v
            .as_array()
            .ok_or_else(|| p.key(key).err(ErrorKind::NotAList)),
        None => Ok(&[]),
    }
}

fn optional_date(
    m: &Json,
    key: &'static str,
    p: &Path,
) -> Result<Option<NaiveDate>, ExchangeError> {
    optional(m, key).map(|v| date(v, &p.key(key))).transpose()
}

/// A flag written only when true; absent or null is false.
fn flag(m: &Json, key: &'static str, p: &Path) -> Result<bool, ExchangeError> {
    Ok(optional(m, key)
        .map(|v| boolean(v, &p.key(key)))
        .transpose()?
        .unwrap_or(false))
}

/// A calendar month written exactly `YYYY-MM`, as its first day.
fn month(v: &Json, p: &Path) -> Result<NaiveDate, ExchangeError> {
    let s = v.as_str().ok_or_else(|| p.err(ErrorKind::NotAString))?;
    // Seven characters plus "-01" is the only way to a ten-character ISO date, so this is as
    // strict as the dates: "2025-5", "2025-13", "2025-05-01" are all refused.
    let first = (s.len() == 7)
        .then(|| parse_iso_date(&format!("{s}-01")))
        .flatten();
    first.ok_or_else(|| p.err(ErrorKind::BadMonth))
}

/// Reads the `ledger` of a client; `p` is its place (`clients[0].ledger`).
pub(super) fn ledger_at(v: &Json, p: &Path) -> Result<Ledger, ExchangeError> {
    let m = object(v, p)?;

    let cp = p.key("customer_codes");
    let mut customer_codes = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, c) in list(m, "customer_codes", p)?.iter().enumerate() {
        let ip = cp.index(i);
        let code = c.as_str().ok_or_else(|| ip.err(ErrorKind::NotAString))?;
        if code.trim().is_empty() {
            return Err(ip.err(ErrorKind::Empty));
        }
        if !seen.insert(code) {
            return Err(ip.err(ErrorKind::DuplicateCode));
        }
        customer_codes.push(code.to_string());
    }

    let as_of = date(required(m, "as_of", p)?, &p.key("as_of"))?;
    let history_from = optional_date(m, "history_from", p)?;
    let authorised_limit = optional(m, "authorised_limit")
        .map(|v| amount(v, &p.key("authorised_limit")))
        .transpose()?;
    let default_terms = flag(m, "default_terms", p)?;

    let ip = p.key("items");
    let items = list(m, "items", p)?
        .iter()
        .enumerate()
        .map(|(i, v)| item_at(v, &ip.index(i)))
        .collect::<Result<Vec<_>, _>>()?;

    let mp = p.key("months");
    let month_list = list(m, "months", p)?;
    // Refused rather than cut to the latest 24: the writer never writes more, so more means a
    // file made by hand or by another tool, and dropping sales silently would change its DSO.
    if month_list.len() > MAX_MONTHS {
        return Err(mp.err(ErrorKind::TooManyMonths));
    }
    let mut months: Vec<MonthSales> = Vec::with_capacity(month_list.len());
    for (i, v) in month_list.iter().enumerate() {
        let at = mp.index(i);
        let o = object(v, &at)?;
        let first = month(required(o, "month", &at)?, &at.key("month"))?;
        // Oldest first, each month once: the count-back DSO walks them in that order.
        if months.last().is_some_and(|prev| prev.month >= first) {
            return Err(at.key("month").err(ErrorKind::MonthsOutOfOrder));
        }
        let sales = amount(required(o, "sales", &at)?, &at.key("sales"))?;
        months.push(MonthSales {
            month: first,
            sales,
        });
    }

    let ep = p.key("events");
    let events = list(m, "events", p)?
        .iter()
        .enumerate()
        .map(|(i, v)| event_at(v, &ep.index(i)))
        .collect::<Result<Vec<_>, _>>()?;

    Ok(Ledger {
        customer_codes,
        as_of,
        history_from,
        authorised_limit,
        default_terms,
        items,
        months,
        events,
    })
}

fn item_at(v: &Json, p: &Path) -> Result<Item, ExchangeError> {
    let m = object(v, p)?;
    let reference = string(required(m, "ref", p)?, &p.key("ref"))?;
    let kind = choice(required(m, "kind", p)?, &p.key("kind"), ItemKind::from_key)?;
    let issued_on = date(required(m, "issued_on", p)?, &p.key("issued_on"))?;
    let due_on = optional_date(m, "due_on", p)?;
    let value = amount(required(m, "amount", p)?, &p.key("amount"))?;
    let open = amount(required(m, "open", p)?, &p.key("open"))?;
    // What remains is part of the document: same side, never more (0 is either side).
    let same_side = open.is_zero() || (open > Decimal::ZERO) == (value > Decimal::ZERO);
    if !same_side || open.abs() > value.abs() {
        return Err(p.key("open").err(ErrorKind::OpenBeyondAmount));
    }
    let paid_on = optional_date(m, "paid_on", p)?;
    if paid_on.is_some() && !open.is_zero() {
        return Err(p.key("paid_on").err(ErrorKind::PaidWhileOpen));
    }
    let disputed = flag(m, "disputed", p)?;
    let ap = p.key("actions");
    let actions = list(m, "actions", p)?
        .iter()
        .enumerate()
        .map(|(i, v)| action_at(v, &ap.index(i)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Item {
        reference,
        kind,
        issued_on,
        due_on,
        amount: value,
        open,
        paid_on,
        disputed,
        actions,
    })
}

fn action_at(v: &Json, p: &Path) -> Result<Action, ExchangeError> {
    let m = object(v, p)?;
    Ok(Action {
        stage: string(required(m, "stage", p)?, &p.key("stage"))?,
        on: date(required(m, "on", p)?, &p.key("on"))?,
        note: match optional(m, "note") {
            Some(v) => string(v, &p.key("note"))?,
            None => String::new(),
        },
    })
}

fn event_at(v: &Json, p: &Path) -> Result<Event, ExchangeError> {
    let m = object(v, p)?;
    Ok(Event {
        kind: choice(required(m, "kind", p)?, &p.key("kind"), EventKind::from_key)?,
        on: date(required(m, "on", p)?, &p.key("on"))?,
        amount: amount(required(m, "amount", p)?, &p.key("amount"))?,
    })
}

/// Claims the customer codes of a client already read (`client` is its JSON, `p` its place) for
/// its file: a code another client of the document claimed is refused at its place. Runs after
/// [`ledger_at`] accepted the ledger, so every code there is a string, each once.
pub(super) fn claim_codes<'v>(
    client: &'v Json,
    seen: &mut HashSet<&'v str>,
    p: &Path,
) -> Result<(), ExchangeError> {
    let codes = client
        .get("ledger")
        .and_then(|l| l.get("customer_codes"))
        .and_then(Json::as_array)
        .unwrap_or(&[]);
    for (i, code) in codes.iter().enumerate() {
        let Some(code) = code.as_str() else { continue };
        if !seen.insert(code) {
            let at = p.key("ledger");
            let at = at.key("customer_codes");
            return Err(at.index(i).err(ErrorKind::CodeOfAnotherFile));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

fn date_text(d: NaiveDate) -> String {
    d.to_string()
}

/// `YYYY-MM`: the date's text without its day, so that a year the dates write oddly is written
/// the same odd way here.
fn month_text(d: NaiveDate) -> String {
    let mut t = date_text(d);
    t.truncate(t.len().saturating_sub(3));
    t
}

/// A ledger as the writer puts it in a client file.
pub(super) struct LedgerOut<'a>(pub &'a Ledger);

impl Serialize for LedgerOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let l = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("customer_codes", &l.customer_codes)?;
        m.serialize_entry("as_of", &date_text(l.as_of))?;
        if let Some(d) = l.history_from {
            m.serialize_entry("history_from", &date_text(d))?;
        }
        if let Some(limit) = l.authorised_limit {
            m.serialize_entry("authorised_limit", &limit.to_string())?;
        }
        if l.default_terms {
            m.serialize_entry("default_terms", &true)?;
        }
        let items: Vec<ItemOut> = l.items.iter().map(ItemOut).collect();
        m.serialize_entry("items", &items)?;
        let months: Vec<MonthOut> = l.months.iter().map(MonthOut).collect();
        m.serialize_entry("months", &months)?;
        if !l.events.is_empty() {
            let events: Vec<EventOut> = l.events.iter().map(EventOut).collect();
            m.serialize_entry("events", &events)?;
        }
        m.end()
    }
}

struct ItemOut<'a>(&'a Item);

impl Serialize for ItemOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let it = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("ref", &it.reference)?;
        m.serialize_entry("kind", it.kind.key())?;
        m.serialize_entry("issued_on", &date_text(it.issued_on))?;
        if let Some(d) = it.due_on {
            m.serialize_entry("due_on", &date_text(d))?;
        }
        m.serialize_entry("amount", &it.amount.to_string())?;
        m.serialize_entry("open", &it.open.to_string())?;
        if let Some(d) = it.paid_on {
            m.serialize_entry("paid_on", &date_text(d))?;
        }
        if it.disputed {
            m.serialize_entry("disputed", &true)?;
        }
        if !it.actions.is_empty() {
            let actions: Vec<ActionOut> = it.actions.iter().map(ActionOut).collect();
            m.serialize_entry("actions", &actions)?;
        }
        m.end()
    }
}

struct ActionOut<'a>(&'a Action);

impl Serialize for ActionOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("stage", &a.stage)?;
        m.serialize_entry("on", &date_text(a.on))?;
        if !a.note.is_empty() {
            m.serialize_entry("note", &a.note)?;
        }
        m.end()
    }
}

struct MonthOut<'a>(&'a MonthSales);

impl Serialize for MonthOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("month", &month_text(self.0.month))?;
        m.serialize_entry("sales", &self.0.sales.to_string())?;
        m.end()
    }
}

struct EventOut<'a>(&'a Event);

impl Serialize for EventOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("kind", e.kind.key())?;
        m.serialize_entry("on", &date_text(e.on))?;
        m.serialize_entry("amount", &e.amount.to_string())?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month_of(text: &str) -> Result<NaiveDate, ExchangeError> {
        let quoted = format!("\"{text}\"");
        let v = Json::parse(&quoted).unwrap_or(Json::Null);
        month(&v, &Path::root("m"))
    }

    #[test]
    fn months_are_strict() {
        assert_eq!(
            month_of("2024-02"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 1).unwrap_or_default())
        );
        for bad in [
            "2025-13",
            "2025-00",
            "2025-5",
            "2025-05-01",
            "25-05",
            "2025/05",
            " 2025-05",
            "abcd-ef",
        ] {
            assert_eq!(
                month_of(bad).map_err(|e| e.kind),
                Err(ErrorKind::BadMonth),
                "{bad}"
            );
        }
    }

    #[test]
    fn month_text_drops_the_day() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default();
        assert_eq!(month_text(d), "2025-07");
        let early = NaiveDate::from_ymd_opt(5, 1, 1).unwrap_or_default();
        assert_eq!(month_text(early), "0005-01");
    }
}
