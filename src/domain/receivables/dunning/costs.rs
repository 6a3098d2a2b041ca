//! What lateness and dunning cost (docs/receivables.md §7), and the sales it takes to make up
//! a write-off.

use rust_decimal::Decimal;

use super::{DunningRules, Stage};
use crate::domain::figure::{over, saturating_add, times};
use crate::domain::ids::RiskClass;
use crate::domain::receivables::ledger::Ledger;

/// The cost of lateness per year = encours × financing rate × `dso-add` / 365, unrounded;
/// `None` on overflow (only hostile amounts get there).
pub fn cost_of_lateness(
    encours: Decimal,
    dso_add: Decimal,
    rules: &DunningRules,
) -> Option<Decimal> {
    let per_year = times(times(encours, rules.financing_rate)?, dso_add)?;
    over(per_year, Decimal::from(365))
}

/// The cost of the dunning done on a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DunningCost {
    /// Σ over the priced actions of their stage's unit cost in the class's plan.
    pub total: Decimal,
    /// How many actions were priced.
    pub actions: u32,
    /// Actions whose stage is unknown or absent from the class's plan: not in `total`.
    pub unpriced: u32,
}

/// The cost of the dunning done: every action recorded on the ledger's items (closed ones too:
/// the work was done) × the unit cost of its stage in the plan of `class`.
pub fn cost_of_dunning(ledger: &Ledger, class: RiskClass, rules: &DunningRules) -> DunningCost {
    let plan = rules.plan_for(class);
    let mut cost = DunningCost {
        total: Decimal::ZERO,
        actions: 0,
        unpriced: 0,
    };
    for action in ledger.items.iter().flat_map(|i| &i.actions) {
        let unit = Stage::from_key(&action.stage)
            .and_then(|s| plan.and_then(|p| p.rule(s)))
            .map(|r| r.unit_cost);
        match unit {
            Some(u) => {
                cost.total = saturating_add(cost.total, u);
                cost.actions = cost.actions.saturating_add(1);
            }
            None => cost.unpriced = cost.unpriced.saturating_add(1),
        }
    }
    cost
}

/// The sales it takes, at the policy's margin, to make up a write-off: amount / margin rate.
/// `None` when the margin is 0 (or on overflow).
pub fn sales_to_make_up(write_off: Decimal, rules: &DunningRules) -> Option<Decimal> {
    if rules.margin_rate.is_zero() {
        return None;
    }
    over(write_off, rules.margin_rate)
}
