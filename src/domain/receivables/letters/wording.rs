//! The sentences of a dunning letter, in professional French B2B style and its English
//! equivalent, and the formats they print: amounts `1 234,56 €` (narrow no-break space between
//! groups, no-break space before €) or `€1,234.56`, dates `31/03/2025` or `31 Mar 2025`.
//! Written here rather than taken from `crate::ui`, which only builds for the browser.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{LetterKind, LetterLine, LetterTotals};
use crate::domain::figure::times;
use crate::domain::format::{format_amount_places, format_date, format_number, format_percent};
use crate::domain::lang::Lang;
use crate::domain::receivables::penalties::PenaltyRules;

/// What the sentences of one letter depend on.
pub(super) struct Facts {
    pub kind: LetterKind,
    pub lang: Lang,
    pub date: NaiveDate,
    pub as_of: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub totals: LetterTotals,
    /// Some invoice is past due at the letter's date (else a reminder is a pre-due one).
    pub any_late: bool,
}

// Amounts, percentages and dates are written as the screens write them (`domain::format`):
// a letter's amounts are the published figures, already to the cent.

/// An amount to the cent: `1 234,56 €` / `€1,234.56`.
pub(super) fn money(lang: Lang, v: Decimal) -> String {
    format_amount_places(lang, v, 2)
}

/// An amount in whole euros when it has no cents (`40 €`), else to the cent.
fn money_short(lang: Lang, v: Decimal) -> String {
    let places = if v.fract().is_zero() { 0 } else { 2 };
    format_amount_places(lang, v, places)
}

/// A fraction as a percentage with the places it needs: 0.1215 → `12,15 %` / `12.15%`.
fn percent(lang: Lang, fraction: Decimal) -> String {
    let places = times(fraction, Decimal::ONE_HUNDRED).map_or(2, |p| p.normalize().scale());
    format_percent(lang, fraction, places)
}

/// `31/03/2025` / `31 Mar 2025`.
pub(super) fn day(lang: Lang, d: NaiveDate) -> String {
    format_date(lang, d)
}

/// The date line under the recipient: `Le 14/08/2025` / `14 Aug 2025`.
pub(super) fn dated(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!("Le {}", day(lang, d)),
        Lang::En => day(lang, d),
    }
}

fn not_set(lang: Lang) -> &'static str {
    lang.pick("taux non renseigné", "rate not set")
}

pub(super) fn title(f: &Facts) -> &'static str {
    match (f.kind, f.any_late) {
        (LetterKind::FormalNotice, _) => f.lang.pick(
            "Mise en demeure de payer — lettre recommandée avec accusé de réception",
            "Formal notice to pay — registered letter with acknowledgement of receipt",
        ),
        (LetterKind::Reminder, true) => f.lang.pick(
            "Relance — factures échues restant impayées",
            "Reminder — overdue invoices remaining unpaid",
        ),
        (LetterKind::Reminder, false) => f.lang.pick(
            "Rappel d'échéance de factures",
            "Reminder of invoices falling due",
        ),
    }
}

pub(super) fn opening(f: &Facts) -> String {
    let lang = f.lang;
    let salutation = lang.pick("Madame, Monsieur,", "Dear Sir or Madam,");
    let first = match (f.kind, f.any_late) {
        (LetterKind::FormalNotice, _) => lang.pick(
            "Sauf erreur de notre part, et malgré nos précédentes relances, les factures ci-dessous restent impayées à ce jour.",
            "Unless we are mistaken, and despite our previous reminders, the invoices below remain unpaid to date.",
        ),
        (LetterKind::Reminder, true) => lang.pick(
            "Sauf erreur de notre part, les factures ci-dessous, arrivées à échéance, restent impayées à ce jour.",
            "Unless we are mistaken, the invoices below have fallen due and remain unpaid to date.",
        ),
        (LetterKind::Reminder, false) => lang.pick(
            "Nous nous permettons de vous rappeler que les factures ci-dessous arriveront prochainement à échéance.",
            "We would like to remind you that the invoices below will soon fall due.",
        ),
    };
    format!("{salutation}\n\n{first}")
}

/// How the penalties were computed: to the letter's date, on the open amounts at `as_of`.
pub(super) fn computed_on(f: &Facts) -> String {
    let (date, as_of) = (day(f.lang, f.date), day(f.lang, f.as_of));
    match f.lang {
        Lang::Fr => format!("Les pénalités de retard et l'indemnité forfaitaire pour frais de recouvrement sont calculées au {date} sur les montants restant dus au {as_of}."),
        Lang::En => format!("Late-payment penalties and the flat indemnity for recovery costs are computed to {date} on the amounts outstanding on {as_of}."),
    }
}

