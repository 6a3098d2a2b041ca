//! What the store's operations return: records set aside, the
//! outcome of a save, a removal or another tab's change, and what a load found.

use super::kv::WriteError;
use crate::domain::client::ClientFile;
pub use crate::domain::lang::Bilingual;
use crate::domain::policy_history::PolicyHistory;

/// A record set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// The key it was found under.
    pub key: String,
    /// Where it is kept now; `None` when the copy failed and it stays under its own key.
    pub quarantine_key: Option<String>,
    /// Why it could not be moved, when it stays under its own key.
    pub failure: Option<WriteError>,
    pub reason: Bilingual,
    /// ISO timestamp of when it was set aside.
    pub at: String,
    /// The original value, verbatim.
    pub raw: String,
}
/// What is stored under a client key now, as seen by a write that found another revision.
#[derive(Debug, Clone, PartialEq)]
pub enum Theirs {
    /// Another tab saved this version.
    Changed { file: Box<ClientFile>, rev: u64 },
    /// Another tab deleted the file.
    Deleted,
}

/// The result of saving one file.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written, with its new revision.
    Saved,
    /// Identical to what is stored: nothing written.
    Unchanged,
    /// Another tab changed the stored file since this tab read it: nothing written.
    Conflict(Theirs),
    Failed(WriteError),
}

/// The result of removing one file.
#[derive(Debug, Clone, PartialEq)]
pub enum RemoveOutcome {
    Removed,
    /// Another tab saved a newer version since: kept.
    Conflict {
        file: Box<ClientFile>,
        rev: u64,
    },
    Failed(WriteError),
}

/// What a `storage` event from another tab means for a client key.
#[derive(Debug, Clone, PartialEq)]
pub enum External {
    Changed {
        id: String,
        file: Box<ClientFile>,
        rev: u64,
    },
    Deleted {
        id: String,
    },
    /// A record this version cannot read (a newer app in another tab?): left alone.
    Unreadable {
        id: String,
    },
    /// Not newer than what this tab already has.
    Stale,
}

/// Everything read at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sorted by key, so the order is stable from one load to the next.
    pub files: Vec<ClientFile>,
    /// Records set aside during this load.
    pub quarantined: Vec<Quarantined>,
    pub lang_fr: Option<bool>,
    /// Every version of the policy (migrated from a single stored policy if need be).
    pub history: Option<PolicyHistory>,
}

/// Storage use, for the settings screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// Bytes used by the app's keys and values (UTF-16, as browsers count the quota).
    pub bytes: u64,
    pub files: usize,
    pub quarantined: usize,
}
