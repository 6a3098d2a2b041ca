//! The import flow, shared by the portfolio (import, demo portfolio) and the settings screen
//! (restore a backup).
//!
//! 1. A picked file over 20 MB is refused before reading; otherwise its text goes to
//!    `exchange::read_document`. A refusal shows the engine's message, naming the place, in
//!    `import-error`, and nothing changes.
//! 2. **The import asks for confirmation only when there is something to decide**: clients whose
//!    id already exists (each shown with `conflict-replace` / `conflict-keep-both` /
//!    `conflict-skip`, or one choice for all), or a policy in the file that differs from the
//!    current one (adopt it or not). The dialogue's `import-confirm` then applies
//!    `exchange::merge`; `import-cancel` leaves everything as it was.
//! 3. With nothing to decide, the clients are added at once, and a summary says how many.

use leptos::prelude::*;

use crate::domain::client::ClientFile;
use crate::domain::exchange::{self, ConflictChoice};
use crate::domain::policy::Policy;
use crate::domain::policy_history::same_rules;
use crate::store::{Bilingual, NoSpace};

use super::busy::after_paint;
use super::components::fmt::tr;
use super::io::{self, ReadError};
use super::{display_name, use_state, AppState, Lang};

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

/// A document read and accepted, waiting for the user's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    /// The file name, or the demo portfolio.
    pub source: Bilingual,
    pub clients: Vec<ClientFile>,
    pub policy: Option<Policy>,
    /// The file's policy differs from the current one.
    pub policy_differs: bool,
    pub adopt_policy: bool,
    pub conflicts: Vec<Conflict>,
}

impl PendingImport {
    /// Every conflict has a choice.
    pub fn ready(&self) -> bool {
        self.conflicts.iter().all(|c| c.choice.is_some())
    }
}

/// What the last import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ImportStatus {
    #[default]
    Idle,
    /// Refused; nothing changed.
    Error(Bilingual),
    Done(Summary),
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
        let source = self.source.get(fr);
        if fr {
            format!("Import terminé ({source}) : {}.", parts.join(", "))
        } else {
            format!("Import done ({source}): {}.", parts.join(", "))
        }
    }
}

fn quote_source(name: &str) -> Bilingual {
    Bilingual::new(format!("« {name} »"), format!("“{name}”"))
}

/// Reads a document's text and either imports it at once or opens the dialogue. The progress
/// indicator is painted first: reading thousands of files takes seconds.
pub fn begin_import(state: AppState, source: Bilingual, text: String) {
    state.finish_delete();
    state.import.set(None);
    state.busy.set(Some(Bilingual::new(
        format!("Lecture de {}…", source.fr),
        format!("Reading {}…", source.en),
    )));
    after_paint(move || read_and_decide(state, source, &text));
}

