//! The statements of a client file, year by year as columns side by side (N, N-1, N-2…, latest
//! on the left, next to the labels), in quick or complete mode.
//!
//! Columns are addressed by their display index: 0 is the latest year by closing date. The
//! analysis lists the same years oldest first, so display index `i` is `analysis.years[n-1-i]`.

mod cells;
mod column;
mod editor;
mod lines;
mod warnings;

pub use editor::StatementsEditor;
pub use lines::Line;
pub use warnings::warning_text;

use super::edit_current;
use crate::domain::client::ClientFile;
use crate::domain::statement::Statement;
use crate::ui::AppState;

/// Storage indices of the statements, latest first (the reverse of the engine's stable
/// oldest-first order, so that display index `i` matches `analysis.years[n-1-i]`).
pub fn display_order(f: &ClientFile) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..f.statements.len()).collect();
    crate::domain::sorting::sort_by(&mut idx, |&a, &b| {
        f.statements[a]
            .closing_date
            .cmp(&f.statements[b].closing_date)
    });
    idx.reverse();
    idx
}

/// Edits the statement at storage index `k` in the open file.
pub(super) fn edit_year(state: &AppState, k: Option<usize>, edit: impl FnOnce(&mut Statement)) {
    let Some(k) = k else {
        return;
    };
    edit_current(state, |f| {
        if let Some(s) = f.statements.get_mut(k) {
            edit(s);
        }
    });
}
