//! The dunning plan (docs/receivables.md §7) on small ledgers built here; every date and amount
//! is worked out by hand in the comments.

mod common;

#[path = "dunning/proposals_costs.rs"]
mod proposals_costs;
#[path = "dunning/props.rs"]
mod props;
#[path = "dunning/rules.rs"]
mod rules;

use chrono::NaiveDate;
use common::{d, date};
use encours::domain::ids::RiskClass;
use encours::domain::lang::Lang;
use encours::domain::receivables::dunning::{
    check_rules, client_plan, cost_of_dunning, cost_of_lateness, due_stages, mark_done,
    sales_to_make_up, todays_actions, undo, Channel, DunningProblem, DunningRules, Proposal, Stage,
};
use encours::domain::receivables::figures::round_amount;
use encours::domain::receivables::ledger::{Action, Item, ItemKind, Ledger};
use proptest::prelude::*;

fn invoice(reference: &str, due: NaiveDate, open: &str) -> Item {
    Item {
        reference: reference.to_string(),
        kind: ItemKind::Invoice,
        issued_on: due - chrono::Days::new(30),
        due_on: Some(due),
        amount: d(open),
        open: d(open),
        paid_on: None,
        disputed: false,
        actions: Vec::new(),
    }
}

fn done(mut item: Item, stages: &[Stage]) -> Item {
    for s in stages {
        item.actions.push(Action {
            stage: s.key().to_string(),
            on: date(2025, 1, 1),
            note: String::new(),
        });
    }
    item
}

fn ledger(as_of: NaiveDate, items: Vec<Item>) -> Ledger {
    let mut l = Ledger::new(as_of);
    l.items = items;
    l
}

/// (stage, date) of every due stage.
fn due_of(l: &Ledger, class: RiskClass) -> Vec<(Stage, NaiveDate)> {
    due_stages(l, class, &DunningRules::default())
        .into_iter()
        .map(|s| (s.stage, s.stage_date))
        .collect()
}

use Stage::{
    FormalNotice as Fn_, LitigationReview as Lr, PreDue as Pd, Reminder1 as R1, Reminder2 as R2,
};

#[test]
fn every_class_stage_dates_for_an_invoice_due_31_march() {
    // Due 31/03/2025; §7's days: A —,+7,+20,+45,+60; B −5,+5,+15,+30,+45; C −7,+3,+10,+21,+30;
    // D −10,+1,+7,+15,+21; E and NR −10,+1,+5,+8,+15. April has 30 days, so +45 = 15/05.
    let due = date(2025, 3, 31);
    let expected: [(RiskClass, Vec<(Stage, NaiveDate)>); 6] = [
        (
            RiskClass::A,
            vec![
                (R1, date(2025, 4, 7)),
                (R2, date(2025, 4, 20)),
                (Fn_, date(2025, 5, 15)),
                (Lr, date(2025, 5, 30)),
            ],
        ),
        (
            RiskClass::B,
            vec![
                (Pd, date(2025, 3, 26)),
                (R1, date(2025, 4, 5)),
                (R2, date(2025, 4, 15)),
                (Fn_, date(2025, 4, 30)),
                (Lr, date(2025, 5, 15)),
            ],
        ),
        (
            RiskClass::C,
            vec![
                (Pd, date(2025, 3, 24)),
                (R1, date(2025, 4, 3)),
                (R2, date(2025, 4, 10)),
                (Fn_, date(2025, 4, 21)),
                (Lr, date(2025, 4, 30)),
            ],
        ),
        (
            RiskClass::D,
            vec![
                (Pd, date(2025, 3, 21)),
                (R1, date(2025, 4, 1)),
                (R2, date(2025, 4, 7)),
                (Fn_, date(2025, 4, 15)),
                (Lr, date(2025, 4, 21)),
            ],
        ),
        (
            RiskClass::E,
            vec![
                (Pd, date(2025, 3, 21)),
                (R1, date(2025, 4, 1)),
                (R2, date(2025, 4, 5)),
                (Fn_, date(2025, 4, 8)),
                (Lr, date(2025, 4, 15)),
            ],
        ),
        (
            RiskClass::NotRated,
            vec![
                (Pd, date(2025, 3, 21)),
                (R1, date(2025, 4, 1)),
                (R2, date(2025, 4, 5)),
                (Fn_, date(2025, 4, 8)),
                (Lr, date(2025, 4, 15)),
            ],
        ),
    ];
    for (class, stages) in expected {
        // Far after every stage: all of them are due.
        let late = ledger(date(2025, 12, 31), vec![invoice("F1", due, "100")]);
        assert_eq!(due_of(&late, class), stages, "class {}", class.key());
        // Each stage is due on its date exactly, and not the day before.
        for (i, &(stage, on)) in stages.iter().enumerate() {
            let at = ledger(on, vec![invoice("F1", due, "100")]);
            assert_eq!(
                due_of(&at, class),
                stages[..=i].to_vec(),
                "{} {stage:?} at its date",
                class.key()
            );
            let before = ledger(on.pred_opt().unwrap(), vec![invoice("F1", due, "100")]);
            assert_eq!(
                due_of(&before, class),
                stages[..i].to_vec(),
                "{} {stage:?} the day before",
                class.key()
            );
        }
    }
}

