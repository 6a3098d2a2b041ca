//! The files: edits, creation, copies, deletion with its undo window, and their ratings.

use super::{display_name, Message, PendingDelete, Workspace};
use crate::domain::client::ClientFile;
use crate::domain::exchange;
use crate::domain::lang::Lang;
use crate::domain::policy_history::{rate_file, rerate_outdated};
use crate::store::{Bilingual, RemoveOutcome};

impl Workspace {
    /// Edits the file `id` in place. A file rated under the policy in force keeps its rating
    /// record in step with its figures; one rated under an earlier version keeps that rating
    /// until it is re-rated ([`Workspace::rerate`]).
    pub fn update_file(&mut self, id: &str, edit: impl FnOnce(&mut ClientFile)) {
        let today = self.today;
        let Some(f) = self.files.iter_mut().find(|f| f.id == id) else {
            return;
        };
        edit(f);
        let policy = self.history.current();
        if f.rating
            .as_ref()
            .is_none_or(|r| r.policy_version == policy.version)
        {
            rate_file(f, policy, today);
        }
        self.mark(id);
    }

    /// Records the rating of the file `id` under the policy in force (the one-tap re-rate).
    pub fn rerate(&mut self, id: &str) {
        let today = self.today;
        let policy = self.history.current();
        if let Some(f) = self.files.iter_mut().find(|f| f.id == id) {
            rate_file(f, policy, today);
            self.mark(id);
        }
    }

    /// Re-rates every file rated under another version than the one in force (or never
    /// rated); returns how many.
    pub fn rerate_all(&mut self) -> usize {
        let count = rerate_outdated(&mut self.files, self.history.current(), self.today);
        if count > 0 {
            self.mark_all();
        }
        count
    }

    /// Records a first rating on every file that has none (a new file, an import, a file
    /// stored before ratings were kept).
    pub(super) fn rate_unrated(&mut self) {
        let mut files = std::mem::take(&mut self.files);
        let rated = self.rate_missing(&mut files);
        self.files = files;
        for id in &rated {
            self.mark(id);
        }
    }

    /// Rates, under the policy in force and the workspace's day, the files of `files` that have
    /// no rating; returns their ids.
    pub(super) fn rate_missing(&self, files: &mut [ClientFile]) -> Vec<String> {
        let (policy, today) = (self.history.current(), self.today);
        let mut rated = Vec::new();
        for f in files.iter_mut().filter(|f| f.rating.is_none()) {
            rate_file(f, policy, today);
            rated.push(f.id.clone());
        }
        rated
    }

    /// An id not used in memory, in storage (another tab) nor by a deletion in its undo window.
    pub fn fresh_id(&self, base: &str) -> String {
        let pending = self
            .status
            .pending_delete
            .as_ref()
            .map(|p| p.file.id.as_str());
        exchange::fresh_id(base, |id| {
            self.files.iter().any(|f| f.id == id) || pending == Some(id) || self.store.exists(id)
        })
    }

    /// Adds a file (its id must be fresh) at `at` (the end by default), rated if it has no
    /// rating; returns its id.
    pub fn add_file(&mut self, mut file: ClientFile, at: Option<usize>) -> String {
        if file.rating.is_none() {
            rate_file(&mut file, self.history.current(), self.today);
        }
        let id = file.id.clone();
        let at = at.unwrap_or(self.files.len()).min(self.files.len());
        self.files.insert(at, file);
        self.mark(&id);
        id
    }

    /// Creates an empty file with a fresh id made from `base` (the shell's stamp); returns it.
    pub fn create_file(&mut self, base: &str) -> String {
        let id = self.fresh_id(base);
        let file = ClientFile {
            id: id.clone(),
            ..ClientFile::default()
        };
        self.add_file(file, None)
    }

    /// Copies a file under a fresh id, just after the original; returns the new id.
    pub fn duplicate_file(&mut self, id: &str) -> Option<String> {
        let index = self.files.iter().position(|f| f.id == id)?;
        let mut copy = self.files[index].clone();
        copy.id = self.fresh_id(&copy.id);
        if !copy.name.trim().is_empty() {
            let word = self.lang.pick("copie", "copy");
            copy.name = format!("{} ({word})", copy.name);
        }
        let name = copy.name.clone();
        let new_id = self.add_file(copy, Some(index + 1));
        self.say(
            format!("Copie créée : « {} ».", display_name(&name, Lang::Fr)),
            format!("Copy created: “{}”.", display_name(&name, Lang::En)),
        );
        Some(new_id)
    }

    /// Removes a file from the list, with an undo window: its key stays in storage until
    /// [`Workspace::finish_delete`] (the window's end, or the page left). Returns the
    /// deletion's `seq`, which the shell's timer gives back.
    pub fn delete_file(&mut self, id: &str) -> Option<u64> {
        self.finish_delete();
        let index = self.files.iter().position(|f| f.id == id)?;
        let file = self.files.remove(index);
        self.outcome.changed.files = true;
        self.outcome.changed.status = true;
        self.outcome.closed.push(id.to_string());
        let seq = self.next_seq();
        let name = file.name.clone();
        self.status.pending_delete = Some(PendingDelete { file, index, seq });
        self.outcome.messages.push(Message {
            text: Bilingual::new(
                format!("« {} » supprimé.", display_name(&name, Lang::Fr)),
                format!("“{}” deleted.", display_name(&name, Lang::En)),
            ),
            undo: Some(seq),
        });
        Some(seq)
    }

    /// Puts back the file of the last deletion, if its undo window is still open.
    pub fn undo_delete(&mut self) {
        let Some(p) = self.status.pending_delete.take() else {
            return;
        };
        self.outcome.changed.status = true;
        self.add_file(p.file, Some(p.index));
    }

    /// Ends the undo window of deletion `seq`, if it is still the one pending.
    pub fn finish_delete_of(&mut self, seq: u64) {
        if self
            .status
            .pending_delete
            .as_ref()
            .is_some_and(|p| p.seq == seq)
        {
            self.finish_delete();
        }
    }

    /// Ends the undo window of the pending deletion: removes the key, unless another tab saved
    /// a newer version, which comes back into the list.
    pub fn finish_delete(&mut self) {
        let Some(p) = self.status.pending_delete.take() else {
            return;
        };
        self.outcome.changed.status = true;
        match self.store.remove(&p.file.id) {
            RemoveOutcome::Removed => {}
            RemoveOutcome::Conflict { file, rev } => {
                self.store.adopt(&file, rev);
                let name = file.name.clone();
                self.files.insert(p.index.min(self.files.len()), *file);
                self.outcome.changed.files = true;
                self.say(
                    format!(
                        "« {} » a été modifié dans un autre onglet : il est conservé.",
                        display_name(&name, Lang::Fr)
                    ),
                    format!(
                        "“{}” was changed in another tab: it is kept.",
                        display_name(&name, Lang::En)
                    ),
                );
            }
            RemoveOutcome::Failed(e) => self.fail(e),
        }
    }

    /// Replaces every file (an import, a demo reset); what changed is saved.
    pub fn replace_files(&mut self, files: Vec<ClientFile>) {
        self.files = files;
        self.rate_unrated();
        self.mark_all();
    }
}
