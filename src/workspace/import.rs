//! An import: the document read, what needs the user's choices (ids already in use, a policy
//! that differs), then the choices applied. An import whose records do not fit in what is left
//! of the storage is refused whole, before anything is written. The demo's reset lives here
//! too: it is an import of the shipped portfolio that only touches the demo's own files.

use std::collections::HashSet;

use super::{Lang, Workspace};
use crate::domain::client::ClientFile;
use crate::domain::exchange::{self, ConflictChoice};
use crate::domain::policy::Policy;
use crate::domain::policy_history::same_rules;
use crate::store::{Bilingual, NoSpace};

/// The demo portfolio, shipped in the build.
pub const DEMO_PORTFOLIO: &str = include_str!("../../samples/demo-portfolio.json");

/// One incoming client whose id is already taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: String,
    pub incoming_name: String,
    pub existing_name: String,
    pub choice: Option<ConflictChoice>,
}

/// A document read and accepted, waiting for the user's choices (or for none).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// The file name, or the demo portfolio.
    pub source: Bilingual,
    pub clients: Vec<ClientFile>,
    pub policy: Option<Policy>,
    /// The file's policy differs from the current one.
    pub policy_differs: bool,
    pub adopt_policy: bool,
    pub conflicts: Vec<Conflict>,
}

impl ImportPlan {
    /// Every conflict has a choice.
    pub fn ready(&self) -> bool {
        self.conflicts.iter().all(|c| c.choice.is_some())
    }

    /// There is something for the user to decide: the dialogue opens.
    pub fn needs_choices(&self) -> bool {
        !self.conflicts.is_empty() || self.policy_differs
    }

    /// Sets the choice of conflict `index`, or of every conflict.
    pub fn choose(&mut self, index: Option<usize>, choice: ConflictChoice) {
        for (i, c) in self.conflicts.iter_mut().enumerate() {
            if index.is_none_or(|j| j == i) {
                c.choice = Some(choice);
            }
        }
    }

    fn choice_of(&self, id: &str) -> ConflictChoice {
        self.conflicts
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.choice)
            // An id repeated inside the file itself: never drop it silently.
            .unwrap_or(ConflictChoice::KeepBoth)
    }
}

/// Counts of an applied import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub source: Bilingual,
    pub added: usize,
    pub replaced: usize,
    pub kept_both: usize,
    pub skipped: usize,
    pub policy_adopted: bool,
}

impl Summary {
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang.is_fr();
        let mut parts = Vec::new();
        let n = |k: usize, fr1: &str, frn: &str, en1: &str, enn: &str| {
            let w = match (fr, k > 1) {
                (true, false) => fr1,
                (true, true) => frn,
                (false, false) => en1,
                (false, true) => enn,
            };
            format!("{k} {w}")
        };
        parts.push(n(
            self.added,
            "dossier ajouté",
            "dossiers ajoutés",
            "file added",
            "files added",
        ));
        if self.replaced > 0 {
            parts.push(n(
                self.replaced,
                "remplacé",
                "remplacés",
                "replaced",
                "replaced",
            ));
        }
        if self.kept_both > 0 {
            parts.push(n(
                self.kept_both,
                "ajouté en double",
                "ajoutés en double",
                "kept as a copy",
                "kept as copies",
            ));
        }
        if self.skipped > 0 {
            parts.push(n(self.skipped, "ignoré", "ignorés", "skipped", "skipped"));
        }
        if self.policy_adopted {
            parts.push(lang.pick("politique adoptée", "policy adopted").to_string());
        }
        let source = self.source.get(lang);
        if fr {
            format!("Import terminé ({source}) : {}.", parts.join(", "))
        } else {
            format!("Import done ({source}): {}.", parts.join(", "))
        }
    }
}

/// What a reset of the demo did, file by file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemoReset {
    /// Demo files that had been edited, put back as shipped.
    pub restored: usize,
    /// Demo files that were missing, added again.
    pub recreated: usize,
    /// Demo files already as shipped.
    pub unchanged: usize,
}

impl DemoReset {
    pub fn message(&self, lang: Lang) -> String {
        let (r, c, u) = (self.restored, self.recreated, self.unchanged);
        let s = |n: usize| if n > 1 { "s" } else { "" };
        if r + c == 0 {
            return lang
                .pick(
                    "Démo déjà dans son état d'origine : rien n'a été modifié.",
                    "The demo is already as shipped: nothing was changed.",
                )
                .to_string();
        }
        if lang.is_fr() {
            format!("Démo réinitialisée : {r} dossier{} remis à l'état d'origine, {c} recréé{}, {u} inchangé{}. Vos autres dossiers n'ont pas été modifiés.", s(r), s(c), s(u))
        } else {
            format!("Demo reset: {r} file{} restored, {c} re-created, {u} unchanged. Your other files were not changed.", s(r))
        }
    }
}

/// The refusal of an import: its source, why (in each language), and that nothing changed.
pub(super) fn refused(source: &Bilingual, fr: String, en: String) -> Bilingual {
    Bilingual::new(
        format!(
            "Fichier refusé ({}) — {} Rien n'a été modifié.",
            source.fr,
            sentence(&fr)
        ),
        format!(
            "File refused ({}) — {} Nothing was changed.",
            source.en,
            sentence(&en)
        ),
    )
}

