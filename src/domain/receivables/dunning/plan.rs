//! A client's dunning plan at the ledger's `as_of` (docs/receivables.md §7): the stages due on
//! its open, undisputed invoices, the next action, whether the situation is stale, what to
//! propose at the litigation review; marking a stage done and undoing it; today's actions
//! across the portfolio.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Channel, DunningRules, Proposal, Stage};
use crate::domain::figure::saturating_add;
use crate::domain::ids::RiskClass;
use crate::domain::receivables::figures::{figures, FigureRules};
use crate::domain::receivables::ledger::{Action, Item, ItemKind, Ledger};

/// A stage due for one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DueStage {
    pub reference: String,
    pub stage: Stage,
    pub channel: Channel,
    pub due_on: NaiveDate,
    /// `due_on` + the stage's days.
    pub stage_date: NaiveDate,
    /// `as_of` − `due_on` (negative before the due date).
    pub days_late: i64,
    pub open: Decimal,
}

/// A client's plan at its ledger's `as_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientPlan {
    /// The date every stage is measured at (shown as "situation au …" when stale).
    pub as_of: NaiveDate,
    /// Every due stage, by stage order, then stage date, then reference.
    pub due: Vec<DueStage>,
    /// The earliest due stage in stage order, with the invoices at that stage (by date).
    pub next: Option<(Stage, Vec<DueStage>)>,
    /// Today is more than `stale_after_days` after `as_of`: import a newer situation before
    /// sending anything.
    pub stale: bool,
    /// `ledger-overdue` (§5) at `as_of`, disputed items included, as the proposal reads it.
    pub overdue: Decimal,
    pub proposal: Proposal,
}

/// The due date of an invoice the plan follows: an `invoice` item, open (> 0), not disputed,
/// with a due date. Opening and other debits are left aside (§7 speaks of invoices).
fn followed(item: &Item) -> Option<NaiveDate> {
    let keep = item.kind == ItemKind::Invoice && item.open > Decimal::ZERO && !item.disputed;
    item.due_on.filter(|_| keep)
}

fn has_action(item: &Item, stage: Stage) -> bool {
    item.actions.iter().any(|a| a.stage == stage.key())
}

/// The stages due at `as_of` on the client's followed invoices: those whose date
/// (`due_on` + days) ≤ `as_of` and that are not in the invoice's actions. Empty when the
/// policy has no plan for `class`.
pub fn due_stages(ledger: &Ledger, class: RiskClass, rules: &DunningRules) -> Vec<DueStage> {
    let Some(plan) = rules.plan_for(class) else {
        return Vec::new();
    };
    let as_of = ledger.as_of;
    let mut due = Vec::new();
    for item in &ledger.items {
        let Some(due_on) = followed(item) else {
            continue;
        };
        for rule in &plan.stages {
            let Some(stage_date) = rule.date_for(due_on) else {
                continue;
            };
            if stage_date <= as_of && !has_action(item, rule.stage) {
                due.push(DueStage {
                    reference: item.reference.clone(),
                    stage: rule.stage,
                    channel: rule.channel,
                    due_on,
                    stage_date,
                    days_late: (as_of - due_on).num_days(),
                    open: item.open,
                });
            }
        }
    }
    due.sort_by(|a, b| {
        (a.stage, a.stage_date, &a.reference).cmp(&(b.stage, b.stage_date, &b.reference))
    });
    due
}

/// The earliest stage of `due` (sorted as [`due_stages`] sorts) and its invoices.
fn next_of(due: &[DueStage]) -> Option<(Stage, Vec<DueStage>)> {
    let stage = due.first()?.stage;
    let at: Vec<DueStage> = due.iter().filter(|d| d.stage == stage).cloned().collect();
    Some((stage, at))
}

fn is_stale(as_of: NaiveDate, today: NaiveDate, rules: &DunningRules) -> bool {
    (today - as_of).num_days() > i64::from(rules.stale_after_days)
}

/// What to propose (§7). Only once a followed invoice has reached its litigation review date
/// (done or not): before that the plan is still running. Then: litigation when the overdue is
/// above the threshold; at or below it, the small-claims procedure when overdue + penalties is
/// within the ceiling, else a write-off. Without the penalties (their rate unknown) the
/// ceiling is checked on the overdue alone, and the proposal says so.
fn proposal(
    ledger: &Ledger,
    class: RiskClass,
    rules: &DunningRules,
    overdue: Decimal,
    penalties: Option<Decimal>,
) -> Proposal {
    let Some(review) = rules
        .plan_for(class)
        .and_then(|p| p.rule(Stage::LitigationReview))
    else {
        return Proposal::None;
    };
    let reached = ledger.items.iter().any(|i| {
        followed(i)
            .and_then(|due| review.date_for(due))
            .is_some_and(|date| date <= ledger.as_of)
    });
    if !reached || overdue <= Decimal::ZERO {
        return Proposal::None;
    }
    if overdue > rules.litigation_threshold {
        return Proposal::Litigation;
    }
    let claimed = saturating_add(overdue, penalties.unwrap_or(Decimal::ZERO));
    if claimed <= rules.small_claims_ceiling {
        Proposal::SmallClaims {
            interest_included: penalties.is_some(),
        }
    } else {
        Proposal::WriteOff
    }
}

