//! The policy's versions, the rating each file keeps, and the preview of a draft on the demo
//! portfolio (analysis date 2026-11-22), against figures computed by hand.

mod common;

use common::{client_from_value, d, date, demo, demo_client, r2, r4, today};
use encours::domain::analysis::analyse;
use encours::domain::client::RatingRecord;
use encours::domain::exchange::{client_to_json, read_document};
use encours::domain::grid::{CriterionId as C, RiskClass};
use encours::domain::lang::Lang;
use encours::domain::policy::{ClassPolicy, Policy};
use encours::domain::policy_check::PolicyProblem;
use encours::domain::policy_history::{
    needs_rerate, policy_to_json, preview, rate_file, rating_record, rating_status,
    read_policy_json, rerate_outdated, same_rules, HistoryError, PolicyHistory, Preview,
    RatingChange, RatingStatus,
};

fn class_rules(p: &mut Policy, class: RiskClass) -> &mut ClassPolicy {
    match p.limits.iter_mut().find(|l| l.class == class) {
        Some(l) => l,
        None => panic!("no rules for class {class:?}"),
    }
}

fn set_weight(p: &mut Policy, id: C, weight: &str) {
    match p.criteria.iter_mut().find(|c| c.id == id) {
        Some(c) => c.weight = d(weight),
        None => panic!("no criterion {id:?}"),
    }
}

/// The defaults with class B from 70 instead of 65.
fn b_from_70() -> Policy {
    let mut p = Policy::default();
    p.classes.b = d("70");
    p
}

/// The defaults with class A's capacity at 2 % of tangible net worth instead of 20 %.
fn a_tnw_2_percent() -> Policy {
    let mut p = Policy::default();
    class_rules(&mut p, RiskClass::A).tnw_share = d("0.02");
    p
}

fn ok<T, E: std::fmt::Debug>(r: Result<T, E>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("unexpected error: {e:?}"),
    }
}

fn version_numbers(h: &PolicyHistory) -> Vec<u32> {
    h.versions().map(|p| p.version).collect()
}

fn run_preview(draft: &Policy) -> Preview {
    ok(preview(&demo(), &Policy::default(), draft, today()))
}

/// (id, old class, new class, old limit, new limit) of each change.
fn summary(p: &Preview) -> Vec<(String, RiskClass, RiskClass, String, String)> {
    p.changes
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                c.old_class,
                c.new_class,
                r2(Some(c.old_limit)),
                r2(Some(c.new_limit)),
            )
        })
        .collect()
}

fn row(
    id: &str,
    old: RiskClass,
    new: RiskClass,
    ol: &str,
    nl: &str,
) -> (String, RiskClass, RiskClass, String, String) {
    (id.to_string(), old, new, ol.to_string(), nl.to_string())
}

// ---------------------------------------------------------------------------------------------
// Versions

#[test]
fn a_new_history_holds_the_defaults_as_version_1() {
    let h = PolicyHistory::new();
    assert_eq!(h.current(), &Policy::default());
    assert_eq!(h.current().version, 1);
    assert_eq!(version_numbers(&h), vec![1]);
    assert_eq!((h.len(), h.is_empty()), (1, false));
    assert_eq!(h.get(1), Some(&Policy::default()));
    assert_eq!(h.get(2), None);
    assert_eq!(PolicyHistory::default(), h);
}

#[test]
fn saving_validates_dates_and_numbers_versions() {
    let mut h = PolicyHistory::new();
    let saved = ok(h.save(b_from_70(), date(2026, 11, 20), "  Seuil B relevé  ")).clone();
    // highest 1 + 1 = 2, dated, comment trimmed; the draft's own version and date are ignored
    assert_eq!(saved.version, 2);
    assert_eq!(saved.created_on, Some(date(2026, 11, 20)));
    assert_eq!(saved.comment, "Seuil B relevé");
    assert_eq!(saved.classes.b, d("70"));
    assert_eq!(h.current(), &saved);

    let mut draft = h.current().clone();
    draft.version = 41; // whatever the draft says, the number is highest + 1
    draft.created_on = Some(date(2001, 1, 1));
    class_rules(&mut draft, RiskClass::A).tnw_share = d("0.02");
    let third = ok(h.save(draft, today(), "")).clone();
    assert_eq!(third.version, 3);
    assert_eq!(third.created_on, Some(today()));
    assert_eq!(third.comment, "");
    assert_eq!(third.classes.b, d("70")); // kept from version 2

    assert_eq!(version_numbers(&h), vec![1, 2, 3]);
    assert_eq!(h.current().version, 3);
    // earlier versions stay readable, unchanged
    assert_eq!(h.get(1), Some(&Policy::default()));
    assert_eq!(h.get(2), Some(&saved));
    // newest first for the history list
    let newest_first: Vec<u32> = h.versions().rev().map(|p| p.version).collect();
    assert_eq!(newest_first, vec![3, 2, 1]);
}

