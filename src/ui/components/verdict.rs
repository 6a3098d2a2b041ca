//! The verdict card: class, score, completeness, limit, terms, review date, what binds the limit
//! and what would close the gap. Shown first on the client and analysis screens.
//!
//! Test ids here: `risk-class`, `score`, `completeness`, `provisional`, `limit-recommended`,
//! `terms-recommended`, `review-due` (each once per screen).

use std::fmt::Write;

use leptos::prelude::*;

use super::fmt::{
    esc, format_amount, format_date, format_days, format_number, format_percent, format_share,
    not_available,
};
use crate::domain::analysis::Analysis;
use crate::domain::figure::{amount_value, ratio_value};
use crate::domain::grid::{KnockOut, RiskClass};
use crate::domain::limit::{Binding, LimitResult, NeedSource, TermsAdvice, TermsFit};
use crate::domain::policy::Policy;
use crate::domain::receivables::figures::{figures, LedgerFigures};
use crate::ui::format::format_amount_places;
use crate::ui::{use_state, Lang};

/// What binds the limit, in one sentence.
pub fn binding_sentence(lang: Lang, l: &LimitResult, class: RiskClass, policy: &Policy) -> String {
    let fr = lang.is_fr();
    let cp = policy.class_policy(class);
    match l.binding {
        Binding::Need => {
            let need = l.need.map(|n| format_amount(lang, n)).unwrap_or_default();
            match (l.need_source, fr) {
                (Some(NeedSource::Requested), true) => {
                    format!("Limité à l'encours demandé : {need}, couvert par la capacité et les garanties")
                }
                (Some(NeedSource::Requested), false) => {
                    format!("Limited to the requested limit: {need}, covered by capacity and security")
                }
                (_, true) => format!("Limité par le besoin du client : {need}, couvert par la capacité et les garanties"),
                (_, false) => format!("Limited by the client's need: {need}, covered by capacity and security"),
            }
        }
        Binding::Tnw => {
            let x = format_share(lang, cp.tnw_share);
            if fr {
                format!("Limité par la capacité : {x} de l'actif net tangible")
            } else {
                format!("Limited by capacity: {x} of tangible net worth")
            }
        }
        Binding::Revenue => {
            let y = format_share(lang, cp.revenue_share);
            if fr {
                format!("Limité par la capacité : {y} du chiffre d'affaires")
            } else {
                format!("Limited by capacity: {y} of revenue")
            }
        }
        Binding::Secured => {
            if fr {
                "Limité aux montants garantis : aucune capacité propre pour cette classe ou ces comptes".to_string()
            } else {
                "Limited to secured amounts: no own capacity for this class or these accounts"
                    .to_string()
            }
        }
    }
}

/// The ways to close the gap between need and limit, each on its own.
pub fn gap_options(lang: Lang, l: &LimitResult) -> Vec<String> {
    let fr = lang.is_fr();
    let Some(gap) = l.gap else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let g = format_amount(lang, gap.extra_guarantee);
    out.push(if fr {
        format!("Avec une garantie de {g}")
    } else {
        format!("With a guarantee of {g}")
    });
    match gap.shorter_terms {
        Some(TermsFit::Days(d)) => {
            let now = l.effective_days;
            out.push(if fr {
                format!("À {d} jours au lieu de {now}")
            } else {
                format!("At {d} days instead of {now}")
            });
        }
        Some(TermsFit::PaymentWithOrder) => out.push(
            lang.pick("Avec paiement à la commande", "With payment with order")
                .to_string(),
        ),
        None => {}
    }
    let dep = format_share(lang, gap.deposit_share);
    out.push(if fr {
        format!("Avec un acompte de {dep}")
    } else {
        format!("With a deposit of {dep}")
    });
    out
}

/// The recommended terms in words.
pub fn terms_text(lang: Lang, t: &TermsAdvice) -> String {
    let fr = lang.is_fr();
    if t.max_days == 0 {
        return lang
            .pick("Paiement à la commande", "Payment with order")
            .to_string();
    }
    let days = t.max_days;
    if t.deposit_share.is_zero() {
        if fr {
            format!("{days} jours nets")
        } else {
            format!("{days} days net")
        }
    } else {
        let dep = format_share(lang, t.deposit_share);
        if fr {
            format!("{days} jours nets avec acompte de {dep} ou prélèvement")
        } else {
            format!("{days} days net with a {dep} deposit or direct debit")
        }
    }
}

