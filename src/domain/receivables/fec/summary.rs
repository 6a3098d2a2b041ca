//! A [`FecTable`] at one `as_of`: its customers, their items with kinds, refs and open amounts,
//! their monthly sales and doubtful-debt events (docs/receivables.md §2).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::allocation::{allocate, Piece};
use super::kinds::{account_class, default_opening, usable_prefixes, Entry, RECEIVABLE};
use super::table::{FecTable, Row, BLANK};
use super::FecOptions;
use crate::domain::receivables::dates::{month_start, months_before};
use crate::domain::receivables::ledger::{
    Event, EventKind, Item, ItemKind, MonthSales, MAX_MONTHS,
};
use crate::domain::receivables::source::{
    ReadError, ReadErrorKind, Source, SourceCustomer, SourceKind, SourceReport,
};

/// One customer while its lines are read.
struct Customer {
    code: u32,
    /// (`EcritureDate`, line, `CompAuxLib`) of its latest line with a `CompAuxNum`.
    aux_name: Option<(NaiveDate, usize, u32)>,
    /// (`EcritureDate`, line, `CompteLib`) of its latest line.
    account_name: Option<(NaiveDate, usize, u32)>,
    events: Vec<Event>,
}

/// One item while its lines are gathered (an invoice may have several lines).
struct Draft {
    customer: usize,
    kind: ItemKind,
    date: NaiveDate,
    amount: Decimal,
    row: usize,
}

/// Accounts' classes, computed once per account.
struct Classes<'a> {
    table: &'a FecTable,
    prefixes: Vec<String>,
    cache: Vec<Option<u8>>,
}

impl Classes<'_> {
    fn of(&mut self, account: u32) -> u8 {
        let i = usize::try_from(account).unwrap_or(usize::MAX);
        if let Some(Some(c)) = self.cache.get(i) {
            return *c;
        }
        let c = account_class(self.table.pool.get(account), &self.prefixes);
        if let Some(slot) = self.cache.get_mut(i) {
            *slot = Some(c);
        }
        c
    }
}

impl FecTable {
    /// Everything of docs/receivables.md §2 at `options.as_of` (default: the latest
    /// `EcritureDate` of the receivable lines). Items closed more than 12 months before `as_of`
    /// are dropped and counted; `due_on` is left to the import, which knows each client's terms.
    pub fn summarise(&self, options: &FecOptions) -> Result<Source, ReadError> {
        let prefixes = usable_prefixes(&options.prefixes);
        let latest = self
            .latest_receivable_date(&prefixes)
            .ok_or_else(|| ReadError::new(ReadErrorKind::NothingToImport))?;
        let as_of = options.as_of.unwrap_or(latest);
        let mut classes = Classes {
            table: self,
            prefixes,
            cache: vec![None; self.pool.len()],
        };
        let opening: Vec<bool> = self
            .journals
            .iter()
            .map(|j| {
                let code = self.pool.get(j.code);
                match &options.opening_journals {
                    None => default_opening(code, self.pool.get(j.label)),
                    Some(list) => list.iter().any(|c| c.trim() == code),
                }
            })
            .collect();
        let mut report = SourceReport {
            lines: self.rows.len(),
            ..SourceReport::default()
        };
        let mut history_from: Option<NaiveDate> = None;
        // Entries of the lines up to as_of; `entry_of` per row (None after as_of).
        let mut entry_index: HashMap<(usize, u32, NaiveDate), usize> = HashMap::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut entry_of: Vec<Option<usize>> = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            if row.date > as_of {
                report.after_as_of += 1;
                entry_of.push(None);
                continue;
            }
            history_from = Some(history_from.map_or(row.date, |h| h.min(row.date)));
            report.piece_date_fallbacks += usize::from(row.piece_date_unreadable);
            let e = *entry_index
                .entry((row.journal, row.num, row.date))
                .or_insert_with(|| {
                    let opening = opening.get(row.journal).copied().unwrap_or(false);
                    entries.push(Entry {
                        opening,
                        ..Entry::default()
                    });
                    entries.len() - 1
                });
            if let Some(entry) = entries.get_mut(e) {
                entry.add(classes.of(row.account), row.amount);
            }
            entry_of.push(Some(e));
        }
        report.unbalanced_entries = entries.iter().filter(|e| !e.sum.is_zero()).count();

