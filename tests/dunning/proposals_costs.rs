//! What the plan proposes at the litigation review, and the costs of lateness and dunning.

use super::*;

fn proposal_at(
    as_of: NaiveDate,
    open: &str,
    penalties: Option<&str>,
    rules: &DunningRules,
) -> Proposal {
    // Class B, one invoice due 31/03: its litigation review falls on 15/05.
    let l = ledger(as_of, vec![invoice("F1", date(2025, 3, 31), open)]);
    client_plan(&l, RiskClass::B, rules, as_of, penalties.map(d)).proposal
}

#[test]
fn litigation_above_1500_small_claims_at_1500() {
    let rules = DunningRules::default();
    let review = date(2025, 5, 15);
    assert_eq!(
        proposal_at(review, "1500.01", Some("60"), &rules),
        Proposal::Litigation
    );
    // 1,500 + 60 of penalties = 1,560 ≤ 5,000.
    assert_eq!(
        proposal_at(review, "1500", Some("60"), &rules),
        Proposal::SmallClaims {
            interest_included: true
        }
    );
    assert_eq!(
        proposal_at(review, "1500", None, &rules),
        Proposal::SmallClaims {
            interest_included: false
        }
    );
    // The day before the review nothing is proposed, whatever the amount.
    assert_eq!(
        proposal_at(date(2025, 5, 14), "90000", Some("0"), &rules),
        Proposal::None
    );
}

#[test]
fn write_off_when_the_claim_exceeds_the_small_claims_ceiling() {
    // A threshold of 6,000: 5,000 + 0.01 > 5,000 → write-off; 5,000 + 0 = 5,000 → small claims.
    let rules = DunningRules {
        litigation_threshold: d("6000"),
        ..DunningRules::default()
    };
    let review = date(2025, 5, 15);
    assert_eq!(
        proposal_at(review, "5000", Some("0.01"), &rules),
        Proposal::WriteOff
    );
    assert_eq!(
        proposal_at(review, "5000", Some("0"), &rules),
        Proposal::SmallClaims {
            interest_included: true
        }
    );
}

#[test]
fn the_proposal_reads_the_overdue_figure_disputed_included() {
    // 600 undisputed past its review + 1,000 disputed overdue = 1,600 > 1,500; an invoice not
    // yet due (1,000) is not overdue.
    let l = ledger(
        date(2025, 5, 15),
        vec![
            invoice("F1", date(2025, 3, 31), "600"),
            Item {
                disputed: true,
                ..invoice("F2", date(2025, 4, 30), "1000")
            },
            invoice("F3", date(2025, 6, 30), "1000"),
        ],
    );
    let plan = client_plan(
        &l,
        RiskClass::B,
        &DunningRules::default(),
        date(2025, 5, 15),
        Some(d("0")),
    );
    assert_eq!(plan.overdue, d("1600"));
    assert_eq!(plan.proposal, Proposal::Litigation);
}

#[test]
fn costs_by_hand() {
    let rules = DunningRules::default();
    // 100,000 × 0.05 × 12 / 365 = 60,000 / 365 = 164.383561… €/year.
    let c = cost_of_lateness(d("100000"), d("12"), &rules).unwrap();
    assert_eq!(c, d("60000") / d("365"));
    assert_eq!(round_amount(c), d("164.38"));
    assert_eq!(cost_of_lateness(d("0"), d("12"), &rules), Some(d("0")));
    // MAX × 0.05 × 100 = 5 × MAX: beyond Decimal, absent rather than saturated.
    assert_eq!(
        cost_of_lateness(rust_decimal::Decimal::MAX, d("100"), &rules),
        None
    );

    // Class B: e-mail 2 + e-mail 2 + call 8 + registered letter 12 + review 30 = 54 over 5
    // actions, one on a closed invoice; an unknown stage is not priced.
    let mut closed = done(invoice("C", date(2025, 1, 31), "100"), &[Pd, R1]);
    closed.open = d("0");
    let mut open = done(invoice("O", date(2025, 1, 31), "100"), &[R2, Fn_, Lr]);
    open.actions.push(Action {
        stage: "fax".into(),
        on: date(2025, 2, 1),
        note: String::new(),
    });
    let l = ledger(date(2025, 4, 30), vec![closed, open]);
    let b = cost_of_dunning(&l, RiskClass::B, &rules);
    assert_eq!((b.total, b.actions, b.unpriced), (d("54"), 5, 1));
    // Class A has no pre-due stage: 54 − 2 = 52 over 4, 2 unpriced.
    let a = cost_of_dunning(&l, RiskClass::A, &rules);
    assert_eq!((a.total, a.actions, a.unpriced), (d("52"), 4, 2));

    // 1,000 written off at a 25 % margin takes 1,000 / 0.25 = 4,000 of sales.
    assert_eq!(sales_to_make_up(d("1000"), &rules), Some(d("4000")));
    let no_margin = DunningRules {
        margin_rate: d("0"),
        ..DunningRules::default()
    };
    assert_eq!(sales_to_make_up(d("1000"), &no_margin), None);
}
