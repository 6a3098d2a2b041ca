//! Writes a generated FEC to stdout, for the browser benchmark (`scripts/bench-fec.mjs`):
//! `cargo run --release --example fec_sample -- 100000 400 > fec.txt` (lines, customers).

use encours::domain::receivables::fec::sample::generate_fec;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().unwrap_or(0));
    let lines = args.next().filter(|n| *n > 0).unwrap_or(100_000);
    let customers = args.next().filter(|n| *n > 0).unwrap_or(400);
    print!("{}", generate_fec(lines, customers, 42));
}
