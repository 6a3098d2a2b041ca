//! The ledger screen of the open file (docs/receivables.md §5): what the client owes at the
//! situation date against its limit, overdue, the aged balance, the DSO, the measured payment
//! delays, the open items and the sales by month.
//!
//! Test ids (each figure's `data-value` is the raw decimal: amounts 2 places, days and ratios 4,
//! empty when absent): `ledger-encours`, `ledger-overdue`, `ledger-limit`, `ledger-overrun`,
//! `ledger-use`, `aged-<bucket>` (`not_due`, `1_30`, `31_60`, `61_90`, `over_90`, `unapplied`),
//! `dso-count_back`, `dso-best_possible`, `dso-add`, `dso-accounting`, `days-late-weighted`,
//! `days-late-count`; `ledger-codes` (the customer codes joined by `,`), `ledger-as-of` (ISO
//! date); the authorised limit field `field-authorised_limit`; each item `ledger-item` (`data-ref`),
//! its dispute checkbox `item-disputed`; the empty state `ledger-empty`; the penalties and the
//! dunning: see `dunning.rs`.

mod charts;
mod dunning;
mod items;
pub mod letter;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::analysis::ledger_figures;
use crate::domain::figure::{amount_value, ratio_value};
use crate::domain::receivables::figures::{Absent, Bucket, LedgerFigures};
use crate::domain::receivables::ledger::Ledger;
use crate::ui::components::entry;
use crate::ui::components::fmt::{input_text, tr};
use crate::ui::format::{format_amount_places, format_date, format_number, format_percent};
use crate::ui::{use_state, AppState, Lang, View};

