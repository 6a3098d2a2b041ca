//! Reusable components of the client file and analysis screens.

pub mod analysis_blocks;
pub mod charts;
pub mod entry;
pub mod explain;
pub mod fmt;
pub mod inputs;
pub mod rating_status;
pub mod ratio_table;
pub mod ratio_words;
pub mod report;
pub mod snapshot;
pub mod statements;
pub mod verdict;
pub mod what_if;

use leptos::prelude::*;

use crate::domain::client::ClientFile;
use crate::ui::AppState;

/// Runs `f` after rendering, and again whenever a signal it read changes (a Leptos effect).
///
/// Every effect of the app goes through one boxed closure: `Effect::new` compiles its scheduling
/// code once per closure type, about 1 KB of wasm each. State from one run to the next lives in
/// the closure (`FnMut`).
pub fn effect(f: impl FnMut() + 'static) {
    effect_dyn(Box::new(f));
}

#[inline(never)]
fn effect_dyn(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_| f());
}

/// A value derived from signals, recomputed when they change and passed on only when it differs
/// (a Leptos memo). As with [`effect`], the closure is boxed so that a memo's code is compiled once
/// per value type, not once per closure.
pub fn memo<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    memo_dyn(Box::new(f))
}

#[inline(never)]
fn memo_dyn<T>(f: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| f())
}

/// Edits the open file, if any; the storage effect saves it.
///
/// Every edit goes through one non-generic function, so `AppState::update_file` is compiled
/// once rather than once per field (a large share of the wasm otherwise).
pub fn edit_current(state: &AppState, edit: impl FnOnce(&mut ClientFile)) {
    let mut edit = Some(edit);
    edit_current_dyn(state, &mut |f| {
        if let Some(e) = edit.take() {
            e(f);
        }
    });
}

#[inline(never)]
fn edit_current_dyn(state: &AppState, edit: &mut dyn FnMut(&mut ClientFile)) {
    if let Some(id) = state.current.get_untracked() {
        state.update_file(&id, edit);
    }
}
