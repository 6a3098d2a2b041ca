//! The portfolio screen.

use leptos::prelude::*;

/// Placeholder until the screen is built.
#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! { <section data-testid="portfolio-page"></section> }
}
