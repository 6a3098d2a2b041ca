//! The client screen: the verdict card first, then identity, qualitative facts, trade terms,
//! statements year by year, notes and the export of the file.
//!
//! # Test ids of the entry fields
//!
//! Every field is `data-testid="field-<suffix>"`; when what was typed cannot be read, the message
//! under it is `data-testid="error-<suffix>"` (class `field-error`) and the file keeps its
//! previous value.
//!
//! | suffix | field |
//! |---|---|
//! | `name`, `siren`, `legal_form`, `naf_code` | identity (text; SIREN checked with the Luhn key) |
//! | `created_on` | creation date (`<input type=date>`, ISO value) |
//! | `sector_risk` | select: `""`, `low`, `medium`, `high` |
//! | `new_client` | checkbox |
//! | `avg_days_late`, `payment_incidents_12m` | whole numbers |
//! | `collective_proceeding` | select: `none`, `safeguard`, `receivership`, `liquidation` |
//! | `information_quality` | select: `""`, `1`…`5` |
//! | `trade-expected_annual_sales`, `trade-insurance_cover`, `trade-guarantees`, `trade-requested_limit` | amounts |
//! | `trade-terms_days`, `trade-expected_delay_days` | whole numbers (days) |
//! | `trade-terms_basis` | select: `net`, `end_of_month` |
//! | `<line key>-<year>` | a statement line (exchange-format key of `balance_sheet`, `income_statement` or `reported`, e.g. `revenue-0`, `trade_receivables-1`); year 0 is the latest by closing date, 1 the year before… |
//! | `closing_date-<year>`, `duration_months-<year>`, `headcount-<year>` | the year's closing date (date input, ISO value), length in months (1–24), average headcount |
//! | `notes` | textarea |
//!
//! Columns follow the closing dates, latest first; while a closing date has the focus its column
//! stays put, and the columns re-sort when it loses the focus. Enter in a statement field moves
//! to the next line of the same year.
//!
//! Other controls: `entry-mode-quick` / `entry-mode-complete` (statement entry mode, quick by
//! default), `add-year-first` (no year yet), `add-year-earlier` / `add-year-later`,
//! `remove-year-<year>` then `remove-year-confirm` / `remove-year-cancel`, `export-client`,
//! `open-analysis`; consistency warnings of a year are in `year-warnings-<year>` (each one a
//! `consistency-warning`); the page is `client-page`, the empty state `client-empty`.

use leptos::prelude::*;

use crate::domain::client::{CollectiveProceeding, SectorRisk, TermsBasis};
use rust_decimal::Decimal;

use crate::domain::client::ClientFile;
use crate::ui::components::edit_current;
use crate::ui::components::entry;
use crate::ui::components::fmt::tr;
use crate::ui::components::inputs::{
    amount_input, count_input, date_input, form_field, select_input, text_input,
};
use crate::ui::components::rating_status::RatingStatusBadge;
use crate::ui::components::statements::StatementsEditor;
use crate::ui::components::verdict::VerdictCard;
use crate::ui::{io, use_state, AppState, View};

/// The client screen for the open file.
#[component]
pub fn ClientPage() -> impl IntoView {
    let state = use_state();
    // Rebuilt only when another file is opened, so the fields keep what is being typed.
    let open_id = crate::ui::components::memo(move || {
        state
            .current_file
            .with(|f| f.as_ref().map(|f| f.id.clone()))
    });
    view! {
        <section class="client-page" data-testid="client-page">
            {move || match open_id.get() {
                Some(_) => client_form(state).into_any(),
                None => empty_state(state).into_any(),
            }}
        </section>
    }
}

fn empty_state(state: AppState) -> impl IntoView {
    let lang = state.lang;
    view! {
        <div class="empty-state" data-testid="client-empty">
            <h1>{tr(lang, "Aucun dossier ouvert", "No file open")}</h1>
            <p>
                {tr(lang,
                    "Choisissez un client dans le portefeuille, ou créez-en un.",
                    "Pick a client in the portfolio, or create one.",
                )}
            </p>
            <button type="button" class="btn btn-primary" data-testid="back-to-portfolio" on:click=move |_| state.view.set(View::Portfolio)>
                {tr(lang, "Aller au portefeuille", "Go to the portfolio")}
            </button>
        </div>
    }
}

