//! The Leptos user interface.

use leptos::prelude::*;

/// The application root.
#[component]
pub fn App() -> impl IntoView {
    view! { <main data-testid="app">"Encours"</main> }
}