        // Receivable lines: customers, pieces, items.
        let mut customer_index: HashMap<u32, usize> = HashMap::new();
        let mut customers: Vec<Customer> = Vec::new();
        let mut drafts: Vec<Draft> = Vec::new();
        let mut invoice_of: HashMap<(usize, usize), usize> = HashMap::new();
        let mut pieces: Vec<Piece> = Vec::new();
        let mut item_of: Vec<usize> = Vec::new();
        for (r, (row, e)) in self.rows.iter().zip(&entry_of).enumerate() {
            let Some(entry) = e.and_then(|e| entries.get(e)) else {
                continue;
            };
            if classes.of(row.account) & RECEIVABLE == 0 {
                continue;
            }
            report.receivable_lines += 1;
            let code = if row.aux == BLANK {
                row.account
            } else {
                row.aux
            };
            let c = *customer_index.entry(code).or_insert_with(|| {
                customers.push(Customer {
                    code,
                    aux_name: None,
                    account_name: None,
                    events: Vec::new(),
                });
                customers.len() - 1
            });
            let Some(customer) = customers.get_mut(c) else {
                continue;
            };
            note_name(customer, row);
            if row.amount.is_zero() {
                continue; // no item
            }
            let kind = entry.kind_of(row.amount);
            let date = row.item_date();
            if entry.is_doubtful(kind, row.amount) {
                customer.events.push(Event {
                    kind: EventKind::Doubtful,
                    on: date,
                    amount: row.amount,
                });
            }
            let new_draft = |drafts: &mut Vec<Draft>| {
                drafts.push(Draft {
                    customer: c,
                    kind,
                    date,
                    amount: Decimal::ZERO,
                    row: r,
                });
                drafts.len() - 1
            };
            let d = match (kind, *e) {
                (ItemKind::Invoice, Some(e)) => *invoice_of
                    .entry((e, c))
                    .or_insert_with(|| new_draft(&mut drafts)),
                _ => new_draft(&mut drafts),
            };
            if let Some(draft) = drafts.get_mut(d) {
                draft.amount += row.amount;
                draft.date = draft.date.min(date);
            }
            let key = (row.account, row.aux, row.lettrage);
            pieces.push(Piece::new(row.line, c, kind, date, row.amount, key));
            item_of.push(d);
        }
        if customers.is_empty() {
            return Err(ReadError::new(ReadErrorKind::AsOfTooEarly));
        }
        // Allocation sorts by item date: an invoice's lines all carry its earliest one.
        for (p, &d) in pieces.iter_mut().zip(&item_of) {
            if let Some(draft) = drafts.get(d) {
                p.date = draft.date;
                p.closed_on = draft.date;
            }
        }
        allocate(&mut pieces, customers.len());

