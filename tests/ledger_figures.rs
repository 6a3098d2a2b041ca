//! A client's figures at `as_of` (docs/receivables.md §5) on small ledgers built here, each
//! checked against arithmetic done by hand in the comments.

mod common;

use chrono::NaiveDate;
use common::{d, date};
use encours::domain::lang::Lang;
use encours::domain::receivables::figures::{
    days_late, figures, measured_payment, Absent, Bucket, FigureRules, LedgerFigures,
};
use encours::domain::receivables::ledger::{Item, ItemKind, Ledger, MonthSales};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn item(
    kind: ItemKind,
    issued: NaiveDate,
    due: Option<NaiveDate>,
    amount: &str,
    open: &str,
) -> Item {
    Item {
        reference: format!("{}-{issued}", kind.key()),
        kind,
        issued_on: issued,
        due_on: due,
        amount: d(amount),
        open: d(open),
        paid_on: None,
        disputed: false,
        actions: Vec::new(),
    }
}

/// An invoice of `amount` due on `due`, settled by a payment on `paid`.
fn paid(due: Option<NaiveDate>, paid_on: NaiveDate, amount: &str) -> Item {
    let issued = date(2024, 10, 1);
    Item {
        paid_on: Some(paid_on),
        ..item(ItemKind::Invoice, issued, due, amount, "0")
    }
}

fn ledger(
    as_of: NaiveDate,
    history: Option<NaiveDate>,
    items: Vec<Item>,
    months: &[(i32, u32, &str)],
) -> Ledger {
    let mut l = Ledger::new(as_of);
    l.history_from = history;
    l.items = items;
    l.months = months
        .iter()
        .map(|&(y, m, s)| MonthSales {
            month: date(y, m, 1),
            sales: d(s),
        })
        .collect();
    l
}

fn run(l: &Ledger) -> LedgerFigures {
    figures(l, None, &FigureRules::default())
}

/// D = 15/06/2025. Partial payment, five debits across the buckets, an unapplied payment and an
/// unapplied credit note.
fn mixed() -> Ledger {
    let inv = |due: NaiveDate, amount: &str, open: &str| {
        item(
            ItemKind::Invoice,
            date(2025, 1, 10),
            Some(due),
            amount,
            open,
        )
    };
    let items = vec![
        // Due 09/02: 19 (to 28/02) + 31 + 30 + 31 + 15 = 126 days late; 1,200 less 800 paid.
        inv(date(2025, 2, 9), "1200", "400"),
        // Due 01/05: 30 + 15 = 45 days.
        Item {
            disputed: true,
            ..inv(date(2025, 5, 1), "1000", "1000")
        },
        // Due 09/06: 6 days.
        inv(date(2025, 6, 9), "500", "500"),
        // Due 09/04: 21 + 31 + 15 = 67 days.
        inv(date(2025, 4, 9), "300", "300"),
        // Due 01/07, and due on D itself (0 days): not due, not overdue.
        inv(date(2025, 7, 1), "800", "800"),
        inv(date(2025, 6, 15), "100", "100"),
        item(ItemKind::Payment, date(2025, 6, 10), None, "-250", "-250"),
        item(ItemKind::CreditNote, date(2025, 6, 12), None, "-50", "-50"),
    ];
    ledger(date(2025, 6, 15), Some(date(2024, 1, 1)), items, &[])
}

#[test]
fn encours_overdue_and_the_six_buckets() {
    let f = run(&mixed());
    // 400 + 1000 + 500 + 300 + 800 + 100 − 250 − 50 = 2800.
    assert_eq!(f.encours, d("2800"));
    // Debits due before D: 400 + 1000 + 500 + 300 = 2200.
    assert_eq!(f.overdue, d("2200"));
    let expected = [
        ("not_due", "900"),
        ("1_30", "500"),
        ("31_60", "1000"),
        ("61_90", "300"),
        ("over_90", "400"),
        ("unapplied", "-300"),
    ];
    for ((bucket, v), (key, want)) in f.aged.iter().zip(expected) {
        assert_eq!((bucket.key(), *v), (key, d(want)));
    }
    // 900 + 500 + 1000 + 300 + 400 − 300 = 2800 = the encours.
    assert_eq!(f.aged.iter().map(|(_, v)| *v).sum::<Decimal>(), f.encours);
    // The disputed invoice stays in the encours and the overdue; it is shown apart.
    assert_eq!(f.disputed_open, d("1000"));
}

