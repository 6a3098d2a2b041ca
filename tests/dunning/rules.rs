//! The policy's dunning settings: defaults, checks, JSON, keys and labels, hostile values.

use super::*;

#[test]
fn default_rules_pass_and_bad_rules_are_named() {
    assert_eq!(check_rules(&DunningRules::default()), vec![]);
    let mut r = DunningRules::default();
    r.plans.retain(|p| p.class != RiskClass::C);
    let dup = r.plans[0].clone();
    r.plans.push(dup); // index 5: a second A
    r.plans[1].stages.swap(1, 2); // B: R2 (+15) before R1 (+5)
    r.plans[2].stages[0].unit_cost = d("-0.01");
    r.litigation_threshold = d("-1");
    r.financing_rate = d("1.01");
    r.margin_rate = d("0");
    let problems = check_rules(&r);
    assert_eq!(
        problems,
        vec![
            DunningProblem::MissingClass(RiskClass::C),
            DunningProblem::StageOrder { plan: 1, stage: 2 },
            DunningProblem::DaysOrder { plan: 1, stage: 2 },
            DunningProblem::NegativeCost { plan: 2, stage: 0 },
            DunningProblem::DuplicateClass {
                plan: 5,
                class: RiskClass::A
            },
            DunningProblem::NegativeAmount("litigation_threshold"),
            DunningProblem::RateRange("financing_rate"),
            DunningProblem::RateRange("margin_rate"),
        ]
    );
    assert_eq!(problems[2].path(), "plans[1].stages[2].days");
    assert_eq!(problems[3].path(), "plans[2].stages[0].unit_cost");
    assert!(problems[0].message(Lang::Fr).contains("classe C"));
    assert!(problems[0].message(Lang::En).contains("class C"));
    // Bounds: rates of exactly 0 (financing) and 1 are allowed.
    let edge = DunningRules {
        financing_rate: d("0"),
        margin_rate: d("1"),
        ..DunningRules::default()
    };
    assert_eq!(check_rules(&edge), vec![]);
}

#[test]
fn rules_round_trip_through_json_and_missing_fields_read_defaults() {
    let rules = DunningRules::default();
    let json = serde_json::to_string(&rules).unwrap();
    assert!(
        json.contains("\"reminder_1\"")
            && json.contains("\"registered_letter\"")
            && json.contains("\"NR\""),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<DunningRules>(&json).unwrap(), rules);
    assert_eq!(serde_json::from_str::<DunningRules>("{}").unwrap(), rules);
    let partial: DunningRules = serde_json::from_str(r#"{"stale_after_days": 3}"#).unwrap();
    assert_eq!(partial.stale_after_days, 3);
    assert_eq!(partial.litigation_threshold, d("1500"));
    assert!(serde_json::from_str::<DunningRules>(r#"{"plans": [{"class": "A", "stages": [{"stage": "reminder1", "days": 1, "channel": "email", "unit_cost": "2"}]}]}"#).is_err());
}

#[test]
fn keys_and_labels() {
    for s in Stage::ALL {
        assert_eq!(Stage::from_key(s.key()), Some(s));
        assert_ne!(s.label(Lang::Fr), s.label(Lang::En));
    }
    for c in Channel::ALL {
        assert_eq!(Channel::from_key(c.key()), Some(c));
    }
    assert_eq!(Stage::from_key("Reminder_1"), None);
    assert_eq!(Stage::FormalNotice.label(Lang::Fr), "Mise en demeure");
}

#[test]
fn hostile_days_and_dates_do_not_panic() {
    let mut rules = DunningRules::default();
    rules.plans[1].stages[0].days = i32::MIN;
    rules.plans[1].stages[4].days = i32::MAX;
    let l = ledger(
        NaiveDate::MAX,
        vec![
            invoice("F", NaiveDate::MAX, "1"),
            invoice("G", NaiveDate::MIN + chrono::Days::new(40), "1"),
        ],
    );
    // F (due on the last date): every stage from +5 on falls beyond the calendar, and
    // 2^31 days before it is before the first date: none. G (first date + 40): its pre-due
    // is before the calendar and its review (i32::MAX days) beyond it; R1, R2, notice remain.
    let due: Vec<(String, Stage)> = due_stages(&l, RiskClass::B, &rules)
        .into_iter()
        .map(|s| (s.reference, s.stage))
        .collect();
    let g = |s| ("G".to_string(), s);
    assert_eq!(due, vec![g(R1), g(R2), g(Fn_)]);
    let _ = client_plan(
        &l,
        RiskClass::B,
        &rules,
        NaiveDate::MIN,
        Some(rust_decimal::Decimal::MAX),
    );
    let no_plan = DunningRules {
        plans: vec![],
        ..DunningRules::default()
    };
    assert!(due_stages(&l, RiskClass::B, &no_plan).is_empty());
}
