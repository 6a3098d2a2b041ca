//! The policy screen: the credit manager's own editor of the credit policy (FINANCE.md §3–6),
//! versioned and shareable.
//!
//! - Every number of the policy is one field, addressed by a [`Field`] (which criterion, which
//!   band, which class…): one generic field and one generic band editor render every criterion,
//!   class and ratio. Percentages are shown and typed as percentages ("20" for 20 %) and stored
//!   as fractions; numbers are typed the French or the English way (`parse::parse_amount`).
//! - The draft is validated on every change by `policy_check::validate`; each problem shows at
//!   the field whose place (`PolicyError.path`) it names, or at its group (weights, classes, a
//!   ratio, a zone). An invalid draft, or text that is not a number, cannot be previewed or
//!   saved.
//! - Saving needs an up-to-date preview (`policy_history::preview`): the portfolio re-rated under
//!   the draft, the files that change class or limit listed and counted. It then adds a version
//!   to the history (`AppState::save_policy`), with its date and an optional comment.
//! - Earlier versions stay readable (the same form, read-only) and can be made current again;
//!   the defaults of FINANCE.md come back after one confirmation. The policy in force is
//!   exported as JSON, and a policy file is imported into the draft (validated the same way;
//!   refused with the place of each problem, and then nothing changes).
//!
//! The screen computes nothing financial: it edits data and calls the domain.

use std::rc::Rc;

use leptos::either::Either;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::domain::figure::amount_value;
use crate::domain::grid::{CriterionId, RiskClass};
use crate::domain::parse::{parse_amount, parse_count};
use crate::domain::policy::{Direction, Policy, Scale};
use crate::domain::policy_check::{validate, PolicyError};
use crate::domain::policy_history::{
    needs_rerate, policy_to_json, preview, read_policy_json, same_rules, HistoryError, Preview,
};
use crate::domain::ratios::{RatioId, Unit};
use crate::store::Bilingual;
use crate::ui::format::{format_amount, format_date};
use crate::ui::io::{download, export_filename, read_picked_file};
use crate::ui::{display_name, use_state, Lang};

/// One number of the policy, by its place in the policy's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    /// Criterion index.
    Weight(usize),
    /// Criterion, band.
    Bound(usize, usize),
    Points(usize, usize),
    Special(usize),
    /// Criterion, 0 low / 1 medium / 2 high.
    Sector(usize, usize),
    /// 0 A … 3 D.
    Threshold(usize),
    /// Limit rules index, 0 tangible net worth / 1 revenue / 2 deposit.
    Share(usize, usize),
    Terms(usize),
    Review(usize),
    Vat,
    Provisional,
    Rounding,
    Stale,
    /// Ratio bands index.
    RatioGood(usize),
    RatioWatch(usize),
    /// Index in [`ZONES`].
    Zone(usize),
}

/// How a field is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A fraction typed as a percentage.
    Percent,
    Number,
    /// A whole number (days, months).
    Whole,
}

const SECTORS: [&str; 3] = ["low", "medium", "high"];
const SHARES: [(&str, &str); 3] = [
    ("tnw_share", "tnw"),
    ("revenue_share", "revenue"),
    ("deposit_share", "deposit"),
];
const THRESHOLDS: [&str; 4] = ["a", "b", "c", "d"];
const ZONES: [&str; 7] = [
    "altman_z2_safe",
    "altman_z2_grey",
    "altman_z1_safe",
    "altman_z1_grey",
    "conan_holder_very_good",
    "conan_holder_good",
    "conan_holder_alert",
];

/// Criteria whose bounds are fractions (shown as percentages).
fn percent_criterion(id: CriterionId) -> bool {
    use CriterionId as C;
    matches!(
        id,
        C::EquityRatio | C::NetMargin | C::FinancialChargesWeight | C::RevenueGrowth
    )
}

/// The unit after a criterion's bounds.
fn criterion_unit(id: CriterionId, lang: Lang) -> &'static str {
    use CriterionId as C;
    match id {
        C::EquityRatio | C::NetMargin | C::FinancialChargesWeight | C::RevenueGrowth => "%",
        C::Gearing | C::CurrentRatio => "×",
        C::RepaymentCapacity | C::CompanyAge => lang.pick("ans", "yrs"),
        C::DpoDays | C::PaymentHistory => lang.pick("j", "days"),
        _ => "",
    }
}

fn ratio_unit(id: RatioId, lang: Lang) -> &'static str {
    match id.unit() {
        Unit::Percent => "%",
        Unit::Times => "×",
        Unit::Years => lang.pick("ans", "yrs"),
        Unit::Days => lang.pick("j", "days"),
    }
}

fn class_id(class: RiskClass) -> String {
    class.key().to_ascii_lowercase()
}

impl Field {
    fn criterion(p: &Policy, c: usize) -> Option<CriterionId> {
        p.criteria.get(c).map(|c| c.id)
    }

    /// The value in the policy (`None` when the place does not exist, or the open last band).
    fn value(self, p: &Policy) -> Option<Decimal> {
        let bands = |c: usize| match &p.criteria.get(c)?.scale {
            Scale::Bands { bands, .. } => Some(bands),
            Scale::Sector { .. } => None,
        };
        let z = &p.zones;
        let limit = |l: usize| p.limits.get(l);
        match self {
            Field::Weight(c) => p.criteria.get(c).map(|c| c.weight),
            Field::Bound(c, i) => bands(c)?.get(i)?.bound,
            Field::Points(c, i) => bands(c)?.get(i).map(|b| b.points),
            Field::Special(c) => p.criteria.get(c)?.special_points,
            Field::Sector(c, j) => match &p.criteria.get(c)?.scale {
                Scale::Sector { low, medium, high } => [*low, *medium, *high].get(j).copied(),
                Scale::Bands { .. } => None,
            },
            Field::Threshold(j) => {
                let t = &p.classes;
                [t.a, t.b, t.c, t.d].get(j).copied()
            }
            Field::Share(l, j) => {
                let l = limit(l)?;
                [l.tnw_share, l.revenue_share, l.deposit_share]
                    .get(j)
                    .copied()
            }
            Field::Terms(l) => limit(l).map(|l| Decimal::from(l.max_terms_days)),
            Field::Review(l) => limit(l).map(|l| Decimal::from(l.review_months)),
            Field::Vat => Some(p.vat_rate),
            Field::Provisional => Some(p.provisional_threshold),
            Field::Rounding => Some(p.rounding_step),
            Field::Stale => Some(Decimal::from(p.stale_after_months)),
            Field::RatioGood(r) => p.ratio_bands.get(r).map(|b| b.good),
            Field::RatioWatch(r) => p.ratio_bands.get(r).map(|b| b.watch),
            Field::Zone(i) => [
                z.altman_z2_safe,
                z.altman_z2_grey,
                z.altman_z1_safe,
                z.altman_z1_grey,
                z.conan_holder_very_good,
                z.conan_holder_good,
                z.conan_holder_alert,
            ]
            .get(i)
            .copied(),
        }
    }

