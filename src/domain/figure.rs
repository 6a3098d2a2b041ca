//! A computed figure that may be absent, and why: absent is never shown as zero.

use rust_decimal::{Decimal, RoundingStrategy};

use super::ids::Aggregate;
use super::statement::{BalanceLine, IncomeLine};

/// What a formula reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Input {
    Agg(Aggregate),
    Bs(BalanceLine),
    Is(IncomeLine),
    /// Purchases of goods + purchases of materials + external charges (FS+FU+FW).
    Purchases,
    /// Cash + marketable securities (CF+CD).
    LiquidAssets,
    /// Total assets − equity.
    OutsideLiabilities,
    /// Revenue of the previous year.
    PreviousRevenue,
    /// The company's creation date.
    CreationDate,
    /// A qualitative fact of the file (payment history, incidents, sector, information quality).
    Qualitative,
}

/// Why a figure is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Why {
    /// The input was not entered.
    Missing(Input),
    /// The denominator is zero.
    ZeroDenominator(Input),
    /// The input must be positive and is not (equity ≤ 0, CAF ≤ 0, VA ≤ 0).
    NotPositive(Input),
    /// The file has no earlier fiscal year.
    NoPreviousYear,
    /// The file has no statement.
    NoStatement,
    /// The criterion is switched off in the policy.
    Inactive,
    /// The figures are too large to combine (only hostile inputs get here).
    OutOfRange,
}

/// A figure or the reason it is absent.
pub type Figure = Result<Decimal, Why>;

/// The input, or why the figure reading it is absent.
pub fn req(v: Option<Decimal>, input: Input) -> Figure {
    v.ok_or(Why::Missing(input))
}

/// `n / d`, absent when the denominator is zero.
pub fn div(n: Decimal, d: Decimal, input: Input) -> Figure {
    if d.is_zero() {
        return Err(Why::ZeroDenominator(input));
    }
    over(n, d).ok_or(Why::OutOfRange)
}

/// The input when it is strictly positive.
pub fn positive(v: Decimal, input: Input) -> Figure {
    if v > Decimal::ZERO {
        Ok(v)
    } else {
        Err(Why::NotPositive(input))
    }
}

/// Checked arithmetic: Decimal overflows on hostile magnitudes, which must not panic.
pub fn mul(a: Decimal, b: Decimal) -> Figure {
    times(a, b).ok_or(Why::OutOfRange)
}

/// Checked addition.
pub fn add(a: Decimal, b: Decimal) -> Figure {
    plus(a, b).ok_or(Why::OutOfRange)
}

/// `a - b`, or `None` on overflow. rust_decimal's arithmetic is `#[inline(always)]`: this is its
/// one copy for every difference in the app, instead of one per call in the wasm.
#[inline(never)]
pub fn minus(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// `a + b`, or `None` on overflow; one copy, as [`minus`].
#[inline(never)]
pub fn plus(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a + b` saturating at the bounds, as `Decimal::saturating_add`, through the one copy of [`plus`].
pub fn saturating_add(a: Decimal, b: Decimal) -> Decimal {
    plus(a, b).unwrap_or(if a.is_sign_positive() {
        Decimal::MAX
    } else {
        Decimal::MIN
    })
}

/// `a - b` saturating at the bounds, as `Decimal::saturating_sub`, through the one copy of [`minus`].
pub fn saturating_sub(a: Decimal, b: Decimal) -> Decimal {
    minus(a, b).unwrap_or(if a.is_sign_positive() {
        Decimal::MAX
    } else {
        Decimal::MIN
    })
}

/// `a × b`, or `None` on overflow; one copy, as [`minus`].
#[inline(never)]
pub fn times(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a / b`, or `None` when `b` is zero or on overflow; one copy, as [`minus`].
#[inline(never)]
pub fn over(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// The `data-value` of an amount: two places, half-even; empty when absent.
pub fn amount_value(v: Option<Decimal>) -> String {
    v.map(|x| {
        x.round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven)
            .to_string()
    })
    .map(|s| fixed(&s, 2))
    .unwrap_or_default()
}

/// The `data-value` of a ratio or score: four places, half-even; empty when absent.
pub fn ratio_value(v: Option<Decimal>) -> String {
    v.map(|x| {
        x.round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven)
            .to_string()
    })
    .map(|s| fixed(&s, 4))
    .unwrap_or_default()
}

/// Pads a decimal string to exactly `places` decimals ("12" → "12.00").
fn fixed(s: &str, places: usize) -> String {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut frac = frac.to_string();
    while frac.len() < places {
        frac.push('0');
    }
    format!("{int}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testutil::d;

    /// The one-copy helpers give what rust_decimal's inlined arithmetic gives, bounds included.
    #[test]
    fn helpers_are_rust_decimal_arithmetic() {
        let values = [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::ZERO,
            Decimal::ONE,
            -Decimal::ONE,
            d("0.0000000000000000000000000001"),
            d("12345.678"),
            d("-99999999999999999999999999.9"),
        ];
        for a in values {
            for b in values {
                assert_eq!(minus(a, b), a.checked_sub(b), "{a} - {b}");
                assert_eq!(plus(a, b), a.checked_add(b), "{a} + {b}");
                assert_eq!(times(a, b), a.checked_mul(b), "{a} × {b}");
                assert_eq!(over(a, b), a.checked_div(b), "{a} / {b}");
                assert_eq!(saturating_sub(a, b), a.saturating_sub(b), "{a} - {b}");
                assert_eq!(saturating_add(a, b), a.saturating_add(b), "{a} + {b}");
            }
        }
    }

    #[test]
    fn data_values_round_half_even_and_pad() {
        assert_eq!(amount_value(Some(d("12"))), "12.00");
        assert_eq!(amount_value(Some(d("0.125"))), "0.12");
        assert_eq!(amount_value(Some(d("0.135"))), "0.14");
        assert_eq!(amount_value(Some(d("-3.5"))), "-3.50");
        assert_eq!(amount_value(None), "");
        assert_eq!(ratio_value(Some(d("0.23405"))), "0.2340");
        assert_eq!(ratio_value(Some(d("0.23415"))), "0.2342");
        assert_eq!(ratio_value(Some(d("1"))), "1.0000");
    }

    #[test]
    fn division_by_zero_is_absent() {
        assert_eq!(
            div(d("1"), d("0"), Input::Purchases),
            Err(Why::ZeroDenominator(Input::Purchases))
        );
        assert_eq!(div(d("1"), d("4"), Input::Purchases), Ok(d("0.25")));
    }
}
