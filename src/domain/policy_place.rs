//! A place in the credit policy, typed: where a problem of `policy_check` was found, and what a
//! field of the policy editor edits. Written as the path of the policy's JSON
//! (`criteria.gearing.bands[2].bound`), the one format in messages, `data-path` and imports; the
//! editor derives its labels and test ids from the same value, never by parsing text back.

use std::fmt;

use super::ids::{CriterionId, RatioId, RiskClass};

/// A sector risk column of a criterion's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectorColumn {
    Low,
    Medium,
    High,
}

impl SectorColumn {
    pub const ALL: [SectorColumn; 3] =
        [SectorColumn::Low, SectorColumn::Medium, SectorColumn::High];

    pub const fn key(self) -> &'static str {
        match self {
            SectorColumn::Low => "low",
            SectorColumn::Medium => "medium",
            SectorColumn::High => "high",
        }
    }
}

/// What of a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BandPart {
    Bound,
    Points,
}

/// What of a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CriterionPart {
    /// The criterion itself (it appears twice).
    Whole,
    Weight,
    Special,
    /// Its bands as a whole (it has none).
    Bands,
    /// Band `i` (from 0), its bound or its points.
    Band(usize, BandPart),
    Sector(SectorColumn),
}

/// A class threshold, the lowest score of classes A to D.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Threshold {
    A,
    B,
    C,
    D,
}

impl Threshold {
    pub const ALL: [Threshold; 4] = [Threshold::A, Threshold::B, Threshold::C, Threshold::D];

    pub const fn key(self) -> &'static str {
        match self {
            Threshold::A => "a",
            Threshold::B => "b",
            Threshold::C => "c",
            Threshold::D => "d",
        }
    }
}

/// What of a class's limit rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LimitPart {
    /// The rules as a whole (twice, or missing).
    Whole,
    TnwShare,
    RevenueShare,
    DepositShare,
    MaxTermsDays,
    ReviewMonths,
}

impl LimitPart {
    pub const SHARES: [LimitPart; 3] = [
        LimitPart::TnwShare,
        LimitPart::RevenueShare,
        LimitPart::DepositShare,
    ];

    const fn key(self) -> &'static str {
        match self {
            LimitPart::Whole => "",
            LimitPart::TnwShare => "tnw_share",
            LimitPart::RevenueShare => "revenue_share",
            LimitPart::DepositShare => "deposit_share",
            LimitPart::MaxTermsDays => "max_terms_days",
            LimitPart::ReviewMonths => "review_months",
        }
    }
}

/// What of a ratio's appreciation bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatioPart {
    /// The bands as a whole (out of order, or twice).
    Whole,
    Good,
    Watch,
}

/// A failure score's zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScoreZonesOf {
    AltmanZ2,
    AltmanZ1,
    ConanHolder,
}

impl ScoreZonesOf {
    const fn key(self) -> &'static str {
        match self {
            ScoreZonesOf::AltmanZ2 => "altman_z2",
            ScoreZonesOf::AltmanZ1 => "altman_z1",
            ScoreZonesOf::ConanHolder => "conan_holder",
        }
    }
}

/// One bound of the failure scores' zones, in the order of `ScoreZones`' fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    AltmanZ2Safe,
    AltmanZ2Grey,
    AltmanZ1Safe,
    AltmanZ1Grey,
    ConanHolderVeryGood,
    ConanHolderGood,
    ConanHolderAlert,
}

impl Zone {
    pub const ALL: [Zone; 7] = [
        Zone::AltmanZ2Safe,
        Zone::AltmanZ2Grey,
        Zone::AltmanZ1Safe,
        Zone::AltmanZ1Grey,
        Zone::ConanHolderVeryGood,
        Zone::ConanHolderGood,
        Zone::ConanHolderAlert,
    ];

    /// The field's name in the policy's JSON.
    pub const fn key(self) -> &'static str {
        match self {
            Zone::AltmanZ2Safe => "altman_z2_safe",
            Zone::AltmanZ2Grey => "altman_z2_grey",
            Zone::AltmanZ1Safe => "altman_z1_safe",
            Zone::AltmanZ1Grey => "altman_z1_grey",
            Zone::ConanHolderVeryGood => "conan_holder_very_good",
            Zone::ConanHolderGood => "conan_holder_good",
            Zone::ConanHolderAlert => "conan_holder_alert",
        }
    }

    /// The score whose zones it bounds.
    pub const fn score(self) -> ScoreZonesOf {
        match self {
            Zone::AltmanZ2Safe | Zone::AltmanZ2Grey => ScoreZonesOf::AltmanZ2,
            Zone::AltmanZ1Safe | Zone::AltmanZ1Grey => ScoreZonesOf::AltmanZ1,
            _ => ScoreZonesOf::ConanHolder,
        }
    }
}

