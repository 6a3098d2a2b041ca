//! The settings screen: language, storage used, records set aside, full backup and restore.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::store::Quarantined;
use crate::ui::components::fmt::tr;
use crate::ui::format::format_number;
use crate::ui::import::{ImportButton, ImportFeedback};
use crate::ui::io::{download, export_filename};
use crate::ui::{use_state, Lang};

/// A size in bytes, in kB or MB.
fn size_text(lang: Lang, bytes: u64) -> String {
    let b = Decimal::from(bytes);
    if bytes < 1024 * 1024 {
        let kb = b / Decimal::from(1024);
        format!(
            "{}\u{A0}{}",
            format_number(lang, kb, 1),
            lang.pick("Ko", "kB")
        )
    } else {
        let mb = b / Decimal::from(1024 * 1024);
        format!(
            "{}\u{A0}{}",
            format_number(lang, mb, 1),
            lang.pick("Mo", "MB")
        )
    }
}

/// Downloads a record set aside, as it was found, with why.
fn export_quarantined(q: &Quarantined) {
    let text = serde_json::json!({
        "key": q.key,
        "quarantined_at": q.at,
        "reason_fr": q.reason.fr,
        "reason_en": q.reason.en,
        "raw": q.raw,
    });
    let text = serde_json::to_string_pretty(&text).unwrap_or_default();
    let _ = download(
        &export_filename(&format!("quarantaine {}", q.key)),
        "application/json",
        &text,
    );
}

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // Storage figures, read again after each save or change of the files.
    let usage = crate::ui::components::memo(move || {
        state.status.track();
        state.files.track();
        state.storage_usage()
    });
    let quarantined = crate::ui::components::memo(move || {
        state.status.track();
        state.status.track();
        state.quarantined_all()
    });

    let lang_button = move |target: Lang, testid: &'static str, label: &'static str| {
        view! {
            <button
                class="btn btn-choice"
                data-testid=testid
                aria-pressed=move || (lang.get() == target).to_string()
                on:click=move |_| lang.set(target)
            >
                {label}
            </button>
        }
    };

    let quarantine_list = move || {
        let l = lang.get();
        let qs = quarantined.get();
        if qs.is_empty() {
            return view! { <p class="muted" data-testid="quarantine-none">{l.pick("Aucun enregistrement mis de côté.", "No record set aside.")}</p> }.into_any();
        }
        let items = qs
            .into_iter()
            .map(|q| {
                let q2 = q.clone();
                view! {
                    <li class="quarantine-item" data-testid="quarantine-item" data-key=q.quarantine_key.clone().unwrap_or_default()>
                        <div class="quarantine-head">
                            <div>
                                <code>{q.key.clone()}</code>
                                <div class="small">{q.reason.get(l).to_string()}</div>
                                <div class="muted small">
                                    {l.pick("Mis de côté le ", "Set aside on ")}{q.at.replace('T', " ").chars().take(16).collect::<String>()}
                                    {q.quarantine_key.clone().map(|k| view! { " · " {l.pick("clé ", "key ")} <code>{k}</code> })}
                                </div>
                            </div>
                            <button class="btn" data-testid="quarantine-export" on:click=move |_| export_quarantined(&q2)>
                                {l.pick("Exporter", "Export")}
                            </button>
                        </div>
                        <details>
                            <summary>{l.pick("Voir le contenu", "Show the content")}</summary>
                            <pre class="raw">{q.raw.chars().take(20_000).collect::<String>()}</pre>
                        </details>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="muted">{l.pick(
                "Ces enregistrements n'ont pas pu être lus. Ils sont conservés tels quels dans le navigateur et ne sont jamais supprimés automatiquement ; exportez-les pour les examiner ou les corriger.",
                "These records could not be read. They are kept as they were in the browser and never deleted automatically; export them to examine or fix them.",
            )}</p>
            <ul class="quarantine-list">{items}</ul>
        }
        .into_any()
    };

    view! {
        <section class="page settings-page" data-testid="settings-page">
            <div class="page-head">
                <h1 class="page-title">{tr(lang, "Paramètres et données", "Settings and data")}</h1>
            </div>

            <div class="card">
                <h2>{tr(lang, "Langue", "Language")}</h2>
                <div class="choices" role="group" aria-label=tr(lang, "Langue", "Language")>
                    {lang_button(Lang::Fr, "settings-lang-fr", "Français")}
                    {lang_button(Lang::En, "settings-lang-en", "English")}
                </div>
            </div>

            <div class="card">
                <h2>{tr(lang, "Stockage dans ce navigateur", "Storage in this browser")}</h2>
                {move || {
                    let l = lang.get();
                    let u = usage.get();
                    let available = state.status.with(|s| s.storage_available);
                    let in_memory = state.files.with(<[_]>::len);
                    view! {
                        <dl class="facts">
                            <div>
                                <dt>{l.pick("État", "Status")}</dt>
                                <dd data-testid="storage-status" data-value=if available { "available" } else { "unavailable" }>
                                    {if available { l.pick("disponible", "available") } else { l.pick("indisponible : tout reste en mémoire", "unavailable: everything stays in memory") }}
                                </dd>
                            </div>
                            <div><dt>{l.pick("Espace utilisé", "Space used")}</dt><dd data-testid="storage-bytes" data-value=u.bytes.to_string()>{size_text(l, u.bytes)}</dd></div>
                            <div><dt>{l.pick("Dossiers enregistrés", "Files saved")}</dt><dd data-testid="storage-files" data-value=u.files.to_string()>{u.files}</dd></div>
                            <div><dt>{l.pick("Dossiers ouverts", "Files open")}</dt><dd>{in_memory}</dd></div>
                            <div><dt>{l.pick("Enregistrements mis de côté", "Records set aside")}</dt><dd data-testid="storage-quarantined" data-value=u.quarantined.to_string()>{u.quarantined}</dd></div>
                        </dl>
                        <p class="muted small">{l.pick(
                            "Les navigateurs accordent en général 5 à 10 Mo par site. Vos dossiers ne quittent jamais cet appareil, sauf si vous les exportez.",
                            "Browsers usually grant 5 to 10 MB per site. Your files never leave this device unless you export them.",
                        )}</p>
                    }
                }}
                <h3>{tr(lang, "Enregistrements mis de côté", "Records set aside")}</h3>
                {quarantine_list}
            </div>

            {crate::ui::offline::status_card()}

            <div class="card">
                <h2>{tr(lang, "Sauvegarde et restauration", "Backup and restore")}</h2>
                <p class="muted">{tr(lang,
                    "La sauvegarde est un fichier d'échange Encours avec tous les dossiers et la politique de crédit. La restauration l'importe : un dossier déjà présent vous est montré, vous choisissez de le remplacer, de garder les deux ou de l'ignorer.",
                    "The backup is an Encours exchange file with every client file and the credit policy. Restoring imports it: a file already present is shown to you, and you choose to replace it, keep both or skip it.",
                )}</p>
                <div class="toolbar-actions">
                    <button class="btn btn-primary" data-testid="backup-export" on:click=move |_| state.export_all()>
                        {tr(lang, "Télécharger une sauvegarde complète", "Download a full backup")}
                    </button>
                    {crate::ui::io::share_export_button(state)}
                    <ImportButton testid="restore-file" label=Signal::derive(tr(lang, "Restaurer une sauvegarde", "Restore a backup"))/>
                </div>
                <ImportFeedback/>
            </div>

            <div class="card" data-testid="demo-card">
                <h2>{tr(lang, "Portefeuille de démonstration", "Demo portfolio")}</h2>
                <p class="muted">{tr(lang,
                    "Remet les six dossiers de démonstration dans leur état d'origine (et recrée ceux qui ont été supprimés), sans toucher à vos propres dossiers.",
                    "Puts the six demo files back as shipped (and re-creates deleted ones), without touching your own files.",
                )}</p>
                {crate::ui::import::reset_demo_control(state, true)}
            </div>
        </section>
    }
}
