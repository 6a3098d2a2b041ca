//! The credit limit, the payment terms and the review blocks of the analysis: each figure with
//! what it came from.

use std::fmt::Write;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::aggregates::Aggregate;
use crate::domain::client::TermsBasis;
use crate::domain::figure::amount_value;
use crate::domain::grid::RiskClass;
use crate::domain::legal::{LegalCheck, RECOVERY_INDEMNITY_EUR};
use crate::domain::limit::NeedSource;
use crate::domain::ratios::Unit;
use crate::ui::components::fmt::{
    esc, format_amount, format_amount_opt, format_date, format_days, format_share, format_unit,
    not_available,
};
use crate::ui::components::snapshot::Snapshot;
use crate::ui::components::verdict::{binding_sentence, gap_options, terms_text};

/// One line of a figures list, as markup: label, value with its test id, and an explanation
/// under it. The read-only blocks here are markup set as inner HTML (as the report and the
/// charts): much smaller in the wasm than view trees. Every text is escaped.
pub(super) fn figure_row(
    h: &mut String,
    label: &str,
    testid: &str,
    data_value: String,
    text: String,
    detail: Option<String>,
) {
    let _ = write!(
        h,
        r#"<div class="figure-row"><dt>{}</dt><dd class="num" data-testid="{testid}" data-value="{}">{}</dd>"#,
        esc(label),
        esc(&data_value),
        esc(&text)
    );
    if let Some(d) = detail {
        let _ = write!(h, r#"<dd class="figure-detail">{}</dd>"#, esc(&d));
    }
    h.push_str("</div>");
}

/// The credit limit: need, capacity and its rule, secured, unsecured, binding constraint, gap.
pub fn limit_block(
    s: &Snapshot,
    file_sales: Option<Decimal>,
    cover: (Option<Decimal>, Option<Decimal>),
) -> AnyView {
    let lang = s.lang;
    let fr = lang.is_fr();
    let a = s.analysis.as_ref();
    let l = a.map(|a| &a.limit);
    let class = a.map(|a| a.grid.class).unwrap_or(RiskClass::NotRated);
    let cp = s.policy.class_policy(class);

    let need = l.and_then(|l| l.need);
    let need_detail = l.map(|l| {
        let eff = format_days(lang, l.effective_days);
        let delay = format_days(lang, l.delay_days);
        match (l.need_source, file_sales) {
            (Some(NeedSource::Sales), Some(sales)) => {
                let sales = format_amount(lang, sales);
                let vat = format_share(lang, s.policy.vat_rate);
                if fr {
                    format!("Ventes annuelles {sales} HT × (1 + TVA {vat}) × (délai {eff} + retard {delay}) / 365")
                } else {
                    format!("Annual sales {sales} excl. VAT × (1 + VAT {vat}) × (terms {eff} + delay {delay}) / 365")
                }
            }
            (Some(NeedSource::Requested), Some(_)) => lang
                .pick(
                    "Encours demandé, inférieur au besoin calculé sur les ventes",
                    "Requested limit, lower than the need from sales",
                )
                .to_string(),
            (Some(_), _) => lang
                .pick("Encours demandé (ventes prévues non saisies)", "Requested limit (expected sales not entered)")
                .to_string(),
            (None, _) => lang
                .pick(
                    "Ni ventes prévues ni encours demandé : la limite est la capacité plus les garanties",
                    "Neither expected sales nor a requested limit: the limit is capacity plus security",
                )
                .to_string(),
        }
    });

    let capacity = l.map(|l| l.capacity);
    let capacity_detail = l.map(|l| {
        let x = format_share(lang, cp.tnw_share);
        let y = format_share(lang, cp.revenue_share);
        let tnw = l
            .capacity_tnw
            .map(|v| format_amount(lang, v))
            .unwrap_or_else(|| lang.pick("non applicable (base non saisie)", "not applicable (base not entered)").to_string());
        let rev = l
            .capacity_revenue
            .map(|v| format_amount(lang, v))
            .unwrap_or_else(|| lang.pick("non applicable (base non saisie)", "not applicable (base not entered)").to_string());
        let base = a
            .and_then(|a| a.aggregate(Aggregate::TangibleNetWorth))
            .map(|v| format_amount(lang, v))
            .unwrap_or_else(|| not_available(lang).to_string());
        let k = class.key();
        if fr {
            format!("Classe {k} : le plus petit de {x} de l'actif net tangible ({base}) = {tnw}, et {y} du chiffre d'affaires annualisé = {rev}. Nulle si l'actif net tangible est négatif ou nul.")
        } else {
            format!("Class {k}: the lower of {x} of tangible net worth ({base}) = {tnw}, and {y} of annualised revenue = {rev}. Zero when tangible net worth is zero or negative.")
        }
    });

    let secured = l.map(|l| l.secured);
    let secured_detail = {
        let (ins, gar) = cover;
        let ins = format_amount_opt(lang, ins);
        let gar = format_amount_opt(lang, gar);
        if fr {
            format!("Assurance-crédit {ins} + autres garanties {gar}")
        } else {
            format!("Credit insurance {ins} + other guarantees {gar}")
        }
    };

    let recommended = l.map(|l| l.recommended);
    let step = format_amount(lang, s.policy.rounding_step);
    let recommended_detail = if fr {
        format!("Le plus petit du besoin et de capacité + garanties, arrondi au multiple inférieur de {step}")
    } else {
        format!("The lower of need and capacity + security, rounded down to a multiple of {step}")
    };
    let unsecured = l.map(|l| l.unsecured);
    let binding_key = l.map(|l| l.binding.key()).unwrap_or("");
    let binding = a
        .map(|a| binding_sentence(lang, &a.limit, a.grid.class, &s.policy))
        .unwrap_or_else(|| "—".to_string());
    let gaps = l.map(|l| gap_options(lang, l)).unwrap_or_default();

    let mut h = String::new();
    figure_row(
        &mut h,
        lang.pick("Besoin d'encours", "Credit need"),
        "limit-need",
        amount_value(need),
        format_amount_opt(lang, need),
        need_detail,
    );
    figure_row(
        &mut h,
        lang.pick("Capacité (risque propre)", "Capacity (own risk)"),
        "limit-capacity",
        amount_value(capacity),
        format_amount_opt(lang, capacity),
        capacity_detail,
    );
    figure_row(
        &mut h,
        lang.pick("Montants garantis", "Secured amounts"),
        "limit-secured",
        amount_value(secured),
        format_amount_opt(lang, secured),
        Some(secured_detail),
    );
    let _ = write!(
        h,
        r#"<div class="figure-row total"><dt>{}</dt><dd class="num">{}</dd><dd class="figure-detail">{}</dd></div>"#,
        lang.pick("Encours recommandé", "Recommended credit limit"),
        esc(&format_amount_opt(lang, recommended)),
        esc(&recommended_detail)
    );
    figure_row(
        &mut h,
        lang.pick("Part non garantie", "Unsecured part"),
        "limit-unsecured",
        amount_value(unsecured),
        format_amount_opt(lang, unsecured),
        None,
    );
    let _ = write!(
        h,
        r#"<div class="figure-row"><dt>{}</dt><dd data-testid="limit-binding" data-value="{binding_key}">{}</dd></div>"#,
        lang.pick("Contrainte déterminante", "Binding constraint"),
        esc(&binding)
    );
    let gap = (!gaps.is_empty()).then(|| {
        let mut g = format!(
            "<p>{}</p><ul>",
            esc(lang.pick(
                "Le besoin dépasse la limite. Chacune de ces options suffit :",
                "The need exceeds the limit. Each of these options is enough:"
            ))
        );
        for x in gaps {
            let _ = write!(g, "<li>{}</li>", esc(&x));
        }
        g.push_str("</ul>");
        view! { <div class="gap-box" data-testid="limit-gap" inner_html=g></div> }
    });
    view! {
        <dl class="figures" inner_html=h></dl>
        {gap}
    }
    .into_any()
}

/// Recommended terms, the requested terms and the legal checks.
pub fn terms_block(s: &Snapshot, requested: (Option<u32>, TermsBasis)) -> AnyView {
    let lang = s.lang;
    let fr = lang.is_fr();
    let a = s.analysis.as_ref();
    let l = a.map(|a| &a.limit);
    let class = a.map(|a| a.grid.class);
    let recommended = l
        .map(|l| terms_text(lang, &l.terms))
        .unwrap_or_else(|| "—".to_string());
    let class_line = class.map(|c| {
        if fr {
            format!(
                "Délai le plus long accordé à la classe {} : {recommended}",
                c.key()
            )
        } else {
            format!("Longest terms for class {}: {recommended}", c.key())
        }
    });
    let (days, basis) = requested;
    let requested_line = l.map(|l| {
        let eff = format_days(lang, l.terms.requested_effective_days);
        match (days, basis, fr) {
            (None, _, true) => format!("Aucun délai demandé : délai légal par défaut, {eff} nets"),
            (None, _, false) => format!("No terms requested: legal default, {eff} net"),
            (Some(d), TermsBasis::Net, true) => {
                format!("Délai demandé : {} nets", format_days(lang, d))
            }
            (Some(d), TermsBasis::Net, false) => {
                format!("Requested terms: {} net", format_days(lang, d))
            }
            (Some(d), TermsBasis::EndOfMonth, true) => {
                format!(
                    "Délai demandé : {} fin de mois, soit {eff} nets",
                    format_days(lang, d)
                )
            }
            (Some(d), TermsBasis::EndOfMonth, false) => {
                format!(
                    "Requested terms: {} end of month, i.e. {eff} net",
                    format_days(lang, d)
                )
            }
        }
    });
    let beyond = l.is_some_and(|l| l.terms.requested_beyond_policy);
    let special = class.and_then(|c| match c {
        RiskClass::D => Some(lang.pick(
            "Classe D : acompte à la commande ou prélèvement automatique.",
            "Class D: a deposit with each order, or direct debit.",
        )),
        RiskClass::E | RiskClass::NotRated => Some(lang.pick(
            "Classe E ou non noté : paiement à la commande.",
            "Class E or not rated: payment with order.",
        )),
        _ => None,
    });

    let checks: Vec<String> = a
        .map(|a| {
            a.legal
                .iter()
                .map(|c| match *c {
                    LegalCheck::RequestedTermsBeyondLegal { days, basis } => {
                        let d = format_days(lang, days);
                        match (basis, fr) {
                            (TermsBasis::Net, true) => format!("Délai demandé de {d} nets : au-delà du maximum légal de 60 jours nets (art. L441-10 du Code de commerce)"),
                            (TermsBasis::Net, false) => format!("Requested {d} net: beyond the legal maximum of 60 days net (French Commercial Code L441-10)"),
                            (TermsBasis::EndOfMonth, true) => format!("Délai demandé de {d} fin de mois : au-delà du maximum légal de 45 jours fin de mois (art. L441-10)"),
                            (TermsBasis::EndOfMonth, false) => format!("Requested {d} end of month: beyond the legal maximum of 45 days end of month (L441-10)"),
                        }
                    }
                    LegalCheck::DpoBeyondLegal { dpo_days } => {
                        let d = format_unit(lang, Unit::Days, dpo_days);
                        if fr {
                            format!("Crédit fournisseurs de {d} : le client paie ses propres fournisseurs au-delà de 60 jours, il risque de vous payer en retard")
                        } else {
                            format!("Days payables outstanding {d}: the client pays its own suppliers beyond 60 days and is likely to pay you late")
                        }
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let penalties = if fr {
        format!("Mentionner sur les factures et les CGV : pénalités de retard d'au moins 3 fois le taux d'intérêt légal, et l'indemnité forfaitaire de recouvrement de {RECOVERY_INDEMNITY_EUR} € par facture payée en retard (D441-5).")
    } else {
        format!("State on invoices and terms of sale: late-payment penalties of at least 3 times the legal interest rate, and the flat recovery indemnity of €{RECOVERY_INDEMNITY_EUR} per late invoice (D441-5).")
    };

    // Markup set as inner HTML, as `limit_block`.
    let mut h = String::new();
    if let Some(t) = class_line {
        let _ = write!(h, r#"<p class="lead">{}</p>"#, esc(&t));
    }
    if let Some(t) = special {
        let _ = write!(h, "<p>{}</p>", esc(t));
    }
    if let Some(t) = requested_line {
        let flag = if beyond { r#" class="is-flag""# } else { "" };
        let _ = write!(h, r#"<p{flag} data-testid="terms-requested">{}"#, esc(&t));
        if beyond {
            let _ = write!(
                h,
                r#"<strong class="flag-word"><span aria-hidden="true"> ⚠ </span>{}</strong>"#,
                lang.pick(
                    "au-delà du maximum de la classe",
                    "beyond the class maximum"
                )
            );
        }
        h.push_str("</p>");
    }
    let _ = write!(
        h,
        r#"<h3>{}</h3><ul class="legal-list" data-testid="legal-checks">"#,
        lang.pick("Contrôles légaux", "Legal checks")
    );
    if checks.is_empty() {
        let _ = write!(
            h,
            r#"<li class="ok"><span aria-hidden="true">✓ </span>{}</li>"#,
            esc(lang.pick(
                "Délai demandé conforme à l'article L441-10 (60 jours nets ou 45 jours fin de mois au plus).",
                "Requested terms within L441-10 (at most 60 days net or 45 days end of month).",
            ))
        );
    }
    for c in checks {
        let _ = write!(
            h,
            r#"<li class="is-flag" data-testid="legal-flag"><span aria-hidden="true">⚠ </span>{}</li>"#,
            esc(&c)
        );
    }
    let _ = write!(h, "<li>{}</li></ul>", esc(&penalties));
    view! { <div class="terms-block" inner_html=h></div> }.into_any()
}

/// Review date, latest statement and staleness.
pub fn review_block(s: &Snapshot) -> AnyView {
    let lang = s.lang;
    let fr = lang.is_fr();
    let a = s.analysis.as_ref();
    let review = a.map(|a| {
        let months = s.policy.class_policy(a.grid.class).review_months;
        let d = format_date(lang, a.limit.review_due);
        if fr {
            format!(
                "À revoir le {d} (classe {} : tous les {months} mois)",
                a.grid.class.key()
            )
        } else {
            format!(
                "Review by {d} (class {}: every {months} months)",
                a.grid.class.key()
            )
        }
    });
    let latest = a.and_then(|a| a.latest()).map(|y| {
        let d = format_date(lang, y.closing_date);
        if fr {
            format!("Dernier exercice clos le {d}")
        } else {
            format!("Latest fiscal year closed {d}")
        }
    });
    let stale = a.is_some_and(|a| a.stale);
    let months = s.policy.stale_after_months;
    // Markup set as inner HTML, as `limit_block`.
    let mut h = String::new();
    for r in review.iter().chain(latest.iter()) {
        let _ = write!(h, "<li>{}</li>", esc(r));
    }
    if stale {
        let text = if fr {
            format!("Comptes de plus de {months} mois : demander le dernier bilan.")
        } else {
            format!("Accounts over {months} months old: ask for the latest statements.")
        };
        let _ = write!(
            h,
            r#"<li class="is-flag" data-testid="stale-flag"><span aria-hidden="true">⚠ </span>{text}</li>"#
        );
    }
    view! { <ul class="plain-list" inner_html=h></ul> }.into_any()
}