    /// Where a decimal value lives in the policy.
    fn slot(self, p: &mut Policy) -> Option<&mut Decimal> {
        let z = &mut p.zones;
        match self {
            Field::Weight(c) => p.criteria.get_mut(c).map(|c| &mut c.weight),
            Field::Bound(c, i) | Field::Points(c, i) => {
                let Scale::Bands { bands, .. } = &mut p.criteria.get_mut(c)?.scale else {
                    return None;
                };
                let b = bands.get_mut(i)?;
                match self {
                    Field::Bound(..) => b.bound.as_mut(),
                    _ => Some(&mut b.points),
                }
            }
            Field::Special(c) => p.criteria.get_mut(c)?.special_points.as_mut(),
            Field::Sector(c, j) => match &mut p.criteria.get_mut(c)?.scale {
                Scale::Sector { low, medium, high } => [low, medium, high].into_iter().nth(j),
                Scale::Bands { .. } => None,
            },
            Field::Threshold(j) => {
                let t = &mut p.classes;
                [&mut t.a, &mut t.b, &mut t.c, &mut t.d].into_iter().nth(j)
            }
            Field::Share(l, j) => {
                let l = p.limits.get_mut(l)?;
                [&mut l.tnw_share, &mut l.revenue_share, &mut l.deposit_share]
                    .into_iter()
                    .nth(j)
            }
            Field::Vat => Some(&mut p.vat_rate),
            Field::Provisional => Some(&mut p.provisional_threshold),
            Field::Rounding => Some(&mut p.rounding_step),
            Field::RatioGood(r) => p.ratio_bands.get_mut(r).map(|b| &mut b.good),
            Field::RatioWatch(r) => p.ratio_bands.get_mut(r).map(|b| &mut b.watch),
            Field::Zone(i) => [
                &mut z.altman_z2_safe,
                &mut z.altman_z2_grey,
                &mut z.altman_z1_safe,
                &mut z.altman_z1_grey,
                &mut z.conan_holder_very_good,
                &mut z.conan_holder_good,
                &mut z.conan_holder_alert,
            ]
            .into_iter()
            .nth(i),
            Field::Terms(_) | Field::Review(_) | Field::Stale => None,
        }
    }

    /// Puts a parsed value in the policy.
    fn set(self, p: &mut Policy, v: Decimal) {
        let whole = v.to_u32();
        match (self, whole) {
            (Field::Terms(l), Some(n)) => {
                if let Some(l) = p.limits.get_mut(l) {
                    l.max_terms_days = n;
                }
            }
            (Field::Review(l), Some(n)) => {
                if let Some(l) = p.limits.get_mut(l) {
                    l.review_months = n;
                }
            }
            (Field::Stale, Some(n)) => p.stale_after_months = n,
            (Field::Terms(_) | Field::Review(_) | Field::Stale, None) => {}
            _ => {
                if let Some(slot) = self.slot(p) {
                    *slot = v;
                }
            }
        }
    }

    fn kind(self, p: &Policy) -> Kind {
        match self {
            Field::Bound(c, _) if Field::criterion(p, c).is_some_and(percent_criterion) => {
                Kind::Percent
            }
            Field::RatioGood(r) | Field::RatioWatch(r)
                if p.ratio_bands
                    .get(r)
                    .is_some_and(|b| b.ratio.unit() == Unit::Percent) =>
            {
                Kind::Percent
            }
            Field::Share(..) | Field::Vat | Field::Provisional => Kind::Percent,
            Field::Terms(_) | Field::Review(_) | Field::Stale => Kind::Whole,
            _ => Kind::Number,
        }
    }

    /// The place `policy_check` gives a problem of this field (or, for fields checked as a
    /// group, a place of their own that the group's problems never carry).
    fn path(self, p: &Policy) -> String {
        let key = |c: usize| Field::criterion(p, c).map(|c| c.key()).unwrap_or("?");
        let class = |l: usize| p.limits.get(l).map(|l| l.class.key()).unwrap_or("?");
        let ratio = |r: usize| p.ratio_bands.get(r).map(|b| b.ratio.key()).unwrap_or("?");
        match self {
            Field::Weight(c) => format!("criteria.{}.weight", key(c)),
            Field::Bound(c, i) => format!("criteria.{}.bands[{i}].bound", key(c)),
            Field::Points(c, i) => format!("criteria.{}.bands[{i}].points", key(c)),
            Field::Special(c) => format!("criteria.{}.special_points", key(c)),
            Field::Sector(c, j) => format!("criteria.{}.{}", key(c), SECTORS[j.min(2)]),
            Field::Threshold(j) => format!("classes.{}", THRESHOLDS[j.min(3)]),
            Field::Share(l, j) => format!("limits.{}.{}", class(l), SHARES[j.min(2)].0),
            Field::Terms(l) => format!("limits.{}.max_terms_days", class(l)),
            Field::Review(l) => format!("limits.{}.review_months", class(l)),
            Field::Vat => "vat_rate".into(),
            Field::Provisional => "provisional_threshold".into(),
            Field::Rounding => "rounding_step".into(),
            Field::Stale => "stale_after_months".into(),
            Field::RatioGood(r) => format!("ratio_bands.{}.good", ratio(r)),
            Field::RatioWatch(r) => format!("ratio_bands.{}.watch", ratio(r)),
            Field::Zone(i) => format!("zones.{}", ZONES[i.min(6)]),
        }
    }

