//! The portfolio's receivables (docs/receivables.md §5, "Portfolio"): total encours, total
//! overdue, the aged balance and the number of files over their limit, for the whole portfolio,
//! by risk class and by sales rep, and the files in the order they need attention.
//!
//! Totals add the figures they are given: pass the published figures to get totals equal to the
//! sum of the lines shown (ledger amounts are in cents, so both agree unless a ledger is typed
//! with more places).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::figures::{Bucket, LedgerFigures};
use crate::domain::figure::saturating_add;
use crate::domain::ids::RiskClass;

/// One client file with a ledger (files without one are not lines).
#[derive(Debug, Clone, Copy)]
pub struct FileLine<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The file's risk class; `None` when it was never rated.
    pub class: Option<RiskClass>,
    /// Empty when the file has no sales rep.
    pub sales_rep: &'a str,
    pub figures: &'a LedgerFigures,
}

/// Sums over a set of files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    /// `portfolio-encours`.
    pub encours: Decimal,
    /// `portfolio-overdue`.
    pub overdue: Decimal,
    /// The aged balance, in the order of [`Bucket::ALL`].
    pub aged: [(Bucket, Decimal); 6],
    /// `portfolio-overruns`: files whose encours is above their limit.
    pub overruns: usize,
}

impl Totals {
    /// Nothing yet.
    pub fn empty() -> Self {
        Totals {
            files: 0,
            encours: Decimal::ZERO,
            overdue: Decimal::ZERO,
            aged: Bucket::ALL.map(|b| (b, Decimal::ZERO)),
            overruns: 0,
        }
    }

    fn add(&mut self, f: &LedgerFigures) {
        self.files = self.files.saturating_add(1);
        self.encours = saturating_add(self.encours, f.encours);
        self.overdue = saturating_add(self.overdue, f.overdue);
        for ((mine, sum), (theirs, v)) in self.aged.iter_mut().zip(f.aged.iter()) {
            // Both arrays are in the order of Bucket::ALL; the check keeps a hand-built one honest.
            if mine == theirs {
                *sum = saturating_add(*sum, *v);
            }
        }
        if is_overrun(f) {
            self.overruns = self.overruns.saturating_add(1);
        }
    }

    /// The sum in one bucket.
    pub fn aged_in(&self, bucket: Bucket) -> Decimal {
        super::figures::in_bucket(&self.aged, bucket)
    }
}

/// The portfolio's totals and the attention order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Monitoring {
    pub total: Totals,
    /// The classes that have files, best first (A … E, NR), then the files never rated (`None`).
    pub by_class: Vec<(Option<RiskClass>, Totals)>,
    /// The sales reps that have files (trimmed names, compared exactly), by name ignoring case;
    /// files without a rep (`""`) last.
    pub by_rep: Vec<(String, Totals)>,
    /// Every line's index into the input, the ones needing attention first: overrun amount
    /// descending, then overdue over the last aged bound descending, then overdue descending,
    /// then name (ignoring case), then input order.
    pub attention: Vec<usize>,
}

/// True when the file's encours is above its limit.
pub fn is_overrun(f: &LedgerFigures) -> bool {
    f.overrun.is_some_and(|o| o > Decimal::ZERO)
}

/// True when the file needs attention: over its limit or with something overdue.
pub fn needs_attention(f: &LedgerFigures) -> bool {
    is_overrun(f) || f.overdue > Decimal::ZERO
}

fn add_to<K: PartialEq>(groups: &mut Vec<(K, Totals)>, key: K, f: &LedgerFigures) {
    match groups.iter_mut().find(|(k, _)| *k == key) {
        Some((_, t)) => t.add(f),
        None => {
            let mut t = Totals::empty();
            t.add(f);
            groups.push((key, t));
        }
    }
}

fn attention_order(a: &FileLine, b: &FileLine) -> Ordering {
    let overrun = |l: &FileLine| l.figures.overrun.unwrap_or(Decimal::ZERO);
    let over_90 = |l: &FileLine| l.figures.aged_in(Bucket::Over90);
    overrun(b)
        .cmp(&overrun(a))
        .then_with(|| over_90(b).cmp(&over_90(a)))
        .then_with(|| b.figures.overdue.cmp(&a.figures.overdue))
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
}

/// The portfolio's totals, by class and by rep, and the attention order of `lines`.
pub fn monitor(lines: &[FileLine]) -> Monitoring {
    let mut total = Totals::empty();
    let mut by_class: Vec<(Option<RiskClass>, Totals)> = Vec::new();
    let mut by_rep: Vec<(String, Totals)> = Vec::new();
    for line in lines {
        total.add(line.figures);
        add_to(&mut by_class, line.class, line.figures);
        add_to(&mut by_rep, line.sales_rep.trim().to_string(), line.figures);
    }
    // Option's order puts None first; the unrated go last.
    by_class.sort_by_key(|(c, _)| (c.is_none(), *c));
    by_rep.sort_by(|(a, _), (b, _)| {
        a.is_empty()
            .cmp(&b.is_empty())
            .then_with(|| a.to_lowercase().cmp(&b.to_lowercase()))
            .then_with(|| a.cmp(b))
    });
    let mut attention: Vec<usize> = (0..lines.len()).collect();
    // A stable sort: equal lines keep their input order.
    attention.sort_by(|&i, &j| match (lines.get(i), lines.get(j)) {
        (Some(a), Some(b)) => attention_order(a, b),
        _ => Ordering::Equal,
    });
    Monitoring {
        total,
        by_class,
        by_rep,
        attention,
    }
}