/// A setting of the receivables part of the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReceivablesPart {
    /// The receivable account prefixes of a FEC.
    Prefixes,
    /// One of the aged balance's three bounds (0: 1–30, 1: 31–60, 2: 61–90).
    AgedBound(usize),
    /// Paid invoices from which the measured delay feeds the grid.
    MinInvoices,
    /// The late-payment penalty rules (the rate table and its rates).
    Penalties,
    /// The dunning plan and its thresholds and costs.
    Dunning,
}

/// A place in the credit policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// The whole document (not a policy at all).
    Whole,
    VatRate,
    ProvisionalThreshold,
    RoundingStep,
    StaleAfterMonths,
    /// The grid as a whole: the sum of the weights.
    Criteria,
    Criterion(CriterionId, CriterionPart),
    /// The class thresholds as a whole (their order).
    Classes,
    Threshold(Threshold),
    Limits(RiskClass, LimitPart),
    RatioBands(RatioId, RatioPart),
    /// A score's zones as a whole (their order).
    Zones(ScoreZonesOf),
    Zone(Zone),
    Receivables(ReceivablesPart),
}

impl fmt::Display for Place {
    /// The path in the policy's JSON: `criteria.gearing.bands[2].bound`, `limits.C.tnw_share`;
    /// the whole document is the empty path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Place::Whole => Ok(()),
            Place::VatRate => f.write_str("vat_rate"),
            Place::ProvisionalThreshold => f.write_str("provisional_threshold"),
            Place::RoundingStep => f.write_str("rounding_step"),
            Place::StaleAfterMonths => f.write_str("stale_after_months"),
            Place::Receivables(ReceivablesPart::Prefixes) => {
                f.write_str("receivables.receivable_prefixes")
            }
            Place::Receivables(ReceivablesPart::AgedBound(i)) => {
                write!(f, "receivables.aged_bounds[{i}]")
            }
            Place::Receivables(ReceivablesPart::MinInvoices) => {
                f.write_str("receivables.min_measured_invoices")
            }
            Place::Receivables(ReceivablesPart::Penalties) => f.write_str("receivables.penalties"),
            Place::Receivables(ReceivablesPart::Dunning) => f.write_str("receivables.dunning"),
            Place::Criteria => f.write_str("criteria"),
            Place::Criterion(c, part) => {
                write!(f, "criteria.{}", c.key())?;
                match part {
                    CriterionPart::Whole => Ok(()),
                    CriterionPart::Weight => f.write_str(".weight"),
                    CriterionPart::Special => f.write_str(".special_points"),
                    CriterionPart::Bands => f.write_str(".bands"),
                    CriterionPart::Band(i, BandPart::Bound) => write!(f, ".bands[{i}].bound"),
                    CriterionPart::Band(i, BandPart::Points) => write!(f, ".bands[{i}].points"),
                    CriterionPart::Sector(s) => write!(f, ".{}", s.key()),
                }
            }
            Place::Classes => f.write_str("classes"),
            Place::Threshold(t) => write!(f, "classes.{}", t.key()),
            Place::Limits(class, LimitPart::Whole) => write!(f, "limits.{}", class.key()),
            Place::Limits(class, part) => write!(f, "limits.{}.{}", class.key(), part.key()),
            Place::RatioBands(r, RatioPart::Whole) => write!(f, "ratio_bands.{}", r.key()),
            Place::RatioBands(r, RatioPart::Good) => write!(f, "ratio_bands.{}.good", r.key()),
            Place::RatioBands(r, RatioPart::Watch) => write!(f, "ratio_bands.{}.watch", r.key()),
            Place::Zones(s) => write!(f, "zones.{}", s.key()),
            Place::Zone(z) => write!(f, "zones.{}", z.key()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_the_paths_of_the_policys_json() {
        let cases = [
            (Place::Whole, ""),
            (Place::Criteria, "criteria"),
            (
                Place::Criterion(
                    CriterionId::Gearing,
                    CriterionPart::Band(2, BandPart::Bound),
                ),
                "criteria.gearing.bands[2].bound",
            ),
            (
                Place::Criterion(
                    CriterionId::SectorRisk,
                    CriterionPart::Sector(SectorColumn::Medium),
                ),
                "criteria.sector_risk.medium",
            ),
            (Place::Threshold(Threshold::B), "classes.b"),
            (
                Place::Limits(RiskClass::C, LimitPart::TnwShare),
                "limits.C.tnw_share",
            ),
            (
                Place::Limits(RiskClass::NotRated, LimitPart::Whole),
                "limits.NR",
            ),
            (
                Place::RatioBands(RatioId::Gearing, RatioPart::Watch),
                "ratio_bands.gearing.watch",
            ),
            (Place::Zones(ScoreZonesOf::AltmanZ1), "zones.altman_z1"),
            (
                Place::Zone(Zone::ConanHolderVeryGood),
                "zones.conan_holder_very_good",
            ),
        ];
        for (place, path) in cases {
            assert_eq!(place.to_string(), path);
        }
    }

    #[test]
    fn every_zone_belongs_to_its_score() {
        for z in Zone::ALL {
            assert!(z.key().starts_with(ScoreZonesOf::key(z.score())), "{z:?}");
        }
    }
}
