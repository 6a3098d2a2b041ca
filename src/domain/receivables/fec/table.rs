//! The parsed lines of a FEC, compact: every text field is interned once (a FEC repeats its
//! accounts, customers and journals on thousands of lines), so a row is a few numbers.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::kinds::default_opening;
use super::Journal;

/// The id of the blank string in every [`Pool`].
pub(super) const BLANK: u32 = 0;

/// A fast, unkeyed hash (the multiply-rotate of rustc's FxHasher): the pool hashes every field
/// of every line, and SipHash's resistance to chosen collisions buys nothing for a file the user
/// opens on their own machine.
#[derive(Default)]
pub(super) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed with [`FastHasher`].
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Interned strings: each distinct text stored once, referred to by its id.
#[derive(Debug, Clone)]
pub(super) struct Pool {
    ids: FastMap<String, u32>,
    names: Vec<String>,
}

impl Pool {
    fn new() -> Self {
        let mut ids = FastMap::default();
        ids.insert(String::new(), BLANK);
        Pool {
            ids,
            names: vec![String::new()],
        }
    }

    /// The id of `s`, storing it when new. A file within the line limits holds fewer than
    /// 2^32 strings, so the ids never wrap.
    pub(super) fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.to_string(), id);
        self.names.push(s.to_string());
        id
    }

    /// The text of `id` (blank for an unknown id).
    pub(super) fn get(&self, id: u32) -> &str {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", String::as_str)
    }

    /// One more than the largest id.
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }
}

/// One accounting line, as later steps need it.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// The physical line (header = 1 when it is the first line).
    pub line: usize,
    /// Index into [`FecTable::journals`].
    pub journal: usize,
    pub num: u32,
    pub date: NaiveDate,
    /// `PieceDate` when readable.
    pub piece_date: Option<NaiveDate>,
    /// A `PieceDate` was written and could not be read.
    pub piece_date_unreadable: bool,
    pub account: u32,
    pub account_label: u32,
    pub aux: u32,
    pub aux_label: u32,
    pub piece_ref: u32,
    pub lettrage: u32,
    /// Debit − credit.
    pub amount: Decimal,
}

impl Row {
    /// `PieceDate` when readable and not after `EcritureDate`, else `EcritureDate`.
    pub(super) fn item_date(&self) -> NaiveDate {
        match self.piece_date {
            Some(p) if p <= self.date => p,
            _ => self.date,
        }
    }
}

/// A journal as the file names it.
#[derive(Debug, Clone)]
pub(super) struct JournalRow {
    pub code: u32,
    /// The first non-blank `JournalLib` of its lines.
    pub label: u32,
}

/// The parsed lines of a FEC, ready to be summarised at any `as_of`.
#[derive(Debug, Clone)]
pub struct FecTable {
    pub(super) pool: Pool,
    pub(super) rows: Vec<Row>,
    pub(super) journals: Vec<JournalRow>,
    journal_index: FastMap<u32, usize>,
}

impl FecTable {
    /// An empty table with room for `lines` rows.
    pub(super) fn with_capacity(lines: usize) -> Self {
        FecTable {
            pool: Pool::new(),
            rows: Vec::with_capacity(lines),
            journals: Vec::new(),
            journal_index: FastMap::default(),
        }
    }

    /// The index of the journal `code`, recording it (and its first non-blank label).
    pub(super) fn journal(&mut self, code: &str, label: &str) -> usize {
        let code = self.pool.intern(code);
        let index = match self.journal_index.get(&code) {
            Some(&i) => i,
            None => {
                self.journals.push(JournalRow { code, label: BLANK });
                let i = self.journals.len() - 1;
                self.journal_index.insert(code, i);
                i
            }
        };
        if !label.is_empty() {
            let id = self.pool.intern(label);
            if let Some(j) = self.journals.get_mut(index) {
                if j.label == BLANK {
                    j.label = id;
                }
            }
        }
        index
    }

    /// The journals in the order they first appear, each marked à-nouveaux by the default rule
    /// (code `AN`, `ANO`, `ANC`, `RAN`, or a label holding "nouveau" or "ouverture").
    pub fn journals(&self) -> Vec<Journal> {
        self.journals
            .iter()
            .map(|j| {
                let code = self.pool.get(j.code).to_string();
                let label = self.pool.get(j.label).to_string();
                let opening = default_opening(&code, &label);
                Journal {
                    code,
                    label,
                    opening,
                }
            })
            .collect()
    }

    /// The latest `EcritureDate` of the lines on an account starting with one of `prefixes`:
    /// the default `as_of`. `None` when no line is on such an account.
    pub fn latest_receivable_date(&self, prefixes: &[String]) -> Option<NaiveDate> {
        let prefixes = super::kinds::usable_prefixes(prefixes);
        let mut receivable = vec![None::<bool>; self.pool.len()];
        let mut latest = None;
        for row in &self.rows {
            let Some(slot) = usize::try_from(row.account)
                .ok()
                .and_then(|i| receivable.get_mut(i))
            else {
                continue;
            };
            let is = *slot.get_or_insert_with(|| {
                let account = self.pool.get(row.account);
                prefixes.iter().any(|p| account.starts_with(p.as_str()))
            });
            if is && latest.is_none_or(|l| row.date > l) {
                latest = Some(row.date);
            }
        }
        latest
    }

    /// The number of data lines read (header and blank lines excluded).
    pub fn lines(&self) -> usize {
        self.rows.len()
    }
}
