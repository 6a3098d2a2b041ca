//! Lettrage and open amounts at `as_of` (docs/receivables.md §2, "Lettrage" and "Open amounts"):
//! complete groups first, then partial groups, then every credit left against the debits still
//! open, each time credits and debits oldest first.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::table::BLANK;
use crate::domain::receivables::ledger::ItemKind;

/// One receivable line with a non-zero amount, as allocation sees it.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Physical line: the file order that breaks ties.
    pub line: usize,
    pub customer: usize,
    pub kind: ItemKind,
    /// The date allocation sorts by: the item date of its item.
    pub date: NaiveDate,
    /// Debit − credit.
    pub amount: Decimal,
    /// What remains, same sign as `amount` (except a complete group's difference).
    pub open: Decimal,
    /// The lettrage group: (`CompteNum`, `CompAuxNum`, `EcritureLet`) ids.
    pub group_key: (u32, u32, u32),
    /// The latest item date of the `payment` lines that settled part of this debit.
    pub paid_by: Option<NaiveDate>,
    /// The latest date among its own and those of the lines it was settled with.
    pub closed_on: NaiveDate,
    /// Closed with a complete group (step 1): step 3 leaves it alone.
    pub in_complete: bool,
}

impl Piece {
    pub(super) fn new(
        line: usize,
        customer: usize,
        kind: ItemKind,
        date: NaiveDate,
        amount: Decimal,
        group_key: (u32, u32, u32),
    ) -> Self {
        Piece {
            line,
            customer,
            kind,
            date,
            amount,
            open: amount,
            group_key,
            paid_by: None,
            closed_on: date,
            in_complete: false,
        }
    }
}

/// The tolerance of a complete group: 0.01.
fn tolerance() -> Decimal {
    Decimal::new(1, 2)
}

/// Credits of `members` settle its debits, both oldest first (ties: file order).
fn settle(pieces: &mut [Piece], members: &[usize]) {
    let order = |pieces: &[Piece], pick: &dyn Fn(&Piece) -> bool| {
        let mut v: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| pieces.get(i).is_some_and(pick))
            .collect();
        v.sort_by_key(|&i| pieces.get(i).map(|p| (p.date, p.line)));
        v
    };
    let zero = Decimal::ZERO;
    let debits = order(pieces, &|p| p.amount > zero && p.open > zero);
    let credits = order(pieces, &|p| p.amount < zero && p.open < zero);
    let (mut d, mut c) = (debits.iter().peekable(), credits.iter().peekable());
    while let (Some(&&di), Some(&&ci)) = (d.peek(), c.peek()) {
        let (Some(debit), Some(credit)) = (pieces.get(di).cloned(), pieces.get(ci).cloned()) else {
            break;
        };
        let x = debit.open.min(-credit.open);
        if let Some(p) = pieces.get_mut(di) {
            p.open -= x;
            p.closed_on = p.closed_on.max(credit.date);
            if credit.kind == ItemKind::Payment {
                p.paid_by = p.paid_by.max(Some(credit.date));
            }
            if p.open <= zero {
                d.next();
            }
        }
        if let Some(p) = pieces.get_mut(ci) {
            p.open += x;
            p.closed_on = p.closed_on.max(debit.date);
            if p.open >= zero {
                c.next();
            }
        }
    }
}

/// Sets every piece's `open` at `as_of` (the pieces being the receivable lines up to it).
pub(super) fn allocate(pieces: &mut [Piece], customers: usize) {
    // Groups in the order they first appear; blank lettrage is no group.
    let mut index: HashMap<(u32, u32, u32), usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if p.group_key.2 == BLANK {
            continue;
        }
        let g = *index.entry(p.group_key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(members) = groups.get_mut(g) {
            members.push(i);
        }
    }
    let mut partial = Vec::new();
    for members in &groups {
        let lines = members.iter().filter_map(|&i| pieces.get(i));
        let (mut debit, mut credit, mut sum) = (false, false, Decimal::ZERO);
        for p in lines {
            debit |= p.amount > Decimal::ZERO;
            credit |= p.amount < Decimal::ZERO;
            sum += p.amount;
        }
        if !(debit && credit) {
            continue; // one side only: unlettered
        }
        if sum.abs() > tolerance() {
            partial.push(members);
            continue;
        }
        // Step 1: a complete group settles, closes, and its difference stays on its latest line.
        settle(pieces, members);
        let latest = members
            .iter()
            .copied()
            .max_by_key(|&i| pieces.get(i).map(|p| (p.date, p.line)));
        let closed_on = latest.and_then(|i| pieces.get(i)).map(|p| p.date);
        for &i in members.iter() {
            if let Some(p) = pieces.get_mut(i) {
                p.open = if Some(i) == latest {
                    sum
                } else {
                    Decimal::ZERO
                };
                p.in_complete = true;
                if let Some(on) = closed_on {
                    p.closed_on = p.closed_on.max(on);
                }
            }
        }
    }
    // Step 2: partial groups, leftovers stay.
    for members in partial {
        settle(pieces, members);
    }
    // Step 3: per customer, every credit left against the debits still open.
    let mut by_customer: Vec<Vec<usize>> = vec![Vec::new(); customers];
    for (i, p) in pieces.iter().enumerate() {
        if !p.in_complete {
            if let Some(v) = by_customer.get_mut(p.customer) {
                v.push(i);
            }
        }
    }
    for members in &by_customer {
        settle(pieces, members);
    }
}
