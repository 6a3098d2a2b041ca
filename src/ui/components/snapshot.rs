//! The snapshot every analysis section renders from: the analysis, the file's statements and
//! the policy, in one consistent state, and the interface language.

use crate::domain::analysis::{Analysis, YearAnalysis};
use crate::domain::policy::Policy;
use crate::domain::statement::Statement;
use crate::ui::Lang;

/// What the analysis sections render from: one consistent snapshot.
#[derive(Clone)]
pub struct Snapshot {
    pub lang: Lang,
    pub analysis: Option<Analysis>,
    /// The file's statements, oldest first: aligned with `analysis.years`.
    pub statements: Vec<Statement>,
    pub policy: Policy,
}

impl Snapshot {
    /// The years, latest first, each with its statement and the year before it.
    pub fn years(&self) -> Vec<(&YearAnalysis, Option<&Statement>, Option<&YearAnalysis>)> {
        let Some(a) = &self.analysis else {
            return Vec::new();
        };
        (0..a.years.len())
            .rev()
            .map(|k| {
                let prev = k.checked_sub(1).and_then(|j| a.years.get(j));
                (&a.years[k], self.statements.get(k), prev)
            })
            .collect()
    }
}