    /// `data-testid` of the input.
    fn testid(self, p: &Policy) -> String {
        let key = |c: usize| Field::criterion(p, c).map(|c| c.key()).unwrap_or("?");
        let class = |l: usize| {
            p.limits
                .get(l)
                .map(|l| class_id(l.class))
                .unwrap_or_default()
        };
        let ratio = |r: usize| p.ratio_bands.get(r).map(|b| b.ratio.key()).unwrap_or("?");
        match self {
            Field::Weight(c) => format!("policy-weight-{}", key(c)),
            Field::Bound(c, i) => format!("policy-band-{}-{i}-bound", key(c)),
            Field::Points(c, i) => format!("policy-band-{}-{i}-points", key(c)),
            Field::Special(c) => format!("policy-special-{}", key(c)),
            Field::Sector(_, j) => format!("policy-sector-{}", SECTORS[j.min(2)]),
            Field::Threshold(j) => format!("policy-threshold-{}", THRESHOLDS[j.min(3)]),
            Field::Share(l, j) => format!("policy-limit-{}-{}", class(l), SHARES[j.min(2)].1),
            Field::Terms(l) => format!("policy-limit-{}-terms", class(l)),
            Field::Review(l) => format!("policy-limit-{}-review", class(l)),
            Field::Vat => "policy-vat".into(),
            Field::Provisional => "policy-provisional".into(),
            Field::Rounding => "policy-rounding".into(),
            Field::Stale => "policy-stale".into(),
            Field::RatioGood(r) => format!("policy-ratio-{}-good", ratio(r)),
            Field::RatioWatch(r) => format!("policy-ratio-{}-watch", ratio(r)),
            Field::Zone(i) => format!("policy-zone-{}", ZONES[i.min(6)]),
        }
    }

    /// The unit shown after the input.
    fn unit(self, p: &Policy, lang: Lang) -> &'static str {
        match self {
            _ if self.kind(p) == Kind::Percent => "%",
            Field::Bound(c, _) => Field::criterion(p, c)
                .map(|c| criterion_unit(c, lang))
                .unwrap_or(""),
            Field::RatioGood(r) | Field::RatioWatch(r) => p
                .ratio_bands
                .get(r)
                .map(|b| ratio_unit(b.ratio, lang))
                .unwrap_or(""),
            Field::Terms(_) => lang.pick("j", "days"),
            Field::Review(_) | Field::Stale => lang.pick("mois", "months"),
            Field::Rounding => "€",
            Field::Points(..) | Field::Special(_) | Field::Sector(..) => "pts",
            _ => "",
        }
    }
}

