//! The consistency warnings of a year in words, and the default closing date of a new year.

use chrono::{Datelike, Months, NaiveDate};

use super::lines::*;
use crate::domain::client::ClientFile;
use crate::domain::statement::{BalanceLine as B, ReportedLine as R};
use crate::domain::warnings::Warning;
use crate::ui::components::fmt::format_amount_exact;
use crate::ui::Lang;

/// A warning in words, with its amounts.
pub fn warning_text(w: &Warning, lang: Lang) -> String {
    let fr = lang.is_fr();
    match *w {
        Warning::Unbalanced {
            total_assets,
            total_liabilities,
            ..
        } => {
            let (a, l) = (
                format_amount_exact(lang, total_assets),
                format_amount_exact(lang, total_liabilities),
            );
            if fr {
                format!("Bilan déséquilibré : actif {a}, passif {l}")
            } else {
                format!("Unbalanced balance sheet: assets {a}, liabilities {l}")
            }
        }
        Warning::ReportedDiffers {
            line,
            reported,
            from_lines,
            ..
        } => {
            let (r, s) = (
                format_amount_exact(lang, reported),
                format_amount_exact(lang, from_lines),
            );
            let what = line.label(lang);
            let code = line.liasse();
            if fr {
                format!("{what} ({code}) publié {r} ≠ somme des lignes {s} (le chiffre publié est retenu)")
            } else {
                format!(
                    "{what} ({code}) reported {r} ≠ sum of lines {s} (the reported figure is used)"
                )
            }
        }
        Warning::YearResultDiffers {
            year_result,
            net_income,
            ..
        } => {
            let (di, hn) = (
                format_amount_exact(lang, year_result),
                format_amount_exact(lang, net_income),
            );
            if fr {
                format!("Résultat au bilan (DI) {di} ≠ résultat net (HN) {hn}")
            } else {
                format!("Balance-sheet result (DI) {di} ≠ net income (HN) {hn}")
            }
        }
    }
}

/// The warning that belongs under a given line, if any.
pub(super) fn line_warning(w: &Warning, line: Line) -> bool {
    match (*w, line) {
        (Warning::ReportedDiffers { line: r, .. }, Line::Rep(l)) => r == l,
        (Warning::YearResultDiffers { .. }, Line::Bs(B::YearResult)) => true,
        (Warning::YearResultDiffers { .. }, Line::Rep(R::NetIncome)) => true,
        _ => false,
    }
}

/// A default closing date for a new year: one year before the oldest, one after the latest, or
/// the last 31 December before today for the first.
pub(super) fn new_closing_date(f: &ClientFile, earlier: bool, today: NaiveDate) -> NaiveDate {
    let dates: Vec<NaiveDate> = f.statements.iter().map(|s| s.closing_date).collect();
    let fallback = NaiveDate::from_ymd_opt(today.year() - 1, 12, 31).unwrap_or(today);
    let base = if earlier {
        dates.iter().min().copied()
    } else {
        dates.iter().max().copied()
    };
    match base {
        None => fallback,
        Some(d) if earlier => d.checked_sub_months(Months::new(12)).unwrap_or(d),
        Some(d) => d.checked_add_months(Months::new(12)).unwrap_or(d),
    }
}
