//! The penalty rate table and the dunning plan in the policy editor (docs/receivables.md
//! "Penalties", "Dunning"): dated rows of the ECB and legal rates, a contractual rate, the
//! indemnity; each class's stage days, each stage's unit cost, the thresholds. Checked with the
//! rest of the draft; the problems show under each section with their place inside it.
//!
//! Test ids: `policy-rate-<i>-from|ecb|legal`, `policy-rate-add`, `policy-rate-remove`,
//! `policy-contractual-rate`, `policy-penalty-margin`, `policy-indemnity`,
//! `policy-stage-<class>-<stage>` (days; empty: no such stage for the class),
//! `policy-stage-cost-<stage>`, `policy-stage-channel-<stage>`, `policy-litigation-threshold`, `policy-small-claims-ceiling`,
//! `policy-stale-days`, `policy-financing-rate`, `policy-margin-rate`.
//!
//! (Longer than the other rooms: the rate table and the plan grid each need their accessors —
//! one small function per slot — next to the two sections that use them.)

use chrono::{Datelike, Months};
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::field::{parse, show, Kind};
use super::widgets::*;
use crate::domain::ids::RiskClass;
use crate::domain::policy::Policy;
use crate::domain::policy_place::{Place, ReceivablesPart};
use crate::domain::receivables::dunning::{Channel, Stage, StageRule};
use crate::domain::receivables::penalties::RateRow;

/// How a number of these sections is read and written: its kind and where it lives.
type ReadNum = fn(&Policy, usize) -> Option<Decimal>;
type WriteNum = fn(&mut Policy, usize, Option<Decimal>);

/// One number; `optional` fields may be left empty (absent). Its facts are plain values (the
/// accessors are functions taking `at`), so that every field shares one copy of this code.
#[allow(clippy::too_many_arguments)]
fn number(
    ed: Editor,
    testid: String,
    label: String,
    kind: Kind,
    optional: bool,
    get: ReadNum,
    set: WriteNum,
    at: usize,
) -> AnyView {
    let lang = ed.lang;
    let initial = ed
        .draft
        .with_untracked(|p| get(p, at))
        .map(|v| show(kind, v, lang))
        .unwrap_or_default();
    let typo = RwSignal::new(None::<String>);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if optional && text.trim().is_empty() {
            typo.set(None);
            ed.draft.update(|p| set(p, at, None));
            return;
        }
        match parse(kind, &text, lang) {
            Ok(v) => {
                typo.set(None);
                ed.draft.update(|p| set(p, at, Some(v)));
            }
            Err(m) => typo.set(Some(m)),
        }
    };
    let unit = match kind {
        Kind::Percent => "%",
        Kind::Whole => lang.pick("j", "days"),
        Kind::Number => "€",
    };
    view! {
        <span class="pf">
            <span class="pf-box">
                <input type="text" class="pf-input" inputmode=if kind == Kind::Whole { "numeric" } else { "decimal" } autocomplete="off"
                    data-testid=testid aria-label=label prop:value=initial disabled=ed.readonly on:input=on_input/>
                <span class="pf-unit" aria-hidden="true">{unit}</span>
            </span>
            {move || typo.get().map(|m| messages(vec![(String::new(), m)]))}
        </span>
    }
    .into_any()
}

fn rate_row(p: &Policy, i: usize) -> Option<&RateRow> {
    p.receivables.penalties.rates.get(i)
}

fn rate_row_mut(p: &mut Policy, i: usize) -> Option<&mut RateRow> {
    p.receivables.penalties.rates.get_mut(i)
}