/// The client's plan at its ledger's `as_of` (never today: `today` only says whether the
/// situation is stale). `penalties` = interest + indemnity at `as_of` (§6), `None` when the
/// interest is absent.
pub fn client_plan(
    ledger: &Ledger,
    class: RiskClass,
    rules: &DunningRules,
    today: NaiveDate,
    penalties: Option<Decimal>,
) -> ClientPlan {
    let due = due_stages(ledger, class, rules);
    let overdue = figures(ledger, None, &FigureRules::default()).overdue;
    ClientPlan {
        as_of: ledger.as_of,
        next: next_of(&due),
        due,
        stale: is_stale(ledger.as_of, today, rules),
        overdue,
        proposal: proposal(ledger, class, rules, overdue, penalties),
    }
}

/// Marks `stage` done on `on` on the invoices whose reference is listed: pushes
/// `Action { stage.key(), on, note }` on each. A reference where that stage is already recorded
/// on that date (on any of its invoices) is left as it is. Returns the references changed, each
/// once: give them to [`undo`] to take the marking back exactly.
pub fn mark_done(
    ledger: &mut Ledger,
    refs: &[String],
    stage: Stage,
    on: NaiveDate,
    note: &str,
) -> Vec<String> {
    let is_it = |a: &Action| a.stage == stage.key() && a.on == on;
    let mut changed: Vec<String> = Vec::new();
    for reference in refs {
        let mine = |i: &&Item| i.kind == ItemKind::Invoice && &i.reference == reference;
        let targets: Vec<&Item> = ledger.items.iter().filter(mine).collect();
        let already = targets.iter().any(|i| i.actions.iter().any(is_it));
        if targets.is_empty() || already || changed.contains(reference) {
            continue;
        }
        for item in ledger.items.iter_mut() {
            if item.kind == ItemKind::Invoice && &item.reference == reference {
                item.actions.push(Action {
                    stage: stage.key().to_string(),
                    on,
                    note: note.to_string(),
                });
            }
        }
        changed.push(reference.clone());
    }
    changed
}

/// Takes back a marking: removes the last action of `stage` on `on` from each listed invoice.
/// Returns how many actions were removed.
pub fn undo(ledger: &mut Ledger, refs: &[String], stage: Stage, on: NaiveDate) -> usize {
    let mut removed = 0;
    for item in ledger.items.iter_mut() {
        if item.kind != ItemKind::Invoice || !refs.contains(&item.reference) {
            continue;
        }
        let last = item
            .actions
            .iter()
            .rposition(|a| a.stage == stage.key() && a.on == on);
        if let Some(pos) = last {
            item.actions.remove(pos);
            removed += 1;
        }
    }
    removed
}

/// One client file of the portfolio: its id, its name, its risk class and its ledger.
pub type ClientFileLine<'a> = (&'a str, &'a str, RiskClass, &'a Ledger);

/// One client in today's actions: its next stage's invoices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionLine {
    pub file_id: String,
    pub name: String,
    pub class: RiskClass,
    pub as_of: NaiveDate,
    /// The situation is stale: import a newer one before sending.
    pub stale: bool,
    /// The invoices at the client's next stage, by date.
    pub invoices: Vec<DueStage>,
    /// Σ `open` of those invoices.
    pub amount: Decimal,
}

/// Today's actions across files: each client with a due stage appears once, under its next
/// stage; groups in stage order, clients by amount descending (then name, then file id).
pub fn todays_actions(
    lines: &[ClientFileLine<'_>],
    rules: &DunningRules,
    today: NaiveDate,
) -> Vec<(Stage, Vec<ActionLine>)> {
    let mut groups: Vec<(Stage, Vec<ActionLine>)> =
        Stage::ALL.into_iter().map(|s| (s, Vec::new())).collect();
    for &(file_id, name, class, ledger) in lines {
        let Some((stage, invoices)) = next_of(&due_stages(ledger, class, rules)) else {
            continue;
        };
        let amount = invoices
            .iter()
            .fold(Decimal::ZERO, |acc, d| saturating_add(acc, d.open));
        let line = ActionLine {
            file_id: file_id.to_string(),
            name: name.to_string(),
            class,
            as_of: ledger.as_of,
            stale: is_stale(ledger.as_of, today, rules),
            invoices,
            amount,
        };
        if let Some((_, group)) = groups.iter_mut().find(|(s, _)| *s == stage) {
            group.push(line);
        }
    }
    groups.retain(|(_, g)| !g.is_empty());
    for (_, group) in groups.iter_mut() {
        group.sort_by(|a, b| {
            b.amount
                .cmp(&a.amount)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.file_id.cmp(&b.file_id))
        });
    }
    groups
}
