//! Exposure and count by class of the demo portfolio, through the engine (analysis date
//! 2026-11-22, default policy), against sums made by hand from the verdicts of engine_demo.rs.

mod common;

use common::{demo, r2, run};
use encours::domain::grid::RiskClass;
use encours::domain::portfolio::{exposure_by_class, ClassTotal};

fn totals() -> Vec<ClassTotal> {
    let ratings: Vec<(RiskClass, rust_decimal::Decimal)> = demo()
        .iter()
        .map(|f| {
            let a = run(f);
            (a.grid.class, a.limit.recommended)
        })
        .collect();
    exposure_by_class(&ratings)
}

fn of(t: &[ClassTotal], class: RiskClass) -> (usize, String) {
    match t.iter().find(|c| c.class == class) {
        Some(c) => (c.count, r2(Some(c.exposure))),
        None => panic!("no total for class {}", class.key()),
    }
}

#[test]
fn demo_portfolio_by_class() {
    let t = totals();
    // A: Boulangerie Martin 3 500 + Négoce Durand 236 500 = 240 000, two files.
    assert_eq!(of(&t, RiskClass::A), (2, "240000.00".to_string()));
    // B: Menuiserie Leroy 35 500, one file.
    assert_eq!(of(&t, RiskClass::B), (1, "35500.00".to_string()));
    // C: none.
    assert_eq!(of(&t, RiskClass::C), (0, "0.00".to_string()));
    // D: TransLog Express 54 500 + Atelier Numérique 0 = 54 500, two files.
    assert_eq!(of(&t, RiskClass::D), (2, "54500.00".to_string()));
    // E: BTP Rénov 33 at 0, one file.
    assert_eq!(of(&t, RiskClass::E), (1, "0.00".to_string()));
    // NR: none.
    assert_eq!(of(&t, RiskClass::NotRated), (0, "0.00".to_string()));
}

#[test]
fn every_file_is_counted_once() {
    let t = totals();
    // 2 + 1 + 0 + 2 + 1 + 0 = 6 files; 240 000 + 35 500 + 54 500 = 330 000.
    assert_eq!(t.iter().map(|c| c.count).sum::<usize>(), demo().len());
    let total: rust_decimal::Decimal = t.iter().map(|c| c.exposure).sum();
    assert_eq!(r2(Some(total)), "330000.00");
}
