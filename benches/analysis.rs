//! Native benchmark (release): the full analysis of one three-year file, and the exchange format
//! and the portfolio's verdicts on a 1,000-file portfolio. Prints figures for the README; asserts nothing (machines are noisy).
//!
//! Run: `cargo bench --bench analysis`

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use encours::domain::analysis::{analyse, verdict};
use encours::domain::client::ClientFile;
use encours::domain::exchange::{read_document, write_document, Document};
use encours::domain::policy::Policy;
use encours::domain::receivables::fec::{read_fec, sample::generate_fec, FecOptions};

/// Median time per call over `batches` batches of `per_batch` calls.
fn measure(batches: usize, per_batch: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..per_batch {
        f();
    }
    let mut samples: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed() / per_batch as u32
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

/// Boulangerie Martin from the demo portfolio, with a third year before its two.
fn three_year_file() -> ClientFile {
    let doc = match read_document(include_str!("../samples/demo-portfolio.json")) {
        Ok(d) => d,
        Err(e) => panic!("demo portfolio refused: {e}"),
    };
    let mut file = match doc
        .clients
        .into_iter()
        .find(|c| c.id == "demo-boulangerie-martin")
    {
        Some(c) => c,
        None => panic!("demo file missing"),
    };
    let mut oldest = file.statements_by_date()[0].clone();
    let d = oldest.closing_date;
    oldest.closing_date = NaiveDate::from_ymd_opt(d.year() - 1, d.month(), d.day()).unwrap_or(d);
    file.statements.push(oldest);
    assert_eq!(file.statements.len(), 3);
    file
}

/// A fixed workload that does not change with the code: sorting 100,000 pseudo-random numbers.
/// Printed beside the figures, so that two runs on a machine whose speed moves from day to day
/// are compared by their ratios to it.
fn floor() -> Duration {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let data: Vec<u64> = (0..100_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect();
    measure(9, 1, || {
        let mut v = data.clone();
        v.sort_unstable();
        black_box(v);
    })
}

fn main() {
    let floor = floor();
    println!(
        "floor, sorting 100,000 numbers: {:.2} ms (median)",
        floor.as_secs_f64() * 1e3
    );
    let policy = Policy::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let file = three_year_file();

    let t = measure(51, 2_000, || {
        black_box(analyse(black_box(&file), black_box(&policy), today));
    });
    println!(
        "full analysis, one 3-year file: {:.2} µs (median)",
        t.as_secs_f64() * 1e6
    );

    let clients: Vec<ClientFile> = (0..1000)
        .map(|i| {
            let mut c = file.clone();
            c.id = format!("client-{i}");
            c
        })
        .collect();
    let doc = Document {
        exported_at: Some("2026-11-22T10:00:00Z".into()),
        policy: Some(policy.clone()),
        clients,
    };
    let json = write_document(&doc);
    let write = measure(9, 1, || {
        black_box(write_document(black_box(&doc)));
    });
    let read = measure(9, 1, || {
        let _ = black_box(read_document(black_box(&json)));
    });
    println!(
        "exchange format, 1,000 three-year files ({:.1} MB): write {:.1} ms, read {:.1} ms (median)",
        json.len() as f64 / 1e6,
        write.as_secs_f64() * 1e3,
        read.as_secs_f64() * 1e3
    );
    let all = measure(9, 1, || {
        for c in &doc.clients {
            black_box(analyse(c, &policy, today));
        }
    });
    println!(
        "analysis of the 1,000-file portfolio: {:.1} ms",
        all.as_secs_f64() * 1e3
    );
    // What the portfolio screen computes: the verdict alone, on the latest year.
    let verdicts = measure(9, 1, || {
        for c in &doc.clients {
            black_box(verdict(c, &policy, today));
        }
    });
    println!(
        "verdicts of the 1,000-file portfolio (latest year only, as the portfolio screen): {:.1} ms",
        verdicts.as_secs_f64() * 1e3
    );

    // A FEC of 100,000 lines over 400 customers: read, then summarised (kinds, lettrage, open
    // amounts, months) at its latest date.
    let fec = generate_fec(100_000, 400, 42);
    let read = measure(5, 1, || {
        let _ = black_box(read_fec(black_box(fec.as_bytes())));
    });
    let table = match read_fec(fec.as_bytes()) {
        Ok(t) => t,
        Err(e) => panic!("generated FEC refused: {e:?}"),
    };
    let summary = measure(5, 1, || {
        let _ = black_box(table.summarise(&FecOptions::default()));
    });
    println!(
        "FEC of 100,000 lines ({:.1} MB): read {:.0} ms, summarised {:.0} ms (median; {:.0}× and {:.0}× the floor)",
        fec.len() as f64 / 1e6,
        read.as_secs_f64() * 1e3,
        summary.as_secs_f64() * 1e3,
        read.as_secs_f64() / floor.as_secs_f64(),
        summary.as_secs_f64() / floor.as_secs_f64()
    );
}
