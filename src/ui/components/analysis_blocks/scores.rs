//! The failure scores block: each score with its zone, its components and their coefficients.

use std::fmt::Write;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::figure::{ratio_value, Figure, Why};
use crate::domain::scores::{ScoreId, ScoreResult, Zone};
use crate::ui::components::explain::why_text;
use crate::ui::components::fmt::{esc, format_number, not_available};
use crate::ui::components::snapshot::Snapshot;
use crate::ui::Lang;

pub fn zone_word(lang: Lang, z: Zone) -> &'static str {
    match z {
        Zone::Safe => lang.pick("Zone saine", "Safe zone"),
        Zone::Grey => lang.pick("Zone grise", "Grey zone"),
        Zone::Distress => lang.pick("Zone de défaillance", "Distress zone"),
        Zone::VeryGood => lang.pick(
            "Très bon (probabilité de défaillance < 10 %)",
            "Very good (failure probability < 10 %)",
        ),
        Zone::Good => lang.pick("Bon (10 à 30 %)", "Good (10–30 %)"),
        Zone::Alert => lang.pick("Alerte (30 à 65 %)", "Alert (30–65 %)"),
        Zone::Danger => lang.pick("Danger (> 65 %)", "Danger (> 65 %)"),
    }
}

pub fn zone_level(z: Zone) -> &'static str {
    match z {
        Zone::Safe | Zone::VeryGood | Zone::Good => "good",
        Zone::Grey | Zone::Alert => "watch",
        Zone::Distress | Zone::Danger => "poor",
    }
}

pub(super) fn component_names(id: ScoreId, lang: Lang) -> &'static [&'static str] {
    let fr = lang.is_fr();
    match (id, fr) {
        (ScoreId::AltmanZ2 | ScoreId::AltmanZ1, true) => &[
            "X1 = (actif circulant − dettes à court terme) / total bilan",
            "X2 = réserves (DD…DH) / total bilan",
            "X3 = résultat d'exploitation annualisé / total bilan",
            "X4 = capitaux propres / (total bilan − capitaux propres)",
            "X5 = chiffre d'affaires annualisé / total bilan",
        ],
        (ScoreId::AltmanZ2 | ScoreId::AltmanZ1, false) => &[
            "X1 = (current assets − short-term debt) / total assets",
            "X2 = reserves (DD…DH) / total assets",
            "X3 = annualised operating result / total assets",
            "X4 = equity / (total assets − equity)",
            "X5 = annualised revenue / total assets",
        ],
        (ScoreId::ConanHolder, true) => &[
            "R1 = EBE annualisé / total des dettes",
            "R2 = ressources stables / total bilan",
            "R3 = (actif circulant − stocks) / total bilan",
            "R4 = charges financières / chiffre d'affaires",
            "R5 = charges de personnel / valeur ajoutée",
        ],
        (ScoreId::ConanHolder, false) => &[
            "R1 = annualised EBITDA / total debts",
            "R2 = stable resources / total assets",
            "R3 = (current assets − inventories) / total assets",
            "R4 = financial charges / revenue",
            "R5 = personnel costs / value added",
        ],
    }
}

pub fn score_title(id: ScoreId, lang: Lang) -> &'static str {
    match id {
        ScoreId::AltmanZ2 => lang.pick(
            "Altman Z″ (entreprises non industrielles)",
            "Altman Z″ (non-manufacturing)",
        ),
        ScoreId::AltmanZ1 => lang.pick(
            "Altman Z′ (entreprises industrielles non cotées)",
            "Altman Z′ (private manufacturing firms)",
        ),
        ScoreId::ConanHolder => lang.pick("Conan & Holder (1979)", "Conan & Holder (1979)"),
    }
}

pub(super) fn zones_text(id: ScoreId, s: &Snapshot) -> String {
    let lang = s.lang;
    let z = &s.policy.zones;
    let n = |v: Decimal| format_number(lang, v, 2);
    let fr = lang.is_fr();
    match id {
        ScoreId::AltmanZ2 => {
            let (a, b) = (n(z.altman_z2_safe), n(z.altman_z2_grey));
            if fr {
                format!("Zones : saine ≥ {a} · grise {b} – {a} · défaillance < {b}")
            } else {
                format!("Zones: safe ≥ {a} · grey {b} – {a} · distress < {b}")
            }
        }
        ScoreId::AltmanZ1 => {
            let (a, b) = (n(z.altman_z1_safe), n(z.altman_z1_grey));
            if fr {
                format!("Zones : saine ≥ {a} · grise {b} – {a} · défaillance < {b}")
            } else {
                format!("Zones: safe ≥ {a} · grey {b} – {a} · distress < {b}")
            }
        }
        ScoreId::ConanHolder => {
            let (a, b, c) = (
                n(z.conan_holder_very_good),
                n(z.conan_holder_good),
                n(z.conan_holder_alert),
            );
            if fr {
                format!("Zones : très bon ≥ {a} · bon {b} – {a} · alerte {c} – {b} · danger < {c}")
            } else {
                format!("Zones: very good ≥ {a} · good {b} – {a} · alert {c} – {b} · danger < {c}")
            }
        }
    }
}

