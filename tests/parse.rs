//! What users type: amounts, whole numbers and SIREN numbers.

use encours::domain::lang::Lang;
use encours::domain::parse::{
    parse_amount, parse_count, parse_decimal, validate_siren, AmountError, CountError, SirenError,
    MAX_AMOUNT, MAX_DECIMALS,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    match s.parse() {
        Ok(v) => v,
        Err(e) => panic!("bad test decimal {s}: {e}"),
    }
}

/// Parses and checks the exact decimal, scale included ("21000.50" is not "21000.5").
fn parses_to(input: &str, expected: &str) {
    match parse_amount(input) {
        Ok(Some(v)) => {
            assert_eq!(v.to_string(), expected, "input {input:?}");
            assert_eq!(v, d(expected), "input {input:?}");
        }
        other => panic!("input {input:?}: expected {expected}, got {other:?}"),
    }
}

fn refused(input: &str, expected: AmountError) {
    assert_eq!(parse_amount(input), Err(expected), "input {input:?}");
}

// ----------------------------------------------------------------------------------------------
// Amounts
// ----------------------------------------------------------------------------------------------

#[test]
fn empty_or_blank_is_absent_not_zero() {
    for blank in ["", " ", "   ", "\t", "\u{a0}", "\u{202f}\u{a0} "] {
        assert_eq!(parse_amount(blank), Ok(None), "{blank:?}");
    }
}

#[test]
fn french_forms() {
    parses_to("1 234 567,89", "1234567.89");
    parses_to("1\u{a0}234\u{a0}567,89", "1234567.89");
    parses_to("1\u{202f}234\u{202f}567,89", "1234567.89");
    parses_to("1\u{a0}234 567\u{202f}890,5", "1234567890.5");
    parses_to("-12 000", "-12000");
    parses_to("\u{2212}12 000", "-12000");
    parses_to("\u{2212} 12 000", "-12000");
    parses_to("0,5", "0.5");
    parses_to(",5", "0.5");
    parses_to("12,", "12");
    parses_to("21 000,50", "21000.50");
    parses_to("1 234,567891", "1234.567891");
}

#[test]
fn english_forms() {
    parses_to("1234567.89", "1234567.89");
    parses_to("1,234,567.89", "1234567.89");
    parses_to("1,234.5", "1234.5");
    parses_to("1 234.5", "1234.5");
    parses_to("-0.25", "-0.25");
    parses_to("+5", "5");
    parses_to("+ 5", "5");
    parses_to("12.", "12");
}

#[test]
fn german_form_with_dots_for_thousands() {
    parses_to("1.234,56", "1234.56");
    parses_to("1.234.567,89", "1234567.89");
    parses_to("1.234.567", "1234567");
}

#[test]
fn single_comma_or_dot_is_the_decimal_separator() {
    // The documented rule: a lone separator is decimal, whatever the digits after it.
    parses_to("1,234", "1.234");
    parses_to("1.234", "1.234");
    parses_to("12,500", "12.500");
    // Two of the same, with nothing else, are thousands separators.
    parses_to("1,234,567", "1234567");
    parses_to("12,345,678", "12345678");
}

#[test]
fn euro_sign_before_or_after() {
    parses_to("12 000 €", "12000");
    parses_to("12 000€", "12000");
    parses_to("€ 12 000", "12000");
    parses_to("€12000", "12000");
    parses_to("-12 000 €", "-12000");
    parses_to("-€12", "-12");
    parses_to("€-12", "-12");
    parses_to("  1 234,5 €  ", "1234.5");
}

#[test]
fn leading_zeros_and_zero() {
    parses_to("007", "7");
    parses_to("0", "0");
    parses_to("0,00", "0.00");
    // No negative zero: "-0" is zero and prints as "0".
    parses_to("-0", "0");
}

