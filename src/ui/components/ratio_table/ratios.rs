//! The ratio table: each ratio over the years with its appreciation and change, and on tap its
//! formula with the figures it read.

use std::fmt::Write;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::aggregates::*;
use crate::domain::aggregates::Aggregate;
use crate::domain::analysis::YearAnalysis;
use crate::domain::figure::ratio_value;
use crate::domain::policy::Policy;
use crate::domain::ratios::{RatioId, RatioResult};
use crate::domain::statement::{BalanceLine as B, IncomeLine as I, Statement};
use crate::ui::components::explain::{balance_label, income_label, why_text};
use crate::ui::components::fmt::{
    esc, format_amount, format_change, format_percent, not_available,
};
use crate::ui::components::ratio_words::{appreciation_mark, bands_text, ratio_text};
pub use crate::ui::components::snapshot::Snapshot;
use crate::ui::Lang;

/// What a ratio reads, for its explanation.
#[derive(Clone, Copy)]
pub(super) enum Term {
    Agg(Aggregate),
    Bs(B),
    Is(I),
    Vat,
    PreviousRevenue,
}

pub(super) fn terms_of(id: RatioId) -> &'static [Term] {
    use Aggregate as A;
    match id {
        RatioId::EquityRatio => &[Term::Agg(A::Equity), Term::Agg(A::TotalAssets)],
        RatioId::Gearing => &[Term::Agg(A::NetFinancialDebt), Term::Agg(A::Equity)],
        RatioId::RepaymentCapacity => &[Term::Agg(A::StructuralFinancialDebt), Term::Agg(A::Caf)],
        RatioId::CurrentRatio => &[Term::Agg(A::CurrentAssets), Term::Agg(A::ShortTermDebt)],
        RatioId::QuickRatio => &[
            Term::Agg(A::CurrentAssets),
            Term::Bs(B::Inventories),
            Term::Agg(A::ShortTermDebt),
        ],
        RatioId::CashRatio => &[
            Term::Bs(B::Cash),
            Term::Bs(B::MarketableSecurities),
            Term::Agg(A::ShortTermDebt),
        ],
        RatioId::DsoDays => &[
            Term::Bs(B::TradeReceivables),
            Term::Agg(A::Revenue),
            Term::Vat,
        ],
        RatioId::DpoDays => &[
            Term::Bs(B::TradePayables),
            Term::Is(I::PurchasesOfGoods),
            Term::Is(I::PurchasesOfMaterials),
            Term::Is(I::ExternalCharges),
            Term::Vat,
        ],
        RatioId::InventoryDays => &[Term::Bs(B::Inventories), Term::Agg(A::Revenue)],
        RatioId::WcrDays => &[
            Term::Agg(A::WorkingCapitalRequirement),
            Term::Agg(A::Revenue),
        ],
        RatioId::EbitdaMargin => &[Term::Agg(A::Ebitda), Term::Agg(A::Revenue)],
        RatioId::NetMargin => &[Term::Agg(A::NetIncome), Term::Agg(A::Revenue)],
        RatioId::ReturnOnEquity => &[Term::Agg(A::NetIncome), Term::Agg(A::Equity)],
        RatioId::PersonnelWeight => &[Term::Agg(A::PersonnelCosts), Term::Agg(A::ValueAdded)],
        RatioId::InterestCoverage => &[Term::Agg(A::Ebitda), Term::Is(I::InterestExpense)],
        RatioId::FinancialChargesWeight => &[Term::Is(I::FinancialCharges), Term::Agg(A::Revenue)],
        RatioId::RevenueGrowth => &[Term::Agg(A::Revenue), Term::PreviousRevenue],
    }
}

