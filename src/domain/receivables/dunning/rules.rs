//! The dunning settings of the policy (docs/receivables.md §7): the stages of each risk class
//! with their days relative to the due date, channel and unit cost, and the amounts and rates
//! the plan's proposals and costs use.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Channel, Stage};
use crate::domain::ids::RiskClass;
use crate::domain::lang::Lang;

/// One stage of a class's plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StageRule {
    pub stage: Stage,
    /// Days relative to `due_on`; negative before it.
    pub days: i32,
    pub channel: Channel,
    /// What one action of this stage costs (€, ≥ 0).
    pub unit_cost: Decimal,
}

impl StageRule {
    /// The date this stage falls on for an invoice due on `due_on`; `None` beyond chrono's
    /// calendar (only a hostile policy gets there).
    pub fn date_for(&self, due_on: NaiveDate) -> Option<NaiveDate> {
        let n = Days::new(u64::from(self.days.unsigned_abs()));
        if self.days >= 0 {
            due_on.checked_add_days(n)
        } else {
            due_on.checked_sub_days(n)
        }
    }
}

/// The plan of one risk class; a stage may be absent (class A has no pre-due reminder).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClassPlan {
    pub class: RiskClass,
    /// In stage order, days strictly increasing.
    pub stages: Vec<StageRule>,
}

impl ClassPlan {
    /// The rule of `stage`, when the plan has it.
    pub fn rule(&self, stage: Stage) -> Option<&StageRule> {
        self.stages.iter().find(|r| r.stage == stage)
    }
}

/// The dunning settings of a policy. A policy stored before they existed reads the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct DunningRules {
    /// One plan per risk class (E and NR share the E row by default).
    pub plans: Vec<ClassPlan>,
    /// Beyond this many days between `as_of` and today the plan says "situation au {as_of}".
    pub stale_after_days: u32,
    /// Litigation is proposed only above this overdue (€).
    pub litigation_threshold: Decimal,
    /// The simplified small-claims procedure's ceiling, interest included (€).
    pub small_claims_ceiling: Decimal,
    /// The cost of financing the receivables, per year (0.05 = 5 %).
    pub financing_rate: Decimal,
    /// The margin on sales, for the sales it takes to make up a write-off (0.25 = 25 %).
    pub margin_rate: Decimal,
}

/// Default unit costs (€, policy settings): an e-mail 2, a call 8, a letter 5, a registered
/// letter 12 (postage and time), an internal litigation review 30 (half an hour of a manager).
pub const DEFAULT_COSTS: [(Channel, i64); 5] = [
    (Channel::Email, 2),
    (Channel::Phone, 8),
    (Channel::Letter, 5),
    (Channel::RegisteredLetter, 12),
    (Channel::Review, 30),
];

/// The default channel of each stage: §7 names the call and the registered letter.
const fn default_channel(stage: Stage) -> Channel {
    match stage {
        Stage::PreDue | Stage::Reminder1 => Channel::Email,
        Stage::Reminder2 => Channel::Phone,
        Stage::FormalNotice => Channel::RegisteredLetter,
        Stage::LitigationReview => Channel::Review,
    }
}

/// The default unit cost of a channel.
pub fn default_cost(channel: Channel) -> Decimal {
    DEFAULT_COSTS
        .iter()
        .find(|(c, _)| *c == channel)
        .map_or(Decimal::ZERO, |(_, v)| Decimal::from(*v))
}

/// A class's plan from the days of §7's row (pre-due, R1, R2, notice, review; `None` absent).
fn default_plan(class: RiskClass, days: [Option<i32>; 5]) -> ClassPlan {
    let stages = Stage::ALL
        .into_iter()
        .zip(days)
        .filter_map(|(stage, d)| {
            d.map(|days| StageRule {
                stage,
                days,
                channel: default_channel(stage),
                unit_cost: default_cost(default_channel(stage)),
            })
        })
        .collect();
    ClassPlan { class, stages }
}

impl Default for DunningRules {
    fn default() -> Self {
        let e_row = [Some(-10), Some(1), Some(5), Some(8), Some(15)];
        DunningRules {
            plans: vec![
                default_plan(RiskClass::A, [None, Some(7), Some(20), Some(45), Some(60)]),
                default_plan(
                    RiskClass::B,
                    [Some(-5), Some(5), Some(15), Some(30), Some(45)],
                ),
                default_plan(
                    RiskClass::C,
                    [Some(-7), Some(3), Some(10), Some(21), Some(30)],
                ),
                default_plan(
                    RiskClass::D,
                    [Some(-10), Some(1), Some(7), Some(15), Some(21)],
                ),
                default_plan(RiskClass::E, e_row),
                default_plan(RiskClass::NotRated, e_row),
            ],
            stale_after_days: 7,
            litigation_threshold: Decimal::from(1500),
            small_claims_ceiling: Decimal::from(5000),
            financing_rate: Decimal::new(5, 2),
            margin_rate: Decimal::new(25, 2),
        }
    }
}

impl DunningRules {
    /// The plan of `class`: the first listed for it (a checked policy has exactly one).
    pub fn plan_for(&self, class: RiskClass) -> Option<&ClassPlan> {
        self.plans.iter().find(|p| p.class == class)
    }
}

