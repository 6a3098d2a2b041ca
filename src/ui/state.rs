//! The shell's state: one [`Workspace`] (the app's state and rules, plain Rust) and the signals
//! the screens read and the shell alone owns (the screen, the open file, the toast, an import
//! waiting for choices).
//!
//! Every change goes through [`AppState::act`]: it runs one call on the workspace, then applies
//! its [`Outcome`] — it notifies the views that read what changed (the files, the policy, the
//! banners), shows the messages, times the undo window, leaves the screen of a file that is
//! gone, and queues the save for the next task. Views read the workspace through [`Slice`]s,
//! which track the part they read.

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::import::{ImportStatus, PendingImport};
use super::slice::Slice;
use super::{components, View};
use crate::domain::analysis::{analyse, Analysis};
use crate::domain::client::ClientFile;
use crate::domain::policy::Policy;
use crate::domain::policy_history::{HistoryError, PolicyHistory};
use crate::store::{Bilingual, Quarantined, Usage};
use crate::workspace::{Lang, Outcome, Status, Workspace};

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: Bilingual,
    /// Offers to undo the last deletion.
    pub undo: bool,
    /// Identifies the notice, so a timer only closes its own.
    pub seq: u64,
}

/// How long a deletion can be undone.
const UNDO_WINDOW: Duration = Duration::from_secs(10);

/// State shared by every screen, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    ws: StoredValue<Workspace, LocalStorage>,
    /// Every client file, in storage order.
    pub files: Slice<[ClientFile]>,
    /// The credit policy in force: the current version of `history`.
    pub policy: Slice<Policy>,
    /// Every version of the credit policy.
    pub history: Slice<PolicyHistory>,
    /// What the banners and the save indicator show.
    pub status: Slice<Status>,
    /// The interface language (mirrored into the workspace, which saves it).
    pub lang: RwSignal<Lang>,
    /// The analysis date: today, in the browser's time zone. It follows the clock (a tab left
    /// open past midnight rates, dates and reviews with the new day): see
    /// [`AppState::set_today`].
    pub today: RwSignal<NaiveDate>,
    /// Id of the file open in the client and analysis views.
    pub current: RwSignal<Option<String>>,
    pub view: RwSignal<View>,
    /// The open file, derived from `files` and `current`.
    pub current_file: Memo<Option<ClientFile>>,
    /// The analysis of the open file: derived, never stored.
    pub analysis: Memo<Option<Analysis>>,
    pub notice: RwSignal<Option<Notice>>,
    /// An import waiting for the user's choices.
    pub import: RwSignal<Option<PendingImport>>,
    /// A dunning letter open in its dialogue (and printed instead of the report while open).
    pub letter: RwSignal<Option<super::pages::ledger::letter::OpenLetter>>,
    /// A ledger import (FEC, open-items CSV) in its dialogue.
    pub ledger_import: RwSignal<Option<super::ledger_import::LedgerImport>>,
    /// The outcome of the last import.
    pub import_status: RwSignal<ImportStatus>,
    /// Long work under way (an import): what the indicator says, until it ends.
    pub busy: RwSignal<Option<Bilingual>>,
    /// A save is queued for the next task.
    save_queued: StoredValue<bool>,
    seq: StoredValue<u64>,
}

