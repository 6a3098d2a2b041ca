//! Charts drawn by the app in SVG, from the engine's figures: the score broken down by criterion,
//! the key ratios over the years against their bands, and the portfolio's exposure and count by
//! class. No chart library and no floats: pixel coordinates are whole numbers scaled from the
//! `Decimal` figures, which are shown as the engine computed them.
//!
//! Each chart's SVG is written as one string (escaped) and set as the inner HTML of its box: a
//! few `write!` calls cost far less wasm than a view tree per element, and the charts hold only
//! the app's own words and formatted numbers.
//!
//! Every chart is an image with a summary in words (`role="img"`, `aria-label`, `<title>`), and
//! each bar or point carries `data-testid` and `data-value`:
//! `chart-criterion-<criterion>` (data-value: the contribution to the score, 4 places;
//! `data-points`, `data-weight`), `chart-ratio-<ratio>` once per year (data-value: the ratio as in
//! `ratio-<ratio>`; `data-year`: the closing date), `chart-class-<class>` (data-value: the sum of
//! the recommended limits, 2 places; `data-count`: the number of files).

use std::fmt::Write;

use chrono::Datelike;

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::fmt::{esc, format_amount, format_number, not_available};
use super::ratio_words::{appreciation_sign, bands_text, ratio_text};
use super::snapshot::Snapshot;
use crate::domain::figure::{amount_value, minus, over, plus, ratio_value, times, Why};
use crate::domain::policy::Direction;
use crate::domain::portfolio::ClassTotal;
use crate::domain::ratios::{Appreciation, RatioId};
use crate::ui::Lang;

/// `v` placed on `[lo, hi]` as a whole number of pixels in `[0, len]` (0 for an empty range).
fn px(v: Decimal, lo: Decimal, hi: Decimal, len: i64) -> i64 {
    let span = minus(hi, lo).filter(|s| *s > Decimal::ZERO);
    span.and_then(|s| over(times(minus(v, lo)?, Decimal::from(len))?, s))
        .and_then(|x| x.round().to_i64())
        .unwrap_or(0)
        .clamp(0, len)
}

/// The opening of a chart's SVG: its size, role and summary.
fn svg_open(out: &mut String, w: i64, h: i64, summary: &str) {
    let s = esc(summary);
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{s}"><title>{s}</title>"#
    );
}

/// A chart: a caption (optional) and its SVG markup.
fn figure(
    class: &'static str,
    testid: &'static str,
    caption: Option<&'static str>,
    svg: String,
) -> AnyView {
    view! {
        <figure class=class data-testid=testid>
            {caption.map(|c| view! { <figcaption>{c}</figcaption> })}
            <div class="chart-svg" inner_html=svg></div>
        </figure>
    }
    .into_any()
}

const CRIT_LABEL_W: i64 = 250;
const CRIT_BAR_W: i64 = 300;
const CRIT_ROW_H: i64 = 22;

