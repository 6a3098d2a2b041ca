//! The policy screen: a read-only summary of the credit policy in force (the editor comes
//! later). Shows the values of the policy as they are; computes nothing.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::grid::{CriterionId, RiskClass};
use crate::domain::policy::{CriterionPolicy, Direction, Policy, Scale};
use crate::ui::format::{format_amount, format_date, format_number, format_percent};
use crate::ui::pages::portfolio::class_badge;
use crate::ui::{use_state, Lang};

/// How a criterion's bounds read.
#[derive(Clone, Copy)]
enum BoundUnit {
    Percent,
    Times,
    Years,
    Days,
    Plain,
}

fn unit_of(id: CriterionId) -> BoundUnit {
    use CriterionId as C;
    match id {
        C::EquityRatio | C::NetMargin | C::FinancialChargesWeight | C::RevenueGrowth => {
            BoundUnit::Percent
        }
        C::Gearing | C::CurrentRatio => BoundUnit::Times,
        C::RepaymentCapacity | C::CompanyAge => BoundUnit::Years,
        C::DpoDays | C::PaymentHistory => BoundUnit::Days,
        C::AltmanZ2 | C::PaymentIncidents | C::SectorRisk | C::InformationQuality => {
            BoundUnit::Plain
        }
    }
}

/// A number without trailing zeros, in the language.
fn plain(lang: Lang, v: Decimal) -> String {
    let n = v.normalize();
    format_number(lang, n, n.scale())
}

fn bound_text(lang: Lang, unit: BoundUnit, v: Decimal) -> String {
    match unit {
        BoundUnit::Percent => {
            let places = v
                .checked_mul(Decimal::ONE_HUNDRED)
                .map(|p| p.normalize().scale())
                .unwrap_or(1);
            format_percent(lang, v, places)
        }
        BoundUnit::Times => format!("{}\u{A0}×", plain(lang, v)),
        BoundUnit::Years => format!("{}\u{A0}{}", plain(lang, v), lang.pick("ans", "yrs")),
        BoundUnit::Days => format!("{}\u{A0}{}", plain(lang, v), lang.pick("j", "days")),
        BoundUnit::Plain => plain(lang, v),
    }
}

/// "3 mois" / "3 months" / "1 month".
fn months_text(lang: Lang, n: u32) -> String {
    let unit = match (lang, n) {
        (Lang::Fr, _) => "mois",
        (Lang::En, 1) => "month",
        (Lang::En, _) => "months",
    };
    format!("{n}\u{A0}{unit}")
}

fn scale_view(c: &CriterionPolicy, lang: Lang) -> AnyView {
    let unit = unit_of(c.id);
    let pts = lang.pick("pts", "pts");
    match &c.scale {
        Scale::Bands { direction, bands } => {
            let cmp = match direction {
                Direction::HigherIsBetter => "≥",
                Direction::LowerIsBetter => "≤",
            };
            let items = bands
                .iter()
                .map(|b| {
                    let cond = match b.bound {
                        Some(v) => format!("{cmp} {}", bound_text(lang, unit, v)),
                        None => lang.pick("sinon", "otherwise").to_string(),
                    };
                    view! { <li><span class="band-cond">{cond}</span><span class="band-pts">{format!("{} {pts}", plain(lang, b.points))}</span></li> }
                })
                .collect_view();
            view! { <ul class="bands">{items}</ul> }.into_any()
        }
        Scale::Sector { low, medium, high } => view! {
            <ul class="bands">
                <li><span class="band-cond">{lang.pick("faible", "low")}</span><span class="band-pts">{format!("{} {pts}", plain(lang, *low))}</span></li>
                <li><span class="band-cond">{lang.pick("moyen", "medium")}</span><span class="band-pts">{format!("{} {pts}", plain(lang, *medium))}</span></li>
                <li><span class="band-cond">{lang.pick("élevé", "high")}</span><span class="band-pts">{format!("{} {pts}", plain(lang, *high))}</span></li>
            </ul>
        }
        .into_any(),
    }
}

