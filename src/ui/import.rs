//! The import flow, shared by the portfolio (import, demo portfolio) and the settings screen
//! (restore a backup). The rules are the workspace's ([`Workspace::plan_import`],
//! [`Workspace::apply_import`]); this module reads the file, paints the progress indicator
//! before each long step, and holds the dialogue.
//!
//! 1. A picked file over 20 MB is refused before reading; otherwise its text is read by the
//!    workspace. A refusal shows the message, naming the place, in `import-error`, and nothing
//!    changes.
//! 2. **The import asks for confirmation only when there is something to decide**: clients whose
//!    id already exists (each shown with `conflict-replace` / `conflict-keep-both` /
//!    `conflict-skip`, or one choice for all), or a policy in the file that differs from the
//!    current one (adopt it or not). The dialogue's `import-confirm` then applies it;
//!    `import-cancel` leaves everything as it was.
//! 3. With nothing to decide, the clients are added at once, and a summary says how many. An
//!    import whose records do not fit in what is left of the storage is refused whole.

use leptos::prelude::*;

use crate::domain::exchange::ConflictChoice;
use crate::store::Bilingual;
use crate::workspace::{is_demo_id, Workspace};
pub use crate::workspace::{DemoReset, ImportPlan as PendingImport, Summary, DEMO_PORTFOLIO};

use super::busy::after_paint;
use super::components::fmt::tr;
use super::io::{self, ReadError};
use super::{display_name, use_state, AppState, Lang};

/// What the last import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ImportStatus {
    #[default]
    Idle,
    /// Refused; nothing changed.
    Error(Bilingual),
    Done(Summary),
}

fn quote_source(name: &str) -> Bilingual {
    Bilingual::new(format!("« {name} »"), format!("“{name}”"))
}

/// Reads a document's text and either imports it at once or opens the dialogue. The progress
/// indicator is painted first: reading thousands of files takes seconds.
pub fn begin_import(state: AppState, source: Bilingual, text: String) {
    state.import.set(None);
    state.busy.set(Some(Bilingual::new(
        format!("Lecture de {}…", source.fr),
        format!("Reading {}…", source.en),
    )));
    after_paint(move || {
        let Some(plan) = state.act(|w| w.plan_import(source, &text)) else {
            return;
        };
        state.busy.set(None);
        match plan {
            Err(refusal) => state.import_status.set(ImportStatus::Error(refusal)),
            Ok(plan) if plan.needs_choices() => {
                state.import_status.set(ImportStatus::Idle);
                state.import.set(Some(plan));
            }
            Ok(plan) => start_apply(state, plan),
        }
    });
}

/// Applies an import once the indicator, saying how many files are being saved, is painted.
fn start_apply(state: AppState, plan: PendingImport) {
    let n = plan.clients.len();
    state.busy.set(Some(Bilingual::new(
        format!(
            "Enregistrement de {n} dossier{}…",
            if n > 1 { "s" } else { "" }
        ),
        format!("Saving {n} file{}…", if n > 1 { "s" } else { "" }),
    )));
    after_paint(move || {
        let Some(done) = state.act(|w| w.apply_import(plan)) else {
            return;
        };
        state.import.set(None);
        state.import_status.set(match done {
            Ok(summary) => ImportStatus::Done(summary),
            Err(refusal) => ImportStatus::Error(refusal),
        });
        state.busy.set(None);
    });
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
                    Bilingual::new(e.message(Lang::Fr), e.message(Lang::En))
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
        if let Some(d) = state.act(Workspace::reset_demo).flatten() {
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
                        <span>{m.get(lang).to_string()}</span>
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
            p.choose(index, choice);
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
                            <strong>{display_name(&c.incoming_name, l)}</strong>
                            <span class="muted">" · " {l.pick("identifiant", "id")} " " <code>{c.id.clone()}</code></span>
                            {(!same).then(|| view! {
                                <div class="muted">
                                    {l.pick("Dossier existant : ", "Existing file: ")}
                                    {display_name(&c.existing_name, l)}
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
                    <h2 id="import-title">{l.pick("Importer — ", "Import — ")}{p.source.get(l).to_string()}</h2>
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
