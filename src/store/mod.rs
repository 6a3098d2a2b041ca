//! The store: the app's records in a key-value storage (the browser's `localStorage` through
//! `crate::storage`, a [`MemoryKv`] in tests), with what this tab last read or wrote of each.
//! Plain Rust: every rule of saving, conflicts between tabs and quarantine is tested natively.
//!
//! # Key layout
//!
//! | key | value |
//! |---|---|
//! | `encours.client.<id>` | one client file: `{"schema":1,"rev":N,"saved_at":"<ISO>","client":{…}}`, the client in the exchange format (`exchange::client_to_json`) |
//! | `encours.settings` | `{"schema":1,"lang":"fr"}` |
//! | `encours.policy_history` | every version of the credit policy: `{"schema":1,"saved_at":"<ISO>","history":{"versions":[policy, …]}}` (`PolicyHistory`'s serde form, oldest first, the last in force) |
//! | `encours.policy` | *before versions*: `{"schema":1,"saved_at":"<ISO>","policy":{…}}`; read once, moved into `encours.policy_history`, then removed |
//! | `encours.quarantine.<original key>[.<n>]` | a record set aside: `{"schema":1,"key":…,"quarantined_at":…,"reason_fr":…,"reason_en":…,"raw":"<the original value, verbatim>"}` |
//!
//! One key per client file, so saving a file never rewrites the others. `rev` grows by one on
//! every write; a write first checks that the stored `rev` is still the one this tab loaded or
//! wrote, so an edit made in another tab is never overwritten silently (the caller gets a
//! [`SaveOutcome::Conflict`] and asks the user).
//!
//! A record that cannot be read (bad JSON, unknown schema, refused by the exchange reader) is
//! copied under a quarantine key, then — only once the copy is verified — removed from its
//! client key; it is never deleted. The same goes for the policy history: an unreadable one (or
//! one whose version in force breaks the rules of `policy_check`) is set aside and the defaults
//! of FINANCE.md apply, with the banner. Every failure of the browser's storage is a value here,
//! never a panic: the app keeps working in memory.
//!
//!
//! (About 400 lines: the store's one type and every read and write it makes; the records,
//! the loading, the space and the outcomes are rooms of their own.)

mod kv;
mod load;
mod outcomes;
pub mod packing;
mod records;
mod space;

use crate::domain::lang::Lang;
use std::collections::HashMap;

use serde_json::json;

pub use kv::{KeyValue, MemoryKv, WriteError};
pub use outcomes::{
    Bilingual, External, Loaded, Quarantined, RemoveOutcome, SaveOutcome, Theirs, Usage,
};
pub use records::{
    client_key, client_record, file_hash, history_record, history_to_json, parse_history_record,
    parse_record,
};
pub use space::NoSpace;

use crate::domain::client::ClientFile;
use crate::domain::policy_history::PolicyHistory;
use records::text_hash;

/// Prefix of every key of the app.
pub const PREFIX: &str = "encours.";
/// Prefix of a client file's key; the id follows.
pub const CLIENT_PREFIX: &str = "encours.client.";
/// Prefix of a record set aside; the original key follows.
pub const QUARANTINE_PREFIX: &str = "encours.quarantine.";
pub const SETTINGS_KEY: &str = "encours.settings";
/// The column mapping of the last open-items CSV confirmed: `[[field, header name], …]`.
pub const CSV_MAPPING_KEY: &str = "encours.csv_mapping";
/// The single policy stored before there were versions; migrated into [`HISTORY_KEY`].
pub const POLICY_KEY: &str = "encours.policy";
/// Every version of the credit policy.
pub const HISTORY_KEY: &str = "encours.policy_history";
/// Version of the policy history record.
pub const HISTORY_SCHEMA: u64 = 1;
/// Version of the record layout; a record with another version is set aside, not guessed at.
pub const SCHEMA: u64 = 1;

/// What this tab knows of one stored file.
#[derive(Debug, Clone, Copy)]
struct Known {
    rev: u64,
    /// Hash of the file as last read or written: "unchanged" is decided without serialising.
    hash: u64,
    /// Hash of the record's text as last read or written (`None` when adopted from a parsed
    /// file): a save finding the same text stored knows its revision without parsing it.
    record: Option<u64>,
}

/// The storage of this tab, with what it last read or wrote of each file.
pub struct Store {
    storage: Option<Box<dyn KeyValue>>,
    /// The ISO timestamp records are saved at (the browser's clock in the app).
    clock: fn() -> String,
    known: HashMap<String, Known>,
    /// The policy history as last read or written.
    history_json: Option<String>,
}

impl Store {
    /// A store over a key-value storage; `clock` gives the ISO timestamp records are saved at.
    pub fn new(storage: Box<dyn KeyValue>, clock: fn() -> String) -> Self {
        Self {
            storage: Some(storage),
            clock,
            known: HashMap::new(),
            history_json: None,
        }
    }