/// What to pay: the open amounts for a reminder; for a formal notice, the total due (or the
/// principal plus penalties and indemnity when the interest is unknown), the 8-day deadline and
/// what follows a failure to pay.
pub(super) fn payment(f: &Facts) -> Vec<String> {
    let lang = f.lang;
    let open = money(lang, f.totals.open);
    match (f.kind, f.any_late) {
        (LetterKind::Reminder, true) => vec![match lang {
            Lang::Fr => format!("Nous vous remercions de bien vouloir procéder sans délai au règlement de la somme de {open}, en rappelant les références des factures. Si votre paiement a été émis entre-temps, nous vous prions de ne pas tenir compte de la présente."),
            Lang::En => format!("We would be grateful if you would settle the sum of {open} without delay, quoting the invoice references. If your payment has been sent in the meantime, please disregard this letter."),
        }],
        (LetterKind::Reminder, false) => vec![match lang {
            Lang::Fr => format!("Nous vous remercions de bien vouloir prendre vos dispositions pour que leur règlement, d'un montant de {open}, nous parvienne au plus tard à leur échéance."),
            Lang::En => format!("We would be grateful if you would arrange for their payment, totalling {open}, to reach us by their due date at the latest."),
        }],
        (LetterKind::FormalNotice, _) => notice(f, &open),
    }
}

fn notice(f: &Facts, open: &str) -> Vec<String> {
    let lang = f.lang;
    let indemnity = money(lang, f.totals.indemnity);
    let sum = match (f.totals.total_due, lang) {
        (Some(t), Lang::Fr) => format!("{}, pénalités de retard et indemnité forfaitaire comprises", money(lang, t)),
        (Some(t), Lang::En) => format!("{}, late-payment penalties and flat indemnity included", money(lang, t)),
        (None, Lang::Fr) => format!("{open} en principal, majorée des pénalités de retard et de l'indemnité forfaitaire pour frais de recouvrement de {indemnity}"),
        (None, Lang::En) => format!("{open} in principal, plus late-payment penalties and the flat indemnity for recovery costs of {indemnity}"),
    };
    let by = f.deadline.map(|d| day(lang, d));
    let demand = match (lang, by) {
        (Lang::Fr, Some(by)) => format!("Par la présente, nous vous mettons en demeure de nous régler la somme de {sum}, sous huit jours à compter de la date de la présente lettre, soit au plus tard le {by}."),
        (Lang::Fr, None) => format!("Par la présente, nous vous mettons en demeure de nous régler la somme de {sum}, sous huit jours à compter de la date de la présente lettre."),
        (Lang::En, Some(by)) => format!("We hereby give you formal notice to pay us the sum of {sum} within eight days of the date of this letter, that is by {by} at the latest."),
        (Lang::En, None) => format!("We hereby give you formal notice to pay us the sum of {sum} within eight days of the date of this letter."),
    };
    let failing = lang.pick(
        "À défaut de règlement dans ce délai, nous engagerons une procédure de recouvrement, sans autre préavis. Les pénalités de retard continuent de courir jusqu'au complet paiement. La présente vaut mise en demeure au sens de l'article 1344 du Code civil.",
        "Failing payment within this period, we will start recovery proceedings without further notice. Late-payment penalties continue to accrue until payment in full. This letter constitutes formal notice within the meaning of article 1344 of the French Civil Code.",
    );
    vec![demand, failing.to_string()]
}

pub(super) fn missing_rate(lang: Lang) -> &'static str {
    lang.pick(
        "Le taux des pénalités de retard n'est pas renseigné pour une partie de la période (taux non renseigné) : leur montant n'est pas calculé.",
        "The late-payment rate is not set for part of the period (rate not set): the penalties are not computed.",
    )
}

pub(super) fn extended_rate(lang: Lang) -> &'static str {
    lang.pick(
        "Les jours postérieurs au dernier semestre dont le taux est connu sont calculés au taux de ce semestre, reconduit.",
        "Days after the last half-year with a known rate are computed at that half-year's rate, carried forward.",
    )
}

pub(super) fn default_terms(lang: Lang) -> &'static str {
    lang.pick(
        "Échéances calculées à 30 jours nets (délai par défaut).",
        "Due dates computed at 30 days net (default terms).",
    )
}

/// The warning of §7 when the situation is older than the policy allows.
pub(super) fn stale(lang: Lang, as_of: NaiveDate) -> String {
    let as_of = day(lang, as_of);
    match lang {
        Lang::Fr => format!("Attention : situation au {as_of} — importez une situation plus récente avant d'envoyer ce courrier."),
        Lang::En => format!("Warning: situation at {as_of} — import a newer situation before sending this letter."),
    }
}

/// L441-10: penalties due by law, without a reminder, at the ECB rate plus the policy's margin
/// (10 points, the legal minimum) or at the contractual rate when one is set.
pub(super) fn l441_10(lang: Lang, rules: &PenaltyRules) -> String {
    let rate = match (rules.contractual_rate, lang) {
        (Some(c), Lang::Fr) => format!("au taux contractuel de {}", percent(lang, c)),
        (Some(c), Lang::En) => format!("the contractual rate of {}", percent(lang, c)),
        (None, Lang::Fr) => format!("au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de {} points de pourcentage", points(lang, rules.margin)),
        (None, Lang::En) => format!("the rate applied by the European Central Bank to its most recent refinancing operation plus {} percentage points", points(lang, rules.margin)),
    };
    match lang {
        Lang::Fr => format!("Article L441-10 du Code de commerce : tout retard de paiement donne lieu, de plein droit et sans qu'un rappel soit nécessaire, à des pénalités de retard calculées {rate}, du jour suivant la date d'échéance jusqu'au paiement."),
        Lang::En => format!("Article L441-10 of the French Commercial Code: any late payment incurs by law, without any reminder being required, late-payment penalties at {rate}, from the day after the due date until payment."),
    }
}

