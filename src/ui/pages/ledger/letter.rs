//! A dunning letter (docs/receivables.md "Dunning"): built by `receivables::letters` for the
//! client's next stage, shown in a dialogue to read, print on one A4 page, copy as text for an
//! e-mail, or mark as sent (which records the stage on its invoices, as the ledger's button does).
//!
//! Test ids: `letter-open` (the ledger's button), `letter-dialog`, `letter-title`, `letter-line`
//! (each invoice, `data-ref`), `letter-total` (data-value: the total due), `letter-deadline`
//! (data-value: ISO date, a formal notice only), `letter-stale`, `letter-text` (the text for an
//! e-mail), `letter-print`, `letter-mark-sent`, `letter-close`; printed, `print-letter-sheet`.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::figure::amount_value;
use crate::domain::receivables::dunning::Stage;
use crate::domain::receivables::letters::{letter_text, Letter};
use crate::ui::format::{format_amount_places, format_date};
use crate::ui::{use_state, AppState, Lang};

/// A letter open in the dialogue, with the stage and invoices it is for.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenLetter {
    pub letter: Letter,
    pub lang: Lang,
    pub stage: Stage,
    pub refs: Vec<String>,
}

/// The letter's content, shared by the dialogue and the printed sheet.
fn letter_body(l: &Letter, lang: Lang) -> AnyView {
    let amount = |v: rust_decimal::Decimal| format_amount_places(lang, v, 2);
    let na = || lang.pick("taux non renseigné", "rate not set").to_string();
    let rows = l
        .lines
        .iter()
        .map(|x| {
            view! {
                <tr data-testid="letter-line" data-ref=x.reference.clone()>
                    <td>{x.reference.clone()}</td>
                    <td>{format_date(lang, x.issued_on)}</td>
                    <td>{format_date(lang, x.due_on)}</td>
                    <td class="num">{x.days_late.max(0)}</td>
                    <td class="num">{amount(x.open)}</td>
                    <td class="num">{x.interest.map(amount).unwrap_or_else(na)}</td>
                    <td class="num">{amount(x.indemnity)}</td>
                </tr>
            }
        })
        .collect_view();
    let t = l.totals;
    view! {
        <p class="letter-date">{format_date(lang, l.date)}</p>
        <p class="letter-to"><strong>{l.recipient.clone()}</strong></p>
        <h1 data-testid="letter-title">{l.title.clone()}</h1>
        {l.stale.then(|| view! { <p class="flag flag-warn" data-testid="letter-stale">{l.body.last().cloned().unwrap_or_default()}</p> })}
        <p>{l.opening.clone()}</p>
        <table class="letter-table">
            <thead><tr>
                <th>{lang.pick("Facture", "Invoice")}</th><th>{lang.pick("Date", "Date")}</th><th>{lang.pick("Échéance", "Due")}</th>
                <th class="num">{lang.pick("Jours de retard", "Days late")}</th><th class="num">{lang.pick("Reste dû", "Open")}</th>
                <th class="num">{lang.pick("Intérêts", "Interest")}</th><th class="num">{lang.pick("Indemnité", "Indemnity")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr>
                <th colspan="4">{lang.pick("Total", "Total")}</th>
                <td class="num">{amount(t.open)}</td>
                <td class="num">{t.interest.map(amount).unwrap_or_else(na)}</td>
                <td class="num">{amount(t.indemnity)}</td>
            </tr><tr>
                <th colspan="6">{lang.pick("Total dû", "Total due")}</th>
                <td class="num" data-testid="letter-total" data-value=amount_value(t.total_due)>{t.total_due.map(amount).unwrap_or_else(na)}</td>
            </tr></tfoot>
        </table>
        {l.deadline.map(|d| view! { <p data-testid="letter-deadline" data-value=d.to_string()><strong>{lang.pick("À régler au plus tard le ", "To be paid by ")}{format_date(lang, d)}</strong></p> })}
        // The stale warning, the body's last paragraph, is shown first when there is one.
        {l.body.iter().take(l.body.len() - usize::from(l.stale)).map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
        <div class="letter-legal">{l.legal.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}</div>
        <p>{l.closing.clone()}</p>
    }
    .into_any()
}

/// The dialogue of the open letter.
#[component]
pub fn LetterDialog() -> impl IntoView {
    let state = use_state();
    let printing = use_context::<crate::ui::components::report::Printing>();
    move || {
        let open = state.letter.get()?;
        let lang = open.lang;
        let text = letter_text(&open.letter, lang);
        let print = move |_| {
            if let Some(crate::ui::components::report::Printing(on)) = printing {
                on.set(true);
            }
            set_timeout(
                || {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                },
                Duration::ZERO,
            );
        };
        let (stage, refs) = (open.stage, open.refs.clone());
        let mark = move |_| {
            if let Some(id) = state.current.get_untracked() {
                state.act(|w| w.mark_stage_sent(&id, &refs, stage, "lettre"));
            }
            state.letter.set(None);
        };
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog dialog-wide letter" role="dialog" aria-modal="true" aria-labelledby="letter-heading" data-testid="letter-dialog">
                    <h2 id="letter-heading">{open.letter.kind.label(lang)}</h2>
                    <div class="letter-page">{letter_body(&open.letter, lang)}</div>
                    <label class="field">
                        <span>{lang.pick("Texte pour un e-mail", "Text for an e-mail")}</span>
                        <textarea readonly rows="8" data-testid="letter-text" prop:value=text></textarea>
                    </label>
                    <div class="dialog-actions">
                        <button class="btn" data-testid="letter-close" on:click=move |_| state.letter.set(None)>{lang.pick("Fermer", "Close")}</button>
                        <button class="btn" data-testid="letter-print" on:click=print>{lang.pick("Imprimer", "Print")}</button>
                        <button class="btn btn-primary" data-testid="letter-mark-sent" on:click=mark>{lang.pick("Marquer comme envoyée", "Mark as sent")}</button>
                    </div>
                </div>
            </div>
        })
    }
}

/// The printed letter: drawn in place of the credit report while a letter is open.
pub fn letter_sheet(state: AppState) -> Option<AnyView> {
    let open = state.letter.get()?;
    Some(
        view! {
            <div class="report-sheet letter-sheet" data-testid="print-letter-sheet">{letter_body(&open.letter, open.lang)}</div>
        }
        .into_any(),
    )
}
