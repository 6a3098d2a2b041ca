//! The scoring grid block: each criterion with its value, its band and its points.

use std::fmt::Write;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::figure::{ratio_value, Figure, Why};
use crate::domain::grid::{CriterionId, CriterionResult};
use crate::domain::policy::{Direction, Scale};
use crate::domain::ratios::Unit;
use crate::ui::components::explain::why_text;
use crate::ui::components::fmt::{esc, format_number, format_unit, not_available};
use crate::ui::components::snapshot::Snapshot;
use crate::ui::components::verdict::knock_out_text;
use crate::ui::Lang;

/// A criterion's value in its own unit.
pub fn criterion_text(lang: Lang, id: CriterionId, v: Decimal) -> String {
    use CriterionId as C;
    match id {
        C::EquityRatio | C::NetMargin | C::FinancialChargesWeight | C::RevenueGrowth => {
            format_unit(lang, Unit::Percent, v)
        }
        C::Gearing | C::CurrentRatio => format_unit(lang, Unit::Times, v),
        C::RepaymentCapacity => format_unit(lang, Unit::Years, v),
        C::DpoDays | C::PaymentHistory => format_unit(lang, Unit::Days, v),
        C::AltmanZ2 => format_number(lang, v, 2),
        C::CompanyAge => {
            let n = format_number(lang, v, 0);
            if lang.is_fr() {
                format!("{n} ans")
            } else {
                format!("{n} years")
            }
        }
        C::PaymentIncidents => format_number(lang, v, 0),
        C::SectorRisk => {
            if v <= Decimal::ONE {
                lang.pick("Faible", "Low").to_string()
            } else if v <= Decimal::TWO {
                lang.pick("Moyen", "Medium").to_string()
            } else {
                lang.pick("Élevé", "High").to_string()
            }
        }
        C::InformationQuality => format!("{} / 5", format_number(lang, v, 0)),
    }
}

/// The special case of a criterion, in words.
pub(super) fn special_text(lang: Lang, id: CriterionId) -> &'static str {
    match id {
        CriterionId::Gearing => lang.pick("Capitaux propres ≤ 0", "Equity ≤ 0"),
        CriterionId::RepaymentCapacity => lang.pick("Dette et CAF ≤ 0", "Debt with CAF ≤ 0"),
        CriterionId::PaymentHistory => lang.pick("Nouveau client", "New client"),
        _ => lang.pick("Cas particulier", "Special case"),
    }
}

/// The bands of a criterion: ("≥ 30 %", points), best first.
pub(super) fn criterion_bands(s: &Snapshot, id: CriterionId) -> Vec<(String, Decimal)> {
    let lang = s.lang;
    let Some(c) = s.policy.criterion(id) else {
        return Vec::new();
    };
    match &c.scale {
        Scale::Bands { direction, bands } => {
            let text = |v: Decimal| criterion_text(lang, id, v);
            let mut prev: Option<Decimal> = None;
            bands
                .iter()
                .map(|b| {
                    let cond = match (prev, b.bound, direction) {
                        (None, Some(v), Direction::HigherIsBetter) => format!("≥ {}", text(v)),
                        (None, Some(v), Direction::LowerIsBetter) => format!("≤ {}", text(v)),
                        (Some(p), Some(v), Direction::HigherIsBetter) => {
                            format!("{} – {}", text(v), text(p))
                        }
                        (Some(p), Some(v), Direction::LowerIsBetter) => {
                            format!("{} – {}", text(p), text(v))
                        }
                        (Some(p), None, Direction::HigherIsBetter) => format!("< {}", text(p)),
                        (Some(p), None, Direction::LowerIsBetter) => format!("> {}", text(p)),
                        (None, None, _) => lang.pick("toute valeur", "any value").to_string(),
                    };
                    if b.bound.is_some() {
                        prev = b.bound;
                    }
                    (cond, b.points)
                })
                .collect()
        }
        Scale::Sector { low, medium, high } => vec![
            (lang.pick("Faible", "Low").to_string(), *low),
            (lang.pick("Moyen", "Medium").to_string(), *medium),
            (lang.pick("Élevé", "High").to_string(), *high),
        ],
    }
}