#[test]
fn an_invalid_draft_is_refused_and_nothing_changes() {
    let mut h = PolicyHistory::new();
    ok(h.save(b_from_70(), today(), "v2"));
    let before = h.clone();

    // gearing 8 → 9: weights 100 − 8 + 9 = 101
    let mut draft = h.current().clone();
    set_weight(&mut draft, C::Gearing, "9");
    let err = match h.save(draft, today(), "bad") {
        Err(e) => e,
        Ok(p) => panic!("saved an invalid policy as version {}", p.version),
    };
    let HistoryError::Invalid(errors) = &err else {
        panic!("expected Invalid, got {err:?}");
    };
    let places: Vec<(String, &PolicyProblem)> =
        errors.iter().map(|e| (e.path(), &e.problem)).collect();
    assert_eq!(
        places,
        vec![("criteria".into(), &PolicyProblem::WeightsSum(d("101")))]
    );
    // the message names the place, in both languages
    assert!(
        err.message(Lang::Fr).starts_with("criteria : "),
        "{}",
        err.message(Lang::Fr)
    );
    assert!(err.to_string().contains("101"), "{err}");
    assert_eq!(h, before);

    // two problems at once: both reported, nothing saved
    let mut draft = h.current().clone();
    draft.classes.c = d("90"); // above B's 70
    draft.rounding_step = d("0");
    let Err(HistoryError::Invalid(errors)) = h.save(draft, today(), "") else {
        panic!("expected Invalid");
    };
    let paths: Vec<String> = errors.iter().map(|e| e.path()).collect();
    assert_eq!(paths, vec!["classes", "rounding_step"]);
    assert_eq!(h, before);
}

#[test]
fn a_draft_with_the_current_rules_is_not_a_new_version() {
    let mut h = PolicyHistory::new();
    let mut draft = h.current().clone();
    draft.comment = "only the comment".into();
    draft.version = 7;
    assert!(same_rules(&draft, h.current()));
    assert_eq!(
        h.save(draft, today(), "x").err(),
        Some(HistoryError::Unchanged)
    );
    assert_eq!(version_numbers(&h), vec![1]);

    // 0.2 and 0.20 are the same share: still no change
    let mut draft = h.current().clone();
    class_rules(&mut draft, RiskClass::A).tnw_share = d("0.2000");
    assert!(same_rules(&draft, h.current()));
    assert_eq!(
        h.save(draft, today(), "").err(),
        Some(HistoryError::Unchanged)
    );
    assert_eq!(version_numbers(&h), vec![1]);
}

