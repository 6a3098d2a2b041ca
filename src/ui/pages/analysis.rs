//! The analysis screen.

use leptos::prelude::*;

/// Placeholder until the screen is built.
#[component]
pub fn AnalysisPage() -> impl IntoView {
    view! { <section data-testid="analysis-page"></section> }
}
