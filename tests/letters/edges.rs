//! Letters at the edges: a contractual rate, a pre-due reminder, days after the rate table,
//! empty and hostile inputs, and the totals' property (rates from the default table of §6).

use chrono::NaiveDate;
use encours::domain::lang::Lang;
use encours::domain::receivables::ledger::Ledger;
use encours::domain::receivables::letters::{letter, letter_text, LetterKind};
use encours::domain::receivables::penalties::PenaltyRules;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::common::{d, date};
use super::{invoice, refs, situation, ALL, NBSP, NNBSP};

#[test]
fn a_contractual_rate_is_the_one_mentioned_and_applied() {
    let rules = PenaltyRules {
        contractual_rate: Some(d("0.12")),
        ..PenaltyRules::default()
    };
    let l = letter(
        &situation(),
        &refs(&["F-101"]),
        LetterKind::Reminder,
        "X",
        date(2025, 8, 14),
        &rules,
        7,
        Lang::Fr,
    );
    // 2 500 × 0.12 × 30 / 365 = 24.6575… → 24.66.
    assert_eq!(l.lines[0].interest, Some(d("24.66")));
    assert!(l.legal[0].contains(&format!("au taux contractuel de 12{NNBSP}%")));
    assert!(!l.legal[0].contains("Banque centrale"));
}

#[test]
fn a_pre_due_reminder_owes_no_penalty() {
    let mut ledger = Ledger::new(date(2025, 8, 10));
    ledger.items = vec![invoice(
        "F-200",
        date(2025, 7, 21),
        date(2025, 8, 20),
        "1234.5",
    )];
    ledger.default_terms = true;
    let l = letter(
        &ledger,
        &refs(&["F-200"]),
        LetterKind::Reminder,
        "X",
        date(2025, 8, 14),
        &PenaltyRules::default(),
        7,
        Lang::Fr,
    );
    // 14/08 − 20/08 = −6: not due, no interest, no indemnity (zero, not absent).
    assert_eq!(
        (
            l.lines[0].days_late,
            l.lines[0].interest,
            l.lines[0].indemnity
        ),
        (-6, Some(Decimal::ZERO), Decimal::ZERO)
    );
    assert_eq!(l.totals.total_due, Some(d("1234.5")));
    assert_eq!(l.title, "Rappel d'échéance de factures");
    assert!(l.body.iter().all(|p| !p.contains("sont calculées au")));
    assert!(l.body.iter().any(|p| p.contains("délai par défaut")));
    assert!(letter_text(&l, Lang::Fr).contains(&format!(
        "échéance 20/08/2025, non échue : reste dû 1{NNBSP}234,50{NBSP}€"
    )));
}

#[test]
fn days_after_the_table_use_its_last_row_and_say_so() {
    let mut ledger = Ledger::new(date(2026, 7, 10));
    ledger.items = vec![invoice(
        "F-300",
        date(2026, 5, 31),
        date(2026, 6, 30),
        "2500",
    )];
    let l = letter(
        &ledger,
        &refs(&["F-300"]),
        LetterKind::Reminder,
        "X",
        date(2026, 7, 10),
        &PenaltyRules::default(),
        7,
        Lang::Fr,
    );
    // 1–10 July 2026 = 10 days at 2026 H1's 12.15 %, carried: 2 500 × 0.1215 × 10 / 365 = 8.3219… → 8.32.
    assert_eq!(l.lines[0].interest, Some(d("8.32")));
    assert!(l.body.iter().any(|p| p.contains("reconduit")));
}

#[test]
fn hostile_and_empty_inputs() {
    let rules = PenaltyRules::default();
    let none = letter(
        &situation(),
        &[],
        LetterKind::FormalNotice,
        "",
        date(2025, 8, 14),
        &rules,
        7,
        Lang::Fr,
    );
    assert!(none.lines.is_empty());
    assert_eq!(none.totals.total_due, Some(Decimal::ZERO));
    assert!(!letter_text(&none, Lang::Fr).contains("- Facture"));
    // The largest amounts saturate; a date before `as_of` and the last date do not panic.
    let mut huge = Ledger::new(date(2025, 8, 10));
    huge.items = vec![
        invoice(
            "A",
            date(2020, 1, 1),
            date(2020, 1, 31),
            "79228162514264337593543950335",
        ),
        invoice(
            "A",
            date(2020, 1, 1),
            date(2020, 1, 31),
            "79228162514264337593543950335",
        ),
    ];
    let l = letter(
        &huge,
        &refs(&["A"]),
        LetterKind::FormalNotice,
        "X",
        NaiveDate::MAX,
        &rules,
        0,
        Lang::En,
    );
    assert_eq!(
        l.lines.len(),
        2,
        "two invoices sharing a reference are both listed"
    );
    assert_eq!(l.totals.open, Decimal::MAX);
    assert_eq!(l.deadline, None);
    assert!(letter_text(&l, Lang::En).contains("within eight days"));
    let early = letter(
        &situation(),
        &refs(&ALL),
        LetterKind::Reminder,
        "X",
        date(2025, 8, 1),
        &rules,
        7,
        Lang::Fr,
    );
    assert!(!early.stale);
}

proptest! {
    #[test]
    fn totals_are_the_sums_of_the_lines(
        items in prop::collection::vec((1i64..10_000_000_000, -30i64..400, any::<bool>()), 0..8),
        lang in prop::sample::select(vec![Lang::Fr, Lang::En]),
    ) {
        let today = date(2025, 8, 14);
        let mut ledger = Ledger::new(date(2025, 8, 10));
        for (i, (cents, late, disputed)) in items.iter().enumerate() {
            let due = today - chrono::Duration::days(*late);
            let mut it = invoice(&format!("P-{i}"), due - chrono::Days::new(30), due, "0");
            it.open = Decimal::new(*cents, 2);
            it.amount = it.open;
            it.disputed = *disputed;
            ledger.items.push(it);
        }
        let all: Vec<String> = (0..items.len()).map(|i| format!("P-{i}")).collect();
        let l = letter(&ledger, &all, LetterKind::FormalNotice, "X", today, &PenaltyRules::default(), 7, lang);
        prop_assert_eq!(l.lines.len(), items.iter().filter(|x| !x.2).count());
        let open: Decimal = l.lines.iter().map(|x| x.open).sum();
        let interest: Decimal = l.lines.iter().filter_map(|x| x.interest).sum();
        let indemnity: Decimal = l.lines.iter().map(|x| x.indemnity).sum();
        prop_assert_eq!(l.totals.open, open);
        prop_assert_eq!(l.totals.total_due, Some(open + interest + indemnity));
        let text = letter_text(&l, lang);
        for x in &l.lines {
            prop_assert_eq!(x.days_late, (today - x.due_on).num_days());
            prop_assert_eq!(x.indemnity, if x.days_late > 0 { d("40") } else { Decimal::ZERO });
            prop_assert!(x.interest.is_some_and(|i| i >= Decimal::ZERO && (x.days_late > 0 || i.is_zero())));
            let needle = format!(" {} ", x.reference);
            prop_assert!(text.contains(&needle));
        }
    }
}
