//! How a ratio reads, wherever it is shown (the ratio table, the charts, the printed report):
//! its value in its unit, its appreciation as a sign and a word, its bands in words.

use std::fmt::Write;

use super::fmt::{esc, format_unit, not_available};
use crate::domain::figure::Figure;
use crate::domain::policy::{Direction, Policy};
use crate::domain::ratios::{Appreciation, RatioId};
use crate::ui::Lang;

/// good / watch / poor as a sign and a word (the word alone says it: black-and-white prints).
pub fn appreciation_sign(lang: Lang, a: Appreciation) -> (&'static str, &'static str) {
    match a {
        Appreciation::Good => ("✓", lang.pick("Bon", "Good")),
        Appreciation::Watch => ("!", lang.pick("À surveiller", "Watch")),
        Appreciation::Poor => ("✗", lang.pick("Faible", "Poor")),
    }
}

/// good / watch / poor: a coloured mark and a word, as markup (nothing when absent).
pub fn appreciation_mark(h: &mut String, lang: Lang, a: Option<Appreciation>) {
    if let Some(a) = a {
        let (icon, word) = appreciation_sign(lang, a);
        let key = a.key();
        let _ = write!(
            h,
            r#"<span class="appr appr-{key}" data-appreciation="{key}"><span class="appr-icon" aria-hidden="true">{icon}</span><span class="appr-word">{}</span></span>"#,
            esc(word)
        );
    }
}

/// The bands of a ratio in words: "bon ≥ 30 % · à surveiller 20–30 % · faible < 20 %".
pub fn bands_text(lang: Lang, id: RatioId, policy: &Policy) -> Option<String> {
    let b = policy.ratio_bands(id)?;
    let u = id.unit();
    let g = format_unit(lang, u, b.good);
    let w = format_unit(lang, u, b.watch);
    let (good, watch, poor) = match b.direction {
        Direction::HigherIsBetter => (format!("≥ {g}"), format!("{w} – {g}"), format!("< {w}")),
        Direction::LowerIsBetter => (format!("≤ {g}"), format!("{g} – {w}"), format!("> {w}")),
    };
    Some(if lang.is_fr() {
        format!("Repères : bon {good} · à surveiller {watch} · faible {poor}")
    } else {
        format!("Bands: good {good} · watch {watch} · poor {poor}")
    })
}

/// A ratio's value in its unit, or "n.d.".
pub fn ratio_text(lang: Lang, id: RatioId, v: Figure) -> String {
    match v {
        Ok(x) => format_unit(lang, id.unit(), x),
        Err(_) => not_available(lang).to_string(),
    }
}