#[test]
fn invalid_characters_and_arrangements() {
    for bad in [
        "12a",
        "abc",
        "--5",
        "-+5",
        "+-5",
        "1e5",
        "1E5",
        "-",
        "+",
        "€",
        "- €",
        "€€5",
        "€5€",
        ",",
        ".",
        "1,2,3.4.5",
        "1.2.3,4,5",
        "1,234.5,6",
        "1.234,5.6",
        "12-",
        "1_000",
        "1'000",
        "0x10",
        "١٢",
        "１２",
        "5%",
        "(5)",
        "12,5 6",
    ] {
        assert!(
            matches!(
                parse_amount(bad),
                Err(AmountError::Invalid | AmountError::Grouping)
            ),
            "{bad:?} gave {:?}",
            parse_amount(bad)
        );
    }
    refused("12a", AmountError::Invalid);
    refused("1,2,3.4.5", AmountError::Invalid);
    refused("--5", AmountError::Invalid);
    refused("1e5", AmountError::Invalid);
    refused("-", AmountError::Invalid);
}

#[test]
fn thousands_groups_of_three() {
    refused("1 2", AmountError::Grouping);
    refused("12 00", AmountError::Grouping);
    refused("1234 567", AmountError::Grouping);
    refused("1  234", AmountError::Grouping);
    refused("1,2,3", AmountError::Grouping);
    refused("1.23.456", AmountError::Grouping);
    refused("1,2345.6", AmountError::Grouping);
    // A space and a comma cannot both separate thousands.
    refused("1 234,567.8", AmountError::Grouping);
    // Groups stop at the decimal separator: a space inside the decimals is not grouping.
    refused("1,234 5", AmountError::Invalid);
}

#[test]
fn magnitude_bound() {
    parses_to("1 000 000 000 000 000", "1000000000000000");
    parses_to("-1 000 000 000 000 000", "-1000000000000000");
    parses_to("999 999 999 999 999,999999", "999999999999999.999999");
    refused("1 000 000 000 000 000,000001", AmountError::TooLarge);
    refused("1 000 000 000 000 001", AmountError::TooLarge);
    refused("-1000000000000001", AmountError::TooLarge);
    refused(
        "99999999999999999999999999999999999999",
        AmountError::TooLarge,
    );
    refused(&"9".repeat(10_000), AmountError::TooLarge);
    // Leading zeros do not count.
    parses_to(&format!("{}1", "0".repeat(100)), "1");
}

#[test]
fn at_most_six_decimals() {
    parses_to("0,123456", "0.123456");
    refused("0,1234567", AmountError::TooPrecise);
    refused("1.0000001", AmountError::TooPrecise);
    // Trailing zeros past the sixth decimal carry no information and are dropped.
    parses_to("1,50000000", "1.500000");
    assert_eq!(MAX_DECIMALS, 6);
}

#[test]
fn amount_messages_speak_both_languages() {
    for e in [
        AmountError::Invalid,
        AmountError::Grouping,
        AmountError::TooLarge,
        AmountError::TooPrecise,
    ] {
        let (fr, en) = (e.message(Lang::Fr), e.message(Lang::En));
        assert!(!fr.is_empty() && !en.is_empty());
        assert_ne!(fr, en, "{e:?}");
        assert_eq!(e.to_string(), en);
    }
    assert!(AmountError::Invalid
        .message(Lang::Fr)
        .contains("1 234 567,89"));
    assert!(AmountError::TooPrecise.message(Lang::Fr).contains('6'));
}

#[test]
fn machine_form() {
    assert_eq!(parse_decimal("-1234.5"), Ok(d("-1234.5")));
    assert_eq!(
        parse_decimal("21000.50").map(|v| v.to_string()),
        Ok("21000.50".to_string())
    );
    assert_eq!(parse_decimal("0"), Ok(Decimal::ZERO));
    assert_eq!(parse_decimal("1000000000000000"), Ok(MAX_AMOUNT));
    assert_eq!(parse_decimal("-1000000000000000"), Ok(-MAX_AMOUNT));
    assert_eq!(
        parse_decimal("1000000000000000.000001"),
        Err(AmountError::TooLarge)
    );
    assert_eq!(
        parse_decimal("100000000000000000000000000000000"),
        Err(AmountError::TooLarge)
    );
    // JSON exponents.
    assert_eq!(parse_decimal("1.5e3"), Ok(d("1500")));
    assert_eq!(parse_decimal("1.5E+3"), Ok(d("1500")));
    assert_eq!(parse_decimal("125e-2"), Ok(d("1.25")));
    assert_eq!(parse_decimal("0.00125e3"), Ok(d("1.25")));
    assert_eq!(parse_decimal("1e15"), Ok(MAX_AMOUNT));
    assert_eq!(parse_decimal("1e-6"), Ok(d("0.000001")));
    assert_eq!(parse_decimal("0e999999999999"), Ok(Decimal::ZERO));
    assert_eq!(parse_decimal("1e16"), Err(AmountError::TooLarge));
    assert_eq!(parse_decimal("1e21"), Err(AmountError::TooLarge));
    assert_eq!(parse_decimal("1e40"), Err(AmountError::TooLarge));
    assert_eq!(parse_decimal("-1e40"), Err(AmountError::TooLarge));
    assert_eq!(
        parse_decimal("1e99999999999999999999"),
        Err(AmountError::TooLarge)
    );
    assert_eq!(parse_decimal("1e-7"), Err(AmountError::TooPrecise));
    assert_eq!(
        parse_decimal("1e-99999999999999999999"),
        Err(AmountError::TooPrecise)
    );
    for bad in [
        "", "-", "+1", " 1", "1 ", "1 000", "1,5", ".5", "1.", "1e", "1e+", "e5", "--1", "1.2.3",
        "NaN", "inf", "0x1",
    ] {
        assert_eq!(parse_decimal(bad), Err(AmountError::Invalid), "{bad:?}");
    }
}

