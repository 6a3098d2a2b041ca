//! The indicator of work that takes more than a moment (reading and saving an import of
//! thousands of files): it is shown *before* the work starts, and the work waits until the
//! browser has painted it, so the page never sits frozen and blank.
//!
//! Test id: `import-progress` (`role="status"`), present only while the work runs.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::use_state;

/// Work to run once, whichever of two callbacks comes first.
type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// Runs `work` once the browser has painted the screen as it is now: after the next frame,
/// in the task that follows it. A hidden tab draws no frames, so a timer runs it anyway after
/// a fifth of a second; whichever comes first runs it, once.
pub fn after_paint(work: impl FnOnce() + 'static) {
    let work: Once = Rc::new(Cell::new(Some(Box::new(work))));
    let run = {
        let work = work.clone();
        move || {
            if let Some(w) = work.take() {
                w();
            }
        }
    };
    let after_frame = run.clone();
    request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    set_timeout(run, Duration::from_millis(200));
}

/// The indicator: a line at the top of the screen with what is being done, while
/// `AppState::busy` holds it.
#[component]
pub fn BusyIndicator() -> impl IntoView {
    let state = use_state();
    move || {
        state.busy.get().map(|what| {
            view! {
                <div class="busy" role="status" aria-live="polite" data-testid="import-progress">
                    <span class="busy-spinner" aria-hidden="true"></span>
                    <span>{what.get(state.lang.get()).to_string()}</span>
                </div>
            }
        })
    }
}
