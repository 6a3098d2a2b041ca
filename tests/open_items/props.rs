//! Properties: no panic on any bytes; on generated well-formed files, Σ open per customer is
//! the sum of the generated open amounts.

use super::*;

fn mapping_strategy() -> impl Strategy<Value = ColumnMapping> {
    proptest::collection::vec(proptest::option::of(0usize..8), 11).prop_map(|cols| {
        let mut m = ColumnMapping::default();
        for (f, c) in Field::ALL.into_iter().zip(cols) {
            m.set(f, c);
        }
        m
    })
}

/// Bytes drawn mostly from what CSVs hold, so that quotes, separators and line ends meet.
fn csvish_bytes() -> impl Strategy<Value = Vec<u8>> {
    let alphabet: Vec<u8> = b";,\t\"\r\n 0123456789/.-,aZ\xE9\x80".to_vec();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..400)
}

proptest! {
    #[test]
    fn no_panic_on_arbitrary_bytes(
        bytes in prop_oneof![proptest::collection::vec(any::<u8>(), 0..600), csvish_bytes()],
        mapping in mapping_strategy(),
    ) {
        let _ = preview(&bytes);
        let _ = read_open_items(&bytes, &mapping, as_of(), CsvMode::Stock);
        if let Ok(p) = preview(&bytes) {
            let _ = read_open_items(&bytes, &p.mapping, as_of(), CsvMode::Delta);
        }
    }

    #[test]
    fn open_sums_per_customer_match_the_generated_amounts(
        rows in proptest::collection::vec(
            (0usize..4, -5_000_000i64..5_000_000, proptest::option::of(-5_000_000i64..5_000_000), 1u32..28, 0u32..14, any::<bool>(), 0usize..3),
            1..40,
        ),
        separator in proptest::sample::select(vec![';', ',', '\t']),
    ) {
        let codes = ["C0", "C1;x", "C\"2\"", "C,3"];
        let mut csv = ["Code client", "Nom", "Pièce", "Date pièce", "Montant", "Solde"]
            .join(&separator.to_string());
        csv.push_str("\r\n");
        let mut expected = [0i64; 4];
        for (i, (code, amount, open, day, month_back, french, form)) in rows.iter().enumerate() {
            // Months back from March 2025, so every date is on or before as_of.
            let months = 2025 * 12 + 2 - i64::from(*month_back);
            let (y, m) = (months / 12, months % 12 + 1);
            let date_text = match form {
                0 => format!("{day:02}/{m:02}/{y}"),
                1 => format!("{y}-{m:02}-{day:02}"),
                _ => format!("{day:02}.{m:02}.{y}"),
            };
            let open_text = open.map(|o| money(o, *french)).unwrap_or_default();
            let cells = [
                codes[*code].to_string(),
                format!("Name {i}, \"{code}\""),
                format!("R{i}"),
                date_text,
                money(*amount, *french),
                open_text,
            ];
            let line: Vec<String> = cells.iter().map(|c| quote(c, separator)).collect();
            csv.push_str(&line.join(&separator.to_string()));
            csv.push_str("\r\n");
            expected[*code] += open.unwrap_or(*amount);
        }
        match read(csv.as_bytes()) {
            Ok(source) => {
                for (k, code) in codes.iter().enumerate() {
                    let got: Decimal = source
                        .customers
                        .iter()
                        .filter(|c| c.code == *code)
                        .flat_map(|c| c.items.iter().map(|i| i.open))
                        .sum();
                    prop_assert_eq!(got, Decimal::new(expected[k], 2), "customer {}", code);
                }
            }
            // Only a file whose every line is zero has nothing to import.
            Err(e) => prop_assert!(
                e.kind == ReadErrorKind::NothingToImport
                    && rows.iter().all(|r| r.1 == 0 && r.2.unwrap_or(0) == 0),
                "{}", e.message(Lang::En)
            ),
        }
    }
}

/// Cents written as a user types them: `-12 345,67` (French) or `-12,345.67` (English).
fn money(cents: i64, french: bool) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let digits = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(if french { ' ' } else { ',' });
        }
        grouped.push(ch);
    }
    let decimal = if french { ',' } else { '.' };
    format!("{sign}{grouped}{decimal}{:02}", abs % 100)
}

/// A cell as RFC 4180 writes it: quoted when it holds the separator, a quote or a line end.
fn quote(cell: &str, separator: char) -> String {
    if cell.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}
