//! The portfolio's receivables totals (docs/receivables.md §5, "Portfolio"): by risk class, by
//! sales rep, and the order in which files need attention, against sums made by hand.

use encours::domain::ids::RiskClass;
use encours::domain::receivables::figures::{figures, Absent, Bucket, FigureRules, LedgerFigures};
use encours::domain::receivables::ledger::{Item, ItemKind, Ledger};
use encours::domain::receivables::monitoring::{monitor, needs_attention, FileLine, Totals};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    match s.parse() {
        Ok(v) => v,
        Err(e) => panic!("bad test decimal {s}: {e}"),
    }
}

/// Figures with `encours`, of which `overdue` is past due and `over_90` over 90 days, and an
/// overrun when a limit is given.
fn fig(encours: &str, overdue: &str, over_90: &str, overrun: Option<&str>) -> LedgerFigures {
    let (e, o, o90) = (d(encours), d(overdue), d(over_90));
    let amounts = [e - o, o - o90, d("0"), d("0"), o90, d("0")];
    let mut aged = Bucket::ALL.map(|b| (b, d("0")));
    for ((_, v), a) in aged.iter_mut().zip(amounts) {
        *v = a;
    }
    LedgerFigures {
        encours: e,
        overdue: o,
        limit: overrun.map(|x| e - d(x)),
        limit_is_recommended: false,
        overrun: overrun.map(d),
        use_ratio: Err(Absent::NoLimit),
        aged,
        dso_count_back: Ok(d("0")),
        dso_best_possible: Ok(d("0")),
        dso_add: Ok(d("0")),
        dso_accounting: Ok(d("0")),
        days_late_weighted: None,
        days_late_count: 0,
        disputed_open: d("0"),
        default_terms: false,
    }
}

fn portfolio() -> Vec<Row> {
    vec![
        (
            "Delta",
            Some(RiskClass::B),
            "Alice",
            fig("1000", "300", "100", Some("0")),
        ),
        (
            "alpha",
            Some(RiskClass::A),
            "Bob ",
            fig("5000", "0", "0", Some("1000")),
        ),
        (
            "Gamma",
            Some(RiskClass::B),
            "Alice",
            fig("2000", "1500", "1500", Some("500")),
        ),
        ("Beta", None, "", fig("700", "700", "0", None)),
        (
            "beta",
            Some(RiskClass::E),
            "Bob",
            fig("700", "700", "0", Some("0")),
        ),
        (
            "Zeta",
            Some(RiskClass::A),
            "Alice",
            fig("0", "0", "0", None),
        ),
    ]
}

type Row = (&'static str, Option<RiskClass>, &'static str, LedgerFigures);

fn lines(p: &[Row]) -> Vec<FileLine<'_>> {
    p.iter()
        .map(|(name, class, rep, f)| FileLine {
            id: name,
            name,
            class: *class,
            sales_rep: rep,
            figures: f,
        })
        .collect()
}

/// (files, encours, overdue, overruns) of a total.
fn brief(t: &Totals) -> (usize, Decimal, Decimal, usize) {
    (t.files, t.encours, t.overdue, t.overruns)
}

#[test]
fn portfolio_totals() {
    let p = portfolio();
    let m = monitor(&lines(&p));
    // Encours 1000 + 5000 + 2000 + 700 + 700 + 0 = 9400; overdue 300 + 1500 + 700 + 700 = 3200;
    // over their limit: alpha (1000) and Gamma (500).
    assert_eq!(brief(&m.total), (6, d("9400"), d("3200"), 2));
    // Not due 700 + 5000 + 500 = 6200; 1–30: 200 + 700 + 700 = 1600; over 90: 100 + 1500 = 1600.
    assert_eq!(m.total.aged_in(Bucket::NotDue), d("6200"));
    assert_eq!(m.total.aged_in(Bucket::Days1To30), d("1600"));
    assert_eq!(m.total.aged_in(Bucket::Over90), d("1600"));
    assert_eq!(
        m.total.aged.iter().map(|(_, v)| *v).sum::<Decimal>(),
        m.total.encours
    );
}

#[test]
fn totals_by_class_best_first_unrated_last() {
    let p = portfolio();
    let m = monitor(&lines(&p));
    let got: Vec<_> = m.by_class.iter().map(|(c, t)| (*c, brief(t))).collect();
    assert_eq!(
        got,
        vec![
            // alpha + Zeta: 5000 + 0, one overrun.
            (Some(RiskClass::A), (2, d("5000"), d("0"), 1)),
            // Delta + Gamma: 1000 + 2000, overdue 300 + 1500, Gamma over.
            (Some(RiskClass::B), (2, d("3000"), d("1800"), 1)),
            (Some(RiskClass::E), (1, d("700"), d("700"), 0)),
            (None, (1, d("700"), d("700"), 0)),
        ]
    );
}

