//! One number of the policy, addressed by its place in the policy's lists ([`Field`]): its
//! value, how it is typed and shown, its unit, its test id and its typed [`Place`].

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::domain::grid::{CriterionId, RiskClass};
use crate::domain::parse::{parse_amount, parse_count};
use crate::domain::policy::{Policy, Scale};
use crate::domain::policy_place::{
    BandPart, CriterionPart, LimitPart, Place, RatioPart, ReceivablesPart, SectorColumn, Threshold,
    Zone,
};
use crate::domain::ratios::{RatioId, Unit};
use crate::ui::Lang;

/// One number of the policy, by its place in the policy's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
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
    /// Index in [`Zone::ALL`].
    Zone(usize),
    /// The aged balance's bound 0, 1 or 2 (days past due).
    AgedBound(usize),
    /// Paid invoices from which the measured delay feeds the grid.
    MinInvoices,
}

/// How a field is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A fraction typed as a percentage.
    Percent,
    Number,
    /// A whole number (days, months).
    Whole,
}

/// The test-id suffixes of a class's three shares, in [`LimitPart::SHARES`] order.
pub(super) const SHARE_IDS: [&str; 3] = ["tnw", "revenue", "deposit"];

/// Criteria whose bounds are fractions (shown as percentages).
pub(super) fn percent_criterion(id: CriterionId) -> bool {
    use CriterionId as C;
    matches!(
        id,
        C::EquityRatio | C::NetMargin | C::FinancialChargesWeight | C::RevenueGrowth
    )
}

/// The unit after a criterion's bounds.
pub(super) fn criterion_unit(id: CriterionId, lang: Lang) -> &'static str {
    use CriterionId as C;
    match id {
        C::EquityRatio | C::NetMargin | C::FinancialChargesWeight | C::RevenueGrowth => "%",
        C::Gearing | C::CurrentRatio => "×",
        C::RepaymentCapacity | C::CompanyAge => lang.pick("ans", "yrs"),
        C::DpoDays | C::PaymentHistory => lang.pick("j", "days"),
        _ => "",
    }
}

pub(super) fn ratio_unit(id: RatioId, lang: Lang) -> &'static str {
    match id.unit() {
        Unit::Percent => "%",
        Unit::Times => "×",
        Unit::Years => lang.pick("ans", "yrs"),
        Unit::Days => lang.pick("j", "days"),
    }
}

pub(super) fn class_id(class: RiskClass) -> String {
    class.key().to_ascii_lowercase()
}

impl Field {
    pub(super) fn criterion(p: &Policy, c: usize) -> Option<CriterionId> {
        p.criteria.get(c).map(|c| c.id)
    }

    /// The value in the policy (`None` when the place does not exist, or the open last band).
    pub(super) fn value(self, p: &Policy) -> Option<Decimal> {
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
            Field::AgedBound(i) => p.receivables.aged_bounds.get(i).map(|d| Decimal::from(*d)),
            Field::MinInvoices => Some(Decimal::from(p.receivables.min_measured_invoices)),
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
    pub(super) fn slot(self, p: &mut Policy) -> Option<&mut Decimal> {
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
            Field::Terms(_)
            | Field::Review(_)
            | Field::Stale
            | Field::AgedBound(_)
            | Field::MinInvoices => None,
        }
    }

