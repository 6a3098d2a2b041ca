//! A place of the policy in words, for the fields' labels and the list of problems: matched
//! on the typed [`Place`], never parsed back from a path.

use crate::domain::policy_place::{
    BandPart, CriterionPart, LimitPart, Place, RatioPart, ReceivablesPart, ScoreZonesOf,
    SectorColumn, Zone,
};
use crate::ui::Lang;

/// A place of the policy in words ("Gearing, band 2, bound"), for labels and the list of
/// problems.
pub(super) fn place_label(place: Place, lang: Lang) -> String {
    let join = |a: &str, b: &str| {
        if b.is_empty() {
            a.to_string()
        } else {
            format!("{a}, {b}")
        }
    };
    let score = |s: ScoreZonesOf| match s {
        ScoreZonesOf::AltmanZ2 => "Altman Z″",
        ScoreZonesOf::AltmanZ1 => "Altman Z′",
        ScoreZonesOf::ConanHolder => "Conan & Holder",
    };
    match place {
        Place::Whole => String::new(),
        Place::Criteria => lang
            .pick("Grille : total des poids", "Grid: total of the weights")
            .into(),
        Place::Criterion(id, part) => {
            let what = match part {
                CriterionPart::Whole | CriterionPart::Bands => String::new(),
                CriterionPart::Weight => lang.pick("poids", "weight").into(),
                CriterionPart::Special => lang.pick("cas particulier", "special case").into(),
                CriterionPart::Sector(SectorColumn::Low) => {
                    lang.pick("risque faible", "low risk").into()
                }
                CriterionPart::Sector(SectorColumn::Medium) => {
                    lang.pick("risque moyen", "medium risk").into()
                }
                CriterionPart::Sector(SectorColumn::High) => {
                    lang.pick("risque élevé", "high risk").into()
                }
                CriterionPart::Band(i, part) => {
                    let what = match part {
                        BandPart::Bound => lang.pick("borne", "bound"),
                        BandPart::Points => lang.pick("points", "points"),
                    };
                    format!("{} {}, {what}", lang.pick("tranche", "band"), i + 1)
                }
            };
            join(id.label(lang), &what)
        }
        Place::Classes => lang.pick("Seuils des classes", "Class thresholds").into(),
        Place::Threshold(t) => join(
            lang.pick("Seuils des classes", "Class thresholds"),
            &t.key().to_ascii_uppercase(),
        ),
        Place::Limits(class, part) => {
            let what = match part {
                LimitPart::Whole => "",
                LimitPart::TnwShare => lang.pick(
                    "part de l'actif net tangible",
                    "share of tangible net worth",
                ),
                LimitPart::RevenueShare => lang.pick("part du CA", "share of revenue"),
                LimitPart::DepositShare => lang.pick("acompte", "deposit"),
                LimitPart::MaxTermsDays => lang.pick("délai maximal", "longest terms"),
                LimitPart::ReviewMonths => lang.pick("révision", "review"),
            };
            join(
                &format!("{} {}", lang.pick("Classe", "Class"), class.key()),
                what,
            )
        }
        Place::VatRate => lang.pick("Taux de TVA", "VAT rate").into(),
        Place::ProvisionalThreshold => lang
            .pick(
                "Seuil de notation provisoire",
                "Provisional rating threshold",
            )
            .into(),
        Place::RoundingStep => lang
            .pick("Pas d'arrondi de l'encours", "Limit rounding step")
            .into(),
        Place::StaleAfterMonths => lang
            .pick("Ancienneté maximale des comptes", "Statements stale after")
            .into(),
        Place::Receivables(ReceivablesPart::Prefixes) => lang
            .pick("Comptes clients du FEC", "FEC customer accounts")
            .into(),
        Place::Receivables(ReceivablesPart::AgedBound(i)) => {
            let which = [
                lang.pick("première", "first"),
                lang.pick("deuxième", "second"),
                lang.pick("troisième", "third"),
            ];
            let which = which.get(i).copied().unwrap_or("");
            if lang.is_fr() {
                format!("Balance âgée, {which} borne")
            } else {
                format!("Aged balance, {which} bound")
            }
        }
        Place::Receivables(ReceivablesPart::Penalties) => lang
            .pick("Pénalités de retard", "Late-payment penalties")
            .into(),
        Place::Receivables(ReceivablesPart::Dunning) => {
            lang.pick("Plan de relance", "Dunning plan").into()
        }
        Place::Receivables(ReceivablesPart::MinInvoices) => lang
            .pick(
                "Factures payées mesurées au minimum",
                "Fewest paid invoices measured",
            )
            .into(),
        Place::RatioBands(id, part) => {
            let what = match part {
                RatioPart::Whole => "",
                RatioPart::Good => lang.pick("seuil « bon »", "'good' bound"),
                RatioPart::Watch => lang.pick("seuil « à surveiller »", "'watch' bound"),
            };
            join(id.label(lang), what)
        }
        Place::Zones(s) => score(s).into(),
        Place::Zone(z) => {
            let what = match z {
                Zone::AltmanZ2Safe | Zone::AltmanZ1Safe => lang.pick("zone saine", "safe zone"),
                Zone::AltmanZ2Grey | Zone::AltmanZ1Grey => lang.pick("zone grise", "grey zone"),
                Zone::ConanHolderVeryGood => lang.pick("très bon", "very good"),
                Zone::ConanHolderGood => lang.pick("bon", "good"),
                Zone::ConanHolderAlert => lang.pick("alerte", "alert"),
            };
            join(score(z.score()), what)
        }
    }
}