// ----------------------------------------------------------------------------------------------
// Whole numbers
// ----------------------------------------------------------------------------------------------

#[test]
fn counts() {
    assert_eq!(parse_count(""), Ok(None));
    assert_eq!(parse_count("  "), Ok(None));
    assert_eq!(parse_count("0"), Ok(Some(0)));
    assert_eq!(parse_count("45"), Ok(Some(45)));
    assert_eq!(parse_count(" 45 "), Ok(Some(45)));
    assert_eq!(parse_count("1 200"), Ok(Some(1200)));
    assert_eq!(parse_count("1\u{a0}200"), Ok(Some(1200)));
    assert_eq!(parse_count("1\u{202f}200"), Ok(Some(1200)));
    assert_eq!(parse_count("4 294 967 295"), Ok(Some(u32::MAX)));
    assert_eq!(parse_count("4294967296"), Err(CountError::TooLarge));
    assert_eq!(parse_count(&"9".repeat(1000)), Err(CountError::TooLarge));
    assert_eq!(parse_count("-1"), Err(CountError::Negative));
    assert_eq!(parse_count("\u{2212}1"), Err(CountError::Negative));
    assert_eq!(parse_count("1,5"), Err(CountError::NotWhole));
    assert_eq!(parse_count("1.0"), Err(CountError::NotWhole));
    for bad in ["+1", "1a", "abc", "1 2", "12 00", "1e3", "€5", "--1x"] {
        assert!(
            matches!(
                parse_count(bad),
                Err(CountError::Invalid | CountError::Negative)
            ),
            "{bad:?} gave {:?}",
            parse_count(bad)
        );
    }
    for e in [
        CountError::Invalid,
        CountError::Negative,
        CountError::NotWhole,
        CountError::TooLarge,
    ] {
        assert_ne!(e.message(Lang::Fr), e.message(Lang::En));
    }
}

// ----------------------------------------------------------------------------------------------
// SIREN
// ----------------------------------------------------------------------------------------------

/// Luhn written out digit by digit, independent of the module's implementation.
fn luhn_by_hand(s: &str) -> bool {
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    let mut sum = 0;
    for (i, digit) in digits.iter().rev().enumerate() {
        let mut x = *digit;
        if i % 2 == 1 {
            x *= 2;
            if x >= 10 {
                x = x / 10 + x % 10;
            }
        }
        sum += x;
    }
    sum % 10 == 0
}

