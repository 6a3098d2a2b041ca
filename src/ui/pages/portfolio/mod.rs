//! The portfolio screen: every client file with its verdict, search, sort, and the file actions
//! (new, duplicate, delete with undo, import, export all, demo portfolio).
//!
//! Each row's verdict (the engine on the latest year only: `analysis::verdict`) is computed in a
//! memo keyed on the files and the policy, which lives only while this screen is shown; searching
//! and sorting work on that memo's rows and never re-run the engine.

mod page;
mod row_view;
mod rows;

pub use page::PortfolioPage;
pub use rows::class_badge;