#[test]
fn bucket_bounds_are_inclusive_and_policy() {
    let b = [30, 60, 90];
    let at = |days| Bucket::of_days_past_due(days, b);
    assert_eq!(
        [
            at(-3),
            at(0),
            at(1),
            at(30),
            at(31),
            at(60),
            at(61),
            at(90),
            at(91)
        ],
        [
            Bucket::NotDue,
            Bucket::NotDue,
            Bucket::Days1To30,
            Bucket::Days1To30,
            Bucket::Days31To60,
            Bucket::Days31To60,
            Bucket::Days61To90,
            Bucket::Days61To90,
            Bucket::Over90,
        ]
    );
    // Other bounds move the columns: 45 days is the second column under 15/45/75.
    assert_eq!(
        Bucket::of_days_past_due(45, [15, 45, 75]),
        Bucket::Days31To60
    );
    assert_eq!(Bucket::of_days_past_due(76, [15, 45, 75]), Bucket::Over90);
    let rules = FigureRules {
        aged_bounds: [15, 45, 75],
        ..FigureRules::default()
    };
    let f = figures(&mixed(), None, &rules);
    // 6 days → 1–15 (500); 45 → 16–45 (1000); 67 → 46–75 (300); 126 → over 75 (400).
    assert_eq!(f.aged_in(Bucket::Days1To30), d("500"));
    assert_eq!(f.aged_in(Bucket::Days31To60), d("1000"));
    assert_eq!(f.aged_in(Bucket::Days61To90), d("300"));
    assert_eq!(f.aged_in(Bucket::Over90), d("400"));
    assert_eq!(Bucket::Days31To60.label(Lang::Fr, [15, 45, 75]), "16–45 j");
    assert_eq!(Bucket::Over90.label(Lang::En, [30, 60, 90]), "Over 90 days");
    assert_eq!(Bucket::NotDue.label(Lang::Fr, [30, 60, 90]), "Non échu");
    let keys: Vec<&str> = Bucket::ALL.iter().map(|b| b.key()).collect();
    assert_eq!(
        keys,
        ["not_due", "1_30", "31_60", "61_90", "over_90", "unapplied"]
    );
}

#[test]
fn a_debit_without_due_date_is_not_due() {
    let items = vec![item(ItemKind::Other, date(2020, 1, 1), None, "70", "70")];
    let f = run(&ledger(date(2025, 6, 15), None, items, &[]));
    assert_eq!((f.overdue, f.aged_in(Bucket::NotDue)), (d("0"), d("70")));
}

#[test]
fn limit_overrun_and_use() {
    let mut l = mixed();
    // No limit anywhere: no overrun, no use ratio.
    let f = run(&l);
    assert_eq!(
        (f.limit, f.overrun, f.use_ratio),
        (None, None, Err(Absent::NoLimit))
    );
    // The recommended limit when nothing is authorised: 2800 / 4000 = 0.7, no overrun.
    let f = figures(&l, Some(d("4000")), &FigureRules::default());
    assert_eq!(
        (f.limit, f.limit_is_recommended, f.overrun, f.use_ratio),
        (Some(d("4000")), true, Some(d("0")), Ok(d("0.7")))
    );
    // The authorised limit wins: 2800 − 2500 = 300 over; 2800 / 2500 = 1.12.
    l.authorised_limit = Some(d("2500"));
    let f = figures(&l, Some(d("4000")), &FigureRules::default());
    assert_eq!(
        (f.limit, f.limit_is_recommended, f.overrun, f.use_ratio),
        (Some(d("2500")), false, Some(d("300")), Ok(d("1.12")))
    );
    // A zero limit: all the encours is over it, and no use ratio.
    l.authorised_limit = Some(d("0"));
    let f = figures(&l, Some(d("4000")), &FigureRules::default());
    assert_eq!(
        (f.overrun, f.use_ratio),
        (Some(d("2800")), Err(Absent::ZeroLimit))
    );
    // 2800 / 3000 = 0.9333… published to 4 places, half-even.
    l.authorised_limit = Some(d("3000"));
    assert_eq!(run(&l).published().use_ratio, Ok(d("0.9333")));
}

