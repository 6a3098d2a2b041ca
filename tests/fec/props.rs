//! Properties: no panic on any bytes, and Σ open = Σ debit − Σ credit per customer on generated
//! FECs; the sample generator is accepted.

use super::*;
use encours::domain::receivables::fec::sample::generate_fec;
use encours::domain::receivables::fec::FecOptions;
use proptest::prelude::*;
use std::collections::BTreeMap;

const ACCOUNTS: [&str; 6] = ["411000", "4111", "512000", "706000", "445710", "416000"];
const JOURNALS: [&str; 4] = ["VT", "BQ", "AN", "OD"];
const LETTRAGE: [&str; 4] = ["", "A", "B", "C"];
const REFS: [&str; 4] = ["", "X", "F1", "F2"];

/// (journal, num, day, account, customer, cents, lettrage, ref)
type Line = (usize, u8, u16, usize, u8, i64, usize, usize);

fn line() -> impl Strategy<Value = Line> {
    (
        0..4usize,
        1..6u8,
        0..300u16,
        0..6usize,
        0..4u8,
        -500_000..500_000i64,
        0..4usize,
        0..4usize,
    )
}

fn write(lines: &[Line]) -> String {
    let start = day("2025-01-01");
    let rows: Vec<String> = lines
        .iter()
        .map(|&(j, num, offset, a, c, cents, l, r)| {
            let date = start + chrono::Days::new(u64::from(offset));
            let (debit, credit) = if cents >= 0 { (cents, 0) } else { (0, -cents) };
            let money = |v: i64| format!("{},{:02}", v / 100, v % 100);
            format!(
                "{}|J|{num}|{}|{}|L|C{c}|N{c}|{}||{}|{}|{}",
                JOURNALS[j],
                date.format("%Y%m%d"),
                ACCOUNTS[a],
                REFS[r],
                money(debit),
                money(credit),
                LETTRAGE[l]
            )
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    tab_fec(&refs)
}

/// A field of a FEC-like line: codes, dates, accounts, amounts, or any printable text.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-C]{0,2}",
        "20250[1-3][0-2][1-9]",
        "(411|4111|512|706|4457|416|413)[0-9]{0,2}",
        "-?[0-9]{0,4}([,.][0-9]{0,3})?-?",
        "[ -~]{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(t) = read_fec(&bytes) {
            let _ = t.journals();
            let _ = t.summarise(&FecOptions::default());
        }
    }

    #[test]
    fn no_panic_on_fec_like_text(
        sep in prop::sample::select(vec!["\t", "|", ";"]),
        end in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        rows in proptest::collection::vec(
            (
                proptest::collection::vec(cell(), 13..=14),
                "20250[1-3][0-2][1-9]|2025023[01]",
                "(411|4111|512|706|4457|416|413)[0-9]{0,2}",
                "-?[0-9]{0,4}([,.][0-9]{0,3})?",
                "[0-9]{0,4}([,.][0-9]{0,3})?-?",
            ),
            0..15,
        ),
    ) {
        let mut text = H.replace('|', sep);
        for (mut row, date, account, debit, credit) in rows {
            // Mostly readable key columns, so that many files get through to the summary.
            for (i, v) in [(3, date), (4, account), (10, debit), (11, credit)] {
                if let Some(c) = row.get_mut(i) {
                    *c = v;
                }
            }
            text.push_str(end);
            text.push_str(&row.join(sep));
        }
        if let Ok(t) = read_fec(text.as_bytes()) {
            prop_assert!(t.lines() <= 15);
            if let Ok(s) = t.summarise(&FecOptions::default()) {
                prop_assert!(s.report.receivable_lines <= t.lines());
            }
        }
    }

    #[test]
    fn open_sums_to_debit_minus_credit(
        lines in proptest::collection::vec(line(), 1..60),
        cut in 0..320u16,
    ) {
        let text = write(&lines);
        let as_of = day("2025-01-01") + chrono::Days::new(u64::from(cut));
        let options = FecOptions { as_of: Some(as_of), ..FecOptions::default() };
        let s = match table(&text).summarise(&options) {
            Ok(s) => s,
            Err(_) => return Ok(()), // no 411 line up to as_of
        };
        // Expected, line by line: receivable lines (411…) up to as_of.
        let mut expected: BTreeMap<String, (Decimal, Decimal)> = BTreeMap::new();
        for &(_, _, offset, a, c, cents, _, _) in &lines {
            if ACCOUNTS[a].starts_with("411") && offset <= cut {
                let e = expected.entry(format!("C{c}")).or_default();
                e.0 += Decimal::new(cents, 2);
                e.1 += Decimal::new(cents.abs(), 2);
            }
        }
        prop_assert_eq!(s.customers.len(), expected.len());
        // Every date is within 300 days of as_of: nothing is dropped.
        prop_assert_eq!(s.report.dropped_closed, 0);
        for c in &s.customers {
            let (net, gross) = expected.get(&c.code).copied().unwrap_or_default();
            prop_assert_eq!(total_open(c), net, "customer {}", c.code);
            let amounts: Decimal = c.items.iter().map(|i| i.amount).sum();
            prop_assert_eq!(amounts, net);
            let abs: Decimal = c.items.iter().map(|i| i.amount.abs()).sum();
            prop_assert!(abs <= gross);
            for i in &c.items {
                prop_assert!(!i.amount.is_zero());
                prop_assert!(i.issued_on <= as_of);
                // Same sign as the amount, or 0, or a complete group's difference (≤ 0.01).
                let cent = Decimal::new(1, 2);
                prop_assert!(
                    i.open.is_zero() || i.open.is_sign_negative() == i.amount.is_sign_negative() || i.open.abs() <= cent
                );
                prop_assert!(i.open.abs() <= i.amount.abs() + cent);
                if i.paid_on.is_some() {
                    prop_assert!(i.open.is_zero() && i.is_debit());
                }
            }
        }
    }
}

#[test]
fn the_sample_is_read_and_summarised() {
    let text = generate_fec(5_000, 40, 11);
    let t = table(&text);
    assert!((5_000..=5_002).contains(&t.lines()));
    let s = t.summarise(&FecOptions::default()).unwrap();
    assert_eq!(s.report.unbalanced_entries, 0);
    assert!(!s.customers.is_empty() && s.customers.len() <= 40);
    let items = s.customers.iter().flat_map(|c| &c.items);
    assert!(items.clone().any(|i| i.paid_on.is_some()));
    assert!(items.clone().any(|i| i.open > Decimal::ZERO));
    assert!(t.journals().iter().any(|j| j.code == "AN" && j.opening));
}

/// `cargo test --release --test fec -- --ignored --nocapture timing`
#[test]
#[ignore]
fn timing_100k_lines() {
    let started = std::time::Instant::now();
    let text = generate_fec(100_000, 500, 1);
    let generated = started.elapsed();
    let started = std::time::Instant::now();
    let reader = encours::domain::receivables::fec::FecReader::new(text.as_bytes()).unwrap();
    let opened = started.elapsed();
    let t = reader.finish().unwrap();
    let read = started.elapsed();
    let s = t.summarise(&FecOptions::default()).unwrap();
    let total = started.elapsed();
    println!(
        "generate {generated:?}, new {opened:?}, read_fec {read:?}, read_fec + summarise {total:?}, {} bytes, {} customers",
        text.len(),
        s.customers.len()
    );
}
