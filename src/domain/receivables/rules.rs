//! The receivables part of the credit policy (docs/receivables.md): which accounts are the
//! customers', the aged balance's bounds, how many paid invoices make a measured payment
//! behaviour, how end-of-month terms are counted. Versioned with the rest of the policy; a
//! policy stored before these settings existed reads them at their defaults.

use serde::{Deserialize, Serialize};

use super::dates::EndOfMonthRule;
use super::dunning::DunningRules;
use super::figures::FigureRules;
use super::penalties::PenaltyRules;

/// The receivables settings of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ReceivablesRules {
    /// FEC accounts starting with one of these are the customers' (default `411`).
    pub receivable_prefixes: Vec<String>,
    /// The aged balance's upper bounds in days past due: 1–30, 31–60, 61–90, over 90.
    pub aged_bounds: [u32; 3],
    /// Paid invoices from which the measured delay replaces the typed one in the grid.
    pub min_measured_invoices: u32,
    /// `end_of_month` terms: the month end after adding the days (default), or the days after
    /// the invoice's month end.
    pub end_of_month: EndOfMonthRule,
    /// Late-payment penalties: the dated rate table, the margin, a contractual rate, the
    /// indemnity (docs/receivables.md "Penalties").
    pub penalties: PenaltyRules,
    /// The dunning plan by class, litigation thresholds, costs (docs/receivables.md "Dunning").
    pub dunning: DunningRules,
}

impl Default for ReceivablesRules {
    fn default() -> Self {
        ReceivablesRules {
            receivable_prefixes: vec!["411".to_string()],
            aged_bounds: [30, 60, 90],
            min_measured_invoices: 3,
            end_of_month: EndOfMonthRule::DaysThenMonthEnd,
            penalties: PenaltyRules::default(),
            dunning: DunningRules::default(),
        }
    }
}

impl ReceivablesRules {
    /// What the figures of a ledger need.
    pub fn figure_rules(&self) -> FigureRules {
        FigureRules {
            aged_bounds: self.aged_bounds,
            min_measured_invoices: self.min_measured_invoices,
        }
    }
}