/// The text a field shows for a value: percentages ×100, the language's decimal mark.
fn show(kind: Kind, v: Decimal, lang: Lang) -> String {
    let v = match kind {
        // `figure::times`: one copy of the product in the wasm, not one inlined here.
        Kind::Percent => crate::domain::figure::times(v, Decimal::ONE_HUNDRED).unwrap_or(v),
        _ => v,
    };
    let s = v.normalize().to_string();
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// What was typed, as the value to store, or the message to show under the field.
fn parse(kind: Kind, text: &str, lang: Lang) -> Result<Decimal, String> {
    let fr = lang.is_fr();
    let missing = || {
        lang.pick("valeur requise", "a value is required")
            .to_string()
    };
    match kind {
        Kind::Whole => match parse_count(text) {
            Ok(Some(n)) => Ok(Decimal::from(n)),
            Ok(None) => Err(missing()),
            Err(e) => Err(e.message(fr)),
        },
        Kind::Percent | Kind::Number => {
            let t = text.trim();
            let t = if kind == Kind::Percent {
                t.trim_end_matches('%')
            } else {
                t
            };
            match parse_amount(t) {
                Ok(Some(v)) if kind == Kind::Percent => v
                    .checked_div(Decimal::ONE_HUNDRED)
                    .ok_or_else(|| lang.pick("valeur trop grande", "value too large").into()),
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(missing()),
                Err(e) => Err(e.message(fr)),
            }
        }
    }
}

/// A place of the policy in words ("Gearing, band 2, bound"), for labels and the list of
/// problems.
fn place_label(path: &str, lang: Lang) -> String {
    let fr = lang.is_fr();
    let mut parts = path.split('.');
    let head = parts.next().unwrap_or("");
    let second = parts.next();
    let third = parts.next();
    let fourth = parts.next();
    let join = |a: &str, b: String| {
        if b.is_empty() {
            a.to_string()
        } else {
            format!("{a}, {b}")
        }
    };
    match head {
        "criteria" => {
            let Some(key) = second else {
                return lang
                    .pick("Grille : total des poids", "Grid: total of the weights")
                    .into();
            };
            let name = CriterionId::ALL
                .iter()
                .find(|c| c.key() == key)
                .map(|c| c.label(fr))
                .unwrap_or(key);
            let what = match third.unwrap_or("") {
                "" | "bands" => String::new(),
                "weight" => lang.pick("poids", "weight").into(),
                "special_points" => lang.pick("cas particulier", "special case").into(),
                "low" => lang.pick("risque faible", "low risk").into(),
                "medium" => lang.pick("risque moyen", "medium risk").into(),
                "high" => lang.pick("risque élevé", "high risk").into(),
                band => {
                    let n = band
                        .trim_start_matches("bands[")
                        .trim_end_matches(']')
                        .parse::<usize>()
                        .map(|i| i + 1)
                        .unwrap_or(0);
                    let what = match fourth {
                        Some("bound") => lang.pick("borne", "bound"),
                        _ => lang.pick("points", "points"),
                    };
                    format!("{} {n}, {what}", lang.pick("tranche", "band"))
                }
            };
            join(name, what)
        }
        "classes" => {
            let base = lang.pick("Seuils des classes", "Class thresholds");
            join(base, second.unwrap_or("").to_ascii_uppercase())
        }
        "limits" => {
            let what = match third.unwrap_or("") {
                "tnw_share" => lang.pick(
                    "part de l'actif net tangible",
                    "share of tangible net worth",
                ),
                "revenue_share" => lang.pick("part du CA", "share of revenue"),
                "deposit_share" => lang.pick("acompte", "deposit"),
                "max_terms_days" => lang.pick("délai maximal", "longest terms"),
                "review_months" => lang.pick("révision", "review"),
                _ => "",
            };
            let class = format!("{} {}", lang.pick("Classe", "Class"), second.unwrap_or(""));
            join(&class, what.into())
        }
        "vat_rate" => lang.pick("Taux de TVA", "VAT rate").into(),
        "provisional_threshold" => lang
            .pick(
                "Seuil de notation provisoire",
                "Provisional rating threshold",
            )
            .into(),
        "rounding_step" => lang
            .pick("Pas d'arrondi de l'encours", "Limit rounding step")
            .into(),
        "stale_after_months" => lang
            .pick("Ancienneté maximale des comptes", "Statements stale after")
            .into(),
        "ratio_bands" => {
            let key = second.unwrap_or("");
            let name = RatioId::ALL
                .iter()
                .find(|r| r.key() == key)
                .map(|r| r.label(fr))
                .unwrap_or(key);
            let what = match third {
                Some("good") => lang.pick("seuil « bon »", "'good' bound"),
                Some("watch") => lang.pick("seuil « à surveiller »", "'watch' bound"),
                _ => "",
            };
            join(name, what.into())
        }
        "zones" => {
            let z = second.unwrap_or("");
            let name = if z.starts_with("altman_z2") {
                "Altman Z″"
            } else if z.starts_with("altman_z1") {
                "Altman Z′"
            } else {
                "Conan & Holder"
            };
            let what = match z.rsplit('_').next().unwrap_or("") {
                "safe" => lang.pick("zone saine", "safe zone"),
                "grey" => lang.pick("zone grise", "grey zone"),
                "good" if z.ends_with("very_good") => lang.pick("très bon", "very good"),
                "good" => lang.pick("bon", "good"),
                "alert" => lang.pick("alerte", "alert"),
                _ => "",
            };
            join(name, what.into())
        }
        _ => path.to_string(),
    }
}

/// Everything a field needs: the policy shown, its problems, and the fields whose text is not
/// a number.
#[derive(Clone, Copy)]
struct Editor {
    draft: RwSignal<Policy>,
    errors: Memo<Vec<PolicyError>>,
    bad: RwSignal<Vec<Field>>,
    readonly: bool,
    lang: Lang,
}

// The markup below is built from a few shapes reused everywhere (a field, a line, a table row,
// a section, a button, a message), each erased to `AnyView`: one copy of the rendering code per
// shape, not per criterion, class or ratio.

/// A button; `act` runs on a tap.
type Action = Rc<dyn Fn()>;

fn button(class: &'static str, testid: String, label: &'static str, act: Action) -> AnyView {
    button_if(class, testid, label, false, act)
}

/// A button, disabled when `off`.
fn button_if(
    class: &'static str,
    testid: String,
    label: &'static str,
    off: bool,
    act: Action,
) -> AnyView {
    view! {
        <button type="button" class=class data-testid=testid disabled=off on:click=move |_| act()>{label}</button>
    }
    .into_any()
}

/// Messages with their place (`policy-error`, `data-path`).
fn messages(items: Vec<(String, String)>) -> AnyView {
    items
        .into_iter()
        .map(|(path, m)| {
            view! { <span class="policy-error" role="alert" data-testid="policy-error" data-path=path>{m}</span> }
        })
        .collect_view()
        .into_any()
}

/// The problem alone, without its place (shown at the field).
fn problem_text(e: &PolicyError, lang: Lang) -> String {
    PolicyError {
        path: String::new(),
        problem: e.problem.clone(),
    }
    .message(lang.is_fr())
}

/// The problems whose place is exactly `path`.
fn problems_at(ed: Editor, path: &str) -> Vec<(String, String)> {
    ed.errors.with(|es| {
        es.iter()
            .filter(|e| e.path == path)
            .map(|e| (e.path.clone(), problem_text(e, ed.lang)))
            .collect()
    })
}

/// The problems of a group (the weights, the classes, a ratio…), where they show.
fn errors_at(ed: Editor, path: String) -> AnyView {
    (move || messages(problems_at(ed, &path))).into_any()
}

/// One number of the policy: what was typed stays on screen; a number goes to the draft at
/// once; anything else shows why and leaves the draft as it was.
fn num_field(ed: Editor, f: Field) -> AnyView {
    let lang = ed.lang;
    let (kind, value, path, testid, unit) = ed.draft.with_untracked(|p| {
        (
            f.kind(p),
            f.value(p),
            f.path(p),
            f.testid(p),
            f.unit(p, lang),
        )
    });
    let label = place_label(&path, lang);
    let initial = value.map(|v| show(kind, v, lang)).unwrap_or_default();
    let typo = RwSignal::new(None::<String>);
    let on_input = move |ev: leptos::ev::Event| match parse(kind, &event_target_value(&ev), lang) {
        Ok(v) => {
            typo.set(None);
            ed.bad.update(|b| b.retain(|x| *x != f));
            ed.draft.update(|p| f.set(p, v));
        }
        Err(m) => {
            typo.set(Some(m));
            ed.bad.update(|b| {
                if !b.contains(&f) {
                    b.push(f);
                }
            });
        }
    };
    let shown = move || {
        let mut all: Vec<(String, String)> =
            typo.get().map(|m| (path.clone(), m)).into_iter().collect();
        all.extend(problems_at(ed, &path));
        all
    };
    view! {
        <span class="pf">
            <span class="pf-box">
                <input
                    type="text"
                    class="pf-input"
                    inputmode=if kind == Kind::Whole { "numeric" } else { "decimal" }
                    autocomplete="off"
                    data-testid=testid
                    aria-label=label
                    aria-invalid={
                        let shown = shown.clone();
                        move || (!shown().is_empty()).to_string()
                    }
                    prop:value=initial
                    disabled=ed.readonly
                    on:input=on_input
                />
                <span class="pf-unit" aria-hidden="true">{unit}</span>
            </span>
            {move || messages(shown())}
        </span>
    }
    .into_any()
}

/// A checkbox of the policy.
fn check_field(
    ed: Editor,
    testid: String,
    label: String,
    get: fn(&Policy, usize) -> bool,
    set: fn(&mut Policy, usize, bool),
    at: usize,
) -> AnyView {
    let checked = ed.draft.with_untracked(|p| get(p, at));
    view! {
        <label class="check policy-check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=checked
                disabled=ed.readonly
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ed.draft.update(|p| set(p, at, on));
                }
            />
            <span>{label}</span>
        </label>
    }
    .into_any()
}

