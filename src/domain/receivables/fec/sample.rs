//! A generated FEC for benchmarks and end-to-end fixtures: deterministic, TAB separated, with
//! the 18 standard columns, an à-nouveaux entry, invoices on 706/44571, payments on 512 lettered
//! with their invoices (some partial, some invoices left unpaid).

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, Days, NaiveDate};

/// splitmix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

const HEADER: &str = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\t\
CompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t\
ValidDate\tMontantdevise\tIdevise";

fn ymd(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn cents(c: u64) -> String {
    format!("{},{:02}", c / 100, c % 100)
}

/// A lettrage code: A, B, …, Z, AA, AB, …
fn letters(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            break;
        }
        n -= 1;
    }
    out.iter().rev().collect()
}

/// One line of an entry.
struct Line<'a> {
    account: &'a str,
    account_label: &'a str,
    customer: Option<usize>,
    debit: u64,
    credit: u64,
    lettrage: &'a str,
}

struct Writer {
    out: String,
    lines: usize,
}

impl Writer {
    #[allow(clippy::too_many_arguments)]
    fn entry(
        &mut self,
        journal: (&str, &str),
        num: u64,
        date: NaiveDate,
        piece: &str,
        label: &str,
        lines: &[Line],
    ) {
        let d = ymd(date);
        for l in lines {
            let (aux, aux_label) = match l.customer {
                Some(c) => (format!("C{c:05}"), format!("Client {c:05} SARL")),
                None => (String::new(), String::new()),
            };
            let amount = |c: u64| if c == 0 { "0,00".to_string() } else { cents(c) };
            let date_let = if l.lettrage.is_empty() {
                ""
            } else {
                d.as_str()
            };
            let _ = writeln!(
                self.out,
                "{}\t{}\t{num}\t{d}\t{}\t{}\t{aux}\t{aux_label}\t{piece}\t{d}\t{label}\t{}\t{}\t{}\t{date_let}\t{d}\t\tEUR",
                journal.0,
                journal.1,
                l.account,
                l.account_label,
                amount(l.debit),
                amount(l.credit),
                l.lettrage,
            );
            self.lines += 1;
        }
    }
}

/// A FEC of at least `lines` data lines (at most 2 more: entries are whole) over `customers`
/// customers, the same for the same arguments. About 5 lines per invoice: 3 for the invoice,
/// 2 per payment; 70 % of invoices paid in full 20 to 80 days later (lettered), 15 % paid in
/// part (a partial group), 15 % left open.
pub fn generate_fec(lines: usize, customers: usize, seed: u64) -> String {
    let customers = customers.max(1);
    let mut rng = Rng(seed);
    let mut w = Writer {
        out: String::with_capacity(lines * 130 + 256),
        lines: 0,
    };
    w.out.push_str(HEADER);
    w.out.push('\n');
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut lettrage = 0u64;
    // Opening balances of the first customers, paid in January.
    let mut payments: BTreeMap<(NaiveDate, u64), (usize, u64, String, String)> = BTreeMap::new();
    let mut seq = 0u64;
    let openers = customers.min(lines / 8);
    for c in 0..openers {
        let amount = rng.range(10_000, 500_000);
        let code = letters(lettrage);
        lettrage += 1;
        let line = [
            Line {
                account: "411000",
                account_label: "Clients",
                customer: Some(c),
                debit: amount,
                credit: 0,
                lettrage: &code,
            },
            Line {
                account: "110000",
                account_label: "Report à nouveau",
                customer: None,
                debit: 0,
                credit: amount,
                lettrage: "",
            },
        ];
        w.entry(
            ("AN", "A nouveaux"),
            c as u64 + 1,
            start,
            &format!("AN{c:05}"),
            "Solde d'ouverture",
            &line,
        );
        let on = start + Days::new(rng.range(5, 30));
        seq += 1;
        payments.insert((on, seq), (c, amount, code, format!("RGAN{c:05}")));
    }
    let per_day = (lines / 1_500).max(1) as u64;
    let (mut invoice_num, mut bank_num) = (0u64, 0u64);
    let mut day = start;
    while w.lines < lines {
        day = day.succ_opt().unwrap_or(day);
        // Payments due by this day first.
        while let Some(entry) = payments.first_entry() {
            if entry.key().0 > day || w.lines >= lines {
                break;
            }
            let ((on, _), (c, amount, code, piece)) = entry.remove_entry();
            bank_num += 1;
            let line = [
                Line {
                    account: "512000",
                    account_label: "Banque",
                    customer: None,
                    debit: amount,
                    credit: 0,
                    lettrage: "",
                },
                Line {
                    account: "411000",
                    account_label: "Clients",
                    customer: Some(c),
                    debit: 0,
                    credit: amount,
                    lettrage: &code,
                },
            ];
            w.entry(
                ("BQ", "Banque"),
                bank_num,
                on,
                &piece,
                "Règlement client",
                &line,
            );
        }
        for _ in 0..per_day {
            if w.lines >= lines {
                break;
            }
            invoice_num += 1;
            let c = rng.range(0, customers as u64 - 1) as usize;
            let ht = rng.range(5_000, 2_000_000);
            let tva = ht / 5;
            let ttc = ht + tva;
            let fate = rng.range(0, 99);
            let code = if fate < 85 {
                letters(lettrage)
            } else {
                String::new()
            };
            if fate < 85 {
                lettrage += 1;
                let paid = if fate < 70 { ttc } else { ttc / 2 };
                let on = day + Days::new(rng.range(20, 80));
                seq += 1;
                payments.insert(
                    (on, seq),
                    (c, paid, code.clone(), format!("RG{invoice_num:06}")),
                );
            }
            let piece = format!("F25-{invoice_num:06}");
            let line = [
                Line {
                    account: "411000",
                    account_label: "Clients",
                    customer: Some(c),
                    debit: ttc,
                    credit: 0,
                    lettrage: &code,
                },
                Line {
                    account: "706000",
                    account_label: "Prestations de services",
                    customer: None,
                    debit: 0,
                    credit: ht,
                    lettrage: "",
                },
                Line {
                    account: "445710",
                    account_label: "TVA collectée",
                    customer: None,
                    debit: 0,
                    credit: tva,
                    lettrage: "",
                },
            ];
            w.entry(
                ("VT", "Ventes"),
                invoice_num,
                day,
                &piece,
                &format!("Facture {piece}"),
                &line,
            );
        }
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let a = generate_fec(1_000, 20, 7);
        assert_eq!(a, generate_fec(1_000, 20, 7));
        assert_ne!(a, generate_fec(1_000, 20, 8));
        let data = a.lines().count() - 1;
        assert!((1_000..=1_002).contains(&data), "{data}");
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
    }
}
