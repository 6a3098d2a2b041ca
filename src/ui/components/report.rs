//! The printable credit report ("fiche de crédit"): one A4 page a credit committee signs —
//! identity, key figures over the years, main ratios with their appreciation, failure scores,
//! the grid, class, limit and terms, what binds the limit, the policy version and the date, and
//! a signature block.
//!
//! The sheet is hidden on screen and is the only thing printed (style/report.css). It is drawn
//! only while printing — from a print button, or the browser's `beforeprint` — and dropped on
//! `afterprint`, so the keystrokes of the entry form never rebuild it (a whole page of tables).
//!
//! Test ids: `print-report-sheet`; inside it `report-class` (data-value: the class),
//! `report-limit` (data-value: the recommended limit, as `limit-recommended`), `report-policy`
//! (data-value: the policy version).

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::analysis_blocks::{criterion_text, score_title, zone_level, zone_word};
use super::fmt::{
    format_amount, format_amount_opt, format_date, format_days, format_number, format_percent,
    not_available, tr,
};
use super::ratio_table::{appreciation_mark, ratio_text};
use super::verdict::{binding_sentence, knock_out_text, terms_text};
use crate::domain::aggregates::Aggregate;
use crate::domain::analysis::Analysis;
use crate::domain::client::{ClientFile, SectorRisk, TermsBasis};
use crate::domain::figure::amount_value;
use crate::domain::policy::Policy;
use crate::domain::ratios::RatioId;
use crate::domain::scores::ScoreId;
use crate::ui::{display_name, use_state, Lang, View};

/// Whether the report is drawn: set by a print button or `beforeprint`, reset by `afterprint`.
#[derive(Clone, Copy)]
pub struct Printing(RwSignal<bool>);

/// Provides [`Printing`] to every screen and follows the browser's print events. Called once,
/// by `App`, whose lifetime is the page's.
pub fn provide_printing() {
    let on = RwSignal::new(false);
    provide_context(Printing(on));
    // `beforeprint` comes from the browser with an empty script stack: the sheet is drawn in the
    // microtasks that follow, before the page is laid out for print (Ctrl+P, the menu).
    let before = window_event_listener(leptos::ev::beforeprint, move |_| on.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| on.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// The "print the report" button of the client and analysis screens.
pub fn print_button(lang: RwSignal<Lang>) -> AnyView {
    let printing = use_context::<Printing>();
    let click = move |_| {
        if let Some(Printing(on)) = printing {
            on.set(true);
        }
        // `print()` prints the page as it is and blocks: it waits for the next task, after the
        // microtasks that draw the sheet.
        set_timeout(
            || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            },
            Duration::ZERO,
        );
    };
    view! {
        <button type="button" class="btn" data-testid="print-report" on:click=click>
            {tr(lang, "Imprimer la fiche", "Print the report")}
        </button>
    }
    .into_any()
}

/// The report sheet of the open file, mounted by `App` before the app itself (the print style
/// hides the app when a sheet precedes it). Empty unless printing from the client or analysis
/// screen with a file open.
#[component]
pub fn ReportSheet() -> impl IntoView {
    let state = use_state();
    let printing = use_context::<Printing>();
    move || {
        let on = printing.is_some_and(|Printing(p)| p.get())
            && matches!(state.view.get(), View::Client | View::Analysis);
        if !on {
            return ().into_any();
        }
        let lang = state.lang.get();
        let policy = state.policy.get();
        match (state.current_file.get(), state.analysis.get()) {
            (Some(f), Some(a)) => sheet(lang, &f, &a, &policy, state.today),
            _ => ().into_any(),
        }
    }
}

/// Key figures over the years.
const KEY_FIGURES: &[Aggregate] = &[
    Aggregate::Revenue,
    Aggregate::Ebitda,
    Aggregate::NetIncome,
    Aggregate::Caf,
    Aggregate::Equity,
    Aggregate::TotalAssets,
    Aggregate::WorkingCapitalRequirement,
    Aggregate::NetCash,
];

/// The main ratios.
const MAIN_RATIOS: &[RatioId] = &[
    RatioId::EquityRatio,
    RatioId::Gearing,
    RatioId::RepaymentCapacity,
    RatioId::CurrentRatio,
    RatioId::DsoDays,
    RatioId::DpoDays,
    RatioId::EbitdaMargin,
    RatioId::NetMargin,
];

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

/// One "label: value" pair of a definition grid.
fn pair(label: &'static str, value: String, num: bool) -> AnyView {
    view! {
        <div class="rs-pair">
            <dt>{label}</dt>
            <dd class:num=num>{value}</dd>
        </div>
    }
    .into_any()
}

/// Column headers of the years, latest first.
fn year_heads(lang: Lang, a: &Analysis) -> AnyView {
    a.years
        .iter()
        .rev()
        .enumerate()
        .map(|(i, y)| {
            let n = if i == 0 { "N".to_string() } else { format!("N-{i}") };
            let months = if y.duration_months == 12 {
                String::new()
            } else {
                format!(" ({} {})", y.duration_months, lang.pick("mois", "mo"))
            };
            view! {
                <th scope="col" class="num">{format!("{n} · {}{months}", format_date(lang, y.closing_date))}</th>
            }
        })
        .collect_view()
        .into_any()
}

/// A failure score's short name: the sheet has no room for the long one.
fn short_score_name(id: ScoreId) -> &'static str {
    match id {
        ScoreId::AltmanZ2 => "Altman Z″",
        ScoreId::AltmanZ1 => "Altman Z′",
        ScoreId::ConanHolder => "Conan & Holder",
    }
}

