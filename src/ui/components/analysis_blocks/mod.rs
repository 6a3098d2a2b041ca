//! Blocks of the analysis screen: the credit limit, payment terms, legal checks, review, the
//! failure scores and the scoring grid.
//!
//! Test ids: `limit-need`, `limit-capacity`, `limit-secured`, `limit-unsecured`, `limit-binding`,
//! `score-altman_z2`, `score-altman_z1`, `score-conan_holder`, `criterion-<criterion>`.

mod grid;
mod limit;
mod scores;

pub use grid::criterion_text;
pub use grid::grid_block;
pub use limit::limit_block;
pub use limit::review_block;
pub use limit::terms_block;
pub use scores::score_title;
pub use scores::scores_block;
pub use scores::zone_level;
pub use scores::zone_word;

use crate::domain::client::ClientFile;
use crate::domain::statement::Statement;

/// The statements of a file, oldest first (the analysis order).
pub fn statements_oldest_first(f: &ClientFile) -> Vec<Statement> {
    f.statements_by_date().into_iter().cloned().collect()
}