/// The penalties: the dated rate table, then the contractual rate, the margin, the indemnity.
pub(super) fn penalties_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let rows = move || {
        let n = ed.draft.with(|p| p.receivables.penalties.rates.len());
        (0..n)
            .map(|i| {
                let from = ed.draft.with_untracked(|p| rate_row(p, i).map(|r| r.from.to_string()).unwrap_or_default());
                let on_date = move |ev: leptos::ev::Event| {
                    if let Some(d) = crate::domain::parse::parse_iso_date(&event_target_value(&ev)) {
                        ed.draft.update(|p| if let Some(r) = rate_row_mut(p, i) { r.from = d });
                    }
                };
                let date = view! {
                    <input type="date" class="pf-date" data-testid=format!("policy-rate-{i}-from") aria-label=lang.pick("Début du semestre", "Half-year starts")
                        prop:value=from disabled=ed.readonly on:change=on_date/>
                }
                .into_any();
                line(
                    date,
                    vec![
                        number(ed, format!("policy-rate-{i}-ecb"), lang.pick("Taux BCE", "ECB rate").into(), Kind::Percent, false,
                            |p, i| rate_row(p, i).map(|r| r.ecb), |p, i, v| if let (Some(r), Some(v)) = (rate_row_mut(p, i), v) { r.ecb = v }, i),
                        number(ed, format!("policy-rate-{i}-legal"), lang.pick("Taux légal", "Legal rate").into(), Kind::Percent, false,
                            |p, i| rate_row(p, i).map(|r| r.legal), |p, i, v| if let (Some(r), Some(v)) = (rate_row_mut(p, i), v) { r.legal = v }, i),
                    ],
                )
            })
            .collect_view()
    };
    // A new row starts the half-year after the last one, with its rates.
    let add = move |_| {
        ed.draft.update(|p| {
            let rates = &mut p.receivables.penalties.rates;
            if let Some(last) = rates.last().cloned() {
                let from = last
                    .from
                    .checked_add_months(Months::new(6))
                    .unwrap_or(last.from);
                rates.push(RateRow {
                    from: from.with_day(1).unwrap_or(from),
                    ..last
                });
            }
        })
    };
    let remove = move |_| {
        ed.draft.update(|p| {
            p.receivables.penalties.rates.pop();
        })
    };
    let body = vec![
        view! {
            <p class="muted">{lang.pick("Par semestre : date de début, taux de refinancement BCE en vigueur ce jour-là, taux d'intérêt légal.", "Per half-year: its first day, the ECB refinancing rate in force that day, the legal interest rate.")}</p>
            <div class="rate-rows">{rows}</div>
            <div class="policy-row">
                <button type="button" class="btn" data-testid="policy-rate-add" disabled=ed.readonly on:click=add>{lang.pick("+ Semestre suivant", "+ Next half-year")}</button>
                <button type="button" class="btn btn-ghost" data-testid="policy-rate-remove" disabled=ed.readonly on:click=remove>{lang.pick("Retirer le dernier", "Remove the last")}</button>
            </div>
        }
        .into_any(),
        line(text("", lang.pick("Points ajoutés au taux BCE", "Points added to the ECB rate").into()),
            vec![number(ed, "policy-penalty-margin".into(), lang.pick("Points ajoutés", "Points added").into(), Kind::Percent, false,
                |p, _| Some(p.receivables.penalties.margin), |p, _, v| if let Some(v) = v { p.receivables.penalties.margin = v }, 0)]),
        line(text("", lang.pick("Taux contractuel (vide : taux légal)", "Contractual rate (empty: the legal one)").into()),
            vec![number(ed, "policy-contractual-rate".into(), lang.pick("Taux contractuel", "Contractual rate").into(), Kind::Percent, true,
                |p, _| p.receivables.penalties.contractual_rate, |p, _, v| p.receivables.penalties.contractual_rate = v, 0)]),
        line(text("", lang.pick("Indemnité forfaitaire par facture", "Flat indemnity per invoice").into()),
            vec![number(ed, "policy-indemnity".into(), lang.pick("Indemnité", "Indemnity").into(), Kind::Number, false,
                |p, _| Some(p.receivables.penalties.indemnity), |p, _, v| if let Some(v) = v { p.receivables.penalties.indemnity = v }, 0)]),
        errors_at(ed, Place::Receivables(ReceivablesPart::Penalties)),
    ];
    section(
        "card policy-section",
        lang.pick("Pénalités de retard", "Late-payment penalties"),
        lang.pick(
            "L441-10 : taux BCE du semestre + 10 points, ou le taux contractuel (au moins trois fois le taux légal) ; D441-5 : 40 € par facture.",
            "L441-10: the half-year's ECB rate + 10 points, or the contractual rate (at least three times the legal rate); D441-5: €40 per invoice.",
        ),
        body,
    )
}

/// Which plans and stages the grid shows: one row per class, one column per stage.
const CLASSES: [RiskClass; 6] = RiskClass::ALL;

