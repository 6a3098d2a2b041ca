//! The aggregates over the years (SIG, balance-sheet structure), one column per year.

use std::fmt::Write;

use leptos::prelude::*;

use crate::domain::aggregates::Aggregate;
use crate::domain::figure::amount_value;
use crate::ui::components::fmt::{esc, format_amount_opt, format_date, not_available, year_name};
pub use crate::ui::components::snapshot::Snapshot;

/// A table with one column per year, scrolling inside its own box on narrow screens.
pub(super) fn year_table(
    s: &Snapshot,
    class: &'static str,
    first: &'static str,
    rows: AnyView,
) -> AnyView {
    view! {
        <div class="table-scroll">
            <table class=class>
                <thead inner_html=head_row(s, first)></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The header row as markup: `first`, then the years, latest first ("N", "31/12/2025 · 18 mois").
/// Markup set as inner HTML, as the report and the charts: smaller in the wasm than a view.
pub(super) fn head_row(s: &Snapshot, first: &str) -> String {
    let lang = s.lang;
    let years = s.years();
    let mut h = format!(r#"<tr><th scope="col">{}</th>"#, esc(first));
    if years.is_empty() {
        let _ = write!(
            h,
            r#"<th scope="col" class="num">{}</th>"#,
            lang.pick("Aucun exercice", "No fiscal year")
        );
    }
    for (i, (y, _, _)) in years.iter().enumerate() {
        let name = year_name(i);
        let months = y.duration_months;
        let dur = if months == 12 {
            String::new()
        } else if lang.is_fr() {
            format!(" · {months} mois")
        } else {
            format!(" · {months} months")
        };
        let _ = write!(
            h,
            r#"<th scope="col" class="num"><span class="year-name">{name}</span><span class="year-date">{}{dur}</span></th>"#,
            esc(&format_date(lang, y.closing_date))
        );
    }
    h.push_str("</tr>");
    h
}

/// Flows of the income statement (SIG).
pub(super) const SIG: &[Aggregate] = &[
    Aggregate::Revenue,
    Aggregate::CommercialMargin,
    Aggregate::Production,
    Aggregate::ExternalConsumption,
    Aggregate::ValueAdded,
    Aggregate::PersonnelCosts,
    Aggregate::Ebitda,
    Aggregate::OperatingResult,
    Aggregate::CurrentResult,
    Aggregate::NetIncome,
    Aggregate::Caf,
];

/// Balance-sheet structure, FRNG / BFR / trésorerie.
pub(super) const STRUCTURE: &[Aggregate] = &[
    Aggregate::FixedAssets,
    Aggregate::CurrentAssets,
    Aggregate::TotalAssets,
    Aggregate::Equity,
    Aggregate::TangibleNetWorth,
    Aggregate::FinancialDebt,
    Aggregate::StructuralFinancialDebt,
    Aggregate::NetFinancialDebt,
    Aggregate::OperatingLiabilities,
    Aggregate::TotalDebts,
    Aggregate::TotalLiabilities,
    Aggregate::ShortTermDebt,
    Aggregate::StableResources,
    Aggregate::WorkingCapital,
    Aggregate::WorkingCapitalRequirement,
    Aggregate::NetCash,
];

/// One table of aggregates over the years, as markup (read-only: no handler inside).
pub fn aggregates_table(s: &Snapshot, which: &'static [Aggregate]) -> AnyView {
    let lang = s.lang;
    let years = s.years();
    let na = not_available(lang);
    let mut h = format!(
        r#"<table class="data-table"><thead>{}</thead><tbody>"#,
        head_row(s, lang.pick("Agrégat", "Aggregate"))
    );
    for &agg in which {
        let key = agg.key();
        let highlight = matches!(
            agg,
            Aggregate::Ebitda
                | Aggregate::NetIncome
                | Aggregate::WorkingCapital
                | Aggregate::WorkingCapitalRequirement
                | Aggregate::NetCash
                | Aggregate::TotalAssets
                | Aggregate::Equity
        );
        let tr = if highlight {
            r#"<tr class="highlight">"#
        } else {
            "<tr>"
        };
        let _ = write!(h, r#"{tr}<th scope="row">{}</th>"#, esc(agg.label(lang)));
        if years.is_empty() {
            let _ = write!(
                h,
                r#"<td class="num absent" data-testid="agg-{key}" data-value="">{na}</td>"#
            );
        }
        for (i, (y, _, _)) in years.iter().enumerate() {
            let v = y.aggregates.get(agg);
            h.push_str(r#"<td class="num"#);
            if v.is_none() {
                h.push_str(" absent");
            }
            if v.is_some_and(|x| x.is_sign_negative() && !x.is_zero()) {
                h.push_str(" negative");
            }
            h.push('"');
            if i == 0 {
                let _ = write!(
                    h,
                    r#" data-testid="agg-{key}" data-value="{}""#,
                    amount_value(v)
                );
            }
            let _ = write!(h, ">{}</td>", esc(&format_amount_opt(lang, v)));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    view! { <div class="table-scroll" inner_html=h></div> }.into_any()
}

/// The SIG table.
pub fn sig_table(s: &Snapshot) -> AnyView {
    aggregates_table(s, SIG)
}

/// The structure table (FRNG, BFR, trésorerie…).
pub fn structure_table(s: &Snapshot) -> AnyView {
    aggregates_table(s, STRUCTURE)
}
