//! What-if on the trade terms: the limit moves as FINANCE.md §6 says, the saved file does not.
//!
//! Menuiserie Leroy at 2026-11-22, default policy (tests/engine_demo.rs): class B, tangible net
//! worth 294 500, revenue 2 530 000, so capacity = min(15 % × 294 500 = 44 175,
//! 4 % × 2 530 000 = 101 200) = 44 175; insurance 15 000, guarantees 0; terms 45 days end of
//! month = 60 days; new client, no expected delay → 0; requested limit 40 000. Need =
//! 180 000 × 1.2 × 60 / 365 = 35 506.85 ≤ 44 175 + 15 000 → limit 35 500, the need binds.

mod common;

use common::{d, demo_client, r2, run, today};
use encours::domain::client::TermsBasis;
use encours::domain::limit::{Binding, NeedSource};
use encours::domain::policy::Policy;
use encours::domain::what_if::{what_if, TradeOverrides};

const LEROY: &str = "demo-menuiserie-leroy";
const TRANSLOG: &str = "demo-translog-express";

/// The limit of a demo file with overrides: (need, secured, recommended, binding).
fn tried(id: &str, o: TradeOverrides) -> (String, String, String, Binding) {
    let file = demo_client(id);
    let a = run(&o.apply(&file));
    let l = a.limit;
    (
        r2(l.need),
        r2(Some(l.secured)),
        r2(Some(l.recommended)),
        l.binding,
    )
}

#[test]
fn nothing_overridden_is_the_file() {
    let file = demo_client(LEROY);
    let o = TradeOverrides::default();
    assert!(o.is_empty());
    assert_eq!(o.apply(&file), file);
    let w = what_if(&file, &o, &Policy::default(), today());
    assert_eq!(w.base, w.tried);
    assert_eq!(r2(Some(w.base.limit.recommended)), "35500.00");
    assert_eq!(w.delta.recommended, d("0"));
}

#[test]
fn applying_copies_the_file_never_changes_it() {
    let file = demo_client(LEROY);
    let o = TradeOverrides {
        expected_annual_sales: Some(Some(d("200000"))),
        ..TradeOverrides::default()
    };
    let changed = o.apply(&file);
    assert_eq!(file, demo_client(LEROY));
    assert_eq!(changed.trade.expected_annual_sales, Some(d("200000")));
    // Everything else is the file's.
    assert_eq!(changed.trade.terms_days, Some(45));
    assert_eq!(changed.trade.terms_basis, TermsBasis::EndOfMonth);
    assert_eq!(changed.trade.insurance_cover, Some(d("15000")));
    assert_eq!(changed.statements, file.statements);
    assert!(o.changes(&file.trade));
    // Overriding with the file's own value changes nothing.
    let same = TradeOverrides {
        terms_days: Some(Some(45)),
        ..TradeOverrides::default()
    };
    assert!(!same.changes(&file.trade));
}

#[test]
fn sales_move_the_need_and_the_limit() {
    // 200 000 × 1.2 × 60 / 365 = 14 400 000 / 365 = 39 452.05 → 39 000.
    let o = TradeOverrides {
        expected_annual_sales: Some(Some(d("200000"))),
        ..TradeOverrides::default()
    };
    assert_eq!(
        tried(LEROY, o),
        (
            "39452.05".into(),
            "15000.00".into(),
            "39000.00".into(),
            Binding::Need
        )
    );
    let w = what_if(&demo_client(LEROY), &o, &Policy::default(), today());
    assert_eq!(w.delta.recommended, d("3500")); // 39 000 − 35 500
    assert_eq!(r2(w.delta.need), "3945.21"); // 39 452.054 − 35 506.849 = 3 945.205
    assert_eq!(w.delta.capacity, d("0")); // the grid does not read trade terms
    assert_eq!(w.delta.terms_days, 0);

    // 300 000 × 1.2 × 60 / 365 = 59 178.08, above the requested 40 000: the need is 40 000.
    let o = TradeOverrides {
        expected_annual_sales: Some(Some(d("300000"))),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).0, "40000.00");
    assert_eq!(tried(LEROY, o).2, "40000.00");
    let a = run(&o.apply(&demo_client(LEROY)));
    assert_eq!(a.limit.need_source, Some(NeedSource::Requested));

    // Sales cleared (not zero): the need is the requested limit alone, 40 000.
    let o = TradeOverrides {
        expected_annual_sales: Some(None),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).2, "40000.00");
    // Sales of zero: a need of 0 → a limit of 0.
    let o = TradeOverrides {
        expected_annual_sales: Some(Some(d("0"))),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).2, "0.00");
}

#[test]
fn terms_days_and_basis_move_the_need() {
    // 45 days net: 216 000 × 45 / 365 = 9 720 000 / 365 = 26 630.14 → 26 500.
    let o = TradeOverrides {
        terms_basis: Some(TermsBasis::Net),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).0, "26630.14");
    assert_eq!(tried(LEROY, o).2, "26500.00");
    // 30 days net: 216 000 × 30 / 365 = 6 480 000 / 365 = 17 753.42 → 17 500.
    let o = TradeOverrides {
        terms_days: Some(Some(30)),
        terms_basis: Some(TermsBasis::Net),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).0, "17753.42");
    assert_eq!(tried(LEROY, o).2, "17500.00");
    // Terms cleared: the legal default, 30 days net, whatever the basis.
    let o = TradeOverrides {
        terms_days: Some(None),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).0, "17753.42");
}