#[test]
fn siren_checks() {
    // The SPEC's example. From the right: 4, 5×2=10→1, 5, 0, 0, 1×2=2, 2, 5×2=10→1, 5: sum 20.
    assert_eq!(validate_siren("552100554"), Ok(()));
    assert_eq!(validate_siren("552 100 554"), Ok(()));
    assert_eq!(validate_siren(" 552\u{a0}100\u{202f}554 "), Ok(()));
    assert_eq!(validate_siren("552100555"), Err(SirenError::Checksum));
    // Swapping two adjacent different digits is caught.
    assert_eq!(validate_siren("525100554"), Err(SirenError::Checksum));
    assert_eq!(validate_siren(""), Err(SirenError::Length));
    assert_eq!(validate_siren("55210055"), Err(SirenError::Length));
    assert_eq!(validate_siren("5521005540"), Err(SirenError::Length));
    assert_eq!(validate_siren("55210055a"), Err(SirenError::NotDigits));
    assert_eq!(validate_siren("552-100-554"), Err(SirenError::NotDigits));
    assert_eq!(
        validate_siren("５５２１００５５４"),
        Err(SirenError::NotDigits)
    );
    for e in [
        SirenError::Length,
        SirenError::NotDigits,
        SirenError::Checksum,
    ] {
        assert_ne!(e.message(Lang::Fr), e.message(Lang::En));
    }
}

#[test]
fn demo_sirens() {
    // Hand check of the two that fail:
    // 813449874 → from the right 4, 7×2=14→5, 8, 9×2=18→9, 4, 4×2=8, 3, 1×2=2, 8: sum 51.
    // 510000000 → 0,0,0,0,0,0,0, 1×2=2, 5: sum 7.
    // 356000000 is round but passes: 6 + 5×2=10→1 + 3 = 10.
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../samples/demo-portfolio.json")).expect("sample");
    let clients = json["clients"].as_array().expect("clients");
    let mut failing = Vec::new();
    for c in clients {
        let siren = c["siren"].as_str().expect("siren");
        let ok = validate_siren(siren).is_ok();
        assert_eq!(ok, luhn_by_hand(siren), "{siren}");
        if !ok {
            assert_eq!(validate_siren(siren), Err(SirenError::Checksum));
            failing.push(siren.to_string());
        }
    }
    assert_eq!(failing, vec!["813449874", "510000000"]);
}

// ----------------------------------------------------------------------------------------------
// Properties
// ----------------------------------------------------------------------------------------------

/// Any amount the app accepts: |v| ≤ 10^15, 0–6 decimals; the bounds themselves often.
fn amount_strategy() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        1 => Just(MAX_AMOUNT),
        1 => Just(-MAX_AMOUNT),
        1 => Just(Decimal::ZERO),
        12 => (0u32..=6).prop_flat_map(|scale| {
            let bound = 10i128.pow(15 + scale);
            (-bound..=bound).prop_map(move |m| Decimal::from_i128_with_scale(m, scale))
        }),
        4 => (0u32..=6, -99_999i64..=99_999).prop_map(|(scale, m)| Decimal::new(m, scale)),
    ]
}

/// Integer and decimal digits of |v|.
fn digits_of(v: Decimal) -> (String, String) {
    let text = v.abs().to_string();
    match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (text, String::new()),
    }
}

/// Groups of three from the right, joined by the separators given in turn.
fn group(int: &str, seps: &[&str]) -> String {
    let chars: Vec<char> = int.chars().collect();
    let first = match chars.len() % 3 {
        0 => 3,
        n => n,
    };
    let mut out: String = chars[..first.min(chars.len())].iter().collect();
    for (k, chunk) in chars[first.min(chars.len())..].chunks(3).enumerate() {
        out.push_str(seps[k % seps.len()]);
        out.extend(chunk);
    }
    out
}

