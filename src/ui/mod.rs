//! The Leptos user interface: renders domain values, computes nothing financial.
//!
//! [`AppState`] is the shared state, provided as context by [`App`]. Every change to the client
//! files goes through its methods (`update_file`, `add_file`, `delete_file`, …): they mark what
//! changed, and one effect saves exactly those files (see [`crate::storage`]).

pub mod busy;
pub mod components;
pub mod format;
pub mod import;
pub mod io;
pub mod offline;
pub mod pages;
pub mod shell;

use std::collections::HashSet;
use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::analysis::{analyse, Analysis};
use crate::domain::client::ClientFile;
use crate::domain::exchange;
use crate::domain::policy::Policy;
use crate::domain::policy_history::{rate_file, rerate_outdated, HistoryError, PolicyHistory};
use crate::store::{
    parse_history_record, Bilingual, External, Quarantined, RemoveOutcome, SaveOutcome, Store,
    Theirs, WriteError, CLIENT_PREFIX, HISTORY_KEY, QUARANTINE_PREFIX, SETTINGS_KEY,
};

/// Interface language; French first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn is_fr(self) -> bool {
        self == Lang::Fr
    }

    /// Picks the string of the language: every visible string goes through here.
    pub fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The ISO code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        self.pick("fr", "en")
    }
}

/// The screens; switched by a signal (and mirrored in the URL hash), never by path routes, so
/// the build works from any sub-path of a plain static server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Portfolio,
    Client,
    Analysis,
    Policy,
    Settings,
}

impl View {
    /// The hash of the view: `#portfolio`, `#client/<id>`, `#analysis/<id>`, `#policy`,
    /// `#settings`. The id is URI-encoded.
    pub fn hash(self, id: Option<&str>) -> String {
        let with_id = |name: &str| match id {
            Some(id) => format!("#{name}/{}", String::from(js_sys::encode_uri_component(id))),
            None => format!("#{name}"),
        };
        match self {
            View::Portfolio => "#portfolio".into(),
            View::Client => with_id("client"),
            View::Analysis => with_id("analysis"),
            View::Policy => "#policy".into(),
            View::Settings => "#settings".into(),
        }
    }

    /// Reads a hash; an unknown one is the portfolio.
    pub fn from_hash(hash: &str) -> (View, Option<String>) {
        let h = hash.trim_start_matches('#');
        let (name, id) = match h.split_once('/') {
            Some((n, id)) => (n, Some(id)),
            None => (h, None),
        };
        let id = id.filter(|s| !s.is_empty()).map(|s| {
            js_sys::decode_uri_component(s)
                .map(String::from)
                .unwrap_or_else(|_| s.to_string())
        });
        match name {
            "client" => (View::Client, id),
            "analysis" => (View::Analysis, id),
            "policy" => (View::Policy, None),
            "settings" => (View::Settings, None),
            _ => (View::Portfolio, None),
        }
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

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: Bilingual,
    /// Offers to undo the last deletion.
    pub undo: bool,
    /// Identifies the notice, so a timer only closes its own.
    pub seq: u64,
}

/// A deletion still in its undo window: the key stays in storage until it ends.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingDelete {
    pub file: ClientFile,
    pub index: usize,
    pub seq: u64,
}

/// What changed since the last save.
#[derive(Default)]
struct Marks {
    ids: HashSet<String>,
    all: bool,
    /// Ids whose last save failed: retried on the next save.
    failed: HashSet<String>,
}

/// How long a deletion can be undone.
const UNDO_WINDOW: Duration = Duration::from_secs(10);