/// The whole sheet, from one snapshot.
fn sheet(lang: Lang, f: &ClientFile, a: &Analysis, policy: &Policy, today: NaiveDate) -> AnyView {
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
    let no_year = (years == 0).then(|| {
        view! { <p class="rs-note">{lang.pick("Aucun exercice saisi.", "No fiscal year entered.")}</p> }
    });

    let figures = KEY_FIGURES
        .iter()
        .map(|&agg| {
            view! {
                <tr>
                    <th scope="row">{agg.label(fr)}</th>
                    {a.years.iter().rev().map(|y| view! { <td class="num">{format_amount_opt(lang, y.aggregates.get(agg))}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let ratios = MAIN_RATIOS
        .iter()
        .map(|&id| {
            let latest = a.ratio(id).and_then(|r| r.appreciation);
            view! {
                <tr>
                    <th scope="row">{id.label(fr)}</th>
                    {a.years.iter().rev().map(|y| {
                        let v = y.ratio(id).map(|r| r.value).unwrap_or(Err(crate::domain::figure::Why::NoStatement));
                        view! { <td class="num">{ratio_text(lang, id, v)}</td> }
                    }).collect_view()}
                    <td class="rs-appr">{appreciation_mark(lang, latest)}</td>
                </tr>
            }
        })
        .collect_view();
    let scores = ScoreId::ALL
        .iter()
        .map(|&id| {
            let r = a.score(id);
            let value = r
                .and_then(|r| r.value.ok())
                .map(|v| format_number(lang, v, 2))
                .unwrap_or_else(|| not_available(lang).to_string());
            let zone = r.and_then(|r| r.zone).map(|z| {
                let icon = match zone_level(z) {
                    "good" => "✓",
                    "watch" => "!",
                    _ => "✗",
                };
                view! { <span class="appr"><span class="appr-icon" aria-hidden="true">{icon}</span>" "{zone_word(lang, z)}</span> }
            });
            view! {
                <tr>
                    <th scope="row" title=score_title(id, lang)>{short_score_name(id)}</th>
                    <td class="num">{value}</td>
                    <td>{zone}</td>
                </tr>
            }
        })
        .collect_view();
    let criteria = g
        .criteria
        .iter()
        .map(|c| {
            let value = match c.value {
                Ok(v) => criterion_text(lang, c.id, v),
                Err(_) if c.special => lang.pick("cas particulier", "special case").to_string(),
                Err(_) => not_available(lang).to_string(),
            };
            let n = |v: Option<Decimal>, p: u32| {
                v.map(|x| format_number(lang, x, p)).unwrap_or_else(dash)
            };
            view! {
                <tr>
                    <th scope="row">{c.id.label(fr)}</th>
                    <td class="num">{value}</td>
                    <td class="num">{n(c.points, 0)}</td>
                    <td class="num">{n(Some(c.weight), 0)}</td>
                    <td class="num">{n(c.contribution, 1)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <article class="report-sheet" data-testid="print-report-sheet" lang=lang.code()>
            <header class="rs-head">
                <div>
                    <p class="rs-kicker">{lang.pick("Fiche de crédit", "Credit report")}</p>
                    <h1>{display_name(&f.name, fr)}</h1>
                    <p>{summary}</p>
                </div>
                <div class="rs-class" data-testid="report-class" data-value=class.key()>
                    <span class="rs-letter">{class.key()}</span>
                    <span>{class.label(fr)}</span>
                </div>
            </header>
            <section class="rs-decision">
                <dl class="rs-pairs">
                    <div class="rs-pair rs-big">
                        <dt>{lang.pick("Encours recommandé", "Recommended credit limit")}</dt>
                        <dd class="num" data-testid="report-limit" data-value=amount_value(Some(l.recommended))>{format_amount(lang, l.recommended)}</dd>
                    </div>
                    {pair(lang.pick("Délai maximal", "Longest terms"), terms_text(lang, &l.terms), false)}
                    {pair(lang.pick("À revoir le", "Review by"), format_date(lang, l.review_due), false)}
                    {pair(lang.pick("Besoin d'encours", "Credit need"), format_amount_opt(lang, l.need), true)}
                    {pair(lang.pick("Capacité (risque propre)", "Capacity (own risk)"), format_amount(lang, l.capacity), true)}
                    {pair(lang.pick("Montants garantis", "Secured amounts"), format_amount(lang, l.secured), true)}
                    {pair(lang.pick("Part non garantie", "Unsecured part"), format_amount(lang, l.unsecured), true)}
                </dl>
                <p class="rs-binding">{binding_sentence(lang, l, class, policy)}</p>
                {(!flags.is_empty()).then(|| view! {
                    <ul class="rs-flags">{flags.into_iter().map(|t| view! { <li><span aria-hidden="true">"⚠ "</span>{t}</li> }).collect_view()}</ul>
                })}
            </section>
            <section>
                <h2>{lang.pick("Identité", "Identity")}</h2>
                <dl class="rs-pairs rs-identity">
                    {pair("SIREN", or_dash(&f.siren), false)}
                    {pair(lang.pick("Forme juridique", "Legal form"), or_dash(&f.legal_form), false)}
                    {pair(lang.pick("Code NAF", "NAF code"), or_dash(&f.naf_code), false)}
                    {pair(lang.pick("Création", "Founded"), f.created_on.map(|d| format_date(lang, d)).unwrap_or_else(dash), false)}
                    {pair(lang.pick("Risque sectoriel", "Sector risk"), sector.map(str::to_string).unwrap_or_else(dash), false)}
                    {pair(lang.pick("Ventes annuelles prévues", "Expected annual sales"), f.trade.expected_annual_sales.map(|v| format_amount(lang, v)).unwrap_or_else(dash), true)}
                    {pair(lang.pick("Délai demandé", "Requested terms"), requested.unwrap_or_else(dash), false)}
                </dl>
            </section>
            {no_year}
            {(years > 0).then(|| view! {
                <section>
                    <h2>{lang.pick("Chiffres clés", "Key figures")}</h2>
                    <table class="rs-table">
                        <thead><tr><th scope="col">{lang.pick("Montants", "Amounts")}</th>{year_heads(lang, a)}</tr></thead>
                        <tbody>{figures}</tbody>
                    </table>
                </section>
                <section>
                    <h2>{lang.pick("Principaux ratios", "Main ratios")}</h2>
                    <table class="rs-table">
                        <thead><tr><th scope="col">"Ratio"</th>{year_heads(lang, a)}<th scope="col">{lang.pick("Appréciation (N)", "Appreciation (N)")}</th></tr></thead>
                        <tbody>{ratios}</tbody>
                    </table>
                </section>
            })}
            <section>
                <h2>{lang.pick("Grille de notation", "Scoring grid")}</h2>
                    <table class="rs-table">
                        <thead>
                            <tr>
                                <th scope="col">{lang.pick("Critère", "Criterion")}</th>
                                <th scope="col" class="num">{lang.pick("Valeur", "Value")}</th>
                                <th scope="col" class="num">{lang.pick("Points", "Points")}</th>
                                <th scope="col" class="num">{lang.pick("Poids", "Weight")}</th>
                                <th scope="col" class="num">{lang.pick("Contrib.", "Contrib.")}</th>
                            </tr>
                        </thead>
                        <tbody>{criteria}</tbody>
                    </table>
            </section>
            <section>
                <h2>{lang.pick("Scores de défaillance (N)", "Failure scores (N)")}</h2>
                <table class="rs-table rs-scores">
                    <tbody>{scores}</tbody>
                </table>
            </section>
            <div class="rs-sign">
                <div class="rs-box">
                    <h2>{lang.pick("Chargé de crédit", "Credit manager")}</h2>
                    <p>{lang.pick("Nom :", "Name:")}</p>
                    <p>{lang.pick("Date :", "Date:")}</p>
                    <p>{lang.pick("Signature :", "Signature:")}</p>
                </div>
                <div class="rs-box">
                    <h2>{lang.pick("Décision du comité", "Committee decision")}</h2>
                    <p>{lang.pick("☐ Accordé   ☐ Avec conditions   ☐ Refusé", "☐ Granted   ☐ With conditions   ☐ Refused")}</p>
                    <p>{lang.pick("Encours accordé :", "Limit granted:")}</p>
                    <p>{lang.pick("Date et signature :", "Date and signature:")}</p>
                </div>
            </div>
            <footer class="rs-foot">
                <span data-testid="report-policy" data-value=a.policy_version.to_string()>{policy_text}</span>
                <span>{date_text}</span>
                <span>"Encours"</span>
            </footer>
        </article>
    }
    .into_any()
}
