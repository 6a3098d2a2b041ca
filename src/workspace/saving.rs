//! Saving: the files changed since the last save are written, one record each; a write that
//! fails is retried at the next save, and the banner says why.

use std::collections::HashSet;

use super::{SaveStatus, TabConflict, Workspace};
use crate::store::{SaveOutcome, Theirs, WriteError};

impl Workspace {
    /// Writes the files changed since the last save (the shell calls it in the task after a
    /// change, when the page is left, and from the "retry" buttons).
    pub fn flush(&mut self) {
        if !self.store.available() {
            return;
        }
        let mut ids: HashSet<String> = std::mem::take(&mut self.marks.ids);
        ids.extend(self.marks.failed.drain());
        // Nothing marked (a retry): check every file; unchanged ones are not written.
        let all = std::mem::take(&mut self.marks.all) || ids.is_empty();
        let mut saved = 0usize;
        let mut failed: Vec<(String, WriteError)> = Vec::new();
        let mut conflicts: Vec<TabConflict> = Vec::new();
        for f in self.files.iter().filter(|f| all || ids.contains(&f.id)) {
            match self.store.save(f) {
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
        for c in conflicts {
            self.push_conflict(c);
        }
        if let Some((_, e)) = failed.first() {
            self.fail(e.clone());
            self.status.save_status = SaveStatus::Failed;
            self.marks
                .failed
                .extend(failed.into_iter().map(|(id, _)| id));
        } else {
            if self.status.storage_error.take().is_some() {
                self.outcome.changed.status = true;
            }
            // The indicator shows the minute: the banners are drawn again only when it moves.
            let now = SaveStatus::Saved((self.clock)());
            if saved > 0 && self.status.save_status != now {
                self.status.save_status = now;
                self.outcome.changed.status = true;
            }
        }
    }

    /// After the storage was cleared in another tab: writes every file again.
    pub fn save_all_again(&mut self) {
        self.status.storage_cleared = false;
        self.outcome.changed.status = true;
        self.mark_all();
        self.flush();
    }

    /// Saves the policy history when it changed (one key, every version).
    pub(super) fn save_history(&mut self) {
        if !self.store.available() {
            return;
        }
        if let Err(e) = self.store.save_history(&self.history) {
            self.fail(e);
        }
    }
}