pub(super) fn criterion_row(
    s: &Snapshot,
    id: CriterionId,
    r: Option<&CriterionResult>,
    open: RwSignal<Option<String>>,
    opened: Option<&str>,
) -> AnyView {
    let lang = s.lang;
    let key = id.key();
    let value: Figure = r.map(|r| r.value).unwrap_or(Err(Why::NoStatement));
    let special = r.is_some_and(|r| r.special);
    let value_text = match value {
        Ok(v) => criterion_text(lang, id, v),
        Err(_) if special => special_text(lang, id).to_string(),
        Err(_) => not_available(lang).to_string(),
    };
    let reason = match value {
        Err(w) if !special => Some(why_text(w, lang)),
        _ => None,
    };
    let bands = criterion_bands(s, id);
    let band_text = if special {
        special_text(lang, id).to_string()
    } else {
        r.and_then(|r| r.band)
            .and_then(|b| bands.get(b))
            .map(|(c, _)| c.clone())
            .unwrap_or_else(|| "—".to_string())
    };
    let points = r.and_then(|r| r.points);
    let weight = r.map(|r| r.weight);
    let contribution = r.and_then(|r| r.contribution);
    let open_key = format!("criterion:{key}");
    let expanded = opened == Some(open_key.as_str());
    let toggle = {
        let k = open_key.clone();
        move |_| {
            let k = k.clone();
            open.update(|o| {
                *o = if o.as_deref() == Some(k.as_str()) {
                    None
                } else {
                    Some(k)
                }
            });
        }
    };
    let matched = r.and_then(|r| r.band);
    let special_points = s.policy.criterion(id).and_then(|c| c.special_points);
    view! {
        <tr class:absent-row=points.is_none()>
            <th scope="row">
                <button type="button" class="label-button" aria-expanded=if expanded { "true" } else { "false" } on:click=toggle>
                    <span>{id.label(lang)}</span>
                    <span class="info-icon" aria-hidden="true">"i"</span>
                </button>
            </th>
            <td class="num" class:absent=value.is_err() && !special title=reason.clone()>{value_text}</td>
            <td>{band_text}</td>
            <td class="num">
                <span data-testid=format!("criterion-{key}") data-value=ratio_value(points)>
                    {points.map(|p| format_number(lang, p, 0)).unwrap_or_else(|| "—".to_string())}
                </span>
            </td>
            <td class="num">{weight.map(|w| format_number(lang, w, 0)).unwrap_or_else(|| "—".to_string())}</td>
            <td class="num">{contribution.map(|c| format_number(lang, c, 1)).unwrap_or_else(|| "—".to_string())}</td>
        </tr>
        {expanded.then(|| {
            // Read-only: markup set as inner HTML, as `limit_block`.
            let mut h = String::new();
            if let Some(r) = &reason {
                let _ = write!(h, r#"<p class="explain-result">{} — {}</p>"#, not_available(lang), esc(r));
            }
            let _ = write!(
                h,
                r#"<table class="bands-table"><thead><tr><th scope="col">{}</th><th class="num" scope="col">Points</th></tr></thead><tbody>"#,
                lang.pick("Tranche", "Band")
            );
            let mut band_row = |hit: bool, applied: &str, c: &str, p: Decimal| {
                h.push_str(if hit { r#"<tr class="hit"><td>"# } else { "<tr><td>" });
                if hit {
                    let _ = write!(h, r#"<span aria-label="{applied}">▶ </span>"#);
                }
                let _ = write!(h, r#"{}</td><td class="num">{}</td></tr>"#, esc(c), format_number(lang, p, 0));
            };
            for (i, (c, p)) in bands.iter().enumerate() {
                band_row(matched == Some(i), lang.pick("tranche retenue", "band applied"), c, *p);
            }
            if let Some(p) = special_points {
                band_row(special, lang.pick("cas retenu", "case applied"), special_text(lang, id), p);
            }
            let _ = write!(
                h,
                r#"</tbody></table><p class="explain-note">{}</p>"#,
                lang.pick(
                    "Contribution = poids × points / somme des poids des critères renseignés. Une valeur exactement sur une borne prend la meilleure tranche.",
                    "Contribution = weight × points / sum of the weights of the criteria present. A value exactly on a bound takes the better band.",
                )
            );
            view! {
                <tr class="explain-row">
                    <td colspan="6">
                        <div class="explain" data-testid=format!("explain-criterion-{key}") inner_html=h></div>
                    </td>
                </tr>
            }
        })}
    }
    .into_any()
}

/// The scoring grid criterion by criterion, the class thresholds and the knock-out rules.
pub fn grid_block(s: &Snapshot, open: RwSignal<Option<String>>) -> AnyView {
    let lang = s.lang;
    let fr = lang.is_fr();
    let opened = open.get();
    let grid = s.analysis.as_ref().map(|a| &a.grid);
    let rows = CriterionId::ALL
        .iter()
        .map(|&id| {
            let r = grid.and_then(|g| g.criteria.iter().find(|c| c.id == id));
            criterion_row(s, id, r, open, opened.as_deref())
        })
        .collect_view();
    let t = &s.policy.classes;
    let n = |v: Decimal| format_number(lang, v, 0);
    let thresholds = if fr {
        format!(
            "Classes : A ≥ {} · B ≥ {} · C ≥ {} · D ≥ {} · E < {}",
            n(t.a),
            n(t.b),
            n(t.c),
            n(t.d),
            n(t.d)
        )
    } else {
        format!(
            "Classes: A ≥ {} · B ≥ {} · C ≥ {} · D ≥ {} · E < {}",
            n(t.a),
            n(t.b),
            n(t.c),
            n(t.d),
            n(t.d)
        )
    };
    let score_line = grid.map(|g| {
        let score = g
            .score
            .map(|v| format_number(lang, v, 1))
            .unwrap_or_else(|| not_available(lang).to_string());
        let sc = g.score_class.key();
        if fr {
            format!("Score {score} / 100 → classe du score {sc}")
        } else {
            format!("Score {score} / 100 → score class {sc}")
        }
    });
    // Which payment delay the payment-history criterion judged (docs/receivables.md §5).
    let measured = s.analysis.as_ref().and_then(|a| a.measured_payment).map(|(days, n)| {
        let days = format_number(lang, days, 1);
        let text = if fr {
            format!("Historique de paiement : retard moyen mesuré dans l'encours, {days} j sur {n} factures payées en 6 mois (à la place du retard saisi).")
        } else {
            format!("Payment history: average delay measured in the ledger, {days} days over {n} invoices paid in 6 months (instead of the delay typed).")
        };
        (n, text)
    });
    let knock_outs: Vec<&'static str> = grid
        .map(|g| {
            g.knock_outs
                .iter()
                .map(|k| knock_out_text(lang, *k))
                .collect()
        })
        .unwrap_or_default();
    view! {
        <div class="table-scroll">
            <table class="data-table grid-table">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Critère", "Criterion")}</th>
                        <th scope="col" class="num">{lang.pick("Valeur", "Value")}</th>
                        <th scope="col">{lang.pick("Tranche", "Band")}</th>
                        <th scope="col" class="num">{lang.pick("Points", "Points")}</th>
                        <th scope="col" class="num">{lang.pick("Poids", "Weight")}</th>
                        <th scope="col" class="num">{lang.pick("Contribution", "Contribution")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {score_line.map(|l| view! { <p class="lead">{l}</p> })}
        {measured.map(|(n, text)| view! { <p class="note" data-testid="measured-payment" data-value=n.to_string()>{text}</p> })}
        {crate::ui::components::charts::criteria_chart(s)}
        <p class="note">{thresholds}</p>
        <p class="note">
            {lang.pick(
                "Règles d'exclusion, dans cet ordre : procédure collective → E ; aucun exercice → non noté ; capitaux propres négatifs → D au mieux.",
                "Knock-out rules, in this order: insolvency proceedings → E; no fiscal year → not rated; negative equity → D at best.",
            )}
        </p>
        {(!knock_outs.is_empty()).then(|| view! {
            <ul class="legal-list">
                {knock_outs.into_iter().map(|k| view! { <li class="is-flag"><span aria-hidden="true">"⚠ "</span>{k}</li> }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}