/// State shared by every screen, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every client file, in storage order.
    pub files: RwSignal<Vec<ClientFile>>,
    /// Id of the file open in the client and analysis views.
    pub current: RwSignal<Option<String>>,
    pub view: RwSignal<View>,
    pub lang: RwSignal<Lang>,
    /// The credit policy in force: always the current version of `history`. Setting it to
    /// another policy (an import adopting a file's policy) saves that policy as a new version,
    /// or puts the current one back when it is invalid.
    pub policy: RwSignal<Policy>,
    /// Every version of the credit policy; change it with `save_policy`, `revert_policy`,
    /// `reset_policy`.
    pub history: RwSignal<PolicyHistory>,
    /// The analysis date: today, in the browser's time zone. It follows the clock (a tab left
    /// open past midnight rates, dates and reviews with the new day): see [`follow_the_day`].
    pub today: RwSignal<NaiveDate>,
    /// The open file, derived from `files` and `current`.
    pub current_file: Memo<Option<ClientFile>>,
    /// The analysis of the open file: derived, never stored.
    pub analysis: Memo<Option<Analysis>>,

    /// The browser's storage and what this tab last read or wrote.
    store: StoredValue<Store, LocalStorage>,
    marks: StoredValue<Marks, LocalStorage>,
    /// False when the browser gives no storage: the app works in memory.
    pub storage_available: RwSignal<bool>,
    pub save_status: RwSignal<SaveStatus>,
    /// The last write failure, until a save succeeds again.
    pub storage_error: RwSignal<Option<WriteError>>,
    /// Records set aside during this session's load (the banner).
    pub quarantined_now: RwSignal<Vec<Quarantined>>,
    /// Edits that met another tab's edits.
    pub tab_conflicts: RwSignal<Vec<TabConflict>>,
    /// Another tab cleared the storage.
    pub storage_cleared: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    pub pending_delete: RwSignal<Option<PendingDelete>>,
    /// An import waiting for the user's choices.
    pub import: RwSignal<Option<import::PendingImport>>,
    /// The outcome of the last import.
    pub import_status: RwSignal<import::ImportStatus>,
    /// Long work under way (an import): what the indicator says, until it ends.
    pub busy: RwSignal<Option<Bilingual>>,
    seq: StoredValue<u64>,
}

impl AppState {
    /// A state in memory only; [`App`] attaches the browser's storage with
    /// [`AppState::attach_storage`].
    pub fn new(day: NaiveDate) -> Self {
        let today = RwSignal::new(day);
        let files = RwSignal::new(Vec::<ClientFile>::new());
        let current = RwSignal::new(None::<String>);
        let history = RwSignal::new(PolicyHistory::new());
        let policy = RwSignal::new(history.with_untracked(|h| h.current().clone()));
        let current_file = components::memo(move || {
            let id = current.get()?;
            files.with(|fs| fs.iter().find(|f| f.id == id).cloned())
        });
        let analysis = components::memo(move || {
            current_file
                .get()
                .map(|f| policy.with(|p| analyse(&f, p, today.get())))
        });
        Self {
            files,
            current,
            view: RwSignal::new(View::Portfolio),
            lang: RwSignal::new(Lang::Fr),
            policy,
            history,
            today,
            current_file,
            analysis,
            store: StoredValue::new_local(Store::memory()),
            marks: StoredValue::new_local(Marks::default()),
            storage_available: RwSignal::new(false),
            save_status: RwSignal::new(SaveStatus::Idle),
            storage_error: RwSignal::new(None),
            quarantined_now: RwSignal::new(Vec::new()),
            tab_conflicts: RwSignal::new(Vec::new()),
            storage_cleared: RwSignal::new(false),
            notice: RwSignal::new(None),
            pending_delete: RwSignal::new(None),
            import: RwSignal::new(None),
            import_status: RwSignal::new(import::ImportStatus::Idle),
            busy: RwSignal::new(None),
            seq: StoredValue::new(0),
        }
    }

    /// Opens the browser's storage and loads everything from it: files, language, policy.
    /// Unreadable records are set aside and listed in `quarantined_now`.
    pub fn attach_storage(&self) {
        let mut store = crate::storage::open_store();
        let loaded = store.load();
        self.storage_available.set(store.available());
        if let Some(fr) = loaded.lang_fr {
            self.lang.set(if fr { Lang::Fr } else { Lang::En });
        }
        if let Some(h) = loaded.history {
            self.set_history(h);
        } else if let Some(p) = loaded.policy {
            self.set_history(PolicyHistory::from_policy(p));
        }
        self.files.set(loaded.files);
        self.quarantined_now.set(loaded.quarantined);
        self.store.set_value(store);
    }

    /// Edits the file `id` in place; the storage effect saves it. A file rated under the policy
    /// in force keeps its rating record in step with its figures; one rated under an earlier
    /// version keeps that rating until it is re-rated ([`AppState::rerate`]).
    pub fn update_file(&self, id: &str, edit: impl FnOnce(&mut ClientFile)) {
        self.mark(id);
        let today = self.today.get_untracked();
        self.policy.with_untracked(|policy| {
            self.files.update(|fs| {
                if let Some(f) = fs.iter_mut().find(|f| f.id == id) {
                    edit(f);
                    if f.rating
                        .as_ref()
                        .is_none_or(|r| r.policy_version == policy.version)
                    {
                        rate_file(f, policy, today);
                    }
                }
            });
        });
    }

