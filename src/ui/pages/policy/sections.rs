//! The sections of the policy form, by what they edit: the grid (criteria, weights, bands), the
//! classes, the limit rules, the general settings, the ratios' bands and the scores' zones.
//! (About 400 lines: six sections of one form, each a function built from the shapes of
//! `widgets.rs`.)

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::field::*;
use super::penalties_dunning::{dunning_section, penalties_section};
use super::receivables::receivables_section;
use super::widgets::*;
use crate::domain::grid::{CriterionId, RiskClass};
use crate::domain::policy::{Direction, Scale};
use crate::domain::policy_place::{CriterionPart, LimitPart, Place, RatioPart, ScoreZonesOf};
use crate::domain::ratios::RatioId;
use crate::ui::Lang;

/// The bands of one criterion ("≥ bound → points", "otherwise → points"), or the points of
/// each sector risk; then its special case.
pub(super) fn band_editor(ed: Editor, c: usize) -> AnyView {
    let lang = ed.lang;
    let (shape, special) = ed.draft.with_untracked(|p| match p.criteria.get(c) {
        Some(cp) => (
            match &cp.scale {
                Scale::Bands { direction, bands } => Some((*direction, bands.len())),
                Scale::Sector { .. } => None,
            },
            cp.special_points.map(|_| cp.id),
        ),
        None => (None, None),
    });
    let mut lines: Vec<AnyView> = match shape {
        Some((direction, n)) => {
            let cmp = match direction {
                Direction::HigherIsBetter => "≥",
                Direction::LowerIsBetter => "≤",
            };
            (0..n)
                .map(|i| {
                    let cond = if i + 1 < n {
                        prefixed(cmp, num_field(ed, Field::Bound(c, i)))
                    } else {
                        text("band-else", lang.pick("sinon", "otherwise").into())
                    };
                    band_line(cond, num_field(ed, Field::Points(c, i)))
                })
                .collect()
        }
        None => [
            lang.pick("faible", "low"),
            lang.pick("moyen", "medium"),
            lang.pick("élevé", "high"),
        ]
        .into_iter()
        .enumerate()
        .map(|(j, name)| {
            band_line(
                text("band-else", name.into()),
                num_field(ed, Field::Sector(c, j)),
            )
        })
        .collect(),
    };
    if let Some(id) = special {
        lines.push(band_line(
            text("band-else", special_case(id, lang).into()),
            num_field(ed, Field::Special(c)),
        ));
    }
    view! { <ol class="band-list">{lines}</ol> }.into_any()
}

/// The case whose points are set apart, in words.
pub(super) fn special_case(id: CriterionId, lang: Lang) -> &'static str {
    match id {
        CriterionId::Gearing => lang.pick("si capitaux propres ≤ 0", "if equity ≤ 0"),
        CriterionId::RepaymentCapacity => {
            lang.pick("si CAF ≤ 0 avec dettes", "if CAF ≤ 0 with debt")
        }
        CriterionId::PaymentHistory => lang.pick("nouveau client", "new client"),
        _ => lang.pick("cas particulier", "special case"),
    }
}

/// The scoring grid: one row per criterion, the total of the active weights below.
pub(super) fn grid_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let ids: Vec<CriterionId> = ed
        .draft
        .with_untracked(|p| p.criteria.iter().map(|c| c.id).collect());
    let rows = ids
        .into_iter()
        .enumerate()
        .map(|(c, id)| {
            let key = id.key();
            let inactive = crate::ui::components::memo(move || {
                ed.draft
                    .with(|p| p.criteria.get(c).is_some_and(|c| !c.active))
            });
            let th = vec![
                check_field(
                    ed,
                    format!("policy-active-{key}"),
                    id.label(lang).to_string(),
                    |p, c| p.criteria.get(c).is_some_and(|c| c.active),
                    |p, c, on| {
                        if let Some(c) = p.criteria.get_mut(c) {
                            c.active = on
                        }
                    },
                    c,
                ),
                errors_at(ed, Place::Criterion(id, CriterionPart::Whole)),
                errors_at(ed, Place::Criterion(id, CriterionPart::Bands)),
            ];
            row(
                key,
                Some(inactive),
                th.into_any(),
                vec![num_field(ed, Field::Weight(c)), band_editor(ed, c)],
            )
        })
        .collect();
    let total = move || ed.draft.with(|p| p.total_weight().normalize());
    let total_view = view! {
        <span
            class="policy-total"
            class:off=move || total() != Decimal::ONE_HUNDRED
            data-testid="policy-total-weight"
            data-value=move || total().to_string()
        >
            {move || format!("{} / 100", show(Kind::Number, total(), lang))}
        </span>
    }
    .into_any();
    let foot = row(
        "total",
        None,
        text(
            "",
            lang.pick("Total des critères actifs", "Total of active criteria")
                .into(),
        ),
        vec![total_view, errors_at(ed, Place::Criteria)],
    );
    section(
        "card policy-section",
        lang.pick("Grille de notation", "Scoring grid"),
        lang.pick(
            "Score = Σ(poids × points) / Σ(poids) sur les critères présents ; les poids des critères actifs font 100. Une valeur exactement sur une borne prend la meilleure tranche.",
            "Score = Σ(weight × points) / Σ(weight) over the criteria present; the active criteria's weights add up to 100. A value exactly on a bound takes the better band.",
        ),
        vec![table(
            vec![
                lang.pick("Critère (actif)", "Criterion (active)"),
                lang.pick("Poids", "Weight"),
                lang.pick("Tranches : borne → points", "Bands: bound → points"),
            ],
            rows,
            foot,
        )],
    )
}

