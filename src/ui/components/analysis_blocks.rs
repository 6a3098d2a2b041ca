//! Blocks of the analysis screen: the credit limit, payment terms, legal checks, review, the
//! failure scores and the scoring grid.
//!
//! Test ids: `limit-need`, `limit-capacity`, `limit-secured`, `limit-unsecured`, `limit-binding`,
//! `score-altman_z2`, `score-altman_z1`, `score-conan_holder`, `criterion-<criterion>`.

use std::fmt::Write;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::explain::why_text;
use super::fmt::{
    esc, format_amount, format_amount_opt, format_date, format_days, format_number, format_share,
    format_unit, not_available,
};
use super::snapshot::Snapshot;
use super::verdict::{binding_sentence, gap_options, knock_out_text, terms_text};
use crate::domain::aggregates::Aggregate;
use crate::domain::client::TermsBasis;
use crate::domain::figure::{amount_value, ratio_value, Figure, Why};
use crate::domain::grid::{CriterionId, CriterionResult, RiskClass};
use crate::domain::legal::{LegalCheck, RECOVERY_INDEMNITY_EUR};
use crate::domain::limit::NeedSource;
use crate::domain::policy::{Direction, Scale};
use crate::domain::ratios::Unit;
use crate::domain::scores::{ScoreId, ScoreResult, Zone};
use crate::domain::statement::Statement;
use crate::ui::Lang;

/// One line of a figures list, as markup: label, value with its test id, and an explanation
/// under it. The read-only blocks here are markup set as inner HTML (as the report and the
/// charts): much smaller in the wasm than view trees. Every text is escaped.
fn figure_row(
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

pub fn zone_word(lang: Lang, z: Zone) -> &'static str {
    match z {
        Zone::Safe => lang.pick("Zone saine", "Safe zone"),
        Zone::Grey => lang.pick("Zone grise", "Grey zone"),
        Zone::Distress => lang.pick("Zone de défaillance", "Distress zone"),
        Zone::VeryGood => lang.pick(
            "Très bon (probabilité de défaillance < 10 %)",
            "Very good (failure probability < 10 %)",
        ),
        Zone::Good => lang.pick("Bon (10 à 30 %)", "Good (10–30 %)"),
        Zone::Alert => lang.pick("Alerte (30 à 65 %)", "Alert (30–65 %)"),
        Zone::Danger => lang.pick("Danger (> 65 %)", "Danger (> 65 %)"),
    }
}

pub fn zone_level(z: Zone) -> &'static str {
    match z {
        Zone::Safe | Zone::VeryGood | Zone::Good => "good",
        Zone::Grey | Zone::Alert => "watch",
        Zone::Distress | Zone::Danger => "poor",
    }
}

fn component_names(id: ScoreId, lang: Lang) -> &'static [&'static str] {
    let fr = lang.is_fr();
    match (id, fr) {
        (ScoreId::AltmanZ2 | ScoreId::AltmanZ1, true) => &[
            "X1 = (actif circulant − dettes à court terme) / total bilan",
            "X2 = réserves (DD…DH) / total bilan",
            "X3 = résultat d'exploitation annualisé / total bilan",
            "X4 = capitaux propres / (total bilan − capitaux propres)",
            "X5 = chiffre d'affaires annualisé / total bilan",
        ],
        (ScoreId::AltmanZ2 | ScoreId::AltmanZ1, false) => &[
            "X1 = (current assets − short-term debt) / total assets",
            "X2 = reserves (DD…DH) / total assets",
            "X3 = annualised operating result / total assets",
            "X4 = equity / (total assets − equity)",
            "X5 = annualised revenue / total assets",
        ],
        (ScoreId::ConanHolder, true) => &[
            "R1 = EBE annualisé / total des dettes",
            "R2 = ressources stables / total bilan",
            "R3 = (actif circulant − stocks) / total bilan",
            "R4 = charges financières / chiffre d'affaires",
            "R5 = charges de personnel / valeur ajoutée",
        ],
        (ScoreId::ConanHolder, false) => &[
            "R1 = annualised EBITDA / total debts",
            "R2 = stable resources / total assets",
            "R3 = (current assets − inventories) / total assets",
            "R4 = financial charges / revenue",
            "R5 = personnel costs / value added",
        ],
    }
}