    /// Records the rating of the file `id` under the policy in force (the one-tap re-rate).
    pub fn rerate(&self, id: &str) {
        self.mark(id);
        let today = self.today.get_untracked();
        self.policy.with_untracked(|policy| {
            self.files.update(|fs| {
                if let Some(f) = fs.iter_mut().find(|f| f.id == id) {
                    rate_file(f, policy, today);
                }
            });
        });
    }

    /// Re-rates every file rated under another version than the one in force (or never rated);
    /// returns how many.
    pub fn rerate_all(&self) -> usize {
        let policy = self.policy.get_untracked();
        let mut count = 0;
        self.files.update(|fs| {
            count = rerate_outdated(fs, &policy, self.today.get_untracked());
        });
        if count > 0 {
            self.mark_all();
        }
        count
    }

    /// Records a first rating on every file that has none (a new file, an import, a file
    /// stored before ratings were kept).
    fn rate_unrated(&self) {
        if !self
            .files
            .with_untracked(|fs| fs.iter().any(|f| f.rating.is_none()))
        {
            return;
        }
        let today = self.today.get_untracked();
        let mut rated = Vec::new();
        self.policy.with_untracked(|policy| {
            self.files.update(|fs| {
                for f in fs.iter_mut().filter(|f| f.rating.is_none()) {
                    rate_file(f, policy, today);
                    rated.push(f.id.clone());
                }
            });
        });
        for id in &rated {
            self.mark(id);
        }
    }

    /// Rates, under the policy in force, the files of `files` that have no rating yet (files
    /// about to be added by an import).
    pub fn rate_unrated_in(&self, files: &mut [ClientFile]) {
        let today = self.today.get_untracked();
        self.policy.with_untracked(|policy| {
            for f in files.iter_mut().filter(|f| f.rating.is_none()) {
                rate_file(f, policy, today);
            }
        });
    }

    /// Makes `history` the policy's history and its current version the policy in force.
    fn set_history(&self, history: PolicyHistory) {
        let current = history.current().clone();
        self.history.set(history);
        if self.policy.with_untracked(|p| *p != current) {
            self.policy.set(current);
        }
    }

    /// Applies a change to a copy of the history; nothing changes when it is refused. First
    /// takes a newer history saved by another tab, so that no version is lost.
    fn change_history(
        &self,
        change: impl FnOnce(&mut PolicyHistory) -> Result<u32, HistoryError>,
    ) -> Result<u32, HistoryError> {
        self.take_newer_history(None);
        let mut h = self.history.get_untracked();
        let version = change(&mut h)?;
        self.set_history(h);
        Ok(version)
    }

    /// Takes another tab's history when its version in force is newer than ours. `stored` is
    /// the new value of a storage event; `None` reads the storage.
    fn take_newer_history(&self, stored: Option<PolicyHistory>) {
        let stored = match stored {
            Some(h) => Some(h),
            None => self.store.with_value(|s| s.stored_history()),
        };
        let Some(h) = stored else { return };
        let ours = self.history.with_untracked(|o| o.current().version);
        if h.current().version > ours {
            self.store.update_value(|s| s.adopt_history(&h));
            self.set_history(h);
        }
    }

    /// Saves a draft as a new version of the credit policy, dated today, with a comment;
    /// returns its number. An invalid draft, or one with the rules in force, is refused and
    /// nothing changes.
    pub fn save_policy(&self, draft: Policy, comment: &str) -> Result<u32, HistoryError> {
        let today = self.today.get_untracked();
        self.change_history(|h| h.save(draft, today, comment).map(|p| p.version))
    }

    /// Goes back to an earlier version (saved again as a new version); returns its number.
    pub fn revert_policy(&self, version: u32, comment: &str) -> Result<u32, HistoryError> {
        let today = self.today.get_untracked();
        self.change_history(|h| h.revert_to(version, today, comment).map(|p| p.version))
    }

    /// Saves the defaults of FINANCE.md as a new version; returns its number.
    pub fn reset_policy(&self, comment: &str) -> Result<u32, HistoryError> {
        let today = self.today.get_untracked();
        self.change_history(|h| h.reset_to_defaults(today, comment).map(|p| p.version))
    }