fn special_text(c: &CriterionPolicy, lang: Lang) -> Option<String> {
    let p = c.special_points?;
    let case = match c.id {
        CriterionId::Gearing => lang.pick("capitaux propres ≤ 0", "equity ≤ 0"),
        CriterionId::RepaymentCapacity => lang.pick("CAF ≤ 0 avec dettes", "CAF ≤ 0 with debt"),
        CriterionId::PaymentHistory => lang.pick("nouveau client", "new client"),
        _ => lang.pick("cas particulier", "special case"),
    };
    Some(format!(
        "{case}{}{} pts",
        lang.pick(" : ", ": "),
        plain(lang, p)
    ))
}

fn summary(p: &Policy, lang: Lang) -> impl IntoView {
    let fr = lang.is_fr();
    let criteria = p
        .criteria
        .iter()
        .map(|c| {
            let special = special_text(c, lang);
            view! {
                <tr class:inactive=!c.active data-testid="policy-criterion" data-id=c.id.key()>
                    <th scope="row">{c.id.label(fr)}
                        {(!c.active).then(|| view! { <span class="flag">{lang.pick(" inactif", " inactive")}</span> })}
                    </th>
                    <td class="col-num" data-testid=format!("policy-weight-{}", c.id.key()) data-value=c.weight.normalize().to_string()>{plain(lang, c.weight)}</td>
                    <td>{scale_view(c, lang)}{special.map(|s| view! { <div class="muted small">{s}</div> })}</td>
                </tr>
            }
        })
        .collect_view();
    let thresholds = [
        (RiskClass::A, Some(p.classes.a)),
        (RiskClass::B, Some(p.classes.b)),
        (RiskClass::C, Some(p.classes.c)),
        (RiskClass::D, Some(p.classes.d)),
        (RiskClass::E, None),
    ];
    let threshold_rows = thresholds
        .into_iter()
        .map(|(class, min)| {
            let text = match min {
                Some(v) => format!("{} {}", lang.pick("score ≥", "score ≥"), plain(lang, v)),
                None => lang.pick("en dessous de D", "below D").to_string(),
            };
            view! { <tr><td>{class_badge(class, lang, false)}</td><td data-testid=format!("policy-threshold-{}", class.key())>{text}</td></tr> }
        })
        .collect_view();
    let limit_rows = RiskClass::ALL
        .into_iter()
        .map(|class| {
            let cp = p.class_policy(class);
            let terms = if cp.max_terms_days == 0 {
                lang.pick("paiement à la commande", "payment with order").to_string()
            } else {
                format!("{} {}", cp.max_terms_days, lang.pick("j nets", "days net"))
            };
            let share = |v: Decimal| {
                let places = v
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .map(|x| x.normalize().scale())
                    .unwrap_or(1);
                format_percent(lang, v, places)
            };
            view! {
                <tr data-testid="policy-limit" data-id=class.key()>
                    <td>{class_badge(class, lang, false)}</td>
                    <td class="col-num">{share(cp.tnw_share)}</td>
                    <td class="col-num">{share(cp.revenue_share)}</td>
                    <td class="col-num">{terms}</td>
                    <td class="col-num">{if cp.deposit_share.is_zero() { "—".to_string() } else { share(cp.deposit_share) }}</td>
                    <td class="col-num">{months_text(lang, cp.review_months)}</td>
                </tr>
            }
        })
        .collect_view();
    let ko = &p.knock_outs;
    let yes_no = |b: bool| {
        if b {
            lang.pick("oui", "yes")
        } else {
            lang.pick("non", "no")
        }
    };
    let cap = ko
        .negative_equity_cap
        .map(|c| {
            format!(
                "{} {}",
                lang.pick("classe plafonnée à", "class capped at"),
                c.key()
            )
        })
        .unwrap_or_else(|| lang.pick("règle désactivée", "rule off").to_string());
    view! {
        <div class="policy-meta card">
            <dl class="facts">
                <div><dt>{lang.pick("Version", "Version")}</dt><dd data-testid="policy-version" data-value=p.version.to_string()>{p.version}</dd></div>
                <div><dt>{lang.pick("Créée le", "Created on")}</dt><dd>{p.created_on.map(|d| format_date(lang, d)).unwrap_or_else(|| lang.pick("politique par défaut", "default policy").to_string())}</dd></div>
                <div><dt>{lang.pick("Taux de TVA", "VAT rate")}</dt><dd>{format_percent(lang, p.vat_rate, 1)}</dd></div>
                <div><dt>{lang.pick("Notation provisoire sous", "Provisional below")}</dt><dd>{format_percent(lang, p.provisional_threshold, 0)} {lang.pick(" de complétude", " completeness")}</dd></div>
                <div><dt>{lang.pick("Arrondi de l'encours", "Limit rounded down to")}</dt><dd>{format_amount(lang, p.rounding_step)}</dd></div>
                <div><dt>{lang.pick("Comptes anciens après", "Statements stale after")}</dt><dd>{months_text(lang, p.stale_after_months)}</dd></div>
            </dl>
            {(!p.comment.is_empty()).then(|| view! { <p class="muted">{p.comment.clone()}</p> })}
        </div>

        <h2>{lang.pick("Grille de notation", "Scoring grid")}</h2>
        <div class="table-wrap">
            <table class="data-table policy-grid">
                <thead><tr>
                    <th scope="col">{lang.pick("Critère", "Criterion")}</th>
                    <th scope="col" class="col-num">{lang.pick("Poids", "Weight")}</th>
                    <th scope="col">{lang.pick("Points", "Points")}</th>
                </tr></thead>
                <tbody>{criteria}</tbody>
                <tfoot><tr>
                    <th scope="row">{lang.pick("Total des critères actifs", "Total of active criteria")}</th>
                    <td class="col-num" data-testid="policy-total-weight">{plain(lang, p.total_weight())}</td>
                    <td></td>
                </tr></tfoot>
            </table>
        </div>

        <div class="two-cols">
            <section>
                <h2>{lang.pick("Classes de risque", "Risk classes")}</h2>
                <table class="data-table"><tbody>{threshold_rows}</tbody></table>
            </section>
            <section>
                <h2>{lang.pick("Règles d'exclusion", "Knock-out rules")}</h2>
                <dl class="facts facts-list">
                    <div><dt>{lang.pick("Procédure collective → classe E", "Insolvency proceedings → class E")}</dt><dd>{yes_no(ko.collective_proceeding)}</dd></div>
                    <div><dt>{lang.pick("Aucun bilan → non noté", "No statement → not rated")}</dt><dd>{yes_no(ko.no_statement)}</dd></div>
                    <div><dt>{lang.pick("Capitaux propres négatifs", "Negative equity")}</dt><dd>{cap}</dd></div>
                </dl>
            </section>
        </div>

        <h2>{lang.pick("Encours et délais par classe", "Limits and terms by class")}</h2>
        <div class="table-wrap">
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{lang.pick("Classe", "Class")}</th>
                    <th scope="col" class="col-num">{lang.pick("Part de l'actif net tangible", "Share of tangible net worth")}</th>
                    <th scope="col" class="col-num">{lang.pick("Part du CA annuel", "Share of annual revenue")}</th>
                    <th scope="col" class="col-num">{lang.pick("Délai maximal", "Longest terms")}</th>
                    <th scope="col" class="col-num">{lang.pick("Acompte", "Deposit")}</th>
                    <th scope="col" class="col-num">{lang.pick("Révision", "Review")}</th>
                </tr></thead>
                <tbody>{limit_rows}</tbody>
            </table>
        </div>
    }
}

/// The policy screen (read-only for now).
#[component]
pub fn PolicyPage() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="page policy-page" data-testid="policy-page">
            <div class="page-head">
                <h1 class="page-title">{move || state.lang.get().pick("Politique de crédit", "Credit policy")}</h1>
                <p class="muted">{move || state.lang.get().pick(
                    "La politique en vigueur : grille de notation, classes et règles d'encours. Consultation seule pour l'instant.",
                    "The policy in force: scoring grid, classes and limit rules. Read-only for now.",
                )}</p>
            </div>
            {move || {
                let lang = state.lang.get();
                state.policy.with(|p| summary(p, lang))
            }}
        </section>
    }
}
