//! Dunning letters (docs/receivables.md §6–7, issue 15) on small ledgers built here; every
//! penalty is worked out by hand in the comments, with the default rate table of §6.

mod common;

#[path = "letters/edges.rs"]
mod edges;

use chrono::NaiveDate;
use common::{d, date};
use encours::domain::lang::Lang;
use encours::domain::receivables::dunning::Stage;
use encours::domain::receivables::ledger::{Item, ItemKind, Ledger};
use encours::domain::receivables::letters::{letter, letter_text, Letter, LetterKind};
use encours::domain::receivables::penalties::PenaltyRules;
use rust_decimal::Decimal;

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

fn invoice(reference: &str, issued: NaiveDate, due: NaiveDate, open: &str) -> Item {
    Item {
        reference: reference.to_string(),
        kind: ItemKind::Invoice,
        issued_on: issued,
        due_on: Some(due),
        amount: d(open),
        open: d(open),
        paid_on: None,
        disputed: false,
        actions: Vec::new(),
    }
}

fn refs(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The situation of 10/08/2025: F-100 (12 000 € due 31/05/2025, the worked example of §6),
/// F-101 (2 500 € due 15/07/2025), F-102 disputed (1 000 € due 30/06/2025), F-103 paid.
fn situation() -> Ledger {
    let mut l = Ledger::new(date(2025, 8, 10));
    let mut disputed = invoice("F-102", date(2025, 5, 31), date(2025, 6, 30), "1000.00");
    disputed.disputed = true;
    let mut paid = invoice("F-103", date(2025, 5, 1), date(2025, 5, 31), "900.00");
    paid.open = Decimal::ZERO;
    paid.paid_on = Some(date(2025, 8, 1));
    l.items = vec![
        invoice("F-101", date(2025, 6, 15), date(2025, 7, 15), "2500.00"),
        disputed,
        invoice("F-100", date(2025, 4, 1), date(2025, 5, 31), "12000.00"),
        paid,
    ];
    l
}

const ALL: [&str; 5] = ["F-100", "F-101", "F-102", "F-103", "F-999"];

/// The letter of `kind` on the situation, dated 14/08/2025, default rules, 7 days before stale.
fn dated_14_august(kind: LetterKind, lang: Lang) -> Letter {
    let rules = PenaltyRules::default();
    letter(
        &situation(),
        &refs(&ALL),
        kind,
        "  Dupont SA ",
        date(2025, 8, 14),
        &rules,
        7,
        lang,
    )
}

#[test]
fn a_reminder_lists_the_open_undisputed_invoices_with_penalties_to_its_date() {
    let l = dated_14_august(LetterKind::Reminder, Lang::Fr);
    // F-102 is disputed, F-103 paid (open 0), F-999 unknown: left out. By due date.
    let got: Vec<&str> = l.lines.iter().map(|x| x.reference.as_str()).collect();
    assert_eq!(got, ["F-100", "F-101"]);
    assert_eq!(l.recipient, "Dupont SA");
    assert_eq!(
        (l.date, l.as_of, l.stale, l.deadline),
        (date(2025, 8, 14), date(2025, 8, 10), false, None)
    );
    // F-100: 1–30 June = 30 days at 13.15 %: 12 000 × 0.1315 × 30 / 365 = 129.6986…; 1 July–14
    // August = 45 days at 12.15 %: 12 000 × 0.1215 × 45 / 365 = 179.7534…; Σ 309.4520… → 309.45.
    let f100 = &l.lines[0];
    assert_eq!(
        (f100.issued_on, f100.due_on, f100.days_late),
        (date(2025, 4, 1), date(2025, 5, 31), 75)
    );
    assert_eq!(
        (f100.open, f100.interest, f100.indemnity),
        (d("12000.00"), Some(d("309.45")), d("40"))
    );
    // F-101: 16 July–14 August = 30 days at 12.15 %: 2 500 × 0.1215 × 30 / 365 = 24.9657… → 24.97.
    let f101 = &l.lines[1];
    assert_eq!(
        (f101.days_late, f101.interest, f101.indemnity),
        (30, Some(d("24.97")), d("40"))
    );
    // Totals: 12 000 + 2 500 = 14 500; 309.45 + 24.97 = 334.42; 2 × 40 = 80; 14 914.42 due.
    let t = l.totals;
    assert_eq!(
        (t.open, t.interest, t.indemnity, t.total_due),
        (
            d("14500.00"),
            Some(d("334.42")),
            d("80"),
            Some(d("14914.42"))
        )
    );
    assert!(l.title.starts_with("Relance"));
    assert!(l
        .opening
        .starts_with("Madame, Monsieur,\n\nSauf erreur de notre part"));
    assert_eq!(l.body[0], "Les pénalités de retard et l'indemnité forfaitaire pour frais de recouvrement sont calculées au 14/08/2025 sur les montants restant dus au 10/08/2025.");
    assert!(l.body[1].contains(&format!("la somme de 14{NNBSP}500,00{NBSP}€")));
    assert!(l.body.iter().all(|p| !p.contains("huit jours")));
    assert_eq!(l.legal.len(), 2);
    assert!(l.closing.contains("salutations distinguées"));
}

#[test]
fn a_formal_notice_gives_eight_days_and_both_legal_mentions() {
    let l = dated_14_august(LetterKind::FormalNotice, Lang::Fr);
    // 14/08/2025 + 8 days = 22/08/2025.
    assert_eq!(l.deadline, Some(date(2025, 8, 22)));
    assert!(l.title.starts_with("Mise en demeure"));
    let body = l.body.join("\n");
    assert!(body.contains(&format!(
        "mettons en demeure de nous régler la somme de 14{NNBSP}914,42{NBSP}€"
    )));
    assert!(body.contains("sous huit jours"));
    assert!(body.contains("au plus tard le 22/08/2025"));
    assert!(body.contains("nous engagerons une procédure de recouvrement"));
    assert!(l.legal[0].starts_with("Article L441-10 du Code de commerce"));
    assert!(l.legal[0].contains("Banque centrale européenne"));
    assert!(l.legal[0].contains("majoré de 10 points"));
    assert!(l.legal[0].contains("sans qu'un rappel soit nécessaire"));
    assert!(l.legal[1].starts_with("Article D441-5 du Code de commerce"));
    assert!(l.legal[1].contains(&format!(
        "indemnité forfaitaire pour frais de recouvrement de 40{NBSP}€"
    )));
    assert!(l.legal[1].contains("sur justification"));
}

#[test]
fn stages_map_to_letter_kinds() {
    use LetterKind::{FormalNotice, Reminder};
    let kinds: Vec<LetterKind> = Stage::ALL.into_iter().map(LetterKind::from).collect();
    assert_eq!(
        kinds,
        [Reminder, Reminder, Reminder, FormalNotice, FormalNotice]
    );
}

#[test]
fn the_english_letter() {
    let l = dated_14_august(LetterKind::FormalNotice, Lang::En);
    assert_eq!(l.totals.total_due, Some(d("14914.42")));
    assert!(l.opening.starts_with("Dear Sir or Madam,"));
    let body = l.body.join("\n");
    assert!(body.contains("computed to 14 Aug 2025 on the amounts outstanding on 10 Aug 2025"));
    assert!(body.contains("formal notice to pay us the sum of €14,914.42"));
    assert!(body.contains("within eight days"));
    assert!(body.contains("by 22 Aug 2025 at the latest"));
    assert!(l.legal[0].starts_with("Article L441-10 of the French Commercial Code"));
    assert!(l.legal[0].contains("plus 10 percentage points"));
    assert!(l.legal[1].starts_with("Article D441-5"));
    assert!(l.legal[1].contains("flat indemnity for recovery costs of €40 per invoice"));
    assert_eq!(l.closing, "Yours faithfully,");
    let text = letter_text(&l, Lang::En);
    assert!(text.contains("- Invoice F-100 of 1 Apr 2025, due 31 May 2025, 75 days late: outstanding €12,000.00, late-payment interest €309.45, flat indemnity €40.00"));
    assert!(text.contains("Total due: €14,914.42"));
    assert!(!text.contains(NBSP), "no French spacing in English");
}

#[test]
fn stale_after_more_than_the_policy_days() {
    let rules = PenaltyRules::default();
    let at = |day: u32| {
        letter(
            &situation(),
            &refs(&ALL),
            LetterKind::Reminder,
            "X",
            date(2025, 8, day),
            &rules,
            7,
            Lang::Fr,
        )
    };
    // 17/08 is 7 days after 10/08: not more than 7, not stale; 18/08 is 8: stale.
    assert!(!at(17).stale);
    assert!(at(17).body.iter().all(|p| !p.contains("situation au")));
    let stale = at(18);
    assert!(stale.stale);
    assert_eq!(stale.body.last().map(String::as_str), Some("Attention : situation au 10/08/2025 — importez une situation plus récente avant d'envoyer ce courrier."));
    let en = letter(
        &situation(),
        &refs(&ALL),
        LetterKind::FormalNotice,
        "X",
        date(2025, 9, 1),
        &rules,
        7,
        Lang::En,
    );
    assert!(en.stale);
    assert!(letter_text(&en, Lang::En).contains(
        "Warning: situation at 10 Aug 2025 — import a newer situation before sending this letter."
    ));
}

#[test]
fn the_text_holds_every_reference_amount_and_mention() {
    let l = dated_14_august(LetterKind::FormalNotice, Lang::Fr);
    let text = letter_text(&l, Lang::Fr);
    assert!(text.starts_with("Dupont SA\nLe 14/08/2025\n\nObjet : Mise en demeure"));
    assert!(text.contains(&format!("- Facture F-100 du 01/04/2025, échéance 31/05/2025, 75 jours de retard : reste dû 12{NNBSP}000,00{NBSP}€, pénalités de retard 309,45{NBSP}€, indemnité forfaitaire 40,00{NBSP}€")));
    assert!(text.contains(&format!("- Facture F-101 du 15/06/2025, échéance 15/07/2025, 30 jours de retard : reste dû 2{NNBSP}500,00{NBSP}€, pénalités de retard 24,97{NBSP}€")));
    assert_eq!(text.matches("- Facture ").count(), 2);
    assert!(!text.contains("F-102") && !text.contains("F-103") && !text.contains("F-999"));
    for total in [
        format!("Total restant dû : 14{NNBSP}500,00{NBSP}€"),
        format!("Total des pénalités de retard : 334,42{NBSP}€"),
        format!("Total des indemnités forfaitaires : 80,00{NBSP}€"),
        format!("Total dû : 14{NNBSP}914,42{NBSP}€"),
    ] {
        assert!(text.contains(&total), "{total}");
    }
    for part in l
        .legal
        .iter()
        .chain(&l.body)
        .chain([&l.title, &l.opening, &l.closing])
    {
        assert!(text.contains(part.as_str()), "{part}");
    }
    assert!(text.contains("L441-10") && text.contains("D441-5"));
}

#[test]
fn an_absent_rate_is_said_and_leaves_the_total_due_absent() {
    // An empty table without a contractual rate: no day has a rate.
    let rules = PenaltyRules {
        rates: Vec::new(),
        ..PenaltyRules::default()
    };
    let l = letter(
        &situation(),
        &refs(&ALL),
        LetterKind::FormalNotice,
        "X",
        date(2025, 8, 14),
        &rules,
        7,
        Lang::Fr,
    );
    assert!(l
        .lines
        .iter()
        .all(|x| x.interest.is_none() && x.indemnity == d("40")));
    assert_eq!(
        (l.totals.interest, l.totals.total_due, l.totals.indemnity),
        (None, None, d("80"))
    );
    let text = letter_text(&l, Lang::Fr);
    assert!(text.contains("pénalités de retard taux non renseigné"));
    assert!(text.contains("Total dû : non calculé (taux non renseigné)"));
    assert!(text.contains(&format!("la somme de 14{NNBSP}500,00{NBSP}€ en principal, majorée des pénalités de retard et de l'indemnité forfaitaire pour frais de recouvrement de 80,00{NBSP}€")));
    let en = letter(
        &situation(),
        &refs(&ALL),
        LetterKind::Reminder,
        "X",
        date(2025, 8, 14),
        &rules,
        7,
        Lang::En,
    );
    let text = letter_text(&en, Lang::En);
    assert!(text.contains("late-payment interest rate not set"));
    assert!(text.contains("Total due: not computed (rate not set)"));
}