#[test]
fn a_negative_balance_has_every_dso_at_zero() {
    // 100 open − 300 unapplied = −200; no history and no sales at all: still 0, not absent.
    let items = vec![
        item(
            ItemKind::Invoice,
            date(2025, 1, 1),
            Some(date(2025, 2, 1)),
            "100",
            "100",
        ),
        item(ItemKind::Payment, date(2025, 3, 1), None, "-300", "-300"),
    ];
    let mut l = ledger(date(2025, 6, 15), None, items, &[]);
    l.authorised_limit = Some(d("1000"));
    let f = run(&l);
    assert_eq!(f.encours, d("-200"));
    let zero = Ok(d("0"));
    assert_eq!(
        [
            f.dso_count_back,
            f.dso_best_possible,
            f.dso_add,
            f.dso_accounting
        ],
        [zero; 4]
    );
    // −200 / 1000 = −0.2; no overrun.
    assert_eq!((f.overrun, f.use_ratio), (Some(d("0")), Ok(d("-0.2"))));
}

/// An open invoice making the encours, due in the future (not overdue) or past (overdue).
fn owing(amount: &str, overdue: bool) -> Item {
    let due = if overdue {
        date(2025, 5, 1)
    } else {
        date(2025, 7, 31)
    };
    item(
        ItemKind::Invoice,
        date(2025, 4, 1),
        Some(due),
        amount,
        amount,
    )
}

#[test]
fn month_zero_counts_the_days_of_d_so_the_31st_counts_the_whole_month() {
    let months = [(2025, 1, "3100")];
    let at = |day| {
        run(&ledger(
            date(2025, 1, day),
            Some(date(2024, 1, 1)),
            vec![owing("1550", false)],
            &months,
        ))
    };
    // 1550 / 3100 × 31 = 15.5 on the 31st; × 15 = 7.5 on the 15th.
    assert_eq!(at(31).dso_count_back, Ok(d("15.5")));
    assert_eq!(at(15).dso_count_back, Ok(d("7.5")));
}

/// D = 15/06/2025; sales June 1,000, May 2,000, April 2,100; encours 4,000 of which 2,500 overdue.
fn three_months(history: Option<NaiveDate>) -> Ledger {
    let items = vec![owing("2500", true), owing("1500", false)];
    ledger(
        date(2025, 6, 15),
        history,
        items,
        &[(2025, 4, "2100"), (2025, 5, "2000"), (2025, 6, "1000")],
    )
}

#[test]
fn count_back_stops_in_month_two_with_a_fraction() {
    let f = run(&three_months(Some(date(2024, 1, 1))));
    // R = 4000. June: 4000 > 1000 → R 3000, 15 days. May: 3000 > 2000 → R 1000, + 31 = 46.
    // April: 1000 ≤ 2100 → 1000 / 2100 × 30 = 14.2857142857… → 60.2857142857…
    let cb = f.dso_count_back.unwrap_or_default();
    assert!(cb > d("60.28571428") && cb < d("60.28571429"), "{cb}");
    // Best possible, R = 4000 − 2500 = 1500. June: → R 500, 15 days. May: 500 / 2000 × 31 = 7.75.
    assert_eq!(f.dso_best_possible, Ok(d("22.75")));
    // Added DSO from the unrounded ones: 60.2857142857… − 22.75 = 37.5357142857…
    let p = f.published();
    assert_eq!(
        (p.dso_count_back, p.dso_best_possible, p.dso_add),
        (Ok(d("60.2857")), Ok(d("22.7500")), Ok(d("37.5357")))
    );
}

