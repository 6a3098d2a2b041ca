//! The statements of a client file, year by year as columns side by side (N, N-1, N-2…, latest
//! on the left, next to the labels), in quick or complete mode.
//!
//! Columns are addressed by their display index: 0 is the latest year by closing date. The
//! analysis lists the same years oldest first, so display index `i` is `analysis.years[n-1-i]`.

use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::edit_current;
use super::explain::{balance_label, income_label};
use super::fmt::{format_amount, format_amount_exact, format_date, tr, year_name};
use super::inputs::{amount_input_with, count_input, date_input, months_input};
use crate::domain::aggregates::Aggregates;
use crate::domain::client::{ClientFile, MAX_STATEMENTS};
use crate::domain::statement::{
    BalanceLine as B, IncomeLine as I, QuickField, ReportedLine as R, Statement, QUICK_FIELDS,
};
use crate::domain::warnings::Warning;
use crate::ui::{use_state, AppState, Lang};

/// Storage indices of the statements, latest first (the reverse of the engine's stable
/// oldest-first order, so that display index `i` matches `analysis.years[n-1-i]`).
pub fn display_order(f: &ClientFile) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..f.statements.len()).collect();
    crate::domain::sorting::sort_by(&mut idx, |&a, &b| {
        f.statements[a]
            .closing_date
            .cmp(&f.statements[b].closing_date)
    });
    idx.reverse();
    idx
}

/// Edits the statement at storage index `k` in the open file.
fn edit_year(state: &AppState, k: Option<usize>, edit: impl FnOnce(&mut Statement)) {
    let Some(k) = k else {
        return;
    };
    edit_current(state, |f| {
        if let Some(s) = f.statements.get_mut(k) {
            edit(s);
        }
    });
}

/// A line of any of the three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Bs(B),
    Is(I),
    Rep(R),
}

impl Line {
    pub fn key(self) -> &'static str {
        match self {
            Line::Bs(l) => l.key(),
            Line::Is(l) => l.key(),
            Line::Rep(l) => l.key(),
        }
    }

    pub fn liasse(self) -> &'static str {
        match self {
            Line::Bs(l) => l.liasse(),
            Line::Is(l) => l.liasse(),
            Line::Rep(l) => l.liasse(),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Line::Bs(l) => l.label(lang),
            Line::Is(l) => l.label(lang),
            Line::Rep(l) => l.label(lang),
        }
    }

    fn get(self, s: &Statement) -> Option<Decimal> {
        match self {
            Line::Bs(l) => s.bs(l),
            Line::Is(l) => s.is(l),
            Line::Rep(l) => s.rep(l),
        }
    }

    fn set(self, s: &mut Statement, v: Option<Decimal>) {
        match self {
            Line::Bs(l) => s.balance_sheet.set(l, v),
            Line::Is(l) => s.income_statement.set(l, v),
            Line::Rep(l) => s.reported.set(l, v),
        }
    }

    /// "of which" lines are shown indented under their total.
    fn is_detail(self) -> bool {
        matches!(
            self,
            Line::Bs(B::BankOverdrafts) | Line::Is(I::InterestExpense | I::FinancialProvisions)
        )
    }
}

/// A group of lines as on the liasse.
struct Group {
    fr: &'static str,
    en: &'static str,
    lines: &'static [Line],
}

