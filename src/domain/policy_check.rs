//! Validation of a credit policy: an invalid policy cannot be saved or imported.
//!
//! Each problem names the place it was found, a typed [`Place`] written as the policy's JSON path
//! (`criteria.gearing.bands[2].bound`), so the policy editor can show it at the field and an
//! import can show it in its message.

use crate::domain::lang::Lang;
use rust_decimal::Decimal;

use super::ids::{CriterionId, RatioId, RiskClass};
use super::legal::LEGAL_MAX_NET_DAYS;
use super::policy::{Direction, Policy, Scale};
pub use super::policy_place::Place;
use super::policy_place::{
    BandPart, CriterionPart as C, LimitPart, RatioPart, ReceivablesPart, ScoreZonesOf, SectorColumn,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyProblem {
    /// The active weights do not sum to 100 (their sum is given).
    WeightsSum(Decimal),
    /// A weight below 0 or above 100.
    WeightRange,
    /// Points outside 0–100.
    PointsRange,
    /// A share (percentage) outside 0–100 %.
    ShareRange,
    /// A criterion has no band.
    NoBand,
    /// Only the last band may be open-ended, and it must be.
    LastBandOpen,
    /// Bounds are not strictly ordered from the best band to the worst.
    BandsOrder,
    /// Class thresholds must decrease from A to D, within 0–100.
    ClassThresholds,
    /// Good and watch bounds of a ratio in the wrong order.
    RatioBandsOrder,
    /// Zones of a failure score in the wrong order.
    ZonesOrder,
    /// Terms longer than the legal maximum of 60 days.
    TermsBeyondLegal,
    /// Months out of 1–120.
    MonthsRange,
    /// The rounding step must be at least one cent.
    RoundingStep,
    /// Something appears twice (a criterion, a class, a ratio).
    Duplicate,
    /// A class has no limit rules.
    MissingClass(RiskClass),
    /// A receivable account prefix that is empty, not digits, or one of the FEC's other
    /// accounts (413, 416, classes 5 and 7).
    ReceivablePrefix,
    /// The aged balance's bounds must be at least 1 day and strictly increase.
    AgedBounds,
    /// At least one paid invoice must be measured.
    MinInvoices,
    /// A problem of the late-payment penalty rules (its own place inside them, its message).
    Penalty(crate::domain::receivables::penalties::RateProblem),
    /// A problem of the dunning plan (its own place inside it, its message).
    Dunning(crate::domain::receivables::dunning::DunningProblem),
    /// The JSON is not a policy (serde's message).
    NotAPolicy(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub place: Place,
    pub problem: PolicyProblem,
}

impl PolicyError {
    pub fn new(place: Place, problem: PolicyProblem) -> Self {
        Self { place, problem }
    }

    /// The place as the policy's JSON path (`criteria.gearing.weight`; empty for the whole).
    pub fn path(&self) -> String {
        self.place.to_string()
    }

    /// The message, in French or English, without its place (shown at the field).
    pub fn problem_message(&self, lang: Lang) -> String {
        PolicyError::new(Place::Whole, self.problem.clone()).message(lang)
    }

    /// The message, in French or English, with its place.
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        use PolicyProblem as P;
        let what = match (&self.problem, french) {
            (P::WeightsSum(s), true) => format!("les poids des critères actifs font {s}, ils doivent faire 100"),
            (P::WeightsSum(s), false) => format!("the active criteria's weights add up to {s}; they must add up to 100"),
            (P::WeightRange, true) => "un poids doit être compris entre 0 et 100".into(),
            (P::WeightRange, false) => "a weight must be between 0 and 100".into(),
            (P::PointsRange, true) => "les points doivent être compris entre 0 et 100".into(),
            (P::PointsRange, false) => "points must be between 0 and 100".into(),
            (P::ShareRange, true) => "un pourcentage doit être compris entre 0 et 100 %".into(),
            (P::ShareRange, false) => "a percentage must be between 0 and 100 %".into(),
            (P::NoBand, true) => "le critère n'a aucune tranche".into(),
            (P::NoBand, false) => "the criterion has no band".into(),
            (P::LastBandOpen, true) => "seule la dernière tranche est sans borne, et elle doit l'être".into(),
            (P::LastBandOpen, false) => "only the last band is open-ended, and it must be".into(),
            (P::BandsOrder, true) => "les bornes doivent aller de la meilleure tranche à la moins bonne, sans se chevaucher".into(),
            (P::BandsOrder, false) => "bounds must run from the best band to the worst, with no overlap".into(),
            (P::ClassThresholds, true) => "les seuils des classes doivent décroître de A à D, entre 0 et 100".into(),
            (P::ClassThresholds, false) => "class thresholds must decrease from A to D, within 0–100".into(),
            (P::RatioBandsOrder, true) => "la borne « bon » doit être meilleure que la borne « à surveiller »".into(),
            (P::RatioBandsOrder, false) => "the 'good' bound must be better than the 'watch' bound".into(),
            (P::ZonesOrder, true) => "les zones du score doivent être dans l'ordre".into(),
            (P::ZonesOrder, false) => "the score's zones must be in order".into(),
            (P::TermsBeyondLegal, true) => format!("au-delà du délai légal de {LEGAL_MAX_NET_DAYS} jours"),
            (P::TermsBeyondLegal, false) => format!("beyond the legal maximum of {LEGAL_MAX_NET_DAYS} days"),
            (P::MonthsRange, true) => "un nombre de mois doit être compris entre 1 et 120".into(),
            (P::MonthsRange, false) => "months must be between 1 and 120".into(),
            (P::RoundingStep, true) => "le pas d'arrondi doit être d'au moins 0,01 €".into(),
            (P::RoundingStep, false) => "the rounding step must be at least €0.01".into(),
            (P::Duplicate, true) => "figure deux fois".into(),
            (P::Duplicate, false) => "appears twice".into(),
            (P::MissingClass(c), true) => format!("aucune règle de limite pour la classe {}", c.key()),
            (P::MissingClass(c), false) => format!("no limit rules for class {}", c.key()),
            (P::ReceivablePrefix, true) => "un préfixe de compte client est fait de chiffres et ne commence ni par 413, ni par 416, ni par 5 ou 7".into(),
            (P::ReceivablePrefix, false) => "a customer account prefix is made of digits and starts with none of 413, 416, 5 or 7".into(),
            (P::AgedBounds, true) => "les bornes de la balance âgée doivent croître, à partir d'un jour".into(),
            (P::AgedBounds, false) => "the aged balance's bounds must increase, from one day".into(),
            (P::MinInvoices, true) => "il faut mesurer au moins une facture payée".into(),
            (P::MinInvoices, false) => "at least one paid invoice must be measured".into(),
            (P::Penalty(r), _) => format!("{} : {}", r.path(), r.message(lang)),
            (P::Dunning(d), _) => format!("{} : {}", d.path(), d.message(lang)),
            (P::NotAPolicy(m), true) => format!("ce n'est pas une politique de crédit Encours ({m})"),
            (P::NotAPolicy(m), false) => format!("not an Encours credit policy ({m})"),
        };
        match self.place {
            Place::Whole => what,
            place => format!("{place} : {what}"),
        }
    }
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

fn points_ok(p: Decimal) -> bool {
    (Decimal::ZERO..=HUNDRED).contains(&p)
}

fn share_ok(s: Decimal) -> bool {
    (Decimal::ZERO..=Decimal::ONE).contains(&s)
}

/// A set of the small enums below as bits: no hash set (three of them cost their own hashing
/// code in the wasm).
const _: () = assert!(CriterionId::ALL.len() <= 64 && RatioId::ALL.len() <= 64);

/// Adds `bit` to `seen`; false when it was there already.
fn first_time(seen: &mut u64, bit: u32) -> bool {
    let mask = 1u64 << bit;
    let new = *seen & mask == 0;
    *seen |= mask;
    new
}

/// Every problem of a policy; empty when it is valid.
pub fn validate(p: &Policy) -> Vec<PolicyError> {
    let mut out = Vec::new();
    let mut push = |place: Place, problem| out.push(PolicyError::new(place, problem));

    if !share_ok(p.vat_rate) {
        push(Place::VatRate, PolicyProblem::ShareRange);
    }
    if !share_ok(p.provisional_threshold) {
        push(Place::ProvisionalThreshold, PolicyProblem::ShareRange);
    }

    let mut seen = 0u64;
    for c in &p.criteria {
        let at = |part| Place::Criterion(c.id, part);
        if !first_time(&mut seen, c.id as u32) {
            push(at(C::Whole), PolicyProblem::Duplicate);
        }
        if !points_ok(c.weight) {
            push(at(C::Weight), PolicyProblem::WeightRange);
        }
        if let Some(sp) = c.special_points {
            if !points_ok(sp) {
                push(at(C::Special), PolicyProblem::PointsRange);
            }
        }
        match &c.scale {
            Scale::Bands { direction, bands } => {
                if bands.is_empty() {
                    push(at(C::Bands), PolicyProblem::NoBand);
                }
                let last = bands.len().saturating_sub(1);
                let mut previous: Option<Decimal> = None;
                for (i, b) in bands.iter().enumerate() {
                    if !points_ok(b.points) {
                        push(at(C::Band(i, BandPart::Points)), PolicyProblem::PointsRange);
                    }
                    let bound_at = at(C::Band(i, BandPart::Bound));
                    match (b.bound, i == last) {
                        (None, true) => {}
                        (None, false) | (Some(_), true) => {
                            push(bound_at, PolicyProblem::LastBandOpen)
                        }
                        (Some(bound), false) => {
                            if let Some(prev) = previous {
                                let ordered = match direction {
                                    Direction::HigherIsBetter => bound < prev,
                                    Direction::LowerIsBetter => bound > prev,
                                };
                                if !ordered {
                                    push(bound_at, PolicyProblem::BandsOrder);
                                }
                            }
                            previous = Some(bound);
                        }
                    }
                }
            }
            Scale::Sector { low, medium, high } => {
                for (column, v) in SectorColumn::ALL.into_iter().zip([low, medium, high]) {
                    if !points_ok(*v) {
                        push(at(C::Sector(column)), PolicyProblem::PointsRange);
                    }
                }
            }
        }
    }
    let total = p.total_weight();
    if total != HUNDRED {
        push(
            Place::Criteria,
            PolicyProblem::WeightsSum(total.normalize()),
        );
    }

    let t = &p.classes;
    let in_range = [t.a, t.b, t.c, t.d].iter().all(|v| points_ok(*v));
    if !(in_range && t.a > t.b && t.b > t.c && t.c > t.d) {
        push(Place::Classes, PolicyProblem::ClassThresholds);
    }

    let mut classes = 0u64;
    for l in &p.limits {
        let at = |part| Place::Limits(l.class, part);
        if !first_time(&mut classes, l.class as u32) {
            push(at(LimitPart::Whole), PolicyProblem::Duplicate);
        }
        for (part, v) in
            LimitPart::SHARES
                .into_iter()
                .zip([l.tnw_share, l.revenue_share, l.deposit_share])
        {
            if !share_ok(v) {
                push(at(part), PolicyProblem::ShareRange);
            }
        }
        if l.max_terms_days > LEGAL_MAX_NET_DAYS {
            push(at(LimitPart::MaxTermsDays), PolicyProblem::TermsBeyondLegal);
        }
        if !(1..=120).contains(&l.review_months) {
            push(at(LimitPart::ReviewMonths), PolicyProblem::MonthsRange);
        }
    }
    for c in RiskClass::ALL {
        if classes & (1 << c as u32) == 0 {
            push(
                Place::Limits(c, LimitPart::Whole),
                PolicyProblem::MissingClass(c),
            );
        }
    }
    if p.rounding_step < Decimal::new(1, 2) {
        push(Place::RoundingStep, PolicyProblem::RoundingStep);
    }
    if !(1..=120).contains(&p.stale_after_months) {
        push(Place::StaleAfterMonths, PolicyProblem::MonthsRange);
    }

    let r = &p.receivables;
    let prefix_ok = |x: &String| {
        !x.is_empty()
            && x.bytes().all(|b| b.is_ascii_digit())
            && !crate::domain::receivables::fec::forbidden_prefix(x)
    };
    if r.receivable_prefixes.is_empty() || !r.receivable_prefixes.iter().all(prefix_ok) {
        push(
            Place::Receivables(ReceivablesPart::Prefixes),
            PolicyProblem::ReceivablePrefix,
        );
    }
    for (i, pair) in r.aged_bounds.windows(2).enumerate() {
        if pair[0] >= pair[1] {
            push(
                Place::Receivables(ReceivablesPart::AgedBound(i + 1)),
                PolicyProblem::AgedBounds,
            );
        }
    }
    if r.aged_bounds[0] == 0 {
        push(
            Place::Receivables(ReceivablesPart::AgedBound(0)),
            PolicyProblem::AgedBounds,
        );
    }
    for problem in crate::domain::receivables::penalties::check_rules(&r.penalties) {
        push(
            Place::Receivables(ReceivablesPart::Penalties),
            PolicyProblem::Penalty(problem),
        );
    }
    for problem in crate::domain::receivables::dunning::check_rules(&r.dunning) {
        push(
            Place::Receivables(ReceivablesPart::Dunning),
            PolicyProblem::Dunning(problem),
        );
    }
    if r.min_measured_invoices == 0 {
        push(
            Place::Receivables(ReceivablesPart::MinInvoices),
            PolicyProblem::MinInvoices,
        );
    }

    let mut ratios = 0u64;
    for b in &p.ratio_bands {
        let at = Place::RatioBands(b.ratio, RatioPart::Whole);
        if !first_time(&mut ratios, b.ratio as u32) {
            push(at, PolicyProblem::Duplicate);
        }
        let ordered = match b.direction {
            Direction::HigherIsBetter => b.good >= b.watch,
            Direction::LowerIsBetter => b.good <= b.watch,
        };
        if !ordered {
            push(at, PolicyProblem::RatioBandsOrder);
        }
    }

    let z = &p.zones;
    if z.altman_z2_safe < z.altman_z2_grey {
        push(
            Place::Zones(ScoreZonesOf::AltmanZ2),
            PolicyProblem::ZonesOrder,
        );
    }
    if z.altman_z1_safe < z.altman_z1_grey {
        push(
            Place::Zones(ScoreZonesOf::AltmanZ1),
            PolicyProblem::ZonesOrder,
        );
    }
    if !(z.conan_holder_very_good >= z.conan_holder_good
        && z.conan_holder_good >= z.conan_holder_alert)
    {
        push(
            Place::Zones(ScoreZonesOf::ConanHolder),
            PolicyProblem::ZonesOrder,
        );
    }
    out
}

/// The policy as JSON, for export.
pub fn policy_to_json(p: &Policy) -> String {
    serde_json::to_string_pretty(p).unwrap_or_default()
}
