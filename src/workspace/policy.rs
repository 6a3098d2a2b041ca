//! The credit policy: every change is a new version of the history, dated the workspace's
//! day, and saved; a newer history saved by another tab is taken first, so that no version is
//! lost. Files keep the rating they were given until re-rated.

use super::Workspace;
use crate::domain::lang::Lang;
use crate::domain::policy::Policy;
use crate::domain::policy_history::{HistoryError, PolicyHistory};

impl Workspace {
    /// Saves a draft as a new version of the credit policy, dated today, with a comment;
    /// returns its number. An invalid draft, or one with the rules in force, is refused and
    /// nothing changes.
    pub fn save_policy(&mut self, draft: Policy, comment: &str) -> Result<u32, HistoryError> {
        let today = self.today;
        self.change_history(|h| h.save(draft, today, comment).map(|p| p.version))
    }

    /// Goes back to an earlier version (saved again as a new version); returns its number.
    pub fn revert_policy(&mut self, version: u32, comment: &str) -> Result<u32, HistoryError> {
        let today = self.today;
        self.change_history(|h| h.revert_to(version, today, comment).map(|p| p.version))
    }

    /// Saves the defaults of the scoring contract as a new version; returns its number.
    pub fn reset_policy(&mut self, comment: &str) -> Result<u32, HistoryError> {
        let today = self.today;
        self.change_history(|h| h.reset_to_defaults(today, comment).map(|p| p.version))
    }

    /// Makes a policy from elsewhere (an imported file's) the policy in force, as a new
    /// version; true when its rules are in force afterwards. An invalid policy is refused with
    /// a message, and the policy in force stays.
    pub fn adopt_policy(&mut self, policy: Policy) -> bool {
        let comment = self.lang.pick(
            "Adoptée depuis un fichier importé",
            "Adopted from an imported file",
        );
        match self.save_policy(policy, comment) {
            Ok(_) | Err(HistoryError::Unchanged) => true,
            Err(e) => {
                self.say(
                    format!(
                        "La politique du fichier n'a pas été adoptée : {}",
                        e.message(Lang::Fr)
                    ),
                    format!("The file's policy was not adopted: {}", e.message(Lang::En)),
                );
                false
            }
        }
    }

    /// Applies a change to a copy of the history; nothing changes when it is refused.
    fn change_history(
        &mut self,
        change: impl FnOnce(&mut PolicyHistory) -> Result<u32, HistoryError>,
    ) -> Result<u32, HistoryError> {
        self.take_newer_history(None);
        let mut h = self.history.clone();
        let version = change(&mut h)?;
        self.history = h;
        self.outcome.changed.history = true;
        self.save_history();
        Ok(version)
    }

    /// Takes another tab's history when its version in force is newer than ours. `stored` is
    /// the new value of a storage event; `None` reads the storage.
    pub(super) fn take_newer_history(&mut self, stored: Option<PolicyHistory>) {
        let Some(h) = stored.or_else(|| self.store.stored_history()) else {
            return;
        };
        if h.current().version > self.history.current().version {
            self.store.adopt_history(&h);
            self.history = h;
            self.outcome.changed.history = true;
        }
    }
}