const COMPLETE: &[Group] = &[
    Group {
        fr: "Actif immobilisé",
        en: "Fixed assets",
        lines: &[
            Line::Bs(B::UncalledCapital),
            Line::Bs(B::IntangibleAssets),
            Line::Bs(B::TangibleAssets),
            Line::Bs(B::FinancialAssets),
        ],
    },
    Group {
        fr: "Actif circulant",
        en: "Current assets",
        lines: &[
            Line::Bs(B::Inventories),
            Line::Bs(B::AdvancesPaid),
            Line::Bs(B::TradeReceivables),
            Line::Bs(B::OtherReceivables),
            Line::Bs(B::MarketableSecurities),
            Line::Bs(B::Cash),
            Line::Bs(B::PrepaidExpenses),
            Line::Bs(B::AccrualsAssets),
        ],
    },
    Group {
        fr: "Capitaux propres",
        en: "Equity",
        lines: &[
            Line::Bs(B::ShareCapital),
            Line::Bs(B::Reserves),
            Line::Bs(B::YearResult),
            Line::Bs(B::SubsidiesAndRegulatedProvisions),
        ],
    },
    Group {
        fr: "Autres fonds propres et provisions",
        en: "Other equity and provisions",
        lines: &[Line::Bs(B::OtherEquity), Line::Bs(B::Provisions)],
    },
    Group {
        fr: "Dettes",
        en: "Liabilities",
        lines: &[
            Line::Bs(B::Bonds),
            Line::Bs(B::BankDebt),
            Line::Bs(B::BankOverdrafts),
            Line::Bs(B::OtherFinancialDebt),
            Line::Bs(B::CustomerAdvances),
            Line::Bs(B::TradePayables),
            Line::Bs(B::TaxAndSocialLiabilities),
            Line::Bs(B::OtherLiabilities),
            Line::Bs(B::DeferredIncome),
            Line::Bs(B::AccrualsLiabilities),
            Line::Bs(B::DebtsWithinOneYear),
        ],
    },
    Group {
        fr: "Produits d'exploitation",
        en: "Operating income",
        lines: &[
            Line::Is(I::SalesOfGoods),
            Line::Is(I::SalesOfProduction),
            Line::Is(I::StoredProduction),
            Line::Is(I::CapitalisedProduction),
            Line::Is(I::OperatingSubsidies),
            Line::Is(I::ReversalsAndTransfers),
            Line::Is(I::OtherOperatingIncome),
        ],
    },
    Group {
        fr: "Charges d'exploitation",
        en: "Operating charges",
        lines: &[
            Line::Is(I::PurchasesOfGoods),
            Line::Is(I::GoodsInventoryChange),
            Line::Is(I::PurchasesOfMaterials),
            Line::Is(I::MaterialsInventoryChange),
            Line::Is(I::ExternalCharges),
            Line::Is(I::TaxesAndDuties),
            Line::Is(I::Wages),
            Line::Is(I::SocialCharges),
            Line::Is(I::Depreciation),
            Line::Is(I::OperatingProvisions),
            Line::Is(I::OtherOperatingCharges),
        ],
    },
    Group {
        fr: "Résultat financier",
        en: "Financial items",
        lines: &[
            Line::Is(I::FinancialIncome),
            Line::Is(I::FinancialCharges),
            Line::Is(I::InterestExpense),
            Line::Is(I::FinancialProvisions),
        ],
    },
    Group {
        fr: "Résultat exceptionnel",
        en: "Exceptional items",
        lines: &[
            Line::Is(I::ExceptionalIncome),
            Line::Is(I::ExceptionalCharges),
        ],
    },
    Group {
        fr: "Participation et impôt",
        en: "Profit sharing and tax",
        lines: &[Line::Is(I::EmployeeProfitSharing), Line::Is(I::IncomeTax)],
    },
    Group {
        fr: "Chiffres clés publiés (priment sur les lignes)",
        en: "Published key figures (override the lines)",
        lines: &[
            Line::Rep(R::Revenue),
            Line::Rep(R::Ebitda),
            Line::Rep(R::OperatingResult),
            Line::Rep(R::NetIncome),
            Line::Rep(R::Equity),
            Line::Rep(R::TotalAssets),
        ],
    },
];

/// Every quick field is in the quick groups, in the order of `QUICK_FIELDS`.
fn quick_lines() -> impl Iterator<Item = Line> {
    QUICK_FIELDS.iter().map(|q| match *q {
        QuickField::Reported(r) => Line::Rep(r),
        QuickField::Balance(b) => Line::Bs(b),
    })
}

