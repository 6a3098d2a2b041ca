//! The client form and its identity card: name, SIREN (checked as typed), legal form, NAF code,
//! creation date.

use leptos::prelude::*;

use crate::domain::client::SectorRisk;

use super::fields::*;
use super::sections::*;
use crate::ui::components::edit_current;
use crate::ui::components::entry;
use crate::ui::components::fmt::tr;
use crate::ui::components::inputs::{date_input, form_field};
use crate::ui::components::rating_status::RatingStatusBadge;
use crate::ui::components::statements::StatementsEditor;
use crate::ui::components::verdict::VerdictCard;
use crate::ui::{io, AppState, View};

pub(super) fn client_form(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let title = read(state, |f| f.name.clone(), String::new());
    let export = move |_| {
        if let Some(f) = state.current_file.get_untracked() {
            let stem = if f.name.trim().is_empty() {
                f.id.clone()
            } else {
                f.name.clone()
            };
            state
                .policy
                .with_untracked(|p| io::export_clients(&[f], p, &io::export_filename(&stem)));
        }
    };
    view! {
        <div class="client-layout">
            <aside class="verdict-column">
                <VerdictCard/>
                <RatingStatusBadge id=Signal::derive(move || state.current.get().unwrap_or_default())/>
                <button type="button" class="btn wide" data-testid="open-analysis" on:click=move |_| state.view.set(View::Analysis)>
                    {tr(lang, "Voir l'analyse détaillée →", "See the full analysis →")}
                </button>
            </aside>
            <div class="client-form">
                <header class="page-head">
                    <h1>
                        {move || {
                            let t = title.get();
                            if t.trim().is_empty() {
                                lang.get().pick("Nouveau client", "New client").to_string()
                            } else {
                                t
                            }
                        }}
                    </h1>
                    <div class="page-actions">
                        <button type="button" class="btn" data-testid="export-client" on:click=export>
                            {tr(lang, "Exporter ce dossier", "Export this file")}
                        </button>
                        {crate::ui::components::report::print_button(lang)}
                    </div>
                </header>
                {identity(state)}
                {qualitative(state)}
                {trade(state)}
                <StatementsEditor/>
                {notes(state)}
            </div>
        </div>
    }
}

pub(super) fn section_title(state: AppState, fr: &'static str, en: &'static str) -> impl IntoView {
    view! { <h2>{tr(state.lang, fr, en)}</h2> }
}

pub(super) fn identity(state: AppState) -> AnyView {
    let created = read(state, |f| f.created_on, None);
    let fields = vec![
        text_field(
            state,
            "name",
            "Raison sociale",
            "Company name",
            |f| f.name.clone(),
            |f, v| f.name = v,
        ),
        form_field("siren", "SIREN", "SIREN", siren_input(state), None),
        text_field(
            state,
            "legal_form",
            "Forme juridique",
            "Legal form",
            |f| f.legal_form.clone(),
            |f, v| f.legal_form = v,
        ),
        text_field(
            state,
            "naf_code",
            "Code NAF",
            "NAF code",
            |f| f.naf_code.clone(),
            |f, v| f.naf_code = v,
        ),
        text_field(
            state,
            "sales_rep",
            "Commercial",
            "Sales rep",
            |f| f.sales_rep.clone(),
            |f, v| f.sales_rep = v,
        ),
        form_field(
            "created_on",
            "Date de création",
            "Creation date",
            date_input("created_on", None, created, move |d| {
                edit_current(&state, |f| f.created_on = d)
            }),
            None,
        ),
        select_field(
            state,
            "sector_risk",
            "Risque sectoriel",
            "Sector risk",
            &[
                ("", "Non renseigné", "Not given"),
                ("low", "Faible", "Low"),
                ("medium", "Moyen", "Medium"),
                ("high", "Élevé", "High"),
            ],
            "",
            |f| {
                f.sector_risk
                    .map(|s| s.key().to_string())
                    .unwrap_or_default()
            },
            |f, k| f.sector_risk = SectorRisk::from_key(k),
        ),
    ];
    card(state, "identity", "Identité", "Identity", fields)
}

/// The SIREN keeps what was typed; only a valid (or empty) SIREN is written to the file. The
/// message shows once nine characters are typed or the field is left.
pub(super) fn siren_input(state: AppState) -> AnyView {
    let lang = state.lang;
    let stored = read(state, |f| f.siren.clone(), String::new());
    let raw = RwSignal::new(stored.get_untracked());
    let focused = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let last = StoredValue::new(stored.get_untracked());
    crate::ui::components::effect(move || {
        let v = stored.get();
        if last.with_value(|l| l != &v) {
            last.set_value(v.clone());
            if !focused.get_untracked() {
                raw.set(v);
                error.set(None);
            }
        }
    });
    let show_error = move || {
        let long = raw.with(|r| r.chars().filter(|c| !c.is_whitespace()).count() >= 9);
        (long || !focused.get()).then(|| error.get()).flatten()
    };
    view! {
        <div class="field-box">
            <input
                type="text"
                id="f-siren"
                class="input text-input"
                class:invalid=move || show_error().is_some()
                inputmode="numeric"
                autocomplete="off"
                data-testid="field-siren"
                aria-describedby="e-siren"
                aria-invalid=move || if show_error().is_some() { "true" } else { "false" }
                prop:value=move || raw.get()
                on:focus=move |_| focused.set(true)
                on:blur=move |_| {
                    // The screen may be disposed already (back button while typing).
                    let _ = focused.try_set(false);
                }
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    match entry::siren(&text, lang.get_untracked()) {
                        Ok(()) => {
                            error.set(None);
                            let clean: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                            last.set_value(clean.clone());
                            edit_current(&state, |f| f.siren = clean);
                        }
                        Err(msg) => error.set(Some(msg)),
                    }
                    raw.set(text);
                }
            />
            {move || show_error().map(|msg| view! {
                <p class="field-error" id="e-siren" data-testid="error-siren" role="alert">{msg}</p>
            })}
        </div>
    }
    .into_any()
}
