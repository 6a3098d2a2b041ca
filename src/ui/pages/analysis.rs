//! The analysis screen: the verdict, the credit limit and terms, the grid, the ratios over the
//! years, the SIG and balance-sheet structure, the failure scores, the legal checks and the
//! review date. Everything reads the analysis memo, so it follows every keystroke.
//!
//! Every figure of SPEC.md "Outputs that tests read" is in the DOM with `data-testid` and
//! `data-value`, with empty values when no file is open or the file has no statement:
//! `score`, `risk-class`, `completeness`, `provisional` (only when provisional),
//! `limit-recommended`, `terms-recommended`, `review-due` (in the verdict card);
//! `limit-need`, `limit-capacity`, `limit-secured`, `limit-unsecured`, `limit-binding`;
//! `agg-<aggregate>` and `ratio-<ratio>` (latest year); `score-altman_z2`, `score-altman_z1`,
//! `score-conan_holder`; `criterion-<criterion>` (points).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::client::TermsBasis;
use crate::ui::components::analysis_blocks::{
    grid_block, limit_block, review_block, scores_block, statements_oldest_first, terms_block,
};
use crate::ui::components::fmt::tr;
use crate::ui::components::ratio_table::{ratios_table, sig_table, structure_table, Snapshot};
use crate::ui::components::verdict::VerdictCard;
use crate::ui::components::what_if::what_if_section;
use crate::ui::{use_state, AppState, View};

#[inline(never)]
fn snapshot(state: AppState) -> Snapshot {
    Snapshot {
        lang: state.lang.get(),
        analysis: state.analysis.get(),
        statements: state
            .current_file
            .with(|f| f.as_ref().map(statements_oldest_first).unwrap_or_default()),
        policy: state.policy.get(),
    }
}

/// A block of the analysis, drawn from a snapshot (a plain function: every section shares the
/// same view code).
type Block = fn(&Snapshot, AppState, RwSignal<Option<String>>) -> AnyView;

/// A titled section of the analysis.
fn section(
    state: AppState,
    open: RwSignal<Option<String>>,
    testid: &'static str,
    fr: &'static str,
    en: &'static str,
    body: Block,
) -> AnyView {
    let lang = state.lang;
    view! {
        <section class="card analysis-section" data-testid=testid>
            <h2>{tr(lang, fr, en)}</h2>
            {move || body(&snapshot(state), state, open)}
        </section>
    }
    .into_any()
}

fn file_sales(state: AppState) -> Option<Decimal> {
    state
        .current_file
        .with(|f| f.as_ref().and_then(|f| f.trade.expected_annual_sales))
}

fn file_cover(state: AppState) -> (Option<Decimal>, Option<Decimal>) {
    state.current_file.with(|f| {
        f.as_ref()
            .map(|f| (f.trade.insurance_cover, f.trade.guarantees))
            .unwrap_or((None, None))
    })
}

fn file_requested(state: AppState) -> (Option<u32>, TermsBasis) {
    state.current_file.with(|f| {
        f.as_ref()
            .map(|f| (f.trade.terms_days, f.trade.terms_basis))
            .unwrap_or((None, TermsBasis::Net))
    })
}

/// The analysis of the open file.
#[component]
pub fn AnalysisPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let open = RwSignal::new(None::<String>);
    let has_file = crate::ui::components::memo(move || state.current_file.with(Option::is_some));
    let title = crate::ui::components::memo(move || {
        state
            .current_file
            .with(|f| f.as_ref().map(|f| f.name.clone()).unwrap_or_default())
    });

    view! {
        <section class="analysis-page" data-testid="analysis-page">
            <header class="page-head">
                <h1>
                    {move || {
                        let t = title.get();
                        let head = lang.get().pick("Analyse", "Analysis");
                        if t.trim().is_empty() { head.to_string() } else { format!("{head} — {t}") }
                    }}
                </h1>
                <div class="page-actions no-print">
                    <Show when=move || has_file.get()>
                        <button type="button" class="btn" data-testid="back-to-client" on:click=move |_| state.view.set(View::Client)>
                            {tr(lang, "← Saisie du dossier", "← Edit the file")}
                        </button>
                    </Show>
                    {crate::ui::components::report::print_button(lang)}
                </div>
            </header>
            <Show when=move || !has_file.get()>
                <div class="empty-state" data-testid="analysis-empty">
                    <p>
                        {tr(lang,
                            "Aucun dossier ouvert : choisissez un client dans le portefeuille.",
                            "No file open: pick a client in the portfolio.",
                        )}
                    </p>
                    <button type="button" class="btn btn-primary" on:click=move |_| state.view.set(View::Portfolio)>
                        {tr(lang, "Aller au portefeuille", "Go to the portfolio")}
                    </button>
                </div>
            </Show>
            <div class="analysis-grid">
                <div class="analysis-verdict">
                    <VerdictCard/>
                </div>
                {section(state, open, "limit-block", "Encours autorisé", "Credit limit", |s, state, _| {
                    limit_block(s, file_sales(state), file_cover(state))
                })}
                {section(state, open, "terms-block", "Conditions de paiement", "Payment terms", |s, state, _| {
                    terms_block(s, file_requested(state))
                })}
                {section(state, open, "review-block", "Révision", "Review", |s, _, _| review_block(s))}
            </div>
            {what_if_section(state)}
            {section(state, open, "grid-block", "Grille de notation", "Scoring grid", |s, _, open| grid_block(s, open))}
            {section(state, open, "ratios-block", "Ratios", "Ratios", |s, _, open| ratios_table(s, open))}
            {section(state, open, "sig-block", "Soldes intermédiaires de gestion", "Income statement analysis (SIG)", |s, _, _| {
                sig_table(s)
            })}
            {section(state, open, "structure-block", "Structure financière : FRNG, BFR, trésorerie", "Financial structure: working capital, WCR, net cash", |s, _, _| {
                structure_table(s)
            })}
            {section(state, open, "scores-block", "Scores de défaillance", "Failure scores", |s, _, open| scores_block(s, open))}
            <footer class="report-foot">
                {move || {
                    let l = lang.get();
                    let v = state.policy.with(|p| p.version);
                    let d = crate::ui::components::fmt::format_date(l, state.today.get());
                    if l.is_fr() {
                        format!("Politique de crédit v{v} · analyse du {d}")
                    } else {
                        format!("Credit policy v{v} · analysis of {d}")
                    }
                }}
            </footer>
        </section>
    }
}
