//! Late-payment penalties (docs/receivables.md §6) on small ledgers built here, each figure
//! checked against arithmetic done by hand in the comments (rates from the default table).

mod common;

use chrono::NaiveDate;
use common::{d, date};
use encours::domain::lang::Lang;
use encours::domain::receivables::ledger::{Item, ItemKind, Ledger};
use encours::domain::receivables::penalties::{
    penalties, Penalties, PenaltyRules, RateRow, RateSource,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// An invoice of `amount` due on `due`, with `open` left at `as_of`, paid on `paid_on`.
fn invoice(due: NaiveDate, amount: &str, open: &str, paid_on: Option<NaiveDate>) -> Item {
    Item {
        reference: format!("F-{due}-{amount}"),
        kind: ItemKind::Invoice,
        issued_on: due,
        due_on: Some(due),
        amount: d(amount),
        open: d(open),
        paid_on,
        disputed: false,
        actions: Vec::new(),
    }
}

fn paid(due: NaiveDate, amount: &str, on: NaiveDate) -> Item {
    invoice(due, amount, "0", Some(on))
}

fn open(due: NaiveDate, amount: &str) -> Item {
    invoice(due, amount, amount, None)
}

fn ledger(as_of: NaiveDate, items: Vec<Item>) -> Ledger {
    let mut l = Ledger::new(as_of);
    l.items = items;
    l
}

/// The penalties of `items` at `at` (also the ledger's `as_of`) under the default rules.
fn run(at: NaiveDate, items: Vec<Item>) -> Penalties {
    penalties(&ledger(at, items), &PenaltyRules::default(), at)
}

fn contractual(rate: &str) -> PenaltyRules {
    PenaltyRules {
        contractual_rate: Some(d(rate)),
        ..PenaltyRules::default()
    }
}

#[test]
fn the_worked_example_of_section_6() {
    let at = date(2025, 9, 30);
    let p = run(
        at,
        vec![paid(date(2025, 5, 31), "12000", date(2025, 8, 14))],
    );
    assert_eq!((p.count, p.indemnity), (1, d("40")));
    let inv = &p.invoices[0];
    assert!(inv.paid);
    assert_eq!((inv.days, inv.late_amount), (75, d("12000")));
    // 01/06–30/06: 30 days at 3.15 + 10 = 13.15 %: 12000 × 0.1315 × 30 / 365 = 47340 / 365
    // = 129.6986… (129.70 €).
    let s = &inv.segments;
    assert_eq!(s.len(), 2);
    assert_eq!(
        (s[0].from, s[0].to, s[0].days),
        (date(2025, 6, 1), date(2025, 6, 30), 30)
    );
    assert_eq!(
        (s[0].rate, s[0].source),
        (Some(d("0.1315")), RateSource::Default)
    );
    assert_eq!(s[0].interest, Some(d("47340") / d("365")));
    // 01/07–14/08: 45 days at 12.15 %: 12000 × 0.1215 × 45 / 365 = 65610 / 365 = 179.7534….
    assert_eq!(
        (s[1].from, s[1].to, s[1].days),
        (date(2025, 7, 1), date(2025, 8, 14), 45)
    );
    assert_eq!(s[1].rate, Some(d("0.1215")));
    assert_eq!(s[1].interest, Some(d("65610") / d("365")));
    // Unrounded sum 309.4520… → 309.45 €.
    assert_eq!(inv.interest, Some(d("309.45")));
    assert_eq!(p.interest, Some(d("309.45")));
    assert!(!p.extended && !p.missing_rate && p.illegal_contractual.is_empty());
}

#[test]
fn a_delay_across_a_year_end() {
    // Open 5,000 € due 30/11/2024, at 14/02/2025: 31 days of December at 14.25 % (2024 H2),
    // then 45 days (01/01–14/02) at 13.15 % (2025 H1): 76 days.
    let at = date(2025, 2, 14);
    let p = run(at, vec![open(date(2024, 11, 30), "5000")]);
    let inv = &p.invoices[0];
    assert!(!inv.paid);
    assert_eq!(inv.days, 76);
    let days: Vec<_> = inv.segments.iter().map(|s| (s.days, s.rate)).collect();
    assert_eq!(days, vec![(31, Some(d("0.1425"))), (45, Some(d("0.1315")))]);
    // 5000 × 0.1425 × 31 = 22087.5; 5000 × 0.1315 × 45 = 29587.5; (22087.5 + 29587.5) / 365
    // = 141.5753… → 141.58.
    assert_eq!(inv.interest, Some(d("141.58")));
}

#[test]
fn a_half_year_before_the_table_has_no_rate() {
    // Due 31/10/2018, paid 15/02/2019: 61 days of 2018 H2 (no row) + 46 days at 10 %.
    let at = date(2019, 6, 30);
    let p = run(
        at,
        vec![
            paid(date(2018, 10, 31), "1000", date(2019, 2, 15)),
            open(date(2019, 5, 31), "730"),
        ],
    );
    let first = &p.invoices[0];
    assert_eq!((first.segments[0].days, first.segments[0].rate), (61, None));
    assert_eq!(first.segments[0].source, RateSource::Missing);
    assert_eq!(
        first.segments[0].source.message(Lang::Fr),
        "taux non renseigné"
    );
    assert_eq!(first.segments[1].interest, Some(d("4600") / d("365"))); // 1000 × 0.10 × 46
    assert_eq!(first.interest, None);
    // The other invoice has its rate: 730 × 0.10 × 30 / 365 = 6.00; the client's sum is absent.
    assert_eq!(p.invoices[1].interest, Some(d("6.00")));
    assert_eq!((p.interest, p.missing_rate), (None, true));
    // Indemnities do not need a rate: 2 × 40.
    assert_eq!((p.count, p.indemnity), (2, d("80")));
}

#[test]
fn a_half_year_after_the_last_row_uses_it_and_says_so() {
    // Open 10,000 € due 31/05/2026 at 31/08/2026: 30 days of 2026 H1 (its row) + 62 days of
    // 2026 H2 (no row: 2026 H1's 12.15 % carried forward), 92 days in all.
    let at = date(2026, 8, 31);
    let p = run(at, vec![open(date(2026, 5, 31), "10000")]);
    let s = &p.invoices[0].segments;
    assert_eq!((s[0].days, s[0].source), (30, RateSource::Default));
    let carried = RateSource::LastRowExtended {
        row_from: date(2026, 1, 1),
    };
    assert_eq!(
        (s[1].days, s[1].rate, s[1].source),
        (62, Some(d("0.1215")), carried)
    );
    // 10000 × 0.1215 × 92 / 365 = 111780 / 365 = 306.2465… → 306.25.
    assert_eq!(p.interest, Some(d("306.25")));
    assert!(p.extended && !p.missing_rate);
    // Nine months after the table: one carried segment, 01/07/2026–31/03/2027 = 184 + 90 days.
    let later = date(2027, 3, 31);
    let q = penalties(
        &ledger(later, vec![open(date(2026, 6, 30), "100")]),
        &PenaltyRules::default(),
        later,
    );
    let only: Vec<_> = q.invoices[0]
        .segments
        .iter()
        .map(|s| (s.days, s.source))
        .collect();
    assert_eq!(only, vec![(274, carried)]);
}

#[test]
fn a_contractual_rate_replaces_the_default_one() {
    // 2,000 € due 31/05/2023, paid 30/08/2023: 30 + 61 = 91 days at 15 % whatever the table.
    let at = date(2023, 9, 30);
    let l = ledger(at, vec![paid(date(2023, 5, 31), "2000", date(2023, 8, 30))]);
    let p = penalties(&l, &contractual("0.15"), at);
    assert!(p.invoices[0]
        .segments
        .iter()
        .all(|s| s.rate == Some(d("0.15")) && s.source == RateSource::Contractual));
    // 2000 × 0.15 × 91 / 365 = 27300 / 365 = 74.7945… → 74.79. Floors: 3 × 2.06 % = 6.18 %,
    // 3 × 4.22 % = 12.66 %: 15 % is above both.
    assert_eq!(p.interest, Some(d("74.79")));
    assert!(p.illegal_contractual.is_empty());
    // 12 % is below 2023 H2's floor of 12.66 % (not H1's 6.18 %): flagged, still computed:
    // 2000 × 0.12 × 91 / 365 = 21840 / 365 = 59.8356… → 59.84.
    let low = penalties(&l, &contractual("0.12"), at);
    assert_eq!(
        low.illegal_contractual,
        vec![(date(2023, 7, 1), d("0.1266"))]
    );
    assert_eq!(low.interest, Some(d("59.84")));
}

#[test]
fn a_contractual_rate_covers_the_days_before_the_table() {
    // Due 30/11/2018, paid 10/01/2019: 31 days of 2018 H2 + 10 days, 41 days at 15 %:
    // 1000 × 0.15 × 41 / 365 = 6150 / 365 = 16.8493… → 16.85.
    let at = date(2019, 3, 31);
    let l = ledger(
        at,
        vec![paid(date(2018, 11, 30), "1000", date(2019, 1, 10))],
    );
    let p = penalties(&l, &contractual("0.15"), at);
    assert_eq!((p.interest, p.missing_rate), (Some(d("16.85")), false));
    // 1 % is below 3 × 0.86 % = 2.58 % in 2019 H1; 2018 H2 has no legal rate to compare with.
    let low = penalties(&l, &contractual("0.01"), at);
    assert_eq!(
        low.illegal_contractual,
        vec![(date(2019, 1, 1), d("0.0258"))]
    );
}

#[test]
fn a_partly_paid_open_invoice_owes_on_its_open_amount() {
    // 3,000 € of which 1,200 € open, due 31/01/2025, at 02/03/2025: 28 + 2 = 30 days at 13.15 %:
    // 1200 × 0.1315 × 30 / 365 = 4734 / 365 = 12.9698… → 12.97.
    let at = date(2025, 3, 2);
    let p = run(at, vec![invoice(date(2025, 1, 31), "3000", "1200", None)]);
    assert_eq!(
        (p.invoices[0].late_amount, p.invoices[0].days),
        (d("1200"), 30)
    );
    assert_eq!(p.interest, Some(d("12.97")));
}

#[test]
fn invoices_on_time_disputed_or_not_invoices_are_left_out() {
    let at = date(2025, 6, 30);
    let due = date(2025, 3, 31);
    let mut disputed = open(due, "500");
    disputed.disputed = true;
    let mut credit = open(due, "500");
    credit.kind = ItemKind::Other;
    let mut no_due = open(due, "500");
    no_due.due_on = None;
    let items = vec![
        paid(due, "500", due),              // paid on its due date
        paid(due, "500", date(2025, 3, 1)), // paid early
        open(at, "500"),                    // due today: not yet late
        invoice(due, "500", "0", None),     // closed by a credit note: no payment date
        disputed,
        credit,
        no_due,
    ];
    let p = run(at, items);
    assert_eq!(
        (p.count, p.indemnity, p.interest),
        (0, d("0"), Some(d("0")))
    );
    // Due the day before: 1 day late, 40 €; 36500 × 0.1315 × 1 / 365 = 13.15.
    let p = run(at, vec![open(date(2025, 6, 29), "36500")]);
    assert_eq!(
        (p.count, p.indemnity, p.interest),
        (1, d("40"), Some(d("13.15")))
    );
}

#[test]
fn only_invoices_paid_in_the_last_12_months_count() {
    // at 30/09/2025: (30/09/2024, 30/09/2025]. Paid 30/09/2024: out; paid 01/10/2024: in.
    let at = date(2025, 9, 30);
    let due = date(2024, 8, 31);
    let items = vec![
        paid(due, "100", date(2024, 9, 30)),
        paid(due, "100", date(2024, 10, 1)),
    ];
    let p = run(at, items);
    assert_eq!(p.count, 1);
    assert_eq!(p.invoices[0].days, 31); // 01/09–01/10/2024
                                        // Paid after `at` (a date before the situation): not late at `at`.
    let p = penalties(
        &ledger(at, vec![paid(due, "100", date(2024, 10, 1))]),
        &PenaltyRules::default(),
        date(2024, 9, 15),
    );
    assert_eq!(p.count, 0);
}

#[test]
fn leap_years_still_count_365_days() {
    // Due 28/02/2024, at 01/03/2024: 29/02 and 01/03, 2 days at 14.50 %:
    // 36500 × 0.145 × 2 / 365 = 29.00 (with / 366 it would be 28.92).
    let at = date(2024, 3, 1);
    let p = run(at, vec![open(date(2024, 2, 28), "36500")]);
    assert_eq!((p.invoices[0].days, p.interest), (2, Some(d("29.00"))));
}

#[test]
fn the_client_sums_its_invoices_rounded_figures() {
    // Three 10 € invoices 1 day late at 13.15 %: 10 × 0.1315 / 365 = 0.0036… → 0.00 each; the
    // client owes 0.00, not round(0.0108) = 0.01.
    let at = date(2025, 3, 10);
    let items = vec![open(date(2025, 3, 9), "10"); 3];
    let p = run(at, items);
    assert!(p.invoices.iter().all(|i| i.interest == Some(d("0.00"))));
    assert_eq!((p.interest, p.indemnity), (Some(d("0")), d("120")));
    // Half-even per invoice: 73 days of 2021 at 10 % is amount × 0.02: 6.25 → 0.125 → 0.12;
    // 6.75 → 0.135 → 0.14; the client: 0.26.
    let at = date(2021, 6, 30);
    let due = date(2021, 1, 31);
    let items = vec![
        paid(due, "6.25", date(2021, 4, 14)),
        paid(due, "6.75", date(2021, 4, 14)),
    ];
    let p = run(at, items);
    let each: Vec<_> = p.invoices.iter().map(|i| (i.days, i.interest)).collect();
    assert_eq!(each, vec![(73, Some(d("0.12"))), (73, Some(d("0.14")))]);
    assert_eq!(p.interest, Some(d("0.26")));
}

#[test]
fn hostile_rules_and_amounts_never_panic_nor_go_negative() {
    let at = date(2025, 9, 30);
    // An unordered table with a duplicate half-year: taken in date order, the later row wins.
    let mut r = PenaltyRules::default();
    r.rates.reverse();
    r.rates.push(RateRow {
        from: date(2025, 1, 15),
        ecb: d("0.05"),
        legal: d("0.03"),
    });
    let p = penalties(&ledger(at, vec![open(date(2025, 6, 29), "36500")]), &r, at);
    // 1 day at 15 % (2025 H1's last row) + 92 days (31 + 31 + 30) at 12.15 %:
    // 36500 × (0.15 + 0.1215 × 92) / 365 = 100 × 11.328 = 1132.80.
    assert_eq!(p.interest, Some(d("1132.80")));
    // A negative rate is no rate, never negative interest.
    let p = penalties(
        &ledger(at, vec![open(date(2025, 6, 29), "100")]),
        &contractual("-0.5"),
        at,
    );
    assert_eq!((p.interest, p.missing_rate), (None, true));
    // An empty table: no default rate at all.
    let empty = PenaltyRules {
        rates: Vec::new(),
        ..PenaltyRules::default()
    };
    let p = penalties(
        &ledger(at, vec![open(date(2025, 6, 29), "100")]),
        &empty,
        at,
    );
    assert_eq!((p.interest, p.count), (None, 1));
    // The largest amount over centuries saturates instead of overflowing.
    let huge = open(date(1, 1, 1), &Decimal::MAX.to_string());
    let p = penalties(&ledger(at, vec![huge]), &contractual("1"), at);
    assert_eq!(p.interest, Some(Decimal::MAX));
    let far = penalties(
        &ledger(at, vec![open(NaiveDate::MIN, "1")]),
        &PenaltyRules::default(),
        NaiveDate::MAX,
    );
    assert_eq!((far.count, far.interest), (1, None));
}

fn item_strategy() -> impl Strategy<Value = Item> {
    (
        0u8..4,
        1i64..10_000_000,
        0u8..3,
        0i64..3_000,
        -60i64..500,
        any::<bool>(),
    )
        .prop_map(|(kind, cents, state, due_off, paid_off, disputed)| {
            let due = date(2018, 1, 1) + chrono::Days::new(due_off as u64);
            let amount = Decimal::new(cents, 2);
            let kind = [
                ItemKind::Invoice,
                ItemKind::Invoice,
                ItemKind::CreditNote,
                ItemKind::Other,
            ][kind as usize];
            let (open, paid_on) = match state {
                0 => (amount, None),
                1 => (amount / Decimal::from(3), None),
                _ => (
                    Decimal::ZERO,
                    due.checked_add_signed(chrono::TimeDelta::days(paid_off)),
                ),
            };
            Item {
                kind,
                disputed,
                ..invoice(due, &amount.to_string(), &open.to_string(), paid_on)
            }
        })
}

proptest! {
    #[test]
    fn penalties_hold_their_invariants(
        items in proptest::collection::vec(item_strategy(), 0..12),
        at_off in 0u64..3_500,
    ) {
        let at = date(2018, 1, 1) + chrono::Days::new(at_off);
        let p = penalties(&ledger(at, items.clone()), &PenaltyRules::default(), at);
        // The late invoices, said another way: an undisputed invoice open past due, or paid
        // after its due date within the 12 months to `at`.
        let year_before = at - chrono::Months::new(12);
        let late = items.iter().filter(|i| {
            let due = i.due_on.unwrap();
            i.kind == ItemKind::Invoice && !i.disputed && if i.open > Decimal::ZERO {
                due < at
            } else {
                i.paid_on.is_some_and(|pd| pd > due && pd > year_before && pd <= at)
            }
        }).count();
        prop_assert_eq!(p.count, late);
        prop_assert_eq!(p.invoices.len(), late);
        prop_assert_eq!(p.indemnity, Decimal::from(40 * late));
        for inv in &p.invoices {
            prop_assert!(inv.interest.is_none_or(|v| v >= Decimal::ZERO));
            prop_assert_eq!(inv.days, inv.segments.iter().map(|s| s.days).sum::<u32>());
            prop_assert!(inv.days >= 1);
            // Segments follow each other without a gap from the day after the due date.
            prop_assert_eq!(inv.segments.first().map(|s| s.from), inv.due_on.succ_opt());
            // …up to `at` when still open, to the payment date (not after `at`) when paid.
            let last = inv.segments.last().map(|s| s.to);
            let ends_well = if inv.paid { last <= Some(at) } else { last == Some(at) };
            prop_assert!(ends_well);
            for w in inv.segments.windows(2) {
                prop_assert_eq!(w[0].to.succ_opt(), Some(w[1].from));
            }
        }
        prop_assert_eq!(p.interest.is_none(), p.missing_rate);
        prop_assert!(p.interest.is_none_or(|v| v >= Decimal::ZERO));
    }
}

#[test]
fn after_the_table_a_contractual_rate_is_checked_against_the_last_legal_rate() {
    // 14 000 € due 14/09/2026, open on 15/11/2026: 62 days in 2026 H2, after the table's last
    // row (2026 H1, legal 2.62 %). At 5 %: 14 000 × 5 % × 62 / 365 = 118.90 €; 5 % is below
    // 3 × 2.62 % = 7.86 %, carried on like the ECB rate: illegal.
    let l = ledger(date(2026, 11, 15), vec![open(date(2026, 9, 14), "14000")]);
    let p = penalties(&l, &contractual("0.05"), date(2026, 11, 15));
    assert_eq!(p.interest, Some(d("118.90")));
    assert_eq!(p.illegal_contractual.len(), 1);
    assert_eq!(p.illegal_contractual[0].1, d("0.0786"));
    // At 8 % it is legal.
    let p = penalties(&l, &contractual("0.08"), date(2026, 11, 15));
    assert!(p.illegal_contractual.is_empty());
}