/// Ends a message with a full stop.
fn sentence(s: &str) -> String {
    let s = s.trim_end();
    if s.ends_with('.') {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

impl Workspace {
    /// Reads a document for import: the plan of what it brings, or why it is refused (the
    /// place of the fault, in both languages). Nothing changes yet.
    pub fn plan_import(&mut self, source: Bilingual, text: &str) -> Result<ImportPlan, Bilingual> {
        self.finish_delete();
        let doc = exchange::read_document(text)
            .map_err(|e| refused(&source, e.message(Lang::Fr), e.message(Lang::En)))?;
        let policy_differs = doc
            .policy
            .as_ref()
            .is_some_and(|p| !same_rules(self.policy(), p));
        if doc.clients.is_empty() && !policy_differs {
            return Err(Bilingual::new(
                format!(
                    "Aucun dossier dans ce fichier ({}). Rien n'a été modifié.",
                    source.fr
                ),
                format!(
                    "No client file in this document ({}). Nothing was changed.",
                    source.en
                ),
            ));
        }
        let conflicts = exchange::conflicts(&self.files, &doc.clients)
            .into_iter()
            .filter_map(|i| doc.clients.get(i))
            .map(|c| Conflict {
                id: c.id.clone(),
                incoming_name: c.name.clone(),
                existing_name: self.file(&c.id).map(|e| e.name.clone()).unwrap_or_default(),
                choice: None,
            })
            .collect();
        Ok(ImportPlan {
            source,
            clients: doc.clients,
            policy: doc.policy,
            policy_differs,
            adopt_policy: false,
            conflicts,
        })
    }

    /// Applies an import with the choices made: merges the clients, adopts the policy if
    /// asked, saves. Refused whole, with the sizes, when its records do not fit in what is left
    /// of the storage: then nothing changes, in memory or in storage.
    pub fn apply_import(&mut self, plan: ImportPlan) -> Result<Summary, Bilingual> {
        let mut summary = Summary {
            source: plan.source.clone(),
            ..Summary::default()
        };
        let conflict_ids: HashSet<&str> = plan.conflicts.iter().map(|c| c.id.as_str()).collect();
        for c in &plan.clients {
            if !conflict_ids.contains(c.id.as_str()) {
                summary.added += 1;
                continue;
            }
            match plan.choice_of(&c.id) {
                ConflictChoice::Replace => summary.replaced += 1,
                ConflictChoice::KeepBoth => summary.kept_both += 1,
                ConflictChoice::Skip => summary.skipped += 1,
            }
        }
        let mut merged = exchange::merge(self.files.clone(), plan.clients.clone(), |c| {
            plan.choice_of(&c.id)
        });
        let adopting = plan.policy.as_ref().filter(|_| plan.adopt_policy);
        if adopting.is_none() {
            // Rated now under the policy in force, as they will be saved, so the space is
            // measured on the records as written (with an adopted policy, they are rated under
            // it once it is in force).
            self.rate_missing(&mut merged);
        }
        self.room_for(&merged, adopting)
            .map_err(|no_space| match &no_space {
                NoSpace::Short(r) => {
                    refused(&plan.source, r.message(Lang::Fr), r.message(Lang::En))
                }
                NoSpace::Failed(e) => {
                    refused(&plan.source, e.message(Lang::Fr), e.message(Lang::En))
                }
            })?;
        if let Some(p) = adopting {
            // A new version of the policy history (validated first), before the files are
            // rated under it.
            summary.policy_adopted = self.adopt_policy(p.clone());
        }
        self.replace_files(merged);
        self.flush();
        Ok(summary)
    }

    /// Whether saving `files` fits in what is left of the storage, with `policy` added to the
    /// policy history when it is adopted. Nothing stored changes.
    pub(super) fn room_for(
        &self,
        files: &[ClientFile],
        policy: Option<&Policy>,
    ) -> Result<(), NoSpace> {
        if !self.store.available() {
            return Ok(());
        }
        let mut needed = self.store.space_for(files);
        if let Some(p) = policy {
            needed.written += self.store.policy_space(p);
        }
        self.store.room_for(needed.net())
    }

    /// Puts the files of the demo portfolio back as shipped: edited ones are overwritten,
    /// deleted ones come back; every other file (the user's own, copies of demo files under
    /// other ids) is untouched. `None` only if the shipped portfolio could not be read.
    pub fn reset_demo(&mut self) -> Option<DemoReset> {
        let demo = exchange::read_document(DEMO_PORTFOLIO).ok()?.clients;
        // A demo file in its undo window is deleted for good first, then re-created.
        self.finish_delete();
        let mut files = self.files.clone();
        let mut done = DemoReset::default();
        for original in demo {
            match files.iter_mut().find(|f| f.id == original.id) {
                Some(f) => {
                    // The rating record is not content: it is recomputed for a restored file.
                    let mut mine = f.clone();
                    mine.rating = None;
                    if mine == original {
                        done.unchanged += 1;
                    } else {
                        *f = original;
                        done.restored += 1;
                    }
                }
                None => {
                    files.push(original);
                    done.recreated += 1;
                }
            }
        }
        if done.restored + done.recreated > 0 {
            self.replace_files(files);
        }
        Some(done)
    }
}

/// Whether an id is one of the demo portfolio's files (read once).
pub fn is_demo_id(id: &str) -> bool {
    static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        exchange::read_document(DEMO_PORTFOLIO)
            .map(|d| d.clients.into_iter().map(|c| c.id).collect())
            .unwrap_or_default()
    })
    .iter()
    .any(|d| d == id)
}