    /// Makes a policy from elsewhere (an imported file's) the policy in force, as a new version;
    /// true when its rules are in force afterwards. An invalid policy is refused with a notice,
    /// and the policy in force stays.
    pub fn adopt_policy(&self, policy: Policy) -> bool {
        let lang = self.lang.get_untracked();
        let comment = lang.pick(
            "Adoptée depuis un fichier importé",
            "Adopted from an imported file",
        );
        let adopted = match self.save_policy(policy, comment) {
            Ok(_) | Err(HistoryError::Unchanged) => true,
            Err(e) => {
                self.notify(Bilingual::new(
                    format!(
                        "La politique du fichier n'a pas été adoptée : {}",
                        e.message(true)
                    ),
                    format!("The file's policy was not adopted: {}", e.message(false)),
                ));
                false
            }
        };
        // Whatever happened, the policy in force is the history's current version.
        let current = self.history.with_untracked(|h| h.current().clone());
        if self.policy.with_untracked(|p| *p != current) {
            self.policy.set(current);
        }
        adopted
    }

    /// Opens a file in the given view.
    pub fn open(&self, id: &str, view: View) {
        self.current.set(Some(id.to_string()));
        self.view.set(view);
    }

    fn mark(&self, id: &str) {
        self.marks.update_value(|m| {
            m.ids.insert(id.to_string());
        });
    }

    fn mark_all(&self) {
        self.marks.update_value(|m| m.all = true);
    }

    fn next_seq(&self) -> u64 {
        let mut n = 0;
        self.seq.update_value(|s| {
            *s += 1;
            n = *s;
        });
        n
    }

    /// Shows a short message; it closes by itself after a while.
    pub fn notify(&self, text: Bilingual) {
        self.show_notice(text, false, Duration::from_secs(6));
    }

    fn show_notice(&self, text: Bilingual, undo: bool, duration: Duration) {
        let seq = self.next_seq();
        self.notice.set(Some(Notice { text, undo, seq }));
        let notice = self.notice;
        set_timeout(
            move || {
                if notice
                    .try_with_untracked(|n| n.as_ref().is_some_and(|n| n.seq == seq))
                    .unwrap_or(false)
                {
                    notice.set(None);
                }
            },
            duration,
        );
    }

    /// An id not used in memory, in storage (another tab) nor by a deletion in its undo window.
    pub fn fresh_id(&self, base: &str) -> String {
        let files = self.files.get_untracked();
        let pending = self
            .pending_delete
            .with_untracked(|p| p.as_ref().map(|p| p.file.id.clone()));
        self.store.with_value(|store| {
            exchange::fresh_id(base, |id| {
                files.iter().any(|f| f.id == id)
                    || pending.as_deref() == Some(id)
                    || store.exists(id)
            })
        })
    }

    /// Adds a file (its id must be fresh) and returns its id.
    pub fn add_file(&self, file: ClientFile, at: Option<usize>) -> String {
        let id = file.id.clone();
        self.mark(&id);
        self.files.update(|fs| {
            let at = at.unwrap_or(fs.len()).min(fs.len());
            fs.insert(at, file);
        });
        id
    }

    /// Creates an empty file with a fresh id and opens it.
    pub fn create_file(&self) {
        let base = format!("client-{}", short_stamp());
        let id = self.fresh_id(&base);
        let file = ClientFile {
            id: id.clone(),
            ..ClientFile::default()
        };
        self.add_file(file, None);
        self.open(&id, View::Client);
    }

    /// Copies a file under a fresh id, just after the original; returns the new id.
    pub fn duplicate_file(&self, id: &str) -> Option<String> {
        let (index, original) = self.files.with_untracked(|fs| {
            fs.iter()
                .position(|f| f.id == id)
                .map(|i| (i, fs[i].clone()))
        })?;
        let new_id = self.fresh_id(&original.id);
        let mut copy = original;
        copy.id = new_id.clone();
        copy.name = if copy.name.trim().is_empty() {
            String::new()
        } else {
            format!(
                "{} ({})",
                copy.name,
                self.lang.get_untracked().pick("copie", "copy")
            )
        };
        let name = copy.name.clone();
        self.add_file(copy, Some(index + 1));
        self.notify(Bilingual::new(
            format!("Copie créée : « {} ».", display_name(&name, true)),
            format!("Copy created: “{}”.", display_name(&name, false)),
        ));
        Some(new_id)
    }

