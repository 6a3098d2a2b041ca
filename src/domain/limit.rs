//! Credit limit and payment terms (FINANCE.md §6).

use chrono::{Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::client::{TermsBasis, Trade};
use super::figure::{minus, over, saturating_add, times};
use super::grid::RiskClass;
use super::legal::{LEGAL_DEFAULT_DAYS, LEGAL_MAX_NET_DAYS};
use super::policy::Policy;

/// What binds the recommended limit (`data-value` of `limit-binding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Binding {
    Need,
    Tnw,
    Revenue,
    Secured,
}

impl Binding {
    pub const fn key(self) -> &'static str {
        match self {
            Binding::Need => "need",
            Binding::Tnw => "tnw",
            Binding::Revenue => "revenue",
            Binding::Secured => "secured",
        }
    }
}

/// Where the need comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NeedSource {
    /// Expected sales × (1 + VAT) × days / 365.
    Sales,
    /// The requested limit, lower than the need from sales or the only figure given.
    Requested,
}

/// Terms that would fit within capacity + secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermsFit {
    /// The largest whole number of days net.
    Days(u32),
    /// Under one day: payment with order.
    PaymentWithOrder,
}

/// What would close the gap when the need exceeds capacity + secured; each option on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Gap {
    /// need − (capacity + secured).
    pub extra_guarantee: Decimal,
    /// Shorter terms, when expected sales are known.
    pub shorter_terms: Option<TermsFit>,
    /// 1 − (capacity + secured) / need, a fraction of each order.
    pub deposit_share: Decimal,
}

/// The longest terms the policy allows for the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermsAdvice {
    /// Days net; 0 is payment with order.
    pub max_days: u32,
    /// Deposit asked on each order (or direct debit instead), 0 when none.
    pub deposit_share: Decimal,
    /// The requested terms, in days net (end of month counts 15 more).
    pub requested_effective_days: u32,
    /// The requested terms exceed what the class allows.
    pub requested_beyond_policy: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitResult {
    pub need: Option<Decimal>,
    pub need_source: Option<NeedSource>,
    /// Terms days + 15 at end of month; 30 when terms are not given.
    pub effective_days: u32,
    pub delay_days: u32,
    pub capacity: Decimal,
    /// x × tangible net worth, when the rule applies.
    pub capacity_tnw: Option<Decimal>,
    /// y × annualised revenue, when the rule applies.
    pub capacity_revenue: Option<Decimal>,
    pub secured: Decimal,
    pub recommended: Decimal,
    pub unsecured: Decimal,
    pub binding: Binding,
    pub gap: Option<Gap>,
    pub terms: TermsAdvice,
    pub review_due: NaiveDate,
}

/// What the limit reads from the analysis.
pub struct LimitInputs<'a> {
    pub trade: &'a Trade,
    /// Average days late with us, used when no expected delay is given.
    pub avg_days_late: Option<u32>,
    pub class: RiskClass,
    pub tangible_net_worth: Option<Decimal>,
    /// Annualised revenue of the latest year.
    pub revenue: Option<Decimal>,
    pub today: NaiveDate,
}

const DAYS: Decimal = Decimal::from_parts(365, 0, 0, false, 0);

fn non_negative(v: Option<Decimal>) -> Decimal {
    v.unwrap_or(Decimal::ZERO).max(Decimal::ZERO)
}

