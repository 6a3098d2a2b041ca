//! The workspace: the app's state and every rule that changes it, in plain Rust over the store
//! (and so over any [`crate::store::KeyValue`]: the browser's storage in the app, a map in
//! tests). Opening, editing, creating, duplicating, deleting and its undo, imports with their
//! choices, another tab's changes and the conflicts they make, records set aside, policy
//! versions and re-rating, the language setting and the day all live here and are tested
//! natively (`tests/workspace*.rs`).
//!
//! The Leptos shell (`crate::ui`) holds one `Workspace`, calls its methods on the user's events,
//! and after each call takes the [`Outcome`]: which parts changed (so that only the views reading
//! them are drawn again), the messages to show, and the undo window to time. The workspace never
//! waits and never reads a clock of its own: the shell tells it the day ([`Workspace::set_today`])
//! and gives it the time of day for the save indicator.
//!
//! Rooms: `files` (edits, creation, copies, deletion and undo), `saving` (what is written when,
//! its failures), `tabs` (another tab's changes, conflicts), `policy` (versions, re-rating),
//! `import` (an import's plan, choices and space), `ledger` (a FEC's or an open-items file's
//! customers matched to files, merged into their ledgers), `dunning` (the dunning steps done
//! and undone).

mod dunning;
mod files;
mod import;
mod ledger;
mod policy;
mod saving;
mod tabs;

use std::collections::HashSet;

use chrono::NaiveDate;

pub use import::{is_demo_id, Conflict, DemoReset, ImportPlan, Summary, DEMO_PORTFOLIO};
pub use ledger::{CustomerChoice, LedgerPlan, LedgerSummary, MatchedBy, PlannedCustomer};

use crate::domain::client::ClientFile;
use crate::domain::policy::Policy;
use crate::domain::policy_history::PolicyHistory;
use crate::store::{Bilingual, Quarantined, Store, WriteError};

pub use crate::domain::lang::Lang;

/// A file's name for messages, or "(sans nom)".
pub fn display_name(name: &str, lang: Lang) -> String {
    let french = lang.is_fr();
    if name.trim().is_empty() {
        if french { "(sans nom)" } else { "(no name)" }.to_string()
    } else {
        name.to_string()
    }
}

/// The discreet save indicator.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveStatus {
    /// Nothing saved yet in this session.
    #[default]
    Idle,
    /// Saved; the local time "HH:MM".
    Saved(String),
    /// The last save failed (see `storage_error`).
    Failed,
}

/// A file changed in another tab while this tab had changed it too (or deleted it there).
#[derive(Debug, Clone, PartialEq)]
pub struct TabConflict {
    pub id: String,
    /// The other tab's version; `None` when it was deleted there.
    pub theirs: Option<(ClientFile, u64)>,
}

/// A deletion still in its undo window: the key stays in storage until it ends.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingDelete {
    pub file: ClientFile,
    pub index: usize,
    /// Identifies the deletion, so that the end of one window never ends another's.
    pub seq: u64,
}

/// A message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: Bilingual,
    /// The deletion this message offers to undo (its `seq`).
    pub undo: Option<u64>,
}

/// Which parts of the workspace an event changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changed {
    /// The list of files or a file in it.
    pub files: bool,
    /// The policy history (and so perhaps the policy in force).
    pub history: bool,
    /// The interface language (from another tab).
    pub lang: bool,
    /// What the banners and the save indicator show: save status, storage error, conflicts,
    /// records set aside, a storage cleared elsewhere, a deletion in its undo window.
    pub status: bool,
}

/// What an event did, for the shell to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub changed: Changed,
    pub messages: Vec<Message>,
    /// A file that was open is gone (deleted here or elsewhere): the shell leaves its screen.
    pub closed: Vec<String>,
    /// Files were changed and not saved yet: the shell calls [`Workspace::flush`] in the next
    /// task (a keystroke's figures are drawn before the record is written).
    pub save_due: bool,
}

/// What changed since the last save.
#[derive(Debug, Default)]
struct Marks {
    ids: HashSet<String>,
    all: bool,
    /// Ids whose last save failed: retried on the next save.
    failed: HashSet<String>,
}

/// What the banners and the save indicator show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Status {
    /// False when the browser gives no storage: everything stays in memory.
    pub storage_available: bool,
    pub save_status: SaveStatus,
    /// The last write failure, until a save succeeds again.
    pub storage_error: Option<WriteError>,
    /// Records set aside when this session opened (the banner).
    pub quarantined_now: Vec<Quarantined>,
    pub tab_conflicts: Vec<TabConflict>,
    /// Another tab cleared the storage.
    pub storage_cleared: bool,
    /// A deletion in its undo window.
    pub pending_delete: Option<PendingDelete>,
}