/// Reads the document, then applies it or opens the dialogue; the indicator stays only while
/// the import goes on.
fn read_and_decide(state: AppState, source: Bilingual, text: &str) {
    state.busy.set(None);
    let doc = match exchange::read_document(text) {
        Ok(doc) => doc,
        Err(e) => {
            state.import_status.set(ImportStatus::Error(Bilingual::new(
                format!(
                    "Fichier refusé ({}) — {} Rien n'a été modifié.",
                    source.fr,
                    sentence(&e.message(true))
                ),
                format!(
                    "File refused ({}) — {} Nothing was changed.",
                    source.en,
                    sentence(&e.message(false))
                ),
            )));
            return;
        }
    };
    let policy_differs = doc
        .policy
        .as_ref()
        .is_some_and(|p| state.policy.with_untracked(|cur| !same_rules(cur, p)));
    if doc.clients.is_empty() && !policy_differs {
        state.import_status.set(ImportStatus::Error(Bilingual::new(
            format!(
                "Aucun dossier dans ce fichier ({}). Rien n'a été modifié.",
                source.fr
            ),
            format!(
                "No client file in this document ({}). Nothing was changed.",
                source.en
            ),
        )));
        return;
    }
    let conflicts = state.files.with_untracked(|existing| {
        exchange::conflicts(existing, &doc.clients)
            .into_iter()
            .filter_map(|i| doc.clients.get(i))
            .map(|c| Conflict {
                id: c.id.clone(),
                incoming_name: c.name.clone(),
                existing_name: existing
                    .iter()
                    .find(|e| e.id == c.id)
                    .map(|e| e.name.clone())
                    .unwrap_or_default(),
                choice: None,
            })
            .collect::<Vec<_>>()
    });
    let pending = PendingImport {
        source,
        clients: doc.clients,
        policy: doc.policy,
        policy_differs,
        adopt_policy: false,
        conflicts,
    };
    if pending.conflicts.is_empty() && !pending.policy_differs {
        start_apply(state, pending);
    } else {
        state.import_status.set(ImportStatus::Idle);
        state.import.set(Some(pending));
    }
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

/// Applies an import once the indicator, saying how many files are being saved, is painted.
fn start_apply(state: AppState, pending: PendingImport) {
    let n = pending.clients.len();
    state.busy.set(Some(Bilingual::new(
        format!(
            "Enregistrement de {n} dossier{}…",
            if n > 1 { "s" } else { "" }
        ),
        format!("Saving {n} file{}…", if n > 1 { "s" } else { "" }),
    )));
    after_paint(move || {
        apply(state, pending);
        state.busy.set(None);
    });
}

/// Applies an import: merges the clients with the choices made, adopts the policy if asked.
/// An import whose records do not fit in what is left of the storage is refused whole, before
/// anything is written.
fn apply(state: AppState, pending: PendingImport) {
    let choice_of = |id: &str| {
        pending
            .conflicts
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.choice)
            // An id repeated inside the file itself: never drop it silently.
            .unwrap_or(ConflictChoice::KeepBoth)
    };
    let mut summary = Summary {
        source: pending.source.clone(),
        ..Summary::default()
    };
    let conflict_ids: std::collections::HashSet<&str> =
        pending.conflicts.iter().map(|c| c.id.as_str()).collect();
    for c in &pending.clients {
        if conflict_ids.contains(c.id.as_str()) {
            match choice_of(&c.id) {
                ConflictChoice::Replace => summary.replaced += 1,
                ConflictChoice::KeepBoth => summary.kept_both += 1,
                ConflictChoice::Skip => summary.skipped += 1,
            }
        } else {
            summary.added += 1;
        }
    }
    let existing = state.files.get_untracked();
    let mut merged = exchange::merge(existing, pending.clients.clone(), |c| choice_of(&c.id));
    let adopting = pending.policy.as_ref().filter(|_| pending.adopt_policy);
    if adopting.is_none() {
        // Rated now under the policy in force, as they will be saved, so the space is measured
        // on the records as written (with an adopted policy, they are rated under it later).
        state.rate_unrated_in(&mut merged);
    }
    if let Err(no_space) = state.room_for_files(&merged, adopting) {
        let (fr, en) = match &no_space {
            NoSpace::Short(r) => (r.message(true), r.message(false)),
            NoSpace::Failed(e) => (e.message(true), e.message(false)),
        };
        state.import.set(None);
        state.import_status.set(ImportStatus::Error(Bilingual::new(
            format!(
                "Fichier refusé ({}) — {} Rien n'a été modifié.",
                pending.source.fr,
                sentence(&fr)
            ),
            format!(
                "File refused ({}) — {} Nothing was changed.",
                pending.source.en,
                sentence(&en)
            ),
        )));
        return;
    }
    state.replace_files(merged);
    // Saved now, while the indicator is up, rather than in the next task without it.
    state.flush();
    if pending.adopt_policy {
        if let Some(p) = pending.policy {
            // Saved as a new version of the policy history (validated first).
            summary.policy_adopted = state.adopt_policy(p);
        }
    }
    state.import.set(None);
    state.import_status.set(ImportStatus::Done(summary));
}