        // Items: open, paid_on and closing date from their pieces.
        let mut open = vec![Decimal::ZERO; drafts.len()];
        let mut paid_by: Vec<Option<NaiveDate>> = vec![None; drafts.len()];
        let mut closed_on: Vec<Option<NaiveDate>> = vec![None; drafts.len()];
        for (p, &d) in pieces.iter().zip(&item_of) {
            if let (Some(o), Some(b), Some(c)) =
                (open.get_mut(d), paid_by.get_mut(d), closed_on.get_mut(d))
            {
                *o += p.open;
                *b = (*b).max(p.paid_by);
                *c = (*c).max(Some(p.closed_on));
            }
        }
        let refs = references(self, &drafts);
        let cutoff = months_before(as_of, 12).unwrap_or(NaiveDate::MIN);
        let first_month =
            months_before(month_start(as_of), MAX_MONTHS as u32 - 1).unwrap_or(NaiveDate::MIN);
        let mut items: Vec<Vec<(usize, Item)>> = (0..customers.len()).map(|_| Vec::new()).collect();
        let mut months: Vec<BTreeMap<NaiveDate, Decimal>> = vec![BTreeMap::new(); customers.len()];
        for (d, draft) in drafts.iter().enumerate() {
            let item_open = open.get(d).copied().unwrap_or_default();
            let line = self.rows.get(draft.row).map_or(0, |r| r.line);
            if matches!(draft.kind, ItemKind::Invoice | ItemKind::CreditNote)
                && draft.date >= first_month
            {
                if let Some(m) = months.get_mut(draft.customer) {
                    *m.entry(month_start(draft.date)).or_default() += draft.amount;
                }
            }
            let closed = closed_on.get(d).copied().flatten().unwrap_or(draft.date);
            if item_open.is_zero() && closed < cutoff {
                report.dropped_closed += 1;
                continue;
            }
            let paid_on = if draft.kind == ItemKind::Invoice && item_open.is_zero() {
                paid_by.get(d).copied().flatten()
            } else {
                None
            };
            let item = Item {
                reference: refs.get(d).cloned().unwrap_or_default(),
                kind: draft.kind,
                issued_on: draft.date,
                due_on: None,
                amount: draft.amount,
                open: item_open,
                paid_on,
                disputed: false,
                actions: Vec::new(),
            };
            if let Some(v) = items.get_mut(draft.customer) {
                v.push((line, item));
            }
        }

        let mut out: Vec<SourceCustomer> = customers
            .into_iter()
            .zip(items)
            .zip(months)
            .map(|((c, mut its), m)| {
                its.sort_by_key(|(line, it)| (it.issued_on, *line));
                let mut events = c.events;
                events.sort_by_key(|e| e.on);
                let name = c
                    .aux_name
                    .or(c.account_name)
                    .map_or("", |(_, _, label)| self.pool.get(label));
                SourceCustomer {
                    code: self.pool.get(c.code).to_string(),
                    name: name.to_string(),
                    siren: None,
                    sales_rep: None,
                    items: its.into_iter().map(|(_, it)| it).collect(),
                    months: m
                        .into_iter()
                        .map(|(month, sales)| MonthSales { month, sales })
                        .collect(),
                    events,
                    history_from,
                }
            })
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(Source {
            kind: SourceKind::Fec,
            as_of,
            customers: out,
            report,
        })
    }
}

/// Keeps the latest line (latest `EcritureDate`, ties: the last in the file) for the name rule.
fn note_name(customer: &mut Customer, row: &Row) {
    let later = |slot: &Option<(NaiveDate, usize, u32)>| slot.is_none_or(|(d, _, _)| row.date >= d);
    if row.aux != BLANK && later(&customer.aux_name) {
        customer.aux_name = Some((row.date, row.line, row.aux_label));
    }
    if later(&customer.account_name) {
        customer.account_name = Some((row.date, row.line, row.account_label));
    }
}

/// Each item's ref: `PieceRef`, or `JournalCode-EcritureNum` when `PieceRef` is blank, one
/// character long, or used by another item of the same customer.
fn references(table: &FecTable, drafts: &[Draft]) -> Vec<String> {
    let piece_ref = |d: &Draft| table.rows.get(d.row).map_or(BLANK, |r| r.piece_ref);
    let mut uses: HashMap<(usize, u32), usize> = HashMap::new();
    for d in drafts {
        *uses.entry((d.customer, piece_ref(d))).or_default() += 1;
    }
    drafts
        .iter()
        .map(|d| {
            let id = piece_ref(d);
            let text = table.pool.get(id);
            let shared = uses.get(&(d.customer, id)).is_some_and(|&n| n > 1);
            if text.chars().nth(1).is_none() || shared {
                let Some(row) = table.rows.get(d.row) else {
                    return String::new();
                };
                let journal = table.journals.get(row.journal).map_or(BLANK, |j| j.code);
                format!("{}-{}", table.pool.get(journal), table.pool.get(row.num))
            } else {
                text.to_string()
            }
        })
        .collect()
}
