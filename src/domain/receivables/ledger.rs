//! The ledger of a client file (docs/receivables.md §1): the documents the client owes or has
//! paid, read from a FEC or an open-items CSV, as of one situation date.
//!
//! Amounts are signed as in accounting: debits (invoices) positive, credits (payments, credit
//! notes) negative. `open` is what remains at `as_of`, with the same sign.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Invoice,
    CreditNote,
    Payment,
    Opening,
    Other,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Invoice,
        ItemKind::CreditNote,
        ItemKind::Payment,
        ItemKind::Opening,
        ItemKind::Other,
    ];

    /// The exchange format's name.
    pub const fn key(self) -> &'static str {
        match self {
            ItemKind::Invoice => "invoice",
            ItemKind::CreditNote => "credit_note",
            ItemKind::Payment => "payment",
            ItemKind::Opening => "opening",
            ItemKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A dunning step done on an invoice (issue 15 fills them; the ledger keeps them).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Action {
    pub stage: String,
    pub on: NaiveDate,
    pub note: String,
}

/// One document of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Item {
    /// The document's reference (`PieceRef`, or `JournalCode-EcritureNum`).
    pub reference: String,
    pub kind: ItemKind,
    pub issued_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    /// Signed: debits positive, credits negative.
    pub amount: Decimal,
    /// What remains at `as_of`, same sign as `amount`.
    pub open: Decimal,
    /// Only when `open` is 0 and a payment settled it.
    pub paid_on: Option<NaiveDate>,
    pub disputed: bool,
    pub actions: Vec<Action>,
}

impl Item {
    /// A debit: an invoice, an opening debit, another debit.
    pub fn is_debit(&self) -> bool {
        self.amount > Decimal::ZERO
    }
}

/// Sales of one calendar month (invoices less credit notes, TTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthSales {
    /// The first day of the month.
    pub month: NaiveDate,
    pub sales: Decimal,
}

/// A risk event seen in the books.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// A transfer to doubtful debts (account 416).
    Doubtful,
}

impl EventKind {
    pub const fn key(self) -> &'static str {
        match self {
            EventKind::Doubtful => "doubtful",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        (key == "doubtful").then_some(EventKind::Doubtful)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Event {
    pub kind: EventKind,
    pub on: NaiveDate,
    pub amount: Decimal,
}

/// Most months of sales a ledger keeps.
pub const MAX_MONTHS: usize = 24;

/// The ledger of one client file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ledger {
    /// The client's codes in the user's accounting; a code belongs to one file at most.
    pub customer_codes: Vec<String>,
    /// The date of the situation.
    pub as_of: NaiveDate,
    /// The first day the source covers.
    pub history_from: Option<NaiveDate>,
    /// The limit the credit manager decided; absent: the recommended limit.
    pub authorised_limit: Option<Decimal>,
    /// True when due dates were computed with the default 30 days net (the file had no terms).
    pub default_terms: bool,
    pub items: Vec<Item>,
    /// Oldest first, at most [`MAX_MONTHS`].
    pub months: Vec<MonthSales>,
    pub events: Vec<Event>,
}

impl Ledger {
    /// An empty ledger at `as_of`.
    pub fn new(as_of: NaiveDate) -> Self {
        Ledger {
            customer_codes: Vec::new(),
            as_of,
            history_from: None,
            authorised_limit: None,
            default_terms: false,
            items: Vec::new(),
            months: Vec::new(),
            events: Vec::new(),
        }
    }
}