#[test]
fn expected_delay_moves_the_need() {
    // 5 days: 216 000 × (60 + 5) / 365 = 14 040 000 / 365 = 38 465.75 → 38 000.
    let o = TradeOverrides {
        expected_delay_days: Some(Some(5)),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).0, "38465.75");
    assert_eq!(tried(LEROY, o).2, "38000.00");
    // 15 days: 216 000 × 75 / 365 = 44 383.56, above the requested 40 000 → 40 000.
    let o = TradeOverrides {
        expected_delay_days: Some(Some(15)),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).2, "40000.00");
}

#[test]
fn insurance_and_guarantees_move_the_secured_part() {
    // Leroy's need binds: more or less security changes the secured part, not the limit.
    // Insurance cleared: secured 0, capacity 44 175 still covers 35 506.85 → 35 500.
    let o = TradeOverrides {
        insurance_cover: Some(None),
        ..TradeOverrides::default()
    };
    assert_eq!(
        tried(LEROY, o),
        (
            "35506.85".into(),
            "0.00".into(),
            "35500.00".into(),
            Binding::Need
        )
    );
    let a = run(&o.apply(&demo_client(LEROY)));
    // Unsecured: 35 500 − 0.
    assert_eq!(r2(Some(a.limit.unsecured)), "35500.00");
    // Guarantees 10 000: secured 15 000 + 10 000 = 25 000, unsecured 35 500 − 25 000 = 10 500.
    let o = TradeOverrides {
        guarantees: Some(Some(d("10000"))),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(LEROY, o).1, "25000.00");
    assert_eq!(tried(LEROY, o).2, "35500.00");
    let a = run(&o.apply(&demo_client(LEROY)));
    assert_eq!(r2(Some(a.limit.unsecured)), "10500.00");
}

#[test]
fn sales_terms_and_guarantee_together() {
    // The end-to-end scenario (tests/e2e/what-if.spec.ts): sales 200 000, 30 days net,
    // guarantees 10 000. Need = 240 000 × 30 / 365 = 7 200 000 / 365 = 19 726.03 → 19 500;
    // secured 15 000 + 10 000 = 25 000; the need binds.
    let o = TradeOverrides {
        expected_annual_sales: Some(Some(d("200000"))),
        terms_days: Some(Some(30)),
        terms_basis: Some(TermsBasis::Net),
        guarantees: Some(Some(d("10000"))),
        ..TradeOverrides::default()
    };
    assert_eq!(
        tried(LEROY, o),
        (
            "19726.03".into(),
            "25000.00".into(),
            "19500.00".into(),
            Binding::Need
        )
    );
    let w = what_if(&demo_client(LEROY), &o, &Policy::default(), today());
    assert_eq!(w.delta.recommended, d("-16000")); // 19 500 − 35 500
    assert_eq!(w.delta.secured, d("10000"));
    // Recommended terms are the class's (B: 45 days), whatever is tried.
    assert_eq!(w.tried.limit.terms.max_days, 45);
}

#[test]
fn guarantees_close_the_gap_when_capacity_binds() {
    // TransLog Express (D): need = 420 000 × 1.2 × (30 + 18 days late) / 365 = 66 279.45;
    // capacity 5 % × 495 000 = 24 750; + insurance 30 000 = 54 750 → 54 500, tnw binds.
    assert_eq!(
        tried(TRANSLOG, TradeOverrides::default()),
        (
            "66279.45".into(),
            "30000.00".into(),
            "54500.00".into(),
            Binding::Tnw
        )
    );
    // Guarantees 10 000: 24 750 + 40 000 = 64 750 → 64 500, still short: tnw binds, and the
    // extra guarantee that would close the gap is 66 279.45 − 64 750 = 1 529.45.
    let o = TradeOverrides {
        guarantees: Some(Some(d("10000"))),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(TRANSLOG, o).2, "64500.00");
    assert_eq!(tried(TRANSLOG, o).3, Binding::Tnw);
    let a = run(&o.apply(&demo_client(TRANSLOG)));
    assert_eq!(r2(a.limit.gap.map(|g| g.extra_guarantee)), "1529.45");
    // Guarantees 12 000: 24 750 + 42 000 = 66 750 ≥ 66 279.45 → 66 000, the need binds.
    let o = TradeOverrides {
        guarantees: Some(Some(d("12000"))),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(TRANSLOG, o).2, "66000.00");
    assert_eq!(tried(TRANSLOG, o).3, Binding::Need);
    // Insurance cleared: 24 750 → 24 500, tnw binds.
    let o = TradeOverrides {
        insurance_cover: Some(None),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(TRANSLOG, o).2, "24500.00");
    // No delay expected (0, overriding the 18 days late): 504 000 × 30 / 365 = 41 424.66
    // ≤ 54 750 → 41 000, the need binds.
    let o = TradeOverrides {
        expected_delay_days: Some(Some(0)),
        ..TradeOverrides::default()
    };
    assert_eq!(tried(TRANSLOG, o).0, "41424.66");
    assert_eq!(tried(TRANSLOG, o).2, "41000.00");
    assert_eq!(tried(TRANSLOG, o).3, Binding::Need);
}