#[test]
fn going_back_saves_a_copy_of_the_old_version() {
    let mut h = PolicyHistory::new();
    ok(h.save(b_from_70(), date(2026, 10, 1), "B 70"));
    ok(h.save(a_tnw_2_percent(), date(2026, 11, 1), "A 2 %"));
    let v2 = h.get(2).cloned();

    let back = ok(h.revert_to(2, today(), "Retour à la version 2")).clone();
    // version 4 = the rules of version 2, dated today, with its own comment
    assert_eq!(back.version, 4);
    assert_eq!(back.created_on, Some(today()));
    assert_eq!(back.comment, "Retour à la version 2");
    assert!(v2.as_ref().is_some_and(|v2| same_rules(v2, &back)));
    // history is append-only: 2 and 3 are still there as they were
    assert_eq!(version_numbers(&h), vec![1, 2, 3, 4]);
    assert_eq!(h.get(2).cloned(), v2);
    assert_eq!(h.get(3).map(|p| p.comment.as_str()), Some("A 2 %"));

    // back to version 1 = the defaults
    ok(h.revert_to(1, today(), ""));
    assert_eq!(h.current().version, 5);
    assert!(same_rules(h.current(), &Policy::default()));

    let before = h.clone();
    assert_eq!(
        h.revert_to(9, today(), "").err(),
        Some(HistoryError::NoSuchVersion(9))
    );
    assert_eq!(
        h.revert_to(0, today(), "").err(),
        Some(HistoryError::NoSuchVersion(0))
    );
    // going back to the version in force (or to one with the same rules) changes nothing
    assert_eq!(
        h.revert_to(5, today(), "").err(),
        Some(HistoryError::Unchanged)
    );
    assert_eq!(
        h.revert_to(1, today(), "").err(),
        Some(HistoryError::Unchanged)
    );
    assert_eq!(h, before);
    assert_eq!(
        HistoryError::NoSuchVersion(9).message(Lang::Fr),
        "il n'y a pas de version 9"
    );
}

#[test]
fn reset_saves_the_defaults_as_a_new_version() {
    let mut h = PolicyHistory::new();
    // already the defaults: nothing to save
    assert_eq!(
        h.reset_to_defaults(today(), "").err(),
        Some(HistoryError::Unchanged)
    );
    ok(h.save(b_from_70(), date(2026, 11, 1), "B 70"));
    let reset = ok(h.reset_to_defaults(today(), "Valeurs par défaut")).clone();
    assert_eq!(reset.version, 3);
    assert_eq!(reset.created_on, Some(today()));
    assert_eq!(reset.comment, "Valeurs par défaut");
    assert!(same_rules(&reset, &Policy::default()));
    assert_eq!(reset.classes.b, d("65"));
    assert_eq!(version_numbers(&h), vec![1, 2, 3]);
}

#[test]
fn the_history_round_trips_through_json() {
    let mut h = PolicyHistory::new();
    ok(h.save(b_from_70(), date(2026, 10, 1), "B 70"));
    ok(h.save(a_tnw_2_percent(), today(), "A 2 %"));
    let json = match serde_json::to_string(&h) {
        Ok(j) => j,
        Err(e) => panic!("not serialised: {e}"),
    };
    assert!(json.starts_with("{\"versions\":[{\"version\":1,"), "{json}");
    let back: PolicyHistory = ok(history_from_str(&json));
    assert_eq!(back, h);
    assert_eq!(version_numbers(&back), vec![1, 2, 3]);
    assert_eq!(back.current().comment, "A 2 %");

    // a single stored policy (before versions) becomes a history of one
    let old = PolicyHistory::from_policy(b_from_70());
    assert_eq!(old.current(), &b_from_70());
    assert_eq!(version_numbers(&old), vec![1]);
}

/// A history from its stored text, as storage reads it (a JSON value, then the history).
fn history_from_str(json: &str) -> Result<PolicyHistory, String> {
    serde_json::from_str::<serde_json::Value>(json)
        .map_err(|e| e.to_string())
        .and_then(|v| PolicyHistory::from_json(&v))
}

#[test]
fn a_broken_stored_history_is_refused() {
    let one = policy_to_json(&Policy::default());
    let two = policy_to_json(&b_from_70()); // also version 1
    let cases = [
        "{\"versions\":[]}".to_string(),
        "{}".to_string(),
        "[]".to_string(),
        format!("{{\"versions\":[{one},{two}]}}"), // 1 then 1
        format!(
            "{{\"versions\":[{}]}}",
            one.replace("\"vat_rate\"", "\"vat\"")
        ),
    ];
    for json in cases {
        let r = history_from_str(&json);
        assert!(r.is_err(), "accepted {json}");
    }
    let r = history_from_str(&format!(
        "{{\"versions\":[{}, {one}]}}",
        policy_to_json(&Policy {
            version: 3,
            ..Policy::default()
        })
    ));
    let msg = r.err().unwrap_or_default();
    assert!(msg.contains("out of order: 1 after 3"), "{msg}");
}

// ---------------------------------------------------------------------------------------------
// Export and import