/// The score broken down by criterion: each criterion's contribution (bar) against its maximum
/// (the track, proportional to its weight).
pub fn criteria_chart(s: &Snapshot) -> AnyView {
    let lang = s.lang;
    let fr = lang.is_fr();
    let Some(g) = s.analysis.as_ref().map(|a| &a.grid) else {
        return ().into_any();
    };
    let rows: Vec<_> = g
        .criteria
        .iter()
        .filter(|c| c.value != Err(Why::Inactive) && c.weight > Decimal::ZERO)
        .collect();
    if rows.is_empty() {
        return ().into_any();
    }
    let max_w = rows.iter().map(|c| c.weight).max().unwrap_or(Decimal::ONE);
    let one = |v: Option<Decimal>| {
        v.map(|x| format_number(lang, x, 1))
            .unwrap_or_else(|| not_available(lang).to_string())
    };
    let score = one(g.score);
    let summary = rows
        .iter()
        .map(|c| format!("{} {}", c.id.label(lang), one(c.contribution)))
        .collect::<Vec<_>>()
        .join(" ; ");
    let summary = if fr {
        format!("Contribution de chaque critère au score ({score} / 100) : {summary}")
    } else {
        format!("Contribution of each criterion to the score ({score} / 100): {summary}")
    };
    let mut out = String::new();
    svg_open(
        &mut out,
        CRIT_LABEL_W + CRIT_BAR_W + 60,
        CRIT_ROW_H * rows.len() as i64 + 4,
        &summary,
    );
    for (i, c) in rows.iter().enumerate() {
        let y = i as i64 * CRIT_ROW_H + 4;
        let track = px(c.weight, Decimal::ZERO, max_w, CRIT_BAR_W).max(2);
        let fill = c
            .points
            .map(|p| px(p, Decimal::ZERO, Decimal::ONE_HUNDRED, track))
            .unwrap_or(0);
        let _ = write!(
            out,
            r#"<g data-testid="chart-criterion-{key}" data-value="{cv}" data-points="{pv}" data-weight="{wv}"><text class="chart-label" x="0" y="{ty}">{label}</text><rect class="chart-track" x="{CRIT_LABEL_W}" y="{y}" width="{track}" height="14" rx="2"/><rect class="chart-bar" x="{CRIT_LABEL_W}" y="{y}" width="{fill}" height="14" rx="2"/><text class="chart-value" x="{vx}" y="{ty}">{value}</text></g>"#,
            key = c.id.key(),
            cv = ratio_value(c.contribution),
            pv = ratio_value(c.points),
            wv = ratio_value(Some(c.weight)),
            ty = y + 12,
            label = esc(c.id.label(lang)),
            vx = CRIT_LABEL_W + track + 6,
            value = esc(&one(c.contribution)),
        );
    }
    out.push_str("</svg>");
    figure(
        "chart chart-criteria",
        "chart-criteria",
        Some(lang.pick(
            "Contribution de chaque critère au score (barre) sur son maximum, proportionnel à son poids (fond)",
            "Each criterion's contribution to the score (bar) out of its maximum, in proportion to its weight (track)",
        )),
        out,
    )
}

/// The ratios drawn over the years.
const CHART_RATIOS: &[RatioId] = &[
    RatioId::EquityRatio,
    RatioId::Gearing,
    RatioId::RepaymentCapacity,
    RatioId::CurrentRatio,
    RatioId::DsoDays,
    RatioId::EbitdaMargin,
];

const PANEL_W: i64 = 220;
const PLOT_L: i64 = 14;
const PLOT_R: i64 = 206;
const PLOT_T: i64 = 8;
const PLOT_H: i64 = 84;