fn class_index(p: &Policy, class: RiskClass) -> Option<usize> {
    p.receivables
        .dunning
        .plans
        .iter()
        .position(|c| c.class == class)
}

/// `at` packs a class (÷ 8) and a stage (% 8).
fn stage_days(p: &Policy, at: usize) -> Option<Decimal> {
    let (class, stage) = (CLASSES.get(at / 8)?, Stage::ALL.get(at % 8)?);
    let plan = p.receivables.dunning.plans.get(class_index(p, *class)?)?;
    plan.rule(*stage).map(|r| Decimal::from(r.days))
}

fn set_stage_days(p: &mut Policy, at: usize, v: Option<Decimal>) {
    let (Some(&class), Some(&stage)) = (CLASSES.get(at / 8), Stage::ALL.get(at % 8)) else {
        return;
    };
    let Some(ci) = class_index(p, class) else {
        return;
    };
    // A stage's cost and channel, from any class that has it, for a stage added to this one.
    let template = p
        .receivables
        .dunning
        .plans
        .iter()
        .flat_map(|c| c.stages.iter())
        .find(|r| r.stage == stage)
        .cloned();
    let Some(plan) = p.receivables.dunning.plans.get_mut(ci) else {
        return;
    };
    match v.and_then(|d| rust_decimal::prelude::ToPrimitive::to_i32(&d)) {
        None => plan.stages.retain(|r| r.stage != stage),
        Some(days) => match plan.stages.iter_mut().find(|r| r.stage == stage) {
            Some(r) => r.days = days,
            None => {
                if let Some(t) = template {
                    plan.stages.push(StageRule { days, ..t });
                    plan.stages.sort_by_key(|r| r.stage);
                }
            }
        },
    }
}

/// A stage's unit cost, the same in every class (set in all of them).
fn stage_cost(p: &Policy, at: usize) -> Option<Decimal> {
    let stage = Stage::ALL.get(at)?;
    p.receivables
        .dunning
        .plans
        .iter()
        .flat_map(|c| c.stages.iter())
        .find(|r| r.stage == *stage)
        .map(|r| r.unit_cost)
}

fn set_stage_cost(p: &mut Policy, at: usize, v: Option<Decimal>) {
    let (Some(&stage), Some(v)) = (Stage::ALL.get(at), v) else {
        return;
    };
    for r in p
        .receivables
        .dunning
        .plans
        .iter_mut()
        .flat_map(|c| c.stages.iter_mut())
        .filter(|r| r.stage == stage)
    {
        r.unit_cost = v;
    }
}

/// A stage's channel, the same in every class (set in all of them).
fn channel_field(ed: Editor, si: usize) -> AnyView {
    let lang = ed.lang;
    let Some(&stage) = Stage::ALL.get(si) else {
        return ().into_any();
    };
    let current = ed.draft.with_untracked(|p| {
        p.receivables
            .dunning
            .plans
            .iter()
            .flat_map(|c| c.stages.iter())
            .find(|r| r.stage == stage)
            .map(|r| r.channel)
    });
    let options = Channel::ALL
        .iter()
        .map(|c| view! { <option value=c.key() selected=current == Some(*c)>{c.label(lang)}</option> })
        .collect_view();
    let label = format!("{} — {}", lang.pick("Canal", "Channel"), stage.label(lang));
    view! {
        <select class="pf-select" data-testid=format!("policy-stage-channel-{}", stage.key()) aria-label=label disabled=ed.readonly
            on:change=move |ev| {
                if let Some(channel) = Channel::from_key(&event_target_value(&ev)) {
                    ed.draft.update(|p| {
                        for r in p.receivables.dunning.plans.iter_mut().flat_map(|c| c.stages.iter_mut()).filter(|r| r.stage == stage) {
                            r.channel = channel;
                        }
                    });
                }
            }>
            {options}
        </select>
    }
    .into_any()
}

