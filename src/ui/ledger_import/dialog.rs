//! The ledger import's dialogue: the situation date, the journals or the column mapping, the
//! reader's report, and each customer with what the import changes and its choice.

use leptos::prelude::*;

use super::{confirm, edit, LedgerData, LedgerImport};
use crate::domain::receivables::fec::Journal;
use crate::domain::receivables::open_items::{ColumnMapping, CsvPreview, Field};
use crate::domain::receivables::source::CsvMode;
use crate::ui::format::{format_amount_places, format_date};
use crate::ui::{display_name, use_state, AppState, Lang};
use crate::workspace::{CustomerChoice, LedgerPlan};

/// The dialogue of a ledger import.
#[component]
pub fn LedgerImportDialog() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let import = state.ledger_import.get()?;
        Some(dialog(state, lang, &import))
    }
}

fn dialog(state: AppState, lang: Lang, import: &LedgerImport) -> AnyView {
    let fr = lang.is_fr();
    let options = match &import.data {
        LedgerData::Fec {
            journals, opening, ..
        } => fec_options(state, lang, journals, opening).into_any(),
        LedgerData::Csv {
            preview,
            mapping,
            mode,
            ..
        } => csv_options(state, lang, preview, mapping, *mode).into_any(),
    };
    let problem = import.problem.as_ref().map(|e| e.message(lang));
    let plan_view = import.plan.as_ref().map(|p| plan_view(state, lang, p));
    let ready = import.plan.is_some();
    view! {
        <div class="dialog-backdrop">
            <div class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="ledger-import-title" data-testid="ledger-import-dialog">
                <h2 id="ledger-import-title">{lang.pick("Importer une situation — ", "Import a situation — ")}{import.name.clone()}</h2>
                <label class="field">
                    <span>{lang.pick("Date de situation", "Situation date")}</span>
                    <input type="date" data-testid="ledger-as-of-input" prop:value=import.as_of.to_string()
                        on:change=move |ev| {
                            if let Some(d) = crate::domain::parse::parse_iso_date(&event_target_value(&ev)) {
                                edit(state, |i| i.as_of = d);
                            }
                        }/>
                </label>
                {options}
                {problem.map(|p| view! { <p class="field-error" data-testid="ledger-import-problem">{p}</p> })}
                {plan_view}
                <div class="dialog-actions">
                    <button class="btn" data-testid="import-cancel" on:click=move |_| state.ledger_import.set(None)>
                        {lang.pick("Annuler", "Cancel")}
                    </button>
                    <button class="btn btn-primary" data-testid="import-confirm" disabled=!ready on:click=move |_| confirm(state)>
                        {if fr { "Importer" } else { "Import" }}
                    </button>
                </div>
            </div>
        </div>
    }
    .into_any()
}