#[test]
fn a_due_stage_carries_the_invoice_and_days_late() {
    // Class B, due 31/03, as_of 05/04: pre-due (26/03) and reminder 1 (05/04), 5 days late.
    let l = ledger(
        date(2025, 4, 5),
        vec![invoice("F1", date(2025, 3, 31), "1234.56")],
    );
    let due = due_stages(&l, RiskClass::B, &DunningRules::default());
    assert_eq!(due.len(), 2);
    assert_eq!(due[1].reference, "F1");
    assert_eq!(due[1].stage, R1);
    assert_eq!(due[1].channel, Channel::Email);
    assert_eq!(due[1].due_on, date(2025, 3, 31));
    assert_eq!(due[1].days_late, 5);
    assert_eq!(due[1].open, d("1234.56"));
    // Before the due date the days late are negative: as_of 26/03 is 5 days before.
    let early = ledger(
        date(2025, 3, 26),
        vec![invoice("F1", date(2025, 3, 31), "10")],
    );
    assert_eq!(
        due_stages(&early, RiskClass::B, &DunningRules::default())[0].days_late,
        -5
    );
}

#[test]
fn a_stage_in_the_actions_is_not_due_whatever_its_date() {
    let l = ledger(
        date(2025, 4, 5),
        vec![done(invoice("F1", date(2025, 3, 31), "100"), &[Pd])],
    );
    assert_eq!(due_of(&l, RiskClass::B), vec![(R1, date(2025, 4, 5))]);
    let all = done(invoice("F1", date(2025, 3, 31), "100"), &Stage::ALL);
    assert_eq!(
        due_of(&ledger(date(2025, 12, 31), vec![all]), RiskClass::B),
        vec![]
    );
}

#[test]
fn disputed_closed_credit_and_undated_items_have_no_stage() {
    let due = date(2025, 3, 31);
    let disputed = Item {
        disputed: true,
        ..invoice("D", due, "100")
    };
    let closed = Item {
        open: d("0"),
        paid_on: Some(due),
        ..invoice("C", due, "100")
    };
    let opening = Item {
        kind: ItemKind::Opening,
        ..invoice("O", due, "100")
    };
    let credit = Item {
        kind: ItemKind::CreditNote,
        amount: d("-50"),
        open: d("-50"),
        ..invoice("N", due, "0")
    };
    let undated = Item {
        due_on: None,
        ..invoice("U", due, "100")
    };
    let l = ledger(
        date(2025, 12, 31),
        vec![disputed, closed, opening, credit, undated],
    );
    assert_eq!(due_of(&l, RiskClass::E), vec![]);
    let plan = client_plan(
        &l,
        RiskClass::E,
        &DunningRules::default(),
        date(2025, 12, 31),
        None,
    );
    assert_eq!(plan.next, None);
    assert!(plan.due.is_empty());
}

