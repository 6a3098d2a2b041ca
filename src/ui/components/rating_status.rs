//! Where a file's recorded rating stands against the policy in force, with a one-tap re-rate.
//!
//! Every file keeps the rating it was given and the policy version that gave it (FINANCE.md §5).
//! After the credit manager saves a new version, a file rated under an earlier one says so here
//! (`rating-outdated`, `data-version` = the version it was rated with) and offers `rerate`, which
//! records its rating under the version in force. The status comes from
//! `policy_history::rating_status`; nothing is computed here.

use leptos::prelude::*;

use crate::domain::policy_history::{rating_status, RatingStatus};
use crate::ui::format::format_date;
use crate::ui::{use_state, AppState, Lang};

/// The rating status of the file `id`, as a small badge; `compact` (portfolio rows) shows
/// nothing when the rating is current.
///
/// Place it next to the verdict: `<RatingStatusBadge id=Signal::derive(move || …id…)/>`.
#[component]
pub fn RatingStatusBadge(
    /// The file's id.
    #[prop(into)]
    id: Signal<String>,
    /// Shows nothing while the rating is current (lists).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = use_state();
    let status = super::memo(move || {
        let id = id.get();
        state.policy.with(|p| {
            state.files.with(|fs| {
                fs.iter().find(|f| f.id == id).map(|f| {
                    let status = rating_status(f, p);
                    let on = f.rating.as_ref().map(|r| r.rated_on);
                    (status, on, p.version)
                })
            })
        })
    });
    move || {
        let (s, on, current) = status.get()?;
        Some(rating_badge(
            state,
            id.get_untracked(),
            s,
            on,
            current,
            state.lang.get(),
            compact,
        ))
    }
}

/// The badge of a status already known (the portfolio computes it with its rows).
pub fn rating_badge(
    state: AppState,
    id: String,
    status: RatingStatus,
    rated_on: Option<chrono::NaiveDate>,
    current: u32,
    lang: Lang,
    compact: bool,
) -> AnyView {
    let fr = lang.is_fr();
    let (testid, kind, version, text, action) = match status {
        RatingStatus::Current if compact => return ().into_any(),
        RatingStatus::Current => {
            let date = rated_on.map(|d| format_date(lang, d)).unwrap_or_default();
            let text = if fr {
                format!("Notation enregistrée le {date} (politique v{current})")
            } else {
                format!("Rating recorded on {date} (policy v{current})")
            };
            ("rating-current", "current", current, text, None)
        }
        RatingStatus::Older { version } | RatingStatus::Other { version } => {
            let older = matches!(status, RatingStatus::Older { .. });
            let text = match (fr, compact, older) {
                (true, true, _) => format!("noté en v{version}"),
                (false, true, _) => format!("rated with v{version}"),
                (true, false, true) => format!(
                    "Notation faite avec la version {version} de la politique ; la version {current} est en vigueur."
                ),
                (false, false, true) => format!(
                    "Rated with version {version} of the policy; version {current} is in force."
                ),
                (true, false, false) => format!(
                    "Notation faite avec une autre politique (version {version}) ; la version {current} est en vigueur ici."
                ),
                (false, false, false) => format!(
                    "Rated with another policy (version {version}); version {current} is in force here."
                ),
            };
            (
                "rating-outdated",
                "outdated",
                version,
                text,
                Some(lang.pick("Re-noter", "Re-rate")),
            )
        }
        RatingStatus::Unrated => (
            "rating-unrated",
            "unrated",
            0,
            lang.pick("pas encore noté", "not rated yet").to_string(),
            Some(lang.pick("Noter", "Rate")),
        ),
    };
    let label = if fr {
        format!(
            "{} avec la politique en vigueur (version {current})",
            action.unwrap_or("")
        )
    } else {
        format!(
            "{} with the policy in force (version {current})",
            action.unwrap_or("")
        )
    };
    view! {
        <span class=format!("rating-status rating-{kind}") class:compact=compact data-testid=testid data-version=version>
            <span class="rating-text">
                {(kind != "current").then_some(view! { <span aria-hidden="true">"⟳ "</span> })}
                {text}
            </span>
            {action.map(|a| view! {
                <button
                    type="button"
                    class="btn btn-rerate"
                    data-testid="rerate"
                    title=label.clone()
                    aria-label=label
                    on:click=move |ev| {
                        ev.stop_propagation();
                        state.rerate(&id);
                    }
                >
                    {a}
                </button>
            })}
        </span>
    }
    .into_any()
}
