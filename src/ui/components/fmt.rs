//! Display helpers of the client and analysis screens.
//!
//! Amounts, percentages, numbers and dates come from `crate::ui::format`; the rest (days,
//! multiples, signed changes, raw input text) is presentation only: no arithmetic on amounts
//! beyond scaling a fraction to a percentage for display.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::figure::times;
use crate::domain::ratios::Unit;
use crate::ui::Lang;

pub use crate::ui::format::{
    format_amount, format_amount_opt, format_date, format_number, format_percent, not_available,
    NBSP,
};

/// Text put in HTML or SVG markup (the read-only blocks drawn as strings), escaped.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A fiscal year's name by its place, latest first: "N", "N-1", "N-2"…
pub fn year_name(i: usize) -> String {
    if i == 0 {
        "N".to_string()
    } else {
        format!("N-{i}")
    }
}

/// An amount with its cents when it has any (what was typed, in warnings), else whole euros.
pub fn format_amount_exact(lang: Lang, v: Decimal) -> String {
    let places = if v.fract().is_zero() { 0 } else { 2 };
    crate::ui::format::format_amount_places(lang, v, places)
}

/// A percentage without trailing zeros ("25 %", "24,6 %"), for shares of the policy.
pub fn format_share(lang: Lang, fraction: Decimal) -> String {
    let pct = times(fraction, Decimal::ONE_HUNDRED)
        .unwrap_or(fraction)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointNearestEven)
        .normalize();
    let places = pct.scale();
    format_percent(lang, fraction, places)
}

/// A ratio or score value in its unit.
pub fn format_unit(lang: Lang, unit: Unit, v: Decimal) -> String {
    match unit {
        Unit::Percent => format_percent(lang, v, 1),
        Unit::Times => format!("{}{NBSP}×", format_number(lang, v, 2)),
        Unit::Years => format!(
            "{}{NBSP}{}",
            format_number(lang, v, 1),
            lang.pick("ans", "yrs")
        ),
        Unit::Days => format!("{}{NBSP}{}", format_number(lang, v, 0), lang.pick("j", "d")),
    }
}

/// A year-on-year change in the ratio's unit, signed ("+2,1 pts", "−0,25 ×").
pub fn format_change(lang: Lang, unit: Unit, v: Decimal) -> String {
    let sign = if v > Decimal::ZERO { "+" } else { "" };
    let body = match unit {
        Unit::Percent => {
            let pts = times(v, Decimal::ONE_HUNDRED).unwrap_or(v);
            format!("{}{NBSP}pts", format_number(lang, pts, 1))
        }
        _ => format_unit(lang, unit, v),
    };
    format!("{sign}{body}")
}

/// Days as "45 j" / "45 days".
pub fn format_days(lang: Lang, days: u32) -> String {
    match lang {
        Lang::Fr => format!("{days}{NBSP}j"),
        Lang::En => format!("{days}{NBSP}days"),
    }
}

/// The text an amount input shows for a stored value: plain digits, the language's decimal mark,
/// no grouping (the parser accepts either way).
pub fn input_text(lang: Lang, v: Option<Decimal>) -> String {
    match v {
        None => String::new(),
        Some(x) => {
            let s = x.normalize().to_string();
            match lang {
                Lang::Fr => s.replace('.', ","),
                Lang::En => s,
            }
        }
    }
}

/// A reactive string of the interface language, for view text and attributes.
///
/// Every call returns the same closure type, so the view code rendering it is compiled once
/// (each `move || lang.get().pick(..)` written in place is a type of its own).
pub fn tr(
    lang: leptos::prelude::RwSignal<Lang>,
    fr: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use leptos::prelude::Get;
    move || lang.get().pick(fr, en)
}
