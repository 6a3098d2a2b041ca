//! The ledger's two charts: the aged balance (one bar per bucket, with its figure) and the
//! sales by month. Bars are spans whose width is set through the CSSOM (`style:width`), which
//! the content security policy allows where a `style` attribute is refused.

use chrono::Datelike;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::figure::amount_value;
use crate::domain::receivables::figures::{encours_by_month, LedgerFigures};
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

/// Sales and encours by calendar month over the last 12 months, oldest first: the sales as
/// imported, the encours rebuilt from the items (`figures::encours_by_month`).
pub(super) fn months_chart(lang: Lang, ledger: &Ledger) -> AnyView {
    // The months before the first one with a sale or an encours are left out: a new ledger's
    // chart starts where its history does.
    let mut encours = encours_by_month(ledger, 12);
    let first = encours.iter().position(|(m, e)| {
        !e.is_zero()
            || ledger
                .months
                .iter()
                .any(|s| s.month == *m && !s.sales.is_zero())
    });
    encours.drain(..first.unwrap_or(encours.len()));
    let sales_of = |month: chrono::NaiveDate| {
        ledger
            .months
            .iter()
            .find(|m| m.month == month)
            .map(|m| m.sales)
    };
    let max = encours
        .iter()
        .flat_map(|(m, e)| [e.abs(), sales_of(*m).unwrap_or_default().abs()])
        .max()
        .unwrap_or_default();
    let rows = encours
        .iter()
        .map(|(month, e)| {
            let sales = sales_of(*month);
            // Formatted by hand: chrono's `format` links its whole strftime machinery.
            let label = format!("{:02}/{:04}", month.month(), month.year());
            let key = format!("{:04}-{:02}", month.year(), month.month());
            let sales_w = format!("{}%", width(sales.unwrap_or_default(), max));
            let encours_w = format!("{}%", width(*e, max));
            let sales_text = sales.map(|v| format_amount_places(lang, v, 2)).unwrap_or_else(|| "—".into());
            view! {
                <div class="bar-row month-row" data-testid="month-row" data-month=key>
                    <span class="bar-label">{label}</span>
                    <span class="bar-pair">
                        <span class="bar-track"><span class="bar bar-sales" class:negative={sales.is_some_and(|v| v < Decimal::ZERO)} style:width=sales_w></span></span>
                        <span class="bar-track"><span class="bar bar-encours" style:width=encours_w></span></span>
                    </span>
                    <span class="bar-value">
                        <span data-testid="month-sales" data-value=amount_value(sales)>{sales_text}</span>
                        <br/>
                        <span class="muted" data-testid="month-encours" data-value=amount_value(Some(*e))>{format_amount_places(lang, *e, 2)}</span>
                    </span>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card ledger-months">
            <h2>{lang.pick("Ventes et encours par mois", "Sales and outstanding by month")}</h2>
            <p class="muted legend">
                <span class="swatch bar-sales"></span>{lang.pick(" ventes TTC du mois   ", " sales of the month (incl. VAT)   ")}
                <span class="swatch bar-encours"></span>{lang.pick(" encours en fin de mois, reconstitué à partir des pièces", " outstanding at the month's end, rebuilt from the items")}
            </p>
            <div class="bars">{rows}</div>
        </section>
    }
    .into_any()
}
