//! The credit policy's versions, the rating each client file keeps, and the preview of a draft
//! (FINANCE.md §5: "every file keeps the policy version its rating was computed with").
//!
//! - A [`PolicyHistory`] is append-only: saving a valid draft adds it as a new version numbered
//!   highest + 1 and dated; earlier versions stay readable with [`PolicyHistory::get`].
//! - Going back to a version, or to the defaults of FINANCE.md, saves a copy of it as a new
//!   version: history is never rewritten, and every file rated since keeps a version number that
//!   still means what it meant.
//! - A draft whose rules are those of the current version is refused as
//!   [`HistoryError::Unchanged`]: a new version number would mark every file as rated under an
//!   older version for nothing. (The editor can disable its "save" button on
//!   [`same_rules`]`(draft, current)`.)
//! - The history always holds at least one version, in strictly ascending order; the type keeps
//!   this (its fields are private and reading JSON checks it), so [`PolicyHistory::current`]
//!   never fails.
//!
//! Export is [`policy_to_json`]; import is [`read_policy_json`] (every problem, each naming its
//! place), then [`preview`] of the imported policy, then [`PolicyHistory::save`].

use crate::domain::lang::Lang;
use std::iter;

use chrono::NaiveDate;
use rust_decimal::RoundingStrategy;
use serde::Serialize;

use super::analysis::{verdict, Analysis};
use super::client::{ClientFile, RatingRecord};
use super::policy::{versions_from_json, Policy};
pub use super::policy_check::policy_to_json;
use super::policy_check::{validate, PolicyError, PolicyProblem};
pub use super::policy_preview::{preview, Preview, RatingChange};

/// Why a version was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// The policy breaks the rules of `policy_check`; each error names its place.
    Invalid(Vec<PolicyError>),
    /// The draft's rules are those of the current version: there is nothing to save.
    Unchanged,
    /// No version has this number.
    NoSuchVersion(u32),
    /// The version numbers are used up (only a history edited by hand gets there).
    NoVersionLeft,
}