#[test]
fn export_then_import_gives_the_same_policy() {
    let mut h = PolicyHistory::new();
    ok(h.save(b_from_70(), today(), "B 70"));
    let json = policy_to_json(h.current());
    let imported = ok(read_policy_json(&json));
    assert_eq!(&imported, h.current());

    // saved elsewhere: it becomes the next version here, dated and commented here
    let mut other = PolicyHistory::new();
    ok(other.save(a_tnw_2_percent(), date(2026, 11, 1), "A 2 %"));
    let saved = ok(other.save(imported, today(), "Importée")).clone();
    assert_eq!((saved.version, saved.comment.as_str()), (3, "Importée"));
    assert_eq!(saved.classes.b, d("70"));
    // the imported rules replace version 2's: A back at 20 %
    assert_eq!(saved.class_policy(RiskClass::A).tnw_share, d("0.200"));
}

#[test]
fn an_invalid_import_is_refused_naming_every_place() {
    let mut p = Policy::default();
    set_weight(&mut p, C::Gearing, "9"); // 101
    class_rules(&mut p, RiskClass::B).max_terms_days = 75; // beyond 60 days
    let Err(errors) = read_policy_json(&policy_to_json(&p)) else {
        panic!("accepted an invalid policy");
    };
    let found: Vec<(String, &PolicyProblem)> =
        errors.iter().map(|e| (e.path(), &e.problem)).collect();
    assert_eq!(
        found,
        vec![
            ("criteria".into(), &PolicyProblem::WeightsSum(d("101"))),
            (
                "limits.B.max_terms_days".into(),
                &PolicyProblem::TermsBeyondLegal
            ),
        ]
    );
    let msg = HistoryError::Invalid(errors).message(Lang::En);
    assert!(
        msg.contains("limits.B.max_terms_days : beyond the legal maximum of 60 days"),
        "{msg}"
    );

    for not_a_policy in ["", "not json", "{\"version\":2}", "[1,2]"] {
        let Err(errors) = read_policy_json(not_a_policy) else {
            panic!("accepted {not_a_policy:?}");
        };
        assert!(
            matches!(errors.as_slice(), [e] if e.path().is_empty() && matches!(e.problem, PolicyProblem::NotAPolicy(_))),
            "{not_a_policy:?}: {errors:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The rating each file keeps

#[test]
fn rating_records_the_version_date_class_score_and_limit() {
    let mut leroy = demo_client("demo-menuiserie-leroy");
    let policy = Policy::default();
    assert_eq!(leroy.rating, None);
    assert!(needs_rerate(&leroy, &policy));
    assert_eq!(rating_status(&leroy, &policy), RatingStatus::Unrated);

    let a = rate_file(&mut leroy, &policy, today());
    // 6 930 / 100 = 69.30 → B; limit min(35 506.85, 44 175 + 15 000) → 35 500 (engine_demo)
    let expected = RatingRecord {
        policy_version: 1,
        rated_on: today(),
        class: RiskClass::B,
        score: Some(d("69.30")),
        limit: d("35500"),
    };
    assert_eq!(leroy.rating.as_ref(), Some(&expected));
    assert_eq!(rating_record(&a), expected);
    assert!(!needs_rerate(&leroy, &policy));
    assert_eq!(rating_status(&leroy, &policy), RatingStatus::Current);
}

#[test]
fn a_recorded_rating_survives_the_exchange_format() {
    // Atelier Numérique scores 40.677083…: kept to 4 places, written and read back as it is
    // (the reader refuses more than 6 decimals, so a stored file would otherwise be set aside).
    for mut file in demo() {
        rate_file(&mut file, &Policy::default(), today());
        let back = client_from_value(&client_to_json(&file), "client");
        assert_eq!(back.as_ref().ok(), Some(&file), "{}", file.id);
    }
    let mut atelier = demo_client("demo-atelier-numerique");
    rate_file(&mut atelier, &Policy::default(), today());
    assert_eq!(atelier.rating.and_then(|r| r.score), Some(d("40.6771")));
}

#[test]
fn a_new_version_makes_older_ratings_due_for_rerating() {
    let mut h = PolicyHistory::new();
    let mut leroy = demo_client("demo-menuiserie-leroy");
    rate_file(&mut leroy, h.current(), today());
    ok(h.save(b_from_70(), today(), "B 70"));

    assert!(needs_rerate(&leroy, h.current()));
    assert_eq!(
        rating_status(&leroy, h.current()),
        RatingStatus::Older { version: 1 }
    );
    // the version it was rated with is still readable, so the UI can show it
    let rated_with = leroy.rating.as_ref().and_then(|r| h.get(r.policy_version));
    assert_eq!(rated_with, Some(&Policy::default()));

    // one-tap re-rate: 69.30 < 70 → C; limit still 35 500 (see the preview test)
    rate_file(&mut leroy, h.current(), today());
    let r = leroy.rating.clone();
    assert_eq!(
        r.as_ref()
            .map(|r| (r.policy_version, r.class, r2(Some(r.limit)))),
        Some((2, RiskClass::C, "35500.00".to_string()))
    );
    assert_eq!(r4(r.and_then(|r| r.score)), "69.3000");
    assert!(!needs_rerate(&leroy, h.current()));

    // rated under a version this history has not reached (a file from another app)
    if let Some(r) = leroy.rating.as_mut() {
        r.policy_version = 5;
    }
    assert_eq!(
        rating_status(&leroy, h.current()),
        RatingStatus::Other { version: 5 }
    );
    assert!(needs_rerate(&leroy, h.current()));
}

#[test]
fn rerating_the_outdated_files_of_the_portfolio() {
    let mut files = demo();
    let mut h = PolicyHistory::new();
    // none of the six demo files is rated yet
    assert_eq!(rerate_outdated(&mut files, h.current(), today()), 6);
    assert_eq!(rerate_outdated(&mut files, h.current(), today()), 0);
    assert!(files.iter().all(|f| !needs_rerate(f, h.current())));

    ok(h.save(b_from_70(), today(), ""));
    assert!(files.iter().all(|f| needs_rerate(f, h.current())));
    // re-rating one by hand leaves five
    rate_file(&mut files[1], h.current(), today());
    assert_eq!(rerate_outdated(&mut files, h.current(), today()), 5);
    assert!(files
        .iter()
        .all(|f| f.rating.as_ref().map(|r| r.policy_version) == Some(2)));
}

// ---------------------------------------------------------------------------------------------
// Preview of a draft on the demo portfolio
//
// Default ratings (engine_demo.rs): Boulangerie Martin A 98.75, limit 3 500; Menuiserie Leroy
// B 69.30, 35 500; TransLog Express D 43.75, 54 500; Atelier Numérique D 40.68, 0; Négoce
// Durand A 98.40, 236 500; BTP Rénov 33 E (receivership) 15.05, 0.

#[test]
fn preview_of_the_current_policy_changes_nothing() {
    let p = run_preview(&Policy::default());
    assert_eq!(
        p,
        Preview {
            changes: vec![],
            class_changes: 0,
            limit_changes: 0,
            files: 6
        }
    );
}

#[test]
fn preview_raising_b_to_70_moves_leroy_to_c_with_the_same_limit() {
    let p = run_preview(&b_from_70());
    // Only Leroy's 69.30 lies in [65, 70): B → C. A (98.75, 98.40), D (43.75, 40.68) and E
    // (knock-out) are untouched.
    // Under C: capacity = min(10 % × TNW 294 500, 2.5 % × revenue 2 530 000)
    //   = min(29 450, 63 250) = 29 450; + insurance 15 000 = 44 450 ≥ need 35 506.85
    //   → limit still 35 506.85 rounded down to 500 = 35 500: a class change, not a limit change.
    assert_eq!(
        p.changes,
        vec![RatingChange {
            id: "demo-menuiserie-leroy".into(),
            name: "Menuiserie Leroy".into(),
            old_class: RiskClass::B,
            new_class: RiskClass::C,
            old_limit: d("35500"),
            new_limit: d("35500"),
            old_score: Some(d("69.3")),
            new_score: Some(d("69.3")),
        }]
    );
    assert_eq!((p.class_changes, p.limit_changes, p.files), (1, 0, 6));
    assert!(p.changes[0].class_changed() && !p.changes[0].limit_changed());

    // the capacity computed by hand above
    let a = analyse(&demo_client("demo-menuiserie-leroy"), &b_from_70(), today());
    assert_eq!(r2(Some(a.limit.capacity)), "29450.00");
}

#[test]
fn preview_lowering_a_tnw_share_makes_boulangerie_capacity_bind() {
    let p = run_preview(&a_tnw_2_percent());
    // Boulangerie Martin (A): capacity = min(2 % × TNW 128 200, 5 % × revenue 894 000)
    //   = min(2 564, 44 700) = 2 564; nothing secured → ceiling 2 564 < need 3 787.40
    //   → limit 2 564 rounded down to 500 = 2 500 (was 3 500); class stays A.
    // Négoce Durand (A): TNW = equity (2 000 000 + 7 464 000 + 916 000 + 170 000 = 10 550 000)
    //   − intangibles 410 000 = 10 140 000; capacity = min(2 % × 10 140 000, 5 % × 43 800 000)
    //   = min(202 800, 2 190 000) = 202 800; + secured 150 000 + 50 000 = 402 800
    //   ≥ need 236 712.33 → limit still 236 500: no change.
    assert_eq!(
        summary(&p),
        vec![row(
            "demo-boulangerie-martin",
            RiskClass::A,
            RiskClass::A,
            "3500.00",
            "2500.00"
        )]
    );
    assert_eq!(r4(p.changes[0].new_score), "98.7500"); // limit rules leave the score alone
    assert_eq!((p.class_changes, p.limit_changes, p.files), (0, 1, 6));

    let boulangerie = analyse(
        &demo_client("demo-boulangerie-martin"),
        &a_tnw_2_percent(),
        today(),
    );
    assert_eq!(r2(Some(boulangerie.limit.capacity)), "2564.00");
    let durand = analyse(
        &demo_client("demo-negoce-durand"),
        &a_tnw_2_percent(),
        today(),
    );
    assert_eq!(r2(Some(durand.limit.capacity)), "202800.00");
    assert_eq!(r2(Some(durand.limit.recommended)), "236500.00");
}

#[test]
fn preview_of_both_changes_counts_each() {
    let mut draft = b_from_70();
    class_rules(&mut draft, RiskClass::A).tnw_share = d("0.02");
    let p = run_preview(&draft);
    // the two changes above, in the portfolio's order
    assert_eq!(
        summary(&p),
        vec![
            row(
                "demo-boulangerie-martin",
                RiskClass::A,
                RiskClass::A,
                "3500.00",
                "2500.00"
            ),
            row(
                "demo-menuiserie-leroy",
                RiskClass::B,
                RiskClass::C,
                "35500.00",
                "35500.00"
            ),
        ]
    );
    assert_eq!((p.class_changes, p.limit_changes, p.files), (1, 1, 6));
}

#[test]
fn preview_of_a_file_changing_both_class_and_limit() {
    // B from 75, C from 70: Leroy's 69.30 falls to D (≥ 35); TransLog 43.75 and Atelier 40.68
    // stay D; the A files (≥ 80) and BTP (E by knock-out) are untouched.
    let mut draft = Policy::default();
    draft.classes.b = d("75");
    draft.classes.c = d("70");
    let p = run_preview(&draft);
    // Leroy under D: capacity = min(5 % × 294 500, 1 % × 2 530 000) = min(14 725, 25 300)
    //   = 14 725; + 15 000 = 29 725 < need 35 506.85 → 29 725 rounded down to 500 = 29 500.
    assert_eq!(
        summary(&p),
        vec![row(
            "demo-menuiserie-leroy",
            RiskClass::B,
            RiskClass::D,
            "35500.00",
            "29500.00"
        )]
    );
    // one file, counted in both
    assert_eq!(
        (p.changes.len(), p.class_changes, p.limit_changes),
        (1, 1, 1)
    );
}

#[test]
fn preview_lists_no_file_whose_score_alone_moves() {
    // Payment history weight 10 → 0 and information quality 5 → 15 (weights still 100): each
    // score gains 10 × (quality points − payment history points) over the same weight present.
    // Boulangerie: PH 2 days → 100, IQ 4 → 75: (9 875 − 1 000 + 750) / 100 = 96.25, still A
    // Leroy: new client → 50, IQ 3 → 50: 6 930 / 100 = 69.30, unchanged
    // TransLog: 18 days → 40, IQ 3 → 50: (4 200 − 400 + 500) / 96 = 44.7916…, still D
    // Atelier: new client → 50, IQ 2 → 25: (3 905 − 500 + 250) / 96 = 38.0729…, still D (≥ 35)
    // Durand: 0 days → 100, IQ 5 → 100: 98.40, unchanged
    // BTP: 41 days → 0, IQ 2 → 25: (1 445 + 250) / 96 = 17.65625 (17.6562 half-even), E anyway
    // No class moves, and with the same class the limit rules are the same: nothing is listed.
    let mut draft = Policy::default();
    set_weight(&mut draft, C::PaymentHistory, "0");
    set_weight(&mut draft, C::InformationQuality, "15");
    let scores: Vec<String> = demo()
        .iter()
        .map(|f| r4(analyse(f, &draft, today()).grid.score))
        .collect();
    assert_eq!(
        scores,
        ["96.2500", "69.3000", "44.7917", "38.0729", "98.4000", "17.6562"]
    );
    let p = run_preview(&draft);
    assert_eq!(
        (p.changes.len(), p.class_changes, p.limit_changes, p.files),
        (0, 0, 0, 6)
    );
}

#[test]
fn preview_refuses_an_invalid_draft() {
    let mut draft = Policy::default();
    set_weight(&mut draft, C::Gearing, "1000000000000000000000000");
    draft.rounding_step = d("-500");
    let Err(errors) = preview(&demo(), &Policy::default(), &draft, today()) else {
        panic!("previewed an invalid draft");
    };
    let paths: Vec<String> = errors.iter().map(|e| e.path()).collect();
    assert_eq!(
        paths,
        vec!["criteria.gearing.weight", "criteria", "rounding_step"]
    );
}

#[test]
fn preview_of_an_empty_portfolio() {
    let p = ok(preview(&[], &Policy::default(), &b_from_70(), today()));
    assert_eq!(p, Preview::default());
}

#[test]
fn rated_files_survive_an_export_and_an_import() {
    // Scores are divided by a sum of weights (Atelier: 3 905 / 96 = 40.677083…): the stored
    // rating keeps 4 places, so a full export of rated files is readable again.
    let mut files = demo();
    for f in &mut files {
        rate_file(f, &Policy::default(), today());
    }
    let doc = encours::domain::exchange::Document {
        exported_at: None,
        policy: Some(Policy::default()),
        clients: files.clone(),
    };
    let back = read_document(&encours::domain::exchange::write_document(&doc));
    assert_eq!(back.map(|d| d.clients), Ok(files.clone()));
    let atelier = files.iter().find(|f| f.id == "demo-atelier-numerique");
    assert_eq!(
        atelier
            .and_then(|f| f.rating.as_ref())
            .and_then(|r| r.score),
        Some(d("40.6771"))
    );
}

#[test]
fn a_stored_policy_date_is_read_strictly() {
    let p = Policy {
        created_on: Some(date(2024, 2, 29)),
        ..Policy::default()
    };
    let mut json = serde_json::to_value(&p).unwrap_or_default();
    // Written as the exchange format writes dates, and read back as it was.
    assert_eq!(json["created_on"], "2024-02-29");
    let back = Policy::from_json(&json);
    assert_eq!(
        back.ok().and_then(|b| b.created_on),
        Some(date(2024, 2, 29))
    );
    // No date at all is still a policy without one.
    if let Some(o) = json.as_object_mut() {
        o.remove("created_on");
    }
    let none = Policy::from_json(&json);
    assert_eq!(none.ok().map(|n| n.created_on), Some(None));
    // A day that does not exist, another layout or another type is refused, not read as no date.
    for bad in [
        serde_json::json!("2025-02-30"),
        serde_json::json!("2025-2-3"),
        serde_json::json!("03/02/2025"),
        serde_json::json!(20250203),
    ] {
        json["created_on"] = bad.clone();
        let r = Policy::from_json(&json);
        assert!(r.is_err(), "{bad}");
    }
}