/// Text in a span of a class.
fn text(class: &'static str, s: String) -> AnyView {
    view! { <span class=class>{s}</span> }.into_any()
}

/// "≥" then a field.
fn prefixed(prefix: &'static str, field: AnyView) -> AnyView {
    view! { <span class="band-cmp" aria-hidden="true">{prefix}</span>{field} }.into_any()
}

/// A line of a band list: the condition, then the points.
fn band_line(cond: AnyView, points: AnyView) -> AnyView {
    view! {
        <li class="band-row">
            <span class="band-cond">{cond}</span>
            <span class="band-arrow" aria-hidden="true">"→"</span>
            {points}
        </li>
    }
    .into_any()
}

/// A labelled line of fields.
fn line(label: AnyView, fields: Vec<AnyView>) -> AnyView {
    view! { <div class="policy-row"><span class="policy-row-label">{label}</span>{fields}</div> }
        .into_any()
}

/// A table row: its header cell, then one cell per view.
fn row(
    id: &'static str,
    inactive: Option<Memo<bool>>,
    th: AnyView,
    cells: Vec<AnyView>,
) -> AnyView {
    let cells = cells
        .into_iter()
        .map(|c| view! { <td>{c}</td> })
        .collect_view();
    view! {
        <tr data-id=id class:inactive=move || inactive.is_some_and(|m| m.get())>
            <th scope="row">{th}</th>
            {cells}
        </tr>
    }
    .into_any()
}

/// A table with its column headers and rows.
fn table(head: Vec<&'static str>, rows: Vec<AnyView>, foot: AnyView) -> AnyView {
    let head = head
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table policy-table">
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
                <tfoot>{foot}</tfoot>
            </table>
        </div>
    }
    .into_any()
}

/// A section of the form: title, a note, its content.
fn section(
    class: &'static str,
    title: &'static str,
    note: &'static str,
    body: Vec<AnyView>,
) -> AnyView {
    view! {
        <section class=class>
            <h2>{title}</h2>
            <p class="muted small">{note}</p>
            {body}
        </section>
    }
    .into_any()
}

/// A class as a small badge (the letter; colour is never alone).
fn small_class(class: RiskClass) -> AnyView {
    view! {
        <span class=format!("class-badge class-{}", class.key())><span class="class-letter">{class.key()}</span></span>
    }
    .into_any()
}