    /// Puts a parsed value in the policy.
    pub(super) fn set(self, p: &mut Policy, v: Decimal) {
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
            (Field::AgedBound(i), Some(n)) => {
                if let Some(b) = p.receivables.aged_bounds.get_mut(i) {
                    *b = n;
                }
            }
            (Field::MinInvoices, Some(n)) => p.receivables.min_measured_invoices = n,
            (
                Field::Terms(_)
                | Field::Review(_)
                | Field::Stale
                | Field::AgedBound(_)
                | Field::MinInvoices,
                None,
            ) => {}
            _ => {
                if let Some(slot) = self.slot(p) {
                    *slot = v;
                }
            }
        }
    }

    pub(super) fn kind(self, p: &Policy) -> Kind {
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
            Field::Terms(_)
            | Field::Review(_)
            | Field::Stale
            | Field::AgedBound(_)
            | Field::MinInvoices => Kind::Whole,
            _ => Kind::Number,
        }
    }

    /// The place of this field in the policy: where `policy_check` puts its problems, and what
    /// its label and `data-path` say.
    pub(super) fn place(self, p: &Policy) -> Place {
        let id = |c: usize| Field::criterion(p, c).unwrap_or(CriterionId::EquityRatio);
        let class = |l: usize| p.limits.get(l).map_or(RiskClass::NotRated, |l| l.class);
        let ratio = |r: usize| {
            p.ratio_bands
                .get(r)
                .map_or(RatioId::EquityRatio, |b| b.ratio)
        };
        let at = |i: usize, n: usize| i.min(n - 1);
        match self {
            Field::Weight(c) => Place::Criterion(id(c), CriterionPart::Weight),
            Field::Bound(c, i) => Place::Criterion(id(c), CriterionPart::Band(i, BandPart::Bound)),
            Field::Points(c, i) => {
                Place::Criterion(id(c), CriterionPart::Band(i, BandPart::Points))
            }
            Field::Special(c) => Place::Criterion(id(c), CriterionPart::Special),
            Field::Sector(c, j) => {
                Place::Criterion(id(c), CriterionPart::Sector(SectorColumn::ALL[at(j, 3)]))
            }
            Field::Threshold(j) => Place::Threshold(Threshold::ALL[at(j, 4)]),
            Field::Share(l, j) => Place::Limits(class(l), LimitPart::SHARES[at(j, 3)]),
            Field::Terms(l) => Place::Limits(class(l), LimitPart::MaxTermsDays),
            Field::Review(l) => Place::Limits(class(l), LimitPart::ReviewMonths),
            Field::Vat => Place::VatRate,
            Field::Provisional => Place::ProvisionalThreshold,
            Field::Rounding => Place::RoundingStep,
            Field::Stale => Place::StaleAfterMonths,
            Field::AgedBound(i) => Place::Receivables(ReceivablesPart::AgedBound(i.min(2))),
            Field::MinInvoices => Place::Receivables(ReceivablesPart::MinInvoices),
            Field::RatioGood(r) => Place::RatioBands(ratio(r), RatioPart::Good),
            Field::RatioWatch(r) => Place::RatioBands(ratio(r), RatioPart::Watch),
            Field::Zone(i) => Place::Zone(Zone::ALL[at(i, 7)]),
        }
    }

    /// `data-testid` of the input.
    pub(super) fn testid(self, p: &Policy) -> String {
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
            Field::Sector(_, j) => format!("policy-sector-{}", SectorColumn::ALL[j.min(2)].key()),
            Field::Threshold(j) => format!("policy-threshold-{}", Threshold::ALL[j.min(3)].key()),
            Field::Share(l, j) => format!("policy-limit-{}-{}", class(l), SHARE_IDS[j.min(2)]),
            Field::Terms(l) => format!("policy-limit-{}-terms", class(l)),
            Field::Review(l) => format!("policy-limit-{}-review", class(l)),
            Field::Vat => "policy-vat".into(),
            Field::Provisional => "policy-provisional".into(),
            Field::Rounding => "policy-rounding".into(),
            Field::Stale => "policy-stale".into(),
            Field::AgedBound(i) => format!("policy-aged-bound-{}", i.min(2)),
            Field::MinInvoices => "policy-min-measured-invoices".into(),
            Field::RatioGood(r) => format!("policy-ratio-{}-good", ratio(r)),
            Field::RatioWatch(r) => format!("policy-ratio-{}-watch", ratio(r)),
            Field::Zone(i) => format!("policy-zone-{}", Zone::ALL[i.min(6)].key()),
        }
    }

    /// The unit shown after the input.
    pub(super) fn unit(self, p: &Policy, lang: Lang) -> &'static str {
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
            Field::Terms(_) | Field::AgedBound(_) => lang.pick("j", "days"),
            Field::Review(_) | Field::Stale => lang.pick("mois", "months"),
            Field::Rounding => "€",
            Field::Points(..) | Field::Special(_) | Field::Sector(..) => "pts",
            _ => "",
        }
    }
}

/// The text a field shows for a value: percentages ×100, the language's decimal mark.
pub(super) fn show(kind: Kind, v: Decimal, lang: Lang) -> String {
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
pub(super) fn parse(kind: Kind, text: &str, lang: Lang) -> Result<Decimal, String> {
    let missing = || {
        lang.pick("valeur requise", "a value is required")
            .to_string()
    };
    match kind {
        Kind::Whole => match parse_count(text) {
            Ok(Some(n)) => Ok(Decimal::from(n)),
            Ok(None) => Err(missing()),
            Err(e) => Err(e.message(lang)),
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
                Err(e) => Err(e.message(lang)),
            }
        }
    }
}