impl HistoryError {
    /// The message, in French or English; for an invalid policy, every problem with its place.
    pub fn message(&self, lang: Lang) -> String {
        let french = lang.is_fr();
        match (self, french) {
            (HistoryError::Invalid(errors), _) => errors
                .iter()
                .map(|e| e.message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            (HistoryError::Unchanged, true) => {
                "aucune règle ne change : la version en vigueur reste la même".into()
            }
            (HistoryError::Unchanged, false) => {
                "no rule changes: the current version stays as it is".into()
            }
            (HistoryError::NoSuchVersion(v), true) => format!("il n'y a pas de version {v}"),
            (HistoryError::NoSuchVersion(v), false) => format!("there is no version {v}"),
            (HistoryError::NoVersionLeft, true) => "plus aucun numéro de version libre".into(),
            (HistoryError::NoVersionLeft, false) => "no version number left".into(),
        }
    }
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// True when two policies have the same rules: everything but the version, date and comment.
pub fn same_rules(a: &Policy, b: &Policy) -> bool {
    fn rules(p: &Policy) -> Policy {
        Policy {
            version: 0,
            created_on: None,
            comment: String::new(),
            ..p.clone()
        }
    }
    rules(a) == rules(b)
}

/// Reads a policy exported as JSON and validates it: every problem, each naming its place.
/// The version, date and comment it carries are those of the app that exported it; saving it gives it a version here.
///
/// The text is read by [`Policy::from_json_text`], with the rules of the exchange format's and
/// storage's policy reader.
pub fn read_policy_json(json: &str) -> Result<Policy, Vec<PolicyError>> {
    let policy = Policy::from_json_text(json).map_err(|e| {
        vec![PolicyError::new(
            crate::domain::policy_place::Place::Whole,
            PolicyProblem::NotAPolicy(e),
        )]
    })?;
    let errors = validate(&policy);
    if errors.is_empty() {
        Ok(policy)
    } else {
        Err(errors)
    }
}

/// Every version of the credit policy, oldest first; the last one is in force.
///
/// Stored as `{"versions":[policy, …]}`; reading ([`PolicyHistory::from_json`]) refuses an
/// empty list or versions out of ascending order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "StoredHistory")]
pub struct PolicyHistory {
    /// The versions before the current one, oldest first.
    earlier: Vec<Policy>,
    current: Policy,
}

/// The stored form of a [`PolicyHistory`], as written.
#[derive(Serialize)]
struct StoredHistory {
    versions: Vec<Policy>,
}

impl PolicyHistory {
    /// Reads a stored history, `{"versions": [policy, …]}`: every version as
    /// [`Policy::from_json`] reads it, at least one, in strictly ascending order.
    pub fn from_json(v: &serde_json::Value) -> Result<Self, String> {
        versions_from_json(v).and_then(Self::from_versions)
    }

    fn from_versions(mut versions: Vec<Policy>) -> Result<Self, String> {
        for pair in versions.windows(2) {
            if pair[1].version <= pair[0].version {
                return Err(format!(
                    "policy versions out of order: {} after {}",
                    pair[1].version, pair[0].version
                ));
            }
        }
        match versions.pop() {
            Some(current) => Ok(PolicyHistory {
                earlier: versions,
                current,
            }),
            None => Err("a policy history holds at least one version".into()),
        }
    }
}

impl From<PolicyHistory> for StoredHistory {
    fn from(h: PolicyHistory) -> Self {
        let mut versions = h.earlier;
        versions.push(h.current);
        StoredHistory { versions }
    }
}

impl Default for PolicyHistory {
    fn default() -> Self {
        Self::new()
    }
}

impl PolicyHistory {
    /// A history holding the defaults of FINANCE.md as version 1.
    pub fn new() -> Self {
        Self::from_policy(Policy::default())
    }

    /// A history starting at an existing policy, kept as it is (for a policy stored before
    /// there were versions).
    pub fn from_policy(policy: Policy) -> Self {
        PolicyHistory {
            earlier: Vec::new(),
            current: policy,
        }
    }

    /// The version in force: the newest.
    pub fn current(&self) -> &Policy {
        &self.current
    }

    /// Every version, oldest first (`.rev()` for newest first).
    pub fn versions(&self) -> impl DoubleEndedIterator<Item = &Policy> + '_ {
        self.earlier.iter().chain(iter::once(&self.current))
    }

    /// How many versions there are.
    pub fn len(&self) -> usize {
        self.earlier.len() + 1
    }

    /// Always false: a history holds at least one version.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// A version by its number.
    pub fn get(&self, version: u32) -> Option<&Policy> {
        self.versions().find(|p| p.version == version)
    }

    /// Saves a draft as the new current version: validated, numbered highest + 1, dated `today`,
    /// with `comment` (trimmed). Nothing changes when it is refused.
    pub fn save(
        &mut self,
        mut draft: Policy,
        today: NaiveDate,
        comment: &str,
    ) -> Result<&Policy, HistoryError> {
        let errors = validate(&draft);
        if !errors.is_empty() {
            return Err(HistoryError::Invalid(errors));
        }
        if same_rules(&draft, &self.current) {
            return Err(HistoryError::Unchanged);
        }
        // Versions ascend, so the current one has the highest number.
        let version = self
            .current
            .version
            .checked_add(1)
            .ok_or(HistoryError::NoVersionLeft)?;
        draft.version = version;
        draft.created_on = Some(today);
        draft.comment = comment.trim().to_string();
        let previous = std::mem::replace(&mut self.current, draft);
        self.earlier.push(previous);
        Ok(&self.current)
    }

    /// Goes back to an earlier version by saving a copy of its rules as a new version.
    /// Validated again, since the rules of validation may have changed since.
    pub fn revert_to(
        &mut self,
        version: u32,
        today: NaiveDate,
        comment: &str,
    ) -> Result<&Policy, HistoryError> {
        let old = self
            .get(version)
            .cloned()
            .ok_or(HistoryError::NoSuchVersion(version))?;
        self.save(old, today, comment)
    }

    /// Saves the defaults of FINANCE.md as a new version.
    pub fn reset_to_defaults(
        &mut self,
        today: NaiveDate,
        comment: &str,
    ) -> Result<&Policy, HistoryError> {
        self.save(Policy::default(), today, comment)
    }
}

/// What a file keeps of its analysis: the policy version, the date, class, score and limit.
/// The score is kept to 4 places (half-even, as in `data-value`): the exchange format reads at
/// most 6 decimals, and a score divided by a sum of weights can have 28.
pub fn rating_record(analysis: &Analysis) -> RatingRecord {
    RatingRecord {
        policy_version: analysis.policy_version,
        rated_on: analysis.today,
        class: analysis.grid.class,
        score: analysis
            .grid
            .score
            .map(|s| s.round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven)),
        limit: analysis.limit.recommended,
    }
}

/// Rates a file under a policy: records the rating on the file and returns the verdict
/// (`analysis::verdict`: the latest year only, all a rating needs; this runs on every keystroke).
pub fn rate_file(file: &mut ClientFile, policy: &Policy, today: NaiveDate) -> Analysis {
    let analysis = verdict(file, policy, today);
    file.rating = Some(rating_record(&analysis));
    analysis
}

/// Where a file's rating stands against the policy in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatingStatus {
    /// Never rated.
    Unrated,
    /// Rated under the policy in force.
    Current,
    /// Rated under an earlier version.
    Older { version: u32 },
    /// Rated under a version this history has not reached (a file from another app).
    Other { version: u32 },
}

/// Where a file's rating stands against `policy`.
pub fn rating_status(file: &ClientFile, policy: &Policy) -> RatingStatus {
    match &file.rating {
        None => RatingStatus::Unrated,
        Some(r) if r.policy_version == policy.version => RatingStatus::Current,
        Some(r) if r.policy_version < policy.version => RatingStatus::Older {
            version: r.policy_version,
        },
        Some(r) => RatingStatus::Other {
            version: r.policy_version,
        },
    }
}

/// True when the file has no rating or one computed under another version than `policy`.
pub fn needs_rerate(file: &ClientFile, policy: &Policy) -> bool {
    rating_status(file, policy) != RatingStatus::Current
}

/// Rates every file that [`needs_rerate`]; returns how many were rated.
pub fn rerate_outdated(files: &mut [ClientFile], policy: &Policy, today: NaiveDate) -> usize {
    let mut count = 0;
    for file in files.iter_mut().filter(|f| needs_rerate(f, policy)) {
        rate_file(file, policy, today);
        count += 1;
    }
    count
}