    /// A store without storage: everything stays in memory (no storage at all).
    pub fn memory() -> Self {
        Self {
            storage: None,
            clock: String::new,
            known: HashMap::new(),
            history_json: None,
        }
    }

    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    fn now(&self) -> String {
        (self.clock)()
    }

    /// Every key of the app.
    fn keys(&self) -> Vec<String> {
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        s.keys()
            .into_iter()
            .filter(|k| k.starts_with(PREFIX))
            .collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        match &self.storage {
            Some(s) => s.set(key, value),
            None => Err(WriteError::Unavailable),
        }
    }

    fn remove_key(&self, key: &str) -> Result<(), WriteError> {
        match &self.storage {
            Some(s) => s.remove(key),
            None => Err(WriteError::Unavailable),
        }
    }

    /// The stored revision of a client key: `Ok(None)` when absent, `Err` when unreadable.
    fn stored(&self, id: &str) -> Result<Option<(ClientFile, u64)>, ()> {
        let key = client_key(id);
        match self.get(&key) {
            None => Ok(None),
            Some(raw) => parse_record(&key, &raw).map(Some).map_err(|_| ()),
        }
    }

    /// True when `file` is what this tab last read or wrote for its id.
    pub fn is_clean(&self, file: &ClientFile) -> bool {
        self.known
            .get(&file.id)
            .is_some_and(|k| k.hash == file_hash(file))
    }

    /// True when this tab has read or written the id.
    pub fn knows(&self, id: &str) -> bool {
        self.known.contains_key(id)
    }

    /// True when a key exists for the id (in this tab or another).
    pub fn exists(&self, id: &str) -> bool {
        self.get(&client_key(id)).is_some()
    }

    /// Saves one file unless it is unchanged; refuses (with what is stored) when another tab
    /// wrote a revision this tab has not seen.
    pub fn save(&mut self, file: &ClientFile) -> SaveOutcome {
        let hash = file_hash(file);
        let known = self.known.get(&file.id).copied();
        if known.is_some_and(|k| k.hash == hash) {
            return SaveOutcome::Unchanged;
        }
        if self.storage.is_none() {
            return SaveOutcome::Failed(WriteError::Unavailable);
        }
        // The text this tab last read or wrote is still there: its revision is known, nothing
        // to parse (the common case, once per keystroke while typing).
        if let Some(
            k @ Known {
                record: Some(record),
                ..
            },
        ) = known
        {
            if self.get(&client_key(&file.id)).as_deref().map(text_hash) == Some(record) {
                return self.write(file, k.rev + 1, hash);
            }
        }
        let stored_rev = match self.stored(&file.id) {
            Ok(Some((theirs, rev))) => {
                if known.map(|k| k.rev) != Some(rev) {
                    return SaveOutcome::Conflict(Theirs::Changed {
                        file: Box::new(theirs),
                        rev,
                    });
                }
                rev
            }
            Ok(None) => {
                if known.is_some() {
                    return SaveOutcome::Conflict(Theirs::Deleted);
                }
                0
            }
            // Unreadable: set it aside, then write ours.
            Err(()) => {
                let key = client_key(&file.id);
                if let Some(raw) = self.get(&key) {
                    let q = self.quarantine(
                        &key,
                        raw,
                        Bilingual::new(
                            "enregistrement illisible remplacé par une sauvegarde",
                            "unreadable record replaced by a save",
                        ),
                    );
                    if q.quarantine_key.is_none() {
                        // The real reason: a full quota, a refusal, a copy that read back wrong.
                        let why = q.failure.unwrap_or(WriteError::Other("?".into()));
                        return SaveOutcome::Failed(why);
                    }
                }
                known.map(|k| k.rev).unwrap_or(0)
            }
        };
        self.write(file, stored_rev + 1, hash)
    }

    /// Saves one file over whatever another tab stored ("keep mine").
    pub fn force_save(&mut self, file: &ClientFile) -> SaveOutcome {
        let rev = match self.stored(&file.id) {
            Ok(Some((_, rev))) => rev,
            _ => self.known.get(&file.id).map(|k| k.rev).unwrap_or(0),
        };
        self.write(file, rev + 1, file_hash(file))
    }

    fn write(&mut self, file: &ClientFile, rev: u64, hash: u64) -> SaveOutcome {
        let record = client_record(file, rev, &self.now());
        match self.set(&client_key(&file.id), &record) {
            Ok(()) => {
                let record = Some(text_hash(&record));
                self.known
                    .insert(file.id.clone(), Known { rev, hash, record });
                SaveOutcome::Saved
            }
            Err(e) => SaveOutcome::Failed(e),
        }
    }

