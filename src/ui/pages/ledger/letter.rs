//! A dunning letter (docs/receivables.md "Dunning"): built by `receivables::letters` for the
//! client's next stage, shown in a dialogue to read, print on one A4 page, copy as text for an
//! e-mail, or mark as sent (which records the stage on its invoices, as the ledger's button does).
//!
//! Test ids: `letter-open` (the ledger's button), `letter-dialog`, `letter-title`, `letter-line`
//! (each invoice, `data-ref`), `letter-total` (data-value: the total due), `letter-deadline`
//! (data-value: ISO date, a formal notice only), `letter-stale`, `letter-text` (the text for an
//! e-mail), `letter-lang-fr` / `letter-lang-en` (the letter's language, the interface's at first),
//! `letter-copy` (to the clipboard), `letter-print`, `letter-mark-sent`, `letter-close`; printed, `print-letter-sheet`.
//! The litigation summary (`litigation-open`) shows in the same dialogue, with `litigation-action`
//! for each dunning step done.

use leptos::prelude::*;

use crate::domain::figure::amount_value;
use crate::domain::receivables::dunning::Stage;
use crate::domain::receivables::letters::{letter_text, Letter};
use crate::ui::format::{format_amount_places, format_date};
use crate::ui::{use_state, AppState, Lang};

/// A letter open in the dialogue, with the stage and invoices it is for.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenLetter {
    /// The letter in French, then in English.
    pub letters: [Letter; 2],
    /// The language shown, printed and copied (the interface's when it opens).
    pub lang: Lang,
    pub stage: Stage,
    pub refs: Vec<String>,
    /// A litigation summary instead of a letter: the dunning actions done (stage, date,
    /// invoices), listed under the debt.
    pub litigation: Option<Vec<(Stage, chrono::NaiveDate, Vec<String>)>>,
}

/// The invoices with their penalties and the totals.
fn lines_table(l: &Letter, lang: Lang) -> AnyView {
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
    }
    .into_any()
}