/// Why dunning settings cannot be saved; indices are positions in `plans` and `stages`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DunningProblem {
    /// A risk class has no plan.
    MissingClass(RiskClass),
    /// A second plan for a class.
    DuplicateClass { plan: usize, class: RiskClass },
    /// A stage listed twice or out of the stage order.
    StageOrder { plan: usize, stage: usize },
    /// Days not strictly increasing from one stage to the next.
    DaysOrder { plan: usize, stage: usize },
    /// A negative unit cost.
    NegativeCost { plan: usize, stage: usize },
    /// A negative amount (`litigation_threshold`, `small_claims_ceiling`).
    NegativeAmount(&'static str),
    /// A rate outside 0–1 (`financing_rate`), or a margin outside (0, 1] (`margin_rate`: a
    /// zero margin would make every write-off impossible to make up).
    RateRange(&'static str),
}

impl DunningProblem {
    /// The place as a JSON path inside the dunning settings (`plans[1].stages[2].days`).
    pub fn path(&self) -> String {
        match self {
            DunningProblem::MissingClass(_) => "plans".to_string(),
            DunningProblem::DuplicateClass { plan, .. } => format!("plans[{plan}].class"),
            DunningProblem::StageOrder { plan, stage } => {
                format!("plans[{plan}].stages[{stage}].stage")
            }
            DunningProblem::DaysOrder { plan, stage } => {
                format!("plans[{plan}].stages[{stage}].days")
            }
            DunningProblem::NegativeCost { plan, stage } => {
                format!("plans[{plan}].stages[{stage}].unit_cost")
            }
            DunningProblem::NegativeAmount(field) | DunningProblem::RateRange(field) => {
                (*field).to_string()
            }
        }
    }

    /// The message, without its place.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DunningProblem::MissingClass(c) => format!(
                "{} {}",
                lang.pick("Aucun plan de relance pour la classe", "No dunning plan for class"),
                c.key()
            ),
            DunningProblem::DuplicateClass { class, .. } => format!(
                "{} {}",
                lang.pick("Deux plans de relance pour la classe", "Two dunning plans for class"),
                class.key()
            ),
            DunningProblem::StageOrder { .. } => lang
                .pick(
                    "Chaque étape au plus une fois, dans l'ordre : préventive, relance 1, relance 2, mise en demeure, revue contentieux",
                    "Each stage at most once, in order: pre-due, reminder 1, reminder 2, formal notice, litigation review",
                )
                .to_string(),
            DunningProblem::DaysOrder { .. } => lang
                .pick(
                    "Les jours doivent augmenter strictement d'une étape à la suivante",
                    "Days must strictly increase from one stage to the next",
                )
                .to_string(),
            DunningProblem::NegativeCost { .. } => lang
                .pick("Un coût unitaire ne peut pas être négatif", "A unit cost cannot be negative")
                .to_string(),
            DunningProblem::NegativeAmount(_) => lang
                .pick("Le montant ne peut pas être négatif", "The amount cannot be negative")
                .to_string(),
            DunningProblem::RateRange("margin_rate") => lang
                .pick(
                    "La marge doit être comprise entre 0 (exclu) et 100 %",
                    "The margin must be above 0 and at most 100 %",
                )
                .to_string(),
            DunningProblem::RateRange(_) => lang
                .pick("Le taux doit être compris entre 0 et 100 %", "The rate must be within 0–100 %")
                .to_string(),
        }
    }
}

/// Every problem of `r`, in the order of its fields; empty when it can be saved.
pub fn check_rules(r: &DunningRules) -> Vec<DunningProblem> {
    let mut out = Vec::new();
    for class in RiskClass::ALL {
        if r.plan_for(class).is_none() {
            out.push(DunningProblem::MissingClass(class));
        }
    }
    for (i, plan) in r.plans.iter().enumerate() {
        if r.plans.iter().take(i).any(|p| p.class == plan.class) {
            out.push(DunningProblem::DuplicateClass {
                plan: i,
                class: plan.class,
            });
        }
        let mut previous: Option<&StageRule> = None;
        for (j, rule) in plan.stages.iter().enumerate() {
            if let Some(p) = previous {
                if rule.stage <= p.stage {
                    out.push(DunningProblem::StageOrder { plan: i, stage: j });
                }
                if rule.days <= p.days {
                    out.push(DunningProblem::DaysOrder { plan: i, stage: j });
                }
            }
            if rule.unit_cost < Decimal::ZERO {
                out.push(DunningProblem::NegativeCost { plan: i, stage: j });
            }
            previous = Some(rule);
        }
    }
    if r.litigation_threshold < Decimal::ZERO {
        out.push(DunningProblem::NegativeAmount("litigation_threshold"));
    }
    if r.small_claims_ceiling < Decimal::ZERO {
        out.push(DunningProblem::NegativeAmount("small_claims_ceiling"));
    }
    if r.financing_rate < Decimal::ZERO || r.financing_rate > Decimal::ONE {
        out.push(DunningProblem::RateRange("financing_rate"));
    }
    if r.margin_rate <= Decimal::ZERO || r.margin_rate > Decimal::ONE {
        out.push(DunningProblem::RateRange("margin_rate"));
    }
    out
}