    /// Removes a file from the list, with an undo window; its key is removed when the window
    /// ends (or the page is left).
    pub fn delete_file(&self, id: &str) {
        self.finish_delete();
        let Some((index, file)) = self.files.with_untracked(|fs| {
            fs.iter()
                .position(|f| f.id == id)
                .map(|i| (i, fs[i].clone()))
        }) else {
            return;
        };
        self.files.update(|fs| {
            fs.remove(index);
        });
        if self.current.get_untracked().as_deref() == Some(id)
            && matches!(self.view.get_untracked(), View::Client | View::Analysis)
        {
            self.view.set(View::Portfolio);
        }
        let seq = self.next_seq();
        let name = file.name.clone();
        self.pending_delete
            .set(Some(PendingDelete { file, index, seq }));
        self.show_notice(
            Bilingual::new(
                format!("« {} » supprimé.", display_name(&name, true)),
                format!("“{}” deleted.", display_name(&name, false)),
            ),
            true,
            UNDO_WINDOW,
        );
        let state = *self;
        set_timeout(
            move || {
                if state
                    .pending_delete
                    .try_with_untracked(|p| p.as_ref().is_some_and(|p| p.seq == seq))
                    .unwrap_or(false)
                {
                    state.finish_delete();
                }
            },
            UNDO_WINDOW,
        );
    }

    /// Puts back the file of the last deletion, if its undo window is still open.
    pub fn undo_delete(&self) {
        let Some(p) = self.pending_delete.try_update(|p| p.take()).flatten() else {
            return;
        };
        self.notice.set(None);
        self.add_file(p.file, Some(p.index));
    }

    /// Ends the undo window of the pending deletion: removes the key, unless another tab saved
    /// a newer version, which comes back into the list.
    pub fn finish_delete(&self) {
        let Some(p) = self.pending_delete.try_update(|p| p.take()).flatten() else {
            return;
        };
        if self
            .notice
            .with_untracked(|n| n.as_ref().is_some_and(|n| n.undo))
        {
            self.notice.set(None);
        }
        let outcome = self
            .store
            .try_update_value(|s| s.remove(&p.file.id))
            .unwrap_or(RemoveOutcome::Removed);
        match outcome {
            RemoveOutcome::Removed => {}
            RemoveOutcome::Conflict { file, rev } => {
                self.store.update_value(|s| s.adopt(&file, rev));
                let name = file.name.clone();
                self.add_file(*file, Some(p.index));
                self.notify(Bilingual::new(
                    format!(
                        "« {} » a été modifié dans un autre onglet : il est conservé.",
                        display_name(&name, true)
                    ),
                    format!(
                        "“{}” was changed in another tab: it is kept.",
                        display_name(&name, false)
                    ),
                ));
            }
            RemoveOutcome::Failed(e) => {
                self.storage_error.set(Some(e));
            }
        }
    }

    /// Replaces every file after an import, and saves what changed.
    pub fn replace_files(&self, files: Vec<ClientFile>) {
        self.mark_all();
        self.files.set(files);
    }

    /// Saves the files changed since the last save. Called by the storage effect; also by the
    /// "retry" buttons.
    pub fn flush(&self) {
        if !self.storage_available.get_untracked() {
            return;
        }
        let (ids, all) = self
            .marks
            .try_update_value(|m| {
                let mut ids = std::mem::take(&mut m.ids);
                ids.extend(m.failed.drain());
                // A change made without marking (not through AppState): check every file.
                let all = std::mem::take(&mut m.all) || ids.is_empty();
                (ids, all)
            })
            .unwrap_or_default();
        let mut saved = 0usize;
        let mut failed: Vec<(String, WriteError)> = Vec::new();
        let mut conflicts: Vec<TabConflict> = Vec::new();
        self.files.with_untracked(|fs| {
            self.store.update_value(|store| {
                for f in fs.iter().filter(|f| all || ids.contains(&f.id)) {
                    match store.save(f) {
                        SaveOutcome::Saved => saved += 1,
                        SaveOutcome::Unchanged => {}
                        SaveOutcome::Conflict(Theirs::Changed { file, rev }) => {
                            conflicts.push(TabConflict {
                                id: f.id.clone(),
                                theirs: Some((*file, rev)),
                            })
                        }
                        SaveOutcome::Conflict(Theirs::Deleted) => conflicts.push(TabConflict {
                            id: f.id.clone(),
                            theirs: None,
                        }),
                        SaveOutcome::Failed(e) => failed.push((f.id.clone(), e)),
                    }
                }
            });
        });
        for c in conflicts {
            self.push_conflict(c);
        }
        if let Some((_, e)) = failed.first() {
            self.storage_error.set(Some(e.clone()));
            self.save_status.set(SaveStatus::Failed);
            self.marks.update_value(|m| {
                m.failed.extend(failed.iter().map(|(id, _)| id.clone()));
            });
        } else {
            if self.storage_error.with_untracked(Option::is_some) {
                self.storage_error.set(None);
            }
            if saved > 0 {
                self.save_status.set(SaveStatus::Saved(clock()));
            }
        }
    }

