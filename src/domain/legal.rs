//! French legal rules on payment terms (FINANCE.md §7, Code de commerce L441-10, D441-5): fixed.

use rust_decimal::Decimal;

use super::client::{TermsBasis, Trade};

/// Longest terms between businesses: 60 days from the invoice date…
pub const LEGAL_MAX_NET_DAYS: u32 = 60;
/// …or 45 days end of month.
pub const LEGAL_MAX_END_OF_MONTH_DAYS: u32 = 45;
/// Terms when nothing is agreed: 30 days.
pub const LEGAL_DEFAULT_DAYS: u32 = 30;
/// Flat recovery indemnity per late invoice, euros.
pub const RECOVERY_INDEMNITY_EUR: u32 = 40;

/// A legal point the analysis raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegalCheck {
    /// The requested terms exceed 60 days net or 45 days end of month.
    RequestedTermsBeyondLegal { days: u32, basis: TermsBasis },
    /// The client pays its own suppliers beyond 60 days: it will likely pay us late too.
    DpoBeyondLegal { dpo_days: Decimal },
}

/// The legal checks of a file: the requested terms and the latest DPO.
pub fn checks(trade: &Trade, dpo_days: Option<Decimal>) -> Vec<LegalCheck> {
    let mut out = Vec::new();
    if let Some(days) = trade.terms_days {
        let max = match trade.terms_basis {
            TermsBasis::Net => LEGAL_MAX_NET_DAYS,
            TermsBasis::EndOfMonth => LEGAL_MAX_END_OF_MONTH_DAYS,
        };
        if days > max {
            out.push(LegalCheck::RequestedTermsBeyondLegal {
                days,
                basis: trade.terms_basis,
            });
        }
    }
    if let Some(dpo) = dpo_days.filter(|d| *d > Decimal::from(LEGAL_MAX_NET_DAYS)) {
        out.push(LegalCheck::DpoBeyondLegal { dpo_days: dpo });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testutil::d;

    fn trade(days: u32, basis: TermsBasis) -> Trade {
        Trade {
            terms_days: Some(days),
            terms_basis: basis,
            ..Trade::default()
        }
    }

    #[test]
    fn sixty_days_net_and_forty_five_end_of_month_are_legal() {
        assert!(checks(&trade(60, TermsBasis::Net), None).is_empty());
        assert!(checks(&trade(45, TermsBasis::EndOfMonth), None).is_empty());
        assert_eq!(
            checks(&trade(61, TermsBasis::Net), None),
            vec![LegalCheck::RequestedTermsBeyondLegal {
                days: 61,
                basis: TermsBasis::Net
            }]
        );
        assert_eq!(checks(&trade(46, TermsBasis::EndOfMonth), None).len(), 1);
    }

    #[test]
    fn dpo_over_sixty_days_is_flagged() {
        assert!(checks(&Trade::default(), Some(d("60"))).is_empty());
        assert_eq!(checks(&Trade::default(), Some(d("60.01"))).len(), 1);
    }
}