/// The appreciation's word, in lower case inside a sentence ("2025 : 25,1 % bon"). Only its
/// first letter is a capital, so only that one is lowered: `str::to_lowercase` (with its
/// Greek-sigma rules and tables) was linked for this alone.
fn appreciation_word(lang: Lang, a: Option<Appreciation>) -> String {
    let word = a.map_or("", |a| appreciation_sign(lang, a).1);
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One ratio over the years, as points over its good / watch / poor bands: a captioned SVG
/// written into `out`.
fn ratio_panel(out: &mut String, s: &Snapshot, id: RatioId) {
    let lang = s.lang;
    let fr = lang.is_fr();
    let key = id.key();
    let points: Vec<_> = s
        .analysis
        .as_ref()
        .map(|a| a.years.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|y| {
            let r = y.ratio(id);
            (
                y.closing_date,
                r.and_then(|r| r.value.ok()),
                r.and_then(|r| r.appreciation),
            )
        })
        .collect();
    let bands = s.policy.ratio_bands(id);
    // The vertical range: every value and both bounds, with a margin above and below.
    let mut all: Vec<Decimal> = points.iter().filter_map(|p| p.1).collect();
    if let Some(b) = bands {
        all.extend([b.good, b.watch]);
    }
    let lo = all.iter().copied().min().unwrap_or(Decimal::ZERO);
    let hi = all.iter().copied().max().unwrap_or(Decimal::ONE);
    let span = minus(hi, lo)
        .filter(|s| *s > Decimal::ZERO)
        .unwrap_or(Decimal::ONE);
    let pad = over(span, Decimal::from(6)).unwrap_or(Decimal::ZERO);
    let lo = minus(lo, pad).unwrap_or(lo);
    let hi = plus(hi, pad).unwrap_or(hi);
    let y_of = |v: Decimal| PLOT_T + PLOT_H - px(v, lo, hi, PLOT_H);

    let values = points
        .iter()
        .map(|&(d, v, appr)| {
            let t = ratio_text(lang, id, v.ok_or(Why::NoStatement));
            format!("{} {t} {}", d.year(), appreciation_word(lang, appr))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let bands_words = bands_text(lang, id, &s.policy).unwrap_or_default();
    let summary = if fr {
        format!(
            "{} par exercice : {values}. {bands_words}",
            id.label(Lang::Fr)
        )
    } else {
        format!(
            "{} by fiscal year: {values}. {bands_words}",
            id.label(Lang::En)
        )
    };
    let _ = write!(
        out,
        r#"<figure class="chart-panel" data-testid="chart-panel-{key}"><figcaption>{}</figcaption>"#,
        esc(id.label(lang))
    );
    svg_open(out, PANEL_W, PLOT_T + PLOT_H + 20, &summary);
    if let Some(b) = bands {
        let (g, w) = (y_of(b.good), y_of(b.watch));
        let (top, bottom) = (PLOT_T, PLOT_T + PLOT_H);
        // (class, upper y, lower y) of each band, drawn top to bottom.
        let zones = match b.direction {
            Direction::HigherIsBetter => [("good", top, g), ("watch", g, w), ("poor", w, bottom)],
            Direction::LowerIsBetter => [("poor", top, w), ("watch", w, g), ("good", g, bottom)],
        };
        for (c, y1, y2) in zones {
            let _ = write!(
                out,
                r#"<rect class="band band-{c}" x="{PLOT_L}" y="{y1}" width="{}" height="{}"/>"#,
                PLOT_R - PLOT_L,
                (y2 - y1).max(0)
            );
        }
    }
    let n = points.len() as i64;
    let x_of = |i: usize| {
        if n <= 1 {
            (PLOT_L + PLOT_R) / 2
        } else {
            PLOT_L + 16 + i as i64 * (PLOT_R - PLOT_L - 32) / (n - 1)
        }
    };
    out.push_str(r#"<polyline class="chart-line" points=""#);
    for (i, p) in points.iter().enumerate() {
        if let Some(v) = p.1 {
            let _ = write!(out, "{},{} ", x_of(i), y_of(v));
        }
    }
    out.push_str(r#""/>"#);
    for (i, &(date, v, appr)) in points.iter().enumerate() {
        let x = x_of(i);
        let year = date.year();
        let text = esc(&ratio_text(lang, id, v.ok_or(Why::NoStatement)));
        match v {
            Some(v) => {
                let y = y_of(v);
                let ty = if y < PLOT_T + 14 { y + 16 } else { y - 7 };
                let _ = write!(
                    out,
                    r#"<circle class="pt pt-{cls}" cx="{x}" cy="{y}" r="4" data-testid="chart-ratio-{key}" data-value="{dv}" data-year="{date}"><title>{year} : {text} {word}</title></circle><text class="chart-value" x="{x}" y="{ty}" text-anchor="middle">{text}</text>"#,
                    cls = appr.map(|a| a.key()).unwrap_or("none"),
                    dv = ratio_value(Some(v)),
                    word = esc(&appreciation_word(lang, appr)),
                );
            }
            None => {
                let _ = write!(
                    out,
                    r#"<text class="chart-value absent" x="{x}" y="{}" text-anchor="middle" data-testid="chart-ratio-{key}" data-value="" data-year="{date}">{text}</text>"#,
                    PLOT_T + PLOT_H / 2
                );
            }
        }
        let _ = write!(
            out,
            r#"<text class="chart-axis" x="{x}" y="{}" text-anchor="middle">{year}</text>"#,
            PLOT_T + PLOT_H + 14
        );
    }
    out.push_str("</svg></figure>");
}

/// Key ratios over the years against their bands, one small chart each.
pub fn ratio_charts(s: &Snapshot) -> AnyView {
    let lang = s.lang;
    if s.analysis.as_ref().is_none_or(|a| a.years.is_empty()) {
        return ().into_any();
    }
    let mut panels = String::new();
    for &id in CHART_RATIOS {
        ratio_panel(&mut panels, s, id);
    }
    view! {
        <div class="chart ratio-charts" data-testid="chart-ratios">
            <div class="chart-panels" inner_html=panels></div>
            <p class="chart-legend">
                <span class="legend-item"><span class="swatch band-good" aria-hidden="true"></span>{lang.pick("bon", "good")}</span>
                <span class="legend-item"><span class="swatch band-watch" aria-hidden="true"></span>{lang.pick("à surveiller", "watch")}</span>
                <span class="legend-item"><span class="swatch band-poor" aria-hidden="true"></span>{lang.pick("faible", "poor")}</span>
                <span>{lang.pick("Repères de la politique de crédit ; un exercice par point.", "Bands of the credit policy; one point per fiscal year.")}</span>
            </p>
        </div>
    }
    .into_any()
}

const CLASS_LABEL_W: i64 = 190;
const CLASS_BAR_W: i64 = 240;
const COUNT_X: i64 = 560;
const COUNT_BAR_W: i64 = 120;
const CLASS_ROW_H: i64 = 28;

/// Exposure (the sum of recommended limits) and number of files by class, as bars; `totals`
/// from `domain::portfolio::exposure_by_class`.
pub fn class_chart(lang: Lang, totals: &[ClassTotal]) -> AnyView {
    let fr = lang.is_fr();
    let max_e = totals
        .iter()
        .map(|t| t.exposure)
        .max()
        .unwrap_or(Decimal::ZERO);
    let max_n = totals.iter().map(|t| t.count).max().unwrap_or(0).max(1) as i64;
    let files = |n: usize| match (fr, n) {
        (true, 0 | 1) => format!("{n} dossier"),
        (true, _) => format!("{n} dossiers"),
        (false, 1) => format!("{n} file"),
        (false, _) => format!("{n} files"),
    };
    let summary = totals
        .iter()
        .map(|t| {
            format!(
                "{} {} ({})",
                t.class.key(),
                format_amount(lang, t.exposure),
                files(t.count)
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let summary = if fr {
        format!("Encours recommandé cumulé et nombre de dossiers par classe : {summary}")
    } else {
        format!("Total recommended limits and number of files by class: {summary}")
    };
    let top = 22;
    let mut out = String::new();
    svg_open(
        &mut out,
        720,
        top + CLASS_ROW_H * totals.len() as i64,
        &summary,
    );
    let _ = write!(
        out,
        r#"<text class="chart-head" x="{CLASS_LABEL_W}" y="14">{}</text><text class="chart-head" x="{COUNT_X}" y="14">{}</text>"#,
        esc(lang.pick("Encours recommandé cumulé", "Total recommended limits")),
        esc(lang.pick("Dossiers", "Files"))
    );
    for (i, t) in totals.iter().enumerate() {
        let key = t.class.key();
        let y = top + i as i64 * CLASS_ROW_H;
        let w = px(t.exposure, Decimal::ZERO, max_e, CLASS_BAR_W);
        let c = t.count as i64 * COUNT_BAR_W / max_n;
        let _ = write!(
            out,
            r#"<g class="class-row cls-{key}" data-testid="chart-class-{key}" data-value="{ev}" data-count="{n}"><rect class="cls-badge" x="0" y="{y}" width="30" height="22" rx="4"/><text class="cls-letter" x="15" y="{ty}" text-anchor="middle">{key}</text><text class="chart-label" x="38" y="{ty}">{word}</text><rect class="cls-bar" x="{CLASS_LABEL_W}" y="{by}" width="{w}" height="16" rx="2"/><text class="chart-value" x="{ex}" y="{ty}">{amount}</text><rect class="cls-bar cls-count" x="{COUNT_X}" y="{by}" width="{c}" height="16" rx="2"/><text class="chart-value" x="{cx}" y="{ty}">{n}</text></g>"#,
            ev = amount_value(Some(t.exposure)),
            n = t.count,
            ty = y + 16,
            by = y + 3,
            word = esc(t.class.label(lang)),
            ex = CLASS_LABEL_W + w + 6,
            amount = esc(&format_amount(lang, t.exposure)),
            cx = COUNT_X + c + 6,
        );
    }
    out.push_str("</svg>");
    figure("chart chart-classes", "chart-classes", None, out)
}
