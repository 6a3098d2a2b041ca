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

mod fields;
mod identity;
mod sections;

use leptos::prelude::*;

use crate::ui::components::fmt::tr;
use crate::ui::{use_state, AppState, View};
use identity::*;

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
