//! The ledger's penalties and dunning (docs/receivables.md "Penalties", "Dunning"): the
//! late-payment interest and indemnity at the situation date with the rate used, the client's
//! next dunning stage with its invoices (marked sent in one tap, undone as easily), what the
//! policy proposes past the last stage, and the cost of lateness beside the cost of dunning.
//!
//! Test ids: `penalties-interest`, `penalties-indemnity`, `penalties-invoices` (data-values as
//! the other figures), `penalties-illegal` (a contractual rate below three times the legal one),
//! `dunning-stale`, `dunning-next` (data-value: the stage key), `dunning-mark-sent`,
//! `dunning-action` (each action done, `data-stage`), `dunning-undo`, `dunning-proposal`
//! (data-value: `none`, `litigation`, `small_claims`, `write_off`), `cost-of-lateness`,
//! `cost-of-dunning`.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::letter::OpenLetter;
use crate::domain::figure::amount_value;
use crate::domain::ids::RiskClass;
use crate::domain::receivables::dunning::{
    client_plan, cost_of_dunning, cost_of_lateness, sales_to_make_up, ClientPlan, Proposal, Stage,
};
use crate::domain::receivables::figures::LedgerFigures;
use crate::domain::receivables::ledger::Ledger;
use crate::domain::receivables::letters::{letter, Letter, LetterKind};
use crate::domain::receivables::penalties::{penalties, Penalties};
use crate::domain::receivables::rules::ReceivablesRules;
use crate::ui::format::{format_amount_places, format_date};
use crate::ui::{AppState, Lang};

/// What the block draws, computed with the ledger's other figures.
#[derive(Clone, PartialEq)]
pub(super) struct Dunning {
    pub penalties: Penalties,
    pub plan: ClientPlan,
    pub lateness: Option<Decimal>,
    pub dunning_cost: Decimal,
    pub write_off_sales: Option<Decimal>,
    pub actions: Vec<(Stage, chrono::NaiveDate, Vec<String>)>,
}

/// The penalties at `as_of` and the plan of a ledger of class `class`.
pub(super) fn dunning_of(
    ledger: &Ledger,
    figures: &LedgerFigures,
    class: RiskClass,
    rules: &ReceivablesRules,
    today: chrono::NaiveDate,
) -> Dunning {
    let p = penalties(ledger, &rules.penalties, ledger.as_of);
    let owed = p.interest.map(|i| i + p.indemnity);
    let plan = client_plan(ledger, class, &rules.dunning, today, owed);
    let lateness = figures
        .dso_add
        .ok()
        .and_then(|add| cost_of_lateness(figures.encours, add, &rules.dunning));
    let dunning_cost = cost_of_dunning(ledger, class, &rules.dunning).total;
    let write_off_sales = sales_to_make_up(figures.overdue, &rules.dunning);
    // The actions done, one line per stage and date, with their invoices.
    let mut actions: Vec<(Stage, chrono::NaiveDate, Vec<String>)> = Vec::new();
    for item in &ledger.items {
        for a in &item.actions {
            let Some(stage) = Stage::from_key(&a.stage) else {
                continue;
            };
            match actions
                .iter_mut()
                .find(|(s, on, _)| *s == stage && *on == a.on)
            {
                Some((_, _, refs)) => refs.push(item.reference.clone()),
                None => actions.push((stage, a.on, vec![item.reference.clone()])),
            }
        }
    }
    actions.sort_by_key(|(s, on, _)| (*on, *s));
    Dunning {
        penalties: p,
        plan,
        lateness,
        dunning_cost,
        write_off_sales,
        actions,
    }
}

/// The letter for `refs` of the open file, in French and in English (the dialogue switches
/// between them), dated `date`, or penalties at the situation date when `date` is `None`.
fn build_letters(
    state: AppState,
    refs: &[String],
    kind: LetterKind,
    date: Option<chrono::NaiveDate>,
) -> Option<[Letter; 2]> {
    state.current_file.with_untracked(|f| {
        let f = f.as_ref()?;
        let ledger = f.ledger.as_ref()?;
        let date = date.unwrap_or(ledger.as_of);
        state.policy.with_untracked(|p| {
            let one = |lang| {
                letter(
                    ledger,
                    refs,
                    kind,
                    &f.name,
                    date,
                    &p.receivables.penalties,
                    p.receivables.dunning.stale_after_days,
                    lang,
                )
            };
            Some([one(Lang::Fr), one(Lang::En)])
        })
    })
}