impl AppState {
    /// The state of an opened workspace; the language and the day are the workspace's.
    pub fn new(ws: Workspace) -> Self {
        let lang = RwSignal::new(ws.lang());
        let today = RwSignal::new(ws.today());
        let ws = StoredValue::new_local(ws);
        let files_changed = Trigger::new();
        let history_changed = Trigger::new();
        let status_changed = Trigger::new();
        let files = Slice {
            ws,
            changed: files_changed,
            part: |w: &Workspace| w.files(),
        };
        let policy = Slice {
            ws,
            changed: history_changed,
            part: Workspace::policy,
        };
        let history = Slice {
            ws,
            changed: history_changed,
            part: Workspace::history,
        };
        let status = Slice {
            ws,
            changed: status_changed,
            part: Workspace::status,
        };
        let current = RwSignal::new(None::<String>);
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
            ws,
            files,
            policy,
            history,
            status,
            lang,
            today,
            current,
            view: RwSignal::new(View::Portfolio),
            current_file,
            analysis,
            notice: RwSignal::new(None),
            import: RwSignal::new(None),
            ledger_import: RwSignal::new(None),
            letter: RwSignal::new(None),
            import_status: RwSignal::new(ImportStatus::Idle),
            busy: RwSignal::new(None),
            save_queued: StoredValue::new(false),
            seq: StoredValue::new(0),
        }
    }

    /// Runs one call on the workspace, then applies what it did. `None` only once the app is
    /// gone (the workspace is owned by the app's root, which lives as long as the page).
    pub fn act<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> Option<R> {
        let (r, outcome) = self.ws.try_update_value(|w| {
            let r = f(w);
            (r, w.take_outcome())
        })?;
        self.apply(outcome);
        Some(r)
    }

    /// Reads the workspace, untracked.
    pub fn read<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.ws.with_value(f)
    }

    fn apply(&self, o: Outcome) {
        if o.changed.files {
            self.files.changed.notify();
        }
        if o.changed.history {
            self.history.changed.notify();
        }
        if o.changed.status {
            self.status.changed.notify();
        }
        if o.changed.lang {
            let lang = self.read(Workspace::lang);
            if self.lang.get_untracked() != lang {
                self.lang.set(lang);
            }
        }
        for id in &o.closed {
            if self.current.get_untracked().as_deref() == Some(id.as_str())
                && self.view.get_untracked().of_file()
            {
                self.view.set(View::Portfolio);
            }
        }
        // The undo offer goes with the deletion it offers to undo.
        let pending = self.read(|w| w.status().pending_delete.as_ref().map(|p| p.seq));
        if pending.is_none()
            && self
                .notice
                .with_untracked(|n| n.as_ref().is_some_and(|n| n.undo))
        {
            self.notice.set(None);
        }
        for m in o.messages {
            match m.undo {
                Some(seq) => {
                    self.show_notice(m.text, true, UNDO_WINDOW);
                    let state = *self;
                    set_timeout(
                        move || {
                            if state.ws.try_with_value(|_| ()).is_some() {
                                state.act(|w| w.finish_delete_of(seq));
                            }
                        },
                        UNDO_WINDOW,
                    );
                }
                None => self.show_notice(m.text, false, Duration::from_secs(6)),
            }
        }
        if o.save_due {
            self.queue_save();
        }
    }

    /// Saves in the task after the change, so that a keystroke's figures reach the screen
    /// without waiting for the record to be written.
    fn queue_save(&self) {
        if self.save_queued.get_value() {
            return;
        }
        self.save_queued.set_value(true);
        let state = *self;
        set_timeout(move || state.flush_queued(), Duration::ZERO);
    }

    /// Writes a queued save now (the page is being left).
    pub fn flush_queued(&self) {
        if self.save_queued.try_get_value().unwrap_or(false) {
            self.save_queued.set_value(false);
            self.flush();
        }
    }

    /// Shows a short message; it closes by itself after a while.
    pub fn notify(&self, text: Bilingual) {
        self.show_notice(text, false, Duration::from_secs(6));
    }

    fn show_notice(&self, text: Bilingual, undo: bool, duration: Duration) {
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
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

    // --- The user's events, each one call on the workspace ----------------------------------

    /// Edits the file `id` in place (see [`Workspace::update_file`]).
    pub fn update_file(&self, id: &str, edit: impl FnOnce(&mut ClientFile)) {
        self.act(|w| w.update_file(id, edit));
    }

    /// Records the rating of the file `id` under the policy in force.
    pub fn rerate(&self, id: &str) {
        self.act(|w| w.rerate(id));
    }

    /// Re-rates every file rated under another version; returns how many.
    pub fn rerate_all(&self) -> usize {
        self.act(Workspace::rerate_all).unwrap_or(0)
    }

    pub fn save_policy(&self, draft: Policy, comment: &str) -> Result<u32, HistoryError> {
        self.act(|w| w.save_policy(draft, comment))
            .unwrap_or(Err(HistoryError::Unchanged))
    }

    pub fn revert_policy(&self, version: u32, comment: &str) -> Result<u32, HistoryError> {
        self.act(|w| w.revert_policy(version, comment))
            .unwrap_or(Err(HistoryError::Unchanged))
    }

    pub fn reset_policy(&self, comment: &str) -> Result<u32, HistoryError> {
        self.act(|w| w.reset_policy(comment))
            .unwrap_or(Err(HistoryError::Unchanged))
    }

    /// Opens a file in the given view.
    pub fn open(&self, id: &str, view: View) {
        self.current.set(Some(id.to_string()));
        self.view.set(view);
    }

    /// Creates an empty file with a fresh id and opens it.
    pub fn create_file(&self) {
        let base = format!("client-{}", short_stamp());
        if let Some(id) = self.act(|w| w.create_file(&base)) {
            self.open(&id, View::Client);
        }
    }

    /// Copies a file under a fresh id, just after the original; returns the new id.
    pub fn duplicate_file(&self, id: &str) -> Option<String> {
        self.act(|w| w.duplicate_file(id)).flatten()
    }

    /// Removes a file from the list, with an undo window.
    pub fn delete_file(&self, id: &str) {
        self.act(|w| w.delete_file(id));
    }

    /// Puts back the file of the last deletion, if its undo window is still open.
    pub fn undo_delete(&self) {
        self.notice.set(None);
        self.act(Workspace::undo_delete);
    }

    /// Ends the undo window of the pending deletion.
    pub fn finish_delete(&self) {
        self.act(Workspace::finish_delete);
    }

    /// Writes what changed (also the "retry" buttons).
    pub fn flush(&self) {
        self.act(Workspace::flush);
    }

    /// Settles a conflict with another tab.
    pub fn resolve_conflict(&self, id: &str, keep_mine: bool) {
        self.act(|w| w.resolve_conflict(id, keep_mine));
    }

    /// After the storage was cleared in another tab: writes every file again.
    pub fn save_all_again(&self) {
        self.act(Workspace::save_all_again);
    }

    pub fn dismiss_cleared(&self) {
        self.act(Workspace::dismiss_cleared);
    }

    pub fn dismiss_quarantine(&self) {
        self.act(Workspace::dismiss_quarantine);
    }

    /// The calendar's day, when it changes.
    pub fn set_today(&self, day: NaiveDate) {
        if self.today.try_get_untracked().is_some_and(|d| d != day) {
            self.act(|w| w.set_today(day));
            self.today.set(day);
        }
    }

    /// Records set aside, from storage (all sessions).
    pub fn quarantined_all(&self) -> Vec<Quarantined> {
        self.read(Workspace::quarantined_all)
    }

    /// Storage use.
    pub fn storage_usage(&self) -> Usage {
        self.read(Workspace::storage_usage)
    }

    /// Downloads every file with the policy (exchange format).
    pub fn export_all(&self) {
        self.read(|w| {
            super::io::export_clients(
                w.files(),
                w.policy(),
                &super::io::export_filename("portefeuille"),
            )
        });
    }
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