    /// Takes another tab's version as this tab's reference ("take theirs", or a clean reload).
    pub fn adopt(&mut self, file: &ClientFile, rev: u64) {
        self.known.insert(
            file.id.clone(),
            Known {
                rev,
                hash: file_hash(file),
                record: None,
            },
        );
    }

    /// Forgets an id (deleted in another tab and removed from memory here).
    pub fn forget(&mut self, id: &str) {
        self.known.remove(id);
    }

    /// Forgets every revision (the storage was cleared elsewhere): the next save rewrites all.
    pub fn forget_all(&mut self) {
        self.known.clear();
    }

    /// Removes a file's key, unless another tab saved a revision this tab has not seen.
    pub fn remove(&mut self, id: &str) -> RemoveOutcome {
        if self.storage.is_none() {
            self.known.remove(id);
            return RemoveOutcome::Removed;
        }
        let known = self.known.get(id).map(|k| k.rev);
        if let Ok(Some((file, rev))) = self.stored(id) {
            if known.is_some_and(|k| k != rev) {
                return RemoveOutcome::Conflict {
                    file: Box::new(file),
                    rev,
                };
            }
        }
        match self.remove_key(&client_key(id)) {
            Ok(()) => {
                self.known.remove(id);
                RemoveOutcome::Removed
            }
            Err(e) => RemoveOutcome::Failed(e),
        }
    }

    /// Reads a `storage` event on a client key from another tab.
    pub fn external(&self, key: &str, new_value: Option<String>) -> External {
        let Some(id) = key.strip_prefix(CLIENT_PREFIX) else {
            return External::Stale;
        };
        let id = id.to_string();
        match new_value {
            None => External::Deleted { id },
            Some(raw) => match parse_record(key, &raw) {
                Ok((file, rev)) => {
                    if self.known.get(&id).is_some_and(|k| k.rev >= rev) {
                        External::Stale
                    } else {
                        External::Changed {
                            id,
                            file: Box::new(file),
                            rev,
                        }
                    }
                }
                Err(_) => External::Unreadable { id },
            },
        }
    }

    /// Saves the language.
    pub fn save_lang(&self, lang: Lang) -> Result<(), WriteError> {
        let french = lang.is_fr();
        let v = json!({"schema": SCHEMA, "lang": if french { "fr" } else { "en" }}).to_string();
        if self.get(SETTINGS_KEY).as_deref() == Some(v.as_str()) {
            return Ok(());
        }
        self.set(SETTINGS_KEY, &v)
    }

    /// The remembered CSV column mapping (`(field key, header name)` pairs); empty when none or
    /// unreadable (a mapping is a convenience: a bad one is forgotten, never an error).
    pub fn csv_mapping(&self) -> Vec<(String, String)> {
        self.get(CSV_MAPPING_KEY)
            .and_then(|raw| serde_json::from_str::<Vec<(String, String)>>(&raw).ok())
            .unwrap_or_default()
    }

    /// Remembers a CSV column mapping.
    pub fn save_csv_mapping(&self, pairs: &[(String, String)]) -> Result<(), WriteError> {
        let v = serde_json::to_string(pairs).unwrap_or_default();
        self.set(CSV_MAPPING_KEY, &v)
    }

    /// Saves the policy history when it differs from the one last read or written. A history
    /// holding only the defaults is not written until something was stored: the defaults apply
    /// anyway.
    pub fn save_history(&mut self, history: &PolicyHistory) -> Result<(), WriteError> {
        let Some(json) = history_to_json(history) else {
            return Ok(());
        };
        if self.history_json.as_deref() == Some(json.as_str()) {
            return Ok(());
        }
        if self.history_json.is_none() && *history == PolicyHistory::new() {
            self.history_json = Some(json);
            return Ok(());
        }
        self.set(HISTORY_KEY, &history_record(&json, &self.now()))?;
        self.history_json = Some(json);
        Ok(())
    }

    /// The policy history stored now (another tab may have saved a version since this tab read
    /// it); `None` when absent or unreadable.
    pub fn stored_history(&self) -> Option<PolicyHistory> {
        parse_history_record(&self.get(HISTORY_KEY)?).ok()
    }

    /// Takes a history read from storage (another tab's) as what this tab last read.
    pub fn adopt_history(&mut self, history: &PolicyHistory) {
        self.history_json = history_to_json(history);
    }

    /// Bytes and records of the app in storage.
    pub fn usage(&self) -> Usage {
        let mut u = Usage::default();
        for k in self.keys() {
            let v = self.get(&k).unwrap_or_default();
            u.bytes += 2 * (k.encode_utf16().count() + v.encode_utf16().count()) as u64;
            if k.starts_with(CLIENT_PREFIX) {
                u.files += 1;
            } else if k.starts_with(QUARANTINE_PREFIX) {
                u.quarantined += 1;
            }
        }
        u
    }
}