/// Opens the letter of `stage` for the invoices `refs` of the open file, dated today.
fn open_letter(state: AppState, stage: Stage, refs: Vec<String>) {
    let today = state.today.get_untracked();
    if let Some(letters) = build_letters(state, &refs, LetterKind::from_stage(stage), Some(today)) {
        let lang = state.lang.get_untracked();
        state.letter.set(Some(OpenLetter {
            letters,
            lang,
            stage,
            refs,
            litigation: None,
        }));
    }
}

/// Opens the litigation summary: every late, undisputed invoice at the situation date, with
/// the dunning done.
fn open_litigation(state: AppState, actions: Vec<(Stage, chrono::NaiveDate, Vec<String>)>) {
    let refs: Vec<String> = state.current_file.with_untracked(|f| {
        f.as_ref()
            .and_then(|f| f.ledger.as_ref())
            .map(|l| {
                l.items
                    .iter()
                    .filter(|i| i.due_on.is_some_and(|d| d < l.as_of) && i.open > Decimal::ZERO)
                    .map(|i| i.reference.clone())
                    .collect()
            })
            .unwrap_or_default()
    });
    if let Some(letters) = build_letters(state, &refs, LetterKind::FormalNotice, None) {
        let (lang, stage) = (state.lang.get_untracked(), Stage::LitigationReview);
        state.letter.set(Some(OpenLetter {
            letters,
            lang,
            stage,
            refs,
            litigation: Some(actions),
        }));
    }
}

fn proposal_key(p: Proposal) -> &'static str {
    match p {
        Proposal::None => "none",
        Proposal::Litigation => "litigation",
        Proposal::SmallClaims { .. } => "small_claims",
        Proposal::WriteOff => "write_off",
    }
}