/// Why the class is what it is when a knock-out rule applied.
pub fn knock_out_text(lang: Lang, k: KnockOut) -> &'static str {
    use crate::domain::client::CollectiveProceeding as P;
    match k {
        KnockOut::CollectiveProceeding(P::Safeguard) => lang.pick(
            "Procédure de sauvegarde en cours : classe E",
            "Safeguard proceedings: class E",
        ),
        KnockOut::CollectiveProceeding(P::Receivership) => lang.pick(
            "Redressement judiciaire en cours : classe E",
            "Receivership: class E",
        ),
        KnockOut::CollectiveProceeding(_) => {
            lang.pick("Liquidation judiciaire : classe E", "Liquidation: class E")
        }
        KnockOut::NoStatement => lang.pick(
            "Aucun exercice saisi : dossier non noté, seuls les montants garantis sont accordés",
            "No fiscal year: not rated, only secured amounts can be granted",
        ),
        KnockOut::NegativeEquity => lang.pick(
            "Capitaux propres négatifs : classe plafonnée",
            "Negative equity: class capped",
        ),
    }
}

/// The verdict card of the open file; blank (with empty `data-value`s) when none is open.
///
/// Its content is one escaped HTML string set on the section (as the charts and the report):
/// it changes on every keystroke, and a view rebuilt in place re-set every attribute of every
/// element each time, which cost more than writing the markup anew.
#[component]
pub fn VerdictCard() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let html = move || {
        let lang = lang.get();
        let name = state
            .current_file
            .with(|f| f.as_ref().map(|f| f.name.clone()).unwrap_or_default());
        // Read in place: cloning the analysis and the policy on every keystroke cost more than
        // drawing the card.
        state.analysis.with(|a| {
            state.policy.with(|policy| {
                let overrun = state.current_file.with(|f| {
                    let ledger = f.as_ref()?.ledger.as_ref()?;
                    let recommended = a.as_ref().map(|a| a.limit.recommended);
                    let figures = figures(ledger, recommended, &policy.receivables.figure_rules());
                    Some((figures.published(), ledger.as_of))
                });
                let mut h = render(lang, a.as_ref(), &name, policy);
                if let Some((f, as_of)) = overrun {
                    overrun_line(&mut h, lang, &f, as_of);
                }
                h
            })
        })
    };
    view! {
        <section
            class="verdict"
            data-testid="verdict"
            aria-label=move || lang.get().pick("Verdict", "Verdict")
            inner_html=html
        ></section>
    }
}

/// The ledger's encours against the limit, when it is over: the verdict says so first.
fn overrun_line(h: &mut String, lang: Lang, f: &LedgerFigures, as_of: chrono::NaiveDate) {
    let Some(over) = f.overrun.filter(|o| *o > rust_decimal::Decimal::ZERO) else {
        return;
    };
    let text = if lang.is_fr() {
        format!(
            "Encours au {} : {}, au-dessus de la limite de {}.",
            format_date(lang, as_of),
            format_amount_places(lang, f.encours, 2),
            format_amount_places(lang, over, 2)
        )
    } else {
        format!(
            "Outstanding at {}: {}, over the limit by {}.",
            format_date(lang, as_of),
            format_amount_places(lang, f.encours, 2),
            format_amount_places(lang, over, 2)
        )
    };
    let _ = write!(
        h,
        r#"<p class="verdict-overrun flag flag-bad" data-testid="verdict-overrun" data-value="{}">{}</p>"#,
        amount_value(Some(over)),
        esc(&text)
    );
}