/// A reactive read of the open file. `get` is a plain function, so there is one memo type per
/// value type rather than one per field.
fn read<T>(state: AppState, get: fn(&ClientFile) -> T, default: T) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Signal::from(crate::ui::components::memo(move || {
        state
            .current_file
            .with(|f| f.as_ref().map(get).unwrap_or_else(|| default.clone()))
    }))
}

/// A hint under a field: `(French, English)`.
type Hint = Option<(&'static str, &'static str)>;

/// A labelled text field of the file.
fn text_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    get: fn(&ClientFile) -> String,
    set: fn(&mut ClientFile, String),
) -> AnyView {
    let value = read(state, get, String::new());
    let input = text_input(suffix, value, move |v| edit_current(&state, |f| set(f, v)));
    form_field(suffix, fr, en, input, None)
}

/// A labelled amount field of the file.
fn amount_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    hint: Hint,
    get: fn(&ClientFile) -> Option<Decimal>,
    set: fn(&mut ClientFile, Option<Decimal>),
) -> AnyView {
    let value = read(state, get, None);
    let input = amount_input(suffix.to_string(), None, value, move |v| {
        edit_current(&state, |f| set(f, v))
    });
    form_field(suffix, fr, en, input, hint)
}

/// A labelled whole-number field of the file.
fn count_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    hint: Hint,
    get: fn(&ClientFile) -> Option<u32>,
    set: fn(&mut ClientFile, Option<u32>),
) -> AnyView {
    let value = read(state, get, None);
    let input = count_input(suffix.to_string(), None, value, move |v| {
        edit_current(&state, |f| set(f, v))
    });
    form_field(suffix, fr, en, input, hint)
}

/// Options of a select: `(key, French, English)`.
type Options = &'static [(&'static str, &'static str, &'static str)];

/// A labelled choice of the file: `get` gives the selected key, `set` applies a chosen key.
#[allow(clippy::too_many_arguments)]
fn select_field(
    state: AppState,
    suffix: &'static str,
    fr: &'static str,
    en: &'static str,
    options: Options,
    default: &'static str,
    get: fn(&ClientFile) -> String,
    set: fn(&mut ClientFile, &str),
) -> AnyView {
    let value = read(state, get, default.to_string());
    let input = select_input(suffix, options, value, move |k| {
        edit_current(&state, |f| set(f, &k))
    });
    form_field(suffix, fr, en, input, None)
}

/// A card of the form: its title, then its fields in a grid.
fn card(
    state: AppState,
    testid: &'static str,
    fr: &'static str,
    en: &'static str,
    fields: Vec<AnyView>,
) -> AnyView {
    view! {
        <section class="card" data-testid=testid>
            {section_title(state, fr, en)}
            <div class="form-grid">{fields}</div>
        </section>
    }
    .into_any()
}

