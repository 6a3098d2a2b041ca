//! The aged balance (docs/receivables.md §5): every item's `open` in one of six buckets — debits
//! by how many days past their due date they are at `as_of`, credits apart — so that the six
//! buckets always sum to the encours.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::figure::saturating_add;
use crate::domain::lang::Lang;
use crate::domain::receivables::ledger::Item;

/// One column of the aged balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    /// Debits not yet due at `as_of` (D − `due_on` ≤ 0), or without a due date.
    NotDue,
    /// 1 to the first bound (30) days past due.
    Days1To30,
    /// The first bound + 1 to the second (31–60).
    Days31To60,
    /// The second bound + 1 to the third (61–90).
    Days61To90,
    /// More than the third bound (90) days past due.
    Over90,
    /// Credits not applied to a debit (payments, credit notes…): their `open` is ≤ 0.
    Unapplied,
}

impl Bucket {
    /// In the order of the columns.
    pub const ALL: [Bucket; 6] = [
        Bucket::NotDue,
        Bucket::Days1To30,
        Bucket::Days31To60,
        Bucket::Days61To90,
        Bucket::Over90,
        Bucket::Unapplied,
    ];

    /// The name used in `data-testid="aged-<key>"`.
    pub const fn key(self) -> &'static str {
        match self {
            Bucket::NotDue => "not_due",
            Bucket::Days1To30 => "1_30",
            Bucket::Days31To60 => "31_60",
            Bucket::Days61To90 => "61_90",
            Bucket::Over90 => "over_90",
            Bucket::Unapplied => "unapplied",
        }
    }

    /// The column's heading, with the policy's bounds (the keys keep the default names).
    pub fn label(self, lang: Lang, bounds: [u32; 3]) -> String {
        let [first, second, third] = bounds;
        let days = lang.pick("j", "days");
        match self {
            Bucket::NotDue => lang.pick("Non échu", "Not due").to_string(),
            Bucket::Days1To30 => format!("1–{first} {days}"),
            Bucket::Days31To60 => format!("{}–{second} {days}", first.saturating_add(1)),
            Bucket::Days61To90 => format!("{}–{third} {days}", second.saturating_add(1)),
            Bucket::Over90 => format!("{} {third} {days}", lang.pick("Plus de", "Over")),
            Bucket::Unapplied => lang
                .pick("Crédits non imputés", "Unapplied credits")
                .to_string(),
        }
    }

    /// The bucket of a debit `days_past_due` (D − `due_on`) days past its due date. Bounds out of
    /// order (a hostile policy) leave some buckets empty but still put every debit in one.
    pub fn of_days_past_due(days_past_due: i64, bounds: [u32; 3]) -> Bucket {
        let [first, second, third] = bounds.map(i64::from);
        if days_past_due <= 0 {
            Bucket::NotDue
        } else if days_past_due <= first {
            Bucket::Days1To30
        } else if days_past_due <= second {
            Bucket::Days31To60
        } else if days_past_due <= third {
            Bucket::Days61To90
        } else {
            Bucket::Over90
        }
    }

    /// The bucket of an item at `as_of`. A debit without a due date counts as not due (the
    /// imports always fill it; a ledger typed by hand may not).
    pub fn of_item(item: &Item, as_of: NaiveDate, bounds: [u32; 3]) -> Bucket {
        if !item.is_debit() {
            return Bucket::Unapplied;
        }
        match item.due_on {
            Some(due) => Bucket::of_days_past_due((as_of - due).num_days(), bounds),
            None => Bucket::NotDue,
        }
    }
}

/// The aged balance of `items` at `as_of`, in the order of [`Bucket::ALL`]. Every item lands in
/// exactly one bucket, so the six sums add up to Σ `open` (sums saturate at Decimal's bounds,
/// which only hostile amounts reach).
pub fn aged_balance(items: &[Item], as_of: NaiveDate, bounds: [u32; 3]) -> [(Bucket, Decimal); 6] {
    let mut sums = Bucket::ALL.map(|b| (b, Decimal::ZERO));
    for item in items {
        let bucket = Bucket::of_item(item, as_of, bounds);
        if let Some((_, sum)) = sums.iter_mut().find(|(b, _)| *b == bucket) {
            *sum = saturating_add(*sum, item.open);
        }
    }
    sums
}

/// The sum in `bucket` of an aged balance.
pub fn in_bucket(aged: &[(Bucket, Decimal); 6], bucket: Bucket) -> Decimal {
    aged.iter()
        .find(|(b, _)| *b == bucket)
        .map_or(Decimal::ZERO, |(_, v)| *v)
}
