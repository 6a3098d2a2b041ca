//! The dunning steps done (docs/receivables.md "Dunning"): a stage marked sent is recorded on
//! each of its invoices as an action dated today, and can be undone.

use super::{Lang, Workspace};
use crate::domain::receivables::dunning::{mark_done, undo, Stage};
use chrono::NaiveDate;

impl Workspace {
    /// Records `stage` as done today on the invoices `refs` of the file `id`, with a note;
    /// returns how many invoices got it.
    pub fn mark_stage_sent(
        &mut self,
        id: &str,
        refs: &[String],
        stage: Stage,
        note: &str,
    ) -> usize {
        let today = self.today;
        let mut changed = 0;
        self.update_file(id, |f| {
            if let Some(l) = f.ledger.as_mut() {
                changed = mark_done(l, refs, stage, today, note).len();
            }
        });
        if changed > 0 {
            self.say(
                format!(
                    "« {} » enregistrée sur {changed} facture(s).",
                    stage.label(Lang::Fr)
                ),
                format!(
                    "“{}” recorded on {changed} invoice(s).",
                    stage.label(Lang::En)
                ),
            );
        }
        changed
    }

    /// Removes the action `stage` dated `on` from the invoices `refs` of the file `id`;
    /// returns how many were removed.
    pub fn undo_stage(&mut self, id: &str, refs: &[String], stage: Stage, on: NaiveDate) -> usize {
        let mut removed = 0;
        self.update_file(id, |f| {
            if let Some(l) = f.ledger.as_mut() {
                removed = undo(l, refs, stage, on);
            }
        });
        if removed > 0 {
            self.say(
                format!(
                    "« {} » annulée sur {removed} facture(s).",
                    stage.label(Lang::Fr)
                ),
                format!(
                    "“{}” undone on {removed} invoice(s).",
                    stage.label(Lang::En)
                ),
            );
        }
        removed
    }
}