/// Reads the file picked in an `<input type="file">` and starts the import.
pub fn import_from_input(state: AppState, input: &web_sys::HtmlInputElement) {
    state.import_status.set(ImportStatus::Idle);
    // Up while the browser reads the file (tens of megabytes take a moment).
    state.busy.set(Some(Bilingual::new(
        "Lecture du fichier…",
        "Reading the file…",
    )));
    let picked = io::read_picked_file(input, move |r| match r {
        Ok((name, text)) => begin_import(state, quote_source(&name), text),
        Err(e) => {
            state.busy.set(None);
            let msg = match &e {
                ReadError::TooLarge { .. } | ReadError::Unreadable { .. } => {
                    Bilingual::new(e.message(true), e.message(false))
                }
            };
            state.import_status.set(ImportStatus::Error(msg));
        }
    });
    if !picked {
        state.busy.set(None);
    }
}

/// Loads the demo portfolio through the same import flow.
pub fn load_demo(state: AppState) {
    begin_import(
        state,
        Bilingual::new("portefeuille de démonstration", "demo portfolio"),
        DEMO_PORTFOLIO.to_string(),
    );
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

/// Puts the files of the demo portfolio back as shipped: edited ones are overwritten, deleted
/// ones come back; every other file (the user's own, copies of demo files under other ids) is
/// untouched. `None` only if the shipped portfolio could not be read.
pub fn reset_demo(state: AppState) -> Option<DemoReset> {
    let demo = exchange::read_document(DEMO_PORTFOLIO).ok()?.clients;
    // A demo file in its undo window is deleted for good first, then re-created.
    state.finish_delete();
    let mut files = state.files.get_untracked();
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
        state.replace_files(files);
    }
    Some(done)
}

/// Ids of the demo files, read once.
fn is_demo_id(id: &str) -> bool {
    static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        exchange::read_document(DEMO_PORTFOLIO)
            .map(|d| d.clients.into_iter().map(|c| c.id).collect())
            .unwrap_or_default()
    })
    .iter()
    .any(|d| d == id)
}

/// "Réinitialiser la démo" (`reset-demo`), with one confirmation (`reset-demo-confirm` /
/// `reset-demo-cancel`); the summary is the notice at the bottom of the screen (the portfolio
/// redraws its toolbar when the number of files changes, so nothing here would outlive a reset).
/// With `always` false it shows only while a demo file is in the portfolio.
pub fn reset_demo_control(state: AppState, always: bool) -> AnyView {
    let lang = state.lang;
    let asking = RwSignal::new(false);
    let present = crate::ui::components::memo(move || {
        always || state.files.with(|fs| fs.iter().any(|f| is_demo_id(&f.id)))
    });
    let confirm = move |_| {
        asking.set(false);
        if let Some(d) = reset_demo(state) {
            state.notify(Bilingual::new(d.message(Lang::Fr), d.message(Lang::En)));
        }
    };
    view! {
        <div class="reset-demo">
            <Show when=move || present.get()>
                <button type="button" class="btn btn-ghost" data-testid="reset-demo"
                    on:click=move |_| asking.set(true)>
                    {tr(lang, "Réinitialiser la démo", "Reset the demo")}
                </button>
            </Show>
            {move || asking.get().then(|| view! {
                <div class="confirm" role="alertdialog" data-testid="reset-demo-dialog">
                    <p>{tr(lang,
                        "Remettre les dossiers de démonstration dans leur état d'origine ? Leurs modifications seront perdues ; vos propres dossiers ne sont pas touchés.",
                        "Put the demo files back as they were shipped? Their changes will be lost; your own files are not touched.",
                    )}</p>
                    <button type="button" class="btn btn-danger" data-testid="reset-demo-confirm" on:click=confirm>
                        {tr(lang, "Réinitialiser", "Reset")}
                    </button>
                    <button type="button" class="btn" data-testid="reset-demo-cancel" on:click=move |_| asking.set(false)>
                        {tr(lang, "Annuler", "Cancel")}
                    </button>
                </div>
            })}
        </div>
    }
    .into_any()
}

