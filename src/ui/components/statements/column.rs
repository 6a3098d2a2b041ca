//! One year's column of the statement tables: its statement, its warnings and its aggregates.

use leptos::prelude::*;

use super::display_order;
use crate::domain::aggregates::Aggregates;
use crate::domain::statement::Statement;
use crate::domain::warnings::Warning;
use crate::ui::AppState;

/// One column: the year's statement, warnings and aggregates, each a memo so that a keystroke
/// in one year only wakes that year's cells.
///
/// While a closing date is being edited the column order is frozen (`order`), so the year being
/// typed does not jump to another column under the user's finger; it moves on blur.
#[derive(Clone, Copy)]
pub(super) struct Col {
    /// Display index: 0 is the latest year.
    pub(super) i: usize,
    /// Storage index of the statement shown in this column.
    pub(super) k: Memo<Option<usize>>,
    pub(super) stmt: Memo<Option<Statement>>,
    pub(super) warnings: Memo<Vec<Warning>>,
    pub(super) aggs: Memo<Option<Aggregates>>,
}

impl Col {
    pub(super) fn new(state: AppState, i: usize, order: Memo<Vec<usize>>) -> Self {
        let k = crate::ui::components::memo(move || order.with(|o| o.get(i).copied()));
        let stmt = crate::ui::components::memo(move || {
            let k = k.get()?;
            state
                .current_file
                .with(|f| f.as_ref().and_then(|f| f.statements.get(k)).cloned())
        });
        // The analysis lists years oldest first, in the engine's (stable) date order.
        let year_index = crate::ui::components::memo(move || {
            let k = k.get()?;
            state.current_file.with(|f| {
                let f = f.as_ref()?;
                let latest_first = display_order(f);
                let pos = latest_first.iter().position(|&x| x == k)?;
                latest_first.len().checked_sub(1 + pos)
            })
        });
        let warnings = crate::ui::components::memo(move || {
            let Some(j) = year_index.get() else {
                return Vec::new();
            };
            state.analysis.with(|a| {
                a.as_ref()
                    .and_then(|a| a.years.get(j))
                    .map(|y| y.warnings.clone())
                    .unwrap_or_default()
            })
        });
        let aggs = crate::ui::components::memo(move || {
            let j = year_index.get()?;
            state.analysis.with(|a| {
                a.as_ref()
                    .and_then(|a| a.years.get(j))
                    .map(|y| y.aggregates)
            })
        });
        Col {
            i,
            k,
            stmt,
            warnings,
            aggs,
        }
    }
}
