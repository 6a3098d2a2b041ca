//! The frame around every screen: header with navigation, language switch and save indicator;
//! the storage banners; the notice at the bottom (with undo after a deletion).

use leptos::prelude::*;

use crate::store::WriteError;
use crate::ui::components::fmt::tr;

use super::{display_name, use_state, Lang, SaveStatus, View};

/// One navigation button.
#[component]
fn NavButton(
    view: View,
    testid: &'static str,
    fr: &'static str,
    en: &'static str,
    icon: &'static str,
) -> impl IntoView {
    let state = use_state();
    let active = move || state.view.get() == view;
    view! {
        <button
            class="nav-btn"
            class:active=active
            data-testid=testid
            aria-current=move || active().then_some("page")
            on:click=move |_| state.view.set(view)
        >
            <span class="nav-icon" aria-hidden="true">{icon}</span>
            <span class="nav-label">{tr(state.lang, fr, en)}</span>
        </button>
    }
}

/// The header: app name, navigation, save indicator, language switch.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let toggle = move |_| lang.update(|l| *l = if l.is_fr() { Lang::En } else { Lang::Fr });
    // A memo: the open file changes on every keystroke, its name seldom.
    let open_name = crate::ui::components::memo(move || {
        state
            .current_file
            .with(|f| f.as_ref().map(|f| display_name(&f.name, lang.get())))
    });
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"€"</span>
                <span class="brand-name">"Encours"</span>
            </div>
            <nav class="nav" aria-label=tr(lang, "Navigation principale", "Main navigation")>
                <NavButton view=View::Portfolio testid="nav-portfolio" fr="Portefeuille" en="Portfolio" icon="▤"/>
                <NavButton view=View::Client testid="nav-client" fr="Dossier" en="Client file" icon="✎"/>
                <NavButton view=View::Analysis testid="nav-analysis" fr="Analyse" en="Analysis" icon="◔"/>
                <NavButton view=View::Ledger testid="nav-ledger" fr="Encours" en="Ledger" icon="≡"/>
                <NavButton view=View::Monitoring testid="nav-monitoring" fr="Suivi" en="Monitoring" icon="◫"/>
                <NavButton view=View::Policy testid="nav-policy" fr="Politique" en="Policy" icon="⚖"/>
                <NavButton view=View::Settings testid="nav-settings" fr="Paramètres" en="Settings" icon="⚙"/>
            </nav>
            <div class="header-tools">
                {move || open_name.get().filter(|_| state.view.get().of_file()).map(|n| {
                    let title = n.clone();
                    view! { <span class="open-file" title=title>{n}</span> }
                })}
                <SaveIndicator/>
                <button
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    data-value=move || lang.get().code()
                    aria-label=tr(lang, "Switch to English", "Passer en français")
                    on:click=toggle
                >
                    <span class:on=move || lang.get().is_fr()>"FR"</span>
                    <span class:on=move || !lang.get().is_fr()>"EN"</span>
                </button>
            </div>
        </header>
    }
}

/// "Enregistré 10:42", or why nothing is saved.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = use_state();
    move || {
        let l = state.lang.get();
        let (kind, text) = if !state.status.with(|s| s.storage_available) {
            (
                "memory",
                l.pick("En mémoire seulement", "In memory only").to_string(),
            )
        } else {
            match state.status.with(|s| s.save_status.clone()) {
                SaveStatus::Idle => ("idle", String::new()),
                SaveStatus::Saved(t) => {
                    ("saved", format!("✓ {} {t}", l.pick("Enregistré", "Saved")))
                }
                SaveStatus::Failed => ("failed", l.pick("Non enregistré", "Not saved").to_string()),
            }
        };
        view! {
            <span class=format!("save-status save-{kind}") data-testid="save-status" data-state=kind role="status" aria-live="polite">
                {text}
            </span>
        }
    }
}