/// Adds months, keeping the day or the month's last day.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Runs the limit policy.
pub fn compute(inputs: &LimitInputs<'_>, policy: &Policy) -> LimitResult {
    let t = inputs.trade;
    // Decimal's operators are inlined at each use: the one-copy helpers of figure.rs instead.
    let one_plus_vat = saturating_add(Decimal::ONE, policy.vat_rate);
    let class_policy = policy.class_policy(inputs.class);

    let terms_days = t.terms_days.unwrap_or(LEGAL_DEFAULT_DAYS);
    let basis = if t.terms_days.is_some() {
        t.terms_basis
    } else {
        TermsBasis::Net
    };
    let effective_days = terms_days.saturating_add(match basis {
        TermsBasis::Net => 0,
        TermsBasis::EndOfMonth => 15,
    });
    let delay_days = t.expected_delay_days.or(inputs.avg_days_late).unwrap_or(0);

    // Negative sales or cover mean nothing: the UI flags them, the engine reads them as zero.
    let sales = t.expected_annual_sales.map(|s| s.max(Decimal::ZERO));
    let requested = t.requested_limit.map(|r| r.max(Decimal::ZERO));
    let days_total = saturating_add(Decimal::from(effective_days), Decimal::from(delay_days));
    let from_sales = sales.and_then(|s| {
        times(s, one_plus_vat)
            .and_then(|v| times(v, days_total))
            .and_then(|v| over(v, DAYS))
    });
    let (need, need_source) = match (from_sales, requested) {
        (Some(n), Some(r)) if r < n => (Some(r), Some(NeedSource::Requested)),
        (Some(n), _) => (Some(n), Some(NeedSource::Sales)),
        (None, Some(r)) => (Some(r), Some(NeedSource::Requested)),
        (None, None) => (None, None),
    };

    let tnw = inputs.tangible_net_worth;
    let capacity_tnw = tnw.and_then(|v| times(v, class_policy.tnw_share));
    let capacity_revenue = inputs
        .revenue
        .and_then(|v| times(v, class_policy.revenue_share));
    let (capacity, rule) = match (capacity_tnw, capacity_revenue) {
        _ if tnw.is_some_and(|v| v <= Decimal::ZERO) => (Decimal::ZERO, None),
        (Some(a), Some(b)) if a <= b => (a, Some(Binding::Tnw)),
        (Some(_), Some(b)) => (b, Some(Binding::Revenue)),
        (Some(a), None) => (a, Some(Binding::Tnw)),
        (None, Some(b)) => (b, Some(Binding::Revenue)),
        (None, None) => (Decimal::ZERO, None),
    };
    let capacity = capacity.max(Decimal::ZERO);

    let secured = saturating_add(non_negative(t.insurance_cover), non_negative(t.guarantees));
    let ceiling = saturating_add(capacity, secured);
    let raw = need.map_or(ceiling, |n| n.min(ceiling));
    let step = policy.rounding_step;
    // Checked: a hand-made policy with a tiny step must not overflow (policy_check refuses it too).
    let recommended = over(raw, step)
        .filter(|_| step > Decimal::ZERO)
        .and_then(|q| times(q.round_dp_with_strategy(0, RoundingStrategy::ToZero), step))
        .unwrap_or(raw)
        .max(Decimal::ZERO);
    // Both are ≥ 0: the difference cannot overflow.
    let unsecured = minus(recommended, secured)
        .unwrap_or(Decimal::ZERO)
        .max(Decimal::ZERO);

    let binding = match need {
        Some(n) if n <= ceiling => Binding::Need,
        _ if capacity.is_zero() => Binding::Secured,
        _ => rule.unwrap_or(Binding::Secured),
    };

    let gap = need.filter(|&n| n > ceiling).map(|n| {
        let shorter_terms = sales.filter(|s| *s > Decimal::ZERO).and_then(|s| {
            // Largest whole d with s × (1 + VAT) × (d + delay) / 365 ≤ ceiling.
            let fit = over(times(ceiling, DAYS)?, times(s, one_plus_vat)?)?;
            let d = minus(fit, Decimal::from(delay_days))?.floor();
            Some(if d < Decimal::ONE {
                TermsFit::PaymentWithOrder
            } else {
                TermsFit::Days(d.to_u32().unwrap_or(u32::MAX))
            })
        });
        // n > ceiling ≥ 0: neither the difference nor the share can overflow.
        Gap {
            extra_guarantee: minus(n, ceiling).unwrap_or(n),
            shorter_terms,
            deposit_share: over(ceiling, n)
                .and_then(|r| minus(Decimal::ONE, r))
                .unwrap_or(Decimal::ONE),
        }
    });

    let max_days = class_policy.max_terms_days.min(LEGAL_MAX_NET_DAYS);
    LimitResult {
        need,
        need_source,
        effective_days,
        delay_days,
        capacity,
        capacity_tnw,
        capacity_revenue,
        secured,
        recommended,
        unsecured,
        binding,
        gap,
        terms: TermsAdvice {
            max_days,
            deposit_share: class_policy.deposit_share,
            requested_effective_days: effective_days,
            requested_beyond_policy: t.terms_days.is_some() && effective_days > max_days,
        },
        review_due: add_months(inputs.today, class_policy.review_months),
    }
}