pub fn score_title(id: ScoreId, lang: Lang) -> &'static str {
    match id {
        ScoreId::AltmanZ2 => lang.pick(
            "Altman Z″ (entreprises non industrielles)",
            "Altman Z″ (non-manufacturing)",
        ),
        ScoreId::AltmanZ1 => lang.pick(
            "Altman Z′ (entreprises industrielles non cotées)",
            "Altman Z′ (private manufacturing firms)",
        ),
        ScoreId::ConanHolder => lang.pick("Conan & Holder (1979)", "Conan & Holder (1979)"),
    }
}

fn zones_text(id: ScoreId, s: &Snapshot) -> String {
    let lang = s.lang;
    let z = &s.policy.zones;
    let n = |v: Decimal| format_number(lang, v, 2);
    let fr = lang.is_fr();
    match id {
        ScoreId::AltmanZ2 => {
            let (a, b) = (n(z.altman_z2_safe), n(z.altman_z2_grey));
            if fr {
                format!("Zones : saine ≥ {a} · grise {b} – {a} · défaillance < {b}")
            } else {
                format!("Zones: safe ≥ {a} · grey {b} – {a} · distress < {b}")
            }
        }
        ScoreId::AltmanZ1 => {
            let (a, b) = (n(z.altman_z1_safe), n(z.altman_z1_grey));
            if fr {
                format!("Zones : saine ≥ {a} · grise {b} – {a} · défaillance < {b}")
            } else {
                format!("Zones: safe ≥ {a} · grey {b} – {a} · distress < {b}")
            }
        }
        ScoreId::ConanHolder => {
            let (a, b, c) = (
                n(z.conan_holder_very_good),
                n(z.conan_holder_good),
                n(z.conan_holder_alert),
            );
            if fr {
                format!("Zones : très bon ≥ {a} · bon {b} – {a} · alerte {c} – {b} · danger < {c}")
            } else {
                format!("Zones: very good ≥ {a} · good {b} – {a} · alert {c} – {b} · danger < {c}")
            }
        }
    }
}

fn figure_short(lang: Lang, f: Figure, places: u32) -> String {
    match f {
        Ok(v) => format_number(lang, v, places),
        Err(w) => format!("{} — {}", not_available(lang), why_text(w, lang)),
    }
}