#[test]
fn count_back_is_absent_when_the_history_is_too_short() {
    // The history starts on 20/05: after May R is still 1000 > 0 → absent; best possible (R
    // 1500) ends in May → 22.75; the added DSO is absent with it.
    let f = run(&three_months(Some(date(2025, 5, 20))));
    assert_eq!(f.dso_count_back, Err(Absent::HistoryTooShort));
    assert_eq!(f.dso_best_possible, Ok(d("22.75")));
    assert_eq!(f.dso_add, Err(Absent::HistoryTooShort));
    // Starting on 03/04, the month holding it is read: the count ends there.
    assert_eq!(
        run(&three_months(Some(date(2025, 4, 3))))
            .published()
            .dso_count_back,
        Ok(d("60.2857"))
    );
    // No history_from: the earliest stored month (April) stands for it.
    assert_eq!(
        run(&three_months(None)).published().dso_count_back,
        Ok(d("60.2857"))
    );
    let mut l = three_months(None);
    l.items.push(owing("3000", false));
    // R = 7000 > 1000 + 2000 + 2100 = 5100: still owed after April → absent.
    assert_eq!(run(&l).dso_count_back, Err(Absent::HistoryTooShort));
    // A history starting on 01/04 holds April: March's sales, though stored, are not read.
    l.history_from = Some(date(2025, 4, 1));
    l.months.push(MonthSales {
        month: date(2025, 3, 1),
        sales: d("5000"),
    });
    assert_eq!(run(&l).dso_count_back, Err(Absent::HistoryTooShort));
    l.history_from = Some(date(2025, 3, 31));
    // Read from 31/03: 1900 / 5000 × 31 = 11.78, after 15 + 31 + 30 = 76 → 87.78.
    assert_eq!(run(&l).dso_count_back, Ok(d("87.78")));
}

#[test]
fn count_back_reads_at_most_24_months() {
    // 24 months of 100 (July 2023 to June 2025), R = 2400: it ends exactly at month 23, whose
    // share is 100 / 100 × 31 days: 15 + every day from 01/07/2023 to 31/05/2025 (366 + 335 =
    // 701) = 716. One cent more and month 23 is passed → absent.
    let mut months = Vec::new();
    for k in 0..24u32 {
        let (y, m) = if k < 6 {
            (2023, 7 + k)
        } else if k < 18 {
            (2024, k - 5)
        } else {
            (2025, k - 17)
        };
        months.push((y, m, "100"));
    }
    let mk = |r: &str| {
        ledger(
            date(2025, 6, 15),
            Some(date(2020, 1, 1)),
            vec![owing(r, false)],
            &months,
        )
    };
    assert_eq!(run(&mk("2400")).dso_count_back, Ok(d("716")));
    assert_eq!(
        run(&mk("2400.01")).dso_count_back,
        Err(Absent::HistoryTooShort)
    );
}

#[test]
fn months_with_zero_negative_or_no_sales_count_whole() {
    // June 0 → 15 days; May −500 (credit notes) → 31; April no entry → 30; March 2000:
    // 1000 / 2000 × 31 = 15.5. 15 + 31 + 30 + 15.5 = 91.5.
    let months = [(2025, 3, "2000"), (2025, 5, "-500"), (2025, 6, "0")];
    let l = ledger(
        date(2025, 6, 15),
        Some(date(2024, 1, 1)),
        vec![owing("1000", false)],
        &months,
    );
    assert_eq!(run(&l).dso_count_back, Ok(d("91.5")));
}

/// D = 29/02/2024: D − 12 months = 28/02/2023, so the sales run from 01/03/2023.
fn leap_day(history: NaiveDate) -> Ledger {
    let items = vec![
        // Issued on D − 12 months itself: outside (the interval is open on the left).
        item(
            ItemKind::Invoice,
            date(2023, 2, 28),
            Some(date(2023, 3, 30)),
            "5000",
            "0",
        ),
        item(
            ItemKind::Invoice,
            date(2023, 3, 1),
            Some(date(2023, 3, 31)),
            "2000",
            "0",
        ),
        item(ItemKind::CreditNote, date(2023, 6, 1), None, "-300", "0"),
        // An opening debit is never a sale.
        item(
            ItemKind::Opening,
            date(2023, 5, 1),
            Some(date(2023, 5, 31)),
            "900",
            "0",
        ),
        item(
            ItemKind::Invoice,
            date(2024, 2, 29),
            Some(date(2024, 3, 30)),
            "1650",
            "1500",
        ),
    ];
    ledger(
        date(2024, 2, 29),
        Some(history),
        items,
        &[(2024, 1, "1000"), (2024, 2, "1000")],
    )
}

