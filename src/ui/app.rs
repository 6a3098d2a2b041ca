//! The application root: opens the workspace on the browser's storage, follows the URL hash,
//! the other tabs' changes and the calendar's day, and renders the shell around the screen.

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{busy, components, import, ledger_import, offline, pages, shell, AppState, View};
use crate::store::Bilingual;
use crate::workspace::Workspace;

/// Today in the browser's local time zone.
fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The local time as "HH:MM".
fn clock() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Moves to the view and file of the URL hash.
fn follow_hash(state: AppState, hash: &str) {
    let (view, id) = View::from_hash(hash);
    if let Some(id) = id {
        let exists = state
            .files
            .with_untracked(|fs| fs.iter().any(|f| f.id == id));
        if !exists {
            state.notify(Bilingual::new(
                format!("Dossier introuvable : {id}"),
                format!("File not found: {id}"),
            ));
            state.view.set(View::Portfolio);
            return;
        }
        if state.current.get_untracked().as_deref() != Some(id.as_str()) {
            state.current.set(Some(id));
        }
    }
    if state.view.get_untracked() != view {
        state.view.set(view);
    }
}

/// Keeps the analysis date on the calendar's day: checked every 30 seconds and whenever the
/// tab comes back into view (a laptop woken the next morning), so that a tab left open past
/// midnight rates files, dates policy versions and computes reviews and staleness with the new
/// day.
fn follow_the_day(state: AppState) {
    let check = move || state.set_today(today());
    let interval = set_interval_with_handle(check, Duration::from_secs(30)).ok();
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| check());
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
        shown.remove();
    });
}

/// The application root: opens the workspace, wires the URL hash, the other tabs' changes, the
/// language and the day, and renders the shell around the current screen.
#[component]
pub fn App() -> impl IntoView {
    // Offline use: the service worker, where the browser allows one (offline.rs).
    offline::start();
    let ws = Workspace::open(crate::storage::open_store(), today(), clock);
    let state = AppState::new(ws);
    provide_context(state);
    components::report::provide_printing();
    // Files stored without a rating were rated when the workspace opened: save them.
    state.act(|_| ());
    follow_the_day(state);
    follow_hash(state, &current_hash());

    // The tab's title names the screen, in the interface language.
    components::effect(move || {
        let lang = state.lang.get();
        let screen = match state.view.get() {
            View::Portfolio => lang.pick("Portefeuille", "Portfolio"),
            View::Client => lang.pick("Dossier", "Client file"),
            View::Analysis => lang.pick("Analyse", "Analysis"),
            View::Ledger => lang.pick("Encours du client", "Client ledger"),
            View::Monitoring => lang.pick("Suivi du portefeuille", "Monitoring"),
            View::Policy => lang.pick("Politique", "Policy"),
            View::Settings => lang.pick("Paramètres", "Settings"),
        };
        document().set_title(&format!("Encours — {screen}"));
    });
    // The language: on the page, and saved as a setting by the workspace.
    components::effect(move || {
        let lang = state.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.code());
        }
        state.act(|w| w.set_lang(lang));
    });

    // The URL hash mirrors the view; a hash typed or a back button moves the view.
    components::effect(move || {
        let view = state.view.get();
        let id = state.current.get();
        let id = match view {
            View::Client | View::Analysis | View::Ledger => id,
            _ => None,
        };
        let hash = view.hash(id.as_deref());
        if current_hash() != hash {
            if let Some(w) = web_sys::window() {
                let location = w.location();
                // The first hash replaces the bare URL rather than adding a history entry.
                let _ = if current_hash().is_empty() {
                    location.replace(&hash)
                } else {
                    location.set_hash(&hash)
                };
            }
        }
    });
    // A screen opens at its top (the verdict first), not at the previous screen's scroll.
    let mut shown: Option<(View, Option<String>)> = None;
    components::effect(move || {
        let now = (state.view.get(), state.current.get());
        if shown.as_ref().is_some_and(|p| *p != now) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        shown = Some(now);
    });
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        follow_hash(state, &current_hash());
    });
    let storage_listener = window_event_listener(leptos::ev::storage, move |e| {
        let key = e.key();
        state.act(|w| w.external_change(key.as_deref(), e.new_value()));
    });
    // Leaving the page ends a deletion's undo window, and writes what is not written yet.
    let leave_listener = window_event_listener(leptos::ev::pagehide, move |_| {
        state.finish_delete();
        state.flush_queued();
    });
    on_cleanup(move || {
        hash_listener.remove();
        storage_listener.remove();
        leave_listener.remove();
    });

    view! {
        // The credit report comes before the app: printing it hides what follows (report.css).
        <components::report::ReportSheet/>
        <div class="app" data-testid="app">
        <div class="top">
            <shell::Header/>
            <shell::Banners/>
        </div>
        <main class="main">
            {move || match state.view.get() {
                View::Portfolio => view! { <pages::portfolio::PortfolioPage/> }.into_any(),
                View::Client => view! { <pages::client::ClientPage/> }.into_any(),
                View::Analysis => view! { <pages::analysis::AnalysisPage/> }.into_any(),
                View::Ledger => view! { <pages::ledger::LedgerPage/> }.into_any(),
                View::Monitoring => view! { <pages::monitoring::MonitoringPage/> }.into_any(),
                View::Policy => view! { <pages::policy::PolicyPage/> }.into_any(),
                View::Settings => view! { <pages::settings::SettingsPage/> }.into_any(),
            }}
        </main>
        <import::ImportDialog/>
        <ledger_import::LedgerImportDialog/>
        <busy::BusyIndicator/>
        <shell::Toast/>
        </div>
    }
}