/// Storage banners: unavailable, write failure (quota), records set aside, edits that met
/// another tab's, storage cleared elsewhere.
#[component]
pub fn Banners() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let export = move |_| state.export_all();

    let unavailable = move || {
        (!state.status.with(|s| s.storage_available)).then(|| {
            let l = lang.get();
            view! {
                <div class="banner banner-error" role="alert" data-testid="storage-error" data-kind="unavailable">
                    <p>
                        <strong>{l.pick("Stockage indisponible. ", "Storage unavailable. ")}</strong>
                        {l.pick(
                            "Ce navigateur ne permet pas d'enregistrer (navigation privée ou réglage de confidentialité) : vos dossiers restent en mémoire tant que cette page est ouverte. Exportez-les avant de la fermer.",
                            "This browser does not allow saving (private browsing or a privacy setting): your files stay in memory while this page is open. Export them before closing it.",
                        )}
                    </p>
                    <div class="banner-actions">
                        <button class="btn" data-testid="storage-export" on:click=export>{l.pick("Exporter tout", "Export all")}</button>
                    </div>
                </div>
            }
        })
    };

    let write_error = move || {
        let e = state.status.with(|s| s.storage_error.clone())?;
        let l = lang.get();
        let kind = match e {
            WriteError::Quota => "quota",
            WriteError::Unavailable => "unavailable",
            WriteError::ReadBack | WriteError::Other(_) => "write",
        };
        let detail = e.message(l);
        Some(view! {
            <div class="banner banner-error" role="alert" data-testid="storage-error" data-kind=kind>
                <p>
                    <strong>{l.pick("Modifications non enregistrées : ", "Changes not saved: ")}</strong>
                    {detail} ". "
                    {if kind == "quota" {
                        l.pick(
                            "Ce que vous avez saisi reste dans cette page. Exportez vos dossiers pour ne rien perdre, puis libérez de la place (supprimez des dossiers) et réessayez.",
                            "What you typed stays in this page. Export your files so nothing is lost, then free some space (delete files) and retry.",
                        )
                    } else {
                        l.pick(
                            "Ce que vous avez saisi reste dans cette page. Exportez vos dossiers pour ne rien perdre, puis réessayez.",
                            "What you typed stays in this page. Export your files so nothing is lost, then retry.",
                        )
                    }}
                </p>
                <div class="banner-actions">
                    <button class="btn btn-primary" data-testid="storage-export" on:click=export>{l.pick("Exporter tout", "Export all")}</button>
                    <button class="btn" data-testid="storage-retry" on:click=move |_| state.flush()>{l.pick("Réessayer", "Retry")}</button>
                </div>
            </div>
        })
    };

    let quarantine = move || {
        let q = state.status.with(|s| s.quarantined_now.clone());
        if q.is_empty() {
            return None;
        }
        let l = lang.get();
        let fr = l.is_fr();
        let items = q
            .iter()
            .map(|r| {
                let kept = match &r.quarantine_key {
                    Some(k) => format!(" — {} {k}", l.pick("conservé sous", "kept as")),
                    None => {
                        let left = l.pick(" — laissé en place", " — left in place");
                        match &r.failure {
                            Some(e) => format!("{left} ({})", e.message(l)),
                            None => left.to_string(),
                        }
                    }
                };
                view! {
                    <li><code>{r.key.clone()}</code> " : " {r.reason.get(l).to_string()} <span class="muted">{kept}</span></li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="banner banner-warning" role="alert" data-testid="storage-warning" data-kind="quarantine">
                <p>
                    <strong>
                        {if fr {
                            format!("{} enregistrement(s) illisible(s) mis de côté. ", q.len())
                        } else {
                            format!("{} unreadable record(s) set aside. ", q.len())
                        }}
                    </strong>
                    {l.pick(
                        "Ils ne sont pas supprimés ; les autres dossiers sont chargés normalement.",
                        "They are not deleted; the other files loaded normally.",
                    )}
                </p>
                <ul class="banner-list">{items}</ul>
                <div class="banner-actions">
                    <button class="btn" data-testid="quarantine-show" on:click=move |_| state.view.set(View::Settings)>
                        {l.pick("Voir dans Paramètres", "See in Settings")}
                    </button>
                    <button class="btn" data-testid="storage-warning-dismiss" on:click=move |_| state.dismiss_quarantine()>
                        {l.pick("Compris", "Dismiss")}
                    </button>
                </div>
            </div>
        })
    };

    let conflicts = move || {
        let cs = state.status.with(|s| s.tab_conflicts.clone());
        let l = lang.get();
        let fr = l.is_fr();
        cs.into_iter()
            .map(|c| {
                let mine = state
                    .files
                    .with_untracked(|fs| fs.iter().find(|f| f.id == c.id).map(|f| f.name.clone()))
                    .unwrap_or_default();
                let name = display_name(&mine, l);
                let deleted = c.theirs.is_none();
                let text = match (deleted, fr) {
                    (false, true) => format!("« {name} » a aussi été modifié dans un autre onglet. Vos modifications ici ne sont pas encore enregistrées."),
                    (false, false) => format!("“{name}” was also changed in another tab. Your changes here are not saved yet."),
                    (true, true) => format!("« {name} » a été supprimé dans un autre onglet, alors que vous le modifiiez ici."),
                    (true, false) => format!("“{name}” was deleted in another tab while you were changing it here."),
                };
                let id_mine = c.id.clone();
                let id_theirs = c.id.clone();
                view! {
                    <div class="banner banner-warning" role="alert" data-testid="storage-conflict" data-id=c.id.clone()>
                        <p>{text}</p>
                        <div class="banner-actions">
                            <button class="btn btn-primary" data-testid="tab-keep-mine" on:click=move |_| state.resolve_conflict(&id_mine, true)>
                                {l.pick("Garder ma version", "Keep mine")}
                            </button>
                            <button class="btn" data-testid="tab-take-theirs" on:click=move |_| state.resolve_conflict(&id_theirs, false)>
                                {if deleted { l.pick("Accepter la suppression", "Accept the deletion") } else { l.pick("Prendre la leur", "Take theirs") }}
                            </button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    };

    let cleared = move || {
        state.status.with(|s| s.storage_cleared).then(|| {
            let l = lang.get();
            view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-cleared">
                    <p>{l.pick(
                        "Le stockage a été vidé depuis un autre onglet. Les dossiers ouverts ici sont toujours là, mais ne sont plus enregistrés.",
                        "The storage was cleared from another tab. The files open here are still here, but no longer saved.",
                    )}</p>
                    <div class="banner-actions">
                        <button class="btn btn-primary" on:click=move |_| state.save_all_again()>{l.pick("Les enregistrer de nouveau", "Save them again")}</button>
                        <button class="btn" on:click=move |_| state.dismiss_cleared()>{l.pick("Laisser ainsi", "Leave it")}</button>
                    </div>
                </div>
            }
        })
    };

    view! {
        <div class="banners" aria-live="polite">
            {unavailable}
            {write_error}
            {quarantine}
            {conflicts}
            {cleared}
            {super::offline::update_banner()}
        </div>
    }
}

/// The notice at the bottom of the screen, with "undo" after a deletion.
#[component]
pub fn Toast() -> impl IntoView {
    let state = use_state();
    move || {
        let n = state.notice.get()?;
        let l = state.lang.get();
        Some(view! {
            <div class="toast" role="status" data-testid="notice">
                <span>{n.text.get(l).to_string()}</span>
                {n.undo.then(|| view! {
                    <button class="btn btn-ghost" data-testid="undo-delete" on:click=move |_| state.undo_delete()>
                        {l.pick("Annuler", "Undo")}
                    </button>
                })}
                <button class="btn-icon btn-close" aria-label=l.pick("Fermer", "Close") on:click=move |_| state.notice.set(None)></button>
            </div>
        })
    }
}
