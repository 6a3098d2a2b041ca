//! The credit policy as data: validation of each rule, JSON round trip, and rating under a
//! modified policy.

mod common;

use common::{d, demo_client, r4, today};
use encours::domain::analysis::analyse;
use encours::domain::grid::{CriterionId as C, RiskClass};
use encours::domain::policy::{Band, Policy, Scale};
use encours::domain::policy_check::{policy_to_json, validate, PolicyProblem};
use encours::domain::policy_history::read_policy_json;
use encours::domain::ratios::RatioId;

fn problems(p: &Policy) -> Vec<(String, PolicyProblem)> {
    validate(p)
        .into_iter()
        .map(|e| (e.path(), e.problem))
        .collect()
}

fn criterion(p: &mut Policy, id: C) -> &mut encours::domain::policy::CriterionPolicy {
    match p.criteria.iter_mut().find(|c| c.id == id) {
        Some(c) => c,
        None => panic!("no criterion {id:?}"),
    }
}

fn bands(p: &mut Policy, id: C) -> &mut Vec<Band> {
    match &mut criterion(p, id).scale {
        Scale::Bands { bands, .. } => bands,
        Scale::Sector { .. } => panic!("{id:?} has no bands"),
    }
}

#[test]
fn the_default_policy_is_valid() {
    assert_eq!(problems(&Policy::default()), vec![]);
}

#[test]
fn weights_must_sum_to_100() {
    let mut p = Policy::default();
    criterion(&mut p, C::Gearing).weight = d("9");
    assert_eq!(
        problems(&p),
        vec![("criteria".to_string(), PolicyProblem::WeightsSum(d("101")))]
    );
    // switching a criterion off removes its weight from the sum: 100 − 8 = 92
    let mut p = Policy::default();
    criterion(&mut p, C::Gearing).active = false;
    assert_eq!(
        problems(&p),
        vec![("criteria".to_string(), PolicyProblem::WeightsSum(d("92")))]
    );
    // …and moving those 8 points elsewhere makes it valid again
    criterion(&mut p, C::EquityRatio).weight = d("20");
    assert_eq!(problems(&p), vec![]);
}

#[test]
fn bands_must_be_ordered_with_an_open_last_band() {
    let mut p = Policy::default();
    // equity ratio (higher is better): 30 %, 20 %, 10 %, 0 — swap two bounds
    bands(&mut p, C::EquityRatio)[1].bound = Some(d("0.35"));
    assert_eq!(
        problems(&p),
        vec![(
            "criteria.equity_ratio.bands[1].bound".to_string(),
            PolicyProblem::BandsOrder
        )]
    );
    // equal bounds overlap
    let mut p = Policy::default();
    bands(&mut p, C::DpoDays)[1].bound = Some(d("60"));
    assert_eq!(
        problems(&p),
        vec![(
            "criteria.dpo_days.bands[1].bound".to_string(),
            PolicyProblem::BandsOrder
        )]
    );
    // a closed last band leaves a gap
    let mut p = Policy::default();
    if let Some(last) = bands(&mut p, C::CurrentRatio).last_mut() {
        last.bound = Some(d("0.5"));
    }
    assert_eq!(
        problems(&p),
        vec![(
            "criteria.current_ratio.bands[3].bound".to_string(),
            PolicyProblem::LastBandOpen
        )]
    );
    // an open band before the last
    let mut p = Policy::default();
    bands(&mut p, C::Gearing)[0].bound = None;
    assert!(problems(&p).contains(&(
        "criteria.gearing.bands[0].bound".to_string(),
        PolicyProblem::LastBandOpen
    )));
    // no band at all
    let mut p = Policy::default();
    bands(&mut p, C::Gearing).clear();
    assert!(problems(&p).contains(&("criteria.gearing.bands".to_string(), PolicyProblem::NoBand)));
}

#[test]
fn points_and_percentages_within_range() {
    let mut p = Policy::default();
    bands(&mut p, C::Gearing)[0].points = d("101");
    criterion(&mut p, C::PaymentHistory).special_points = Some(d("-1"));
    p.vat_rate = d("1.2");
    p.limits[0].tnw_share = d("-0.1");
    let found = problems(&p);
    assert!(found.contains(&(
        "criteria.gearing.bands[0].points".into(),
        PolicyProblem::PointsRange
    )));
    assert!(found.contains(&(
        "criteria.payment_history.special_points".into(),
        PolicyProblem::PointsRange
    )));
    assert!(found.contains(&("vat_rate".into(), PolicyProblem::ShareRange)));
    assert!(found.contains(&("limits.A.tnw_share".into(), PolicyProblem::ShareRange)));
    assert_eq!(found.len(), 4);
}

#[test]
fn class_thresholds_must_decrease() {
    let mut p = Policy::default();
    p.classes.b = d("80"); // = A
    assert_eq!(
        problems(&p),
        vec![("classes".into(), PolicyProblem::ClassThresholds)]
    );
    let mut p = Policy::default();
    p.classes.a = d("120");
    assert_eq!(
        problems(&p),
        vec![("classes".into(), PolicyProblem::ClassThresholds)]
    );
}