fn client_form(state: AppState) -> impl IntoView {
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

fn section_title(state: AppState, fr: &'static str, en: &'static str) -> impl IntoView {
    view! { <h2>{tr(state.lang, fr, en)}</h2> }
}

fn identity(state: AppState) -> AnyView {
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
fn siren_input(state: AppState) -> AnyView {
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

fn qualitative(state: AppState) -> AnyView {
    let lang = state.lang;
    let new_client = read(state, |f| f.qualitative.payment_history.new_client, false);
    let fields = vec![
        view! {
            <div class="form-field checkbox-field">
                <label for="f-new_client" class="checkbox-label">
                    <input
                        type="checkbox"
                        id="f-new_client"
                        data-testid="field-new_client"
                        prop:checked=move || new_client.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit_current(&state, |f| f.qualitative.payment_history.new_client = on);
                        }
                    />
                    <span>{tr(lang, "Nouveau client (pas d'historique de paiement)", "New client (no payment history)")}</span>
                </label>
            </div>
        }
        .into_any(),
        count_field(
            state,
            "avg_days_late",
            "Retard moyen de paiement (jours)",
            "Average days late",
            Some(("Avec nous, sur les 12 derniers mois.", "With us, over the last 12 months.")),
            |f| f.qualitative.payment_history.avg_days_late,
            |f, v| f.qualitative.payment_history.avg_days_late = v,
        ),
        count_field(
            state,
            "payment_incidents_12m",
            "Incidents de paiement (12 mois)",
            "Payment incidents (12 months)",
            None,
            |f| f.qualitative.payment_incidents_12m,
            |f, v| f.qualitative.payment_incidents_12m = v,
        ),
        select_field(
            state,
            "collective_proceeding",
            "Procédure collective",
            "Insolvency proceedings",
            &[
                ("none", "Aucune", "None"),
                ("safeguard", "Sauvegarde", "Safeguard"),
                ("receivership", "Redressement judiciaire", "Receivership"),
                ("liquidation", "Liquidation judiciaire", "Liquidation"),
            ],
            "none",
            |f| f.qualitative.collective_proceeding.key().to_string(),
            |f, k| {
                f.qualitative.collective_proceeding =
                    CollectiveProceeding::from_key(k).unwrap_or_default()
            },
        ),
        select_field(
            state,
            "information_quality",
            "Qualité de l'information (1 à 5)",
            "Information quality (1 to 5)",
            &[
                ("", "Non évaluée", "Not assessed"),
                ("1", "1 — très faible", "1 — very poor"),
                ("2", "2 — faible", "2 — poor"),
                ("3", "3 — correcte", "3 — fair"),
                ("4", "4 — bonne", "4 — good"),
                ("5", "5 — excellente (comptes certifiés)", "5 — excellent (audited accounts)"),
            ],
            "",
            |f| {
                f.qualitative
                    .information_quality
                    .map(|q| q.to_string())
                    .unwrap_or_default()
            },
            |f, k| {
                f.qualitative.information_quality =
                    k.parse::<u8>().ok().filter(|q| (1..=5).contains(q))
            },
        ),
    ];
    card(
        state,
        "qualitative",
        "Informations qualitatives",
        "Qualitative information",
        fields,
    )
}

fn trade(state: AppState) -> AnyView {
    let fields = vec![
        amount_field(
            state,
            "trade-expected_annual_sales",
            "Ventes annuelles prévues (€ HT)",
            "Expected annual sales (€ excl. VAT)",
            None,
            |f| f.trade.expected_annual_sales,
            |f, v| f.trade.expected_annual_sales = v,
        ),
        count_field(
            state,
            "trade-terms_days",
            "Délai de paiement demandé (jours)",
            "Requested payment terms (days)",
            Some((
                "Vide : 30 jours nets (délai légal par défaut).",
                "Empty: 30 days net (legal default).",
            )),
            |f| f.trade.terms_days,
            |f, v| f.trade.terms_days = v,
        ),
        select_field(
            state,
            "trade-terms_basis",
            "Point de départ du délai",
            "Terms basis",
            &[
                ("net", "Nets, date de facture", "Net, from invoice date"),
                ("end_of_month", "Fin de mois", "End of month"),
            ],
            "net",
            |f| f.trade.terms_basis.key().to_string(),
            |f, k| f.trade.terms_basis = TermsBasis::from_key(k).unwrap_or_default(),
        ),
        count_field(
            state,
            "trade-expected_delay_days",
            "Retard attendu au-delà du délai (jours)",
            "Expected delay beyond terms (days)",
            Some((
                "Vide : le retard moyen constaté.",
                "Empty: the average days late observed.",
            )),
            |f| f.trade.expected_delay_days,
            |f, v| f.trade.expected_delay_days = v,
        ),
        amount_field(
            state,
            "trade-insurance_cover",
            "Couverture assurance-crédit (€)",
            "Credit insurance cover (€)",
            None,
            |f| f.trade.insurance_cover,
            |f, v| f.trade.insurance_cover = v,
        ),
        amount_field(
            state,
            "trade-guarantees",
            "Autres garanties (€)",
            "Other guarantees (€)",
            Some((
                "Caution bancaire, garantie maison mère.",
                "Bank guarantee, parent company guarantee.",
            )),
            |f| f.trade.guarantees,
            |f, v| f.trade.guarantees = v,
        ),
        amount_field(
            state,
            "trade-requested_limit",
            "Encours demandé (€)",
            "Requested credit limit (€)",
            None,
            |f| f.trade.requested_limit,
            |f, v| f.trade.requested_limit = v,
        ),
    ];
    card(
        state,
        "trade",
        "Conditions commerciales",
        "Trade terms",
        fields,
    )
}

fn notes(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let text = read(state, |f| f.notes.clone(), String::new());
    view! {
        <section class="card" data-testid="notes">
            <h2><label for="f-notes">{tr(lang, "Notes", "Notes")}</label></h2>
            <textarea
                id="f-notes"
                class="input notes-input"
                rows="5"
                data-testid="field-notes"
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    edit_current(&state, |f| f.notes = v);
                }
            ></textarea>
        </section>
    }
}
