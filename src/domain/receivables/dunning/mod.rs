//! The dunning plan (docs/receivables.md §7): the stages a client's open invoices go through,
//! measured at the ledger's `as_of`, what to do next, what the dunning done has cost and what
//! lateness costs.
//!
//! Rooms: `rules` (the policy's plan by risk class and its checks), `plan` (a client's due
//! stages and proposal, marking a stage done, today's actions across files), `costs`.

mod costs;
mod plan;
mod rules;

pub use costs::{cost_of_dunning, cost_of_lateness, sales_to_make_up, DunningCost};
pub use plan::{
    client_plan, due_stages, mark_done, todays_actions, undo, ActionLine, ClientFileLine,
    ClientPlan, DueStage,
};
pub use rules::{check_rules, ClassPlan, DunningProblem, DunningRules, StageRule};

use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;

/// The stages, in the order they are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    #[serde(rename = "pre_due")]
    PreDue,
    #[serde(rename = "reminder_1")]
    Reminder1,
    #[serde(rename = "reminder_2")]
    Reminder2,
    #[serde(rename = "formal_notice")]
    FormalNotice,
    #[serde(rename = "litigation_review")]
    LitigationReview,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::PreDue,
        Stage::Reminder1,
        Stage::Reminder2,
        Stage::FormalNotice,
        Stage::LitigationReview,
    ];

    /// The name stored in an invoice's `actions[].stage` (and in the policy's JSON).
    pub const fn key(self) -> &'static str {
        match self {
            Stage::PreDue => "pre_due",
            Stage::Reminder1 => "reminder_1",
            Stage::Reminder2 => "reminder_2",
            Stage::FormalNotice => "formal_notice",
            Stage::LitigationReview => "litigation_review",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Stage::PreDue => lang.pick("Relance préventive", "Pre-due reminder"),
            Stage::Reminder1 => lang.pick("Relance 1", "Reminder 1"),
            Stage::Reminder2 => lang.pick("Relance 2 (appel)", "Reminder 2 (call)"),
            Stage::FormalNotice => lang.pick("Mise en demeure", "Formal notice"),
            Stage::LitigationReview => lang.pick("Revue contentieux", "Litigation review"),
        }
    }
}

/// How a stage is carried out; each has its unit cost in the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
    Letter,
    RegisteredLetter,
    /// An internal review of the file (no message to the client).
    Review,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::Phone,
        Channel::Letter,
        Channel::RegisteredLetter,
        Channel::Review,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Letter => "letter",
            Channel::RegisteredLetter => "registered_letter",
            Channel::Review => "review",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Channel::Email => lang.pick("E-mail", "Email"),
            Channel::Phone => lang.pick("Appel", "Phone call"),
            Channel::Letter => lang.pick("Courrier", "Letter"),
            Channel::RegisteredLetter => lang.pick(
                "Lettre recommandée avec accusé de réception",
                "Registered letter with acknowledgement of receipt",
            ),
            Channel::Review => lang.pick("Revue interne", "Internal review"),
        }
    }
}

/// What the app proposes once a client's litigation review is reached (§7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Proposal {
    /// Nothing to propose: no open, undisputed invoice has reached the litigation review date,
    /// the plan has no such stage, or nothing is overdue.
    None,
    /// The overdue at `as_of` is above the litigation threshold.
    Litigation,
    /// At or below the threshold, and overdue + penalties within the small-claims ceiling: the
    /// simplified procedure (it needs the debtor's agreement; a write-off is the other way).
    /// `interest_included` is false when the penalties were unknown and the ceiling was checked
    /// on the overdue alone.
    SmallClaims { interest_included: bool },
    /// At or below the threshold, but overdue + penalties above the small-claims ceiling.
    WriteOff,
}

impl Proposal {
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Proposal::None => lang.pick("Aucune proposition", "No proposal"),
            Proposal::Litigation => lang.pick("Contentieux", "Litigation"),
            Proposal::SmallClaims { .. } => lang.pick(
                "Procédure simplifiée de recouvrement des petites créances (accord du débiteur requis), ou passage en perte",
                "Simplified small-claims procedure (needs the debtor's agreement), or write-off",
            ),
            Proposal::WriteOff => lang.pick("Passage en perte", "Write-off"),
        }
    }
}
