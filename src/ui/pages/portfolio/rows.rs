//! A portfolio row and its order: what a row shows of a file's verdict, how rows sort, and the
//! class badge.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::grid::RiskClass;
use crate::domain::policy_history::RatingStatus;
use crate::ui::Lang;

/// One row of the table: what the engine said of one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Row {
    pub(super) id: String,
    pub(super) name: String,
    /// Lower case without accents: search and sort.
    pub(super) name_key: String,
    pub(super) siren: String,
    pub(super) class: RiskClass,
    pub(super) provisional: bool,
    pub(super) score: Option<Decimal>,
    pub(super) limit: Decimal,
    pub(super) review_due: NaiveDate,
    /// Closing date of the latest statement.
    pub(super) latest: Option<NaiveDate>,
    /// The latest statement is older than the policy allows.
    pub(super) stale: bool,
    /// The recorded rating against the policy in force (version `policy_version`).
    pub(super) rating: RatingStatus,
    pub(super) policy_version: u32,
    /// The ledger's encours is above the file's limit.
    pub(super) overrun: bool,
}

/// Rows drawn at once when the screen opens (more than a tablet shows below the chart); then, per
/// animation frame, as many again (25, 50, 100, …) up to `MAX_SLICE`: each frame's style and layout covers the whole table, so growing
/// slices keep the total work near linear (fixed slices of 80 made it quadratic), and the cap keeps
/// each frame short enough for the page to answer a tap meanwhile.
pub(super) const FIRST_SLICE: usize = 25;
pub(super) const MAX_SLICE: usize = 250;

/// Columns that sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SortKey {
    Name,
    Siren,
    Class,
    Score,
    Limit,
    Review,
    Statements,
}

/// Whole months from `from` to `to` (0 when `to` is earlier).
pub(super) fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        m -= 1;
    }
    m.max(0) as u32
}

/// SIREN grouped by three for reading ("552 100 554"); anything else as typed.
pub(super) fn siren_display(s: &str) -> String {
    if s.len() == 9 && s.chars().all(|c| c.is_ascii_digit()) {
        format!("{}\u{A0}{}\u{A0}{}", &s[0..3], &s[3..6], &s[6..9])
    } else {
        s.to_string()
    }
}

pub(super) fn compare(a: &Row, b: &Row, key: SortKey) -> Ordering {
    // Absent values sort after present ones, whatever the direction of the rest.
    pub(super) fn opt<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let primary = match key {
        SortKey::Name => a.name_key.cmp(&b.name_key),
        SortKey::Siren => a.siren.cmp(&b.siren),
        SortKey::Class => a.class.cmp(&b.class),
        SortKey::Score => opt(&a.score, &b.score),
        SortKey::Limit => a.limit.cmp(&b.limit),
        SortKey::Review => a.review_due.cmp(&b.review_due),
        SortKey::Statements => opt(&a.latest, &b.latest),
    };
    primary
        .then_with(|| a.name_key.cmp(&b.name_key))
        .then_with(|| a.id.cmp(&b.id))
}

/// The coloured class badge: the letter and the word, never colour alone.
pub fn class_badge(class: RiskClass, lang: Lang, provisional: bool) -> impl IntoView {
    let key = class.key();
    view! {
        <span class=format!("class-badge class-{key}") data-testid="row-class" data-value=key>
            <span class="class-letter">{key}</span>
            <span class="class-word">{class.label(lang)}</span>
            {provisional.then(|| view! {
                <span class="class-prov" title=lang.pick("Notation provisoire : dossier incomplet", "Provisional rating: incomplete file")>
                    {lang.pick("prov.", "prov.")}
                </span>
            })}
        </span>
    }
}