/// A button that picks a JSON file and imports it. The `<input type="file">` carries `testid`.
#[component]
pub fn ImportButton(
    /// `data-testid` of the file input.
    testid: &'static str,
    /// The button's label.
    label: Signal<&'static str>,
) -> impl IntoView {
    let state = use_state();
    view! {
        <label class="btn file-btn">
            <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                data-testid=testid
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    import_from_input(state, &input);
                }
            />
            <span aria-hidden="true">"⤓ "</span>
            {label}
        </label>
    }
}

/// The outcome of the last import: the refusal (`import-error`) or the summary
/// (`import-summary`).
#[component]
pub fn ImportFeedback() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.import_status.with(|s| match s {
            ImportStatus::Idle => None,
            ImportStatus::Error(m) => Some(
                view! {
                    <div class="alert alert-error" role="alert" data-testid="import-error">
                        <span>{m.get(lang.is_fr()).to_string()}</span>
                        <button class="btn-icon btn-close" aria-label=lang.pick("Fermer", "Close")
                            on:click=move |_| state.import_status.set(ImportStatus::Idle)></button>
                    </div>
                }
                .into_any(),
            ),
            ImportStatus::Done(summary) => Some(
                view! {
                    <div class="alert alert-ok" role="status" data-testid="import-summary">
                        <span>{summary.message(lang)}</span>
                        <button class="btn-icon btn-close" aria-label=lang.pick("Fermer", "Close")
                            on:click=move |_| state.import_status.set(ImportStatus::Idle)></button>
                    </div>
                }
                .into_any(),
            ),
        })
    }
}

fn set_choice(state: AppState, index: Option<usize>, choice: ConflictChoice) {
    state.import.update(|p| {
        if let Some(p) = p {
            for (i, c) in p.conflicts.iter_mut().enumerate() {
                if index.is_none_or(|j| j == i) {
                    c.choice = Some(choice);
                }
            }
        }
    });
}