/// One column: the year's statement, warnings and aggregates, each a memo so that a keystroke
/// in one year only wakes that year's cells.
///
/// While a closing date is being edited the column order is frozen (`order`), so the year being
/// typed does not jump to another column under the user's finger; it moves on blur.
#[derive(Clone, Copy)]
struct Col {
    /// Display index: 0 is the latest year.
    i: usize,
    /// Storage index of the statement shown in this column.
    k: Memo<Option<usize>>,
    stmt: Memo<Option<Statement>>,
    warnings: Memo<Vec<Warning>>,
    aggs: Memo<Option<Aggregates>>,
}

impl Col {
    fn new(state: AppState, i: usize, order: Memo<Vec<usize>>) -> Self {
        let k = super::memo(move || order.with(|o| o.get(i).copied()));
        let stmt = super::memo(move || {
            let k = k.get()?;
            state
                .current_file
                .with(|f| f.as_ref().and_then(|f| f.statements.get(k)).cloned())
        });
        // The analysis lists years oldest first, in the engine's (stable) date order.
        let year_index = super::memo(move || {
            let k = k.get()?;
            state.current_file.with(|f| {
                let f = f.as_ref()?;
                let latest_first = display_order(f);
                let pos = latest_first.iter().position(|&x| x == k)?;
                latest_first.len().checked_sub(1 + pos)
            })
        });
        let warnings = super::memo(move || {
            let Some(j) = year_index.get() else {
                return Vec::new();
            };
            state.analysis.with(|a| {
                a.as_ref()
                    .and_then(|a| a.years.get(j))
                    .map(|y| y.warnings.clone())
                    .unwrap_or_default()
            })
        });
        let aggs = super::memo(move || {
            let j = year_index.get()?;
            state.analysis.with(|a| {
                a.as_ref()
                    .and_then(|a| a.years.get(j))
                    .map(|y| y.aggregates)
            })
        });
        Col {
            i,
            k,
            stmt,
            warnings,
            aggs,
        }
    }
}

/// A warning in words, with its amounts.
pub fn warning_text(w: &Warning, lang: Lang) -> String {
    let fr = lang.is_fr();
    match *w {
        Warning::Unbalanced {
            total_assets,
            total_liabilities,
            ..
        } => {
            let (a, l) = (
                format_amount_exact(lang, total_assets),
                format_amount_exact(lang, total_liabilities),
            );
            if fr {
                format!("Bilan déséquilibré : actif {a}, passif {l}")
            } else {
                format!("Unbalanced balance sheet: assets {a}, liabilities {l}")
            }
        }
        Warning::ReportedDiffers {
            line,
            reported,
            from_lines,
            ..
        } => {
            let (r, s) = (
                format_amount_exact(lang, reported),
                format_amount_exact(lang, from_lines),
            );
            let what = line.label(lang);
            let code = line.liasse();
            if fr {
                format!("{what} ({code}) publié {r} ≠ somme des lignes {s} (le chiffre publié est retenu)")
            } else {
                format!(
                    "{what} ({code}) reported {r} ≠ sum of lines {s} (the reported figure is used)"
                )
            }
        }
        Warning::YearResultDiffers {
            year_result,
            net_income,
            ..
        } => {
            let (di, hn) = (
                format_amount_exact(lang, year_result),
                format_amount_exact(lang, net_income),
            );
            if fr {
                format!("Résultat au bilan (DI) {di} ≠ résultat net (HN) {hn}")
            } else {
                format!("Balance-sheet result (DI) {di} ≠ net income (HN) {hn}")
            }
        }
    }
}

/// The warning that belongs under a given line, if any.
fn line_warning(w: &Warning, line: Line) -> bool {
    match (*w, line) {
        (Warning::ReportedDiffers { line: r, .. }, Line::Rep(l)) => r == l,
        (Warning::YearResultDiffers { .. }, Line::Bs(B::YearResult)) => true,
        (Warning::YearResultDiffers { .. }, Line::Rep(R::NetIncome)) => true,
        _ => false,
    }
}