/// The label and value of a term for one year.
pub(super) fn term_row(
    lang: Lang,
    t: Term,
    y: &YearAnalysis,
    st: Option<&Statement>,
    prev: Option<&YearAnalysis>,
    policy: &Policy,
) -> (String, String) {
    let na = || lang.pick("non saisi", "not entered").to_string();
    let amount = |v: Option<Decimal>| v.map(|x| format_amount(lang, x)).unwrap_or_else(na);
    match t {
        Term::Agg(a) => (a.label(lang).to_string(), amount(y.aggregates.get(a))),
        Term::Bs(l) => (balance_label(l, lang), amount(st.and_then(|s| s.bs(l)))),
        Term::Is(l) => (income_label(l, lang), amount(st.and_then(|s| s.is(l)))),
        Term::Vat => (
            lang.pick("Taux de TVA (politique)", "VAT rate (policy)")
                .to_string(),
            format_percent(lang, policy.vat_rate, 1),
        ),
        Term::PreviousRevenue => (
            lang.pick("Chiffre d'affaires N-1", "Revenue N-1")
                .to_string(),
            prev.map(|p| amount(p.aggregates.get(Aggregate::Revenue)))
                .unwrap_or_else(|| {
                    lang.pick("pas d'exercice précédent", "no previous year")
                        .to_string()
                }),
        ),
    }
}