/// The import dialogue: one line per id conflict, the policy question, confirm or cancel.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let confirm = move |_| {
        if let Some(p) = state.import.get_untracked() {
            if p.ready() {
                start_apply(state, p);
            }
        }
    };
    let cancel = move |_| state.import.set(None);
    let choice_button = move |i: Option<usize>,
                              choice: ConflictChoice,
                              testid: &'static str,
                              fr: &'static str,
                              en: &'static str| {
        let pressed = move || {
            state.import.with(|p| {
                p.as_ref().is_some_and(|p| match i {
                    Some(i) => p.conflicts.get(i).and_then(|c| c.choice) == Some(choice),
                    None => {
                        !p.conflicts.is_empty()
                            && p.conflicts.iter().all(|c| c.choice == Some(choice))
                    }
                })
            })
        };
        view! {
            <button
                class="btn btn-choice"
                data-testid=testid
                aria-pressed=move || pressed().to_string()
                on:click=move |_| set_choice(state, i, choice)
            >
                {move || lang.get().pick(fr, en)}
            </button>
        }
    };
    // Re-rendered when another import opens or the language changes, not on every choice.
    let shown = crate::ui::components::memo(move || {
        state.import.with(|p| {
            p.as_ref()
                .map(|p| (p.source.clone(), p.clients.len(), p.conflicts.len()))
        })
    });
    move || {
        // Read, not just tracked: a memo never read is never computed, so never notifies.
        shown.with(|_| ());
        let p = state.import.get_untracked()?;
        let l = lang.get();
        let fr = l.is_fr();
        let n = p.conflicts.len();
        let rows = p
            .conflicts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let same = c.incoming_name == c.existing_name;
                view! {
                    <li class="conflict" data-testid="import-conflict" data-id=c.id.clone()>
                        <div class="conflict-what">
                            <strong>{display_name(&c.incoming_name, fr)}</strong>
                            <span class="muted">" · " {l.pick("identifiant", "id")} " " <code>{c.id.clone()}</code></span>
                            {(!same).then(|| view! {
                                <div class="muted">
                                    {l.pick("Dossier existant : ", "Existing file: ")}
                                    {display_name(&c.existing_name, fr)}
                                </div>
                            })}
                        </div>
                        <div class="choices" role="group" aria-label=l.pick("Que faire ?", "What to do?")>
                            {choice_button(Some(i), ConflictChoice::Replace, "conflict-replace", "Remplacer", "Replace")}
                            {choice_button(Some(i), ConflictChoice::KeepBoth, "conflict-keep-both", "Garder les deux", "Keep both")}
                            {choice_button(Some(i), ConflictChoice::Skip, "conflict-skip", "Ignorer", "Skip")}
                        </div>
                    </li>
                }
            })
            .collect_view();
        let new_count = p.clients.len().saturating_sub(n);
        let policy_version = p.policy.as_ref().map(|p| p.version).unwrap_or_default();
        let current_version = state.policy.with_untracked(|p| p.version);
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
                    <h2 id="import-title">{l.pick("Importer — ", "Import — ")}{p.source.get(fr).to_string()}</h2>
                    <p>
                        {if fr {
                            format!("{} dossier(s) dans le fichier, dont {} nouveau(x).", p.clients.len(), new_count)
                        } else {
                            format!("{} file(s) in the document, {} of them new.", p.clients.len(), new_count)
                        }}
                    </p>
                    {(n > 0).then(|| view! {
                        <p>
                            {if fr {
                                format!("{n} dossier(s) portent un identifiant déjà présent. Choisissez pour chacun :")
                            } else {
                                format!("{n} file(s) have an id already in use. Choose for each:")
                            }}
                        </p>
                        {(n > 1).then(|| view! {
                            <div class="choices choices-all" role="group" aria-label=l.pick("Pour tous", "For all")>
                                <span class="muted">{l.pick("Pour tous :", "For all:")}</span>
                                {choice_button(None, ConflictChoice::Replace, "conflict-all-replace", "Tout remplacer", "Replace all")}
                                {choice_button(None, ConflictChoice::KeepBoth, "conflict-all-keep-both", "Tout garder", "Keep all")}
                                {choice_button(None, ConflictChoice::Skip, "conflict-all-skip", "Tout ignorer", "Skip all")}
                            </div>
                        })}
                        <ul class="conflicts">{rows}</ul>
                    })}
                    {p.policy_differs.then(|| view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                data-testid="import-adopt-policy"
                                prop:checked=p.adopt_policy
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    state.import.update(|p| if let Some(p) = p { p.adopt_policy = on });
                                }
                            />
                            <span>
                                {if fr {
                                    format!("Adopter la politique de crédit du fichier (version {policy_version}) à la place de l'actuelle (version {current_version})")
                                } else {
                                    format!("Adopt the file's credit policy (version {policy_version}) instead of the current one (version {current_version})")
                                }}
                            </span>
                        </label>
                    })}
                    <div class="dialog-actions">
                        <button class="btn" data-testid="import-cancel" on:click=cancel>
                            {l.pick("Annuler", "Cancel")}
                        </button>
                        <button
                            class="btn btn-primary"
                            data-testid="import-confirm"
                            disabled=move || !state.import.with(|p| p.as_ref().is_some_and(PendingImport::ready))
                            on:click=confirm
                        >
                            {l.pick("Importer", "Import")}
                        </button>
                    </div>
                    {move || (!state.import.with(|p| p.as_ref().is_some_and(PendingImport::ready))).then(|| view! {
                        <p class="muted hint">{lang.get().pick("Choisissez une action pour chaque dossier en double.", "Choose an action for each duplicate file.")}</p>
                    })}
                </div>
            </div>
        })
    }
}