#[test]
fn next_action_is_the_earliest_stage_then_date_over_invoices() {
    // Class B at 20/04/2025:
    // X due 31/03, pre-due and R1 done → R2 due since 15/04;
    // Y due 10/04, pre-due done → R1 due since 15/04 (10 days late);
    // Z due 14/04, pre-due done → R1 due since 19/04 (6 days late);
    // W due 25/04, pre-due done on… not yet due (R1 on 30/04).
    let l = ledger(
        date(2025, 4, 20),
        vec![
            done(invoice("Z", date(2025, 4, 14), "300"), &[Pd]),
            done(invoice("X", date(2025, 3, 31), "100"), &[Pd, R1]),
            done(invoice("Y", date(2025, 4, 10), "200"), &[Pd]),
            done(invoice("W", date(2025, 4, 25), "400"), &[Pd]),
        ],
    );
    let plan = client_plan(
        &l,
        RiskClass::B,
        &DunningRules::default(),
        date(2025, 4, 20),
        None,
    );
    let (stage, invoices) = plan.next.clone().unwrap();
    assert_eq!(stage, R1);
    let refs: Vec<(&str, i64)> = invoices
        .iter()
        .map(|i| (i.reference.as_str(), i.days_late))
        .collect();
    assert_eq!(refs, vec![("Y", 10), ("Z", 6)]);
    let all: Vec<(&str, Stage)> = plan
        .due
        .iter()
        .map(|i| (i.reference.as_str(), i.stage))
        .collect();
    assert_eq!(all, vec![("Y", R1), ("Z", R1), ("X", R2)]);
    // Nothing overdue enough for the review (X's is 15/05): no proposal.
    assert_eq!(plan.proposal, Proposal::None);
}

#[test]
fn stale_after_seven_days_not_at_seven() {
    let l = ledger(
        date(2025, 3, 31),
        vec![invoice("F1", date(2025, 3, 31), "100")],
    );
    let rules = DunningRules::default();
    assert!(
        !client_plan(&l, RiskClass::B, &rules, date(2025, 4, 7), None).stale,
        "7 days"
    );
    assert!(
        client_plan(&l, RiskClass::B, &rules, date(2025, 4, 8), None).stale,
        "8 days"
    );
    // The stages stay measured at as_of, not today: R1 (05/04) is not due at as_of 31/03.
    let plan = client_plan(&l, RiskClass::B, &rules, date(2025, 6, 1), None);
    assert_eq!(plan.as_of, date(2025, 3, 31));
    assert_eq!(
        plan.due.iter().map(|s| s.stage).collect::<Vec<_>>(),
        vec![Pd]
    );
    // A today before as_of is not stale.
    assert!(!client_plan(&l, RiskClass::B, &rules, date(2025, 1, 1), None).stale);
}

#[test]
fn mark_done_then_undo_returns_the_ledger_unchanged() {
    let original = ledger(
        date(2025, 4, 20),
        vec![
            done(invoice("Y", date(2025, 4, 10), "200"), &[Pd]),
            done(invoice("Z", date(2025, 4, 14), "300"), &[Pd]),
            invoice("K", date(2025, 4, 14), "50"),
        ],
    );
    let mut l = original.clone();
    let refs = vec!["Y".to_string(), "Z".to_string(), "missing".to_string()];
    let changed = mark_done(&mut l, &refs, R1, date(2025, 4, 20), "mail envoyé");
    assert_eq!(changed, vec!["Y".to_string(), "Z".to_string()]);
    assert_ne!(l, original);
    let y = &l.items[0].actions;
    assert_eq!(
        y.last().unwrap(),
        &Action {
            stage: "reminder_1".into(),
            on: date(2025, 4, 20),
            note: "mail envoyé".into()
        }
    );
    // R1 done on Y and Z: only K's stages remain (due 14/04: pre-due 09/04, R1 19/04).
    let left: Vec<(String, Stage)> = due_stages(&l, RiskClass::B, &DunningRules::default())
        .into_iter()
        .map(|s| (s.reference, s.stage))
        .collect();
    assert_eq!(left, vec![("K".to_string(), Pd), ("K".to_string(), R1)]);
    // Marking the same stage the same day again changes nothing.
    assert!(mark_done(&mut l, &refs, R1, date(2025, 4, 20), "bis").is_empty());
    assert_eq!(undo(&mut l, &changed, R1, date(2025, 4, 20)), 2);
    assert_eq!(l, original);
    // Undoing what is not there removes nothing.
    assert_eq!(undo(&mut l, &changed, R1, date(2025, 4, 20)), 0);
}

