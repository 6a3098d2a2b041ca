//! What the credit report is made of: the key figures and main ratios it shows, and the small
//! writers of its rows and tables (every text escaped).

use std::fmt::Write;

use crate::domain::aggregates::Aggregate;
use crate::domain::analysis::Analysis;
use crate::domain::ratios::RatioId;
use crate::domain::scores::ScoreId;
use crate::ui::components::fmt::{esc, format_date, year_name};
use crate::ui::Lang;

/// Key figures over the years.
pub(super) const KEY_FIGURES: &[Aggregate] = &[
    Aggregate::Revenue,
    Aggregate::Ebitda,
    Aggregate::NetIncome,
    Aggregate::Caf,
    Aggregate::Equity,
    Aggregate::TotalAssets,
    Aggregate::WorkingCapitalRequirement,
    Aggregate::NetCash,
];

/// The main ratios.
pub(super) const MAIN_RATIOS: &[RatioId] = &[
    RatioId::EquityRatio,
    RatioId::Gearing,
    RatioId::RepaymentCapacity,
    RatioId::CurrentRatio,
    RatioId::DsoDays,
    RatioId::DpoDays,
    RatioId::EbitdaMargin,
    RatioId::NetMargin,
];

pub(super) fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

/// One "label: value" pair of a definition grid.
pub(super) fn pair(h: &mut String, label: &str, value: &str, num: bool) {
    let class = if num { r#" class="num""# } else { "" };
    let _ = write!(
        h,
        r#"<div class="rs-pair"><dt>{}</dt><dd{class}>{}</dd></div>"#,
        esc(label),
        esc(value)
    );
}

/// Column headers of the years, latest first.
pub(super) fn year_heads(h: &mut String, lang: Lang, a: &Analysis) {
    for (i, y) in a.years.iter().rev().enumerate() {
        let n = year_name(i);
        let months = if y.duration_months == 12 {
            String::new()
        } else {
            format!(" ({} {})", y.duration_months, lang.pick("mois", "mo"))
        };
        let text = format!("{n} · {}{months}", format_date(lang, y.closing_date));
        let _ = write!(h, r#"<th scope="col" class="num">{}</th>"#, esc(&text));
    }
}

/// A failure score's short name: the sheet has no room for the long one.
pub(super) fn short_score_name(id: ScoreId) -> &'static str {
    match id {
        ScoreId::AltmanZ2 => "Altman Z″",
        ScoreId::AltmanZ1 => "Altman Z′",
        ScoreId::ConanHolder => "Conan & Holder",
    }
}

/// A section title then a table of the sheet, its header row given.
pub(super) fn table_open(h: &mut String, title: &str, class: &str) {
    let _ = write!(
        h,
        r#"<section><h2>{}</h2><table class="{class}">"#,
        esc(title)
    );
}
