//! The ledger's items: open ones first (with the closed ones of the last 12 months on demand),
//! sortable by any column; a disputed item is marked, stays in the encours and is left out of
//! dunning.

use leptos::prelude::*;

use crate::domain::figure::amount_value;
use crate::domain::receivables::ledger::{Item, ItemKind, Ledger};
use crate::ui::format::{format_amount_places, format_date};
use crate::ui::{AppState, Lang};

/// The columns a user can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Reference,
    Issued,
    Due,
    Amount,
    Open,
    Late,
}

fn kind_label(lang: Lang, k: ItemKind) -> &'static str {
    match k {
        ItemKind::Invoice => lang.pick("Facture", "Invoice"),
        ItemKind::CreditNote => lang.pick("Avoir", "Credit note"),
        ItemKind::Payment => lang.pick("Règlement", "Payment"),
        ItemKind::Opening => lang.pick("À-nouveau", "Opening"),
        ItemKind::Other => lang.pick("Autre", "Other"),
    }
}

/// Days past due at `as_of` (0 when not due or without a due date).
fn days_late(item: &Item, ledger: &Ledger) -> i64 {
    match item.due_on {
        Some(due) if item.is_debit() && !item.open.is_zero() => {
            (ledger.as_of - due).num_days().max(0)
        }
        _ => 0,
    }
}

/// The items table of `ledger`.
pub(super) fn items_table(state: AppState, lang: Lang, ledger: &Ledger) -> AnyView {
    let sort = RwSignal::new((SortBy::Due, true));
    let show_closed = RwSignal::new(false);
    let ledger = ledger.clone();
    let header = move |by: SortBy, fr: &'static str, en: &'static str, key: &'static str| {
        let label = lang.pick(fr, en);
        view! {
            <th>
                <button type="button" class="th-sort" data-testid=format!("items-sort-{key}")
                    aria-sort=move || match sort.get() { (b, true) if b == by => "ascending", (b, false) if b == by => "descending", _ => "none" }
                    on:click=move |_| sort.update(|(b, asc)| { if *b == by { *asc = !*asc } else { *b = by; *asc = true } })>
                    {label}
                </button>
            </th>
        }
    };
    let rows = move || {
        let (by, asc) = sort.get();
        let mut items: Vec<&Item> = ledger
            .items
            .iter()
            .filter(|i| show_closed.get() || !i.open.is_zero())
            .collect();
        items.sort_by(|a, b| {
            let o = match by {
                SortBy::Reference => a.reference.cmp(&b.reference),
                SortBy::Issued => a.issued_on.cmp(&b.issued_on),
                SortBy::Due => a.due_on.cmp(&b.due_on),
                SortBy::Amount => a.amount.cmp(&b.amount),
                SortBy::Open => a.open.cmp(&b.open),
                SortBy::Late => days_late(a, &ledger).cmp(&days_late(b, &ledger)),
            };
            if asc {
                o
            } else {
                o.reverse()
            }
        });
        items
            .into_iter()
            .map(|i| item_row(state, lang, i, days_late(i, &ledger)))
            .collect_view()
    };
    view! {
        <section class="card ledger-items">
            <h2>{lang.pick("Pièces", "Items")}</h2>
            <label class="check">
                <input type="checkbox" data-testid="items-show-closed" prop:checked=move || show_closed.get()
                    on:change=move |ev| show_closed.set(event_target_checked(&ev))/>
                {lang.pick(" Afficher aussi les pièces soldées des 12 derniers mois", " Also show the items closed in the last 12 months")}
            </label>
            <div class="table-wrap">
            <table class="items-table">
                <thead><tr>
                    {header(SortBy::Reference, "Pièce", "Reference", "ref")}
                    <th>{lang.pick("Type", "Kind")}</th>
                    {header(SortBy::Issued, "Date", "Date", "issued")}
                    {header(SortBy::Due, "Échéance", "Due", "due")}
                    {header(SortBy::Amount, "Montant", "Amount", "amount")}
                    {header(SortBy::Open, "Reste dû", "Open", "open")}
                    {header(SortBy::Late, "Retard", "Late", "late")}
                    <th>{lang.pick("Litige", "Disputed")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        </section>
    }
    .into_any()
}

fn item_row(state: AppState, lang: Lang, item: &Item, late: i64) -> impl IntoView {
    let key = (item.reference.clone(), item.issued_on, item.amount);
    let toggle =
        move |ev: leptos::ev::Event| {
            let disputed = event_target_checked(&ev);
            let key = key.clone();
            if let Some(id) = state.current.get_untracked() {
                state.update_file(&id, move |f| {
                    if let Some(l) = f.ledger.as_mut() {
                        for i in l.items.iter_mut().filter(|i| {
                            (&i.reference, i.issued_on, i.amount) == (&key.0, key.1, key.2)
                        }) {
                            i.disputed = disputed;
                        }
                    }
                });
            }
        };
    let due = item
        .due_on
        .map(|d| format_date(lang, d))
        .unwrap_or_default();
    let late_text = if late > 0 {
        format!("{late} {}", lang.pick("j", "d"))
    } else {
        String::new()
    };
    let label = if lang.is_fr() {
        format!("Pièce {} en litige", item.reference)
    } else {
        format!("Item {} disputed", item.reference)
    };
    view! {
        <tr data-testid="ledger-item" data-ref=item.reference.clone() class:disputed=item.disputed class:late={late > 0}>
            <td>{item.reference.clone()}</td>
            <td>{kind_label(lang, item.kind)}</td>
            <td>{format_date(lang, item.issued_on)}</td>
            <td>{due}</td>
            <td class="num" data-value=amount_value(Some(item.amount))>{format_amount_places(lang, item.amount, 2)}</td>
            <td class="num" data-testid="item-open" data-value=amount_value(Some(item.open))>{format_amount_places(lang, item.open, 2)}</td>
            <td class="num" data-testid="item-late" data-value=late.to_string()>{late_text}</td>
            <td><label class="check-target"><input type="checkbox" data-testid="item-disputed" aria-label=label prop:checked=item.disputed on:change=toggle/></label></td>
        </tr>
    }
}
