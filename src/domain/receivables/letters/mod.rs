//! Dunning letters (docs/receivables.md §6–7, issue 15): for a client and a stage, a reminder or
//! a formal notice listing the invoices, their due dates, days late, the penalties and indemnity
//! computed to the letter's date on the open amounts at `as_of`, the legal mentions (L441-10,
//! D441-5) and, for a formal notice, the 8-day deadline; as plain text for an e-mail.
//!
//! Rooms: this file (what a letter holds and how it is built), `wording` (its sentences in
//! French and English, and the amount and date formats they use).

mod wording;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::dunning::Stage;
use super::ledger::{Item, ItemKind, Ledger};
use super::penalties::{penalties, PenaltyRules, RateSource};
use crate::domain::figure::saturating_add;
use crate::domain::lang::Lang;

/// Days a formal notice gives to pay (§7: "the formal notice gives 8 days").
pub const NOTICE_DAYS: u64 = 8;

/// What a letter is: a reminder (before or after the due date) or a formal notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterKind {
    Reminder,
    FormalNotice,
}

impl LetterKind {
    /// The letter a stage sends: the pre-due reminder and both reminders are reminders; the
    /// formal notice and the litigation review (a last notice before going to court) are
    /// formal notices.
    pub const fn from_stage(stage: Stage) -> Self {
        match stage {
            Stage::PreDue | Stage::Reminder1 | Stage::Reminder2 => LetterKind::Reminder,
            Stage::FormalNotice | Stage::LitigationReview => LetterKind::FormalNotice,
        }
    }

    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            LetterKind::Reminder => lang.pick("Relance", "Reminder"),
            LetterKind::FormalNotice => lang.pick("Mise en demeure", "Formal notice"),
        }
    }
}

impl From<Stage> for LetterKind {
    fn from(stage: Stage) -> Self {
        LetterKind::from_stage(stage)
    }
}

/// One invoice of a letter, with its penalties at the letter's date.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LetterLine {
    pub reference: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    /// The letter's date − `due_on` (zero or negative when not yet due).
    pub days_late: i64,
    /// What remains at `as_of`.
    pub open: Decimal,
    /// Interest on `open` from the day after `due_on` to the letter's date, rounded to the cent;
    /// zero when not late; absent when a day has no rate ("taux non renseigné").
    pub interest: Option<Decimal>,
    /// The flat recovery indemnity when late, else zero.
    pub indemnity: Decimal,
}

/// The sums of a letter's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LetterTotals {
    pub open: Decimal,
    /// Absent when one line's interest is absent.
    pub interest: Option<Decimal>,
    pub indemnity: Decimal,
    /// open + interest + indemnity; absent with the interest.
    pub total_due: Option<Decimal>,
}

/// A letter ready to print or to copy into an e-mail, in the language it was built in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub kind: LetterKind,
    /// The client's name, as addressed.
    pub recipient: String,
    /// The letter's date (today): penalties run to it.
    pub date: NaiveDate,
    /// The ledger's situation date: the open amounts are those at this date.
    pub as_of: NaiveDate,
    /// `date` is more than the policy's days after `as_of`: import a newer situation first.
    pub stale: bool,
    /// For a formal notice: `date` + 8 days, the last day to pay.
    pub deadline: Option<NaiveDate>,
    pub title: String,
    /// The salutation and the first paragraph.
    pub opening: String,
    /// By due date, then reference.
    pub lines: Vec<LetterLine>,
    pub totals: LetterTotals,
    /// The paragraphs after the table: how penalties were computed, what to pay (and by when for
    /// a notice), the notes on rates and terms, the stale warning last.
    pub body: Vec<String>,
    /// The legal mentions: L441-10 (penalties), then D441-5 (flat indemnity).
    pub legal: Vec<String>,
    pub closing: String,
}

/// A letter's line for `item`, with whether its interest used a carried-forward rate.
/// Penalties are those of §6 at `date` on the item alone, so that its open at `as_of` runs to
/// the letter's date and two invoices sharing a reference are never confused.
fn line_of(
    item: &Item,
    due_on: NaiveDate,
    date: NaiveDate,
    rules: &PenaltyRules,
) -> (LetterLine, bool) {
    let mut alone = Ledger::new(date);
    alone.items.push(item.clone());
    let p = penalties(&alone, rules, date);
    let (interest, indemnity, extended) = match p.invoices.first() {
        Some(ip) => (
            ip.interest,
            ip.indemnity,
            ip.segments
                .iter()
                .any(|s| matches!(s.source, RateSource::LastRowExtended { .. })),
        ),
        // Not late at the letter's date: nothing owed beyond the invoice.
        None => (Some(Decimal::ZERO), Decimal::ZERO, false),
    };
    let line = LetterLine {
        reference: item.reference.clone(),
        issued_on: item.issued_on,
        due_on,
        days_late: (date - due_on).num_days(),
        open: item.open,
        interest,
        indemnity,
    };
    (line, extended)
}