    fn push_conflict(&self, c: TabConflict) {
        self.tab_conflicts.update(|cs| {
            if let Some(old) = cs.iter_mut().find(|o| o.id == c.id) {
                *old = c;
            } else {
                cs.push(c);
            }
        });
    }

    /// Settles a conflict with another tab: keep this tab's version (written over theirs) or
    /// take theirs (replacing this tab's).
    pub fn resolve_conflict(&self, id: &str, keep_mine: bool) {
        let Some(c) = self
            .tab_conflicts
            .try_update(|cs| {
                let i = cs.iter().position(|c| c.id == id)?;
                Some(cs.remove(i))
            })
            .flatten()
        else {
            return;
        };
        if keep_mine {
            let mine = self
                .files
                .with_untracked(|fs| fs.iter().find(|f| f.id == id).cloned());
            if let Some(mine) = mine {
                let outcome = self
                    .store
                    .try_update_value(|s| s.force_save(&mine))
                    .unwrap_or(SaveOutcome::Unchanged);
                match outcome {
                    SaveOutcome::Failed(e) => {
                        self.storage_error.set(Some(e));
                        self.marks.update_value(|m| {
                            m.failed.insert(id.to_string());
                        });
                    }
                    _ => self.save_status.set(SaveStatus::Saved(clock())),
                }
            }
        } else {
            match c.theirs {
                Some((file, rev)) => {
                    self.store.update_value(|s| s.adopt(&file, rev));
                    self.mark(id);
                    self.files.update(|fs| {
                        if let Some(f) = fs.iter_mut().find(|f| f.id == id) {
                            *f = file;
                        }
                    });
                }
                None => {
                    self.store.update_value(|s| s.forget(id));
                    self.remove_from_memory(id);
                }
            }
        }
    }

    fn remove_from_memory(&self, id: &str) {
        self.files.update(|fs| fs.retain(|f| f.id != id));
        if self.current.get_untracked().as_deref() == Some(id)
            && matches!(self.view.get_untracked(), View::Client | View::Analysis)
        {
            self.view.set(View::Portfolio);
        }
    }

    /// Applies a `storage` event from another tab.
    fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            // `localStorage.clear()` elsewhere: keep everything in memory, offer to save again.
            self.store.update_value(|s| s.forget_all());
            self.storage_cleared.set(true);
            return;
        };
        if key == SETTINGS_KEY {
            if let Some(v) = new_value
                .as_deref()
                .and_then(|v| serde_json::from_str::<serde_json::Value>(v).ok())
            {
                match v.get("lang").and_then(|l| l.as_str()) {
                    Some("en") => self.lang.set(Lang::En),
                    Some("fr") => self.lang.set(Lang::Fr),
                    _ => {}
                }
            }
            return;
        }
        if key == HISTORY_KEY {
            if let Some(h) = new_value
                .as_deref()
                .and_then(|v| parse_history_record(v).ok())
            {
                self.take_newer_history(Some(h));
            }
            return;
        }
        if key.starts_with(QUARANTINE_PREFIX) || !key.starts_with(CLIENT_PREFIX) {
            return;
        }
        let external = self.store.with_value(|s| s.external(&key, new_value));
        match external {
            External::Stale | External::Unreadable { .. } => {}
            External::Changed { id, file, rev } => {
                let local = self
                    .files
                    .with_untracked(|fs| fs.iter().find(|f| f.id == id).cloned());
                let pending = self
                    .pending_delete
                    .with_untracked(|p| p.as_ref().is_some_and(|p| p.file.id == id));
                match local {
                    // Deleted here, in its undo window: `finish_delete` will find the new
                    // revision and keep it.
                    None if pending => {}
                    None => {
                        self.store.update_value(|s| s.adopt(&file, rev));
                        self.files.update(|fs| fs.push(*file));
                    }
                    Some(mine) => {
                        if self.store.with_value(|s| s.is_clean(&mine)) {
                            self.store.update_value(|s| s.adopt(&file, rev));
                            self.mark(&id);
                            self.files.update(|fs| {
                                if let Some(f) = fs.iter_mut().find(|f| f.id == id) {
                                    *f = *file;
                                }
                            });
                        } else {
                            self.push_conflict(TabConflict {
                                id,
                                theirs: Some((*file, rev)),
                            });
                        }
                    }
                }
            }
            External::Deleted { id } => {
                let local = self
                    .files
                    .with_untracked(|fs| fs.iter().find(|f| f.id == id).cloned());
                match local {
                    None => self.store.update_value(|s| s.forget(&id)),
                    Some(mine) => {
                        if self.store.with_value(|s| s.is_clean(&mine)) {
                            self.store.update_value(|s| s.forget(&id));
                            self.remove_from_memory(&id);
                            self.notify(Bilingual::new(
                                format!(
                                    "« {} » a été supprimé dans un autre onglet.",
                                    display_name(&mine.name, true)
                                ),
                                format!(
                                    "“{}” was deleted in another tab.",
                                    display_name(&mine.name, false)
                                ),
                            ));
                        } else {
                            self.push_conflict(TabConflict { id, theirs: None });
                        }
                    }
                }
            }
        }
    }

    /// After the storage was cleared in another tab: writes every file again.
    pub fn save_all_again(&self) {
        self.storage_cleared.set(false);
        self.mark_all();
        self.flush();
    }

    /// Records set aside, from storage (all sessions).
    pub fn quarantined_all(&self) -> Vec<Quarantined> {
        self.store.with_value(|s| s.quarantined())
    }

    /// Whether saving `files` (the portfolio after an import) fits in what is left of the
    /// storage, with `policy` added to the policy history when it is adopted. Nothing stored
    /// changes (see [`Store::room_for`]).
    pub fn room_for_files(
        &self,
        files: &[ClientFile],
        policy: Option<&Policy>,
    ) -> Result<(), crate::store::NoSpace> {
        if !self.storage_available.get_untracked() {
            return Ok(());
        }
        self.store.with_value(|s| {
            let mut needed = s.space_for(files);
            if let Some(p) = policy {
                needed.written += s.policy_space(p);
            }
            s.room_for(needed.net())
        })
    }

    /// Storage use.
    pub fn storage_usage(&self) -> crate::store::Usage {
        self.store.with_value(|s| s.usage())
    }

    /// Downloads every file with the policy (exchange format).
    pub fn export_all(&self) {
        let files = self.files.get_untracked();
        let policy = self.policy.get_untracked();
        io::export_clients(&files, &policy, &io::export_filename("portefeuille"));
    }
}