#[test]
fn d_on_29_february() {
    let f = run(&leap_day(date(2023, 3, 1)));
    // Count back, R = 1500: February (29 days) 1500 > 1000 → R 500; January 500 / 1000 × 31 = 15.5.
    assert_eq!(f.dso_count_back, Ok(d("44.5")));
    // Accounting: sales 2000 − 300 + 1650 = 3350; 1500 / 3350 × 365 = 163.43283582…
    assert_eq!(f.published().dso_accounting, Ok(d("163.4328")));
    // History from 02/03/2023, after D − 12 months + 1 day: absent.
    assert_eq!(
        run(&leap_day(date(2023, 3, 2))).dso_accounting,
        Err(Absent::HistoryTooShort)
    );
}

#[test]
fn accounting_dso_is_absent_without_positive_sales_and_zero_without_encours() {
    let mk = |credit: &str, open: &str| {
        let items = vec![
            item(
                ItemKind::Invoice,
                date(2025, 1, 10),
                Some(date(2025, 2, 9)),
                "1000",
                "0",
            ),
            item(ItemKind::CreditNote, date(2025, 3, 1), None, credit, "0"),
            item(
                ItemKind::Opening,
                date(2024, 1, 1),
                Some(date(2024, 1, 1)),
                open,
                open,
            ),
        ];
        ledger(date(2025, 6, 15), Some(date(2024, 1, 1)), items, &[])
    };
    // 1000 − 1000 = 0 and 1000 − 1200 = −200 of sales: absent.
    assert_eq!(
        run(&mk("-1000", "500")).dso_accounting,
        Err(Absent::NoSales)
    );
    assert_eq!(
        run(&mk("-1200", "500")).dso_accounting,
        Err(Absent::NoSales)
    );
    // 500 / (1000 − 400) × 365 = 304.1666…
    assert_eq!(
        run(&mk("-400", "500")).published().dso_accounting,
        Ok(d("304.1667"))
    );
    // Encours ≤ 0 comes first: 0 even with no sales and a history starting yesterday.
    let mut l = mk("-1000", "-5");
    l.history_from = Some(date(2025, 6, 14));
    assert_eq!(run(&l).dso_accounting, Ok(d("0")));
}

/// D = 15/06/2025, so the window is (15/12/2024, 15/06/2025].
fn payments() -> Ledger {
    let items = vec![
        // 10 days late on 1000.
        paid(Some(date(2025, 3, 1)), date(2025, 3, 11), "1000"),
        // Paid early: 0 days, not −10.
        paid(Some(date(2025, 4, 30)), date(2025, 4, 20), "2000"),
        // Paid on D itself: in; 20 days late on 3000.
        paid(Some(date(2025, 5, 26)), date(2025, 6, 15), "3000"),
        // Paid 7 months ago, and on D − 6 months itself: out.
        paid(Some(date(2024, 11, 1)), date(2024, 11, 15), "5000"),
        paid(Some(date(2024, 12, 1)), date(2024, 12, 15), "4000"),
        // No due date: skipped.
        paid(None, date(2025, 2, 1), "700"),
        // Not an invoice: skipped.
        Item {
            kind: ItemKind::Opening,
            ..paid(Some(date(2025, 1, 1)), date(2025, 5, 1), "9000")
        },
    ];
    ledger(date(2025, 6, 15), Some(date(2024, 1, 1)), items, &[])
}

#[test]
fn days_late_weighted_by_amount() {
    let f = run(&payments());
    // (1000 × 10 + 2000 × 0 + 3000 × 20) / (1000 + 2000 + 3000) = 70000 / 6000 = 11.6666…
    assert_eq!(f.days_late_count, 3);
    assert_eq!(f.published().days_late_weighted, Some(d("11.6667")));
    assert_eq!(
        measured_payment(&payments(), &FigureRules::default()),
        f.days_late_weighted.map(|w| (w, 3))
    );
    // The mean is the unrounded one.
    assert_eq!(
        f.days_late_weighted
            .map(|w| w * d("6000"))
            .map(|x| x.round_dp(10)),
        Some(d("70000"))
    );
}

