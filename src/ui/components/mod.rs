//! Reusable components of the client file and analysis screens.

pub mod analysis_blocks;
pub mod entry;
pub mod explain;
pub mod fmt;
pub mod inputs;
pub mod ratio_table;
pub mod statements;
pub mod verdict;

use leptos::prelude::*;

use crate::domain::client::ClientFile;
use crate::ui::AppState;

/// Edits the open file, if any; the storage effect saves it.
pub fn edit_current(state: &AppState, edit: impl FnOnce(&mut ClientFile)) {
    if let Some(id) = state.current.get_untracked() {
        state.update_file(&id, edit);
    }
}