/// The block.
pub(super) fn dunning_block(state: AppState, lang: Lang, d: &Dunning) -> AnyView {
    let p = &d.penalties;
    let amount = |v: Decimal| format_amount_places(lang, v, 2);
    let interest_text = match p.interest {
        Some(v) => amount(v),
        None => lang
            .pick(
                "n.d. (taux non renseigné pour une période)",
                "n/a (no rate for a period)",
            )
            .to_string(),
    };
    let rate_note = if p.extended {
        lang.pick(
            "Au-delà de la dernière ligne du barème, son taux est repris : mettez le barème à jour dans la politique.",
            "Beyond the table's last row its rate is carried on: update the table in the policy.",
        )
    } else {
        lang.pick(
            "Taux : celui de la BCE au 1er janvier ou au 1er juillet de chaque semestre, plus 10 points (L441-10), sauf taux contractuel.",
            "Rate: the ECB rate on 1 January or 1 July of each half-year, plus 10 points (L441-10), unless a contractual rate applies.",
        )
    };
    let illegal = (!p.illegal_contractual.is_empty()).then(|| view! {
        <p class="flag flag-bad" data-testid="penalties-illegal">
            {lang.pick(
                "Le taux contractuel est inférieur à trois fois le taux d'intérêt légal : il est illégal (L441-10).",
                "The contractual rate is below three times the legal interest rate: it is illegal (L441-10).",
            )}
        </p>
    });
    let plan = &d.plan;
    let stale = plan.stale.then(|| {
        let text = if lang.is_fr() {
            format!(
                "Situation au {} : importez une situation récente avant d'envoyer une relance.",
                format_date(lang, plan.as_of)
            )
        } else {
            format!(
                "Situation at {}: import a recent situation before sending a reminder.",
                format_date(lang, plan.as_of)
            )
        };
        view! { <p class="flag flag-warn" data-testid="dunning-stale">{text}</p> }
    });
    let next = match &plan.next {
        Some((stage, invoices)) => {
            let refs: Vec<String> = invoices.iter().map(|i| i.reference.clone()).collect();
            let stage = *stage;
            let list = invoices
                .iter()
                .map(|i| format!("{} ({} {}, {})", i.reference, i.days_late.max(0), lang.pick("j", "d"), amount(i.open)))
                .collect::<Vec<_>>()
                .join(" · ");
            let label = stage.label(lang);
            let letter_refs = refs.clone();
            let mark = move |_| {
                if let Some(id) = state.current.get_untracked() {
                    state.act(|w| w.mark_stage_sent(&id, &refs, stage, ""));
                }
            };
            let open_letter = move |_| open_letter(state, stage, letter_refs.clone());
            view! {
                <p><strong data-testid="dunning-next" data-value=stage.key()>{label}</strong>" — "{list}</p>
                <button type="button" class="btn" data-testid="letter-open" on:click=open_letter>
                    {lang.pick("Préparer la lettre", "Prepare the letter")}
                </button>
                <button type="button" class="btn btn-primary" data-testid="dunning-mark-sent" on:click=mark>
                    {lang.pick("Marquer comme envoyée", "Mark as sent")}
                </button>
            }
            .into_any()
        }
        None => view! {
            <p data-testid="dunning-next" data-value="">{lang.pick("Aucune relance due à la date de situation.", "No reminder due at the situation date.")}</p>
        }
        .into_any(),
    };
    let actions = d
        .actions
        .iter()
        .map(|(stage, on, refs)| {
            let (stage, on, refs) = (*stage, *on, refs.clone());
            let text = format!("{} — {} — {}", format_date(lang, on), stage.label(lang), refs.join(", "));
            let undo = move |_| {
                if let Some(id) = state.current.get_untracked() {
                    state.act(|w| w.undo_stage(&id, &refs, stage, on));
                }
            };
            view! {
                <li data-testid="dunning-action" data-stage=stage.key()>
                    {text}" "
                    <button type="button" class="btn btn-ghost" data-testid="dunning-undo" on:click=undo>{lang.pick("Annuler", "Undo")}</button>
                </li>
            }
        })
        .collect_view();
    let proposal = plan.proposal;
    let proposal_text = match proposal {
        Proposal::None => lang.pick("Pas de contentieux à envisager à ce stade.", "No litigation to consider at this stage."),
        Proposal::Litigation => lang.pick(
            "L'échu dépasse le seuil de la politique : proposer le contentieux (fiche de synthèse de la créance : pièces, relances faites, pénalités).",
            "The overdue is above the policy's threshold: propose litigation (a summary of the debt: invoices, reminders done, penalties).",
        ),
        other => other.label(lang),
    };
    let write_off = d.write_off_sales.filter(|_| matches!(proposal, Proposal::WriteOff | Proposal::SmallClaims { .. })).map(|v| {
        if lang.is_fr() {
            format!("Passer l'échu en perte demanderait {} de ventes pour le compenser, à la marge de la politique.", amount(v))
        } else {
            format!("Writing the overdue off would take {} of sales to make up, at the policy's margin.", amount(v))
        }
    });
    let litigation_actions = d.actions.clone();
    let litigation = matches!(proposal, Proposal::Litigation).then(|| view! {
        <button type="button" class="btn" data-testid="litigation-open" on:click=move |_| open_litigation(state, litigation_actions.clone())>
            {lang.pick("Fiche contentieux", "Litigation summary")}
        </button>
    });
    view! {
        <section class="card ledger-dunning">
            <h2>{lang.pick("Pénalités de retard", "Late-payment penalties")}</h2>
            <dl class="figures">
                <div class="figure"><dt>{lang.pick("Intérêts de retard", "Late-payment interest")}</dt><dd data-testid="penalties-interest" data-value=amount_value(p.interest)>{interest_text}</dd></div>
                <div class="figure"><dt>{lang.pick("Indemnités forfaitaires (40 €)", "Flat indemnities (€40)")}</dt><dd data-testid="penalties-indemnity" data-value=amount_value(Some(p.indemnity))>{amount(p.indemnity)}</dd></div>
                <div class="figure"><dt>{lang.pick("Factures en retard", "Late invoices")}</dt><dd data-testid="penalties-invoices" data-value=p.count.to_string()>{p.count}</dd></div>
            </dl>
            <p class="muted">{rate_note}</p>
            {illegal}
            <h2>{lang.pick("Relances", "Dunning")}</h2>
            {stale}
            {next}
            <ul class="dunning-actions">{actions}</ul>
            <p data-testid="dunning-proposal" data-value=proposal_key(proposal)>{proposal_text}</p>
            {litigation}
            {write_off.map(|w| view! { <p class="muted">{w}</p> })}
            <dl class="figures">
                <div class="figure"><dt>{lang.pick("Coût du retard (par an)", "Cost of lateness (per year)")}</dt><dd data-testid="cost-of-lateness" data-value=amount_value(d.lateness)>{d.lateness.map(amount).unwrap_or_else(|| lang.pick("n.d.", "n/a").to_string())}</dd></div>
                <div class="figure"><dt>{lang.pick("Coût des relances faites", "Cost of the dunning done")}</dt><dd data-testid="cost-of-dunning" data-value=amount_value(Some(d.dunning_cost))>{amount(d.dunning_cost)}</dd></div>
            </dl>
        </section>
    }
    .into_any()
}