#[test]
fn measured_payment_needs_three_invoices() {
    let rules = FigureRules::default();
    let mut l = payments();
    // Four required: three are not enough.
    assert_eq!(
        measured_payment(
            &l,
            &FigureRules {
                min_measured_invoices: 4,
                ..rules.clone()
            }
        ),
        None
    );
    // Without the invoice paid on D: (10000 + 0) / 3000 = 3.333…, on 2 invoices: not used.
    l.items.remove(2);
    let (mean, count) = days_late(&l);
    assert_eq!((mean.map(|m| m.round_dp(4)), count), (Some(d("3.3333")), 2));
    assert_eq!(measured_payment(&l, &rules), None);
    // Nothing paid: no mean, zero count.
    assert_eq!(days_late(&mixed()), (None, 0));
}

#[test]
fn hostile_magnitudes_do_not_panic() {
    let huge = Decimal::MAX.to_string();
    let items = vec![
        item(
            ItemKind::Invoice,
            date(2025, 6, 1),
            Some(date(2025, 1, 1)),
            &huge,
            &huge,
        ),
        item(
            ItemKind::Invoice,
            date(2025, 6, 2),
            Some(date(2025, 1, 1)),
            &huge,
            &huge,
        ),
        paid(Some(date(2025, 1, 1)), date(2025, 6, 1), &huge),
    ];
    let l = ledger(
        date(2025, 6, 15),
        Some(date(2020, 1, 1)),
        items,
        &[(2025, 6, "0.01")],
    );
    let f = figures(
        &l,
        Some(d("0.0000000000000000000000000001")),
        &FigureRules::default(),
    );
    assert_eq!(f.encours, Decimal::MAX);
    assert_eq!(f.use_ratio, Err(Absent::OutOfRange));
    // MAX × 151 days overflows: no mean, the invoice still counted.
    assert_eq!((f.days_late_weighted, f.days_late_count), (None, 1));
    let _ = f.published();
}

fn arb_item() -> impl Strategy<Value = Item> {
    let kinds = prop::sample::select(ItemKind::ALL.to_vec());
    (
        kinds,
        -500i64..500,
        -99_999i64..99_999,
        -99_999i64..99_999,
        prop::option::of(-200i64..200),
    )
        .prop_map(|(kind, issued, amount, open, due)| {
            let base = date(2025, 6, 15);
            let day = |n: i64| base + chrono::Duration::days(n);
            Item {
                reference: "x".into(),
                kind,
                issued_on: day(issued),
                due_on: due.map(day),
                amount: Decimal::new(amount, 2),
                open: Decimal::new(open, 2),
                paid_on: None,
                disputed: open % 3 == 0,
                actions: Vec::new(),
            }
        })
}

proptest! {
    #[test]
    fn the_six_buckets_sum_to_the_encours(items in prop::collection::vec(arb_item(), 0..40),
                                          sales in prop::collection::vec(-5000i64..50_000, 0..24)) {
        let months: Vec<MonthSales> = sales.iter().enumerate().map(|(k, s)| MonthSales {
            month: encours::domain::receivables::dates::months_before(date(2025, 6, 1), k as u32).unwrap_or(date(2025, 6, 1)),
            sales: Decimal::new(*s, 0),
        }).collect();
        let mut l = ledger(date(2025, 6, 15), Some(date(2023, 1, 1)), items, &[]);
        l.months = months;
        let f = run(&l);
        prop_assert_eq!(f.aged.iter().map(|(_, v)| *v).sum::<Decimal>(), f.encours);
        // The four past-due buckets are the overdue.
        let past: Decimal = f.aged[1..5].iter().map(|(_, v)| *v).sum();
        prop_assert_eq!(past, f.overdue);
        // Published buckets still add up: every open is in cents.
        let p = f.published();
        prop_assert_eq!(p.aged.iter().map(|(_, v)| *v).sum::<Decimal>(), p.encours);
        if f.encours <= Decimal::ZERO {
            prop_assert_eq!(f.dso_count_back, Ok(Decimal::ZERO));
            prop_assert_eq!(f.dso_accounting, Ok(Decimal::ZERO));
        }
        // A count back never exceeds the 24 months' days (D's 15 + 701 + July 2023's… ≤ 731).
        if let Ok(v) = f.dso_count_back {
            prop_assert!(v >= Decimal::ZERO && v <= d("731"));
        }
    }
}