/// One failure score card.
fn score_card(
    s: &Snapshot,
    id: ScoreId,
    r: Option<&ScoreResult>,
    open: RwSignal<Option<String>>,
    opened: Option<&str>,
) -> AnyView {
    let lang = s.lang;
    let fr = lang.is_fr();
    let key = id.key();
    let value = r.map(|r| r.value).unwrap_or(Err(Why::NoStatement));
    let text = match value {
        Ok(v) => format_number(lang, v, 2),
        Err(_) => not_available(lang).to_string(),
    };
    let reason = value.err().map(|w| why_text(w, lang));
    let zone = r.and_then(|r| r.zone);
    let open_key = format!("score:{key}");
    let expanded = opened == Some(open_key.as_str());
    let names = component_names(id, lang);
    let components: Vec<(String, String)> = r
        .map(|r| {
            r.components
                .iter()
                .enumerate()
                .map(|(i, (coef, f))| {
                    let name = names.get(i).copied().unwrap_or("").to_string();
                    (
                        name,
                        format!(
                            "{} × {}",
                            format_number(lang, *coef, 3),
                            figure_short(lang, *f, 4)
                        ),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let formula = match id {
        ScoreId::AltmanZ2 => "Z″ = 6,56·X1 + 3,26·X2 + 6,72·X3 + 1,05·X4",
        ScoreId::AltmanZ1 => "Z′ = 0,717·X1 + 0,847·X2 + 3,107·X3 + 0,420·X4 + 0,998·X5",
        ScoreId::ConanHolder => "Z = 24·R1 + 22·R2 + 16·R3 − 87·R4 − 10·R5",
    };
    let formula = if fr {
        formula.to_string()
    } else {
        formula.replace(',', ".")
    };
    let caveat = (id == ScoreId::ConanHolder).then(|| {
        lang.pick(
            "Conçu pour les PME industrielles françaises : à lire avec prudence pour le commerce et les services.",
            "Designed for French industrial SMEs: read with care for trade and services.",
        )
    });
    let toggle = move |_| {
        let k = open_key.clone();
        open.update(|o| {
            *o = if o.as_deref() == Some(k.as_str()) {
                None
            } else {
                Some(k)
            }
        });
    };
    // The button's content and the explanation as markup: only the button needs to be a view.
    let absent = if value.is_err() { " absent" } else { "" };
    let mut content = format!(
        r#"<span class="score-value{absent}" data-testid="score-{key}" data-value="{}">{}</span>"#,
        ratio_value(value.ok()),
        esc(&text)
    );
    if let Some(z) = zone {
        let _ = write!(
            content,
            r#"<span class="appr appr-{}" data-zone="{}"><span class="appr-icon" aria-hidden="true">●</span><span class="appr-word">{}</span></span>"#,
            zone_level(z),
            z.key(),
            esc(zone_word(lang, z))
        );
    }
    if let Some(r) = reason {
        let _ = write!(content, r#"<span class="reason">{}</span>"#, esc(&r));
    }
    let explain = expanded.then(|| {
        let mut h = format!(
            r#"<p class="explain-formula">{}</p><ul class="explain-inputs">"#,
            esc(&formula)
        );
        for (n, v) in components {
            let _ = write!(
                h,
                r#"<li><span>{}</span><span class="num">{}</span></li>"#,
                esc(&n),
                esc(&v)
            );
        }
        let _ = write!(
            h,
            r#"</ul><p class="explain-bands">{}</p>"#,
            esc(&zones_text(id, s))
        );
        view! { <div class="explain" inner_html=h></div> }
    });
    view! {
        <article class="score-card">
            <h3>{score_title(id, lang)}</h3>
            <button type="button" class="cell-button score-button" aria-expanded=if expanded { "true" } else { "false" } on:click=toggle inner_html=content></button>
            {caveat.map(|c| view! { <p class="caveat">{c}</p> })}
            {explain}
        </article>
    }
    .into_any()
}

/// The three failure scores of the latest year.
pub fn scores_block(s: &Snapshot, open: RwSignal<Option<String>>) -> AnyView {
    let lang = s.lang;
    let opened = open.get();
    let latest = s.analysis.as_ref().and_then(|a| a.latest());
    view! {
        <div class="score-cards">
            {ScoreId::ALL
                .iter()
                .map(|&id| score_card(s, id, latest.and_then(|y| y.score(id)), open, opened.as_deref()))
                .collect_view()}
        </div>
        <p class="note">
            {lang.pick(
                "La cotation Banque de France n'est pas publique : Encours ne la calcule pas.",
                "The Banque de France rating is not public: Encours does not compute it.",
            )}
        </p>
    }
    .into_any()
}

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
fn special_text(lang: Lang, id: CriterionId) -> &'static str {
    match id {
        CriterionId::Gearing => lang.pick("Capitaux propres ≤ 0", "Equity ≤ 0"),
        CriterionId::RepaymentCapacity => lang.pick("Dette et CAF ≤ 0", "Debt with CAF ≤ 0"),
        CriterionId::PaymentHistory => lang.pick("Nouveau client", "New client"),
        _ => lang.pick("Cas particulier", "Special case"),
    }
}

/// The bands of a criterion: ("≥ 30 %", points), best first.
fn criterion_bands(s: &Snapshot, id: CriterionId) -> Vec<(String, Decimal)> {
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

fn criterion_row(
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
        {super::charts::criteria_chart(s)}
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

/// The statements of a file, oldest first (the analysis order).
pub fn statements_oldest_first(f: &crate::domain::client::ClientFile) -> Vec<Statement> {
    f.statements_by_date().into_iter().cloned().collect()
}