/// Class thresholds and knock-out rules.
pub(super) fn classes_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let mut body: Vec<AnyView> = (0..4)
        .map(|j| {
            line(
                small_class(RiskClass::ALL[j]),
                vec![
                    text("band-cmp", lang.pick("score ≥", "score ≥").into()),
                    num_field(ed, Field::Threshold(j)),
                ],
            )
        })
        .collect();
    body.push(line(
        small_class(RiskClass::E),
        vec![text(
            "band-else",
            lang.pick("en dessous de D", "below D").into(),
        )],
    ));
    body.push(errors_at(ed, Place::Classes));
    body.push(check_field(
        ed,
        "policy-ko-collective".into(),
        lang.pick(
            "Procédure collective → classe E",
            "Insolvency proceedings → class E",
        )
        .into(),
        |p, _| p.knock_outs.collective_proceeding,
        |p, _, on| p.knock_outs.collective_proceeding = on,
        0,
    ));
    body.push(check_field(
        ed,
        "policy-ko-no-statement".into(),
        lang.pick("Aucun bilan → non noté", "No statement → not rated")
            .into(),
        |p, _| p.knock_outs.no_statement,
        |p, _, on| p.knock_outs.no_statement = on,
        0,
    ));
    let cap = ed.draft.with_untracked(|p| {
        p.knock_outs
            .negative_equity_cap
            .map(|c| c.key())
            .unwrap_or("")
    });
    let options = ["", "B", "C", "D", "E"]
        .into_iter()
        .map(|k| {
            let text = if k.is_empty() {
                lang.pick("règle désactivée", "rule off").to_string()
            } else {
                format!("{} {k}", lang.pick("classe plafonnée à", "class capped at"))
            };
            view! { <option value=k prop:selected=cap == k>{text}</option> }
        })
        .collect_view();
    body.push(
        view! {
            <label class="policy-select">
                <span>{lang.pick("Capitaux propres négatifs", "Negative equity")}</span>
                <select
                    data-testid="policy-ko-negative-equity"
                    disabled=ed.readonly
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ed.draft.update(|p| p.knock_outs.negative_equity_cap = RiskClass::from_key(&v));
                    }
                >
                    {options}
                </select>
            </label>
        }
        .into_any(),
    );
    section(
        "card policy-section",
        lang.pick(
            "Classes de risque et règles d'exclusion",
            "Risk classes and knock-out rules",
        ),
        lang.pick(
            "Score minimal de chaque classe, puis les règles appliquées après le score, dans cet ordre.",
            "Lowest score of each class, then the rules applied after the score, in this order.",
        ),
        body,
    )
}

/// Limit and terms rules by class.
pub(super) fn limits_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let classes: Vec<RiskClass> = ed
        .draft
        .with_untracked(|p| p.limits.iter().map(|l| l.class).collect());
    let rows = classes
        .into_iter()
        .enumerate()
        .map(|(l, class)| {
            let th = vec![
                small_class(class),
                errors_at(ed, Place::Limits(class, LimitPart::Whole)),
            ];
            row(
                class.key(),
                None,
                th.into_any(),
                vec![
                    num_field(ed, Field::Share(l, 0)),
                    num_field(ed, Field::Share(l, 1)),
                    num_field(ed, Field::Terms(l)),
                    num_field(ed, Field::Share(l, 2)),
                    num_field(ed, Field::Review(l)),
                ],
            )
        })
        .collect();
    section(
        "card policy-section",
        lang.pick("Encours et délais par classe", "Limits and terms by class"),
        lang.pick(
            "Capacité = min(part de l'actif net tangible, part du CA annualisé). Délai 0 = paiement à la commande ; 60 jours au plus (Code de commerce).",
            "Capacity = min(share of tangible net worth, share of annualised revenue). Terms 0 = payment with order; 60 days at most (Code de commerce).",
        ),
        vec![table(
            vec![
                lang.pick("Classe", "Class"),
                lang.pick("Part de l'actif net tangible", "Share of tangible net worth"),
                lang.pick("Part du CA annuel", "Share of annual revenue"),
                lang.pick("Délai maximal (jours nets)", "Longest terms (days net)"),
                lang.pick("Acompte", "Deposit"),
                lang.pick("Révision", "Review"),
            ],
            rows,
            ().into_any(),
        )],
    )
}