/// The dunning plan: the days of each stage by class, the stages' costs, the thresholds.
pub(super) fn dunning_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let head = Stage::ALL
        .iter()
        .map(|s| text("policy-col", s.label(lang).into()))
        .collect::<Vec<_>>();
    let mut body = vec![line(
        text(
            "",
            lang.pick("Jours depuis l'échéance", "Days from the due date")
                .into(),
        ),
        head,
    )];
    for (ci, class) in CLASSES.iter().enumerate() {
        let fields = (0..Stage::ALL.len())
            .map(|si| {
                let testid = format!("policy-stage-{}-{}", class.key(), Stage::ALL[si].key());
                let label = format!(
                    "{} {} — {}",
                    lang.pick("Classe", "Class"),
                    class.key(),
                    Stage::ALL[si].label(lang)
                );
                // Days may be negative (a reminder before the due date): typed as a number.
                number(
                    ed,
                    testid,
                    label,
                    Kind::Number,
                    true,
                    stage_days,
                    set_stage_days,
                    ci * 8 + si,
                )
            })
            .collect();
        body.push(line(
            text(
                "",
                format!("{} {}", lang.pick("Classe", "Class"), class.key()),
            ),
            fields,
        ));
    }
    let costs = (0..Stage::ALL.len())
        .map(|si| {
            number(
                ed,
                format!("policy-stage-cost-{}", Stage::ALL[si].key()),
                format!(
                    "{} — {}",
                    lang.pick("Coût", "Cost"),
                    Stage::ALL[si].label(lang)
                ),
                Kind::Number,
                false,
                stage_cost,
                set_stage_cost,
                si,
            )
        })
        .collect();
    body.push(line(
        text("", lang.pick("Coût unitaire", "Unit cost").into()),
        costs,
    ));
    let channels = (0..Stage::ALL.len())
        .map(|si| channel_field(ed, si))
        .collect();
    body.push(line(
        text("", lang.pick("Canal", "Channel").into()),
        channels,
    ));
    let settings: [(&str, &str, &str, Kind, ReadNum, WriteNum); 5] = [
        (
            "policy-litigation-threshold",
            "Contentieux proposé au-delà d'un échu de",
            "Litigation proposed above an overdue of",
            Kind::Number,
            |p, _| Some(p.receivables.dunning.litigation_threshold),
            |p, _, v| {
                if let Some(v) = v {
                    p.receivables.dunning.litigation_threshold = v
                }
            },
        ),
        (
            "policy-small-claims-ceiling",
            "Procédure simplifiée jusqu'à",
            "Small-claims procedure up to",
            Kind::Number,
            |p, _| Some(p.receivables.dunning.small_claims_ceiling),
            |p, _, v| {
                if let Some(v) = v {
                    p.receivables.dunning.small_claims_ceiling = v
                }
            },
        ),
        (
            "policy-stale-days",
            "Situation ancienne après",
            "Situation stale after",
            Kind::Whole,
            |p, _| Some(Decimal::from(p.receivables.dunning.stale_after_days)),
            |p, _, v| {
                if let Some(n) = v.and_then(|v| rust_decimal::prelude::ToPrimitive::to_u32(&v)) {
                    p.receivables.dunning.stale_after_days = n
                }
            },
        ),
        (
            "policy-financing-rate",
            "Coût de financement annuel",
            "Yearly financing cost",
            Kind::Percent,
            |p, _| Some(p.receivables.dunning.financing_rate),
            |p, _, v| {
                if let Some(v) = v {
                    p.receivables.dunning.financing_rate = v
                }
            },
        ),
        (
            "policy-margin-rate",
            "Marge sur les ventes",
            "Margin on sales",
            Kind::Percent,
            |p, _| Some(p.receivables.dunning.margin_rate),
            |p, _, v| {
                if let Some(v) = v {
                    p.receivables.dunning.margin_rate = v
                }
            },
        ),
    ];
    for (testid, fr, en, kind, get, set) in settings {
        let label = lang.pick(fr, en).to_string();
        body.push(line(
            text("", label.clone()),
            vec![number(ed, testid.into(), label, kind, false, get, set, 0)],
        ));
    }
    body.push(errors_at(ed, Place::Receivables(ReceivablesPart::Dunning)));
    section(
        "card policy-section",
        lang.pick("Plan de relance par classe", "Dunning plan by class"),
        lang.pick(
            "Les étapes sont mesurées à la date de situation de l'encours ; une case vide : pas de cette étape pour la classe.",
            "Stages are measured at the ledger's situation date; an empty box: no such stage for the class.",
        ),
        body,
    )
}