/// A default closing date for a new year: one year before the oldest, one after the latest, or
/// the last 31 December before today for the first.
fn new_closing_date(f: &ClientFile, earlier: bool, today: NaiveDate) -> NaiveDate {
    let dates: Vec<NaiveDate> = f.statements.iter().map(|s| s.closing_date).collect();
    let fallback = NaiveDate::from_ymd_opt(today.year() - 1, 12, 31).unwrap_or(today);
    let base = if earlier {
        dates.iter().min().copied()
    } else {
        dates.iter().max().copied()
    };
    match base {
        None => fallback,
        Some(d) if earlier => d.checked_sub_months(Months::new(12)).unwrap_or(d),
        Some(d) => d.checked_add_months(Months::new(12)).unwrap_or(d),
    }
}

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
    let order = super::memo(move || {
        let live = state
            .current_file
            .with(|f| f.as_ref().map(display_order).unwrap_or_default());
        match frozen.get() {
            Some(v) if v.len() == live.len() => v,
            _ => live,
        }
    });
    let count = super::memo(move || {
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

fn year_head(c: Col, confirm_remove: RwSignal<Option<usize>>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let i = c.i;
    let year = move || {
        c.stmt
            .with(|s| s.as_ref().map(|s| s.closing_date.year().to_string()))
            .unwrap_or_default()
    };
    view! {
        <th scope="col" class="year-head">
            <span class="year-name">{year_name(i)}</span>
            " "
            <span class="year-of">{year}</span>
            <button
                type="button"
                class="btn-icon btn-danger"
                data-testid=format!("remove-year-{i}")
                title=tr(lang, "Supprimer cet exercice", "Delete this fiscal year")
                aria-label=move || {
                    if lang.get().is_fr() {
                        format!("Supprimer l'exercice {}", year_name(i))
                    } else {
                        format!("Delete fiscal year {}", year_name(i))
                    }
                }
                on:click=move |_| confirm_remove.set(c.k.get_untracked())
            >
                "×"
            </button>
        </th>
    }
}

fn cell_label(i: usize, fr: &'static str, en: &'static str) -> Signal<String> {
    let lang = use_state().lang;
    Signal::derive(move || format!("{} {}", lang.get().pick(fr, en), year_name(i)))
}

fn closing_cell(
    c: Col,
    order: Memo<Vec<usize>>,
    frozen: RwSignal<Option<Vec<usize>>>,
) -> impl IntoView {
    let state = use_state();
    let i = c.i;
    let value = Signal::derive(move || c.stmt.with(|s| s.as_ref().map(|s| s.closing_date)));
    view! {
        <td
            on:focusin=move |_| {
                if let Some(o) = order.try_get_untracked() {
                    let _ = frozen.try_set(Some(o));
                }
            }
            // Focus leaves as the screen is removed: the signals may be disposed already.
            on:focusout=move |_| {
                let _ = frozen.try_set(None);
            }
        >
            {date_input(
                &format!("closing_date-{i}"),
                Some(cell_label(i, "Date de clôture", "Closing date")),
                value,
                move |d| {
                    // The closing date is required: clearing the field keeps the stored date.
                    if let Some(d) = d {
                        edit_year(&state, c.k.get_untracked(), |s| s.closing_date = d);
                    }
                },
            )}
        </td>
    }
}

fn duration_cell(c: Col) -> impl IntoView {
    let state = use_state();
    let i = c.i;
    let value = Signal::derive(move || c.stmt.with(|s| s.as_ref().map(|s| s.duration_months)));
    view! {
        <td>
            {months_input(
                format!("duration_months-{i}"),
                Some(cell_label(i, "Durée en mois", "Length in months")),
                value,
                move |m| {
                    edit_year(&state, c.k.get_untracked(), |s| {
                        s.duration_months = m.unwrap_or(12)
                    })
                },
            )}
        </td>
    }
}

fn headcount_cell(c: Col) -> impl IntoView {
    let state = use_state();
    let i = c.i;
    let value = Signal::derive(move || c.stmt.with(|s| s.as_ref().and_then(|s| s.headcount)));
    view! {
        <td>
            {count_input(
                format!("headcount-{i}"),
                Some(cell_label(i, "Effectif moyen", "Average headcount")),
                value,
                move |h| edit_year(&state, c.k.get_untracked(), |s| s.headcount = h),
            )}
        </td>
    }
}

fn warnings_cell(c: Col) -> impl IntoView {
    let lang = use_state().lang;
    let i = c.i;
    view! {
        <td class="warnings-cell" data-testid=format!("year-warnings-{i}")>
            {move || {
                let ws = c.warnings.get();
                if ws.is_empty() {
                    view! {
                        <span class="check-ok">
                            <span aria-hidden="true">"✓ "</span>
                            {lang.get().pick("Cohérent", "Consistent")}
                        </span>
                    }
                    .into_any()
                } else {
                    ws.iter()
                        .map(|w| {
                            view! {
                                <p class="warning" data-testid="consistency-warning">
                                    <span aria-hidden="true">"⚠ "</span>
                                    {warning_text(w, lang.get())}
                                </p>
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
        </td>
    }
}

fn group_body(fr: &'static str, en: &'static str, lines: Vec<Line>, cols: &[Col]) -> AnyView {
    let lang = use_state().lang;
    let n = cols.len();
    view! {
        <tbody>
            <tr class="group-row">
                <th scope="rowgroup" colspan=n + 1>{tr(lang, fr, en)}</th>
            </tr>
            {lines.into_iter().map(|line| line_row(line, cols)).collect_view()}
        </tbody>
    }
    .into_any()
}

fn line_row(line: Line, cols: &[Col]) -> impl IntoView {
    let lang = use_state().lang;
    view! {
        <tr class="line-row" class:detail=line.is_detail()>
            <th scope="row" class="line-label">
                <span class="line-name">{move || line.label(lang.get())}</span>
                " "
                <span class="liasse-code">{line.liasse()}</span>
            </th>
            {cols.iter().map(|&c| line_cell(line, c)).collect_view()}
        </tr>
    }
}

fn line_cell(line: Line, c: Col) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let i = c.i;
    let value = Signal::from(super::memo(move || {
        c.stmt.with(|s| s.as_ref().and_then(|s| line.get(s)))
    }));
    let aria = Signal::derive(move || {
        let what = match line {
            Line::Bs(l) => balance_label(l, lang.get()),
            Line::Is(l) => income_label(l, lang.get()),
            Line::Rep(l) => format!("{} ({})", l.label(lang.get()), l.liasse()),
        };
        format!("{what}, {}", year_name(i))
    });
    // A published figure left empty shows what the engine derives from the lines instead.
    let placeholder = match line {
        Line::Rep(r) => Some(Signal::derive({
            // The aggregates change on every keystroke; this one figure seldom does.
            let derived =
                super::memo(move || c.aggs.with(|a| a.and_then(|a| a.get(r.aggregate()))));
            move || {
                let l = lang.get();
                derived
                    .get()
                    .map(|v| {
                        let v = format_amount(l, v);
                        if l.is_fr() {
                            format!("calculé : {v}")
                        } else {
                            format!("from lines: {v}")
                        }
                    })
                    .unwrap_or_default()
            }
        })),
        _ => None,
    };
    let has_line_warning = super::memo(move || {
        c.warnings
            .with(|ws| ws.iter().any(|w| line_warning(w, line)))
    });
    view! {
        <td>
            {amount_input_with(
                format!("{}-{i}", line.key()),
                Some(aria),
                placeholder,
                Some(i),
                value,
                move |v| edit_year(&state, c.k.get_untracked(), |s| line.set(s, v)),
            )}
            {move || {
                has_line_warning.get().then(|| {
                    c.warnings.with(|ws| {
                        ws.iter()
                            .filter(|w| line_warning(w, line))
                            .map(|w| {
                                view! {
                                    <p class="warning line-warning">
                                        <span aria-hidden="true">"⚠ "</span>
                                        {warning_text(w, lang.get())}
                                    </p>
                                }
                            })
                            .collect_view()
                    })
                })
            }}
        </td>
    }
}