/// VAT, provisional threshold, rounding, staleness.
pub(super) fn general_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let body = [
        (Field::Vat, "Taux de TVA", "VAT rate"),
        (
            Field::Provisional,
            "Notation provisoire sous une complétude de",
            "Provisional rating below a completeness of",
        ),
        (
            Field::Rounding,
            "Encours arrondi au multiple inférieur de",
            "Limit rounded down to a multiple of",
        ),
        (
            Field::Stale,
            "Comptes signalés comme anciens après",
            "Statements flagged as stale after",
        ),
    ]
    .into_iter()
    .map(|(f, fr, en)| line(text("", lang.pick(fr, en).into()), vec![num_field(ed, f)]))
    .collect();
    section(
        "card policy-section",
        lang.pick("Paramètres généraux", "General settings"),
        lang.pick(
            "Le taux de TVA ramène créances et dettes (TTC) et chiffre d'affaires (HT) sur une même base.",
            "The VAT rate brings receivables and payables (incl. VAT) and revenue (excl. VAT) onto one basis.",
        ),
        body,
    )
}

/// Appreciation bands of the ratios and zones of the failure scores.
pub(super) fn ratios_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let ratios: Vec<(RatioId, Direction)> = ed.draft.with_untracked(|p| {
        p.ratio_bands
            .iter()
            .map(|b| (b.ratio, b.direction))
            .collect()
    });
    let rows = ratios
        .into_iter()
        .enumerate()
        .map(|(r, (id, direction))| {
            let cmp = match direction {
                Direction::HigherIsBetter => "≥",
                Direction::LowerIsBetter => "≤",
            };
            let th = vec![
                text("", id.label(lang).into()),
                errors_at(ed, Place::RatioBands(id, RatioPart::Whole)),
            ];
            row(
                id.key(),
                None,
                th.into_any(),
                vec![
                    prefixed(cmp, num_field(ed, Field::RatioGood(r))),
                    prefixed(cmp, num_field(ed, Field::RatioWatch(r))),
                ],
            )
        })
        .collect();
    let zones = [
        ("Altman Z″", 0..2, ScoreZonesOf::AltmanZ2),
        ("Altman Z′", 2..4, ScoreZonesOf::AltmanZ1),
        ("Conan & Holder", 4..7, ScoreZonesOf::ConanHolder),
    ]
    .into_iter()
    .map(|(name, range, score)| {
        let mut fields: Vec<AnyView> = range.map(|i| num_field(ed, Field::Zone(i))).collect();
        fields.push(errors_at(ed, Place::Zones(score)));
        line(text("", name.into()), fields)
    })
    .collect::<Vec<_>>();
    section(
        "card policy-section",
        lang.pick(
            "Appréciation des ratios et zones des scores",
            "Ratio appreciation and score zones",
        ),
        lang.pick(
            "Bon quand le ratio atteint la première borne, à surveiller quand il atteint la seconde, faible sinon. Zones des scores de défaillance : de la meilleure à la moins bonne.",
            "Good when the ratio reaches the first bound, watch when it reaches the second, poor otherwise. Failure score zones: from the best to the worst.",
        ),
        vec![
            table(
                vec![
                    lang.pick("Ratio", "Ratio"),
                    lang.pick("Bon", "Good"),
                    lang.pick("À surveiller", "Watch"),
                ],
                rows,
                ().into_any(),
            ),
            zones.into_any(),
        ],
    )
}

/// The whole policy as a form; read-only for an earlier version.
pub(super) fn policy_form(ed: Editor) -> AnyView {
    let sections = vec![
        grid_section(ed),
        classes_section(ed),
        limits_section(ed),
        general_section(ed),
        ratios_section(ed),
        receivables_section(ed),
        penalties_section(ed),
        dunning_section(ed),
    ];
    view! { <div class="policy-form" class:readonly=ed.readonly>{sections}</div> }.into_any()
}
