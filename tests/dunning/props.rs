//! Properties over generated ledgers.

use super::*;

fn arb_item() -> impl Strategy<Value = Item> {
    (
        0u32..6,
        0i64..200,
        0i64..5000,
        any::<bool>(),
        proptest::collection::vec((0usize..5, 0i64..5), 0..4),
    )
        .prop_map(|(r, due, open, disputed, acts)| {
            let due_on = date(2025, 1, 1) + chrono::Days::new(due as u64);
            let mut it = Item {
                disputed,
                ..invoice(&format!("R{r}"), due_on, &open.to_string())
            };
            it.actions = acts
                .into_iter()
                .map(|(s, on)| Action {
                    stage: Stage::ALL[s].key().into(),
                    on: date(2025, 3, 1) + chrono::Days::new(on as u64),
                    note: String::new(),
                })
                .collect();
            it
        })
}

proptest! {
    #[test]
    fn mark_then_undo_is_the_identity(items in proptest::collection::vec(arb_item(), 0..8), picks in proptest::collection::vec(0u32..8, 0..5), s in 0usize..5, on in 0i64..5) {
        let original = ledger(date(2025, 6, 1), items);
        let mut l = original.clone();
        let refs: Vec<String> = picks.iter().map(|p| format!("R{p}")).collect();
        let when = date(2025, 3, 1) + chrono::Days::new(on as u64);
        let changed = mark_done(&mut l, &refs, Stage::ALL[s], when, "n");
        undo(&mut l, &changed, Stage::ALL[s], when);
        prop_assert_eq!(l, original);
    }

    #[test]
    fn a_later_as_of_never_drops_a_due_stage_and_next_is_the_least(items in proptest::collection::vec(arb_item(), 0..8), a in 0i64..300, later in 0i64..60, class in 0usize..6) {
        let class = RiskClass::ALL[class];
        let as_of = date(2025, 1, 1) + chrono::Days::new(a as u64);
        let early = ledger(as_of, items.clone());
        let late = ledger(as_of + chrono::Days::new(later as u64), items);
        let rules = DunningRules::default();
        let e = due_stages(&early, class, &rules);
        let l = due_stages(&late, class, &rules);
        for s in &e {
            prop_assert!(l.iter().any(|x| x.reference == s.reference && x.stage == s.stage));
        }
        let plan = client_plan(&late, class, &rules, late.as_of, None);
        if let Some((stage, at)) = plan.next {
            prop_assert!(l.iter().all(|x| x.stage >= stage));
            prop_assert_eq!(at.len(), l.iter().filter(|x| x.stage == stage).count());
        } else {
            prop_assert!(l.is_empty());
        }
    }
}
