//! The credit report's one A4 sheet, written as escaped markup in one pass.

use std::fmt::Write;

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::parts::*;
use crate::domain::analysis::Analysis;
use crate::domain::client::{ClientFile, SectorRisk, TermsBasis};
use crate::domain::figure::{amount_value, Why};
use crate::domain::policy::Policy;
use crate::domain::scores::ScoreId;
use crate::ui::components::analysis_blocks::{criterion_text, score_title, zone_level, zone_word};
use crate::ui::components::fmt::{
    esc, format_amount, format_amount_opt, format_date, format_days, format_number, format_percent,
    not_available,
};
use crate::ui::components::ratio_words::{appreciation_mark, ratio_text};
use crate::ui::components::verdict::{binding_sentence, knock_out_text, terms_text};
use crate::ui::{display_name, Lang};

/// The whole sheet, from one snapshot.
///
/// Its content is written as markup and set as the inner HTML of the sheet, as the charts are:
/// a page of tables as a view tree cost several KB of wasm. Every text is escaped.
pub(super) fn sheet(
    lang: Lang,
    f: &ClientFile,
    a: &Analysis,
    policy: &Policy,
    today: NaiveDate,
) -> AnyView {
    let fr = lang.is_fr();
    let g = &a.grid;
    let l = &a.limit;
    let class = g.class;
    let dash = || "—".to_string();
    let sector = f.sector_risk.map(|s| match s {
        SectorRisk::Low => lang.pick("faible", "low"),
        SectorRisk::Medium => lang.pick("moyen", "medium"),
        SectorRisk::High => lang.pick("élevé", "high"),
    });
    let requested = f.trade.terms_days.map(|d| {
        let basis = match f.trade.terms_basis {
            TermsBasis::Net => lang.pick("nets", "net"),
            TermsBasis::EndOfMonth => lang.pick("fin de mois", "end of month"),
        };
        format!("{} {basis}", format_days(lang, d))
    });
    let score = g
        .score
        .map(|s| format_number(lang, s, 1))
        .unwrap_or_else(|| not_available(lang).to_string());
    let summary = if fr {
        format!(
            "Score {score} / 100 · complétude {} · classe du score {}",
            format_percent(lang, g.completeness, 0),
            g.score_class.key()
        )
    } else {
        format!(
            "Score {score} / 100 · completeness {} · score class {}",
            format_percent(lang, g.completeness, 0),
            g.score_class.key()
        )
    };
    let mut flags: Vec<String> = g
        .knock_outs
        .iter()
        .map(|k| knock_out_text(lang, *k).to_string())
        .collect();
    if g.provisional {
        flags.push(
            lang.pick(
                "Notation provisoire : dossier incomplet",
                "Provisional rating: incomplete file",
            )
            .to_string(),
        );
    }
    if a.stale {
        flags.push(
            lang.pick(
                "Comptes anciens : demander le dernier bilan",
                "Old accounts: ask for the latest statements",
            )
            .to_string(),
        );
    }
    let policy_text = match (policy.created_on, fr) {
        (Some(d), true) => format!(
            "Politique de crédit v{} du {}",
            a.policy_version,
            format_date(lang, d)
        ),
        (Some(d), false) => format!(
            "Credit policy v{} of {}",
            a.policy_version,
            format_date(lang, d)
        ),
        (None, true) => format!("Politique de crédit v{}", a.policy_version),
        (None, false) => format!("Credit policy v{}", a.policy_version),
    };
    let date_text = if fr {
        format!("Fiche établie le {}", format_date(lang, today))
    } else {
        format!("Report of {}", format_date(lang, today))
    };
    let years = a.years.len();

    let mut h = String::new();
    let key = class.key();
    let _ = write!(
        h,
        r#"<header class="rs-head"><div><p class="rs-kicker">{}</p><h1>{}</h1><p>{}</p></div><div class="rs-class" data-testid="report-class" data-value="{key}"><span class="rs-letter">{key}</span><span>{}</span></div></header>"#,
        lang.pick("Fiche de crédit", "Credit report"),
        esc(&display_name(&f.name, lang)),
        esc(&summary),
        esc(class.label(lang)),
    );
    let _ = write!(
        h,
        r#"<section class="rs-decision"><dl class="rs-pairs"><div class="rs-pair rs-big"><dt>{}</dt><dd class="num" data-testid="report-limit" data-value="{}">{}</dd></div>"#,
        lang.pick("Encours recommandé", "Recommended credit limit"),
        amount_value(Some(l.recommended)),
        esc(&format_amount(lang, l.recommended)),
    );
    let money = |v: Decimal| format_amount(lang, v);
    for (label, value, num) in [
        (
            lang.pick("Délai maximal", "Longest terms"),
            terms_text(lang, &l.terms),
            false,
        ),
        (
            lang.pick("À revoir le", "Review by"),
            format_date(lang, l.review_due),
            false,
        ),
        (
            lang.pick("Besoin d'encours", "Credit need"),
            format_amount_opt(lang, l.need),
            true,
        ),
        (
            lang.pick("Capacité (risque propre)", "Capacity (own risk)"),
            money(l.capacity),
            true,
        ),
        (
            lang.pick("Montants garantis", "Secured amounts"),
            money(l.secured),
            true,
        ),
        (
            lang.pick("Part non garantie", "Unsecured part"),
            money(l.unsecured),
            true,
        ),
    ] {
        pair(&mut h, label, &value, num);
    }
    let _ = write!(
        h,
        r#"</dl><p class="rs-binding">{}</p>"#,
        esc(&binding_sentence(lang, l, class, policy))
    );
    if !flags.is_empty() {
        h.push_str(r#"<ul class="rs-flags">"#);
        for t in &flags {
            let _ = write!(
                h,
                r#"<li><span aria-hidden="true">⚠ </span>{}</li>"#,
                esc(t)
            );
        }
        h.push_str("</ul>");
    }
    let _ = write!(
        h,
        r#"</section><section><h2>{}</h2><dl class="rs-pairs rs-identity">"#,
        lang.pick("Identité", "Identity")
    );
    for (label, value, num) in [
        ("SIREN", or_dash(&f.siren), false),
        (
            lang.pick("Forme juridique", "Legal form"),
            or_dash(&f.legal_form),
            false,
        ),
        (
            lang.pick("Code NAF", "NAF code"),
            or_dash(&f.naf_code),
            false,
        ),
        (
            lang.pick("Création", "Founded"),
            f.created_on
                .map(|d| format_date(lang, d))
                .unwrap_or_else(dash),
            false,
        ),
        (
            lang.pick("Risque sectoriel", "Sector risk"),
            sector.map(str::to_string).unwrap_or_else(dash),
            false,
        ),
        (
            lang.pick("Ventes annuelles prévues", "Expected annual sales"),
            f.trade
                .expected_annual_sales
                .map(money)
                .unwrap_or_else(dash),
            true,
        ),
        (
            lang.pick("Délai demandé", "Requested terms"),
            requested.unwrap_or_else(dash),
            false,
        ),
    ] {
        pair(&mut h, label, &value, num);
    }
    h.push_str("</dl></section>");

    if years == 0 {
        let _ = write!(
            h,
            r#"<p class="rs-note">{}</p>"#,
            lang.pick("Aucun exercice saisi.", "No fiscal year entered.")
        );
    } else {
        table_open(
            &mut h,
            lang.pick("Chiffres clés", "Key figures"),
            "rs-table",
        );
        let _ = write!(
            h,
            r#"<thead><tr><th scope="col">{}</th>"#,
            lang.pick("Montants", "Amounts")
        );
        year_heads(&mut h, lang, a);
        h.push_str("</tr></thead><tbody>");
        for &agg in KEY_FIGURES {
            let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, esc(agg.label(lang)));
            for y in a.years.iter().rev() {
                let v = format_amount_opt(lang, y.aggregates.get(agg));
                let _ = write!(h, r#"<td class="num">{}</td>"#, esc(&v));
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table></section>");

        table_open(
            &mut h,
            lang.pick("Principaux ratios", "Main ratios"),
            "rs-table",
        );
        h.push_str(r#"<thead><tr><th scope="col">Ratio</th>"#);
        year_heads(&mut h, lang, a);
        let _ = write!(
            h,
            r#"<th scope="col">{}</th></tr></thead><tbody>"#,
            lang.pick("Appréciation (N)", "Appreciation (N)")
        );
        for &id in MAIN_RATIOS {
            let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, esc(id.label(lang)));
            for y in a.years.iter().rev() {
                let v = y
                    .ratio(id)
                    .map(|r| r.value)
                    .unwrap_or(Err(Why::NoStatement));
                let _ = write!(
                    h,
                    r#"<td class="num">{}</td>"#,
                    esc(&ratio_text(lang, id, v))
                );
            }
            h.push_str(r#"<td class="rs-appr">"#);
            appreciation_mark(&mut h, lang, a.ratio(id).and_then(|r| r.appreciation));
            h.push_str("</td></tr>");
        }
        h.push_str("</tbody></table></section>");
    }

    table_open(
        &mut h,
        lang.pick("Grille de notation", "Scoring grid"),
        "rs-table",
    );
    h.push_str("<thead><tr>");
    for (i, (head_fr, head_en)) in [
        ("Critère", "Criterion"),
        ("Valeur", "Value"),
        ("Points", "Points"),
        ("Poids", "Weight"),
        ("Contrib.", "Contrib."),
    ]
    .into_iter()
    .enumerate()
    {
        let class = if i == 0 { "" } else { r#" class="num""# };
        let _ = write!(
            h,
            r#"<th scope="col"{class}>{}</th>"#,
            lang.pick(head_fr, head_en)
        );
    }
    h.push_str("</tr></thead><tbody>");
    for c in &g.criteria {
        let value = match c.value {
            Ok(v) => criterion_text(lang, c.id, v),
            Err(_) if c.special => lang.pick("cas particulier", "special case").to_string(),
            Err(_) => not_available(lang).to_string(),
        };
        let n =
            |v: Option<Decimal>, p: u32| v.map(|x| format_number(lang, x, p)).unwrap_or_else(dash);
        let _ = write!(
            h,
            r#"<tr><th scope="row">{}</th><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            esc(c.id.label(lang)),
            esc(&value),
            esc(&n(c.points, 0)),
            esc(&n(Some(c.weight), 0)),
            esc(&n(c.contribution, 1)),
        );
    }
    h.push_str("</tbody></table></section>");

    table_open(
        &mut h,
        lang.pick("Scores de défaillance (N)", "Failure scores (N)"),
        "rs-table rs-scores",
    );
    h.push_str("<tbody>");
    for &id in ScoreId::ALL.iter() {
        let r = a.score(id);
        let value = r
            .and_then(|r| r.value.ok())
            .map(|v| format_number(lang, v, 2))
            .unwrap_or_else(|| not_available(lang).to_string());
        let _ = write!(
            h,
            r#"<tr><th scope="row" title="{}">{}</th><td class="num">{}</td><td>"#,
            esc(score_title(id, lang)),
            esc(short_score_name(id)),
            esc(&value),
        );
        if let Some(z) = r.and_then(|r| r.zone) {
            let icon = match zone_level(z) {
                "good" => "✓",
                "watch" => "!",
                _ => "✗",
            };
            let _ = write!(
                h,
                r#"<span class="appr"><span class="appr-icon" aria-hidden="true">{icon}</span> {}</span>"#,
                esc(zone_word(lang, z))
            );
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table></section>");

    let _ = write!(
        h,
        r#"<div class="rs-sign"><div class="rs-box"><h2>{}</h2><p>{}</p><p>{}</p><p>{}</p></div><div class="rs-box"><h2>{}</h2><p>{}</p><p>{}</p><p>{}</p></div></div>"#,
        lang.pick("Chargé de crédit", "Credit manager"),
        lang.pick("Nom :", "Name:"),
        lang.pick("Date :", "Date:"),
        lang.pick("Signature :", "Signature:"),
        lang.pick("Décision du comité", "Committee decision"),
        lang.pick(
            "☐ Accordé   ☐ Avec conditions   ☐ Refusé",
            "☐ Granted   ☐ With conditions   ☐ Refused"
        ),
        lang.pick("Encours accordé :", "Limit granted:"),
        lang.pick("Date et signature :", "Date and signature:"),
    );
    let _ = write!(
        h,
        r#"<footer class="rs-foot"><span data-testid="report-policy" data-value="{}">{}</span><span>{}</span><span>Encours</span></footer>"#,
        a.policy_version,
        esc(&policy_text),
        esc(&date_text),
    );

    view! {
        <article class="report-sheet" data-testid="print-report-sheet" lang=lang.code() inner_html=h></article>
    }
    .into_any()
}
