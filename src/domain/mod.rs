//! The domain: plain Rust, no browser code. Statements, analysis, scores, grid, limit, policy,
//! client files, the exchange format and the parsing of what users type.

pub mod aggregates;
pub mod analysis;
pub mod client;
pub mod exchange;
pub mod figure;
pub mod format;
pub mod grid;
pub mod ids;
pub mod json_tree;
pub mod lang;
pub mod legal;
pub mod limit;
pub mod parse;
pub mod policy;
pub mod policy_check;
pub mod policy_defaults;
pub mod policy_history;
pub mod policy_place;
pub mod policy_preview;
pub mod portfolio;
pub mod ratios;
pub mod receivables;
pub mod scores;
pub mod sorting;
pub mod statement;
pub mod storage_space;
pub mod warnings;
pub mod what_if;

#[cfg(test)]
pub(crate) mod testutil {
    use rust_decimal::Decimal;

    /// A decimal from a literal; tests only, so a typo fails the test rather than the app.
    pub fn d(s: &str) -> Decimal {
        match s.parse() {
            Ok(v) => v,
            Err(e) => panic!("bad test decimal {s}: {e}"),
        }
    }
}