/// The ledger screen for the open file.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let has_ledger = crate::ui::components::memo(move || {
        state
            .current_file
            .with(|f| f.as_ref().map(|f| f.ledger.is_some()))
    });
    view! {
        <section class="ledger-page" data-testid="ledger-page">
            {move || match has_ledger.get() {
                Some(true) => ledger_view(state).into_any(),
                Some(false) => view! {
                    <div class="empty-state" data-testid="ledger-empty">
                        <h1>{tr(lang, "Pas encore d'encours pour ce client", "No ledger for this client yet")}</h1>
                        <p>{tr(lang,
                            "Importez un FEC ou la balance âgée de votre ERP depuis le portefeuille : les clients y sont reconnus par leur code ou leur SIREN.",
                            "Import a FEC or your ERP's aged balance from the portfolio: customers are matched by their code or SIREN.",
                        )}</p>
                        <button type="button" class="btn btn-primary" on:click=move |_| state.view.set(View::Portfolio)>
                            {tr(lang, "Aller au portefeuille", "Go to the portfolio")}
                        </button>
                        <crate::ui::ledger_import::DemoSituationButton/>
                    </div>
                }.into_any(),
                None => view! {
                    <div class="empty-state" data-testid="ledger-empty">
                        <h1>{tr(lang, "Aucun dossier ouvert", "No file open")}</h1>
                        <button type="button" class="btn btn-primary" on:click=move |_| state.view.set(View::Portfolio)>
                            {tr(lang, "Aller au portefeuille", "Go to the portfolio")}
                        </button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// Everything the screen draws, computed once per change of the file, the policy or the day.
#[derive(Clone, PartialEq)]
struct Shown {
    ledger: Ledger,
    figures: LedgerFigures,
    bounds: [u32; 3],
    name: String,
    measured: Option<(Decimal, u32)>,
    dunning: dunning::Dunning,
}

fn ledger_view(state: AppState) -> AnyView {
    let lang = state.lang;
    let shown = crate::ui::components::memo(move || {
        let today = state.today.get();
        state.current_file.with(|f| {
            let f = f.as_ref()?;
            state.policy.with(|p| {
                let ledger = f.ledger.clone()?;
                let figures = ledger_figures(f, p, today)?;
                let class = state.analysis.with(|a| a.as_ref().map(|a| a.grid.class))?;
                let dunning = dunning::dunning_of(&ledger, &figures, class, &p.receivables, today);
                Some(Shown {
                    ledger,
                    figures: figures.published(),
                    bounds: p.receivables.aged_bounds,
                    name: f.name.clone(),
                    measured: state
                        .analysis
                        .with(|a| a.as_ref().and_then(|a| a.measured_payment)),
                    dunning,
                })
            })
        })
    });
    view! {
        <letter::LetterDialog/>
        <div class="ledger">
            {move || shown.get().map(|s| head(lang.get(), &s))}
            {move || shown.get().map(|s| figures_block(lang.get(), &s))}
            {limit_field(state)}
            {move || shown.get().map(|s| charts::aged_chart(lang.get(), &s.figures, s.bounds))}
            {move || shown.get().map(|s| dunning::dunning_block(state, lang.get(), &s.dunning))}
            {move || shown.get().map(|s| items::items_table(state, lang.get(), &s.ledger))}
            {move || shown.get().map(|s| charts::months_chart(lang.get(), &s.ledger))}
        </div>
    }
    .into_any()
}

fn head(lang: Lang, s: &Shown) -> impl IntoView {
    let codes = s.ledger.customer_codes.join(",");
    let as_of = s.ledger.as_of;
    let title = if lang.is_fr() {
        format!("Ce que doit « {} »", s.name)
    } else {
        format!("What “{}” owes", s.name)
    };
    view! {
        <header class="card ledger-head">
            <h1>{title}</h1>
            <p>
                {lang.pick("Situation au ", "Situation at ")}
                <strong data-testid="ledger-as-of" data-value=as_of.to_string()>{format_date(lang, as_of)}</strong>
                " · "
                {lang.pick("codes client : ", "customer codes: ")}
                <strong data-testid="ledger-codes" data-value=codes.clone()>{codes.replace(',', ", ")}</strong>
            </p>
            {s.figures.default_terms.then(|| view! {
                <p class="flag flag-warn" data-testid="ledger-default-terms">
                    {lang.pick(
                        "Délai par défaut : le dossier n'a pas de conditions de paiement, les échéances sont calculées à 30 jours net.",
                        "Default terms: the file has no payment terms, due dates are computed at 30 days net.",
                    )}
                </p>
            })}
        </header>
    }
}

/// An amount figure: its label, its shown value, its raw `data-value`.
fn amount_figure(lang: Lang, testid: &'static str, label: &str, v: Option<Decimal>) -> AnyView {
    let text = v
        .map(|v| format_amount_places(lang, v, 2))
        .unwrap_or_else(|| lang.pick("n.d.", "n/a").to_string());
    view! {
        <div class="figure"><dt>{label.to_string()}</dt><dd data-testid=testid data-value=amount_value(v)>{text}</dd></div>
    }
    .into_any()
}

/// Days (or a ratio) with 4 places in `data-value`, one shown; absent with its reason.
fn days_figure(
    lang: Lang,
    testid: &'static str,
    label: &str,
    v: Result<Decimal, Absent>,
) -> AnyView {
    let text = match v {
        Ok(d) => format!("{} {}", format_number(lang, d, 1), lang.pick("j", "d")),
        Err(why) => format!("{} ({})", lang.pick("n.d.", "n/a"), why.message(lang)),
    };
    view! {
        <div class="figure"><dt>{label.to_string()}</dt><dd data-testid=testid data-value=ratio_value(v.ok())>{text}</dd></div>
    }
    .into_any()
}

fn figures_block(lang: Lang, s: &Shown) -> impl IntoView {
    let f = &s.figures;
    let limit_label = if f.limit_is_recommended {
        lang.pick(
            "Limite (recommandée par l'analyse)",
            "Limit (recommended by the analysis)",
        )
    } else {
        lang.pick("Limite autorisée", "Authorised limit")
    };
    let use_text = match f.use_ratio {
        Ok(r) => format_percent(lang, r, 1),
        Err(why) => format!("{} ({})", lang.pick("n.d.", "n/a"), why.message(lang)),
    };
    let over = f.overrun.is_some_and(|o| o > Decimal::ZERO);
    let weighted = f.days_late_weighted;
    let late_text = match weighted {
        Some(d) => format!("{} {}", format_number(lang, d, 1), lang.pick("j", "d")),
        None => lang
            .pick(
                "n.d. (aucune facture payée sur 6 mois)",
                "n/a (no invoice paid in 6 months)",
            )
            .to_string(),
    };
    let measured_text = match s.measured {
        Some((_, n)) => {
            if lang.is_fr() {
                format!("La grille utilise ce retard mesuré, sur {n} factures payées.")
            } else {
                format!("The grid uses this measured delay, over {n} paid invoices.")
            }
        }
        None => lang
            .pick(
                "Trop peu de factures payées : la grille garde le retard saisi dans le dossier.",
                "Too few paid invoices: the grid keeps the delay typed in the file.",
            )
            .to_string(),
    };
    view! {
        <section class="card ledger-figures" class:overrun=over>
            <dl class="figures">
                {amount_figure(lang, "ledger-encours", lang.pick("Encours", "Outstanding"), Some(f.encours))}
                {amount_figure(lang, "ledger-overdue", lang.pick("Échu", "Overdue"), Some(f.overdue))}
                {amount_figure(lang, "ledger-limit", limit_label, f.limit)}
                {amount_figure(lang, "ledger-overrun", lang.pick("Dépassement", "Overrun"), f.overrun)}
                <div class="figure"><dt>{lang.pick("Utilisation", "Use of limit")}</dt><dd data-testid="ledger-use" data-value=ratio_value(f.use_ratio.ok())>{use_text}</dd></div>
            </dl>
            {over.then(|| view! {
                <p class="flag flag-bad" data-testid="ledger-overrun-flag">
                    {lang.pick("L'encours dépasse la limite.", "The outstanding is over the limit.")}
                </p>
            })}
            {(!f.disputed_open.is_zero()).then(|| view! {
                <p class="muted">
                    {lang.pick("Dont en litige : ", "Of which disputed: ")}{format_amount_places(lang, f.disputed_open, 2)}
                </p>
            })}
            <h2>{lang.pick("Délais", "Days")}</h2>
            <dl class="figures">
                {days_figure(lang, "dso-count_back", lang.pick("DSO (épuisement du CA)", "DSO (count-back)"), f.dso_count_back)}
                {days_figure(lang, "dso-best_possible", lang.pick("DSO minimal (sans l'échu)", "Best possible DSO"), f.dso_best_possible)}
                {days_figure(lang, "dso-add", lang.pick("Jours de retard (ADD)", "Days delinquent (ADD)"), f.dso_add)}
                {days_figure(lang, "dso-accounting", lang.pick("DSO comptable (12 mois)", "Accounting DSO (12 months)"), f.dso_accounting)}
                <div class="figure"><dt>{lang.pick("Retard moyen pondéré (6 mois)", "Weighted days late (6 months)")}</dt><dd data-testid="days-late-weighted" data-value=ratio_value(weighted)>{late_text}</dd></div>
                <div class="figure"><dt>{lang.pick("Factures payées mesurées", "Paid invoices measured")}</dt><dd data-testid="days-late-count" data-value=f.days_late_count.to_string()>{f.days_late_count}</dd></div>
            </dl>
            <p class="muted" data-testid="measured-note">{measured_text}</p>
            <p class="muted">{bucket_note(lang, s.bounds)}</p>
        </section>
    }
}

fn bucket_note(lang: Lang, bounds: [u32; 3]) -> String {
    let labels: Vec<String> = Bucket::ALL.iter().map(|b| b.label(lang, bounds)).collect();
    format!(
        "{} {}",
        lang.pick("Balance âgée :", "Aged balance:"),
        labels.join(" · ")
    )
}

/// The authorised limit, typed by the credit manager; empty: the recommended limit applies.
fn limit_field(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let error = RwSignal::new(None::<String>);
    let value = move || {
        state.current_file.with(|f| {
            input_text(
                lang.get(),
                f.as_ref()
                    .and_then(|f| f.ledger.as_ref())
                    .and_then(|l| l.authorised_limit),
            )
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match entry::amount(&text, lang.get_untracked()) {
            Ok(v) => {
                error.set(None);
                if let Some(id) = state.current.get_untracked() {
                    state.act(|w| w.set_authorised_limit(&id, v));
                }
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card ledger-limit">
            <label class="field">
                <span>{tr(lang, "Limite autorisée (vide : la limite recommandée)", "Authorised limit (empty: the recommended limit)")}</span>
                <input type="text" inputmode="decimal" data-testid="field-authorised_limit" prop:value=value on:change=on_change/>
            </label>
            {move || error.get().map(|e| view! { <p class="field-error" data-testid="error-authorised_limit">{e}</p> })}
        </section>
    }
}
