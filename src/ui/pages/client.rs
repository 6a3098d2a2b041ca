//! The client screen.

use leptos::prelude::*;

/// Placeholder until the screen is built.
#[component]
pub fn ClientPage() -> impl IntoView {
    view! { <section data-testid="client-page"></section> }
}
