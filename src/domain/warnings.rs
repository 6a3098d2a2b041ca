//! Consistency warnings of a statement: unbalanced balance sheet, reported totals that differ
//! from their lines, year result (DI) different from net income (HN).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::aggregates::{Aggregate, Aggregates};
use super::statement::{BalanceLine, ReportedLine, Statement};

/// Differences up to this many euros are rounding, not inconsistency.
const TOLERANCE: Decimal = Decimal::ONE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Warning {
    /// Total liabilities differ from total assets (bilan déséquilibré).
    Unbalanced {
        closing_date: NaiveDate,
        total_assets: Decimal,
        total_liabilities: Decimal,
    },
    /// A published key figure differs from the sum of its lines.
    ReportedDiffers {
        closing_date: NaiveDate,
        line: ReportedLine,
        reported: Decimal,
        from_lines: Decimal,
    },
    /// The year result of the balance sheet (DI) differs from net income (HN).
    YearResultDiffers {
        closing_date: NaiveDate,
        year_result: Decimal,
        net_income: Decimal,
    },
}

fn differs(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() > TOLERANCE
}

/// The warnings of one statement, given its aggregates with and without the reported totals.
pub fn check(s: &Statement, agg: &Aggregates, lines: &Aggregates) -> Vec<Warning> {
    let closing_date = s.closing_date;
    let mut out = Vec::new();
    // Balance is judged on the lines alone, and only when both sides carry their own lines
    // (equity lines included): a quick entry of published equity and total assets with a few
    // debts is partial by design, and published totals that differ from their lines get their
    // own warning below.
    let both_sides = lines.get(Aggregate::Equity).is_some();
    if let (true, Some(ta), Some(tl)) = (
        both_sides,
        lines.get(Aggregate::TotalAssets),
        lines.get(Aggregate::TotalLiabilities),
    ) {
        if differs(ta, tl) {
            out.push(Warning::Unbalanced {
                closing_date,
                total_assets: ta,
                total_liabilities: tl,
            });
        }
    }
    for &line in ReportedLine::ALL {
        let aggregate = line.aggregate();
        // A quick entry gives published totals with a few lines (receivables, cash): those lines
        // are not the total's detail, so total assets is compared only when fixed assets are
        // entered, and equity only when share capital is.
        let detailed = match line {
            ReportedLine::TotalAssets => lines.get(Aggregate::FixedAssets).is_some(),
            ReportedLine::Equity => s.bs(BalanceLine::ShareCapital).is_some(),
            _ => true,
        };
        if let (true, Some(reported), Some(from_lines)) =
            (detailed, s.rep(line), lines.get(aggregate))
        {
            if differs(reported, from_lines) {
                out.push(Warning::ReportedDiffers {
                    closing_date,
                    line,
                    reported,
                    from_lines,
                });
            }
        }
    }
    if let (Some(di), Some(hn)) = (s.bs(BalanceLine::YearResult), agg.get(Aggregate::NetIncome)) {
        if differs(di, hn) {
            out.push(Warning::YearResultDiffers {
                closing_date,
                year_result: di,
                net_income: hn,
            });
        }
    }
    out
}