fn fec_options(
    state: AppState,
    lang: Lang,
    journals: &[Journal],
    opening: &[String],
) -> impl IntoView {
    let boxes = journals
        .iter()
        .map(|j| {
            let code = j.code.clone();
            let checked = opening.contains(&j.code);
            view! {
                <label class="check">
                    <input type="checkbox" data-testid="ledger-opening-journal" data-value=j.code.clone() prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let code = code.clone();
                            edit(state, move |i| if let LedgerData::Fec { opening, .. } = &mut i.data {
                                opening.retain(|c| c != &code);
                                if on { opening.push(code); }
                            });
                        }/>
                    {format!(" {} — {}", j.code, j.label)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="journals">
            <legend>{lang.pick("Journaux d'à-nouveaux", "Opening-balance journals")}</legend>
            {boxes}
        </fieldset>
    }
}

fn csv_options(
    state: AppState,
    lang: Lang,
    preview: &CsvPreview,
    mapping: &ColumnMapping,
    mode: CsvMode,
) -> impl IntoView {
    let header = preview.header.clone();
    let selects = Field::ALL
        .iter()
        .map(|&field| {
            let options = std::iter::once((String::new(), lang.pick("— aucune —", "— none —").to_string()))
                .chain(header.iter().enumerate().map(|(i, h)| (i.to_string(), h.clone())))
                .map(|(v, label)| {
                    let selected = mapping.get(field).map(|c| c.to_string()).unwrap_or_default() == v;
                    view! { <option value=v selected=selected>{label}</option> }
                })
                .collect_view();
            let required = if field.required() { " *" } else { "" };
            view! {
                <label class="field">
                    <span>{field.label(lang)}{required}</span>
                    <select data-testid=format!("ledger-map-{}", field.key()) on:change=move |ev| {
                        let column = event_target_value(&ev).parse::<usize>().ok();
                        edit(state, move |i| if let LedgerData::Csv { mapping, .. } = &mut i.data { mapping.set(field, column) });
                    }>{options}</select>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="mapping">
            <legend>{lang.pick("Colonnes du fichier", "The file's columns")}</legend>
            <div class="mapping-grid">{selects}</div>
        </fieldset>
        <label class="field">
            <span>{lang.pick("Le fichier liste", "The file lists")}</span>
            <select data-testid="ledger-mode" on:change=move |ev| {
                let mode = if event_target_value(&ev) == "delta" { CsvMode::Delta } else { CsvMode::Stock };
                edit(state, move |i| if let LedgerData::Csv { mode: m, .. } = &mut i.data { *m = mode });
            }>
                <option value="stock" selected=mode == CsvMode::Stock>{lang.pick("toutes les pièces ouvertes (les autres sont soldées)", "every open item (the others are closed)")}</option>
                <option value="delta" selected=mode == CsvMode::Delta>{lang.pick("seulement des changements", "only changes")}</option>
            </select>
        </label>
    }
}

fn plan_view(state: AppState, lang: Lang, plan: &LedgerPlan) -> impl IntoView {
    let files: Vec<(String, String)> = state.files.with_untracked(|fs| {
        fs.iter()
            .map(|f| (f.id.clone(), display_name(&f.name, lang)))
            .collect()
    });
    let matched = plan
        .customers
        .iter()
        .filter(|c| c.matched.is_some())
        .count();
    let unmatched = plan.customers.len() - matched;
    let rows = plan
        .customers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = if c.customer.name.trim().is_empty() { lang.pick("(sans nom)", "(no name)").to_string() } else { c.customer.name.clone() };
            let ch = c.changes;
            let what = if lang.is_fr() {
                format!("{} ajoutée(s), {} soldée(s), {} modifiée(s) · encours {} → {}", ch.added, ch.closed, ch.updated,
                    format_amount_places(lang, ch.encours_before, 2), format_amount_places(lang, ch.encours_after, 2))
            } else {
                format!("{} added, {} closed, {} updated · outstanding {} → {}", ch.added, ch.closed, ch.updated,
                    format_amount_places(lang, ch.encours_before, 2), format_amount_places(lang, ch.encours_after, 2))
            };
            let value = match &c.choice {
                CustomerChoice::Link(id) => format!("link:{id}"),
                CustomerChoice::Create => "create".into(),
                CustomerChoice::Skip => "skip".into(),
            };
            let options = [("create".to_string(), lang.pick("Créer un dossier", "Create a file").to_string()), ("skip".to_string(), lang.pick("Ignorer", "Skip").to_string())]
                .into_iter()
                .chain(files.iter().map(|(id, n)| (format!("link:{id}"), format!("{} {n}", lang.pick("Rattacher à", "Link to")))))
                .map(|(v, label)| { let sel = v == value; view! { <option value=v selected=sel>{label}</option> } })
                .collect_view();
            view! {
                <li class="ledger-customer" data-testid="ledger-customer" data-code=c.customer.code.clone() data-matched=c.matched.is_some().to_string()>
                    <div><strong>{name}</strong>" · "<code>{c.customer.code.clone()}</code></div>
                    <div class="muted">{what}</div>
                    <select data-testid="ledger-customer-choice" aria-label=lang.pick("Que faire de ce client ?", "What to do with this customer?") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let choice = match v.as_str() {
                            "create" => CustomerChoice::Create,
                            "skip" => CustomerChoice::Skip,
                            other => CustomerChoice::Link(other.trim_start_matches("link:").to_string()),
                        };
                        if let Some(mut import) = state.ledger_import.get_untracked() {
                            if let Some(p) = import.plan.as_mut() { state.read(|w| w.choose_for_customer(p, i, choice)); }
                            state.ledger_import.set(Some(import));
                        }
                    }>{options}</select>
                </li>
            }
        })
        .collect_view();
    let r = plan.source.report;
    let report = if lang.is_fr() {
        format!("{} lignes lues, {} lignes clients, {} après la date ignorées, {} écritures déséquilibrées, {} dates de pièce remplacées.", r.lines, r.receivable_lines, r.after_as_of, r.unbalanced_entries, r.piece_date_fallbacks)
    } else {
        format!("{} lines read, {} customer lines, {} after the date ignored, {} unbalanced entries, {} document dates replaced.", r.lines, r.receivable_lines, r.after_as_of, r.unbalanced_entries, r.piece_date_fallbacks)
    };
    let summary = if lang.is_fr() {
        format!("Situation au {} : {matched} client(s) reconnu(s), {unmatched} à rattacher. Encours importé : {}.", format_date(lang, plan.source.as_of), format_amount_places(lang, plan.encours_after(), 2))
    } else {
        format!("Situation at {}: {matched} customer(s) matched, {unmatched} to place. Outstanding imported: {}.", format_date(lang, plan.source.as_of), format_amount_places(lang, plan.encours_after(), 2))
    };
    view! {
        <p data-testid="ledger-plan-summary">{summary}</p>
        <p class="muted" data-testid="ledger-report">{report}</p>
        {(unmatched > 0).then(|| view! {
            <button class="btn" data-testid="ledger-create-all" on:click=move |_| {
                if let Some(mut import) = state.ledger_import.get_untracked() {
                    if let Some(p) = import.plan.as_mut() { state.read(|w| w.create_all_unmatched(p)); }
                    state.ledger_import.set(Some(import));
                }
            }>{lang.pick("Créer un dossier pour chaque client non reconnu", "Create a file for each unmatched customer")}</button>
        })}
        <ul class="ledger-customers">{rows}</ul>
    }
}