/// The margin in points: 0.10 → `10`.
fn points(lang: Lang, margin: Decimal) -> String {
    match times(margin, Decimal::ONE_HUNDRED).map(|p| p.normalize()) {
        Some(p) => format_number(lang, p, p.scale()),
        None => lang.pick("n.d.", "n/a").to_string(),
    }
}

/// D441-5: the flat indemnity for recovery costs, more on justification (L441-10).
pub(super) fn d441_5(lang: Lang, rules: &PenaltyRules) -> String {
    let amount = money_short(lang, rules.indemnity);
    match lang {
        Lang::Fr => format!("Article D441-5 du Code de commerce : tout professionnel en retard de paiement est de plein droit débiteur d'une indemnité forfaitaire pour frais de recouvrement de {amount} par facture ; une indemnisation complémentaire peut être demandée, sur justification, lorsque les frais de recouvrement exposés dépassent ce montant (article L441-10)."),
        Lang::En => format!("Article D441-5 of the French Commercial Code: any business paying late owes by law a flat indemnity for recovery costs of {amount} per invoice; further compensation may be claimed, on justification, where the recovery costs incurred exceed that amount (article L441-10)."),
    }
}

pub(super) fn closing(lang: Lang) -> &'static str {
    lang.pick(
        "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
        "Yours faithfully,",
    )
}

fn days_late(lang: Lang, days: i64) -> String {
    match (lang, days) {
        (_, d) if d <= 0 => lang.pick("non échue", "not yet due").to_string(),
        (Lang::Fr, 1) => "1 jour de retard".to_string(),
        (Lang::Fr, d) => format!("{d} jours de retard"),
        (Lang::En, 1) => "1 day late".to_string(),
        (Lang::En, d) => format!("{d} days late"),
    }
}

/// One invoice on one line of the text.
pub(super) fn line(lang: Lang, l: &LetterLine) -> String {
    let interest = l
        .interest
        .map_or_else(|| not_set(lang).to_string(), |i| money(lang, i));
    let (issued, due, late) = (
        day(lang, l.issued_on),
        day(lang, l.due_on),
        days_late(lang, l.days_late),
    );
    let (open, indemnity) = (money(lang, l.open), money(lang, l.indemnity));
    match lang {
        Lang::Fr => format!("- Facture {} du {issued}, échéance {due}, {late} : reste dû {open}, pénalités de retard {interest}, indemnité forfaitaire {indemnity}", l.reference),
        Lang::En => format!("- Invoice {} of {issued}, due {due}, {late}: outstanding {open}, late-payment interest {interest}, flat indemnity {indemnity}", l.reference),
    }
}

/// The totals under the lines; the total due says why it is missing.
pub(super) fn totals(lang: Lang, t: &LetterTotals) -> String {
    let interest = t
        .interest
        .map_or_else(|| not_set(lang).to_string(), |i| money(lang, i));
    let due = match (t.total_due, lang) {
        (Some(v), _) => money(lang, v),
        (None, Lang::Fr) => format!("non calculé ({})", not_set(lang)),
        (None, Lang::En) => format!("not computed ({})", not_set(lang)),
    };
    let (open, indemnity) = (money(lang, t.open), money(lang, t.indemnity));
    match lang {
        Lang::Fr => format!("Total restant dû : {open}\nTotal des pénalités de retard : {interest}\nTotal des indemnités forfaitaires : {indemnity}\nTotal dû : {due}"),
        Lang::En => format!("Total outstanding: {open}\nTotal late-payment interest: {interest}\nTotal flat indemnities: {indemnity}\nTotal due: {due}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn amounts_percentages_and_dates() {
        assert_eq!(money(Lang::Fr, dec("1234.56")), "1\u{202F}234,56\u{A0}€");
        assert_eq!(money(Lang::En, dec("1234567.5")), "€1,234,567.50");
        assert_eq!(money(Lang::En, dec("-12")), "-€12.00");
        assert_eq!(money(Lang::Fr, dec("999")), "999,00\u{A0}€");
        assert_eq!(money(Lang::Fr, dec("-0.001")), "0,00\u{A0}€");
        assert_eq!(money_short(Lang::Fr, dec("40")), "40\u{A0}€");
        assert_eq!(money_short(Lang::En, dec("40.5")), "€40.50");
        assert_eq!(percent(Lang::Fr, dec("0.1215")), "12,15\u{202F}%");
        assert_eq!(percent(Lang::En, dec("0.12")), "12%");
        let d = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default();
        assert_eq!(day(Lang::Fr, d), "01/03/2025");
        assert_eq!(day(Lang::En, d), "1 Mar 2025");
    }
}
