//! The receivables part of the policy (docs/receivables.md): which FEC accounts are the
//! customers', the aged balance's bounds, how many paid invoices make a measured payment
//! behaviour, how end-of-month terms are counted. Checked with the rest of the draft.

use leptos::prelude::*;

use super::field::Field;
use super::widgets::*;
use crate::domain::policy_place::{Place, ReceivablesPart};
use crate::domain::receivables::dates::EndOfMonthRule;

/// The section of the receivables settings.
pub(super) fn receivables_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let bounds = (0..3).map(|i| num_field(ed, Field::AgedBound(i))).collect();
    let body = vec![
        line(
            text(
                "",
                lang.pick(
                    "Comptes clients du FEC (préfixes)",
                    "FEC customer accounts (prefixes)",
                )
                .into(),
            ),
            vec![prefixes_field(ed)],
        ),
        line(
            text(
                "",
                lang.pick(
                    "Balance âgée : bornes des tranches de retard",
                    "Aged balance: the bounds of the buckets",
                )
                .into(),
            ),
            bounds,
        ),
        line(
            text(
                "",
                lang.pick(
                    "Retard mesuré utilisé par la grille à partir de",
                    "Measured delay used by the grid from",
                )
                .into(),
            ),
            vec![
                num_field(ed, Field::MinInvoices),
                text(
                    "pf-unit",
                    lang.pick("factures payées", "paid invoices").into(),
                ),
            ],
        ),
        line(
            text(
                "",
                lang.pick("Conditions fin de mois", "End-of-month terms")
                    .into(),
            ),
            vec![end_of_month_field(ed)],
        ),
    ];
    section(
        "card policy-section",
        lang.pick("Encours et recouvrement", "Receivables"),
        lang.pick(
            "Ces réglages s'appliquent aux imports de FEC et de balances âgées, et aux chiffres de l'encours.",
            "These settings apply to FEC and aged-balance imports, and to the ledger's figures.",
        ),
        body,
    )
}

/// The prefixes, typed separated by commas or spaces.
fn prefixes_field(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let place = Place::Receivables(ReceivablesPart::Prefixes);
    let initial = ed
        .draft
        .with_untracked(|p| p.receivables.receivable_prefixes.join(", "));
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let prefixes: Vec<String> = typed
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        ed.draft
            .update(|p| p.receivables.receivable_prefixes = prefixes);
    };
    view! {
        <span class="pf">
            <span class="pf-box">
                <input type="text" class="pf-input" inputmode="numeric" autocomplete="off" data-testid="policy-receivable-prefixes"
                    aria-label=lang.pick("Comptes clients du FEC", "FEC customer accounts") prop:value=initial disabled=ed.readonly on:input=on_input/>
            </span>
            {move || messages(problems_at(ed, place))}
        </span>
    }
    .into_any()
}

fn end_of_month_field(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let rule = ed.draft.with_untracked(|p| p.receivables.end_of_month);
    view! {
        <select data-testid="policy-end-of-month" disabled=ed.readonly on:change=move |ev| {
            let rule = if event_target_value(&ev) == "month_end_then_days" { EndOfMonthRule::MonthEndThenDays } else { EndOfMonthRule::DaysThenMonthEnd };
            ed.draft.update(|p| p.receivables.end_of_month = rule);
        }>
            <option value="days_then_month_end" selected=rule == EndOfMonthRule::DaysThenMonthEnd>
                {lang.pick("la fin du mois où tombe la date + le délai", "the end of the month in which date + days falls")}
            </option>
            <option value="month_end_then_days" selected=rule == EndOfMonthRule::MonthEndThenDays>
                {lang.pick("la fin du mois de la facture, puis le délai", "the end of the invoice's month, then the days")}
            </option>
        </select>
    }
    .into_any()
}