/// A file's name for messages, or "(sans nom)".
pub fn display_name(name: &str, french: bool) -> String {
    if name.trim().is_empty() {
        if french { "(sans nom)" } else { "(no name)" }.to_string()
    } else {
        name.to_string()
    }
}

/// The state provided by [`App`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// Today in the browser's local time zone.
fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Keeps `state.today` on the calendar's day: checked every 30 seconds and whenever the tab
/// comes back into view (a laptop woken the next morning), so that a tab left open past midnight
/// rates files, dates policy versions and computes reviews and staleness with the new day.
fn follow_the_day(state: AppState) {
    let check = move || {
        let day = today();
        if state.today.try_get_untracked().is_some_and(|d| d != day) {
            state.today.set(day);
        }
    };
    let interval = set_interval_with_handle(check, Duration::from_secs(30)).ok();
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| check());
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
        shown.remove();
    });
}

/// The local time as "HH:MM".
fn clock() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// A short, mostly unique stamp for new ids: milliseconds since 1970 in base 36.
fn short_stamp() -> String {
    let mut n = js_sys::Date::now().max(0.0) as u64;
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while n > 0 {
        out.push(digits[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Moves to the view and file of the URL hash.
fn follow_hash(state: AppState, hash: &str) {
    let (view, id) = View::from_hash(hash);
    if let Some(id) = id {
        let exists = state
            .files
            .with_untracked(|fs| fs.iter().any(|f| f.id == id));
        if !exists {
            state.notify(Bilingual::new(
                format!("Dossier introuvable : {id}"),
                format!("File not found: {id}"),
            ));
            state.view.set(View::Portfolio);
            return;
        }
        if state.current.get_untracked().as_deref() != Some(id.as_str()) {
            state.current.set(Some(id));
        }
    }
    if state.view.get_untracked() != view {
        state.view.set(view);
    }
}

/// The application root: loads storage, wires the save effect, the URL hash and the other
/// tabs' changes, and renders the shell around the current screen.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(today());
    provide_context(state);
    // Offline use: the service worker, where the browser allows one (offline.rs).
    offline::start();
    components::report::provide_printing();
    state.attach_storage();
    follow_the_day(state);
    follow_hash(state, &current_hash());

    // Saving: one effect, writing only the files marked as changed. The write runs in the
    // task right after the change (a zero timeout), so a keystroke's figures reach the screen
    // without waiting for the serialisation; leaving the page writes at once (below).
    let save_queued = StoredValue::new(false);
    let mut first = true;
    components::effect(move || {
        state.files.track();
        if !std::mem::take(&mut first) && !save_queued.get_value() {
            save_queued.set_value(true);
            set_timeout(
                move || {
                    save_queued.set_value(false);
                    state.flush();
                },
                Duration::ZERO,
            );
        }
    });
    // The tab's title names the screen, in the interface language.
    components::effect(move || {
        let lang = state.lang.get();
        let screen = match state.view.get() {
            View::Portfolio => lang.pick("Portefeuille", "Portfolio"),
            View::Client => lang.pick("Dossier", "Client file"),
            View::Analysis => lang.pick("Analyse", "Analysis"),
            View::Policy => lang.pick("Politique", "Policy"),
            View::Settings => lang.pick("Paramètres", "Settings"),
        };
        document().set_title(&format!("Encours — {screen}"));
    });
    components::effect(move || {
        let lang = state.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.code());
        }
        if state.storage_available.get_untracked() {
            let r = state.store.with_value(|s| s.save_lang(lang.is_fr()));
            if let Err(e) = r {
                state.storage_error.set(Some(e));
            }
        }
    });
    // The policy history is saved whenever it changes (one key, every version).
    components::effect(move || {
        let r = state.history.with(|h| {
            if state.storage_available.get_untracked() {
                state
                    .store
                    .try_update_value(|s| s.save_history(h))
                    .unwrap_or(Ok(()))
            } else {
                Ok(())
            }
        });
        if let Err(e) = r {
            state.storage_error.set(Some(e));
        }
    });
    // A policy set from elsewhere than the history (an import adopting a file's policy)
    // becomes a new version, or is put back when refused.
    components::effect(move || {
        let differs = state
            .policy
            .with(|p| state.history.with_untracked(|h| h.current() != p));
        if differs {
            state.adopt_policy(state.policy.get_untracked());
        }
    });
    // Every file keeps the rating it was given: a file without one is rated under the policy
    // in force (new files, imports, files stored before ratings were kept).
    components::effect(move || {
        state.files.track();
        state.rate_unrated();
    });

    // The URL hash mirrors the view; a hash typed or a back button moves the view.
    components::effect(move || {
        let view = state.view.get();
        let id = state.current.get();
        let id = match view {
            View::Client | View::Analysis => id,
            _ => None,
        };
        let hash = view.hash(id.as_deref());
        if current_hash() != hash {
            if let Some(w) = web_sys::window() {
                let location = w.location();
                // The first hash replaces the bare URL rather than adding a history entry.
                let _ = if current_hash().is_empty() {
                    location.replace(&hash)
                } else {
                    location.set_hash(&hash)
                };
            }
        }
    });
    // A screen opens at its top (the verdict first), not at the previous screen's scroll.
    let mut shown: Option<(View, Option<String>)> = None;
    components::effect(move || {
        let now = (state.view.get(), state.current.get());
        if shown.as_ref().is_some_and(|p| *p != now) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        shown = Some(now);
    });
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        follow_hash(state, &current_hash());
    });
    let storage_listener = window_event_listener(leptos::ev::storage, move |e| {
        state.on_storage_event(e.key(), e.new_value());
    });
    // Leaving the page ends a deletion's undo window, and writes what is not written yet.
    let leave_listener = window_event_listener(leptos::ev::pagehide, move |_| {
        state.finish_delete();
        if save_queued.get_value() {
            save_queued.set_value(false);
            state.flush();
        }
    });
    on_cleanup(move || {
        hash_listener.remove();
        storage_listener.remove();
        leave_listener.remove();
    });

    view! {
        // The credit report comes before the app: printing it hides what follows (report.css).
        <components::report::ReportSheet/>
        <div class="app" data-testid="app">
        <div class="top">
            <shell::Header/>
            <shell::Banners/>
        </div>
        <main class="main">
            {move || match state.view.get() {
                View::Portfolio => view! { <pages::portfolio::PortfolioPage/> }.into_any(),
                View::Client => view! { <pages::client::ClientPage/> }.into_any(),
                View::Analysis => view! { <pages::analysis::AnalysisPage/> }.into_any(),
                View::Policy => view! { <pages::policy::PolicyPage/> }.into_any(),
                View::Settings => view! { <pages::settings::SettingsPage/> }.into_any(),
            }}
        </main>
        <import::ImportDialog/>
        <busy::BusyIndicator/>
        <shell::Toast/>
        </div>
    }
}
