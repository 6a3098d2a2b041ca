//! Reusable components of the client file and analysis screens.

pub mod analysis_blocks;
pub mod charts;
pub mod entry;
pub mod explain;
pub mod fmt;
pub mod inputs;
pub mod rating_status;
pub mod ratio_table;
pub mod report;
pub mod statements;
pub mod verdict;
pub mod what_if;

use leptos::prelude::*;

use crate::domain::client::ClientFile;
use crate::ui::AppState;

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
