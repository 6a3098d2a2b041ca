//! The cells of the statement tables: a year's head, its closing date, duration and headcount,
//! its warnings, and one amount of one line.

use chrono::Datelike;
use leptos::prelude::*;

use super::column::*;
use super::edit_year;
use super::lines::*;
use super::warnings::*;
use crate::ui::components::explain::{balance_label, income_label};
use crate::ui::components::fmt::{format_amount, tr, year_name};
use crate::ui::components::inputs::{amount_input_with, count_input, date_input, months_input};
use crate::ui::use_state;

pub(super) fn year_head(c: Col, confirm_remove: RwSignal<Option<usize>>) -> impl IntoView {
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

pub(super) fn cell_label(i: usize, fr: &'static str, en: &'static str) -> Signal<String> {
    let lang = use_state().lang;
    Signal::derive(move || format!("{} {}", lang.get().pick(fr, en), year_name(i)))
}

pub(super) fn closing_cell(
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

pub(super) fn duration_cell(c: Col) -> impl IntoView {
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

pub(super) fn headcount_cell(c: Col) -> impl IntoView {
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

pub(super) fn warnings_cell(c: Col) -> impl IntoView {
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

pub(super) fn group_body(
    fr: &'static str,
    en: &'static str,
    lines: Vec<Line>,
    cols: &[Col],
) -> AnyView {
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

pub(super) fn line_row(line: Line, cols: &[Col]) -> impl IntoView {
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

pub(super) fn line_cell(line: Line, c: Col) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let i = c.i;
    let value = Signal::from(crate::ui::components::memo(move || {
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
            let derived = crate::ui::components::memo(move || {
                c.aggs.with(|a| a.and_then(|a| a.get(r.aggregate())))
            });
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
    let has_line_warning = crate::ui::components::memo(move || {
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
