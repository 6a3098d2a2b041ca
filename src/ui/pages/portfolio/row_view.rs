//! One row of the portfolio table.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::rows::*;
use crate::domain::figure::{amount_value, ratio_value};
use crate::ui::components::rating_status::rating_badge;
use crate::ui::format::{format_amount, format_date, format_number, not_available};
use crate::ui::{display_name, use_state, Lang, View};

/// One row; a tap anywhere on it opens the file.
#[component]
pub(super) fn RowView(row: Row, lang: Lang, today: NaiveDate) -> impl IntoView {
    let state = use_state();
    let fr = lang.is_fr();
    let open_id = row.id.clone();
    let open = move || state.open(&open_id, View::Client);
    let open_click = open.clone();
    let dup_id = row.id.clone();
    let del_id = row.id.clone();
    let name = display_name(&row.name, lang);
    let unnamed = row.name.trim().is_empty();
    let overdue = row.review_due < today;
    let age = row.latest.map(|d| months_between(d, today));
    let statements = match (row.latest, age) {
        (Some(d), Some(m)) => {
            let age = if fr {
                format!("{m} mois")
            } else {
                format!("{m} mo")
            };
            view! {
                <span>{age}</span>
                <span class="row-date">{format_date(lang, d)}</span>
                {row.stale.then(|| view! {
                    <span class="flag flag-warn" data-testid="row-stale">
                        <span aria-hidden="true">"⚠ "</span>{lang.pick("ancien", "stale")}
                    </span>
                })}
            }
            .into_any()
        }
        _ => view! { <span class="muted">{lang.pick("aucun", "none")}</span> }.into_any(),
    };
    let score_text = row
        .score
        .map(|s| format_number(lang, s, 0))
        .unwrap_or_else(|| not_available(lang).to_string());
    let name_label = if fr {
        format!("Ouvrir le dossier {name}")
    } else {
        format!("Open file {name}")
    };
    view! {
        <tr
            class="client-row"
            data-testid="client-row"
            data-id=row.id.clone()
            on:click=move |_| open_click()
        >
            <td class="col-name">
                <button
                    class="row-open"
                    class:unnamed=unnamed
                    data-testid="row-name"
                    aria-label=name_label
                >
                    {name.clone()}
                </button>
                <span class="row-sub">{siren_display(&row.siren)}</span>
                {row.overrun.then(|| view! {
                    <span class="flag flag-bad" data-testid="row-overrun">{lang.pick("dépassement de limite", "over its limit")}</span>
                })}
            </td>
            <td class="col-siren" data-testid="row-siren" data-value=row.siren.clone()>{siren_display(&row.siren)}</td>
            <td class="col-class">
                {class_badge(row.class, lang, row.provisional)}
                {rating_badge(state, row.id.clone(), row.rating, None, row.policy_version, lang, true)}
            </td>
            <td class="col-num" data-testid="row-score" data-value=ratio_value(row.score)>{score_text}</td>
            <td class="col-num" data-testid="row-limit" data-value=amount_value(Some(row.limit))>{format_amount(lang, row.limit)}</td>
            <td class="col-date" class:overdue=overdue data-testid="row-review" data-value=row.review_due.to_string()>
                {format_date(lang, row.review_due)}
                {overdue.then(|| view! { <span class="flag flag-warn">{lang.pick(" à revoir", " overdue")}</span> })}
            </td>
            <td class="col-date" data-testid="row-statements" data-value=row.latest.map(|d| d.to_string()).unwrap_or_default() data-stale=row.stale.to_string()>
                {statements}
            </td>
            <td class="col-actions">
                <button
                    class="btn-icon"
                    data-testid="row-duplicate"
                    title=lang.pick("Dupliquer", "Duplicate")
                    aria-label=if fr { format!("Dupliquer {name}") } else { format!("Duplicate {name}") }
                    on:click=move |ev| { ev.stop_propagation(); state.duplicate_file(&dup_id); }
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                        <rect x="8" y="8" width="12" height="12" rx="2"/>
                        <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2"/>
                    </svg>
                </button>
                <button
                    class="btn-icon btn-danger"
                    data-testid="row-delete"
                    title=lang.pick("Supprimer", "Delete")
                    aria-label=if fr { format!("Supprimer {name}") } else { format!("Delete {name}") }
                    on:click=move |ev| { ev.stop_propagation(); state.delete_file(&del_id); }
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                        <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"/>
                    </svg>
                </button>
            </td>
        </tr>
    }
}