/// The card's content, as markup.
fn render(lang: Lang, a: Option<&Analysis>, name: &str, policy: &Policy) -> String {
    let class = a.map(|a| a.grid.class);
    let class_key = class.map(|c| c.key()).unwrap_or("");
    let badge_class = format!(
        "verdict-badge class-{}",
        class.map(|c| c.key()).unwrap_or("NR")
    );
    let word = class
        .map(|c| c.label(lang))
        .unwrap_or_else(|| lang.pick("Aucun dossier ouvert", "No file open"));
    let score = a.and_then(|a| a.grid.score);
    let completeness = a.map(|a| a.grid.completeness);
    let provisional = a.is_some_and(|a| a.grid.provisional);
    let limit = a.map(|a| &a.limit);
    let dash = "—";

    let score_text = score
        .map(|s| format_number(lang, s, 1))
        .unwrap_or_else(|| not_available(lang).to_string());
    let completeness_text = completeness
        .map(|c| format_percent(lang, c, 0))
        .unwrap_or_else(|| dash.to_string());
    let recommended = limit.map(|l| l.recommended);
    let recommended_text = recommended
        .map(|r| format_amount(lang, r))
        .unwrap_or_else(|| dash.to_string());
    let terms_days = limit.map(|l| l.terms.max_days);
    let terms = limit
        .map(|l| terms_text(lang, &l.terms))
        .unwrap_or_else(|| dash.to_string());
    let review = limit.map(|l| l.review_due);
    let review_text = review
        .map(|d| format_date(lang, d))
        .unwrap_or_else(|| dash.to_string());
    let binding = a.map(|a| binding_sentence(lang, &a.limit, a.grid.class, policy));
    let gaps = limit.map(|l| gap_options(lang, l)).unwrap_or_default();
    let need_text = limit
        .and_then(|l| l.need)
        .map(|n| format_amount(lang, n))
        .unwrap_or_default();
    let knock_outs: Vec<&'static str> = a
        .map(|a| {
            a.grid
                .knock_outs
                .iter()
                .map(|k| knock_out_text(lang, *k))
                .collect()
        })
        .unwrap_or_default();
    let stale = a.is_some_and(|a| a.stale);
    let requested_beyond = limit.is_some_and(|l| l.terms.requested_beyond_policy);
    let requested_days = limit.map(|l| l.terms.requested_effective_days).unwrap_or(0);
    let threshold = format_share(lang, policy.provisional_threshold);
    let provisional_text = if lang.is_fr() {
        format!("Notation provisoire : complétude inférieure à {threshold}")
    } else {
        format!("Provisional rating: completeness under {threshold}")
    };
    let months = policy.stale_after_months;
    let stale_text = if lang.is_fr() {
        format!("Dernier bilan clos depuis plus de {months} mois : demander des comptes récents")
    } else {
        format!("Latest statements closed over {months} months ago: ask for recent accounts")
    };
    let class_aria = class.map(|c| {
        if lang.is_fr() {
            format!("Classe {} : {}", c.key(), c.label(Lang::Fr))
        } else {
            format!("Class {}: {}", c.key(), c.label(Lang::En))
        }
    });

    let mut h = String::new();
    let class_aria = class_aria.unwrap_or_default();
    let letter = if class_key.is_empty() {
        dash
    } else {
        class_key
    };
    let _ = write!(
        h,
        r#"<div class="verdict-head"><div class="{}" data-testid="risk-class" data-value="{class_key}" role="img" aria-label="{}"><span class="class-letter verdict-letter">{letter}</span></div><div class="verdict-title">"#,
        esc(&badge_class),
        esc(&class_aria),
    );
    if !name.is_empty() {
        let _ = write!(h, r#"<p class="verdict-name">{}</p>"#, esc(name));
    }
    let _ = write!(
        h,
        r#"<p class="verdict-word">{}</p><p class="verdict-score">{}<strong data-testid="score" data-value="{}">{}</strong> / 100 · {}<strong data-testid="completeness" data-value="{}">{}</strong></p>"#,
        esc(word),
        lang.pick("Score ", "Score "),
        ratio_value(score),
        esc(&score_text),
        lang.pick("complétude ", "completeness "),
        ratio_value(completeness),
        esc(&completeness_text),
    );
    if provisional {
        let _ = write!(
            h,
            r#"<p class="provisional" data-testid="provisional" data-value="true"><span aria-hidden="true">◔ </span>{}</p>"#,
            esc(&provisional_text)
        );
    }
    h.push_str("</div></div>");
    if !knock_outs.is_empty() {
        h.push_str(r#"<ul class="verdict-knockouts">"#);
        for k in knock_outs {
            let _ = write!(h, "<li>{}</li>", esc(k));
        }
        h.push_str("</ul>");
    }
    let _ = write!(
        h,
        r#"<dl class="verdict-figures"><div><dt>{}</dt><dd class="big" data-testid="limit-recommended" data-value="{}">{}</dd></div><div><dt>{}</dt><dd data-testid="terms-recommended" data-value="{}">{}</dd></div><div><dt>{}</dt><dd data-testid="review-due" data-value="{}">{}</dd></div></dl>"#,
        lang.pick("Encours recommandé", "Recommended credit limit"),
        amount_value(recommended),
        esc(&recommended_text),
        lang.pick("Délai maximal", "Longest terms"),
        terms_days.map(|d| d.to_string()).unwrap_or_default(),
        esc(&terms),
        lang.pick("À revoir le", "Review by"),
        review.map(|d| d.to_string()).unwrap_or_default(),
        esc(&review_text),
    );
    if let Some(b) = binding {
        let _ = write!(h, r#"<p class="verdict-binding">{}</p>"#, esc(&b));
    }
    if !gaps.is_empty() {
        let lead = if lang.is_fr() {
            format!("Le besoin ({need_text}) dépasse la limite. Pour le couvrir :")
        } else {
            format!("The need ({need_text}) exceeds the limit. To cover it:")
        };
        let _ = write!(h, r#"<div class="verdict-gap"><p>{}</p><ul>"#, esc(&lead));
        for g in gaps {
            let _ = write!(h, "<li>{}</li>", esc(&g));
        }
        h.push_str("</ul></div>");
    }
    if requested_beyond {
        let text = if lang.is_fr() {
            format!(
                "Délai demandé ({}) au-delà du maximum de la classe",
                format_days(lang, requested_days)
            )
        } else {
            format!(
                "Requested terms ({}) beyond the class maximum",
                format_days(lang, requested_days)
            )
        };
        let _ = write!(
            h,
            r#"<p class="verdict-flag"><span aria-hidden="true">⚠ </span>{}</p>"#,
            esc(&text)
        );
    }
    if stale {
        let _ = write!(
            h,
            r#"<p class="verdict-flag" data-testid="stale"><span aria-hidden="true">⚠ </span>{}</p>"#,
            esc(&stale_text)
        );
    }
    h
}
