//! The printable credit report ("fiche de crédit"): one A4 page a credit committee signs —
//! identity, key figures over the years, main ratios with their appreciation, failure scores,
//! the grid, class, limit and terms, what binds the limit, the policy version and the date, and
//! a signature block.
//!
//! The sheet is hidden on screen and is the only thing printed (style/report.css). It is drawn
//! only while printing — from a print button, or the browser's `beforeprint` — and dropped on
//! `afterprint`, so the keystrokes of the entry form never rebuild it (a whole page of tables).
//!
//! Test ids: `print-report-sheet`; inside it `report-class` (data-value: the class),
//! `report-limit` (data-value: the recommended limit, as `limit-recommended`), `report-policy`
//! (data-value: the policy version).

mod parts;
mod sheet;

use std::time::Duration;

use leptos::prelude::*;

use super::fmt::tr;
use crate::ui::{use_state, Lang};
use sheet::*;

/// Whether the report is drawn: set by a print button or `beforeprint`, reset by `afterprint`.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// Provides [`Printing`] to every screen and follows the browser's print events. Called once,
/// by `App`, whose lifetime is the page's.
pub fn provide_printing() {
    let on = RwSignal::new(false);
    provide_context(Printing(on));
    // `beforeprint` comes from the browser with an empty script stack: the sheet is drawn in the
    // microtasks that follow, before the page is laid out for print (Ctrl+P, the menu).
    let before = window_event_listener(leptos::ev::beforeprint, move |_| on.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| on.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// Draws the sheet (the report, or the letter open) and asks the browser to print it.
pub fn print_now(printing: Option<Printing>) {
    if let Some(Printing(on)) = printing {
        on.set(true);
    }
    // `print()` prints the page as it is and blocks: it waits for the next task, after the
    // microtasks that draw the sheet.
    set_timeout(
        || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        },
        Duration::ZERO,
    );
}

/// The "print the report" button of the client and analysis screens.
pub fn print_button(lang: RwSignal<Lang>) -> AnyView {
    let printing = use_context::<Printing>();
    let click = move |_| print_now(printing);
    view! {
        <button type="button" class="btn" data-testid="print-report" on:click=click>
            {tr(lang, "Imprimer la fiche", "Print the report")}
        </button>
    }
    .into_any()
}

/// The report sheet of the open file, mounted by `App` before the app itself (the print style
/// hides the app when a sheet precedes it). Empty unless printing from the client or analysis
/// screen with a file open.
#[component]
pub fn ReportSheet() -> impl IntoView {
    let state = use_state();
    let printing = use_context::<Printing>();
    move || {
        let on = printing.is_some_and(|Printing(p)| p.get()) && state.view.get().of_file();
        if !on {
            return ().into_any();
        }
        // A dunning letter open on the ledger is what is printed then.
        if let Some(letter) = crate::ui::pages::ledger::letter::letter_sheet(state) {
            return letter;
        }
        let lang = state.lang.get();
        let policy = state.policy.get();
        match (state.current_file.get(), state.analysis.get()) {
            (Some(f), Some(a)) => sheet(lang, &f, &a, &policy, state.today.get()),
            _ => ().into_any(),
        }
    }
}