/// The bands of one criterion ("≥ bound → points", "otherwise → points"), or the points of
/// each sector risk; then its special case.
fn band_editor(ed: Editor, c: usize) -> AnyView {
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
fn special_case(id: CriterionId, lang: Lang) -> &'static str {
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
fn grid_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let fr = lang.is_fr();
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
                    id.label(fr).to_string(),
                    |p, c| p.criteria.get(c).is_some_and(|c| c.active),
                    |p, c, on| {
                        if let Some(c) = p.criteria.get_mut(c) {
                            c.active = on
                        }
                    },
                    c,
                ),
                errors_at(ed, format!("criteria.{key}")),
                errors_at(ed, format!("criteria.{key}.bands")),
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
        vec![total_view, errors_at(ed, "criteria".into())],
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
fn classes_section(ed: Editor) -> AnyView {
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
    body.push(errors_at(ed, "classes".into()));
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
fn limits_section(ed: Editor) -> AnyView {
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
                errors_at(ed, format!("limits.{}", class.key())),
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
fn general_section(ed: Editor) -> AnyView {
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
fn ratios_section(ed: Editor) -> AnyView {
    let lang = ed.lang;
    let fr = lang.is_fr();
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
                text("", id.label(fr).into()),
                errors_at(ed, format!("ratio_bands.{}", id.key())),
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
        ("Altman Z″", 0..2, "zones.altman_z2"),
        ("Altman Z′", 2..4, "zones.altman_z1"),
        ("Conan & Holder", 4..7, "zones.conan_holder"),
    ]
    .into_iter()
    .map(|(name, range, path)| {
        let mut fields: Vec<AnyView> = range.map(|i| num_field(ed, Field::Zone(i))).collect();
        fields.push(errors_at(ed, path.into()));
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
fn policy_form(ed: Editor) -> AnyView {
    let sections = vec![
        grid_section(ed),
        classes_section(ed),
        limits_section(ed),
        general_section(ed),
        ratios_section(ed),
    ];
    view! { <div class="policy-form" class:readonly=ed.readonly>{sections}</div> }.into_any()
}

/// The files whose class or limit the draft changes.
fn preview_view(pv: &Preview, lang: Lang) -> AnyView {
    let fr = lang.is_fr();
    let n = pv.changes.len();
    let summary = if fr {
        format!(
            "{n} dossier(s) sur {} changent : {} de classe, {} d'encours recommandé.",
            pv.files, pv.class_changes, pv.limit_changes
        )
    } else {
        format!(
            "{n} file(s) of {} change: {} in class, {} in recommended limit.",
            pv.files, pv.class_changes, pv.limit_changes
        )
    };
    let items = pv
        .changes
        .iter()
        .map(|c| {
            let limit = if c.limit_changed() {
                format!(
                    "{} → {}",
                    format_amount(lang, c.old_limit),
                    format_amount(lang, c.new_limit)
                )
            } else {
                format!(
                    "{} ({})",
                    format_amount(lang, c.new_limit),
                    lang.pick("inchangé", "unchanged")
                )
            };
            view! {
                <li
                    class="preview-item"
                    data-testid="policy-preview-item"
                    data-id=c.id.clone()
                    data-old-class=c.old_class.key()
                    data-new-class=c.new_class.key()
                    data-old-limit=amount_value(Some(c.old_limit))
                    data-new-limit=amount_value(Some(c.new_limit))
                >
                    <span class="preview-name">{display_name(&c.name, fr)}</span>
                    <span class="preview-class">
                        {small_class(c.old_class)}
                        <span aria-hidden="true">" → "</span>
                        <span class="visually-hidden">{lang.pick(" devient ", " becomes ")}</span>
                        {small_class(c.new_class)}
                    </span>
                    <span class="preview-limit">{limit}</span>
                </li>
            }
        })
        .collect_view();
    let list = view! { <ul class="preview-list" data-testid="policy-preview-list">{items}</ul> }
        .into_any();
    vec![
        notice(
            "preview-count",
            "policy-preview-count",
            n.to_string(),
            text("", summary),
            Vec::new(),
        ),
        list,
    ]
    .into_any()
}

/// "Version 3 · 12/03/2026" or "Version 1 · politique par défaut".
fn version_title(p: &Policy, lang: Lang) -> String {
    let date = p
        .created_on
        .map(|d| format_date(lang, d))
        .unwrap_or_else(|| {
            lang.pick("politique par défaut", "default policy")
                .to_string()
        });
    format!("{} {} · {date}", lang.pick("Version", "Version"), p.version)
}

/// A message box: its class, test id, `data-value`, text and buttons.
fn notice(
    class: &'static str,
    testid: &'static str,
    value: String,
    body: AnyView,
    actions: Vec<AnyView>,
) -> AnyView {
    view! {
        <div class=class role="status" data-testid=testid data-value=value>
            <span>{body}</span>
            <span class="policy-actions">{actions}</span>
        </div>
    }
    .into_any()
}

/// The message of the last action (save, revert, reset, import): its test id, `data-value`,
/// whether it went well, and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    testid: &'static str,
    value: String,
    ok: bool,
    text: Bilingual,
}

/// The problems of a refused policy file, each with its place (at most 6, then how many more).
fn problems_text(errors: &[PolicyError], french: bool) -> String {
    let mut parts: Vec<String> = errors.iter().take(6).map(|e| e.message(french)).collect();
    if errors.len() > 6 {
        parts.push(if french {
            format!("et {} autre(s)", errors.len() - 6)
        } else {
            format!("and {} more", errors.len() - 6)
        });
    }
    parts.join(" ; ")
}

/// The policy screen.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let draft = RwSignal::new(state.policy.get_untracked());
    // The version the draft started from: when the policy in force changes under an untouched
    // draft (a revert, another tab), the draft follows it.
    let base = RwSignal::new(state.policy.get_untracked());
    // Flips when the draft is replaced, so that the form is drawn anew.
    let generation = RwSignal::new(false);
    let bad = RwSignal::new(Vec::<Field>::new());
    let errors = crate::ui::components::memo(move || draft.with(validate));
    let preview_of = RwSignal::new(None::<(Policy, Preview)>);
    let fresh = crate::ui::components::memo(move || {
        preview_of.with(|pv| pv.as_ref().is_some_and(|(p, _)| draft.with(|d| d == p)))
    });
    let comment = RwSignal::new(String::new());
    let note = RwSignal::new(None::<Note>);
    // The version shown read-only, if any.
    let viewing = RwSignal::new(None::<usize>);
    let confirm_reset = RwSignal::new(false);

    let dirty = crate::ui::components::memo(move || {
        state.policy.with(|cur| draft.with(|d| !same_rules(d, cur)))
    });
    let valid =
        crate::ui::components::memo(move || errors.with(Vec::is_empty) && bad.with(Vec::is_empty));

    let replace_draft = move |p: Policy| {
        draft.set(p);
        bad.set(Vec::new());
        generation.update(|g| *g = !*g);
    };
    crate::ui::components::effect(move || {
        let cur = state.policy.get();
        if base.with_untracked(|b| *b != cur) {
            if base.with_untracked(|b| draft.with_untracked(|d| same_rules(d, b))) {
                replace_draft(cur.clone());
            }
            base.set(cur);
        }
    });

    let run_preview = move || {
        let d = draft.get_untracked();
        let r = state.files.with_untracked(|fs| {
            state
                .policy
                .with_untracked(|cur| preview(fs, cur, &d, state.today.get_untracked()))
        });
        preview_of.set(r.ok().map(|pv| (d, pv)));
    };

    let done = move |r: Result<u32, HistoryError>| {
        if r.is_ok() {
            viewing.set(None);
            comment.set(String::new());
            preview_of.set(None);
        }
        note.set(Some(match r {
            Ok(v) => Note {
                testid: "policy-saved",
                value: v.to_string(),
                ok: true,
                text: Bilingual::new(
                    format!("Version {v} enregistrée : c'est la politique en vigueur."),
                    format!("Version {v} saved: it is the policy in force."),
                ),
            },
            Err(e) => Note {
                testid: "policy-save-error",
                value: String::new(),
                ok: false,
                text: Bilingual::new(e.message(true), e.message(false)),
            },
        }));
    };
    let save = move || {
        if valid.get_untracked() && fresh.get_untracked() {
            done(state.save_policy(draft.get_untracked(), &comment.get_untracked()));
            // The draft is the version saved; its fields keep what was typed.
            draft.set(state.policy.get_untracked());
        }
    };
    let revert = move |v: u32| {
        let comment = if lang.get_untracked().is_fr() {
            format!("Retour à la version {v}")
        } else {
            format!("Back to version {v}")
        };
        done(state.revert_policy(v, &comment));
    };
    let reset = move || {
        confirm_reset.set(false);
        let comment = lang.get_untracked().pick(
            "Retour à la politique par défaut",
            "Back to the default policy",
        );
        done(state.reset_policy(comment));
    };
    let export = move || {
        let p = state.policy.get_untracked();
        let name = export_filename(&format!("politique v{}", p.version));
        let _ = download(&name, "application/json", &policy_to_json(&p));
    };

    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        note.set(None);
        read_picked_file(&input, move |r| {
            let (ok, text) = match r {
                Err(e) => (false, Bilingual::new(e.message(true), e.message(false))),
                Ok((name, text)) => match read_policy_json(&text) {
                    Err(errs) => (
                        false,
                        Bilingual::new(
                            format!(
                                "Fichier refusé (« {name} ») — {}. Rien n'a été modifié.",
                                problems_text(&errs, true)
                            ),
                            format!(
                                "File refused (“{name}”) — {}. Nothing was changed.",
                                problems_text(&errs, false)
                            ),
                        ),
                    ),
                    Ok(p) if state.policy.with_untracked(|cur| same_rules(cur, &p)) => (
                        true,
                        Bilingual::new(
                            format!("« {name} » a les règles de la politique en vigueur : rien à enregistrer."),
                            format!("“{name}” has the rules of the policy in force: nothing to save."),
                        ),
                    ),
                    Ok(p) => {
                        viewing.set(None);
                        replace_draft(p);
                        comment.set(if lang.get_untracked().is_fr() {
                            format!("Importée de « {name} »")
                        } else {
                            format!("Imported from “{name}”")
                        });
                        run_preview();
                        (
                            true,
                            Bilingual::new(
                                format!("« {name} » est chargé dans le brouillon : vérifiez l'aperçu, puis enregistrez."),
                                format!("“{name}” is loaded into the draft: check the preview, then save."),
                            ),
                        )
                    }
                },
            };
            note.set(Some(Note {
                testid: if ok {
                    "policy-import-ok"
                } else {
                    "policy-import-error"
                },
                value: String::new(),
                ok,
                text,
            }));
        });
    };

    let head = move || {
        let l = lang.get();
        let (version, title) = state.policy.with(|p| (p.version, version_title(p, l)));
        view! {
            <div class="page-head policy-head">
                <div>
                    <h1 class="page-title">{l.pick("Politique de crédit", "Credit policy")}</h1>
                    <p class="muted">
                        <span data-testid="policy-version" data-value=version.to_string()>{title}</span>
                        {l.pick(" — en vigueur.", " — in force.")}
                    </p>
                </div>
                <div class="policy-actions">
                    {button("btn", "policy-export".into(), l.pick("⤒ Exporter la politique", "⤒ Export the policy"), Rc::new(export))}
                    <label class="btn file-btn">
                        <input type="file" class="visually-hidden" accept=".json,application/json" data-testid="policy-import-file" on:change=import/>
                        {l.pick("⤓ Importer une politique", "⤓ Import a policy")}
                    </label>
                    {button("btn btn-ghost", "policy-reset".into(), l.pick("Politique par défaut…", "Default policy…"), Rc::new(move || confirm_reset.set(true)))}
                </div>
            </div>
        }
        .into_any()
    };

    // Confirmations and messages of the page's actions.
    let notices = move || {
        let l = lang.get();
        let fr = l.is_fr();
        let mut out: Vec<AnyView> = Vec::new();
        if confirm_reset.get() {
            out.push(notice(
                "alert policy-confirm",
                "policy-reset-dialog",
                String::new(),
                text("", l.pick(
                    "Revenir aux valeurs par défaut de la politique ? Elles seront enregistrées comme une nouvelle version ; les versions actuelles restent consultables.",
                    "Go back to the policy's default values? They will be saved as a new version; the current versions stay readable.",
                ).into()),
                vec![
                    button("btn btn-primary", "policy-reset-confirm".into(), l.pick("Rétablir les valeurs par défaut", "Restore the defaults"), Rc::new(reset)),
                    button("btn", "policy-reset-cancel".into(), l.pick("Annuler", "Cancel"), Rc::new(move || confirm_reset.set(false))),
                ],
            ));
        }
        if let Some(n) = note.get() {
            out.push(notice(
                if n.ok {
                    "alert alert-ok"
                } else {
                    "alert alert-error"
                },
                n.testid,
                n.value,
                text("", n.text.get(fr).to_string()),
                vec![button(
                    "btn-icon btn-close",
                    "policy-note-close".into(),
                    "",
                    Rc::new(move || note.set(None)),
                )],
            ));
        }
        let n = state.policy.with(|p| {
            state
                .files
                .with(|fs| fs.iter().filter(|f| needs_rerate(f, p)).count())
        });
        if n > 0 {
            out.push(notice(
                "alert policy-outdated",
                "policy-outdated",
                n.to_string(),
                text("", if fr {
                    format!("{n} dossier(s) gardent une notation faite avec une autre version de la politique.")
                } else {
                    format!("{n} file(s) keep a rating made with another version of the policy.")
                }),
                vec![button("btn", "policy-rerate-all".into(), l.pick("Re-noter tous les dossiers", "Re-rate every file"), Rc::new(move || {
                    state.rerate_all();
                }))],
            ));
        }
        out
    };

    // The editor, drawn again when the draft is replaced or the language changes (what was
    // typed is kept otherwise); or an earlier version, read-only.
    let main = move || {
        let l = lang.get();
        match viewing.get() {
            // A replaced draft gets new fields, not fields patched in place: a field keeps the
            // text typed into it, which a new value must not leave behind.
            None => {
                let form = policy_form(Editor {
                    draft,
                    errors,
                    bad,
                    readonly: false,
                    lang: l,
                });
                if generation.get() {
                    Either::<AnyView, AnyView>::Left(form).into_any()
                } else {
                    Either::<AnyView, AnyView>::Right(form).into_any()
                }
            }
            Some(v) => {
                let v = v as u32;
                let Some(p) = state.history.with(|h| h.get(v).cloned()) else {
                    return ().into_any();
                };
                let is_current = state.policy.with(|c| c.version == v);
                let mut body = version_title(&p, l);
                body.push_str(l.pick(" — consultation seule. ", " — read only. "));
                body.push_str(&p.comment);
                let mut actions = Vec::new();
                if !is_current {
                    actions.push(button(
                        "btn",
                        "policy-view-revert".into(),
                        l.pick("Revenir à cette version", "Go back to this version"),
                        Rc::new(move || revert(v)),
                    ));
                }
                actions.push(button(
                    "btn btn-primary",
                    "policy-view-close".into(),
                    l.pick("Retour au brouillon", "Back to the draft"),
                    Rc::new(move || viewing.set(None)),
                ));
                let banner = notice(
                    "alert policy-viewing",
                    "policy-viewing",
                    v.to_string(),
                    text("", body),
                    actions,
                );
                let form = policy_form(Editor {
                    draft: RwSignal::new(p),
                    errors: Memo::new(|_| Vec::new()),
                    bad: RwSignal::new(Vec::new()),
                    readonly: true,
                    lang: l,
                });
                vec![banner, form].into_any()
            }
        }
    };

    // Problems, preview, comment and save; drawn again when one of them changes.
    let save_card = move || {
        if viewing.get().is_some() {
            return ().into_any();
        }
        let l = lang.get();
        let fr = l.is_fr();
        let (is_dirty, is_valid, is_fresh) = (dirty.get(), valid.get(), fresh.get());
        let status = match (is_dirty, is_valid, is_fresh) {
            (false, _, _) => l.pick(
                "Le brouillon est la politique en vigueur : modifiez une valeur pour créer une version.",
                "The draft is the policy in force: change a value to make a version.",
            ),
            (true, false, _) => l.pick("Corrigez les problèmes ci-dessous pour continuer.", "Fix the problems below to go on."),
            (true, true, false) => l.pick("Prévisualisez l'effet sur le portefeuille avant d'enregistrer.", "Preview the effect on the portfolio before saving."),
            (true, true, true) => l.pick("Vérifiez l'aperçu, puis enregistrez.", "Check the preview, then save."),
        };
        let n = errors.with(Vec::len) + bad.with(Vec::len);
        let problems = (n > 0).then(|| {
            let mut items: Vec<(String, String)> = errors.with(|es| {
                es.iter()
                    .map(|e| {
                        (
                            e.path.clone(),
                            format!("{} : {}", place_label(&e.path, l), problem_text(e, l)),
                        )
                    })
                    .collect()
            });
            if bad.with(|b| !b.is_empty()) {
                items.push((
                    String::new(),
                    l.pick(
                        "des champs ne contiennent pas un nombre",
                        "some fields do not hold a number",
                    )
                    .into(),
                ));
            }
            let title = if fr {
                format!("{n} problème(s) à corriger avant d'enregistrer :")
            } else {
                format!("{n} problem(s) to fix before saving:")
            };
            let mut lines = vec![text("problems-title", title)];
            lines.extend(items.into_iter().map(|(_, m)| text("problem-item", m)));
            notice(
                "alert alert-error policy-problems",
                "policy-problems",
                n.to_string(),
                lines.into_any(),
                Vec::new(),
            )
        });
        let preview_list = is_fresh
            .then(|| preview_of.with(|pv| pv.as_ref().map(|(_, pv)| preview_view(pv, l))))
            .flatten();
        let preview_button = button_if(
            "btn",
            "policy-preview".into(),
            l.pick(
                "Prévisualiser l'effet sur le portefeuille",
                "Preview the effect on the portfolio",
            ),
            !is_valid,
            Rc::new(run_preview),
        );
        let save_button = button_if(
            "btn btn-primary",
            "policy-save".into(),
            l.pick("Enregistrer la version", "Save the version"),
            !(is_dirty && is_valid && is_fresh),
            Rc::new(save),
        );
        let comment_field = view! {
            <label class="policy-comment">
                <span>{l.pick("Commentaire (facultatif)", "Comment (optional)")}</span>
                <input type="text" data-testid="policy-comment" maxlength="300" prop:value=comment.get_untracked() on:input=move |ev| comment.set(event_target_value(&ev))/>
            </label>
        }
        .into_any();
        let mut body: Vec<AnyView> = problems.into_iter().collect();
        body.push(preview_button);
        body.extend(preview_list);
        body.push(comment_field);
        body.push(save_button);
        section(
            "card policy-save",
            l.pick("Enregistrer une nouvelle version", "Save a new version"),
            status,
            body,
        )
    };

    let versions = move || {
        let l = lang.get();
        let current = state.policy.with(|p| p.version);
        let items = state.history.with(|h| {
            h.versions()
                .rev()
                .map(|p| {
                    let v = p.version;
                    let is_current = v == current;
                    let mut actions = vec![button("btn btn-ghost", format!("policy-view-{v}"), l.pick("Consulter", "View"), Rc::new(move || viewing.set(Some(v as usize))))];
                    if !is_current {
                        actions.push(button("btn", format!("policy-revert-{v}"), l.pick("Revenir à cette version", "Go back to this version"), Rc::new(move || revert(v))));
                    }
                    let mut what = version_title(p, l);
                    if is_current {
                        what.push_str(l.pick(" · en vigueur", " · in force"));
                    }
                    view! {
                        <li class="version-item" class:current=is_current data-testid="policy-version-item" data-version=v.to_string()>
                            <span class="version-what">
                                <strong>{what}</strong>
                                <span class="muted version-comment">{p.comment.clone()}</span>
                            </span>
                            <span class="policy-actions">{actions}</span>
                        </li>
                    }
                })
                .collect_view()
        });
        section(
            "card policy-section",
            l.pick("Versions", "Versions"),
            l.pick(
                "Chaque enregistrement crée une version ; revenir à une version l'enregistre de nouveau, sans effacer l'historique.",
                "Each save makes a version; going back to a version saves it again, without erasing the history.",
            ),
            vec![view! { <ol class="version-list" data-testid="policy-versions">{items}</ol> }.into_any()],
        )
    };

    view! {
        <section class="page policy-page" data-testid="policy-page">
            {head}
            {notices}
            {main}
            {save_card}
            {versions}
        </section>
    }
}