#[test]
fn a_reference_shared_by_two_invoices_is_marked_whole_or_not_at_all() {
    // Found by the property below: R1 on one of two invoices "S" must not be undone by
    // taking back a marking that skipped it.
    let on = date(2025, 4, 20);
    let mut marked = invoice("S", date(2025, 3, 31), "10");
    marked.actions.push(Action {
        stage: "reminder_1".into(),
        on,
        note: String::new(),
    });
    let original = ledger(on, vec![marked, invoice("S", date(2025, 3, 31), "20")]);
    let mut l = original.clone();
    assert!(mark_done(&mut l, &["S".to_string()], R1, on, "x").is_empty());
    assert_eq!(l, original);
    // Neither has it: both get it, and undo takes both back.
    let fresh = ledger(
        on,
        vec![
            invoice("S", date(2025, 3, 31), "10"),
            invoice("S", date(2025, 3, 31), "20"),
        ],
    );
    let mut l = fresh.clone();
    let changed = mark_done(&mut l, &["S".to_string(), "S".to_string()], R1, on, "x");
    assert_eq!(changed, vec!["S".to_string()]);
    assert!(l.items.iter().all(|i| i.actions.len() == 1));
    assert_eq!(undo(&mut l, &changed, R1, on), 2);
    assert_eq!(l, fresh);
}

#[test]
fn todays_actions_grouped_by_stage_and_sorted_by_amount() {
    let due = date(2025, 3, 31);
    let as_of = date(2025, 4, 10);
    // At 10/04 with pre-due done: class B at R1 (05/04), class D at R2 (07/04) once R1 done,
    // class A at R1 (07/04); a class C invoice due 15/04 at its pre-due (08/04).
    let b = ledger(
        as_of,
        vec![
            done(invoice("B1", due, "900"), &[Pd]),
            done(invoice("B2", due, "100"), &[Pd]),
        ],
    );
    let dd = ledger(as_of, vec![done(invoice("D1", due, "5000"), &[Pd, R1])]);
    let a = ledger(as_of, vec![invoice("A1", due, "2000")]);
    let c = ledger(
        date(2025, 4, 8),
        vec![invoice("C1", date(2025, 4, 15), "10")],
    );
    let none = ledger(as_of, vec![invoice("N1", date(2025, 6, 30), "99999")]);
    let lines = [
        ("f-b", "Bêta", RiskClass::B, &b),
        ("f-d", "Delta", RiskClass::D, &dd),
        ("f-a", "Alpha", RiskClass::A, &a),
        ("f-c", "Gamma", RiskClass::C, &c),
        ("f-n", "Nu", RiskClass::E, &none),
    ];
    let groups = todays_actions(&lines, &DunningRules::default(), date(2025, 4, 17));
    let shape: Vec<(Stage, Vec<(&str, rust_decimal::Decimal)>)> = groups
        .iter()
        .map(|(s, g)| {
            (
                *s,
                g.iter().map(|l| (l.file_id.as_str(), l.amount)).collect(),
            )
        })
        .collect();
    // B: 900 + 100 = 1,000 at R1; A: 2,000 at R1 → A first.
    assert_eq!(
        shape,
        vec![
            (Pd, vec![("f-c", d("10"))]),
            (R1, vec![("f-a", d("2000")), ("f-b", d("1000"))]),
            (R2, vec![("f-d", d("5000"))]),
        ]
    );
    // Gamma's situation (08/04) is 9 days old on 17/04: stale; the others 7 days: not.
    let stale: Vec<bool> = groups
        .iter()
        .flat_map(|(_, g)| g.iter().map(|l| l.stale))
        .collect();
    assert_eq!(stale, vec![true, false, false, false]);
    assert_eq!(groups[1].1[1].name, "Bêta");
    assert!(todays_actions(&[], &DunningRules::default(), as_of).is_empty());
}