/// The explanation of one ratio for one year: formula, the figures it read, result and bands.
/// Read-only: markup set as inner HTML, as the aggregate tables.
pub(super) fn ratio_explanation(
    lang: Lang,
    r: &RatioResult,
    y: &YearAnalysis,
    st: Option<&Statement>,
    prev: Option<&YearAnalysis>,
    policy: &Policy,
) -> AnyView {
    let fr = lang.is_fr();
    let id = r.id;
    let terms: Vec<(String, String)> = terms_of(id)
        .iter()
        .map(|&t| term_row(lang, t, y, st, prev, policy))
        .collect();
    // For a plain quotient, the formula with its figures on one line, as on a credit report.
    let plain = matches!(
        id,
        RatioId::EquityRatio
            | RatioId::Gearing
            | RatioId::CurrentRatio
            | RatioId::EbitdaMargin
            | RatioId::NetMargin
            | RatioId::PersonnelWeight
            | RatioId::InterestCoverage
            | RatioId::FinancialChargesWeight
    ) || (matches!(id, RatioId::ReturnOnEquity | RatioId::RepaymentCapacity)
        && y.duration_months == 12);
    let one_line = match (plain, r.value, terms.as_slice()) {
        (true, Ok(_), [(n_label, n_value), (d_label, d_value)]) => Some(format!(
            "{} = {} {n_value} / {} {d_value} = {}",
            id.label(lang),
            lower_first(n_label),
            lower_first(d_label),
            ratio_text(lang, id, r.value)
        )),
        _ => None,
    };
    let result = match r.value {
        Ok(_) => format!("= {}", ratio_text(lang, id, r.value)),
        Err(why) => format!("{} — {}", not_available(lang), why_text(why, lang)),
    };
    let annualised = (y.duration_months != 12).then(|| {
        if fr {
            format!(
                "Exercice de {} mois : les flux sont ramenés à 12 mois lorsqu'ils rencontrent un montant du bilan.",
                y.duration_months
            )
        } else {
            format!(
                "{}-month fiscal year: flows are brought to 12 months where they meet a balance-sheet amount.",
                y.duration_months
            )
        }
    });
    let mut h = format!(
        r#"<p class="explain-formula"><strong>{}</strong> = {}</p>"#,
        esc(id.label(lang)),
        esc(id.formula(lang))
    );
    if let Some(l) = one_line {
        let _ = write!(h, r#"<p class="explain-line">{}</p>"#, esc(&l));
    }
    h.push_str(r#"<ul class="explain-inputs">"#);
    for (label, value) in terms {
        let _ = write!(
            h,
            r#"<li><span>{}</span><span class="num">{}</span></li>"#,
            esc(&label),
            esc(&value)
        );
    }
    let _ = write!(h, r#"</ul><p class="explain-result">{} "#, esc(&result));
    appreciation_mark(&mut h, lang, r.appreciation);
    h.push_str("</p>");
    if let Some(b) = bands_text(lang, id, policy) {
        let _ = write!(h, r#"<p class="explain-bands">{}</p>"#, esc(&b));
    }
    if let Some(t) = annualised {
        let _ = write!(h, r#"<p class="explain-note">{t}</p>"#);
    }
    view! { <div class="explain" data-testid=format!("explain-ratio-{}", id.key()) inner_html=h></div> }
        .into_any()
}

/// "Total bilan (EE)" → "total bilan (EE)", mid-sentence; acronyms ("EBE", "BFR") are kept.
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if b.is_lowercase() => {
            let mut out: String = a.to_lowercase().collect();
            out.push(b);
            out.extend(chars);
            out
        }
        _ => s.to_string(),
    }
}

/// The ratio table over the years; `open` holds the explanation shown ("<ratio>:<year>").
pub fn ratios_table(s: &Snapshot, open: RwSignal<Option<String>>) -> AnyView {
    let lang = s.lang;
    let years = s.years();
    let cols = years.len().max(1) + 1;
    let opened = open.get();
    let rows = RatioId::ALL
        .iter()
        .map(|&id| {
            let key = id.key();
            let label_key = format!("{key}:0");
            let expanded_label = opened.as_deref() == Some(label_key.as_str());
            let toggle = move |k: String| {
                open.update(|o| {
                    *o = if o.as_deref() == Some(k.as_str()) { None } else { Some(k) };
                })
            };
            let cells = if years.is_empty() {
                let why = why_text(crate::domain::figure::Why::NoStatement, lang);
                view! {
                    <td class="num">
                        <span class="absent" data-testid=format!("ratio-{key}") data-value="" title=why>
                            {not_available(lang)}
                        </span>
                    </td>
                }
                .into_any()
            } else {
                years
                    .iter()
                    .enumerate()
                    .map(|(i, (y, _, _))| {
                        let r = y.ratio(id).copied();
                        let value = r.map(|r| r.value).unwrap_or(Err(crate::domain::figure::Why::NoStatement));
                        let text = ratio_text(lang, id, value);
                        let title = value.err().map(|w| why_text(w, lang));
                        let change = r.and_then(|r| r.change).map(|c| format_change(lang, id.unit(), c));
                        let cell_key = format!("{key}:{i}");
                        let expanded = opened.as_deref() == Some(cell_key.as_str());
                        let testid = (i == 0).then(|| format!("ratio-{key}"));
                        // Every year's value, for the ratio charts' test; the test id stays on N.
                        let data_value = ratio_value(value.ok());
                        // The button's content as markup: only the button needs to be a view.
                        let mut content = String::from(r#"<span class="ratio-value""#);
                        if let Some(t) = testid {
                            let _ = write!(content, r#" data-testid="{t}""#);
                        }
                        let _ = write!(content, r#" data-value="{data_value}">{}</span>"#, esc(&text));
                        appreciation_mark(&mut content, lang, r.and_then(|r| r.appreciation));
                        if let Some(c) = change {
                            let _ = write!(
                                content,
                                r#"<span class="ratio-change"><span class="sr-only">{}</span>{}</span>"#,
                                lang.pick("évolution ", "change "),
                                esc(&c)
                            );
                        }
                        view! {
                            <td class="num ratio-cell">
                                <button
                                    type="button"
                                    class="cell-button"
                                    class:absent=value.is_err()
                                    aria-expanded=if expanded { "true" } else { "false" }
                                    title=title
                                    on:click=move |_| toggle(cell_key.clone())
                                    inner_html=content
                                ></button>
                            </td>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            // The explanation row, for whichever year of this ratio is open.
            let explanation = opened
                .as_deref()
                .and_then(|o| o.strip_prefix(key).and_then(|rest| rest.strip_prefix(':')))
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| years.get(i))
                .and_then(|(y, st, prev)| {
                    y.ratio(id)
                        .map(|r| ratio_explanation(lang, r, y, *st, *prev, &s.policy))
                });
            let explanation_row = explanation.map(|e| {
                view! { <tr class="explain-row"><td colspan=cols>{e}</td></tr> }
            });
            view! {
                <tr>
                    <th scope="row">
                        <button
                            type="button"
                            class="label-button"
                            aria-expanded=if expanded_label { "true" } else { "false" }
                            on:click=move |_| toggle(label_key.clone())
                        >
                            <span>{id.label(lang)}</span>
                            <span class="info-icon" aria-hidden="true">"i"</span>
                        </button>
                    </th>
                    {cells}
                </tr>
                {explanation_row}
            }
        })
        .collect_view();
    view! {
        {crate::ui::components::charts::ratio_charts(s)}
        {year_table(s, "data-table ratio-table", "Ratio", rows.into_any())}
    }
    .into_any()
}
