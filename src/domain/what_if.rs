//! What-if on the trade terms of a file: the user tries other expected sales, payment terms,
//! expected delay, insurance cover or guarantees and sees the limit move, without touching the
//! saved file until the overrides are applied.
//!
//! Each override is `Option<Option<T>>`: `None` keeps the file's value, `Some(None)` clears it
//! (absent, e.g. no expected sales: the need then comes from the requested limit), `Some(Some(v))`
//! sets it. The terms basis cannot be absent, so it is a plain `Option`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::analysis::{analyse, Analysis};
use super::client::{ClientFile, TermsBasis, Trade};
use super::figure::{minus, saturating_sub};
use super::limit::LimitResult;
use super::policy::Policy;

/// Trade terms tried in place of the file's (FINANCE.md §6 inputs, the requested limit aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TradeOverrides {
    pub expected_annual_sales: Option<Option<Decimal>>,
    pub terms_days: Option<Option<u32>>,
    pub terms_basis: Option<TermsBasis>,
    pub expected_delay_days: Option<Option<u32>>,
    pub insurance_cover: Option<Option<Decimal>>,
    pub guarantees: Option<Option<Decimal>>,
}

fn set<T: Copy>(slot: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *slot = v;
    }
}

impl TradeOverrides {
    /// Nothing overridden.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Writes the overrides into trade terms; what is not overridden stays.
    pub fn apply_to(&self, t: &mut Trade) {
        set(&mut t.expected_annual_sales, self.expected_annual_sales);
        set(&mut t.terms_days, self.terms_days);
        set(&mut t.terms_basis, self.terms_basis);
        set(&mut t.expected_delay_days, self.expected_delay_days);
        set(&mut t.insurance_cover, self.insurance_cover);
        set(&mut t.guarantees, self.guarantees);
    }

    /// The file with the overridden trade terms (a copy: the file itself is untouched).
    pub fn apply(&self, file: &ClientFile) -> ClientFile {
        let mut f = file.clone();
        self.apply_to(&mut f.trade);
        f
    }

    /// The overrides would change the file's trade terms (an override equal to the file's value
    /// changes nothing).
    pub fn changes(&self, t: &Trade) -> bool {
        let mut after = t.clone();
        self.apply_to(&mut after);
        after != *t
    }
}

/// What the what-if shows beside the file's own figures: both limits and their differences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    /// The analysis of the file as saved.
    pub base: Analysis,
    /// The analysis with the overrides.
    pub tried: Analysis,
    pub delta: LimitDelta,
}

/// What-if figure minus the file's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LimitDelta {
    /// Absent when either need is absent.
    pub need: Option<Decimal>,
    pub capacity: Decimal,
    pub secured: Decimal,
    pub recommended: Decimal,
    /// Recommended terms, in days.
    pub terms_days: i64,
}

impl LimitDelta {
    pub fn between(base: &LimitResult, tried: &LimitResult) -> Self {
        Self {
            need: base.need.zip(tried.need).and_then(|(b, t)| minus(t, b)),
            capacity: saturating_sub(tried.capacity, base.capacity),
            secured: saturating_sub(tried.secured, base.secured),
            recommended: saturating_sub(tried.recommended, base.recommended),
            terms_days: i64::from(tried.terms.max_days) - i64::from(base.terms.max_days),
        }
    }
}

/// Runs the analysis of the file as saved and with the overrides, on the analysis date `today`.
pub fn what_if(
    file: &ClientFile,
    overrides: &TradeOverrides,
    policy: &Policy,
    today: NaiveDate,
) -> WhatIf {
    let base = analyse(file, policy, today);
    let tried = if overrides.is_empty() {
        base.clone()
    } else {
        analyse(&overrides.apply(file), policy, today)
    };
    let delta = LimitDelta::between(&base.limit, &tried.limit);
    WhatIf { base, tried, delta }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testutil::d;

    #[test]
    fn keep_clear_and_set_are_three_things() {
        let mut t = Trade {
            expected_annual_sales: Some(d("1000")),
            guarantees: Some(d("5")),
            ..Trade::default()
        };
        let o = TradeOverrides {
            expected_annual_sales: Some(None),
            terms_days: Some(Some(30)),
            ..TradeOverrides::default()
        };
        assert!(o.changes(&t));
        o.apply_to(&mut t);
        assert_eq!(t.expected_annual_sales, None);
        assert_eq!(t.terms_days, Some(30));
        assert_eq!(t.guarantees, Some(d("5")));
        assert!(!o.changes(&t));
        assert!(TradeOverrides::default().is_empty());
    }
}