/// The letter's content, shared by the dialogue and the printed sheet.
fn letter_body(l: &Letter, lang: Lang) -> AnyView {
    view! {
        <p class="letter-date">{format_date(lang, l.date)}</p>
        <p class="letter-to"><strong>{l.recipient.clone()}</strong></p>
        <h1 data-testid="letter-title">{l.title.clone()}</h1>
        {l.stale.then(|| view! { <p class="flag flag-warn" data-testid="letter-stale">{l.body.last().cloned().unwrap_or_default()}</p> })}
        <p>{l.opening.clone()}</p>
        {lines_table(l, lang)}
        {l.deadline.map(|d| view! { <p data-testid="letter-deadline" data-value=d.to_string()><strong>{lang.pick("À régler au plus tard le ", "To be paid by ")}{format_date(lang, d)}</strong></p> })}
        // The stale warning, the body's last paragraph, is shown first when there is one.
        {l.body.iter().take(l.body.len() - usize::from(l.stale)).map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
        <div class="letter-legal">{l.legal.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}</div>
        <p>{l.closing.clone()}</p>
    }
    .into_any()
}

/// The litigation summary of the debt: the invoices with their penalties at the situation
/// date, the dunning done, the legal grounds.
fn litigation_body(
    l: &Letter,
    actions: &[(Stage, chrono::NaiveDate, Vec<String>)],
    lang: Lang,
) -> AnyView {
    let title = if lang.is_fr() {
        format!("Fiche contentieux — {}", l.recipient)
    } else {
        format!("Litigation summary — {}", l.recipient)
    };
    let done = actions
        .iter()
        .map(|(stage, on, refs)| view! { <li data-testid="litigation-action">{format!("{} — {} — {}", format_date(lang, *on), stage.label(lang), refs.join(", "))}</li> })
        .collect_view();
    view! {
        <p class="letter-date">{format_date(lang, l.date)}</p>
        <h1 data-testid="letter-title">{title}</h1>
        <p>{lang.pick("Créance à la date de situation du ", "The debt at the situation date of ")}{format_date(lang, l.as_of)}{lang.pick(", pénalités calculées à cette date.", ", penalties computed to that date.")}</p>
        {lines_table(l, lang)}
        <h2>{lang.pick("Relances faites", "Dunning done")}</h2>
        {actions.is_empty().then(|| view! { <p>{lang.pick("Aucune relance enregistrée.", "No reminder recorded.")}</p> })}
        <ul>{done}</ul>
        <div class="letter-legal">{l.legal.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}</div>
    }
    .into_any()
}

impl OpenLetter {
    /// The letter in the language chosen.
    pub fn letter(&self) -> &Letter {
        let [fr, en] = &self.letters;
        if self.lang.is_fr() {
            fr
        } else {
            en
        }
    }
}

/// What the dialogue and the printed sheet show.
fn open_body(open: &OpenLetter) -> AnyView {
    match &open.litigation {
        Some(actions) => litigation_body(open.letter(), actions, open.lang),
        None => letter_body(open.letter(), open.lang),
    }
}

/// The dialogue of the open letter.
#[component]
pub fn LetterDialog() -> impl IntoView {
    let state = use_state();
    let printing = use_context::<crate::ui::components::report::Printing>();
    move || {
        let open = state.letter.get()?;
        // The letter in its language; the dialogue around it in the interface's.
        let lang = open.lang;
        let ui = state.lang.get();
        let text = letter_text(open.letter(), lang);
        let print = move |_| crate::ui::components::report::print_now(printing);
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
                    <h2 id="letter-heading">{open.letter().kind.label(lang)}</h2>
                    <div class="choices" role="group" aria-label=ui.pick("Langue de la lettre", "The letter's language")>
                        <button class="btn btn-choice" data-testid="letter-lang-fr" aria-pressed=lang.is_fr().to_string()
                            on:click=move |_| state.letter.update(|l| if let Some(l) = l { l.lang = Lang::Fr })>"Français"</button>
                        <button class="btn btn-choice" data-testid="letter-lang-en" aria-pressed=(!lang.is_fr()).to_string()
                            on:click=move |_| state.letter.update(|l| if let Some(l) = l { l.lang = Lang::En })>"English"</button>
                    </div>
                    <div class="letter-page">{open_body(&open)}</div>
                    <label class="field">
                        <span>{ui.pick("Texte pour un e-mail", "Text for an e-mail")}</span>
                        <textarea readonly rows="8" data-testid="letter-text" prop:value=text.clone()></textarea>
                    </label>
                    <div class="dialog-actions">
                        <button class="btn" data-testid="letter-close" on:click=move |_| state.letter.set(None)>{ui.pick("Fermer", "Close")}</button>
                        <button class="btn" data-testid="letter-copy" on:click=move |_| copy_text(state, &text)>{ui.pick("Copier le texte", "Copy the text")}</button>
                        <button class="btn" data-testid="letter-print" on:click=print>{ui.pick("Imprimer", "Print")}</button>
                        {open.litigation.is_none().then(|| view! {
                            <button class="btn btn-primary" data-testid="letter-mark-sent" on:click=mark>{ui.pick("Marquer comme envoyée", "Mark as sent")}</button>
                        })}
                    </div>
                </div>
            </div>
        })
    }
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`, reached through `Reflect` so a
/// browser without it simply says so), then says whether it worked.
fn copy_text(state: AppState, text: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let promise = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).ok())
        .filter(|c| !c.is_undefined())
        .and_then(|clipboard| {
            let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?;
            let write: js_sys::Function = write.dyn_into().ok()?;
            write
                .call1(&clipboard, &JsValue::from_str(text))
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        });
    let Some(promise) = promise else {
        state.notify(crate::store::Bilingual::new(
            "Le navigateur ne permet pas de copier : sélectionnez le texte et copiez-le.",
            "The browser does not allow copying: select the text and copy it.",
        ));
        return;
    };
    type Callback = wasm_bindgen::closure::Closure<dyn FnMut(JsValue)>;
    let done: Callback = wasm_bindgen::closure::Closure::once(move |_: JsValue| {
        state.notify(crate::store::Bilingual::new(
            "Texte de la lettre copié.",
            "The letter's text is copied.",
        ));
    });
    let failed: Callback = wasm_bindgen::closure::Closure::once(move |_: JsValue| {
        state.notify(crate::store::Bilingual::new(
            "La copie a été refusée : sélectionnez le texte et copiez-le.",
            "Copying was refused: select the text and copy it.",
        ));
    });
    let _ = promise.then2(&done, &failed);
    // Each runs at most once, when the promise settles; the page keeps them until then.
    done.forget();
    failed.forget();
}

/// The printed letter: drawn in place of the credit report while a letter is open.
pub fn letter_sheet(state: AppState) -> Option<AnyView> {
    let open = state.letter.get()?;
    Some(
        view! {
            <div class="report-sheet letter-sheet" data-testid="print-letter-sheet">{open_body(&open)}</div>
        }
        .into_any(),
    )
}