pub(super) fn figure_short(lang: Lang, f: Figure, places: u32) -> String {
    match f {
        Ok(v) => format_number(lang, v, places),
        Err(w) => format!("{} — {}", not_available(lang), why_text(w, lang)),
    }
}

/// One failure score card.
pub(super) fn score_card(
    s: &Snapshot,
    id: ScoreId,
    r: Option<&ScoreResult>,
    open: RwSignal<Option<String>>,
    opened: Option<&str>,
) -> AnyView {
    let lang = s.lang;
    let fr = lang.is_fr();
    let key = id.key();
    let value = r.map(|r| r.value).unwrap_or(Err(Why::NoStatement));
    let text = match value {
        Ok(v) => format_number(lang, v, 2),
        Err(_) => not_available(lang).to_string(),
    };
    let reason = value.err().map(|w| why_text(w, lang));
    let zone = r.and_then(|r| r.zone);
    let open_key = format!("score:{key}");
    let expanded = opened == Some(open_key.as_str());
    let names = component_names(id, lang);
    let components: Vec<(String, String)> = r
        .map(|r| {
            r.components
                .iter()
                .enumerate()
                .map(|(i, (coef, f))| {
                    let name = names.get(i).copied().unwrap_or("").to_string();
                    (
                        name,
                        format!(
                            "{} × {}",
                            format_number(lang, *coef, 3),
                            figure_short(lang, *f, 4)
                        ),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let formula = match id {
        ScoreId::AltmanZ2 => "Z″ = 6,56·X1 + 3,26·X2 + 6,72·X3 + 1,05·X4",
        ScoreId::AltmanZ1 => "Z′ = 0,717·X1 + 0,847·X2 + 3,107·X3 + 0,420·X4 + 0,998·X5",
        ScoreId::ConanHolder => "Z = 24·R1 + 22·R2 + 16·R3 − 87·R4 − 10·R5",
    };
    let formula = if fr {
        formula.to_string()
    } else {
        formula.replace(',', ".")
    };
    let caveat = (id == ScoreId::ConanHolder).then(|| {
        lang.pick(
            "Conçu pour les PME industrielles françaises : à lire avec prudence pour le commerce et les services.",
            "Designed for French industrial SMEs: read with care for trade and services.",
        )
    });
    let toggle = move |_| {
        let k = open_key.clone();
        open.update(|o| {
            *o = if o.as_deref() == Some(k.as_str()) {
                None
            } else {
                Some(k)
            }
        });
    };
    // The button's content and the explanation as markup: only the button needs to be a view.
    let absent = if value.is_err() { " absent" } else { "" };
    let mut content = format!(
        r#"<span class="score-value{absent}" data-testid="score-{key}" data-value="{}">{}</span>"#,
        ratio_value(value.ok()),
        esc(&text)
    );
    if let Some(z) = zone {
        let _ = write!(
            content,
            r#"<span class="appr appr-{}" data-zone="{}"><span class="appr-icon" aria-hidden="true">●</span><span class="appr-word">{}</span></span>"#,
            zone_level(z),
            z.key(),
            esc(zone_word(lang, z))
        );
    }
    if let Some(r) = reason {
        let _ = write!(content, r#"<span class="reason">{}</span>"#, esc(&r));
    }
    let explain = expanded.then(|| {
        let mut h = format!(
            r#"<p class="explain-formula">{}</p><ul class="explain-inputs">"#,
            esc(&formula)
        );
        for (n, v) in components {
            let _ = write!(
                h,
                r#"<li><span>{}</span><span class="num">{}</span></li>"#,
                esc(&n),
                esc(&v)
            );
        }
        let _ = write!(
            h,
            r#"</ul><p class="explain-bands">{}</p>"#,
            esc(&zones_text(id, s))
        );
        view! { <div class="explain" inner_html=h></div> }
    });
    view! {
        <article class="score-card">
            <h3>{score_title(id, lang)}</h3>
            <button type="button" class="cell-button score-button" aria-expanded=if expanded { "true" } else { "false" } on:click=toggle inner_html=content></button>
            {caveat.map(|c| view! { <p class="caveat">{c}</p> })}
            {explain}
        </article>
    }
    .into_any()
}

/// The three failure scores of the latest year.
pub fn scores_block(s: &Snapshot, open: RwSignal<Option<String>>) -> AnyView {
    let lang = s.lang;
    let opened = open.get();
    let latest = s.analysis.as_ref().and_then(|a| a.latest());
    view! {
        <div class="score-cards">
            {ScoreId::ALL
                .iter()
                .map(|&id| score_card(s, id, latest.and_then(|y| y.score(id)), open, opened.as_deref()))
                .collect_view()}
        </div>
        <p class="note">
            {lang.pick(
                "La cotation Banque de France n'est pas publique : Encours ne la calcule pas.",
                "The Banque de France rating is not public: Encours does not compute it.",
            )}
        </p>
    }
    .into_any()
}
