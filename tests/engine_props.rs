//! Property tests: no input makes the engine panic, and its invariants hold.

mod common;

use chrono::NaiveDate;
use encours::domain::analysis::{analyse, verdict, Analysis};
use encours::domain::client::{
    ClientFile, CollectiveProceeding, PaymentHistory, Qualitative, SectorRisk, TermsBasis, Trade,
};
use encours::domain::policy::{ClassThresholds, Policy, Scale};
use encours::domain::policy_check::validate;
use encours::domain::statement::{BalanceLine, IncomeLine, ReportedLine, Statement};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Amounts as the parsers accept them: |x| ≤ 10^15, up to 6 decimals; some absent.
fn amount() -> impl Strategy<Value = Option<Decimal>> {
    prop_oneof![
        2 => Just(None),
        1 => Just(Some(Decimal::ZERO)),
        4 => (-1_000_000_000i64..1_000_000_000i64).prop_map(|v| Some(Decimal::new(v, 0))),
        2 => (-1_000_000_000_000_000_000i64..=1_000_000_000_000_000_000i64, 0u32..=6)
            .prop_map(|(v, s)| Some(Decimal::new(v, s + 3).round_dp(6))),
        1 => prop_oneof![
            Just(Some(Decimal::new(1_000_000_000_000_000, 0))),
            Just(Some(Decimal::new(-1_000_000_000_000_000, 0))),
            Just(Some(Decimal::new(1, 6))),
            Just(Some(Decimal::new(-1, 6))),
        ],
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2035, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

fn statement() -> impl Strategy<Value = Statement> {
    (
        date(),
        0u8..=30, // out-of-range durations too: the engine clamps
        prop::collection::vec(amount(), BalanceLine::ALL.len()),
        prop::collection::vec(amount(), IncomeLine::ALL.len()),
        prop::collection::vec(amount(), ReportedLine::ALL.len()),
    )
        .prop_map(|(closing, months, bs, is, rep)| {
            let mut s = Statement::new(closing);
            s.duration_months = months;
            for (l, v) in BalanceLine::ALL.iter().zip(bs) {
                s.balance_sheet.set(*l, v);
            }
            for (l, v) in IncomeLine::ALL.iter().zip(is) {
                s.income_statement.set(*l, v);
            }
            for (l, v) in ReportedLine::ALL.iter().zip(rep) {
                s.reported.set(*l, v);
            }
            s
        })
}

fn small_u32() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![Just(None), (0u32..400).prop_map(Some), Just(Some(u32::MAX))]
}

fn client() -> impl Strategy<Value = ClientFile> {
    (
        prop::collection::vec(statement(), 0..=5),
        prop::option::of(date()),
        prop::option::of(prop::sample::select(SectorRisk::ALL.to_vec())),
        (
            any::<bool>(),
            small_u32(),
            small_u32(),
            prop::sample::select(CollectiveProceeding::ALL.to_vec()),
            prop::option::of(0u8..=7),
        ),
        (
            amount(),
            small_u32(),
            any::<bool>(),
            small_u32(),
            amount(),
            amount(),
            amount(),
        ),
    )
        .prop_map(|(statements, created_on, sector_risk, q, t)| ClientFile {
            id: "p".into(),
            name: "P".into(),
            created_on,
            sector_risk,
            qualitative: Qualitative {
                payment_history: PaymentHistory {
                    new_client: q.0,
                    avg_days_late: q.1,
                },
                payment_incidents_12m: q.2,
                collective_proceeding: q.3,
                information_quality: q.4,
            },
            trade: Trade {
                expected_annual_sales: t.0,
                terms_days: t.1,
                terms_basis: if t.2 {
                    TermsBasis::EndOfMonth
                } else {
                    TermsBasis::Net
                },
                expected_delay_days: t.3,
                insurance_cover: t.4,
                guarantees: t.5,
                requested_limit: t.6,
            },
            statements,
            ..ClientFile::default()
        })
}

/// What holds of every analysis under any valid policy: 0 ≤ limit ≤ capacity + secured, ≤ need
/// when there is one, a multiple of the rounding step; 0 ≤ unsecured ≤ limit; score within 0–100,
/// completeness within 0–1; the contributions add up to the score.
fn limit_and_score_invariants(a: &Analysis, policy: &Policy) -> Result<(), TestCaseError> {
    let l = &a.limit;
    prop_assert!(l.recommended >= Decimal::ZERO);
    prop_assert!(l.recommended <= l.capacity + l.secured);
    if let Some(need) = l.need {
        prop_assert!(l.recommended <= need);
    }
    prop_assert!((l.recommended % policy.rounding_step).is_zero());
    prop_assert!(l.unsecured >= Decimal::ZERO && l.unsecured <= l.recommended);
    if let Some(s) = a.grid.score {
        prop_assert!(s >= Decimal::ZERO && s <= Decimal::from(100));
    }
    prop_assert!(a.grid.completeness >= Decimal::ZERO && a.grid.completeness <= Decimal::ONE);
    let total: Decimal = a.grid.criteria.iter().filter_map(|c| c.contribution).sum();
    if let Some(s) = a.grid.score {
        prop_assert!((total - s).abs() < Decimal::new(1, 20));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_engine_never_panics_and_keeps_its_invariants(f in client(), today in date()) {
        let policy = Policy::default();
        let a = analyse(&f, &policy, today);
        limit_and_score_invariants(&a, &policy)?;
        prop_assert!(a.limit.capacity >= Decimal::ZERO);
        // one analysed year per statement, latest last
        prop_assert_eq!(a.years.len(), f.statements.len());
        prop_assert!(a.years.windows(2).all(|w| w[0].closing_date <= w[1].closing_date));
        // knock-outs
        if f.qualitative.collective_proceeding != CollectiveProceeding::None {
            prop_assert_eq!(a.grid.class, encours::domain::grid::RiskClass::E);
        } else if f.statements.is_empty() {
            prop_assert_eq!(a.grid.class, encours::domain::grid::RiskClass::NotRated);
        }
    }
}

/// A valid credit policy other than the default, as the policy editor allows: weights that add
/// up to 100 with some criteria off, any band points, ordered class thresholds, any shares,
/// terms and review periods, any rounding step of at least 0.01, knock-outs on or off.
fn policy() -> impl Strategy<Value = Policy> {
    let n = Policy::default().criteria.len();
    (
        prop::collection::vec((any::<bool>(), 0u32..=30, 0i64..=100), n),
        prop::collection::btree_set(0i64..=100, 4),
        prop::collection::vec(
            (0i64..=100, 0i64..=100, 0i64..=100, 0u32..=60, 1u32..=120),
            6,
        ),
        prop::sample::select(vec![
            Decimal::new(1, 2),
            Decimal::ONE,
            Decimal::from(100),
            Decimal::from(500),
            Decimal::from(5000),
            Decimal::from(1_000_000),
        ]),
        (0i64..=100, any::<bool>(), any::<bool>(), any::<bool>()),
    )
        .prop_map(|(crit, thresholds, limits, step, misc)| {
            let mut p = Policy {
                version: 2,
                ..Policy::default()
            };
            // Weights: the drawn ones scaled to add up to 100 over the active criteria, the
            // remainder on the first active one (one at least is kept active).
            let active: Vec<bool> = crit
                .iter()
                .enumerate()
                .map(|(i, c)| c.0 || i == 0)
                .collect();
            let raw: Vec<u32> = crit
                .iter()
                .zip(&active)
                .map(|(c, &a)| if a { c.1.max(1) } else { 0 })
                .collect();
            let sum: u32 = raw.iter().sum();
            let mut weights: Vec<u32> = raw.iter().map(|w| w * 100 / sum).collect();
            weights[0] += 100 - weights.iter().sum::<u32>();
            for (i, c) in p.criteria.iter_mut().enumerate() {
                c.active = active[i];
                c.weight = Decimal::from(weights[i]);
                let pts = Decimal::from(crit[i].2);
                match &mut c.scale {
                    Scale::Bands { bands, .. } => {
                        // Any points, in any order: only the bounds must stay ordered.
                        for (j, b) in bands.iter_mut().enumerate() {
                            b.points = Decimal::from((crit[i].2 + 37 * j as i64) % 101);
                        }
                    }
                    Scale::Sector { low, medium, high } => {
                        *low = pts;
                        *medium = Decimal::from((crit[i].2 + 50) % 101);
                        *high = Decimal::from(100 - crit[i].2);
                    }
                }
                if c.special_points.is_some() {
                    c.special_points = Some(pts);
                }
            }
            let t: Vec<Decimal> = thresholds.into_iter().rev().map(Decimal::from).collect();
            p.classes = ClassThresholds {
                a: t[0],
                b: t[1],
                c: t[2],
                d: t[3],
            };
            for (l, (tnw, rev, dep, terms, review)) in p.limits.iter_mut().zip(limits) {
                l.tnw_share = Decimal::new(tnw, 2);
                l.revenue_share = Decimal::new(rev, 2);
                l.deposit_share = Decimal::new(dep, 2);
                l.max_terms_days = terms;
                l.review_months = review;
            }
            p.rounding_step = step;
            p.provisional_threshold = Decimal::new(misc.0, 2);
            p.knock_outs.collective_proceeding = misc.1;
            p.knock_outs.no_statement = misc.2;
            if misc.3 {
                p.knock_outs.negative_equity_cap = None;
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_valid_policy_keeps_the_invariants(f in client(), p in policy(), today in date()) {
        prop_assert_eq!(validate(&p), Vec::new());
        let a = analyse(&f, &p, today);
        limit_and_score_invariants(&a, &p)?;
        same_verdict(&a, &verdict(&f, &p, today))?;
    }

    /// The portfolio's shortcut gives the very verdict of the full analysis.
    #[test]
    fn the_verdict_alone_is_the_full_analysis_verdict(f in client(), today in date()) {
        let policy = Policy::default();
        same_verdict(&analyse(&f, &policy, today), &verdict(&f, &policy, today))?;
    }
}

/// `short` (the latest year only) agrees with `full` on everything but the earlier years and
/// the latest ratios' change from the year before.
fn same_verdict(full: &Analysis, short: &Analysis) -> Result<(), TestCaseError> {
    prop_assert_eq!(&short.grid, &full.grid);
    prop_assert_eq!(&short.limit, &full.limit);
    prop_assert_eq!(&short.legal, &full.legal);
    prop_assert_eq!(short.stale, full.stale);
    prop_assert_eq!(short.years.len(), full.years.len().min(1));
    if let (Some(s), Some(f)) = (short.latest(), full.latest()) {
        prop_assert_eq!(s.closing_date, f.closing_date);
        prop_assert_eq!(&s.aggregates, &f.aggregates);
        prop_assert_eq!(&s.scores, &f.scores);
        prop_assert_eq!(&s.warnings, &f.warnings);
        let values = |y: &encours::domain::analysis::YearAnalysis| {
            y.ratios
                .iter()
                .map(|r| (r.id, r.value, r.appreciation))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(values(s), values(f));
    }
    Ok(())
}