fn totals_of(lines: &[LetterLine]) -> LetterTotals {
    let open = lines
        .iter()
        .fold(Decimal::ZERO, |acc, l| saturating_add(acc, l.open));
    let interest = lines.iter().try_fold(Decimal::ZERO, |acc, l| {
        l.interest.map(|i| saturating_add(acc, i))
    });
    let indemnity = lines
        .iter()
        .fold(Decimal::ZERO, |acc, l| saturating_add(acc, l.indemnity));
    LetterTotals {
        open,
        interest,
        indemnity,
        total_due: interest.map(|i| saturating_add(saturating_add(open, i), indemnity)),
    }
}

/// The letter for the invoices `refs` (those of a stage in the client's plan), to `client_name`,
/// in `lang`, dated `date` (today). It lists the `invoice` items of the ledger whose reference
/// is in `refs`, open at `as_of` (> 0), not disputed and with a due date; the others (disputed,
/// paid since, unknown) are left out. Penalties are computed to `date` on the open amounts at
/// `as_of` (§6). `stale` when `date` is more than `stale_after_days` after `as_of`.
#[allow(clippy::too_many_arguments)]
pub fn letter(
    ledger: &Ledger,
    refs: &[String],
    kind: LetterKind,
    client_name: &str,
    date: NaiveDate,
    rules: &PenaltyRules,
    stale_after_days: u32,
    lang: Lang,
) -> Letter {
    let mut lines = Vec::new();
    let mut extended = false;
    for item in &ledger.items {
        let listed = item.kind == ItemKind::Invoice
            && item.open > Decimal::ZERO
            && !item.disputed
            && refs.contains(&item.reference);
        let Some(due_on) = item.due_on.filter(|_| listed) else {
            continue;
        };
        let (line, ext) = line_of(item, due_on, date, rules);
        extended |= ext;
        lines.push(line);
    }
    lines.sort_by(|a, b| (a.due_on, &a.reference).cmp(&(b.due_on, &b.reference)));
    let totals = totals_of(&lines);
    let stale = (date - ledger.as_of).num_days() > i64::from(stale_after_days);
    let deadline = match kind {
        LetterKind::FormalNotice => date.checked_add_days(Days::new(NOTICE_DAYS)),
        LetterKind::Reminder => None,
    };
    let any_late = lines.iter().any(|l| l.days_late > 0);
    let facts = wording::Facts {
        kind,
        lang,
        date,
        as_of: ledger.as_of,
        deadline,
        totals,
        any_late,
    };
    let mut body = vec![];
    if any_late {
        body.push(wording::computed_on(&facts));
    }
    body.extend(wording::payment(&facts));
    if totals.interest.is_none() {
        body.push(wording::missing_rate(lang).to_string());
    }
    if extended {
        body.push(wording::extended_rate(lang).to_string());
    }
    if ledger.default_terms {
        body.push(wording::default_terms(lang).to_string());
    }
    if stale {
        body.push(wording::stale(lang, ledger.as_of));
    }
    Letter {
        kind,
        recipient: client_name.trim().to_string(),
        date,
        as_of: ledger.as_of,
        stale,
        deadline,
        title: wording::title(&facts).to_string(),
        opening: wording::opening(&facts),
        lines,
        totals,
        body,
        legal: vec![wording::l441_10(lang, rules), wording::d441_5(lang, rules)],
        closing: wording::closing(lang).to_string(),
    }
}

/// The whole letter as plain text for an e-mail: recipient and date, subject, opening, one line
/// per invoice, the totals, the paragraphs, the legal mentions and the closing, separated by
/// blank lines. `lang` is the letter's language.
pub fn letter_text(l: &Letter, lang: Lang) -> String {
    let mut blocks: Vec<String> = Vec::new();
    blocks.push(format!("{}\n{}", l.recipient, wording::dated(lang, l.date)));
    blocks.push(format!("{}{}", lang.pick("Objet : ", "Subject: "), l.title));
    blocks.push(l.opening.clone());
    if !l.lines.is_empty() {
        let rows: Vec<String> = l.lines.iter().map(|x| wording::line(lang, x)).collect();
        blocks.push(rows.join("\n"));
        blocks.push(wording::totals(lang, &l.totals));
    }
    blocks.extend(l.body.iter().cloned());
    blocks.extend(l.legal.iter().cloned());
    blocks.push(l.closing.clone());
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}