const SPACES: [&str; 3] = [" ", "\u{a0}", "\u{202f}"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_string_makes_a_parser_panic(s in any::<String>()) {
        let _ = parse_amount(&s);
        let _ = parse_count(&s);
        let _ = parse_decimal(&s);
        let _ = validate_siren(&s);
    }

    #[test]
    fn no_number_like_string_makes_a_parser_panic(
        s in "[-+\u{2212}€ \u{a0}\u{202f}0-9,.eE]{0,40}"
    ) {
        if let Ok(Some(v)) = parse_amount(&s) {
            prop_assert!(v.abs() <= MAX_AMOUNT);
            prop_assert!(v.scale() <= 6);
        }
        if let Ok(v) = parse_decimal(&s) {
            prop_assert!(v.abs() <= MAX_AMOUNT);
            prop_assert!(v.scale() <= 6);
        }
        let _ = parse_count(&s);
        let _ = validate_siren(&s);
    }

    #[test]
    fn french_style_round_trips(
        v in amount_strategy(),
        sep in proptest::collection::vec(0usize..3, 1..4),
        unicode_minus in any::<bool>(),
        euro in any::<bool>(),
    ) {
        let (int, frac) = digits_of(v);
        let seps: Vec<&str> = sep.iter().map(|&i| SPACES[i]).collect();
        let mut s = String::new();
        if v.is_sign_negative() && !v.is_zero() {
            s.push(if unicode_minus { '\u{2212}' } else { '-' });
        }
        s.push_str(&group(&int, &seps));
        if !frac.is_empty() {
            s.push(',');
            s.push_str(&frac);
        }
        if euro {
            s.push_str("\u{a0}€");
        }
        let got = parse_amount(&s);
        prop_assert_eq!(got, Ok(Some(v)), "{:?}", s);
        // The scale typed is kept.
        prop_assert_eq!(got.ok().flatten().map(|x| x.to_string()), Some(v.to_string()));
    }

    #[test]
    fn english_style_round_trips(v in amount_strategy(), grouped in any::<bool>()) {
        let (int, frac) = digits_of(v);
        let mut s = String::new();
        if v.is_sign_negative() && !v.is_zero() {
            s.push('-');
        }
        let int_text = if grouped { group(&int, &[","]) } else { int.clone() };
        s.push_str(&int_text);
        if !frac.is_empty() {
            s.push('.');
            s.push_str(&frac);
        }
        let got = parse_amount(&s);
        if frac.is_empty() && int_text.matches(',').count() == 1 {
            // "12,345" alone is read the French way: the comma is the decimal separator.
            let (a, b) = int_text.split_once(',').unwrap_or_default();
            let sign = if s.starts_with('-') { "-" } else { "" };
            let expected = d(&format!("{sign}{a}.{b}"));
            prop_assert_eq!(got, Ok(Some(expected)), "{:?}", s);
        } else {
            prop_assert_eq!(got, Ok(Some(v)), "{:?}", s);
            prop_assert_eq!(got.ok().flatten().map(|x| x.to_string()), Some(v.to_string()));
        }
    }

    #[test]
    fn machine_form_round_trips(v in amount_strategy()) {
        let back = parse_decimal(&v.to_string());
        prop_assert_eq!(back, Ok(v));
        prop_assert_eq!(back.map(|x| x.to_string()), Ok(v.to_string()));
    }

    #[test]
    fn beyond_the_bound_is_too_large(
        excess in 1i128..=10i128.pow(20),
        scale in 0u32..=6,
        negative in any::<bool>(),
    ) {
        let max_units = 10i128.pow(15 + scale);
        let m = max_units + excess;
        let v = Decimal::from_i128_with_scale(if negative { -m } else { m }, scale);
        prop_assert_eq!(parse_amount(&v.to_string()), Err(AmountError::TooLarge));
        prop_assert_eq!(parse_decimal(&v.to_string()), Err(AmountError::TooLarge));
    }

    #[test]
    fn counts_round_trip(n in any::<u32>(), sep in 0usize..3, grouped in any::<bool>()) {
        let text = if grouped { group(&n.to_string(), &[SPACES[sep]]) } else { n.to_string() };
        prop_assert_eq!(parse_count(&text), Ok(Some(n)));
    }

    #[test]
    fn exactly_one_check_digit_completes_a_siren(prefix in "[0-9]{8}") {
        let valid: Vec<u32> = (0..10)
            .filter(|k| validate_siren(&format!("{prefix}{k}")).is_ok())
            .collect();
        prop_assert_eq!(valid.len(), 1);
    }

    #[test]
    fn any_single_digit_change_breaks_a_siren(
        prefix in "[0-9]{8}",
        pos in 0usize..9,
        delta in 1u32..10,
    ) {
        let Some(check) = (0..10).find(|k| luhn_by_hand(&format!("{prefix}{k}"))) else {
            return Err(TestCaseError::fail("no check digit"));
        };
        let good = format!("{prefix}{check}");
        prop_assert_eq!(validate_siren(&good), Ok(()));
        let mut digits: Vec<u32> = good.chars().filter_map(|c| c.to_digit(10)).collect();
        digits[pos] = (digits[pos] + delta) % 10;
        let bad: String = digits.iter().map(|x| x.to_string()).collect();
        prop_assert_eq!(validate_siren(&bad), Err(SirenError::Checksum));
    }
}
