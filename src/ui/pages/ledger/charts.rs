//! The ledger's two charts: the aged balance (one bar per bucket, with its figure) and the
//! sales by month. Bars are spans whose width is set through the CSSOM (`style:width`), which
//! the content security policy allows where a `style` attribute is refused.

use chrono::Datelike;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::figure::amount_value;
use crate::domain::receivables::figures::LedgerFigures;
use crate::domain::receivables::ledger::Ledger;
use crate::ui::format::format_amount_places;
use crate::ui::Lang;

/// A bar's width, as a percentage of the largest magnitude (0–100, one decimal).
fn width(v: Decimal, max: Decimal) -> String {
    if max.is_zero() {
        return "0".into();
    }
    let pct = (v.abs() * Decimal::ONE_HUNDRED / max).round_dp(1);
    pct.min(Decimal::ONE_HUNDRED).to_string()
}

/// The aged balance: six bars that sum to the encours.
pub(super) fn aged_chart(lang: Lang, f: &LedgerFigures, bounds: [u32; 3]) -> AnyView {
    let max = f
        .aged
        .iter()
        .map(|(_, v)| v.abs())
        .max()
        .unwrap_or_default();
    let bars = f
        .aged
        .iter()
        .map(|(bucket, v)| {
            let w = format!("{}%", width(*v, max));
            view! {
                <div class="bar-row">
                    <span class="bar-label">{bucket.label(lang, bounds)}</span>
                    <span class="bar-track"><span class=format!("bar bar-{}", bucket.key()) style:width=w></span></span>
                    <span class="bar-value" data-testid=format!("aged-{}", bucket.key()) data-value=amount_value(Some(*v))>
                        {format_amount_places(lang, *v, 2)}
                    </span>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card ledger-aged" data-testid="aged-chart">
            <h2>{lang.pick("Balance âgée", "Aged balance")}</h2>
            <div class="bars" role="img" aria-label=lang.pick("Balance âgée par tranche de retard", "Aged balance by days past due")>{bars}</div>
        </section>
    }
    .into_any()
}

/// Sales by calendar month, oldest first (at most 24).
pub(super) fn months_chart(lang: Lang, ledger: &Ledger) -> AnyView {
    let max = ledger
        .months
        .iter()
        .map(|m| m.sales.abs())
        .max()
        .unwrap_or_default();
    let bars = ledger
        .months
        .iter()
        .map(|m| {
            let w = format!("{}%", width(m.sales, max));
            // Formatted by hand: chrono's `format` links its whole strftime machinery.
            let month = format!("{:02}/{:04}", m.month.month(), m.month.year());
            let key = format!("{:04}-{:02}", m.month.year(), m.month.month());
            view! {
                <div class="bar-row" data-testid="month-sales" data-month=key data-value=amount_value(Some(m.sales))>
                    <span class="bar-label">{month}</span>
                    <span class="bar-track"><span class="bar bar-sales" class:negative={m.sales < Decimal::ZERO} style:width=w></span></span>
                    <span class="bar-value">{format_amount_places(lang, m.sales, 2)}</span>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card ledger-months">
            <h2>{lang.pick("Ventes TTC par mois", "Sales (incl. VAT) by month")}</h2>
            {ledger.months.is_empty().then(|| view! { <p class="muted">{lang.pick("Aucune vente connue.", "No sales known.")}</p> })}
            <div class="bars">{bars}</div>
        </section>
    }
    .into_any()
}