#[test]
fn totals_by_rep_trimmed_and_unassigned_last() {
    let p = portfolio();
    let m = monitor(&lines(&p));
    let got: Vec<_> = m
        .by_rep
        .iter()
        .map(|(r, t)| (r.as_str(), brief(t)))
        .collect();
    assert_eq!(
        got,
        vec![
            // Delta + Gamma + Zeta: 1000 + 2000 + 0; overdue 300 + 1500.
            ("Alice", (3, d("3000"), d("1800"), 1)),
            // "Bob " and "Bob": alpha + beta = 5000 + 700.
            ("Bob", (2, d("5700"), d("700"), 1)),
            ("", (1, d("700"), d("700"), 0)),
        ]
    );
}

#[test]
fn attention_order() {
    let p = portfolio();
    let m = monitor(&lines(&p));
    // Overrun first: alpha (1000), Gamma (500). Then over 90: Delta (100). Then overdue: Beta and
    // beta (700 each, the same name ignoring case: input order). Zeta, with nothing, last.
    assert_eq!(m.attention, vec![1, 2, 0, 3, 4, 5]);
    let needing: Vec<bool> = m
        .attention
        .iter()
        .map(|&i| needs_attention(&p[i].3))
        .collect();
    assert_eq!(needing, [true, true, true, true, true, false]);
}

#[test]
fn an_empty_portfolio() {
    let m = monitor(&[]);
    assert_eq!(m.total, Totals::empty());
    assert!(m.by_class.is_empty() && m.by_rep.is_empty() && m.attention.is_empty());
}

#[test]
fn from_ledgers_through_the_figures() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 15).unwrap_or_default();
    let mut l = Ledger::new(as_of);
    let due = chrono::NaiveDate::from_ymd_opt(2025, 1, 31).unwrap_or_default();
    l.items.push(Item {
        reference: "F1".into(),
        kind: ItemKind::Invoice,
        issued_on: due,
        due_on: Some(due),
        amount: d("1234.56"),
        open: d("1234.56"),
        paid_on: None,
        disputed: false,
        actions: Vec::new(),
    });
    l.authorised_limit = Some(d("1000"));
    let f = figures(&l, None, &FigureRules::default()).published();
    let line = FileLine {
        id: "c1",
        name: "Acme",
        class: Some(RiskClass::C),
        sales_rep: "Zoé",
        figures: &f,
    };
    let m = monitor(&[line]);
    // 1234.56 due 31/01, 135 days before D: over 90; 234.56 over the limit.
    assert_eq!(brief(&m.total), (1, d("1234.56"), d("1234.56"), 1));
    assert_eq!(m.total.aged_in(Bucket::Over90), d("1234.56"));
    assert_eq!(f.overrun, Some(d("234.56")));
}

proptest! {
    #[test]
    fn groups_add_up_to_the_total(raw in prop::collection::vec((0usize..7, 0usize..3, 0i64..100_000, 0i64..100_000, prop::option::of(-50_000i64..50_000)), 0..30)) {
        let reps = ["Alice", "Bob", ""];
        let classes: Vec<Option<RiskClass>> = RiskClass::ALL.iter().copied().map(Some).chain([None]).collect();
        let figs: Vec<LedgerFigures> = raw.iter().map(|&(_, _, e, o, over)| {
            let (e, o) = (Decimal::new(e.max(o), 2), Decimal::new(o.min(e), 2));
            fig(&e.to_string(), &o.to_string(), "0", over.map(|x| Decimal::new(x.max(0), 2).to_string()).as_deref())
        }).collect();
        let ls: Vec<FileLine> = raw.iter().zip(&figs).map(|(&(c, r, ..), f)| FileLine {
            id: "x", name: "x", class: classes.get(c).copied().flatten(), sales_rep: reps.get(r).copied().unwrap_or(""), figures: f,
        }).collect();
        let m = monitor(&ls);
        let sum = |g: &mut dyn Iterator<Item = &Totals>| g.fold((0, Decimal::ZERO, 0), |(n, e, o), t| (n + t.files, e + t.encours, o + t.overruns));
        let whole = (m.total.files, m.total.encours, m.total.overruns);
        prop_assert_eq!(sum(&mut m.by_class.iter().map(|(_, t)| t)), whole);
        prop_assert_eq!(sum(&mut m.by_rep.iter().map(|(_, t)| t)), whole);
        let mut seen = m.attention.clone();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..ls.len()).collect::<Vec<_>>());
        // Overruns never follow a smaller overrun.
        let overruns: Vec<Decimal> = m.attention.iter().map(|&i| figs[i].overrun.unwrap_or_default()).collect();
        prop_assert!(overruns.windows(2).all(|w| w[0] >= w[1]));
    }
}
