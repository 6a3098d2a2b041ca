//! Display formatting of domain values in a language (the interface, a letter): amounts, percentages, plain
//! numbers and dates. Pure string work on `Decimal` (no floats, no browser call), so what is shown
//! is exactly the engine's figure, rounded for display only.
//!
//! French: `1 234 567 €`, `23,4 %`, `22/11/2026` — groups separated by a narrow no-break space
//! (U+202F), a no-break space (U+00A0) before `€`, a narrow no-break space before `%`, as the
//! browser's `Intl.NumberFormat("fr-FR")` does. English: `€1,234,567`, `23.4%`, `22 Nov 2026`.
//!
//! `data-value` attributes never use these: they use `domain::figure::{amount_value, ratio_value}`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use super::lang::Lang;

/// Narrow no-break space: French thousands separator, and before `%`.
pub const NNBSP: char = '\u{202F}';
/// No-break space: before `€` in French.
pub const NBSP: char = '\u{00A0}';

/// An amount in whole euros, rounded half away from zero: `1 234 567 €` / `€1,234,567`.
pub fn format_amount(lang: Lang, v: Decimal) -> String {
    format_amount_places(lang, v, 0)
}

/// An amount with `places` decimals (`1 234 567,89 €` / `€1,234,567.89`).
pub fn format_amount_places(lang: Lang, v: Decimal, places: u32) -> String {
    let (negative, digits) = number_parts(lang, v, places);
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Fr => format!("{sign}{digits}{NBSP}€"),
        Lang::En => format!("{sign}€{digits}"),
    }
}

/// An amount, or "n.d." when absent (never shown as zero).
pub fn format_amount_opt(lang: Lang, v: Option<Decimal>) -> String {
    v.map(|x| format_amount(lang, x))
        .unwrap_or_else(|| not_available(lang).to_string())
}

/// A fraction shown as a percentage with `places` decimals: 0.234 → `23,4 %` / `23.4%`.
pub fn format_percent(lang: Lang, fraction: Decimal, places: u32) -> String {
    let pct = crate::domain::figure::times(fraction, Decimal::ONE_HUNDRED);
    let Some(pct) = pct else {
        return not_available(lang).to_string();
    };
    let (negative, digits) = number_parts(lang, pct, places);
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Fr => format!("{sign}{digits}{NNBSP}%"),
        Lang::En => format!("{sign}{digits}%"),
    }
}

/// A plain number with grouping and `places` decimals: `1 234,50` / `1,234.50`.
pub fn format_number(lang: Lang, v: Decimal, places: u32) -> String {
    let (negative, digits) = number_parts(lang, v, places);
    if negative {
        format!("-{digits}")
    } else {
        digits
    }
}

/// A date: `22/11/2026` in French, `22 Nov 2026` in English.
pub fn format_date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let m = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
            format!("{} {} {:04}", d.day(), m, d.year())
        }
    }
}

/// What an absent figure shows.
pub fn not_available(lang: Lang) -> &'static str {
    lang.pick("n.d.", "n/a")
}

/// Sign and the grouped digits of `v` rounded to `places` (at most 8), half away from zero.
/// A value that rounds to zero is never shown as "-0".
fn number_parts(lang: Lang, v: Decimal, places: u32) -> (bool, String) {
    let places = places.min(8);
    let r = v.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let negative = r.is_sign_negative() && !r.is_zero();
    let s = r.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut frac = frac.to_string();
    while (frac.len() as u32) < places {
        frac.push('0');
    }
    let (group, point) = match lang {
        Lang::Fr => (NNBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3 + frac.len() + 1);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if places > 0 {
        out.push(point);
        out.push_str(&frac);
    }
    (negative, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn amounts() {
        assert_eq!(
            format_amount(Lang::Fr, d("1234567")),
            "1\u{202F}234\u{202F}567\u{A0}€"
        );
        assert_eq!(format_amount(Lang::En, d("1234567")), "€1,234,567");
        assert_eq!(format_amount(Lang::En, d("-1234.5")), "-€1,235");
        assert_eq!(format_amount(Lang::Fr, d("-0.4")), "0\u{A0}€");
        assert_eq!(format_amount(Lang::En, d("999")), "€999");
        assert_eq!(
            format_amount_places(Lang::Fr, d("21000.5"), 2),
            "21\u{202F}000,50\u{A0}€"
        );
    }

    #[test]
    fn percents_numbers_dates() {
        assert_eq!(format_percent(Lang::Fr, d("0.234"), 1), "23,4\u{202F}%");
        assert_eq!(format_percent(Lang::En, d("0.234"), 1), "23.4%");
        assert_eq!(format_number(Lang::En, d("1234.5"), 2), "1,234.50");
        assert_eq!(format_number(Lang::Fr, d("-12"), 1), "-12,0");
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
        assert_eq!(format_date(Lang::Fr, day), "02/11/2026");
        assert_eq!(format_date(Lang::En, day), "2 Nov 2026");
    }
}