#[test]
fn terms_months_step_ratios_zones_and_classes() {
    let mut p = Policy::default();
    p.limits[0].max_terms_days = 61;
    p.limits[1].review_months = 0;
    p.rounding_step = d("0");
    p.zones.altman_z2_grey = d("3");
    if let Some(b) = p
        .ratio_bands
        .iter_mut()
        .find(|b| b.ratio == RatioId::Gearing)
    {
        b.good = d("2"); // lower is better: good 2 > watch 1
    }
    p.limits.retain(|l| l.class != RiskClass::C);
    let found = problems(&p);
    for expected in [
        ("limits.A.max_terms_days", PolicyProblem::TermsBeyondLegal),
        ("limits.B.review_months", PolicyProblem::MonthsRange),
        ("rounding_step", PolicyProblem::RoundingStep),
        ("zones.altman_z2", PolicyProblem::ZonesOrder),
        ("ratio_bands.gearing", PolicyProblem::RatioBandsOrder),
        ("limits.C", PolicyProblem::MissingClass(RiskClass::C)),
    ] {
        assert!(
            found.contains(&(expected.0.into(), expected.1.clone())),
            "{expected:?} in {found:?}"
        );
    }
    assert_eq!(found.len(), 6);
}

#[test]
fn a_policy_round_trips_through_json_and_bad_ones_are_refused() {
    let mut p = Policy {
        version: 7,
        comment: "Politique 2027 – « prudente »".into(),
        ..Policy::default()
    };
    criterion(&mut p, C::SectorRisk).scale = Scale::Sector {
        low: d("90"),
        medium: d("55.5"),
        high: d("10"),
    };
    let json = policy_to_json(&p);
    assert_eq!(read_policy_json(&json), Ok(p.clone()));
    // a policy that parses but breaks a rule is refused with the place
    let mut bad = p.clone();
    criterion(&mut bad, C::Gearing).weight = d("50");
    let err = read_policy_json(&policy_to_json(&bad)).err();
    let paths = err.map(|es| es.iter().map(|e| e.path()).collect::<Vec<_>>());
    assert_eq!(paths, Some(vec!["criteria".to_string()]));
    // not a policy at all
    let err = read_policy_json("{\"version\": \"x\"}").err();
    assert!(matches!(
        err.as_deref(),
        Some([e]) if matches!(e.problem, PolicyProblem::NotAPolicy(_))
    ));
}

#[test]
fn rating_under_a_modified_policy_changes_exactly_what_it_should() {
    let file = demo_client("demo-menuiserie-leroy");
    let base = analyse(&file, &Policy::default(), today());
    assert_eq!(r4(base.grid.score), "69.3000");
    // equity ratio weight 12 → 16, information quality 5 → 1 (sum still 100):
    // equity ratio earns 70 and information quality 50, so the score moves by
    // (4 × 70 − 4 × 50) / 100 = +0.80 → 70.10
    let mut p = Policy::default();
    criterion(&mut p, C::EquityRatio).weight = d("16");
    criterion(&mut p, C::InformationQuality).weight = d("1");
    assert_eq!(problems(&p), vec![]);
    let a = analyse(&file, &p, today());
    assert_eq!(r4(a.grid.score), "70.1000");
    assert_eq!(a.grid.class, RiskClass::B);
    // raising class B's threshold to 70.5 drops Leroy to C; C allows 10 % of TNW:
    // capacity = min(10 % × 294 500, 2.5 % × 2 530 000) = 29 450; + 15 000 insured = 44 450
    // ≥ need 35 506.85 → limit still 35 500, terms now 30 days
    p.classes.b = d("70.5");
    let a = analyse(&file, &p, today());
    assert_eq!(a.grid.class, RiskClass::C);
    assert_eq!(r4(Some(a.limit.capacity)), "29450.0000");
    assert_eq!(a.limit.terms.max_days, 30);
    assert_eq!(a.limit.recommended, d("35500"));
    assert_eq!(a.policy_version, 1);
}

#[test]
fn receivables_settings_are_checked_at_their_place() {
    let mut p = Policy::default();
    // A policy stored before the receivables settings reads their defaults.
    let mut v = serde_json::to_value(&p).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("receivables");
    }
    let old = Policy::from_json(&v).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(old.receivables, p.receivables);
    assert_eq!(old.receivables.receivable_prefixes, vec!["411".to_string()]);

    // 413 (customers' deposits), 416 (doubtful), classes 5 and 7 are not customer accounts.
    for bad in ["413", "4161", "512", "706", "", "41a"] {
        p.receivables.receivable_prefixes = vec!["411".into(), bad.into()];
        assert_eq!(
            problems(&p),
            vec![(
                "receivables.receivable_prefixes".to_string(),
                PolicyProblem::ReceivablePrefix
            )],
            "{bad:?}"
        );
    }
    p.receivables.receivable_prefixes = vec![];
    assert_eq!(problems(&p).len(), 1);
    p.receivables.receivable_prefixes = vec!["411".into(), "4181".into()];
    assert!(problems(&p).is_empty());

    // Bounds strictly increasing from one day; at least one invoice measured.
    p.receivables.aged_bounds = [30, 30, 90];
    assert_eq!(
        problems(&p),
        vec![(
            "receivables.aged_bounds[1]".to_string(),
            PolicyProblem::AgedBounds
        )]
    );
    p.receivables.aged_bounds = [0, 60, 90];
    assert_eq!(
        problems(&p),
        vec![(
            "receivables.aged_bounds[0]".to_string(),
            PolicyProblem::AgedBounds
        )]
    );
    p.receivables.aged_bounds = [15, 45, 75];
    p.receivables.min_measured_invoices = 0;
    assert_eq!(
        problems(&p),
        vec![(
            "receivables.min_measured_invoices".to_string(),
            PolicyProblem::MinInvoices
        )]
    );
}
