//! The statements block of the client page: years side by side, add and remove a year, quick
//! or complete entry.

use leptos::prelude::*;

use super::cells::*;
use super::column::*;
use super::display_order;
use super::lines::*;
use super::warnings::*;
use crate::domain::client::MAX_STATEMENTS;
use crate::domain::statement::Statement;
use crate::ui::components::edit_current;
use crate::ui::components::fmt::{format_date, tr};
use crate::ui::use_state;

/// The statements block of the client page.
#[component]
pub fn StatementsEditor() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let complete = RwSignal::new(false);
    // Storage index of the year the user asked to delete.
    let confirm_remove = RwSignal::new(None::<usize>);
    // The column order, frozen while a closing date has the focus.
    let frozen = RwSignal::new(None::<Vec<usize>>);
    let order = crate::ui::components::memo(move || {
        let live = state
            .current_file
            .with(|f| f.as_ref().map(display_order).unwrap_or_default());
        match frozen.get() {
            Some(v) if v.len() == live.len() => v,
            _ => live,
        }
    });
    let count = crate::ui::components::memo(move || {
        state
            .current_file
            .with(|f| f.as_ref().map_or(0, |f| f.statements.len()))
    });

    let add = move |earlier: bool| {
        let today = state.today.get_untracked();
        edit_current(&state, |f| {
            if f.statements.len() < MAX_STATEMENTS {
                let d = new_closing_date(f, earlier, today);
                f.statements.push(Statement::new(d));
            }
        });
    };

    let mode_button = move |is_complete: bool,
                            fr: &'static str,
                            en: &'static str,
                            id: &'static str| {
        view! {
            <button
                type="button"
                class="btn btn-choice"
                class:active=move || complete.get() == is_complete
                aria-pressed=move || if complete.get() == is_complete { "true" } else { "false" }
                data-testid=id
                on:click=move |_| complete.set(is_complete)
            >
                {tr(lang, fr, en)}
            </button>
        }
    };

    view! {
        <section class="card statements" data-testid="statements">
            <div class="section-head">
                <h2>{tr(lang, "États financiers", "Financial statements")}</h2>
                <div class="seg" role="group" aria-label=tr(lang, "Mode de saisie", "Entry mode")>
                    {mode_button(false, "Saisie rapide", "Quick entry", "entry-mode-quick")}
                    {mode_button(true, "Liasse complète", "Complete statements", "entry-mode-complete")}
                </div>
            </div>
            <p class="section-hint">
                {move || {
                    if complete.get() {
                        lang.get().pick(
                            "Toutes les lignes de la liasse (montants nets). Les chiffres publiés, s'ils sont saisis, priment sur la somme des lignes.",
                            "Every line of the tax return (net amounts). Published key figures, when entered, override the sum of lines.",
                        )
                    } else {
                        lang.get().pick(
                            "Les dix chiffres clés : tapez un montant à la française (1 234 567,89) ou à l'anglaise (1234567.89). Un chiffre publié laissé vide est calculé à partir des lignes (affiché en grisé). Entrée : champ suivant de la même année.",
                            "The ten key figures: type amounts the French way (1 234 567,89) or the English way (1234567.89). A published figure left empty is computed from the lines (shown greyed). Enter: next field of the same year.",
                        )
                    }
                }}
            </p>
            {move || {
                confirm_remove.get().map(|k| {
                    let label = state.current_file.with(|f| {
                        f.as_ref()
                            .and_then(|f| f.statements.get(k))
                            .map(|s| format_date(lang.get(), s.closing_date))
                            .unwrap_or_default()
                    });
                    view! {
                        <div class="confirm" role="alertdialog" data-testid="remove-year-dialog">
                            <p>
                                {move || if lang.get().is_fr() {
                                    format!("Supprimer l'exercice clos le {label} et tous ses montants ?")
                                } else {
                                    format!("Delete the fiscal year closing {label} and all its amounts?")
                                }}
                            </p>
                            <button
                                type="button"
                                class="btn btn-danger"
                                data-testid="remove-year-confirm"
                                on:click=move |_| {
                                    edit_current(&state, |f| {
                                        if k < f.statements.len() {
                                            f.statements.remove(k);
                                        }
                                    });
                                    confirm_remove.set(None);
                                }
                            >
                                {tr(lang, "Supprimer", "Delete")}
                            </button>
                            <button
                                type="button"
                                class="btn"
                                data-testid="remove-year-cancel"
                                on:click=move |_| confirm_remove.set(None)
                            >
                                {tr(lang, "Annuler", "Cancel")}
                            </button>
                        </div>
                    }
                })
            }}
            {move || {
                let n = count.get();
                if n == 0 {
                    view! {
                        <div class="empty-years" data-testid="no-statement">
                            <p>
                                {tr(lang,
                                    "Aucun exercice saisi : le dossier ne peut pas être noté (classe NR, seuls les montants garantis sont accordés).",
                                    "No fiscal year entered: the file cannot be rated (class NR, only secured amounts are granted).",
                                )}
                            </p>
                            <button type="button" class="btn btn-primary" data-testid="add-year-first" on:click=move |_| add(false)>
                                {tr(lang, "Saisir le dernier exercice", "Enter the latest fiscal year")}
                            </button>
                        </div>
                    }
                    .into_any()
                } else {
                    let cols: Vec<Col> = (0..n).map(|i| Col::new(state, i, order)).collect();
                    let body_cols = cols.clone();
                    view! {
                        <div class="table-scroll">
                            <table class="statement-table" style:--years=n.to_string()>
                                <thead>
                                    <tr>
                                        <th scope="col" class="line-head">
                                            {tr(lang, "Exercice", "Fiscal year")}
                                        </th>
                                        {cols.iter().map(|&c| year_head(c, confirm_remove)).collect_view()}
                                    </tr>
                                    <tr class="year-meta">
                                        <th scope="row">{tr(lang, "Date de clôture", "Closing date")}</th>
                                        {cols.iter().map(|&c| closing_cell(c, order, frozen)).collect_view()}
                                    </tr>
                                    <tr class="year-meta">
                                        <th scope="row">{tr(lang, "Durée (mois)", "Length (months)")}</th>
                                        {cols.iter().map(|&c| duration_cell(c)).collect_view()}
                                    </tr>
                                    <tr class="year-meta">
                                        <th scope="row">{tr(lang, "Effectif moyen", "Average headcount")}</th>
                                        {cols.iter().map(|&c| headcount_cell(c)).collect_view()}
                                    </tr>
                                    <tr class="year-warnings">
                                        <th scope="row">{tr(lang, "Contrôles", "Checks")}</th>
                                        {cols.iter().map(|&c| warnings_cell(c)).collect_view()}
                                    </tr>
                                </thead>
                                {move || {
                                    let cols = body_cols.clone();
                                    if complete.get() {
                                        COMPLETE
                                            .iter()
                                            .map(|g| group_body(g.fr, g.en, g.lines.to_vec(), &cols))
                                            .collect_view()
                                    } else {
                                        let reported: Vec<Line> = quick_lines().filter(|l| matches!(l, Line::Rep(_))).collect();
                                        let balance: Vec<Line> = quick_lines().filter(|l| matches!(l, Line::Bs(_))).collect();
                                        vec![
                                            group_body("Chiffres clés publiés", "Published key figures", reported, &cols),
                                            group_body("Bilan", "Balance sheet", balance, &cols),
                                        ]
                                        .into_iter()
                                        .collect_view()
                                    }
                                }}
                            </table>
                        </div>
                    }
                    .into_any()
                }
            }}
            <div class="year-actions">
                <Show when=move || { let n = count.get(); n > 0 && n < MAX_STATEMENTS }>
                    <button type="button" class="btn" data-testid="add-year-earlier" on:click=move |_| add(true)>
                        {tr(lang, "+ Exercice précédent", "+ Earlier year")}
                    </button>
                    <button type="button" class="btn" data-testid="add-year-later" on:click=move |_| add(false)>
                        {tr(lang, "+ Exercice plus récent", "+ Later year")}
                    </button>
                </Show>
                <Show when=move || { count.get() >= MAX_STATEMENTS }>
                    <p class="section-hint">
                        {tr(lang, "Cinq exercices au plus.", "Five fiscal years at most.")}
                    </p>
                </Show>
            </div>
        </section>
    }
}
