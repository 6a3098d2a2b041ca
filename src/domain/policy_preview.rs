//! The preview of a policy draft: the portfolio re-rated under it, the files whose class or
//! limit would change listed and counted, before the draft is saved as a version.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::analysis::verdict;
use super::client::ClientFile;
use super::grid::RiskClass;
use super::policy::Policy;
use super::policy_check::{validate, PolicyError};

/// A file whose class or recommended limit differs between two policies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingChange {
    pub id: String,
    pub name: String,
    pub old_class: RiskClass,
    pub new_class: RiskClass,
    pub old_limit: Decimal,
    pub new_limit: Decimal,
    pub old_score: Option<Decimal>,
    pub new_score: Option<Decimal>,
}

impl RatingChange {
    pub fn class_changed(&self) -> bool {
        self.old_class != self.new_class
    }

    pub fn limit_changed(&self) -> bool {
        self.old_limit != self.new_limit
    }
}

/// The portfolio re-rated under a draft.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preview {
    /// The files whose class or limit changes, in the portfolio's order.
    pub changes: Vec<RatingChange>,
    /// How many change class.
    pub class_changes: usize,
    /// How many change limit.
    pub limit_changes: usize,
    /// How many files were re-rated.
    pub files: usize,
}

/// Every file rated under `current` and under `draft` on `today`: the files whose class or
/// recommended limit differ (a score that moves without either is not a change). Both ratings
/// are computed afresh, so the comparison is the policy's alone, not that of dates. An invalid
/// draft is refused with its problems, as saving would refuse it.
pub fn preview(
    files: &[ClientFile],
    current: &Policy,
    draft: &Policy,
    today: NaiveDate,
) -> Result<Preview, Vec<PolicyError>> {
    let errors = validate(draft);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = Preview {
        files: files.len(),
        ..Preview::default()
    };
    for file in files {
        let old = verdict(file, current, today);
        let new = verdict(file, draft, today);
        let change = RatingChange {
            id: file.id.clone(),
            name: file.name.clone(),
            old_class: old.grid.class,
            new_class: new.grid.class,
            old_limit: old.limit.recommended,
            new_limit: new.limit.recommended,
            old_score: old.grid.score,
            new_score: new.grid.score,
        };
        let (class, limit) = (change.class_changed(), change.limit_changed());
        if class || limit {
            out.class_changes += usize::from(class);
            out.limit_changes += usize::from(limit);
            out.changes.push(change);
        }
    }
    Ok(out)
}