/// The app's state: the files, the policy history, the settings, and what the banners show.
pub struct Workspace {
    files: Vec<ClientFile>,
    history: PolicyHistory,
    lang: Lang,
    today: NaiveDate,
    status: Status,
    store: Store,
    marks: Marks,
    seq: u64,
    /// The local time of day, "HH:MM", for the save indicator.
    clock: fn() -> String,
    outcome: Outcome,
}

impl Workspace {
    /// Opens the workspace on a store: loads every file, the language and the policy history;
    /// records that cannot be read are set aside and listed in `quarantined_now`. Files stored
    /// without a rating are rated under the policy in force.
    pub fn open(mut store: Store, today: NaiveDate, clock: fn() -> String) -> Self {
        let loaded = store.load();
        let history = loaded.history.unwrap_or_default();
        let mut ws = Self {
            files: loaded.files,
            history,
            lang: match loaded.lang_fr {
                Some(false) => Lang::En,
                _ => Lang::Fr,
            },
            today,
            status: Status {
                storage_available: store.available(),
                quarantined_now: loaded.quarantined,
                ..Status::default()
            },
            store,
            marks: Marks::default(),
            seq: 0,
            clock,
            outcome: Outcome::default(),
        };
        ws.rate_unrated();
        ws
    }

    /// Takes what the events since the last call did.
    pub fn take_outcome(&mut self) -> Outcome {
        std::mem::take(&mut self.outcome)
    }

    // --- What the views read -------------------------------------------------------------------

    /// Every client file, in storage order.
    pub fn files(&self) -> &[ClientFile] {
        &self.files
    }

    pub fn file(&self, id: &str) -> Option<&ClientFile> {
        self.files.iter().find(|f| f.id == id)
    }

    /// Every version of the credit policy.
    pub fn history(&self) -> &PolicyHistory {
        &self.history
    }

    /// The credit policy in force: the history's current version.
    pub fn policy(&self) -> &Policy {
        self.history.current()
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The analysis date.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// What the banners and the save indicator show.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Records set aside, from storage (all sessions).
    pub fn quarantined_all(&self) -> Vec<Quarantined> {
        self.store.quarantined()
    }

    /// Storage use.
    pub fn storage_usage(&self) -> crate::store::Usage {
        self.store.usage()
    }

    // --- Settings and the day --------------------------------------------------------------

    /// Sets the interface language and saves it.
    pub fn set_lang(&mut self, lang: Lang) {
        if self.lang != lang {
            self.lang = lang;
            self.outcome.changed.lang = true;
        }
        if self.store.available() {
            if let Err(e) = self.store.save_lang(lang) {
                self.fail(e);
            }
        }
    }

    /// The calendar moved on (a tab left open past midnight): files are rated, policy versions
    /// dated and reviews computed with the new day from now on.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
    }

    /// The user read the banner of records set aside.
    pub fn dismiss_quarantine(&mut self) {
        self.status.quarantined_now.clear();
        self.outcome.changed.status = true;
    }

    /// The user chose not to write everything again after the storage was cleared elsewhere.
    pub fn dismiss_cleared(&mut self) {
        self.status.storage_cleared = false;
        self.outcome.changed.status = true;
    }

    // --- Bookkeeping shared by the rooms ---------------------------------------------------

    fn mark(&mut self, id: &str) {
        self.marks.ids.insert(id.to_string());
        self.outcome.changed.files = true;
        self.outcome.save_due = true;
    }

    fn mark_all(&mut self) {
        self.marks.all = true;
        self.outcome.changed.files = true;
        self.outcome.save_due = true;
    }

    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    fn say(&mut self, fr: String, en: String) {
        self.outcome.messages.push(Message {
            text: Bilingual::new(fr, en),
            undo: None,
        });
    }

    fn fail(&mut self, e: WriteError) {
        self.status.storage_error = Some(e);
        self.outcome.changed.status = true;
    }

    /// Takes a file out of the list (deleted elsewhere, or by the user); its screen closes.
    fn remove_from_memory(&mut self, id: &str) {
        self.files.retain(|f| f.id != id);
        self.outcome.changed.files = true;
        self.outcome.closed.push(id.to_string());
    }
}
