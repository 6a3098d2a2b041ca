//! What the policy screen says around the form: the preview of a draft on the portfolio, a
//! version's title, notices and the problems of an imported file.

use leptos::prelude::*;

use super::widgets::*;
use crate::domain::figure::amount_value;
use crate::domain::policy::Policy;
use crate::domain::policy_check::PolicyError;
use crate::domain::policy_history::Preview;
use crate::store::Bilingual;
use crate::ui::format::{format_amount, format_date};
use crate::ui::{display_name, Lang};

/// The files whose class or limit the draft changes.
pub(super) fn preview_view(pv: &Preview, lang: Lang) -> AnyView {
    let fr = lang.is_fr();
    let n = pv.changes.len();
    let summary = if fr {
        format!(
            "{n} dossier(s) sur {} changent : {} de classe, {} d'encours recommandé.",
            pv.files, pv.class_changes, pv.limit_changes
        )
    } else {
        format!(
            "{n} file(s) of {} change: {} in class, {} in recommended limit.",
            pv.files, pv.class_changes, pv.limit_changes
        )
    };
    let items = pv
        .changes
        .iter()
        .map(|c| {
            let limit = if c.limit_changed() {
                format!(
                    "{} → {}",
                    format_amount(lang, c.old_limit),
                    format_amount(lang, c.new_limit)
                )
            } else {
                format!(
                    "{} ({})",
                    format_amount(lang, c.new_limit),
                    lang.pick("inchangé", "unchanged")
                )
            };
            view! {
                <li
                    class="preview-item"
                    data-testid="policy-preview-item"
                    data-id=c.id.clone()
                    data-old-class=c.old_class.key()
                    data-new-class=c.new_class.key()
                    data-old-limit=amount_value(Some(c.old_limit))
                    data-new-limit=amount_value(Some(c.new_limit))
                >
                    <span class="preview-name">{display_name(&c.name, lang)}</span>
                    <span class="preview-class">
                        {small_class(c.old_class)}
                        <span aria-hidden="true">" → "</span>
                        <span class="visually-hidden">{lang.pick(" devient ", " becomes ")}</span>
                        {small_class(c.new_class)}
                    </span>
                    <span class="preview-limit">{limit}</span>
                </li>
            }
        })
        .collect_view();
    let list = view! { <ul class="preview-list" data-testid="policy-preview-list">{items}</ul> }
        .into_any();
    vec![
        notice(
            "preview-count",
            "policy-preview-count",
            n.to_string(),
            text("", summary),
            Vec::new(),
        ),
        list,
    ]
    .into_any()
}

/// "Version 3 · 12/03/2026" or "Version 1 · politique par défaut".
pub(super) fn version_title(p: &Policy, lang: Lang) -> String {
    let date = p
        .created_on
        .map(|d| format_date(lang, d))
        .unwrap_or_else(|| {
            lang.pick("politique par défaut", "default policy")
                .to_string()
        });
    format!("{} {} · {date}", lang.pick("Version", "Version"), p.version)
}

/// A message box: its class, test id, `data-value`, text and buttons.
pub(super) fn notice(
    class: &'static str,
    testid: &'static str,
    value: String,
    body: AnyView,
    actions: Vec<AnyView>,
) -> AnyView {
    view! {
        <div class=class role="status" data-testid=testid data-value=value>
            <span>{body}</span>
            <span class="policy-actions">{actions}</span>
        </div>
    }
    .into_any()
}

/// The message of the last action (save, revert, reset, import): its test id, `data-value`,
/// whether it went well, and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Note {
    pub(super) testid: &'static str,
    pub(super) value: String,
    pub(super) ok: bool,
    pub(super) text: Bilingual,
}

/// The problems of a refused policy file, each with its place (at most 6, then how many more).
pub(super) fn problems_text(errors: &[PolicyError], lang: Lang) -> String {
    let french = lang.is_fr();
    let mut parts: Vec<String> = errors.iter().take(6).map(|e| e.message(lang)).collect();
    if errors.len() > 6 {
        parts.push(if french {
            format!("et {} autre(s)", errors.len() - 6)
        } else {
            format!("and {} more", errors.len() - 6)
        });
    }
    parts.join(" ; ")
}
