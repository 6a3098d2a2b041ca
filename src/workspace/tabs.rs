//! Another tab's changes: an edit or a deletion made there is taken here when this tab has
//! not changed the file since it last read or wrote it; otherwise the two versions meet in a
//! conflict the user settles (keep mine, or take theirs). Nothing is ever overwritten silently.

use super::{display_name, Lang, SaveStatus, TabConflict, Workspace};
use crate::store::{
    parse_history_record, External, SaveOutcome, CLIENT_PREFIX, HISTORY_KEY, QUARANTINE_PREFIX,
    SETTINGS_KEY,
};

impl Workspace {
    /// Applies a `storage` event from another tab: the key and its new value (`None` when
    /// removed); no key at all when the storage was cleared.
    pub fn external_change(&mut self, key: Option<&str>, new_value: Option<String>) {
        let Some(key) = key else {
            // `localStorage.clear()` elsewhere: keep everything in memory, offer to save again.
            self.store.forget_all();
            self.status.storage_cleared = true;
            self.outcome.changed.status = true;
            return;
        };
        if key == SETTINGS_KEY {
            let lang = new_value
                .as_deref()
                .and_then(|v| serde_json::from_str::<serde_json::Value>(v).ok())
                .and_then(|v| match v.get("lang").and_then(|l| l.as_str()) {
                    Some("en") => Some(Lang::En),
                    Some("fr") => Some(Lang::Fr),
                    _ => None,
                });
            if let Some(lang) = lang.filter(|l| *l != self.lang) {
                self.lang = lang;
                self.outcome.changed.lang = true;
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
        match self.store.external(key, new_value) {
            External::Stale | External::Unreadable { .. } => {}
            External::Changed { id, file, rev } => {
                let pending = self
                    .status
                    .pending_delete
                    .as_ref()
                    .is_some_and(|p| p.file.id == id);
                match self.files.iter().position(|f| f.id == id) {
                    // Deleted here, in its undo window: `finish_delete` will find the new
                    // revision and keep it.
                    None if pending => {}
                    None => {
                        self.store.adopt(&file, rev);
                        self.files.push(*file);
                        self.outcome.changed.files = true;
                    }
                    Some(i) if self.store.is_clean(&self.files[i]) => {
                        self.store.adopt(&file, rev);
                        self.files[i] = *file;
                        self.outcome.changed.files = true;
                    }
                    Some(_) => self.push_conflict(TabConflict {
                        id,
                        theirs: Some((*file, rev)),
                    }),
                }
            }
            External::Deleted { id } => match self.files.iter().position(|f| f.id == id) {
                None => self.store.forget(&id),
                Some(i) if self.store.is_clean(&self.files[i]) => {
                    let name = self.files[i].name.clone();
                    self.store.forget(&id);
                    self.remove_from_memory(&id);
                    self.say(
                        format!(
                            "« {} » a été supprimé dans un autre onglet.",
                            display_name(&name, Lang::Fr)
                        ),
                        format!(
                            "“{}” was deleted in another tab.",
                            display_name(&name, Lang::En)
                        ),
                    );
                }
                Some(_) => self.push_conflict(TabConflict { id, theirs: None }),
            },
        }
    }

    pub(super) fn push_conflict(&mut self, c: TabConflict) {
        match self.status.tab_conflicts.iter_mut().find(|o| o.id == c.id) {
            Some(old) => *old = c,
            None => self.status.tab_conflicts.push(c),
        }
        self.outcome.changed.status = true;
    }

    /// Settles a conflict with another tab: keep this tab's version (written over theirs) or
    /// take theirs (replacing this tab's, or removing it when they deleted it).
    pub fn resolve_conflict(&mut self, id: &str, keep_mine: bool) {
        let Some(i) = self.status.tab_conflicts.iter().position(|c| c.id == id) else {
            return;
        };
        let c = self.status.tab_conflicts.remove(i);
        self.outcome.changed.status = true;
        if keep_mine {
            let Some(mine) = self.files.iter().find(|f| f.id == id) else {
                return;
            };
            match self.store.force_save(mine) {
                SaveOutcome::Failed(e) => {
                    self.fail(e);
                    self.marks.failed.insert(id.to_string());
                }
                _ => self.status.save_status = SaveStatus::Saved((self.clock)()),
            }
            return;
        }
        match c.theirs {
            Some((file, rev)) => {
                self.store.adopt(&file, rev);
                if let Some(f) = self.files.iter_mut().find(|f| f.id == id) {
                    *f = file;
                }
                self.mark(id);
            }
            None => {
                self.store.forget(id);
                self.remove_from_memory(id);
            }
        }
    }
}
